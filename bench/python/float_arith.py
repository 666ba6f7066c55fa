# Float arithmetic: mandelbrot on a small grid (no complex numbers).
import sys


def mandel(size, max_iter):
    inside = 0
    total_iter = 0
    acc = 0.0
    for py in range(size):
        ci = py * 2.0 / size - 1.0
        for px in range(size):
            cr = px * 3.0 / size - 2.0
            zr = 0.0
            zi = 0.0
            it = 0
            while it < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                it += 1
            if it == max_iter:
                inside += 1
            total_iter += it
            acc += zr * 0.5 - zi * 0.25
    return inside, total_iter, acc


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 450
    inside, total_iter, acc = mandel(size, 100)
    print("float_arith", size, inside, total_iter, int(acc * 1000000))


main()
