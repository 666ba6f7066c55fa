import sys

import collections.abc
from collections.abc import (
    Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator,
    Hashable, Iterable, Iterator, Generator, Reversible, Sized, Container,
    Callable, Collection, Set, MutableSet, Mapping, MutableMapping,
    MappingView, KeysView, ItemsView, ValuesView, Sequence, MutableSequence,
    ByteString)
from abc import ABCMeta

ALL = [Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator,
       Hashable, Iterable, Iterator, Generator, Reversible, Sized, Container,
       Callable, Collection, Set, MutableSet, Mapping, MutableMapping,
       MappingView, KeysView, ItemsView, ValuesView, Sequence,
       MutableSequence, ByteString]


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


def abcs_of(obj):
    return ' '.join(C.__name__ for C in ALL if isinstance(obj, C))


def abcs_of_type(tp):
    return ' '.join(C.__name__ for C in ALL if issubclass(tp, C))


print('--- module')
print(sorted(collections.abc.__all__))
for C in ALL:
    print(C.__name__, C.__module__, type(C).__name__, isinstance(C, ABCMeta),
          sorted(C.__abstractmethods__))

print('--- builtin objects')


def gen():
    yield 1


objects = [
    ('list', []), ('tuple', ()), ('dict', {}), ('set', set()),
    ('frozenset', frozenset()), ('str', ''), ('bytes', b''),
    ('range', range(3)), ('int', 1), ('float', 1.5), ('bool', True),
    ('None', None), ('builtin', len), ('function', abcs_of),
    ('lambda', lambda: 0), ('type', int), ('object', object()),
    ('list_iter', iter([])), ('tuple_iter', iter(())), ('str_iter', iter('ab')),
    ('set_iter', iter(set())), ('dict_iter', iter({})),
    ('dict_values_iter', iter({}.values())), ('dict_items_iter', iter({}.items())),
    ('range_iter', iter(range(2))), ('bytes_iter', iter(b'')),
    ('reversed_list', reversed([])), ('zip', zip()), ('map', map(len, [])),
    ('filter', filter(None, [])), ('enumerate', enumerate([])),
    ('keys', {}.keys()), ('values', {}.values()), ('items', {}.items()),
    ('generator', gen()), ('genexpr', (x for x in [])),
    ('slice', slice(1)), ('Ellipsis', ...), ('NotImplemented', NotImplemented),
    ('exception', ValueError()), ('bound method', [].append),
    ('property', property()), ('staticmethod', staticmethod(len)),
    ('classmethod', classmethod(len)),
]
for label, obj in objects:
    print('%-16s %s' % (label, abcs_of(obj)))

print('--- builtin types')
for tp in [list, tuple, dict, set, frozenset, str, bytes, range, int, bool,
           float, type, object, slice, type(None), BaseException,
           type({}.keys()), type({}.values()), type({}.items()),
           type(iter([])), type(gen())]:
    print('%-16s %s' % (tp.__name__, abcs_of_type(tp)))

print('--- structural checks on user classes')


class OnlyIter:
    def __iter__(self):
        return iter([1, 2])


class IterNext:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class OnlyLen:
    def __len__(self):
        return 0


class OnlyContains:
    def __contains__(self, x):
        return False


class OnlyCall:
    def __call__(self):
        return 1


class OnlyGetitem:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError


class Coll:
    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())

    def __contains__(self, x):
        return False


class Rev:
    def __iter__(self):
        return iter(())

    def __reversed__(self):
        return iter(())


class GenLike:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration

    def send(self, v):
        pass

    def throw(self, *a):
        pass

    def close(self):
        pass


class Aw:
    def __await__(self):
        yield


class CoroLike(Aw):
    def send(self, v):
        pass

    def throw(self, *a):
        pass

    def close(self):
        pass


class AIt:
    def __aiter__(self):
        return self


class AItr(AIt):
    def __anext__(self):
        pass


class AGen(AItr):
    def asend(self, v):
        pass

    def athrow(self, *a):
        pass

    def aclose(self):
        pass


class Unhashable:
    __hash__ = None


class EqOnly:
    def __eq__(self, other):
        return True


class EqAndHash(EqOnly):
    def __hash__(self):
        return 1


class IterNone(OnlyIter):
    __iter__ = None


class LenNone(Coll):
    __len__ = None


class Nothing:
    pass


for tp in [OnlyIter, IterNext, OnlyLen, OnlyContains, OnlyCall, OnlyGetitem,
           Coll, Rev, GenLike, Aw, CoroLike, AIt, AItr, AGen, Unhashable,
           EqOnly, EqAndHash, IterNone, LenNone, Nothing]:
    print('%-14s %s' % (tp.__name__, abcs_of_type(tp)))
print(list(iter(OnlyGetitem())))


class L(list):
    pass


class HL(list):
    def __hash__(self):
        return 1


class D(dict):
    pass


class St(set):
    pass


class FS(frozenset):
    pass


class Sr(str):
    pass


class I(int):
    pass


class Tp(tuple):
    pass


class Ty(type):
    pass


for tp in [L, HL, D, St, FS, Sr, I, Tp, Ty]:
    print('%-14s %s' % (tp.__name__, abcs_of_type(tp)))

print('--- abstract instantiation')
for C in ALL:
    show(C.__name__ + '()', lambda: C())

print('--- Sequence mixins')


class MySeq(Sequence):
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


s = MySeq(3, 1, 4, 1, 5, 9, 2, 6)
print(list(s), len(s), s[2], list(reversed(s)))
print(4 in s, 7 in s, s.count(1), s.count(7), s.index(1), s.index(1, 2))
print(s.index(5, -5), s.index(9, 0, 6))
show('index missing', lambda: s.index(7))
show('index out of window', lambda: s.index(3, 1))
show('index stop', lambda: s.index(9, 0, 5))
print(abcs_of(s))
nan = float('nan')
ns = MySeq(nan)
print(nan in ns, ns.count(nan), ns.index(nan))

print('--- MutableSequence mixins')


class MyList(MutableSequence):
    def __init__(self, items=()):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)

    def __repr__(self):
        return 'MyList(%r)' % (self._items,)


m = MyList([1, 2, 3])
m.append(4)
m.extend([5, 6])
print(m)
m.extend(m)
print(m)
print(m.pop(), m.pop(0), m)
m.remove(3)
print(m)
show('remove missing', lambda: m.remove(99))
m.reverse()
print(m)
m += (7, 8)
print(m, type(m).__name__)
m.clear()
print(m, len(m))
show('pop empty', lambda: m.pop())
print(abcs_of(m))

print('--- Mapping mixins')


class MyMap(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __repr__(self):
        return 'MyMap(%r)' % (self._d,)


mm = MyMap(a=1, b=2, c=3)
print(mm['a'], mm.get('b'), mm.get('z'), mm.get('z', 0), 'a' in mm, 'z' in mm)
print(list(mm.keys()), list(mm.values()), list(mm.items()))
print(mm.keys(), mm.values(), mm.items())
print(len(mm.keys()), 'b' in mm.keys(), ('b', 2) in mm.items(), ('b', 3) in mm.items(),
      2 in mm.values(), 7 in mm.values(), ('q', 1) in mm.items())
print(mm == {'a': 1, 'b': 2, 'c': 3}, mm == {'a': 1}, mm == MyMap(c=3, b=2, a=1),
      mm != {'a': 1}, mm == [1], {'a': 1, 'b': 2, 'c': 3} == mm)
show('hash(mm)', lambda: hash(mm))
print(sorted(mm.keys() & {'a', 'z'}), sorted(mm.keys() | {'z'}), sorted(mm.keys() - {'a'}),
      sorted(mm.keys() ^ {'a', 'z'}))
print(mm.keys() == {'a', 'b', 'c'}, mm.keys() <= {'a', 'b', 'c', 'd'}, mm.keys() < {'a'},
      mm.items() >= {('a', 1)}, sorted(mm.items() & {('a', 1), ('b', 5)}))
print(mm.keys().isdisjoint(['x', 'y']), mm.keys().isdisjoint(['a']))
print(abcs_of(mm))
print(abcs_of(mm.keys()), '|', abcs_of(mm.items()), '|', abcs_of(mm.values()))
print(mm.__reversed__, Mapping.__hash__)
# reversed(mm) with __reversed__ = None: pystm bug, see pystm_bugs/

print('--- MutableMapping mixins')


class MyDict(MutableMapping):
    def __init__(self, *a, **kw):
        self._d = {}
        self.update(*a, **kw)

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __repr__(self):
        return 'MyDict(%r)' % (self._d,)


md = MyDict({'x': 1}, y=2)
print(md)
md.update([('z', 3)], w=4)
print(md)


class KeysOnly:
    def keys(self):
        return ['k1', 'k2']

    def __getitem__(self, k):
        return k.upper()


md.update(KeysOnly())
md.update(MyMap(mapped=True))
print(md)
print(md.pop('x'), md.pop('nope', 'default'), md)
show('pop missing', lambda: md.pop('nope'))
print(md.setdefault('y', 100), md.setdefault('new', 100), md.setdefault('none'))
print(md.popitem(), md)
md.clear()
print(md, len(md))
show('popitem empty', lambda: md.popitem())
print(md == {}, md == MyDict(), abcs_of(md))

print('--- Set mixins')


class MySet(Set):
    def __init__(self, it=()):
        self._s = []
        for x in it:
            if x not in self._s:
                self._s.append(x)

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(self._s)

    def __len__(self):
        return len(self._s)

    def __repr__(self):
        return 'MySet(%r)' % (sorted(self._s),)


a = MySet([1, 2, 3])
b = MySet([3, 4])
print(a & b, a | b, a - b, b - a, a ^ b)
print(a & [2, 3, 9], a | [9], a - {1}, a ^ {1, 10})
print(type(a & b).__name__, type(a | [9]).__name__)
print([2, 3, 9] & a, {5} | a, {1, 2} - a, {1, 7} ^ a)
print(type({5} | a).__name__, type([2] & a).__name__)
print(a == MySet([3, 2, 1]), a == {1, 2, 3}, a != b, a == [1, 2, 3])
print(a <= {1, 2, 3, 4}, a < {1, 2, 3}, a > MySet([1]), a >= a, MySet() < a)
print({1, 2, 3} == a, frozenset({1, 2, 3}) <= a, {1} < a)
print(a.isdisjoint(b), a.isdisjoint([7]))
show('a & 1', lambda: a & 1)
show('a < [1]', lambda: a < [1])
show('hash(a)', lambda: hash(a))
print(MySet([1, 2, 3])._hash() == MySet([3, 1, 2])._hash(), MySet()._hash())
print(MySet([1, 2, 3])._hash(), MySet([(1, 2), -1])._hash())
print(abcs_of(a))

print('--- MutableSet mixins')


class MyMSet(MutableSet):
    def __init__(self, it=()):
        self._s = set()
        for x in it:
            self._s.add(x)

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(sorted(self._s))

    def __len__(self):
        return len(self._s)

    def add(self, x):
        self._s.add(x)

    def discard(self, x):
        self._s.discard(x)

    def __repr__(self):
        return 'MyMSet(%r)' % (sorted(self._s),)


ms = MyMSet([1, 2, 3])
ms.add(4)
ms.discard(1)
ms.discard(100)
print(ms)
ms.remove(2)
show('remove missing', lambda: ms.remove(2))
print(ms, ms.pop(), ms)
ms |= [10, 11]
print(ms)
ms &= {10, 11, 12, 4}
print(ms)
ms ^= [11, 20]
print(ms)
ms -= [4]
print(ms)
ms ^= ms
print(ms)
ms |= {1, 2}
ms -= ms
print(ms)
show('pop empty', lambda: ms.pop())
ms.add(5)
ms.clear()
print(ms, abcs_of(ms))

print('--- Iterator / Generator mixins')


class Count(Iterator):
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


c = Count(3)
print(iter(c) is c, list(c))


class MyGen(Generator):
    def __init__(self):
        self.log = []

    def send(self, v):
        self.log.append(('send', v))
        if len(self.log) > 3:
            raise StopIteration
        return len(self.log)

    def throw(self, typ, val=None, tb=None):
        self.log.append(('throw', typ.__name__))
        return super().throw(typ, val, tb)


g = MyGen()
print(next(g), next(g), g.send('x'), list(g), g.log)
g.close()
print(g.log[-1])
show('throw', lambda: MyGen().throw(KeyError, KeyError('k')))


class BadGen(MyGen):
    def throw(self, typ, val=None, tb=None):
        return 'ignored'


show('close ignoring', lambda: BadGen().close())
print(abcs_of(g))


class MyIterable(Iterable):
    def __iter__(self):
        return super().__iter__()


print(list(MyIterable()), abcs_of(MyIterable()))

print('--- Sized/Container/Hashable/Callable direct subclasses')


class S1(Sized):
    def __len__(self):
        return 7


print(len(S1()), abcs_of(S1()))


class H1(Hashable):
    def __hash__(self):
        return 5


print(hash(H1()), abcs_of(H1()))


class C1(Callable):
    def __call__(self, x):
        return x + 1


print(C1()(1), abcs_of(C1()))

print('--- registration')


class Registered:
    def __len__(self):
        return 0


Sequence.register(Registered)
print(abcs_of_type(Registered))
print(issubclass(Registered, Reversible), issubclass(Registered, Iterable),
      hasattr(Registered, 'index'))


@MutableMapping.register
class RegMap:
    pass


print(abcs_of_type(RegMap))

print('--- generic aliases')
print(Iterable[int], Mapping[str, int], Sequence[int])
print(Callable[[int, str], float], Callable[..., int], Callable[[], None])
print(MutableMapping[str, list], Set[int], Generator[int, None, str])
print(Iterable[int] == Iterable[int], Iterable[int] == Iterable[str])
print(Iterable[int].__origin__ is Iterable, Mapping[str, int].__args__)
print(Callable[[int, str], float].__args__)
show('Callable[int]', lambda: Callable[int])
print(Iterable[Mapping[str, int]])

print('--- misc')
print(MappingView({1: 2}), KeysView({1: 2}), ItemsView({1: 2}), ValuesView({1: 2}))
print(len(ValuesView({1: 2, 3: 4})), list(ItemsView({1: 2})), 2 in ValuesView({1: 2}))
print(isinstance(KeysView({}), Set), list(KeysView({5: 6, 7: 8})))
print(sorted(KeysView({1: 2}) | KeysView({3: 4})), type(KeysView({1: 2}) | [3]).__name__)
print(issubclass(Sequence, Reversible), issubclass(Mapping, Collection),
      issubclass(MutableSet, Set), issubclass(KeysView, MappingView))
print(Sequence.__mro__)
print(KeysView.__mro__)
print(Mapping.__reversed__, Set.__hash__)
print('--- done')
