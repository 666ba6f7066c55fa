//! The trace optimizer (`../shared/research/jit.md` §4): turns a recorded trace into a faster
//! one with the same observable behaviour, before the late STM/GC rewrite. It is independent of
//! Python and tested on textual traces.
//!
//! Pipeline, in order (each pass a function from trace to trace, all writing through the
//! [`Emitter`], which folds and CSEs every op it emits):
//!
//! 1. `peel.rs`: gives each loop-carried value a fresh name at the label (`same_as`), drops
//!    loop-invariant label slots, and peels one iteration off as a preamble, so every later pass
//!    optimizes the body with the facts the preamble established (invariant loads, guards and
//!    type checks then run once);
//! 2. `fold.rs` (through the emitter): constant folding and CSE of pure ops;
//! 3. `intbounds.rs`: integer ranges and known bits; `_ovf` ops that cannot overflow become
//!    plain ops, decided comparisons become constants;
//! 4. `guards.rs`: implied guards dropped, earlier guards strengthened (`guard_nonnull` +
//!    `guard_class` → `guard_nonnull_class`, a `guard_class` replaced by a later
//!    `guard_value`), contradictions discard the trace;
//! 5. `virtualize.rs`: allocation removal; virtual objects cross the back-edge as their fields;
//! 6. `heap.rs`: load reuse, store merging, call effects;
//! 7. `dce.rs`: dead code.
//!
//! Soundness rules every pass relies on: a value defined before the label never changes (label
//! arguments are fresh `same_as` values used by nothing before the label), so facts about it
//! hold in the body; facts about memory do not cross the label unless the body never writes
//! that memory; two different field or array descriptors never name the same memory.
//!
//! This module owns the pipeline and its statistics; it must never emit machine code.

pub mod dce;
pub mod emitter;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod intbounds;
pub mod peel;
pub mod virtualize;

pub use emitter::Emitter;

use crate::ir::*;
use std::fmt;

/// Why a trace was not optimized.
#[derive(Debug, Clone, PartialEq)]
pub enum OptError {
    /// A guard always fails, or two guards contradict each other: the trace as recorded can
    /// never run to its end. The recorder discards it.
    Contradiction(String),
    /// The input (or, a bug, the output) does not verify.
    Ir(IrError),
}

impl fmt::Display for OptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptError::Contradiction(m) => write!(f, "the trace contradicts itself: {m}"),
            OptError::Ir(e) => write!(f, "bad trace: {e}"),
        }
    }
}
impl std::error::Error for OptError {}
impl From<IrError> for OptError {
    fn from(e: IrError) -> OptError {
        OptError::Ir(e)
    }
}

/// Which passes run (all by default; turning passes off is for tests and measurements).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passes {
    pub peel: bool,
    pub fold: bool,
    pub intbounds: bool,
    pub guards: bool,
    pub virtualize: bool,
    pub heap: bool,
    pub dce: bool,
}

impl Default for Passes {
    fn default() -> Passes {
        Passes::ALL
    }
}

impl Passes {
    pub const ALL: Passes =
        Passes { peel: true, fold: true, intbounds: true, guards: true, virtualize: true, heap: true, dce: true };
    pub const NONE: Passes = Passes {
        peel: false,
        fold: false,
        intbounds: false,
        guards: false,
        virtualize: false,
        heap: false,
        dce: false,
    };
    /// The pass names, in pipeline order.
    pub const NAMES: [&'static str; 7] = ["peel", "fold", "intbounds", "guards", "virtualize", "heap", "dce"];

    fn get(&self, k: usize) -> bool {
        [self.peel, self.fold, self.intbounds, self.guards, self.virtualize, self.heap, self.dce][k]
    }
    /// The first `k` passes of the pipeline.
    pub fn first(k: usize) -> Passes {
        let on = |i: usize| i < k;
        Passes { peel: on(0), fold: on(1), intbounds: on(2), guards: on(3), virtualize: on(4), heap: on(5), dce: on(6) }
    }
}

/// Counts of a trace's ops (`debug_merge_point`s left out); `loop_*`: those after the label,
/// what runs per iteration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub ops: usize,
    pub guards: usize,
    pub allocs: usize,
    pub loads: usize,
    pub stores: usize,
    pub loop_ops: usize,
    pub loop_guards: usize,
    pub loop_allocs: usize,
}

impl Counts {
    pub fn of(t: &Trace) -> Counts {
        let mut c = Counts::default();
        let label = t.label_index();
        for (i, op) in t.ops.iter().enumerate() {
            let oc = op.opcode;
            if oc == Opcode::DebugMergePoint {
                continue;
            }
            if label.is_some_and(|l| i > l) {
                c.loop_ops += 1;
                c.loop_guards += oc.is_guard() as usize;
                c.loop_allocs += oc.has(flag::ALLOC) as usize;
            }
            c.ops += 1;
            c.guards += oc.is_guard() as usize;
            c.allocs += oc.has(flag::ALLOC) as usize;
            c.loads += (oc.has(flag::LOAD) && !oc.is_guard()) as usize;
            c.stores += matches!(oc, Opcode::Setfield | Opcode::Setarrayitem) as usize;
        }
        c
    }
}

/// The optimized trace and the counts after each pass that ran (`(name, counts)`, the input
/// first as `"input"`).
pub struct Optimized {
    pub trace: Trace,
    pub counts: Vec<(&'static str, Counts)>,
}

/// Optimizes `t` (which must verify) with every pass.
pub fn optimize(t: &Trace, d: &Descrs) -> Result<Trace, OptError> {
    optimize_with(t, d, Passes::ALL).map(|o| o.trace)
}

/// Optimizes `t` with the chosen passes; the result verifies.
pub fn optimize_with(t: &Trace, d: &Descrs, passes: Passes) -> Result<Optimized, OptError> {
    t.verify(d)?;
    let mut counts = vec![("input", Counts::of(t))];
    let mut cur = peel::run(t, passes.peel);
    counts.push(("peel", Counts::of(&cur)));
    let fold = passes.fold;
    type Pass = fn(&Trace, &Descrs, bool) -> Result<Trace, OptError>;
    let pipeline: [(usize, Pass); 6] = [
        (1, copy),
        (2, intbounds::run),
        (3, guards::run),
        (4, virtualize::run),
        (5, heap::run),
        (6, |t, d, _| Ok(dce::run(t, d))),
    ];
    for (k, pass) in pipeline {
        if passes.get(k) {
            cur = pass(&cur, d, fold)?;
            if cfg!(debug_assertions) {
                cur.verify(d).map_err(|e| OptError::Ir(IrError(format!("after {}: {e}", Passes::NAMES[k]))))?;
            }
            counts.push((Passes::NAMES[k], Counts::of(&cur)));
        }
    }
    cur.verify(d)?;
    Ok(Optimized { trace: cur, counts })
}

/// The fold pass: every op copied through the emitter (which folds and CSEs).
fn copy(t: &Trace, d: &Descrs, fold: bool) -> Result<Trace, OptError> {
    let mut em = Emitter::new(t, d, fold);
    for op in &t.ops {
        em.copy(op, t)?;
    }
    Ok(em.finish())
}

/// The field and array descriptors the ops after the label write, for passes that carry memory
/// facts into the body. `None`: anything (a call that may write anything), or no label.
pub(crate) fn body_writes(t: &Trace, d: &Descrs) -> Option<Vec<DescrId>> {
    let start = t.label_index()?;
    let mut w = Vec::new();
    for op in &t.ops[start..] {
        match op.opcode {
            Opcode::Setfield | Opcode::Setarrayitem => w.push(op.descr.expect("verified")),
            oc if oc.has(flag::CALL) => {
                let e = &d.as_call(op.descr.expect("verified")).expect("verified").effect;
                match &e.writes {
                    _ if e.pure => {}
                    None => return None,
                    Some(ws) => w.extend(ws),
                }
            }
            _ => {}
        }
    }
    // What reaches the same memory is written too.
    let all: Vec<DescrId> = (0..d.len()).map(|i| DescrId(i as u32)).collect();
    Some(all.into_iter().filter(|a| w.iter().any(|b| d.same_memory(*a, *b))).collect())
}
