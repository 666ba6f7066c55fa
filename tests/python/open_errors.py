# open() and file reads report CPython's OSError subclasses, messages and attributes.
for path, mode in [('/nonexistent/dir/file.txt', 'r'), ('/', 'r'), ('/', 'rb'), ('/nonexistent/x', 'w')]:
    try:
        open(path, mode)
        print('opened', path)
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
for args in [(2, 'msg'), (2, 'msg', 'f.txt'), (2, 'msg', 'a', None, 'b'), ('just text',), ()]:
    e = OSError(*args)
    print(repr(e), str(e), e.errno, e.filename, getattr(e, 'filename2', None))
print(issubclass(FileNotFoundError, OSError), isinstance(IsADirectoryError(21, 'x'), OSError))
print(type(OSError(2,'x')).__name__, type(OSError(99,'x')).__name__, type(OSError(2)).__name__)
class MyE(OSError): pass
print(type(MyE(2,'x')).__name__)
try:
    raise OSError(13, 'nope')
except PermissionError as e: print('caught', e)
