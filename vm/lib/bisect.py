"""Bisection algorithms for pystm.

The functions mirror CPython's C accelerator: ``lo`` must be an integer
>= 0, ``hi`` may be None (or -1) meaning ``len(a)``; ``key`` is applied to
the elements of ``a`` (and, for insort, to the inserted item) but never
to ``x`` in the bisect functions.
"""

__all__ = ['bisect', 'bisect_left', 'bisect_right',
           'insort', 'insort_left', 'insort_right']


def _as_index(value):
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), '__index__', None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return meth(value)


def _bounds(a, lo, hi):
    lo = _as_index(lo)
    if hi is not None:
        if not isinstance(hi, int) and getattr(type(hi), '__index__', None) is None:
            raise TypeError('argument should be integer or None, not %r'
                            % type(hi).__name__)
        hi = _as_index(hi)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None or hi == -1:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Return the index after the last item <= x in the sorted list a."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Return the index of the first item >= x in the sorted list a."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted list a, after any existing equal items."""
    if key is None:
        index = bisect_right(a, x, lo, hi)
    else:
        index = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(index, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted list a, before any existing equal items."""
    if key is None:
        index = bisect_left(a, x, lo, hi)
    else:
        index = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(index, x)


bisect = bisect_right
insort = insort_right
