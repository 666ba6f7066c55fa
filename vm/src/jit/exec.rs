//! Entering compiled loops and coming back: the dispatch loop calls [`Vm::jit_loop_header`] at
//! every backward jump of its outermost loop (after the commit point). It counts the header,
//! starts a recording when the loop is hot, or runs the compiled loop when the frame's values
//! have the kinds the trace was compiled for; a guard exit writes the frame's slots back from
//! the resume data (materializing virtual objects, making the frames of inlined calls) and
//! tells the interpreter where to go on, and starts a bridge from an exit that keeps failing.
//! This file must never decide what a bytecode means (that is the recorder's and the
//! interpreter's).

use super::recorder::{Closed, FUNC_SLOT, INIT_SLOT, Recorder, Step};
use super::{ExitId, JitThread, Kind, Loop};
use crate::compile::code::{Code, Op};
use crate::interp::{R, Unwind, Vm};
use crate::layout::{F_BACK, F_ENTRY, F_GEN, F_PC, F_SLOTS, F_SP};
use crate::value::Value;
use jit::ir::{Descrs, FieldDescr, Opcode, SizeDescr, Type};
use jit::resume::ResumeTarget;
use jit::{CompiledTrace, EXIT_ABORTED, EXIT_OUT_OF_MEMORY, JitCtx, MAX_EXIT_VALUES};
use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;
use stm::ObjRef;

/// Flags in word 0 of a back-edge's inline-cache words (see `Vm::jit_loop_header`).
const COMPILED: u64 = 1 << 63;
const BLACKLISTED: u64 = 1 << 62;

/// Where the interpreter goes on after a compiled loop exits: `pc` and `sp` in the running
/// frame, or (an exit inside an inlined call) the innermost of the frames made for the calls,
/// whose own pc and sp are in it.
pub struct Resume {
    pub pc: usize,
    pub sp: usize,
    pub frame: Option<ObjRef>,
}

/// Rebuilds the frames of a guard exit: the running frame's slots written in place, the
/// frames of inlined calls gathered (made once every value is known), virtual objects
/// allocated.
struct FrameTarget<'a> {
    vm: &'a mut Vm,
    frame: ObjRef,
    pc: usize,
    sp: usize,
    inlined: Vec<Inlined>,
}

/// A frame of an inlined call the exit was in: its function, pc and slots (and for an
/// `__init__`, the instance).
struct Inlined {
    func: Value,
    init: Option<Value>,
    pc: usize,
    slots: Vec<(u32, Value)>,
}

impl ResumeTarget for FrameTarget<'_> {
    fn alloc(&mut self, size: &SizeDescr) -> u64 {
        match self.vm.m.alloc(size.typeid, size.size as usize) {
            Ok(o) => o.0,
            Err(e) => crate::interp::fatal_gc(e),
        }
    }
    fn set_field(&mut self, obj: u64, field: &FieldDescr, value: u64) {
        // A fresh object of this transaction: no barrier needed.
        self.vm.m.th().store_u64(ObjRef(obj), field.offset as u64, value);
    }
    fn frame(&mut self, depth: usize, _code: u64, pc: u32) {
        if depth == 0 {
            self.pc = pc as usize;
        } else {
            self.inlined.push(Inlined { func: Value::NULL, init: None, pc: pc as usize, slots: Vec::new() });
        }
    }
    fn slot(&mut self, slot: u32, value: u64, ty: Type) {
        let v = match ty {
            Type::Int => Value::int(value as i64),
            _ => Value(value),
        };
        match self.inlined.last_mut() {
            Some(f) if slot == FUNC_SLOT => f.func = v,
            Some(f) if slot == INIT_SLOT => f.init = Some(v),
            Some(f) => f.slots.push((slot, v)),
            None => {
                // The running frame: its barriers were applied when the dispatch loop switched
                // to it.
                self.vm.m.th().store_u64(self.frame, F_SLOTS + 8 * slot as u64, v.0);
                self.sp = self.sp.max(slot as usize + 1);
            }
        }
    }
}

impl Vm {
    /// Records `op` when a recording is in progress in this frame; a finished loop is compiled
    /// and installed, a recording that cannot go on is dropped (and counted against the loop).
    pub(crate) fn jit_record(&mut self, frame: ObjRef, code: &Code, pc: usize, op: Op, sp: usize) {
        let Some(mut rec) = self.jit.rec.take() else { return };
        if !rec.follows(frame) {
            return self.jit_abort(&rec, "the loop left its frame".into());
        }
        let slots: Vec<Value> = (0..sp).map(|i| self.slot(frame, i)).collect();
        match rec.record(self, code, pc, op, &slots) {
            Ok(Step::Go) => self.jit.rec = Some(rec),
            Ok(step @ (Step::Close | Step::Yield)) => {
                let (c, start) = (rec.home, rec.start);
                let bridge = rec.bridge_of().map(|(l, e)| (l.clone(), e));
                let at_yield = matches!(step, Step::Yield);
                match rec.close(self, pc, at_yield) {
                    Ok(Closed::Loop(l)) => {
                        let jit = self.rt.jit.as_ref().expect("a JIT");
                        jit.install(c, start, l);
                        // The back-edge that closed the loop enters it from now on (not after
                        // counting to the threshold again); a trace ending at a `yield` is
                        // entered from its back-edge once that counts to the threshold.
                        if !at_yield && let Some(l) = jit.header(c, start) {
                            code.icache[2 * pc + 1].store(Arc::as_ptr(&l) as u64, Relaxed);
                            code.icache[2 * pc].store(COMPILED, Relaxed);
                        }
                    }
                    Ok(Closed::Bridge { parent, from, trace }) => {
                        self.rt.jit.as_ref().expect("a JIT").attach(&parent, from, trace);
                    }
                    Err(reason) => match bridge {
                        Some((l, e)) => self.bridge_abort(&l, e, reason),
                        None => self.jit_abort_at(c, start, reason, false),
                    },
                }
            }
            Err(reason) => self.jit_abort(&rec, reason),
        }
    }

    fn bridge_abort(&mut self, l: &Loop, (id, exit): ExitId, reason: String) {
        if super::debug() {
            eprintln!("jit: recording of a bridge from exit {exit} of trace {id} aborted: {reason}");
        }
        if reason == super::recorder::YOUNG_CONSTANT {
            // Recorded again (the exit keeps failing) after a commit has made every object old.
            self.m.th().hint_commit_soon();
        }
        let jit = self.rt.jit.as_ref().expect("a JIT");
        jit.stats.aborts.fetch_add(1, Relaxed);
        let at = l.with_trace(id, |t| t.resume.record(exit).frames.first().map(|f| (f.code, f.pc)));
        if let Some((code, pc)) = at {
            let reason = format!("bridge from exit {exit} of trace {id}: {reason}");
            jit.log_abort(code as usize, pc, &reason, None);
        }
        let mut b = l.bridges.lock().unwrap();
        *b.aborts.entry((id, exit)).or_insert(0) += 1;
        b.taken.retain(|e| *e != (id, exit));
    }

    /// Drops the recording in progress (an exception was raised, the frame changed).
    pub(crate) fn jit_cancel(&mut self, reason: &str) {
        if let Some(rec) = self.jit.rec.take() {
            self.jit_abort(&rec, reason.into());
        }
    }

    fn jit_abort(&mut self, rec: &Recorder, reason: String) {
        match rec.bridge_of() {
            Some((l, e)) => {
                let l = l.clone();
                self.bridge_abort(&l, e, reason)
            }
            None => self.jit_abort_at(rec.home, rec.start, reason, rec.left_loop),
        }
    }

    /// A recording of the loop at `code@pc` given up; `left`: the loop ended before it came
    /// round (as a loop entered often with few iterations does). Then, or when the recording
    /// met a constant still in the nursery (a commit is asked for, after which every object is
    /// old), it is not the loop's fault: the loop is recorded again from its next back-edge
    /// (the counter is not restarted, whose period could keep landing on the last iteration).
    fn jit_abort_at(&mut self, code: usize, pc: u32, reason: String, left: bool) {
        if super::debug() {
            eprintln!("jit: recording of the loop at pc {pc} of {code:#x} aborted: {reason}");
        }
        let young = reason == super::recorder::YOUNG_CONSTANT;
        if young {
            self.m.th().hint_commit_soon();
        }
        let retry = left || young;
        let jit = self.rt.jit.as_ref().expect("a JIT");
        let count = jit.aborted(code, pc, retry);
        let blacklisted = count.is_none();
        if retry && let Some(n) = count {
            let c = crate::compile::code::from_addr_word(code as i64);
            let wait = 1u64 << n.saturating_sub(1).min(40);
            let hot = (jit.options.threshold as u64).saturating_sub(wait);
            for (jb, op) in c.ops.iter().enumerate() {
                if *op == Op::JumpBack(pc) && c.icache[2 * jb].load(Relaxed) & (COMPILED | BLACKLISTED) == 0 {
                    c.icache[2 * jb].store(hot, Relaxed);
                }
            }
        }
        let limit = if retry { super::RETRIES_TO_BLACKLIST } else { super::ABORTS_TO_BLACKLIST };
        jit.log_abort(code, pc, &reason, blacklisted.then_some(limit));
    }

    /// At the backward jump at `jb` to the loop header `pc` (after the commit point): counts
    /// the back-edge, starts recording the loop once hot, or runs its compiled loop. Returns
    /// where to go on when compiled code ran.
    ///
    /// The fast path touches only the back-edge's own inline-cache words (a `JumpBack` has no
    /// other use for them): word 0 counts (racy increments between threads are harmless) and
    /// holds the flags below, word 1 the compiled loop once known. The shared header table is
    /// consulted only when the count reaches the threshold.
    pub(crate) fn jit_loop_header(
        &mut self,
        frame: ObjRef,
        code: &Code,
        jb: usize,
        pc: usize,
        sp: usize,
    ) -> R<Option<Resume>> {
        let Some(jit) = self.rt.jit.as_ref() else { return Ok(None) };
        if self.jit.rec.is_some() {
            return Ok(None);
        }
        let (w0, w1) = (&code.icache[2 * jb], &code.icache[2 * jb + 1]);
        let w = w0.load(Relaxed);
        if w & COMPILED != 0 {
            let p = w1.load(Relaxed) as *const Loop;
            // SAFETY: word 1 holds `Arc::as_ptr` of a loop the header table keeps alive for the
            // process's lifetime (entries are never removed); the count taken here is the
            // returned Arc's own.
            let l = unsafe {
                Arc::increment_strong_count(p);
                Arc::from_raw(p)
            };
            return self.jit_run(frame, code, l, sp);
        }
        if w & BLACKLISTED != 0 || w + 1 < jit.options.threshold as u64 {
            if w & BLACKLISTED == 0 {
                w0.store(w + 1, Relaxed);
            }
            return Ok(None);
        }
        let key = (code as *const Code as usize, pc as u32);
        if let Some(l) = jit.header(key.0, key.1) {
            w1.store(Arc::as_ptr(&l) as u64, Relaxed);
            w0.store(COMPILED, Relaxed);
            return self.jit_run(frame, code, l, sp);
        }
        if !jit.traceable(key.0, key.1) {
            w0.store(BLACKLISTED, Relaxed);
            return Ok(None);
        }
        w0.store(0, Relaxed);
        let slots: Vec<Value> = (0..sp).map(|i| self.slot(frame, i)).collect();
        let limit = jit.options.trace_limit;
        self.jit.rec = Some(Box::new(Recorder::new(self, frame, code, pc as u32, &slots, limit)));
        Ok(None)
    }

    /// Runs a compiled loop from the frame's slots `0..sp` if they have the kinds it was
    /// compiled for.
    fn jit_run(&mut self, frame: ObjRef, code: &Code, l: Arc<Loop>, sp: usize) -> R<Option<Resume>> {
        if sp != l.entry.len() {
            return Ok(None);
        }
        let mut buf = self.jit.buf.take().unwrap_or_else(|| Box::new([0u64; MAX_EXIT_VALUES]));
        for (k, kind) in l.entry.iter().enumerate() {
            let v = self.slot(frame, k);
            if super::recorder::kind_of(self, v) != *kind {
                self.jit.buf = Some(buf);
                return Ok(None);
            }
            buf[k] = if *kind == Kind::Int { v.as_int() as u64 } else { v.0 };
        }
        let jit = self.rt.jit.clone().expect("a JIT");
        jit.stats.entries.fetch_add(1, Relaxed);
        let mut ctx = JitCtx::new(&mut self.m);
        // For the helpers (`helpers.rs`): this VM is not used otherwise until the code returns.
        ctx.vm = self as *mut Vm as *mut ();
        // SAFETY: the trace was compiled by this backend for the VM's descriptors and model;
        // this thread's mutator is in a transaction (the dispatch loop is between bytecodes);
        // `buf` holds the inputs of the kinds the trace was compiled for.
        let exit = unsafe { jit.backend.run(&l.trace, &mut ctx, &mut buf) };
        if exit == EXIT_ABORTED {
            self.jit.buf = Some(buf);
            return Err(Unwind::Abort);
        }
        if exit == EXIT_OUT_OF_MEMORY {
            eprintln!("Fatal Python error: cannot allocate memory");
            std::process::exit(1);
        }
        let (id, k) = jit::split_exit_code(exit);
        // The exit is the entered loop's, one of its bridges', or (a bridge may jump to
        // another loop of the frame) another loop's or its bridges'.
        let l = if id == l.trace.id { l } else { jit.owner(id).expect("an exit of a compiled trace") };
        let threshold = jit.options.bridge_threshold as u64;
        let (pc, sp, inner, hot) = l.with_trace(id, |t| {
            // (A break check and the `exit` that ends a trace at a `yield` are no guards.)
            let guard = !matches!(t.exits[k].opcode, Opcode::BreakCheck | Opcode::Exit);
            if guard {
                jit.stats.guard_exits.fetch_add(1, Relaxed);
            }
            let (pc, sp, inner) = self.rebuild_frame(frame, t, k, &buf[..], &jit.descrs.table);
            (pc, sp, inner, guard && t.failures(k) >= threshold)
        });
        self.jit.buf = Some(buf);
        // A guard that keeps failing gets a bridge.
        if hot {
            let mut b = l.bridges.lock().unwrap();
            let from = (id, k);
            if !b.taken.contains(&from)
                && b.aborts.get(&from).copied().unwrap_or(0) < super::ABORTS_TO_BLACKLIST
                && b.taken.len() < super::MAX_BRIDGES
            {
                b.taken.push(from);
                drop(b);
                // The frames the exit made, outermost first.
                let mut frames = vec![];
                let mut f = inner.unwrap_or(frame);
                while f != frame {
                    frames.push(f);
                    f = self.rd(f, F_BACK).as_obj();
                }
                frames.push(frame);
                frames.reverse();
                let limit = jit.options.trace_limit;
                match Recorder::new_bridge(self, &frames, code, l.header, l.clone(), from, limit) {
                    Ok(r) => self.jit.rec = Some(Box::new(r)),
                    Err(reason) => self.bridge_abort(&l, from, reason),
                }
            }
        }
        Ok(Some(Resume { pc, sp, frame: inner }))
    }

    /// Writes the frame back from exit `k` of `t`, and makes the frames of the calls it was
    /// inlining (the running frame waits at its call, as the interpreter leaves a caller);
    /// returns the running frame's pc and sp, and the innermost frame made.
    fn rebuild_frame(
        &mut self,
        frame: ObjRef,
        t: &CompiledTrace,
        k: usize,
        buf: &[u64],
        d: &Descrs,
    ) -> (usize, usize, Option<ObjRef>) {
        let n = t.resume.exits[k].fail_args.len();
        let mut target = FrameTarget { vm: self, frame, pc: 0, sp: 0, inlined: Vec::new() };
        jit::resume::rebuild(&t.resume, k, &buf[..n], d, &mut target);
        let (pc, sp, inlined) = (target.pc, target.sp, target.inlined);
        if inlined.is_empty() {
            return (pc, sp, None);
        }
        // (Allocation never collects: the values gathered stay valid.)
        let mut back = frame;
        self.init(back, F_PC, Value::int(pc as i64));
        self.init(back, F_SP, Value::int(sp as i64));
        for f in inlined {
            let nf = self.frame_for(f.func);
            let mut fsp = 0;
            for (slot, v) in f.slots {
                self.init(nf, F_SLOTS + 8 * slot as u64, v);
                fsp = fsp.max(slot as usize + 1);
            }
            self.init(nf, F_PC, Value::int(f.pc as i64));
            self.init(nf, F_SP, Value::int(fsp as i64));
            self.init(nf, F_BACK, Value::obj(back));
            if let Some(o) = f.init {
                // As `instantiate` leaves an `__init__` frame: it returns the instance.
                self.init(nf, F_ENTRY, Value::int(crate::interp::eval::ENTRY_INIT));
                self.init(nf, F_GEN, o);
            }
            self.call_depth += 1;
            back = nf;
        }
        (pc, sp, Some(back))
    }
}

impl JitThread {
    pub fn new() -> JitThread {
        JitThread::default()
    }
}
