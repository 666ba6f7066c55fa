"""contextvars: get/set/reset with tokens, defaults, Context.run isolation, copy_context
snapshots, the errors, and a new thread starting from an empty context."""
import contextvars
import threading

v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
print(v.name, v.get(), w.get("dflt"))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
t = v.set(5)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
try:
    w.reset(v.set(1))
except ValueError as e:
    print("ValueError", "different ContextVar" in str(e))

ctx = contextvars.copy_context()
w.set("outer")


def inside(x):
    w.set("inner")
    v.set(x)
    return (w.get(), v.get(), len(contextvars.copy_context()))


print(ctx.run(inside, 42), w.get(), v.get(), ctx[w], ctx.get(v), w in ctx, sorted(k.name for k in ctx))
snap = contextvars.copy_context()
w.set("changed")
print(snap[w], w.get())
try:
    ctx.run(lambda: ctx.run(lambda: None))
except RuntimeError as e:
    print("RuntimeError", "is already entered" in str(e))

seen = []
th = threading.Thread(target=lambda: seen.append((v.get(), w.get("unset"))))
th.start()
th.join()
print(seen)
