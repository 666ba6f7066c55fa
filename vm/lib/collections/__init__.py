"""Container datatypes for pystm.

Provides deque, defaultdict, namedtuple, OrderedDict, Counter, ChainMap,
UserDict and UserList, written in pure Python; UserString is CPython 3.11's
(Copyright (c) 2001-2023 Python Software Foundation; PSF licence).
"""

import sys as _sys

from collections import abc as _abc
from collections.abc import Mapping as _Mapping
from collections.abc import MutableMapping as _MutableMapping
from collections.abc import MutableSequence as _MutableSequence
from collections.abc import KeysView as _KeysView
from collections.abc import ItemsView as _ItemsView
from collections.abc import ValuesView as _ValuesView

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']

_is_mapping = _abc._is_mapping


# ---------------------------------------------------------------------------
# helpers

_repr_active = set()


def _guarded_repr(obj, build, placeholder):
    """Call build() unless obj's repr is already being computed."""
    key = id(obj)
    if key in _repr_active:
        return placeholder
    _repr_active.add(key)
    try:
        return build()
    finally:
        _repr_active.discard(key)


def _index_of(value, message):
    """Convert value to an int via __index__, raising TypeError(message)."""
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), '__index__', None)
    if meth is None:
        raise TypeError(message)
    return meth(value)


def _not_int_msg(value):
    return "'%s' object cannot be interpreted as an integer" % type(value).__name__


def _str_via_repr(self):
    return repr(self)


def _format_via_str(self, format_spec):
    if format_spec:
        raise TypeError('unsupported format string passed to %s.__format__'
                        % type(self).__name__)
    return str(self)


# ---------------------------------------------------------------------------
# deque: a ring buffer whose capacity is always a power of two

_MIN_CAP = 8


def _deque_iterator(d, state):
    i = 0
    while True:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        if i >= d._size:
            return
        buf = d._buf
        yield buf[(d._head + i) & (len(buf) - 1)]
        i += 1


def _deque_reverse_iterator(d, state):
    i = d._size - 1
    while True:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        if i < 0 or i >= d._size:
            return
        buf = d._buf
        yield buf[(d._head + i) & (len(buf) - 1)]
        i -= 1


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    __slots__ = ('_buf', '_head', '_size', '_maxlen', '_state')

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _index_of(maxlen, 'an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        try:
            state = self._state + 1
        except AttributeError:
            state = 0
        self._state = state
        self._maxlen = maxlen
        self._buf = [None] * _MIN_CAP
        self._head = 0
        self._size = 0
        if iterable is not ():
            self.extend(iterable)

    # -- internal helpers ---------------------------------------------------

    def _items(self):
        buf = self._buf
        head = self._head
        end = head + self._size
        cap = len(buf)
        if end <= cap:
            return buf[head:end]
        return buf[head:] + buf[:end - cap]

    def _load(self, items):
        n = len(items)
        cap = _MIN_CAP
        while cap < n + 1:
            cap <<= 1
        self._buf = items + [None] * (cap - n)
        self._head = 0
        self._size = n

    def _resize(self, cap):
        items = self._items()
        self._buf = items + [None] * (cap - len(items))
        self._head = 0

    def _pos(self, index):
        if not isinstance(index, int):
            meth = getattr(type(index), '__index__', None)
            if meth is None:
                raise TypeError('sequence index must be integer, not %r'
                                % type(index).__name__)
            index = meth(index)
        n = self._size
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError('deque index out of range')
        return index

    # -- core operations ----------------------------------------------------

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        size = self._size
        buf = self._buf
        if size == len(buf):
            self._resize(2 * size)
            buf = self._buf
        mask = len(buf) - 1
        buf[(self._head + size) & mask] = x
        size += 1
        maxlen = self._maxlen
        if maxlen is not None and size > maxlen:
            head = self._head
            buf[head] = None
            self._head = (head + 1) & mask
            size -= 1
        self._size = size

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        size = self._size
        buf = self._buf
        if size == len(buf):
            self._resize(2 * size)
            buf = self._buf
        mask = len(buf) - 1
        head = (self._head - 1) & mask
        buf[head] = x
        self._head = head
        size += 1
        maxlen = self._maxlen
        if maxlen is not None and size > maxlen:
            buf[(head + size - 1) & mask] = None
            size -= 1
        self._size = size

    def pop(self):
        """Remove and return an element from the right side of the deque."""
        size = self._size
        if not size:
            raise IndexError('pop from an empty deque')
        self._state += 1
        buf = self._buf
        i = (self._head + size - 1) & (len(buf) - 1)
        x = buf[i]
        buf[i] = None
        size -= 1
        self._size = size
        if len(buf) > 64 and size < len(buf) >> 2:
            self._resize(len(buf) >> 1)
        return x

    def popleft(self):
        """Remove and return an element from the left side of the deque."""
        size = self._size
        if not size:
            raise IndexError('pop from an empty deque')
        self._state += 1
        buf = self._buf
        head = self._head
        x = buf[head]
        buf[head] = None
        self._head = (head + 1) & (len(buf) - 1)
        size -= 1
        self._size = size
        if len(buf) > 64 and size < len(buf) >> 2:
            self._resize(len(buf) >> 1)
        return x

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = self._items()
        append = self.append
        for x in iterable:
            append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = self._items()
        appendleft = self.appendleft
        for x in iterable:
            appendleft(x)

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._buf = [None] * _MIN_CAP
        self._head = 0
        self._size = 0

    def copy(self):
        """Return a shallow copy of a deque."""
        cls = type(self)
        if cls is deque:
            new = deque((), self._maxlen)
            new._load(self._items())
            return new
        if self._maxlen is None:
            result = cls(self)
        else:
            result = cls(self, self._maxlen)
        if not isinstance(result, deque):
            raise TypeError('%s() must return a deque, not %s'
                            % (cls.__name__, type(result).__name__))
        return result

    __copy__ = copy

    def count(self, value):
        """Return number of occurrences of value."""
        state = self._state
        n = 0
        for i in range(self._size):
            buf = self._buf
            item = buf[(self._head + i) & (len(buf) - 1)]
            if item is value or item == value:
                n += 1
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, value, start=0, stop=_sys.maxsize):
        """Return first index of value.

        Raises ValueError if the value is not present.
        """
        msg = 'slice indices must be integers or have an __index__ method'
        start = _index_of(start, msg)
        stop = _index_of(stop, msg)
        n = self._size
        if start < 0:
            start += n
            if start < 0:
                start = 0
        if stop < 0:
            stop += n
            if stop < 0:
                stop = 0
        if stop > n:
            stop = n
        if start > stop:
            start = stop
        state = self._state
        for i in range(start, stop):
            buf = self._buf
            item = buf[(self._head + i) & (len(buf) - 1)]
            if item is value or item == value:
                return i
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError('%r is not in deque' % (value,))

    def insert(self, index, value):
        """Insert value before index."""
        index = _index_of(index, _not_int_msg(index))
        if self._maxlen is not None and self._size >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._state += 1
        items = self._items()
        items.insert(index, value)
        self._load(items)

    def remove(self, value):
        """Remove first occurrence of value."""
        del self[self.index(value)]

    def reverse(self):
        """Reverse *IN PLACE*."""
        items = self._items()
        items.reverse()
        self._load(items)

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).

        If n is negative, rotates left.
        """
        n = _index_of(n, _not_int_msg(n))
        size = self._size
        if size <= 1:
            return
        half = size >> 1
        if n > half or n < -half:
            n %= size
            if n > half:
                n -= size
            elif n < -half:
                n += size
        if n == 0:
            return
        self._state += 1
        buf = self._buf
        mask = len(buf) - 1
        head = self._head
        if size == len(buf):
            self._head = (head - n) & mask
            return
        if n > 0:
            for _ in range(n):
                tail = (head + size - 1) & mask
                head = (head - 1) & mask
                buf[head] = buf[tail]
                buf[tail] = None
        else:
            for _ in range(-n):
                buf[(head + size) & mask] = buf[head]
                buf[head] = None
                head = (head + 1) & mask
        self._head = head

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    @maxlen.setter
    def maxlen(self, value):
        raise AttributeError("attribute 'maxlen' of 'collections.deque' "
                             "objects is not writable")

    # -- sequence protocol ----------------------------------------------------

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __iter__(self):
        return _deque_iterator(self, self._state)

    def __reversed__(self):
        return _deque_reverse_iterator(self, self._state)

    def __contains__(self, value):
        state = self._state
        for i in range(self._size):
            buf = self._buf
            item = buf[(self._head + i) & (len(buf) - 1)]
            if item is value or item == value:
                return True
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def __getitem__(self, index):
        i = self._pos(index)
        buf = self._buf
        return buf[(self._head + i) & (len(buf) - 1)]

    def __setitem__(self, index, value):
        i = self._pos(index)
        buf = self._buf
        buf[(self._head + i) & (len(buf) - 1)] = value

    def __delitem__(self, index):
        i = self._pos(index)
        self._state += 1
        items = self._items()
        del items[i]
        self._load(items)

    # -- operators ---------------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        return new.__imul__(n)

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index_of(n, "can't multiply sequence by non-int of type '%s'"
                      % type(n).__name__)
        if n <= 0:
            self.clear()
        elif n > 1:
            items = self._items()
            for _ in range(n - 1):
                self.extend(items)
        return self

    def _compare_lists(self, other):
        if not isinstance(other, deque):
            return None
        return self._items(), other._items()

    def __eq__(self, other):
        p = self._compare_lists(other)
        if p is None:
            return NotImplemented
        if len(p[0]) != len(p[1]):
            return False
        return p[0] == p[1]

    def __ne__(self, other):
        p = self._compare_lists(other)
        if p is None:
            return NotImplemented
        if len(p[0]) != len(p[1]):
            return True
        return p[0] != p[1]

    def __lt__(self, other):
        p = self._compare_lists(other)
        if p is None:
            return NotImplemented
        return p[0] < p[1]

    def __le__(self, other):
        p = self._compare_lists(other)
        if p is None:
            return NotImplemented
        return p[0] <= p[1]

    def __gt__(self, other):
        p = self._compare_lists(other)
        if p is None:
            return NotImplemented
        return p[0] > p[1]

    def __ge__(self, other):
        p = self._compare_lists(other)
        if p is None:
            return NotImplemented
        return p[0] >= p[1]

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.deque'")

    def __repr__(self):
        name = type(self).__name__

        def build():
            body = repr(self._items())
            if self._maxlen is None:
                return '%s(%s)' % (name, body)
            return '%s(%s, maxlen=%d)' % (name, body, self._maxlen)
        return _guarded_repr(self, build, '[...]')

    @classmethod
    def __class_getitem__(cls, item):
        return _abc._GenericAlias(cls, item)


_MutableSequence.register(deque)

# ---------------------------------------------------------------------------
# defaultdict

class defaultdict(dict):
    """dict subclass that calls a factory function to supply missing values."""

    __slots__ = ('default_factory',)

    # pystm: str()/format() of dict subclasses ignore a Python __repr__.
    __str__ = _str_via_repr
    __format__ = _format_via_str

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            frepr = 'None'
        else:
            frepr = _guarded_repr(factory, lambda: repr(factory), '...')
        return '%s(%s, %s)' % (type(self).__name__, frepr, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    @classmethod
    def __class_getitem__(cls, item):
        return _abc._GenericAlias(cls, item)


# ---------------------------------------------------------------------------
# namedtuple

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield'])


class _tuplegetter:
    """Read-only descriptor returning one item of a namedtuple."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


def _field_property(index):
    return _tuplegetter(index, 'Alias for field number %d' % index)


def namedtuple(typename, field_names, *, rename=False, defaults=None,
               module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = [str(name) for name in field_names]
    typename = _sys.intern(str(typename))

    if rename:
        used = set()
        for i, name in enumerate(fields):
            bad = (not name.isidentifier() or name in _KEYWORDS
                   or name.startswith('_') or name in used)
            if bad:
                fields[i] = '_%d' % i
            used.add(name)

    for name in [typename] + fields:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % (name,))

    used = set()
    for name in fields:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             '%r' % (name,))
        if name in used:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        used.add(name)

    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError('Got more default values than field names')
        first = nfields - len(defaults)
        for i, value in enumerate(defaults):
            field_defaults[fields[first + i]] = value

    fields = tuple(fields)
    arg_list = ', '.join(fields)
    if nfields == 1:
        arg_list += ','

    # Build __new__ with exec so that argument errors look like CPython's.
    params = []
    first_default = nfields - len(field_defaults)
    for i, name in enumerate(fields):
        if i >= first_default:
            params.append('%s=_defaults[%d]' % (name, i - first_default))
        else:
            params.append(name)
    src = 'def __new__(_cls, %s):\n    return _tuple_new(_cls, (%s))\n' % (
        ', '.join(params), arg_list)
    env = {'_tuple_new': tuple.__new__,
           '_defaults': tuple(field_defaults.values()),
           '__builtins__': {},
           '__name__': 'namedtuple_%s' % typename}
    exec(src, env)
    __new__ = env['__new__']
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)
    __new__.__qualname__ = '%s.__new__' % typename

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != nfields:
            raise TypeError('Expected %d arguments, got %d'
                            % (nfields, len(result)))
        return result
    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % typename

    def _replace(self, /, **kwds):
        values = [kwds.pop(name, value) for name, value in zip(fields, self)]
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return self._make(values)
    _replace.__doc__ = ('Return a new %s object replacing specified fields '
                        'with new values' % typename)

    def __repr__(self):
        parts = ['%s=%r' % (name, value) for name, value in zip(fields, self)]
        return '%s(%s)' % (self.__class__.__name__, ', '.join(parts))
    __repr__.__doc__ = 'Return a nicely formatted representation string'

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    for fn in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        fn.__qualname__ = '%s.%s' % (typename, fn.__name__)

    namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _field_property(index)

    # pystm: str()/format() of a tuple subclass ignore a Python-level
    # __repr__, so route them explicitly.
    namespace['__str__'] = _str_via_repr
    namespace['__format__'] = _format_via_str

    # pystm lacks sys._getframe(); default to '__main__' there.  The module
    # goes into the namespace because pystm ignores a later assignment to
    # cls.__module__ when printing the class.
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    namespace['__module__'] = module
    namespace['__qualname__'] = typename

    return type(typename, (tuple,), namespace)


# ---------------------------------------------------------------------------
# OrderedDict (the native dict order *is* the OrderedDict order)

class _OrderedDictKeysView(_KeysView):
    __slots__ = ()

    def __repr__(self):
        return 'odict_keys(%r)' % (list(dict.keys(self._mapping)),)

    def __iter__(self):
        return iter(dict.keys(self._mapping))

    def __reversed__(self):
        return reversed(self._mapping)


class _OrderedDictItemsView(_ItemsView):
    __slots__ = ()

    def __repr__(self):
        return 'odict_items(%r)' % (list(dict.items(self._mapping)),)

    def __iter__(self):
        return iter(dict.items(self._mapping))

    def __reversed__(self):
        items = list(dict.items(self._mapping))
        items.reverse()
        return iter(items)


class _OrderedDictValuesView(_ValuesView):
    __slots__ = ()

    def __repr__(self):
        return 'odict_values(%r)' % (list(dict.values(self._mapping)),)

    def __iter__(self):
        return iter(dict.values(self._mapping))

    def __reversed__(self):
        values = list(dict.values(self._mapping))
        values.reverse()
        return iter(values)


_od_marker = object()


class OrderedDict(dict):
    """Dictionary that remembers insertion order and supports reordering."""

    # pystm: str()/format() of dict subclasses ignore a Python __repr__.
    __str__ = _str_via_repr
    __format__ = _format_via_str

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        """D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."""
        if isinstance(other, dict) or _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist.
        """
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false.
        """
        if not dict.__len__(self):
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        value = dict.pop(self, key)
        return key, value

    def pop(self, key, default=_od_marker):
        """Remove specified key and return the corresponding value.

        If the key is not found, return the default if given; otherwise,
        raise a KeyError.
        """
        if default is _od_marker:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        """Insert key with a value of default if key is not in the dictionary.

        Return the value for key if key is in the dictionary, else default.
        """
        if key in self:
            return self[key]
        self[key] = default
        return default

    def keys(self):
        """D.keys() -> a set-like object providing a view on D's keys"""
        return _OrderedDictKeysView(self)

    def items(self):
        """D.items() -> a set-like object providing a view on D's items"""
        return _OrderedDictItemsView(self)

    def values(self):
        """D.values() -> an object providing a view on D's values"""
        return _OrderedDictValuesView(self)

    def __reversed__(self):
        keys = list(dict.keys(self))
        keys.reverse()
        return iter(keys)

    def __repr__(self):
        name = self.__class__.__name__
        if not dict.__len__(self):
            return '%s()' % (name,)
        return _guarded_repr(
            self, lambda: '%s(%r)' % (name, list(dict.items(self))), '...')

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            for a, b in zip(dict.keys(self), dict.keys(other)):
                if not a == b:
                    return False
            return True
        if not isinstance(other, dict):
            return NotImplemented
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values
        set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    @classmethod
    def __class_getitem__(cls, item):
        return _abc._GenericAlias(cls, item)


# ---------------------------------------------------------------------------
# Counter

class Counter(dict):
    """Dict subclass for counting hashable items (a multiset).

    >>> Counter('abracadabra').most_common(3)
    [('a', 5), ('b', 2), ('r', 2)]
    """

    # pystm: str()/format() of dict subclasses ignore a Python __repr__.
    __str__ = _str_via_repr
    __format__ = _format_via_str

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """The count of elements not in the Counter is zero."""
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.
        """
        ordered = sorted(dict.items(self), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return ordered
        if n <= 0:
            return []
        return ordered[:n]

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        return self._iter_elements()

    def _iter_elements(self):
        for elem, count in dict.items(self):
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them."""
        if iterable is not None:
            get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return self.__class__(self)

    __copy__ = copy

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing values."""
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return '%s()' % name
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (name, d)

    # -- comparisons (missing elements count as zero) -------------------------

    def _all_pairs(self, other):
        for c in (self, other):
            for e in c:
                yield self[e], other[e]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            # pystm does not fall back to dict.__eq__ on NotImplemented.
            return dict.__eq__(self, other) if isinstance(other, dict) \
                else NotImplemented
        return all(a == b for a, b in self._all_pairs(other))

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(a <= b for a, b in self._all_pairs(other))

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(a >= b for a, b in self._all_pairs(other))

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # -- multiset arithmetic -------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    # pystm passes the right operand of a binary operator as a plain dict
    # unless its type defines the reflected method; defining these (which
    # behave exactly like the missing ones would) keeps Counter operands
    # intact.
    def __radd__(self, other):
        return NotImplemented

    def __rsub__(self, other):
        return NotImplemented

    def __ror__(self, other):
        return NotImplemented

    def __rand__(self, other):
        return NotImplemented

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()

    @classmethod
    def __class_getitem__(cls, item):
        return _abc._GenericAlias(cls, item)


# ---------------------------------------------------------------------------
# ChainMap

class ChainMap(_MutableMapping):
    """A ChainMap groups multiple dicts (or other mappings) together to
    create a single, updateable view.  Lookups search the underlying
    mappings in order; writes and deletions only touch maps[0].
    """

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        seen = set()
        for mapping in self.maps:
            seen.update(mapping)
        return len(seen)

    def __iter__(self):
        order = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                order[key] = None
        return iter(order)

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        for mapping in self.maps:
            if mapping:
                return True
        return False

    def __repr__(self):
        return _guarded_repr(
            self,
            lambda: '%s(%s)' % (self.__class__.__name__,
                                ', '.join([repr(m) for m in self.maps])),
            '...')

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def popitem(self):
        """Remove and return an item pair from maps[0]."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


# ---------------------------------------------------------------------------
# UserDict / UserList

class UserDict(_MutableMapping):
    """A dict-like wrapper around a real dict stored in ``self.data``."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        missing = getattr(self.__class__, '__missing__', None)
        if missing is not None:
            return missing(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data.update(other.data)
        else:
            self.data.update(other)
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        return self.__copy__()

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


class UserList(_MutableSequence):
    """A list-like wrapper around a real list stored in ``self.data``."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    __hash__ = None

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


################################################################################
### UserString (CPython 3.11's, unchanged)
################################################################################

class UserString(_abc.Sequence):

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        if isinstance(string, UserString):
            return self.data == string.data
        return self.data == string

    def __lt__(self, string):
        if isinstance(string, UserString):
            return self.data < string.data
        return self.data < string

    def __le__(self, string):
        if isinstance(string, UserString):
            return self.data <= string.data
        return self.data <= string

    def __gt__(self, string):
        if isinstance(string, UserString):
            return self.data > string.data
        return self.data > string

    def __ge__(self, string):
        if isinstance(string, UserString):
            return self.data >= string.data
        return self.data >= string

    def __contains__(self, char):
        if isinstance(char, UserString):
            char = char.data
        return char in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        elif isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    # the following methods are defined in alphabetical order:
    def capitalize(self):
        return self.__class__(self.data.capitalize())

    def casefold(self):
        return self.__class__(self.data.casefold())

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def count(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.count(sub, start, end)

    def removeprefix(self, prefix, /):
        if isinstance(prefix, UserString):
            prefix = prefix.data
        return self.__class__(self.data.removeprefix(prefix))

    def removesuffix(self, suffix, /):
        if isinstance(suffix, UserString):
            suffix = suffix.data
        return self.__class__(self.data.removesuffix(suffix))

    def encode(self, encoding='utf-8', errors='strict'):
        encoding = 'utf-8' if encoding is None else encoding
        errors = 'strict' if errors is None else errors
        return self.data.encode(encoding, errors)

    def endswith(self, suffix, start=0, end=_sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def find(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.find(sub, start, end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(sub, start, end)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    def isascii(self):
        return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()

    def join(self, seq):
        return self.data.join(seq)

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def lower(self):
        return self.__class__(self.data.lower())

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    maketrans = str.maketrans

    def partition(self, sep):
        return self.data.partition(sep)

    def replace(self, old, new, maxsplit=-1):
        if isinstance(old, UserString):
            old = old.data
        if isinstance(new, UserString):
            new = new.data
        return self.__class__(self.data.replace(old, new, maxsplit))

    def rfind(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.rfind(sub, start, end)

    def rindex(self, sub, start=0, end=_sys.maxsize):
        return self.data.rindex(sub, start, end)

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def startswith(self, prefix, start=0, end=_sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def swapcase(self):
        return self.__class__(self.data.swapcase())

    def title(self):
        return self.__class__(self.data.title())

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    def upper(self):
        return self.__class__(self.data.upper())

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))
