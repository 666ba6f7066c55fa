//! The emitter every optimization pass (and the recorder) writes its output through: it maps
//! the input trace's values to output arguments, and folds and CSEs each op as it is emitted
//! (`fold.rs`), drops guards whose outcome is known and reports those that always fail. An op
//! copied unchanged keeps its value number, so an optimized trace reads like its input. This
//! file owns value substitution and the CSE table; it must never decide anything a single op
//! and its arguments do not tell.

use super::OptError;
use super::fold::{self, Fold, GuardFold};
use crate::ir::*;
use std::collections::HashMap;

/// A CSE key: opcode, arguments (constants by their bits), descriptor.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key(Opcode, Vec<(u8, u64)>, Option<DescrId>);

fn arg_key(a: Arg) -> (u8, u64) {
    match a {
        Arg::Val(v) => (0, v.0 as u64),
        Arg::Int(i) => (1, i as u64),
        Arg::Float(f) => (2, f.to_bits()),
        Arg::Ref(r) => (3, r),
    }
}

/// Builds an output trace from ops given in terms of an input trace's values.
pub struct Emitter<'d> {
    pub d: &'d Descrs,
    pub out: Trace,
    /// Input value → output argument (identity until set).
    map: Vec<Option<Arg>>,
    /// Output value → what later uses should see instead (a pass learned it is a constant).
    subst: HashMap<Value, Arg>,
    cse: HashMap<Key, Value>,
    /// Output values known to be 0 or 1.
    bools: Vec<bool>,
    /// What the last `_ovf` op is known to do: `Some(false)` never overflows.
    ovf: Option<bool>,
    /// Fold and CSE (off only to measure what they do).
    pub fold: bool,
}

impl<'d> Emitter<'d> {
    /// An emitter for a pass over `input`: same inputs and value numbers, no ops yet.
    pub fn new(input: &Trace, d: &'d Descrs, fold: bool) -> Emitter<'d> {
        let out =
            Trace { inputs: input.inputs.clone(), ops: Vec::new(), types: input.types.clone(), snapshots: Vec::new() };
        Emitter {
            d,
            map: vec![None; input.types.len()],
            bools: vec![false; input.types.len()],
            out,
            subst: HashMap::new(),
            cse: HashMap::new(),
            ovf: None,
            fold,
        }
    }

    /// The output argument for an input argument.
    pub fn arg(&self, a: Arg) -> Arg {
        let a = match a {
            Arg::Val(v) => self.map.get(v.0 as usize).copied().flatten().unwrap_or(a),
            a => a,
        };
        self.resolve(a)
    }

    /// An output argument with what passes learned about it applied.
    pub fn resolve(&self, a: Arg) -> Arg {
        match a {
            Arg::Val(v) => self.subst.get(&v).copied().unwrap_or(a),
            a => a,
        }
    }

    /// Input value `v` is now output argument `a`.
    pub fn set(&mut self, v: Value, a: Arg) {
        self.map[v.0 as usize] = Some(a);
    }

    /// Output value `v` is known to equal `a` from here on.
    pub fn replace(&mut self, v: Value, a: Arg) {
        if Arg::Val(v) != a {
            self.subst.insert(v, a);
        }
    }

    /// A new input of the output trace (for a recorder building a trace from nothing).
    pub fn input(&mut self, t: Type) -> Value {
        self.bools.push(false);
        self.out.input(t)
    }

    /// A fresh output value.
    pub fn fresh(&mut self, t: Type) -> Value {
        self.bools.push(false);
        self.out.new_value(t)
    }

    pub fn type_of(&self, a: Arg) -> Type {
        self.out.type_of(a)
    }

    /// Maps an input snapshot's values.
    pub fn snapshot(&self, s: &Snapshot) -> Snapshot {
        let mut s = s.clone();
        s.map_values(|v| self.arg(Arg::Val(v)));
        s
    }

    /// Tells the emitter the last `_ovf` op cannot overflow (a pass proved it and emitted the
    /// plain op instead).
    pub fn no_overflow(&mut self) {
        self.ovf = Some(false);
    }

    fn is_bool(&self, a: Arg) -> bool {
        match a {
            Arg::Val(v) => self.bools.get(v.0 as usize).copied().unwrap_or(false),
            Arg::Int(i) => i == 0 || i == 1,
            _ => false,
        }
    }

    fn pure_call(&self, op: Opcode, descr: Option<DescrId>) -> bool {
        op.has(flag::CALL)
            && descr.and_then(|d| self.d.as_call(d)).is_some_and(|c| c.effect.pure && !c.effect.may_raise)
    }

    /// Emits an op with output arguments. Returns what its result is (`None` for ops without
    /// one and for dropped guards). `result`: the value number to give the result (a fresh one
    /// if `None`). A guard that always fails is an error: the trace cannot run past it.
    pub fn emit(
        &mut self,
        opcode: Opcode,
        args: Vec<Arg>,
        descr: Option<DescrId>,
        result: Option<Value>,
        snapshot: Option<Snapshot>,
    ) -> Result<Option<Arg>, OptError> {
        let args: Vec<Arg> = args.into_iter().map(|a| self.resolve(a)).collect();
        if opcode.is_guard() {
            let outcome = match opcode {
                Opcode::GuardNoOverflow | Opcode::GuardOverflow => match self.ovf.take() {
                    Some(ovf) if ovf == (opcode == Opcode::GuardOverflow) => GuardFold::Passes,
                    Some(_) => GuardFold::Fails,
                    None => GuardFold::Keep,
                },
                _ => fold::fold_guard(opcode, &args),
            };
            match outcome {
                GuardFold::Passes => return Ok(None),
                GuardFold::Fails => {
                    return Err(OptError::Contradiction(format!("{} always fails", opcode.name())));
                }
                GuardFold::Keep => {}
            }
        }
        let pure = opcode.has(flag::PURE) || self.pure_call(opcode, descr);
        if opcode.has(flag::OVF) {
            // What an earlier `_ovf` op was known to do never carries over to this one.
            self.ovf = None;
        }
        if self.fold && (opcode.has(flag::PURE) || opcode.has(flag::OVF)) {
            match fold::fold(opcode, &args, |a| self.is_bool(a)) {
                Fold::Keep => {}
                Fold::To(a) => return Ok(Some(a)),
                Fold::NoOverflow(a) => {
                    self.ovf = Some(false);
                    return Ok(Some(a));
                }
                Fold::Overflows => self.ovf = Some(true),
            }
        }
        let key = (self.fold && pure).then(|| {
            let mut ks: Vec<(u8, u64)> = args.iter().map(|a| arg_key(*a)).collect();
            if fold::commutative(opcode) {
                ks.sort();
            }
            Key(opcode, ks, descr)
        });
        if let Some(k) = &key
            && let Some(v) = self.cse.get(k)
        {
            return Ok(Some(Arg::Val(*v)));
        }
        let result = match opcode.result() {
            Type::Void => None,
            t => Some(result.unwrap_or_else(|| self.fresh(t))),
        };
        let snapshot = snapshot.map(|s| {
            self.out.snapshots.push(s);
            self.out.snapshots.len() as u32 - 1
        });
        self.out.ops.push(Op { opcode, args, result, descr, snapshot });
        if let Some(r) = result {
            if fold::is_bool(opcode) {
                self.bools[r.0 as usize] = true;
            }
            if let Some(k) = key {
                self.cse.insert(k, r);
            }
        }
        Ok(result.map(Arg::Val))
    }

    /// Copies an input op (arguments and snapshot mapped) and maps its result.
    pub fn copy(&mut self, op: &Op, input: &Trace) -> Result<Option<Arg>, OptError> {
        let args = op.args.iter().map(|a| self.arg(*a)).collect();
        let snap = op.snapshot.map(|s| self.snapshot(&input.snapshots[s as usize]));
        let r = self.emit(op.opcode, args, op.descr, op.result, snap)?;
        if let (Some(v), Some(a)) = (op.result, r)
            && a != Arg::Val(v)
        {
            self.set(v, a);
        }
        Ok(r)
    }

    pub fn finish(self) -> Trace {
        self.out
    }
}
