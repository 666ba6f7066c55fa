"""Fine: prints checksum SIZE."""
# pystm-bench: scaling=strong size=100 quick=10
# fake: burn=20000
