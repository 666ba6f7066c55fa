# Tests for os.path (posixpath): run with pystm and CPython 3.11, outputs
# must be byte-identical.  Only paths relative to the test's own directory
# are printed.
import sys
# The modules under test live one directory up (pystm does not ship them yet).
import os
import os.path
import posixpath
import stat

HERE = os.path.dirname(os.path.abspath(__file__))
# One scratch directory per process (the pystm test harness runs a program in
# several modes at once); it is printed as <TMP>.
TMP = os.path.join(HERE, 'tmpdir_posixpath_%d' % os.getpid())
LINKS = os.path.join(HERE, '_os_links')  # symlink fixture made by check.sh (ln -s)


def show(label, fn, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
    except Exception as e:
        print(label, '!!', type(e).__name__, str(e))
    else:
        print(label, '->', repr(r))


def rel(p):
    """A path printed relative to the tests directory."""
    if isinstance(p, bytes):
        return os.fsencode(rel(os.fsdecode(p)))
    if p == TMP or p.startswith(TMP + '/'):
        return '<TMP>' + p[len(TMP):]
    if p == HERE:
        return '<HERE>'
    if p.startswith(HERE + '/'):
        return '<HERE>/' + p[len(HERE) + 1:]
    return p


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print('== module')
print(os.path is posixpath, os.path.__name__)
for name in ['sep', 'altsep', 'curdir', 'pardir', 'extsep', 'pathsep',
             'defpath', 'devnull', 'supports_unicode_filenames']:
    print(name, repr(getattr(posixpath, name)))
for name in ['normcase', 'isabs', 'join', 'split', 'splitext', 'splitdrive',
             'basename', 'dirname', 'islink', 'exists', 'lexists', 'isdir',
             'isfile', 'ismount', 'getsize', 'getmtime', 'getatime',
             'getctime', 'samefile', 'samestat', 'sameopenfile', 'expanduser',
             'expandvars', 'normpath', 'abspath', 'realpath', 'relpath',
             'commonprefix', 'commonpath']:
    print(name, callable(getattr(posixpath, name)), name in posixpath.__all__)

print('== normcase / isabs / splitdrive')
for p in ['', 'a', '/a', '//a', 'A/B', b'/x', b'x', P('/p'), P(b'q')]:
    show('normcase %r' % (p if not isinstance(p, P) else 'P'), posixpath.normcase, p)
    show('isabs', posixpath.isabs, p)
    show('splitdrive', posixpath.splitdrive, p)
show('isabs int', posixpath.isabs, 3)
show('normcase None', posixpath.normcase, None)

print('== join')
J = [
    ('a',), ('',), ('/',), ('a', 'b'), ('a/', 'b'), ('a//', 'b'), ('a', ''),
    ('a', '', ''), ('', 'a'), ('', '', 'a'), ('a', '/b'), ('a', '/b', 'c'),
    ('/a', 'b/', 'c'), ('a', 'b', '/'), ('a', '//b', 'c'), ('.', '..'),
    ('a', 'b/c', 'd/'), ('/', 'a'), ('//', 'a'), ('a', 'b', '', 'c', ''),
    (b'a', b'b'), (b'a', b'/b', b'c'), (b'', b'x'), (b'x/',),
]
for args in J:
    show('join%r' % (args,), posixpath.join, *args)
show('join P', posixpath.join, P('a'), P('b'), 'c')
show('join P bytes', posixpath.join, P(b'a'), b'b')
show('join str+bytes', posixpath.join, 'a', b'b')
show('join bytes+str', posixpath.join, b'a', 'b')
show('join str+int', posixpath.join, 'a', 1)
show('join int', posixpath.join, 1)
show('join int+str', posixpath.join, 1, 'a')
show('join str+None', posixpath.join, 'a', None)
show('join str+list', posixpath.join, 'a', ['b'])
show('join str+P(bytes)', posixpath.join, 'a', P(b'b'))
show('join bytes+P(str)', posixpath.join, b'a', P('b'))
show('join str+bytes+int', posixpath.join, 'a', b'b', 3)
show('join none', posixpath.join)
show('join single list', posixpath.join, ['a'])

print('== split / basename / dirname')
S = ['', '/', '//', '///', 'a', 'a/', 'a/b', 'a/b/', '/a', '/a/b', '//a',
     '//a/b', '///a/b//', 'a//b', 'a///b/c', '.', '..', '../a', 'a/..',
     '/a/./b', 'foo.bar/baz', ' / ', 'é/ü',
     b'', b'/', b'a/b', b'//a//b', b'a/', b'x']
for p in S:
    show('split %r' % (p,), posixpath.split, p)
    show('basename', posixpath.basename, p)
    show('dirname', posixpath.dirname, p)
show('split P', posixpath.split, P('x/y'))
show('basename P', posixpath.basename, P(b'x/y'))
show('dirname P', posixpath.dirname, P('/x/y/'))
show('split int', posixpath.split, 5)
show('basename None', posixpath.basename, None)
show('dirname list', posixpath.dirname, ['a'])

print('== splitext')
E = ['', 'a', 'a.b', 'a.b.c', '.a', '..a', '...a', '.a.b', '..a.b', 'a.',
     'a..', '.', '..', '...', 'a/b.c', 'a.b/c', 'a.b/.c', 'a.b/..c',
     'a.b/c.', '/.bashrc', '/x/.tar.gz', 'x.tar.gz', 'a/.b.c', 'a/..b..',
     '.a/', 'a.b/', 'a/.', 'a/..', 'name.ext/', 'foo.py.bak',
     b'', b'a.b', b'.a', b'..a.b', b'x/y.z', b'x.y/z', b'a.']
for p in E:
    show('splitext %r' % (p,), posixpath.splitext, p)
show('splitext P', posixpath.splitext, P('f.txt'))
show('splitext int', posixpath.splitext, 1)

print('== normpath')
N = ['', '.', '..', '/', '//', '///', '////', '/.', '/..', '//..', '///..',
     'a', 'a/', 'a//', 'a/.', 'a/..', 'a/../..', 'a/b/../../..',
     '../a', '../../a/b', '/../a', '//../a', '///../a', 'a/./b', 'a/b/./c/.',
     '//a', '//a/', '//a//b', '///a', '///a///b', '/a/b/../c', 'a/../b/../c',
     './a', '././a', 'a/b/c/../../d', '../..', '../../', 'a/b/..//c',
     '/./a/./b/./', '/a/../../b', 'a/../../b', '..//..', './/..',
     '..a/b..', 'a/...', '.../..', '// /a', ' / ', '/a//b//../c',
     b'', b'.', b'/', b'//', b'///a/../b', b'a/./b/../c', b'../x', b'//x/..']
for p in N:
    show('normpath %r' % (p,), posixpath.normpath, p)
show('normpath P', posixpath.normpath, P('a//b'))
show('normpath int', posixpath.normpath, 3)
show('normpath None', posixpath.normpath, None)

print('== commonprefix')
CP = [[], ['a'], ['abc', 'abd'], ['/usr/lib', '/usr/local'],
      ['', 'a'], ['a', 'a'], ['abc', 'ab', 'abcd'], [b'ab', b'ac'],
      [['a', 'b'], ['a', 'c']], [('x', 'y'), ('x', 'y', 'z')],
      ['/home/swen', '/home/swen/spam'], ['a/b', 'a/b/'], ('p', 'q')]
for m in CP:
    show('commonprefix %r' % (m,), posixpath.commonprefix, m)
show('commonprefix P', posixpath.commonprefix, [P('abc'), P('abd')])
show('commonprefix mixed', posixpath.commonprefix, ['a', b'a'])
show('commonprefix ints', posixpath.commonprefix, [1, 2])

print('== commonpath')
CM = [['/usr/lib', '/usr/local'], ['/usr/lib/', '/usr/lib'],
      ['usr/lib', 'usr/local/x'], ['/a'], ['a'], ['/', '/a'],
      ['', 'a'], ['a/./b', 'a/b/c'], ['./a', 'a'], ['/a//b', '/a/b/c'],
      ['/ab', '/abc'], ['a', 'b'], ['/a', '/b'],
      [b'/x/y', b'/x/z'], [b'x', b'x/y'], ('/t/u', '/t/v', '/t/u/w')]
for m in CM:
    show('commonpath %r' % (m,), posixpath.commonpath, m)
show('commonpath empty', posixpath.commonpath, [])
show('commonpath mix abs', posixpath.commonpath, ['/a', 'a'])
show('commonpath mix types', posixpath.commonpath, ['/a', b'/a'])
show('commonpath mix types2', posixpath.commonpath, [b'/a', '/a'])
show('commonpath int', posixpath.commonpath, ['/a', 3])
show('commonpath P', posixpath.commonpath, [P('/a/b'), '/a/c'])
show('commonpath iterator', posixpath.commonpath, iter(['/a/b', '/a/c']))

print('== expanduser')
home = os.environ.get('HOME')
os.environ['HOME'] = '/home/tester'
for p in ['~', '~/', '~/x', '~//x', 'x/~', '', '/~', '~root', '~root/x',
          '~nosuchuser_zz', '~nosuchuser_zz/x', b'~', b'~/y', b'~root/z',
          b'q~']:
    show('expanduser %r' % (p,), posixpath.expanduser, p)
os.environ['HOME'] = '/'
show('expanduser HOME=/ ~', posixpath.expanduser, '~')
show('expanduser HOME=/ ~/a', posixpath.expanduser, '~/a')
os.environ['HOME'] = '/home/slash/'
show('expanduser trailing', posixpath.expanduser, '~/b')
show('expanduser trailing bytes', posixpath.expanduser, b'~/b')
os.environ['HOME'] = ''
show('expanduser empty HOME', posixpath.expanduser, '~/c')
show('expanduser empty HOME alone', posixpath.expanduser, '~')
if home is None:
    del os.environ['HOME']
else:
    os.environ['HOME'] = home
saved_home = os.environ.pop('HOME', None)
# HOME unset: the password database (pwd, or /etc/passwd on pystm) decides.
r = posixpath.expanduser('~/x')
print('expanduser no HOME', r.startswith('/'), r.endswith('/x'), r != '~/x',
      posixpath.expanduser(b'~') == os.fsencode(posixpath.expanduser('~')))
if saved_home is not None:
    os.environ['HOME'] = saved_home
show('expanduser P', posixpath.expanduser, P('x'))
show('expanduser int', posixpath.expanduser, 1)

print('== expandvars')
os.environ['PP_FOO'] = 'foo'
os.environ['PP_BAR'] = 'bar'
os.environ['PP_EMPTY'] = ''
os.environ['_'] = 'underscore'
os.environ['PP_DOLLAR'] = '$PP_FOO'
if 'PP_UNSET' in os.environ:
    del os.environ['PP_UNSET']
V = ['', 'plain', '$', '$$', '$PP_FOO', '${PP_FOO}', '$PP_FOO$PP_BAR',
     '${PP_FOO}${PP_BAR}', 'a$PP_FOO/b', 'a${PP_FOO}b', '$PP_FOOx',
     '${PP_FOO}x', '$PP_UNSET', '${PP_UNSET}', '$PP_UNSET/$PP_FOO', '${',
     '${PP_FOO', '${PP_FOO}}', '{$PP_FOO}', '$ {PP_FOO}', '$PP_EMPTY|',
     '$PP_DOLLAR', '${}', '$.', '$-x', '$PP_FOO.txt', '$1', '$_', '$__x',
     '$PP_FOO$', 'x$', '$$PP_FOO', '${PP_FOO${PP_BAR}}', '${PP FOO}',
     '$éx', '${PP_FOO}/${PP_BAR}/$PP_UNSET',
     b'$PP_FOO', b'${PP_BAR}/x', b'$PP_UNSET', b'plain', b'$', b'${}']
for p in V:
    show('expandvars %r' % (p,), posixpath.expandvars, p)
show('expandvars P', posixpath.expandvars, P('$PP_FOO'))
show('expandvars int', posixpath.expandvars, 2)
for k in ['PP_FOO', 'PP_BAR', 'PP_EMPTY', 'PP_DOLLAR']:
    del os.environ[k]
show('expandvars after del', posixpath.expandvars, '$PP_FOO')

print('== file system setup')
if os.path.exists(TMP):
    for root, dirs, files in os.walk(TMP, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            p = os.path.join(root, d)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(TMP)
os.mkdir(TMP)
os.mkdir(os.path.join(TMP, 'sub'))
os.mkdir(os.path.join(TMP, 'sub', 'deeper'))
with open(os.path.join(TMP, 'file.txt'), 'w') as f:
    f.write('hello world\n')
with open(os.path.join(TMP, 'sub', 'empty'), 'w') as f:
    pass
saved_cwd = os.getcwd()
os.chdir(TMP)
print(rel(os.getcwd()))

print('== exists / isdir / isfile / islink / lexists')
Q = ['.', '..', 'file.txt', 'sub', 'sub/', 'sub/empty', 'sub/deeper',
     'missing', 'file.txt/', 'file.txt/x', '', 'sub/../file.txt',
     b'file.txt', b'sub', b'missing', P('sub'), 'nul\0here', b'nul\0b']
for q in Q:
    label = q if not isinstance(q, P) else 'P(sub)'
    print(repr(label), posixpath.exists(q), posixpath.isdir(q),
          posixpath.isfile(q), posixpath.islink(q), posixpath.lexists(q))
show('exists int-list', posixpath.exists, [1])
show('isdir None', posixpath.isdir, None)

print('== getsize etc.')
show('getsize file', posixpath.getsize, 'file.txt')
show('getsize empty', posixpath.getsize, 'sub/empty')
show('getsize missing', posixpath.getsize, 'missing')
show('getsize bytes', posixpath.getsize, b'file.txt')
for fn in (posixpath.getmtime, posixpath.getatime, posixpath.getctime):
    t = fn('file.txt')
    print(fn.__name__, type(t).__name__, t > 1e9, t == fn(P('file.txt')))
show('getmtime missing', posixpath.getmtime, 'missing')
print('mtime matches stat', posixpath.getmtime('file.txt') == os.stat('file.txt').st_mtime)

print('== samefile / samestat')
show('samefile same', posixpath.samefile, 'file.txt', './file.txt')
show('samefile dir', posixpath.samefile, 'sub/..', '.')
show('samefile abs', posixpath.samefile, os.path.abspath('sub'), 'sub')
show('samefile diff', posixpath.samefile, 'file.txt', 'sub')
show('samefile missing', posixpath.samefile, 'file.txt', 'missing')
show('samestat', posixpath.samestat, os.stat('sub'), os.stat('sub/deeper/..'))

print('== ismount')
show('ismount /', posixpath.ismount, '/')
show('ismount b/', posixpath.ismount, b'/')
show('ismount .', posixpath.ismount, '.')
show('ismount sub', posixpath.ismount, 'sub')
show('ismount missing', posixpath.ismount, 'missing')
show('ismount file', posixpath.ismount, 'file.txt')
show('ismount /proc', posixpath.ismount, '/proc')

print('== abspath')
for p in ['', '.', 'x', 'sub/../y', './a/./b', '..', '..' + '/' * 3, '../../' + os.path.basename(HERE) + '/.',
          '/abs/../x', '//dbl', b'x', b'', P('pp')]:
    show('abspath %r' % (p if not isinstance(p, P) else 'P'),
         lambda q: rel(posixpath.abspath(q)), p)
show('abspath int', posixpath.abspath, 1)

print('== realpath (no links)')
for p in ['', '.', 'file.txt', 'sub/deeper/../empty', 'missing/x/..',
          '/', '//', '/..', b'sub', b'.']:
    show('realpath %r' % (p,), lambda q: rel(posixpath.realpath(q)), p)
show('realpath ../<TMP>', lambda q: rel(posixpath.realpath(q)), '../' + os.path.basename(TMP))
show('realpath strict missing', posixpath.realpath, 'missing', strict=True)
show('realpath strict ok', lambda q: rel(posixpath.realpath(q, strict=True)), 'sub')
show('realpath int', posixpath.realpath, 3)

print('== relpath')
R = [('a',), ('a', 'a'), ('a/b', 'a'), ('a', 'a/b'), ('a/b/c', 'a/x/y'),
     ('/a/b', '/a/c'), ('/', '/a/b'), ('/a/b', '/'),
     ('sub/deeper',), ('..',), ('../..', 'sub'), ('.', 'sub/deeper'),
     ('/usr/lib', '/usr/lib/python'), ('a', None), (b'a/b', b'a'),
     (b'x',), ('//a', '/a'), ('a/./b', 'a/b/../b')]
for args in R:
    show('relpath%r' % (args,), posixpath.relpath, *args)
show("relpath('x', '/')", lambda: rel('/' + posixpath.relpath('x', '/')))
show('relpath empty', posixpath.relpath, '')
show('relpath empty bytes', posixpath.relpath, b'')
show('relpath None', posixpath.relpath, None)
show('relpath mix', posixpath.relpath, 'a', b'b')
show('relpath mix2', posixpath.relpath, b'a', 'b')
show('relpath int start', posixpath.relpath, 'a', 3)
show('relpath int', posixpath.relpath, 3)
show('relpath P', posixpath.relpath, P('a/b'), P('a'))
show('relpath empty start', posixpath.relpath, 'a', '')

print('== symlinks')
if os.path.isdir(LINKS):
    os.chdir(LINKS)
    for p in ['target_dir', 'link_dir', 'link_file', 'dangling', 'loop1',
              'chain', 'rel_up', 'abs_link', 'link_dir/f.txt',
              'chain/f.txt', 'missing']:
        print(repr(p), posixpath.exists(p), posixpath.lexists(p),
              posixpath.islink(p), posixpath.isdir(p), posixpath.isfile(p))
        show('  realpath', lambda q: rel(posixpath.realpath(q)), p)
    for p in ['link_dir/../target_dir', 'chain/../x', 'loop1/x', 'loop2',
              'dangling/x', 'abs_link/f.txt', 'rel_up/f.txt', b'chain',
              b'loop1', 'link_file/..']:
        show('realpath %r' % (p,), lambda q: rel(posixpath.realpath(q)), p)
    show('realpath strict loop', posixpath.realpath, 'loop1', strict=True)
    show('realpath strict dangling', posixpath.realpath, 'dangling', strict=True)
    show('realpath strict chain', lambda q: rel(posixpath.realpath(q, strict=True)), 'chain/f.txt')
    show('readlink', os.readlink, 'link_dir')
    show('readlink bytes', os.readlink, b'chain')
    show('readlink notlink', os.readlink, 'target_dir')
    show('samefile link', posixpath.samefile, 'link_dir', 'target_dir')
    show('ismount link', posixpath.ismount, 'link_dir')
    show('getsize link', posixpath.getsize, 'link_file')
    os.chdir(TMP)
else:
    print('no symlink fixture (run check.sh)')

print('== teardown')
os.chdir(saved_cwd)
os.unlink(os.path.join(TMP, 'sub', 'empty'))
os.rmdir(os.path.join(TMP, 'sub', 'deeper'))
os.rmdir(os.path.join(TMP, 'sub'))
os.unlink(os.path.join(TMP, 'file.txt'))
os.rmdir(TMP)
print(os.path.exists(TMP))
print('done')
