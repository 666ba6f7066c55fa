"""hashlib (native digests), hmac, secrets and uuid (CPython's, shipped): every digest, incremental and
copied states past the buffer, pbkdf2_hmac, HMAC, tokens, UUIDs, and CPython's errors."""
import hashlib, hmac, secrets, uuid, binascii
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    h = hashlib.new(name, b"hello")
    h.update(bytearray(b" world"))
    c = h.copy()
    c.update(b"!")
    print(name, h.hexdigest(), c.hexdigest()[:16], h.digest_size, h.block_size, h.name, len(h.digest()))
big = hashlib.sha256()
for i in range(2000):
    big.update(b"x" * 100)
print(big.hexdigest(), hashlib.sha256(b"x" * 200000).hexdigest() == big.hexdigest())
b2 = big.copy(); b2.update(b"y"); print(b2.hexdigest()[:20], big.hexdigest()[:20])
print(hashlib.md5(memoryview(b"abc")).hexdigest(), sorted(hashlib.algorithms_guaranteed & {"md5", "sha256"}))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hmac.new(b"key", b"message", "sha256").hexdigest(), hmac.digest(b"k", b"m", "sha1").hex(), hmac.compare_digest(b"a", b"a"), hmac.compare_digest("a", "b"))
print(len(secrets.token_hex(16)), len(secrets.token_bytes(8)), len(secrets.token_urlsafe(12)) >= 12, 0 <= secrets.randbelow(10) < 10)
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.int, u.version, uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x"), uuid.uuid4().version, repr(u))
for bad in [lambda: hashlib.md5("str"), lambda: hashlib.new("nope"), lambda: hashlib.sha1(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
import os, platform
u = os.uname()
print(u.sysname, u.machine, len(u), type(u).__name__, u[0] == u.sysname)
print(platform.system(), platform.machine(), platform.python_implementation())
