"""Support for type hints (pystm implementation).

This module provides the names used in annotations (Any, Optional, Union,
List, Dict, Callable, TypeVar, Generic, Protocol, NamedTuple, TypedDict,
...) with reprs and introspection (get_origin/get_args/get_type_hints)
matching CPython 3.11 closely.  It performs no static checking.

pystm limitations (no custom metaclasses, no ``__mro_entries__``):

* ``Generic[T]``, ``Protocol[T]`` and ``UserClass[int]`` evaluate to real
  (cached) classes so that they can be used as base classes.  Their repr is
  therefore ``<class '...'>``; ``get_origin``/``get_args`` work on them.
* ``List[int]`` & co. are alias objects and cannot be used as base classes.
* ``isinstance()`` with protocols, ``Any`` or aliases is not customisable.
"""

import sys
import collections
import collections.abc as _cabc

__all__ = [
    "Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final",
    "ForwardRef", "Generic", "Literal", "Optional", "ParamSpec", "Protocol",
    "Tuple", "Type", "TypeVar", "TypeVarTuple", "Union",
    "AbstractSet", "ByteString", "Container", "ContextManager", "Hashable",
    "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping",
    "MappingView", "MutableMapping", "MutableSequence", "MutableSet",
    "Sequence", "Sized", "ValuesView", "Awaitable", "AsyncIterator",
    "AsyncIterable", "Coroutine", "Collection", "AsyncGenerator",
    "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes",
    "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt",
    "SupportsRound", "ChainMap", "Counter", "Deque", "Dict", "DefaultDict",
    "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple", "TypedDict",
    "Generator", "BinaryIO", "IO", "TextIO", "AnyStr", "assert_type",
    "assert_never", "cast", "clear_overloads", "dataclass_transform",
    "final", "get_args", "get_origin", "get_overloads", "get_type_hints",
    "is_typeddict", "LiteralString", "Never", "NewType", "no_type_check",
    "no_type_check_decorator", "NoReturn", "NotRequired", "overload",
    "ParamSpecArgs", "ParamSpecKwargs", "Required", "reveal_type",
    "runtime_checkable", "Self", "Text", "TYPE_CHECKING", "TypeAlias",
    "TypeGuard", "Unpack",
]

TYPE_CHECKING = False

_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if type(obj).__name__ == "function":
        return obj.__name__
    return repr(obj)


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (tuple, list, ParamSpec,
                                          _ConcatenateGenericAlias))


def _type_convert(arg, module=None):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, module=module)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, allow_special=False):
    """Validate one type argument and convert None/str.

    Like CPython 3.11 this is permissive: any object except bare special
    forms, ClassVar/Final[...] in argument position and tuples is accepted.
    """
    invalid = (Generic, Protocol)
    if not allow_special:
        invalid += (ClassVar,)
        if is_argument:
            invalid += (Final,)
    arg = _type_convert(arg, module=module)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in invalid:
        raise TypeError("%s is not valid as type argument" % (arg,))
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError("Plain %s is not valid as type argument" % (arg,))
    if type(arg) is tuple:
        raise TypeError("%s Got %.100r." % (msg, arg))
    return arg


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, (TypeVar, ParamSpec, TypeVarTuple)):
            if t not in params:
                params.append(t)
        elif isinstance(t, (list, tuple)):
            for p in _collect_parameters(t):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(t, "__parameters__", ()) or ():
                if isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) \
                        and p not in params:
                    params.append(p)
    return tuple(params)


def _deduplicate(params):
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return out


def _tp_cache_key(*parts):
    try:
        hash(parts)
        return parts
    except TypeError:
        return None


class _Final:
    """Mixin forbidding subclassing."""
    __slots__ = ()

    def __init_subclass__(cls, /, *args, _root=False, **kwds):
        if "_root" not in cls.__dict__ and not _root:
            raise TypeError("Cannot subclass special typing classes")


# ----------------------------------------------------------------------
# Special forms


class _SpecialForm(_Final, _root=True):

    def __init__(self, name, getitem, doc=""):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __getattr__(self, item):
        if item in ("__name__", "__qualname__"):
            return self._name
        raise AttributeError(item)

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % self)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError("%s is not subscriptable" % (self,))
        return self._getitem(self, parameters)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(("typing", self._name))


def _not_subscriptable(name, doc=""):
    return _SpecialForm(name, None, doc)


class _AnyForm(_SpecialForm, _root=True):
    # In CPython 3.11 Any is a class (with a metaclass giving its repr);
    # mimic its error messages.
    def __getitem__(self, parameters):
        raise TypeError("type 'Any' is not subscriptable")

    def __call__(self, *args, **kwds):
        raise TypeError("Any cannot be instantiated")


Any = _AnyForm("Any", None, "Special type indicating an unconstrained type.")
NoReturn = _not_subscriptable("NoReturn", "Special type for functions that never return.")
Never = _not_subscriptable("Never", "The bottom type.")
Self = _not_subscriptable("Self", "Used to spell the type of 'self'.")
LiteralString = _not_subscriptable("LiteralString", "Represents an arbitrary literal string.")
TypeAlias = _not_subscriptable("TypeAlias", "Marks an explicit type alias.")


def _classvar_getitem(self, parameters):
    item = _type_check(parameters, "%s accepts only single type." % (self,))
    return _GenericAlias(self, (item,))


ClassVar = _SpecialForm("ClassVar", _classvar_getitem,
                        "Marks a class variable annotation.")
Final = _SpecialForm("Final", _classvar_getitem,
                     "Marks a name that cannot be re-assigned.")


def _required_getitem(self, parameters):
    item = _type_check(parameters, "%s accepts only a single type." % (self,))
    return _GenericAlias(self, (item,))


Required = _SpecialForm("Required", _required_getitem)
NotRequired = _SpecialForm("NotRequired", _required_getitem)


def _typeguard_getitem(self, parameters):
    item = _type_check(parameters, "%s accepts only single type." % (self,))
    return _GenericAlias(self, (item,))


TypeGuard = _SpecialForm("TypeGuard", _typeguard_getitem)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = tuple(_type_check(p, msg) for p in parameters)
    flat = []
    for p in parameters:
        if isinstance(p, _UnionGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    flat = _deduplicate(flat)
    if len(flat) == 1:
        return flat[0]
    if len(flat) == 2 and _NoneType in flat:
        return _UnionGenericAlias(self, tuple(flat), name="Optional")
    return _UnionGenericAlias(self, tuple(flat))


Union = _SpecialForm("Union", _union_getitem,
                     "Union type; Union[X, Y] means either X or Y.")


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, "%s requires a single type." % (self,))
    return Union[arg, _NoneType]


Optional = _SpecialForm("Optional", _optional_getitem,
                        "Optional[X] is equivalent to Union[X, None].")


def _flatten_literal_params(parameters):
    out = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            out.extend(p.__args__)
        else:
            out.append(p)
    return tuple(out)


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = _flatten_literal_params(parameters)
    seen = []
    unique = []
    try:
        for p in parameters:
            key = (p, type(p))
            if key not in seen:
                seen.append(key)
                unique.append(p)
        parameters = tuple(unique)
    except TypeError:
        pass
    return _LiteralGenericAlias(self, parameters)


Literal = _SpecialForm("Literal", _literal_getitem,
                       "Special typing form to define literal types.")


def _concatenate_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError("The last parameter to Concatenate should be a "
                        "ParamSpec variable or ellipsis.")
    msg = "Concatenate[arg, ...]: each arg must be a type."
    parameters = (*(_type_check(p, msg) for p in parameters[:-1]),
                  parameters[-1])
    return _ConcatenateGenericAlias(self, parameters)


Concatenate = _SpecialForm("Concatenate", _concatenate_getitem)


def _unpack_getitem(self, parameters):
    item = _type_check(parameters, "%s accepts only single type." % (self,))
    return _UnpackGenericAlias(self, (item,))


Unpack = _SpecialForm("Unpack", _unpack_getitem)


# ----------------------------------------------------------------------
# ForwardRef

class ForwardRef(_Final, _root=True):
    """Internal wrapper to hold a forward reference."""
    __slots__ = ("__forward_arg__", "__forward_code__",
                 "__forward_evaluated__", "__forward_value__",
                 "__forward_is_argument__", "__forward_is_class__",
                 "__forward_module__")

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r"
                            % (arg,))
        src = arg[1:] if arg.startswith("*") else arg
        try:
            code = compile(src, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError("Forward reference must be an expression -- "
                              "got %r" % (arg,))
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                mod = sys.modules.get(self.__forward_module__)
                globalns = getattr(mod, "__dict__", globalns)
            value = eval(self.__forward_code__, globalns, localns)
            value = _type_check(value, "Forward references must evaluate "
                                "to types.", allow_special=True)
            self.__forward_value__ = _eval_type(
                value, globalns, localns,
                recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return (self.__forward_arg__ == other.__forward_arg__ and
                    self.__forward_value__ == other.__forward_value__)
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            module_repr = ""
        else:
            module_repr = ", module=%r" % (self.__forward_module__,)
        return "ForwardRef(%r%s)" % (self.__forward_arg__, module_repr)


# ----------------------------------------------------------------------
# Type variables

class _BoundVarianceMixin:
    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__


class TypeVar(_BoundVarianceMixin, _Final, _root=True):
    """Type variable: T = TypeVar('T'), with optional constraints, bound
    and variance."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        if bound is not None:
            self.__bound__ = _type_check(bound, "Bound must be a type.")
        else:
            self.__bound__ = None
        self.__module__ = "typing"

    def __typing_subst__(self, arg):
        msg = "Parameters to generic types must be types."
        arg = _type_check(arg, msg, is_argument=True)
        if isinstance(arg, _GenericAlias) and arg.__origin__ is Unpack:
            raise TypeError("%r is not valid as type argument" % (arg,))
        return arg

    def __reduce__(self):
        return self.__name__


class TypeVarTuple(_Final, _root=True):
    """Type variable tuple: Ts = TypeVarTuple('Ts')."""

    def __init__(self, name):
        self.__name__ = name
        self.__module__ = "typing"

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.args" % (self.__origin__.__name__,)

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash(("args", id(self.__origin__)))


class ParamSpecKwargs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.kwargs" % (self.__origin__.__name__,)

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash(("kwargs", id(self.__origin__)))


class ParamSpec(_BoundVarianceMixin, _Final, _root=True):
    """Parameter specification variable: P = ParamSpec('P')."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = (_type_check(bound, "Bound must be a type.")
                          if bound is not None else None)
        self.__module__ = "typing"


# ----------------------------------------------------------------------
# Generic aliases

def _is_dunder(name):
    return name.startswith("__") and name.endswith("__")


class _BaseGenericAlias(_Final, _root=True):
    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        # Unused by pystm (no __mro_entries__ support) but kept for clarity.
        return (self.__origin__,)

    def __getattr__(self, attr):
        if attr in ("__name__", "__qualname__"):
            return self._name or self.__origin__.__name__
        if "__origin__" in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _GenericAlias(_BaseGenericAlias, _root=True):
    """X[args] for a generic X (List[int], ClassVar[int], ...)."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a
                              for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = getattr(origin, "__module__", "typing")

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError("Cannot subscript already-subscripted %s" % self)
        if not self.__parameters__:
            raise TypeError("%s is not a generic class" % self)
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        new_args = _substitute(self.__parameters__, self.__args__, args,
                               self)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name,
                              inst=self._inst)

    def __repr__(self):
        if self._name:
            name = "typing." + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        else:
            args = "()"
        return "%s[%s]" % (name, args)

    def __reduce__(self):
        return (_reconstruct_alias, (self.__origin__, self.__args__))

    def __iter__(self):
        yield Unpack[self]


def _reconstruct_alias(origin, args):
    return origin[args]


def _substitute(params, old_args, new_args, alias):
    if len(new_args) != len(params):
        raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                        % ("many" if len(new_args) > len(params) else "few",
                           alias, len(new_args), len(params)))
    mapping = {}
    for p, a in zip(params, new_args):
        if hasattr(p, "__typing_subst__"):
            a = p.__typing_subst__(a)
        mapping[p] = a
    return tuple(_subs_one(a, mapping) for a in old_args)


def _subs_one(arg, mapping):
    if isinstance(arg, (TypeVar, ParamSpec, TypeVarTuple)):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_subs_one(a, mapping) for a in arg]
    params = getattr(arg, "__parameters__", None)
    if params and isinstance(arg, _GenericAlias):
        sub = tuple(mapping.get(p, p) for p in params)
        return arg[sub]
    if params and isinstance(arg, type) and hasattr(arg, "__class_getitem__"):
        sub = tuple(mapping.get(p, p) for p in params)
        try:
            return arg[sub if len(sub) != 1 else sub[0]]
        except TypeError:
            return arg
    return arg


class _TypingEllipsisType:
    pass


_TypingEllipsis = _TypingEllipsisType()


class _SpecialGenericAlias(_BaseGenericAlias, _root=True):
    """Unsubscripted List, Dict, ... (typing.List)."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self.__module__ = "typing"

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        if len(params) != self._nparams:
            raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                            % ("many" if len(params) > self._nparams
                               else "few", self, len(params), self._nparams))
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name,
                             inst=self._inst)

    def __repr__(self):
        return "typing." + self._name

    def __eq__(self, other):
        if isinstance(other, _SpecialGenericAlias):
            return self.__origin__ is other.__origin__ and \
                self._name == other._name
        return NotImplemented

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __reduce__(self):
        return self._name


class _CallableGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        assert self._name == "Callable"
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super().__repr__()
        return "typing.Callable[[%s], %s]" % (
            ", ".join(_type_repr(a) for a in args[:-1]),
            _type_repr(args[-1]))

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)


class _CallableType(_SpecialGenericAlias, _root=True):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return self.__getitem_inner__(params)

    def __getitem_inner__(self, params):
        args, result = params
        msg = "Callable[args, result]: result must be a type."
        result = _type_check(result, msg)
        if args is Ellipsis:
            return self.copy_with((_TypingEllipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        return self.copy_with(args + (result,))


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, _TypingEllipsis))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return _set_eq(self.__args__, other.__args__)

    def __hash__(self):
        try:
            return hash(frozenset(self.__args__))
        except TypeError:
            return hash(len(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return "typing.Optional[%s]" % _type_repr(args[1])
            if args[1] is _NoneType:
                return "typing.Optional[%s]" % _type_repr(args[0])
        return "typing.Union[%s]" % ", ".join(_type_repr(a) for a in args)


def _set_eq(a, b):
    return all(x in b for x in a) and all(y in a for y in b)


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, args, inst=inst, name=name)
        self.__parameters__ = ()

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        a = [(v, type(v)) for v in self.__args__]
        b = [(v, type(v)) for v in other.__args__]
        return _set_eq(a, b)

    def __hash__(self):
        try:
            return hash(frozenset((v, type(v)) for v in self.__args__))
        except TypeError:
            return hash(len(self.__args__))

    def __repr__(self):
        return "typing.Literal[%s]" % ", ".join(repr(a) for a in self.__args__)


class _ConcatenateGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return _ConcatenateGenericAlias(self.__origin__, params,
                                        name=self._name, inst=self._inst)


class _UnpackGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        return "*" + _type_repr(self.__args__[0])


class _AnnotatedAlias(_GenericAlias, _root=True):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        assert len(params) == 1
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return "typing.Annotated[%s, %s]" % (
            _type_repr(self.__origin__),
            ", ".join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ("__name__", "__qualname__"):
            return "Annotated"
        return super().__getattr__(attr)


class Annotated:
    """Add context-specific metadata to a type: Annotated[T, x, ...]."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two "
                            "arguments (a type and an annotation).")
        msg = "Annotated[t, ...]: t must be a type."
        origin = _type_check(params[0], msg, allow_special=True)
        metadata = tuple(params[1:])
        return _AnnotatedAlias(origin, metadata)

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("Cannot subclass %s.Annotated" % cls.__module__)


# ----------------------------------------------------------------------
# Generic / Protocol (real classes; see module docstring)

_generic_cache = {}


def _specialize(cls, params):
    """Return a cached real subclass of cls standing for cls[params]."""
    key = _tp_cache_key(cls, params)
    if key is not None and key in _generic_cache:
        return _generic_cache[key]
    args_repr = ", ".join(_type_repr(p) for p in params) if params else "()"
    name = "%s[%s]" % (cls.__name__, args_repr)
    ns = {
        "__origin__": cls,
        "__args__": params,
        "__parameters__": _collect_parameters(params),
        "_typing_specialization_": True,
        "__module__": cls.__module__,
        "__qualname__": "%s[%s]" % (getattr(cls, "__qualname__",
                                            cls.__name__), args_repr),
        "__slots__": (),
    }
    if cls not in (Generic, Protocol):
        def __new__(c, *args, **kwargs):
            if c is spec:
                obj = cls(*args, **kwargs)
                try:
                    obj.__orig_class__ = spec
                except Exception:
                    pass
                return obj
            nxt = super(spec, c).__new__
            if nxt is object.__new__:
                return object.__new__(c)
            return nxt(c, *args, **kwargs)
        ns["__new__"] = __new__
    spec = type(name, (cls,), ns)
    if key is not None:
        _generic_cache[key] = spec
    return spec


def _is_specialization(cls):
    return isinstance(cls, type) and \
        cls.__dict__.get("_typing_specialization_", False)


class Generic:
    """Abstract base class for generic types: class C(Generic[T]): ..."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if _is_specialization(cls):
            raise TypeError("Cannot subscript already-subscripted %s"
                            % cls.__name__)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError("Parameter list to %s[...] cannot be empty"
                                % cls.__qualname__)
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple))
                       or (isinstance(p, _UnpackGenericAlias))
                       for p in params):
                raise TypeError("Parameters to %s[...] must all be type "
                                "variables or parameter specification "
                                "variables." % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError("Parameters to %s[...] must all be unique"
                                % cls.__name__)
            return _specialize(cls, params)
        own = cls.__dict__.get("__parameters__", ())
        if not own:
            raise TypeError("%s is not a generic class" % (cls,))
        if len(params) != len(own):
            raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                            % ("many" if len(params) > len(own) else "few",
                               cls, len(params), len(own)))
        msg = "Parameters to generic types must be types."
        params = tuple(p if isinstance(p, (TypeVar, ParamSpec))
                       else _type_check(p, msg) for p in params)
        return _specialize(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if cls.__dict__.get("_typing_specialization_", False):
            return
        bases = cls.__bases__
        if Generic in bases and cls.__module__ != "typing":
            raise TypeError("Cannot inherit from plain Generic")
        tvars = []
        gvars = None
        for base in bases:
            if _is_specialization(base):
                if base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError("Cannot inherit from Generic[...] "
                                        "multiple times.")
                    gvars = base.__parameters__
                for p in base.__parameters__:
                    if p not in tvars:
                        tvars.append(p)
        if gvars is not None:
            missing = [t for t in tvars if t not in gvars]
            if missing:
                s_vars = ", ".join(str(t) for t in missing)
                s_args = ", ".join(str(g) for g in gvars)
                raise TypeError("Some type variables (%s) are not listed in "
                                "Generic[%s]" % (s_vars, s_args))
            tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)
        if "__orig_bases__" not in cls.__dict__:
            cls.__orig_bases__ = bases


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError("Protocols cannot be instantiated")
    for base in type(self).__mro__:
        init = base.__dict__.get("__init__")
        if init is not None and init is not _no_init:
            if init is object.__init__:
                return None
            return init(self, *args, **kwargs)


class Protocol(Generic):
    """Base class for protocol classes (structural subtyping).

    pystm: isinstance()/issubclass() cannot be customised, so
    @runtime_checkable protocols are not checked structurally.
    """
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if cls.__dict__.get("_typing_specialization_", False):
            return
        if "_is_protocol" not in cls.__dict__:
            cls._is_protocol = any(
                b is Protocol or (_is_specialization(b) and
                                  b.__origin__ is Protocol)
                for b in cls.__bases__)
        if cls._is_protocol:
            for base in cls.__mro__[1:]:
                if not (base in (object, Generic) or
                        base.__dict__.get("_is_protocol", False) or
                        _is_specialization(base)):
                    raise TypeError("Protocols can only inherit from other "
                                    "protocols, got %r" % base)
        if "__init__" not in cls.__dict__:
            cls.__init__ = _no_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (flag only on pystm)."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)
            and cls._is_protocol):
        raise TypeError("@runtime_checkable can be only applied to protocol "
                        "classes, got %r" % cls)
    cls._is_runtime_protocol = True
    return cls


# ----------------------------------------------------------------------
# Aliases for builtin / collections types

def _alias(origin, nparams, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name)


Hashable = _alias(_cabc.Hashable, 0)
Awaitable = _alias(_cabc.Awaitable, 1)
Coroutine = _alias(_cabc.Coroutine, 3)
AsyncIterable = _alias(_cabc.AsyncIterable, 1)
AsyncIterator = _alias(_cabc.AsyncIterator, 1)
Iterable = _alias(_cabc.Iterable, 1)
Iterator = _alias(_cabc.Iterator, 1)
Reversible = _alias(_cabc.Reversible, 1)
Sized = _alias(_cabc.Sized, 0)
Container = _alias(_cabc.Container, 1)
Collection = _alias(_cabc.Collection, 1)
Callable = _CallableType(_cabc.Callable, 2)
AbstractSet = _alias(_cabc.Set, 1, name="AbstractSet")
MutableSet = _alias(_cabc.MutableSet, 1)
Mapping = _alias(_cabc.Mapping, 2)
MutableMapping = _alias(_cabc.MutableMapping, 2)
Sequence = _alias(_cabc.Sequence, 1)
MutableSequence = _alias(_cabc.MutableSequence, 1)
ByteString = _alias(_cabc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name="Tuple")
List = _alias(list, 1, inst=False, name="List")
Deque = _alias(collections.deque, 1, name="Deque")
Set = _alias(set, 1, inst=False, name="Set")
FrozenSet = _alias(frozenset, 1, inst=False, name="FrozenSet")
MappingView = _alias(_cabc.MappingView, 1)
KeysView = _alias(_cabc.KeysView, 1)
ItemsView = _alias(_cabc.ItemsView, 2)
ValuesView = _alias(_cabc.ValuesView, 1)
Dict = _alias(dict, 2, inst=False, name="Dict")
DefaultDict = _alias(collections.defaultdict, 2, name="DefaultDict")
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_cabc.Generator, 3)
AsyncGenerator = _alias(_cabc.AsyncGenerator, 2)
Type = _alias(type, 1, inst=False, name="Type")


class _ContextManagerBase:
    pass


def _abc_or_fallback(name):
    try:
        import contextlib
        return getattr(contextlib, name)
    except Exception:
        return type(name, (), {"__module__": "contextlib"})


ContextManager = _alias(_abc_or_fallback("AbstractContextManager"), 1,
                        name="ContextManager")
AsyncContextManager = _alias(_abc_or_fallback("AbstractAsyncContextManager"),
                             1, name="AsyncContextManager")

Text = str
AnyStr = TypeVar("AnyStr", bytes, str)

T = TypeVar("T")
KT = TypeVar("KT")
VT = TypeVar("VT")
T_co = TypeVar("T_co", covariant=True)
V_co = TypeVar("V_co", covariant=True)
VT_co = TypeVar("VT_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
CT_co = TypeVar("CT_co", covariant=True, bound=type)


# ----------------------------------------------------------------------
# Protocol classes shipped by typing

@runtime_checkable
class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    __slots__ = ()

    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    __slots__ = ()

    def __round__(self, ndigits=0):
        pass


class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""
    __slots__ = ()


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""
    __slots__ = ()


# ----------------------------------------------------------------------
# NamedTuple and TypedDict

_prohibited_nt = frozenset({"__new__", "__init__", "__slots__",
                            "__getnewargs__", "_fields", "_field_defaults",
                            "_make", "_replace", "_asdict", "_source"})
_special_nt = frozenset({"__module__", "__name__", "__annotations__",
                         "__qualname__", "__doc__"})


def _make_nmtuple_into(cls, types, defaults, module):
    fields = list(types)
    nt = collections.namedtuple(cls.__name__, fields, defaults=defaults,
                                module=module)
    for key, value in list(nt.__dict__.items()):
        if key in ("__module__", "__qualname__", "__dict__",
                   "__weakref__", "__slots__"):
            continue
        if key == "__doc__":
            if not cls.__dict__.get("__doc__"):
                cls.__doc__ = value
            continue
        if key in fields or key in _prohibited_nt or key not in cls.__dict__:
            setattr(cls, key, value)
    cls.__annotations__ = dict(types)
    return cls


class NamedTuple(tuple):
    """Typed version of namedtuple.

    Class syntax:  class P(NamedTuple): x: int; y: int = 0
    Functional:    P = NamedTuple('P', [('x', int), ('y', int)])
    (pystm: P's MRO contains NamedTuple, unlike CPython.)
    """
    __slots__ = ()

    def __new__(cls, typename=None, fields=None, /, **kwargs):
        if cls is NamedTuple:
            if fields is None:
                fields = kwargs.items()
            elif kwargs:
                raise TypeError("Either list of fields or keywords can be "
                                "provided to NamedTuple, not both")
            annotations = {}
            for n, t in fields:
                annotations[n] = _type_check(t, "field %s annotation must "
                                             "be a type" % n)
            ns = {"__annotations__": annotations, "__module__": "__main__",
                  "__qualname__": typename}
            return type(typename, (NamedTuple,), ns)
        raise TypeError("%s.__new__ was not replaced" % cls.__name__)

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        if NamedTuple not in cls.__bases__:
            return
        for b in cls.__bases__:
            if b not in (NamedTuple,) and not (
                    _is_specialization(b) and b.__origin__ is Generic):
                raise TypeError("can only inherit from a NamedTuple type "
                                "and Generic")
        types = cls.__dict__.get("__annotations__", {})
        default_names = []
        defaults = []
        for name in types:
            if name in cls.__dict__:
                default_names.append(name)
                defaults.append(cls.__dict__[name])
            elif default_names:
                raise TypeError("Non-default namedtuple field %s cannot "
                                "follow default field%s %s"
                                % (name, "s" if len(default_names) > 1
                                   else "", ", ".join(default_names)))
        for key in cls.__dict__:
            if key in _prohibited_nt and key != "__slots__":
                raise AttributeError("Cannot overwrite NamedTuple attribute "
                                     + key)
        types = {n: _type_check(t, "field %s annotation must be a type" % n)
                 for n, t in types.items()}
        _make_nmtuple_into(cls, types, defaults, cls.__module__)


class TypedDict(dict):
    """A dict with a fixed set of typed keys (instances are plain dicts).

    Class syntax:  class Movie(TypedDict, total=False): name: str
    Functional:    Movie = TypedDict('Movie', {'name': str}, total=False)
    """

    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _typeddict_functional(*args, **kwargs)
        return dict(*args, **kwargs)

    def __init_subclass__(cls, /, total=True, **kwargs):
        super().__init_subclass__(**kwargs)
        total = cls.__dict__.get("__typeddict_total__", total)
        for b in cls.__bases__:
            if not (b is TypedDict or b.__dict__.get("_is_typeddict_")
                    or (_is_specialization(b) and b.__origin__ is Generic)):
                raise TypeError("cannot inherit from both a TypedDict type "
                                "and a non-TypedDict base class")
        own = dict(cls.__dict__.get("__annotations__", {}))
        annotations = {}
        required = set()
        optional = set()
        for b in cls.__bases__:
            annotations.update(b.__dict__.get("__annotations__", {})
                               if b is not TypedDict else {})
            required.update(getattr(b, "__required_keys__", ()))
            optional.update(getattr(b, "__optional_keys__", ()))
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        for name, tp in own.items():
            tp = _type_check(tp, msg, allow_special=True)
            annotations[name] = tp
            origin = getattr(tp, "__origin__", None)
            if origin is Required:
                required.add(name)
                optional.discard(name)
            elif origin is NotRequired:
                optional.add(name)
                required.discard(name)
            elif total:
                required.add(name)
                optional.discard(name)
            else:
                optional.add(name)
                required.discard(name)
        cls.__annotations__ = annotations
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total
        cls._is_typeddict_ = True


def _typeddict_functional(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
    # pystm's type() cannot forward class keywords (total=...) to
    # __init_subclass__, so pass it through the namespace.
    ns = {"__annotations__": dict(fields), "__module__": "__main__",
          "__qualname__": typename, "__typeddict_total__": total}
    return type(typename, (TypedDict,), ns)


def is_typeddict(tp):
    """Check if an annotation is a TypedDict class."""
    return isinstance(tp, type) and bool(tp.__dict__.get("_is_typeddict_"))


# ----------------------------------------------------------------------
# Functions

def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm val has type typ (no-op)."""
    return val


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError("Expected code to be unreachable, but got: %s"
                         % value)


def reveal_type(obj, /):
    """Print the runtime type of obj to stderr and return obj."""
    print("Runtime type is %r" % (type(obj).__name__,), file=sys.stderr)
    return obj


def final(f):
    """Decorator marking a method or class as final."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator indicating that annotations are not type hints."""
    if isinstance(arg, type):
        for key in list(arg.__dict__):
            obj = arg.__dict__[key]
            if isinstance(obj, (classmethod, staticmethod)):
                obj = obj.__func__
            if type(obj).__name__ == "function" or isinstance(obj, type):
                if getattr(obj, "__qualname__", "").startswith(
                        arg.__qualname__ + "."):
                    no_type_check(obj)
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator to give another decorator the @no_type_check effect."""
    def wrapped_decorator(*args, **kwds):
        func = decorator(*args, **kwds)
        func = no_type_check(func)
        return func
    wrapped_decorator.__name__ = getattr(decorator, "__name__",
                                         "wrapped_decorator")
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, field_specifiers=(),
                        **kwargs):
    """Mark a decorator/class/metaclass as providing dataclass-like
    behaviour (records the parameters only)."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


_overload_registry = {}


def overload(func):
    """Decorator for overloaded functions/methods."""
    f = getattr(func, "__func__", func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """Return all defined overloads for func as a list."""
    f = getattr(func, "__func__", func)
    try:
        key = (f.__module__, f.__qualname__)
    except AttributeError:
        return []
    return list(_overload_registry.get(key, []))


def clear_overloads():
    """Clear all overloads in the registry."""
    _overload_registry.clear()


class NewType:
    """NewType creates simple unique types with almost zero runtime
    overhead: UserId = NewType('UserId', int)."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of NewType")

    def __repr__(self):
        return "%s.%s" % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def get_origin(tp):
    """Get the unsubscripted version of a type (List[int] -> list)."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if _is_specialization(tp):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and \
                not _is_param_expr(res[0]):
            res = (list(res[:-1]), res[-1])
        return res
    if _is_specialization(tp):
        return tp.__args__
    return ()


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, _AnnotatedAlias):
        inner = _eval_type(t.__origin__, globalns, localns, recursive_guard)
        if inner is t.__origin__:
            return t
        return _AnnotatedAlias(inner, t.__metadata__)
    if isinstance(t, _GenericAlias):
        args = []
        changed = False
        for a in t.__args__:
            if isinstance(a, str):
                a = ForwardRef(a)
            na = _eval_type(a, globalns, localns, recursive_guard)
            if na is not a:
                changed = True
            args.append(na)
        if not changed:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[tuple(args)]
        if isinstance(t, _CallableGenericAlias):
            return _CallableGenericAlias(t.__origin__, tuple(args),
                                         name=t._name, inst=t._inst)
        return t.copy_with(tuple(args))
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required,
                                                         NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[stripped]
        return t.copy_with(stripped)
    return t


def _get_annotations_dict(obj):
    if isinstance(obj, type):
        ann = obj.__dict__.get("__annotations__", {})
    else:
        ann = getattr(obj, "__annotations__", None)
    return ann


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for a module, class, method or function, with
    forward references (strings) evaluated and None replaced by NoneType."""
    if getattr(obj, "__no_type_check__", None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                mod = sys.modules.get(base.__module__, None)
                base_globals = getattr(mod, "__dict__", {})
            else:
                base_globals = globalns
            ann = base.__dict__.get("__annotations__", {})
            if isinstance(ann, type(getattr(sys, "__dict__", None))) and \
                    not isinstance(ann, dict):
                ann = {}
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False,
                                       is_class=True)
                value = _eval_type(value, base_globals, base_locals)
                hints[name] = value
        if include_extras:
            return hints
        return {k: _strip_annotations(v) for k, v in hints.items()}

    if globalns is None:
        if type(obj).__name__ == "module":
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, "__wrapped__"):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, "__globals__", {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, "__annotations__", None)
    if hints is None:
        if callable(obj) or type(obj).__name__ == "module":
            return {}
        raise TypeError("%r is not a module, class, method, or function."
                        % (obj,))
    result = {}
    for name, value in dict(hints).items():
        if value is None:
            value = _NoneType
        if isinstance(value, str):
            value = ForwardRef(value,
                               is_argument=type(obj).__name__ != "module",
                               is_class=False)
        result[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return result
    return {k: _strip_annotations(v) for k, v in result.items()}
