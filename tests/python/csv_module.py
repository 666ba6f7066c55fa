# The csv module (CPython's csv.py on pystm's _csv): readers, writers, dialects, DictReader and
# DictWriter, the Sniffer, files opened with newline='', and the error messages.
import csv
import io
import os
import tempfile

rows = [["name", "qty", "note"], ["apple", 3, 'says "hi"'], ["pear, green", 2.5, ""],
        ["multi\nline", None, "tab\there"], ["", True, " lead"]]

for kw in [{}, {"quoting": csv.QUOTE_ALL}, {"quoting": csv.QUOTE_NONNUMERIC},
           {"delimiter": ";", "quotechar": "'", "lineterminator": "\n"},
           {"quoting": csv.QUOTE_NONE, "escapechar": "\\"}, {"dialect": "excel-tab"},
           {"dialect": "unix"}, {"doublequote": False, "escapechar": "\\"}]:
    s = io.StringIO()
    w = csv.writer(s, **kw)
    w.writerows(rows)
    text = s.getvalue()
    print(kw, repr(text))
    kw2 = dict(kw)
    if kw2.get("quoting") == csv.QUOTE_NONNUMERIC:
        kw2["quoting"] = csv.QUOTE_MINIMAL
    print(" back:", list(csv.reader(io.StringIO(text, newline=""), **kw2)))

print(list(csv.reader(['1,2.5,"x"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)))
print(list(csv.reader(["", "x", "\n", '""'])))

# Files with newline='' (CPython's advice), DictWriter and DictReader.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "t.csv")
    with open(path, "w", newline="") as f:
        dw = csv.DictWriter(f, fieldnames=["id", "city", "pop"])
        dw.writeheader()
        dw.writerow({"id": 1, "city": "Zürich", "pop": 421878})
        dw.writerows([{"id": 2, "city": "São Paulo", "pop": 12.3}, {"id": 3, "city": 'Say "x"'}])
    with open(path, newline="") as f:
        raw = f.read()
    print(repr(raw))
    with open(path, newline="") as f:
        r = csv.DictReader(f)
        for rec in r:
            print(r.line_num, dict(rec))
        print(r.fieldnames)
    try:
        with open(path, "w", newline="") as f:
            csv.DictWriter(f, ["a"]).writerow({"a": 1, "b": 2})
    except ValueError as e:
        print("ValueError:", e)

r = csv.DictReader(io.StringIO("a,b\n1,2,3\n4\n"), restkey="more", restval="?")
print([dict(x) for x in r])

# Dialects.
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL)
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter)
print(list(csv.reader(["a|'b|c'|d"], "pipes", quotechar="'")))


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


print(list(csv.reader(["x;y;\"z;w\""], Semi)))
csv.unregister_dialect("pipes")
for f, a, k in [(csv.get_dialect, ("pipes",), {}), (csv.unregister_dialect, ("pipes",), {}),
                (csv.reader, (["a"],), {"delimiter": "ab"}), (csv.reader, (["a"],), {"delimiter": 0}),
                (csv.reader, (["a"],), {"quoting": 9}), (csv.reader, (["a"],), {"quotechar": None, "quoting": 1}),
                (csv.writer, (1,), {}), (csv.reader, (["a"],), {"bogus": 1}), (csv.reader, ([b"a"],), {})]:
    try:
        res = f(*a, **k)
        print(list(res) if f is csv.reader else res)
    except (csv.Error, TypeError) as e:
        print(type(e).__name__ + ":", e)

try:
    list(csv.reader(['"a'], strict=True))
except csv.Error as e:
    print("Error:", e)
try:
    list(csv.reader(["a\rb"]))
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("Error:", e)
old = csv.field_size_limit(10)
try:
    list(csv.reader(["x" * 20]))
except csv.Error as e:
    print("Error:", e)
print(old, csv.field_size_limit(old))

# The Sniffer.
sample = "id;name;score\n1;ann;3.5\n2;bob;4.0\n3;'c;d';1.0\n"
dialect = csv.Sniffer().sniff(sample)
print(repr(dialect.delimiter), repr(dialect.quotechar), csv.Sniffer().has_header(sample))
print(list(csv.reader(io.StringIO(sample), dialect))[:2])
