//! What all threads of one pystm process share: the GC, the built-in classes and modules (old
//! heap objects, global roots), the interned names, the instance maps, the builtin function
//! table and the command-line options. Everything here is immutable after start-up or
//! append-only. This file must never run Python code.

use crate::layout::Model;
use gc::Gc;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

/// The most instance maps one process can hold.
const MAX_MAPS: usize = 1 << 20;
/// The most built-in functions one process can register.
const MAX_BUILTINS: usize = 1 << 14;
use stm::ObjRef;

pub use stm::fxhash::{FxHasher, FxMap};

/// Options from the command line that Python code can see.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub argv: Vec<String>,
    pub path0: String,
    pub xoptions: Vec<(String, Option<String>)>,
    pub unbuffered: bool,
    pub interactive: bool,
    /// `-X gil`: the single-threaded baseline (one segment, handed round at commits).
    pub gil: bool,
    /// `-X stm_threads=N`: how many threads run transactions at once (default: the CPUs).
    pub segments: Option<usize>,
    /// `-X stmlog=FILE`: where to log the STM's events.
    pub stmlog: Option<String>,
    /// `--jit`, `-X jit`, `PYTHON_JIT`.
    pub jit: crate::jit::JitOptions,
}

/// The built-in classes.
#[derive(Default, Debug)]
pub struct Types {
    /// Indexed by layout kind: the class of objects with that layout.
    pub by_tid: Vec<ObjRef>,
    pub object: ObjRef,
    pub type_: ObjRef,
    pub int: ObjRef,
    pub bool_: ObjRef,
    pub float: ObjRef,
    pub str_: ObjRef,
    pub bytes: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub dict: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub none: ObjRef,
    pub notimpl: ObjRef,
    pub ellipsis: ObjRef,
    pub function: ObjRef,
    pub builtin: ObjRef,
    pub range: ObjRef,
    pub generator: ObjRef,
    pub module: ObjRef,
    pub property: ObjRef,
    pub staticmethod: ObjRef,
    pub classmethod: ObjRef,
    pub super_: ObjRef,
    pub slice: ObjRef,
    /// The class of stream objects (sys.stdout, open()).
    pub io: ObjRef,
    /// `_thread.lock`.
    pub lock: ObjRef,
    /// `object.__new__` and `object.__init__` (built-in function objects).
    pub object_new: ObjRef,
    pub object_init: ObjRef,
    pub object_hash: ObjRef,
    /// Iterator classes by iterator kind.
    pub iters: Vec<ObjRef>,
    /// Built-in exception classes by name.
    pub exc: FxMap<&'static str, ObjRef>,
}

/// One built-in function or method implemented in Rust. Methods take the receiver first.
pub type BuiltinFn = fn(
    &mut crate::interp::Vm,
    &[crate::value::Value],
    &[(crate::value::Value, crate::value::Value)],
) -> crate::interp::R<crate::value::Value>;

pub struct BuiltinDef {
    pub name: &'static str,
    pub f: BuiltinFn,
    /// A method of a built-in type whose receiver is the built-in value: an instance of a
    /// subclass is replaced by the value it wraps.
    pub unwrap: bool,
    /// Found on a class through an instance, it binds to the instance (a method of a built-in
    /// type, CPython's method descriptor); false for functions (`len`, a module's functions),
    /// static methods and `__new__`, which a class attribute does not bind.
    pub binds: bool,
}

/// The built-in types whose subclasses wrap a built-in value.
pub const NATIVE_BASES: &[&str] = &["list", "dict", "set", "frozenset", "tuple", "str", "int", "float", "bytes"];

/// Instance maps (hidden classes): the attribute names in slot order. Append-only.
pub struct Map {
    pub names: Vec<u32>,
    pub transitions: Mutex<FxMap<u32, u32>>,
}

pub struct Runtime {
    pub gc: Arc<Gc<Model>>,
    pub types: OnceLock<Types>,
    builtins: Box<[OnceLock<BuiltinDef>]>,
    builtins_len: Mutex<usize>,
    /// The names of the native modules made so far (their functions do not bind).
    native_modules: Mutex<Vec<String>>,
    /// The `builtins` module's dict, `sys.modules`, the `sys` module.
    pub globals: OnceLock<Globals>,
    pub names: RwLock<(FxMap<String, u32>, Vec<Arc<str>>)>,
    /// Instance maps by id: append-only, read without locks (`maps_len` under the lock).
    maps: Box<[AtomicPtr<Map>]>,
    maps_len: Mutex<usize>,
    pub options: Options,
    /// Names Rust code looks up often, as shared str objects.
    pub strs: OnceLock<FxMap<&'static str, ObjRef>>,
    /// Python versions of the built-ins that consume a whole iterable, used when it is a
    /// generator (see `builtins/prelude.rs`), by built-in name.
    pub prelude: OnceLock<FxMap<&'static str, ObjRef>>,
    /// The STM event log (`-X stmlog=FILE`), also the STM's event sink.
    pub stmlog: Option<Arc<crate::stmlog::StmLog>>,
    /// The tracing JIT (`None` when it is off).
    pub jit: Option<Arc<crate::jit::Jit>>,
}

#[derive(Debug)]
pub struct Globals {
    pub builtins: ObjRef,
    pub modules: ObjRef,
    pub sys: ObjRef,
}

impl Runtime {
    pub fn new(
        gc: Arc<Gc<Model>>,
        options: Options,
        stmlog: Option<Arc<crate::stmlog::StmLog>>,
        jitlog: Option<jit::log::TraceLog>,
    ) -> Arc<Runtime> {
        let jit = crate::jit::Jit::new(options.jit.clone(), jitlog).map(Arc::new);
        let empty: &'static Map = Box::leak(Box::new(Map { names: vec![], transitions: Mutex::new(FxMap::default()) }));
        Arc::new(Runtime {
            gc,
            types: OnceLock::new(),
            builtins: (0..MAX_BUILTINS).map(|_| OnceLock::new()).collect(),
            builtins_len: Mutex::new(0),
            native_modules: Mutex::new(Vec::new()),
            globals: OnceLock::new(),
            names: RwLock::new((FxMap::default(), Vec::new())),
            maps: {
                let v: Vec<AtomicPtr<Map>> = (0..MAX_MAPS).map(|_| AtomicPtr::new(std::ptr::null_mut())).collect();
                v[0].store(empty as *const Map as *mut Map, Ordering::Release);
                v.into_boxed_slice()
            },
            maps_len: Mutex::new(1),
            options,
            strs: OnceLock::new(),
            prelude: OnceLock::new(),
            stmlog,
            jit,
        })
    }

    pub fn types(&self) -> &Types {
        self.types.get().expect("built-in types exist")
    }

    pub fn globals(&self) -> &Globals {
        self.globals.get().expect("built-in modules exist")
    }

    /// The id of an interned name.
    pub fn intern(&self, s: &str) -> u32 {
        if let Some(&i) = self.names.read().unwrap().0.get(s) {
            return i;
        }
        let mut t = self.names.write().unwrap();
        if let Some(&i) = t.0.get(s) {
            return i;
        }
        let i = t.1.len() as u32;
        t.1.push(Arc::from(s));
        t.0.insert(s.to_string(), i);
        i
    }

    pub fn name(&self, id: u32) -> Arc<str> {
        self.names.read().unwrap().1[id as usize].clone()
    }

    #[inline]
    pub fn map(&self, id: u32) -> &'static Map {
        let p = self.maps[id as usize].load(Ordering::Acquire);
        assert!(!p.is_null(), "unknown map {id}");
        // SAFETY: maps are leaked boxes, published once and never freed or changed.
        unsafe { &*p }
    }

    /// The map reached from `from` by adding attribute `name`.
    pub fn map_add(&self, from: u32, name: u32) -> u32 {
        let m = self.map(from);
        if let Some(&t) = m.transitions.lock().unwrap().get(&name) {
            return t;
        }
        let mut tr = m.transitions.lock().unwrap();
        if let Some(&t) = tr.get(&name) {
            return t;
        }
        let mut names = m.names.clone();
        names.push(name);
        let new: &'static Map = Box::leak(Box::new(Map { names, transitions: Mutex::new(FxMap::default()) }));
        let mut n = self.maps_len.lock().unwrap();
        assert!(*n < MAX_MAPS, "too many instance maps");
        self.maps[*n].store(new as *const Map as *mut Map, Ordering::Release);
        *n += 1;
        let id = (*n - 1) as u32;
        tr.insert(name, id);
        id
    }

    pub fn register_builtin(&self, name: &'static str, f: BuiltinFn) -> u32 {
        let mut n = self.builtins_len.lock().unwrap();
        assert!(*n < MAX_BUILTINS, "too many built-in functions");
        let unwrap = match name.split_once('.') {
            Some((ty, m)) => NATIVE_BASES.contains(&ty) && m != "__new__" && !name.starts_with("static:"),
            None => false,
        };
        let binds = match name.rsplit_once('.') {
            Some((owner, m)) => {
                m != "__new__"
                    && !name.starts_with("static:")
                    && !self.native_modules.lock().unwrap().iter().any(|n| n == owner)
            }
            None => false,
        };
        let _ = self.builtins[*n].set(BuiltinDef { name, f, unwrap, binds });
        *n += 1;
        (*n - 1) as u32
    }

    #[inline]
    pub fn builtin(&self, id: u32) -> (&'static str, BuiltinFn) {
        let d = self.builtins[id as usize].get().expect("registered built-in");
        (d.name, d.f)
    }

    /// Notes a native module's name before its functions are registered (they do not bind).
    pub fn note_native_module(&self, name: &str) {
        self.native_modules.lock().unwrap().push(name.to_string());
    }

    #[inline]
    pub fn builtin_def(&self, id: u32) -> &BuiltinDef {
        self.builtins[id as usize].get().expect("registered built-in")
    }
}
