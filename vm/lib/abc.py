"""Abstract Base Classes (ABCs) according to PEP 3119 -- pystm edition.

This is a pure-Python ``ABCMeta`` metaclass modelled on CPython's
``_py_abc`` module, with a few pystm-specific adjustments:

* Virtual-subclass registry and the positive/negative caches are plain
  ``set`` objects (pystm has no weak references), so registered classes and
  every class that was ever checked against an ABC are kept alive.
* ``type.__subclasses__`` does not exist in pystm, so ``ABCMeta`` keeps its
  own list of direct subclasses (``_abc_subclasses``) for the recursive part
  of ``__subclasscheck__``.  Only subclasses created through a metaclass
  derived from ``ABCMeta`` are recorded (that covers every class statement
  deriving from an ABC).
* pystm's ``object.__new__`` does not look at ``__abstractmethods__``, so
  ``ABCMeta.__call__`` refuses to instantiate a class that still has
  abstract methods (same message as CPython 3.11).  Like CPython, the check
  is skipped when the class is created by a builtin ``__new__`` other than
  ``object.__new__`` (e.g. ``class X(int, ABC)``).
* pystm's ``property``/``classmethod``/``staticmethod`` do not expose a
  computed ``__isabstractmethod__`` and cannot be subclassed, so abstractness
  is detected by looking inside them, and the deprecated
  ``abstractclassmethod``/``abstractstaticmethod``/``abstractproperty`` are
  factory functions returning the builtin descriptor.
"""

__all__ = [
    "ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
    "abstractstaticmethod", "abstractproperty", "get_cache_token",
    "update_abstractmethods",
]


def abstractmethod(funcobj):
    """A decorator indicating abstract methods.

    Requires that the metaclass is ABCMeta or derived from it.  A
    class that has a metaclass derived from ABCMeta cannot be
    instantiated unless all of its abstract methods are overridden.
    The abstract methods can be called using any of the normal
    'super' call mechanisms.  abstractmethod() may be used to declare
    abstract methods for properties and descriptors.

    Usage:

        class C(metaclass=ABCMeta):
            @abstractmethod
            def my_abstract_method(self, arg1, arg2, argN):
                ...
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


# pystm cannot subclass classmethod/staticmethod/property ("not an acceptable
# base type"), so the deprecated aliases are factory functions that return
# the builtin descriptor wrapping a callable marked abstract.

def abstractclassmethod(callable):
    """A decorator indicating abstract classmethods.

    Deprecated, use 'classmethod' with 'abstractmethod' instead:

        class C(ABC):
            @classmethod
            @abstractmethod
            def my_abstract_classmethod(cls, ...):
                ...

    """
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """A decorator indicating abstract staticmethods.

    Deprecated, use 'staticmethod' with 'abstractmethod' instead:

        class C(ABC):
            @staticmethod
            @abstractmethod
            def my_abstract_staticmethod(...):
                ...

    """
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """A decorator indicating abstract properties.

    Deprecated, use 'property' with 'abstractmethod' instead:

        class C(ABC):
            @property
            @abstractmethod
            def my_abstract_property(self):
                ...

    """
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


def _is_abstract(value):
    """True if *value* is marked abstract (``__isabstractmethod__``).

    pystm's property/classmethod/staticmethod do not compute
    ``__isabstractmethod__`` from the wrapped callables, so look inside.
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
    # bound methods do not forward attribute access in pystm
    func = getattr(value, "__func__", None)
    if func is not None and func is not value:
        return bool(getattr(func, "__isabstractmethod__", False))
    return False


def _lookup(cls, name):
    """Value of *name* on *cls* as ``getattr(cls, name, None)`` would find
    it, except that descriptors are returned raw (so that abstract
    classmethods/staticmethods are recognised)."""
    for klass in cls.__mro__:
        d = klass.__dict__
        if name in d:
            return d[name]
    return getattr(cls, name, None)


def _compute_abstracts(cls, namespace, bases):
    abstracts = set()
    for name, value in namespace.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(_lookup(cls, name)):
                abstracts.add(name)
    return frozenset(abstracts)


def _needs_abstract_check(cls):
    """CPython only refuses abstract classes in object.__new__; classes
    whose instances are made by another builtin __new__ (int, tuple, ...)
    are never checked.  Find the builtin __new__ that will finally run."""
    for klass in cls.__mro__:
        if klass is object:
            return True
        if "__new__" in klass.__dict__ and \
                getattr(klass, "__module__", None) == "builtins":
            return False
    return True


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs).

    Use this metaclass to create an ABC.  An ABC can be subclassed
    directly, and then acts as a mix-in class.  You can also register
    unrelated concrete classes (even built-in classes) and unrelated
    ABCs as 'virtual subclasses' -- these and their descendants will
    be considered subclasses of the registering ABC by the built-in
    issubclass() function, but the registering ABC won't show up in
    their MRO (Method Resolution Order) nor will method
    implementations defined by the registering ABC be callable (not
    even via super()).
    """

    # A global counter that is incremented each time a class is
    # registered as a virtual subclass of anything.  It forces the
    # negative cache to be cleared before its next use.
    # Note: this counter is private. Use `abc.get_cache_token()` for
    #       external code.
    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        # CPython's C ABCMeta consumes __abc_tpflags__ (pattern-matching
        # flags of Sequence/Mapping); pystm has no such flags.
        if '__abc_tpflags__' in cls.__dict__:
            delattr(cls, '__abc_tpflags__')
        # Compute set of abstract method names
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        # Set up inheritance registry (plain sets: no weakrefs in pystm)
        cls._abc_registry = set()
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        # pystm has no type.__subclasses__(): remember direct subclasses
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                subs = base.__dict__.get("_abc_subclasses")
                if subs is not None:
                    subs.append(cls)
        return cls

    def __call__(cls, /, *args, **kwargs):
        abstracts = getattr(cls, "__abstractmethods__", None)
        if abstracts and _needs_abstract_check(cls):
            names = sorted(abstracts)
            raise TypeError(
                "Can't instantiate abstract class %s with abstract method%s %s"
                % (cls.__name__, "s" if len(names) > 1 else "",
                   ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator.
        """
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        # Subtle: test for cycles *after* testing for "already a subclass";
        # this means we allow X.register(X) and interpret it as a no-op.
        if issubclass(cls, subclass):
            # This would create a cycle, which is bad for the algorithm below
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        ABCMeta._abc_invalidation_counter += 1  # Invalidate negative cache
        return subclass

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        for name in sorted(cls.__dict__):
            if name.startswith("_abc_") and name != "_abc_subclasses":
                value = getattr(cls, name)
                if isinstance(value, set):
                    value = set(value)
                print(f"{name}: {value!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        # Inline the cache checking (fast path: the instance's real type)
        subtype = type(instance)
        if subtype in cls._abc_cache:
            return True
        subclass = getattr(instance, '__class__', subtype)
        if subclass is subtype:
            if (cls._abc_negative_cache_version ==
                    ABCMeta._abc_invalidation_counter and
                    subtype in cls._abc_negative_cache):
                return False
            # Fall back to the subclass check.
            return cls.__subclasscheck__(subtype)
        if subclass in cls._abc_cache:
            return True
        if isinstance(subclass, type) and cls.__subclasscheck__(subclass):
            return True
        return cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        # Check cache
        if subclass in cls._abc_cache:
            return True
        # Check negative cache; may have to invalidate
        if cls._abc_negative_cache_version < ABCMeta._abc_invalidation_counter:
            # Invalidate the negative cache
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        elif subclass in cls._abc_negative_cache:
            return False
        # Check the subclass hook (pystm's object has no __subclasshook__)
        hook = getattr(cls, "__subclasshook__", None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            assert isinstance(ok, bool)
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        # Check if it's a direct subclass
        if cls in getattr(subclass, '__mro__', ()):
            cls._abc_cache.add(subclass)
            return True
        # Check if it's a subclass of a registered class (recursive)
        for rcls in list(cls._abc_registry):
            if issubclass(subclass, rcls):
                cls._abc_cache.add(subclass)
                return True
        # Check if it's a subclass of a subclass (recursive)
        for scls in list(cls.__dict__.get("_abc_subclasses", ())):
            if issubclass(subclass, scls):
                cls._abc_cache.add(subclass)
                return True
        # No dice; update negative cache
        cls._abc_negative_cache.add(subclass)
        return False

    # Compatibility with the metaclass-less pystm abc module.
    def _abc_subclasscheck(cls, subclass):
        return cls.__subclasscheck__(subclass)

    def _abc_instancecheck(cls, instance):
        return cls.__instancecheck__(instance)


def get_cache_token():
    """Returns the current ABC cache token.

    The token is an opaque object (supporting equality testing) identifying
    the current version of the ABC cache for virtual subclasses.  The token
    changes with every call to register() on any ABC.
    """
    return ABCMeta._abc_invalidation_counter


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class.

    If a class has had one of its abstract methods implemented after the
    class was created, the method will not be considered implemented until
    this function is called. Alternatively, if a new abstract method has been
    added to the class, it will only be considered an abstract method of the
    class after this function is called.

    This function should be called before any use is made of the class,
    usually in class decorators that add methods to the subject class.

    Returns cls, to allow usage as a class decorator.

    If cls is not an instance of ABCMeta, does nothing.
    """
    if not hasattr(cls, '__abstractmethods__'):
        # We check for __abstractmethods__ here because cls might by a C
        # implementation or a python implementation (especially during
        # testing), and we want to handle both cases.
        return cls

    abstracts = set()
    # Check the existing abstract methods of the parents, keep only the ones
    # that are not implemented.
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            if _is_abstract(_lookup(cls, name)):
                abstracts.add(name)
    # Also add any other newly added abstract methods.
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()
