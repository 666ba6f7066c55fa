# Generators: yield, yield from, send, throw, close, generator expressions, return values.

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)), sum(count_up(101)), list(count_up(0)))

g = count_up(2)
print(type(g).__name__, next(g), next(g), next(g, "done"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)

# Generators are lazy: show the interleaving of execution
def noisy():
    print("  start")
    yield 1
    print("  middle")
    yield 2
    print("  end")
for v in noisy():
    print("got", v)

# Return value travels in StopIteration.value
def with_return():
    yield "a"
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", repr(e.value), e.args)

# yield from delegates and returns the subgenerator's return value
def inner():
    x = yield "inner-1"
    print("  inner received", x)
    yield "inner-2"
    return "inner-ret"
def outer():
    r = yield from inner()
    print("  outer got", r)
    yield from [10, 20]
    yield from range(2)
    return "outer-ret"
g = outer()
print(next(g), g.send("hello"), next(g), next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("finished with", e.value)

# send: running average coroutine
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("averaged", e.value, "values")
try:
    count_up(3).send(5)   # must start with None
except TypeError as e:
    print("TypeError", e)

# close runs finally blocks; GeneratorExit inside
def closable():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup")
g = closable()
print(next(g))
g.close()
print("closed")
g.close()   # closing again is harmless
try:
    next(g)
except StopIteration:
    print("exhausted after close")

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  saw GeneratorExit")
        raise
g = catches_exit()
next(g)
g.close()

def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = bad_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
print(next(g, "finished"))   # resume from 'yield 2' and run to the end

# throw
def thrower():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("  handled", repr(e))
            yield "recovered"
g = thrower()
print(next(g), g.throw(ValueError("oops")), next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)

# Generator expressions
ge = (x * x for x in range(5))
print(type(ge).__name__, list(ge), list(ge))   # second pass is empty
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]), list(x + y for x in "ab" for y in "12"))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []), sorted((c for c in "banana"), reverse=True))

# StopIteration raised inside a generator becomes RuntimeError (PEP 479)
def leaky():
    yield 1
    raise StopIteration("inside")
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", repr(e.__cause__))

# Infinite generator with early break; generator state
def naturals():
    n = 0
    while True:
        yield n
        n += 1
out = []
for n in naturals():
    if n * n > 50:
        break
    out.append(n)
print(out)

# Pipelines
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squared(src):
    for x in src:
        yield x * x
print(list(squared(evens(range(10)))))

# A generator cannot be re-entered while running
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)

# iter() on a generator returns itself; zip/enumerate over generators
g = count_up(3)
print(iter(g) is g, list(zip(count_up(3), "abc")), list(enumerate(count_up(2), 1)))
