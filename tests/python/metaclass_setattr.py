import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
for stmt in ["Color.RED = 5", "del Color.RED", "Color.NEW = 3"]:
    try:
        exec(stmt)
        print(stmt, 'ok')
    except AttributeError as e:
        print(stmt, 'AttributeError', e)
print(Color.RED, list(Color), getattr(Color, 'NEW', None))
class Log(type):
    def __setattr__(cls, k, v):
        print('set', cls.__name__, k, v)
        super().__setattr__(k, v)
    def __delattr__(cls, k):
        print('del', cls.__name__, k)
        super().__delattr__(k)
class A(metaclass=Log):
    x = 1
A.y = 2
setattr(A, 'z', 3)
del A.x
print(A.y, A.z, hasattr(A, 'x'))
class B: pass
B.q = 1; del B.q; print(hasattr(B, 'q'))
type.__setattr__(B, 'w', 5); print(B.w)
try:
    int.foo = 1
except TypeError as e:
    print('TypeError', e)
