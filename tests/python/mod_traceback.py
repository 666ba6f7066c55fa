# traceback, sys._getframe and frames, types, gc, atexit, errno: the introspection modules.
import atexit
import errno
import gc
import sys
import traceback
import types
import _relative_stdout  # noqa: F401  (tracebacks on stdout name files relative to here)


def deep(n):
    if n == 0:
        raise ValueError("boom %d" % n)
    return deep(n - 1) + 1


def caught_deep():
    try:
        deep(6)
    except ValueError:
        print(traceback.format_exc(), end="")
        traceback.print_exc(file=sys.stdout)
        e = sys.exc_info()[1]
        for fs in traceback.extract_tb(e.__traceback__):
            print(fs.name, fs.lineno, fs.line, repr(fs), fs == (fs.filename, fs.lineno, fs.name, fs.line))
        print(traceback.format_exception_only(e))
        print(traceback.format_exception(e)[:2])
        print(len(traceback.format_tb(e.__traceback__)), len(traceback.extract_tb(e.__traceback__, limit=2)))
        print(traceback.format_tb(e.__traceback__, limit=-1))
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(names)
        print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__traceback__)][:3])


caught_deep()


def stack_user():
    traceback.print_stack(file=sys.stdout, limit=2)
    print(traceback.format_stack()[-1], end="")
    print(traceback.extract_stack()[-1], len(traceback.extract_stack(limit=1)))
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    local_value = 42
    print(sorted(fr.f_locals), sys._getframe(0).f_locals["local_value"])
    print(sys._getframe(1).f_code.co_name, sys._getframe(1).f_globals is globals())
    try:
        sys._getframe(1000)
    except ValueError as e:
        print("ValueError:", e)


stack_user()

# Chained exceptions, as the interpreter prints them.
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print("".join(traceback.format_exception(e)), end="")
    print(traceback.format_exception(e, chain=False))
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)), end="")

try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    traceback.print_exception(e, file=sys.stdout)
    te = traceback.TracebackException.from_exception(e)
    print(type(te.__context__).__name__, te.__context__.exc_type.__name__, te.exc_type.__name__, str(te))
    print(list(te.format_exception_only()))


def carets():
    x = [1, 2]
    return x[0] + x[1] * x[5]


try:
    carets()
except IndexError:
    traceback.print_exc(file=sys.stdout)

e = ValueError("with a note")
e.add_note("note one")
print(traceback.format_exception_only(e))
print(traceback.format_exception(None))
print(traceback.format_exc())
try:
    compile("x = (1,", "<src>", "exec")
except SyntaxError as se:
    print("".join(traceback.format_exception_only(se)), end="")
print(traceback.format_list([("f.py", 3, "g", "y = 1"), traceback.FrameSummary("h.py", 4, "k", line="z()")]))
s = traceback.StackSummary.from_list([("a.py", 1, "f", "pass")] * 6)
print("".join(s.format()), end="")

# Frames and code objects.
def code_of():
    pass


co = code_of.__code__
print(co.co_name, co.co_firstlineno, co.co_argcount, co.co_nlocals, co.co_varnames, type(co).__name__)
print(type(sys._getframe()).__name__, repr(sys._getframe()).startswith("<frame at 0x"))


def gen():
    yield sys._getframe().f_code.co_name


g = gen()
print(g.gi_frame is not None, g.gi_running, next(g), g.gi_code.co_name)

# types
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns == types.SimpleNamespace(b="x", a=1), types.SimpleNamespace())
ns.c = [1]
print(ns.c, vars(ns))
m = types.MappingProxyType({"a": 1})
print(m, repr(m), m["a"], len(m), list(m), "a" in m, m.get("q", 0), type(m).__name__)
try:
    m["b"] = 2
except TypeError as err:
    print(err)
mod = types.ModuleType("mymod", "its doc")
mod.x = 3
print(mod, mod.__doc__, mod.__name__, mod.x, isinstance(mod, types.ModuleType))


class Holder:
    def __init__(self):
        self.v = 5


def getv(self):
    return self.v


bm = types.MethodType(getv, Holder())
print(bm(), isinstance(bm, types.MethodType), bm.__func__ is getv)
print(isinstance(getv, types.FunctionType), isinstance(len, types.BuiltinFunctionType),
      isinstance(gen(), types.GeneratorType), isinstance(lambda: 0, types.LambdaType))
print(types.NoneType, types.EllipsisType, types.NotImplementedType)
C = types.new_class("C", (Holder,), {}, lambda ns: ns.update(w=7))
print(C.__name__, C().v, C.w, types.resolve_bases((int,)))
print(types.prepare_class("D", (int,))[0])

# errno
print(errno.ENOENT, errno.errorcode[errno.ENOENT], errno.EEXIST, errno.EACCES)
try:
    open("/nonexistent/file")
except OSError as err:
    print(err.errno == errno.ENOENT)

# gc
print(gc.isenabled(), isinstance(gc.collect(), int), gc.collect(0) >= 0)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold(), gc.is_tracked(1), gc.is_tracked([]))
gc.set_threshold(1000, 20, 20)
print(gc.get_threshold(), len(gc.get_count()))
try:
    gc.collect(5)
except ValueError as err:
    print(err)
keep = [[i] * 3 for i in range(2000)]
gc.collect()
print(sum(len(k) for k in keep))


# atexit: last registered runs first; an exception is reported and the others still run.
def bye(*args, **kw):
    print("bye", args, kw)


class Failing:
    def __call__(self):
        raise KeyError("in atexit")

    def __repr__(self):
        return "<Failing callback>"


atexit.register(bye, 1, k=2)
atexit.register(Failing())
atexit.register(bye, 3)
atexit.unregister(print)


@atexit.register
def first():
    print("registered last, runs first")


print("end of main")
