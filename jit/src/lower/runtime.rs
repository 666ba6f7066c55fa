//! The runtime side of compiled code: the per-thread context block compiled code addresses
//! (`JitCtx`), the slow paths it calls (write barrier, nursery allocation), and the entry
//! trampoline that puts the segment base into the pinned register (r15). This file must never
//! emit code; it holds the Rust functions and the layout the emitter relies on.

use gc::{GcError, GcModel, Mutator};
use std::arch::naked_asm;
use std::mem::offset_of;
use stm::ObjRef;

/// What a trace returns when the transaction was aborted in a slow path (it has been rolled
/// back: the caller must restart from its last commit point; `JitCtx::abort` says why).
pub const EXIT_ABORTED: u64 = u64::MAX;
/// What a trace returns when an allocation failed (the heap is full).
pub const EXIT_OUT_OF_MEMORY: u64 = u64::MAX - 1;

/// The per-thread block compiled code reads and slow paths write. One per thread, alive while
/// the thread runs compiled code.
#[repr(C)]
pub struct JitCtx {
    /// 0, or an `EXIT_*` code set by a slow path; compiled code returns it at once.
    pub status: u64,
    /// Non-zero while a helper's exception is pending (VM-defined); `guard_no_exception` tests it.
    pub exception: u64,
    /// Result of the allocation slow path.
    pub scratch: u64,
    /// The segment base, when the base is passed as an argument instead of pinned.
    pub base: u64,
    /// The thread's `gc::Mutator<M>` (type-erased; the slow paths were instantiated for `M`).
    pub mutator: *mut (),
    /// Why the transaction was aborted, after `EXIT_ABORTED`.
    pub abort: Option<stm::Abort>,
    /// The embedding VM's own state, for its helpers (`with_ctx` calls); null unless it set it.
    pub vm: *mut (),
}

pub const CTX_STATUS: i32 = offset_of!(JitCtx, status) as i32;
pub const CTX_EXCEPTION: i32 = offset_of!(JitCtx, exception) as i32;
pub const CTX_SCRATCH: i32 = offset_of!(JitCtx, scratch) as i32;

impl JitCtx {
    /// A context for `m`'s thread. `m` must outlive every use of the context by compiled code
    /// and must not move meanwhile.
    pub fn new<M: GcModel>(m: &mut Mutator<M>) -> JitCtx {
        JitCtx {
            status: 0,
            exception: 0,
            scratch: 0,
            base: m.th().segment_base() as u64,
            mutator: m as *mut Mutator<M> as *mut (),
            abort: None,
            vm: std::ptr::null_mut(),
        }
    }
}

/// The write barrier's slow path (see `stm::Thread::write`).
///
/// # Safety
/// `ctx` must be a live `JitCtx` whose `mutator` is a `Mutator<M>` owned by the calling thread,
/// inside a transaction.
pub unsafe extern "C" fn write_slow<M: GcModel>(ctx: *mut JitCtx, obj: u64) {
    // SAFETY: the caller's contract; compiled code holds no Rust reference into either.
    let ctx = unsafe { &mut *ctx };
    let m = unsafe { &mut *(ctx.mutator as *mut Mutator<M>) };
    if let Err(a) = m.thread().write(ObjRef(obj)) {
        ctx.abort = Some(a);
        ctx.status = EXIT_ABORTED;
    }
}

/// The nursery allocation's slow path: allocates `size` bytes of type `typeid` (overflowing the
/// nursery, or in old space when large); the result goes to `ctx.scratch`. Never collects.
///
/// # Safety
/// As for [`write_slow`].
pub unsafe extern "C" fn alloc_slow<M: GcModel>(ctx: *mut JitCtx, typeid: u64, size: u64) {
    // SAFETY: the caller's contract.
    let ctx = unsafe { &mut *ctx };
    let m = unsafe { &mut *(ctx.mutator as *mut Mutator<M>) };
    match m.alloc(typeid as u32, size as usize) {
        Ok(o) => ctx.scratch = o.0,
        Err(GcError::Aborted(a)) => {
            ctx.abort = Some(a);
            ctx.status = EXIT_ABORTED;
        }
        Err(_) => ctx.status = EXIT_OUT_OF_MEMORY,
    }
}

/// Enters compiled code with the segment base in r15: saves the caller's r15, loads `base`,
/// calls the entry stub `stub(f, ctx, buf)`, restores r15.
///
/// # Safety
/// `stub` must be the backend's entry stub and `f` a live trace of the same backend; `ctx` and
/// `buf` must be valid for the trace (see `Backend::run`).
#[unsafe(naked)]
pub unsafe extern "sysv64" fn enter_pinned(base: u64, stub: u64, f: u64, ctx: *mut JitCtx, buf: *mut u64) -> u64 {
    // On entry rsp % 16 == 8; after `push r15` it is 0, so the callee sees a SysV-aligned stack.
    naked_asm!(
        "push r15",
        "mov r15, rdi",
        "mov rax, rsi",
        "mov rdi, rdx",
        "mov rsi, rcx",
        "mov rdx, r8",
        "call rax",
        "pop r15",
        "ret"
    )
}
