# Tests for array; output must match CPython 3.11.
import array as A
from array import array
import copy


def t(name, f):
    try:
        r = f()
        print(name, '->', repr(r))
    except Exception as e:
        print(name, '!!', type(e).__name__, e)


print('== module')
print(A.typecodes, A.ArrayType is array, array.__name__, array.__module__)
print([array(c).itemsize for c in A.typecodes])
print([array(c).typecode for c in A.typecodes])

print('== constructor')
t('bad tc', lambda: array('z'))
t('bad tc with list', lambda: array('z', [1]))
t('bad tc with str', lambda: array('z', 'abc'))
t('bad tc with int', lambda: array('z', 5))
t('tc int', lambda: array(1))
t('tc long', lambda: array('ab'))
t('tc empty', lambda: array(''))
t('tc bytes', lambda: array(b'i'))
t('no args', lambda: array())
t('too many', lambda: array('B', [], 1))
t('kw', lambda: array('i', initializer=[1]))
t('str init', lambda: array('i', 'abc'))
t('u str init', lambda: array('u', 'abc'))
t('u list init', lambda: array('u', ['a', 'b']))
t('u bad list', lambda: array('u', ['ab']))
t('u int list', lambda: array('u', [1]))
t('bytes init', lambda: array('h', b'\x01\x00\x02\x00'))
t('bytes init odd', lambda: array('h', b'\x01\x00\x02'))
t('u bytes', lambda: array('u', b'a\x00\x00\x00b\x00\x00\x00'))
t('u bytes bad', lambda: array('u', b'\x00\x00\x11\x00'))
t('array init', lambda: array('i', array('h', [1, 2])))
t('array init same', lambda: array('h', array('h', [1, 2])))
t('array init u', lambda: array('i', array('u', 'ab')))
t('array init u2', lambda: array('u', array('i', [1])))
t('array init d->i', lambda: array('i', array('d', [1.5])))
t('array init i->d', lambda: array('d', array('i', [1, 2])))
t('iter init', lambda: array('i', iter([1, 2])))
t('range init', lambda: array('q', range(3)))
t('gen init', lambda: array('d', (x / 2 for x in range(3))))
t('tuple init', lambda: array('B', (1, 2)))
t('set init', lambda: array('B', {1}))
t('dict init', lambda: array('B', {1: 2}))
t('None init', lambda: array('B', None))
t('int init', lambda: array('i', 5))
t('bool init', lambda: array('b', [True, False]))


class Idx:
    def __init__(self, v=5):
        self.v = v

    def __index__(self):
        return self.v


class Flt:
    def __float__(self):
        return 2.5


t('idx init', lambda: array('b', [Idx()]))
t('flt init', lambda: array('d', [Flt()]))
t('flt init i', lambda: array('i', [Flt()]))
t('idx init d', lambda: array('d', [Idx()]))

print('== item conversion and range checks')
vals = (-2 ** 64, -2 ** 63 - 1, -2 ** 63, -2 ** 31 - 1, -2 ** 31, -32769,
        -32768, -129, -128, -1, 0, 127, 128, 255, 256, 32767, 32768, 65535,
        65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 63 - 1,
        2 ** 63, 2 ** 64 - 1, 2 ** 64, 1.5, '1', 'a', None, True, b'a',
        1e300, -1e300, Idx(3), Idx(-300))
for tc in A.typecodes:
    row = []
    for v in vals:
        try:
            a = array(tc, [v])
            row.append(repr(a[0]))
        except Exception as e:
            row.append('%s:%s' % (type(e).__name__, e))
    print(tc, row)
for tc in A.typecodes:
    a = array(tc, [0] if tc != 'u' else 'x')
    row = []
    for v in vals[:20]:
        try:
            a[0] = v
            row.append(repr(a[0]))
        except Exception as e:
            row.append('%s:%s' % (type(e).__name__, e))
    print('setitem', tc, row)

print('== floats')
t('f round', lambda: array('f', [0.1, 1e300, -1e300, 1e-50, 3.14159, 1 / 3, 16777217]))
t('f int', lambda: array('f', [1, 2 ** 70, 2 ** 128]))
t('f bigint', lambda: array('f', [10 ** 400]))
t('d bigint', lambda: array('d', [10 ** 400]))
t('d bigint2', lambda: array('d', [2 ** 1024 - 1]))
t('neg zero', lambda: (array('d', [-0.0]), array('f', [-0.0])))
t('inf nan', lambda: array('f', [float('inf'), float('nan'), float('-inf')]))
t('d values', lambda: array('d', [0.1, 1e-310, 5e-324, 1.7976931348623157e308]))
t('f tobytes', lambda: array('f', [1.0, -2.5, 0.1]).tobytes())
t('d tobytes', lambda: array('d', [1.0, -2.5, 0.1]).tobytes())
t('f frombytes', lambda: array('f', b'\x00\x00\x80?\xcd\xcc\xcc=\x00\x00\xc0\x7f'))
t('f str', lambda: array('f', ['1']))
t('d None', lambda: array('d', [None]))

print('== indexing and slicing')
a = array('i', range(10))
t('a[0]', lambda: a[0])
t('a[-1]', lambda: a[-1])
t('a[10]', lambda: a[10])
t('a[-11]', lambda: a[-11])
t('a[str]', lambda: a['x'])
t('a[float]', lambda: a[1.0])
t('a[Idx]', lambda: a[Idx()])
t('a[True]', lambda: a[True])
t('a[big]', lambda: a[10 ** 30])
t('a[2:5]', lambda: a[2:5])
t('a[::3]', lambda: a[::3])
t('a[::-1]', lambda: a[::-1])
t('a[8:2:-2]', lambda: a[8:2:-2])
t('a[5:1]', lambda: a[5:1])
t('a[-3:]', lambda: a[-3:])
t('a[:100]', lambda: a[:100])
t('slice type', lambda: type(a[1:2]).__name__)


def setit(arr, i, v):
    arr[i] = v
    return arr


def delit(arr, i):
    del arr[i]
    return arr


t('set 0', lambda: setit(array('i', [1, 2, 3]), 0, 9))
t('set -1', lambda: setit(array('i', [1, 2, 3]), -1, 9))
t('set 3', lambda: setit(array('i', [1, 2, 3]), 3, 9))
t('set -4', lambda: setit(array('i', [1, 2, 3]), -4, 9))
t('set str idx', lambda: setit(array('i', [1, 2, 3]), 'a', 9))
t('set Idx', lambda: setit(array('i', range(7)), Idx(), 9))
t('set bad value', lambda: setit(array('i', [1, 2, 3]), 0, 'x'))
t('set slice', lambda: setit(array('i', [1, 2, 3]), slice(0, 2), array('i', [7, 8, 9])))
t('set slice empty', lambda: setit(array('i', [1, 2, 3]), slice(0, 2), array('i')))
t('set slice insert', lambda: setit(array('i', [1, 2, 3]), slice(1, 1), array('i', [5, 6])))
t('set slice list', lambda: setit(array('i', [1, 2, 3]), slice(0, 1), [1]))
t('set slice tuple', lambda: setit(array('i', [1, 2, 3]), slice(0, 1), (1,)))
t('set slice other tc', lambda: setit(array('i', [1, 2, 3]), slice(0, 1), array('h', [1])))
t('set ext slice', lambda: setit(array('i', [1, 2, 3, 4, 5]), slice(None, None, 2), array('i', [7, 8, 9])))
t('set ext slice bad', lambda: setit(array('i', [1, 2, 3, 4, 5]), slice(None, None, 2), array('i', [1])))
t('set ext slice empty', lambda: setit(array('i', [1, 2, 3, 4, 5]), slice(None, None, 2), array('i')))
t('set ext slice neg', lambda: setit(array('i', [1, 2, 3, 4, 5]), slice(None, None, -2), array('i', [7, 8, 9])))
t('set ext slice empty range', lambda: setit(array('i', [1, 2, 3, 4, 5]), slice(5, 0, 2), array('i')))
b = array('i', [1, 2, 3, 4, 5])
t('self assign', lambda: setit(b, slice(None), b))
b = array('i', [1, 2, 3, 4, 5])
t('self assign2', lambda: setit(b, slice(1, 3), b))
t('del 0', lambda: delit(array('i', [1, 2, 3]), 0))
t('del -1', lambda: delit(array('i', [1, 2, 3]), -1))
t('del 3', lambda: delit(array('i', [1, 2, 3]), 3))
t('del str', lambda: delit(array('i', [1, 2, 3]), 'a'))
t('del slice', lambda: delit(array('i', [1, 2, 3, 4]), slice(1, 3)))
t('del ext', lambda: delit(array('i', [1, 2, 3, 4, 5]), slice(None, None, 2)))
t('del all', lambda: delit(array('i', [1, 2, 3, 4, 5]), slice(None)))

print('== methods')
a = array('h', [3, 1, 4, 1, 5])
t('append', lambda: (a.append(9), a))
t('append bad', lambda: a.append(1 << 20))
t('append str', lambda: a.append('1'))
t('extend list', lambda: (a.extend([2, 6]), a))
t('extend gen', lambda: (a.extend(x for x in (5, 3)), a))
t('extend array', lambda: (a.extend(array('h', [5])), a))
t('extend self', lambda: (a.extend(a), len(a)))
t('extend other tc', lambda: a.extend(array('i', [1])))
t('extend int', lambda: a.extend(5))
c = array('i', [1, 2, 3])
t('extend partial', lambda: c.extend([4, 'x']))
t('after partial extend', lambda: c)
c = array('i', [1, 2, 3])
t('fromlist partial', lambda: c.fromlist([4, 'x']))
t('after fromlist', lambda: c)
t('fromlist tuple', lambda: c.fromlist((1,)))
t('fromlist ok', lambda: (c.fromlist([7, 8]), c))
a = array('h', [3, 1, 4, 1, 5])
t('insert', lambda: (a.insert(1, 7), a))
t('insert neg', lambda: (a.insert(-1, 8), a))
t('insert big', lambda: (a.insert(100, 9), a.insert(-100, 0), a))
t('insert huge', lambda: a.insert(10 ** 30, 1))
t('insert bad idx', lambda: a.insert('x', 1))
t('insert bad val', lambda: a.insert(0, 'x'))
t('pop', lambda: (a.pop(), a))
t('pop 0', lambda: (a.pop(0), a))
t('pop -2', lambda: (a.pop(-2), a))
t('pop oor', lambda: a.pop(100))
t('pop str', lambda: a.pop('x'))
t('pop empty', lambda: array('i').pop())
t('remove', lambda: (a.remove(1), a))
t('remove float', lambda: (a.remove(4.0), a))
t('remove missing', lambda: a.remove(100))
t('index', lambda: a.index(5))
t('index missing', lambda: a.index(100))
t('index start', lambda: array('i', [1, 2, 3, 1]).index(1, 1))
t('index neg start', lambda: array('i', [1, 2, 3, 1]).index(1, -1))
t('index stop', lambda: array('i', [1, 2, 3, 1]).index(3, 0, 2))
t('index stop neg', lambda: array('i', [1, 2, 3, 1]).index(2, 0, -2))
t('index bad start', lambda: array('i', [1, 2, 3, 1]).index(3, 'a'))
t('index float start', lambda: array('i', [1, 2, 3, 1]).index(3, 1.0))
t('index float', lambda: array('d', [1, 2, 2]).index(2))
t('count', lambda: array('i', [1, 2, 2, 3]).count(2))
t('count float', lambda: array('i', [1, 2, 2]).count(2.0))
t('count str', lambda: array('i', [1, 2, 2]).count('2'))
t('reverse', lambda: (lambda x: (x.reverse(), x))(array('b', [1, 2, 3])))
t('reverse empty', lambda: (lambda x: (x.reverse(), x))(array('b')))
t('len', lambda: (len(array('i')), len(array('q', range(10)))))
t('iter', lambda: list(array('i', [1, 2, 3])))
t('iter u', lambda: list(array('u', 'xyz')))
t('reversed', lambda: list(reversed(array('i', [1, 2, 3]))))
t('bool', lambda: (bool(array('i')), bool(array('i', [0]))))
t('in', lambda: (1 in array('i', [1]), 2 in array('i', [1]), 'x' in array('i', [1]), 1.0 in array('i', [1]), 'a' in array('u', 'abc')))
x = float('nan')
t('nan', lambda: (x in array('d', [x]), array('d', [x]).count(x), array('d', [x]) == array('d', [x])))
t('sum', lambda: sum(array('d', [0.5, 0.25])))
t('sorted', lambda: sorted(array('i', [3, 1, 2])))
t('max', lambda: max(array('B', [3, 9, 2])))

print('== operators')
a = array('i', [1, 2, 3])
t('add', lambda: a + array('i', [4]))
t('add list', lambda: a + [1])
t('add other tc', lambda: a + array('h'))
t('mul', lambda: a * 2)
t('rmul', lambda: 2 * a)
t('mul 0', lambda: a * 0)
t('mul neg', lambda: a * -1)
t('mul bool', lambda: a * True)
t('mul Idx', lambda: a * Idx(2))
t('mul float', lambda: a * 1.5)
t('mul str', lambda: a * 'a')
t('mul big', lambda: array('i', [1]) * 2 ** 62)
t('mul huge', lambda: array('i', [1]) * 2 ** 70)
t('mul huge empty', lambda: array('i') * 2 ** 70)
b = array('i', [1])
c = b
b += array('i', [2])
print('iadd', b, c is b)
try:
    b += [3]
except TypeError as e:
    print('iadd list', type(e).__name__, e)
try:
    b += array('h', [3])
except TypeError as e:
    print('iadd other', type(e).__name__, e)
b *= 3
print('imul', b, c is b)
b *= 0
print('imul 0', b, c is b)
try:
    b *= 1.5
except TypeError as e:
    print('imul float', type(e).__name__, e)
b = array('b', [1, 2])
b *= -1
print('imul neg', b)

print('== comparisons')
i1 = array('i', [1, 2])
t('eq', lambda: (i1 == array('i', [1, 2]), i1 == array('h', [1, 2]), i1 == array('d', [1.0, 2.0]), i1 == [1, 2], i1 == 1))
t('ne', lambda: (i1 != array('i', [1, 2]), i1 != array('i', [1]), i1 != [1, 2]))
t('lt', lambda: (i1 < array('i', [1, 2, 3]), i1 < array('i', [1, 3]), i1 < array('i', [1]), i1 < i1))
t('le', lambda: (i1 <= array('i', [1, 2]), i1 <= array('b', [0, 9])))
t('gt', lambda: (i1 > array('i', [1]), i1 > array('d', [1.5])))
t('ge', lambda: (i1 >= array('i', [1, 2]), i1 >= array('i', [2])))
t('u cmp', lambda: (array('u', 'ab') < array('u', 'b'), array('u', 'ab') == array('u', 'ab')))
t('mixed', lambda: (array('i', [1, 5]) < array('b', [1, 2, 3]), array('i', [1]) == array('d', [1.0])))
t('nan lt', lambda: array('d', [float('nan')]) < array('d', [1.0]))
t('hash', lambda: hash(array('i')))

print('== bytes conversions')
for tc in A.typecodes:
    if tc == 'u':
        a = array('u', 'hi\u20ac\U0001f600')
    elif tc in 'fd':
        a = array(tc, [1.5, -0.1, 1e30, -0.0])
    elif tc in 'bhilq':
        a = array(tc, [1, -1, 100, -100])
    else:
        a = array(tc, [1, 2, 100, 200])
    raw = a.tobytes()
    b = array(tc)
    b.frombytes(raw)
    print(tc, raw, b == a, b)
    a.byteswap()
    print('  byteswap', a.tobytes() == b''.join(raw[i:i + a.itemsize][::-1] for i in range(0, len(raw), a.itemsize)), list(a) if tc not in 'uf' else '')
    a.byteswap()
    print('  twice', a == b)
t('frombytes str', lambda: array('i').frombytes('abcd'))
t('frombytes odd', lambda: array('i').frombytes(b'abc'))
t('frombytes array b', lambda: (lambda x: (x.frombytes(array('B', [1, 2])), x))(array('b')))
t('frombytes array h', lambda: (lambda x: (x.frombytes(array('h', [1])), x))(array('b')))
t('frombytes big', lambda: (lambda x: (x.frombytes(bytes(range(256)) * 100), len(x), x[:3], x[-3:], sum(x)))(array('i')))
t('frombytes big b', lambda: (lambda x: (x.frombytes(bytes(range(256)) * 100), len(x), x[:3], x[-3:], sum(x)))(array('b')))
t('bytes()', lambda: bytes(array('h', [1, 2]).tobytes()))
t('tolist', lambda: array('H', [1, 2]).tolist())
t('tolist u', lambda: array('u', 'ab').tolist())
t('tounicode', lambda: array('u', 'ab').tounicode())
t('tounicode bad', lambda: array('i').tounicode())
t('fromunicode', lambda: (lambda x: (x.fromunicode('cd'), x))(array('u', 'ab')))
t('fromunicode bad', lambda: array('i').fromunicode('a'))
t('fromunicode int', lambda: array('u').fromunicode(1))
u = array('u', 'a')
u.byteswap()
t('u swapped bytes', lambda: u.tobytes())
t('u swapped len', lambda: len(u))
t('u swapped repr', lambda: repr(u))
t('u swapped item', lambda: u[0])
t('u swapped tolist', lambda: u.tolist())
t('byteswap f', lambda: (lambda x: (x.byteswap(), x))(array('f', [1.0, 2.5])))
t('byteswap d', lambda: (lambda x: (x.byteswap(), x))(array('d', [1.0, -2.5])))
t('byteswap i', lambda: (lambda x: (x.byteswap(), x))(array('i', [1, -2, 2 ** 31 - 1])))
t('byteswap Q', lambda: (lambda x: (x.byteswap(), x))(array('Q', [1, 2 ** 64 - 1, 255])))
t('byteswap b', lambda: (lambda x: (x.byteswap(), x))(array('b', [1, -2])))

print('== files')
import io


def ff(data, n):
    a = array('i')
    try:
        a.fromfile(io.BytesIO(data), n)
    except Exception as e:
        print('  fromfile', type(e).__name__, e)
    return a


t('fromfile', lambda: ff(b'\x01\x00\x00\x00\x02\x00\x00\x00', 2))
t('fromfile short', lambda: ff(b'\x01\x00\x00\x00\x02\x00\x00\x00', 3))
t('fromfile partial item', lambda: ff(b'\x01\x00\x00\x00\x02', 2))
t('fromfile neg', lambda: ff(b'', -1))
t('fromfile 0', lambda: ff(b'abcd', 0))
t('fromfile str', lambda: array('i').fromfile(io.StringIO('abcd'), 1))


def tf(a):
    b = io.BytesIO()
    r = a.tofile(b)
    return r, b.getvalue()


t('tofile', lambda: tf(array('h', [1, -2])))
t('tofile empty', lambda: tf(array('h')))
t('tofile big', lambda: len(tf(array('q', range(20000)))[1]))

print('== repr / misc')
t('repr empty', lambda: [repr(array(c)) for c in A.typecodes])
t('repr', lambda: (repr(array('d', [1.5])), repr(array('u', 'ab')), repr(array('f', [1.1])), str(array('b', [1]))))
t('repr u quote', lambda: repr(array('u', "it's")))
t('buffer_info', lambda: array('i', [1, 2]).buffer_info()[1])
t('buffer_info types', lambda: [type(v).__name__ for v in array('i', [1]).buffer_info()])
t('typecode', lambda: array('H').typecode)
t('itemsize', lambda: array('d').itemsize)
t('isinstance', lambda: (isinstance(array('i'), array), isinstance(array('i'), A.ArrayType)))


class Sub(array):
    pass


s = Sub('i', [1, 2])
t('sub repr', lambda: repr(s))
t('sub isinstance', lambda: isinstance(s, array))
t('sub slice', lambda: type(s[:]).__name__)
t('sub add', lambda: type(s + s).__name__)
t('sub mul', lambda: type(s * 2).__name__)
t('sub copy', lambda: type(copy.copy(s)).__name__)
t('sub attr', lambda: (setattr(s, 'foo', 1), s.foo))

print('== copy')
a = array('d', [1.5, 2.5])
b = copy.copy(a)
c = copy.deepcopy(a)
b[0] = 9
print(a, b, c, a is b, a is c, type(b).__name__)
t('reduce_ex', lambda: array('i', [1]).__reduce_ex__(2))
t('reduce_ex u', lambda: array('u', 'ab').__reduce_ex__(2))
n = [array('i', [1]), array('i', [2])]
m = copy.deepcopy(n)
m[0].append(5)
print(n, m)
print('== big')
a = array('d')
for i in range(20000):
    a.append(i * 0.5)
print(len(a), a[-1], sum(a))
a = array('B', bytes(range(256)) * 10)
print(len(a), a.tobytes()[:5], a.count(7), a.index(255))
