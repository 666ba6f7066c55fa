//! The heap cache: what fields and array items hold, from earlier loads and stores.
//!
//! - A load of a field (or array item, or array length) already loaded or stored is replaced
//!   by the known value.
//! - A store is delayed until something could observe it (a load of its descriptor from an
//!   object that may be the same, a guard, a call, the label, the end); a second store to the
//!   same field of the same object replaces a delayed one.
//! - A store to a field forgets what is known of that field in objects that may be the same
//!   object: all but the objects allocated in this trace, which are distinct from every other.
//! - A call forgets the fields its effect descriptor says it may write (all, without one);
//!   immutable fields and array lengths are never forgotten.
//! - At the label, only what the loop body never writes is kept.
//!
//! Descriptors that may reach the same memory (`Descrs::same_memory`) are one for what a
//! store forgets and what a load or store must not pass. This file must never move a store
//! past a guard, a call or a load that might see it.

use super::{Emitter, OptError, body_writes};
use crate::ir::*;
use std::collections::HashMap;

/// Which part of an object a descriptor reaches.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Field,
    Item(Arg),
    Len,
}

/// A cache key: object, descriptor, part.
type Key = (Arg, DescrId, Part);

struct Pass<'d> {
    em: Emitter<'d>,
    /// Known contents: (object, descr, index) → value.
    known: Vec<(Key, Arg)>,
    /// Delayed field stores, in order: (object, descr) → value.
    pending: Vec<(Key, Arg)>,
    /// Objects allocated in this trace, by the position of their allocation.
    fresh: HashMap<Value, usize>,
    /// Where each output value is defined (inputs and constants: 0).
    defined: HashMap<Value, usize>,
}

/// The pass.
pub fn run(t: &Trace, d: &Descrs, fold: bool) -> Result<Trace, OptError> {
    let mut p = Pass {
        em: Emitter::new(t, d, fold),
        known: Vec::new(),
        pending: Vec::new(),
        fresh: HashMap::new(),
        defined: HashMap::new(),
    };
    for op in &t.ops {
        p.op(op, t)?;
    }
    Ok(p.em.finish())
}

impl Pass<'_> {
    /// Whether two object arguments may be the same object. An object allocated in the trace
    /// is none of the objects that existed before (values defined earlier, constants) and no
    /// other allocation; a value defined later (a load, a call's result, a label argument) may
    /// be it.
    fn may_alias(&self, a: Arg, b: Arg) -> bool {
        if a == b {
            return true;
        }
        let pos = |x: Arg| x.value().and_then(|v| self.defined.get(&v).copied()).unwrap_or(0);
        let fresh = |x: Arg| x.value().and_then(|v| self.fresh.get(&v).copied());
        match (fresh(a), fresh(b)) {
            (Some(_), Some(_)) => false,
            (Some(p), None) => pos(b) >= p,
            (None, Some(p)) => pos(a) >= p,
            (None, None) => a.value().is_some() || b.value().is_some(),
        }
    }

    /// Whether two parts may overlap.
    fn may_overlap(a: Part, b: Part) -> bool {
        match (a, b) {
            (Part::Item(Arg::Int(x)), Part::Item(Arg::Int(y))) => x == y,
            (Part::Len, Part::Len) | (Part::Field, Part::Field) | (Part::Item(_), Part::Item(_)) => true,
            _ => false,
        }
    }

    /// Whether what a key names never changes (immutable fields and items, array lengths).
    fn immutable(&self, k: &Key) -> bool {
        match (self.em.d.get(k.1), k.2) {
            (_, Part::Len) => true,
            (Descr::Field(f), _) => f.immutable,
            (Descr::Array(a), _) => a.immutable,
            _ => false,
        }
    }

    fn lookup(&self, k: &Key) -> Option<Arg> {
        self.known.iter().rev().find(|(kk, _)| kk == k).map(|(_, v)| *v)
    }

    fn define(&mut self, a: Arg) {
        if let Arg::Val(v) = a {
            self.defined.entry(v).or_insert(self.em.out.ops.len());
        }
    }

    /// Emits the delayed stores `which` selects, in order.
    fn flush(&mut self, which: impl Fn(&Self, &Key) -> bool) -> Result<(), OptError> {
        let now: Vec<bool> = self.pending.iter().map(|(k, _)| which(self, k)).collect();
        let (now, later): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.pending).into_iter().zip(now).partition(|(_, n)| *n);
        let later = later.into_iter().map(|(p, _)| p).collect();
        let now: Vec<(Key, Arg)> = now.into_iter().map(|(p, _)| p).collect();
        self.pending = later;
        for ((obj, descr, _), v) in now {
            self.em.emit(Opcode::Setfield, vec![obj, v], Some(descr), None, None)?;
        }
        Ok(())
    }

    /// Whether a load through `descr` gives back exactly what was stored (not a narrow int,
    /// which the store truncates and the load extends).
    fn exact(&self, descr: DescrId) -> bool {
        match self.em.d.get(descr) {
            Descr::Field(f) => f.size == 8,
            Descr::Array(a) => a.item_size == 8,
            _ => false,
        }
    }

    /// A store to `k`: forgets what it may overwrite, remembers the value.
    fn stored(&mut self, k: Key, v: Arg) {
        let (obj, descr, part) = k;
        let keep: Vec<(Key, Arg)> = std::mem::take(&mut self.known)
            .into_iter()
            .filter(|((o, dd, p), _)| {
                !(self.em.d.same_memory(*dd, descr) && self.may_alias(*o, obj) && Self::may_overlap(*p, part))
            })
            .collect();
        self.known = keep;
        if self.exact(descr) {
            self.known.push((k, v));
        }
    }

    /// Forgets what `keep` does not keep.
    fn forget(&mut self, keep: impl Fn(&Self, &Key) -> bool) {
        let known = std::mem::take(&mut self.known);
        self.known = known.into_iter().filter(|(k, _)| keep(self, k)).collect();
    }

    fn op(&mut self, op: &Op, t: &Trace) -> Result<(), OptError> {
        use Opcode::*;
        let oc = op.opcode;
        let args: Vec<Arg> = op.args.iter().map(|a| self.em.arg(*a)).collect();
        let descr = op.descr;
        match oc {
            GetfieldI | GetfieldR | GetfieldF | GetarrayitemI | GetarrayitemR | GetarrayitemF | Arraylen => {
                let d = descr.expect("verified");
                let part = match oc {
                    Arraylen => Part::Len,
                    GetarrayitemI | GetarrayitemR | GetarrayitemF => Part::Item(args[1]),
                    _ => Part::Field,
                };
                let k = (args[0], d, part);
                if let Some(v) = self.lookup(&k) {
                    self.em.set(op.result.expect("a load has a result"), v);
                    return Ok(());
                }
                let obj = args[0];
                self.flush(|p, (o, dd, _)| p.em.d.same_memory(*dd, d) && p.may_alias(*o, obj))?;
                let r = self.em.copy(op, t)?.expect("a load has a result");
                self.define(r);
                self.known.push((k, r));
                return Ok(());
            }
            Setfield => {
                let k = (args[0], descr.expect("verified"), Part::Field);
                self.pending.retain(|(kk, _)| *kk != k);
                // Keep the order of stores that may hit the same field.
                let (obj, d) = (args[0], k.1);
                self.flush(|p, (o, dd, _)| p.em.d.same_memory(*dd, d) && p.may_alias(*o, obj))?;
                self.pending.push((k, args[1]));
                self.stored(k, args[1]);
                return Ok(());
            }
            Setarrayitem => {
                self.em.copy(op, t)?;
                self.stored((args[0], descr.expect("verified"), Part::Item(args[1])), args[2]);
                return Ok(());
            }
            New | NewArray => {
                let r = self.em.copy(op, t)?;
                if let Some(v) = op.result {
                    if let Some(Arg::Val(r)) = r {
                        self.fresh.insert(r, self.em.out.ops.len());
                        self.define(Arg::Val(r));
                    }
                    if oc == NewArray {
                        self.known.push(((Arg::Val(v), descr.expect("verified"), Part::Len), args[0]));
                    }
                }
                return Ok(());
            }
            Label => {
                self.flush(|_, _| true)?;
                let writes = body_writes(t, self.em.d);
                self.forget(|p, k| p.immutable(k) || writes.as_ref().is_some_and(|w| !w.contains(&k.1)));
            }
            _ if oc.has(flag::CALL) => {
                self.flush(|_, _| true)?;
                let effect = self.em.d.as_call(descr.expect("verified")).expect("verified").effect.clone();
                if !effect.pure {
                    self.forget(|p, k| {
                        p.immutable(k)
                            || effect.writes.as_ref().is_some_and(|w| !w.iter().any(|x| p.em.d.same_memory(*x, k.1)))
                    });
                }
            }
            _ if oc.has_resume() || oc.has(flag::FINAL) => self.flush(|_, _| true)?,
            _ => {}
        }
        let r = self.em.copy(op, t)?;
        if let Some(r) = r {
            self.define(r);
        }
        Ok(())
    }
}
