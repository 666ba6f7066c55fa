# Decorators: function and class decorators, stacking order, decorators with arguments.

def trace(fn):
    def wrapper(*args, **kwargs):
        print("  calling %s%r %r" % (fn.__name__, args, kwargs))
        result = fn(*args, **kwargs)
        print("  %s returned %r" % (fn.__name__, result))
        return result
    wrapper.__name__ = "traced_" + fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

@trace
def add(a, b=0):
    return a + b
print(add(1, 2), add(5, b=1), add.__name__, add.__wrapped__(3, 4))

# Decorator applied at definition time, in bottom-up order
order = []
def mark(label):
    order.append("factory " + label)
    def deco(fn):
        order.append("apply " + label)
        def wrapped():
            return label + "(" + fn() + ")"
        return wrapped
    return deco
@mark("outer")
@mark("inner")
def base():
    return "base"
print(order)
print(base())

# Decorators with arguments
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("ann"))

# Decorator that registers functions
registry = {}
def register(name=None):
    def deco(fn):
        registry[name or fn.__name__] = fn
        return fn          # return the function unchanged
    return deco
@register()
def alpha():
    return "a"
@register("custom")
def beta():
    return "b"
print(sorted(registry), registry["custom"](), alpha())

# Any expression can be a decorator (3.9+)
decorators = [trace]
@decorators[0]
def mul(a, b):
    return a * b
print(mul(6, 7))
@(lambda fn: lambda *a: fn(*a) * 10)
def ten_times(x):
    return x
print(ten_times(4))

# Class-based decorator with state
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls, type(square).__name__)

# Class decorators
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join("%s=%r" % kv for kv in vars(self).items())
        return "%s(%s)" % (cls.__name__, fields)
    cls.__repr__ = __repr__
    return cls
def singleton_tag(cls):
    cls.tag = "decorated"
    return cls
@add_repr
@singleton_tag
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(Point(1, "two"), Point.tag)

# Decorators on methods, combined with builtin decorators
def double_result(fn):
    def wrapper(*args):
        return fn(*args) * 2
    return wrapper
class Calc:
    factor = 5
    @double_result
    def method(self, x):
        return x + 1
    @staticmethod
    @double_result
    def static(x):
        return x
    @classmethod
    @double_result
    def clsm(cls, x):
        return cls.factor * x
    @property
    @double_result
    def prop(self):
        return 21
c = Calc()
print(c.method(1), Calc.static(4), Calc.clsm(2), c.prop)

# A decorator that replaces the function with something else entirely
def to_value(fn):
    return fn()
@to_value
def computed():
    return [1, 2, 3]
print(computed, type(computed).__name__)

# Memoizing decorator with cache exposed as attribute
def memo(fn):
    cache = {}
    def wrapper(n):
        if n in cache:
            return cache[n]
        cache[n] = result = fn(n)
        return result
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))

# Decorator preserving metadata by hand
def keep_meta(fn):
    def wrapper(*a, **k):
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__qualname__ = fn.__qualname__
    return wrapper
@keep_meta
def documented():
    """Docstring kept."""
print(documented.__name__, documented.__doc__, documented.__qualname__)
