"""calendar and pathlib (CPython's modules, shipped): month texts, leap years, weekdays, pure path
manipulation, and files made, listed, globbed, read and removed through Path; sys.audit hooks."""
import sys
import calendar, pathlib, os
print(calendar.month(2024, 2), calendar.isleap(2024), calendar.monthrange(2023, 2), calendar.weekday(2026, 11, 28), calendar.day_name[0], list(calendar.month_abbr)[1:4])
print(calendar.TextCalendar(6).formatmonth(2025, 1))
p = pathlib.PurePosixPath("/usr/lib/python3.11/json/__init__.py")
print(p.name, p.suffix, p.stem, p.parent, p.parts[:3], p.with_suffix(".txt"), p.relative_to("/usr"), pathlib.PurePath("a") / "b" / "c.py")
q = pathlib.Path("/tmp/pystm_pathlib_test_%d" % os.getpid() + "")
q.mkdir(exist_ok=True)
(q / "f.txt").write_text("hello\n")
print((q / "f.txt").read_text(), (q / "f.txt").exists(), (q / "nope").exists(), sorted(x.name for x in q.iterdir()), (q / "f.txt").is_file(), q.is_dir())
print(sorted(str(x.name) for x in q.glob("*.txt")), (q / "f.txt").stat().st_size)
(q / "f.txt").unlink()
q.rmdir()
print(q.exists())
sys.addaudithook(lambda e, a: print("hook", e, a) if e.startswith("my") else None)
sys.audit("my.event", 1, "x")
sys.audit("other")
