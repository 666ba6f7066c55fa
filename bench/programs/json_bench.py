"""JSON: build nested documents of dicts, lists, strings (with escapes and non-ASCII), ints,
floats, booleans and None; serialize them with json.dumps (default arguments, indent=2,
sort_keys=True, ensure_ascii=False) and parse them back with json.loads, checking the round
trip (after the "json_dumps"/"json_loads" benchmarks of the Python suites, written for pystm).
Each of T threads does the whole work (weak scaling). Usage: json_bench.py THREADS SIZE (SIZE:
documents). Prints a checksum (from the text lengths and a fold of the text) every thread must
agree on."""
# pystm-bench: scaling=weak size=2_200 quick=10
import json
import random
import sys

from _threads import same_in_threads

MOD = 1_000_000_007

WORDS = [
    "alpha", "beta", "gamma", "delta", "quote\"d", "back\\slash", "tab\there", "new\nline",
    "caf\u00e9", "na\u00efve", "\u00fcber", "\u65e5\u672c\u8a9e", "\u0436\u0443\u043a", "emoji \U0001f600",
    "ctrl\x01\x1f", "slash/", "", "x" * 40, "\u2028sep\u2029",
]


class Record:
    """Not JSON-serializable by itself: goes through dumps' `default` hook."""

    def __init__(self, name, tags, score):
        self.name = name
        self.tags = tags
        self.score = score

    def to_json(self):
        return {"__record__": True, "name": self.name, "tags": list(self.tags), "score": self.score}


def encode_default(obj):
    if isinstance(obj, Record):
        return obj.to_json()
    raise TypeError("not serializable: %s" % type(obj).__name__)


def decode_hook(d):
    if d.get("__record__"):
        return Record(d["name"], tuple(d["tags"]), d["score"])
    return d


def leaf(rng):
    k = rng.randrange(8)
    if k == 0:
        return rng.randrange(-10**6, 10**6)
    if k == 1:
        return rng.randrange(10**18) * 10**3 + 7  # bigger than 64 bits
    if k == 2:
        return round(rng.uniform(-1e4, 1e4), 6)
    if k == 3:
        return rng.choice([True, False, None])
    if k == 4:
        return rng.random() * 10 ** rng.randrange(-20, 20)
    return rng.choice(WORDS) + str(rng.randrange(100))


def node(rng, depth):
    if depth == 0 or rng.random() < 0.2:
        return leaf(rng)
    if rng.random() < 0.5:
        return [node(rng, depth - 1) for _ in range(rng.randrange(6))]
    d = {}
    for _ in range(rng.randrange(1, 7)):
        d[rng.choice(WORDS) + "_" + str(rng.randrange(50))] = node(rng, depth - 1)
    return d


def document(rng, i):
    return {
        "id": i,
        "name": "doc-%d \u00e9t\u00e9" % i,
        "active": i % 3 != 0,
        "ratio": i / 7,
        "nothing": None,
        "tags": [rng.choice(WORDS) for _ in range(5)],
        "matrix": [[rng.randrange(100) for _ in range(4)] for _ in range(4)],
        "body": node(rng, 4),
        "meta": {"created": "2024-01-%02d" % (i % 28 + 1), "version": [1, i % 10, 0], "score": 0.5 + i},
    }


def fold_text(s, acc):
    # Hash-free: the code points of every 7th character.
    return (acc * 131 + sum(map(ord, s[::7])) + len(s)) % MOD


def one_doc(rng, i, acc):
    doc = document(rng, i)
    plain = json.dumps(doc)
    pretty = json.dumps(doc, indent=2)
    ordered = json.dumps(doc, sort_keys=True)
    compact = json.dumps(doc, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    for text in (plain, pretty, ordered, compact):
        back = json.loads(text)
        if back != doc:
            raise AssertionError("round trip failed for document %d" % i)
        acc = fold_text(text, acc)
    # dumps/loads are stable: re-serializing what was parsed gives the same text.
    assert json.dumps(json.loads(ordered), sort_keys=True) == ordered
    acc = (acc + len(pretty.splitlines())) % MOD
    return acc


def records(rng, acc):
    recs = [Record("r%d" % k, (rng.choice(WORDS), "t%d" % k), k * 0.25) for k in range(20)]
    text = json.dumps({"records": recs, "count": len(recs)}, default=encode_default)
    back = json.loads(text, object_hook=decode_hook)
    assert back["count"] == 20
    for a, b in zip(recs, back["records"]):
        assert (a.name, a.tags, a.score) == (b.name, b.tags, b.score)
    try:
        json.dumps({"bad": object()})
    except TypeError:
        acc += 1
    try:
        json.loads('{"a": [1, 2,, 3]}')
    except json.JSONDecodeError as e:
        acc += e.pos
    return fold_text(text, acc)


def compute(n):
    rng = random.Random(12_345)
    acc = 0
    for i in range(n):
        acc = one_doc(rng, i, acc)
        if i % 10 == 0:
            acc = records(rng, acc)
    return "%d" % acc


def main(threads, n):
    print("checksum", same_in_threads(threads, compute, n))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2_200)
