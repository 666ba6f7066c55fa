//! Errors of the STM: set-up errors ([`StmError`]) and transaction aborts ([`Abort`]). Owns the
//! types only; it must never decide policy.

use std::fmt;

/// A failure to set up or grow the STM heap. Every variant says what to change.
#[derive(Debug)]
pub enum StmError {
    /// The number of segments is outside `1..=MAX_SEGMENTS`.
    InvalidSegments(usize),
    /// The heap limit is out of range or not a multiple of the granule.
    InvalidHeapLimit(u64),
    /// A system call failed while setting up memory.
    Os { what: &'static str, err: std::io::Error },
    /// The object area has no room left for the requested pages.
    HeapFull { requested: u64, limit: u64 },
}

impl fmt::Display for StmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::layout::*;
        match self {
            StmError::InvalidSegments(n) => {
                write!(f, "invalid number of STM segments: {n} (it must be between 1 and {MAX_SEGMENTS})")
            }
            StmError::InvalidHeapLimit(n) => write!(
                f,
                "invalid STM heap limit: {n} bytes (it must be a multiple of {} MiB between {} MiB and {} GiB)",
                HEAP_LIMIT_GRANULE >> 20,
                MIN_HEAP_LIMIT >> 20,
                MAX_HEAP_LIMIT >> 30
            ),
            StmError::Os { what, err } => write!(f, "STM memory set-up failed in {what}: {err}"),
            StmError::HeapFull { requested, limit } => write!(
                f,
                "out of memory: the STM heap limit of {limit} bytes leaves no room for {requested} more bytes"
            ),
        }
    }
}

impl std::error::Error for StmError {}

/// Why a transaction aborted.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum AbortReason {
    /// An older (or inevitable) transaction wanted to write an object this one had write-locked.
    WriteWrite = 0,
    /// A committing transaction wrote an object this one had read, and won the contention.
    WriteRead = 1,
    /// This transaction tried to commit, but another running one had read what it wrote and won
    /// (it was older or inevitable).
    CommitConflict = 2,
    /// The caller asked for the abort.
    Explicit = 3,
}

impl AbortReason {
    /// Number of reasons (the length of per-reason counters).
    pub const COUNT: usize = 4;
    /// All reasons, in counter order.
    pub const ALL: [AbortReason; Self::COUNT] =
        [AbortReason::WriteWrite, AbortReason::WriteRead, AbortReason::CommitConflict, AbortReason::Explicit];
    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            AbortReason::WriteWrite => "write-write",
            AbortReason::WriteRead => "write-read",
            AbortReason::CommitConflict => "commit-conflict",
            AbortReason::Explicit => "explicit",
        }
    }
}

/// The transaction was aborted and rolled back; the caller restarts it from its last commit
/// point. By the time a caller sees this value, every change of the transaction is undone and the
/// thread is outside any transaction.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Abort {
    pub reason: AbortReason,
}

impl fmt::Display for Abort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "transaction aborted ({})", self.reason.name())
    }
}

impl std::error::Error for Abort {}
