import dataclasses
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, InitVar, MISSING, FrozenInstanceError,
                         KW_ONLY, make_dataclass)
import typing
from typing import ClassVar, List
from collections import namedtuple


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def define(label, fn):
    """Run a class definition that may fail."""
    try:
        fn()
        print(label, "defined")
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


@dataclass
class Point:
    x: int
    y: int


p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__doc__)
print(Point.__match_args__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__)
attempt("Point(1)", lambda: Point(1))
attempt("Point()", lambda: Point())
attempt("Point(1,2,3)", lambda: Point(1, 2, 3))
attempt("Point(1,y=2,z=3)", lambda: Point(1, y=2, z=3))
attempt("Point(1,x=2)", lambda: Point(1, x=2))
print(Point(y=5, x=4))
attempt("hash(p)", lambda: hash(p))
print(Point.__hash__)
p.x = 10
print(p)
print([f.name for f in fields(p)], [f.type for f in fields(Point)])
print(is_dataclass(p), is_dataclass(Point), is_dataclass(1), is_dataclass(int))


@dataclass
class Defaults:
    a: int
    b: str = "hi"
    c: list = field(default_factory=list)
    d: int = field(default=7, repr=False)
    e: float = field(default=0.5, compare=False)


d1 = Defaults(1)
d2 = Defaults(1, c=[1])
print(d1, d2, d1 == d2, Defaults(1, e=9.0) == d1)
d1.c.append(3)
print(d1.c, Defaults(2).c)
print(Defaults.b, Defaults.d, hasattr(Defaults, "c"), hasattr(Defaults, "a"))
print(Defaults.__doc__)

define("mutable list", lambda: dataclass(type("M", (), {"__annotations__": {"x": list}, "x": []})))


def mutable_dict():
    @dataclass
    class M:
        x: dict = {}


def mutable_set():
    @dataclass
    class M:
        y: int = 0
        x: set = set()


define("mutable dict", mutable_dict)
define("mutable set", mutable_set)


def bad_order():
    @dataclass
    class B:
        x: int = 0
        y: int


define("non-default after default", bad_order)


def both_defaults():
    @dataclass
    class B:
        x: list = field(default=1, default_factory=list)


define("default+factory", both_defaults)


def no_annotation():
    @dataclass
    class B:
        x: int
        y = field(default=1)


define("no annotation", no_annotation)


@dataclass(frozen=True)
class Frozen:
    name: str
    tags: tuple = ()


fz = Frozen("a", ("t",))
print(fz, hash(fz) == hash(Frozen("a", ("t",))))
try:
    fz.name = "b"
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del fz.name
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    fz.other = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print({fz: 1}[Frozen("a", ("t",))])


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9), Version(1, 0, "x"), Version(1, 0)]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) <= Version(2), Version(3) > Version(2, 9), Version(1) >= Version(1, 0, "z"))
attempt("Version(1) < 1", lambda: Version(1) < 1)
attempt("order no eq", lambda: dataclass(order=True, eq=False)(type("Z", (), {})))


def overwrite_lt():
    @dataclass(order=True)
    class O:
        x: int

        def __lt__(self, other):
            return True


define("overwrite __lt__", overwrite_lt)


@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: int = field(hash=False)
    c: int = field(compare=False, default=0)


print(hash(UH(1, 2)) == hash(UH(1, 3)), hash(UH(1, 2)) == hash((1,)))


@dataclass(eq=False)
class NoEq:
    a: int


n1 = NoEq(1)
print(n1 == NoEq(1), n1 == n1, type(hash(n1)).__name__)


@dataclass
class ExplicitHash:
    a: int

    def __hash__(self):
        return 99


print(hash(ExplicitHash(1)))


def uh_conflict():
    @dataclass(unsafe_hash=True)
    class U:
        a: int

        def __hash__(self):
            return 1


define("unsafe_hash conflict", uh_conflict)


# Inheritance and field ordering
@dataclass
class Base:
    x: int = 0
    y: int = 1


@dataclass
class Child(Base):
    z: int = 5
    x: int = 10


print(Child(), [f.name for f in fields(Child)], Child.__doc__)
print(Child(1, 2, 3))


@dataclass
class NotOverride:
    a: int

    def __repr__(self):
        return "custom"

    def __eq__(self, other):
        return "eq!"


print(repr(NotOverride(1)), NotOverride(1) == 3)


def frozen_mix():
    @dataclass(frozen=True)
    class F(Base):
        q: int = 0


def unfrozen_mix():
    @dataclass
    class F(Frozen):
        q: int = 0


define("frozen from non-frozen", frozen_mix)
define("non-frozen from frozen", unfrozen_mix)


# ClassVar / InitVar
@dataclass
class WithVars:
    a: int
    count: ClassVar[int] = 0
    tcount: typing.ClassVar = 3
    scale: InitVar[int] = 2
    scaled: int = field(init=False)

    def __post_init__(self, scale):
        self.scaled = self.a * scale
        WithVars.count += 1


w = WithVars(3)
print(w, WithVars(3, 5).scaled, WithVars.count, [f.name for f in fields(WithVars)])
print(sorted(WithVars.__dataclass_fields__))
print(WithVars.__dataclass_fields__["scale"]._field_type, WithVars.__dataclass_fields__["count"]._field_type)
print(WithVars.__doc__)
print(InitVar[int], InitVar[List[int]], InitVar("x").type)
attempt("replace initvar", lambda: replace(w, a=1))
print(replace(w, a=2, scale=10))


@dataclass
class StrAnn:
    a: "int"
    b: "ClassVar[int]" = 5
    c: "InitVar[str]" = "s"
    d: "dataclasses.InitVar[int]" = 1
    e: "typing.ClassVar[str]" = "cv"

    def __post_init__(self, c, d):
        self.extra = c * d


sa = StrAnn(1, "ab", 2)
print(sa, sa.extra, [f.name for f in fields(StrAnn)], StrAnn.b)


def classvar_factory():
    @dataclass
    class C:
        x: ClassVar[list] = field(default_factory=list)


define("classvar factory", classvar_factory)


# post_init without InitVar
@dataclass
class PI:
    a: int
    b: int = field(init=False, default=0)

    def __post_init__(self):
        self.b = self.a * 2


print(PI(4), "b" in PI.__init__.__code__.co_varnames)
attempt("PI(1, 2)", lambda: PI(1, 2))


# default_factory with init=False
@dataclass
class Fac:
    items: list = field(default_factory=list, init=False)
    n: int = 0


f1 = Fac(3)
f1.items.append(1)
print(f1, Fac())


# kw_only
@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2


print(KW(a=1), KW(b=3, a=4))
attempt("KW(1)", lambda: KW(1))
attempt("KW()", lambda: KW())
print(KW.__match_args__, KW.__doc__)


@dataclass
class KW2:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int


print(KW2(1, c=3), KW2.__match_args__, KW2.__doc__)
attempt("KW2(1, 2, 3)", lambda: KW2(1, 2, 3))


@dataclass
class KW3:
    x: int = 0
    y: int = field(kw_only=True)
    z: int = 9


print(KW3(y=1), KW3(1, 2, y=3))


@dataclass
class KWBase:
    a: int = 0
    b: int = field(kw_only=True, default=1)


@dataclass
class KWChild(KWBase):
    c: int = 2
    d: int = field(kw_only=True, default=3)


print(KWChild(10, 20, b=5, d=6), [f.name for f in fields(KWChild)], KWChild.__doc__)


def double_kwonly():
    @dataclass
    class D:
        a: int
        _: KW_ONLY
        __: KW_ONLY


define("double KW_ONLY", double_kwonly)


# metadata
@dataclass
class Meta:
    a: int = field(default=1, metadata={"unit": "m"})
    b: int = 2


fa, fb = fields(Meta)
print(fa.metadata["unit"], dict(fa.metadata), len(fb.metadata), fa.default, fb.default is not MISSING, fa.default_factory is MISSING)
print(fa.name, fa.type, fa.init, fa.repr, fa.hash, fa.compare, fa.kw_only)
try:
    fa.metadata["x"] = 1
except TypeError as e:
    print("TypeError metadata readonly")

# asdict / astuple
Pair = namedtuple("Pair", "l r")


@dataclass
class Inner:
    v: int
    tags: list = field(default_factory=list)


@dataclass
class Outer:
    name: str
    inner: Inner
    inners: list
    mapping: dict
    pair: tuple
    nt: Pair


o = Outer("o", Inner(1, ["a"]), [Inner(2), (Inner(3),)], {"k": Inner(4), Inner(5).v: [Inner(6)]}, (1, Inner(7)), Pair(Inner(8), 9))
print(asdict(o))
print(astuple(o))
ad = asdict(o)
print(ad["inner"]["tags"] is o.inner.tags, type(ad["nt"]).__name__)
print(asdict(Point(1, 2), dict_factory=lambda kv: list(kv)))
print(astuple(Point(1, 2), tuple_factory=list))
attempt("asdict(Point)", lambda: asdict(Point))
attempt("asdict(1)", lambda: asdict(1))
attempt("astuple([])", lambda: astuple([]))
attempt("fields(1)", lambda: fields(1))
attempt("fields(int)", lambda: fields(int))

# replace
print(replace(Point(1, 2), y=5), replace(fz, name="z"))
attempt("replace unknown", lambda: replace(Point(1, 2), q=1))
attempt("replace init=False", lambda: replace(PI(1), b=3))
attempt("replace non-dc", lambda: replace(1, a=2))

# recursive repr
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


root = Node(1)
root.children.append(root)
root.children.append(Node(2))
print(root)

# nested class qualname in repr
class Outer2:
    @dataclass
    class In:
        a: int = 1


print(Outer2.In(), Outer2.In.__init__.__qualname__)

# field named self
@dataclass
class Selfish:
    self: int
    other: int = 0


print(Selfish(1, 2), Selfish(self=5))

# init=False / repr=False / eq=False on class
@dataclass(init=False, repr=False)
class Manual:
    a: int = 1


m = Manual()
print(m.a, "Manual object" in repr(m), Manual() == Manual())

# descriptor default
class Desc:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return 100
        return getattr(obj, self.name, 100)

    def __set__(self, obj, value):
        setattr(obj, self.name, value)


@dataclass
class UsesDesc:
    d: Desc = Desc()


print(UsesDesc(), UsesDesc(5).d)


# slots
@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError on slot")


@dataclass(slots=True, frozen=True)
class SlottedFrozen:
    a: int


sf = SlottedFrozen(4)
print(sf, hash(sf) == hash(SlottedFrozen(4)))
try:
    sf.a = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)

# make_dataclass
MD = make_dataclass("MD", ["a", ("b", int), ("c", list, field(default_factory=list))], namespace={"total": lambda self: self.b + len(self.c)})
md = MD(1, 2)
print(md, md.total(), [f.type for f in fields(MD)], MD.__name__)
MD2 = make_dataclass("MD2", [("w", int, field(default=3))], bases=(Point,), order=True)
print(MD2(1, 2), MD2(1, 2, 5) < MD2(1, 2, 6))
attempt("make bad name", lambda: make_dataclass("X", ["1a"]))
attempt("make keyword", lambda: make_dataclass("X", ["for"]))
attempt("make dup", lambda: make_dataclass("X", ["a", ("a", int)]))
attempt("make invalid", lambda: make_dataclass("X", [("a", int, 1, 2)]))

# params
print(Point.__dataclass_params__.eq, Frozen.__dataclass_params__.frozen, Version.__dataclass_params__.order)

# eq with subclass instances
@dataclass
class P3(Point):
    pass


print(P3(1, 2) == Point(1, 2), P3(1, 2))

# dataclass on a class with __post_init__ inherited
@dataclass
class PIChild(PI):
    c: int = 1


print(PIChild(3))

# empty dataclass
@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty), Empty.__doc__)
attempt("Empty(1)", lambda: Empty(1))

# frozen subclass of frozen, setattr on non-field in subclass
@dataclass(frozen=True)
class Frozen2(Frozen):
    extra: int = 0


f2 = Frozen2("n")
print(f2)
try:
    f2.extra = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e)

# more edge cases
print(MD.__module__, Point.__module__)
print(sorted(k for k in Point.__init__.__annotations__), Point.__init__.__annotations__["return"])


@dataclass
class IV:
    a: int
    b: InitVar[int]

    def __post_init__(self, b):
        self.total = self.a + b


iv = IV(1, 2)
print(iv, iv.total)
attempt("replace IV", lambda: replace(iv, a=3))
print(replace(iv, b=10).total)


@dataclass(frozen=True)
class FrozenPost:
    a: int
    double: int = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "double", self.a * 2)


print(FrozenPost(4), FrozenPost(4) == FrozenPost(4), FrozenPost(4) == FrozenPost(5))

T = typing.TypeVar("T")


@dataclass
class GBox(typing.Generic[T]):
    item: T
    items: typing.List[T] = field(default_factory=list)


print(GBox(1), GBox[int](2), [f.type for f in fields(GBox)])


class Plain:
    pass


@dataclass
class FromPlain(Plain):
    a: int = 1


print(FromPlain(), FromPlain() == FromPlain(), FromPlain() == Plain())


@dataclass
class Opt:
    a: typing.Optional[int] = None
    b: typing.Dict[str, typing.List[int]] = field(default_factory=dict)


print(Opt(), Opt.__doc__)


@dataclass(repr=False, eq=False, init=False, match_args=False)
class Bare:
    x: int = 3


print(Bare.__dataclass_fields__["x"].default, "__match_args__" in Bare.__dict__, "__eq__" in Bare.__dict__)


@dataclass
class Tup:
    t: tuple = (1, [2, 3])
    fs: frozenset = frozenset({1})


tp = Tup()
print(asdict(tp), astuple(tp), asdict(tp)["t"] is tp.t)


@dataclass
class HasClassVarStr:
    x: "typing.ClassVar[int]" = 1
    y: "ClassVar" = 2
    z: int = 0


print([f.name for f in fields(HasClassVarStr)], HasClassVarStr(5))
attempt("compare diff classes", lambda: Point(1, 2) == Version(1, 2))
attempt("lt diff classes", lambda: Version(1) < Point(1, 2))
print(dataclasses.MISSING is MISSING, type(MISSING).__name__)
