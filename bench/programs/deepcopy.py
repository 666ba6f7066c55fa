"""Deep copies: copy.deepcopy of dataclasses (defaults, default_factory fields, nested and frozen
dataclasses), of lists, dicts and tuples of them, of a structure with shared references and of a
cyclic one (the memo keeps sharing and cycles intact), plus shallow copy.copy; every copy is
checked to be independent of its original (after the "deepcopy" benchmark of the Python suites,
written for pystm). Each of T threads does the whole work (weak scaling). Usage: deepcopy.py
THREADS SIZE (SIZE: rounds). Prints a checksum every thread must agree on."""
# pystm-bench: scaling=weak size=1_800 quick=10
import copy
import sys
from dataclasses import FrozenInstanceError, dataclass, field, replace
from typing import Optional

from _threads import same_in_threads

MOD = 1_000_000_007


@dataclass(frozen=True)
class Point:
    x: int
    y: int

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


@dataclass
class Item:
    name: str
    qty: int = 1
    price: float = 0.0
    tags: list = field(default_factory=list)
    where: Point = Point(0, 0)

    @property
    def total(self):
        return self.qty * self.price


@dataclass
class Order:
    ident: int
    items: list = field(default_factory=list)
    notes: dict = field(default_factory=dict)
    shipping: tuple = ()
    parent: Optional["Order"] = None


class Node:
    """A plain class in a cycle: deepcopy must reproduce the cycle, not recurse forever."""

    def __init__(self, label):
        self.label = label
        self.next = None
        self.extra = {}


class Counted:
    """Custom __deepcopy__ / __copy__ hooks."""

    def __init__(self, values):
        self.values = values
        self.copies = 0

    def __deepcopy__(self, memo):
        c = Counted(copy.deepcopy(self.values, memo))
        c.copies = self.copies + 1
        return c

    def __copy__(self):
        c = Counted(self.values)
        c.copies = self.copies + 100
        return c


def make_order(r, k):
    items = [
        Item("item-%d-%d" % (r, j), qty=j + 1, price=(j * 1.25 + r % 7), tags=["t%d" % (j % 3), "k%d" % k],
             where=Point(j, k))
        for j in range(4)
    ]
    return Order(k, items, {"rush": k % 2 == 0, "codes": [r, k, r * k], "label": ("a", k)},
                 (Point(r, k), Point(k, r)))


def cycle(n):
    nodes = [Node(i) for i in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.next = b
        a.extra["self"] = a
    return nodes[0]


def fold_order(o, acc):
    acc = (acc * 31 + o.ident + len(o.notes) + len(o.shipping)) % MOD
    for it in o.items:
        acc = (acc * 7 + it.qty + int(it.total * 4) + len(it.tags) + it.where.x * 3 + it.where.y) % MOD
    return acc


def one_round(r, acc):
    orders = [make_order(r, k) for k in range(5)]
    orders[1].parent = orders[0]
    shared = ["shared", r]
    data = {"orders": orders, "a": shared, "b": shared, "pair": (shared, orders[0]), "frozen": (1, "two", 3.0)}

    dup = copy.deepcopy(data)
    # Structure and values survive; the memo keeps shared references shared.
    assert dup["orders"] == orders
    assert dup["orders"] is not orders and dup["orders"][0] is not orders[0]
    assert dup["a"] is dup["b"] and dup["a"] is not shared
    assert dup["pair"][0] is dup["a"] and dup["pair"][1] is dup["orders"][0]
    assert dup["orders"][1].parent is dup["orders"][0]
    assert dup["frozen"] is data["frozen"]  # an immutable tuple of atoms is not copied
    # Mutating the copy leaves the original alone.
    dup["orders"][0].items[0].tags.append("changed")
    dup["orders"][0].items[0].qty += 10
    dup["orders"][2].notes["codes"].append(-1)
    dup["a"].append("more")
    assert orders[0].items[0].tags == ["t0", "k0"] and orders[0].items[0].qty == 1
    assert len(orders[2].notes["codes"]) == 3 and shared == ["shared", r]
    assert dup["orders"] != orders
    for o in dup["orders"]:
        acc = fold_order(o, acc)

    # Shallow copies share their contents.
    o = orders[3]
    sc = copy.copy(o)
    assert sc is not o and sc.items is o.items and sc == o
    lst = copy.copy(orders)
    assert lst == orders and lst is not orders and lst[0] is orders[0]
    d2 = copy.copy(data)
    assert d2["orders"] is orders
    p = Point(r, r + 1)
    assert copy.deepcopy(p) == p and copy.copy(p) == p
    # Derived values of the frozen one: a method and dataclasses.replace.
    m = p.moved(2, 3)
    rp = replace(p, y=-r)
    assert rp.x == p.x and p.y == r + 1
    try:
        p.x = 0
    except FrozenInstanceError:
        acc += 1
    acc = (acc + m.x * m.y + rp.y) % MOD

    # A cycle.
    head = cycle(8 + r % 5)
    c = copy.deepcopy(head)
    n = 1
    node = c.next
    while node is not c:
        assert node.extra["self"] is node
        n += 1
        node = node.next
    assert n == 8 + r % 5 and c is not head and c.extra["self"] is c
    c.label = -1
    assert head.label == 0
    acc = (acc * 13 + n) % MOD

    # Custom hooks, inside containers.
    cnt = Counted([[r], {"k": r}])
    box = [cnt, cnt, (cnt,)]
    dbox = copy.deepcopy(box)
    assert dbox[0] is dbox[1] is dbox[2][0] and dbox[0].copies == 1
    dbox[0].values[0].append(5)
    assert cnt.values[0] == [r]
    sh = copy.copy(cnt)
    acc = (acc + dbox[0].copies + sh.copies + len(sh.values)) % MOD

    # Nested containers of dataclasses, deep copied from within a list.
    nested = [[orders[4], {"o": orders[4]}], (orders[4].items, set(range(r % 4)))]
    dn = copy.deepcopy(nested)
    assert dn[0][0] is dn[0][1]["o"] and dn[1][0] is dn[0][0].items
    return fold_order(dn[0][0], acc)


def compute(rounds):
    acc = 0
    for r in range(rounds):
        acc = one_round(r, acc)
    return "%d" % acc


def main(threads, rounds):
    print("checksum", same_in_threads(threads, compute, rounds))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1_800)
