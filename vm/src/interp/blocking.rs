//! Operations that wait for other threads or must happen exactly once: acquiring and releasing
//! a lock, sleeping, starting a thread. A transaction can be rolled back and redone, so such an
//! operation may only run at a transaction boundary.
//!
//! In the outermost dispatch loop, when a call instruction calls the built-in directly, the
//! built-in only records the request (`Vm::pending`) and returns a placeholder. The loop then
//! commits everything up to and including the call (`blocking_point`), performs the operation
//! outside any transaction (a waiting thread holds up nobody's commit and leaves its segment
//! to others), and starts the next transaction, putting the operation's result where the
//! placeholder was (kept in `Vm::resume_fix` in case that transaction has to restart).
//! Anywhere else (a nested loop, an atomic block) the transaction becomes inevitable and the
//! operation runs at once.
//!
//! New threads are started after the commit that makes their function and arguments visible to
//! them: the payload stays in this thread's GC roots until the new thread has rooted it.
//! This file must never run Python code.

use super::{R, ROOT_FRAME, ROOT_STARTING, Unwind, Vm};
use crate::layout::*;
use crate::threads::{self, RawLock};
use crate::value::Value;
use std::time::Duration;
use stm::ObjRef;

/// A recorded operation for the next blocking point.
#[derive(Clone, Copy)]
pub enum Blocking {
    /// Take the lock (waiting at most the timeout, forever if None); result: whether taken.
    Acquire(&'static RawLock, Option<Duration>),
    Release(&'static RawLock),
    Sleep(Duration),
    /// Only commit (threads started by the call are launched after every commit).
    Commit,
}

/// How a thread waits: outside a transaction, or inside one (quiescent, in a safe zone).
fn perform(op: Blocking) -> Value {
    match op {
        Blocking::Acquire(l, t) => Value::bool(l.acquire(t)),
        Blocking::Release(l) => {
            l.release();
            Value::NONE
        }
        Blocking::Sleep(d) => {
            std::thread::sleep(d);
            Value::NONE
        }
        Blocking::Commit => Value::NONE,
    }
}

impl Vm {
    /// Runs `op` for a built-in: deferred to the blocking point right after the call when the
    /// built-in was called directly by the outermost loop (the return value is a placeholder
    /// that the blocking point replaces), else at once inside an inevitable transaction.
    pub fn block(&mut self, op: Blocking) -> R<Value> {
        if self.deferrable && !self.m.th().is_atomic() {
            self.pending = Some(op);
            return Ok(Value::NONE);
        }
        if let Blocking::Sleep(_) = op {
            // Sleeping can be redone harmlessly: no need to become inevitable.
            self.m.thread().enter_safe_zone();
            perform(op);
            self.m.thread().leave_safe_zone().map_err(|_| Unwind::Abort)?;
            return Ok(Value::NONE);
        }
        self.become_inevitable()?;
        if let Blocking::Acquire(l, t) = op {
            if l.try_acquire() {
                return Ok(Value::TRUE);
            }
            if t == Some(Duration::ZERO) {
                return Ok(Value::FALSE);
            }
            if self.m.th().is_atomic() {
                return Err(self.new_error(
                    "RuntimeError",
                    "cannot wait for a lock inside pystm.atomic: another thread holds it \
                     (acquire it before the atomic block)",
                ));
            }
        }
        self.m.thread().enter_safe_zone();
        let r = perform(op);
        // Inevitable: never aborted.
        let _ = self.m.thread().leave_safe_zone();
        Ok(r)
    }

    /// The blocking point after a call that recorded `self.pending`: `f` is the running frame,
    /// `pc`/`sp` where it resumes (the call's result on top). Returns the frame (it may move).
    #[cold]
    pub(super) fn blocking_point(&mut self, f: ObjRef, pc: usize, sp: usize) -> R<ObjRef> {
        let op = self.pending.take().expect("a pending operation");
        self.flush(f, pc, sp)?;
        self.mcache_flush();
        self.m.roots().words[ROOT_FRAME] = f.0;
        match self.m.commit() {
            Ok(_) => {}
            // Redone from the last commit: the call runs again and records the operation again.
            Err(gc::GcError::Aborted(_)) => return Err(Unwind::Abort),
            Err(e) => crate::interp::fatal_gc(e),
        }
        self.launch_threads();
        let r = perform(op);
        self.m.thread().yield_segment();
        self.m.start();
        let f = ObjRef(self.m.roots().words[ROOT_FRAME]);
        self.frame_barrier(f)?;
        self.set_restart_point(f);
        self.resume_fix = None;
        if let Blocking::Acquire(..) = op {
            self.resume_fix = Some((sp - 1, r));
            self.set_slot(f, sp - 1, r)?;
        }
        Ok(f)
    }

    /// After an abort, before resuming at the last commit: the result of the blocking
    /// operation that commit was made for, which the committed frame does not hold.
    pub fn apply_resume_fix(&mut self) -> R<()> {
        if let Some((i, v)) = self.resume_fix {
            let f = self.frame;
            self.frame_barrier(f)?;
            self.set_slot(f, i, v)?;
        }
        Ok(())
    }

    /// `_thread.start_new_thread`: the new thread's identity. It starts after the next commit
    /// (at once when called directly by the outermost loop).
    pub fn start_thread(&mut self, func: Value, args: Value, kwargs: Value) -> R<Value> {
        let payload = self.new_tuple(&[func, args, kwargs]);
        let ident = threads::new_ident();
        self.m.roots().words.push(payload.0);
        self.starting.push(ident);
        if self.deferrable && !self.m.th().is_atomic() {
            self.pending = Some(Blocking::Commit);
        } else {
            self.m.th().hint_commit_soon();
        }
        Ok(Value::int(ident as i64))
    }

    /// Forgets the threads whose start was rolled back by an abort.
    pub fn forget_unstarted(&mut self) {
        self.starting.clear();
        self.m.roots().words.truncate(ROOT_STARTING);
    }

    /// Right after a commit, outside any transaction: starts the threads whose payloads that
    /// commit published. Each payload stays in this thread's roots until the new thread has
    /// rooted it itself.
    pub fn launch_threads(&mut self) {
        if self.starting.is_empty() {
            return;
        }
        let idents = std::mem::take(&mut self.starting);
        let payloads: Vec<u64> = self.m.roots().words[ROOT_STARTING..].to_vec();
        for (ident, p) in idents.into_iter().zip(payloads) {
            let (tx, rx) = std::sync::mpsc::channel::<()>();
            let rt = self.rt.clone();
            threads::RUNNING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let spawned = std::thread::Builder::new()
                .name(format!("pystm-{ident}"))
                .stack_size(crate::THREAD_STACK)
                .spawn(move || crate::run::thread_main(rt, ObjRef(p), ident, tx));
            match spawned {
                Ok(_) => {
                    // Until the new thread holds the payload in its roots.
                    let _ = rx.recv();
                }
                Err(e) => {
                    threads::RUNNING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    eprintln!("pystm: cannot start a thread: {e}");
                }
            }
        }
        self.m.roots().words.truncate(ROOT_STARTING);
    }
}

/// The payload of a thread start: (function, args tuple, kwargs dict or None).
pub fn payload_parts(vm: &Vm, p: ObjRef) -> (Value, Value, Value) {
    (vm.ld(p, TUPLE_ITEMS), vm.ld(p, TUPLE_ITEMS + 8), vm.ld(p, TUPLE_ITEMS + 16))
}
