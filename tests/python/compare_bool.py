# Comparisons, chained comparisons, identity, and boolean operators.

print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1, "a" < "b", "abc" < "abd", "Z" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] < [0], (2,) > (1, 99))
print("" < "a", "ab" < "abc", [1, 2] == [1, 2], (1, 2) == [1, 2], {1: 2} == {1: 2})
print(True == 1, False == 0, True is True, None is None, None == 0, 1 == 1.0 == True)

# Chained comparisons evaluate the middle operand once and short-circuit.
calls = []
def val(x):
    calls.append(x)
    return x
print(1 < val(2) < 3, calls)
calls.clear()
print(3 < val(2) < val(5), calls)  # stops after the first False
calls.clear()
print(val(1) < val(2) < val(3) < val(4), calls)
x = 5
print(0 < x < 10, 0 < x > 3, 1 == 1 != 2, 1 < 2 > 1.5, 1 < 3 < 2)
print(x in [4, 5] in [[4, 5]], 3 not in [1, 2], "a" not in "bcd")

# is / is not
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is not None)

# and / or return one of their operands
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "x", [0] and "x", not 0, not 1, not [], not [0], not None)
print(repr(0 or ""), repr("" and 0), (False or None) is None)

# Short-circuit: the right side is not evaluated.
def boom():
    raise RuntimeError("evaluated!")
print(False and boom(), True or boom())

# Truthiness of many values
for v in (0, 1, -1, 0.0, 0.5, "", "0", [], [[]], (), (0,), {}, {0: 0}, set(), None, range(0), range(1)):
    print(repr(v), bool(v))

# Mixed type ordering raises TypeError; equality does not.
for a, b in ((1, "1"), ([1], (1,)), (None, 0)):
    print(repr(a), repr(b), a == b, a != b)
    try:
        a < b
    except TypeError as e:
        print("TypeError", e)

# Comparison of nan inside containers: identity shortcut
nan = float("nan")
print([nan] == [nan], nan == nan, nan in [nan])

# max/min based on comparisons and bool arithmetic
print(max(3, 1, 2), min("b", "a", "c"), sum([True, True, False]), True + 1)
print(isinstance(True, int), type(True).__name__, str(True), repr(False), bool("False"))
