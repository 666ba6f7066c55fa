# Float arithmetic and repr (shortest round-tripping repr).

print(repr(0.1 + 0.2), 0.1 + 0.2 == 0.3, repr(0.1), repr(1 / 3), repr(2 / 3))
print(repr(1e16), repr(1e15), repr(123456789012345678.0), repr(1e22), repr(1e23))
print(repr(1e-5), repr(0.0001), repr(1.5e-7), repr(5e-324), repr(1.7976931348623157e308))
print(repr(1.0), repr(100.0), repr(-2.5), repr(3.14159), repr(2.0 ** 60), repr(0.5 ** 20))
print(str(1e16), str(1.0), str(-0.0), str(1e100))
inf = float("inf")
nan = float("nan")
print(repr(inf), repr(-inf), repr(nan), repr(-0.0), repr(0.0))
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf > 1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)
print(-0.0 == 0.0, repr(0.0 * -1), repr(-0.0 + 0.0), repr(abs(-0.0)))
print(float("1.5"), float("  -2.25 "), float("1e3"), float("-inf"), float("Infinity"), float("nan"))
print(float(7), float(2 ** 70), float(True), float())

# Arithmetic
print(7.0 / 2, 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 0.5, 2 ** 0.5, 4 ** 0.5, (-8.0) ** 2, 10.0 ** -3, 0.0 ** 0)
print(1.1 * 3, 0.1 * 3, 1.0 - 0.9, 100 * 1.1)
print(sum([0.1] * 10), 1e308 * 10, -1e308 * 10)
print(3.0 == 3, 3.5 > 3, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1)

# round(): banker's rounding for halves, ndigits
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(2.675, 2), round(3.14159, 3), round(1234.5678, -2), round(0.125, 2), round(1e300, 2))
print(round(15, -1), round(25, -1), round(-25, -1), round(123456, -3))

# float methods
print((2.5).is_integer(), (3.0).is_integer(), (0.75).as_integer_ratio(), (-0.5).as_integer_ratio())
print((1.0).hex(), (0.1).hex(), float.fromhex("0x1.8p1"), (3.7).real, (3.7).imag)
print(int(2.9), int(-2.9), int(1e18), float(10 ** 16) == 1e16)

# str(float) in containers uses repr
print([0.1, 1e16, -0.0, inf], (1.0,), {"x": 2.5})

# Errors
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError", e)
try:
    2.0 ** 10000
except OverflowError as e:
    # The message comes from the C library's errno text; print only the type.
    print("OverflowError raised")
