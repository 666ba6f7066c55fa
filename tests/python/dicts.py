# Dicts: methods, views, insertion order, constructors, comprehensions, merge, errors.

d = {"one": 1, "two": 2}
d["three"] = 3
d["one"] = 100          # updating keeps the original position
print(d, len(d), d["two"], "two" in d, 2 in d, "four" not in d)
print(d.get("one"), d.get("zzz"), d.get("zzz", "dflt"), d.keys(), d.values(), d.items())
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print("key", k)
for k, v in d.items():
    print("item", k, v)

# Deleting and re-inserting moves a key to the end
del d["one"]
d["one"] = 1
print(d)

# pop / popitem / setdefault / update / clear / copy
print(d.pop("two"), d.pop("missing", None), d.pop("missing", "x"), d)
print(d.popitem(), d)   # LIFO
print(d.setdefault("new", []), d.setdefault("three", 999), d)
d.setdefault("new", []).append("v")
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
e = d.copy()
e["a"] = "changed"
print(d["a"], e["a"], e == d)
e.clear()
print(e, len(e), bool(e))

# KeyError and friends
try:
    {}["a"]
except KeyError as ex:
    print("KeyError", ex, repr(ex), ex.args)
try:
    {}.pop("x")
except KeyError as ex:
    print("KeyError", ex)
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError", ex)
try:
    del d["nope"]
except KeyError as ex:
    print("KeyError", ex)
try:
    {[1]: 2}
except TypeError as ex:
    print("TypeError", ex)
try:
    for k in d:
        d["added"] = 1   # size change during iteration
except RuntimeError as ex:
    print("RuntimeError", ex)

# Constructors
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=0), dict(zip("abc", range(3))))
print(dict.fromkeys("abc"), dict.fromkeys(["p", "q"], 0), dict([(1, 2), (1, 3)]))

# Comprehensions
print({x: x * x for x in range(5)}, {v: k for k, v in {"a": 1, "b": 2}.items()}, {c: i for i, c in enumerate("hello")})

# Merge operators (3.9+)
base = {"a": 1, "b": 2}
print(base | {"b": 20, "c": 30}, {"c": 30} | base, base)
base |= {"z": 26}
print(base)

# Views are live and support set operations
v = {"a": 1, "b": 2, "c": 3}
keys = v.keys()
vals = v.values()
v["d"] = 4
print(keys, len(keys), sorted(keys & {"a", "d", "x"}), sorted(keys - {"a"}), sorted(keys | {"q"}), "a" in keys, 4 in vals)
print(sorted(v.items() & {("a", 1), ("b", 99)}), list(reversed(v)), list(reversed(v.items())))

# Key equality: 1, 1.0 and True are the same key
m = {1: "int"}
m[1.0] = "float"
m[True] = "bool"
print(m, {0: "a", False: "b"}, {(1, 2): 3}[(1, 2)])

# Nested dicts and equality ignoring order
cfg = {"db": {"host": "h", "port": 5432}, "debug": False}
cfg["db"]["port"] += 1
print(cfg, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 1.0})
r = {}
r["self"] = r
print(r)
print(sorted({"b": 1, "a": 2}), max({"b": 1, "a": 2}), sum({1: "x", 2: "y"}))

# Counting words, grouping
words = "the cat and the horse and a bat ran".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in words:
    groups.setdefault(len(w), []).append(w)
print(groups)
