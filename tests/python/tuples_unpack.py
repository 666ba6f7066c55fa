# Tuples and unpacking: starred, nested, swap, in for loops.

t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t[::-1], len(t), t + (4,), t * 2, (), (1,), tuple(), tuple([1, 2]), tuple("ab"))
print(t.index(2), t.count(3), (1, 1, 1).count(1), 2 in t, (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0))
single = 5,
print(single, type(single).__name__, type((5)).__name__)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError", e)
# A tuple holding a list: the list itself is mutable.
m = ([1], 2)
m[0].append(5)
print(m)
try:
    m[0] += [6]   # mutates the list, then fails storing into the tuple
except TypeError as e:
    print("TypeError", e, m)

# Basic unpacking
a, b, c = t
print(a, b, c)
a, b = b, a  # swap
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[s1, s2] = [10, 20]
print(s1, s2)
i = j = k = 0
print(i, j, k)

# Starred
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "abcde"
print(head, mid, tail)
one, *empty, two = (1, 2)
print(one, empty, two)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
print(*t, sep="-")
print([*t, *"ab", *range(2)], (*t, 0), {*t} == {1, 2, 3}, {**{"a": 1}, "b": 2})

# Unpacking errors
for value in ([1, 2, 3], [1], 5):
    try:
        a, b = value
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, b, *c = [1]
except ValueError as e:
    print("ValueError", e)

# Unpacking in for loops and enumerate/zip
for idx, (ch, n) in enumerate(zip("ab", (10, 20))):
    print(idx, ch, n)
for key, value in [("k1", 1), ("k2", 2)]:
    print(key, value)
for a, *others in [(1, 2, 3), (4,)]:
    print(a, others)

# Function returning multiple values
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([3, 9, 1])
print(lo, hi, minmax("hello"))

# Evaluation order: right side is fully evaluated before assignment
L = [0, 1, 2]
i = 0
i, L[i] = 2, "x"   # assigns i first, then L[2]
print(i, L)

# Tuples as dict keys and nested tuples hashing equal for equal contents
d = {(1, 2): "a", (1, (2, 3)): "b"}
print(d[(1, 2)], d[1, (2, 3)], hash((1, 2)) == hash((1, 2)))
print(repr(((),)), repr((1, (2,), [3])), str(("a", 1.5, None)))
