import sys
from contextlib import (contextmanager, suppress, closing, nullcontext,
                        redirect_stdout, redirect_stderr, ExitStack,
                        ContextDecorator, AbstractContextManager)


def run(label, func):
    try:
        result = func()
        print(label, '->', repr(result))
    except BaseException as e:
        print(label, 'raised', type(e).__name__, str(e))
        ctx = e.__context__
        if ctx is not None:
            print('   context:', type(ctx).__name__, str(ctx))
        if e.__cause__ is not None:
            print('   cause:', type(e.__cause__).__name__, str(e.__cause__))


log = []


@contextmanager
def tag(name):
    """Wrap output in a tag."""
    log.append('<%s>' % name)
    try:
        yield name.upper()
    finally:
        log.append('</%s>' % name)


print('helper name', tag.__name__, tag.__doc__)
with tag('b') as value:
    log.append('body ' + value)
print('tag', log)
log.clear()


def raise_in_tag():
    with tag('i'):
        raise ValueError('inside')


run('finally only', raise_in_tag)
print('log', log)
log.clear()


@contextmanager
def swallow(*types):
    try:
        yield
    except types as e:
        log.append('swallowed %s' % type(e).__name__)


def body_swallowed():
    with swallow(KeyError):
        raise KeyError('k')
    return 'continued'


run('swallow', body_swallowed)
print('log', log)
log.clear()


def body_not_swallowed():
    with swallow(KeyError):
        raise TypeError('not a key error')


run('not swallowed', body_not_swallowed)


@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError('translated') from e


def body_translated():
    with translate():
        1 / 0


run('translate', body_translated)


@contextmanager
def replace_plain():
    try:
        yield
    except LookupError:
        raise ValueError('replacement')


def body_replaced():
    with replace_plain():
        {}['missing']


run('replace context', body_replaced)


@contextmanager
def no_yield():
    if False:
        yield


def use_no_yield():
    with no_yield():
        pass


run('no yield', use_no_yield)


@contextmanager
def two_yields():
    yield 1
    yield 2


def use_two_yields():
    with two_yields():
        pass


run('two yields', use_two_yields)


@contextmanager
def yield_after_throw():
    try:
        yield
    except ValueError:
        yield 'again'


def use_yield_after_throw():
    with yield_after_throw():
        raise ValueError('v')


run('yield after throw', use_yield_after_throw)


@contextmanager
def plain():
    yield 'plain'


def stop_iteration_in_body():
    with plain():
        raise StopIteration('from body')


run('StopIteration in body', stop_iteration_in_body)


def runtime_error_in_body():
    with plain():
        raise RuntimeError('from body')


run('RuntimeError in body', runtime_error_in_body)


@contextmanager
def stop_inside():
    yield
    raise StopIteration('inside generator')


def use_stop_inside():
    with stop_inside():
        pass


run('StopIteration in generator', use_stop_inside)


def same_exception_object():
    err = KeyError('same')
    try:
        with plain():
            raise err
    except KeyError as e:
        return e is err


run('same object', same_exception_object)


def exit_returns_false():
    cm = plain()
    cm.__enter__()
    return cm.__exit__(None, None, None)


run('exit value', exit_returns_false)


def exit_type_only():
    cm = swallow(ValueError)
    cm.__enter__()
    return cm.__exit__(ValueError, None, None)


run('exit with type only', exit_type_only)
print('log', log)
log.clear()


@tag('deco')
def decorated(x):
    """Decorated doc."""
    log.append('call %s' % x)
    return x * 2


print('decorated', decorated(1), decorated(2), decorated.__name__,
      decorated.__doc__)
print('log', log)
log.clear()


def generator_args():
    cm = tag('x')
    return (cm.__doc__, hasattr(cm, 'func'))


run('cm attrs', generator_args)

# suppress


def suppress_basic():
    with suppress(ValueError):
        int('abc')
    return 'after'


run('suppress', suppress_basic)


def suppress_multiple():
    out = []
    for exc in (KeyError('a'), IndexError('b'), ZeroDivisionError('c')):
        with suppress(LookupError, ArithmeticError):
            out.append(type(exc).__name__)
            raise exc
    return out


run('suppress multiple', suppress_multiple)


def suppress_other():
    with suppress(KeyError):
        raise TypeError('passes through')


run('suppress other', suppress_other)


def suppress_nothing():
    with suppress():
        raise ValueError('nothing suppressed')


run('suppress empty', suppress_nothing)


def suppress_no_exc():
    with suppress(Exception) as value:
        pass
    return value


run('suppress no exception', suppress_no_exc)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print('  closing', self.name)


def closing_demo():
    with closing(Resource('r1')) as r:
        print('  using', r.name)
    return 'done'


run('closing', closing_demo)


def closing_error():
    with closing(Resource('r2')):
        raise ValueError('error in body')


run('closing error', closing_error)
with nullcontext() as n1:
    print('nullcontext default', n1)
with nullcontext(42) as n2:
    print('nullcontext value', n2)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

    def getvalue(self):
        return ''.join(self.parts)


buf = Capture()
original = sys.stdout
with redirect_stdout(buf) as target:
    print('captured line', 1)
    print('second', end='!')
print('target is buf', target is buf, sys.stdout is original)
print('captured', repr(buf.getvalue()))

outer_buf = Capture()
inner_buf = Capture()
cm = redirect_stdout(outer_buf)
with cm:
    print('outer')
    with redirect_stdout(inner_buf):
        print('inner')
    print('outer again')
print('nested', repr(outer_buf.getvalue()), repr(inner_buf.getvalue()))
with cm:
    print('reused')
print('reused', repr(outer_buf.getvalue()))

err_buf = Capture()
with redirect_stderr(err_buf):
    sys.stderr.write('to stderr\n')
print('stderr', repr(err_buf.getvalue()), sys.stderr is sys.__stderr__)


def redirect_with_error():
    b = Capture()
    with redirect_stdout(b):
        print('before error')
        raise KeyError('x')


run('redirect error', redirect_with_error)
print('stdout restored', sys.stdout is original)

# ExitStack


def stack_basic():
    out = []
    with ExitStack() as stack:
        stack.callback(out.append, 'first registered')
        stack.callback(lambda *a, **k: out.append(('cb', a, k)), 1, key=2)
        value = stack.enter_context(tag('s'))
        out.append('body ' + value)
    out.append(list(log))
    log.clear()
    return out


run('stack basic', stack_basic)


class Verbose:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('  enter', self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print('  exit', self.name, exc_type.__name__ if exc_type else None,
              str(exc) if exc else None)
        return self.suppress


def stack_push():
    with ExitStack() as stack:
        stack.push(Verbose('pushed, never entered'))
        print('  enter_context ->', stack.enter_context(Verbose('entered')))

        def plain_exit(exc_type, exc, tb):
            print('  plain exit', exc_type.__name__ if exc_type else None)
            return True
        result = stack.push(plain_exit)
        print('  push returns its argument', result is plain_exit)
        raise ValueError('boom')
    return 'suppressed by plain_exit'


run('stack push', stack_push)


def stack_suppress_then_raise():
    with ExitStack() as stack:
        stack.push(Verbose('outer'))
        stack.push(Verbose('suppressor', suppress=True))
        raise KeyError('k')
    return 'after'


run('stack suppress', stack_suppress_then_raise)


def stack_callback_raises():
    def bad(msg):
        raise IndexError(msg)
    with ExitStack() as stack:
        stack.callback(bad, 'first')
        stack.callback(bad, 'second')
        raise ValueError('body')


run('stack callbacks raise', stack_callback_raises)


def stack_callback_raises_no_body_error():
    def bad():
        raise TypeError('cleanup failed')
    with ExitStack() as stack:
        stack.callback(bad)
        stack.callback(print, '  plain callback')
    return 'not reached'


run('stack cleanup error', stack_callback_raises_no_body_error)


def stack_chain_details():
    def raise_a():
        raise KeyError('a')

    def raise_b():
        raise IndexError('b')
    try:
        with ExitStack() as stack:
            stack.callback(raise_a)
            stack.callback(raise_b)
            raise ValueError('body')
    except KeyError as e:
        chain = []
        while e is not None:
            chain.append(type(e).__name__)
            e = e.__context__
        return chain


run('exception chain', stack_chain_details)


def stack_pop_all():
    out = []
    with ExitStack() as stack:
        stack.callback(out.append, 'moved')
        moved = stack.pop_all()
    out.append('stack exited')
    moved.close()
    out.append(type(moved).__name__)
    moved.close()
    return out


run('pop_all', stack_pop_all)


def stack_close():
    out = []
    stack = ExitStack()
    stack.callback(out.append, 1)
    stack.callback(out.append, 2)
    stack.close()
    stack.close()
    return out


run('close', stack_close)


class NotCM:
    pass


def stack_bad_cm():
    with ExitStack() as stack:
        stack.enter_context(NotCM())


run('enter_context non-cm', stack_bad_cm)


def stack_callback_decorator():
    out = []
    with ExitStack() as stack:
        @stack.callback
        def cleanup():
            out.append('decorated cleanup')
        out.append(cleanup.__name__)
    return out


run('callback as decorator', stack_callback_decorator)


def stack_wrapped():
    def cb():
        pass
    stack = ExitStack()
    stack.callback(cb)
    wrapper = stack._exit_callbacks[-1][1]
    return wrapper.__wrapped__ is cb


run('callback __wrapped__', stack_wrapped)


def stack_many_files():
    with ExitStack() as stack:
        names = [stack.enter_context(Verbose('res%d' % i)) for i in range(3)]
        print('  names', names)
    return 'closed all'


run('many resources', stack_many_files)


class Tracked(ContextDecorator):
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print('  start', self.label)
        return self

    def __exit__(self, exc_type, exc, tb):
        print('  finish', self.label, exc_type.__name__ if exc_type else None)
        return False


@Tracked('deco')
def tracked_function(a, b=2):
    """Adds."""
    print('  running', a, b)
    return a + b


run('ContextDecorator', lambda: tracked_function(1, b=5))
print('decorated name', tracked_function.__name__, tracked_function.__doc__)


@Tracked('failing')
def tracked_failure():
    raise ValueError('from decorated')


run('ContextDecorator error', tracked_failure)
with Tracked('as with') as tr:
    print('  with value', tr.label)


class Simple(AbstractContextManager):
    def __exit__(self, *exc):
        print('  simple exit')


with Simple() as s:
    print('AbstractContextManager enter returns self', type(s).__name__)
