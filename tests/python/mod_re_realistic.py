# Realistic uses: tokenizer, log parsing, CSV-ish splitting, emails, VERBOSE.
import re
from collections import namedtuple, Counter

print('--- tokenizer (named groups + finditer)')
Token = namedtuple('Token', ['type', 'value', 'line', 'column'])


def tokenize(code):
    keywords = {'IF', 'THEN', 'ENDIF', 'FOR', 'NEXT', 'GOSUB', 'RETURN'}
    token_specification = [
        ('NUMBER',   r'\d+(\.\d*)?'),  # Integer or decimal number
        ('ASSIGN',   r':='),           # Assignment operator
        ('END',      r';'),            # Statement terminator
        ('ID',       r'[A-Za-z]+'),    # Identifiers
        ('OP',       r'[+\-*/]'),      # Arithmetic operators
        ('NEWLINE',  r'\n'),           # Line endings
        ('SKIP',     r'[ \t]+'),       # Skip over spaces and tabs
        ('MISMATCH', r'.'),            # Any other character
    ]
    tok_regex = '|'.join('(?P<%s>%s)' % pair for pair in token_specification)
    line_num = 1
    line_start = 0
    for mo in re.finditer(tok_regex, code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'ID' and value in keywords:
            kind = value
        elif kind == 'NEWLINE':
            line_start = mo.end()
            line_num += 1
            continue
        elif kind == 'SKIP':
            continue
        elif kind == 'MISMATCH':
            value = repr(value)
        yield Token(kind, value, line_num, column)


statements = '''
    IF quantity THEN
        total := total + price * quantity;
        tax := price * 0.05;
    ENDIF;
    x := 3.75 ? 1;
'''
for token in tokenize(statements):
    print(token)

print('--- expression tokenizer with Pattern.match(pos)')
tok = re.compile(r'\s*(?:(?P<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>\*\*|[-+*/()^,=]))')
src = 'result = 2 ** 10 + sqrt(x1, 3.5e-2) * (y - 4)'
pos = 0
out = []
while pos < len(src):
    m = tok.match(src, pos)
    if not m:
        out.append(('ERR', src[pos:]))
        break
    out.append((m.lastgroup, m.group(m.lastgroup)))
    pos = m.end()
print(out)

print('--- log parsing')
LOG = '''\
2024-01-15 10:23:45,123 INFO  [main] server.Http - Started on port 8080
2024-01-15 10:23:46,001 WARN  [pool-1] db.Conn - Slow query: 1532 ms (SELECT * FROM users)
2024-01-15 10:24:02,777 ERROR [pool-2] api.Handler - Request failed: status=500 path=/api/v1/items?id=42
2024-01-15 10:24:03,010 DEBUG [main] cache.Lru - hit ratio 0.93
garbage line without structure
2024-01-15 10:25:00,000 ERROR [pool-1] api.Handler - Request failed: status=404 path=/missing
'''
line_re = re.compile(r'''
    ^(?P<date>\d{4}-\d{2}-\d{2})\s
    (?P<time>\d{2}:\d{2}:\d{2}),(?P<ms>\d{3})\s
    (?P<level>[A-Z]+)\s+
    \[(?P<thread>[^\]]+)\]\s
    (?P<logger>[\w.]+)\s-\s
    (?P<msg>.*)$''', re.VERBOSE | re.MULTILINE)
levels = Counter()
for m in line_re.finditer(LOG):
    levels[m['level']] += 1
    print(m.group('time', 'level', 'logger'), repr(m['msg'][:30]))
print(sorted(levels.items()))
print(re.findall(r'status=(\d+) path=(\S+)', LOG))
print(re.findall(r'(?m)^(?!\d{4}-).*$', LOG))
print(re.sub(r'\d{4}-(\d{2})-(\d{2})', r'\2/\1', LOG.splitlines()[0]))
durations = [int(x) for x in re.findall(r'(\d+) ms\b', LOG)]
print(durations)

print('--- CSV-ish splitting')
rows = ['a,b,c', 'a, b ,c', '"quoted, field",2,3', 'x;y;z', 'one,,three,', ' lead , trail ']
for row in rows:
    print(repr(row), re.split(r'\s*[,;]\s*', row.strip()))
csv_field = re.compile(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)')
for row in ['a,"b,c",d', '"x""y",,z', '', ',']:
    print(repr(row), csv_field.findall(row))
print(re.split(r'(?<!\\),', r'a,b\,c,d'))
print(re.split(r'\s+', '  leading and trailing  '), re.split(r'\s+', 'a b  c', maxsplit=1))
print(re.split(r'(\d+)', 'abc12def345ghi'))
print(re.split(r'[\r\n]+', 'l1\r\nl2\n\nl3'))

print('--- email-like patterns')
emails = 'Contact: john.doe@example.com, jane_doe+news@mail.example.co.uk; bad@, @bad.com, x@y.z, "me"@quoted.org'
email_re = re.compile(r'\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b')
print(email_re.findall(emails))
print([m.span() for m in email_re.finditer(emails)])
parts = re.compile(r'(?P<user>[\w.+-]+)@(?P<domain>(?:[\w-]+\.)+(?P<tld>[a-z]{2,}))', re.I)
for m in parts.finditer(emails):
    print(m.groupdict())
print(re.sub(r'([\w.+-]+)@([\w.-]+)', lambda m: m.group(1)[0] + '***@' + m.group(2), emails))
print(bool(re.fullmatch(r'[\w.+-]+@[\w-]+(\.[\w-]+)+', 'a.b@c.d')), bool(re.fullmatch(r'[\w.+-]+@[\w-]+(\.[\w-]+)+', 'a.b@c')))

print('--- sub with function / templates')
def title(m):
    w = m.group(0)
    return w[:1].upper() + w[1:].lower()
print(re.sub(r'[A-Za-z]+', title, 'hELLO wORLD, this IS a tEST'))
print(re.sub(r'(\d+)([kmg])b', lambda m: str(int(m.group(1)) * {'k': 1, 'm': 1000, 'g': 1000000}[m.group(2)]) + 'kb', '5kb 3mb 2gb'))
print(re.sub(r'\$\{(\w+)\}', lambda m: {'name': 'World', 'n': '3'}.get(m.group(1), m.group(0)), 'Hello ${name}, you have ${n} ${unknown}'))
print(re.sub(r'(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)', r'\g<d>.\g<m>.\g<y>', 'from 2023-12-31 to 2024-01-01'))
camel = re.compile(r'(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])')
for name in ['camelCaseString', 'HTTPServerError', 'getHTTPResponseCode', 'simple', 'ABC']:
    print(name, camel.sub('_', name).lower(), camel.split(name))
print(re.sub(r'_(\w)', lambda m: m.group(1).upper(), 'snake_case_to_camel'))
print(re.sub(r'(?m)^\s+|\s+$', '', '  line one  \n   line two\t\n'))
print(re.subn(r'\b(\w+)(\s+\1\b)+', r'\1', 'the the quick brown brown brown fox'))

print('--- VERBOSE patterns')
phone = re.compile(r'''
    ^\s*
    (?:\+?(?P<country>\d{1,3})[\s.-]*)?   # country code
    \(?(?P<area>\d{3})\)?                  # area code
    [\s.-]*
    (?P<exchange>\d{3})                    # exchange
    [\s.-]*
    (?P<number>\d{4})                      # number
    (?:\s*(?:x|ext\.?)\s*(?P<ext>\d+))?    # extension
    \s*$
''', re.VERBOSE | re.IGNORECASE)
for s in ['(555) 123-4567', '+1 555.123.4567 ext. 89', '555-1234', '1-800-555-0199 X 7']:
    m = phone.match(s)
    print(repr(s), m.groupdict() if m else None)
float_re = re.compile(r"""
    [-+]?            # sign
    (?: \d+ \.? \d*  # 1. 1.5
      | \. \d+ )     # .5
    (?: [eE] [-+]? \d+ )?
""", re.X)
print(float_re.findall('1 -2.5 +.5 3e10 4.E-2 x.y 1.2.3'))
url = re.compile(r'''(?x)
    (?P<scheme>https?)://
    (?P<host>[^/:\s]+)
    (?::(?P<port>\d+))?
    (?P<path>/[^?#\s]*)?
    (?:\?(?P<query>[^#\s]*))?
    (?:\#(?P<frag>\S*))?
''')
for s in ['see https://example.com:8080/a/b?x=1&y=2#top now', 'http://host', 'ftp://no']:
    m = url.search(s)
    print(m.groupdict() if m else None)
print(dict(re.findall(r'(\w+)=([^&]*)', 'x=1&y=2&empty=&z=3')))

print('--- misc realistic')
html = '<p class="a">Hello <b>World</b></p><br/><img src="x.png" alt=\'pic\'>'
print(re.findall(r'<(\w+)[^>]*>', html), re.findall(r'</(\w+)>', html))
print(re.findall(r'(\w+)=(["\'])(.*?)\2', html))
print(re.sub(r'<[^>]+>', '', html))
print(re.findall(r'\b\d{1,3}(?:\.\d{1,3}){3}\b', 'ips: 10.0.0.1, 192.168.1.255 and 1.2.3'))
print(re.findall(r'#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b', 'colors #fff #123456 #abcd #12345G'))
print(re.match(r'^(\d+)\.(\d+)\.(\d+)(?:-([\w.]+))?(?:\+([\w.]+))?$', '1.2.3-beta.1+build.5').groups())
words = re.findall(r"[a-z']+", "It's a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.".lower())
print(Counter(words).most_common(3))
print(re.sub(r'(\d)(?=(\d{3})+(?!\d))', r'\1,', '1234567 and 1000 and 999'))
print(re.findall(r'"([^"\\]*(?:\\.[^"\\]*)*)"', r'say "hello \"there\"" and "bye"'))
