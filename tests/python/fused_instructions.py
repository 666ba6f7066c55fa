# Errors raised by the second half of instruction pairs the interpreter runs in one step
# (a local read after another, a comparison feeding a branch, a truth test that raises): the
# traceback, the handler that catches it and the values left must be CPython's.
import traceback


def unbound_second(flag):
    if flag:
        b = 1
    a = 2
    return a + b


def unbound_after_store(flag):
    if flag:
        c = 3
    x = 1
    return c


class Weird:
    def __bool__(self):
        raise ValueError("no truth")


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return Weird() if self.v < 0 else self.v < other.v

    def __eq__(self, other):
        return self.v == other.v


def compare_branch(a, b):
    if a < b:
        return "less"
    return "not less"


def is_branch(x):
    n = 0
    for v in x:
        if v is None:
            n += 1
        elif v is not True:
            n += 2
    return n


for f, arg in [(unbound_second, True), (unbound_second, False), (unbound_after_store, False)]:
    try:
        print(f.__name__, arg, f(arg))
    except UnboundLocalError as e:
        print(f.__name__, arg, "UnboundLocalError:", e)
        print(traceback.format_exc().splitlines()[-2].strip())

print(compare_branch(Cmp(1), Cmp(2)), compare_branch(Cmp(3), Cmp(2)))
try:
    compare_branch(Cmp(-1), Cmp(2))
except ValueError as e:
    print("ValueError:", e, "at line", e.__traceback__.tb_next.tb_lineno)
try:
    compare_branch(1, "x")
except TypeError as e:
    print("TypeError:", e)
print(is_branch([None, 1, True, None, "s", False]))

# Loops whose conditions are fused pairs.
i, total = 0, 0
while i < 1000:
    if i % 3 == 0:
        total += i
    elif i % 5 != 0:
        total -= 1
    i += 1
print("total", total)
f1, f2 = 0.5, 2.5
k = 0
while f1 <= f2:
    f1 += 0.25
    k += 1
print("k", k)


def last(flag):
    if flag:
        y = 1
    z = 2
    return z + y


last(False)
