"""Constants and helpers for interpreting os.stat() results (pystm).

Written for pystm from the documented behaviour of CPython 3.11's ``stat``
module.  The values are the Linux ones (CPython's ``_stat`` accelerator
is not needed: everything here is plain integer arithmetic).
"""

# Positions of the fields in the 10-tuple that os.stat() returns.
ST_MODE = 0
ST_INO = 1
ST_DEV = 2
ST_NLINK = 3
ST_UID = 4
ST_GID = 5
ST_SIZE = 6
ST_ATIME = 7
ST_MTIME = 8
ST_CTIME = 9

# File type bits (the S_IFMT part of st_mode).
S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFIFO = 0o010000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000
# Types that exist only on other systems.
S_IFDOOR = 0
S_IFPORT = 0
S_IFWHT = 0

# Permission bits.
S_ISUID = 0o4000
S_ISGID = 0o2000
S_ENFMT = S_ISGID
S_ISVTX = 0o1000
S_IREAD = 0o0400
S_IWRITE = 0o0200
S_IEXEC = 0o0100
S_IRWXU = 0o0700
S_IRUSR = 0o0400
S_IWUSR = 0o0200
S_IXUSR = 0o0100
S_IRWXG = 0o0070
S_IRGRP = 0o0040
S_IWGRP = 0o0020
S_IXGRP = 0o0010
S_IRWXO = 0o0007
S_IROTH = 0o0004
S_IWOTH = 0o0002
S_IXOTH = 0o0001

# BSD/macOS file flags (st_flags); exported for portability.
UF_NODUMP = 0x00000001
UF_IMMUTABLE = 0x00000002
UF_APPEND = 0x00000004
UF_OPAQUE = 0x00000008
UF_NOUNLINK = 0x00000010
UF_COMPRESSED = 0x00000020
UF_HIDDEN = 0x00008000
SF_ARCHIVED = 0x00010000
SF_IMMUTABLE = 0x00020000
SF_APPEND = 0x00040000
SF_NOUNLINK = 0x00100000
SF_SNAPSHOT = 0x00200000

# Windows st_file_attributes values; exported for portability.
FILE_ATTRIBUTE_ARCHIVE = 32
FILE_ATTRIBUTE_COMPRESSED = 2048
FILE_ATTRIBUTE_DEVICE = 64
FILE_ATTRIBUTE_DIRECTORY = 16
FILE_ATTRIBUTE_ENCRYPTED = 16384
FILE_ATTRIBUTE_HIDDEN = 2
FILE_ATTRIBUTE_INTEGRITY_STREAM = 32768
FILE_ATTRIBUTE_NORMAL = 128
FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 8192
FILE_ATTRIBUTE_NO_SCRUB_DATA = 131072
FILE_ATTRIBUTE_OFFLINE = 4096
FILE_ATTRIBUTE_READONLY = 1
FILE_ATTRIBUTE_REPARSE_POINT = 1024
FILE_ATTRIBUTE_SPARSE_FILE = 512
FILE_ATTRIBUTE_SYSTEM = 4
FILE_ATTRIBUTE_TEMPORARY = 256
FILE_ATTRIBUTE_VIRTUAL = 65536


def S_IMODE(mode):
    """Return the portion of the file's mode that can be set by os.chmod()."""
    return mode & 0o7777


def S_IFMT(mode):
    """Return the portion of the file's mode that describes the file type."""
    return mode & 0o170000


def S_ISDIR(mode):
    """Return True if mode is from a directory."""
    return mode & 0o170000 == S_IFDIR


def S_ISCHR(mode):
    """Return True if mode is from a character special device file."""
    return mode & 0o170000 == S_IFCHR


def S_ISBLK(mode):
    """Return True if mode is from a block special device file."""
    return mode & 0o170000 == S_IFBLK


def S_ISREG(mode):
    """Return True if mode is from a regular file."""
    return mode & 0o170000 == S_IFREG


def S_ISFIFO(mode):
    """Return True if mode is from a FIFO (named pipe)."""
    return mode & 0o170000 == S_IFIFO


def S_ISLNK(mode):
    """Return True if mode is from a symbolic link."""
    return mode & 0o170000 == S_IFLNK


def S_ISSOCK(mode):
    """Return True if mode is from a socket."""
    return mode & 0o170000 == S_IFSOCK


def S_ISDOOR(mode):
    """Return True if mode is from a door (never, on Linux)."""
    return False


def S_ISPORT(mode):
    """Return True if mode is from an event port (never, on Linux)."""
    return False


def S_ISWHT(mode):
    """Return True if mode is from a whiteout (never, on Linux)."""
    return False


# File type character of filemode(), as CPython's C implementation (the
# one CPython uses) gives it: '?' for an unknown type.
_filetype_chars = {
    S_IFREG: '-', S_IFDIR: 'd', S_IFLNK: 'l', S_IFBLK: 'b', S_IFCHR: 'c',
    S_IFIFO: 'p', S_IFSOCK: 's',
}

# Permission characters: (bit, char) pairs, and for the three execute
# columns (x-bit, special bit, char when both, char when only special).
_perm_table = (
    (S_IRUSR, 'r'), (S_IWUSR, 'w'), (S_IXUSR, S_ISUID, 's', 'S'),
    (S_IRGRP, 'r'), (S_IWGRP, 'w'), (S_IXGRP, S_ISGID, 's', 'S'),
    (S_IROTH, 'r'), (S_IWOTH, 'w'), (S_IXOTH, S_ISVTX, 't', 'T'),
)


def filemode(mode):
    """Convert a file's mode to a string of the form '-rwxrwxrwx'."""
    out = [_filetype_chars.get(mode & 0o170000, '?')]
    for entry in _perm_table:
        if len(entry) == 2:
            out.append(entry[1] if mode & entry[0] else '-')
        else:
            xbit, special, both, only_special = entry
            if mode & special:
                out.append(both if mode & xbit else only_special)
            else:
                out.append('x' if mode & xbit else '-')
    return ''.join(out)
