# sys.exit(3): exit status 3, nothing on stderr; finally blocks still run.
import sys

print("about to exit")
try:
    sys.exit(3)
finally:
    print("finally runs before the interpreter exits")
print("not reached")
