"""Pure-Python implementation of the io module (subset) for pystm.

Provides StringIO and BytesIO with CPython 3.11 semantics (including the
exact error messages of the C implementation), the abstract base classes
IOBase / RawIOBase / BufferedIOBase / TextIOBase, a simple TextIOWrapper,
IncrementalNewlineDecoder and UnsupportedOperation.

Not provided: BytesIO.getbuffer() (no memoryview in pystm), real FileIO
and real buffering classes (the Buffered* classes are thin pass-through
wrappers around a raw stream).
"""

import builtins as _builtins

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

DEFAULT_BUFFER_SIZE = 8 * 1024

BlockingIOError = _builtins.BlockingIOError

try:
    open = _builtins.open
except AttributeError:  # pragma: no cover
    def open(*args, **kwargs):
        raise UnsupportedOperation("open")


def open_code(path):
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not %s"
                        % type(path).__name__)
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "utf-8"
    return encoding


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"

_bytes_like_types = []
for _n in ("bytearray", "memoryview"):
    _t = getattr(_builtins, _n, None)
    if _t is not None:
        _bytes_like_types.append(_t)
_bytes_like_types = tuple(_bytes_like_types)
del _n, _t

_SSIZE_MAX = (1 << 63) - 1
_SSIZE_MIN = -(1 << 63)


def _index(obj):
    """Like operator.index: accept int or object with __index__."""
    if isinstance(obj, int):
        return int(obj)
    meth = getattr(type(obj), "__index__", None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(obj).__name__)
    res = meth(obj)
    if not isinstance(res, int):
        raise TypeError("__index__ returned non-int (type %s)"
                        % type(res).__name__)
    return int(res)


def _ssize_arg(obj):
    """Py_ssize_t argument-clinic converter (used by seek)."""
    v = _index(obj)
    if v > _SSIZE_MAX or v < _SSIZE_MIN:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return v


def _int_arg(obj):
    """C int argument-clinic converter (used by whence)."""
    v = _index(obj)
    if v > 2147483647 or v < -2147483648:
        raise OverflowError("Python int too large to convert to C int")
    return v


def _optional_ssize(obj, default):
    """_Py_convert_optional_to_ssize_t."""
    if obj is None:
        return default
    if isinstance(obj, int) or hasattr(type(obj), "__index__"):
        v = _index(obj)
        if v > _SSIZE_MAX or v < _SSIZE_MIN:
            raise OverflowError("cannot fit '%s' into an index-sized integer"
                                % type(obj).__name__)
        return v
    raise TypeError("argument should be integer or None, not '%s'"
                    % type(obj).__name__)


def _as_bytes(obj):
    if isinstance(obj, bytes):
        return obj
    if _bytes_like_types and isinstance(obj, _bytes_like_types):
        return bytes(obj)
    tp = type(obj)
    if tp.__name__ == "array" and hasattr(obj, "tobytes"):
        return obj.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'"
                    % tp.__name__)


def _writable_buffer(b, fname):
    """Return (size_in_bytes, write(data)) for a writable buffer object:
    bytearray/memoryview where the runtime has them, an array.array, or
    any mutable sequence supporting slice assignment (e.g. a list)."""
    writer = getattr(b, "_write_bytes_at", None)
    if writer is not None:
        # array.array from the pure-Python array module
        def write(data):
            writer(0, data)
        return len(b) * b.itemsize, write
    if isinstance(b, (bytes, str)):
        raise TypeError("%s() argument must be read-write bytes-like "
                        "object, not %s" % (fname, type(b).__name__))
    mv_type = getattr(_builtins, "memoryview", None)
    if mv_type is not None and not isinstance(b, list):
        try:
            mv = mv_type(b)
        except TypeError:
            mv = None
        if mv is not None:
            if mv.readonly:
                raise TypeError("%s() argument must be read-write "
                                "bytes-like object, not %s"
                                % (fname, type(b).__name__))
            mv = mv.cast("B")

            def write(data):
                mv[:len(data)] = data
            return mv.nbytes, write

    def write(data):
        b[:len(data)] = data
    return len(b), write


# ---------------------------------------------------------------------------
# Abstract base classes (modelled on _pyio / the C _io module)
# ---------------------------------------------------------------------------

_CLOSED_MSG = "I/O operation on closed file."


class IOBase:
    """The abstract base class for all I/O classes."""

    _IOBase__closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        if self._IOBase__closed:
            raise ValueError(_CLOSED_MSG)

    def close(self):
        if not self._IOBase__closed:
            try:
                self.flush()
            finally:
                self._IOBase__closed = True

    def seekable(self):
        return False

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable."
                                       if msg is None else msg)

    def readable(self):
        return False

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable."
                                       if msg is None else msg)

    def writable(self):
        return False

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable."
                                       if msg is None else msg)

    @property
    def closed(self):
        return self._IOBase__closed

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError(_CLOSED_MSG if msg is None else msg)

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        size = _optional_ssize(size, -1)
        peek = getattr(self, "peek", None)
        res = []
        total = 0
        while size < 0 or total < size:
            nreadahead = 1
            if peek is not None:
                readahead = peek(1)
                if readahead:
                    if isinstance(readahead, bytes):
                        hx = readahead.hex()
                        j = -1
                        k = 0
                        while True:
                            k = hx.find("0a", k)
                            if k < 0 or k % 2 == 0:
                                j = k
                                break
                            k += 1
                        n = (j // 2 + 1) if j >= 0 else len(readahead)
                    else:
                        j = readahead.find("\n")
                        n = (j + 1) if j >= 0 else len(readahead)
                    if size >= 0:
                        n = min(n, size - total)
                    nreadahead = n
            b = self.read(nreadahead)
            if b is None:
                break
            if not isinstance(b, bytes):
                raise OSError("read() should have returned a bytes object, "
                              "not '%s'" % type(b).__name__)
            if not b:
                break
            res.append(b)
            total += len(b)
            if b[len(b) - 1] == 10:
                break
        return b"".join(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        hint = _optional_ssize(hint, -1)
        if hint <= 0:
            return list(self)
        lines = []
        length = 0
        for line in self:
            lines.append(line)
            n = len(line)
            if n > hint - length:
                break
            length += n
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""

    def read(self, size=-1):
        size = _optional_ssize(size, -1)
        if size < 0:
            return self.readall()
        buf = [0] * size
        n = self.readinto(buf)
        if n is None:
            return None
        return bytes(buf[:n])

    def readall(self):
        res = []
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res.append(data)
        if res:
            return b"".join(res)
        return data

    def readinto(self, b):
        raise NotImplementedError

    def write(self, b):
        raise NotImplementedError


class BufferedIOBase(IOBase):
    """Base class for buffered binary I/O."""

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        self._unsupported("read1")

    def readinto(self, b):
        return self._readinto(b, False)

    def readinto1(self, b):
        return self._readinto(b, True)

    def _readinto(self, b, read1):
        nbytes, write = _writable_buffer(b, "readinto")
        if read1:
            data = self.read1(nbytes)
        else:
            data = self.read(nbytes)
        write(data)
        return len(data)

    def write(self, b):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Base class for text I/O."""

    def read(self, size=-1):
        self._unsupported("read")

    def write(self, s):
        self._unsupported("write")

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def readline(self, size=-1):
        self._unsupported("readline")

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


# ---------------------------------------------------------------------------
# In-memory buffer machinery shared by StringIO and BytesIO.
#
# Appends at the end are collected in a list of chunks and joined lazily,
# so writing many small pieces is linear.  Reads of small sizes are served
# from a cached "window" slice and readline() uses a lazily built index of
# line terminators, so that sequential reading stays (roughly) linear even
# where slicing/searching big str/bytes objects is expensive.
# ---------------------------------------------------------------------------

_LEVELS = (65536, 4096, 256)


def _bisect_left(a, x, lo=0):
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


class _MemBuffer:
    # subclasses set _empty to '' or b''
    _empty = ""

    def _reset_buffer(self):
        self._buf = self._empty     # materialised content
        self._pending = []          # chunks appended after _buf
        self._size = 0              # total size incl. pending
        self._pos = 0
        self._wins = [None] * len(_LEVELS)   # cached window slices
        self._lines = None          # (terminator starts, ends) index
        self._lhint = 0

    def _materialize(self):
        if self._pending:
            self._pending.insert(0, self._buf)
            self._buf = self._empty.join(self._pending)
            self._pending = []
            self._lines = None
        return self._buf

    def _invalidate(self):
        self._wins = [None] * len(_LEVELS)
        self._lines = None

    def _write_data(self, data):
        # data is a non-empty str/bytes; writes at self._pos
        pos = self._pos
        n = len(data)
        size = self._size
        if pos >= size:
            if pos > size:
                self._pending.append(self._pad(pos - size))
            self._pending.append(data)
            self._size = pos + n
        else:
            buf = self._materialize()
            end = pos + n
            if end >= size:
                self._buf = buf[:pos] + data
                self._size = end
            else:
                self._buf = buf[:pos] + data + buf[end:]
            self._invalidate()
        self._pos = pos + n

    def _truncate_to(self, size):
        if size < self._size:
            buf = self._materialize()
            self._buf = buf[:size]
            self._size = size
            self._invalidate()

    def _slice(self, start, end):
        """Return content[start:end] (0 <= start <= end <= size)."""
        n = end - start
        if n <= 0:
            return self._empty
        buf = self._materialize()
        if n > _LEVELS[0]:
            if start == 0 and end == self._size:
                return buf
            return buf[start:end]
        # Multi-level cache of nested windows: slicing a big str/bytes can
        # cost O(len) on some runtimes, so small reads are served from
        # small slices of bigger slices of the buffer.
        wins = self._wins
        parent = buf
        ps = 0
        level = 0
        for size in _LEVELS:
            if size < n:
                break
            w = wins[level]
            if w is None or start < w[0] or end > w[1]:
                obj = parent[start - ps:start - ps + size]
                w = (start, start + len(obj), obj)
                wins[level] = w
            parent = w[2]
            ps = w[0]
            level += 1
        return parent[start - ps:end - ps]

    def _read(self, size):
        pos = self._pos
        n = self._size - pos
        if size < 0 or size > n:
            size = n
            if size <= 0:
                return self._empty
        elif size == 0:
            return self._empty
        end = pos + size
        self._pos = end
        if not self._pending:
            w = self._wins[-1]
            if w is not None and w[0] <= pos and end <= w[1]:
                return w[2][pos - w[0]:end - w[0]]
        return self._slice(pos, end)

    def _line_end(self, pos):
        """End (exclusive) of the line starting at pos, for pos < size."""
        lines = self._lines
        if lines is None:
            lines = self._lines = self._build_line_index()
            self._lhint = 0
        starts, ends = lines
        k = self._lhint
        if not (k < len(starts) and starts[k] >= pos and
                (k == 0 or starts[k - 1] < pos)):
            k = _bisect_left(starts, pos)
        if k > 0 and self._universal_split and ends[k - 1] > pos:
            # pos is inside a "\r\n" terminator: the "\n" alone ends a line
            self._lhint = k
            return pos + 1
        self._lhint = k + 1
        if k < len(starts):
            return ends[k]
        return self._size

    def _readline(self, limit):
        pos = self._pos
        if pos >= self._size:
            return self._empty
        if self._pending:
            self._materialize()
        end = self._line_end(pos)
        if limit >= 0 and end - pos > limit:
            end = pos + limit
        self._pos = end
        w = self._wins[-1]
        if w is not None and w[0] <= pos and end <= w[1]:
            return w[2][pos - w[0]:end - w[0]]
        return self._slice(pos, end)


def _cumulative_split(parts, seplen, base=0):
    """Given s.split(sep), return the offsets of each separator."""
    offs = []
    p = base
    last = len(parts) - 1
    i = 0
    for part in parts:
        if i == last:
            break
        p += len(part)
        offs.append(p)
        p += seplen
        i += 1
    return offs


# ---------------------------------------------------------------------------
# IncrementalNewlineDecoder
# ---------------------------------------------------------------------------

class IncrementalNewlineDecoder:
    _LF = 1
    _CR = 2
    _CRLF = 4

    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.seennl = 0
        self.pendingcr = False

    def decode(self, input, final=False):
        if self.decoder is None:
            output = input
        else:
            output = self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = "\r" + output
            self.pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count("\r\n")
        cr = output.count("\r") - crlf
        lf = output.count("\n") - crlf
        if lf:
            self.seennl |= self._LF
        if cr:
            self.seennl |= self._CR
        if crlf:
            self.seennl |= self._CRLF
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        if self.decoder is None:
            buf = b""
            flag = 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self.pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self.pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self.seennl = 0
        self.pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None,
                "\n",
                "\r",
                ("\r", "\n"),
                "\r\n",
                ("\n", "\r\n"),
                ("\r", "\r\n"),
                ("\r", "\n", "\r\n"))[self.seennl]


# ---------------------------------------------------------------------------
# StringIO
# ---------------------------------------------------------------------------

_STR_CLOSED_MSG = "I/O operation on closed file"


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    _empty = ""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._sclosed = False
        self._readnl = newline
        self._readuniversal = newline is None or newline == ""
        self._readtranslate = newline is None
        self._writenl = newline if (newline and newline[0] == "\r") else None
        if self._readuniversal:
            self._decoder = IncrementalNewlineDecoder(None,
                                                      self._readtranslate)
        else:
            self._decoder = None
        self._universal_split = self._readuniversal and not self._readtranslate
        self._reset_buffer()
        if initial_value:
            self._write_str(initial_value)
            self._pos = 0

    def _pad(self, n):
        return "\0" * n

    def _check(self):
        if self._sclosed:
            raise ValueError(_STR_CLOSED_MSG)

    def _write_str(self, s):
        if self._decoder is not None:
            s = self._decoder.decode(s, True)
        if self._writenl is not None:
            s = s.replace("\n", self._writenl)
        if s:
            self._write_data(s)

    def _build_line_index(self):
        buf = self._buf
        if self._readtranslate:
            sep = "\n"
        elif not self._readuniversal:
            sep = self._readnl
        else:
            # universal newlines without translation: \r, \n and \r\n
            starts = []
            ends = []
            p = 0
            pieces = buf.split("\n")
            last = len(pieces) - 1
            i = 0
            for piece in pieces:
                sub = piece.split("\r")
                nsub = len(sub)
                j = 0
                for part in sub:
                    p += len(part)
                    if j < nsub - 1:
                        if j == nsub - 2 and i < last and sub[nsub - 1] == "":
                            # "...\r" immediately followed by "\n"
                            starts.append(p)
                            ends.append(p + 2)
                            p += 1
                        else:
                            starts.append(p)
                            ends.append(p + 1)
                            p += 1
                    elif i < last:
                        if not (nsub >= 2 and part == ""):
                            starts.append(p)
                            ends.append(p + 1)
                        p += 1
                    j += 1
                i += 1
            return starts, ends
        seplen = len(sep)
        starts = _cumulative_split(buf.split(sep), seplen)
        ends = [s + seplen for s in starts]
        return starts, ends

    # -- public API --------------------------------------------------------

    @property
    def closed(self):
        return self._sclosed

    def close(self):
        self._sclosed = True
        self._reset_buffer()

    def getvalue(self):
        self._check()
        return self._materialize()

    def read(self, size=-1):
        if type(size) is not int or size > _SSIZE_MAX or size < _SSIZE_MIN:
            size = _optional_ssize(size, -1)
        if self._sclosed:
            raise ValueError(_STR_CLOSED_MSG)
        return self._read(size)

    def readline(self, size=-1):
        size = _optional_ssize(size, -1)
        self._check()
        return self._readline(size)

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'"
                            % type(s).__name__)
        if self._sclosed:
            raise ValueError(_STR_CLOSED_MSG)
        n = len(s)
        if n > 0:
            if (self._pos == self._size and self._decoder is None and
                    self._writenl is None):
                # fast path: append at the end
                self._pending.append(s)
                self._size = self._pos = self._pos + n
            else:
                self._write_str(s)
        return n

    def seek(self, pos, whence=0):
        pos = _ssize_arg(pos)
        whence = _int_arg(whence)
        self._check()
        if whence != 0 and whence != 1 and whence != 2:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)"
                             % whence)
        elif pos < 0 and whence == 0:
            raise ValueError("Negative seek position %d" % pos)
        elif whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._size
        self._pos = pos
        return pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, pos=None):
        if pos is None:
            self._check()
            size = self._pos
        else:
            size = _optional_ssize(pos, 0)
            self._check()
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._truncate_to(size)
        return size

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def __next__(self):
        if self._sclosed:
            raise ValueError(_STR_CLOSED_MSG)
        if type(self) is StringIO:
            line = self._readline(-1)
        else:
            line = self.readline()
            if not isinstance(line, str):
                raise OSError("readline() should have returned a str object, "
                              "not '%s'" % type(line).__name__)
        if not line:
            raise StopIteration
        return line

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._decoder is None:
            return None
        return self._decoder.newlines

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._readnl, self._pos,
                dict(getattr(self, "__dict__", {})))

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)


# ---------------------------------------------------------------------------
# BytesIO
# ---------------------------------------------------------------------------

class BytesIO(BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    _empty = b""
    _universal_split = False

    def __init__(self, initial_bytes=None):
        self._bclosed = False
        self._reset_buffer()
        if initial_bytes is not None:
            data = _as_bytes(initial_bytes)
            if data:
                self._write_data(data)
            self._pos = 0

    def _pad(self, n):
        return bytes(n)

    def _check(self):
        if self._bclosed:
            raise ValueError(_CLOSED_MSG)

    def _build_line_index(self):
        buf = self._buf
        find = getattr(buf, "find", None)
        starts = []
        if find is not None:
            i = find(b"\n")
            while i >= 0:
                starts.append(i)
                i = find(b"\n", i + 1)
        else:
            # pystm's bytes has no find/split: search the hex form instead
            parts = buf.hex().split("0a")
            last = len(parts) - 1
            p = 0
            i = 0
            for part in parts:
                if i == last:
                    break
                p += len(part)
                if p % 2 == 0:
                    starts.append(p // 2)
                p += 2
                i += 1
        ends = [s + 1 for s in starts]
        return starts, ends

    @property
    def closed(self):
        return self._bclosed

    def close(self):
        self._bclosed = True
        self._reset_buffer()

    def getvalue(self):
        self._check()
        return self._materialize()

    def getbuffer(self):
        raise UnsupportedOperation("getbuffer() is not supported by this "
                                   "io implementation (no memoryview)")

    def read(self, size=-1):
        if type(size) is not int or size > _SSIZE_MAX or size < _SSIZE_MIN:
            size = _optional_ssize(size, -1)
        if self._bclosed:
            raise ValueError(_CLOSED_MSG)
        return self._read(size)

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        size = _optional_ssize(size, -1)
        self._check()
        return self._readline(size)

    def readlines(self, size=None):
        self._check()
        if isinstance(size, int):
            maxsize = size
            if maxsize > _SSIZE_MAX or maxsize < _SSIZE_MIN:
                raise OverflowError(
                    "Python int too large to convert to C ssize_t")
        elif size is None:
            maxsize = 0
        else:
            raise TypeError("integer argument expected, got '%s'"
                            % type(size).__name__)
        lines = []
        total = 0
        while True:
            line = self._readline(-1)
            if not line:
                break
            lines.append(line)
            total += len(line)
            if maxsize > 0 and total >= maxsize:
                break
        return lines

    def readinto(self, b):
        self._check()
        nbytes, write = _writable_buffer(b, "readinto")
        data = self._read(nbytes)
        write(data)
        return len(data)

    def readinto1(self, b):
        return self.readinto(b)

    def write(self, b):
        if self._bclosed:
            raise ValueError(_CLOSED_MSG)
        data = b if type(b) is bytes else _as_bytes(b)
        n = len(data)
        if n:
            if self._pos == self._size:
                # fast path: append at the end
                self._pending.append(data)
                self._size = self._pos = self._pos + n
            else:
                self._write_data(data)
        return n

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        pos = _ssize_arg(pos)
        whence = _int_arg(whence)
        self._check()
        if pos < 0 and whence == 0:
            raise ValueError("negative seek value %d" % pos)
        if whence == 1:
            if pos > _SSIZE_MAX - self._pos:
                raise OverflowError("new position too large")
            pos += self._pos
        elif whence == 2:
            if pos > _SSIZE_MAX - self._size:
                raise OverflowError("new position too large")
            pos += self._size
        elif whence != 0:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)"
                             % whence)
        if pos < 0:
            pos = 0
        self._pos = pos
        return pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        if size is None:
            self._check()
            size = self._pos
        else:
            size = _optional_ssize(size, 0)
            self._check()
        if size < 0:
            raise ValueError("negative size value %d" % size)
        self._truncate_to(size)
        return size

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def __iter__(self):
        return self

    def __next__(self):
        if self._bclosed:
            raise ValueError(_CLOSED_MSG)
        line = self._readline(-1)
        if not line:
            raise StopIteration
        return line

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._pos,
                dict(getattr(self, "__dict__", {})))

    def __repr__(self):
        return "<_io.BytesIO object at 0x%x>" % id(self)


def _inject(cls):
    # copy the _MemBuffer helpers into cls (keeps the MRO like CPython's)
    for name, value in list(_MemBuffer.__dict__.items()):
        if name.startswith("__") or name in cls.__dict__:
            continue
        setattr(cls, name, value)


_inject(StringIO)
_inject(BytesIO)
del _inject


# ---------------------------------------------------------------------------
# Thin buffered wrappers and a simple TextIOWrapper
# ---------------------------------------------------------------------------

class FileIO(RawIOBase):
    """Raw file I/O on top of the runtime's builtin open() (binary mode)."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        if not isinstance(mode, str):
            raise TypeError("invalid mode: %r" % (mode,))
        m = mode.replace("b", "")
        if m not in ("r", "w", "a", "x", "r+", "w+", "a+", "x+"):
            raise ValueError("invalid mode: %s" % mode)
        self.name = file
        self.mode = {"r": "rb", "w": "wb", "a": "ab", "x": "xb"}.get(
            m, m[0] + "b+")
        self._m = m
        self._f = open(file, self.mode)
        self.closefd = closefd

    def readable(self):
        self._checkClosed()
        return "r" in self._m or "+" in self._m

    def writable(self):
        self._checkClosed()
        return "r" not in self._m or "+" in self._m

    def seekable(self):
        self._checkClosed()
        return hasattr(self._f, "seek")

    def read(self, size=-1):
        self._checkClosed()
        size = _optional_ssize(size, -1)
        if size < 0:
            return self._f.read()
        return self._f.read(size)

    def readall(self):
        return self.read()

    def readinto(self, b):
        nbytes, write = _writable_buffer(b, "readinto")
        data = self.read(nbytes)
        write(data)
        return len(data)

    def write(self, b):
        self._checkClosed()
        data = _as_bytes(b)
        self._f.write(data)
        return len(data)

    def seek(self, pos, whence=0):
        self._checkClosed()
        return self._f.seek(pos, whence)

    def tell(self):
        self._checkClosed()
        return self._f.tell()

    def fileno(self):
        self._checkClosed()
        return self._f.fileno()

    def isatty(self):
        self._checkClosed()
        return self._f.isatty()

    def close(self):
        if not self.closed:
            try:
                if self.closefd:
                    self._f.close()
            finally:
                RawIOBase.close(self)


class _BufferedWrapper(BufferedIOBase):
    """Pass-through 'buffered' object over a raw stream (no real buffer)."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self._raw = raw
        self.buffer_size = buffer_size

    @property
    def raw(self):
        return self._raw

    @property
    def closed(self):
        return self._raw.closed

    @property
    def name(self):
        return self._raw.name

    @property
    def mode(self):
        return self._raw.mode

    def readable(self):
        return self._raw.readable()

    def writable(self):
        return self._raw.writable()

    def seekable(self):
        return self._raw.seekable()

    def fileno(self):
        return self._raw.fileno()

    def isatty(self):
        return self._raw.isatty()

    def read(self, size=-1):
        size = _optional_ssize(size, -1)
        if size < 0:
            return self._raw.readall()
        res = []
        while size > 0:
            chunk = self._raw.read(size)
            if not chunk:
                break
            res.append(chunk)
            size -= len(chunk)
        return b"".join(res)

    def read1(self, size=-1):
        size = _optional_ssize(size, -1)
        if size < 0:
            size = self.buffer_size
        return self._raw.read(size)

    def peek(self, size=0):
        return b""

    def write(self, b):
        if self.closed:
            raise ValueError("write to closed file")
        return self._raw.write(b)

    def seek(self, pos, whence=0):
        return self._raw.seek(pos, whence)

    def tell(self):
        return self._raw.tell()

    def truncate(self, pos=None):
        return self._raw.truncate(pos)

    def flush(self):
        if self.closed:
            raise ValueError("flush on closed file")
        f = getattr(self._raw, "flush", None)
        if f is not None:
            f()

    def close(self):
        if self._raw is not None and not self.closed:
            try:
                self.flush()
            finally:
                self._raw.close()

    def detach(self):
        if self._raw is None:
            raise ValueError("raw stream already detached")
        self.flush()
        raw = self._raw
        self._raw = None
        return raw


class BufferedReader(_BufferedWrapper):
    pass


class BufferedWriter(_BufferedWrapper):
    pass


class BufferedRandom(_BufferedWrapper):
    pass


class BufferedRWPair(BufferedIOBase):
    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def readinto(self, b):
        return self.reader.readinto(b)

    def write(self, b):
        return self.writer.write(b)

    def peek(self, size=0):
        return self.reader.peek(size)

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def flush(self):
        return self.writer.flush()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    @property
    def closed(self):
        return self.writer.closed


def _utf8_incomplete_tail(data):
    """Number of trailing bytes of data forming an incomplete UTF-8 char."""
    n = len(data)
    i = n - 1
    k = 0
    while i >= 0 and k < 3:
        c = data[i]
        if c & 0xC0 == 0x80:
            i -= 1
            k += 1
            continue
        if c >= 0xF0:
            need = 4
        elif c >= 0xE0:
            need = 3
        elif c >= 0xC0:
            need = 2
        else:
            return 0
        have = n - i
        return have if have < need else 0
    return 0


class TextIOWrapper(TextIOBase):
    """Simple character/line based layer over a binary stream.

    Supports read/readline/iteration/write/flush/close/detach and
    seek(0)/seek(0, 2)/tell() between reads.  Decoding is done in chunks
    (multi-byte UTF-8 sequences split across chunks are handled); only
    encodings understood by str.encode/bytes.decode can be used.
    """

    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("illegal newline type: %r" % (type(newline),))
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %s" % (newline,))
        if encoding is None or encoding == "locale":
            encoding = "utf-8"
        if not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be "
                            "str or None, not %s" % type(encoding).__name__)
        if errors is None:
            errors = "strict"
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ""
        self._writenl = newline or "\n"
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._decoded = ""
        self._dpos = 0
        self._pending = b""
        self._eof = False
        self._nldecoder = IncrementalNewlineDecoder(None, self._readtranslate)
        enc = encoding.lower().replace("_", "-")
        self._utf8 = enc in ("utf-8", "utf8", "u8")

    # -- properties --
    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def buffer(self):
        return self._buffer

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    @property
    def newlines(self):
        return self._nldecoder.newlines

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        return self._buffer.seekable()

    def flush(self):
        self._buffer.flush()

    def close(self):
        if self._buffer is not None and not self.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def detach(self):
        if self._buffer is None:
            raise ValueError("buffer is already detached")
        self.flush()
        b = self._buffer
        self._buffer = None
        return b

    def __repr__(self):
        name = getattr(self._buffer, "name", None)
        if name is None:
            return "<_io.TextIOWrapper encoding='%s'>" % self._encoding
        return "<_io.TextIOWrapper name=%r encoding='%s'>" % (name,
                                                             self._encoding)

    # -- writing --
    def write(self, s):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s"
                            % type(s).__name__)
        length = len(s)
        haslf = (self._writetranslate or self._line_buffering) and "\n" in s
        if haslf and self._writetranslate and self._writenl != "\n":
            s = s.replace("\n", self._writenl)
        if self._decoded or self._pending:
            # discard read-ahead: reposition the underlying buffer
            self._rewind_readahead()
        self._buffer.write(s.encode(self._encoding, self._errors))
        if self._line_buffering and (haslf or "\r" in s):
            self.flush()
        return length

    # -- reading --
    def _decode_bytes(self, data, final):
        data = self._pending + data
        if final:
            self._pending = b""
        elif self._utf8:
            k = _utf8_incomplete_tail(data)
            if k:
                self._pending = data[len(data) - k:]
                data = data[:len(data) - k]
            else:
                self._pending = b""
        else:
            self._pending = b""
        return data.decode(self._encoding, self._errors)

    def _fill(self):
        """Read one more chunk; return False at EOF."""
        if self._eof:
            return False
        data = self._buffer.read1(self._CHUNK_SIZE) if hasattr(
            self._buffer, "read1") else self._buffer.read(self._CHUNK_SIZE)
        final = not data
        if final:
            self._eof = True
        text = self._nldecoder.decode(self._decode_bytes(data or b"", final),
                                      final)
        rest = self._decoded[self._dpos:]
        self._decoded = rest + text
        self._dpos = 0
        return not final or bool(text)

    def _rewind_readahead(self):
        rest = self._decoded[self._dpos:]
        nbytes = len(rest.encode(self._encoding, self._errors)) + \
            len(self._pending)
        if self._nldecoder.pendingcr:
            nbytes += 1
        self._decoded = ""
        self._dpos = 0
        self._pending = b""
        self._nldecoder.pendingcr = False
        self._eof = False
        if nbytes and self._buffer.seekable():
            self._buffer.seek(-nbytes, 1)

    def read(self, size=-1):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        size = _optional_ssize(size, -1)
        if size < 0:
            rest = self._decoded[self._dpos:]
            data = self._buffer.read()
            text = self._nldecoder.decode(self._decode_bytes(data or b"",
                                                             True), True)
            self._decoded = ""
            self._dpos = 0
            self._eof = True
            return rest + text
        while len(self._decoded) - self._dpos < size:
            if not self._fill():
                break
        res = self._decoded[self._dpos:self._dpos + size]
        self._dpos += len(res)
        return res

    def _find_eol(self, text, start):
        if self._readtranslate:
            i = text.find("\n", start)
            return -1 if i < 0 else i + 1
        if self._readuniversal:
            i = text.find("\n", start)
            j = text.find("\r", start)
            if j < 0 and i < 0:
                return -1
            if j < 0 or (0 <= i < j):
                return i + 1
            if j + 1 < len(text):
                return j + 2 if text[j + 1] == "\n" else j + 1
            return -2  # '\r' at end: need more data
        i = text.find(self._readnl, start)
        return -1 if i < 0 else i + len(self._readnl)

    def readline(self, size=-1):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        size = _optional_ssize(size, -1)
        while True:
            text = self._decoded
            end = self._find_eol(text, self._dpos)
            if end >= 0:
                break
            if size >= 0 and len(text) - self._dpos >= size:
                break
            if not self._fill():
                end = len(self._decoded)
                break
        text = self._decoded
        if end < 0:
            end = len(text)
        if size >= 0 and end - self._dpos > size:
            end = self._dpos + size
        res = text[self._dpos:end]
        self._dpos = end
        if self._dpos > self._CHUNK_SIZE:
            self._decoded = text[self._dpos:]
            self._dpos = 0
        return res

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        self.flush()
        pos = self._buffer.tell()
        rest = self._decoded[self._dpos:]
        if rest or self._pending:
            if self._readtranslate and self._nldecoder.seennl & 6:
                raise UnsupportedOperation(
                    "tell() with pending translated text is not supported")
            pos -= len(rest.encode(self._encoding, self._errors)) + \
                len(self._pending)
        return pos

    def seek(self, cookie, whence=0):
        if self.closed:
            raise ValueError("tell on closed file")
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative "
                                           "seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative "
                                           "seeks")
            self.flush()
            self._decoded = ""
            self._dpos = 0
            self._pending = b""
            self._nldecoder.reset()
            self._eof = False
            return self._buffer.seek(0, 2)
        if whence != 0:
            raise ValueError("invalid whence (%r, should be 0, 1 or 2)"
                             % (whence,))
        if cookie < 0:
            raise ValueError("negative seek position %r" % (cookie,))
        self.flush()
        self._decoded = ""
        self._dpos = 0
        self._pending = b""
        self._nldecoder.reset()
        self._eof = False
        self._buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        if encoding is not None:
            self._encoding = encoding
            enc = encoding.lower().replace("_", "-")
            self._utf8 = enc in ("utf-8", "utf8", "u8")
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._readuniversal = not newline
            self._readtranslate = newline is None
            self._readnl = newline
            self._writetranslate = newline != ""
            self._writenl = newline or "\n"
            self._nldecoder.translate = self._readtranslate
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through
