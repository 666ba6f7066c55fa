"""DeltaBlue: the incremental dataflow constraint solver of Freeman-Benson, Maloney and Borning
(after the classic Smalltalk/JavaScript/Python benchmark, written for pystm). Each round builds a
chain of equality constraints driven by an edit constraint, then a projection of many variables
through scale constraints whose parameters are edited; the planner adds and removes constraints
incrementally and extracts plans. Each of T threads runs all rounds with its own planner (weak
scaling). Usage: deltablue.py THREADS SIZE (SIZE: rounds of the chain and projection tests, 100
to 106 variables each). Prints a checksum of the resulting variable values, which every thread
must agree on."""
# pystm-bench: scaling=weak size=300 quick=3
import sys

from _threads import same_in_threads


class PlanError(Exception):
    pass


class Strength:
    """A constraint's strength: a smaller level is stronger. The named strengths are class
    attributes, set once the class exists."""

    __slots__ = ("level", "name")

    def __init__(self, level, name):
        self.level = level
        self.name = name

    def __repr__(self):
        return "Strength(%s)" % self.name

    def __lt__(self, other):
        # "Weaker than" reads naturally as "less than".
        return self.level > other.level

    def __eq__(self, other):
        return isinstance(other, Strength) and self.level == other.level

    def __hash__(self):
        return hash(self.level)

    @staticmethod
    def stronger(a, b):
        return a.level < b.level

    @staticmethod
    def weaker(a, b):
        return a.level > b.level

    @staticmethod
    def weakest_of(a, b):
        return a if a.level > b.level else b

    def next_weaker(self):
        return Strength.BY_LEVEL[self.level + 1]


Strength.REQUIRED = Strength(0, "required")
Strength.STRONG_PREFERRED = Strength(1, "strongPreferred")
Strength.PREFERRED = Strength(2, "preferred")
Strength.STRONG_DEFAULT = Strength(3, "strongDefault")
Strength.NORMAL = Strength(4, "normal")
Strength.WEAK_DEFAULT = Strength(5, "weakDefault")
Strength.WEAKEST = Strength(6, "weakest")
Strength.BY_LEVEL = sorted(
    (s for s in vars(Strength).values() if isinstance(s, Strength)), key=lambda s: s.level)

REQUIRED = Strength.REQUIRED
WEAKEST = Strength.WEAKEST

# Directions of a binary constraint.
NONE, FORWARD, BACKWARD = 0, 1, 2


class Variable:
    """A constrained value, with the bookkeeping the planner keeps on it."""

    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def __repr__(self):
        return "Variable(%s=%r)" % (self.name, self.value)

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints.remove(c)
        if self.determined_by is c:
            self.determined_by = None


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def add_constraint(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def destroy_constraint(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        """Satisfies this constraint if it can, and returns the constraint it overrode (or
        None)."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise PlanError("could not satisfy a required constraint: %r" % (self,))
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise PlanError("cycle encountered")
        out.mark = mark
        return overridden

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, self.strength.name)


class UnaryConstraint(Constraint):
    def __init__(self, planner, v, strength):
        super().__init__(planner, strength)
        self.my_output = v
        self.satisfied = False
        self.add_constraint()

    def add_to_graph(self):
        self.my_output.add_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        out = self.my_output
        self.satisfied = out.mark != mark and Strength.stronger(self.strength, out.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.my_output

    def recalculate(self):
        out = self.my_output
        out.walk_strength = self.strength
        out.stay = not self.is_input()
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def remove_from_graph(self):
        if self.my_output is not None:
            self.my_output.remove_constraint(self)
        self.satisfied = False


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its value (for the planner, it is computed from nothing)."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks a variable that the program changes from outside."""

    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, planner, v1, v2, strength):
        super().__init__(planner, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE
        self.add_constraint()

    def choose_method(self, mark):
        v1, v2, s = self.v1, self.v2, self.strength
        if v1.mark == mark:
            ok = v2.mark != mark and Strength.stronger(s, v2.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif v2.mark == mark:
            ok = v1.mark != mark and Strength.stronger(s, v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif Strength.weaker(v1.walk_strength, v2.walk_strength):
            self.direction = BACKWARD if Strength.stronger(s, v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if Strength.stronger(s, v2.walk_strength) else BACKWARD

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        ihn, out = self.input(), self.output()
        out.walk_strength = Strength.weakest_of(self.strength, ihn.walk_strength)
        out.stay = ihn.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None

    def remove_from_graph(self):
        for v in (self.v1, self.v2):
            if v is not None:
                v.remove_constraint(self)
        self.direction = NONE


class ScaleConstraint(BinaryConstraint):
    """dest = src * scale + offset (either way round)."""

    def __init__(self, planner, src, scale, offset, dest, strength):
        self.direction = NONE
        self.scale = scale
        self.offset = offset
        super().__init__(planner, src, dest, strength)

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        for v in (self.scale, self.offset):
            if v is not None:
                v.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) / self.scale.value

    def recalculate(self):
        ihn, out = self.input(), self.output()
        out.walk_strength = Strength.weakest_of(self.strength, ihn.walk_strength)
        out.stay = ihn.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class Plan(list):
    """An ordered list of constraints to execute."""

    def execute(self):
        for c in self:
            c.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for u in unsatisfied:
                if u.strength == strength:
                    self.incremental_add(u)
            strength = strength.next_weaker()
            if strength == WEAKEST:
                break

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = sources
        while todo:
            c = todo.pop(0)
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                self.add_constraints_consuming_to(out, todo)
        return plan

    def extract_plan_from_constraints(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop(0)
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_constraints_consuming_to(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop(0)
            unsatisfied.extend(c for c in v.constraints if not c.is_satisfied())
            determining = v.determined_by
            for nxt in v.constraints:
                if nxt is not determining and nxt.is_satisfied():
                    nxt.recalculate()
                    todo.append(nxt.output())
        return unsatisfied

    def add_constraints_consuming_to(self, v, coll):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                coll.append(c)


def chain_test(n):
    """A chain v0 = v1 = ... = vn; edits to v0 must reach vn. Returns a checksum."""
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(planner, a, b, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, Strength.STRONG_DEFAULT)
    edit = EditConstraint(planner, first, Strength.PREFERRED)
    plan = planner.extract_plan_from_constraints([edit])
    total = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            raise PlanError("chain test failed: %r != %d" % (last, i))
        total += last.value
    edit.destroy_constraint()
    # A required stay on each end of a chain of required equalities cannot both hold.
    StayConstraint(planner, first, REQUIRED)
    try:
        StayConstraint(planner, last, REQUIRED)
    except PlanError:
        total += 1
    return total + len(plan)


def change(planner, v, new_value):
    edit = EditConstraint(planner, v, Strength.PREFERRED)
    plan = planner.extract_plan_from_constraints([edit])
    for _ in range(10):
        v.value = new_value
        plan.execute()
    edit.destroy_constraint()


def projection_test(n):
    """n pairs dst = src * scale + offset, with stays on the sources. Returns a checksum."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(planner, src, Strength.NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)

    def check(what, got, want):
        if got != want:
            raise PlanError("projection test %s: %r != %r" % (what, got, want))

    change(planner, src, 17)
    check("forward", dst.value, 1170)
    change(planner, dst, 1050)
    check("backward", src.value, 5)
    change(planner, scale, 5)
    for i in range(n - 1):
        check("scale", dests[i].value, i * 5 + 1000)
    change(planner, offset, 2000)
    for i in range(n - 1):
        check("offset", dests[i].value, i * 5 + 2000)
    return sum(d.value for d in dests)


def run(rounds):
    total = 0
    for k in range(rounds):
        n = 100 + k % 7
        total += chain_test(n) + projection_test(n)
    return "%d %d" % (rounds, total)


def main(threads, rounds):
    print("checksum", same_in_threads(threads, run, rounds))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300)
