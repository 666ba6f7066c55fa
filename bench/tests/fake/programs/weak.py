# pystm-bench: scaling=weak size=7
# fake: sleep=0.05
# fake: times-threads=1
