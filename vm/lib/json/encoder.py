"""JSON encoding: JSONEncoder and the string escaping helpers."""

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

try:
    import _json    # pystm's native accelerator (as CPython's C _json)
except ImportError:
    _json = None

INFINITY = float('inf')

# Escape tables (code point -> replacement) for str.translate.
_ESCAPE_TABLE = {
    ord('"'): '\\"',
    ord('\\'): '\\\\',
    ord('\n'): '\\n',
    ord('\r'): '\\r',
    ord('\t'): '\\t',
    ord('\b'): '\\b',
    ord('\f'): '\\f',
}
for _i in range(0x20):
    _ESCAPE_TABLE.setdefault(_i, '\\u%04x' % _i)
del _i
_ESCAPE_ASCII_TABLE = dict(_ESCAPE_TABLE)
_ESCAPE_ASCII_TABLE[0x7f] = '\\u007f'


def py_encode_basestring(s):
    """Return a JSON representation of a Python string."""
    return '"' + s.translate(_ESCAPE_TABLE) + '"'


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii():
        return '"' + s.translate(_ESCAPE_ASCII_TABLE) + '"'
    table = _ESCAPE_ASCII_TABLE
    parts = ['"']
    append = parts.append
    for ch in s:
        n = ord(ch)
        if n < 0x80:
            rep = table.get(n)
            append(ch if rep is None else rep)
        elif n < 0x10000:
            append('\\u%04x' % n)
        else:
            n -= 0x10000
            append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
    append('"')
    return ''.join(parts)


encode_basestring = _json.encode_basestring if _json else py_encode_basestring
encode_basestring_ascii = (_json.encode_basestring_ascii if _json
                           else py_encode_basestring_ascii)


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    Supports dict, list, tuple, str, int, float, True, False and None
    (and int/float/str subclasses).  Override default() to support
    other objects.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for ``o`` or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation
        as available."""
        markers = {} if self.check_circular else None
        encoder = (encode_basestring_ascii if self.ensure_ascii
                   else encode_basestring)
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        # CPython's accelerated one-shot encoder (used when there is no
        # indent) reports non-finite floats without their repr.
        short_nan_msg = _one_shot and indent is None
        if _one_shot and _json is not None:
            # The whole document at once, natively (same text as below).
            return [_json.encode(o, self.default, self.ensure_ascii,
                                 markers is not None, self.allow_nan,
                                 self.sort_keys, self.skipkeys, indent,
                                 self.key_separator, self.item_separator,
                                 short_nan_msg)]
        return _make_iterencode(
            markers, self.default, encoder, indent, self.key_separator,
            self.item_separator, self.sort_keys, self.skipkeys,
            self.allow_nan, short_nan_msg)(o, 0)


def _make_iterencode(markers, _default, _encoder, _indent, _key_separator,
                     _item_separator, _sort_keys, _skipkeys, _allow_nan,
                     _short_nan_msg):
    int_repr = int.__repr__
    float_repr = float.__repr__

    def floatstr(o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float_repr(o)
        if not _allow_nan:
            msg = "Out of range float values are not JSON compliant"
            if not _short_nan_msg:
                msg += ": " + repr(o)
            raise ValueError(msg)
        return text

    def enter(o):
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = o
            return key
        return None

    def leave(key):
        if key is not None:
            del markers[key]

    def scalar(o):
        """Encoded form of a scalar, or None if o is not a scalar."""
        if isinstance(o, str):
            return _encoder(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int_repr(o)
        if isinstance(o, float):
            return floatstr(o)
        return None

    def open_container(o, level):
        """Start encoding a non-empty list/tuple or dict: return the frame
        pushed on the stack and the opening text."""
        marker = enter(o)
        if isinstance(o, dict):
            opener, closer = '{', '}'
            if _sort_keys:
                items = iter(sorted(o.items()))
            else:
                items = iter(o.items())
            is_dict = True
        else:
            opener, closer = '[', ']'
            items = iter(o)
            is_dict = False
        if _indent is not None:
            level += 1
            newline = '\n' + _indent * level
            sep = _item_separator + newline
            closer = '\n' + _indent * (level - 1) + closer
            opener += newline
        else:
            sep = _item_separator
        # frame: [iterator, is_dict, separator, closing text, marker, first]
        return [items, is_dict, sep, closer, marker, True], opener, level

    def encode_key(key):
        if isinstance(key, str):
            pass
        elif isinstance(key, float):
            key = floatstr(key)
        elif key is True:
            key = 'true'
        elif key is False:
            key = 'false'
        elif key is None:
            key = 'null'
        elif isinstance(key, int):
            key = int_repr(key)
        elif _skipkeys:
            return None
        else:
            raise TypeError(f'keys must be str, int, float, bool or None, '
                            f'not {key.__class__.__name__}')
        return _encoder(key) + _key_separator

    def iterencode(o, level):
        # Iterative encoder: ``stack`` holds the containers being written
        # (and markers of objects replaced through default()), so deep
        # nesting does not consume Python stack frames.
        stack = []
        limit = _recursion_limit()
        value = o
        while True:
            # ---- emit ``value`` (or open it as a container) ----
            while True:
                text = scalar(value)
                if text is not None:
                    yield text
                    break
                if isinstance(value, (list, tuple, dict)):
                    if not value:
                        yield '{}' if isinstance(value, dict) else '[]'
                        break
                    if len(stack) >= limit:
                        raise RecursionError('maximum recursion depth '
                                             'exceeded while encoding a '
                                             'JSON object')
                    frame, opener, level = open_container(value, level)
                    stack.append(frame)
                    yield opener
                    break
                # unsupported object: ask default(); its marker is kept on
                # the stack until the replacement has been written out
                if len(stack) >= limit:
                    raise RecursionError('maximum recursion depth exceeded '
                                         'while encoding a JSON object')
                marker = enter(value)
                stack.append([None, False, None, None, marker, False])
                value = _default(value)
            # ---- find the next value to emit ----
            while stack:
                frame = stack[-1]
                items = frame[0]
                if items is None:           # end of a default() result
                    stack.pop()
                    leave(frame[4])
                    continue
                if frame[1]:
                    for key, value in items:
                        prefix = encode_key(key)
                        if prefix is not None:
                            break
                    else:
                        prefix = None
                else:
                    prefix = ''
                    for value in items:
                        break
                    else:
                        prefix = None
                if prefix is None:          # container exhausted
                    stack.pop()
                    if _indent is not None:
                        level -= 1
                    yield frame[3]
                    leave(frame[4])
                    continue
                if frame[5]:
                    frame[5] = False
                    if prefix:
                        yield prefix
                else:
                    yield frame[2] + prefix
                break
            else:
                return

    return iterencode


def _recursion_limit():
    try:
        import sys
        return sys.getrecursionlimit()
    except Exception:
        return 1000
