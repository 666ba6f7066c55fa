"""bytearray: construction, items and slices, mutation, operators and comparisons with bytes,
the bytes methods (returning bytearrays where CPython does), interplay with native functions
that take bytes-like objects, and CPython's errors."""
import builtins

print(bytearray(), bytearray(3), bytearray(b"abc"), bytearray([65, 66]), bytearray("hé", "utf-8"),
      bytearray(range(3)), bytearray(bytearray(b"x")), bytearray(memoryview(b"m")) if hasattr(builtins, "memoryview") else bytearray(b"m"))
print(type(bytearray()).__name__, bytearray.__name__, bytearray.__module__, builtins.bytearray is bytearray,
      isinstance(bytearray(), bytearray), issubclass(bytearray, object))

ba = bytearray(b"hello world")
print(len(ba), ba[0], ba[-1], ba[1:4], ba[::2], ba[::-1], list(ba[:3]), 104 in ba, b"wor" in ba, bytearray(b"lo") in ba)
ba[0] = 72
ba[-1] = ord("D")
ba[1:5] = b"EY"
print(ba)
ba[0:0] = [1, 2]
del ba[0]
del ba[:1]
print(ba, len(ba))
ba[::2] = bytes(len(ba[::2]))
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([1, 2])
ba.extend(bytearray(b"!"))
ba.insert(0, 64)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(33)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, len(c))

x = bytearray(b"ab")
y = x
x += b"cd"
x *= 2
print(x, y is x, x + b"!", b"!" + x, type(b"!" + x).__name__, x * 2, 2 * x, bytearray(b"%d-%s") % (1, b"z"))
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b", b"b" > bytearray(b"a"),
      bytearray(b"abc") != bytearray(b"abd"), bytearray(b"x") == "x", sorted([bytearray(b"b"), bytearray(b"a")]))

s = bytearray(b"  Hello, World  ")
print(s.strip(), s.lower(), s.upper(), s.split(b","), s.split(), s.replace(b"l", b"L"), s.find(b"o"), s.rfind(b"o"),
      s.count(b"l"), s.startswith(b"  H"), s.endswith(bytearray(b"  ")), s.partition(b","), s.strip().title(),
      s.center(20, b"*"), s.isspace(), bytearray(b"12").isdigit(), s.hex(), s.hex(":", 4), s.decode(),
      bytearray(b"a\nb").splitlines(), bytearray(b"x").zfill(3), bytearray.fromhex("68 69"),
      bytearray(b"-").join([b"a", bytearray(b"b")]), s.index(b"W"), type(s.strip()).__name__)
print(bytearray(b"abc").translate(bytearray.maketrans(b"abc", b"xyz")), bytearray(b"prefix-x").removeprefix(b"prefix-"))

# Native functions that take bytes-like objects.
print(bytes(bytearray(b"to bytes")), b"".join([bytearray(b"a"), b"b"]), b"abc".startswith(bytearray(b"ab")),
      b"a-b".split(bytearray(b"-")), int.from_bytes(bytearray(b"\x01\x00"), "big"), str(bytearray(b"hi"), "ascii"),
      bytearray(b"hi").decode("ascii"), b"abc".find(bytearray(b"c")), bytearray(b"x") in [b"x"])

# A sieve, the common idiom.
n = 50
sieve = bytearray([1]) * n
sieve[0] = sieve[1] = 0
for i in range(2, int(n ** 0.5) + 1):
    if sieve[i]:
        sieve[i * i::i] = bytes(len(range(i * i, n, i)))
print([i for i, v in enumerate(sieve) if v])

for f in [lambda: bytearray(b"a").extend(5), lambda: bytearray(b"abc").__setitem__(slice(0, 1), "a"),
          lambda: bytearray(b"a") + "x", lambda: bytearray(b"a").append(256), lambda: bytearray(b"a").append("a"),
          lambda: bytearray("x"), lambda: bytearray(-1), lambda: bytearray(1.5), lambda: bytearray(b"a")[10],
          lambda: bytearray(b"abc").__setitem__(slice(0, 3, 2), b"xyz"), lambda: bytearray(b"a").remove(9),
          lambda: bytearray().pop(), lambda: bytearray(b"a")["a"], lambda: hash(bytearray()),
          lambda: "a" in bytearray(b"a"), lambda: bytearray(b"a") + 1, lambda: bytearray(b"a") < "x",
          lambda: b",".join(["a"]), lambda: bytearray(b"a").__setitem__(0, 300)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
