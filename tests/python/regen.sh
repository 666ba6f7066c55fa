#!/usr/bin/env bash
# Regenerate the expected output of every test program in this directory with CPython 3.11.
#
# For each NAME.py directly in tests/python/ (sorted; files starting with '_' are helper
# modules and are skipped), run `python3 NAME.py` from inside tests/python/ with
# PYTHONHASHSEED=0 and stdin from NAME.stdin (or /dev/null), and write:
#   NAME.stdout  NAME.stderr  NAME.exit (the exit status followed by a newline)
#
# CPython 3.11 makes the script's path absolute in tracebacks
# (File "/abs/path/tests/python/NAME.py"); so that the expected files don't depend on where
# the repository lives, the absolute path of this directory plus "/" is removed from
# NAME.stdout and NAME.stderr, leaving File "NAME.py" (the bare name the program was run by).
set -u
cd "$(dirname "$0")" || exit 2

if command -v python3.11 >/dev/null 2>&1; then
    PY=python3.11
else
    PY=python3
fi
ver=$("$PY" --version 2>&1)
case "$ver" in
    "Python 3.11."*) ;;
    *) echo "regen.sh: need CPython 3.11, $PY is: $ver" >&2; exit 2 ;;
esac

export PYTHONHASHSEED=0
# Keep CPython from writing __pycache__ into the test tree and from picking up user settings.
export PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH PYTHONSTARTUP PYTHONWARNINGS PYTHONUTF8
# Output is UTF-8 whatever the locale (several programs print non-ASCII text).
export PYTHONIOENCODING=utf-8

here=$(pwd -P)
for src in $(ls -1 -- *.py | LC_ALL=C sort); do
    name=${src%.py}
    case "$name" in _*) continue ;; esac
    if [ -f "$name.stdin" ]; then in="$name.stdin"; else in=/dev/null; fi
    "$PY" "$src" <"$in" >"$name.stdout" 2>"$name.stderr"
    echo "$?" >"$name.exit"
    "$PY" - "$here/" "$name.stdout" "$name.stderr" <<'PYEOF'
import sys
prefix = sys.argv[1]
for path in sys.argv[2:]:
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if prefix in text:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text.replace(prefix, ""))
PYEOF
    echo "$name: exit $(cat "$name.exit")"
done
