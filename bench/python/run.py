#!/usr/bin/env python3
"""Time the pystm benchmark programs against a baseline CPython.

Usage: python3 run.py PYSTM_BINARY [PYTHON]

PYTHON defaults to /usr/bin/python3.11, else python3.11, else python3.
Environment:
  RUNS          timed runs per program per interpreter (default 5)
  STARTUP_RUNS  runs of `-c pass` per interpreter (default 20)
  BENCH         space-separated program names to run (default: all)
  TIMEOUT       per-run timeout in seconds (default 300)

Runs alternate between the two interpreters; each program's median wall time
is reported, and the last stdout line (the checksum) of every run must match
the baseline's, otherwise MISMATCH is printed (and the exit status is 1).
"""
import math
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = ["int_loop", "calls", "attrs", "float_arith", "list_dict",
            "strings", "generators"]


def default_python():
    if os.access("/usr/bin/python3.11", os.X_OK):
        return "/usr/bin/python3.11"
    for name in ("python3.11", "python3"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("no baseline python found")


def resolve(binary):
    if os.sep in binary:
        return os.path.abspath(binary)
    p = shutil.which(binary)
    if not p:
        sys.exit(f"not found: {binary}")
    return p


def run_once(binary, args, timeout):
    """Return (seconds, last stdout line or None, error string or None)."""
    t0 = time.perf_counter()
    try:
        r = subprocess.run([binary] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, cwd=HERE)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - t0, None, f"timeout after {timeout}s"
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        err = r.stderr.decode(errors="replace").strip().splitlines()
        return dt, None, f"exit {r.returncode}: " + (err[-1] if err else "")
    lines = [l for l in r.stdout.decode(errors="replace").splitlines() if l.strip()]
    return dt, (lines[-1].strip() if lines else ""), None


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return float("nan")
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(2)
    pystm = resolve(sys.argv[1])
    python = resolve(sys.argv[2]) if len(sys.argv) > 2 else default_python()
    runs = int(os.environ.get("RUNS", "5"))
    startup_runs = int(os.environ.get("STARTUP_RUNS", "20"))
    timeout = float(os.environ.get("TIMEOUT", "300"))
    progs = os.environ.get("BENCH", "").split() or PROGRAMS

    print(f"pystm:  {pystm}")
    print(f"python: {python}")
    print(f"runs: {runs}, startup runs: {startup_runs}")
    print()

    failed = False
    rows = []
    ratios = []
    for prog in progs:
        path = os.path.join(HERE, prog + ".py")
        times = {"pystm": [], "python": []}
        out = {"pystm": None, "python": None}
        errors = []
        for i in range(runs):
            order = [("pystm", pystm), ("python", python)]
            if i % 2:
                order.reverse()
            for label, binary in order:
                dt, line, err = run_once(binary, [path], timeout)
                if err:
                    errors.append(f"{label}: {err}")
                    continue
                times[label].append(dt)
                if out[label] is None:
                    out[label] = line
                elif out[label] != line:
                    errors.append(f"{label}: nondeterministic output "
                                  f"{out[label]!r} vs {line!r}")
            if errors:
                break
        tp, tc = median(times["pystm"]), median(times["python"])
        status = ""
        if errors:
            failed = True
            status = "FAIL"
            print(f"!!! {prog}: FAIL: {errors[0]}", file=sys.stderr)
        elif out["pystm"] != out["python"]:
            failed = True
            status = "MISMATCH"
            print(f"!!! MISMATCH in {prog}: pystm={out['pystm']!r} "
                  f"python={out['python']!r}", file=sys.stderr)
        ratio = tp / tc if times["pystm"] and times["python"] else float("nan")
        if not status and ratio == ratio:
            ratios.append(ratio)
        rows.append((prog, tp, tc, ratio, status))
        print(f"  {prog}: pystm {tp:.3f}s python {tc:.3f}s ratio {ratio:.2f} "
              f"{status}", file=sys.stderr)

    st = {"pystm": [], "python": []}
    st_err = []
    for i in range(startup_runs):
        order = [("pystm", pystm), ("python", python)]
        if i % 2:
            order.reverse()
        for label, binary in order:
            dt, _, err = run_once(binary, ["-c", "pass"], timeout)
            if err:
                st_err.append(f"{label}: {err}")
            else:
                st[label].append(dt)
    if st_err:
        failed = True
        print(f"!!! startup: FAIL: {st_err[0]}", file=sys.stderr)

    print("| program | pystm median s | python median s | ratio pystm/python |")
    print("|---|---:|---:|---:|")
    for prog, tp, tc, ratio, status in rows:
        r = f"{ratio:.2f}" + (f" **{status}**" if status else "")
        print(f"| {prog} | {tp:.3f} | {tc:.3f} | {r} |")
    sp, sc = median(st["pystm"]), median(st["python"])
    sr = sp / sc if st["pystm"] and st["python"] else float("nan")
    print(f"| startup (`-c pass`) | {sp * 1000:.1f} ms | {sc * 1000:.1f} ms "
          f"| {sr:.2f} |")
    print()
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean ratio (pystm/python) over {len(ratios)} "
              f"programs: {gm:.2f}")
    if failed:
        print()
        print("*** SOME PROGRAMS FAILED OR MISMATCHED (see ** marks above) ***")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
