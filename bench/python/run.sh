#!/usr/bin/env bash
# Usage: bench/python/run.sh PYSTM_BINARY [PYTHON]   (env: RUNS, STARTUP_RUNS, BENCH, TIMEOUT)
exec python3 "$(dirname "$0")/run.py" "$@"
