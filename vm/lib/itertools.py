"""Functional tools for creating and using iterators (pure-Python version
for pystm).

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(pred, seq) --> elements of seq where pred(elem) is False
islice(seq, [start,] stop [, step]) --> elements from
       seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(pred, seq) --> seq[0], seq[1], until pred fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
"""

_MAXSIZE = 9223372036854775807


# ------------------------------------------------------------------ helpers

def _nargs_error(name, nmin, nmax, got):
    if nmin == nmax:
        return TypeError('%s expected %d argument%s, got %d'
                         % (name, nmin, '' if nmin == 1 else 's', got))
    if got < nmin:
        return TypeError('%s expected at least %d argument%s, got %d'
                         % (name, nmin, '' if nmin == 1 else 's', got))
    return TypeError('%s expected at most %d argument%s, got %d'
                     % (name, nmax, '' if nmax == 1 else 's', got))


def _posonly(name, args, kwargs, nmin, nmax):
    if kwargs:
        raise TypeError('%s() takes no keyword arguments' % name)
    n = len(args)
    if n < nmin or n > nmax:
        raise _nargs_error(name, nmin, nmax, n)


def _as_index(value):
    """Convert value to an int through __index__ (like operator.index)."""
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), '__index__', None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return meth(value)


def _as_ssize_or_minus1(value):
    """Like PyNumber_AsSsize_t with the error cleared: -1 on any failure."""
    try:
        v = _as_index(value)
    except Exception:
        return -1
    if v > _MAXSIZE or v < -_MAXSIZE - 1:
        return -1
    return v


def _is_number(value):
    if isinstance(value, (int, float)):
        return True
    tp = type(value)
    return (hasattr(tp, '__index__') or hasattr(tp, '__int__')
            or hasattr(tp, '__float__') or hasattr(tp, '__complex__'))


class _Iterator:
    __slots__ = ()

    def __iter__(self):
        return self


# ------------------------------------------------------- infinite iterators

class count(_Iterator):
    """Return a count object whose .__next__() method returns consecutive
    values."""

    __slots__ = ('_cnt', '_step')

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        if (isinstance(start, int) and isinstance(step, int) and step == 1
                and -_MAXSIZE - 1 <= start <= _MAXSIZE):
            # CPython's "fast mode": plain ints are produced
            start = int(start)
            step = 1
        self._cnt = start
        self._step = step

    def __next__(self):
        cnt = self._cnt
        self._cnt = cnt + self._step
        return cnt

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and step == 1:
            return '%s(%r)' % (type(self).__name__, self._cnt)
        return '%s(%r, %r)' % (type(self).__name__, self._cnt, step)


class cycle(_Iterator):
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""

    __slots__ = ('_it', '_saved', '_index')

    def __init__(self, *args, **kwargs):
        _posonly('cycle', args, kwargs, 1, 1)
        self._it = iter(args[0])
        self._saved = []
        self._index = 0

    def __next__(self):
        it = self._it
        if it is not None:
            try:
                item = next(it)
            except StopIteration:
                self._it = None
            else:
                self._saved.append(item)
                return item
        saved = self._saved
        if not saved:
            raise StopIteration
        i = self._index
        item = saved[i]
        i += 1
        if i >= len(saved):
            i = 0
        self._index = i
        return item


_NO_TIMES = object()


class repeat(_Iterator):
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    __slots__ = ('_element', '_cnt')

    def __init__(self, object, times=_NO_TIMES):
        self._element = object
        if times is _NO_TIMES:
            self._cnt = -1
        else:
            times = _as_index(times)
            self._cnt = times if times > 0 else 0

    def __next__(self):
        cnt = self._cnt
        if cnt == 0:
            raise StopIteration
        if cnt > 0:
            self._cnt = cnt - 1
        return self._element

    def __length_hint__(self):
        if self._cnt == -1:
            raise TypeError('len() of unsized object')
        return self._cnt

    def __repr__(self):
        if self._cnt == -1:
            return '%s(%r)' % (type(self).__name__, self._element)
        return '%s(%r, %d)' % (type(self).__name__, self._element, self._cnt)


# --------------------------------------------- terminating on shortest input

class accumulate(_Iterator):
    """Return series of accumulated sums (or other binary function
    results)."""

    __slots__ = ('_it', '_func', '_total', '_initial', '_started')

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._initial = initial
        self._total = None
        self._started = False

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            self._started = True
            return self._total
        value = next(self._it)
        if not self._started:
            total = value
            self._started = True
        elif self._func is None:
            total = self._total + value
        else:
            total = self._func(self._total, value)
        self._total = total
        return total


class chain(_Iterator):
    """Return a chain object whose .__next__() method returns elements from
    the first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    __slots__ = ('_source', '_active')

    def __init__(self, *iterables, **kwargs):
        if kwargs:
            raise TypeError('chain() takes no keyword arguments')
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __next__(self):
        while True:
            source = self._source
            if source is None:
                raise StopIteration
            active = self._active
            if active is None:
                try:
                    active = iter(next(source))
                except BaseException:
                    self._source = None
                    raise
                self._active = active
            try:
                return next(active)
            except StopIteration:
                self._active = None


class compress(_Iterator):
    """Return data elements corresponding to true selector elements."""

    __slots__ = ('_data', '_selectors')

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            datum = next(data)
            if next(selectors):
                return datum


class dropwhile(_Iterator):
    """Drop items from the iterable while predicate(item) is true.
    Afterwards, return every element until the iterable is exhausted."""

    __slots__ = ('_pred', '_it', '_start')

    def __init__(self, *args, **kwargs):
        _posonly('dropwhile', args, kwargs, 2, 2)
        self._pred = args[0]
        self._it = iter(args[1])
        self._start = False

    def __next__(self):
        it = self._it
        while True:
            item = next(it)
            if self._start:
                return item
            if not self._pred(item):
                self._start = True
                return item


class takewhile(_Iterator):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""

    __slots__ = ('_pred', '_it', '_stop')

    def __init__(self, *args, **kwargs):
        _posonly('takewhile', args, kwargs, 2, 2)
        self._pred = args[0]
        self._it = iter(args[1])
        self._stop = False

    def __next__(self):
        if self._stop:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._stop = True
        raise StopIteration


class filterfalse(_Iterator):
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""

    __slots__ = ('_func', '_it')

    def __init__(self, *args, **kwargs):
        _posonly('filterfalse', args, kwargs, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])

    def __next__(self):
        it = self._it
        func = self._func
        if func is None:
            while True:
                item = next(it)
                if not item:
                    return item
        while True:
            item = next(it)
            if not func(item):
                return item


class starmap(_Iterator):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""

    __slots__ = ('_func', '_it')

    def __init__(self, *args, **kwargs):
        _posonly('starmap', args, kwargs, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])

    def __next__(self):
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(args)
        return self._func(*args)


class islice(_Iterator):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable.  If start is specified, will skip all preceding elements;
    otherwise, start defaults to zero.  Step defaults to one.  If
    specified as another value, step determines how many values are
    skipped between successive calls.  Works like a slice() on a list
    but returns an iterator."""

    __slots__ = ('_it', '_next', '_stop', '_step', '_cnt')

    def __init__(self, *args, **kwargs):
        _posonly('islice', args, kwargs, 2, 4)
        start = 0
        stop = -1
        step = 1
        stop_error = ValueError('Stop argument for islice() must be None or '
                                'an integer: 0 <= x <= sys.maxsize.')
        if len(args) == 2:
            a1 = args[1]
            if a1 is not None:
                stop = _as_ssize_or_minus1(a1)
                if stop == -1:
                    raise stop_error
        else:
            a1 = args[1]
            a2 = args[2]
            if a1 is not None:
                start = _as_ssize_or_minus1(a1)
            if a2 is not None:
                stop = _as_ssize_or_minus1(a2)
                if stop == -1:
                    raise stop_error
        if start < 0 or stop < -1:
            raise ValueError('Indices for islice() must be None or an '
                             'integer: 0 <= x <= sys.maxsize.')
        if len(args) == 4:
            a3 = args[3]
            if a3 is not None:
                step = _as_ssize_or_minus1(a3)
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer '
                             'or None.')
        self._it = iter(args[0])
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            cnt = self._cnt
            nxt = self._next
            while cnt < nxt:
                next(it)
                cnt += 1
                self._cnt = cnt
            if stop != -1 and cnt >= stop:
                raise StopIteration
            item = next(it)
        except BaseException:
            self._it = None
            raise
        self._cnt = cnt + 1
        nxt += self._step
        if stop != -1 and nxt > stop:
            nxt = stop
        self._next = nxt
        return item


class pairwise(_Iterator):
    """Return an iterator of overlapping pairs taken from the input
    iterator.

        s -> (s0, s1), (s1, s2), (s2, s3), ..."""

    __slots__ = ('_it', '_old', '_has_old')

    def __init__(self, *args, **kwargs):
        _posonly('pairwise', args, kwargs, 1, 1)
        self._it = iter(args[0])
        self._old = None
        self._has_old = False

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        if not self._has_old:
            try:
                self._old = next(it)
            except BaseException:
                self._it = None
                raise
            self._has_old = True
        try:
            new = next(it)
        except BaseException:
            self._it = None
            self._old = None
            self._has_old = False
            raise
        result = (self._old, new)
        self._old = new
        return result


class zip_longest(_Iterator):
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument.  The
    .__next__() method continues until the longest iterable in the argument
    sequence is exhausted and then it raises StopIteration.  When the
    shorter iterables are exhausted, the fillvalue is substituted in their
    place.  The fillvalue defaults to None or can be specified by a keyword
    argument."""

    __slots__ = ('_iters', '_numactive', '_fillvalue')

    def __init__(self, *iterables, **kwargs):
        fillvalue = None
        if kwargs:
            if len(kwargs) != 1 or 'fillvalue' not in kwargs:
                raise TypeError('zip_longest() got an unexpected keyword '
                                'argument')
            fillvalue = kwargs['fillvalue']
        self._iters = [iter(it) for it in iterables]
        self._numactive = len(self._iters)
        self._fillvalue = fillvalue

    def __next__(self):
        if self._numactive == 0:
            raise StopIteration
        iters = self._iters
        fill = self._fillvalue
        result = []
        for i in range(len(iters)):
            it = iters[i]
            if it is None:
                result.append(fill)
                continue
            try:
                item = next(it)
            except StopIteration:
                self._numactive -= 1
                if self._numactive == 0:
                    raise
                iters[i] = None
                item = fill
            except BaseException:
                self._numactive = 0
                raise
            result.append(item)
        return tuple(result)


# ------------------------------------------------------------------ groupby

class groupby(_Iterator):
    """make an iterator that returns consecutive keys and groups from the
    iterable

      iterable
        Elements to divide into groups according to the key function.
      key
        A function for computing the group category for each element.
        If the key function is not specified or is None, the element itself
        is used for grouping."""

    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_currvalue',
                 '_have_tgt', '_have_curr', '_have_value', '_currgrouper')

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = None
        self._currkey = None
        self._currvalue = None
        self._have_tgt = False
        self._have_curr = False      # currkey is valid
        self._have_value = False     # currvalue is valid (not yet consumed)
        self._currgrouper = None

    def _step(self):
        value = next(self._it)
        keyfunc = self._keyfunc
        key = value if keyfunc is None else keyfunc(value)
        self._currvalue = value
        self._have_value = True
        self._currkey = key
        self._have_curr = True

    def __next__(self):
        self._currgrouper = None
        # skip to the next group
        while True:
            if not self._have_curr:
                pass
            elif not self._have_tgt:
                break
            else:
                tgt = self._tgtkey
                cur = self._currkey
                if not (tgt is cur or tgt == cur):
                    break
            self._step()
        self._tgtkey = self._currkey
        self._have_tgt = True
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper(_Iterator):
    __slots__ = ('_parent', '_tgtkey')

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __next__(self):
        gb = self._parent
        if gb._currgrouper is not self:
            raise StopIteration
        if not gb._have_value:
            gb._step()
        tgt = self._tgtkey
        cur = gb._currkey
        if not (tgt is cur or tgt == cur):
            raise StopIteration
        value = gb._currvalue
        gb._currvalue = None
        gb._have_value = False
        return value


# ---------------------------------------------------------------------- tee

class _TeeShared:
    __slots__ = ('it', 'running')

    def __init__(self, it):
        self.it = it
        self.running = False


class _TeeLink:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _tee(_Iterator):
    """Iterator wrapped to make it copyable."""

    __slots__ = ('_shared', '_link')

    def __init__(self, iterable):
        it = iter(iterable)
        if isinstance(it, _tee):
            self._shared = it._shared
            self._link = it._link
        else:
            self._shared = _TeeShared(it)
            self._link = _TeeLink()

    def __next__(self):
        link = self._link
        nxt = link.next
        if nxt is None:
            shared = self._shared
            if shared.running:
                raise RuntimeError('cannot re-enter the tee iterator')
            shared.running = True
            try:
                value = next(shared.it)
            finally:
                shared.running = False
            # another tee may have filled the link meanwhile (re-entrancy is
            # refused above, so this is just the plain append case)
            nxt = _TeeLink()
            nxt.value = value
            link.next = nxt
        self._link = nxt
        return nxt.value

    def __copy__(self):
        new = _tee.__new__(_tee)
        new._shared = self._shared
        new._link = self._link
        return new


def tee(*args, **kwargs):
    """Returns a tuple of n independent iterators."""
    if kwargs:
        raise TypeError('itertools.tee() takes no keyword arguments')
    n = len(args)
    if n < 1 or n > 2:
        raise _nargs_error('tee', 1, 2, n)
    iterable = args[0]
    n = _as_index(args[1]) if len(args) > 1 else 2
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    copyfunc = getattr(it, '__copy__', None)
    if copyfunc is not None:
        copyable = it
    else:
        copyable = _tee(it)
        copyfunc = copyable.__copy__
    result = [copyable]
    for _ in range(1, n):
        result.append(copyfunc())
    return tuple(result)


# ------------------------------------------------------- combinatoric tools

class _GenBacked(_Iterator):
    __slots__ = ('_gen',)

    def __next__(self):
        return next(self._gen)


def _product_gen(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    result = [pool[0] for pool in pools]
    yield tuple(result)
    while True:
        i = n - 1
        while i >= 0:
            pool = pools[i]
            j = indices[i] + 1
            if j < len(pool):
                indices[i] = j
                result[i] = pool[j]
                break
            indices[i] = 0
            result[i] = pool[0]
            i -= 1
        if i < 0:
            return
        yield tuple(result)


class product(_GenBacked):
    """Cartesian product of input iterables.  Equivalent to nested
    for-loops."""

    __slots__ = ()

    def __init__(self, *iterables, **kwargs):
        repeat = 1
        for key in kwargs:
            if key != 'repeat':
                raise TypeError("'%s' is an invalid keyword argument for "
                                "product()" % key)
            repeat = _as_index(kwargs[key])
            if repeat < 0:
                raise ValueError('repeat argument cannot be negative')
        pools = [tuple(it) for it in iterables] * repeat
        self._gen = _product_gen(pools)


def _permutations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    idx = list(range(n))
    while True:
        yield tuple([pool[i] for i in idx[:r]])
        # advance to the next r-permutation in lexicographic order: put the
        # unused tail in descending order, then take the next permutation of
        # the whole index list.
        if r < n:
            tail = idx[r:]
            tail.reverse()
            idx[r:] = tail
        i = n - 2
        while i >= 0 and idx[i] > idx[i + 1]:
            i -= 1
        if i < 0:
            return
        j = n - 1
        while idx[j] < idx[i]:
            j -= 1
        idx[i], idx[j] = idx[j], idx[i]
        rest = idx[i + 1:]
        rest.reverse()
        idx[i + 1:] = rest


class permutations(_GenBacked):
    """Return successive r-length permutations of elements in the
    iterable."""

    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        else:
            if not isinstance(r, int):
                raise TypeError('Expected int as r')
            r = int(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _permutations_gen(pool, r)


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    idx = list(range(r))
    yield tuple([pool[i] for i in idx])
    while True:
        i = r - 1
        while i >= 0 and idx[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        v = idx[i] + 1
        for j in range(i, r):
            idx[j] = v
            v += 1
        yield tuple([pool[i] for i in idx])


class combinations(_GenBacked):
    """Return successive r-length combinations of elements in the
    iterable."""

    __slots__ = ()

    def __init__(self, iterable, r):
        r = _as_index(r)
        pool = tuple(iterable)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _combinations_gen(pool, r)


def _cwr_gen(pool, r):
    n = len(pool)
    if n == 0 and r > 0:
        return
    idx = [0] * r
    yield tuple([pool[i] for i in idx])
    while True:
        i = r - 1
        while i >= 0 and idx[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = idx[i] + 1
        for j in range(i, r):
            idx[j] = v
        yield tuple([pool[i] for i in idx])


class combinations_with_replacement(_GenBacked):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""

    __slots__ = ()

    def __init__(self, iterable, r):
        r = _as_index(r)
        pool = tuple(iterable)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _cwr_gen(pool, r)


__all__ = ['accumulate', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
           'zip_longest']
