# Integer arithmetic: small and big ints, signs of // and %, **, bases.

print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 8 / 2)
print(type(7 / 2).__name__, type(8 // 2).__name__)

# Floor division and modulo follow the sign of the divisor.
for a in (7, -7):
    for b in (2, -2, 3, -3):
        print(a, b, a // b, a % b, divmod(a, b))
print(0 // 5, 0 % 5, -0, 0 * -1)

# Powers
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2, 2 ** -1, 10 ** -2)
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7))

# Big integers
big = 2 ** 100
print(big)
print(big + 1, big - 1, -big)
print(big * big)
print(big // 3, big % 3, divmod(big, 7))
print(-big // 3, -big % 3)
print(3 ** 80)
print(12345678901234567890 * 98765432109876543210)
print(10 ** 30 // 10 ** 15, 10 ** 30 % (10 ** 15 + 7))
print(big == 2 ** 100, big > 2 ** 99, big < -big)
print(2 ** 63, 2 ** 63 - 1, -(2 ** 63), 2 ** 64)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4611686018427387904 * 2, 3037000500 * 3037000500)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20])

# Bitwise operations, including negatives and big ints
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~5, ~-1, ~0)
print(-12 & 7, -12 | 7, -12 ^ 7)
print(1 << 70, (1 << 70) >> 68, -1 >> 5, -256 >> 4, 5 >> 10)
print((2 ** 100 - 1) & 0xFFFF, big | 1, big ^ big)

# Unary, abs, comparisons with bools
print(+5, -(-5), abs(-7), abs(big * -1) == big)
print(True + True, True * 10, False - 1, int(True))

# int() from strings and other types
print(int("42"), int("  -17  "), int("+5"), int("1_000_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8))
print(int("0o777", 0), int("0b101", 0), int("101", 2), int("z", 36), int("-zz", 36))
print(int(3.99), int(-3.99), int(1e20), int(True), int())
print(int("123456789012345678901234567890"))

# hex, oct, bin, and back
for n in (0, 1, 255, -255, 2 ** 64):
    print(n, hex(n), oct(n), bin(n))
print(int(hex(2 ** 70), 16) == 2 ** 70)

# int methods
print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (2 ** 100).bit_length())
print((10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print((7).conjugate(), (7).real, (7).imag, (6).numerator, (6).denominator)

# Mixed int/float arithmetic
print(1 + 2.0, 3 * 0.5, 7 // 2.0, 7 % 2.5, -7 // 2.0)
print(10 ** 20 + 0.0, 2 ** 53 + 1.0)

# Errors
cases = [
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1 / 0", lambda: 1 / 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("2 ** 10000 * 1.0", lambda: 2 ** 10000 * 1.0),
    ("pow(2, -1, 4)", lambda: pow(2, -1, 4)),
]
for label, fn in cases:
    try:
        print(fn())
    except Exception as e:
        print(label, "->", type(e).__name__, e)
for s in ("", "abc", "1.5", "12a", "0x10"):
    try:
        int(s)
    except ValueError as e:
        print("ValueError", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError", e)
