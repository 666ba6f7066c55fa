# Exceptions: try/except/else/finally ordering, raise from, chaining, custom classes,
# str/repr of builtin exceptions, exceptions raised by builtins.

def trace(kind):
    log = []
    try:
        log.append("try")
        if kind == "raise":
            raise ValueError("v")
        if kind == "return":
            return log + ["returned"]
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
print(trace("ok"))
print(trace("raise"))
print(trace("return"))   # finally runs, but the returned list was built before

# finally overrides return
def finally_returns():
    try:
        return "try"
    finally:
        return "finally"
print(finally_returns())

def finally_swallows():
    try:
        raise KeyError("lost")
    finally:
        return "swallowed"
print(finally_swallows())

# Matching order, tuples of types, base classes
def which(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-ish: " + type(e).__name__
    except ArithmeticError as e:
        return "arith: " + type(e).__name__
    except Exception as e:
        return "other: " + type(e).__name__
for exc in (KeyError("k"), IndexError, ZeroDivisionError(), OverflowError, TypeError("t"), LookupError):
    print(which(exc))

# Exception hierarchy
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(ValueError, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(UnboundLocalError, NameError))
print(issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError), issubclass(StopIteration, Exception))
print([c.__name__ for c in KeyError.__mro__])

# str / repr / args of builtin exceptions
for e in (ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("key"), KeyError(), KeyError("a", "b"), OSError(2, "No such file"), Exception(None), StopIteration(5)):
    print(repr(e), "|", str(e), "|", e.args)

# Exceptions from builtins: type, args and message
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e.args, "|", str(e))
show(lambda: int("x"))
show(lambda: [][1])
show(lambda: {}["a"])
show(lambda: 1 / 0)
show(lambda: None.foo)
show(lambda: (1).foo)
show(lambda: "abc".nope())
show(lambda: undefined_name)
show(lambda: 1 + "a")
show(lambda: "a" * "b")
show(lambda: len(5))
nothing = None
index = 1.5
show(lambda: nothing())   # via names: literals here would draw a SyntaxWarning
show(lambda: [1, 2, 3][index])
show(lambda: iter(5))
show(lambda: next(iter([])))
show(lambda: {}.x)
show(lambda: float("1.2.3"))
show(lambda: chr(-1))
show(lambda: [].pop())
show(lambda: ().index(1))
show(lambda: abs("x"))
show(lambda: -"x")
show(lambda: hash([]))
show(lambda: object().x)
show(lambda: setattr(object(), "x", 1))
show(lambda: sorted([1, None]))

# Custom exceptions
class AppError(Exception):
    pass
class DetailedError(AppError):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
    def __str__(self):
        return "[%d] %s" % (self.code, self.detail)
try:
    raise DetailedError(404, "not found")
except AppError as e:
    print(type(e).__name__, e.args, str(e), repr(e), e.code, isinstance(e, Exception))
try:
    raise AppError
except AppError as e:
    print(repr(e), e.args, str(e) == "")

# raise from: __cause__, __suppress_context__
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad config") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

# implicit chaining: __context__
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

# raise from None suppresses context
try:
    try:
        [][0]
    except IndexError:
        raise TypeError("clean") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

# bare raise re-raises the current exception
def reraiser():
    try:
        raise NameError("orig")
    except NameError:
        raise
try:
    reraiser()
except NameError as e:
    print("re-raised", repr(e))

# The 'as' name is deleted after the except block
try:
    raise ValueError
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError", e)

# Exceptions in else / finally
def else_raises():
    try:
        pass
    except Exception:
        return "caught"
    else:
        raise OSError("from else")
try:
    else_raises()
except OSError as e:
    print("OSError", e)

# Nested try with finally order
order = []
try:
    try:
        order.append(1)
        raise KeyError
    finally:
        order.append(2)
except KeyError:
    order.append(3)
finally:
    order.append(4)
print(order)

# Exception with traceback attribute and with_traceback
try:
    raise ValueError("tb")
except ValueError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__, e.__traceback__.tb_lineno)

# raise a class vs instance; raising non-exceptions
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise IndexError
except IndexError as e:
    print(repr(e))

# Exception notes (3.11)
try:
    e = ValueError("with note")
    e.add_note("extra info")
    raise e
except ValueError as e:
    print(e.__notes__)

# Exception groups and except* (3.11)
try:
    raise ExceptionGroup("group", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values:", [repr(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types:", [repr(x) for x in eg.exceptions])

# Loop control inside try/finally
out = []
for i in range(3):
    try:
        if i == 1:
            continue
        out.append(i)
    finally:
        out.append("f%d" % i)
print(out)
