# Loops that allocate many megabytes: the interpreter commits and collects many times on the
# way; the results must equal CPython's.
# pystm-test: no-gc-stress (stress mode collects the whole heap every 16 safe points: too slow here)
def build(n):
    out = []
    for i in range(n):
        out.append((i, str(i), [i] * 3, {"k": i}))
    return out

data = build(60000)
print(len(data), sum(t[0] for t in data), sum(len(t[1]) for t in data), data[12345], data[-1][3])

d = {}
for i in range(200000):
    d[i % 5003] = d.get(i % 5003, 0) + i
print(len(d), sum(d.values()), d[17], d[5002])

s = 0
words = []
for i in range(50000):
    w = "w" + str(i % 977)
    words.append(w)
    s += len(w)
print(s, len(set(words)), sorted(set(words))[:3])

def gen(n):
    for i in range(n):
        yield [i, i * i]

total = 0
for pair in gen(150000):
    total += pair[1] - pair[0]
print(total)

class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

head = None
for i in range(100000):
    head = Node(i, head)
n = 0
acc = 0
while head is not None:
    acc += head.v
    n += 1
    head = head.nxt
print(n, acc)
