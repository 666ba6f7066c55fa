"""The built-in ``complex`` (pystm): complex numbers with CPython 3.11's arithmetic (the same
algorithms as Objects/complexobject.c: Smith's division, integer powers by repeated squaring up
to 100, polar powers beyond), hashing, parsing, repr and errors.

Installed into the builtins on first use of the name, and made by imaginary literals (``2j``),
so programs that never use complex numbers do not compile it.
"""

import math as _math

_float = float
_isinstance = isinstance


def _part(v, what):
    """A float from a real number argument of complex()."""
    t = type(v)
    if hasattr(t, "__float__"):
        return t.__float__(v)
    if hasattr(t, "__index__"):
        return _float(t.__index__(v))
    raise TypeError("complex() %s must be a string or a number, not '%s'" % (what, t.__name__)
                    if what == "first argument" else
                    "complex() %s must be a number, not '%s'" % (what, t.__name__))


def _parse(s):
    """complex("1+2j"): CPython's grammar (an optional real part, then an imaginary one)."""
    bad = ValueError("complex() arg is a malformed string")
    t = s.strip()
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    if not t or any(c.isspace() for c in t):
        raise bad
    try:
        if t[-1] not in "jJ":
            return _float(t), 0.0
        body = t[:-1]
        i = len(body) - 1
        while i > 0 and not (body[i] in "+-" and body[i - 1] not in "eE"):
            i -= 1
        real_s, imag_s = (body[:i], body[i:]) if i > 0 else ("", body)
        if imag_s in ("", "+", "-"):
            imag = -1.0 if imag_s == "-" else 1.0
        else:
            imag = _float(imag_s)
        return (_float(real_s) if real_s else 0.0), imag
    except ValueError:
        raise bad from None


def _c(v):
    """(real, imag) of a number operand, or None for anything else."""
    if _isinstance(v, complex):
        return v._r, v._i
    if _isinstance(v, (int, _float)):
        return _float(v), 0.0
    return None


def _fmt(x):
    r = repr(x)
    return r[:-2] if r.endswith(".0") else r


def _quot(ar, ai, br, bi):
    abr, abi = abs(br), abs(bi)
    if abr >= abi:
        if abr == 0.0:
            raise ZeroDivisionError("complex division by zero")
        ratio = bi / br
        denom = br + bi * ratio
        return (ar + ai * ratio) / denom, (ai - ar * ratio) / denom
    if abi >= abr:
        ratio = br / bi
        denom = br * ratio + bi
        return (ar * ratio + ai) / denom, (ai * ratio - ar) / denom
    return _math.nan, _math.nan


def _powu(xr, xi, n):
    rr, ri = 1.0, 0.0
    pr, pi = xr, xi
    mask = 1
    while mask > 0 and n >= mask:
        if n & mask:
            rr, ri = rr * pr - ri * pi, rr * pi + ri * pr
        mask <<= 1
        pr, pi = pr * pr - pi * pi, 2 * pr * pi
    return rr, ri


def _pow(ar, ai, br, bi):
    if bi == 0.0 and br == int(br) and abs(br) <= 100.0:
        n = int(br)
        if n >= 0:
            return _powu(ar, ai, n)
        if ar == 0.0 and ai == 0.0:
            raise ZeroDivisionError("0.0 to a negative or complex power")
        pr, pi = _powu(ar, ai, -n)
        return _quot(1.0, 0.0, pr, pi)
    if br == 0.0 and bi == 0.0:
        return 1.0, 0.0
    if ar == 0.0 and ai == 0.0:
        if bi != 0.0 or br < 0.0:
            raise ZeroDivisionError("0.0 to a negative or complex power")
        return 0.0, 0.0
    vabs = _math.hypot(ar, ai)
    length = vabs ** br
    at = _math.atan2(ai, ar)
    phase = at * br
    if bi != 0.0:
        length /= _math.exp(at * bi)
        phase += bi * _math.log(vabs)
    return length * _math.cos(phase), length * _math.sin(phase)


class complex:
    """Create a complex number from a real part and an optional imaginary part.

This is equivalent to (real + imag*1j) where imag defaults to 0."""

    __module__ = "builtins"
    __slots__ = ("_r", "_i")

    def __new__(cls, real=0, imag=None):
        if _isinstance(real, str):
            if imag is not None:
                raise TypeError("complex() can't take second arg if first is a string")
            r, i = _parse(real)
        else:
            if hasattr(type(real), "__complex__") and not _isinstance(real, complex):
                real = type(real).__complex__(real)
                if not _isinstance(real, complex):
                    raise TypeError("__complex__ returned non-complex (type %s)" % type(real).__name__)
            real_is_complex = _isinstance(real, complex)
            if real_is_complex:
                r, i = real._r, real._i
            else:
                r, i = _part(real, "first argument"), 0.0
            if imag is not None:
                # real + imag*1j (the parts added only where they exist, so -0.0 survives).
                if _isinstance(imag, str):
                    raise TypeError("complex() second arg can't be a string")
                if _isinstance(imag, complex):
                    r -= imag._i
                    ii = imag._r
                else:
                    ii = _part(imag, "second argument")
                i = ii + i if real_is_complex else ii
        self = object.__new__(cls)
        self._r = r
        self._i = i
        return self

    @property
    def real(self):
        """the real part of a complex number"""
        return self._r

    @property
    def imag(self):
        """the imaginary part of a complex number"""
        return self._i

    def conjugate(self):
        """Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."""
        return complex(self._r, -self._i)

    def __complex__(self):
        return complex(self._r, self._i) if type(self) is not complex else self

    def __getnewargs__(self):
        return (self._r, self._i)

    def __reduce__(self):
        return (type(self), (self._r, self._i))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        if self._r == 0.0 and _math.copysign(1.0, self._r) == 1.0:
            return _fmt(self._i) + "j"
        i = _fmt(self._i)
        if not i.startswith("-"):
            i = "+" + i
        return "(" + _fmt(self._r) + i + "j)"

    def __format__(self, spec):
        if not spec:
            return str(self)
        sign = spec[0] if spec[0] in "+- " else ""
        rest = spec[len(sign):]
        return format(self._r, sign + rest) + format(self._i, "+" + rest) + "j"

    def __hash__(self):
        h = (hash(self._r) + 1000003 * hash(self._i)) & 0xFFFFFFFFFFFFFFFF
        if h >= 1 << 63:
            h -= 1 << 64
        return -2 if h == -1 else h

    def __bool__(self):
        return self._r != 0.0 or self._i != 0.0

    def __eq__(self, other):
        if _isinstance(other, complex):
            return self._r == other._r and self._i == other._i
        if _isinstance(other, (int, _float)):
            return self._i == 0.0 and self._r == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __pos__(self):
        return complex(self._r, self._i)

    def __neg__(self):
        return complex(-self._r, -self._i)

    def __abs__(self):
        r, i = self._r, self._i
        if _math.isinf(r) or _math.isinf(i):
            return _math.inf
        if _math.isnan(r) or _math.isnan(i):
            return _math.nan
        h = _math.hypot(r, i)
        if _math.isinf(h):
            raise OverflowError("absolute value too large")
        return h

    def __add__(self, other):
        o = _c(other)
        return NotImplemented if o is None else complex(self._r + o[0], self._i + o[1])

    def __radd__(self, other):
        o = _c(other)
        return NotImplemented if o is None else complex(o[0] + self._r, o[1] + self._i)

    def __sub__(self, other):
        o = _c(other)
        return NotImplemented if o is None else complex(self._r - o[0], self._i - o[1])

    def __rsub__(self, other):
        o = _c(other)
        return NotImplemented if o is None else complex(o[0] - self._r, o[1] - self._i)

    def __mul__(self, other):
        o = _c(other)
        if o is None:
            return NotImplemented
        a, b, c, d = self._r, self._i, o[0], o[1]
        return complex(a * c - b * d, a * d + b * c)

    def __rmul__(self, other):
        o = _c(other)
        if o is None:
            return NotImplemented
        a, b, c, d = o[0], o[1], self._r, self._i
        return complex(a * c - b * d, a * d + b * c)

    def __truediv__(self, other):
        o = _c(other)
        return NotImplemented if o is None else complex(*_quot(self._r, self._i, o[0], o[1]))

    def __rtruediv__(self, other):
        o = _c(other)
        return NotImplemented if o is None else complex(*_quot(o[0], o[1], self._r, self._i))

    def __pow__(self, other, mod=None):
        if mod is not None:
            raise ValueError("complex modulo")
        o = _c(other)
        if o is None:
            return NotImplemented
        r, i = _pow(self._r, self._i, o[0], o[1])
        if (_math.isinf(r) or _math.isinf(i)) and not (_math.isinf(self._r) or _math.isinf(self._i)):
            raise OverflowError("complex exponentiation")
        return complex(r, i)

    def __rpow__(self, other, mod=None):
        o = _c(other)
        if o is None:
            return NotImplemented
        return complex(*o).__pow__(self, mod)


