//! The operators: arithmetic (native fast paths for int, float, str, list, tuple, set, then
//! the dunder protocol with reflected operands), rich comparison, truth, hashing and equality,
//! containment, subscription, `len`. CPython's error messages throughout. This file never
//! commits.

use super::{R, Unwind, Vm};
use crate::compile::code::{binop, cmpop, unop};
use crate::layout::*;
use crate::value::Value;
use num_bigint::BigInt;
use std::cmp::Ordering;

fn ord_matches(k: u8, o: Ordering) -> bool {
    match k {
        cmpop::LT => o == Ordering::Less,
        cmpop::LE => o != Ordering::Greater,
        cmpop::EQ => o == Ordering::Equal,
        cmpop::NE => o != Ordering::Equal,
        cmpop::GT => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

/// The collections the `Build*` ops make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    Tuple,
    List,
    Set,
    String,
    Map,
}

impl Vm {
    /// Native arithmetic; None when these operand types have no native meaning.
    fn native_binop(&mut self, a: Value, b: Value, k: u8) -> R<Option<Value>> {
        let (ta, tb) = (self.tid_of(a), self.tid_of(b));
        let a_int = a.is_int() || a.is_bool() || ta == tid::BIGINT;
        let b_int = b.is_int() || b.is_bool() || tb == tid::BIGINT;
        if a_int && b_int {
            if let (Some(x), Some(y)) = (self.small_int(a), self.small_int(b))
                && let Some(r) = self.int_fast(k, x, y)
            {
                if (k == binop::AND || k == binop::OR || k == binop::XOR) && a.is_bool() && b.is_bool() {
                    return Ok(Some(Value::bool(r.as_int() != 0)));
                }
                return Ok(Some(r));
            }
            if k == binop::MATMUL {
                return Ok(None);
            }
            if let Some(r) = self.int_linear(a, b, k) {
                return Ok(Some(r));
            }
            let (x, y) = (self.to_big(a).unwrap(), self.to_big(b).unwrap());
            return Ok(Some(self.int_binop(x, y, k)?));
        }
        if (ta == tid::FLOAT || a_int) && (tb == tid::FLOAT || b_int) {
            if k > binop::POW {
                return Ok(None);
            }
            let x = self.to_f64(a)?.unwrap();
            let y = self.to_f64(b)?.unwrap();
            return Ok(Some(self.float_binop(x, y, k)?));
        }
        let is_view = |vm: &Vm, v: Value, t: u32| {
            t == tid::ITER && {
                let kind = vm.ld(v.as_obj(), IT_KIND).as_int();
                kind == crate::objects::iter::VIEW_KEYS || kind == crate::objects::iter::VIEW_ITEMS
            }
        };
        if (is_view(self, a, ta) || is_view(self, b, tb))
            && matches!(k, binop::OR | binop::AND | binop::SUB | binop::XOR)
        {
            let sa = self.to_set(a)?;
            let sb = self.to_set(b)?;
            let r = self.set_binop(sa, sb, k)?;
            if self.tid_of(r) == tid::FROZENSET {
                let s = self.new_set(false);
                self.set_assign(s, r)?;
                return Ok(Some(s));
            }
            return Ok(Some(r));
        }
        if ta == tid::BYTES && k == binop::ADD && (b.is_int() || b == Value::NONE) {
            let tn = self.type_name(b);
            return Err(self.new_error("TypeError", &format!("can't concat {tn} to bytes")));
        }
        match (ta, tb, k) {
            (tid::STR, tid::STR, binop::ADD) => Ok(Some(self.str_concat(a.as_obj(), b.as_obj()))),
            (tid::STR, _, binop::ADD) => {
                let tn = self.type_name(b);
                Err(self.new_error("TypeError", &format!("can only concatenate str (not \"{tn}\") to str")))
            }
            (tid::STR, _, binop::MOD) => Ok(Some(self.percent_format(a, b)?)),
            (tid::BYTES, tid::BYTES, binop::ADD) => {
                let mut x = self.bytes_of(a.as_obj());
                x.extend(self.bytes_of(b.as_obj()));
                Ok(Some(self.new_bytes(&x)))
            }
            (tid::BYTES, tid::STR | tid::FLOAT | tid::LIST | tid::TUPLE, binop::ADD) => {
                let tn = self.type_name(b);
                Err(self.new_error("TypeError", &format!("can't concat {tn} to bytes")))
            }
            (tid::BYTES, _, binop::MOD) => Ok(Some(crate::builtins::bytes::bytes_percent(self, a, b)?)),
            (tid::LIST, tid::LIST, binop::ADD) => {
                let mut x = self.list_items(a);
                x.extend(self.list_items(b));
                Ok(Some(self.new_list(&x)))
            }
            (tid::LIST, _, binop::ADD) => {
                let tn = self.type_name(b);
                Err(self.new_error("TypeError", &format!("can only concatenate list (not \"{tn}\") to list")))
            }
            (tid::TUPLE, tid::TUPLE, binop::ADD) => {
                let mut x = self.tuple_items(a.as_obj());
                x.extend(self.tuple_items(b.as_obj()));
                Ok(Some(self.new_tuple(&x)))
            }
            (tid::TUPLE, _, binop::ADD) => {
                let tn = self.type_name(b);
                Err(self.new_error("TypeError", &format!("can only concatenate tuple (not \"{tn}\") to tuple")))
            }
            (tid::STR | tid::LIST | tid::TUPLE | tid::BYTES, _, binop::MUL) => self.seq_repeat(a, b).map(Some),
            (_, tid::STR | tid::LIST | tid::TUPLE | tid::BYTES, binop::MUL) if a_int => self.seq_repeat(b, a).map(Some),
            (
                tid::SET | tid::FROZENSET,
                tid::SET | tid::FROZENSET,
                binop::OR | binop::AND | binop::SUB | binop::XOR,
            ) => self.set_binop(a, b, k).map(Some),
            (tid::DICT, tid::DICT, binop::OR) => {
                let d = self.new_dict();
                self.dict_update_from(d, a, false)?;
                self.dict_update_from(d, b, false)?;
                Ok(Some(d))
            }
            _ => Ok(None),
        }
    }

    fn seq_repeat(&mut self, seq: Value, n: Value) -> R<Value> {
        let Some(n) = self.small_int(n) else {
            if self.to_big(n).is_some() {
                return Err(self.new_error("OverflowError", "cannot fit 'int' into an index-sized integer"));
            }
            let tn = self.type_name(n);
            return Err(self.new_error("TypeError", &format!("can't multiply sequence by non-int of type '{tn}'")));
        };
        let n = n.max(0) as usize;
        match self.tid_of(seq) {
            tid::STR => {
                let s = self.with_str(seq.as_obj(), |s| s.repeat(n));
                Ok(self.new_str(&s))
            }
            tid::BYTES => {
                let b = self.bytes_of(seq.as_obj()).repeat(n);
                Ok(self.new_bytes(&b))
            }
            tid::LIST => {
                let items = self.list_items(seq);
                if items.len().saturating_mul(n) > 1 << 32 {
                    return Err(self.new_error("MemoryError", ""));
                }
                let all: Vec<Value> = items.iter().copied().cycle().take(items.len() * n).collect();
                Ok(self.new_list(&all))
            }
            _ => {
                let items = self.tuple_items(seq.as_obj());
                let all: Vec<Value> = items.iter().copied().cycle().take(items.len() * n).collect();
                Ok(self.new_tuple(&all))
            }
        }
    }

    /// An operand that is an instance of a subclass of a built-in type, and whose class does not
    /// override `dunder` in Python, acts as the built-in value it wraps.
    fn unwrap_operand(&mut self, v: Value, dunder: &'static str) -> R<Value> {
        if let Some(n) = self.native_of(v) {
            let m = self.lookup_type_attr(v, dunder)?;
            if !matches!(m, Some(f) if self.tid_of(f) == tid::FUNCTION) {
                return Ok(n);
            }
        }
        Ok(v)
    }

    /// What `BuildTuple`, `BuildList`, `BuildSet`, `BuildString` and `BuildMap` (keys and values
    /// alternating) make of their items.
    pub fn build(&mut self, kind: Build, items: &[Value]) -> R<Value> {
        Ok(match kind {
            Build::Tuple => self.new_tuple(items),
            Build::List => self.new_list(items),
            Build::Set => {
                let s = self.new_set(false);
                for x in items {
                    self.set_add(s, *x)?;
                }
                s
            }
            Build::String => self.concat_strs(items)?,
            Build::Map => {
                let d = self.new_dict();
                for kv in items.chunks(2) {
                    self.dict_set(d, kv[0], kv[1])?;
                }
                d
            }
        })
    }

    pub fn binary_op(&mut self, a: Value, b: Value, k: u8, inplace: bool) -> R<Value> {
        let orig_a = a;
        // `str % args` formats the arguments as they are (a subclass instance keeps its
        // `__str__`/`__repr__`): never unwrapped to their built-in values.
        if k == binop::MOD && self.tid_of(a) == tid::STR {
            let native = self.native_of(b);
            // (A str subclass on the right keeps CPython's subclass-first rule: generic path.)
            if !native.is_some_and(|n| self.is_str(n)) {
                // A tuple subclass is the argument tuple, a dict subclass the mapping.
                let args = match native {
                    Some(n) if matches!(self.tid_of(n), tid::TUPLE | tid::DICT) => n,
                    _ => b,
                };
                return self.percent_format(a, args);
            }
        }
        let (a, b) = if self.tid_of(a) == tid::INSTANCE || self.tid_of(b) == tid::INSTANCE {
            let name = binop::DUNDER[k as usize];
            let rname = binop::RDUNDER[k as usize];
            (self.unwrap_operand(a, name)?, self.unwrap_operand(b, rname)?)
        } else {
            (a, b)
        };
        if inplace {
            // Mutable built-ins update in place.
            match (self.tid_of(a), k) {
                (tid::LIST, binop::ADD) => {
                    for x in self.iter_collect(b)? {
                        self.list_append(a, x)?;
                    }
                    return Ok(orig_a);
                }
                (tid::SET, binop::OR | binop::AND | binop::SUB | binop::XOR)
                    if matches!(self.tid_of(b), tid::SET | tid::FROZENSET) =>
                {
                    let r = self.set_binop(a, b, k)?;
                    self.set_assign(a, r)?;
                    return Ok(orig_a);
                }
                (tid::DICT, binop::OR) => {
                    self.dict_update_from(a, b, false)?;
                    return Ok(orig_a);
                }
                _ => {}
            }
            if self.tid_of(a) == tid::INSTANCE {
                let name = binop::IDUNDER[k as usize];
                if let Some(m) = self.lookup_type_attr(a, name)? {
                    let r = self.call_value(m, &[a, b], &[])?;
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
        }
        let name = binop::DUNDER[k as usize];
        let rname = binop::RDUNDER[k as usize];
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        // (Classes too: `type.__or__` makes `int | str`; a metaclass may define operators.)
        let user_a = matches!(self.tid_of(a), tid::INSTANCE | tid::CLASS);
        let user_b = matches!(self.tid_of(b), tid::INSTANCE | tid::CLASS);
        let mut rm = if user_b && ta != tb { self.class_lookup(tb, rname)? } else { None };
        // A sequence's concatenation or repetition is only CPython's fallback (sq_concat,
        // sq_repeat, after the number slots): a right operand with a reflected method of its own
        // (a Python function) goes first, so `[0] + Q()` calls `Q.__radd__`.
        if !user_a
            && matches!(self.tid_of(a), tid::STR | tid::LIST | tid::TUPLE | tid::BYTES)
            && matches!(k, binop::ADD | binop::MUL)
            && rm.is_some_and(|r| self.tid_of(r) == tid::FUNCTION)
            && let Some(r) = rm.take()
        {
            let v = self.call_value(r, &[b, a], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                return Ok(v);
            }
        }
        if let Some(r) = self.native_binop(a, b, k)?
            && r != Value::NOT_IMPLEMENTED
        {
            return Ok(r);
        }
        // A subclass's reflected method goes first.
        if let Some(r) = rm
            && self.is_subclass(tb, ta)
        {
            let v = self.call_value(r, &[b, a], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                return Ok(v);
            }
        }
        if user_a && let Some(m) = self.class_lookup(ta, name)? {
            let v = self.call_value(m, &[a, b], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                return Ok(v);
            }
        }
        if let Some(r) = rm
            && !self.is_subclass(tb, ta)
        {
            let v = self.call_value(r, &[b, a], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                return Ok(v);
            }
        }
        let sym = binop::SYMBOLS[k as usize];
        let sym = if inplace { format!("{sym}=") } else { sym.to_string() };
        let (na, nb) = (self.class_name(ta), self.class_name(tb));
        if k == binop::POW && !inplace {
            return Err(
                self.new_error("TypeError", &format!("unsupported operand type(s) for ** or pow(): '{na}' and '{nb}'"))
            );
        }
        Err(self.new_error("TypeError", &format!("unsupported operand type(s) for {sym}: '{na}' and '{nb}'")))
    }

    pub fn unary_op(&mut self, a: Value, k: u8) -> R<Value> {
        if let Some(i) = self.small_int(a) {
            return Ok(match k {
                unop::NEG => self.new_int(-i),
                unop::POS => Value::int(i),
                _ => Value::int(!i),
            });
        }
        if let Some(b) = self.to_big(a) {
            let r = match k {
                unop::NEG => -b,
                unop::POS => b,
                _ => -b - 1,
            };
            return Ok(crate::objects::int::big_to_value(self, &r));
        }
        if self.tid_of(a) == tid::FLOAT && k != unop::INVERT {
            let f = self.float_of(a.as_obj());
            return Ok(self.new_float(if k == unop::NEG { -f } else { f }));
        }
        let name = ["__neg__", "__pos__", "__invert__"][k as usize];
        if self.tid_of(a) == tid::INSTANCE
            && let Some(m) = self.lookup_type_attr(a, name)?
        {
            return self.call_value(m, &[a], &[]);
        }
        let sym = ["-", "+", "~"][k as usize];
        let tn = self.type_name(a);
        Err(self.new_error("TypeError", &format!("bad operand type for unary {sym}: '{tn}'")))
    }

    /// Native comparison: None when not defined natively for these types.
    fn native_compare(&mut self, a: Value, b: Value, k: u8) -> R<Option<bool>> {
        let (ta, tb) = (self.tid_of(a), self.tid_of(b));
        let a_int = a.is_int() || a.is_bool() || ta == tid::BIGINT;
        let b_int = b.is_int() || b.is_bool() || tb == tid::BIGINT;
        if a_int && b_int {
            let o = match (self.small_int(a), self.small_int(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => self.int_cmp(a, b).unwrap(),
            };
            return Ok(Some(ord_matches(k, o)));
        }
        if (ta == tid::FLOAT || a_int) && (tb == tid::FLOAT || b_int) {
            let o = if ta == tid::FLOAT && tb == tid::FLOAT {
                self.float_of(a.as_obj()).partial_cmp(&self.float_of(b.as_obj()))
            } else if ta == tid::FLOAT {
                let f = self.float_of(a.as_obj());
                self.cmp_int_float(&self.to_big(b).unwrap(), f).map(|o| o.reverse())
            } else {
                let f = self.float_of(b.as_obj());
                self.cmp_int_float(&self.to_big(a).unwrap(), f)
            };
            return Ok(Some(match o {
                Some(o) => ord_matches(k, o),
                None => k == cmpop::NE,
            }));
        }
        Ok(match (ta, tb) {
            (tid::STR, tid::STR) => {
                let o = self.with_str(a.as_obj(), |x| self.with_str(b.as_obj(), |y| x.cmp(y)));
                Some(ord_matches(k, o))
            }
            (tid::BYTES, tid::BYTES) => {
                let o = self.bytes_of(a.as_obj()).cmp(&self.bytes_of(b.as_obj()));
                Some(ord_matches(k, o))
            }
            (tid::TUPLE, tid::TUPLE) => {
                let x = self.tuple_items(a.as_obj());
                let y = self.tuple_items(b.as_obj());
                Some(self.seq_compare(&x, &y, k)?)
            }
            (tid::LIST, tid::LIST) => {
                let x = self.list_items(a);
                let y = self.list_items(b);
                Some(self.seq_compare(&x, &y, k)?)
            }
            (tid::DICT, tid::DICT) if k == cmpop::EQ || k == cmpop::NE => {
                let eq = self.dict_eq(a, b)?;
                Some(eq == (k == cmpop::EQ))
            }
            (tid::SET | tid::FROZENSET, tid::SET | tid::FROZENSET) => Some(self.set_compare(a, b, k)?),
            (tid::SLICE, tid::SLICE) => {
                let f = |vm: &Vm, o: Value| {
                    [vm.ld(o.as_obj(), R_START), vm.ld(o.as_obj(), R_STOP), vm.ld(o.as_obj(), R_STEP)]
                };
                let x = f(self, a);
                let y = f(self, b);
                let ta = self.new_tuple(&x);
                let tb = self.new_tuple(&y);
                return self.native_compare(ta, tb, k);
            }
            (tid::RANGE, tid::RANGE) if k == cmpop::EQ || k == cmpop::NE => {
                let x = self.range_items_key(a);
                let y = self.range_items_key(b);
                Some((x == y) == (k == cmpop::EQ))
            }
            _ => None,
        })
    }

    /// Counts one level of Rust recursion (repr, comparison of nested containers) against the
    /// recursion limit, as CPython does; the caller decrements `call_depth` when done.
    pub fn enter_recursion(&mut self, what: &str) -> R<()> {
        if self.call_depth >= self.recursion_limit {
            return Err(self.new_error("RecursionError", &format!("maximum recursion depth exceeded{what}")));
        }
        self.call_depth += 1;
        Ok(())
    }

    fn seq_compare(&mut self, x: &[Value], y: &[Value], k: u8) -> R<bool> {
        self.enter_recursion(" in comparison")?;
        let r = self.seq_compare_inner(x, y, k);
        self.call_depth -= 1;
        r
    }

    fn seq_compare_inner(&mut self, x: &[Value], y: &[Value], k: u8) -> R<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(*p, *q)? {
                if k == cmpop::EQ {
                    return Ok(false);
                }
                if k == cmpop::NE {
                    return Ok(true);
                }
                let r = self.compare(*p, *q, k)?;
                return self.truthy(r);
            }
        }
        Ok(ord_matches(k, x.len().cmp(&y.len())))
    }

    /// Rich comparison `a <op> b`.
    pub fn compare(&mut self, a: Value, b: Value, k: u8) -> R<Value> {
        let (a, b) = if self.tid_of(a) == tid::INSTANCE || self.tid_of(b) == tid::INSTANCE {
            let name = cmpop::DUNDER[k as usize];
            let rname = cmpop::DUNDER[cmpop::SWAPPED[k as usize] as usize];
            (self.unwrap_operand(a, name)?, self.unwrap_operand(b, rname)?)
        } else {
            (a, b)
        };
        if let Some(r) = self.native_compare(a, b, k)? {
            return Ok(Value::bool(r));
        }
        // Bound methods are equal when bound to the same object and their functions are equal.
        if matches!(k, cmpop::EQ | cmpop::NE) && self.tid_of(a) == tid::METHOD && self.tid_of(b) == tid::METHOD {
            let (ma, mb) = (a.as_obj(), b.as_obj());
            let same = self.ld(ma, METH_SELF) == self.ld(mb, METH_SELF)
                && self.eq(self.ld(ma, METH_FUNC), self.ld(mb, METH_FUNC))?;
            return Ok(Value::bool(same == (k == cmpop::EQ)));
        }
        // Bound built-in methods (`l.append`): the same built-in bound to the same object.
        if matches!(k, cmpop::EQ | cmpop::NE) && self.tid_of(a) == tid::BUILTIN && self.tid_of(b) == tid::BUILTIN {
            let (ba, bb) = (a.as_obj(), b.as_obj());
            let same = self.ld(ba, BI_ID) == self.ld(bb, BI_ID) && self.ld(ba, BI_SELF) == self.ld(bb, BI_SELF);
            return Ok(Value::bool(same == (k == cmpop::EQ)));
        }
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let name = cmpop::DUNDER[k as usize];
        let rname = cmpop::DUNDER[cmpop::SWAPPED[k as usize] as usize];
        let user_a = self.tid_of(a) == tid::INSTANCE;
        let user_b = self.tid_of(b) == tid::INSTANCE;
        let reflected_first = user_b && ta != tb && self.is_subclass(tb, ta);
        if reflected_first && let Some(m) = self.class_lookup(tb, rname)? {
            let v = self.call_value(m, &[b, a], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                return Ok(v);
            }
        }
        if user_a && let Some(m) = self.class_lookup(ta, name)? {
            let v = self.call_value(m, &[a, b], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                return Ok(v);
            }
        }
        if user_a
            && k == cmpop::NE
            && let Some(m) = self.class_lookup(ta, "__eq__")?
        {
            let v = self.call_value(m, &[a, b], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                let t = self.truthy(v)?;
                return Ok(Value::bool(!t));
            }
        }
        if user_b
            && !reflected_first
            && let Some(m) = self.class_lookup(tb, rname)?
        {
            let v = self.call_value(m, &[b, a], &[])?;
            if v != Value::NOT_IMPLEMENTED {
                return Ok(v);
            }
        }
        match k {
            cmpop::EQ => Ok(Value::bool(a == b)),
            cmpop::NE => Ok(Value::bool(a != b)),
            _ => {
                let (na, nb) = (self.class_name(ta), self.class_name(tb));
                let sym = cmpop::SYMBOLS[k as usize];
                Err(self
                    .new_error("TypeError", &format!("'{sym}' not supported between instances of '{na}' and '{nb}'")))
            }
        }
    }

    /// `a == b` as a bool (identity first, as containers do).
    pub fn eq(&mut self, a: Value, b: Value) -> R<bool> {
        if a == b {
            return Ok(true);
        }
        if a.is_int() && b.is_int() {
            return Ok(false);
        }
        if self.tid_of(a) == tid::STR && self.tid_of(b) == tid::STR {
            let (x, y) = (a.as_obj(), b.as_obj());
            let (ix, iy) = (
                self.raw(x, STR_CLEN) >> super::attr::INTERN_SHIFT,
                self.raw(y, STR_CLEN) >> super::attr::INTERN_SHIFT,
            );
            if ix != 0 && iy != 0 {
                return Ok(ix == iy);
            }
            let (hx, hy) = (self.raw(x, STR_HASH), self.raw(y, STR_HASH));
            if (hx != 0 && hy != 0 && hx != hy) || self.raw(x, STR_BLEN) != self.raw(y, STR_BLEN) {
                return Ok(false);
            }
            return Ok(self.with_str(x, |p| self.with_str(y, |q| p == q)));
        }
        let r = self.compare(a, b, cmpop::EQ)?;
        self.truthy(r)
    }

    pub fn truthy(&mut self, v: Value) -> R<bool> {
        match v {
            Value::TRUE => return Ok(true),
            Value::FALSE | Value::NONE => return Ok(false),
            _ => {}
        }
        if v.is_int() {
            return Ok(v.as_int() != 0);
        }
        if !v.is_ref() {
            return Ok(true);
        }
        let o = v.as_obj();
        Ok(match self.tid(o) {
            tid::FLOAT => self.float_of(o) != 0.0,
            tid::BIGINT => true,
            tid::STR => self.raw(o, STR_BLEN) != 0,
            tid::BYTES => self.raw(o, BYTES_LEN) != 0,
            tid::TUPLE => self.tuple_len(o) != 0,
            tid::LIST => self.list_len(v) != 0,
            tid::DICT | tid::SET | tid::FROZENSET => self.table_len(v) != 0,
            tid::RANGE => self.range_len(v) != 0,
            tid::INSTANCE => {
                if let Some(m) = self.lookup_type_attr(v, "__bool__")? {
                    let r = self.call_value(m, &[v], &[])?;
                    if !r.is_bool() {
                        let tn = self.type_name(r);
                        return Err(self.new_error("TypeError", &format!("__bool__ should return bool, returned {tn}")));
                    }
                    return Ok(r == Value::TRUE);
                }
                if let Some(m) = self.lookup_type_attr(v, "__len__")? {
                    let r = self.call_value(m, &[v], &[])?;
                    let n = self.len_result(r)?;
                    return Ok(n != 0);
                }
                true
            }
            tid::ITER => match self.ld(o, IT_KIND).as_int() {
                k if k >= crate::objects::iter::VIEW_KEYS => {
                    let d = self.ld(o, IT_A);
                    self.table_len(d) != 0
                }
                _ => true,
            },
            _ => true,
        })
    }

    fn len_result(&mut self, r: Value) -> R<i64> {
        match self.small_int(r) {
            Some(n) if n >= 0 => Ok(n),
            Some(_) => Err(self.new_error("ValueError", "__len__() should return >= 0")),
            None => {
                let tn = self.type_name(r);
                Err(self.new_error("TypeError", &format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> R<usize> {
        if v.is_ref() {
            let o = v.as_obj();
            match self.tid(o) {
                tid::STR => return Ok(self.str_len_chars(o)),
                tid::BYTES => return Ok(self.raw(o, BYTES_LEN) as usize),
                tid::TUPLE => return Ok(self.tuple_len(o)),
                tid::LIST => return Ok(self.list_len(v)),
                tid::DICT | tid::SET | tid::FROZENSET => return Ok(self.table_len(v)),
                tid::RANGE => return Ok(self.range_len(v)),
                tid::ITER if self.ld(o, IT_KIND).as_int() >= crate::objects::iter::VIEW_KEYS => {
                    let d = self.ld(o, IT_A);
                    return Ok(self.table_len(d));
                }
                _ => {}
            }
            if let Some(m) = self.lookup_type_attr(v, "__len__")? {
                let r = self.call_value(m, &[v], &[])?;
                return Ok(self.len_result(r)? as usize);
            }
        }
        let tn = self.type_name(v);
        Err(self.new_error("TypeError", &format!("object of type '{tn}' has no len()")))
    }

    /// `hash(v)`, in CPython's range.
    pub fn hash(&mut self, v: Value) -> R<i64> {
        if v.is_int() {
            return Ok(Vm::small_hash(v.as_int()));
        }
        match v {
            Value::TRUE => return Ok(1),
            Value::FALSE => return Ok(0),
            Value::NONE => return Ok(0xFCA86420),
            Value::NOT_IMPLEMENTED => return Ok(0xFCA86421),
            Value::ELLIPSIS => return Ok(0xFCA86422),
            _ => {}
        }
        let o = v.as_obj();
        Ok(match self.tid(o) {
            tid::STR => (self.str_hash(o) >> 3) as i64,
            tid::BYTES => (self.raw(o, BYTES_HASH) >> 3) as i64,
            tid::FLOAT => crate::objects::float::float_hash(self.float_of(o)),
            tid::BIGINT => Vm::int_hash(&self.to_big(v).unwrap()),
            tid::TUPLE => {
                // CPython 3.11's tuple hash (xxHash-based).
                const P1: u64 = 11400714785074694791;
                const P2: u64 = 14029467366897019727;
                const P5: u64 = 2870177450012600261;
                let n = self.tuple_len(o);
                let mut acc: u64 = P5;
                for i in 0..n {
                    let h = self.hash(self.tuple_get(o, i))? as u64;
                    acc = acc.wrapping_add(h.wrapping_mul(P2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(P1);
                }
                acc = acc.wrapping_add(n as u64 ^ (P5 ^ 3527539));
                if acc == u64::MAX { 1546275796 } else { acc as i64 }
            }
            tid::FROZENSET => {
                let mut h: u64 = 0;
                for x in self.set_items(v) {
                    let e = self.hash(x)? as u64;
                    h ^= (e ^ (e << 16) ^ 89869747).wrapping_mul(3644798167);
                }
                (h >> 3) as i64
            }
            tid::LIST | tid::DICT | tid::SET => {
                let tn = self.type_name(v);
                return Err(self.new_error("TypeError", &format!("unhashable type: '{tn}'")));
            }
            // Consistent with bound-method equality: the object's identity and the function.
            tid::METHOD => {
                let (s, f) = (self.ld(o, METH_SELF), self.ld(o, METH_FUNC));
                (self.id_of(s)? >> 4) ^ self.hash(f)?
            }
            tid::BUILTIN if !self.ld(o, BI_SELF).is_null() => {
                let s = self.ld(o, BI_SELF);
                (self.id_of(s)? >> 4) ^ self.ld(o, BI_ID).as_int()
            }
            tid::INSTANCE => {
                let t = self.type_of(v);
                match self.class_lookup(t, "__hash__")? {
                    Some(Value::NONE) => {
                        let tn = self.class_name(t);
                        return Err(self.new_error("TypeError", &format!("unhashable type: '{tn}'")));
                    }
                    Some(h)
                        if matches!(self.tid_of(h), tid::FUNCTION | tid::BUILTIN)
                            && h != Value::obj(self.types().object_hash) =>
                    {
                        let r = self.call_value(h, &[v], &[])?;
                        // As CPython: a result that fits a machine word is the hash as it is
                        // (-1 becomes -2); a bigger int is hashed.
                        match self.to_big(r) {
                            Some(b) => match num_traits::ToPrimitive::to_i64(&b) {
                                Some(-1) => -2,
                                Some(h) => h,
                                None => Vm::int_hash(&b),
                            },
                            None => {
                                return Err(self.new_error("TypeError", "__hash__ method should return an integer"));
                            }
                        }
                    }
                    _ => self.id_hash(v)?,
                }
            }
            _ => self.id_hash(v)?,
        })
    }

    fn id_hash(&mut self, v: Value) -> R<i64> {
        match self.m.id(v.as_obj()) {
            Ok(id) => Ok((id >> 4) as i64),
            Err(e) => {
                eprintln!("Fatal Python error: {e}");
                std::process::exit(1)
            }
        }
    }

    /// `id(v)`.
    pub fn id_of(&mut self, v: Value) -> R<i64> {
        if !v.is_ref() {
            return Ok(v.0 as i64 * 8 + 0x1000);
        }
        self.id_hash(v).map(|h| h << 4)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> R<bool> {
        match self.tid_of(container) {
            tid::DICT | tid::SET | tid::FROZENSET => return self.dict_contains(container, item),
            tid::LIST => {
                for x in self.list_items(container) {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            tid::TUPLE => {
                for x in self.tuple_items(container.as_obj()) {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            tid::STR => {
                let Some(item) = crate::builtins::strings::str_like(self, item) else {
                    let tn = self.type_name(item);
                    return Err(self
                        .new_error("TypeError", &format!("'in <string>' requires string as left operand, not {tn}")));
                };
                return Ok(self.with_str(container.as_obj(), |h| self.with_str(item.as_obj(), |n| h.contains(n))));
            }
            tid::BYTES => {
                let h = self.bytes_of(container.as_obj());
                if let Some(i) = self.small_int(item) {
                    return Ok(h.contains(&(i as u8)));
                }
                let n = self.bytes_of(item.as_obj());
                return Ok(n.is_empty() || h.windows(n.len()).any(|w| w == n));
            }
            tid::RANGE => {
                if let Some(i) = self.small_int(item) {
                    let (start, stop, step) = self.range_parts(container);
                    let inside = if step > 0 { i >= start && i < stop } else { i <= start && i > stop };
                    return Ok(inside && (i - start) % step == 0);
                }
            }
            tid::ITER if self.ld(container.as_obj(), IT_KIND).as_int() >= crate::objects::iter::VIEW_KEYS => {
                let d = self.ld(container.as_obj(), IT_A);
                match self.ld(container.as_obj(), IT_KIND).as_int() {
                    crate::objects::iter::VIEW_KEYS => return self.dict_contains(d, item),
                    crate::objects::iter::VIEW_VALUES => {
                        for (_, v) in self.dict_items(d) {
                            if self.eq(v, item)? {
                                return Ok(true);
                            }
                        }
                        return Ok(false);
                    }
                    _ => {
                        if self.tid_of(item) != tid::TUPLE || self.tuple_len(item.as_obj()) != 2 {
                            return Ok(false);
                        }
                        let (k, v) = (self.tuple_get(item.as_obj(), 0), self.tuple_get(item.as_obj(), 1));
                        return match self.dict_get(d, k)? {
                            Some(w) => self.eq(w, v),
                            None => Ok(false),
                        };
                    }
                }
            }
            _ => {}
        }
        if let Some(m) = self.lookup_type_attr(container, "__contains__")? {
            let r = self.call_value(m, &[container, item], &[])?;
            return self.truthy(r);
        }
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(Unwind::Exc(e)) if self.isinstance_name(e, "TypeError") => {
                let tn = self.type_name(container);
                return Err(self.new_error("TypeError", &format!("argument of type '{tn}' is not iterable")));
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.iter_next(it)? {
            if self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Normalizes an index for a sequence of length `n` (IndexError with `what` when out of range).
    pub fn seq_index(&mut self, i: Value, n: usize, what: &str) -> R<usize> {
        let i = match self.small_int(i) {
            Some(i) => i,
            None => {
                if self.to_big(i).is_some() {
                    return Err(
                        self.new_error("IndexError", &"cannot fit 'int' into an index-sized integer".to_string())
                    );
                }
                self.index_value(i, "indices must be integers")?
            }
        };
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            return Err(self.new_error("IndexError", &format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    fn is_index(&self, v: Value) -> bool {
        v.is_int() || v.is_bool() || self.tid_of(v) == tid::BIGINT
    }

    pub fn getitem(&mut self, o: Value, i: Value) -> R<Value> {
        let k = self.tid_of(o);
        if matches!(k, tid::LIST | tid::TUPLE | tid::STR | tid::BYTES | tid::RANGE)
            && self.tid_of(i) == tid::INSTANCE
            && self.lookup_type_attr(i, "__index__")?.is_some()
        {
            let n = self.index_value(i, "indices must be integers")?;
            return self.getitem(o, Value::int(n));
        }
        let is_slice = self.tid_of(i) == tid::SLICE;
        match k {
            tid::LIST if self.is_index(i) => {
                let n = self.list_len(o);
                let j = self.seq_index(i, n, "list")?;
                return Ok(self.list_get(o, j));
            }
            tid::TUPLE if self.is_index(i) => {
                let n = self.tuple_len(o.as_obj());
                let j = self.seq_index(i, n, "tuple")?;
                return Ok(self.tuple_get(o.as_obj(), j));
            }
            tid::STR if self.is_index(i) => {
                let n = self.str_len_chars(o.as_obj());
                let j = self.seq_index(i, n, "string")?;
                let c = self.str_char_at(o.as_obj(), j);
                return Ok(self.new_str(c.encode_utf8(&mut [0; 4])));
            }
            tid::BYTES if self.is_index(i) => {
                let n = self.raw(o.as_obj(), BYTES_LEN) as usize;
                let j = self.seq_index(i, n, "index")?;
                return Ok(Value::int(self.byte_at(o.as_obj(), j) as i64));
            }
            tid::RANGE if self.is_index(i) => {
                let n = self.range_len(o);
                let j = self.seq_index(i, n, "range object")?;
                let (start, _, step) = self.range_parts(o);
                return Ok(self.new_int(start + step * j as i64));
            }
            tid::LIST | tid::TUPLE | tid::STR | tid::BYTES | tid::RANGE if is_slice => return self.get_slice(o, i),
            tid::DICT => {
                if let Some(v) = self.dict_get(o, i)? {
                    return Ok(v);
                }
                return Err(self.key_error(i));
            }
            tid::LIST | tid::TUPLE | tid::STR | tid::BYTES | tid::RANGE => {
                let tn = self.type_name(o);
                let kind = if k == tid::STR { "string" } else { &tn };
                let it = self.type_name(i);
                let msg = if k == tid::STR || k == tid::BYTES {
                    format!("{kind} indices must be integers, not '{it}'")
                } else {
                    format!("{kind} indices must be integers or slices, not {it}")
                };
                return Err(self.new_error("TypeError", &msg));
            }
            tid::CLASS => {
                if let Some(m) = self.meta_method(o.as_obj(), "__getitem__")? {
                    return self.call_value(m, &[i], &[]);
                }
                if let Some(m) = self.class_lookup(o.as_obj(), "__class_getitem__")? {
                    let f = if self.tid_of(m) == tid::CLASSMETHOD { self.ld(m.as_obj(), WRAP_FUNC) } else { m };
                    return self.call_value(f, &[o, i], &[]);
                }
                // `list[int]`: a `types.GenericAlias` for the containers CPython gives one; other
                // built-in classes accept a subscript and ignore it.
                let t = self.types();
                if [t.list, t.dict, t.tuple, t.set, t.frozenset, t.type_].contains(&o.as_obj()) {
                    let ga = self.module_attr("types", "GenericAlias")?;
                    return self.call_value(ga, &[o, i], &[]);
                }
                if self.rd(o.as_obj(), CLS_FLAGS).as_int() & CLSF_BUILTIN != 0 {
                    return Ok(o);
                }
            }
            _ => {}
        }
        if let Some(m) = self.lookup_type_attr(o, "__getitem__")? {
            return self.call_value(m, &[o, i], &[]);
        }
        let tn = self.type_name(o);
        if k == tid::CLASS {
            let cn = self.class_name(o.as_obj());
            return Err(self.new_error("TypeError", &format!("type '{cn}' is not subscriptable")));
        }
        Err(self.new_error("TypeError", &format!("'{tn}' object is not subscriptable")))
    }

    pub fn key_error(&mut self, k: Value) -> Unwind {
        let t = self.exc_type("KeyError");
        let args = self.new_tuple(&[k]);
        match self.new_exception(t, args) {
            Ok(e) => Unwind::Exc(e),
            Err(e) => e,
        }
    }

    pub fn setitem(&mut self, o: Value, i: Value, v: Value) -> R<()> {
        match self.tid_of(o) {
            tid::LIST if self.is_index(i) => {
                let n = self.list_len(o);
                let j = self.seq_index(i, n, "list assignment")?;
                return self.list_set(o, j, v);
            }
            tid::LIST if self.tid_of(i) == tid::SLICE => return self.list_set_slice(o, i, v),
            tid::DICT => return self.dict_set(o, i, v),
            tid::INSTANCE => {
                if let Some(m) = self.lookup_type_attr(o, "__setitem__")? {
                    self.call_value(m, &[o, i, v], &[])?;
                    return Ok(());
                }
            }
            _ => {}
        }
        let tn = self.type_name(o);
        Err(self.new_error("TypeError", &format!("'{tn}' object does not support item assignment")))
    }

    pub fn delitem(&mut self, o: Value, i: Value) -> R<()> {
        match self.tid_of(o) {
            tid::LIST if self.is_index(i) => {
                let n = self.list_len(o);
                let j = self.seq_index(i, n, "list assignment")?;
                self.list_remove_at(o, j)?;
                return Ok(());
            }
            tid::LIST if self.tid_of(i) == tid::SLICE => return self.list_del_slice(o, i),
            tid::DICT => {
                if !self.dict_del(o, i)? {
                    return Err(self.key_error(i));
                }
                return Ok(());
            }
            tid::INSTANCE => {
                if let Some(m) = self.lookup_type_attr(o, "__delitem__")? {
                    self.call_value(m, &[o, i], &[])?;
                    return Ok(());
                }
            }
            _ => {}
        }
        let tn = self.type_name(o);
        Err(self.new_error("TypeError", &format!("'{tn}' object doesn't support item deletion")))
    }

    /// Big-int-aware conversion used by builtins (`int()` of floats etc.).
    pub fn float_to_int(&mut self, f: f64) -> R<Value> {
        if f.is_nan() {
            return Err(self.new_error("ValueError", "cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(self.new_error("OverflowError", "cannot convert float infinity to integer"));
        }
        let t = f.trunc();
        if t.abs() < 1e18 {
            return Ok(self.new_int(t as i64));
        }
        let b = <BigInt as num_traits::FromPrimitive>::from_f64(t).unwrap();
        Ok(crate::objects::int::big_to_value(self, &b))
    }
}
