//! Page privatization and re-sharing: which object pages each segment has private, kept as runs
//! of neighbouring pages so that the number of kernel mappings stays bounded.
//!
//! A page is *shared* in segment `s` while `s` maps memfd slice 0 there (it sees every commit as
//! it lands) and *private* once `s` has mapped its own slice and copied segment 0's page into it
//! (done by the write-barrier slow path before the first write to an old object). Each run of
//! private pages costs up to two kernel mappings, and `vm.max_map_count` caps the process: once
//! the configured number of runs is reached, a new private page is privatized together with the
//! gap to the nearest run of its segment, which merges the mappings instead of splitting one, and
//! re-sharing is requested from the GC. This file must never look at objects or transactions.

use crate::error::StmError;
use crate::layout::PRIVATIZE_PAGES;
use crate::memory::Memory;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// Private pages of one segment as disjoint, non-touching runs `start -> end` (exclusive).
#[derive(Default)]
pub(crate) struct Runs(BTreeMap<usize, usize>);

pub(crate) struct Pages {
    runs: Vec<Mutex<Runs>>,
    total_runs: AtomicUsize,
    max_runs: usize,
    /// Pages privatized since start-up (a statistic).
    pub(crate) privatized: AtomicU64,
    /// Set when privatization had to fill gaps because the run budget was spent.
    pub(crate) reshare_wanted: AtomicBool,
}

/// The longest gap (in pages, 1 MiB) filled to avoid a new run.
const MAX_GAP_FILL: usize = 256;

#[inline]
fn bit(s: usize) -> u64 {
    1u64 << (s - 1)
}

impl Pages {
    pub(crate) fn new(nsegs: usize, max_runs: usize) -> Pages {
        Pages {
            runs: (0..nsegs).map(|_| Mutex::new(Runs::default())).collect(),
            total_runs: AtomicUsize::new(0),
            max_runs: max_runs.max(1),
            privatized: AtomicU64::new(0),
            reshare_wanted: AtomicBool::new(false),
        }
    }

    pub(crate) fn max_runs(&self) -> usize {
        self.max_runs
    }

    pub(crate) fn total_runs(&self) -> usize {
        self.total_runs.load(Ordering::Relaxed)
    }

    #[inline]
    pub(crate) fn is_private(mem: &Memory, s: usize, page: usize) -> bool {
        mem.page_bits(page).load(Ordering::Acquire) & bit(s) != 0
    }

    /// Makes every page of `[off, off + len)` private in segment `s`. Called by `s`'s running
    /// owner. Returns the number of pages newly privatized.
    pub(crate) fn privatize(&self, mem: &Memory, s: usize, off: u64, len: u64) -> Result<usize, StmError> {
        let first = Memory::page_of(off);
        let last = Memory::page_of(off + len - 1);
        if (first..=last).all(|p| Self::is_private(mem, s, p)) {
            return Ok(0);
        }
        // Whole aligned groups of pages (see `PRIVATIZE_PAGES`).
        let first = first - first % PRIVATIZE_PAGES;
        let last = (last - last % PRIVATIZE_PAGES + PRIVATIZE_PAGES - 1).min(mem.pages() - 1);
        let mut runs = self.runs[s].lock().unwrap();
        let mut done = 0;
        let mut p = first;
        while p <= last {
            if Self::is_private(mem, s, p) {
                p += 1;
                continue;
            }
            let a = p;
            while p <= last && !Self::is_private(mem, s, p) {
                p += 1;
            }
            done += self.add_run(mem, s, &mut runs, a, p)?;
        }
        Ok(done)
    }

    /// Privatizes the non-private pages `[a, b)`, merging with neighbouring runs, or filling the
    /// gap to the nearest run when the run budget is spent.
    fn add_run(&self, mem: &Memory, s: usize, runs: &mut Runs, mut a: usize, mut b: usize) -> Result<usize, StmError> {
        let left = runs.0.range(..a).next_back().map(|(&ls, &le)| (ls, le));
        let right = runs.0.range(b..).next().map(|(&rs, &re)| (rs, re));
        let touches_left = left.is_some_and(|(_, le)| le == a);
        let touches_right = right.is_some_and(|(rs, _)| rs == b);
        if !touches_left && !touches_right && self.total_runs() >= self.max_runs {
            // Gaps longer than `MAX_GAP_FILL` make a new run anyway: copying megabytes inside
            // a write barrier would stall every commit.
            let gap_left = left.map(|(_, le)| a - le).filter(|&g| g <= MAX_GAP_FILL);
            let gap_right = right.map(|(rs, _)| rs - b).filter(|&g| g <= MAX_GAP_FILL);
            match (gap_left, gap_right) {
                (Some(gl), Some(gr)) if gr < gl => b = right.unwrap().0,
                (Some(_), _) => a = left.unwrap().1,
                (None, Some(_)) => b = right.unwrap().0,
                (None, None) => {}
            }
            self.reshare_wanted.store(true, Ordering::Relaxed);
        }
        mem.map_private(s, a, b - a)?;
        for p in a..b {
            mem.page_bits(p).fetch_or(bit(s), Ordering::AcqRel);
        }
        let (mut start, mut end) = (a, b);
        let mut merged = 0;
        if let Some((ls, le)) = left
            && le == a
        {
            runs.0.remove(&ls);
            start = ls;
            merged += 1;
        }
        if let Some((rs, re)) = right
            && rs == b
        {
            runs.0.remove(&rs);
            end = re;
            merged += 1;
        }
        runs.0.insert(start, end);
        if merged == 0 {
            self.total_runs.fetch_add(1, Ordering::Relaxed);
        } else if merged == 2 {
            self.total_runs.fetch_sub(1, Ordering::Relaxed);
        }
        self.privatized.fetch_add((b - a) as u64, Ordering::Relaxed);
        Ok(b - a)
    }

    /// Re-shares every private page of segment `s` that is not in `keep`. The world must be
    /// stopped. Returns the number of pages re-shared.
    pub(crate) fn reshare(&self, mem: &Memory, s: usize, keep: &BTreeSet<usize>) -> Result<usize, StmError> {
        let mut runs = self.runs[s].lock().unwrap();
        let old = std::mem::take(&mut runs.0);
        let mut shared = 0;
        let mut result = Ok(());
        for (&a, &b) in &old {
            let mut p = a;
            while p < b {
                let kept = keep.contains(&p);
                let mut q = p;
                while q < b && keep.contains(&q) == kept {
                    q += 1;
                }
                if kept || result.is_err() {
                    runs.0.insert(p, q);
                } else {
                    match mem.map_shared(s, p, q - p) {
                        Ok(()) => {
                            for page in p..q {
                                mem.page_bits(page).fetch_and(!bit(s), Ordering::AcqRel);
                            }
                            shared += q - p;
                        }
                        Err(e) => {
                            runs.0.insert(p, q);
                            result = Err(e);
                        }
                    }
                }
                p = q;
            }
        }
        let (before, after) = (old.len(), runs.0.len());
        if after >= before {
            self.total_runs.fetch_add(after - before, Ordering::Relaxed);
        } else {
            self.total_runs.fetch_sub(before - after, Ordering::Relaxed);
        }
        result.map(|()| shared)
    }

    /// Number of runs of private pages of segment `s` (for tests).
    pub(crate) fn runs_of(&self, s: usize) -> usize {
        self.runs[s].lock().unwrap().0.len()
    }
}
