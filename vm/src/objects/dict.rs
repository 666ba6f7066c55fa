//! The hash table behind dict, set and frozenset: CPython's compact layout (an index table of
//! i32 over an insertion-ordered entry array of [hash, key, value] triples), open addressing
//! with perturbation. Dicts iterate in insertion order; sets iterate in index-slot order (as
//! CPython's sets do, small ints come out sorted). Keys compare by identity, then `__eq__`.
//! This file owns the table; hashing and equality of values live in `interp/ops.rs`.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_CAP: usize = 8;

fn usable(cap: usize) -> usize {
    cap * 2 / 3
}

impl Vm {
    fn new_table(&mut self, typeid: u32) -> Value {
        let o = self.alloc(typeid, 48);
        self.init_table(o, MIN_CAP);
        self.init(o, DICT_USED, Value::int(0));
        self.init(o, DICT_VERSION, Value::int(0));
        Value::obj(o)
    }

    fn init_table(&mut self, o: ObjRef, cap: usize) {
        let idx = self.new_raw(4 * cap);
        self.m.thread().with_bytes_mut(idx.0 + ARRAY_ITEMS, 4 * cap as u64, |b| b.fill(0xff));
        let ent = self.new_array(3 * usable(cap));
        self.init(o, DICT_INDEX, Value::obj(idx));
        self.init(o, DICT_ENTRIES, Value::obj(ent));
        self.init(o, DICT_FILL, Value::int(0));
    }

    /// Gives `d` a new, process-unique structure version (see `DICT_VERSION`).
    fn bump_dict_version(&mut self, d: ObjRef) -> R<()> {
        let v = self.next_dict_version();
        self.st(d, DICT_VERSION, Value::int(v))
    }

    pub fn new_dict(&mut self) -> Value {
        self.new_table(tid::DICT)
    }
    pub fn new_set(&mut self, frozen: bool) -> Value {
        self.new_table(if frozen { tid::FROZENSET } else { tid::SET })
    }

    #[inline]
    pub fn table_len(&self, d: Value) -> usize {
        self.rd(d.as_obj(), DICT_USED).as_int() as usize
    }

    fn idx_get(&self, idx: ObjRef, i: usize) -> i32 {
        self.m.th().load_u32(idx, ARRAY_ITEMS + 4 * i as u64) as i32
    }
    fn idx_set(&mut self, idx: ObjRef, i: usize, v: i32) -> R<()> {
        let th = self.m.thread();
        th.write(idx).map_err(|_| crate::interp::Unwind::Abort)?;
        th.store_u32(idx, ARRAY_ITEMS + 4 * i as u64, v as u32);
        Ok(())
    }
    fn ent(&self, ent: ObjRef, i: usize, f: usize) -> Value {
        self.ld(ent, ARRAY_ITEMS + 8 * (3 * i + f) as u64)
    }

    /// Finds `key`: Ok((index slot, entry index or -1)). The slot is where an insert goes.
    fn lookup(&mut self, d: ObjRef, key: Value, hash: i64) -> R<(usize, i32)> {
        let th = self.m.th();
        th.read(d);
        let idx = self.ld(d, DICT_INDEX).as_obj();
        let ent = self.ld(d, DICT_ENTRIES).as_obj();
        th.read(idx);
        th.read(ent);
        let cap = (self.raw(idx, ARRAY_CAP) / 4) as usize;
        let mask = cap - 1;
        let th_hash = Value::int(hash);
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut free: Option<usize> = None;
        loop {
            let ix = self.idx_get(idx, i);
            if ix == EMPTY {
                return Ok((free.unwrap_or(i), -1));
            }
            if ix == DUMMY {
                if free.is_none() {
                    free = Some(i);
                }
            } else {
                let k = self.ent(ent, ix as usize, 1);
                if k == key {
                    return Ok((i, ix));
                }
                if self.ent(ent, ix as usize, 0) == th_hash && self.eq(k, key)? {
                    return Ok((i, ix));
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn dict_get(&mut self, d: Value, key: Value) -> R<Option<Value>> {
        let h = self.hash(key)?;
        let (_, ix) = self.lookup(d.as_obj(), key, h)?;
        if ix < 0 {
            return Ok(None);
        }
        let ent = self.ld(d.as_obj(), DICT_ENTRIES).as_obj();
        Ok(Some(self.ent(ent, ix as usize, 2)))
    }

    /// The entry index of `key` (for the global-load cache).
    pub fn dict_entry_index(&mut self, d: Value, key: Value) -> R<Option<usize>> {
        let h = self.hash(key)?;
        let (_, ix) = self.lookup(d.as_obj(), key, h)?;
        Ok(if ix < 0 { None } else { Some(ix as usize) })
    }

    pub fn dict_contains(&mut self, d: Value, key: Value) -> R<bool> {
        let h = self.hash(key)?;
        Ok(self.lookup(d.as_obj(), key, h)?.1 >= 0)
    }

    pub fn dict_set(&mut self, d: Value, key: Value, v: Value) -> R<()> {
        let h = self.hash(key)?;
        self.table_insert(d.as_obj(), key, v, h)
    }

    fn table_insert(&mut self, d: ObjRef, key: Value, v: Value, h: i64) -> R<()> {
        let (slot, ix) = self.lookup(d, key, h)?;
        let ent = self.ld(d, DICT_ENTRIES).as_obj();
        if ix >= 0 {
            self.st(ent, ARRAY_ITEMS + 8 * (3 * ix as u64 + 2), v)?;
            return Ok(());
        }
        let fill = self.rd(d, DICT_FILL).as_int() as usize;
        let ecap = (self.raw(ent, ARRAY_CAP) / 3) as usize;
        if fill >= ecap {
            let used = self.table_len(Value::obj(d));
            let mut cap = MIN_CAP;
            while usable(cap) <= used * 2 {
                cap *= 2;
            }
            self.resize(d, cap)?;
            return self.table_insert(d, key, v, h);
        }
        let idx = self.ld(d, DICT_INDEX).as_obj();
        self.idx_set(idx, slot, fill as i32)?;
        let base = ARRAY_ITEMS + 8 * 3 * fill as u64;
        self.st(ent, base, Value::int(h))?;
        self.st(ent, base + 8, key)?;
        self.st(ent, base + 16, v)?;
        self.st(d, DICT_FILL, Value::int(fill as i64 + 1))?;
        let used = self.rd(d, DICT_USED).as_int();
        self.st(d, DICT_USED, Value::int(used + 1))?;
        self.bump_dict_version(d)
    }

    fn resize(&mut self, d: ObjRef, cap: usize) -> R<()> {
        let old = self.ld(d, DICT_ENTRIES).as_obj();
        let fill = self.rd(d, DICT_FILL).as_int() as usize;
        let live: Vec<(Value, Value, Value)> = (0..fill)
            .map(|i| (self.ent(old, i, 0), self.ent(old, i, 1), self.ent(old, i, 2)))
            .filter(|e| !e.1.is_null())
            .collect();
        self.m.thread().write(d).map_err(|_| crate::interp::Unwind::Abort)?;
        self.init_table(d, cap);
        let idx = self.ld(d, DICT_INDEX).as_obj();
        let ent = self.ld(d, DICT_ENTRIES).as_obj();
        let mask = cap - 1;
        for (n, (h, k, v)) in live.iter().enumerate() {
            let hash = h.as_int();
            let mut i = (hash as u64 as usize) & mask;
            let mut perturb = hash as u64;
            while self.idx_get(idx, i) != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
            self.m.th().store_u32(idx, ARRAY_ITEMS + 4 * i as u64, n as u32);
            let base = ARRAY_ITEMS + 8 * 3 * n as u64;
            self.init(ent, base, *h);
            self.init(ent, base + 8, *k);
            self.init(ent, base + 16, *v);
        }
        self.init(d, DICT_FILL, Value::int(live.len() as i64));
        self.bump_dict_version(d)
    }

    /// Removes `key`; returns its value if it was there.
    pub fn dict_pop(&mut self, d: Value, key: Value) -> R<Option<Value>> {
        let h = self.hash(key)?;
        let d = d.as_obj();
        let (slot, ix) = self.lookup(d, key, h)?;
        if ix < 0 {
            return Ok(None);
        }
        let idx = self.ld(d, DICT_INDEX).as_obj();
        let ent = self.ld(d, DICT_ENTRIES).as_obj();
        let v = self.ent(ent, ix as usize, 2);
        self.idx_set(idx, slot, DUMMY)?;
        let base = ARRAY_ITEMS + 8 * 3 * ix as u64;
        self.st(ent, base + 8, Value::NULL)?;
        self.st(ent, base + 16, Value::NULL)?;
        let used = self.rd(d, DICT_USED).as_int();
        self.st(d, DICT_USED, Value::int(used - 1))?;
        self.bump_dict_version(d)?;
        Ok(Some(v))
    }

    pub fn dict_del(&mut self, d: Value, key: Value) -> R<bool> {
        Ok(self.dict_pop(d, key)?.is_some())
    }

    pub fn dict_clear(&mut self, d: Value) -> R<()> {
        self.m.thread().write(d.as_obj()).map_err(|_| crate::interp::Unwind::Abort)?;
        self.init_table(d.as_obj(), MIN_CAP);
        self.init(d.as_obj(), DICT_USED, Value::int(0));
        self.bump_dict_version(d.as_obj())
    }

    /// Number of entry positions (live or deleted) for iteration.
    pub fn table_fill(&self, d: Value) -> usize {
        self.rd(d.as_obj(), DICT_FILL).as_int() as usize
    }

    /// The entry at position `i` if it is live.
    pub fn table_entry(&self, d: Value, i: usize) -> Option<(Value, Value)> {
        let ent = self.rd(d.as_obj(), DICT_ENTRIES).as_obj();
        self.m.th().read(ent);
        let k = self.ent(ent, i, 1);
        if k.is_null() { None } else { Some((k, self.ent(ent, i, 2))) }
    }

    /// Index-table capacity, and the key at index slot `s` (sets iterate this way).
    pub fn table_cap(&self, d: Value) -> usize {
        let idx = self.rd(d.as_obj(), DICT_INDEX).as_obj();
        (self.raw(idx, ARRAY_CAP) / 4) as usize
    }
    pub fn table_slot_key(&self, d: Value, s: usize) -> Option<Value> {
        let idx = self.rd(d.as_obj(), DICT_INDEX).as_obj();
        self.m.th().read(idx);
        let ix = self.idx_get(idx, s);
        if ix < 0 {
            return None;
        }
        let ent = self.rd(d.as_obj(), DICT_ENTRIES).as_obj();
        Some(self.ent(ent, ix as usize, 1))
    }

    pub fn dict_items(&self, d: Value) -> Vec<(Value, Value)> {
        (0..self.table_fill(d)).filter_map(|i| self.table_entry(d, i)).collect()
    }
    pub fn dict_keys(&self, d: Value) -> Vec<Value> {
        (0..self.table_fill(d)).filter_map(|i| self.table_entry(d, i).map(|e| e.0)).collect()
    }
    /// A set's members in iteration order.
    pub fn set_items(&self, s: Value) -> Vec<Value> {
        (0..self.table_cap(s)).filter_map(|i| self.table_slot_key(s, i)).collect()
    }

    pub fn set_add(&mut self, s: Value, k: Value) -> R<()> {
        self.dict_set(s, k, Value::NONE)
    }

    /// `d.update(other)` (a dict, or an iterable of pairs; with `merge`, duplicates are errors).
    pub fn dict_update_from(&mut self, d: Value, other: Value, merge: bool) -> R<()> {
        if self.tid_of(other) == tid::DICT {
            for (k, v) in self.dict_items(other) {
                if merge && self.dict_contains(d, k)? {
                    let r = self.repr_string(k)?;
                    return Err(self.new_error("TypeError", &format!("got multiple values for keyword argument {r}")));
                }
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if let Some(keys) = self.lookup_type_attr(other, "keys")? {
            let ks = self.call_value(keys, &[other], &[])?;
            for k in self.iter_collect(ks)? {
                let v = self.getitem(other, k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if merge {
            let tn = self.type_name(other);
            return Err(self.new_error("TypeError", &format!("argument after ** must be a mapping, not {tn}")));
        }
        for (n, item) in self.iter_collect(other)?.into_iter().enumerate() {
            let kv = self.iter_collect(item)?;
            if kv.len() != 2 {
                return Err(self.new_error(
                    "ValueError",
                    &format!("dictionary update sequence element #{n} has length {}; 2 is required", kv.len()),
                ));
            }
            self.dict_set(d, kv[0], kv[1])?;
        }
        Ok(())
    }
}
