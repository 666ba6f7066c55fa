#!/usr/bin/env bash
# A/B timing of several pystm binaries on the classic single-thread programs, interpreter only
# (PYTHON_JIT=0), on a quiet many-core machine (the `device` tool): every round runs each
# program once under each binary in turn, so drift hits all alike; prints each program's
# minimum and median wall time per binary, the ratios to the first binary, and their
# geometric means. Each binary gets its own compiled-code cache, warmed first.
# Usage (from the repository root): bash bench/device/ab.sh ROUNDS BIN... (sizes: a quarter of
# each program's default work, below)
set -u
rounds=${1:?usage: ab.sh ROUNDS BIN...}
shift
progs="chaos:17500 coroutines:50000 deepcopy:450 deltablue:75 fannkuch:8 float_points:125000
generators:16000 go:70 hexiom:10 json_bench:550 nbody:50000 pidigits:2500 raytrace:80 richards:3
spectral_norm:175 unpack_sequence:7000"
echo "host: $(hostname) cpus: $(nproc) $(lscpu | grep 'Model name' | sed 's/  */ /g')"
out=$(mktemp -d)
for p in $progs; do
  for b in "$@"; do
    PYSTM_CACHE_DIR=$out/cache-$(basename "$b") PYTHON_JIT=0 "$b" bench/programs/${p%%:*}.py 1 2 >/dev/null 2>&1
  done
done
for r in $(seq "$rounds"); do
  for p in $progs; do
    for b in "$@"; do
      s=$(date +%s%N)
      PYSTM_CACHE_DIR=$out/cache-$(basename "$b") PYTHON_JIT=0 timeout 120 "$b" bench/programs/${p%%:*}.py 1 ${p##*:} >/dev/null 2>&1 || echo "FAILED $b $p"
      echo "${p%%:*} $(basename "$b") $(( ($(date +%s%N) - s) / 1000000 ))" >>"$out/times"
    done
  done
done
python3 - "$out/times" "$@" <<'PY'
import sys, statistics as st, math
rows = [l.split() for l in open(sys.argv[1])]
bins = [b.split('/')[-1] for b in sys.argv[2:]]
progs = list(dict.fromkeys(r[0] for r in rows))
t = {(p, b): [int(r[2]) / 1000 for r in rows if r[0] == p and r[1] == b] for p in progs for b in bins}
print("| program | " + " | ".join(f"{b} min / median s" for b in bins) + " | " + " | ".join(f"{b}/{bins[0]} (min)" for b in bins[1:]) + " |")
print("|---" * (1 + 2 * len(bins) - 1) + "|")
logs = {b: [] for b in bins[1:]}
for p in progs:
    base = min(t[(p, bins[0])])
    cells = [f"{min(t[(p, b)]):.3f} / {st.median(t[(p, b)]):.3f}" for b in bins]
    ratios = []
    for b in bins[1:]:
        r = min(t[(p, b)]) / base
        logs[b].append(math.log(r))
        ratios.append(f"{r:.3f}")
    print(f"| {p} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
print("geometric mean of the ratios (min): " + ", ".join(f"{b}: {math.exp(sum(v) / len(v)):.3f}" for b, v in logs.items()))
PY
