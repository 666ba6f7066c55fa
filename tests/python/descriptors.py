# User-defined descriptors: data descriptors (__get__/__set__, __set_name__) and a non-data
# caching descriptor that the instance attribute then shadows.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)

class cached:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        setattr(obj, self.f.__name__, v)
        return v

class P:
    x = Typed(int)
    def __init__(self, x):
        self.x = x
    @cached
    def double(self):
        print("computing")
        return self.x * 2

p = P(3)
print(p.x, p.double, p.double, type(P.x).__name__)
try:
    p.x = "a"
except TypeError as e:
    print("TypeError", e)
