import heapq

_seed = [12345]
def rnd(n):
    _seed[0] = (_seed[0] * 1103515245 + 12345) % 2147483648
    return _seed[0] % n

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, '->', r)
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

# push / pop layouts
h = []
for v in [5, 3, 8, 1, 9, 2, 7, 3, 1, 6, 0, 4]:
    heapq.heappush(h, v)
    print('push', v, h)
while h:
    v = heapq.heappop(h)
    print('pop', v, h)

# heapify layouts
for n in range(0, 12):
    data = [rnd(20) for _ in range(n)]
    orig = list(data)
    heapq.heapify(data)
    print('heapify', orig, '->', data)

data = [rnd(100) for _ in range(40)]
heapq.heapify(data)
print('big heapify', data)
print('replace', heapq.heapreplace(data, 50), data)
print('pushpop small', heapq.heappushpop(data, -1), data)
print('pushpop big', heapq.heappushpop(data, 77), data)
print('pushpop empty', heapq.heappushpop([], 3))
out = []
while data:
    out.append(heapq.heappop(data))
print('sorted via heap', out == sorted(out), out[:10])

# tuples with ties
h = []
for i, v in enumerate([3, 1, 3, 1, 2, 2, 3]):
    heapq.heappush(h, (v, i))
print('tuple heap', h)
print([heapq.heappop(h) for _ in range(len(h))])

# stability / custom objects
class Item:
    def __init__(self, k, tag):
        self.k = k; self.tag = tag
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return 'I(%d%s)' % (self.k, self.tag)

items = [Item(rnd(5), chr(97 + i)) for i in range(15)]
h = list(items)
heapq.heapify(h)
print('obj heapify', h)
heapq.heappush(h, Item(2, 'Z'))
print('obj push', h)
print('obj pop', heapq.heappop(h), h)
print('obj replace', heapq.heapreplace(h, Item(3, 'Y')), h)

# nlargest / nsmallest
data = [rnd(10) for _ in range(30)]
print('data', data)
for n in [-1, 0, 1, 2, 3, 5, 10, 29, 30, 31, 100]:
    print('nlargest', n, heapq.nlargest(n, data))
    print('nsmallest', n, heapq.nsmallest(n, data))
    print('nlargest iter', n, heapq.nlargest(n, iter(data)))
    print('nsmallest iter', n, heapq.nsmallest(n, iter(data)))
pairs = [(rnd(4), i) for i in range(20)]
for n in [1, 2, 4, 7, 20, 25]:
    print('nlargest key', n, heapq.nlargest(n, pairs, key=lambda p: p[0]))
    print('nsmallest key', n, heapq.nsmallest(n, pairs, key=lambda p: p[0]))
    print('nlargest key it', n, heapq.nlargest(n, iter(pairs), key=lambda p: p[0]))
    print('nsmallest key it', n, heapq.nsmallest(n, iter(pairs), key=lambda p: p[0]))
print('nlargest objs', heapq.nlargest(4, iter(items)))
print('nsmallest objs', heapq.nsmallest(4, iter(items)))
print('nsmallest empty', heapq.nsmallest(3, []), heapq.nsmallest(1, []), heapq.nlargest(1, iter([])))
print('nlargest str', heapq.nlargest(3, 'hello world'))
print('nsmallest key len', heapq.nsmallest(3, ['ccc', 'a', 'bb', 'dd', 'e', 'fff'], key=len))
print('nlargest key len', heapq.nlargest(3, ['ccc', 'a', 'bb', 'dd', 'e', 'fff'], key=len))
print('nlargest key len it', heapq.nlargest(3, iter(['ccc', 'a', 'bb', 'dd', 'e', 'fff']), key=len))

# merge
a = sorted(rnd(20) for _ in range(10))
b = sorted(rnd(20) for _ in range(7))
c = sorted(rnd(20) for _ in range(12))
print('merge', list(heapq.merge(a, b, c)))
print('merge one', list(heapq.merge(a)))
print('merge none', list(heapq.merge()))
print('merge empties', list(heapq.merge([], [], [1], [])))
print('merge rev', list(heapq.merge(sorted(a, reverse=True), sorted(b, reverse=True), reverse=True)))
ka = sorted([(rnd(5), 'a%d' % i) for i in range(6)], key=lambda p: p[0])
kb = sorted([(rnd(5), 'b%d' % i) for i in range(6)], key=lambda p: p[0])
kc = sorted([(rnd(5), 'c%d' % i) for i in range(6)], key=lambda p: p[0])
print('merge key', list(heapq.merge(ka, kb, kc, key=lambda p: p[0])))
print('merge key rev', list(heapq.merge(ka[::-1], kb[::-1], kc[::-1], key=lambda p: p[0], reverse=True)))
print('merge strs', list(heapq.merge(['a', 'c', 'e'], ['b', 'd'], ['aa', 'z'])))
print('merge key len', list(heapq.merge(['x', 'yyy'], ['aa', 'bbbb'], key=len)))
g = heapq.merge(iter([1, 3]), iter([2, 4]))
print('merge gen', next(g), next(g), list(g))

# errors
show('heappop empty', heapq.heappop, [])
show('heapreplace empty', heapq.heapreplace, [], 1)
show('heappush None', heapq.heappush, None, 1)
show('heappop None', heapq.heappop, None)
show('heapify int', heapq.heapify, 5)
show('heapreplace tuple', heapq.heapreplace, (), 1)
show('heappushpop str', heapq.heappushpop, 'a', 1)
h = [1, 'a']
try:
    heapq.heappush(h, 0.5)
    heapq.heappush(h, 'b')
except TypeError as e:
    print('mixed TypeError')
print('after mixed', h)
