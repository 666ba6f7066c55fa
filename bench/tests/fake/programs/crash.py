# pystm-bench: scaling=strong size=5
# fake: stderr=ZeroDivisionError: boom
# fake: exit=3
