import sys

import abc
from abc import ABC, ABCMeta, abstractmethod


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


def names(cls):
    return sorted(cls.__abstractmethods__)


print('--- module')
print(ABCMeta, ABC, type(ABC), ABC.__module__, ABC.__name__)
print(isinstance(ABC, ABCMeta), issubclass(ABCMeta, type), type(ABCMeta))
print(ABC.__slots__, names(ABC))
print(ABC.__mro__)

print('--- abstract methods')


class Base(ABC):
    @abstractmethod
    def f(self):
        return 'Base.f'

    @abstractmethod
    def g(self):
        pass

    def concrete(self):
        return 'concrete'


print(names(Base))
show('Base()', lambda: Base())


class Half(Base):
    def f(self):
        return 'Half.f+' + super().f()


print(names(Half))
show('Half()', lambda: Half())


class Full(Half):
    def g(self):
        return 'Full.g'


print(names(Full))
fu = Full()
print(fu.f(), fu.g(), fu.concrete())
print(isinstance(fu, Base), isinstance(fu, Half), issubclass(Full, Base))
print(isinstance(fu, ABC), issubclass(Full, ABC), type(Full).__name__)


class Many(ABC):
    @abstractmethod
    def zeta(self): pass

    @abstractmethod
    def alpha(self): pass

    @abstractmethod
    def mid(self): pass


show('Many()', lambda: Many())


class Single(ABC):
    @abstractmethod
    def only(self): pass


show('Single()', lambda: Single())


class Empty(ABC):
    pass


print(type(Empty()).__name__, names(Empty))


# re-abstracting an inherited concrete method
class Reab(Full):
    @abstractmethod
    def concrete(self): pass


print(names(Reab))
show('Reab()', lambda: Reab())


# overriding an abstract method with a non-callable still counts
class Over(Base):
    f = 1
    g = None


print(names(Over), type(Over()).__name__)

print('--- metaclass=ABCMeta directly')


class Direct(metaclass=ABCMeta):
    @abstractmethod
    def run(self, x): ...

    def helper(self):
        return 'helper'


print(type(Direct).__name__, names(Direct), Direct.__mro__)
show('Direct()', lambda: Direct())


class DirectImpl(Direct):
    def run(self, x):
        return x * 2


print(DirectImpl().run(21), DirectImpl().helper())

print('--- properties, classmethods, staticmethods')


class Props(ABC):
    @property
    @abstractmethod
    def p(self): ...

    @classmethod
    @abstractmethod
    def cm(cls): ...

    @staticmethod
    @abstractmethod
    def sm(): ...

    @property
    def concrete_p(self):
        return 'cp'


print(names(Props))
show('Props()', lambda: Props())


class PropsImpl(Props):
    @property
    def p(self):
        return 'p!'

    @classmethod
    def cm(cls):
        return 'cm of ' + cls.__name__

    @staticmethod
    def sm():
        return 'sm!'


pi = PropsImpl()
print(names(PropsImpl), pi.p, PropsImpl.cm(), pi.sm(), pi.concrete_p)


class Deprecated(ABC):
    @abc.abstractclassmethod
    def acm(cls): ...

    @abc.abstractstaticmethod
    def asm(): ...

    @abc.abstractproperty
    def aprop(self): ...


print(names(Deprecated))
show('Deprecated()', lambda: Deprecated())


class DeprecatedImpl(Deprecated):
    @classmethod
    def acm(cls):
        return 'acm'

    @staticmethod
    def asm():
        return 'asm'

    aprop = 5


print(names(DeprecatedImpl), DeprecatedImpl.acm(), DeprecatedImpl.asm(), DeprecatedImpl().aprop)


def plain():
    pass


print(getattr(plain, '__isabstractmethod__', 'unset'))
print(abstractmethod(plain) is plain, plain.__isabstractmethod__)

print('--- __init__ / __new__ with arguments')


class WithInit(ABC):
    def __init__(self, a, b=2):
        self.a = a
        self.b = b


w = WithInit(1, b=5)
print(w.a, w.b)
show('WithInit()', lambda: WithInit())


class WithNew(ABC):
    def __new__(cls, *args):
        self = super().__new__(cls)
        self.args = args
        return self


print(WithNew(1, 2).args)


class AbsWithNew(ABC):
    def __new__(cls, *args):
        return super().__new__(cls)

    @abstractmethod
    def m(self): pass


show('AbsWithNew(1)', lambda: AbsWithNew(1))


# CPython only checks __abstractmethods__ in object.__new__
class IntABC(int, ABC):
    @abstractmethod
    def m(self): pass


show('IntABC(7)', lambda: IntABC(7))
print(names(IntABC))


class TupleABC(tuple, metaclass=ABCMeta):
    @abstractmethod
    def m(self): pass


show('TupleABC((1, 2))', lambda: TupleABC((1, 2)))

print('--- __init_subclass__ keywords')


class Kw(ABC):
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag


class KwChild(Kw, tag='hello'):
    pass


print(KwChild.tag, type(KwChild).__name__)

print('--- register')


class MyABC(ABC):
    pass


class Unrelated:
    pass


print(issubclass(Unrelated, MyABC), isinstance(Unrelated(), MyABC))
tok = abc.get_cache_token()
r = MyABC.register(Unrelated)
print(r is Unrelated, abc.get_cache_token() != tok)
print(issubclass(Unrelated, MyABC), isinstance(Unrelated(), MyABC))
print(MyABC in Unrelated.__mro__)


class SubUnrelated(Unrelated):
    pass


print(issubclass(SubUnrelated, MyABC), isinstance(SubUnrelated(), MyABC))


@MyABC.register
class Decorated:
    pass


print(Decorated.__name__, issubclass(Decorated, MyABC))

# builtins
MyABC.register(int)
print(isinstance(3, MyABC), isinstance(True, MyABC), isinstance(3.0, MyABC))
print(issubclass(bool, MyABC), issubclass(str, MyABC))


# registered to a subclass -> visible from the parent
class ChildABC(MyABC):
    pass


ChildABC.register(float)
print(isinstance(2.5, ChildABC), isinstance(2.5, MyABC), issubclass(float, ABC))


# registering an ABC with another ABC
class OtherABC(ABC):
    pass


OtherABC.register(MyABC)
print(issubclass(Unrelated, OtherABC), issubclass(int, OtherABC), issubclass(ChildABC, OtherABC))
print(isinstance(3, OtherABC), isinstance('x', OtherABC))

# already a subclass: no-op, returns class
print(MyABC.register(ChildABC) is ChildABC)
# X.register(X) is a no-op
print(MyABC.register(MyABC) is MyABC)
show('register cycle', lambda: ChildABC.register(MyABC))
show('register non-class', lambda: MyABC.register(3))
show('issubclass(3, MyABC)', lambda: issubclass(3, MyABC))
# (tuple form skipped: pystm bug, see pystm_bugs/isinstance_tuple.py)

# the ABC is not in the mro and provides no methods to virtual subclasses


class WithMethod(ABC):
    def hello(self):
        return 'hi'


WithMethod.register(list)
print(isinstance([], WithMethod), hasattr([], 'hello'))

# abstract methods are not enforced on virtual subclasses


class NeedsM(ABC):
    @abstractmethod
    def m(self): pass


@NeedsM.register
class Virtual:
    pass


print(type(Virtual()).__name__, isinstance(Virtual(), NeedsM))

print('--- __subclasshook__')


class HasFoo(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasFoo:
            if any('foo' in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Foo:
    def foo(self):
        pass


class SubFoo(Foo):
    pass


class NoFoo:
    pass


print(issubclass(Foo, HasFoo), issubclass(SubFoo, HasFoo), issubclass(NoFoo, HasFoo))
print(isinstance(Foo(), HasFoo), isinstance(NoFoo(), HasFoo), isinstance(1, HasFoo))


class HasFooChild(HasFoo):
    pass


# the hook is only active for HasFoo itself
print(issubclass(Foo, HasFooChild))


class Never(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False


class NeverChild(Never):
    pass


print(issubclass(NeverChild, Never), isinstance(NeverChild(), Never))
Never.register(int)
print(issubclass(int, Never))


class Always(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True


print(issubclass(int, Always), issubclass(Always, Always), isinstance(None, Always))


class Flip(ABC):
    answer = False

    @classmethod
    def __subclasshook__(cls, C):
        return cls.answer


print(issubclass(str, Flip))
Flip.answer = True
print(issubclass(str, Flip), '(cached)')
Flip._abc_caches_clear()
print(issubclass(str, Flip), '(after cache clear)')

print('--- registry clear')


class Reg(ABC):
    pass


Reg.register(bytes)
print(issubclass(bytes, Reg))
Reg._abc_registry_clear()
Reg._abc_caches_clear()
print(issubclass(bytes, Reg))

print('--- negative cache invalidation')


class Neg(ABC):
    pass


class Later:
    pass


print(issubclass(Later, Neg))
Neg.register(Later)
print(issubclass(Later, Neg))

print('--- update_abstractmethods')


class Up(ABC):
    @abstractmethod
    def a(self): pass

    @abstractmethod
    def b(self): pass


print(names(Up))


class UpChild(Up):
    pass


def _a(self):
    return 'a'


UpChild.a = _a
print(names(UpChild))
print(abc.update_abstractmethods(UpChild) is UpChild, names(UpChild))


def _c(self):
    pass


UpChild.c = abstractmethod(_c)
abc.update_abstractmethods(UpChild)
print(names(UpChild))
show('UpChild()', lambda: UpChild())
UpChild.b = _a
UpChild.c = _a
abc.update_abstractmethods(UpChild)
print(names(UpChild), type(UpChild()).__name__)


class NotAbc:
    pass


print(abc.update_abstractmethods(NotAbc) is NotAbc, hasattr(NotAbc, '__abstractmethods__'))

print('--- custom metaclass derived from ABCMeta')


class Meta2(ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        ns['made_by'] = 'Meta2'
        return super().__new__(mcls, name, bases, ns, **kw)

    def describe(cls):
        return '%s(%s)' % (cls.__name__, ', '.join(names(cls)))


class M2Base(metaclass=Meta2):
    @abstractmethod
    def x(self): pass


class M2Impl(M2Base):
    def x(self):
        return 'x'


print(M2Base.made_by, M2Impl.made_by, M2Base.describe(), M2Impl.describe())
print(type(M2Impl).__name__, isinstance(M2Impl, ABCMeta), M2Impl().x())
M2Base.register(dict)
print(isinstance({}, M2Base), isinstance({}, M2Impl))


class OtherMeta(type):
    pass


class OM(metaclass=OtherMeta):
    pass


def conflict():
    class Bad(OM, ABC):
        pass


show('metaclass conflict', conflict)

print('--- isinstance of classes / odd values')
print(isinstance(MyABC, ABCMeta), isinstance(int, ABCMeta), isinstance(3, ABCMeta))
print(isinstance(Full, Base), issubclass(type(Full), ABCMeta))


class ClassOverride:
    @property
    def __class__(self):
        return Foo


co = ClassOverride()
print(isinstance(co, HasFoo), isinstance(co, ClassOverride))

print('--- abstract classmethod called on class')


class CMBase(ABC):
    @classmethod
    @abstractmethod
    def make(cls):
        return 'base make for ' + cls.__name__


class CMImpl(CMBase):
    @classmethod
    def make(cls):
        return super().make() + '!'


print(CMImpl.make(), names(CMImpl))

print('--- done')
