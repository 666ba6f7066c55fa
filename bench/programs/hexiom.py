"""Hexiom: solve the hexagonal tile puzzle (after the classic "hexiom" benchmark of the Python
suites, written for pystm). On a hexagon of cells, numbered tiles must be placed (some are
locked in place) so that every tile's number is its count of neighbouring tiles. The solver
keeps each cell's possible values as bits of an int, propagates constraints (neighbour counts,
tile counts) and backtracks, counting all solutions. Each of T threads solves the same puzzles
(weak scaling). Usage: hexiom.py THREADS SIZE (SIZE: puzzles solved, cycling through the fixed
levels). Prints each level's solution compactly, the number of solutions and search nodes, and a
checksum, which every thread must agree on."""
# pystm-bench: scaling=weak size=42 quick=2
import sys

from _threads import same_in_threads

EMPTY = 7                   # the value of a cell without a tile; tiles are 0..6
EMPTY_BIT = 1 << EMPTY
TILE_BITS = EMPTY_BIT - 1
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))

# Levels: rows of a hexagon; "." an empty cell, "N" a tile (anywhere: the tiles are to be moved),
# "+N" a tile locked in its cell.
LEVELS = [
    """
  . 4 +2
 +2 3 3 2
3 4 4 . 3
 3 . +5 4
  3 3 .
""",
    """
  . 4 .
 2 5 6 4
3 2 +5 3 6
 3 3 . +3
  . +3 2
""",
    """
   4 5 3 6
  2 4 . 5 4
 +2 +5 +6 3 4 .
5 . 5 4 . +5 .
 +2 . 4 3 5 .
  +3 4 . 5 3
   +2 4 +2 3
""",
    """
   . . 3 +2
  . 2 . +4 4
 3 +6 3 6 5 6
4 . 2 6 6 +2 +1
 5 1 . +4 3 5
  5 5 2 . 5
   3 +3 . .
""",
    """
    +3 +3 . . 5
   4 5 2 . +3 5
  4 4 . 4 . 4 +3
 +4 6 5 +5 3 . +5 .
4 4 4 +4 . 2 6 . +3
 +3 4 3 . +4 +4 +5 +4
  2 4 +5 +6 . 4 5
   +2 5 3 +5 2 4
    . +2 5 +3 2
""",
    """
   5 4 6 +3
  4 3 +4 . 4
 . +4 3 . . .
3 2 +5 +4 2 . 3
 +2 +3 2 5 1 4
  2 4 3 3 .
   . 4 4 .
""",
    """
   . . 5 5
  . 2 +4 +4 .
 3 2 +5 . 5 6
3 5 +5 2 4 5 6
 2 2 3 2 . +4
  5 +4 . . +4
   3 6 6 .
""",
]


class Contradiction(Exception):
    pass


class Hex:
    """The hexagonal grid of side `size`, in axial coordinates."""

    def __init__(self, size):
        self.size = size
        m = size - 1
        self.coords = [(q, r) for r in range(-m, m + 1) for q in range(-m, m + 1)
                       if abs(q + r) <= m]
        self.index = {c: i for i, c in enumerate(self.coords)}
        self.neighbours = [
            [self.index[q + dq, r + dr] for dq, dr in DIRECTIONS if (q + dq, r + dr) in self.index]
            for q, r in self.coords]

    def __len__(self):
        return len(self.coords)

    def rows(self):
        """Yields the cell indices row by row."""
        row, last_r = [], None
        for i, (q, r) in enumerate(self.coords):
            if r != last_r and row:
                yield row
                row = []
            last_r = r
            row.append(i)
        yield row


def bits(mask):
    """The values whose bits are set in mask, in increasing order."""
    v = 0
    while mask:
        if mask & 1:
            yield v
        mask >>= 1
        v += 1


def range_mask(lo, hi):
    """Bits for the tile values lo..hi."""
    if lo > hi:
        return 0
    return ((1 << (hi + 1)) - 1) & ~((1 << lo) - 1) & TILE_BITS


class Done:
    """The possible values of every cell, as bit sets."""

    __slots__ = ("cells",)

    def __init__(self, cells):
        self.cells = cells

    def copy(self):
        return Done(self.cells[:])

    def decided(self, i):
        m = self.cells[i]
        return m & (m - 1) == 0

    def value(self, i):
        return self.cells[i].bit_length() - 1

    def restrict(self, i, mask):
        """Keeps only the values in mask for cell i; returns whether anything changed."""
        old = self.cells[i]
        new = old & mask
        if new == old:
            return False
        if not new:
            raise Contradiction(i)
        self.cells[i] = new
        return True

    def set(self, i, v):
        return self.restrict(i, 1 << v)


class Puzzle:
    def __init__(self, text):
        lines = [line.split() for line in text.strip().splitlines()]
        size = (len(lines) + 1) // 2
        self.hex = Hex(size)
        self.counts = [0] * 8
        self.locked = {}
        tokens = [tok for line in lines for tok in line]
        if len(tokens) != len(self.hex):
            raise ValueError("a side-%d hexagon has %d cells, not %d"
                             % (size, len(self.hex), len(tokens)))
        for i, tok in enumerate(tokens):
            if tok == ".":
                self.counts[EMPTY] += 1
            else:
                v = int(tok.lstrip("+"))
                self.counts[v] += 1
                if tok.startswith("+"):
                    self.locked[i] = v

    def start(self):
        cells = [0] * len(self.hex)
        present = sum(1 << v for v in range(8) if self.counts[v])
        for i, nbrs in enumerate(self.hex.neighbours):
            cells[i] = present & (range_mask(0, len(nbrs)) | EMPTY_BIT)
        done = Done(cells)
        for i, v in self.locked.items():
            done.set(i, v)
        return done

    def propagate(self, done):
        """Narrows the possible values until nothing changes; raises Contradiction if a cell
        has no possible value left."""
        cells = done.cells
        neighbours = self.hex.neighbours
        counts = self.counts
        changed = True
        while changed:
            changed = False
            for i, nbrs in enumerate(neighbours):
                sure = maybe = 0
                for j in nbrs:
                    m = cells[j]
                    if not m & EMPTY_BIT:
                        sure += 1
                    if m & TILE_BITS:
                        maybe += 1
                m = cells[i]
                if m & TILE_BITS:
                    changed |= done.restrict(i, range_mask(sure, maybe) | EMPTY_BIT)
                if done.decided(i) and cells[i] != EMPTY_BIT:
                    v = done.value(i)
                    if v == sure and maybe > sure:
                        for j in nbrs:
                            if cells[j] & EMPTY_BIT:
                                changed |= done.set(j, EMPTY)
                    elif v == maybe and maybe > sure:
                        for j in nbrs:
                            if cells[j] & TILE_BITS:
                                changed |= done.restrict(j, TILE_BITS)
            for v in range(8):
                bit = 1 << v
                fixed = possible = 0
                for m in cells:
                    if m & bit:
                        possible += 1
                        if m == bit:
                            fixed += 1
                if fixed > counts[v] or possible < counts[v]:
                    raise Contradiction(v)
                if fixed == counts[v] and possible > fixed:
                    for i, m in enumerate(cells):
                        if m & bit and m != bit:
                            changed |= done.restrict(i, ~bit)
                elif possible == counts[v] and possible > fixed:
                    for i, m in enumerate(cells):
                        if m & bit:
                            changed |= done.set(i, v)

    def solve(self):
        """Counts the solutions by propagation and backtracking; returns (solutions, the first
        solution as a Done, search nodes)."""
        nodes = solutions = 0
        first = None

        def search(done):
            nonlocal nodes, solutions, first
            nodes += 1
            try:
                self.propagate(done)
            except Contradiction:
                return
            open_cells = [i for i, m in enumerate(done.cells) if m & (m - 1)]
            if not open_cells:
                solutions += 1
                if first is None:
                    first = done
                return
            i = min(open_cells, key=lambda i: (done.cells[i].bit_count(), i))
            for v in bits(done.cells[i]):
                child = done.copy()
                child.set(i, v)
                search(child)

        search(self.start())
        return solutions, first, nodes

    def show(self, done):
        def cell(i):
            v = done.value(i)
            return "." if v == EMPTY else ("+%d" if i in self.locked else "%d") % v

        return "/".join(" ".join(cell(i) for i in row) for row in self.hex.rows())


def run(count):
    puzzles = [Puzzle(text) for text in LEVELS]
    lines = []
    total_nodes = 0
    checksum = 0
    for k in range(count):
        level = k % len(puzzles)
        puzzle = puzzles[level]
        solutions, first, nodes = puzzle.solve()
        total_nodes += nodes
        shown = puzzle.show(first) if first is not None else "none"
        checksum = (checksum * 31 + sum(map(ord, shown)) + solutions) % 1_000_000_007
        if k < len(puzzles):
            lines.append("level %d: %d solution(s), %d nodes: %s"
                         % (level, solutions, nodes, shown))
    lines.append("checksum %d %d %d" % (count, total_nodes, checksum))
    return "\n".join(lines)


def main(threads, count):
    print(same_in_threads(threads, run, count))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 42)
