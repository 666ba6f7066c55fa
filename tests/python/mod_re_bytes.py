# bytes patterns (ASCII semantics).
# pystm-test: no-gc-stress (a regex stress program: the collector in stress mode makes it minutes)
import re

data = b'GET /index.html HTTP/1.1\r\nHost: example.com\r\nX-Val: \xe9\xff\r\n\r\n'
print(re.match(rb'(\w+) (\S+) HTTP/(\d)\.(\d)', data).groups())
print(re.findall(rb'^([\w-]+): (.*?)\r$', data, re.M))
print(re.findall(rb'\w+', b'caf\xe9 na\xefve 123'))
print(re.findall(rb'[\x80-\xff]+', data))
print(re.sub(rb'\s+', b' ', data))
print(re.sub(rb'(\w+)@(\w+)', rb'\2 at \1', b'joe@host bob@server'))
print(re.sub(b'a', lambda m: m.group() * 2, b'banana'))
print(re.split(rb'\r\n', data))
print(re.split(rb'(:) ', b'a: b: c'))
print(re.search(b'(?i)HOST', data), re.search(b'(?i)\xe9', b'\xc9'), re.search(b'(?i)[\xe0-\xff]', b'\xc0'))
print(re.findall(rb'\d+', b'a1 b22 \xd9\xa3'), re.findall(rb'\s', b' \t\n\r\x0b\x0c\x1c\x85\xa0'))
print(re.fullmatch(rb'[\x00-\xff]*', bytes(range(256))) is not None)
m = re.search(rb'(?P<k>\w+)=(?P<v>\w*)', b'--key=val--')
print(m, m.group(), m.group('k'), m.groups(), m.groupdict(), m.span('v'), m.string, m.re)
print(m.expand(rb'\g<v>:\g<k>'), m[1], m.lastgroup)
p = re.compile(rb'\bx\b')
print(p, p.pattern, p.flags, p.findall(b'x ax x'), p.subn(b'y', b'x ax x'))
print(re.escape(b'1+1=2?'), re.compile(re.escape(b'a.b')).match(b'a.b'))
print(re.findall(b'', b'ab'), re.sub(b'x*', b'-', b'abxd'), re.split(rb'\b', b'a b'))
print(re.findall(rb'(a)(b)?', b'abab a'))
print(list(m.span() for m in re.finditer(rb'.', b'a\nb')), re.match(rb'.', b'\n', re.S))
print(re.search(rb'[^a-z]', b'abc\xe9'), re.search(rb'\W', b'ab\xe9'))
big = b'word ' * 20000 + b'\xff'
print(len(re.findall(rb'\w+', big)), len(re.sub(rb' ', b'', big)))
