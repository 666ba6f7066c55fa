"""The primitives of weak references (pystm), under CPython's ``weakref`` module and its
``WeakSet``, ``WeakValueDictionary``, ``WeakKeyDictionary`` and ``finalize``.

NOT WEAK YET: pystm's collector has no weak references, so a reference made here holds its
referent strongly. What works: every API, the type checks, equality and hashing of references,
the containers (as ordinary containers). What does not: an object referred to only weakly is
never freed, so ``ref()`` never returns None, callbacks never run, and entries never vanish from
the weak containers. Programs that use weak references for caches or registries run (with the
memory those objects keep); programs that wait for a referent to die see it live on.
"""

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "ReferenceType", "ProxyType",
           "CallableProxyType", "_remove_dead_weakref"]

# Referent id -> the references to it (for getweakrefcount/getweakrefs).
_refs = {}

_UNHASHABLE = object()


class ReferenceType:
    """A (here: strong) reference to an object, called to get the object."""

    __slots__ = ("_obj", "__callback__", "_hash", "__weakref__")

    def __new__(cls, ob, callback=None, /, *args, **kwargs):
        self = object.__new__(cls)
        self._obj = ob
        self.__callback__ = callback
        self._hash = None
        _refs.setdefault(id(ob), []).append(self)
        return self

    def __init__(self, ob, callback=None, /, *args, **kwargs):
        pass

    def __call__(self):
        return self._obj

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._obj)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._obj == other._obj

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._obj != other._obj

    def __repr__(self):
        o = self._obj
        name = getattr(type(o), "__name__", "?")
        return "<weakref at 0x%x; to '%s' at 0x%x>" % (id(self), name, id(o))

    def __class_getitem__(cls, item):
        return cls


ReferenceType.__name__ = ReferenceType.__qualname__ = "ReferenceType"
ReferenceType.__module__ = "weakref"
ref = ReferenceType


class ProxyType:
    """A proxy to an object: attribute access and operators go to the object."""

    __slots__ = ("_obj", "__callback__")

    def __init__(self, ob, callback=None):
        object.__setattr__(self, "_obj", ob)
        object.__setattr__(self, "__callback__", callback)
        _refs.setdefault(id(ob), []).append(self)

    def __getattr__(self, name):
        return getattr(object.__getattribute__(self, "_obj"), name)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, "_obj"), name, value)

    def __delattr__(self, name):
        delattr(object.__getattribute__(self, "_obj"), name)

    def __repr__(self):
        o = object.__getattribute__(self, "_obj")
        return "<weakproxy at 0x%x; to '%s' at 0x%x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(object.__getattribute__(self, "_obj"))

    def __bool__(self):
        return bool(object.__getattribute__(self, "_obj"))

    def __len__(self):
        return len(object.__getattribute__(self, "_obj"))

    def __iter__(self):
        return iter(object.__getattribute__(self, "_obj"))

    def __getitem__(self, k):
        return object.__getattribute__(self, "_obj")[k]

    def __setitem__(self, k, v):
        object.__getattribute__(self, "_obj")[k] = v

    def __contains__(self, k):
        return k in object.__getattribute__(self, "_obj")

    def __eq__(self, other):
        return object.__getattribute__(self, "_obj") == other

    __hash__ = None


class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return object.__getattribute__(self, "_obj")(*args, **kwargs)


def proxy(ob, callback=None):
    """A proxy to ob: attribute access and operators go to ob."""
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


def getweakrefcount(ob):
    return len(_refs.get(id(ob), ()))


def getweakrefs(ob):
    return list(_refs.get(id(ob), ()))


def _remove_dead_weakref(d, key):
    """Remove key from d if its value is a dead weak reference (none are, here)."""
    try:
        wr = d[key]
    except KeyError:
        return
    if wr() is None:
        del d[key]
