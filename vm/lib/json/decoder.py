"""JSON decoding: JSONDecoder, JSONDecodeError and the string scanner."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_SIMPLE_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_HEXVAL = {}
for _i, _c in enumerate('0123456789abcdef'):
    _HEXVAL[_c] = _i
    _HEXVAL[_c.upper()] = _i
del _i, _c


def _hex4(text):
    """Value of the 4-character hex string text, or -1 if invalid."""
    if len(text) != 4:
        return -1
    value = 0
    hexval = _HEXVAL
    for ch in text:
        d = hexval.get(ch)
        if d is None:
            return -1
        value = (value << 4) | d
    return value


def _check_control(text, pos, doc):
    """Raise for the first character < U+0020 in text (at doc index pos)."""
    if text and not text.isprintable():
        i = 0
        for ch in text:
            if ch < ' ':
                raise JSONDecodeError("Invalid control character at",
                                      doc, pos + i)
            i += 1


def _join_raw(parts, j, last):
    """parts is a document split on '"'; a string's raw content starts with
    parts[j].  Glue on the following parts while the quote in between is
    escaped (odd number of trailing backslashes).  Returns (raw, index of
    the last part used)."""
    p = parts[j]
    if not p or p[len(p) - 1] != '\\' or j >= last:
        return p, j
    chunks = [p]
    while j < last:
        tail = len(p) - len(p.rstrip('\\'))
        if not tail & 1:
            break
        j += 1
        p = parts[j]
        chunks.append(p)
        if not p or p[len(p) - 1] != '\\':
            break
    return '"'.join(chunks), j


def _decode_raw(raw, start, terminated, doc, begin, strict):
    """Decode the raw content of a JSON string found at doc[start:] (the
    text up to, not including, the closing quote; or up to the end of the
    document when not terminated).  begin is the index of the opening
    quote.  Errors are reported in the order of the reference scanner."""
    if '\\' not in raw:
        if strict:
            _check_control(raw, start, doc)
        if not terminated:
            raise JSONDecodeError("Unterminated string starting at",
                                  doc, begin)
        return raw
    n = len(doc)
    pieces = raw.split('\\')
    lit = pieces[0]
    if strict:
        _check_control(lit, start, doc)
    out = [lit]
    append = out.append
    pos = start + len(lit)          # index of the next backslash
    i = 1
    m = len(pieces)
    while i < m:
        bs = pos
        piece = pieces[i]
        if not piece:
            if i == m - 1:
                # a backslash ending the document
                raise JSONDecodeError("Unterminated string starting at",
                                      doc, begin)
            # escaped backslash; the piece after it is plain text
            append('\\')
            lit = pieces[i + 1]
            lit_pos = bs + 2
            i += 2
        else:
            c = piece[0]
            if c != 'u':
                char = _SIMPLE_ESCAPES.get(c)
                if char is None:
                    raise JSONDecodeError("Invalid \\escape", doc, bs)
                append(char)
                lit = piece[1:]
                lit_pos = bs + 2
            else:
                end = bs + 6                # index just after the 4 digits
                if end >= n:
                    raise JSONDecodeError("Invalid \\uXXXX escape", doc, bs + 1)
                code = _hex4(piece[1:5])
                if code < 0:
                    raise JSONDecodeError("Invalid \\uXXXX escape", doc, bs + 1)
                if (0xd800 <= code <= 0xdbff and len(piece) == 5
                        and i + 1 < m and end + 6 < n
                        and pieces[i + 1][:1] == 'u'):
                    low = _hex4(pieces[i + 1][1:5])
                    if low < 0:
                        raise JSONDecodeError("Invalid \\uXXXX escape",
                                              doc, end + 1)
                    if 0xdc00 <= low <= 0xdfff:
                        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                        i += 1
                        piece = pieces[i]
                        bs = end
                append(chr(code))
                lit = piece[5:]
                lit_pos = bs + 6
            i += 1
        if lit:
            if strict:
                _check_control(lit, lit_pos, doc)
            append(lit)
        pos = lit_pos + len(lit)
    if not terminated:
        raise JSONDecodeError("Unterminated string starting at", doc, begin)
    return ''.join(out)


def py_scanstring(s, end, strict=True):
    """Scan the string s for a JSON string.  end is the index of the
    character after the opening quote.  Returns (decoded_str, index after
    the closing quote)."""
    parts = (s[end:] if end else s).split('"')
    last = len(parts) - 1
    raw, j = _join_raw(parts, 0, last)
    value = _decode_raw(raw, end, j < last, s, end - 1, strict)
    return value, end + len(raw) + 1


scanstring = py_scanstring

_WS = ' \t\n\r'


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder.

    Performs the following translations in decoding by default:

    object -> dict, array -> list, string -> str, number (int) -> int,
    number (real) -> float, true -> True, false -> False, null -> None.

    It also understands NaN, Infinity, and -Infinity as their
    corresponding float values, which is outside the JSON spec.
    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s, _w=None):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document)."""
        n = len(s)
        obj, end = self.raw_decode(s, n - len(s.lstrip(_WS)))
        if end < n:
            end = n - len(s[end:].lstrip(_WS))
            if end != n:
                raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended.
        """
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end


from json import scanner  # noqa: E402  (scanner uses the helpers above)
