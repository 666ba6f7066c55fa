# The codecs module written for pystm: lookup and aliases, CodecInfo, incremental decoders fed
# byte by byte, stream readers and writers, codecs.open, error handlers, a registered codec.
import codecs, io, os, tempfile
print(codecs.lookup("UTF8").name, codecs.lookup("latin_1").name, codecs.lookup("U16").name, codecs.lookup("utf-32-BE").name)
ci = codecs.lookup("utf-8")
print(isinstance(ci, tuple), len(ci), ci[0] is ci.encode)
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo"), codecs.encode("x€", "ascii", "replace"))
print(codecs.getencoder("latin-1")("é"), codecs.getdecoder("ascii")(b"abc"))
try: codecs.lookup("no-such")
except LookupError as e: print("LookupError:", e)
data = "añ€😀 text\nline two\n".encode("utf-8")
for step in (1, 2, 3, 5):
    dec = codecs.getincrementaldecoder("utf-8")()
    out = "".join(dec.decode(data[i:i + step]) for i in range(0, len(data), step)) + dec.decode(b"", True)
    print(step, repr(out))
for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"):
    b = "a😀b€".encode(enc)
    dec = codecs.getincrementaldecoder(enc)()
    out = "".join(dec.decode(b[i:i + 3]) for i in range(0, len(b), 3)) + dec.decode(b"", True)
    ie = codecs.getincrementalencoder(enc)()
    print(enc, repr(out), ie.encode("ab") + ie.encode("c", True) == "abc".encode(enc))
print(list(codecs.iterdecode([b"\xc3", b"\xa9", b"x"], "utf-8")), list(codecs.iterencode(["a", "é"], "latin-1")))
dec = codecs.getincrementaldecoder("utf-8")()
dec.decode(b"\xc3")
try: dec.decode(b"", True)
except UnicodeDecodeError as e: print("UnicodeDecodeError:", e.reason)
print(codecs.utf_8_decode(b"ab\xc3", "strict", False), codecs.utf_8_decode(b"ab\xc3\xa9", "strict", True))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f.txt")
    with codecs.open(p, "w", "utf-8") as f:
        f.write("première ligne\n")
        f.writelines(["deux\n", "trois€\n"])
    with open(p, "rb") as f: print(f.read())
    with codecs.open(p, "r", "utf-8") as f:
        print([line for line in f])
    with codecs.open(p, encoding="utf-8") as f:
        print(repr(f.read()))
    with codecs.open(p, "r", "utf-8") as f:
        print(repr(f.readline()), f.readlines())
r = codecs.getreader("utf-8")(io.BytesIO("α\nβγ\n".encode()))
print(r.read(), end="")
w = codecs.getwriter("latin-1")(io.BytesIO())
w.write("café"); print(w.getvalue())
print(codecs.lookup_error("strict") is codecs.strict_errors)
try: codecs.lookup_error("nope")
except LookupError as e: print("LookupError:", e)
def search(name):
    if name == "rot_x":
        return codecs.CodecInfo(lambda s, e="strict": (s[::-1].encode(), len(s)), lambda b, e="strict": (bytes(b).decode()[::-1], len(b)), name="rot-x")
codecs.register(search)
print(codecs.encode("abc", "rot-x"), codecs.decode(b"cba", "ROT_X"), codecs.lookup("rot_x").name)
print(codecs.replace_errors(UnicodeEncodeError("ascii", "a€€b", 1, 3, "x")), codecs.backslashreplace_errors(UnicodeEncodeError("ascii", "a€b", 1, 2, "x")), codecs.xmlcharrefreplace_errors(UnicodeEncodeError("ascii", "a€b", 1, 2, "x")))
print(codecs.ignore_errors(UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "x")), codecs.backslashreplace_errors(UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "x")))
