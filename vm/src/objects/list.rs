//! Lists (a tagged length and a growable value array) and the slice arithmetic shared by every
//! sequence: get, assign and delete with steps. This file never runs Python code except through
//! `Vm` calls it makes for equality.

use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::value::Value;

/// Small int index `i` (negative counts from the end) into `n` items, if in range.
#[inline(always)]
fn small_index(i: Value, n: i64) -> Option<usize> {
    let j = i.as_int();
    let j = if j < 0 { j + n } else { j };
    ((j as u64) < n as u64).then_some(j as usize)
}

impl Vm {
    #[inline]
    pub fn list_len(&self, l: Value) -> usize {
        self.rd(l.as_obj(), LIST_LEN).as_int() as usize
    }
    #[inline]
    pub fn list_get(&self, l: Value, i: usize) -> Value {
        let arr = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
        self.rd(arr, ARRAY_ITEMS + 8 * i as u64)
    }
    /// `o[i]` for an exact list or tuple and a small int index in range, with one read
    /// barrier per object; `None` for anything else (the caller takes the general path, which
    /// raises the errors).
    #[inline(always)]
    pub fn index_fast(&self, o: Value, i: Value) -> Option<Value> {
        if !i.is_int() || !o.is_ref() {
            return None;
        }
        let o = o.as_obj();
        let (items, n, first) = match self.tid(o) {
            tid::LIST => {
                let th = self.m.th();
                th.read(o);
                let arr = Value(th.load_u64(o, LIST_ITEMS)).as_obj();
                th.read(arr);
                (arr, Value(th.load_u64(o, LIST_LEN)).as_int(), ARRAY_ITEMS)
            }
            tid::TUPLE => (o, self.raw(o, TUPLE_LEN) as i64, TUPLE_ITEMS),
            _ => return None,
        };
        let j = small_index(i, n)?;
        Some(self.ld(items, first + 8 * j as u64))
    }

    /// `l[i] = v` for an exact list and a small int index in range; `Ok(false)` for anything
    /// else (the caller takes the general path).
    #[inline(always)]
    pub fn store_index_fast(&mut self, l: Value, i: Value, v: Value) -> R<bool> {
        if !i.is_int() || self.tid_of(l) != tid::LIST {
            return Ok(false);
        }
        let Some(j) = small_index(i, self.list_len(l) as i64) else { return Ok(false) };
        self.list_set(l, j, v)?;
        Ok(true)
    }

    pub fn list_set(&mut self, l: Value, i: usize, v: Value) -> R<()> {
        let arr = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
        self.st(arr, ARRAY_ITEMS + 8 * i as u64, v)
    }
    pub fn list_items(&self, l: Value) -> Vec<Value> {
        let n = self.list_len(l);
        let arr = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
        self.m.th().read(arr);
        (0..n).map(|i| self.ld(arr, ARRAY_ITEMS + 8 * i as u64)).collect()
    }

    /// Whether an append fits in the list's item array (no growth).
    pub fn list_has_room(&self, l: Value) -> bool {
        let arr = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
        self.list_len(l) < self.raw(arr, ARRAY_CAP) as usize
    }

    fn list_reserve(&mut self, l: Value, need: usize) -> R<()> {
        let arr = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
        let cap = self.raw(arr, ARRAY_CAP) as usize;
        if need <= cap {
            return Ok(());
        }
        let n = self.list_len(l);
        let new_cap = (need + need / 8 + 6).max(cap * 3 / 2);
        let new = self.new_array(new_cap);
        self.m.th().read(arr);
        for i in 0..n {
            let v = self.ld(arr, ARRAY_ITEMS + 8 * i as u64);
            self.init(new, ARRAY_ITEMS + 8 * i as u64, v);
        }
        self.st(l.as_obj(), LIST_ITEMS, Value::obj(new))
    }

    pub fn list_append(&mut self, l: Value, v: Value) -> R<()> {
        let n = self.list_len(l);
        self.list_reserve(l, n + 1)?;
        self.list_set(l, n, v)?;
        self.st(l.as_obj(), LIST_LEN, Value::int(n as i64 + 1))
    }

    /// Replaces the whole contents.
    pub fn list_replace(&mut self, l: Value, items: &[Value]) -> R<()> {
        let arr = self.new_array(items.len().max(4));
        for (i, v) in items.iter().enumerate() {
            self.init(arr, ARRAY_ITEMS + 8 * i as u64, *v);
        }
        self.st(l.as_obj(), LIST_ITEMS, Value::obj(arr))?;
        self.st(l.as_obj(), LIST_LEN, Value::int(items.len() as i64))
    }

    pub fn list_insert(&mut self, l: Value, at: usize, v: Value) -> R<()> {
        let n = self.list_len(l);
        self.list_reserve(l, n + 1)?;
        let arr = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
        self.move_fields(arr, ARRAY_ITEMS + 8 * at as u64, ARRAY_ITEMS + 8 * (at as u64 + 1), (n - at) as u64)?;
        self.list_set(l, at, v)?;
        self.st(l.as_obj(), LIST_LEN, Value::int(n as i64 + 1))
    }

    pub fn list_remove_at(&mut self, l: Value, at: usize) -> R<Value> {
        let n = self.list_len(l);
        let v = self.list_get(l, at);
        let arr = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
        self.move_fields(arr, ARRAY_ITEMS + 8 * (at as u64 + 1), ARRAY_ITEMS + 8 * at as u64, (n - at - 1) as u64)?;
        // Clear the vacated slot so that the GC does not keep its object alive.
        self.list_set(l, n - 1, Value::NULL)?;
        self.st(l.as_obj(), LIST_LEN, Value::int(n as i64 - 1))?;
        Ok(v)
    }

    /// (start, stop, step, length) of a slice over a sequence of length `n`.
    pub fn slice_indices(&mut self, s: Value, n: usize) -> R<(i64, i64, i64, usize)> {
        let o = s.as_obj();
        let (start, stop, step) = (self.ld(o, R_START), self.ld(o, R_STOP), self.ld(o, R_STEP));
        let step = if step == Value::NONE {
            1
        } else {
            let st = self.slice_int(step)?;
            if st == 0 {
                return Err(self.new_error("ValueError", "slice step cannot be zero"));
            }
            st
        };
        let n = n as i64;
        let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let clamp = |v: i64| -> i64 { if v < 0 { (v + n).max(lo) } else { v.min(hi) } };
        let start = if start == Value::NONE { if step < 0 { hi } else { lo } } else { clamp(self.slice_int(start)?) };
        let stop = if stop == Value::NONE { if step < 0 { lo } else { hi } } else { clamp(self.slice_int(stop)?) };
        let len = if step < 0 {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok((start, stop, step, len as usize))
    }

    fn slice_int(&mut self, v: Value) -> R<i64> {
        if let Some(i) = self.small_int(v) {
            return Ok(i);
        }
        if let Some(b) = self.to_big(v) {
            use num_traits::{Signed, ToPrimitive};
            return Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }));
        }
        if let Some(ix) = self.lookup_type_attr(v, "__index__")? {
            let r = self.call_value(ix, &[v], &[])?;
            return self.slice_int(r);
        }
        Err(self.new_error("TypeError", "slice indices must be integers or None or have an __index__ method"))
    }

    pub fn get_slice(&mut self, o: Value, s: Value) -> R<Value> {
        let k = self.tid_of(o);
        let n = match k {
            tid::STR => self.str_len_chars(o.as_obj()),
            tid::BYTES => self.raw(o.as_obj(), BYTES_LEN) as usize,
            _ => self.len(o)?,
        };
        let (start, stop, step, len) = self.slice_indices(s, n)?;
        // Immutable sequences return themselves for a full slice, as CPython's do.
        if matches!(k, tid::STR | tid::TUPLE | tid::BYTES) && start == 0 && step == 1 && len == n {
            return Ok(o);
        }
        if k == tid::STR && step == 1 {
            // A run of characters: copy its bytes.
            let so = o.as_obj();
            let (from, to) = self.with_str(so, |st| {
                if st.len() == n {
                    (start as usize, start as usize + len)
                } else {
                    let mut offs = st.char_indices().map(|(b, _)| b).chain(std::iter::once(st.len()));
                    let from = offs.nth(start as usize).unwrap_or(st.len());
                    let to = if len == 0 { from } else { offs.nth(len - 1).unwrap_or(st.len()) };
                    (from, to)
                }
            });
            return Ok(self.str_from_parts(&[(so, from as u64, (to - from) as u64)], len));
        }
        let idx = (0..len).map(|i| (start + i as i64 * step) as usize);
        Ok(match k {
            tid::STR => {
                let r: String = self.with_str(o.as_obj(), |st| {
                    if st.len() == n {
                        let b = st.as_bytes();
                        idx.map(|i| b[i] as char).collect()
                    } else {
                        let cs: Vec<char> = st.chars().collect();
                        idx.map(|i| cs[i]).collect()
                    }
                });
                self.new_str(&r)
            }
            tid::BYTES if step == 1 => {
                let from = start as usize;
                let r = self.bytes_range(o.as_obj(), from, from + len);
                self.new_bytes(&r)
            }
            tid::BYTES => {
                let b = self.bytes_of(o.as_obj());
                let r: Vec<u8> = idx.map(|i| b[i]).collect();
                self.new_bytes(&r)
            }
            tid::LIST => {
                // Only the items taken are read, copied array to array.
                let src = self.rd(o.as_obj(), LIST_ITEMS).as_obj();
                self.m.th().read(src);
                let r = self.new_list_with(len, |_| Value::NULL);
                let dst = self.ld(r.as_obj(), LIST_ITEMS).as_obj();
                for (j, i) in idx.enumerate() {
                    let x = self.ld(src, ARRAY_ITEMS + 8 * i as u64);
                    self.init(dst, ARRAY_ITEMS + 8 * j as u64, x);
                }
                r
            }
            tid::TUPLE => {
                let r = self.new_tuple_with(len, |_| Value::NULL);
                for (j, i) in idx.enumerate() {
                    let x = self.tuple_get(o.as_obj(), i);
                    self.init(r.as_obj(), TUPLE_ITEMS + 8 * j as u64, x);
                }
                r
            }
            _ => {
                // range
                let (rs, _, rstep) = self.range_parts(o);
                let new_start = rs + start * rstep;
                let new_step = rstep * step;
                let new_stop = rs + stop * rstep;
                let _ = len;
                self.new_fixed(tid::RANGE, 32, &[Value::int(new_start), Value::int(new_stop), Value::int(new_step)])
            }
        })
    }

    pub fn list_set_slice(&mut self, l: Value, s: Value, v: Value) -> R<()> {
        let n = self.list_len(l);
        let (start, _, step, len) = self.slice_indices(s, n)?;
        let dst_index = |i: usize| (start + i as i64 * step) as usize;
        // Another list or a tuple of the slice's length (`p[:k] = p[k-1::-1]`): copied item by
        // item into the array, with no copy of either side first.
        let src_len = match self.tid_of(v) {
            tid::LIST if v != l => Some(self.list_len(v)),
            tid::TUPLE => Some(self.tuple_len(v.as_obj())),
            _ => None,
        };
        if src_len == Some(len) {
            let dst = self.rd(l.as_obj(), LIST_ITEMS).as_obj();
            // One write barrier for all the stores below (nothing between them can commit).
            self.m.thread().write(dst).map_err(|_| Unwind::Abort)?;
            let is_tuple = self.tid_of(v) == tid::TUPLE;
            let src = if is_tuple { v.as_obj() } else { self.rd(v.as_obj(), LIST_ITEMS).as_obj() };
            self.m.th().read(src);
            let first = if is_tuple { TUPLE_ITEMS } else { ARRAY_ITEMS };
            for i in 0..len {
                let x = self.ld(src, first + 8 * i as u64);
                self.m.th().store_u64(dst, ARRAY_ITEMS + 8 * dst_index(i) as u64, x.0);
            }
            return Ok(());
        }
        let new = self.iter_collect(v)?;
        if step == 1 && new.len() == len {
            // As many items as it replaces: stored in place.
            for (i, x) in new.into_iter().enumerate() {
                self.list_set(l, start as usize + i, x)?;
            }
            return Ok(());
        }
        if step == 1 {
            // `iter_collect` may have run Python code that changed the list's length.
            let items = self.list_items(l);
            let start = (start as usize).min(items.len());
            let mut out = items[..start].to_vec();
            out.extend_from_slice(&new);
            out.extend_from_slice(&items[(start + len).min(items.len())..]);
            return self.list_replace(l, &out);
        }
        if new.len() != len {
            return Err(self.new_error(
                "ValueError",
                &format!("attempt to assign sequence of size {} to extended slice of size {len}", new.len()),
            ));
        }
        for (i, x) in new.into_iter().enumerate() {
            self.list_set(l, dst_index(i), x)?;
        }
        Ok(())
    }

    pub fn list_del_slice(&mut self, l: Value, s: Value) -> R<()> {
        let items = self.list_items(l);
        let (start, _, step, len) = self.slice_indices(s, items.len())?;
        let gone: std::collections::HashSet<usize> = (0..len).map(|i| (start + i as i64 * step) as usize).collect();
        let out: Vec<Value> = items.iter().enumerate().filter(|(i, _)| !gone.contains(i)).map(|(_, v)| *v).collect();
        self.list_replace(l, &out)
    }

    /// Sorts values in place by `keys` (stable), raising what comparisons raise.
    pub fn sort_values(&mut self, vals: &mut Vec<Value>, keys: Option<Vec<Value>>, reverse: bool) -> R<()> {
        let keys = keys.unwrap_or_else(|| vals.clone());
        let mut idx: Vec<usize> = (0..vals.len()).collect();
        // Merge sort over indices with a fallible comparison (stable).
        let mut err = None;
        let mut buf = idx.clone();
        self.merge_sort(&mut idx, &mut buf, &keys, reverse, &mut err);
        if let Some(e) = err {
            return Err(e);
        }
        *vals = idx.iter().map(|&i| vals[i]).collect();
        Ok(())
    }

    fn less(&mut self, a: Value, b: Value, err: &mut Option<crate::interp::Unwind>) -> bool {
        if err.is_some() {
            return false;
        }
        if a.is_int() && b.is_int() {
            return a.as_int() < b.as_int();
        }
        match self.compare(a, b, crate::compile::code::cmpop::LT).and_then(|r| self.truthy(r)) {
            Ok(t) => t,
            Err(e) => {
                *err = Some(e);
                false
            }
        }
    }

    fn merge_sort(
        &mut self,
        idx: &mut [usize],
        buf: &mut [usize],
        keys: &[Value],
        rev: bool,
        err: &mut Option<crate::interp::Unwind>,
    ) {
        let n = idx.len();
        if n <= 1 {
            return;
        }
        if n <= 8 {
            // Insertion sort (stable).
            for i in 1..n {
                let mut j = i;
                while j > 0 {
                    let (a, b) = (keys[idx[j]], keys[idx[j - 1]]);
                    let lt = if rev { self.less(b, a, err) } else { self.less(a, b, err) };
                    if !lt {
                        break;
                    }
                    idx.swap(j, j - 1);
                    j -= 1;
                }
            }
            return;
        }
        let mid = n / 2;
        {
            let (l, r) = idx.split_at_mut(mid);
            let (bl, br) = buf.split_at_mut(mid);
            self.merge_sort(l, bl, keys, rev, err);
            self.merge_sort(r, br, keys, rev, err);
        }
        buf[..n].copy_from_slice(idx);
        let (mut i, mut j, mut k) = (0, mid, 0);
        while i < mid && j < n {
            let (a, b) = (keys[buf[j]], keys[buf[i]]);
            // Take from the right only when strictly smaller (stability).
            let take_right = if rev { self.less(b, a, err) } else { self.less(a, b, err) };
            if take_right {
                idx[k] = buf[j];
                j += 1;
            } else {
                idx[k] = buf[i];
                i += 1;
            }
            k += 1;
        }
        while i < mid {
            idx[k] = buf[i];
            i += 1;
            k += 1;
        }
        while j < n {
            idx[k] = buf[j];
            j += 1;
            k += 1;
        }
    }
}
