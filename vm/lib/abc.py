"""Abstract Base Classes (pystm implementation).

pystm does not support custom metaclasses, so this module implements the
abstract-method machinery without one:

* ``class X(ABC)`` works: ``ABC.__init_subclass__`` computes
  ``X.__abstractmethods__`` and ``ABC.__new__`` refuses to instantiate a
  class that still has abstract methods (same TypeError text as CPython 3.11).
* ``ABCMeta`` is a plain class.  Calling it as ``ABCMeta(name, bases, ns)``
  builds an ordinary class that derives from ``ABC``.  It cannot be used
  with ``metaclass=ABCMeta``.
* ``register()`` records virtual subclasses (``X._abc_registry``) and
  ``ABCMeta.__subclasscheck__``/``__instancecheck__`` style helpers are
  available as ``X._abc_subclasscheck(C)`` / ``X._abc_instancecheck(obj)``,
  but the builtin ``isinstance``/``issubclass`` cannot consult them (that
  would need a metaclass), so they only see real subclasses.
"""

__all__ = [
    "ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
    "abstractstaticmethod", "abstractproperty", "get_cache_token",
    "update_abstractmethods",
]

_abc_invalidation_counter = 0


def get_cache_token():
    """Return a token that changes whenever a virtual subclass is registered."""
    return _abc_invalidation_counter


def _is_abstract(value):
    """True if *value* is marked abstract.

    pystm's property/classmethod/staticmethod do not expose
    ``__isabstractmethod__`` computed from the wrapped callables, so look
    inside them explicitly.
    """
    try:
        if getattr(value, "__isabstractmethod__", False):
            return True
    except Exception:
        pass
    if isinstance(value, property):
        for part in (value.fget, value.fset, value.fdel):
            if part is not None and getattr(part, "__isabstractmethod__", False):
                return True
        return False
    if isinstance(value, (classmethod, staticmethod)):
        return bool(getattr(value.__func__, "__isabstractmethod__", False))
    return False


def _lookup_raw(cls, name):
    """Find *name* in the MRO without invoking descriptors."""
    for klass in cls.__mro__:
        d = klass.__dict__
        if name in d:
            return True, d[name]
    return False, None


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in list(cls.__dict__.items()):
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            found, value = _lookup_raw(cls, name)
            if found and _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def abstractmethod(funcobj):
    """Decorator marking a method as abstract.

    A class deriving from ABC cannot be instantiated while any of its
    abstract methods are not overridden.
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


# pystm cannot subclass classmethod/staticmethod/property ("not an acceptable
# base type"), so the deprecated aliases are factory functions that return
# the builtin descriptor wrapping a callable marked abstract.

def abstractclassmethod(callable):
    """Deprecated: use 'classmethod' stacked on 'abstractmethod'."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: use 'staticmethod' stacked on 'abstractmethod'."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated: use 'property' stacked on 'abstractmethod'."""
    marked = False
    for part in (fget, fset, fdel):
        if part is not None:
            try:
                part.__isabstractmethod__ = True
                marked = True
            except (AttributeError, TypeError):
                pass
    if not marked:
        # Nothing to mark: remember the abstractness on a dummy getter.
        def _abstract_getter(self):
            raise AttributeError("abstract property")
        _abstract_getter.__isabstractmethod__ = True
        if fget is None:
            fget = _abstract_getter
    return property(fget, fset, fdel, doc)


def _abc_setup(cls):
    cls.__abstractmethods__ = _compute_abstracts(cls)
    # Each ABC gets its own registry of virtual subclasses.
    if "_abc_registry" not in cls.__dict__:
        cls._abc_registry = []


def update_abstractmethods(cls):
    """Recalculate cls.__abstractmethods__ (e.g. after adding methods)."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


def _register(cls, subclass):
    global _abc_invalidation_counter
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass
    if _abc_subclasscheck(subclass, cls):
        return subclass
    if _abc_subclasscheck(cls, subclass):
        raise RuntimeError("Refusing to create an inheritance cycle")
    cls._abc_registry.append(subclass)
    _abc_invalidation_counter += 1
    return subclass


def _abc_subclasscheck(cls, subclass):
    """issubclass() including registered virtual subclasses and
    __subclasshook__ (what ABCMeta.__subclasscheck__ does in CPython)."""
    if not isinstance(subclass, type):
        raise TypeError("issubclass() arg 1 must be a class")
    if not isinstance(cls, type):
        return False
    if issubclass(subclass, cls):
        return True
    hook = getattr(cls, "__subclasshook__", None)
    if hook is not None:
        ok = hook(subclass)
        if ok is not NotImplemented:
            return bool(ok)
    for reg in cls.__dict__.get("_abc_registry", ()):
        if reg is subclass or _abc_subclasscheck(reg, subclass):
            return True
    for sub in cls.__subclasses__() if hasattr(cls, "__subclasses__") else ():
        if _abc_subclasscheck(sub, subclass):
            return True
    return False


class ABC:
    """Helper base class: derive from it to create an abstract base class."""
    __slots__ = ()

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        _abc_setup(cls)

    def __new__(cls, /, *args, **kwargs):
        abstracts = cls.__dict__.get("__abstractmethods__")
        if abstracts is None:
            # Class not set up through __init_subclass__ (e.g. attributes
            # changed afterwards); fall back to the inherited value.
            abstracts = getattr(cls, "__abstractmethods__", ())
        if abstracts:
            names = sorted(abstracts)
            raise TypeError(
                "Can't instantiate abstract class %s with abstract method%s %s"
                % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        nxt = super(ABC, cls).__new__
        if nxt is object.__new__:
            if (args or kwargs) and cls.__init__ is object.__init__:
                raise TypeError("%s() takes no arguments" % cls.__name__)
            return object.__new__(cls)
        return nxt(cls, *args, **kwargs)

    @classmethod
    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator.  Note:
        pystm's isinstance()/issubclass() do not consult the registry; use
        cls._abc_subclasscheck()/cls._abc_instancecheck() instead.
        """
        return _register(cls, subclass)

    @classmethod
    def _abc_subclasscheck(cls, subclass):
        return _abc_subclasscheck(cls, subclass)

    @classmethod
    def _abc_instancecheck(cls, instance):
        return _abc_subclasscheck(cls, type(instance))

    @classmethod
    def _dump_registry(cls, file=None):
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)
        print("_abc_registry: %r" % (cls.__dict__.get("_abc_registry", []),),
              file=file)


ABC.__abstractmethods__ = frozenset()
ABC._abc_registry = []


class ABCMeta:
    """Stand-in for CPython's ABCMeta.

    pystm has no custom metaclasses, so ``metaclass=ABCMeta`` is not
    possible.  ``ABCMeta(name, bases, namespace)`` returns a new class that
    derives from ``ABC`` (added to *bases* when missing), which gives it the
    abstract-method checks.  ``ABCMeta.register(cls, subclass)`` also works.
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        bases = tuple(bases)
        if not any(isinstance(b, type) and issubclass(b, ABC) for b in bases):
            bases = bases + (ABC,)
        return type(name, bases, dict(namespace), **kwargs)

    @staticmethod
    def register(cls, subclass):
        return _register(cls, subclass)

    @staticmethod
    def __subclasscheck__(cls, subclass):
        return _abc_subclasscheck(cls, subclass)

    @staticmethod
    def __instancecheck__(cls, instance):
        return _abc_subclasscheck(cls, type(instance))
