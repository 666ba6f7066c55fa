import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet,
                    Callable, Iterable, Iterator, Sequence, Mapping, Type,
                    TypeVar, Generic, Protocol, ClassVar, Final, Literal,
                    NamedTuple, TypedDict, cast, overload, no_type_check,
                    TYPE_CHECKING, get_type_hints, NoReturn, Annotated,
                    get_origin, get_args, ForwardRef, NewType, AnyStr, Text,
                    DefaultDict, Deque, Counter, OrderedDict, ChainMap,
                    Generator, Hashable, Sized, Collection, Container,
                    MutableMapping, MutableSequence, AbstractSet, Awaitable,
                    runtime_checkable, final, Never, Self, LiteralString,
                    TypeAlias, Required, NotRequired, is_typeddict,
                    assert_never, ParamSpec, Concatenate, TypeGuard)


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(TYPE_CHECKING)
T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
T_co = TypeVar("T_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
N = TypeVar("N", int, float)
B = TypeVar("B", bound=Sequence[int])

# reprs
for obj in [Any, NoReturn, Never, Self, LiteralString, TypeAlias, ClassVar,
            Final, Union, Optional, Literal, Annotated, List, Dict, Tuple,
            Set, FrozenSet, Callable, Iterable, Iterator, Sequence, Mapping,
            Type, DefaultDict, Deque, Counter, OrderedDict, ChainMap,
            Generator, Hashable, Sized, Collection, Container,
            MutableMapping, MutableSequence, AbstractSet, Awaitable,
            Concatenate, TypeGuard, Required, NotRequired]:
    print(repr(obj))

print(T, T_co, T_contra, N, B, N.__constraints__, B.__bound__, T.__name__,
      T_co.__covariant__, T_contra.__contravariant__, T.__bound__, T.__constraints__)
print(AnyStr, AnyStr.__constraints__, Text)

for obj in [List[int], List[List[str]], Dict[str, int], Dict[str, List[T]],
            Tuple[int, ...], Tuple[()], Tuple[int, str, None],
            Set[bytes], FrozenSet[int], Type[int], Type[Any], Iterable[T],
            Iterator[int], Sequence[float], Mapping[str, Any],
            Callable[[int, str], float], Callable[..., int],
            Callable[[], None], Callable[[List[int]], Dict[str, T]],
            Optional[int], Optional[List[int]], Union[int, str],
            Union[int, None, str], Union[int, Union[str, bytes]],
            Union[int, int], Union[int], Optional[Optional[int]],
            Literal[1, "a", None, True], Literal["x"], ClassVar[int],
            ClassVar[List[int]], Final[int], Annotated[int, "meta", 3],
            Annotated[Annotated[int, "a"], "b"], List["Forward"],
            Dict["K", "V"], DefaultDict[str, int], Deque[int],
            Generator[int, None, None], Counter[str], List[Tuple[int, ...]],
            Optional[Callable[..., Any]], TypeGuard[int], Required[int]]:
    print(repr(obj))

# equality / hashing
print(List[int] == List[int], List[int] == List[str], List[int] == list,
      hash(List[int]) == hash(List[int]))
print(Union[int, str] == Union[str, int], Union[int, str] == Union[int, str, int],
      Optional[int] == Union[None, int], Union[int, str] == Union[int, bytes])
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True],
      Literal[1, 1, 2] == Literal[1, 2], Literal[1, 1, 2])
print(Callable[[int], str] == Callable[[int], str], Tuple[int] == Tuple[int])
print(len({List[int], List[int], Dict[str, int]}))
print(Union[int, str] | None, Optional[int] | str, int | List[int],
      List[int] | None, None | List[str])

# get_origin / get_args
for obj in [List[int], Dict[str, int], Union[int, str], Optional[int],
            Callable[[int], str], Callable[..., str], Tuple[int, ...],
            Annotated[int, "x"], Literal[1, 2], ClassVar[int], List, int,
            Generic, Type[str], Final[int], Tuple[()]]:
    print(repr(obj), "|", get_origin(obj), "|", get_args(obj))

# substitution
print(List[T][int], Dict[K, V][str, int], Dict[str, T][List[int]],
      Callable[[T], K][int, str], Tuple[T, ...][bytes], Optional[T][int],
      Union[T, int][str], Union[T, int][int])
print(Dict[K, V].__parameters__, List[int].__parameters__,
      Callable[[T], K].__parameters__)
attempt("List[T][int, str]", lambda: List[T][int, str])
attempt("List[int][str]", lambda: List[int][str])
attempt("Dict[K, V][int]", lambda: Dict[K, V][int])

# errors
attempt("List[int, str]", lambda: List[int, str])
attempt("Dict[int]", lambda: Dict[int])
attempt("List[1]", lambda: List[1])
attempt("Union[()]", lambda: Union[()])
attempt("Union[int, 3]", lambda: Union[int, 3])
attempt("Optional[int, str]", lambda: Optional[int, str])
attempt("ClassVar[int, str]", lambda: ClassVar[int, str])
attempt("List[ClassVar[int]]", lambda: List[ClassVar[int]])
attempt("Any[int]", lambda: Any[int])
attempt("NoReturn[int]", lambda: NoReturn[int])
attempt("Annotated[int]", lambda: Annotated[int])
attempt("Callable[int]", lambda: Callable[int])
attempt("Callable[int, str]", lambda: Callable[int, str])
attempt("Callable[(int, str), float]", lambda: Callable[(int, str), float])
attempt("List[Final]", lambda: List[Final])
attempt("List[Generic]", lambda: List[Generic])
attempt("Union[ClassVar[int], int]", lambda: Union[ClassVar[int], int])
attempt("Optional[Final[int]]", lambda: Optional[Final[int]])
attempt("Literal[[1]]", lambda: Literal[[1]])
attempt("List[()]", lambda: List[()])
attempt("Tuple[int, ...][()]", lambda: Tuple[int, ...][()])
attempt("Union[int, str][int]", lambda: Union[int, str][int])
attempt("Annotated()", lambda: Annotated())
attempt("Annotated[int, 1].__metadata__", lambda: Annotated[int, 1].__metadata__)
attempt("Any()", lambda: Any())
attempt("Union()", lambda: Union())
attempt("List()", lambda: List())
attempt("Dict()", lambda: Dict())
attempt("List[int]()", lambda: List[int]())
attempt("DefaultDict[str, int]()", lambda: DefaultDict[str, int]())
attempt("TypeVar one constraint", lambda: TypeVar("X", int))
attempt("TypeVar bivariant", lambda: TypeVar("X", covariant=True, contravariant=True))
attempt("TypeVar bound+constraints", lambda: TypeVar("X", int, str, bound=int))
attempt("ForwardRef(1)", lambda: ForwardRef(1))
attempt("ForwardRef bad", lambda: ForwardRef("a b"))
attempt("Generic[int]", lambda: Generic[int])
attempt("Generic[T, T]", lambda: Generic[T, T])
attempt("Generic[()]", lambda: Generic[()])
attempt("Generic()", lambda: type(Generic()).__name__)
print(ForwardRef("int"), ForwardRef("int") == ForwardRef("int"),
      List["int"] == List[ForwardRef("int")])

# Generic user classes
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


b = Box(1)
bi = Box[int](2)
print(b.get(), bi.get(), type(bi).__name__, isinstance(bi, Box),
      Box.__parameters__, get_args(Box[int]), get_origin(Box[int]) is Box,
      Box[int] is Box[int], Box[int] == Box[int])
attempt("Box[int, str]", lambda: Box[int, str])


class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v


print(Pair.__parameters__, Pair[str, int]("a", 1).v, get_args(Pair[str, List[int]]))


class IntBox(Box[int]):
    pass


print(IntBox(7).get(), isinstance(IntBox(7), Box), IntBox.__parameters__)


class Sub(Box[T], Generic[T]):
    pass


print(Sub.__parameters__, Sub("s").get())


def bad_generic():
    class Bad(Box[T], Generic[K]):
        pass


attempt("type vars not listed", bad_generic)


class MultiBase(Pair[str, V]):
    pass


print(MultiBase.__parameters__, MultiBase("k", 2).v)


# Protocol
class SupportsClose(Protocol):
    def close(self) -> None:
        ...


class Resource:
    def close(self) -> None:
        print("closed")


Resource().close()
attempt("SupportsClose()", lambda: SupportsClose())


class ExplicitImpl(SupportsClose):
    def __init__(self, x):
        self.x = x


print(ExplicitImpl(5).x)


@runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int:
        ...


print(HasLen._is_runtime_protocol, HasLen._is_protocol, ExplicitImpl._is_protocol)
attempt("runtime_checkable non-protocol", lambda: runtime_checkable(Resource))


class GenProto(Protocol[T_co]):
    def get(self) -> T_co:
        ...


print(GenProto.__parameters__)


# NamedTuple
class Employee(NamedTuple):
    name: str
    id: int = 3

    def describe(self):
        return "%s#%d" % (self.name, self.id)

    def __str__(self):
        return "<Employee %s>" % self.name


e = Employee("Guido")
print(e, repr(e), e.describe(), e.id, e[0], tuple(e), isinstance(e, tuple))
print(Employee._fields, Employee._field_defaults, Employee.__annotations__)
print(e._replace(id=5), Employee._make(["x", 9]), e._asdict(), len(e))
print(Employee("a", 1) == ("a", 1), hash(e) == hash(("Guido", 3)))
attempt("Employee()", lambda: Employee())
attempt("Employee(1,2,3)", lambda: Employee(1, 2, 3))
try:
    e.name = "z"
except AttributeError:
    print("AttributeError on assignment")

Point2 = NamedTuple("Point2", [("x", int), ("y", float)])
print(Point2(1, 2.5), Point2._fields, Point2.__annotations__, Point2.__name__)
Point3 = NamedTuple("Point3", x=int, y=int)
print(Point3(3, 4), Point3._fields)


def nt_bad_default():
    class Bad(NamedTuple):
        a: int = 1
        b: int


def nt_bad_defaults():
    class Bad(NamedTuple):
        a: int = 1
        c: int = 2
        b: int


def nt_overwrite():
    class Bad(NamedTuple):
        a: int

        def _asdict(self):
            return {}


attempt("nt default order", nt_bad_default)
attempt("nt default order 2", nt_bad_defaults)
attempt("nt overwrite", nt_overwrite)


# TypedDict
class Movie(TypedDict):
    name: str
    year: int


class PartialMovie(TypedDict, total=False):
    name: str
    rating: float


class Extended(Movie, total=False):
    director: str


m = Movie(name="Blade Runner", year=1982)
print(m, type(m), m == {"name": "Blade Runner", "year": 1982})
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
print(sorted(PartialMovie.__required_keys__), sorted(PartialMovie.__optional_keys__), PartialMovie.__total__)
print(sorted(Extended.__required_keys__), sorted(Extended.__optional_keys__), list(Extended.__annotations__))
print(Movie.__annotations__)
Alt = TypedDict("Alt", {"a": int, "b": str})
AltP = TypedDict("AltP", {"a": int}, total=False)
print(Alt(a=1, b="x"), sorted(Alt.__required_keys__), sorted(AltP.__optional_keys__), Alt.__name__)
print(is_typeddict(Movie), is_typeddict(dict), is_typeddict(Alt), is_typeddict(m))


class WithReq(TypedDict, total=False):
    a: Required[int]
    b: int


class WithNotReq(TypedDict):
    a: NotRequired[int]
    b: int


print(sorted(WithReq.__required_keys__), sorted(WithReq.__optional_keys__),
      sorted(WithNotReq.__required_keys__), sorted(WithNotReq.__optional_keys__))


def td_bad_base():
    class Bad(TypedDict, int):
        a: int


attempt("TypedDict bad base", td_bad_base)

# cast / overload / final / no_type_check / NewType
print(cast(int, "not an int"), cast("List[int]", [1]), cast(List[int], None))


@overload
def process(x: int) -> int:
    ...


@overload
def process(x: str) -> str:
    ...


def process(x):
    return x * 2


print(process(2), process("ab"), len(typing.get_overloads(process)))


@overload
def only_overload(x: int) -> int:
    ...


attempt("call overload", lambda: only_overload(1))
typing.clear_overloads()
print(typing.get_overloads(process))


@final
class Leaf:
    @final
    def m(self):
        pass


print(Leaf.__final__, Leaf.m.__final__)


@no_type_check
def untyped(a: "not a type") -> "nope":
    return a


print(untyped.__no_type_check__, get_type_hints(untyped), untyped(5))

UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__, UserId.__supertype__, type(UserId(5)))
attempt("assert_never", lambda: assert_never(3))
print(typing.assert_type(5, int))

# get_type_hints
class Node:
    value: int
    next: "Optional[Node]"
    children: List["Node"]
    meta: Annotated[str, "doc"]
    count: ClassVar[int] = 0
    nothing: None


def func(a: int, b: "str" = "x", *args: "Node", c: Optional["Node"] = None,
         **kw: float) -> "List[int]":
    pass


hints = get_type_hints(Node)
print(list(hints))
for k, v in hints.items():
    print(" ", k, v)
print(get_type_hints(Node, include_extras=True)["meta"])
print(sorted(get_type_hints(func).items()))
print(get_type_hints(func, include_extras=True)["return"])


class DerivedNode(Node):
    extra: Dict[str, "DerivedNode"]


print(list(get_type_hints(DerivedNode)), get_type_hints(DerivedNode)["extra"])


def no_hints(a, b):
    pass


print(get_type_hints(no_hints), get_type_hints(lambda x: x))
attempt("get_type_hints(1)", lambda: get_type_hints(1))
attempt("get_type_hints undefined", lambda: get_type_hints(type("U", (), {"__annotations__": {"a": "Undefined"}, "__module__": __name__})))
print(get_type_hints(type("L", (), {"__annotations__": {"a": "LocalThing"}, "__module__": __name__}), localns={"LocalThing": bytes}))

# ParamSpec basics
P = ParamSpec("P")
print(P, P.args, P.kwargs, P.__name__, Callable[P, int], Callable[Concatenate[int, P], int])

# misc
print(typing.Text is str, typing.TYPE_CHECKING, typing.Hashable, typing.SupportsInt.__name__)
print(typing.IO.__name__, typing.TextIO.__name__, typing.BinaryIO.__name__)
print(sorted(n for n in ["Any", "List", "cast", "overload", "NamedTuple", "TypedDict"] if n in typing.__all__))
