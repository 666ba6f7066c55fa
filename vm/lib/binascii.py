"""Conversions between binary data and ASCII (pystm): base64, hex and CRC-32 with CPython
3.11's results and errors, written in Python (CPython's module is C, and faster on large data).
The uuencode, quoted-printable and BinHex conversions are not here.
"""

__all__ = ["Error", "Incomplete", "b2a_base64", "a2b_base64", "hexlify", "unhexlify", "b2a_hex",
           "a2b_hex", "crc32", "crc_hqx"]


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_INDEX = {c: i for i, c in enumerate(_B64)}


def _bytes_arg(data, name):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(data)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None


def _ascii_arg(data):
    """The argument of the a2b_* functions: bytes-like, or a str of ASCII characters."""
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    return _bytes_arg(data, "data")


def b2a_base64(data, /, *, newline=True):
    """Base64-code line of data."""
    data = _bytes_arg(data, "data")
    out = []
    n = len(data)
    for i in range(0, n - n % 3, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += (_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], _B64[v & 63])
    rest = n % 3
    if rest == 1:
        v = data[-1] << 16
        out += (_B64[v >> 18], _B64[(v >> 12) & 63], 61, 61)
    elif rest == 2:
        v = (data[-2] << 16) | (data[-1] << 8)
        out += (_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], 61)
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, /, *, strict_mode=False):
    """Decode a line of base64 data."""
    data = _ascii_arg(data)
    out = []
    quad = 0
    left = 0
    pads = 0
    padding_started = False
    n = len(data)
    for pos, c in enumerate(data):
        if c == 61:  # '=': a complete pad sequence ends the input
            padding_started = True
            if strict_mode and quad == 0:
                raise Error("Leading padding not allowed" if pos == 0 else "Excess padding not allowed")
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    if strict_mode and pos + 1 < n:
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _B64_INDEX.get(c)
        if v is None:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad == 0:
            quad, left = 1, v
        elif quad == 1:
            out.append(((left << 2) | (v >> 4)) & 0xFF)
            quad, left = 2, v & 0x0F
        elif quad == 2:
            out.append(((left << 4) | (v >> 2)) & 0xFF)
            quad, left = 3, v & 0x03
        else:
            out.append(((left << 6) | v) & 0xFF)
            quad, left = 0, 0
    if quad == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more "
                    "than a multiple of 4" % (len(out) // 3 * 4 + 1))
    if quad:
        raise Error("Incorrect padding")
    return bytes(out)


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data."""
    data = _bytes_arg(data, "data")
    if sep is None:
        return data.hex().encode("ascii")
    return data.hex(sep, bytes_per_sep).encode("ascii")


b2a_hex = hexlify


def unhexlify(hexstr, /):
    """Binary data of hexadecimal representation."""
    s = _ascii_arg(hexstr)
    if len(s) % 2:
        raise Error("Odd-length string")
    out = []
    for i in range(0, len(s), 2):
        try:
            out.append(int(s[i:i + 2].decode("ascii"), 16) if s[i:i + 2].isalnum() else -1)
        except ValueError:
            out.append(-1)
        if out[-1] < 0:
            raise Error("Non-hexadecimal digit found")
    return bytes(out)


a2b_hex = unhexlify

_CRC32 = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRC32.append(_c)
del _n, _c


def crc32(data, value=0, /):
    """Compute CRC-32 incrementally."""
    data = _bytes_arg(data, "data")
    crc = (value & 0xFFFFFFFF) ^ 0xFFFFFFFF
    table = _CRC32
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def crc_hqx(data, value, /):
    """Compute CRC-CCITT incrementally."""
    data = _bytes_arg(data, "data")
    crc = value & 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
