"""codecs -- Python Codec Registry, API and helpers."""
# pystm's codecs, written for pystm: the registry, `CodecInfo`, the incremental and stream
# classes and `open`, over the encodings `str.encode` and `bytes.decode` know (UTF-8, ASCII,
# Latin-1, UTF-16 and UTF-32 with their byte orders) and any codec a program registers. The
# stream classes' `read`/`readline` follow CPython 3.11's Lib/codecs.py (PSF licence). The
# `encodings` package and CPython's other C codecs are not shipped.

import builtins
import sys

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE", "BOM_LE", "BOM32_BE",
           "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE",
           "BOM_UTF16_BE", "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo", "Codec",
           "IncrementalEncoder", "IncrementalDecoder", "StreamReader", "StreamWriter",
           "StreamReaderWriter", "StreamRecoder", "getencoder", "getdecoder",
           "getincrementalencoder", "getincrementaldecoder", "getreader", "getwriter", "encode",
           "decode", "iterencode", "iterdecode", "strict_errors", "ignore_errors",
           "replace_errors", "xmlcharrefreplace_errors", "backslashreplace_errors",
           "namereplace_errors", "register_error", "lookup_error"]

BOM_UTF8 = b"\xef\xbb\xbf"
BOM_LE = BOM_UTF16_LE = b"\xff\xfe"
BOM_BE = BOM_UTF16_BE = b"\xfe\xff"
BOM_UTF32_LE = b"\xff\xfe\x00\x00"
BOM_UTF32_BE = b"\x00\x00\xfe\xff"
if sys.byteorder == "little":
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None, incrementalencoder=None,
                incrementaldecoder=None, name=None, *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    """ Defines the interface for stateless encoders/decoders."""

    def encode(self, input, errors="strict"):
        raise NotImplementedError

    def decode(self, input, errors="strict"):
        raise NotImplementedError


class IncrementalEncoder(object):
    """An IncrementalEncoder encodes an input in multiple steps."""

    def __init__(self, errors="strict"):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    def __init__(self, errors="strict"):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder(object):
    """An IncrementalDecoder decodes an input in multiple steps."""

    def __init__(self, errors="strict"):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """This subclass of IncrementalDecoder can be used as the baseclass for an incremental
    decoder if the decoder must be able to handle incomplete byte sequences."""

    def __init__(self, errors="strict"):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class _StreamProxy:
    """What the stream classes share: other attributes are the stream's, and `with` closes it."""

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamWriter(Codec, _StreamProxy):

    def __init__(self, stream, errors="strict"):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write("".join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()


class StreamReader(Codec, _StreamProxy):

    charbuffertype = str

    def __init__(self, stream, errors="strict"):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer = self.charbuffertype()
        self.linebuffer = None

    def decode(self, input, errors="strict"):
        raise NotImplementedError

    def read(self, size=-1, chars=-1, firstline=False):
        if self.linebuffer:
            self.charbuffer = self._empty_charbuffer.join(self.linebuffer)
            self.linebuffer = None
        if chars < 0:
            chars = size
        while True:
            if chars >= 0 and len(self.charbuffer) >= chars:
                break
            newdata = self.stream.read() if size < 0 else self.stream.read(size)
            data = self.bytebuffer + newdata
            if not data:
                break
            try:
                newchars, decodedbytes = self.decode(data, self.errors)
            except UnicodeDecodeError as exc:
                if firstline:
                    newchars, decodedbytes = self.decode(data[:exc.start], self.errors)
                    lines = newchars.splitlines(keepends=True)
                    if len(lines) <= 1:
                        raise
                else:
                    raise
            self.bytebuffer = data[decodedbytes:]
            self.charbuffer += newchars
            if not newdata:
                break
        if chars < 0:
            result = self.charbuffer
            self.charbuffer = self._empty_charbuffer
        else:
            result = self.charbuffer[:chars]
            self.charbuffer = self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        if self.linebuffer:
            line = self.linebuffer[0]
            del self.linebuffer[0]
            if len(self.linebuffer) == 1:
                self.charbuffer = self.linebuffer[0]
                self.linebuffer = None
            if not keepends:
                line = line.splitlines(keepends=False)[0]
            return line
        readsize = size or 72
        line = self._empty_charbuffer
        while True:
            data = self.read(readsize, firstline=True)
            if data:
                if (isinstance(data, str) and data.endswith("\r")) or \
                   (isinstance(data, bytes) and data.endswith(b"\r")):
                    data += self.read(size=1, chars=1)
            line += data
            lines = line.splitlines(keepends=True)
            if lines:
                if len(lines) > 1:
                    line = lines[0]
                    del lines[0]
                    if len(lines) > 1:
                        lines[-1] += self.charbuffer
                        self.linebuffer = lines
                        self.charbuffer = None
                    else:
                        self.charbuffer = lines[0] + self.charbuffer
                    if not keepends:
                        line = line.splitlines(keepends=False)[0]
                    break
                line0withend = lines[0]
                line0withoutend = lines[0].splitlines(keepends=False)[0]
                if line0withend != line0withoutend:
                    self.charbuffer = self._empty_charbuffer.join(lines[1:]) + self.charbuffer
                    if keepends:
                        line = line0withend
                    else:
                        line = line0withoutend
                    break
            if not data or size is not None:
                if line and not keepends:
                    line = line.splitlines(keepends=False)[0]
                break
            if readsize < 8000:
                readsize *= 2
        return line

    def readlines(self, sizehint=None, keepends=True):
        data = self.read()
        return data.splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self


class StreamReaderWriter(_StreamProxy):
    encoding = "unknown"

    def __init__(self, stream, Reader, Writer, errors="strict"):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()
        if whence == 0 and offset == 0:
            self.writer.reset()


class StreamRecoder(_StreamProxy):
    data_encoding = "unknown"
    file_encoding = "unknown"

    def __init__(self, stream, encode, decode, Reader, Writer, errors="strict"):
        self.stream = stream
        self.encode = encode
        self.decode = decode
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        data = self.reader.read(size)
        data, bytesencoded = self.encode(data, self.errors)
        return data

    def write(self, data):
        data, bytesdecoded = self.decode(data, self.errors)
        return self.writer.write(data)


# ---- the built-in codecs, over str.encode and bytes.decode ----------------------------------

def _incomplete_tail(data, name, final):
    """How many bytes at the end of `data` may start a character that the next chunk
    completes (0 when `final`)."""
    if final:
        return 0
    if name == "utf-8":
        n = len(data)
        for back in range(1, min(3, n) + 1):
            b = data[n - back]
            if b & 0xC0 == 0x80:
                continue
            need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
            return back if need > back else 0
        return 0
    if name.startswith("utf-16"):
        keep = len(data) % 2
        if len(data) - keep >= 2:
            # A high surrogate at the end waits for its low half.
            lo, hi = data[len(data) - keep - 2], data[len(data) - keep - 1]
            unit = (hi << 8 | lo) if not name.endswith("be") else (lo << 8 | hi)
            if 0xD800 <= unit < 0xDC00:
                keep += 2
        return keep
    if name.startswith("utf-32"):
        return len(data) % 4
    return 0


def _builtin_codec(name):
    def encode(input, errors="strict"):
        return input.encode(name, errors), len(input)

    def decode(input, errors="strict"):
        data = bytes(input)
        return data.decode(name, errors), len(data)

    with_bom = name in ("utf-16", "utf-32")

    class IncEncoder(IncrementalEncoder):
        def __init__(self, errors="strict"):
            IncrementalEncoder.__init__(self, errors)
            self.first = True

        def encode(self, input, final=False):
            out = input.encode(name, self.errors)
            if with_bom and not self.first:
                out = out[len(BOM_UTF16 if name == "utf-16" else BOM_UTF32):]
            self.first = False
            return out

        def reset(self):
            self.first = True

    class IncDecoder(BufferedIncrementalDecoder):
        def __init__(self, errors="strict"):
            BufferedIncrementalDecoder.__init__(self, errors)
            self.order = None

        def _buffer_decode(self, input, errors, final):
            n = len(input) - _incomplete_tail(input, name, final)
            chunk = input[:n]
            if with_bom:
                if self.order is None:
                    width = 2 if name == "utf-16" else 4
                    if len(chunk) < width and not final:
                        return "", 0
                    boms = ((BOM_UTF16_LE, "utf-16-le"), (BOM_UTF16_BE, "utf-16-be")) if width == 2 else \
                        ((BOM_UTF32_LE, "utf-32-le"), (BOM_UTF32_BE, "utf-32-be"))
                    self.order = name + ("-le" if sys.byteorder == "little" else "-be")
                    for bom, order in boms:
                        if chunk.startswith(bom):
                            self.order = order
                            return chunk[width:].decode(order, errors), n
                return chunk.decode(self.order, errors), n
            return chunk.decode(name, errors), n

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self.order = None

    class Writer(StreamWriter):
        def encode(self, input, errors="strict"):
            return encode(input, errors)

    class Reader(StreamReader):
        def __init__(self, stream, errors="strict"):
            StreamReader.__init__(self, stream, errors)
            self._dec = IncDecoder(errors)

        def decode(self, input, errors="strict"):
            self._dec.errors = errors
            self._dec.buffer = b""
            return self._dec._buffer_decode(input, errors, False)

    shown = "iso8859-1" if name == "latin-1" else name
    return CodecInfo(encode, decode, Reader, Writer, IncEncoder, IncDecoder, name=shown)


_ALIASES = {
    "utf_8": "utf-8", "utf8": "utf-8", "u8": "utf-8", "utf": "utf-8", "cp65001": "utf-8",
    "ascii": "ascii", "us_ascii": "ascii", "646": "ascii", "us": "ascii",
    "latin_1": "latin-1", "latin1": "latin-1", "iso8859_1": "latin-1", "iso_8859_1": "latin-1",
    "l1": "latin-1", "8859": "latin-1", "cp819": "latin-1", "latin": "latin-1",
    "utf_16": "utf-16", "utf16": "utf-16", "u16": "utf-16",
    "utf_16_le": "utf-16-le", "utf_16le": "utf-16-le", "utf_16_be": "utf-16-be", "utf_16be": "utf-16-be",
    "utf_32": "utf-32", "utf32": "utf-32", "u32": "utf-32",
    "utf_32_le": "utf-32-le", "utf_32le": "utf-32-le", "utf_32_be": "utf-32-be", "utf_32be": "utf-32-be",
}
_search_functions = []
_cache = {}


def _normalize(encoding):
    return "_".join(encoding.lower().replace("-", " ").split())


def register(search_function):
    """Register a codec search function."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    """Unregister a codec search function and clear the registry's cache."""
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    norm = _normalize(encoding)
    if norm in _cache:
        return _cache[norm]
    for f in _search_functions:
        info = f(norm)
        if info is not None:
            if not isinstance(info, CodecInfo) and not (isinstance(info, tuple) and len(info) == 4):
                raise TypeError("codec search functions must return 4-tuples")
            _cache[norm] = info
            return info
    if norm in _ALIASES:
        info = _cache[norm] = _builtin_codec(_ALIASES[norm])
        return info
    raise LookupError(f"unknown encoding: {encoding}")


def encode(obj, encoding="utf-8", errors="strict"):
    """Encodes obj using the codec registered for encoding."""
    result = lookup(encoding).encode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]


def decode(obj, encoding="utf-8", errors="strict"):
    """Decodes obj using the codec registered for encoding."""
    result = lookup(encoding).decode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object,integer)")
    return result[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors="strict", **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors="strict", **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode="r", encoding=None, errors="strict", buffering=-1):
    """Open an encoded file using the given mode and return a wrapped version providing
    transparent encoding/decoding."""
    if encoding is not None and "b" not in mode:
        mode = mode + "b"
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


def EncodedFile(file, data_encoding, file_encoding=None, errors="strict"):
    if file_encoding is None:
        file_encoding = data_encoding
    data_info = lookup(data_encoding)
    file_info = lookup(file_encoding)
    sr = StreamRecoder(file, data_info.encode, data_info.decode, file_info.streamreader,
                       file_info.streamwriter, errors)
    sr.data_encoding = data_encoding
    sr.file_encoding = file_encoding
    return sr


# ---- error handlers ------------------------------------------------------------------------

def strict_errors(exception):
    raise exception


def ignore_errors(exception):
    if not isinstance(exception, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        raise TypeError(f"don't know how to handle {type(exception).__name__} in error callback")
    return ("", exception.end)


def replace_errors(exception):
    if isinstance(exception, UnicodeDecodeError):
        return ("\ufffd", exception.end)
    if isinstance(exception, (UnicodeEncodeError, UnicodeTranslateError)):
        q = "?" if isinstance(exception, UnicodeEncodeError) else "\ufffd"
        return (q * (exception.end - exception.start), exception.end)
    raise TypeError(f"don't know how to handle {type(exception).__name__} in error callback")


def xmlcharrefreplace_errors(exception):
    if not isinstance(exception, UnicodeEncodeError):
        raise TypeError(f"don't know how to handle {type(exception).__name__} in error callback")
    s = exception.object[exception.start:exception.end]
    return ("".join(f"&#{ord(c)};" for c in s), exception.end)


def backslashreplace_errors(exception):
    if isinstance(exception, UnicodeDecodeError):
        b = exception.object[exception.start:exception.end]
        return ("".join(f"\\x{x:02x}" for x in b), exception.end)
    if not isinstance(exception, (UnicodeEncodeError, UnicodeTranslateError)):
        raise TypeError(f"don't know how to handle {type(exception).__name__} in error callback")
    out = []
    for c in exception.object[exception.start:exception.end]:
        o = ord(c)
        out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}")
    return ("".join(out), exception.end)


def namereplace_errors(exception):
    raise TypeError("namereplace is not supported by pystm (no Unicode name database)")


_error_handlers = {
    "strict": strict_errors,
    "ignore": ignore_errors,
    "replace": replace_errors,
    "xmlcharrefreplace": xmlcharrefreplace_errors,
    "backslashreplace": backslashreplace_errors,
    "namereplace": namereplace_errors,
}


def register_error(name, error_handler):
    """Register the specified error handler under the name errors."""
    if not callable(error_handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = error_handler


def lookup_error(name):
    """lookup_error(errors) -> handler"""
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError(f"unknown error handler name '{name}'") from None


def utf_8_encode(input, errors="strict"):
    return input.encode("utf-8", errors), len(input)


def utf_8_decode(input, errors="strict", final=False):
    data = bytes(input)
    n = len(data) - _incomplete_tail(data, "utf-8", final)
    return data[:n].decode("utf-8", errors), n


def latin_1_encode(input, errors="strict"):
    return input.encode("latin-1", errors), len(input)


def latin_1_decode(input, errors="strict"):
    data = bytes(input)
    return data.decode("latin-1", errors), len(data)


def ascii_encode(input, errors="strict"):
    return input.encode("ascii", errors), len(input)


def ascii_decode(input, errors="strict"):
    data = bytes(input)
    return data.decode("ascii", errors), len(data)
