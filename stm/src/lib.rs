//! The software transactional memory of pystm, after stmgc's c7 design (PyPy-STM, 2014).
//!
//! Every object lives in `N + 1` *segments* of one address-space reservation; a reference is an
//! offset from the segment base ([`ObjRef`]), the same in every segment. Segment 0 holds the
//! committed state; segments `1..=N` each run one thread's transaction at a time. Object pages of
//! all segments share physical memory (one memfd) until a segment's first write to an old object
//! privatizes them. Reads mark a byte at `obj >> 4` ([`Thread::read`]); writes take the write
//! barrier ([`Thread::write`]), whose slow path write-locks the object and privatizes its pages.
//! A commit stops the other threads at safe points, checks their read markers against what it
//! wrote (contention: an inevitable transaction always wins, otherwise the older one), and copies
//! what it wrote into segment 0 and every other segment's private copy of those pages. An abort
//! restores what the transaction wrote from segment 0 and returns [`Abort`] to the caller, which
//! restarts the transaction from its last commit point.
//!
//! Layers: this crate knows nothing about Python or about allocation policy. Its user supplies an
//! [`ObjectModel`] (object sizes) and places objects in pages it gets from
//! [`Stm::reserve_pages`]; the `gc` crate builds the nursery and old-space allocators on top.
//!
//! Files: `layout` (offsets), `memory` (mappings and raw accessors), `pages` (privatization,
//! re-sharing), `sync` (quiescence, pauses, the segment pool), `contention` (who wins),
//! `barrier` (read and write barriers), `transaction` (start, commit, abort, inevitable,
//! atomic), `thread` (the per-thread handle), `stats`, `events`, `os`, and `workload` (the
//! bank-transfer stress workload shared by the demo, the tests and the benchmark).

mod barrier;
mod config;
mod contention;
mod error;
mod events;
pub mod fxhash;
pub mod layout;
mod memory;
mod object;
mod os;
mod pages;
mod stats;
mod sync;
mod thread;
mod transaction;
#[doc(hidden)]
pub mod workload;

pub use config::{Config, default_segments};
pub use error::{Abort, AbortReason, StmError};
pub use events::{Conflict, ConflictKind, Event, EventKind, EventSink, MemorySink};
pub use object::{
    FLAG_WRITE_BARRIER, FLAGS_GC_MASK, HEADER_FLAGS, HEADER_SIZE, HEADER_TYPEID, ObjRef, ObjView, ObjectModel,
};
pub use os::{map_count, max_map_count};
pub use stats::Stats;
pub use thread::{Thread, WorldStopped};
pub use transaction::CommitInfo;

use memory::Memory;
use pages::Pages;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use sync::{SegmentCtl, SegmentPool};

/// The STM heap and everything shared between its threads. Create one with [`Stm::new`], then a
/// [`Thread`] per OS thread with [`Stm::thread`].
pub struct Stm {
    pub(crate) mem: Memory,
    pub(crate) model: Box<dyn ObjectModel>,
    /// Indexed by segment number; entry 0 is unused.
    pub(crate) ctl: Vec<SegmentCtl>,
    pub(crate) pages: Pages,
    pub(crate) pool: SegmentPool,
    /// Held by the one thread that is committing or has stopped the world.
    pub(crate) commit_lock: AtomicBool,
    /// The segment running the inevitable transaction, or 0.
    pub(crate) inevitable_owner: AtomicUsize,
    /// Serialises "signal another segment to abort" with "become inevitable".
    pub(crate) cm_lock: Mutex<()>,
    /// Transaction ages.
    pub(crate) clock: AtomicU64,
    /// Number of the last committed writing transaction.
    pub(crate) seq: AtomicU64,
    next_free: AtomicU64,
    next_thread: AtomicU32,
    pub(crate) events: Option<Arc<dyn EventSink>>,
    pub(crate) epoch: Instant,
    pub(crate) retired: Mutex<Stats>,
}

impl Stm {
    /// Reserves and maps the segments. Errors name the bad setting or the failing system call.
    pub fn new(config: Config, model: impl ObjectModel) -> Result<Arc<Stm>, StmError> {
        config.validate()?;
        let mem = Memory::new(config.segments, config.heap_limit)?;
        let nsegs = mem.nsegs();
        let max_runs = config.max_private_runs.unwrap_or_else(|| {
            let free = max_map_count().saturating_sub(map_count());
            (free / 4).max(64)
        });
        Ok(Arc::new(Stm {
            mem,
            model: Box::new(model),
            ctl: (0..nsegs).map(|_| SegmentCtl::new()).collect(),
            pages: Pages::new(nsegs, max_runs),
            pool: SegmentPool::new(nsegs),
            commit_lock: AtomicBool::new(false),
            inevitable_owner: AtomicUsize::new(0),
            cm_lock: Mutex::new(()),
            clock: AtomicU64::new(1),
            seq: AtomicU64::new(0),
            next_free: AtomicU64::new(0),
            next_thread: AtomicU32::new(1),
            events: config.event_sink,
            epoch: Instant::now(),
            retired: Mutex::new(Stats::default()),
        }))
    }

    /// A handle for one thread of execution. Threads beyond the number of segments wait for a
    /// free segment when they start a transaction.
    pub fn thread(self: &Arc<Self>) -> Thread {
        Thread::new(self.clone(), self.next_thread.fetch_add(1, Ordering::Relaxed))
    }

    /// The number of segments that run threads (`N`).
    pub fn segments(&self) -> usize {
        self.mem.nsegs() - 1
    }

    /// The size of each segment's object area.
    pub fn heap_limit(&self) -> u64 {
        self.mem.heap_limit()
    }

    /// Base address of segment `s` (0..=N); JIT code keeps it in its pinned register.
    pub fn segment_base(&self, s: usize) -> *mut u8 {
        assert!(s < self.mem.nsegs(), "no segment {s}");
        self.mem.seg_base(s)
    }

    /// Hands out `n` fresh pages of the object area (never handed out before), for the GC's
    /// allocators. They read as zeros in every segment and are shared.
    pub fn reserve_pages(&self, n: usize) -> Result<ObjRef, StmError> {
        let limit = self.mem.heap_limit();
        let bytes = (n as u64).checked_mul(layout::PAGE_SIZE as u64).unwrap_or(u64::MAX);
        let mut cur = self.next_free.load(Ordering::Relaxed);
        loop {
            if bytes > limit - cur {
                return Err(StmError::HeapFull { requested: bytes, limit });
            }
            match self.next_free.compare_exchange_weak(cur, cur + bytes, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return Ok(ObjRef(layout::OBJ_START + cur)),
                Err(c) => cur = c,
            }
        }
    }

    /// Bytes of the object area handed out by [`Stm::reserve_pages`] so far (from `OBJ_START`).
    pub fn reserved_bytes(&self) -> u64 {
        self.next_free.load(Ordering::Relaxed)
    }

    /// Statistics of the threads that have ended (dropped their [`Thread`]).
    pub fn retired_stats(&self) -> Stats {
        self.retired.lock().unwrap().clone()
    }

    /// Runs of private pages across all segments now.
    pub fn private_runs(&self) -> usize {
        self.pages.total_runs()
    }

    /// Whether some thread waits for a free segment (a thread that holds one while waiting
    /// for something else may be holding it up).
    pub fn segment_wanted(&self) -> bool {
        self.pool.has_waiters()
    }

    /// Runs of private pages of segment `s` now.
    pub fn private_runs_of(&self, s: usize) -> usize {
        self.pages.runs_of(s)
    }

    /// The most runs of private pages kept before privatization fills gaps instead.
    pub fn max_private_runs(&self) -> usize {
        self.pages.max_runs()
    }

    /// Pages privatized since start-up, all segments together.
    pub fn pages_privatized(&self) -> u64 {
        self.pages.privatized.load(Ordering::Relaxed)
    }

    /// Whether the run budget was reached, so the GC should re-share pages soon
    /// ([`WorldStopped::reshare_pages`]).
    pub fn reshare_wanted(&self) -> bool {
        self.pages.reshare_wanted.load(Ordering::Relaxed)
    }

    /// Whether page `page` (index from `layout::OBJ_START`) is private in segment `s`.
    pub fn is_page_private(&self, s: usize, page: usize) -> bool {
        s >= 1 && Pages::is_private(&self.mem, s, page)
    }

    /// The size of segment `s`'s copy of `obj`, checked: the object model must give a multiple
    /// of 16, at least 16, and the object must lie in the object area (else the model or the
    /// reference is wrong, and copying it would corrupt memory).
    pub(crate) fn object_size(&self, s: usize, obj: ObjRef) -> u64 {
        assert!(
            self.mem.in_object_area(obj.0, layout::OBJ_ALIGN as u64) && obj.is_aligned(),
            "not an old object: {obj:?}"
        );
        let size = self.model.object_size(self.mem.view(s, obj.0)) as u64;
        assert!(
            size >= layout::OBJ_ALIGN as u64
                && size % layout::OBJ_ALIGN as u64 == 0
                && self.mem.in_object_area(obj.0, size),
            "object model gave a bad size {size} for {obj:?}"
        );
        size
    }

    pub(crate) fn emit(&self, thread: u32, segment: usize, kind: EventKind) {
        if let Some(sink) = &self.events {
            sink.event(&Event { at: self.epoch.elapsed(), thread, segment, kind });
        }
    }
}

/// Prints a fatal error and aborts the process, as CPython's `Py_FatalError` does. Used only when
/// the operating system refuses memory operations the STM cannot do without (never for bad
/// input): continuing would corrupt the heap.
#[cold]
pub(crate) fn fatal(what: &str, err: &dyn std::fmt::Display) -> ! {
    eprintln!("Fatal pystm error: {what}: {err}");
    std::process::abort()
}
