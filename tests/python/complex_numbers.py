"""complex: literals, construction and parsing, arithmetic with ints and floats (CPython's algorithms),
powers, hashing, repr and format, and the errors CPython raises."""
import math
z = 1 + 2j
w = complex(3, -4)
print(z, w, 2j, 0j, -1j, complex(), complex(1), complex(1.5, 2), complex("1+2j"), complex(" (3-4.5j) "), complex("j"), complex("-j"), complex("1e3-2e-3j"), complex("inf"), complex("nanj"))
print(z + w, z - w, z * w, z / w, z ** 2, z ** -2, z ** 0.5, 2 ** z, z ** z, abs(w), -z, +z, z.conjugate(), z.real, z.imag, type(z.real))
print(z == complex(1, 2), z != w, 1 + 0j == 1, 1.5 + 0j == 1.5, hash(1 + 0j) == hash(1), hash(z), hash(complex(-1, 0)), bool(0j), bool(1j))
print(repr(complex(-0.0, 1)), repr(complex(0.0, -0.0)), complex(1e20, 1e-5), complex(math.inf, math.nan), complex(-math.inf, 2))
print(format(z, ".2f"), format(w, "+.1e"), f"{z}", str(z), [1j, 2 + 3j], {1j: "a"}[1j], 3 * 1j, 1j * 1j, True + 1j, (1+2j) / 2)
print(isinstance(1j, complex), type(1j).__name__, complex.__module__, complex(1+2j, 3j), complex(2j, 5))
for f in [lambda: 1j / 0, lambda: 0j ** -1, lambda: complex("1 + 2j"), lambda: complex("x"), lambda: complex(None), lambda: complex(1, "2"),
          lambda: complex("1", 2), lambda: 1j < 2j, lambda: int(1j), lambda: float(1j), lambda: 1j // 1, lambda: 1j % 2, lambda: round(1j),
          lambda: 1j + "a", lambda: math.sqrt(1j)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class C:
    def __complex__(self):
        return 2 + 3j
print(complex(C()), sum([1j, 2j, 3]), sorted([3j, 1j], key=abs), pow(2j, 2), (1+1j) ** 200 if False else "skip")
# A negative base to a fractional power is complex, as in CPython (also in a loop the JIT compiles).
print((-1) ** 0.5, (-8) ** (1/3), (-2.0) ** 1.5, pow(-4, 0.5), (-1.0) ** 2.0, (-2) ** 2)
roots = []
for base in [4.0, -4.0, 9.0, -9.0] * 3:
    roots.append(base ** 0.5)
print(roots[:4], len(roots))
