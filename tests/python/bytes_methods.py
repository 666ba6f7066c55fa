# bytes methods and codecs, against CPython 3.11.


def t(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


b = b'  Hello, World! hello\tworld\n'
t('find', lambda: (b.find(b'o'), b.find(b'o', 6), b.find(b'o', 6, 8), b.find(111), b.find(b'zz'), b.find(b'')))
t('rfind', lambda: (b.rfind(b'o'), b.rfind(b'l', 0, 5), b.rfind(b''), b.rfind(b'', 3)))
t('index', lambda: b.index(b'World'))
t('index missing', lambda: b.index(b'xyz'))
t('rindex missing', lambda: b.rindex(b'xyz'))
t('find int range', lambda: b.find(300))
t('find str', lambda: b.find('o'))
t('count', lambda: (b.count(b'l'), b.count(b'll'), b.count(b''), b.count(b'o', 10), b'aaaa'.count(b'aa')))
t('startswith', lambda: (b.startswith(b'  H'), b.startswith((b'x', b'  ')), b.startswith(b'Hello', 2), b.endswith(b'\n'), b.endswith(b'world', 0, -1)))
t('startswith str', lambda: b.startswith('x'))
t('split', lambda: (b.split(), b.split(b','), b.split(b'l', 2), b'a,,b,'.split(b','), b''.split(), b''.split(b',')))
t('split kw', lambda: b'a b c d'.split(maxsplit=2))
t('rsplit', lambda: (b'a b c d'.rsplit(None, 2), b'a,b,c'.rsplit(b',', 1), b'  a  b  '.rsplit(None, 1)))
t('split empty sep', lambda: b'abc'.split(b''))
t('splitlines', lambda: (b'a\nb\r\nc\rd'.splitlines(), b'a\nb\r\n'.splitlines(True), b'a\n\nb'.splitlines(keepends=False)))
t('strip', lambda: (b.strip(), b.lstrip(), b.rstrip(), b'xxhixx'.strip(b'x'), b'abcba'.strip(b'ab'), b'  '.strip()))
t('replace', lambda: (b'aaa'.replace(b'a', b'bb'), b'aaa'.replace(b'a', b'b', 2), b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2)))
t('partition', lambda: (b'a=b=c'.partition(b'='), b'a=b=c'.rpartition(b'='), b'abc'.partition(b'='), b'abc'.rpartition(b'=')))
t('case', lambda: (b'Hello World'.upper(), b'Hello World'.lower(), b'Hello World'.swapcase(), b'hELLO wORLD'.capitalize(), b'hello world-foo bar'.title()))
t('predicates', lambda: [(x, x.isdigit(), x.isalpha(), x.isalnum(), x.isspace(), x.isupper(), x.islower(), x.isascii(), x.istitle())
                        for x in [b'123', b'abc', b'ABC', b'aB1', b' \t', b'', b'Hello World', b'\xff']])
t('pad', lambda: (b'ab'.ljust(5), b'ab'.rjust(5, b'*'), b'ab'.center(5), b'abc'.center(6, b'-'), b'ab'.center(7), b'-42'.zfill(6), b'+7'.zfill(4), b'abc'.zfill(2)))
t('pad bad fill', lambda: b'ab'.ljust(5, b'**'))
t('expandtabs', lambda: (b'a\tb\tc'.expandtabs(), b'ab\tc\nd\te'.expandtabs(4), b'\t'.expandtabs(tabsize=2)))
t('prefix', lambda: (b'test_x'.removeprefix(b'test_'), b'x.py'.removesuffix(b'.py'), b'x'.removeprefix(b'y')))
t('fromhex', lambda: (bytes.fromhex('00ff 10 Ab'), bytes.fromhex(''), bytes.fromhex(' 01  02 ')))
t('fromhex bad', lambda: bytes.fromhex('0g'))
t('fromhex odd', lambda: bytes.fromhex('abc'))
t('hex', lambda: b'\x00\xffab'.hex())
t('translate', lambda: (b'hello'.translate(bytes.maketrans(b'el', b'ip')), b'hello'.translate(None, b'l'), b'hello'.translate(None, delete=b'ho')))
t('maketrans bad', lambda: bytes.maketrans(b'ab', b'c'))
t('mod', lambda: (b'%d items, %s, %5.2f, %x, %r' % (3, b'abc', 2.5, 255, b'q'), b'%s' % b'x', b'%(a)s-%(b)d' % {b'a': b'A', b'b': 2}, b'100%%' % ()))
t('mod str', lambda: b'%s' % 'text')
t('join', lambda: b', '.join([b'a', b'b', b'c']))

# codecs
s = 'héllo wörld €'
for enc in ['utf-8', 'UTF8', 'latin-1', 'ascii', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf_32_be', 'iso-8859-1']:
    t('encode ' + enc, lambda: s.encode(enc))
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    t('encode ascii ' + errors, lambda: s.encode('ascii', errors))
    t('encode latin-1 ' + errors, lambda: s.encode('latin-1', errors=errors))
t('encode unknown', lambda: s.encode('klingon'))
t('encode bad errors', lambda: 'é'.encode('ascii', 'nope'))
t('encode surrogate pair', lambda: '𝄞'.encode('utf-16-le'))
data = s.encode('utf-8')
for enc in ['utf-8', 'latin-1', 'ascii']:
    t('decode ' + enc, lambda: data.decode(enc))
    for errors in ['ignore', 'replace', 'backslashreplace']:
        t('decode %s %s' % (enc, errors), lambda: data.decode(enc, errors))
t('decode utf-16 roundtrip', lambda: s.encode('utf-16').decode('utf-16'))
t('decode utf-32 roundtrip', lambda: ('x' + s).encode('utf-32-be').decode('utf-32-be'))
t('decode truncated utf-8', lambda: b'ab\xe2\x82'.decode())
t('decode bad continuation', lambda: b'\xe2\x28\xa1'.decode('utf-8'))
t('decode overlong', lambda: b'\xc0\xaf'.decode())
t('decode surrogate', lambda: b'\xed\xa0\x80'.decode())
t('decode kw', lambda: b'caf\xe9'.decode(encoding='latin-1'))
t('decode odd utf-16', lambda: b'a\x00b'.decode('utf-16-le'))
t('bytes from str', lambda: (bytes('é', 'utf-8'), bytes('é', 'latin-1'), bytes('abc', encoding='ascii')))
t('bytes str no enc', lambda: bytes('abc'))
t('bytes enc no str', lambda: bytes(3, 'utf-8'))
t('bytes unencodable', lambda: bytes('é', 'ascii'))
t('str(bytes, enc)', lambda: str(b'caf\xc3\xa9', 'utf-8'))


class B(bytes):
    pass


x = B(b'abc,def')
t('subclass', lambda: (x.split(b','), x.upper(), type(x.upper()).__name__, B.fromhex('41').__class__.__name__))
