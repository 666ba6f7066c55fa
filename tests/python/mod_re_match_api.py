# Match object API, named groups, backreferences.
import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?', 'Isaac Newton, physicist')
print(repr(m))
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(3))
print(m.group(1, 2), m.group('first', 'last', 0), m.group('opt'))
print(m['first'], m[2], m[0])
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.groupdict(), m.groupdict('?'), sorted(m.groupdict(default='').items()))
print(m.start(), m.end(), m.span())
print(m.start(1), m.end(1), m.span(1), m.span('last'), m.span(3), m.start(3), m.end('opt'))
print(m.lastindex, m.lastgroup)
print(m.pos, m.endpos, m.string, m.re)
print(m.regs)
print(bool(m), m.re.groups, m.re.groupindex, dict(m.re.groupindex))
print(repr(m.re.groupindex))
print(m.expand(r'\2, \1'), m.expand(r'\g<last>-\g<first>-\g<0>'), m.expand(r'[\g<3>]'))
print(m.expand(r'\n\t\\ \x41'.replace(r'\x41', 'A')))
for bad in [4, -1, 'nope', 1.5, None]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', bad, e)
for bad in [4, 'nope']:
    for meth in (m.start, m.end, m.span):
        try:
            meth(bad)
        except IndexError as e:
            print('IndexError', meth.__name__, bad, e)
try:
    m[7]
except IndexError as e:
    print('getitem', e)
print(m.group(True), m.span(False))

print('--- lastindex / lastgroup')
for pat, s in [(r'(a)(b)?', 'a'), (r'((a)b)', 'ab'), (r'(a)|b', 'b'), (r'(a)|(b)', 'b'),
               (r'(?P<x>a)(?P<y>b)', 'ab'), (r'(?P<x>a(?P<y>b))', 'ab'), (r'(a)(?:b)', 'ab'),
               (r'(a)+', 'aaa'), (r'(?:(a)|(b))*', 'abab'), (r'(?:(a)|(b))*', 'baba'),
               (r'x', 'x'), (r'(?P<n>x)(y)', 'xy'), (r'(?=(a))a', 'a')]:
    m = re.search(pat, s)
    print(pat, s, m.lastindex, m.lastgroup, m.groups())

print('--- unmatched groups')
m = re.match(r'(a)|(b)|(c)', 'c')
print(m.groups(), m.groups(''), m.span(1), m.span(3), m.regs, m.group(1, 3))
m = re.match(r'(?P<a>a)?(?P<b>b)?', 'b')
print(m.groupdict(), m.groupdict('N'), m.expand(r'<\g<a>><\g<b>>'))

print('--- backreferences')
for pat, s in [(r'(\w+) \1', 'hello hello world'), (r'(\w+) \1\b', 'the theory'),
               (r'(?P<q>["\']).*?(?P=q)', 'say "hi" and \'bye\''),
               (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj'),
               (r'(a)\1{2}', 'aaaa'), (r'(a*)\1', 'aaaaa'), (r'(a)|\1b', 'b'),
               (r'(?:(a)|b)\1', 'ba'), (r'(?:(a)|b)\1', 'aa'),
               (r'(?i)(ab)\1', 'abAB'), (r'(?i)(\u03c3)\1', '\u03c3\u03a3'),
               (r'^(\w+)\s+\1$', 'go go'), (r'(.)\1+', 'abbbc'),
               (r'(?P<d>\d)(?P=d)', '1223'), (r'(\d)\01', '1\x01')]:
    m = re.search(pat, s)
    print(repr(pat), repr(s), m and m.group(), m and m.groups())

print('--- pos / endpos')
p = re.compile(r'\w+')
s = 'abc def ghi'
print(p.search(s, 2), p.search(s, 3), p.search(s, 4, 6), p.match(s, 4), p.match(s, 3))
print(p.fullmatch(s, 4, 7), p.fullmatch(s, 4, 8), p.search(s, 100), p.search(s, -5, 3))
print(p.findall(s, 2, 9), [m.span() for m in p.finditer(s, 1, 10)])
m = p.search(s, 4, 6)
print(m.pos, m.endpos, m.string)
print(re.compile('$').search('abc', 0, 2), re.compile('^b').search('abc', 1), re.compile('(?m)^b').search('a\nb', 1))
print(re.compile(r'\bb').search('ab', 1), re.compile(r'(?<=a)b').search('ab', 1), re.compile(r'b\b').search('abc', 0, 2))
print(re.compile('a').search('aaa', 2, 1), re.compile('').findall('abc', 2, 1), re.compile('').findall('abc', 5, 10))

print('--- Match reprs')
print(re.match('a' * 60, 'a' * 70))
print(re.search('x+', 'zzxxxzz'))
print(re.search('\n', 'a\nb'))
print(re.search("'", "it's"))
print(re.search('.', '\u00e9'))
print(re.search(b'.', b'\xff'))
print(re.search('', ''))
