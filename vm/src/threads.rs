//! What threads share outside the heap: the table of lock states behind `_thread.lock`
//! objects, the thread identities, and the count of running threads. A lock's state cannot
//! live in the heap: it is changed outside any transaction (see `interp/blocking.rs`), where a
//! thread may not touch heap memory. This file must never touch the heap or run Python code.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::*};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// One `_thread.lock`: a flag and a condition variable to wait on.
#[derive(Default)]
pub struct RawLock {
    locked: Mutex<bool>,
    cv: Condvar,
}

impl RawLock {
    /// Takes the lock if it is free.
    pub fn try_acquire(&self) -> bool {
        let mut l = self.locked.lock().unwrap();
        !std::mem::replace(&mut *l, true)
    }

    /// Takes the lock, waiting at most `timeout` (forever if None). Whether it got it.
    pub fn acquire(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut l = self.locked.lock().unwrap();
        while *l {
            match deadline {
                None => l = self.cv.wait(l).unwrap(),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return false;
                    }
                    l = self.cv.wait_timeout(l, d - now).unwrap().0;
                }
            }
        }
        *l = true;
        true
    }

    /// Frees the lock; false if it was not locked.
    pub fn release(&self) -> bool {
        let mut l = self.locked.lock().unwrap();
        if !*l {
            return false;
        }
        *l = false;
        drop(l);
        self.cv.notify_one();
        true
    }

    /// Waits until the lock is free (without taking it), at most `timeout`.
    pub fn wait_free(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        let mut l = self.locked.lock().unwrap();
        while *l {
            let now = Instant::now();
            if now >= deadline {
                return;
            }
            l = self.cv.wait_timeout(l, deadline - now).unwrap().0;
        }
        // Another waiter may be woken instead of us: pass the wake-up on.
        drop(l);
        self.cv.notify_one();
    }

    pub fn is_locked(&self) -> bool {
        *self.locked.lock().unwrap()
    }
}

/// Every lock of the process, by index (append-only: a lock object keeps its index).
static LOCKS: Mutex<Vec<&'static RawLock>> = Mutex::new(Vec::new());

/// A new lock's index. Lock states are never freed (a few dozen bytes each).
pub fn new_lock() -> usize {
    let mut t = LOCKS.lock().unwrap();
    t.push(Box::leak(Box::default()));
    t.len() - 1
}

/// The lock with index `i` (None for an index no lock has).
pub fn lock(i: usize) -> Option<&'static RawLock> {
    LOCKS.lock().unwrap().get(i).copied()
}

/// Thread identities: the main thread is 1, others count up from 2.
static NEXT_IDENT: AtomicU64 = AtomicU64::new(2);
pub const MAIN_IDENT: u64 = 1;

pub fn new_ident() -> u64 {
    NEXT_IDENT.fetch_add(1, Relaxed)
}

/// Threads started and not finished (the main thread not counted): `_thread._count()`.
pub static RUNNING: AtomicUsize = AtomicUsize::new(0);
