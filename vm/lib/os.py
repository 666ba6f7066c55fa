"""OS routines for pystm (the POSIX subset that pystm's ``posix`` offers).

Written for pystm from the documented behaviour of CPython 3.11's ``os``
module, on top of pystm's native ``posix`` module.  ``os.path`` is the
``posixpath`` module (also reachable as ``import os.path``).

What is here: the path constants; environ/environb (write-through to the
process environment with putenv/unsetenv), getenv/getenvb, putenv,
unsetenv, get_exec_path; getcwd/getcwdb/chdir; getpid/getppid/getuid;
cpu_count; listdir, scandir (DirEntry), walk; stat/lstat (stat_result);
mkdir/makedirs, rmdir/removedirs, remove/unlink, rename/replace/renames,
readlink, access; fspath/PathLike/fsencode/fsdecode; urandom, strerror,
isatty; get_terminal_size (terminal_size); the F_OK/R_OK/W_OK/X_OK and
SEEK_SET/SEEK_CUR/SEEK_END constants; error (= OSError).

Differences from CPython:

* No file-descriptor API (open/close/read/write/fstat/dup/pipe ...), no
  processes (fork/exec*/spawn*/system/kill/wait*/times/popen), no
  chmod/chown/utime/symlink/link, no fwalk, no dir_fd support (passing a
  dir_fd raises NotImplementedError), no integer file descriptors for
  stat/listdir/scandir/chdir: pystm's ``posix`` module has none of these.
* stat_result carries the ten classic fields plus st_atime/st_mtime/
  st_ctime (floats) and st_atime_ns/st_mtime_ns/st_ctime_ns, which are
  derived from the float times (so they are only as precise as a float:
  about a microsecond).  st_blksize, st_blocks and st_rdev are None.
* get_terminal_size() cannot ask the terminal (no ioctl): it returns
  terminal_size((COLUMNS, LINES)) from the environment when those hold
  positive integers, else 80 columns and 24 lines.  It never raises.
* fsencode()/fsdecode() use UTF-8 with 'surrogateescape' like CPython, but
  pystm strings cannot hold lone surrogates and its decoder has no
  'surrogateescape' handler: fsdecode() of bytes that are not UTF-8 raises
  UnicodeDecodeError, so such file names cannot round-trip.
* access() supports neither effective_ids nor follow_symlinks=False
  (NotImplementedError).  environ starts as a copy of posix.environ.
* The PathLike ABC answers isinstance()/issubclass() through
  __subclasshook__; where the runtime's abc.ABC cannot (no real ABCMeta),
  PathLike gets a small metaclass of its own that does.
* supports_dir_fd, supports_fd and supports_effective_ids are empty;
  supports_follow_symlinks holds stat only.
"""

import sys
import abc
import posix
import stat as _stat
from collections.abc import Mapping, MutableMapping

import posixpath as path

sys.modules['os.path'] = path

from posixpath import (curdir, pardir, sep, pathsep, defpath, extsep,
                       altsep, devnull)

name = 'posix'
linesep = '\n'

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "extsep",
           "F_OK", "R_OK", "W_OK", "X_OK", "environ", "environb",
           "getenv", "getenvb", "putenv", "unsetenv", "supports_bytes_environ",
           "getcwd", "getcwdb", "chdir", "getpid", "getppid", "getuid",
           "cpu_count", "listdir", "scandir", "DirEntry", "walk", "stat",
           "lstat", "stat_result", "mkdir", "makedirs", "rmdir", "removedirs",
           "remove", "unlink", "rename", "replace", "renames", "readlink",
           "open", "close", "read", "write", "lseek", "uname", "uname_result",
           "access", "fspath", "PathLike", "urandom", "strerror", "isatty",
           "get_terminal_size", "terminal_size", "error"]

error = OSError

F_OK = 0
X_OK = 1
W_OK = 2
R_OK = 4

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# open() flags (Linux x86-64 values).
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NONBLOCK = 0o4000
O_NDELAY = O_NONBLOCK
O_DSYNC = 0o10000
O_SYNC = 0o4010000
O_DIRECTORY = 0o200000
O_NOFOLLOW = 0o400000
O_CLOEXEC = 0o2000000
O_ACCMODE = 3


# ---------------------------------------------------------------------------
# fspath, PathLike, fsencode/fsdecode

def fspath(path):
    """Return the file system path representation of the object.

    If the object is str or bytes, then allow it to pass through as-is. If the
    object defines __fspath__(), then return the result of that method. All
    other types raise a TypeError."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, "
                    "not {}".format(path_type.__name__,
                                    type(path_repr).__name__))


def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


try:
    from types import GenericAlias as _GenericAlias
except ImportError:
    try:    # pystm: no types module; collections.abc has a stand-in
        from collections.abc import _GenericAlias
    except ImportError:
        _GenericAlias = None


def _make_pathlike(metaclass):
    """Build the PathLike ABC (with an explicit metaclass when given)."""
    ns = {}

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return _check_methods(subclass, '__fspath__')
        return NotImplemented

    def __class_getitem__(cls, item):
        if _GenericAlias is not None:
            return _GenericAlias(cls, item)
        return cls

    ns['__fspath__'] = __fspath__
    ns['__subclasshook__'] = classmethod(__subclasshook__)
    ns['__class_getitem__'] = classmethod(__class_getitem__)
    ns['__doc__'] = "Abstract base class for implementing the file system path protocol."
    ns['__module__'] = __name__
    ns['__qualname__'] = 'PathLike'
    if metaclass is None:
        return type(abc.ABC)('PathLike', (abc.ABC,), ns)
    return metaclass('PathLike', (abc.ABC,), ns)


PathLike = _make_pathlike(None)


class _FsProbe:
    def __fspath__(self):
        return ''


if not issubclass(_FsProbe, PathLike):
    # This runtime's abc module cannot make isinstance()/issubclass()
    # consult __subclasshook__ (pystm's abc.ABC has no real metaclass):
    # give PathLike a small metaclass that does.
    class _PathLikeMeta(type(abc.ABC)):
        def __instancecheck__(cls, instance):
            return cls.__subclasscheck__(type(instance))

        def __subclasscheck__(cls, subclass):
            if not isinstance(subclass, type):
                raise TypeError('issubclass() arg 1 must be a class')
            if cls in subclass.__mro__:
                return True
            ok = cls.__subclasshook__(subclass)
            if ok is not NotImplemented:
                return bool(ok)
            for reg in cls.__dict__.get('_abc_registry', ()):
                if issubclass(subclass, reg):
                    return True
            return False

    PathLike = _make_pathlike(_PathLikeMeta)

del _FsProbe


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the filesystem
    encoding with 'surrogateescape' error handler, return bytes unchanged.
    """
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the filesystem
    encoding with 'surrogateescape' error handler, return str unchanged.
    """
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


# ---------------------------------------------------------------------------
# Argument conversion shared by the wrappers

def _path(func, p, allow_fd=False, allow_none=False, argname='path'):
    """Convert a path argument the way CPython's path_t converter does."""
    if isinstance(p, (str, bytes)):
        pass
    elif allow_fd and isinstance(p, int) and not isinstance(p, bool):
        return p
    elif hasattr(type(p), '__fspath__'):
        p = fspath(p)
    else:
        if allow_none and allow_fd:
            allowed = "string, bytes, os.PathLike, integer or None"
        elif allow_fd:
            allowed = "string, bytes, os.PathLike or integer"
        elif allow_none:
            allowed = "string, bytes, os.PathLike or None"
        else:
            allowed = "string, bytes or os.PathLike"
        raise TypeError("%s: %s should be %s, not %s"
                        % (func, argname, allowed, type(p).__name__))
    if (b'\0' if isinstance(p, bytes) else '\0') in p:
        raise ValueError("embedded null byte")
    return p


def _no_dir_fd(dir_fd):
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")


def _env_str(value):
    """putenv()/unsetenv() argument -> str (CPython's FSConverter rules)."""
    value = fspath(value)
    if isinstance(value, bytes):
        if b'\0' in value:
            raise ValueError("embedded null byte")
        return value.decode('utf-8', 'surrogateescape')
    if '\0' in value:
        raise ValueError("embedded null byte")
    return value


# ---------------------------------------------------------------------------
# Simple wrappers

def getcwd():
    """Return a unicode string representing the current working directory."""
    return posix.getcwd()


def getcwdb():
    """Return a bytes string representing the current working directory."""
    return fsencode(posix.getcwd())


def chdir(path):
    """Change the current working directory to the specified path."""
    posix.chdir(_path('chdir', path, allow_fd=True))


def getpid():
    """Return the current process id."""
    return posix.getpid()


def getppid():
    """Return the parent's process id."""
    return posix.getppid()


def getuid():
    """Return the current process's user id."""
    return posix.getuid()


def cpu_count():
    """Return the number of logical CPUs in the system, or None."""
    return posix.cpu_count()


def urandom(size):
    """Return a bytes object containing random bytes suitable for
    cryptographic use."""
    if size < 0:
        raise ValueError("negative argument not allowed")
    return posix.urandom(size)


def strerror(code):
    """Translate an error code to a message string."""
    return posix.strerror(code)


def isatty(fd):
    """Return True if the fd is connected to a terminal."""
    return posix.isatty(fd)


def access(path, mode, *, dir_fd=None, effective_ids=False,
           follow_symlinks=True):
    """Use the real uid/gid to test for access to a path."""
    path = _path('access', path)
    _no_dir_fd(dir_fd)
    if effective_ids:
        raise NotImplementedError("effective_ids unavailable on this platform")
    if not follow_symlinks:
        raise NotImplementedError(
            "access: follow_symlinks unavailable on this platform")
    return posix.access(path, mode)


def listdir(path=None):
    """Return a list containing the names of the files in the directory.

    path can be specified as either str, bytes, or a path-like object.  If
    path is bytes, the filenames returned will also be bytes; in all other
    circumstances the filenames returned will be str.  If path is None,
    uses the path='.'.  The list is in arbitrary order.  It does not
    include the special entries '.' and '..' even if they are present in
    the directory."""
    if path is None:
        path = '.'
    path = _path('listdir', path, allow_fd=True, allow_none=True)
    names = posix.listdir(path)
    if isinstance(path, bytes):
        return [n if isinstance(n, bytes) else fsencode(n) for n in names]
    return names


def mkdir(path, mode=0o777, *, dir_fd=None):
    """Create a directory."""
    path = _path('mkdir', path)
    _no_dir_fd(dir_fd)
    posix.mkdir(path, mode)


def open(path, flags, mode=0o777, *, dir_fd=None):
    """Open a file for low level IO. Returns a file descriptor (integer)."""
    path = _path('open', path)
    _no_dir_fd(dir_fd)
    return posix.open(path, flags, mode)


def close(fd):
    """Close a file descriptor."""
    posix.close(fd)


def read(fd, length):
    """Read from a file descriptor. Returns a bytes object."""
    return posix.read(fd, length)


def write(fd, data):
    """Write a bytes object to a file descriptor."""
    return posix.write(fd, data)


def lseek(fd, position, whence):
    """Set the position of a file descriptor. Return the new position."""
    return posix.lseek(fd, position, whence)


def rmdir(path, *, dir_fd=None):
    """Remove a directory."""
    path = _path('rmdir', path)
    _no_dir_fd(dir_fd)
    posix.rmdir(path)


def unlink(path, *, dir_fd=None):
    """Remove a file (same as remove())."""
    path = _path('unlink', path)
    _no_dir_fd(dir_fd)
    posix.unlink(path)


def remove(path, *, dir_fd=None):
    """Remove a file (same as unlink())."""
    path = _path('remove', path)
    _no_dir_fd(dir_fd)
    posix.unlink(path)


def _rename(func, src, dst, src_dir_fd, dst_dir_fd):
    src = _path(func, src, argname='src')
    dst = _path(func, dst, argname='dst')
    _no_dir_fd(src_dir_fd)
    _no_dir_fd(dst_dir_fd)
    try:
        posix.rename(src, dst)
    except OSError as e:
        if getattr(e, 'filename2', None) is None and e.errno is not None:
            # CPython reports both names: "... 'src' -> 'dst'".
            err = OSError(e.errno, e.strerror, e.filename, None, dst)
            if type(err) is not type(e):
                err = type(e)(e.errno, e.strerror, e.filename, None, dst)
            raise err from None
        raise


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Rename a file or directory."""
    _rename('rename', src, dst, src_dir_fd, dst_dir_fd)


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Rename a file or directory, overwriting the destination."""
    _rename('replace', src, dst, src_dir_fd, dst_dir_fd)


def readlink(path, *, dir_fd=None):
    """Return a string representing the path to which the symbolic link
    points."""
    path = _path('readlink', path)
    _no_dir_fd(dir_fd)
    target = posix.readlink(path)
    if isinstance(path, bytes) and not isinstance(target, bytes):
        target = fsencode(target)
    return target


# ---------------------------------------------------------------------------
# stat_result and terminal_size: tuple-like records with named fields

class _StructSeq(tuple):
    """Base of the structseq-like records (CPython's PyStructSequence).

    The first n_sequence_fields values are the tuple; the others
    (n_fields in all) are reachable only by attribute."""

    n_sequence_fields = 0
    n_fields = 0
    n_unnamed_fields = 0
    _seq_names = ()        # names shown by repr, one per tuple slot
    _extra_names = ()      # names of the attribute-only fields

    def __new__(cls, sequence=(), dict=None):
        seq = tuple(sequence)
        n = len(seq)
        lo = cls.n_sequence_fields
        hi = cls.n_fields
        qual = 'os.' + cls.__name__
        if n < lo:
            if lo == hi:
                raise TypeError("%s() takes a %d-sequence (%d-sequence given)"
                                % (qual, lo, n))
            raise TypeError("%s() takes an at least %d-sequence "
                            "(%d-sequence given)" % (qual, lo, n))
        if n > hi:
            if lo == hi:
                raise TypeError("%s() takes a %d-sequence (%d-sequence given)"
                                % (qual, lo, n))
            raise TypeError("%s() takes an at most %d-sequence "
                            "(%d-sequence given)" % (qual, hi, n))
        self = tuple.__new__(cls, seq[:lo])
        extras = list(seq[lo:])
        for extra_name in cls._extra_names[len(extras):]:
            value = None
            if dict is not None and extra_name in dict:
                value = dict[extra_name]
            extras.append(value)
        object.__setattr__(self, '_extras', extras)
        self._fixup()
        return self

    def _fixup(self):
        pass

    def _readonly(self, name):
        attr = getattr(type(self), name, None)
        if isinstance(attr, property):
            return AttributeError("readonly attribute")
        if attr is not None:
            return AttributeError("'os.%s' object attribute '%s' is read-only"
                                  % (type(self).__name__, name))
        return AttributeError("'os.%s' object has no attribute '%s'"
                              % (type(self).__name__, name))

    def __setattr__(self, name, value):
        raise self._readonly(name)

    def __delattr__(self, name):
        raise self._readonly(name)

    def __getattr__(self, name):
        # Only reached for names that do not exist.
        raise AttributeError("'os.%s' object has no attribute '%s'"
                             % (type(self).__name__, name))

    def __repr__(self):
        parts = ["%s=%r" % (n, v) for n, v in zip(self._seq_names, self)]
        return "os.%s(%s)" % (type(self).__name__, ", ".join(parts))

    def __reduce__(self):
        extras = {n: v for n, v in zip(self._extra_names, self._extras)}
        return (type(self), (tuple(self), extras))


def _seq_field(index, doc):
    return property(lambda self: tuple.__getitem__(self, index), doc=doc)


def _extra_field(index, doc):
    return property(lambda self: self._extras[index], doc=doc)


class stat_result(_StructSeq):
    """stat_result: Result from stat, fstat, or lstat.

    This object may be accessed either as a tuple of
      (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)
    or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.
    """

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _seq_names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid',
                  'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')
    _extra_names = ('st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns',
                    'st_mtime_ns', 'st_ctime_ns', 'st_blksize', 'st_blocks',
                    'st_rdev')

    def _fixup(self):
        # Built from a bare tuple: the float times default to the ints.
        extras = self._extras
        for k in range(3):
            if extras[k] is None:
                extras[k] = tuple.__getitem__(self, 7 + k)

    st_mode = _seq_field(0, "protection bits")
    st_ino = _seq_field(1, "inode")
    st_dev = _seq_field(2, "device")
    st_nlink = _seq_field(3, "number of hard links")
    st_uid = _seq_field(4, "user ID of owner")
    st_gid = _seq_field(5, "group ID of owner")
    st_size = _seq_field(6, "total size, in bytes")
    st_atime = _extra_field(0, "time of last access")
    st_mtime = _extra_field(1, "time of last modification")
    st_ctime = _extra_field(2, "time of last change")
    st_atime_ns = _extra_field(3, "time of last access in nanoseconds")
    st_mtime_ns = _extra_field(4, "time of last modification in nanoseconds")
    st_ctime_ns = _extra_field(5, "time of last change in nanoseconds")
    st_blksize = _extra_field(6, "blocksize for filesystem I/O")
    st_blocks = _extra_field(7, "number of blocks allocated")
    st_rdev = _extra_field(8, "device type (if inode device)")


class terminal_size(_StructSeq):
    """A tuple of (columns, lines) for holding terminal window size"""

    n_sequence_fields = 2
    n_fields = 2
    _seq_names = ('columns', 'lines')

    columns = _seq_field(0, "width of the terminal window in characters")
    lines = _seq_field(1, "height of the terminal window in characters")


class uname_result(_StructSeq):
    """uname_result: Result from os.uname()."""

    n_sequence_fields = 5
    n_fields = 5
    _seq_names = ('sysname', 'nodename', 'release', 'version', 'machine')

    sysname = _seq_field(0, "operating system name")
    nodename = _seq_field(1, "name of machine on network (implementation-defined)")
    release = _seq_field(2, "operating system release")
    version = _seq_field(3, "operating system version")
    machine = _seq_field(4, "hardware identifier")


def uname():
    """Return an object identifying the current operating system."""
    return uname_result(posix.uname())


del _seq_field, _extra_field


def _floor(t):
    i = int(t)
    return i - 1 if i > t else i


def _make_stat_result(t):
    mode, ino, dev, nlink, uid, gid, size, at, mt, ct = t
    return stat_result((mode, ino, dev, nlink, uid, gid, size,
                        _floor(at), _floor(mt), _floor(ct),
                        float(at), float(mt), float(ct),
                        _floor(at * 1e9), _floor(mt * 1e9), _floor(ct * 1e9)))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path."""
    path = _path('stat', path, allow_fd=True)
    _no_dir_fd(dir_fd)
    if follow_symlinks:
        return _make_stat_result(posix.stat(path))
    return _make_stat_result(posix.lstat(path))


def lstat(path, *, dir_fd=None):
    """Perform a stat system call on the given path, without following
    symbolic links."""
    path = _path('lstat', path)
    _no_dir_fd(dir_fd)
    return _make_stat_result(posix.lstat(path))


def get_terminal_size(fd=1):
    """Return the size of the terminal window as (columns, lines).

    pystm cannot query the terminal: the size comes from the COLUMNS and
    LINES environment variables when they hold positive integers, else
    80 columns and 24 lines."""
    def _env_int(key, default):
        try:
            value = int(environ.get(key, ''))
        except ValueError:
            return default
        return value if value > 0 else default
    return terminal_size((_env_int('COLUMNS', 80), _env_int('LINES', 24)))


# ---------------------------------------------------------------------------
# Directory trees

def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones.  Works
    like mkdir, except that any intermediate path segment (not just the
    rightmost) will be created if it does not exist.  If the target
    directory already exists, raise an OSError if exist_ok is False.
    Otherwise no exception is raised.  This is recursive."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass            # created meanwhile by someone else
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:    # xxx/newdir/. exists if xxx/newdir exists
            return
    try:
        mkdir(name, mode)
    except OSError:
        # EEXIST may hide behind other errors (EACCES, EROFS), so look.
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """removedirs(name)

    Super-rmdir; remove a leaf directory and all empty intermediate
    ones.  Works like rmdir except that, if the leaf directory is
    successfully removed, directories corresponding to rightmost path
    segments will be pruned away until either the whole path is
    consumed or an error occurs.  Errors during this latter phase are
    ignored -- they generally mean that a directory was not empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """renames(old, new)

    Super-rename; create directories as necessary and delete any left
    empty.  Works like rename, except creation of any intermediate
    directories needed to make the new pathname good is attempted
    first.  After the rename, directories corresponding to rightmost
    path segments of the old name will be pruned until either the
    whole path is consumed or a nonempty directory is found."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """An entry of a directory listed by os.scandir()."""

    __module__ = 'posix'        # where CPython defines it

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    @classmethod
    def _make(cls, dirpath, name):
        self = object.__new__(cls)
        if dirpath is None:
            full = name
        elif dirpath.endswith(b'/' if isinstance(dirpath, bytes) else '/'):
            full = dirpath + name
        else:
            full = dirpath + (b'/' if isinstance(dirpath, bytes) else '/') + name
        self._name = name
        self._path = full
        self._lstat_cache = None
        self._stat_cache = None
        return self

    @property
    def name(self):
        """the entry's base filename, relative to scandir() "path" argument"""
        return self._name

    @property
    def path(self):
        """the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"""
        return self._path

    def __fspath__(self):
        return self._path

    def __repr__(self):
        return '<DirEntry %r>' % (self._name,)

    def _lstat(self):
        if self._lstat_cache is None:
            self._lstat_cache = lstat(self._path)
        return self._lstat_cache

    def inode(self):
        """Return inode of the entry; cached per entry."""
        return self._lstat().st_ino

    def is_symlink(self):
        """Return True if the entry is a symbolic link; cached per entry."""
        try:
            st = self._lstat()
        except FileNotFoundError:
            return False
        return _stat.S_ISLNK(st.st_mode)

    def stat(self, *, follow_symlinks=True):
        """Return stat_result object for the entry; cached per entry."""
        if not follow_symlinks:
            return self._lstat()
        if self._stat_cache is None:
            if self.is_symlink():
                self._stat_cache = stat(self._path)
            else:
                self._stat_cache = self._lstat()
        return self._stat_cache

    def _test_mode(self, follow_symlinks, check):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return check(st.st_mode)

    def is_dir(self, *, follow_symlinks=True):
        """Return True if the entry is a directory; cached per entry."""
        return self._test_mode(follow_symlinks, _stat.S_ISDIR)

    def is_file(self, *, follow_symlinks=True):
        """Return True if the entry is a file; cached per entry."""
        return self._test_mode(follow_symlinks, _stat.S_ISREG)

    def __class_getitem__(cls, item):
        if _GenericAlias is not None:
            return _GenericAlias(cls, item)
        return cls


class ScandirIterator:
    """Iterator of DirEntry objects returned by os.scandir()."""

    __module__ = 'posix'

    def __init__(self, dirpath, names):
        self._dirpath = dirpath
        self._names = names
        self._pos = 0
        self._closed = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed or self._pos >= len(self._names):
            self._closed = True
            raise StopIteration
        name = self._names[self._pos]
        self._pos += 1
        return DirEntry._make(self._dirpath, name)

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


# Named like CPython's posix.ScandirIterator, but not an os attribute.
_ScandirIterator = ScandirIterator
del ScandirIterator


def scandir(path=None):
    """Return an iterator of DirEntry objects for given path.

    path can be specified as either str, bytes, or a path-like object.  If
    path is bytes, the names of yielded DirEntry objects will also be bytes;
    in all other circumstances they will be str.

    If path is None, uses the path='.'."""
    if path is None:
        path = '.'
    path = _path('scandir', path, allow_fd=True, allow_none=True)
    names = listdir(path)
    return _ScandirIterator(path, names)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator.

    For each directory in the directory tree rooted at top (including top
    itself, but excluding '.' and '..'), yields a 3-tuple

        dirpath, dirnames, filenames

    dirpath is a string, the path to the directory.  dirnames is a list of
    the names of the subdirectories in dirpath (including symlinks to
    directories, and excluding '.' and '..').  filenames is a list of the
    names of the non-directory files in dirpath.

    When topdown is true, the caller can modify the dirnames list in-place
    (e.g., via del or slice assignment), and walk will only recurse into the
    subdirectories whose names remain in dirnames.  Errors from scandir()
    are ignored unless onerror is given: it is called with the OSError
    instance.  Symbolic links to directories are not followed unless
    followlinks is true."""
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    walk_dirs = []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    with scandir_it:
        while True:
            try:
                try:
                    entry = next(scandir_it)
                except StopIteration:
                    break
            except OSError as error:
                if onerror is not None:
                    onerror(error)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        is_symlink = entry.is_symlink()
                    except OSError:
                        is_symlink = False
                    walk_into = not is_symlink
                if walk_into:
                    walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = path.join(top, dirname)
            if followlinks or not path.islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


# ---------------------------------------------------------------------------
# The environment

def putenv(key, value):
    """Change or add an environment variable."""
    key = _env_str(key)
    value = _env_str(value)
    if '=' in key:
        raise ValueError("illegal environment variable name")
    if not key:
        raise OSError(22, 'Invalid argument')
    posix.putenv(key, value)


def unsetenv(key):
    """Delete an environment variable."""
    key = _env_str(key)
    if not key or '=' in key:
        raise OSError(22, 'Invalid argument')
    posix.unsetenv(key)


class _Environ(MutableMapping):
    """The process environment as a mapping; changes go through putenv()
    and unsetenv().  environ (str) and environb (bytes) share one dict."""

    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        keys = list(self._data)
        for key in keys:
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return self.encodekey(key) in self._data

    def __repr__(self):
        formatted = ", ".join("%r: %r" % (self.decodekey(k), self.decodevalue(v))
                              for k, v in self._data.items())
        return "environ({%s})" % formatted

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, Mapping)):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, Mapping)):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value


def _identity(value):
    return value


def _check_bytes_to_str(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value.decode('utf-8', 'surrogateescape')


def _str_to_bytes(value):
    return value.encode('utf-8', 'surrogateescape')


# Internally the environment is kept as a str -> str dict (what pystm's
# posix module reads at start-up).
_environ_data = dict(posix.environ)
environ = _Environ(_environ_data, _check_str, _identity, _check_str, _identity)
environb = _Environ(_environ_data, _check_bytes_to_str, _str_to_bytes,
                    _check_bytes_to_str, _str_to_bytes)
supports_bytes_environ = True


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default.
    key, default and the result are str."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default.
    key, default and the result are bytes."""
    return environb.get(key, default)


def get_exec_path(env=None):
    """Returns the sequence of directories that will be searched for the
    named executable (similar to a shell) when launching a process.

    *env* must be an environment variable dict or None.  If *env* is None,
    os.environ will be used.
    """
    if env is None:
        env = environ
    path_list = env.get('PATH')
    path_listb = None
    if isinstance(env, (dict, Mapping)) and env is not environ:
        try:
            path_listb = env[b'PATH']
        except (KeyError, TypeError):
            pass
        else:
            if path_list is not None:
                raise ValueError(
                    "env cannot contain 'PATH' and b'PATH' keys")
            path_list = path_listb
        if path_list is not None and isinstance(path_list, bytes):
            path_list = fsdecode(path_list)
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


supports_dir_fd = set()
supports_effective_ids = set()
supports_fd = set()
supports_follow_symlinks = {stat}
