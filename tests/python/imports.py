# Imports: a helper module and a package next to this script (found through sys.path[0]).
import sys

print("before imports")
import _mod_helper
print(_mod_helper.CONSTANT, _mod_helper.greet("world"), _mod_helper.Thing(1), _mod_helper.__name__)
print(type(_mod_helper).__name__, _mod_helper.__file__.endswith("_mod_helper.py"), "_mod_helper" in sys.modules)

# A second import doesn't re-execute the module body; it is the same object.
import _mod_helper as again
print(again is _mod_helper, again is sys.modules["_mod_helper"])

# Module state is shared between all importers
print(_mod_helper.bump(), _mod_helper.bump(), again.counter)

# from-import binds names; rebinding them doesn't change the module
from _mod_helper import CONSTANT, greet as hi, Thing
print(CONSTANT, hi("you"), Thing("x"))
CONSTANT = 0
print(CONSTANT, _mod_helper.CONSTANT)

# import * copies public names
def star_import():
    ns = {}
    exec("from _mod_helper import *", ns)
    return sorted(k for k in ns if not k.startswith("__"))
print(star_import())

# Packages and submodules
import pkg
print(pkg.PKG_VALUE, pkg.sub_function(5), pkg.__name__, hasattr(pkg, "sub"))
import pkg.sub
print(pkg.sub.SUB_VALUE, pkg.sub.__name__, pkg.sub is sys.modules["pkg.sub"], pkg._sub_alias is pkg.sub)
from pkg import sub
from pkg.sub import SUB_VALUE as sv
print(sub is pkg.sub, sv is pkg.sub.SUB_VALUE, sub.sub_function("y"))
import pkg.sub as ps
print(ps is pkg.sub)
print(__import__("pkg.sub") is pkg, __import__("_mod_helper").CONSTANT)

# Import errors
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _mod_helper import does_not_exist
except ImportError as e:
    # str(e) contains the module's file path, so print only the stable parts
    print(type(e).__name__, e.name, str(e).startswith("cannot import name 'does_not_exist' from '_mod_helper'"))
try:
    import pkg.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
print(issubclass(ModuleNotFoundError, ImportError))

# Importing builtin modules inside a function binds a local name
def local_import():
    import math
    return math.sqrt(81)
print(local_import(), "math" in globals())

print("__name__ of the main script:", __name__)
