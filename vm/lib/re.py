"""Support for regular expressions (RE).

Pure-Python implementation of CPython 3.11's ``re`` module for pystm.

Layout of this file:

* flags (``RegexFlag`` is a small int subclass; pystm has no ``enum``),
  ``error`` and Unicode/case-folding helpers;
* a parser for CPython's regular expression syntax (a port of
  ``re._parser``, with the same error messages and positions);
* a compiler turning the parse tree into a list of instructions
  (``_Compiler``); programs are built per subject representation: ``'A'``
  for ASCII ``str`` subjects (every character class becomes a frozenset of
  ASCII characters) and ``'U'`` for other subjects (stored as a tuple of
  characters, since indexing non-ASCII ``str`` objects is O(n) in pystm);
* a backtracking virtual machine (``_vm``) with an explicit backtracking
  stack and an undo journal for captures and repeat counters, so that long
  subjects never hit the Python recursion limit.  Its repeat, branch,
  lookaround and atomic-group semantics follow ``_sre`` (including the
  zero-width-iteration rules of REPEAT/MAX_UNTIL/MIN_UNTIL and the
  "must advance" rule used by findall/finditer/sub/split since 3.7);
* ``Pattern``/``Match`` objects and the module-level API.
"""

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823
_MAXSIZE = 9223372036854775807

# ---------------------------------------------------------------------------
# flags

SRE_FLAG_TEMPLATE = 1
SRE_FLAG_IGNORECASE = 2
SRE_FLAG_LOCALE = 4
SRE_FLAG_MULTILINE = 8
SRE_FLAG_DOTALL = 16
SRE_FLAG_UNICODE = 32
SRE_FLAG_VERBOSE = 64
SRE_FLAG_DEBUG = 128
SRE_FLAG_ASCII = 256

# (name, value) in definition order of CPython's RegexFlag
_FLAG_NAMES = (
    ("ASCII", SRE_FLAG_ASCII),
    ("IGNORECASE", SRE_FLAG_IGNORECASE),
    ("LOCALE", SRE_FLAG_LOCALE),
    ("UNICODE", SRE_FLAG_UNICODE),
    ("MULTILINE", SRE_FLAG_MULTILINE),
    ("DOTALL", SRE_FLAG_DOTALL),
    ("VERBOSE", SRE_FLAG_VERBOSE),
    ("TEMPLATE", SRE_FLAG_TEMPLATE),
    ("DEBUG", SRE_FLAG_DEBUG),
)
_ALL_FLAGS = 511


class RegexFlag(int):
    """An int subclass mimicking CPython's re.RegexFlag (an IntFlag)."""

    __slots__ = ()

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        neg = v < 0
        if neg:
            v = v & _ALL_FLAGS
        names = []
        rest = v
        for name, bit in _FLAG_NAMES:
            if v & bit:
                names.append("re." + name)
                rest &= ~bit
        if rest:
            names.append(hex(rest))
        if not names:
            return "re.NOFLAG"
        return "|".join(names)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(int(self), spec)
        return repr(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        v = int(self)
        for name, bit in _FLAG_NAMES:
            if v == bit:
                return name
        if v == 0:
            return "NOFLAG"
        r = repr(self)
        return r.replace("re.", "") if "0x" not in r else None

    def __reduce__(self):
        return (RegexFlag, (int(self),))


class _GenericAlias:
    # minimal stand-in for types.GenericAlias (re.Pattern[str])
    def __init__(self, origin, args):
        self.__origin__ = origin
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = args

    def __repr__(self):
        def name(a):
            if isinstance(a, type):
                if a.__module__ == 'builtins':
                    return a.__qualname__
                return '%s.%s' % (a.__module__, a.__qualname__)
            return repr(a)
        return '%s[%s]' % (name(self.__origin__),
                           ', '.join([name(a) for a in self.__args__]))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ is other.__origin__ and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(SRE_FLAG_ASCII)
I = IGNORECASE = RegexFlag(SRE_FLAG_IGNORECASE)
L = LOCALE = RegexFlag(SRE_FLAG_LOCALE)
U = UNICODE = RegexFlag(SRE_FLAG_UNICODE)
M = MULTILINE = RegexFlag(SRE_FLAG_MULTILINE)
S = DOTALL = RegexFlag(SRE_FLAG_DOTALL)
X = VERBOSE = RegexFlag(SRE_FLAG_VERBOSE)
T = TEMPLATE = RegexFlag(SRE_FLAG_TEMPLATE)
DEBUG = RegexFlag(SRE_FLAG_DEBUG)

for _name, _value in (("NOFLAG", NOFLAG), ("ASCII", A), ("A", A),
                      ("IGNORECASE", I), ("I", I), ("LOCALE", L), ("L", L),
                      ("UNICODE", U), ("U", U), ("MULTILINE", M), ("M", M),
                      ("DOTALL", S), ("S", S), ("VERBOSE", X), ("X", X),
                      ("TEMPLATE", T), ("T", T), ("DEBUG", DEBUG)):
    setattr(RegexFlag, _name, _value)
del _name, _value

TYPE_FLAGS = SRE_FLAG_ASCII | SRE_FLAG_LOCALE | SRE_FLAG_UNICODE
GLOBAL_FLAGS = SRE_FLAG_DEBUG | SRE_FLAG_TEMPLATE


# ---------------------------------------------------------------------------
# exception

class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes:

        msg: The unformatted error message
        pattern: The regular expression pattern
        pos: The index in the pattern where compilation failed (may be None)
        lineno: The line corresponding to pos (may be None)
        colno: The column corresponding to pos (may be None)
    """

    __module__ = 're'

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                text = pattern
            else:
                # bytes methods are incomplete in pystm: work on a str copy
                text = _bytes_to_str(pattern)
            newline = '\n'
            self.lineno = text.count(newline, 0, pos) + 1
            self.colno = pos - text.rfind(newline, 0, pos)
            if newline in text:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError = error


# ---------------------------------------------------------------------------
# character helpers

_HEX2CHR = {}
for _i in range(256):
    _HEX2CHR['%02x' % _i] = chr(_i)
del _i


def _bytes_to_str(b):
    """Decode bytes as latin-1 (pystm's bytes.decode ignores the codec)."""
    try:
        s = b.decode()
        if len(s) == len(b) and s.isascii():
            return s
    except Exception:
        pass
    h = b.hex()
    t = _HEX2CHR
    return ''.join([t[h[i:i + 2]] for i in range(0, len(h), 2)])


def _str_to_bytes(s):
    return s.encode('latin-1')


_ASCII_CHARS = tuple(chr(_i) for _i in range(128))
_LATIN1_CHARS = tuple(chr(_i) for _i in range(256))
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_ASCII_DIGIT = frozenset("0123456789")
_ASCII_SPACE = frozenset(" \t\n\r\f\v")


def _uni_word(c):
    return c.isalnum() or c == '_'


def _uni_not_word(c):
    return not (c.isalnum() or c == '_')


def _uni_digit(c):
    return c.isdecimal()


def _uni_not_digit(c):
    return not c.isdecimal()


def _uni_space(c):
    return c.isspace()


def _uni_not_space(c):
    return not c.isspace()


def _asc_word(c):
    return c in _ASCII_WORD


def _asc_not_word(c):
    return c not in _ASCII_WORD


def _asc_digit(c):
    return '0' <= c <= '9'


def _asc_not_digit(c):
    return not ('0' <= c <= '9')


def _asc_space(c):
    return c in _ASCII_SPACE


def _asc_not_space(c):
    return c not in _ASCII_SPACE


def _linebreak(c):
    return c == '\n'


def _not_linebreak(c):
    return c != '\n'


# Maps the lowercased character to other lowercased characters with the same
# uppercase (CPython's re._casefix._EXTRA_CASES).
_FIXES_RAW = (
    (0x69, 0x131), (0x73, 0x17f), (0xb5, 0x3bc), (0x131, 0x69),
    (0x17f, 0x73), (0x345, 0x3b9, 0x1fbe), (0x390, 0x1fd3), (0x3b0, 0x1fe3),
    (0x3b2, 0x3d0), (0x3b5, 0x3f5), (0x3b8, 0x3d1), (0x3b9, 0x345, 0x1fbe),
    (0x3ba, 0x3f0), (0x3bc, 0xb5), (0x3c0, 0x3d6), (0x3c1, 0x3f1),
    (0x3c2, 0x3c3), (0x3c3, 0x3c2), (0x3c6, 0x3d5), (0x3d0, 0x3b2),
    (0x3d1, 0x3b8), (0x3d5, 0x3c6), (0x3d6, 0x3c0), (0x3f0, 0x3ba),
    (0x3f1, 0x3c1), (0x3f5, 0x3b5), (0x432, 0x1c80), (0x434, 0x1c81),
    (0x43e, 0x1c82), (0x441, 0x1c83), (0x442, 0x1c84, 0x1c85),
    (0x44a, 0x1c86), (0x463, 0x1c87), (0x1c80, 0x432), (0x1c81, 0x434),
    (0x1c82, 0x43e), (0x1c83, 0x441), (0x1c84, 0x442, 0x1c85),
    (0x1c85, 0x442, 0x1c84), (0x1c86, 0x44a), (0x1c87, 0x463),
    (0x1c88, 0xa64b), (0x1e61, 0x1e9b), (0x1e9b, 0x1e61),
    (0x1fbe, 0x345, 0x3b9), (0x1fd3, 0x390), (0x1fe3, 0x3b0),
    (0xa64b, 0x1c88), (0xfb05, 0xfb06), (0xfb06, 0xfb05),
)
_FIXES = {}
for _t in _FIXES_RAW:
    _FIXES[chr(_t[0])] = tuple(chr(_x) for _x in _t[1:])
del _t, _FIXES_RAW

# Characters whose (simple) lowercase is L but which are neither L nor the
# uppercase of L.  Maps L -> tuple of such characters.
_IRREG = {}
for _a, _b in (("\u0130", "i"), ("\u01c5", "\u01c6"), ("\u01c8", "\u01c9"),
               ("\u01cb", "\u01cc"), ("\u01f2", "\u01f3"),
               ("\u03f4", "\u03b8"), ("\u1e9e", "\u00df"),
               ("\u2126", "\u03c9"), ("\u212a", "k"), ("\u212b", "\u00e5"),
               ("\u1fbc", "\u1fb3"), ("\u1fcc", "\u1fc3"),
               ("\u1ffc", "\u1ff3")):
    _IRREG[_b] = _IRREG.get(_b, ()) + (_a,)
for _i in range(8):
    for _base in (0x1f80, 0x1f90, 0x1fa0):
        _IRREG[chr(_base + _i)] = (chr(_base + 8 + _i),)
del _a, _b, _i, _base


def _lower1(c):
    """Simple lowercase mapping of a single character."""
    l = c.lower()
    if len(l) != 1:
        if c == '\u0130':
            return 'i'
        return c
    return l


def _upper1(c):
    u = c.upper()
    if len(u) != 1:
        return c
    return u


_canon_cache = {}


def _canon(c):
    """Canonical representative of c's case-insensitive equivalence class."""
    r = _canon_cache.get(c)
    if r is None:
        l = _lower1(c)
        f = _FIXES.get(l)
        if f:
            r = l
            for x in f:
                if x < r:
                    r = x
        else:
            r = l
        _canon_cache[c] = r
    return r


def _canon_ascii(c):
    if 'A' <= c <= 'Z':
        return c.lower()
    return c


def _members(c):
    """All characters x with _canon(x) == _canon(c)."""
    l = _lower1(c)
    key = _canon(c)
    out = {c}
    for x in (l,) + _FIXES.get(l, ()):
        for y in (x, _upper1(x)) + _IRREG.get(x, ()):
            if _canon(y) == key:
                out.add(y)
    return out


def _members_ascii(c):
    if 'a' <= c <= 'z' or 'A' <= c <= 'Z':
        return {c.lower(), c.upper()}
    return {c}


def _lower_ascii(c):
    if 'A' <= c <= 'Z':
        return c.lower()
    return c


# ---------------------------------------------------------------------------
# parser (port of CPython's re._parser)

# parse tree opcodes
FAILURE = 'FAILURE'
SUCCESS = 'SUCCESS'
ANY = 'ANY'
ASSERT = 'ASSERT'
ASSERT_NOT = 'ASSERT_NOT'
AT = 'AT'
BRANCH = 'BRANCH'
CATEGORY = 'CATEGORY'
GROUPREF = 'GROUPREF'
GROUPREF_EXISTS = 'GROUPREF_EXISTS'
IN = 'IN'
LITERAL = 'LITERAL'
NOT_LITERAL = 'NOT_LITERAL'
NEGATE = 'NEGATE'
RANGE = 'RANGE'
SUBPATTERN = 'SUBPATTERN'
MIN_REPEAT = 'MIN_REPEAT'
MAX_REPEAT = 'MAX_REPEAT'
POSSESSIVE_REPEAT = 'POSSESSIVE_REPEAT'
ATOMIC_GROUP = 'ATOMIC_GROUP'

AT_BEGINNING = 'AT_BEGINNING'
AT_BEGINNING_LINE = 'AT_BEGINNING_LINE'
AT_BEGINNING_STRING = 'AT_BEGINNING_STRING'
AT_BOUNDARY = 'AT_BOUNDARY'
AT_NON_BOUNDARY = 'AT_NON_BOUNDARY'
AT_END = 'AT_END'
AT_END_LINE = 'AT_END_LINE'
AT_END_STRING = 'AT_END_STRING'

CATEGORY_DIGIT = 'CATEGORY_DIGIT'
CATEGORY_NOT_DIGIT = 'CATEGORY_NOT_DIGIT'
CATEGORY_SPACE = 'CATEGORY_SPACE'
CATEGORY_NOT_SPACE = 'CATEGORY_NOT_SPACE'
CATEGORY_WORD = 'CATEGORY_WORD'
CATEGORY_NOT_WORD = 'CATEGORY_NOT_WORD'

SPECIAL_CHARS = ".\\[{()*+?^$|"
REPEAT_CHARS = "*+?{"

DIGITS = frozenset("0123456789")
OCTDIGITS = frozenset("01234567")
HEXDIGITS = frozenset("0123456789abcdefABCDEF")
ASCIILETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
WHITESPACE = frozenset(" \t\n\r\v\f")

_REPEATCODES = frozenset({MIN_REPEAT, MAX_REPEAT, POSSESSIVE_REPEAT})
_UNITCODES = frozenset({ANY, RANGE, IN, LITERAL, NOT_LITERAL, CATEGORY})

ESCAPES = {
    r"\a": (LITERAL, ord("\a")),
    r"\b": (LITERAL, ord("\b")),
    r"\f": (LITERAL, ord("\f")),
    r"\n": (LITERAL, ord("\n")),
    r"\r": (LITERAL, ord("\r")),
    r"\t": (LITERAL, ord("\t")),
    r"\v": (LITERAL, ord("\v")),
    r"\\": (LITERAL, ord("\\"))
}

CATEGORIES = {
    r"\A": (AT, AT_BEGINNING_STRING),  # start of string
    r"\b": (AT, AT_BOUNDARY),
    r"\B": (AT, AT_NON_BOUNDARY),
    r"\d": (IN, [(CATEGORY, CATEGORY_DIGIT)]),
    r"\D": (IN, [(CATEGORY, CATEGORY_NOT_DIGIT)]),
    r"\s": (IN, [(CATEGORY, CATEGORY_SPACE)]),
    r"\S": (IN, [(CATEGORY, CATEGORY_NOT_SPACE)]),
    r"\w": (IN, [(CATEGORY, CATEGORY_WORD)]),
    r"\W": (IN, [(CATEGORY, CATEGORY_NOT_WORD)]),
    r"\Z": (AT, AT_END_STRING),  # end of string
}

FLAGS = {
    # standard flags
    "i": SRE_FLAG_IGNORECASE,
    "L": SRE_FLAG_LOCALE,
    "m": SRE_FLAG_MULTILINE,
    "s": SRE_FLAG_DOTALL,
    "x": SRE_FLAG_VERBOSE,
    # extensions
    "a": SRE_FLAG_ASCII,
    "t": SRE_FLAG_TEMPLATE,
    "u": SRE_FLAG_UNICODE,
}


class _State:
    # keeps track of state for parsing
    def __init__(self):
        self.flags = 0
        self.groupdict = {}
        self.groupwidths = [None]  # group 0
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > MAXGROUPS:
            raise error("too many groups")
        if name is not None:
            ogid = self.groupdict.get(name, None)
            if ogid is not None:
                raise error("redefinition of group name %r as group %d; "
                            "was group %d" % (name, gid, ogid))
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, p):
        self.groupwidths[gid] = p.getwidth()

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error('cannot refer to an open group')
            if gid >= self.lookbehindgroups:
                raise source.error('cannot refer to group defined in the same '
                                   'lookbehind subpattern')


class _SubPattern:
    # a subpattern, in intermediate form
    def __init__(self, state, data=None):
        self.state = state
        if data is None:
            data = []
        self.data = data
        self.width = None

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __bool__(self):
        return len(self.data) != 0

    def __delitem__(self, index):
        del self.data[index]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _SubPattern(self.state, self.data[index])
        return self.data[index]

    def __setitem__(self, index, code):
        if isinstance(index, slice):
            if isinstance(code, _SubPattern):
                code = code.data
            self.data[index] = code
        else:
            self.data[index] = code

    def __iter__(self):
        return iter(self.data)

    def insert(self, index, code):
        self.data.insert(index, code)

    def append(self, code):
        self.data.append(code)

    def getwidth(self):
        # determine the width (min, max) for this subpattern
        if self.width is not None:
            return self.width
        lo = hi = 0
        for op, av in self.data:
            if op is BRANCH:
                i = MAXREPEAT - 1
                j = 0
                for av in av[1]:
                    l, h = av.getwidth()
                    i = min(i, l)
                    j = max(j, h)
                lo = lo + i
                hi = hi + j
            elif op is ATOMIC_GROUP:
                i, j = av.getwidth()
                lo = lo + i
                hi = hi + j
            elif op is SUBPATTERN:
                i, j = av[-1].getwidth()
                lo = lo + i
                hi = hi + j
            elif op in _REPEATCODES:
                i, j = av[2].getwidth()
                lo = lo + i * av[0]
                hi = hi + j * av[1]
            elif op in _UNITCODES:
                lo = lo + 1
                hi = hi + 1
            elif op is GROUPREF:
                i, j = self.state.groupwidths[av]
                lo = lo + i
                hi = hi + j
            elif op is GROUPREF_EXISTS:
                i, j = av[1].getwidth()
                if av[2] is not None:
                    l, h = av[2].getwidth()
                    i = min(i, l)
                    j = max(j, h)
                else:
                    i = 0
                lo = lo + i
                hi = hi + j
            elif op is SUCCESS:
                break
        self.width = min(lo, MAXREPEAT - 1), min(hi, MAXREPEAT)
        return self.width


class _Tokenizer:
    def __init__(self, string):
        self.istext = isinstance(string, str)
        self.string = string
        if not self.istext:
            string = _bytes_to_str(string)
        self.decoded_string = string
        self.length = len(string)
        self.index = 0
        self.next = None
        self._next()

    def _next(self):
        index = self.index
        if index >= self.length:
            self.next = None
            return
        char = self.decoded_string[index]
        if char == "\\":
            index += 1
            if index >= self.length:
                raise error("bad escape (end of pattern)",
                            self.string, len(self.string) - 1)
            char += self.decoded_string[index]
        self.index = index + 1
        self.next = char

    def match(self, char):
        if char == self.next:
            self._next()
            return True
        return False

    def get(self):
        this = self.next
        self._next()
        return this

    def getwhile(self, n, charset):
        result = ''
        for _ in range(n):
            c = self.next
            if c not in charset:
                break
            result += c
            self._next()
        return result

    def getuntil(self, terminator, name):
        result = ''
        while True:
            c = self.next
            self._next()
            if c is None:
                if not result:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % terminator,
                                 len(result))
            if c == terminator:
                if not result:
                    raise self.error("missing " + name, 1)
                break
            result += c
        return result

    @property
    def pos(self):
        return self.index - len(self.next or '')

    def tell(self):
        return self.index - len(self.next or '')

    def seek(self, index):
        self.index = index
        self._next()

    def error(self, msg, offset=0):
        if not self.istext:
            msg = _ascii_backslashreplace(msg)
        return error(msg, self.string, self.tell() - offset)

    def checkgroupname(self, name, offset, nested):
        if not name.isidentifier():
            msg = "bad character in group name %r" % name
            raise self.error(msg, len(name) + offset)


def _warn(msg, category, stacklevel):
    try:
        import warnings
        warnings.warn(msg, category, stacklevel=stacklevel)
    except ImportError:
        pass


def _lookup_charname(name):
    # unicodedata may be missing (pystm): then every name is unknown
    try:
        import unicodedata
    except ImportError:
        raise KeyError(name)
    return unicodedata.lookup(name)


def _ascii_backslashreplace(msg):
    out = []
    for c in msg:
        o = ord(c)
        if o < 128:
            out.append(c)
        elif o < 256:
            out.append('\\x%02x' % o)
        elif o < 0x10000:
            out.append('\\u%04x' % o)
        else:
            out.append('\\U%08x' % o)
    return ''.join(out)


def _class_escape(source, escape):
    # handle escape code inside character class
    code = ESCAPES.get(escape)
    if code:
        return code
    code = CATEGORIES.get(escape)
    if code and code[0] is IN:
        return code
    try:
        c = escape[1:2]
        if c == "x":
            # hexadecimal escape (exactly two digits)
            escape += source.getwhile(2, HEXDIGITS)
            if len(escape) != 4:
                raise source.error("incomplete escape %s" % escape, len(escape))
            return LITERAL, int(escape[2:], 16)
        elif c == "u" and source.istext:
            # unicode escape (exactly four digits)
            escape += source.getwhile(4, HEXDIGITS)
            if len(escape) != 6:
                raise source.error("incomplete escape %s" % escape, len(escape))
            return LITERAL, int(escape[2:], 16)
        elif c == "U" and source.istext:
            # unicode escape (exactly eight digits)
            escape += source.getwhile(8, HEXDIGITS)
            if len(escape) != 10:
                raise source.error("incomplete escape %s" % escape, len(escape))
            c = int(escape[2:], 16)
            chr(c)  # raise ValueError for invalid code
            return LITERAL, c
        elif c == "N" and source.istext:
            # named unicode escape e.g. \N{EM DASH}
            if not source.match('{'):
                raise source.error("missing {")
            charname = source.getuntil('}', 'character name')
            try:
                c = ord(_lookup_charname(charname))
            except (KeyError, TypeError):
                raise source.error("undefined character name %r" % charname,
                                   len(charname) + len(r'\N{}')) from None
            return LITERAL, c
        elif c in OCTDIGITS:
            # octal escape (up to three digits)
            escape += source.getwhile(2, OCTDIGITS)
            c = int(escape[1:], 8)
            if c > 0o377:
                raise source.error('octal escape value %s outside of '
                                   'range 0-0o377' % escape, len(escape))
            return LITERAL, c
        elif c in DIGITS:
            raise ValueError
        if len(escape) == 2:
            if c in ASCIILETTERS:
                raise source.error('bad escape %s' % escape, len(escape))
            return LITERAL, ord(escape[1])
    except ValueError:
        pass
    raise source.error("bad escape %s" % escape, len(escape))


def _escape(source, escape, state):
    # handle escape code in expression
    code = CATEGORIES.get(escape)
    if code:
        return code
    code = ESCAPES.get(escape)
    if code:
        return code
    try:
        c = escape[1:2]
        if c == "x":
            # hexadecimal escape
            escape += source.getwhile(2, HEXDIGITS)
            if len(escape) != 4:
                raise source.error("incomplete escape %s" % escape, len(escape))
            return LITERAL, int(escape[2:], 16)
        elif c == "u" and source.istext:
            # unicode escape (exactly four digits)
            escape += source.getwhile(4, HEXDIGITS)
            if len(escape) != 6:
                raise source.error("incomplete escape %s" % escape, len(escape))
            return LITERAL, int(escape[2:], 16)
        elif c == "U" and source.istext:
            # unicode escape (exactly eight digits)
            escape += source.getwhile(8, HEXDIGITS)
            if len(escape) != 10:
                raise source.error("incomplete escape %s" % escape, len(escape))
            c = int(escape[2:], 16)
            chr(c)  # raise ValueError for invalid code
            return LITERAL, c
        elif c == "N" and source.istext:
            # named unicode escape e.g. \N{EM DASH}
            if not source.match('{'):
                raise source.error("missing {")
            charname = source.getuntil('}', 'character name')
            try:
                c = ord(_lookup_charname(charname))
            except (KeyError, TypeError):
                raise source.error("undefined character name %r" % charname,
                                   len(charname) + len(r'\N{}')) from None
            return LITERAL, c
        elif c == "0":
            # octal escape
            escape += source.getwhile(2, OCTDIGITS)
            return LITERAL, int(escape[1:], 8)
        elif c in DIGITS:
            # octal escape *or* decimal group reference (sigh)
            if source.next in DIGITS:
                escape += source.get()
                if (escape[1] in OCTDIGITS and escape[2] in OCTDIGITS and
                        source.next in OCTDIGITS):
                    # got three octal digits; this is an octal escape
                    escape += source.get()
                    c = int(escape[1:], 8)
                    if c > 0o377:
                        raise source.error('octal escape value %s outside of '
                                           'range 0-0o377' % escape,
                                           len(escape))
                    return LITERAL, c
            # not an octal escape, so this is a group reference
            group = int(escape[1:])
            if group < state.groups:
                if not state.checkgroup(group):
                    raise source.error("cannot refer to an open group",
                                       len(escape))
                state.checklookbehindgroup(group, source)
                return GROUPREF, group
            raise source.error("invalid group reference %d" % group, len(escape) - 1)
        if len(escape) == 2:
            if c in ASCIILETTERS:
                raise source.error("bad escape %s" % escape, len(escape))
            return LITERAL, ord(escape[1])
    except ValueError:
        pass
    raise source.error("bad escape %s" % escape, len(escape))


def _uniq(items):
    return list(dict.fromkeys(items))


def _parse_sub(source, state, verbose, nested):
    # parse an alternation: a|b|c

    items = []
    itemsappend = items.append
    sourcematch = source.match
    start = source.tell()
    while True:
        itemsappend(_parse(source, state, verbose, nested + 1,
                           not nested and not items))
        if not sourcematch("|"):
            break
        if not nested:
            verbose = state.flags & SRE_FLAG_VERBOSE

    if len(items) == 1:
        return items[0]

    subpattern = _SubPattern(state)

    # check if all items share a common prefix
    while True:
        prefix = None
        for item in items:
            if not item:
                break
            if prefix is None:
                prefix = item[0]
            elif item[0] != prefix:
                break
        else:
            # all subitems start with a common "prefix".
            # move it out of the branch
            for item in items:
                del item[0]
            subpattern.append(prefix)
            continue  # check next one
        break

    # check if the branch can be replaced by a character set
    set = []
    for item in items:
        if len(item) != 1:
            break
        op, av = item[0]
        if op is LITERAL:
            set.append((op, av))
        elif op is IN and av[0][0] is not NEGATE:
            set.extend(av)
        else:
            break
    else:
        # we can store this as a character set instead of a
        # branch (the compiler may optimize this even more)
        subpattern.append((IN, _uniq(set)))
        return subpattern

    subpattern.append((BRANCH, (None, items)))
    return subpattern


def _parse(source, state, verbose, nested, first=False):
    # parse a simple pattern
    subpattern = _SubPattern(state)

    # precompute constants into local variables
    subpatternappend = subpattern.append
    sourceget = source.get
    sourcematch = source.match
    _len = len
    _ord = ord

    while True:

        this = source.next
        if this is None:
            break  # end of pattern
        if this in "|)":
            break  # end of subpattern
        sourceget()

        if verbose:
            # skip whitespace and comments
            if this in WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = sourceget()
                    if this is None or this == "\n":
                        break
                continue

        if this[0] == "\\":
            code = _escape(source, this, state)
            subpatternappend(code)

        elif this not in SPECIAL_CHARS:
            subpatternappend((LITERAL, _ord(this)))

        elif this == "[":
            here = source.tell() - 1
            # character set
            set = []
            setappend = set.append
            if source.next == '[':
                _warn('Possible nested set at position %d' % source.tell(),
                      FutureWarning, nested + 6)
            negate = sourcematch("^")
            # check remaining characters
            while True:
                this = sourceget()
                if this is None:
                    raise source.error("unterminated character set",
                                       source.tell() - here)
                if this == "]" and set:
                    break
                elif this[0] == "\\":
                    code1 = _class_escape(source, this)
                else:
                    if set and this in '-&~|' and source.next == this:
                        _warn('Possible set %s at position %d' % (
                            'difference' if this == '-' else
                            'intersection' if this == '&' else
                            'symmetric difference' if this == '~' else
                            'union',
                            source.tell() - 1),
                            FutureWarning, nested + 6)
                    code1 = LITERAL, _ord(this)
                if sourcematch("-"):
                    # potential range
                    that = sourceget()
                    if that is None:
                        raise source.error("unterminated character set",
                                           source.tell() - here)
                    if that == "]":
                        if code1[0] is IN:
                            code1 = code1[1][0]
                        setappend(code1)
                        setappend((LITERAL, _ord("-")))
                        break
                    if that[0] == "\\":
                        code2 = _class_escape(source, that)
                    else:
                        if that == '-':
                            _warn('Possible set difference at position %d' % (
                                source.tell() - 2), FutureWarning, nested + 6)
                        code2 = LITERAL, _ord(that)
                    if code1[0] != LITERAL or code2[0] != LITERAL:
                        msg = "bad character range %s-%s" % (this, that)
                        raise source.error(msg, len(this) + 1 + len(that))
                    lo = code1[1]
                    hi = code2[1]
                    if hi < lo:
                        msg = "bad character range %s-%s" % (this, that)
                        raise source.error(msg, len(this) + 1 + len(that))
                    setappend((RANGE, (lo, hi)))
                else:
                    if code1[0] is IN:
                        code1 = code1[1][0]
                    setappend(code1)

            set = _uniq(set)
            if _len(set) == 1 and set[0][0] is LITERAL:
                # optimization
                if negate:
                    subpatternappend((NOT_LITERAL, set[0][1]))
                else:
                    subpatternappend(set[0])
            else:
                if negate:
                    set.insert(0, (NEGATE, None))
                subpatternappend((IN, set))

        elif this in REPEAT_CHARS:
            # repeat previous item
            here = source.tell()
            if this == "?":
                min, max = 0, 1
            elif this == "*":
                min, max = 0, MAXREPEAT

            elif this == "+":
                min, max = 1, MAXREPEAT
            elif this == "{":
                if source.next == "}":
                    subpatternappend((LITERAL, _ord(this)))
                    continue

                min, max = 0, MAXREPEAT
                lo = hi = ""
                while source.next in DIGITS:
                    lo += sourceget()
                if sourcematch(","):
                    while source.next in DIGITS:
                        hi += sourceget()
                else:
                    hi = lo
                if not sourcematch("}"):
                    subpatternappend((LITERAL, _ord(this)))
                    source.seek(here)
                    continue

                if lo:
                    min = int(lo)
                    if min >= MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                if hi:
                    max = int(hi)
                    if max >= MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                    if max < min:
                        raise source.error("min repeat greater than max repeat",
                                           source.tell() - here)
            else:
                raise AssertionError("unsupported quantifier %r" % (this,))
            # figure out which item to repeat
            if subpattern:
                item = subpattern[-1:]
            else:
                item = None
            if not item or item[0][0] is AT:
                raise source.error("nothing to repeat",
                                   source.tell() - here + len(this))
            if item[0][0] in _REPEATCODES:
                raise source.error("multiple repeat",
                                   source.tell() - here + len(this))
            if item[0][0] is SUBPATTERN:
                group, add_flags, del_flags, p = item[0][1]
                if group is None and not add_flags and not del_flags:
                    item = p
            if sourcematch("?"):
                # Non-Greedy Match
                subpattern[-1] = (MIN_REPEAT, (min, max, item))
            elif sourcematch("+"):
                # Possessive Match (Always Greedy)
                subpattern[-1] = (POSSESSIVE_REPEAT, (min, max, item))
            else:
                # Greedy Match
                subpattern[-1] = (MAX_REPEAT, (min, max, item))

        elif this == ".":
            subpatternappend((ANY, None))

        elif this == "(":
            start = source.tell() - 1
            capture = True
            atomic = False
            name = None
            add_flags = 0
            del_flags = 0
            if sourcematch("?"):
                # options
                char = sourceget()
                if char is None:
                    raise source.error("unexpected end of pattern")
                if char == "P":
                    # python extensions
                    if sourcematch("<"):
                        # named group: skip forward to end of name
                        name = source.getuntil(">", "group name")
                        source.checkgroupname(name, 1, nested)
                    elif sourcematch("="):
                        # named backreference
                        name = source.getuntil(")", "group name")
                        source.checkgroupname(name, 1, nested)
                        gid = state.groupdict.get(name)
                        if gid is None:
                            msg = "unknown group name %r" % name
                            raise source.error(msg, len(name) + 1)
                        if not state.checkgroup(gid):
                            raise source.error("cannot refer to an open group",
                                               len(name) + 1)
                        state.checklookbehindgroup(gid, source)
                        subpatternappend((GROUPREF, gid))
                        continue

                    else:
                        char = sourceget()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        raise source.error("unknown extension ?P" + char,
                                           len(char) + 2)
                elif char == ":":
                    # non-capturing group
                    capture = False
                elif char == "#":
                    # comment
                    while True:
                        if source.next is None:
                            raise source.error("missing ), unterminated comment",
                                               source.tell() - start)
                        if sourceget() == ")":
                            break
                    continue

                elif char in "=!<":
                    # lookahead assertions
                    dir = 1
                    if char == "<":
                        char = sourceget()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        if char not in "=!":
                            raise source.error("unknown extension ?<" + char,
                                               len(char) + 2)
                        dir = -1  # lookbehind
                        lookbehindgroups = state.lookbehindgroups
                        if lookbehindgroups is None:
                            state.lookbehindgroups = state.groups
                    p = _parse_sub(source, state, verbose, nested + 1)
                    if dir < 0:
                        if lookbehindgroups is None:
                            state.lookbehindgroups = None
                    if not sourcematch(")"):
                        raise source.error("missing ), unterminated subpattern",
                                           source.tell() - start)
                    if char == "=":
                        subpatternappend((ASSERT, (dir, p)))
                    else:
                        subpatternappend((ASSERT_NOT, (dir, p)))
                    continue

                elif char == "(":
                    # conditional backreference group
                    condname = source.getuntil(")", "group name")
                    if condname.isidentifier():
                        source.checkgroupname(condname, 1, nested)
                        condgroup = state.groupdict.get(condname)
                        if condgroup is None:
                            msg = "unknown group name %r" % condname
                            raise source.error(msg, len(condname) + 1)
                    else:
                        try:
                            condgroup = int(condname)
                            if condgroup < 0:
                                raise ValueError
                        except ValueError:
                            msg = "bad character in group name %r" % condname
                            raise source.error(msg, len(condname) + 1) from None
                        if not condgroup:
                            raise source.error("bad group number",
                                               len(condname) + 1)
                        if condgroup >= MAXGROUPS:
                            msg = "invalid group reference %d" % condgroup
                            raise source.error(msg, len(condname) + 1)
                        if condgroup not in state.grouprefpos:
                            state.grouprefpos[condgroup] = (
                                source.tell() - len(condname) - 1
                            )
                    state.checklookbehindgroup(condgroup, source)
                    item_yes = _parse(source, state, verbose, nested + 1)
                    if source.match("|"):
                        item_no = _parse(source, state, verbose, nested + 1)
                        if source.next == "|":
                            raise source.error("conditional backref with more than two branches")
                    else:
                        item_no = None
                    if not source.match(")"):
                        raise source.error("missing ), unterminated subpattern",
                                           source.tell() - start)
                    subpatternappend((GROUPREF_EXISTS, (condgroup, item_yes, item_no)))
                    continue

                elif char == ">":
                    # non-capturing, atomic group
                    capture = False
                    atomic = True
                elif char in FLAGS or char == "-":
                    # flags
                    flags = _parse_flags(source, state, char)
                    if flags is None:  # global flags
                        if not first or subpattern:
                            raise source.error('global flags not at the start '
                                               'of the expression',
                                               source.tell() - start)
                        verbose = state.flags & SRE_FLAG_VERBOSE
                        continue

                    add_flags, del_flags = flags
                    capture = False
                else:
                    raise source.error("unknown extension ?" + char,
                                       len(char) + 1)

            # parse group contents
            if capture:
                try:
                    group = state.opengroup(name)
                except error as err:
                    raise source.error(err.msg, len(name) + 1) from None
            else:
                group = None
            sub_verbose = ((verbose or (add_flags & SRE_FLAG_VERBOSE)) and
                           not (del_flags & SRE_FLAG_VERBOSE))
            p = _parse_sub(source, state, sub_verbose, nested + 1)
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern",
                                   source.tell() - start)
            if group is not None:
                state.closegroup(group, p)
            if atomic:
                subpatternappend((ATOMIC_GROUP, p))
            else:
                subpatternappend((SUBPATTERN, (group, add_flags, del_flags, p)))

        elif this == "^":
            subpatternappend((AT, AT_BEGINNING))

        elif this == "$":
            subpatternappend((AT, AT_END))

        else:
            raise AssertionError("unsupported special character %r" % (this,))

    # unpack non-capturing groups
    for i in range(len(subpattern))[::-1]:
        op, av = subpattern[i]
        if op is SUBPATTERN:
            group, add_flags, del_flags, p = av
            if group is None and not add_flags and not del_flags:
                subpattern.data[i: i + 1] = p.data

    return subpattern


def _parse_flags(source, state, char):
    sourceget = source.get
    add_flags = 0
    del_flags = 0
    if char != "-":
        while True:
            flag = FLAGS[char]
            if source.istext:
                if char == 'L':
                    msg = "bad inline flags: cannot use 'L' flag with a str pattern"
                    raise source.error(msg)
            else:
                if char == 'u':
                    msg = "bad inline flags: cannot use 'u' flag with a bytes pattern"
                    raise source.error(msg)
            add_flags |= flag
            if (flag & TYPE_FLAGS) and (add_flags & TYPE_FLAGS) != flag:
                msg = "bad inline flags: flags 'a', 'u' and 'L' are incompatible"
                raise source.error(msg)
            char = sourceget()
            if char is None:
                raise source.error("missing -, : or )")
            if char in ")-:":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing -, : or )"
                raise source.error(msg, len(char))
    if char == ")":
        state.flags |= add_flags
        return None
    if add_flags & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if char == "-":
        char = sourceget()
        if char is None:
            raise source.error("missing flag")
        if char not in FLAGS:
            msg = "unknown flag" if char.isalpha() else "missing flag"
            raise source.error(msg, len(char))
        while True:
            flag = FLAGS[char]
            if flag & TYPE_FLAGS:
                msg = "bad inline flags: cannot turn off flags 'a', 'u' and 'L'"
                raise source.error(msg)
            del_flags |= flag
            char = sourceget()
            if char is None:
                raise source.error("missing :")
            if char == ":":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing :"
                raise source.error(msg, len(char))
    if del_flags & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add_flags & del_flags:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return add_flags, del_flags


def _fix_flags(src, flags):
    # Check and fix flags according to the type of pattern (str or bytes)
    if isinstance(src, str):
        if flags & SRE_FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & SRE_FLAG_ASCII:
            flags |= SRE_FLAG_UNICODE
        elif flags & SRE_FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & SRE_FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & SRE_FLAG_LOCALE and flags & SRE_FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags


def _parse_pattern(str, flags=0):
    # parse 're' pattern into list of (opcode, argument) tuples
    source = _Tokenizer(str)
    state = _State()
    state.flags = flags
    state.str = str

    p = _parse_sub(source, state, flags & SRE_FLAG_VERBOSE, 0)
    p.state.flags = _fix_flags(str, p.state.flags)

    if source.next is not None:
        raise source.error("unbalanced parenthesis")

    for g in p.state.grouprefpos:
        if g >= p.state.groups:
            msg = "invalid group reference %d" % g
            raise error(msg, str, p.state.grouprefpos[g])

    return p


def _parse_template(source, pattern):
    # parse 're' replacement string into list of literals and
    # group references
    s = _Tokenizer(source)
    sget = s.get
    groups = []
    literals = []
    literal = []
    lappend = literal.append
    ngroups = pattern.groups

    def addgroup(index, pos):
        if index > ngroups:
            raise s.error("invalid group reference %d" % index, pos)
        if literal:
            literals.append(''.join(literal))
            del literal[:]
        groups.append((len(literals), index))
        literals.append(None)
    groupindex = pattern.groupindex
    while True:
        this = sget()
        if this is None:
            break  # end of replacement string
        if this[0] == "\\":
            # group
            c = this[1]
            if c == "g":
                if not s.match("<"):
                    raise s.error("missing <")
                name = s.getuntil(">", "group name")
                if name.isidentifier():
                    s.checkgroupname(name, 1, -1)
                    try:
                        index = groupindex[name]
                    except KeyError:
                        raise IndexError("unknown group name %r" % name) from None
                else:
                    try:
                        index = int(name)
                        if index < 0:
                            raise ValueError
                    except ValueError:
                        raise s.error("bad character in group name %r" % name,
                                      len(name) + 1) from None
                    if index >= MAXGROUPS:
                        raise s.error("invalid group reference %d" % index,
                                      len(name) + 1)
                addgroup(index, len(name) + 1)
            elif c == "0":
                if s.next in OCTDIGITS:
                    this += sget()
                    if s.next in OCTDIGITS:
                        this += sget()
                lappend(chr(int(this[1:], 8) & 0xff))
            elif c in DIGITS:
                isoctal = False
                if s.next in DIGITS:
                    this += sget()
                    if (c in OCTDIGITS and this[2] in OCTDIGITS and
                            s.next in OCTDIGITS):
                        this += sget()
                        isoctal = True
                        c = int(this[1:], 8)
                        if c > 0o377:
                            raise s.error('octal escape value %s outside of '
                                          'range 0-0o377' % this, len(this))
                        lappend(chr(c))
                if not isoctal:
                    addgroup(int(this[1:]), len(this) - 1)
            else:
                try:
                    this = chr(ESCAPES[this][1])
                except KeyError:
                    if c in ASCIILETTERS:
                        raise s.error('bad escape %s' % this, len(this)) from None
                lappend(this)
        else:
            lappend(this)
    if literal:
        literals.append(''.join(literal))
    if not isinstance(source, str):
        # The tokenizer implicitly decodes bytes objects as latin-1, we must
        # therefore re-encode the final representation.
        literals = [None if x is None else _str_to_bytes(x) for x in literals]
    return groups, literals


def _expand_template(template, match):
    g = match.group
    empty = match.string[:0]
    groups, literals = template
    literals = literals[:]
    try:
        for index, group in groups:
            literals[index] = g(group) or empty
    except IndexError:
        raise error("invalid group reference %d" % index) from None
    return empty.join(literals)


# ---------------------------------------------------------------------------
# compiler: parse tree -> instruction list

# instruction opcodes
O_CHAR = 0      # (op, ch)
O_SET = 1       # (op, frozenset)
O_REP = 2       # [op, kind, arg, min, max, mode, nextchar, tail_is_success]
O_LIT = 3       # (op, str-or-tuple, n)
O_MARK = 4      # (op, index)
O_MARKC = 5     # (op, index, groupnumber)
O_BRANCH = 6    # (op, memo, alts, alts_at_end)
O_JMP = 7       # (op, target)
O_SUCCESS = 8   # (op,)
O_NSET = 9      # (op, frozenset)
O_FN = 10       # (op, _Memo)
O_ANY = 11      # (op,)
O_ANYALL = 12   # (op,)
O_AT = 13       # (op, kind, wordset, wordfn)
O_LITA = 14     # (op, lowered str, n)     ignore-case literal on ASCII subject
O_LITS = 15     # (op, tuple of sets, n)   ignore-case literal on general subject
O_REPEAT = 16   # (op, rid, until_pc)
O_MAXUNTIL = 17  # (op, rid, min, max, body_pc)
O_MINUNTIL = 18  # (op, rid, min, max, body_pc)
O_ATOM = 19     # (op,)
O_ATOMEND = 20  # (op,)
O_LOOK = 21     # (op, negative, width, after_pc)
O_LOOKEND = 22  # (op, negative)
O_GREF = 23     # (op, group, lowerfn-or-None)
O_GEXISTS = 24  # (op, group, no_pc)
O_FAIL = 25     # (op,)

# char test kinds
K_SET = 0
K_NSET = 1
K_FN = 2        # arg is a _Memo: arg[ch] -> bool
K_ANY = 3
K_ANYALL = 4

# AT kinds
A_BEG = 0
A_BEG_LINE = 1
A_END = 2
A_END_LINE = 3
A_END_STR = 4
A_BOUND = 5
A_NONBOUND = 6

_AT_KINDS = {
    AT_BEGINNING: A_BEG, AT_BEGINNING_STRING: A_BEG,
    AT_BEGINNING_LINE: A_BEG_LINE, AT_END: A_END, AT_END_LINE: A_END_LINE,
    AT_END_STRING: A_END_STR, AT_BOUNDARY: A_BOUND,
    AT_NON_BOUNDARY: A_NONBOUND,
}

# backtrack stack entry kinds
B_ALT = 0
B_MARK = 1
B_MARKL = 2
B_REG = 3
B_REP1G = 4
B_REP1GC = 5
B_REP1L = 6
B_MINU = 7
B_LOOK = 8
B_ATOM = 9

_UNI_CATS = {
    CATEGORY_DIGIT: _uni_digit, CATEGORY_NOT_DIGIT: _uni_not_digit,
    CATEGORY_SPACE: _uni_space, CATEGORY_NOT_SPACE: _uni_not_space,
    CATEGORY_WORD: _uni_word, CATEGORY_NOT_WORD: _uni_not_word,
}
_ASC_CATS = {
    CATEGORY_DIGIT: _asc_digit, CATEGORY_NOT_DIGIT: _asc_not_digit,
    CATEGORY_SPACE: _asc_space, CATEGORY_NOT_SPACE: _asc_not_space,
    CATEGORY_WORD: _asc_word, CATEGORY_NOT_WORD: _asc_not_word,
}


def _combine_flags(flags, add_flags, del_flags):
    if add_flags & TYPE_FLAGS:
        flags &= ~TYPE_FLAGS
    return (flags | add_flags) & ~del_flags


def _simple(p):
    # check if this subpattern is a "simple" operator
    if len(p) != 1:
        return False
    op, av = p[0]
    if op is SUBPATTERN:
        return av[0] is None and _simple(av[-1])
    return op in (LITERAL, NOT_LITERAL, ANY, IN)


def _test1(kind, arg, ch):
    if kind == K_SET:
        return ch in arg
    if kind == K_NSET:
        return ch not in arg
    if kind == K_ANY:
        return ch != '\n'
    if kind == K_ANYALL:
        return True
    return arg[ch]


class _Memo(dict):
    """Memoizing character predicate: m[ch] -> bool (dict lookups are much
    cheaper than Python function calls)."""
    __slots__ = ('pred',)

    def __init__(self, pred):
        dict.__init__(self)
        self.pred = pred

    def __missing__(self, ch):
        r = self[ch] = bool(self.pred(ch))
        return r


def _or_pred(tests):
    def pred(ch):
        for kind, arg in tests:
            if _test1(kind, arg, ch):
                return True
        return False
    return pred


class _Prog:
    __slots__ = ('code', 'nregs', 'anchored', 'prefix', 'first', 'simple',
                 'skiprep')


class _Compiler:
    def __init__(self, mode, isbytes):
        # mode 'A': subject is an ASCII str; 'U': subject is a tuple of chars
        self.mode = mode
        self.isbytes = isbytes
        if mode == 'A':
            self.universe = _ASCII_CHARS
        elif isbytes:
            self.universe = _LATIN1_CHARS
        else:
            self.universe = None
        self.code = []
        self.nregs = 0

    # -- character tests -------------------------------------------------

    def _class_pred(self, op, av, flags):
        """Return (pred, finite) where finite is (frozenset, negate) or None."""
        icase = flags & SRE_FLAG_IGNORECASE
        uni = flags & SRE_FLAG_UNICODE
        if uni:
            canonf, membf, lowf, cats = _canon, _members, _lower1, _UNI_CATS
        else:
            canonf, membf, lowf, cats = (_canon_ascii, _members_ascii,
                                         _lower_ascii, _ASC_CATS)
        if op is LITERAL or op is NOT_LITERAL:
            c = chr(av)
            fin = membf(c) if icase else {c}
            fin = frozenset(fin)
            neg = op is NOT_LITERAL
            if neg:
                return (lambda ch: ch not in fin), (fin, True)
            return (lambda ch: ch in fin), (fin, False)
        # IN
        negate = False
        chars = set()
        ranges = []
        catfns = []
        for iop, iav in av:
            if iop is NEGATE:
                negate = True
            elif iop is LITERAL:
                chars.add(chr(iav))
            elif iop is RANGE:
                lo, hi = iav
                if hi - lo <= 256:
                    for x in range(lo, hi + 1):
                        chars.add(chr(x))
                else:
                    ranges.append((chr(lo), chr(hi)))
            elif iop is CATEGORY:
                catfns.append(cats[iav])
            else:
                raise error("internal: unsupported set operator %r" % (iop,))
        if icase:
            if not ranges and not catfns:
                fin = set()
                for c in chars:
                    fin |= membf(c)
                fin = frozenset(fin)
                if negate:
                    return (lambda ch: ch not in fin), (fin, True)
                return (lambda ch: ch in fin), (fin, False)
            cset = frozenset(canonf(c) for c in chars)
            ranges = tuple(ranges)
            catfns = tuple(catfns)

            def pred(ch):
                if canonf(ch) in cset:
                    return not negate
                if ranges:
                    ms = membf(ch)
                    for lo, hi in ranges:
                        for x in ms:
                            if lo <= x <= hi:
                                return not negate
                if catfns:
                    l = lowf(ch)
                    for f in catfns:
                        if f(l):
                            return not negate
                return negate
            return pred, None
        if not ranges and not catfns:
            fin = frozenset(chars)
            if negate:
                return (lambda ch: ch not in fin), (fin, True)
            return (lambda ch: ch in fin), (fin, False)
        if not chars and not ranges and len(catfns) == 1:
            f = catfns[0]
            if not negate:
                return f, None
            return (lambda ch: not f(ch)), None
        chars = frozenset(chars)
        ranges = tuple(ranges)
        catfns = tuple(catfns)

        def pred(ch):
            if ch in chars:
                return not negate
            for lo, hi in ranges:
                if lo <= ch <= hi:
                    return not negate
            for f in catfns:
                if f(ch):
                    return not negate
            return negate
        return pred, None

    def unit_test(self, op, av, flags):
        """Compile a single-character item to (kind, arg)."""
        while op is SUBPATTERN:
            flags = _combine_flags(flags, av[1], av[2])
            op, av = av[3][0]
        if op is ANY:
            if flags & SRE_FLAG_DOTALL:
                return K_ANYALL, None
            return K_ANY, None
        pred, fin = self._class_pred(op, av, flags)
        u = self.universe
        if u is not None:
            return K_SET, frozenset([c for c in u if pred(c)])
        if fin is not None:
            s, neg = fin
            return (K_NSET if neg else K_SET), s
        return K_FN, _Memo(pred)

    def emit_test(self, kind, arg):
        if kind == K_SET:
            if len(arg) == 1:
                for c in arg:
                    self.code.append([O_CHAR, c])
            else:
                self.code.append([O_SET, arg])
        elif kind == K_NSET:
            self.code.append([O_NSET, arg])
        elif kind == K_FN:
            self.code.append([O_FN, arg])
        elif kind == K_ANY:
            self.code.append([O_ANY])
        else:
            self.code.append([O_ANYALL])

    def emit_literals(self, chars, flags):
        code = self.code
        n = len(chars)
        if not flags & SRE_FLAG_IGNORECASE:
            if n == 1:
                code.append([O_CHAR, chars[0]])
            elif self.mode == 'A':
                code.append([O_LIT, ''.join(chars), n])
            else:
                code.append([O_LIT, tuple(chars), n])
            return
        if flags & SRE_FLAG_UNICODE:
            canonf, membf = _canon, _members
        else:
            canonf, membf = _canon_ascii, _members_ascii
        if n == 1:
            kind, arg = self.unit_test(LITERAL, ord(chars[0]), flags)
            self.emit_test(kind, arg)
            return
        if self.mode == 'A':
            code.append([O_LITA, ''.join([canonf(c) for c in chars]), n])
        else:
            sets = tuple([frozenset(membf(c)) for c in chars])
            code.append([O_LITS, sets, n])

    # -- first character analysis -------------------------------------------

    def first_tests(self, data, flags):
        """List of (kind, arg) tests, one of which the first character of
        any match must satisfy; None if unknown or possibly empty."""
        for op, av in data:
            if op is AT:
                continue
            if op is LITERAL or op is NOT_LITERAL or op is IN or op is ANY:
                return [self.unit_test(op, av, flags)]
            if op is SUBPATTERN:
                return self.first_tests(
                    av[3].data, _combine_flags(flags, av[1], av[2]))
            if op is ATOMIC_GROUP:
                return self.first_tests(av.data, flags)
            if op is BRANCH:
                out = []
                for item in av[1]:
                    r = self.first_tests(item.data, flags)
                    if r is None:
                        return None
                    out.extend(r)
                return out
            if op in _REPEATCODES:
                if av[0] >= 1 and av[1] >= 1:
                    item = av[2]
                    if isinstance(item, _SubPattern):
                        item = item.data
                    return self.first_tests(item, flags)
                return None
            return None
        return None

    def first_test(self, data, flags):
        tests = self.first_tests(data, flags)
        if not tests:
            return None
        if len(tests) == 1:
            kind, arg = tests[0]
            if kind == K_ANYALL:
                return None
            return kind, arg
        union = set()
        for kind, arg in tests:
            if kind != K_SET:
                break
            union |= arg
        else:
            return K_SET, frozenset(union)
        for kind, arg in tests:
            if kind == K_ANYALL:
                return None
        return K_FN, _Memo(_or_pred(tests))

    # -- main compilation ----------------------------------------------------

    def emit_seq(self, data, flags):
        if isinstance(data, _SubPattern):
            data = data.data
        code = self.code
        emit = code.append
        i = 0
        n = len(data)
        while i < n:
            op, av = data[i]
            if op is LITERAL:
                j = i
                while j < n and data[j][0] is LITERAL:
                    j += 1
                self.emit_literals([chr(data[k][1]) for k in range(i, j)], flags)
                i = j
                continue
            i += 1
            if op is NOT_LITERAL or op is IN or op is ANY:
                kind, arg = self.unit_test(op, av, flags)
                self.emit_test(kind, arg)
            elif op in _REPEATCODES:
                if flags & SRE_FLAG_TEMPLATE:
                    raise error("internal: unsupported template operator %s" % (op,))
                mn, mx, item = av
                if isinstance(item, _SubPattern):
                    item = item.data
                if _simple(item):
                    kind, arg = self.unit_test(item[0][0], item[0][1], flags)
                    mode = 0 if op is MAX_REPEAT else (1 if op is MIN_REPEAT else 2)
                    emit([O_REP, kind, arg, mn, mx, mode, None, False])
                elif op is POSSESSIVE_REPEAT:
                    # like _sre: every iteration is matched atomically and
                    # the repeat as a whole never backtracks
                    emit([O_ATOM])
                    self.emit_repeat(mn, mx, item, flags, O_MAXUNTIL,
                                     atomic_body=True)
                    emit([O_ATOMEND])
                else:
                    self.emit_repeat(mn, mx, item, flags,
                                     O_MAXUNTIL if op is MAX_REPEAT else O_MINUNTIL)
            elif op is SUBPATTERN:
                group, add_flags, del_flags, p = av
                if group:
                    emit([O_MARK, (group - 1) * 2])
                self.emit_seq(p, _combine_flags(flags, add_flags, del_flags))
                if group:
                    emit([O_MARKC, (group - 1) * 2 + 1, group])
            elif op is ATOMIC_GROUP:
                emit([O_ATOM])
                self.emit_seq(av, flags)
                emit([O_ATOMEND])
            elif op is ASSERT or op is ASSERT_NOT:
                direction, p = av
                if direction >= 0:
                    width = 0
                else:
                    lo, hi = p.getwidth()
                    if lo != hi:
                        raise error("look-behind requires fixed-width pattern")
                    width = lo
                neg = op is ASSERT_NOT
                k = len(code)
                emit([O_LOOK, neg, width, None])
                self.emit_seq(p, flags)
                emit([O_LOOKEND, neg])
                code[k][3] = len(code)
            elif op is AT:
                if flags & SRE_FLAG_MULTILINE:
                    if av is AT_BEGINNING:
                        av = AT_BEGINNING_LINE
                    elif av is AT_END:
                        av = AT_END_LINE
                kind = _AT_KINDS[av]
                wset = wfn = None
                if kind == A_BOUND or kind == A_NONBOUND:
                    if flags & SRE_FLAG_UNICODE and self.mode != 'A':
                        wfn = _Memo(_uni_word)
                    else:
                        wset = _ASCII_WORD
                emit([O_AT, kind, wset, wfn])
            elif op is BRANCH:
                k = len(code)
                emit([O_BRANCH, None, None, None])
                alts = []
                jumps = []
                items = av[1]
                for idx in range(len(items)):
                    item = items[idx]
                    start = len(code)
                    alts.append((start, self.first_test(item.data, flags)))
                    self.emit_seq(item, flags)
                    if idx != len(items) - 1:
                        jumps.append(len(code))
                        emit([O_JMP, None])
                for j in jumps:
                    code[j][1] = len(code)
                code[k][2] = tuple(alts)
            elif op is GROUPREF:
                lowf = None
                if flags & SRE_FLAG_IGNORECASE:
                    lowf = _lower1 if flags & SRE_FLAG_UNICODE else _lower_ascii
                emit([O_GREF, av, lowf])
            elif op is GROUPREF_EXISTS:
                group, yes, no = av
                k = len(code)
                emit([O_GEXISTS, group, None])
                self.emit_seq(yes, flags)
                if no:
                    j = len(code)
                    emit([O_JMP, None])
                    code[k][2] = len(code)
                    self.emit_seq(no, flags)
                    code[j][1] = len(code)
                else:
                    code[k][2] = len(code)
            elif op is CATEGORY:
                kind, arg = self.unit_test(IN, [(op, av)], flags)
                self.emit_test(kind, arg)
            elif op is SUCCESS:
                emit([O_SUCCESS])
            elif op is FAILURE:
                emit([O_FAIL])
            else:
                raise error("internal: unsupported operand type %r" % (op,))

    def emit_repeat(self, mn, mx, item, flags, until, atomic_body=False):
        code = self.code
        if mx == 0:
            # compile (for error checking) and discard
            k = len(code)
            self.emit_seq(item, flags)
            del code[k:]
            return
        if mn == 1 and mx == 1:
            self.emit_seq(item, flags)
            return
        rid = self.nregs
        self.nregs += 1
        k = len(code)
        code.append([O_REPEAT, rid, None])
        body = len(code)
        if atomic_body:
            code.append([O_ATOM])
        self.emit_seq(item, flags)
        if atomic_body:
            code.append([O_ATOMEND])
        code[k][2] = len(code)
        code.append([until, rid, mn, mx, body])

    def finish(self, data, flags):
        self.emit_seq(data, flags)
        code = self.code
        code.append([O_SUCCESS])
        n = len(code)
        for i in range(n):
            ins = code[i]
            op = ins[0]
            if op == O_REP:
                nxt = code[i + 1] if i + 1 < n else None
                if nxt is not None:
                    if nxt[0] == O_CHAR:
                        ins[6] = nxt[1]
                    elif nxt[0] == O_LIT:
                        ins[6] = nxt[1][0]
                    elif nxt[0] == O_SUCCESS:
                        ins[7] = True
            elif op == O_BRANCH:
                alts = ins[2]
                ins[3] = tuple([a for a, t in alts if t is None])
                memo = {}
                if self.universe is not None:
                    for c in self.universe:
                        memo[c] = tuple([a for a, t in alts
                                         if t is None or _test1(t[0], t[1], c)])
                ins[1] = memo
        for ins in code:
            if ins[0] == O_JMP:
                t = ins[1]
                while code[t][0] == O_JMP:
                    t = code[t][1]
                ins[1] = t
        for i in range(n):
            ins = code[i]
            if ins[0] == O_JMP and code[ins[1]][0] == O_SUCCESS:
                code[i] = [O_SUCCESS]
        prog = _Prog()
        prog.code = [tuple(ins) for ins in code]
        prog.nregs = self.nregs
        # search helpers
        prog.anchored = False
        prog.prefix = None
        prog.first = None
        prog.simple = None
        if data:
            op, av = data[0]
            if op is AT and (av is AT_BEGINNING_STRING or
                             (av is AT_BEGINNING and not flags & SRE_FLAG_MULTILINE)):
                prog.anchored = True
        if not prog.anchored:
            pre = self.literal_prefix(data, flags)
            if pre:
                prog.prefix = pre
            prog.first = self.first_test(data, flags)
        c0 = prog.code[0]
        if (len(prog.code) == 2 and c0[0] == O_REP and c0[5] != 1 and
                (c0[1] == K_SET or c0[1] == K_FN)):
            prog.simple = (c0[2], c0[3], c0[4], c0[1] == K_SET)
        # If the program starts with an unbounded single-character repeat,
        # a failed attempt at position p implies that every start inside
        # the run of matching characters fails too (the tail is tried at a
        # subset of the same positions), so the search may skip the run.
        prog.skiprep = None
        if c0[0] == O_REP and c0[4] >= MAXREPEAT:
            prog.skiprep = (c0[1], c0[2])
        return prog

    def literal_prefix(self, data, flags):
        out = []
        for op, av in data:
            if op is AT:
                continue
            if op is LITERAL and not flags & SRE_FLAG_IGNORECASE:
                out.append(chr(av))
                continue
            if op is SUBPATTERN:
                nf = _combine_flags(flags, av[1], av[2])
                sub = av[3].data
                if nf & SRE_FLAG_IGNORECASE:
                    break
                allit = True
                for sop, sav in sub:
                    if sop is LITERAL:
                        out.append(chr(sav))
                    else:
                        allit = False
                        break
                if allit:
                    continue
            break
        return ''.join(out)


# ---------------------------------------------------------------------------
# the matching engine

def _vm(code, S, pos, end, marks, nregs, noempty, match_all):
    """Run the program at pos.  Returns (endpos, lastindex) or None.
    marks is filled in place."""
    stack = []
    push = stack.append
    pop = stack.pop
    if nregs:
        rc = [0] * nregs
        rl = [0] * nregs
    lastindex = -1
    pc = 0
    while True:
        ins = code[pc]
        op = ins[0]
        if op < 4:
            if op == O_CHAR:
                if pos < end and S[pos] == ins[1]:
                    pos += 1
                    pc += 1
                    continue
            elif op == O_SET:
                if pos < end and S[pos] in ins[1]:
                    pos += 1
                    pc += 1
                    continue
            elif op == O_REP:
                kind = ins[1]
                arg = ins[2]
                mx = ins[4]
                lim = end if end - pos <= mx else pos + mx
                mode = ins[5]
                if mode != 1:
                    p = pos
                    if kind == K_SET:
                        while p < lim and S[p] in arg:
                            p += 1
                    elif kind == K_ANY:
                        while p < lim and S[p] != '\n':
                            p += 1
                    elif kind == K_ANYALL:
                        p = lim
                    elif kind == K_NSET:
                        while p < lim and S[p] not in arg:
                            p += 1
                    else:
                        while p < lim and arg[S[p]]:
                            p += 1
                    mn = ins[3]
                    if p - pos >= mn and pos <= end:
                        if mode == 0:
                            minpos = pos + mn
                            nc = ins[6]
                            if nc is None:
                                if p > minpos and not ins[7]:
                                    push([B_REP1G, pc + 1, minpos, p - 1])
                                pos = p
                                pc += 1
                                continue
                            if p >= end:
                                p = end - 1
                            while p >= minpos and S[p] != nc:
                                p -= 1
                            if p >= minpos:
                                if p > minpos:
                                    push([B_REP1GC, pc + 1, minpos, p - 1, nc])
                                pos = p
                                pc += 1
                                continue
                        else:
                            pos = p
                            pc += 1
                            continue
                else:
                    mn = ins[3]
                    mlim = pos + mn
                    if mlim <= end:
                        p = pos
                        if kind == K_SET:
                            while p < mlim and S[p] in arg:
                                p += 1
                        elif kind == K_ANYALL:
                            p = mlim
                        else:
                            while p < mlim and _test1(kind, arg, S[p]):
                                p += 1
                        if p == mlim:
                            if p < lim:
                                push([B_REP1L, pc + 1, kind, arg, p, lim, ins[6]])
                            pos = p
                            pc += 1
                            continue
            else:  # O_LIT
                n = ins[2]
                if pos + n <= end and S[pos:pos + n] == ins[1]:
                    pos += n
                    pc += 1
                    continue
        elif op < 9:
            if op == O_MARK:
                i = ins[1]
                if stack:
                    push((B_MARK, i, marks[i]))
                marks[i] = pos
                pc += 1
                continue
            elif op == O_MARKC:
                i = ins[1]
                if stack:
                    push((B_MARKL, i, marks[i], lastindex))
                marks[i] = pos
                lastindex = ins[2]
                pc += 1
                continue
            elif op == O_BRANCH:
                if pos < end:
                    ch = S[pos]
                    memo = ins[1]
                    v = memo.get(ch)
                    if v is None:
                        v = tuple([a for a, t in ins[2]
                                   if t is None or _test1(t[0], t[1], ch)])
                        memo[ch] = v
                else:
                    v = ins[3]
                n = len(v)
                if n:
                    j = n - 1
                    while j > 0:
                        push((B_ALT, v[j], pos))
                        j -= 1
                    pc = v[0]
                    continue
            elif op == O_JMP:
                pc = ins[1]
                continue
            else:  # O_SUCCESS
                if pos != noempty and (not match_all or pos == end):
                    return pos, lastindex
        elif op == O_NSET:
            if pos < end and S[pos] not in ins[1]:
                pos += 1
                pc += 1
                continue
        elif op == O_FN:
            if pos < end and ins[1][S[pos]]:
                pos += 1
                pc += 1
                continue
        elif op == O_ANY:
            if pos < end and S[pos] != '\n':
                pos += 1
                pc += 1
                continue
        elif op == O_ANYALL:
            if pos < end:
                pos += 1
                pc += 1
                continue
        elif op == O_AT:
            kind = ins[1]
            if kind == A_BEG:
                ok = pos == 0
            elif kind == A_BEG_LINE:
                ok = pos == 0 or S[pos - 1] == '\n'
            elif kind == A_END:
                ok = pos == end or (pos == end - 1 and S[pos] == '\n')
            elif kind == A_END_LINE:
                ok = pos == end or (pos < len(S) and S[pos] == '\n')
            elif kind == A_END_STR:
                ok = pos == end
            else:
                if end == 0:
                    ok = False
                else:
                    wset = ins[2]
                    if wset is not None:
                        that = pos > 0 and S[pos - 1] in wset
                        this = pos < end and S[pos] in wset
                    else:
                        wfn = ins[3]
                        that = pos > 0 and wfn[S[pos - 1]]
                        this = pos < end and wfn[S[pos]]
                    if kind == A_BOUND:
                        ok = this != that
                    else:
                        ok = this == that
            if ok:
                pc += 1
                continue
        elif op == O_LITA:
            n = ins[2]
            if pos + n <= end and S[pos:pos + n].lower() == ins[1]:
                pos += n
                pc += 1
                continue
        elif op == O_LITS:
            n = ins[2]
            if pos + n <= end:
                sets = ins[1]
                j = 0
                while j < n and S[pos + j] in sets[j]:
                    j += 1
                if j == n:
                    pos += n
                    pc += 1
                    continue
        elif op == O_REPEAT:
            rid = ins[1]
            if stack:
                push((B_REG, rid, rc[rid], rl[rid]))
            rc[rid] = -1
            rl[rid] = -1
            pc = ins[2]
            continue
        elif op == O_MAXUNTIL:
            rid = ins[1]
            count = rc[rid] + 1
            if count < ins[2]:
                if stack:
                    push((B_REG, rid, rc[rid], rl[rid]))
                rc[rid] = count
                pc = ins[4]
                continue
            if count < ins[3] and pos != rl[rid]:
                push((B_ALT, pc + 1, pos))
                push((B_REG, rid, rc[rid], rl[rid]))
                rc[rid] = count
                rl[rid] = pos
                pc = ins[4]
                continue
            pc += 1
            continue
        elif op == O_MINUNTIL:
            rid = ins[1]
            count = rc[rid] + 1
            if count < ins[2]:
                if stack:
                    push((B_REG, rid, rc[rid], rl[rid]))
                rc[rid] = count
                pc = ins[4]
                continue
            if count < ins[3] and pos != rl[rid]:
                push((B_MINU, rid, count, pos, ins[4]))
            pc += 1
            continue
        elif op == O_ATOM:
            push((B_ATOM,))
            pc += 1
            continue
        elif op == O_ATOMEND:
            keep = None
            while True:
                e = pop()
                k = e[0]
                if k == B_ATOM:
                    break
                if k == B_MARK or k == B_MARKL or k == B_REG:
                    if keep is None:
                        keep = [e]
                    else:
                        keep.append(e)
            if keep is not None:
                j = len(keep) - 1
                while j >= 0:
                    push(keep[j])
                    j -= 1
            pc += 1
            continue
        elif op == O_LOOK:
            w = ins[2]
            if w:
                if pos < w:
                    if ins[1]:
                        pc = ins[3]
                        continue
                else:
                    push((B_LOOK, ins[1], pos, ins[3]))
                    pos -= w
                    pc += 1
                    continue
            else:
                push((B_LOOK, ins[1], pos, ins[3]))
                pc += 1
                continue
        elif op == O_LOOKEND:
            if not ins[1]:
                keep = None
                while True:
                    e = pop()
                    k = e[0]
                    if k == B_LOOK:
                        break
                    if k == B_MARK or k == B_MARKL or k == B_REG:
                        if keep is None:
                            keep = [e]
                        else:
                            keep.append(e)
                pos = e[2]
                pc = e[3]
                if keep is not None:
                    j = len(keep) - 1
                    while j >= 0:
                        push(keep[j])
                        j -= 1
                continue
            while True:
                e = pop()
                k = e[0]
                if k == B_LOOK:
                    break
                if k == B_MARK:
                    marks[e[1]] = e[2]
                elif k == B_MARKL:
                    marks[e[1]] = e[2]
                    lastindex = e[3]
                elif k == B_REG:
                    rc[e[1]] = e[2]
                    rl[e[1]] = e[3]
            # the negative assertion failed: backtrack
        elif op == O_GREF:
            g = ins[1]
            a = marks[2 * g - 2]
            b = marks[2 * g - 1]
            if a >= 0 and b >= a:
                n = b - a
                if pos + n <= end or n == 0:
                    lowf = ins[2]
                    if lowf is None:
                        if S[a:b] == S[pos:pos + n]:
                            pos += n
                            pc += 1
                            continue
                    else:
                        j = 0
                        while j < n and lowf(S[a + j]) == lowf(S[pos + j]):
                            j += 1
                        if j == n:
                            pos += n
                            pc += 1
                            continue
        elif op == O_GEXISTS:
            g = ins[1]
            a = marks[2 * g - 2]
            b = marks[2 * g - 1]
            if a >= 0 and b >= a:
                pc += 1
            else:
                pc = ins[2]
            continue
        # ---- failure: backtrack ----
        while True:
            if not stack:
                return None
            e = pop()
            k = e[0]
            if k == B_ALT:
                pc = e[1]
                pos = e[2]
                break
            elif k == B_MARK:
                marks[e[1]] = e[2]
            elif k == B_REP1G:
                p = e[3]
                if p > e[2]:
                    e[3] = p - 1
                    push(e)
                pc = e[1]
                pos = p
                break
            elif k == B_MARKL:
                marks[e[1]] = e[2]
                lastindex = e[3]
            elif k == B_REG:
                rc[e[1]] = e[2]
                rl[e[1]] = e[3]
            elif k == B_REP1GC:
                minpos = e[2]
                p = e[3]
                c = e[4]
                if p >= end:
                    p = end - 1
                while p >= minpos and S[p] != c:
                    p -= 1
                if p < minpos:
                    continue
                if p > minpos:
                    e[3] = p - 1
                    push(e)
                pc = e[1]
                pos = p
                break
            elif k == B_REP1L:
                p = e[4]
                kind = e[2]
                arg = e[3]
                if not _test1(kind, arg, S[p]):
                    continue
                p += 1
                lim = e[5]
                nc = e[6]
                if nc is not None:
                    while p < lim and S[p] != nc:
                        if not _test1(kind, arg, S[p]):
                            break
                        p += 1
                    if p >= end or S[p] != nc:
                        continue
                if p < lim:
                    e[4] = p
                    push(e)
                pc = e[1]
                pos = p
                break
            elif k == B_MINU:
                rid = e[1]
                if stack:
                    push((B_REG, rid, rc[rid], rl[rid]))
                rc[rid] = e[2]
                rl[rid] = e[3]
                pos = e[3]
                pc = e[4]
                break
            elif k == B_LOOK:
                if e[1]:
                    pos = e[2]
                    pc = e[3]
                    break
            # B_ATOM: keep failing


# ---------------------------------------------------------------------------
# searching

def _run_count(S, p, lim, kind, arg):
    if kind == K_SET:
        while p < lim and S[p] in arg:
            p += 1
    elif kind == K_ANY:
        while p < lim and S[p] != '\n':
            p += 1
    elif kind == K_ANYALL:
        p = lim
    elif kind == K_NSET:
        while p < lim and S[p] not in arg:
            p += 1
    else:
        while p < lim and arg[S[p]]:
            p += 1
    return p


def _find_str(S, lit, p, end):
    """S.find(lit, p, end) for a str S without passing start/end arguments
    (those are slow in pystm): scan bounded slices."""
    n = len(lit)
    chunk = 256
    while p + n <= end:
        stop = p + chunk + n - 1
        if stop > end:
            stop = end
        i = S[p:stop].find(lit)
        if i >= 0:
            return p + i
        p = stop - n + 1
        if chunk < 16384:
            chunk += chunk
    return -1


def _search(prog, S, pos, end, must_advance, nmarks, isstr):
    """Find the first match at or after pos.
    Returns (start, end, marks, lastindex) or None."""
    if pos > end:
        return None
    code = prog.code
    nregs = prog.nregs
    if prog.anchored:
        if pos != 0:
            return None
        marks = [-1] * nmarks
        r = _vm(code, S, 0, end, marks, nregs, 0 if must_advance else -1, False)
        if r is None:
            return None
        return (0, r[0], marks, r[1])
    simple = prog.simple
    if simple is not None:
        # pattern is a single greedy/possessive repeat of a character class
        fs, mn, mx, isset = simple
        if mn == 0:
            lim = end if end - pos <= mx else pos + mx
            q = pos
            if isset:
                while q < lim and S[q] in fs:
                    q += 1
            else:
                while q < lim and fs[S[q]]:
                    q += 1
            if q > pos or not must_advance:
                return (pos, q, [-1] * nmarks, -1)
            pos += 1
            if pos > end:
                return None
            lim = end if end - pos <= mx else pos + mx
            q = pos
            if isset:
                while q < lim and S[q] in fs:
                    q += 1
            else:
                while q < lim and fs[S[q]]:
                    q += 1
            return (pos, q, [-1] * nmarks, -1)
        p = pos
        if isset:
            while True:
                while p < end and S[p] not in fs:
                    p += 1
                if p >= end:
                    return None
                lim = end if end - p <= mx else p + mx
                q = p + 1
                while q < lim and S[q] in fs:
                    q += 1
                if q - p >= mn:
                    return (p, q, [-1] * nmarks, -1)
                p = q
        while True:
            while p < end and not fs[S[p]]:
                p += 1
            if p >= end:
                return None
            lim = end if end - p <= mx else p + mx
            q = p + 1
            while q < lim and fs[S[q]]:
                q += 1
            if q - p >= mn:
                return (p, q, [-1] * nmarks, -1)
            p = q
    prefix = prog.prefix
    if prefix is not None and isstr:
        p = pos
        while p <= end:
            i = _find_str(S, prefix, p, end)
            if i < 0:
                return None
            marks = [-1] * nmarks
            r = _vm(code, S, i, end, marks, nregs,
                    i if (must_advance and i == pos) else -1, False)
            if r is not None:
                return (i, r[0], marks, r[1])
            p = i + 1
        return None
    first = prog.first
    if first is not None:
        kind, arg = first
        p = pos
        while p < end:
            if kind == K_SET:
                while p < end and S[p] not in arg:
                    p += 1
            elif kind == K_NSET:
                while p < end and S[p] in arg:
                    p += 1
            elif kind == K_ANY:
                while p < end and S[p] == '\n':
                    p += 1
            elif kind == K_FN:
                while p < end and not arg[S[p]]:
                    p += 1
            if p >= end:
                return None
            marks = [-1] * nmarks
            r = _vm(code, S, p, end, marks, nregs,
                    p if (must_advance and p == pos) else -1, False)
            if r is not None:
                return (p, r[0], marks, r[1])
            skip = prog.skiprep
            if skip is not None:
                q = _run_count(S, p, end, skip[0], skip[1])
                if q > p:
                    p = q
            p += 1
        return None
    p = pos
    noempty = pos if must_advance else -1
    skip = prog.skiprep
    while p <= end:
        marks = [-1] * nmarks
        r = _vm(code, S, p, end, marks, nregs, noempty, False)
        if r is not None:
            return (p, r[0], marks, r[1])
        noempty = -1
        if skip is not None:
            q = _run_count(S, p, end, skip[0], skip[1])
            if q > p:
                p = q
        p += 1
    return None


# ---------------------------------------------------------------------------
# subject preparation

_subject_cache = [object(), None]  # [last big subject, prepared]


def _typename(obj):
    return type(obj).__name__


# A prepared subject is a tuple (string, S, kind, length):
#   string: the original subject object
#   S: an ASCII str (indexable in O(1) in pystm) or a tuple of characters
#   kind: 0 = ASCII str (S is the str itself), 1 = non-ASCII str (S is a
#         tuple of characters), 2 = bytes decoded to an ASCII str,
#         3 = bytes decoded to a tuple of characters
#   length: len(S)

def _prepare_subject(string, isbytes):
    c = _subject_cache
    if c[0] is string:
        return c[1]
    if not isbytes and type(string) is str:
        if string.isascii():
            sub = (string, string, 0, len(string))
        else:
            sub = (string, tuple(string), 1, len(string))
    else:
        if isbytes:
            if not isinstance(string, bytes):
                if isinstance(string, str):
                    raise TypeError("cannot use a bytes pattern on a string-like object")
                raise TypeError("expected string or bytes-like object, got %r"
                                % _typename(string))
            s = _bytes_to_str(string)
            kind = 2
        else:
            if not isinstance(string, str):
                if isinstance(string, bytes):
                    raise TypeError("cannot use a string pattern on a bytes-like object")
                raise TypeError("expected string or bytes-like object, got %r"
                                % _typename(string))
            s = string[0:len(string)]   # plain str copy of a str subclass
            kind = 0
        if s.isascii():
            sub = (string, s, kind, len(s))
        else:
            sub = (string, tuple(s), kind + 1, len(s))
    if sub[3] > 64:
        c[0] = string
        c[1] = sub
    return sub


def _getslice(sub, a, b):
    kind = sub[2]
    if kind == 0:
        return sub[0][a:b]
    if kind == 1:
        return ''.join(sub[1][a:b])
    if kind == 2:
        return sub[1][a:b].encode('latin-1')
    return ''.join(sub[1][a:b]).encode('latin-1')


# ---------------------------------------------------------------------------
# Pattern and Match objects

class _MappingProxy:
    """Read-only view of a dict (stand-in for types.MappingProxyType)."""
    __slots__ = ('_d',)

    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, k):
        return k in self._d

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._d,)

    def __str__(self):
        return str(self._d)

    def __eq__(self, other):
        if isinstance(other, _MappingProxy):
            other = other._d
        return self._d == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __or__(self, other):
        if isinstance(other, _MappingProxy):
            other = other._d
        d = dict(self._d)
        d.update(other)
        return d

    def __setitem__(self, k, v):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, k):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __hash__(self):
        raise TypeError("unhashable type: 'mappingproxy'")

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def copy(self):
        return dict(self._d)


_PATTERN_FLAG_NAMES = (
    ("re.TEMPLATE", SRE_FLAG_TEMPLATE),
    ("re.IGNORECASE", SRE_FLAG_IGNORECASE),
    ("re.LOCALE", SRE_FLAG_LOCALE),
    ("re.MULTILINE", SRE_FLAG_MULTILINE),
    ("re.DOTALL", SRE_FLAG_DOTALL),
    ("re.UNICODE", SRE_FLAG_UNICODE),
    ("re.VERBOSE", SRE_FLAG_VERBOSE),
    ("re.DEBUG", SRE_FLAG_DEBUG),
    ("re.ASCII", SRE_FLAG_ASCII),
)


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags, parsed):
        self.pattern = pattern
        self.flags = flags
        state = parsed.state
        self.groups = state.groups - 1
        self._groupdict = dict(state.groupdict)
        self.groupindex = _MappingProxy(self._groupdict)
        indexgroup = [None] * state.groups
        for k, i in self._groupdict.items():
            indexgroup[i] = k
        self._indexgroup = tuple(indexgroup)
        self._isbytes = isinstance(pattern, bytes)
        self._parsed = parsed
        self._nmarks = 2 * self.groups
        self._progs = [None, None]
        # compile eagerly for ASCII subjects (reports compile errors)
        self._progs[0] = _Compiler('A', self._isbytes).finish(parsed.data, flags)

    def _prog(self, ascii):
        if ascii:
            return self._progs[0]
        p = self._progs[1]
        if p is None:
            p = self._progs[1] = _Compiler('U', self._isbytes).finish(
                self._parsed.data, self.flags)
        return p

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    def __repr__(self):
        flags = self.flags
        if (isinstance(self.pattern, str) and
                (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII))
                == SRE_FLAG_UNICODE):
            flags &= ~SRE_FLAG_UNICODE
        r = '%.200r' % (self.pattern,)
        if flags == 0:
            return 're.compile(%s)' % r
        names = []
        for name, val in _PATTERN_FLAG_NAMES:
            if flags & val:
                names.append(name)
                flags &= ~val
        if flags:
            names.append('0x%x' % flags)
        return 're.compile(%s, %s)' % (r, '|'.join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and self._isbytes == other._isbytes
                and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    # -- internals --

    def _setup(self, string, pos, endpos):
        sub = _prepare_subject(string, self._isbytes)
        n = sub[3]
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos < 0:
            endpos = 0
        elif endpos > n:
            endpos = n
        # the subject is not truncated at endpos: every instruction checks
        # its bounds against endpos
        return sub, sub[1], pos, endpos

    def _new_match(self, sub, pos, endpos, r):
        return Match(self, sub, pos, endpos, r[0], r[1], r[2], r[3])

    # -- matching --

    def match(self, string, pos=0, endpos=_MAXSIZE):
        sub, S, pos, endpos = self._setup(string, pos, endpos)
        prog = self._prog(sub[2] == 0 or sub[2] == 2)
        marks = [-1] * self._nmarks
        r = _vm(prog.code, S, pos, endpos, marks, prog.nregs, -1, False)
        if r is None:
            return None
        return Match(self, sub, pos, endpos, pos, r[0], marks, r[1])

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        sub, S, pos, endpos = self._setup(string, pos, endpos)
        prog = self._prog(sub[2] == 0 or sub[2] == 2)
        marks = [-1] * self._nmarks
        r = _vm(prog.code, S, pos, endpos, marks, prog.nregs, -1, True)
        if r is None:
            return None
        return Match(self, sub, pos, endpos, pos, r[0], marks, r[1])

    def search(self, string, pos=0, endpos=_MAXSIZE):
        sub, S, pos, endpos = self._setup(string, pos, endpos)
        isstr = sub[2] == 0 or sub[2] == 2
        r = _search(self._prog(isstr), S, pos, endpos, False, self._nmarks, isstr)
        if r is None:
            return None
        return self._new_match(sub, pos, endpos, r)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        sub, S, pos, endpos = self._setup(string, pos, endpos)
        isstr = sub[2] == 0 or sub[2] == 2
        prog = self._prog(isstr)
        nmarks = self._nmarks
        ng = self.groups
        out = []
        append = out.append
        kind = sub[2]
        string = sub[0]
        must_advance = False
        empty = string[:0]
        while pos <= endpos:
            r = _search(prog, S, pos, endpos, must_advance, nmarks, isstr)
            if r is None:
                break
            b = r[0]
            e = r[1]
            if ng == 0:
                if kind == 0:
                    append(string[b:e])
                else:
                    append(_getslice(sub, b, e))
            else:
                marks = r[2]
                if ng == 1:
                    a = marks[0]
                    c = marks[1]
                    if a >= 0 and c >= 0:
                        append(_getslice(sub, a, c))
                    else:
                        append(empty)
                else:
                    items = []
                    for g in range(ng):
                        a = marks[2 * g]
                        c = marks[2 * g + 1]
                        if a >= 0 and c >= 0:
                            items.append(_getslice(sub, a, c))
                        else:
                            items.append(empty)
                    append(tuple(items))
            must_advance = e == b
            pos = e
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return self.scanner(string, pos, endpos)._iter()

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _SREScanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        sub, S, pos, endpos = self._setup(string, 0, _MAXSIZE)
        isstr = sub[2] == 0 or sub[2] == 2
        prog = self._prog(isstr)
        nmarks = self._nmarks
        ng = self.groups
        out = []
        n = 0
        last = 0
        must_advance = False
        while not maxsplit or n < maxsplit:
            r = _search(prog, S, pos, endpos, must_advance, nmarks, isstr)
            if r is None:
                break
            b = r[0]
            e = r[1]
            marks = r[2]
            out.append(_getslice(sub, last, b))
            for g in range(ng):
                a = marks[2 * g]
                c = marks[2 * g + 1]
                if a >= 0 and c >= 0:
                    out.append(_getslice(sub, a, c))
                else:
                    out.append(None)
            n += 1
            must_advance = e == b
            last = pos = e
        out.append(_getslice(sub, last, endpos))
        return out

    def _subx(self, repl, string, count):
        sub, S, pos, endpos = self._setup(string, 0, _MAXSIZE)
        isstr = sub[2] == 0 or sub[2] == 2
        prog = self._prog(isstr)
        nmarks = self._nmarks
        literal = None
        template = None
        filt = None
        if callable(repl):
            filt = repl
        else:
            if isinstance(repl, (str, bytes)):
                bs = '\\' if isinstance(repl, str) else b'\\'
                if bs not in repl:
                    literal = repl
            if literal is None:
                template = _compile_repl(repl, self)
                if not template[0] and len(template[1]) == 1:
                    literal = template[1][0]
                    template = None
            if (literal is not None and type(literal) is not str
                    and isinstance(literal, str)):
                # pystm's str.join rejects str subclasses
                literal = literal[0:len(literal)]
        out = []
        append = out.append
        n = 0
        i = 0
        must_advance = False
        kind0 = sub[2] == 0
        string = sub[0]
        while not count or n < count:
            r = _search(prog, S, pos, endpos, must_advance, nmarks, isstr)
            if r is None:
                break
            b = r[0]
            e = r[1]
            if i < b:
                if kind0:
                    append(string[i:b])
                else:
                    append(_getslice(sub, i, b))
            if literal is not None:
                append(literal)
            elif template is not None:
                append(_expand_template(template, self._new_match(sub, 0, endpos, r)))
            else:
                item = filt(self._new_match(sub, 0, endpos, r))
                if item is not None:
                    if type(item) is not str and isinstance(item, str):
                        # pystm's str.join rejects str subclasses
                        item = item[0:len(item)]
                    append(item)
            i = e
            n += 1
            must_advance = e == b
            pos = e
        if i < endpos:
            append(_getslice(sub, i, endpos))
        isbytes = sub[2] >= 2
        try:
            if isbytes:
                result = b''.join(out)
            else:
                result = ''.join(out)
        except TypeError:
            for idx in range(len(out)):
                item = out[idx]
                if isbytes:
                    if not isinstance(item, bytes):
                        raise TypeError("sequence item %d: expected a bytes-like "
                                        "object, %s found" % (idx, _typename(item))) from None
                elif not isinstance(item, str):
                    raise TypeError("sequence item %d: expected str instance, "
                                    "%s found" % (idx, _typename(item))) from None
            raise
        return result, n

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)


class _SREScanner:
    """Pattern.scanner() object (also drives finditer)."""

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        sub, S, pos, endpos = pattern._setup(string, pos, endpos)
        self._sub = sub
        self._S = S
        self._start = pos
        self._pos = pos
        self._endpos = endpos
        self._must_advance = False
        self._isstr = sub[2] == 0 or sub[2] == 2
        self._progc = pattern._prog(self._isstr)

    def match(self):
        if self._start is None:
            return None
        p = self._start
        pat = self.pattern
        prog = self._progc
        marks = [-1] * pat._nmarks
        r = _vm(prog.code, self._S, p, self._endpos, marks, prog.nregs,
                p if self._must_advance else -1, False)
        if r is None:
            self._start = None
            return None
        self._must_advance = r[0] == p
        self._start = r[0]
        return Match(pat, self._sub, self._pos, self._endpos, p, r[0], marks, r[1])

    def search(self):
        if self._start is None:
            return None
        pat = self.pattern
        r = _search(self._progc, self._S, self._start, self._endpos,
                    self._must_advance, pat._nmarks, self._isstr)
        if r is None:
            self._start = None
            return None
        self._must_advance = r[1] == r[0]
        self._start = r[1]
        return Match(pat, self._sub, self._pos, self._endpos, r[0], r[1], r[2], r[3])

    def _iter(self):
        search = self.search
        while True:
            m = search()
            if m is None:
                return
            yield m


class Match:
    """The result of re.match() and re.search()."""

    __slots__ = ('re', '_sub', 'pos', 'endpos', '_start', '_end', '_marks', '_lastindex')

    def __init__(self, pattern, sub, pos, endpos, start, end, marks, lastindex):
        self.re = pattern
        self._sub = sub
        self.pos = pos
        self.endpos = endpos
        self._start = start
        self._end = end
        self._marks = marks
        self._lastindex = lastindex

    def _span(self, i):
        if i == 0:
            return self._start, self._end
        m = self._marks
        a = m[2 * i - 2]
        b = m[2 * i - 1]
        if a < 0 or b < 0:
            return -1, -1
        return a, b

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    @property
    def string(self):
        return self._sub[0]

    @property
    def lastindex(self):
        li = self._lastindex
        if li < 0:
            return None
        return li

    @property
    def lastgroup(self):
        li = self._lastindex
        if li < 0:
            return None
        ig = self.re._indexgroup
        if li < len(ig):
            return ig[li]
        return None

    @property
    def regs(self):
        return tuple([self._span(i) for i in range(self.re.groups + 1)])

    def _index(self, g):
        if isinstance(g, int):
            i = int(g)
        elif hasattr(type(g), '__index__') and not isinstance(g, (str, bytes)):
            i = g.__index__()
        else:
            try:
                i = self.re._groupdict.get(g, -1) if isinstance(g, str) else -1
            except TypeError:
                i = -1
        if i < 0 or i > self.re.groups:
            raise IndexError("no such group")
        return i

    def _get(self, i, default=None):
        if i == 0:
            return _getslice(self._sub, self._start, self._end)
        m = self._marks
        a = m[2 * i - 2]
        b = m[2 * i - 1]
        if a < 0 or b < 0:
            return default
        return _getslice(self._sub, a, b)

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple([self._get(self._index(a)) for a in args])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        d = {}
        for name, i in self.re._groupdict.items():
            d[name] = self._get(i, default)
        return d

    def start(self, group=0):
        return self._span(self._index(group))[0]

    def end(self, group=0):
        return self._span(self._index(group))[1]

    def span(self, group=0):
        return self._span(self._index(group))

    def expand(self, template):
        return _expand_template(_compile_repl(template, self.re), self)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%.50r>' % (
            self._start, self._end, self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---------------------------------------------------------------------------
# public interface

def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()
    _repl_cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object, deprecated"
    return _compile(pattern, flags | T)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """
    Escape special characters in a string.
    """
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    else:
        pattern = _bytes_to_str(pattern)
        return _str_to_bytes(pattern.translate(_special_chars_map))


_cache = {}  # ordered!

_MAXCACHE = 512


def _compile(pattern, flags):
    # internal: compile pattern
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    flags = int(flags)
    parsed = _parse_pattern(pattern, flags)
    p = Pattern(pattern, flags | parsed.state.flags, parsed)
    if not (flags & DEBUG):
        if len(_cache) >= _MAXCACHE:
            # Drop the oldest item
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[type(pattern), pattern, flags] = p
    return p


_repl_cache = {}


def _compile_repl(repl, pattern):
    # internal: compile replacement pattern
    key = (type(repl), repl, pattern)
    try:
        return _repl_cache[key]
    except KeyError:
        pass
    if not isinstance(repl, (str, bytes)):
        raise TypeError("expected str instance, %s found" % _typename(repl))
    t = _parse_template(repl, pattern)
    if len(_repl_cache) >= _MAXCACHE:
        _repl_cache.clear()
    _repl_cache[key] = t
    return t


def _expand(pattern, match, template):
    # internal: Match.expand implementation hook
    template = _parse_template(template, pattern)
    return _expand_template(template, match)


# --------------------------------------------------------------------
# experimental stuff (see python-dev discussions for details)

class Scanner:
    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = int(flags)
        self.lexicon = lexicon
        # combine phrases into a compound pattern
        p = []
        s = _State()
        s.flags = flags
        for phrase, action in lexicon:
            gid = s.opengroup()
            p.append(_SubPattern(s, [
                (SUBPATTERN, (gid, 0, 0, _parse_pattern(phrase, flags))),
            ]))
            s.closegroup(gid, p[-1])
        p = _SubPattern(s, [(BRANCH, (None, p))])
        pat = lexicon[0][0] if lexicon else ''
        s.flags = _fix_flags(pat, s.flags)
        self.scanner = Pattern(None, s.flags, p)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
