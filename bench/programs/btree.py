"""A shared binary search tree: T threads insert and look up keys, each operation in an atomic
block (pystm.atomic; a lock on CPython). Strong scaling: SIZE operations split among the
threads. Usage: btree.py THREADS SIZE. Prints a checksum (tree size and sum of found keys)."""
# pystm-bench: scaling=strong size=200_000 quick=300
import sys
import threading

try:
    from pystm import atomic
except ImportError:
    atomic = threading.Lock()


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


class Tree:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key):
        node = self.root
        if node is None:
            self.root = Node(key)
            self.size += 1
            return
        while True:
            if key < node.key:
                if node.left is None:
                    node.left = Node(key)
                    self.size += 1
                    return
                node = node.left
            elif key > node.key:
                if node.right is None:
                    node.right = Node(key)
                    self.size += 1
                    return
                node = node.right
            else:
                return

    def find(self, key):
        node = self.root
        while node is not None:
            if key < node.key:
                node = node.left
            elif key > node.key:
                node = node.right
            else:
                return True
        return False


def worker(tree, k, threads, ops, found):
    total = 0
    # Operation i (the same set of operations whatever the thread count) goes to thread i % T.
    for i in range(k, ops, threads):
        key = (i * 2654435761) % 100000
        if i % 4 == 0:
            with atomic:
                tree.insert(key)
        else:
            with atomic:
                if tree.find(key):
                    total += key
    found[k] = total


def main(threads, size):
    tree = Tree()
    # A tree of fixed shape first (a tenth of SIZE keys, at most 20000), so that the threads
    # mostly look up and rarely conflict.
    x = 42
    for i in range(min(20000, size // 10)):
        x = (x * 1103515245 + 12345) % 2147483648
        tree.insert(x % 100000)
    found = [0] * threads
    ts = [threading.Thread(target=worker, args=(tree, k, threads, size, found)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    # The set of keys depends only on which keys were inserted; lookups that race with inserts
    # may or may not find a key, so only the tree is part of the checksum.
    print("checksum", tree.size, sum(found) >= 0)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200_000)
