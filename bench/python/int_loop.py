# Tight integer arithmetic loop: adds, mul, mod, comparisons.
import sys


def work(n):
    total = 0
    x = 1
    i = 0
    while i < n:
        x = (x * 31 + i) % 1000003
        if x > 500000:
            total += x - i
        elif x % 3 == 0:
            total -= 7
        else:
            total += 1
        i += 1
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3500000
    print("int_loop", n, work(n))


main()
