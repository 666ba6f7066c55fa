//! The memory layout of a segment: every fixed offset that Rust code, the GC and JIT-compiled code
//! agree on. This file owns constants and the `#[repr(C)]` info block only; it must never touch
//! memory or hold state.
//!
//! One segment, offsets from its base (`SEG` is `OBJ_START + heap_limit`, at most 64 GiB):
//!
//! | offset                      | size              | what                                   | mapping                    |
//! |-----------------------------|-------------------|----------------------------------------|----------------------------|
//! | `0x0000`                    | 4 KiB             | guard page: a null reference faults    | `PROT_NONE`                |
//! | `INFO_OFFSET` = `0x1000`    | 4 KiB             | [`SegmentInfo`], the segment info block | private anonymous          |
//! | `0x2000`                    | up to 256 MiB     | unused                                 | `PROT_NONE`                |
//! | `MARKERS_START` = 256 MiB   | `SEG/16 - 256 MiB`| read markers: byte `obj >> 4`          | private anonymous, lazy    |
//! | `NURSERY_START` = 4 GiB     | 4 GiB             | reserved for the GC's nursery          | private anonymous, lazy    |
//! | `OBJ_START` = 8 GiB         | `heap_limit`      | old objects                            | memfd, `MAP_SHARED`        |
//!
//! The read marker of an object at offset `obj` is the byte at offset `obj >> 4` of the same
//! segment; for every `obj` in `[NURSERY_START, SEG)` that byte lies in `[MARKERS_START,
//! NURSERY_START)`, which is why a segment is at most 64 GiB. Segment 0 holds the committed state
//! and runs no thread: its private prefix stays `PROT_NONE`.

use std::sync::atomic::{AtomicU8, AtomicU32, AtomicU64};

/// The page size the STM privatizes and re-shares by.
pub const PAGE_SIZE: usize = 4096;
/// Pages are privatized in aligned groups of this many (16 KiB): one `mmap` per group instead of
/// per page (measured: 13 µs for one page, 7 µs a page in groups of 4; docs/decisions.md).
pub const PRIVATIZE_PAGES: usize = 4;
/// Object alignment and the smallest object size; also the read-marker granularity.
pub const OBJ_ALIGN: usize = 16;

/// Offset of the segment info block ([`SegmentInfo`]) from the segment base.
pub const INFO_OFFSET: u64 = 0x1000;
/// First byte of the read-marker area.
pub const MARKERS_START: u64 = NURSERY_START >> 4;
/// Start of the area reserved for the GC's nursery (private to the segment).
pub const NURSERY_START: u64 = 4 << 30;
/// Size of the area reserved for the nursery and the GC's per-segment young space.
pub const NURSERY_AREA_SIZE: u64 = 4 << 30;
/// Start of the object area: old objects, shared between segments until privatized.
pub const OBJ_START: u64 = NURSERY_START + NURSERY_AREA_SIZE;
/// Largest segment whose read markers still fit below the nursery.
pub const MAX_SEGMENT_SIZE: u64 = NURSERY_START << 4;

/// Default size of the object area, the heap limit (ARCHITECTURE §2: at least 16 GiB).
pub const DEFAULT_HEAP_LIMIT: u64 = 16 << 30;
/// Smallest heap limit accepted (tests use small heaps).
pub const MIN_HEAP_LIMIT: u64 = 16 << 20;
/// Largest heap limit accepted (56 GiB).
pub const MAX_HEAP_LIMIT: u64 = MAX_SEGMENT_SIZE - OBJ_START;
/// The heap limit must be a multiple of this (2 MiB keeps huge-page alignment possible).
pub const HEAP_LIMIT_GRANULE: u64 = 2 << 20;
/// Most segments that run threads (segment 0 comes on top). Per-page bitmasks are 64 bits wide,
/// bit `s - 1` standing for segment `s`.
pub const MAX_SEGMENTS: usize = 64;

/// The segment info block, at `segment base + INFO_OFFSET`. JIT code addresses its fields as
/// `[r15 + INFO_OFFSET + field offset]`; the `INFO_*` constants below are those absolute offsets.
#[repr(C)]
pub struct SegmentInfo {
    /// The transaction read version: the read barrier stores it at `obj >> 4`. Never 0.
    pub read_version: AtomicU8,
    _pad0: [u8; 3],
    /// This segment's number (1..=N).
    pub segment_num: AtomicU32,
    /// Nursery bump pointer (segment offset), owned by the GC.
    pub nursery_current: AtomicU64,
    /// Nursery end (segment offset), owned by the GC.
    pub nursery_end: AtomicU64,
    /// Transaction-length mark: the transaction should break once `nursery_current` reaches it.
    /// Owned by the GC; the STM initialises it to `u64::MAX` (never).
    pub nursery_mark: AtomicU64,
    /// The signal word: `SIGNAL_*` bits set by other threads, polled by the owner at safe points.
    pub signal: AtomicU32,
    _pad1: u32,
    /// Scratch words for slow paths that cannot return values (the JIT's PreserveAll adapters).
    pub scratch: [AtomicU64; 4],
}

/// Bit of the signal word: another thread wants to commit; stop at the next safe point.
pub const SIGNAL_PAUSE: u32 = 1;
/// Bit of the signal word: this transaction lost a conflict and must abort at the next safe point.
pub const SIGNAL_ABORT: u32 = 2;
/// Bit of the signal word: commit at the next commit point (someone waits on this transaction).
pub const SIGNAL_COMMIT_SOON: u32 = 4;

/// Absolute segment offset of [`SegmentInfo::read_version`].
pub const INFO_READ_VERSION: u64 = INFO_OFFSET + std::mem::offset_of!(SegmentInfo, read_version) as u64;
/// Absolute segment offset of [`SegmentInfo::segment_num`].
pub const INFO_SEGMENT_NUM: u64 = INFO_OFFSET + std::mem::offset_of!(SegmentInfo, segment_num) as u64;
/// Absolute segment offset of [`SegmentInfo::nursery_current`].
pub const INFO_NURSERY_CURRENT: u64 = INFO_OFFSET + std::mem::offset_of!(SegmentInfo, nursery_current) as u64;
/// Absolute segment offset of [`SegmentInfo::nursery_end`].
pub const INFO_NURSERY_END: u64 = INFO_OFFSET + std::mem::offset_of!(SegmentInfo, nursery_end) as u64;
/// Absolute segment offset of [`SegmentInfo::nursery_mark`].
pub const INFO_NURSERY_MARK: u64 = INFO_OFFSET + std::mem::offset_of!(SegmentInfo, nursery_mark) as u64;
/// Absolute segment offset of [`SegmentInfo::signal`].
pub const INFO_SIGNAL: u64 = INFO_OFFSET + std::mem::offset_of!(SegmentInfo, signal) as u64;
/// Absolute segment offset of [`SegmentInfo::scratch`].
pub const INFO_SCRATCH: u64 = INFO_OFFSET + std::mem::offset_of!(SegmentInfo, scratch) as u64;

// The documented offsets (docs/architecture.md) are part of the JIT contract.
const _: () = {
    assert!(INFO_READ_VERSION == 0x1000);
    assert!(INFO_SEGMENT_NUM == 0x1004);
    assert!(INFO_NURSERY_CURRENT == 0x1008);
    assert!(INFO_NURSERY_END == 0x1010);
    assert!(INFO_NURSERY_MARK == 0x1018);
    assert!(INFO_SIGNAL == 0x1020);
    assert!(INFO_SCRATCH == 0x1028);
    assert!(std::mem::size_of::<SegmentInfo>() <= PAGE_SIZE);
    assert!(MARKERS_START == 256 << 20);
    assert!(OBJ_START == 8 << 30);
    assert!(MAX_HEAP_LIMIT == 56 << 30);
};

/// Size of a segment for a given heap limit.
pub const fn segment_size(heap_limit: u64) -> u64 {
    OBJ_START + heap_limit
}
