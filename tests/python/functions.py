# Functions: defaults, keyword args, *args, **kwargs, keyword-only, positional-only, recursion.

def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 20), f(1, c=30), f(c=3, b=2, a=1), f(*[7, 8]), f(**{"a": 1, "c": 9}))

# Default values are evaluated once: the mutable default pitfall
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))

def varargs(*args, **kwargs):
    return args, kwargs
print(varargs(), varargs(1, 2), varargs(a=1), varargs(1, *[2, 3], b=4, **{"c": 5}))

def kwonly(a, *, key, flag=False):
    return a, key, flag
print(kwonly(1, key="k"), kwonly(1, flag=True, key=0))

def posonly(a, b, /, c, *, d):
    return a, b, c, d
print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))

def mixed(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw
print(mixed(0, c=5), mixed(0, 1, 2, 3, c=4, e=6))

# posonly names can also be used as **kwargs keys
def po(x, /, **kw):
    return x, kw
print(po(1, x=2))

# Argument errors
def two(a, b):
    return a + b
tests = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, a=2),
    lambda: two(1, c=2),
    lambda: kwonly(1, 2),
    lambda: kwonly(1),
    lambda: posonly(1, b=2, c=3, d=4),
    lambda: f(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError", e)

# Recursion
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fact(0), fact(5), fact(25), [fib(i) for i in range(15)])

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
print(len(hanoi(5, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))

# Functions are objects: attributes, names, docstrings, defaults
def documented(x, y=5):
    """Add two numbers."""
    return x + y
print(documented.__name__, documented.__doc__, documented.__defaults__)
print(kwonly.__kwdefaults__, f.__qualname__, callable(f), type(f).__name__)
documented.custom = "attr"
print(documented.custom)
g = documented
print(g(1), g is documented)

# Functions without return give None; return with no value too
def nothing():
    pass
def early(x):
    if x:
        return
    return "late"
print(nothing(), early(1), early(0))

# Nested function and function returning function
def outer():
    def inner():
        return "inner"
    return inner
print(outer()(), outer().__name__, outer().__qualname__)

# Keyword argument order preserved in **kwargs
def kw(**k):
    return list(k.items())
print(kw(z=1, a=2, m=3))

# Annotations are stored but not enforced
def ann(x: int, y: "str" = "s") -> list:
    return [x, y]
print(ann("not int"), ann.__annotations__)

# Lambdas
square = lambda x: x * x
print(square(7), (lambda *a, **k: (a, k))(1, z=2), (lambda: 42)(), square.__name__)
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]), list(map(lambda x, y: x + y, [1, 2], [10, 20])))
