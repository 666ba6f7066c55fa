# Unbounded recursion that is not caught: RecursionError with a traceback whose repeated
# lines are folded.
def down(n):
    return down(n + 1)

print("start")
down(0)
