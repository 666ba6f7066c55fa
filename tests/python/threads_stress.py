# Threads hammering shared objects: every result is checked against what a serial run gives.
# (Runs unchanged on CPython, where pystm.atomic is replaced by one lock.)
import threading
import queue

try:
    import pystm
    atomic = pystm.atomic
except ImportError:
    atomic = threading.RLock()

T = 4


def run_threads(target, args_of):
    ts = [threading.Thread(target=target, args=args_of(i)) for i in range(T)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


# 1. Shared containers without locks: append, item assignment, set add, pop, iteration.
shared_list = []
shared_dict = {}
shared_set = set()
lengths_ok = []
def racy(k):
    ok = True
    for i in range(800):
        v = k * 100000 + i
        shared_list.append(v)
        shared_dict[v] = -v
        shared_set.add(v)
        if i % 100 == 0:
            # Iterating while others grow the containers must see consistent items.
            n = 0
            for x in list(shared_list):
                if shared_dict.get(x, -x) != -x:
                    ok = False
                n += 1
            if n > len(shared_list):
                ok = False
    lengths_ok.append(ok)
run_threads(racy, lambda i: (i,))
expected = sorted(k * 100000 + i for k in range(T) for i in range(800))
print("list:", len(shared_list), sorted(shared_list) == expected)
print("dict:", len(shared_dict), all(shared_dict[v] == -v for v in expected))
print("set:", len(shared_set), shared_set == set(expected))
print("consistent iteration:", lengths_ok == [True] * T)

# Concurrent pops: every item comes out exactly once.
popped = [[] for _ in range(T)]
def popper(k):
    mine = popped[k]
    while True:
        try:
            mine.append(shared_list.pop())
        except IndexError:
            break
run_threads(popper, lambda i: (i,))
allpopped = [x for p in popped for x in p]
print("pops:", len(allpopped), sorted(allpopped) == expected, len(shared_list))

# Concurrent deletes from one dict: each key removed once.
removed = [0] * T
def deleter(k):
    for v in expected:
        try:
            del shared_dict[v]
            removed[k] += 1
        except KeyError:
            pass
run_threads(deleter, lambda i: (i,))
print("deletes:", sum(removed), len(shared_dict))

# 2. A counter under a Lock is exact.
lock = threading.Lock()
counter = 0
def count(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
run_threads(count, lambda i: (3000,))
print("counter:", counter)

# 3. Bank transfers in atomic blocks lose nothing; an auditor always sees the same total.
class Account:
    def __init__(self, balance):
        self.balance = balance
accounts = [Account(1000) for _ in range(20)]
audits = []
def transfer(k):
    x = 12345 + k
    for i in range(1000):
        x = (x * 1103515245 + 12345) % 2147483648
        a = accounts[x % 20]
        b = accounts[(x >> 8) % 20]
        amount = (x >> 16) % 50
        with atomic:
            if a.balance >= amount:
                a.balance -= amount
                b.balance += amount
def auditor(k):
    for i in range(200):
        with atomic:
            audits.append(sum(acc.balance for acc in accounts))
ts = [threading.Thread(target=transfer, args=(k,)) for k in range(T)]
ts.append(threading.Thread(target=auditor, args=(0,)))
for t in ts:
    t.start()
for t in ts:
    t.join()
print("bank total:", sum(a.balance for a in accounts), "audits:", len(audits), set(audits))
print("no negative balance:", all(a.balance >= 0 for a in accounts))

# 4. Producers and consumers through a Queue: every item delivered exactly once.
q = queue.Queue(maxsize=50)
got = [[] for _ in range(T)]
def producer(k):
    for i in range(1000):
        q.put((k, i))
def consumer(k):
    while True:
        item = q.get()
        if item is None:
            break
        got[k].append(item)
producers = [threading.Thread(target=producer, args=(k,)) for k in range(T)]
consumers = [threading.Thread(target=consumer, args=(k,)) for k in range(T)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
items = [x for g in got for x in g]
print("queue:", len(items), sorted(items) == [(k, i) for k in range(T) for i in range(1000)])
# Each producer's items arrive in order for any one consumer.
print("fifo per producer:", all(
    [i for (k2, i) in g if k2 == k] == sorted(i for (k2, i) in g if k2 == k)
    for g in got for k in range(T)))
