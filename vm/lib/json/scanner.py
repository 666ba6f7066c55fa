"""JSON token scanner (pure Python).

The document is split once on '"' so that every string value is a ready
made piece and the structural text between strings is a short, separate
string.  This keeps the cost linear even where indexing or slicing a long
str is slow.
"""

from json.decoder import JSONDecodeError, _join_raw, _decode_raw

try:
    from _json import scan_once as _native_scan_once
except ImportError:
    _native_scan_once = None

__all__ = ['make_scanner', 'py_make_scanner']

_WS = ' \t\n\r'


def _recursion_limit():
    try:
        import sys
        return sys.getrecursionlimit()
    except Exception:
        return 1000


def _ascii_head(seg):
    """seg cut before its first non-ASCII character, plus a NUL sentinel.
    Outside strings a non-ASCII character is never valid, so the parser
    stops there exactly as it would on the original character."""
    j = 0
    for ch in seg:
        if ch > '\x7f':
            break
        j += 1
    return seg[:j] + '\x00'


def py_make_scanner(context):
    strict = context.strict
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    memo = context.memo
    float_default = parse_float is float
    int_default = parse_int is int
    cache = [None, None, None]      # document, its parts, part offsets

    def split_doc(s):
        if cache[0] is s:
            return cache[1], cache[2]
        parts = s.split('"')
        starts = []
        pos = 0
        for p in parts:
            starts.append(pos)
            pos += len(p) + 1
        cache[0] = s
        cache[1] = parts
        cache[2] = starts
        return parts, starts

    def finish_object(pairs):
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs)
        result = dict(pairs)
        if object_hook is not None:
            result = object_hook(result)
        return result

    def scan(s, idx):
        if idx < 0:
            raise ValueError("idx cannot be negative")
        if idx >= len(s):
            raise StopIteration(idx)
        parts, starts = split_doc(s)
        last = len(parts) - 1
        # locate the part holding idx (binary search on starts)
        lo, hi = 0, last
        while lo < hi:
            mid = (lo + hi + 1) >> 1
            if starts[mid] <= idx:
                lo = mid
            else:
                hi = mid - 1
        k = lo
        base = starts[k]
        seg = parts[k]
        i = idx - base
        if not seg.isascii():
            if i:
                seg = seg[i:]
                base = idx
                i = 0
            if not seg.isascii():
                seg = _ascii_head(seg)
        L = len(seg)
        stack = []
        limit = _recursion_limit()

        # Local state: seg = structural text of part k (global offset
        # base), i = position in seg.  seg is followed by a '"' when
        # k < last, otherwise by the end of the document.
        while True:
            # ---------- one value at i ----------
            if i < L:
                c = seg[i]
            elif k < last:
                c = '"'
            else:
                raise StopIteration(base + i)
            if c == '"':
                raw, j = _join_raw(parts, k + 1, last)
                value = _decode_raw(raw, starts[k + 1], j < last, s,
                                    base + i, strict)
                k = j + 1
                base = starts[k]
                seg = parts[k]
                if not seg.isascii():
                    seg = _ascii_head(seg)
                L = len(seg)
                i = 0
            elif c == '[' or c == '{':
                if len(stack) >= limit:
                    raise RecursionError(
                        'maximum recursion depth exceeded while decoding a '
                        'JSON %s from a unicode string'
                        % ('array' if c == '[' else 'object'))
                i += 1
                while i < L and seg[i] in _WS:
                    i += 1
                if c == '[':
                    if i < L and seg[i] == ']':
                        value = []
                        i += 1
                    else:
                        stack.append([[], None])
                        continue
                elif i < L and seg[i] == '}':
                    value = finish_object([])
                    i += 1
                else:
                    frame = [[], None]
                    stack.append(frame)
                    # ---------- property name ----------
                    if i < L or k >= last:
                        raise JSONDecodeError(
                            "Expecting property name enclosed in double "
                            "quotes", s, base + i)
                    raw, j = _join_raw(parts, k + 1, last)
                    key = _decode_raw(raw, starts[k + 1], j < last, s,
                                      base + i, strict)
                    frame[1] = memo.setdefault(key, key)
                    k = j + 1
                    base = starts[k]
                    seg = parts[k]
                    if not seg.isascii():
                        seg = _ascii_head(seg)
                    L = len(seg)
                    i = 0
                    while i < L and seg[i] in _WS:
                        i += 1
                    if i >= L or seg[i] != ':':
                        raise JSONDecodeError("Expecting ':' delimiter",
                                              s, base + i)
                    i += 1
                    while i < L and seg[i] in _WS:
                        i += 1
                    continue
            elif c == 'n' and seg[i:i + 4] == 'null':
                value = None
                i += 4
            elif c == 't' and seg[i:i + 4] == 'true':
                value = True
                i += 4
            elif c == 'f' and seg[i:i + 5] == 'false':
                value = False
                i += 5
            elif c == 'N' and seg[i:i + 3] == 'NaN':
                value = parse_constant('NaN')
                i += 3
            elif c == 'I' and seg[i:i + 8] == 'Infinity':
                value = parse_constant('Infinity')
                i += 8
            elif c == '-' and seg[i:i + 9] == '-Infinity':
                value = parse_constant('-Infinity')
                i += 9
            else:
                # ---------- number ----------
                start = i
                if c == '-':
                    i += 1
                    if i >= L:
                        raise StopIteration(base + start)
                    c = seg[i]
                if '1' <= c <= '9':
                    i += 1
                    while i < L and '0' <= seg[i] <= '9':
                        i += 1
                elif c == '0':
                    i += 1
                else:
                    raise StopIteration(base + start)
                is_float = False
                if i + 1 < L and seg[i] == '.' and '0' <= seg[i + 1] <= '9':
                    is_float = True
                    i += 2
                    while i < L and '0' <= seg[i] <= '9':
                        i += 1
                if i + 1 < L and (seg[i] == 'e' or seg[i] == 'E'):
                    e_start = i
                    i += 1
                    if seg[i] == '-' or seg[i] == '+':
                        i += 1
                    digits = i
                    while i < L and '0' <= seg[i] <= '9':
                        i += 1
                    if i > digits:
                        is_float = True
                    else:
                        i = e_start
                text = seg[start:i]
                if is_float:
                    value = float(text) if float_default else parse_float(text)
                else:
                    value = int(text) if int_default else parse_int(text)

            # ---------- attach value to the open containers ----------
            while stack:
                frame = stack[-1]
                items, key = frame
                while i < L and seg[i] in _WS:
                    i += 1
                if key is None:
                    items.append(value)
                    closer = ']'
                else:
                    items.append((key, value))
                    closer = '}'
                if i < L and seg[i] == closer:
                    stack.pop()
                    i += 1
                    value = items if key is None else finish_object(items)
                    continue
                if i >= L or seg[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter",
                                          s, base + i)
                i += 1
                while i < L and seg[i] in _WS:
                    i += 1
                if key is not None:
                    # ---------- next property name ----------
                    if i < L or k >= last:
                        raise JSONDecodeError(
                            "Expecting property name enclosed in double "
                            "quotes", s, base + i)
                    raw, j = _join_raw(parts, k + 1, last)
                    key = _decode_raw(raw, starts[k + 1], j < last, s,
                                      base + i, strict)
                    frame[1] = memo.setdefault(key, key)
                    k = j + 1
                    base = starts[k]
                    seg = parts[k]
                    if not seg.isascii():
                        seg = _ascii_head(seg)
                    L = len(seg)
                    i = 0
                    while i < L and seg[i] in _WS:
                        i += 1
                    if i >= L or seg[i] != ':':
                        raise JSONDecodeError("Expecting ':' delimiter",
                                              s, base + i)
                    i += 1
                    while i < L and seg[i] in _WS:
                        i += 1
                break
            else:
                return value, base + i

    def scan_once(s, idx):
        # The native scanner parses plain documents; it leaves anything else (an error to
        # report, a lone surrogate escape, very deep nesting) to the code above.
        if _native_scan_once is not None and type(s) is str:
            r = _native_scan_once(s, idx, strict, object_hook, object_pairs_hook,
                                  parse_float, parse_int, parse_constant)
            if r is not None:
                return r
        try:
            return scan(s, idx)
        finally:
            memo.clear()

    return scan_once


make_scanner = py_make_scanner
