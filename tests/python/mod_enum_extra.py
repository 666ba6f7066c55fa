import sys
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto


class Color(Enum):
    RED = 1
    GREEN = 2


class N(IntEnum):
    THREE = 3


def which(c):
    # (no match statement in pystm yet)
    if c == Color.RED:
        return 'red'
    if c is Color.GREEN:
        return 'green'
    return 'other'


print(which(Color.RED), which(Color.GREEN), which(1))
print(f'{Color.RED!r} {Color.RED!s} {N.THREE!r} {N.THREE:03d} {N.THREE:x}')
print(list(range(N.THREE)), '%d %x %5.1f' % (N.THREE, N.THREE, N.THREE), [0, 1, 2, 3][N.THREE])
print(hex(N.THREE), bin(N.THREE), N.THREE.bit_length(), abs(-N.THREE), -N.THREE, N.THREE // 2)
print(max(N), min(N), sum(N), divmod(N.THREE, 2))


class Status(StrEnum):
    OK = auto()
    FAIL = auto()


print(','.join([str(s) for s in Status]), Status.OK in ['ok'], 'OK'.lower() == Status.OK, Status.FAIL.center(10, '*'))
print(sorted(Status), Status('fail'), {Status.OK: 1}['ok'])


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


p = Perm.R
p |= Perm.W
print(repr(p), p & Perm.R == Perm.R, bool(p & Perm.X), [m.name for m in p], Perm.R | Perm.W | Perm.X == 7)
print(repr(Perm(0) | Perm.X), repr(p ^ Perm.R), repr(~p), len(p), list(Perm))


class Weekday(Flag):
    MON = auto()
    TUE = auto()
    WED = auto()
    WEEKDAYS = MON | TUE | WED


print(repr(Weekday.WEEKDAYS), [d.name for d in Weekday.WEEKDAYS], Weekday.MON in Weekday.WEEKDAYS)
print(repr(Weekday.WEEKDAYS & ~Weekday.TUE), repr(Weekday(3)), Weekday.MON < Weekday.TUE if False else '-')


class HTTPStatus(IntEnum):
    def __new__(cls, value, phrase, description=''):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.phrase = phrase
        obj.description = description
        return obj

    OK = 200, 'OK', 'Request fulfilled, document follows'
    NOT_FOUND = 404, 'Not Found', 'Nothing matches the given URI'


print(HTTPStatus(404), repr(HTTPStatus.OK), HTTPStatus.OK.phrase, HTTPStatus.NOT_FOUND.description)
print(HTTPStatus.OK == 200, HTTPStatus(200) is HTTPStatus.OK, list(HTTPStatus), f'{HTTPStatus.OK}')
print(Color(value=2), {c.name: c.value for c in Color}, [k for k, v in Color.__members__.items()])


class Other(IntEnum):
    ONE = 1
    THREE = 3


print(Other.THREE == N.THREE, Other.ONE < N.THREE, Color.RED == Color.RED, Color.RED != Color.GREEN)


class Planet(Enum):
    EARTH = 1

    @property
    def label(self):
        return self.name.title()

    def __str__(self):
        return self.label


print(Planet.EARTH, str(Planet.EARTH), repr(Planet.EARTH), f'{Planet.EARTH}', '%s' % Planet.EARTH)
print('--- done')
