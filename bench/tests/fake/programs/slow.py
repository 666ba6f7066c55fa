# pystm-bench: scaling=strong size=5
# fake: sleep=31.4159
