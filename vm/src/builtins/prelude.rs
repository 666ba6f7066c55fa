//! Python versions of the built-ins that consume a whole iterable (`list`, `tuple`, `set`,
//! `sum`, `any`, `all`, `sorted`, `str.join`), used instead of the Rust ones when the iterable is
//! a generator. The Rust version would run the generator in nested dispatch loops, where no
//! collection may happen, so memory would grow with everything the generator allocates; these
//! run in the caller's loop, which commits and collects between items. Compiled and committed
//! once at start-up, after the other built-ins. Also `anext(iterator, default)`'s coroutine.

use crate::interp::Vm;
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

/// The file name of the prelude's code (its frames are left out of tracebacks).
pub const FILENAME: &str = "<pystm prelude>";

const SOURCE: &str = r#"
def list(iterable=()):
    r = []
    for x in iterable:
        r.append(x)
    return r

def tuple(iterable=()):
    r = []
    for x in iterable:
        r.append(x)
    return _tuple(r)

def set(iterable=()):
    r = _set()
    for x in iterable:
        r.add(x)
    return r

def sum(iterable, /, start=0):
    for x in iterable:
        start = start + x
    return start

def any(iterable):
    for x in iterable:
        if x:
            return True
    return False

def all(iterable):
    for x in iterable:
        if not x:
            return False
    return True

def sorted(iterable, /, *, key=None, reverse=False):
    r = []
    for x in iterable:
        r.append(x)
    r.sort(key=key, reverse=reverse)
    return r

def join(sep, iterable):
    r = []
    for x in iterable:
        r.append(x)
    return sep.join(r)

async def anext_default(iterator, default):
    try:
        return await type(iterator).__anext__(iterator)
    except StopAsyncIteration:
        return default
"#;

/// The built-ins (by registered name) that have a Python version here, and its name.
pub const REDIRECTS: &[(&str, &str)] = &[
    ("tuple.__new__", "tuple"),
    ("sum", "sum"),
    ("any", "any"),
    ("all", "all"),
    ("sorted", "sorted"),
    ("str.join", "join"),
];

pub fn install(vm: &mut Vm) {
    let id = match crate::compile::compile(SOURCE, FILENAME, false) {
        Ok(id) => id,
        Err(e) => panic!("the prelude does not compile: {e:?}"),
    };
    let g = vm.new_dict();
    let b = Value::obj(vm.rt.globals().builtins);
    for (name, real) in [("_tuple", "tuple"), ("_set", "set")] {
        let k = vm.new_str(real);
        let v = vm.dict_get(b, k).expect("builtin").expect("builtin");
        vm.def_value(g, name, v);
    }
    let mods = Value::obj(vm.rt.globals().modules);
    let bk = vm.new_str("builtins");
    let bmod = vm.dict_get(mods, bk).expect("dict").expect("builtins module");
    vm.def_value(g, "__builtins__", bmod);
    let n = vm.new_str("builtins");
    vm.def_value(g, "__name__", n);
    if let Err(e) = vm.exec_code(id, g, g) {
        panic!("the prelude failed: {e:?}");
    }
    let names = ["list", "tuple", "set", "sum", "any", "all", "sorted", "join", "anext_default"];
    let mut words = Vec::new();
    for n in names {
        let k = vm.new_str(n);
        let f = vm.dict_get(g, k).expect("dict").expect("prelude function");
        words.push(f.0);
    }
    vm.m.roots().words = words;
    if let Err(e) = vm.m.commit() {
        eprintln!("Fatal Python error: start-up failed: {e}");
        std::process::exit(1);
    }
    let after = std::mem::replace(&mut vm.m.roots().words, vec![0; crate::interp::ROOT_STARTING]);
    let mut map = crate::runtime::FxMap::default();
    for (n, w) in names.iter().zip(after.iter()) {
        vm.rt.gc.add_global_root(ObjRef(*w));
        map.insert(*n, ObjRef(*w));
    }
    let _ = vm.rt.prelude.set(map);
    vm.m.start();
}

impl Vm {
    /// A function of the prelude by name.
    pub fn prelude_function(&self, name: &str) -> Value {
        Value::obj(self.rt.prelude.get().expect("the prelude is installed")[name])
    }

    /// The Python version of built-in `name` if `args` make it worth using (a generator
    /// argument).
    pub fn prelude_redirect(&self, name: &str, args: &[Value]) -> Option<Value> {
        let (arg, target) = match name {
            "list.__init__" => return None,
            "str.join" => (args.get(1)?, "join"),
            "list.__new__" | "set.__new__" | "tuple.__new__" => (args.get(1)?, name.split('.').next().unwrap()),
            _ => {
                let t = REDIRECTS.iter().find(|(n, _)| *n == name)?.1;
                (args.first()?, t)
            }
        };
        if self.tid_of(*arg) != tid::GENERATOR {
            return None;
        }
        self.rt.prelude.get()?.get(target).map(|o| Value::obj(*o))
    }
}
