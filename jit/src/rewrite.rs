//! The late rewrite: turns an optimized trace into one the backend can lower, by inserting the
//! STM's and the GC's operations (`../shared/research/jit.md` §6–7):
//!
//! - `stm_read(obj)` before each load of a *mutable* field or item of an object not read or
//!   written since the last call, label or possible transaction break;
//! - `stm_write(obj)` before each store to an object not fresh and not already barriered since
//!   the last label (calls cannot collect or commit, so they keep objects barriered);
//! - `new` / `new_array` become `alloc_nursery` / `alloc_nursery_varsize` (the inline nursery
//!   bump); nursery objects are fresh (their header has no write-barrier flag) unless they may
//!   be large (large objects are allocated in old space with the flag set);
//! - in a loop whose body allocates nothing, a minimal dummy allocation (`alloc_nursery` of
//!   [`DUMMY`]) before the back-edge, so the nursery grows and the STM gets commit points;
//! - at the loop's back-edge, `break_check`: exits to the interpreter, in the state the label's
//!   snapshot describes, when the nursery has passed the transaction's mark or the segment's
//!   signal word is set;
//! - before a `break_check` the trace had already (a recorder puts one where a bridge passes
//!   another loop's back-edge), the dummy allocation, so that a path that allocates nothing
//!   still brings the transaction to its end.
//!
//! This file must never emit machine code; it only rewrites IR.

use crate::ir::*;
use std::collections::HashSet;

/// Objects allocated in old space (not in the nursery) from this size on; mirrors
/// `gc::LARGE_OBJECT`.
pub const LARGE_OBJECT: u32 = gc::LARGE_OBJECT as u32;

/// What the barrier sets are keyed by: a value or a constant reference.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Obj {
    Val(Value),
    Const(u64),
}

fn obj_of(a: Arg) -> Option<Obj> {
    match a {
        Arg::Val(v) => Some(Obj::Val(v)),
        Arg::Ref(r) => Some(Obj::Const(r)),
        _ => None,
    }
}

/// What the rewrite inserts. Everything is on by default; turning a part off is for
/// measuring its cost only: without barriers the STM cannot detect conflicts, without the dummy
/// allocation and the break check a loop never reaches a commit point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Late {
    pub barriers: bool,
    pub dummy_alloc: bool,
    pub break_check: bool,
}

impl Default for Late {
    fn default() -> Late {
        Late { barriers: true, dummy_alloc: true, break_check: true }
    }
}

/// The dummy allocation: 16 bytes of nursery that make the transaction's length grow.
fn dummy_alloc(out: &mut Trace) {
    let dummy = out.new_value(Type::Ref);
    out.ops.push(Op {
        opcode: Opcode::AllocNursery,
        args: vec![],
        result: Some(dummy),
        descr: Some(DUMMY),
        snapshot: None,
    });
}

/// Rewrites `t` (which must verify) for lowering.
pub fn rewrite(t: &Trace, d: &Descrs) -> Result<Trace, IrError> {
    rewrite_with(t, d, Late::default())
}

/// [`rewrite`], with parts turned off (see [`Late`]).
pub fn rewrite_with(t: &Trace, d: &Descrs, late: Late) -> Result<Trace, IrError> {
    t.verify(d)?;
    let mut out = Trace {
        inputs: t.inputs.clone(),
        ops: Vec::with_capacity(t.ops.len() + 8),
        types: t.types.clone(),
        snapshots: t.snapshots.clone(),
    };
    let mut read: HashSet<Obj> = HashSet::new();
    let mut written: HashSet<Obj> = HashSet::new();
    let mut allocates_in_loop = false;
    let mut label: Option<&Op> = None;
    let barrier = |out: &mut Trace, opcode: Opcode, a: Arg| {
        if late.barriers {
            out.ops.push(Op { opcode, args: vec![a], result: None, descr: None, snapshot: None });
        }
    };
    for op in &t.ops {
        let oc = op.opcode;
        if oc.has(flag::LATE) {
            return Err(IrError(format!("{} is inserted by the late rewrite, not before it", oc.name())));
        }
        let mut op = op.clone();
        match oc {
            Opcode::BreakCheck => {
                if late.dummy_alloc {
                    dummy_alloc(&mut out);
                }
                if !late.break_check {
                    continue;
                }
            }
            Opcode::Label => {
                read.clear();
                written.clear();
                label = t.ops.iter().find(|o| o.opcode == Opcode::Label);
            }
            Opcode::GetfieldI
            | Opcode::GetfieldR
            | Opcode::GetfieldF
            | Opcode::GetarrayitemI
            | Opcode::GetarrayitemR
            | Opcode::GetarrayitemF
            | Opcode::Arraylen => {
                let d_id = op.descr.expect("verified");
                let immutable = match d.get(d_id) {
                    Descr::Field(f) => f.immutable,
                    // The length of an array never changes.
                    Descr::Array(a) => a.immutable || oc == Opcode::Arraylen,
                    _ => unreachable!("verified"),
                };
                if !immutable
                    && let Some(o) = obj_of(op.args[0])
                    && !read.contains(&o)
                    && !written.contains(&o)
                {
                    barrier(&mut out, Opcode::StmRead, op.args[0]);
                    read.insert(o);
                }
            }
            Opcode::Setfield | Opcode::Setarrayitem => {
                if let Some(o) = obj_of(op.args[0])
                    && !written.contains(&o)
                {
                    barrier(&mut out, Opcode::StmWrite, op.args[0]);
                    written.insert(o);
                }
            }
            Opcode::New => {
                let size = d.as_size(op.descr.expect("verified")).expect("verified").size;
                op.opcode = Opcode::AllocNursery;
                if size < LARGE_OBJECT {
                    written.insert(Obj::Val(op.result.expect("new has a result")));
                }
            }
            Opcode::NewArray => {
                op.opcode = Opcode::AllocNurseryVar;
                // A constant length below the large-object size stays in the nursery.
                let a = d.as_array(op.descr.expect("verified")).expect("verified");
                if let Arg::Int(n) = op.args[0]
                    && n >= 0
                    && (a.base as i64 + n * a.item_size as i64) < LARGE_OBJECT as i64
                {
                    written.insert(Obj::Val(op.result.expect("new_array has a result")));
                }
            }
            _ if oc.has(flag::CALL) => read.clear(),
            _ => {}
        }
        if op.opcode.has(flag::ALLOC) && label.is_some() {
            allocates_in_loop = true;
        }
        if oc == Opcode::Jump && op.descr.is_none() {
            let label = label.expect("verified: a jump without a target has a label");
            if !allocates_in_loop && late.dummy_alloc {
                dummy_alloc(&mut out);
            }
            if !late.break_check {
                out.ops.push(op);
                continue;
            }
            let s = label.snapshot.ok_or_else(|| {
                IrError(
                    "a loop's label needs a snapshot (the interpreter state at the loop header) for its break check"
                        .into(),
                )
            })?;
            let mut snap = t.snapshots[s as usize].clone();
            let params: Vec<Value> = label.args.iter().map(|a| a.value().expect("verified")).collect();
            snap.map_values(|v| match params.iter().position(|p| *p == v) {
                Some(k) => op.args[k],
                None => Arg::Val(v),
            });
            out.snapshots.push(snap);
            let s = out.snapshots.len() as u32 - 1;
            out.ops.push(Op { opcode: Opcode::BreakCheck, args: vec![], result: None, descr: None, snapshot: Some(s) });
        }
        out.ops.push(op);
    }
    Ok(out)
}
