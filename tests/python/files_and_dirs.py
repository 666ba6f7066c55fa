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
