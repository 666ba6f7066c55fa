"""binascii (written for pystm) and base64 (CPython's, shipped): base64 in all its alphabets, hex, CRC-32,
strict and lenient decoding with CPython's errors; memoryview over bytes and bytearray."""
import base64, binascii
data = bytes(range(256)) + b"pystm"
for n in range(0, 7):
    print(base64.b64encode(data[:n]), base64.b64decode(base64.b64encode(data[:n])) == data[:n])
e = base64.b64encode(data)
print(len(e), e[:40], base64.b64decode(e) == data, base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.urlsafe_b64decode("-__-"))
print(base64.b32encode(b"hello"), base64.b32decode(b"NBSWY3DP"), base64.b16encode(b"\x01\xab"), base64.b16decode("01AB"), base64.b85encode(b"hello"), base64.a85encode(b"hello"))
print(base64.encodebytes(b"x" * 60), base64.standard_b64decode("aGk="), base64.b64decode("aGk=\n"), base64.b64decode(b"a G k ="))
print(binascii.hexlify(b"\x00\xffab"), binascii.hexlify(b"abcd", "-", 2), binascii.unhexlify("00ff6162"), binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc_hqx(b"abc", 0))
print(binascii.b2a_base64(b"hi"), binascii.a2b_base64("aGk="), binascii.a2b_base64(b"aGk=ignored"))
for bad in ["aGk", "a", "aGk=x", "!!!"]:
    for strict in (False, True):
        try:
            print(bad, strict, binascii.a2b_base64(bad, strict_mode=strict))
        except binascii.Error as e:
            print(bad, strict, "Error", e)
for bad in ["0", "zz"]:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print("Error", e)
try:
    base64.b64decode("aGk", validate=True)
except binascii.Error as e:
    print("Error", e)
print(isinstance(binascii.Error(), ValueError))
ba = bytearray(b"hello world")
m = memoryview(ba)
print(len(m), m[0], m[-1], m[1:4].tobytes(), bytes(m[::2]), m.tolist()[:3], m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape)
m[0] = 72
m[6:11] = b"WORLD"
print(ba, m.obj is ba, m == b"Hello WORLD", m[2:5] == memoryview(b"llo"), m.hex(), list(m[:2]))
r = memoryview(b"abc")
print(r.readonly, hash(r) == hash(b"abc"), r.cast("c")[0], r.toreadonly().readonly)
try:
    r[0] = 1
except TypeError as e:
    print("TypeError", e)
with memoryview(b"xy") as w:
    print(w.tobytes())
try:
    w.tobytes()
except ValueError as e:
    print("ValueError", e)
print(bytes(memoryview(b"zz")), b"-".join([memoryview(b"a"), b"b"]), bytearray(memoryview(b"q")))
