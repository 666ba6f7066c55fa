# Control flow: if/elif/else, while/for with else, break, continue, nested loops, pass.

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"
print([classify(n) for n in (-5, 0, 3, 8)])

# Conditional expressions
for n in range(4):
    print(n, "small" if n < 2 else "big", "even" if n % 2 == 0 else "odd")

# while with else: else runs when the loop ends without break
i = 0
while i < 3:
    print("while", i)
    i += 1
else:
    print("while-else ran, i =", i)

i = 0
while True:
    i += 1
    if i == 2:
        continue
    if i > 4:
        break
    print("loop", i)
else:
    print("never printed")
print("after while, i =", i)

# for with else: searching
def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
find([4, 5, 6], 5)
find([4, 5, 6], 9)
find([], 1)

# continue inside for
odds = []
for n in range(10):
    if n % 2 == 0:
        continue
    odds.append(n)
print(odds)

# Nested loops: break only leaves the inner loop
for x in range(3):
    for y in range(3):
        if y > x:
            break
        print((x, y), end=" ")
    print("| end of x =", x)

# Primes with nested for-else
primes = []
for n in range(2, 30):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)

# Loop variable persists after the loop; empty loop leaves it unset
for last in range(5):
    pass
print("last =", last)
for never in []:
    pass
try:
    never
except NameError as e:
    print("NameError", e)

# Modifying loop target doesn't affect iteration
for k in range(3):
    print("k", k)
    k = 100

# range variants
print(list(range(5)), list(range(2, 8, 2)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(1, 20, 4)
print(r, len(r), r[1], r[-1], 9 in r, 10 in r, r.index(13), list(reversed(r)), r[1:3])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)

# while with complex condition and early return inside loops
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 12)])

def first_negative(rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v < 0:
                return r, c
    return None
print(first_negative([[1, 2], [3, -4], [-5]]), first_negative([[1]]))

# match statement (3.10+)
def describe(obj):
    match obj:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative int %d" % n
        case int() | float():
            return "number"
        case [x, y]:
            return "pair %r %r" % (x, y)
        case [x, *rest]:
            return "list starting %r, %d more" % (x, len(rest))
        case {"kind": kind}:
            return "dict of kind " + kind
        case str() as s:
            return "string " + s
        case _:
            return "other"
for o in (0, -3, 2.5, [1, 2], [1, 2, 3], [], {"kind": "k", "x": 1}, "hi", None):
    print(repr(o), "->", describe(o))
