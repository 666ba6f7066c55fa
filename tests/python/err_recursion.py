# Unbounded recursion raises RecursionError, which can be caught; the program then exits 0.

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError caught:", type(e).__name__, isinstance(e, RuntimeError))
    print("message starts with:", str(e).startswith("maximum recursion depth exceeded"))

# Recursion works again after unwinding
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(200))

# Mutual recursion overflow is caught the same way
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RecursionError:
    print("RecursionError caught again")
print("exiting normally")
