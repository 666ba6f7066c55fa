import sys

# The new abc / collections.abc together with the rest of the library
# (collections, typing, dataclasses, functools).
import abc
import collections
import collections.abc as cabc
from collections import OrderedDict, Counter, UserDict, UserList, ChainMap, defaultdict, namedtuple
import dataclasses
import typing

ABCS = [cabc.Hashable, cabc.Iterable, cabc.Iterator, cabc.Reversible, cabc.Sized,
        cabc.Container, cabc.Collection, cabc.Sequence, cabc.MutableSequence,
        cabc.Set, cabc.MutableSet, cabc.Mapping, cabc.MutableMapping]


def abcs_of(obj):
    return ' '.join(C.__name__ for C in ABCS if isinstance(obj, C))


print(collections.abc is cabc, cabc.__name__)
Point = namedtuple('Point', 'x y')
for label, obj in [('OrderedDict', OrderedDict(a=1)), ('Counter', Counter('abca')),
                   ('UserDict', UserDict(a=1)), ('UserList', UserList([1])),
                   ('ChainMap', ChainMap({1: 2})), ('defaultdict', defaultdict(int)),
                   ('namedtuple', Point(1, 2)),
                   ('odict_keys', OrderedDict(a=1).keys())]:
    print('%-12s %s' % (label, abcs_of(obj)))

ud = UserDict(a=1)
ud.update(b=2)
print(sorted(ud.items()), ud.pop('a'), ud.setdefault('c', 3), dict(ud))
ul = UserList([3, 1, 2])
ul.append(4)
print(ul.index(1), ul.count(2), list(reversed(ul)), 2 in ul)
print(OrderedDict(a=1) == {'a': 1}, ChainMap({'a': 1}, {'b': 2})['b'])

print('--- typing')
print(typing.Iterable[int], typing.Mapping[str, int])
# isinstance(x, typing.Iterable) needs __instancecheck__ on non-type objects
# (pystm bug, see report); check through __origin__ instead
print(isinstance([], typing.Iterable.__origin__), isinstance(3, typing.Iterable.__origin__))
print(typing.Mapping.__origin__ is cabc.Mapping, typing.Sequence.__origin__ is cabc.Sequence)


print('--- dataclasses with ABC')


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


@dataclasses.dataclass
class Square(Shape):
    side: float

    def area(self):
        return self.side ** 2


print(Square(3).area(), sorted(Square.__abstractmethods__), isinstance(Square(1), Shape))


@dataclasses.dataclass
class Abstract(Shape):
    x: int = 0


try:
    Abstract()
except TypeError as e:
    print('TypeError:', e)

print('--- a Sequence-based user class')


class Deck(cabc.Sequence):
    def __init__(self):
        self.cards = [r + s for s in 'SH' for r in 'A23']

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]


d = Deck()
print(len(d), d[0], d[-1], list(reversed(d))[:2], 'AH' in d, d.index('2H'), d.count('3S'))
print(isinstance(d, cabc.Reversible), sorted(d)[:3], list(d[1:3]))
print('--- done')
