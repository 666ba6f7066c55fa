"""Fannkuch-redux: for every permutation of 1..N, flip the prefix whose length is the first
element until a 1 comes first; report the most flips and a checksum of the flip counts with
alternating signs (the classic shootout benchmark, written for pystm). The permutations are
split among T threads by their first element (strong scaling). Usage: fannkuch.py THREADS SIZE
(SIZE: N)."""
# pystm-bench: scaling=strong size=9 quick=5
import sys
import threading


def count_flips(p):
    p = p[:]
    flips = 0
    first = p[0]
    while first != 1:
        p[:first] = p[first - 1::-1]
        flips += 1
        first = p[0]
    return flips


def permutations_of(items):
    """Every permutation of `items`, in lexicographic order (items sorted)."""
    items = sorted(items)
    n = len(items)
    while True:
        yield items[:]
        i = n - 2
        while i >= 0 and items[i] >= items[i + 1]:
            i -= 1
        if i < 0:
            return
        j = n - 1
        while items[j] <= items[i]:
            j -= 1
        items[i], items[j] = items[j], items[i]
        items[i + 1:] = reversed(items[i + 1:])


def part(n, firsts, out, k):
    best = 0
    checksum = 0
    for first in firsts:
        rest = [x for x in range(1, n + 1) if x != first]
        # The sign alternates with the permutation's lexicographic index among all n! of them;
        # each first element starts a block of (n-1)! (even for n >= 3), so the index within
        # the block has the same parity.
        for idx, tail in enumerate(permutations_of(rest)):
            flips = count_flips([first] + tail)
            best = max(best, flips)
            checksum += flips if idx % 2 == 0 else -flips
    out[k] = (best, checksum)


def main(threads, n):
    out = [None] * threads
    groups = [list(range(k + 1, n + 1, threads)) for k in range(threads)]
    ts = [threading.Thread(target=part, args=(n, groups[k], out, k)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("fannkuch", n, "max flips", max(b for b, _ in out), "checksum", sum(c for _, c in out))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 9)
