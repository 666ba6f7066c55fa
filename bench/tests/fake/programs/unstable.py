# pystm-bench: scaling=strong size=5
# fake: per-run=1
