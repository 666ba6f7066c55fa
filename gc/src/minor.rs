//! Minor collection: moves the nursery's survivors into old space. Roots: the thread's root
//! words, its shadows (reserved identities), and the old objects written since the last
//! collection (the STM's written list), which may point into the nursery. Survivors become
//! objects created by the transaction (`register_new_object`), with `WRITE_BARRIER` set, as are
//! the scanned old objects, so their next write is recorded again. Runs in the owner's segment
//! only, at a safe point; it must never touch another segment.

use crate::mutator::Mutator;
use crate::nursery;
use crate::{FLAG_FORWARDED, Gc, GcError, GcModel};
use std::collections::HashMap;
use std::sync::atomic::Ordering::Relaxed;
use std::time::Instant;
use stm::layout::NURSERY_START;
use stm::{HEADER_FLAGS, ObjRef, Thread};

impl<M: GcModel> Mutator<M> {
    /// Runs a minor collection now (inside a transaction). Fails only when old space cannot
    /// hold the survivors (the heap limit).
    pub fn minor_collect(&mut self) -> Result<(), GcError> {
        let t0 = Instant::now();
        let info = self.th.segment_info();
        let cur = info.nursery_current.load(Relaxed);
        let used = cur - NURSERY_START;
        let written = self.th.take_written();
        if used == 0 {
            for &o in &written {
                self.th.set_write_barrier(o);
            }
            self.collect_requested = false;
            return Ok(());
        }
        let stm = self.gc.stm.clone();
        if stm.heap_limit() - stm.reserved_bytes() < 2 * used {
            // Not enough room left for the survivors in the worst case: refuse before moving
            // anything (the VM turns this into MemoryError).
            return Err(GcError::OutOfMemory { requested: used });
        }
        let gc = self.gc.clone();
        let roots_arc = self.roots.clone();
        let mut roots = roots_arc.lock().unwrap();
        let mut shadows = std::mem::take(&mut roots.shadows);
        let mut mv = Mover { gc: &gc, stack: Vec::new(), survivors: Vec::new(), fields: Vec::new() };
        for w in roots.words.iter_mut() {
            *w = mv.forward(self, &mut shadows, *w)?;
        }
        drop(roots);
        for &o in &written {
            mv.update_fields(self, &mut shadows, o)?;
            self.th.set_write_barrier(o);
        }
        while let Some(o) = mv.stack.pop() {
            mv.update_fields(self, &mut shadows, o)?;
        }
        for &o in &mv.survivors {
            self.th.set_write_barrier(o);
        }
        // Shadows of young objects that died stay unused: the next sweep frees them.
        self.th.fill_zero(NURSERY_START, used);
        let info = self.th.segment_info();
        let mark = info.nursery_mark.load(Relaxed);
        nursery::reset(info, gc.config.nursery_size);
        // Transaction length: what was used so far still counts.
        if mark != u64::MAX {
            info.nursery_mark.store(NURSERY_START + mark.saturating_sub(cur), Relaxed);
        }
        self.collect_requested = false;
        gc.minor_count.fetch_add(1, Relaxed);
        self.th.add_gc_time(t0.elapsed());
        Ok(())
    }
}

struct Mover<'g, M: GcModel> {
    gc: &'g Gc<M>,
    /// Moved objects whose fields are still to update.
    stack: Vec<ObjRef>,
    survivors: Vec<ObjRef>,
    fields: Vec<u64>,
}

impl<M: GcModel> Mover<'_, M> {
    /// The new location of the object `word` refers to, moving it on first sight.
    fn forward(&mut self, m: &mut Mutator<M>, shadows: &mut HashMap<u64, u64>, word: u64) -> Result<u64, GcError> {
        if !self.gc.is_young(word) {
            return Ok(word);
        }
        let th: &mut Thread = &mut m.th;
        let obj = ObjRef(word);
        let flags = th.load_u32(obj, HEADER_FLAGS);
        if flags & FLAG_FORWARDED != 0 {
            return Ok(th.load_u64(obj, 8));
        }
        let size = self.gc.model.object_size(th.view(obj)) as u64;
        let new = match shadows.remove(&word) {
            Some(s) => ObjRef(s),
            None => m.old_slot(size as usize)?,
        };
        let th = &mut m.th;
        th.copy_bytes(word, new.0, size);
        th.store_u32(new, HEADER_FLAGS, flags & !FLAG_FORWARDED);
        th.register_new_object(new);
        th.store_u32(obj, HEADER_FLAGS, flags | FLAG_FORWARDED);
        th.store_u64(obj, 8, new.0);
        self.stack.push(new);
        self.survivors.push(new);
        Ok(new.0)
    }

    /// Points every reference field of the old object `o` (this segment's copy) that refers
    /// into the nursery at the moved object.
    fn update_fields(&mut self, m: &mut Mutator<M>, shadows: &mut HashMap<u64, u64>, o: ObjRef) -> Result<(), GcError> {
        self.fields.clear();
        let fields = &mut self.fields;
        self.gc.model.trace(m.th.view(o), &mut |off| fields.push(off));
        for i in 0..self.fields.len() {
            let off = self.fields[i];
            let w = m.th.load_u64(o, off);
            if self.gc.is_young(w) {
                let n = self.forward(m, shadows, w)?;
                m.th.store_u64(o, off, n);
            }
        }
        Ok(())
    }
}
