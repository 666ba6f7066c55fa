# Sets and frozensets: operators and methods. Sets are printed sorted, since their
# iteration order depends on hashing.

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(3 in a, 9 in a, 9 not in a, len(a), len(set()), set(), repr(set()), frozenset(), {1} == {1}, {1} == frozenset({1}))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a, {1, 2}.issubset(a), a.issuperset([1, 2]), a.isdisjoint({7, 8}), a.isdisjoint(b))

# Mutation methods
s = set()
s.add(3)
s.add(1)
s.add(3)   # duplicates ignored
print(sorted(s), len(s))
s.update([5, 6], (7,), "x")
print(sorted(s, key=str))
s.discard(99)   # no error
s.discard(5)
s.remove(6)
print(sorted(s, key=str))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
popped = {42}.pop()
print(popped)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
c = {1, 2, 3}
c &= {2, 3, 4}
print(sorted(c))
c |= {10}
print(sorted(c))
c -= {2}
print(sorted(c))
c ^= {3, 11}
print(sorted(c))
c.intersection_update([10, 11, 12])
print(sorted(c))
c.difference_update([10])
print(sorted(c))
c.symmetric_difference_update({11, 13})
print(sorted(c))
d = c.copy()
d.add(99)
c.clear()
print(sorted(c), sorted(d))

# Construction and comprehension
print(sorted(set("mississippi")), sorted(set([3, 1, 3, 2, 1])), sorted(set(range(5))), sorted({x % 3 for x in range(10)}))
print(sorted({(1, 2), (1, 2), (2, 1)}), sorted({1, 1.0, True}), len({0, False, 0.0}))

# frozenset: hashable, usable as dict key / set element
f = frozenset([1, 2, 3])
g = frozenset([3, 2, 1])
print(f == g, hash(f) == hash(g), sorted(f | {4}), type(f | {4}).__name__, type({4} | f).__name__, sorted({f: "v"}[g]))
nested = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(nested), sorted(sorted(x) for x in nested))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError", e)

# repr of small sets of single element (order is well defined with one element)
print({5}, frozenset({"a"}), repr({(1, 2)}), set([None]))

# Set operators require sets; methods accept any iterable
try:
    {1} | [2]
except TypeError as e:
    print("TypeError", e)
print(sorted({1}.union([2])), sorted(set("ab") - set("b")))

# Dedup while keeping order
seen = set()
out = []
for x in [3, 1, 3, 2, 1, 4]:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out)
# Small-int sets iterate in value order in CPython, but don't rely on it: sort.
print(sorted({10, -1, 0}), min({4, 2, 8}), max(frozenset({4, 2, 8})), sum({1, 2, 3}))
