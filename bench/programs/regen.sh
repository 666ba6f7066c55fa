#!/usr/bin/env bash
# Regenerate expected/NAME.stdout for every benchmark program in this directory: its output
# under CPython 3.11 at its quick size (the `quick=` of its `# pystm-bench:` line) with one
# thread. vm/tests/bench_programs.rs runs each program at that size under pystm, in every mode,
# with 1 and 2 threads, and compares (every program's output is independent of the thread count).
set -eu
cd "$(dirname "$0")"
if command -v python3.11 >/dev/null 2>&1; then PY=python3.11; else PY=python3; fi
case "$("$PY" --version 2>&1)" in "Python 3.11."*) ;; *) echo "regen.sh: need CPython 3.11" >&2; exit 2 ;; esac
mkdir -p expected
for src in *.py; do
    name=${src%.py}
    case "$name" in _*) continue ;; esac
    quick=$(sed -n 's/^# pystm-bench:.* quick=\([0-9_]*\).*/\1/p' "$src" | tr -d _)
    [ -n "$quick" ] || { echo "$src: no quick= size" >&2; exit 1; }
    PYTHONHASHSEED=0 "$PY" "$src" 1 "$quick" > "expected/$name.stdout"
    echo "$name ($quick): $(cat "expected/$name.stdout")"
done
