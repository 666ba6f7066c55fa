"""'Did you mean' in tracebacks (CPython 3.11): NameError from locals, globals and builtins,
AttributeError from dir(obj), for instances, modules and classes; the exceptions' name/obj."""
import math
import sys
import traceback


class Point:
    def __init__(self):
        self.x_coord = 1
        self.y_coord = 2

    def distance(self):
        return 0


def show(f):
    try:
        f()
    except (NameError, AttributeError) as e:
        # The traceback module of 3.11 adds no suggestion; the interpreter's report does.
        print(traceback.format_exc().splitlines()[-1])
        print("  str:", e, "| name:", getattr(e, "name", "-"))
        sys.stdout.flush()
        sys.__excepthook__(type(e), e, e.__traceback__)


def uses_local():
    counter = 1
    return countr + 1


global_value = 5
p = Point()
show(lambda: global_valeu)
show(uses_local)
show(lambda: lenn([]))
show(lambda: p.x_cord)
show(lambda: p.distanse())
show(lambda: math.sqr(4))
show(lambda: Point.distanc)
show(lambda: [].apend(1))
show(lambda: p.completely_different_name)
show(lambda: undefined_thing_xyz)
e = AttributeError("custom")
print(e.name, e.obj, NameError("n").name)
print(p.y_cordinate)
