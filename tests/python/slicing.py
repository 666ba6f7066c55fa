# Slicing: slice objects, negative steps, out-of-range bounds, on lists/strings/tuples/ranges.

s = "0123456789"
L = list(range(10))
cases = [
    (None, None, None), (2, None, None), (None, 3, None), (2, 7, None), (-3, None, None),
    (None, -3, None), (-100, 100, None), (100, None, None), (None, None, 2), (1, None, 3),
    (None, None, -1), (None, None, -2), (8, 2, -1), (8, 2, -3), (2, 8, -1), (-1, -11, -1),
    (-1, -100, -2), (5, 5, None), (7, 3, None), (None, 0, -1), (0, None, -1), (3, -3, 2),
]
for start, stop, step in cases:
    sl = slice(start, stop, step)
    print(repr(sl), repr(s[sl]), L[sl], tuple(L)[sl] == tuple(L[sl]), list(range(10)[sl]) == L[sl])

# slice.indices normalises bounds for a given length
for sl in (slice(None), slice(-3, None), slice(None, None, -1), slice(-100, 100, 3), slice(5, 1, -2)):
    print(repr(sl), sl.indices(10), sl.indices(3))
print(slice(1, 2, 3).start, slice(1, 2, 3).stop, slice(1, 2, 3).step, slice(4).stop, slice(4).start)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))

# Zero step is an error
try:
    L[::0]
except ValueError as e:
    print("ValueError", e)

# Ranges slice to ranges
r = range(0, 20, 3)
print(r[1:4], r[::-1], r[::2], r[-2:], r[100:], r[2:1])

# Slice assignment with steps and negative steps
M = list(range(8))
M[::-2] = ["a", "b", "c", "d"]
print(M)
M[1:6:2] = "XYZ"
print(M)
M[5:2] = ["inserted"]     # empty slice: inserts at 5
print(M)
M[-2:] = []
print(M)
M[:0] = [-1]
print(M)
try:
    M[::-1] = [1]
except ValueError as e:
    print("ValueError", e)

# Slice deletion
N = list(range(10))
del N[8:1:-3]
print(N)
del N[::2]
print(N)
del N[100:]
print(N)

# Slicing copies (shallow)
orig = [[1], [2]]
copy = orig[:]
copy.append([3])
copy[0].append("shared")
print(orig, copy, orig[:] is orig, orig[:] == orig)

# Indexing errors vs forgiving slices
for seq in ("abc", [1, 2, 3], (1, 2, 3)):
    try:
        seq[5]
    except IndexError as e:
        print("IndexError", e, "| but slice ok:", repr(seq[5:10]), repr(seq[-10:1]))

# Custom __getitem__ receives slice objects (and tuples of them)
class Show:
    def __getitem__(self, key):
        return key
sh = Show()
print(sh[1], sh[1:2], sh[::3], sh[:], sh[1:2, 3], sh[..., 0], sh[-1::-1])

# Bytes slicing and integer indexing
b = b"hello"
print(b[1:3], b[::-1], b[0], b[-1], bytearray(b)[1:2])

# Strings with unicode, negative step
u = "añb中c"
print(u[::-1], u[1::2], u[-2:], u[10:])
