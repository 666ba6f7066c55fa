# Review follow-ups: %-formatting of subclass instances, reflected operators only where CPython tries them first, mangled annotations, dict-subclass __dict__, dir() with odd keys, throw(StopIteration), bound built-in method equality.
class Color(int):
    def __str__(self): return 'red'
print("%s" % Color(1))
class Money(float):
    def __str__(self): return '$%.2f' % float(self)
print("total: %s" % Money(3.5))
class X:
    def __rmod__(self, o): return 'rmod'
    def __str__(self): return 'X'
print("%s" % X())
class Q:
    def __radd__(s, o): return ("radd", o)
print([0] + Q(), "s" + Q())
from dataclasses import dataclass
@dataclass
class P:
    __x: int = 0
    y: int = 1
    def get(self): return self.__x
print(P(), P(5, 6).get(), P.__annotations__)
class AttrDict(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.__dict__ = self
a = AttrDict(x=1)
print(a.x, a['x'])
a.y = 2
print(a['y'])
class A: pass
o = A(); o.__dict__[1] = 2
try: dir(o)
except TypeError as e: print("TypeError", e)
def h(): yield 1
try: h().throw(StopIteration)
except RuntimeError as e: print("RuntimeError", e)
l = []
print(l.append == l.append, l.append == [].append, hash(l.append) == hash(l.append))
class I(int): pass
print("%d %s %r %5.1f" % (I(3), I(4), I(5), 2.25), "%s" % [1], "%(a)s" % {"a": I(1)}, "x%sy" % "z")
from collections import namedtuple
P = namedtuple("P", "a b")
print("<%d,%d>" % P(1, 2), "%(k)s" % type("D", (dict,), {})(k=3))
