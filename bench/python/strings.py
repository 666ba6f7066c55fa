# String building: concatenation, join of str(i), f-strings, split/replace.
import sys


def run(n):
    s = ""
    for i in range(n):
        s += "ab"
        if len(s) > 1000:
            s = s[500:]
    total = len(s)

    parts = [str(i) for i in range(n)]
    joined = ",".join(parts)
    total += len(joined)

    lines = []
    for i in range(n // 4):
        lines.append(f"item {i}: value={i * 3} name=x{i % 17}")
    total += sum(len(x) for x in lines)

    count = 0
    for line in lines:
        fields = line.replace("=", " ").split()
        count += len(fields)
        if fields[-1] == "x3":
            count += 1
    total += count
    total += len(joined.split(","))
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 900000
    print("strings", n, run(n))


main()
