# Threads: the threading, _thread, queue and concurrent.futures APIs, with deterministic output.
import threading
import _thread
import queue
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED


def section(name):
    print("--", name)


section("Thread with target, args, kwargs")
results = {}
def work(key, n, scale=1):
    results[key] = sum(range(n)) * scale
ts = [threading.Thread(target=work, args=(i, 100 * (i + 1)), kwargs={"scale": 2}) for i in range(4)]
print([t.is_alive() for t in ts], [t.ident is None for t in ts])
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
print([t.is_alive() for t in ts], [type(t.ident) for t in ts][0])
print(ts[0].name.startswith("Thread-"), ts[0].name.endswith("(work)"))


section("subclassing run")
class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter-%d" % n)
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i
c = Counter(1000)
c.start()
c.join()
print(c.name, c.total, c.is_alive(), c.daemon)
try:
    c.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)


section("join with timeout")
release = threading.Event()
t = threading.Thread(target=release.wait, daemon=True)
t.start()
t.join(timeout=0.05)
print("alive after timeout:", t.is_alive(), "daemon:", t.daemon)
release.set()
t.join()
print("alive after set:", t.is_alive())


section("Lock")
lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
l2 = _thread.allocate_lock()
print(type(l2) is _thread.LockType, repr(l2).startswith("<unlocked _thread.lock object at 0x"))


section("counter under a Lock")
count = 0
def incr(n):
    global count
    for _ in range(n):
        with lock:
            count += 1
ts = [threading.Thread(target=incr, args=(2000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("count", count)


section("RLock")
rl = threading.RLock()
with rl:
    with rl:
        print("nested", rl._is_owned())
print(rl.acquire(), rl.acquire(), end=" ")
rl.release()
rl.release()
print(rl._is_owned())
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)
def other_thread_release():
    try:
        rl.release()
    except RuntimeError as e:
        print("other thread RuntimeError:", e)
rl.acquire()
t = threading.Thread(target=other_thread_release)
t.start()
t.join()
rl.release()


section("Condition: producer and consumer")
cond = threading.Condition()
items = []
consumed = []
def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))
t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    with cond:
        items.append(i * i)
        cond.notify()
t.join()
print(consumed)
with cond:
    print("wait timeout:", cond.wait(0.01))
    print("wait_for:", cond.wait_for(lambda: True))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)


section("Semaphore and BoundedSemaphore")
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
def limited():
    with sem:
        with lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.005)
        with lock:
            inside[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak <= 2:", peak[0] <= 2, "inside:", inside[0])
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False))
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)


section("Event")
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
woken = []
def waiter(i):
    if ev.wait(5):
        with lock:
            woken.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
ev.set()
for t in ts:
    t.join()
print(sorted(woken), ev.is_set())
ev.clear()
print(ev.is_set())


section("Barrier")
bar = threading.Barrier(3, action=lambda: print("barrier action"))
ids = []
def at_barrier():
    i = bar.wait()
    with lock:
        ids.append(i)
ts = [threading.Thread(target=at_barrier) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(ids), bar.parties, bar.n_waiting, bar.broken)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)


section("local")
data = threading.local()
data.name = "main"
seen = []
def use_local(n):
    data.name = n
    time.sleep(0.002)
    with lock:
        seen.append(data.name == n)
ts = [threading.Thread(target=use_local, args=("t%d" % i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(data.name, seen)
def no_attr():
    print("has name in new thread:", hasattr(data, "name"))
t = threading.Thread(target=no_attr)
t.start()
t.join()


section("current_thread, main_thread, enumerate, active_count")
print(threading.current_thread().name, threading.current_thread() is threading.main_thread())
print(threading.get_ident() == threading.main_thread().ident, threading.get_ident() == _thread.get_ident())
names = []
def record():
    names.append(threading.current_thread().name)
    names.append(threading.current_thread() is threading.main_thread())
t = threading.Thread(target=record, name="recorder")
t.start()
t.join()
print(names, threading.active_count(), [x.name for x in threading.enumerate()])


section("_thread.start_new_thread")
done = _thread.allocate_lock()
done.acquire()
out = []
def raw(a, b, c=0):
    out.append(a + b + c)
    done.release()
_thread.start_new_thread(raw, (1, 2), {"c": 3})
done.acquire()
print(out)
for bad in [(1, ()), (print, []), (print, (), 1)]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)


section("queue")
q = queue.Queue()
def producer(k):
    for i in range(50):
        q.put((k, i))
def consumer_q(got):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        got.append(item)
        q.task_done()
gots = [[], []]
ps = [threading.Thread(target=producer, args=(k,)) for k in range(3)]
cs = [threading.Thread(target=consumer_q, args=(g,)) for g in gots]
for t in ps + cs:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    q.put(None)
q.join()
for t in cs:
    t.join()
allgot = gots[0] + gots[1]
print(len(allgot), sorted(allgot) == [(k, i) for k in range(3) for i in range(50)])
print(q.empty(), q.qsize())
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get_nowait()
except queue.Empty:
    print("Empty now")
bq = queue.Queue(maxsize=1)
bq.put(1)
try:
    bq.put(2, timeout=0.01)
except queue.Full:
    print("Full after timeout", bq.full())
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 2]:
    lq.put(x)
    pq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put("a")
print(sq.get(), sq.empty(), sq.qsize())


section("ThreadPoolExecutor")
def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(square, i) for i in range(10)]
    print([f.result() for f in futs])
    print(list(ex.map(square, range(5))))
    print(sorted(f.result() for f in as_completed(futs)))
    done_set, not_done = wait(futs)
    print(len(done_set), len(not_done))
    bad = ex.submit(lambda: 1 / 0)
    print(type(bad.exception()).__name__)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(bad.done(), bad.cancelled())
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)


section("exceptions in threads")
def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
def fails():
    raise ValueError("boom")
t = threading.Thread(target=fails, name="failing")
t.start()
t.join()
def exits():
    sys.exit(3)
t = threading.Thread(target=exits)
t.start()
t.join()
print("main continues")


section("non-daemon threads are waited for at exit")
def late():
    time.sleep(0.02)
    print("late thread done")
threading.Thread(target=late).start()
print("main ends")
