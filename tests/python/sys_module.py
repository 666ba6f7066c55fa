# The sys module (only things whose values don't depend on the implementation).
import sys

print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_module.py"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, sys.version_info[0] == sys.version_info.major)
print(type(sys.version).__name__, type(sys.implementation.name).__name__, sys.implementation.name == sys.implementation.name.lower())
print(type(sys.getrecursionlimit()).__name__, sys.getrecursionlimit() >= 100)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path), type(sys.modules).__name__, "sys" in sys.modules)
print(sys.modules["sys"] is sys, sys.modules["__main__"].__name__, __name__)
print(sys.byteorder, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)

# Writing to the standard streams directly
n = sys.stdout.write("written with sys.stdout.write\n")
print("write returned", n)
sys.stderr.write("this line goes to stderr\n")
print("to stderr via print", file=sys.stderr)
print("stdout again", file=sys.stdout)

# sys.exc_info inside and outside an except block
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev), tb is not None)
print(sys.exc_info() == (None, None, None))

# sys.exit raises SystemExit, which can be caught
for arg in ((), (0,), (5,), ("message",), (None,)):
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print("SystemExit", arg, "->", repr(e.code), e.args)
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raised directly:", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
# 'except Exception' does not catch SystemExit
try:
    try:
        sys.exit(2)
    except Exception:
        print("not reached")
except SystemExit as e:
    print("outer handler got", e.code)

# finally blocks run on sys.exit
try:
    try:
        sys.exit(1)
    finally:
        print("finally ran during exit")
except SystemExit:
    pass

# setrecursionlimit round-trip
old = sys.getrecursionlimit()
sys.setrecursionlimit(old + 100)
print(sys.getrecursionlimit() - old)
sys.setrecursionlimit(old)
print("done")
