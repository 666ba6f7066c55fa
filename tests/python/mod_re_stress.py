# Long subjects: no recursion-depth blowups, reasonable behaviour.
# pystm-test: no-gc-stress (a regex stress program: the collector in stress mode makes it minutes)
import re

s = 'a' * 100000
print(len(re.match(r'a*', s).group()), len(re.match(r'a+?', s).group()), len(re.match(r'a*?$', s).group()))
print(re.match(r'(a)*', s).span(1), re.match(r'(?:a|b)*', s).end(), re.match(r'(?:aa)*', s).end())
print(re.match(r'(a|b)*c', s + 'c').span(), re.match(r'(?:a)+?c', 'a' * 5000 + 'c').span())
print(re.fullmatch(r'a*', s) is not None, re.search(r'a*b', s[:3000]), re.search(r'a{3}b', 'a' * 2000))
print(re.match(r'.*', s).end(), re.match(r'(.)*', s).span(1), re.match(r'(?s).*$', s + '\n').end())
print(re.match(r'(?:a(?=a))*', s).end(), re.match(r'(?>a*)', s).end(), re.match(r'a++', s).end())
print(re.match(r'((a)|b)*', 'ab' * 20000).span(2))
print(re.match(r'(\w+\s?)*$', 'word ' * 3000).span(1))
text = ('The quick brown fox jumps over the lazy dog. ' * 2000) + 'END'
print(len(re.findall(r'\w+', text)), len(re.findall(r'\b\w{5}\b', text)), re.findall(r'[A-Z]\w+', text)[-2:])
print(len(re.sub(r'\s+', ' ', text)), re.subn(r'o', '0', text)[1], len(re.split(r'\.\s*', text)))
print(re.search(r'END$', text), re.search(r'lazy cat', text), re.search(r'(?i)end', text).span())
print(len(re.findall(r'(\w)(\w)', text)), len(re.findall(r'', 'x' * 1000)), len(re.split(r'', 'x' * 1000)))
print(len(re.findall(r'(?<=o)\w', text)), len(re.findall(r'\w+(?= )', text)), len(re.findall(r'o(?!x)', text)))
lines = '\n'.join('line %d: value=%d' % (i, i * i) for i in range(5000))
print(len(re.findall(r'(?m)^line (\d+): value=(\d+)$', lines)), re.findall(r'(?m)^line 4999.*$', lines))
print(sum(int(v) for v in re.findall(r'value=(\d+)', lines)))
nested = '(' * 50 + 'x' + ')' * 50
print(re.fullmatch(r'(\()*x(\))*', nested).span(1), re.match(r'((((((((((a))))))))))', 'a').groups())
deep = ''.join('(?:' for _ in range(40)) + 'a' + ')' * 40
print(re.match(deep, 'a'), re.compile('|'.join('w%d' % i for i in range(500))).search('xx w499 yy'))
print(re.match(r'(x+x+)+y', 'x' * 12), len(re.findall(r'\d+', '1 22 333 ' * 5000)))
u = 'é' * 50000
print(len(re.match(r'é*', u).group()), len(re.findall(r'\w', u)), re.search(r'éx', u), re.search('é$', u).span())
b = b'ab' * 30000
print(len(re.findall(rb'ab', b)), re.match(rb'(?:ab)*', b).end())
