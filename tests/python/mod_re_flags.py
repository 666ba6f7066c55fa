# Flags: module constants, RegexFlag behaviour, inline and scoped flags.
import re

print('--- RegexFlag')
for f in [re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, re.L, re.T, re.DEBUG, re.NOFLAG]:
    print(repr(f), str(f), int(f), f == int(f))
print(re.I | re.M, re.M | re.I, re.I | re.S | re.X, re.I | 1024, repr(re.I & re.M))
print(int(re.I | re.M), re.I | re.M == 10, (re.I | re.M) & re.M, re.I ^ re.I)
print(type(re.I | re.M).__name__, type(re.I | 2).__name__, type(2 | re.I).__name__)
print(re.I + 1, type(re.I + 1).__name__, re.I * 2, '%s %d %r' % (re.I, re.I, re.I), f'{re.I} {re.M:d}')
print(isinstance(re.I, int), isinstance(re.I, re.RegexFlag), re.RegexFlag(2), re.RegexFlag(10))
print(sorted([re.M, re.I, re.S]), hash(re.I) == hash(2), {re.I: 1}[2])
print(re.IGNORECASE.value, re.MULTILINE.name)

print('--- IGNORECASE')
for pat, s in [('abc', 'ABC'), ('[a-z]+', 'HeLLo'), ('[^a-z]+', 'ABC123'), (r'\w+', 'ÉCOLE'),
               ('straße', 'STRASSE'), ('stra(ß|ss)e', 'STRASSE'), ('é', 'É'), ('[é]', 'É'),
               ('k', '\u212a'), ('[k]', '\u212a'), ('\u212a', 'k'), ('s', '\u017f'), ('\u017f', 'S'),
               ('i', '\u0130'), ('i', '\u0131'), ('\u0131', 'I'), ('[i]', 'I'), ('\u03c3', '\u03c2'),
               ('\u03a3+', '\u03c3\u03c2\u03a3'), ('[\u03c3]+', '\u03c2\u03a3'), ('(a)\\1', 'aA'),
               ('[A-Z]+', 'abcXYZ'), ('[k-m]', '\u212a'), ('[\u0100-\u0200]+', '\u0101\u0100'),
               (r'[^\W\d]+', 'ÀbC1'), ('a{2}', 'Aa'), ('[\u1f80]', '\u1f88'), ('\u1f88', '\u1f80'),
               ('ǅ', 'ǆ'), ('Ǆ', 'ǅ'), ('µ', 'μ'), ('μ', 'Μ'), ('ß', 'ẞ'), ('[ß-ß]', 'ẞ'),
               ('[a-z]+', 'İı'), ('x[a-c]*y', 'XaBcY')]:
    m = re.search(pat, s, re.I)
    print(repr(pat), repr(s), m and m.group())
print(re.findall('(?i)[a-f]+', 'DeadBeef Cafe'), re.sub('(?i)cat', 'dog', 'Cat CAT cAt'))
print(re.search('A', 'a', re.I | re.A), re.search('é', 'É', re.I | re.A), re.search('k', '\u212a', re.I | re.A))
print(re.search('[a-z]', 'K', re.I | re.A), re.search('(?ai)\u212a', 'k'))

print('--- MULTILINE')
s = 'one\ntwo\nthree\n'
print(re.findall('^\\w', s), re.findall('^\\w', s, re.M), re.findall('\\w$', s), re.findall('\\w$', s, re.M))
print(re.findall(r'^$', '\n\n', re.M), re.findall(r'^', '', re.M), re.findall(r'$', 'a\n', re.M))
print(re.search(r'\Aone', s, re.M), re.search(r'three\Z', s, re.M), re.search(r'three$', s))

print('--- DOTALL')
print(re.findall('a.b', 'a\nb acb'), re.findall('a.b', 'a\nb acb', re.S), re.findall('(?s)a.b', 'a\nb'))
print(re.match('.*', 'ab\ncd').group(), re.match('.*', 'ab\ncd', re.DOTALL).group())

print('--- VERBOSE')
p = re.compile(r'''
    (?P<int> \d+ )      # integer part
    (?: \. (?P<frac>\d+) )?  # optional fraction
    \ *                 # escaped space is kept
    [ ]? (?P<unit> [a-z]+ ) # char class space kept
''', re.X)
for s in ['12.5 kg', '7m', '3  cm']:
    m = p.match(s)
    print(s, m and m.groupdict())
print(re.match(r'(?x) a b c # comment', 'abc'), re.match(r'(?x)a\ b', 'a b'), re.match(r'(?x)[ ]', ' '))
print(re.match('(?x)a#b\nc', 'ac'), re.match(r'(?x) a {2}', 'aa'), re.match('(?x)a{1, 2}', 'a{1,2}'))
print(re.match('a b(?-x: c d)', 'abc d', re.X), re.match('a(?x: b c )d', 'abcd'))

print('--- ASCII / UNICODE')
for pat in [r'\w+', r'\d+', r'\s+', r'\W+', r'\b\w+\b']:
    s = 'naïve café ٣٤ x\u2003y'
    print(pat, re.findall(pat, s), re.findall(pat, s, re.A), re.findall('(?a)' + pat, s), re.findall(pat, s, re.U))
print(re.findall(r'(?a:\w+) \w+', 'é é é'), re.findall(r'(?u:\w)', 'é', re.A) if False else '')

print('--- inline / scoped flags')
for pat, s in [('(?i)abc', 'ABC'), ('a(?i)bc' if False else '(?i:a)bc', 'Abc'), ('(?i:a)bc', 'ABC'),
               ('(?-i:a)bc', 'aBC'), ('(?i)(?-i:a)bc', 'aBC'), ('(?i)(?-i:a)bc', 'ABC'),
               ('(?m)^b', 'a\nb'), ('(?s).', '\n'), ('(?s:.)(.)', '\n\n'), ('(?ims)^a.', 'A\n'),
               ('(?x: a )b', 'ab'), ('(?i:(?-i:a)b)', 'aB'), ('(?im-s:^a.)', 'A\n'), ('(?a:\\w)', 'é'),
               ('(?i)[^a]', 'A'), ('(?i)x(?-i)y' if False else '(?i)x(?-i:y)', 'XY')]:
    try:
        m = re.search(pat, s)
        print(repr(pat), repr(s), m and m.group())
    except re.error as e:
        print(repr(pat), 'ERROR', e)
print(re.compile('(?i)a').flags, re.compile('(?m)a', re.S).flags, re.compile('(?x)a').flags, re.compile('(?a)a').flags)
print(re.compile('(?L)a'.encode()).flags if False else re.compile(b'(?L)a').flags, re.compile(b'a', re.L).flags)
for pat in ['a(?i)b', '(?i', '(?z)', '(?i-i:a)', '(?-a:x)', '(?au)x', '(?i-:x)', '(?-)x', '(?i:x', '(?u)x'.encode(), '(?L)x', '(?t:x)']:
    try:
        re.compile(pat)
        print(repr(pat), 'ok')
    except re.error as e:
        print(repr(pat), 'error:', e)
for flags in [re.A | re.U, re.L]:
    try:
        re.compile('x', flags)
    except ValueError as e:
        print('ValueError', e)
try:
    re.compile(b'x', re.U)
except ValueError as e:
    print('ValueError', e)
