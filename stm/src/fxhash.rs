//! FxHash (the multiply-rotate hash of rustc and Firefox): a fast, non-cryptographic hasher for
//! the small Rust-side tables of every layer (the GC's shadow slots, the VM's names and maps),
//! whose keys are words or short names no attacker chooses. This file owns nothing else.

use std::collections::HashMap;

/// A fast hasher: FxHash's multiply-rotate.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        // The product's high bits are its well-mixed ones; hash tables index by the low bits
        // (object addresses, multiples of 16, would otherwise use a sixteenth of the buckets).
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for c in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// A HashMap with FxHash.
pub type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
