//! Resume data: the compact encoding of every guard's snapshot, shared between neighbouring
//! guards, and the function that rebuilds the interpreter state from an exit's values.
//!
//! Each exit stores its *fail arguments* (IR values) into the exit buffer; its record says which
//! frame slot holds which fail argument, constant or virtual object. Records are varint-encoded
//! into one byte string per trace:
//!
//! - an exit whose snapshot equals the previous exit's reuses its record (no bytes);
//! - an exit that differs from the previous one only in the innermost frame's pc and a few slots
//!   is a *delta*: a back-reference to the previous record plus the changed slots. Its fail
//!   arguments are the previous exit's followed by the new ones, so the base record's indices
//!   stay valid (PyPy's shared numbering). Chains are cut after [`MAX_CHAIN`] deltas, or when an
//!   exit would store more than twice the values it needs;
//! - anything else is a full record.
//!
//! This file must never touch machine code or the heap directly: materializing virtuals and
//! writing frames go through the [`ResumeTarget`] the VM supplies.

use crate::ir::*;

/// Longest chain of delta records before a full one is written.
pub const MAX_CHAIN: u32 = 8;

/// A decoded slot value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RVal {
    /// Index into the exit's fail arguments.
    FailArg(u32),
    /// A constant (its bits) and type.
    Const(u64, Type),
    /// A virtual object of the record.
    Virtual(u32),
}

/// A decoded frame.
#[derive(Clone, Debug, PartialEq)]
pub struct RFrame {
    pub code: u64,
    pub pc: u32,
    pub slots: Vec<(u32, RVal)>,
}

/// A decoded virtual object.
#[derive(Clone, Debug, PartialEq)]
pub struct RVirtual {
    pub size: DescrId,
    pub fields: Vec<(DescrId, RVal)>,
}

/// A decoded record.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Record {
    pub frames: Vec<RFrame>,
    pub virtuals: Vec<RVirtual>,
}

/// One exit's resume data: where its record starts and its fail arguments (IR values, in the
/// order the exit stores them).
#[derive(Clone, Debug, PartialEq)]
pub struct ExitResume {
    pub offset: u32,
    pub fail_args: Vec<Value>,
    pub fail_types: Vec<Type>,
}

/// The encoded resume data of a trace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResumeCode {
    pub bytes: Vec<u8>,
    pub exits: Vec<ExitResume>,
    /// Each exit's record, decoded the first time the exit is taken: an exit taken at every
    /// iteration (a generator's trace ends at its `yield`) must not decode and allocate anew.
    decoded: Decoded,
}

/// The decoded-record cache of a `ResumeCode` (not part of its value: equal codes compare equal
/// whatever was decoded).
#[derive(Clone, Debug, Default)]
struct Decoded(Vec<std::sync::OnceLock<Record>>);

impl PartialEq for Decoded {
    fn eq(&self, _: &Decoded) -> bool {
        true
    }
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn get(bytes: &[u8], pos: &mut usize) -> u64 {
    let (mut v, mut shift) = (0u64, 0);
    loop {
        let b = bytes[*pos];
        *pos += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return v;
        }
        shift += 7;
    }
}

const TAG_FULL: u64 = 0;
const TAG_DELTA: u64 = 1;
// Slot value tags (low 3 bits).
const V_FAIL: u64 = 0;
const V_INT: u64 = 1;
const V_FLOAT: u64 = 2;
const V_REF: u64 = 3;
const V_VIRTUAL: u64 = 4;

struct Encoder {
    fail: Vec<Value>,
}

impl Encoder {
    fn index(&mut self, v: Value) -> u32 {
        match self.fail.iter().position(|x| *x == v) {
            Some(i) => i as u32,
            None => {
                self.fail.push(v);
                self.fail.len() as u32 - 1
            }
        }
    }

    fn slot(&mut self, out: &mut Vec<u8>, s: Slot) {
        match s {
            Slot::Virtual(k) => put(out, (k as u64) << 3 | V_VIRTUAL),
            Slot::Arg(Arg::Val(v)) => {
                let i = self.index(v);
                put(out, (i as u64) << 3 | V_FAIL)
            }
            Slot::Arg(Arg::Int(i)) => {
                put(out, V_INT);
                put(out, ((i << 1) ^ (i >> 63)) as u64)
            }
            Slot::Arg(Arg::Float(f)) => {
                put(out, V_FLOAT);
                out.extend_from_slice(&f.to_bits().to_le_bytes())
            }
            Slot::Arg(Arg::Ref(r)) => {
                put(out, V_REF);
                put(out, r)
            }
        }
    }

    fn full(&mut self, out: &mut Vec<u8>, s: &Snapshot) {
        put(out, TAG_FULL);
        put(out, s.frames.len() as u64);
        for f in &s.frames {
            put(out, f.code);
            put(out, f.pc as u64);
            put(out, f.slots.len() as u64);
            for (k, v) in &f.slots {
                put(out, *k as u64);
                self.slot(out, *v);
            }
        }
        put(out, s.virtuals.len() as u64);
        for v in &s.virtuals {
            put(out, v.size.0 as u64);
            put(out, v.fields.len() as u64);
            for (fd, val) in &v.fields {
                put(out, fd.0 as u64);
                self.slot(out, *val);
            }
        }
    }
}

/// The changed slots of `new` against `old` (frame index, slot, value), when a delta can
/// express the difference: same frames and codes, same outer pcs, same virtuals, no slot
/// removed.
fn delta(old: &Snapshot, new: &Snapshot) -> Option<Vec<(usize, u32, Slot)>> {
    if old.frames.len() != new.frames.len() || old.virtuals != new.virtuals || new.frames.is_empty() {
        return None;
    }
    let last = new.frames.len() - 1;
    let mut changes = Vec::new();
    for (i, (o, n)) in old.frames.iter().zip(&new.frames).enumerate() {
        if o.code != n.code || (i != last && o.pc != n.pc) {
            return None;
        }
        if o.slots.iter().any(|(k, _)| !n.slots.iter().any(|(k2, _)| k2 == k)) {
            return None;
        }
        for (k, v) in &n.slots {
            if o.slots.iter().find(|(k2, _)| k2 == k).map(|(_, v2)| v2) != Some(v) {
                changes.push((i, *k, *v));
            }
        }
    }
    Some(changes)
}

/// Encodes the snapshots of the exits of `t`, in order (`exits` lists each exit's snapshot
/// index).
pub fn encode(t: &Trace, exits: &[u32]) -> ResumeCode {
    let mut code = ResumeCode::default();
    let mut prev: Option<(u32, u32, u32)> = None; // (snapshot, exit index, chain length)
    for &s in exits {
        let snap = &t.snapshots[s as usize];
        let fail_of = |code: &ResumeCode, e: u32| code.exits[e as usize].fail_args.clone();
        let mut done = false;
        if let Some((ps, pe, chain)) = prev {
            let psnap = &t.snapshots[ps as usize];
            if psnap == snap {
                let e = code.exits[pe as usize].clone();
                code.exits.push(e);
                prev = Some((s, code.exits.len() as u32 - 1, chain));
                done = true;
            } else if chain < MAX_CHAIN
                && let Some(changes) = delta(psnap, snap)
                && changes.len() * 2 <= snap.frames.iter().map(|f| f.slots.len()).sum::<usize>().max(2)
                // The shared numbering only grows: stop when an exit would store more than twice
                // the values it needs.
                && code.exits[pe as usize].fail_args.len() + changes.len() <= 2 * snap.live_values().len().max(4)
            {
                let base = code.exits[pe as usize].offset;
                let mut enc = Encoder { fail: fail_of(&code, pe) };
                let offset = code.bytes.len() as u32;
                let mut out = Vec::new();
                put(&mut out, TAG_DELTA);
                put(&mut out, (offset - base) as u64);
                put(&mut out, snap.frames.last().expect("delta has frames").pc as u64);
                put(&mut out, changes.len() as u64);
                for (fi, k, v) in changes {
                    put(&mut out, fi as u64);
                    put(&mut out, k as u64);
                    enc.slot(&mut out, v);
                }
                code.bytes.extend_from_slice(&out);
                let fail_types = enc.fail.iter().map(|v| t.types[v.0 as usize]).collect();
                code.exits.push(ExitResume { offset, fail_args: enc.fail, fail_types });
                prev = Some((s, code.exits.len() as u32 - 1, chain + 1));
                done = true;
            }
        }
        if !done {
            let mut enc = Encoder { fail: Vec::new() };
            let offset = code.bytes.len() as u32;
            let mut out = Vec::new();
            enc.full(&mut out, snap);
            code.bytes.extend_from_slice(&out);
            let fail_types = enc.fail.iter().map(|v| t.types[v.0 as usize]).collect();
            code.exits.push(ExitResume { offset, fail_args: enc.fail, fail_types });
            prev = Some((s, code.exits.len() as u32 - 1, 0));
        }
    }
    code.decoded = Decoded(code.exits.iter().map(|_| std::sync::OnceLock::new()).collect());
    code
}

fn get_val(bytes: &[u8], pos: &mut usize) -> RVal {
    let w = get(bytes, pos);
    match w & 7 {
        V_FAIL => RVal::FailArg((w >> 3) as u32),
        V_INT => {
            let z = get(bytes, pos);
            RVal::Const(((z >> 1) as i64 ^ -((z & 1) as i64)) as u64, Type::Int)
        }
        V_FLOAT => {
            let b = u64::from_le_bytes(bytes[*pos..*pos + 8].try_into().expect("8 bytes"));
            *pos += 8;
            RVal::Const(b, Type::Float)
        }
        V_REF => RVal::Const(get(bytes, pos), Type::Ref),
        V_VIRTUAL => RVal::Virtual((w >> 3) as u32),
        t => panic!("corrupt resume data: value tag {t}"),
    }
}

impl ResumeCode {
    /// Decodes the record at `offset`.
    pub fn decode(&self, offset: u32) -> Record {
        let b = &self.bytes;
        let mut pos = offset as usize;
        match get(b, &mut pos) {
            TAG_FULL => {
                let mut r = Record::default();
                for _ in 0..get(b, &mut pos) {
                    let code = get(b, &mut pos);
                    let pc = get(b, &mut pos) as u32;
                    let n = get(b, &mut pos);
                    let slots = (0..n).map(|_| (get(b, &mut pos) as u32, get_val(b, &mut pos))).collect();
                    r.frames.push(RFrame { code, pc, slots });
                }
                for _ in 0..get(b, &mut pos) {
                    let size = DescrId(get(b, &mut pos) as u32);
                    let n = get(b, &mut pos);
                    let fields = (0..n).map(|_| (DescrId(get(b, &mut pos) as u32), get_val(b, &mut pos))).collect();
                    r.virtuals.push(RVirtual { size, fields });
                }
                r
            }
            TAG_DELTA => {
                let back = get(b, &mut pos) as u32;
                let mut r = self.decode(offset - back);
                let pc = get(b, &mut pos) as u32;
                r.frames.last_mut().expect("delta has frames").pc = pc;
                for _ in 0..get(b, &mut pos) {
                    let fi = get(b, &mut pos) as usize;
                    let k = get(b, &mut pos) as u32;
                    let v = get_val(b, &mut pos);
                    let f = &mut r.frames[fi];
                    match f.slots.iter_mut().find(|(k2, _)| *k2 == k) {
                        Some(s) => s.1 = v,
                        None => f.slots.push((k, v)),
                    }
                }
                r
            }
            t => panic!("corrupt resume data: record tag {t}"),
        }
    }

    /// The decoded record of exit `e` (decoded once).
    pub fn record(&self, e: usize) -> std::borrow::Cow<'_, Record> {
        let decode = || self.decode(self.exits[e].offset);
        match self.decoded.0.get(e) {
            Some(cell) => std::borrow::Cow::Borrowed(cell.get_or_init(decode)),
            // (Only a code built by hand lacks the cache: `encode` sizes it.)
            None => std::borrow::Cow::Owned(decode()),
        }
    }
}

/// What the VM supplies to rebuild its state: allocating and filling virtual objects, and
/// writing frames.
pub trait ResumeTarget {
    /// Allocates an object described by `size` (zeroed, header set) and returns its reference.
    fn alloc(&mut self, size: &SizeDescr) -> u64;
    /// Writes `value` into a field of `obj`.
    fn set_field(&mut self, obj: u64, field: &FieldDescr, value: u64);
    /// Starts frame `depth` (0 = outermost): resume `code` at `pc`.
    fn frame(&mut self, depth: usize, code: u64, pc: u32);
    /// Sets a slot of the current frame.
    fn slot(&mut self, slot: u32, value: u64, ty: Type);
}

/// Rebuilds the interpreter state of exit `e` from the values it stored (`values[i]` is fail
/// argument `i`): virtual objects first (all allocated, then filled, so they may refer to each
/// other), then the frames outermost first.
pub fn rebuild(code: &ResumeCode, e: usize, values: &[u64], d: &Descrs, target: &mut dyn ResumeTarget) {
    let r = code.record(e);
    let types = &code.exits[e].fail_types;
    let objs: Vec<u64> = r
        .virtuals
        .iter()
        .map(|v| target.alloc(d.as_size(v.size).expect("a virtual's descriptor is a size descriptor")))
        .collect();
    let resolve = |v: RVal| -> (u64, Type) {
        match v {
            RVal::FailArg(i) => (values[i as usize], types[i as usize]),
            RVal::Const(b, t) => (b, t),
            RVal::Virtual(k) => (objs[k as usize], Type::Ref),
        }
    };
    for (v, obj) in r.virtuals.iter().zip(&objs) {
        for (fd, val) in &v.fields {
            let f = d.as_field(*fd).expect("a virtual's field descriptor");
            target.set_field(*obj, f, resolve(*val).0);
        }
    }
    for (depth, f) in r.frames.iter().enumerate() {
        target.frame(depth, f.code, f.pc);
        for (k, v) in &f.slots {
            let (bits, ty) = resolve(*v);
            target.slot(*k, bits, ty);
        }
    }
}
