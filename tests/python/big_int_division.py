# Big int +, -, *, //, % and comparisons around word boundaries, with every sign: the paths
# that work on the digits directly (one-word factors and divisors, one-word quotients) and
# the general ones, checked against identities and printed for CPython's expected output.
vals = []
for e in (0, 1, 31, 62, 63, 64, 65, 127, 128, 129, 200, 300):
    for d in (-1, 0, 1):
        vals.append(2 ** e + d)
vals += [10 ** 30 + 7, 3 ** 90, 12345678901234567890123456789, 2 ** 192 - 2 ** 64]
vals = [v for v in vals if v] + [-v for v in vals if v]
checksum = 0
bad = 0
for a in vals:
    for b in vals:
        q, r = a // b, a % b
        if q * b + r != a or (r and (r < 0) != (b < 0)) or abs(r) >= abs(b):
            bad += 1
            print("floor identity fails", a, b, q, r)
        if divmod(a, b) != (q, r):
            bad += 1
        if (a < b) + (a == b) + (a > b) != 1 or (a <= b) != (not a > b):
            bad += 1
        if a + b - b != a or (a - b) + b != a:
            bad += 1
        checksum = (checksum * 31 + q + 7 * r + (a + b) * 3 + (a * b) % 1000003) % (2 ** 61 - 1)
print("pairs", len(vals) ** 2, "bad", bad, "checksum", checksum)
# Spigot-shaped arithmetic: big by small products, big // big with small quotients.
q, r, t, k = 1, 0, 1, 1
digits = []
for _ in range(300):
    q, r, t, k = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1), k + 1
    digits.append((3 * q + r) // t % 10)
print("".join(map(str, digits[-40:])))
print(-(2 ** 100) // 3, -(2 ** 100) % 3, (2 ** 100) // -7, (2 ** 100) % -7)
print(-(2 ** 130) // (2 ** 70 + 1), -(2 ** 130) % (2 ** 70 + 1))
print((2 ** 64) * -1, -(2 ** 64) + 2 ** 64, (-(2 ** 63)) - 1, 2 ** 63 - 2 ** 64)
print(10 ** 25 // 10 ** 24, 10 ** 25 % (10 ** 24 - 1), 0 // 2 ** 70, 0 % -(2 ** 70))
try:
    print(2 ** 70 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(2 ** 70 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
