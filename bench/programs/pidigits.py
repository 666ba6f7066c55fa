"""Digits of pi by Gibbons' unbounded spigot algorithm on big integers (the classic shootout
benchmark, written for pystm). Each of T threads computes them (weak scaling). Usage:
pidigits.py THREADS SIZE (SIZE: digits). Prints the last ten digits and a digit sum."""
# pystm-bench: scaling=weak size=5_000 quick=100
import sys

from _threads import same_in_threads


def digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return out


def summary(count):
    d = digits(count)
    return "%s sum %d" % ("".join(map(str, d[-10:])), sum(d))


def main(threads, count):
    print("pi digits", count, same_in_threads(threads, summary, count))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
