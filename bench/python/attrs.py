# Instances with several attributes: create, read, update, call methods.
import sys


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self):
        self.x = self.x + self.vx
        self.y = self.y + self.vy

    def energy(self):
        return self.vx * self.vx + self.vy * self.vy


def run(n):
    total = 0
    keep = []
    for i in range(n):
        p = Particle(i, i + 1, i % 7, i % 5)
        p.step()
        p.step()
        p.vx = p.vx + 1
        total += p.energy() + p.x - p.y
        if i % 1000 == 0:
            keep.append(p)
    for p in keep:
        p.step()
        total += p.x
    return total, len(keep)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 900000
    total, kept = run(n)
    print("attrs", n, total, kept)


main()
