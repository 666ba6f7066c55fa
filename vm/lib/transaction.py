"""TransactionQueue: run many calls in parallel, each one in an atomic block.

    tq = TransactionQueue()
    tq.add(f, 1, 2)
    tq.run()        # every call ran, each as one transaction

On pystm each call runs inside `pystm.atomic` on one of `nb_segments` threads (default:
pystm.getsegmentlimit()); calls may add more calls. On CPython the same code runs with a
lock held around each call.
"""

import threading

try:
    import pystm as _pystm
    _atomic = _pystm.atomic
    _default_segments = _pystm.getsegmentlimit
except ImportError:
    _pystm = None
    _atomic = threading.Lock()

    def _default_segments():
        return 4

__all__ = ['TransactionQueue', 'atomic']

atomic = _atomic


class TransactionQueue:
    """A queue of calls, run by `run()` in parallel, each call atomically."""

    def __init__(self):
        self._pending = []
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._busy = 0
        self._error = None

    def add(self, f, *args, **kwds):
        """Adds the call f(*args, **kwds); may be called from inside a running call."""
        with self._lock:
            self._pending.append((f, args, kwds))
            self._cond.notify()

    def __len__(self):
        return len(self._pending)

    def run(self, nb_segments=0):
        """Runs every queued call (and those they add) and returns when all are done. An
        exception in a call stops the run and is re-raised here."""
        if nb_segments <= 0:
            nb_segments = _default_segments()
        threads = [threading.Thread(target=self._worker, daemon=True)
                   for _ in range(nb_segments)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        err = self._error
        self._error = None
        if err is not None:
            raise err

    def _worker(self):
        while True:
            with self._lock:
                while not self._pending and self._busy and self._error is None:
                    self._cond.wait()
                if not self._pending or self._error is not None:
                    self._cond.notify_all()
                    return
                f, args, kwds = self._pending.pop()
                self._busy += 1
            try:
                with _atomic:
                    f(*args, **kwds)
            except BaseException as e:
                with self._lock:
                    if self._error is None:
                        self._error = e
            with self._lock:
                self._busy -= 1
                self._cond.notify_all()
