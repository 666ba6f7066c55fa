class I(int): pass
for C in (I, dict, ValueError):
    try:
        object.__new__(C if C is I else type('S', (C,), {}))
    except TypeError as e:
        print('TypeError:', e)
class M(type):
    def __instancecheck__(cls, x): return x == 'magic'
class E(metaclass=M): pass
print(isinstance('magic', (int, E)), isinstance(3, (str, E)), isinstance(E(), E))
T = type('T', (E,), {})
print(type(T).__name__, isinstance('magic', T))
print(hash(''), hash(b''))
