import functools
from functools import (cache, cached_property, cmp_to_key, lru_cache,
                       partial, partialmethod, reduce, singledispatch,
                       singledispatchmethod, total_ordering, update_wrapper,
                       wraps, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)


def t(name, fn):
    try:
        r = fn()
    except Exception as e:
        print(name, 'EXC', type(e).__name__, e)
    else:
        print(name, repr(r))


def add(a, b):
    return a + b


# ----------------------------------------------------------------- reduce
t('reduce', lambda: reduce(add, [1, 2, 3, 4, 5]))
t('reduce initial', lambda: reduce(add, [1, 2, 3], 10))
t('reduce str', lambda: reduce(add, 'abc'))
t('reduce one', lambda: reduce(add, [7]))
t('reduce empty initial', lambda: reduce(add, [], 'init'))
t('reduce None initial', lambda: reduce(add, [], None))
t('reduce empty', lambda: reduce(add, []))
t('reduce empty iter', lambda: reduce(add, iter([])))
t('reduce notiter', lambda: reduce(add, 5))
t('reduce 1 arg', lambda: reduce(add))
t('reduce 4 args', lambda: reduce(add, [], 1, 2))
t('reduce kw', lambda: reduce(add, [], initial=1))
t('reduce gen', lambda: reduce(lambda a, b: a * b, (x for x in range(1, 6))))
t('reduce order', lambda: reduce(lambda a, b: '(%s+%s)' % (a, b), 'wxyz'))
t('reduce error', lambda: reduce(add, [1, 'a']))
t('reduce max', lambda: reduce(max, [3, 9, 2], 0))

# ---------------------------------------------------------------- partial
p = partial(add, 1)
t('partial', lambda: (p(2), p.func is add, p.args, p.keywords))


def kwf(*args, **kw):
    return args, sorted(kw.items())


p2 = partial(kwf, 1, 2, x=1, y=2)
t('partial kw', lambda: p2(3, y=20, z=30))
t('partial kw attrs', lambda: (p2.args, p2.keywords))
t('partial call no new', lambda: p2())
t('partial keywords unchanged', lambda: (p2(y=0), p2.keywords))
p3 = partial(p2, 3, z=3)
t('partial flatten', lambda: (p3.func is kwf, p3.args, p3.keywords, p3(4)))
t('partial none', lambda: partial())
t('partial notcallable', lambda: partial(5))
t('partial kw func', lambda: partial(func=max))
t('partial setattr func', lambda: setattr(p, 'func', min))
t('partial setattr args', lambda: setattr(p, 'args', ()))
t('partial setattr keywords', lambda: setattr(p, 'keywords', {}))
t('partial eq', lambda: (partial(max, 1) == partial(max, 1), p == p))
t('partial hash', lambda: type(hash(partial(max))).__name__)
t('partial repr', lambda: repr(partial(max, 1, 'a', key=abs)))
t('partial repr noargs', lambda: repr(partial(len)))
px = partial(add, 1)
px.note = 'hi'
t('partial attrs', lambda: (px.note, partial(px, 2).func is px,
                            partial(px, 2).args, partial(px, 2)()))


class MyPartial(partial):
    pass


mp = MyPartial(partial(add, 1), 2)
t('partial subclass flatten', lambda: (mp.func is add, mp.args, mp(),
                                       type(mp).__name__))
t('partial of subclass', lambda: (partial(MyPartial(add, 1)).func is add,
                                  partial(MyPartial(add, 1)).args))
t('partial subclass repr', lambda: repr(MyPartial(max, 1)))
t('partial isinstance', lambda: isinstance(mp, partial))
t('partial callable', lambda: callable(p))
t('partial in map', lambda: list(map(partial(pow, 2), range(6))))
t('partial int base', lambda: partial(int, base=2)('1011'))
t('partial error', lambda: partial(add, 1)(2, 3))


class Holder:
    method = partial(kwf, 'bound?')


t('partial not bound', lambda: Holder().method(1))


# --------------------------------------------------------- partialmethod
class Cell:
    def __init__(self):
        self._alive = False

    def set_state(self, state, note='-'):
        self._alive = bool(state)
        return (self._alive, note)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note='dead')


c = Cell()
t('partialmethod', lambda: (c.set_alive(), c._alive, c.set_dead(),
                            c._alive, c.set_alive(note='x')))
t('partialmethod class access', lambda: Cell.set_alive(Cell()))
t('partialmethod bad', lambda: partialmethod(5))
t('partialmethod attrs', lambda: (Cell.__dict__['set_dead'].args,
                                  Cell.__dict__['set_dead'].keywords))


# -------------------------------------------------- update_wrapper / wraps
t('WRAPPER consts', lambda: (WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES))


def original(a: int, b: str = 'x') -> str:
    "original doc"
    return b * a


original.custom = 'attr'


def wrapper_fn(*args, **kw):
    return original(*args, **kw)


res = update_wrapper(wrapper_fn, original)
t('update_wrapper', lambda: (res is wrapper_fn, wrapper_fn.__name__,
                             wrapper_fn.__doc__, wrapper_fn.__qualname__,
                             wrapper_fn.__module__,
                             wrapper_fn.__annotations__,
                             wrapper_fn.custom,
                             wrapper_fn.__wrapped__ is original,
                             wrapper_fn(2, 'ab')))


def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return ('wrapped', f(*a, **k))
    return inner


@deco
def hello(name):
    "Say hello"
    return 'hello ' + name


t('wraps', lambda: (hello.__name__, hello.__doc__, hello('bob'),
                    hello.__wrapped__('amy'), hello.__qualname__))
t('wraps type', lambda: type(wraps(original)).__name__)


@deco
@deco
def twice():
    return 1


t('wraps chain', lambda: (twice(), twice.__wrapped__.__name__,
                          twice.__wrapped__.__wrapped__ is not None,
                          twice.__wrapped__.__wrapped__()))


class NoName:
    def __call__(self):
        return 'nn'


def w2():
    return 0


t('update_wrapper missing attrs', lambda: update_wrapper(w2, NoName())
  .__name__)
t('update_wrapper custom assigned', lambda: update_wrapper(
    lambda: 0, original, assigned=('__doc__',), updated=()).__doc__)
t('update_wrapper no dict', lambda: update_wrapper(lambda: 0, original,
                                                   updated=('nope',)))

# --------------------------------------------------------------- lru_cache
calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


t('lru basic', lambda: [sq(1), sq(2), sq(1), sq(3), sq(2), sq(1)])
t('lru calls', lambda: calls)
t('lru info', lambda: sq.cache_info())
t('lru info repr', lambda: repr(sq.cache_info()))
ci = sq.cache_info()
t('cacheinfo fields', lambda: (ci.hits, ci.misses, ci.maxsize, ci.currsize,
                               ci._fields, type(ci).__name__,
                               ci == (ci.hits, ci.misses, 2, 2),
                               isinstance(ci, tuple), len(ci), ci[0],
                               ci._asdict()))
t('cacheinfo unpack', lambda: (lambda h, m, mx, cs: (h, m, mx, cs))(*ci))
sq.cache_clear()
t('lru clear', lambda: sq.cache_info())
t('lru params', lambda: sq.cache_parameters())
t('lru wrapped', lambda: (sq.__wrapped__(5), sq.__name__))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


t('fib', lambda: (fib(30), fib.cache_info()))
t('fib bare params', lambda: fib.cache_parameters())


@lru_cache(maxsize=None)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


t('unbounded', lambda: (fact(10), fact(12), fact.cache_info()))


@lru_cache(maxsize=0)
def nocache(x):
    return x


t('maxsize 0', lambda: (nocache(1), nocache(1), nocache.cache_info()))


@lru_cache(maxsize=-5)
def negcache(x):
    return x


t('maxsize neg', lambda: (negcache(1), negcache.cache_info(),
                          negcache.cache_parameters()))

tcalls = []


@lru_cache(typed=True)
def typed_f(x):
    tcalls.append(type(x).__name__)
    return x


t('typed', lambda: (typed_f(3), typed_f(3.0), typed_f(3), typed_f(True),
                    tcalls, typed_f.cache_info(),
                    typed_f.cache_parameters()))
ucalls = []


@lru_cache()
def untyped(x):
    ucalls.append(x)
    return x


t('untyped int/float', lambda: (untyped(3), untyped(3.0), untyped(3),
                                ucalls, untyped.cache_info()))
t('untyped tuple args', lambda: (untyped((1, 2)), untyped((1, 2)),
                                 untyped.cache_info()))
kcalls = []


@lru_cache(maxsize=10)
def kwfunc(a, b=0, c=0):
    kcalls.append((a, b, c))
    return a + b + c


t('lru kwargs', lambda: (kwfunc(1, b=2), kwfunc(1, b=2), kwfunc(a=1, b=2),
                         kwfunc(1, c=0, b=2), kwfunc(1, b=2, c=0),
                         kwfunc(1, b=2, c=0), kwfunc(1, 2),
                         kwfunc.cache_info()))
t('lru unhashable', lambda: kwfunc([1]))
t('lru info after error', lambda: kwfunc.cache_info())
t('lru bad maxsize', lambda: lru_cache('a'))
t('lru bad maxsize float', lambda: lru_cache(1.5))
t('lru typed str', lambda: lru_cache(max, 'x'))
t('lru notcallable', lambda: lru_cache()(5))
t('lru builtin', lambda: (lambda f: (f(3, 1), f(3, 1), f.cache_info()))(
    lru_cache(max)))

ecalls = []


@lru_cache(maxsize=3)
def evict(x):
    ecalls.append(x)
    return x


for v in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    evict(v)
t('lru eviction', lambda: (ecalls, evict.cache_info()))


@lru_cache(maxsize=4)
def raises(x):
    raise ValueError('bad %r' % x)


t('lru exception', lambda: raises(1))
t('lru exception info', lambda: raises.cache_info())


class Thing:
    def __init__(self, v):
        self.v = v

    @lru_cache(maxsize=None)
    def doubled(self, k):
        return self.v * 2 + k

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Thing) and self.v == other.v


t('lru method', lambda: (Thing(3).doubled(1), Thing(3).doubled(1),
                         Thing(4).doubled(1), Thing.doubled.cache_info()))


# ------------------------------------------------------------------- cache
@cache
def cfib(n):
    return n if n < 2 else cfib(n - 1) + cfib(n - 2)


t('cache', lambda: (cfib(50), cfib.cache_info(), cfib.cache_parameters(),
                    cfib.__name__))
cfib.cache_clear()
t('cache clear', lambda: cfib.cache_info())

# -------------------------------------------------------------- cmp_to_key


def numeric_cmp(a, b):
    return (a > b) - (a < b)


def reverse_len(a, b):
    return len(b) - len(a)


t('cmp_to_key sort', lambda: sorted([5, 2, 4, 1, 3], key=cmp_to_key(
    numeric_cmp)))
t('cmp_to_key len', lambda: sorted(['bb', 'a', 'dddd', 'ccc'],
                                   key=cmp_to_key(reverse_len)))
t('cmp_to_key max', lambda: max([3, 7, 2], key=cmp_to_key(numeric_cmp)))
K = cmp_to_key(numeric_cmp)
a, b = K(1), K(2)
t('cmp_to_key ops', lambda: (a < b, a <= b, a == b, a != b, a > b, a >= b,
                             K(2) == b))
t('cmp_to_key obj', lambda: (a.obj, K(obj=5).obj))
t('cmp_to_key other', lambda: a < 1)
t('cmp_to_key other eq', lambda: a == 1)
t('cmp_to_key hash', lambda: hash(a))
t('cmp_to_key call0', lambda: K())
t('cmp_to_key call2', lambda: K(1, 2))
t('cmp_to_key kw', lambda: cmp_to_key(mycmp=numeric_cmp)(3).obj)
t('cmp_to_key cmp error', lambda: sorted([1, 'a'], key=cmp_to_key(
    numeric_cmp)))


# --------------------------------------------------------- total_ordering
@total_ordering
class Version:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.v == other.v

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.v < other.v


v1, v2, v3 = Version(1), Version(2), Version(1)
t('total_ordering lt', lambda: (v1 < v2, v1 <= v2, v1 > v2, v1 >= v2,
                                v1 <= v3, v1 >= v3, v1 > v3, v2 > v1))
t('total_ordering sorted', lambda: [x.v for x in sorted(
    [Version(3), Version(1), Version(2)], reverse=True)])
t('total_ordering names', lambda: (Version.__gt__.__name__,
                                   Version.__le__.__name__,
                                   Version.__ge__.__name__))
t('total_ordering notimpl', lambda: v1 <= 5)
t('total_ordering notimpl2', lambda: v1 > 'a')


@total_ordering
class ByGt:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __eq__(self, other):
        return self.v == other.v


g1, g2 = ByGt(1), ByGt(2)
t('total_ordering gt', lambda: (g1 < g2, g1 <= g2, g1 >= g2, g1 > g2,
                                g1 <= ByGt(1), g1 >= ByGt(1)))


@total_ordering
class ByLe:
    def __init__(self, v):
        self.v = v

    def __le__(self, other):
        return self.v <= other.v

    def __eq__(self, other):
        return self.v == other.v


l1, l2 = ByLe(1), ByLe(2)
t('total_ordering le', lambda: (l1 < l2, l1 <= l2, l1 >= l2, l1 > l2,
                                l1 < ByLe(1), l1 >= ByLe(1)))


@total_ordering
class ByGe:
    def __init__(self, v):
        self.v = v

    def __ge__(self, other):
        return self.v >= other.v

    def __eq__(self, other):
        return self.v == other.v


e1, e2 = ByGe(1), ByGe(2)
t('total_ordering ge', lambda: (e1 < e2, e1 <= e2, e1 >= e2, e1 > e2,
                                e1 > ByGe(1), e1 <= ByGe(1)))


@total_ordering
class Both:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return 'own lt'

    def __gt__(self, other):
        return 'own gt'


t('total_ordering keeps defined', lambda: (Both(1) < Both(2),
                                           Both(1) > Both(2),
                                           Both(1) <= Both(1)))


class NoOrder:
    pass


t('total_ordering none', lambda: total_ordering(NoOrder))


class SubVersion(Version):
    pass


t('total_ordering inherited', lambda: total_ordering(SubVersion) is
  SubVersion)


@total_ordering
class IntLike(int):
    pass


t('total_ordering int subclass', lambda: (IntLike(1) < IntLike(2),
                                          IntLike(3) >= 2))


# ---------------------------------------------------------- singledispatch
@singledispatch
def describe(obj):
    return 'object %r' % (obj,)


@describe.register(int)
def _(obj):
    return 'int %d' % obj


@describe.register
def _(obj: list):
    return 'list of %d' % len(obj)


def describe_str(obj, extra=''):
    return 'str %s%s' % (obj, extra)


describe.register(str, describe_str)


class Base:
    pass


class Derived(Base):
    pass


@describe.register(Base)
def _(obj):
    return 'Base instance ' + type(obj).__name__


t('singledispatch', lambda: [describe(1), describe(True), describe('x'),
                             describe([1, 2]), describe(1.5),
                             describe(Derived()), describe(None)])
t('singledispatch kw', lambda: describe('s', extra='!'))
t('singledispatch dispatch', lambda: (describe.dispatch(str) is describe_str,
                                      describe.dispatch(float) is
                                      describe.__wrapped__))
t('singledispatch registry', lambda: sorted(k.__name__ for k in
                                            describe.registry))
t('singledispatch name', lambda: describe.__name__)
t('singledispatch noargs', lambda: describe())
t('singledispatch bad register', lambda: describe.register(5, len))


class Shape:
    @singledispatchmethod
    def area(self, arg):
        return 'generic %r' % (arg,)

    @area.register
    def _(self, arg: int):
        return 'int %d' % arg

    @area.register(str)
    def _(self, arg):
        return 'str ' + arg + ' on ' + type(self).__name__


t('singledispatchmethod', lambda: (Shape().area(2), Shape().area('q'),
                                   Shape().area(2.5)))


# --------------------------------------------------------- cached_property
class Data:
    count = 0

    def __init__(self, n):
        self.n = n

    @cached_property
    def total(self):
        "the total"
        Data.count += 1
        return sum(range(self.n))


d = Data(10)
t('cached_property', lambda: (d.total, d.total, Data.count, d.__dict__))
d.total = 99
t('cached_property set', lambda: (d.total, Data.count))
del d.total
t('cached_property del', lambda: (d.total, Data.count))
t('cached_property class access', lambda: (type(Data.total).__name__,
                                           Data.total.attrname,
                                           Data.total.__doc__))


class Slotted:
    __slots__ = ()

    @cached_property
    def x(self):
        return 5


t('cached_property slots', lambda: Slotted().x)
cp = cached_property(lambda self: 1)
t('cached_property no set_name', lambda: cp.__get__(Data(1), Data))
cp2 = cached_property(lambda self: 1)
cp2.__set_name__(Data, 'a')
t('cached_property same name', lambda: cp2.__set_name__(Data, 'a'))
t('cached_property two names', lambda: cp2.__set_name__(Data, 'b'))
t('__all__', lambda: sorted(functools.__all__))


class CallableWrapper:
    def __call__(self, *a):
        return self.__wrapped__(*a)


cw = update_wrapper(CallableWrapper(), original)
t('update_wrapper instance', lambda: (cw.__name__, cw.__doc__, cw.custom,
                                      cw(3, 'z'), cw.__wrapped__ is original,
                                      sorted(vars(cw))))
t('lru on partial', lambda: (lambda f: (f(2), f(2), f.cache_info()))(
    lru_cache(partial(add, 10))))


class Temp:
    def __init__(self):
        self.calls = 0

    @cached_property
    def value(self):
        self.calls += 1
        return self.calls * 100


tp = Temp()
t('cached_property counter', lambda: (tp.value, tp.value, tp.calls,
                                      'value' in vars(tp)))
print('print cacheinfo', fib.cache_info(), '%s' % (fib.cache_info(),))
print('str cacheinfo', str(fib.cache_info()), '{}'.format(fib.cache_info()))
print('fstring cacheinfo', f'{fib.cache_info()}')
t('format spec cacheinfo', lambda: format(fib.cache_info(), '>5'))
