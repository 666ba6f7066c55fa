"""Coroutines: an asyncio pipeline and recursive awaits (written for pystm). Each of T threads
runs its own event loop over the whole computation (weak scaling). Usage: coroutines.py THREADS
SIZE (SIZE: items through the pipeline). Prints a checksum every thread must agree on.

Three stages per run: a recursive coroutine tree (awaits without the loop), an async generator
feeding producer tasks, a bounded asyncio.Queue drained by consumer tasks; `gather` collects the
consumers' sums."""
# pystm-bench: scaling=weak size=200_000 quick=2_000
import asyncio
import sys

from _threads import same_in_threads


async def tree(depth, k):
    # Awaits a coroutine directly (no task, no loop round trip) at every level.
    if depth == 0:
        return k % 7
    left = await tree(depth - 1, 2 * k)
    right = await tree(depth - 1, 2 * k + 1)
    return (left * 3 + right) % 1_000_003


async def numbers(start, count):
    for i in range(start, start + count):
        if i % 64 == 0:
            await asyncio.sleep(0)
        yield i


async def producer(q, start, count):
    async for i in numbers(start, count):
        await q.put(i * i % 10_007)


async def consumer(q):
    total = 0
    n = 0
    while True:
        item = await q.get()
        if item is None:
            return total, n
        total += item
        n += 1


async def pipeline(size, producers=4, consumers=3):
    q = asyncio.Queue(maxsize=32)
    cons = [asyncio.create_task(consumer(q)) for _ in range(consumers)]
    per = size // producers
    await asyncio.gather(*(producer(q, p * per, per) for p in range(producers)))
    for _ in range(consumers):
        await q.put(None)
    sums = await asyncio.gather(*cons)
    return sum(s for s, _ in sums), sum(n for _, n in sums)


async def run(size):
    t = 0
    for k in range(max(1, size // 2000)):
        t = (t + await tree(10, k)) % 1_000_003
    total, n = await pipeline(size)
    return "%d %d %d" % (t, total, n)


def compute(size):
    return asyncio.run(run(size))


def main(threads, size):
    print("checksum", same_in_threads(threads, compute, size))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200_000)
