# Random CSV documents, dialects and rows read and written by the csv module (seed 1): the
# output must be what CPython prints, errors included.
import csv, io, random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
alpha = ['a', 'b', ',', '"', '\\', ' ', '\n', '\r', ';', "'", '1', '.', '\t']
def dialect():
    d = {}
    if random.random() < 0.3: d['delimiter'] = random.choice([',', ';', '\t', ' '])
    if random.random() < 0.3: d['quotechar'] = random.choice(['"', "'", None])
    if random.random() < 0.3: d['escapechar'] = random.choice(['\\', None])
    if random.random() < 0.3: d['doublequote'] = random.choice([True, False])
    if random.random() < 0.3: d['skipinitialspace'] = random.choice([True, False])
    if random.random() < 0.3: d['strict'] = random.choice([True, False])
    if random.random() < 0.3: d['quoting'] = random.choice([0, 1, 2, 3])
    if random.random() < 0.2: d['lineterminator'] = random.choice(['\n', '\r\n', '|'])
    return d
out = []
for i in range(400):
    d = dialect()
    text = ''.join(random.choice(alpha) for _ in range(random.randint(0, 30)))
    try:
        r = csv.reader(io.StringIO(text, newline=''), **d)
        rows = list(r)
        out.append(f"R {i} {d!r} {text!r} -> {rows!r} line_num={r.line_num}")
    except Exception as e:
        out.append(f"R {i} {d!r} {text!r} -> {type(e).__name__}: {e}")
    rows = [[random.choice(['', 'a', 'a,b', 'q"x', 'e\\s', ' s', 'n\nl', None, 1, 2.5, True, "'", 'x\ry'])
             for _ in range(random.randint(0, 3))] for _ in range(random.randint(1, 3))]
    s = io.StringIO()
    try:
        w = csv.writer(s, **d)
        for row in rows:
            w.writerow(row)
        out.append(f"W {i} {d!r} {rows!r} -> {s.getvalue()!r}")
        back = list(csv.reader(io.StringIO(s.getvalue(), newline=''), **d))
        out.append(f"B {i} {back!r}")
    except Exception as e:
        out.append(f"W {i} {d!r} {rows!r} -> {type(e).__name__}: {e} {s.getvalue()!r}")
print("\n".join(out))
