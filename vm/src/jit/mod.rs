//! The tracing JIT's VM side (issue "Tracing Python"): options, hot-loop counters, the shared
//! cache of compiled loops, and statistics. Recording is in `recorder.rs`, entering compiled
//! code and resuming the interpreter from a guard exit in `exec.rs`. The trace IR, optimizer
//! and backend are the `jit` crate's; this module must never emit machine code itself.
//!
//! What is traced: loops of the outermost dispatch loop (nested ones through bridges), with the
//! bytecodes `recorder.rs` knows, calls of functions, methods and classes inlined; anything
//! else aborts the recording. A loop whose recording aborted three times (or was retried twenty
//! times) is blacklisted. `docs/architecture.md` ("Tracing Python") has the whole picture.

pub mod exec;
pub mod helpers;
pub mod recorder;

use jit::ir::{ArrayDescr, Descr, DescrId, Descrs, FieldDescr, Type};
use jit::{Backend, CompiledTrace, Options as BackendOptions};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// `--jit` settings.
#[derive(Clone, Debug, PartialEq)]
pub struct JitOptions {
    pub enabled: bool,
    /// Backward jumps to a loop header before the loop is traced.
    pub threshold: u32,
    /// Most ops a trace may record before the recording is aborted.
    pub trace_limit: usize,
    /// Failures of a guard after which a bridge is traced from it.
    pub bridge_threshold: u32,
    /// `-X jitlog=FILE` (also `PYSTMLOG=jit:FILE`): where to write the trace log.
    pub log: Option<String>,
    /// `-X perf` (also `PYTHONPERFSUPPORT=1`): write `/tmp/perf-PID.map` for `perf report`.
    pub perf: bool,
}

impl Default for JitOptions {
    fn default() -> JitOptions {
        JitOptions { enabled: true, threshold: 1000, trace_limit: 6000, bridge_threshold: 200, log: None, perf: false }
    }
}

/// What `--jit help` prints.
pub const HELP: &str = "\
--jit off                 turn the JIT off (also -X jit=0, PYTHON_JIT=0)
--jit on                  turn it on (the default; also -X jit=1, PYTHON_JIT=1)
--jit threshold=N         trace a loop once its header was reached N times (default 1000;
                          1 traces every loop the first time round)
--jit trace_limit=N       abort a recording longer than N ops (default 6000)
--jit trace_eagerness=N   trace a bridge from a guard once it failed N times (default 200)
Settings combine with commas: --jit threshold=200,trace_limit=3000
";

impl JitOptions {
    /// Applies a `--jit` argument (`off`, `on`, `help` is the caller's, or `k=v,...`).
    pub fn apply(&mut self, spec: &str) -> Result<(), String> {
        for part in spec.split(',') {
            let part = part.trim();
            match part.split_once('=') {
                None if part == "off" => self.enabled = false,
                None if part == "on" => self.enabled = true,
                Some((k, v)) => {
                    let n: u64 = v.parse().map_err(|_| format!("--jit {k}: expected a number, got {v:?}"))?;
                    match k {
                        "threshold" if n >= 1 && n <= u32::MAX as u64 => self.threshold = n as u32,
                        "trace_limit" if n >= 10 => self.trace_limit = n as usize,
                        "trace_eagerness" if n >= 1 && n <= u32::MAX as u64 => self.bridge_threshold = n as u32,
                        "threshold" | "trace_limit" | "trace_eagerness" => {
                            return Err(format!("--jit {k}={v}: out of range"));
                        }
                        _ => return Err(format!("--jit: unknown setting {k:?} (see --jit help)")),
                    }
                }
                None => return Err(format!("--jit: unknown setting {part:?} (see --jit help)")),
            }
        }
        Ok(())
    }
}

/// The VM's descriptors: the object layouts compiled code touches. Fields of built-in iterators
/// that hold different things per iterator kind have one descriptor per kind (a trace guards
/// the kind before using them).
pub struct VmDescrs {
    pub table: Descrs,
    /// A float object (type id FLOAT, 16 bytes).
    pub float: DescrId,
    /// Its value (immutable).
    pub float_val: DescrId,
    /// An iterator object (type id ITER, 48 bytes) and its kind (immutable, a tagged int).
    pub iter: DescrId,
    pub iter_kind: DescrId,
    /// A range iterator's next value, step (immutable) and count left (tagged ints).
    pub range_cur: DescrId,
    pub range_step: DescrId,
    pub range_left: DescrId,
    /// A list iterator's list (null once exhausted) and next index (a tagged int).
    pub listiter_list: DescrId,
    pub listiter_index: DescrId,
    /// A list's length (a tagged int) and item array.
    pub list_len: DescrId,
    pub list_items: DescrId,
    /// An item array's words, read as ints (to test the small-int tag) or as references.
    pub array_words: DescrId,
    pub array_refs: DescrId,
    /// A tuple's length (a plain int) and items, inline (all immutable).
    pub tuple_len: DescrId,
    pub tuple_words: DescrId,
    pub tuple_refs: DescrId,
    /// A dict's structure version (a tagged int) and entry array.
    pub dict_version: DescrId,
    pub dict_entries: DescrId,
    /// An instance (type id INSTANCE, 48 bytes); its class (immutable), map (a tagged int) and
    /// slot array; a class's version.
    pub instance: DescrId,
    pub inst_class: DescrId,
    pub inst_map: DescrId,
    pub inst_slots: DescrId,
    pub class_version: DescrId,
    /// A function's code address (a tagged word) and globals (both immutable).
    pub fn_code: DescrId,
    pub fn_globals: DescrId,
    /// A function's defaults tuple (immutable).
    pub fn_defaults: DescrId,
    /// A cell's value, read as an int (to test the small-int tag) or as a reference.
    pub cell_word: DescrId,
    pub cell_ref: DescrId,
    /// Which built-in function a built-in function object is (a bound method's too).
    pub builtin_id: DescrId,
    /// `pow(x, y)` of two floats, as the interpreter's `float ** float` computes it (pure).
    pub float_pow: DescrId,
    /// Functions of `math` from a float to a float, by their built-in's name (`math.sqrt`):
    /// pure calls.
    pub math: Vec<(&'static str, DescrId)>,
    /// The helpers for operations not inlined (`helpers.rs`).
    pub helpers: helpers::Helpers,
}

/// The functions of `math` compiled code calls, the same Rust functions as `math`'s own (the
/// recorder guards their domain and a finite result; anything else runs in the interpreter).
macro_rules! math_fns {
    ($($name:ident => $method:ident),*) => {
        [$(
            (concat!("math.", stringify!($name)), {
                extern "C" fn $name(x: f64) -> f64 {
                    x.$method()
                }
                $name as extern "C" fn(f64) -> f64
            })
        ),*]
    };
}
const MATH: [(&str, extern "C" fn(f64) -> f64); 10] = math_fns!(
    sqrt => sqrt, sin => sin, cos => cos, tan => tan, atan => atan, exp => exp, sinh => sinh,
    cosh => cosh, tanh => tanh, fabs => abs
);

/// `x ** y` of floats (`f64::powf`, the interpreter's own), called from compiled code.
extern "C" fn float_pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

impl VmDescrs {
    fn new() -> VmDescrs {
        use crate::layout::*;
        let mut table = Descrs::new();
        let field = |table: &mut Descrs, name: &str, offset: u64, kind: Type, immutable: bool| {
            table.add(name, Descr::Field(FieldDescr { offset: offset as i32, size: 8, signed: true, kind, immutable }))
        };
        let float = table.size("float", tid::FLOAT, 16);
        let float_val = field(&mut table, "float.value", FLOAT_VAL, Type::Float, true);
        let iter = table.size("iter", tid::ITER, 48);
        let iter_kind = field(&mut table, "iter.kind", IT_KIND, Type::Int, true);
        let range_cur = field(&mut table, "rangeiter.next", IT_A, Type::Int, false);
        let range_step = field(&mut table, "rangeiter.step", IT_B, Type::Int, true);
        let range_left = field(&mut table, "rangeiter.left", IT_C, Type::Int, false);
        let listiter_list = field(&mut table, "listiter.list", IT_A, Type::Ref, false);
        let listiter_index = field(&mut table, "listiter.index", IT_B, Type::Int, false);
        let list_len = field(&mut table, "list.len", LIST_LEN, Type::Int, false);
        let list_items = field(&mut table, "list.items", LIST_ITEMS, Type::Ref, false);
        let array = |kind| {
            Descr::Array(ArrayDescr {
                base: ARRAY_ITEMS as i32,
                item_size: 8,
                signed: true,
                kind,
                len_offset: ARRAY_CAP as i32,
                immutable: false,
                typeid: tid::ARRAY,
            })
        };
        let array_words = table.add("array.words", array(Type::Int));
        let array_refs = table.add("array.refs", array(Type::Ref));
        let tuple_len = field(&mut table, "tuple.len", TUPLE_LEN, Type::Int, true);
        let tuple = |kind| {
            Descr::Array(ArrayDescr {
                base: TUPLE_ITEMS as i32,
                item_size: 8,
                signed: true,
                kind,
                len_offset: TUPLE_LEN as i32,
                immutable: true,
                typeid: tid::TUPLE,
            })
        };
        let tuple_words = table.add("tuple.words", tuple(Type::Int));
        let tuple_refs = table.add("tuple.refs", tuple(Type::Ref));
        let dict_version = field(&mut table, "dict.version", DICT_VERSION, Type::Int, false);
        let dict_entries = field(&mut table, "dict.entries", DICT_ENTRIES, Type::Ref, false);
        let instance = table.size("instance", tid::INSTANCE, 48);
        // (Not immutable: `obj.__class__ = C` changes it.)
        let inst_class = field(&mut table, "instance.class", INST_CLASS, Type::Ref, false);
        let inst_map = field(&mut table, "instance.map", INST_MAP, Type::Int, false);
        let inst_slots = field(&mut table, "instance.slots", INST_SLOTS, Type::Ref, false);
        let class_version = field(&mut table, "class.version", CLS_VERSION, Type::Int, false);
        let fn_code = field(&mut table, "function.code", FN_CODEPTR, Type::Int, true);
        let fn_globals = field(&mut table, "function.globals", FN_GLOBALS, Type::Ref, true);
        let fn_defaults = field(&mut table, "function.defaults", FN_DEFAULTS, Type::Ref, true);
        let cell_word = field(&mut table, "cell.value", CELL_VAL, Type::Int, false);
        let builtin_id = field(&mut table, "builtin.id", BI_ID, Type::Int, true);
        let cell_ref = field(&mut table, "cell.ref", CELL_VAL, Type::Ref, false);
        let pure = |addr: u64, args: Vec<Type>| {
            Descr::Call(jit::ir::CallDescr {
                addr,
                args,
                result: Type::Float,
                effect: jit::ir::Effect { may_raise: false, writes: Some(vec![]), pure: true },
                with_ctx: false,
            })
        };
        let float_pow = table.add("float_pow", pure(float_pow as *const () as u64, vec![Type::Float, Type::Float]));
        let math = MATH
            .iter()
            .map(|(name, f)| (*name, table.add(name, pure(*f as *const () as u64, vec![Type::Float]))))
            .collect();
        let helpers = helpers::Helpers::new(&mut table);
        VmDescrs {
            table,
            float,
            float_val,
            iter,
            iter_kind,
            range_cur,
            range_step,
            range_left,
            listiter_list,
            listiter_index,
            list_len,
            list_items,
            array_words,
            array_refs,
            tuple_len,
            tuple_words,
            tuple_refs,
            dict_version,
            dict_entries,
            instance,
            inst_class,
            inst_map,
            inst_slots,
            class_version,
            fn_code,
            fn_globals,
            fn_defaults,
            cell_word,
            cell_ref,
            builtin_id,
            float_pow,
            math,
            helpers,
        }
    }
}

/// How a slot's value enters a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A small int, entered untagged.
    Int,
    /// A float object (exact type), entered as its reference.
    Float,
    /// Any other word (an object reference, None, an unbound slot), entered as it is.
    Word,
}

/// A compiled loop: its code, the kinds its inputs must have, and the bridges attached to its
/// guards (traced from an exit that failed often, they jump back to the loop's start).
pub struct Loop {
    pub trace: CompiledTrace,
    pub entry: Vec<Kind>,
    /// The loop's header: the pc its trace starts at (in the code it was recorded in).
    pub header: u32,
    pub bridges: Mutex<Bridges>,
}

/// An exit of a loop's trace or of one of its bridges: (trace id, exit index).
pub type ExitId = (u32, usize);

/// The bridges of a loop (attached to exits of its trace or of its bridges), and how often
/// recording one from each exit was abandoned.
#[derive(Default)]
pub struct Bridges {
    pub traces: Vec<CompiledTrace>,
    pub aborts: HashMap<ExitId, u32>,
    /// Exits with a bridge attached or being recorded.
    pub taken: Vec<ExitId>,
}

impl Loop {
    pub fn new(trace: CompiledTrace, entry: Vec<Kind>, header: u32) -> Loop {
        Loop { trace, entry, header, bridges: Mutex::new(Bridges::default()) }
    }

    /// Runs `f` on trace `id`: the loop's own or one of its bridges.
    pub fn with_trace<R>(&self, id: u32, f: impl FnOnce(&CompiledTrace) -> R) -> R {
        if id == self.trace.id {
            return f(&self.trace);
        }
        let b = self.bridges.lock().unwrap();
        f(b.traces.iter().find(|t| t.id == id).expect("a trace of the loop or of its bridges"))
    }
}

/// The state of a loop header in the shared cache.
pub enum Header {
    Compiled(Arc<Loop>),
    /// Recordings aborted (`aborts`), and given up to be tried again (`retries`: the loop
    /// ended, or the transaction was young).
    Aborted {
        aborts: u32,
        retries: u32,
    },
    Blacklisted,
}

/// Recording aborts after which a loop is never traced again.
pub const ABORTS_TO_BLACKLIST: u32 = 3;

/// The most bridges one loop gets (with its bridges' bridges): a guard specialized on a value
/// that changes every time round would otherwise grow a chain of bridges without end.
pub const MAX_BRIDGES: usize = 64;

/// Recordings given up to be tried again after which the loop is blacklisted all the same (a
/// loop that never comes round while recorded, one iteration per entry, would otherwise be
/// recorded at every entry). Retry `n` waits `2^(n-1)` back-edges (at most the threshold): a
/// loop whose first few thousand runs take one iteration (fannkuch's flips) still compiles.
pub const RETRIES_TO_BLACKLIST: u32 = 40;

/// The process's JIT: options, descriptors, backend and the compiled loops (shared by all
/// threads; a thread compiling holds only the backend's own lock, never this cache's).
pub struct Jit {
    pub options: JitOptions,
    pub descrs: &'static VmDescrs,
    pub backend: Backend,
    /// Loop headers by (code address, pc).
    pub headers: Mutex<HashMap<(usize, u32), Header>>,
    pub stats: JitStats,
    /// The trace log (`-X jitlog=FILE`).
    pub log: Option<jit::log::TraceLog>,
    /// The perf map (`-X perf`): `START SIZE py::trace_ID:FILE:LINE` per compiled trace.
    pub perf_map: Option<Mutex<std::fs::File>>,
    /// Code objects whose source is in the trace log already.
    logged_sources: Mutex<std::collections::HashSet<u64>>,
    /// The loop each compiled trace belongs to (a loop's own trace and its bridges), by trace
    /// id: a bridge may jump to another loop, whose exits then end the run.
    owners: Mutex<HashMap<u32, Arc<Loop>>>,
}

/// Counters for `pystm.jit_stats()`.
#[derive(Default)]
pub struct JitStats {
    pub loops: AtomicU64,
    pub bridges: AtomicU64,
    pub aborts: AtomicU64,
    pub blacklisted: AtomicU64,
    pub entries: AtomicU64,
    pub guard_exits: AtomicU64,
    pub compile_ns: AtomicU64,
}

impl Jit {
    /// The JIT for these options (`None` when it is off or the backend cannot start, which is
    /// reported once).
    pub fn new(options: JitOptions, log: Option<jit::log::TraceLog>) -> Option<Jit> {
        if !options.enabled {
            return None;
        }
        // Entries are counted (one add per entry, not per iteration) for the trace log.
        let backend =
            match Backend::new::<crate::layout::Model>(BackendOptions { count_entries: true, ..Default::default() }) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("pystm: the JIT is off: {e}");
                    return None;
                }
            };
        let descrs: &'static VmDescrs = Box::leak(Box::new(VmDescrs::new()));
        let perf_map = options.perf.then(|| {
            let path = format!("/tmp/perf-{}.map", std::process::id());
            match std::fs::File::create(&path) {
                Ok(f) => Some(Mutex::new(f)),
                Err(e) => {
                    eprintln!("pystm: cannot write the perf map {path}: {e}");
                    None
                }
            }
        });
        Some(Jit {
            options,
            descrs,
            backend,
            headers: Mutex::new(HashMap::new()),
            stats: JitStats::default(),
            log,
            perf_map: perf_map.flatten(),
            logged_sources: Mutex::new(Default::default()),
            owners: Mutex::new(HashMap::new()),
        })
    }

    /// Logs a compiled trace (with the trace recorded and the one optimized) to the trace log
    /// and the perf map, as `code@pc` (where its recording started) tells.
    pub fn log_trace(
        &self,
        ct: &CompiledTrace,
        recorded: &jit::ir::Trace,
        optimized: &jit::ir::Trace,
        times: jit::log::Times,
        d: &Descrs,
    ) {
        // The bytecodes the trace ran: `(code, pc)` of its merge points.
        let merge_points =
            recorded.ops.iter().filter(|o| o.opcode == jit::ir::Opcode::DebugMergePoint).filter_map(|o| {
                match (o.args[0], o.args[1]) {
                    (jit::ir::Arg::Int(c), jit::ir::Arg::Int(pc)) => Some((c as u64, pc as u32)),
                    _ => None,
                }
            });
        if let Some(m) = &self.perf_map {
            use std::io::Write;
            let at = merge_points.clone().next().map(|(c, pc)| locate_line(c, pc));
            let line = format!(
                "{:x} {:x} py::trace_{}:{}\n",
                ct.code_addr(),
                ct.code().len(),
                ct.id,
                at.unwrap_or_else(|| "?".into())
            );
            let _ = m.lock().unwrap().write_all(line.as_bytes());
        }
        let Some(log) = &self.log else { return };
        let mut r = log.trace(ct, recorded, Some(optimized), times, d, &|c, pc| jit::log::Place {
            location: locate(c, pc),
            bytecode: crate::compile::code::from_addr_word(c as i64).describe(pc as usize),
        });
        // The source of each code object the trace ran, once per log.
        let mut logged = self.logged_sources.lock().unwrap();
        for (c, _) in merge_points {
            if r.is_ok() && logged.insert(c) {
                let code = crate::compile::code::from_addr_word(c as i64);
                let last = code.lines.iter().copied().max().unwrap_or(code.firstlineno).max(code.firstlineno);
                let lines: Vec<&str> = (code.firstlineno..=last).map(|n| code.source.line(n).unwrap_or("")).collect();
                r = log.source(c, &code.qualname, code.filename(), code.firstlineno, &lines);
            }
        }
        if let Err(e) = r {
            eprintln!("pystm: cannot write the JIT log: {e}");
        }
    }

    /// Logs a recording given up at `code@pc`, and the loop's blacklisting if this abort was
    /// one too many.
    pub fn log_abort(&self, code: usize, pc: u32, reason: &str, blacklisted: Option<u32>) {
        let Some(log) = &self.log else { return };
        let at = locate(code as u64, pc);
        let mut r = log.abort(code as u64, pc, &at, reason);
        if let Some(n) = blacklisted
            && r.is_ok()
        {
            r = log.blacklist(code as u64, pc, &at, n);
        }
        if let Err(e) = r {
            eprintln!("pystm: cannot write the JIT log: {e}");
        }
    }

    /// Logs the entry and failure counts of every compiled trace (at exit).
    pub fn log_counts(&self) {
        let Some(log) = &self.log else { return };
        let headers = self.headers.lock().unwrap();
        let loops: Vec<&Arc<Loop>> =
            headers.values().filter_map(|h| if let Header::Compiled(l) = h { Some(l) } else { None }).collect();
        let bridges: Vec<_> = loops.iter().map(|l| l.bridges.lock().unwrap()).collect();
        let mut traces: Vec<&CompiledTrace> = loops.iter().map(|l| &l.trace).collect();
        for b in &bridges {
            traces.extend(b.traces.iter());
        }
        traces.sort_by_key(|t| t.id);
        if let Err(e) = log.counts(&traces) {
            eprintln!("pystm: cannot write the JIT log: {e}");
        }
    }

    pub fn header(&self, code: usize, pc: u32) -> Option<Arc<Loop>> {
        match self.headers.lock().unwrap().get(&(code, pc)) {
            Some(Header::Compiled(l)) => Some(l.clone()),
            _ => None,
        }
    }

    /// Whether the header may be traced (not compiled, not blacklisted).
    pub fn traceable(&self, code: usize, pc: u32) -> bool {
        matches!(self.headers.lock().unwrap().get(&(code, pc)), None | Some(Header::Aborted { .. }))
    }

    /// Installs a compiled loop, unless another thread compiled the same loop first: a
    /// compiled loop is never replaced nor freed (back-edges hold raw pointers to it, and
    /// threads may be running it).
    pub fn install(&self, code: usize, pc: u32, l: Loop) {
        let mut h = self.headers.lock().unwrap();
        if let Some(Header::Compiled(_)) = h.get(&(code, pc)) {
            return;
        }
        let l = Arc::new(l);
        self.owners.lock().unwrap().insert(l.trace.id, l.clone());
        h.insert((code, pc), Header::Compiled(l));
        self.stats.loops.fetch_add(1, Ordering::Relaxed);
    }

    /// Attaches a bridge recorded from exit `from` (of `parent`'s trace or of one of its
    /// bridges).
    pub fn attach(&self, parent: &Arc<Loop>, from: ExitId, bridge: CompiledTrace) {
        // The bridge is registered (its owner, its place in the list) before the exit is
        // patched: once the patch is visible, another thread running the trace may enter the
        // bridge and leave it by one of its exits, which `jit_run` then looks up.
        self.owners.lock().unwrap().insert(bridge.id, parent.clone());
        let mut b = parent.bridges.lock().unwrap();
        b.traces.push(bridge);
        let (bridge, earlier) = b.traces.split_last().expect("the bridge just pushed");
        let t = if from.0 == parent.trace.id {
            &parent.trace
        } else {
            earlier.iter().find(|t| t.id == from.0).expect("the exit's trace among the loop's bridges")
        };
        // SAFETY: the bridge was recorded from that exit's fail arguments, by the same backend,
        // and lives in the loop's bridge list as long as the loop (for the process); a trace's
        // exit slots are boxed and its code is apart from it, so the list may move the traces.
        unsafe { t.attach_bridge(from.1, bridge) };
        self.stats.bridges.fetch_add(1, Ordering::Relaxed);
    }

    /// The loop compiled trace `id` belongs to.
    pub fn owner(&self, id: u32) -> Option<Arc<Loop>> {
        self.owners.lock().unwrap().get(&id).cloned()
    }

    /// Counts an aborted recording of the loop at `code@pc` (`retry`: to be tried again): how
    /// many of its kind there were, or None when that blacklisted it.
    pub fn aborted(&self, code: usize, pc: u32, retry: bool) -> Option<u32> {
        self.stats.aborts.fetch_add(1, Ordering::Relaxed);
        let mut h = self.headers.lock().unwrap();
        // (A compiled header stays compiled: another thread's recording may still abort.)
        let e = h.entry((code, pc)).or_insert(Header::Aborted { aborts: 0, retries: 0 });
        if let Header::Aborted { aborts, retries } = e {
            let (n, limit) = if retry { (retries, RETRIES_TO_BLACKLIST) } else { (aborts, ABORTS_TO_BLACKLIST) };
            *n += 1;
            if *n >= limit {
                *e = Header::Blacklisted;
                self.stats.blacklisted.fetch_add(1, Ordering::Relaxed);
                return None;
            }
            return Some(*n);
        }
        Some(0)
    }
}

/// A thread's JIT state: the recording in progress (back-edges are counted in the code's
/// inline-cache words, see `exec.rs`).
#[derive(Default)]
pub struct JitThread {
    pub rec: Option<Box<recorder::Recorder>>,
    /// The inputs and exit values of compiled code, kept between entries (zeroing 2 KiB at
    /// every entry showed in the profile of a generator whose trace exits at each `yield`).
    pub buf: Option<Box<[u64; jit::MAX_EXIT_VALUES]>>,
}

/// A bytecode's source location for the trace log: `file.py:12 in f`. The code id of the
/// VM's traces is the `Code`'s address.
fn locate(code: u64, pc: u32) -> String {
    let c = crate::compile::code::from_addr_word(code as i64);
    format!("{} in {}", locate_line(code, pc), c.name)
}

/// `file.py:12`.
fn locate_line(code: u64, pc: u32) -> String {
    let c = crate::compile::code::from_addr_word(code as i64);
    let line = c.lines.get(pc as usize).copied().unwrap_or(0);
    format!("{}:{line}", c.filename())
}

/// Whether `PYSTM_JIT_DEBUG` asks for a line per compiled loop and abort on stderr.
pub fn debug() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PYSTM_JIT_DEBUG").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trivial(jit: &Jit) -> Loop {
        let t = jit::ir::text::parse("[i0]\nexit(i0) [resume: 0x1@0 s0=i0]\n", &jit.descrs.table).expect("parses");
        Loop::new(
            jit.backend.compile(&t, &jit.descrs.table, jit::TraceKind::Straight).expect("compiles"),
            vec![Kind::Int],
            0,
        )
    }

    /// Two threads that recorded the same loop both install it: the first stays (back-edges
    /// hold raw pointers to it and threads may be running it), the second is dropped.
    #[test]
    fn a_compiled_loop_is_never_replaced() {
        let jit = Jit::new(JitOptions::default(), None).expect("a JIT");
        jit.install(1, 2, trivial(&jit));
        let first = jit.header(1, 2).expect("installed");
        jit.install(1, 2, trivial(&jit));
        assert!(Arc::ptr_eq(&first, &jit.header(1, 2).expect("installed")));
        assert_eq!(jit.stats.loops.load(Ordering::Relaxed), 1);
        // Aborts of late recordings leave it compiled.
        for _ in 0..ABORTS_TO_BLACKLIST {
            jit.aborted(1, 2, false);
        }
        assert!(jit.header(1, 2).is_some());
    }
}
