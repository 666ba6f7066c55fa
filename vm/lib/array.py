"""Pure-Python implementation of the array module for pystm.

This module defines an object type which can efficiently represent an array
of basic values: characters, integers, floating point numbers.  Arrays are
sequence types and behave very much like lists, except that the type of
objects stored in them is constrained (CPython 3.11 semantics, x86-64 Linux
item sizes, little-endian machine representation).

Items are stored in a Python list: integers as int, 'f'/'d' as float
('f' values rounded to IEEE binary32), 'u' as integer code points.
"""

import struct as _struct

__all__ = ["array", "ArrayType", "typecodes"]

typecodes = "bBuhHiIlLqQfd"

_SSIZE_MAX = (1 << 63) - 1

# typecode -> (itemsize, signed, kind)
_INFO = {
    "b": (1, True, "int"), "B": (1, False, "int"), "u": (4, False, "u"),
    "h": (2, True, "int"), "H": (2, False, "int"),
    "i": (4, True, "int"), "I": (4, False, "int"),
    "l": (8, True, "int"), "L": (8, False, "int"),
    "q": (8, True, "int"), "Q": (8, False, "int"),
    "f": (4, True, "float"), "d": (8, True, "float"),
}

try:
    _bytearray = bytearray
except NameError:
    _bytearray = None
try:
    _memoryview = memoryview
except NameError:
    _memoryview = None


def _index(v):
    if isinstance(v, int):
        return int(v)
    meth = getattr(type(v), "__index__", None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__)
    r = meth(v)
    if not isinstance(r, int):
        raise TypeError("__index__ returned non-int (type %s)"
                        % type(r).__name__)
    return int(r)


def _as_long(v):
    x = _index(v)
    if x < -(1 << 63) or x >= (1 << 63):
        raise OverflowError("Python int too large to convert to C long")
    return x


def _as_int(v):
    x = _as_long(v)
    if x < -2147483648:
        raise OverflowError("signed integer is less than minimum")
    if x > 2147483647:
        raise OverflowError("signed integer is greater than maximum")
    return x


def _as_short(v):
    x = _as_long(v)
    if x < -32768:
        raise OverflowError("signed short integer is less than minimum")
    if x > 32767:
        raise OverflowError("signed short integer is greater than maximum")
    return x


def _conv_b(v):
    x = _as_short(v)
    if x < -128:
        raise OverflowError("signed char is less than minimum")
    if x > 127:
        raise OverflowError("signed char is greater than maximum")
    return x


def _conv_B(v):
    x = _as_long(v)
    if x < 0:
        raise OverflowError("unsigned byte integer is less than minimum")
    if x > 255:
        raise OverflowError("unsigned byte integer is greater than maximum")
    return x


def _conv_h(v):
    return _as_short(v)


def _conv_H(v):
    x = _as_int(v)
    if x < 0:
        raise OverflowError("unsigned short is less than minimum")
    if x > 65535:
        raise OverflowError("unsigned short is greater than maximum")
    return x


def _conv_i(v):
    return _as_int(v)


def _as_ulong(v):
    x = _index(v)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x >= (1 << 64):
        raise OverflowError("Python int too large to convert to C unsigned "
                            "long")
    return x


def _conv_I(v):
    x = _as_ulong(v)
    if x > 4294967295:
        raise OverflowError("unsigned int is greater than maximum")
    return x


def _conv_l(v):
    return _as_long(v)


def _conv_L(v):
    return _as_ulong(v)


def _conv_q(v):
    x = _index(v)
    if x < -(1 << 63) or x >= (1 << 63):
        raise OverflowError("int too big to convert")
    return x


def _conv_Q(v):
    x = _index(v)
    if x < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if x >= (1 << 64):
        raise OverflowError("int too big to convert")
    return x


def _as_double(v):
    if isinstance(v, float):
        return float(v)
    tp = type(v)
    if hasattr(tp, "__float__"):
        return float(v)
    if hasattr(tp, "__index__"):
        return float(_index(v))
    raise TypeError("must be real number, not %s" % tp.__name__)


def _conv_d(v):
    return _as_double(v)


_pack_f = _struct.Struct("f")


def _conv_f(v):
    x = _as_double(v)
    # native 'f' packing rounds to binary32 (overflow gives +-inf)
    return _pack_f.unpack(_pack_f.pack(x))[0]


def _conv_u(v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError("array item must be unicode character")
    return ord(v)


_CONV = {
    "b": _conv_b, "B": _conv_B, "u": _conv_u, "h": _conv_h, "H": _conv_H,
    "i": _conv_i, "I": _conv_I, "l": _conv_l, "L": _conv_L, "q": _conv_q,
    "Q": _conv_Q, "f": _conv_f, "d": _conv_d,
}

_FLOAT_CODE = {"f": "<f", "d": "<d"}


def _check_u_code(c):
    if c > 0x10FFFF:
        raise ValueError("character U+%x is not in range [U+0000; U+10ffff]"
                         % c)


def _bytes_arg(obj):
    """'y*' buffer argument as bytes."""
    if isinstance(obj, bytes):
        return obj
    if _bytearray is not None and isinstance(obj, _bytearray):
        return bytes(obj)
    if _memoryview is not None and isinstance(obj, _memoryview):
        return obj.tobytes()
    if isinstance(obj, array):
        return obj.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(obj).__name__)


def _ssize_index(v):
    x = _index(v)
    if x > _SSIZE_MAX or x < -_SSIZE_MAX - 1:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return x


def _slice_index(v):
    if v is None:
        return None
    if not isinstance(v, int) and not hasattr(type(v), "__index__"):
        raise TypeError("slice indices must be integers or have an "
                        "__index__ method")
    x = _index(v)
    if x > _SSIZE_MAX:
        x = _SSIZE_MAX
    elif x < -_SSIZE_MAX - 1:
        x = -_SSIZE_MAX - 1
    return x


class array:
    """array(typecode [, initializer]) -> array

    Return a new array whose items are restricted by typecode, and
    initialized from the optional initializer value, which must be a list,
    a bytes-like object, or iterable over elements of the appropriate type.
    """

    __slots__ = ("_tc", "_v", "_conv")

    def __init__(self, *args, **kwargs):
        if kwargs and type(self) is array:
            raise TypeError("array.array() takes no keyword arguments")
        if len(args) < 1:
            raise TypeError("array() takes at least 1 argument (0 given)")
        if len(args) > 2:
            raise TypeError("array() takes at most 2 arguments (%d given)"
                            % len(args))
        c = args[0]
        if not isinstance(c, str) or len(c) != 1:
            raise TypeError("array() argument 1 must be a unicode character, "
                            "not %s" % type(c).__name__)
        has_init = len(args) == 2
        initial = args[1] if has_init else None
        if has_init and c != "u":
            if isinstance(initial, str):
                raise TypeError("cannot use a str to initialize an array "
                                "with typecode '%s'" % c)
            if isinstance(initial, array) and initial._tc == "u":
                raise TypeError("cannot use a unicode array to initialize "
                                "an array with typecode '%s'" % c)
        it = None
        if has_init and not (
                isinstance(initial, (list, tuple, bytes)) or
                (_bytearray is not None and isinstance(initial, _bytearray))
                or (c == "u" and isinstance(initial, str))
                or (isinstance(initial, array) and initial._tc == c)):
            it = iter(initial)
            has_init = False
        if c not in _INFO:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, "
                             "L, q, Q, f or d)")
        self._tc = c
        self._v = []
        self._conv = _CONV[c]
        if has_init:
            if isinstance(initial, (list, tuple)):
                conv = self._conv
                self._v = [conv(x) for x in initial]
            elif isinstance(initial, str):
                self.fromunicode(initial)
            elif isinstance(initial, array):
                self._v = list(initial._v)
            else:
                self.frombytes(initial)
        elif it is not None:
            conv = self._conv
            append = self._v.append
            for x in it:
                append(conv(x))

    # -- helpers ----------------------------------------------------------

    @classmethod
    def _new(cls, tc, values):
        a = array.__new__(array)
        a._tc = tc
        a._v = values
        a._conv = _CONV[tc]
        return a

    def _out(self, x):
        if self._tc == "u":
            return chr(x)
        return x

    # -- attributes -------------------------------------------------------

    @property
    def typecode(self):
        """the typecode character used to create the array"""
        return self._tc

    @property
    def itemsize(self):
        """the size, in bytes, of one array item"""
        return _INFO[self._tc][0]

    # -- sequence protocol ------------------------------------------------

    def __len__(self):
        return len(self._v)

    def __iter__(self):
        if self._tc == "u":
            return map(chr, self._v)
        return iter(self._v)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return array._new(self._tc, self._v[i])
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        i = _index(i)
        n = len(self._v)
        if i > _SSIZE_MAX or i < -_SSIZE_MAX - 1:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("array index out of range")
        x = self._v[i]
        if self._tc == "u":
            return chr(x)
        return x

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array '
                                'slice' % type(value).__name__)
            if value._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            vals = list(value._v)
            start, stop, step = i.indices(len(self._v))
            if step == 1:
                self._v[i] = vals
                return
            slicelen = len(range(start, stop, step))
            if len(vals) == 0:
                del self._v[i]
                return
            if len(vals) != slicelen:
                raise ValueError("attempt to assign array of size %d to "
                                 "extended slice of size %d"
                                 % (len(vals), slicelen))
            self._v[i] = vals
            return
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        i = _index(i)
        n = len(self._v)
        if i > _SSIZE_MAX or i < -_SSIZE_MAX - 1:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("array assignment index out of range")
        self._v[i] = self._conv(value)

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._v[i]
            return
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        i = _index(i)
        n = len(self._v)
        if i > _SSIZE_MAX or i < -_SSIZE_MAX - 1:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("array assignment index out of range")
        del self._v[i]

    def _eq_items(self):
        # values as the Python objects CPython would create (for comparisons)
        if self._tc == "u":
            return [chr(x) for x in self._v]
        return self._v

    def __contains__(self, x):
        for v in self._eq_items():
            if v == x:
                return True
        return False

    # -- arithmetic ---------------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array'
                            % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return array._new(self._tc, self._v + other._v)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("can only extend with array of same kind")
        self._v.extend(list(other._v))
        return self

    def _repeat_count(self, n):
        if not isinstance(n, int) and not hasattr(type(n), "__index__"):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        n = _index(n)
        if n > _SSIZE_MAX or n < -_SSIZE_MAX - 1:
            raise OverflowError("cannot fit 'int' into an index-sized integer")
        if n < 0:
            n = 0
        if n and len(self._v) * self.itemsize > _SSIZE_MAX // n:
            raise MemoryError()
        return n

    def __mul__(self, n):
        n = self._repeat_count(n)
        return array._new(self._tc, self._v * n)

    def __rmul__(self, n):
        n = self._repeat_count(n)
        return array._new(self._tc, self._v * n)

    def __imul__(self, n):
        n = self._repeat_count(n)
        if n == 0:
            del self._v[:]
        elif n > 1:
            self._v.extend(self._v * (n - 1))
        return self

    # -- comparisons --------------------------------------------------------

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        va = self._eq_items()
        wa = other._eq_items()
        if len(va) != len(wa) and op in ("eq", "ne"):
            return op == "ne"
        n = min(len(va), len(wa))
        for i in range(n):
            a = va[i]
            b = wa[i]
            if not (a == b):
                if op == "eq":
                    return False
                if op == "ne":
                    return True
                if op == "lt":
                    return a < b
                if op == "le":
                    return a <= b
                if op == "gt":
                    return a > b
                return a >= b
        la = len(va)
        lb = len(wa)
        if op == "eq":
            return la == lb
        if op == "ne":
            return la != lb
        if op == "lt":
            return la < lb
        if op == "le":
            return la <= lb
        if op == "gt":
            return la > lb
        return la >= lb

    def __eq__(self, other):
        return self._compare(other, "eq")

    def __ne__(self, other):
        return self._compare(other, "ne")

    def __lt__(self, other):
        return self._compare(other, "lt")

    def __le__(self, other):
        return self._compare(other, "le")

    def __gt__(self, other):
        return self._compare(other, "gt")

    def __ge__(self, other):
        return self._compare(other, "ge")

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    # -- list-like methods --------------------------------------------------

    def append(self, v):
        """Append new value v to the end of the array."""
        self._v.append(self._conv(v))

    def extend(self, bb):
        """Append items to the end of the array."""
        if isinstance(bb, array):
            if bb._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._v.extend(list(bb._v))
            return
        conv = self._conv
        append = self._v.append
        for x in bb:
            append(conv(x))

    def insert(self, i, v):
        """Insert a new item v into the array before position i."""
        i = _ssize_index(i)
        self._v.insert(i, self._conv(v))

    def pop(self, i=-1):
        """Return the i-th element and delete it from the array."""
        i = _ssize_index(i)
        n = len(self._v)
        if n == 0:
            raise IndexError("pop from empty array")
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("pop index out of range")
        return self._out(self._v.pop(i))

    def remove(self, v):
        """Remove the first occurrence of v in the array."""
        items = self._eq_items()
        for i in range(len(items)):
            if items[i] == v:
                del self._v[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=_SSIZE_MAX):
        """Return index of first occurrence of v in the array."""
        start = _slice_index(start)
        stop = _slice_index(stop)
        items = self._eq_items()
        n = len(items)
        if start < 0:
            start += n
            if start < 0:
                start = 0
        if stop < 0:
            stop += n
            if stop < 0:
                stop = 0
        if stop > n:
            stop = n
        for i in range(start, stop):
            if items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v):
        """Return number of occurrences of v in the array."""
        c = 0
        for x in self._eq_items():
            if x == v:
                c += 1
        return c

    def reverse(self):
        """Reverse the order of the items in the array."""
        self._v.reverse()

    # -- conversions --------------------------------------------------------

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        if self._tc == "u":
            return [chr(x) for x in self._v]
        return list(self._v)

    def fromlist(self, lst):
        """Append items to array from list."""
        if not isinstance(lst, list):
            raise TypeError("arg must be list")
        conv = self._conv
        new = [conv(x) for x in lst]
        self._v.extend(new)

    def tobytes(self):
        """Convert the array to an array of machine values and return the
        bytes representation."""
        tc = self._tc
        size, signed, kind = _INFO[tc]
        vals = self._v
        if kind == "float":
            code = _FLOAT_CODE[tc]
            st = _struct.Struct(code)
            return b"".join([st.pack(x) for x in vals])
        return b"".join([x.to_bytes(size, "little", signed=signed)
                         for x in vals])

    def frombytes(self, buffer):
        """Appends items from the bytes-like object, interpreting it as an
        array of machine values."""
        if isinstance(buffer, array):
            if buffer.itemsize != 1:
                raise TypeError("a bytes-like object is required")
            data = buffer.tobytes()
        else:
            data = _bytes_arg(buffer)
        tc = self._tc
        size, signed, kind = _INFO[tc]
        n = len(data)
        if n % size:
            raise ValueError("bytes length not a multiple of item size")
        out = []
        # process in chunks (slicing huge bytes objects can be slow)
        step = 4096 * size
        if kind == "float":
            st = _struct.Struct(_FLOAT_CODE[tc])
        for base in range(0, n, step):
            chunk = data[base:base + step] if n > step else data
            m = len(chunk)
            if kind == "float":
                unpack = st.unpack
                for j in range(0, m, size):
                    out.append(unpack(chunk[j:j + size])[0])
            elif size == 1:
                if signed:
                    for x in chunk:
                        out.append(x - 256 if x > 127 else x)
                else:
                    out.extend(chunk)
            else:
                from_bytes = int.from_bytes
                for j in range(0, m, size):
                    out.append(from_bytes(chunk[j:j + size], "little",
                                          signed=signed))
        if kind == "u":
            for c in out:
                _check_u_code(c)
        self._v.extend(out)

    def fromunicode(self, ustr):
        """Extends this array with data from the unicode string ustr."""
        if not isinstance(ustr, str):
            raise TypeError("fromunicode() argument must be str, not %s"
                            % type(ustr).__name__)
        if self._tc != "u":
            raise ValueError("fromunicode() may only be called on unicode "
                             "type arrays")
        self._v.extend([ord(ch) for ch in ustr])

    def tounicode(self):
        """Extends this array with data from the unicode string ustr."""
        if self._tc != "u":
            raise ValueError("tounicode() may only be called on unicode type "
                             "arrays")
        for c in self._v:
            _check_u_code(c)
        return "".join([chr(c) for c in self._v])

    def fromfile(self, f, n):
        """Read n objects from the file object f and append them to the end
        of the array."""
        n = _ssize_index(n)
        if n < 0:
            raise ValueError("negative count")
        size = self.itemsize
        if n > _SSIZE_MAX // size:
            raise MemoryError()
        nbytes = n * size
        b = f.read(nbytes)
        if not isinstance(b, bytes):
            raise TypeError("read() didn't return bytes")
        not_enough = len(b) != nbytes
        self.frombytes(b)
        if not_enough:
            raise EOFError("read() didn't return enough bytes")

    def tofile(self, f):
        """Write all items (as machine values) to the file object f."""
        data = self.tobytes()
        blocksize = 64 * 1024
        n = len(data)
        if n <= blocksize:
            if n:
                f.write(data)
            return
        for i in range(0, n, blocksize):
            f.write(data[i:i + blocksize])

    def byteswap(self):
        """Byteswap all items of the array."""
        tc = self._tc
        size, signed, kind = _INFO[tc]
        if size == 1:
            return
        vals = self._v
        if kind == "float":
            code = _FLOAT_CODE[tc]
            swapped = code.replace("<", ">")
            st_l = _struct.Struct(code)
            st_b = _struct.Struct(swapped)
            self._v[:] = [st_b.unpack(st_l.pack(x))[0] for x in vals]
            return
        from_bytes = int.from_bytes
        self._v[:] = [from_bytes(x.to_bytes(size, "little", signed=signed),
                                 "big", signed=signed) for x in vals]

    def buffer_info(self):
        """Return a tuple (address, length) giving the current memory address
        and the length in items of the buffer used to hold array's
        contents."""
        return (id(self._v), len(self._v))

    # -- copying / pickling -------------------------------------------------

    def __copy__(self):
        return array._new(self._tc, list(self._v))

    def __deepcopy__(self, memo):
        return array._new(self._tc, list(self._v))

    def __reduce_ex__(self, protocol):
        d = getattr(self, "__dict__", None)
        return (array, (self._tc, self.tolist()), d if d else None)

    def __reduce__(self):
        return self.__reduce_ex__(2)

    def __sizeof__(self):
        return 64 + len(self._v) * self.itemsize

    # -- struct.pack_into support -------------------------------------------

    def _write_bytes_at(self, offset, data):
        raw = self.tobytes()
        raw = raw[:offset] + data + raw[offset + len(data):]
        old = self._v
        self._v = []
        try:
            self.frombytes(raw)
        except Exception:
            self._v = old
            raise
        old[:] = self._v
        self._v = old

    # -- representation -----------------------------------------------------

    def __repr__(self):
        name = type(self).__name__
        if not self._v:
            return "%s('%s')" % (name, self._tc)
        if self._tc == "u":
            return "%s('%s', %r)" % (name, self._tc, self.tounicode())
        return "%s('%s', %r)" % (name, self._tc, self.tolist())


ArrayType = array
