//! Inline caches for instance attribute loads and stores: words per instruction in the code
//! object, keyed by the class version (which changes when the class or any base changes) and
//! the instance's map. A plain entry gives the slot of an existing attribute; a transition entry
//! (stores that add an attribute, as in `__init__`) gives the new map and slot. A load or store
//! site keeps its newest entry in word 0 and the plain one before in word 1; once it has seen a
//! third shape (a method of a base class using `self.x` of several subclasses' instances), word
//! 1 points at an immutable `LoadSite` of up to `LOAD_WAYS` more plain entries, published whole
//! like a `MethodSite` (below). A miss takes the general path in `attr.rs` and refills the
//! entries. Entries that do not fit the packing are simply not cached.
//!
//! Method loads (`LoadMethod`) cache the method itself, for up to `METHOD_WAYS` receiver shapes
//! (class version, and map for an instance): a site's word 0 points at an immutable
//! `MethodSite` published whole, so that a reader racing a refill sees the old cache or the new
//! one, never a mix. Only old (committed or directly old-allocated) methods are cached: young
//! objects move at the commit. A version names one class for good and a class's version changes
//! with any change to its dict or its bases', so a matching entry's method is still what the
//! class holds, and alive. This file never runs Python code.

use super::{R, Vm};
use crate::compile::code::Code;
use crate::layout::*;
use crate::value::Value;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use stm::ObjRef;

// Plain entry: bit 0 = 0, slot bits 1..9, map bits 9..29, version bits 29..64.
// Transition entry: bit 0 = 1, slot bits 1..9, new map bits 9..25, old map bits 25..41,
// version bits 41..64.
const PLAIN_MAP_BITS: u64 = 20;
const PLAIN_VER_BITS: u64 = 35;
const TR_MAP_BITS: u64 = 16;
const TR_VER_BITS: u64 = 23;
/// Receiver shapes one method-load site keeps.
const METHOD_WAYS: usize = 4;
/// Refills one method-load site is allowed: past them it is megamorphic and keeps its cache.
const METHOD_REFILLS: u64 = 8;
/// Shapes a polymorphic attribute site keeps beyond its two words.
const LOAD_WAYS: usize = 6;
/// `LoadSite`s one attribute site may publish: past them it keeps its cache.
const LOAD_REFILLS: u32 = 12;

/// The older shapes of a polymorphic attribute site: plain entries, newest first, 0 for
/// none; and how many sites this site published before this one.
#[derive(Debug)]
pub struct LoadSite {
    ways: [u64; LOAD_WAYS],
    refills: u32,
}

/// A method-load site's cache: (class version, map or u64::MAX, method), newest first.
#[derive(Debug)]
pub struct MethodSite {
    ways: [(u64, u64, Value); METHOD_WAYS],
    n: usize,
}

/// Dict version bits kept in a global-load cache word.
const VERSION_MASK: u64 = (1 << 39) - 1;

fn plain(version: u64, map: u64, slot: u64) -> Option<u64> {
    (version < 1 << PLAIN_VER_BITS && map < 1 << PLAIN_MAP_BITS && slot < 256 && version != 0)
        .then_some((version << 29) | (map << 9) | (slot << 1))
}

fn transition(version: u64, old: u64, new: u64, slot: u64) -> Option<u64> {
    (version < 1 << TR_VER_BITS && old < 1 << TR_MAP_BITS && new < 1 << TR_MAP_BITS && slot < 256 && version != 0)
        .then_some((version << 41) | (old << 25) | (new << 9) | (slot << 1) | 1)
}

impl Vm {
    /// (class, version, map) of an instance, or None for other values.
    #[inline(always)]
    fn ic_shape(&self, o: Value) -> Option<(ObjRef, u64, u64)> {
        if !o.is_ref() || self.tid(o.as_obj()) != tid::INSTANCE {
            return None;
        }
        let ob = o.as_obj();
        let map = self.rd(ob, INST_MAP).as_int();
        // (`__class__` assignment writes the class: the map's load above read-marked the
        // instance for the STM, so the class needs no barrier of its own.)
        let cls = self.ld(ob, INST_CLASS).as_obj();
        let version = self.rd(cls, CLS_VERSION).as_int() as u64;
        if map == DICT_MODE {
            return None;
        }
        Some((cls, version, map as u64))
    }

    /// The slot a plain entry at `pc` gives for the instance `o` now (its class version and map
    /// match), or None.
    #[inline(always)]
    pub fn ic_plain_slot(&self, code: &Code, pc: usize, o: Value) -> Option<u64> {
        let w = code.icache[2 * pc].load(Relaxed);
        if w == 0 {
            return None;
        }
        let (_, version, map) = self.ic_shape(o)?;
        let shape = (version << PLAIN_MAP_BITS) | map;
        if w & 1 == 0 && w >> 9 == shape {
            return Some((w >> 1) & 0xff);
        }
        Self::ic_older_slot(code, pc, shape)
    }

    /// The slot an older plain entry of the site at `pc` (word 1, or its `LoadSite`) gives for
    /// `shape` (version and map bits as in a plain entry), or None.
    #[inline(always)]
    fn ic_older_slot(code: &Code, pc: usize, shape: u64) -> Option<u64> {
        let w = code.icache[2 * pc + 1].load(Acquire);
        if w & 1 == 0 {
            return (w != 0 && w >> 9 == shape).then_some((w >> 1) & 0xff);
        }
        // SAFETY: a word 1 with bit 0 set is the address (plus 1) of a `LoadSite` box that
        // `code.load_sites` owns; it was filled before being published (Release, paired with the
        // Acquire above) and is never changed or freed while `code` lives.
        let site = unsafe { &*((w - 1) as *const LoadSite) };
        site.ways.iter().find(|&&w| w != 0 && w >> 9 == shape).map(|w| (w >> 1) & 0xff)
    }

    /// Makes `w` the newest entry (word 0) of the load or store site at `pc`; the plain entry
    /// it replaces moves to word 1 or, for a third shape, to the front of a new `LoadSite` with
    /// the older entries after it (until the site has published `LOAD_REFILLS` of them).
    fn ic_push(code: &Code, pc: usize, w: u64) {
        let old = code.icache[2 * pc].load(Relaxed);
        if old != w && old != 0 && old & 1 == 0 {
            let second = code.icache[2 * pc + 1].load(Acquire);
            if second == 0 {
                code.icache[2 * pc + 1].store(old, Relaxed);
            } else {
                let (earlier, refills): (&[u64], u32) = if second & 1 == 0 {
                    (&[second], 0)
                } else {
                    // SAFETY: as in `ic_older_slot`.
                    let site = unsafe { &*((second - 1) as *const LoadSite) };
                    (&site.ways, site.refills + 1)
                };
                if refills >= LOAD_REFILLS {
                    return;
                }
                let mut site = LoadSite { ways: [0; LOAD_WAYS], refills };
                site.ways[0] = old;
                let keep = earlier.iter().filter(|&&e| e != 0 && e != w && e != old);
                for (slot, &e) in site.ways[1..].iter_mut().zip(keep) {
                    *slot = e;
                }
                let site = Box::new(site);
                let addr = &*site as *const LoadSite as u64;
                code.load_sites.lock().unwrap_or_else(|e| e.into_inner()).push(site);
                code.icache[2 * pc + 1].store(addr + 1, Release);
            }
        }
        code.icache[2 * pc].store(w, Relaxed);
    }

    /// What a transition entry at `pc` gives for the instance `o` now (its class version and
    /// map are the entry's old ones): the new map and the slot the store adds, or None.
    pub fn ic_transition(&self, code: &Code, pc: usize, o: Value) -> Option<(u64, u64)> {
        let w = code.icache[2 * pc].load(Relaxed);
        if w & 1 == 0 {
            return None;
        }
        let (_, version, map) = self.ic_shape(o)?;
        (w >> 25 == (version << TR_MAP_BITS) | map).then_some(((w >> 9) & 0xffff, (w >> 1) & 0xff))
    }

    /// A cached attribute load: Some(value) on a hit.
    #[inline(always)]
    pub fn ic_load(&self, code: &Code, pc: usize, o: Value) -> Option<Value> {
        let slot = self.ic_plain_slot(code, pc, o)?;
        let slots = self.rd(o.as_obj(), INST_SLOTS).as_obj();
        let v = self.rd(slots, ARRAY_ITEMS + 8 * slot);
        if v.is_null() { None } else { Some(v) }
    }

    /// Fills the cache after a general attribute load that may have come from the instance.
    pub fn ic_fill_load(&mut self, code: &Code, pc: usize, o: Value, key: Value) -> R<()> {
        let Some((cls, version, map)) = self.ic_shape(o) else { return Ok(()) };
        if self.rd(cls, CLS_FLAGS).as_int() & CLSF_HAS_GETATTRIBUTE != 0 {
            return Ok(());
        }
        if let Some(d) = self.class_lookup_key(cls, key)?
            && self.is_data_descriptor(d)?
        {
            return Ok(());
        }
        let id = self.name_id(key);
        if let Some(slot) = self.rt.map(map as u32).names.iter().position(|&n| n == id)
            && let Some(w) = plain(version, map, slot as u64)
        {
            Self::ic_push(code, pc, w);
        }
        Ok(())
    }

    /// A cached attribute store: true on a hit (the value is stored).
    #[inline(always)]
    pub fn ic_store(&mut self, code: &Code, pc: usize, o: Value, v: Value) -> R<bool> {
        let w = code.icache[2 * pc].load(Relaxed);
        if w == 0 {
            return Ok(false);
        }
        let Some((_, version, map)) = self.ic_shape(o) else { return Ok(false) };
        let ob = o.as_obj();
        let slot = (w >> 1) & 0xff;
        if w & 1 != 0 && w >> 25 == (version << TR_MAP_BITS) | map {
            // (The old map has `slot` attributes: the new one is the next.)
            let slots = self.slots_for(ob, slot as usize)?;
            self.st(slots, ARRAY_ITEMS + 8 * slot, v)?;
            self.st(ob, INST_MAP, Value::int(((w >> 9) & 0xffff) as i64))?;
            return Ok(true);
        }
        let plain_shape = (version << PLAIN_MAP_BITS) | map;
        let slot = if w & 1 == 0 && w >> 9 == plain_shape {
            slot
        } else {
            // (A polymorphic site's older entries.)
            let Some(slot) = Self::ic_older_slot(code, pc, plain_shape) else { return Ok(false) };
            slot
        };
        let slots = self.rd(ob, INST_SLOTS).as_obj();
        self.st(slots, ARRAY_ITEMS + 8 * slot, v)?;
        Ok(true)
    }

    /// Fills the cache after a general store that went to the instance's own attributes. (A
    /// class with `__slots__` is cached too: the store just made proves the name allowed for
    /// this class version, and a transition names the map it was allowed from.)
    pub fn ic_fill_store(&mut self, code: &Code, pc: usize, o: Value, key: Value, map_before: u64) -> R<()> {
        let Some((cls, version, map)) = self.ic_shape(o) else { return Ok(()) };
        if self.rd(cls, CLS_FLAGS).as_int() & CLSF_HAS_SETATTR != 0 {
            return Ok(());
        }
        if let Some(d) = self.class_lookup_key(cls, key)?
            && self.is_data_descriptor(d)?
        {
            return Ok(());
        }
        let id = self.name_id(key);
        let Some(slot) = self.rt.map(map as u32).names.iter().position(|&n| n == id) else { return Ok(()) };
        let w = if map == map_before {
            plain(version, map, slot as u64)
        } else {
            transition(version, map_before, map, slot as u64)
        };
        if let Some(w) = w {
            Self::ic_push(code, pc, w);
        }
        Ok(())
    }

    /// A cached global-name load: Some(value) on a hit. Word 0 is the globals' structure
    /// version; word 1 is, for a name found in the globals, (version bits, entry index), or for a
    /// name found in the builtins, (1, builtins version bits, entry index). Each word only states
    /// facts true for the versions it names, so a torn pair can only miss.
    #[inline(always)]
    pub fn ic_global(&self, code: &Code, pc: usize, globals: Value) -> Option<Value> {
        self.ic_global_entry(code, pc, globals).map(|(_, _, v)| v)
    }

    /// What a cached global-name load at `pc` finds now: the dict holding the name (`globals`
    /// or the builtins), its entry index, and the value.
    #[inline(always)]
    pub fn ic_global_entry(&self, code: &Code, pc: usize, globals: Value) -> Option<(ObjRef, u64, Value)> {
        let a = code.icache[2 * pc].load(Relaxed);
        if a == 0 {
            return None;
        }
        let gv = self.rd(globals.as_obj(), DICT_VERSION).as_int() as u64;
        if a != gv {
            return None;
        }
        let b = code.icache[2 * pc + 1].load(Relaxed);
        let ix = b & 0xff_ffff;
        let bits = (b >> 24) & VERSION_MASK;
        let dict = if b >> 63 == 0 {
            if bits != gv & VERSION_MASK {
                return None;
            }
            globals.as_obj()
        } else {
            let bd = self.rt.globals().builtins;
            if bits != self.rd(bd, DICT_VERSION).as_int() as u64 & VERSION_MASK {
                return None;
            }
            bd
        };
        let ent = self.rd(dict, DICT_ENTRIES).as_obj();
        let v = self.rd(ent, ARRAY_ITEMS + 8 * (3 * ix + 2));
        if v.is_null() { None } else { Some((dict, ix, v)) }
    }

    /// Fills the global-load cache after a lookup (`in_globals`: where it was found).
    pub fn ic_fill_global(&mut self, code: &Code, pc: usize, globals: Value, key: Value, in_globals: bool) -> R<()> {
        let gv = self.rd(globals.as_obj(), DICT_VERSION).as_int() as u64;
        if gv == 0 {
            return Ok(());
        }
        let dict = if in_globals { globals } else { Value::obj(self.rt.globals().builtins) };
        let Some(ix) = self.dict_entry_index(dict, key)? else { return Ok(()) };
        if ix >= 1 << 24 {
            return Ok(());
        }
        let b = if in_globals {
            ((gv & VERSION_MASK) << 24) | ix as u64
        } else {
            let bv = self.rd(dict.as_obj(), DICT_VERSION).as_int() as u64;
            (1 << 63) | ((bv & VERSION_MASK) << 24) | ix as u64
        };
        code.icache[2 * pc + 1].store(b, Relaxed);
        code.icache[2 * pc].store(gv, Relaxed);
        Ok(())
    }

    /// The receiver shape a method cache is keyed by: its class's version, and its map if it is
    /// an instance (u64::MAX if not); None for receivers whose methods are not cached (classes,
    /// modules, `super` objects, instances keeping a dict).
    #[inline(always)]
    fn method_shape(&self, o: Value) -> Option<(u64, u64)> {
        let (cls, map) = match self.tid_of(o) {
            tid::INSTANCE => {
                let ob = o.as_obj();
                let map = self.rd(ob, INST_MAP).as_int();
                if map == DICT_MODE {
                    return None;
                }
                // (The map's load read-marked the instance: see `ic_shape`.)
                (self.ld(ob, INST_CLASS).as_obj(), map as u64)
            }
            tid::CLASS | tid::MODULE | tid::SUPER => return None,
            _ => (self.type_of(o), u64::MAX),
        };
        Some((self.rd(cls, CLS_VERSION).as_int() as u64, map))
    }

    /// A cached method load: the plain function (or built-in) `LoadMethod` at `pc` finds on
    /// `o`'s class, which `o` does not shadow.
    #[inline(always)]
    pub fn ic_method(&self, code: &Code, pc: usize, o: Value) -> Option<Value> {
        let p = code.icache[2 * pc].load(Acquire) as *const MethodSite;
        if p.is_null() {
            return None;
        }
        // SAFETY: a non-null word 0 of a `LoadMethod` site is the address of a `MethodSite`
        // box that `code.method_sites` owns; it was filled before being published (Release,
        // paired with the Acquire above) and is never changed or freed while `code` lives.
        let site = unsafe { &*p };
        let shape = self.method_shape(o)?;
        site.ways[..site.n].iter().find(|w| (w.0, w.1) == shape).map(|w| w.2)
    }

    /// After `load_method` found the plain method `m` of `o`'s class under `key`: caches it for
    /// `o`'s shape, unless the method is young, the site has been refilled too often
    /// (megamorphic), or `o`'s map names `key` (another instance of that map may shadow it).
    pub fn ic_fill_method(&mut self, code: &Code, pc: usize, o: Value, key: Value, m: Value) {
        // (The refill count first: a megamorphic site misses often and must stay cheap.)
        let refills = code.icache[2 * pc + 1].load(Relaxed);
        if refills >= METHOD_REFILLS || !m.is_ref() || self.rt.gc.is_young(m.0) {
            return;
        }
        let Some((version, map)) = self.method_shape(o) else { return };
        if map != u64::MAX && self.rt.map(map as u32).names.contains(&self.name_id(key)) {
            return;
        }
        let mut site = MethodSite { ways: [(0, 0, Value::NULL); METHOD_WAYS], n: 1 };
        site.ways[0] = (version, map, m);
        let p = code.icache[2 * pc].load(Acquire) as *const MethodSite;
        if !p.is_null() {
            // SAFETY: as in `ic_method`.
            let old = unsafe { &*p };
            for &w in old.ways[..old.n].iter().filter(|w| (w.0, w.1) != (version, map)).take(METHOD_WAYS - 1) {
                site.ways[site.n] = w;
                site.n += 1;
            }
        }
        let site = Box::new(site);
        let addr = &*site as *const MethodSite as u64;
        code.method_sites.lock().unwrap_or_else(|e| e.into_inner()).push(site);
        code.icache[2 * pc + 1].store(refills + 1, Relaxed);
        code.icache[2 * pc].store(addr, Release);
    }

    /// The map of an instance (for `ic_fill_store`), or u64::MAX.
    #[inline]
    pub fn ic_map(&self, o: Value) -> u64 {
        self.ic_shape(o).map(|s| s.2).unwrap_or(u64::MAX)
    }
}
