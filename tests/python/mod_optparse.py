import sys, os
os.environ['COLUMNS'] = '80'
import io
import optparse
from optparse import OptionParser, OptionGroup, make_option, Option, OptionValueError


def run(parser, args):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        opts, rest = parser.parse_args(args)
        code = None
    except SystemExit as e:
        code = e.code
    finally:
        sys.stdout, sys.stderr = old
    print('args:', args)
    if code is None:
        print('  ->', sorted(vars(opts).items()), rest)
    else:
        print('  exit', code)
    for name, buf in (('stdout', out), ('stderr', err)):
        if buf.getvalue():
            print('  %s:' % name)
            for line in buf.getvalue().splitlines():
                print('  |' + line)


def section(name):
    print()
    print('=' * 10, name)


section('basic')
seen = []
def cb(option, opt_str, value, parser, *args, **kwargs):
    seen.append((opt_str, value, args, sorted(kwargs.items())))
    setattr(parser.values, option.dest, (value or 0) * 2 if value is not None else 'flag')

def cb_varargs(option, opt_str, value, parser):
    vals = []
    for arg in parser.rargs:
        if arg.startswith('-'):
            break
        vals.append(arg)
    del parser.rargs[:len(vals)]
    setattr(parser.values, option.dest, vals)

p = OptionParser(prog='demo', usage='%prog [options] FILE...', version='%prog 2.0',
                 description='Demonstrates optparse with a description long enough that it has to be wrapped over a few lines of output.',
                 epilog='That is all.')
p.add_option('-f', '--file', dest='filename', metavar='FILE', help='write report to FILE')
p.add_option('-q', '--quiet', action='store_false', dest='verbose', default=True,
             help="don't print status messages to stdout")
p.add_option('-v', action='store_true', dest='verbose')
p.add_option('-n', '--num', type='int', default=1, help='a number [default: %default]')
p.add_option('-r', '--ratio', type='float', help='a ratio')
p.add_option('-c', '--choice', type='choice', choices=['a', 'b', 'c'], help='pick one of a, b, c')
p.add_option('-a', '--add', action='append', dest='adds', help='append a value')
p.add_option('-V', '--verbosity', action='count', dest='verbosity')
p.add_option('--const', action='store_const', const='K', dest='k')
p.add_option('--aconst', action='append_const', const=1, dest='ac')
p.add_option('--cb', action='callback', callback=cb, type='int', dest='cbv',
             callback_args=('x',), callback_kwargs={'k': 2}, help='callback with int')
p.add_option('--cbflag', action='callback', callback=cb, dest='cbf')
p.add_option('--multi', action='callback', callback=cb_varargs, dest='multi')
p.add_option('--pair', nargs=2, type='string', dest='pair')
p.add_option('--secret', help=optparse.SUPPRESS_HELP)
p.print_help()
p.print_usage()
print(repr(p.get_usage()))
run(p, [])
run(p, ['-f', 'out.txt', '-q', 'a', 'b'])
run(p, ['--file=o', '-vn', '5', '-r2.5', '-cb', '-a', 'x', '--add', 'y', '-VVV'])
run(p, ['--const', '--aconst', '--aconst', '--cb', '21', '--cbflag'])
run(p, ['--multi', 'p', 'q', '-v', 'rest', '--pair', 'one', 'two'])
run(p, ['--num', 'x'])
run(p, ['--ratio', 'y'])
run(p, ['-c', 'z'])
run(p, ['--bogus'])
run(p, ['-z'])
run(p, ['--fi', 'abbr'])
run(p, ['--pair', 'one'])
run(p, ['--num'])
run(p, ['--const=3'])
run(p, ['--version'])
run(p, ['-h'])
run(p, ['a', '--', '-v'])
print(seen)

section('groups and formatters')
p = OptionParser(prog='grp', add_help_option=True)
p.add_option('--top', help='a top-level option')
g = OptionGroup(p, 'Dangerous Options',
                'Caution: use these options at your own risk.  It is believed that some of them bite.')
g.add_option('-g', action='store_true', help='Group option.')
p.add_option_group(g)
g2 = p.add_option_group('Debug Options')
g2.add_option('-d', '--debug', action='store_true', help='Print debug information')
g2.add_option('-s', '--sql', action='store_true', help='Print all SQL statements executed')
p.print_help()
print(p.get_option_group('-g').title)
p = OptionParser(prog='title', formatter=optparse.TitledHelpFormatter())
p.add_option('--alpha', help='the alpha option, with a help text long enough to need wrapping for sure')
p.add_option('-b', metavar='BETA', help='beta')
p.print_help()
p = OptionParser(prog='ind', formatter=optparse.IndentedHelpFormatter(max_help_position=10, short_first=0))
p.add_option('-x', '--xylophone', help='xylophone help')
p.print_help()

section('defaults, set_defaults, values')
p = OptionParser(prog='defs')
p.add_option('--a', type='int')
p.add_option('--b', default='B')
p.set_defaults(a=7, c='C')
opts, args = p.parse_args([])
print(opts, args)
print(opts.a, opts.b, opts.c)
print(p.get_default_values())
v = optparse.Values({'x': 1})
print(v, v == optparse.Values({'x': 1}), v == {'x': 1})
v.ensure_value('lst', []).append(3)
print(v)
v._update_loose({'y': 2})
print(sorted(vars(v).items()))
opts, args = p.parse_args(['--a', '0x10', 'pos'])
print(opts.a, args)
opts, args = p.parse_args(['--a', '010'])
print(opts.a)
run(p, ['--a', '-0b101'])
run(p, ['--a', '0b101'])
run(p, ['--a', '-12'])

section('interspersed and misc')
p = OptionParser(prog='inter')
p.add_option('-x', action='store_true')
p.disable_interspersed_args()
run(p, ['a', '-x'])
p.enable_interspersed_args()
run(p, ['a', '-x'])
print(p.has_option('-x'), p.has_option('-y'))
print(p.get_option('-x'))
p.remove_option('-x')
print(p.has_option('-x'))
print(str(make_option('-z', '--zed')))
try:
    p.add_option('--bad', action='nope')
except optparse.OptionError as e:
    print('OptionError:', e)
try:
    p.add_option('-h')
except optparse.OptionConflictError as e:
    print('OptionConflictError:', e)
try:
    p.add_option('--t', type='frob')
except optparse.OptionError as e:
    print('OptionError:', e)
try:
    p.add_option('bad')
except optparse.OptionError as e:
    print('OptionError:', e)

section('custom option type')
def check_upper(option, opt, value):
    if not value.isupper():
        raise OptionValueError('option %s: not upper: %r' % (opt, value))
    return value
class MyOption(Option):
    TYPES = Option.TYPES + ('upper',)
    TYPE_CHECKER = dict(Option.TYPE_CHECKER)
    TYPE_CHECKER['upper'] = check_upper
p = OptionParser(prog='custom', option_class=MyOption)
p.add_option('--u', type='upper')
run(p, ['--u', 'ABC'])
run(p, ['--u', 'abc'])

section('error')
p = OptionParser(prog='err', usage='%prog [opts]')
err = io.StringIO()
old = sys.stderr
sys.stderr = err
try:
    p.error('it went wrong')
except SystemExit as e:
    code = e.code
finally:
    sys.stderr = old
print('code', code)
print(err.getvalue(), end='')
try:
    p.exit(0)
except SystemExit as e:
    print('exit', e.code)
p = OptionParser(prog='nousage', usage=optparse.SUPPRESS_USAGE)
p.add_option('-x')
p.print_help()
