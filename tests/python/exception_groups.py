# Exception groups (PEP 654): ExceptionGroup/BaseExceptionGroup, split/subgroup/derive, except*,
# and how tracebacks print them.
import sys
import traceback
import _relative_stdout  # noqa: F401  (tracebacks on stdout name files relative to here)

eg = ExceptionGroup("many", [ValueError(1), TypeError("t"), ValueError(2)])
print(repr(eg), "|", str(eg), "|", eg.message, eg.exceptions, eg.args)
print(type(eg).__mro__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
one = ExceptionGroup("one", (KeyError("k"),))
print(str(one), repr(one))
print(type(BaseExceptionGroup("b", [ValueError()])).__name__,
      type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)

for args in [("m",), ("m", []), (1, [ValueError()]), ("m", [1]), ("m", ValueError()), ("m", {ValueError()})]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)

match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(OSError))
print(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] == 2))
print(eg.split((TypeError, ValueError)))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
try:
    eg.split(42)
except TypeError as e:
    print("TypeError", e)


class MyGroup(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def derive(self, excs):
        return MyGroup(self.message, excs, self.code)


g = MyGroup("mine", [ValueError(1), OSError(2)], 7)
gm, gr = g.split(OSError)
print(type(gm).__name__, gm.code, repr(gm.exceptions), type(gr).__name__, gr.code)

# Metadata follows split parts.
try:
    raise ExceptionGroup("with tb", [ValueError(5), TypeError(6)])
except ExceptionGroup as e:
    e.add_note("a note")
    part = e.subgroup(ValueError)
    print(part.__traceback__ is e.__traceback__, part.__notes__)

# except*
def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("caught", repr(e), repr(e.exceptions[0]), type(sys.exc_info()[1]).__name__)


naked()


def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
    except* ValueError as e:
        print("values", repr(e))
    except* TypeError as e:
        print("types", repr(e))
    except* (KeyError, IndexError) as e:
        print("lookups", repr(e))
    else:
        print("not here")
    finally:
        print("finally")


partial()

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled the ValueError")
except ExceptionGroup as e:
    print("left:", repr(e))

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        raise KeyError("from handler")
except ExceptionGroup as e:
    print("raised:", repr(e), [type(x).__name__ for x in e.exceptions])
    print(repr(e.exceptions[0].__context__))

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("bare raise:", repr(e))

try:
    try:
        raise TypeError("naked again")
    except* TypeError:
        raise
except ExceptionGroup as e:
    print("naked re-raised as group:", repr(e))

try:
    try:
        raise IndexError("not matched")
    except* ValueError:
        print("no")
except IndexError as e:
    print("unmatched naked passes through:", repr(e))

try:
    pass
except* ValueError:
    print("no")
else:
    print("else runs")

for bad in (ExceptionGroup, (ValueError, ExceptionGroup), int):
    try:
        try:
            raise ValueError()
        except* bad:
            pass
    except TypeError as e:
        print("TypeError", e)

for src in ["for i in x:\n    try:\n        pass\n    except* ValueError:\n        break\n",
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
            "try:\n    pass\nexcept* ValueError:\n    for i in x:\n        break\n"]:
    try:
        compile(src, "<src>", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError", e.msg)

# Handlers with names: the name is cleared after the clause.
def scope():
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print("NameError", e)


scope()

# Formatting groups
def make():
    try:
        raise ValueError("inner value")
    except ValueError as v:
        raise ExceptionGroup("top", [v, ExceptionGroup("sub", [TypeError("t1"), KeyError("k1")])])


try:
    make()
except ExceptionGroup as e:
    print("".join(traceback.format_exception(e)), end="")
    print(traceback.format_exception_only(e))

many = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
print("".join(traceback.format_exception(many)), end="")

# Uncaught: printed by the interpreter with the boxes, exit status 1.
def fail():
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        raise RuntimeError("handler failed")


fail()
