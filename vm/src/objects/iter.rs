//! Iteration: the built-in iterator kinds (one ITER layout, a kind tag and four fields), dict
//! views, range, `iter()`/`next()` for every value (native kinds, generators, `__iter__` /
//! `__next__`, the `__getitem__` sequence protocol), and unpacking. This file never commits.

use crate::interp::call::GenResult;
use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::value::Value;

/// The iterators or values of one `zip`/`map` step (on the stack for the usual few).
type Items = smallvec::SmallVec<[Value; 4]>;

pub const LIST_ITER: i64 = 0;
pub const TUPLE_ITER: i64 = 1;
pub const STR_ITER: i64 = 2;
pub const STR_ASCII_ITER: i64 = 3;
pub const RANGE_ITER: i64 = 4;
pub const DICT_KEY_ITER: i64 = 5;
pub const DICT_VALUE_ITER: i64 = 6;
pub const DICT_ITEM_ITER: i64 = 7;
pub const SET_ITER: i64 = 8;
pub const ENUMERATE: i64 = 9;
pub const ZIP: i64 = 10;
pub const MAP: i64 = 11;
pub const FILTER: i64 = 12;
pub const LIST_REV_ITER: i64 = 13;
pub const SEQ_ITER: i64 = 14;
pub const BYTES_ITER: i64 = 15;
pub const CALLABLE_ITER: i64 = 16;
/// Dict views (not iterators; iterable, sized).
pub const VIEW_KEYS: i64 = 17;
pub const VIEW_VALUES: i64 = 18;
pub const VIEW_ITEMS: i64 = 19;
pub const KIND_COUNT: usize = 20;

pub const KIND_NAMES: [&str; KIND_COUNT] = [
    "list_iterator",
    "tuple_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "list_reverseiterator",
    "iterator",
    "bytes_iterator",
    "callable_iterator",
    "dict_keys",
    "dict_values",
    "dict_items",
];

impl Vm {
    pub fn new_iter(&mut self, kind: i64, a: Value, b: Value, c: Value, d: Value) -> Value {
        self.new_fixed(tid::ITER, 48, &[Value::int(kind), a, b, c, d])
    }

    pub fn range_parts(&self, r: Value) -> (i64, i64, i64) {
        let o = r.as_obj();
        (self.ld(o, R_START).as_int(), self.ld(o, R_STOP).as_int(), self.ld(o, R_STEP).as_int())
    }
    pub fn range_len(&self, r: Value) -> usize {
        let (start, stop, step) = self.range_parts(r);
        let n = if step > 0 {
            if stop > start { (stop - start - 1) / step + 1 } else { 0 }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n as usize
    }
    pub fn range_items_key(&self, r: Value) -> (usize, i64, i64) {
        let (start, _, step) = self.range_parts(r);
        let n = self.range_len(r);
        match n {
            0 => (0, 0, 0),
            1 => (1, start, 0),
            _ => (n, start, step),
        }
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> R<Value> {
        let k = self.tid_of(v);
        let z = Value::int(0);
        let n = Value::NULL;
        Ok(match k {
            tid::LIST => self.new_iter(LIST_ITER, v, z, n, n),
            tid::TUPLE => self.new_iter(TUPLE_ITER, v, z, n, n),
            tid::STR => {
                let o = v.as_obj();
                let ascii = self.str_len_chars(o) == self.raw(o, STR_BLEN) as usize;
                self.new_iter(if ascii { STR_ASCII_ITER } else { STR_ITER }, v, z, n, n)
            }
            tid::BYTES => self.new_iter(BYTES_ITER, v, z, n, n),
            tid::RANGE => {
                let (start, _, step) = self.range_parts(v);
                let len = self.range_len(v) as i64;
                self.new_iter(RANGE_ITER, Value::int(start), Value::int(step), Value::int(len), n)
            }
            tid::DICT => self.new_iter(DICT_KEY_ITER, v, z, Value::int(self.table_len(v) as i64), n),
            tid::SET | tid::FROZENSET => self.new_iter(SET_ITER, v, z, Value::int(self.table_len(v) as i64), n),
            tid::GENERATOR => v,
            tid::ITER => {
                let kind = self.ld(v.as_obj(), IT_KIND).as_int();
                if kind >= VIEW_KEYS {
                    let d = self.ld(v.as_obj(), IT_A);
                    let it = DICT_KEY_ITER + (kind - VIEW_KEYS);
                    self.new_iter(it, d, z, Value::int(self.table_len(d) as i64), n)
                } else {
                    v
                }
            }
            _ => {
                if let Some(m) = self.lookup_type_attr(v, "__iter__")? {
                    let it = self.call_value(m, &[v], &[])?;
                    let ok = matches!(self.tid_of(it), tid::ITER | tid::GENERATOR)
                        || self.lookup_type_attr(it, "__next__")?.is_some();
                    if !ok {
                        let tn = self.type_name(it);
                        return Err(
                            self.new_error("TypeError", &format!("iter() returned non-iterator of type '{tn}'"))
                        );
                    }
                    return Ok(it);
                }
                if self.tid_of(v) == tid::INSTANCE && self.lookup_type_attr(v, "__getitem__")?.is_some() {
                    return Ok(self.new_iter(SEQ_ITER, v, z, n, n));
                }
                let tn = self.type_name(v);
                return Err(self.new_error("TypeError", &format!("'{tn}' object is not iterable")));
            }
        })
    }

    fn set_field(&mut self, it: Value, off: u64, v: Value) -> R<()> {
        self.st(it.as_obj(), off, v)
    }

    /// `next()` of a range, list or tuple iterator, inline in the dispatch loop's `FOR_ITER`
    /// with one barrier of each kind on the iterator; `None` for any other iterator (and for an
    /// exhausted list iterator), which `iter_next` then handles.
    #[inline(always)]
    pub fn iter_next_fast(&mut self, it: Value) -> Option<R<Option<Value>>> {
        if self.tid_of(it) != tid::ITER {
            return None;
        }
        let o = it.as_obj();
        let kind = self.ld(o, IT_KIND).as_int();
        if !matches!(kind, RANGE_ITER | LIST_ITER | TUPLE_ITER) {
            return None;
        }
        let th = self.m.thread();
        th.read(o);
        if th.write(o).is_err() {
            return Some(Err(Unwind::Abort));
        }
        let field = |off| Value(th.load_u64(o, off));
        let (a, b) = (field(IT_A), field(IT_B));
        let next = match kind {
            RANGE_ITER => {
                let left = field(IT_C).as_int();
                if left <= 0 {
                    return Some(Ok(None));
                }
                let cur = a.as_int();
                th.store_u64(o, IT_A, Value::int(cur + b.as_int()).0);
                th.store_u64(o, IT_C, Value::int(left - 1).0);
                Value::int(cur)
            }
            LIST_ITER => {
                let i = b.as_int() as usize;
                if a.is_null() || i >= self.list_len(a) {
                    return None;
                }
                self.m.th().store_u64(o, IT_B, Value::int(i as i64 + 1).0);
                self.list_get(a, i)
            }
            _ => {
                let i = b.as_int() as usize;
                if i >= self.tuple_len(a.as_obj()) {
                    return Some(Ok(None));
                }
                self.m.th().store_u64(o, IT_B, Value::int(i as i64 + 1).0);
                self.tuple_get(a.as_obj(), i)
            }
        };
        Some(Ok(Some(next)))
    }

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn iter_next(&mut self, it: Value) -> R<Option<Value>> {
        let k = self.tid_of(it);
        if k == tid::GENERATOR {
            return Ok(match self.gen_resume(it, Value::NONE, None)? {
                GenResult::Yielded(v) => Some(v),
                GenResult::Returned(_) => None,
            });
        }
        if k != tid::ITER {
            let Some(m) = self.lookup_type_attr(it, "__next__")? else {
                let tn = self.type_name(it);
                return Err(self.new_error("TypeError", &format!("'{tn}' object is not an iterator")));
            };
            return match self.call_value(m, &[it], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(Unwind::Exc(e)) if self.isinstance_name(e, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            };
        }
        let o = it.as_obj();
        let a = self.rd(o, IT_A);
        let b = self.rd(o, IT_B);
        match self.ld(o, IT_KIND).as_int() {
            LIST_ITER => {
                if a.is_null() {
                    return Ok(None);
                }
                let i = b.as_int() as usize;
                if i < self.list_len(a) {
                    self.set_field(it, IT_B, Value::int(i as i64 + 1))?;
                    Ok(Some(self.list_get(a, i)))
                } else {
                    self.set_field(it, IT_A, Value::NULL)?;
                    Ok(None)
                }
            }
            TUPLE_ITER => {
                let i = b.as_int() as usize;
                if i < self.tuple_len(a.as_obj()) {
                    self.set_field(it, IT_B, Value::int(i as i64 + 1))?;
                    Ok(Some(self.tuple_get(a.as_obj(), i)))
                } else {
                    Ok(None)
                }
            }
            STR_ITER | STR_ASCII_ITER => {
                let pos = b.as_int() as usize;
                let c = self.with_str(a.as_obj(), |s| s[pos..].chars().next());
                match c {
                    Some(c) => {
                        self.set_field(it, IT_B, Value::int((pos + c.len_utf8()) as i64))?;
                        Ok(Some(self.new_str(c.encode_utf8(&mut [0; 4]))))
                    }
                    None => Ok(None),
                }
            }
            BYTES_ITER => {
                let i = b.as_int() as usize;
                if i < self.raw(a.as_obj(), BYTES_LEN) as usize {
                    self.set_field(it, IT_B, Value::int(i as i64 + 1))?;
                    Ok(Some(Value::int(self.byte_at(a.as_obj(), i) as i64)))
                } else {
                    Ok(None)
                }
            }
            RANGE_ITER => {
                let left = self.rd(o, IT_C).as_int();
                if left <= 0 {
                    return Ok(None);
                }
                let cur = a.as_int();
                self.set_field(it, IT_A, Value::int(cur + b.as_int()))?;
                self.set_field(it, IT_C, Value::int(left - 1))?;
                Ok(Some(Value::int(cur)))
            }
            kind @ (DICT_KEY_ITER | DICT_VALUE_ITER | DICT_ITEM_ITER) => {
                let size = self.rd(o, IT_C).as_int() as usize;
                if self.table_len(a) != size {
                    self.set_field(it, IT_C, Value::int(-1))?;
                    return Err(self.new_error("RuntimeError", "dictionary changed size during iteration"));
                }
                let mut i = b.as_int() as usize;
                let fill = self.table_fill(a);
                while i < fill {
                    if let Some((key, val)) = self.table_entry(a, i) {
                        self.set_field(it, IT_B, Value::int(i as i64 + 1))?;
                        return Ok(Some(match kind {
                            DICT_KEY_ITER => key,
                            DICT_VALUE_ITER => val,
                            _ => self.new_tuple(&[key, val]),
                        }));
                    }
                    i += 1;
                }
                self.set_field(it, IT_B, Value::int(i as i64))?;
                Ok(None)
            }
            SET_ITER => {
                let size = self.rd(o, IT_C).as_int() as usize;
                if self.table_len(a) != size {
                    return Err(self.new_error("RuntimeError", "Set changed size during iteration"));
                }
                let mut s = b.as_int() as usize;
                let cap = self.table_cap(a);
                while s < cap {
                    if let Some(key) = self.table_slot_key(a, s) {
                        self.set_field(it, IT_B, Value::int(s as i64 + 1))?;
                        return Ok(Some(key));
                    }
                    s += 1;
                }
                self.set_field(it, IT_B, Value::int(cap as i64))?;
                Ok(None)
            }
            ENUMERATE => match self.iter_next(a)? {
                Some(v) => {
                    let n = b;
                    let next = self.binary_op(n, Value::int(1), crate::compile::code::binop::ADD, false)?;
                    self.set_field(it, IT_B, next)?;
                    Ok(Some(self.new_tuple(&[n, v])))
                }
                None => Ok(None),
            },
            ZIP => {
                let its: Items = (0..self.tuple_len(a.as_obj())).map(|i| self.tuple_get(a.as_obj(), i)).collect();
                if its.is_empty() {
                    return Ok(None);
                }
                let strict = b == Value::TRUE;
                let mut out = Items::new();
                for (i, x) in its.iter().enumerate() {
                    match self.iter_next(*x)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict && (i > 0 || its[1..].iter().any(|_| true)) {
                                // Check the others are exhausted too.
                                if i > 0 {
                                    return Err(self.new_error(
                                        "ValueError",
                                        &format!(
                                            "zip() argument {} is shorter than argument{} 1{}",
                                            i + 1,
                                            if i > 1 { "s" } else { "" },
                                            if i > 1 { format!("-{i}") } else { String::new() }
                                        ),
                                    ));
                                }
                                for (j, y) in its.iter().enumerate().skip(1) {
                                    if self.iter_next(*y)?.is_some() {
                                        return Err(self.new_error(
                                            "ValueError",
                                            &format!(
                                                "zip() argument {} is longer than argument{} 1{}",
                                                j + 1,
                                                if j > 1 { "s" } else { "" },
                                                if j > 1 { format!("-{j}") } else { String::new() }
                                            ),
                                        ));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(self.new_tuple(&out)))
            }
            MAP => {
                let its: Items = (0..self.tuple_len(b.as_obj())).map(|i| self.tuple_get(b.as_obj(), i)).collect();
                let mut args = Items::new();
                for x in its {
                    match self.iter_next(x)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call_value(a, &args, &[])?))
            }
            FILTER => loop {
                match self.iter_next(b)? {
                    Some(v) => {
                        let keep = if a == Value::NONE {
                            self.truthy(v)?
                        } else {
                            let r = self.call_value(a, &[v], &[])?;
                            self.truthy(r)?
                        };
                        if keep {
                            return Ok(Some(v));
                        }
                    }
                    None => return Ok(None),
                }
            },
            LIST_REV_ITER => {
                let i = b.as_int();
                if i < 0 || a.is_null() {
                    return Ok(None);
                }
                let n = self.len(a)? as i64;
                if i >= n {
                    self.set_field(it, IT_B, Value::int(-1))?;
                    return Ok(None);
                }
                self.set_field(it, IT_B, Value::int(i - 1))?;
                let v = self.getitem(a, Value::int(i))?;
                Ok(Some(v))
            }
            SEQ_ITER => {
                if a.is_null() {
                    return Ok(None);
                }
                match self.getitem(a, b) {
                    Ok(v) => {
                        self.set_field(it, IT_B, Value::int(b.as_int() + 1))?;
                        Ok(Some(v))
                    }
                    Err(Unwind::Exc(e))
                        if self.isinstance_name(e, "IndexError") || self.isinstance_name(e, "StopIteration") =>
                    {
                        self.set_field(it, IT_A, Value::NULL)?;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            CALLABLE_ITER => {
                if a.is_null() {
                    return Ok(None);
                }
                let v = self.call_value(a, &[], &[])?;
                if self.eq(v, b)? {
                    self.set_field(it, IT_A, Value::NULL)?;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            _ => {
                let tn = self.type_name(it);
                Err(self.new_error("TypeError", &format!("'{tn}' object is not an iterator")))
            }
        }
    }

    /// All items of an iterable.
    pub fn iter_collect(&mut self, v: Value) -> R<Vec<Value>> {
        match self.tid_of(v) {
            tid::LIST => return Ok(self.list_items(v)),
            tid::TUPLE => return Ok(self.tuple_items(v.as_obj())),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Unpacks exactly `n` items, or (with `after`) `n` items, a list of the rest, and `after`
    /// more.
    pub fn unpack(&mut self, v: Value, n: usize, after: Option<usize>) -> R<Vec<Value>> {
        let items = match self.tid_of(v) {
            tid::LIST => self.list_items(v),
            tid::TUPLE => self.tuple_items(v.as_obj()),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    Err(Unwind::Exc(e)) if self.isinstance_name(e, "TypeError") => {
                        let tn = self.type_name(v);
                        return Err(self.new_error("TypeError", &format!("cannot unpack non-iterable {tn} object")));
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::new();
                while let Some(x) = self.iter_next(it)? {
                    out.push(x);
                    if after.is_none() && out.len() > n {
                        return Err(self.new_error("ValueError", &format!("too many values to unpack (expected {n})")));
                    }
                }
                out
            }
        };
        match after {
            None => {
                if items.len() > n {
                    return Err(self.new_error("ValueError", &format!("too many values to unpack (expected {n})")));
                }
                if items.len() < n {
                    return Err(self.new_error(
                        "ValueError",
                        &format!("not enough values to unpack (expected {n}, got {})", items.len()),
                    ));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < n + after {
                    return Err(self.new_error(
                        "ValueError",
                        &format!("not enough values to unpack (expected at least {}, got {})", n + after, items.len()),
                    ));
                }
                let mut out = items[..n].to_vec();
                let mid = self.new_list(&items[n..items.len() - after]);
                out.push(mid);
                out.extend_from_slice(&items[items.len() - after..]);
                Ok(out)
            }
        }
    }
}
