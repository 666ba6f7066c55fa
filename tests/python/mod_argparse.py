import sys, os
os.environ['COLUMNS'] = '80'
import io
import argparse


def run(parser, args, known=False):
    """Parses args, printing the result or the captured exit."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        if known:
            r = parser.parse_known_args(args)
        else:
            r = parser.parse_args(args)
        code = None
    except SystemExit as e:
        r = None
        code = e.code
    finally:
        sys.stdout, sys.stderr = old
    print('args:', args)
    if code is None:
        print('  ->', r)
    else:
        print('  exit', code)
    if out.getvalue():
        print('  stdout:')
        for line in out.getvalue().splitlines():
            print('  |' + line)
    if err.getvalue():
        print('  stderr:')
        for line in err.getvalue().splitlines():
            print('  |' + line)


def section(name):
    print()
    print('=' * 10, name)


section('basic')
p = argparse.ArgumentParser(prog='demo', description='A demo program that does things.',
                            epilog='Report bugs to nobody.')
p.add_argument('foo', help='a positional foo')
p.add_argument('bar', nargs='?', default='B', help='optional positional')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('-n', '--num', type=int, default=3, help='a number (default: %(default)s)')
p.add_argument('-f', '--float', type=float, dest='fl', metavar='F', help='a float')
p.add_argument('--color', choices=['red', 'green', 'blue'], default='red', help='pick a color')
p.add_argument('-q', action='store_true', help='quiet')
p.add_argument('--no-cache', action='store_false', dest='cache', help='disable the cache')
p.add_argument('--const', action='store_const', const=42, help='store the constant')
p.add_argument('-I', '--include', action='append', default=[], help='add an include dir')
p.add_argument('--tag', action='append_const', const='T', dest='tags')
p.add_argument('--ext', action='extend', nargs='+', help='extend a list')
p.add_argument('--version', action='version', version='%(prog)s 1.2.3')
p.print_help()
p.print_usage()
print(repr(p.format_usage()))
run(p, ['x'])
run(p, ['x', 'y', '-vvv', '--num', '7', '-f', '2.5', '--color', 'blue', '-q', '--no-cache'])
run(p, ['x', '--const', '-I', 'a', '-Ib', '--include=c', '--tag', '--tag'])
run(p, ['x', '--ext', '1', '2', '--ext', '3'])
run(p, ['--num=9', 'x'])
run(p, [])
run(p, ['x', '--num', 'abc'])
run(p, ['x', '--color', 'purple'])
run(p, ['x', 'y', 'z'])
run(p, ['x', '--bogus'])
run(p, ['x', '--nu', '4'])
run(p, ['x', '--ver'])
run(p, ['--version'])
run(p, ['-h'])
run(p, ['x', '--bogus', 'extra'], known=True)
run(p, ['x', '--', '-y'])

section('nargs')
p = argparse.ArgumentParser(prog='nargs')
p.add_argument('--two', nargs=2, metavar=('A', 'B'))
p.add_argument('--star', nargs='*')
p.add_argument('--plus', nargs='+', type=int)
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('pos', nargs=2)
p.add_argument('rest', nargs=argparse.REMAINDER)
p.print_help()
run(p, ['a', 'b'])
run(p, ['a', 'b', 'c', '--x', 'y'])
run(p, ['--two', '1', '2', '--star', '--plus', '5', '6', '--opt', 'a', 'b'])
run(p, ['--opt', '--star', 'q', 'r', '--', 'a', 'b'])
run(p, ['--opt', 'v', 'a', 'b'])
run(p, ['--two', '1', 'a', 'b'])
run(p, ['--plus', 'a', 'b'])
run(p, ['--plus'])
run(p, ['a'])

section('star positionals')
p = argparse.ArgumentParser(prog='star')
p.add_argument('files', nargs='*', default=['-'])
p.add_argument('--x', type=int)
run(p, [])
run(p, ['a', '--x', '1', 'b'])
p = argparse.ArgumentParser(prog='plus')
p.add_argument('files', nargs='+')
p.print_usage()
run(p, [])
run(p, ['a', 'b', 'c'])

section('required and defaults')
p = argparse.ArgumentParser(prog='req', argument_default=None)
p.add_argument('--name', required=True, help='your name')
p.add_argument('--level', type=int, choices=range(1, 4), default=1)
p.add_argument('--ratio', type=float, default='0.5')
p.add_argument('--hidden', help=argparse.SUPPRESS)
p.add_argument('--nodefault', default=argparse.SUPPRESS)
p.print_help()
run(p, [])
run(p, ['--name', 'bob'])
run(p, ['--name', 'bob', '--level', '5'])
run(p, ['--name', 'bob', '--level', '2', '--nodefault', 'z', '--hidden', 'h'])

section('mutually exclusive')
p = argparse.ArgumentParser(prog='mx')
g = p.add_mutually_exclusive_group()
g.add_argument('--foo', action='store_true')
g.add_argument('--bar', action='store_false')
g2 = p.add_mutually_exclusive_group(required=True)
g2.add_argument('-a', type=int)
g2.add_argument('-b', type=int)
p.print_help()
run(p, ['-a', '1'])
run(p, ['-a', '1', '--foo'])
run(p, ['-a', '1', '-b', '2'])
run(p, ['--foo', '--bar', '-a', '1'])
run(p, [])

section('argument groups')
p = argparse.ArgumentParser(prog='grp', description='Groups demo.')
grp = p.add_argument_group('input', 'Options about the input files.')
grp.add_argument('--in', dest='inp', metavar='FILE', help='input file')
grp.add_argument('--encoding', default='utf-8', help='input encoding')
grp2 = p.add_argument_group('output')
grp2.add_argument('--out', help='output file')
grp2.add_argument('paths', nargs='*', help='paths to handle')
p.print_help()
run(p, ['--in', 'a', '--out', 'b', 'p1', 'p2'])

section('subparsers')
p = argparse.ArgumentParser(prog='git')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='cmd', title='commands', description='valid commands', help='sub-command help')
c1 = sub.add_parser('commit', help='record changes', aliases=['ci'])
c1.add_argument('-m', '--message', required=True)
c1.add_argument('--amend', action='store_true')
c1.set_defaults(func='commit_fn')
c2 = sub.add_parser('push', help='update remote')
c2.add_argument('remote', nargs='?', default='origin')
c2.add_argument('-f', '--force', action='store_true')
c2.set_defaults(func='push_fn')
p.print_help()
c1.print_help()
c2.print_help()
run(p, ['commit', '-m', 'msg'])
run(p, ['--debug', 'ci', '-m', 'msg', '--amend'])
run(p, ['push', '-f', 'upstream'])
run(p, ['push'])
run(p, [])
run(p, ['pull'])
run(p, ['commit'])
run(p, ['commit', '-h'])
run(p, ['push', '--zzz'], known=True)
p = argparse.ArgumentParser(prog='req-sub')
sub = p.add_subparsers(dest='cmd', required=True, metavar='COMMAND')
sub.add_parser('a', help='do a')
sub.add_parser('b', help='do b')
p.print_help()
run(p, [])
run(p, ['b'])

section('formatter classes')
for cls in (argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
            argparse.ArgumentDefaultsHelpFormatter, argparse.MetavarTypeHelpFormatter):
    print('--', cls.__name__)
    p = argparse.ArgumentParser(prog='fmt', formatter_class=cls,
                                description='''first line
    indented second line

 para two, which is rather long and should be wrapped when the formatter wraps text because it is longer than eighty columns''')
    p.add_argument('--alpha', type=int, default=5, help='alpha value\n  with newline and a long tail that needs wrapping in most of the formatters here')
    p.add_argument('--beta', type=str, default='b', help='beta')
    p.add_argument('gamma', type=float, help='gamma')
    p.print_help()

section('add_help false, prefix chars, fromfile')
p = argparse.ArgumentParser(prog='nohelp', add_help=False, prefix_chars='-+')
p.add_argument('+x', action='store_true')
p.add_argument('-y', type=int)
p.print_help()
run(p, ['+x', '-y', '3'])
run(p, ['-h'])
p = argparse.ArgumentParser(prog='abbr', allow_abbrev=False)
p.add_argument('--long-option')
run(p, ['--long', '1'])
run(p, ['--long-option', '1'])

section('long usage wrapping')
p = argparse.ArgumentParser(prog='a_program_with_a_long_name')
for i in range(12):
    p.add_argument('--option-number-%d' % i, metavar='VALUE%d' % i, help='option %d' % i)
p.add_argument('input_file')
p.add_argument('output_file', nargs='?')
p.print_usage()
p.print_help()

section('negative numbers')
p = argparse.ArgumentParser(prog='neg')
p.add_argument('x', type=int)
p.add_argument('-1', dest='one', action='store_true')
run(p, ['-1', '5'])
p = argparse.ArgumentParser(prog='neg2')
p.add_argument('x', type=int)
p.add_argument('--y', type=float)
run(p, ['-5', '--y', '-2.5'])

section('custom type and action')
def even(s):
    v = int(s)
    if v % 2:
        raise argparse.ArgumentTypeError('%r is not even' % s)
    return v
class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper())
p = argparse.ArgumentParser(prog='custom')
p.add_argument('--even', type=even)
p.add_argument('--up', action=Upper)
run(p, ['--even', '4', '--up', 'abc'])
run(p, ['--even', '3'])
run(p, ['--even', 'q'])

section('namespace and misc api')
ns = argparse.Namespace(a=1, b='x')
print(ns, ns.a, 'a' in ns, 'z' in ns, ns == argparse.Namespace(a=1, b='x'))
p = argparse.ArgumentParser(prog='misc')
p.add_argument('--a', default=1)
p.set_defaults(a=2, extra='E')
print(p.get_default('a'), p.get_default('extra'))
target = argparse.Namespace(pre='set')
print(p.parse_args(['--a', '3'], namespace=target))
try:
    p.add_argument('--a')
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
try:
    p.add_argument('pos', required=True)
except TypeError as e:
    print('TypeError:', e)
try:
    p.add_argument('--bad', action='nope')
except ValueError as e:
    print('ValueError:', e)
p2 = argparse.ArgumentParser(prog='conflict', conflict_handler='resolve')
p2.add_argument('-x', help='first')
p2.add_argument('-x', help='second')
p2.print_help()
p3 = argparse.ArgumentParser(prog='parent', add_help=False)
p3.add_argument('--shared', default='S')
child = argparse.ArgumentParser(prog='child', parents=[p3])
child.add_argument('--own')
child.print_help()
print(child.parse_args(['--own', 'o']))
print(repr(argparse.FileType('r')))
print(p.parse_intermixed_args(['--a', '5']))
p4 = argparse.ArgumentParser(prog='inter')
p4.add_argument('--foo')
p4.add_argument('cmd')
p4.add_argument('rest', nargs='*', type=int)
print(p4.parse_intermixed_args('doit 1 --foo bar 2 3'.split()))
print(repr(p4))
print(repr(p4._actions[1]))

section('error method')
p = argparse.ArgumentParser(prog='err')
out = io.StringIO()
old = sys.stderr
sys.stderr = out
try:
    p.error('something bad happened')
except SystemExit as e:
    code = e.code
finally:
    sys.stderr = old
print('code', code)
print(out.getvalue(), end='')
try:
    p.exit(3, 'bye\n' if False else None)
except SystemExit as e:
    print('exit code', e.code)

section('more actions and options')
p = argparse.ArgumentParser(prog='more', usage='%(prog)s [opts] things',
                            description='Uses 100%% of %(prog)s.  ' * 5)
p.add_argument('--feature', action=argparse.BooleanOptionalAction, default=True, help='toggle the feature')
p.add_argument('--level', choices=['lo', 'hi'], help='one of %(choices)s, default %(default)r')
p.add_argument('--pct', type=int, help='percent (%%)')
p.add_argument('things', nargs='*', metavar='THING', help='things to do')
p.print_help()
run(p, ['--no-feature', 'a'])
run(p, ['--feature', '--level', 'hi'])
run(p, ['--level', 'mid'])
p = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
p.add_argument('--n', type=int)
try:
    p.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e, '|', e.argument_name, '|', e.message)
print(p.parse_known_intermixed_args(['--n', '1', 'extra']))
# The argument file lives in a private directory (the runs of one test may overlap).
here = os.getcwd()
tmpdir = '/tmp/pystm-argparse-%d' % os.getpid()
os.mkdir(tmpdir)
os.chdir(tmpdir)
argsfile = '_argparse_args.txt'
with open(argsfile, 'w') as f:
    f.write('--n\n5\npositional\n')
p = argparse.ArgumentParser(prog='fromfile', fromfile_prefix_chars='@')
p.add_argument('--n', type=int)
p.add_argument('pos')
run(p, ['@' + argsfile])
os.remove(argsfile)
os.chdir(here)
os.rmdir(tmpdir)
run(p, ['@/nonexistent/args.txt'])
p = argparse.ArgumentParser(prog='metavars')
p.add_argument('--point', nargs=2, metavar=('X', 'Y'), type=float)
p.add_argument('--star', nargs='*', metavar='S')
p.add_argument('--q', nargs='?', metavar='Q')
p.add_argument('--n3', nargs=3)
p.add_argument('pair', nargs=2)
p.print_help()
run(p, ['--point', '1', 'x', 'a', 'b'])
run(p, ['a'])
buf = io.StringIO()
p.print_help(file=buf)
print(len(buf.getvalue().splitlines()))
p = argparse.ArgumentParser(prog='wrap', formatter_class=lambda prog: argparse.HelpFormatter(prog, max_help_position=40, width=60))
p.add_argument('--a-rather-long-option-name', help='Some help text that is long enough to need to wrap around inside the narrower help formatter width.')
p.add_argument('-s', help='short')
p.print_help()
sub_p = argparse.ArgumentParser(prog='tool')
subs = sub_p.add_subparsers()
x = subs.add_parser('run', description='Run things.', help='run it')
x.add_argument('--fast', action='store_true')
x.set_defaults(handler=len)
y = subs.add_parser('stop')
print(sub_p.parse_args(['run', '--fast']).handler is len)
print(sub_p.parse_args(['stop']))
print(sub_p.parse_args([]))
x.print_help()
run(sub_p, ['run', '--slow'])
run(sub_p, ['sto'])
