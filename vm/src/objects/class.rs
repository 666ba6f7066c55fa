//! Classes: creation (C3 linearization with CPython's error, `__slots__`, the implicit
//! `__hash__ = None` next to `__eq__`, the `__class__` cell, `__set_name__`,
//! `__init_subclass__`), version tags for the JIT's guards, and the built-in class objects made
//! at start-up. This file never commits.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::value::Value;
use std::sync::atomic::{AtomicI64, Ordering};
use stm::ObjRef;

static VERSION: AtomicI64 = AtomicI64::new(1);

/// A fresh class version (unique in the process).
pub fn next_version() -> i64 {
    VERSION.fetch_add(1, Ordering::Relaxed)
}

impl Vm {
    /// Allocates a class object with an MRO computed from `bases`.
    pub fn new_class(
        &mut self,
        name: &str,
        bases: &[ObjRef],
        dict: Value,
        kind: u32,
        flags: i64,
        module: Value,
    ) -> R<ObjRef> {
        let n = self.new_str(name);
        let bases_t: Vec<Value> = bases.iter().map(|b| Value::obj(*b)).collect();
        let bases_v = self.new_tuple(&bases_t);
        let cls = self.alloc(tid::CLASS, 112);
        self.init(cls, CLS_NAME, n);
        self.init(cls, CLS_QUALNAME, n);
        self.init(cls, CLS_DICT, dict);
        self.init(cls, CLS_BASES, bases_v);
        self.init(cls, CLS_VERSION, Value::int(next_version()));
        self.init(cls, CLS_KIND, Value::int(kind as i64));
        self.init(cls, CLS_FLAGS, Value::int(flags));
        self.init(cls, CLS_MODULE, module);
        let mro = self.c3(cls, bases)?;
        let mro_v: Vec<Value> = mro.iter().map(|c| Value::obj(*c)).collect();
        let mro_t = self.new_tuple(&mro_v);
        self.init(cls, CLS_MRO, mro_t);
        for b in bases {
            let mut subs = self.rd(*b, CLS_SUBCLASSES);
            if subs.is_null() {
                subs = self.new_list(&[]);
                self.st(*b, CLS_SUBCLASSES, subs)?;
            }
            self.list_append(subs, Value::obj(cls))?;
        }
        Ok(cls)
    }

    fn c3(&mut self, cls: ObjRef, bases: &[ObjRef]) -> R<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = Vec::new();
        for b in bases {
            let m = self.rd(*b, CLS_MRO).as_obj();
            seqs.push((0..self.tuple_len(m)).map(|i| self.tuple_get(m, i).as_obj()).collect());
        }
        seqs.push(bases.to_vec());
        let mut out = vec![cls];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let cand = seqs.iter().map(|s| s[0]).find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
            match cand {
                Some(c) => {
                    out.push(c);
                    for s in seqs.iter_mut() {
                        if s[0] == c {
                            s.remove(0);
                        }
                    }
                }
                None => {
                    let names: Vec<String> = bases.iter().map(|b| self.class_name(*b)).collect();
                    return Err(self.new_error(
                        "TypeError",
                        &format!(
                            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                            names.join(", ")
                        ),
                    ));
                }
            }
        }
    }

    /// `__build_class__(func, name, *bases, **kw)`.
    pub fn build_class(&mut self, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
        if args.len() < 2 {
            return Err(self.new_error("TypeError", "__build_class__: not enough arguments"));
        }
        let (func, name) = (args[0], args[1]);
        let name_s = self.str_of(name);
        let t = self.types();
        let object = t.object;
        // PEP 560: a base that is not a class (`List[int]`, `list[int]`) names its classes
        // through `__mro_entries__`; the bases as written are kept as `__orig_bases__`.
        let orig: Vec<Value> = args[2..].to_vec();
        let mut written = Vec::with_capacity(orig.len());
        let mut orig_bases = None;
        for &b in &orig {
            if self.tid_of(b) != tid::CLASS
                && let Some(m) = self.lookup_type_attr(b, "__mro_entries__")?
            {
                let t = *orig_bases.get_or_insert_with(|| self.new_tuple(&orig));
                let r = self.call_value(m, &[b, t], &[])?;
                if self.tid_of(r) != tid::TUPLE {
                    return Err(self.new_error("TypeError", "__mro_entries__ must return a tuple"));
                }
                written.extend(self.tuple_items(r.as_obj()));
            } else {
                written.push(b);
            }
        }
        let mut bases = Vec::new();
        for b in &written {
            if self.tid_of(*b) != tid::CLASS {
                let tn = self.type_name(*b);
                return Err(self.new_error("TypeError", &format!("bases must be types, not {tn}")));
            }
            let bo = b.as_obj();
            let f = self.rd(bo, CLS_FLAGS).as_int();
            if f & CLSF_BUILTIN != 0 && bo != object && bo != self.types().type_ {
                let bn = self.class_name(bo);
                if !crate::runtime::NATIVE_BASES.contains(&bn.as_str()) {
                    return Err(self.new_error("TypeError", &format!("type '{bn}' is not an acceptable base type")));
                }
            }
            if bases.contains(&bo) {
                let bn = self.class_name(bo);
                return Err(self.new_error("TypeError", &format!("duplicate base class {bn}")));
            }
            bases.push(bo);
        }
        if bases.is_empty() {
            bases.push(object);
        }
        let mut class_kw = Vec::new();
        let mut explicit = None;
        for (k, v) in kw {
            if self.with_str(k.as_obj(), |s| s == "metaclass") {
                explicit = Some(*v);
            } else {
                class_kw.push((*k, *v));
            }
        }
        // The metaclass: the explicit one, or the most derived of the bases' metaclasses (a
        // class given explicitly must also be at least as derived as theirs).
        let type_ = self.types().type_;
        let meta = match explicit {
            Some(m) if self.tid_of(m) != tid::CLASS => m,
            _ => Value::obj(self.most_derived_meta(explicit.map_or(type_, |m| m.as_obj()), &bases)?),
        };
        if meta == Value::obj(type_) {
            // Run the body with a fresh namespace.
            let ns = self.new_dict();
            let f = self.setup_frame(func, &[], &[])?;
            self.st(f, F_LOCALS, ns)?;
            self.run_frame(f)?;
            if let Some(t) = orig_bases {
                let k = self.s("__orig_bases__");
                self.dict_set(ns, k, t)?;
            }
            return self.create_class(&name_s, &bases, ns, &class_kw, None);
        }
        let bases_t = self.new_tuple(&written);
        let pk = self.s("__prepare__");
        let ns = match self.getattr_opt(meta, pk)? {
            Some(p) => self.call_value(p, &[name, bases_t], &class_kw)?,
            None => self.new_dict(),
        };
        let f = self.setup_frame(func, &[], &[])?;
        self.st(f, F_LOCALS, ns)?;
        self.run_frame(f)?;
        if let Some(t) = orig_bases {
            let k = self.s("__orig_bases__");
            self.setitem(ns, k, t)?;
        }
        self.call_value(meta, &[name, bases_t, ns], &class_kw)
    }

    /// The most derived of `start` and the bases' metaclasses (TypeError when they conflict).
    pub fn most_derived_meta(&mut self, start: ObjRef, bases: &[ObjRef]) -> R<ObjRef> {
        let mut winner = start;
        for b in bases {
            let mb = self.type_of(Value::obj(*b));
            if self.is_subclass(winner, mb) {
                continue;
            }
            if self.is_subclass(mb, winner) {
                winner = mb;
            } else {
                return Err(self.new_error(
                    "TypeError",
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
        }
        Ok(winner)
    }

    /// A name in a namespace that may be a mapping other than a dict (a class body's namespace
    /// from `__prepare__`): None when it is not there.
    pub fn locals_get(&mut self, locals: Value, key: Value) -> R<Option<Value>> {
        if self.tid_of(locals) == tid::DICT {
            return self.dict_get(locals, key);
        }
        match self.getitem(locals, key) {
            Ok(v) => Ok(Some(v)),
            Err(crate::interp::Unwind::Exc(e)) if self.isinstance_name(e, "KeyError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A method the metaclass of `cls` defines in Python (searched in the metaclass's MRO up
    /// to the first built-in class, so `type`'s and `object`'s own methods are not found).
    pub fn meta_method(&mut self, cls: ObjRef, name: &'static str) -> R<Option<Value>> {
        if self.ld(cls, CLS_META).is_null() {
            // (Before `sk`, which may make the name's str.)
            return Ok(None);
        }
        let key = self.sk(name);
        self.meta_method_key(cls, key)
    }

    /// [`Vm::meta_method`] for a name given as a str object.
    pub fn meta_method_key(&mut self, cls: ObjRef, key: Value) -> R<Option<Value>> {
        let m = self.ld(cls, CLS_META);
        if m.is_null() {
            return Ok(None);
        }
        let mro = self.rd(m.as_obj(), CLS_MRO).as_obj();
        for i in 0..self.tuple_len(mro) {
            let c = self.tuple_get(mro, i).as_obj();
            if self.rd(c, CLS_FLAGS).as_int() & CLSF_BUILTIN != 0 {
                break;
            }
            let d = self.rd(c, CLS_DICT);
            if let Some(v) = self.dict_get(d, key)? {
                return Ok(Some(self.bind(v, Value::obj(cls), m.as_obj())?));
            }
        }
        Ok(None)
    }

    /// `type(name, bases, dict)` and class statements; `meta`: the metaclass when it is not
    /// `type`.
    pub fn create_class(
        &mut self,
        name: &str,
        bases: &[ObjRef],
        ns: Value,
        kw: &[(Value, Value)],
        meta: Option<ObjRef>,
    ) -> R<Value> {
        let dict = self.new_dict();
        if self.tid_of(ns) == tid::DICT {
            self.dict_update_from(dict, ns, false)?;
        } else {
            // A namespace from __prepare__ that is a dict subclass or another mapping.
            let native = self.native_of(ns);
            match native {
                Some(d) if self.tid_of(d) == tid::DICT => self.dict_update_from(dict, d, false)?,
                _ => {
                    let km = self.s("keys");
                    let km = self.getattr(ns, km)?;
                    let keys = self.call_value(km, &[], &[])?;
                    for k in self.iter_collect(keys)? {
                        let v = self.getitem(ns, k)?;
                        self.dict_set(dict, k, v)?;
                    }
                }
            }
        }
        let mut flags = 0;
        for b in bases {
            flags |= self.rd(*b, CLS_FLAGS).as_int()
                & (CLSF_HAS_GETATTR | CLSF_HAS_SETATTR | CLSF_EXCEPTION | CLSF_HAS_GETATTRIBUTE);
        }
        for (n, f) in [
            ("__setattr__", CLSF_HAS_SETATTR),
            ("__getattr__", CLSF_HAS_GETATTR),
            ("__getattribute__", CLSF_HAS_GETATTRIBUTE),
        ] {
            let k = self.s(n);
            if self.dict_contains(dict, k)? {
                flags |= f;
            }
        }
        let eq = self.s("__eq__");
        let hash = self.s("__hash__");
        if self.dict_contains(dict, eq)? && !self.dict_contains(dict, hash)? {
            self.dict_set(dict, hash, Value::NONE)?;
        }
        // Plain functions named __new__, __init_subclass__ and __class_getitem__ are implicit
        // static/class methods.
        for (n, k) in [
            ("__new__", tid::STATICMETHOD),
            ("__init_subclass__", tid::CLASSMETHOD),
            ("__class_getitem__", tid::CLASSMETHOD),
        ] {
            let key = self.s(n);
            if let Some(f) = self.dict_get(dict, key)?
                && self.tid_of(f) == tid::FUNCTION
            {
                let w = self.new_fixed(k, 16, &[f]);
                self.dict_set(dict, key, w)?;
            }
        }
        let modkey = self.s("__module__");
        let module = self.dict_get(dict, modkey)?.unwrap_or(Value::NONE);
        let cls = self.new_class(name, bases, dict, tid::INSTANCE, flags, module)?;
        if let Some(m) = meta {
            self.init(cls, CLS_META, Value::obj(m));
        }
        let qk = self.s("__qualname__");
        if let Some(q) = self.dict_get(dict, qk)? {
            self.st(cls, CLS_QUALNAME, q)?;
            self.dict_del(dict, qk)?;
        }
        // __slots__.
        let sk = self.s("__slots__");
        if let Some(s) = self.dict_get(dict, sk)? {
            let names = if self.is_str(s) { vec![s] } else { self.iter_collect(s)? };
            let mut has_dict = false;
            for n in &names {
                if self.with_str(n.as_obj(), |x| x == "__dict__") {
                    has_dict = true;
                }
            }
            // Private slot names are mangled with the class name, as the compiler mangles
            // `self.__x` inside the class.
            let mut mangled = Vec::with_capacity(names.len());
            for n in names {
                let text = if self.is_str(n) { self.str_of(n) } else { String::new() };
                match crate::compile::mangle_private(name, &text) {
                    Some(m) => mangled.push(self.new_str(&m)),
                    None => mangled.push(n),
                }
            }
            let t = self.new_tuple(&mangled);
            self.st(cls, CLS_SLOTS, t)?;
            let object = self.types().object;
            let bases_no_dict =
                bases.iter().all(|b| *b == object || self.rd(*b, CLS_FLAGS).as_int() & CLSF_NO_DICT != 0);
            if !has_dict && bases_no_dict {
                let f = self.rd(cls, CLS_FLAGS).as_int() | CLSF_NO_DICT;
                self.st(cls, CLS_FLAGS, Value::int(f))?;
            }
        }
        // The __class__ cell for zero-argument super().
        let ck = self.s("__classcell__");
        if let Some(cell) = self.dict_get(dict, ck)? {
            self.st(cell.as_obj(), CELL_VAL, Value::obj(cls))?;
            self.dict_del(dict, ck)?;
        }
        // __set_name__ on descriptors.
        for (k, v) in self.dict_items(dict) {
            if self.tid_of(v) == tid::INSTANCE
                && let Some(m) = self.lookup_type_attr(v, "__set_name__")?
            {
                self.call_value(m, &[v, Value::obj(cls), k], &[])?;
            }
        }
        // __init_subclass__ of the nearest base that has one.
        let mro = self.rd(cls, CLS_MRO).as_obj();
        let isk = self.s("__init_subclass__");
        for i in 1..self.tuple_len(mro) {
            let c = self.tuple_get(mro, i).as_obj();
            let d = self.rd(c, CLS_DICT);
            if let Some(m) = self.dict_get(d, isk)? {
                let f = if self.tid_of(m) == tid::CLASSMETHOD { self.ld(m.as_obj(), WRAP_FUNC) } else { m };
                if self.tid_of(f) == tid::FUNCTION {
                    self.call_value(f, &[Value::obj(cls)], kw)?;
                } else if !kw.is_empty() {
                    return Err(
                        self.new_error("TypeError", &format!("{name}.__init_subclass__() takes no keyword arguments"))
                    );
                }
                break;
            }
        }
        Ok(Value::obj(cls))
    }

    /// `super(cls, obj)`: the attribute after `cls` in the MRO of obj's class.
    pub fn super_getattr(&mut self, sup: ObjRef, key: Value) -> R<Value> {
        let start = self.ld(sup, SUPER_TYPE).as_obj();
        let obj = self.ld(sup, SUPER_OBJ);
        let ocls = if self.tid_of(obj) == tid::CLASS && self.is_subclass(obj.as_obj(), start) {
            obj.as_obj()
        } else {
            self.type_of(obj)
        };
        let mro = self.rd(ocls, CLS_MRO).as_obj();
        let n = self.tuple_len(mro);
        let mut i = 0;
        while i < n && self.tuple_get(mro, i).as_obj() != start {
            i += 1;
        }
        for j in i + 1..n {
            let c = self.tuple_get(mro, j).as_obj();
            let d = self.rd(c, CLS_DICT);
            if let Some(v) = self.dict_get(d, key)? {
                if self.tid_of(obj) == tid::CLASS && ocls == obj.as_obj() {
                    return Ok(match self.tid_of(v) {
                        tid::CLASSMETHOD => {
                            let f = self.ld(v.as_obj(), WRAP_FUNC);
                            self.new_fixed(tid::METHOD, 32, &[obj, f])
                        }
                        tid::STATICMETHOD => self.ld(v.as_obj(), WRAP_FUNC),
                        _ => v,
                    });
                }
                return self.bind(v, obj, ocls);
            }
        }
        let n = self.str_of(key);
        Err(self.new_error("AttributeError", &format!("'super' object has no attribute '{n}'")))
    }
}
