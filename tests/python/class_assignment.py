# obj.__class__ = C: the instance keeps its attributes and takes C's methods, even inside a loop
# the JIT compiles; CPython's checks and messages for what cannot change.


class Idle:
    def step(self):
        self.__class__ = Busy
        return "idle->busy"


class Busy:
    def step(self):
        self.count += 1
        if self.count >= 3:
            self.__class__ = Idle
        return f"busy {self.count}"


m = Idle()
m.count = 0
print([m.step() for _ in range(8)], type(m).__name__, m.count)

# A state machine switching classes in a hot loop.
class Even:
    def next(self, n):
        if n % 3 == 0:
            self.__class__ = Odd
        return 2


class Odd:
    def next(self, n):
        if n % 5 == 0:
            self.__class__ = Even
        return 1


s = Even()
total = 0
for i in range(3000):
    total += s.next(i)
print("machine", total, type(s).__name__)


class Base:
    def hello(self):
        return "base " + type(self).__name__


class Derived(Base):
    pass


d = Derived()
d.x = 5
d.__class__ = Base
print(d.hello(), d.x, isinstance(d, Derived), isinstance(d, Base), vars(d))


class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("a",)


class S3:
    __slots__ = ("b",)


x = S1()
x.a = 1
x.__class__ = S2
print(type(x).__name__, x.a)


class P:
    pass


for target, value in [(x, S3), (x, P), (P(), int), (P(), 5), (1, bool), (P(), S1), ([], P)]:
    try:
        target.__class__ = value
        print("assigned", type(target).__name__)
    except TypeError as e:
        print("TypeError:", e)
try:
    del d.__class__
except TypeError as e:
    print("TypeError:", e)


class WithProp:
    @property
    def __class__(self):
        return int


w = WithProp()
print(w.__class__, type(w).__name__, isinstance(w, int))
try:
    w.__class__ = P
except AttributeError as e:
    print("AttributeError:", e)
