#!/usr/bin/env bash
# JIT thread scaling on a lent many-core machine (the `device` tool): the mandelbrot benchmark
# at T = 1, 2, 4, 8, 16 with the JIT on (the default) and off, RUNS runs each (median printed),
# and the JIT's single-thread STM overhead (-X gil against the default at T=1), with a stripped
# pystm binary carried along.
# Usage (from the repository root): bash bench/device/jit_scaling.sh PYSTM [SIZE] [RUNS]
set -u
bin=${1:?usage: jit_scaling.sh PYSTM [SIZE] [RUNS]}
size=${2:-640}
runs=${3:-3}
echo "host: $(hostname) cpus: $(nproc)"; lscpu | grep -E 'Model name' ; uname -r
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for mode in "" "-X gil"; do
  times=""
  for r in $(seq "$runs"); do
    s=$(date +%s.%N)
    out=$(timeout 60 "$bin" $mode bench/programs/mandelbrot.py 1 "$size" 2>&1)
    e=$(date +%s.%N)
    times="$times$(awk "BEGIN {print $e - $s}")\n"
  done
  echo "mandelbrot size=$size jit=on mode='$mode' T=1 median_s=$(printf "$times" | median) ($out)"
done
for jit in on off; do
  for t in 1 2 4 8 16; do
    times=""
    for r in $(seq "$runs"); do
      s=$(date +%s.%N)
      out=$(timeout 60 "$bin" --jit "$jit" bench/programs/mandelbrot.py "$t" "$size" 2>&1)
      e=$(date +%s.%N)
      times="$times$(awk "BEGIN {print $e - $s}")\n"
    done
    echo "mandelbrot size=$size jit=$jit T=$t median_s=$(printf "$times" | median) ($out)"
  done
done
