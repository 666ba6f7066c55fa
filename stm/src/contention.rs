//! Contention management: who wins a conflict, and how the loser is told. Write-write conflicts
//! (c7's `cm_abort_the_younger` with an inevitable override): an inevitable transaction always
//! wins; otherwise the older one (smaller start time; ties broken by segment number). A
//! transaction that restarts after an abort keeps its start time, so the oldest transaction
//! always makes progress. Write-read conflicts found at commit: the committer wins unless the
//! reader is inevitable (a reader restarts cheaply, and one that cannot reach a commit for a
//! while, such as a Python loop polling a flag inside a callback, would otherwise make every
//! writer of that flag abort forever). This file must never copy objects or wait.

use crate::Stm;
use crate::layout::{SIGNAL_ABORT, SIGNAL_COMMIT_SOON};
use crate::sync::AbortInfo;
use std::sync::atomic::Ordering::SeqCst;

/// Whether a transaction `(inevitable, start_time, segment)` wins against segment `other`'s.
pub(crate) fn wins(stm: &Stm, inevitable: bool, start_time: u64, seg: usize, other: usize) -> bool {
    let o = &stm.ctl[other];
    if inevitable {
        return true;
    }
    if o.inevitable.load(SeqCst) {
        return false;
    }
    let ot = o.start_time.load(SeqCst);
    (start_time, seg) < (ot, other)
}

/// Tells segment `target` to abort at its next safe point, if it still runs the transaction
/// attempt `expected_attempt` and is not inevitable. Returns whether the signal was sent.
pub(crate) fn signal_abort(stm: &Stm, target: usize, expected_attempt: u64, info: AbortInfo) -> bool {
    let _g = stm.cm_lock.lock().unwrap();
    let c = &stm.ctl[target];
    // Held from the check to the signal: the target cannot end this attempt meanwhile.
    let mut slot = c.abort_info.lock().unwrap();
    if c.inevitable.load(SeqCst) || !c.tx_active.load(SeqCst) || c.attempt.load(SeqCst) != expected_attempt {
        return false;
    }
    slot.get_or_insert(info);
    stm.mem.info(target).signal.fetch_or(SIGNAL_ABORT | SIGNAL_COMMIT_SOON, SeqCst);
    true
}
