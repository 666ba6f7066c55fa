//! Bytecode: the instruction set, code objects and the append-only code table. A code object is
//! immutable once compiled and lives for the whole run (leaked into the table), so frames and the
//! JIT refer to it by index. Its constants are materialized on the heap (see
//! `objects/function.rs`). This file must never touch the heap.

use num_bigint::BigInt;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// One instruction. Jump targets are instruction indices.
#[derive(Copy, Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Op {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cell and free variables: the argument is the slot holding the cell.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadClosure(u32),
    /// A class body reading a free variable: locals dict first (name index, cell slot).
    LoadClassDeref(u32, u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes (function, self) when the attribute is a plain method of the type, else
    /// (attribute, NULL).
    LoadMethod(u32),
    Pop,
    Dup,
    Dup2,
    Rot2,
    Rot3,
    Rot4,
    Binary(u8),
    InplaceBinary(u8),
    Unary(u8),
    Compare(u8),
    Is(bool),
    In(bool),
    Not,
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildString(u32),
    /// Appends TOS to the list at depth n (counting TOS's slot as 1) and pops TOS.
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// For `**kwargs` in calls: like DictUpdate but duplicate keys are a TypeError.
    DictMerge(u32),
    ListToTuple,
    /// Flags: bits 0-1 conversion (0 none, 1 str, 2 repr, 3 ascii), bit 2: spec on TOS.
    FormatValue(u32),
    Jump(u32),
    /// A backward jump: a commit point.
    JumpBack(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Pushes the next item, or pops the iterator and jumps to the target when exhausted.
    ForIter(u32),
    UnpackSequence(u32),
    /// Starred unpacking: (before << 8) | after.
    UnpackEx(u32),
    /// Stack: callable, NULL-or-self, args.
    Call(u32),
    /// Stack: callable, NULL-or-self, args, tuple of keyword names (consts).
    CallKw(u32),
    /// Stack: callable, NULL, args tuple, kwargs dict (if the flag is 1).
    CallEx(u32),
    PushNull,
    /// Flags: 1 defaults tuple, 2 kw-defaults dict, 8 closure tuple; code object on TOS.
    MakeFunction(u32),
    Return,
    Yield,
    /// Delegates to the sub-iterator below TOS (TOS: the value to send).
    YieldFrom,
    GetYieldFromIter,
    /// `await`: TOS -> its iterator for `YieldFrom` (a coroutine itself, else `__await__()`);
    /// the argument says what is awaited, for error messages (`awaited::*`).
    GetAwaitable(u32),
    /// `async for`: TOS -> `TOS.__aiter__()`.
    GetAIter,
    /// `async for`: pushes the awaitable `TOS.__anext__()` (the async iterator stays).
    GetANext,
    /// Handler of `async for`: exc (TOS) and the async iterator below it are popped when exc is
    /// a StopAsyncIteration (the loop ends); any other exception is re-raised.
    EndAsyncFor,
    /// Stack: cm -> bound __aexit__, __aenter__, self-or-NULL (a `Call(0)` and an await follow).
    BeforeAsyncWith,
    /// In an async generator, before `Yield`: wraps TOS so that `asend` tells it from the values
    /// that `await` passes up to the event loop.
    AsyncGenWrap,
    /// 0: re-raise the handled exception, 1: raise TOS, 2: raise TOS1 from TOS.
    Raise(u32),
    /// Re-raises TOS (keeping its traceback).
    Reraise,
    /// Stack: exc -> prev_exc, exc; the frame now handles exc.
    PushExcInfo,
    /// Pops prev_exc and makes it the handled exception again.
    PopExcept,
    /// Stack: prev_exc, exc -> restores prev_exc and re-raises exc.
    PopExceptReraise,
    /// TOS: exception type(s), TOS1: exception -> pops the type, pushes bool.
    CheckExcMatch,
    /// `except*`: rest, type -> rest', match, whether it matched (the exceptions of rest that
    /// type matches, as a group, become the handled exception; rest' is what is left).
    CheckEgMatch,
    /// End of `except*` clauses: exc, raised -> the exception to re-raise (or None), whether
    /// there is one.
    PrepReraiseStar,
    /// Stack: cm -> bound __exit__, __enter__, self-or-NULL (a `Call(0)` follows).
    BeforeWith,
    /// Stack: exit, prev, exc -> exit, prev, exc, exit(type, exc, tb).
    WithExceptStart,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    LoadBuildClass,
    LoadAssertionError,
    /// Interactive mode: prints TOS's repr unless None and pops it.
    PrintExpr,
    /// Sets the `__class__` cell (slot) of a class body to the class on TOS (kept).
    SetClassCell(u32),
    /// Creates `__annotations__` in the locals dict unless it exists.
    SetupAnnotations,
    /// `match`: pushes whether TOS can match a sequence pattern (list, tuple, range, a
    /// `collections.abc.Sequence`; never str, bytes) and leaves TOS.
    MatchSequence,
    /// `match`: pushes whether TOS can match a mapping pattern (dict, a
    /// `collections.abc.Mapping`) and leaves TOS.
    MatchMapping,
    /// Pushes `len(TOS)` and leaves TOS.
    GetLen,
    /// `[subject, keys]` -> `[subject, keys, values]`: a tuple of the subject's values for the
    /// keys, or None when one is missing.
    MatchKeys,
    /// `[subject, cls, names]` -> the tuple of the attributes a class pattern with `n`
    /// positional sub-patterns and the keyword names `names` matches, or None.
    MatchClass(u32),
    /// `[subject, keys]` -> `[subject, rest]`: a dict of the subject's items but the keys'.
    CopyDictWithoutKeys,
    /// `[real, imag]` -> the complex number (an imaginary literal such as `2j`).
    MakeComplex,
    // ---- Superinstructions: two instructions run in one dispatch. They stand only in
    // `Code::fast`, the interpreter's copy of `ops` (see `superinstructions`), at the first
    // instruction's index; the second instruction stays in place after it (a jump may land
    // there), so every index keeps its meaning and line. The compiler, the cache, the JIT and
    // `describe` see the plain instructions.
    /// `LoadFast(a); LoadFast(b)`.
    LoadFastLoadFast(u32, u32),
    /// `LoadFast(a); LoadConst(b)`.
    LoadFastLoadConst(u32, u32),
    /// `LoadFast(a); LoadAttr(b)`.
    LoadFastLoadAttr(u32, u32),
    /// `StoreFast(a); LoadFast(b)`.
    StoreFastLoadFast(u32, u32),
    /// `StoreFast(a); StoreFast(b)`.
    StoreFastStoreFast(u32, u32),
    /// `LoadConst(a); LoadFast(b)`.
    LoadConstLoadFast(u32, u32),
    /// `LoadFast(a); LoadMethod(b)`.
    LoadFastLoadMethod(u32, u32),
    /// `PushNull; LoadFast(a)`.
    PushNullLoadFast(u32),
    /// `LoadFast(a); Binary(k)`, or `InplaceBinary(k & !INPLACE)` when `k & INPLACE`.
    LoadFastBinary(u32, u8),
    /// `LoadConst(a); Binary(k)`, or `InplaceBinary(k & !INPLACE)` when `k & INPLACE`.
    LoadConstBinary(u32, u8),
    /// `LoadAttr(a); LoadFast(b)`.
    LoadAttrLoadFast(u32, u32),
    /// `Compare(k); PopJumpIfFalse(t)`.
    CompareJumpIfFalse(u8, u32),
    /// `Compare(k); PopJumpIfTrue(t)`.
    CompareJumpIfTrue(u8, u32),
    /// `Is(neg); PopJumpIfFalse(t)`.
    IsJumpIfFalse(bool, u32),
    /// `Is(neg); PopJumpIfTrue(t)`.
    IsJumpIfTrue(bool, u32),
}

/// In the operator of a fused binary operation: the in-place form.
pub const INPLACE: u8 = 0x80;

/// The interpreter's copy of `ops`: each instruction that pairs with the next into a
/// superinstruction is replaced by it (the pairs are the commonest ones in the classic
/// programs, as CPython 3.11 found for its own). Plain instructions throughout stay valid.
pub fn superinstructions(ops: &[Op]) -> Box<[Op]> {
    let mut fast: Box<[Op]> = ops.into();
    for (i, w) in ops.windows(2).enumerate() {
        fast[i] = match (w[0], w[1]) {
            (Op::LoadFast(a), Op::LoadFast(b)) => Op::LoadFastLoadFast(a, b),
            (Op::LoadFast(a), Op::LoadConst(b)) => Op::LoadFastLoadConst(a, b),
            (Op::LoadFast(a), Op::LoadAttr(b)) => Op::LoadFastLoadAttr(a, b),
            (Op::StoreFast(a), Op::LoadFast(b)) => Op::StoreFastLoadFast(a, b),
            (Op::StoreFast(a), Op::StoreFast(b)) => Op::StoreFastStoreFast(a, b),
            (Op::LoadConst(a), Op::LoadFast(b)) => Op::LoadConstLoadFast(a, b),
            (Op::LoadFast(a), Op::LoadMethod(b)) => Op::LoadFastLoadMethod(a, b),
            (Op::PushNull, Op::LoadFast(a)) => Op::PushNullLoadFast(a),
            (Op::LoadFast(a), Op::Binary(k)) => Op::LoadFastBinary(a, k),
            (Op::LoadFast(a), Op::InplaceBinary(k)) => Op::LoadFastBinary(a, k | INPLACE),
            (Op::LoadConst(a), Op::Binary(k)) => Op::LoadConstBinary(a, k),
            (Op::LoadConst(a), Op::InplaceBinary(k)) => Op::LoadConstBinary(a, k | INPLACE),
            (Op::LoadAttr(a), Op::LoadFast(b)) => Op::LoadAttrLoadFast(a, b),
            (Op::Compare(k), Op::PopJumpIfFalse(t)) => Op::CompareJumpIfFalse(k, t),
            (Op::Compare(k), Op::PopJumpIfTrue(t)) => Op::CompareJumpIfTrue(k, t),
            (Op::Is(neg), Op::PopJumpIfFalse(t)) => Op::IsJumpIfFalse(neg, t),
            (Op::Is(neg), Op::PopJumpIfTrue(t)) => Op::IsJumpIfTrue(neg, t),
            _ => continue,
        };
    }
    fast
}

/// What `GetAwaitable` awaits.
pub mod awaited {
    pub const AWAIT: u32 = 0;
    pub const AENTER: u32 = 1;
    pub const AEXIT: u32 = 2;
}

/// Binary operators (also used by the in-place forms).
pub mod binop {
    pub const ADD: u8 = 0;
    pub const SUB: u8 = 1;
    pub const MUL: u8 = 2;
    pub const TRUEDIV: u8 = 3;
    pub const FLOORDIV: u8 = 4;
    pub const MOD: u8 = 5;
    pub const POW: u8 = 6;
    pub const LSHIFT: u8 = 7;
    pub const RSHIFT: u8 = 8;
    pub const AND: u8 = 9;
    pub const OR: u8 = 10;
    pub const XOR: u8 = 11;
    pub const MATMUL: u8 = 12;
    pub const SYMBOLS: [&str; 13] = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"];
    pub const NAMES: [&str; 13] =
        ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul"];
    /// The special methods: `__add__`, its reflected `__radd__` and in-place `__iadd__` forms.
    pub const DUNDER: [&str; 13] = [
        "__add__",
        "__sub__",
        "__mul__",
        "__truediv__",
        "__floordiv__",
        "__mod__",
        "__pow__",
        "__lshift__",
        "__rshift__",
        "__and__",
        "__or__",
        "__xor__",
        "__matmul__",
    ];
    pub const RDUNDER: [&str; 13] = [
        "__radd__",
        "__rsub__",
        "__rmul__",
        "__rtruediv__",
        "__rfloordiv__",
        "__rmod__",
        "__rpow__",
        "__rlshift__",
        "__rrshift__",
        "__rand__",
        "__ror__",
        "__rxor__",
        "__rmatmul__",
    ];
    pub const IDUNDER: [&str; 13] = [
        "__iadd__",
        "__isub__",
        "__imul__",
        "__itruediv__",
        "__ifloordiv__",
        "__imod__",
        "__ipow__",
        "__ilshift__",
        "__irshift__",
        "__iand__",
        "__ior__",
        "__ixor__",
        "__imatmul__",
    ];
}

pub mod unop {
    pub const NEG: u8 = 0;
    pub const POS: u8 = 1;
    pub const INVERT: u8 = 2;
}

pub mod cmpop {
    pub const LT: u8 = 0;
    pub const LE: u8 = 1;
    pub const EQ: u8 = 2;
    pub const NE: u8 = 3;
    pub const GT: u8 = 4;
    pub const GE: u8 = 5;
    pub const SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
    pub const DUNDER: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    /// The reflected operator (a < b  <=>  b > a).
    pub const SWAPPED: [u8; 6] = [GT, GE, EQ, NE, LT, LE];
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    BigInt(#[serde(with = "super::cache::bigint_text")] BigInt),
    Float(#[serde(with = "super::cache::f64_bits")] f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    Ellipsis,
    Code(u32),
}

pub const CO_VARARGS: u32 = 1;
pub const CO_VARKEYWORDS: u32 = 2;
pub const CO_GENERATOR: u32 = 4;
/// Locals live in a dict (module and class bodies).
pub const CO_DICT_LOCALS: u32 = 8;
/// `async def` (also flagged `CO_GENERATOR`: its frame is resumable like a generator's).
pub const CO_COROUTINE: u32 = 16;
/// `async def` with `yield` (also `CO_GENERATOR`).
pub const CO_ASYNC_GENERATOR: u32 = 32;

/// One entry of the exception table: instructions covered jump to `target` with the stack cut
/// to `depth` and the exception pushed.
#[derive(Copy, Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Handler {
    pub target: u32,
    pub depth: u32,
}

/// Where an instruction came from: 1-based lines, 0-based byte columns, and for binary
/// operations and subscripts the columns where the operator part starts and ends (for the `~~^^`
/// markers of tracebacks; 0 when none).
#[derive(Copy, Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub anchor_start: u32,
    pub anchor_end: u32,
}

/// The source of a module, kept for tracebacks.
#[derive(Debug)]
pub struct Source {
    pub filename: String,
    pub text: String,
}

impl Source {
    /// Line `n` (1-based), if any.
    pub fn line(&self, n: u32) -> Option<&str> {
        self.text.lines().nth((n as usize).checked_sub(1)?)
    }
}

#[derive(Debug)]
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub source: Arc<Source>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Fast locals, parameters first (positional, keyword-only, *args, **kwargs).
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    /// For each cell: the parameter whose value it starts with.
    pub cell2arg: Vec<Option<u32>>,
    pub freevars: Vec<String>,
    pub names: Vec<String>,
    pub consts: Vec<Const>,
    pub ops: Vec<Op>,
    /// What the interpreter runs: `ops` with superinstructions (`superinstructions(&ops)`).
    pub fast: Box<[Op]>,
    pub lines: Vec<u32>,
    pub positions: Vec<Pos>,
    /// Per instruction: index into `handlers`, or u32::MAX.
    pub handler_of: Vec<u32>,
    pub handlers: Vec<Handler>,
    pub stacksize: u32,
    pub docstring: Option<String>,
    /// Per instruction: the attribute inline cache (see `interp/inline_cache.rs`). Racy
    /// updates are benign: each entry is one self-validating word.
    pub icache: Box<[AtomicU64]>,
    /// The method-load caches this code's `LoadMethod` sites have published (each site's word
    /// 0 points at its newest); owned here so that readers of an older one never see it freed.
    pub method_sites: std::sync::Mutex<Vec<Box<crate::interp::inline_cache::MethodSite>>>,
    /// Likewise for the older shapes of polymorphic attribute sites (word 1 points at one).
    pub load_sites: std::sync::Mutex<Vec<Box<crate::interp::inline_cache::LoadSite>>>,
    /// This code object's id in the code table (set by `register`).
    pub id: u32,
}

/// An empty attribute inline cache for a code object of `nops` instructions (two words each).
pub fn new_icache(nops: usize) -> Box<[AtomicU64]> {
    (0..2 * nops).map(|_| AtomicU64::new(0)).collect()
}

impl Code {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    /// Slots before the value stack: locals, cells, free variables.
    pub fn nfixed(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }
    pub fn nslots(&self) -> usize {
        self.nfixed() + self.stacksize as usize
    }
    /// Whether a call with `nargs` positional arguments (at most the parameters; the rest from
    /// the defaults, which the caller checks) only copies them into the new frame's first
    /// slots: no `*args`, `**kwargs`, keyword-only parameters, cells or free variables to set
    /// up, and not a generator.
    #[inline]
    pub fn binds_plainly(&self, nargs: usize) -> bool {
        nargs <= self.argcount as usize
            && self.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) == 0
            && self.kwonlyargcount == 0
            && self.cellvars.is_empty()
            && self.freevars.is_empty()
    }
    /// A generator, coroutine or async generator: calling it makes a resumable frame.
    pub fn is_generator(&self) -> bool {
        self.flags & CO_GENERATOR != 0
    }
    pub fn filename(&self) -> &str {
        &self.source.filename
    }

    /// The instruction at `pc` as a person reads it, its argument resolved as `dis` does:
    /// `LoadFast(1) (i)`, `LoadAttr(0) (x)`, `Binary(0) (+)`, `LoadConst(2) (3.5)`.
    pub fn describe(&self, pc: usize) -> String {
        let Some(op) = self.ops.get(pc) else { return format!("<no instruction at {pc}>") };
        let slot = |i: u32| {
            let i = i as usize;
            let (nv, nc) = (self.varnames.len(), self.cellvars.len());
            if i < nv {
                self.varnames.get(i)
            } else if i < nv + nc {
                self.cellvars.get(i - nv)
            } else {
                self.freevars.get(i - nv - nc)
            }
            .cloned()
        };
        let arg = match *op {
            Op::LoadFast(i) | Op::StoreFast(i) | Op::DeleteFast(i) => slot(i),
            Op::LoadDeref(i) | Op::StoreDeref(i) | Op::DeleteDeref(i) | Op::LoadClosure(i) => slot(i),
            Op::LoadName(i)
            | Op::StoreName(i)
            | Op::DeleteName(i)
            | Op::LoadGlobal(i)
            | Op::StoreGlobal(i)
            | Op::DeleteGlobal(i)
            | Op::LoadAttr(i)
            | Op::StoreAttr(i)
            | Op::DeleteAttr(i)
            | Op::LoadMethod(i)
            | Op::ImportName(i)
            | Op::ImportFrom(i) => self.names.get(i as usize).cloned(),
            Op::LoadClassDeref(n, _) => self.names.get(n as usize).cloned(),
            Op::LoadConst(i) => self.consts.get(i as usize).map(|c| {
                let s = match c {
                    Const::None => "None".to_string(),
                    Const::Bool(b) => if *b { "True" } else { "False" }.to_string(),
                    Const::Int(i) => i.to_string(),
                    Const::BigInt(i) => i.to_string(),
                    Const::Float(f) => format!("{f:?}"),
                    Const::Str(s) => format!("{s:?}"),
                    c => format!("{c:?}"),
                };
                if s.len() > 40 { format!("{}…", &s[..s.floor_char_boundary(40)]) } else { s }
            }),
            Op::Binary(b) | Op::InplaceBinary(b) => binop::SYMBOLS.get(b as usize).map(|s| s.to_string()),
            Op::Compare(c) => cmpop::SYMBOLS.get(c as usize).map(|s| s.to_string()),
            _ => None,
        };
        match arg {
            Some(a) => format!("{op:?} ({a})"),
            None => format!("{op:?}"),
        }
    }
}

/// The most code objects one process can hold.
const MAX_CODES: usize = 1 << 20;

/// The code table: append-only, read without locks.
static CODES: [AtomicPtr<Code>; MAX_CODES] = [const { AtomicPtr::new(std::ptr::null_mut()) }; MAX_CODES];
static CODE_COUNT: Mutex<usize> = Mutex::new(0);

/// Adds a code object to the table; returns its id.
pub fn register(mut code: Code) -> u32 {
    let mut n = CODE_COUNT.lock().unwrap();
    assert!(*n < MAX_CODES, "too many code objects");
    code.id = *n as u32;
    CODES[*n].store(Box::into_raw(Box::new(code)), Ordering::Release);
    *n += 1;
    (*n - 1) as u32
}

/// The code object with id `id`, if there is one (markers in STM events name code by id).
pub fn try_get(id: u32) -> Option<&'static Code> {
    let p = CODES.get(id as usize)?.load(Ordering::Acquire);
    // SAFETY: as in `get`.
    (!p.is_null()).then(|| unsafe { &*p })
}

/// A code object's address as a tagged-integer payload, cached in heap fields (frames and
/// functions) so that finding a frame's code is one load. Never a heap reference: the collector
/// skips tagged integers.
pub fn addr_word(c: &'static Code) -> i64 {
    c as *const Code as usize as i64
}

/// The code object whose [`addr_word`] `w` is.
#[inline(always)]
pub fn from_addr_word(w: i64) -> &'static Code {
    debug_assert!(w > 0, "not a code address word");
    // SAFETY: the only words passed here were made by `addr_word` from a `&'static Code` (code
    // objects are leaked by `register` and never freed or written again) and kept in fields
    // (`F_CODEPTR`, `FN_CODEPTR`) that Python code can neither read nor write.
    unsafe { &*(w as usize as *const Code) }
}

/// The code object with id `id` (an id `register` returned).
#[inline]
pub fn get(id: u32) -> &'static Code {
    let p = CODES[id as usize].load(Ordering::Acquire);
    assert!(!p.is_null(), "unknown code id {id}");
    // SAFETY: the pointer came from `Box::into_raw` in `register` and is never freed or
    // written again, so it is valid and immutable for the rest of the process.
    unsafe { &*p }
}
