#!/usr/bin/env bash
# Thread scaling past 2 cores, on a lent many-core machine (the `device` tool): runs each
# threads benchmark separately with pystm-bench (so that one program running long loses only its
# own cell), T = 1, 2, 4, 8, 16, configurations stm, gil and cpython (when python3 is there).
# Usage (from the repository root, with a release build carried along):
#   bash bench/device/scaling.sh OUTDIR [RUNS] [TAG]
# Environment: BIN, the folder holding pystm and pystm-bench (default target/release);
# CONFIGS (default stm,gil,cpython); PYTHON_JIT=0 for the interpreter alone.
# Writes OUTDIR/TAG-PROGRAM.json and OUTDIR/TAG.log (TAG default `scaling`); plots and the
# report are made afterwards with `pystm-bench report`.
set -u
out=${1:?usage: scaling.sh OUTDIR [RUNS] [TAG]}
runs=${2:-3}
tag=${3:-scaling}
bin=${BIN:-target/release}
configs=${CONFIGS:-stm,gil,cpython}
mkdir -p "$out" /tmp/scaling
{
  echo "host: $(hostname) cpus: $(nproc) PYTHON_JIT=${PYTHON_JIT-unset}"; lscpu | grep -E 'Model name|^CPU\(s\)|Thread|Core|Socket' ; uname -r
  command -v python3 && python3 --version
} >"$out/$tag.log" 2>&1
for p in append_pop mandelbrot btree richards; do
  start=$(date +%s)
  timeout 125 "$bin/pystm-bench" run "$p" --configs "$configs" --threads 1,2,4,8,16 \
    --runs "$runs" --warmups 1 --timeout 60 -q -o "/tmp/scaling/$tag-$p.json" >>"$out/$tag.log" 2>&1
  echo "== $p: exit $? in $(( $(date +%s) - start )) s" >>"$out/$tag.log"
  cp "/tmp/scaling/$tag-$p.json" "$out/" 2>/dev/null
done
