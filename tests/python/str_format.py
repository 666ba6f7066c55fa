# String formatting: f-strings with format specs, %-formatting, str.format.

name = "Ada"
n = 1234567
x = 3.14159265
neg = -42
print(f"{name}|{name!r}|{name:>10}|{name:<10}|{name:^10}|{name:*^9}|")
print(f"{x:.3f}|{x:10.2f}|{x:<10.1f}|{x:08.2f}|{-x:08.2f}|{x:+.2f}|{x:e}|{x:.2e}|{x:g}|{x:%}|{0.25:.0%}|")
print(f"{n:,}|{n:_}|{n:>12,}|{-n:,}|{1234.5678:,.2f}|{n:012,}|")
print(f"{255:x}|{255:X}|{255:#x}|{255:o}|{255:#o}|{255:b}|{255:#b}|{255:08b}|{-255:x}|{255:#010x}|")
print(f"{neg:5d}|{neg:<5d}|{neg:05d}|{42:+d}|{42: d}|{42:=+6d}|{65:c}|{0x263A:c}|")
print(f"{3}|{3.0}|{1e16}|{0.1:.20f}|{2.5:.0f}|{3.5:.0f}|{1e-7:f}|{1234.5:g}|{1e20:g}|{0.0001:g}|")
print(f"{'abc':.2}|{'abc':5.1}|{None}|{None!r}|{[1, 'a']}|{(1,)!s}|{'é'!a}|")
width, prec = 10, 3
print(f"{x:{width}.{prec}f}|{name:>{width}}|{'nested'}|{1 + 2}|{n // 1000}|{[i * i for i in range(4)]}|")
print(f"{{literal braces}}|{x=}|{n = :,}|{name=!r}|")
d = {"k": "v"}
print(f"{d['k']}|{d!r}|{len(d)}|{'yes' if d else 'no'}|")
print(f"{True}|{True:d}|{False!r}|{True:>6}|")
print(f"{float('inf')}|{float('nan'):>5}|{-0.0}|{float('inf'):.2f}|")

# % formatting
print("%d %s %r %5.2f %-5s| %x %X %o %%" % (42, "str", "str", 3.14159, "ab", 255, 255, 8))
print("%5d|%-5d|%05d|%+d|% d|%.3d|%e|%.2e|%g|%c|%c" % (42, 42, 42, 42, 42, 42, 12345.678, 12345.678, 0.00001, 65, "z"))
print("%s" % "single", "%s" % (1,), "%s %s" % ("a", "b"), "%r" % [1, "x"], "%s" % None, "%i" % 3.9)
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30}, "%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 1.23456))
print("%s" % (1.0,), "%s" % 1e16, "%d" % True, "%x" % -255, "%#x %#o" % (255, 8), "%.2s" % "abcdef")
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % ("only one",)
except TypeError as e:
    print("TypeError", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError", e)

# str.format
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Cy", age=7), "{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{:>6}|{:<6}|{:^6}|{:.2f}|{:,}|{:x}|{!r}|{!s}".format("r", "l", "c", 2.0 / 3, 10 ** 6, 48879, "q", "q"))
print("{0:{1}}|{2:{3}.{4}f}".format("w", 5, 3.14159, 8, 2), "{{}} {}".format("esc"))
class P:
    def __init__(self):
        self.x = 5
        self.y = [7, 8]
print("{0.x} {0.y[1]}".format(P()), "{p.x}".format(p=P()))
print(format(3.14159, ".2f"), format(42, "08b"), format("s", "^5"), format(1234, ","), repr(format(5)), format(0.5))
for spec in ("{0} {}", "{:d}", "{2}"):
    try:
        print(spec.format("a", "b"))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

# __format__ on a custom class
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        s = "%d.%02d" % divmod(self.cents, 100)
        return "$" + (format(s, spec) if spec else s)
    def __str__(self):
        return "Money(%d)" % self.cents
m = Money(12345)
print(f"{m}|{m:>10}|{m!s}|" + "{}".format(m), "%s" % m)
