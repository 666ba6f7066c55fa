"""Utilities for with-statement contexts (pystm).

Written for pystm from the documented behaviour of CPython 3.11's
``contextlib``.  The asynchronous helpers are not provided because pystm
does not support ``async``.
"""

import sys

__all__ = ["contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "chdir"]


_WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def _wraps(wrapped):
    """Small stand-in for functools.wraps (pystm has no functools)."""
    def decorate(wrapper):
        for attr in _WRAPPER_ASSIGNMENTS:
            try:
                value = getattr(wrapped, attr)
            except AttributeError:
                continue
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
        try:
            extra = wrapped.__dict__
        except AttributeError:
            extra = None
        if extra:
            for key, value in extra.items():
                try:
                    setattr(wrapper, key, value)
                except (AttributeError, TypeError):
                    pass
        try:
            wrapper.__wrapped__ = wrapped
        except (AttributeError, TypeError):
            pass
        return wrapper
    return decorate


class AbstractContextManager:
    """Base class whose __enter__ returns self; __exit__ must be defined."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A base class that lets a context manager also work as a decorator."""

    def _recreate_cm(self):
        """Return the context manager used for one decorated call.

        Managers that can only be entered once override this to return a
        fresh instance; the default reuses self.
        """
        return self

    def __call__(self, func):
        @_wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    """Helper for @contextmanager."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        doc = getattr(func, '__doc__', None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # a generator can only run once: each decorated call needs a new one
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # drop references that are only needed for _recreate_cm
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")

        if value is None:
            # the with statement can pass just a type
            value = typ()
        try:
            # single-argument form: pystm's three-argument throw() wraps
            # an exception instance into a second instance.
            self.gen.throw(value)
        except StopIteration as exc:
            # the generator caught the exception and finished: suppress
            # it, unless the exception itself was a StopIteration that
            # simply went through.
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                _set_traceback(exc, traceback)
                return False
            # a StopIteration raised in the body comes back converted to
            # RuntimeError by the generator machinery (PEP 479)
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                _set_traceback(value, traceback)
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            _set_traceback(exc, traceback)
            return False
        raise RuntimeError("generator didn't stop after throw()")


def _set_traceback(exc, traceback):
    try:
        exc.__traceback__ = traceback
    except (AttributeError, TypeError):
        pass


def contextmanager(func):
    """@contextmanager decorator: turn a one-yield generator into a CM."""
    @_wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """Context to automatically call thing.close() at the end of a block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # a list so that the same instance can be re-entered
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = 'stdout'


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = 'stderr'


class suppress(AbstractContextManager):
    """Context manager to suppress the specified exceptions."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        # issubclass() accepts a tuple of classes; an empty tuple matches
        # nothing, so suppress() with no arguments suppresses nothing.
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext(AbstractContextManager):
    """Context manager that does no additional processing."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Non thread-safe context manager to change the working directory."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old_cwd.pop())


def _cm_type_error(cm, protocol):
    cls = type(cm)
    return TypeError("'%s.%s' object does not support the %s protocol"
                     % (cls.__module__, cls.__qualname__, protocol))


class ExitStack(AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks.

    For example:
        with ExitStack() as stack:
            files = [stack.enter_context(open(fname)) for fname in filenames]
            # All opened files will automatically be closed at the end of
            # the with statement, even if attempts to open files later
            # in the list raise an exception.
    """

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Move all callbacks to a new ExitStack and return it."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Register a callback with the standard __exit__ signature.

        Accepts a context manager (its __exit__ is used, without calling
        __enter__) or any callable.  Returns its argument, so it can be
        used as a decorator.
        """
        exit_type = type(exit)
        try:
            exit_method = exit_type.__exit__
        except AttributeError:
            # not a context manager: assume it is a callable
            self._exit_callbacks.append((True, exit))
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enter cm and push its __exit__; return the __enter__ result."""
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise _cm_type_error(cm, 'context manager') from None
        result = enter(cm)
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register an arbitrary callback with arguments; returns it."""
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        try:
            _exit_wrapper.__wrapped__ = callback
        except (AttributeError, TypeError):
            pass
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        try:
            _exit_wrapper.__self__ = cm
        except (AttributeError, TypeError):
            pass
        self._exit_callbacks.append((True, _exit_wrapper))

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        # the exception being handled by the with statement itself, if any;
        # context chains are cut there so callbacks' exceptions chain to
        # the exception they actually replaced
        frame_exc = sys.exc_info()[1]

        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _fix_exception_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            exc = exc_details[1]
            fixed_ctx = exc.__context__
            try:
                raise exc
            except BaseException:
                # raising again would chain the exception to whatever is
                # being handled here; restore the context computed above
                exc.__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc


def _fix_exception_context(new_exc, old_exc, frame_exc):
    """Make old_exc the context of new_exc's chain, below frame_exc."""
    while True:
        ctx = new_exc.__context__
        if ctx is None or ctx is old_exc:
            return
        if ctx is frame_exc:
            break
        new_exc = ctx
    new_exc.__context__ = old_exc
