# Float conversions that must be exact: repr (shortest, nearest, ties to even), float.hex and
# float.fromhex, math.frexp and math.ldexp, including subnormals and the ends of the range.
import math
import random
import struct

random.seed(1234)


def from_bits(n):
    return struct.unpack('<d', n.to_bytes(8, 'little'))[0]


special = [2.0 ** -25, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
           0.1, 1 / 3, 2.0 ** 52 + 0.5, 9007199254740993.0, 1e22, 1e23, 123456.789e-300, 4.35, 0.3]
values = special + [from_bits(random.getrandbits(64)) for _ in range(300)]
values += [random.uniform(-10, 10) * 10.0 ** random.randint(-320, 300) for _ in range(300)]
values = [v for v in values if v == v and v not in (float('inf'), float('-inf'))]

bad = 0
for v in values:
    r = repr(v)
    if float(r) != v:
        print('repr does not round-trip:', r)
        bad += 1
    if float.fromhex(v.hex()) != v:
        print('fromhex(hex) differs:', v.hex())
        bad += 1
    m, e = math.frexp(v)
    if math.ldexp(m, e) != v or not (v == 0 or 0.5 <= abs(m) < 1):
        print('frexp/ldexp:', r, m, e)
        bad += 1
print('checked', len(values), 'bad', bad)
print([repr(v) for v in special])
print([v.hex() for v in special])
print([math.frexp(v) for v in special])
print(math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(3.0, -1075), math.ldexp(0.5, 1024), math.ldexp(-0.75, -1073))
print(math.ldexp(1.0, -1080), math.ldexp(0.0, 5000), math.ldexp(1.5, -1000000))
for s in ['0x1p-1074', '0x1p-1075', '0x3p-1076', '0x1.00000000000008p0',
          '0x1.00000000000008000001p0', '0x1.00000000000018p0', '-0x1.8p1', '0x.8p1', '0X10P-4',
          '0x0.0000000000000000000000001p100', 'inf', '-Infinity', '0x1.0000000000000000000000000001p-1074']:
    print(s, float.fromhex(s))
for s in ['0x1p1024', '0x1.fffffffffffffcp1023', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023']:
    try:
        print(float.fromhex(s))
    except OverflowError as e:
        print('OverflowError', e)
try:
    math.ldexp(1.0, 1025)
except OverflowError as e:
    print('OverflowError', e)
