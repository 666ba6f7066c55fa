//! The garbage collector of pystm, built on the `stm` crate's segments (issue: "The GC on the
//! segments").
//!
//! It will own: the per-segment nursery (a bump pointer whose current/end words live in the
//! segment info block at `stm::layout::INFO_NURSERY_CURRENT` / `INFO_NURSERY_END`), old-space size
//! classes carved from pages that `stm::Stm::reserve_pages` hands out, minor collection at safe
//! points, stop-the-world major collection (through `stm::Thread::with_world_stopped`, which also
//! re-shares private pages), object identity and hashes, transaction length in nursery bytes.
//!
//! It must never know about Python: the VM describes objects through a trait.
//! Nothing is implemented yet.
