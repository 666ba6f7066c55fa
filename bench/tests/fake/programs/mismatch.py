# pystm-bench: scaling=strong size=5
# fake: gil-checksum=checksum 6
