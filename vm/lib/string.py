"""Common string constants, capwords() and the Template class (pystm).

Written for pystm from the documented behaviour of CPython 3.11's
``string`` module.  Template placeholders are recognised by a small
hand-written scanner, so no regular-expression engine is needed.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = ascii_lowercase.upper()
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize every piece and join with sep (or ' ')."""
    return (sep or ' ').join([piece.capitalize() for piece in s.split(sep)])


# ---------------------------------------------------------------------------
# Template

_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)

_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'


class _NoMapping:
    """Marker for 'no positional mapping given'."""
    def __repr__(self):
        return '<no mapping>'


_NO_MAPPING = _NoMapping()


class _ChainLookup:
    """Look a key up in the keyword arguments first, then in the mapping."""
    __slots__ = ('_first', '_second')

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        if key in self._first:
            return self._first[key]
        return self._second[key]


def _scan_identifier(text, pos):
    """Return the end of the identifier starting at pos, or -1."""
    n = len(text)
    if pos >= n or text[pos] not in _ID_START:
        return -1
    end = pos + 1
    while end < n and text[end] in _ID_CHARS:
        end += 1
    return end


class _Placeholder:
    """One delimiter occurrence found in a template.

    kind is one of 'escaped', 'named', 'braced', 'invalid'.  start/end
    delimit the whole matched text; name is the identifier (if any);
    where is the offset used for error reporting of invalid placeholders.
    """
    __slots__ = ('kind', 'start', 'end', 'name', 'where')

    def __init__(self, kind, start, end, name, where):
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name
        self.where = where


def _uses_default_syntax(cls):
    # A subclass that customises the regular expression can only be
    # honoured when a regex engine is available.
    return (cls.idpattern == _DEFAULT_IDPATTERN
            and cls.braceidpattern is None
            and cls.flags == 2
            and _find_pattern_override(cls) is None)


def _find_pattern_override(cls):
    for klass in cls.__mro__:
        if klass is Template:
            return None
        if 'pattern' in klass.__dict__:
            return klass.__dict__['pattern']
    return None


def _placeholders(template, delimiter):
    """Yield _Placeholder objects for every delimiter in template."""
    dlen = len(delimiter)
    if dlen == 0:
        raise ValueError('empty delimiter')
    n = len(template)
    pos = 0
    while True:
        start = template.find(delimiter, pos)
        if start < 0:
            return
        after = start + dlen
        if template.startswith(delimiter, after):
            end = after + dlen
            yield _Placeholder('escaped', start, end, None, after)
            pos = end
            continue
        end = _scan_identifier(template, after)
        if end >= 0:
            yield _Placeholder('named', start, end, template[after:end], after)
            pos = end
            continue
        if after < n and template[after] == '{':
            end = _scan_identifier(template, after + 1)
            if end >= 0 and end < n and template[end] == '}':
                yield _Placeholder('braced', start, end + 1,
                                   template[after + 1:end], after)
                pos = end + 1
                continue
        yield _Placeholder('invalid', start, after, None, after)
        pos = after


def _regex_placeholders(cls, template):
    """Placeholders for subclasses overriding the pattern (needs `re`)."""
    import re
    pattern = cls.__dict__.get('_compiled_pattern')
    if pattern is None:
        pat = _find_pattern_override(cls)
        if pat is None:
            delim = re.escape(cls.delimiter)
            ident = cls.idpattern
            bident = cls.braceidpattern or cls.idpattern
            pat = (r'%s(?:(?P<escaped>%s)|(?P<named>%s)|{(?P<braced>%s)}'
                   r'|(?P<invalid>))' % (delim, delim, ident, bident))
        if isinstance(pat, str):
            pattern = re.compile(pat, cls.flags)
        else:
            pattern = pat
        cls._compiled_pattern = pattern
    for mo in pattern.finditer(template):
        groups = mo.groupdict()
        if groups.get('named') is not None:
            yield _Placeholder('named', mo.start(), mo.end(),
                               groups['named'], mo.start('named'))
        elif groups.get('braced') is not None:
            yield _Placeholder('braced', mo.start(), mo.end(),
                               groups['braced'], mo.start('braced'))
        elif groups.get('escaped') is not None:
            yield _Placeholder('escaped', mo.start(), mo.end(), None,
                               mo.start('escaped'))
        elif groups.get('invalid') is not None:
            yield _Placeholder('invalid', mo.start(), mo.end(), None,
                               mo.start('invalid'))
        else:
            raise ValueError('Unrecognized named group in pattern', pattern)


def _invalid_placeholder(template, where):
    lines = template[:where].splitlines(True)
    if lines:
        lineno = len(lines)
        colno = where - len(''.join(lines[:-1]))
    else:
        lineno = colno = 1
    raise ValueError('Invalid placeholder in string: line %d, col %d'
                     % (lineno, colno))


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = 2  # re.IGNORECASE

    def __init__(self, template):
        self.template = template

    def __repr__(self):
        return '<%s.%s object>' % (type(self).__module__,
                                   type(self).__qualname__)

    def _iter_placeholders(self):
        cls = type(self)
        if _uses_default_syntax(cls):
            return _placeholders(self.template, cls.delimiter)
        return _regex_placeholders(cls, self.template)

    def _render(self, mapping, safe):
        template = self.template
        out = []
        pos = 0
        for ph in self._iter_placeholders():
            out.append(template[pos:ph.start])
            pos = ph.end
            kind = ph.kind
            if kind == 'named' or kind == 'braced':
                if safe:
                    try:
                        out.append(str(mapping[ph.name]))
                    except KeyError:
                        out.append(template[ph.start:ph.end])
                else:
                    out.append(str(mapping[ph.name]))
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                if safe:
                    out.append(template[ph.start:ph.end])
                else:
                    _invalid_placeholder(template, ph.where)
        out.append(template[pos:])
        return ''.join(out)

    def substitute(self, mapping=_NO_MAPPING, /, **kws):
        if mapping is _NO_MAPPING:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        return self._render(mapping, False)

    def safe_substitute(self, mapping=_NO_MAPPING, /, **kws):
        if mapping is _NO_MAPPING:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        return self._render(mapping, True)

    def is_valid(self):
        for ph in self._iter_placeholders():
            if ph.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for ph in self._iter_placeholders():
            if ph.name is not None and ph.name not in ids:
                ids.append(ph.name)
        return ids


# ---------------------------------------------------------------------------
# Formatter (a minimal version built on str.format)

class Formatter:
    """Subset of string.Formatter: format/vformat/get_value/format_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, depth,
                 auto=None):
        if depth < 0:
            raise ValueError('Max string recursion exceeded')
        if auto is None:
            auto = [0]
        out = []
        for literal, field, spec, conv in self.parse(format_string):
            if literal:
                out.append(literal)
            if field is None:
                continue
            if field == '':
                if auto[0] is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field = str(auto[0])
                auto[0] += 1
            elif field.isdigit():
                if auto[0]:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto[0] = False
            obj, key = self.get_field(field, args, kwargs)
            used_args.add(key)
            obj = self.convert_field(obj, conv)
            spec = self._vformat(spec, args, kwargs, used_args, depth - 1,
                                 auto)
            out.append(self.format_field(obj, spec))
        return ''.join(out)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % conversion)

    def parse(self, format_string):
        """Yield (literal_text, field_name, format_spec, conversion)."""
        s = format_string
        n = len(s)
        i = 0
        literal = []
        while i < n:
            c = s[i]
            if c == '{':
                if i + 1 < n and s[i + 1] == '{':
                    literal.append('{')
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if s[j] == '{':
                        depth += 1
                    elif s[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                body = s[i + 1:j - 1]
                name, conv, spec = _split_field(body)
                yield ''.join(literal), name, spec, conv
                literal = []
                i = j
            elif c == '}':
                if i + 1 < n and s[i + 1] == '}':
                    literal.append('}')
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            yield ''.join(literal), None, None, None

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first


def _split_field(body):
    # field_name[!conversion][:format_spec]; brackets may contain ':'/'!'
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == '[':
            while i < n and body[i] != ']':
                i += 1
        elif c == '!' or c == ':':
            break
        i += 1
    name = body[:i]
    conv = None
    spec = ''
    if i < n and body[i] == '!':
        if i + 1 >= n:
            raise ValueError('end of string while looking for conversion '
                             'specifier')
        conv = body[i + 1]
        i += 2
        if i < n and body[i] != ':':
            raise ValueError('expected \':\' after conversion specifier')
    if i < n and body[i] == ':':
        spec = body[i + 1:]
    return name, conv, spec


def _field_name_split(name):
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            rest.append((True, name[i + 1:j]))
            i = j
        else:
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if key.isdigit():
                key = int(key)
            rest.append((False, key))
            i = j + 1
    return first, rest
