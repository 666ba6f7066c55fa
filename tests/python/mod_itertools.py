import itertools
from itertools import (accumulate, chain, combinations,
                       combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)


def t(name, fn):
    try:
        r = fn()
    except Exception as e:
        print(name, 'EXC', type(e).__name__, e)
    else:
        print(name, repr(r))


def take(n, it):
    return list(islice(it, n))


# ------------------------------------------------------------------ count
t('count()', lambda: take(5, count()))
t('count(10)', lambda: take(3, count(10)))
t('count(1, 3)', lambda: take(4, count(1, 3)))
t('count neg step', lambda: take(4, count(0, -2)))
t('count float', lambda: take(4, count(0.5, 0.25)))
t('count float drift', lambda: take(11, count(0, 0.1))[-1])
t('count kw', lambda: take(3, count(step=5, start=2)))
t('count big', lambda: take(3, count(2 ** 64, 2 ** 63)))
t('count bool', lambda: take(3, count(True, True)))
t('count str', lambda: count('a'))
t('count step str', lambda: count(1, 'a'))
t('count repr', lambda: [repr(count()), repr(count(5)), repr(count(5, 2)),
                         repr(count(1.5)), repr(count(1, 1.0)),
                         repr(count(step=-1))])
c = count(3)
next(c)
t('count repr after next', lambda: repr(c))
t('count zip', lambda: list(zip('abc', count(1))))

# ------------------------------------------------------------------ cycle
t('cycle', lambda: take(7, cycle('abc')))
t('cycle empty', lambda: list(cycle([])))
t('cycle one', lambda: take(3, cycle([0])))
t('cycle notiter', lambda: cycle(5))
t('cycle kw', lambda: cycle(x=1))
t('cycle no args', lambda: cycle())
t('cycle 2 args', lambda: cycle(1, 2))


def gen3():
    print('  gen3 start')
    yield 1
    yield 2
    print('  gen3 end')


t('cycle generator consumed once', lambda: take(6, cycle(gen3())))

# ----------------------------------------------------------------- repeat
t('repeat n', lambda: list(repeat('x', 3)))
t('repeat kw', lambda: list(repeat(object=1, times=2)))
t('repeat zero', lambda: list(repeat(1, 0)))
t('repeat neg', lambda: list(repeat(1, -3)))
t('repeat inf', lambda: take(4, repeat(7)))
t('repeat None', lambda: repeat(1, None))
t('repeat str', lambda: repeat(1, 'a'))
t('repeat float', lambda: repeat(1, 2.0))
t('repeat repr', lambda: [repr(repeat(1)), repr(repeat('a', 2)),
                          repr(repeat(1, -3))])
r = repeat('z', 3)
next(r)
t('repeat hint', lambda: (r.__length_hint__(), repr(r)))
t('repeat hint inf', lambda: repeat(1).__length_hint__())
t('repeat map', lambda: list(map(pow, range(5), repeat(2))))

# ------------------------------------------------------------ accumulate
t('accumulate', lambda: list(accumulate([1, 2, 3, 4, 5])))
t('accumulate func', lambda: list(accumulate([3, 1, 4, 1, 5], max)))
t('accumulate mul', lambda: list(accumulate([1, 2, 3, 4],
                                            lambda a, b: a * b)))
t('accumulate initial', lambda: list(accumulate([1, 2, 3], initial=100)))
t('accumulate initial empty', lambda: list(accumulate([], initial=5)))
t('accumulate initial None', lambda: list(accumulate([1, 2], initial=None)))
t('accumulate empty', lambda: list(accumulate([])))
t('accumulate str', lambda: list(accumulate('abc')))
t('accumulate func None', lambda: list(accumulate([1, 2, 3], None)))
t('accumulate bad', lambda: list(accumulate([1, 'a'])))
t('accumulate notiter', lambda: accumulate(5))
t('accumulate func+initial', lambda: list(accumulate([1, 2, 3], lambda a, b:
                                                     a - b, initial=10)))
t('accumulate lists', lambda: list(accumulate([[1], [2], [3]])))

# ----------------------------------------------------------------- chain
t('chain', lambda: list(chain('ab', [1, 2], (), range(3))))
t('chain empty', lambda: list(chain()))
t('chain from_iterable', lambda: list(chain.from_iterable(['ab', 'cd', ''])))
t('chain from_iterable gen', lambda: list(chain.from_iterable(
    [i] * i for i in range(4))))
t('chain lazy', lambda: type(chain(1)).__name__)
t('chain lazy next', lambda: next(chain(1)))
t('chain.from_iterable notiter', lambda: chain.from_iterable(5))
t('chain.from_iterable item notiter',
  lambda: next(chain.from_iterable([5])))
t('chain kw', lambda: chain(x=1))
ch = chain([1], 5, [2])
t('chain bad middle first', lambda: next(ch))
t('chain bad middle second', lambda: next(ch))
t('chain bad middle after', lambda: list(ch))
t('chain isinstance', lambda: isinstance(chain.from_iterable([]), chain))

# --------------------------------------------------------------- compress
t('compress', lambda: list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
t('compress short sel', lambda: list(compress('ABCDEF', [1, 1])))
t('compress short data', lambda: list(compress('AB', [0, 1, 1, 1])))
t('compress kw', lambda: list(compress(data=[1, 2], selectors=[0, 1])))
t('compress notiter', lambda: compress(5, [1]))
t('compress inf', lambda: list(compress(range(10), cycle([0, 1]))))
di = iter(range(10))
list(compress(di, [0, 0, 1]))
t('compress consumption', lambda: list(di))

# ------------------------------------------------------ dropwhile/takewhile
t('dropwhile', lambda: list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
t('dropwhile all', lambda: list(dropwhile(lambda x: True, [1, 2])))
t('dropwhile none', lambda: list(dropwhile(lambda x: False, [1, 2])))
t('dropwhile args', lambda: dropwhile(1, 2, 3))
t('dropwhile kw', lambda: dropwhile(bool, iterable=[5]))
t('takewhile', lambda: list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
t('takewhile empty', lambda: list(takewhile(bool, [])))
t('takewhile args', lambda: takewhile(bool))
t('takewhile kw', lambda: takewhile(bool, iterable=[5]))
tw = takewhile(lambda x: x < 3, iter([1, 2, 3, 1, 2]))
t('takewhile stops for good', lambda: (list(tw), list(tw)))
src = iter(range(10))
t('takewhile consumes failing', lambda: (list(takewhile(lambda x: x < 3,
                                                        src)), list(src)))
t('takewhile pred error', lambda: list(takewhile(lambda x: 1 / x, [1, 0])))

# ------------------------------------------------------------- filterfalse
t('filterfalse', lambda: list(filterfalse(lambda x: x % 2, range(10))))
t('filterfalse None', lambda: list(filterfalse(None, [0, 1, '', 2, [], 3])))
t('filterfalse args', lambda: filterfalse(None))
t('filterfalse kw', lambda: filterfalse(None, iterable=[]))
t('filterfalse notcallable', lambda: list(filterfalse(5, [1])))

# ---------------------------------------------------------------- groupby
t('groupby', lambda: [(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
t('groupby keys', lambda: [k for k, g in groupby('AAAABBBCCD')])
t('groupby key', lambda: [(k, list(g)) for k, g in
                          groupby([1, 3, 2, 4, 5, 7, 6], lambda x: x % 2)])
t('groupby kw', lambda: [(k, list(g)) for k, g in
                         groupby(iterable='aAbB', key=str.lower)])
t('groupby empty', lambda: list(groupby([])))
t('groupby notiter', lambda: groupby(5))
gb = groupby('aabbbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
t('groupby stale group', lambda: (k1, list(g1), k2, list(g2)))
gb = groupby('aaab')
k1, g1 = next(gb)
t('groupby partial group', lambda: (next(g1), next(gb)[0], list(g1)))
gb = groupby([1, 1, 2])
k1, g1 = next(gb)
t('groupby group then outer', lambda: (list(g1), next(gb)[0], list(gb)))
t('groupby sorted', lambda: [(k, len(list(g))) for k, g in
                             groupby(sorted('mississippi'))])
calls = []


def keyf(x):
    calls.append(x)
    return x // 10


t('groupby key calls', lambda: ([(k, list(g)) for k, g in
                                 groupby([1, 2, 11, 12, 21], keyf)], calls))
t('groupby key error', lambda: list(groupby([1, 2], lambda x: 1 / (x - 2))))


class EqCount:
    n = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        EqCount.n += 1
        return self.v == other.v

    def __repr__(self):
        return 'E%d' % self.v


t('groupby eq', lambda: ([(k, list(g)) for k, g in
                          groupby([EqCount(1), EqCount(1), EqCount(2)])],
                         EqCount.n))

# ----------------------------------------------------------------- islice
t('islice stop', lambda: list(islice('ABCDEFG', 2)))
t('islice start stop', lambda: list(islice('ABCDEFG', 2, 4)))
t('islice start None', lambda: list(islice('ABCDEFG', 2, None)))
t('islice step', lambda: list(islice('ABCDEFG', 0, None, 2)))
t('islice all None', lambda: list(islice('ABC', None)))
t('islice None start', lambda: list(islice(range(5), None, 3)))
t('islice step None', lambda: list(islice(range(10), 1, None, None)))
t('islice bool', lambda: list(islice([1, 2, 3], True)))
t('islice over', lambda: list(islice(range(3), 10)))
t('islice start>stop', lambda: list(islice(range(10), 5, 3)))
t('islice inf', lambda: list(islice(count(), 3, 20, 5)))
t('islice zero', lambda: list(islice(range(10), 0)))
for args in [(0, 5, 3), (2, 8, 3), (3,), (4, 4), (1, None, 4), (0, 0)]:
    it = iter(range(10))
    t('islice consumption %r' % (args,),
      lambda: (list(islice(it, *args)), list(it)))
it = iter(range(10))
sl = islice(it, 3)
t('islice partial', lambda: (next(sl), next(it), list(sl), list(it)))
t('islice neg stop', lambda: islice([1], -1))
t('islice neg2 stop', lambda: islice([1], -2))
t('islice neg start', lambda: islice([1], -1, 2))
t('islice bad stop', lambda: islice([1], 0, 'a'))
t('islice bad start', lambda: islice([1], 'a', 2))
t('islice float', lambda: islice([1], 1.5))
t('islice huge', lambda: islice([1], 2 ** 70))
t('islice step0', lambda: islice([1], 0, 2, 0))
t('islice step neg', lambda: islice([1], 0, 2, -1))
t('islice step str', lambda: islice([1], 0, 2, 'a'))
t('islice notiter', lambda: islice(5, 2))
t('islice 1 arg', lambda: islice([1]))
t('islice 5 args', lambda: islice([1], 1, 2, 3, 4))
t('islice no args', lambda: islice())
t('islice kw', lambda: islice([1], stop=1))

# --------------------------------------------------------------- pairwise
t('pairwise', lambda: list(pairwise('ABCDE')))
t('pairwise short', lambda: (list(pairwise('A')), list(pairwise(''))))
t('pairwise notiter', lambda: pairwise(5))
t('pairwise kw', lambda: pairwise(iterable=[1]))
t('pairwise args', lambda: (pairwise()))
t('pairwise 2 args', lambda: (pairwise(1, 2)))
t('pairwise inf', lambda: take(3, pairwise(count())))

# ---------------------------------------------------------------- starmap
t('starmap', lambda: list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
t('starmap lists', lambda: list(starmap(max, [[1, 5], [7, 2, 3], 'ab'])))
t('starmap empty tuple', lambda: list(starmap(lambda: 'x', [(), ()])))
t('starmap notiter', lambda: starmap(pow, 5))
t('starmap bad item', lambda: list(starmap(pow, [5])))
t('starmap kw', lambda: starmap(pow, iterable=[5]))
t('starmap args', lambda: starmap())

# -------------------------------------------------------------------- tee
a, b = tee(range(5))
t('tee', lambda: (list(a), list(b)))
a, b, c = tee('abc', 3)
t('tee 3', lambda: (next(a), next(a), next(b), list(c), list(a), list(b)))
t('tee 0', lambda: tee([1], 0))
t('tee 1', lambda: [list(x) for x in tee([1, 2], 1)])
t('tee neg', lambda: tee([1], -1))
t('tee str', lambda: tee([1], 'a'))
t('tee notiter', lambda: tee(5))
t('tee no args', lambda: tee())
t('tee 3 args', lambda: tee(1, 2, 3))
t('tee kw', lambda: tee([1], n=2))
src = iter(range(6))
a, b = tee(src)
t('tee lazy', lambda: (next(a), next(a), next(src), next(b), next(b),
                       next(b), list(a)))
a, b = tee(count())
t('tee inf', lambda: (take(3, a), take(5, b), take(2, a)))
a, b = tee([1, 2, 3])
a2, a3 = tee(a)
t('tee of tee', lambda: (list(a2), list(a3), list(b)))
a, b = tee([1, 2, 3])
next(a)
c = a.__copy__()
t('tee copy', lambda: (list(c), list(a), list(b)))
t('tee iter is self', lambda: iter(a) is a)

# ------------------------------------------------------------ zip_longest
t('zip_longest', lambda: list(zip_longest('ABCD', 'xy')))
t('zip_longest fill', lambda: list(zip_longest('ab', 'xyz', fillvalue='-')))
t('zip_longest three', lambda: list(zip_longest([1], [], 'ab', fillvalue=0)))
t('zip_longest none', lambda: list(zip_longest()))
t('zip_longest one', lambda: list(zip_longest('ab')))
t('zip_longest empties', lambda: list(zip_longest([], [])))
t('zip_longest kw', lambda: zip_longest([1], x=1))
t('zip_longest kw2', lambda: zip_longest([1], fillvalue=1, x=1))
t('zip_longest notiter', lambda: zip_longest([1], 5))
t('zip_longest inf', lambda: take(4, zip_longest(count(), 'ab')))
zl = zip_longest('a', 'bc')
t('zip_longest exhausted', lambda: (list(zl), list(zl)))

# ---------------------------------------------------------------- product
t('product', lambda: list(product('AB', 'xy')))
t('product repeat', lambda: list(product(range(2), repeat=3)))
t('product repeat 2 iters', lambda: list(product('ab', [0, 1], repeat=2)))
t('product empty', lambda: list(product()))
t('product has empty', lambda: list(product('ab', [], 'cd')))
t('product repeat 0', lambda: list(product('ab', repeat=0)))
t('product len', lambda: len(list(product(range(4), repeat=4))))
t('product kw', lambda: product([1], x=1))
t('product neg', lambda: product([1], repeat=-1))
t('product str', lambda: product([1], repeat='a'))
t('product notiter', lambda: product(5))
t('product gen once', lambda: list(product((x for x in 'ab'), repeat=2)))

# ----------------------------------------------------------- permutations
t('permutations', lambda: list(permutations('ABC')))
t('permutations r', lambda: list(permutations(range(4), 2)))
t('permutations r0', lambda: list(permutations('ab', 0)))
t('permutations r big', lambda: list(permutations('ab', 3)))
t('permutations empty', lambda: list(permutations([])))
t('permutations None', lambda: list(permutations([1, 2], None)))
t('permutations kw', lambda: list(permutations(iterable=[1, 2], r=1)))
t('permutations len', lambda: len(list(permutations(range(6)))))
t('permutations neg', lambda: permutations([1], -1))
t('permutations str r', lambda: permutations([1], 'a'))
t('permutations notiter', lambda: permutations(5))
t('permutations dup', lambda: list(permutations('aab', 2)))

# ----------------------------------------------------------- combinations
t('combinations', lambda: list(combinations('ABCD', 2)))
t('combinations 3', lambda: list(combinations(range(5), 3)))
t('combinations r0', lambda: list(combinations('abc', 0)))
t('combinations r big', lambda: list(combinations('abc', 4)))
t('combinations r=n', lambda: list(combinations('abc', 3)))
t('combinations empty', lambda: list(combinations('', 0)))
t('combinations kw', lambda: list(combinations(iterable=[1, 2], r=1)))
t('combinations neg', lambda: combinations([1], -1))
t('combinations str', lambda: combinations([1], 'a'))
t('combinations None', lambda: combinations([1], None))
t('combinations notiter', lambda: combinations(5, 1))
t('combinations len', lambda: len(list(combinations(range(12), 5))))

t('cwr', lambda: list(combinations_with_replacement('ABC', 2)))
t('cwr 3', lambda: list(combinations_with_replacement(range(2), 3)))
t('cwr r0', lambda: list(combinations_with_replacement('ab', 0)))
t('cwr empty', lambda: list(combinations_with_replacement('', 2)))
t('cwr empty r0', lambda: list(combinations_with_replacement('', 0)))
t('cwr neg', lambda: combinations_with_replacement([1], -1))
t('cwr str', lambda: combinations_with_replacement([1], 'a'))
t('cwr len', lambda: len(list(combinations_with_replacement(range(6), 4))))

# ------------------------------------------------------------- protocol
for obj in [count(), cycle('a'), repeat(1), accumulate([1]), chain(),
            compress([], []), dropwhile(bool, []), takewhile(bool, []),
            filterfalse(None, []), groupby([]), islice([], 1),
            pairwise([]), starmap(pow, []), tee([])[0], zip_longest(),
            product(), permutations([]), combinations([], 1),
            combinations_with_replacement([], 1)]:
    print('iter-self', iter(obj) is obj)
print('exhausted again', list(islice(iter([]), 3)), next(chain(), 'dflt'))
t('count bool slow', lambda: (take(3, count(True, 2)), take(3, count(1, True)),
                              repr(count(True)), repr(count(1.5, True)),
                              repr(count(True, 2))))
