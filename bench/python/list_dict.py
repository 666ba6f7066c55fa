# Lists and dicts: append/index/iterate, int and str keys, comprehension, sort.
import sys


def run(n):
    lst = []
    for i in range(n):
        lst.append((i * 7919) % n)
    s = 0
    for i in range(0, n, 3):
        s += lst[i]
    for v in lst:
        s += v & 15
    sq = [v * v % 1000 for v in lst if v % 2 == 0]
    sq.sort()
    lst.sort()
    s += sq[len(sq) // 2] + lst[n // 2]

    d = {}
    for i in range(n):
        d[i] = i * 2
    for i in range(0, n, 2):
        d[i] = d[i] + 1
    for i in range(n):
        s += d[i]

    sd = {}
    keys = ["k" + str(i % 5000) for i in range(n)]
    for k in keys:
        if k in sd:
            sd[k] += 1
        else:
            sd[k] = 1
    for k in keys[:1000]:
        s += sd[k]
    s += len(sd)
    items = sorted(sd.items())
    s += items[0][1] + len(items)
    return s


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 550000
    print("list_dict", n, run(n))


main()
