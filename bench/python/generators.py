# Generator pipeline: generator function + generator expression + sum.
import sys


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def run(n):
    total = sum(x * 3 for x in evens(numbers(n)))
    total += sum(y % 7 for y in (x + 1 for x in range(n // 2)))
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    print("generators", n, run(n))


main()
