"""Runs the multithreaded benchmark programs in this directory under pystm (STM mode and the
-X gil baseline) and CPython, at 1 and 2 threads (or --threads), alternating configurations,
and prints a markdown table of median wall times, speedups and checksums. A stop-gap until the
`pystm-bench` harness (bench crate) exists.

Usage: python3 bench/programs/run_threads.py [--runs N] [--threads 1,2] [--pystm PATH]
       [--python PATH] [PROGRAM ...]
"""
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = ["append_pop", "mandelbrot", "richards", "btree"]


def main():
    args = sys.argv[1:]
    runs, threads = 3, [1, 2]
    pystm = os.path.join(HERE, "..", "..", "target", "release", "pystm")
    python = "/usr/bin/python3.11" if os.path.exists("/usr/bin/python3.11") else "python3"
    progs = []
    while args:
        a = args.pop(0)
        if a == "--runs":
            runs = int(args.pop(0))
        elif a == "--threads":
            threads = [int(x) for x in args.pop(0).split(",")]
        elif a == "--pystm":
            pystm = args.pop(0)
        elif a == "--python":
            python = args.pop(0)
        else:
            progs.append(a)
    progs = progs or PROGRAMS
    configs = [("pystm STM", [pystm]), ("pystm -X gil", [pystm, "-X", "gil"]), ("CPython", [python])]
    print(f"{runs} runs per cell, median wall time in seconds; machine: {os.cpu_count()} CPUs")
    for prog in progs:
        path = os.path.join(HERE, prog + ".py")
        times = {}
        sums = {}
        for r in range(runs):
            for name, cmd in configs:
                for t in threads:
                    t0 = time.perf_counter()
                    out = subprocess.run(cmd + [path, str(t)], capture_output=True, text=True)
                    dt = time.perf_counter() - t0
                    if out.returncode != 0:
                        sys.exit(f"{prog} under {name} T={t} failed:\n{out.stderr}")
                    times.setdefault((name, t), []).append(dt)
                    sums.setdefault(out.stdout.strip(), []).append((name, t))
        if len(sums) != 1:
            sys.exit(f"{prog}: checksums differ between configurations: {sums}")
        print(f"\n### {prog} ({next(iter(sums))})\n")
        print("| threads | " + " | ".join(n for n, _ in configs) + " | STM speedup vs T=1 | STM vs gil |")
        print("|---" * (len(configs) + 3) + "|")
        base = statistics.median(times[("pystm STM", threads[0])])
        for t in threads:
            cells = [statistics.median(times[(n, t)]) for n, _ in configs]
            stm, gil = cells[0], cells[1]
            print(f"| {t} | " + " | ".join(f"{c:.2f}" for c in cells) + f" | {base / stm:.2f}x | {stm / gil:.2f} |")


if __name__ == "__main__":
    main()
