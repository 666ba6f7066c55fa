# Bound-method equality and hashing, function.__get__, str.maketrans, and generator.throw details, as CPython 3.11.
class A:
    def m(self): return 1
a = A()
print(a.m == a.m, a.m != a.m, a.m == A().m, hash(a.m) == hash(a.m), {a.m: 1}[a.m], A.m == A.m)
def f(s, x=2): return (s, x)
g = f.__get__(5, int)
print(g(), f.__get__(None, int) is f, A.m.__get__(a)(), type(g).__name__)
try: f.__get__(None, None)
except TypeError as e: print(e)
print(str.maketrans('ab', 'xy'), 'abc'.translate(str.maketrans('ab', 'xy', 'c')), str.maketrans({'a': 'z'}))
def g():
    try:
        yield 1
    except ValueError:
        yield 2
it = g()
try:
    it.throw(ValueError)
except ValueError as e:
    print("raised", type(e).__name__, list(it))
it = g(); next(it)
print(it.throw(ValueError, ValueError("v"), None))
def h():
    try:
        yield 1
    except KeyError as e:
        yield e.args
it = h(); next(it)
print(it.throw(KeyError, KeyError('k'), None))
it = h(); next(it)
print(it.throw(KeyError, ('a', 'b')))
it = h(); next(it)
print(it.throw(KeyError, 'x'))
