# Dunder methods: arithmetic and reflected operators, comparisons, hashing, iteration,
# containers, call, bool, attribute hooks.

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        print("  __radd__ called with", repr(other))
        return self + other
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)

v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v - w, v * 3, 3 * v, v / 2, w // 2, w % 3, v ** 2, -v, +v, abs(w), ~v, v @ w)
print(v + 1, 1 + v)
print(sum([v, w], Vec(0, 0)), sum([v, w]))   # sum starts at 0, so 0 + v uses __radd__
print(v == Vec(1, 2), v != Vec(1, 2), v == "x", bool(Vec(0, 0)), bool(v), not Vec(0, 0))
try:
    v + "s"
except TypeError as e:
    print("TypeError", e)
try:
    v < w
except TypeError as e:
    print("TypeError", e)

# __eq__ / __hash__ used by dict and set
table = {Vec(1, 2): "first"}
table[Vec(1, 2)] = "replaced"
print(table, Vec(1, 2) in table, len({Vec(0, 1), Vec(0, 1), Vec(1, 0)}))

# Defining __eq__ without __hash__ makes instances unhashable
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError", e)

# In-place operators: __iadd__ vs fallback to __add__
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
acc = Acc()
orig = acc
acc += 1
acc += 2
print(acc.items, acc is orig)
x = Vec(1, 1)
y = x
x += Vec(1, 1)   # no __iadd__: rebinding to a new object
print(x, y, x is y)

# Rich comparisons and reflection
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __lt__(self, other):
        # (no tracing here: the comparisons sort() makes depend on its algorithm)
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __gt__(self, other):
        print("  gt", self, other)
        return self.parts > other.parts
vs = [Version(1, 2), Version(1, 10), Version(1, 0, 5)]
print(sorted(vs))
print(Version(1) > Version(0, 9), Version(2) <= Version(2), Version(3) == Version(3))
# Reflection: a < b falls back to b > a when a.__lt__ is missing
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > (other.v if isinstance(other, OnlyGt) else other)
print(5 < OnlyGt(10), 15 < OnlyGt(10))

# Iteration protocol
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
cd = Countdown(3)
print(list(cd), list(cd), [x * 2 for x in cd], 2 in cd, sum(cd), max(cd), sorted(cd))
a, b, c = Countdown(3)
print(a, b, c)

# Sequence protocol via __getitem__ only (old-style iteration)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), 7 in Squares())

# Container protocol
class Bag:
    def __init__(self):
        self.data = {}
    def __len__(self):
        return len(self.data)
    def __getitem__(self, key):
        if isinstance(key, slice):
            return "slice(%r, %r, %r)" % (key.start, key.stop, key.step)
        return self.data[key]
    def __setitem__(self, key, value):
        print("  set", repr(key), repr(value))
        self.data[key] = value
    def __delitem__(self, key):
        print("  del", repr(key))
        del self.data[key]
    def __contains__(self, key):
        print("  contains", repr(key))
        return key in self.data
    def __iter__(self):
        return iter(sorted(self.data))
    def __reversed__(self):
        return iter(sorted(self.data, reverse=True))
bag = Bag()
bag["b"] = 2
bag["a"] = 1
bag[1, 2] = "tuple key"
print(len(bag), bag["a"], bag[1, 2], bag[1:5], bag[::2], "a" in bag, "z" not in bag)
del bag[1, 2]
print(list(bag), list(reversed(bag)), bool(bag), bool(Bag()))
try:
    bag["missing"]
except KeyError as e:
    print("KeyError", e)

# __call__
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest, **kw):
        return self.k * x, rest, kw
m = Multiplier(3)
print(m(5), m(1, 2, z=3), callable(m), callable(Multiplier), callable(5), list(map(Multiplier(2), [1, 2]))[0])

# __bool__ vs __len__ fallback
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 7
print(bool(Empty()), bool(Full()), "yes" if Full() else "no", len(Full()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)

# __getattr__ (only for missing attributes), __setattr__, __delattr__, __getattribute__
class Proxy:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.real = "real value"
    def __getattr__(self, name):
        self.log.append("getattr " + name)
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError("no attribute %r" % name)
    def __setattr__(self, name, value):
        self.log.append("setattr " + name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("delattr " + name)
        object.__delattr__(self, name)
px = Proxy()
print(px.real, px.dyn_hello, getattr(px, "other", "default"), hasattr(px, "dyn_x"), hasattr(px, "nope"))
px.new = 1
del px.new
print(px.log)
try:
    px.missing
except AttributeError as e:
    print("AttributeError", e)

class Loud:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
print(Loud().secret, Loud().x)

# __str__ vs __repr__, __format__ fallback, __index__, __int__, __float__
class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Num(%d)" % self.v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __float__(self):
        return self.v + 0.5
n = Num(3)
print(str(n), [n], "abcdef"[n], bin(n), hex(n), int(n), float(n), list(range(n)), [0, 1, 2, 3, 4][n:])

# __len__ must return an int >= 0
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print("ValueError", e)

# __class_getitem__ / __missing__ on dict subclass
class DefaultZero(dict):
    def __missing__(self, key):
        return 0
dz = DefaultZero(a=1)
print(dz["a"], dz["b"], dz, dz.get("b"))

# __contains__ falls back to __iter__
class OnlyIter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in OnlyIter(), 5 in OnlyIter())
