"""For test programs that print tracebacks to stdout: sys.stdout writes paths relative to the
tests' folder, so that the output is the same however the program was run."""
import os
import sys

_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


class _Relative:
    def __init__(self, out):
        self.out = out

    def write(self, s):
        return self.out.write(s.replace(_DIR, ""))

    def flush(self):
        self.out.flush()


sys.stdout = _Relative(sys.stdout)
