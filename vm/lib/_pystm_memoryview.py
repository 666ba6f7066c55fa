"""The built-in ``memoryview`` (pystm), for one-dimensional byte buffers: views of bytes,
bytearray and other bytes-like objects (``__pystm_buffer__``) without copying them, sliced into
more views, written through when the object is a bytearray, compared, converted (tobytes,
tolist, hex) and released. Formats other than unsigned bytes ('B', and 'c'/'b' through cast())
and more than one dimension are not supported (NotImplementedError says so).

Installed into the builtins on first use of the name.
"""


class memoryview:
    """Create a new memoryview object which references the given object."""

    __module__ = "builtins"
    __slots__ = ("_obj", "_start", "_len", "_step", "_released", "_format")

    def __init__(self, object):
        if isinstance(object, memoryview):
            object._check()
            self._obj, self._start, self._len, self._step = object._obj, object._start, object._len, object._step
            self._format = object._format
        else:
            if not isinstance(object, (bytes, bytearray)) and not hasattr(type(object), "__pystm_buffer__"):
                raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(object).__name__)
            self._obj = object
            self._start, self._len, self._step = 0, len(self._bytes_of(object)), 1
            self._format = "B"
        self._released = False

    @staticmethod
    def _bytes_of(obj):
        if isinstance(obj, (bytes, bytearray)):
            return obj
        return type(obj).__pystm_buffer__(obj)

    def _check(self):
        if self._released:
            raise ValueError("operation forbidden on released memoryview object")

    def _indices(self):
        return range(self._start, self._start + self._len * self._step, self._step)

    def __pystm_buffer__(self):
        return self.tobytes()

    # -- attributes -----------------------------------------------------------------------

    @property
    def obj(self):
        self._check()
        return self._obj

    @property
    def nbytes(self):
        self._check()
        return self._len

    @property
    def readonly(self):
        self._check()
        return not isinstance(self._obj, bytearray)

    @property
    def itemsize(self):
        self._check()
        return 1

    @property
    def format(self):
        self._check()
        return self._format

    @property
    def ndim(self):
        self._check()
        return 1

    @property
    def shape(self):
        self._check()
        return (self._len,)

    @property
    def strides(self):
        self._check()
        return (self._step,)

    @property
    def c_contiguous(self):
        self._check()
        return self._step == 1

    contiguous = f_contiguous = c_contiguous

    # -- items ----------------------------------------------------------------------------

    def __len__(self):
        self._check()
        return self._len

    def _item(self, b):
        return bytes((b,)) if self._format == "c" else (b - 256 if self._format == "b" and b > 127 else b)

    def __getitem__(self, i):
        self._check()
        if isinstance(i, slice):
            start, stop, step = i.indices(self._len)
            r = range(start, stop, step)
            v = memoryview(self)
            v._start = self._start + start * self._step
            v._len = len(r)
            v._step = self._step * step
            return v
        if not hasattr(type(i), "__index__"):
            raise TypeError("memoryview: invalid slice key")
        i = i.__index__()
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("index out of bounds on dimension 1")
        return self._item(self._bytes_of(self._obj)[self._start + i * self._step])

    def __setitem__(self, i, value):
        self._check()
        if self.readonly:
            raise TypeError("cannot modify read-only memory")
        if isinstance(i, slice):
            start, stop, step = i.indices(self._len)
            targets = range(start, stop, step)
            data = bytes(value) if not isinstance(value, int) else None
            if data is None or len(data) != len(targets):
                raise ValueError("memoryview assignment: lvalue and rvalue have different structures")
            for t, b in zip(targets, data):
                self._obj[self._start + t * self._step] = b
            return
        i = i.__index__()
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("index out of bounds on dimension 1")
        if not isinstance(value, int) or not 0 <= value < 256:
            raise TypeError("memoryview: invalid type for format 'B'") if not isinstance(value, int) else \
                ValueError("memoryview: invalid value for format 'B'")
        self._obj[self._start + i * self._step] = value

    def __iter__(self):
        self._check()
        data = self._bytes_of(self._obj)
        return iter([self._item(data[j]) for j in self._indices()])

    # -- conversions ----------------------------------------------------------------------

    def tobytes(self, order="C"):
        self._check()
        data = self._bytes_of(self._obj)
        if self._step == 1:
            return bytes(data[self._start:self._start + self._len])
        return bytes(data[j] for j in self._indices())

    def tolist(self):
        self._check()
        data = self._bytes_of(self._obj)
        return [self._item(data[j]) for j in self._indices()]

    def hex(self, *args):
        return self.tobytes().hex(*args)

    def toreadonly(self):
        v = memoryview(self)
        v._obj = bytes(self.tobytes())
        v._start, v._step = 0, 1
        return v

    def cast(self, format, shape=None):
        self._check()
        if format not in ("B", "b", "c") or shape not in (None, [self._len], (self._len,)):
            raise NotImplementedError("memoryview: pystm casts only to the byte formats 'B', 'b', 'c'")
        v = memoryview(self)
        v._format = format
        return v

    def release(self):
        self._released = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.release()

    def __eq__(self, other):
        if self._released:
            return self is other
        if isinstance(other, memoryview):
            if other._released:
                return False
            return self.tolist() == other.tolist()
        try:
            return self.tobytes() == bytes(other) if isinstance(other, (bytes, bytearray)) else NotImplemented
        except TypeError:
            return NotImplemented

    def __hash__(self):
        if not self.readonly:
            raise ValueError("cannot hash writable memoryview object")
        return hash(self.tobytes())

    def __repr__(self):
        state = "released " if self._released else ""
        return "<%smemory at 0x%x>" % (state, id(self))
