"""fractions, decimal (contexts included), statistics, numbers and pprint: CPython's pure-Python
modules shipped with pystm, on top of complex, contextvars, locale and sys.hash_info."""
from fractions import Fraction
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP
import statistics, numbers, pprint, math
f = Fraction(3, 4) + Fraction(1, 6)
print(f, repr(f), float(f), Fraction("0.125"), Fraction(1.5), f.limit_denominator(10), f ** 2, hash(Fraction(1, 2)) == hash(0.5), Fraction(7, 3) // 1, round(Fraction(7, 3), 2))
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("3.14159").quantize(Decimal("0.01")), Decimal(2).sqrt(), Decimal("1e10") * 3)
getcontext().prec = 10
print(Decimal(1) / Decimal(3))
with localcontext() as ctx:
    ctx.prec = 5
    ctx.rounding = ROUND_HALF_UP
    print(Decimal(2) / Decimal(3), Decimal("2.675").quantize(Decimal("0.01")))
print(Decimal(1) / Decimal(3))
data = [2.5, 3.25, 5.5, 11.25, 11.75]
print(statistics.mean(data), statistics.median(data), statistics.stdev(data), statistics.pvariance(data), statistics.mode([1, 2, 2, 3]),
      statistics.median_low([1, 3, 5, 7]), statistics.fmean(data), statistics.harmonic_mean([40, 60]), statistics.quantiles(range(1, 11), n=4),
      statistics.mean([Fraction(1, 3), Fraction(2, 3)]), statistics.geometric_mean([54, 24, 36]))
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex), isinstance(f, numbers.Rational), isinstance(Decimal(1), numbers.Number))
pprint.pprint({"b": list(range(30)), "a": {"nested": [1, 2, {"x": "y" * 30}]}, "c": (1, 2)})
print(pprint.pformat([{"k%d" % i: i} for i in range(8)], width=40))
nd = statistics.NormalDist(100, 15)
print(round(nd.cdf(120), 6), nd.inv_cdf(0.5), statistics.correlation([1, 2, 3, 4], [2, 4, 5, 9]))
