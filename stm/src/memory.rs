//! The heap's memory: one address-space reservation cut into `N + 1` segments, the memfd that
//! backs every segment's object area, and the side tables (write locks, per-page private bits).
//! Every raw access to segment memory goes through the small accessors here, each of which says
//! why it is sound. This file must never decide when to privatize, commit or abort.
//!
//! File layout of the memfd: slice `s` (bytes `[s * heap_limit, (s + 1) * heap_limit)`) backs
//! segment `s`'s private pages. Segment 0's object area maps slice 0, and so does every other
//! segment's object area at start-up, so all segments share slice 0's physical pages until a
//! page is privatized (remapped onto the segment's own slice).

use crate::error::StmError;
use crate::layout::*;
use crate::os::{self, MemFd};
use std::sync::atomic::{AtomicU8, AtomicU64};

pub(crate) struct Memory {
    base: *mut u8,
    total: usize,
    nsegs: usize,
    seg_size: u64,
    heap_limit: u64,
    fd: MemFd,
    /// One write-lock byte per 16 bytes of object area: 0 = free, else the owning segment.
    locks: *mut u8,
    locks_len: usize,
    /// One bitmask per object page: bit `s - 1` set when segment `s` has the page private.
    page_bits: *mut u8,
    page_bits_len: usize,
}

// SAFETY: `Memory` owns its mappings; the raw pointers are addresses into them, valid until
// drop. Concurrent access is coordinated by the transaction protocol (see `sync.rs`) and by
// atomics for the side tables.
unsafe impl Send for Memory {}
unsafe impl Sync for Memory {}

fn os_err(what: &'static str) -> impl FnOnce(std::io::Error) -> StmError {
    move |err| StmError::Os { what, err }
}

impl Memory {
    /// Reserves and maps `segments + 1` segments with `heap_limit` bytes of object area each.
    pub(crate) fn new(segments: usize, heap_limit: u64) -> Result<Memory, StmError> {
        let nsegs = segments + 1;
        let seg_size = segment_size(heap_limit);
        let total = nsegs as u64 * seg_size;
        let fd = MemFd::create(c"pystm-heap", nsegs as u64 * heap_limit).map_err(os_err("memfd_create/ftruncate"))?;
        let base = os::reserve(total as usize).map_err(os_err("mmap (address-space reservation)"))?;
        let locks_len = (heap_limit / OBJ_ALIGN as u64) as usize;
        let page_bits_len = (heap_limit / PAGE_SIZE as u64) as usize * 8;
        let mut mem = Memory {
            base,
            total: total as usize,
            nsegs,
            seg_size,
            heap_limit,
            fd,
            locks: std::ptr::null_mut(),
            locks_len,
            page_bits: std::ptr::null_mut(),
            page_bits_len,
        };
        mem.locks = os::reserve(locks_len).map_err(os_err("mmap (write-lock table)"))?;
        mem.page_bits = os::reserve(page_bits_len).map_err(os_err("mmap (page table)"))?;
        // SAFETY: both tables are fresh reservations owned by `mem`.
        unsafe {
            os::map_anon_fixed(mem.locks, locks_len).map_err(os_err("mmap (write-lock table)"))?;
            os::map_anon_fixed(mem.page_bits, page_bits_len).map_err(os_err("mmap (page table)"))?;
        }
        for s in 0..nsegs {
            let seg = mem.seg_base(s);
            // SAFETY: every range below lies inside segment `s` of our own reservation, and
            // nothing points into it yet.
            unsafe {
                os::map_file_fixed(seg.add(OBJ_START as usize), heap_limit as usize, &mem.fd, 0, false)
                    .map_err(os_err("mmap (object area)"))?;
                if s > 0 {
                    os::map_anon_fixed(seg.add(INFO_OFFSET as usize), PAGE_SIZE)
                        .map_err(os_err("mmap (info block)"))?;
                    let markers_end = seg_size >> 4;
                    os::map_anon_fixed(seg.add(MARKERS_START as usize), (markers_end - MARKERS_START) as usize)
                        .map_err(os_err("mmap (read markers)"))?;
                    os::map_anon_fixed(seg.add(NURSERY_START as usize), NURSERY_AREA_SIZE as usize)
                        .map_err(os_err("mmap (nursery area)"))?;
                }
            }
            if s > 0 {
                let info = mem.info(s);
                info.read_version.store(0, std::sync::atomic::Ordering::Relaxed);
                info.segment_num.store(s as u32, std::sync::atomic::Ordering::Relaxed);
                info.nursery_mark.store(u64::MAX, std::sync::atomic::Ordering::Relaxed);
            }
        }
        Ok(mem)
    }

    pub(crate) fn heap_limit(&self) -> u64 {
        self.heap_limit
    }

    /// Number of object pages in each segment's object area.
    pub(crate) fn pages(&self) -> usize {
        (self.heap_limit / PAGE_SIZE as u64) as usize
    }

    /// Number of segments including segment 0.
    pub(crate) fn nsegs(&self) -> usize {
        self.nsegs
    }

    /// Base address of segment `s`.
    pub(crate) fn seg_base(&self, s: usize) -> *mut u8 {
        debug_assert!(s < self.nsegs);
        // SAFETY: `s * seg_size` is inside the reservation for every `s < nsegs`.
        unsafe { self.base.add(s * self.seg_size as usize) }
    }

    /// The info block of segment `s` (1..=N).
    pub(crate) fn info(&self, s: usize) -> &SegmentInfo {
        debug_assert!(s >= 1 && s < self.nsegs);
        // SAFETY: the info page of segments 1..=N is mapped read-write for the life of `self`,
        // zero-initialised (a valid `SegmentInfo`, all atomics), and only ever accessed through
        // atomics, so shared references are fine.
        unsafe { &*(self.seg_base(s).add(INFO_OFFSET as usize) as *const SegmentInfo) }
    }

    /// Whether `[off, off + len)` lies inside the object area.
    pub(crate) fn in_object_area(&self, off: u64, len: u64) -> bool {
        off >= OBJ_START && off.checked_add(len).is_some_and(|e| e <= OBJ_START + self.heap_limit)
    }

    #[inline(always)]
    fn addr(&self, s: usize, off: u64) -> *mut u8 {
        debug_assert!(s < self.nsegs && off < self.seg_size);
        // SAFETY: in bounds of the reservation (checked in debug builds; callers pass offsets
        // of objects they were given by this heap).
        unsafe { self.seg_base(s).add(off as usize) }
    }

    /// Reads a `u64` at `off` in segment `s` (8-aligned, mapped: the caller checked the range).
    #[inline(always)]
    pub(crate) fn read_u64(&self, s: usize, off: u64) -> u64 {
        // SAFETY: mapped for the life of `self`; volatile because the same physical page may be
        // visible at another address. Used only with the world stopped.
        unsafe { std::ptr::read_volatile(self.addr(s, off) as *const u64) }
    }

    /// Reads a byte at `off` in segment `s` (read markers are read this way).
    #[inline(always)]
    pub(crate) fn read_u8(&self, s: usize, off: u64) -> u8 {
        // SAFETY: mapped for the life of `self`; volatile because other threads' memory is read
        // (marker bytes of other segments are read only while their owner is paused).
        unsafe { std::ptr::read_volatile(self.addr(s, off)) }
    }
    /// A view of segment `s`'s copy of the object at `off`.
    pub(crate) fn view(&self, s: usize, off: u64) -> crate::object::ObjView<'_> {
        // SAFETY: the object's memory stays mapped while `self` is borrowed; callers only make
        // views of objects whose copy in `s` nobody writes during the call.
        unsafe { crate::object::ObjView::new(self.addr(s, off)) }
    }

    /// Copies `[off, off + len)` from segment `src` to segment `dst`.
    pub(crate) fn copy(&self, src: usize, dst: usize, off: u64, len: usize) {
        debug_assert!(src != dst && self.in_object_area(off, len as u64));
        // SAFETY: both ranges are mapped; they are different virtual ranges, and the protocol
        // guarantees they are different physical pages (callers copy only into private pages,
        // or from a private page into segment 0), so they do not overlap.
        unsafe { std::ptr::copy_nonoverlapping(self.addr(src, off), self.addr(dst, off), len) }
    }

    /// The write-lock byte of the object at `off`.
    pub(crate) fn lock(&self, off: u64) -> &AtomicU8 {
        let i = ((off - OBJ_START) / OBJ_ALIGN as u64) as usize;
        assert!(i < self.locks_len);
        // SAFETY: in bounds (checked); the table is mapped read-write for the life of `self`
        // and only accessed through atomics.
        unsafe { &*(self.locks.add(i) as *const AtomicU8) }
    }

    /// The private-bits word of object page `page` (index from `OBJ_START`).
    pub(crate) fn page_bits(&self, page: usize) -> &AtomicU64 {
        assert!(page * 8 < self.page_bits_len);
        // SAFETY: in bounds (checked), 8-aligned (page-aligned table), mapped for the life of
        // `self`, accessed only through atomics.
        unsafe { &*(self.page_bits.add(page * 8) as *const AtomicU64) }
    }

    /// Object page index of offset `off`.
    pub(crate) fn page_of(off: u64) -> usize {
        ((off - OBJ_START) / PAGE_SIZE as u64) as usize
    }

    /// Offset of object page `page`.
    pub(crate) fn page_offset(page: usize) -> u64 {
        OBJ_START + (page * PAGE_SIZE) as u64
    }

    /// Maps segment `s`'s own memfd slice over object pages `[first, first + n)` and fills them
    /// from segment 0.
    ///
    /// The caller is segment `s`'s running owner (so no commit copies into these pages now) and
    /// holds no reference into them.
    pub(crate) fn map_private(&self, s: usize, first: usize, n: usize) -> Result<(), StmError> {
        let off = Self::page_offset(first);
        let len = n * PAGE_SIZE;
        debug_assert!(s >= 1 && self.in_object_area(off, len as u64));
        let file_off = s as u64 * self.heap_limit + (off - OBJ_START);
        // SAFETY: the pages are inside segment `s`'s object area; see the caller's contract.
        unsafe { os::map_file_fixed(self.addr(s, off), len, &self.fd, file_off, true) }
            .map_err(os_err("mmap (page privatization)"))?;
        self.copy(0, s, off, len);
        Ok(())
    }

    /// Maps object pages `[first, first + n)` of segment `s` back onto segment 0's pages and
    /// frees the segment's private copies. The world must be stopped (nobody reads them).
    pub(crate) fn map_shared(&self, s: usize, first: usize, n: usize) -> Result<(), StmError> {
        let off = Self::page_offset(first);
        let len = n * PAGE_SIZE;
        let rel = off - OBJ_START;
        // SAFETY: inside segment `s`'s object area; the world is stopped (see above).
        unsafe { os::map_file_fixed(self.addr(s, off), len, &self.fd, rel, false) }
            .map_err(os_err("mmap (page re-sharing)"))?;
        self.fd.punch_hole(s as u64 * self.heap_limit + rel, len as u64).map_err(os_err("fallocate (page re-sharing)"))
    }

    /// Zeroes segment `s`'s read markers (read-version wrap-around). Called by the owner
    /// outside a transaction.
    pub(crate) fn reset_markers(&self, s: usize) -> Result<(), StmError> {
        let end = self.seg_size >> 4;
        // SAFETY: the marker area is private anonymous memory of segment `s`, never referenced.
        unsafe { os::discard(self.addr(s, MARKERS_START), (end - MARKERS_START) as usize) }
            .map_err(os_err("madvise (read-marker reset)"))
    }
}

impl Drop for Memory {
    fn drop(&mut self) {
        // SAFETY: we own these mappings; nothing uses them after drop (every `Thread` holds an
        // `Arc` to the STM that owns this `Memory`).
        unsafe {
            os::unmap(self.base, self.total);
            if !self.locks.is_null() {
                os::unmap(self.locks, self.locks_len);
            }
            if !self.page_bits.is_null() {
                os::unmap(self.page_bits, self.page_bits_len);
            }
        }
    }
}
