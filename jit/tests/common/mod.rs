#![allow(dead_code)] // each test file uses part of it
//! A small heap for the JIT's tests: objects of type id N are N bytes (a `Node`: an int at 8, a
//! float at 16, a reference at 24); type id 1 is an int array (length at 8, items from 16).

use gc::{Gc, GcConfig, GcModel, Mutator};
use jit::ir::*;
use jit::resume::ResumeTarget;
use jit::{Backend, CompiledTrace, JitCtx, MAX_EXIT_VALUES, Options};
use std::sync::Arc;
use stm::{ObjRef, ObjView};

pub const NODE: u32 = 32;
pub const ARRAY: u32 = 1;

pub struct Model;

impl GcModel for Model {
    fn object_size(&self, obj: ObjView<'_>) -> usize {
        match obj.typeid() {
            ARRAY => (16 + 8 * obj.read_u64(8) as usize).next_multiple_of(16),
            t => (t as usize).max(16),
        }
    }
    fn trace(&self, obj: ObjView<'_>, field: &mut dyn FnMut(u64)) {
        if obj.typeid() == NODE {
            field(24);
        }
    }
}

pub fn heap(segments: usize) -> Arc<Gc<Model>> {
    let cfg = GcConfig {
        stm: stm::Config { heap_limit: 64 << 20, ..stm::Config::with_segments(segments) },
        stress: false,
        ..GcConfig::default()
    };
    Gc::new(cfg, Model).expect("heap")
}

/// The descriptors the tests use: `value` (int), `fval` (float), `next` (ref), `const` (an
/// immutable int at 8), `node` (size), `items` (int array).
pub fn descrs() -> Descrs {
    let mut d = Descrs::new();
    d.field("value", 8, Type::Int);
    d.field("fval", 16, Type::Float);
    d.field("next", 24, Type::Ref);
    d.add("const", Descr::Field(FieldDescr { offset: 8, size: 8, signed: true, kind: Type::Int, immutable: true }));
    d.size("node", NODE, NODE);
    d.add(
        "items",
        Descr::Array(ArrayDescr {
            base: 16,
            item_size: 8,
            signed: true,
            kind: Type::Int,
            len_offset: 8,
            immutable: false,
            typeid: ARRAY,
        }),
    );
    d
}

pub fn backend(opts: Options) -> Backend {
    Backend::new::<Model>(opts).expect("backend")
}

pub fn parse(text: &str, d: &Descrs) -> Trace {
    text::parse(text, d).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// Allocates `n` nodes with `value = i`, commits them into old space and returns them (the
/// mutator is left in a fresh transaction).
pub fn old_nodes(m: &mut Mutator<Model>, n: usize) -> Vec<ObjRef> {
    let mut objs = Vec::new();
    for i in 0..n {
        let o = m.alloc(NODE, NODE as usize).expect("alloc");
        m.th().store_u64(o, 8, i as u64);
        objs.push(o);
    }
    m.roots().words = objs.iter().map(|o| o.0).collect();
    m.commit().expect("commit");
    m.start();
    let words = m.roots().words.clone();
    words.into_iter().map(ObjRef).collect()
}

/// Runs `t` from `inputs`; returns the exit code and the exit buffer.
pub fn run(b: &Backend, t: &CompiledTrace, m: &mut Mutator<Model>, inputs: &[u64]) -> (u64, [u64; MAX_EXIT_VALUES]) {
    let mut ctx = JitCtx::new(m);
    let mut buf = [0u64; MAX_EXIT_VALUES];
    buf[..inputs.len()].copy_from_slice(inputs);
    // SAFETY: the trace was compiled by `b` for this heap's descriptors, the mutator is in a
    // transaction on this thread, and the inputs are the ints/objects the test trace expects.
    let code = unsafe { b.run(t, &mut ctx, &mut buf) };
    (code, buf)
}

/// A resume target that records what it was told.
#[derive(Default, Debug)]
pub struct Recorder {
    pub frames: Vec<(u64, u32)>,
    pub slots: Vec<(usize, u32, u64, Type)>,
    pub allocs: Vec<u32>,
    pub fields: Vec<(u64, i32, u64)>,
}

impl ResumeTarget for Recorder {
    fn alloc(&mut self, size: &SizeDescr) -> u64 {
        self.allocs.push(size.typeid);
        0x1000 * self.allocs.len() as u64
    }
    fn set_field(&mut self, obj: u64, field: &FieldDescr, value: u64) {
        self.fields.push((obj, field.offset, value));
    }
    fn frame(&mut self, _depth: usize, code: u64, pc: u32) {
        self.frames.push((code, pc));
    }
    fn slot(&mut self, slot: u32, value: u64, ty: Type) {
        self.slots.push((self.frames.len() - 1, slot, value, ty));
    }
}

/// A deterministic pseudo-random sequence (xorshift).
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Resumes into real heap objects (allocated in the mutator's nursery) and records the frame
/// slots.
pub struct HeapTarget<'a> {
    pub m: &'a mut Mutator<Model>,
    pub pc: Vec<u32>,
    pub slots: Vec<(u32, u64, Type)>,
}

impl ResumeTarget for HeapTarget<'_> {
    fn alloc(&mut self, size: &SizeDescr) -> u64 {
        self.m.alloc(size.typeid, size.size as usize).expect("alloc").0
    }
    fn set_field(&mut self, obj: u64, field: &FieldDescr, value: u64) {
        self.m.th().store_u64(ObjRef(obj), field.offset as u64, value);
    }
    fn frame(&mut self, _depth: usize, _code: u64, pc: u32) {
        self.pc.push(pc);
    }
    fn slot(&mut self, slot: u32, value: u64, ty: Type) {
        self.slots.push((slot, value, ty));
    }
}

/// Rebuilds the state of exit `k` (virtuals materialized for real): the outermost frame's pc
/// and its slots sorted by number.
pub fn resume_into_heap(
    t: &CompiledTrace,
    k: usize,
    buf: &[u64],
    d: &Descrs,
    m: &mut Mutator<Model>,
) -> (u32, Vec<(u32, u64, Type)>) {
    let n = t.resume.exits[k].fail_args.len();
    let mut target = HeapTarget { m, pc: Vec::new(), slots: Vec::new() };
    jit::resume::rebuild(&t.resume, k, &buf[..n], d, &mut target);
    let (pc, mut slots) = (target.pc, target.slots);
    slots.sort_by_key(|s| s.0);
    (pc[0], slots)
}

/// Commits with the slots' values as roots and starts the next transaction; returns the values
/// (references moved out of the nursery), the inputs to re-enter a loop whose slot k is input k.
pub fn commit_and_reenter(m: &mut Mutator<Model>, slots: &[(u32, u64, Type)]) -> Vec<u64> {
    m.roots().words = slots.iter().filter(|s| s.2 == Type::Ref).map(|s| s.1).collect();
    m.commit().expect("commit");
    m.start();
    let mut moved = m.roots().words.clone().into_iter();
    slots.iter().map(|s| if s.2 == Type::Ref { moved.next().expect("a root per reference") } else { s.1 }).collect()
}

/// A node with `value` and `fval` set (a boxed int or float of the tests).
pub fn boxed(m: &mut Mutator<Model>, value: u64, fval: f64) -> u64 {
    let o = m.alloc(NODE, NODE as usize).expect("alloc");
    m.th().store_u64(o, 8, value);
    m.th().store_u64(o, 16, fval.to_bits());
    o.0
}

/// What a slot holds: objects by their contents (following `next` a few levels), so that runs
/// whose objects lie at different addresses compare equal.
#[derive(Debug, PartialEq)]
pub enum Seen {
    Int(u64),
    Float(u64),
    Null,
    Deep,
    Node { typeid: u32, value: u64, fval: u64, next: Box<Seen> },
}

pub fn seen(m: &Mutator<Model>, v: u64, ty: Type) -> Seen {
    seen_d(m, v, ty, 3)
}
pub fn seen_d(m: &Mutator<Model>, v: u64, ty: Type, depth: u32) -> Seen {
    match ty {
        Type::Ref if v == 0 => Seen::Null,
        Type::Ref if depth == 0 => Seen::Deep,
        Type::Int => Seen::Int(v),
        Type::Float => Seen::Float(v),
        _ => {
            let o = stm::ObjRef(v);
            let th = m.th();
            let tid = th.typeid(o);
            let nx = th.load_u64(o, 24);
            let next =
                if tid == NODE { Box::new(seen_d(m, nx, Type::Ref, depth - 1)) } else { Box::new(Seen::Int(nx)) };
            Seen::Node { typeid: tid, value: th.load_u64(o, 8), fval: th.load_u64(o, 16), next }
        }
    }
}

/// Runs a loop trace whose label snapshot lists slot k = input k, re-entering it after each
/// break check (committing in between, with a small transaction so breaks happen); returns the
/// final exit's pc and slots.
pub fn run_to_exit(
    b: &jit::Backend,
    t: &jit::CompiledTrace,
    m: &mut Mutator<Model>,
    d: &Descrs,
    inputs: &[u64],
    types: &[Type],
) -> (u32, Vec<(u32, Seen)>) {
    let mut inputs = inputs.to_vec();
    for _ in 0..10_000 {
        let info = m.th().segment_info();
        let cur = info.nursery_current.load(std::sync::atomic::Ordering::Relaxed);
        info.nursery_mark.store(cur + 2048, std::sync::atomic::Ordering::Relaxed);
        let (code, buf) = run(b, t, m, &inputs);
        assert_ne!(code, jit::EXIT_ABORTED);
        let (_, k) = jit::split_exit_code(code);
        let (pc, slots) = resume_into_heap(t, k, &buf, d, m);
        if t.exits[k].opcode == Opcode::BreakCheck {
            assert_eq!(slots.len(), types.len());
            inputs = commit_and_reenter(m, &slots);
            continue;
        }
        let out = slots.iter().map(|(s, v, ty)| (*s, seen(m, *v, *ty))).collect();
        return (pc, out);
    }
    panic!("the loop did not end");
}

/// The boxed loop of a Python `while i < n: x += i * 1.5; i += 1`, both locals boxed.
pub const BOXED_FLOAT_LOOP: &str = "
[r0, r1, i2]
label(r0, r1, i2) [resume: 0x10@0 s0=r0 s1=r1 s2=i2]
guard_class(r0, 32) [resume: 0x10@0 s0=r0 s1=r1 s2=i2]
i3 = getfield_i(r0, descr=<value>)
i4 = int_lt(i3, i2)
guard_true(i4) [resume: 0x10@1 s0=r0 s1=r1 s2=i2]
guard_class(r1, 32) [resume: 0x10@1 s0=r0 s1=r1 s2=i2]
f5 = getfield_f(r1, descr=<fval>)
f6 = cast_int_to_float(i3)
f7 = float_mul(f6, 1.5)
f8 = float_add(f5, f7)
r9 = new(descr=<node>)
setfield(r9, f8, descr=<fval>)
i10 = int_add_ovf(i3, 1)
guard_no_overflow() [resume: 0x10@3 s0=r0 s1=r9 s2=i2]
r11 = new(descr=<node>)
setfield(r11, i10, descr=<value>)
jump(r11, r9, i2)
";

/// Compiles loop `text` unoptimized and optimized and runs both from the inputs `make` gives
/// for each run (fresh objects each time): `Ok(true)` when they end in the same state every
/// time, `Ok(false)` (nothing compared) when the optimizer finds the trace contradicts itself,
/// `Err` with the traces on a difference, an optimizer error or panic, or a compile failure.
pub fn compare_loop(
    d: &Descrs,
    text: &str,
    runs: usize,
    mut make: impl FnMut(&mut Mutator<Model>, usize) -> Vec<u64>,
) -> Result<bool, String> {
    let gc = heap(1);
    let b = backend(jit::Options::default());
    let t = parse(text, d);
    let types: Vec<Type> = t.inputs.iter().map(|v| t.types[v.0 as usize]).collect();
    let opt = match std::panic::catch_unwind(|| jit::opt::optimize(&t, d)) {
        Ok(Ok(o)) => o,
        Ok(Err(jit::opt::OptError::Contradiction(_))) => return Ok(false),
        Ok(Err(e)) => return Err(format!("optimizer error {e}\n{text}")),
        Err(_) => return Err(format!("optimizer panic\n{text}")),
    };
    let plain = b.compile(&t, d, jit::TraceKind::Loop).unwrap();
    let fast = match b.compile(&opt, d, jit::TraceKind::Loop) {
        Ok(f) => f,
        Err(e) => return Err(format!("compile: {e}\n{text}\n{}", text::print(&opt, d))),
    };
    let mut m = gc.mutator();
    m.start();
    for r in 0..runs {
        let i1 = make(&mut m, r);
        let a = run_to_exit(&b, &plain, &mut m, d, &i1, &types);
        let i2 = make(&mut m, r);
        let o = run_to_exit(&b, &fast, &mut m, d, &i2, &types);
        if a != o {
            return Err(format!(
                "run {r}: plain {a:?}\n optimized {o:?}\n{text}\noptimized:\n{}",
                text::print(&opt, d)
            ));
        }
    }
    m.commit().unwrap();
    Ok(true)
}
