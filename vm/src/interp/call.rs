//! Calls: binding arguments into a new heap frame (CPython's rules and error messages),
//! functions and their code objects, bound methods, class instantiation (`__new__`/`__init__`),
//! built-in functions, and generators (a generator owns its frame and is resumed by a nested
//! dispatch loop). This file never commits.

use super::eval::ENTRY_INIT;
use super::{R, Unwind, Vm};
use crate::compile::code::{self, CO_VARARGS, CO_VARKEYWORDS, Code, Const};
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

/// Arguments with the receiver put first (on the stack for the usual few).
type Args = smallvec::SmallVec<[Value; 8]>;

/// Runs the built-in in `vm.builtin_target`, turning a Rust panic inside it (a bug, such as a
/// missing argument check) into a Python SystemError instead of a crash.
fn guarded(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    let (f, name) = vm.builtin_target;
    let depth = (vm.call_depth, vm.nesting, vm.frame, vm.repr_stack.len());
    let outer = vm.deferrable;
    vm.deferrable = std::mem::take(&mut vm.direct_call);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(vm, args, kw)));
    vm.deferrable = outer;
    match r {
        Ok(r) => r,
        Err(p) => {
            vm.pending = None;
            vm.call_depth = depth.0;
            vm.nesting = depth.1;
            vm.frame = depth.2;
            vm.repr_stack.truncate(depth.3);
            if !vm.m.th().in_transaction() {
                // Code that went on after a rollback (a bug): report the rollback, not a
                // second panic from making the error object outside a transaction.
                return Err(Unwind::Abort);
            }
            let why = crate::run::panic_message(&p);
            let short = name.rsplit('.').next().unwrap_or(name);
            if why.contains("index out of bounds") && args.len() < 4 {
                // A built-in read an argument it was not given.
                return Err(vm.new_error(
                    "TypeError",
                    &format!("{short}() missing a required argument ({} given)", args.len().saturating_sub(1)),
                ));
            }
            Err(vm.new_error("SystemError", &format!("{short}() failed inside pystm ({why}); please report this")))
        }
    }
}

pub enum Prepared {
    /// A frame to run (F_BACK not set yet).
    Frame(ObjRef),
    Done(Value),
}

/// A call that only copies its arguments into a new frame (`Vm::plain_call`).
pub struct PlainCall {
    pub func: Value,
    pub code: &'static Code,
    /// The argument before the call's own: the bound `self`, or the new instance of `__init__`.
    pub first: Option<Value>,
    /// The frame runs `__init__` for a class call (`ENTRY_INIT`; the instance is the result).
    pub init: bool,
}

/// Generator states.
pub const GEN_CREATED: i64 = 0;
pub const GEN_SUSPENDED: i64 = 1;
pub const GEN_RUNNING: i64 = 2;
pub const GEN_DONE: i64 = 3;

pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// Materializes code object `id` (and its nested code objects) on the heap.
    pub fn materialize_code(&mut self, id: u32) -> Value {
        let c = code::get(id);
        let consts: Vec<Value> = c.consts.iter().map(|k| self.const_value(k)).collect();
        let consts = self.new_tuple(&consts);
        let names: Vec<Value> = c.names.iter().map(|n| self.new_name_str(n)).collect();
        let names = self.new_tuple(&names);
        let name = self.new_str(&c.name);
        let qual = self.new_str(&c.qualname);
        self.new_fixed(tid::CODE, 48, &[Value::int(id as i64), consts, names, name, qual])
    }

    pub fn const_value(&mut self, k: &Const) -> Value {
        match k {
            Const::None => Value::NONE,
            Const::Bool(b) => Value::bool(*b),
            Const::Int(i) => self.new_int(*i),
            Const::BigInt(b) => crate::objects::int::big_to_value(self, b),
            Const::Float(f) => self.new_float(*f),
            Const::Str(s) => self.new_str(s),
            Const::Bytes(b) => self.new_bytes(b),
            Const::Tuple(t) => {
                let items: Vec<Value> = t.iter().map(|x| self.const_value(x)).collect();
                self.new_tuple(&items)
            }
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Code(id) => self.materialize_code(*id),
        }
    }

    pub fn make_function(
        &mut self,
        codeobj: Value,
        globals: Value,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> R<Value> {
        let co = codeobj.as_obj();
        let name = self.ld(co, CODE_NAME);
        let qual = self.ld(co, CODE_QUALNAME);
        let c = code::get(self.ld(co, CODE_ID).as_int() as u32);
        let doc = match &c.docstring {
            Some(d) => self.new_str(d),
            None => Value::NONE,
        };
        let modname = {
            let k = self.s("__name__");
            self.dict_get(globals, k)?.unwrap_or(Value::NONE)
        };
        Ok(self.new_fixed(
            tid::FUNCTION,
            96,
            &[
                codeobj,
                globals,
                defaults,
                kwdefaults,
                closure,
                name,
                qual,
                Value::NULL,
                modname,
                doc,
                Value::int(code::addr_word(c)),
            ],
        ))
    }

    #[inline]
    pub fn func_code(&self, f: ObjRef) -> &'static Code {
        code::from_addr_word(self.ld(f, FN_CODEPTR).as_int())
    }

    /// A fresh frame for running code `co` (a code object) with the given globals and locals.
    pub fn new_frame(&mut self, co: Value, func: Value, globals: Value, locals: Value) -> ObjRef {
        let c = code::get(self.ld(co.as_obj(), CODE_ID).as_int() as u32);
        self.new_frame_for(c, co, func, globals, locals)
    }

    fn new_frame_for(&mut self, c: &'static Code, co: Value, func: Value, globals: Value, locals: Value) -> ObjRef {
        let n = c.nslots();
        let f = self.alloc(tid::FRAME, frame_size(n));
        const _: () = assert!(F_CODE == F_FUNC + 8 && F_SP == F_FUNC + 40 && F_CODEPTR == F_FUNC + 80);
        // (F_BACK, F_GEN, F_EXC stay empty: the new object is zeroed.)
        self.init_fields(
            f,
            F_FUNC,
            &[
                func,
                co,
                globals,
                locals,
                Value::int(0),
                Value::int(c.nfixed() as i64),
                Value::NULL,
                Value::NULL,
                Value::int(0),
                Value::int(n as i64),
                Value::int(code::addr_word(c)),
            ],
        );
        f
    }

    /// A new frame for a call of Python function `func`, its slots left empty (the JIT fills
    /// them when an exit leaves compiled code inside a call it had inlined).
    pub fn frame_for(&mut self, func: Value) -> ObjRef {
        let fo = func.as_obj();
        let c = self.func_code(fo);
        let (co, globals) = (self.ld(fo, FN_CODE), self.ld(fo, FN_GLOBALS));
        self.new_frame_for(c, co, func, globals, Value::NULL)
    }

    /// For a call instruction's `callable` and `self` slots and `n` positional arguments, when
    /// the call only has to copy the arguments into a new frame (see `Code::binds_plainly`):
    /// the Python function to run, its code, the first argument to put before the others, and
    /// whether it is the `__init__` of a new instance of a plain class (then that first argument,
    /// already made). None when the call needs `prepare_call`.
    #[inline(always)]
    pub fn plain_call(&mut self, callable: Value, selfv: Value, n: usize) -> R<Option<PlainCall>> {
        let (func, bound) = if !selfv.is_null() {
            (callable, Some(selfv))
        } else {
            match self.tid_of(callable) {
                tid::METHOD => {
                    let m = callable.as_obj();
                    (self.ld(m, METH_FUNC), Some(self.ld(m, METH_SELF)))
                }
                tid::CLASS => return self.plain_instantiation(callable.as_obj(), n),
                _ => (callable, None),
            }
        };
        if self.tid_of(func) != tid::FUNCTION {
            return Ok(None);
        }
        let c = self.func_code(func.as_obj());
        let nargs = n + bound.is_some() as usize;
        Ok((c.binds_plainly(nargs) && self.has_defaults_for(func, c, nargs)).then_some(PlainCall {
            func,
            code: c,
            first: bound,
            init: false,
        }))
    }

    /// Whether `func` has defaults for the parameters a call with `nargs` positional arguments
    /// leaves out.
    #[inline(always)]
    fn has_defaults_for(&self, func: Value, c: &Code, nargs: usize) -> bool {
        let missing = c.argcount as usize - nargs;
        missing == 0 || {
            let d = self.rd(func.as_obj(), FN_DEFAULTS);
            !d.is_null() && self.tuple_len(d.as_obj()) >= missing
        }
    }

    /// Fills parameters `nargs..` of the new frame `f` of `func` from its defaults (checked by
    /// `has_defaults_for`).
    #[inline]
    pub fn fill_defaults(&mut self, f: ObjRef, func: Value, c: &Code, nargs: usize) {
        let argc = c.argcount as usize;
        if nargs < argc {
            let d = self.rd(func.as_obj(), FN_DEFAULTS).as_obj();
            let skip = self.tuple_len(d) - (argc - nargs);
            for i in nargs..argc {
                let v = self.tuple_get(d, skip + i - nargs);
                self.init(f, F_SLOTS + 8 * i as u64, v);
            }
        }
    }

    /// `cls(*n args)` for a class without a metaclass whose `__new__` is `object.__new__` and
    /// whose `__init__` is a Python function binding plainly: the new instance and its
    /// `__init__`, as `instantiate` would make them.
    fn plain_instantiation(&mut self, cls: ObjRef, n: usize) -> R<Option<PlainCall>> {
        if !self.ld(cls, CLS_META).is_null() {
            return Ok(None);
        }
        let (object_new, object_init) = (Value::obj(self.types().object_new), Value::obj(self.types().object_init));
        if self.class_lookup(cls, "__new__")? != Some(object_new) {
            return Ok(None);
        }
        let Some(init) = self.class_lookup(cls, "__init__")? else { return Ok(None) };
        if init == object_init || self.tid_of(init) != tid::FUNCTION {
            return Ok(None);
        }
        let c = self.func_code(init.as_obj());
        if !c.binds_plainly(n + 1) || !self.has_defaults_for(init, c, n + 1) {
            return Ok(None);
        }
        let obj = self.new_instance(cls);
        Ok(Some(PlainCall { func: init, code: c, first: Some(obj), init: true }))
    }

    /// Binds `args`/`kw` for a call of Python function `func` into a new frame.
    pub fn setup_frame(&mut self, func: Value, args: &[Value], kw: &[(Value, Value)]) -> R<ObjRef> {
        let fo = func.as_obj();
        let c = self.func_code(fo);
        let co = self.ld(fo, FN_CODE);
        let globals = self.ld(fo, FN_GLOBALS);
        let f = self.new_frame_for(c, co, func, globals, Value::NULL);
        let argc = c.argcount as usize;
        let n = args.len();
        // Fast path: exact positional arguments.
        if n == argc && kw.is_empty() && c.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0 && c.kwonlyargcount == 0 {
            self.init_fields(f, F_SLOTS, args);
        } else {
            self.bind_slow(f, fo, c, args, kw)?;
        }
        let nl = c.nlocals();
        for (i, arg) in c.cell2arg.iter().enumerate() {
            let v = match arg {
                Some(a) => self.ld(f, F_SLOTS + 8 * *a as u64),
                None => Value::NULL,
            };
            let cell = self.new_cell(v);
            self.init(f, F_SLOTS + 8 * (nl + i) as u64, cell);
        }
        if !c.freevars.is_empty() {
            let clo = self.ld(fo, FN_CLOSURE).as_obj();
            for j in 0..c.freevars.len() {
                let cell = self.tuple_get(clo, j);
                self.init(f, F_SLOTS + 8 * (nl + c.cellvars.len() + j) as u64, cell);
            }
        }
        Ok(f)
    }

    fn bind_slow(&mut self, f: ObjRef, fo: ObjRef, c: &Code, args: &[Value], kw: &[(Value, Value)]) -> R<()> {
        // (For the error messages only.)
        let qual = |vm: &Vm| vm.str_of(vm.ld(fo, FN_QUALNAME));
        let argc = c.argcount as usize;
        let kwonly = c.kwonlyargcount as usize;
        let n = args.len();
        let set = |vm: &mut Vm, i: usize, v: Value| vm.init(f, F_SLOTS + 8 * i as u64, v);
        let get = |vm: &Vm, i: usize| vm.ld(f, F_SLOTS + 8 * i as u64);
        let defaults = self.ld(fo, FN_DEFAULTS);
        let ndef = if defaults.is_null() { 0 } else { self.tuple_len(defaults.as_obj()) };
        if n > argc && c.flags & CO_VARARGS == 0 {
            let kwgiven = kw.iter().filter(|(k, _)| {
                let k = self.str_of(*k);
                c.varnames[argc..argc + kwonly].contains(&k)
            });
            let kwn = kwgiven.count();
            let takes = if ndef > 0 {
                format!("from {} to {} positional arguments", argc - ndef, argc)
            } else {
                format!("{} positional argument{}", argc, if argc == 1 { "" } else { "s" })
            };
            let given = if kwn > 0 {
                format!(
                    "{n} positional argument{} (and {kwn} keyword-only argument{}) were given",
                    if n == 1 { "" } else { "s" },
                    if kwn == 1 { "" } else { "s" }
                )
            } else {
                format!("{n} {}", if n == 1 { "was given" } else { "were given" })
            };
            let qual = qual(self);
            return Err(self.new_error("TypeError", &format!("{qual}() takes {takes} but {given}")));
        }
        for i in 0..n.min(argc) {
            set(self, i, args[i]);
        }
        let mut next = argc + kwonly;
        if c.flags & CO_VARARGS != 0 {
            let rest = if n > argc { self.new_tuple(&args[argc..]) } else { self.new_tuple(&[]) };
            set(self, next, rest);
            next += 1;
        }
        let kwdict = if c.flags & CO_VARKEYWORDS != 0 {
            let d = self.new_dict();
            set(self, next, d);
            Some(d)
        } else {
            None
        };
        let mut posonly_kw = Vec::new();
        for (k, v) in kw {
            let pos = self.with_str(k.as_obj(), |ks| c.varnames[..argc + kwonly].iter().position(|x| x == ks));
            match pos {
                Some(i) if i >= c.posonlyargcount as usize => {
                    if !get(self, i).is_null() {
                        let (qual, ks) = (qual(self), self.str_of(*k));
                        return Err(
                            self.new_error("TypeError", &format!("{qual}() got multiple values for argument '{ks}'"))
                        );
                    }
                    set(self, i, *v);
                }
                Some(_) if kwdict.is_none() => posonly_kw.push(self.str_of(*k)),
                _ => match kwdict {
                    Some(d) => self.dict_set(d, *k, *v)?,
                    None => {
                        let (qual, ks) = (qual(self), self.str_of(*k));
                        return Err(
                            self.new_error("TypeError", &format!("{qual}() got an unexpected keyword argument '{ks}'"))
                        );
                    }
                },
            }
        }
        if !posonly_kw.is_empty() {
            let qual = qual(self);
            return Err(self.new_error(
                "TypeError",
                &format!(
                    "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                    posonly_kw.join(", ")
                ),
            ));
        }
        let mut missing = Vec::new();
        for i in n.min(argc)..argc {
            if get(self, i).is_null() {
                if i + ndef >= argc {
                    let d = self.tuple_get(defaults.as_obj(), i + ndef - argc);
                    set(self, i, d);
                } else {
                    missing.push(format!("'{}'", c.varnames[i]));
                }
            }
        }
        if !missing.is_empty() {
            let qual = qual(self);
            return Err(self.missing_args(&qual, &missing, "positional"));
        }
        let kwdefaults = self.ld(fo, FN_KWDEFAULTS);
        for i in argc..argc + kwonly {
            if get(self, i).is_null() {
                let k = self.new_str(&c.varnames[i]);
                let d = if kwdefaults.is_null() { None } else { self.dict_get(kwdefaults, k)? };
                match d {
                    Some(d) => set(self, i, d),
                    None => missing.push(format!("'{}'", c.varnames[i])),
                }
            }
        }
        if !missing.is_empty() {
            let qual = qual(self);
            return Err(self.missing_args(&qual, &missing, "keyword-only"));
        }
        Ok(())
    }

    fn missing_args(&mut self, qual: &str, missing: &[String], kind: &str) -> Unwind {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            k => format!("{}, and {}", missing[..k - 1].join(", "), missing[k - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        self.new_error("TypeError", &format!("{qual}() missing {} required {kind} argument{s}: {list}", missing.len()))
    }

    /// Starts a call: a frame for a Python function (to be run by the caller's loop), or the
    /// finished result of anything else.
    pub fn prepare_call(&mut self, callable: Value, args: &[Value], kw: &[(Value, Value)]) -> R<Prepared> {
        match self.tid_of(callable) {
            tid::FUNCTION => {
                let fo = callable.as_obj();
                let f = self.setup_frame(callable, args, kw)?;
                if self.func_code(fo).is_generator() {
                    return Ok(Prepared::Done(self.new_generator(f, fo)));
                }
                Ok(Prepared::Frame(f))
            }
            tid::METHOD => {
                let o = callable.as_obj();
                let s = self.ld(o, METH_SELF);
                let func = self.ld(o, METH_FUNC);
                let mut a = Args::with_capacity(args.len() + 1);
                a.push(s);
                a.extend_from_slice(args);
                self.prepare_call(func, &a, kw)
            }
            tid::BUILTIN => self.call_builtin(callable, args, kw),
            tid::CLASS => {
                if !self.ld(callable.as_obj(), CLS_META).is_null()
                    && let Some(c) = self.meta_method(callable.as_obj(), "__call__")?
                {
                    return self.prepare_call(c, args, kw);
                }
                self.instantiate(callable.as_obj(), args, kw)
            }
            _ => {
                let call = self.lookup_type_attr(callable, "__call__")?;
                match call {
                    Some(c) => {
                        let mut a = Args::with_capacity(args.len() + 1);
                        a.push(callable);
                        a.extend_from_slice(args);
                        self.prepare_call(c, &a, kw)
                    }
                    None => {
                        let tn = self.type_name(callable);
                        Err(self.new_error("TypeError", &format!("'{tn}' object is not callable")))
                    }
                }
            }
        }
    }

    /// A call of built-in function or method `callable` (its result, or a frame for a
    /// built-in redirected to its Python version when it consumes a generator).
    pub fn call_builtin(&mut self, callable: Value, args: &[Value], kw: &[(Value, Value)]) -> R<Prepared> {
        let o = callable.as_obj();
        let id = self.ld(o, BI_ID).as_int() as u32;
        let s = self.ld(o, BI_SELF);
        let d = self.rt.builtin_def(id);
        // Built-ins that consume a generator run their Python version instead, in this
        // dispatch loop (see builtins/prelude.rs).
        if s.is_null()
            && args.iter().take(2).any(|a| self.tid_of(*a) == tid::GENERATOR)
            && kw.is_empty()
            && let Some(p) = self.prelude_redirect(d.name, args)
        {
            return self.prepare_call(p, args, kw);
        }
        let (f, unwrap) = (guarded, d.unwrap);
        self.builtin_target = (d.f, d.name);
        let first = if s.is_null() { args.first().copied() } else { Some(s) };
        let native = if unwrap { first.and_then(|v| self.native_of(v)) } else { None };
        if s.is_null() && native.is_none() {
            return Ok(Prepared::Done(f(self, args, kw)?));
        }
        let mut a = Args::with_capacity(args.len() + 1);
        match (s.is_null(), native) {
            (true, Some(n)) => {
                a.push(n);
                a.extend_from_slice(&args[1..]);
            }
            (false, n) => {
                a.push(n.unwrap_or(s));
                a.extend_from_slice(args);
            }
            (true, None) => unreachable!(),
        }
        // The original receiver, for dict.__getitem__'s __missing__.
        let saved =
            std::mem::replace(&mut self.native_receiver, if native.is_some() { first.unwrap() } else { Value::NULL });
        let r = f(self, &a, kw);
        self.native_receiver = saved;
        Ok(Prepared::Done(r?))
    }

    /// Calls any callable and returns its result (a nested loop for Python code).
    pub fn call_value(&mut self, callable: Value, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
        match self.prepare_call(callable, args, kw)? {
            Prepared::Done(v) => Ok(v),
            Prepared::Frame(f) => self.run_frame(f),
        }
    }

    /// `type.__call__(cls, *args, **kw)`: creates an instance the usual way (what a
    /// metaclass's `__call__` reaches through `super().__call__`).
    pub fn type_call(&mut self, cls: ObjRef, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
        match self.instantiate(cls, args, kw)? {
            Prepared::Done(v) => Ok(v),
            Prepared::Frame(f) => self.run_frame(f),
        }
    }

    fn instantiate(&mut self, cls: ObjRef, args: &[Value], kw: &[(Value, Value)]) -> R<Prepared> {
        let t = self.types();
        let type_ = t.type_;
        let object_new = Value::obj(t.object_new);
        let object_init = Value::obj(t.object_init);
        if cls == type_ && args.len() == 1 && kw.is_empty() {
            return Ok(Prepared::Done(Value::obj(self.type_of(args[0]))));
        }
        if args.len() == 1 && kw.is_empty() && self.tid_of(args[0]) == tid::GENERATOR {
            let name = if cls == t.list {
                Some("list")
            } else if cls == t.set {
                Some("set")
            } else if cls == t.tuple {
                Some("tuple")
            } else {
                None
            };
            if let Some(n) = name
                && let Some(p) = self.rt.prelude.get().and_then(|m| m.get(n)).copied()
            {
                return self.prepare_call(Value::obj(p), args, kw);
            }
        }
        let new = self.class_lookup(cls, "__new__")?.unwrap_or(Value::NULL);
        let obj = if new == object_new {
            self.new_instance(cls)
        } else {
            // __new__ is a static method: the class goes first.
            let new = if self.tid_of(new) == tid::STATICMETHOD { self.ld(new.as_obj(), WRAP_FUNC) } else { new };
            let mut a = Args::with_capacity(args.len() + 1);
            a.push(Value::obj(cls));
            a.extend_from_slice(args);
            self.call_value(new, &a, kw)?
        };
        let oc = self.type_of(obj);
        if !self.is_subclass(oc, cls) {
            return Ok(Prepared::Done(obj));
        }
        let init = self.class_lookup(oc, "__init__")?.unwrap_or(Value::NULL);
        if init == object_init {
            if new == object_new && (!args.is_empty() || !kw.is_empty()) {
                let n = self.class_name(cls);
                return Err(self.new_error("TypeError", &format!("{n}() takes no arguments")));
            }
            return Ok(Prepared::Done(obj));
        }
        let mut a = Args::with_capacity(args.len() + 1);
        a.push(obj);
        a.extend_from_slice(args);
        if self.tid_of(init) == tid::FUNCTION && !self.func_code(init.as_obj()).is_generator() {
            let f = self.setup_frame(init, &a, kw)?;
            self.init(f, F_ENTRY, Value::int(ENTRY_INIT));
            self.init(f, F_GEN, obj);
            return Ok(Prepared::Frame(f));
        }
        let r = self.call_value(init, &a, kw)?;
        if r != Value::NONE {
            let tn = self.type_name(r);
            return Err(self.new_error("TypeError", &format!("__init__() should return None, not '{tn}'")));
        }
        Ok(Prepared::Done(obj))
    }

    /// A value from a built-in class's own dict (no MRO walk).
    pub fn builtin_obj_attr(&mut self, cls: ObjRef, name: &str) -> Value {
        let d = self.rd(cls, CLS_DICT);
        let k = self.new_str(name);
        self.dict_get(d, k).ok().flatten().unwrap_or(Value::NULL)
    }

    // ---- generators ---------------------------------------------------------------------

    fn new_generator(&mut self, frame: ObjRef, func: ObjRef) -> Value {
        use crate::compile::code::{CO_ASYNC_GENERATOR, CO_COROUTINE};
        let name = self.ld(func, FN_NAME);
        let qual = self.ld(func, FN_QUALNAME);
        let flags = self.func_code(func).flags;
        let kind = if flags & CO_COROUTINE != 0 {
            tid::COROUTINE
        } else if flags & CO_ASYNC_GENERATOR != 0 {
            tid::ASYNC_GENERATOR
        } else {
            tid::GENERATOR
        };
        let g = self.new_fixed(kind, 48, &[Value::obj(frame), Value::int(GEN_CREATED), name, qual, Value::int(0)]);
        self.init(frame, F_GEN, g);
        g
    }

    /// Starts resuming generator `g` with `v`, for a frame switch in the dispatch loop: its
    /// frame, marked running, or None if it cannot be resumed that way (running, finished), in
    /// which case `gen_resume` gives the right answer.
    pub fn gen_enter(&mut self, g: Value, v: Value) -> R<Option<ObjRef>> {
        let go = g.as_obj();
        let state = self.rd(go, GEN_STATE).as_int();
        if !(state == GEN_SUSPENDED || state == GEN_CREATED && v == Value::NONE) {
            return Ok(None);
        }
        let f = self.rd(go, GEN_FRAME).as_obj();
        if state == GEN_SUSPENDED {
            let sp = self.rd(f, F_SP).as_int() as usize;
            self.set_slot(f, sp, v)?;
            self.st(f, F_SP, Value::int(sp as i64 + 1))?;
        }
        self.st(go, GEN_STATE, Value::int(GEN_RUNNING))?;
        Ok(Some(f))
    }

    /// A generator resumed by `gen_enter` yielded (`suspended`) or ended.
    pub fn gen_leave(&mut self, g: Value, suspended: bool) -> R<()> {
        let go = g.as_obj();
        if suspended {
            self.st(go, GEN_STATE, Value::int(GEN_SUSPENDED))
        } else {
            self.st(go, GEN_STATE, Value::int(GEN_DONE))?;
            self.st(go, GEN_FRAME, Value::NULL)
        }
    }

    /// "generator", "coroutine" or "async generator", for messages.
    pub fn gen_kind_name(&self, g: Value) -> &'static str {
        match self.tid_of(g) {
            tid::COROUTINE => "coroutine",
            tid::ASYNC_GENERATOR => "async generator",
            _ => "generator",
        }
    }

    /// The RuntimeError (message `msg`) that replaces StopIteration `e` escaping a generator.
    pub fn escaped_stop(&mut self, e: Value, msg: &str) -> R<Value> {
        let ne = self.new_error("RuntimeError", msg);
        match ne {
            Unwind::Exc(n) => {
                self.set_attr_str(n, "__cause__", e)?;
                self.set_attr_str(n, "__context__", e)?;
                Ok(n)
            }
            Unwind::Abort => Err(Unwind::Abort),
        }
    }

    /// Ends generator `g` with exception `e` escaping its frame: a StopIteration (and, from an
    /// async generator, a StopAsyncIteration) becomes a RuntimeError, as in CPython.
    fn gen_failed(&mut self, g: Value, e: Value) -> R<GenResult> {
        let go = g.as_obj();
        self.st(go, GEN_STATE, Value::int(GEN_DONE))?;
        self.st(go, GEN_FRAME, Value::NULL)?;
        let kind = self.gen_kind_name(g);
        if self.isinstance_name(e, "StopIteration") {
            return Err(Unwind::Exc(self.escaped_stop(e, &format!("{kind} raised StopIteration"))?));
        }
        if self.tid_of(g) == tid::ASYNC_GENERATOR && self.isinstance_name(e, "StopAsyncIteration") {
            return Err(Unwind::Exc(self.escaped_stop(e, "async generator raised StopAsyncIteration")?));
        }
        Err(Unwind::Exc(e))
    }

    /// Resumes a generator (or coroutine, or async generator) with `v`, or with an exception
    /// thrown in. A frame suspended in `yield from`/`await` passes a thrown exception on to
    /// the iterator it delegates to first, as CPython does (a GeneratorExit closes it instead).
    pub fn gen_resume(&mut self, g: Value, v: Value, throw: Option<Value>) -> R<GenResult> {
        let go = g.as_obj();
        let state = self.rd(go, GEN_STATE).as_int();
        let kind = self.gen_kind_name(g);
        if state == GEN_RUNNING {
            return Err(self.new_error("ValueError", &format!("{kind} already executing")));
        }
        if state == GEN_DONE {
            if self.tid_of(g) == tid::COROUTINE {
                return Err(self.new_error("RuntimeError", "cannot reuse already awaited coroutine"));
            }
            if let Some(e) = throw {
                return Err(Unwind::Exc(e));
            }
            return Ok(GenResult::Returned(Value::NONE));
        }
        let f = self.rd(go, GEN_FRAME).as_obj();
        if state == GEN_CREATED
            && let Some(e) = throw
        {
            // Thrown in before the body started: it is raised where the body would begin,
            // outside every `try`, and the generator is finished.
            return self.gen_failed(g, e);
        }
        let mut throw = throw;
        if state == GEN_CREATED {
            if v != Value::NONE {
                return Err(self.new_error("TypeError", &format!("can't send non-None value to a just-started {kind}")));
            }
        } else if let Some(e) = throw
            && let Some(sub) = self.awaiting(g)
        {
            self.st(go, GEN_STATE, Value::int(GEN_RUNNING))?;
            let r = self.throw_into_delegate(sub, e);
            if let Err(Unwind::Abort) = r {
                // Rolled back: the transaction is gone (the state write with it).
                return Err(Unwind::Abort);
            }
            self.st(go, GEN_STATE, Value::int(GEN_SUSPENDED))?;
            match r {
                Ok(Some(GenResult::Yielded(y))) => return Ok(GenResult::Yielded(y)),
                Ok(Some(GenResult::Returned(r))) => {
                    // The delegate finished: `yield from` evaluates to its value.
                    let sp = self.rd(f, F_SP).as_int() as usize;
                    self.set_slot(f, sp - 1, r)?;
                    let pc = self.rd(f, F_PC).as_int();
                    self.st(f, F_PC, Value::int(pc + 1))?;
                    throw = None;
                }
                Ok(None) => {}
                Err(Unwind::Exc(e2)) => throw = Some(e2),
                Err(Unwind::Abort) => return Err(Unwind::Abort),
            }
        } else if throw.is_none() {
            let sp = self.rd(f, F_SP).as_int() as usize;
            self.set_slot(f, sp, v)?;
            self.st(f, F_SP, Value::int(sp as i64 + 1))?;
        }
        self.st(go, GEN_STATE, Value::int(GEN_RUNNING))?;
        self.pending_throw = throw;
        let r = self.run_frame(f);
        self.pending_throw = None;
        match r {
            Ok(v) if self.yielded => {
                self.st(go, GEN_STATE, Value::int(GEN_SUSPENDED))?;
                Ok(GenResult::Yielded(v))
            }
            Ok(v) => {
                self.st(go, GEN_STATE, Value::int(GEN_DONE))?;
                self.st(go, GEN_FRAME, Value::NULL)?;
                Ok(GenResult::Returned(v))
            }
            Err(Unwind::Exc(e)) => self.gen_failed(g, e),
            Err(a) => Err(a),
        }
    }

    /// The iterator a suspended generator's `yield from` (or coroutine's `await`) delegates to.
    pub fn awaiting(&self, g: Value) -> Option<Value> {
        let go = g.as_obj();
        if self.rd(go, GEN_STATE).as_int() != GEN_SUSPENDED {
            return None;
        }
        let f = self.rd(go, GEN_FRAME).as_obj();
        let pc = self.rd(f, F_PC).as_int() as usize;
        if !matches!(self.frame_code(f).ops[pc], code::Op::YieldFrom) {
            return None;
        }
        Some(self.slot(f, self.rd(f, F_SP).as_int() as usize - 1))
    }

    /// Throws `e` into the iterator `sub` that a suspended frame delegates to: its step, or
    /// None when `e` is to be raised in the frame itself (a GeneratorExit, after closing
    /// `sub`; an iterator without `throw`).
    fn throw_into_delegate(&mut self, sub: Value, e: Value) -> R<Option<GenResult>> {
        if self.isinstance_name(e, "GeneratorExit") {
            self.close_iter(sub)?;
            return Ok(None);
        }
        match self.tid_of(sub) {
            tid::GENERATOR | tid::COROUTINE => self.gen_resume(sub, Value::NONE, Some(e)).map(Some),
            tid::CORO_WRAPPER | tid::AG_ASEND | tid::AG_ATHROW => {
                self.awaitable_send(sub, Value::NONE, Some(e)).map(Some)
            }
            _ => {
                let Some(m) = self.lookup_type_attr(sub, "throw")? else { return Ok(None) };
                match self.call_value(m, &[sub, e], &[]) {
                    Ok(y) => Ok(Some(GenResult::Yielded(y))),
                    Err(Unwind::Exc(x)) if self.isinstance_name(x, "StopIteration") => {
                        Ok(Some(GenResult::Returned(self.stop_iteration_value(x)?)))
                    }
                    Err(x) => Err(x),
                }
            }
        }
    }

    /// Closes an iterator that a closing generator delegated to (`close()` if it has one).
    fn close_iter(&mut self, sub: Value) -> R<()> {
        match self.tid_of(sub) {
            tid::GENERATOR | tid::COROUTINE => self.gen_close(sub),
            tid::CORO_WRAPPER | tid::AG_ASEND | tid::AG_ATHROW => self.awaitable_close(sub),
            _ => {
                if let Some(m) = self.lookup_type_attr(sub, "close")? {
                    self.call_value(m, &[sub], &[])?;
                }
                Ok(())
            }
        }
    }

    /// `generator.close()` (and a coroutine's): GeneratorExit thrown in must end it.
    pub fn gen_close(&mut self, g: Value) -> R<()> {
        let go = g.as_obj();
        let st = self.rd(go, GEN_STATE).as_int();
        if st == GEN_DONE || st == GEN_CREATED {
            self.st(go, GEN_STATE, Value::int(GEN_DONE))?;
            self.st(go, GEN_FRAME, Value::NULL)?;
            return Ok(());
        }
        let ge = self.exc_type("GeneratorExit");
        let e = self.call_value(Value::obj(ge), &[], &[])?;
        match self.gen_resume(g, Value::NONE, Some(e)) {
            Ok(GenResult::Yielded(_)) => {
                let kind = self.gen_kind_name(g);
                Err(self.new_error("RuntimeError", &format!("{kind} ignored GeneratorExit")))
            }
            Ok(GenResult::Returned(_)) => Ok(()),
            Err(Unwind::Exc(x))
                if self.isinstance_name(x, "GeneratorExit") || self.isinstance_name(x, "StopIteration") =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// One step of `yield from`: Ok(yielded value) or Err(the sub-iterator's return value).
    pub fn delegate(&mut self, sub: Value, sent: Value) -> R<Result<Value, Value>> {
        let step = match self.tid_of(sub) {
            tid::GENERATOR | tid::COROUTINE => Some(self.gen_resume(sub, sent, None)?),
            tid::CORO_WRAPPER | tid::AG_ASEND | tid::AG_ATHROW => Some(self.awaitable_send(sub, sent, None)?),
            _ => None,
        };
        if let Some(step) = step {
            return Ok(match step {
                GenResult::Yielded(v) => Ok(v),
                GenResult::Returned(v) => Err(v),
            });
        }
        if sent == Value::NONE {
            return Ok(match self.iter_next(sub)? {
                Some(v) => Ok(v),
                None => Err(Value::NONE),
            });
        }
        let send = self.getattr_str(sub, "send")?;
        match self.call_value(send, &[sent], &[]) {
            Ok(v) => Ok(Ok(v)),
            Err(Unwind::Exc(e)) if self.isinstance_name(e, "StopIteration") => {
                let v = self.stop_iteration_value(e)?;
                Ok(Err(v))
            }
            Err(e) => Err(e),
        }
    }

    pub fn stop_iteration_value(&mut self, e: Value) -> R<Value> {
        let args = self.getattr_str(e, "args")?;
        if self.tid_of(args) == tid::TUPLE && self.tuple_len(args.as_obj()) > 0 {
            Ok(self.tuple_get(args.as_obj(), 0))
        } else {
            Ok(Value::NONE)
        }
    }

    /// Runs a module's code with `globals` as its namespace.
    pub fn exec_code(&mut self, id: u32, globals: Value, locals: Value) -> R<Value> {
        let co = self.materialize_code(id);
        let f = self.new_frame(co, Value::NULL, globals, locals);
        self.run_frame(f)
    }
}
