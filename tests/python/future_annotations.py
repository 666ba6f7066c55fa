"""doc"""
from __future__ import annotations
import dataclasses

class Tree:
    left: Tree | None
    def __init__(self, left: Tree | None = None, depth: int = 0) -> None:
        self.left = left
    def walk(self, f: Callable[[Tree], list[int]]) -> dict[str, "Tree"]:
        return {}

def g(x: UndefinedName, *args: int, **kw: str) -> Undefined2:
    return x

print(Tree.__annotations__, Tree.__init__.__annotations__, Tree.walk.__annotations__)
print(g.__annotations__, g(3))
print(__annotations__ if '__annotations__' in dir() else 'no module annotations')
x: SomethingElse = 5
print(__annotations__)

@dataclasses.dataclass
class P:
    x: int
    y: list[Tree] = dataclasses.field(default_factory=list)
print(P(1), dataclasses.fields(P)[0].type)
