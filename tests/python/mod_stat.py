# Tests for the stat module: run with pystm and CPython 3.11, outputs must
# be byte-identical.
import sys
# The modules under test live one directory up (pystm does not ship them yet).
import stat

names = ['ST_MODE', 'ST_INO', 'ST_DEV', 'ST_NLINK', 'ST_UID', 'ST_GID',
         'ST_SIZE', 'ST_ATIME', 'ST_MTIME', 'ST_CTIME',
         'S_IFDIR', 'S_IFCHR', 'S_IFBLK', 'S_IFREG', 'S_IFIFO', 'S_IFLNK',
         'S_IFSOCK', 'S_IFDOOR', 'S_IFPORT', 'S_IFWHT',
         'S_ISUID', 'S_ISGID', 'S_ENFMT', 'S_ISVTX', 'S_IREAD', 'S_IWRITE',
         'S_IEXEC', 'S_IRWXU', 'S_IRUSR', 'S_IWUSR', 'S_IXUSR', 'S_IRWXG',
         'S_IRGRP', 'S_IWGRP', 'S_IXGRP', 'S_IRWXO', 'S_IROTH', 'S_IWOTH',
         'S_IXOTH', 'UF_NODUMP', 'UF_IMMUTABLE', 'UF_APPEND', 'UF_OPAQUE',
         'UF_NOUNLINK', 'UF_COMPRESSED', 'UF_HIDDEN', 'SF_ARCHIVED',
         'SF_IMMUTABLE', 'SF_APPEND', 'SF_NOUNLINK', 'SF_SNAPSHOT',
         'FILE_ATTRIBUTE_ARCHIVE', 'FILE_ATTRIBUTE_DIRECTORY',
         'FILE_ATTRIBUTE_READONLY', 'FILE_ATTRIBUTE_VIRTUAL']
for n in names:
    print(n, oct(getattr(stat, n)))

preds = ['S_ISDIR', 'S_ISCHR', 'S_ISBLK', 'S_ISREG', 'S_ISFIFO', 'S_ISLNK',
         'S_ISSOCK', 'S_ISDOOR', 'S_ISPORT', 'S_ISWHT']
types = [0, stat.S_IFDIR, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFREG,
         stat.S_IFIFO, stat.S_IFLNK, stat.S_IFSOCK]
perms = [0, 0o777, 0o755, 0o644, 0o4755, 0o2755, 0o1777, 0o4644, 0o2644,
         0o1666, 0o7000, 0o7777, 0o100, 0o010, 0o001, 0o4000, 0o2000, 0o1000]
for t in types:
    for p in perms:
        m = t | p
        print(oct(m), stat.filemode(m), oct(stat.S_IMODE(m)), oct(stat.S_IFMT(m)),
              ''.join('1' if getattr(stat, f)(m) else '0' for f in preds))
