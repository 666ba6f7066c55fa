//! Trace optimizer benchmark (`cargo bench -p jit --bench opt [iterations]`): hand-built loop
//! traces shaped like interpreted Python (every int and float boxed, as the interpreter keeps
//! them), optimized pass by pass: ops, guards, allocations and loads after each pass; then the
//! compiled loop run unoptimized and optimized in the same process (ns per iteration, commits
//! at break checks included) and the allocations left per iteration. Prints Markdown
//! (docs/benchmarks.md keeps the numbers). Default: 20 000 000 iterations.

#[path = "../tests/common/mod.rs"]
mod common;
use common::*;
use jit::ir::*;
use jit::opt::{Passes, optimize_with};
use jit::{EXIT_ABORTED, Options, TraceKind, split_exit_code};
use std::time::Instant;

/// `while i < n: i += 1` (i boxed).
const BOXED_COUNTER: &str = "
[r0, i1]
label(r0, i1) [resume: 0x10@0 s0=r0 s1=i1]
guard_class(r0, 32) [resume: 0x10@0 s0=r0 s1=i1]
i2 = getfield_i(r0, descr=<value>)
i3 = int_lt(i2, i1)
guard_true(i3) [resume: 0x10@1 s0=r0 s1=i1]
i4 = int_add_ovf(i2, 1)
guard_no_overflow() [resume: 0x10@2 s0=r0 s1=i1]
r5 = new(descr=<node>)
setfield(r5, i4, descr=<value>)
jump(r5, i1)
";

/// `while i < n: s += obj.value + obj.const; i += 1` (i and s boxed, obj an instance whose
/// class is checked and whose attributes are read each iteration).
const ATTRIBUTE_READS: &str = "
[r0, r1, r2, i3]
label(r0, r1, r2, i3) [resume: 0x10@0 s0=r0 s1=r1 s2=r2 s3=i3]
guard_class(r0, 32) [resume: 0x10@0 s0=r0 s1=r1 s2=r2 s3=i3]
i4 = getfield_i(r0, descr=<value>)
i5 = int_lt(i4, i3)
guard_true(i5) [resume: 0x10@1 s0=r0 s1=r1 s2=r2 s3=i3]
guard_nonnull(r2) [resume: 0x10@2 s0=r0 s1=r1 s2=r2 s3=i3]
guard_class(r2, 32) [resume: 0x10@2 s0=r0 s1=r1 s2=r2 s3=i3]
i6 = getfield_i(r2, descr=<value>)
i7 = getfield_i(r2, descr=<const>)
i8 = int_add_ovf(i6, i7)
guard_no_overflow() [resume: 0x10@3 s0=r0 s1=r1 s2=r2 s3=i3]
guard_class(r1, 32) [resume: 0x10@3 s0=r0 s1=r1 s2=r2 s3=i3]
i9 = getfield_i(r1, descr=<value>)
i10 = int_add_ovf(i9, i8)
guard_no_overflow() [resume: 0x10@4 s0=r0 s1=r1 s2=r2 s3=i3]
r11 = new(descr=<node>)
setfield(r11, i10, descr=<value>)
i12 = int_add_ovf(i4, 1)
guard_no_overflow() [resume: 0x10@5 s0=r0 s1=r11 s2=r2 s3=i3]
r13 = new(descr=<node>)
setfield(r13, i12, descr=<value>)
jump(r13, r11, r2, i3)
";

/// `while i < n: s += lst[i % len(lst)]; i += 1` (i and s boxed; the list an int array checked
/// for its class, its length read, the index checked against it).
const LIST_INDEXING: &str = "
[r0, r1, r2, i3]
label(r0, r1, r2, i3) [resume: 0x10@0 s0=r0 s1=r1 s2=r2 s3=i3]
guard_class(r0, 32) [resume: 0x10@0 s0=r0 s1=r1 s2=r2 s3=i3]
i4 = getfield_i(r0, descr=<value>)
i5 = int_lt(i4, i3)
guard_true(i5) [resume: 0x10@1 s0=r0 s1=r1 s2=r2 s3=i3]
guard_class(r2, 1) [resume: 0x10@2 s0=r0 s1=r1 s2=r2 s3=i3]
i6 = arraylen(r2, descr=<items>)
i7 = int_and(i4, 7)
i8 = uint_lt(i7, i6)
guard_true(i8) [resume: 0x10@2 s0=r0 s1=r1 s2=r2 s3=i3]
i9 = getarrayitem_i(r2, i7, descr=<items>)
guard_class(r1, 32) [resume: 0x10@3 s0=r0 s1=r1 s2=r2 s3=i3]
i10 = getfield_i(r1, descr=<value>)
i11 = int_add_ovf(i10, i9)
guard_no_overflow() [resume: 0x10@3 s0=r0 s1=r1 s2=r2 s3=i3]
r12 = new(descr=<node>)
setfield(r12, i11, descr=<value>)
i13 = int_add_ovf(i4, 1)
guard_no_overflow() [resume: 0x10@4 s0=r0 s1=r12 s2=r2 s3=i3]
r14 = new(descr=<node>)
setfield(r14, i13, descr=<value>)
jump(r14, r12, r2, i3)
";

/// Runs the loop to its guard exit (re-entering after each break check); returns ns per
/// iteration, the number of breaks and the final slots.
fn time_loop(
    t: &jit::CompiledTrace,
    b: &jit::Backend,
    d: &Descrs,
    m: &mut gc::Mutator<Model>,
    mut inputs: Vec<u64>,
    iters: u64,
) -> (f64, u64, Vec<(u32, u64, Type)>) {
    let mut breaks = 0;
    let t0 = Instant::now();
    loop {
        let (code, buf) = run(b, t, m, &inputs);
        assert_ne!(code, EXIT_ABORTED);
        let k = split_exit_code(code).1;
        let (_, slots) = resume_into_heap(t, k, &buf, d, m);
        if t.exits[k].opcode != Opcode::BreakCheck {
            return (t0.elapsed().as_nanos() as f64 / iters as f64, breaks, slots);
        }
        breaks += 1;
        inputs = commit_and_reenter(m, &slots);
    }
}

fn main() {
    let iters: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000_000);
    let d = descrs();
    let cl_opt = std::env::var("CL_OPT").is_ok();
    let b = backend(Options { verify: false, optimize: cl_opt, ..Options::default() });
    let gc = heap(1);
    type Inputs = fn(&mut gc::Mutator<Model>, u64) -> Vec<u64>;
    let loops: [(&str, &str, Inputs); 4] = [
        ("boxed-int counter", BOXED_COUNTER, |m, n| vec![boxed(m, 0, 0.0), n]),
        ("boxed-float accumulation", BOXED_FLOAT_LOOP, |m, n| vec![boxed(m, 0, 0.0), boxed(m, 0, 0.0), n]),
        ("attribute reads", ATTRIBUTE_READS, |m, n| vec![boxed(m, 0, 0.0), boxed(m, 0, 0.0), boxed(m, 3, 0.0), n]),
        ("list indexing", LIST_INDEXING, |m, n| {
            let a = m.alloc(ARRAY, 16 + 8 * 8).expect("alloc");
            m.th().store_u64(a, 8, 8);
            for k in 0..8 {
                m.th().store_u64(a, 16 + 8 * k, k * k);
            }
            vec![boxed(m, 0, 0.0), boxed(m, 0, 0.0), a.0, n]
        }),
    ];
    println!("## Ops after each pass (loop traces: preamble + peeled body once peeling ran)\n");
    println!(
        "| loop | stage | ops | guards | allocations | loads | stores | per iteration: ops / guards / allocations |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---|");
    for (name, text, _) in &loops {
        let o = optimize_with(&parse(text, &d), &d, Passes::ALL).expect("optimizes");
        for (stage, c) in &o.counts {
            println!(
                "| {name} | {stage} | {} | {} | {} | {} | {} | {} / {} / {} |",
                c.ops, c.guards, c.allocs, c.loads, c.stores, c.loop_ops, c.loop_guards, c.loop_allocs
            );
        }
    }
    println!("\n## Compiled loop, {iters} iterations: unoptimized vs optimized, same process\n");
    println!("The last column runs the optimized loop without the dummy allocation and the break check");
    println!("(the loop never commits: measurement only), to show what those two cost per iteration.\n");
    println!(
        "| loop | unoptimized ns/iter | optimized ns/iter | speed-up | allocations per iteration (unopt → opt) | breaks (unopt / opt) | optimize time | optimized, no dummy/break check |"
    );
    println!("|---|---:|---:|---:|---|---:|---:|---:|");
    let bare = jit::Backend::new::<Model>(Options {
        verify: false,
        optimize: cl_opt,
        late: jit::rewrite::Late { barriers: true, dummy_alloc: false, break_check: false },
        ..Options::default()
    })
    .expect("backend");
    let mut m = gc.mutator();
    m.start();
    for (name, text, inputs) in &loops {
        let t = parse(text, &d);
        let t0 = Instant::now();
        let opt = jit::opt::optimize(&t, &d).expect("optimizes");
        let opt_us = t0.elapsed().as_secs_f64() * 1e6;
        let plain = b.compile(&t, &d, TraceKind::Loop).unwrap();
        let fast = b.compile(&opt, &d, TraceKind::Loop).unwrap();
        if let Ok(dir) = std::env::var("DUMP_CODE") {
            std::fs::write(format!("{dir}/{}.bin", name.replace(' ', "_")), fast.code()).expect("dump");
        }
        let body_allocs = |ct: &jit::CompiledTrace| {
            let l = ct.trace.label_index().expect("a loop");
            let allocs: Vec<&Op> = ct.trace.ops[l..].iter().filter(|o| o.opcode.has(flag::ALLOC)).collect();
            let dummy = allocs.iter().filter(|o| o.descr == Some(DUMMY)).count();
            if dummy > 0 { format!("{} (dummy)", allocs.len()) } else { allocs.len().to_string() }
        };
        let mut res = Vec::new();
        for ct in [&plain, &fast] {
            let ins = inputs(&mut m, iters);
            let (ns, breaks, slots) = time_loop(ct, &b, &d, &mut m, ins, iters);
            res.push((ns, breaks, slots.iter().map(|s| if s.2 == Type::Ref { 0 } else { s.1 }).collect::<Vec<_>>()));
        }
        assert_eq!(res[0].2, res[1].2, "{name}: both versions end in the same state");
        let bare_ct = bare.compile(&opt, &d, TraceKind::Loop).unwrap();
        let ins = inputs(&mut m, iters);
        let (bare_ns, _, _) = time_loop(&bare_ct, &bare, &d, &mut m, ins, iters);
        println!(
            "| {name} | {:.2} | {:.2} | {:.1}× | {} → {} | {} / {} | {opt_us:.0} µs | {bare_ns:.2} |",
            res[0].0,
            res[1].0,
            res[0].0 / res[1].0,
            body_allocs(&plain),
            body_allocs(&fast),
            res[0].1,
            res[1].1
        );
    }
    m.commit().unwrap();
}
