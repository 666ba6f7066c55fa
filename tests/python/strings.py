# String methods, slicing, membership, repr with quotes/escapes, unicode.

s = "Hello, World"
print(len(s), s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[1:10:3], s[-5:-1], s[100:], repr(s[5:2]))
print("World" in s, "world" in s, "" in s, s + "!", s * 2, "-" * 0, 3 * "ab")

# split / rsplit / join
print("a,b,,c".split(","), "a b  c ".split(), "  ".split(), "".split(","), "".split())
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a  b c".rsplit(None, 1), "x".split("x"))
print("1\t2\n3   4".split(), "abcabc".split("bc"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "+".join(str(i) for i in range(4)))

# strip family
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()), repr("\t\n hi\r\n".strip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "www.example.com".lstrip("w."), "ok!!?".rstrip("!?"))

# replace / find / rfind / index / count
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "abc".replace("", "-"), "hello".replace("l", ""))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".find("l", 3), "hello".find(""), "hello".rfind(""))
print("hello".index("e"), "hello".rindex("l"), "hello".count("l"), "aaaa".count("aa"), "abc".count(""))
try:
    "hello".index("z")
except ValueError as e:
    print("ValueError", e)

# startswith / endswith (tuples allowed)
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo"), "hello".endswith("l", 0, 4), "hello".startswith(""))

# case and classification
print("Hello World".upper(), "Hello World".lower(), "hello world".title(), "hELLO wORLD".capitalize(), "Hello".swapcase())
print("they're bill's".title(), "ß".upper(), "İ".lower() == "i\u0307", "ǅ".lower())
for t in ("123", "12.3", "abc", "abc1", "", "   ", " \t\n", "Ab", "²", "٣"):
    print(repr(t), t.isdigit(), t.isalpha(), t.isspace(), t.isalnum(), t.isupper(), t.islower(), t.isdecimal(), t.isnumeric())
print("Hello World".istitle(), "hello".isidentifier(), "1abc".isidentifier(), "abc".isascii(), "é".isascii())

# padding
print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("+7".zfill(4)), repr("abc".zfill(2)))
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6)), repr("x".ljust(4, ".")), repr("x".rjust(4)), repr("long".ljust(2)))

# partition / rpartition
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("="), "abc".rpartition("="))

# splitlines
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "x\n\ny".splitlines())

# encode, bytes
print("abc".encode(), "héllo".encode(), "héllo".encode("utf-8"), "€".encode(), len("€".encode()), b"h\xc3\xa9".decode())
print("tab\there".expandtabs(4), "abc".removeprefix("a"), "abc".removesuffix("c"), "abc".removeprefix("z"))

# repr of strings: quote choice and escapes
for t in ("plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", "\x00\x07\x7f", "é ñ 中", "\u200b", "\U0001F600", "\r"):
    print(repr(t))
print(str("it's"), ascii("é中"), ascii("plain"))

# unicode: length counts code points
u = "naïve café 中文 😀"
print(len(u), u[2], u[-1], u[11:13], u.upper(), list("日本"), ord("中"), chr(0x1F600) == "😀")
print(sorted("hello"), min("hello"), max("hello"), "é" > "z")

# iteration and conversion
print(list("abc"), tuple("ab"), str(123), str(-1.5), str([1, "a"]), str(None), str(b"x"))
print("abc"[1], "abc"[-3], "%s" % "x")
try:
    "abc"[3]
except IndexError as e:
    print("IndexError", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
