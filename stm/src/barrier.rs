//! The read and write barriers: the inline fast paths JIT code must match, and the write
//! barrier's slow path (write lock, record, privatize, clear the flag). This file must never
//! commit or copy between segments.
//!
//! Contract (what callers, and JIT code, must do):
//! - before reading a mutable field of an old object in a transaction: [`Thread::read`] (one
//!   byte store of the read version at `base + (obj >> 4)`); it stays valid until the next
//!   possible transaction break (commit point, safe point that may abort);
//! - before writing any field of any object: [`Thread::write`] (test `FLAG_WRITE_BARRIER`, slow
//!   path if set). A write implies a read. Objects created in the running transaction never
//!   have the flag, so their barrier is one test.

use crate::contention::{signal_abort, wins};
use crate::error::{Abort, AbortReason};
use crate::events::{Conflict, ConflictKind, EventKind};
use crate::object::{FLAG_WRITE_BARRIER, HEADER_FLAGS, ObjRef};
use crate::sync::AbortInfo;
use crate::{Thread, fatal};
use std::sync::atomic::Ordering::*;
use std::time::Instant;

/// How far past the current nursery position one modified object may push the transaction's
/// mark (see `write_slow`).
const MAX_EXTENSION: u64 = 256 << 20;

impl Thread {
    /// The read barrier: marks `obj` as read by this transaction.
    #[inline(always)]
    pub fn read(&self, obj: ObjRef) {
        debug_assert!(self.in_tx, "read barrier outside a transaction");
        self.check_ref(obj, 0);
        // SAFETY: `check_ref` put `obj` in this segment's nursery or object area, whose marker
        // bytes `obj >> 4` lie in its mapped marker area (layout.rs); only the owner writes them.
        unsafe { std::ptr::write_volatile(self.base.add((obj.0 >> 4) as usize), self.read_version) }
    }

    /// The write barrier: call before writing any field of `obj`. Fails only if the transaction
    /// had to abort (it is then rolled back).
    #[inline(always)]
    pub fn write(&mut self, obj: ObjRef) -> Result<(), Abort> {
        if self.load_u32(obj, HEADER_FLAGS) & FLAG_WRITE_BARRIER != 0 { self.write_slow(obj) } else { Ok(()) }
    }

    #[cold]
    #[inline(never)]
    fn write_slow(&mut self, obj: ObjRef) -> Result<(), Abort> {
        assert!(self.in_tx, "write barrier outside a transaction");
        self.read(obj);
        let stm = self.stm.clone();
        let me = self.seg as u8;
        loop {
            match stm.mem.lock(obj.0).compare_exchange(0, me, AcqRel, Acquire) {
                Ok(_) => break,
                // Already ours: created by this transaction, or the GC set the flag again after a
                // minor collection.
                Err(owner) if owner == me => {
                    stm.ctl[self.seg].log.lock().unwrap().written.push(obj);
                    self.clear_write_flag(obj);
                    return Ok(());
                }
                Err(owner) => self.write_write_conflict(obj, owner as usize)?,
            }
        }
        {
            let mut log = stm.ctl[self.seg].log.lock().unwrap();
            log.modified.push((obj, self.marker));
            log.written.push(obj);
        }
        let size = stm.object_size(self.seg, obj);
        match stm.pages.privatize(&stm.mem, self.seg, obj.0, size) {
            Ok(n) => self.stats.pages_privatized += n as u64,
            Err(e) => fatal("cannot privatize a heap page", &e),
        }
        // The commit copies every modified object whole, so the transaction runs on for as many
        // nursery bytes as it modified: copying stays proportional to the work done (a loop that
        // appends to a big list would otherwise copy the whole list at every commit).
        // At most MAX_EXTENSION past the current nursery position, so that a transaction that
        // writes many old objects while allocating little still commits now and then.
        let info = self.info();
        let limit = info.nursery_current.load(Relaxed).saturating_add(MAX_EXTENSION);
        let mark = info.nursery_mark.load(Relaxed);
        info.nursery_mark.store(mark.max(mark.saturating_add(size).min(limit)), Relaxed);
        self.clear_write_flag(obj);
        Ok(())
    }

    fn clear_write_flag(&self, obj: ObjRef) {
        let f = self.load_u32(obj, HEADER_FLAGS);
        self.store_u32(obj, HEADER_FLAGS, f & !FLAG_WRITE_BARRIER);
    }

    /// `obj` is write-locked by segment `owner`. If this transaction wins, the owner is told to
    /// abort; either way this one waits (quiescent) until the lock is released, the owner's
    /// transaction attempt has ended (it may have taken the lock again on restart, and the
    /// caller must then decide again), or this one is itself told to abort.
    fn write_write_conflict(&mut self, obj: ObjRef, owner: usize) -> Result<(), Abort> {
        let stm = self.stm.clone();
        let t0 = Instant::now();
        let owner_attempt = stm.ctl[owner].attempt.load(SeqCst);
        let i_win = wins(&stm, self.inevitable, self.start_time, self.seg, owner);
        if i_win {
            let info = AbortInfo {
                reason: AbortReason::WriteWrite,
                obj,
                winner_segment: self.seg,
                winner_attempt: stm.ctl[self.seg].attempt.load(Relaxed),
                winner_marker: self.marker,
            };
            signal_abort(&stm, owner, owner_attempt, info);
        }
        self.stats.conflicts += 1;
        let waited = self.wait_quiescent(|stm| {
            stm.mem.lock(obj.0).load(Acquire) != owner as u8 || stm.ctl[owner].attempt.load(SeqCst) != owner_attempt
        });
        if waited.is_ok() {
            let c = Conflict {
                kind: ConflictKind::WriteWriteWait,
                obj,
                lost: t0.elapsed(),
                winner_segment: owner,
                winner_marker: stm.ctl[owner].marker_of(obj),
                loser_marker: self.marker,
            };
            stm.emit(self.id, self.seg, EventKind::Conflict(c));
        }
        waited
    }
}
