"""A real, tiny threaded program: each of T threads sums its share of range(SIZE)."""
# pystm-bench: scaling=strong size=20000
import sys
import threading


def main(threads, size):
    out = [0] * threads
    def work(k):
        out[k] = sum(range(k, size, threads))
    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("checksum", sum(out))


main(int(sys.argv[1]), int(sys.argv[2]))
