//! Inline caches for instance attribute loads and stores: one word per instruction in the code
//! object, keyed by the class version (which changes when the class or any base changes) and
//! the instance's map. A plain entry gives the slot of an existing attribute; a transition entry
//! (stores that add an attribute, as in `__init__`) gives the new map and slot. A miss takes the
//! general path in `attr.rs` and refills the entry. Entries that do not fit the packing are
//! simply not cached.

use super::{R, Vm};
use crate::compile::code::Code;
use crate::layout::*;
use crate::value::Value;
use std::sync::atomic::Ordering::Relaxed;
use stm::ObjRef;

// Plain entry: bit 0 = 0, slot bits 1..9, map bits 9..29, version bits 29..64.
// Transition entry: bit 0 = 1, slot bits 1..9, new map bits 9..25, old map bits 25..41,
// version bits 41..64.
const PLAIN_MAP_BITS: u64 = 20;
const PLAIN_VER_BITS: u64 = 35;
const TR_MAP_BITS: u64 = 16;
const TR_VER_BITS: u64 = 23;
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
        let cls = self.ld(ob, INST_CLASS).as_obj();
        let version = self.rd(cls, CLS_VERSION).as_int() as u64;
        let map = self.rd(ob, INST_MAP).as_int();
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
        if w == 0 || w & 1 != 0 {
            return None;
        }
        let (_, version, map) = self.ic_shape(o)?;
        if w >> 9 != (version << PLAIN_MAP_BITS) | map {
            return None;
        }
        Some((w >> 1) & 0xff)
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
            code.icache[2 * pc].store(w, Relaxed);
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
        if w & 1 == 0 {
            if w >> 9 != (version << PLAIN_MAP_BITS) | map {
                return Ok(false);
            }
            let slots = self.rd(ob, INST_SLOTS).as_obj();
            self.st(slots, ARRAY_ITEMS + 8 * slot, v)?;
            return Ok(true);
        }
        if w >> 25 != (version << TR_MAP_BITS) | map {
            return Ok(false);
        }
        let slots = self.rd(ob, INST_SLOTS);
        if slots.is_null() || self.raw(slots.as_obj(), ARRAY_CAP) <= slot {
            return Ok(false);
        }
        self.st(slots.as_obj(), ARRAY_ITEMS + 8 * slot, v)?;
        self.st(ob, INST_MAP, Value::int(((w >> 9) & 0xffff) as i64))?;
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
            code.icache[2 * pc].store(w, Relaxed);
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

    /// The map of an instance (for `ic_fill_store`), or u64::MAX.
    #[inline]
    pub fn ic_map(&self, o: Value) -> u64 {
        self.ic_shape(o).map(|s| s.2).unwrap_or(u64::MAX)
    }
}
