# Private name mangling (__x inside a class is _Class__x), as CPython 3.11.
class A:
    __cls_private = 'cp'
    def __init__(self):
        self.__x = 1
        self.__y__ = 2
        self._z = 3
    def __helper(self):
        return self.__x + 10
    def get(self):
        return self.__helper(), A.__cls_private, getattr(self, '_A__x')
class B(A):
    def __init__(self):
        super().__init__()
        self.__x = 'b'
    def both(self):
        return self.__x, self._A__x
print(sorted(vars(A())), A().get(), sorted(vars(B())), B().both())
class _Under:
    def __init__(self): self.__p = 1
print(vars(_Under()))
class ___:
    def __init__(self): self.__q = 1
print(vars(___()))
__g = 'global'
class G:
    def f(self):
        try:
            return __g
        except NameError as e:
            return str(e)
print(G().f())
def outer():
    class In:
        def m(self):
            self.__v = 5
            return vars(self)
    return In().m()
print(outer(), hasattr(A(), '__x'), '__helper' in A.__dict__, '_A__helper' in A.__dict__, A._A__helper.__name__)
class S:
    __slots__ = ("__h", "a")
    def __init__(self): self.__h = 1; self.a = 2
s = S(); print(s._S__h, S.__slots__)
try: s.__h = 3
except AttributeError as e: print(e)
