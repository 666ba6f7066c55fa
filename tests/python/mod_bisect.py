import bisect

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, '->', r)
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

a = [1, 2, 2, 2, 3, 5, 5, 8, 13]
for x in [-1, 0, 1, 2, 3, 4, 5, 6, 8, 13, 14, 2.5]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
for lo, hi in [(0, None), (2, None), (0, 4), (3, 6), (5, 5), (7, 2), (0, -1), (0, -5), (20, None), (0, 20)]:
    for x in [2, 5, 9]:
        try:
            print('lohi', lo, hi, x, bisect.bisect_left(a, x, lo, hi), bisect.bisect_right(a, x, lo, hi))
        except Exception as e:
            print('lohi', lo, hi, x, '!!', type(e).__name__, e)
print(bisect.bisect_left(a, 5, lo=1, hi=8), bisect.bisect_right(a, 5, hi=7), bisect.bisect(a, 2, lo=2))
print(bisect.bisect_left([], 1), bisect.bisect_right([], 1))
print(bisect.bisect_left(a, 5, True, hi=False))

# key
recs = [('a', 1), ('b', 3), ('c', 3), ('d', 7), ('e', 9)]
k = lambda r: r[1]
for x in [0, 1, 3, 5, 7, 9, 10]:
    print('key', x, bisect.bisect_left(recs, x, key=k), bisect.bisect_right(recs, x, key=k), bisect.bisect(recs, x, key=k))
print('key lohi', bisect.bisect_left(recs, 3, 2, 4, key=k), bisect.bisect_right(recs, 3, 0, 2, key=k))
words = ['a', 'bb', 'cc', 'dddd']
print('key len', bisect.bisect_left(words, 2, key=len), bisect.bisect_right(words, 2, key=len))
print('key None', bisect.bisect_left(a, 5, key=None))

# insort
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(b, v)
print('insort', b)
c = []
for v in [(1, 'x'), (0, 'y'), (1, 'z')]:
    bisect.insort_left(c, v)
print('insort_left', c)
tagged = []
for i, v in enumerate([3, 1, 3, 2, 1, 3]):
    bisect.insort_right(tagged, (v, 'r%d' % i), key=lambda t: t[0])
    bisect.insort_left(tagged, (v, 'l%d' % i), key=lambda t: t[0])
print('insort key', tagged)
d = [1, 2, 3]
bisect.insort(d, 0, 1)
print('insort lo', d)
d = [1, 2, 3]
bisect.insort(d, 9, 0, 1)
print('insort hi', d)
d = [1, 2, 3]
bisect.insort_left(d, 2, hi=-1)
print('insort hi -1', d)
d = [1, 2, 3]
bisect.insort_right(d, 2, lo=0, hi=3)
print('insort kw', d)
s = [1.5, 2.5]
bisect.insort(s, 2)
print('insort mixed', s)

class Seq(list):
    def insert(self, i, x):
        print('custom insert', i, x)
        list.insert(self, i, x)
q = Seq([1, 3])
bisect.insort(q, 2)
print('seq', q)

# errors
show('lo negative', bisect.bisect_left, a, 1, -1)
show('lo negative right', bisect.bisect_right, a, 1, -3, 4)
show('insort lo negative', bisect.insort, [1], 1, -1)
show('insort_left lo negative', bisect.insort_left, [1], 1, -2)
show('lo str', bisect.bisect_left, a, 1, 'a')
show('lo None', bisect.bisect_right, a, 1, None)
show('lo float', bisect.bisect, a, 1, 1.0)
show('hi str', bisect.bisect_left, a, 1, 0, 'b')
show('none seq', bisect.bisect_left, None, 1)
show('incomparable', bisect.bisect_left, [1, 2], 'x')
show('key incomparable', bisect.bisect_right, [1, 2], 'x', key=lambda v: v)
