//! The dispatch loop. Python-to-Python calls push a heap frame and switch to it in the same
//! loop (no Rust recursion); a builtin that calls back into Python runs a nested loop. Only the
//! outermost loop has commit points (backward jumps and calls): there it flushes the frame,
//! answers safe points, commits when the transaction is long enough, and restarts from the last
//! commit after an abort. This file owns control flow and the exception table walk; the
//! semantics of each operation live in `ops.rs`, `call.rs` and `objects/`.

use super::ops::Build;
use super::{R, Unwind, Vm};
use crate::compile::code::{self, Code, INPLACE, Op};
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

/// The slots of the running frame, accessed without barriers: the dispatch loop applies the
/// frame's barriers once per transaction and frame switch (`frame_barrier`), which covers the
/// whole object, and frames are touched only by the thread running them.
#[derive(Copy, Clone)]
struct Slots {
    ptr: *mut u64,
    len: usize,
}

impl Slots {
    #[inline(always)]
    fn get(self, i: usize) -> Value {
        debug_assert!(i < self.len);
        // SAFETY: `ptr` covers `len` words of the frame (checked by `Thread::fields_ptr`); the
        // compiler bounds every slot index by the code's `nslots` (stack depth included); the
        // pointer is renewed whenever the frame may have moved (frame switch, commit point).
        Value(unsafe { self.ptr.add(i).read_volatile() })
    }
    #[inline(always)]
    fn set(self, i: usize, v: Value) {
        debug_assert!(i < self.len);
        // SAFETY: as in `get`; the frame's write barrier was applied at the switch.
        unsafe { self.ptr.add(i).write_volatile(v.0) }
    }
}

/// Built-ins written in Python: (name, the shipped module defining it). They are compiled on
/// first use, not at every start-up.
pub(crate) const LAZY_BUILTINS: &[(&str, &str)] =
    &[("bytearray", "_pystm_bytearray"), ("complex", "_pystm_complex"), ("memoryview", "_pystm_memoryview")];

/// How long a thread keeps its segment across commits while others wait for one (CPython's
/// default `sys.getswitchinterval()`).
const SWITCH_INTERVAL: std::time::Duration = std::time::Duration::from_millis(5);

/// Frame entry flags (F_ENTRY): returning from this frame returns from the dispatch loop that
/// runs it.
pub const ENTRY_RUST: i64 = 1;
/// An `__init__` frame pushed by a class call: its result is the instance kept in F_GEN.
pub const ENTRY_INIT: i64 = 2;
/// A generator frame resumed by the caller's `ForIter` in the same loop: a yield pushes the
/// value in the caller and goes on after its `ForIter`; a return ends the caller's loop.
pub const ENTRY_FORITER: i64 = 4;
/// A generator or coroutine frame resumed by the caller's `YieldFrom` (`yield from`, `await`)
/// in the same loop: a yield suspends the caller too and passes the value on from there; a
/// return gives the caller the `yield from`'s value.
pub const ENTRY_AWAIT: i64 = 8;
/// A generator or coroutine frame resumed by the caller's call of its `send` method in the same
/// loop: a yield is the call's result; a return raises StopIteration in the caller.
pub const ENTRY_SEND: i64 = 16;
/// The entries of a generator frame resumed in its caller's loop.
pub const ENTRY_SWITCHED: i64 = ENTRY_FORITER | ENTRY_AWAIT | ENTRY_SEND;

impl Vm {
    /// The running frame's slots (locals, cells, stack) as a raw word array.
    #[inline(always)]
    fn frame_slots(&self, f: ObjRef) -> Slots {
        let n = self.ld(f, F_NSLOTS).as_int() as usize;
        Slots { ptr: self.m.th().fields_ptr(f, F_SLOTS, n.max(1) as u64), len: n }
    }
    /// Read and write barriers for the frame being switched to.
    #[inline(always)]
    pub(super) fn frame_barrier(&mut self, f: ObjRef) -> R<()> {
        self.m.thread().write(f).map_err(|_| Unwind::Abort)
    }

    #[inline(always)]
    pub fn slot(&self, f: ObjRef, i: usize) -> Value {
        self.rd(f, F_SLOTS + 8 * i as u64)
    }
    #[inline(always)]
    pub fn set_slot(&mut self, f: ObjRef, i: usize, v: Value) -> R<()> {
        self.st(f, F_SLOTS + 8 * i as u64, v)
    }

    #[inline]
    pub fn frame_code(&self, f: ObjRef) -> &'static Code {
        code::from_addr_word(self.ld(f, F_CODEPTR).as_int())
    }

    /// Runs `f` (its F_ENTRY is ENTRY_RUST; F_BACK is set to the current frame here) until it
    /// returns or yields. `self.yielded` tells which.
    pub fn run_frame(&mut self, f: ObjRef) -> R<Value> {
        if self.in_helper {
            // Compiled code's helper reached Python code: it leaves the trace, and the
            // interpreter runs the whole operation again (see `jit/helpers.rs`).
            return Err(self.new_error("RuntimeError", "Python code reached from a JIT helper"));
        }
        let back = self.frame;
        self.st(f, F_BACK, Value::obj(back))?;
        let e = self.rd(f, F_ENTRY).as_int();
        self.st(f, F_ENTRY, Value::int(e | ENTRY_RUST))?;
        self.nesting += 1;
        self.call_depth += 1;
        if self.call_depth > self.recursion_limit {
            self.call_depth -= 1;
            self.nesting -= 1;
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.frame = f;
        let r = self.dispatch();
        self.nesting -= 1;
        r
    }

    /// Writes the running frame's pc and stack pointer into it.
    #[inline(always)]
    /// (Only for the running frame, whose barriers `frame_barrier` applied.)
    pub(super) fn flush(&mut self, f: ObjRef, pc: usize, sp: usize) -> R<()> {
        self.init(f, F_PC, Value::int(pc as i64));
        self.init(f, F_SP, Value::int(sp as i64));
        Ok(())
    }

    /// A commit point of the outermost loop: safe point, and commit when the transaction is
    /// long enough. The frame may move (returned).
    #[inline]
    fn commit_point(&mut self, f: ObjRef, pc: usize, sp: usize, backward_jump: bool) -> R<ObjRef> {
        if !self.commit_point_due(backward_jump) {
            return Ok(f);
        }
        self.commit_point_slow(f, pc, sp)
    }

    /// Whether a commit point has work to do (`commit_point_slow`): commit, collect, or answer
    /// another thread. When not, the frame stays where it is.
    #[inline(always)]
    fn commit_point_due(&mut self, backward_jump: bool) -> bool {
        // A loop's commit point counts toward the transaction's length even if the loop
        // allocates nothing (the 16-byte dummy object), so that every loop commits now and then.
        // (A call allocated its frame already.)
        if backward_jump && self.m.dummy_alloc().is_err() {
            eprintln!("Fatal Python error: cannot allocate memory");
            std::process::exit(1);
        }
        self.commit_points = self.commit_points.wrapping_add(1);
        let check_heap = self.commit_points & 63 == 0;
        self.m.should_break() || self.m.safe_point_due(check_heap)
    }

    /// The frame's pc and stack pointer are written first: the collector traces its stack up
    /// to the stack pointer.
    #[cold]
    fn commit_point_slow(&mut self, f: ObjRef, pc: usize, sp: usize) -> R<ObjRef> {
        self.flush(f, pc, sp)?;
        self.mcache_flush();
        self.m.roots().words[super::ROOT_FRAME] = f.0;
        let committing = self.m.should_break();
        let r = if committing {
            self.commit()?;
            // Threads waiting for a segment (more threads than segments, or `-X gil`) get
            // this one after a switch interval of running, as CPython's GIL is handed over.
            if self.segment_held_since.elapsed() >= SWITCH_INTERVAL && self.m.thread().yield_segment() {
                self.segment_held_since = std::time::Instant::now();
            }
            self.m.start();
            Ok(())
        } else {
            self.m.safe_point()
        };
        match r {
            Ok(()) => {
                let f = ObjRef(self.m.roots().words[super::ROOT_FRAME]);
                self.frame_barrier(f)?;
                // An abort restarts from the last *commit*: a safe point that only collected
                // moved the frame but committed nothing.
                if committing {
                    self.set_restart_point(f);
                    self.resume_fix = None;
                }
                Ok(f)
            }
            Err(gc::GcError::Aborted(_)) => Err(Unwind::Abort),
            Err(e) => super::fatal_gc(e),
        }
    }

    /// In a nested loop (which cannot commit) while other threads wait for a segment: after a
    /// switch interval that doubles with each consecutive time, abort to give the segment up and
    /// redo the work from the last commit (a loop polling a flag another thread sets would
    /// otherwise hold the only segment of `-X gil` forever; a long computation is redone at
    /// most about as long again).
    #[cold]
    fn nested_loop_should_yield(&mut self) -> bool {
        if self.m.th().is_inevitable() {
            return false;
        }
        let since = *self.nested_clock.get_or_insert_with(std::time::Instant::now);
        if since.elapsed() < SWITCH_INTERVAL * (1 << self.nested_yields.min(10)) {
            return false;
        }
        self.nested_yields += 1;
        self.nested_yield = true;
        self.m.abort();
        true
    }

    /// A generator frame resumed in its caller's loop (`ENTRY_SWITCHED`) yields (`suspended`)
    /// or ends: its generator is left so, and the caller runs on.
    fn switched_leave(&mut self, f: ObjRef, entry: i64, suspended: bool) -> R<()> {
        let g = self.rd(f, F_GEN);
        self.st(f, F_ENTRY, Value::int(entry & !ENTRY_SWITCHED))?;
        self.gen_leave(g, suspended)
    }

    /// Resumes generator `g` with `v` in the running loop, entered as `how` (`ENTRY_SWITCHED`)
    /// from `frame`, which was flushed: its frame, or None when it cannot be resumed so (the
    /// slow path gives the answer). Like a call: its body reaches this loop's commit points.
    fn switch_into(&mut self, g: Value, v: Value, how: i64, frame: ObjRef) -> R<Option<ObjRef>> {
        if self.pending_throw.is_some() {
            return Ok(None);
        }
        let Some(gf) = self.gen_enter(g, v)? else { return Ok(None) };
        self.call_depth += 1;
        if self.call_depth > self.recursion_limit {
            self.call_depth -= 1;
            self.gen_leave(g, false)?;
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let e = self.rd(gf, F_ENTRY).as_int();
        self.st(gf, F_ENTRY, Value::int((e & !ENTRY_RUST) | how))?;
        self.st(gf, F_BACK, Value::obj(frame))?;
        Ok(Some(gf))
    }

    pub fn dispatch(&mut self) -> R<Value> {
        let mut frame = self.frame;
        let mut code = self.frame_code(frame);
        let mut pc = self.rd(frame, F_PC).as_int() as usize;
        let mut sp = self.rd(frame, F_SP).as_int() as usize;
        let mut consts = self.ld(self.ld(frame, F_CODE).as_obj(), CODE_CONSTS).as_obj();
        let outermost = self.nesting == 1;

        self.frame_barrier(frame)?;
        let mut slots = self.frame_slots(frame);
        macro_rules! reload {
            () => {{
                if let Err(a) = self.frame_barrier(frame) {
                    return Err(a);
                }
                slots = self.frame_slots(frame);
                self.frame = frame;
                code = self.frame_code(frame);
                pc = self.rd(frame, F_PC).as_int() as usize;
                sp = self.rd(frame, F_SP).as_int() as usize;
                consts = self.ld(self.ld(frame, F_CODE).as_obj(), CODE_CONSTS).as_obj();
            }};
        }

        let mut thrown = self.pending_throw.take();
        'dispatch: loop {
            // One instruction; `break 'op err` leaves with an error to handle below.
            let err: Unwind = 'op: {
                if let Some(e) = thrown.take() {
                    break 'op Unwind::Exc(e);
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op e,
                        }
                    };
                }
                macro_rules! push {
                    ($v:expr) => {{
                        let v = $v;
                        slots.set(sp, v);
                        sp += 1;
                    }};
                }
                macro_rules! pop {
                    () => {{
                        sp -= 1;
                        slots.get(sp)
                    }};
                }
                macro_rules! top {
                    () => {
                        slots.get(sp - 1)
                    };
                }
                macro_rules! peek {
                    ($n:expr) => {
                        slots.get(sp - $n)
                    };
                }
                // Goes on in generator frame `gf` resumed by `switch_into`: like a call, a
                // commit point of the outermost loop.
                macro_rules! enter_switched {
                    ($gf:expr) => {{
                        frame = $gf;
                        if outermost {
                            let (p, s) =
                                (self.rd(frame, F_PC).as_int() as usize, self.rd(frame, F_SP).as_int() as usize);
                            frame = tri!(self.commit_point(frame, p, s, false));
                        }
                        reload!();
                        continue 'dispatch;
                    }};
                }
                // A call's new frame `nf` becomes the running one: this frame's pc and stack
                // pointer saved, the depth checked, `nf` linked back (it is young: no barrier).
                macro_rules! enter_call {
                    ($nf:expr) => {{
                        let nf = $nf;
                        tri!(self.flush(frame, pc, sp));
                        self.call_depth += 1;
                        if self.call_depth > self.recursion_limit {
                            self.call_depth -= 1;
                            break 'op self.new_error("RecursionError", "maximum recursion depth exceeded");
                        }
                        self.init(nf, F_BACK, Value::obj(frame));
                        frame = nf;
                    }};
                }
                // Where the STM records this thread's writes (and reports its conflicts).
                macro_rules! mark {
                    () => {
                        self.m.thread().set_marker(crate::stmlog::marker(code.id, pc))
                    };
                }
                let op = if self.jit.rec.is_some() {
                    // A recording sees the plain instructions. (It follows one frame: ops of any
                    // other, in this loop or a nested one, end it.)
                    let op = code.ops[pc];
                    self.jit_record(frame, code, pc, op, sp);
                    op
                } else {
                    code.fast[pc]
                };
                if cfg!(debug_assertions) && std::env::var_os("PYSTM_TRACE").is_some() {
                    eprintln!("  pc={pc} sp={sp} {op:?}");
                }
                // The instructions that superinstructions pair, each written once.
                macro_rules! load_fast {
                    ($i:expr) => {{
                        let v = slots.get($i as usize);
                        if v.is_null() {
                            let n = &code.varnames[$i as usize];
                            break 'op self.new_error(
                                "UnboundLocalError",
                                &format!("cannot access local variable '{n}' where it is not associated with a value"),
                            );
                        }
                        push!(v)
                    }};
                }
                macro_rules! store_fast {
                    ($i:expr) => {{
                        let v = pop!();
                        slots.set($i as usize, v);
                    }};
                }
                macro_rules! load_const {
                    ($i:expr) => {
                        push!(self.tuple_get(consts, $i as usize))
                    };
                }
                macro_rules! load_attr {
                    ($n:expr) => {{
                        let o = top!();
                        let v = match self.ic_load(code, pc, o) {
                            Some(v) => v,
                            None => {
                                // (The slow path may run Python code or read the frame's line:
                                // the marker names this instruction.)
                                mark!();
                                let key = self.name_const(frame, $n);
                                let v = tri!(self.getattr(o, key));
                                tri!(self.ic_fill_load(code, pc, o, key));
                                v
                            }
                        };
                        slots.set(sp - 1, v);
                    }};
                }
                macro_rules! load_method {
                    ($n:expr) => {{
                        let o = top!();
                        let (a, b) = match self.ic_method(code, pc, o) {
                            Some(m) => (m, o),
                            None => {
                                let key = self.name_const(frame, $n);
                                let (a, b) = tri!(self.load_method(o, key));
                                if !b.is_null() {
                                    self.ic_fill_method(code, pc, o, key, a);
                                }
                                (a, b)
                            }
                        };
                        slots.set(sp - 1, a);
                        push!(b)
                    }};
                }
                macro_rules! binary {
                    ($k:expr, $inplace:expr) => {{
                        let b = peek!(1);
                        let a = peek!(2);
                        // Fast path: small ints.
                        let r = if a.is_int()
                            && b.is_int()
                            && let Some(r) = self.int_fast($k, a.as_int(), b.as_int())
                        {
                            r
                        } else if let Some(r) = self.float_fast($k, a, b) {
                            r
                        } else {
                            tri!(self.binary_op(a, b, $k, $inplace))
                        };
                        sp -= 1;
                        slots.set(sp - 1, r);
                    }};
                }
                macro_rules! compare {
                    ($k:expr) => {{
                        let b = peek!(1);
                        let a = peek!(2);
                        let r = if a.is_int() && b.is_int() {
                            Value::bool(ops_cmp_int($k, a.as_int(), b.as_int()))
                        } else if let (Some(x), Some(y)) = (self.float_or_small(a), self.float_or_small(b)) {
                            Value::bool(match $k {
                                crate::compile::code::cmpop::LT => x < y,
                                crate::compile::code::cmpop::LE => x <= y,
                                crate::compile::code::cmpop::EQ => x == y,
                                crate::compile::code::cmpop::NE => x != y,
                                crate::compile::code::cmpop::GT => x > y,
                                _ => x >= y,
                            })
                        } else {
                            tri!(self.compare(a, b, $k))
                        };
                        sp -= 1;
                        slots.set(sp - 1, r);
                    }};
                }
                macro_rules! is {
                    ($neg:expr) => {{
                        let b = pop!();
                        let a = top!();
                        slots.set(sp - 1, Value::bool((a == b) != $neg));
                    }};
                }
                // Pops TOS and jumps to `$t` if its truth is `$when`.
                macro_rules! pop_jump_if {
                    ($t:expr, $when:expr) => {{
                        let v = pop!();
                        let b = if v == Value::TRUE {
                            true
                        } else if v == Value::FALSE {
                            false
                        } else {
                            tri!(self.truthy(v))
                        };
                        if b == $when {
                            pc = $t as usize;
                            continue 'dispatch;
                        }
                    }};
                }
                match op {
                    Op::Nop => {}
                    Op::LoadConst(i) => load_const!(i),
                    Op::LoadFast(i) => load_fast!(i),
                    Op::StoreFast(i) => store_fast!(i),
                    // Superinstructions: the first instruction, then the second at the next
                    // index (its errors, caches and marker name that index).
                    Op::LoadFastLoadFast(a, b) => {
                        load_fast!(a);
                        pc += 1;
                        load_fast!(b)
                    }
                    Op::LoadFastLoadConst(a, b) => {
                        load_fast!(a);
                        pc += 1;
                        load_const!(b)
                    }
                    Op::LoadFastLoadAttr(a, b) => {
                        load_fast!(a);
                        pc += 1;
                        load_attr!(b)
                    }
                    Op::StoreFastLoadFast(a, b) => {
                        store_fast!(a);
                        pc += 1;
                        load_fast!(b)
                    }
                    Op::StoreFastStoreFast(a, b) => {
                        store_fast!(a);
                        pc += 1;
                        store_fast!(b)
                    }
                    Op::LoadConstLoadFast(a, b) => {
                        load_const!(a);
                        pc += 1;
                        load_fast!(b)
                    }
                    Op::LoadFastLoadMethod(a, b) => {
                        load_fast!(a);
                        pc += 1;
                        load_method!(b)
                    }
                    Op::PushNullLoadFast(a) => {
                        push!(Value::NULL);
                        pc += 1;
                        load_fast!(a)
                    }
                    Op::LoadFastBinary(a, k) => {
                        load_fast!(a);
                        pc += 1;
                        binary!(k & !INPLACE, k & INPLACE != 0)
                    }
                    Op::LoadConstBinary(a, k) => {
                        load_const!(a);
                        pc += 1;
                        binary!(k & !INPLACE, k & INPLACE != 0)
                    }
                    Op::LoadAttrLoadFast(a, b) => {
                        load_attr!(a);
                        pc += 1;
                        load_fast!(b)
                    }
                    Op::CompareJumpIfFalse(k, t) => {
                        compare!(k);
                        pc += 1;
                        pop_jump_if!(t, false)
                    }
                    Op::CompareJumpIfTrue(k, t) => {
                        compare!(k);
                        pc += 1;
                        pop_jump_if!(t, true)
                    }
                    Op::IsJumpIfFalse(neg, t) => {
                        is!(neg);
                        pc += 1;
                        pop_jump_if!(t, false)
                    }
                    Op::IsJumpIfTrue(neg, t) => {
                        is!(neg);
                        pc += 1;
                        pop_jump_if!(t, true)
                    }
                    Op::DeleteFast(i) => {
                        if slots.get(i as usize).is_null() {
                            let n = &code.varnames[i as usize];
                            break 'op self.new_error(
                                "UnboundLocalError",
                                &format!("cannot access local variable '{n}' where it is not associated with a value"),
                            );
                        }
                        slots.set(i as usize, Value::NULL);
                    }
                    Op::LoadDeref(i) => {
                        let cell = slots.get(i as usize).as_obj();
                        let v = self.rd(cell, CELL_VAL);
                        if v.is_null() {
                            break 'op self.unbound_deref(code, i as usize);
                        }
                        push!(v)
                    }
                    Op::StoreDeref(i) => {
                        let v = pop!();
                        let cell = slots.get(i as usize).as_obj();
                        tri!(self.st(cell, CELL_VAL, v));
                    }
                    Op::DeleteDeref(i) => {
                        let cell = slots.get(i as usize).as_obj();
                        if self.rd(cell, CELL_VAL).is_null() {
                            break 'op self.unbound_deref(code, i as usize);
                        }
                        tri!(self.st(cell, CELL_VAL, Value::NULL));
                    }
                    Op::LoadClosure(i) => push!(slots.get(i as usize)),
                    Op::LoadClassDeref(n, i) => {
                        let locals = self.rd(frame, F_LOCALS);
                        let key = self.name_const(frame, n);
                        let v = tri!(self.dict_get(locals, key));
                        if let Some(v) = v {
                            push!(v)
                        } else {
                            let cell = slots.get(i as usize).as_obj();
                            let v = self.rd(cell, CELL_VAL);
                            if v.is_null() {
                                break 'op self.unbound_deref(code, i as usize);
                            }
                            push!(v)
                        }
                    }
                    Op::LoadName(n) => {
                        let key = self.name_const(frame, n);
                        let locals = self.rd(frame, F_LOCALS);
                        if let Some(v) = tri!(self.locals_get(locals, key)) {
                            push!(v)
                        } else {
                            let (v, _) = tri!(self.load_global(frame, key));
                            push!(v)
                        }
                    }
                    Op::StoreName(n) => {
                        let key = self.name_const(frame, n);
                        let v = pop!();
                        let locals = self.rd(frame, F_LOCALS);
                        if self.tid_of(locals) == tid::DICT {
                            tri!(self.dict_set(locals, key, v));
                        } else {
                            tri!(self.setitem(locals, key, v));
                        }
                    }
                    Op::DeleteName(n) => {
                        let key = self.name_const(frame, n);
                        let locals = self.rd(frame, F_LOCALS);
                        if self.tid_of(locals) != tid::DICT {
                            tri!(self.delitem(locals, key));
                        } else if !tri!(self.dict_del(locals, key)) {
                            break 'op self.name_error(key);
                        }
                    }
                    Op::LoadGlobal(n) => {
                        let g = self.rd(frame, F_GLOBALS);
                        let v = match self.ic_global(code, pc, g) {
                            Some(v) => v,
                            None => {
                                let key = self.name_const(frame, n);
                                let (v, in_globals) = tri!(self.load_global(frame, key));
                                tri!(self.ic_fill_global(code, pc, g, key, in_globals));
                                v
                            }
                        };
                        push!(v)
                    }
                    Op::StoreGlobal(n) => {
                        mark!();
                        let key = self.name_const(frame, n);
                        let v = pop!();
                        let g = self.rd(frame, F_GLOBALS);
                        tri!(self.dict_set(g, key, v));
                    }
                    Op::DeleteGlobal(n) => {
                        let key = self.name_const(frame, n);
                        let g = self.rd(frame, F_GLOBALS);
                        if !tri!(self.dict_del(g, key)) {
                            break 'op self.name_error(key);
                        }
                    }
                    Op::LoadAttr(n) => load_attr!(n),
                    Op::StoreAttr(n) => {
                        mark!();
                        let o = pop!();
                        let v = pop!();
                        if !tri!(self.ic_store(code, pc, o, v)) {
                            let key = self.name_const(frame, n);
                            let before = self.ic_map(o);
                            tri!(self.setattr(o, key, v));
                            if before != u64::MAX {
                                tri!(self.ic_fill_store(code, pc, o, key, before));
                            }
                        }
                    }
                    Op::DeleteAttr(n) => {
                        mark!();
                        let key = self.name_const(frame, n);
                        let o = pop!();
                        tri!(self.delattr(o, key));
                    }
                    Op::LoadMethod(n) => load_method!(n),
                    Op::Pop => sp -= 1,
                    Op::Dup => push!(top!()),
                    Op::Dup2 => {
                        let a = peek!(2);
                        let b = peek!(1);
                        push!(a);
                        push!(b);
                    }
                    Op::Rot2 => {
                        let a = peek!(1);
                        let b = peek!(2);
                        slots.set(sp - 1, b);
                        slots.set(sp - 2, a);
                    }
                    Op::Rot3 => {
                        let a = peek!(1);
                        let b = peek!(2);
                        let c = peek!(3);
                        slots.set(sp - 1, b);
                        slots.set(sp - 2, c);
                        slots.set(sp - 3, a);
                    }
                    Op::Rot4 => {
                        let a = peek!(1);
                        let b = peek!(2);
                        let c = peek!(3);
                        let d = peek!(4);
                        slots.set(sp - 1, b);
                        slots.set(sp - 2, c);
                        slots.set(sp - 3, d);
                        slots.set(sp - 4, a);
                    }
                    Op::Binary(k) => binary!(k, false),
                    Op::InplaceBinary(k) => binary!(k, true),
                    Op::Unary(k) => {
                        let a = top!();
                        let r = tri!(self.unary_op(a, k));
                        slots.set(sp - 1, r);
                    }
                    Op::Not => {
                        let a = top!();
                        let t = tri!(self.truthy(a));
                        slots.set(sp - 1, Value::bool(!t));
                    }
                    Op::Compare(k) => compare!(k),
                    Op::Is(neg) => is!(neg),
                    Op::In(neg) => {
                        let b = pop!();
                        let a = top!();
                        let r = tri!(self.contains(b, a));
                        slots.set(sp - 1, Value::bool(r != neg));
                    }
                    Op::Subscr => {
                        let i = pop!();
                        let o = top!();
                        let r = match self.index_fast(o, i) {
                            Some(r) => r,
                            None => tri!(self.getitem(o, i)),
                        };
                        slots.set(sp - 1, r);
                    }
                    Op::StoreSubscr => {
                        mark!();
                        let i = pop!();
                        let o = pop!();
                        let v = pop!();
                        if !tri!(self.store_index_fast(o, i, v)) {
                            tri!(self.setitem(o, i, v));
                        }
                    }
                    Op::DeleteSubscr => {
                        mark!();
                        let i = pop!();
                        let o = pop!();
                        tri!(self.delitem(o, i));
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { pop!() } else { Value::NONE };
                        let stop = pop!();
                        let start = pop!();
                        let s = self.new_fixed(crate::layout::tid::SLICE, 32, &[start, stop, step]);
                        push!(s)
                    }
                    Op::BuildTuple(n) => {
                        let base = sp - n as usize;
                        let v = self.new_tuple_with(n as usize, |i| slots.get(base + i));
                        sp = base;
                        push!(v)
                    }
                    Op::BuildList(n) => {
                        let base = sp - n as usize;
                        let v = self.new_list_with(n as usize, |i| slots.get(base + i));
                        sp = base;
                        push!(v)
                    }
                    Op::BuildSet(n) | Op::BuildString(n) => {
                        let n = n as usize;
                        let items: Vec<Value> = (sp - n..sp).map(|i| slots.get(i)).collect();
                        sp -= n;
                        let kind = if matches!(op, Op::BuildSet(_)) { Build::Set } else { Build::String };
                        let v = tri!(self.build(kind, &items));
                        push!(v)
                    }
                    Op::BuildMap(n) => {
                        let n = n as usize;
                        let items: Vec<Value> = (sp - 2 * n..sp).map(|i| slots.get(i)).collect();
                        sp -= 2 * n;
                        let d = tri!(self.build(Build::Map, &items));
                        push!(d)
                    }
                    Op::ListAppend(d) => {
                        let v = pop!();
                        let l = peek!(d as usize);
                        tri!(self.list_append(l, v));
                    }
                    Op::SetAdd(d) => {
                        let v = pop!();
                        let s = peek!(d as usize);
                        tri!(self.set_add(s, v));
                    }
                    Op::MapAdd(d) => {
                        let v = pop!();
                        let k = pop!();
                        let m = peek!(d as usize);
                        tri!(self.dict_set(m, k, v));
                    }
                    Op::ListExtend(d) => {
                        let v = pop!();
                        let l = peek!(d as usize);
                        let items = tri!(self.iter_collect(v));
                        for x in items {
                            tri!(self.list_append(l, x));
                        }
                    }
                    Op::SetUpdate(d) => {
                        let v = pop!();
                        let s = peek!(d as usize);
                        let items = tri!(self.iter_collect(v));
                        for x in items {
                            tri!(self.set_add(s, x));
                        }
                    }
                    Op::DictUpdate(d) | Op::DictMerge(d) => {
                        let v = pop!();
                        let m = peek!(d as usize);
                        tri!(self.dict_update_from(m, v, matches!(op, Op::DictMerge(_))));
                    }
                    Op::ListToTuple => {
                        let l = top!();
                        let items = self.list_items(l);
                        let t = self.new_tuple(&items);
                        slots.set(sp - 1, t);
                    }
                    Op::FormatValue(flags) => {
                        let spec = if flags & 4 != 0 { Some(pop!()) } else { None };
                        let v = top!();
                        let v = match flags & 3 {
                            1 => tri!(self.str_value(v)),
                            2 => tri!(self.repr_value(v)),
                            3 => tri!(self.ascii_value(v)),
                            _ => v,
                        };
                        let r = tri!(self.format_value(v, spec.unwrap_or(Value::NULL)));
                        slots.set(sp - 1, r);
                    }
                    Op::Jump(t) => {
                        pc = t as usize;
                        continue 'dispatch;
                    }
                    Op::JumpBack(t) => {
                        mark!();
                        let jb = pc;
                        pc = t as usize;
                        if outermost {
                            if self.commit_point_due(true) {
                                frame = tri!(self.commit_point_slow(frame, pc, sp));
                                slots = self.frame_slots(frame);
                                self.frame = frame;
                                consts = self.ld(self.ld(frame, F_CODE).as_obj(), CODE_CONSTS).as_obj();
                            }
                        } else {
                            if self.m.th().segment_info().signal.load(std::sync::atomic::Ordering::Relaxed) != 0 {
                                // A nested loop answers pause requests but never commits or collects.
                                if self.m.thread().safe_point().is_err() {
                                    break 'op Unwind::Abort;
                                }
                            }
                            if self.rt.gc.stm().segment_wanted() && self.nested_loop_should_yield() {
                                break 'op Unwind::Abort;
                            }
                        }
                        // Compiled code runs in nested loops too (a generator driven by a
                        // built-in such as `enumerate`): it never commits nor collects.
                        if self.rt.jit.is_some()
                            && let Some(r) = tri!(self.jit_loop_header(frame, code, jb, pc, sp))
                        {
                            match r.frame {
                                // The exit was inside inlined calls: their frames were made.
                                Some(f) => {
                                    frame = f;
                                    reload!();
                                }
                                None => {
                                    pc = r.pc;
                                    sp = r.sp;
                                }
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::PopJumpIfFalse(t) => pop_jump_if!(t, false),
                    Op::PopJumpIfTrue(t) => pop_jump_if!(t, true),
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        let v = top!();
                        let b = tri!(self.truthy(v));
                        if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                            pc = t as usize;
                            continue 'dispatch;
                        }
                        sp -= 1;
                    }
                    Op::GetIter => {
                        let v = top!();
                        let it = tri!(self.get_iter(v));
                        slots.set(sp - 1, it);
                    }
                    Op::ForIter(t) => {
                        let it = top!();
                        let next = match self.iter_next_fast(it) {
                            Some(r) => tri!(r),
                            None => {
                                if self.tid_of(it) == crate::layout::tid::GENERATOR {
                                    tri!(self.flush(frame, pc, sp));
                                    if let Some(gf) = tri!(self.switch_into(it, Value::NONE, ENTRY_FORITER, frame)) {
                                        enter_switched!(gf);
                                    }
                                }
                                tri!(self.iter_next(it))
                            }
                        };
                        match next {
                            Some(v) => push!(v),
                            None => {
                                sp -= 1;
                                pc = t as usize;
                                continue 'dispatch;
                            }
                        }
                    }
                    Op::UnpackSequence(n) => {
                        let v = pop!();
                        let n = n as usize;
                        // A tuple or list of the right length (nearly always) goes straight
                        // onto the stack; anything else through `unpack`'s checks.
                        match self.tid_of(v) {
                            crate::layout::tid::TUPLE if self.tuple_len(v.as_obj()) == n => {
                                for i in (0..n).rev() {
                                    push!(self.tuple_get(v.as_obj(), i));
                                }
                            }
                            crate::layout::tid::LIST if self.list_len(v) == n => {
                                for i in (0..n).rev() {
                                    push!(self.list_get(v, i));
                                }
                            }
                            _ => {
                                let items = tri!(self.unpack(v, n, None));
                                for x in items.into_iter().rev() {
                                    push!(x);
                                }
                            }
                        }
                    }
                    Op::UnpackEx(n) => {
                        let v = pop!();
                        let before = (n >> 8) as usize;
                        let after = (n & 0xff) as usize;
                        let items = tri!(self.unpack(v, before, Some(after)));
                        for x in items.into_iter().rev() {
                            push!(x);
                        }
                    }
                    Op::PushNull => push!(Value::NULL),
                    Op::Call(n)
                        if let Some(call) = tri!(self.plain_call(
                            slots.get(sp - n as usize - 2),
                            slots.get(sp - n as usize - 1),
                            n as usize
                        )) =>
                    {
                        // A Python function called with exactly its positional parameters (and
                        // nothing else to set up), or a plain class's `__init__`: the arguments
                        // go from this stack straight into the new frame, which this loop enters.
                        mark!();
                        let base = sp - n as usize - 2;
                        let c = call.code;
                        let nf = self.frame_for(call.func);
                        if let Some(s) = call.first {
                            self.init(nf, F_SLOTS, s);
                        }
                        if call.init {
                            self.init(nf, F_ENTRY, Value::int(ENTRY_INIT));
                            self.init(nf, F_GEN, call.first.unwrap());
                        }
                        let first = call.first.is_some() as usize;
                        for i in 0..n as usize {
                            self.init(nf, F_SLOTS + 8 * (first + i) as u64, slots.get(base + 2 + i));
                        }
                        self.fill_defaults(nf, call.func, c, first + n as usize);
                        sp = base;
                        enter_call!(nf);
                        if outermost && self.commit_point_due(false) {
                            frame = tri!(self.commit_point_slow(frame, 0, c.nfixed()));
                            reload!();
                        } else {
                            // The new frame is young and was just filled: no barrier, and its
                            // pc and stack pointer are known.
                            slots = self.frame_slots(frame);
                            self.frame = frame;
                            code = c;
                            pc = 0;
                            sp = c.nfixed();
                            consts = self.ld(self.ld(frame, F_CODE).as_obj(), CODE_CONSTS).as_obj();
                        }
                        continue 'dispatch;
                    }
                    Op::Call(_) | Op::CallKw(_) | Op::CallEx(_) => {
                        mark!();
                        let (argc, kwnames, ex) = match op {
                            Op::Call(n) => (n as usize, Value::NULL, false),
                            Op::CallKw(n) => (n as usize, pop!(), false),
                            Op::CallEx(f) => (if f == 1 { 2 } else { 1 }, Value::NULL, true),
                            _ => unreachable!(),
                        };
                        let base = sp - argc - 2;
                        let mut callable = slots.get(base);
                        let selfv = slots.get(base + 1);
                        let mut args = std::mem::take(&mut self.argbuf);
                        args.clear();
                        if !selfv.is_null() {
                            args.push(selfv);
                        } else if self.tid_of(callable) == crate::layout::tid::METHOD {
                            // A bound method: call its function with self first.
                            let m = callable.as_obj();
                            args.push(self.ld(m, METH_SELF));
                            callable = self.ld(m, METH_FUNC);
                        }
                        let mut kw: Vec<(Value, Value)> = Vec::new();
                        if ex {
                            let t = slots.get(base + 2);
                            args.extend(self.tuple_items(t.as_obj()));
                            if argc == 2 {
                                let d = slots.get(base + 3);
                                kw = self.dict_items(d);
                            }
                        } else {
                            let nkw = if kwnames.is_null() { 0 } else { self.tuple_len(kwnames.as_obj()) };
                            for i in base + 2..sp - nkw {
                                args.push(slots.get(i));
                            }
                            for j in 0..nkw {
                                kw.push((self.tuple_get(kwnames.as_obj(), j), slots.get(sp - nkw + j)));
                            }
                        }
                        sp = base;
                        // `send` of a generator or coroutine resumes its frame in this loop.
                        if args.len() == 2
                            && kw.is_empty()
                            && matches!(
                                self.tid_of(args[0]),
                                crate::layout::tid::GENERATOR | crate::layout::tid::COROUTINE
                            )
                            && self.tid_of(callable) == crate::layout::tid::BUILTIN
                            && matches!(self.builtin_name(callable), "generator.send" | "coroutine.send")
                        {
                            tri!(self.flush(frame, pc, sp));
                            let g = args[0];
                            let sent = args[1];
                            self.argbuf = args;
                            if let Some(gf) = tri!(self.switch_into(g, sent, ENTRY_SEND, frame)) {
                                enter_switched!(gf);
                            }
                            args = std::mem::take(&mut self.argbuf);
                        }
                        // Python functions (and classes with a Python __init__) get a frame in
                        // this loop.
                        self.direct_call = outermost;
                        let prepared = if self.tid_of(callable) == crate::layout::tid::BUILTIN {
                            self.call_builtin(callable, &args, &kw)
                        } else {
                            self.prepare_call(callable, &args, &kw)
                        };
                        self.direct_call = false;
                        self.argbuf = args;
                        match tri!(prepared) {
                            super::call::Prepared::Frame(nf) => {
                                enter_call!(nf);
                                if outermost {
                                    let (p, s) = (
                                        self.ld(frame, F_PC).as_int() as usize,
                                        self.ld(frame, F_SP).as_int() as usize,
                                    );
                                    frame = tri!(self.commit_point(frame, p, s, false));
                                }
                                reload!();
                                continue 'dispatch;
                            }
                            super::call::Prepared::Done(v) => {
                                push!(v);
                                if self.pending.is_some() {
                                    frame = tri!(self.blocking_point(frame, pc + 1, sp));
                                    reload!();
                                    continue 'dispatch;
                                }
                            }
                        }
                    }
                    Op::MakeFunction(flags) => {
                        let codeobj = pop!();
                        let closure = if flags & 8 != 0 { pop!() } else { Value::NULL };
                        let annotations = if flags & 4 != 0 { pop!() } else { Value::NULL };
                        let kwdefaults = if flags & 2 != 0 { pop!() } else { Value::NULL };
                        let defaults = if flags & 1 != 0 { pop!() } else { Value::NULL };
                        let globals = self.rd(frame, F_GLOBALS);
                        let f = tri!(self.make_function(codeobj, globals, defaults, kwdefaults, closure));
                        if !annotations.is_null() {
                            let d = self.new_dict();
                            let k = self.s("__annotations__");
                            tri!(self.dict_set(d, k, annotations));
                            self.init(f.as_obj(), FN_DICT, d);
                        }
                        push!(f)
                    }
                    Op::Return => {
                        let mut v = pop!();
                        let entry = self.rd(frame, F_ENTRY).as_int();
                        if entry & ENTRY_INIT != 0 {
                            if v != Value::NONE {
                                let tn = self.type_name(v);
                                break 'op self
                                    .new_error("TypeError", &format!("__init__() should return None, not '{tn}'"));
                            }
                            v = self.rd(frame, F_GEN);
                        }
                        tri!(self.flush(frame, pc, sp));
                        let back = self.rd(frame, F_BACK).as_obj();
                        self.call_depth -= 1;
                        if entry & ENTRY_RUST != 0 {
                            self.frame = back;
                            self.yielded = false;
                            return Ok(v);
                        }
                        if entry & ENTRY_SWITCHED != 0 {
                            tri!(self.switched_leave(frame, entry, false));
                            frame = back;
                            reload!();
                            if entry & ENTRY_FORITER != 0 {
                                // The generator is exhausted: the caller's loop ends.
                                let Op::ForIter(t) = code.ops[pc] else {
                                    unreachable!("a generator resumed by ForIter")
                                };
                                sp -= 1;
                                pc = t as usize;
                                continue 'dispatch;
                            }
                            if entry & ENTRY_SEND != 0 {
                                // `send` raises StopIteration(value) in the caller.
                                break 'op self.stop_iteration(v);
                            }
                            // `yield from` evaluates to the value (in place of the iterator).
                            sp -= 1;
                            push!(v);
                            pc += 1;
                            continue 'dispatch;
                        }
                        frame = back;
                        reload!();
                        pc += 1;
                        push!(v);
                        let _ = (pc, sp);
                        continue 'dispatch;
                    }
                    Op::Yield | Op::YieldFrom => {
                        let (y, mut resume) = if let Op::Yield = op {
                            (pop!(), pc + 1)
                        } else {
                            let sent = pop!();
                            let sub = top!();
                            let k = self.tid_of(sub);
                            if k == crate::layout::tid::GENERATOR || k == crate::layout::tid::COROUTINE {
                                // Run the delegate's frame in this loop (see ENTRY_AWAIT).
                                tri!(self.flush(frame, pc, sp));
                                if let Some(gf) = tri!(self.switch_into(sub, sent, ENTRY_AWAIT, frame)) {
                                    enter_switched!(gf);
                                }
                            }
                            match tri!(self.delegate(sub, sent)) {
                                // Yield y; when resumed, the sent value goes on top and this
                                // instruction runs again.
                                Ok(y) => (y, pc),
                                Err(result) => {
                                    slots.set(sp - 1, result);
                                    pc += 1;
                                    continue 'dispatch;
                                }
                            }
                        };
                        // The frame yields y; a frame it was delegating for (ENTRY_AWAIT)
                        // yields it in turn, up to a frame resumed by `for`, `send` or Rust.
                        loop {
                            tri!(self.flush(frame, resume, sp));
                            let back = self.rd(frame, F_BACK).as_obj();
                            self.call_depth -= 1;
                            let entry = self.rd(frame, F_ENTRY).as_int();
                            if entry & ENTRY_SWITCHED == 0 {
                                self.frame = back;
                                self.yielded = true;
                                return Ok(y);
                            }
                            tri!(self.switched_leave(frame, entry, true));
                            frame = back;
                            reload!();
                            if entry & ENTRY_AWAIT == 0 {
                                push!(y);
                                pc += 1;
                                continue 'dispatch;
                            }
                            resume = pc;
                        }
                    }
                    Op::GetAwaitable(what) => {
                        let it = tri!(self.get_awaitable(top!(), what));
                        slots.set(sp - 1, it);
                    }
                    Op::GetAIter => {
                        let it = tri!(self.get_aiter(top!()));
                        slots.set(sp - 1, it);
                    }
                    Op::GetANext => {
                        let aw = tri!(self.get_anext(top!()));
                        push!(aw);
                    }
                    Op::EndAsyncFor => {
                        let e = pop!();
                        if !self.isinstance_name(e, "StopAsyncIteration") {
                            self.reraise = true;
                            break 'op Unwind::Exc(e);
                        }
                        sp -= 1;
                    }
                    Op::AsyncGenWrap => {
                        let w = self.new_fixed(crate::layout::tid::AG_WRAPPED, 16, &[top!()]);
                        slots.set(sp - 1, w);
                    }
                    Op::GetYieldFromIter => {
                        let v = top!();
                        if self.tid_of(v) != crate::layout::tid::GENERATOR {
                            let it = tri!(self.get_iter(v));
                            slots.set(sp - 1, it);
                        }
                    }
                    Op::Raise(n) => {
                        let e = match n {
                            0 => match self.handled_exception() {
                                Some(e) => {
                                    self.reraise = true;
                                    break 'op Unwind::Exc(e);
                                }
                                None => break 'op self.new_error("RuntimeError", "No active exception to reraise"),
                            },
                            1 => {
                                let e = pop!();
                                tri!(self.make_raisable(e, None))
                            }
                            _ => {
                                let cause = pop!();
                                let e = pop!();
                                tri!(self.make_raisable(e, Some(cause)))
                            }
                        };
                        break 'op Unwind::Exc(e);
                    }
                    Op::Reraise => {
                        let e = pop!();
                        self.reraise = true;
                        break 'op Unwind::Exc(e);
                    }
                    Op::PushExcInfo => {
                        let e = pop!();
                        let prev = self.rd(frame, F_EXC);
                        push!(if prev.is_null() { Value::NONE } else { prev });
                        push!(e);
                        tri!(self.st(frame, F_EXC, e));
                    }
                    Op::PopExcept => {
                        let prev = pop!();
                        tri!(self.st(frame, F_EXC, if prev == Value::NONE { Value::NULL } else { prev }));
                    }
                    Op::PopExceptReraise => {
                        let e = pop!();
                        let prev = pop!();
                        tri!(self.st(frame, F_EXC, if prev == Value::NONE { Value::NULL } else { prev }));
                        self.reraise = true;
                        break 'op Unwind::Exc(e);
                    }
                    Op::CheckExcMatch => {
                        let ty = pop!();
                        let e = top!();
                        let m = tri!(self.exception_matches(e, ty));
                        push!(Value::bool(m));
                    }
                    Op::CheckEgMatch => {
                        let ty = pop!();
                        let rest = pop!();
                        let f = self.prelude_function("eg_match");
                        let r = tri!(self.call_value(f, &[rest, ty], &[]));
                        let (rest, m) = (self.tuple_get(r.as_obj(), 0), self.tuple_get(r.as_obj(), 1));
                        push!(rest);
                        push!(m);
                        push!(Value::bool(m != Value::NONE));
                        if m != Value::NONE {
                            tri!(self.st(frame, F_EXC, m));
                        }
                    }
                    Op::PrepReraiseStar => {
                        let raised = pop!();
                        let orig = pop!();
                        let f = self.prelude_function("eg_reraise");
                        let r = tri!(self.call_value(f, &[orig, raised], &[]));
                        push!(r);
                        push!(Value::bool(r != Value::NONE));
                    }
                    Op::BeforeWith | Op::BeforeAsyncWith => {
                        let cm = pop!();
                        let (exit, enter, selfv) = tri!(self.enter_context(cm, matches!(op, Op::BeforeAsyncWith)));
                        push!(exit);
                        push!(enter);
                        push!(selfv);
                    }
                    Op::WithExceptStart => {
                        let e = peek!(1);
                        let exit = peek!(3);
                        let ty = self.type_of(e);
                        let tb = tri!(self.getattr_str(e, "__traceback__"));
                        let r = tri!(self.call_value(exit, &[Value::obj(ty), e, tb], &[]));
                        push!(r);
                    }
                    Op::ImportName(n) => {
                        let fromlist = pop!();
                        let level = pop!();
                        let name = self.name_const(frame, n);
                        let globals = self.rd(frame, F_GLOBALS);
                        let m = tri!(self.import_name(name, fromlist, level.as_int() as u32, globals));
                        push!(m)
                    }
                    Op::ImportFrom(n) => {
                        let name = self.name_const(frame, n);
                        let m = top!();
                        let v = tri!(self.import_from(m, name));
                        push!(v)
                    }
                    Op::ImportStar => {
                        let m = pop!();
                        let locals = self.rd(frame, F_LOCALS);
                        tri!(self.import_star(m, locals));
                    }
                    Op::LoadBuildClass => {
                        let v = tri!(self.builtin_value("__build_class__"));
                        push!(v)
                    }
                    Op::LoadAssertionError => push!(Value::obj(self.exc_type("AssertionError"))),
                    Op::PrintExpr => {
                        let v = pop!();
                        tri!(self.display_hook(v));
                    }
                    Op::SetClassCell(_) => {}
                    Op::SetupAnnotations => {
                        let locals = self.rd(frame, F_LOCALS);
                        let k = self.s("__annotations__");
                        if !tri!(self.dict_contains(locals, k)) {
                            let d = self.new_dict();
                            tri!(self.dict_set(locals, k, d));
                        }
                    }
                    Op::MatchSequence | Op::MatchMapping => {
                        let (seq, map) = tri!(self.match_kind(top!()));
                        push!(Value::bool(if op == Op::MatchSequence { seq } else { map }));
                    }
                    Op::GetLen => {
                        let n = tri!(self.len(top!()));
                        push!(Value::int(n as i64));
                    }
                    Op::MatchKeys => {
                        let v = tri!(self.match_keys(peek!(2), top!()));
                        push!(v);
                    }
                    Op::MatchClass(n) => {
                        let names = pop!();
                        let cls = pop!();
                        let r = tri!(self.match_class(top!(), cls, n as usize, names));
                        slots.set(sp - 1, r);
                    }
                    Op::MakeComplex => {
                        let imag = pop!();
                        let real = top!();
                        let c = tri!(self.lazy_builtin("complex"));
                        let v = tri!(self.call_value(c, &[real, imag], &[]));
                        slots.set(sp - 1, v);
                    }
                    Op::CopyDictWithoutKeys => {
                        let r = tri!(self.dict_without_keys(peek!(2), top!()));
                        slots.set(sp - 1, r);
                    }
                }
                pc += 1;
                continue 'dispatch;
            };
            // ---- an error: find a handler in this frame or unwind ----
            if self.jit.rec.is_some() {
                if let Unwind::Abort = err {
                    // Not the loop's fault: it may be recorded again.
                    self.jit.rec = None;
                } else {
                    self.jit_cancel("an exception");
                }
            }
            match err {
                Unwind::Abort => {
                    self.frame = frame;
                    return Err(Unwind::Abort);
                }
                Unwind::Exc(e) => {
                    let reraise = std::mem::replace(&mut self.reraise, false);
                    self.flush(frame, pc, sp)?;
                    if !reraise {
                        self.frame = frame;
                        self.note_raise(e, frame, code, pc)?
                    }
                    let mut fr = frame;
                    let mut e = e;
                    loop {
                        let c = self.frame_code(fr);
                        let p = self.rd(fr, F_PC).as_int() as usize;
                        let h = c.handler_of[p];
                        if h != u32::MAX {
                            let h = c.handlers[h as usize];
                            frame = fr;
                            reload!();
                            let _ = (pc, sp);
                            sp = c.nfixed() + h.depth as usize;
                            pc = h.target as usize;
                            self.set_slot(frame, sp, e)?;
                            sp += 1;
                            break;
                        }
                        let entry = self.rd(fr, F_ENTRY).as_int();
                        let back = self.rd(fr, F_BACK).as_obj();
                        self.call_depth -= 1;
                        if entry & ENTRY_RUST != 0 {
                            self.frame = back;
                            return Err(Unwind::Exc(e));
                        }
                        if entry & ENTRY_SWITCHED != 0 {
                            // An exception ends the generator and goes on in the caller's
                            // `for`, `yield from` or `send` (StopIteration becomes RuntimeError,
                            // as in gen_resume).
                            let g = self.rd(fr, F_GEN);
                            self.switched_leave(fr, entry, false)?;
                            if self.isinstance_name(e, "StopIteration") {
                                let kind = self.gen_kind_name(g);
                                e = self.escaped_stop(e, &format!("{kind} raised StopIteration"))?;
                            }
                        }
                        fr = back;
                        // The exception passes through the caller too.
                        let c = self.frame_code(fr);
                        let p = self.rd(fr, F_PC).as_int() as usize;
                        self.frame = fr;
                        match self.add_traceback(e, fr, c, p) {
                            Ok(()) => {}
                            Err(Unwind::Abort) => return Err(Unwind::Abort),
                            Err(Unwind::Exc(e2)) => e = e2,
                        }
                    }
                }
            }
        }
    }

    fn unbound_deref(&mut self, code: &Code, slot: usize) -> Unwind {
        let nl = code.varnames.len();
        let name = if slot - nl < code.cellvars.len() {
            code.cellvars[slot - nl].clone()
        } else {
            code.freevars[slot - nl - code.cellvars.len()].clone()
        };
        if slot - nl < code.cellvars.len() {
            self.new_error(
                "UnboundLocalError",
                &format!("cannot access local variable '{name}' where it is not associated with a value"),
            )
        } else {
            self.new_error(
                "NameError",
                &format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        }
    }

    /// The str constant for name index `n` of the frame's code.
    #[inline]
    pub fn name_const(&self, frame: ObjRef, n: u32) -> Value {
        let names = self.ld(self.ld(frame, F_CODE).as_obj(), CODE_NAMES).as_obj();
        self.tuple_get(names, n as usize)
    }

    /// A global name: (value, whether it came from the globals rather than the builtins).
    fn load_global(&mut self, frame: ObjRef, key: Value) -> R<(Value, bool)> {
        let g = self.rd(frame, F_GLOBALS);
        if let Some(v) = self.dict_get(g, key)? {
            return Ok((v, true));
        }
        if let Some(v) = self.builtins_get(key)? {
            return Ok((v, false));
        }
        Err(self.name_error(key))
    }

    /// Built-in `key`, or None; a built-in written in Python (`LAZY_BUILTINS`) is imported and
    /// installed on first use.
    pub fn builtins_get(&mut self, key: Value) -> R<Option<Value>> {
        let b = Value::obj(self.rt.globals().builtins);
        if let Some(v) = self.dict_get(b, key)? {
            return Ok(Some(v));
        }
        let Some(&(name, _)) =
            LAZY_BUILTINS.iter().find(|(n, _)| self.is_str(key) && self.with_str(key.as_obj(), |k| k == *n))
        else {
            return Ok(None);
        };
        let v = self.lazy_builtin(name)?;
        self.dict_set(b, key, v)?;
        Ok(Some(v))
    }

    /// The built-in `name` of `LAZY_BUILTINS` from its module (whatever the builtins hold now:
    /// for the interpreter's own use, such as the complex numbers of `2j`).
    pub fn lazy_builtin(&mut self, name: &str) -> R<Value> {
        let module = LAZY_BUILTINS.iter().find(|(n, _)| *n == name).expect("a lazy built-in").1;
        self.module_attr(module, name)
    }

    /// The NameError for `key`, with `name` set (the traceback's "Did you mean" reads it).
    pub fn name_error(&mut self, key: Value) -> Unwind {
        let n = self.str_of(key);
        let u = self.new_error("NameError", &format!("name '{n}' is not defined"));
        if let Unwind::Exc(e) = u
            && let Err(x) = self.set_attr_str(e, "name", key)
        {
            return x;
        }
        u
    }

    pub fn builtin_value(&mut self, name: &str) -> R<Value> {
        let k = self.new_str(name);
        match self.builtins_get(k)? {
            Some(v) => Ok(v),
            None => Err(self.name_error(k)),
        }
    }

    /// The exception handled by the innermost frame that handles one.
    pub fn handled_exception(&self) -> Option<Value> {
        let mut f = self.frame;
        while !f.is_null() {
            let e = self.rd(f, F_EXC);
            if !e.is_null() {
                return Some(e);
            }
            f = self.rd(f, F_BACK).as_obj();
        }
        None
    }
}

#[inline(always)]
fn ops_cmp_int(k: u8, a: i64, b: i64) -> bool {
    use crate::compile::code::cmpop::*;
    match k {
        LT => a < b,
        LE => a <= b,
        EQ => a == b,
        NE => a != b,
        GT => a > b,
        _ => a >= b,
    }
}
