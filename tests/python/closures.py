# Closures, nonlocal, global, late binding, lambdas.

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1())

# Closures capture variables, not values: late binding
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]   # default argument binds the current value
print([f() for f in fns])
def make_adders():
    adders = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders
print([a(10) for a in make_adders()])

# A closure sees later rebinding of the enclosing variable
def outer():
    x = "before"
    def show():
        return x
    x = "after"
    return show
print(outer()())

# global
total = 0
def add_global(n):
    global total
    total += n
add_global(5)
add_global(7)
print(total)

def set_new_global():
    global created_later
    created_later = "made in function"
set_new_global()
print(created_later)

# Without global, assignment makes a local: UnboundLocalError
counter = 10
def broken():
    counter += 1
    return counter
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError", e)

# Reading a global without assignment is fine
def read_global():
    return counter * 2
print(read_global())

# Nested nonlocal through several levels
def level1():
    v = []
    def level2():
        def level3():
            nonlocal v
            v = v + ["l3"]
        level3()
        v.append("l2")
    level2()
    return v
print(level1())

# nonlocal shared between two inner functions
def account(balance):
    def deposit(n):
        nonlocal balance
        balance += n
        return balance
    def withdraw(n):
        nonlocal balance
        if n > balance:
            raise ValueError("insufficient funds")
        balance -= n
        return balance
    return deposit, withdraw
dep, wd = account(100)
print(dep(50), wd(30), dep(0))
try:
    wd(1000)
except ValueError as e:
    print("ValueError", e)

# Closure cells inspected through __closure__ contents
def mk(a, b):
    def g():
        return a + b
    return g
g = mk(1, 2)
print(g(), len(g.__closure__), [cell.cell_contents for cell in g.__closure__])

# Lambdas in closures and composition
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))

# Memoization with a closure-held dict
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))

# Class bodies don't create enclosing scopes for methods
x = "global x"
class K:
    x = "class x"
    def m(self):
        return x
    lst = [x for _ in range(1)]   # comprehension in class body skips the class scope
print(K().m(), K.lst, K.x)

# locals are per-call
def gen_list():
    items = []
    items.append(len(items))
    return items
print(gen_list(), gen_list())
