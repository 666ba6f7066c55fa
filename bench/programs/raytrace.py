"""Ray tracer: spheres over a checkerboard floor, lit by two point lights, with Lambert and
specular shading, shadows and reflections (after the "raytrace" benchmark of the Python suites,
written for pystm). Each of T threads renders the whole picture (weak scaling). Usage:
raytrace.py THREADS SIZE (SIZE: the picture is SIZE x SIZE pixels). Prints a checksum of the
pixel values (as 8-bit ints), which every thread must agree on."""
# pystm-bench: scaling=weak size=160 quick=12
import math
import sys

from _threads import same_in_threads

EPSILON = 1e-5
MAX_DEPTH = 3


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Vector(%r, %r, %r)" % (self.x, self.y, self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def __add__(self, other):
        if isinstance(other, Point):
            return Point(self.x + other.x, self.y + other.y, self.z + other.z)
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        if isinstance(k, Vector):
            raise TypeError("use dot() or cross() to multiply two vectors")
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def normalized(self):
        return self * (1.0 / self.magnitude())

    def reflect_through(self, normal):
        # the mirror image of this direction in the plane with that (unit) normal
        return self - normal * (2 * self.dot(normal))


Vector.ZERO = Vector(0.0, 0.0, 0.0)
Vector.RIGHT = Vector(1.0, 0.0, 0.0)
Vector.UP = Vector(0.0, 1.0, 0.0)
Vector.OUT = Vector(0.0, 0.0, 1.0)


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Point(%r, %r, %r)" % (self.x, self.y, self.z)

    def __sub__(self, other):
        # point - point is the vector between them; point - vector is a point
        if isinstance(other, Point):
            return Vector(self.x - other.x, self.y - other.y, self.z - other.z)
        return Point(self.x - other.x, self.y - other.y, self.z - other.z)

    def __add__(self, other):
        if isinstance(other, Point):
            raise TypeError("cannot add two points")
        return Point(self.x + other.x, self.y + other.y, self.z + other.z)


class Ray:
    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def at(self, t):
        return self.point + self.vector * t


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersectionTime(self, ray):
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        disc = self.radius * self.radius - (cp.dot(cp) - v * v)
        if disc < 0:
            return None
        return v - math.sqrt(disc)

    def normalAt(self, p):
        return (p - self.centre).normalized()


class Halfspace:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersectionTime(self, ray):
        v = ray.vector.dot(self.normal)
        if v == 0.0:
            return None  # parallel to the boundary plane
        return (self.point - ray.point).dot(self.normal) / v

    def normalAt(self, p):
        return self.normal


class Canvas:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pixels = [(0, 0, 0)] * (width * height)

    def plot(self, x, y, colour):
        r, g, b = (max(0, min(255, int(round(c * 255)))) for c in colour)
        self.pixels[(self.height - 1 - y) * self.width + x] = (r, g, b)

    def checksum(self):
        h = 0
        for r, g, b in self.pixels:
            h = (h * 31 + (r << 16 | g << 8 | b)) % 2_147_483_647
        return h


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.position = Point(0.0, 1.8, 10.0)
        self.looking_at = Point(0.0, 3.0, 0.0)
        self.field_of_view = 45.0
        self.depth = 0

    def look_at(self, p):
        self.looking_at = p

    def add(self, obj, surface):
        self.objects.append((obj, surface))

    def add_light(self, p):
        self.lights.append(p)

    def render(self, canvas):
        fov = math.radians(self.field_of_view)
        half_width = math.tan(fov / 2)
        half_height = half_width * canvas.height / canvas.width
        pixel_width = half_width * 2 / (canvas.width - 1)
        pixel_height = half_height * 2 / (canvas.height - 1)
        eye = Ray(self.position, self.looking_at - self.position)
        vpRight = eye.vector.cross(Vector.UP).normalized()
        vpUp = vpRight.cross(eye.vector).normalized()
        for y in range(canvas.height):
            for x in range(canvas.width):
                xcomp = vpRight * (x * pixel_width - half_width)
                ycomp = vpUp * (y * pixel_height - half_height)
                ray = Ray(eye.point, eye.vector + xcomp + ycomp)
                canvas.plot(x, y, self.ray_colour(ray))

    def first_hit(self, ray):
        best = None
        for obj, surface in self.objects:
            t = obj.intersectionTime(ray)
            if t is not None and t > EPSILON and (best is None or t < best[0]):
                best = (t, obj, surface)
        return best

    def ray_colour(self, ray):
        if self.depth > MAX_DEPTH:
            return (0.0, 0.0, 0.0)
        self.depth += 1
        try:
            hit = self.first_hit(ray)
            if hit is None:
                return (0.0, 0.0, 0.0)
            t, obj, surface = hit
            p = ray.at(t)
            return surface.colour_at(self, ray, p, obj.normalAt(p))
        finally:
            self.depth -= 1

    def lit_by(self, p):
        """The lights that p sees, not shadowed by any object."""
        for light in self.lights:
            hit = self.first_hit(Ray(p, light - p))
            if hit is None or hit[0] > (light - p).magnitude():
                yield light


def add_colours(a, scale, b):
    return (a[0] + scale * b[0], a[1] + scale * b[1], a[2] + scale * b[2])


class SimpleSurface:
    def __init__(self, base_colour=(1.0, 1.0, 1.0), specular=0.2, lambert=0.6, ambient=None):
        self.base_colour = base_colour
        self.specular = specular
        self.lambert = lambert
        self.ambient = 1.0 - specular - lambert if ambient is None else ambient

    def base_colour_at(self, p):
        return self.base_colour

    def colour_at(self, scene, ray, p, normal):
        b = self.base_colour_at(p)
        c = (0.0, 0.0, 0.0)
        if self.specular > 0:
            reflected = Ray(p, ray.vector.reflect_through(normal))
            rc = scene.ray_colour(reflected)
            c = add_colours(c, self.specular, (rc[0] * b[0], rc[1] * b[1], rc[2] * b[2]))
        if self.lambert > 0:
            amount = 0.0
            for light in scene.lit_by(p):
                contribution = (light - p).normalized().dot(normal)
                if contribution > 0:
                    amount += contribution
            c = add_colours(c, self.lambert * min(1.0, amount), b)
        if self.ambient > 0:
            c = add_colours(c, self.ambient, b)
        return c


class CheckerboardSurface(SimpleSurface):
    def __init__(self, other_colour=(0.0, 0.0, 0.0), check_size=1.0, **kw):
        super().__init__(**kw)
        self.other_colour = other_colour
        self.check_size = check_size

    def base_colour_at(self, p):
        v = (p - Point(0.0, 0.0, 0.0)) * (1.0 / self.check_size)
        if (int(abs(v.x) + 0.5) + int(abs(v.y) + 0.5) + int(abs(v.z) + 0.5)) % 2:
            return self.other_colour
        return self.base_colour


def build_scene():
    s = Scene()
    s.add_light(Point(30.0, 30.0, 10.0))
    s.add_light(Point(-10.0, 100.0, 30.0))
    s.look_at(Point(0.0, 3.0, 0.0))
    s.add(Sphere(Point(1.0, 3.0, -10.0), 2.0), SimpleSurface(base_colour=(1.0, 1.0, 0.0)))
    for y in range(6):
        s.add(Sphere(Point(-3.0 - y * 0.4, 2.3, -5.0), 0.4),
              SimpleSurface(base_colour=(y / 6.0, 1 - y / 6.0, 0.5)))
    s.add(Sphere(Point(2.5, 0.9, -3.5), 0.9), SimpleSurface(base_colour=(0.3, 0.6, 1.0), specular=0.5))
    s.add(Halfspace(Point(0.0, 0.0, 0.0), Vector.UP),
          CheckerboardSurface(check_size=2.0, base_colour=(1.0, 1.0, 1.0), specular=0.3))
    return s


def compute(size):
    # combining the kinds the wrong way must fail loudly
    for bad in (lambda: Vector(1.0, 2.0, 3.0) * Vector.UP, lambda: Point(0.0, 0.0, 0.0) + Point(1.0, 1.0, 1.0)):
        try:
            bad()
        except TypeError:
            continue
        raise AssertionError("two values that must not combine did")
    canvas = Canvas(size, size)
    build_scene().render(canvas)
    lit = sum(1 for px in canvas.pixels if any(px))
    return "%d %d" % (canvas.checksum(), lit)


def main(threads, size):
    print("checksum", same_in_threads(threads, compute, size))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 160)
