import operator
from operator import *


def t(name, fn):
    try:
        r = fn()
    except Exception as e:
        print(name, 'EXC', type(e).__name__, e)
    else:
        print(name, repr(r))


# binary arithmetic / bitwise
for fname in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow',
              'and_', 'or_', 'xor', 'lshift', 'rshift']:
    f = getattr(operator, fname)
    for a, b in [(7, 3), (-7, 2), (2, 10), (6, 0)]:
        t('%s(%r, %r)' % (fname, a, b), lambda: f(a, b))
t('add str', lambda: add('ab', 'cd'))
t('add list', lambda: add([1], [2, 3]))
t('mul seq', lambda: mul('ab', 3))
t('truediv float', lambda: truediv(1.5, 0.5))
t('mod str', lambda: mod('%s-%d', ('x', 3)))
t('add err', lambda: add(1, 'a'))
t('sub err', lambda: sub('a', 1))
t('lshift neg', lambda: lshift(1, -1))

# unary
for fname in ['neg', 'pos', 'abs', 'invert', 'inv', 'not_', 'truth', 'index']:
    f = getattr(operator, fname)
    for a in [5, -3, 0, True]:
        t('%s(%r)' % (fname, a), lambda: f(a))
t('abs float', lambda: abs(-2.5))
t('neg float', lambda: neg(2.5))
t('truth list', lambda: (truth([]), truth([0]), not_(''), not_('x')))
t('index str', lambda: index('a'))
t('index float', lambda: index(1.5))


class Idx:
    def __index__(self):
        return 42


t('index custom', lambda: index(Idx()))
t('invert err', lambda: invert(1.5))
t('neg err', lambda: neg('a'))

# comparisons
for fname in ['lt', 'le', 'eq', 'ne', 'ge', 'gt']:
    f = getattr(operator, fname)
    for a, b in [(1, 2), (2, 2), (3, 2), ('a', 'b'), ((1, 2), (1, 3))]:
        t('%s(%r, %r)' % (fname, a, b), lambda: f(a, b))
t('lt err', lambda: lt(1, 'a'))
t('eq mixed', lambda: eq(1, 'a'))
t('is_', lambda: (is_(None, None), is_([], []), is_not(None, None),
                  is_not(1, None)))


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return 'lt(%r,%r)' % (self.v, o.v)

    def __eq__(self, o):
        return 'eq'


t('custom lt', lambda: lt(Cmp(1), Cmp(2)))
t('custom gt reflected', lambda: gt(Cmp(1), Cmp(2)))
t('custom eq', lambda: eq(Cmp(1), 5))


class Mat:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, o):
        return Mat(self.v * o.v)

    def __imatmul__(self, o):
        self.v = self.v + o.v
        return self

    def __repr__(self):
        return 'Mat(%r)' % self.v


t('matmul', lambda: matmul(Mat(3), Mat(4)))
t('imatmul', lambda: imatmul(Mat(3), Mat(4)))
t('matmul err', lambda: matmul(1, 2))

# sequences
t('concat', lambda: concat([1, 2], [3]))
t('concat str', lambda: concat('ab', 'c'))
t('concat tuple', lambda: concat((1,), (2,)))
t('concat int', lambda: concat(1, 2))
t('concat mixed', lambda: concat([1], (2,)))
t('contains', lambda: (contains([1, 2, 3], 2), contains('abc', 'd'),
                       contains({'a': 1}, 'a')))
t('contains err', lambda: contains(5, 1))
t('countOf', lambda: (countOf([1, 2, 1, 3, 1], 1), countOf('banana', 'a'),
                      countOf([], 1), countOf([1, 1.0, True], 1)))
t('countOf err', lambda: countOf(5, 3))
nan = float('nan')
t('countOf nan identity', lambda: countOf([nan, nan, 1], nan))
t('indexOf', lambda: (indexOf([5, 6, 7], 7), indexOf('abc', 'b'),
                      indexOf(iter([3, 4]), 4)))
t('indexOf missing', lambda: indexOf([1, 2], 3))
t('indexOf err', lambda: indexOf(5, 3))
t('indexOf nan', lambda: indexOf([1, nan], nan))

lst = [1, 2, 3, 4]
t('getitem', lambda: (getitem(lst, 1), getitem(lst, -1),
                      getitem(lst, slice(1, 3)), getitem({'k': 'v'}, 'k'),
                      getitem('hello', 1)))
t('getitem err', lambda: getitem(lst, 10))
t('getitem keyerr', lambda: getitem({}, 'x'))
t('setitem', lambda: (setitem(lst, 0, 'a'), lst)[1])
t('setitem slice', lambda: (setitem(lst, slice(1, 3), ['x']), lst)[1])
t('delitem', lambda: (delitem(lst, 0), lst)[1])
d = {'a': 1, 'b': 2}
t('delitem dict', lambda: (delitem(d, 'a'), d)[1])
t('delitem missing', lambda: delitem(d, 'zz'))
t('setitem tuple', lambda: setitem((1, 2), 0, 5))

# length_hint
t('length_hint list', lambda: length_hint([1, 2, 3]))
t('length_hint str', lambda: length_hint('abcd', 7))
t('length_hint none', lambda: length_hint(5))
t('length_hint default', lambda: length_hint(5, 9))
t('length_hint bad default', lambda: length_hint(5, 'a'))


class LH:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        if isinstance(self.v, Exception):
            raise self.v
        return self.v


t('lh custom', lambda: length_hint(LH(12)))
t('lh notimpl', lambda: length_hint(LH(NotImplemented), 4))
t('lh neg', lambda: length_hint(LH(-1)))
t('lh str', lambda: length_hint(LH('x')))
t('lh typeerror', lambda: length_hint(LH(TypeError('boom')), 3))
t('lh valueerror', lambda: length_hint(LH(ValueError('boom')), 3))


class LenAndHint:
    def __len__(self):
        return 2

    def __length_hint__(self):
        return 100


class BadLen:
    def __len__(self):
        raise TypeError('nope')

    def __length_hint__(self):
        return 5


t('lh prefers len', lambda: length_hint(LenAndHint()))
t('lh bad len', lambda: length_hint(BadLen()))

# in-place
for fname in ['iadd', 'isub', 'imul', 'itruediv', 'ifloordiv', 'imod',
              'ipow', 'iand', 'ior', 'ixor', 'ilshift', 'irshift']:
    f = getattr(operator, fname)
    t('%s(13, 4)' % fname, lambda: f(13, 4))
a = [1]
b = iadd(a, [2])
t('iadd list identity', lambda: (a, b is a))
a = [1]
b = iconcat(a, (2, 3))
t('iconcat list identity', lambda: (a, b is a))
t('iconcat int', lambda: iconcat(1, 2))
t('iconcat str', lambda: iconcat('x', 'y'))
s = {1}
t('ior set', lambda: (ior(s, {2}), s))
t('imul list', lambda: imul([0], 3))
t('itruediv zero', lambda: itruediv(1, 0))

# call
t('call', lambda: call(max, 3, 9, 2))
t('call kw', lambda: call(sorted, [3, 1, 2], reverse=True))
t('call err', lambda: call(5))

# itemgetter
g = itemgetter(1)
t('itemgetter 1', lambda: (g([1, 2, 3]), g('xyz'), g({1: 'one'})))
g2 = itemgetter(0, 2, -1)
t('itemgetter many', lambda: g2('abcdef'))
t('itemgetter slice', lambda: itemgetter(slice(1, 3))([0, 1, 2, 3]))
t('itemgetter key', lambda: sorted([(1, 'b'), (2, 'a'), (0, 'c')],
                                   key=itemgetter(1)))
t('itemgetter err', lambda: itemgetter(5)([1]))
t('itemgetter none', lambda: itemgetter())
t('itemgetter call0', lambda: itemgetter(1)())
t('itemgetter call2', lambda: itemgetter(1)([1, 2], 3))
t('itemgetter repr', lambda: repr(itemgetter(1, 'a')))
t('itemgetter map', lambda: list(map(itemgetter(0), ['ab', 'cd'])))


# attrgetter
class NS:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


obj = NS(name=NS(first='Ada', last='Lovelace'), age=36)
t('attrgetter 1', lambda: attrgetter('age')(obj))
t('attrgetter dotted', lambda: attrgetter('name.first')(obj))
t('attrgetter many', lambda: attrgetter('name.last', 'age')(obj))
t('attrgetter missing', lambda: attrgetter('zzz')(obj))
t('attrgetter dotted missing', lambda: attrgetter('name.middle')(obj))
t('attrgetter bad name', lambda: attrgetter(1))
t('attrgetter none', lambda: attrgetter())
t('attrgetter call0', lambda: attrgetter('a')())
t('attrgetter repr', lambda: repr(attrgetter('a.b', 'c')))
t('attrgetter builtin', lambda: attrgetter('real', 'imag')(5))
t('attrgetter sort', lambda: [o.v for o in sorted([NS(v=3), NS(v=1), NS(v=2)],
                                                  key=attrgetter('v'))])

# methodcaller
t('methodcaller', lambda: methodcaller('upper')('abc'))
t('methodcaller args', lambda: methodcaller('split', ',', 1)('a,b,c'))
t('methodcaller kwargs', lambda: methodcaller('split', sep='-')('a-b'))
t('methodcaller missing', lambda: methodcaller('nope')('abc'))
t('methodcaller none', lambda: methodcaller())
t('methodcaller bad name', lambda: methodcaller(1))
t('methodcaller kw only', lambda: methodcaller(name='a'))
t('methodcaller call0', lambda: methodcaller('a')())
t('methodcaller repr', lambda: repr(methodcaller('f', 1, 'x', k=2)))
t('methodcaller sort', lambda: sorted(['b', 'C', 'a'],
                                      key=methodcaller('lower')))

# dunder aliases
t('dunders', lambda: (operator.__add__(1, 2), operator.__sub__(5, 1),
                      operator.__mul__(2, 3), operator.__lt__(1, 2),
                      operator.__not__(0), operator.__inv__(0),
                      operator.__invert__(1), operator.__getitem__('ab', 1),
                      operator.__contains__([1], 1),
                      operator.__concat__('a', 'b'),
                      operator.__iadd__(1, 1), operator.__index__(7),
                      operator.__abs__(-1), operator.__pow__(2, 5),
                      operator.__call__(len, 'abc')))
t('alias identity', lambda: (operator.__add__ is add, invert is inv,
                             operator.__invert__ is invert))
t('__all__', lambda: sorted(operator.__all__))
t('all exist', lambda: all(hasattr(operator, n) for n in operator.__all__))
t('funcs via reduce-like', lambda: [f(10, 3) for f in (add, sub, mul, mod,
                                                      floordiv, pow)])
t('itemgetter 3 args', lambda: itemgetter(0)(1, 2, 3))
t('attrgetter 2 args', lambda: attrgetter('a')(1, 2))
t('methodcaller 2 args', lambda: methodcaller('a')(1, 2))
t('getters kw', lambda: attrgetter('a')(obj=1))
t('getters kw2', lambda: methodcaller('a')(obj=1))
