# The with statement: context manager classes, __enter__ values, __exit__ arguments,
# suppression by returning True, nesting and ordering.

class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc), tb is not None)
        return self.suppress

with Tracker("a") as value:
    print("body got", value)
print("---")

with Tracker("outer"), Tracker("inner") as v:
    print("body", v)
print("---")

with Tracker("x") as x, Tracker("y") as y:
    print(x, y)
print("---")

# Parenthesized context managers (3.10+)
with (
    Tracker("p1") as p1,
    Tracker("p2"),
):
    print("paren body", p1)
print("---")

# Exception not suppressed: propagates after __exit__
try:
    with Tracker("boom"):
        raise ValueError("inside with")
    print("not reached")
except ValueError as e:
    print("caught outside:", e)
print("---")

# Suppressed by __exit__ returning True
with Tracker("quiet", suppress=True):
    raise KeyError("suppressed")
    print("not reached")
print("after suppressed with")
print("---")

# Inner manager suppresses, outer sees no exception
with Tracker("outer2"):
    with Tracker("inner2", suppress=True):
        1 / 0
    print("between")
print("---")

# Truthy non-bool return values also suppress
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        return "yes"
with Truthy():
    raise RuntimeError
print("suppressed by truthy value")

# __exit__ runs on return, break, continue
def func():
    with Tracker("in-func"):
        return "returned value"
print(func())
for i in range(3):
    with Tracker("loop%d" % i):
        if i == 0:
            continue
        if i == 1:
            break
print("---")

# __enter__ raising: __exit__ not called
class BadEnter:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("should not run")
try:
    with BadEnter():
        print("not reached")
except OSError as e:
    print("OSError", e)

# __exit__ raising replaces the original exception and chains it
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("from exit")
try:
    with BadExit():
        raise ValueError("original")
except TypeError as e:
    print("TypeError", e, "context:", repr(e.__context__))

# Objects without the protocol
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError", e)

# A resource-like manager that records state
class Resource:
    def __init__(self):
        self.log = []
        self.open = False
    def __enter__(self):
        self.open = True
        self.log.append("opened")
        return self
    def __exit__(self, et, ev, tb):
        self.open = False
        self.log.append("closed" + (" after " + et.__name__ if et else ""))
        return False
r = Resource()
with r as handle:
    print(handle is r, r.open)
try:
    with r:
        raise IndexError
except IndexError:
    pass
print(r.open, r.log)

# Context manager built from a generator by hand (no contextlib)
class from_gen:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            next(self.gen, None)
            return False
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    finally:
        print("</%s>" % name)
with from_gen(tag("b")) as t:
    print("content of", t)
