import json
from json import JSONDecodeError, JSONEncoder, JSONDecoder


def show(label, fn):
    try:
        r = fn()
        print(label, '->', repr(r))
    except JSONDecodeError as e:
        print(label, '!! JSONDecodeError', str(e), '|', e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
    except Exception as e:
        print(label, '!!', type(e).__name__, str(e))


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def value(self):
        return ''.join(self.parts)


class Reader:
    def __init__(self, s):
        self.s = s

    def read(self):
        return self.s


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyStr(str):
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def point_default(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError('cannot ' + type(o).__name__)


class SetEncoder(JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return JSONEncoder.default(self, o)


nested = {
    'name': 'pystm', 'version': [3, 11, 0], 'ok': True, 'bad': False,
    'none': None, 'pi': 3.14159, 'neg': -42, 'big': 12345678901234567890123,
    'list': [1, [2, [3, [4, []]]], {}], 'obj': {'a': {'b': {'c': {}}}},
    'tuple': (1, 'two', 3.0), 'empty_str': '',
}

# ---- dumps: scalars ----
scalars = [None, True, False, 0, 1, -1, 10**30, -10**30, 0.0, -0.0, 0.1, 1.5,
           1e16, 1e-7, 1e22, 1.0e-5, 123456789.123, 2.5e-300, 1.7976931348623157e308,
           5e-324, 1/3, 100.0, float('nan'), float('inf'), float('-inf'),
           '', 'abc', 'a"b', 'back\\slash', 'tab\there', 'nl\nx\r\b\f',
           '\x00\x01\x1f\x7f', 'caf\u00e9', '\u20ac', '\U0001f600', '\u2028\u2029',
           '\ufeff', 'mixed \u00e9 \U0001d11e end', '/slash/', MyInt(7),
           MyFloat(2.5), MyStr('sub'), [], (), {}, [[]], [{}], {'': ''}]
for v in scalars:
    show('dumps %r' % (v,), lambda: json.dumps(v))
    show('dumps ea=F %r' % (v,), lambda: json.dumps(v, ensure_ascii=False))

# ---- dumps: nested, indent, separators, sort_keys ----
show('nested', lambda: json.dumps(nested))
show('nested sort', lambda: json.dumps(nested, sort_keys=True))
for ind in [None, 0, 1, 2, 4, -1, '', '\t', '--', ' ']:
    show('indent %r' % (ind,), lambda: json.dumps(nested, indent=ind, sort_keys=True))
show('indent list', lambda: json.dumps([1, [2, 3], [], {}, {'a': [1]}], indent=3))
show('sep compact', lambda: json.dumps(nested, separators=(',', ':'), sort_keys=True))
show('sep odd', lambda: json.dumps([1, {'a': 2}], separators=(' ; ', ' = ')))
show('sep indent', lambda: json.dumps([1, {'a': 2}], indent=2, separators=(', ', ': ')))
show('sort mixed', lambda: json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
show('sort int keys', lambda: json.dumps({3: 'c', 1: 'a', 2: 'b'}, sort_keys=True))
show('sort str/int', lambda: json.dumps({'a': 1, 2: 3}, sort_keys=True))
show('top str indent', lambda: json.dumps('x', indent=2))
show('top int indent', lambda: json.dumps(5, indent=2))

# ---- keys ----
show('keys', lambda: json.dumps({1: 'i', 1.5: 'f', True: 't', False: 'f', None: 'n',
                                 'FOO': 's', -3: 'neg', 1e100: 'big'}))
show('key nan', lambda: json.dumps({float('nan'): 1, float('inf'): 2}))
show('key nan no', lambda: json.dumps({float('nan'): 1}, allow_nan=False))
show('key myint', lambda: json.dumps({MyInt(3): 1, MyFloat(1.25): 2}))
show('key tuple', lambda: json.dumps({(1, 2): 3}))
show('key tuple skip', lambda: json.dumps({(1, 2): 3, 'a': 1, (3,): 4, 'b': 2}, skipkeys=True))
show('key skip all', lambda: json.dumps({(1, 2): 3}, skipkeys=True))
show('key skip all ind', lambda: json.dumps({(1, 2): 3}, skipkeys=True, indent=2))
show('key skip first ind', lambda: json.dumps({(1, 2): 3, 'x': [1]}, skipkeys=True, indent=2))
show('key object', lambda: json.dumps({Point(1, 2): 3}))
show('key escape', lambda: json.dumps({'k"\n\u00e9': 1}))
show('key escape ea', lambda: json.dumps({'k"\n\u00e9': 1}, ensure_ascii=False))

# ---- allow_nan ----
for v in [float('nan'), float('inf'), float('-inf'), [1, float('nan')]]:
    show('nan no %r' % (v,), lambda: json.dumps(v, allow_nan=False))
    show('nan no ind %r' % (v,), lambda: json.dumps(v, allow_nan=False, indent=1))
show('nan ok', lambda: json.dumps([float('nan'), float('inf'), -float('inf')]))

# ---- circular ----
a = []
a.append(a)
show('circ list', lambda: json.dumps(a))
d = {}
d['self'] = d
show('circ dict', lambda: json.dumps(d))
show('circ dict ind', lambda: json.dumps(d, indent=2))
show('circ default', lambda: json.dumps(Point(1, 2), default=lambda o: o))
shared = [1, 2]
show('shared not circ', lambda: json.dumps([shared, shared, {'a': shared}]))
show('circ unchecked', lambda: json.dumps([shared, shared], check_circular=False))

# ---- default / cls ----
show('set', lambda: json.dumps({1, 2}))
show('object', lambda: json.dumps(Point(1, 2)))
show('bytes', lambda: json.dumps(b'x'))
show('object()', lambda: json.dumps([object()]))
show('range', lambda: json.dumps(range(3)))
show('default fn', lambda: json.dumps([Point(1, 2), {3, 1, 2}], default=point_default))
show('default ind', lambda: json.dumps({'p': Point(Point(0, 0), [1])}, default=point_default, indent=2))
show('default raise', lambda: json.dumps([object], default=point_default))
show('cls', lambda: json.dumps({'s': {3, 1}, 'f': frozenset([9])}, cls=SetEncoder, sort_keys=True))
show('cls fail', lambda: json.dumps([Point(0, 0)], cls=SetEncoder))
show('encoder obj', lambda: JSONEncoder(indent=1, sort_keys=True).encode({'b': [1], 'a': 'x'}))
show('encoder str', lambda: JSONEncoder().encode('\u00e9"'))
show('encoder str ea', lambda: JSONEncoder(ensure_ascii=False).encode('\u00e9"'))
show('iterencode', lambda: ''.join(JSONEncoder().iterencode({'a': [1, 2, {'b': None}]})))
show('seps attr', lambda: (JSONEncoder().item_separator, JSONEncoder(indent=2).item_separator,
                           JSONEncoder(separators=(';', '=')).key_separator))

# ---- dump ----
for kw in [{}, {'indent': 2}, {'sort_keys': True, 'separators': (',', ':')}]:
    w = Writer()
    json.dump(nested, w, **kw)
    print('dump', kw, w.value())
w = Writer()
show('dump nan', lambda: json.dump([float('inf')], w, allow_nan=False))

# ---- loads: basics ----
docs = ['null', 'true', 'false', '0', '-0', '1', '-1', '123456789012345678901234567890',
        '1.5', '-1.5e10', '1E5', '1e-7', '1e+2', '0.1', '1e400', '-1e400', '2.5E-3',
        '"abc"', '""', '"a\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti"', '"\\u00e9\\u20AC"',
        '"\\ud83d\\ude00"', '"\\uD834\\uDD1E"', '"\u00e9\U0001f600 raw"',
        '[]', '[ ]', '{}', '{ }', '[1,2,3]', ' [ 1 , 2 , [ 3 , [ ] ] ] ',
        '{"a": 1, "b": [true, false, null], "c": {"d": "e"}}',
        '{"a": 1, "a": 2}', '\n\t\r {"x" :\n1}\n', 'NaN', 'Infinity', '-Infinity',
        '[NaN, Infinity, -Infinity]', '{"": 0}', '[[[[[[[[[[1]]]]]]]]]]',
        '[1.0, 10, 1.25e2, -0.0, 0e0, 0E+1]', '"\\u0000"', '[-1]', '"\\u00"',
        ]
for s in docs:
    show('loads %r' % s, lambda: json.loads(s))

# ---- loads: errors ----
bad = ['', ' ', '[', ']', '{', '}', '[1', '[1,', '[1,]', '[1 2]', '[1,,2]', '{"a"', '{"a":',
       '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{a:1}', "{'a':1}", '{1:2}', '{"a":1 "b":2}',
       'nul', 'tru', 'fals', 'nan', 'inf', '-', '-a', '+1', '01', '1.', '.5', '1e', '1e+',
       '1.5e+', '--1', '-Inf', '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12', '"\\u1234',
       '"\\uZZZZ"', '"\\u12G4"', '"\\ud83d\\uzz00"', '"\\u-123"', '"\\u+123"', '"\\u 123"',
       '"a\nb"', '"tab\there"', '"\x00"', '"\x1f"', '[1]x', '[1] [2]', '1 2', '"a" "b"',
       '[\n1,\n2\n', '{\n  "a": 1,\n  "b" 2\n}', '\n\n  x', '[1,\n\n  ]', 'true false',
       '[true,', '{"a":[}', '["a",\n"b"\n"c"]', '\ufeff[]', '[\ufeff]', '\u00a0[]', 'Infinityy',
       '[1]\x00', '"\u2028"']
for s in bad:
    show('bad %r' % s, lambda: json.loads(s))

# ---- strict=False ----
show('nonstrict', lambda: json.loads('"a\nb\tc\x00"', strict=False))
show('nonstrict obj', lambda: json.loads('{"k\n": "v\r"}', strict=False))
show('strict key', lambda: json.loads('{"k\n": 1}'))

# ---- hooks ----
show('object_hook', lambda: json.loads('{"a": {"b": 1}, "c": [{"d": 2}]}',
                                       object_hook=lambda d: sorted(d.items())))
show('pairs_hook', lambda: json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p))
show('pairs_hook nested', lambda: json.loads('[{"x": {"y": 1}}, {}]', object_pairs_hook=tuple))
show('both hooks', lambda: json.loads('{"a": 1}', object_hook=lambda d: 'OH',
                                      object_pairs_hook=lambda p: 'PH'))
show('parse_float', lambda: json.loads('[1.5, 2, 3e2, -0.25]', parse_float=lambda s: 'F' + s))
show('parse_int', lambda: json.loads('[1.5, 2, -30, 0]', parse_int=lambda s: 'I' + s))
show('parse_int float', lambda: json.loads('[1, 22]', parse_int=float))
show('parse_constant', lambda: json.loads('[NaN, Infinity, -Infinity, 1]', parse_constant=lambda s: '<' + s + '>'))
show('parse_constant raise', lambda: json.loads('[NaN]', parse_constant=lambda s: 1 / 0))
show('decoder obj', lambda: JSONDecoder(parse_int=str).decode(' [1, 2] '))
show('raw_decode', lambda: JSONDecoder().raw_decode('[1, 2] rest'))
show('raw_decode idx', lambda: JSONDecoder().raw_decode('xx{"a": 1}yy', 2))
show('raw_decode ws', lambda: JSONDecoder().raw_decode(' 1'))
show('raw_decode end', lambda: JSONDecoder().raw_decode('[1]', 3))
show('load', lambda: json.load(Reader('{"from": "reader", "n": [1, 2]}')))
show('load hook', lambda: json.load(Reader('{"x": 1}'), object_pairs_hook=list))

# ---- loads bytes / types ----
show('bytes utf8', lambda: json.loads('{"k": "\u00e9\U0001f600"}'.encode('utf-8')))
show('bytes bom8', lambda: json.loads(b'\xef\xbb\xbf[1, "\xc3\xa9"]'))
show('bytes u16le', lambda: json.loads(b'[\x001\x00]\x00'))
show('bytes u16be', lambda: json.loads(b'\x00[\x002\x00]'))
show('bytes u16bom', lambda: json.loads(b'\xff\xfe[\x003\x00,\x00"\x00=\xd8\x00\xde"\x00]\x00'))
show('bytes u16bebom', lambda: json.loads(b'\xfe\xff\x00[\x004\x00]'))
show('bytes u32le', lambda: json.loads(b'5\x00\x00\x00'))
show('bytes u32be', lambda: json.loads(b'\x00\x00\x00[\x00\x00\x006\x00\x00\x00]'))
show('bytes u32bom', lambda: json.loads(b'\xff\xfe\x00\x007\x00\x00\x00'))
show('bytes short', lambda: json.loads(b'7'))
show('bytes 2', lambda: json.loads(b'8\x00'))
show('bytes bad', lambda: json.loads(b'[1,'))
show('not str', lambda: json.loads(5))
show('not str2', lambda: json.loads(None))
show('not str3', lambda: json.loads([1]))

# ---- round trips ----
for v in [nested, [0.1, 0.2, 0.30000000000000004, 1e16, 1e-7, 12345.6789e100],
          {'unicode': '\u00e9\u4e2d\U0001f600\x00\x7f', 'list': [None, True]}]:
    for ea in [True, False]:
        s = json.dumps(v, ensure_ascii=ea)
        back = json.loads(s)
        print('roundtrip', ea, back == json.loads(json.dumps(back)), s)

# ---- error object details ----
try:
    json.loads('{\n  "a": [1, 2,\n   ]\n}')
except JSONDecodeError as e:
    print('err', e.msg, e.pos, e.lineno, e.colno, e.doc == '{\n  "a": [1, 2,\n   ]\n}', e.args)
    print('reduce', e.__reduce__()[1])
print('mro', issubclass(JSONDecodeError, ValueError))
err = JSONDecodeError('Custom', 'ab\ncd\nef', 7)
print('custom', str(err), err.lineno, err.colno)
err = JSONDecodeError('Custom', 'abc', 0)
print('custom0', str(err), err.lineno, err.colno)
print('all', sorted(json.__all__))

# ---- more string / position cases ----
# (lone surrogates such as "\ud83d" are left out: pystm strings cannot hold them)
from json.decoder import scanstring
more = ['"a\\"b"', '"\\\\"', '"\\\\\\""', '["\\\\", "\\"", "x\\\\\\\\"]', '"ab\\"', '"ab\\\\"x',
        '{"k\\"": "v\\\\"}', 
        '"\\ud83d\\ude00\\ud83d\\ude00"', '"\\u00e9\\n\\u0041"', '"\\ud83d\\ude0"', '"\\ud83d\\ude0"x',
        '"\\ud83d\\u"', '"a\\u0000b"', '"\\uD83D\\uDE00"', '"\\uabcd\\uABCD"',
        '["\u00e9", 1 x]', '["\u00e9\u00e9\u00e9",\n "\u20ac" "x"]', '{"\u00e9": 1,\r\n "b" 2}',
        '[1, 2\r\n, 3 4]', '"\u00e9\\q"', '\u00e9', '[1, \u00e9]', '{"a": 1}\u00e9', '[1]  \n  \u00e9',
        '"\U0001f600\x05"', '["\U0001f600", tru]', '  \t\n', '{"a":"b","c":"d","e":[1,{"f":"g"}]}']
for s in more:
    show('more %r' % s, lambda: json.loads(s))
for s, i in [('"abc"', 1), ('x"a\\"b"y', 2), ('"\\u00e9" rest', 1), ('"unterminated', 1), ('"\\x"', 1),
             ('"a\nb"', 1), ('"\u00e9\u00e9"', 1), ('""', 1)]:
    show('scanstring %r %d' % (s, i), lambda: scanstring(s, i))
    show('scanstring nonstrict %r %d' % (s, i), lambda: scanstring(s, i, False))
dec = JSONDecoder()
for s, i in [('"a" "b" [1]', 0), ('"a" "b" [1]', 3), ('"a" "b" [1]', 4), ('"a" "b" [1]', 8),
             ('"a" "b" [1]', 2), ('\u00e9 [1, "\u00e9"] \u00e9', 2), ('\u00e9 [1, "\u00e9"] \u00e9', 0),
             ('{"a": "b"}', 5), ('{"a": "b"}', 6), ('[1,2]', 5), ('[1,2]', -1)]:
    show('raw_decode %r %d' % (s, i), lambda: dec.raw_decode(s, i))

# ---- larger documents ----
big = [{'id': i, 'name': 'item %d \u00e9\U0001f600' % i, 'esc': 'q"\\\n\t', 'f': i / 7,
        'sub': [i, -i, None, True, False, {'k': str(i)}]} for i in range(300)]
for kw in [{}, {'ensure_ascii': False}, {'indent': 1, 'sort_keys': True}]:
    s = json.dumps(big, **kw)
    print('big', kw, len(s), json.loads(s) == big, s[:120], s[-80:])
deep = '[' * 400 + '{"a": 1}' + ']' * 400
print('deep', json.dumps(json.loads(deep))[395:420])
print('deep obj', json.dumps(json.loads('{"a":' * 300 + '[]' + '}' * 300), sort_keys=True)[:30])
show('iterencode chunks', lambda: ''.join(JSONEncoder(indent=2).iterencode([{'a': []}, [{}], 'x'])))
show('nested empties', lambda: json.dumps({'a': [], 'b': {}, 'c': [[], {}, [[]]]}, indent=2))
show('dump to writer', lambda: [json.dump([1, {'b': 2}], w, indent='  '), w.value()][1])
