"""Functions to run when the interpreter exits (CPython 3.11's `atexit` API, written for pystm).

The interpreter calls `_run_exitfuncs()` once at exit, after the non-daemon threads have been
joined (as CPython does), whether the program ended normally, by `sys.exit()` or by an uncaught
exception. Callbacks run last-registered first; an exception in one is reported as CPython
reports it ("Exception ignored in atexit callback: ...") and the others still run."""

import sys

_callbacks = []


def register(func, *args, **kwargs):
    """Register a function to be executed upon normal program termination. Returns func, so
    that register can be used as a decorator."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    """Unregister an exit function which was previously registered using atexit.register
    (every registration of it; nothing if it was not registered)."""
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    """Clear the list of previously registered exit functions."""
    del _callbacks[:]


def _ncallbacks():
    """Return the number of registered exit functions."""
    return len(_callbacks)


def _run_exitfuncs():
    """Run all registered exit functions (last registered first)."""
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            import traceback
            print(f"Exception ignored in atexit callback: {func!r}", file=sys.stderr)
            # (Without this frame: CPython calls the callbacks from C.)
            traceback.print_exception(type(e), e, e.__traceback__.tb_next)
