"""Each of T threads appends to and pops from its own list (strong scaling: the total count is
fixed and split among the threads). Usage: append_pop.py THREADS SIZE. Prints a checksum."""
# pystm-bench: scaling=strong size=4_000_000 quick=40_000
import sys
import threading


def work(lo, hi, out, k):
    lst = []
    total = 0
    for i in range(lo, hi):
        lst.append(i)
        total += lst.pop()
    out[k] = total


def main(threads, size):
    out = [0] * threads
    bounds = [size * k // threads for k in range(threads + 1)]
    ts = [threading.Thread(target=work, args=(bounds[k], bounds[k + 1], out, k)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("checksum", sum(out))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 4_000_000)
