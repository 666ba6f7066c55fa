//! Per-thread statistics: commits, aborts by reason, and where the time went. Owns counting only;
//! it must never influence scheduling or contention decisions.

use crate::error::AbortReason;
use std::fmt;
use std::time::Duration;

/// Counters of one thread, or the sum of several.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Transactions committed (read-only ones included).
    pub commits: u64,
    /// Of which committed without writing any old object or creating any object.
    pub read_only_commits: u64,
    /// Aborts, indexed by `AbortReason as usize`.
    pub aborts: [u64; AbortReason::COUNT],
    /// Conflicts this thread took part in (waits and aborts, as either side).
    pub conflicts: u64,
    /// Pages this thread privatized.
    pub pages_privatized: u64,
    /// Time inside transactions that committed (pauses and waits excluded).
    pub time_committed: Duration,
    /// Time inside transactions that aborted.
    pub time_aborted: Duration,
    /// Time stopped at safe points while others committed.
    pub time_paused: Duration,
    /// Time waiting: for a write lock, the commit lock, the inevitable slot or a free segment.
    pub time_waiting: Duration,
    /// Time in garbage collection, as reported by the GC.
    pub time_gc: Duration,
}

impl Stats {
    /// All aborts, whatever the reason.
    pub fn total_aborts(&self) -> u64 {
        self.aborts.iter().sum()
    }
    /// Aborts of one reason.
    pub fn aborts_of(&self, r: AbortReason) -> u64 {
        self.aborts[r as usize]
    }
    /// Adds another thread's counters.
    pub fn add(&mut self, o: &Stats) {
        self.commits += o.commits;
        self.read_only_commits += o.read_only_commits;
        for (a, b) in self.aborts.iter_mut().zip(o.aborts) {
            *a += b;
        }
        self.conflicts += o.conflicts;
        self.pages_privatized += o.pages_privatized;
        self.time_committed += o.time_committed;
        self.time_aborted += o.time_aborted;
        self.time_paused += o.time_paused;
        self.time_waiting += o.time_waiting;
        self.time_gc += o.time_gc;
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} commits ({} read-only), {} aborts (", self.commits, self.read_only_commits, self.total_aborts())?;
        for (i, r) in AbortReason::ALL.iter().enumerate() {
            write!(f, "{}{} {}", if i > 0 { ", " } else { "" }, self.aborts[i], r.name())?;
        }
        write!(
            f,
            "), {} conflicts, {} pages privatized; time: committed {:.3}s, aborted {:.3}s, paused {:.3}s, waiting {:.3}s, gc {:.3}s",
            self.conflicts,
            self.pages_privatized,
            self.time_committed.as_secs_f64(),
            self.time_aborted.as_secs_f64(),
            self.time_paused.as_secs_f64(),
            self.time_waiting.as_secs_f64(),
            self.time_gc.as_secs_f64()
        )
    }
}
