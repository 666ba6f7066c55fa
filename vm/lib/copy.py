"""Shallow and deep copy operations (pystm).

    x2 = copy(x)          shallow copy of x
    x3 = deepcopy(x)      deep copy of x

Written for pystm from the documented behaviour of CPython 3.11's ``copy``
module.  pystm's ``object`` has no ``__reduce_ex__``/``__reduce__``/
``__getstate__``, so the default "pickle protocol 4" reduction of
instances is emulated here: a new object is made with ``cls.__new__``
and its ``__dict__``/slot state, list items and dict items are copied
across.  User-defined ``__copy__``, ``__deepcopy__``, ``__reduce_ex__``,
``__reduce__``, ``__getnewargs__``, ``__getnewargs_ex__``,
``__getstate__`` and ``__setstate__`` are honoured.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatible alias


def _plain_function():
    pass


class _Probe:
    def method(self):
        pass


_FunctionType = type(_plain_function)
_MethodType = type(_Probe().method)
_BuiltinFunctionType = type(len)
_NoneType = type(None)
_EllipsisType = type(Ellipsis)
_NotImplementedType = type(NotImplemented)

# Types whose instances are treated as immutable by copy().
_shallow_atomic = {
    _NoneType, int, float, bool, str, tuple, bytes, frozenset, type, range,
    slice, property, _BuiltinFunctionType, _EllipsisType,
    _NotImplementedType, _FunctionType,
}
# Types whose instances are returned unchanged by deepcopy().
_deep_atomic = {
    _NoneType, _EllipsisType, _NotImplementedType, int, float, bool, bytes,
    str, type, range, _BuiltinFunctionType, _FunctionType, property,
}


def _add_optional_type(name):
    try:
        import builtins
        tp = getattr(builtins, name)
    except (ImportError, AttributeError):
        return
    _shallow_atomic.add(tp)
    _deep_atomic.add(tp)


_add_optional_type('complex')

try:
    import weakref as _weakref
    _shallow_atomic.add(_weakref.ref)
    _deep_atomic.add(_weakref.ref)
except ImportError:
    _weakref = None

try:
    _deep_atomic.add(type(_plain_function.__code__))
except AttributeError:
    pass

_shallow_containers = {list, dict, set}
try:
    import builtins as _bi
    if hasattr(_bi, 'bytearray'):
        _shallow_containers.add(_bi.bytearray)
    del _bi
except ImportError:
    pass


# ---------------------------------------------------------------------------
# Attribute lookup helpers

def _defining_class(cls, name):
    """Return the first class in cls.__mro__ whose namespace holds name."""
    for klass in cls.__mro__:
        try:
            ns = klass.__dict__
        except AttributeError:
            continue
        if name in ns:
            return klass
    return None


def _is_overridden(cls, name):
    """True when name is provided by some class other than object."""
    if getattr(cls, name, None) is None:
        # (pystm's object has none of the names asked here: nothing to look for.)
        return False
    owner = _defining_class(cls, name)
    return owner is not None and owner is not object


def _builtin_base(cls):
    """The most derived built-in class in cls.__mro__."""
    for klass in cls.__mro__:
        if getattr(klass, '__module__', None) == 'builtins':
            return klass
    return object


class _ManglingProbe:
    def __init__(self):
        self.__probe = True


# pystm does not mangle private names (self.__x stays '__x'), so slot
# names are only mangled when the running interpreter does so too.
_MANGLES_NAMES = hasattr(_ManglingProbe(), '_ManglingProbe__probe')


_SLOTNAMES = {}


def _slot_names(cls):
    """Names of the __slots__ of cls and its bases (mangled as needed)."""
    cached = _SLOTNAMES.get(cls)
    if cached is not None:
        return cached
    cached = cls.__dict__.get('__slotnames__')
    if cached is not None:
        _SLOTNAMES[cls] = cached
        return cached
    names = []
    if hasattr(cls, '__slots__'):
        for klass in cls.__mro__:
            if '__slots__' not in klass.__dict__:
                continue
            declared = klass.__dict__['__slots__']
            if isinstance(declared, str):
                declared = (declared,)
            for name in declared:
                if name == '__dict__' or name == '__weakref__':
                    continue
                if (_MANGLES_NAMES and name.startswith('__')
                        and not name.endswith('__')):
                    owner = klass.__name__.lstrip('_')
                    if owner:
                        name = '_' + owner + name
                names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    _SLOTNAMES[cls] = names
    return names


def _default_state(obj, cls):
    """Emulate object.__getstate__(): dict state, plus slot state."""
    slots = _slot_names(cls)
    try:
        inst_dict = obj.__dict__
    except AttributeError:
        inst_dict = None
    if inst_dict:
        if slots:
            # pystm may also list slot values in __dict__; CPython never does
            inst_dict = {k: v for k, v in inst_dict.items() if k not in slots}
        else:
            inst_dict = dict(inst_dict)
        if not inst_dict:
            inst_dict = None
    else:
        inst_dict = None
    if slots:
        slot_values = {}
        for name in slots:
            try:
                slot_values[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slot_values:
            return (inst_dict, slot_values)
    return inst_dict


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


_newobj.__name__ = '__newobj__'
_newobj_ex.__name__ = '__newobj_ex__'


def _cannot_pickle(cls):
    return TypeError("cannot pickle '%s' object" % (cls.__name__,))


def _reduce(obj, cls):
    """Return a reduce tuple for obj, like obj.__reduce_ex__(4) would."""
    if _is_overridden(cls, '__reduce_ex__'):
        return obj.__reduce_ex__(4)
    if _is_overridden(cls, '__reduce__'):
        return obj.__reduce__()
    return _default_reduce(obj, cls)


def _default_reduce(obj, cls):
    base = _builtin_base(cls)

    # built-in types that define their own reduction in CPython
    if issubclass(cls, BaseException):
        try:
            inst_dict = obj.__dict__
        except AttributeError:
            inst_dict = None
        if inst_dict is not None:
            inst_dict = {k: v for k, v in inst_dict.items() if k != 'args'}
            if not inst_dict:
                inst_dict = None
        if inst_dict is None:
            return (cls, obj.args)
        return (cls, obj.args, inst_dict)
    if base is set or base is frozenset:
        return (cls, (list(obj),), _default_state(obj, cls))
    if base is slice:
        return (slice, (obj.start, obj.stop, obj.step))
    if base is _MethodType:
        return (getattr, (obj.__self__, obj.__func__.__name__))

    # object.__reduce_ex__(4) proper
    kwargs = None
    args = None
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        result = getnewargs_ex()
        if not isinstance(result, tuple):
            raise TypeError('__getnewargs_ex__ should return a tuple, '
                            'not %r' % (type(result).__name__,))
        if len(result) != 2:
            raise ValueError('__getnewargs_ex__ should return a tuple of '
                             'length 2, not %d' % (len(result),))
        args, kwargs = result
        if not isinstance(args, tuple):
            raise TypeError('first item of the tuple returned by '
                            '__getnewargs_ex__ must be a tuple, not %r'
                            % (type(args).__name__,))
        if not isinstance(kwargs, dict):
            raise TypeError('second item of the tuple returned by '
                            '__getnewargs_ex__ must be a dict, not %r'
                            % (type(kwargs).__name__,))
    else:
        getnewargs = getattr(obj, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError('__getnewargs__ should return a tuple, '
                                'not %r' % (type(args).__name__,))
        elif base in (int, float, str, bytes, tuple):
            args = (base(obj),)
    has_args = args is not None and len(args) > 0
    if args is None:
        args = ()

    if base is not object and base not in (int, float, str, bytes, tuple,
                                           list, dict):
        raise _cannot_pickle(cls)

    if _is_overridden(cls, '__getstate__'):
        state = obj.__getstate__()
    else:
        state = _default_state(obj, cls)

    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None

    if kwargs:
        return (_newobj_ex, (cls, args, kwargs), state, listitems, dictitems)
    return (_newobj, (cls,) + tuple(args), state, listitems, dictitems)


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None, *, deepcopy=None):
    deep = memo is not None
    if deepcopy is None:
        deepcopy = _deepcopy_impl
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        for item in listiter:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


# ---------------------------------------------------------------------------
# copy()

def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _shallow_atomic:
        return x
    if cls in _shallow_containers:
        return cls.copy(x)
    if issubclass(cls, type):
        return x

    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


# ---------------------------------------------------------------------------
# deepcopy()

def _keep_alive(x, memo):
    """Keep x alive for as long as memo is, so its id stays unique."""
    key = id(memo)
    try:
        memo[key].append(x)
    except KeyError:
        memo[key] = [x]


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(_deepcopy_impl(item, memo))
    return y


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[_deepcopy_impl(key, memo)] = _deepcopy_impl(value, memo)
    return y


def _deepcopy_tuple(x, memo):
    items = [_deepcopy_impl(item, memo) for item in x]
    # a cycle through a mutable element may already have copied x
    if id(x) in memo:
        return memo[id(x)]
    for old, new in zip(x, items):
        if old is not new:
            return tuple(items)
    return x


def _deepcopy_method(x, memo):
    func = x.__func__
    new_self = _deepcopy_impl(x.__self__, memo)
    try:
        return type(x)(func, new_self)
    except TypeError:
        pass
    # pystm cannot build bound methods directly; look the function up
    # through the copied instance instead.
    name = getattr(func, '__name__', None)
    if name is not None:
        bound = getattr(new_self, name, None)
        if getattr(bound, '__func__', None) is func:
            return bound

    def bound_method(*args, **kwargs):
        return func(new_self, *args, **kwargs)
    bound_method.__name__ = name
    bound_method.__func__ = func
    bound_method.__self__ = new_self
    return bound_method


_deep_dispatch = {
    list: _deepcopy_list,
    dict: _deepcopy_dict,
    tuple: _deepcopy_tuple,
    _MethodType: _deepcopy_method,
}

_MISSING = object()


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    return _deepcopy_impl(x, memo)


def _deepcopy_impl(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _MISSING)
    if y is not _MISSING:
        return y

    cls = type(x)
    if cls in _deep_atomic:
        y = x
    else:
        handler = _deep_dispatch.get(cls)
        if handler is not None:
            y = handler(x, memo)
        elif issubclass(cls, type):
            y = x
        else:
            copier = getattr(x, '__deepcopy__', None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y

