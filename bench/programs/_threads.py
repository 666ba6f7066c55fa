"""Shared by the weak-scaling benchmark programs: run the same computation in T threads."""
import threading


def same_in_threads(threads, fn, *args):
    """Calls fn(*args) in each of `threads` threads and returns the result, which every thread
    must agree on (an AssertionError names the results otherwise)."""
    out = [None] * threads

    def work(k):
        out[k] = fn(*args)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert len(set(out)) == 1, out
    return out[0]
