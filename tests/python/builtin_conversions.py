# Built-in functions stored on classes do not bind; str(bytes, encoding), bytes(__bytes__),
# open() of an os.PathLike.
import math
import os
import time


class A:
    f = len
    g = staticmethod(abs)
    root = math.sqrt
    now = time.monotonic

    def meth(self):
        return "meth"


a = A()
print(a.f([1, 2]), A.f([1]), a.g(-3), a.root(16.0), type(a.now()).__name__, a.meth())
print(isinstance(a.f, type(len)), a.f is len)


class MyList(list):
    pass


ml = MyList([3, 1, 2])
ml.append(0)
ml.sort()
print(ml, [].append.__self__ == [], "x".upper())

print(str(b"\xff", "latin1"), str(b"abc", encoding="ascii"), str(b"\xc3\xa9", "utf-8", "strict"))
print(repr(str(b"\xff", errors="replace")), repr(str(b"a\xffb", "ascii", "ignore")))
for args in [(b"\xff", "utf-8"), ("text", "utf-8"), (1, "utf-8"), (b"x", "no-such-codec")]:
    try:
        str(*args)
    except (TypeError, UnicodeDecodeError, LookupError) as e:
        print(type(e).__name__, e)


class B:
    def __bytes__(self):
        return b"xy"


class BadB:
    def __bytes__(self):
        return "not bytes"


print(bytes(B()), bytes([1, 2]), bytes(3))
try:
    bytes(BadB())
except TypeError as e:
    print("TypeError", e)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "pystm-fspath-%d.txt" % os.getpid())
with open(P(path), "w") as f:
    f.write("through __fspath__")
with open(path.encode()) as f:
    print(f.read())
os.remove(P(path))
print(os.path.exists(path))
try:
    open(3.5)
except TypeError as e:
    print("TypeError", e)
