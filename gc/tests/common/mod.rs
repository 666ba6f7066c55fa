#![allow(dead_code)] // each test file uses part of it
//! A tiny object model for the GC tests: the type id is the object's size; word 1 is a model
//! id, word 2 a value, and every later word a reference field (0 or a reference).

use gc::GcModel;
use stm::ObjView;

pub const ID: u64 = 8;
pub const VALUE: u64 = 16;
pub const FIRST_REF: u64 = 24;

pub struct Nodes;

impl GcModel for Nodes {
    fn object_size(&self, obj: ObjView<'_>) -> usize {
        (obj.typeid() as usize).max(16) // type id 0: the GC's 16-byte dummy object
    }
    fn trace(&self, obj: ObjView<'_>, field: &mut dyn FnMut(u64)) {
        let size = obj.typeid() as u64;
        let mut off = FIRST_REF;
        while off + 8 <= size {
            field(off);
            off += 8;
        }
    }
}

/// Size of a node with `refs` reference fields.
pub fn node_size(refs: usize) -> usize {
    (FIRST_REF as usize + 8 * refs).max(16).next_multiple_of(16)
}

/// Reference fields of a node of `size` bytes.
pub fn refs_of(size: usize) -> usize {
    (size - FIRST_REF as usize) / 8
}
