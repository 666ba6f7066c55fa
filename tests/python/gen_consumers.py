# Built-ins that consume a whole generator (pystm runs Python versions of them so that the
# generator's garbage can be collected between items): results and errors as in CPython.
def squares(n):
    for i in range(n):
        yield [i] * 3

print(sum(len(x) for x in squares(20000)), len(list(squares(30000))), len(tuple(squares(1000))))
print(sorted((x % 7 for x in range(50)), reverse=True)[:5], sorted(str(i) for i in range(12))[:4])
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)), set(x % 4 for x in range(20)))
print("-".join(str(i) for i in range(5)), "".join(c.upper() for c in "abc"), sum((x for x in [1.5, 2]), 0.5))

def bad():
    yield 1
    yield "a"

for f in (sum, list, sorted):
    try:
        print(f(bad()))
    except TypeError as e:
        print("TypeError", e)
try:
    "".join(x for x in [1, 2])
except TypeError as e:
    print("TypeError", e)
