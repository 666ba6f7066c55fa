# Builtin functions.

print(len("abc"), len([1, 2]), len({}), len(range(10)), len(b"xy"), len((1,)), len({1, 2, 2}))
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 70))

# min / max with key and default
print(min(3, 1, 2), max([3, 1, 2]), min("hello"), max("abc", "abd", key=lambda s: s[-1]))
print(min([], default="empty"), max([], default=None), min([5], default=0), max((1, 5, 5, 2)))
print(max(["aa", "b", "cc"], key=len), min(["aa", "b", "cc"], key=len), max([(1, "b"), (1, "a")]))  # first maximal wins
print(max([-3, 2, -5], key=abs), min({"x": 3, "y": 1}, key={"x": 3, "y": 1}.get))
for bad in (lambda: min([]), lambda: max(1), lambda: max()):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# sum
print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101)), sum([True, False, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)

# sorted / reversed
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}), sorted([-2, 1, -3], key=abs))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)

# enumerate / zip / map / filter
print(list(enumerate("ab")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(len, ["a", "bb"])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x > 1, [1, 2, 3])))

# iter / next
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))   # iter(callable, sentinel)
print(type(iter([])).__name__, type(iter(range(3))).__name__, type(iter((1,))).__name__)

# any / all
print(any([]), all([]), any([0, "", 1]), all([1, "x", [0]]), all([1, 0]), any(x > 2 for x in range(4)))

# round / divmod / pow
print(round(2.5), round(3.5), round(-2.5), round(7), round(7.456, 1), round(1234, -2), round(0.0), type(round(7.5)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2, 10, 1000), pow(7, -1, 40), pow(2.0, 3), pow(4, 0.5), pow(-8, 1, 5), pow(3, 200, 1000000007))

# hash of numbers is defined by value (for ints and floats equal values hash equally)
print(hash(0), hash(1), hash(-1), hash(10 ** 6), hash(1.0) == hash(1), hash(True) == hash(1), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2))
print(hash(0.5), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None), hash(1.5) == hash(1.5))

# repr / str / ascii / chr / ord / bin / oct / hex
print(repr("a'b"), repr(1.0), repr([1, "a", None]), str(b"bytes"), ascii("ñ"), repr(None), repr(True))
print(chr(65), chr(0x263A), repr(chr(0)), repr(chr(10)), ord("A"), ord("€"), ord("\n"), [ord(c) for c in "hi"])
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)

# callable / getattr / setattr / hasattr / delattr
class Obj:
    cls_attr = "c"
    def method(self):
        return "m"
o = Obj()
setattr(o, "dyn", 5)
print(callable(print), callable(o.method), callable(o), callable(Obj), getattr(o, "dyn"), getattr(o, "nope", "dflt"), hasattr(o, "cls_attr"))
delattr(o, "dyn")
print(hasattr(o, "dyn"), getattr(o, "method")())
try:
    getattr(o, "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print("AttributeError", e)

# type() with one and three arguments
print(type(1), type("s"), type([]), type(None), type(type), type(print).__name__, type(len).__name__)
Dyn = type("Dyn", (Obj,), {"x": 10, "double": lambda self: self.x * 2})
d = Dyn()
print(Dyn.__name__, Dyn.__bases__, d.x, d.double(), d.method(), isinstance(d, Obj), [c.__name__ for c in Dyn.__mro__])

# vars / globals / locals
class V:
    def __init__(self):
        self.a = 1
        self.b = 2
print(vars(V()), "V" in globals(), globals()["__name__"], type(globals()).__name__)
def loc(x, y=2):
    z = x + y
    return locals()
print(loc(1))
print(sorted(k for k in vars(Obj) if not k.startswith("__")))

# isinstance / issubclass with tuples; id and is
print(isinstance(1, (str, int)), isinstance("s", (list, tuple)), issubclass(int, (str, object)))
lst = [1]
print(id(lst) == id(lst), lst is lst, type(id(lst)).__name__)

# int/float/str/bool/list/tuple/dict/set constructors
print(int("12"), float("1.5"), str(12), bool(""), list("ab"), tuple([1]), dict(a=1), set("aa"), frozenset("b"))

# bytes / bytearray basics
bs = bytes([104, 105])
ba = bytearray(b"ab")
ba.append(99)
ba[0] = 65
print(bs, bs[0], bs[-1:], list(bs), bytes(3), ba, bytes(ba), b"abc".upper(), b"a,b".split(b","), b"x" * 3, b"hi".hex(), bytes.fromhex("6869"))

# print options
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(*[1, 2, 3], sep=", ")
print("x", 1, None, sep="")
print(end="")
print("to stdout explicitly", file=None)

# input is not tested (stdin is /dev/null); eval/exec basics
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}))
ns = {}
exec("y = 5\ndef f():\n    return y + 1", ns)
print(ns["y"], ns["f"]())

# object(), slice(), range(), memory-free identities
print(type(object()).__name__, slice(1, 5, 2), slice(3), range(3), repr(range(1, 5, 2)))
print(isinstance(NotImplemented, object), repr(Ellipsis), repr(...), ... is Ellipsis, repr(NotImplemented))
