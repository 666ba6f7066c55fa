//! JIT backend benchmarks (`cargo bench -p jit --bench jit`): Cranelift compile time per trace
//! of 100 and 1000 ops; the per-iteration cost of the dummy allocation and the back-edge break
//! check in an allocation-free loop against a plain counted loop; a field-updating loop with and
//! without STM barriers. Prints a Markdown table (docs/benchmarks.md keeps the numbers).
//! Optional argument: the number of loop iterations (default 200 000 000).

#[path = "../tests/common/mod.rs"]
mod common;
use common::*;
use jit::ir::*;
use jit::rewrite::Late;
use jit::{EXIT_ABORTED, Options, TraceKind, split_exit_code};
use std::time::Instant;

/// A loop body of about `n` ops: int arithmetic with overflow guards, comparisons with guards,
/// field loads and stores, float arithmetic.
fn big_trace(n: usize) -> String {
    let mut s = String::from("[r0, i1, f2]\nlabel(r0, i1, f2) [resume: 0x1@0 s0=r0 s1=i1 s2=f2]\n");
    let (mut i, mut f, mut v) = (1u32, 2u32, 3u32);
    let mut ops = 1;
    let mut pc = 1;
    while ops + 11 < n {
        let snap = format!("[resume: 0x1@{pc} s0=r0 s1=i{i} s2=f{f}]");
        pc += 1;
        s += &format!("i{v} = int_add_ovf(i{i}, 3)\nguard_no_overflow() {snap}\n");
        s += &format!("i{} = int_mul(i{v}, 5)\n", v + 1);
        s += &format!("i{} = int_lt(i{}, 1000000000)\nguard_true(i{}) {snap}\n", v + 2, v + 1, v + 2);
        s += &format!("i{} = getfield_i(r0, descr=<value>)\n", v + 3);
        s += &format!("i{} = int_xor(i{}, i{})\n", v + 4, v + 3, v + 1);
        s += &format!("setfield(r0, i{}, descr=<value>)\n", v + 4);
        s += &format!("f{} = cast_int_to_float(i{})\n", v + 5, v + 4);
        s += &format!("f{} = float_add(f{f}, f{})\n", v + 6, v + 5);
        s += &format!("i{} = int_and(i{}, 1023)\n", v + 7, v + 4);
        i = v + 7;
        f = v + 6;
        v += 8;
        ops += 11;
    }
    s += &format!("jump(r0, i{i}, f{f})\n");
    s
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

const COUNT_LOOP: &str = "[i0, i1]
label(i0, i1) [resume: 0x1@0 s0=i0 s1=i1]
i2 = int_lt(i0, i1)
guard_true(i2) [resume: 0x1@1 s0=i0 s1=i1]
i3 = int_add(i0, 1)
jump(i3, i1)
";

const FIELD_LOOP: &str = "[r0, i1, i2]
label(r0, i1, i2) [resume: 0x1@0 s0=r0 s1=i1 s2=i2]
i3 = int_lt(i1, i2)
guard_true(i3) [resume: 0x1@1 s0=r0 s1=i1 s2=i2]
i4 = getfield_i(r0, descr=<value>)
i5 = int_add(i4, i1)
setfield(r0, i5, descr=<value>)
i6 = int_add(i1, 1)
jump(r0, i6, i2)
";

/// Runs a loop trace to its guard exit, committing at each break; returns (ns per iteration,
/// breaks).
fn time_loop(
    late: Late,
    text: &str,
    inputs: impl Fn(&mut gc::Mutator<Model>) -> Vec<u64>,
    iters: u64,
) -> (f64, u64, u64) {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options { late, ..Options::default() });
    let t = b.compile(&parse(text, &d), &d, TraceKind::Loop).unwrap();
    let mut m = gc.mutator();
    m.start();
    let mut ins = inputs(&mut m);
    let first = ins[0];
    let n_at = ins.len() - 1;
    ins[n_at] = iters;
    let mut breaks = 0;
    let t0 = Instant::now();
    loop {
        let (code, buf) = run(&b, &t, &mut m, &ins);
        assert_ne!(code, EXIT_ABORTED);
        let k = split_exit_code(code).1;
        if t.exits[k].opcode != Opcode::BreakCheck {
            break;
        }
        breaks += 1;
        ins = buf[..ins.len()].to_vec();
        m.commit().unwrap();
        m.start();
    }
    let ns = t0.elapsed().as_nanos() as f64 / iters as f64;
    m.commit().unwrap();
    (ns, breaks, first)
}

fn main() {
    let iters: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200_000_000);
    println!("## Compile time (rewrite + Cranelift opt_level=none + copy; verifier off; release build)\n");
    println!("| trace | ops after rewrite | machine code | median compile | per 100 recorded ops |");
    println!("|---|---:|---:|---:|---:|");
    let d = descrs();
    let b = backend(Options { verify: false, ..Options::default() });
    for n in [100usize, 1000] {
        let text = big_trace(n);
        let tr = parse(&text, &d);
        let reps = if n == 100 { 300 } else { 40 };
        let mut times = Vec::new();
        let (mut size, mut lowered) = (0, 0);
        for _ in 0..reps {
            let t0 = Instant::now();
            let ct = b.compile(&tr, &d, TraceKind::Loop).unwrap();
            times.push(t0.elapsed().as_secs_f64() * 1e6);
            size = ct.code().len();
            lowered = ct.trace.ops.len();
        }
        let med = median(times);
        println!(
            "| {} ops | {lowered} | {size} B | {med:.0} µs | {:.0} µs |",
            tr.ops.len(),
            med * 100.0 / tr.ops.len() as f64
        );
    }

    println!("\n## Allocation-free loop, {iters} iterations (ns per iteration, commits included)\n");
    println!("| variant | ns/iter | extra vs plain | transaction breaks |");
    println!("|---|---:|---:|---:|");
    let plain = Late { barriers: true, dummy_alloc: false, break_check: false };
    let check = Late { barriers: true, dummy_alloc: false, break_check: true };
    let full = Late::default();
    let count_inputs = |_: &mut gc::Mutator<Model>| vec![0u64, 0];
    let (p, _, _) = time_loop(plain, COUNT_LOOP, count_inputs, iters);
    for (name, late) in [
        ("plain back-edge counter (no check, no dummy)", plain),
        ("+ break check", check),
        ("+ break check + dummy allocation (what ships)", full),
    ] {
        let (ns, breaks, _) = time_loop(late, COUNT_LOOP, count_inputs, iters);
        println!("| {name} | {ns:.3} | {:+.3} | {breaks} |", ns - p);
    }

    println!("\n## Field-updating loop (read + write barrier per iteration), {iters} iterations\n");
    println!("The cost depends on where the object lies (the read marker's byte store and the field's");
    println!("load can trip the CPU's memory disambiguation); three objects of one heap are shown.\n");
    println!("| variant | object | ns/iter | transaction breaks |");
    println!("|---|---|---:|---:|");
    for which in [0usize, 1, 5] {
        let node_inputs = move |m: &mut gc::Mutator<Model>| vec![old_nodes(m, 8)[which].0, 0, 0];
        for (name, late) in
            [("without barriers", Late { barriers: false, ..Late::default() }), ("with barriers (what ships)", full)]
        {
            let (ns, breaks, obj) = time_loop(late, FIELD_LOOP, node_inputs, iters);
            println!("| {name} | {obj:#x} | {ns:.3} | {breaks} |");
        }
    }
}
