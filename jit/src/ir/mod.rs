//! The trace IR: a linear SSA trace of typed values. A trace has inputs, a list of ops (each
//! defining at most one value), descriptors by id, and per guard a snapshot of the interpreter
//! state to resume. This module owns the data structures and the checks every pass relies on
//! (`Trace::verify`); it must never know about Cranelift or Python.

pub mod descr;
pub mod ops;
pub mod text;

pub use descr::{ArrayDescr, CallDescr, DUMMY, Descr, DescrId, Descrs, Effect, FieldDescr, SizeDescr, TargetDescr};
pub use ops::{Arity, Opcode, flag};

use std::fmt;

/// The type of a value: a 64-bit integer, an f64, an object reference (a segment offset), or
/// nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Int,
    Float,
    Ref,
    Void,
}

impl Type {
    /// The one-letter prefix of a value of this type in the textual form.
    pub fn prefix(self) -> char {
        match self {
            Type::Int => 'i',
            Type::Float => 'f',
            Type::Ref => 'r',
            Type::Void => 'v',
        }
    }
}

/// An SSA value: an index into `Trace::types`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(pub u32);

/// An op argument: a value or a constant. Float constants compare by their bits (a NaN
/// constant equals itself).
#[derive(Clone, Copy, Debug)]
pub enum Arg {
    Val(Value),
    Int(i64),
    /// An f64 constant.
    Float(f64),
    /// A constant object reference (segment offset; 0 is null). Must be valid in every segment:
    /// an old object.
    Ref(u64),
}

impl Arg {
    pub fn value(self) -> Option<Value> {
        match self {
            Arg::Val(v) => Some(v),
            _ => None,
        }
    }
    /// The constant's 64-bit pattern (floats: their bits); `None` for values.
    pub fn const_bits(self) -> Option<u64> {
        match self {
            Arg::Val(_) => None,
            Arg::Int(i) => Some(i as u64),
            Arg::Float(f) => Some(f.to_bits()),
            Arg::Ref(r) => Some(r),
        }
    }
}

impl PartialEq for Arg {
    fn eq(&self, o: &Arg) -> bool {
        match (self, o) {
            (Arg::Val(a), Arg::Val(b)) => a == b,
            (Arg::Int(a), Arg::Int(b)) => a == b,
            (Arg::Float(a), Arg::Float(b)) => a.to_bits() == b.to_bits(),
            (Arg::Ref(a), Arg::Ref(b)) => a == b,
            _ => false,
        }
    }
}

impl From<Value> for Arg {
    fn from(v: Value) -> Arg {
        Arg::Val(v)
    }
}

/// What a frame slot or a virtual's field holds at a guard: an argument, or a virtual object
/// (an allocation the optimizer removed) to materialize on exit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slot {
    Arg(Arg),
    Virtual(u32),
}

/// One interpreter frame in a snapshot: its code (an opaque id the VM chose), the bytecode
/// offset to resume at, and the slots that hold known values.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameSnap {
    pub code: u64,
    pub pc: u32,
    pub slots: Vec<(u32, Slot)>,
}

/// A virtual object: allocated on exit with its size descriptor, fields filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct VirtualSnap {
    pub size: DescrId,
    pub fields: Vec<(DescrId, Slot)>,
}

/// The interpreter state to rebuild when a guard fails: frames outermost first.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    pub frames: Vec<FrameSnap>,
    pub virtuals: Vec<VirtualSnap>,
}

impl Snapshot {
    /// The values the snapshot refers to, each once, in order of first appearance: what a guard
    /// exit stores into the exit buffer (its "fail arguments").
    pub fn live_values(&self) -> Vec<Value> {
        let mut out = Vec::new();
        let mut add = |s: &Slot| {
            if let Slot::Arg(Arg::Val(v)) = s
                && !out.contains(v)
            {
                out.push(*v);
            }
        };
        for f in &self.frames {
            f.slots.iter().for_each(|(_, s)| add(s));
        }
        for v in &self.virtuals {
            v.fields.iter().for_each(|(_, s)| add(s));
        }
        out
    }

    /// Replaces every value `v` by `map(v)`.
    pub fn map_values(&mut self, map: impl Fn(Value) -> Arg) {
        let m = |s: &mut Slot| {
            if let Slot::Arg(Arg::Val(v)) = *s {
                *s = Slot::Arg(map(v));
            }
        };
        for f in &mut self.frames {
            f.slots.iter_mut().for_each(|(_, s)| m(s));
        }
        for v in &mut self.virtuals {
            v.fields.iter_mut().for_each(|(_, s)| m(s));
        }
    }
}

/// One operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Op {
    pub opcode: Opcode,
    pub args: Vec<Arg>,
    pub result: Option<Value>,
    pub descr: Option<DescrId>,
    /// Guards and `exit`: index into `Trace::snapshots`. A `label` may have one too: the
    /// interpreter state at the loop header, which the break check at the back-edge resumes.
    pub snapshot: Option<u32>,
}

/// A trace: typed inputs (read from the entry buffer), then ops. A loop has one `label` whose
/// arguments are the loop-carried values, and ends with a `jump` giving their next values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub inputs: Vec<Value>,
    pub ops: Vec<Op>,
    pub types: Vec<Type>,
    pub snapshots: Vec<Snapshot>,
}

/// Why a trace is malformed.
#[derive(Debug, Clone, PartialEq)]
pub struct IrError(pub String);

impl fmt::Display for IrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for IrError {}

impl Trace {
    pub fn new() -> Trace {
        Trace::default()
    }

    /// A fresh value of type `t`.
    pub fn new_value(&mut self, t: Type) -> Value {
        self.types.push(t);
        Value(self.types.len() as u32 - 1)
    }

    /// Adds an input of type `t`.
    pub fn input(&mut self, t: Type) -> Value {
        let v = self.new_value(t);
        self.inputs.push(v);
        v
    }

    pub fn type_of(&self, a: Arg) -> Type {
        match a {
            Arg::Val(v) => self.types[v.0 as usize],
            Arg::Int(_) => Type::Int,
            Arg::Float(_) => Type::Float,
            Arg::Ref(_) => Type::Ref,
        }
    }

    /// Appends an op; returns its result value (if its opcode has one). Calls take their result
    /// type from the opcode.
    pub fn op(&mut self, opcode: Opcode, args: &[Arg], descr: Option<DescrId>) -> Option<Value> {
        let result = match opcode.result() {
            Type::Void => None,
            t => Some(self.new_value(t)),
        };
        self.ops.push(Op { opcode, args: args.to_vec(), result, descr, snapshot: None });
        result
    }

    /// Appends an op that has a result.
    pub fn val(&mut self, opcode: Opcode, args: &[Arg], descr: Option<DescrId>) -> Value {
        self.op(opcode, args, descr).expect("an op with a result")
    }

    /// Appends a guard (or `exit`, or a `label` with the interpreter state at the loop header)
    /// with its snapshot.
    pub fn guard(&mut self, opcode: Opcode, args: &[Arg], snapshot: Snapshot) {
        assert!(opcode.has_resume() || opcode == Opcode::Label, "{} takes no snapshot", opcode.name());
        self.snapshots.push(snapshot);
        let s = self.snapshots.len() as u32 - 1;
        self.ops.push(Op { opcode, args: args.to_vec(), result: None, descr: None, snapshot: Some(s) });
    }

    /// Index of the `label` op, if the trace is a loop.
    pub fn label_index(&self) -> Option<usize> {
        self.ops.iter().position(|o| o.opcode == Opcode::Label)
    }

    /// Checks the trace: arities, argument types, values defined before use, descriptors of the
    /// right kind, one label at most, a final `jump` or `exit` as the last op and nowhere else,
    /// snapshots on guards only.
    pub fn verify(&self, descrs: &Descrs) -> Result<(), IrError> {
        let err = |i: usize, op: &Op, m: String| Err(IrError(format!("op {i} ({}): {m}", op.opcode.name())));
        let mut defined = vec![false; self.types.len()];
        for v in &self.inputs {
            defined[v.0 as usize] = true;
        }
        let mut labels = 0;
        let mut label_types: Option<Vec<Type>> = None;
        for (i, op) in self.ops.iter().enumerate() {
            let oc = op.opcode;
            if let Arity::Fixed(n) = oc.arity()
                && op.args.len() != n as usize
            {
                return err(i, op, format!("takes {n} arguments, got {}", op.args.len()));
            }
            for a in &op.args {
                if let Arg::Val(v) = a
                    && !defined.get(v.0 as usize).copied().unwrap_or(false)
                {
                    return err(i, op, format!("uses {} before it is defined", v.0));
                }
            }
            if oc.has(flag::DESCR) != op.descr.is_some() && oc != Opcode::Jump {
                return err(i, op, "descriptor missing or not allowed".into());
            }
            if oc.has_resume() != op.snapshot.is_some() && oc != Opcode::Label {
                return err(i, op, "snapshot missing or not allowed".into());
            }
            if let Some(s) = op.snapshot {
                let Some(snap) = self.snapshots.get(s as usize) else { return err(i, op, "no such snapshot".into()) };
                for v in snap.live_values() {
                    if !defined.get(v.0 as usize).copied().unwrap_or(false) {
                        return err(i, op, format!("snapshot uses {} before it is defined", v.0));
                    }
                }
            }
            if oc.has(flag::FINAL) != (i + 1 == self.ops.len()) {
                return err(i, op, "jump/exit must be the last op, and the last op must be one".into());
            }
            self.check_types(descrs, op).or_else(|m| err(i, op, m))?;
            match oc {
                Opcode::Label => {
                    labels += 1;
                    if labels > 1 {
                        return err(i, op, "a trace has at most one label".into());
                    }
                    label_types = Some(op.args.iter().map(|a| self.type_of(*a)).collect());
                    if op.args.iter().any(|a| a.value().is_none()) {
                        return err(i, op, "label arguments must be values".into());
                    }
                    if op.args.iter().enumerate().any(|(k, a)| op.args[..k].contains(a)) {
                        return err(i, op, "label arguments must be distinct values".into());
                    }
                }
                Opcode::Jump => {
                    let types: Vec<Type> = op.args.iter().map(|a| self.type_of(*a)).collect();
                    let want = match op.descr {
                        None => {
                            label_types.clone().ok_or_else(|| IrError(format!("op {i} (jump): no label to jump to")))?
                        }
                        Some(d) => match descrs.as_target(d) {
                            Some(t) => t.args.clone(),
                            None => return err(i, op, "a jump's descriptor must be a target".into()),
                        },
                    };
                    if types != want {
                        return err(i, op, format!("argument types {types:?} do not match the label's {want:?}"));
                    }
                }
                _ => {}
            }
            if let Some(r) = op.result {
                if defined[r.0 as usize] {
                    return err(i, op, format!("redefines {}", r.0));
                }
                defined[r.0 as usize] = true;
                if self.types[r.0 as usize] != oc.result() {
                    return err(i, op, "result type differs from the opcode's".into());
                }
            }
        }
        Ok(())
    }

    fn check_types(&self, descrs: &Descrs, op: &Op) -> Result<(), String> {
        use Opcode::*;
        use Type::*;
        let t: Vec<Type> = op.args.iter().map(|a| self.type_of(*a)).collect();
        let want = |ts: &[Type]| if t == ts { Ok(()) } else { Err(format!("argument types {t:?}, expected {ts:?}")) };
        let d = op.descr;
        let field = || d.and_then(|d| descrs.as_field(d)).ok_or("needs a field descriptor".to_string());
        let array = || d.and_then(|d| descrs.as_array(d)).ok_or("needs an array descriptor".to_string());
        match op.opcode {
            IntAdd | IntSub | IntMul | IntFloorDiv | IntMod | IntAnd | IntOr | IntXor | IntLshift | IntRshift
            | UintRshift | IntAddOvf | IntSubOvf | IntMulOvf | IntLt | IntLe | IntEq | IntNe | IntGt | IntGe
            | UintLt | UintGe => want(&[Int, Int]),
            IntNeg | IntInvert | IntIsTrue | IntIsZero | CastIntToFloat | GuardTrue | GuardFalse => want(&[Int]),
            FloatAdd | FloatSub | FloatMul | FloatTrueDiv | FloatLt | FloatLe | FloatEq | FloatNe | FloatGt
            | FloatGe => want(&[Float, Float]),
            FloatNeg | FloatAbs | CastFloatToInt => want(&[Float]),
            PtrEq | PtrNe => want(&[Ref, Ref]),
            CastPtrToInt => want(&[Ref]),
            CastIntToPtr => want(&[Int]),
            GetfieldI | GetfieldR | GetfieldF => {
                let f = field()?;
                if f.kind != op.opcode.result() {
                    return Err(format!("field of type {:?} read as {:?}", f.kind, op.opcode.result()));
                }
                want(&[Ref])
            }
            Setfield => {
                let f = field()?;
                want(&[Ref, f.kind])
            }
            GetarrayitemI | GetarrayitemR | GetarrayitemF => {
                let a = array()?;
                if a.kind != op.opcode.result() {
                    return Err(format!("items of type {:?} read as {:?}", a.kind, op.opcode.result()));
                }
                want(&[Ref, Int])
            }
            Setarrayitem => {
                let a = array()?;
                want(&[Ref, Int, a.kind])
            }
            Arraylen => array().and_then(|_| want(&[Ref])),
            New | AllocNursery => d.and_then(|d| descrs.as_size(d)).map(|_| ()).ok_or("needs a size descriptor".into()),
            NewArray | AllocNurseryVar => array().and_then(|_| want(&[Int])),
            CallI | CallR | CallF | CallN => {
                let c = d.and_then(|d| descrs.as_call(d)).ok_or("needs a call descriptor")?;
                if c.result != op.opcode.result() {
                    return Err(format!("helper returns {:?}", c.result));
                }
                want(&c.args)
            }
            GuardValue => {
                if t.len() == 2 && t[0] == t[1] && t[0] != Float && op.args[1].value().is_none() {
                    Ok(())
                } else {
                    Err("guard_value takes an int or ref value and a constant of the same type".into())
                }
            }
            SameAsI => want(&[Int]),
            SameAsR => want(&[Ref]),
            SameAsF => want(&[Float]),
            GuardClass | GuardNonnullClass => {
                if t == [Ref, Int] && op.args[1].value().is_none() {
                    Ok(())
                } else {
                    Err("guard_class takes a ref and a constant type id".into())
                }
            }
            GuardNonnull | GuardIsnull | StmRead | StmWrite => want(&[Ref]),
            Exit | Label | Jump | DebugMergePoint | GuardNoOverflow | GuardOverflow | GuardNoException
            | GuardNotInvalidated | BreakCheck => Ok(()),
        }
    }
}
