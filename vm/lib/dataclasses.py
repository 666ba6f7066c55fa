"""Data classes (pystm implementation, written from the documented behaviour).

@dataclass inspects the class annotations and adds __init__, __repr__,
__eq__ and optionally ordering, hashing, frozen-ness and __slots__.
"""

import sys
import keyword as _keyword

try:
    import _thread
    _get_ident = _thread.get_ident
except Exception:  # pragma: no cover
    def _get_ident():
        return 0

__all__ = [
    "dataclass", "field", "Field", "FrozenInstanceError", "InitVar",
    "KW_ONLY", "MISSING", "fields", "asdict", "astuple", "make_dataclass",
    "replace", "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    """Raised when assigning to a field of a frozen dataclass."""


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _MappingProxy:
    """Minimal read-only mapping used for Field.metadata."""
    __slots__ = ("_m",)

    def __init__(self, mapping):
        object.__setattr__(self, "_m", mapping)

    def __getitem__(self, key):
        return self._m[key]

    def __iter__(self):
        return iter(self._m)

    def __len__(self):
        return len(self._m)

    def __contains__(self, key):
        return key in self._m

    def get(self, key, default=None):
        return self._m.get(key, default)

    def keys(self):
        return self._m.keys()

    def values(self):
        return self._m.values()

    def items(self):
        return self._m.items()

    def copy(self):
        return dict(self._m)

    def __eq__(self, other):
        if isinstance(other, _MappingProxy):
            other = other._m
        return self._m == other

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute %r" % name)

    def __repr__(self):
        return "mappingproxy(%r)" % (self._m,)


_EMPTY_METADATA = _MappingProxy({})

# Kinds of pseudo-fields.
_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    """Marks an init-only pseudo-field: ``x: InitVar[int]``."""
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        t = self.type
        if isinstance(t, type):
            name = t.__name__
        else:
            name = repr(t)
        return "dataclasses.InitVar[%s]" % name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "repr",
                 "hash", "init", "compare", "metadata", "kw_only",
                 "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            self.metadata = _MappingProxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,"
                "init=%r,repr=%r,hash=%r,compare=%r,metadata=%r,"
                "kw_only=%r,_field_type=%s)" % (
                    self.name, self.type, self.default, self.default_factory,
                    self.init, self.repr, self.hash, self.compare,
                    self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        hook = getattr(type(self.default), "__set_name__", None)
        if hook is not None:
            hook(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,"
                "unsafe_hash=%r,frozen=%r)" % (
                    self.init, self.repr, self.eq, self.order,
                    self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a dataclass field (defaults, whether it is in __init__,
    __repr__, comparisons, hashing, metadata, keyword-only)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ----------------------------------------------------------------------
# Annotation classification (ClassVar / InitVar / KW_ONLY)

def _typing_module():
    return sys.modules.get("typing")


def _is_classvar_obj(a):
    typing = _typing_module()
    if typing is None:
        return False
    cv = getattr(typing, "ClassVar", None)
    if cv is None:
        return False
    return a is cv or getattr(a, "__origin__", None) is cv


def _is_initvar_obj(a):
    return a is InitVar or type(a) is InitVar


def _is_kw_only_obj(a):
    return a is KW_ONLY


def _split_dotted_head(s):
    """Parse '  [module.]Name...' -> (module or None, Name) or None."""
    i = 0
    n = len(s)
    while i < n and s[i] in " \t":
        i += 1

    def ident(j):
        k = j
        while k < n and (s[k].isalnum() or s[k] == "_"):
            k += 1
        if k == j or s[j].isdigit():
            return None, j
        return s[j:k], k

    first, i = ident(i)
    if first is None:
        return None
    j = i
    while j < n and s[j] in " \t":
        j += 1
    if j < n and s[j] == ".":
        j += 1
        while j < n and s[j] in " \t":
            j += 1
        second, j2 = ident(j)
        if second is None:
            return None
        return first, second
    return None, first


def _string_annotation_is(annotation, cls, predicate, module_obj):
    parsed = _split_dotted_head(annotation)
    if parsed is None:
        return False
    modname, name = parsed
    mod = sys.modules.get(cls.__module__)
    ns = getattr(mod, "__dict__", None) if mod is not None else None
    if ns is None:
        return False
    if modname is None:
        return predicate(ns.get(name))
    if module_obj is None or ns.get(modname) is not module_obj:
        return False
    return predicate(getattr(module_obj, name, None))


def _classify(cls, annotation):
    """Return _FIELD, _FIELD_CLASSVAR, _FIELD_INITVAR or 'KW_ONLY'."""
    if isinstance(annotation, str):
        me = sys.modules.get(__name__)
        if _string_annotation_is(annotation, cls, _is_classvar_obj,
                                 _typing_module()):
            return _FIELD_CLASSVAR
        if _string_annotation_is(annotation, cls, _is_initvar_obj, me):
            return _FIELD_INITVAR
        if _string_annotation_is(annotation, cls, _is_kw_only_obj, me):
            return "KW_ONLY"
        return _FIELD
    if _is_classvar_obj(annotation):
        return _FIELD_CLASSVAR
    if _is_initvar_obj(annotation):
        return _FIELD_INITVAR
    if _is_kw_only_obj(annotation):
        return "KW_ONLY"
    return _FIELD


# ----------------------------------------------------------------------

def _get_field(cls, name, a_type, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = a_type
    f._field_type = _classify(cls, a_type)
    if f._field_type == "KW_ONLY":  # handled by caller
        return f
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError("field %s cannot have a default factory" % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError("field %s is a ClassVar but specifies kw_only"
                            % f.name)
    if f._field_type is _FIELD and f.default is not MISSING:
        if _is_unhashable_type(type(f.default)):
            raise ValueError("mutable default %s for field %s is not allowed:"
                             " use default_factory" % (type(f.default), f.name))
    return f


# pystm: list.__hash__ / dict.__hash__ / set.__hash__ are builtin functions
# that raise instead of being None as in CPython, so "is __hash__ None"
# alone cannot detect the mutable builtins.  Walk the MRO instead.
import builtins as _builtins
_UNHASHABLE_BUILTINS = tuple(
    t for t in (list, dict, set, getattr(_builtins, "bytearray", None))
    if t is not None)


def _is_unhashable_type(tp):
    for klass in tp.__mro__:
        d = getattr(klass, "__dict__", {})
        if "__hash__" in d:
            return d["__hash__"] is None or klass in _UNHASHABLE_BUILTINS
    return tp.__hash__ is None


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _set_qualname(cls, fn):
    try:
        fn.__qualname__ = "%s.%s" % (cls.__qualname__, fn.__name__)
    except (AttributeError, TypeError):
        pass
    return fn


_repr_running = set()


def _make_repr(cls, flds):
    names = [f.name for f in flds if f.repr]

    def __repr__(self):
        key = (id(self), _get_ident())
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            parts = ["%s=%r" % (n, getattr(self, n)) for n in names]
        finally:
            _repr_running.discard(key)
        return "%s(%s)" % (self.__class__.__qualname__, ", ".join(parts))
    return _set_qualname(cls, __repr__)


def _tuple_getter(names):
    """A function returning (obj.a, obj.b, ...): one generated expression, as CPython's
    generated methods read the fields."""
    ns = {}
    exec("def get(obj):\n    return (%s)\n" % "".join("obj.%s," % n for n in names), ns)
    return ns["get"]


def _make_eq(cls, flds):
    get = _tuple_getter([f.name for f in flds if f.compare])

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return get(self) == get(other)
        return NotImplemented
    return _set_qualname(cls, __eq__)


def _make_order(cls, flds, name, op):
    get = _tuple_getter([f.name for f in flds if f.compare])
    if op == "<":
        def cmp(a, b):
            return a < b
    elif op == "<=":
        def cmp(a, b):
            return a <= b
    elif op == ">":
        def cmp(a, b):
            return a > b
    else:
        def cmp(a, b):
            return a >= b

    def method(self, other):
        if other.__class__ is self.__class__:
            return cmp(get(self), get(other))
        return NotImplemented
    method.__name__ = name
    return _set_qualname(cls, method)


def _make_hash(cls, flds):
    names = [f.name for f in flds
             if (f.compare if f.hash is None else f.hash)]
    get = _tuple_getter(names)

    def __hash__(self):
        return hash(get(self))
    return _set_qualname(cls, __hash__)


def _make_frozen_methods(cls, field_names):
    names = frozenset(field_names)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field %r" % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field %r" % (name,))
        super(cls, self).__delattr__(name)

    return _set_qualname(cls, __setattr__), _set_qualname(cls, __delattr__)


def _make_init(cls, all_fields, frozen, has_post_init):
    std = [f for f in all_fields
           if f.init and f._field_type is not _FIELD_CLASSVAR
           and not f.kw_only]
    kwo = [f for f in all_fields
           if f.init and f._field_type is not _FIELD_CLASSVAR
           and f.kw_only]

    seen_default = False
    for f in std:
        if f.default is MISSING and f.default_factory is MISSING:
            if seen_default:
                raise TypeError("non-default argument %r follows default "
                                "argument" % (f.name,))
        else:
            seen_default = True

    names = set(f.name for f in all_fields)
    self_name = "__dataclass_self__" if "self" in names else "self"
    g = {
        "MISSING": MISSING,
        "__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
        "__dataclass_builtins_object__": object,
        "__name__": getattr(cls, "__module__", "__main__"),
    }

    def param(f):
        g["__dataclass_type_%s__" % f.name] = f.type
        if f.default_factory is not MISSING:
            dflt = "=__dataclass_HAS_DEFAULT_FACTORY__"
        elif f.default is not MISSING:
            g["__dataclass_dflt_%s__" % f.name] = f.default
            dflt = "=__dataclass_dflt_%s__" % f.name
        else:
            dflt = ""
        return "%s:__dataclass_type_%s__%s" % (f.name, f.name, dflt)

    params = [self_name] + [param(f) for f in std]
    if kwo:
        params.append("*")
        params.extend(param(f) for f in kwo)

    def assign(name, value):
        if frozen:
            return ("__dataclass_builtins_object__.__setattr__(%s,%r,%s)"
                    % (self_name, name, value))
        return "%s.%s=%s" % (self_name, name, value)

    body = []
    for f in all_fields:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            fac = "__dataclass_factory_%s__" % f.name
            g[fac] = f.default_factory
            if f.init:
                value = ("%s() if %s is __dataclass_HAS_DEFAULT_FACTORY__ "
                         "else %s" % (fac, f.name, f.name))
            else:
                value = "%s()" % fac
        elif f.init:
            value = f.name
        else:
            continue  # init=False with a plain default: class attribute
        body.append(assign(f.name, value))
    if has_post_init:
        initvars = [f.name for f in all_fields
                    if f._field_type is _FIELD_INITVAR]
        body.append("%s.%s(%s)" % (self_name, _POST_INIT_NAME,
                                   ",".join(initvars)))
    if not body:
        body = ["pass"]
    g["__dataclass_return_type__"] = None
    src = ("def __init__(%s)->__dataclass_return_type__:\n" % ",".join(params)
           + "".join("  %s\n" % line for line in body))
    ns = {}
    exec(src, g, ns)
    fn = ns["__init__"]
    return _set_qualname(cls, fn)


# ----------------------------------------------------------------------
# __doc__ generation, mirroring str(inspect.signature(cls))

def _format_annotation(a):
    if isinstance(a, type):
        mod = getattr(a, "__module__", None)
        if mod == "builtins":
            return a.__qualname__
        return "%s.%s" % (mod, a.__qualname__)
    if getattr(a, "__module__", None) == "typing":
        return repr(a).replace("typing.", "")
    return repr(a)


def _signature_text(all_fields):
    std = []
    kwo = []
    for f in all_fields:
        if not f.init or f._field_type is _FIELD_CLASSVAR:
            continue
        text = "%s: %s" % (f.name, _format_annotation(f.type))
        if f.default_factory is not MISSING:
            text += " = <factory>"
        elif f.default is not MISSING:
            text += " = %r" % (f.default,)
        (kwo if f.kw_only else std).append(text)
    parts = std[:]
    if kwo:
        parts.append("*")
        parts.extend(kwo)
    return "(" + ", ".join(parts) + ")"


# ----------------------------------------------------------------------

def _hash_action(cls, unsafe_hash, eq, frozen, has_explicit_hash, flds):
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s"
                            % cls.__name__)
        return _make_hash(cls, flds)
    if eq and frozen:
        if has_explicit_hash:
            return MISSING
        return _make_hash(cls, flds)
    if eq and not frozen:
        if has_explicit_hash:
            return MISSING
        return None
    return MISSING


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot=False):
    all_fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if b.__dict__[_PARAMS].frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get("__annotations__", {})
    own = []
    kw_only_seen = False
    default_kw_only = kw_only
    for name, a_type in annotations.items():
        kind = _classify(cls, a_type)
        if kind == "KW_ONLY":
            if kw_only_seen:
                raise TypeError("%r is KW_ONLY, but KW_ONLY has already "
                                "been specified" % (name,))
            kw_only_seen = True
            default_kw_only = True
            continue
        own.append(_get_field(cls, name, a_type, default_kw_only))

    for f in own:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError("%r is a field but has no type annotation"
                            % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a "
                            "frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a "
                            "non-frozen one")

    setattr(cls, _FIELDS, all_fields)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    field_list = list(all_fields.values())
    real = [f for f in field_list if f._field_type is _FIELD]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, "__init__",
                           _make_init(cls, field_list, frozen, has_post_init))

    if repr:
        _set_new_attribute(cls, "__repr__", _make_repr(cls, real))

    if eq:
        _set_new_attribute(cls, "__eq__", _make_eq(cls, real))

    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="),
                         ("__gt__", ">"), ("__ge__", ">=")):
            if _set_new_attribute(cls, name,
                                  _make_order(cls, real, name, op)):
                raise TypeError("Cannot overwrite attribute %s in class %s. "
                                "Consider using functools.total_ordering"
                                % (name, cls.__name__))

    if frozen:
        sa, da = _make_frozen_methods(cls, [f.name for f in real])
        for name, fn in (("__setattr__", sa), ("__delattr__", da)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s"
                                % (name, cls.__name__))

    action = _hash_action(cls, unsafe_hash, eq, frozen, has_explicit_hash,
                          real)
    if action is not MISSING:
        cls.__hash__ = action

    # (pystm classes without a docstring may inherit __doc__ through the
    # MRO, so look in the class's own namespace.)
    if not cls.__dict__.get("__doc__", None):
        try:
            cls.__doc__ = cls.__name__ + _signature_text(field_list)
        except Exception:
            pass

    if match_args:
        _set_new_attribute(cls, "__match_args__",
                           tuple(f.name for f in field_list
                                 if f.init and f._field_type is not
                                 _FIELD_CLASSVAR and not f.kw_only))

    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    if hasattr(cls, "__abstractmethods__"):
        abc = sys.modules.get("abc")
        if abc is not None and hasattr(abc, "update_abstractmethods"):
            abc.update_abstractmethods(cls)
    return cls


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    if "__slots__" in cls_dict:
        raise TypeError("%s already specifies __slots__" % cls.__name__)
    inherited = set()
    for b in cls.__mro__[1:-1]:
        for s in b.__dict__.get("__slots__", ()):
            inherited.add(s)
    slots = tuple(n for n in field_names if n not in inherited)
    if weakref_slot:
        slots = slots + ("__weakref__",)
    cls_dict["__slots__"] = slots
    for n in field_names:
        cls_dict.pop(n, None)
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    # Methods created above captured the old class in closures (frozen
    # __setattr__ uses it for super()); rebuild those for the new class.
    if is_frozen:
        real = [f.name for f in fields(new_cls)]
        sa, da = _make_frozen_methods(new_cls, real)
        if cls_dict.get("__setattr__") is not None and \
                getattr(cls_dict["__setattr__"], "__qualname__", "").endswith(
                    ".__setattr__"):
            new_cls.__setattr__ = sa
            new_cls.__delattr__ = da

        def __getstate__(self):
            return [getattr(self, n) for n in real]

        def __setstate__(self, state):
            for n, v in zip(real, state):
                object.__setattr__(self, n, v)
        new_cls.__getstate__ = _set_qualname(new_cls, __getstate__)
        new_cls.__setstate__ = _set_qualname(new_cls, __setstate__)
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class.

    Usable as @dataclass or @dataclass(...).
    """
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple of Field objects for this dataclass or instance."""
    try:
        flds = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") \
            from None
    return tuple(f for f in flds.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True if obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _deepcopy(obj):
    try:
        from copy import deepcopy
    except ImportError:
        return obj
    return deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """Recursively convert a dataclass instance into a dict."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name),
                                                    dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Recursively convert a dataclass instance into a tuple."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name),
                                             tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _deepcopy(obj)


def replace(obj, /, **changes):
    """Return a new object replacing the given fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it "
                                 "cannot be specified with replace()"
                                 % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with "
                                 "replace()" % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Create a new dataclass named cls_name from a list of field specs:
    'name', (name, type) or (name, type, Field)."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError("Invalid field: %r" % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError("Field names must be valid identifiers: %r"
                            % (name,))
        if _keyword.iskeyword(name):
            raise TypeError("Field names must not be keywords: %r" % (name,))
        if name in seen:
            raise TypeError("Field name duplicated: %r" % (name,))
        seen.add(name)
        annotations[name] = tp
    ns = dict(namespace)
    ns.update(defaults)
    ns["__annotations__"] = annotations
    ns.setdefault("__module__", "types")
    ns.setdefault("__qualname__", cls_name)
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
