//! Running a program: building the heap and the runtime, start-up, executing the main module in
//! the outermost dispatch loop (restarting from the last commit after an abort), turning an
//! uncaught exception into CPython's traceback and exit status, and the interactive prompt.

use crate::builtins;
use crate::interp::eval::ENTRY_RUST;
use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::runtime::{Options, Runtime};
use crate::value::Value;

use stm::ObjRef;

pub struct Settings {
    pub options: Options,
    pub gc_stress: bool,
}

/// Builds a runtime and the main thread's VM, with the built-ins committed.
pub fn new_vm(settings: &Settings) -> Result<Vm, String> {
    let mut gcc = gc::GcConfig { stress: settings.gc_stress, ..Default::default() };
    let o = &settings.options;
    gcc.stm.segments = if o.gil {
        1
    } else {
        o.segments.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(64))
    };
    let log = match &o.stmlog {
        Some(path) => Some(std::sync::Arc::new(crate::stmlog::StmLog::create(path)?)),
        None => None,
    };
    if let Some(l) = &log {
        gcc.stm.event_sink = Some(l.clone());
    }
    let jitlog = match &o.jit.log {
        Some(path) => {
            let f = std::fs::File::create(path).map_err(|e| format!("cannot write the JIT log {path}: {e}"))?;
            Some(
                jit::log::TraceLog::new(Box::new(std::io::BufWriter::new(f)))
                    .map_err(|e| format!("cannot write the JIT log {path}: {e}"))?,
            )
        }
        None => None,
    };
    let g = gc::Gc::new(gcc, Model).map_err(|e| format!("cannot create the heap: {e}"))?;
    let rt = Runtime::new(g, settings.options.clone(), log, jitlog);
    let mut vm = Vm::new(rt);
    vm.m.start();
    builtins::init(&mut vm);
    Ok(vm)
}

/// The `__main__` module's dict.
fn main_module(vm: &mut Vm, filename: Option<&str>) -> Value {
    let m = vm.new_module("__main__");
    let d = vm.ld(m.as_obj(), MOD_DICT);
    let b = Value::obj(vm.rt.globals().builtins);
    let bk = vm.new_str("builtins");
    let mods = Value::obj(vm.rt.globals().modules);
    let bmod = vm.dict_get(mods, bk).ok().flatten().unwrap_or(b);
    vm.def_value(d, "__builtins__", bmod);
    if let Some(f) = filename {
        let fv = vm.new_str(f);
        vm.def_value(d, "__file__", fv);
    }
    let mk = vm.new_str("__main__");
    let _ = vm.dict_set(mods, mk, m);
    d
}

/// Runs code `id` as the outermost frame; Err(exception) if it raised.
pub fn run_outermost(vm: &mut Vm, id: u32, globals: Value) -> Result<(), Value> {
    outermost_loop(vm, &mut |vm| {
        let co = vm.materialize_code(id);
        Ok(Some(vm.new_frame(co, Value::NULL, globals, globals)))
    })
}

/// Runs a frame that `begin` builds (None: nothing to run) in the outermost dispatch loop,
/// restarting from the last commit after an abort (or calling `begin` again, if the abort came
/// before the first commit). Err(exception) if it raised.
fn outermost_loop(vm: &mut Vm, begin: &mut dyn FnMut(&mut Vm) -> R<Option<ObjRef>>) -> Result<(), Value> {
    vm.nesting = 1;
    vm.call_depth = 1;
    vm.mcache_flush();
    vm.set_restart_point(ObjRef(0));
    vm.resume_fix = None;
    let mut started = false;
    let r = loop {
        let step = if started {
            vm.dispatch().map(|_| ())
        } else {
            match begin(vm) {
                Ok(Some(f)) => {
                    vm.init(f, F_ENTRY, Value::int(ENTRY_RUST));
                    vm.frame = f;
                    vm.call_depth = 1;
                    started = true;
                    continue;
                }
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            }
        };
        // The end: commit here, so that a conflict at this last commit redoes the work since
        // the last commit point like any other abort.
        let step = match step {
            Ok(()) => commit_end(vm, Value::NONE).map(|_| ()),
            Err(Unwind::Exc(e)) => commit_end(vm, e).and_then(|e| Err(Unwind::Exc(e))),
            Err(Unwind::Abort) => Err(Unwind::Abort),
        };
        match step {
            Ok(()) => break Ok(()),
            Err(Unwind::Exc(e)) => break Err(inevitable_for_report(vm, e)),
            Err(Unwind::Abort) => loop {
                // Everything since the last commit is rolled back: restart from there.
                vm.forget_since_commit();
                vm.wait_before_restart();
                vm.m.start();

                vm.mcache_flush();
                let (f, depth) = vm.restart_point();
                if f.is_null() {
                    // Aborted before the first commit: the first frame never existed.
                    started = false;
                    break;
                }
                vm.frame = f;
                vm.call_depth = depth;
                // (Rolled back again while fixing the frame up: restart once more.)
                if vm.apply_resume_fix().is_ok() {
                    break;
                }
            },
        }
    };
    vm.nesting = 0;
    r
}

/// For `outermost_loop`: the frame of a call to `f` (None if `f` is a built-in, which has run).
fn call_frame(vm: &mut Vm, f: Value, args: &[Value], kw: &[(Value, Value)]) -> R<Option<ObjRef>> {
    match vm.prepare_call(f, args, kw)? {
        crate::interp::call::Prepared::Frame(fr) => Ok(Some(fr)),
        crate::interp::call::Prepared::Done(_) => Ok(None),
    }
}

/// Closes atomic blocks left open (a program that ends inside one), so that the last
/// transaction may commit.
fn end_atomic_blocks(vm: &mut Vm) {
    while vm.m.th().is_atomic() {
        vm.m.thread().atomic_end();
    }
}

/// An uncaught exception leaves the outermost loop to be reported, which may run Python code
/// (`__str__`, a `code` property, a `__repr__`): in an inevitable transaction, which no conflict
/// rolls back, since nothing would redo the report. `e` is committed; it stays rooted while a
/// conflict restarts the transaction.
fn inevitable_for_report(vm: &mut Vm, e: Value) -> Value {
    vm.m.roots().words[crate::interp::ROOT_FRAME] = e.0;
    while vm.become_inevitable().is_err() {
        vm.forget_since_commit();
        vm.m.start();
    }
    let e = Value(vm.m.roots().words[crate::interp::ROOT_FRAME]);
    vm.m.roots().words[crate::interp::ROOT_FRAME] = 0;
    e
}

/// Commits the transaction at the end of an outermost run, keeping `v` (the exception, or
/// None) alive across it, and starts the next transaction. Err(Abort) if the commit lost a
/// conflict (the transaction is rolled back).
fn commit_end(vm: &mut Vm, v: Value) -> R<Value> {
    end_atomic_blocks(vm);
    vm.m.roots().words[crate::interp::ROOT_FRAME] = v.0;
    // The commit moves young objects: cached lookups must not keep their old places (Python
    // code may run after this, e.g. an exception's `__str__` while it is printed).
    vm.mcache_flush();
    vm.commit()?;
    vm.m.thread().yield_segment();
    vm.m.start();
    let v = Value(vm.m.roots().words[crate::interp::ROOT_FRAME]);
    vm.m.roots().words[crate::interp::ROOT_FRAME] = 0;
    Ok(v)
}

/// The body of a thread started by `_thread.start_new_thread`: its own VM on the shared
/// runtime, calling the payload's function in an outermost loop. `ack` is signalled once the
/// payload is in this thread's roots (the starting thread keeps it alive until then).
pub fn thread_main(rt: std::sync::Arc<Runtime>, payload: ObjRef, ident: u64, ack: std::sync::mpsc::Sender<()>) {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut vm = Vm::new(rt);
        vm.ident = ident;
        {
            // The payload is committed: a root in any segment's view, before this thread has
            // a segment (it may have to wait for one; the starting thread need not).
            let mut roots = vm.m.roots();
            roots.words = vec![0; crate::interp::ROOT_STARTING];
            roots.words[crate::interp::ROOT_PAYLOAD] = payload.0;
        }
        let _ = ack.send(());
        vm.m.start();
        let r = outermost_loop(&mut vm, &mut |vm| {
            let p = ObjRef(vm.m.roots().words[crate::interp::ROOT_PAYLOAD]);
            let (func, args, kwargs) = crate::interp::blocking::payload_parts(vm, p);
            let args = vm.tuple_items(args.as_obj());
            let kw = if kwargs == Value::NONE { Vec::new() } else { vm.dict_items(kwargs) };
            call_frame(vm, func, &args, &kw)
        });
        if let Err(e) = r
            && !vm.isinstance_name(e, "SystemExit")
        {
            let p = ObjRef(vm.m.roots().words[crate::interp::ROOT_PAYLOAD]);
            let (func, _, _) = crate::interp::blocking::payload_parts(&vm, p);
            let what = vm.repr_string(func).unwrap_or_else(|_| "<function>".into());
            builtins::modules::flush_all();
            eprintln!("Exception ignored in thread started by: {what}");
            vm.print_exception(e);
        }
        finish(&mut vm);
        vm.m.roots().words.clear();
    }));
    crate::threads::RUNNING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    if let Err(p) = r {
        builtins::modules::flush_all();
        eprintln!("Fatal Python error: pystm internal error in a thread: {}", panic_message(&p));
        std::process::exit(70);
    }
}

/// The text of a caught panic.
pub fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "internal error".into()
    }
}

/// Panics inside built-ins become Python exceptions (`call.rs::guarded`), so the default hook's
/// report is kept for the ones that escape: those end the process with "Fatal Python error".
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("PYSTM_PANIC_TRACE").is_some() {
            eprintln!("pystm internal panic: {info}\n{}", std::backtrace::Backtrace::force_capture());
        }
    }));
}

/// The exit status for an uncaught exception (printing what CPython prints).
pub fn exit_status(vm: &mut Vm, e: Value) -> i32 {
    if vm.isinstance_name(e, "SystemExit") {
        let code = vm.getattr_str(e, "code").unwrap_or(Value::NONE);
        if code == Value::NONE {
            return 0;
        }
        if let Some(i) = vm.small_int(code) {
            return i as i32;
        }
        builtins::modules::flush_all();
        let s = vm.str_string(code).unwrap_or_default();
        eprintln!("{s}");
        return 1;
    }
    vm.print_exception(e);
    1
}

/// Compiles and runs a program's source as `__main__`; returns the exit status.
pub fn run_source(vm: &mut Vm, text: &str, filename: &str) -> i32 {
    let id = match crate::compile::compile(text, filename, false) {
        Ok(id) => id,
        Err(se) => {
            builtins::modules::flush_all();
            eprint!("{}", format_syntax_error(&se));
            return 1;
        }
    };
    let file = if filename.starts_with('<') { None } else { Some(filename) };
    let globals = main_module(vm, file);
    let status = match run_outermost(vm, id, globals) {
        Ok(()) => 0,
        Err(e) => exit_status(vm, e),
    };
    shutdown_threads(vm);
    run_exitfuncs(vm);
    finish(vm);
    status
}

/// As CPython at exit: if `threading` was imported, wait for its non-daemon threads
/// (`threading._shutdown()`), in an outermost loop so that the waits commit.
fn shutdown_threads(vm: &mut Vm) {
    let mods = Value::obj(vm.rt.globals().modules);
    let k = vm.new_str("threading");
    let Ok(Some(m)) = vm.dict_get(mods, k) else { return };
    let Ok(f) = vm.getattr_str(m, "_shutdown") else { return };
    let r = outermost_loop(vm, &mut |vm| call_frame(vm, f, &[], &[]));
    if let Err(e) = r {
        vm.print_exception(e);
    }
}

/// As CPython at exit, after the threads: if `atexit` was imported, its callbacks
/// (`atexit._run_exitfuncs()`, which reports their exceptions itself).
fn run_exitfuncs(vm: &mut Vm) {
    let mods = Value::obj(vm.rt.globals().modules);
    let k = vm.new_str("atexit");
    let Ok(Some(m)) = vm.dict_get(mods, k) else { return };
    let Ok(f) = vm.getattr_str(m, "_run_exitfuncs") else { return };
    if let Err(e) = outermost_loop(vm, &mut |vm| call_frame(vm, f, &[], &[])) {
        vm.print_exception(e);
    }
}

/// Commits the last transaction (starting the threads it started), flushes output, and adds
/// the thread's summary to the STM log.
pub fn finish(vm: &mut Vm) {
    if vm.m.th().in_transaction() {
        end_atomic_blocks(vm);
        let _ = vm.commit();
    }
    builtins::modules::flush_all();
    if vm.ident == crate::threads::MAIN_IDENT
        && let Some(j) = vm.rt.jit.as_ref()
    {
        j.log_counts();
    }
    if let Some(log) = vm.rt.stmlog.clone() {
        let name = if vm.ident == crate::threads::MAIN_IDENT {
            "MainThread".to_string()
        } else {
            format!("thread {}", vm.ident)
        };
        log.thread_summary(vm.m.th().id(), &name, &vm.m.th().stats());
        log.flush();
    }
}

pub fn format_syntax_error(se: &crate::compile::SyntaxErr) -> String {
    let stripped = se.text.trim_start();
    let lead = se.text.chars().count() - stripped.chars().count();
    let col = (se.col as usize).saturating_sub(1).saturating_sub(lead);
    format!(
        "  File \"{}\", line {}\n    {}\n    {}^\n{}: {}\n",
        se.filename,
        se.line,
        stripped.trim_end(),
        " ".repeat(col),
        se.kind,
        se.msg
    )
}

/// The interactive prompt (stdin is a terminal).
pub fn repl(vm: &mut Vm) -> i32 {
    use std::io::Write;
    println!("Python 3.11.7 (pystm {}) on linux", env!("CARGO_PKG_VERSION"));
    println!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    let globals = main_module(vm, None);
    let stdin = std::io::stdin();
    loop {
        print!(">>> ");
        let _ = std::io::stdout().flush();
        let mut src = String::new();
        if stdin.read_line(&mut src).unwrap_or(0) == 0 {
            println!();
            break;
        }
        let first = src.trim_end().to_string();
        if first.trim().is_empty() {
            continue;
        }
        if first.ends_with(':') || first.ends_with('\\') || open_brackets(&first) {
            loop {
                print!("... ");
                let _ = std::io::stdout().flush();
                let mut more = String::new();
                if stdin.read_line(&mut more).unwrap_or(0) == 0 || more.trim().is_empty() {
                    break;
                }
                src.push_str(&more);
            }
        }
        let id = match crate::compile::compile(&src, "<stdin>", true) {
            Ok(id) => id,
            Err(se) => {
                eprint!("{}", format_syntax_error(&se));
                continue;
            }
        };
        if !vm.m.th().in_transaction() {
            vm.m.start();
        }
        if let Err(e) = run_outermost(vm, id, globals) {
            if vm.isinstance_name(e, "SystemExit") {
                let s = exit_status(vm, e);
                finish(vm);
                return s;
            }
            vm.print_exception(e);
        }
        builtins::modules::flush_all();
    }
    finish(vm);
    0
}

fn open_brackets(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}
