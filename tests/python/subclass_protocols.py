# Hash results, reflected operators with built-in left operands, and str()/format() of built-in subclasses, as CPython 3.11.
class T(tuple): pass
print(hash(T((1, 2))) == hash((1, 2)), {(1, 2): 'x'}.get(T((1, 2))))
class O:
    def __hash__(s): return 2**62
class M:
    def __hash__(s): return -1
class B:
    def __hash__(s): return 2**70
class S(str): pass
class I(int): pass
print(hash(O()), hash(M()), hash(B()), hash(S("ab")) == hash("ab"), hash(I(5)), hash(I(-1)))
from collections import namedtuple
P = namedtuple("P", "x y")
d = {P(1, 2): "p"}
print(d[(1, 2)], d.get(P(1, 2)), (1, 2) in {P(1, 2)})
class Q:
    def __radd__(s, o): return ("radd", o)
    def __rmul__(s, o): return ("rmul", o)
class N:
    def __radd__(s, o): return NotImplemented
print([0] + Q(), (1,) + Q(), "s" + Q(), [0] * Q(), 3 + Q(), 2.5 * Q())
for a in ([0], (1,), "s", 3):
    try: a + N()
    except TypeError as e: print(e)
class L(list):
    def __radd__(s, o): return "L.radd"
print([1] + L([2]), L([1]) + [2], 1 + 2, [1] + [2])
class I(int):
    def __radd__(s, o): return "I.radd"
print(1 + I(2), I(2) + 1)
class T(tuple):
    def __repr__(s): return 'T!'
class L(list):
    def __repr__(s): return 'L!'
class I(int):
    def __repr__(s): return 'I!'
class F(float): pass
class S(str):
    def __repr__(s): return 'S!'
class D(dict): pass
for v in (T(), L([1]), I(5), F(2.5), S("ab"), D(a=1)):
    print(str(v), repr(v), '%s' % (v,), format(v), f"{v}", f"{v!r}", [v], end=" | ")
    print()
print(format(I(5), "03d"), f"{F(2.5):.2f}", str(True), format(True), f"{S('x'):>3}")
class E(Exception):
    def __repr__(s): return 'E!'
print(str(E("m")), repr(E("m")), f"{E('m')}")
