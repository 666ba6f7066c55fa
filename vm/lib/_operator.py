"""CPython's C half of `operator` (pystm): the operator functions (those of `operator`) and
`_compare_digest`, the comparison `hmac.compare_digest` uses."""
from operator import *
from operator import __all__


def _compare_digest(a, b, /):
    """Return 'a == b', in time that depends on the length of b only (as far as Python allows),
    for two str of ASCII characters or two bytes-like objects."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a, b = a.encode("ascii"), b.encode("ascii")
    elif isinstance(a, str) or isinstance(b, str):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    else:
        a, b = bytes(a), bytes(b)
    result = len(a) ^ len(b)
    left = a if len(a) == len(b) else b
    for x, y in zip(left, b):
        result |= x ^ y
    return result == 0
