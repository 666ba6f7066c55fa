import abc
from abc import ABC, abstractmethod


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", type(r).__name__)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


print(sorted(Shape.__abstractmethods__))
attempt("Shape()", lambda: Shape())


class Half(Shape):
    def area(self):
        return 1


print(sorted(Half.__abstractmethods__))
attempt("Half()", lambda: Half())


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


s = Square(3)
print(s.area(), s.perimeter(), s.describe())
print(sorted(Square.__abstractmethods__), isinstance(s, Shape), isinstance(s, ABC))
attempt("Square()", lambda: Square())


class P(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


print(sorted(P.__abstractmethods__))
attempt("P()", lambda: P())


class PImpl(P):
    name = "impl"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 42


print(PImpl.make().name, PImpl.helper(), sorted(PImpl.__abstractmethods__))


class Old(ABC):
    @abc.abstractproperty
    def x(self):
        ...

    @abc.abstractclassmethod
    def c(cls):
        ...

    @abc.abstractstaticmethod
    def s():
        ...


print(sorted(Old.__abstractmethods__))
attempt("Old()", lambda: Old())


class Concrete(ABC):
    pass


attempt("Concrete()", lambda: Concrete())
attempt("Concrete(1)", lambda: Concrete(1))
print(sorted(Concrete.__abstractmethods__))


class WithInit(ABC):
    def __init__(self, a, b=2):
        self.a, self.b = a, b


w = WithInit(1)
print(w.a, w.b)
attempt("WithInit()", lambda: WithInit())


# register as a function and decorator
class Sized(ABC):
    @abstractmethod
    def __len__(self):
        ...


class MyList:
    def __len__(self):
        return 0


r = Sized.register(MyList)
print(r is MyList)


@Sized.register
class Other:
    pass


print(Other.__name__)
attempt("register(1)", lambda: Sized.register(1))
print(type(abc.get_cache_token()).__name__)

# update_abstractmethods
class Base(ABC):
    @abstractmethod
    def go(self):
        ...


class Impl(Base):
    pass


print(sorted(Impl.__abstractmethods__))
Impl.go = lambda self: "went"
abc.update_abstractmethods(Impl)
print(sorted(Impl.__abstractmethods__), Impl().go())

# abstractmethod marks the function
def f():
    pass
g = abstractmethod(f)
print(g is f, f.__isabstractmethod__)

# super() calls into abstract implementation
class A2(ABC):
    @abstractmethod
    def hello(self):
        return "base hello"


class B2(A2):
    def hello(self):
        return "B2 + " + super().hello()


print(B2().hello())

# abstract methods overridden by a non-function attribute
class C3(Base):
    go = None


print(sorted(C3.__abstractmethods__), C3().go)

# multiple abstract methods, error message ordering
class Many(ABC):
    @abstractmethod
    def zeta(self): ...
    @abstractmethod
    def alpha(self): ...
    @abstractmethod
    def mid(self): ...


attempt("Many()", lambda: Many())

# ABCMeta called directly builds an abstract class
def _f(self):
    return 1


Y = abc.ABCMeta("Y", (), {"f": abstractmethod(_f), "g": lambda self: 2})
print(Y.__name__, sorted(Y.__abstractmethods__))
attempt("Y()", lambda: Y())
Z = abc.ABCMeta("Z", (Y,), {"f": lambda self: 3})
print(Z().f(), Z().g(), sorted(Z.__abstractmethods__), issubclass(Z, Y))


# abstract property with setter
class WithSetter(ABC):
    @property
    @abstractmethod
    def value(self):
        ...

    @value.setter
    @abstractmethod
    def value(self, v):
        ...


print(sorted(WithSetter.__abstractmethods__))


class SetterImpl(WithSetter):
    _v = 0

    @property
    def value(self):
        return self._v

    @value.setter
    def value(self, v):
        self._v = v


si = SetterImpl()
si.value = 9
print(si.value)


# abstract methods in a mixin that is not an ABC are not enforced
class Mixin:
    @abstractmethod
    def mix(self):
        ...


class UsesMixin(Mixin, ABC):
    pass


print(sorted(UsesMixin.__abstractmethods__), type(UsesMixin()).__name__)
print(ABC.__abstractmethods__ if hasattr(ABC, "__abstractmethods__") else "none")
