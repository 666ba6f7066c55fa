# Module-level functions and Pattern objects.
import re

print('--- findall')
print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'(\d)(\w)', 'a1b22c333'))
print(re.findall(r'(\d)\w', 'a1b22c333'))
print(re.findall(r'(\d)|(x)', '1x2'))
print(re.findall(r'(a)?b', 'bab'))
print(re.findall(r'', 'abc'))
print(re.findall(r'a*', 'baaac'))
print(re.findall(r'a??', 'aa'))
print(re.findall(r'\b', 'a b'))
print(re.findall(r'x*', 'xxaxx'))
print(re.findall(r'(?:a|)', 'aba'))
print(re.findall(r'^', 'a\nb\n', re.M), re.findall(r'$', 'a\nb\n', re.M), re.findall(r'$', 'a\nb\n'))
print(re.findall(r'(?m)^\w+', 'one\ntwo\nthree'))

print('--- finditer')
for m in re.finditer(r'(\w)(\d)?', 'a1bc2'):
    print(m.span(), m.groups(), m.lastindex)
print([m.span() for m in re.finditer(r'x*', 'axxb')])
it = re.finditer('a', 'aa')
print(next(it).span(), next(it).span(), next(it, 'done'))

print('--- sub / subn')
print(re.sub(r'\d', '#', 'a1b22c333'))
print(re.sub(r'\d', '#', 'a1b22c333', 2), re.sub(r'\d', '#', 'a1b22c333', count=4))
print(re.subn(r'\d', '#', 'a1b22c333'), re.subn(r'\d', '#', 'a1b22c333', 1), re.subn('z', 'y', 'abc'))
print(re.sub('x*', '-', 'abxd'))
print(re.sub('x*', '-', ''), re.sub('', '-', 'abc'), re.sub('a|', '-', 'bab'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, foo bar'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'))
print(re.sub(r'(\w+)', r'\g<1>0', 'a bc'), re.sub(r'(\w)', r'\g<0>\g<0>', 'ab'))
print(re.sub(r'a', r'\n\t\\', 'bab') == 'b\n\t\\b', repr(re.sub('a', r'\x41', 'a') if False else re.sub('a', r'\\x41', 'a')))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub('a', lambda m: m.group().upper() * 2, 'banana'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'x1 y22 z333'))
print(re.sub('a', lambda m: None, 'banana'))
print(re.subn(r'(?i)A', lambda m: '<%d>' % m.start(), 'aAbA'))
print(re.sub(r'\s+', ' ', '  lots   of\t\tspace\n\nhere  '))
print(re.sub('a', 'x', 'aaa', -1), re.sub('^', '>', 'a\nb'), re.sub('(?m)^', '>', 'a\nb'))
print(re.sub(r'\b', '|', 'ab cd'), re.sub(r'$', '!', 'ab\n'))
print(re.sub(r'(\d)(\d)?', r'\2\1', '12 3'))
print(re.sub(r'(?P<a>x)', r'\g<a>\g<1>\1', 'x'))
print(re.sub(r'.', r'\0', 'ab') == '\x00\x00', re.sub(r'.', r'\07', 'a') == '\x07', re.sub(r'(.)', r'\101', 'a'))
print(re.sub('', lambda m: str(m.start()), 'abc'))
for bad in [r'\2', r'\g<2>', r'\g<x>', r'\g<-1>', r'\g<a', r'\g', r'\q', '\\']:
    try:
        print(re.sub(r'(a)', bad, 'a'))
    except (re.error, IndexError) as e:
        print(type(e).__name__, repr(bad), e)
try:
    re.sub('a', lambda m: 5, 'aba')
except TypeError as e:
    print('TypeError', e)

print('--- split')
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words, words.', maxsplit=2))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)', '...words, words...'))
print(re.split(r'\b', 'a b'), re.split(r'x*', 'axbc'), re.split('', 'ab'))
print(re.split(r'(a)|(b)', 'xaybz'))
print(re.split(r',', 'a,b,,c,'), re.split(r',', ''), re.split(r'x', 'abc'))
print(re.split(r'\s*', ' a b '), re.split(r'(?=b)', 'abab'))
print(re.split(r'a', 'babab', -1), re.split(r'a', 'babab', 1))
print(re.split(r'(?m)^', 'a\nb\nc'))

print('--- fullmatch / match / search')
print(re.fullmatch(r'a|ab', 'ab'), re.fullmatch(r'a*?', 'aaa'), re.fullmatch(r'a', 'ab'))
print(re.fullmatch(r'(a|ab)(c|bcd)', 'abcd'), re.fullmatch(r'\d+', '123x'), re.fullmatch('', ''))
print(re.match(r'a', 'ba'), re.search(r'a', 'ba'), re.match(r'', 'x'))
print(re.fullmatch(r'.*?x', 'axbx'), re.fullmatch('(?:ab)+', 'ababab'))

print('--- escape')
print(re.escape('a.b-c d\t#&~'), re.escape('http://x.org/?q=1+2'))
print(re.escape(''), re.escape('\u00e9\n'), re.escape(b'a.b\xff'), re.escape('_0Az'))
print(re.match(re.escape('[a+b]*?'), '[a+b]*?'))

print('--- Pattern objects')
p = re.compile(r'(?P<k>\w+)=(?P<v>\d*)')
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(p.match('key=42'), p.search('-- a=1 --'), p.fullmatch('x='), p.findall('a=1 b=2'))
print(p.sub(r'\g<v>=\g<k>', 'a=1 b=2'), p.subn('', 'a=1 b=2'), p.split('a=1;b=2'))
print(re.compile('a+'), re.compile('a', re.I | re.M), re.compile(b'x', re.S), re.compile('(?x)a'))
print(re.compile('a', re.A), re.compile('a', re.U), re.compile(b'a'), re.compile('(?s)(?i)z'))
print(re.compile('x' * 300))
print(re.compile('\u00e9\n'), re.compile('q', re.X | re.DEBUG * 0))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('b'))
print(hash(re.compile('ab')) == hash(re.compile('ab')))
print(re.compile(p) is p, re.compile('abc') is re.compile('abc'))
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
for badpat in [1, None, ['a']]:
    try:
        re.compile(badpat)
    except TypeError as e:
        print('TypeError', e)
for args in [('a', 1), ('a', None), (b'a', 'a'), ('a', b'a')]:
    try:
        re.search(*args)
    except TypeError as e:
        print('TypeError', e)
for f in (re.sub, re.subn):
    try:
        f('a', 'b', b'a')
    except TypeError as e:
        print('TypeError', e)
print(re.compile('').flags, re.compile('(?i)').flags, re.compile(b'(?i)').flags, re.compile('(?a)').flags)
print(re.compile('(?x) a b # c').match('ab'))
print(re.purge(), re.compile('abc').pattern)
print(re.template('ab').pattern if hasattr(re, 'template') and False else 'ok')

print('--- scanner')
sc = re.compile(r'\w+|\s+').scanner('ab  cd')
print(sc.match(), sc.match(), sc.match(), sc.match(), sc.match())
sc = re.compile(r'\d+').scanner('a12b345')
print(sc.search(), sc.search(), sc.search())
print(sc.pattern)

print('--- Scanner')
def s_ident(scanner, token): return ('ID', token)
def s_op(scanner, token): return ('OP', token)
scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', s_ident),
    (r'\d+\.\d*', lambda s, t: ('FLOAT', t)),
    (r'\d+', lambda s, t: ('INT', t)),
    (r'[=+*/-]', s_op),
    (r'\s+', None),
])
print(scanner.scan('x = 3.5 + y1 * 42 ?rest'))

print('--- misc API')
print(re.Pattern[str], re.Match[bytes], re.RegexFlag.IGNORECASE, re.RegexFlag.M | re.RegexFlag.S)
g = re.compile('(?P<a>x)').groupindex
try:
    g['b'] = 2
except TypeError as e:
    print('TypeError', e)
print(type(re.compile('a')), type(re.match('a', 'a')), re.Pattern, re.Match, type(re.compile('a')).__name__)
print(isinstance(re.compile('a'), re.Pattern), isinstance(re.match('a', 'a'), re.Match), re.error)
import copy
p = re.compile(r'(\w)')
m = p.match('ab')
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, copy.deepcopy(m) is m)
print(re.compile('x', re.NOFLAG), re.NOFLAG, int(re.NOFLAG), re.compile('a', 0).flags == re.compile('a').flags)
print(sorted(n for n in re.__all__))
print(re.compile(r'\d').match('9') and 'truthy', [bool(x) for x in (re.match('a', 'a'), re.match('a', 'b'))])

print('--- str subclass subjects')
class MyStr(str):
    def __str__(self):
        return 'OVERRIDDEN'
ms = MyStr('abc abc')
print(re.findall(r'\w+', ms), re.sub('a', 'x', ms), type(re.match('a', ms).group()).__name__, re.match('a', ms).string is ms)
print(re.sub('b', lambda m: MyStr('<%s>' % m.group()), 'abc'), re.sub('b', MyStr('[x]'), 'abc'))
