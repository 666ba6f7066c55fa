# Many small Python function calls: positional args, default args, recursion.
import sys


def add(a, b):
    return a + b


def scale(a, k=3):
    return a * k


def pick(a, b, c):
    if a > b:
        return c
    return a


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def loop(n):
    acc = 0
    for i in range(n):
        acc = add(acc, scale(i))
        acc = add(acc, scale(i, 2))
        acc = pick(acc, i, acc - i) % 1000000007
    return acc


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    a = loop(n)
    f = 0
    for _ in range(n // 5000):
        f += fib(20)
    print("calls", n, a, f)


main()
