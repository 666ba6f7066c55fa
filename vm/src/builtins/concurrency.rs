//! The `_thread` module (threads and locks, on which the shipped `threading` and `queue`
//! modules stand), the `pystm` module (atomic blocks, commit hints, STM statistics) and
//! `time.sleep`. Waiting and starting threads go through `interp/blocking.rs`; lock states live
//! in `threads.rs`. This file must never wait or spawn by itself.

use crate::interp::blocking::Blocking;
use crate::interp::{R, Vm};
use crate::layout::*;
use crate::runtime::{BuiltinFn, Types};
use crate::threads;
use crate::value::Value;
use std::time::Duration;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

/// Largest timeout `acquire` accepts, in seconds (CPython's value on Linux).
const TIMEOUT_MAX: f64 = 9223372036.0;

/// Builds `_thread` and `pystm` and registers them in `sys.modules`.
pub fn install(vm: &mut Vm, t: &mut Types, modules: Value) {
    let d = vm.native_module(modules, "_thread");
    let mname = vm.new_str("_thread");
    let cd = vm.new_dict();
    let lock = vm.new_class("lock", &[t.object], cd, tid::INSTANCE, CLSF_BUILTIN, mname).expect("class");
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("lock.acquire", lock_acquire),
        ("lock.acquire_lock", lock_acquire),
        ("lock.__enter__", lock_acquire),
        ("lock.release", lock_release),
        ("lock.release_lock", lock_release),
        ("lock.__exit__", lock_release),
        ("lock.locked", lock_locked),
        ("lock.locked_lock", lock_locked),
        ("lock.__repr__", lock_repr),
    ];
    vm.def_builtins(vm.ld(lock, CLS_DICT), methods);
    t.lock = lock;
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_thread.start_new_thread", start_new_thread),
        ("_thread.start_new", start_new_thread),
        ("_thread.allocate_lock", allocate_lock),
        ("_thread.allocate", allocate_lock),
        ("_thread.get_ident", get_ident),
        ("_thread.get_native_id", get_ident),
        ("_thread._count", count),
        ("_thread.stack_size", stack_size),
    ];
    vm.def_builtins(d, fns);
    vm.def_value(d, "LockType", Value::obj(lock));
    let tm = vm.new_float(TIMEOUT_MAX);
    vm.def_value(d, "TIMEOUT_MAX", tm);
    let rte = Value::obj(t.exc["RuntimeError"]);
    vm.def_value(d, "error", rte);

    let d = vm.native_module(modules, "pystm");
    let mname = vm.new_str("pystm");
    let cd = vm.new_dict();
    let atomic = vm.new_class("atomic", &[t.object], cd, tid::INSTANCE, CLSF_BUILTIN, mname).expect("class");
    vm.def_method(atomic, "atomic.__enter__", atomic_enter);
    vm.def_method(atomic, "atomic.__exit__", atomic_exit);
    let a = vm.new_instance(atomic);
    vm.def_value(d, "atomic", a);
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("pystm.is_atomic", is_atomic),
        ("pystm.hint_commit_soon", hint_commit_soon),
        ("pystm.getsegmentlimit", getsegmentlimit),
        ("pystm.stats", stats),
        ("pystm.jit_enabled", jit_enabled),
        ("pystm.jit_stats", jit_stats),
    ];
    vm.def_builtins(d, fns);
}

// ---- _thread ------------------------------------------------------------------------------

fn start_new_thread(vm: &mut Vm, a: A, k: K) -> R<Value> {
    vm.no_kw("start_new_thread", k)?;
    vm.nargs("start_new_thread", a, 2, 3)?;
    let c = vm.builtin_value("callable")?;
    if vm.call_value(c, &[a[0]], &[])? != Value::TRUE {
        return Err(vm.new_error("TypeError", "first arg must be callable"));
    }
    if vm.tid_of(a[1]) != tid::TUPLE {
        return Err(vm.new_error("TypeError", "2nd arg must be a tuple"));
    }
    let kwargs = a.get(2).copied().unwrap_or(Value::NONE);
    if kwargs != Value::NONE && vm.tid_of(kwargs) != tid::DICT {
        return Err(vm.new_error("TypeError", "optional 3rd arg must be a dictionary"));
    }
    vm.start_thread(a[0], a[1], kwargs)
}

fn allocate_lock(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("allocate_lock", a, 0, 0)?;
    let o = vm.new_instance(vm.types().lock);
    vm.init(o.as_obj(), INST_NATIVE, Value::int(threads::new_lock() as i64));
    Ok(o)
}

fn get_ident(vm: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::int(vm.ident as i64))
}

fn count(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::int(threads::RUNNING.load(std::sync::atomic::Ordering::SeqCst) as i64))
}

fn stack_size(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("stack_size", a, 0, 1)?;
    Ok(Value::int(0))
}

/// The lock state behind a `_thread.lock` object.
fn lock_of(vm: &mut Vm, o: Value, what: &str) -> R<&'static threads::RawLock> {
    if vm.tid_of(o) == tid::INSTANCE && vm.type_of(o) == vm.types().lock {
        let i = vm.ld(o.as_obj(), INST_NATIVE);
        if i.is_int()
            && let Some(l) = threads::lock(i.as_int() as usize)
        {
            return Ok(l);
        }
    }
    let tn = vm.type_name(o);
    Err(vm
        .new_error("TypeError", &format!("descriptor '{what}' requires a '_thread.lock' object but received a '{tn}'")))
}

/// `acquire(blocking=True, timeout=-1)`.
fn lock_acquire(vm: &mut Vm, a: A, k: K) -> R<Value> {
    let Some(&me) = a.first() else {
        return Err(vm.new_error("TypeError", "descriptor 'acquire' of '_thread.lock' object needs an argument"));
    };
    let l = lock_of(vm, me, "acquire")?;
    // __enter__ takes no arguments; acquire takes (blocking, timeout).
    let mut blocking = a.get(1).copied();
    let mut timeout = a.get(2).copied();
    for &(kn, kv) in k {
        match vm.str_of(kn).as_str() {
            "blocking" if blocking.is_none() => blocking = Some(kv),
            "timeout" if timeout.is_none() => timeout = Some(kv),
            n => {
                let n = n.to_string();
                return Err(vm.new_error("TypeError", &format!("acquire() got an unexpected keyword argument '{n}'")));
            }
        }
    }
    if a.len() > 3 {
        return Err(vm.new_error("TypeError", &format!("acquire() takes at most 2 arguments ({} given)", a.len() - 1)));
    }
    let blocking = match blocking {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => match vm.to_f64(t)? {
            Some(f) => f,
            None => {
                let tn = vm.type_name(t);
                return Err(vm.new_error("TypeError", &format!("'{tn}' object cannot be interpreted as a float")));
            }
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.new_error("ValueError", "can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.new_error("ValueError", "timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.new_error("OverflowError", "timeout value is too large"));
    }
    let wait = if !blocking {
        Some(Duration::ZERO)
    } else if timeout == -1.0 {
        None
    } else {
        Some(Duration::from_secs_f64(timeout))
    };
    vm.block(Blocking::Acquire(l, wait))
}

fn lock_release(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let Some(&me) = a.first() else {
        return Err(vm.new_error("TypeError", "descriptor 'release' of '_thread.lock' object needs an argument"));
    };
    let l = lock_of(vm, me, "release")?;
    if !l.is_locked() {
        return Err(vm.new_error("RuntimeError", "release unlocked lock"));
    }
    vm.block(Blocking::Release(l))
}

fn lock_locked(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("locked", a, 1, 1)?;
    let l = lock_of(vm, a[0], "locked")?;
    Ok(Value::bool(l.is_locked()))
}

fn lock_repr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__repr__", a, 1, 1)?;
    let l = lock_of(vm, a[0], "__repr__")?;
    let id = vm.id_of(a[0])?;
    let state = if l.is_locked() { "locked" } else { "unlocked" };
    Ok(vm.new_str(&format!("<{state} _thread.lock object at {id:#x}>")))
}

// ---- time.sleep ---------------------------------------------------------------------------

pub fn sleep(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("sleep", a, 1, 1)?;
    let s = match vm.to_f64(a[0])? {
        Some(f) => f,
        None => {
            let tn = vm.type_name(a[0]);
            return Err(vm.new_error("TypeError", &format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if s < 0.0 {
        return Err(vm.new_error("ValueError", "sleep length must be non-negative"));
    }
    if !s.is_finite() || s > TIMEOUT_MAX {
        return Err(vm.new_error("OverflowError", "timestamp too large to convert to C _PyTime_t"));
    }
    vm.block(Blocking::Sleep(Duration::from_secs_f64(s)))
}

// ---- pystm --------------------------------------------------------------------------------

fn atomic_enter(vm: &mut Vm, _: A, _: K) -> R<Value> {
    vm.m.thread().atomic_begin();
    Ok(Value::NONE)
}

fn atomic_exit(vm: &mut Vm, _: A, _: K) -> R<Value> {
    if !vm.m.th().is_atomic() {
        return Err(vm.new_error("RuntimeError", "pystm.atomic: exit without a matching enter"));
    }
    vm.m.thread().atomic_end();
    Ok(Value::FALSE)
}

fn is_atomic(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("is_atomic", a, 0, 0)?;
    Ok(Value::bool(vm.m.th().is_atomic()))
}

fn hint_commit_soon(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("hint_commit_soon", a, 0, 0)?;
    vm.m.th().hint_commit_soon();
    Ok(Value::NONE)
}

fn getsegmentlimit(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("getsegmentlimit", a, 0, 0)?;
    Ok(Value::int(vm.rt.gc.stm().segments() as i64))
}

/// `jit_enabled()`: whether the tracing JIT is on.
fn jit_enabled(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("jit_enabled", a, 0, 0)?;
    Ok(Value::bool(vm.rt.jit.is_some()))
}

/// `jit_stats()`: the process's JIT counters (all zero when it is off): compiled loops and
/// bridges, recordings aborted, loops blacklisted, entries into compiled code, guard exits, and seconds
/// spent optimizing and compiling.
fn jit_stats(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("jit_stats", a, 0, 0)?;
    use std::sync::atomic::Ordering::Relaxed;
    let out = vm.new_dict();
    let counts = match vm.rt.jit.as_ref() {
        Some(j) => {
            let s = &j.stats;
            [
                s.loops.load(Relaxed),
                s.bridges.load(Relaxed),
                s.aborts.load(Relaxed),
                s.blacklisted.load(Relaxed),
                s.entries.load(Relaxed),
                s.guard_exits.load(Relaxed),
                s.compile_ns.load(Relaxed),
            ]
        }
        None => [0; 7],
    };
    for (k, name) in ["loops", "bridges", "aborts", "blacklisted", "entries", "guard_exits"].iter().enumerate() {
        let key = vm.new_str(name);
        vm.dict_set(out, key, Value::int(counts[k] as i64))?;
    }
    let key = vm.new_str("compile_time");
    let t = vm.new_float(counts[6] as f64 / 1e9);
    vm.dict_set(out, key, t)?;
    Ok(out)
}

/// `stats()`: {"thread": this thread's counters, "all": every finished thread's plus this
/// one's}, each a dict of counts and seconds.
fn stats(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("stats", a, 0, 0)?;
    let mine = vm.m.th().stats();
    let mut all = vm.rt.gc.stm().retired_stats();
    all.add(&mine);
    let out = vm.new_dict();
    for (name, s) in [("thread", mine), ("all", all)] {
        let d = vm.new_dict();
        let counts = [
            ("commits", s.commits),
            ("read_only_commits", s.read_only_commits),
            ("aborts", s.total_aborts()),
            ("conflicts", s.conflicts),
            ("pages_privatized", s.pages_privatized),
        ];
        for (k, v) in counts {
            let kv = vm.new_str(k);
            vm.dict_set(d, kv, Value::int(v as i64))?;
        }
        for (r, n) in stm::AbortReason::ALL.iter().zip(s.aborts) {
            let kv = vm.new_str(&format!("aborts_{}", r.name().replace(['-', ' '], "_")));
            vm.dict_set(d, kv, Value::int(n as i64))?;
        }
        let times = [
            ("time_committed", s.time_committed),
            ("time_aborted", s.time_aborted),
            ("time_paused", s.time_paused),
            ("time_waiting", s.time_waiting),
            ("time_gc", s.time_gc),
        ];
        for (k, v) in times {
            let kv = vm.new_str(k);
            let fv = vm.new_float(v.as_secs_f64());
            vm.dict_set(d, kv, fv)?;
        }
        let kv = vm.new_str(name);
        vm.dict_set(out, kv, d)?;
    }
    Ok(out)
}
