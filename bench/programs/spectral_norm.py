"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), by ten
rounds of the power method on an N×N corner (the classic shootout benchmark, written for pystm).
Each of T threads computes it (weak scaling). Usage: spectral_norm.py THREADS SIZE (SIZE: N).
Prints the norm to 9 decimals, which every thread must agree on."""
# pystm-bench: scaling=weak size=350 quick=8
import sys

from _threads import same_in_threads


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(u):
    n = len(u)
    return [sum(a(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_transposed(u):
    n = len(u)
    return [sum(a(j, i) * u[j] for j in range(n)) for i in range(n)]


def ata_times(u):
    return times_transposed(times(u))


def norm(n):
    u = [1.0] * n
    for _ in range(10):
        v = ata_times(u)
        u = ata_times(v)
    vbv = vv = 0.0
    for x, y in zip(u, v):
        vbv += x * y
        vv += y * y
    return (vbv / vv) ** 0.5


def main(threads, n):
    print("norm", same_in_threads(threads, lambda: "%.9f" % norm(n)))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 350)
