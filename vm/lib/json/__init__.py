"""JSON (JavaScript Object Notation) <https://json.org> encoder and decoder.

Pure-Python implementation of the standard ``json`` module API:
dump, dumps, load, loads, JSONEncoder, JSONDecoder, JSONDecodeError.
"""
__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def _all_default(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                 indent, separators, default, sort_keys, kw):
    return (not skipkeys and ensure_ascii and check_circular and allow_nan
            and cls is None and indent is None and separators is None
            and default is None and not sort_keys and not kw)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (an object
    with a ``.write()`` method)."""
    if _all_default(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                    indent, separators, default, sort_keys, kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan,
                       indent=indent, separators=separators,
                       default=default, sort_keys=sort_keys,
                       **kw).iterencode(obj)
    # Encode everything before writing anything, as CPython's C encoder does: a value that
    # cannot be encoded leaves the file untouched.
    for chunk in list(iterable):
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``."""
    if _all_default(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                    indent, separators, default, sort_keys, kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan,
               indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


_BOM_UTF8 = b'\xef\xbb\xbf'
_BOM_UTF16_LE = b'\xff\xfe'
_BOM_UTF16_BE = b'\xfe\xff'
_BOM_UTF32_LE = b'\xff\xfe\x00\x00'
_BOM_UTF32_BE = b'\x00\x00\xfe\xff'


def detect_encoding(b):
    """Guess the encoding of JSON bytes (UTF-8, UTF-16 or UTF-32)."""
    # (slicing instead of bytes.startswith, which the runtime lacks)
    head4 = b[:4]
    if head4 == _BOM_UTF32_BE or head4 == _BOM_UTF32_LE:
        return 'utf-32'
    head2 = b[:2]
    if head2 == _BOM_UTF16_BE or head2 == _BOM_UTF16_LE:
        return 'utf-16'
    if b[:3] == _BOM_UTF8:
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def _decode_units(b, encoding, width, big):
    """Decode UTF-16/UTF-32 bytes by hand (the runtime's bytes.decode only
    handles UTF-8)."""
    n = len(b)
    usable = n - n % width
    units = []
    for i in range(0, usable, width):
        v = 0
        if big:
            for j in range(width):
                v = (v << 8) | b[i + j]
        else:
            for j in range(width - 1, -1, -1):
                v = (v << 8) | b[i + j]
        units.append(v)
    if usable != n:
        raise UnicodeDecodeError(encoding, bytes(b), usable, n,
                                 'truncated data')
    out = []
    i = 0
    count = len(units)
    while i < count:
        u = units[i]
        if (width == 2 and 0xd800 <= u <= 0xdbff and i + 1 < count
                and 0xdc00 <= units[i + 1] <= 0xdfff):
            u = 0x10000 + ((u - 0xd800) << 10) + (units[i + 1] - 0xdc00)
            i += 1
        elif u > 0x10ffff:
            raise UnicodeDecodeError(encoding, bytes(b), i * width,
                                     (i + 1) * width,
                                     'code point not in range(0x110000)')
        out.append(chr(u))
        i += 1
    return ''.join(out)


def _decode_bytes(b, encoding):
    if encoding == 'utf-8':
        return b.decode('utf-8', 'surrogatepass')
    if encoding == 'utf-8-sig':
        return b[3:].decode('utf-8', 'surrogatepass')
    if encoding == 'utf-16':
        big = b[:2] == _BOM_UTF16_BE
        return _decode_units(b[2:], 'utf-16-be' if big else 'utf-16-le', 2, big)
    if encoding == 'utf-32':
        big = b[:4] == _BOM_UTF32_BE
        return _decode_units(b[4:], 'utf-32-be' if big else 'utf-32-le', 4, big)
    width = 2 if encoding[:6] == 'utf-16' else 4
    return _decode_units(b, encoding, width, encoding.endswith('be'))


try:
    _BYTES_TYPES = (bytes, bytearray)
except NameError:  # runtime without bytearray
    _BYTES_TYPES = (bytes,)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (an object with a ``.read()`` method returning a
    JSON document) to a Python object."""
    return loads(fp.read(), cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                                  s, 0)
    else:
        if not isinstance(s, _BYTES_TYPES):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = _decode_bytes(s, detect_encoding(s))

    if (cls is None and object_hook is None and parse_int is None
            and parse_float is None and parse_constant is None
            and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
