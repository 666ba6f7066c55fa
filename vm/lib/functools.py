"""functools: tools for working with functions and callable objects
(pure-Python implementation for pystm)."""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch',
           'singledispatchmethod', 'cached_property']


def _function_example():
    pass


_FunctionType = type(_function_example)
del _function_example


def _bind(func, obj, cls):
    """Equivalent of func.__get__(obj, cls).

    pystm's functions, classmethods and staticmethods do not (yet) expose
    __get__, so emulate the binding for them."""
    get = getattr(func, '__get__', None)
    if get is not None:
        return get(obj, cls)
    if isinstance(func, classmethod):
        owner = cls if cls is not None else type(obj)
        return partial(func.__func__, owner)
    if isinstance(func, staticmethod):
        return func.__func__
    if isinstance(func, _FunctionType):
        if obj is None:
            return func
        return partial(func, obj)
    return func


################################################################################
### update_wrapper() and wraps() decorator
################################################################################

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function

       wrapper is the function to be updated
       wrapped is the original function
       assigned is a tuple naming the attributes assigned directly
       from the wrapped function to the wrapper function (defaults to
       functools.WRAPPER_ASSIGNMENTS)
       updated is a tuple naming the attributes of the wrapper that
       are updated with the corresponding attribute from the wrapped
       function (defaults to functools.WRAPPER_UPDATES)
    """
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        target = getattr(wrapper, name)
        source = getattr(wrapped, name, {})
        target.update(source)
        if name == '__dict__' and target is not getattr(wrapper, name):
            # pystm: an instance's __dict__ is a snapshot, so the update above
            # did not reach the wrapper; set the attributes one by one.
            for key, value in source.items():
                setattr(wrapper, key, value)
    # Set last, so that a __wrapped__ copied from wrapped.__dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function

       Returns a decorator that invokes update_wrapper() with the decorated
       function as the wrapper argument and the arguments to wraps() as the
       remaining arguments.
    """
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


################################################################################
### total_ordering class decorator
################################################################################

def _gt_from_lt(self, other):
    'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
    res = type(self).__lt__(self, other)
    if res is NotImplemented:
        return res
    return not res and self != other


def _le_from_lt(self, other):
    'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
    res = type(self).__lt__(self, other)
    if res is NotImplemented:
        return res
    return res or self == other


def _ge_from_lt(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a < b).'
    res = type(self).__lt__(self, other)
    if res is NotImplemented:
        return res
    return not res


def _ge_from_le(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
    res = type(self).__le__(self, other)
    if res is NotImplemented:
        return res
    return not res or self == other


def _lt_from_le(self, other):
    'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
    res = type(self).__le__(self, other)
    if res is NotImplemented:
        return res
    return res and self != other


def _gt_from_le(self, other):
    'Return a > b.  Computed by @total_ordering from (not a <= b).'
    res = type(self).__le__(self, other)
    if res is NotImplemented:
        return res
    return not res


def _lt_from_gt(self, other):
    'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
    res = type(self).__gt__(self, other)
    if res is NotImplemented:
        return res
    return not res and self != other


def _ge_from_gt(self, other):
    'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
    res = type(self).__gt__(self, other)
    if res is NotImplemented:
        return res
    return res or self == other


def _le_from_gt(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a > b).'
    res = type(self).__gt__(self, other)
    if res is NotImplemented:
        return res
    return not res


def _le_from_ge(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
    res = type(self).__ge__(self, other)
    if res is NotImplemented:
        return res
    return not res or self == other


def _gt_from_ge(self, other):
    'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
    res = type(self).__ge__(self, other)
    if res is NotImplemented:
        return res
    return res and self != other


def _lt_from_ge(self, other):
    'Return a < b.  Computed by @total_ordering from (not a >= b).'
    res = type(self).__ge__(self, other)
    if res is NotImplemented:
        return res
    return not res


_ORDER_CONVERT = {
    '__lt__': (('__gt__', _gt_from_lt), ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)),
    '__le__': (('__ge__', _ge_from_le), ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)),
    '__gt__': (('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)),
    '__ge__': (('__le__', _le_from_ge), ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)),
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    # An ordering method counts as defined when it differs from the one
    # inherited from object (pystm's object has none: getattr gives None).
    roots = set()
    for op in _ORDER_CONVERT:
        if getattr(cls, op, None) is not getattr(object, op, None):
            roots.add(op)
    if not roots:
        raise ValueError('must define at least one ordering operation: '
                         '< > <= >=')
    root = max(roots)       # prefer __lt__ to __le__ to __gt__ to __ge__
    for opname, opfunc in _ORDER_CONVERT[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


################################################################################
### cmp_to_key() function converter
################################################################################

class KeyWrapper:
    """Key wrapper produced by cmp_to_key()."""

    __slots__ = ('_cmp', 'obj')

    def __init__(self, cmp):
        self._cmp = cmp

    def __call__(self, *args, **kwargs):
        nargs = len(args) + len(kwargs)
        if nargs > 1:
            raise TypeError('K() takes at most 1 argument (%d given)' % nargs)
        if args:
            obj = args[0]
        elif 'obj' in kwargs:
            obj = kwargs['obj']
        elif kwargs:
            raise TypeError("'%s' is an invalid keyword argument for K()"
                            % next(iter(kwargs)))
        else:
            raise TypeError("K() missing required argument 'obj' (pos 1)")
        key = KeyWrapper(self._cmp)
        key.obj = obj
        return key

    def _compare(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError('other argument must be K instance')
        return self._cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    return KeyWrapper(mycmp)


################################################################################
### reduce() sequence to a single item
################################################################################

def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a
    sequence or iterable, from left to right, so as to reduce the iterable
    to a single value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4,
    5]) calculates ((((1+2)+3)+4)+5).  If initial is present, it is placed
    before the items of the iterable in the calculation, and serves as a
    default when the iterable is empty."""
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    n = len(args)
    if n < 2:
        raise TypeError('reduce expected at least 2 arguments, got %d' % n)
    if n > 3:
        raise TypeError('reduce expected at most 3 arguments, got %d' % n)
    function = args[0]
    try:
        it = iter(args[1])
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if n == 3:
        value = args[2]
    else:
        for value in it:
            break
        else:
            raise TypeError('reduce() of empty iterable with no initial '
                            'value')
    for element in it:
        value = function(value, element)
    return value


################################################################################
### partial() argument application
################################################################################

_PARTIAL_SLOTS = ('_func', '_args', '_keywords')


def _partial_has_user_attrs(p):
    d = getattr(p, '__dict__', None)
    if not d:
        return False
    for name in d:
        if name not in _PARTIAL_SLOTS:
            return True
    return False


class partial:
    """New function with partial application of the given arguments
    and keywords."""

    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if (isinstance(func, partial)
                and type(func).__call__ is partial.__call__
                and not _partial_has_user_attrs(func)):
            args = func._args + args
            merged = dict(func._keywords)
            merged.update(keywords)
            keywords = merged
            func = func._func
        self = object.__new__(cls)
        self._func = func
        self._args = tuple(args)
        self._keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self._keywords:
            merged = dict(self._keywords)
            merged.update(keywords)
            keywords = merged
        return self._func(*self._args, *args, **keywords)

    def _readonly(self, value):
        raise AttributeError('readonly attribute')

    func = property(lambda self: self._func, _readonly,
                    doc='function object to use in future partial calls')
    args = property(lambda self: self._args, _readonly,
                    doc='tuple of arguments to future partial calls')
    keywords = property(lambda self: self._keywords, _readonly,
                        doc='dictionary of keyword arguments to future '
                            'partial calls')
    del _readonly

    def __repr__(self):
        if type(self) is partial:
            name = 'functools.partial'
        else:
            name = type(self).__name__
        parts = [repr(self._func)]
        parts.extend([repr(a) for a in self._args])
        parts.extend(['%s=%r' % (k, v) for k, v in self._keywords.items()])
        return '%s(%s)' % (name, ', '.join(parts))

    def __reduce__(self):
        return (type(self), (self._func,),
                (self._func, self._args, self._keywords or None,
                 getattr(self, '__dict__', None) or None))


class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            self.keywords = merged
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend([repr(a) for a in self.args])
        parts.extend(['%s=%r' % (k, v) for k, v in self.keywords.items()])
        return '%s.%s(%s)' % (type(self).__module__, type(self).__qualname__,
                              ', '.join(parts))

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            merged = dict(self.keywords)
            merged.update(keywords)
            return self.func(cls_or_self, *self.args, *args, **merged)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        func = self.func
        result = None
        if (hasattr(func, '__get__') or isinstance(func, _FunctionType)
                or isinstance(func, (classmethod, staticmethod))):
            new_func = _bind(func, obj, cls)
            if new_func is not func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    if obj is not None and isinstance(func, _FunctionType):
                        result.__self__ = obj
        if result is None:
            result = _bind(self._make_unbound_method(), obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
### LRU Cache function decorator
################################################################################

class CacheInfo(tuple):
    'CacheInfo(hits, misses, maxsize, currsize)'

    __slots__ = ()
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0], doc='Alias for field number 0')
    misses = property(lambda self: self[1], doc='Alias for field number 1')
    maxsize = property(lambda self: self[2], doc='Alias for field number 2')
    currsize = property(lambda self: self[3], doc='Alias for field number 3')

    def __repr__(self):
        return ('CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)'
                % tuple(self))

    # pystm: str() of a tuple subclass ignores an overridden __repr__, so
    # spell __str__ out (harmless on CPython, where str() uses __repr__).
    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            raise TypeError('unsupported format string passed to '
                            '%s.__format__' % type(self).__name__)
        return str(self)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def _replace(self, **kwargs):
        values = [kwargs.pop(name, value)
                  for name, value in zip(self._fields, self)]
        if kwargs:
            raise ValueError('Got unexpected field names: %r'
                             % list(kwargs))
        return type(self)(*values)

    def __getnewargs__(self):
        return tuple(self)


_CacheInfo = CacheInfo
del CacheInfo

_KWD_MARK = object()      # separates positional and keyword args in keys
_FAST_TYPES = (int, str)


def _make_key(args, kwds, typed):
    """Build a hashable cache key from the call arguments (keyword order
    matters: f(a=1, b=2) and f(b=2, a=1) are cached separately)."""
    if not kwds and not typed:
        if len(args) == 1:
            key = args[0]
            if type(key) in _FAST_TYPES:
                return key
        return args
    key = list(args)
    if kwds:
        key.append(_KWD_MARK)
        for item in kwds.items():
            key.extend(item)
    if typed:
        key.extend([type(v) for v in args])
        if kwds:
            key.extend([type(v) for v in kwds.values()])
    return tuple(key)


def _lru_cache_wrapper(user_function, maxsize, typed):
    if not callable(user_function):
        raise TypeError('the first argument must be callable')
    sentinel = object()
    cache = {}
    stats = [0, 0]          # hits, misses
    make_key = _make_key

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        # The dict keeps insertion order: the first key is the least
        # recently used one, the last key the most recently used.
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                del cache[key]
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call already cached this key; keep that entry.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If *maxsize* is set to None, the LRU features are disabled and the cache
    can grow without bound.

    If *typed* is True, arguments of different types will be cached
    separately.  For example, f(3.0) and f(3) will be treated as distinct
    calls with distinct results.

    Arguments to the cached function must be hashable.

    View the cache statistics named tuple (hits, misses, maxsize, currsize)
    with f.cache_info().  Clear the cache and statistics with
    f.cache_clear().  Access the underlying function with f.__wrapped__.
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # used as a bare decorator: @lru_cache
        user_function = maxsize
        maxsize = 128
        return _decorate(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a '
                        'callable, or None')

    def decorating_function(user_function):
        return _decorate(user_function, maxsize, typed)

    return decorating_function


def _decorate(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
    params = {'maxsize': maxsize, 'typed': typed}
    wrapper.cache_parameters = lambda: dict(params)
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


################################################################################
### singledispatch() - single-dispatch generic function decorator
################################################################################

def _is_dispatch_type(cls):
    return isinstance(cls, type)


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument. The decorated
    function acts as the default implementation, and additional
    implementations can be registered using the register() attribute of the
    generic function.
    """
    registry = {object: func}
    dispatch_cache = {}

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available
        implementation for the given *cls* registered on *generic_func*.
        """
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = None
        for base in cls.__mro__:
            if base in registry:
                impl = registry[base]
                break
        if impl is None:
            impl = registry[object]
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_func*.
        """
        if _is_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError('Invalid first argument to `register()`. '
                                '%r is not a class or union type.' % (cls,))
            ann = getattr(cls, '__annotations__', None)
            if not ann:
                raise TypeError(
                    'Invalid first argument to `register()`: %r. Use either '
                    '`@register(some_class)` or plain `@register` on an '
                    'annotated function.' % (cls,))
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                cls = eval(cls, getattr(func, '__globals__', {}))
            if not _is_dispatch_type(cls):
                raise TypeError('Invalid annotation for %r. %r is not a '
                                'class.' % (argname, cls))
        registry[cls] = func
        dispatch_cache.clear()
        return func

    funcname = getattr(func, '__name__', 'singledispatch function')

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument'
                            % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_method*.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return _bind(method, obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
### cached_property() - property result cached as instance attribute
################################################################################

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different '
                'names (%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without '
                            'calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                "No '__dict__' attribute on %r instance to cache %r property."
                % (type(instance).__name__, self.attrname)) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                raise TypeError(
                    "The '__dict__' attribute on %r instance does not "
                    "support item assignment for caching %r property."
                    % (type(instance).__name__, self.attrname)) from None
            if cache is not instance.__dict__:
                # pystm: instance.__dict__ is a snapshot, so the store above
                # did not reach the instance; write the attribute directly.
                object.__setattr__(instance, self.attrname, val)
        return val
