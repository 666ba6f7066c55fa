//! The 64-bit value word every Python value is: a tagged small integer (low bit 1), one of a few
//! immediate constants (None, True, False, NotImplemented, Ellipsis: even words below 16), or a
//! reference to a heap object (a non-zero multiple of 16: its offset in every segment). This file
//! owns the encoding only; it must never touch the heap.

use stm::ObjRef;

/// One Python value.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, Default)]
#[repr(transparent)]
pub struct Value(pub u64);

/// The smallest and largest integers kept as tagged words (62 bits signed, so that adding two of
/// them never overflows an `i64`).
pub const SMALL_MIN: i64 = -(1 << 61);
pub const SMALL_MAX: i64 = (1 << 61) - 1;

impl Value {
    /// No value: an empty local, a missing default, "not found".
    pub const NULL: Value = Value(0);
    pub const NONE: Value = Value(2);
    pub const FALSE: Value = Value(4);
    pub const TRUE: Value = Value(6);
    pub const NOT_IMPLEMENTED: Value = Value(8);
    pub const ELLIPSIS: Value = Value(10);

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn is_int(self) -> bool {
        self.0 & 1 == 1
    }
    #[inline(always)]
    pub fn is_ref(self) -> bool {
        self.0 != 0 && self.0 & 15 == 0
    }
    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }
    /// A small integer; the caller checked `fits`.
    #[inline(always)]
    pub fn int(i: i64) -> Value {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&i));
        Value(((i << 1) | 1) as u64)
    }
    #[inline(always)]
    pub fn fits(i: i64) -> bool {
        (SMALL_MIN..=SMALL_MAX).contains(&i)
    }
    /// The small integer held (the caller checked `is_int`).
    #[inline(always)]
    pub fn as_int(self) -> i64 {
        (self.0 as i64) >> 1
    }
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }
    #[inline(always)]
    pub fn obj(r: ObjRef) -> Value {
        Value(r.0)
    }
    /// The referenced object (the caller checked `is_ref`).
    #[inline(always)]
    pub fn as_obj(self) -> ObjRef {
        debug_assert!(self.0 & 15 == 0, "not a reference: {:#x}", self.0);
        ObjRef(self.0)
    }
    /// The object if this is a reference.
    #[inline(always)]
    pub fn as_ref(self) -> Option<ObjRef> {
        if self.is_ref() { Some(ObjRef(self.0)) } else { None }
    }
}
