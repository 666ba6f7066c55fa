//! Workloads that exercise the STM from outside, shared by the demo (`examples/bank.rs`), the
//! stress tests and the benchmark so that all three run the same code. Not part of the runtime's
//! API. This module must never reach into the STM's internals: it uses only the public API.

pub mod bank;

use crate::{ObjRef, ObjView, ObjectModel, Stm, StmError, Thread, layout::PAGE_SIZE};

/// An object model for tests and workloads: the type id is the object's size in bytes.
pub struct SizeInTypeid;

impl ObjectModel for SizeInTypeid {
    fn object_size(&self, obj: ObjView<'_>) -> usize {
        obj.typeid() as usize
    }
}

/// Creates `n` objects of `size` bytes (a multiple of 16) in fresh pages, packed one after the
/// other, inside the running transaction of `th`, zero-filled, with type id `size` (for
/// [`SizeInTypeid`]). They become visible to other threads when the transaction commits.
pub fn new_objects(stm: &Stm, th: &mut Thread, n: usize, size: usize) -> Result<Vec<ObjRef>, StmError> {
    assert!(size >= 16 && size % 16 == 0);
    let pages = (n * size).div_ceil(PAGE_SIZE).max(1);
    let first = stm.reserve_pages(pages)?;
    let objs: Vec<ObjRef> = (0..n).map(|i| ObjRef(first.0 + (i * size) as u64)).collect();
    for &o in &objs {
        th.init_header(o, size as u32);
        th.register_new_object(o);
    }
    Ok(objs)
}

/// Creates and commits `n` 16-byte objects, one at the start of every `stride`-th page of
/// fresh pages (for tests and benchmarks of page privatization).
pub fn committed_one_per_page(stm: &std::sync::Arc<Stm>, n: usize, stride: usize) -> Result<Vec<ObjRef>, StmError> {
    let first = stm.reserve_pages(n * stride)?;
    let objs: Vec<ObjRef> = (0..n).map(|i| ObjRef(first.0 + (i * stride * PAGE_SIZE) as u64)).collect();
    let mut th = stm.thread();
    th.start();
    for &o in &objs {
        th.init_header(o, 16);
        th.register_new_object(o);
    }
    th.commit().expect("a transaction that only creates objects cannot conflict");
    Ok(objs)
}

/// A small, fast, seedable random-number generator (xorshift64*), so runs are reproducible.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
}
