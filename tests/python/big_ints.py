# Huge integers: arithmetic, powers, conversions, and CPython 3.11's digit limit for str().
import sys

a = 3 ** 500
b = 7 ** 300
print(a % 1000003, b % 999983, (a * b) % 10 ** 9, (a // b) % 12345, len(str(a)), len(str(b)))
print((-a) // 10 ** 200 % 97, (-a) % 10 ** 10, divmod(-a, 10 ** 50)[1] % 1000, pow(a, 3, 10 ** 9 + 7))
print(bin(a)[:20], hex(b)[-12:], oct(a)[-5:], a.bit_length(), (a ^ b) % 1000, (a & b) % 1000, (a | b) % 1000)
print(a > b, a == a + 0, hash(a) == hash(a + 0), float(b) > 1e250, int(str(b)) == b)
print(2 ** 64, -(2 ** 63), 2 ** 62 - 1 + 1, (2 ** 61) * 4, 10 ** 18 * 10, -(10 ** 30) // 7)
n = 1
for i in range(1, 60):
    n *= i
print(n, n % (2 ** 31 - 1))
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", str(e)[:60])
print(len(str(10 ** 4299)))
