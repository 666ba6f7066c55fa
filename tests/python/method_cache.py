# Method and attribute lookups at one call site stay right while the receivers' classes,
# instances and maps change under it (the interpreter caches them per site).


class A:
    def f(self):
        return "A.f"

    def g(self):
        return "A.g"


class B(A):
    def f(self):
        return "B.f"


class C(A):
    pass


class D:
    def f(self):
        return "D.f"


def call_f(objs):
    return [o.f() for o in objs]



objs = [A(), B(), C(), D(), A(), 3, "s", [1]]
for round_ in range(3):
    print(call_f(objs[:5]))

# A method replaced on the class after the site has cached it.
A.f = lambda self: "new A.f"
print(call_f(objs[:5]))

# A base class change reaches subclasses.
del A.f
try:
    call_f(objs[:1])
except AttributeError as e:
    print("AttributeError:", e)
A.f = lambda self: "A.f again"
print(call_f(objs[:5]))

# An instance attribute shadows the class's method, then goes away again.
a = A()
for i in range(3):
    print(a.f())
a.f = lambda: "instance f"
print(a.f())
del a.f
print(a.f())

# Two instances with the same attributes, one shadowing after a delete.
p, q = C(), C()
p.x = q.x = 1
p.g = lambda: "p.g"
del p.g
print(p.g(), q.g())
q.g = lambda: "q.g"
for o in (p, q, p, q):
    print(o.g())

# Built-in receivers at a shared site.
for v in ([3, 1, 2], (3, 1, 2), "abc", b"xy", {1: 2}):
    print(type(v).__name__, v.__len__(), v.__class__.__name__)

# Many classes at one site (more than the cache keeps).
classes = [type("K%d" % i, (), {"f": (lambda i: lambda self: i * i)(i)}) for i in range(12)]
insts = [k() for k in classes]
for _ in range(3):
    print(sum(o.f() for o in insts))

# Attribute loads at one site over instances of different shapes.
class P:
    def __init__(self, *names):
        for n in names:
            setattr(self, n, n.upper())


shapes = [P("x"), P("y", "x"), P("x", "y", "z"), P("a", "b", "c", "d", "e", "x"), P()]
for _ in range(3):
    print([getattr(o, "x", "-") for o in shapes], [o.x for o in shapes[:4]])

# An attribute store that adds the fifth, sixth ... attribute (the slots grow) at one site.
class Grow:
    pass


def fill(o, n):
    for i in range(n):
        setattr(o, "a%d" % i, i)
    return o


def set_many(o):
    o.a = 1
    o.b = 2
    o.c = 3
    o.d = 4
    o.e = 5
    o.f = 6
    o.g = 7
    o.h = 8
    o.i = 9
    return o


rows = [set_many(Grow()) for _ in range(4)]
print([sorted(vars(r).items()) for r in rows[:1]], sum(r.i for r in rows))
print(sorted(vars(fill(Grow(), 7))))

# __getattribute__ defined after instances were cached.
class G:
    def f(self):
        return "G.f"


g = G()
print([g.f() for _ in range(3)])
G.__getattribute__ = lambda self, name: (lambda: "intercepted " + name)
print(g.f())

# A class whose instance keeps a __dict__ (asked for) at a cached site.
h = A()
print(h.g())
h.__dict__["g"] = lambda: "dict g"
print(h.g())
