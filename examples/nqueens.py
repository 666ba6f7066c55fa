# The N-queens problem: count every placement of N queens on an N x N board where no two attack
# each other, with a generator-based backtracking search, and print one solution.
import sys


def solutions(n):
    cols, diag1, diag2 = set(), set(), set()
    placed = []

    def place(row):
        if row == n:
            yield list(placed)
            return
        for c in range(n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placed.append(c)
            yield from place(row + 1)
            placed.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    yield from place(0)


def show(board):
    n = len(board)
    return "\n".join(" ".join("Q" if board[r] == c else "." for c in range(n)) for r in range(n))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    count = 0
    first = None
    for s in solutions(n):
        if first is None:
            first = s
        count += 1
    print(f"{n}-queens: {count} solutions")
    if first is not None:
        print(show(first))


if __name__ == "__main__":
    main()
