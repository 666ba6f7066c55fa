# Tests for struct; output must match CPython 3.11.
import struct
import math


def t(name, f):
    try:
        r = f()
        print(name, '->', repr(r))
    except Exception as e:
        print(name, '!!', type(e).__name__, e)


_state = [987654321]


def rnd(bits):
    # deterministic LCG-based generator (independent of the random module)
    r = 0
    got = 0
    while got < bits:
        _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) \
            % (1 << 64)
        r = (r << 32) | (_state[0] >> 32)
        got += 32
    return r >> (got - bits)


print('== error class')
print(issubclass(struct.error, Exception), struct.error.__name__,
      struct.error.__module__)

print('== calcsize')
for f in ('', 'x', 'c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q',
          'Q', 'n', 'N', 'e', 'f', 'd', 's', 'p', 'P', '10s', '10p', '0s',
          '3x', 'bi', 'bq', 'bd', 'be', 'bh', 'b0i', 'ib', 'bP', 'b?',
          'b3s', 'bn', 'hf', 'ch', 'qb0q', 'b0l', 'c0d', 'i0s', 'b0e',
          '4h', ' i  h ', 'iii', '2i3h', 'llh0l', 'x0q', '?q', '5?i'):
    row = []
    for pre in ('', '@', '=', '<', '>', '!'):
        try:
            row.append(struct.calcsize(pre + f))
        except struct.error as e:
            row.append(str(e))
    print(repr(f), row)
for f in ('z', '3', '3 i', 'i3', '<<i', 'i<', '99999999999999999999h',
          '9223372036854775807h', '9223372036854775807x', '1000000000s',
          '\x00', 'i\x00', ' ', '\t<i', '%', '4'):
    t('calcsize %r' % f, lambda: struct.calcsize(f))
t('calcsize int', lambda: struct.calcsize(1))
t('calcsize bytes', lambda: struct.calcsize(b'<iq'))
t('calcsize None', lambda: struct.calcsize(None))

print('== integer packing: all codes, prefixes, edge values')
vals = (-2 ** 64, -2 ** 63 - 1, -2 ** 63, -2 ** 31 - 1, -2 ** 31,
        -32769, -32768, -129, -128, -1, 0, 1, 127, 128, 255, 256, 32767,
        32768, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32,
        2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64, True, False)
for code in 'bBhHiIlLqQnNP':
    for pre in '@=<>!':
        if pre != '@' and code in 'nNP':
            continue
        fmt = pre + code
        row = []
        for v in vals:
            try:
                packed = struct.pack(fmt, v)
                back = struct.unpack(fmt, packed)[0]
                row.append(packed.hex() + ('' if back == v else '~%d' % back))
            except struct.error as e:
                row.append('E:' + str(e))
        print(fmt, row)
print('== non-integer arguments')
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class Flt:
    def __float__(self): return 2.5
for code in 'bBhHiIlLqQnNP?':
    for pre in '@<>':
        if pre != '@' and code in 'nNP':
            continue
        row = []
        for v in (1.0, 1.5, '1', None, b'1', [], Idx(7), Idx(-1), Idx(2 ** 70), Flt()):
            try:
                row.append(struct.pack(pre + code, v).hex())
            except Exception as e:
                row.append('%s:%s' % (type(e).__name__, e))
        print(pre + code, row)

print('== bool')
t('? pack', lambda: struct.pack('????', 0, 1, [], 'x'))
t('? unpack', lambda: struct.unpack('???', b'\x00\x01\x05'))
t('<? unpack', lambda: struct.unpack('<??', b'\x00\xff'))
t('>? pack', lambda: struct.pack('>?', 2))

print('== char / string / pascal')
t('c', lambda: struct.pack('c', b'a'))
t('3c', lambda: struct.pack('3c', b'a', b'b', b'c'))
t('c 2 bytes', lambda: struct.pack('c', b'ab'))
t('c empty', lambda: struct.pack('c', b''))
t('c str', lambda: struct.pack('c', 'a'))
t('c int', lambda: struct.pack('c', 97))
t('c unpack', lambda: struct.unpack('3c', b'abc'))
for n in (0, 1, 2, 5, 6, 7, 10):
    t('%ds pack' % n, lambda: struct.pack('%ds' % n, b'hello'))
    t('%dp pack' % n, lambda: struct.pack('%dp' % n, b'hello'))
t('s str', lambda: struct.pack('s', 'a'))
t('p int', lambda: struct.pack('p', 1))
t('s unpack', lambda: struct.unpack('0s3s2s', b'abcde'))
t('p unpack', lambda: struct.unpack('5p', b'\x09abcd'))
t('p unpack2', lambda: struct.unpack('5p', b'\x02abcd'))
t('p unpack0', lambda: struct.unpack('1p', b'\x02'))
t('p 300', lambda: struct.unpack('300p', struct.pack('300p', b'x' * 400))[0][:5])
t('p 300 len byte', lambda: struct.pack('300p', b'x' * 400)[0])
t('s with nul', lambda: struct.unpack('5s', b'ab\x00\x00\x00'))
t('mixed', lambda: struct.pack('<2s i 3p ?', b'xyz', -2, b'q', True))
t('mixed back', lambda: struct.unpack('<2s i 3p ?', struct.pack('<2s i 3p ?', b'xyz', -2, b'q', True)))
t('pad', lambda: struct.pack('2xb3x', 1))
t('pad unpack', lambda: struct.unpack('2xb3x', b'\x00\x00\x05\x00\x00\x00'))

print('== native alignment')
for f in ('bi', 'bq', 'bd', 'be', 'bh', 'b0i', 'ib', 'bP', 'b?', 'cf', 'hq',
          'bhbibq', 'b0q', 'x0i'):
    args = []
    for c in f:
        if c in 'bhiq':
            args.append(-3)
        elif c in 'P':
            args.append(77)
        elif c in 'dfe':
            args.append(1.5)
        elif c == 'c':
            args.append(b'!')
        elif c == '?':
            args.append(True)
    args = args[:struct.Struct(f).size and len([c for c in f if c not in '0x'])]
    t('pack ' + f, lambda: struct.pack(f, *args).hex())
    t('unpack ' + f, lambda: struct.unpack(f, struct.pack(f, *args)))

print('== floats: special values')
specials = (0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 0.1, -0.1, 1 / 3, 2.0 ** -14,
            2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -26, 2.0 ** -126, 2.0 ** -149,
            2.0 ** -150, 3 * 2.0 ** -151, 2.0 ** -1022, 2.0 ** -1074,
            5e-324, 1e-310, 65504.0, 65519.0, 65520.0, 3.4028234663852886e38,
            3.4028235677973366e38, 3.402823567797337e38, 3.5e38, 1e300,
            1.7976931348623157e308, float('inf'), float('-inf'),
            float('nan'), -float('nan'), 123456.789, 1e-5, 16777217.0,
            16777219.0, 2049.0, 2051.0, 0.099975586, 1e10, -1e-10)
for x in specials:
    row = []
    for code in 'efd':
        for pre in '@<>':
            try:
                p = struct.pack(pre + code, x)
                back = struct.unpack(pre + code, p)[0]
                # (hex, not repr: see pystm float repr tie-rounding bug)
                row.append('%s=%s' % (p.hex(), back.hex()))
            except Exception as e:
                row.append('%s:%s' % (type(e).__name__, e))
    print(x.hex(), row)

print('== floats: non-float arguments')
for v in (1, True, 10 ** 400, '1.0', None, Flt(), Idx(3), b'x'):
    row = []
    for f in ('d', 'f', 'e', '<d', '>f', '<e'):
        try:
            row.append(struct.pack(f, v).hex())
        except Exception as e:
            row.append('%s:%s' % (type(e).__name__, e))
    print(type(v).__name__, row)

print('== floats: exhaustive half-precision round trip')
bad = 0
out = []
for bits in range(0, 65536, 1):
    b = bits.to_bytes(2, 'little')
    x = struct.unpack('<e', b)[0]
    if x != x:
        continue
    if struct.pack('<e', x) != b:
        bad += 1
    if bits % 4099 == 0:
        out.append(repr(x))
print('half bad', bad, out)

print('== floats: random doubles round trip and float32 rounding')
res = []
for i in range(3000):
    bits = rnd(64)
    b = bits.to_bytes(8, 'little')
    x = struct.unpack('<d', b)[0]
    if x != x:
        continue
    ok = struct.pack('<d', x) == b
    try:
        f = struct.pack('<f', x)
        fx = struct.unpack('<f', f)[0]
        fs = f.hex()
    except OverflowError as e:
        fs = 'OVF'
        fx = None
    nf = struct.pack('f', x).hex()
    try:
        h = struct.pack('>e', x).hex()
    except OverflowError:
        h = 'OVF'
    if i % 50 == 0 or not ok:
        res.append((repr(x), ok, fs, repr(fx), nf, h))
for r in res:
    print(r)
print('== floats: random float32-range values')
res = []
for i in range(3000):
    m = rnd(30)
    k = rnd(8) - 180
    x = m * 2.0 ** k
    if rnd(1):
        x = -x
    f = struct.pack('<f', x)
    fx = struct.unpack('<f', f)[0]
    h = struct.pack('<e', x) if abs(x) < 65000 else b''
    res.append(f.hex() + h.hex())
    if i % 100 == 0:
        print(repr(x), f.hex(), repr(fx), h.hex())
print(hash(tuple(res)) == hash(tuple(res)), len(res), res[:5], res[-5:])
print('== floats: ties and boundaries for float32 / half')
for x in (1 + 2.0 ** -24, 1 + 3 * 2.0 ** -24, 1 + 2.0 ** -24 + 2.0 ** -50,
          1 + 2.0 ** -11, 1 + 3 * 2.0 ** -11, 1 + 2.0 ** -11 + 2.0 ** -40,
          2.0 ** -126 * (1 - 2.0 ** -25), 2.0 ** -126 * (1 - 2.0 ** -24),
          2.0 ** -14 * (1 - 2.0 ** -12), 2.0 ** -14 * (1 - 2.0 ** -11),
          (2 - 2.0 ** -23) * 2.0 ** 127, (2 - 2.0 ** -24) * 2.0 ** 127,
          (2 - 2.0 ** -25) * 2.0 ** 127):
    row = []
    for f in ('<f', '<e', 'f'):
        try:
            row.append(struct.pack(f, x).hex())
        except OverflowError as e:
            row.append('OverflowError:%s' % e)
    print(repr(x), row)

print('== pack / unpack argument errors')
t('pack no args', lambda: struct.pack())
t('pack bad fmt type', lambda: struct.pack(1))
t('pack too few', lambda: struct.pack('ii', 1))
t('pack too many', lambda: struct.pack('i', 1, 2))
t('pack 0 items', lambda: struct.pack('x', 1))
t('pack s count', lambda: struct.pack('3s4s', b'a'))
t('pack bad char', lambda: struct.pack('z', 1))
t('pack <n', lambda: struct.pack('<n', 1))
t('pack >P', lambda: struct.pack('>P', 1))
t('unpack 1 arg', lambda: struct.unpack('i'))
t('unpack 3 args', lambda: struct.unpack('i', b'', b''))
t('unpack short', lambda: struct.unpack('q', b'abc'))
t('unpack long', lambda: struct.unpack('b', b'ab'))
t('unpack str', lambda: struct.unpack('b', 'a'))
t('unpack list', lambda: struct.unpack('b', [1]))
t('unpack empty', lambda: struct.unpack('', b''))
t('pack empty', lambda: struct.pack(''))
t('bytes fmt', lambda: struct.pack(b'>h', 1))
t('bytes fmt bad', lambda: struct.pack(b'\xff', 1))

print('== unpack_from')
buf = bytes(range(1, 11))
for off in (-11, -10, -9, -8, -3, -2, -1, 0, 1, 2, 5, 6, 7, 8, 10, 11, 100):
    t('unpack_from <i %d' % off, lambda: struct.unpack_from('<i', buf, off))
t('unpack_from 0s end', lambda: struct.unpack_from('0s', buf, 10))
t('unpack_from 0s past', lambda: struct.unpack_from('0s', buf, 11))
t('unpack_from kw', lambda: struct.unpack_from('>h', buffer=buf, offset=3))
t('unpack_from default', lambda: struct.unpack_from('>h', buf))
t('unpack_from float off', lambda: struct.unpack_from('b', buf, 1.0))
t('unpack_from Idx off', lambda: struct.unpack_from('b', buf, Idx(2)))
t('unpack_from str', lambda: struct.unpack_from('b', 'abc'))
t('unpack_from big off', lambda: struct.unpack_from('b', buf, 2 ** 70))

print('== iter_unpack')
t('iter_unpack', lambda: list(struct.iter_unpack('<hb', bytes(range(9)))))
t('iter_unpack empty', lambda: list(struct.iter_unpack('<i', b'')))
t('iter_unpack bad len', lambda: struct.iter_unpack('i', b'abcde'))
t('iter_unpack zero', lambda: struct.iter_unpack('0i', b'abcde'))
t('iter_unpack zero2', lambda: struct.iter_unpack('', b''))
t('iter_unpack str', lambda: struct.iter_unpack('i', 'abcd'))
it = struct.iter_unpack('>H', bytes(range(8)))
t('length_hint', lambda: it.__length_hint__())
t('next', lambda: next(it))
t('length_hint', lambda: it.__length_hint__())
t('rest', lambda: list(it))
t('length_hint end', lambda: it.__length_hint__())
t('next end', lambda: next(it))
big = bytes(range(256)) * 300
t('iter_unpack big', lambda: sum(x[0] for x in struct.iter_unpack('<I', big)))

print('== Struct objects')
s = struct.Struct('<hhi')
t('format', lambda: s.format)
t('size', lambda: s.size)
t('pack', lambda: s.pack(1, -2, 3))
t('unpack', lambda: s.unpack(s.pack(1, -2, 3)))
t('unpack_from', lambda: s.unpack_from(b'\x00' + s.pack(1, 2, 3), 1))
t('iter_unpack', lambda: list(s.iter_unpack(s.pack(1, 2, 3) * 2)))
t('pack wrong', lambda: s.pack(1))
t('bytes format', lambda: struct.Struct(b'=q').format)
t('bytes format size', lambda: struct.Struct(b'=q').size)
t('Struct int', lambda: struct.Struct(1))
t('Struct bad', lambda: struct.Struct('y'))
t('Struct kw', lambda: struct.Struct(format='i').size)
t('isinstance', lambda: isinstance(s, struct.Struct))
s2 = struct.Struct('@bxhxxxq5s')
t('native format', lambda: (s2.format, s2.size))
t('native pack', lambda: s2.pack(1, 2, 3, b'hi'))
t('native unpack', lambda: s2.unpack(s2.pack(-1, -2, -3, b'hello world')))

print('== pack_into')
try:
    from array import array
    have_array = True
except ImportError:
    have_array = False
t('pack_into bytes', lambda: struct.pack_into('i', b'\x00' * 8, 0, 1))
t('pack_into list', lambda: struct.pack_into('i', [0] * 8, 0, 1))
t('pack_into no args', lambda: struct.pack_into())
t('pack_into fmt only', lambda: struct.pack_into('i'))
t('pack_into no offset', lambda: struct.Struct('i').pack_into(b''))
t('pack_into no buffer', lambda: struct.Struct('i').pack_into())
t('pack_into items', lambda: struct.pack_into('ii', b'', 0, 1))
if have_array:
    a = array('B', bytes(10))
    t('pack_into array', lambda: struct.pack_into('<hi', a, 2, -2, 0x01020304))
    t('array after', lambda: list(a))
    t('pack_into neg', lambda: struct.pack_into('<h', a, -2, 0x7f7f))
    t('array after', lambda: list(a))
    t('pack_into too far', lambda: struct.pack_into('<i', a, 8, 1))
    t('pack_into neg too far', lambda: struct.pack_into('<i', a, -11, 1))
    t('pack_into neg no space', lambda: struct.pack_into('<i', a, -3, 1))
    t('pack_into bad offset', lambda: struct.pack_into('<i', a, 'x', 1))
    t('unpack_from array', lambda: struct.unpack_from('<hi', a, 2))
    t('unpack array', lambda: struct.unpack('<5H', a))
    ai = array('i', [0, 0, 0])
    t('pack_into int array', lambda: struct.pack_into('<i', ai, 4, -5))
    t('int array after', lambda: list(ai))

print('== round trips of many formats')
fmts = ['<bBhHiIlLqQ', '>bBhHiIlLqQ', '=bBhHiIlLqQ', '@bBhHiIlLqQnNP']
for f in fmts:
    st = struct.Struct(f)
    for k in range(20):
        vals = []
        for c in f[1:]:
            size = struct.calcsize('<' + c) if c not in 'nNP' else 8
            bits = size * 8
            r = rnd(bits)
            if c.islower():
                r -= 1 << (bits - 1)
            vals.append(r)
        p = st.pack(*vals)
        back = st.unpack(p)
        if list(back) != vals or k < 2:
            print(f, p.hex(), back == tuple(vals))
print('done')
