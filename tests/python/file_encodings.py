# Text files opened with an encoding (open(encoding=, errors=)): Latin-1 and ASCII read and
# written byte for byte, error handlers, character counts for read(n), and CPython's errors.
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, "t.txt")
with open(p, "wb") as f:
    f.write(b"caf\xe9 cr\xe8me\nna\xefve \xa3 5\n")
with open(p, encoding="latin-1") as f:
    print(repr(f.read(4)), repr(f.readline()), f.readlines())
with open(p, encoding="iso8859-1") as f:
    print([line.rstrip("\n") for line in f])
with open(p, encoding="ascii", errors="replace") as f:
    print(repr(f.read()))
with open(p, encoding="ascii", errors="ignore") as f:
    print(repr(f.read()))
try:
    with open(p, encoding="ascii") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.encoding, e.start, e.reason)
try:
    with open(p) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))

q = os.path.join(d, "w.txt")
with open(q, "w", encoding="latin-1") as f:
    print(f.write("Straße £3 ½\n"))
with open(q, "rb") as f:
    print(f.read())
with open(q, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("€uro ü\n")
with open(q, "rb") as f:
    print(f.read())
try:
    with open(q, "w", encoding="ascii") as f:
        f.write("ok\n")
        f.write("naïve\n")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
for kw in [{"encoding": "no-such-codec"}, {"mode": "rb", "encoding": "utf-8"}, {"mode": "rb", "errors": "strict"}]:
    try:
        open(p, **kw)
    except (LookupError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# utf-8-sig: the mark is written first and skipped when read; "locale" is the locale's (UTF-8).
s = os.path.join(d, "sig.csv")
with open(s, "w", encoding="utf-8-sig") as f:
    f.write("a,b\n")
    f.write("é,1\n")
with open(s, "rb") as f:
    print(f.read())
with open(s, encoding="utf-8-sig") as f:
    print(f.readlines())
with open(s, encoding="utf-8") as f:
    print(repr(f.read()))
with open(p, "w", encoding="locale") as f:
    f.write("ünï\n")
with open(p, encoding="utf-8") as f:
    print(repr(f.read()))
