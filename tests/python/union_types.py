"""PEP 604 unions (int | str) and PEP 585 generics (list[int]): annotations evaluated at def
time, isinstance/issubclass with a union, equality and hashing, typing interplay, classes
derived from a generic alias (__mro_entries__, __orig_bases__)."""
import types, typing
from typing import List, Dict
from typing import Optional, Union
def f(x: int | None = None, y: "str | None" = None) -> list[int] | None:
    return x
print(f(3), f.__annotations__)
u = int | str
print(u, repr(u), type(u), type(u) is types.UnionType, u.__args__, isinstance(3, u), isinstance("s", u), isinstance(1.5, u),
      issubclass(bool, u), isinstance(None, int | None), int | int, (int | str) == (str | int), hash(int | str) == hash(str | int),
      int | str | None, (int | str) | (float | None), None | int)
print(int | Optional[str], Optional[int] | str, Union[int, str] == Union[str, int])
try:
    int | 3
except TypeError as e:
    print("TypeError", e)
try:
    isinstance(3, 5)
except TypeError as e:
    print("TypeError", e)
class A: pass
print(A | None, int | A)
print(typing.get_args(Optional[int]))
x: list[int] = [1]
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], list[int]([1, 2]), list[int] == list[int])
class L(list[int]):
    pass
print(L([1]), L.__mro__, L.__bases__)
def g(a: dict[str, int] | None, b: tuple[int, ...] = ()) -> set[str]:
    return set()
print(g.__annotations__)
print(List[int], Dict[str, int], list[int].__origin__, list[int].__args__)
class M(list[int], metaclass=type):
    pass
print(M.__orig_bases__, M.__bases__, "__orig_bases__" in L.__dict__)
class Meta(type):
    def __or__(cls, other):
        return ("meta or", cls.__name__, other)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta | int, int | WithMeta)
