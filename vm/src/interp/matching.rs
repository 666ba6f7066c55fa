//! The runtime side of the `match` statement (the `Match*` ops that `compile/patterns.rs`
//! emits): which subjects sequence and mapping patterns accept, the values a mapping pattern's
//! keys select, the attributes a class pattern selects through `__match_args__`, and the rest
//! of a mapping for `**rest`, with CPython 3.11's rules and error messages. It never binds
//! names or decides control flow: the compiled code does.

use super::{R, Vm};
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

impl Vm {
    /// Whether `v` can match (a sequence pattern, a mapping pattern): lists, tuples and ranges
    /// are sequences and dicts mappings (subclasses included); str and bytes are never
    /// sequences; other objects are what `collections.abc` says, if it was imported (a class
    /// cannot inherit from or register with it otherwise).
    pub fn match_kind(&mut self, v: Value) -> R<(bool, bool)> {
        let v = self.native_of(v).unwrap_or(v);
        match self.tid_of(v) {
            tid::LIST | tid::TUPLE | tid::RANGE => return Ok((true, false)),
            tid::DICT => return Ok((false, true)),
            tid::INSTANCE => {}
            _ => return Ok((false, false)),
        }
        let modules = Value::obj(self.rt.globals().modules);
        let name = self.s("collections.abc");
        let Some(abc) = self.dict_get(modules, name)? else { return Ok((false, false)) };
        for (i, which) in ["Sequence", "Mapping"].into_iter().enumerate() {
            let k = self.s(which);
            if let Some(c) = self.getattr_opt(abc, k)?
                && self.tid_of(c) == tid::CLASS
                && self.instance_check(v, c.as_obj())?
            {
                return Ok((i == 0, i == 1));
            }
        }
        Ok((false, false))
    }

    /// The values of `subject` (a mapping) for the tuple `keys`, as a tuple, or None when a key
    /// is missing; a key given twice is a ValueError.
    pub fn match_keys(&mut self, subject: Value, keys: Value) -> R<Value> {
        let keys = self.tuple_items(keys.as_obj());
        // (A dict itself is read directly; anything else through its `get`, as CPython does.)
        let get = if self.tid_of(subject) == tid::DICT { None } else { Some(self.getattr_str(subject, "get")?) };
        let missing = self.new_list(&[]);
        let mut values = Vec::with_capacity(keys.len());
        for (i, &k) in keys.iter().enumerate() {
            for &earlier in &keys[..i] {
                if self.eq(earlier, k)? {
                    let r = self.repr_string(k)?;
                    return Err(self.new_error("ValueError", &format!("mapping pattern checks duplicate key ({r})")));
                }
            }
            let v = match get {
                None => self.dict_get(subject, k)?,
                Some(g) => Some(self.call_value(g, &[k, missing], &[])?).filter(|&v| v != missing),
            };
            match v {
                Some(v) => values.push(v),
                None => return Ok(Value::NONE),
            }
        }
        Ok(self.new_tuple(&values))
    }

    /// A class pattern `cls(p1, …, pn, name=…)` against `subject`: None unless `subject` is an
    /// instance of `cls` with every attribute asked for, else the tuple of those attributes
    /// (the `n` positional ones named by `cls.__match_args__`, then the keyword ones).
    pub fn match_class(&mut self, subject: Value, cls: Value, n: usize, names: Value) -> R<Value> {
        if self.tid_of(cls) != tid::CLASS {
            return Err(self.new_error("TypeError", "called match pattern must be a type"));
        }
        let c = cls.as_obj();
        if !self.instance_check(subject, c)? {
            return Ok(Value::NONE);
        }
        let mut seen: Vec<Value> = vec![];
        let mut out = Vec::with_capacity(n);
        if n > 0 {
            let key = self.s("__match_args__");
            let (args, match_self) = match self.getattr_opt(cls, key)? {
                Some(a) if self.tid_of(a) == tid::TUPLE => (self.tuple_items(a.as_obj()), false),
                Some(a) => {
                    let (cn, tn) = (self.class_name(c), self.type_name(a));
                    let msg = format!("{cn}.__match_args__ must be a tuple (got {tn})");
                    return Err(self.new_error("TypeError", &msg));
                }
                None => (vec![], self.matches_self(c)),
            };
            let allowed = if match_self { 1 } else { args.len() };
            if n > allowed {
                let cn = self.class_name(c);
                let s = if allowed == 1 { "" } else { "s" };
                let msg = format!("{cn}() accepts {allowed} positional sub-pattern{s} ({n} given)");
                return Err(self.new_error("TypeError", &msg));
            }
            if match_self {
                out.push(subject);
            } else {
                for &name in &args[..n] {
                    if !self.is_str(name) {
                        let tn = self.type_name(name);
                        let msg = format!("__match_args__ elements must be strings (got {tn})");
                        return Err(self.new_error("TypeError", &msg));
                    }
                    match self.match_attr(subject, c, name, &mut seen)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::NONE),
                    }
                }
            }
        }
        for name in self.tuple_items(names.as_obj()) {
            match self.match_attr(subject, c, name, &mut seen)? {
                Some(v) => out.push(v),
                None => return Ok(Value::NONE),
            }
        }
        Ok(self.new_tuple(&out))
    }

    /// One attribute a class pattern asks for (None when missing); asking twice is an error.
    fn match_attr(&mut self, subject: Value, cls: ObjRef, name: Value, seen: &mut Vec<Value>) -> R<Option<Value>> {
        for &s in seen.iter() {
            if self.eq(s, name)? {
                let (cn, r) = (self.class_name(cls), self.repr_string(name)?);
                let msg = format!("{cn}() got multiple sub-patterns for attribute {r}");
                return Err(self.new_error("TypeError", &msg));
            }
        }
        seen.push(name);
        self.getattr_opt(subject, name)
    }

    /// The built-in classes (and their subclasses) whose one positional sub-pattern matches
    /// the subject itself: `int(x)`, `str(s)`, …
    fn matches_self(&self, cls: ObjRef) -> bool {
        let t = self.types();
        [t.int, t.float, t.str_, t.bytes, t.tuple, t.list, t.dict, t.set, t.frozenset]
            .into_iter()
            .any(|b| self.is_subclass(cls, b))
    }

    /// A new dict of `subject`'s items but those of the tuple `keys` (`**rest`).
    pub fn dict_without_keys(&mut self, subject: Value, keys: Value) -> R<Value> {
        let d = self.new_dict();
        self.dict_update_from(d, subject, false)?;
        for k in self.tuple_items(keys.as_obj()) {
            self.dict_del(d, k)?;
        }
        Ok(d)
    }
}
