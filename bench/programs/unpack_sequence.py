"""Sequence unpacking: ten-element tuples and lists unpacked into names over and over, starred
unpacking, swaps and rotations, nested unpacking in for loops, with every unpacked value folded
into a checksum (after the "unpack_sequence" benchmark of the Python suites, written for pystm).
Each of T threads does the whole work (weak scaling). Usage: unpack_sequence.py THREADS SIZE
(SIZE: rounds; each round unpacks a few hundred sequences). Prints a checksum every thread must
agree on."""
# pystm-bench: scaling=weak size=27_000 quick=500
import sys

from _threads import same_in_threads

MOD = 1_000_000_007


def fold(acc, a, b, c, d, e, f, g, h, i, j):
    return (acc * 31 + a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j) % MOD


def unpack_tuple(t, acc):
    # Ten plain unpackings of the same tuple per call, like the classic benchmark's unrolled body.
    a, b, c, d, e, f, g, h, i, j = t
    acc = fold(acc, a, b, c, d, e, f, g, h, i, j)
    a, b, c, d, e, f, g, h, i, j = t
    acc = fold(acc, j, i, h, g, f, e, d, c, b, a)
    a, b, c, d, e, f, g, h, i, j = t
    acc = (acc + a * j - b * i + c * h - d * g + e * f) % MOD
    a, b, c, d, e, f, g, h, i, j = t
    acc = (acc ^ (a + b + c + d + e + f + g + h + i + j)) % MOD
    a, b, c, d, e, f, g, h, i, j = t
    acc = fold(acc, b, a, d, c, f, e, h, g, j, i)
    return acc


def unpack_list(l, acc):
    a, b, c, d, e, f, g, h, i, j = l
    acc = fold(acc, a, b, c, d, e, f, g, h, i, j)
    a, b, c, d, e, f, g, h, i, j = l
    acc = fold(acc, e, f, g, h, i, j, a, b, c, d)
    a, b, c, d, e, f, g, h, i, j = l
    acc = (acc * 7 + max(a, b, c, d, e) - min(f, g, h, i, j)) % MOD
    a, b, c, d, e, f, g, h, i, j = l
    acc = fold(acc, j, j, i, i, h, h, g, g, f, f)
    a, b, c, d, e, f, g, h, i, j = l
    acc = fold(acc, a, a, b, b, c, c, d, d, e, e)
    return acc


def starred(seq, acc):
    first, *middle, last = seq
    acc = (acc * 17 + first - last + len(middle) + sum(middle)) % MOD
    *init, tail = seq
    acc = (acc + tail * len(init)) % MOD
    head, second, *rest = seq
    acc = (acc * 3 + head * second + (rest[-1] if rest else 0)) % MOD
    a, b, *_, y, z = seq
    return (acc + a + b * 2 + y * 3 + z * 4) % MOD


def swaps(t, acc):
    a, b, c, d, e, f, g, h, i, j = t
    for _ in range(4):
        a, b = b, a
        c, d, e = e, c, d
        f, g, h, i, j = j, f, g, h, i
        a, j = j + 1, a
        acc = fold(acc, a, b, c, d, e, f, g, h, i, j)
    return acc


def pairs_and_triples(rows, acc):
    # Nested targets in for loops and comprehensions.
    for (k, v), (x, y, z) in rows:
        acc = (acc * 13 + k * v + x - y + z) % MOD
    for i, ((k, v), _) in enumerate(rows):
        acc = (acc + i * (k ^ v)) % MOD
    acc = (acc + sum(x * z for _, (x, _y, z) in rows)) % MOD
    d = {k: (x, y) for (k, _), (x, y, _z) in rows}
    for k, (x, y) in sorted(d.items()):
        acc = (acc * 5 + k + x * y) % MOD
    return acc


class Vec3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __iter__(self):
        # Unpacking an object goes through the iterator protocol.
        yield self.x
        yield self.y
        yield self.z


def unpack_objects(vecs, acc):
    for v in vecs:
        x, y, z = v
        acc = (acc * 3 + x * 2 + y - z) % MOD
    (a, b, c), (d, e, f) = vecs[0], vecs[-1]
    return (acc + a * d + b * e + c * f) % MOD


def round_(r, acc):
    t = tuple((r * 7 + k * k) % 1000 for k in range(10))
    l = [(r + 3 * k) % 997 for k in range(10)]
    for _ in range(6):
        acc = unpack_tuple(t, acc)
        acc = unpack_list(l, acc)
    acc = starred(t, acc)
    acc = starred(l[: 4 + r % 7], acc)
    acc = swaps(t, acc)
    rows = [((k, (k * r) % 101), (k + 1, k + 2, (k * k + r) % 53)) for k in range(r % 5, r % 5 + 8)]
    acc = pairs_and_triples(rows, acc)
    acc = unpack_objects([Vec3(r % 11, k, (r + k) % 7) for k in range(6)], acc)
    q, rem = divmod(acc, 9973)
    return (acc + q - rem) % MOD


def compute(rounds):
    acc = 1
    for r in range(rounds):
        acc = round_(r, acc)
    # Unpacking errors are part of the protocol too.
    bad = 0
    for seq in ((1, 2), [1, 2, 3, 4], "abc", range(5)):
        try:
            a, b, c = seq
        except ValueError as e:
            bad += 1 if "unpack" in str(e) else 100
    return "%d %d" % (acc, bad)


def main(threads, rounds):
    print("checksum", same_in_threads(threads, compute, rounds))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 27_000)
