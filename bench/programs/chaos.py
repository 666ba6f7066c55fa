"""Chaos game: draw a fractal with an iterated function system whose maps follow cubic B-spline
curves (after the "chaos" benchmark of the Python suites, written for pystm). A random point is
moved again and again by a map picked by weighted random choice; each map sends the unit square
onto a thick band along a piece of a spline, and the pixels the point visits are counted. Each of
T threads does the whole game (weak scaling). Usage: chaos.py THREADS SIZE (SIZE: iterations).
Prints a checksum of the hit counts on a small pixel grid and the final point, which every
thread must agree on."""
# pystm-bench: scaling=weak size=70_000 quick=500
import random
import sys
from bisect import bisect_right
from itertools import pairwise

from _threads import same_in_threads

GRID = 48
EPS = 1.0 / 40_000


class GVector:
    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x = x
        self.y = y
        self.z = z

    @property
    def mag(self):
        return (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5

    def dist(self, other):
        return (self - other).mag

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return GVector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return GVector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def blend(self, other, a, b):
        """a * self + b * other, without the two temporaries."""
        return GVector(a * self.x + b * other.x, a * self.y + b * other.y, a * self.z + b * other.z)

    def __repr__(self):
        return "GVector(%.9f, %.9f, %.9f)" % (self.x, self.y, self.z)


def clamped_knots(n, degree):
    """A clamped uniform knot vector for n control points: the curve starts at the first control
    point and ends at the last."""
    inner = n - degree - 1
    if inner < 0:
        raise ValueError("need at least %d control points, got %d" % (degree + 1, n))
    return [0.0] * (degree + 1) + [i / (inner + 1) for i in range(1, inner + 1)] + [1.0] * (degree + 1)


class Spline:
    """A B-spline curve: control points, a degree and a nondecreasing knot vector of
    len(points) + degree + 1 knots, evaluated with de Boor's algorithm."""

    def __init__(self, points, degree=3, knots=None):
        if knots is None:
            knots = clamped_knots(len(points), degree)
        if len(knots) != len(points) + degree + 1:
            raise ValueError("%d control points need %d knots, got %d"
                             % (len(points), len(points) + degree + 1, len(knots)))
        if any(b < a for a, b in pairwise(knots)):
            raise ValueError("knots must not decrease")
        self.points = points
        self.degree = degree
        self.knots = knots

    def GetDomain(self):
        return self.knots[self.degree], self.knots[len(self.points)]

    def span(self, u):
        # the k with knots[k] <= u < knots[k + 1], kept inside the domain at its right end
        k = bisect_right(self.knots, u) - 1
        return min(k, len(self.points) - 1)

    def __call__(self, u):
        lo, hi = self.GetDomain()
        if not lo <= u <= hi:
            raise ValueError("%r is outside the domain [%r, %r]" % (u, lo, hi))
        p = self.degree
        k = self.span(u)
        t = self.knots
        d = self.points[k - p:k + 1]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                left = t[j + k - p]
                alpha = (u - left) / (t[j + 1 + k - r] - left)
                d[j] = d[j - 1].blend(d[j], 1.0 - alpha, alpha)
        return d[p]

    def samples(self, n):
        lo, hi = self.GetDomain()
        for i in range(n + 1):
            yield self(lo + (hi - lo) * i / n)

    def length(self, n=64):
        return sum(a.dist(b) for a, b in pairwise(self.samples(n)))

    def __len__(self):
        return len(self.points)


class Chaosgame:
    def __init__(self, splines, thickness=0.4):
        self.splines = splines
        self.thickness = thickness
        xs = [p.x for s in splines for p in s.points]
        ys = [p.y for s in splines for p in s.points]
        self.minx, self.maxx = min(xs), max(xs)
        self.miny, self.maxy = min(ys), max(ys)
        self.width = self.maxx - self.minx
        self.height = self.maxy - self.miny
        # every spline is cut into pieces of about the same length; each piece is one map, and
        # a map is chosen with a weight proportional to the area of its band
        self.trafos = []
        weights = []
        for i, s in enumerate(splines):
            length = s.length()
            pieces = max(int(length * 3 / self.width), 1)
            self.trafos.extend((i, j, pieces) for j in range(pieces))
            weights.extend([length / pieces] * pieces)
        self.cum_weights = []
        total = 0.0
        for w in weights:
            total += w
            self.cum_weights.append(total)

    def pick(self, rng):
        return rng.choices(self.trafos, cum_weights=self.cum_weights)[0]

    def transform(self, point, trafo):
        x = (point.x - self.minx) / self.width
        y = (point.y - self.miny) / self.height
        which, piece, pieces = trafo
        spline = self.splines[which]
        lo, hi = spline.GetDomain()
        seg = (hi - lo) / pieces
        t = lo + seg * (piece + x)
        base = spline(t)
        if t + EPS > hi:
            tangent = base - spline(t - EPS)
        else:
            tangent = spline(t + EPS) - base
        m = tangent.mag
        if m == 0.0:
            return self.truncate(base)
        off = (y - 0.5) * self.thickness / m
        base.x -= tangent.y * off
        base.y += tangent.x * off
        return self.truncate(base)

    def truncate(self, point):
        if point.x > self.maxx:
            point.x = self.maxx
        elif point.x < self.minx:
            point.x = self.minx
        if point.y > self.maxy:
            point.y = self.maxy
        elif point.y < self.miny:
            point.y = self.miny
        return point

    def pixel(self, point, w, h):
        i = int((point.x - self.minx) / self.width * w)
        j = int((self.maxy - point.y) / self.height * h)
        return min(i, w - 1), min(j, h - 1)

    def play(self, iterations, w, h, seed=1234):
        rng = random.Random(seed)
        image = [[0] * w for _ in range(h)]
        point = GVector((self.minx + self.maxx) / 2, (self.miny + self.maxy) / 2)
        for _ in range(iterations):
            point = self.transform(point, self.pick(rng))
            i, j = self.pixel(point, w, h)
            image[j][i] += 1
        return image, point


def splines():
    # a stem with two leaves and a curl (control points in the plane, z = 0)
    stem = [(0.0, 0.0), (0.3, 1.1), (-0.2, 2.3), (0.4, 3.2), (0.1, 4.4)]
    left = [(0.2, 1.6), (-0.9, 2.0), (-1.9, 3.1), (-1.4, 4.0), (-0.6, 3.6)]
    right = [(0.1, 2.6), (1.3, 2.5), (2.2, 3.4), (1.7, 4.6), (0.9, 4.1), (1.2, 3.5)]
    return [Spline([GVector(x, y) for x, y in pts]) for pts in (stem, left, right)]


def compute(iterations):
    try:
        Spline([GVector(), GVector(1.0)], degree=3)
    except ValueError as e:
        assert "control points" in str(e), e
    else:
        raise AssertionError("a spline with too few points was accepted")
    game = Chaosgame(splines())
    image, last = game.play(iterations, GRID, GRID)
    h = 0
    lit = 0
    for row in image:
        for c in row:
            h = (h * 1_000_003 + c) % 4_294_967_291
            lit += c > 0
    return "%d %d %d %r" % (h, lit, sum(map(sum, image)), last)


def main(threads, iterations):
    print("checksum", same_in_threads(threads, compute, iterations))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 70_000)
