class S(str): pass
s = S('b')
print(','.join([S('a'), s, 'c']), s in 'abc', 'abc'.startswith(S('a')), 'abc'.replace(s, S('X')), 'a b'.split(S(' ')), int(S('12')), getattr('x', S('upper'))())
print('abc'.find(s), 'abc'.count(s), s + 'x', 'x' + s, '%s-%s' % (s, S('q')), f'{s}', str(s), type(s.upper()).__name__, 'abc'.endswith((S('c'),)))
d = {S('k'): 1}; print(d['k'], 'k' in d, {'k': 2}[S('k')])
import enum
class Color(enum.StrEnum):
    RED = 'red'
    BLUE = 'blue'
print('-'.join([Color.RED, Color.BLUE]), Color.RED in 'a red car', 'red'.startswith(Color.RED), Color('blue'), f'{Color.RED}', str(Color.BLUE))
try:
    ','.join(['a', 3])
except TypeError as e:
    print('TypeError', e)
