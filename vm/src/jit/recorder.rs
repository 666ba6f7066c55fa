//! The recorder: while a hot loop runs once more in the interpreter, each bytecode is turned
//! into trace IR *before* the interpreter executes it, specialized on the values the frame
//! holds then (a small int stays an untagged i64, a float an f64 whose box is a virtual object),
//! with a guard wherever the interpreter's fast path would take another way. The semantics
//! recorded are those of the interpreter's fast paths (`int_fast`, `float_fast`, the compare and
//! branch ops in `eval.rs`); whatever else a bytecode could do aborts the recording, so the
//! interpreter stays the one definition. When the loop reaches its header again the trace is
//! optimized, compiled and installed. This file must never execute a bytecode itself.

use super::{ExitId, Kind, Loop};
use crate::compile::code::{Code, Op, binop, cmpop, unop};
use crate::interp::Vm;
use crate::layout::tid;
use crate::value::{SMALL_MAX, SMALL_MIN, Value};
use jit::ir::*;
use jit::opt::{Emitter, OptError};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use stm::ObjRef;

/// What a slot or stack entry holds during recording.
#[derive(Clone, Copy, Debug)]
enum Av {
    /// A small int, untagged.
    Int(Arg),
    /// A float: its value, its box (a reference, maybe virtual), or both.
    Float { f: Option<Arg>, boxed: Option<Arg> },
    /// Any other value word.
    Word(Arg),
    /// The result of a comparison (0 or 1), not yet a bool object.
    Bool(Arg),
    /// A tuple built on the stack and not yet unpacked (`a, b = b, a`): its items are in
    /// `Recorder::tuples[k]`. Anything else done with it aborts the recording.
    Tuple(usize),
}

/// A recording in progress.
pub struct Recorder {
    /// The frame and code being recorded (an inlined callee's while one runs).
    pub frame: ObjRef,
    pub code: usize,
    /// The loop's own code (its header is `start` there).
    pub home: usize,
    pub start: u32,
    entry: Vec<Kind>,
    vals: Vec<Av>,
    tuples: Vec<Vec<Av>>,
    /// The tuple object each of `tuples` became once something needed one (`as_word`).
    tuple_objs: Vec<Option<Arg>>,
    em: Emitter<'static>,
    d: &'static super::VmDescrs,
    limit: usize,
    /// For a bridge: the loop, the exit it starts from (of the loop's trace or of one of its
    /// bridges), and the loop's jump target.
    bridge: Option<(Arc<Loop>, ExitId, DescrId)>,
    /// The frames waiting on the Python calls being inlined, outermost first.
    callers: Vec<Caller>,
    /// A `LoadMethod` was recorded (its receiver): what it pushed is read back at the next op.
    pending_method: Option<Arg>,
    /// A helper call was recorded: its result, on top of the stack, is typed at the next op
    /// (`type_result`). For a `for` over a built-in iterator, the loop's pc.
    pending_result: Option<Pending>,
    /// When the recording started (for the trace log's `trace-us`).
    started: std::time::Instant,
    /// The last backward jump to the header in the loop's code: the loop's body is
    /// `start..=end` (a `break` jumps past it).
    end: usize,
    /// The loops of the loop's code: header and end (`loops_of`).
    loops: Vec<(u32, usize)>,
    /// The recording stopped because the loop ended (or was left by `break` or `return`)
    /// before it came round: not the loop's fault, it is tried again at its next back-edge.
    pub left_loop: bool,
    /// Ops recorded in the loop's own frame.
    recorded: usize,
    /// A bridge that reached the header of another compiled loop of its frame: it ends by
    /// jumping there.
    close_to: Option<Arc<Loop>>,
}

/// A helper call's result waiting to be typed (see `Recorder::type_result`).
#[derive(Clone, Copy)]
struct Pending {
    /// The `ForIter` it advances, if it does: the loop may have ended instead.
    for_pc: Option<usize>,
}

/// A frame waiting on an inlined call: its frame object (known once it ran), code, recorded
/// values below the call, the call's pc, and the function called.
struct Caller {
    frame: ObjRef,
    code: usize,
    vals: Vec<Av>,
    pc: usize,
    func: Arg,
    /// For an `__init__` call: the instance, which the call returns.
    init: Option<Arg>,
}

/// The snapshot slot that names an inlined frame's function (its frame is made from it).
pub const FUNC_SLOT: u32 = u32::MAX;
/// The snapshot slot of an inlined `__init__` frame that names the instance it initializes.
pub const INIT_SLOT: u32 = u32::MAX - 1;

/// A frame of a snapshot: `code` at `pc`, its values (floats boxed).
fn frame_snap(code: usize, pc: u32, vals: &[Av]) -> FrameSnap {
    let slots = vals
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let a = match *v {
                Av::Int(a) | Av::Word(a) | Av::Bool(a) => a,
                Av::Float { boxed, .. } => boxed.expect("boxed by snapshot()"),
                Av::Tuple(_) => unreachable!("refused by snapshot()"),
            };
            (k as u32, Slot::Arg(a))
        })
        .collect();
    FrameSnap { code: code as u64, pc, slots }
}

/// Where a word is read from: a field of an object, or an item of an array.
#[derive(Clone, Copy)]
enum At {
    Field(Arg),
    Item(Arg, Arg),
}

/// The fewest ops (as recorded, merge points included) a generator's trace ending at its
/// `yield` must have: it is entered and left at every item, which costs more than interpreting
/// a few bytecodes (`numbers()` yielding `i += 1`, 10 ops, ran 1.6× slower compiled;
/// spectral_norm's generator expression, 117 ops with `a(i, j)` inlined, 1.4× faster).
const MIN_YIELD_TRACE: usize = 50;

/// Deepest nesting of inlined calls.
const MAX_INLINE: usize = 8;

/// Why a recording stops without a trace.
pub type Abort = String;

/// What recording one op asks of the interpreter.
pub enum Step {
    Go,
    /// The loop is closed: compile it.
    Close,
    /// A generator's loop reached its `yield`: compile the trace ending there with an exit
    /// to the interpreter, which yields (see `Recorder::close`).
    Yield,
}

/// Why a recording stopped on a constant still in the nursery.
pub const YOUNG_CONSTANT: &str = "an object made in this transaction used as a constant";

/// A value as a trace constant. Constants must be valid in every transaction to come: an
/// object still in this transaction's nursery moves when it commits, so it cannot be one.
/// (The loop is recorded again after a commit, which makes every object old.)
fn konst(v: Value) -> Result<Arg, Abort> {
    use stm::layout::{NURSERY_AREA_SIZE, NURSERY_START};
    if (NURSERY_START..NURSERY_START + NURSERY_AREA_SIZE).contains(&v.0) {
        return Err(YOUNG_CONSTANT.into());
    }
    Ok(Arg::Ref(v.0))
}

/// A constant of the code (or a default argument) as a recorded value.
fn const_av(vm: &Vm, v: Value) -> Result<Av, Abort> {
    Ok(match kind_of(vm, v) {
        Kind::Int => Av::Int(Arg::Int(v.as_int())),
        Kind::Float => Av::Float { f: Some(Arg::Float(vm.float_of(v.as_obj()))), boxed: konst(v).ok() },
        Kind::Word => Av::Word(konst(v)?),
    })
}

/// How a value enters a trace.
pub(crate) fn kind_of(vm: &Vm, v: Value) -> Kind {
    if v.is_int() {
        Kind::Int
    } else if v.is_ref() && vm.tid_of(v) == tid::FLOAT {
        Kind::Float
    } else {
        Kind::Word
    }
}

/// Attribute `name` of class `cls` through its MRO, read without running anything (the
/// recorder must not: its view of the frame would go stale).
fn class_attr(vm: &Vm, cls: ObjRef, name: &str) -> Option<Value> {
    use crate::layout::{CLS_DICT, CLS_MRO};
    let mro = vm.rd(cls, CLS_MRO).as_obj();
    for i in 0..vm.tuple_len(mro) {
        let d = vm.rd(vm.tuple_get(mro, i).as_obj(), CLS_DICT);
        for e in 0..vm.table_fill(d) {
            if let Some((k, v)) = vm.table_entry(d, e)
                && vm.tid_of(k) == tid::STR
                && vm.with_str(k.as_obj(), |s| s == name)
            {
                return Some(v);
            }
        }
    }
    None
}

/// Whether `v` is a value no attribute lookup treats as a descriptor: an int, float, str,
/// bool, None or tuple.
fn plain_value(vm: &Vm, v: Value) -> bool {
    v.is_int()
        || matches!(v, Value::NONE | Value::TRUE | Value::FALSE)
        || (v.is_ref() && matches!(vm.tid_of(v), tid::FLOAT | tid::STR | tid::TUPLE))
}

/// The registered name of a built-in function object (`len`, `str.join`).
/// Whether compiled code may call `callee` through the `call` helper (see `helpers.rs`): a
/// built-in from the allowlist, or one of the plain value or built-in iterator types.
fn helper_callable(vm: &Vm, callee: Value) -> bool {
    match vm.tid_of(callee) {
        tid::BUILTIN => helper_allowed(vm.builtin_name(callee)),
        tid::CLASS => {
            let t = vm.rt.types();
            let plain =
                [t.int, t.bool_, t.float, t.str_, t.bytes, t.tuple, t.list, t.dict, t.set, t.frozenset, t.range];
            // (and the iterator types: `enumerate`, `zip`, `map`, `filter`, `reversed`, ...)
            plain.contains(&callee.as_obj()) || t.iters.contains(&callee.as_obj())
        }
        _ => false,
    }
}

/// The built-ins a helper may run: they run no Python code of their own (what they meet, a
/// user `__eq__` say, makes the helper leave the trace), block on nothing, do no I/O, and
/// change nothing before they can fail (so that the interpreter can run them again). Methods
/// of the built-in value types qualify but those that mutate in steps while they iterate.
fn helper_allowed(name: &str) -> bool {
    const FUNCTIONS: &[&str] = &[
        "len",
        "abs",
        "min",
        "max",
        "sum",
        "sorted",
        "reversed",
        "enumerate",
        "zip",
        "repr",
        "ascii",
        "chr",
        "ord",
        "hash",
        "divmod",
        "round",
        "pow",
        "any",
        "all",
        "isinstance",
        "issubclass",
        "iter",
        "next",
        "hex",
        "oct",
        "bin",
        "map",
        "filter",
        "id",
        "callable",
        "format",
        "hasattr",
        "getattr",
    ];
    const TYPES: &[&str] =
        &["str.", "bytes.", "list.", "tuple.", "dict.", "set.", "frozenset.", "int.", "float.", "math."];
    const IN_STEPS: &[&str] = &[
        "list.extend",
        "list.sort",
        "list.__init__",
        "dict.update",
        "dict.__init__",
        "set.update",
        "set.__init__",
        "set.intersection_update",
        "set.difference_update",
        "set.symmetric_difference_update",
    ];
    FUNCTIONS.contains(&name) || (TYPES.iter().any(|t| name.starts_with(t)) && !IN_STEPS.contains(&name))
}

/// A callee's name for an abort reason.
fn callee_name(vm: &Vm, callee: Value) -> String {
    match vm.tid_of(callee) {
        tid::BUILTIN => vm.builtin_name(callee).into(),
        _ => vm.type_name(callee),
    }
}

/// Whether `v` is an object of a built-in value type (whose methods never change).
fn builtin_value(vm: &Vm, v: Value) -> bool {
    v.is_ref()
        && matches!(
            vm.tid_of(v),
            tid::LIST
                | tid::STR
                | tid::DICT
                | tid::TUPLE
                | tid::SET
                | tid::FROZENSET
                | tid::BYTES
                | tid::FLOAT
                | tid::BIGINT
        )
}

/// Whether `o[i]` is a list indexed by an int inside it (what the trace reads inline).
fn list_index_of(vm: &Vm, o: Value, i: Value) -> bool {
    vm.tid_of(o) == tid::LIST && i.is_int() && (0..vm.list_len(o) as i64).contains(&i.as_int())
}

/// The loops of `code`: each header (a backward jump's target) with its last backward jump
/// (the loop's end).
fn loops_of(code: &Code) -> Vec<(u32, usize)> {
    let mut loops: Vec<(u32, usize)> = Vec::new();
    for (pc, op) in code.ops.iter().enumerate() {
        if let Op::JumpBack(t) = *op {
            match loops.iter_mut().find(|l| l.0 == t) {
                Some(l) => l.1 = pc,
                None => loops.push((t, pc)),
            }
        }
    }
    loops
}

impl Recorder {
    /// Starts recording the loop whose header is `pc` of `code`, with the frame's slots `0..sp`
    /// as they are now.
    pub fn new(vm: &Vm, frame: ObjRef, code: &Code, pc: u32, slots: &[Value], limit: usize) -> Recorder {
        let descrs: &'static super::VmDescrs = vm.rt.jit.as_ref().expect("recording with a JIT").descrs;
        let mut em = Emitter::new(&Trace::new(), &descrs.table, true);
        let entry: Vec<Kind> = slots.iter().map(|v| kind_of(vm, *v)).collect();
        let mut vals = Vec::new();
        let mut inputs = Vec::new();
        for k in &entry {
            let v = Arg::Val(em.input(if *k == Kind::Int { Type::Int } else { Type::Ref }));
            inputs.push(v);
            vals.push(match k {
                Kind::Int => Av::Int(v),
                Kind::Float => Av::Float { f: None, boxed: Some(v) },
                Kind::Word => Av::Word(v),
            });
        }
        let mut r = Recorder::with(frame, code, pc, entry, vals, em, descrs, limit, None);
        let snap = r.plain_snapshot(pc);
        r.em.emit(Opcode::Label, inputs, None, None, Some(snap)).expect("a label cannot fail");
        r
    }

    /// Starts recording a bridge from exit `from` (of the trace of `parent`, the loop whose
    /// header is `header`, or of one of its bridges): the frames were just rebuilt from that
    /// exit (`frames`: their objects, outermost first — more than one when the exit was inside
    /// inlined calls, which the bridge goes on inlining), whose fail arguments are the bridge's
    /// inputs; the bridge ends by jumping to the loop's start (or another compiled loop's).
    pub fn new_bridge(
        vm: &Vm,
        frames: &[ObjRef],
        code: &Code,
        header: u32,
        parent: Arc<Loop>,
        from: ExitId,
        limit: usize,
    ) -> Result<Recorder, Abort> {
        use jit::resume::RVal;
        let descrs: &'static super::VmDescrs = vm.rt.jit.as_ref().expect("recording with a JIT").descrs;
        // The bridge's descriptors: the VM's (same ids) and the loop as a jump target.
        let mut table = descrs.table.clone();
        let loop_types: Vec<Type> =
            parent.trace.trace.inputs.iter().map(|v| parent.trace.trace.types[v.0 as usize]).collect();
        let target = table.add(
            "loop",
            Descr::Target(TargetDescr { args: loop_types, code: Arc::new(AtomicU64::new(parent.trace.code_addr())) }),
        );
        // Kept for as long as the bridge lives: with the process (bridges are never freed).
        let table: &'static Descrs = Box::leak(Box::new(table));
        let mut em = Emitter::new(&Trace::new(), table, true);
        let (fail_types, rec) = parent
            .with_trace(from.0, |t| (t.resume.exits[from.1].fail_types.clone(), t.resume.record(from.1).into_owned()));
        let inputs: Vec<Arg> = fail_types.iter().map(|t| Arg::Val(em.input(*t))).collect();
        if rec.frames.len() != frames.len() {
            return Err("a bridge from an exit whose frames were not all made".into());
        }
        let scalar = |v: &RVal| match *v {
            RVal::FailArg(i) => Some(inputs[i as usize]),
            RVal::Const(bits, Type::Int) => Some(Arg::Int(bits as i64)),
            RVal::Const(bits, Type::Float) => Some(Arg::Float(f64::from_bits(bits))),
            RVal::Const(bits, _) => Some(Arg::Ref(bits)),
            RVal::Virtual(_) => None,
        };
        // Each frame's values, and (but the outermost's) the function and instance it names.
        let mut frame_vals: Vec<(Vec<Av>, Option<Arg>, Option<Arg>)> = Vec::new();
        for frame_rec in &rec.frames {
            let (mut vals, mut func, mut init) = (Vec::new(), None, None);
            for (slot, v) in &frame_rec.slots {
                if matches!(*slot, FUNC_SLOT | INIT_SLOT) {
                    let a = scalar(v).ok_or("a function or instance of a virtual")?;
                    *(if *slot == FUNC_SLOT { &mut func } else { &mut init }) = Some(a);
                    continue;
                }
                if *slot as usize != vals.len() {
                    return Err("a bridge from an exit without every slot".into());
                }
                let av = match *v {
                    RVal::Virtual(j) => {
                        let virt = &rec.virtuals[j as usize];
                        let [(fd, f)] = &virt.fields[..] else {
                            return Err("a bridge from an exit with an object".into());
                        };
                        if virt.size != descrs.float || *fd != descrs.float_val {
                            return Err("a bridge from an exit with an object".into());
                        }
                        Av::Float { f: Some(scalar(f).ok_or("a float of a virtual")?), boxed: None }
                    }
                    ref v => {
                        let a = scalar(v).expect("not a virtual");
                        match em.out.type_of(a) {
                            Type::Int => Av::Int(a),
                            Type::Ref => Av::Word(a),
                            _ => return Err("a float outside a box".into()),
                        }
                    }
                };
                vals.push(av);
            }
            frame_vals.push((vals, func, init));
        }
        let entry = parent.entry.clone();
        let mut frame_vals = frame_vals.into_iter();
        let (outer, _, _) = frame_vals.next().expect("an exit has a frame");
        let mut r =
            Recorder::with(frames[0], code, header, entry, outer, em, descrs, limit, Some((parent, from, target)));
        // The inlined calls the exit was in: each frame waits at its call as when recorded.
        for (i, (vals, func, init)) in frame_vals.enumerate() {
            let callee = crate::compile::code::from_addr_word(rec.frames[i + 1].code as i64);
            let caller_vals = std::mem::replace(&mut r.vals, vals);
            r.callers.push(Caller {
                frame: r.frame,
                code: r.code,
                vals: caller_vals,
                pc: rec.frames[i].pc as usize,
                func: func.ok_or("an inlined frame without its function")?,
                init,
            });
            r.frame = frames[i + 1];
            r.code = callee as *const Code as usize;
        }
        Ok(r)
    }

    #[allow(clippy::too_many_arguments)]
    fn with(
        frame: ObjRef,
        code: &Code,
        start: u32,
        entry: Vec<Kind>,
        vals: Vec<Av>,
        em: Emitter<'static>,
        d: &'static super::VmDescrs,
        limit: usize,
        bridge: Option<(Arc<Loop>, ExitId, DescrId)>,
    ) -> Recorder {
        let loops = loops_of(code);
        let end = loops.iter().find(|l| l.0 == start).map_or(code.ops.len(), |l| l.1);
        let code = code as *const Code as usize;
        Recorder {
            frame,
            code,
            home: code,
            start,
            entry,
            vals,
            tuples: Vec::new(),
            tuple_objs: Vec::new(),
            em,
            d,
            limit,
            bridge,
            callers: Vec::new(),
            pending_method: None,
            pending_result: None,
            started: std::time::Instant::now(),
            end,
            loops,
            left_loop: false,
            recorded: 0,
            close_to: None,
        }
    }

    /// A snapshot of the recorded state (`pc` to resume at), with no float left unboxed; inside
    /// an inlined call, the snapshot of the outermost inlined call.
    /// The state to resume at `pc` in: every frame of the inlined calls (each caller waiting
    /// at its call, the callee's function in slot [`FUNC_SLOT`]), floats boxed.
    fn snapshot(&mut self, pc: usize) -> Result<Snapshot, Abort> {
        let mut vals = std::mem::take(&mut self.vals);
        let r = self.box_all(&mut vals);
        self.vals = vals;
        r?;
        for i in 0..self.callers.len() {
            let mut vals = std::mem::take(&mut self.callers[i].vals);
            let r = self.box_all(&mut vals);
            self.callers[i].vals = vals;
            r?;
        }
        let mut frames: Vec<FrameSnap> = Vec::new();
        // A callee's frame names its function (and the instance an `__init__` initializes).
        let called = |f: &mut FrameSnap, c: &Caller| {
            f.slots.push((FUNC_SLOT, Slot::Arg(c.func)));
            if let Some(o) = c.init {
                f.slots.push((INIT_SLOT, Slot::Arg(o)));
            }
        };
        for (i, c) in self.callers.iter().enumerate() {
            let mut f = frame_snap(c.code, c.pc as u32, &c.vals);
            if i > 0 {
                called(&mut f, &self.callers[i - 1]);
            }
            frames.push(f);
        }
        let mut f = frame_snap(self.code, pc as u32, &self.vals);
        if let Some(c) = self.callers.last() {
            called(&mut f, c);
        }
        frames.push(f);
        Ok(Snapshot { frames, virtuals: Vec::new() })
    }

    /// Boxes the unboxed floats of `vals` (a snapshot names boxes); refuses values a frame
    /// cannot hold.
    fn box_all(&mut self, vals: &mut [Av]) -> Result<(), Abort> {
        for v in vals.iter_mut() {
            if let Av::Float { f: Some(f), boxed: None } = *v {
                let b = self.box_float(f)?;
                *v = Av::Float { f: Some(f), boxed: Some(b) };
            }
            match *v {
                // A comparison result kept on the stack becomes the bool object's word.
                Av::Bool(_) => {
                    let w = self.as_word(*v)?.0;
                    *v = Av::Word(self.val(Opcode::CastIntToPtr, vec![w], None)?);
                }
                Av::Tuple(_) => *v = Av::Word(self.as_word(*v)?.0),
                _ => {}
            }
        }
        Ok(())
    }

    fn plain_snapshot(&self, pc: u32) -> Snapshot {
        Snapshot { frames: vec![frame_snap(self.code, pc, &self.vals)], virtuals: Vec::new() }
    }

    fn emit(
        &mut self,
        op: Opcode,
        args: Vec<Arg>,
        descr: Option<DescrId>,
        snap: Option<Snapshot>,
    ) -> Result<Option<Arg>, Abort> {
        if self.em.out.ops.len() >= self.limit {
            return Err("the trace is too long".into());
        }
        self.em.emit(op, args, descr, None, snap).map_err(|e| match e {
            OptError::Contradiction(m) => format!("the trace contradicts itself: {m}"),
            OptError::Ir(e) => format!("bad trace: {e}"),
        })
    }
    fn val(&mut self, op: Opcode, args: Vec<Arg>, descr: Option<DescrId>) -> Result<Arg, Abort> {
        Ok(self.emit(op, args, descr, None)?.expect("an op with a result"))
    }
    fn guard(&mut self, op: Opcode, args: Vec<Arg>, snap: &Snapshot) -> Result<(), Abort> {
        self.emit(op, args, None, Some(snap.clone())).map(|_| ())
    }

    fn box_float(&mut self, f: Arg) -> Result<Arg, Abort> {
        let b = self.val(Opcode::New, vec![], Some(self.d.float))?;
        self.emit(Opcode::Setfield, vec![b, f], Some(self.d.float_val), None)?;
        Ok(b)
    }
    fn unbox(&mut self, av: Av) -> Result<Arg, Abort> {
        match av {
            Av::Float { f: Some(f), .. } => Ok(f),
            Av::Float { f: None, boxed: Some(b) } => self.val(Opcode::GetfieldF, vec![b], Some(self.d.float_val)),
            Av::Int(i) => self.val(Opcode::CastIntToFloat, vec![i], None),
            _ => Err("not a number".into()),
        }
    }

    fn pop(&mut self) -> Av {
        self.vals.pop().expect("the recorded stack follows the interpreter's")
    }

    /// Guards that an untagged int result is a small int (else the interpreter makes a big
    /// int: it resumes before the op): `SMALL_MIN <= r <= SMALL_MAX` as one unsigned compare.
    fn small(&mut self, r: Arg, snap: &Snapshot) -> Result<(), Abort> {
        let shifted = self.val(Opcode::IntAdd, vec![r, Arg::Int(-SMALL_MIN)], None)?;
        let ok = self.val(Opcode::UintLt, vec![shifted, Arg::Int(SMALL_MAX - SMALL_MIN + 1)], None)?;
        self.guard(Opcode::GuardTrue, vec![ok], snap)
    }

    fn untag(&mut self, w: Arg) -> Result<Arg, Abort> {
        self.val(Opcode::IntRshift, vec![w, Arg::Int(1)], None)
    }
    fn tag(&mut self, i: Arg) -> Result<Arg, Abort> {
        let s = self.val(Opcode::IntLshift, vec![i, Arg::Int(1)], None)?;
        self.val(Opcode::IntOr, vec![s, Arg::Int(1)], None)
    }
    fn load(&mut self, op: Opcode, obj: Arg, descr: DescrId) -> Result<Arg, Abort> {
        self.val(op, vec![obj], Some(descr))
    }
    fn store(&mut self, obj: Arg, v: Arg, descr: DescrId) -> Result<(), Abort> {
        self.emit(Opcode::Setfield, vec![obj, v], Some(descr), None).map(|_| ())
    }

    /// Reads item `idx` of an item array, specialized on the kind of the value it holds now
    /// (`runtime`), with the guards that check that kind.
    fn array_item(&mut self, vm: &Vm, arr: Arg, idx: Arg, runtime: Value, snap: &Snapshot) -> Result<Av, Abort> {
        let d = self.d;
        self.item(vm, arr, idx, runtime, (d.array_words, d.array_refs), snap)
    }

    /// Item `idx` of an array of words read through `words` and `refs` (an item array's, a
    /// tuple's), as `array_item` reads it.
    fn item(
        &mut self,
        vm: &Vm,
        arr: Arg,
        idx: Arg,
        runtime: Value,
        descrs: (DescrId, DescrId),
        snap: &Snapshot,
    ) -> Result<Av, Abort> {
        self.read_word(vm, At::Item(arr, idx), runtime, descrs, snap)
    }

    /// The word at `at` read through `words` and `refs` (two descriptors of the same memory),
    /// specialized on the kind of the value it holds now (`runtime`, not null), with the guards
    /// that check that kind (a field's reference also that it is not null: an empty cell).
    fn read_word(
        &mut self,
        vm: &Vm,
        at: At,
        runtime: Value,
        (words, refs): (DescrId, DescrId),
        snap: &Snapshot,
    ) -> Result<Av, Abort> {
        let load = |this: &mut Self, int: bool| match at {
            At::Field(o) => {
                let (op, d) = if int { (Opcode::GetfieldI, words) } else { (Opcode::GetfieldR, refs) };
                this.val(op, vec![o], Some(d))
            }
            At::Item(a, i) => {
                let (op, d) = if int { (Opcode::GetarrayitemI, words) } else { (Opcode::GetarrayitemR, refs) };
                this.val(op, vec![a, i], Some(d))
            }
        };
        Ok(match kind_of(vm, runtime) {
            Kind::Int => {
                let w = load(self, true)?;
                let t = self.val(Opcode::IntAnd, vec![w, Arg::Int(1)], None)?;
                self.guard(Opcode::GuardTrue, vec![t], snap)?;
                Av::Int(self.untag(w)?)
            }
            Kind::Float => {
                // A reference (a multiple of 16: not a small int nor an immediate constant) to
                // a float.
                let w = load(self, true)?;
                let low = self.val(Opcode::IntAnd, vec![w, Arg::Int(15)], None)?;
                self.guard(Opcode::GuardFalse, vec![low], snap)?;
                let r = load(self, false)?;
                self.guard(Opcode::GuardNonnullClass, vec![r, Arg::Int(tid::FLOAT as i64)], snap)?;
                Av::Float { f: None, boxed: Some(r) }
            }
            Kind::Word => {
                let r = load(self, false)?;
                if let At::Field(_) = at {
                    self.guard(Opcode::GuardNonnull, vec![r], snap)?;
                }
                Av::Word(r)
            }
        })
    }

    /// A value as the word the interpreter would store (a tagged int, a float's box, a
    /// reference), with the item descriptor to store it through.
    fn as_word(&mut self, va: Av) -> Result<(Arg, DescrId), Abort> {
        Ok(match va {
            Av::Int(x) => (self.tag(x)?, self.d.array_words),
            Av::Float { f, boxed } => {
                let b = match boxed {
                    Some(b) => b,
                    None => self.box_float(f.expect("a float has a value or a box"))?,
                };
                (b, self.d.array_refs)
            }
            Av::Word(w) => (w, self.d.array_refs),
            Av::Tuple(k) => {
                // A tuple built on the stack becomes a tuple object (virtual until it escapes),
                // one per tuple: `t is t` stays true.
                if let Some(t) = self.tuple_objs[k] {
                    return Ok((t, self.d.array_refs));
                }
                let items = self.tuples[k].clone();
                let d = self.d;
                let t = self.val(Opcode::NewArray, vec![Arg::Int(items.len() as i64)], Some(d.tuple_refs))?;
                for (i, item) in items.into_iter().enumerate() {
                    let (w, descr) = self.as_word(item)?;
                    let descr = if descr == d.array_words { d.tuple_words } else { d.tuple_refs };
                    self.emit(Opcode::Setarrayitem, vec![t, Arg::Int(i as i64), w], Some(descr), None)?;
                }
                self.tuple_objs[k] = Some(t);
                (t, d.array_refs)
            }
            Av::Bool(c) => {
                // False and True are the words 4 and 6 (stored as words: they are no references).
                let twice = self.val(Opcode::IntLshift, vec![c, Arg::Int(1)], None)?;
                (self.val(Opcode::IntAdd, vec![twice, Arg::Int(Value::FALSE.0 as i64)], None)?, self.d.array_words)
            }
        })
    }

    /// An instance attribute `o.name` (name `n` of the running code) that `o` holds now, as the
    /// interpreter's plain inline-cache entry at `pc` gives it or, when that entry holds another
    /// shape (a site that sees several classes), as `o`'s map gives it: the class version and
    /// the instance's map are guarded; returns the slot array and the slot.
    #[allow(clippy::too_many_arguments)]
    fn instance_slot(
        &mut self,
        vm: &Vm,
        code: &Code,
        pc: usize,
        n: u32,
        oa: Av,
        o: Value,
        snap: &Snapshot,
    ) -> Result<(Arg, i64), Abort> {
        let Av::Word(obj) = oa else { return Err("an attribute of a number".into()) };
        let cached = vm.ic_plain_slot(code, pc, o).filter(|_| vm.ic_load(code, pc, o).is_some());
        let Some(slot) = cached.or_else(|| self.own_slot(vm, n, o)) else {
            return Err("an attribute that is not an instance's own".into());
        };
        self.guard_shape(vm, obj, o, snap)?;
        let islots = self.load(Opcode::GetfieldR, obj, self.d.inst_slots)?;
        Ok((islots, slot as i64))
    }

    /// The slot of `o`'s own attribute `name` (name `n` of the running code), read off its map,
    /// when neither the class's attribute hooks nor a descriptor of the class can intercept a
    /// load or store of it (a class attribute under that name, if any, is a plain value or a
    /// function) and it holds a value now.
    fn own_slot(&self, vm: &Vm, n: u32, o: Value) -> Option<u64> {
        use crate::layout::*;
        let (cls, slot, in_class) = self.attr_lookup(vm, n, o)?;
        if vm.rd(cls, CLS_FLAGS).as_int() & CLSF_HAS_SETATTR != 0 {
            return None;
        }
        let slot = slot?;
        if in_class.is_some_and(|v| !(plain_value(vm, v) || vm.tid_of(v) == tid::FUNCTION)) {
            return None;
        }
        let held = vm.rd(vm.rd(o.as_obj(), INST_SLOTS).as_obj(), ARRAY_ITEMS + 8 * slot);
        (!held.is_null()).then_some(slot)
    }

    /// `o.name` (name `n` of the running code) where `o` is an instance without that attribute
    /// and its class (or a base) holds a plain value under it (an int, float, str, bool, None or
    /// tuple: no descriptor): that value, a constant under the class version and map guards.
    /// None when that is not the case.
    fn class_constant(&mut self, vm: &Vm, n: u32, oa: Av, o: Value, snap: &Snapshot) -> Result<Option<Av>, Abort> {
        let Av::Word(obj) = oa else { return Ok(None) };
        let Some((_, None, Some(v))) = self.attr_lookup(vm, n, o) else { return Ok(None) };
        if !plain_value(vm, v) {
            return Ok(None);
        }
        self.guard_shape(vm, obj, o, snap)?;
        Ok(Some(const_av(vm, v)?))
    }

    /// What `o.name` (name `n` of the running code) can find, read without running anything,
    /// when `o` is an instance with a map whose class has no `__getattribute__`: its class, the
    /// slot of its own attribute of that name (if any) and what the class (or a base) holds
    /// under the name (if anything).
    fn attr_lookup(&self, vm: &Vm, n: u32, o: Value) -> Option<(ObjRef, Option<u64>, Option<Value>)> {
        use crate::layout::*;
        if vm.tid_of(o) != tid::INSTANCE || vm.rd(o.as_obj(), INST_MAP).as_int() == DICT_MODE {
            return None;
        }
        let cls = vm.rd(o.as_obj(), INST_CLASS).as_obj();
        if vm.rd(cls, CLS_FLAGS).as_int() & CLSF_HAS_GETATTRIBUTE != 0 {
            return None;
        }
        let key = vm.name_const(self.frame, n);
        let map = vm.rd(o.as_obj(), INST_MAP).as_int() as u32;
        let slot = if map == 0 {
            None
        } else {
            vm.rt.map(map).names.iter().position(|&k| k == vm.name_id(key)).map(|i| i as u64)
        };
        Some((cls, slot, class_attr(vm, cls, &vm.str_of(key))))
    }

    /// A store that adds an attribute, through the interpreter's transition entry (`map`: the
    /// instance's map after it, `slot`: where it goes): the class version and the old map are
    /// guarded, the slot array made (four slots) or grown as the interpreter does it, the map
    /// moved on. Returns the slot array and the slot.
    fn add_attribute(
        &mut self,
        vm: &Vm,
        oa: Av,
        o: Value,
        map: u64,
        slot: u64,
        snap: &Snapshot,
    ) -> Result<(Arg, i64), Abort> {
        use crate::layout::{ARRAY_CAP, INST_SLOTS};
        let Av::Word(obj) = oa else { return Err("an attribute of a number".into()) };
        self.guard_shape(vm, obj, o, snap)?;
        let d = self.d;
        let cur = vm.rd(o.as_obj(), INST_SLOTS);
        let islots = self.load(Opcode::GetfieldR, obj, d.inst_slots)?;
        let islots = if cur.is_null() {
            self.guard(Opcode::GuardIsnull, vec![islots], snap)?;
            let n = self.val(Opcode::NewArray, vec![Arg::Int(4)], Some(d.array_refs))?;
            self.store(obj, n, d.inst_slots)?;
            n
        } else {
            self.guard(Opcode::GuardNonnull, vec![islots], snap)?;
            let cap = self.val(Opcode::Arraylen, vec![islots], Some(d.array_refs))?;
            let runtime_cap = vm.raw(cur.as_obj(), ARRAY_CAP);
            if runtime_cap <= slot {
                // Full: a new array twice as large, the slots before copied (as the
                // interpreter grows it).
                self.guard(Opcode::GuardValue, vec![cap, Arg::Int(runtime_cap as i64)], snap)?;
                let n =
                    self.val(Opcode::NewArray, vec![Arg::Int((runtime_cap * 2).max(4) as i64)], Some(d.array_refs))?;
                for j in 0..slot as i64 {
                    let w = self.val(Opcode::GetarrayitemI, vec![islots, Arg::Int(j)], Some(d.array_words))?;
                    self.emit(Opcode::Setarrayitem, vec![n, Arg::Int(j), w], Some(d.array_words), None)?;
                }
                self.store(obj, n, d.inst_slots)?;
                n
            } else {
                let room = self.val(Opcode::IntLt, vec![Arg::Int(slot as i64), cap], None)?;
                self.guard(Opcode::GuardTrue, vec![room], snap)?;
                islots
            }
        };
        self.store(obj, Arg::Int(Value::int(map as i64).0 as i64), d.inst_map)?;
        Ok((islots, slot as i64))
    }

    /// Guards that `obj` (an instance `o` now) keeps its class version and map: what its
    /// attributes' slots and its class's methods depend on.
    fn guard_shape(&mut self, vm: &Vm, obj: Arg, o: Value, snap: &Snapshot) -> Result<(), Abort> {
        self.guard_class(vm, obj, o, snap)?;
        let map = vm.rd(o.as_obj(), crate::layout::INST_MAP);
        let m = self.load(Opcode::GetfieldI, obj, self.d.inst_map)?;
        self.guard(Opcode::GuardValue, vec![m, Arg::Int(map.0 as i64)], snap)
    }

    /// Guards that `obj` (an instance `o` now) is an instance of a class with `o`'s class's
    /// version now (what lookups on its class depend on).
    fn guard_class(&mut self, vm: &Vm, obj: Arg, o: Value, snap: &Snapshot) -> Result<(), Abort> {
        use crate::layout::*;
        let cls = vm.rd(o.as_obj(), INST_CLASS);
        let version = vm.rd(cls.as_obj(), CLS_VERSION);
        self.guard(Opcode::GuardNonnullClass, vec![obj, Arg::Int(tid::INSTANCE as i64)], snap)?;
        let c = self.load(Opcode::GetfieldR, obj, self.d.inst_class)?;
        let v = self.load(Opcode::GetfieldI, c, self.d.class_version)?;
        self.guard(Opcode::GuardValue, vec![v, Arg::Int(version.0 as i64)], snap)
    }

    /// Checks `o[i]` on a list (`oa`, `ia`: their recorded values; `o`, `i`: what the frame
    /// holds now) the way the interpreter's fast path does: a list, a small int index within
    /// bounds. Returns the item array and the index.
    fn list_index(
        &mut self,
        vm: &Vm,
        oa: Av,
        o: Value,
        ia: Av,
        i: Value,
        snap: &Snapshot,
    ) -> Result<(Arg, Arg), Abort> {
        let (Av::Word(list), Av::Int(idx)) = (oa, ia) else {
            return Err("subscript of something else than a list by an int".into());
        };
        if vm.tid_of(o) != tid::LIST || !i.is_int() {
            return Err("subscript of something else than a list by an int".into());
        }
        if i.as_int() < 0 || i.as_int() as usize >= vm.list_len(o) {
            return Err("a negative or out-of-range list index".into());
        }
        let n = self.list_len(list, snap)?;
        let nonneg = self.val(Opcode::IntGe, vec![idx, Arg::Int(0)], None)?;
        self.guard(Opcode::GuardTrue, vec![nonneg], snap)?;
        let inside = self.val(Opcode::IntLt, vec![idx, n], None)?;
        self.guard(Opcode::GuardTrue, vec![inside], snap)?;
        let arr = self.load(Opcode::GetfieldR, list, self.d.list_items)?;
        Ok((arr, idx))
    }

    /// Guards that `list` is a list; its length, untagged.
    fn list_len(&mut self, list: Arg, snap: &Snapshot) -> Result<Arg, Abort> {
        self.guard(Opcode::GuardNonnullClass, vec![list, Arg::Int(tid::LIST as i64)], snap)?;
        let n = self.load(Opcode::GetfieldI, list, self.d.list_len)?;
        self.untag(n)
    }

    /// Appends `v` to `list` (a list, `l` when recorded) as the interpreter does when its item
    /// array has room, a full array failing the guard. Recorded at a full array (a bridge from
    /// that guard, typically), it is a residual call that grows the list: the guarded form would
    /// fail at once, and so would every bridge recorded after it.
    fn list_append(&mut self, vm: &Vm, list: Arg, l: Value, v: Av, snap: &Snapshot) -> Result<(), Abort> {
        let d = self.d;
        if !vm.list_has_room(l) {
            self.guard(Opcode::GuardNonnullClass, vec![list, Arg::Int(tid::LIST as i64)], snap)?;
            let words = self.helper_words([Av::Word(list), v])?;
            self.residual(d.helpers.append, words, snap, false)?;
            return Ok(());
        }
        let n = self.list_len(list, snap)?;
        let arr = self.load(Opcode::GetfieldR, list, d.list_items)?;
        let cap = self.val(Opcode::Arraylen, vec![arr], Some(d.array_refs))?;
        let room = self.val(Opcode::IntLt, vec![n, cap], None)?;
        self.guard(Opcode::GuardTrue, vec![room], snap)?;
        let (word, descr) = self.as_word(v)?;
        self.emit(Opcode::Setarrayitem, vec![arr, n, word], Some(descr), None)?;
        let n1 = self.val(Opcode::IntAdd, vec![n, Arg::Int(1)], None)?;
        let n1 = self.tag(n1)?;
        self.store(list, n1, d.list_len)
    }

    /// Recorded values as the words the interpreter holds, typed as ints (what helpers take).
    fn helper_words(&mut self, avs: impl IntoIterator<Item = Av>) -> Result<Vec<Arg>, Abort> {
        let mut words = Vec::new();
        for a in avs {
            let w = self.as_word(a)?.0;
            words.push(if self.em.out.type_of(w) == Type::Ref {
                self.val(Opcode::CastPtrToInt, vec![w], None)?
            } else {
                w
            });
        }
        Ok(words)
    }

    /// A call of helper `h` (`helpers.rs`) on `words`, leaving the trace at `snap` (the start
    /// of the bytecode, which the interpreter runs again) when it raised. `push`: the result
    /// goes on the stack, typed at the next op by what the interpreter got.
    fn residual(&mut self, h: DescrId, words: Vec<Arg>, snap: &Snapshot, push: bool) -> Result<Arg, Abort> {
        let r = self.val(Opcode::CallR, words, Some(h))?;
        self.guard(Opcode::GuardNoException, vec![], snap)?;
        if push {
            self.vals.push(Av::Word(r));
            self.pending_result = Some(Pending { for_pc: None });
        }
        Ok(r)
    }

    /// Types the result of the helper call recorded at the previous op (on top of the
    /// interpreter's stack at `pc`): the guards of its kind, as a load from the heap has them.
    fn type_result(&mut self, vm: &Vm, pc: usize, slots: &[Value], p: Pending) -> Result<(), Abort> {
        if slots.len() != self.vals.len() {
            // The built-in iterator was exhausted: the `for` popped it and left the loop.
            let for_pc = p.for_pc.expect("only a for loop pops what a helper pushed");
            return Err(self.ended(for_pc));
        }
        let n = self.vals.len();
        let Av::Word(w) = self.vals[n - 1] else { unreachable!("a helper's result is a word") };
        let v = slots[n - 1];
        let snap = self.snapshot(pc)?;
        let av = match kind_of(vm, v) {
            Kind::Int => {
                let wi = self.val(Opcode::CastPtrToInt, vec![w], None)?;
                let t = self.val(Opcode::IntAnd, vec![wi, Arg::Int(1)], None)?;
                self.guard(Opcode::GuardTrue, vec![t], &snap)?;
                Av::Int(self.untag(wi)?)
            }
            Kind::Float => {
                self.guard(Opcode::GuardNonnullClass, vec![w, Arg::Int(tid::FLOAT as i64)], &snap)?;
                Av::Float { f: None, boxed: Some(w) }
            }
            Kind::Word if v == Value::TRUE || v == Value::FALSE => {
                // A bool: the word is 4 or 6, that is 6 once bit 1 is set.
                let wi = self.val(Opcode::CastPtrToInt, vec![w], None)?;
                let either = self.val(Opcode::IntOr, vec![wi, Arg::Int(2)], None)?;
                let is_bool = self.val(Opcode::IntEq, vec![either, Arg::Int(Value::TRUE.0 as i64)], None)?;
                self.guard(Opcode::GuardTrue, vec![is_bool], &snap)?;
                Av::Bool(self.val(Opcode::IntEq, vec![wi, Arg::Int(Value::TRUE.0 as i64)], None)?)
            }
            Kind::Word if v.is_ref() => {
                self.guard(Opcode::GuardNonnullClass, vec![w, Arg::Int(vm.tid_of(v) as i64)], &snap)?;
                Av::Word(w)
            }
            Kind::Word => {
                self.guard(Opcode::GuardValue, vec![w, Arg::Ref(v.0)], &snap)?;
                Av::Word(Arg::Ref(v.0))
            }
        };
        self.vals[n - 1] = av;
        Ok(())
    }

    /// `Call(n)` of a built-in function or method, or of a built-in type, that compiled code
    /// may call through the `call` helper (`helper_callable`): the callee is guarded by identity.
    fn call_residual(&mut self, vm: &Vm, pc: usize, n: usize, slots: &[Value]) -> Result<(), Abort> {
        let k = slots.len();
        let (callee, me) = (slots[k - n - 2], slots[k - n - 1]);
        if !helper_callable(vm, callee) {
            return Err(format!("a call of {}", callee_name(vm, callee)));
        }
        let total = n + !me.is_null() as usize;
        if total > super::helpers::MAX_CALL_ARGS {
            return Err("a call of a built-in with many arguments".into());
        }
        let snap = self.snapshot(pc)?;
        let args = self.vals.split_off(k - n);
        let me_a = self.pop();
        let Av::Word(f) = self.pop() else { return Err("a call of a number".into()) };
        if vm.tid_of(callee) == tid::BUILTIN && !vm.ld(callee.as_obj(), crate::layout::BI_SELF).is_null() {
            // A bound method (`getrandbits = self.getrandbits`) is made anew each time: the
            // built-in it binds is guarded, not the object.
            self.guard(Opcode::GuardNonnullClass, vec![f, Arg::Int(tid::BUILTIN as i64)], &snap)?;
            let id = self.load(Opcode::GetfieldI, f, self.d.builtin_id)?;
            let want = vm.ld(callee.as_obj(), crate::layout::BI_ID);
            self.guard(Opcode::GuardValue, vec![id, Arg::Int(want.0 as i64)], &snap)?;
        } else {
            self.guard(Opcode::GuardValue, vec![f, konst(callee)?], &snap)?;
        }
        let mut words = self.helper_words([Av::Word(f)])?;
        words.push(Arg::Int(total as i64));
        words.extend(self.helper_words((!me.is_null()).then_some(me_a).into_iter().chain(args))?);
        words.resize(2 + super::helpers::MAX_CALL_ARGS, Arg::Int(0));
        self.residual(self.d.helpers.call, words, &snap, true)?;
        Ok(())
    }

    /// `Call(1)` of a built-in the trace knows: `len` of a list, `abs` of an int or a float,
    /// `float` of an int or a float, a function of `math` of a number, `list.append`; the
    /// callable is guarded to be that built-in. Any other goes to `call_residual`.
    fn call_builtin(&mut self, vm: &Vm, pc: usize, slots: &[Value]) -> Result<(), Abort> {
        use crate::layout::BI_SELF;
        let n = slots.len();
        let (callee, nul, arg) = (slots[n - 3], slots[n - 2], slots[n - 1]);
        let name = if callee == Value::obj(vm.rt.types().float) {
            "float"
        } else if vm.tid_of(callee) == tid::BUILTIN && vm.ld(callee.as_obj(), BI_SELF).is_null() {
            vm.builtin_name(callee)
        } else {
            return self.call_residual(vm, pc, 1, slots);
        };
        if !nul.is_null() {
            // `xs.append(v)` on a list (the list type's own method: it cannot change).
            let append = class_attr(vm, vm.rt.types().list, "append");
            if vm.tid_of(nul) != tid::LIST || append != Some(callee) {
                return self.call_residual(vm, pc, 1, slots);
            }
            let snap = self.snapshot(pc)?;
            let v = self.pop();
            let Av::Word(list) = self.pop() else { return Err("a call".into()) };
            self.pop();
            self.list_append(vm, list, nul, v, &snap)?;
            self.vals.push(Av::Word(Arg::Ref(Value::NONE.0)));
            return Ok(());
        }
        // The calls inlined below; the others go through the `call` helper.
        let a = *self.vals.last().expect("an argument");
        let number = matches!(a, Av::Int(_) | Av::Float { .. });
        let inline = match name {
            "len" => matches!(a, Av::Word(_)) && vm.tid_of(arg) == tid::LIST,
            "abs" | "float" => number,
            _ => number && self.d.math.iter().any(|(n, _)| *n == name),
        };
        if !inline {
            return self.call_residual(vm, pc, 1, slots);
        }
        let snap = self.snapshot(pc)?;
        let a = self.pop();
        self.pop();
        let Av::Word(f) = self.pop() else { return Err("a call".into()) };
        self.guard(Opcode::GuardValue, vec![f, konst(callee)?], &snap)?;
        let r = match (name, a) {
            ("len", Av::Word(l)) if vm.tid_of(arg) == tid::LIST => Av::Int(self.list_len(l, &snap)?),
            ("abs", Av::Int(x)) => {
                // |x| without a branch: (x ^ m) - m, m = -1 for a negative x, else 0; -SMALL_MIN
                // is not small.
                let lt = self.val(Opcode::IntLt, vec![x, Arg::Int(0)], None)?;
                let m = self.val(Opcode::IntSub, vec![Arg::Int(0), lt], None)?;
                let flipped = self.val(Opcode::IntXor, vec![x, m], None)?;
                let r = self.val(Opcode::IntSub, vec![flipped, m], None)?;
                self.small(r, &snap)?;
                Av::Int(r)
            }
            ("abs", Av::Float { .. }) => {
                let x = self.unbox(a)?;
                Av::Float { f: Some(self.val(Opcode::FloatAbs, vec![x], None)?), boxed: None }
            }
            ("float", Av::Int(_) | Av::Float { .. }) => Av::Float { f: Some(self.unbox(a)?), boxed: None },
            (_, Av::Int(_) | Av::Float { .. }) if self.d.math.iter().any(|(n, _)| *n == name) => {
                // A function of `math`: its domain (conservatively) and a finite result are
                // guarded; the rest (errors, infinities, NaNs) is the interpreter's.
                let f = self.d.math.iter().find(|(n, _)| *n == name).expect("found").1;
                let x = self.unbox(a)?;
                let ok = match name {
                    "math.sqrt" => Some(self.val(Opcode::FloatGe, vec![x, Arg::Float(0.0)], None)?),
                    "math.sin" | "math.cos" | "math.tan" => {
                        let m = self.val(Opcode::FloatAbs, vec![x], None)?;
                        Some(self.val(Opcode::FloatLt, vec![m, Arg::Float(f64::INFINITY)], None)?)
                    }
                    _ => None,
                };
                if let Some(ok) = ok {
                    self.guard(Opcode::GuardTrue, vec![ok], &snap)?;
                }
                let r = self.val(Opcode::CallF, vec![x], Some(f))?;
                let m = self.val(Opcode::FloatAbs, vec![r], None)?;
                let finite = self.val(Opcode::FloatLt, vec![m, Arg::Float(f64::INFINITY)], None)?;
                self.guard(Opcode::GuardTrue, vec![finite], &snap)?;
                Av::Float { f: Some(r), boxed: None }
            }
            _ => unreachable!("decided above"),
        };
        self.vals.push(r);
        Ok(())
    }

    /// `Call(2)` of `isinstance(x, C)` with a class `C` without a metaclass (none can hook the
    /// check): the answer is a constant once the exact type of `x` is guarded (an int or a
    /// float of the trace is one already; an instance's class is guarded by identity and
    /// version, which covers its bases).
    fn call_builtin2(&mut self, vm: &Vm, pc: usize, slots: &[Value]) -> Result<(), Abort> {
        use crate::layout::{BI_SELF, CLS_META, CLS_VERSION, INST_CLASS};
        let n = slots.len();
        let (callee, nul, x, cls) = (slots[n - 4], slots[n - 3], slots[n - 2], slots[n - 1]);
        let builtin = vm.tid_of(callee) == tid::BUILTIN && vm.ld(callee.as_obj(), BI_SELF).is_null();
        if !builtin || !nul.is_null() || vm.builtin_name(callee) != "isinstance" {
            return self.call_residual(vm, pc, 2, slots);
        }
        let t = vm.rt.types();
        let meta = if vm.tid_of(cls) == tid::CLASS { vm.rd(cls.as_obj(), CLS_META) } else { Value::NONE };
        if !(meta.is_null() || meta == Value::obj(t.type_)) {
            return Err("isinstance of something else than a class without a metaclass".into());
        }
        // `isinstance` of anything else than a number or an instance: through the helper.
        let inline = match self.vals[n - 2] {
            Av::Int(_) | Av::Float { .. } => true,
            Av::Word(_) => vm.tid_of(x) == tid::INSTANCE,
            _ => false,
        };
        if !inline {
            return self.call_residual(vm, pc, 2, slots);
        }
        let snap = self.snapshot(pc)?;
        let ca = self.pop();
        let xa = self.pop();
        self.pop();
        let (Av::Word(f), Av::Word(ca)) = (self.pop(), ca) else { return Err("a call".into()) };
        self.guard(Opcode::GuardValue, vec![f, konst(callee)?], &snap)?;
        self.guard(Opcode::GuardValue, vec![ca, konst(cls)?], &snap)?;
        match xa {
            Av::Int(_) | Av::Float { .. } => {}
            Av::Word(w) if vm.tid_of(x) == tid::INSTANCE => {
                let c = vm.rd(x.as_obj(), INST_CLASS);
                let d = self.d;
                self.guard(Opcode::GuardNonnullClass, vec![w, Arg::Int(tid::INSTANCE as i64)], &snap)?;
                let wc = self.load(Opcode::GetfieldR, w, d.inst_class)?;
                self.guard(Opcode::GuardValue, vec![wc, konst(c)?], &snap)?;
                let v = self.load(Opcode::GetfieldI, wc, d.class_version)?;
                self.guard(Opcode::GuardValue, vec![v, Arg::Int(vm.rd(c.as_obj(), CLS_VERSION).0 as i64)], &snap)?;
            }
            _ => unreachable!("decided above"),
        }
        let r = vm.isinstance(x, cls.as_obj());
        self.vals.push(Av::Word(Arg::Ref(Value::bool(r).0)));
        Ok(())
    }

    /// `LoadGlobal` through the interpreter's filled inline cache: the globals' (and for a
    /// built-in the builtins') structure version is guarded, and the value is read from its
    /// entry (values may change without a new version).
    fn load_global(&mut self, vm: &Vm, code: &Code, pc: usize) -> Result<(), Abort> {
        use crate::layout::*;
        let g = vm.rd(self.frame, F_GLOBALS);
        let Some((dict, ix, runtime)) = vm.ic_global_entry(code, pc, g) else {
            return Err("a global the interpreter has not cached".into());
        };
        let snap = self.snapshot(pc)?;
        // The globals' version (a name added there would hide a built-in), then the builtins'.
        let mut dicts = vec![g];
        if dict != g.as_obj() {
            dicts.push(Value::obj(dict));
        }
        for dv in dicts {
            let ver = self.load(Opcode::GetfieldI, konst(dv)?, self.d.dict_version)?;
            self.guard(Opcode::GuardValue, vec![ver, Arg::Int(vm.rd(dv.as_obj(), DICT_VERSION).0 as i64)], &snap)?;
        }
        let entries = self.load(Opcode::GetfieldR, konst(Value::obj(dict))?, self.d.dict_entries)?;
        let item = self.array_item(vm, entries, Arg::Int(3 * ix as i64 + 2), runtime, &snap)?;
        self.vals.push(item);
        Ok(())
    }

    /// `GetIter` of a list: a list iterator made in the trace (virtual until it escapes).
    fn get_iter(&mut self, vm: &Vm, pc: usize, v: Value) -> Result<(), Abort> {
        use crate::objects::iter::LIST_ITER;
        let Some(Av::Word(l)) = self.vals.last().copied() else { return Err("iterating over a number".into()) };
        let snap = self.snapshot(pc)?;
        if vm.tid_of(v) != tid::LIST {
            let v = self.pop();
            let words = self.helper_words([v])?;
            self.residual(self.d.helpers.iter, words, &snap, true)?;
            return Ok(());
        }
        let d = self.d;
        self.guard(Opcode::GuardNonnullClass, vec![l, Arg::Int(tid::LIST as i64)], &snap)?;
        let it = self.val(Opcode::New, vec![], Some(d.iter))?;
        self.store(it, Arg::Int(Value::int(LIST_ITER).0 as i64), d.iter_kind)?;
        self.store(it, l, d.listiter_list)?;
        self.store(it, Arg::Int(Value::int(0).0 as i64), d.listiter_index)?;
        self.pop();
        self.vals.push(Av::Word(it));
        Ok(())
    }

    /// `ForIter` over a range or list iterator: the iterator's fields are read and advanced in
    /// the trace. A loop must not end while it is recorded; a bridge may record the end (the
    /// iterator popped, the list iterator's list cleared as the interpreter does).
    fn for_iter(&mut self, vm: &Vm, pc: usize, it: Value) -> Result<(), Abort> {
        use crate::layout::*;
        use crate::objects::iter::{LIST_ITER, RANGE_ITER};
        let Some(Av::Word(ita)) = self.vals.last().copied() else { return Err("iterating over a number".into()) };
        if vm.tid_of(it) != tid::ITER {
            return Err("iterating over something else than a built-in iterator".into());
        }
        let o = it.as_obj();
        let kind = vm.ld(o, IT_KIND).as_int();
        let snap = self.snapshot(pc)?;
        let d = self.d;
        self.guard(Opcode::GuardNonnullClass, vec![ita, Arg::Int(tid::ITER as i64)], &snap)?;
        let k = self.load(Opcode::GetfieldI, ita, d.iter_kind)?;
        self.guard(Opcode::GuardValue, vec![k, Arg::Int(Value::int(kind).0 as i64)], &snap)?;
        let item = match kind {
            RANGE_ITER => {
                let left = self.load(Opcode::GetfieldI, ita, d.range_left)?;
                let left = self.untag(left)?;
                let more = self.val(Opcode::IntGt, vec![left, Arg::Int(0)], None)?;
                if vm.rd(o, IT_C).as_int() <= 0 {
                    if self.bridge.is_none() {
                        return Err(self.ended(pc));
                    }
                    self.guard(Opcode::GuardFalse, vec![more], &snap)?;
                    self.pop();
                    return Ok(());
                }
                self.guard(Opcode::GuardTrue, vec![more], &snap)?;
                let cur = self.load(Opcode::GetfieldI, ita, d.range_cur)?;
                let cur = self.untag(cur)?;
                let step = self.load(Opcode::GetfieldI, ita, d.range_step)?;
                let step = self.untag(step)?;
                let next = self.val(Opcode::IntAdd, vec![cur, step], None)?;
                self.small(next, &snap)?;
                let next = self.tag(next)?;
                self.store(ita, next, d.range_cur)?;
                let left = self.val(Opcode::IntSub, vec![left, Arg::Int(1)], None)?;
                let left = self.tag(left)?;
                self.store(ita, left, d.range_left)?;
                Av::Int(cur)
            }
            LIST_ITER => {
                let list = vm.rd(o, IT_A);
                let i = vm.rd(o, IT_B).as_int() as usize;
                let ended = list.is_null() || i >= vm.list_len(list);
                if ended && self.bridge.is_none() {
                    return Err(self.ended(pc));
                }
                let l = self.load(Opcode::GetfieldR, ita, d.listiter_list)?;
                if list.is_null() {
                    self.guard(Opcode::GuardIsnull, vec![l], &snap)?;
                    self.pop();
                    return Ok(());
                }
                self.guard(Opcode::GuardNonnull, vec![l], &snap)?;
                let idx = self.load(Opcode::GetfieldI, ita, d.listiter_index)?;
                let idx = self.untag(idx)?;
                let n = self.load(Opcode::GetfieldI, l, d.list_len)?;
                let n = self.untag(n)?;
                let inside = self.val(Opcode::IntLt, vec![idx, n], None)?;
                if ended {
                    self.guard(Opcode::GuardFalse, vec![inside], &snap)?;
                    self.store(ita, Arg::Ref(Value::NULL.0), d.listiter_list)?;
                    self.pop();
                    return Ok(());
                }
                let runtime_item = vm.list_get(list, i);
                self.guard(Opcode::GuardTrue, vec![inside], &snap)?;
                let arr = self.load(Opcode::GetfieldR, l, d.list_items)?;
                let next = self.val(Opcode::IntAdd, vec![idx, Arg::Int(1)], None)?;
                let next = self.tag(next)?;
                let item = self.array_item(vm, arr, idx, runtime_item, &snap)?;
                self.store(ita, next, d.listiter_index)?;
                item
            }
            _ => {
                // Any other built-in iterator advances in the `next` helper, which reports its
                // exhaustion as an exception (the interpreter ends the loop then).
                let words = self.helper_words([Av::Word(ita)])?;
                self.residual(self.d.helpers.next, words, &snap, true)?;
                self.pending_result = Some(Pending { for_pc: Some(pc) });
                return Ok(());
            }
        };
        self.vals.push(item);
        Ok(())
    }

    /// `a k b`: inline for small ints and floats under the operators the interpreter's fast
    /// paths take, else through the `binary` helper.
    fn binary(&mut self, k: u8, inplace: bool, snap: &Snapshot) -> Result<(), Abort> {
        let b = self.pop();
        let a = self.pop();
        let inline = match (a, b) {
            (Av::Int(_), Av::Int(_)) => {
                matches!(
                    k,
                    binop::ADD
                        | binop::SUB
                        | binop::MUL
                        | binop::FLOORDIV
                        | binop::MOD
                        | binop::AND
                        | binop::OR
                        | binop::XOR
                )
            }
            (Av::Float { .. } | Av::Int(_), Av::Float { .. } | Av::Int(_)) => {
                matches!(k, binop::ADD | binop::SUB | binop::MUL | binop::TRUEDIV | binop::POW)
            }
            _ => false,
        };
        if !inline {
            let flags = k as i64 | if inplace { super::helpers::INPLACE } else { 0 };
            let mut words = self.helper_words([a, b])?;
            words.push(Arg::Int(flags));
            self.residual(self.d.helpers.binary, words, snap, true)?;
            return Ok(());
        }
        let r = match (a, b) {
            (Av::Int(x), Av::Int(y)) => {
                let r = match k {
                    binop::ADD => self.val(Opcode::IntAdd, vec![x, y], None)?,
                    binop::SUB => self.val(Opcode::IntSub, vec![x, y], None)?,
                    binop::MUL => {
                        let r = self.val(Opcode::IntMulOvf, vec![x, y], None)?;
                        self.guard(Opcode::GuardNoOverflow, vec![], snap)?;
                        r
                    }
                    binop::FLOORDIV | binop::MOD => {
                        // A zero divisor raises in the interpreter.
                        let nz = self.val(Opcode::IntNe, vec![y, Arg::Int(0)], None)?;
                        self.guard(Opcode::GuardTrue, vec![nz], snap)?;
                        let op = if k == binop::MOD { Opcode::IntMod } else { Opcode::IntFloorDiv };
                        self.val(op, vec![x, y], None)?
                    }
                    binop::AND => self.val(Opcode::IntAnd, vec![x, y], None)?,
                    binop::OR => self.val(Opcode::IntOr, vec![x, y], None)?,
                    binop::XOR => self.val(Opcode::IntXor, vec![x, y], None)?,
                    _ => return Err(format!("int operator {}", binop::SYMBOLS[k as usize])),
                };
                if matches!(k, binop::ADD | binop::SUB | binop::MUL | binop::FLOORDIV) {
                    self.small(r, snap)?;
                }
                Av::Int(r)
            }
            (Av::Float { .. } | Av::Int(_), Av::Float { .. } | Av::Int(_)) => {
                let (x, y) = (self.unbox(a)?, self.unbox(b)?);
                let op = match k {
                    binop::ADD => Opcode::FloatAdd,
                    binop::SUB => Opcode::FloatSub,
                    binop::MUL => Opcode::FloatMul,
                    binop::TRUEDIV => {
                        let nz = self.val(Opcode::FloatNe, vec![y, Arg::Float(0.0)], None)?;
                        self.guard(Opcode::GuardTrue, vec![nz], snap)?;
                        Opcode::FloatTrueDiv
                    }
                    binop::POW => {
                        // A positive base (zero and negative ones raise or take the
                        // interpreter's path), a finite result (else OverflowError).
                        let pos = self.val(Opcode::FloatGt, vec![x, Arg::Float(0.0)], None)?;
                        self.guard(Opcode::GuardTrue, vec![pos], snap)?;
                        let r = self.val(Opcode::CallF, vec![x, y], Some(self.d.float_pow))?;
                        let finite = self.val(Opcode::FloatLt, vec![r, Arg::Float(f64::INFINITY)], None)?;
                        self.guard(Opcode::GuardTrue, vec![finite], snap)?;
                        self.vals.push(Av::Float { f: Some(r), boxed: None });
                        return Ok(());
                    }
                    _ => return Err(format!("float operator {}", binop::SYMBOLS[k as usize])),
                };
                Av::Float { f: Some(self.val(op, vec![x, y], None)?), boxed: None }
            }
            _ => return Err(format!("operator {} on other types", binop::SYMBOLS[k as usize])),
        };
        self.vals.push(r);
        Ok(())
    }

    /// `a k b`: inline for two small ints or two floats, else through the `compare` helper.
    fn compare(&mut self, pc: usize, k: u8) -> Result<(), Abort> {
        let n = self.vals.len();
        let inline = match (self.vals[n - 2], self.vals[n - 1]) {
            (Av::Int(_), Av::Int(_)) | (Av::Float { .. }, Av::Float { .. }) => true,
            // Mixed int/float comparisons are exact in Python; an int converted to f64 is exact
            // only below 2**53, so such mixes are the interpreter's.
            _ => false,
        };
        if !inline {
            let snap = self.snapshot(pc)?;
            let b = self.pop();
            let a = self.pop();
            let mut words = self.helper_words([a, b])?;
            words.push(Arg::Int(k as i64));
            self.residual(self.d.helpers.compare, words, &snap, true)?;
            return Ok(());
        }
        let b = self.pop();
        let a = self.pop();
        let int_ops = [Opcode::IntLt, Opcode::IntLe, Opcode::IntEq, Opcode::IntNe, Opcode::IntGt, Opcode::IntGe];
        let float_ops =
            [Opcode::FloatLt, Opcode::FloatLe, Opcode::FloatEq, Opcode::FloatNe, Opcode::FloatGt, Opcode::FloatGe];
        let c = match (a, b) {
            (Av::Int(x), Av::Int(y)) => self.val(int_ops[k as usize], vec![x, y], None)?,
            (Av::Float { .. } | Av::Int(_), Av::Float { .. } | Av::Int(_)) => {
                // Mixed int/float comparisons are exact in Python; an int converted to f64 is
                // exact only below 2**53, so such mixes are left to the interpreter.
                if matches!(a, Av::Int(_)) || matches!(b, Av::Int(_)) {
                    return Err("int compared with float".into());
                }
                let (x, y) = (self.unbox(a)?, self.unbox(b)?);
                self.val(float_ops[k as usize], vec![x, y], None)?
            }
            _ => return Err(format!("comparison {} on other types", cmpop::SYMBOLS[k as usize])),
        };
        self.vals.push(Av::Bool(c));
        Ok(())
    }

    /// The truth of `a` (the value `v` the frame holds now, on top of the stack at `pc`): what
    /// it is now, and the traced truth as an int (non-zero when true), as the interpreter's
    /// `truthy` decides it for bools, ints, floats, None, lists and instances of classes without
    /// `__bool__` and `__len__`. The guards this needs resume at `pc`, before the test.
    fn truth_of(&mut self, vm: &Vm, pc: usize, a: Av, v: Value) -> Result<(bool, Arg), Abort> {
        use crate::layout::INST_CLASS;
        match a {
            Av::Bool(c) => Ok((v == Value::TRUE, c)),
            Av::Int(i) => Ok((v.as_int() != 0, i)),
            Av::Float { .. } => {
                let f = self.unbox(a)?;
                Ok((vm.float_of(v.as_obj()) != 0.0, self.val(Opcode::FloatNe, vec![f, Arg::Float(0.0)], None)?))
            }
            Av::Tuple(_) => Err("truth of a tuple".into()),
            Av::Word(w) => {
                let snap = self.snapshot(pc)?;
                if v == Value::NONE || v == Value::TRUE || v == Value::FALSE {
                    // Specialized on the constant (another value fails the guard).
                    let same = self.val(Opcode::PtrEq, vec![w, Arg::Ref(v.0)], None)?;
                    self.guard(Opcode::GuardTrue, vec![same], &snap)?;
                    let t = v == Value::TRUE;
                    return Ok((t, Arg::Int(t as i64)));
                }
                if !v.is_ref() {
                    return Err("truth of an untraced value".into());
                }
                match vm.tid_of(v) {
                    tid::LIST => {
                        let n = self.list_len(w, &snap)?;
                        Ok((vm.list_len(v) != 0, n))
                    }
                    tid::INSTANCE => {
                        // True unless the class (or a base) defines `__bool__` or `__len__`;
                        // the class version guard keeps that so.
                        let cls = vm.rd(v.as_obj(), INST_CLASS).as_obj();
                        if class_attr(vm, cls, "__bool__").is_some() || class_attr(vm, cls, "__len__").is_some() {
                            return Err("truth of an instance with __bool__ or __len__".into());
                        }
                        self.guard_class(vm, w, v, &snap)?;
                        Ok((true, Arg::Int(1)))
                    }
                    _ => Err("truth of an object other than None, a bool, a list or an instance".into()),
                }
            }
        }
    }

    /// Whether `frame` is the frame being recorded (the first op of an inlined call names its
    /// new frame).
    pub fn follows(&mut self, frame: ObjRef) -> bool {
        if self.frame.0 == 0 {
            self.frame = frame;
        }
        self.frame == frame
    }

    /// `Call(n)` of a plain Python function (positional arguments only, no cells, not a
    /// generator): the callee is recorded inline. The function is guarded by its code and
    /// globals (a closure made anew each time round is the same function to the trace).
    fn inline_call(&mut self, vm: &Vm, pc: usize, n: usize, slots: &[Value]) -> Result<(), Abort> {
        use crate::layout::{FN_CODEPTR, FN_GLOBALS};
        let k = slots.len();
        let (callee, me) = (slots[k - n - 2], slots[k - n - 1]);
        if vm.tid_of(callee) != tid::FUNCTION {
            return Err("a call of something else than a plain function".into());
        }
        // A method call (`LoadMethod` left the receiver) passes it first.
        let nargs = n + !me.is_null() as usize;
        self.check_callee(vm, callee, nargs)?;
        let snap = self.snapshot(pc)?;
        let args = self.vals.split_off(self.vals.len() - nargs);
        if me.is_null() {
            self.pop();
        }
        let Av::Word(f) = self.pop() else { return Err("a call of a number".into()) };
        let codeptr = vm.ld(callee.as_obj(), FN_CODEPTR);
        self.guard(Opcode::GuardNonnullClass, vec![f, Arg::Int(tid::FUNCTION as i64)], &snap)?;
        let fc = self.load(Opcode::GetfieldI, f, self.d.fn_code)?;
        self.guard(Opcode::GuardValue, vec![fc, Arg::Int(codeptr.0 as i64)], &snap)?;
        let fg = self.load(Opcode::GetfieldR, f, self.d.fn_globals)?;
        self.guard(Opcode::GuardValue, vec![fg, konst(vm.ld(callee.as_obj(), FN_GLOBALS))?], &snap)?;
        self.enter(vm, pc, callee, f, args, None, &snap)
    }

    /// Whether a call of Python function `callee` with `nargs` positional arguments can be
    /// inlined.
    fn check_callee(&self, vm: &Vm, callee: Value, nargs: usize) -> Result<(), Abort> {
        use crate::compile::code::{CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};
        use crate::layout::{FN_CODEPTR, FN_DEFAULTS};
        let c = crate::compile::code::from_addr_word(vm.ld(callee.as_obj(), FN_CODEPTR).as_int());
        let defaults = vm.ld(callee.as_obj(), FN_DEFAULTS);
        let ndef = if defaults.is_null() { 0 } else { vm.tuple_len(defaults.as_obj()) };
        let argc = c.argcount as usize;
        if nargs > argc
            || nargs + ndef < argc
            || c.kwonlyargcount != 0
            || c.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) != 0
            || !c.cellvars.is_empty()
            || !c.freevars.is_empty()
        {
            return Err(format!("a call of {} with keyword-only arguments, cells, *args or a wrong count", c.name));
        }
        if self.callers.len() >= MAX_INLINE {
            return Err("calls nested too deep".into());
        }
        Ok(())
    }

    /// Enters Python function `callee` (`f` in the trace, its identity guarded by the caller)
    /// with `args`, missing ones from its defaults (guarded); `init`: the instance an
    /// `__init__` call initializes (the call's result).
    #[allow(clippy::too_many_arguments)]
    fn enter(
        &mut self,
        vm: &Vm,
        pc: usize,
        callee: Value,
        f: Arg,
        mut args: Vec<Av>,
        init: Option<Arg>,
        snap: &Snapshot,
    ) -> Result<(), Abort> {
        use crate::layout::{FN_CODEPTR, FN_DEFAULTS};
        if args.iter().any(|a| matches!(a, Av::Bool(_) | Av::Tuple(_))) {
            return Err("a comparison result or a tuple passed to a call".into());
        }
        let c = crate::compile::code::from_addr_word(vm.ld(callee.as_obj(), FN_CODEPTR).as_int());
        let argc = c.argcount as usize;
        let nargs = args.len();
        if nargs < argc {
            let defaults = vm.ld(callee.as_obj(), FN_DEFAULTS);
            let ndef = vm.tuple_len(defaults.as_obj());
            let fd = self.load(Opcode::GetfieldR, f, self.d.fn_defaults)?;
            self.guard(Opcode::GuardValue, vec![fd, konst(defaults)?], snap)?;
            for i in nargs..argc {
                args.push(const_av(vm, vm.tuple_get(defaults.as_obj(), ndef - (argc - i)))?);
            }
        }
        let mut callee_vals = args;
        callee_vals.resize(c.nlocals(), Av::Word(Arg::Ref(0)));
        let caller_vals = std::mem::replace(&mut self.vals, callee_vals);
        self.callers.push(Caller { frame: self.frame, code: self.code, vals: caller_vals, pc, func: f, init });
        // The callee's frame object is known at its first op.
        self.frame = ObjRef(0);
        self.code = c as *const Code as usize;
        Ok(())
    }

    /// `Call(n)` of a class whose instances are plain (`object.__new__`, no metaclass) and
    /// whose `__init__` is a plain Python function, or absent with no arguments: the instance
    /// is made in the trace and `__init__` recorded inline. The class and its version are
    /// guarded (the version covers `__new__` and `__init__` along the MRO).
    fn instantiate(&mut self, vm: &Vm, pc: usize, n: usize, slots: &[Value]) -> Result<(), Abort> {
        use crate::layout::{CLS_META, CLS_VERSION};
        let k = slots.len();
        let (cls, me) = (slots[k - n - 2], slots[k - n - 1]);
        let t = vm.rt.types();
        let c = cls.as_obj();
        let meta = vm.rd(c, CLS_META);
        if !me.is_null() || !(meta.is_null() || meta == Value::obj(t.type_)) {
            return Err("a call of a class with a metaclass".into());
        }
        if class_attr(vm, c, "__new__") != Some(Value::obj(t.object_new)) {
            return Err("a call of a class with its own __new__".into());
        }
        let init = class_attr(vm, c, "__init__").ok_or("a class without __init__")?;
        let plain_init = vm.tid_of(init) == tid::FUNCTION;
        if plain_init {
            self.check_callee(vm, init, n + 1)?;
        } else if init != Value::obj(t.object_init) || n != 0 {
            return Err("a call of a class with a built-in __init__".into());
        }
        let snap = self.snapshot(pc)?;
        let args = self.vals.split_off(self.vals.len() - n);
        self.pop();
        let Av::Word(f) = self.pop() else { return Err("a call of a number".into()) };
        let d = self.d;
        self.guard(Opcode::GuardValue, vec![f, konst(cls)?], &snap)?;
        let v = self.load(Opcode::GetfieldI, f, d.class_version)?;
        self.guard(Opcode::GuardValue, vec![v, Arg::Int(vm.rd(c, CLS_VERSION).0 as i64)], &snap)?;
        // As `new_instance` makes it: the class, the empty map, no slots yet.
        let obj = self.val(Opcode::New, vec![], Some(d.instance))?;
        self.store(obj, f, d.inst_class)?;
        self.store(obj, Arg::Int(Value::int(0).0 as i64), d.inst_map)?;
        if !plain_init {
            self.vals.push(Av::Word(obj));
            return Ok(());
        }
        let mut all = vec![Av::Word(obj)];
        all.extend(args);
        self.enter(vm, pc, init, konst(init)?, all, Some(obj), &snap)
    }

    /// Records `op` at `pc` (the frame holds `slots[0..sp]`); returns whether the loop closed.
    pub fn record(&mut self, vm: &Vm, code: &Code, pc: usize, op: Op, slots: &[Value]) -> Result<Step, Abort> {
        if let Some(p) = self.pending_result.take() {
            self.type_result(vm, pc, slots, p)?;
        }
        debug_assert_eq!(slots.len(), self.vals.len());
        if let Some(recv) = self.pending_method.take() {
            // What `LoadMethod` pushed: a plain function of the class and the receiver (the
            // guards recorded with it keep that true), or else an attribute (not traced).
            let (f, me) = (slots[slots.len() - 2], slots[slots.len() - 1]);
            let builtin_method = builtin_value(vm, me) && vm.tid_of(f) == tid::BUILTIN;
            if me.is_null() || (vm.tid_of(f) != tid::FUNCTION && !builtin_method) {
                return Err("a method call through something else than a plain function".into());
            }
            let n = self.vals.len();
            self.vals[n - 2] = Av::Word(konst(f)?);
            self.vals[n - 1] = Av::Word(recv);
        }
        let inlined = !self.callers.is_empty();
        if !inlined {
            if self.bridge.is_some() {
                // A bridge goes on past the loop's end (through an outer loop, say) until it
                // reaches the header of a compiled loop: its own loop's, or another's.
                if self.recorded > 0
                    && let Some(&(_, end)) = self.loops.iter().find(|l| l.0 == pc as u32)
                {
                    if pc == self.start as usize {
                        return Ok(Step::Close);
                    }
                    let jit = vm.rt.jit.as_ref().expect("recording with a JIT");
                    if let Some(l) = jit.header(self.home, pc as u32) {
                        self.close_to = Some(l);
                        return Ok(Step::Close);
                    }
                    // An enclosing loop is gone round (its header holds no compiled loop);
                    // any other loop would be unrolled.
                    if !(pc < self.start as usize && end > self.end) {
                        return Err("a bridge reaching a loop not compiled".into());
                    }
                }
            } else if pc < self.start as usize || pc > self.end {
                return Err(self.leave());
            }
            self.recorded += 1;
        }
        let code_id = Arg::Int(self.code as i64);
        self.emit(Opcode::DebugMergePoint, vec![code_id, Arg::Int(pc as i64)], None, None)?;
        if inlined && matches!(op, Op::ForIter(_) | Op::JumpBack(_)) {
            return Err("a loop inside an inlined call".into());
        }
        match op {
            Op::Nop | Op::Jump(_) => {}
            Op::JumpBack(t) if t == self.start => return Ok(Step::Close),
            Op::JumpBack(_) if self.bridge.is_some() => {
                // Another loop's back-edge (a bridge going round an outer loop): the
                // interpreter's commit point, where the transaction may break.
                let snap = self.snapshot(pc)?;
                self.emit(Opcode::BreakCheck, vec![], None, Some(snap))?;
            }
            Op::JumpBack(_) => return Err("an inner loop".into()),
            Op::GetIter => self.get_iter(vm, pc, slots[slots.len() - 1])?,
            Op::ListAppend(k) => {
                let snap = self.snapshot(pc)?;
                let v = self.pop();
                let l = slots[slots.len() - 1 - k as usize];
                let Av::Word(list) = self.vals[self.vals.len() - k as usize] else {
                    return Err("appending to a number".into());
                };
                if vm.tid_of(l) != tid::LIST {
                    return Err("appending to something else than a list".into());
                }
                self.list_append(vm, list, l, v, &snap)?;
            }
            Op::LoadDeref(i) => {
                // The slot holds the cell (the compiler puts one there); an empty cell raises
                // in the interpreter.
                let Av::Word(cell) = self.vals[i as usize] else { return Err("a cell slot holding a number".into()) };
                let v = vm.rd(slots[i as usize].as_obj(), crate::layout::CELL_VAL);
                if v.is_null() {
                    return Err("an empty cell".into());
                }
                let snap = self.snapshot(pc)?;
                let d = self.d;
                let av = self.read_word(vm, At::Field(cell), v, (d.cell_word, d.cell_ref), &snap)?;
                self.vals.push(av);
            }
            Op::StoreDeref(i) => {
                let Av::Word(cell) = self.vals[i as usize] else { return Err("a cell slot holding a number".into()) };
                let v = self.pop();
                let (w, item) = self.as_word(v)?;
                let d = if item == self.d.array_words { self.d.cell_word } else { self.d.cell_ref };
                self.store(cell, w, d)?;
            }
            Op::LoadFast(i) => {
                if slots[i as usize].is_null() {
                    return Err("an unbound local".into());
                }
                let v = self.vals[i as usize];
                self.vals.push(v);
            }
            Op::StoreFast(i) => {
                let v = self.pop();
                match v {
                    Av::Bool(_) => return Err("a comparison result stored in a local".into()),
                    Av::Tuple(_) => return Err("a tuple stored in a local".into()),
                    _ => {}
                }
                self.vals[i as usize] = v;
            }
            Op::Pop => {
                self.pop();
            }
            Op::Dup => {
                let v = self.vals[self.vals.len() - 1];
                self.vals.push(v);
            }
            Op::Dup2 => {
                let n = self.vals.len();
                let (a, b) = (self.vals[n - 2], self.vals[n - 1]);
                self.vals.extend([a, b]);
            }
            Op::Rot2 | Op::Rot3 | Op::Rot4 => {
                // TOS moves down by 1, 2 or 3 places, as in the interpreter.
                let k = match op {
                    Op::Rot2 => 2,
                    Op::Rot3 => 3,
                    _ => 4,
                };
                let n = self.vals.len();
                self.vals[n - k..].rotate_right(1);
            }
            Op::LoadGlobal(_) => self.load_global(vm, code, pc)?,
            Op::BuildTuple(n) => {
                let items = self.vals.split_off(self.vals.len() - n as usize);
                if items.iter().any(|a| matches!(a, Av::Tuple(_))) {
                    return Err("a tuple of tuples".into());
                }
                self.tuples.push(items);
                self.tuple_objs.push(None);
                self.vals.push(Av::Tuple(self.tuples.len() - 1));
            }
            Op::UnpackSequence(n) => match self.pop() {
                Av::Tuple(k) if self.tuples[k].len() == n as usize => {
                    let items = self.tuples[k].clone();
                    self.vals.extend(items.into_iter().rev());
                }
                Av::Word(t) => {
                    // A tuple object of that length (what else the interpreter unpacks, or a
                    // tuple of another length, fails the guards).
                    let v = slots[slots.len() - 1];
                    if vm.tid_of(v) != tid::TUPLE || vm.tuple_len(v.as_obj()) != n as usize {
                        return Err("unpacking something else than a tuple of that length".into());
                    }
                    // (Resumed at the unpacking, the tuple on the stack.)
                    self.vals.push(Av::Word(t));
                    let snap = self.snapshot(pc);
                    self.vals.pop();
                    let snap = snap?;
                    let d = self.d;
                    self.guard(Opcode::GuardNonnullClass, vec![t, Arg::Int(tid::TUPLE as i64)], &snap)?;
                    let len = self.load(Opcode::GetfieldI, t, d.tuple_len)?;
                    self.guard(Opcode::GuardValue, vec![len, Arg::Int(n as i64)], &snap)?;
                    for i in (0..n as usize).rev() {
                        let runtime = vm.tuple_get(v.as_obj(), i);
                        let item =
                            self.item(vm, t, Arg::Int(i as i64), runtime, (d.tuple_words, d.tuple_refs), &snap)?;
                        self.vals.push(item);
                    }
                }
                _ => return Err("unpacking something else than a tuple".into()),
            },
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                let a = *self.vals.last().expect("a value");
                let (truth, c) = self.truth_of(vm, pc, a, slots[slots.len() - 1])?;
                self.pop();
                let jumps = truth == matches!(op, Op::JumpIfTrueOrPop(_));
                // The guard fails when the other way is taken: resume there. Jumping keeps the
                // value on the stack; going on pops it.
                let snap = if jumps {
                    self.snapshot(pc + 1)?
                } else {
                    // Resumed at the target, the value (of the other truth) is on the stack.
                    self.vals.push(match a {
                        Av::Bool(_) => Av::Word(Arg::Ref(Value::bool(!truth).0)),
                        a => a,
                    });
                    let s = self.snapshot(t as usize);
                    self.vals.pop();
                    s?
                };
                let g = if truth { Opcode::GuardTrue } else { Opcode::GuardFalse };
                self.guard(g, vec![c], &snap)?;
                if jumps {
                    // The value stays; a comparison result is now a known bool.
                    let kept = match a {
                        Av::Bool(_) => Av::Word(Arg::Ref(Value::bool(truth).0)),
                        a => a,
                    };
                    self.vals.push(kept);
                }
            }
            Op::LoadConst(i) => {
                let consts = vm.ld(vm.ld(self.frame, crate::layout::F_CODE).as_obj(), crate::layout::CODE_CONSTS);
                let v = vm.tuple_get(consts.as_obj(), i as usize);
                self.vals.push(const_av(vm, v)?);
            }
            Op::Binary(k) | Op::InplaceBinary(k) => {
                let snap = self.snapshot(pc)?;
                self.binary(k, matches!(op, Op::InplaceBinary(_)), &snap)?;
            }
            Op::Unary(k) => {
                let snap = self.snapshot(pc)?;
                let a = self.pop();
                let r = match (k, a) {
                    (unop::POS, Av::Int(_) | Av::Float { .. }) => a,
                    (unop::NEG, Av::Int(x)) => {
                        let r = self.val(Opcode::IntSub, vec![Arg::Int(0), x], None)?;
                        self.small(r, &snap)?;
                        Av::Int(r)
                    }
                    (unop::INVERT, Av::Int(x)) => Av::Int(self.val(Opcode::IntInvert, vec![x], None)?),
                    (unop::NEG, Av::Float { .. }) => {
                        let f = self.unbox(a)?;
                        Av::Float { f: Some(self.val(Opcode::FloatNeg, vec![f], None)?), boxed: None }
                    }
                    _ => return Err("unary operator on other types".into()),
                };
                self.vals.push(r);
            }
            Op::Compare(k) => self.compare(pc, k)?,
            Op::In(negated) => {
                let snap = self.snapshot(pc)?;
                let container = self.pop();
                let item = self.pop();
                let mut words = self.helper_words([container, item])?;
                words.push(Arg::Int(negated as i64));
                self.residual(self.d.helpers.contains, words, &snap, true)?;
            }
            Op::BuildList(n) | Op::BuildSet(n) | Op::BuildString(n) | Op::BuildMap(n)
                if n as usize * (1 + matches!(op, Op::BuildMap(_)) as usize) <= super::helpers::MAX_CALL_ARGS =>
            {
                use crate::interp::ops::Build;
                let (kind, n) = match op {
                    Op::BuildList(_) => (Build::List, n),
                    Op::BuildSet(_) => (Build::Set, n),
                    Op::BuildMap(_) => (Build::Map, 2 * n),
                    _ => (Build::String, n),
                };
                let kind = super::helpers::BUILDS.iter().position(|b| *b == kind).expect("a helper's kind");
                let snap = self.snapshot(pc)?;
                let items = self.vals.split_off(self.vals.len() - n as usize);
                let mut words = vec![Arg::Int(kind as i64), Arg::Int(n as i64)];
                words.extend(self.helper_words(items)?);
                words.resize(2 + super::helpers::MAX_CALL_ARGS, Arg::Int(0));
                self.residual(self.d.helpers.build, words, &snap, true)?;
            }
            Op::BuildSlice(n) => {
                let snap = self.snapshot(pc)?;
                let step = if n == 3 { self.pop() } else { Av::Word(Arg::Ref(Value::NONE.0)) };
                let stop = self.pop();
                let start = self.pop();
                let words = self.helper_words([start, stop, step])?;
                self.residual(self.d.helpers.slice, words, &snap, true)?;
            }
            Op::Is(negated) => {
                let b = self.pop();
                let a = self.pop();
                let (Av::Word(x), Av::Word(y)) = (a, b) else { return Err("`is` on numbers".into()) };
                let op = if negated { Opcode::PtrNe } else { Opcode::PtrEq };
                let c = self.val(op, vec![x, y], None)?;
                self.vals.push(Av::Bool(c));
            }
            Op::Not => {
                let a = *self.vals.last().expect("a value");
                let (_, t) = self.truth_of(vm, pc, a, slots[slots.len() - 1])?;
                self.pop();
                let c = self.val(Opcode::IntIsZero, vec![t], None)?;
                self.vals.push(Av::Bool(c));
            }
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                let a = *self.vals.last().expect("a value");
                let (truth, c) = self.truth_of(vm, pc, a, slots[slots.len() - 1])?;
                self.pop();
                let jumps = truth == matches!(op, Op::PopJumpIfTrue(_));
                // The guard fails when the other way is taken: resume there, the value popped.
                let other = if jumps { pc + 1 } else { t as usize };
                let snap = self.snapshot(other)?;
                let g = if truth { Opcode::GuardTrue } else { Opcode::GuardFalse };
                self.guard(g, vec![c], &snap)?;
            }
            Op::ForIter(_) => self.for_iter(vm, pc, slots[slots.len() - 1])?,
            Op::Subscr => {
                let (o, i) = (slots[slots.len() - 2], slots[slots.len() - 1]);
                let snap = self.snapshot(pc)?;
                let ia = self.pop();
                let oa = self.pop();
                if !list_index_of(vm, o, i) {
                    let words = self.helper_words([oa, ia])?;
                    self.residual(self.d.helpers.getitem, words, &snap, true)?;
                    return Ok(Step::Go);
                }
                let (arr, idx) = self.list_index(vm, oa, o, ia, i, &snap)?;
                let runtime = vm.list_get(o, i.as_int() as usize);
                let item = self.array_item(vm, arr, idx, runtime, &snap)?;
                self.vals.push(item);
            }
            Op::StoreSubscr => {
                let (o, i) = (slots[slots.len() - 2], slots[slots.len() - 1]);
                let snap = self.snapshot(pc)?;
                let ia = self.pop();
                let oa = self.pop();
                let va = self.pop();
                if !list_index_of(vm, o, i) {
                    let words = self.helper_words([oa, ia, va])?;
                    self.residual(self.d.helpers.setitem, words, &snap, false)?;
                    return Ok(Step::Go);
                }
                let (arr, idx) = self.list_index(vm, oa, o, ia, i, &snap)?;
                let (word, descr) = self.as_word(va)?;
                self.emit(Opcode::Setarrayitem, vec![arr, idx, word], Some(descr), None)?;
            }
            Op::PushNull => self.vals.push(Av::Word(Arg::Ref(0))),
            Op::LoadMethod(_) => {
                // The method found depends on the receiver's class (its version covers the
                // bases) and on the instance not having an attribute of that name (its map).
                use crate::layout::*;
                let o = slots[slots.len() - 1];
                let builtin = builtin_value(vm, o);
                if !builtin && (vm.tid_of(o) != tid::INSTANCE || vm.rd(o.as_obj(), INST_MAP).as_int() == DICT_MODE) {
                    return Err("a method of something else than an instance or a built-in value".into());
                }
                let snap = self.snapshot(pc)?;
                let Av::Word(recv) = self.pop() else { return Err("a method of a number".into()) };
                if builtin {
                    // The built-in types' methods never change.
                    self.guard(Opcode::GuardNonnullClass, vec![recv, Arg::Int(vm.tid_of(o) as i64)], &snap)?;
                } else {
                    self.guard_shape(vm, recv, o, &snap)?;
                }
                self.vals.extend([Av::Word(recv), Av::Word(recv)]);
                self.pending_method = Some(recv);
            }
            Op::LoadAttr(n) => {
                let o = slots[slots.len() - 1];
                let snap = self.snapshot(pc)?;
                let oa = self.pop();
                if vm.ic_plain_slot(code, pc, o).is_none()
                    && let Some(v) = self.class_constant(vm, n, oa, o, &snap)?
                {
                    self.vals.push(v);
                    return Ok(Step::Go);
                }
                let (islots, slot) = self.instance_slot(vm, code, pc, n, oa, o, &snap)?;
                let held = vm.rd(o.as_obj(), crate::layout::INST_SLOTS).as_obj();
                let runtime = vm.rd(held, crate::layout::ARRAY_ITEMS + 8 * slot as u64);
                let v = self.array_item(vm, islots, Arg::Int(slot), runtime, &snap)?;
                if let Av::Word(w) = v {
                    // A deleted attribute leaves its slot NULL under the same map.
                    self.guard(Opcode::GuardNonnull, vec![w], &snap)?;
                }
                self.vals.push(v);
            }
            Op::StoreAttr(n) => {
                let o = slots[slots.len() - 1];
                let snap = self.snapshot(pc)?;
                let oa = self.pop();
                let va = self.pop();
                let (islots, slot) = match vm.ic_transition(code, pc, o) {
                    Some((map, slot)) => self.add_attribute(vm, oa, o, map, slot, &snap)?,
                    None => self.instance_slot(vm, code, pc, n, oa, o, &snap)?,
                };
                let (word, descr) = self.as_word(va)?;
                self.emit(Opcode::Setarrayitem, vec![islots, Arg::Int(slot), word], Some(descr), None)?;
            }
            Op::Call(n) if vm.tid_of(slots[slots.len() - n as usize - 2]) == tid::FUNCTION => {
                self.inline_call(vm, pc, n as usize, slots)?
            }
            Op::Call(n)
                if vm.tid_of(slots[slots.len() - n as usize - 2]) == tid::CLASS
                    && !helper_callable(vm, slots[slots.len() - n as usize - 2]) =>
            {
                self.instantiate(vm, pc, n as usize, slots)?
            }
            Op::Call(1) => self.call_builtin(vm, pc, slots)?,
            Op::Call(2) => self.call_builtin2(vm, pc, slots)?,
            Op::Call(n) => self.call_residual(vm, pc, n as usize, slots)?,
            Op::Return if inlined => {
                // (A comparison result or a tuple built on the stack goes to the caller's stack
                // as it is: SSA values and `tuples` belong to the whole trace.)
                let v = self.pop();
                let c = self.callers.pop().expect("inlined");
                // `__init__` returns None (else a TypeError); the call gives the instance.
                let v = match c.init {
                    Some(o) if matches!(v, Av::Word(Arg::Ref(r)) if r == Value::NONE.0) => Av::Word(o),
                    Some(_) => return Err("__init__ returning something else than None".into()),
                    None => v,
                };
                self.frame = c.frame;
                self.code = c.code;
                self.vals = c.vals;
                self.vals.push(v);
            }
            Op::Return => return Err(self.leave()),
            // A generator's loop is compiled up to its `yield`, which the interpreter does: the
            // value leaves through an exit, and the back-edge after the generator is resumed
            // enters the trace again.
            Op::Yield if !inlined => return Ok(Step::Yield),
            op => return Err(format!("{op:?} is not traced yet")),
        }
        Ok(Step::Go)
    }

    /// Ends the trace at the loop's back-edge (`pc`: the backward jump); returns the optimized,
    /// compiled loop, or for a bridge the compiled bridge (attached by the caller).
    pub fn close(mut self, vm: &Vm, pc: usize, at_yield: bool) -> Result<Closed, Abort> {
        // A bridge to another loop jumps there (through a jump target added to its own
        // descriptors; the ids it recorded with stay valid).
        let mut d = self.em.d;
        let mut target = self.bridge.as_ref().map(|b| b.2);
        let other = self.close_to.take();
        if let Some(l) = &other {
            let mut table = d.clone();
            let t = &l.trace.trace;
            let args = t.inputs.iter().map(|v| t.types[v.0 as usize]).collect();
            let code = Arc::new(AtomicU64::new(l.trace.code_addr()));
            target = Some(table.add("loop", Descr::Target(TargetDescr { args, code })));
            // Kept for as long as the bridge lives: with the process.
            d = Box::leak(Box::new(table));
            self.entry = l.entry.clone();
        }
        let snap = self.snapshot(pc)?;
        if at_yield {
            if self.em.out.ops.len() < MIN_YIELD_TRACE {
                return Err(
                    "a generator's loop too short to pay for entering and leaving compiled code at each item".into()
                );
            }
            self.emit(Opcode::Exit, vec![], None, Some(snap))?;
            return self.compile(vm, d);
        }
        if self.vals.len() != self.entry.len() {
            return Err("the stack depth differs at the back-edge".into());
        }
        let mut args = Vec::new();
        for k in 0..self.entry.len() {
            let a = match (self.entry[k], self.vals[k]) {
                (Kind::Int, Av::Int(a)) | (Kind::Word, Av::Word(a)) => a,
                (Kind::Float, Av::Float { f, boxed }) => match boxed {
                    Some(b) => b,
                    None => self.box_float(f.expect("a float has a value or a box"))?,
                },
                // A bridge may hold as any word what the loop takes as a float.
                (Kind::Float, Av::Word(a)) if self.bridge.is_some() => {
                    self.guard(Opcode::GuardNonnullClass, vec![a, Arg::Int(tid::FLOAT as i64)], &snap)?;
                    a
                }
                _ => return Err(format!("local {k} changes type in the loop")),
            };
            args.push(a);
        }
        self.emit(Opcode::Jump, args, target, None)?;
        self.compile(vm, d)
    }

    /// Optimizes, compiles and logs the finished trace (`d`: its descriptors).
    fn compile(self, vm: &Vm, d: &'static Descrs) -> Result<Closed, Abort> {
        let jit = vm.rt.jit.as_ref().expect("recording with a JIT");
        let trace = self.em.finish();
        let t0 = std::time::Instant::now();
        let opt = jit::opt::optimize(&trace, d).map_err(|e| e.to_string())?;
        let times = jit::log::Times { tracing: t0 - self.started, optimizing: t0.elapsed() };
        let kind = match &self.bridge {
            Some((_, (id, exit), _)) => jit::TraceKind::Bridge { parent: *id, exit: *exit as u32 },
            None => jit::TraceKind::Loop,
        };
        let ct = jit.backend.compile(&opt, d, kind).map_err(|e| e.to_string())?;
        jit.log_trace(&ct, &trace, &opt, times, d);
        jit.stats.compile_ns.fetch_add(t0.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
        if super::debug() {
            eprintln!(
                "jit: compiled {} at pc {} of {:#x}: {} ops recorded, {} after optimization\n{}",
                if self.bridge.is_some() { "bridge" } else { "loop" },
                self.start,
                self.code,
                trace.ops.len(),
                opt.ops.len(),
                text::print(&opt, d)
            );
        }
        Ok(match self.bridge {
            Some((parent, from, _)) => Closed::Bridge { parent, from, trace: ct },
            None => Closed::Loop(Loop::new(ct, self.entry, self.start)),
        })
    }

    /// A loop recording reached the end of the `for` loop at `pc`: its own (to be tried
    /// again), or an inner one's.
    fn ended(&mut self, pc: usize) -> Abort {
        if self.callers.is_empty() && pc == self.start as usize { self.leave() } else { "an inner loop".into() }
    }

    /// The loop ends (or is left) before the recording closes it.
    fn leave(&mut self) -> Abort {
        self.left_loop = true;
        "the loop ended while it was recorded".into()
    }

    /// The loop and exit a bridge recording starts from.
    pub fn bridge_of(&self) -> Option<(&Arc<Loop>, ExitId)> {
        self.bridge.as_ref().map(|(l, e, _)| (l, *e))
    }
}

/// What a finished recording gives.
pub enum Closed {
    Loop(Loop),
    Bridge { parent: Arc<Loop>, from: ExitId, trace: jit::CompiledTrace },
}
