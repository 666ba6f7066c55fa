# An instance's __dict__ is its attribute store: writes through it, vars(), assignment, and precedence against class attributes, as CPython 3.11.
class A:
    def __init__(self, **kw):
        self.__dict__.update(kw)
        self.z = 0
a = A(x=1, y=2)
print(a.x, a.y, a.z, a.__dict__, vars(a) is a.__dict__, a.__dict__ is a.__dict__)
a.__dict__['w'] = 5
print(a.w, hasattr(a, 'w'), sorted(vars(a)))
del a.__dict__['x']
print(hasattr(a, 'x'))
a.q = 9
print(a.__dict__)
del a.q
print('q' in a.__dict__, getattr(a, 'q', 'gone'))
b = A()
b.__dict__ = {'k': 1}
print(b.k, b.__dict__)
try:
    b.__dict__ = 5
except TypeError as e:
    print(e)
class P:
    @property
    def v(self): return 'prop'
p = P()
p.__dict__['v'] = 'inst'
print(p.v)
class C:
    def m(self): return 'method'
c = C()
c.__dict__['m'] = lambda: 'inst'
print(c.m())
for i in range(3):
    o = A(n=i)
    print(o.n, o.__dict__)
class S:
    __slots__ = ('a',)
try:
    S().__dict__
except AttributeError as e:
    print(e)
