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
}

pub(crate) struct OldSpace {
    pub global: Mutex<Global>,
    /// Bytes handed out since the last sweep (slots and large objects).
    pub allocated: AtomicU64,
    /// Per segment: free slots per class.
    pub per_segment: Vec<Mutex<Vec<Vec<u64>>>>,
}

impl OldSpace {
    pub(crate) fn new(segments: usize) -> OldSpace {
        let global = Global { free: vec![Vec::new(); CLASSES], ..Global::default() };
        OldSpace {
            global: Mutex::new(global),
            allocated: AtomicU64::new(0),
            per_segment: (0..=segments).map(|_| Mutex::new(vec![Vec::new(); CLASSES])).collect(),
        }
    }

    /// A free slot of `size` bytes (a multiple of 16, at most `MAX_SMALL`) for segment `seg`.
    pub(crate) fn alloc_small(&self, stm: &Stm, seg: usize, size: usize) -> Result<ObjRef, StmError> {
        let class = class_of(size);
        self.allocated.fetch_add(class_size(class), Relaxed);
        let mut mine = self.per_segment[seg].lock().unwrap();
        if let Some(slot) = mine[class].pop() {
            return Ok(ObjRef(slot));
        }
        let mut g = self.global.lock().unwrap();
        let take = g.free[class].len().min(REFILL);
        if take > 0 {
            let at = g.free[class].len() - take;
            let batch: Vec<u64> = g.free[class].drain(at..).collect();
            mine[class].extend(batch);
        } else {
            let start = stm.reserve_pages(BLOCK_PAGES)?.0;
            g.blocks.push((start, class));
            let cs = class_size(class);
            let n = BLOCK_BYTES / cs;
            mine[class].extend((0..n).rev().map(|i| start + i * cs));
        }
        Ok(ObjRef(mine[class].pop().expect("refilled")))
    }

    /// Pages of its own for an object of `size` bytes.
    pub(crate) fn alloc_large(&self, stm: &Stm, size: usize) -> Result<ObjRef, StmError> {
        let pages = size.div_ceil(PAGE_SIZE) as u64;
        let bytes = pages * PAGE_SIZE as u64;
        let mut g = self.global.lock().unwrap();
        let reused = g.free_large.get_mut(&pages).and_then(|v| v.pop());
        let start = match reused {
            Some(s) => s,
            None => stm.reserve_pages(pages as usize)?.0,
        };
        g.large.insert(start, bytes);
        self.allocated.fetch_add(bytes, Relaxed);
        Ok(ObjRef(start))
    }
}
