# Partial reads keep the rest of the file for the next read (binary: bytes, text: characters).
# Marker line: héllo wörld €€ 𝄞 (non-ASCII characters for text reads)
with open(__file__, 'rb') as f:
    a = f.read(5)
    b = f.read(0)
    c = f.readline()
    d = f.read(7)
    rest = f.read()
    print(a, b, len(c), d)
    print(len(rest), f.read(), f.read(3))

with open(__file__) as f:
    first = f.readline()
    print(repr(first))
    line2 = f.read(20)
    print(repr(line2))
    print(repr(f.readline()))
    text = f.read(-1)
    print(len(text), text.count('\n'))

with open(__file__) as f:
    for line in f:
        if line.startswith('# Marker'):
            break
    print(repr(f.read(4)))
    print(repr(f.readline()))
    print(sum(1 for _ in f))

with open(__file__) as f:
    s = ''
    while True:
        ch = f.read(3)
        if not ch:
            break
        s += ch
    print(len(s), s.splitlines()[1])
    try:
        f.read('x')
    except TypeError as e:
        print('TypeError', e)
    print(repr(f.read(None)))
