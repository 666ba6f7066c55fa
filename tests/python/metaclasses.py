class Meta(type):
    registry = []
    def __new__(mcs, name, bases, ns, **kw):
        ns['added'] = 42
        cls = super().__new__(mcs, name, bases, ns)
        mcs.registry.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
    def __call__(cls, *args):
        print('creating', cls.__name__, args)
        return super().__call__(*args)
    def __iter__(cls):
        return iter([1, 2, 3])
    def __len__(cls):
        return 3
    def __getitem__(cls, k):
        return k * 2
    def __repr__(cls):
        return '<Meta class %s>' % cls.__name__
    def hello(cls):
        return 'hello from ' + cls.__name__
    @property
    def prop(cls):
        return 'prop of ' + cls.__name__

class A(metaclass=Meta, flag=1):  # Meta.__new__ drops the keyword; Meta.__init__ keeps it
    def __init__(self, x):
        self.x = x

class B(A):
    pass

print(type(A), type(B), type(A) is Meta, isinstance(A, Meta), isinstance(A, type))
print(A.added, A.kw, B.kw, Meta.registry)
a = A(5)
print(a.x, type(a).__name__)
print(list(A), len(A), A[21], repr(A), A, B.hello(), A.prop)
print(A.__class__, type(type(A)))

class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 'yes'}
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class C(metaclass=Prep, k=2):
    print('body sees', injected)
print(C.injected)

class OrderedNS(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith('__'):
            self.order.append(k)
        super().__setitem__(k, v)
class OM(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return OrderedNS()
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class D(metaclass=OM):
    z = 1
    a = 2
    def m(self): pass
print(D.order)

class Check(type):
    def __instancecheck__(cls, x):
        return x == 'magic'
    def __subclasscheck__(cls, c):
        return c is int
class E(metaclass=Check):
    pass
print(isinstance('magic', E), isinstance(3, E), issubclass(int, E), issubclass(str, E))
T = type('T', (), {'v': 1})
print(T.v, type(T))
M2 = Meta('M2', (), {})
print(type(M2), M2.added)
class X: pass
class Y(type): pass
try:
    class Z(X, metaclass=Y): pass
    print(type(Z))
except TypeError as e:
    print('TypeError', e)
class M3(type): pass
try:
    class Q(A, metaclass=M3): pass
except TypeError as e:
    print('TypeError', e)

try:
    class W(metaclass=Meta2 if False else type, k=1):
        pass
except TypeError as e:
    print('TypeError', e)
