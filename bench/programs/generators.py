"""Generators: a binary tree walked in order with recursive `yield from`, generator pipelines
(filter and map stages as generator functions and generator expressions), send()-driven
coroutine-style generators, and itertools (islice, chain, groupby) over generators (after the
"generators" benchmark of the Python suites, written for pystm). Each of T threads does the
whole work (weak scaling). Usage: generators.py THREADS SIZE (SIZE: tree nodes and pipeline
items per round; each run does a fixed number of rounds). Prints a checksum every thread must
agree on."""
# pystm-bench: scaling=weak size=65_000 quick=400
import itertools
import sys

from _threads import same_in_threads

MOD = 1_000_000_007
ROUNDS = 4


class Tree:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        # In-order walk: recursive `yield from`, so a value at depth d passes through d frames.
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    """A balanced tree over range(lo, hi)."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def depth_first(tree, depth=0):
    # Yields (value, depth) pairs, pre-order, through nested generators.
    if tree is None:
        return
    yield tree.value, depth
    yield from depth_first(tree.left, depth + 1)
    yield from depth_first(tree.right, depth + 1)


def numbers(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1_103_515_245 + 12_345) & 0x7FFF_FFFF
        yield x >> 8


def keep_odd(it):
    for x in it:
        if x & 1:
            yield x


def scale(it, k):
    for x in it:
        yield x * k % 65_521


def windows(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            del buf[0]


def running_total():
    # Coroutine-style: send values in, get the running total (and count) back.
    total = 0
    count = 0
    value = yield None
    while value is not None:
        total += value
        count += 1
        value = yield total, count
    return total


def averager():
    avg = 0.0
    n = 0
    try:
        while True:
            x = yield avg
            n += 1
            avg += (x - avg) / n
    except GeneratorExit:
        pass


def delegator(results):
    # The return value of a sub-generator comes back through `yield from`.
    while True:
        total = yield from running_total()
        results.append(total)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def one_round(size, seed):
    acc = seed
    tree = build(0, size)

    # Recursive yield from.
    s = 0
    prev = -1
    for v in tree:
        assert v == prev + 1
        prev = v
        s += v
    acc = (acc * 31 + s) % MOD
    acc = (acc + sum(v * d for v, d in depth_first(tree))) % MOD
    acc = (acc + max(d for _, d in depth_first(tree))) % MOD

    # Pipelines of generator functions and generator expressions.
    pipe = scale(keep_odd(numbers(size, seed)), 7)
    pipe = (x + 1 for x in pipe if x % 3)
    acc = (acc * 31 + sum(pipe)) % MOD
    acc = (acc + sum(a * b - c for a, b, c in windows(numbers(size // 2, seed + 1), 3))) % MOD
    squares = (x * x for x in range(size))
    evens = (x for x in squares if not x & 1)
    acc = (acc + sum(itertools.islice(evens, 10, size // 3, 3))) % MOD

    # send()-driven generators.
    rt = running_total()
    next(rt)
    last = None
    for x in numbers(size // 2, seed + 2):
        last = rt.send(x % 1000)
    acc = (acc * 31 + last[0] + last[1]) % MOD
    try:
        rt.send(None)
    except StopIteration as stop:
        acc = (acc + stop.value) % MOD
    av = averager()
    next(av)
    for x in range(size // 4):
        avg = av.send(x % 97)
    av.close()
    acc = (acc + int(avg * 1000)) % MOD
    results = []
    d = delegator(results)
    next(d)
    for k, x in enumerate(numbers(size // 2, seed + 3)):
        d.send(x % 100)
        if k % 50 == 49:
            d.send(None)
    d.close()
    acc = (acc * 31 + len(results) + sum(results)) % MOD

    # itertools over generators.
    fibs = itertools.islice(fib(), 200)
    acc = (acc + sum(f % 1_000_003 for f in fibs)) % MOD
    chained = itertools.chain(numbers(size // 8, seed), iter(tree), (x * 2 for x in range(size // 8)))
    acc = (acc * 31 + sum(x % 1009 for x in chained)) % MOD
    groups = itertools.groupby(x % 1000 // 100 for x in iter(tree))
    acc = (acc + sum(k * len(list(g)) for k, g in groups)) % MOD
    flat = itertools.chain.from_iterable(range(k % 7) for k in range(size // 4))
    acc = (acc + sum(flat)) % MOD
    return acc


def compute(size):
    acc = 0
    for r in range(ROUNDS):
        acc = (acc * 1_000_003 + one_round(size, r + 1)) % MOD
    return "%d" % acc


def main(threads, size):
    print("checksum", same_in_threads(threads, compute, size))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 65_000)
