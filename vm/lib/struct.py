"""Pure-Python implementation of the struct module for pystm.

Functions to convert between Python values and C structs represented as
bytes objects, with the semantics (and error messages) of CPython 3.11's
_struct module on x86-64 Linux.

The optional first format character selects byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

Format characters: x c b B ? h H i I l L q Q n N e f d s p P
"""

import sys as _sys
from math import copysign as _copysign

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from",
           "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


error.__module__ = "struct"

_NATIVE_ORDER = _sys.byteorder          # 'little' on x86-64
_SSIZE_MAX = (1 << 63) - 1
_INF = float("inf")

try:
    _bytearray = bytearray
except NameError:
    _bytearray = None
try:
    _memoryview = memoryview
except NameError:
    _memoryview = None


# ---------------------------------------------------------------------------
# Argument conversion helpers
# ---------------------------------------------------------------------------

def _get_pylong(v):
    if isinstance(v, int):
        return int(v)
    meth = getattr(type(v), "__index__", None)
    if meth is None:
        raise error("required argument is not an integer")
    r = meth(v)
    if not isinstance(r, int):
        raise TypeError("__index__ returned non-int (type %s)"
                        % type(r).__name__)
    return int(r)


def _get_long(v):
    x = _get_pylong(v)
    if x < -(1 << 63) or x >= (1 << 63):
        raise error("argument out of range")
    return x


def _get_ulong(v):
    x = _get_pylong(v)
    if x < 0 or x >= (1 << 64):
        raise error("argument out of range")
    return x


def _range_error(code, size, unsigned):
    ulargest = (1 << (size * 8)) - 1
    if unsigned:
        raise error("'%s' format requires 0 <= number <= %d"
                    % (code, ulargest))
    largest = ulargest >> 1
    raise error("'%s' format requires %d <= number <= %d"
                % (code, ~largest, largest))


def _as_double(v):
    """PyFloat_AsDouble; any failure becomes struct.error."""
    if isinstance(v, float):
        return float(v)
    try:
        if hasattr(type(v), "__float__"):
            r = float(v)
        elif isinstance(v, int) or hasattr(type(v), "__index__"):
            r = float(_get_pylong(v))
        else:
            raise TypeError
    except Exception:
        raise error("required argument is not a float")
    return r


def _buffer_bytes(obj):
    """Read-only bytes-like argument ('y*')."""
    if isinstance(obj, bytes):
        return obj
    if _bytearray is not None and isinstance(obj, _bytearray):
        return bytes(obj)
    if _memoryview is not None and isinstance(obj, _memoryview):
        return obj.tobytes()
    tp = type(obj)
    if tp.__name__ == "array" and hasattr(obj, "tobytes"):
        return obj.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'"
                    % tp.__name__)


# ---------------------------------------------------------------------------
# IEEE-754 encoding / decoding in pure Python
# ---------------------------------------------------------------------------

def _copysign_neg(x):
    # True if the sign bit of float x is set (works for -0.0 and -nan)
    return _copysign(1.0, x) < 0.0


def _float_to_bits(x, mbits, ebits, code, overflow="raise"):
    """Return the integer bit pattern of x in the given binary format.

    Rounds to nearest, ties to even.  On overflow raises OverflowError
    (overflow == "raise") or returns infinity (overflow == "inf")."""
    emax_field = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    signbit = 1 << (ebits + mbits)
    if x != x:
        s = signbit if _copysign_neg(x) else 0
        return s | (emax_field << mbits) | (1 << (mbits - 1))
    if x == _INF:
        return emax_field << mbits
    if x == -_INF:
        return signbit | (emax_field << mbits)
    if x == 0.0:
        return signbit if _copysign_neg(x) else 0
    s = 0
    if x < 0.0:
        s = signbit
        x = -x
    n, d = x.as_integer_ratio()
    e = 1 - d.bit_length()              # x == n * 2**e
    top = n.bit_length() - 1 + e        # floor(log2(x))
    emin = 1 - bias
    q = (top if top > emin else emin) - mbits   # exponent of one ulp
    shift = q - e
    if shift <= 0:
        m = n << -shift
    else:
        m = n >> shift
        rem = n - (m << shift)
        half = 1 << (shift - 1)
        if rem > half or (rem == half and (m & 1)):
            m += 1
    if m >> (mbits + 1):
        m >>= 1
        q += 1
    if m >> mbits:
        ef = q + mbits + bias
        if ef >= emax_field:
            if overflow == "raise":
                raise OverflowError("float too large to pack with %s format"
                                    % code)
            return s | (emax_field << mbits)
        return s | (ef << mbits) | (m - (1 << mbits))
    return s | m                        # subnormal (or zero)


def _bits_to_float(bits, mbits, ebits):
    emax_field = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    neg = (bits >> (ebits + mbits)) & 1
    ef = (bits >> mbits) & emax_field
    frac = bits & ((1 << mbits) - 1)
    if ef == emax_field:
        if frac:
            r = float("nan")
            return -r if neg else r
        return -_INF if neg else _INF
    if ef == 0:
        if frac == 0:
            return -0.0 if neg else 0.0
        r = float(frac) * 2.0 ** (1 - bias - mbits)
    else:
        k = ef - bias - mbits
        m = frac | (1 << mbits)
        if k >= 0:
            r = float(m << k)
        else:
            r = float(m) * 2.0 ** k
    return -r if neg else r


# ---------------------------------------------------------------------------
# Format tables
#
# Each entry: code -> (size, alignment, kind)
# kinds (packing behaviour, modelled on the C functions):
#   byte, ubyte, short, ushort : get_long + fixed-text range message
#   int                        : get_long + _range_error (signed)
#   uint                       : get_ulong + _range_error (unsigned)
#   long / ulong               : get_long / get_ulong (64-bit)
#   bpll / bpull               : 8-byte big-endian, "int too large to convert"
#   ptr                        : void pointer
#   bool, char, str, pstr, pad, half, float, double, nfloat
# ---------------------------------------------------------------------------

_NATIVE = {
    "x": (1, 0, "pad"), "b": (1, 0, "byte"), "B": (1, 0, "ubyte"),
    "c": (1, 0, "char"), "s": (1, 0, "str"), "p": (1, 0, "pstr"),
    "h": (2, 2, "short"), "H": (2, 2, "ushort"),
    "i": (4, 4, "int"), "I": (4, 4, "uint"),
    "l": (8, 8, "long"), "L": (8, 8, "ulong"),
    "n": (8, 8, "long"), "N": (8, 8, "ulong"),
    "q": (8, 8, "long"), "Q": (8, 8, "ulong"),
    "?": (1, 1, "bool"), "e": (2, 2, "half"), "f": (4, 4, "nfloat"),
    "d": (8, 8, "double"), "P": (8, 8, "ptr"),
}

# standard sizes, host (little-endian) byte order: '<' and '=' on x86-64.
# CPython swaps in the native packers where the sizes agree.
_LITTLE = {
    "x": (1, 0, "pad"), "b": (1, 0, "byte"), "B": (1, 0, "ubyte"),
    "c": (1, 0, "char"), "s": (1, 0, "str"), "p": (1, 0, "pstr"),
    "h": (2, 0, "short"), "H": (2, 0, "ushort"),
    "i": (4, 0, "int"), "I": (4, 0, "uint"),
    "l": (4, 0, "int"), "L": (4, 0, "uint"),
    "q": (8, 0, "long"), "Q": (8, 0, "ulong"),
    "?": (1, 0, "bool"), "e": (2, 0, "half"), "f": (4, 0, "float"),
    "d": (8, 0, "double"),
}

_BIG = {
    "x": (1, 0, "pad"), "b": (1, 0, "byte"), "B": (1, 0, "ubyte"),
    "c": (1, 0, "char"), "s": (1, 0, "str"), "p": (1, 0, "pstr"),
    "h": (2, 0, "int"), "H": (2, 0, "uint"),
    "i": (4, 0, "int"), "I": (4, 0, "uint"),
    "l": (4, 0, "int"), "L": (4, 0, "uint"),
    "q": (8, 0, "bpll"), "Q": (8, 0, "bpull"),
    "?": (1, 0, "bool"), "e": (2, 0, "half"), "f": (4, 0, "float"),
    "d": (8, 0, "double"),
}

if _NATIVE_ORDER == "big":     # pragma: no cover - not x86-64
    _LITTLE, _BIG = dict(_LITTLE), dict(_BIG)
    for _c in "hHiIqQ":
        _BIG[_c] = (_BIG[_c][0], 0, _NATIVE[_c][2])
    for _c in "hHiIlL":
        _LITTLE[_c] = (_LITTLE[_c][0], 0, "int" if _c.islower() else "uint")
    _LITTLE["q"] = (8, 0, "long")
    _LITTLE["Q"] = (8, 0, "ulong")

def _overflow(v, msg):
    if isinstance(v, int):
        raise error("int too large to convert")
    raise OverflowError(msg)


def _make_packer(kind, code, size, order):
    """Return a function converting one Python value to its packed bytes."""
    if kind == "byte":
        def pk(v):
            x = _get_long(v)
            if x < -128 or x > 127:
                raise error("byte format requires -128 <= number <= 127")
            return x.to_bytes(1, order, signed=True)
    elif kind == "ubyte":
        def pk(v):
            x = _get_long(v)
            if x < 0 or x > 255:
                raise error("ubyte format requires 0 <= number <= 255")
            return x.to_bytes(1, order)
    elif kind == "short":
        def pk(v):
            x = _get_long(v)
            if x < -32768 or x > 32767:
                raise error("short format requires -32768 <= number <= "
                            "32767")
            return x.to_bytes(2, order, signed=True)
    elif kind == "ushort":
        def pk(v):
            x = _get_long(v)
            if x < 0 or x > 65535:
                raise error("ushort format requires 0 <= number <= 65535")
            return x.to_bytes(2, order)
    elif kind == "int":
        lim = 1 << (size * 8 - 1)

        def pk(v):
            x = _get_long(v)
            if x < -lim or x >= lim:
                _range_error(code, size, False)
            return x.to_bytes(size, order, signed=True)
    elif kind == "uint":
        nbits = size * 8

        def pk(v):
            x = _get_ulong(v)
            if x >> nbits:
                _range_error(code, size, True)
            return x.to_bytes(size, order)
    elif kind == "long":
        def pk(v):
            return _get_long(v).to_bytes(size, order, signed=True)
    elif kind == "ulong":
        def pk(v):
            return _get_ulong(v).to_bytes(size, order)
    # For the next kinds CPython lets an OverflowError escape, except that
    # it is turned into struct.error when the argument itself is an int.
    elif kind == "bpll":
        def pk(v):
            x = _get_pylong(v)
            if x < -(1 << 63) or x >= (1 << 63):
                _overflow(v, "int too big to convert")
            return x.to_bytes(8, order, signed=True)
    elif kind == "bpull":
        def pk(v):
            x = _get_pylong(v)
            if x < 0:
                _overflow(v, "can't convert negative int to unsigned")
            if x >= (1 << 64):
                _overflow(v, "int too big to convert")
            return x.to_bytes(8, order)
    elif kind == "ptr":
        def pk(v):
            x = _get_pylong(v)
            if x < -(1 << 63):
                _overflow(v, "Python int too large to convert to C long")
            if x >= (1 << 64):
                _overflow(v, "Python int too large to convert to C unsigned "
                          "long")
            return (x & 0xFFFFFFFFFFFFFFFF).to_bytes(size, order)
    elif kind == "bool":
        def pk(v):
            return b"\x01" if v else b"\x00"
    elif kind == "char":
        def pk(v):
            if not isinstance(v, bytes) or len(v) != 1:
                raise error("char format requires a bytes object of length 1")
            return bytes(v)
    elif kind in ("double", "float", "nfloat", "half"):
        mbits, ebits = {8: (52, 11), 4: (23, 8), 2: (10, 5)}[size]
        ovf = "inf" if kind == "nfloat" else "raise"

        def pk(v):
            if type(v) is not float:
                v = _as_double(v)
            return _float_to_bits(v, mbits, ebits, code, ovf).to_bytes(
                size, order)
    else:                                   # pragma: no cover
        raise error("bad char in struct format")
    return pk


def _make_unpacker(kind, size, order):
    """Return a function converting packed bytes to one Python value."""
    from_bytes = int.from_bytes
    if kind in ("byte", "short", "int", "long", "bpll"):
        def up(data):
            return from_bytes(data, order, signed=True)
    elif kind in ("ubyte", "ushort", "uint", "ulong", "bpull", "ptr"):
        def up(data):
            return from_bytes(data, order)
    elif kind == "bool":
        zero = bytes(size)

        def up(data):
            return data != zero
    elif kind == "char":
        def up(data):
            return data
    elif kind in ("double", "float", "nfloat", "half"):
        mbits, ebits = {8: (52, 11), 4: (23, 8), 2: (10, 5)}[size]

        def up(data):
            return _bits_to_float(from_bytes(data, order), mbits, ebits)
    else:                                   # pragma: no cover
        raise error("bad char in struct format")
    return up


_converters = {}


def _converters_for(kind, code, size, order):
    key = (kind, code, size, order)
    r = _converters.get(key)
    if r is None:
        if kind in ("str", "pstr", "pad"):
            r = (None, None)
        else:
            r = (_make_packer(kind, code, size, order),
                 _make_unpacker(kind, size, order))
        _converters[key] = r
    return r


# ---------------------------------------------------------------------------
# Struct
# ---------------------------------------------------------------------------

_SPACE = " \t\n\r\x0b\x0c"


def _parse(fmt):
    """Return (groups, size, nitems, order).

    groups: list of (code, kind, count, offset, itemsize)."""
    if fmt and fmt[0] in "@=<>!":
        first = fmt[0]
        body = fmt[1:]
    else:
        first = "@"
        body = fmt
    if first == "@":
        table = _NATIVE
        order = _NATIVE_ORDER
    elif first == "=":
        table = _LITTLE if _NATIVE_ORDER == "little" else _BIG
        order = _NATIVE_ORDER
    elif first == "<":
        table = _LITTLE
        order = "little"
    else:
        table = _BIG
        order = "big"
    groups = []
    size = 0
    nitems = 0
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        i += 1
        if c in _SPACE:
            continue
        if "0" <= c <= "9":
            num = ord(c) - 48
            while True:
                if i >= n:
                    raise error("repeat count given without format "
                                "specifier")
                c = body[i]
                i += 1
                if not ("0" <= c <= "9"):
                    break
                num = num * 10 + (ord(c) - 48)
                if num > _SSIZE_MAX:
                    raise error("total struct size too long")
        else:
            num = 1
        ent = table.get(c)
        if ent is None:
            raise error("bad char in struct format")
        itemsize, align, kind = ent
        if kind == "str" or kind == "pstr":
            nitems += 1
        elif kind != "pad":
            nitems += num
        if align and size > 0:
            size += (align - 1) - (size - 1) % align
            if size > _SSIZE_MAX:
                raise error("total struct size too long")
        if num > (_SSIZE_MAX - size) // itemsize:
            raise error("total struct size too long")
        if kind != "pad" and (num or kind in ("str", "pstr")):
            pk, up = _converters_for(kind, c, itemsize, order)
            groups.append((c, kind, num, size, itemsize, pk, up))
        size += num * itemsize
    return groups, size, nitems, order


class _UnpackIterator:
    """Iterator returned by iter_unpack()."""

    def __init__(self, st, data):
        self._st = st
        self._data = data
        self._pos = 0
        self._chunk = b""
        self._cstart = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._data is None:
            raise StopIteration
        size = self._st.size
        pos = self._pos
        data = self._data
        if pos + size > len(data):
            self._data = None
            raise StopIteration
        self._pos = pos + size
        # keep slices small (slicing big bytes may be O(n) on some runtimes)
        cs = self._cstart
        chunk = self._chunk
        if pos + size > cs + len(chunk):
            cs = pos
            chunk = data[pos:pos + max(size, 65536 // size * size)]
            self._chunk = chunk
            self._cstart = cs
        return self._st._unpack_bytes(chunk, pos - cs)

    def __length_hint__(self):
        if self._data is None:
            return 0
        return (len(self._data) - self._pos) // self._st.size


class Struct:
    """Struct(fmt) --> compiled struct object"""

    def __init__(self, format):
        if isinstance(format, str):
            fmt = format
            try:
                format.encode("ascii")
            except UnicodeEncodeError:
                raise
        elif isinstance(format, bytes):
            fmt = "".join([chr(c) for c in format])
        else:
            raise TypeError("Struct() argument 1 must be a str or bytes "
                            "object, not %s" % type(format).__name__)
        if "\0" in fmt:
            raise error("embedded null character")
        self._format = fmt
        groups, size, nitems, order = _parse(fmt)
        self._groups = groups
        self._size = size
        self._len = nitems
        self._order = order

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._size

    def _pack_parts(self, args):
        if len(args) != self._len:
            raise error("pack expected %d items for packing (got %d)"
                        % (self._len, len(args)))
        parts = []
        pos = 0
        ai = 0
        for code, kind, num, off, itemsize, pk, up in self._groups:
            if off > pos:
                parts.append(bytes(off - pos))
            if kind == "str" or kind == "pstr":
                v = args[ai]
                ai += 1
                if isinstance(v, bytes):
                    pass
                elif _bytearray is not None and isinstance(v, _bytearray):
                    v = bytes(v)
                else:
                    raise error("argument for '%s' must be a bytes object"
                                % code)
                if kind == "str":
                    if len(v) >= num:
                        parts.append(v[:num])
                    else:
                        parts.append(v + bytes(num - len(v)))
                else:
                    if num > 0:
                        k = len(v)
                        if k > num - 1:
                            k = num - 1
                        body = v[:k]
                        parts.append((k if k < 255 else 255).to_bytes(1,
                                                                    "little"))
                        parts.append(body + bytes(num - 1 - k))
                pos = off + num
                continue
            if num == 1:
                parts.append(pk(args[ai]))
                ai += 1
            else:
                for j in range(num):
                    parts.append(pk(args[ai]))
                    ai += 1
            pos = off + num * itemsize
        if self._size > pos:
            parts.append(bytes(self._size - pos))
        return parts

    def pack(self, *args):
        """S.pack(v1, v2, ...) -> bytes"""
        return b"".join(self._pack_parts(args))

    def pack_into(self, *args):
        """S.pack_into(buffer, offset, v1, v2, ...)"""
        nargs = len(args)
        if nargs != self._len + 2:
            if nargs == 0:
                raise error("pack_into expected buffer argument")
            if nargs == 1:
                raise error("pack_into expected offset argument")
            raise error("pack_into expected %d items for packing (got %d)"
                        % (self._len, nargs - 2))
        buffer = args[0]
        writer = _writable(buffer)
        offset = args[1]
        if not isinstance(offset, int):
            meth = getattr(type(offset), "__index__", None)
            if meth is None:
                raise TypeError("'%s' object cannot be interpreted as an "
                                "integer" % type(offset).__name__)
            offset = meth(offset)
        if offset > _SSIZE_MAX or offset < -_SSIZE_MAX - 1:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        blen = writer[1]
        size = self._size
        if offset < 0:
            if offset + size > 0:
                raise error("no space to pack %d bytes at offset %d"
                            % (size, offset))
            if offset + blen < 0:
                raise error("offset %d out of range for %d-byte buffer"
                            % (offset, blen))
            offset += blen
        if blen - offset < size:
            raise error("pack_into requires a buffer of at least %d bytes "
                        "for packing %d bytes at offset %d (actual buffer "
                        "size is %d)" % (size + offset, size, offset, blen))
        data = b"".join(self._pack_parts(args[2:]))
        writer[0](offset, data)

    def _unpack_bytes(self, data, base):
        res = []
        for code, kind, num, off, itemsize, pk, up in self._groups:
            off += base
            if kind == "str":
                res.append(data[off:off + num])
            elif kind == "pstr":
                if num == 0:
                    res.append(b"")
                    continue
                k = data[off]
                if k >= num:
                    k = num - 1
                res.append(data[off + 1:off + 1 + k])
            elif num == 1:
                res.append(up(data[off:off + itemsize]))
            else:
                for j in range(num):
                    res.append(up(data[off:off + itemsize]))
                    off += itemsize
        return tuple(res)

    def unpack(self, buffer):
        """S.unpack(buffer) -> (v1, v2, ...)"""
        data = _buffer_bytes(buffer)
        if len(data) != self._size:
            raise error("unpack requires a buffer of %d bytes" % self._size)
        return self._unpack_bytes(data, 0)

    def unpack_from(self, buffer, offset=0):
        """S.unpack_from(buffer, offset=0) -> (v1, v2, ...)"""
        data = _buffer_bytes(buffer)
        offset = _ssize_arg(offset)
        size = self._size
        blen = len(data)
        if offset < 0:
            if offset + size > 0:
                raise error("not enough data to unpack %d bytes at offset %d"
                            % (size, offset))
            if offset + blen < 0:
                raise error("offset %d out of range for %d-byte buffer"
                            % (offset, blen))
            offset += blen
        if blen - offset < size:
            raise error("unpack_from requires a buffer of at least %d bytes "
                        "for unpacking %d bytes at offset %d (actual buffer "
                        "size is %d)" % (size + offset, size, offset, blen))
        if offset == 0 and blen == size:
            return self._unpack_bytes(data, 0)
        return self._unpack_bytes(data[offset:offset + size], 0)

    def iter_unpack(self, buffer):
        """S.iter_unpack(buffer) -> iterator(v1, v2, ...)"""
        if self._size == 0:
            raise error("cannot iteratively unpack with a struct of length %d"
                        % self._size)
        data = _buffer_bytes(buffer)
        if len(data) % self._size:
            raise error("iterative unpacking requires a buffer of a multiple "
                        "of %d bytes" % self._size)
        return _UnpackIterator(self, data)

    def __repr__(self):
        return "Struct(%r)" % (self._format,)


def _ssize_arg(obj):
    if isinstance(obj, int):
        v = int(obj)
    else:
        meth = getattr(type(obj), "__index__", None)
        if meth is None:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(obj).__name__)
        v = meth(obj)
    if v > _SSIZE_MAX or v < -_SSIZE_MAX - 1:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return v


def _writable(buffer):
    """Return (write(offset, data), size_in_bytes) for a writable buffer,
    or raise TypeError like the 'w*' converter."""
    if _bytearray is not None and isinstance(buffer, _bytearray):
        def write(offset, data):
            buffer[offset:offset + len(data)] = data
        return write, len(buffer)
    tp = type(buffer)
    if tp.__name__ == "array" and hasattr(buffer, "_write_bytes_at"):
        return buffer._write_bytes_at, len(buffer) * buffer.itemsize
    if _memoryview is not None and not isinstance(buffer, (bytes, str)):
        try:
            mv = _memoryview(buffer)
        except TypeError:
            mv = None
        if mv is not None and not mv.readonly:
            mv = mv.cast("B")

            def write(offset, data):
                mv[offset:offset + len(data)] = data
            return write, mv.nbytes
    raise TypeError("argument must be read-write bytes-like object, not %s"
                    % tp.__name__)


_cache = {}
_MAXCACHE = 100


def _clearcache():
    """Clear the internal cache."""
    _cache.clear()


def _getstruct(fmt):
    if not isinstance(fmt, (str, bytes)):
        raise TypeError("Struct() argument 1 must be a str or bytes object, "
                        "not %s" % type(fmt).__name__)
    key = (type(fmt), fmt)
    s = _cache.get(key)
    if s is None:
        s = Struct(fmt)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = s
    return s


def calcsize(format):
    """Return size in bytes of the struct described by the format string."""
    return _getstruct(format).size


def pack(*args):
    """pack(format, v1, v2, ...) -> bytes"""
    if not args:
        raise TypeError("missing format argument")
    return _getstruct(args[0]).pack(*args[1:])


def pack_into(*args):
    """pack_into(format, buffer, offset, v1, v2, ...)"""
    if not args:
        raise TypeError("missing format argument")
    return _getstruct(args[0]).pack_into(*args[1:])


def unpack(*args):
    """unpack(format, buffer) -> (v1, v2, ...)"""
    if len(args) != 2:
        raise TypeError("unpack expected 2 arguments, got %d" % len(args))
    return _getstruct(args[0]).unpack(args[1])


def unpack_from(format, buffer, offset=0):
    """unpack_from(format, buffer, offset=0) -> (v1, v2, ...)"""
    return _getstruct(format).unpack_from(buffer, offset)


def iter_unpack(*args):
    """iter_unpack(format, buffer) -> iterator(v1, v2, ...)"""
    if len(args) != 2:
        raise TypeError("iter_unpack expected 2 arguments, got %d"
                        % len(args))
    return _getstruct(args[0]).iter_unpack(args[1])
