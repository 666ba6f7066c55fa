"""Common operations on POSIX pathnames (pystm).

Written for pystm from the documented behaviour of CPython 3.11's
``posixpath`` (which ``os.path`` refers to on POSIX systems), including the
parts CPython takes from ``genericpath``.  Import ``os`` and use ``os.path``
rather than importing this module directly.

Differences from CPython:

* pystm has no ``re`` engine (yet), so expandvars() scans for ``$name`` and
  ``${name}`` by hand, with the same rules as CPython's regular expression
  ``\\$(\\w+|\\{[^}]*\\})`` (ASCII word characters).
* pystm has no ``pwd`` module; expanduser() falls back to reading
  ``/etc/passwd`` (so NIS/LDAP users are not found there).
* sameopenfile() needs os.fstat(), which pystm's os does not provide.
"""

# The path constants come first: os imports this module while it is
# itself being imported.
curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

import os
import sys
import stat
import genericpath
from genericpath import *
from genericpath import _check_arg_types, _splitext

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep",
           "extsep", "devnull", "realpath", "supports_unicode_filenames",
           "relpath", "commonpath"]

supports_unicode_filenames = (sys.platform == 'darwin')


def _get_sep(path):
    if isinstance(path, bytes):
        return b'/'
    return '/'


# ---------------------------------------------------------------------------
# Pure string operations

def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return os.fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = os.fspath(s)
    return s.startswith(_get_sep(s))


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed.
    If any component is an absolute path, all previous path components
    will be discarded.  An empty last part will result in a path that
    ends with a separator."""
    a = os.fspath(a)
    isbytes = isinstance(a, bytes)
    sep = b'/' if isbytes else '/'
    path = a
    try:
        if not p:
            path[:0] + sep      # a must be str or bytes even when alone
        for b in p:
            b = os.fspath(b)
            if isinstance(b, bytes) != isbytes:
                raise TypeError("Can't mix strings and bytes in path components")
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path = path + b
            else:
                path = path + sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """Split a pathname.  Returns tuple "(head, tail)" where "tail" is
    everything after the final slash.  Either part may be empty."""
    p = os.fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """Split the extension from a pathname.

    Extension is everything from the last dot to the end, ignoring
    leading dots.  Returns "(root, ext)"; ext may be empty."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        return _splitext(p, b'/', None, b'.')
    return _splitext(p, '/', None, '.')


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always
    empty."""
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    """Returns the final component of a pathname"""
    p = os.fspath(p)
    i = p.rfind(_get_sep(p)) + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = os.fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    # POSIX keeps exactly two leading slashes; one, or three or more,
    # become a single slash.
    initial_slashes = 0
    if path.startswith(sep):
        initial_slashes = 1
        if path.startswith(sep * 2) and not path.startswith(sep * 3):
            initial_slashes = 2
    new_comps = []
    for comp in path.split(sep):
        if comp == empty or comp == dot:
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(os.fspath, paths))
    if isinstance(paths[0], bytes):
        sep, curdir = b'/', b'.'
    else:
        sep, curdir = '/', '.'
    try:
        split_paths = [path.split(sep) for path in paths]
        kinds = set(p[:1] == sep for p in paths)
        if len(kinds) != 1:
            raise ValueError("Can't mix absolute and relative paths") from None
        isabs = kinds.pop()
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


# ---------------------------------------------------------------------------
# Queries on the file system

def lexists(path):
    """Test whether a path exists.  Returns True for broken symbolic links"""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def islink(path):
    """Test whether a path is a symbolic link"""
    try:
        st = os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISLNK(st.st_mode)


def ismount(path):
    """Test whether a path is a mount point"""
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if stat.S_ISLNK(s1.st_mode):
        return False            # a symlink is never a mount point
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    parent = realpath(parent)
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    if s1.st_dev != s2.st_dev:
        return True             # path/.. is on another device
    if s1.st_ino == s2.st_ino:
        return True             # path/.. is path itself (the root)
    return False


# ---------------------------------------------------------------------------
# Expansion of ~ and $VAR

def _passwd_entry(name=None, uid=None):
    """The home directory of user *name* (or of uid *uid*).

    Uses the pwd module when there is one, else /etc/passwd.  Raises
    KeyError when the user is unknown, ImportError when neither source is
    available."""
    try:
        import pwd
    except ImportError:
        pwd = None
    if pwd is not None:
        if name is not None:
            return pwd.getpwnam(name).pw_dir
        return pwd.getpwuid(uid).pw_dir
    try:
        f = open('/etc/passwd', encoding='utf-8', errors='replace')
    except OSError:
        raise ImportError('no pwd module and no /etc/passwd') from None
    with f:
        for line in f:
            fields = line.rstrip('\n').split(':')
            if len(fields) < 7:
                continue
            if name is not None:
                if fields[0] == name:
                    return fields[5]
            else:
                try:
                    if int(fields[2]) == uid:
                        return fields[5]
                except ValueError:
                    pass
    raise KeyError(name if name is not None else uid)


def expanduser(path):
    """Expand ~ and ~user constructions.  If user or $HOME is unknown,
    do nothing."""
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _get_sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if 'HOME' in os.environ:
            userhome = os.environ['HOME']
        else:
            try:
                userhome = _passwd_entry(uid=os.getuid())
            except (ImportError, KeyError):
                return path
    else:
        name = path[1:i]
        if isinstance(name, bytes):
            name = str(name, 'ASCII')
        try:
            userhome = _passwd_entry(name=name)
        except (ImportError, KeyError):
            return path
    if isinstance(path, bytes):
        userhome = os.fsencode(userhome)
        root = b'/'
    else:
        root = '/'
    userhome = userhome.rstrip(root)
    return (userhome + path[i:]) or root


_WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'
_WORD_CHARS_B = _WORD_CHARS.encode('ascii')


def _find_var(path, i, isbytes):
    """Find the next ``$name`` or ``${...}`` at or after index i.

    Returns (start, end, name) where name is the text after '$' (braces
    included), or None.  Same matches as CPython's
    re.compile(r'\\$(\\w+|\\{[^}]*\\})', re.ASCII).search(path, i)."""
    if isbytes:
        dollar, lbrace, rbrace, word = b'$', b'{', b'}', _WORD_CHARS_B
    else:
        dollar, lbrace, rbrace, word = '$', '{', '}', _WORD_CHARS
    n = len(path)
    while True:
        k = path.find(dollar, i)
        if k < 0:
            return None
        j = k + 1
        if j < n and path[j:j + 1] in word:
            j += 1
            while j < n and path[j:j + 1] in word:
                j += 1
            return k, j, path[k + 1:j]
        if path[j:j + 1] == lbrace:
            e = path.find(rbrace, j + 1)
            if e >= 0:
                return k, e + 1, path[k + 1:e + 1]
        i = k + 1


def expandvars(path):
    """Expand shell variables of form $var and ${var}.  Unknown variables
    are left unchanged."""
    path = os.fspath(path)
    isbytes = isinstance(path, bytes)
    if isbytes:
        if b'$' not in path:
            return path
        start, end = b'{', b'}'
        environ = getattr(os, 'environb', None)
    else:
        if '$' not in path:
            return path
        start, end = '{', '}'
        environ = os.environ
    i = 0
    while True:
        m = _find_var(path, i, isbytes)
        if m is None:
            break
        i, j, name = m
        if name.startswith(start) and name.endswith(end):
            name = name[1:-1]
        try:
            if environ is None:
                value = os.fsencode(os.environ[os.fsdecode(name)])
            else:
                value = environ[name]
        except KeyError:
            i = j
        else:
            tail = path[j:]
            path = path[:i] + value
            i = len(path)
            path = path + tail
    return path


# ---------------------------------------------------------------------------
# Absolute and canonical paths

def abspath(path):
    """Return an absolute path."""
    path = os.fspath(path)
    if not isabs(path):
        if isinstance(path, bytes):
            cwd = os.getcwdb()
        else:
            cwd = os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Return the canonical path of the specified filename, eliminating any
symbolic links encountered in the path."""
    filename = os.fspath(filename)
    path, ok = _joinrealpath(filename[:0], filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    """Join path and rest, resolving the symbolic links met in rest.

    Returns (path, ok); ok is False when a symlink loop was found (the
    rest is then appended unresolved)."""
    if isinstance(path, bytes):
        sep, curdir, pardir = b'/', b'.', b'..'
    else:
        sep, curdir, pardir = '/', '.', '..'
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, name = split(path)
                if name == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = stat.S_ISLNK(st.st_mode)
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue            # already resolved
            # Seen but not resolved yet: a symlink loop.
            if strict:
                os.stat(newpath)    # raises OSError(ELOOP)
            else:
                return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    """Return a relative version of a path"""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    if isinstance(path, bytes):
        curdir, sep, pardir = b'.', b'/', b'..'
    else:
        curdir, sep, pardir = '.', '/', '..'
    if start is None:
        start = curdir
    else:
        start = os.fspath(start)
    try:
        if isinstance(start, bytes) != isinstance(path, bytes):
            raise TypeError("Can't mix strings and bytes in path components")
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir
        return join(*rel_list)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise
