//! The nursery: bump allocation in the segment's private nursery area, with the pointers in the
//! segment info block. The fast path here is the contract JIT code will inline:
//! `cur = [r15 + INFO_NURSERY_CURRENT]; new = cur + size; if new > [r15 + INFO_NURSERY_END]
//! { slow path } [r15 + INFO_NURSERY_CURRENT] = new; header at cur`. This file must never
//! collect: when the nursery is full it moves the end forward by an overflow chunk and requests
//! a collection.

use std::sync::atomic::Ordering::Relaxed;
use stm::layout::{NURSERY_AREA_SIZE, NURSERY_START, SegmentInfo};

/// Default nursery size per segment.
pub const DEFAULT_NURSERY_SIZE: u64 = 4 << 20;
/// Objects of this many bytes or more are allocated in old space directly.
pub const LARGE_OBJECT: usize = 64 << 10;
/// Overflow chunk: how far the nursery end moves when the nursery is full.
pub(crate) const OVERFLOW_CHUNK: u64 = 1 << 20;

/// Bump-allocates `size` bytes; `None` when the nursery (with its overflow so far) is full.
#[inline(always)]
pub(crate) fn bump(info: &SegmentInfo, size: u64) -> Option<u64> {
    let cur = info.nursery_current.load(Relaxed);
    let new = cur + size;
    if new <= info.nursery_end.load(Relaxed) {
        info.nursery_current.store(new, Relaxed);
        Some(cur)
    } else {
        None
    }
}

/// Moves the nursery end forward by overflow chunks to fit `size` more bytes. Returns false
/// when the whole nursery area is used.
pub(crate) fn overflow(info: &SegmentInfo, size: u64) -> bool {
    let cur = info.nursery_current.load(Relaxed);
    let mut end = info.nursery_end.load(Relaxed);
    while end < cur + size {
        end += OVERFLOW_CHUNK;
    }
    if end > NURSERY_START + NURSERY_AREA_SIZE {
        return false;
    }
    info.nursery_end.store(end, Relaxed);
    true
}

/// Empties the nursery (its contents were moved out or dropped, and zeroed by the caller):
/// pointers back to the start (a segment whose nursery was never used has 0 there).
pub(crate) fn reset(info: &SegmentInfo, size: u64) {
    info.nursery_current.store(NURSERY_START, Relaxed);
    info.nursery_end.store(NURSERY_START + size, Relaxed);
}
