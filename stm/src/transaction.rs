//! Transactions: start, commit (c7: stop the others at safe points, detect write-read conflicts
//! from their read markers, copy what was written into segment 0 and into every other segment's
//! private copy of the page), abort (restore from segment 0), inevitable transactions and atomic
//! sections. This file must never map memory (that is `pages.rs`) or choose winners (that is
//! `contention.rs`).

use crate::contention::signal_abort;
use crate::error::{Abort, AbortReason};
use crate::events::{Conflict, ConflictKind, EventKind};
use crate::layout::*;
use crate::memory::Memory;
use crate::object::{FLAG_WRITE_BARRIER, HEADER_FLAGS, ObjRef};
use crate::sync::{AbortInfo, TxLog};
use crate::{Stm, Thread, fatal};
use std::sync::atomic::Ordering::*;
use std::time::{Duration, Instant};

/// What a successful commit did.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CommitInfo {
    /// Position in the serial order: a writing transaction gets the next number; a read-only one
    /// gets the number of the last writing transaction committed before it (it serializes right
    /// after that one).
    pub seq: u64,
    /// Whether the transaction wrote no old object and created none.
    pub read_only: bool,
    /// Old objects it wrote.
    pub modified: usize,
    /// Objects it created outside the nursery.
    pub new_objects: usize,
}

impl Thread {
    /// Starts a transaction, first taking a segment (waiting while none is free). A transaction
    /// that restarts after an abort keeps its age, so it eventually wins its conflicts.
    pub fn start(&mut self) {
        assert!(!self.in_tx, "start: a transaction is already running");
        let stm = self.stm.clone();
        if let Some((w, attempt)) = self.wait_for.take() {
            // Restarting at once would mostly take the same locks again and lose again: let the
            // transaction that won finish first (it holds nothing of ours now).
            let t0 = Instant::now();
            let mut b = crate::sync::Backoff::new();
            let c = &stm.ctl[w];
            while c.attempt.load(SeqCst) == attempt && c.tx_active.load(SeqCst) {
                b.snooze();
            }
            self.stats.time_waiting += t0.elapsed();
        }
        if self.seg != 0 && !stm.pool.resume(self.seg, self.id) {
            self.forget_segment(); // taken over while idle
        }
        if self.seg == 0 {
            self.acquire_segment();
        }
        let info = stm.mem.info(self.seg);
        let mut v = self.read_version.wrapping_add(1);
        if v == 0 {
            if let Err(e) = stm.mem.reset_markers(self.seg) {
                fatal("cannot reset the read markers", &e);
            }
            v = 1;
        }
        self.read_version = v;
        info.read_version.store(v, Relaxed);
        info.signal.fetch_and(!(SIGNAL_ABORT | SIGNAL_COMMIT_SOON), SeqCst);
        self.start_time = self.restart_time.take().unwrap_or_else(|| stm.clock.fetch_add(1, Relaxed));
        let ctl = &stm.ctl[self.seg];
        ctl.start_time.store(self.start_time, SeqCst);
        {
            let mut slot = ctl.abort_info.lock().unwrap(); // see `SegmentCtl::abort_info`
            *slot = None;
            ctl.attempt.fetch_add(1, SeqCst);
            ctl.tx_active.store(true, SeqCst);
        }
        let paused = ctl.leave_quiescence(info);
        self.in_tx = true;
        self.tx_begin = Instant::now();
        self.tx_excluded = Duration::ZERO;
        self.note_paused(paused);
        stm.emit(self.id, self.seg, EventKind::Start);
    }

    /// Records `obj`, created by this transaction outside the nursery (its header written, flags
    /// 0), so that the commit makes it visible to every segment.
    pub fn register_new_object(&mut self, obj: ObjRef) {
        self.register_new_objects(&[obj]);
    }

    /// [`Thread::register_new_object`] for many objects at once (the GC's minor collection).
    pub fn register_new_objects(&mut self, objs: &[ObjRef]) {
        assert!(self.in_tx, "register_new_object: no transaction is running");
        for &obj in objs {
            self.stm.object_size(self.seg, obj); // checks that it lies in the object area
            let locked = self.stm.mem.lock(obj.0).compare_exchange(0, self.seg as u8, AcqRel, Acquire);
            assert!(locked.is_ok(), "register_new_object: {obj:?} is not a fresh object");
        }
        self.stm.ctl[self.seg].log.lock().unwrap().new_objects.extend_from_slice(objs);
    }

    /// Takes the list of old objects written (write-barrier slow path) since the last call in
    /// this transaction; the GC's minor collection scans them for nursery references and sets
    /// their write-barrier flag again.
    pub fn take_written(&mut self) -> Vec<ObjRef> {
        assert!(self.in_tx, "take_written: no transaction is running");
        std::mem::take(&mut self.stm.ctl[self.seg].log.lock().unwrap().written)
    }

    /// The old objects written since the last `take_written`, without taking them.
    pub fn written(&self) -> Vec<ObjRef> {
        assert!(self.in_tx, "written: no transaction is running");
        self.stm.ctl[self.seg].log.lock().unwrap().written.clone()
    }

    /// Sets the write-barrier flag on this segment's copy of `obj`, an object this transaction
    /// wrote or created, so that its next write is recorded again (`take_written`). For the GC.
    pub fn set_write_barrier(&self, obj: ObjRef) {
        let f = self.load_u32(obj, HEADER_FLAGS);
        self.store_u32(obj, HEADER_FLAGS, f | FLAG_WRITE_BARRIER);
    }

    /// Commits the running transaction. On `Err` it was aborted and rolled back instead.
    /// Must not be called inside an atomic section (check [`Thread::should_break`] at commit
    /// points; it is false there).
    pub fn commit(&mut self) -> Result<CommitInfo, Abort> {
        assert!(self.in_tx, "commit: no transaction is running");
        assert!(self.atomic_depth == 0, "commit inside an atomic section");
        self.check_abort_signal()?;
        let stm = self.stm.clone();
        let me = self.seg;
        let log = std::mem::take(&mut *stm.ctl[me].log.lock().unwrap());
        if log.modified.is_empty() && log.new_objects.is_empty() {
            // Read-only: every commit since this one's first read checked its markers, so its
            // reads are still those of the committed state after commit number `seq`.
            let seq = stm.seq.load(SeqCst);
            self.stats.read_only_commits += 1;
            return Ok(self.finish_commit(&stm, seq, true, 0, 0));
        }
        *stm.ctl[me].log.lock().unwrap() = log;
        let pause = self.stop_world()?;
        let log = std::mem::take(&mut *stm.ctl[me].log.lock().unwrap());

        // Write-read conflicts: did a running transaction read what this one wrote?
        let mut losers = Vec::new();
        for s in 1..stm.mem.nsegs() {
            if s == me || !stm.ctl[s].tx_active.load(SeqCst) {
                continue;
            }
            let rv = stm.mem.info(s).read_version.load(Relaxed);
            let Some(&(obj, mk)) = log.modified.iter().find(|(o, _)| stm.mem.read_u8(s, o.0 >> 4) == rv) else {
                continue;
            };
            // The committer wins unless the reader is inevitable (see `contention.rs`).
            if !stm.ctl[s].inevitable.load(SeqCst) {
                losers.push((s, obj, mk));
            } else {
                *stm.ctl[me].log.lock().unwrap() = log;
                *stm.ctl[me].abort_info.lock().unwrap() = Some(AbortInfo {
                    reason: AbortReason::CommitConflict,
                    obj,
                    winner_segment: s,
                    winner_attempt: stm.ctl[s].attempt.load(SeqCst),
                    winner_marker: 0,
                });
                drop(pause);
                return Err(self.abort_now(AbortReason::CommitConflict));
            }
        }
        for &(s, obj, mk) in &losers {
            let attempt = stm.ctl[s].attempt.load(SeqCst);
            let info = AbortInfo {
                reason: AbortReason::WriteRead,
                obj,
                winner_segment: me,
                winner_attempt: stm.ctl[me].attempt.load(Relaxed),
                winner_marker: mk,
            };
            if signal_abort(&stm, s, attempt, info) {
                self.stats.conflicts += 1;
            }
        }

        // From here the commit cannot fail. Publish, then release the locks.
        for &obj in log.modified.iter().map(|(o, _)| o).chain(&log.new_objects) {
            let size = stm.object_size(me, obj);
            self.publish(&stm, obj, size);
        }
        for &obj in log.modified.iter().map(|(o, _)| o).chain(&log.new_objects) {
            stm.mem.lock(obj.0).store(0, Release);
        }
        let seq = stm.seq.fetch_add(1, SeqCst) + 1;
        drop(pause);
        Ok(self.finish_commit(&stm, seq, false, log.modified.len(), log.new_objects.len()))
    }

    /// Sets the write-barrier flag on this segment's copy of `obj` and copies the object into
    /// segment 0 (when this segment's page is private) and into every other segment that has
    /// the page private. Others are paused.
    fn publish(&self, stm: &Stm, obj: ObjRef, size: u64) {
        let me = self.seg;
        let f = self.load_u32(obj, HEADER_FLAGS);
        self.store_u32(obj, HEADER_FLAGS, f | FLAG_WRITE_BARRIER);
        let mine = 1u64 << (me - 1);
        let end = obj.0 + size;
        let mut off = obj.0;
        while off < end {
            let page = Memory::page_of(off);
            let chunk_end = end.min(Memory::page_offset(page + 1));
            let len = (chunk_end - off) as usize;
            let bits = stm.mem.page_bits(page).load(Acquire);
            if bits & mine != 0 {
                stm.mem.copy(me, 0, off, len);
            }
            let mut others = bits & !mine;
            while others != 0 {
                let t = others.trailing_zeros() as usize + 1;
                others &= others - 1;
                stm.mem.copy(me, t, off, len);
            }
            off = chunk_end;
        }
    }

    fn finish_commit(
        &mut self,
        stm: &Stm,
        seq: u64,
        read_only: bool,
        modified: usize,
        new_objects: usize,
    ) -> CommitInfo {
        self.stats.commits += 1;
        self.stats.time_committed += self.tx_begin.elapsed().saturating_sub(self.tx_excluded);
        stm.emit(self.id, self.seg, EventKind::Commit { seq, modified, new_objects });
        self.end_transaction();
        CommitInfo { seq, read_only, modified, new_objects }
    }

    /// Aborts the running transaction on request: every change is undone. Panics if the
    /// transaction is inevitable (its effects cannot be undone).
    pub fn abort(&mut self) -> Abort {
        assert!(self.in_tx, "abort: no transaction is running");
        assert!(!self.inevitable, "abort of an inevitable transaction");
        self.abort_now(AbortReason::Explicit)
    }

    /// Aborts because another thread set `SIGNAL_ABORT` on this segment.
    pub(crate) fn abort_signalled(&mut self) -> Abort {
        let reason = self.stm.ctl[self.seg].abort_info.lock().unwrap().map_or(AbortReason::WriteRead, |i| i.reason);
        self.abort_now(reason)
    }

    /// Rolls back: restores every written object from segment 0, releases the write locks,
    /// forgets created objects, and leaves the transaction.
    pub(crate) fn abort_now(&mut self, reason: AbortReason) -> Abort {
        debug_assert!(!self.inevitable);
        let stm = self.stm.clone();
        let me = self.seg;
        let log: TxLog = std::mem::take(&mut *stm.ctl[me].log.lock().unwrap());
        for &(obj, _) in log.modified.iter().rev() {
            let size = stm.object_size(0, obj) as usize;
            stm.mem.copy(0, me, obj.0, size);
            stm.mem.lock(obj.0).store(0, Release);
        }
        for &obj in &log.new_objects {
            stm.mem.lock(obj.0).store(0, Release);
        }
        let lost = self.tx_begin.elapsed();
        self.stats.aborts[reason as usize] += 1;
        self.stats.time_aborted += lost.saturating_sub(self.tx_excluded);
        if let Some(info) = *stm.ctl[me].abort_info.lock().unwrap() {
            self.stats.conflicts += 1;
            self.wait_for = Some((info.winner_segment, info.winner_attempt));
            let kind = match info.reason {
                AbortReason::WriteWrite => ConflictKind::WriteWriteAbort,
                _ => ConflictKind::WriteRead,
            };
            let c = Conflict {
                kind,
                obj: info.obj,
                lost,
                winner_segment: info.winner_segment,
                winner_marker: info.winner_marker,
                loser_marker: self.marker,
            };
            stm.emit(self.id, me, EventKind::Conflict(c));
        }
        stm.emit(self.id, me, EventKind::Abort { reason, lost });
        self.restart_time = Some(self.start_time);
        self.atomic_depth = 0;
        self.end_transaction();
        Abort { reason }
    }

    /// Leaves the transaction (committed or rolled back): no longer inevitable, quiescent, no
    /// longer checked for conflicts; the segment stays held but idle (see `SegmentPool`).
    fn end_transaction(&mut self) {
        let ctl = &self.stm.ctl[self.seg];
        if self.inevitable {
            ctl.inevitable.store(false, SeqCst);
            self.stm.inevitable_owner.store(0, SeqCst);
            self.inevitable = false;
        }
        {
            let _slot = ctl.abort_info.lock().unwrap(); // see `SegmentCtl::abort_info`
            ctl.tx_active.store(false, SeqCst);
        }
        ctl.enter_quiescence();
        self.info().signal.fetch_and(!(SIGNAL_ABORT | SIGNAL_COMMIT_SOON), SeqCst);
        self.in_tx = false;
        self.stm.pool.park(self.seg, self.id);
    }

    /// Makes the running transaction inevitable: it will never abort, so it may do I/O. Only
    /// one transaction is inevitable at a time; this waits (quiescent) for the current one.
    /// Fails if the transaction is aborted while waiting.
    pub fn become_inevitable(&mut self) -> Result<(), Abort> {
        assert!(self.in_tx, "become_inevitable: no transaction is running");
        if self.inevitable {
            return Ok(());
        }
        let stm = self.stm.clone();
        let me = self.seg;
        while stm.inevitable_owner.compare_exchange(0, me, AcqRel, Acquire).is_err() {
            self.wait_quiescent(|stm| stm.inevitable_owner.load(Acquire) == 0)?;
        }
        {
            let _g = stm.cm_lock.lock().unwrap();
            if self.info().signal.load(SeqCst) & SIGNAL_ABORT == 0 {
                stm.ctl[me].inevitable.store(true, SeqCst);
                self.inevitable = true;
            }
        }
        if !self.inevitable {
            stm.inevitable_owner.store(0, SeqCst);
            return Err(self.abort_signalled());
        }
        stm.emit(self.id, me, EventKind::BecomeInevitable);
        Ok(())
    }

    /// Opens an atomic section (nestable): the transaction does not break at commit points
    /// until the matching [`Thread::atomic_end`]. A conflict may still abort it, and it then
    /// restarts from its start, so its effects are all-or-nothing.
    pub fn atomic_begin(&mut self) {
        assert!(self.in_tx, "atomic_begin: no transaction is running");
        self.atomic_depth += 1;
    }

    /// Closes the innermost atomic section.
    pub fn atomic_end(&mut self) {
        assert!(self.atomic_depth > 0, "atomic_end without atomic_begin");
        self.atomic_depth -= 1;
    }
}
