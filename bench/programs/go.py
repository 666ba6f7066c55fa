"""Go: Monte-Carlo tree search (UCT over random playouts) playing Go on a 7x7 board (after the
classic "go" benchmark of the Python suites, written for pystm). Groups are kept in union-find
trees with counts of their liberty edges; captures, suicide and positional superko (Zobrist
hashes) follow the rules. Each of T threads plays the same few short games, each from its own
random.Random seed (weak scaling). Usage: go.py THREADS SIZE (SIZE: playouts per move). Prints
each game's moves and final score, and a checksum, which every thread must agree on."""
# pystm-bench: scaling=weak size=280 quick=1
import math
import random
import sys

from _threads import same_in_threads

BOARD = 7
KOMI = 7.5
GAMES = 2
MOVES_PER_GAME = 4
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
LEGAL, OWN_EYE, OCCUPIED, SUICIDE, SUPERKO = "legal", "own eye", "occupied", "suicide", "superko"
COLOR_NAMES = {EMPTY: ".", BLACK: "B", WHITE: "W"}
COLUMNS = "abcdefghjklmnopqrst"


def other(color):
    return BLACK + WHITE - color


class IllegalMove(Exception):
    pass


class Square:
    """A point of the board; its stone (if any) belongs to a group: a union-find tree whose root
    counts the group's liberty edges (pairs of a stone and an empty neighbour)."""

    __slots__ = ("pos", "color", "neighbours", "parent", "ledges", "zobrist")

    def __init__(self, pos, zobrist):
        self.pos = pos
        self.zobrist = zobrist
        self.neighbours = []
        self.color = EMPTY
        self.parent = self
        self.ledges = 0

    @property
    def coord(self):
        return divmod(self.pos, BOARD)

    def name(self):
        row, col = self.coord
        return "%s%d" % (COLUMNS[col], row + 1)

    def find(self):
        root = self
        while root.parent is not root:
            root = root.parent
        sq = self
        while sq.parent is not root:  # path compression
            sq.parent, sq = root, sq.parent
        return root

    def group(self):
        """Yields the stones of this square's group (a flood fill)."""
        color = self.color
        seen = {self.pos}
        todo = [self]
        while todo:
            sq = todo.pop()
            yield sq
            for n in sq.neighbours:
                if n.color == color and n.pos not in seen:
                    seen.add(n.pos)
                    todo.append(n)


class EmptySet:
    """The empty points, with O(1) add, remove and random choice."""

    def __init__(self, n):
        self.points = list(range(n))
        self.index = list(range(n))

    def __len__(self):
        return len(self.points)

    def __getitem__(self, i):
        return self.points[i]

    def add(self, pos):
        self.index[pos] = len(self.points)
        self.points.append(pos)

    def remove(self, pos):
        i = self.index[pos]
        last = self.points.pop()
        if last != pos:
            self.points[i] = last
            self.index[last] = i


class Board:
    def __init__(self, zobrist_seed=1234):
        rng = random.Random(zobrist_seed)
        n = BOARD * BOARD
        self.squares = [Square(pos, (0, rng.getrandbits(60), rng.getrandbits(60)))
                        for pos in range(n)]
        for sq in self.squares:
            row, col = sq.coord
            for dr, dc in ((-1, 0), (0, -1), (0, 1), (1, 0)):
                r, c = row + dr, col + dc
                if 0 <= r < BOARD and 0 <= c < BOARD:
                    sq.neighbours.append(self.squares[r * BOARD + c])
        self.reset()

    def reset(self):
        for sq in self.squares:
            sq.color = EMPTY
            sq.parent = sq
            sq.ledges = 0
        self.empty = EmptySet(len(self.squares))
        self.color = BLACK
        self.hash = 0
        self.seen = {0}
        self.history = []
        self.passes = 0
        self.captured = {BLACK: 0, WHITE: 0}

    @property
    def finished(self):
        return self.passes >= 2

    def replay(self, moves):
        for pos in moves:
            self.move(pos)

    def _neighbour_roots(self, sq):
        """Empty neighbours, and {root: adjacent stones} for each colour's groups."""
        empties = 0
        own, opp = {}, {}
        for n in sq.neighbours:
            if n.color == EMPTY:
                empties += 1
            else:
                d = own if n.color == self.color else opp
                root = n.find()
                d[root] = d.get(root, 0) + 1
        return empties, own, opp

    def status(self, pos):
        """Whether the side to move may play at pos: LEGAL, OWN_EYE (legal, but fills one of its
        own eyes), or the reason it may not."""
        sq = self.squares[pos]
        if sq.color != EMPTY:
            return OCCUPIED
        empties, own, opp = self._neighbour_roots(sq)
        captures = [root for root, k in opp.items() if root.ledges == k]
        if not (empties or captures or any(root.ledges > k for root, k in own.items())):
            return SUICIDE
        h = self.hash ^ sq.zobrist[self.color]
        for root in captures:
            for stone in root.group():
                h ^= stone.zobrist[stone.color]
        if h in self.seen:
            return SUPERKO
        if empties == 0 and not opp and all(root.ledges > k for root, k in own.items()):
            return OWN_EYE
        return LEGAL

    def check(self, pos):
        """Raises IllegalMove unless the side to move may play at pos."""
        status = self.status(pos)
        if status not in (LEGAL, OWN_EYE):
            raise IllegalMove("%s at %s" % (status, self.squares[pos].name()))

    def useful(self, pos):
        return self.status(pos) == LEGAL

    def useful_moves(self):
        return [pos for pos in self.empty.points if self.useful(pos)]

    def move(self, pos):
        color = self.color
        self.history.append(pos)
        self.color = other(color)
        if pos == PASS:
            self.passes += 1
            return
        self.passes = 0
        sq = self.squares[pos]
        if sq.color != EMPTY:
            raise IllegalMove("%s is occupied" % sq.name())
        sq.color = color
        sq.parent = sq
        sq.ledges = 0
        self.empty.remove(pos)
        self.hash ^= sq.zobrist[color]
        for n in sq.neighbours:
            if n.color == EMPTY:
                sq.ledges += 1
            else:
                n.find().ledges -= 1
        for n in sq.neighbours:
            if n.color == color:
                a, b = n.find(), sq.find()
                if a is not b:
                    a.parent = b
                    b.ledges += a.ledges
        for n in sq.neighbours:
            if n.color == other(color) and n.find().ledges == 0:
                self.remove_group(n)
        if sq.find().ledges == 0:
            raise IllegalMove("suicide at %s" % sq.name())
        self.seen.add(self.hash)

    def remove_group(self, sq):
        stones = list(sq.group())
        self.captured[sq.color] += len(stones)
        for stone in stones:
            self.hash ^= stone.zobrist[stone.color]
            stone.color = EMPTY
            self.empty.add(stone.pos)
        for stone in stones:
            stone.parent = stone
            stone.ledges = 0
            for n in stone.neighbours:
                if n.color != EMPTY:
                    n.find().ledges += 1

    def random_move(self, rng):
        n = len(self.empty)
        if n == 0:
            return PASS
        start = rng.randrange(n)
        for k in range(n):
            pos = self.empty[(start + k) % n]
            if self.useful(pos):
                return pos
        return PASS

    def random_playout(self, rng, limit):
        for _ in range(limit):
            if self.finished:
                break
            self.move(self.random_move(rng))

    def score(self, color):
        """Area score: stones plus empty points bordered by that colour only (komi for White)."""
        count = KOMI if color == WHITE else 0.0
        for sq in self.squares:
            if sq.color == color:
                count += 1
            elif sq.color == EMPTY:
                colors = {n.color for n in sq.neighbours}
                if colors == {color}:
                    count += 1
        return count

    def __str__(self):
        rows = []
        for row in range(BOARD - 1, -1, -1):
            rows.append("".join(COLOR_NAMES[self.squares[row * BOARD + col].color]
                                for col in range(BOARD)))
        return "/".join(rows)


class UCTNode:
    __slots__ = ("pos", "color", "parent", "children", "unexplored", "wins", "losses")

    def __init__(self, pos, color, parent=None):
        self.pos = pos
        self.color = color  # who played pos
        self.parent = parent
        self.children = {}
        self.unexplored = None
        self.wins = 0
        self.losses = 0

    @property
    def visits(self):
        return self.wins + self.losses

    def uct_score(self, log_parent):
        visits = self.visits
        return self.wins / visits + math.sqrt(2.0 * log_parent / visits)

    def select(self, board, rng):
        if self.unexplored is None:
            self.unexplored = board.useful_moves()
        if self.unexplored:
            i = rng.randrange(len(self.unexplored))
            pos = self.unexplored[i]
            self.unexplored[i] = self.unexplored[-1]
            self.unexplored.pop()
            return pos
        if not self.children:
            return PASS
        log_parent = math.log(self.visits)
        best = max(self.children.values(), key=lambda c: (c.uct_score(log_parent), -c.pos))
        return best.pos

    def play(self, board, rng):
        """One round of tree descent, expansion, random playout and back-propagation."""
        node = self
        path = [node]
        while not board.finished:
            pos = node.select(board, rng)
            if pos == PASS:
                break
            color = board.color
            board.move(pos)
            child = node.children.get(pos)
            if child is None:
                child = node.children[pos] = UCTNode(pos, color, node)
                path.append(child)
                break
            path.append(child)
            node = child
        board.random_playout(rng, 3 * BOARD * BOARD)
        black_wins = board.score(BLACK) > board.score(WHITE)
        for n in path:
            if (n.color == BLACK) == black_wins:
                n.wins += 1
            else:
                n.losses += 1

    def best_child(self):
        if not self.children:
            return None
        return max(self.children.values(), key=lambda c: (c.visits, c.wins, -c.pos))


def computer_move(board, scratch, playouts, rng):
    root = UCTNode(PASS, other(board.color))
    for _ in range(playouts):
        scratch.reset()
        scratch.replay(board.history)
        root.play(scratch, rng)
    best = root.best_child()
    if best is None:
        return PASS, 0
    return best.pos, best.wins * 1000 // best.visits


def play_game(seed, playouts):
    rng = random.Random(seed)
    board = Board()
    scratch = Board()
    moves = []
    for _ in range(MOVES_PER_GAME):
        pos, rate = computer_move(board, scratch, playouts, rng)
        moves.append("%s:%d" % ("pass" if pos == PASS else board.squares[pos].name(), rate))
        board.move(pos)
    # An illegal move leaves the board as it was.
    occupied = board.history[-1]
    if occupied != PASS:
        try:
            board.check(occupied)
        except IllegalMove as e:
            moves.append("(%s)" % e)
    # Finish the game with a random playout.
    board.random_playout(rng, 10 * BOARD * BOARD)
    black, white = board.score(BLACK), board.score(WHITE)
    return "game %d: %s | %d moves, captured B%d W%d, %s, B %.1f W %.1f" % (
        seed, " ".join(moves), len(board.history), board.captured[BLACK], board.captured[WHITE],
        board, black, white)


def run(playouts):
    lines = [play_game(seed, playouts) for seed in range(1, GAMES + 1)]
    checksum = sum(sum(map(ord, line)) * (i + 1) for i, line in enumerate(lines)) % 1_000_000_007
    return "\n".join(lines + ["checksum %d" % checksum])


def main(threads, playouts):
    print(same_in_threads(threads, run, playouts))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 280)
