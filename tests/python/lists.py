# Lists: every method, sorting, slicing assignment/deletion, comprehensions, nesting.

a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.extend(range(7, 9))
a.extend("ab")
print(a, len(a))
a.insert(0, "first")
a.insert(100, "last")   # index past the end appends
a.insert(-1, "beforelast")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("a")
print(a, a.index(2), a.index(5, 2), a.count(1), [1, 1, 2, 1].count(1))
b = a.copy()
b.reverse()
print(a, b, a is b)
a.clear()
print(a, b)

# errors from list methods
for fn in (lambda: [1, 2].index(3), lambda: [1, 2].remove(3), lambda: [].pop(), lambda: [1][5], lambda: [1, 2].index(1, 1)):
    try:
        fn()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

# sort: stable, key, reverse
words = ["banana", "Apple", "cherry", "date", "Elder", "fig", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
pairs.sort(key=lambda p: p[0])   # stable: original order kept within equal keys
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)  # reverse is stable too
print(pairs)
nums = [5, -3, 2, -8, 0, 7]
nums.sort()
print(nums, nums.sort(), sorted(nums, key=abs), sorted(nums, reverse=True))
print(sorted([[2, 1], [1, 2], [1]]), sorted([3.5, 1, 2.25, -1]), sorted([]))
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError", e)

# slicing
L = list(range(10))
print(L[2:5], L[:3], L[7:], L[-3:], L[::3], L[::-1], L[8:2:-2], L[-1:-4:-1], L[20:], L[5:2])
L[2:5] = ["x"]          # shrink
print(L)
L[1:1] = [100, 200]     # insert
print(L)
L[::2] = "ABCDE"        # extended slice assignment needs equal length
print(L)
try:
    L[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
del L[::3]
print(L)
del L[1:3]
print(L)
L[:] = []
print(L)
M = [0, 1, 2, 3, 4]
M[-2:] = [9, 9, 9]
M[len(M):] = [10]
print(M)

# multiplication, concatenation, aliasing
print([0] * 3, [1, 2] * 2, [] * 5, [1] * 0, [1] * -1, [1] + [2, 3])
grid = [[0] * 2] * 2    # shared inner list
grid[0][0] = 1
print(grid)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
c = [1, 2]
d = c
c += [3]       # in place: d sees it
c = c + [4]    # new list
print(c, d)
c *= 2
print(c)

# comprehensions
print([x * x for x in range(6)], [x for x in range(10) if x % 3 == 0], [(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)], [c.upper() for c in "hey"], [y for x in [[1, 2], [3]] for y in x])
x = "outer"
_ = [x for x in range(3)]
print(x)  # comprehension variable does not leak

# nested lists and equality
n = [1, [2, [3, [4]]]]
print(n[1][1][1][0], n == [1, [2, [3, [4]]]], len(n), n[1][1])
r = [1, 2]
r.append(r)   # recursive list repr
print(r)

# other operations
print(list(), list("ab"), list((1, 2)), list(range(3)), list({"k": 1}), 3 in [1, 2, 3], 4 not in [1])
print(max([4, 9, 2]), min([4, 9, 2]), sum([1, 2, 3]), list(reversed([1, 2, 3])), [1, 2] < [1, 2, 3])
e = [1, 2, 3]
e[1] = "two"
e[-1] = "three"
print(e)
try:
    e[3] = 4
except IndexError as e2:
    print("IndexError", e2)
