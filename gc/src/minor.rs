//! Minor collection: moves the nursery's survivors into old space. Roots: the thread's root
//! words, its reserved identity slots, and the old objects written since the last collection
//! (the STM's written list), which may point into the nursery. Survivors become objects created
//! by the transaction (`register_new_object`), with `WRITE_BARRIER` set, as are the scanned old
//! objects, so their next write is recorded again. Room for every nursery object is set aside
//! before anything moves (after a major collection if needed), so a collection that starts never
//! fails half-way. Runs in the owner's segment only, at a safe point; it must never touch
//! another segment.

use crate::model::ref_fields;
use crate::mutator::Mutator;
use crate::oldspace::{BLOCK_BYTES, CLASSES, MAX_SMALL, Reserve, class_of, class_size};
use crate::{FLAG_FORWARDED, Gc, GcError, GcModel};
use std::sync::atomic::Ordering::Relaxed;
use std::time::Instant;
use stm::fxhash::FxMap;
use stm::layout::{NURSERY_START, PAGE_SIZE};
use stm::{HEADER_FLAGS, ObjRef};

impl<M: GcModel> Mutator<M> {
    /// Runs a minor collection now (it does nothing outside a transaction). Fails, with nothing
    /// moved, when old space cannot hold the nursery's objects even after a major collection
    /// (the VM raises `MemoryError`), or when waiting for that major collection aborted the
    /// transaction.
    pub fn minor_collect(&mut self) -> Result<(), GcError> {
        if !self.th.in_transaction() {
            return Ok(());
        }
        let t0 = Instant::now();
        let cur = self.th.segment_info().nursery_current.load(Relaxed);
        let used = cur.saturating_sub(NURSERY_START);
        if used == 0 {
            for o in self.th.take_written() {
                self.th.set_write_barrier(o);
            }
            self.collect_requested = false;
            return Ok(());
        }
        // Room first, so that no move can fail: a promise of never-used pages covering the worst
        // case (every nursery object survives; objects of 513 bytes or more take whole pages:
        // at most 8 times their size; one fresh block per size class), else room set aside for
        // the reachable objects exactly, else the same after a major collection.
        let worst = 8 * used + (CLASSES as u64) * BLOCK_BYTES;
        let mut room = if self.gc.old.promise(&self.gc.stm, worst) {
            Room::Promised(worst)
        } else {
            match self.reserve_room() {
                Ok(r) => Room::Reserved(r),
                Err(GcError::OutOfMemory { .. }) => {
                    self.major_collect()?;
                    Room::Reserved(self.reserve_room()?)
                }
                Err(e) => return Err(e),
            }
        };
        let gc = self.gc.clone();
        let seg = self.th.segment().expect("in a transaction");
        let written = self.th.take_written();
        let roots_arc = self.roots.clone();
        let mut roots = roots_arc.lock().unwrap();
        let mut shadows = std::mem::take(&mut roots.shadows);
        // The segment's free lists stay locked for the whole collection (then the global ones
        // when refilling: the allocation order).
        let mut mine = gc.old.per_segment[seg].lock().unwrap();
        let mut mv = Mover {
            gc: &gc,
            mine: &mut mine,
            stack: Vec::new(),
            survivors: Vec::new(),
            fields: Vec::new(),
            small_bytes: 0,
        };
        for w in roots.words.iter_mut() {
            *w = mv.forward(self, &mut shadows, &mut room, *w);
        }
        drop(roots);
        for &o in &written {
            mv.update_fields(self, &mut shadows, &mut room, o);
            self.th.set_write_barrier(o);
        }
        while let Some(o) = mv.stack.pop() {
            mv.update_fields(self, &mut shadows, &mut room, o);
        }
        self.th.register_new_objects(&mv.survivors);
        for &o in &mv.survivors {
            self.th.set_write_barrier(o);
        }
        gc.old.allocated.fetch_add(mv.small_bytes, Relaxed);
        drop(mine);
        match room {
            Room::Promised(bytes) => gc.old.unpromise(bytes),
            Room::Reserved(r) => gc.old.give_back(r),
        }
        // Reserved identities of young objects that died stay unused: the next sweep frees them.
        self.empty_nursery();
        // Transaction length: what was used so far still counts.
        let info = self.th.segment_info();
        let mark = info.nursery_mark.load(Relaxed);
        info.nursery_mark.store(NURSERY_START + mark.saturating_sub(cur), Relaxed);
        self.collect_requested = false;
        gc.minor_count.fetch_add(1, Relaxed);
        self.th.add_gc_time(t0.elapsed());
        Ok(())
    }

    /// Sets aside an old-space place for every nursery object reachable from the roots and the
    /// written objects; objects with a reserved identity slot need none.
    fn reserve_room(&mut self) -> Result<Reserve, GcError> {
        let mut small = [0usize; CLASSES];
        let mut large = Vec::new();
        {
            let roots = self.roots.lock().unwrap();
            let mut count = |p: u64, size: usize| {
                if !roots.shadows.contains_key(&p) {
                    if size <= MAX_SMALL {
                        small[class_of(size)] += 1;
                    } else {
                        large.push(size.div_ceil(PAGE_SIZE) as u64);
                    }
                }
            };
            {
                let gc = &self.gc;
                let mut seen = std::collections::HashSet::new();
                let mut stack: Vec<u64> = roots.words.iter().copied().filter(|&w| gc.is_young(w)).collect();
                let mut fields = Vec::new();
                for o in self.th.written() {
                    let found = ref_fields(&*gc.model, self.th.view(o), &mut fields);
                    let words = (0..found.count()).map(|i| self.th.load_u64(o, found.at(i, &fields)));
                    stack.extend(words.filter(|&w| gc.is_young(w)));
                }
                while let Some(p) = stack.pop() {
                    if !seen.insert(p) {
                        continue;
                    }
                    let view = self.th.view(ObjRef(p));
                    count(p, gc.model.object_size(view));
                    let found = ref_fields(&*gc.model, view, &mut fields);
                    let words = (0..found.count()).map(|i| self.th.load_u64(ObjRef(p), found.at(i, &fields)));
                    stack.extend(words.filter(|&w| gc.is_young(w)));
                }
            }
        }
        let seg = self.th.segment().expect("in a transaction");
        let bytes = large.iter().sum::<u64>() * PAGE_SIZE as u64
            + small.iter().enumerate().map(|(c, &n)| n as u64 * crate::oldspace::class_size(c)).sum::<u64>();
        self.gc.old.reserve(&self.gc.stm, seg, &small, &large).map_err(|_| GcError::OutOfMemory { requested: bytes })
    }
}

/// What guarantees that a minor collection's moves cannot fail.
enum Room {
    /// A promise of this many bytes of never-used pages.
    Promised(u64),
    /// Slots and page areas set aside for the reachable objects.
    Reserved(Reserve),
}

struct Mover<'g, M: GcModel> {
    gc: &'g Gc<M>,
    /// The segment's free lists (locked).
    mine: &'g mut [Vec<u64>],
    /// Bytes of small slots taken, counted into `allocated` at the end.
    small_bytes: u64,
    /// Moved objects whose fields are still to update.
    stack: Vec<ObjRef>,
    survivors: Vec<ObjRef>,
    fields: Vec<u64>,
}

impl<M: GcModel> Mover<'_, M> {
    /// The new location of the object `word` refers to, moving it on first sight.
    fn forward(&mut self, m: &mut Mutator<M>, shadows: &mut FxMap<u64, u64>, room: &mut Room, word: u64) -> u64 {
        if !self.gc.is_young(word) {
            return word;
        }
        let th = &mut m.th;
        let obj = ObjRef(word);
        let flags = th.load_u32(obj, HEADER_FLAGS);
        if flags & FLAG_FORWARDED != 0 {
            return th.load_u64(obj, 8);
        }
        let size = self.gc.model.object_size(th.view(obj));
        let (old, stm) = (&self.gc.old, &self.gc.stm);
        let shadow = if shadows.is_empty() { None } else { shadows.remove(&word) };
        let new = match (shadow, room) {
            (Some(s), _) => ObjRef(s),
            (None, room) if size <= MAX_SMALL => {
                self.small_bytes += class_size(class_of(size));
                let own = if let Room::Promised(own) = room { Some(*own) } else { None };
                old.minor_slot(stm, self.mine, size, own)
            }
            (None, Room::Promised(own)) => old.alloc_large_promised(stm, size, *own),
            (None, Room::Reserved(r)) => old.take_large(r, size),
        };
        th.copy_bytes(word, new.0, size as u64);
        th.store_u32(new, HEADER_FLAGS, flags & !FLAG_FORWARDED);
        th.store_u32(obj, HEADER_FLAGS, flags | FLAG_FORWARDED);
        th.store_u64(obj, 8, new.0);
        self.stack.push(new);
        self.survivors.push(new);
        new.0
    }

    /// Points every reference field of the old object `o` (this segment's copy) that refers
    /// into the nursery at the moved object.
    fn update_fields(&mut self, m: &mut Mutator<M>, shadows: &mut FxMap<u64, u64>, room: &mut Room, o: ObjRef) {
        let found = ref_fields(&*self.gc.model, m.th.view(o), &mut self.fields);
        for i in 0..found.count() {
            let off = found.at(i, &self.fields);
            let w = m.th.load_u64(o, off);
            if self.gc.is_young(w) {
                let n = self.forward(m, shadows, room, w);
                m.th.store_u64(o, off, n);
            }
        }
    }
}
