# pystm-bench: scaling=strong size=5
# fake: silent=1
