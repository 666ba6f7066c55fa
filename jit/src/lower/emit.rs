//! Lowering a rewritten trace to one Cranelift function (`../shared/research/jit.md` §6–7).
//!
//! - Signature (tail-call convention, so that guard exits can tail-call bridges):
//!   `trace(ctx, buf [, base]) -> exit code`. Inputs are read from `buf`; the segment base is the
//!   pinned register r15 (`BaseMode::Pinned`, set by the entry trampoline) or the third argument
//!   (`BaseMode::Param`).
//! - Object references are segment offsets: a field is at `base + obj + offset`.
//! - Read barrier: one byte store of the read version at `base + (obj >> 4)`. Write barrier: a
//!   test of the header's write-barrier flag with a cold call to a `PreserveAll` adapter of the
//!   `stm` slow path (so the hot path saves no registers); the slow path reports an abort in
//!   `JitCtx::status`, which the code then returns.
//! - Allocation: the inline nursery bump (`gc/src/nursery.rs`'s contract) with a cold adapter
//!   call when the nursery is full; large objects always take the slow path.
//! - Guards branch to cold exit blocks, one shared by all exits with the same fail-argument
//!   types (the exit index and the values are its block parameters: one per exit would make code
//!   size and compile time grow with guards × live values). It stores the fail arguments into
//!   `buf`, counts the failure, and either tail-calls the bridge whose address is in the exit's
//!   slot or returns the exit code `trace id << 32 | exit index`.
//! - A loop is a Cranelift loop: the label is a block whose parameters are the loop-carried
//!   values.
//!
//! Every op sets the source location to its index, so the code offsets of each op can be read
//! back for the trace log. This file must never allocate executable memory or run code.

use super::BaseMode;
use super::runtime::{CTX_EXCEPTION, CTX_SCRATCH, CTX_STATUS};
use crate::ir::*;
use crate::resume::ResumeCode;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, AbiParam, BlockArg, InstBuilder, MemFlagsData, Signature, SourceLoc, types};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use stm::layout::{INFO_NURSERY_CURRENT, INFO_NURSERY_END, INFO_NURSERY_MARK, INFO_READ_VERSION, INFO_SIGNAL};
use stm::{FLAG_WRITE_BARRIER, HEADER_TYPEID};

/// Addresses the code is specialized on.
pub(crate) struct Env<'a> {
    pub descrs: &'a Descrs,
    pub mode: BaseMode,
    pub trace_id: u32,
    pub write_adapter: u64,
    pub alloc_adapter: u64,
    /// `counters[0]`: entries; `counters[1 + k]`: failures of exit `k`.
    pub counters: u64,
    /// Bridge slot of exit `k` at `bridges + 8 k`.
    pub bridges: u64,
    /// The trace's invalidation word.
    pub invalid: u64,
    pub count_entries: bool,
    pub frontend: cranelift_codegen::isa::TargetFrontendConfig,
}

/// The signature every trace has.
pub(crate) fn trace_signature(mode: BaseMode) -> Signature {
    let mut s = Signature::new(CallConv::Tail);
    let n = if mode == BaseMode::Param { 3 } else { 2 };
    s.params.extend((0..n).map(|_| AbiParam::new(types::I64)));
    s.returns.push(AbiParam::new(types::I64));
    s
}

/// Which exit a block serves: known when emitted, or a block parameter of a shared exit.
#[derive(Clone, Copy)]
enum ExitIndex {
    Static(usize),
    Dynamic(ir::Value),
}

fn clif_type(t: Type) -> ir::Type {
    match t {
        Type::Float => types::F64,
        _ => types::I64,
    }
}

fn mem() -> MemFlagsData {
    MemFlagsData::trusted()
}

struct Emitter<'a, 'b> {
    b: FunctionBuilder<'b>,
    env: &'a Env<'a>,
    t: &'a Trace,
    rc: &'a ResumeCode,
    vals: Vec<Option<ir::Value>>,
    /// The i8 condition behind an int comparison's result, for fusing it into a guard.
    conds: Vec<Option<ir::Value>>,
    ctx: ir::Value,
    buf: ir::Value,
    base_param: Option<ir::Value>,
    ovf: Option<ir::Value>,
    /// The nursery's current pointer right after the previous op, when that op was an
    /// allocation (the break check that follows the dummy allocation compares it, rather than
    /// reloading what was just stored).
    nursery_top: Option<ir::Value>,
    /// In a loop whose only allocation is the dummy one and that calls no helper, the
    /// nursery's current and end pointers travel in registers around the loop (memory is still
    /// updated at each allocation, but never read back on the hot path).
    register_nursery: bool,
    carried: Option<(ir::Value, ir::Value)>,
    loop_block: Option<ir::Block>,
    status_block: Option<ir::Block>,
    next_exit: usize,
    /// Shared exit blocks, one per list of fail-argument types: the exit index and the fail
    /// arguments arrive as block parameters. Filled once the hot path is done (a block must be
    /// finished before the builder switches away).
    shared_exits: Vec<(Vec<ir::Type>, ir::Block)>,
}

/// Lowers `t` (rewritten) into `func`.
pub(crate) fn emit(
    t: &Trace,
    rc: &ResumeCode,
    env: &Env<'_>,
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), IrError> {
    func.signature = trace_signature(env.mode);
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let params = b.block_params(entry).to_vec();
    let mut e = Emitter {
        env,
        t,
        rc,
        vals: vec![None; t.types.len()],
        conds: vec![None; t.types.len()],
        ctx: params[0],
        buf: params[1],
        base_param: params.get(2).copied(),
        ovf: None,
        nursery_top: None,
        register_nursery: t.label_index().is_some_and(|l| {
            let body = &t.ops[l..];
            body.iter().all(|o| !o.opcode.has(flag::CALL))
                && body.iter().filter(|o| o.opcode.has(flag::ALLOC)).all(|o| o.descr == Some(crate::ir::DUMMY))
        }),
        carried: None,
        loop_block: None,
        status_block: None,
        next_exit: 0,
        shared_exits: Vec::new(),
        b,
    };
    if env.count_entries {
        e.bump_counter(0);
    }
    for (i, v) in t.inputs.iter().enumerate() {
        let ty = clif_type(t.types[v.0 as usize]);
        let x = e.b.ins().load(ty, mem(), e.buf, (8 * i) as i32);
        e.vals[v.0 as usize] = Some(x);
    }
    for (i, op) in t.ops.iter().enumerate() {
        e.b.set_srcloc(SourceLoc::new(i as u32));
        let top = e.op(op)?;
        e.nursery_top = top;
    }
    for (_, blk) in std::mem::take(&mut e.shared_exits) {
        e.b.switch_to_block(blk);
        let p = e.b.block_params(blk).to_vec();
        e.store_exit(ExitIndex::Dynamic(p[0]), &p[1..], true);
    }
    if let Some(blk) = e.status_block {
        e.b.switch_to_block(blk);
        let p = e.b.block_params(blk)[0];
        e.b.ins().return_(&[p]);
    }
    e.b.seal_all_blocks();
    e.b.finalize(env.frontend);
    Ok(())
}

impl Emitter<'_, '_> {
    fn base(&mut self) -> ir::Value {
        match self.base_param {
            Some(b) => b,
            None => self.b.ins().get_pinned_reg(types::I64),
        }
    }

    fn arg(&mut self, a: Arg) -> ir::Value {
        match a {
            Arg::Val(v) => self.vals[v.0 as usize].expect("verified: defined before use"),
            Arg::Int(i) => self.b.ins().iconst(types::I64, i),
            Arg::Ref(r) => self.b.ins().iconst(types::I64, r as i64),
            Arg::Float(f) => self.b.ins().f64const(f),
        }
    }

    /// `base + obj`.
    fn addr(&mut self, obj: Arg) -> ir::Value {
        let base = self.base();
        let o = self.arg(obj);
        self.b.ins().iadd(base, o)
    }

    fn set(&mut self, op: &Op, v: ir::Value) {
        self.vals[op.result.expect("op has a result").0 as usize] = Some(v);
    }

    fn set_cond(&mut self, op: &Op, c: ir::Value) {
        let r = op.result.expect("a comparison has a result").0 as usize;
        let v = self.b.ins().uextend(types::I64, c);
        self.vals[r] = Some(v);
        self.conds[r] = Some(c);
    }

    fn bump_counter(&mut self, k: usize) {
        let p = self.b.ins().iconst(types::I64, (self.env.counters + 8 * k as u64) as i64);
        let n = self.b.ins().load(types::I64, mem(), p, 0);
        let n = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(mem(), n, p, 0);
    }

    /// The cold block that returns its argument (a status code); filled at the end.
    fn status_block(&mut self) -> ir::Block {
        if let Some(b) = self.status_block {
            return b;
        }
        let blk = self.b.create_block();
        self.b.set_cold_block(blk);
        self.b.append_block_param(blk, types::I64);
        self.status_block = Some(blk);
        blk
    }

    /// After a slow-path call: return `ctx.status` if it is set.
    fn check_status(&mut self) {
        let st = self.b.ins().load(types::I64, mem(), self.ctx, CTX_STATUS);
        let sb = self.status_block();
        let cont = self.b.create_block();
        self.b.ins().brif(st, sb, &[BlockArg::Value(st)], cont, &[]);
        self.b.switch_to_block(cont);
    }

    /// A call through a `PreserveAll` adapter (no results).
    fn call_adapter(&mut self, addr: u64, args: &[ir::Value]) {
        let mut sig = Signature::new(CallConv::PreserveAll);
        sig.params.extend(args.iter().map(|_| AbiParam::new(types::I64)));
        let sr = self.b.import_signature(sig);
        let f = self.b.ins().iconst(types::I64, addr as i64);
        self.b.ins().call_indirect(sr, f, args);
    }

    /// The values of exit `k`'s fail arguments here.
    fn fail_values(&self, k: usize) -> Vec<ir::Value> {
        self.rc.exits[k]
            .fail_args
            .iter()
            .map(|v| self.vals[v.0 as usize].expect("verified: snapshot values are defined"))
            .collect()
    }

    /// The next exit (a guard's): its index and fail-argument values, and the shared exit
    /// block for their types.
    fn next_guard_exit(&mut self) -> (ir::Block, Vec<BlockArg>) {
        let k = self.next_exit;
        self.next_exit += 1;
        let vals = self.fail_values(k);
        let types: Vec<ir::Type> = vals.iter().map(|v| self.b.func.dfg.value_type(*v)).collect();
        let blk = match self.shared_exits.iter().find(|(t, _)| *t == types) {
            Some((_, b)) => *b,
            None => {
                let b = self.b.create_block();
                self.b.set_cold_block(b);
                self.b.append_block_param(b, types::I64);
                for t in &types {
                    self.b.append_block_param(b, *t);
                }
                self.shared_exits.push((types, b));
                b
            }
        };
        let kv = self.b.ins().iconst(types::I64, k as i64);
        let args = std::iter::once(kv).chain(vals).map(BlockArg::Value).collect();
        (blk, args)
    }

    /// Stores an exit's fail arguments, counts it, then tail-calls its bridge (if `bridgeable`
    /// and one is attached) or returns its exit code.
    fn store_exit(&mut self, k: ExitIndex, vals: &[ir::Value], bridgeable: bool) {
        for (i, x) in vals.iter().enumerate() {
            self.b.ins().store(mem(), *x, self.buf, (8 * i) as i32);
        }
        // &counters[1 + k], &bridges[k], trace id << 32 | k
        let (counter, slot, code) = match k {
            ExitIndex::Static(k) => {
                let c = self.b.ins().iconst(types::I64, (self.env.counters + 8 * (1 + k as u64)) as i64);
                let s = self.b.ins().iconst(types::I64, (self.env.bridges + 8 * k as u64) as i64);
                let code = self.b.ins().iconst(types::I64, ((self.env.trace_id as u64) << 32 | k as u64) as i64);
                (c, s, code)
            }
            ExitIndex::Dynamic(k) => {
                let off = self.b.ins().ishl_imm_u(k, 3);
                let c = self.b.ins().iadd_imm_s(off, (self.env.counters + 8) as i64);
                let s = self.b.ins().iadd_imm_s(off, self.env.bridges as i64);
                let code = self.b.ins().bor_imm_u(k, ((self.env.trace_id as u64) << 32) as i64);
                (c, s, code)
            }
        };
        let n = self.b.ins().load(types::I64, mem(), counter, 0);
        let n = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(mem(), n, counter, 0);
        if bridgeable {
            let target = self.b.ins().load(types::I64, mem(), slot, 0);
            let bridge = self.b.create_block();
            let ret = self.b.create_block();
            self.b.set_cold_block(bridge);
            self.b.set_cold_block(ret);
            self.b.ins().brif(target, bridge, &[], ret, &[]);
            self.b.switch_to_block(bridge);
            self.tail_call(target);
            self.b.switch_to_block(ret);
        }
        self.b.ins().return_(&[code]);
    }

    fn tail_call(&mut self, target: ir::Value) {
        let sr = self.b.import_signature(trace_signature(self.env.mode));
        let mut args = vec![self.ctx, self.buf];
        if let Some(b) = self.base_param {
            args.push(b);
        }
        self.b.ins().return_call_indirect(sr, target, &args);
    }

    /// Branches to the exit of `op` when `cond` is non-zero (`exit_if_true`) or zero.
    fn guard(&mut self, cond: ir::Value, exit_if_true: bool) {
        let (exit, args) = self.next_guard_exit();
        let cont = self.b.create_block();
        if exit_if_true {
            self.b.ins().brif(cond, exit, &args, cont, &[]);
        } else {
            self.b.ins().brif(cond, cont, &[], exit, &args);
        }
        self.b.switch_to_block(cont);
    }

    /// The i8 (or i64) truth value of an int argument, reusing a comparison's condition.
    fn truth(&mut self, a: Arg) -> ir::Value {
        if let Arg::Val(v) = a
            && let Some(c) = self.conds[v.0 as usize]
        {
            return c;
        }
        self.arg(a)
    }

    fn load_kind(&mut self, kind: Type, size: u8, signed: bool, addr: ir::Value, off: i32) -> ir::Value {
        let ins = self.b.ins();
        match (kind, size, signed) {
            (Type::Float, _, _) => ins.load(types::F64, mem(), addr, off),
            (_, 8, _) => ins.load(types::I64, mem(), addr, off),
            (_, 4, true) => ins.sload32(mem(), addr, off),
            (_, 4, false) => ins.uload32(mem(), addr, off),
            (_, 2, true) => ins.sload16(types::I64, mem(), addr, off),
            (_, 2, false) => ins.uload16(types::I64, mem(), addr, off),
            (_, 1, true) => ins.sload8(types::I64, mem(), addr, off),
            (_, _, _) => ins.uload8(types::I64, mem(), addr, off),
        }
    }

    fn store_kind(&mut self, kind: Type, size: u8, v: ir::Value, addr: ir::Value, off: i32) {
        let ins = self.b.ins();
        match (kind, size) {
            (Type::Float, _) | (_, 8) => ins.store(mem(), v, addr, off),
            (_, 4) => ins.istore32(mem(), v, addr, off),
            (_, 2) => ins.istore16(mem(), v, addr, off),
            _ => ins.istore8(mem(), v, addr, off),
        };
    }

    /// `base + obj + index * item_size`.
    fn item_addr(&mut self, obj: Arg, index: Arg, item_size: u8) -> ir::Value {
        let a = self.addr(obj);
        let i = self.arg(index);
        let scaled = if item_size.is_power_of_two() {
            self.b.ins().ishl_imm_u(i, item_size.trailing_zeros() as i64)
        } else {
            self.b.ins().imul_imm_s(i, item_size as i64)
        };
        self.b.ins().iadd(a, scaled)
    }

    /// The inline nursery bump for `size` bytes (a value) of type `typeid`, with the cold
    /// adapter call; `large` forces the slow path. `ptrs`: the nursery's current and end
    /// pointers when they travel in registers (else they are loaded). Returns the new object and
    /// the pointers after it.
    fn alloc(
        &mut self,
        typeid: u32,
        size: ir::Value,
        large: Option<ir::Value>,
        ptrs: Option<(ir::Value, ir::Value)>,
    ) -> (ir::Value, ir::Value, ir::Value) {
        let done = self.b.create_block();
        let obj = self.b.append_block_param(done, types::I64);
        let top = self.b.append_block_param(done, types::I64);
        let top_end = self.b.append_block_param(done, types::I64);
        let slow = self.b.create_block();
        let fast = self.b.create_block();
        self.b.set_cold_block(slow);
        let base = self.base();
        let (cur, end) = ptrs.unwrap_or_else(|| {
            let cur = self.b.ins().load(types::I64, mem(), base, INFO_NURSERY_CURRENT as i32);
            (cur, self.b.ins().load(types::I64, mem(), base, INFO_NURSERY_END as i32))
        });
        let new = self.b.ins().iadd(cur, size);
        let full = self.b.ins().icmp(IntCC::UnsignedGreaterThan, new, end);
        let full = match large {
            Some(l) => self.b.ins().bor(full, l),
            None => full,
        };
        self.b.ins().brif(full, slow, &[], fast, &[]);
        self.b.switch_to_block(fast);
        self.b.ins().store(mem(), new, base, INFO_NURSERY_CURRENT as i32);
        // Nursery memory past the current pointer is zero (the GC zeroes what it empties), so
        // the header of type id 0 (the dummy object: no flags, type 0) is already there.
        if typeid != 0 {
            let hdr = self.b.ins().iconst(types::I64, ((typeid as u64) << 32) as i64);
            let p = self.b.ins().iadd(base, cur);
            self.b.ins().store(mem(), hdr, p, 0);
        }
        self.b.ins().jump(done, &[BlockArg::Value(cur), BlockArg::Value(new), BlockArg::Value(end)]);
        self.b.switch_to_block(slow);
        let tid = self.b.ins().iconst(types::I64, typeid as i64);
        let ctx = self.ctx;
        self.call_adapter(self.env.alloc_adapter, &[ctx, tid, size]);
        self.check_status();
        let r = self.b.ins().load(types::I64, mem(), self.ctx, CTX_SCRATCH);
        let base = self.base();
        let cur = self.b.ins().load(types::I64, mem(), base, INFO_NURSERY_CURRENT as i32);
        let end = self.b.ins().load(types::I64, mem(), base, INFO_NURSERY_END as i32);
        self.b.ins().jump(done, &[BlockArg::Value(r), BlockArg::Value(cur), BlockArg::Value(end)]);
        self.b.switch_to_block(done);
        (obj, top, top_end)
    }

    fn op(&mut self, op: &Op) -> Result<Option<ir::Value>, IrError> {
        use Opcode::*;
        let d = self.env.descrs;
        let a = &op.args;
        macro_rules! bin {
            ($m:ident) => {{
                let (x, y) = (self.arg(a[0]), self.arg(a[1]));
                let r = self.b.ins().$m(x, y);
                self.set(op, r)
            }};
        }
        macro_rules! icmp {
            ($cc:expr) => {{
                let (x, y) = (self.arg(a[0]), self.arg(a[1]));
                let c = self.b.ins().icmp($cc, x, y);
                self.set_cond(op, c)
            }};
        }
        macro_rules! fcmp {
            ($cc:expr) => {{
                let (x, y) = (self.arg(a[0]), self.arg(a[1]));
                let c = self.b.ins().fcmp($cc, x, y);
                self.set_cond(op, c)
            }};
        }
        macro_rules! ovf {
            ($m:ident) => {{
                let (x, y) = (self.arg(a[0]), self.arg(a[1]));
                let (r, of) = self.b.ins().$m(x, y);
                self.ovf = Some(of);
                self.set(op, r)
            }};
        }
        match op.opcode {
            Label => {
                let blk = self.b.create_block();
                let mut args = Vec::new();
                for x in a {
                    let v = x.value().expect("verified");
                    self.b.append_block_param(blk, clif_type(self.t.types[v.0 as usize]));
                    args.push(BlockArg::Value(self.arg(*x)));
                }
                if self.register_nursery {
                    let base = self.base();
                    for off in [INFO_NURSERY_CURRENT, INFO_NURSERY_END] {
                        self.b.append_block_param(blk, types::I64);
                        args.push(BlockArg::Value(self.b.ins().load(types::I64, mem(), base, off as i32)));
                    }
                }
                self.b.ins().jump(blk, &args);
                self.b.switch_to_block(blk);
                let params = self.b.block_params(blk).to_vec();
                for (x, p) in a.iter().zip(&params) {
                    self.vals[x.value().expect("verified").0 as usize] = Some(*p);
                    self.conds[x.value().expect("verified").0 as usize] = None;
                }
                if self.register_nursery {
                    self.carried = Some((params[a.len()], params[a.len() + 1]));
                }
                self.loop_block = Some(blk);
            }
            Jump => match op.descr {
                None => {
                    let mut args: Vec<BlockArg> = a.iter().map(|x| BlockArg::Value(self.arg(*x))).collect();
                    if let Some((top, end)) = self.carried {
                        args.extend([BlockArg::Value(top), BlockArg::Value(end)]);
                    }
                    let blk = self.loop_block.expect("verified: a label precedes the jump");
                    self.b.ins().jump(blk, &args);
                }
                Some(t) => {
                    let slot = d.as_target(t).expect("verified").code.as_ptr() as u64;
                    for (i, x) in a.iter().enumerate() {
                        let v = self.arg(*x);
                        self.b.ins().store(mem(), v, self.buf, (8 * i) as i32);
                    }
                    let p = self.b.ins().iconst(types::I64, slot as i64);
                    let target = self.b.ins().load(types::I64, mem(), p, 0);
                    self.tail_call(target);
                }
            },
            Exit => {
                let k = self.next_exit;
                self.next_exit += 1;
                let vals = self.fail_values(k);
                self.store_exit(ExitIndex::Static(k), &vals, false);
            }
            DebugMergePoint => {}
            SameAsI | SameAsR | SameAsF | CastPtrToInt | CastIntToPtr => {
                let v = self.arg(a[0]);
                self.set(op, v)
            }
            IntAdd => bin!(iadd),
            IntSub => bin!(isub),
            IntMul => bin!(imul),
            IntFloorDiv | IntMod => {
                // The machine's division truncates and traps on MIN / -1: divide by 1 instead
                // of -1 (negating the quotient, zeroing the remainder), then round toward
                // negative infinity.
                let (x, y) = (self.arg(a[0]), self.arg(a[1]));
                let minus1 = self.b.ins().icmp_imm_s(IntCC::Equal, y, -1);
                let one = self.b.ins().iconst(types::I64, 1);
                let d = self.b.ins().select(minus1, one, y);
                let q = self.b.ins().sdiv(x, d);
                let r = self.b.ins().srem(x, d);
                // r != 0 and (r < 0) != (y < 0): adjust.
                let rs = self.b.ins().bxor(r, y);
                let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, rs, 0);
                let nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                let adjust = self.b.ins().band(neg, nz);
                let res = if op.opcode == IntFloorDiv {
                    let q1 = self.b.ins().iadd_imm_s(q, -1);
                    let q = self.b.ins().select(adjust, q1, q);
                    let nq = self.b.ins().ineg(x);
                    self.b.ins().select(minus1, nq, q)
                } else {
                    let r1 = self.b.ins().iadd(r, y);
                    self.b.ins().select(adjust, r1, r)
                };
                self.set(op, res)
            }
            IntAnd => bin!(band),
            IntOr => bin!(bor),
            IntXor => bin!(bxor),
            IntLshift => bin!(ishl),
            IntRshift => bin!(sshr),
            UintRshift => bin!(ushr),
            IntNeg => {
                let x = self.arg(a[0]);
                let r = self.b.ins().ineg(x);
                self.set(op, r)
            }
            IntInvert => {
                let x = self.arg(a[0]);
                let r = self.b.ins().bnot(x);
                self.set(op, r)
            }
            IntAddOvf => ovf!(sadd_overflow),
            IntSubOvf => ovf!(ssub_overflow),
            IntMulOvf => ovf!(smul_overflow),
            IntLt => icmp!(IntCC::SignedLessThan),
            IntLe => icmp!(IntCC::SignedLessThanOrEqual),
            IntEq => icmp!(IntCC::Equal),
            IntNe => icmp!(IntCC::NotEqual),
            IntGt => icmp!(IntCC::SignedGreaterThan),
            IntGe => icmp!(IntCC::SignedGreaterThanOrEqual),
            UintLt => icmp!(IntCC::UnsignedLessThan),
            UintGe => icmp!(IntCC::UnsignedGreaterThanOrEqual),
            PtrEq => icmp!(IntCC::Equal),
            PtrNe => icmp!(IntCC::NotEqual),
            IntIsTrue | IntIsZero => {
                let x = self.arg(a[0]);
                let cc = if op.opcode == IntIsTrue { IntCC::NotEqual } else { IntCC::Equal };
                let c = self.b.ins().icmp_imm_s(cc, x, 0);
                self.set_cond(op, c)
            }
            FloatAdd => bin!(fadd),
            FloatSub => bin!(fsub),
            FloatMul => bin!(fmul),
            FloatTrueDiv => bin!(fdiv),
            FloatNeg => {
                let x = self.arg(a[0]);
                let r = self.b.ins().fneg(x);
                self.set(op, r)
            }
            FloatAbs => {
                let x = self.arg(a[0]);
                let r = self.b.ins().fabs(x);
                self.set(op, r)
            }
            FloatLt => fcmp!(FloatCC::LessThan),
            FloatLe => fcmp!(FloatCC::LessThanOrEqual),
            FloatEq => fcmp!(FloatCC::Equal),
            FloatNe => fcmp!(FloatCC::NotEqual),
            FloatGt => fcmp!(FloatCC::GreaterThan),
            FloatGe => fcmp!(FloatCC::GreaterThanOrEqual),
            CastIntToFloat => {
                let x = self.arg(a[0]);
                let r = self.b.ins().fcvt_from_sint(types::F64, x);
                self.set(op, r)
            }
            CastFloatToInt => {
                let x = self.arg(a[0]);
                let r = self.b.ins().fcvt_to_sint_sat(types::I64, x);
                self.set(op, r)
            }
            GetfieldI | GetfieldR | GetfieldF => {
                let f = d.as_field(op.descr.expect("verified")).expect("verified").clone();
                let p = self.addr(a[0]);
                let r = self.load_kind(f.kind, f.size, f.signed, p, f.offset);
                self.set(op, r)
            }
            Setfield => {
                let f = d.as_field(op.descr.expect("verified")).expect("verified").clone();
                let p = self.addr(a[0]);
                let v = self.arg(a[1]);
                self.store_kind(f.kind, f.size, v, p, f.offset);
            }
            GetarrayitemI | GetarrayitemR | GetarrayitemF => {
                let ad = d.as_array(op.descr.expect("verified")).expect("verified").clone();
                let p = self.item_addr(a[0], a[1], ad.item_size);
                let r = self.load_kind(ad.kind, ad.item_size, ad.signed, p, ad.base);
                self.set(op, r)
            }
            Setarrayitem => {
                let ad = d.as_array(op.descr.expect("verified")).expect("verified").clone();
                let p = self.item_addr(a[0], a[1], ad.item_size);
                let v = self.arg(a[2]);
                self.store_kind(ad.kind, ad.item_size, v, p, ad.base);
            }
            Arraylen => {
                let ad = d.as_array(op.descr.expect("verified")).expect("verified").clone();
                let p = self.addr(a[0]);
                let r = self.b.ins().load(types::I64, mem(), p, ad.len_offset);
                self.set(op, r)
            }
            New | NewArray => return Err(IrError(format!("{} must be rewritten before lowering", op.opcode.name()))),
            AllocNursery if op.descr == Some(crate::ir::DUMMY) && self.carried.is_some() => {
                let size = self.b.ins().iconst(types::I64, 16);
                let (r, top, end) = self.alloc(0, size, None, self.carried);
                self.set(op, r);
                self.carried = Some((top, end));
                return Ok(Some(top));
            }
            AllocNursery => {
                let s = d.as_size(op.descr.expect("verified")).expect("verified").clone();
                let size = s.size.max(16).next_multiple_of(16);
                let sz = self.b.ins().iconst(types::I64, size as i64);
                let large = (size >= crate::rewrite::LARGE_OBJECT).then(|| self.b.ins().iconst(types::I8, 1));
                let (r, top, _) = self.alloc(s.typeid, sz, large, None);
                self.set(op, r);
                return Ok(Some(top));
            }
            AllocNurseryVar => {
                let ad = d.as_array(op.descr.expect("verified")).expect("verified").clone();
                let n = self.arg(a[0]);
                let bytes = self.b.ins().imul_imm_s(n, ad.item_size as i64);
                let bytes = self.b.ins().iadd_imm_s(bytes, ad.base as i64 + 15);
                let size = self.b.ins().band_imm_s(bytes, -16);
                let size = {
                    let min = self.b.ins().iconst(types::I64, 16);
                    self.b.ins().umax(size, min)
                };
                let large = self.b.ins().icmp_imm_u(
                    IntCC::UnsignedGreaterThanOrEqual,
                    size,
                    crate::rewrite::LARGE_OBJECT as i64,
                );
                let (r, top, _) = self.alloc(ad.typeid, size, Some(large), None);
                self.set(op, r);
                let base = self.base();
                let p = self.b.ins().iadd(base, r);
                self.b.ins().store(mem(), n, p, ad.len_offset);
                return Ok(Some(top));
            }
            CallI | CallR | CallF | CallN => {
                let c = d.as_call(op.descr.expect("verified")).expect("verified").clone();
                let mut sig = Signature::new(CallConv::SystemV);
                let mut args = Vec::new();
                if c.with_ctx {
                    sig.params.push(AbiParam::new(types::I64));
                    args.push(self.ctx);
                }
                for (x, t) in a.iter().zip(&c.args) {
                    sig.params.push(AbiParam::new(clif_type(*t)));
                    args.push(self.arg(*x));
                }
                if c.result != Type::Void {
                    sig.returns.push(AbiParam::new(clif_type(c.result)));
                }
                let sr = self.b.import_signature(sig);
                let f = self.b.ins().iconst(types::I64, c.addr as i64);
                let inst = self.b.ins().call_indirect(sr, f, &args);
                if c.result != Type::Void {
                    let r = self.b.inst_results(inst)[0];
                    self.set(op, r);
                }
                if c.with_ctx {
                    // A helper given the context may have aborted the transaction.
                    self.check_status();
                }
            }
            GuardTrue | GuardFalse => {
                let c = self.truth(a[0]);
                self.guard(c, op.opcode == GuardFalse);
            }
            GuardNonnull | GuardIsnull => {
                let c = self.arg(a[0]);
                self.guard(c, op.opcode == GuardIsnull);
            }
            GuardValue => {
                let (x, y) = (self.arg(a[0]), self.arg(a[1]));
                let c = self.b.ins().icmp(IntCC::NotEqual, x, y);
                self.guard(c, true);
            }
            GuardClass => {
                let p = self.addr(a[0]);
                let tid = self.b.ins().uload32(mem(), p, HEADER_TYPEID as i32);
                let want = a[1].const_bits().expect("verified: a constant") as i64;
                let c = self.b.ins().icmp_imm_s(IntCC::NotEqual, tid, want);
                self.guard(c, true);
            }
            GuardNonnullClass => {
                // Exits unless the word is a reference (non-zero, 16-aligned) to an object of
                // the class: safe on any word, the header is read only for references.
                let (exit, args) = self.next_guard_exit();
                let o = self.arg(a[0]);
                let low = self.b.ins().band_imm_u(o, 15);
                let unaligned = self.b.ins().icmp_imm_s(IntCC::NotEqual, low, 0);
                let null = self.b.ins().icmp_imm_s(IntCC::Equal, o, 0);
                let not_ref = self.b.ins().bor(unaligned, null);
                let check = self.b.create_block();
                let cont = self.b.create_block();
                self.b.ins().brif(not_ref, exit, &args, check, &[]);
                self.b.switch_to_block(check);
                let p = self.addr(a[0]);
                let tid = self.b.ins().uload32(mem(), p, HEADER_TYPEID as i32);
                let want = a[1].const_bits().expect("verified: a constant") as i64;
                let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, tid, want);
                self.b.ins().brif(other, exit, &args, cont, &[]);
                self.b.switch_to_block(cont);
            }
            GuardNoOverflow | GuardOverflow => {
                let of = self
                    .ovf
                    .take()
                    .ok_or_else(|| IrError(format!("{} without a preceding _ovf op", op.opcode.name())))?;
                self.guard(of, op.opcode == GuardNoOverflow);
            }
            GuardNoException => {
                let e = self.b.ins().load(types::I64, mem(), self.ctx, CTX_EXCEPTION);
                self.guard(e, true);
            }
            GuardNotInvalidated => {
                let p = self.b.ins().iconst(types::I64, self.env.invalid as i64);
                let w = self.b.ins().load(types::I64, mem(), p, 0);
                self.guard(w, true);
            }
            BreakCheck => {
                let base = self.base();
                let cur = match self.nursery_top {
                    Some(top) => top,
                    None => self.b.ins().load(types::I64, mem(), base, INFO_NURSERY_CURRENT as i32),
                };
                let mark = self.b.ins().load(types::I64, mem(), base, INFO_NURSERY_MARK as i32);
                let sig = self.b.ins().uload32(mem(), base, INFO_SIGNAL as i32);
                let past = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, cur, mark);
                let signalled = self.b.ins().icmp_imm_s(IntCC::NotEqual, sig, 0);
                let c = self.b.ins().bor(past, signalled);
                self.guard(c, true);
            }
            StmRead => {
                let base = self.base();
                let rv = self.b.ins().load(types::I8, mem(), base, INFO_READ_VERSION as i32);
                let o = self.arg(a[0]);
                let idx = self.b.ins().ushr_imm_u(o, 4);
                let p = self.b.ins().iadd(base, idx);
                self.b.ins().store(mem(), rv, p, 0);
            }
            StmWrite => {
                let p = self.addr(a[0]);
                let hdr = self.b.ins().load(types::I32, mem(), p, 0);
                let bit = self.b.ins().band_imm_u(hdr, FLAG_WRITE_BARRIER as i64);
                let slow = self.b.create_block();
                let cont = self.b.create_block();
                self.b.set_cold_block(slow);
                self.b.ins().brif(bit, slow, &[], cont, &[]);
                self.b.switch_to_block(slow);
                let o = self.arg(a[0]);
                let ctx = self.ctx;
                self.call_adapter(self.env.write_adapter, &[ctx, o]);
                self.check_status();
                self.b.ins().jump(cont, &[]);
                self.b.switch_to_block(cont);
            }
        }
        Ok(None)
    }
}
