"""The built-in ``bytearray`` (pystm): a mutable sequence of bytes with CPython 3.11's methods,
errors and reprs.

Installed into the builtins on first use of the name (pystm compiles it then, not at every
start-up). The bytes are kept in a list of ints; the methods that do not mutate run the
native ``bytes`` methods on a snapshot and convert the result back.  Native functions that
take bytes-like objects read a bytearray through ``__pystm_buffer__`` (pystm's buffer
protocol).
"""

_bytes = bytes
_list = list
_isinstance = isinstance
_int = int


def _byte(v):
    """An int in range(256) from an index-like value (bytearray item assignment)."""
    if not hasattr(type(v), "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    v = v.__index__()
    if not 0 <= v < 256:
        raise ValueError("byte must be in range(0, 256)")
    return v


def _buffer(v):
    """The bytes of a bytes-like object, or None."""
    if _isinstance(v, (_bytes, bytearray)):
        return _bytes(v)
    f = getattr(type(v), "__pystm_buffer__", None)
    if f is not None:
        return f(v)
    return None


def _items(v):
    """The ints of the bytes a bytearray is extended or assigned from."""
    b = _buffer(v)
    if b is not None:
        return _list(b)
    return [_byte(x) for x in v]


def _wrap(name, convert):
    meth = getattr(_bytes, name)

    def method(self, *args, **kwargs):
        return convert(meth(_bytes(self._a), *args, **kwargs))

    method.__name__ = name
    method.__qualname__ = "bytearray." + name
    method.__doc__ = getattr(meth, "__doc__", None)
    return method


def _same(v):
    return v


def _to_ba(v):
    return bytearray(v)


def _to_ba_list(v):
    return [bytearray(x) for x in v]


def _to_ba_tuple(v):
    return tuple(bytearray(x) for x in v)


class bytearray:
    """bytearray(iterable_of_ints) -> bytearray
bytearray(string, encoding[, errors]) -> bytearray
bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer
bytearray(int) -> bytes array of size given by the parameter initialized with null bytes
bytearray() -> empty bytes array

Construct a mutable bytearray object from:
  - an iterable yielding integers in range(256)
  - a text string encoded using the specified encoding
  - a bytes or a buffer object
  - any object implementing the buffer API.
  - an integer"""

    __module__ = "builtins"
    __slots__ = ("_a",)
    __hash__ = None

    def __init__(self, source=None, encoding=None, errors=None):
        if source is None:
            if encoding is not None or errors is not None:
                raise TypeError("encoding or errors without sequence argument")
            self._a = []
            return
        if _isinstance(source, str):
            if encoding is None:
                raise TypeError("string argument without an encoding")
            self._a = _list(source.encode(encoding, errors or "strict"))
            return
        if encoding is not None:
            raise TypeError("encoding without a string argument")
        if errors is not None:
            raise TypeError("errors without a string argument")
        if hasattr(type(source), "__index__"):
            n = source.__index__()
            if n < 0:
                raise ValueError("negative count")
            self._a = [0] * n
            return
        b = _buffer(source)
        if b is not None:
            self._a = _list(b)
            return
        try:
            it = iter(source)
        except TypeError:
            raise TypeError("cannot convert '%s' object to bytearray" % type(source).__name__) from None
        self._a = [_byte(x) for x in it]

    # -- pystm's buffer protocol and conversions ------------------------------------------

    def __pystm_buffer__(self):
        return _bytes(self._a)

    def __bytes__(self):
        return _bytes(self._a)

    def __repr__(self):
        r = repr(_bytes(self._a))
        name = type(self).__name__
        return "%s(%s)" % (name, r)

    __str__ = __repr__

    def __len__(self):
        return len(self._a)

    def __iter__(self):
        return iter(self._a)

    def __reversed__(self):
        return reversed(self._a)

    def __sizeof__(self):
        return 57 + len(self._a) if self._a else 56

    def __alloc__(self):
        return len(self._a) + 1 if self._a else 0

    def __reduce_ex__(self, proto):
        return (type(self), (_bytes(self._a),), getattr(self, "__dict__", None))

    # -- items ------------------------------------------------------------------------------

    def __getitem__(self, i):
        if _isinstance(i, slice):
            return bytearray(self._a[i])
        if not hasattr(type(i), "__index__"):
            raise TypeError("bytearray indices must be integers or slices, not %s" % type(i).__name__)
        try:
            return self._a[i]
        except IndexError:
            raise IndexError("bytearray index out of range") from None

    def __setitem__(self, i, v):
        if _isinstance(i, slice):
            if _isinstance(v, str) or not hasattr(type(v), "__iter__"):
                raise TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
            items = _items(v)
            try:
                self._a[i] = items
            except ValueError as e:
                raise ValueError(str(e).replace("sequence of size", "bytes of size")) from None
            return
        if not hasattr(type(i), "__index__"):
            raise TypeError("bytearray indices must be integers or slices, not %s" % type(i).__name__)
        v = _byte(v)
        try:
            self._a[i] = v
        except IndexError:
            raise IndexError("bytearray index out of range") from None

    def __delitem__(self, i):
        if _isinstance(i, slice):
            del self._a[i]
            return
        try:
            del self._a[i]
        except IndexError:
            raise IndexError("bytearray index out of range") from None

    def __contains__(self, v):
        if hasattr(type(v), "__index__"):
            return _byte(v) in self._a
        b = _buffer(v)
        if b is None:
            raise TypeError("a bytes-like object is required, not '%s'" % type(v).__name__)
        return b in _bytes(self._a)

    # -- operators ----------------------------------------------------------------------

    def __add__(self, other):
        b = _buffer(other)
        if b is None:
            raise TypeError("can't concat %s to %s" % (type(other).__name__, type(self).__name__))
        return bytearray(_bytes(self._a) + b)

    def __radd__(self, other):
        b = _buffer(other)
        if b is None:
            return NotImplemented
        return b + _bytes(self._a)

    def __iadd__(self, other):
        b = _buffer(other)
        if b is None:
            raise TypeError("can't concat %s to %s" % (type(other).__name__, type(self).__name__))
        self._a.extend(b)
        return self

    def __mul__(self, n):
        if not hasattr(type(n), "__index__"):
            return NotImplemented
        return bytearray(_bytes(self._a) * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        if not hasattr(type(n), "__index__"):
            return NotImplemented
        n = n.__index__()
        self._a[:] = self._a * n if n > 0 else []
        return self

    def __mod__(self, args):
        return bytearray(_bytes(self._a) % args)

    def _cmp(self, other):
        b = _buffer(other)
        return None if b is None else (_bytes(self._a), b)

    def __eq__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] >= p[1]

    # -- mutation -----------------------------------------------------------------------

    def append(self, item):
        """Append a single item to the end of the bytearray."""
        self._a.append(_byte(item))

    def extend(self, iterable_of_ints):
        """Append all the items from the iterator or sequence to the end of the bytearray."""
        if not hasattr(type(iterable_of_ints), "__iter__") and _buffer(iterable_of_ints) is None:
            raise TypeError("can't extend bytearray with %s" % type(iterable_of_ints).__name__)
        self._a.extend(_items(iterable_of_ints))

    def insert(self, index, item):
        """Insert a single item into the bytearray before the given index."""
        self._a.insert(index, _byte(item))

    def pop(self, index=-1):
        """Remove and return a single item from B (the last one by default)."""
        if not self._a:
            raise IndexError("pop from empty bytearray")
        try:
            return self._a.pop(index)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, value):
        """Remove the first occurrence of a value in the bytearray."""
        try:
            self._a.remove(_byte(value))
        except ValueError:
            raise ValueError("value not found in bytearray") from None

    def clear(self):
        """Remove all items from the bytearray."""
        del self._a[:]

    def reverse(self):
        """Reverse the order of the values in B in place."""
        self._a.reverse()

    def copy(self):
        """Return a copy of B."""
        return bytearray(_bytes(self._a))

    # -- the methods of bytes, on a snapshot ---------------------------------------------

    def join(self, iterable_of_bytes):
        """Concatenate any number of bytes/bytearray objects, with B between each pair."""
        return bytearray(_bytes(self._a).join(iterable_of_bytes))

    def hex(self, *args):
        """Create a string of hexadecimal numbers from a bytearray object."""
        return _bytes(self._a).hex(*args)

    def decode(self, encoding="utf-8", errors="strict"):
        """Decode the bytearray using the codec registered for encoding."""
        return _bytes(self._a).decode(encoding, errors)

    @classmethod
    def fromhex(cls, string):
        """Create a bytearray object from a string of hexadecimal numbers."""
        return cls(_bytes.fromhex(string))

    maketrans = staticmethod(_bytes.maketrans)


for _name in ("find", "rfind", "index", "rindex", "count", "startswith", "endswith", "isdigit", "isalpha",
              "isalnum", "isspace", "isupper", "islower", "isascii", "istitle"):
    setattr(bytearray, _name, _wrap(_name, _same))
for _name in ("upper", "lower", "swapcase", "capitalize", "title", "strip", "lstrip", "rstrip", "replace",
              "ljust", "rjust", "center", "zfill", "expandtabs", "removeprefix", "removesuffix", "translate"):
    setattr(bytearray, _name, _wrap(_name, _to_ba))
for _name in ("split", "rsplit", "splitlines"):
    setattr(bytearray, _name, _wrap(_name, _to_ba_list))
for _name in ("partition", "rpartition"):
    setattr(bytearray, _name, _wrap(_name, _to_ba_tuple))
del _name
