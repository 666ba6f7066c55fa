//! Introspection and the collector as Python modules see them: `sys._getframe`,
//! `code.co_positions()`, the native `_traceback` helper the shipped `traceback` module
//! (`vm/lib/traceback.py`) formats with, and the native `gc` module. Frames and code objects are
//! read through `objects/frame.rs`; this file never writes a frame.

use crate::interp::blocking::Blocking;
use crate::interp::{R, Vm};
use crate::layout::*;
use crate::runtime::Types;
use crate::value::Value;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering::Relaxed};

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

/// `gc.isenabled()`: only a flag (see `gc_disable`).
static GC_ENABLED: AtomicBool = AtomicBool::new(true);
/// `gc.get_threshold()`: what `set_threshold` last set (CPython's defaults at first).
static GC_THRESHOLDS: [AtomicI64; 3] = [AtomicI64::new(700), AtomicI64::new(10), AtomicI64::new(10)];

pub fn install(vm: &mut Vm, t: &Types, sys: Value, modules: Value) {
    let sd = vm.ld(sys.as_obj(), MOD_DICT);
    vm.def_builtin(sd, "sys._getframe", sys_getframe);
    let code = t.by_tid[tid::CODE as usize];
    vm.def_method(code, "code.co_positions", co_positions);

    let d = vm.native_module(modules, "_traceback");
    vm.def_builtin(d, "_traceback.caret_line", caret_line);
    vm.def_builtin(d, "_traceback.hidden", hidden);
    vm.def_builtin(d, "_traceback.position", position);

    let d = vm.native_module(modules, "gc");
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("gc.collect", gc_collect),
        ("gc.enable", gc_enable),
        ("gc.disable", gc_disable),
        ("gc.isenabled", gc_isenabled),
        ("gc.get_count", gc_get_count),
        ("gc.get_threshold", gc_get_threshold),
        ("gc.set_threshold", gc_set_threshold),
        ("gc.is_tracked", gc_is_tracked),
        ("gc.freeze", gc_nothing),
        ("gc.unfreeze", gc_nothing),
        ("gc.get_freeze_count", gc_get_freeze_count),
    ];
    vm.def_builtins(d, fns);
    let cb = vm.new_list(&[]);
    vm.def_value(d, "callbacks", cb);
    let garbage = vm.new_list(&[]);
    vm.def_value(d, "garbage", garbage);
    for (n, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32)] {
        vm.def_value(d, n, Value::int(v));
    }
    vm.def_value(d, "DEBUG_LEAK", Value::int(38));
}

/// `sys._getframe(depth=0)`.
fn sys_getframe(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("_getframe", a, 0, 1)?;
    let depth = match a.first() {
        Some(&v) => vm.index_value(v, "'{}' object cannot be interpreted as an integer")?,
        None => 0,
    };
    vm.getframe(depth)
}

/// `code.co_positions()`: an iterator of (line, end line, column, end column) per instruction.
fn co_positions(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("co_positions", a, 1, 1)?;
    let items = vm.code_positions(a[0].as_obj());
    let l = vm.new_list(&items);
    vm.get_iter(l)
}

/// `_traceback.caret_line(code, lasti)`: the `^`/`~` line the interpreter prints under a
/// traceback entry's source line ("" when it prints none).
fn caret_line(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("caret_line", a, 2, 2)?;
    if vm.tid_of(a[0]) != tid::CODE {
        return Ok(vm.new_str(""));
    }
    let lasti = vm.index_value(a[1], "'{}' object cannot be interpreted as an integer")?;
    let s = crate::objects::frame::caret_line(vm, a[0].as_obj(), lasti);
    Ok(vm.new_str(&s))
}

/// `_traceback.position(code, lasti)`: the `co_positions()` item of that instruction, or None.
fn position(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("position", a, 2, 2)?;
    let lasti = vm.index_value(a[1], "'{}' object cannot be interpreted as an integer")?;
    if vm.tid_of(a[0]) != tid::CODE || lasti < 0 {
        return Ok(Value::NONE);
    }
    let co = a[0].as_obj();
    let n = crate::compile::code::get(vm.ld(co, CODE_ID).as_int() as u32).ops.len();
    let pc = (lasti / 2) as usize;
    Ok(if pc < n { vm.code_position(co, pc) } else { Value::NONE })
}

/// `_traceback.hidden(code)`: whether tracebacks leave the code out (built-ins written in
/// Python, which CPython writes in C and so never shows).
fn hidden(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("hidden", a, 1, 1)?;
    if vm.tid_of(a[0]) != tid::CODE {
        return Ok(Value::FALSE);
    }
    let c = crate::compile::code::get(vm.ld(a[0].as_obj(), CODE_ID).as_int() as u32);
    Ok(Value::bool(c.filename() == crate::builtins::prelude::FILENAME))
}

/// `gc.collect(generation=2)`: a major collection at the commit point right after the call
/// (where the calling frame is flushed and rooted). Called from a nested loop or an atomic
/// block, where no commit can come, it only asks the transaction to end soon. pystm's collector
/// does not count what it frees: the result is 0.
fn gc_collect(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("collect", a, 0, 1)?;
    let g = a.first().copied().or_else(|| vm.kwarg(kw, "generation"));
    if let Some(g) = g {
        let g = vm.index_value(g, "'{}' object cannot be interpreted as an integer")?;
        if !(0..=2).contains(&g) {
            return Err(vm.new_error("ValueError", "invalid generation"));
        }
    }
    vm.block(Blocking::Collect)?;
    Ok(Value::int(0))
}

/// `gc.disable()`/`gc.enable()`: CPython's switch for its cycle collector, which only changes
/// when garbage in cycles is found. pystm's tracing collector finds all garbage together and
/// cannot stop (the nursery must be emptied to go on), so the switch is a flag that
/// `isenabled()` reports.
fn gc_disable(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("disable", a, 0, 0)?;
    GC_ENABLED.store(false, Relaxed);
    Ok(Value::NONE)
}
fn gc_enable(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("enable", a, 0, 0)?;
    GC_ENABLED.store(true, Relaxed);
    Ok(Value::NONE)
}
fn gc_isenabled(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("isenabled", a, 0, 0)?;
    Ok(Value::bool(GC_ENABLED.load(Relaxed)))
}
/// `gc.get_count()`: (minor collections, major collections, 0) so far — the collections
/// themselves, as pystm has no per-generation allocation counts.
fn gc_get_count(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("get_count", a, 0, 0)?;
    let minor = vm.m.collections() as i64;
    let major = vm.rt.gc.major_collections() as i64;
    Ok(vm.new_tuple(&[Value::int(minor), Value::int(major), Value::int(0)]))
}
fn gc_get_threshold(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("get_threshold", a, 0, 0)?;
    let t = GC_THRESHOLDS.each_ref().map(|t| Value::int(t.load(Relaxed)));
    Ok(vm.new_tuple(&t))
}
/// `gc.set_threshold(...)`: accepted and checked; pystm's collector sizes itself (nursery per
/// segment, major collections when the heap has grown by a factor).
fn gc_set_threshold(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("set_threshold", a, 1, 3)?;
    for (i, &v) in a.iter().enumerate() {
        let n = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
        GC_THRESHOLDS[i].store(n, Relaxed);
    }
    Ok(Value::NONE)
}
/// `gc.is_tracked(obj)`: CPython tracks containers only; atoms (ints, floats, strings, bytes)
/// are never tracked.
fn gc_is_tracked(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("is_tracked", a, 1, 1)?;
    let v = a[0];
    let atom = !v.is_ref() || matches!(vm.tid_of(v), tid::FLOAT | tid::BIGINT | tid::STR | tid::BYTES);
    Ok(Value::bool(!atom))
}
fn gc_nothing(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::NONE)
}
fn gc_get_freeze_count(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::int(0))
}
