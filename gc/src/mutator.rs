//! The per-thread side of the GC: allocation (nursery fast path, old space for large objects),
//! the thread's roots, object identity, and transactions wrapped so that the nursery is always
//! collected before a commit and dropped after an abort. Field access and barriers are the
//! STM's (`Mutator::thread`). This file must never stop the world (that is `major.rs`).

use crate::nursery::{self, LARGE_OBJECT};
use crate::oldspace::MAX_SMALL;
use crate::{Gc, GcError, GcModel};
use std::sync::atomic::Ordering::Relaxed;
use std::sync::{Arc, Mutex, MutexGuard};
use stm::fxhash::FxMap;
use stm::layout::NURSERY_START;
use stm::{Abort, CommitInfo, ObjRef, StmError, Thread};

/// A thread's roots: the words the VM keeps outside the heap (its frame chain head, thread
/// state). Minor collections update them in place; major collections read them with the
/// thread paused.
#[derive(Default)]
pub struct Roots {
    /// Reference (or tagged value) words.
    pub words: Vec<u64>,
    /// The segment whose view the words refer to (0 outside a transaction).
    pub(crate) segment: usize,
    /// Young objects whose id was taken: the old-space slot each will move to.
    pub(crate) shadows: FxMap<u64, u64>,
}

/// One allocating thread.
pub struct Mutator<M: GcModel> {
    pub(crate) gc: Arc<Gc<M>>,
    pub(crate) th: Thread,
    pub(crate) roots: Arc<Mutex<Roots>>,
    pub(crate) collect_requested: bool,
    pub(crate) safe_points: u64,
}

impl<M: GcModel> Mutator<M> {
    pub(crate) fn new(gc: Arc<Gc<M>>) -> Mutator<M> {
        let roots = Arc::new(Mutex::new(Roots::default()));
        gc.roots.lock().unwrap().push(Arc::downgrade(&roots));
        let th = gc.stm.thread();
        Mutator { gc, th, roots, collect_requested: false, safe_points: 0 }
    }

    /// The STM thread: barriers, field access, markers, atomic sections.
    pub fn thread(&mut self) -> &mut Thread {
        &mut self.th
    }

    /// The STM thread, for reads (field loads, the read barrier).
    #[inline(always)]
    pub fn th(&self) -> &Thread {
        &self.th
    }

    /// The GC this mutator allocates from.
    pub fn gc(&self) -> &Arc<Gc<M>> {
        &self.gc
    }

    /// This thread's roots (lock held while the guard lives; do not allocate meanwhile).
    pub fn roots(&self) -> MutexGuard<'_, Roots> {
        self.roots.lock().unwrap()
    }

    /// Starts a transaction with an empty nursery and the transaction length from the config.
    pub fn start(&mut self) {
        self.th.start();
        let seg = self.th.segment().expect("a transaction holds a segment");
        // Whatever an aborted transaction left in this segment's nursery is dead.
        self.empty_nursery();
        let info = self.th.segment_info();
        info.nursery_mark.store(NURSERY_START + self.gc.config.transaction_length, Relaxed);
        let mut roots = self.roots.lock().unwrap();
        roots.segment = seg;
        roots.shadows.clear();
        drop(roots);
        self.collect_requested = false;
    }

    /// Zeroes the used part of the nursery and resets its pointers (its objects have moved out
    /// or died).
    pub(crate) fn empty_nursery(&mut self) {
        let used = self.th.segment_info().nursery_current.load(Relaxed).saturating_sub(NURSERY_START);
        self.th.fill_zero(NURSERY_START, used);
        nursery::reset(self.th.segment_info(), self.gc.config.nursery_size);
    }

    /// Allocates a zeroed object of `size` bytes (rounded up to 16) with type id `typeid`, in
    /// the nursery unless it is large. Never collects. Must be inside a transaction.
    #[inline]
    pub fn alloc(&mut self, typeid: u32, size: usize) -> Result<ObjRef, GcError> {
        // Outside a transaction the segment (and its nursery) may belong to another thread now.
        assert!(self.th.in_transaction(), "allocation outside a transaction");
        let size = size.max(16).next_multiple_of(16);
        if size < LARGE_OBJECT
            && let Some(at) = nursery::bump(self.th.segment_info(), size as u64)
        {
            self.th.init_header(ObjRef(at), typeid);
            return Ok(ObjRef(at));
        }
        self.alloc_slow(typeid, size)
    }

    #[cold]
    fn alloc_slow(&mut self, typeid: u32, size: usize) -> Result<ObjRef, GcError> {
        if size >= LARGE_OBJECT {
            return self.alloc_old(typeid, size);
        }
        self.collect_requested = true;
        if !nursery::overflow(self.th.segment_info(), size as u64) {
            return self.alloc_old(typeid, size);
        }
        let at = nursery::bump(self.th.segment_info(), size as u64).expect("room after overflow");
        self.th.init_header(ObjRef(at), typeid);
        Ok(ObjRef(at))
    }

    /// A minimal allocation (a 16-byte object of type id 0, which the model must describe as
    /// such), for loops that allocate nothing else: it keeps transaction length growing so that
    /// commit points come.
    #[inline(always)]
    pub fn dummy_alloc(&mut self) -> Result<(), GcError> {
        debug_assert!(self.th.in_transaction(), "allocation outside a transaction");
        if let Some(at) = nursery::bump(self.th.segment_info(), 16) {
            self.th.init_header(ObjRef(at), 0);
            return Ok(());
        }
        self.alloc_slow(0, 16).map(|_| ())
    }

    /// Allocates directly in old space, zeroed, as an object created by this transaction.
    pub(crate) fn alloc_old(&mut self, typeid: u32, size: usize) -> Result<ObjRef, GcError> {
        let obj = self.old_slot(size)?;
        self.th.fill_zero(obj.0, size as u64);
        self.th.init_header(obj, typeid);
        self.th.register_new_object(obj);
        // Its writes must be recorded for the next minor collection.
        self.th.set_write_barrier(obj);
        // It counts toward the transaction's length like nursery bytes do.
        let info = self.th.segment_info();
        let mark = info.nursery_mark.load(Relaxed);
        info.nursery_mark.store(mark.saturating_sub(size as u64).max(NURSERY_START), Relaxed);
        Ok(obj)
    }

    /// A free old-space slot of `size` bytes (not initialized, not registered).
    pub(crate) fn old_slot(&mut self, size: usize) -> Result<ObjRef, GcError> {
        let seg = self.th.segment().expect("allocation outside a transaction");
        let stm = &self.gc.stm;
        let r = if size <= MAX_SMALL {
            self.gc.old.alloc_small(stm, seg, size)
        } else {
            self.gc.old.alloc_large(stm, size)
        };
        r.map_err(|e| match e {
            StmError::HeapFull { .. } => GcError::OutOfMemory { requested: size as u64 },
            e => GcError::Stm(e),
        })
    }

    /// The identity of `obj`, stable for its lifetime: its old-space offset. For a young object
    /// the slot it will move to is reserved now.
    pub fn id(&mut self, obj: ObjRef) -> Result<u64, GcError> {
        if !self.gc.is_young(obj.0) {
            return Ok(obj.0);
        }
        if let Some(&s) = self.roots.lock().unwrap().shadows.get(&obj.0) {
            return Ok(s);
        }
        let size = self.gc.model.object_size(self.th.view(obj));
        let slot = self.old_slot(size)?;
        self.roots.lock().unwrap().shadows.insert(obj.0, slot.0);
        Ok(slot.0)
    }

    /// The identity hash of `obj` (derived from [`Mutator::id`]).
    pub fn identity_hash(&mut self, obj: ObjRef) -> Result<u64, GcError> {
        Ok((self.id(obj)? >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// Whether the transaction should end at this commit point (see `Thread::should_break`).
    #[inline(always)]
    pub fn should_break(&self) -> bool {
        self.th.should_break()
    }

    /// Whether [`Mutator::safe_point`] has anything to do now (a pause or abort request, a
    /// collection due): lets callers skip preparing their roots on the fast path.
    /// (A major collection or page re-sharing that became due is noticed here only with
    /// `check_heap`; old space grows only through minor collections and large allocations, which
    /// also end transactions, so callers may pass `false` on their fast path.)
    #[inline(always)]
    pub fn safe_point_due(&self, check_heap: bool) -> bool {
        self.collect_requested
            || self.gc.config.stress
            || self.th.segment_info().signal.load(Relaxed) != 0
            || (check_heap && (self.gc.wants_major() || self.gc.stm.reshare_wanted()))
    }

    /// Minor collections this process has run (callers caching object references compare it).
    pub fn collections(&self) -> u64 {
        self.gc.minor_collections() + self.gc.major_collections()
    }

    /// A safe point: answers the STM's pause and abort requests, runs a minor collection when
    /// the nursery overflowed (or always, in stress mode), and a major one when old space has
    /// grown past its threshold (or every 16th safe point, in stress mode).
    pub fn safe_point(&mut self) -> Result<(), GcError> {
        if !self.th.in_transaction() {
            return Ok(());
        }
        if let Err(a) = self.th.safe_point() {
            return Err(self.aborted(a));
        }
        self.safe_points += 1;
        let stress = self.gc.config.stress;
        if stress || self.collect_requested {
            self.minor_collect()?;
        }
        if (stress && self.safe_points % 16 == 0) || self.gc.wants_major() || self.gc.stm.reshare_wanted() {
            self.major_collect()?;
        }
        Ok(())
    }

    /// Commits: the nursery's survivors move to old space first, so no young object is ever
    /// visible to another thread.
    pub fn commit(&mut self) -> Result<CommitInfo, GcError> {
        self.minor_collect()?;
        match self.th.commit() {
            Ok(info) => {
                self.roots.lock().unwrap().segment = 0;
                Ok(info)
            }
            Err(a) => Err(self.aborted(a)),
        }
    }

    /// Notes that the STM rolled the transaction back (its young objects are dropped at the
    /// next start; the roots refer to the committed state again).
    pub(crate) fn aborted(&mut self, a: Abort) -> GcError {
        self.roots.lock().unwrap().segment = 0;
        self.collect_requested = false;
        GcError::Aborted(a)
    }

    /// Aborts the running transaction on request (its young objects are dropped at the next
    /// start).
    pub fn abort(&mut self) -> Abort {
        let a = self.th.abort();
        self.aborted(a);
        a
    }
}

impl<M: GcModel> Drop for Mutator<M> {
    fn drop(&mut self) {
        // An inevitable transaction is committed by the STM thread's drop: its young objects
        // must move out first. Any other one is rolled back there.
        if self.th.in_transaction()
            && self.th.is_inevitable()
            && let Err(e) = self.minor_collect()
        {
            eprintln!("Fatal pystm error: cannot finish an inevitable transaction: {e}");
            std::process::abort();
        }
    }
}
