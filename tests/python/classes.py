# Classes: inheritance, C3 MRO, super(), class attributes, properties, static/class methods,
# __slots__, __repr__/__str__, isinstance/issubclass.

class Animal:
    kingdom = "animalia"       # class attribute
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return "..."
    def describe(self):
        return "%s says %s" % (self.name, self.speak())
    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.name)

class Dog(Animal):
    def speak(self):
        return "woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"
    def __str__(self):
        return "puppy %s, %d months" % (self.name, self.age)

a, d, p = Animal("generic"), Dog("rex"), Puppy("bit", 3)
print(a.describe(), "|", d.describe(), "|", p.describe())
print(repr(p), str(p), [p], "%s %r" % (p, p), Animal.count, p.count, p.kingdom)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), isinstance(p, (int, Dog)), isinstance(3, object))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(bool, int), issubclass(Dog, (str, Animal)))
print(type(p).__name__, type(p) is Puppy, Puppy.__bases__, Puppy.__base__.__name__, Dog.__name__, Puppy.__qualname__)
print(p.__dict__, sorted(vars(d)), p.__class__.__name__)

# Instance attributes shadow class attributes
d.kingdom = "own"
print(d.kingdom, Dog.kingdom, a.kingdom)
del d.kingdom
print(d.kingdom)
Animal.kingdom = "changed"
print(a.kingdom, p.kingdom)

# Multiple inheritance and C3 MRO
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print([k.__name__ for k in D.__mro__], D().who())
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
try:
    class Bad(A, B): pass
except TypeError as e:
    print("TypeError", e)

# Cooperative __init__ with super and kwargs
class Base:
    def __init__(self, **kw):
        self.trail = ["Base"]
class Left(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trail.append("Left")
class Right(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trail.append("Right")
class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Both")
print(Both().trail)
# Explicit two-argument super
class E(B):
    def who(self):
        return "E skips B: " + super(B, self).who()
print(E().who())

# property with getter / setter / deleter
class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(t.celsius, type(Temperature.celsius).__name__)

# staticmethod and classmethod
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @staticmethod
    def add(x, y):
        return x + y
    @classmethod
    def create(cls):
        return cls()
    @classmethod
    def kind(cls):
        return cls.__name__
class SubCounter(Counter):
    pass
print(Counter.add(2, 3), Counter().add(4, 5), type(SubCounter.create()).__name__, SubCounter.kind(), Counter.instances)

# __slots__
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
pt = Point(1, 2)
pt.x = 10
print(pt.x, pt.y, hasattr(pt, "__dict__"), Point.__slots__)
try:
    pt.z = 3
except AttributeError as e:
    print("AttributeError", e)
del pt.y
try:
    pt.y
except AttributeError as e:
    print("AttributeError", e)

# Class-level mutable attribute shared by instances
class Shared:
    items = []
s1, s2 = Shared(), Shared()
s1.items.append(1)
print(s2.items, Shared.items is s1.items)

# Methods: bound vs function
class Greeter:
    def greet(self, who):
        return "hi " + who
g = Greeter()
bound = g.greet
print(bound("bob"), Greeter.greet(g, "ann"), bound.__self__ is g, bound.__func__ is Greeter.greet, type(bound).__name__)

# Default __repr__ / __str__ and __eq__ are identity-based (don't print addresses)
class Plain:
    pass
o1, o2 = Plain(), Plain()
print(repr(o1).startswith("<__main__.Plain object at 0x"), o1 == o1, o1 == o2, str(o1) == repr(o1))
print(Plain.__name__, Plain.__module__, repr(Plain), repr(int), str(Dog))

# Class attributes set after creation, and on the fly
Plain.added = "late"
print(o1.added, getattr(o2, "added"))

# Abstract-ish pattern: NotImplementedError
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for sh in (Square(3), Shape()):
    try:
        print(type(sh).__name__, sh.area())
    except NotImplementedError as e:
        print("NotImplementedError", e)

# __init_subclass__ and __class__ cell
class Registry:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.subclasses.append(cls.__name__)
class R1(Registry): pass
class R2(R1): pass
print(Registry.subclasses)

# Nested classes
class Outer:
    class Inner:
        value = 42
print(Outer.Inner.value, Outer.Inner.__qualname__)

# __new__
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
print(Singleton() is Singleton())

# Calling with wrong args
try:
    Dog()
except TypeError as e:
    print("TypeError", e)
