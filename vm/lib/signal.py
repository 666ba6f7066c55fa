"""Signal numbers and handlers (pystm).

NOT DELIVERED YET: pystm does not run Python signal handlers. signal.signal() checks its
arguments and records the handler (getsignal() returns it), but the process keeps the
operating system's default actions: Ctrl-C (SIGINT) ends the program rather than raising
KeyboardInterrupt, and alarm()/setitimer() are absent. Code that only installs handlers (as
unittest does for its -c option) runs; code that waits for a handler to be called does not.
"""

import enum as _enum

__all__ = ["signal", "getsignal", "default_int_handler", "SIG_DFL", "SIG_IGN", "NSIG", "Signals",
           "Handlers", "strsignal", "valid_signals"]

NSIG = 65

_NUMBERS = {
    "SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGILL": 4, "SIGTRAP": 5, "SIGABRT": 6, "SIGIOT": 6,
    "SIGBUS": 7, "SIGFPE": 8, "SIGKILL": 9, "SIGUSR1": 10, "SIGSEGV": 11, "SIGUSR2": 12,
    "SIGPIPE": 13, "SIGALRM": 14, "SIGTERM": 15, "SIGSTKFLT": 16, "SIGCHLD": 17, "SIGCONT": 18,
    "SIGSTOP": 19, "SIGTSTP": 20, "SIGTTIN": 21, "SIGTTOU": 22, "SIGURG": 23, "SIGXCPU": 24,
    "SIGXFSZ": 25, "SIGVTALRM": 26, "SIGPROF": 27, "SIGWINCH": 28, "SIGIO": 29, "SIGPOLL": 29,
    "SIGPWR": 30, "SIGSYS": 31, "SIGRTMIN": 34, "SIGRTMAX": 64,
}

Signals = _enum.IntEnum("Signals", _NUMBERS, module=__name__)
Handlers = _enum.IntEnum("Handlers", {"SIG_DFL": 0, "SIG_IGN": 1}, module=__name__)

globals().update(Signals.__members__)
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN


def default_int_handler(signalnum, frame, /):
    """The default handler for SIGINT installed by Python: raises KeyboardInterrupt."""
    raise KeyboardInterrupt


_handlers = {int(Signals.SIGINT): default_int_handler}

_DESCRIPTIONS = {
    1: "Hangup", 2: "Interrupt", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap",
    6: "Aborted", 7: "Bus error", 8: "Floating point exception", 9: "Killed",
    10: "User defined signal 1", 11: "Segmentation fault", 12: "User defined signal 2",
    13: "Broken pipe", 14: "Alarm clock", 15: "Terminated", 17: "Child exited", 18: "Continued",
    19: "Stopped (signal)", 20: "Stopped", 21: "Stopped (tty input)", 22: "Stopped (tty output)",
    23: "Urgent I/O condition", 24: "CPU time limit exceeded", 25: "File size limit exceeded",
    26: "Virtual timer expired", 27: "Profiling timer expired", 28: "Window changed",
    29: "I/O possible", 30: "Power failure", 31: "Bad system call",
}


def _check(signalnum):
    signalnum = int(signalnum)
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return signalnum


def _wrap(handler):
    try:
        return Handlers(handler)
    except (ValueError, TypeError):
        return handler


def getsignal(signalnum, /):
    """The handler recorded for signalnum (SIG_DFL when none was set)."""
    return _wrap(_handlers.get(_check(signalnum), SIG_DFL))


def signal(signalnum, handler, /):
    """Record handler for signalnum and return the previous one (see the module's note: pystm
    does not call it)."""
    signalnum = _check(signalnum)
    if signalnum in (9, 19):
        raise OSError(22, "Invalid argument")
    if not callable(handler) and handler not in (SIG_DFL, SIG_IGN):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    old = getsignal(signalnum)
    _handlers[signalnum] = handler
    return old


def strsignal(signalnum, /):
    return _DESCRIPTIONS.get(_check(signalnum))


def valid_signals():
    return {s for s in range(1, NSIG) if s not in (32, 33)}
