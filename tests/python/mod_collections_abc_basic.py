from collections.abc import (Iterable, Iterator, Sequence, Mapping, MutableMapping, Callable,
                             Hashable, Sized, Container, Set, MutableSet, MutableSequence,
                             Generator, Collection, Reversible, KeysView, ItemsView, ValuesView,
                             MappingView)
import collections.abc as cabc


def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


print('=== MutableMapping ===')
class Store(MutableMapping):
    def __init__(self, *args, **kw):
        self._d = {}
        self.update(*args, **kw)
    def __getitem__(self, key):
        return self._d[key]
    def __setitem__(self, key, value):
        self._d[key] = value
    def __delitem__(self, key):
        del self._d[key]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __repr__(self):
        return 'Store(%r)' % (self._d,)

s = Store({'a': 1}, b=2)
s.update([('c', 3)])
s.update(Store(d=4))
print(s, len(s), list(s), 'a' in s, 'z' in s)
print(s.get('a'), s.get('z'), s.get('z', 0))
print(list(s.keys()), list(s.values()), list(s.items()))
print(s.keys(), len(s.keys()), 'a' in s.keys(), ('a', 1) in s.items(), ('a', 2) in s.items(), 3 in s.values(), 99 in s.values())
print(s.keys() == {'a', 'b', 'c', 'd'}, s.keys() <= {'a', 'b', 'c', 'd', 'e'}, s.keys() < {'a'})
print(sorted(s.keys() & {'a', 'z'}), sorted(s.keys() | {'z'}), sorted(s.keys() - {'a'}), sorted(s.keys() ^ {'a', 'q'}))
print(sorted(s.items() & {('a', 1), ('b', 0)}))
print(s.pop('a'), s.pop('zz', 'dflt'), s)
show('pop missing', s.pop, 'zz')
print(s.setdefault('b', 100), s.setdefault('e', 5), s)
print(s.popitem(), s)
print(s == {'c': 3, 'd': 4, 'e': 5}, s == {'c': 3}, s != {'c': 3}, s == Store(c=3, d=4, e=5), s == [1])
s.clear()
print(s, len(s), bool(s))
show('popitem empty', s.popitem)
show('getitem missing', s.__getitem__, 'q')
print(isinstance(s, MutableMapping), isinstance(s, Mapping), isinstance(s, Collection), isinstance(s, Sized),
      isinstance(s, Iterable), isinstance(s, Container), isinstance(s, Sequence))
print(issubclass(Store, Mapping), issubclass(Store, Set), Store.__hash__ is None)
print(reversed(list(Store(x=1, y=2))) is not None)
print(list(reversed(list(Store(x=1, y=2).keys()))))

print('=== Mapping (read only) ===')
class Frozen(Mapping):
    def __init__(self, data):
        self._data = dict(data)
    def __getitem__(self, k):
        return self._data[k]
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)
f = Frozen({'x': 1, 'y': 2})
print(dict(f), f.get('x'), 'y' in f, f == {'x': 1, 'y': 2}, list(f.items()), len(f))
print(isinstance(f, MutableMapping), hasattr(f, 'pop'))

print('=== Sequence ===')
class Squares(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError('out of range')
        return i * i
sq = Squares(6)
print(list(sq), len(sq), sq[2], sq[-1], sq[1:4], 16 in sq, 17 in sq)
print(list(reversed(sq)), sq.index(9), sq.index(16, 2), sq.count(4), sq.count(5))
show('index missing', sq.index, 7)
show('index missing range', sq.index, 1, 2)
show('index stop', sq.index, 16, 0, 3)
print(sq.index(25, -3), sq.index(0, -100))
print(isinstance(sq, Sequence), isinstance(sq, Reversible), isinstance(sq, MutableSequence))

print('=== MutableSequence ===')
class MyList(MutableSequence):
    def __init__(self, data=()):
        self._items = list(data)
    def __len__(self):
        return len(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __delitem__(self, i):
        del self._items[i]
    def insert(self, i, v):
        self._items.insert(i, v)
    def __repr__(self):
        return 'MyList(%r)' % (self._items,)
ml = MyList([1, 2, 3])
ml.append(4)
ml.extend([5, 6])
print(ml, len(ml), list(ml))
ml.reverse()
print('reverse', ml)
print(ml.pop(), ml.pop(0), ml)
ml.remove(3)
print(ml)
show('remove missing', ml.remove, 99)
ml += [7, 8]
print(ml, 7 in ml, ml.index(7), ml.count(2))
ml.extend(ml)
print('extend self', ml)
ml.clear()
print(ml, len(ml))
show('pop empty', ml.pop)

print('=== Set / MutableSet ===')
class ListSet(Set):
    def __init__(self, it=()):
        self._e = []
        for x in it:
            if x not in self._e:
                self._e.append(x)
    def __contains__(self, x):
        return x in self._e
    def __iter__(self):
        return iter(self._e)
    def __len__(self):
        return len(self._e)
    def __repr__(self):
        return 'LS%r' % (self._e,)
a = ListSet([1, 2, 3])
b = ListSet([3, 4])
print(a & b, a | b, a - b, b - a, a ^ b)
print(a <= ListSet([1, 2, 3, 4]), a < a, a <= a, a >= ListSet([1]), a > ListSet([1]), a == ListSet([3, 2, 1]), a != b)
print(a == {1, 2, 3}, a <= {1, 2, 3, 9}, a & {2, 9}, a | [5], a - {1}, a.isdisjoint([7, 8]), a.isdisjoint([3]))
print(a == [1, 2, 3], a._hash() == ListSet([3, 1, 2])._hash())
show('set le list', lambda: a <= [1])
class ItemSet(MutableSet):
    def __init__(self, it=()):
        self._s = []
        for x in it:
            self.add(x)
    def __contains__(self, x):
        return x in self._s
    def __iter__(self):
        return iter(list(self._s))
    def __len__(self):
        return len(self._s)
    def add(self, x):
        if x not in self._s:
            self._s.append(x)
    def discard(self, x):
        if x in self._s:
            self._s.remove(x)
    def __repr__(self):
        return 'IS%r' % (self._s,)
m = ItemSet('abc')
m.add('d')
m.discard('a')
m.discard('zz')
print(m, len(m), 'b' in m)
m.remove('b')
show('remove missing', m.remove, 'b')
print(m.pop(), m)
m |= ['x', 'y']
print('ior', m)
m &= {'x', 'd', 'q'}
print('iand', m)
m ^= ['x', 'z']
print('ixor', m)
m -= ['z']
print('isub', m)
m.clear()
print(m, len(m))
show('pop empty', m.pop)

print('=== Iterator / Generator / others ===')
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
print(iter(c) is c, list(c), list(c))
class Gen(Generator):
    def __init__(self):
        self.v = 0
    def send(self, value):
        if value is not None:
            self.v = value
        self.v += 1
        if self.v > 5:
            raise StopIteration
        return self.v
    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)
g = Gen()
print(next(g), g.send(3), next(g), list(g))
g2 = Gen()
g2.close()
show('throw', Gen().throw, ValueError, ValueError('boom'))
show('throw type', Gen().throw, KeyError)
class Bad(Generator):
    def send(self, v):
        return 1
    def throw(self, *a):
        return 1
show('close ignored', Bad().close)
class Fn(Callable):
    def __call__(self, x):
        return x * 2
print(Fn()(4), isinstance(Fn(), Callable), callable(Fn()))
class Box(Container, Sized, Iterable, Hashable):
    def __contains__(self, x):
        return x == 1
    def __len__(self):
        return 1
    def __iter__(self):
        return iter([1])
    def __hash__(self):
        return 7
bx = Box()
print(1 in bx, 2 in bx, len(bx), list(bx), hash(bx))
print(isinstance(bx, Container), isinstance(bx, Sized), isinstance(bx, Hashable), issubclass(Box, Container))
print(issubclass(Collection, Sized), issubclass(Sequence, Reversible), issubclass(MutableSet, Set),
      issubclass(Generator, Iterator), issubclass(Iterator, Iterable), issubclass(KeysView, Set), issubclass(ValuesView, MappingView))
print(Sequence.register(Box) is Box)
print(sorted(n for n in cabc.__all__ if n in ('Iterable', 'Mapping', 'Set', 'Sequence')))
kv = KeysView({'a': 1, 'b': 2})
iv = ItemsView({'a': 1})
vv = ValuesView({'a': 1})
print(kv, iv, vv, list(kv), list(iv), list(vv), len(kv), 'a' in kv, ('a', 1) in iv, 1 in vv)
