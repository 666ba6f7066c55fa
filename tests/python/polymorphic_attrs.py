# Attribute loads at sites that see many instance shapes (a base-class method reading `self.x`
# of subclasses whose instances lay their attributes out differently), while classes change
# under them: the inline caches must never return a stale or wrong slot.


class Base:
    def total(self):
        return self.x + self.y

    def describe(self):
        return f"{type(self).__name__}: x={self.x} y={self.y}"


def make_classes(n):
    classes = []
    for k in range(n):
        # Each class sets its attributes in a different order, so each has its own map.
        def init(self, a, b, k=k):
            if k % 2:
                self.y = b
                self.x = a
            else:
                self.x = a
                self.y = b
            for j in range(k % 4):
                setattr(self, f"extra{j}", j)

        classes.append(type(f"C{k}", (Base,), {"__init__": init}))
    return classes


classes = make_classes(10)
objs = [cls(i, 10 * i) for i, cls in enumerate(classes)]

# Cycle through more shapes than any cache keeps, many times.
acc = 0
for rnd in range(300):
    for o in objs:
        acc += o.total()
print("sum", acc)

# A few shapes in turn (fits the caches).
few = objs[:4]
acc = 0
for rnd in range(500):
    for o in few:
        acc += o.x * 2 + o.y
print("few", acc)

# A class gains a property for `x` while its instances are cached: loads must see it.
C3 = classes[3]
C3.x = property(lambda self: -1)
acc = 0
for rnd in range(50):
    for o in objs:
        acc += o.total()
print("after property", acc, objs[3].describe())

# The property goes away again: the instance's own value shows through.
del C3.x
print("after del", sum(o.total() for o in objs), objs[3].describe())

# An instance's attribute deleted, then missing: AttributeError, not a stale slot.
o = objs[5]
del o.x
try:
    o.total()
except AttributeError as e:
    print("AttributeError:", e)
o.x = 99
print("restored", o.total())

# Instances switched to a dict by many attributes, and __getattr__ fallbacks.
class Dyn(Base):
    def __init__(self, i):
        for j in range(i):
            setattr(self, f"a{j}", j)
        self.x = i
        self.y = -i

    def __getattr__(self, name):
        return f"<{name}>"


dyn = [Dyn(i) for i in range(0, 40, 3)]
print("dyn", [d.total() for d in dyn], dyn[2].missing)
mixed = objs + dyn
for rnd in range(3):
    print("mixed", rnd, sum(m.total() for m in mixed))


# Stores at sites that see many shapes: a base-class method assigning existing attributes of
# every subclass's instances, and one adding a new attribute (a map transition) to each.
def bump(o, k):
    o.x = o.x + k
    o.y = k


for rnd in range(40):
    for o in objs:
        bump(o, rnd)
print("stored", [(o.x, o.y) for o in objs])


def tag(o, t):
    o.tag = t


for rnd in range(3):
    fresh = [cls(rnd, rnd) for cls in classes]
    for o in fresh:
        tag(o, rnd * 2)
    print("tagged", rnd, [o.tag + o.x for o in fresh], [sorted(vars(o)) == sorted(vars(fresh[0])) for o in fresh][:3])

# A data descriptor added to one class: stores must go through it from then on.
log = []
classes[4].y = property(lambda self: 7, lambda self, v: log.append(v))
for o in objs:
    bump(o, 1)
print("setter log", log, objs[4].y, objs[5].y)
