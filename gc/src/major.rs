//! Major collection: stop the world, mark, sweep, re-share pages. Roots: global roots (committed
//! state), every mutator's root words and shadows, and for every running transaction its
//! written and created objects and its whole nursery (a paused thread keeps its young objects;
//! nothing is moved). Each object is traced in the view of the segment it was reached from, and
//! an object a transaction wrote is traced both in that transaction's view and in the committed
//! one, since either version may be the one that survives (commit or abort). The sweep rebuilds the free lists. This file must never move
//! objects.

use crate::model::ref_fields;
use crate::mutator::Mutator;
use crate::oldspace::{BLOCK_BYTES, CLASSES, class_size};
use crate::{Gc, GcError, GcModel};
use std::collections::HashSet;
use std::sync::atomic::Ordering::Relaxed;
use std::time::Instant;
use stm::layout::{NURSERY_START, OBJ_START};
use stm::{ObjRef, WorldStopped};

impl<M: GcModel> Mutator<M> {
    /// Runs a major collection now: the world stops (this thread's nursery, like every running
    /// transaction's, is a root and does not move). Inside a transaction, waiting for the world
    /// may abort it.
    pub fn major_collect(&mut self) -> Result<(), GcError> {
        let t0 = Instant::now();
        let gc = self.gc.clone();
        match self.th.with_world_stopped(|w| collect(&gc, w)) {
            Ok(()) => {}
            Err(a) => return Err(self.aborted(a)),
        }
        gc.major_count.fetch_add(1, Relaxed);
        self.th.add_gc_time(t0.elapsed());
        Ok(())
    }
}

struct Marker<'a, M: GcModel> {
    gc: &'a Gc<M>,
    w: &'a WorldStopped<'a>,
    bits: Vec<u64>,
    stack: Vec<(usize, u64)>,
    young_seen: HashSet<(usize, u64)>,
}

impl<M: GcModel> Marker<'_, M> {
    fn index(word: u64) -> usize {
        ((word - OBJ_START) / 16) as usize
    }
    fn is_marked(&self, word: u64) -> bool {
        let i = Self::index(word);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
    /// Marks an old object; true if it was not marked before.
    fn mark(&mut self, word: u64) -> bool {
        let i = Self::index(word);
        let was = self.bits[i / 64] & (1 << (i % 64)) != 0;
        self.bits[i / 64] |= 1 << (i % 64);
        !was
    }
    /// A reference seen in segment `s`'s view.
    fn reach(&mut self, s: usize, word: u64) {
        if self.gc.is_old(word) {
            if self.mark(word) {
                self.stack.push((s, word));
            }
        } else if s != 0 && self.gc.is_young(word) && self.young_seen.insert((s, word)) {
            self.stack.push((s, word));
        }
    }
    fn drain(&mut self) {
        let mut fields = Vec::new();
        while let Some((s, obj)) = self.stack.pop() {
            let found = ref_fields(&*self.gc.model, self.w.view(s, ObjRef(obj)), &mut fields);
            for i in 0..found.count() {
                let word = self.w.load_u64(s, ObjRef(obj), found.at(i, &fields));
                self.reach(s, word);
            }
        }
    }
}

fn collect<M: GcModel>(gc: &Gc<M>, w: &WorldStopped<'_>) {
    let used = gc.stm.reserved_bytes();
    let mut mk = Marker {
        gc,
        w,
        bits: vec![0u64; (used / 16 / 64 + 1) as usize],
        stack: Vec::new(),
        young_seen: HashSet::new(),
    };
    for &word in gc.global_roots.lock().unwrap().iter() {
        mk.reach(0, word);
    }
    let all_roots: Vec<_> = {
        let mut registry = gc.roots.lock().unwrap();
        registry.retain(|r| r.strong_count() > 0);
        registry.iter().filter_map(|r| r.upgrade()).collect()
    };
    for r in &all_roots {
        let r = r.lock().unwrap();
        for &word in &r.words {
            mk.reach(r.segment, word);
        }
        for &slot in r.shadows.values() {
            mk.mark(slot); // reserved, not yet written: nothing to trace
        }
    }
    for (s, written, created) in w.transactions() {
        for o in written {
            // Both versions: the private copy, and the committed one that an abort brings back.
            mk.mark(o.0);
            mk.stack.push((s, o.0));
            mk.stack.push((0, o.0));
        }
        for o in created {
            mk.reach(s, o.0);
        }
        let end = w.info(s).nursery_current.load(Relaxed);
        let mut p = NURSERY_START;
        while p < end {
            let size = gc.model.object_size(w.view(s, ObjRef(p))) as u64;
            if mk.young_seen.insert((s, p)) {
                mk.stack.push((s, p));
            }
            p += size.max(16);
        }
    }
    mk.drain();

    // Sweep: every unmarked slot of every block is free; unmarked large objects free their pages.
    // (Lock order as in allocation: a segment's lists, then the global ones.)
    for seg in &gc.old.per_segment {
        seg.lock().unwrap().iter_mut().for_each(|v| v.clear());
    }
    let mut g = gc.old.global.lock().unwrap();
    let mut free = vec![Vec::new(); CLASSES];
    let mut live = 0u64;
    for &(start, class) in &g.blocks {
        let cs = class_size(class);
        for i in 0..BLOCK_BYTES / cs {
            let slot = start + i * cs;
            if mk.is_marked(slot) {
                live += cs;
            } else {
                free[class].push(slot);
            }
        }
    }
    g.free = free;
    let large: Vec<(u64, u64)> = g.large.iter().map(|(&a, &b)| (a, b)).collect();
    for (start, bytes) in large {
        if mk.is_marked(start) {
            live += bytes;
        } else {
            g.large.remove(&start);
            g.free_large.entry(bytes / stm::layout::PAGE_SIZE as u64).or_default().push(start);
        }
    }
    g.live = live;
    gc.old.live.store(live, Relaxed);
    gc.old.allocated.store(0, Relaxed);
    let threshold = ((live as f64 * gc.config.major_factor) as u64).max(gc.major_min());
    gc.major_threshold.store(threshold, Relaxed);
    drop(g);
    if let Err(e) = w.reshare_pages() {
        // Pages stay private: more memory, still correct.
        eprintln!("pystm: warning: re-sharing pages after a major collection failed: {e}");
    }
}

impl From<stm::Abort> for GcError {
    fn from(a: stm::Abort) -> GcError {
        GcError::Aborted(a)
    }
}
