//! Old space: where objects live once out of the nursery. Small objects (up to
//! `MAX_SMALL` bytes) sit in size-class blocks of 16 KiB; each segment allocates from its own
//! free lists (a mutex only its owner takes outside a major collection), refilled in batches from
//! the global lists that a sweep rebuilds, or from a fresh block. Larger objects get whole pages
//! of their own. This file owns slot bookkeeping; it must never read or write object contents.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use stm::{ObjRef, Stm, StmError, layout::PAGE_SIZE};

/// Largest size served from size classes.
pub const MAX_SMALL: usize = 512;
/// Size classes: 16, 32, ..., 512 bytes.
pub(crate) const CLASSES: usize = MAX_SMALL / 16;
/// Pages per size-class block (one STM privatization group).
pub(crate) const BLOCK_PAGES: usize = 4;
pub(crate) const BLOCK_BYTES: u64 = (BLOCK_PAGES * PAGE_SIZE) as u64;
/// Slots moved from the global lists to a segment's list at a time.
const REFILL: usize = 256;

pub(crate) fn class_of(size: usize) -> usize {
    debug_assert!(size >= 16 && size <= MAX_SMALL && size % 16 == 0);
    size / 16 - 1
}

pub(crate) fn class_size(class: usize) -> u64 {
    (class as u64 + 1) * 16
}

/// The global part, behind one mutex.
#[derive(Default)]
pub(crate) struct Global {
    /// Every size-class block: start and class.
    pub blocks: Vec<(u64, usize)>,
    /// Free small slots per class, rebuilt by each sweep.
    pub free: Vec<Vec<u64>>,
    /// Large objects: start -> bytes (rounded to pages).
    pub large: BTreeMap<u64, u64>,
    /// Freed large areas by page count, for reuse.
    pub free_large: BTreeMap<u64, Vec<u64>>,
    /// Live bytes found by the last sweep.
    pub live: u64,
    /// Bytes of never-used pages promised to running minor collections (see
    /// [`OldSpace::promise`]); other allocations leave them alone.
    pub promised: u64,
}

pub(crate) struct OldSpace {
    pub global: Mutex<Global>,
    /// Bytes handed out since the last sweep (slots and large objects).
    pub allocated: AtomicU64,
    /// Live bytes found by the last sweep (also in `Global::live`; read at every safe point).
    pub live: AtomicU64,
    /// Per segment: free slots per class.
    pub per_segment: Vec<Mutex<Vec<Vec<u64>>>>,
}

impl OldSpace {
    pub(crate) fn new(segments: usize) -> OldSpace {
        let global = Global { free: vec![Vec::new(); CLASSES], ..Global::default() };
        OldSpace {
            global: Mutex::new(global),
            allocated: AtomicU64::new(0),
            live: AtomicU64::new(0),
            per_segment: (0..=segments).map(|_| Mutex::new(vec![Vec::new(); CLASSES])).collect(),
        }
    }

    /// A free slot of `size` bytes (a multiple of 16, at most `MAX_SMALL`) for segment `seg`.
    pub(crate) fn alloc_small(&self, stm: &Stm, seg: usize, size: usize) -> Result<ObjRef, StmError> {
        let class = class_of(size);
        let mut mine = self.per_segment[seg].lock().unwrap();
        if mine[class].is_empty() {
            let mut g = self.global.lock().unwrap();
            Self::refill(stm, &mut g, &mut mine[class], class, 1, 0)?;
        }
        self.allocated.fetch_add(class_size(class), Relaxed);
        Ok(ObjRef(mine[class].pop().expect("refilled")))
    }

    /// Moves free slots of `class` into `list` until it holds at least `want` (at least a batch):
    /// from the global lists, else from fresh blocks.
    fn refill(
        stm: &Stm,
        g: &mut Global,
        list: &mut Vec<u64>,
        class: usize,
        want: usize,
        own: u64,
    ) -> Result<(), StmError> {
        while list.len() < want {
            let take = g.free[class].len().min(REFILL.max(want - list.len()));
            if take > 0 {
                let at = g.free[class].len() - take;
                list.extend(g.free[class].drain(at..));
            } else {
                let start = Self::fresh_pages(stm, g, BLOCK_PAGES as u64, own)?;
                g.blocks.push((start, class));
                let cs = class_size(class);
                list.extend((0..BLOCK_BYTES / cs).rev().map(|i| start + i * cs));
            }
        }
        Ok(())
    }

    /// Pages of its own for an object of `size` bytes.
    pub(crate) fn alloc_large(&self, stm: &Stm, size: usize) -> Result<ObjRef, StmError> {
        let pages = size.div_ceil(PAGE_SIZE) as u64;
        let mut g = self.global.lock().unwrap();
        let start = Self::large_area(stm, &mut g, pages, 0)?;
        g.large.insert(start, pages * PAGE_SIZE as u64);
        self.allocated.fetch_add(pages * PAGE_SIZE as u64, Relaxed);
        Ok(ObjRef(start))
    }

    fn large_area(stm: &Stm, g: &mut Global, pages: u64, own: u64) -> Result<u64, StmError> {
        match g.free_large.get_mut(&pages).and_then(|v| v.pop()) {
            Some(s) => Ok(s),
            None => Self::fresh_pages(stm, g, pages, own),
        }
    }

    /// Never-used pages, leaving alone what is promised to minor collections other than the
    /// caller's (`own`: the caller's promise, 0 for ordinary allocation). Under the global lock.
    fn fresh_pages(stm: &Stm, g: &mut Global, pages: u64, own: u64) -> Result<u64, StmError> {
        let bytes = pages * PAGE_SIZE as u64;
        let left = stm.heap_limit() - stm.reserved_bytes();
        if left.saturating_sub(g.promised - own) < bytes {
            return Err(StmError::HeapFull { requested: bytes, limit: stm.heap_limit() });
        }
        Ok(stm.reserve_pages(pages as usize)?.0)
    }

    /// Promises `bytes` of never-used pages to a minor collection if that many are left beyond
    /// other promises: then its moves cannot fail. False if not.
    pub(crate) fn promise(&self, stm: &Stm, bytes: u64) -> bool {
        let mut g = self.global.lock().unwrap();
        let left = stm.heap_limit() - stm.reserved_bytes();
        if left.saturating_sub(g.promised) < bytes {
            return false;
        }
        g.promised += bytes;
        true
    }

    /// Ends a promise.
    pub(crate) fn unpromise(&self, bytes: u64) {
        self.global.lock().unwrap().promised -= bytes;
    }

    /// A slot for a minor collection from its segment's lists `mine` (locked by the collection
    /// for its whole duration): one set aside by [`OldSpace::reserve`], or one refilled under a
    /// promise of `own` bytes (a promise covers every block the collection may need). The caller
    /// counts the bytes into `allocated`.
    pub(crate) fn minor_slot(&self, stm: &Stm, mine: &mut [Vec<u64>], size: usize, own: Option<u64>) -> ObjRef {
        let class = class_of(size);
        if mine[class].is_empty() {
            let own = own.expect("a reserved slot");
            let mut g = self.global.lock().unwrap();
            Self::refill(stm, &mut g, &mut mine[class], class, 1, own).expect("promised room");
        }
        ObjRef(mine[class].pop().expect("refilled"))
    }

    /// Pages for a large survivor of a minor collection holding a promise (cannot fail).
    pub(crate) fn alloc_large_promised(&self, stm: &Stm, size: usize, own: u64) -> ObjRef {
        let pages = size.div_ceil(PAGE_SIZE) as u64;
        let mut g = self.global.lock().unwrap();
        let start = Self::large_area(stm, &mut g, pages, own).expect("promised room");
        g.large.insert(start, pages * PAGE_SIZE as u64);
        self.allocated.fetch_add(pages * PAGE_SIZE as u64, Relaxed);
        ObjRef(start)
    }

    /// Sets aside room for a minor collection before it moves anything, so that it cannot fail
    /// half-way: segment `seg`'s free lists get at least `small[class]` slots per class, and a
    /// page area is put aside for each of `large` (page counts). On failure, slots stay in the
    /// segment's lists and areas go back to the free areas.
    pub(crate) fn reserve(&self, stm: &Stm, seg: usize, small: &[usize], large: &[u64]) -> Result<Reserve, StmError> {
        let mut mine = self.per_segment[seg].lock().unwrap();
        let mut g = self.global.lock().unwrap();
        for (class, &n) in small.iter().enumerate() {
            if n > 0 {
                Self::refill(stm, &mut g, &mut mine[class], class, n, 0)?;
            }
        }
        let mut res = Reserve::default();
        for &pages in large {
            match Self::large_area(stm, &mut g, pages, 0) {
                Ok(a) => res.large.entry(pages).or_default().push(a),
                Err(e) => {
                    Self::put_back(&mut g, std::mem::take(&mut res));
                    return Err(e);
                }
            }
        }
        Ok(res)
    }

    /// A page area set aside by [`OldSpace::reserve`], now a large object.
    pub(crate) fn take_large(&self, res: &mut Reserve, size: usize) -> ObjRef {
        let pages = size.div_ceil(PAGE_SIZE) as u64;
        let start = res.large.get_mut(&pages).and_then(|v| v.pop()).expect("reserved area");
        self.global.lock().unwrap().large.insert(start, pages * PAGE_SIZE as u64);
        self.allocated.fetch_add(pages * PAGE_SIZE as u64, Relaxed);
        ObjRef(start)
    }

    /// Returns the page areas a minor collection did not use.
    pub(crate) fn give_back(&self, res: Reserve) {
        Self::put_back(&mut self.global.lock().unwrap(), res);
    }

    fn put_back(g: &mut Global, res: Reserve) {
        for (pages, areas) in res.large {
            g.free_large.entry(pages).or_default().extend(areas);
        }
    }
}

/// Room set aside for one minor collection (see [`OldSpace::reserve`]).
#[derive(Default)]
pub(crate) struct Reserve {
    large: BTreeMap<u64, Vec<u64>>,
}
