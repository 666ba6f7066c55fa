import warnings


def show(log):
    return [(type(w.message).__name__, str(w.message), w.category.__name__)
            for w in log]


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


print(warnings.filters)
print(warnings.defaultaction, type(warnings.onceregistry).__name__)

# formatwarning / showwarning with explicit locations
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 10)))
print(repr(warnings.formatwarning("msg", DeprecationWarning, "file.py", 3,
                                  line="   x = 1   ")))
print(repr(warnings.formatwarning(ValueError("v"), RuntimeWarning, "f", 1, "")))
print(repr(warnings.formatwarning("first line", UserWarning, "main.py", 1)))
sink = Sink()
warnings.showwarning("shown", UserWarning, "mod.py", 5, file=sink, line="code()")
warnings.showwarning("shown2", FutureWarning, "nofile.py", 7, file=sink)
print(sink.parts)

# always
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for i in range(3):
        warnings.warn("repeat")
    warnings.warn("other", RuntimeWarning)
    warnings.warn("deprecated!", DeprecationWarning, stacklevel=2)
print("always", show(log))

# default: once per location
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("repeat")
    for i in range(2):
        warnings.warn("x%d" % i)
print("default", show(log))

# once: once per message text regardless of location
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    warnings.warn("once-msg")
    warnings.warn("once-msg")
    warnings.warn("once-msg", RuntimeWarning)
    warnings.warn("other-msg")
print("once", show(log))

# module
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("module")
    for i in range(2):
        warnings.warn("mod-msg")
print("module", show(log))

# ignore
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    warnings.warn("nothing")
    warnings.warn("nothing", DeprecationWarning)
print("ignore", show(log))

# error
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom")
    except UserWarning as e:
        print("error", type(e).__name__, e, e.args)
    try:
        warnings.warn("boom2", ResourceWarning)
    except ResourceWarning as e:
        print("error", type(e).__name__, e)
    inst = RuntimeWarning("instance", 2)
    try:
        warnings.warn(inst)
    except RuntimeWarning as e:
        print("error same instance:", e is inst, e.args)

# category filter and regex message filter
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("error", message="fatal")
    warnings.filterwarnings("ignore", message="spam.*eggs")
    warnings.filterwarnings("ignore", message=r"num\d+$")
    warnings.warn("d", DeprecationWarning)
    warnings.warn("p", PendingDeprecationWarning)
    warnings.warn("spam and eggs")
    warnings.warn("SPAM, EGGS")
    warnings.warn("spam only")
    warnings.warn("num12")
    warnings.warn("num12x")
    warnings.warn("eggs spam and eggs")
    try:
        warnings.warn("FATAL problem")
    except UserWarning as e:
        print("raised", e)
    warnings.warn("not fatal")
print("filters", show(log))

# filter order: the newest filter wins; append=True puts it last
with warnings.catch_warnings(record=True) as log:
    warnings.resetwarnings()
    warnings.simplefilter("ignore")
    warnings.simplefilter("always", append=True)
    warnings.warn("hidden")
    print(len(warnings.filters), [f[0] for f in warnings.filters])
    warnings.simplefilter("always", UserWarning)
    warnings.warn("visible")
    warnings.warn("hidden2", RuntimeWarning)
    warnings.simplefilter("always", UserWarning)
    print(len(warnings.filters), [f[0] for f in warnings.filters])
print("order", show(log))

# resetwarnings -> defaultaction
with warnings.catch_warnings(record=True) as log:
    warnings.resetwarnings()
    print("after reset", warnings.filters)
    warnings.warn("r1")
    warnings.warn("r1", DeprecationWarning)
print("reset", show(log))

# module regex and lineno filters via warn_explicit
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", module="pkg\\.")
    warnings.filterwarnings("ignore", lineno=42)
    warnings.warn_explicit("a", UserWarning, "pkg/x.py", 1, module="pkg.x")
    warnings.warn_explicit("b", UserWarning, "other.py", 1, module="other")
    warnings.warn_explicit("c", UserWarning, "other.py", 42, module="other")
    warnings.warn_explicit("d", UserWarning, "auto.py", 2)
for w in log:
    print("explicit", w.filename, w.lineno, str(w.message), w.category.__name__, w.line, w.file, w.source)

# registry handling in warn_explicit with the default action
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    reg = {}
    for i in range(2):
        warnings.warn_explicit("r", UserWarning, "f.py", 10, registry=reg)
    warnings.warn_explicit("r", UserWarning, "f.py", 11, registry=reg)
    print(sorted((k for k in reg if k != "version"), key=repr))
print("registry", [(w.lineno, str(w.message)) for w in log])

# WarningMessage
wm = warnings.WarningMessage("text", UserWarning, "file.py", 12, line="x")
print(str(wm))
print(wm.message, wm.category, wm.filename, wm.lineno, wm.file, wm.line, wm.source, wm._category_name)
wm2 = warnings.WarningMessage(UserWarning("obj"), UserWarning, "f", 1)
print(str(wm2))

# bad arguments
attempt("warn int category", lambda: warnings.warn("x", int))
attempt("warn 5 category", lambda: warnings.warn("x", 5))
attempt("warn str category", lambda: warnings.warn("x", "cat"))
attempt("filter bad action", lambda: warnings.filterwarnings("bogus"))
attempt("simplefilter bad action", lambda: warnings.simplefilter("loud"))
attempt("filter bad category", lambda: warnings.filterwarnings("ignore", category=int))
attempt("filter bad lineno", lambda: warnings.filterwarnings("ignore", lineno=-1))

# catch_warnings restores state, custom showwarning / formatwarning
before = list(warnings.filters)
orig_show = warnings.showwarning
calls = []


def my_show(message, category, filename, lineno, file=None, line=None):
    calls.append((str(message), category.__name__))


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = my_show
    warnings.warn("custom shown")
    warnings.warn("custom shown 2", SyntaxWarning)
print(calls, warnings.showwarning is orig_show, warnings.filters == before)

orig_format = warnings.formatwarning
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.formatwarning = lambda m, c, f, l, line=None: "FMT[%s|%s]\n" % (m, c.__name__)
    s2 = Sink()
    warnings.showwarning("fm", UserWarning, "f.py", 1, file=s2)
    print(s2.parts)
    warnings.formatwarning = orig_format
print(repr(warnings.formatwarning("ok", UserWarning, "f", 2)))

# catch_warnings(action=...) (3.11)
with warnings.catch_warnings(action="error", category=RuntimeWarning):
    attempt("action=error", lambda: warnings.warn("rw", RuntimeWarning))
    print(warnings.filters[0])
with warnings.catch_warnings(record=True, action="ignore") as log:
    warnings.warn("ignored")
print("action=ignore", show(log))

cw = warnings.catch_warnings(record=True)
print(repr(cw), repr(warnings.catch_warnings()))
with cw:
    attempt("enter twice", lambda: cw.__enter__())
attempt("exit unentered", lambda: warnings.catch_warnings().__exit__(None, None, None))

# nested catch_warnings: inner record does not leak
with warnings.catch_warnings(record=True) as outer:
    warnings.simplefilter("always")
    with warnings.catch_warnings(record=True) as inner:
        warnings.simplefilter("always")
        warnings.warn("inner")
    warnings.warn("outer")
print("nested", show(outer), show(inner))

# warn with an instance keeps the instance as message
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    inst = FutureWarning("future thing")
    warnings.warn(inst, UserWarning)
print(log[0].message is inst, log[0].category.__name__)
print(warnings.filters == before)
