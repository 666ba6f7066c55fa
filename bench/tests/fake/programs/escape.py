# pystm-bench: scaling=strong size=5
# fake: escape=9.8765
