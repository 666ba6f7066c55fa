"""A mandelbrot set split into 16 horizontal bands, shared among T threads (band i goes to
thread i % T; strong scaling). Usage: mandelbrot.py THREADS SIZE (SIZE: width = height).
Prints a checksum (the sum of all iteration counts)."""
# pystm-bench: scaling=strong size=320 quick=32
import sys
import threading

BANDS = 16
MAX_ITER = 50


def band(y0, y1, size, out, k):
    total = 0
    for y in range(y0, y1):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.5 * x / size - 2.0
            zr = zi = 0.0
            i = 0
            while i < MAX_ITER and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            total += i
    out[k] += total


def worker(k, threads, size, out):
    step = size // BANDS
    for b in range(k, BANDS, threads):
        band(b * step, (b + 1) * step if b < BANDS - 1 else size, size, out, k)


def main(threads, size):
    out = [0] * threads
    ts = [threading.Thread(target=worker, args=(k, threads, size, out)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("checksum", sum(out))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 320)
