"""Random variable generators (pure-Python implementation for pystm).

The core generator is the Mersenne Twister MT19937 (Matsumoto & Nishimura,
1998).  Seeding, the 53-bit float construction, getrandbits() and all the
derived methods follow the algorithms documented for CPython's ``random``
module, so a given seed produces the same numbers as CPython 3.11.

    integers
    --------
           uniform within range

    sequences
    ---------
           pick random element
           pick random sample
           pick weighted random sample
           generate random permutation

    distributions on the real line:
    ------------------------------
           uniform
           triangular
           normal (Gaussian)
           lognormal
           negative exponential
           gamma
           beta
           pareto
           Weibull

    distributions on the circle (angles 0 to 2pi)
    ---------------------------------------------
           circular uniform
           von Mises

Notes for this runtime:

* ``seed(str/bytes)`` with version 2 needs SHA-512.  ``hashlib`` is used
  when it is importable; otherwise a small pure-Python SHA-512 (FIPS 180-4)
  is used, so the results still match CPython.
* ``SystemRandom`` needs ``os.urandom``; when the ``os`` module is not
  available, its methods raise NotImplementedError.
* ``seed()`` / ``seed(None)`` uses ``os.urandom`` if available, otherwise a
  mix of clocks, object ids and a counter.
"""

from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import floor as _floor, isfinite as _isfinite
from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect
from operator import index as _index

try:
    from math import tau as TWOPI
except ImportError:  # pragma: no cover
    TWOPI = 2.0 * _pi

try:
    from warnings import warn as _warn
except ImportError:
    def _warn(message, category=None, stacklevel=1):
        pass

try:
    from os import urandom as _urandom
except ImportError:
    def _urandom(n):
        raise NotImplementedError(
            'os.urandom() is not available on this runtime')
    _have_urandom = False
else:
    _have_urandom = True

try:
    from time import time_ns as _time_ns
except ImportError:  # pragma: no cover
    from time import time as _time

    def _time_ns():
        return int(_time() * 1e9)

try:
    from time import perf_counter_ns as _perf_counter_ns
except ImportError:  # pragma: no cover
    def _perf_counter_ns():
        return 0

__all__ = [
    "Random",
    "SystemRandom",
    "betavariate",
    "choice",
    "choices",
    "expovariate",
    "gammavariate",
    "gauss",
    "getrandbits",
    "getstate",
    "lognormvariate",
    "normalvariate",
    "paretovariate",
    "randbytes",
    "randint",
    "random",
    "randrange",
    "sample",
    "seed",
    "setstate",
    "shuffle",
    "triangular",
    "uniform",
    "vonmisesvariate",
    "weibullvariate",
]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53        # Number of bits in a float
RECIP_BPF = 2 ** -BPF

# Optional builtin types (not every runtime provides all of them).
try:
    _bytearray = bytearray
except NameError:
    _bytearray = None

_STRBYTES = (str, bytes) if _bytearray is None else (str, bytes, _bytearray)
_SEED_TYPES = (type(None), int, float) + _STRBYTES


# ----------------------------------------------------------------------
# Sequence detection (collections.abc.Sequence, with a fallback for
# runtimes whose ABC registration of the builtin types is incomplete).

def _build_seq_types():
    types = [list, tuple, str, range, bytes]
    if _bytearray is not None:
        types.append(_bytearray)
    try:
        types.append(memoryview)
    except NameError:
        pass
    try:
        from collections import deque
        types.append(deque)
    except ImportError:
        pass
    return tuple(types)


_SEQ_TYPES = _build_seq_types()
try:
    from collections.abc import Sequence as _Sequence
except ImportError:
    _Sequence = None


def _is_sequence(obj):
    if isinstance(obj, _SEQ_TYPES):
        return True
    if _Sequence is not None:
        try:
            return isinstance(obj, _Sequence)
        except TypeError:
            return False
    return False


# ----------------------------------------------------------------------
# SHA-512 (only used to turn str/bytes seeds into integers when hashlib is
# missing).  Constants are derived at first use from their definition in
# FIPS 180-4: the first 64 bits of the fractional parts of the square roots
# (initial hash) and cube roots (round constants) of the first primes.

_MASK64 = 0xFFFFFFFFFFFFFFFF
_sha512_consts = None


def _iroot(n, k):
    """floor(n ** (1/k)) for an integer n >= 0 (Newton iteration)."""
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + k - 1) // k)        # x >= true root
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


def _first_primes(count):
    primes = []
    candidate = 2
    while len(primes) < count:
        for p in primes:
            if p * p > candidate:
                primes.append(candidate)
                break
            if candidate % p == 0:
                break
        else:
            primes.append(candidate)
        candidate += 1
    return primes


def _sha512_constants():
    global _sha512_consts
    if _sha512_consts is None:
        primes = _first_primes(80)
        h0 = tuple(_iroot(p << 128, 2) & _MASK64 for p in primes[:8])
        k = tuple(_iroot(p << 192, 3) & _MASK64 for p in primes)
        _sha512_consts = (h0, k)
    return _sha512_consts


def _sha512_digest(data):
    h0, K = _sha512_constants()
    M = _MASK64

    def rotr(x, n):
        return ((x >> n) | (x << (64 - n))) & M

    data = bytes(data)
    length = len(data)
    message = (data + b'\x80' + b'\x00' * ((111 - length) % 128)
               + (length * 8).to_bytes(16, 'big'))
    h = list(h0)
    for off in range(0, len(message), 128):
        w = [int.from_bytes(message[off + 8 * i:off + 8 * i + 8], 'big')
             for i in range(16)]
        for t in range(16, 80):
            x = w[t - 15]
            s0 = rotr(x, 1) ^ rotr(x, 8) ^ (x >> 7)
            x = w[t - 2]
            s1 = rotr(x, 19) ^ rotr(x, 61) ^ (x >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & M)
        a, b, c, d, e, f, g, hh = h
        for t in range(80):
            s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)
            ch = (e & f) ^ ((e ^ M) & g)
            t1 = (hh + s1 + ch + K[t] + w[t]) & M
            s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (s0 + maj) & M
            hh = g
            g = f
            f = e
            e = (d + t1) & M
            d = c
            c = b
            b = a
            a = (t1 + t2) & M
        h = [(x + y) & M for x, y in zip(h, (a, b, c, d, e, f, g, hh))]
    return b''.join(x.to_bytes(8, 'big') for x in h)


try:
    from hashlib import sha512 as _hashlib_sha512
except ImportError:
    _hashlib_sha512 = None


def _sha512(data):
    if _hashlib_sha512 is not None:
        return _hashlib_sha512(data).digest()
    return _sha512_digest(data)


# ----------------------------------------------------------------------
# The Mersenne Twister core (the part CPython implements in C).

_N = 624
_M = 397
_MATRIX_A = 0x9908B0DF
_UPPER_MASK = 0x80000000
_LOWER_MASK = 0x7FFFFFFF
_MASK32 = 0xFFFFFFFF

_entropy_counter = 0


def _init_genrand(s):
    mt = [0] * _N
    mt[0] = s & _MASK32
    prev = mt[0]
    for i in range(1, _N):
        prev = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK32
        mt[i] = prev
    return mt


def _init_by_array(key):
    mt = _init_genrand(19650218)
    N = _N
    key_length = len(key)
    i = 1
    j = 0
    for _ in range(N if N > key_length else key_length):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525))
                 + key[j] + j) & _MASK32
        i += 1
        j += 1
        if i >= N:
            mt[0] = mt[N - 1]
            i = 1
        if j >= key_length:
            j = 0
    for _ in range(N - 1):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK32
        i += 1
        if i >= N:
            mt[0] = mt[N - 1]
            i = 1
    mt[0] = 0x80000000      # MSB is 1; assures non-zero initial array
    return mt


def _twist(mt):
    N = _N
    M = _M
    A = _MATRIX_A
    UP = _UPPER_MASK
    LO = _LOWER_MASK
    for kk in range(N - M):
        y = (mt[kk] & UP) | (mt[kk + 1] & LO)
        mt[kk] = mt[kk + M] ^ (y >> 1) ^ (A if y & 1 else 0)
    for kk in range(N - M, N - 1):
        y = (mt[kk] & UP) | (mt[kk + 1] & LO)
        mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ (A if y & 1 else 0)
    y = (mt[N - 1] & UP) | (mt[0] & LO)
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ (A if y & 1 else 0)


def _int_to_key(n):
    """Split a non-negative int into 32-bit words, least significant first."""
    if n == 0:
        return [0]
    key = []
    while n:
        key.append(n & _MASK32)
        n >>= 32
    return key


class _MersenneTwister:
    """Core generator: seed(), random(), getrandbits(), getstate(),
    setstate().  Random builds everything else on top of it."""

    def seed(self, n=None):
        if n is None:
            self._seed_from_entropy()
            return None
        if isinstance(n, int):
            n = int.__abs__(n)
        else:
            n = hash(n) & _MASK64       # (size_t) hash, as CPython does
        self._mt = _init_by_array(_int_to_key(n))
        self._mti = _N
        return None

    def _seed_from_entropy(self):
        global _entropy_counter
        try:
            n = int.from_bytes(_urandom(_N * 4), 'little')
        except Exception:
            _entropy_counter += 1
            n = _time_ns()
            n = (n << 64) | (_perf_counter_ns() & _MASK64)
            n = (n << 64) | (id(self) & _MASK64)
            n = (n << 64) | (id(object()) & _MASK64)
            n = (n << 32) | (_entropy_counter & _MASK32)
        self._mt = _init_by_array(_int_to_key(n))
        self._mti = _N

    def _genrand(self):
        mti = self._mti
        mt = self._mt
        if mti >= _N:
            _twist(mt)
            mti = 0
        y = mt[mti]
        self._mti = mti + 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        return y ^ (y >> 18)

    def random(self):
        """random() -> x in the interval [0, 1)."""
        genrand = self._genrand
        a = genrand() >> 5
        b = genrand() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        k = _index(k)
        if k < -2147483648 or k > 2147483647:
            raise OverflowError('Python int too large to convert to C int')
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k == 0:
            return 0
        genrand = self._genrand
        if k <= 32:
            return genrand() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = genrand()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    def getstate(self):
        """getstate() -> tuple containing the current state."""
        return tuple(self._mt) + (self._mti,)

    def setstate(self, state):
        """setstate(state) -> None.  Restores generator state."""
        if not isinstance(state, tuple):
            raise TypeError('state vector must be a tuple')
        if len(state) != _N + 1:
            raise ValueError('state vector is the wrong size')
        mt = []
        for x in state[:_N]:
            if not isinstance(x, int):
                raise TypeError('an integer is required')
            if x < 0:
                raise OverflowError(
                    "can't convert negative value to unsigned int")
            if x > _MASK64:
                raise OverflowError(
                    'Python int too large to convert to C unsigned long')
            mt.append(x & _MASK32)
        index = state[_N]
        if not isinstance(index, int):
            raise TypeError('an integer is required')
        if index < 0 or index > _N:
            raise ValueError('invalid state')
        self._mt = mt
        self._mti = int(index)
        return None


_DEFAULT_STEP = object()


class Random(_MersenneTwister):
    """Random number generator base class used by bound module functions.

    Used to instantiate instances of Random to get generators that don't
    share state.

    Class Random can also be subclassed if you want to use a different basic
    generator of your own devising: in that case, override the following
    methods:  random(), seed(), getstate(), and setstate().
    Optionally, implement a getrandbits() method so that randrange()
    can cover arbitrarily large ranges.
    """

    VERSION = 3     # used by getstate/setstate

    def __init__(self, x=None):
        """Initialize an instance.

        Optional argument x controls seeding, as for Random.seed().
        """
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        """Initialize internal state from a seed.

        None or no argument seeds from current time or from an operating
        system specific randomness source if available.

        For version 2 (the default), all of the bits are used if *a* is a
        str, bytes, or bytearray.  For version 1 (provided for reproducing
        random sequences from older versions of Python), the algorithm for
        str and bytes generates a narrower range of seeds.
        """
        if version == 1 and isinstance(a, (str, bytes)):
            if isinstance(a, bytes):
                codes = list(a)         # same as decoding as latin-1
            else:
                codes = [ord(c) for c in a]
            x = codes[0] << 7 if codes else 0
            for c in codes:
                x = ((1000003 * x) ^ c) & _MASK64
            x ^= len(codes)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, _STRBYTES):
            if isinstance(a, str):
                a = a.encode()
            else:
                a = bytes(a)
            a = int.from_bytes(a + _sha512(a), 'big')
        elif not isinstance(a, _SEED_TYPES):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """Return internal state; can be passed to setstate() later."""
        return self.VERSION, super().getstate(), self.gauss_next

    def setstate(self, state):
        """Restore internal state from object returned by getstate()."""
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            super().setstate(internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            # Older states stored the words as (possibly negative) signed
            # values; map them into the unsigned 32-bit range.
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
            super().setstate(internalstate)
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))

    # -- pickle support ----------------------------------------------------

    def __getstate__(self):     # for pickle
        return self.getstate()

    def __setstate__(self, state):      # for pickle
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    # -- integer methods ---------------------------------------------------

    def __init_subclass__(cls, /, **kwargs):
        """Pick the integer generation strategy a subclass can support:
        getrandbits() if the subclass (re)defines it, otherwise random()."""
        for c in cls.__mro__:
            if '_randbelow' in c.__dict__:
                break       # inherit it
            if 'getrandbits' in c.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in c.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def _randbelow_with_getrandbits(self, n):
        "Return a random int in the range [0,n).  Defined for n > 0."
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)          # 0 <= r < 2**k
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """Return a random int in the range [0,n).  Defined for n > 0.

        Used when random() is the only available source of randomness.
        """
        random = self.random
        if n >= maxsize:
            _warn("Underlying random() generator does not supply \n"
                  "enough bits to choose from a population range this large.\n"
                  "To remove the range limitation, add a getrandbits() method.")
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randbytes(self, n):
        """Generate n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def randrange(self, start, stop=None, step=_DEFAULT_STEP):
        """Choose a random item from range(stop) or range(start, stop[, step]).
        """
        try:
            istart = _index(start)
        except TypeError:
            istart = int(start)
            if istart != start:
                _warn('randrange() will raise TypeError in the future',
                      DeprecationWarning, 2)
                raise ValueError("non-integer arg 1 for randrange()")
            _warn('non-integer arguments to randrange() have been deprecated '
                  'since Python 3.10 and will be removed in a subsequent '
                  'version', DeprecationWarning, 2)
        if stop is None:
            # Only the default step (or the int 1) is allowed here.
            if not (step is _DEFAULT_STEP or (type(step) is int and step == 1)):
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")

        try:
            istop = _index(stop)
        except TypeError:
            istop = int(stop)
            if istop != stop:
                _warn('randrange() will raise TypeError in the future',
                      DeprecationWarning, 2)
                raise ValueError("non-integer stop for randrange()")
            _warn('non-integer arguments to randrange() have been deprecated '
                  'since Python 3.10 and will be removed in a subsequent '
                  'version', DeprecationWarning, 2)
        width = istop - istart
        if step is _DEFAULT_STEP:
            istep = 1
        else:
            try:
                istep = _index(step)
            except TypeError:
                istep = int(step)
                if istep != step:
                    _warn('randrange() will raise TypeError in the future',
                          DeprecationWarning, 2)
                    raise ValueError("non-integer step for randrange()")
                _warn('non-integer arguments to randrange() have been '
                      'deprecated since Python 3.10 and will be removed in a '
                      'subsequent version', DeprecationWarning, 2)
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)"
                             % (istart, istop, width))

        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """Return random integer in range [a, b], including both end points.
        """
        return self.randrange(a, b + 1)

    # -- sequence methods --------------------------------------------------

    def choice(self, seq):
        """Choose a random element from a non-empty sequence."""
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle list x in place, and return None."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)        # pick an element in x[:i+1]
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """Chooses k unique random elements from a population sequence.

        Returns a new list containing elements from the population while
        leaving the original population unchanged.  Repeated elements can be
        specified one at a time or with the optional counts parameter.
        """
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = list(_accumulate(counts))
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the '
                                 'population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            bisect = _bisect
            return [population[bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        # Choose between a partial Fisher-Yates over a copied pool and
        # rejection sampling with a set of taken indices, by comparing the
        # memory a pool list and a set of size k would need.
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]   # move non-selected item into vacancy
        else:
            selected = set()
            selected_add = selected.add
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected_add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return a k sized list of population elements chosen with
        replacement.

        If the relative weights or cumulative weights are not specified,
        the selections are made with equal probability.
        """
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                floor = _floor
                n += 0.0
                return [population[floor(random() * n)]
                        for i in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError('The number of choices must be a keyword '
                                'argument: k=%r' % (k,)) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative '
                            'weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the '
                             'population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        bisect = _bisect
        hi = n - 1
        return [population[bisect(cum_weights, random() * total, 0, hi)]
                for i in _repeat(None, k)]

    # -- real-valued distributions -----------------------------------------

    def uniform(self, a, b):
        "Get a random number in the range [a, b) or [a, b] depending on rounding."
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution.

        Continuous distribution bounded by given lower and upper limits,
        and having a given mode value in-between.
        """
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan ratio method).

        mu is the mean, and sigma is the standard deviation.
        """
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Gaussian distribution (Box-Muller; the second value is cached).

        mu is the mean, and sigma is the standard deviation.  Not thread-safe
        without a lock around calls.
        """
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution.

        lambd is 1.0 divided by the desired mean.
        """
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular data distribution (Best & Fisher algorithm).

        mu is the mean angle, kappa the concentration parameter.
        """
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        """Gamma distribution.  Not the gamma function!

        Conditions on the parameters are alpha > 0 and beta > 0.
        """
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            # R.C.H. Cheng, "The generation of Gamma variables with
            # non-integral shape parameters", Applied Statistics (1977).
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            # expovariate(1/beta)
            return -_log(1.0 - random()) * beta
        else:
            # Algorithm GS (Kennedy & Gentle, Statistical Computing).
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution.

        Conditions on the parameters are alpha > 0 and beta > 0.
        Returned values range between 0 and 1.
        """
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution.  alpha is the shape parameter."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution.

        alpha is the scale parameter and beta is the shape parameter.
        """
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


# ----------------------------------------------------------------------
# Alternate generator using the operating system's entropy source.

class SystemRandom(Random):
    """Alternate random number generator using sources provided by the
    operating system (os.urandom()).

    Not available on runtimes without os.urandom(): its methods then raise
    NotImplementedError.
    """

    def random(self):
        """Get the next random number in the range [0.0, 1.0)."""
        return (int.from_bytes(_urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_urandom(numbytes), 'big')
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        """Generate n random bytes."""
        return _urandom(n)

    def seed(self, *args, **kwds):
        "Stub method.  Not used for a system random number generator."
        return None

    def _notimplemented(self, *args, **kwds):
        "Method should not be called for a system random number generator."
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented


# ----------------------------------------------------------------------
# Module-level functions share one hidden instance.

_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
