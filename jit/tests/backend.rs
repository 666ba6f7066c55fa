//! Hand-built traces compiled and run against a real heap: arithmetic loops, overflow guards,
//! guard exits and their resume data, barriers observed through the STM, the dummy allocation
//! and the break check, allocation, helper calls, bridges, invalidation, both base modes.

mod common;
use common::*;
use jit::ir::*;
use jit::resume::rebuild;
use jit::{BaseMode, EXIT_ABORTED, Options, TraceKind, split_exit_code};
use stm::ObjRef;
use stm::layout::{INFO_NURSERY_CURRENT, INFO_NURSERY_MARK};

const SUM_LOOP: &str = "
[i0, i1, i2]
label(i0, i1, i2) [resume: 0x10@0 s0=i0 s1=i1 s2=i2]
i3 = int_lt(i0, i2)
guard_true(i3) [resume: 0x10@2 s0=i0 s1=i1 s2=i2]
i4 = int_add_ovf(i1, i0)
guard_no_overflow() [resume: 0x10@4 s0=i0 s1=i1 s2=i2]
i5 = int_add(i0, 1)
jump(i5, i4, i2)
";

fn modes() -> [Options; 2] {
    [Options { mode: BaseMode::Pinned, ..Options::default() }, Options { mode: BaseMode::Param, ..Options::default() }]
}

/// Runs a loop trace to its end: a break-check exit (the label's state) is re-entered, as the
/// interpreter would after committing. Returns the final exit index and buffer.
fn run_loop(
    b: &jit::Backend,
    t: &jit::CompiledTrace,
    m: &mut gc::Mutator<Model>,
    inputs: &[u64],
) -> (usize, Vec<u64>, u32) {
    let mut inputs = inputs.to_vec();
    let mut breaks = 0;
    loop {
        let (code, buf) = run(b, t, m, &inputs);
        assert_ne!(code, EXIT_ABORTED);
        let (id, k) = split_exit_code(code);
        assert_eq!(id, t.id);
        if t.exits[k].opcode == Opcode::BreakCheck {
            breaks += 1;
            m.commit().expect("commit");
            m.start();
            inputs = buf[..inputs.len()].to_vec();
            continue;
        }
        return (k, buf[..t.resume.exits[k].fail_args.len()].to_vec(), breaks);
    }
}

#[test]
fn int_loop_sums_and_exits_with_its_values() {
    let d = descrs();
    let gc = heap(1);
    for opts in modes() {
        let b = backend(opts);
        let t = b.compile(&parse(SUM_LOOP, &d), &d, TraceKind::Loop).unwrap();
        let mut m = gc.mutator();
        m.start();
        let (k, vals, _) = run_loop(&b, &t, &mut m, &[0, 0, 1000]);
        assert_eq!(t.exits[k].opcode, Opcode::GuardTrue);
        assert_eq!(vals, vec![1000, 499500, 1000]);
        assert_eq!(t.failures(k), 1);
        m.commit().unwrap();
    }
}

#[test]
fn overflow_guard_exits_before_the_sum_wraps() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let t = b.compile(&parse(SUM_LOOP, &d), &d, TraceKind::Loop).unwrap();
    let mut m = gc.mutator();
    m.start();
    let start = i64::MAX as u64 - 10;
    let (k, vals, _) = run_loop(&b, &t, &mut m, &[5, start, 100]);
    assert_eq!(t.exits[k].opcode, Opcode::GuardNoOverflow);
    // i1 + i0 overflows at i0 = 5 already? MAX-10+5 fits; then +6 → MAX+1 overflows.
    assert_eq!(vals, vec![6, start + 5, 100]);
    m.commit().unwrap();
}

#[test]
fn float_loop_matches_rust() {
    let d = descrs();
    let gc = heap(1);
    let text = "
[f0, i1, i2]
label(f0, i1, i2) [resume: 0x10@0 s0=f0 s1=i1 s2=i2]
i3 = int_ge(i1, i2)
guard_false(i3) [resume: 0x10@2 s0=f0 s1=i1 s2=i2]
f4 = cast_int_to_float(i1)
f5 = float_mul(f0, 0.5)
f6 = float_add(f5, f4)
f7 = float_truediv(f6, 1.25)
f8 = float_neg(f7)
f9 = float_abs(f8)
i10 = int_add(i1, 1)
jump(f9, i10, i2)
";
    let b = backend(Options::default());
    let t = b.compile(&parse(text, &d), &d, TraceKind::Loop).unwrap();
    let mut m = gc.mutator();
    m.start();
    let (_, vals, _) = run_loop(&b, &t, &mut m, &[1.5f64.to_bits(), 0, 5000]);
    let mut f = 1.5f64;
    for i in 0..5000 {
        f = (-((f * 0.5 + i as f64) / 1.25)).abs();
    }
    assert_eq!(f64::from_bits(vals[0]), f);
    assert_eq!(vals[1], 5000);
    m.commit().unwrap();
}

#[test]
fn compiled_loop_agrees_with_interpreted_reference_on_random_inputs() {
    // x = (x * 3 + i) ^ (x >> 2), with an overflow check on the multiplication; exits when i
    // reaches n or the multiplication overflows.
    let d = descrs();
    let gc = heap(1);
    let text = "
[i0, i1, i2]
label(i0, i1, i2) [resume: 0x20@0 s0=i0 s1=i1 s2=i2]
i3 = int_lt(i1, i2)
guard_true(i3) [resume: 0x20@1 s0=i0 s1=i1 s2=i2]
i4 = int_mul_ovf(i0, 3)
guard_no_overflow() [resume: 0x20@2 s0=i0 s1=i1 s2=i2]
i5 = int_add(i4, i1)
i6 = int_rshift(i0, 2)
i7 = int_xor(i5, i6)
i8 = int_add(i1, 1)
jump(i7, i8, i2)
";
    let reference = |mut x: i64, mut i: i64, n: i64| -> (u32, i64, i64) {
        loop {
            if i >= n {
                return (1, x, i);
            }
            let Some(m3) = x.checked_mul(3) else { return (2, x, i) };
            x = m3.wrapping_add(i) ^ (x >> 2);
            i += 1;
        }
    };
    let b = backend(Options::default());
    let t = b.compile(&parse(text, &d), &d, TraceKind::Loop).unwrap();
    let mut m = gc.mutator();
    m.start();
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..200 {
        let x = rng.next() as i64 >> (rng.next() % 64);
        let n = (rng.next() % 300) as i64;
        let (k, vals, _) = run_loop(&b, &t, &mut m, &[x as u64, 0, n as u64]);
        let (pc, rx, ri) = reference(x, 0, n);
        let got_pc = t.resume.record(k).frames[0].pc;
        assert_eq!((got_pc, vals[0] as i64, vals[1] as i64), (pc, rx, ri), "x={x} n={n}");
    }
    m.commit().unwrap();
}

#[test]
fn guard_exit_rebuilds_frames_and_virtuals() {
    let d = descrs();
    let gc = heap(1);
    let text = "
[i0, f1]
i2 = int_add(i0, 7)
i3 = int_gt(i2, 100)
guard_false(i3) [resume: 0x10@3 s0=i2 s1=f1 s2=-5 | 0x20@9 s0=v0 s4=ref(0x0); v0=<node>(<value>=i0, <fval>=2.5, <next>=v0)]
exit(i2) [resume: 0x10@4 s0=i2]
";
    let b = backend(Options::default());
    let t = b.compile(&parse(text, &d), &d, TraceKind::Straight).unwrap();
    let mut m = gc.mutator();
    m.start();
    let (code, buf) = run(&b, &t, &mut m, &[200, 1.5f64.to_bits()]);
    let (_, k) = split_exit_code(code);
    assert_eq!(k, 0);
    let e = &t.resume.exits[k];
    let mut r = Recorder::default();
    rebuild(&t.resume, k, &buf[..e.fail_args.len()], &d, &mut r);
    assert_eq!(r.frames, vec![(0x10, 3), (0x20, 9)]);
    assert_eq!(r.allocs, vec![NODE]);
    assert_eq!(r.fields, vec![(0x1000, 8, 200), (0x1000, 16, 2.5f64.to_bits()), (0x1000, 24, 0x1000)]);
    assert_eq!(
        r.slots,
        vec![
            (0, 0, 207, Type::Int),
            (0, 1, 1.5f64.to_bits(), Type::Float),
            (0, 2, -5i64 as u64, Type::Int),
            (1, 0, 0x1000, Type::Ref),
            (1, 4, 0, Type::Ref)
        ]
    );
    // The other path: the final exit.
    let (code, buf) = run(&b, &t, &mut m, &[3]);
    assert_eq!(split_exit_code(code).1, 1);
    assert_eq!(buf[0], 10);
    m.commit().unwrap();
}

#[test]
fn read_barrier_marks_the_objects_byte_and_immutable_loads_need_none() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let text = "
[r0, r1]
i2 = getfield_i(r0, descr=<value>)
i3 = getfield_i(r0, descr=<value>)
i4 = getfield_i(r1, descr=<const>)
i5 = int_add(i2, i4)
exit(i5, i3) [resume: 0x1@0 s0=i5 s1=i3]
";
    let tr = parse(text, &d);
    let t = b.compile(&tr, &d, TraceKind::Straight).unwrap();
    let reads = t.trace.ops.iter().filter(|o| o.opcode == Opcode::StmRead).count();
    assert_eq!(reads, 1, "one read barrier for r0, none for the immutable field of r1");
    let mut m = gc.mutator();
    m.start();
    let objs = old_nodes(&mut m, 2);
    let (a, c) = (objs[0], objs[1]);
    let base = m.th().segment_base();
    let marker = |o: ObjRef| unsafe { *base.add((o.0 >> 4) as usize) };
    let rv = m.th().read_version();
    assert_ne!(marker(a), rv);
    let (_, buf) = run(&b, &t, &mut m, &[a.0, c.0]);
    assert_eq!(&buf[..2], &[1, 0]);
    assert_eq!(marker(a), rv, "the read barrier stored the read version at base + (obj >> 4)");
    assert_ne!(marker(c), rv, "no read barrier for an immutable field");
    m.commit().unwrap();
}

#[test]
fn write_barrier_takes_the_slow_path_once_per_object_per_transaction() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    // Stores into r0 every iteration; the write barrier's flag test runs each time, its slow
    // path only the first time.
    let text = "
[r0, i1, i2]
label(r0, i1, i2) [resume: 0x1@0 s0=r0 s1=i1 s2=i2]
i3 = int_lt(i1, i2)
guard_true(i3) [resume: 0x1@1 s0=r0 s1=i1 s2=i2]
setfield(r0, i1, descr=<value>)
i4 = int_add(i1, 1)
jump(r0, i4, i2)
";
    let t = b.compile(&parse(text, &d), &d, TraceKind::Loop).unwrap();
    assert!(t.trace.ops.iter().any(|o| o.opcode == Opcode::StmWrite));
    let mut m = gc.mutator();
    m.start();
    let o = old_nodes(&mut m, 1)[0];
    assert_ne!(m.th().flags(o) & stm::FLAG_WRITE_BARRIER, 0, "an old object starts with the flag");
    let (_, vals, breaks) = run_loop(&b, &t, &mut m, &[o.0, 0, 100]);
    assert_eq!(breaks, 0);
    assert_eq!(vals[1], 100);
    assert_eq!(m.th().load_u64(o, 8), 99);
    assert_eq!(m.th().flags(o) & stm::FLAG_WRITE_BARRIER, 0, "the slow path cleared the flag");
    let written = m.thread().written();
    assert_eq!(written.iter().filter(|w| **w == o).count(), 1, "slow path taken once: {written:?}");
    // A second run in the same transaction takes no slow path at all.
    let _ = run_loop(&b, &t, &mut m, &[o.0, 0, 10]);
    assert_eq!(m.thread().written().iter().filter(|w| **w == o).count(), 1);
    m.commit().unwrap();
    // The next transaction starts with the flag set again and takes the slow path once more.
    m.start();
    assert_ne!(m.th().flags(o) & stm::FLAG_WRITE_BARRIER, 0);
    let _ = run_loop(&b, &t, &mut m, &[o.0, 0, 10]);
    assert_eq!(m.thread().written().iter().filter(|w| **w == o).count(), 1);
    m.commit().unwrap();
}

#[test]
fn a_second_segment_does_not_see_uncommitted_compiled_writes() {
    use std::sync::mpsc::channel;
    let d = descrs();
    let gc = heap(2);
    let b = backend(Options::default());
    let text = "
[r0, i1]
setfield(r0, i1, descr=<value>)
exit() [resume: 0x1@0]
";
    let t = b.compile(&parse(text, &d), &d, TraceKind::Straight).unwrap();
    let mut m = gc.mutator();
    m.start();
    let o = old_nodes(&mut m, 1)[0];
    assert_eq!(m.th().load_u64(o, 8), 0);
    m.commit().unwrap();
    let (to_b, from_a) = channel::<&str>();
    let (to_a, from_b) = channel::<u64>();
    std::thread::scope(|s| {
        let gc2 = gc.clone();
        s.spawn(move || {
            let mut m2 = gc2.mutator();
            assert_eq!(from_a.recv().unwrap(), "written");
            m2.start();
            to_a.send(m2.th().load_u64(o, 8)).unwrap();
            m2.commit().unwrap();
            assert_eq!(from_a.recv().unwrap(), "committed");
            m2.start();
            to_a.send(m2.th().load_u64(o, 8)).unwrap();
            m2.commit().unwrap();
        });
        m.start();
        let _ = run(&b, &t, &mut m, &[o.0, 42]);
        assert_eq!(m.th().load_u64(o, 8), 42, "the writer sees its own write");
        to_b.send("written").unwrap();
        assert_eq!(from_b.recv().unwrap(), 0, "the other segment sees the committed value");
        m.commit().unwrap();
        to_b.send("committed").unwrap();
        assert_eq!(from_b.recv().unwrap(), 42, "after the commit it sees the new value");
    });
}

#[test]
fn dummy_allocation_grows_the_nursery_and_the_break_check_fires() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let text = "
[i0]
label(i0) [resume: 0x1@0 s0=i0]
i1 = int_add(i0, 1)
jump(i1)
";
    let t = b.compile(&parse(text, &d), &d, TraceKind::Loop).unwrap();
    let allocs: Vec<_> = t.trace.ops.iter().filter(|o| o.opcode == Opcode::AllocNursery).collect();
    assert_eq!(allocs.len(), 1, "one dummy allocation per iteration");
    assert_eq!(allocs[0].descr, Some(DUMMY));
    let mut m = gc.mutator();
    m.start();
    let info = m.th().segment_info();
    let before = info.nursery_current.load(std::sync::atomic::Ordering::Relaxed);
    let mark = before + 16 * 1000;
    info.nursery_mark.store(mark, std::sync::atomic::Ordering::Relaxed);
    let (code, buf) = run(&b, &t, &mut m, &[0]);
    let (_, k) = split_exit_code(code);
    assert_eq!(t.exits[k].opcode, Opcode::BreakCheck);
    // Each iteration allocated 16 bytes; the check fired when the nursery reached the mark.
    let after = m.th().segment_info().nursery_current.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(after, mark);
    assert_eq!(buf[0], 1000, "the break check exits with the next iteration's values");
    let _ = (INFO_NURSERY_CURRENT, INFO_NURSERY_MARK);
    // A loop that allocates gets no dummy allocation.
    let text2 = "
[i0]
label(i0) [resume: 0x1@0 s0=i0]
r1 = new(descr=<node>)
i2 = int_add(i0, 1)
jump(i2)
";
    let t2 = b.compile(&parse(text2, &d), &d, TraceKind::Loop).unwrap();
    assert!(!t2.trace.ops.iter().any(|o| o.descr == Some(DUMMY)));
    m.commit().unwrap();
}

#[test]
fn the_signal_word_makes_the_break_check_fire() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let t = b
        .compile(
            &parse("[i0]\nlabel(i0) [resume: 0x1@0 s0=i0]\ni1 = int_add(i0, 1)\njump(i1)\n", &d),
            &d,
            TraceKind::Loop,
        )
        .unwrap();
    let mut m = gc.mutator();
    m.start();
    m.th().hint_commit_soon();
    let (code, buf) = run(&b, &t, &mut m, &[5]);
    assert_eq!(t.exits[split_exit_code(code).1].opcode, Opcode::BreakCheck);
    assert_eq!(buf[0], 6, "one iteration, then the signal stops the loop");
    m.commit().unwrap();
}

#[test]
fn allocation_in_a_loop_builds_a_linked_list_that_survives_the_commit() {
    let d = descrs();
    let gc = heap(1);
    for opts in modes() {
        let b = backend(opts);
        let text = "
[r0, i1, i2]
label(r0, i1, i2) [resume: 0x1@0 s0=r0 s1=i1 s2=i2]
i3 = int_lt(i1, i2)
guard_true(i3) [resume: 0x1@1 s0=r0 s1=i1 s2=i2]
r4 = new(descr=<node>)
setfield(r4, i1, descr=<value>)
setfield(r4, r0, descr=<next>)
f5 = cast_int_to_float(i1)
setfield(r4, f5, descr=<fval>)
i6 = int_add(i1, 1)
jump(r4, i6, i2)
";
        let t = b.compile(&parse(text, &d), &d, TraceKind::Loop).unwrap();
        assert!(!t.trace.ops.iter().any(|o| o.opcode == Opcode::StmWrite), "fresh objects need no write barrier");
        let mut m = gc.mutator();
        m.start();
        let n = 20_000u64;
        let mut inputs = vec![0u64, 0, n];
        loop {
            let (code, buf) = run(&b, &t, &mut m, &inputs);
            let k = split_exit_code(code).1;
            inputs = buf[..3].to_vec();
            if t.exits[k].opcode == Opcode::GuardTrue {
                break;
            }
            // A break: the head must survive the commit (the interpreter would keep it in a frame).
            m.roots().words = vec![inputs[0]];
            m.commit().unwrap();
            m.start();
            inputs[0] = m.roots().words[0];
        }
        m.roots().words = vec![inputs[0]];
        m.commit().unwrap();
        m.start();
        let mut o = ObjRef(m.roots().words[0]);
        for i in (0..n).rev() {
            assert_eq!(m.th().typeid(o), NODE);
            assert_eq!(m.th().load_u64(o, 8), i);
            assert_eq!(f64::from_bits(m.th().load_u64(o, 16)), i as f64);
            o = ObjRef(m.th().load_u64(o, 24));
        }
        assert!(o.is_null());
        m.commit().unwrap();
    }
}

#[test]
fn arrays_allocate_index_and_report_their_length() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let text = "
[i0]
r1 = new_array(i0, descr=<items>)
i2 = arraylen(r1, descr=<items>)
setarrayitem(r1, 3, 77, descr=<items>)
i3 = getarrayitem_i(r1, 3, descr=<items>)
i4 = getarrayitem_i(r1, 2, descr=<items>)
exit(r1, i2, i3, i4) [resume: 0x1@0 s0=r1 s1=i2 s2=i3 s3=i4]
";
    let t = b.compile(&parse(text, &d), &d, TraceKind::Straight).unwrap();
    let mut m = gc.mutator();
    m.start();
    for n in [10u64, 20_000] {
        // 20 000 items is a large object: allocated in old space by the slow path.
        let (code, buf) = run(&b, &t, &mut m, &[n]);
        assert!(code < EXIT_ABORTED - 1, "{code:#x}");
        assert_eq!(&buf[1..4], &[n, 77, 0]);
        let arr = ObjRef(buf[0]);
        assert_eq!(m.th().typeid(arr), ARRAY);
        assert_eq!(m.th().load_u64(arr, 8), n);
        assert_eq!(m.th().load_u64(arr, 16 + 8 * 3), 77);
    }
    m.commit().unwrap();
}

static mut CALLS: u64 = 0;
extern "C" fn helper_add(ctx: *mut jit::JitCtx, a: i64, b: i64) -> i64 {
    // SAFETY: single-threaded test; ctx is the live context compiled code passed.
    unsafe {
        CALLS += 1;
        if a + b > 100 {
            (*ctx).exception = 1;
        }
    }
    a + b
}
extern "C" fn helper_sqrt(x: f64) -> f64 {
    x.sqrt()
}

#[test]
fn helper_calls_and_the_exception_guard() {
    let mut d = descrs();
    d.add(
        "add",
        Descr::Call(CallDescr {
            addr: helper_add as *const () as u64,
            args: vec![Type::Int, Type::Int],
            result: Type::Int,
            effect: Effect { may_raise: true, ..Effect::default() },
            with_ctx: true,
        }),
    );
    d.add(
        "sqrt",
        Descr::Call(CallDescr {
            addr: helper_sqrt as *const () as u64,
            args: vec![Type::Float],
            result: Type::Float,
            effect: Effect { pure: true, ..Effect::default() },
            with_ctx: false,
        }),
    );
    let gc = heap(1);
    let b = backend(Options::default());
    let text = "
[i0, f1]
i2 = call_i(i0, 40, descr=<add>)
guard_no_exception() [resume: 0x1@0 s0=i2]
f3 = call_f(f1, descr=<sqrt>)
exit(i2, f3) [resume: 0x1@1 s0=i2 s1=f3]
";
    let t = b.compile(&parse(text, &d), &d, TraceKind::Straight).unwrap();
    let mut m = gc.mutator();
    m.start();
    let (code, buf) = run(&b, &t, &mut m, &[2, 16f64.to_bits()]);
    assert_eq!(split_exit_code(code).1, 1);
    assert_eq!((buf[0], f64::from_bits(buf[1])), (42, 4.0));
    let (code, buf) = run(&b, &t, &mut m, &[70, 16f64.to_bits()]);
    assert_eq!(split_exit_code(code).1, 0, "the helper raised");
    assert_eq!(buf[0], 110);
    // SAFETY: read after the calls, single-threaded test.
    assert_eq!(unsafe { CALLS }, 2);
    m.commit().unwrap();
}

#[test]
fn guard_class_value_and_null_checks() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let text = "
[r0, i1, r2]
guard_nonnull(r0) [resume: 0x1@0]
guard_class(r0, 32) [resume: 0x1@1]
guard_value(i1, 5) [resume: 0x1@2 s0=i1]
guard_isnull(r2) [resume: 0x1@3]
exit() [resume: 0x1@4]
";
    let t = b.compile(&parse(text, &d), &d, TraceKind::Straight).unwrap();
    let mut m = gc.mutator();
    m.start();
    let node = m.alloc(NODE, NODE as usize).unwrap();
    let arr = m.alloc(ARRAY, 32).unwrap();
    let exit_of = |m: &mut gc::Mutator<Model>, i: &[u64]| split_exit_code(run(&b, &t, m, i).0).1;
    assert_eq!(exit_of(&mut m, &[node.0, 5, 0]), 4);
    assert_eq!(exit_of(&mut m, &[0, 5, 0]), 0);
    assert_eq!(exit_of(&mut m, &[arr.0, 5, 0]), 1);
    assert_eq!(exit_of(&mut m, &[node.0, 6, 0]), 2);
    assert_eq!(exit_of(&mut m, &[node.0, 5, node.0]), 3);
    m.commit().unwrap();
}

#[test]
fn bridges_are_entered_through_the_exit_slot_and_invalidation_fails_the_guard() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let parent_text = "
[i0]
guard_not_invalidated() [resume: 0x1@0 s0=i0]
i1 = int_lt(i0, 10)
guard_true(i1) [resume: 0x1@1 s0=i0]
exit(i0) [resume: 0x1@2 s0=i0]
";
    let parent = b.compile(&parse(parent_text, &d), &d, TraceKind::Straight).unwrap();
    // The bridge takes exit 1's fail arguments (i0) and doubles it.
    let bridge_text = "
[i0]
i1 = int_mul(i0, 2)
exit(i1) [resume: 0x1@7 s0=i1]
";
    let bridge = b.compile(&parse(bridge_text, &d), &d, TraceKind::Bridge { parent: parent.id, exit: 1 }).unwrap();
    let mut m = gc.mutator();
    m.start();
    let (code, _) = run(&b, &parent, &mut m, &[50]);
    assert_eq!(code, parent.exit_code(1));
    // SAFETY: the bridge takes exit 1's fail arguments and outlives its use here.
    unsafe { parent.attach_bridge(1, &bridge) };
    let (code, buf) = run(&b, &parent, &mut m, &[50]);
    assert_eq!(code, bridge.exit_code(0), "the bridge's exit");
    assert_eq!(buf[0], 100);
    assert_eq!(parent.failures(1), 2);
    parent.detach_bridge(1);
    assert_eq!(run(&b, &parent, &mut m, &[50]).0, parent.exit_code(1));
    assert_eq!(run(&b, &parent, &mut m, &[5]).0, parent.exit_code(2));
    parent.invalidate();
    assert_eq!(run(&b, &parent, &mut m, &[5]).0, parent.exit_code(0));
    m.commit().unwrap();
}

#[test]
fn entries_are_counted_when_asked() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options { count_entries: true, ..Options::default() });
    let t = b.compile(&parse("[i0]\nexit(i0) [resume: 0x1@0 s0=i0]\n", &d), &d, TraceKind::Straight).unwrap();
    let mut m = gc.mutator();
    m.start();
    for _ in 0..7 {
        run(&b, &t, &mut m, &[1]);
    }
    assert_eq!(t.entries(), 7);
    assert_eq!(t.failures(0), 7);
    m.commit().unwrap();
}

#[test]
fn freeing_traces_returns_their_memory() {
    let d = descrs();
    let b = backend(Options { verify: false, ..Options::default() });
    let tr = parse(SUM_LOOP, &d);
    let maps = || std::fs::read_to_string("/proc/self/maps").unwrap().lines().count();
    // Warm up, then compile and drop many traces: the number of mappings must not grow.
    for _ in 0..10 {
        drop(b.compile(&tr, &d, TraceKind::Loop).unwrap());
    }
    let before = maps();
    for _ in 0..300 {
        let t = b.compile(&tr, &d, TraceKind::Loop).unwrap();
        assert!(!t.code().is_empty());
    }
    assert!(maps() <= before + 5, "mappings grew from {before} to {}", maps());
}

#[test]
fn malformed_traces_are_refused_with_a_reason() {
    let d = descrs();
    let b = backend(Options::default());
    let cases = [
        ("[i0]\ni1 = int_add(i0, i9)\nexit() [resume: 0x1@0]\n", "not defined"),
        ("[i0]\ni1 = int_add(i0)\nexit() [resume: 0x1@0]\n", "takes 2 arguments"),
        ("[r0]\ni1 = getfield_i(r0)\nexit() [resume: 0x1@0]\n", "descriptor"),
        ("[i0]\nlabel(i0)\ni1 = int_add(i0, 1)\njump(i1)\n", "label needs a snapshot"),
        ("[i0]\ni1 = int_add(i0, 1)\n", "last op"),
        ("[f0]\ni1 = int_add(f0, 1)\nexit() [resume: 0x1@0]\n", "argument types"),
        ("[i0]\nguard_no_overflow() [resume: 0x1@0]\nexit() [resume: 0x1@0]\n", "without a preceding _ovf"),
    ];
    for (text, want) in cases {
        let msg = match text::parse(text, &d) {
            Err(e) => e.to_string(),
            Ok(t) => match b.compile(&t, &d, TraceKind::Straight) {
                Err(e) => e.to_string(),
                Ok(_) => panic!("accepted: {text}"),
            },
        };
        assert!(msg.contains(want), "{text:?}: {msg}");
    }
}

#[test]
fn guard_nonnull_class_is_safe_on_any_word() {
    // Exits unless the word is a reference to a node: null, odd (tagged) and unaligned words
    // exit without their "header" being read.
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options::default());
    let text = "
[r0]
guard_nonnull_class(r0, 32) [resume: 0x1@0 s0=r0]
exit(r0) [resume: 0x1@1 s0=r0]
";
    let t = b.compile(&parse(text, &d), &d, TraceKind::Straight).unwrap();
    let mut m = gc.mutator();
    m.start();
    let node = old_nodes(&mut m, 1)[0].0;
    let arr = m.alloc(ARRAY, 32).unwrap().0;
    for (w, passes) in
        [(node, true), (arr, false), (0, false), (2, false), ((1u64 << 62) | 1, false), (node + 8, false)]
    {
        let (code, _) = run(&b, &t, &mut m, &[w]);
        assert_eq!(split_exit_code(code).1, if passes { 1 } else { 0 }, "word {w:#x}");
    }
    m.commit().unwrap();
}
