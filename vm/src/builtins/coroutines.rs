//! The Python-visible side of coroutines and async generators (`interp/coro.rs` does the
//! work): the methods of `coroutine`, `async_generator` and their awaitables
//! (`coroutine_wrapper`, `async_generator_asend`, `async_generator_athrow`), and the built-ins
//! `aiter` and `anext`. CPython's names and error messages.

use crate::interp::call::GenResult;
use crate::interp::{R, Vm};
use crate::layout::*;
use crate::runtime::Types;
use crate::value::Value;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

pub fn install(vm: &mut Vm, t: &Types, b: Value) {
    let c = t.by_tid[tid::COROUTINE as usize];
    vm.def_method(c, "coroutine.send", coro_send);
    vm.def_method(c, "coroutine.throw", coro_throw);
    vm.def_method(c, "coroutine.close", coro_close);
    vm.def_method(c, "coroutine.__await__", coro_await);

    let g = t.by_tid[tid::ASYNC_GENERATOR as usize];
    vm.def_method(g, "async_generator.__aiter__", same);
    vm.def_method(g, "async_generator.__anext__", agen_anext);
    vm.def_method(g, "async_generator.asend", agen_asend);
    vm.def_method(g, "async_generator.athrow", agen_athrow);
    vm.def_method(g, "async_generator.aclose", agen_aclose);

    macro_rules! awaitable {
        ($k:expr, $name:literal) => {{
            let c = t.by_tid[$k as usize];
            vm.def_method(c, concat!($name, ".send"), aw_send);
            vm.def_method(c, concat!($name, ".throw"), aw_throw);
            vm.def_method(c, concat!($name, ".close"), aw_close);
            vm.def_method(c, concat!($name, ".__next__"), aw_next);
            vm.def_method(c, concat!($name, ".__iter__"), same);
            vm.def_method(c, concat!($name, ".__await__"), same);
        }};
    }
    awaitable!(tid::CORO_WRAPPER, "coroutine_wrapper");
    awaitable!(tid::AG_ASEND, "async_generator_asend");
    awaitable!(tid::AG_ATHROW, "async_generator_athrow");

    vm.def_builtin(b, "aiter", aiter);
    vm.def_builtin(b, "anext", anext);
}

fn same(_: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(a[0])
}

/// A step's result as `send()` gives it: the yielded value, or StopIteration(value).
fn stepped(vm: &mut Vm, r: GenResult) -> R<Value> {
    match r {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

/// `throw(exc)`, `throw(type[, value[, tb]])`: the exception to raise, as CPython builds it
/// (the value itself when it is an instance of the type, else the type called with it).
pub fn thrown(vm: &mut Vm, a: A) -> R<Value> {
    vm.nargs("throw", a, 1, 3)?;
    let mut e = a[0];
    if a.len() > 1 && a[1] != Value::NONE && vm.tid_of(e) == tid::CLASS {
        e = if vm.isinstance(a[1], e.as_obj()) {
            a[1]
        } else if vm.tid_of(a[1]) == tid::TUPLE {
            let args = vm.tuple_items(a[1].as_obj());
            vm.call_value(e, &args, &[])?
        } else {
            vm.call_value(e, &[a[1]], &[])?
        };
    }
    vm.make_raisable(e, None)
}

fn coro_send(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("send", &a[1..], 1, 1)?;
    let r = vm.gen_resume(a[0], a[1], None)?;
    stepped(vm, r)
}
fn coro_throw(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let e = thrown(vm, &a[1..])?;
    let r = vm.gen_resume(a[0], Value::NONE, Some(e))?;
    stepped(vm, r)
}
fn coro_close(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.gen_close(a[0])?;
    Ok(Value::NONE)
}
fn coro_await(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(vm.new_awaitable(tid::CORO_WRAPPER, a[0], Value::NULL))
}

fn agen_anext(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(vm.new_awaitable(tid::AG_ASEND, a[0], Value::NONE))
}
fn agen_asend(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("asend", &a[1..], 1, 1)?;
    Ok(vm.new_awaitable(tid::AG_ASEND, a[0], a[1]))
}
fn agen_athrow(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let e = thrown(vm, &a[1..])?;
    Ok(vm.new_awaitable(tid::AG_ATHROW, a[0], e))
}
fn agen_aclose(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("aclose", &a[1..], 0, 0)?;
    Ok(vm.new_awaitable(tid::AG_ATHROW, a[0], Value::NULL))
}

fn aw_send(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("send", &a[1..], 1, 1)?;
    let r = vm.awaitable_send(a[0], a[1], None)?;
    stepped(vm, r)
}
fn aw_next(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let r = vm.awaitable_send(a[0], Value::NONE, None)?;
    stepped(vm, r)
}
fn aw_throw(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let e = thrown(vm, &a[1..])?;
    let r = vm.awaitable_send(a[0], Value::NONE, Some(e))?;
    stepped(vm, r)
}
fn aw_close(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.awaitable_close(a[0])?;
    Ok(Value::NONE)
}

fn aiter(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("aiter", a, 1, 1)?;
    if vm.tid_of(a[0]) != tid::ASYNC_GENERATOR && vm.lookup_type_attr(a[0], "__aiter__")?.is_none() {
        let tn = vm.type_name(a[0]);
        return Err(vm.new_error("TypeError", &format!("'{tn}' object is not an async iterable")));
    }
    vm.get_aiter(a[0])
}

fn anext(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("anext", a, 1, 2)?;
    if vm.tid_of(a[0]) != tid::ASYNC_GENERATOR && vm.lookup_type_attr(a[0], "__anext__")?.is_none() {
        let tn = vm.type_name(a[0]);
        return Err(vm.new_error("TypeError", &format!("'{tn}' object is not an async iterator")));
    }
    if a.len() == 2 {
        // With a default: a coroutine of the prelude that awaits the step and gives the
        // default at StopAsyncIteration.
        let f = vm.prelude_function("anext_default");
        return vm.call_value(f, a, &[]);
    }
    if vm.tid_of(a[0]) == tid::ASYNC_GENERATOR {
        return Ok(vm.new_awaitable(tid::AG_ASEND, a[0], Value::NONE));
    }
    let m = vm.lookup_type_attr(a[0], "__anext__")?.expect("checked above");
    vm.call_value(m, &[a[0]], &[])
}
