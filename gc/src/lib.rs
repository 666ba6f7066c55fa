//! The garbage collector of pystm, built on the `stm` crate's segments
//! (`../shared/ARCHITECTURE.md` §4).
//!
//! - **Nursery** (`nursery.rs`): each segment bump-allocates in its private nursery area; the
//!   current and end pointers are the info block's `nursery_current` / `nursery_end` words
//!   (segment offsets `stm::layout::INFO_NURSERY_CURRENT` / `INFO_NURSERY_END`), so JIT code can
//!   inline the same bump. When the nursery is full, allocation goes on in overflow chunks and
//!   *requests* a collection: allocation never collects.
//! - **Old space** (`oldspace.rs`): size-class blocks with per-segment free lists, and pages of
//!   their own for large objects. Objects larger than `LARGE_OBJECT` bytes are allocated there
//!   directly, never in the nursery.
//! - **Minor collection** (`minor.rs`), at a safe point the caller chooses, and always before a
//!   commit: survivors move out of the nursery into old space, references in the roots and in
//!   the old objects written since the last collection are updated, and `WRITE_BARRIER` is set
//!   on the survivors and on the old objects scanned.
//! - **Major collection** (`major.rs`): stops the world, marks from every thread's roots, every
//!   running transaction's nursery, written and created objects (each in its own segment's view)
//!   and the committed state, sweeps, and re-shares private pages.
//! - **Identity** (`Mutator::id`): an object keeps its id (its old-space address) when it moves
//!   out of the nursery: asking for the id of a young object reserves its old-space slot.
//!
//! The VM describes objects with [`GcModel`] and registers its roots with each [`Mutator`].

mod major;
mod minor;
mod model;
mod mutator;
mod nursery;
mod oldspace;

pub use model::GcModel;
pub use mutator::{Mutator, Roots};
pub use nursery::{DEFAULT_NURSERY_SIZE, LARGE_OBJECT};
pub use oldspace::MAX_SMALL;

use model::StmModel;
use oldspace::OldSpace;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
pub use stm::{Abort, ObjRef, Stm, StmError};

/// GC header flag (in `stm::FLAGS_GC_MASK`): a nursery object that has moved; its new address
/// is in its second word.
pub(crate) const FLAG_FORWARDED: u32 = 0x2;

/// How to build a [`Gc`].
#[derive(Clone)]
pub struct GcConfig {
    /// The STM's configuration (segments, heap limit, events).
    pub stm: stm::Config,
    /// Bytes of nursery per segment before a minor collection is requested.
    pub nursery_size: u64,
    /// A major collection is requested when old space passes `major_factor` times the live size
    /// after the last major collection ...
    pub major_factor: f64,
    /// ... but never below this many bytes.
    pub major_min: u64,
    /// Transaction length: nursery bytes a transaction may allocate before `should_break`
    /// says to commit.
    pub transaction_length: u64,
    /// Collect at every safe point (minor; major every 16th), for tests. Also turned on by the
    /// environment variable `PYSTM_GC_STRESS=1`.
    pub stress: bool,
}

impl GcConfig {
    /// Checks the numbers; every error says what is accepted.
    pub fn validate(&self) -> Result<(), GcError> {
        let area = stm::layout::NURSERY_AREA_SIZE;
        if self.nursery_size < 64 << 10 || self.nursery_size % 4096 != 0 || self.nursery_size > area / 2 {
            return Err(GcError::InvalidConfig(format!(
                "nursery size {} (it must be a multiple of 4 KiB between 64 KiB and {} MiB)",
                self.nursery_size,
                area / 2 >> 20
            )));
        }
        if self.transaction_length == 0 || self.transaction_length > area {
            return Err(GcError::InvalidConfig(format!(
                "transaction length {} (it must be between 1 and {} bytes)",
                self.transaction_length, area
            )));
        }
        if !(self.major_factor > 1.0 && self.major_factor < 100.0) {
            return Err(GcError::InvalidConfig(format!(
                "major factor {} (it must be above 1 and below 100)",
                self.major_factor
            )));
        }
        self.stm.validate().map_err(GcError::Stm)
    }
}

impl Default for GcConfig {
    fn default() -> Self {
        GcConfig {
            stm: stm::Config::default(),
            nursery_size: DEFAULT_NURSERY_SIZE,
            major_factor: 1.82,
            major_min: 32 << 20,
            transaction_length: 1 << 20,
            stress: std::env::var("PYSTM_GC_STRESS").is_ok_and(|v| v == "1"),
        }
    }
}

/// Errors of allocation.
#[derive(Debug)]
pub enum GcError {
    /// The heap limit is reached even after collecting; the VM raises `MemoryError`.
    OutOfMemory { requested: u64 },
    /// The STM could not be set up.
    Stm(StmError),
    /// A GC setting is out of range; the message says which and what is accepted.
    InvalidConfig(String),
    /// The transaction was aborted and rolled back; restart it from its last commit point.
    Aborted(Abort),
}

impl fmt::Display for GcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GcError::OutOfMemory { requested } => {
                write!(f, "out of memory: cannot allocate {requested} bytes within the heap limit")
            }
            GcError::Stm(e) => write!(f, "{e}"),
            GcError::InvalidConfig(m) => write!(f, "invalid GC setting: {m}"),
            GcError::Aborted(a) => write!(f, "{a}"),
        }
    }
}

impl std::error::Error for GcError {}

/// The garbage-collected heap, shared by all threads. Create one with [`Gc::new`], then a
/// [`Mutator`] per thread with [`Gc::mutator`].
pub struct Gc<M: GcModel> {
    pub(crate) stm: Arc<Stm>,
    pub(crate) model: Arc<M>,
    pub(crate) config: GcConfig,
    pub(crate) old: OldSpace,
    /// Roots of every mutator (dropped ones are skipped).
    pub(crate) roots: Mutex<Vec<Weak<Mutex<Roots>>>>,
    /// Roots that belong to no thread (module globals): committed references.
    pub(crate) global_roots: Mutex<Vec<u64>>,
    /// Old-space bytes at which the next major collection is requested.
    pub(crate) major_threshold: AtomicU64,
    pub(crate) major_count: AtomicU64,
    pub(crate) minor_count: AtomicU64,
}

impl<M: GcModel> Gc<M> {
    /// Builds the STM heap and the collector.
    pub fn new(config: GcConfig, model: M) -> Result<Arc<Gc<M>>, GcError> {
        config.validate()?;
        let model = Arc::new(model);
        let stm = Stm::new(config.stm.clone(), StmModel(model.clone())).map_err(GcError::Stm)?;
        let segments = stm.segments();
        Ok(Arc::new(Gc {
            stm,
            model,
            old: OldSpace::new(segments),
            roots: Mutex::new(Vec::new()),
            global_roots: Mutex::new(Vec::new()),
            major_threshold: AtomicU64::new(config.major_min.min(config.stm.heap_limit / 4)),
            major_count: AtomicU64::new(0),
            minor_count: AtomicU64::new(0),
            config,
        }))
    }

    /// A mutator (allocating thread) with its own root set.
    pub fn mutator(self: &Arc<Self>) -> Mutator<M> {
        Mutator::new(self.clone())
    }

    /// The STM underneath.
    pub fn stm(&self) -> &Arc<Stm> {
        &self.stm
    }

    /// The object model.
    pub fn model(&self) -> &M {
        &self.model
    }

    /// Adds a global root (a committed reference that no thread owns, e.g. a module).
    pub fn add_global_root(&self, obj: ObjRef) {
        assert!(!self.is_young(obj.0), "a global root must be a committed (old) object");
        self.global_roots.lock().unwrap().push(obj.0);
    }

    /// Major collections so far.
    pub fn major_collections(&self) -> u64 {
        self.major_count.load(Ordering::Relaxed)
    }

    /// Minor collections so far (all threads).
    pub fn minor_collections(&self) -> u64 {
        self.minor_count.load(Ordering::Relaxed)
    }

    /// Old-space bytes: live at the last sweep plus handed out since.
    pub fn old_bytes(&self) -> u64 {
        self.old.live.load(Ordering::Relaxed) + self.old.allocated.load(Ordering::Relaxed)
    }

    /// Old-space bytes found live by the last major collection.
    pub fn live_bytes(&self) -> u64 {
        self.old.live.load(Ordering::Relaxed)
    }

    /// The smallest major-collection threshold: `major_min`, but at most a quarter of the heap.
    pub(crate) fn major_min(&self) -> u64 {
        self.config.major_min.min(self.stm.heap_limit() / 4)
    }

    pub(crate) fn wants_major(&self) -> bool {
        self.old_bytes() > self.major_threshold.load(Ordering::Relaxed)
    }

    /// Whether `word` points into a nursery area.
    pub fn is_young(&self, word: u64) -> bool {
        self.model.is_ref(word)
            && (stm::layout::NURSERY_START..stm::layout::NURSERY_START + stm::layout::NURSERY_AREA_SIZE).contains(&word)
    }

    /// Whether `word` points into the object area.
    pub(crate) fn is_old(&self, word: u64) -> bool {
        self.model.is_ref(word)
            && (stm::layout::OBJ_START..stm::layout::OBJ_START + self.stm.reserved_bytes()).contains(&word)
    }
}
