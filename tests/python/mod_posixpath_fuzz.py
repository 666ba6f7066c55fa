# Randomised (but seeded, so deterministic) comparison of the pure os.path
# functions: the same inputs go through pystm's posixpath and CPython's,
# and every result (or error) is printed.  pystm's random module gives
# CPython's numbers, so both runs see the same inputs.
import sys
# The modules under test live one directory up (pystm does not ship them yet).
import os
import posixpath
import random

HERE = os.path.dirname(os.path.abspath(__file__))
os.environ.update({'FZ_A': 'va', 'FZ_B_1': '$FZ_A', 'FZ_EMPTY': '', 'HOME': '/home/fz'})
TOKS = ['a', 'b', '.', '..', '/', '/', '//', '$', '{', '}', '~', 'x_1', ' ',
        'é', 'FZ_A', 'FZ_B_1', '$FZ_A', '${FZ_A}', 'FZ_EMPTY', '-', 'root',
        '\\', '.txt', '.tar.gz']
R = random.Random(20240611)


def rnd():
    return ''.join(R.choice(TOKS) for _ in range(R.randint(0, 7)))


def call(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        return '!! %s %s' % (type(e).__name__, e)
    if isinstance(r, str):
        r = r.replace(HERE, '<HERE>')
    elif isinstance(r, bytes):
        r = r.replace(os.fsencode(HERE), b'<HERE>')
    return repr(r)


# Relative paths are taken from '/', so results do not depend on where the
# tests directory is.
os.chdir('/')
for it in range(400):
    p, q = rnd(), rnd()
    if R.random() < 0.25:
        p, q = p.encode(), q.encode()
    print('#%d %r %r' % (it, p, q))
    for name, args in [('normpath', (p,)), ('split', (p,)), ('splitext', (p,)),
                       ('basename', (p,)), ('dirname', (p,)), ('isabs', (p,)),
                       ('join', (p, q)), ('join', (q, p, q)),
                       ('commonprefix', ([p, q],)), ('commonpath', ([p, q],)),
                       ('relpath', (p, q)), ('relpath', (p,)),
                       ('expandvars', (p,)), ('expanduser', (p,)),
                       ('abspath', (p,)), ('realpath', (p,)),
                       ('exists', (p,)), ('isdir', (p,))]:
        print(' ', name, call(getattr(posixpath, name), *args))
