//! The trace optimizer: one test per rule ("this trace, optimized, becomes that trace", in the
//! textual IR), and end-to-end tests that compile optimized and unoptimized traces and check
//! they compute the same results, take the same exits and rebuild the same state.

mod common;
use common::*;
use jit::ir::*;
use jit::opt::{OptError, Passes, optimize_with};

/// The descriptors of the rule tests: the common ones and a helper that writes `value` and
/// may raise.
fn rule_descrs() -> Descrs {
    let mut d = descrs();
    let value = d.lookup("value").expect("value");
    d.add(
        "add",
        Descr::Call(CallDescr {
            addr: 0,
            args: vec![Type::Int, Type::Int],
            result: Type::Int,
            effect: Effect { may_raise: true, writes: Some(vec![value]), pure: false },
            with_ctx: false,
        }),
    );
    d
}

/// Optimizes `input` with every pass and compares the printed result with `expected`.
fn check(input: &str, expected: &str) {
    let d = rule_descrs();
    let t = parse(input, &d);
    let o = jit::opt::optimize(&t, &d).unwrap_or_else(|e| panic!("{e}\n{input}"));
    let got = text::print(&o, &d);
    assert_eq!(got.trim(), expected.trim(), "\n--- got:\n{got}--- expected:\n{expected}");
}

fn contradiction(input: &str) -> String {
    let d = rule_descrs();
    match jit::opt::optimize(&parse(input, &d), &d) {
        Err(OptError::Contradiction(m)) => m,
        other => panic!("expected a contradiction, got {other:?}"),
    }
}

/// Constant folding, algebraic identities, CSE of commutative ops, `int_is_true` of a comparison, a folded `_ovf` op takes its guard along.
#[test]
fn rule_fold() {
    check(
        "
[i0, f1]
i2 = int_add(3, 4)
i3 = int_mul(i0, i2)
i4 = int_add(i0, 0)
i5 = int_mul(7, i0)
i6 = int_sub(i4, i4)
i7 = int_lt(i0, 10)
i8 = int_is_true(i7)
f9 = float_mul(f1, 1.0)
f10 = float_add(f1, 0.0)
i11 = int_add_ovf(i2, 5)
guard_no_overflow() [resume: 0x10@1 s0=i11]
exit(i3, i5, i6, i8, f9, f10, i11) [resume: 0x10@2 s0=i0]
",
        "
[i0, f1]
i3 = int_mul(i0, 7)
i7 = int_lt(i0, 10)
f10 = float_add(f1, 0.0)
exit(i3, i3, 0, i7, f1, f10, 12) [resume: 0x10@2 s0=i0]
",
    );
}

/// A guard that always fails discards the trace.
#[test]
fn rule_contradiction() {
    let m = contradiction(
        "
[i0]
i1 = int_add(2, 2)
i2 = int_eq(i1, 5)
guard_true(i2) [resume: 0x10@1 s0=i0]
exit(i0) [resume: 0x10@2 s0=i0]
",
    );
    assert_eq!(m, "guard_true always fails");
}

/// Bounds from guards prove `_ovf` ops safe (their guards go), decide comparisons (their guards go), and pin a guarded value to its constant.
#[test]
fn rule_intbounds() {
    check(
        "
[i0, i1, r2]
i3 = int_lt(i0, i1)
guard_true(i3) [resume: 0x10@1 s0=i0]
i4 = int_add_ovf(i0, 1)
guard_no_overflow() [resume: 0x10@2 s0=i0]
i5 = int_and(i1, 255)
i6 = int_lt(i5, 256)
guard_true(i6) [resume: 0x10@3 s0=i5]
i7 = int_ge(i0, 0)
guard_true(i7) [resume: 0x10@4 s0=i0]
i8 = int_sub_ovf(i0, 1)
guard_no_overflow() [resume: 0x10@5 s0=i0]
i9 = int_gt(i8, -1)
guard_true(i9) [resume: 0x10@6 s0=i0]
guard_value(i1, 7) [resume: 0x10@7 s0=i1]
i10 = int_mul(i1, 3)
exit(i4, i8, i10) [resume: 0x10@8 s0=i0]
",
        "
[i0, i1, r2]
i3 = int_lt(i0, i1)
guard_true(i3) [resume: 0x10@1 s0=i0]
i4 = int_add(i0, 1)
i7 = int_ge(i0, 0)
guard_true(i7) [resume: 0x10@4 s0=i0]
i8 = int_sub(i0, 1)
i9 = int_gt(i8, -1)
guard_true(i9) [resume: 0x10@6 s0=i0]
guard_value(i1, 7) [resume: 0x10@7 s0=i1]
exit(i4, i8, 21) [resume: 0x10@8 s0=i0]
",
    );
}

/// `guard_nonnull` + `guard_class` merge into the earlier guard; an implied guard goes; a later `guard_value` replaces an earlier `guard_class` and the value becomes the constant; a repeated guard goes; after `guard_isnull` the value is null.
#[test]
fn rule_guards() {
    check(
        "
[r0, r1, i2, r3]
guard_nonnull(r0) [resume: 0x10@1 s0=r0]
i4 = getfield_i(r0, descr=<value>)
guard_class(r0, 32) [resume: 0x10@2 s0=r0]
guard_nonnull(r0) [resume: 0x10@3 s0=r0]
guard_class(r1, 32) [resume: 0x10@4 s0=r1]
guard_value(r1, ref(0x4000)) [resume: 0x10@5 s0=r1]
i5 = getfield_i(r1, descr=<value>)
guard_true(i2) [resume: 0x10@6 s0=r1]
guard_true(i2) [resume: 0x10@7 s0=r1]
guard_isnull(r3) [resume: 0x10@8 s0=r3]
exit(i4, i5, r1, r3) [resume: 0x10@9 s0=r0]
",
        "
[r0, r1, i2, r3]
guard_nonnull_class(r0, 32) [resume: 0x10@1 s0=r0]
i4 = getfield_i(r0, descr=<value>)
guard_value(r1, ref(0x4000)) [resume: 0x10@4 s0=r1]
i5 = getfield_i(ref(0x4000), descr=<value>)
guard_true(i2) [resume: 0x10@6 s0=ref(0x4000)]
guard_isnull(r3) [resume: 0x10@8 s0=r3]
exit(i4, i5, ref(0x4000), ref(0x0)) [resume: 0x10@9 s0=r0]
",
    );
}

/// Two class guards on one value contradict.
#[test]
fn rule_guards_contradiction() {
    let m = contradiction(
        "
[r0]
guard_class(r0, 32) [resume: 0x10@1 s0=r0]
guard_class(r0, 48) [resume: 0x10@2 s0=r0]
exit(r0) [resume: 0x10@3 s0=r0]
",
    );
    assert_eq!(m, "value 0 guarded to be of classes 32 and 48");
}

/// A virtual: its stores and loads resolve, guards on it and `ptr_eq` against it are decided, a guard describes it in its snapshot, and it is forced (with the virtual it points to) where it escapes into a real object.
#[test]
fn rule_virtuals() {
    check(
        "
[i0, f1, r2]
r3 = new(descr=<node>)
setfield(r3, i0, descr=<value>)
setfield(r3, f1, descr=<fval>)
guard_class(r3, 32) [resume: 0x10@1 s0=r3]
guard_nonnull(r3) [resume: 0x10@1 s0=r3]
i4 = getfield_i(r3, descr=<value>)
r5 = getfield_r(r3, descr=<next>)
i6 = ptr_eq(r3, r2)
guard_false(i6) [resume: 0x10@2 s0=r3]
i7 = int_add(i4, 1)
i8 = int_lt(i7, 100)
guard_true(i8) [resume: 0x10@3 s0=r3 s1=i7]
r9 = new(descr=<node>)
setfield(r9, r3, descr=<next>)
setfield(r2, r9, descr=<next>)
exit(i7, r5) [resume: 0x10@4 s0=r3]
",
        "
[i0, f1, r2]
i7 = int_add(i0, 1)
i8 = int_lt(i7, 100)
guard_true(i8) [resume: 0x10@3 s0=v0 s1=i7; v0=<node>(<value>=i0, <fval>=f1)]
r9 = new(descr=<node>)
r3 = new(descr=<node>)
setfield(r3, i0, descr=<value>)
setfield(r3, f1, descr=<fval>)
setfield(r9, r3, descr=<next>)
setfield(r2, r9, descr=<next>)
exit(i7, ref(0x0)) [resume: 0x10@4 s0=r3]
",
    );
}

/// Loads reuse earlier loads and stores; stores merge; a load from an object that may be the same flushes the delayed store; a call forgets what it may write (not immutable fields, not other descriptors); a fresh object's store is delayed to the end.
#[test]
fn rule_heap() {
    check(
        "
[r0, r1, i2]
i3 = getfield_i(r0, descr=<value>)
i4 = getfield_i(r0, descr=<value>)
setfield(r0, i2, descr=<value>)
i5 = getfield_i(r0, descr=<value>)
setfield(r0, i5, descr=<value>)
setfield(r0, 7, descr=<value>)
i6 = getfield_i(r1, descr=<value>)
f7 = getfield_f(r1, descr=<fval>)
r8 = new(descr=<node>)
setfield(r8, 5, descr=<value>)
i9 = getfield_i(r0, descr=<value>)
i10 = getfield_i(r0, descr=<const>)
i11 = call_i(i10, i9, descr=<add>)
guard_no_exception() [resume: 0x10@1 s0=r0]
i12 = getfield_i(r0, descr=<value>)
i13 = getfield_i(r0, descr=<const>)
f14 = getfield_f(r1, descr=<fval>)
exit(i3, i4, i5, i6, f7, r8, i9, i11, i12, i13, f14) [resume: 0x10@2 s0=r0]
",
        "
[r0, r1, i2]
i3 = getfield_i(r0, descr=<value>)
setfield(r0, 7, descr=<value>)
i6 = getfield_i(r1, descr=<value>)
f7 = getfield_f(r1, descr=<fval>)
i10 = getfield_i(r0, descr=<const>)
i11 = call_i(i10, 7, descr=<add>)
guard_no_exception() [resume: 0x10@1 s0=r0]
i12 = getfield_i(r0, descr=<value>)
r8 = new(descr=<node>)
setfield(r8, 5, descr=<value>)
exit(i3, i3, i2, i6, f7, r8, 7, i11, i12, i10, f7) [resume: 0x10@2 s0=r0]
",
    );
}

/// Two descriptors of one word (a float field read as bits to test a tag): a store through
/// one forgets what the other knew, and is not delayed past a load through the other.
#[test]
fn rule_heap_same_memory() {
    let mut d = rule_descrs();
    d.add("fbits", Descr::Field(FieldDescr { offset: 16, size: 8, signed: true, kind: Type::Int, immutable: false }));
    let input = "
[r0, f1]
i2 = getfield_i(r0, descr=<fbits>)
setfield(r0, f1, descr=<fval>)
i3 = getfield_i(r0, descr=<fbits>)
exit(i2, i3) [resume: 0x10@2 s0=r0]
";
    let o = jit::opt::optimize(&parse(input, &d), &d).expect("optimizes");
    assert_eq!(text::print(&o, &d).trim(), input.trim());
}

/// Peeling: the class guard, the immutable and the never-written loads and the arithmetic on them run once, in the preamble; the invariant slot leaves the label.
#[test]
fn rule_peel() {
    check(
        "
[r0, i1, i2]
label(r0, i1, i2) [resume: 0x10@0 s0=r0 s1=i1 s2=i2]
guard_class(r0, 32) [resume: 0x10@1 s0=r0 s1=i1 s2=i2]
i3 = getfield_i(r0, descr=<const>)
i4 = getfield_i(r0, descr=<value>)
i5 = int_lt(i1, i4)
guard_true(i5) [resume: 0x10@2 s0=r0 s1=i1 s2=i2]
i6 = int_mul(i3, 2)
i7 = int_add(i2, i6)
i8 = int_add(i1, 1)
jump(r0, i8, i7)
",
        "
[r0, i1, i2]
guard_class(r0, 32) [resume: 0x10@1 s0=r0 s1=i1 s2=i2]
i3 = getfield_i(r0, descr=<const>)
i4 = getfield_i(r0, descr=<value>)
i5 = int_lt(i1, i4)
guard_true(i5) [resume: 0x10@2 s0=r0 s1=i1 s2=i2]
i6 = int_mul(i3, 2)
i7 = int_add(i2, i6)
i8 = int_add(i1, 1)
i9 = same_as_i(i8)
i10 = same_as_i(i7)
label(i9, i10) [resume: 0x10@0 s0=r0 s1=i9 s2=i10]
i13 = int_lt(i9, i4)
guard_true(i13) [resume: 0x10@2 s0=r0 s1=i9 s2=i10]
i15 = int_add(i10, i6)
i16 = int_add(i9, 1)
jump(i16, i15)
",
    );
}

/// Dead pure ops go.
#[test]
fn rule_dce() {
    check(
        "
[i0]
i1 = int_add(i0, 1)
i2 = int_mul(i1, 2)
i3 = int_sub(i0, 5)
exit(i3) [resume: 0x10@1 s0=i0]
",
        "
[i0]
i3 = int_sub(i0, 5)
exit(i3) [resume: 0x10@1 s0=i0]
",
    );
}

/// The boxes vanish from the loop: both cross the back-edge as their fields, the overflow
/// check goes, and the guards describe the boxes as virtuals.
#[test]
fn rule_virtuals_cross_the_back_edge() {
    check(
        BOXED_FLOAT_LOOP,
        "
[r0, r1, i2]
guard_class(r0, 32) [resume: 0x10@0 s0=r0 s1=r1 s2=i2]
i3 = getfield_i(r0, descr=<value>)
i4 = int_lt(i3, i2)
guard_true(i4) [resume: 0x10@1 s0=r0 s1=r1 s2=i2]
guard_class(r1, 32) [resume: 0x10@1 s0=r0 s1=r1 s2=i2]
f5 = getfield_f(r1, descr=<fval>)
f6 = cast_int_to_float(i3)
f7 = float_mul(f6, 1.5)
f8 = float_add(f5, f7)
i10 = int_add(i3, 1)
i23 = same_as_i(i10)
f24 = same_as_f(f8)
label(i23, f24) [resume: 0x10@0 s0=v0 s1=v1 s2=i2; v0=<node>(<value>=i23); v1=<node>(<fval>=f24)]
i15 = int_lt(i23, i2)
guard_true(i15) [resume: 0x10@1 s0=v0 s1=v1 s2=i2; v0=<node>(<value>=i23); v1=<node>(<fval>=f24)]
f17 = cast_int_to_float(i23)
f18 = float_mul(f17, 1.5)
f19 = float_add(f24, f18)
i21 = int_add(i23, 1)
jump(i21, f19)
",
    );
}

/// A loop that keeps its box in a real object (it escapes) keeps the allocation; a jump whose
/// argument is not a virtual of the label's shape does not explode that slot.
#[test]
fn rule_escaping_boxes_stay_allocated() {
    check(
        "
[r0, r1]
label(r0, r1) [resume: 0x10@0 s0=r0 s1=r1]
i2 = getfield_i(r0, descr=<value>)
i3 = int_add(i2, 1)
r4 = new(descr=<node>)
setfield(r4, i3, descr=<value>)
setfield(r1, r4, descr=<next>)
jump(r4, r1)
",
        "
[r0, r1]
i2 = getfield_i(r0, descr=<value>)
i3 = int_add(i2, 1)
r4 = new(descr=<node>)
r5 = same_as_r(r4)
setfield(r4, i3, descr=<value>)
setfield(r1, r4, descr=<next>)
label(r5) [resume: 0x10@0 s0=r5 s1=r1]
i6 = getfield_i(r5, descr=<value>)
i7 = int_add(i6, 1)
r8 = new(descr=<node>)
setfield(r8, i7, descr=<value>)
setfield(r1, r8, descr=<next>)
jump(r8)
",
    );
}

/// Per pass, the counts the pipeline reports, and what each pass removed from the boxed loop.
#[test]
fn pass_counts_of_the_boxed_loop() {
    let d = rule_descrs();
    let o = optimize_with(&parse(BOXED_FLOAT_LOOP, &d), &d, Passes::ALL).unwrap();
    let names: Vec<&str> = o.counts.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["input", "peel", "fold", "intbounds", "guards", "virtualize", "heap", "dce"]);
    let last = o.counts.last().unwrap().1;
    assert_eq!(last.allocs, 0);
    let virt = o.counts.iter().position(|(n, _)| *n == "virtualize").unwrap();
    assert_eq!(o.counts[virt - 1].1.allocs, 4, "two boxes in the preamble, two in the body");
    assert_eq!(o.counts[virt].1.allocs, 0);
}

// ---- end to end: optimized and unoptimized traces compute the same ----

/// Compiles `text` unoptimized and optimized and checks both end in the same state from each
/// input vector `make_inputs` gives (fresh objects for each run). Returns false (comparing
/// nothing) when the optimizer finds the trace contradicts itself.
fn same_results(text: &str, runs: usize, make_inputs: impl FnMut(&mut gc::Mutator<Model>, usize) -> Vec<u64>) -> bool {
    compare_loop(&rule_descrs(), text, runs, make_inputs).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn boxed_float_loop_computes_the_same_optimized() {
    assert!(same_results(BOXED_FLOAT_LOOP, 6, |m, r| {
        let n = [0u64, 1, 2, 50, 333, 1000][r];
        vec![boxed(m, 0, 0.0), boxed(m, 0, 0.25), n]
    }));
}

/// A random loop shaped like interpreted Python: three int locals, a boxed counter `r3`, an
/// object `r4` whose field the loop reads and writes, a limit `i5`. The body mixes arithmetic,
/// overflow checks, comparisons with guards (which may exit), loads and stores of `r4`, and
/// boxes that are made and read back; each guard's snapshot holds the locals as they are.
fn random_loop(rng: &mut Rng) -> String {
    let mut out = String::from("[i0, i1, i2, r3, r4, i5]\n");
    let mut next = 6;
    let mut pc = 0;
    let mut locals = ["i0".to_string(), "i1".to_string(), "i2".to_string()];
    let mut ints: Vec<String> = vec!["i0".into(), "i1".into(), "i2".into(), "i5".into()];
    let snap = |locals: &[String; 3], pc: &mut u32| {
        *pc += 1;
        format!("[resume: 0x30@{pc} s0={} s1={} s2={} s3=r3 s4=r4 s5=i5]", locals[0], locals[1], locals[2])
    };
    let mut fresh = |p: char| {
        next += 1;
        format!("{p}{}", next - 1)
    };
    out.push_str("label(i0, i1, i2, r3, r4, i5) [resume: 0x30@0 s0=i0 s1=i1 s2=i2 s3=r3 s4=r4 s5=i5]\n");
    out += &format!("guard_class(r3, 32) {}\n", snap(&locals, &mut pc));
    let c = fresh('i');
    out += &format!("{c} = getfield_i(r3, descr=<value>)\n");
    let t = fresh('i');
    out += &format!("{t} = int_lt({c}, i5)\nguard_true({t}) {}\n", snap(&locals, &mut pc));
    ints.push(c.clone());
    for _ in 0..(4 + rng.next() % 12) {
        let pick = |rng: &mut Rng, ints: &[String]| -> String {
            if rng.next() % 5 == 0 {
                ((rng.next() % 21) as i64 - 10).to_string()
            } else {
                ints[(rng.next() % ints.len() as u64) as usize].clone()
            }
        };
        let (x, y) = (pick(rng, &ints), pick(rng, &ints));
        let r = fresh('i');
        match rng.next() % 10 {
            0..=2 => {
                let op = ["int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor"][(rng.next() % 6) as usize];
                out += &format!("{r} = {op}({x}, {y})\n");
            }
            3 | 4 => {
                let op = ["int_add_ovf", "int_sub_ovf", "int_mul_ovf"][(rng.next() % 3) as usize];
                out += &format!("{r} = {op}({x}, {y})\nguard_no_overflow() {}\n", snap(&locals, &mut pc));
            }
            5 => out += &format!("{r} = int_rshift({x}, {})\n", rng.next() % 8),
            6 => {
                let op = ["int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge"][(rng.next() % 6) as usize];
                let g = if rng.next() % 2 == 0 { "guard_true" } else { "guard_false" };
                out += &format!("{r} = {op}({x}, {y})\n{g}({r}) {}\n", snap(&locals, &mut pc));
            }
            7 => out += &format!("{r} = getfield_i(r4, descr=<value>)\n"),
            8 => {
                out += &format!("setfield(r4, {x}, descr=<value>)\n");
                out += &format!("{r} = int_add({y}, 1)\n");
            }
            _ => {
                let b = fresh('r');
                out += &format!("{b} = new(descr=<node>)\nsetfield({b}, {x}, descr=<value>)\n");
                out += &format!("{r} = getfield_i({b}, descr=<value>)\n");
            }
        }
        ints.push(r.clone());
        if rng.next() % 3 == 0 {
            locals[(rng.next() % 3) as usize] = r;
        }
    }
    let c1 = fresh('i');
    out += &format!("{c1} = int_add_ovf({c}, 1)\nguard_no_overflow() {}\n", snap(&locals, &mut pc));
    let nb = fresh('r');
    out += &format!("{nb} = new(descr=<node>)\nsetfield({nb}, {c1}, descr=<value>)\n");
    out += &format!("jump({}, {}, {}, {nb}, r4, i5)\n", locals[0], locals[1], locals[2]);
    out
}

#[test]
fn random_loops_compute_the_same_optimized() {
    let mut rng = Rng(0x005e_ed0f_0071_1234);
    let mut compared = 0;
    for _ in 0..300 {
        let text = random_loop(&mut rng);
        let seed = rng.next();
        // The same inputs for the plain and the optimized run of each round.
        compared += same_results(&text, 4, |m, r| {
            let mut v = Rng((seed ^ (r as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1);
            let mut small = || match v.next() % 4 {
                0 => v.next() >> (v.next() % 4),
                1 => v.next() >> (v.next() % 64),
                _ => (v.next() % 201).wrapping_sub(100),
            };
            let (a, b2, c, h) = (small(), small(), small(), small());
            let n = v.next() % 300;
            vec![a, b2, c, boxed(m, 0, 0.0), boxed(m, h, 0.0), n]
        }) as usize;
    }
    // Self-contradicting random traces (say `guard_false(int_le(x, x))`) are rare.
    assert!(compared >= 250, "only {compared} of 300 random loops were compared");
}
