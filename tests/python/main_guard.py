# if __name__ == "__main__": the guarded block runs only when this file is the script.
# Importing this very file as a module runs its body a second time, as module 'main_guard'.
import sys

print("body runs with __name__ =", repr(__name__))

def main():
    print("main() called")
    import main_guard          # executes this file again, with __name__ == 'main_guard'
    print("imported copy is a different module:", main_guard is sys.modules["__main__"])
    print("copy's __name__:", main_guard.__name__, "| main's:", sys.modules["__main__"].__name__)
    main_guard.VALUE.append("changed in copy")
    print("VALUE here:", VALUE, "| in copy:", main_guard.VALUE)
    return 0

VALUE = ["original"]

if __name__ == "__main__":
    print("guarded block: running as script")
    main()
else:
    print("guarded block skipped: imported as a module")

print("end of body for", repr(__name__))
