//! Synchronisation between segments: the per-segment control block, the quiescence protocol
//! that lets a committer stop everyone at safe points, the segment pool that makes threads beyond
//! `N` wait, and the back-off used by every wait. It must never touch object memory.
//!
//! The protocol. Each segment has a `qstate` word: `RUNNING` while its owner may touch the heap,
//! `QUIESCENT` otherwise (between transactions, at a pause, inside any STM wait, or in a safe
//! zone around a blocking call). A committer sets `SIGNAL_PAUSE` in every other segment's signal
//! word and waits until each is `QUIESCENT`. A thread leaves quiescence by storing `RUNNING` and
//! then re-reading its signal word; if `SIGNAL_PAUSE` is set it goes back to `QUIESCENT` and waits.
//! Both sides store, then load, with sequentially consistent ordering, so at least one of them
//! sees the other (Dekker): a committer never copies into a segment whose owner is running.

use crate::layout::{SIGNAL_PAUSE, SegmentInfo};
use crate::object::ObjRef;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering::*};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

pub(crate) const RUNNING: u32 = 0;
pub(crate) const QUIESCENT: u32 = 1;

/// Why a segment was told to abort, written by whoever set its `SIGNAL_ABORT`.
#[derive(Copy, Clone, Debug)]
pub(crate) struct AbortInfo {
    pub reason: crate::error::AbortReason,
    pub obj: ObjRef,
    pub winner_segment: usize,
    /// The winner's transaction attempt when it won (the loser waits for it to end).
    pub winner_attempt: u64,
    pub winner_marker: u64,
}

/// What a transaction has done to old objects, kept where a world-stopper can see it.
#[derive(Default)]
pub(crate) struct TxLog {
    /// Old objects write-locked by the transaction, with the marker current at the write.
    pub modified: Vec<(ObjRef, u64)>,
    /// Objects the transaction created outside the nursery (pushed to others at commit). They
    /// are write-locked by their creator, so their write barrier only records them below.
    pub new_objects: Vec<ObjRef>,
    /// Old objects that went through the write barrier's slow path since the GC last took this
    /// list (`Thread::take_written`): they may point into the nursery.
    pub written: Vec<ObjRef>,
}

/// Per-segment state shared between threads (not in the heap). Padded to its own cache lines.
#[repr(align(128))]
pub(crate) struct SegmentCtl {
    pub qstate: AtomicU32,
    pub tx_active: AtomicBool,
    pub inevitable: AtomicBool,
    /// Age of the running transaction: smaller is older (kept across restarts).
    pub start_time: AtomicU64,
    /// Counts transaction starts (restarts included): identifies one attempt.
    pub attempt: AtomicU64,
    /// Why the running attempt must abort. Its mutex also guards the attempt's life: the owner
    /// starts and ends attempts (`attempt`, `tx_active`) holding it, and a signaller holds it
    /// from its check to its signal, so no signal lands on a later attempt than it was for.
    pub abort_info: Mutex<Option<AbortInfo>>,
    pub log: Mutex<TxLog>,
}

impl SegmentCtl {
    pub(crate) fn new() -> SegmentCtl {
        SegmentCtl {
            qstate: AtomicU32::new(QUIESCENT),
            tx_active: AtomicBool::new(false),
            inevitable: AtomicBool::new(false),
            start_time: AtomicU64::new(0),
            attempt: AtomicU64::new(0),
            abort_info: Mutex::new(None),
            log: Mutex::new(TxLog::default()),
        }
    }

    /// Marks the owner quiescent: it will not touch the heap until [`Self::leave_quiescence`].
    pub(crate) fn enter_quiescence(&self) {
        self.qstate.store(QUIESCENT, SeqCst);
    }

    /// Marks the owner running again, first waiting out any pause. Returns the time paused.
    pub(crate) fn leave_quiescence(&self, info: &SegmentInfo) -> Duration {
        let mut paused = None;
        loop {
            self.qstate.store(RUNNING, SeqCst);
            if info.signal.load(SeqCst) & SIGNAL_PAUSE == 0 {
                return paused.map_or(Duration::ZERO, |t: Instant| t.elapsed());
            }
            self.qstate.store(QUIESCENT, SeqCst);
            paused.get_or_insert_with(Instant::now);
            let mut b = Backoff::new();
            while info.signal.load(Acquire) & SIGNAL_PAUSE != 0 {
                b.snooze();
            }
        }
    }

    /// The marker recorded when this segment's transaction wrote `obj` (0 if it did not).
    pub(crate) fn marker_of(&self, obj: ObjRef) -> u64 {
        let log = self.log.lock().unwrap();
        log.modified.iter().rev().find(|(o, _)| *o == obj).map_or(0, |&(_, m)| m)
    }

    pub(crate) fn is_quiescent(&self) -> bool {
        self.qstate.load(SeqCst) == QUIESCENT
    }
}

/// Spin, then yield, then sleep: waits that stay cheap when the other side is quick (a commit
/// takes microseconds, so sleeping early would multiply pauses) and do not burn a core when it is
/// descheduled (more threads than cores: `yield_now` lets it run).
pub(crate) struct Backoff {
    step: u32,
}

impl Backoff {
    pub(crate) fn new() -> Backoff {
        Backoff { step: 0 }
    }
    pub(crate) fn snooze(&mut self) {
        if self.step < 7 {
            for _ in 0..(1u32 << self.step) {
                std::hint::spin_loop();
            }
        } else if self.step < 4096 {
            std::thread::yield_now();
        } else {
            std::thread::sleep(Duration::from_micros(20));
        }
        self.step = self.step.saturating_add(1);
    }
}

/// Who holds each segment. Threads beyond `N` wait here for one. A thread keeps its segment
/// between transactions (marked idle); an idle segment may be taken over by a waiting thread,
/// and its previous holder then takes another one when it starts its next transaction.
pub(crate) struct SegmentPool {
    /// Per segment: `FREE`, `busy(thread)` or `idle(thread)`.
    state: Vec<AtomicU64>,
    lock: Mutex<()>,
    cv: Condvar,
    waiters: AtomicUsize,
}

const FREE: u64 = 0;
fn busy(thread: u32) -> u64 {
    (thread as u64) << 1 | 1
}
fn idle(thread: u32) -> u64 {
    (thread as u64) << 1
}

impl SegmentPool {
    pub(crate) fn new(nsegs: usize) -> SegmentPool {
        let state = (0..nsegs).map(|s| AtomicU64::new(if s == 0 { busy(0) } else { FREE })).collect();
        SegmentPool { state, lock: Mutex::new(()), cv: Condvar::new(), waiters: AtomicUsize::new(0) }
    }

    /// Takes a segment for `thread`: `preferred` if free, else any free one, else one another
    /// thread holds idle; blocks while every segment runs a transaction.
    pub(crate) fn acquire(&self, preferred: usize, thread: u32) -> usize {
        let mut g = self.lock.lock().unwrap();
        // Counted as a waiter before looking, so that a holder parking its segment after the
        // look sees the count and wakes us (it notifies under the same mutex).
        self.waiters.fetch_add(1, SeqCst);
        let s = loop {
            let order = std::iter::once(preferred).filter(|&p| p != 0).chain(1..self.state.len());
            let free =
                order.clone().find(|&s| self.state[s].compare_exchange(FREE, busy(thread), AcqRel, Relaxed).is_ok());
            if let Some(s) = free {
                break s;
            }
            let idle = order.into_iter().find(|&s| {
                let st = self.state[s].load(SeqCst);
                st != FREE && st & 1 == 0 && self.state[s].compare_exchange(st, busy(thread), AcqRel, Relaxed).is_ok()
            });
            if let Some(s) = idle {
                break s;
            }
            g = self.cv.wait_timeout(g, Duration::from_millis(10)).unwrap().0;
        };
        self.waiters.fetch_sub(1, SeqCst);
        drop(g);
        s
    }

    /// Whether `thread` holds segment `s` (busy or idle).
    pub(crate) fn holds(&self, s: usize, thread: u32) -> bool {
        let st = self.state[s].load(Acquire);
        st == busy(thread) || st == idle(thread)
    }

    /// `thread` starts a transaction in segment `s`, which it held idle; false if the segment was
    /// taken over meanwhile.
    pub(crate) fn resume(&self, s: usize, thread: u32) -> bool {
        self.state[s].compare_exchange(idle(thread), busy(thread), AcqRel, Relaxed).is_ok()
    }

    /// `thread` ended a transaction in segment `s` and keeps it idle.
    pub(crate) fn park(&self, s: usize, thread: u32) {
        self.state[s].store(idle(thread), SeqCst);
        if self.waiters.load(SeqCst) > 0 {
            let _g = self.lock.lock().unwrap();
            self.cv.notify_all();
        }
    }

    /// Whether some thread waits for a segment.
    pub(crate) fn has_waiters(&self) -> bool {
        self.waiters.load(SeqCst) > 0
    }

    /// `thread` gives its idle segment `s` to a waiting thread and waits (briefly) until one has
    /// taken it, so that the giver cannot take it straight back: a fair hand-over.
    pub(crate) fn hand_over(&self, s: usize, thread: u32) {
        if self.state[s].compare_exchange(idle(thread), FREE, AcqRel, Relaxed).is_err() {
            return;
        }
        {
            let _g = self.lock.lock().unwrap();
            self.cv.notify_all();
        }
        let t0 = Instant::now();
        let mut b = Backoff::new();
        while self.state[s].load(Acquire) == FREE && self.has_waiters() && t0.elapsed() < Duration::from_millis(1) {
            b.snooze();
        }
    }

    /// `thread` gives segment `s` back (if it still holds it).
    pub(crate) fn release(&self, s: usize, thread: u32) {
        if self.state[s].compare_exchange(idle(thread), FREE, AcqRel, Relaxed).is_ok() {
            let _g = self.lock.lock().unwrap();
            self.cv.notify_all();
        }
    }
}
