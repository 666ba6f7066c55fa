//! The per-thread handle: which segment the thread runs in, its transaction state, raw field
//! accessors, safe points, safe zones (around blocking calls), markers, statistics, and stopping
//! the world. Transactions themselves are in `transaction.rs`, barriers in `barrier.rs`. This
//! file must never decide conflicts.

use crate::error::Abort;
use crate::layout::*;
use crate::memory::Memory;
use crate::object::{HEADER_FLAGS, HEADER_TYPEID, ObjRef};
use crate::stats::Stats;
use crate::sync::Backoff;
use crate::{Stm, StmError, fatal};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::Ordering::*;
use std::time::{Duration, Instant};

/// One thread of execution on the STM. Not `Sync`: one OS thread uses it at a time (it may move
/// between OS threads; tests drive several from one OS thread, switching with safe zones).
pub struct Thread {
    pub(crate) stm: Arc<Stm>,
    pub(crate) id: u32,
    /// The segment held (0: none).
    pub(crate) seg: usize,
    /// The segment's base address (null while none is held).
    pub(crate) base: *mut u8,
    /// Field accesses must lie in `[NURSERY_START, NURSERY_START + span)`: the segment's nursery
    /// and object area less the last word (0 while no segment is held, which fails every check).
    pub(crate) span: u64,
    pub(crate) last_seg: usize,
    pub(crate) read_version: u8,
    pub(crate) in_tx: bool,
    pub(crate) atomic_depth: u32,
    pub(crate) inevitable: bool,
    pub(crate) start_time: u64,
    pub(crate) restart_time: Option<u64>,
    /// After losing a conflict: the winner's `(segment, attempt)`, waited out before restarting.
    pub(crate) wait_for: Option<(usize, u64)>,
    pub(crate) tx_begin: Instant,
    /// Time of the running transaction spent paused or waiting (not counted as work).
    pub(crate) tx_excluded: Duration,
    pub(crate) marker: u64,
    pub(crate) stats: Stats,
}

// SAFETY: `base` points into the STM's mappings, which the `Arc<Stm>` keeps alive; a `Thread`
// may move to another OS thread as long as one thread uses it at a time (it is not `Sync`).
unsafe impl Send for Thread {}

impl Thread {
    pub(crate) fn new(stm: Arc<Stm>, id: u32) -> Thread {
        Thread {
            stm,
            id,
            seg: 0,
            base: std::ptr::null_mut(),
            span: 0,
            last_seg: 0,
            read_version: 0,
            in_tx: false,
            atomic_depth: 0,
            inevitable: false,
            start_time: 0,
            restart_time: None,
            wait_for: None,
            tx_begin: Instant::now(),
            tx_excluded: Duration::ZERO,
            marker: 0,
            stats: Stats::default(),
        }
    }

    /// This thread's id (unique within its `Stm`, from 1).
    pub fn id(&self) -> u32 {
        self.id
    }
    /// The STM this thread runs on.
    pub fn stm(&self) -> &Arc<Stm> {
        &self.stm
    }
    /// The segment held, if any (outside a transaction an idle segment may have been taken over
    /// by a thread that waited for one).
    pub fn segment(&self) -> Option<usize> {
        (self.seg != 0 && (self.in_tx || self.stm.pool.holds(self.seg, self.id))).then_some(self.seg)
    }
    /// The base address of the segment held (null if none; see [`Thread::segment`]).
    pub fn segment_base(&self) -> *mut u8 {
        if self.segment().is_some() { self.base } else { std::ptr::null_mut() }
    }
    pub fn in_transaction(&self) -> bool {
        self.in_tx
    }
    pub fn is_inevitable(&self) -> bool {
        self.inevitable
    }
    /// The segment's current read version (what the read barrier stores); 0 before the first
    /// transaction.
    pub fn read_version(&self) -> u8 {
        self.read_version
    }
    /// Whether an atomic section is open.
    pub fn is_atomic(&self) -> bool {
        self.atomic_depth > 0
    }
    /// This thread's statistics so far.
    pub fn stats(&self) -> Stats {
        self.stats.clone()
    }
    /// Adds time spent in garbage collection to this thread's statistics (called by the GC).
    pub fn add_gc_time(&mut self, t: Duration) {
        self.stats.time_gc += t;
    }

    /// Sets the marker: an opaque location (the VM passes code and bytecode offset) recorded with
    /// each write and reported in conflict events.
    #[inline]
    pub fn set_marker(&mut self, marker: u64) {
        self.marker = marker;
    }

    /// The marker last set.
    #[inline]
    pub fn marker(&self) -> u64 {
        self.marker
    }

    /// The info block of the segment held (the GC keeps its nursery pointers there). Panics if
    /// no segment is held.
    #[inline(always)]
    pub fn segment_info(&self) -> &SegmentInfo {
        assert!(self.seg != 0, "no segment held");
        self.info()
    }

    /// A view of this segment's copy of `obj` for an object model (checked like field access).
    pub fn view(&self, obj: ObjRef) -> crate::ObjView<'_> {
        self.check_ref(obj, 8);
        self.stm.mem.view(self.seg, obj.0)
    }

    /// Zeroes `len` bytes (a multiple of 8) at `off` in this segment's nursery or object area.
    pub fn fill_zero(&self, off: u64, len: u64) {
        assert!(len % 8 == 0);
        if len > 0 {
            self.check_ref(ObjRef(off), 0);
            self.check_ref(ObjRef(off), len - 8);
            // SAFETY: both ends checked to lie in this segment's mapped nursery or object area.
            unsafe { std::ptr::write_bytes(self.base.add(off as usize), 0, len as usize) }
        }
    }

    /// The address of `words` consecutive 64-bit fields of this segment's copy of `obj`, from
    /// byte offset `field`, checked once: for a caller that accesses one object's fields many
    /// times (the interpreter's running frame). The address stays valid while this thread holds
    /// its segment and `obj` does not move (minor collections move young objects); page
    /// privatization keeps virtual addresses. Barriers remain the caller's duty.
    #[inline]
    pub fn fields_ptr(&self, obj: ObjRef, field: u64, words: u64) -> *mut u64 {
        assert!(words > 0);
        self.check_ref(obj, field);
        self.check_ref(obj, field + 8 * (words - 1));
        // SAFETY: both ends were checked to lie in this segment's mapped area.
        unsafe { self.base.add((obj.0 + field) as usize) as *mut u64 }
    }

    /// Lends this segment's bytes `off..off + len` to `f` (strings and other raw data). The
    /// bytes must belong to one object that nobody writes meanwhile (immutable, or private to
    /// this transaction).
    pub fn with_bytes<R>(&self, off: u64, len: u64, f: impl FnOnce(&[u8]) -> R) -> R {
        if len == 0 {
            return f(&[]);
        }
        self.check_ref(ObjRef(off), 0);
        self.check_ref(ObjRef(off + len - 1), 0);
        // SAFETY: the range lies in this segment's mapped nursery or object area (checked); no
        // commit, abort, collection or page remapping can happen while `f` runs: those need
        // `&mut self` or a safe point, and `f` holds no way to reach either through `self`.
        f(unsafe { std::slice::from_raw_parts(self.base.add(off as usize), len as usize) })
    }

    /// Lends the `words` 64-bit words at `off` to `f`, under the same rule as [`Thread::with_bytes`]
    /// (one object nobody writes meanwhile): big int digits.
    pub fn with_words<R>(&self, off: u64, words: u64, f: impl FnOnce(&[u64]) -> R) -> R {
        if words == 0 {
            return f(&[]);
        }
        assert!(off.is_multiple_of(8), "unaligned words");
        self.check_ref(ObjRef(off), 0);
        self.check_ref(ObjRef(off), 8 * (words - 1));
        // SAFETY: as in `with_bytes`; the segment base is page-aligned and `off` 8-aligned, so
        // the words are aligned, and any bit pattern is a valid u64.
        f(unsafe { std::slice::from_raw_parts(self.base.add(off as usize) as *const u64, words as usize) })
    }

    /// Lends this segment's bytes `off..off + len` to `f` for writing: only for an object this
    /// transaction has just allocated (or write-barriered).
    pub fn with_bytes_mut<R>(&mut self, off: u64, len: u64, f: impl FnOnce(&mut [u8]) -> R) -> R {
        if len == 0 {
            return f(&mut []);
        }
        self.check_ref(ObjRef(off), 0);
        self.check_ref(ObjRef(off + len - 1), 0);
        // SAFETY: as in `with_bytes`; `&mut self` also keeps every other accessor of this
        // thread away while the slice lives.
        f(unsafe { std::slice::from_raw_parts_mut(self.base.add(off as usize), len as usize) })
    }

    /// Copies `len` bytes from `src` to `dst` in this segment (the GC's moves out of the
    /// nursery, the bytes of immutable strings); the ranges must not overlap.
    pub fn copy_bytes(&self, src: u64, dst: u64, len: u64) {
        assert!(src + len <= dst || dst + len <= src, "bad copy");
        if len > 0 {
            // `check_ref` checks 8-byte words: the first one and the one ending the range.
            let last = len.saturating_sub(8);
            for (o, l) in [(src, 0), (src, last), (dst, 0), (dst, last)] {
                self.check_ref(ObjRef(o), l);
            }
            // SAFETY: both ranges checked to lie in this segment's mapped memory; they do not
            // overlap (checked), and no Rust reference points into them.
            unsafe {
                std::ptr::copy_nonoverlapping(self.base.add(src as usize), self.base.add(dst as usize), len as usize)
            }
        }
    }

    #[inline(always)]
    pub(crate) fn info(&self) -> &SegmentInfo {
        debug_assert!(self.seg != 0);
        // SAFETY: while a segment is held its info page is mapped (for the life of the `Stm`,
        // kept by `self.stm`) and made of atomics.
        unsafe { &*(self.base.add(INFO_OFFSET as usize) as *const SegmentInfo) }
    }

    /// Panics unless the 8 bytes at `obj + field` lie in this segment's nursery or object area.
    #[inline(always)]
    pub(crate) fn check_ref(&self, obj: ObjRef, field: u64) {
        let off = obj.0.wrapping_add(field);
        if off.wrapping_sub(NURSERY_START) >= self.span {
            bad_ref(obj, field);
        }
    }

    #[inline(always)]
    fn field_addr(&self, obj: ObjRef, field: u64) -> *mut u8 {
        self.check_ref(obj, field);
        // SAFETY: `check_ref` put the field inside this segment's mapped nursery or object area
        // (`span` is 0 while no segment is held, so that fails too).
        unsafe { self.base.add((obj.0 + field) as usize) }
    }

    /// Reads the 64-bit field at byte offset `field` of this segment's copy of `obj`. No barrier:
    /// call [`Thread::read`] first for mutable fields of old objects.
    #[inline(always)]
    pub fn load_u64(&self, obj: ObjRef, field: u64) -> u64 {
        // SAFETY: mapped (see `field_addr`), 8-aligned by the object layout; volatile because
        // the physical page may also be mapped at segment 0's address.
        unsafe { std::ptr::read_volatile(self.field_addr(obj, field) as *const u64) }
    }
    /// Writes the 64-bit field at `field` of this segment's copy. No barrier: call
    /// [`Thread::write`] first for old objects.
    #[inline(always)]
    pub fn store_u64(&self, obj: ObjRef, field: u64, v: u64) {
        // SAFETY: as in `load_u64`.
        unsafe { std::ptr::write_volatile(self.field_addr(obj, field) as *mut u64, v) }
    }
    /// Reads a 32-bit field.
    #[inline(always)]
    pub fn load_u32(&self, obj: ObjRef, field: u64) -> u32 {
        // SAFETY: as in `load_u64`, 4-aligned.
        unsafe { std::ptr::read_volatile(self.field_addr(obj, field) as *const u32) }
    }
    /// Writes a 32-bit field.
    #[inline(always)]
    pub fn store_u32(&self, obj: ObjRef, field: u64, v: u32) {
        // SAFETY: as in `load_u32`.
        unsafe { std::ptr::write_volatile(self.field_addr(obj, field) as *mut u32, v) }
    }
    /// The header flags of this segment's copy.
    #[inline(always)]
    pub fn flags(&self, obj: ObjRef) -> u32 {
        self.load_u32(obj, HEADER_FLAGS)
    }
    /// The type id of `obj`.
    #[inline(always)]
    pub fn typeid(&self, obj: ObjRef) -> u32 {
        self.load_u32(obj, HEADER_TYPEID)
    }
    /// Writes a fresh object's header (flags 0: no write barrier needed while it is new).
    #[inline(always)]
    pub fn init_header(&self, obj: ObjRef, typeid: u32) {
        const _: () = assert!(HEADER_FLAGS == 0 && HEADER_TYPEID == 4); // one little-endian word
        self.store_u64(obj, 0, (typeid as u64) << 32);
    }

    /// A safe point: answers pause and abort requests. Call it often in long-running code (the
    /// VM: at every bytecode boundary that may be a commit point); a transaction that does not
    /// reach one holds up every other thread's commit. Outside a transaction it does nothing.
    #[inline]
    pub fn safe_point(&mut self) -> Result<(), Abort> {
        if self.in_tx && self.info().signal.load(Relaxed) & (SIGNAL_PAUSE | SIGNAL_ABORT) != 0 {
            self.safe_point_slow()
        } else {
            Ok(())
        }
    }

    #[cold]
    #[inline(never)]
    fn safe_point_slow(&mut self) -> Result<(), Abort> {
        let ctl = &self.stm.ctl[self.seg];
        if self.info().signal.load(SeqCst) & SIGNAL_PAUSE != 0 {
            ctl.enter_quiescence();
            let paused = ctl.leave_quiescence(self.info());
            self.note_paused(paused);
        }
        self.check_abort_signal()
    }

    pub(crate) fn note_paused(&mut self, paused: Duration) {
        if paused > Duration::ZERO {
            self.stats.time_paused += paused;
            self.tx_excluded += paused;
            self.stm.emit(self.id, self.seg, crate::EventKind::Paused { time: paused });
        }
    }

    pub(crate) fn check_abort_signal(&mut self) -> Result<(), Abort> {
        if self.in_tx && self.info().signal.load(SeqCst) & SIGNAL_ABORT != 0 {
            Err(self.abort_signalled())
        } else {
            Ok(())
        }
    }

    /// Whether the transaction should end at this commit point: never inside an atomic section
    /// (or outside a transaction); otherwise when asked to commit soon, or when the nursery has
    /// passed the transaction's mark (both words are kept by the GC in the info block).
    #[inline]
    pub fn should_break(&self) -> bool {
        if self.atomic_depth > 0 || !self.in_tx {
            return false;
        }
        let info = self.info();
        info.signal.load(Relaxed) & SIGNAL_COMMIT_SOON != 0
            || info.nursery_current.load(Relaxed) >= info.nursery_mark.load(Relaxed)
    }

    /// Asks this thread's own transaction to break at its next commit point.
    pub fn hint_commit_soon(&self) {
        if self.in_tx {
            self.info().signal.fetch_or(SIGNAL_COMMIT_SOON, SeqCst);
        }
    }

    /// Enters a safe zone around a blocking operation (sleep, lock wait, I/O wait): other
    /// threads may commit meanwhile without waiting for this one. The thread must not touch the
    /// heap until [`Thread::leave_safe_zone`].
    pub fn enter_safe_zone(&mut self) {
        // Outside a transaction the thread is quiescent already (and its idle segment may have
        // been taken over by another thread).
        if self.in_tx {
            self.stm.ctl[self.seg].enter_quiescence();
        }
    }

    /// Leaves a safe zone, waiting out any commit in progress; fails if the transaction was
    /// aborted meanwhile (it is then rolled back).
    pub fn leave_safe_zone(&mut self) -> Result<(), Abort> {
        if self.seg == 0 || !self.in_tx {
            return Ok(());
        }
        let paused = self.stm.ctl[self.seg].leave_quiescence(self.info());
        self.note_paused(paused);
        self.check_abort_signal()
    }

    /// Waits, quiescent, until `done` holds or this transaction is told to abort. Time counts as
    /// waiting. Fails (rolled back) if the transaction was aborted meanwhile.
    pub(crate) fn wait_quiescent(&mut self, mut done: impl FnMut(&Stm) -> bool) -> Result<(), Abort> {
        let t0 = Instant::now();
        let ctl = &self.stm.ctl[self.seg];
        ctl.enter_quiescence();
        let mut b = Backoff::new();
        while !done(&self.stm) && self.info().signal.load(Acquire) & SIGNAL_ABORT == 0 {
            b.snooze();
        }
        ctl.leave_quiescence(self.info());
        let waited = t0.elapsed();
        self.stats.time_waiting += waited;
        self.tx_excluded += waited;
        self.check_abort_signal()
    }

    /// Takes a segment (waiting while none is free) and loads its read version.
    pub(crate) fn acquire_segment(&mut self) {
        debug_assert!(self.seg == 0);
        let t0 = Instant::now();
        let s = self.stm.pool.acquire(self.last_seg, self.id);
        self.stats.time_waiting += t0.elapsed();
        self.seg = s;
        self.last_seg = s;
        self.base = self.stm.mem.seg_base(s);
        self.span = OBJ_START + self.stm.heap_limit() - NURSERY_START - 7; // the last word too
        self.read_version = self.info().read_version.load(Relaxed);
    }

    /// Gives the segment back, for a thread that will not run transactions for a while. Does
    /// nothing inside a transaction. (An idle segment can also be taken over by a waiting
    /// thread without this call.)
    pub fn release_segment(&mut self) {
        if self.seg != 0 && !self.in_tx {
            self.stm.pool.release(self.seg, self.id);
            self.forget_segment();
        }
    }

    /// Between transactions: if other threads wait for a segment, gives this one to one of them
    /// (the next `start` then waits its turn). With more threads than segments (and in the
    /// one-segment GIL mode) this hands the segment round at every commit instead of letting the
    /// thread that just committed take it straight back. Returns whether it handed over.
    pub fn yield_segment(&mut self) -> bool {
        if self.seg == 0 || self.in_tx || !self.stm.pool.has_waiters() {
            return false;
        }
        let t0 = Instant::now();
        self.stm.pool.hand_over(self.seg, self.id);
        self.forget_segment();
        self.stats.time_waiting += t0.elapsed();
        true
    }

    pub(crate) fn forget_segment(&mut self) {
        self.seg = 0;
        self.base = std::ptr::null_mut();
        self.span = 0;
    }

    /// Stops every other thread at a safe point and runs `f` (the GC's major collection uses
    /// this). Inside a transaction the wait for the world may abort it.
    pub fn with_world_stopped<R>(&mut self, f: impl FnOnce(&WorldStopped<'_>) -> R) -> Result<R, Abort> {
        if self.seg == 0 || (!self.in_tx && !self.stm.pool.resume(self.seg, self.id)) {
            self.forget_segment();
            self.acquire_segment();
        }
        let pause = self.stop_world()?;
        let r = f(&WorldStopped { stm: &self.stm });
        drop(pause);
        if !self.in_tx {
            self.stm.pool.park(self.seg, self.id);
        }
        Ok(r)
    }

    /// Takes the commit lock and pauses every other segment. Inside a transaction the wait may
    /// abort it, and so does an abort signal that arrived before the pause.
    pub(crate) fn stop_world(&mut self) -> Result<WorldPause, Abort> {
        loop {
            if self.stm.commit_lock.compare_exchange(false, true, Acquire, Relaxed).is_ok() {
                break;
            }
            if self.in_tx {
                self.wait_quiescent(|stm| !stm.commit_lock.load(Relaxed))?;
            } else {
                let mut b = Backoff::new();
                while self.stm.commit_lock.load(Relaxed) {
                    b.snooze();
                }
            }
        }
        self.stm.pause_others(self.seg);
        let pause = WorldPause { stm: self.stm.clone(), me: self.seg };
        if self.in_tx && self.info().signal.load(SeqCst) & SIGNAL_ABORT != 0 {
            drop(pause);
            return Err(self.abort_signalled());
        }
        Ok(pause)
    }
}

/// The commit lock held and every other segment paused. Dropping it (also when unwinding from a
/// panic) resumes the others and releases the lock.
pub(crate) struct WorldPause {
    stm: Arc<Stm>,
    me: usize,
}

impl Drop for WorldPause {
    fn drop(&mut self) {
        self.stm.resume_others(self.me);
        self.stm.commit_lock.store(false, Release);
    }
}

impl Stm {
    /// Sets `SIGNAL_PAUSE` on every segment but `me` and waits until each is quiescent.
    pub(crate) fn pause_others(&self, me: usize) {
        for s in 1..self.mem.nsegs() {
            if s != me {
                self.mem.info(s).signal.fetch_or(SIGNAL_PAUSE, SeqCst);
            }
        }
        for s in 1..self.mem.nsegs() {
            if s != me {
                let mut b = Backoff::new();
                while !self.ctl[s].is_quiescent() {
                    b.snooze();
                }
            }
        }
    }

    /// Clears `SIGNAL_PAUSE` on every segment but `me`.
    pub(crate) fn resume_others(&self, me: usize) {
        for s in 1..self.mem.nsegs() {
            if s != me {
                self.mem.info(s).signal.fetch_and(!SIGNAL_PAUSE, SeqCst);
            }
        }
    }
}

/// Proof that every other thread is stopped at a safe point (see
/// [`Thread::with_world_stopped`]).
pub struct WorldStopped<'a> {
    stm: &'a Stm,
}

impl WorldStopped<'_> {
    /// The segments that run a transaction now (paused), with their owners' transaction logs:
    /// `(segment, modified objects, created objects)`. For the GC's major collection.
    pub fn transactions(&self) -> Vec<(usize, Vec<ObjRef>, Vec<ObjRef>)> {
        let stm = self.stm;
        (1..stm.mem.nsegs())
            .filter(|&s| stm.ctl[s].tx_active.load(SeqCst))
            .map(|s| {
                let log = stm.ctl[s].log.lock().unwrap();
                (s, log.modified.iter().map(|&(o, _)| o).collect(), log.new_objects.clone())
            })
            .collect()
    }

    /// Reads the 64-bit word at `obj + field` in segment `s`'s view (0: the committed state).
    #[inline]
    pub fn load_u64(&self, s: usize, obj: ObjRef, field: u64) -> u64 {
        let off = obj.0.wrapping_add(field);
        let lo = if s == 0 { OBJ_START } else { NURSERY_START };
        if !(off >= lo && off + 8 <= OBJ_START + self.stm.heap_limit() && off % 8 == 0) {
            bad_ref(obj, field);
        }
        self.stm.mem.read_u64(s, off)
    }

    /// A view of segment `s`'s copy of `obj` (0: the committed state), for an object model.
    pub fn view(&self, s: usize, obj: ObjRef) -> crate::ObjView<'_> {
        self.load_u64(s, obj, 8);
        self.stm.mem.view(s, obj.0)
    }

    /// The size of segment `s`'s copy of the old object `obj`, from the object model.
    pub fn object_size(&self, s: usize, obj: ObjRef) -> u64 {
        self.stm.object_size(s, obj)
    }

    /// The info block of segment `s` (1..=N), e.g. its nursery pointers.
    pub fn info(&self, s: usize) -> &SegmentInfo {
        self.stm.mem.info(s)
    }

    /// Re-shares every private page that holds no object written or created by a running
    /// transaction: maps it back onto segment 0's page and frees the private copy. Returns the
    /// number of pages re-shared.
    pub fn reshare_pages(&self) -> Result<usize, StmError> {
        let stm = self.stm;
        let mut total = 0;
        for s in 1..stm.mem.nsegs() {
            let mut keep = BTreeSet::new();
            {
                let log = stm.ctl[s].log.lock().unwrap();
                let mut add = |obj: ObjRef, from: usize| {
                    let size = stm.object_size(from, obj);
                    for p in Memory::page_of(obj.0)..=Memory::page_of(obj.0 + size - 1) {
                        keep.insert(p);
                    }
                };
                log.modified.iter().for_each(|&(o, _)| add(o, 0));
                log.new_objects.iter().for_each(|&o| add(o, s));
            }
            total += stm.pages.reshare(&stm.mem, s, &keep)?;
        }
        stm.pages.reshare_wanted.store(false, Relaxed);
        Ok(total)
    }
}

impl Drop for Thread {
    fn drop(&mut self) {
        if self.in_tx {
            // Possibly inside a safe zone (unwinding from a panic): leave it before touching the
            // heap. If the transaction was aborted meanwhile, it is rolled back already.
            let _ = self.leave_safe_zone();
        }
        if self.in_tx {
            if self.inevitable {
                // An inevitable transaction cannot be undone; make its effects durable.
                if let Err(a) = self.commit() {
                    fatal("inevitable transaction failed to commit", &a);
                }
            } else {
                self.abort();
            }
        }
        self.release_segment();
        self.stm.retired.lock().unwrap().add(&self.stats);
    }
}

/// The failure path of `check_ref`, out of line so that the hot path spills nothing for the
/// panic message.
#[cold]
#[inline(never)]
fn bad_ref(obj: ObjRef, field: u64) -> ! {
    panic!("bad heap reference {obj:?} + {field}")
}
