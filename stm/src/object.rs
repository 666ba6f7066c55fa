//! Object references, the object header and the object-model trait the user of the crate
//! supplies. Owns the meaning of header bits; it must never read or write segment memory itself
//! (see `memory.rs` for the accessors).

use crate::layout::OBJ_ALIGN;
use std::marker::PhantomData;

/// A reference to an object: its offset from the segment base, the same number in every segment.
/// `base(segment) + offset` is that segment's copy. Never turn it into a Rust reference that
/// lives across anything that may commit, abort or collect.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(transparent)]
pub struct ObjRef(pub u64);

impl ObjRef {
    /// The null reference (offset 0: the guard page).
    pub const NULL: ObjRef = ObjRef(0);
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    /// The offset of a field.
    pub fn offset(self) -> u64 {
        self.0
    }
    /// Whether the offset is suitably aligned for an object.
    pub fn is_aligned(self) -> bool {
        self.0 % OBJ_ALIGN as u64 == 0
    }
}

/// Header flag: the object is old and not yet written in this transaction; writes must take the
/// write-barrier slow path first. Set on every committed object; cleared by the slow path in the
/// writing segment's copy; set again at commit.
pub const FLAG_WRITE_BARRIER: u32 = 0x1;
/// Header flag bits 1..=15 belong to the GC; bits 16..=31 are free for the object model.
pub const FLAGS_GC_MASK: u32 = 0xfffe;

/// Byte offset of the 32-bit flags word in the header.
pub const HEADER_FLAGS: u64 = 0;
/// Byte offset of the 32-bit type id in the header.
pub const HEADER_TYPEID: u64 = 4;
/// Size of the header.
pub const HEADER_SIZE: u64 = 8;

/// A read-only view of one copy of an object, handed to the [`ObjectModel`]. Valid only during
/// the call it is passed to.
#[derive(Copy, Clone)]
pub struct ObjView<'a> {
    ptr: *const u8,
    _life: PhantomData<&'a u8>,
}

impl<'a> ObjView<'a> {
    /// # Safety
    /// `ptr` must point at an object's header in a mapped segment, readable for the object's
    /// whole size, and nobody may write that copy while the view is alive.
    pub(crate) unsafe fn new(ptr: *const u8) -> ObjView<'a> {
        ObjView { ptr, _life: PhantomData }
    }
    /// The type id from the header.
    pub fn typeid(&self) -> u32 {
        self.read_u32(HEADER_TYPEID)
    }
    /// The flags word from the header.
    pub fn flags(&self) -> u32 {
        self.read_u32(HEADER_FLAGS)
    }
    /// Reads a 32-bit field at byte offset `off` (4-aligned, inside the object).
    pub fn read_u32(&self, off: u64) -> u32 {
        debug_assert!(off % 4 == 0);
        // SAFETY: `new`'s contract: the object is mapped and readable; the model only reads
        // fields inside the object.
        unsafe { std::ptr::read_volatile(self.ptr.add(off as usize) as *const u32) }
    }
    /// Reads a 64-bit field at byte offset `off` (8-aligned, inside the object).
    pub fn read_u64(&self, off: u64) -> u64 {
        debug_assert!(off % 8 == 0);
        // SAFETY: as in `read_u32`.
        unsafe { std::ptr::read_volatile(self.ptr.add(off as usize) as *const u64) }
    }
}

/// What the STM needs to know about objects; supplied by its user (the VM, or a test).
pub trait ObjectModel: Send + Sync + 'static {
    /// The size in bytes of the object, header included: a multiple of 16, at least 16, fixed
    /// for the object's lifetime.
    fn object_size(&self, obj: ObjView<'_>) -> usize;
}
