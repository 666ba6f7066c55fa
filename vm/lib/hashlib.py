"""Secure hashes and message digests (pystm): md5, sha1, sha224, sha256, sha384 and sha512 with
CPython's API (new(), the named constructors, update/digest/hexdigest/copy, name, digest_size,
block_size), pbkdf2_hmac and file_digest, over the native ``_pystm_hash`` (RustCrypto's
digests). BLAKE2, SHA-3 and SHAKE are not available here.

A hash object keeps the message in a buffer until it passes 64 KiB, then feeds a native
incremental state, so that the common one-shot hashes never hold one.
"""

import _pystm_hash

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new", "algorithms_guaranteed",
           "algorithms_available", "pbkdf2_hmac", "file_digest")

_INFO = {  # name: (digest_size, block_size)
    "md5": (16, 64), "sha1": (20, 64), "sha224": (28, 64), "sha256": (32, 64),
    "sha384": (48, 128), "sha512": (64, 128),
}

algorithms_guaranteed = frozenset(_INFO)
algorithms_available = frozenset(_INFO)

_BUFFER_MAX = 1 << 16


def _as_bytes(data):
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if isinstance(data, (bytearray, memoryview)) or hasattr(type(data), "__pystm_buffer__"):
        return bytes(data)
    raise TypeError("object supporting the buffer API required")


class HASH:
    """A hash object: feed it with update(), read it with digest() or hexdigest()."""

    __slots__ = ("_name", "_chunks", "_size", "_state")

    def __init__(self, name, data=b""):
        self._name = name
        self._chunks = []
        self._size = 0
        self._state = None
        if data:
            self.update(data)

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _INFO[self._name][0]

    @property
    def block_size(self):
        return _INFO[self._name][1]

    def update(self, data, /):
        """Update this hash object's state with the provided string."""
        data = _as_bytes(data)
        if self._state is not None:
            _pystm_hash.update(self._state, data)
            return
        self._chunks.append(data)
        self._size += len(data)
        if self._size > _BUFFER_MAX:
            self._state = _pystm_hash.new(self._name)
            _pystm_hash.update(self._state, b"".join(self._chunks))
            self._chunks = None

    def digest(self):
        """Return the digest value as a bytes object."""
        if self._state is not None:
            return _pystm_hash.finish(self._state)
        return _pystm_hash.digest(self._name, b"".join(self._chunks))

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return self.digest().hex()

    def copy(self):
        """Return a copy of the hash object."""
        c = HASH.__new__(HASH)
        c._name = self._name
        c._size = self._size
        if self._state is not None:
            c._chunks = None
            c._state = _pystm_hash.copy(self._state)
        else:
            c._chunks = list(self._chunks)
            c._state = None
        return c

    def __repr__(self):
        return "<%s _hashlib.HASH object @ 0x%x>" % (self._name, id(self))


HASH.__module__ = "_hashlib"


def new(name, data=b"", *, usedforsecurity=True):
    """Return a new hashing object using the named algorithm; optionally initialized with data
    (which must be a bytes-like object)."""
    if not isinstance(name, str):
        raise TypeError("new() argument 'name' must be str, not %s" % type(name).__name__)
    n = name.lower()
    if n not in _INFO:
        raise ValueError("unsupported hash type " + name)
    return HASH(n, data)


def _named(name):
    def constructor(string=b"", *, usedforsecurity=True):
        return HASH(name, string)

    constructor.__name__ = constructor.__qualname__ = "openssl_" + name
    return constructor


md5 = _named("md5")
sha1 = _named("sha1")
sha224 = _named("sha224")
sha256 = _named("sha256")
sha384 = _named("sha384")
sha512 = _named("sha512")


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom
    function."""
    if not isinstance(hash_name, str):
        raise TypeError(hash_name)
    password = _as_bytes(password)
    salt = _as_bytes(salt)
    if iterations < 1:
        raise ValueError("iteration value must be greater than 0.")
    inner, outer = new(hash_name), new(hash_name)
    blocksize = inner.block_size
    if len(password) > blocksize:
        password = new(hash_name, password).digest()
    password = password + b"\x00" * (blocksize - len(password))
    inner.update(bytes(x ^ 0x36 for x in password))
    outer.update(bytes(x ^ 0x5C for x in password))

    def prf(msg):
        icpy = inner.copy()
        ocpy = outer.copy()
        icpy.update(msg)
        ocpy.update(icpy.digest())
        return ocpy.digest()

    if dklen is None:
        dklen = outer.digest_size
    if dklen < 1:
        raise ValueError("key length must be greater than 0.")
    dkey = b""
    loop = 1
    while len(dkey) < dklen:
        prev = prf(salt + loop.to_bytes(4, "big"))
        rkey = int.from_bytes(prev, "big")
        for _ in range(iterations - 1):
            prev = prf(prev)
            rkey ^= int.from_bytes(prev, "big")
        loop += 1
        dkey += rkey.to_bytes(inner.digest_size, "big")
    return dkey[:dklen]


def file_digest(fileobj, digest, /, *, _bufsize=2 ** 18):
    """Hash the contents of a file-like object. Returns a digest object."""
    digestobj = new(digest) if isinstance(digest, str) else digest()
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj
