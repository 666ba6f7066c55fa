"""os.open/read/write/lseek/close, and CPython's glob, tempfile (mkdtemp, mkstemp, TemporaryDirectory)
and shutil (copyfile, copytree, rmtree), shipped unmodified."""
import os, glob, tempfile, shutil
d = tempfile.mkdtemp(prefix="pystm_t_")
print(os.path.isdir(d), os.path.basename(d).startswith("pystm_t_"))
for n in ["a.txt", "b.txt", "c.py"]:
    with open(os.path.join(d, n), "w") as f:
        f.write(n * 3)
os.mkdir(os.path.join(d, "sub"))
with open(os.path.join(d, "sub", "d.txt"), "w") as f:
    f.write("deep")
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, "*.txt"))))
print(sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, "**", "*.txt"), recursive=True)))
fd, path = tempfile.mkstemp(suffix=".bin", dir=d)
os.write(fd, b"hello bytes")
os.lseek(fd, 0, os.SEEK_SET)
print(os.read(fd, 5), path.endswith(".bin"))
os.close(fd)
shutil.copyfile(os.path.join(d, "a.txt"), os.path.join(d, "copy.txt"))
print(open(os.path.join(d, "copy.txt")).read())
shutil.copytree(os.path.join(d, "sub"), os.path.join(d, "sub2"))
print(sorted(os.listdir(os.path.join(d, "sub2"))))
shutil.rmtree(d)
print(os.path.exists(d), tempfile.gettempdir())
try:
    os.close(9999)
except OSError as e:
    print(type(e).__name__, e.errno)
with tempfile.TemporaryDirectory() as td:
    print(os.path.isdir(td))
print(os.path.isdir(td))

# Files opened for reading and writing, seek/tell, descriptors and openers.
rw = os.path.join(tempfile.gettempdir(), "pystm_rw_%d.txt" % os.getpid())
f = open(rw, "w+")
print(f.readable(), f.writable(), f.seekable())
f.write("hello\nworld\n")
f.seek(0)
print(repr(f.read()))
f.seek(6)
f.write("WORLD")
f.seek(0)
print(repr(f.readline()), f.tell())
f.close()
with open(rw, "r+") as g:
    print(g.read(3))
    g.seek(0, 2)
    g.write("!")
    g.seek(0)
    print(repr(g.read()))
    try:
        g.seek(3, 1)
    except OSError as e:
        print(type(e).__name__, e)
with open(rw, "rb+") as h:
    h.seek(1)
    h.write(b"E")
    h.seek(-2, 2)
    print(h.read(), h.tell())
fd = os.open(rw, os.O_RDONLY)
with open(fd, "rb", closefd=False) as k:
    print(k.read(5))
print(os.read(fd, 3))
os.close(fd)
with open(rw, "a", opener=lambda p, fl: os.open(p, fl, 0o600)) as o:
    o.write("?")
print(open(rw).read()[-3:])
os.unlink(rw)
with tempfile.NamedTemporaryFile("w+", suffix=".txt") as nt:
    nt.write("named")
    nt.flush()
    nt.seek(0)
    print(nt.read(), os.path.exists(nt.name), nt.name.endswith(".txt"))
print(os.path.exists(nt.name))
with tempfile.TemporaryFile() as t:
    t.write(b"anonymous")
    t.seek(0)
    print(t.read())
