"""getattr with a default, hasattr, and the lookups behind them: numbers, classes, modules,
__getattr__ on a class and on a metaclass, a property raising AttributeError or another error."""
import math
class M(type):
    def __getattr__(cls, n):
        if n == 'magic': return 42
        raise AttributeError(n)
class K(metaclass=M): pass
class G:
    def __getattr__(self, n):
        if n.startswith('x'): return n * 2
        raise AttributeError(n)
class P:
    @property
    def boom(self): raise AttributeError('inner')
    @property
    def bad(self): raise ValueError('v')
for o, n in [(1, 'real'), (1, 'nope'), (1.5, 'imag'), (int, 'nope'), (int, '__name__'), (math, 'nope'), (math, 'pi'),
             (K, 'magic'), (K, 'other'), (G(), 'xy'), (G(), 'y'), (P(), 'boom'), ([], 'append'), ('s', '__class__'),
             (G(), '__dict__'), (len, '__name__'), (len, 'nope'), (P, 'boom'), (None, '__class__')]:
    v = getattr(o, n, 'DEFAULT')
    print(type(v).__name__ if isinstance(v, property) else repr(v)[:40], hasattr(o, n))
    try:
        getattr(o, n)
    except AttributeError as e:
        print('  AE', e)
try:
    getattr(P(), 'bad', 1)
except ValueError as e:
    print('VE', e)

# A property raising AttributeError falls back to __getattr__; a class-level descriptor's AttributeError is a miss.
class P:
    @property
    def boom(self): raise AttributeError("inner")
    def __getattr__(self, n): return "fallback " + n
class Q:
    @property
    def boom(self): raise AttributeError("inner")
print(getattr(P(), "boom", "D"), hasattr(P(), "boom"), getattr(Q(), "boom", "D"), hasattr(Q(), "zz"), getattr(P(), "zz", 1))
class D:
    def __get__(self, o, t): raise AttributeError("d")
class C:
    x = D()
print(getattr(C, "x", "cls-default"), hasattr(C, "x"), getattr(int, "nope", 2))
