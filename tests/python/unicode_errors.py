# The Unicode errors carry their fields (encoding, object, start, end, reason), whether raised
# by a codec or made by a program, and print as CPython prints them.
e = UnicodeEncodeError("ascii", "a€€b", 1, 3, "x")
print(e.encoding, e.object, e.start, e.end, e.reason, str(e))
try:
    b"a\xffb".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.args, str(e))
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    "aé€😀".encode("ascii")
except UnicodeEncodeError as e:
    print(e.args, e.object, e.start, e.end, str(e))
try:
    "é".encode("latin-1").decode("utf-8")
except UnicodeError as e:
    print(type(e).__name__, e.reason, e.start, e.end)
t = UnicodeTranslateError("x\u20acy", 1, 2, "no map")
print(t.object, t.start, t.end, t.reason, t.encoding, str(t))
print(str(UnicodeDecodeError("utf-8", bytearray(b"ab"), 0, 2, "bad")))
for bad in [("a",), ("utf-8", "notbytes", 0, 1, "r"), (1, "x", 0, 1, "r")]:
    try:
        UnicodeEncodeError(*bad) if len(bad) != 5 or isinstance(bad[1], str) and bad[0] == 1 else UnicodeDecodeError(*bad)
    except TypeError as e:
        print("TypeError:", e)
e = UnicodeError("plain")
print(str(e), e.args)
