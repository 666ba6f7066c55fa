"""Points on a curve: create many small objects with float attributes, normalize them and fold
them with max (after the "float" benchmark of the Python suites, written for pystm). Each of T
threads does the whole work (weak scaling). Usage: float_points.py THREADS SIZE (SIZE: points).
Prints the resulting point, which every thread must agree on."""
# pystm-bench: scaling=weak size=500_000 quick=300
import sys
from math import cos, sin, sqrt

from _threads import same_in_threads


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return "%.12f %.12f %.12f" % (best.x, best.y, best.z)


def main(threads, n):
    print("point", same_in_threads(threads, run, n))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 500_000)
