# Tests for os: run with pystm and CPython 3.11, outputs must be
# byte-identical.  No pids, inode numbers, times or absolute paths are
# printed (only comparisons, and paths relative to the tests directory).
import sys
# The modules under test live one directory up (pystm does not ship them yet).
import os
import os.path
from os import path as os_path
import stat
from collections.abc import Mapping, MutableMapping

HERE = os.path.dirname(os.path.abspath(__file__))
# One scratch directory per process (the pystm test harness runs a program in
# several modes at once); it is printed as <TMP>.
TMP = os.path.join(HERE, 'tmpdir_os_%d' % os.getpid())
LINKS = os.path.join(HERE, '_os_links')  # symlink fixture made by check.sh (ln -s)


def show(label, fn, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
    except Exception as e:
        print(label, '!!', type(e).__name__, rel(str(e)))
    else:
        print(label, '->', repr(r))


def rel(p):
    if isinstance(p, bytes):
        return os.fsencode(rel(os.fsdecode(p)))
    return p.replace(TMP, '<TMP>').replace(HERE, '<HERE>')


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


def rmtree(top):
    if not os.path.lexists(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            p = os.path.join(root, d)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(top)


def touch(p, data=''):
    with open(p, 'w') as f:
        f.write(data)


print('== constants')
for name in ['name', 'sep', 'altsep', 'extsep', 'pathsep', 'linesep',
             'curdir', 'pardir', 'devnull', 'defpath', 'F_OK', 'R_OK',
             'W_OK', 'X_OK', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
             'supports_bytes_environ']:
    print(name, repr(getattr(os, name)))
print('error is OSError', os.error is OSError)
print('os.path', os.path is os_path, os.path is sys.modules['os.path'],
      os.path.__name__, os.path.join('a', 'b'))
for name in ['supports_dir_fd', 'supports_fd', 'supports_effective_ids',
             'supports_follow_symlinks']:
    print(name, type(getattr(os, name)).__name__)
for name in ['getcwd', 'getcwdb', 'chdir', 'getpid', 'getppid', 'getuid',
             'cpu_count', 'listdir', 'mkdir', 'makedirs', 'rmdir',
             'removedirs', 'remove', 'unlink', 'rename', 'replace', 'renames',
             'stat', 'lstat', 'walk', 'scandir', 'fspath', 'fsencode',
             'fsdecode', 'urandom', 'strerror', 'isatty', 'access', 'getenv',
             'getenvb', 'putenv', 'unsetenv', 'get_terminal_size',
             'readlink', 'get_exec_path']:
    print(name, callable(getattr(os, name)), name in os.__all__)

print('== process info')
print('getpid', type(os.getpid()).__name__, os.getpid() == os.getpid(), os.getpid() > 0)
print('getppid', type(os.getppid()).__name__, os.getppid() > 0, os.getppid() != os.getpid())
print('getuid', type(os.getuid()).__name__, os.getuid() >= 0)
n = os.cpu_count()
print('cpu_count', type(n).__name__, n >= 1)
show('strerror 2', os.strerror, 2)
show('strerror 13', os.strerror, 13)
show('strerror 17', os.strerror, 17)
show('isatty -1', os.isatty, -1)
show('isatty 9999', os.isatty, 9999)
r = os.urandom(16)
print('urandom', type(r).__name__, len(r), os.urandom(0))
show('urandom -1', os.urandom, -1)

print('== fspath / PathLike / fsencode / fsdecode')


class NoneFs:
    __fspath__ = None


class BadFs:
    def __fspath__(self):
        return 42


class RaiseFs:
    def __fspath__(self):
        raise AttributeError('inner')


class SubStr(str):
    pass


for v in ['s', b'b', P('p'), P(b'pb'), SubStr('sub')]:
    show('fspath', os.fspath, v)
for v in [1, None, [1], NoneFs(), BadFs(), RaiseFs(), P(3)]:
    show('fspath %s' % type(v).__name__, os.fspath, v)
print('isinstance', isinstance(P('x'), os.PathLike), isinstance('x', os.PathLike),
      isinstance(b'x', os.PathLike), isinstance(NoneFs(), os.PathLike),
      isinstance(BadFs(), os.PathLike), isinstance(3, os.PathLike))
print('issubclass', issubclass(P, os.PathLike), issubclass(str, os.PathLike),
      issubclass(os.DirEntry, os.PathLike), issubclass(NoneFs, os.PathLike))


class MyPath(os.PathLike):
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return 'my/' + self.p


class Incomplete(os.PathLike):
    pass


print('MyPath', os.fspath(MyPath('x')), isinstance(MyPath('y'), os.PathLike),
      os.path.join(MyPath('a'), 'b'))
show('Incomplete()', Incomplete)
for v in ['abc', 'é/ü', b'abc', b'\xc3\xa9', P('p'), P(b'q'), '']:
    show('fsencode', os.fsencode, v)
    show('fsdecode', os.fsdecode, v)
show('fsencode int', os.fsencode, 1)
show('fsdecode None', os.fsdecode, None)

print('== environ')
print('types', type(os.environ).__name__, isinstance(os.environ, MutableMapping),
      isinstance(os.environ, Mapping), isinstance(os.environ, dict))
for k in ['OS_T_A', 'OS_T_B', 'OS_T_C', 'OS_T_D']:
    if k in os.environ:
        del os.environ[k]
os.environ['OS_T_A'] = 'alpha'
print('get', os.environ['OS_T_A'], os.environ.get('OS_T_A'), os.getenv('OS_T_A'))
print('missing', os.environ.get('OS_T_B'), os.getenv('OS_T_B'), os.getenv('OS_T_B', 'dflt'))
print('contains', 'OS_T_A' in os.environ, 'OS_T_B' in os.environ)
print('repr', repr(os.environ).startswith('environ({'), repr(os.environ).endswith('})'),
      "'OS_T_A': 'alpha'" in repr(os.environ))
print('keys', 'OS_T_A' in list(os.environ), 'OS_T_A' in os.environ.keys(),
      ('OS_T_A', 'alpha') in os.environ.items(), 'alpha' in os.environ.values())
print('len', len(os.environ) == len(list(os.environ)) == len(os.environ.copy()))
c = os.environ.copy()
print('copy', type(c).__name__, c['OS_T_A'])
print('setdefault', os.environ.setdefault('OS_T_B', 'beta'), os.environ.setdefault('OS_T_B', 'other'))
print('pop', os.environ.pop('OS_T_B'), os.environ.pop('OS_T_B', 'gone'))
os.environ.update({'OS_T_C': 'gamma'}, OS_T_D='delta')
print('update', os.environ['OS_T_C'], os.environ['OS_T_D'])
merged = os.environ | {'OS_T_E': 'eps'}
print('or', type(merged).__name__, merged['OS_T_E'], 'OS_T_E' in os.environ)
rmerged = {'OS_T_A': 'x', 'zz': 'y'} | os.environ
print('ror', type(rmerged).__name__, rmerged['OS_T_A'], rmerged['zz'])
os.environ |= {'OS_T_C': 'gamma2'}
print('ior', os.environ['OS_T_C'])
del os.environ['OS_T_C']
print('deleted', 'OS_T_C' in os.environ)
show('del missing', os.environ.__delitem__, 'OS_T_C')
show('getitem missing', os.environ.__getitem__, 'OS_T_C')
show('set int key', os.environ.__setitem__, 1, 'x')
show('set int value', os.environ.__setitem__, 'OS_T_X', 1)
show('set bytes', os.environ.__setitem__, b'OS_T_X', b'x')
show('contains int', lambda: 1 in os.environ)
show('get int', os.environ.get, 1)
print('environb', os.environb[b'OS_T_A'], os.getenvb(b'OS_T_A'), os.getenvb(b'OS_T_NO'),
      os.getenvb(b'OS_T_NO', b'd'))
os.environb[b'OS_T_C'] = b'from bytes'
print('environb set', os.environ['OS_T_C'], b'OS_T_C' in os.environb)
del os.environb[b'OS_T_C']
print('environb del', 'OS_T_C' in os.environ)
show('environb str key', os.environb.__setitem__, 'k', b'v')
show('environb str value', os.environb.__setitem__, b'k', 'v')
show('environb get str', os.environb.__getitem__, 'OS_T_A')
print('environb repr', "b'OS_T_A': b'alpha'" in repr(os.environb))
for k in ['OS_T_A', 'OS_T_D']:
    os.environ.pop(k)
print('cleaned', [k for k in os.environ if k.startswith('OS_T_')])
print('putenv ok', os.putenv('OS_T_P', 'v'), os.putenv(b'OS_T_P', b'v2'),
      os.putenv(P('OS_T_P'), 'v3'), 'OS_T_P' in os.environ)
print('unsetenv ok', os.unsetenv('OS_T_P'), os.unsetenv(b'OS_T_P'), os.unsetenv('OS_T_NEVER'))
for args in [('A=B', 'c'), ('', 'c'), ('a\0', 'b'), ('a', 'b\0'), (1, 'b'),
             ('a', None), (b'=x', b'y')]:
    show('putenv %r' % (args,), os.putenv, *args)
for arg in ['A=B', '', 'a\0', 1, None]:
    show('unsetenv %r' % (arg,), os.unsetenv, arg)
show('environ set A=B', os.environ.__setitem__, 'A=B', 'c')
print('after bad set', 'A=B' in os.environ)
print('get_exec_path', os.get_exec_path({'PATH': '/x:/y'}), os.get_exec_path({}),
      os.get_exec_path({b'PATH': b'/b1:/b2'}))
show('get_exec_path both', os.get_exec_path, {'PATH': '/x', b'PATH': b'/y'})
print('get_exec_path env', os.get_exec_path() == os.environ.get('PATH', os.defpath).split(':'))

print('== terminal_size')
ts = os.terminal_size((100, 40))
print(ts, ts.columns, ts.lines, ts[0], ts[1], len(ts), tuple(ts), ts == (100, 40))
print(os.terminal_size.n_fields, os.terminal_size.n_sequence_fields)
show('terminal_size short', os.terminal_size, (1,))
show('terminal_size long', os.terminal_size, (1, 2, 3))
try:
    sz = os.get_terminal_size()
except OSError:
    # CPython asks the terminal and fails when stdout is not one; pystm
    # answers from COLUMNS/LINES or 80x24.
    print('get_terminal_size', True, 2)
else:
    print('get_terminal_size', type(sz) is os.terminal_size, len(sz))

print('== stat_result')
sr = os.stat_result((0o100644, 2, 3, 1, 5, 6, 7, 8, 9, 10))
print(repr(sr))
print(sr.st_mode, sr.st_size, sr.st_atime, sr.st_mtime, sr.st_ctime, sr.st_atime_ns,
      sr.st_blksize, sr[7], sr[-1], sr[2:5], len(sr), list(sr) == list(range(0, 0)) or tuple(sr))
print('eq', sr == (0o100644, 2, 3, 1, 5, 6, 7, 8, 9, 10), isinstance(sr, tuple), hash(sr) == hash(tuple(sr)))
sr2 = os.stat_result(range(16))
print(repr(sr2), sr2.st_atime, sr2.st_mtime, sr2.st_ctime, sr2.st_atime_ns, sr2.st_ctime_ns, sr2.st_rdev)
sr3 = os.stat_result(range(10), {'st_atime': 3.5, 'st_blksize': 4096})
print(sr3.st_atime, sr3.st_mtime, sr3.st_blksize)
print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
show('stat_result short', os.stat_result, range(9))
show('stat_result long', os.stat_result, range(20))
show('setattr st_mode', setattr, sr, 'st_mode', 1)
show('setattr new', setattr, sr, 'foo', 1)
show('setattr n_fields', setattr, sr, 'n_fields', 1)
show('getattr missing', getattr, sr, 'foo')
print('hasattr', hasattr(sr, 'st_mtime_ns'), hasattr(sr, 'st_flags'))
print('unpack', *os.stat_result(range(10)))

print('== setup')
rmtree(TMP)
saved_cwd = os.getcwd()
os.mkdir(TMP)
os.chdir(TMP)
print('cwd', rel(os.getcwd()), rel(os.getcwdb()), os.getcwdb() == os.fsencode(os.getcwd()))
touch('file.txt', 'twelve bytes')
touch('empty')
os.mkdir('d1')
os.mkdir('d1/d2')
touch('d1/d2/leaf.txt', 'x')
touch('d1/top.txt', 'yy')
os.mkdir('private', 0o700)

print('== stat')
st = os.stat('file.txt')
print(type(st).__name__, type(st) is os.stat_result, len(st), isinstance(st, tuple))
print('mode', oct(stat.S_IFMT(st.st_mode)), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode),
      st.st_mode == st[0], st.st_size, st[6], st.st_nlink)
print('uid', st.st_uid == os.getuid(), st[4] == st.st_uid, st.st_gid == st[5])
print('ino', st.st_ino == st[1], st.st_dev == st[2], type(st.st_ino).__name__)
for f in ['st_atime', 'st_mtime', 'st_ctime']:
    v = getattr(st, f)
    print(f, type(v).__name__, v > 1e9)
print('int times', [type(x).__name__ for x in st[7:]], st[8] == int(st.st_mtime), st[7] <= st.st_atime)
print('ns', type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8],
      abs(st.st_mtime_ns / 1e9 - st.st_mtime) < 1e-3)
rp = repr(st)
print('repr', rp.startswith('os.stat_result(st_mode=%d, st_ino=' % st.st_mode),
      ('st_size=12, st_atime=%d, st_mtime=%d, st_ctime=%d)' % st[7:]) in rp)
print('eq', st == os.stat('file.txt') or 'atime changed', st == tuple(st))
sd = os.stat('d1')
print('dir', stat.S_ISDIR(sd.st_mode), stat.filemode(os.stat('private').st_mode),
      oct(stat.S_IMODE(os.stat('private').st_mode)))
print('same', os.stat('d1/d2/..') == sd, os.stat(b'd1').st_ino == sd.st_ino,
      os.stat(P('d1')).st_ino == sd.st_ino, os.lstat('d1').st_ino == sd.st_ino)
print('follow', os.stat('d1', follow_symlinks=False).st_ino == sd.st_ino)
show('stat missing', os.stat, 'missing')
show('stat missing bytes', os.stat, b'missing')
show('stat notdir', os.stat, 'file.txt/x')
show('stat empty', os.stat, '')
show('stat list', os.stat, [1])
show('stat None', os.stat, None)
show('stat nul', os.stat, 'a\0b')
show('lstat list', os.lstat, [1])
show('lstat missing', os.lstat, 'nope')
show('stat P(int)', os.stat, P(5))

print('== listdir')
print(sorted(os.listdir('.')), sorted(os.listdir()), sorted(os.listdir(None)))
print(sorted(os.listdir(b'.')), sorted(os.listdir(P('d1'))), sorted(os.listdir(P(b'd1'))))
print(sorted(os.listdir('d1/')), os.listdir('d1/d2'), os.listdir('private'))
show('listdir missing', os.listdir, 'missing')
show('listdir file', os.listdir, 'file.txt')
show('listdir list', os.listdir, [1])
show('listdir nul', os.listdir, 'x\0')

print('== mkdir / rmdir / makedirs / removedirs')
show('mkdir exists', os.mkdir, 'd1')
show('mkdir exists file', os.mkdir, 'file.txt')
show('mkdir no parent', os.mkdir, 'nop/e')
show('mkdir under file', os.mkdir, 'file.txt/x')
show('mkdir int', os.mkdir, 3)
show('mkdir nul', os.mkdir, 'a\0')
show('mkdir bytes', os.mkdir, b'bdir')
print('bdir', os.path.isdir('bdir'))
show('rmdir nonempty', os.rmdir, 'd1')
show('rmdir missing', os.rmdir, 'missing')
show('rmdir file', os.rmdir, 'file.txt')
show('rmdir bytes', os.rmdir, b'bdir')
show('rmdir None', os.rmdir, None)
show('makedirs deep', os.makedirs, 'm1/m2/m3')
print(os.path.isdir('m1/m2/m3'))
show('makedirs exists', os.makedirs, 'm1/m2/m3')
show('makedirs exist_ok', os.makedirs, 'm1/m2/m3', exist_ok=True)
show('makedirs exist_ok partial', os.makedirs, 'm1/m2/n3', exist_ok=True)
show('makedirs trailing slash', os.makedirs, 'm1/t1/t2/')
show('makedirs dot tail', os.makedirs, 'm1/dt/.')
print('dot tail made', os.path.isdir('m1/dt'))
show('makedirs file exist_ok', os.makedirs, 'file.txt', exist_ok=True)
show('makedirs under file', os.makedirs, 'file.txt/sub/x')
show('makedirs bytes', os.makedirs, b'mb/x/y')
show('makedirs P', os.makedirs, P('mp/q'))
show('makedirs mode', os.makedirs, 'mm/n', 0o700)
print('mode', oct(stat.S_IMODE(os.stat('mm/n').st_mode)))
print(sorted(os.listdir('m1')), sorted(os.listdir('m1/m2')))
show('removedirs', os.removedirs, 'm1/m2/m3')
print('after removedirs', os.path.exists('m1/m2/m3'), os.path.exists('m1/m2'), sorted(os.listdir('m1/m2')))
show('removedirs n3', os.removedirs, 'm1/m2/n3')
print('m2 gone', os.path.exists('m1/m2'), sorted(os.listdir('m1')))
show('removedirs t2 trailing', os.removedirs, 'm1/t1/t2/')
show('removedirs dt', os.removedirs, 'm1/dt')
print('m1 gone', os.path.exists('m1'))
show('removedirs bytes', os.removedirs, b'mb/x/y')
show('removedirs P', os.removedirs, 'mp/q')
show('removedirs mm', os.removedirs, 'mm/n')
show('removedirs missing', os.removedirs, 'nothere/x')
print('left', sorted(os.listdir('.')))

print('== remove / unlink / rename / replace / renames')
touch('r1', 'r1')
touch('r2', 'r2')
show('rename', os.rename, 'r1', 'r1b')
print(sorted(x for x in os.listdir('.') if x.startswith('r')))
show('replace', os.replace, 'r1b', 'r2')
with open('r2') as f:
    print('r2 has', f.read())
show('rename missing', os.rename, 'nope', 'x')
show('replace missing', os.replace, 'nope', 'x')
show('rename dir onto file', os.rename, 'd1', 'r2')
show('rename into missing dir', os.rename, 'r2', 'nodir/r2')
show('rename list', os.rename, [1], 'x')
show('rename list dst', os.rename, 'r2', [1])
show('rename mixed', os.rename, 'r2', b'r3')
show('rename bytes', os.rename, b'r2', b'r3')
show('renames', os.renames, 'r3', 'ra/rb/r4')
print('renames made', os.path.isfile('ra/rb/r4'))
os.makedirs('rx/ry')
touch('rx/ry/f', 'z')
show('renames prune', os.renames, 'rx/ry/f', 'ra/f2')
print('pruned', os.path.exists('rx'), sorted(os.listdir('ra')))
show('remove', os.remove, 'ra/f2')
show('unlink', os.unlink, 'ra/rb/r4')
show('unlink bytes', os.unlink, b'empty')
show('remove missing', os.remove, 'ra/f2')
show('unlink dir', os.unlink, 'ra')
show('remove dir', os.remove, 'd1')
show('unlink int', os.unlink, 5)
show('remove nul', os.remove, 'x\0')
os.removedirs('ra/rb')
print('left', sorted(os.listdir('.')))

print('== access')
for p in ['file.txt', 'd1', 'missing', b'file.txt', P('d1')]:
    print(repr(p if not isinstance(p, P) else 'P'), os.access(p, os.F_OK), os.access(p, os.R_OK),
          os.access(p, os.X_OK) == os.access(p, os.X_OK))
print('dir x', os.access('d1', os.X_OK), os.access('d1', os.R_OK | os.X_OK))
show('access list', os.access, [1], os.F_OK)
show('access nul', os.access, 'a\0', os.F_OK)

print('== scandir')
with os.scandir('.') as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, rel(e.path), e.is_dir(), e.is_file(), e.is_symlink(),
          e.stat().st_size if e.is_file() else '-', os.fspath(e) == e.path,
          e.inode() == os.lstat(e.path).st_ino, isinstance(e, os.PathLike),
          e.stat(follow_symlinks=False).st_mode == os.lstat(e.path).st_mode)
print([e.path for e in sorted(os.scandir(), key=lambda e: e.name)][:2])
print([e.path for e in sorted(os.scandir(TMP + '/'), key=lambda e: e.name)][:1] ==
      [TMP + '/d1'])
print(sorted((e.name, e.path) for e in os.scandir(b'd1')))
print(sorted((e.name, e.path) for e in os.scandir(P('d1'))))
print(sorted((e.name, e.path) for e in os.scandir('d1//')))
it = os.scandir('d1')
print('iter is self', iter(it) is it, type(it).__name__)
first = next(it)
it.close()
print('after close', list(it))
with os.scandir('d1') as it2:
    pass
print('closed by with', list(it2))
show('scandir missing', os.scandir, 'missing')
show('scandir file', os.scandir, 'file.txt')
show('scandir list', os.scandir, [1])
show('DirEntry()', os.DirEntry)
print('DirEntry names', os.DirEntry.__name__, type(first).__name__)
print('reprs', repr(os.DirEntry), repr(type(it)), repr(os.PathLike), repr(os.stat_result),
      repr(os.terminal_size), repr(type(os.environ)))
print('generic', repr(os.PathLike[str]), repr(os.DirEntry[bytes]))
print('os.path.join(entry)', os.path.join(first, 'x') == first.path + '/x')

print('== walk')
os.makedirs('w/a/aa')
os.makedirs('w/b')
os.makedirs('w/c/cc/ccc')
touch('w/f0')
touch('w/a/f1')
touch('w/a/aa/f2')
touch('w/c/cc/f3')
touch('w/c/cc/ccc/f4')


def dump(gen):
    for root, dirs, files in gen:
        dirs.sort()
        print('  ', rel(root) if isinstance(root, str) else root, sorted(dirs), sorted(files))


print('topdown')
dump(os.walk('w'))
print('topdown abs')
dump(os.walk(os.path.join(TMP, 'w')))
print('bottomup')
res = [(r, sorted(d), sorted(f)) for r, d, f in os.walk('w', topdown=False)]
order = [r for r, d, f in res]
print('  ', sorted(res))
print('   children before parents', all(order.index(r) < order.index(os.path.dirname(r))
                                         for r in order if r != 'w'))
print('pruned')
for root, dirs, files in os.walk('w'):
    dirs[:] = sorted(d for d in dirs if d != 'c')
    print('  ', root, dirs, sorted(files))
print('bytes')
dump(os.walk(b'w/c'))
print('PathLike')
dump(os.walk(P('w/a')))
print('trailing slash')
dump(os.walk('w/c/'))
errors = []
print('missing', list(os.walk('missing')), list(os.walk('missing', onerror=errors.append)))
print('onerror', [(type(e).__name__, e.errno, e.filename) for e in errors])
print('on file', list(os.walk('file.txt')))
gen = os.walk('w')
print('lazy', type(gen).__name__)

print('== symlinks')
if os.path.isdir(LINKS):
    os.chdir(LINKS)
    for p in ['link_dir', 'link_file', 'dangling', 'loop1', 'target_dir']:
        print(p, stat.S_ISLNK(os.lstat(p).st_mode), os.path.islink(p))
        show('  stat', lambda q: stat.filemode(os.stat(q).st_mode)[0], p)
        show('  readlink', lambda q: rel(os.readlink(q)), p)
    print('stat vs lstat', os.stat('link_dir').st_ino == os.stat('target_dir').st_ino,
          os.lstat('link_dir').st_ino != os.stat('link_dir').st_ino,
          os.stat('link_dir', follow_symlinks=False).st_ino == os.lstat('link_dir').st_ino)
    show('readlink bytes', os.readlink, b'link_dir')
    show('readlink P', os.readlink, P('chain'))
    show('readlink missing', os.readlink, 'missing')
    show('readlink list', os.readlink, [1])
    for e in sorted(os.scandir('.'), key=lambda e: e.name):
        def q(f, **kw):
            try:
                return f(**kw)
            except OSError as exc:
                return '%s:%s' % (type(exc).__name__, exc.errno)
        print('  ', e.name, q(e.is_dir), q(e.is_dir, follow_symlinks=False), q(e.is_file),
              q(e.is_file, follow_symlinks=False), q(e.is_symlink))
        show('    stat', lambda x: stat.filemode(x.stat().st_mode)[0], e)
    print('walk nofollow')
    dump(os.walk('.'))
    print('walk followlinks')
    res = []
    for root, dirs, files in os.walk('.', followlinks=True, onerror=lambda e: res.append(e.errno)):
        dirs[:] = sorted(d for d in dirs if not d.startswith('loop'))
        print('  ', root, dirs, sorted(files))
    print('walk bottomup nofollow', sorted(r for r, d, f in os.walk('.', topdown=False)))
    os.chdir(TMP)
else:
    print('no symlink fixture (run check.sh)')

print('== chdir')
os.chdir('d1')
print(rel(os.getcwd()))
os.chdir('..')
os.chdir(b'd1/d2')
print(rel(os.getcwd()))
os.chdir(P('../..'))
print(rel(os.getcwd()))
show('chdir missing', os.chdir, 'missing')
show('chdir file', os.chdir, 'file.txt')
show('chdir list', os.chdir, [1])
show('chdir nul', os.chdir, 'a\0')
print(rel(os.getcwd()))

print('== teardown')
os.chdir(saved_cwd)
rmtree(TMP)
print(os.path.exists(TMP))
print('done')
