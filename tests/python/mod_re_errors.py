# re.error messages, positions and attributes.
import re

bad = [
    '(', '((a)', 'a)', '(a))', ')', '*', '+a', '?', '{1}a' if False else 'a**', 'a*+*', 'a{1}{2}' if False else 'x??+',
    '[a', '[', '[]', '[^]', '[a-', '[z-a]', r'[\d-z]', r'[a-\d]', r'[\w-\d]',
    '(?P<name>a)(?P<name>b)', '(?P<1a>x)', '(?P<>x)', '(?P<a', '(?P=x)', '(?P=1)', '(?P=a b)',
    '(?P<a>a(?P=a))', '(?Px)', '(?P', '(?', '(?<', '(?<x)', '(?z)', '(?i', '(?i-', '(?-', '(?-z:a)',
    '(?#comment', '(?#ok)a', r'\1', r'(a)\2', r'(a\1)', r'\8', r'\400', r'\777', r'[\400]',
    r'\x', r'\x1', r'\xg1', r'\u12', r'\U1234567', r'\U00110000', r'\N{DASH}', r'\q', r'[\q]', r'\_' if False else r'\e',
    '\\', 'a\\', r'(?<=a*)b', r'(?<=a|bc)d', r'(?<!a+)b', r'(?<=(a)\1)b' if False else r'(?<=a{1,2})b',
    'a{2,1}', 'a{99999999999}', 'x{1,99999999999}', '(?(1)a', '(?(1)a|b|c)', '(?(a)x)', '(?(0)a)', '(?(1x)a)',
    '(a)(?(3)x)', '(?<=(?P<g>a))(?P=g)' if False else '(?<=\\1)(a)', '(?i', '(?ix', 'a|*', '(|*)',
    '^*', '$+', r'\A*', r'\b+', '(?=a)*',
    'abc\n(def', 'line1\nline2\n)', 'a\n\n[bc',
]
for pat in bad:
    try:
        re.compile(pat)
        print('%-22r OK' % (pat,))
    except re.error as e:
        print('%-22r error: %s | msg=%r pos=%r lineno=%r colno=%r pattern=%r' % (
            pat, e, e.msg, e.pos, e.lineno, e.colno, e.pattern == pat))
    except OverflowError as e:
        print('%-22r OverflowError: %s' % (pat, e))

print('--- bytes pattern errors')
for pat in [b'(', b'[a', b'\\u1234', b'\\xff(', b'(?u)a', b'a\n)']:
    try:
        re.compile(pat)
        print(pat, 'OK')
    except re.error as e:
        print(pat, 'error:', e, e.pos, e.lineno, e.colno, e.pattern)

print('--- error object')
e = re.error('boom')
print(e, repr(e), e.msg, e.pattern, e.pos, e.lineno, e.colno)
e = re.error('boom', 'ab\ncd', 4)
print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__name__, re.error.__module__)
try:
    re.compile('(')
except Exception as ex:
    print(type(ex).__name__, isinstance(ex, re.error), ex.args)

print('--- template errors')
for repl in [r'\1', r'\g<1>', r'\g<name>', r'\g<0>', r'\g<01>', r'\g<a-b>', r'\g<>', r'\g<1', r'\g1',
             r'\400', r'\7', r'\w', r'\ ', '\\', r'\g<99999999999>']:
    try:
        print(repr(repl), repr(re.sub(r'(?P<name>x)', repl, 'axb')))
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)
m = re.match('(a)', 'a')
try:
    m.expand(r'\2')
except re.error as e:
    print('expand', e)
