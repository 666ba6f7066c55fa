"""Deterministic output test for the random module.

Run under CPython and under pystm; the printed output must be identical.
"""
import random

try:
    import warnings
    warnings.simplefilter('ignore')
except ImportError:
    pass

SEEDS = [0, 1, 42, 2 ** 40, -5, 2 ** 200 + 0x123456789ABCDEF0123456789]


def show(label, value):
    print(label, repr(value))


def err(label, func, *args, **kwargs):
    try:
        value = func(*args, **kwargs)
    except Exception as e:
        print(label, 'raised', type(e).__name__, repr(str(e)))
    else:
        print(label, 'returned', repr(value))


def exercise(r, tag):
    show(tag + ' random', [r.random() for _ in range(6)])
    show(tag + ' getrandbits', [r.getrandbits(k)
                                for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 257)])
    show(tag + ' randrange(10)', [r.randrange(10) for _ in range(8)])
    show(tag + ' randrange(3,1000,7)', [r.randrange(3, 1000, 7) for _ in range(5)])
    show(tag + ' randrange(100,0,-3)', [r.randrange(100, 0, -3) for _ in range(5)])
    show(tag + ' randrange(-5,5)', [r.randrange(-5, 5) for _ in range(5)])
    show(tag + ' randrange(big)', [r.randrange(10 ** 30) for _ in range(3)])
    show(tag + ' randrange(1,2)', r.randrange(1, 2))
    show(tag + ' randint', [r.randint(1, 6) for _ in range(10)])
    show(tag + ' randint(-2**70,2**70)', r.randint(-2 ** 70, 2 ** 70))
    show(tag + ' choice', [r.choice('abcdefghij') for _ in range(8)])
    show(tag + ' choice(range)', r.choice(range(10 ** 12)))
    show(tag + ' choices', r.choices(range(100), k=6))
    show(tag + ' choices default k', r.choices('xyz'))
    show(tag + ' choices weights', r.choices('abcd', [1, 0, 3.5, 2], k=6))
    show(tag + ' choices cum_weights', r.choices('abc', cum_weights=[1, 5, 6], k=6))
    show(tag + ' choices k=0', r.choices('abc', k=0))
    lst = list(range(15))
    r.shuffle(lst)
    show(tag + ' shuffle', lst)
    one = ['only']
    r.shuffle(one)
    show(tag + ' shuffle1', one)
    # (n, k) pairs chosen to hit both sample() strategies.
    for n, k in ((10, 0), (10, 3), (10, 10), (21, 6), (30, 6), (60, 6),
                 (200, 50), (1000, 50), (10 ** 9, 5)):
        show(tag + ' sample(%d,%d)' % (n, k), r.sample(range(n), k))
    show(tag + ' sample list', r.sample(['a', 'b', 'c', 'd', 'e'], 3))
    show(tag + ' sample tuple', r.sample((1.5, 2.5, 3.5), 2))
    show(tag + ' sample str', r.sample('pystm', 5))
    show(tag + ' sample counts', r.sample(['red', 'blue'], 5, counts=[4, 2]))
    show(tag + ' uniform', [r.uniform(1, 5), r.uniform(-3.5, -1.25), r.uniform(5, 1)])
    show(tag + ' gauss', [r.gauss(), r.gauss(), r.gauss(10, 2), r.gauss(mu=-1, sigma=0.5)])
    show(tag + ' normalvariate', [r.normalvariate(), r.normalvariate(5, 3)])
    show(tag + ' lognormvariate', r.lognormvariate(0, 0.5))
    show(tag + ' expovariate', [r.expovariate(1.5), r.expovariate(0.1)])
    show(tag + ' triangular', [r.triangular(), r.triangular(0, 10, 2),
                               r.triangular(10, 0), r.triangular(3, 3, 3)])
    show(tag + ' vonmises', [r.vonmisesvariate(1.0, 0), r.vonmisesvariate(1.0, 4.0),
                             r.vonmisesvariate(-2.0, 0.5)])
    show(tag + ' gamma', [r.gammavariate(0.5, 1.0), r.gammavariate(1.0, 2.0),
                          r.gammavariate(3.5, 1.5)])
    show(tag + ' beta', [r.betavariate(2.0, 3.0), r.betavariate(0.3, 0.4)])
    show(tag + ' pareto', r.paretovariate(2.5))
    show(tag + ' weibull', r.weibullvariate(1.0, 2.0))
    show(tag + ' randbytes', r.randbytes(11))
    state = r.getstate()
    first = [r.random(), r.getrandbits(40), r.gauss()]
    r.setstate(state)
    again = [r.random(), r.getrandbits(40), r.gauss()]
    show(tag + ' setstate replay', first == again)
    show(tag + ' state head', (state[0], state[1][:3], state[1][-1], state[2]))


for s in SEEDS:
    exercise(random.Random(s), 'Random(%d)' % s)

# Module-level functions share one hidden instance.
random.seed(12345)
show('module random', [random.random() for _ in range(3)])
show('module randint', [random.randint(0, 100) for _ in range(5)])
show('module choice', random.choice(['spam', 'eggs', 'ham']))
seq = list('abcdefgh')
random.shuffle(seq)
show('module shuffle', seq)
show('module sample', random.sample(range(100), 4))
show('module choices', random.choices('ab', [3, 1], k=5))
show('module gauss', [random.gauss(), random.gauss()])
show('module getrandbits', random.getrandbits(70))
st = random.getstate()
a = random.random()
random.setstate(st)
show('module setstate', random.random() == a)
random.seed(12345)
show('module reseed', random.random())

# Other seed types.
r = random.Random()
for s in (1.0, -2.5, 0.1, 1e300, True, 2 ** 32, 2 ** 32 - 1, -(2 ** 64)):
    r.seed(s)
    show('seed %r' % (s,), [r.random(), r.randrange(1000)])
for s in ('', 'hello', 'h\xe9llo \u20ac', b'', b'abc', b'\xff' * 200):
    r.seed(s)
    show('seed %r v2' % (s,), r.random())
    r.seed(s, version=1)
    show('seed %r v1' % (s,), r.random())
r.seed()
x = r.random()
show('seed() float', type(x) is float and 0.0 <= x < 1.0)
r.seed(None)
show('seed(None) int', 0 <= r.randrange(10) < 10)

# Independent instances; reseeding clears the cached gauss value.
r1 = random.Random(7)
r2 = random.Random(7)
r1.random()
show('independent', [r1.random(), r2.random(), r2.random()])
r1.seed(3)
g = r1.gauss()
r1.seed(3)
show('gauss cache reset', r1.gauss() == g)
r1.seed(3)
r1.gauss()
show('gauss cached second', r1.getstate()[2])
r3 = random.Random(x=5)
show('Random(x=5)', r3.random())

# Old-style (version 2) state.
r1.seed(11)
v, internal, gn = r1.getstate()
r2.setstate((2, tuple(w - 2 ** 32 if w >= 2 ** 31 else w for w in internal), gn))
show('setstate v2', r1.random() == r2.random())


# Subclasses: which integer strategy they get, and their numbers.
class OnlyRandom(random.Random):
    def random(self):
        return super().random()


class OwnBits(random.Random):
    def getrandbits(self, k):
        return super().getrandbits(k)


class Counting(random.Random):
    def __init__(self, x=None, scale=1):
        super().__init__(x)
        self.scale = scale
        self.calls = 0

    def random(self):
        self.calls += 1
        return super().random() * self.scale


o = OnlyRandom(99)
show('OnlyRandom strategy', OnlyRandom._randbelow.__name__)
show('OnlyRandom randrange', [o.randrange(1000) for _ in range(5)])
show('OnlyRandom randrange(2**60)', o.randrange(2 ** 60))
show('OnlyRandom sample', o.sample(range(50), 5))
show('OwnBits strategy', OwnBits._randbelow.__name__)
show('OwnBits randrange', OwnBits(99).randrange(1000))
c = Counting(5, scale=0.5)
show('Counting', [c.random(), c.uniform(0, 10), c.calls, isinstance(c, random.Random)])

# SystemRandom has no state.
sr = random.SystemRandom()
show('SystemRandom seed', sr.seed(1))
err('SystemRandom getstate', sr.getstate)
err('SystemRandom setstate', sr.setstate, None)

# Error cases.
r = random.Random(5)


class EmptyButTrue:
    def __len__(self):
        return 0

    def __bool__(self):
        return True


err('randrange(0)', r.randrange, 0)
err('randrange(-3)', r.randrange, -3)
err('randrange(5,5)', r.randrange, 5, 5)
err('randrange(5,2)', r.randrange, 5, 2)
err('randrange(1,10,0)', r.randrange, 1, 10, 0)
err('randrange(10,1,2)', r.randrange, 10, 1, 2)
err('randrange(1.5)', r.randrange, 1.5)
err('randrange(2.0)', r.randrange, 2.0)
err('randrange(0,2.5)', r.randrange, 0, 2.5)
err('randrange(0,4,1.5)', r.randrange, 0, 4, 1.5)
err('randrange(5,step=2)', r.randrange, 5, step=2)
err('randrange(5,None,1)', r.randrange, 5, None, 1)
err("randrange('a')", r.randrange, 'a')
err('randint(5,2)', r.randint, 5, 2)
err('randint(1.5,3)', r.randint, 1.5, 3)
err('choice([])', r.choice, [])
err('choice(EmptyButTrue)', r.choice, EmptyButTrue())
err('choices([],k=2)', r.choices, [], k=2)
err('choices k=-1', r.choices, [1, 2], k=-1)
err('choices weights mismatch', r.choices, [1, 2], [1])
err('choices both', r.choices, [1, 2], [1, 1], cum_weights=[1, 2])
err('choices int weights', r.choices, [1, 2], 3)
err('choices zero weights', r.choices, [1, 2], [0, 0])
err('choices inf weights', r.choices, [1, 2], [1, float('inf')])
err('sample(set)', r.sample, {1, 2}, 1)
err('sample(dict)', r.sample, {1: 2}, 1)
err('sample too big', r.sample, [1, 2], 3)
err('sample negative', r.sample, [1, 2], -1)
err('sample counts mismatch', r.sample, [1, 2], 1, counts=[1])
err('sample counts float', r.sample, [1, 2], 1, counts=[1, 1.0])
err('sample counts zero', r.sample, [1, 2], 1, counts=[0, 0])
err('getrandbits(-1)', r.getrandbits, -1)
err('getrandbits(1.0)', r.getrandbits, 1.0)
err('getrandbits(2**31)', r.getrandbits, 2 ** 31)
err('randbytes(-1)', r.randbytes, -1)
err('seed([1])', r.seed, [1])
err('seed(object)', r.seed, object())
err('setstate version', r.setstate, (9, (), None))
err('setstate short', r.setstate, (3, (1, 2), None))
err('setstate list', r.setstate, (3, [0] * 625, None))
err('setstate index 625', r.setstate, (3, (0,) * 624 + (625,), None))
err('setstate index -1', r.setstate, (3, (0,) * 624 + (-1,), None))
err('setstate negative word', r.setstate, (3, (-1,) + (0,) * 623 + (624,), None))
err('setstate huge word', r.setstate, (3, (2 ** 64,) + (0,) * 623 + (624,), None))
err('setstate str word', r.setstate, (3, ('a',) + (0,) * 623 + (624,), None))
err('gammavariate(-1,1)', r.gammavariate, -1, 1)
err('gammavariate(1,0)', r.gammavariate, 1, 0)
err('expovariate(0)', r.expovariate, 0)
err('shuffle(tuple)', r.shuffle, (1, 2, 3))
err('triangular(1,1)', r.triangular, 1, 1)
err("uniform(1,'a')", r.uniform, 1, 'a')
err('Random(1,2)', random.Random, 1, 2)
show('error cases done, next', r.random())
