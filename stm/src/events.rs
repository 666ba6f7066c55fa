//! The event stream: what happened to transactions, for `pystm stmlog`-style reports. Owns the
//! event types and the sink trait; events are built only when a sink is configured, and this
//! file must never block the thread that emits them beyond the sink's own cost.

use crate::error::AbortReason;
use crate::object::ObjRef;
use std::sync::Mutex;
use std::time::Duration;

/// What kind of conflict.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// Two transactions wanted to write the same object; one waited for the other.
    WriteWriteWait,
    /// Two transactions wanted to write the same object; one was aborted.
    WriteWriteAbort,
    /// A committing transaction wrote an object another had read; one of them aborted.
    WriteRead,
}

/// One conflict, reported by the side that lost time.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The object the conflict was about.
    pub obj: ObjRef,
    /// Time lost: the aborted transaction's duration, or the wait.
    pub lost: Duration,
    /// The segment that won.
    pub winner_segment: usize,
    /// The winner's marker (opaque source location set with `Thread::set_marker`) at the time
    /// it wrote the object, where known; 0 when unknown.
    pub winner_marker: u64,
    /// The loser's marker when it lost.
    pub loser_marker: u64,
}

/// What happened.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    Start,
    Commit { seq: u64, modified: usize, new_objects: usize },
    Abort { reason: AbortReason, lost: Duration },
    BecomeInevitable,
    Paused { time: Duration },
    Conflict(Conflict),
}

/// One event of one thread.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Time since the STM was created.
    pub at: Duration,
    /// The thread's id (`Thread::id`).
    pub thread: u32,
    pub segment: usize,
    pub kind: EventKind,
}

/// Receives events. Called from the thread the event is about, outside any STM lock.
pub trait EventSink: Send + Sync {
    fn event(&self, e: &Event);
}

/// A sink that keeps every event in memory (for tests and small runs).
#[derive(Default)]
pub struct MemorySink {
    events: Mutex<Vec<Event>>,
}

impl MemorySink {
    /// The events so far, in arrival order.
    pub fn events(&self) -> Vec<Event> {
        self.events.lock().unwrap().clone()
    }
}

impl EventSink for MemorySink {
    fn event(&self, e: &Event) {
        self.events.lock().unwrap().push(*e);
    }
}
