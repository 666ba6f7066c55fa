//! Regression tests from a review of the optimizer (each bug it found has its trace here), and
//! two more random generators: straight-line int traces over edge values with both overflow
//! guards, and loops with aliasing objects, arrays and pointer comparisons.
mod common;
use common::*;
use jit::ir::*;
use jit::opt::OptError;

fn rdescrs() -> Descrs {
    let mut d = descrs();
    let value = d.lookup("value").unwrap();
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
    d.add("byte", Descr::Field(FieldDescr { offset: 8, size: 1, signed: true, kind: Type::Int, immutable: false }));
    d.add("ubyte", Descr::Field(FieldDescr { offset: 8, size: 1, signed: false, kind: Type::Int, immutable: false }));
    d
}

/// Plain and optimized results from the same inputs; `None` on a contradiction.
fn both(
    text: &str,
    kind: jit::TraceKind,
    mut make: impl FnMut(&mut gc::Mutator<Model>) -> Vec<u64>,
) -> Option<((u32, Vec<(u32, Seen)>), (u32, Vec<(u32, Seen)>))> {
    let d = rdescrs();
    let gc = heap(1);
    let b = backend(jit::Options::default());
    let t = parse(text, &d);
    let types: Vec<Type> = t.inputs.iter().map(|v| t.types[v.0 as usize]).collect();
    let opt = match jit::opt::optimize(&t, &d) {
        Ok(o) => o,
        Err(OptError::Contradiction(_)) => return None,
        Err(e) => panic!("{e}\n{text}"),
    };
    eprintln!("optimized:\n{}", text::print(&opt, &d));
    let plain = b.compile(&t, &d, kind.clone()).unwrap();
    let fast = b.compile(&opt, &d, kind).unwrap_or_else(|e| panic!("{e}\n{}", text::print(&opt, &d)));
    let mut m = gc.mutator();
    m.start();
    let i1 = make(&mut m);
    let a = run_to_exit(&b, &plain, &mut m, &d, &i1, &types);
    let i2 = make(&mut m);
    let o = run_to_exit(&b, &fast, &mut m, &d, &i2, &types);
    m.commit().unwrap();
    Some((a, o))
}

#[test]
fn narrow_field_store_forwarded_untruncated_heap() {
    let (a, o) = both(
        "
[r0, i1]
setfield(r0, i1, descr=<byte>)
i2 = getfield_i(r0, descr=<byte>)
exit(i2) [resume: 0x10@1 s0=i2]
",
        jit::TraceKind::Straight,
        |m| vec![boxed(m, 0, 0.0), 300],
    )
    .unwrap();
    assert_eq!(a, o);
}

#[test]
fn narrow_field_store_forwarded_untruncated_virtual() {
    let (a, o) = both(
        "
[i0]
r1 = new(descr=<node>)
setfield(r1, i0, descr=<ubyte>)
i2 = getfield_i(r1, descr=<ubyte>)
exit(i2) [resume: 0x10@1 s0=i2]
",
        jit::TraceKind::Straight,
        |_| vec![-1i64 as u64],
    )
    .unwrap();
    assert_eq!(a, o);
}

/// Duplicate label arguments are refused: the lowering binds a label value to one slot.
#[test]
fn duplicate_label_args() {
    let d = rdescrs();
    let text = "
[i0, i1]
label(i0, i0, i1) [resume: 0x10@0 s0=i0 s1=i1]
i2 = int_add(i0, 1)
jump(i2, i0, i1)
";
    let e = text::parse(text, &d).expect_err("duplicate label arguments");
    assert!(e.msg.contains("distinct"), "{e}");
}

/// `guard_value(x, null)` after guards that made `x` non-null contradicts them (it used to
/// replace the strengthened `guard_nonnull_class` and lose its null check).
#[test]
fn guard_value_null_after_nonnull_class() {
    let d = rdescrs();
    let t = parse(
        "
[r0]
guard_nonnull(r0) [resume: 0x10@1 s0=7]
guard_class(r0, 32) [resume: 0x10@2 s0=7]
guard_value(r0, ref(0x0)) [resume: 0x10@3 s0=r0]
exit() [resume: 0x10@4 s0=7]
",
        &d,
    );
    assert!(matches!(jit::opt::optimize(&t, &d), Err(OptError::Contradiction(_))));
}

#[test]
fn label_arg_pinned_before_label_without_back_edge() {
    let d = rdescrs();
    let t = parse(
        "
[i0]
i1 = int_eq(i0, 5)
guard_true(i1) [resume: 0x10@1 s0=i0]
label(i0) [resume: 0x10@0 s0=i0]
exit(i0) [resume: 0x10@2 s0=i0]
",
        &d,
    );
    let r = jit::opt::optimize(&t, &d);
    assert!(r.is_ok(), "{r:?}");
}

#[test]
fn stale_overflow_state() {
    let d = rdescrs();
    let t = parse(
        "
[i0, i1]
i2 = int_add_ovf(9223372036854775807, 1)
i3 = int_add_ovf(i0, i1)
guard_no_overflow() [resume: 0x10@1 s0=i0]
exit(i3) [resume: 0x10@2 s0=i3]
",
        &d,
    );
    let r = jit::opt::optimize(&t, &d);
    assert!(r.is_ok(), "{r:?}");
}

/// Plain and optimized runs of a loop compared (see `common::compare_loop`).
fn same_loop(
    text: &str,
    runs: usize,
    make: impl FnMut(&mut gc::Mutator<Model>, usize) -> Vec<u64>,
) -> Result<bool, String> {
    compare_loop(&rdescrs(), text, runs, make)
}

/// Inputs: [i0, i1, i2, r3 (box counter), r4, i5 (limit), r6 (may be r4), r7 (int array of 4), r8 (box)].
fn random_loop2(rng: &mut Rng) -> String {
    let mut out = String::from("[i0, i1, i2, r3, r4, i5, r6, r7, r8]\n");
    let mut next = 9;
    let mut pc = 0;
    let mut locals = ["i0".to_string(), "i1".to_string(), "i2".to_string()];
    let mut ints: Vec<String> = vec!["i0".into(), "i1".into(), "i2".into(), "i5".into()];
    let mut refs: Vec<String> = vec!["r4".into(), "r6".into(), "r8".into(), "r3".into()];
    let snap = |l: &[String; 3], pc: &mut u32| {
        *pc += 1;
        format!("[resume: 0x30@{pc} s0={} s1={} s2={} s3=r3 s4=r4 s5=i5 s6=r6 s7=r7 s8=r8]", l[0], l[1], l[2])
    };
    let mut fresh = |p: char| {
        next += 1;
        format!("{p}{}", next - 1)
    };
    out.push_str("label(i0, i1, i2, r3, r4, i5, r6, r7, r8) [resume: 0x30@0 s0=i0 s1=i1 s2=i2 s3=r3 s4=r4 s5=i5 s6=r6 s7=r7 s8=r8]\n");
    out += &format!("guard_class(r3, 32) {}\n", snap(&locals, &mut pc));
    let c = fresh('i');
    out += &format!("{c} = getfield_i(r3, descr=<value>)\n");
    let t = fresh('i');
    out += &format!("{t} = int_lt({c}, i5)\nguard_true({t}) {}\n", snap(&locals, &mut pc));
    ints.push(c.clone());
    for _ in 0..(4 + rng.next() % 16) {
        let pick = |rng: &mut Rng, ints: &[String]| -> String {
            match rng.next() % 8 {
                0 => ((rng.next() % 21) as i64 - 10).to_string(),
                1 => ["9223372036854775807", "-9223372036854775808", "64", "63", "-1", "255"]
                    [(rng.next() % 6) as usize]
                    .to_string(),
                _ => ints[(rng.next() % ints.len() as u64) as usize].clone(),
            }
        };
        let pickr = |rng: &mut Rng, refs: &[String]| refs[(rng.next() % refs.len() as u64) as usize].clone();
        let (x, y) = (pick(rng, &ints), pick(rng, &ints));
        let r = fresh('i');
        let obj = ["r4", "r6"][(rng.next() % 2) as usize];
        match rng.next() % 16 {
            0 | 1 => {
                let op = ["int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor"][(rng.next() % 6) as usize];
                out += &format!("{r} = {op}({x}, {y})\n");
            }
            2 => {
                let op = ["int_add_ovf", "int_sub_ovf", "int_mul_ovf"][(rng.next() % 3) as usize];
                out += &format!("{r} = {op}({x}, {y})\nguard_no_overflow() {}\n", snap(&locals, &mut pc));
            }
            3 => {
                let op = ["int_lshift", "int_rshift", "uint_rshift"][(rng.next() % 3) as usize];
                let n = if rng.next() % 3 == 0 { y.clone() } else { (rng.next() % 70).to_string() };
                out += &format!("{r} = {op}({x}, {n})\n");
            }
            4 => {
                let op = ["int_neg", "int_invert", "int_is_true", "int_is_zero"][(rng.next() % 4) as usize];
                out += &format!("{r} = {op}({x})\n");
            }
            5 | 6 => {
                let op = ["int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge", "uint_lt", "uint_ge"]
                    [(rng.next() % 8) as usize];
                let g = if rng.next() % 2 == 0 { "guard_true" } else { "guard_false" };
                out += &format!("{r} = {op}({x}, {y})\n{g}({r}) {}\n", snap(&locals, &mut pc));
            }
            7 => out += &format!("{r} = getfield_i({obj}, descr=<value>)\n"),
            8 => {
                out += &format!("setfield({obj}, {x}, descr=<value>)\n{r} = int_add({y}, 1)\n");
            }
            9 => {
                let b = fresh('r');
                out += &format!("{b} = new(descr=<node>)\nsetfield({b}, {x}, descr=<value>)\n");
                if rng.next() % 2 == 0 {
                    out += &format!("setfield({obj}, {b}, descr=<next>)\n");
                }
                out += &format!("{r} = getfield_i({b}, descr=<value>)\n");
                refs.push(b);
            }
            10 => {
                let n = fresh('r');
                let src = pickr(rng, &refs);
                out += &format!(
                    "{n} = getfield_r({src}, descr=<next>)\nguard_nonnull({n}) {}\n{r} = getfield_i({n}, descr=<value>)\n",
                    snap(&locals, &mut pc)
                );
                refs.push(n);
            }
            11 => {
                let ix = fresh('i');
                out += &format!("{ix} = int_and({x}, 3)\n");
                if rng.next() % 2 == 0 {
                    out += &format!("setarrayitem(r7, {ix}, {y}, descr=<items>)\n{r} = int_add({ix}, 0)\n");
                } else {
                    out += &format!("{r} = getarrayitem_i(r7, {ix}, descr=<items>)\n");
                }
            }
            12 => {
                let (a, b) = (pickr(rng, &refs), pickr(rng, &refs));
                let op = ["ptr_eq", "ptr_ne"][(rng.next() % 2) as usize];
                let g = if rng.next() % 2 == 0 { "guard_true" } else { "guard_false" };
                out += &format!("{r} = {op}({a}, {b})\n{g}({r}) {}\n", snap(&locals, &mut pc));
            }
            13 => {
                let src = pickr(rng, &refs);
                out += &format!("setfield({src}, {x}, descr=<value>)\n{r} = getfield_i({obj}, descr=<value>)\n");
            }
            14 => {
                let src = pickr(rng, &refs);
                let dst = pickr(rng, &refs);
                out += &format!("setfield({dst}, {src}, descr=<next>)\n{r} = int_add({x}, 0)\n");
            }
            _ => {
                out += &format!(
                    "{r} = int_and({x}, 1)\nguard_value({r}, {}) {}\n",
                    rng.next() % 2,
                    snap(&locals, &mut pc)
                );
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
    let r8 = match rng.next() % 4 {
        0 => "r8".to_string(),
        1 => nb.clone(),
        2 => "r3".to_string(),
        _ => {
            let b = fresh('r');
            let v = ints[(rng.next() % ints.len() as u64) as usize].clone();
            out += &format!("{b} = new(descr=<node>)\nsetfield({b}, {v}, descr=<value>)\n");
            b
        }
    };
    let (r4, r6) = if rng.next() % 4 == 0 { ("r6", "r4") } else { ("r4", "r6") };
    out += &format!("jump({}, {}, {}, {nb}, {r4}, i5, {r6}, r7, {r8})\n", locals[0], locals[1], locals[2]);
    out
}

#[test]
fn random_loops2() {
    let mut rng = Rng(std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_0f_0071_1234));
    let n: usize = std::env::var("N").ok().and_then(|s| s.parse().ok()).unwrap_or(300);
    let mut compared = 0;
    let mut fails = Vec::new();
    for _ in 0..n {
        let text = random_loop2(&mut rng);
        let seed = rng.next();
        let res = same_loop(&text, 4, |m, r| {
            let mut v = Rng((seed ^ (r as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1);
            let mut small = || match v.next() % 4 {
                0 => v.next() >> (v.next() % 4),
                1 => v.next() >> (v.next() % 64),
                _ => (v.next() % 201).wrapping_sub(100),
            };
            let (a, b2, c, h, h2) = (small(), small(), small(), small(), small());
            let n = v.next() % 300;
            let r4 = boxed(m, h, 0.0);
            let r6 = if v.next() % 2 == 0 { r4 } else { boxed(m, h2, 0.0) };
            let arr = m.alloc(ARRAY, 48).expect("alloc");
            m.th().store_u64(arr, 8, 4);
            for k in 0..4 {
                m.th().store_u64(arr, 16 + 8 * k, v.next() % 7);
            }
            let r8 = boxed(m, 5, 0.0);
            vec![a, b2, c, boxed(m, 0, 0.0), r4, n, r6, arr.0, r8]
        });
        match res {
            Ok(c) => compared += c as usize,
            Err(e) => fails.push(e),
        }
    }
    eprintln!("compared {compared} of {n}; {} failures", fails.len());
    for f in fails.iter().take(3) {
        eprintln!("==== {f}");
    }
    assert!(fails.is_empty());
}

fn same_straight(text: &str, inputs: &[Vec<u64>]) -> Result<bool, String> {
    let d = rdescrs();
    let gc = heap(1);
    let b = backend(jit::Options::default());
    let t = parse(text, &d);
    let types: Vec<Type> = t.inputs.iter().map(|v| t.types[v.0 as usize]).collect();
    let opt = match std::panic::catch_unwind(|| jit::opt::optimize(&t, &d)) {
        Ok(Ok(o)) => o,
        Ok(Err(OptError::Contradiction(m))) => {
            // A contradiction must mean no input reaches the end: check that.
            let plain = b.compile(&t, &d, jit::TraceKind::Straight).unwrap();
            let mut mm = gc.mutator();
            mm.start();
            for i in inputs {
                let (code, _) = run(&b, &plain, &mut mm, i);
                let (_, k) = jit::split_exit_code(code);
                if plain.exits[k].opcode == Opcode::Exit {
                    return Err(format!("bogus contradiction {m} for inputs {i:?}\n{text}"));
                }
            }
            mm.commit().unwrap();
            return Ok(false);
        }
        Ok(Err(e)) => return Err(format!("optimizer error {e}\n{text}")),
        Err(_) => return Err(format!("optimizer panic\n{text}")),
    };
    let plain = b.compile(&t, &d, jit::TraceKind::Straight).unwrap();
    let fast = b.compile(&opt, &d, jit::TraceKind::Straight).map_err(|e| format!("compile {e}\n{text}"))?;
    let mut m = gc.mutator();
    m.start();
    for i in inputs {
        let a = run_to_exit(&b, &plain, &mut m, &d, i, &types);
        let o = run_to_exit(&b, &fast, &mut m, &d, i, &types);
        if a != o {
            return Err(format!(
                "inputs {i:?}: plain {a:?}\n optimized {o:?}\n{text}\noptimized:\n{}",
                text::print(&opt, &d)
            ));
        }
    }
    m.commit().unwrap();
    Ok(true)
}

fn random_ints(rng: &mut Rng) -> String {
    let mut out = String::from("[i0, i1, i2, i3]\n");
    let mut ints: Vec<String> = vec!["i0".into(), "i1".into(), "i2".into(), "i3".into()];
    let mut next = 4;
    let mut pc = 0;
    const K: [&str; 14] = [
        "0",
        "1",
        "-1",
        "2",
        "7",
        "255",
        "-256",
        "63",
        "64",
        "65",
        "9223372036854775807",
        "-9223372036854775808",
        "4611686018427387904",
        "-4611686018427387905",
    ];
    for _ in 0..(3 + rng.next() % 14) {
        let pick = |rng: &mut Rng, ints: &[String]| -> String {
            if rng.next() % 3 == 0 {
                K[(rng.next() % K.len() as u64) as usize].to_string()
            } else {
                ints[(rng.next() % ints.len() as u64) as usize].clone()
            }
        };
        let (x, y) = (pick(rng, &ints), pick(rng, &ints));
        let r = format!("i{next}");
        next += 1;
        let snap = |pc: &mut u32, ints: &[String]| {
            *pc += 1;
            let s: Vec<String> = ints.iter().enumerate().map(|(k, v)| format!("s{k}={v}")).collect();
            format!("[resume: 0x10@{pc} {}]", s.join(" "))
        };
        match rng.next() % 9 {
            0 | 1 => {
                let op = [
                    "int_add",
                    "int_sub",
                    "int_mul",
                    "int_and",
                    "int_or",
                    "int_xor",
                    "int_lshift",
                    "int_rshift",
                    "uint_rshift",
                ][(rng.next() % 9) as usize];
                out += &format!("{r} = {op}({x}, {y})\n");
            }
            2 => {
                let op = ["int_add_ovf", "int_sub_ovf", "int_mul_ovf"][(rng.next() % 3) as usize];
                let g = if rng.next() % 5 == 0 { "guard_overflow" } else { "guard_no_overflow" };
                out += &format!("{r} = {op}({x}, {y})\n{g}() {}\n", snap(&mut pc, &ints));
            }
            3 => {
                let op = ["int_neg", "int_invert", "int_is_true", "int_is_zero"][(rng.next() % 4) as usize];
                out += &format!("{r} = {op}({x})\n");
            }
            4 | 5 | 6 => {
                let op = ["int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge", "uint_lt", "uint_ge"]
                    [(rng.next() % 8) as usize];
                let g = if rng.next() % 2 == 0 { "guard_true" } else { "guard_false" };
                out += &format!("{r} = {op}({x}, {y})\n{g}({r}) {}\n", snap(&mut pc, &ints));
            }
            7 => {
                let m = K[(rng.next() % K.len() as u64) as usize];
                out += &format!("{r} = int_and({x}, {m})\n");
            }
            _ => {
                let op = ["int_lshift", "int_rshift", "uint_rshift"][(rng.next() % 3) as usize];
                out += &format!("{r} = {op}({x}, {})\n", rng.next() % 66);
            }
        }
        ints.push(r);
    }
    let s: Vec<String> = ints.iter().enumerate().map(|(k, v)| format!("s{k}={v}")).collect();
    out += &format!("exit() [resume: 0x10@99 {}]\n", s.join(" "));
    out
}

#[test]
fn random_int_traces() {
    let mut rng = Rng(std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(77));
    let n: usize = std::env::var("N").ok().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let edge: [u64; 12] = [0, 1, u64::MAX, 2, 255, 256, 63, 64, i64::MAX as u64, i64::MIN as u64, 1 << 62, 100];
    let (mut compared, mut fails) = (0, Vec::new());
    for _ in 0..n {
        let text = random_ints(&mut rng);
        let inputs: Vec<Vec<u64>> = (0..24)
            .map(|_| {
                (0..4)
                    .map(|_| {
                        if rng.next() % 2 == 0 {
                            edge[(rng.next() % 12) as usize]
                        } else {
                            rng.next() >> (rng.next() % 64)
                        }
                    })
                    .collect()
            })
            .collect();
        match same_straight(&text, &inputs) {
            Ok(c) => compared += c as usize,
            Err(e) => fails.push(e),
        }
    }
    eprintln!("compared {compared} of {n}; {} failures", fails.len());
    for f in fails.iter().take(3) {
        eprintln!("==== {f}");
    }
    assert!(fails.is_empty());
}

#[test]
fn folded_overflow_leaves_stale_ovf_state() {
    let text = "
[i0]
i1 = int_add_ovf(9223372036854775807, 1)
guard_overflow() [resume: 0x10@1 s0=i0]
i2 = int_sub_ovf(i0, i1)
guard_overflow() [resume: 0x10@2 s0=i0]
exit() [resume: 0x10@3 s0=i0]
";
    let r = same_straight(text, &[vec![-5i64 as u64], vec![5]]);
    assert!(r.is_ok(), "{}", r.unwrap_err());
}
