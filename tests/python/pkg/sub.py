# Submodule of pkg.
print("pkg.sub: executing, __name__ =", __name__, "__package__ =", __package__)

SUB_VALUE = [1, 2, 3]

def sub_function(x):
    return "sub_function(%r)" % (x,)
