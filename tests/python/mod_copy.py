import copy
import sys


def show(label, func, *args):
    try:
        print(label, '->', repr(func(*args)))
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


def same(a, b):
    return a is b


print('Error', issubclass(copy.Error, Exception), copy.error is copy.Error)


def plain_function():
    return 'f'


class Plain:
    pass


# atoms are returned unchanged
atoms = [None, 1, -5, 2 ** 70, 1.5, True, False, 'text', b'bytes', Ellipsis,
         NotImplemented, plain_function, len, Plain, int, range(3),
         property()]
print('copy atoms', [copy.copy(a) is a for a in atoms])
print('deepcopy atoms', [copy.deepcopy(a) is a for a in atoms])
print('copy slice', copy.copy(slice(1, 2)) == slice(1, 2))
print('deep slice', copy.deepcopy(slice(1, [2], 3)))

# built-in containers
lst = [1, [2, 3], {'a': [4]}]
c = copy.copy(lst)
d = copy.deepcopy(lst)
print('list', c == lst, c is lst, c[1] is lst[1], d == lst, d[1] is lst[1],
      d[2]['a'] is lst[2]['a'])
dct = {'k': [1, 2], 'n': 1, (1, 2): 'tuple key'}
c = copy.copy(dct)
d = copy.deepcopy(dct)
print('dict', c == dct, c is dct, c['k'] is dct['k'], d == dct,
      d['k'] is dct['k'], list(d))
st = {3, 1, 2}
c = copy.copy(st)
d = copy.deepcopy(st)
print('set', sorted(c), c is st, sorted(d), d is st, type(d).__name__)
fs = frozenset([1, 2, (3, 4)])
print('frozenset', copy.copy(fs) is fs, copy.deepcopy(fs) is fs,
      copy.deepcopy(fs) == fs)
tup = (1, 'a', (2, 3))
print('tuple atoms', copy.copy(tup) is tup, copy.deepcopy(tup) is tup)
tup2 = (1, [2], (3, [4]))
d = copy.deepcopy(tup2)
print('tuple mutable', d == tup2, d is tup2, d[1] is tup2[1],
      d[2] is tup2[2], d[2][1] is tup2[2][1])
print('empty', copy.copy([]), copy.copy({}), copy.deepcopy(()),
      copy.deepcopy(set()))

# shared references and cycles
shared = [1, 2]
outer = [shared, shared, {'x': shared}]
d = copy.deepcopy(outer)
print('shared', d[0] is d[1], d[0] is d[2]['x'], d[0] is shared, d)
cyc = [1, 2]
cyc.append(cyc)
d = copy.deepcopy(cyc)
print('cycle list', d[2] is d, d[2] is cyc, len(d), d[:2])
cd = {'name': 'root'}
cd['self'] = cd
d = copy.deepcopy(cd)
print('cycle dict', d['self'] is d, d is cd, d['name'])
ct = ([],)
ct[0].append(ct)
d = copy.deepcopy(ct)
print('cycle tuple', d is ct, d[0][0] is d, type(d).__name__)


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child

    def __repr__(self):
        return 'Node(%r, %d kids)' % (self.value, len(self.children))


root = Node('root')
kid = root.add(Node('kid'))
kid.add(Node('grandkid'))
d = copy.deepcopy(root)
print('tree', d, d.children, d.children[0].parent is d, d is root,
      d.children[0] is kid)
s = copy.copy(root)
print('tree shallow', s, s.children is root.children, s is root,
      sorted(vars(s)))

# memo argument
memo = {}
a = [1, 2]
d1 = copy.deepcopy(a, memo)
d2 = copy.deepcopy(a, memo)
print('memo', d1 is d2, id(a) in memo, memo[id(a)] is d1,
      memo[id(memo)][0] is a, len(memo))


class Point:
    """A dataclass-like record."""

    def __init__(self, x, y, tags=None):
        self.x = x
        self.y = y
        self.tags = tags if tags is not None else []

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return (self.x, self.y, self.tags) == (other.x, other.y, other.tags)

    def __repr__(self):
        return 'Point(x=%r, y=%r, tags=%r)' % (self.x, self.y, self.tags)


p = Point(1, 2, ['a'])
c = copy.copy(p)
d = copy.deepcopy(p)
print('point', c, c == p, c is p, c.tags is p.tags, d == p, d.tags is p.tags)
pts = [p, p]
d = copy.deepcopy(pts)
print('point shared', d[0] is d[1], d[0] is p)
e = Plain()
print('empty instance', type(copy.copy(e)).__name__, vars(copy.deepcopy(e)))


class Slotted:
    __slots__ = ('a', 'b', '__hidden')

    def __init__(self):
        self.a = [1]
        self.__hidden = 'h'

    def hidden(self):
        return self.__hidden


s = Slotted()
c = copy.copy(s)
d = copy.deepcopy(s)
print('slots', c.a, c.a is s.a, hasattr(c, 'b'), c.hidden(), d.a,
      d.a is s.a, hasattr(d, 'b'), d.hidden())
print('slotnames', len(Slotted.__slotnames__))


class SubSlotted(Slotted):
    __slots__ = 'c'


ss = SubSlotted()
ss.c = 'cval'
ss.b = 'bval'
c = copy.deepcopy(ss)
print('sub slots', type(c).__name__, c.a, c.b, c.c, c.hidden())


class SlotsAndDict(Slotted):
    __slots__ = ('__dict__', 'z')


sd = SlotsAndDict()
sd.z = 26
sd.extra = 'e'
c = copy.copy(sd)
print('slots+dict', c.z, c.extra, c.a, vars(c).get('extra'))


class WithHooks:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('  __copy__ called')
        return WithHooks(('copied', self.v))

    def __deepcopy__(self, memo):
        print('  __deepcopy__ called, memo is dict:', type(memo) is dict)
        return WithHooks(('deep', copy.deepcopy(self.v, memo)))


h = WithHooks([1])
print('hook copy', copy.copy(h).v)
print('hook deepcopy', copy.deepcopy(h).v)
print('hook in list', [o.v for o in copy.deepcopy([h, h])])


class State:
    def __init__(self):
        self.secret = 'x'
        self.items = [1, 2]

    def __getstate__(self):
        print('  getstate')
        return {'items': self.items}

    def __setstate__(self, state):
        print('  setstate', sorted(state))
        self.items = state['items']
        self.restored = True


st = State()
c = copy.copy(st)
print('state copy', sorted(vars(c)), c.items is st.items)
d = copy.deepcopy(st)
print('state deep', sorted(vars(d)), d.items is st.items, d.items)


class Reduced:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))

    def __repr__(self):
        return 'Reduced(%r, %r)' % (self.a, self.b)


r = Reduced([1], 'b')
c = copy.copy(r)
d = copy.deepcopy(r)
print('reduce', c, c.a is r.a, d, d.a is r.a)


class ReduceEx:
    def __reduce_ex__(self, proto):
        print('  reduce_ex protocol', proto)
        return 'global_name'


rx = ReduceEx()
print('reduce_ex str', copy.copy(rx) is rx, copy.deepcopy(rx) is rx)


class NewArgs:
    def __new__(cls, value):
        self = object.__new__(cls)
        self.value = value
        return self

    def __getnewargs__(self):
        return (self.value,)


na = NewArgs([5])
c = copy.copy(na)
d = copy.deepcopy(na)
print('newargs', c.value, c.value is na.value, d.value, d.value is na.value)


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.attr = 'a'
c = copy.copy(ml)
d = copy.deepcopy(ml)
print('list subclass', type(c).__name__, c, c.attr, c[1] is ml[1],
      type(d).__name__, d, d[1] is ml[1], d.attr)


class MyDict(dict):
    pass


md = MyDict(a=[1])
md.note = 'n'
c = copy.copy(md)
d = copy.deepcopy(md)
print('dict subclass', type(c).__name__, c, c.note, c['a'] is md['a'],
      d, d['a'] is md['a'])


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


mi = MyInt(7)
mi.label = 'seven'
c = copy.copy(mi)
print('int subclass', type(c).__name__, c, c.label, c is mi)
ms = copy.deepcopy(MyStr('abc'))
print('str subclass', type(ms).__name__, ms)
mt = MyTuple([1, [2]])
d = copy.deepcopy(mt)
print('tuple subclass', type(d).__name__, d, d[1] is mt[1])


class MySet(set):
    pass


mset = MySet([1, 2])
print('set subclass', type(copy.copy(mset)).__name__,
      sorted(copy.deepcopy(mset)))

exc = ValueError('bad', 42)
c = copy.copy(exc)
print('exception', type(c).__name__, c.args, c is exc)
exc.note = 'extra'
d = copy.deepcopy(exc)
print('exception attrs', d.args, d.note)


class Method:
    def __init__(self):
        self.data = [1]

    def get(self):
        return self.data


m = Method()
bm = copy.deepcopy(m.get)
print('method deepcopy', bm(), bm() is m.data)
sm = copy.copy(m.get)
print('method copy', sm(), sm() is m.data)


class Meta:
    def __init__(self):
        self.cls = Plain
        self.func = plain_function


mm = copy.deepcopy(Meta())
print('class/func attrs', mm.cls is Plain, mm.func is plain_function)

show('copy module', copy.copy, sys)
show('deepcopy module', copy.deepcopy, sys)
show('copy generator', copy.copy, (i for i in range(3)))


class Bad:
    def __deepcopy__(self, memo):
        raise copy.Error('cannot deep copy Bad')


show('hook raises', copy.deepcopy, [Bad()])


class GetAttrAll:
    def __getattr__(self, name):
        raise AttributeError(name)


g = GetAttrAll()
g.x = 1
print('getattr class', copy.deepcopy(g).x, copy.copy(g).x)

big = {'level%d' % i: [i, {'n': (i, [i])}] for i in range(5)}
d = copy.deepcopy(big)
print('big', d == big, d['level3'][1]['n'][1] is big['level3'][1]['n'][1])
