async def f(x):
    return x * 2

async def g():
    a = await f(1)
    b = await f(a)
    return a + b

c = g()
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

class Fut:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        r = yield self
        return (self.v, r)

async def h():
    x = await Fut(5)
    y = await Fut(6)
    return x, y

c = h()
print(type(c.send(None)).__name__)
print(type(c.send("a")).__name__)
try:
    c.send("b")
except StopIteration as e:
    print(e.value)

async def agen(n):
    for i in range(n):
        yield i
        await Fut(i)

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

print(run(consume()))

class CM:
    async def __aenter__(self):
        print("enter")
        return "cm"
    async def __aexit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True

async def w():
    async with CM() as x:
        print("in", x)
    async with CM():
        raise ValueError("boom")
    return "after"
print(run(w()))

async def comp():
    return [x * 10 async for x in agen(4) if x != 2], [await f(i) for i in range(3)]
print(run(comp()))
print(f.__code__.co_flags & 0x80, agen.__code__.co_flags & 0x200)

async def bad():
    await 3
try:
    run(bad())
except TypeError as e:
    print("TypeError:", e)

async def anexts():
    a = agen(2)
    print(await anext(a), await anext(a), await anext(a, "done"))
run(anexts())

# throw() and close() pass through `await` to the innermost awaitable.
class Waiter:
    def __await__(self):
        try:
            r = yield "waiting"
        except KeyError as e:
            print("Waiter caught", repr(e))
            return "recovered"
        return r

async def thrower():
    try:
        v = await Waiter()
        print("thrower got", v)
        await Waiter()
    finally:
        print("thrower finally")
    return "end"

c = thrower()
print(c.send(None))
print(c.throw(KeyError("k")))
c.close()
print("closed")
c = thrower()
c.send(None)
try:
    c.throw(ValueError("v"))
except ValueError as e:
    print("ValueError escaped:", e)

# Async generators: athrow, aclose, finally, StopAsyncIteration.
async def ag():
    try:
        yield 1
        try:
            yield 2
        except ZeroDivisionError:
            yield "caught"
        yield 3
    finally:
        print("ag finally")

async def agtest():
    g = ag()
    print(await g.__anext__())
    print(await g.asend(None))
    print(await g.athrow(ZeroDivisionError))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g2 = ag()
    async for v in g2:
        if v == 2:
            break
    await g2.aclose()
    print(type(g2).__name__, g2.__qualname__)

run(agtest())

async def stops():
    yield 1
    raise StopAsyncIteration

async def stoptest():
    try:
        async for v in stops():
            print("item", v)
    except RuntimeError as e:
        print("RuntimeError:", e)
run(stoptest())

async def coro_stop():
    raise StopIteration(3)
try:
    run(coro_stop())
except RuntimeError as e:
    print("RuntimeError:", e)

class AIter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def custom():
    out = []
    async for x in AIter(3):
        out.append(x)
    else:
        out.append("else")
    return out
print(run(custom()))

async def errors():
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with object():
            pass
    except TypeError as e:
        print("TypeError:", e)
    co = f(1)
    try:
        await co
        await co
    except RuntimeError as e:
        print("RuntimeError:", e)
run(errors())

for src in ["await x", "def f():\n    await x", "def f():\n    async for x in y: pass",
            "async def f():\n    yield from x", "async def f():\n    yield 1\n    return 2",
            "def f():\n    return [x async for x in y]"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

c = f(2)
print(repr(c).split(" at ")[0])
c.close()
g = agen(1)
print(repr(g).split(" at ")[0], repr(g.__anext__()).split(" at ")[0])
