from collections import deque, defaultdict, namedtuple, OrderedDict, Counter, ChainMap, UserDict, UserList


def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


print('=== deque ===')
d = deque()
print(d, len(d), bool(d), d.maxlen)
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), bool(d))
print(d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft([10, 20])
print(d)
print(d[0], d[-1], d[3], d[-4])
d[0] = 'first'
d[-1] = 'last'
print(d)
del d[1]
del d[-2]
print(d)
print('count', d.count(0), d.count(1), d.count('zz'))
print('index', d.index(0), d.index(1), d.index(2, 2), d.index('last', -3), d.index(-1, 0, 5))
d.insert(2, 'ins')
d.insert(-1, 'neg')
d.insert(100, 'end')
d.insert(-100, 'start')
print(d)
d.remove('ins')
print(d)
d.reverse()
print(d)
print('contains', 'neg' in d, 'nope' in d)
print('iter', list(d), list(reversed(d)))
c = d.copy()
c.append('copy')
print(c, d == c, d != c)
d.clear()
print(d, len(d))

# rotate
r = deque(range(7))
for n in [1, 2, -1, -3, 7, 10, -15, 0]:
    r.rotate(n)
    print('rotate', n, r)
r.rotate()
print('rotate default', r)
e = deque()
e.rotate(3)
print('rotate empty', e)
one = deque([1])
one.rotate(5)
print('rotate one', one)
# rotate on a full and a wrapped buffer
w = deque()
for i in range(8):
    w.append(i)
for i in range(3):
    w.popleft()
    w.append(100 + i)
print('wrapped', w)
w.rotate(3)
print('wrapped r3', w)
w.rotate(-5)
print('wrapped r-5', w)
w.rotate(4)
print('wrapped r4', w)

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
m.extend([20, 21])
print(m)
m.extendleft([30, 31])
print(m)
z = deque([1, 2, 3], maxlen=0)
z.append(5)
z.appendleft(4)
print(z, len(z))
m2 = deque('abc', 5)
print(m2, m2.maxlen)
print(repr(deque([1, 2], maxlen=3)))
show('insert full', m.insert, 0, 'x')
show('maxlen set', setattr, m, 'maxlen', 5)
show('maxlen negative', deque, [], -1)
show('maxlen str', deque, [], 'a')
show('deque int', deque, 5)

# operators
a = deque([1, 2, 3])
b = deque([1, 2, 4])
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == deque([1, 2, 3]))
print(deque([1, 2]) < deque([1, 2, 0]), deque() == deque(), a == [1, 2, 3])
print(a + b, a * 2, 2 * a, a * 0, a * -1)
a += [7, 8]
print(a)
a *= 2
print(a)
bm = deque([1, 2, 3], maxlen=4)
print(bm + deque([9]), bm * 3)
x = deque([1, 2])
x.extend(x)
print('extend self', x)
x.extendleft(x)
print('extendleft self', x)

# big
big = deque()
for i in range(1000):
    big.append(i)
for i in range(600):
    big.popleft()
for i in range(300):
    big.appendleft(-i)
print('big', len(big), big[0], big[-1], big[299], big[300], sum(big))
while len(big) > 5:
    big.pop()
print('big after', big)

# errors
show('pop empty', deque().pop)
show('popleft empty', deque().popleft)
show('index oob', deque([1, 2]).__getitem__, 2)
show('index oob neg', deque([1, 2]).__getitem__, -3)
show('index str', lambda: deque([1, 2])['a'])
show('index slice', lambda: deque([1, 2])[0:1])
show('setitem oob', deque([1]).__setitem__, 5, 0)
show('delitem oob', deque([1]).__delitem__, -2)
show('remove missing', deque([1, 2]).remove, 3)
show('index missing', deque([1, 2, 3]).index, 3, 0, 2)
show('index missing 2', deque([1, 2]).index, 'q')
show('index bad start', deque([1, 2]).index, 1, 'a')
show('rotate str', deque([1, 2]).rotate, 'a')
show('hash', hash, deque())
show('concat list', lambda: deque([1]) + [2])

def mutate_iter():
    dd = deque([1, 2, 3])
    for v in dd:
        dd.append(v)
show('mutate during iter', mutate_iter)

def setitem_iter():
    dd = deque([1, 2, 3])
    out = []
    for v in dd:
        out.append(v)
        dd[2] = 'changed'
    return out
show('setitem during iter', setitem_iter)

def mutate_rev():
    dd = deque([1, 2, 3])
    for v in reversed(dd):
        dd.popleft()
show('mutate during reversed', mutate_rev)

rec = deque()
rec.append(rec)
print('recursive', repr(rec))
print('nested', deque([deque([1]), [2, deque()]]))

class MyDeque(deque):
    pass
md = MyDeque([1, 2], 5)
print(md, type(md.copy()).__name__, md.copy(), MyDeque([3]))
print(isinstance(md, deque), type(md).__name__)
print(deque(deque([1, 2])), deque(x for x in range(3)), deque('xyz'), deque(range(3), maxlen=None))

print('=== defaultdict ===')
dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].append(3)
print(dd, dd['a'], len(dd), 'c' in dd, dd.get('c'), 'c' in dd)
print(dd['c'], 'c' in dd, dd)
di = defaultdict(int, {'x': 1}, y=2)
di['z'] += 5
di['x'] += 1
print(di, di.default_factory)
print(sorted(di.items()), list(di.keys()), list(di.values()))
dn = defaultdict()
print(dn, dn.default_factory)
show('missing no factory', dn.__getitem__, 'k')
show('bad factory', defaultdict, 5)
print(defaultdict(None, {1: 2}))
print(defaultdict(lambda: 'dflt')['q'])
dc = di.copy()
dc['new'] += 1
print(type(dc).__name__, dc, di)
print(isinstance(dd, dict), dd == {'a': [1, 2], 'b': [3], 'c': []})
dd.default_factory = set
dd['s'].add(1)
print(dd)
dp = defaultdict(int, a=1) | {'b': 2}
print(dp, type(dp).__name__)
dr = {'z': 0} | defaultdict(int, a=1)
print(dr, type(dr).__name__)
dq = defaultdict(int, a=1)
dq |= {'c': 3}
print(dq)
del dq['a']
print(dq, dq.pop('c'), dq)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 1
print(nested['x'], dict(nested['x']))
class MyDD(defaultdict):
    pass
print(MyDD(int, {1: 1}))

print('=== namedtuple ===')
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), list(p), p == (1, 2), tuple(p))
print(Point, Point.__name__, Point._fields, Point._field_defaults, Point.__doc__)
print(Point(x=3, y=4), Point(5, y=6), Point._make([7, 8]), Point._make(range(2)))
print(p._asdict(), p._replace(y=20), p._replace(), p)
print(isinstance(p, tuple), isinstance(p, Point), type(p).__name__)
x, y = p
print('unpack', x, y)
print('slice', p[:1], p[::-1], p + (3,), p * 2)
print('cmp', Point(1, 2) < Point(1, 3), Point(2, 0) > (1, 9), hash(Point(1, 2)) == hash(Point(1, 2)))
print('count/index', Point(1, 1).count(1), Point(3, 4).index(4))
print('sorted', sorted([Point(2, 1), Point(1, 2), Point(1, 1)]))
P3 = namedtuple('P3', 'a, b c')
print(P3(1, 2, 3), P3._fields)
P4 = namedtuple('P4', 'a b c', defaults=[10, 20])
print(P4(1), P4(1, 2), P4(1, 2, 3), P4._field_defaults)
P5 = namedtuple('P5', ['abc', 'def', 'ghi', 'abc', '_x', '9z'], rename=True)
print(P5._fields)
P6 = namedtuple('P6', 'a', module='mymod')
print(P6, P6.__module__, P6(1))
Empty = namedtuple('Empty', '')
print(Empty(), Empty._fields, Empty._make([]))
One = namedtuple('One', 'v')
print(One(1), One.__doc__, One.__new__.__doc__)
print(Point.x.__doc__, Point.y.__doc__)
print(Point.__new__.__qualname__ if hasattr(Point.__new__, '__qualname__') else '')
show('nt missing arg', Point, 1)
show('nt too many', Point, 1, 2, 3)
show('nt bad kw', Point, 1, z=2)
show('nt make wrong', Point._make, [1])
show('nt make wrong 2', Point._make, [1, 2, 3])
show('nt replace bad', p._replace, z=1)
show('nt setattr', setattr, p, 'x', 5)
show('nt bad type name', namedtuple, 'bad name', 'a')
show('nt keyword', namedtuple, 'P', 'a class')
show('nt keyword type', namedtuple, 'def', 'a')
show('nt underscore', namedtuple, 'P', '_a b')
show('nt dup', namedtuple, 'P', 'a b a')
show('nt bad ident', namedtuple, 'P', 'a 1b')
show('nt defaults', namedtuple, 'P', 'a', defaults=[1, 2])
show('nt not str', namedtuple, 'P', [1, 2])
class Sub(namedtuple('Base', 'a b')):
    __slots__ = ()
    @property
    def total(self):
        return self.a + self.b
    def __repr__(self):
        return 'Sub<%d,%d>' % self
s = Sub(3, 4)
print(s.total, repr(s), s._replace(a=10).total, Sub._fields, Sub._make([1, 1]).total)

print('=== OrderedDict ===')
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
print(od.keys(), od.values(), od.items())
od.move_to_end('b')
print('move end', od)
od.move_to_end('b', last=False)
print('move front', od)
od.move_to_end('a', False)
print('move front 2', od)
print('popitem', od.popitem(), od)
print('popitem first', od.popitem(last=False), od)
od.update([('x', 1), ('y', 2)], z=3)
print(od)
print('reversed', list(reversed(od)), list(reversed(od.keys())), list(reversed(od.items())), list(reversed(od.values())))
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print('eq', o1 == o2, o1 != o2, o1 == dict(o2), dict(o2) == o1, o1 == OrderedDict(a=1, b=2))
print('eq3', o1 == {'a': 1}, o1 != {'a': 1, 'b': 2})
print(OrderedDict(), repr(OrderedDict()), OrderedDict({'k': 'v'}))
print(OrderedDict.fromkeys('abc'), OrderedDict.fromkeys([1, 2], 0))
oc = o1.copy()
oc['c'] = 3
print(oc, o1, type(oc).__name__)
print(o1.setdefault('a', 9), o1.setdefault('n', 9), o1)
print(o1.pop('n'), o1.pop('zz', 'dflt'), o1)
o1['a'] = 100
print('overwrite keeps position', o1)
del o1['a']
o1['a'] = 1
print('del and reinsert', o1)
print(o1 | {'q': 1}, type(o1 | {'q': 1}).__name__)
print({'q': 1} | o1, type({'q': 1} | o1).__name__)
o1 |= {'w': 0}
print(o1)
print('keys ops', od.keys() & {'x', 'y'} == {'x', 'y'}, 'x' in od.keys(), ('x', 1) in od.items(), 2 in od.values())
show('popitem empty', OrderedDict().popitem)
show('popitem empty first', OrderedDict().popitem, False)
show('move missing', od.move_to_end, 'missing')
show('pop missing', od.pop, 'missing')
show('getitem missing', od.__getitem__, 'missing')
recod = OrderedDict()
recod['self'] = recod
print('recursive od', recod)
class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
lu = LastUpdated()
lu['a'] = 1
lu['b'] = 2
lu['a'] = 3
print(lu)
lu.update(b=5)
print(lu)
print(isinstance(od, dict), len(od), sorted(od))

print('=== Counter ===')
c = Counter('abracadabra')
print(c, c['a'], c['z'], 'z' in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1), c.most_common(100))
print(''.join(c.elements()), sorted(c.elements()))
print(c.total())
c.update('aaz')
print(c)
c.update({'b': 10, 'new': 1})
print(c)
c.update(x=2)
print(c)
c.subtract('aab')
print(c)
c.subtract({'z': 5, 'q': 1})
print(c)
c.subtract(x=1)
print(c)
print(Counter(), Counter(a=1, b=3), Counter({'x': 2, 'y': 5}), Counter([1, 1, 2]))
print(Counter('aab') + Counter('bcc'), Counter('aab') - Counter('abb'), Counter('aab') | Counter('bbc'), Counter('aab') & Counter('abbc'))
neg = Counter(a=2, b=-1, c=0)
print(+neg, -neg, neg)
print(Counter(a=3) - Counter(a=5, b=-2))
i1 = Counter(a=3, b=1)
i1 += Counter(a=-1, b=-5, c=2)
print('iadd', i1)
i1 -= Counter(a=1)
print('isub', i1)
i1 |= Counter(a=5, d=1)
print('ior', i1)
i1 &= Counter(a=2, c=10)
print('iand', i1)
print('eq', Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) == {'a': 1}, Counter(a=1) == {'a': 1, 'b': 0})
print('cmp', Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1, b=0), Counter(a=2) > Counter(a=2, b=-1))
del c['a']
del c['not-there']
print(c)
cc = c.copy()
cc['k'] = 7
print(type(cc).__name__, cc == c)
print(Counter('hello world').most_common(3))
ties = Counter(['x', 'y', 'z', 'y', 'z', 'w'])
print(ties.most_common(), ties)
print(Counter({'a': 1.5, 'b': 0.5}) + Counter({'a': 1}))
show('fromkeys', Counter.fromkeys, 'abc')
show('add dict', lambda: Counter('a') + {'a': 1})
print(sorted(Counter('mississippi').items()))
print(sum(Counter('xyz').values()), list(Counter('cba')))
print(Counter(Counter('aab')), Counter(dict(a=3)))
class MyCounter(Counter):
    pass
print(MyCounter('aa'), MyCounter('ab').copy())

print('=== ChainMap ===')
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], cm['c'], len(cm), list(cm), sorted(cm.items()), 'a' in cm, 'z' in cm)
print(cm.get('z'), cm.get('z', 0), cm.get('a'), dict(cm))
cm['d'] = 4
print(over, base)
del cm['b']
print(over, cm['b'])
show('del missing', cm.__delitem__, 'a')
show('getitem missing', cm.__getitem__, 'zz')
child = cm.new_child()
child['a'] = 'child'
print(child, child['a'], child.parents, child.maps[0])
child2 = cm.new_child({'x': 1}, y=2)
print(child2)
print(ChainMap(), bool(ChainMap()), bool(ChainMap({}, {'a': 1})), ChainMap().maps)
cc = cm.copy()
cc['copy'] = 1
print(cc, 'copy' in cm)
print(cm.pop('d'), cm.pop('zzz', 'default'))
show('pop missing', cm.pop, 'zzz')
show('popitem empty', ChainMap({}, {'a': 1}).popitem)
print(ChainMap({'k': 1}).popitem())
print(ChainMap.fromkeys('ab', 0))
print(cm | {'q': 9}, {'q': 9} | ChainMap({'a': 1}, {'b': 2}))
cm |= {'r': 0}
print(cm)
cm.clear()
print(cm, base)
print(list(ChainMap({'a': 1}, {'b': 2}, {'c': 3, 'a': 0})))
print(ChainMap({'a': 1}) == {'a': 1}, ChainMap({'a': 1}) == ChainMap({}, {'a': 1}))
print(cm.setdefault('s', 5), cm)
cm.update({'t': 1}, u=2)
print(cm)

print('=== UserDict / UserList ===')
ud = UserDict({'a': 1}, b=2)
ud['c'] = 3
print(ud, len(ud), ud['a'], 'b' in ud, list(ud), ud.get('z', 'no'), sorted(ud.items()))
del ud['a']
print(ud, ud.pop('b'), ud, ud.setdefault('d', 4), ud)
print(ud == {'c': 3, 'd': 4}, ud.copy(), type(ud.copy()).__name__)
print(ud | {'e': 5}, UserDict.fromkeys('xy', 1))
show('ud missing', ud.__getitem__, 'zz')
class Dflt(UserDict):
    def __missing__(self, key):
        return 'missing-' + key
print(Dflt()['k'])
ul = UserList([3, 1, 2])
ul.append(5)
ul.sort()
print(ul, len(ul), ul[0], ul[1:3], type(ul[1:3]).__name__, ul + [9], ul.__radd__([0]))
ul.extend([7, 7])
print(ul, ul.count(7), ul.index(7), 7 in ul)
ul.remove(7)
ul.insert(0, 'x')
print(ul, ul.pop(), ul.pop(0), ul)
ul.reverse()
print(ul, ul == [5, 3, 2, 1], ul * 2)
ul += [0]
print(ul)
print(deque[int], Counter[str], OrderedDict[str, int], defaultdict[str, list])
