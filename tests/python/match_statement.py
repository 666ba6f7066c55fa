"""The match statement (PEP 634): every kind of pattern, guards, bindings in each scope, the
runtime rules of class and mapping patterns, and the compile-time errors CPython reports."""
import collections
import collections.abc
from dataclasses import dataclass
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


@dataclass
class Box:
    w: int
    h: int = 1


Pair = collections.namedtuple("Pair", "left right")


def classify(o):
    match o:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case "hello" | b"bytes":
            return "greeting %r" % (o,)
        case int(n) if n > 100:
            return "big int %d" % n
        case int() | float() as num:
            return "number %r" % (num,)
        case str(s):
            return "str of %d" % len(s)
        case Color.RED:
            return "red"
        case Color():
            return "another color %s" % o.name
        case []:
            return "empty sequence"
        case [x]:
            return "one item %r" % (x,)
        case [1, *middle, 9]:
            return "1..9 around %r" % (middle,)
        case [first, *_, last] if first == last:
            return "same ends %r" % (first,)
        case (a, b, *rest):
            return "seq %r %r +%d" % (a, b, len(rest))
        case {"type": "circle", "r": r}:
            return "circle r=%r" % (r,)
        case {"type": t, **others} if others:
            return "shape %s with %s" % (t, sorted(others))
        case {}:
            return "some mapping of %d" % len(o)
        case Point(0, 0):
            return "origin"
        case Point(x, 0) | Point(0, x):
            return "on an axis at %r" % (x,)
        case Point(x=px, y=Point() as inner):
            return "nested point %r %r" % (px, inner.x)
        case Point(x, y):
            return "point %r,%r" % (x, y)
        case Box(w, h=1):
            return "flat box %r" % (w,)
        case Box(w, h):
            return "box %rx%r" % (w, h)
        case _:
            return "other " + type(o).__name__


for value in [None, True, False, 0, 0.0, -1, "hello", b"bytes", 1000, 7, 2.5, "text", Color.RED, Color.GREEN,
              [], (), [5], (6,), [1, 2, 3, 9], [1, 9], [4, 0, 4], [4, 5, 6, 7], (8, 9), range(3), "ab",
              {"type": "circle", "r": 2}, {"type": "square", "side": 3, "color": "red"}, {"type": "dot"}, {},
              Point(0, 0), Point(3, 0), Point(0, 4), Point(1, Point(2, 3)), Point(5, 6), Box(3), Box(2, 5),
              Pair(1, 2), collections.deque([1, 2, 3]), {1, 2}, object]:
    print(repr(value)[:30].ljust(30), "->", classify(value))


# Named tuples and dataclasses get __match_args__.
def pair_parts(p):
    match p:
        case Pair(left=l, right=r) if l < r:
            return ("ordered", l, r)
        case Pair(l, r):
            return ("pair", l, r)


print(pair_parts(Pair(1, 2)), pair_parts(Pair(3, 2)), Box.__match_args__, Pair.__match_args__)


# Mappings other than dicts: a Mapping subclass, a dict subclass with its own get().
class Env(collections.abc.Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


class Loud(dict):
    def get(self, k, default=None):
        print("  get", k)
        return dict.get(self, k, default)


for m in [Env(a=1, b=2), Loud(a=3), Env(), Loud(a=1, b=2, c=3)]:
    match m:
        case {"a": 1, **rest}:
            print(type(m).__name__, "a=1 rest", rest)
        case {"a": a}:
            print(type(m).__name__, "a", a)
        case _:
            print(type(m).__name__, "no a")


# A Sequence subclass matches sequence patterns; str, bytes and iterators do not.
class Seq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


for s in [Seq(1, 2), Seq(), "xy", b"xy", iter([1, 2]), bytes(2)]:
    match s:
        case [a, b]:
            print("two:", a, b)
        case []:
            print("empty")
        case _:
            print("not a sequence:", type(s).__name__)


# The subject is evaluated once; bindings in module scope, in functions and in closures.
calls = []


def subject():
    calls.append(1)
    return [1, [2, 3]]


match subject():
    case [1, [x, y]] if x > 5:
        print("no")
    case [1, [x, y]]:
        print("module scope", x, y)
print("subject evaluated", len(calls), "time(s)")


def make_getter(v):
    match v:
        case {"k": found}:
            return lambda: found
    return lambda: None


print(make_getter({"k": "closure"})(), make_getter({})())


# match in loops: break, continue and return from inside a case; in a generator.
def commands(lines):
    for line in lines:
        match line.split():
            case ["quit"]:
                yield "bye"
                return
            case ["skip", *_]:
                continue
            case ["go", direction] if direction in ("north", "south"):
                yield "going " + direction
            case ["go", _]:
                yield "cannot go there"
            case ["add", *nums]:
                yield str(sum(int(n) for n in nums))
            case _:
                yield "unknown: " + line


print(list(commands(["go north", "skip this", "go up", "add 1 2 3", "fly", "quit", "go south"])))

total = 0
for item in [1, "a", [2, 3], {"n": 4}, None, 5]:
    match item:
        case int(n):
            total += n
        case [int(a), int(b)]:
            total += a * b
        case {"n": int(n)}:
            total += 10 * n
        case None:
            break
print("total", total)


# Runtime errors of class patterns and mapping keys.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class NotStr:
    __match_args__ = (1,)


class Dup:
    __match_args__ = ("x",)
    x = 1


class Keys:
    A = "a"


not_a_class = len
def classify_with(o, kind):
    match kind:
        case "noargs":
            match o:
                case NoArgs(1):
                    return "matched"
        case "badargs":
            match o:
                case BadArgs(1):
                    return "matched"
        case "notstr":
            match o:
                case NotStr(1):
                    return "matched"
        case "dup":
            match o:
                case Dup(1, x=1):
                    return "matched"
        case "notclass":
            match o:
                case not_a_class():
                    return "matched"
        case "int2":
            match o:
                case int(1, 2):
                    return "matched"
        case "dupkey":
            match o:
                case {"a": 1, Keys.A: 1}:
                    return "matched"
    return "no match"


for label, thunk in [
    ("too many", lambda: classify_with(NoArgs(), "noargs")),
    ("list args", lambda: classify_with(BadArgs(), "badargs")),
    ("non-str", lambda: classify_with(NotStr(), "notstr")),
    ("dup attr", lambda: classify_with(Dup(), "dup")),
    ("not a class", lambda: classify_with(1, "notclass")),
    ("int(1, 2)", lambda: classify_with(5, "int2")),
    ("dup key", lambda: classify_with({"a": 1, "b": 2}, "dupkey")),
]:
    try:
        print(label, "->", thunk())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__, e)



# Compile-time errors.
for src in ["match x:\n case y:\n  pass\n case 2:\n  pass",
            "match x:\n case _:\n  pass\n case 2:\n  pass",
            "match x:\n case [a, a]:\n  pass",
            "match x:\n case [a] | (b,):\n  pass",
            "match x:\n case a | 1:\n  pass",
            "match x:\n case C(a=1, a=2):\n  pass",
            "match x:\n case {'k': 1, 'k': 2}:\n  pass",
            "match x:\n case {**r, 'k': 1}:\n  pass",
            "match x:\n case y if y:\n  pass\n case z:\n  pass"]:
    try:
        compile(src, "<match>", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "| line", e.lineno)

# `match` and `case` stay ordinary names.
match = [1, 2]
case = match[0]
print(match, case)

# SyntaxError's fields and str().
for args in [("msg", ("/some/dir/file.py", 3, 4, "text")), ("msg", (None, 3, 4, "t", 3, 6)), ("only",), ()]:
    e = SyntaxError(*args)
    print(repr(str(e)), e.msg, e.filename, e.lineno, e.offset, e.end_offset)
try:
    compile("match x:\n case _:\n  pass\n case 1:\n  pass", "/dir/prog.py", "exec")
except SyntaxError as e:
    print(str(e), "|", e.offset)
