"""Heap queue algorithm (a.k.a. priority queue) for pystm.

Heaps are plain lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2]
for every k; a[0] is the smallest item.  Only ``<`` is ever used to
compare items, and the sift procedures perform exactly the classic
"bubble the hole to a leaf, then sift back" strategy so that the list
layout after every operation is the same as CPython's.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# ---------------------------------------------------------------------------
# internal sift helpers (min-heap)

def _siftdown(heap, startpos, pos):
    # Move heap[pos] towards the root (index startpos) while it is
    # smaller than its parent.
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _siftup(heap, pos):
    # Move the hole at pos down to a leaf, always following the smaller
    # child, then put the original item there and sift it back up.
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


# internal sift helpers (max-heap)

def _siftdown_max(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < item:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


def _check_list(heap, fname, single=False):
    if not isinstance(heap, list):
        tname = 'None' if heap is None else type(heap).__name__
        where = 'argument' if single else 'argument 1'
        raise TypeError('%s() %s must be list, not %s' % (fname, where, tname))


# ---------------------------------------------------------------------------
# public API

def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, 'heappush')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list(heap, 'heappop', True)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        result = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return result
    return last


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (in one step)."""
    _check_list(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    result = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return result


def heappushpop(heap, item):
    """Push item on the heap, then pop and return the smallest item."""
    _check_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list(x, 'heapify', True)
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup(x, i)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        result = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return result
    return last


def _heapreplace_max(heap, item):
    """Maxheap version of a heapreplace."""
    if not heap:
        raise IndexError('index out of range')
    result = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return result


def _heapify_max(x):
    """Transform list into a maxheap, in-place, in O(len(x)) time."""
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup_max(x, i)


# ---------------------------------------------------------------------------
# merge

def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Equal items are produced in the order of the iterables they came from.
    """
    # Each heap entry is [sortkey, index, value, iterator]; the index is
    # unique so comparisons never reach the value/iterator.
    entries = []
    for idx, it in enumerate(iterables):
        it = iter(it)
        for value in it:
            k = value if key is None else key(value)
            entries.append([k, idx, value, it])
            break
    if reverse:
        # max-heap on the key but min on the index: store negated index.
        for e in entries:
            e[1] = -e[1]
        _heapify_max(entries)
        pop = _heappop_max
        siftup = _siftup_max
    else:
        heapify(entries)
        pop = heappop
        siftup = _siftup
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        it = top[3]
        advanced = False
        for value in it:
            top[0] = value if key is None else key(value)
            top[2] = value
            advanced = True
            break
        if advanced:
            siftup(entries, 0)
        else:
            pop(entries)
    if entries:
        top = entries[0]
        yield top[2]
        yield from top[3]


# ---------------------------------------------------------------------------
# nsmallest / nlargest

_MISSING = object()


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n == 1:
        it = iter(iterable)
        if key is None:
            result = min(it, default=_MISSING)
        else:
            result = min(it, default=_MISSING, key=key)
        return [] if result is _MISSING else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    # Bounded max-heap of [k, order, value]; ties are broken by the
    # arrival order so the result is stable.
    it = iter(iterable)
    heap = []
    order = 0
    for value in it:
        k = value if key is None else key(value)
        heap.append([k, order, value])
        order += 1
        if order == n:
            break
    if not heap:
        return heap
    _heapify_max(heap)
    if order == n:
        top = heap[0][0]
        for value in it:
            k = value if key is None else key(value)
            if k < top:
                _heapreplace_max(heap, [k, order, value])
                top = heap[0][0]
            order += 1
    heap.sort()
    return [e[2] for e in heap]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n == 1:
        it = iter(iterable)
        if key is None:
            result = max(it, default=_MISSING)
        else:
            result = max(it, default=_MISSING, key=key)
        return [] if result is _MISSING else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    # Bounded min-heap of [k, -order, value]; the negated order makes
    # earlier items win ties, matching a stable reverse sort.
    it = iter(iterable)
    heap = []
    order = 0
    for value in it:
        k = value if key is None else key(value)
        heap.append([k, order, value])
        order -= 1
        if order == -n:
            break
    if not heap:
        return heap
    heapify(heap)
    if order == -n:
        top = heap[0][0]
        for value in it:
            k = value if key is None else key(value)
            if top < k:
                heapreplace(heap, [k, order, value])
                top = heap[0][0]
            order -= 1
    heap.sort(reverse=True)
    return [e[2] for e in heap]
