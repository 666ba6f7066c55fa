# Helper module imported by imports.py (regen.sh skips files starting with '_').
print("_mod_helper: executing module body, __name__ =", __name__)

CONSTANT = 42
_private = "underscore names are skipped by 'import *'"
counter = 0

def greet(name):
    return "hello, " + name

def bump():
    global counter
    counter += 1
    return counter

class Thing:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Thing(%r)" % (self.v,)

if __name__ == "__main__":
    print("_mod_helper: run as a script (never happens in these tests)")
