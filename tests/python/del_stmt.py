# The del statement: names, items, slices, attributes, and the errors it raises.

x = 10
y = [1, 2]
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
alias = y
del y               # deletes only the name, not the object
print(alias)

a, b, c = 1, 2, 3
del a, b            # several targets
print(c, "a" in globals(), "b" in globals(), "c" in globals())

# Items and slices
L = list(range(10))
del L[0]
del L[-1]
print(L)
del L[2:4]
print(L)
del L[::2]
print(L)
del L[:]
print(L)
try:
    del L[0]
except IndexError as e:
    print("IndexError", e)

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)

nested = {"k": [1, {"inner": 2, "gone": 3}]}
del nested["k"][1]["gone"]
print(nested)

# Attributes
class Box:
    cls_attr = "class"
    def __init__(self):
        self.v = 1
        self.w = 2
bx = Box()
del bx.v
print(vars(bx), hasattr(bx, "v"))
try:
    del bx.v
except AttributeError as e:
    print("AttributeError", e)
try:
    del bx.cls_attr     # class attributes can't be deleted through an instance
except AttributeError as e:
    print("AttributeError", e)
del Box.cls_attr
print(hasattr(Box, "cls_attr"))

# __delitem__ and __delattr__ hooks
class Hooks:
    def __delitem__(self, key):
        print("  __delitem__", repr(key))
    def __delattr__(self, name):
        print("  __delattr__", name)
h = Hooks()
del h[3]
del h[1:2]
del h["k"], h.attr

# del of a local makes it unbound again
def local_del():
    v = 5
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())

# del inside a loop over a copy
nums = [1, 2, 3, 4, 5, 6]
for i in reversed(range(len(nums))):
    if nums[i] % 2 == 0:
        del nums[i]
print(nums)

# del on tuples and strings fails
for obj in ((1, 2), "ab"):
    try:
        del obj[0]
    except TypeError as e:
        print("TypeError", e)

# del of a target list in parentheses / brackets
p, q = 1, 2
del (p, q)
print("p" in dir(), "q" in dir())
r = [1, 2, 3]
s = [4, 5]
del [r[0], s[1]]
print(r, s)

# Deleting a global from inside a function needs 'global'
g = "global value"
def delete_global():
    global g
    del g
delete_global()
print("g" in globals())
