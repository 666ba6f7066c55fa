//! The built-in namespace: start-up (built-in classes, their methods, the `builtins`, `sys`,
//! `math` and `time` modules, committed once and kept as global roots), and the helpers every
//! built-in uses to check its arguments. Each file of this folder owns one group of built-ins.

pub mod bytes;
pub mod concurrency;
pub mod coroutines;
pub mod functions;
pub mod hashes;
pub mod introspect;
pub mod json;
pub mod methods;
pub mod modules;
pub mod posix;
pub mod prelude;
pub mod shipped;
pub mod strings;
pub mod types;

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::runtime::{BuiltinFn, Globals};
use crate::value::Value;
use std::collections::HashMap;
use stm::ObjRef;

/// Names Rust code asks for by `Vm::s`, made once as shared strs.
const COMMON_NAMES: &[&str] = &[
    "__init__",
    "__new__",
    "__repr__",
    "__str__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__bool__",
    "__len__",
    "__iter__",
    "__next__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__call__",
    "__enter__",
    "__exit__",
    "__getattr__",
    "__setattr__",
    "__delattr__",
    "__get__",
    "__set__",
    "__format__",
    "__index__",
    "__class__",
    "__dict__",
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__slots__",
    "__classcell__",
    "__init_subclass__",
    "__set_name__",
    "__class_getitem__",
    "__traceback__",
    "__cause__",
    "__context__",
    "__suppress_context__",
    "args",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__neg__",
    "__pos__",
    "__invert__",
    "__file__",
    "__builtins__",
    "__package__",
    "__path__",
    "__spec__",
    "__loader__",
    "__all__",
    "keys",
    "__missing__",
    "__reversed__",
    "__abs__",
    "__round__",
    "__float__",
    "__int__",
    "send",
    "value",
    "code",
    "__mro__",
    "__bases__",
    "__main__",
    "__annotations__",
    "__import__",
    "__build_class__",
    "__getattribute__",
    "__instancecheck__",
    "__subclasscheck__",
    "__delete__",
    "__await__",
    "__aiter__",
    "__anext__",
    "__fspath__",
    "__bytes__",
    "__mro_entries__",
    "__pystm_buffer__",
];

impl Vm {
    /// Registers a built-in and returns its function object.
    pub fn new_builtin(&mut self, name: &'static str, f: BuiltinFn) -> Value {
        let id = self.rt.register_builtin(name, f);
        self.new_fixed(tid::BUILTIN, 32, &[Value::int(id as i64), Value::NULL])
    }

    /// Puts a built-in into a dict under its short name.
    pub fn def_builtin(&mut self, dict: Value, name: &'static str, f: BuiltinFn) {
        let short = name.rsplit('.').next().unwrap().trim_start_matches("static:");
        let b = self.new_builtin(name, f);
        let k = self.new_name_str(short);
        self.dict_set(dict, k, b).expect("start-up dict");
    }

    /// Puts each built-in of `fns` into a dict under its short name.
    pub fn def_builtins(&mut self, dict: Value, fns: &[(&'static str, BuiltinFn)]) {
        for &(name, f) in fns {
            self.def_builtin(dict, name, f);
        }
    }

    /// The registered name of built-in function object `f` (`"str.join"`).
    pub fn builtin_name(&self, f: Value) -> &'static str {
        self.rt.builtin_def(self.ld(f.as_obj(), BI_ID).as_int() as u32).name
    }

    pub fn def_method(&mut self, cls: ObjRef, name: &'static str, f: BuiltinFn) {
        let d = self.ld(cls, CLS_DICT);
        self.def_builtin(d, name, f);
    }

    pub fn def_value(&mut self, dict: Value, name: &str, v: Value) {
        let k = self.new_name_str(name);
        self.dict_set(dict, k, v).expect("start-up dict");
    }

    /// A new native module (its built-in functions, registered after, do not bind as methods).
    pub fn new_module(&mut self, name: &str) -> Value {
        self.rt.note_native_module(name);
        self.module_object(name)
    }

    /// A native module `name`, registered in `modules` (`sys.modules` at start-up): its dict,
    /// for the caller to fill.
    pub fn native_module(&mut self, modules: Value, name: &str) -> Value {
        let m = self.new_module(name);
        let k = self.new_str(name);
        self.dict_set(modules, k, m).expect("start-up dict");
        self.ld(m.as_obj(), crate::layout::MOD_DICT)
    }

    /// A new module object with a fresh dict.
    pub fn module_object(&mut self, name: &str) -> Value {
        let d = self.new_dict();
        let n = self.new_str(name);
        self.def_value(d, "__name__", n);
        self.def_value(d, "__doc__", Value::NONE);
        self.def_value(d, "__package__", Value::NONE);
        self.new_fixed(tid::MODULE, 32, &[n, d])
    }

    /// Argument count check with CPython's wording.
    pub fn nargs(&mut self, name: &str, args: &[Value], min: usize, max: usize) -> R<()> {
        let n = args.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        Err(self.new_error("TypeError", &msg))
    }

    pub fn no_kw(&mut self, name: &str, kw: &[(Value, Value)]) -> R<()> {
        if kw.is_empty() {
            Ok(())
        } else {
            Err(self.new_error("TypeError", &format!("{name}() takes no keyword arguments")))
        }
    }

    /// A str argument (TypeError otherwise).
    pub fn arg_str(&mut self, v: Value, what: &str) -> R<String> {
        if self.is_str(v) {
            Ok(self.str_of(v))
        } else {
            let tn = self.type_name(v);
            Err(self.new_error("TypeError", &format!("{what} must be str, not {tn}")))
        }
    }
}

/// Builds everything shared at start-up and commits it. Must run in the first transaction of
/// the main thread, before any Python code.
pub fn init(vm: &mut Vm) {
    let mut types = types::create(vm);
    let builtins = vm.new_dict();
    let modules = vm.new_dict();
    methods::install(vm, &types);
    types.object_new = vm.builtin_obj_attr(types.object, "__new__").as_obj();
    types.object_init = vm.builtin_obj_attr(types.object, "__init__").as_obj();
    types.object_hash = vm.builtin_obj_attr(types.object, "__hash__").as_obj();
    strings::install(vm, &types);
    bytes::install(vm, &types);
    methods::install_native_dunders(vm, &types);
    functions::install(vm, &types, builtins);
    coroutines::install(vm, &types, builtins);
    let sys = modules::install(vm, &mut types, builtins, modules);
    posix::install(vm, modules);
    introspect::install(vm, &types, sys, modules);
    json::install(vm, modules);
    hashes::install(vm, modules);
    concurrency::install(vm, &mut types, modules);
    // Shared name strs.
    let mut strs: Vec<(&'static str, Value)> = Vec::new();
    for n in COMMON_NAMES {
        let s = vm.new_name_str(n);
        strs.push((n, s));
    }
    // Root everything, commit (the objects move to old space), and read the new places back.
    let all = types.all();
    let mut words: Vec<u64> = all.iter().map(|r| r.0).collect();
    words.push(builtins.0);
    words.push(modules.0);
    words.push(sys.0);
    words.extend(strs.iter().map(|(_, v)| v.0));
    let before = words.clone();
    vm.m.roots().words = words;
    if let Err(e) = vm.m.commit() {
        eprintln!("Fatal Python error: start-up failed: {e}");
        std::process::exit(1);
    }
    let after = std::mem::replace(&mut vm.m.roots().words, vec![0; crate::interp::ROOT_STARTING]);
    let map: HashMap<u64, u64> = before.iter().copied().zip(after.iter().copied()).collect();
    types.remap(&|r| ObjRef(map[&r.0]));
    let n = all.len();
    let g = Globals { builtins: ObjRef(after[n]), modules: ObjRef(after[n + 1]), sys: ObjRef(after[n + 2]) };
    let strs: crate::runtime::FxMap<&'static str, ObjRef> =
        strs.iter().enumerate().map(|(i, (name, _))| (*name, ObjRef(after[n + 3 + i]))).collect();
    for w in &after {
        vm.rt.gc.add_global_root(ObjRef(*w));
    }
    let _ = vm.rt.types.set(types);
    let _ = vm.rt.globals.set(g);
    let _ = vm.rt.strs.set(strs);
    vm.m.start();
    prelude::install(vm);
}
