# The math module.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.5) == 10 ** 20, math.floor(5), math.ceil(True))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.exp(0), math.exp(1), math.exp(-1), math.expm1(1e-10), math.log(math.e), math.log(8, 2), math.log(100, 10))
print(math.log10(1000), math.log2(1024), math.log2(3), math.log1p(1e-10), math.log(1))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(0, 0), 2 ** 0.5 == math.sqrt(2))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi), round(math.sin(math.pi), 10))
print(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0))
print(math.sinh(1), math.cosh(0), math.tanh(0.5), math.asinh(0), math.acosh(1), math.atanh(0))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.factorial(0), math.factorial(10), math.factorial(30))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.comb(5, 2), math.comb(50, 25), math.perm(5, 2), math.perm(5), math.comb(3, 5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(0.0), math.isinf(1e308 * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8), math.frexp(0.75), math.ldexp(0.5, 4), math.fmod(7, 3), math.fmod(-7, 3), -7 % 3)
print(math.remainder(7, 3), math.remainder(8, 3), math.nextafter(1.0, 2.0), math.ulp(1.0))
print(math.erf(0), math.erfc(0), math.gamma(5), math.lgamma(1), math.gamma(1))

# Domain errors
for label, fn in (("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-1)", lambda: math.log(-1)),
                  ("acos(2)", lambda: math.acos(2)), ("factorial(-1)", lambda: math.factorial(-1)),
                  ("factorial(2.5)", lambda: math.factorial(2.5)), ("exp(1000)", lambda: math.exp(1000)),
                  ("isqrt(-1)", lambda: math.isqrt(-1)), ("floor(inf)", lambda: math.floor(math.inf)),
                  ("floor(nan)", lambda: math.floor(math.nan)), ("sqrt('x')", lambda: math.sqrt("x"))):
    try:
        print(label, "=", fn())
    except (ValueError, OverflowError, TypeError) as e:
        print(label, "->", type(e).__name__, e)

# Functions on big ints and specials
print(math.sqrt(10 ** 100), math.log(10 ** 100), math.log10(10 ** 400), math.log2(2 ** 2000))
print(math.sqrt(math.inf), math.exp(-math.inf), math.atan(math.inf), math.copysign(1, math.nan) in (1.0, -1.0))

# Common usage: distance, rounding helpers
def round_half_up(x):
    return math.floor(x + 0.5)
print([round_half_up(v) for v in (0.5, 1.5, 2.5, -0.5)], [round(v) for v in (0.5, 1.5, 2.5, -0.5)])
print(all(hasattr(math, n) for n in ("sqrt", "floor", "gcd", "pi", "isclose")))
