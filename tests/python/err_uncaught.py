# An uncaught exception raised three calls deep: traceback with source lines, exit status 1.

def parse_record(text):
    fields = text.split(",")
    return int(fields[1])          # the failing line

def load(lines):
    records = []
    for line in lines:
        records.append(parse_record(line))
    return records

def main():
    print("loading")
    records = load(["a,1", "b,2", "c,three"])
    print("not reached", records)

main()
