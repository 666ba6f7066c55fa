import sys

import enum
from enum import (Enum, IntEnum, StrEnum, Flag, IntFlag, ReprEnum, auto,
                  unique, verify, member, nonmember, EnumType, EnumMeta,
                  FlagBoundary, STRICT, CONFORM, EJECT, KEEP,
                  UNIQUE, CONTINUOUS, NAMED_FLAGS)


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


def define(fn):
    """Run a function that defines a class; print the error if any."""
    try:
        r = fn()
    except Exception as e:
        print(fn.__name__, '->', type(e).__name__ + ':', e)
    else:
        print(fn.__name__, '->', r)


print('--- module')
print(sorted(enum.__all__))
print(EnumMeta is EnumType, type(Enum).__name__, repr(Enum), repr(Flag), repr(IntFlag))
print(Enum.__mro__, IntEnum.__mro__)
print(IntFlag.__mro__)
print(list(FlagBoundary), STRICT, repr(KEEP))

print('--- basic Enum')


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.RED), str(Color.GREEN), '%s|%r' % (Color.BLUE, Color.BLUE))
print(format(Color.RED), f'{Color.RED}', f'{Color.RED:>12}|', '{:<10}|'.format(Color.RED))
print(Color.RED.name, Color.RED.value, Color.RED._name_, Color.RED._value_)
print(Color(1), Color(1) is Color.RED, Color(Color.RED) is Color.RED, Color['GREEN'])
print(list(Color), len(Color), [c.name for c in Color])
print(type(Color.RED), isinstance(Color.RED, Color), isinstance(Color, EnumType), type(Color))
print(repr(Color), Color.__name__, Color.__qualname__)
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)
print(Color.RED is Color.RED, Color.RED.__class__ is Color, bool(Color.RED), bool(Color))
import warnings
with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)  # 3.11 warns about this one
    show('1 in Color', lambda: 1 in Color)
show('Color.RED < Color.BLUE', lambda: Color.RED < Color.BLUE)
print({Color.RED: 'r', Color.GREEN: 'g'}[Color.RED], len({Color.RED, Color.RED, Color.BLUE}))
print(sorted(Color, key=lambda c: -c.value))
print(Color.__members__)
print(repr(Color.__members__))
print(list(Color.__members__.items()), 'RED' in Color.__members__, len(Color.__members__))
print(Color.__members__['BLUE'], Color._member_names_)
import collections.abc
print(isinstance(Color.__members__, collections.abc.Mapping), Color.__members__.get('RED'),
      list(Color.__members__.keys()), Color.__members__ == Color._member_map_)


def set_members():
    Color.__members__['X'] = 1


show('__members__ assignment', set_members)
show('Color(7)', lambda: Color(7))
show("Color['PURPLE']", lambda: Color['PURPLE'])
show('Color("RED")', lambda: Color('RED'))
# Color.PURPLE: message differs (pystm ignores metaclass __getattr__), see report


def set_name():
    Color.RED.name = 'x'


show('set .name', set_name)
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.BLUE) is Color.BLUE)
print(Color.RED.__reduce_ex__(4))
print(sorted(Color.RED.__dir__()))

print('--- aliases')


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(list(Shape), len(Shape), Shape.ALIAS_FOR_SQUARE, Shape(2), Shape['ALIAS_FOR_SQUARE'])
print(Shape.ALIAS_FOR_SQUARE is Shape.SQUARE, list(Shape.__members__))
print([(n, m.name) for n, m in Shape.__members__.items()])
show('unique(Shape)', lambda: unique(Shape))


@unique
class Ok(Enum):
    A = 1
    B = 2


print(list(Ok))

print('--- auto')


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), [m.value for m in Auto], repr(auto()))


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    X = auto()
    Y = auto()


print(list(Lower))


def gnv_after_members():
    class Bad(Enum):
        A = auto()

        def _generate_next_value_(name, start, count, last_values):
            return 5


define(gnv_after_members)


class AutoTuple(Enum):
    A = auto(), 'a'
    B = auto(), 'b'


print(list(AutoTuple))

print('--- methods, properties, descriptors in the body')


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)

    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)

    @staticmethod
    def helper(x):
        return x * 2

    def describe(self):
        return '%s has mass %s' % (self.name, self.mass)

    CONSTANT = nonmember(42)
    _ignore_ = ['tmp']
    tmp = 'ignored'


print(list(Planet), repr(Planet.EARTH), Planet.EARTH.value)
print(round(Planet.EARTH.surface_gravity, 3), Planet.heaviest(), Planet.helper(21))
print(Planet.MERCURY.describe(), Planet.CONSTANT, hasattr(Planet, 'tmp'))
print(Planet((5.976e+24, 6.37814e6)))


class WithMember(Enum):
    A = 1
    f = member(lambda x: x)

    @member
    def g():
        return 'g'


print([m.name for m in WithMember], WithMember.g.value())


class Coordinate(int, Enum):
    def __new__(cls, value, label, unit):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.unit = unit
        return obj

    PX = (0, 'P.X', 'km')
    PY = (1, 'P.Y', 'km')


print(repr(Coordinate.PY), Coordinate(1), Coordinate.PX.label, Coordinate.PY.unit)


class Mood(Enum):
    FUNKY = 1
    HAPPY = 3

    def describe(self):
        return self.name, self.value

    def __str__(self):
        return 'my custom str! {0}'.format(self.value)

    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY


print(Mood.favorite_mood(), Mood.HAPPY.describe(), str(Mood.FUNKY), repr(Mood.FUNKY))
print(f'{Mood.FUNKY}', format(Mood.FUNKY, '>30'))


class NameValue(Enum):
    name = 1
    value = 2


print(NameValue.name, NameValue.value, NameValue.name.name, NameValue.value.value)
print(list(NameValue), NameValue['name'])

print('--- _missing_')


class Case(Enum):
    ALPHA = 'alpha'
    BETA = 'beta'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        if value == 'bad':
            return 'not a member'
        return None


print(Case('ALPHA'), Case('Beta'))
show("Case('gamma')", lambda: Case('gamma'))
show("Case(3)", lambda: Case(3))


class Raising(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        raise KeyError('nope %r' % (value,))


show('Raising(2)', lambda: Raising(2))

print('--- mixins')


class Num(int, Enum):
    ONE = 1
    TWO = 2


print(Num.ONE, repr(Num.ONE), format(Num.TWO), f'{Num.ONE}', Num.ONE + 1, Num.TWO * 3)
print(Num.ONE == 1, Num(2), isinstance(Num.ONE, int), Num.ONE < Num.TWO, sorted([Num.TWO, Num.ONE]))


class Str(str, Enum):
    A = 'a'
    B = 'b'


print(Str.A, repr(Str.A), Str.A == 'a', Str.A.upper(), Str('b'))


class Flt(float, Enum):
    PI = 3.14
    E = 2.72


print(Flt.PI, repr(Flt.E), Flt.PI + 1, f'{Flt.PI}')

print('--- IntEnum')


class Shake(IntEnum):
    VANILLA = 7
    CHOCOLATE = 4
    COOKIES = 9
    MINT = 3


print(Shake.VANILLA, repr(Shake.VANILLA), str(Shake.MINT), format(Shake.COOKIES),
      f'{Shake.CHOCOLATE:>5}|', '%s %d %r' % (Shake.MINT, Shake.MINT, Shake.MINT))
print(Shake.VANILLA + 1, Shake.VANILLA == 7, Shake(4), int(Shake.COOKIES), sorted(Shake))
print([s for s in Shake], Shake.MINT < Shake.COOKIES, Shake.MINT < 5, ['a', 'b', 'c', 'd'][Shake.MINT])
print(hash(Shake.MINT) == hash(3), {3: 'three'}[Shake.MINT], isinstance(Shake.MINT, int))
show('Shake(1)', lambda: Shake(1))


def bad_intenum():
    class Bad(IntEnum):
        A = 'x'


define(bad_intenum)

print('--- StrEnum')


class Dir(StrEnum):
    NORTH = auto()
    SOUTH = 'south'
    EAST = auto()


print(Dir.NORTH, repr(Dir.NORTH), str(Dir.SOUTH), format(Dir.EAST), f'{Dir.NORTH:>7}|')
print(Dir.NORTH == 'north', Dir.SOUTH.upper(), Dir('east'), list(Dir), Dir.NORTH + '!')
print('%s|%r' % (Dir.SOUTH, Dir.SOUTH), len(Dir.NORTH))


def bad_strenum():
    class Bad(StrEnum):
        A = 1


define(bad_strenum)

print('--- Flag')


class Perm(Flag):
    R = 4
    W = 2
    X = 1


RW = Perm.R | Perm.W
print(RW, repr(RW), list(RW), len(RW), bool(RW), Perm.R in RW, Perm.X in RW)
print(repr(Perm.R & Perm.W), bool(Perm.R & Perm.W), repr(Perm(0)), str(Perm(0)))
print(repr(~Perm.R), repr(~RW), repr(~Perm(0)), repr(Perm.R ^ Perm.W ^ Perm.R))
print(list(Perm), len(Perm), repr(Perm(7)), Perm(7), list(Perm(7)))
print(Perm(6) is RW, RW.name, RW.value, repr(Perm['R']))
show('Perm(8)', lambda: Perm(8))
show('Perm.R | 1', lambda: Perm.R | 1)
show("'x' in Perm.R", lambda: 'x' in Perm.R)
print(sorted(Perm, key=lambda p: p.value))


class Color2(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
    NONE = 0


print(list(Color2), repr(Color2.WHITE), list(Color2.WHITE), repr(Color2.NONE))
print(repr(Color2.RED | Color2.GREEN), repr(~Color2.RED), Color2.WHITE.value, len(Color2))
print(list(Color2.__members__), repr(Color2(5)))


class Unordered(Flag):
    B = 2
    A = 1
    C = 4


print(list(Unordered), repr(Unordered(3)), list(Unordered(7)))

print('--- Flag boundaries')


class Strict(Flag, boundary=STRICT):
    A = 1
    B = 2


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


show('Strict(7)', lambda: Strict(7))
show('Conform(7)', lambda: Conform(7))
show('Eject(7)', lambda: Eject(7))
show('Keep(7)', lambda: Keep(7))
print(str(Keep(7)), repr(~Keep.A), Strict._boundary_, Keep._boundary_)


class Skipped(Flag):
    A = 1
    C = 4


show('Skipped(2)', lambda: Skipped(2))
show('Skipped(5)', lambda: Skipped(5))

print('--- IntFlag')


class IP(IntFlag):
    R = 4
    W = 2
    X = 1


print(IP.R, repr(IP.R), str(IP.R | IP.W), format(IP.R | IP.W), f'{IP.X:>3}|')
print(repr(IP.R | IP.W), repr(IP.R | 8), repr(IP(9)), repr(~IP.R), repr(IP(0)))
print(IP.R | 8, IP.R + 1, IP.R == 4, 8 | IP.R, type(8 | IP.R).__name__, type(IP.R + 1).__name__)
print(repr(IP.R & 6), repr(IP.R ^ 5), list(IP(7)), IP.W in IP(6), int(IP(5)))
print(isinstance(IP.R, int), isinstance(IP.R, Flag), IP(-1), repr(IP(-1)))

print('--- functional API')
Animal = Enum('Animal', 'ANT BEE CAT DOG')
print(list(Animal), repr(Animal.BEE), Animal(3), Animal['DOG'].value)
A2 = Enum('A2', 'x, y,z', start=10)
print(list(A2))
A3 = Enum('A3', ['a', 'b'])
print(list(A3))
A4 = Enum('A4', [('one', 1), ('two', 2)])
print(list(A4))
A5 = Enum('A5', {'uno': 'one', 'dos': 'two'})
print(list(A5))
A6 = IntEnum('A6', 'p q', module='mymod', qualname='Outer.A6')
print(list(A6), A6.p + 1, A6.__module__, A6.__qualname__)
A7 = Enum('A7', 'm n', type=int, module='mymod')
print(list(A7), A7.m + 10, A7.__mro__[1:])
F1 = Flag('F1', 'A B C')
print(list(F1), repr(F1.A | F1.C))
S1 = StrEnum('S1', 'HELLO WORLD')
print(list(S1), S1.HELLO == 'hello')
E0 = Enum('E0', [])
print(list(E0), len(E0), repr(E0))

print('--- errors at definition time')


def extend_members():
    class MoreColor(Color):
        PINK = 17


define(extend_members)


def duplicate_name():
    class Dup(Enum):
        A = 1
        A = 2


define(duplicate_name)


def reserved_sunder():
    class Sun(Enum):
        _foo_ = 1


define(reserved_sunder)


def invalid_name():
    class Bad(Enum):
        mro = 1


define(invalid_name)


def order_mismatch():
    class Bad(Enum):
        _order_ = 'B A'
        A = 1
        B = 2


define(order_mismatch)


def order_ok():
    class Good(Enum):
        _order_ = 'A B'
        A = 1
        B = 2
    return list(Good)


define(order_ok)


def wrong_base_order():
    class Bad(Enum, int):
        A = 1


define(wrong_base_order)


class Desc:
    def __get__(self, inst, owner=None):
        return 'desc'

    def __repr__(self):
        return 'Desc()'


def descriptor_then_member():
    class Bad(Enum):
        A = Desc()
        A = 1


define(descriptor_then_member)


def member_then_method():
    class Bad(Enum):
        A = 1

        def A(self):
            pass


define(member_then_method)


def repr_enum_no_type():
    class Bad(ReprEnum):
        A = 1


define(repr_enum_no_type)

print('--- subclassing enums without members')


class Base(Enum):
    def hello(self):
        return 'hello from ' + self.name

    @classmethod
    def first(cls):
        return list(cls)[0]


class Sub(Base):
    X = 1
    Y = 2


print(list(Sub), Sub.X.hello(), Sub.first(), isinstance(Sub.X, Base), issubclass(Sub, Base))


class OrderedEnum(Enum):
    def __ge__(self, other):
        if self.__class__ is other.__class__:
            return self.value >= other.value
        return NotImplemented

    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


class Grade(OrderedEnum):
    A = 5
    B = 4
    C = 3


print(Grade.C < Grade.A, Grade.A >= Grade.B, sorted(Grade))

print('--- verify')


@verify(UNIQUE)
class V1(Enum):
    A = 1
    B = 2


print(list(V1))


def verify_unique():
    @verify(UNIQUE)
    class V(Enum):
        A = 1
        B = 1


define(verify_unique)


def verify_continuous():
    @verify(CONTINUOUS)
    class V(IntEnum):
        A = 1
        B = 2
        E = 5


define(verify_continuous)


def verify_continuous_flag():
    @verify(CONTINUOUS)
    class V(Flag):
        A = 1
        D = 8


define(verify_continuous_flag)


def verify_named_flags():
    @verify(NAMED_FLAGS)
    class V(Flag):
        A = 1
        B = 2
        AB = 3
        ABCD = 15


define(verify_named_flags)
print(list(enum.EnumCheck), repr(UNIQUE))

print('--- unhashable values')


class Lists(Enum):
    A = [1, 2]
    B = [3]


print(list(Lists), Lists([3]), Lists._unhashable_values_)
show('Lists([9])', lambda: Lists([9]))

print('--- misc helpers')
print(enum.show_flag_values(13), enum.bin(10), enum.bin(~10), enum.bin(5, 8))
print(enum._is_dunder('__x__'), enum._is_sunder('_x_'), enum._is_descriptor(staticmethod(len)))
print(Color._member_map_ == dict(Color.__members__), Color._value2member_map_)
print(EnumType.__len__(Color), list(EnumType.__reversed__(Color)))
print(list(EnumType.__iter__(Perm)), EnumType.__getitem__(Color, 'RED'))
print(EnumType.__contains__(Color, Color.RED), EnumType.__bool__(Color))
# pystm does not dispatch these to the metaclass implicitly (see report),
# so call them explicitly
show('EnumType.__setattr__ member', lambda: EnumType.__setattr__(Color, 'RED', 5))
show('EnumType.__delattr__ member', lambda: EnumType.__delattr__(Color, 'RED'))
show('EnumType.__getattr__ missing', lambda: EnumType.__getattr__(Color, 'PURPLE'))
show('EnumType.__getattr__ member', lambda: EnumType.__getattr__(Color, 'RED'))
show('EnumType.__getattr__ dunder', lambda: EnumType.__getattr__(Color, '__foo__'))
show('EnumType.__dir__', lambda: EnumType.__dir__(Color))
print(Color.RED, list(Color))

print('--- enum.property / DynamicClassAttribute')


class Prop(Enum):
    A = 1
    B = 2

    @enum.property
    def double(self):
        return self.value * 2


print(Prop.A.double, Prop.B.double)
show('Prop.A.double = 1', lambda: setattr(Prop.A, 'double', 1))
print(type(Enum.__dict__['name']).__name__, Enum.__dict__['value'].__doc__)

print('--- __init_subclass__ / class keywords')


class Registry(Enum):
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag


class Tagged(Registry, tag='T'):
    A = 1


print(Tagged.tag, list(Tagged))

print('--- global_enum')


@enum.global_enum
class Glob(Enum):
    GA = 1
    GB = 2


print(repr(Glob.GA), str(Glob.GB), GA is Glob.GA, GB)


# (global_enum on a plain Flag: repr() raises TypeError in CPython 3.11.7 too)

print('--- custom __repr__/__format__ kept')


class Custom(Enum):
    A = 1

    def __repr__(self):
        return 'Custom-%s' % self.name

    def __format__(self, spec):
        return 'fmt(%s)' % spec


print(repr(Custom.A), str(Custom.A), format(Custom.A, 'x'), f'{Custom.A:q}')


class CustomInt(IntEnum):
    A = 1

    def __str__(self):
        return 'custom-str'


print(repr(CustomInt.A), str(CustomInt.A), format(CustomInt.A), f'{CustomInt.A}')

print('--- done')
