# sys.exit("bye"): the message goes to stderr and the exit status is 1.
import sys

print("goodbye coming")
sys.exit("bye")
