//! The backend: compiles traces to x86-64 through Cranelift and runs them.
//!
//! [`Backend::compile`] runs the late rewrite (`rewrite.rs`), encodes the resume data
//! (`resume.rs`), lowers the trace (`emit.rs`), and copies the code into its own executable
//! memory (`code.rs`): no `cranelift-module`, calls go to constant addresses, so the code has no
//! relocations and each trace is freed on its own when its [`CompiledTrace`] is dropped.
//! [`Backend::run`] enters a trace through the trampoline that sets the segment base
//! (`runtime.rs`). This file owns the ISA settings, the shared stubs and the per-trace data
//! compiled code points to; it must never interpret IR itself.

pub mod code;
mod emit;
pub mod runtime;

use crate::ir::{Descrs, IrError, Opcode, Trace};
use crate::resume::ResumeCode;
use code::Code;
use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{self, AbiParam, InstBuilder, Signature, UserFuncName, types};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use runtime::JitCtx;
use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Most values an exit stores (and a trace takes as inputs): the exit buffer's length.
pub const MAX_EXIT_VALUES: usize = 256;

/// Where compiled code finds the segment base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseMode {
    /// In the pinned register r15 (`enable_pinned_reg`), set by the entry trampoline.
    Pinned,
    /// As a function argument (threaded through bridges); the fallback should the pinned
    /// register misbehave.
    Param,
}

/// Backend options.
#[derive(Clone, Debug)]
pub struct Options {
    pub mode: BaseMode,
    /// Count trace entries (the trace log's entry counts). Guard failures are always counted.
    pub count_entries: bool,
    /// Run Cranelift's IR verifier (about 30% of compile time).
    pub verify: bool,
    /// What the late rewrite inserts (all of it, except when measuring).
    pub late: crate::rewrite::Late,
    /// Cranelift's own optimizations (`opt_level=speed`). Off by default: they doubled compile
    /// time without making the benchmark loops faster (docs/decisions.md); the trace optimizer
    /// does that work on the IR.
    pub optimize: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            mode: BaseMode::Pinned,
            count_entries: false,
            verify: cfg!(debug_assertions),
            late: Default::default(),
            optimize: false,
        }
    }
}

/// Why a trace could not be compiled.
#[derive(Debug)]
pub enum JitError {
    Ir(IrError),
    Codegen(String),
    Memory(std::io::Error),
}

impl fmt::Display for JitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JitError::Ir(e) => write!(f, "bad trace: {e}"),
            JitError::Codegen(e) => write!(f, "code generation failed: {e}"),
            JitError::Memory(e) => write!(f, "no executable memory: {e}"),
        }
    }
}
impl std::error::Error for JitError {}
impl From<IrError> for JitError {
    fn from(e: IrError) -> JitError {
        JitError::Ir(e)
    }
}

/// Loop or bridge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceKind {
    Loop,
    Bridge {
        parent: u32,
        exit: u32,
    },
    /// A straight trace ending in `exit` (an entry bridge, a test).
    Straight,
}

/// One exit of a compiled trace.
#[derive(Clone, Debug)]
pub struct ExitInfo {
    /// Index of the op (in the rewritten trace) that exits.
    pub op: usize,
    pub opcode: Opcode,
}

/// A compiled trace: its code and what the code points to. Dropping it frees the code; the
/// owner must make sure no thread runs it any more and no bridge slot or jump target refers
/// to it.
pub struct CompiledTrace {
    pub id: u32,
    pub kind: TraceKind,
    /// The trace as lowered (after the late rewrite).
    pub trace: Trace,
    pub resume: ResumeCode,
    pub exits: Vec<ExitInfo>,
    /// `(op index, start, end)` code ranges, in code order.
    pub op_ranges: OpRanges,
    pub compile_time: Duration,
    code: Code,
    counters: Box<[AtomicU64]>,
    bridges: Box<[AtomicU64]>,
    invalid: Box<AtomicU64>,
}

impl CompiledTrace {
    pub fn code_addr(&self) -> u64 {
        self.code.addr()
    }
    pub fn code(&self) -> &[u8] {
        self.code.bytes()
    }
    /// Times entered (when the backend counts entries).
    pub fn entries(&self) -> u64 {
        self.counters[0].load(Ordering::Relaxed)
    }
    /// Times exit `k` was taken.
    pub fn failures(&self, k: usize) -> u64 {
        self.counters[1 + k].load(Ordering::Relaxed)
    }
    /// Makes exit `k` tail-call `bridge` instead of returning.
    ///
    /// # Safety
    /// `bridge` must take exit `k`'s fail arguments as its inputs, come from the same backend,
    /// and stay alive until it is detached (or this trace is dropped).
    pub unsafe fn attach_bridge(&self, k: usize, bridge: &CompiledTrace) {
        self.bridges[k].store(bridge.code_addr(), Ordering::Release);
    }
    /// Makes exit `k` return again.
    pub fn detach_bridge(&self, k: usize) {
        self.bridges[k].store(0, Ordering::Release);
    }
    /// Makes every `guard_not_invalidated` of the trace fail from now on.
    pub fn invalidate(&self) {
        self.invalid.store(1, Ordering::Release);
    }
    /// The exit code of exit `k` (what `run` returns when it is taken).
    pub fn exit_code(&self, k: usize) -> u64 {
        (self.id as u64) << 32 | k as u64
    }
}

/// Splits an exit code into (trace id, exit index).
pub fn split_exit_code(code: u64) -> (u32, usize) {
    ((code >> 32) as u32, (code & 0xffff_ffff) as usize)
}

/// The backend: one ISA, the shared stubs, trace ids.
pub struct Backend {
    isa: OwnedTargetIsa,
    opts: Options,
    stubs: Code,
    enter_stub: u64,
    write_adapter: u64,
    alloc_adapter: u64,
    next_id: AtomicU32,
    /// Cranelift's contexts, reused from trace to trace (they keep their allocations).
    cl: Mutex<(FunctionBuilderContext, Context)>,
}

fn make_isa(opts: &Options) -> Result<OwnedTargetIsa, JitError> {
    let cg = |e: settings::SetError| JitError::Codegen(e.to_string());
    let mut fb = settings::builder();
    fb.set("opt_level", if opts.optimize { "speed" } else { "none" }).map_err(cg)?;
    fb.set("enable_pinned_reg", if opts.mode == BaseMode::Pinned { "true" } else { "false" }).map_err(cg)?;
    fb.set("preserve_frame_pointers", "true").map_err(cg)?;
    fb.set("is_pic", "false").map_err(cg)?;
    fb.set("enable_verifier", if opts.verify { "true" } else { "false" }).map_err(cg)?;
    let ib = cranelift_native::builder().map_err(|e| JitError::Codegen(e.to_string()))?;
    ib.finish(settings::Flags::new(fb)).map_err(|e| JitError::Codegen(e.to_string()))
}

/// `(op index, start, end)` code ranges.
type OpRanges = Vec<(u32, u32, u32)>;

/// Compiles the function in `ctx` (then clears it, keeping its allocations for the next one);
/// returns its code and source-location ranges.
fn compile_func(isa: &OwnedTargetIsa, ctx: &mut Context) -> Result<(Vec<u8>, OpRanges), JitError> {
    let r = compile_in(isa, ctx);
    ctx.clear();
    r
}

fn compile_in(isa: &OwnedTargetIsa, ctx: &mut Context) -> Result<(Vec<u8>, OpRanges), JitError> {
    let cc =
        ctx.compile(&**isa, &mut ControlPlane::default()).map_err(|e| JitError::Codegen(format!("{:?}", e.inner)))?;
    if !cc.buffer.relocs().is_empty() {
        return Err(JitError::Codegen("code with relocations".into()));
    }
    let ranges = cc
        .buffer
        .get_srclocs_sorted()
        .iter()
        .filter(|s| !s.loc.is_default())
        .map(|s| (s.loc.bits(), s.start, s.end))
        .collect();
    Ok((cc.code_buffer().to_vec(), ranges))
}

impl Backend {
    /// A backend whose slow paths serve `gc::Mutator<M>` threads.
    pub fn new<M: gc::GcModel>(opts: Options) -> Result<Backend, JitError> {
        let isa = make_isa(&opts)?;
        let mut fctx = FunctionBuilderContext::new();
        let fc = isa.frontend_config();
        let i64t = types::I64;
        // The two PreserveAll adapters (ctx, a[, b]) -> () calling the Rust slow paths, and the
        // SysV entry stub (f, ctx, buf[, base]) -> exit code calling a tail-convention trace.
        let adapter = |target: u64, n: usize, fctx: &mut FunctionBuilderContext| {
            let mut sig = Signature::new(CallConv::PreserveAll);
            sig.params.extend((0..n).map(|_| AbiParam::new(i64t)));
            let mut func = ir::Function::with_name_signature(UserFuncName::user(0, 0), sig);
            let mut b = FunctionBuilder::new(&mut func, fctx);
            let blk = b.create_block();
            b.append_block_params_for_function_params(blk);
            b.switch_to_block(blk);
            let args = b.block_params(blk).to_vec();
            let mut csig = Signature::new(CallConv::SystemV);
            csig.params.extend((0..n).map(|_| AbiParam::new(i64t)));
            let sr = b.import_signature(csig);
            let f = b.ins().iconst(i64t, target as i64);
            b.ins().call_indirect(sr, f, &args);
            b.ins().return_(&[]);
            b.seal_all_blocks();
            b.finalize(fc);
            func
        };
        let write = adapter(runtime::write_slow::<M> as *const () as u64, 2, &mut fctx);
        let alloc = adapter(runtime::alloc_slow::<M> as *const () as u64, 3, &mut fctx);
        let stub = {
            let n = if opts.mode == BaseMode::Param { 4 } else { 3 };
            let mut sig = Signature::new(CallConv::SystemV);
            sig.params.extend((0..n).map(|_| AbiParam::new(i64t)));
            sig.returns.push(AbiParam::new(i64t));
            let mut func = ir::Function::with_name_signature(UserFuncName::user(0, 1), sig);
            let mut b = FunctionBuilder::new(&mut func, &mut fctx);
            let blk = b.create_block();
            b.append_block_params_for_function_params(blk);
            b.switch_to_block(blk);
            let p = b.block_params(blk).to_vec();
            let sr = b.import_signature(emit::trace_signature(opts.mode));
            let call = b.ins().call_indirect(sr, p[0], &p[1..]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.seal_all_blocks();
            b.finalize(fc);
            func
        };
        // One mapping for the three stubs, each 16-byte aligned.
        let mut bytes = Vec::new();
        let mut offsets = Vec::new();
        let mut ctx = Context::new();
        for f in [write, alloc, stub] {
            ctx.func = f;
            let (code, _) = compile_func(&isa, &mut ctx)?;
            bytes.resize(bytes.len().next_multiple_of(16), 0xcc);
            offsets.push(bytes.len() as u64);
            bytes.extend_from_slice(&code);
        }
        let stubs = Code::new(&bytes).map_err(JitError::Memory)?;
        let a = stubs.addr();
        Ok(Backend {
            isa,
            stubs,
            write_adapter: a + offsets[0],
            alloc_adapter: a + offsets[1],
            enter_stub: a + offsets[2],
            opts,
            next_id: AtomicU32::new(1),
            cl: Mutex::new((fctx, ctx)),
        })
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The adapters and the entry stub (for listings).
    pub fn stub_code(&self) -> &[u8] {
        self.stubs.bytes()
    }

    /// Compiles `trace` (verified, not yet rewritten).
    pub fn compile(&self, trace: &Trace, descrs: &Descrs, kind: TraceKind) -> Result<CompiledTrace, JitError> {
        let t0 = Instant::now();
        let t = crate::rewrite::rewrite_with(trace, descrs, self.opts.late)?;
        if t.inputs.len() > MAX_EXIT_VALUES {
            return Err(IrError(format!("{} inputs (at most {MAX_EXIT_VALUES})", t.inputs.len())).into());
        }
        let exits: Vec<ExitInfo> = t
            .ops
            .iter()
            .enumerate()
            .filter(|(_, o)| o.opcode.has_resume())
            .map(|(i, o)| ExitInfo { op: i, opcode: o.opcode })
            .collect();
        let snaps: Vec<u32> = exits.iter().map(|e| t.ops[e.op].snapshot.expect("verified")).collect();
        let resume = crate::resume::encode(&t, &snaps);
        if let Some(e) = resume.exits.iter().find(|e| e.fail_args.len() > MAX_EXIT_VALUES) {
            return Err(
                IrError(format!("an exit stores {} values (at most {MAX_EXIT_VALUES})", e.fail_args.len())).into()
            );
        }
        let counters: Box<[AtomicU64]> = (0..=exits.len()).map(|_| AtomicU64::new(0)).collect();
        let bridges: Box<[AtomicU64]> = (0..exits.len()).map(|_| AtomicU64::new(0)).collect();
        let invalid = Box::new(AtomicU64::new(0));
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let env = emit::Env {
            descrs,
            mode: self.opts.mode,
            trace_id: id,
            write_adapter: self.write_adapter,
            alloc_adapter: self.alloc_adapter,
            counters: counters.as_ptr() as u64,
            bridges: bridges.as_ptr() as u64,
            invalid: &*invalid as *const AtomicU64 as u64,
            count_entries: self.opts.count_entries,
            frontend: self.isa.frontend_config(),
        };
        let (bytes, op_ranges) = {
            let mut guard = self.cl.lock().unwrap_or_else(|e| e.into_inner());
            let (fctx, ctx) = &mut *guard;
            ctx.clear();
            ctx.func.name = UserFuncName::user(1, id);
            emit::emit(&t, &resume, &env, &mut ctx.func, fctx)?;
            compile_func(&self.isa, ctx)?
        };
        let code = Code::new(&bytes).map_err(JitError::Memory)?;
        Ok(CompiledTrace {
            id,
            kind,
            trace: t,
            resume,
            exits,
            op_ranges,
            compile_time: t0.elapsed(),
            code,
            counters,
            bridges,
            invalid,
        })
    }

    /// Runs `t` with its inputs in `buf[..inputs]`; returns an exit code (see
    /// [`split_exit_code`]; the exit's fail arguments are then in `buf`) or an `EXIT_*` status.
    ///
    /// # Safety
    /// `t` must come from this backend and have been compiled with the descriptors of the heap
    /// `ctx`'s mutator uses; that mutator must be in a transaction on the calling thread, and
    /// the inputs must be what the trace expects (references to live objects of that heap).
    pub unsafe fn run(&self, t: &CompiledTrace, ctx: &mut JitCtx, buf: &mut [u64; MAX_EXIT_VALUES]) -> u64 {
        let f = t.code_addr();
        match self.opts.mode {
            // SAFETY: the caller's contract; the stub and trace follow the signatures used here.
            BaseMode::Pinned => unsafe { runtime::enter_pinned(ctx.base, self.enter_stub, f, ctx, buf.as_mut_ptr()) },
            BaseMode::Param => {
                // SAFETY: as above; the stub is a SysV function of this signature.
                let stub: extern "sysv64" fn(u64, *mut JitCtx, *mut u64, u64) -> u64 =
                    unsafe { std::mem::transmute(self.enter_stub) };
                stub(f, ctx, buf.as_mut_ptr(), ctx.base)
            }
        }
    }
}
