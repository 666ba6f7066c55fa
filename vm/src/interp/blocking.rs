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
//! Anywhere else (a nested loop, an atomic block) a lock operation runs at once and is logged;
//! an abort undoes the log (releases what was acquired, re-takes what was released). A wait
//! that cannot be done at once there waits a little inside the transaction (quiescent, so that
//! others commit and may abort it), then aborts the transaction itself: the thread waits for
//! the lock outside any transaction and redoes its work from the last commit. (An inevitable
//! transaction cannot abort: it just waits.)
//!
//! Console output (stdout and stderr, when not a terminal) written by a transaction is kept
//! until it commits, and dropped if it aborts, so that it is written exactly once.
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
    /// Commit, then run a major collection (`gc.collect()`).
    Collect,
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
        Blocking::Commit | Blocking::Collect => Value::NONE,
    }
}

impl Vm {
    /// Runs `op` for a built-in: deferred to the blocking point right after the call when the
    /// built-in was called directly by the outermost loop (the return value is a placeholder
    /// that the blocking point replaces), else at once, logged for an abort to undo.
    pub fn block(&mut self, op: Blocking) -> R<Value> {
        if self.deferrable && !self.m.th().is_atomic() {
            self.pending = Some(op);
            return Ok(Value::NONE);
        }
        match op {
            Blocking::Sleep(d) => {
                if std::mem::take(&mut self.slept) {
                    // The redo of a sleep done outside the transaction (below).
                    return Ok(Value::NONE);
                }
                // Sleep quiescent (others commit meanwhile), in slices: if another thread comes
                // to wait for a segment, sleep the rest outside the transaction and redo the
                // work (the segment is not kept from it).
                let end = std::time::Instant::now() + d;
                loop {
                    let now = std::time::Instant::now();
                    if now >= end {
                        return Ok(Value::NONE);
                    }
                    if !self.m.th().is_inevitable() && self.rt.gc.stm().segment_wanted() {
                        self.restart_sleep = Some(end - now);
                        self.m.abort();
                        return Err(Unwind::Abort);
                    }
                    self.m.thread().enter_safe_zone();
                    std::thread::sleep((end - now).min(Duration::from_millis(1)));
                    if self.m.thread().leave_safe_zone().is_err() {
                        // Aborted by a conflict: sleep the rest before the redo, which skips it.
                        self.restart_sleep = Some(end.saturating_duration_since(std::time::Instant::now()));
                        return Err(Unwind::Abort);
                    }
                }
            }
            Blocking::Commit => Ok(Value::NONE),
            Blocking::Collect => {
                self.m.th().hint_commit_soon();
                Ok(Value::NONE)
            }
            Blocking::Release(l) => {
                l.release();
                self.log_lock(l, false);
                Ok(Value::NONE)
            }
            Blocking::Acquire(l, t) => {
                if l.try_acquire() {
                    self.log_lock(l, true);
                    return Ok(Value::TRUE);
                }
                if t == Some(Duration::ZERO) {
                    return Ok(Value::FALSE);
                }
                self.acquire_in_transaction(l, t)
            }
        }
    }

    /// Notes a lock operation done inside the transaction, for an abort to undo (an inevitable
    /// transaction never aborts).
    fn log_lock(&mut self, l: &'static RawLock, acquired: bool) {
        if !self.m.th().is_inevitable() {
            self.undo.push((l, acquired));
        }
    }

    /// Waits for `l` inside the transaction, quiescent, watching for an abort. A finite
    /// timeout is waited out; an endless wait gives up after `NESTED_WAIT` and aborts, to wait
    /// outside the transaction and redo the work (see the file comment).
    fn acquire_in_transaction(&mut self, l: &'static RawLock, t: Option<Duration>) -> R<Value> {
        // How long to wait inside the transaction before giving up: short, since a redo is
        // cheap and the holder may need what this transaction read (its commit would conflict
        // with this waiting transaction, and lose to it if this one is older); no wait at all
        // when other threads wait for a segment (the lock's holder may be one of them).
        const NESTED_WAIT: Duration = Duration::from_micros(200);
        const SLICE: Duration = Duration::from_micros(100);
        let inevitable = self.m.th().is_inevitable();
        let start = std::time::Instant::now();
        // A redo of a timed wait whose time ran out while it waited outside the transaction.
        if t.is_some() && self.expired_wait.take().is_some_and(|e| std::ptr::eq(e, l)) {
            return Ok(Value::FALSE);
        }
        loop {
            let waited = start.elapsed();
            if let Some(t) = t
                && waited >= t
            {
                return Ok(Value::FALSE);
            }
            let give_up = (waited >= NESTED_WAIT || self.rt.gc.stm().segment_wanted())
                && (!inevitable || (t.is_none() && !self.starting.is_empty()));
            if give_up {
                if !self.starting.is_empty() {
                    // Threads started here run only after this transaction commits, which
                    // a redo from the last commit would never reach: waiting would never end.
                    return Err(self.new_error(
                        "RuntimeError",
                        "pystm cannot wait here for a thread started since the last commit: \
                         threads started inside a module import, exec(), an atomic block or a \
                         callback of a built-in (a property, __eq__, a sort key ...) run only \
                         once that call has returned; start and join threads from a function",
                    ));
                }
                self.restart_wait = Some((l, t.map(|t| start + t)));
                self.m.abort();
                return Err(Unwind::Abort);
            }
            let left = match t {
                Some(t) => (t - waited).min(SLICE),
                None => SLICE,
            };
            self.m.thread().enter_safe_zone();
            let got = l.acquire(Some(left));
            if self.m.thread().leave_safe_zone().is_err() {
                if got {
                    l.release();
                }
                return Err(Unwind::Abort);
            }
            if got {
                self.log_lock(l, true);
                return Ok(Value::TRUE);
            }
        }
    }

    /// Commits the running transaction (the frame to keep is in the root words), then does
    /// what waited for the commit: writes its console output, starts its threads. Err(Abort)
    /// if it lost a conflict (everything since the last commit is then forgotten).
    pub fn commit(&mut self) -> R<()> {
        match self.m.commit() {
            Ok(_) => {
                self.undo.clear();
                self.nested_yields = 0;
                self.nested_clock = None;
                self.slept = false;
                self.write_output();
                self.launch_threads();
                Ok(())
            }
            Err(gc::GcError::Aborted(_)) => {
                self.forget_since_commit();
                Err(Unwind::Abort)
            }
            Err(e) => crate::interp::fatal_gc(e),
        }
    }

    /// After an abort: forgets the effects kept for the commit that will not come (output,
    /// threads to start) and undoes the lock operations of the rolled-back transaction. The
    /// outermost loop calls it before every restart; code that aborts only returns `Abort`.
    pub fn forget_since_commit(&mut self) {
        self.pending = None;
        self.nested_clock = None;
        self.out_pending.clear();
        self.starting.clear();
        self.m.roots().words.truncate(ROOT_STARTING);
        for (l, acquired) in std::mem::take(&mut self.undo).into_iter().rev() {
            if acquired {
                l.release();
            } else if !l.acquire(Some(Duration::from_secs(2))) {
                // Another thread took the lock after this transaction released it and has kept
                // it: the redo will release it a second time. (A waiter woken through its
                // Condition lock keeps that lock for good; nothing better can be done here.)
                eprintln!(
                    "pystm: warning: a lock released inside a transaction that was then rolled back \
                     could not be taken back (another thread holds it)"
                );
            }
        }
    }

    /// Before restarting after an abort: if the transaction gave up waiting for a lock, wait
    /// (outside any transaction) until that lock is free, briefly.
    pub fn wait_before_restart(&mut self) {
        if let Some((l, deadline)) = self.restart_wait.take() {
            self.m.thread().yield_segment();
            let now = std::time::Instant::now();
            let until = deadline.unwrap_or(now + Duration::from_millis(50));
            l.wait_free(until.saturating_duration_since(now));
            if deadline.is_some_and(|d| std::time::Instant::now() >= d) && l.is_locked() {
                // The redo's timed acquire of this lock returns False at once.
                self.expired_wait = Some(l);
            }
        }
        if let Some(d) = self.restart_sleep.take() {
            self.m.thread().yield_segment();
            std::thread::sleep(d);
            self.slept = true;
        }
        if std::mem::take(&mut self.nested_yield) {
            // A nested loop gave its segment up to waiting threads: let them run.
            self.m.thread().yield_segment();
        }
    }

    /// Console output of the running transaction, written at its commit.
    pub fn buffer_output(&mut self, fid: usize, data: &[u8]) {
        match self.out_pending.last_mut() {
            Some((f, buf)) if *f == fid => buf.extend_from_slice(data),
            _ => self.out_pending.push((fid, data.to_vec())),
        }
    }

    /// Writes the output kept for the commit (or for becoming inevitable).
    pub fn write_output(&mut self) {
        for (fid, data) in std::mem::take(&mut self.out_pending) {
            crate::builtins::modules::write_raw(fid, &data);
        }
    }

    /// The blocking point after a call that recorded `self.pending`: `f` is the running frame,
    /// `pc`/`sp` where it resumes (the call's result on top). Returns the frame (it may move).
    #[cold]
    pub(super) fn blocking_point(&mut self, f: ObjRef, pc: usize, sp: usize) -> R<ObjRef> {
        let op = self.pending.take().expect("a pending operation");
        self.flush(f, pc, sp)?;
        self.mcache_flush();
        self.m.roots().words[ROOT_FRAME] = f.0;
        // On an abort the call is redone from the last commit and records the operation again.
        self.commit()?;
        let r = perform(op);
        self.m.thread().yield_segment();
        self.m.start();
        self.segment_held_since = std::time::Instant::now();
        let f = ObjRef(self.m.roots().words[ROOT_FRAME]);
        self.frame_barrier(f)?;
        self.set_restart_point(f);
        self.resume_fix = None;
        if let Blocking::Acquire(..) = op {
            self.resume_fix = Some((sp - 1, r));
            self.set_slot(f, sp - 1, r)?;
        }
        if let Blocking::Collect = op {
            // The frame is flushed and rooted: a safe point. (Nothing moves in a major
            // collection; the barrier is taken again for the pages it re-shared.)
            match self.m.major_collect() {
                Ok(()) => self.frame_barrier(f)?,
                Err(gc::GcError::Aborted(_)) => return Err(Unwind::Abort),
                Err(e) => crate::interp::fatal_gc(e),
            }
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
