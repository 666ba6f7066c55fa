//! Allocation removal. A `new` becomes a virtual object: no op is emitted, its field stores and
//! loads resolve at compile time, `guard_class`/`guard_nonnull` on it are decided, and `ptr_eq`
//! against it is known. It is forced (allocated and filled, just before the op) only where it
//! escapes: passed to a call, stored into a real object, passed to an `exit` or to another
//! trace, or used by any op this pass does not understand. At guards it is described in the
//! snapshot and materialized by the resume code only if the guard fails.
//!
//! At the label, a loop-carried virtual crosses the back-edge as its fields: the label takes
//! one slot per field, the body sees a virtual object made of them, and the jump passes the
//! fields of the virtual it ends with. When the jump's argument is not a virtual of the same
//! shape, that slot is not exploded and the pass runs again (the boxed counter of a Python loop
//! thus vanishes; a list node appended in the loop does not). Virtuals made before the label and
//! used after it are forced before the label: the body runs many times, they were made once.
//!
//! This file must never change ops on real objects other than by forcing virtuals before them.

use super::{Emitter, OptError};
use crate::ir::*;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug)]
struct VObj {
    size: DescrId,
    /// Fields set so far (output arguments; a value may name another virtual).
    fields: Vec<(DescrId, Arg)>,
}

enum Outcome {
    Done(Trace),
    /// The jump's argument for label slot `k` is not a virtual of the label's shape.
    Retry(usize),
}

/// The pass.
pub fn run(t: &Trace, d: &Descrs, fold: bool) -> Result<Trace, OptError> {
    let mut explode = t.label_index().map(|i| vec![true; t.ops[i].args.len()]).unwrap_or_default();
    loop {
        match Pass::new(t, d, fold).run(t, &explode)? {
            Outcome::Done(out) => return Ok(out),
            Outcome::Retry(k) => explode[k] = false,
        }
    }
}

fn zero(kind: Type) -> Arg {
    match kind {
        Type::Int => Arg::Int(0),
        Type::Float => Arg::Float(0.0),
        _ => Arg::Ref(0),
    }
}

struct Pass<'d> {
    em: Emitter<'d>,
    /// Virtual objects by the output value that names them.
    virt: HashMap<Value, VObj>,
}

impl<'d> Pass<'d> {
    fn new(t: &Trace, d: &'d Descrs, fold: bool) -> Pass<'d> {
        Pass { em: Emitter::new(t, d, fold), virt: HashMap::new() }
    }

    fn virtual_of(&self, a: Arg) -> Option<Value> {
        a.value().filter(|v| self.virt.contains_key(v))
    }

    /// Allocates and fills the virtual `a` names (and those its fields name); other arguments
    /// come back as they are.
    fn force(&mut self, a: Arg) -> Result<Arg, OptError> {
        let Some(v) = self.virtual_of(a) else { return Ok(a) };
        let obj = self.virt.remove(&v).expect("a virtual");
        self.em.emit(Opcode::New, vec![], Some(obj.size), Some(v), None)?;
        for (fd, val) in obj.fields {
            let val = self.force(val)?;
            self.em.emit(Opcode::Setfield, vec![a, val], Some(fd), None, None)?;
        }
        Ok(a)
    }

    /// The output form of an input snapshot, virtuals described.
    fn describe(&mut self, s: &Snapshot) -> Snapshot {
        let mut out = Snapshot { frames: Vec::new(), virtuals: Vec::new() };
        let mut index: HashMap<Value, u32> = HashMap::new();
        // The input's own virtuals keep their indices.
        out.virtuals = s.virtuals.iter().map(|v| VirtualSnap { size: v.size, fields: Vec::new() }).collect();
        for (k, v) in s.virtuals.iter().enumerate() {
            let fields = v.fields.iter().map(|(fd, sl)| (*fd, self.slot(*sl, &mut out, &mut index))).collect();
            out.virtuals[k].fields = fields;
        }
        out.frames = s
            .frames
            .iter()
            .map(|f| FrameSnap {
                code: f.code,
                pc: f.pc,
                slots: f.slots.iter().map(|(k, sl)| (*k, self.slot(*sl, &mut out, &mut index))).collect(),
            })
            .collect();
        out
    }

    fn slot(&self, s: Slot, out: &mut Snapshot, index: &mut HashMap<Value, u32>) -> Slot {
        match s {
            Slot::Arg(a) => self.out_slot(self.em.arg(a), out, index),
            Slot::Virtual(k) => Slot::Virtual(k),
        }
    }

    /// An output argument as a snapshot slot: a virtual becomes a snapshot virtual.
    fn out_slot(&self, a: Arg, out: &mut Snapshot, index: &mut HashMap<Value, u32>) -> Slot {
        let Some(v) = self.virtual_of(a) else { return Slot::Arg(a) };
        if let Some(k) = index.get(&v) {
            return Slot::Virtual(*k);
        }
        let obj = &self.virt[&v];
        let k = out.virtuals.len() as u32;
        index.insert(v, k);
        out.virtuals.push(VirtualSnap { size: obj.size, fields: Vec::new() });
        let fields = obj.fields.iter().map(|(fd, a)| (*fd, self.out_slot(*a, out, index))).collect();
        out.virtuals[k as usize].fields = fields;
        Slot::Virtual(k)
    }

    fn run(mut self, t: &Trace, explode: &[bool]) -> Result<Outcome, OptError> {
        use Opcode::*;
        let li = t.label_index();
        // The label's arguments (input values) by slot, and what each is a copy of (output).
        let label_args: Vec<Value> =
            li.map(|i| t.ops[i].args.iter().map(|a| a.value().expect("verified")).collect()).unwrap_or_default();
        let mut label_src: Vec<Option<Arg>> = vec![None; label_args.len()];
        // Per exploded slot: the virtual's size and field list.
        let mut shapes: Vec<Option<(DescrId, Vec<DescrId>)>> = vec![None; label_args.len()];
        for (i, op) in t.ops.iter().enumerate() {
            let oc = op.opcode;
            let args: Vec<Arg> = op.args.iter().map(|a| self.em.arg(*a)).collect();
            let virt0 = args.first().and_then(|a| self.virtual_of(*a));
            match oc {
                New => {
                    let v = op.result.expect("new has a result");
                    self.virt.insert(v, VObj { size: op.descr.expect("verified"), fields: Vec::new() });
                    continue;
                }
                Setfield if virt0.is_some() => {
                    let fd = op.descr.expect("verified");
                    let val = self.narrow(fd, args[1])?;
                    let obj = self.virt.get_mut(&virt0.expect("checked")).expect("a virtual");
                    match obj.fields.iter_mut().find(|(f, _)| *f == fd) {
                        Some(slot) => slot.1 = val,
                        None => obj.fields.push((fd, val)),
                    }
                    continue;
                }
                GetfieldI | GetfieldR | GetfieldF if virt0.is_some() => {
                    let obj = &self.virt[&virt0.expect("checked")];
                    let fd = op.descr.expect("verified");
                    let kind = self.em.d.as_field(fd).expect("verified").kind;
                    let v = obj.fields.iter().find(|(f, _)| *f == fd).map(|(_, a)| *a).unwrap_or(zero(kind));
                    self.em.set(op.result.expect("a load has a result"), v);
                    continue;
                }
                GuardClass | GuardNonnullClass if virt0.is_some() => {
                    let obj = &self.virt[&virt0.expect("checked")];
                    let typeid = self.em.d.as_size(obj.size).expect("verified").typeid as u64;
                    if Some(typeid) == args[1].const_bits() {
                        continue;
                    }
                    return Err(OptError::Contradiction(format!("{} on a virtual of another class", oc.name())));
                }
                GuardNonnull if virt0.is_some() => continue,
                GuardIsnull | GuardValue if virt0.is_some() => {
                    return Err(OptError::Contradiction(format!("{} on a virtual", oc.name())));
                }
                PtrEq | PtrNe if virt0.is_some() || self.virtual_of(args[1]).is_some() => {
                    let eq = args[0] == args[1];
                    self.em.set(op.result.expect("a result"), Arg::Int((eq == (oc == PtrEq)) as i64));
                    continue;
                }
                SameAsI | SameAsR | SameAsF
                    if li.is_some_and(|l| i < l) && label_args.contains(&op.result.expect("a result")) =>
                {
                    // A label argument: emitted at the label, exploded or not.
                    let k = label_args.iter().position(|v| Some(*v) == op.result).expect("checked");
                    label_src[k] = Some(args[0]);
                    continue;
                }
                Label => {
                    self.force_used_after(t, i)?;
                    let mut new_args = Vec::new();
                    let srcs: Vec<Arg> =
                        label_args.iter().enumerate().map(|(k, s)| label_src[k].unwrap_or(Arg::Val(*s))).collect();
                    let refs = self.references(&srcs);
                    for (k, s) in label_args.iter().enumerate() {
                        let src = srcs[k];
                        // A virtual referred to from elsewhere too would become two objects.
                        match self.virtual_of(src).filter(|v| explode[k] && refs[v] == 1) {
                            Some(v) => {
                                let obj = self.virt[&v].clone();
                                let mut fields = Vec::new();
                                for (fd, val) in &obj.fields {
                                    let val = self.force(*val)?;
                                    let kind = self.em.d.as_field(*fd).expect("verified").kind;
                                    let p = self.em.fresh(kind);
                                    self.em.emit(Opcode::same_as(kind), vec![val], None, Some(p), None)?;
                                    new_args.push(Arg::Val(p));
                                    fields.push((*fd, Arg::Val(p)));
                                }
                                shapes[k] = Some((obj.size, obj.fields.iter().map(|(f, _)| *f).collect()));
                                self.virt.insert(*s, VObj { size: obj.size, fields });
                            }
                            None => {
                                let src = self.force(src)?;
                                let kind = self.em.type_of(src);
                                if label_src[k].is_some() {
                                    self.em.emit(Opcode::same_as(kind), vec![src], None, Some(*s), None)?;
                                }
                                new_args.push(Arg::Val(*s));
                            }
                        }
                    }
                    let snap = op.snapshot.map(|s| self.describe(&t.snapshots[s as usize]));
                    self.em.emit(Label, new_args, None, None, snap)?;
                    continue;
                }
                Jump if op.descr.is_none() => {
                    let mut new_args = Vec::new();
                    let refs = self.references(&args);
                    for (k, a) in args.iter().enumerate() {
                        match &shapes[k] {
                            Some((size, shape)) => {
                                let Some(v) = self.virtual_of(*a).filter(|v| refs[v] == 1) else {
                                    return Ok(Outcome::Retry(k));
                                };
                                let obj = self.virt[&v].clone();
                                if obj.size != *size || obj.fields.iter().any(|(f, _)| !shape.contains(f)) {
                                    return Ok(Outcome::Retry(k));
                                }
                                for fd in shape {
                                    let kind = self.em.d.as_field(*fd).expect("verified").kind;
                                    let val = obj.fields.iter().find(|(f, _)| f == fd).map(|(_, a)| *a);
                                    new_args.push(self.force(val.unwrap_or(zero(kind)))?);
                                }
                            }
                            None => new_args.push(self.force(*a)?),
                        }
                    }
                    self.em.emit(Jump, new_args, None, None, None)?;
                    continue;
                }
                _ => {}
            }
            // Any other op: what it takes escapes.
            let mut forced = Vec::with_capacity(args.len());
            for a in args {
                forced.push(self.force(a)?);
            }
            let snap = op.snapshot.map(|s| self.describe(&t.snapshots[s as usize]));
            let r = self.em.emit(oc, forced, op.descr, op.result, snap)?;
            if let (Some(v), Some(a)) = (op.result, r)
                && a != Arg::Val(v)
            {
                self.em.set(v, a);
            }
        }
        Ok(Outcome::Done(self.em.finish()))
    }

    /// What a load of field `fd` gives back after storing `v`: narrow ints are truncated and
    /// sign- or zero-extended, as the store and the load would.
    fn narrow(&mut self, fd: DescrId, v: Arg) -> Result<Arg, OptError> {
        let f = self.em.d.as_field(fd).expect("verified");
        if f.kind != Type::Int || f.size >= 8 {
            return Ok(v);
        }
        let bits = 64 - 8 * f.size as i64;
        let up = self.em.emit(Opcode::IntLshift, vec![v, Arg::Int(bits)], None, None, None)?.expect("a result");
        let down = if f.signed { Opcode::IntRshift } else { Opcode::UintRshift };
        Ok(self.em.emit(down, vec![up, Arg::Int(bits)], None, None, None)?.expect("a result"))
    }

    /// How many references each virtual reachable from `roots` has (from the roots and from
    /// the fields of reachable virtuals).
    fn references(&self, roots: &[Arg]) -> HashMap<Value, usize> {
        let mut count: HashMap<Value, usize> = HashMap::new();
        let mut stack: Vec<Arg> = roots.to_vec();
        while let Some(a) = stack.pop() {
            if let Some(v) = self.virtual_of(a) {
                let c = count.entry(v).or_insert(0);
                *c += 1;
                if *c == 1 {
                    stack.extend(self.virt[&v].fields.iter().map(|(_, a)| *a));
                }
            }
        }
        count
    }

    /// Forces the virtuals made before the label `li` that ops after it (or the label's
    /// snapshot) use directly.
    fn force_used_after(&mut self, t: &Trace, li: usize) -> Result<(), OptError> {
        let mut used: HashSet<Value> = HashSet::new();
        for op in &t.ops[li..] {
            if op.opcode != Opcode::Label {
                used.extend(op.args.iter().filter_map(|a| a.value()));
            }
            if let Some(s) = op.snapshot {
                used.extend(t.snapshots[s as usize].live_values());
            }
        }
        let mut used: Vec<Value> = used.into_iter().collect();
        used.sort();
        for v in used {
            let a = self.em.arg(Arg::Val(v));
            self.force(a)?;
        }
        Ok(())
    }
}
