import asyncio
import time

log = []

async def worker(name, delay, result):
    log.append(f"start {name}")
    await asyncio.sleep(delay)
    log.append(f"end {name}")
    return result

async def main():
    # gather keeps the order of its arguments; sleeps end in the order of their delays.
    r = await asyncio.gather(worker("a", 0.09, 1), worker("b", 0.01, 2), worker("c", 0.05, 3))
    print(r, log)
    log.clear()

    # Tasks start at the next loop iteration.
    t = asyncio.create_task(worker("t", 0, "T"), name="my-task")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())

    # Cancellation.
    async def forever():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("forever cancelled")
            raise
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("caught CancelledError", t.cancelled())

    # wait_for with a timeout.
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    print(await asyncio.wait_for(worker("w", 0, "fast"), timeout=1))

    # asyncio.timeout (3.11).
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() expired")

    # Exceptions through gather.
    async def fail(msg):
        await asyncio.sleep(0)
        raise ValueError(msg)
    try:
        await asyncio.gather(worker("x", 0, 1), fail("bad"))
    except ValueError as e:
        print("gather raised", e)
    res = await asyncio.gather(fail("one"), worker("y", 0, 2), return_exceptions=True)
    print([type(x).__name__ for x in res], res[1])

    # A producer and consumers through a Queue.
    q = asyncio.Queue(maxsize=2)
    got = []
    async def producer():
        for i in range(10):
            await q.put(i)
        for _ in range(3):
            await q.put(None)
    async def consumer(k):
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                return k
            got.append(item)
    results = await asyncio.gather(producer(), *(consumer(k) for k in range(3)))
    await q.join()
    print(sorted(got), results)

    # Lock: the critical sections do not interleave.
    lock = asyncio.Lock()
    trace = []
    async def locked(n):
        async with lock:
            trace.append(("in", n))
            await asyncio.sleep(0)
            trace.append(("out", n))
    await asyncio.gather(*(locked(n) for n in range(3)))
    print(trace, lock.locked())

    # Event, Semaphore.
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woken"
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await wt)
    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
    await asyncio.gather(*(limited() for _ in range(6)))
    print("peak", peak)

    # TaskGroup (3.11).
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(worker("g1", 0.01, 10))
        t2 = tg.create_task(worker("g2", 0, 20))
    print(t1.result() + t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("in group"))
            tg.create_task(asyncio.sleep(10))
    except ExceptionGroup as eg:
        print("group failed:", type(eg).__name__, eg.args[0], [str(e) for e in eg.args[1]])

    # as_completed, wait, shield.
    order = []
    for fut in asyncio.as_completed([asyncio.sleep(0.06, "slow"), asyncio.sleep(0.01, "quick")]):
        order.append(await fut)
    print(order)
    t1 = asyncio.create_task(asyncio.sleep(0.01, "first"))
    t2 = asyncio.create_task(asyncio.sleep(1, "second"))
    done, pending = await asyncio.wait({t1, t2}, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    t2.cancel()
    print(await asyncio.shield(worker("s", 0, "shielded")))

    # Callbacks on the loop.
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "later")
    loop.call_soon(log.append, "soon")
    print(await fut, log)
    print(asyncio.current_task().get_name(), asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))

    # A thread's result.
    print(await asyncio.to_thread(sum, [1, 2, 3]))
    return "done"

t0 = time.monotonic()
print(asyncio.run(main()))
print(time.monotonic() - t0 < 5)

loop = asyncio.new_event_loop()
print(loop.run_until_complete(worker("u", 0, "until")))
loop.close()
try:
    loop.call_soon(print, "never")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

async def boom():
    raise KeyError("boom")
try:
    asyncio.run(boom())
except KeyError as e:
    print("KeyError:", e)
