# Small standard modules shipped unmodified from CPython 3.11: fnmatch, difflib, shlex, getopt,
# reprlib, graphlib, colorsys, sched, timeit.
import colorsys
import difflib
import fnmatch
import getopt
import graphlib
import reprlib
import sched
import shlex
import timeit

names = ["data.txt", "Data.TXT", "notes.md", "a1.py", "ab.py", "x/y.py", ".hidden"]
print(fnmatch.filter(names, "*.py"), fnmatch.fnmatch("Data.TXT", "*.txt"), fnmatch.fnmatchcase("Data.TXT", "*.txt"))
print(fnmatch.filter(names, "a[0-9].py"), fnmatch.filter(names, "[!a]*"), fnmatch.translate("*.p?[xy]"))

a = "the quick brown fox jumps over the lazy dog".split()
b = "the quick red fox jumped over the very lazy dog".split()
print(list(difflib.unified_diff(a, b, "before", "after", lineterm="")))
print(list(difflib.ndiff(["one\n", "two\n", "three\n"], ["one\n", "tree\n", "three\n", "four\n"])))
sm = difflib.SequenceMatcher(None, "abcdefgh", "abxdefyh")
print(round(sm.ratio(), 6), sm.get_matching_blocks(), sm.get_opcodes())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(list(difflib.context_diff(["a\n", "b\n"], ["a\n", "c\n"], "x", "y")))

print(shlex.split('cmd --name "John Smith" \'single quoted\' esc\\ aped # comment', comments=True))
print(shlex.quote("it's here"), shlex.quote("plain"), shlex.join(["a b", "c", "d'e"]))
lex = shlex.shlex("a=1, b='two words'; c", posix=True)
lex.whitespace_split = False
print(list(lex))

opts, rest = getopt.getopt(["-a", "-b", "val", "--long=x", "--flag", "file1", "file2"], "ab:", ["long=", "flag"])
print(opts, rest)
print(getopt.gnu_getopt(["file", "-a", "--flag", "more"], "a", ["flag"]))
try:
    getopt.getopt(["-z"], "ab:")
except getopt.GetoptError as e:
    print("GetoptError", e, e.opt)

print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(20)}))
r = reprlib.Repr()
r.maxlist = 3
print(r.repr([1, 2, 3, 4, 5]), r.repr(set(range(10))) != "")


class Node:
    def __init__(self):
        self.child = self

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % (self.child,)


print(repr(Node()))

ts = graphlib.TopologicalSorter({"d": {"b", "c"}, "c": {"a"}, "b": {"a"}, "e": set()})
order = list(ts.static_order())
print(order.index("a") < order.index("b") < order.index("d"), order.index("c") < order.index("d"), len(order))
ts = graphlib.TopologicalSorter()
ts.add(3, 2, 1)
ts.add(2, 1)
ts.prepare()
steps = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    steps.append(ready)
    ts.done(*ready)
print(steps)
try:
    list(graphlib.TopologicalSorter({1: {2}, 2: {1}}).static_order())
except graphlib.CycleError as e:
    print("CycleError", e.args[0], sorted(e.args[1]))

for rgb in [(0.2, 0.4, 0.4), (1.0, 0.0, 0.0), (0.5, 0.5, 0.5)]:
    h = colorsys.rgb_to_hsv(*rgb)
    print([round(x, 6) for x in h], [round(x, 6) for x in colorsys.hsv_to_rgb(*h)],
          [round(x, 6) for x in colorsys.rgb_to_hls(*rgb)], [round(x, 6) for x in colorsys.rgb_to_yiq(*rgb)])

clock = [0.0]
log = []
s = sched.scheduler(lambda: clock[0], lambda d: clock.__setitem__(0, clock[0] + d))
s.enter(5, 1, log.append, ("five",))
s.enter(1, 2, log.append, ("one, low priority",))
s.enter(1, 1, log.append, ("one",))
ev = s.enter(3, 1, log.append, ("cancelled",))
s.enterabs(2, 1, log.append, argument=("absolute two",))
s.cancel(ev)
print(len(s.queue), s.empty())
s.run()
print(log, clock[0], s.empty())

t = timeit.Timer("sum(range(100))")
n = t.timeit(number=50)
print(n >= 0, len(t.repeat(repeat=3, number=10)), timeit.timeit("x = 1", number=100) >= 0)
print(timeit.Timer(lambda: None).autorange()[0] >= 1)
try:
    timeit.Timer("return")
except SyntaxError as e:
    print("SyntaxError", type(e).__name__)
