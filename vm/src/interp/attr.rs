//! Attribute access: the type of a value, MRO lookups, instance attributes in map-described
//! slots, descriptors (functions become bound methods; property, staticmethod, classmethod),
//! `__getattr__`/`__setattr__` hooks, module and class attributes. This file never commits.

use super::{R, Unwind, Vm};
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

/// Bits 40.. of a str's STR_CLEN word hold its interned name id + 1 (0: not interned).
pub const INTERN_SHIFT: u32 = 40;

/// The lookup cache: one entry per (class, version, name) hash slot. Entries hold heap
/// references, so the cache is emptied whenever objects may have moved (a collection) or other
/// threads' commits may have changed classes (a new transaction); a class whose dict or any
/// base changed has a new version, so its old entries miss.
pub const MCACHE_SIZE: usize = 2048;
/// Entries of `Vm::sk`'s cache of static names.
pub const SCACHE_SIZE: usize = 256;
/// Entries of `Vm::name_id`'s cache of the ids of unmarked strs.
pub const NCACHE_SIZE: usize = 256;

#[derive(Copy, Clone, Default)]
pub struct MCacheEntry {
    cls: u64,
    version: i64,
    name: u32,
    value: Value,
}

impl Vm {
    /// The class of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> ObjRef {
        let t = self.types();
        if v.is_int() {
            return t.int;
        }
        if !v.is_ref() {
            return match v {
                Value::NONE => t.none,
                Value::TRUE | Value::FALSE => t.bool_,
                Value::NOT_IMPLEMENTED => t.notimpl,
                _ => t.ellipsis,
            };
        }
        let o = v.as_obj();
        match self.tid(o) {
            tid::INSTANCE => self.rd(o, INST_CLASS).as_obj(),
            tid::ITER => t.iters[self.ld(o, IT_KIND).as_int() as usize],
            tid::CLASS => {
                let m = self.ld(o, CLS_META);
                if m.is_null() { t.type_ } else { m.as_obj() }
            }
            k => t.by_tid[k as usize],
        }
    }

    pub fn class_name(&self, cls: ObjRef) -> String {
        self.str_of(self.rd(cls, CLS_NAME))
    }
    pub fn type_name(&self, v: Value) -> String {
        self.class_name(self.type_of(v))
    }

    /// The interned id of a name (a str value).
    pub fn name_id(&self, key: Value) -> u32 {
        let w = self.raw(key.as_obj(), STR_CLEN) >> INTERN_SHIFT;
        if w != 0 {
            return (w - 1) as u32;
        }
        // A str made at run time (a computed attribute name, a dict key): its id by address,
        // valid until the cache is emptied (objects stay where they are until then).
        let at = key.0;
        let e = &self.ncache[((at >> 4) ^ (at >> 12)) as usize & (NCACHE_SIZE - 1)];
        match e.get() {
            (a, id) if a == at => id,
            _ => {
                let id = self.intern_value(key);
                e.set((at, id));
                id
            }
        }
    }

    /// A str for a name, marked with its interned id (for code names and attribute keys).
    pub fn new_name_str(&mut self, s: &str) -> Value {
        let v = self.new_str(s);
        let id = self.rt.intern(s) as u64;
        let o = v.as_obj();
        let w = self.raw(o, STR_CLEN) | ((id + 1) << INTERN_SHIFT);
        self.m.th().store_u64(o, STR_CLEN, w);
        // Names are hashed now, while the str is young and its hash can be kept.
        self.str_hash(o);
        v
    }

    /// `s` for a name written in pystm's source: a small cache keyed by the text's address (a
    /// static text never changes) skips hashing it. Only shared strs are cached: they are old
    /// and live for good.
    #[inline]
    pub fn sk(&mut self, name: &'static str) -> Value {
        let at = name.as_ptr() as usize;
        let h = ((at >> 3) ^ (at >> 13)) & (SCACHE_SIZE - 1);
        let (a, n, o) = self.scache[h];
        if a == at && n == name.len() {
            return Value(o);
        }
        match self.shared_str(name) {
            Some(o) => {
                self.scache[h] = (at, name.len(), Value::obj(o).0);
                Value::obj(o)
            }
            None => self.new_name_str(name),
        }
    }

    /// A str for a name known to Rust code (shared, created at start-up when listed).
    pub fn s(&mut self, name: &str) -> Value {
        match self.shared_str(name) {
            Some(o) => Value::obj(o),
            None => self.new_name_str(name),
        }
    }

    /// The shared str made at start-up for `name`, if it is one of those.
    fn shared_str(&self, name: &str) -> Option<ObjRef> {
        self.rt.strs.get()?.get(name).copied()
    }

    pub fn mcache_flush(&mut self) {
        self.mcache.fill(MCacheEntry::default());
        self.ncache.iter().for_each(|e| e.set((0, 0)));
    }

    /// `name` along the MRO of class `cls` (cached).
    #[inline]
    pub fn class_lookup_key(&mut self, cls: ObjRef, key: Value) -> R<Option<Value>> {
        // A change to the class or any base gives the class a new version: stale entries miss.
        let version = self.rd(cls, CLS_VERSION).as_int();
        let name = self.name_id(key);
        let h = (((cls.0 >> 4) ^ (name as u64).wrapping_mul(0x9E37_79B9)) as usize) & (MCACHE_SIZE - 1);
        let e = self.mcache[h];
        if e.cls == cls.0 && e.version == version && e.name == name {
            return Ok(if e.value.is_null() { None } else { Some(e.value) });
        }
        let r = self.class_lookup_slow(cls, key)?;
        self.mcache[h] = MCacheEntry { cls: cls.0, version, name, value: r.unwrap_or(Value::NULL) };
        Ok(r)
    }

    fn class_lookup_slow(&mut self, cls: ObjRef, key: Value) -> R<Option<Value>> {
        let mro = self.rd(cls, CLS_MRO).as_obj();
        for i in 0..self.tuple_len(mro) {
            let c = self.tuple_get(mro, i).as_obj();
            let d = self.rd(c, CLS_DICT);
            if let Some(v) = self.dict_get(d, key)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
    pub fn class_lookup(&mut self, cls: ObjRef, name: &'static str) -> R<Option<Value>> {
        let k = self.sk(name);
        self.class_lookup_key(cls, k)
    }
    /// `name` looked up on the type of `v` (special method lookup).
    pub fn lookup_type_attr(&mut self, v: Value, name: &'static str) -> R<Option<Value>> {
        let t = self.type_of(v);
        self.class_lookup(t, name)
    }

    pub fn is_subclass(&self, a: ObjRef, b: ObjRef) -> bool {
        if a == b {
            return true;
        }
        let mro = self.rd(a, CLS_MRO).as_obj();
        (0..self.tuple_len(mro)).any(|i| self.tuple_get(mro, i).as_obj() == b)
    }
    pub fn isinstance(&self, v: Value, cls: ObjRef) -> bool {
        self.is_subclass(self.type_of(v), cls)
    }
    pub fn isinstance_name(&self, v: Value, exc: &str) -> bool {
        self.isinstance(v, self.exc_type(exc))
    }

    /// The built-in value inside an instance of a subclass of a built-in type.
    #[inline]
    pub fn native_of(&self, v: Value) -> Option<Value> {
        if v.is_ref() && self.tid(v.as_obj()) == tid::INSTANCE {
            let n = self.ld(v.as_obj(), INST_NATIVE);
            if !n.is_null() {
                return Some(n);
            }
        }
        None
    }

    /// `builtin.__new__(cls, ...)` result: the built-in value itself when `cls` is the
    /// built-in type, else an instance of the subclass wrapping it.
    pub fn wrap_native(&mut self, cls: Value, builtin: ObjRef, v: Value) -> Value {
        if cls.is_ref() && cls.as_obj() != builtin && self.tid_of(cls) == tid::CLASS {
            let o = self.new_instance(cls.as_obj());
            self.init(o.as_obj(), INST_NATIVE, v);
            return o;
        }
        v
    }

    pub fn new_instance(&mut self, cls: ObjRef) -> Value {
        self.new_fixed(tid::INSTANCE, 48, &[Value::obj(cls), Value::int(0), Value::NULL, Value::NULL])
    }

    fn map_names(&self, map: u32) -> &'static [u32] {
        &self.rt.map(map).names
    }

    /// Whether the instance keeps its attributes in a dict (its `__dict__` was asked for).
    fn dict_mode(&self, o: ObjRef) -> Option<Value> {
        (self.rd(o, INST_MAP).as_int() == DICT_MODE).then(|| self.rd(o, INST_SLOTS))
    }

    /// The instance's attribute dict, made on first request: from then on the instance keeps its
    /// attributes there (map `DICT_MODE`), so that writes through `__dict__` are attribute
    /// writes, as in CPython. Inline caches never match such an instance.
    pub fn instance_dict(&mut self, o: ObjRef) -> R<Value> {
        if let Some(d) = self.dict_mode(o) {
            return Ok(d);
        }
        let d = self.new_dict();
        for (a, v) in self.instance_items(o) {
            self.dict_set(d, a, v)?;
        }
        self.st(o, INST_SLOTS, d)?;
        self.st(o, INST_MAP, Value::int(DICT_MODE))?;
        Ok(d)
    }

    /// `o.__dict__ = d`.
    pub fn set_instance_dict(&mut self, o: ObjRef, d: Value) -> R<()> {
        // A dict subclass instance (`self.__dict__ = self` in an AttrDict) gives its dict.
        let d = self.native_of(d).unwrap_or(d);
        if self.tid_of(d) != tid::DICT {
            let tn = self.type_name(d);
            return Err(self.new_error("TypeError", &format!("__dict__ must be set to a dictionary, not a '{tn}'")));
        }
        self.st(o, INST_SLOTS, d)?;
        self.st(o, INST_MAP, Value::int(DICT_MODE))
    }

    /// An instance attribute from its slots (or its dict).
    pub fn instance_get(&mut self, o: ObjRef, key: Value) -> R<Option<Value>> {
        if let Some(d) = self.dict_mode(o) {
            return self.dict_get(d, key);
        }
        let map = self.rd(o, INST_MAP).as_int() as u32;
        if map == 0 {
            return Ok(None);
        }
        let id = self.name_id(key);
        let Some(i) = self.map_names(map).iter().position(|&n| n == id) else { return Ok(None) };
        let slots = self.rd(o, INST_SLOTS).as_obj();
        let v = self.rd(slots, ARRAY_ITEMS + 8 * i as u64);
        Ok(if v.is_null() { None } else { Some(v) })
    }

    pub fn instance_set(&mut self, o: ObjRef, key: Value, v: Value) -> R<()> {
        if let Some(d) = self.dict_mode(o) {
            return self.dict_set(d, key, v);
        }
        let map = self.rd(o, INST_MAP).as_int() as u32;
        let id = self.name_id(key);
        let names = self.map_names(map);
        if let Some(i) = names.iter().position(|&n| n == id) {
            let slots = self.rd(o, INST_SLOTS).as_obj();
            return self.st(slots, ARRAY_ITEMS + 8 * i as u64, v);
        }
        let i = names.len();
        let new_map = self.rt.map_add(map, id);
        let slots = self.slots_for(o, i)?;
        self.st(slots, ARRAY_ITEMS + 8 * i as u64, v)?;
        self.st(o, INST_MAP, Value::int(new_map as i64))
    }

    /// The slots array of instance `o`, which uses its first `used` slots, with room for one
    /// more (a bigger copy replaces it when full).
    #[inline]
    pub fn slots_for(&mut self, o: ObjRef, used: usize) -> R<ObjRef> {
        let slots = self.rd(o, INST_SLOTS);
        let cap = if slots.is_null() { 0 } else { self.raw(slots.as_obj(), ARRAY_CAP) as usize };
        if used < cap {
            return Ok(slots.as_obj());
        }
        let n = self.new_array((cap * 2).max(4));
        for j in 0..used {
            let x = self.rd(slots.as_obj(), ARRAY_ITEMS + 8 * j as u64);
            self.init(n, ARRAY_ITEMS + 8 * j as u64, x);
        }
        self.st(o, INST_SLOTS, Value::obj(n))?;
        Ok(n)
    }

    /// Deletes an instance attribute (the slot becomes empty); false if it was not there.
    pub fn instance_del(&mut self, o: ObjRef, key: Value) -> R<bool> {
        if let Some(d) = self.dict_mode(o) {
            return self.dict_del(d, key);
        }
        if self.instance_get(o, key)?.is_none() {
            return Ok(false);
        }
        let map = self.rd(o, INST_MAP).as_int() as u32;
        let id = self.name_id(key);
        let i = self.map_names(map).iter().position(|&n| n == id).unwrap();
        let slots = self.rd(o, INST_SLOTS).as_obj();
        self.st(slots, ARRAY_ITEMS + 8 * i as u64, Value::NULL)?;
        Ok(true)
    }

    /// The instance's attributes as (name, value) pairs in map order.
    pub fn instance_items(&mut self, o: ObjRef) -> Vec<(Value, Value)> {
        if let Some(d) = self.dict_mode(o) {
            return self.dict_items(d);
        }
        let map = self.rd(o, INST_MAP).as_int() as u32;
        let names = self.map_names(map);
        let mut out = Vec::new();
        for (i, &n) in names.iter().enumerate() {
            let slots = self.rd(o, INST_SLOTS).as_obj();
            let v = self.rd(slots, ARRAY_ITEMS + 8 * i as u64);
            if !v.is_null() {
                let name = self.rt.name(n);
                let k = self.new_name_str(&name);
                out.push((k, v));
            }
        }
        out
    }

    /// Binds a class attribute found for instance `o` (the descriptor protocol).
    pub fn bind(&mut self, descr: Value, o: Value, cls: ObjRef) -> R<Value> {
        Ok(match self.tid_of(descr) {
            tid::FUNCTION => self.new_fixed(tid::METHOD, 32, &[o, descr]),
            tid::BUILTIN => {
                let id = self.ld(descr.as_obj(), BI_ID);
                if self.ld(descr.as_obj(), BI_SELF).is_null() && !self.is_static_builtin(id) {
                    self.new_fixed(tid::BUILTIN, 32, &[id, o])
                } else {
                    descr
                }
            }
            tid::CLASSMETHOD => {
                let f = self.ld(descr.as_obj(), WRAP_FUNC);
                self.new_fixed(tid::METHOD, 32, &[Value::obj(cls), f])
            }
            tid::STATICMETHOD => self.ld(descr.as_obj(), WRAP_FUNC),
            tid::PROPERTY => {
                let g = self.ld(descr.as_obj(), PROP_GET);
                if g == Value::NONE || g.is_null() {
                    let n = self.type_name(o);
                    return Err(self.new_error("AttributeError", &format!("property of '{n}' object has no getter")));
                }
                self.call_value(g, &[o], &[])?
            }
            tid::INSTANCE => match self.lookup_type_attr(descr, "__get__")? {
                Some(get) => self.call_value(get, &[descr, o, Value::obj(cls)], &[])?,
                None => descr,
            },
            _ => descr,
        })
    }

    /// Whether a class attribute is a data descriptor (it takes precedence over the instance's
    /// own attributes): a property, or an object whose class defines `__set__` or `__delete__`.
    pub fn is_data_descriptor(&mut self, d: Value) -> R<bool> {
        Ok(match self.tid_of(d) {
            tid::PROPERTY => true,
            tid::INSTANCE => {
                self.lookup_type_attr(d, "__set__")?.is_some() || self.lookup_type_attr(d, "__delete__")?.is_some()
            }
            _ => false,
        })
    }

    fn is_static_builtin(&self, id: Value) -> bool {
        !self.rt.builtin_def(id.as_int() as u32).binds
    }

    fn int_value_of(&mut self, v: Value) -> Value {
        match self.small_int(v) {
            Some(i) => Value::int(i),
            None => v,
        }
    }

    pub fn getattr_str(&mut self, o: Value, name: &str) -> R<Value> {
        let k = self.s(name);
        self.getattr(o, k)
    }

    pub fn set_attr_str(&mut self, o: Value, name: &str, v: Value) -> R<()> {
        let k = self.s(name);
        self.setattr(o, k, v)
    }

    /// `getattr(o, key)` or None when missing (AttributeError swallowed), like CPython's
    /// `_PyObject_LookupAttr`: where no hook can see the miss (the generic lookup of a type with
    /// no `__getattribute__`/`__getattr__`, or a class whose metaclass is `type`), a miss builds
    /// no exception at all.
    pub fn getattr_opt(&mut self, o: Value, key: Value) -> R<Option<Value>> {
        let k = self.tid_of(o);
        let hooks = self.rd(self.type_of(o), CLS_FLAGS).as_int() & (CLSF_HAS_GETATTRIBUTE | CLSF_HAS_GETATTR);
        let r = if k == tid::CLASS && self.ld(o.as_obj(), CLS_META).is_null() {
            self.class_attr(o.as_obj(), key)
        } else if !matches!(k, tid::CLASS | tid::SUPER | tid::MODULE) && hooks == 0 {
            self.generic_lookup(o, key)
        } else {
            self.getattr(o, key).map(Some)
        };
        match r {
            Err(Unwind::Exc(e)) if self.isinstance_name(e, "AttributeError") => Ok(None),
            r => r,
        }
    }

    pub fn getattr(&mut self, o: Value, key: Value) -> R<Value> {
        let t = self.type_of(o);
        let k = self.tid_of(o);
        if k == tid::CLASS {
            let cls = o.as_obj();
            return match self.class_getattr(cls, key) {
                // A metaclass's `__getattr__` is asked for what the class lacks.
                Err(Unwind::Exc(e))
                    if !self.ld(cls, CLS_META).is_null() && self.isinstance_name(e, "AttributeError") =>
                {
                    match self.meta_method(cls, "__getattr__")? {
                        Some(g) => self.call_value(g, &[key], &[]),
                        None => Err(Unwind::Exc(e)),
                    }
                }
                r => r,
            };
        }
        if k == tid::SUPER {
            return self.super_getattr(o.as_obj(), key);
        }
        if k == tid::MODULE {
            let d = self.ld(o.as_obj(), MOD_DICT);
            if let Some(v) = self.dict_get(d, key)? {
                return Ok(v);
            }
            if d == Value::obj(self.rt.globals().builtins)
                && let Some(v) = self.builtins_get(key)?
            {
                return Ok(v);
            }
        }
        if k == tid::INSTANCE && self.rd(t, CLS_FLAGS).as_int() & CLSF_HAS_GETATTRIBUTE != 0 {
            let ga = self.class_lookup(t, "__getattribute__")?.unwrap_or(Value::NULL);
            match self.call_value(ga, &[o, key], &[]) {
                Err(Unwind::Exc(e)) if self.isinstance_name(e, "AttributeError") => {
                    if let Some(g) = self.class_lookup(t, "__getattr__")? {
                        return self.call_value(g, &[o, key], &[]);
                    }
                    return Err(Unwind::Exc(e));
                }
                r => return r,
            }
        }
        match self.generic_getattr(o, key) {
            Err(Unwind::Exc(e))
                if self.rd(t, CLS_FLAGS).as_int() & CLSF_HAS_GETATTR != 0
                    && self.isinstance_name(e, "AttributeError") =>
            {
                let g = self.class_lookup(t, "__getattr__")?.unwrap_or(Value::NULL);
                self.call_value(g, &[o, key], &[])
            }
            r => r,
        }
    }

    /// `object.__getattribute__`: descriptors and the instance's attributes (`__getattr__` is
    /// the caller's).
    pub fn generic_getattr(&mut self, o: Value, key: Value) -> R<Value> {
        if let Some(v) = self.generic_lookup(o, key)? {
            return Ok(v);
        }
        let name = self.str_of(key);
        if self.tid_of(o) == tid::MODULE {
            let mn = self.str_of(self.ld(o.as_obj(), MOD_NAME));
            return Err(self.attr_error(&format!("module '{mn}' has no attribute '{name}'"), o, key));
        }
        let tn = self.class_name(self.type_of(o));
        Err(self.attr_error(&format!("'{tn}' object has no attribute '{name}'"), o, key))
    }

    /// The AttributeError of a failed lookup, with `name` and `obj` set as CPython 3.11 sets
    /// them (the traceback's "Did you mean" reads them).
    fn attr_error(&mut self, msg: &str, obj: Value, key: Value) -> Unwind {
        let u = self.new_error("AttributeError", msg);
        if let Unwind::Exc(e) = u {
            for (k, v) in [("name", key), ("obj", obj)] {
                if let Err(x) = self.set_attr_str(e, k, v) {
                    return x;
                }
            }
        }
        u
    }

    /// [`Vm::generic_getattr`] with None for a missing attribute (the error is not built).
    fn generic_lookup(&mut self, o: Value, key: Value) -> R<Option<Value>> {
        let t = self.type_of(o);
        let k = self.tid_of(o);
        let descr = self.class_lookup_key(t, key)?;
        if let Some(d) = descr
            && self.is_data_descriptor(d)?
        {
            return self.bind(d, o, t).map(Some);
        }
        if k == tid::INSTANCE {
            if let Some(v) = self.instance_get(o.as_obj(), key)? {
                return Ok(Some(v));
            }
        } else if let Some(v) = self.special_attr(o, key)? {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return self.bind(d, o, t).map(Some);
        }
        let (class, dict) = self.with_str(key.as_obj(), |n| (n == "__class__", n == "__dict__"));
        if class {
            return Ok(Some(Value::obj(t)));
        }
        if dict && k == tid::INSTANCE && self.rd(t, CLS_FLAGS).as_int() & CLSF_NO_DICT == 0 {
            return self.instance_dict(o.as_obj()).map(Some);
        }
        Ok(None)
    }

    fn class_getattr(&mut self, cls: ObjRef, key: Value) -> R<Value> {
        if let Some(v) = self.class_attr(cls, key)? {
            return Ok(v);
        }
        let (cn, name) = (self.class_name(cls), self.str_of(key));
        Err(self.attr_error(&format!("type object '{cn}' has no attribute '{name}'"), Value::obj(cls), key))
    }

    /// [`Vm::class_getattr`] with None for a missing attribute (the error is not built).
    fn class_attr(&mut self, cls: ObjRef, key: Value) -> R<Option<Value>> {
        if let Some(d) = self.class_lookup_key(cls, key)? {
            return Ok(Some(match self.tid_of(d) {
                tid::CLASSMETHOD => {
                    let f = self.ld(d.as_obj(), WRAP_FUNC);
                    self.new_fixed(tid::METHOD, 32, &[Value::obj(cls), f])
                }
                tid::STATICMETHOD => self.ld(d.as_obj(), WRAP_FUNC),
                tid::INSTANCE => match self.lookup_type_attr(d, "__get__")? {
                    Some(get) => self.call_value(get, &[d, Value::NONE, Value::obj(cls)], &[])?,
                    None => d,
                },
                _ => d,
            }));
        }
        // Attributes the metaclass defines (methods bound to the class, properties).
        if let Some(v) = self.meta_method_key(cls, key)? {
            return Ok(Some(v));
        }
        // (The name is not copied: misses are common, as `getattr(cls, name, default)` probes.)
        const SPECIAL: [&str; 9] = [
            "__name__",
            "__qualname__",
            "__mro__",
            "__bases__",
            "__base__",
            "__dict__",
            "__class__",
            "__module__",
            "__doc__",
        ];
        let v = match self.with_str(key.as_obj(), |n| SPECIAL.iter().position(|&a| a == n)) {
            Some(0) => self.rd(cls, CLS_NAME),
            Some(1) => self.rd(cls, CLS_QUALNAME),
            Some(2) => self.rd(cls, CLS_MRO),
            Some(3) => self.rd(cls, CLS_BASES),
            Some(4) => {
                let b = self.rd(cls, CLS_BASES).as_obj();
                if self.tuple_len(b) > 0 { self.tuple_get(b, 0) } else { Value::NONE }
            }
            Some(5) => {
                let d = self.rd(cls, CLS_DICT);
                let c = self.new_dict();
                self.dict_update_from(c, d, false)?;
                c
            }
            Some(6) => Value::obj(self.type_of(Value::obj(cls))),
            Some(7) => self.rd(cls, CLS_MODULE),
            Some(8) => Value::NONE,
            _ => {
                // Attributes of `type` itself (mro(), __subclasses__ ...).
                let ty = self.types().type_;
                return match self.class_lookup_key(ty, key)? {
                    Some(d) => self.bind(d, Value::obj(cls), ty).map(Some),
                    None => Ok(None),
                };
            }
        };
        Ok(Some(v))
    }

    /// Attributes of built-in objects kept in their layouts.
    fn special_attr(&mut self, o: Value, key: Value) -> R<Option<Value>> {
        let k = self.tid_of(o);
        if k == u32::MAX || k == tid::BIGINT || k == tid::FLOAT {
            // (No copy of the name: these are looked up for every missing attribute of a number.)
            let which = self
                .with_str(key.as_obj(), |n| ["real", "imag", "numerator", "denominator"].iter().position(|&a| a == n));
            let int_like = self.is_int_like(o);
            return Ok(match which {
                Some(0) if int_like || k == tid::FLOAT => Some(if int_like { self.int_value_of(o) } else { o }),
                Some(1) if int_like => Some(Value::int(0)),
                Some(1) if k == tid::FLOAT => Some(self.new_float(0.0)),
                Some(2) if int_like => Some(self.int_value_of(o)),
                Some(3) if int_like => Some(Value::int(1)),
                _ => None,
            });
        }
        // The kinds the match below knows; the others (str, list, dict, tuple, set...) have no
        // attributes kept in their layouts, and skip copying the name.
        if !matches!(
            k,
            tid::FUNCTION
                | tid::METHOD
                | tid::BUILTIN
                | tid::CELL
                | tid::MODULE
                | tid::GENERATOR
                | tid::COROUTINE
                | tid::ASYNC_GENERATOR
                | tid::RANGE
                | tid::SLICE
                | tid::PROPERTY
                | tid::STATICMETHOD
                | tid::CLASSMETHOD
                | tid::CODE
                | tid::TRACEBACK
                | tid::FRAME
        ) {
            return Ok(None);
        }
        let ob = o.as_obj();
        let name = self.str_of(key);
        Ok(Some(match (k, name.as_str()) {
            (tid::FUNCTION, "__name__") => self.rd(ob, FN_NAME),
            (tid::FUNCTION, "__qualname__") => self.rd(ob, FN_QUALNAME),
            (tid::FUNCTION, "__doc__") => self.rd(ob, FN_DOC),
            (tid::FUNCTION, "__module__") => self.rd(ob, FN_MODULE),
            (tid::FUNCTION, "__defaults__") => {
                let d = self.rd(ob, FN_DEFAULTS);
                if d.is_null() { Value::NONE } else { d }
            }
            (tid::FUNCTION, "__kwdefaults__") => {
                let d = self.rd(ob, FN_KWDEFAULTS);
                if d.is_null() { Value::NONE } else { d }
            }
            (tid::FUNCTION, "__closure__") => {
                let d = self.rd(ob, FN_CLOSURE);
                if d.is_null() { Value::NONE } else { d }
            }
            (tid::FUNCTION, "__globals__") => self.rd(ob, FN_GLOBALS),
            (tid::FUNCTION, "__code__") => self.rd(ob, FN_CODE),
            (tid::FUNCTION, "__dict__") => {
                let mut d = self.rd(ob, FN_DICT);
                if d.is_null() {
                    d = self.new_dict();
                    self.st(ob, FN_DICT, d)?;
                }
                d
            }
            (tid::FUNCTION, "__annotations__") => {
                let mut d = self.rd(ob, FN_DICT);
                if d.is_null() {
                    d = self.new_dict();
                    self.st(ob, FN_DICT, d)?;
                }
                match self.dict_get(d, key)? {
                    Some(a) => a,
                    None => {
                        let a = self.new_dict();
                        self.dict_set(d, key, a)?;
                        a
                    }
                }
            }
            (tid::FUNCTION, _) => {
                let d = self.rd(ob, FN_DICT);
                if d.is_null() {
                    return Ok(None);
                }
                return self.dict_get(d, key);
            }
            (tid::METHOD, "__self__") => self.ld(ob, METH_SELF),
            (tid::METHOD, "__func__") => self.ld(ob, METH_FUNC),
            (tid::METHOD, "__name__" | "__qualname__" | "__doc__" | "__module__") => {
                let f = self.ld(ob, METH_FUNC);
                return self.getattr(f, key).map(Some);
            }
            (tid::BUILTIN, "__name__" | "__qualname__") => {
                let (n, _) = self.rt.builtin(self.ld(ob, BI_ID).as_int() as u32);
                let short = n.rsplit('.').next().unwrap_or(n).trim_start_matches("static:");
                self.new_str(short)
            }
            (tid::BUILTIN, "__self__") => {
                let s = self.ld(ob, BI_SELF);
                if s.is_null() { Value::NONE } else { s }
            }
            (tid::CELL, "cell_contents") => {
                let v = self.rd(ob, CELL_VAL);
                if v.is_null() {
                    return Err(self.new_error("ValueError", "Cell is empty"));
                }
                v
            }
            (tid::MODULE, "__dict__") => self.ld(ob, MOD_DICT),
            (tid::MODULE, "__name__") => self.ld(ob, MOD_NAME),
            (tid::GENERATOR | tid::COROUTINE | tid::ASYNC_GENERATOR, "__name__") => self.rd(ob, GEN_NAME),
            (tid::GENERATOR | tid::COROUTINE | tid::ASYNC_GENERATOR, "__qualname__") => self.rd(ob, GEN_QUALNAME),
            (tid::RANGE | tid::SLICE, "start") => self.ld(ob, R_START),
            (tid::RANGE | tid::SLICE, "stop") => self.ld(ob, R_STOP),
            (tid::RANGE | tid::SLICE, "step") => self.ld(ob, R_STEP),
            (tid::PROPERTY, "fget") => self.ld(ob, PROP_GET),
            (tid::PROPERTY, "fset") => self.ld(ob, PROP_SET),
            (tid::PROPERTY, "fdel") => self.ld(ob, PROP_DEL),
            (tid::PROPERTY, "__doc__") => self.ld(ob, PROP_DOC),
            (tid::STATICMETHOD | tid::CLASSMETHOD, "__func__") => self.ld(ob, WRAP_FUNC),
            (tid::CODE, "co_name") => self.ld(ob, CODE_NAME),
            (tid::CODE, "co_qualname") => self.ld(ob, CODE_QUALNAME),
            (tid::CODE, "co_flags") => {
                use crate::compile::code::*;
                let c = get(self.ld(ob, CODE_ID).as_int() as u32);
                // CPython's values: CO_OPTIMIZED | CO_NEWLOCALS for functions, then the kinds.
                let mut f = if c.flags & CO_DICT_LOCALS == 0 { 0x3 } else { 0 };
                for (ours, theirs) in
                    [(CO_VARARGS, 0x4), (CO_VARKEYWORDS, 0x8), (CO_COROUTINE, 0x80), (CO_ASYNC_GENERATOR, 0x200)]
                {
                    if c.flags & ours != 0 {
                        f |= theirs;
                    }
                }
                if c.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) == CO_GENERATOR {
                    f |= 0x20;
                }
                Value::int(f)
            }
            (tid::CODE, n) => return Ok(self.code_attr(ob, n)),
            (tid::TRACEBACK, n) => return Ok(self.traceback_attr(ob, n)),
            (tid::FRAME, n) => return self.frame_attr(ob, n),
            (tid::GENERATOR, "gi_frame") | (tid::COROUTINE, "cr_frame") | (tid::ASYNC_GENERATOR, "ag_frame") => {
                let f = self.rd(ob, GEN_FRAME);
                if f.is_null() { Value::NONE } else { f }
            }
            (tid::GENERATOR, "gi_running") | (tid::COROUTINE, "cr_running") | (tid::ASYNC_GENERATOR, "ag_running") => {
                Value::bool(self.rd(ob, GEN_STATE).as_int() == crate::interp::call::GEN_RUNNING)
            }
            (tid::GENERATOR, "gi_code") | (tid::COROUTINE, "cr_code") | (tid::ASYNC_GENERATOR, "ag_code") => {
                let f = self.rd(ob, GEN_FRAME);
                if f.is_null() {
                    return Ok(None);
                }
                self.ld(f.as_obj(), F_CODE)
            }
            _ => return Ok(None),
        }))
    }

    /// Sets a class attribute (`type.__setattr__`).
    pub fn class_setattr(&mut self, cls: ObjRef, key: Value, v: Value) -> R<()> {
        if self.rd(cls, CLS_FLAGS).as_int() & CLSF_BUILTIN != 0 {
            let n = self.str_of(key);
            let cn = self.class_name(cls);
            return Err(self.new_error("TypeError", &format!("cannot set '{n}' attribute of immutable type '{cn}'")));
        }
        let d = self.rd(cls, CLS_DICT);
        self.dict_set(d, key, v)?;
        self.class_changed(cls, key)
    }

    /// Deletes a class attribute (`type.__delattr__`).
    pub fn class_delattr(&mut self, cls: ObjRef, key: Value) -> R<()> {
        let d = self.rd(cls, CLS_DICT);
        if !self.dict_del(d, key)? {
            let n = self.str_of(key);
            let cn = self.class_name(cls);
            return Err(self.new_error("AttributeError", &format!("type object '{cn}' has no attribute '{n}'")));
        }
        self.class_changed(cls, key)
    }

    pub fn setattr(&mut self, o: Value, key: Value, v: Value) -> R<()> {
        let t = self.type_of(o);
        let k = self.tid_of(o);
        if k == tid::CLASS {
            let cls = o.as_obj();
            if !self.ld(cls, CLS_META).is_null()
                && let Some(m) = self.meta_method(cls, "__setattr__")?
            {
                self.call_value(m, &[key, v], &[])?;
                return Ok(());
            }
            return self.class_setattr(cls, key, v);
        }
        if k == tid::MODULE {
            let d = self.ld(o.as_obj(), MOD_DICT);
            return self.dict_set(d, key, v);
        }
        let flags = self.rd(t, CLS_FLAGS).as_int();
        if flags & CLSF_HAS_SETATTR != 0
            && let Some(sa) = self.class_lookup(t, "__setattr__")?
            && self.tid_of(sa) == tid::FUNCTION
        {
            self.call_value(sa, &[o, key, v], &[])?;
            return Ok(());
        }
        self.generic_setattr(o, key, v)
    }

    /// `object.__setattr__`: descriptors, then the instance's own attributes.
    pub fn generic_setattr(&mut self, o: Value, key: Value, v: Value) -> R<()> {
        let t = self.type_of(o);
        let k = self.tid_of(o);
        let descr = self.class_lookup_key(t, key)?;
        if let Some(d) = descr
            && self.tid_of(d) == tid::INSTANCE
            && let Some(set) = self.lookup_type_attr(d, "__set__")?
        {
            self.call_value(set, &[d, o, v], &[])?;
            return Ok(());
        }
        if let Some(d) = descr
            && self.tid_of(d) == tid::PROPERTY
        {
            let s = self.ld(d.as_obj(), PROP_SET);
            if s.is_null() || s == Value::NONE {
                let n = self.str_of(key);
                let tn = self.class_name(t);
                return Err(self.new_error("AttributeError", &format!("property '{n}' of '{tn}' object has no setter")));
            }
            self.call_value(s, &[o, v], &[])?;
            return Ok(());
        }
        if self.with_str(key.as_obj(), |s| s == "__class__") {
            return self.set_class(o, v);
        }
        if k == tid::INSTANCE {
            if self.rd(t, CLS_FLAGS).as_int() & CLSF_NO_DICT == 0 && self.with_str(key.as_obj(), |s| s == "__dict__") {
                return self.set_instance_dict(o.as_obj(), v);
            }
            if self.rd(t, CLS_FLAGS).as_int() & CLSF_NO_DICT != 0 && !self.slot_allowed(t, key)? {
                let n = self.str_of(key);
                let tn = self.class_name(t);
                return Err(self.new_error("AttributeError", &format!("'{tn}' object has no attribute '{n}'")));
            }
            return self.instance_set(o.as_obj(), key, v);
        }
        if k == tid::FUNCTION {
            let ob = o.as_obj();
            let name = self.str_of(key);
            match name.as_str() {
                "__name__" => return self.st(ob, FN_NAME, v),
                "__qualname__" => return self.st(ob, FN_QUALNAME, v),
                "__doc__" => return self.st(ob, FN_DOC, v),
                "__module__" => return self.st(ob, FN_MODULE, v),
                "__defaults__" => return self.st(ob, FN_DEFAULTS, if v == Value::NONE { Value::NULL } else { v }),
                "__kwdefaults__" => return self.st(ob, FN_KWDEFAULTS, if v == Value::NONE { Value::NULL } else { v }),
                _ => {}
            }
            let mut d = self.rd(ob, FN_DICT);
            if d.is_null() {
                d = self.new_dict();
                self.st(ob, FN_DICT, d)?;
            }
            return self.dict_set(d, key, v);
        }
        if k == tid::TRACEBACK && self.with_str(key.as_obj(), |s| s == "tb_next") {
            return self.set_tb_next(o.as_obj(), v);
        }
        let n = self.str_of(key);
        let tn = self.class_name(t);
        if self.class_lookup_key(t, key)?.is_some() {
            return Err(self.new_error("AttributeError", &format!("'{tn}' object attribute '{n}' is read-only")));
        }
        Err(self.new_error("AttributeError", &format!("'{tn}' object has no attribute '{n}'")))
    }

    /// `obj.__class__ = cls` (`object.__class__`'s setter): instances of Python classes may
    /// change to another Python class whose instances are laid out alike (the same built-in
    /// base, `__dict__` or not, the same `__slots__`); maps are shared by all classes, so the
    /// instance keeps its attributes.
    fn set_class(&mut self, o: Value, v: Value) -> R<()> {
        if self.tid_of(v) != tid::CLASS {
            let tn = self.type_name(v);
            return Err(self.new_error("TypeError", &format!("__class__ must be set to a class, not '{tn}' object")));
        }
        let (old, new) = (self.type_of(o), v.as_obj());
        let python_class = |vm: &Vm, c: ObjRef| vm.rd(c, CLS_FLAGS).as_int() & CLSF_BUILTIN == 0;
        if self.tid_of(o) != tid::INSTANCE || !python_class(self, old) || !python_class(self, new) {
            return Err(self.new_error(
                "TypeError",
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        if new != old && self.instance_layout(new)? != self.instance_layout(old)? {
            let (n, m) = (self.class_name(new), self.class_name(old));
            return Err(
                self.new_error("TypeError", &format!("__class__ assignment: '{n}' object layout differs from '{m}'"))
            );
        }
        self.st(o.as_obj(), INST_CLASS, v)
    }

    /// What decides whether instances of two Python classes are laid out alike: the layout
    /// kind, whether they have a `__dict__`, and the `__slots__` names of the MRO.
    fn instance_layout(&mut self, cls: ObjRef) -> R<(i64, bool, Vec<String>)> {
        let kind = self.ld(cls, CLS_KIND).as_int();
        let no_dict = self.rd(cls, CLS_FLAGS).as_int() & CLSF_NO_DICT != 0;
        let mro = self.rd(cls, CLS_MRO).as_obj();
        let mut slots = Vec::new();
        for i in 0..self.tuple_len(mro) {
            let c = self.tuple_get(mro, i).as_obj();
            let names = self.rd(c, CLS_SLOTS);
            if !names.is_null() {
                for j in 0..self.tuple_len(names.as_obj()) {
                    let n = self.tuple_get(names.as_obj(), j);
                    slots.push(self.str_of(n));
                }
            }
        }
        Ok((kind, no_dict, slots))
    }

    /// `tb.tb_next = v` (None or a traceback that does not lead back to `tb`).
    fn set_tb_next(&mut self, tb: ObjRef, v: Value) -> R<()> {
        if v != Value::NONE && self.tid_of(v) != tid::TRACEBACK {
            let tn = self.type_name(v);
            return Err(self.new_error("TypeError", &format!("expected traceback object or None, got '{tn}'")));
        }
        let mut c = v;
        while c.is_ref() && self.tid_of(c) == tid::TRACEBACK {
            if c.as_obj() == tb {
                return Err(self.new_error("ValueError", "traceback loop detected"));
            }
            c = self.rd(c.as_obj(), TB_NEXT);
        }
        self.st(tb, TB_NEXT, if v == Value::NONE { Value::NULL } else { v })
    }

    fn slot_allowed(&mut self, t: ObjRef, key: Value) -> R<bool> {
        let mro = self.rd(t, CLS_MRO).as_obj();
        for i in 0..self.tuple_len(mro) {
            let c = self.tuple_get(mro, i).as_obj();
            let s = self.rd(c, CLS_SLOTS);
            if s.is_null() {
                continue;
            }
            for j in 0..self.tuple_len(s.as_obj()) {
                let n = self.tuple_get(s.as_obj(), j);
                if self.eq(n, key)? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    pub fn delattr(&mut self, o: Value, key: Value) -> R<()> {
        let t = self.type_of(o);
        let k = self.tid_of(o);
        if k == tid::CLASS {
            let cls = o.as_obj();
            if !self.ld(cls, CLS_META).is_null()
                && let Some(m) = self.meta_method(cls, "__delattr__")?
            {
                self.call_value(m, &[key], &[])?;
                return Ok(());
            }
            return self.class_delattr(cls, key);
        }
        if k == tid::MODULE {
            let d = self.ld(o.as_obj(), MOD_DICT);
            if self.dict_del(d, key)? {
                return Ok(());
            }
        }
        if let Some(da) = self.class_lookup(t, "__delattr__")?
            && self.tid_of(da) == tid::FUNCTION
        {
            self.call_value(da, &[o, key], &[])?;
            return Ok(());
        }
        let descr = self.class_lookup_key(t, key)?;
        if let Some(d) = descr
            && self.tid_of(d) == tid::INSTANCE
            && let Some(del) = self.lookup_type_attr(d, "__delete__")?
        {
            self.call_value(del, &[d, o], &[])?;
            return Ok(());
        }
        if let Some(d) = descr
            && self.tid_of(d) == tid::PROPERTY
        {
            let f = self.ld(d.as_obj(), PROP_DEL);
            if f.is_null() || f == Value::NONE {
                let n = self.str_of(key);
                let tn = self.class_name(t);
                return Err(
                    self.new_error("AttributeError", &format!("property '{n}' of '{tn}' object has no deleter"))
                );
            }
            self.call_value(f, &[o], &[])?;
            return Ok(());
        }
        if self.with_str(key.as_obj(), |s| s == "__class__") {
            return Err(self.new_error("TypeError", "can't delete __class__ attribute"));
        }
        if k == tid::INSTANCE && self.instance_del(o.as_obj(), key)? {
            return Ok(());
        }
        if k == tid::FUNCTION {
            let d = self.rd(o.as_obj(), FN_DICT);
            if !d.is_null() && self.dict_del(d, key)? {
                return Ok(());
            }
        }
        let n = self.str_of(key);
        let tn = self.class_name(t);
        Err(self.new_error("AttributeError", &format!("'{tn}' object has no attribute '{n}'")))
    }

    /// LOAD_METHOD: (function, self) for a plain method found on the type, else (attr, NULL).
    pub fn load_method(&mut self, o: Value, key: Value) -> R<(Value, Value)> {
        let k = self.tid_of(o);
        if k != tid::CLASS && k != tid::MODULE && k != tid::SUPER {
            let t = self.type_of(o);
            if k == tid::INSTANCE && self.rd(t, CLS_FLAGS).as_int() & CLSF_HAS_GETATTRIBUTE != 0 {
                return Ok((self.getattr(o, key)?, Value::NULL));
            }
            if let Some(d) = self.class_lookup_key(t, key)? {
                let dk = self.tid_of(d);
                let plain = dk == tid::FUNCTION
                    || (dk == tid::BUILTIN
                        && self.ld(d.as_obj(), BI_SELF).is_null()
                        && !self.is_static_builtin(self.ld(d.as_obj(), BI_ID)));
                if plain && (k != tid::INSTANCE || self.instance_get(o.as_obj(), key)?.is_none()) {
                    return Ok((d, o));
                }
            }
        }
        Ok((self.getattr(o, key)?, Value::NULL))
    }

    /// A class's dict changed: new version, and note hooks the fast paths must respect.
    pub fn class_changed(&mut self, cls: ObjRef, key: Value) -> R<()> {
        // This class and every subclass get a new version (caches keyed by version go stale).
        let mut todo = vec![cls];
        while let Some(c) = todo.pop() {
            let v = crate::objects::class::next_version();
            self.st(c, CLS_VERSION, Value::int(v))?;
            let subs = self.rd(c, CLS_SUBCLASSES);
            if !subs.is_null() {
                todo.extend(self.list_items(subs).into_iter().map(|s| s.as_obj()));
            }
        }
        let name = self.str_of(key);
        let mut flags = self.rd(cls, CLS_FLAGS).as_int();
        match name.as_str() {
            "__setattr__" => flags |= CLSF_HAS_SETATTR,
            "__getattr__" => flags |= CLSF_HAS_GETATTR,
            "__getattribute__" => flags |= CLSF_HAS_GETATTRIBUTE,
            _ => return Ok(()),
        }
        self.st(cls, CLS_FLAGS, Value::int(flags))
    }
}
