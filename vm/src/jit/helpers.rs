//! The helpers compiled code calls for the operations a trace does not inline (PyPy's residual
//! calls): subscripts and stores of other containers than a list indexed by an int, operators
//! and comparisons of other types than ints and floats, `in`, slices, built-in functions and
//! methods, `next` of built-in iterators, appends that grow a list. Each runs the interpreter's own implementation of the
//! bytecode on the values' words, so there is no second definition of any of them.
//!
//! A helper must never run Python code, commit, collect or block: compiled code holds object
//! references in registers across the call. Allocation never collects; the recorder calls
//! built-in functions from an allowlist that blocks on nothing; and while a helper runs,
//! `Vm::run_frame` refuses to run a Python frame (a user `__eq__` met by `in`, a generator
//! given to `sorted`). Any exception, that refusal included, is dropped: the helper sets
//! `JitCtx::exception`, the `guard_no_exception` after the call exits to the interpreter at the
//! start of the bytecode, and the interpreter runs the whole operation again, raising properly
//! or running the Python code. That is sound because these operations change nothing before
//! they can fail. A conflict in a write barrier aborts the transaction (`EXIT_ABORTED`).
//!
//! This file owns the helpers and their descriptors; it never records nor emits code.

use crate::interp::ops::Build;
use crate::interp::{Unwind, Vm};
use crate::value::Value;
use jit::ir::{CallDescr, Descr, DescrId, Descrs, Effect, Type};
use jit::{EXIT_ABORTED, JitCtx};

/// The descriptors of the helpers (see `VmDescrs::helpers`).
pub struct Helpers {
    pub getitem: DescrId,
    pub setitem: DescrId,
    pub binary: DescrId,
    pub compare: DescrId,
    pub contains: DescrId,
    pub slice: DescrId,
    pub call: DescrId,
    pub iter: DescrId,
    pub build: DescrId,
    pub next: DescrId,
    pub append: DescrId,
}

/// `Binary` helper's flag (with the operator in the low byte): the in-place form.
pub const INPLACE: i64 = 1 << 8;
/// The most arguments `call` passes (and items `build` takes).
pub const MAX_CALL_ARGS: usize = 4;

impl Helpers {
    pub fn new(table: &mut Descrs) -> Helpers {
        let mut add = |name: &str, addr: usize, args: usize| {
            table.add(
                name,
                Descr::Call(CallDescr {
                    addr: addr as u64,
                    args: vec![Type::Int; args],
                    result: Type::Ref,
                    effect: Effect { may_raise: true, writes: None, pure: false },
                    with_ctx: true,
                }),
            )
        };
        Helpers {
            getitem: add("getitem", getitem as *const () as usize, 2),
            setitem: add("setitem", setitem as *const () as usize, 3),
            binary: add("binary", binary as *const () as usize, 3),
            compare: add("compare", compare as *const () as usize, 3),
            contains: add("contains", contains as *const () as usize, 3),
            slice: add("slice", slice as *const () as usize, 3),
            call: add("call", call as *const () as usize, 2 + MAX_CALL_ARGS),
            iter: add("iter", iter as *const () as usize, 1),
            build: add("build", build as *const () as usize, 2 + MAX_CALL_ARGS),
            next: add("next", next as *const () as usize, 1),
            append: add("append", append as *const () as usize, 2),
        }
    }
}

/// Runs `f` as a helper on the VM whose compiled code called it; the result's word, or 0
/// with the exception flag or the abort status set.
fn helper(ctx: *mut JitCtx, f: impl FnOnce(&mut Vm) -> Result<Value, Unwind>) -> u64 {
    // SAFETY: compiled code passes the context `exec.rs` made for this run, whose `vm` is the
    // VM running that code; the VM is not otherwise used until the code returns, and no Rust
    // reference into either is held across the call.
    let ctx = unsafe { &mut *ctx };
    let vm = unsafe { &mut *(ctx.vm as *mut Vm) };
    vm.in_helper = true;
    let r = f(vm);
    vm.in_helper = false;
    match r {
        Ok(v) => v.0,
        Err(Unwind::Exc(_)) => {
            ctx.exception = 1;
            0
        }
        Err(Unwind::Abort) => {
            ctx.status = EXIT_ABORTED;
            0
        }
    }
}

extern "C" fn getitem(ctx: *mut JitCtx, o: u64, i: u64) -> u64 {
    helper(ctx, |vm| vm.getitem(Value(o), Value(i)))
}

extern "C" fn setitem(ctx: *mut JitCtx, o: u64, i: u64, v: u64) -> u64 {
    helper(ctx, |vm| vm.setitem(Value(o), Value(i), Value(v)).map(|_| Value::NONE))
}

extern "C" fn binary(ctx: *mut JitCtx, a: u64, b: u64, k: u64) -> u64 {
    helper(ctx, |vm| vm.binary_op(Value(a), Value(b), k as u8, k as i64 & INPLACE != 0))
}

extern "C" fn compare(ctx: *mut JitCtx, a: u64, b: u64, k: u64) -> u64 {
    helper(ctx, |vm| vm.compare(Value(a), Value(b), k as u8))
}

/// `item in container` (`not in` when `negated`).
extern "C" fn contains(ctx: *mut JitCtx, container: u64, item: u64, negated: u64) -> u64 {
    helper(ctx, |vm| vm.contains(Value(container), Value(item)).map(|r| Value::bool(r != (negated != 0))))
}

extern "C" fn slice(ctx: *mut JitCtx, start: u64, stop: u64, step: u64) -> u64 {
    helper(ctx, |vm| Ok(vm.new_fixed(crate::layout::tid::SLICE, 32, &[Value(start), Value(stop), Value(step)])))
}

/// `f(args[..n])`.
extern "C" fn call(ctx: *mut JitCtx, f: u64, n: u64, a0: u64, a1: u64, a2: u64, a3: u64) -> u64 {
    let args = [Value(a0), Value(a1), Value(a2), Value(a3)];
    helper(ctx, |vm| vm.call_value(Value(f), &args[..n as usize], &[]))
}

/// A list, set, string or dict of `n` items (`BUILDS[kind]`; a dict's keys and values
/// alternate), as the `Build*` ops make it.
extern "C" fn build(ctx: *mut JitCtx, kind: u64, n: u64, a0: u64, a1: u64, a2: u64, a3: u64) -> u64 {
    let items = [Value(a0), Value(a1), Value(a2), Value(a3)];
    helper(ctx, |vm| vm.build(BUILDS[kind as usize], &items[..n as usize]))
}

/// The collections the `build` helper makes, by index.
pub const BUILDS: [Build; 4] = [Build::List, Build::Set, Build::String, Build::Map];

/// `iter(v)`, as `GetIter` makes it.
extern "C" fn iter(ctx: *mut JitCtx, v: u64) -> u64 {
    helper(ctx, |vm| vm.get_iter(Value(v)))
}

/// The next item of a built-in iterator. Exhaustion is reported as an exception: the trace
/// leaves at the `for`, where the interpreter finds the iterator exhausted again (built-in
/// iterators stay so). (A guard on the result resuming before the call would be valid only
/// when the result is NULL; the optimizer may strengthen such a guard into a class check and
/// resume there when an item was taken, losing it.)
/// `list.append` that grows the list (the recorder inlines the append when there is room).
extern "C" fn append(ctx: *mut JitCtx, list: u64, v: u64) -> u64 {
    helper(ctx, |vm| vm.list_append(Value(list), Value(v)).map(|()| Value::NONE))
}

extern "C" fn next(ctx: *mut JitCtx, it: u64) -> u64 {
    let r = helper(ctx, |vm| Ok(vm.iter_next(Value(it))?.unwrap_or(Value::NULL)));
    if r == 0 {
        // SAFETY: as in `helper`.
        unsafe { (*ctx).exception = 1 };
    }
    r
}
