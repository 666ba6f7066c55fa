# Threads waiting inside callbacks of built-ins (map, a property, __next__ of an iterator
# class): polling a flag, timed queue waits, event waits and sleeps must let the other threads
# run and see what they do, in every mode (found by review).
import threading
import queue
import time

# Polling a flag inside a map() callback until another thread sets it.
stop = []
def poll(_):
    while not stop:
        time.sleep(0.001)
    return "done"
res = []
t = threading.Thread(target=lambda: res.append(list(map(poll, [0]))))
t.start()
time.sleep(0.05)
stop.append(1)
t.join()
print("poll:", res)

# A property that spins until an Event is set.
ev = threading.Event()
class Spinner:
    @property
    def value(self):
        n = 0
        while not ev.is_set():
            n += 1
        return "set"
out = []
t = threading.Thread(target=lambda: out.append(Spinner().value))
t.start()
time.sleep(0.05)
ev.set()
t.join()
print("property:", out)

# Timed queue waits in an iterator's __next__, fed by a producer thread.
q = queue.Queue()
class QIter:
    def __iter__(self):
        return self
    def __next__(self):
        item = q.get(timeout=5)
        if item is None:
            raise StopIteration
        return item
def prod():
    for i in range(20):
        q.put(i)
        time.sleep(0.002)
    q.put(None)
threading.Thread(target=prod).start()
t0 = time.monotonic()
total = 0
for x in QIter():
    total += x
print("queue:", total, time.monotonic() - t0 < 4)

# An Event waited for through map() while another thread sets it.
ev2 = threading.Event()
def setter():
    time.sleep(0.02)
    ev2.set()
threading.Thread(target=setter).start()
print("event:", list(map(ev2.wait, [5])))

# Another thread makes progress while this one sleeps inside map().
cnt = [0]
halt = [False]
def busy():
    while not halt[0]:
        cnt[0] += 1
        time.sleep(0.001)
b = threading.Thread(target=busy)
b.start()
time.sleep(0.02)
c0 = cnt[0]
time.sleep(0)
list(map(time.sleep, [0.2]))
c1 = cnt[0]
halt[0] = True
b.join()
print("progress during a nested sleep:", c1 - c0 > 5)
