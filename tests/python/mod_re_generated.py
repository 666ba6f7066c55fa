# Deterministic pseudo-random patterns and subjects (own LCG so that every
# pystm-test: no-gc-stress (a regex stress program: the collector in stress mode makes it minutes)
# interpreter generates the same cases); prints all results.
import re

_state = [12345]


def rnd():
    _state[0] = (_state[0] * 1103515245 + 12345) % 2147483648
    return _state[0] / 2147483648.0


def choice(seq):
    return seq[int(rnd() * len(seq))]


def randint(a, b):
    return a + int(rnd() * (b - a + 1))


ATOMS = ["a", "b", "c", "A", ".", r"\w", r"\d", r"\s", r"\W", "[ab]", "[^a]", "[a-c1]",
         r"[^\s]", r"\b", r"\B", "^", "$", r"\A", r"\Z", "1", " ", "-", "[A-Z]", r"[\w-]",
         r"\n", "é", "[é-ÿ]", "ſ", "K"]
QUANTS = ["*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}", "{0,1}"]


def atom(d):
    r = rnd()
    if d > 1 or r < 0.45:
        return choice(ATOMS)
    if r < 0.55:
        return "(" + regex(d + 1) + ")"
    if r < 0.62:
        return "(?:" + regex(d + 1) + ")"
    if r < 0.66:
        return "(?P<n%d>" % randint(0, 3) + regex(d + 1) + ")"
    if r < 0.69:
        return choice(["(?=", "(?!"]) + regex(d + 1) + ")"
    if r < 0.72:
        return choice(["(?<=", "(?<!"]) + "".join(choice(ATOMS) for _ in range(randint(1, 3))) + ")"
    if r < 0.75:
        return "(?>" + regex(d + 1) + ")"
    if r < 0.79:
        return "\\%d" % randint(1, 3)
    if r < 0.82:
        return "(?(%d)" % randint(1, 3) + seq(d + 1) + "|" + seq(d + 1) + ")"
    if r < 0.86:
        return "(?i:" + regex(d + 1) + ")"
    return "(" + regex(d + 1) + ")"


ANCHORS = (r"\b", r"\B", "^", "$", r"\A", r"\Z")


def piece(d):
    a = atom(d)
    if rnd() < 0.55 or a in ANCHORS or a.startswith("(?=") or a.startswith("(?!"):
        return a
    q = choice(QUANTS)
    r = rnd()
    if r < 0.3:
        q += "?"
    elif r < 0.4:
        q += "+"
    return a + q


def seq(d):
    return "".join(piece(d) for _ in range(randint(1, 4)))


def regex(d=0):
    s = seq(d)
    if rnd() < 0.25:
        s += "|" + regex(d + 1)
    return s


ALPHA = "abcAB1 \n_-éſKk"


def subject():
    return "".join(choice(ALPHA) for _ in range(randint(0, 12)))


def desc(m):
    if m is None:
        return None
    return (m.span(), m.groups(), m.lastindex)


FLAGS = [0, 0, 0, re.I, re.M, re.S, re.I | re.M, re.A]
for i in range(900):
    pat = regex()
    flags = choice(FLAGS)
    try:
        p = re.compile(pat, flags)
    except re.error as e:
        print(i, repr(pat), flags, 'error:', e)
        continue
    for _ in range(3):
        s = subject()
        print(i, repr(pat), int(flags), repr(s), desc(p.search(s)), desc(p.fullmatch(s)),
              p.findall(s), p.sub('<\\g<0>>', s), p.split(s))
