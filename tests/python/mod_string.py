import string
from string import Template


def show(label, func, *args, **kwargs):
    try:
        print(label, '->', repr(func(*args, **kwargs)))
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits',
             'hexdigits', 'octdigits', 'punctuation', 'printable',
             'whitespace']:
    value = getattr(string, name)
    print(name, len(value), repr(value))

show('capwords', string.capwords, 'hello   world  foo')
show('capwords lead', string.capwords, '  tHE quick\tbrown\nfox ')
show('capwords sep', string.capwords, 'a-b--c', '-')
show('capwords sep2', string.capwords, 'abc,DEF, ghi', ', ')
show('capwords empty', string.capwords, '')
show('capwords emptysep', string.capwords, 'a b', '')

t = Template('$who likes $what')
show('sub kw', t.substitute, who='tim', what='kung pao')
show('sub map', t.substitute, {'who': 'ann', 'what': 3})
show('sub map+kw', t.substitute, {'who': 'ann', 'what': 3}, what='pie')
show('sub missing', t.substitute, who='x')
show('safe missing', t.safe_substitute, who='x')
show('safe none', t.safe_substitute)
show('template attr', lambda: t.template)

t2 = Template('${noun}ification costs $$10 ${ noun} $')
show('braced', Template('${noun}ification').substitute, noun='class')
show('escaped', Template('$$ and $$$x').substitute, x=1)
show('invalid', t2.substitute, noun='a')
show('invalid safe', t2.safe_substitute, noun='a')
show('invalid col', Template('abc $ x').substitute)
show('invalid line2', Template('line one\nline $2 two').substitute)
show('invalid line3', Template('a\r\nb\nc ${').substitute)
show('invalid start', Template('$').substitute)
show('invalid start safe', Template('$').safe_substitute)
show('unclosed brace', Template('${abc').safe_substitute, abc=1)
show('unclosed brace err', Template('${abc').substitute, abc=1)
show('brace bad', Template('${a b}').safe_substitute, a=1)
show('ident digits', Template('$a1b_2c!').substitute, a1b_2c='ok')
show('ident start digit', Template('$1abc').safe_substitute)
show('underscore', Template('$_x $__').substitute, _x=1, __=2)
show('upper', Template('$ABC$abc').substitute, ABC='U', abc='l')
show('nonascii', Template('$é $x').safe_substitute, x=1)
show('str conv', Template('$a $b $c').substitute, a=None, b=[1, 2], c=1.5)
show('keyerror braced', Template('x ${zz} y').substitute)
show('adjacent', Template('$a$b${a}$$$b').substitute, a='A', b='B')
show('not str key', Template('$a').substitute, {'a': 'map'}, a='kw')
show('is_valid', Template('$a ${b} $$').is_valid)
show('is_valid bad', Template('$a $').is_valid)
show('ids', Template('$a ${b} $a $$ $c $ ${d').get_identifiers)


class Percent(Template):
    delimiter = '%'


show('subclass delim', Percent('%who is %% ${x} %{x}').substitute,
     who='me', x=5)
show('subclass invalid', Percent('50%!').substitute)


class Multi(Template):
    delimiter = '<<'


show('multichar', Multi('a <<x b <<<<y <<{x}').safe_substitute, x=1)
show('multichar invalid', Multi('a << b').substitute)


class Mapping:
    def __getitem__(self, key):
        if key == 'boom':
            raise KeyError(key)
        return key.upper()


show('custom mapping', Template('$foo ${bar} $boom').safe_substitute,
     Mapping())
show('custom mapping err', Template('$foo $boom').substitute, Mapping())
show('positional twice', lambda: t.substitute({}, {}))
show('repr check', lambda: type(t).__name__)

f = string.Formatter()
show('formatter', f.format, '{0} and {name!r:>6} {{x}} {1[0]}', 'a', [7],
     name='n')
show('formatter auto', f.format, '{}-{}', 1, 2)
show('formatter attr', f.format, '{0.imag}', 5)
