//! The heap layouts of every Python object: type ids (the GC's layout kinds), field offsets,
//! sizes, and the `GcModel` telling the GC where references are. Offsets are fixed so that the
//! JIT can read objects directly. This file owns the numbers; it must never allocate or run
//! Python code.
//!
//! Every object starts with the 8-byte STM header (flags u32, type id u32). Fields that hold
//! Python values are traced; integers kept in traced fields are tagged (`Value::int`), so the GC
//! never mistakes them for references. Raw fields (float bits, string bytes) live only in
//! layouts that are not traced.

use gc::GcModel;
use stm::ObjView;

/// Type ids (layout kinds).
pub mod tid {
    pub const DUMMY: u32 = 0;
    pub const FLOAT: u32 = 1;
    pub const BIGINT: u32 = 2;
    pub const STR: u32 = 3;
    pub const BYTES: u32 = 4;
    pub const TUPLE: u32 = 5;
    pub const LIST: u32 = 6;
    pub const ARRAY: u32 = 7;
    pub const RAW: u32 = 8;
    pub const DICT: u32 = 9;
    pub const SET: u32 = 10;
    pub const FROZENSET: u32 = 11;
    pub const FUNCTION: u32 = 12;
    pub const CODE: u32 = 13;
    pub const CELL: u32 = 14;
    pub const CLASS: u32 = 15;
    pub const INSTANCE: u32 = 16;
    pub const FRAME: u32 = 17;
    pub const METHOD: u32 = 18;
    pub const BUILTIN: u32 = 19;
    pub const RANGE: u32 = 20;
    pub const ITER: u32 = 21;
    pub const GENERATOR: u32 = 22;
    pub const SLICE: u32 = 23;
    pub const MODULE: u32 = 24;
    pub const PROPERTY: u32 = 25;
    pub const STATICMETHOD: u32 = 26;
    pub const CLASSMETHOD: u32 = 27;
    pub const SUPER: u32 = 28;
    pub const TRACEBACK: u32 = 29;
    /// Coroutines and async generators have the generator's layout.
    pub const COROUTINE: u32 = 30;
    pub const ASYNC_GENERATOR: u32 = 31;
    /// What `coroutine.__await__()`, `agen.asend()` and `agen.athrow()`/`aclose()` return.
    pub const CORO_WRAPPER: u32 = 32;
    pub const AG_ASEND: u32 = 33;
    pub const AG_ATHROW: u32 = 34;
    /// A value yielded by an async generator's `yield` (never seen by Python code).
    pub const AG_WRAPPED: u32 = 35;
    pub const COUNT: usize = 36;
}

/// Fixed sizes of the layouts that are not variable-sized (0: variable).
const FIXED_SIZE: [usize; tid::COUNT] = [
    16,  // DUMMY
    16,  // FLOAT: f64 bits at 8
    0,   // BIGINT
    0,   // STR
    0,   // BYTES
    0,   // TUPLE
    32,  // LIST
    0,   // ARRAY
    0,   // RAW
    48,  // DICT
    48,  // SET
    48,  // FROZENSET
    96,  // FUNCTION
    48,  // CODE
    16,  // CELL
    112, // CLASS
    48,  // INSTANCE
    0,   // FRAME
    32,  // METHOD
    32,  // BUILTIN
    32,  // RANGE
    48,  // ITER
    48,  // GENERATOR
    32,  // SLICE
    32,  // MODULE
    48,  // PROPERTY
    16,  // STATICMETHOD
    16,  // CLASSMETHOD
    32,  // SUPER
    48,  // TRACEBACK
    48,  // COROUTINE
    48,  // ASYNC_GENERATOR
    48,  // CORO_WRAPPER
    48,  // AG_ASEND
    48,  // AG_ATHROW
    16,  // AG_WRAPPED
];

// Float: raw bits.
pub const FLOAT_VAL: u64 = 8;
// BigInt: raw i64 (sign * number of u64 digits), then little-endian u64 digits.
pub const BIG_LEN: u64 = 8;
pub const BIG_DIGITS: u64 = 16;
// Str: raw byte length, character count, hash; UTF-8 bytes from 32.
pub const STR_BLEN: u64 = 8;
pub const STR_CLEN: u64 = 16;
pub const STR_HASH: u64 = 24;
pub const STR_DATA: u64 = 32;
// Bytes: raw length, hash; bytes from 24.
pub const BYTES_LEN: u64 = 8;
pub const BYTES_HASH: u64 = 16;
pub const BYTES_DATA: u64 = 24;
// Tuple: raw length, items.
pub const TUPLE_LEN: u64 = 8;
pub const TUPLE_ITEMS: u64 = 16;
// Array (values, traced) and Raw (bytes, not traced): raw capacity (items / bytes), data.
pub const ARRAY_CAP: u64 = 8;
pub const ARRAY_ITEMS: u64 = 16;
// List: tagged length, items array.
pub const LIST_LEN: u64 = 8;
pub const LIST_ITEMS: u64 = 16;
// Dict, set, frozenset: tagged live count, tagged used entries, index table (Raw of i32), entries
// (Array of [tagged hash, key, value] triples).
pub const DICT_USED: u64 = 8;
pub const DICT_FILL: u64 = 16;
pub const DICT_INDEX: u64 = 24;
pub const DICT_ENTRIES: u64 = 32;
/// Tagged structure version: a process-unique number that changes whenever a key is added or
/// removed or the table is rebuilt (value updates keep it); 0 until the first insertion.
pub const DICT_VERSION: u64 = 40;
// Function.
pub const FN_CODE: u64 = 8;
pub const FN_GLOBALS: u64 = 16;
pub const FN_DEFAULTS: u64 = 24;
pub const FN_KWDEFAULTS: u64 = 32;
pub const FN_CLOSURE: u64 = 40;
pub const FN_NAME: u64 = 48;
pub const FN_QUALNAME: u64 = 56;
pub const FN_DICT: u64 = 64;
pub const FN_MODULE: u64 = 72;
pub const FN_DOC: u64 = 80;
/// Tagged `code::addr_word` of the function's code (a cache of FN_CODE's CODE_ID lookup).
pub const FN_CODEPTR: u64 = 88;
// Code object: tagged id into the code table, constants tuple, names tuple.
pub const CODE_ID: u64 = 8;
pub const CODE_CONSTS: u64 = 16;
pub const CODE_NAMES: u64 = 24;
pub const CODE_NAME: u64 = 32;
pub const CODE_QUALNAME: u64 = 40;
// Cell.
pub const CELL_VAL: u64 = 8;
// Class.
pub const CLS_NAME: u64 = 8;
pub const CLS_QUALNAME: u64 = 16;
pub const CLS_DICT: u64 = 24;
pub const CLS_BASES: u64 = 32;
pub const CLS_MRO: u64 = 40;
/// Tagged version, changed whenever the class's dict or bases change.
pub const CLS_VERSION: u64 = 48;
/// Tagged layout kind of its instances (`tid::INSTANCE` for Python classes, or the built-in
/// layout a built-in type and its subclasses use).
pub const CLS_KIND: u64 = 56;
/// Tuple of `__slots__` names, or NULL.
pub const CLS_SLOTS: u64 = 64;
/// Tagged flags (`CLSF_*`).
pub const CLS_FLAGS: u64 = 72;
pub const CLS_MODULE: u64 = 80;
/// A list of the classes that have this one as a direct base (for version invalidation).
pub const CLS_SUBCLASSES: u64 = 88;
/// The metaclass, or NULL for `type`.
pub const CLS_META: u64 = 96;
pub const CLSF_BUILTIN: i64 = 1;
pub const CLSF_HAS_GETATTR: i64 = 2;
pub const CLSF_HAS_SETATTR: i64 = 4;
pub const CLSF_EXCEPTION: i64 = 8;
/// Instances have no `__dict__` (every class of the MRO but object has `__slots__`).
pub const CLSF_NO_DICT: i64 = 16;
/// The class (or a base) defines `__getattribute__` in Python.
pub const CLSF_HAS_GETATTRIBUTE: i64 = 32;
// Instance: class, tagged map id, slots array.
pub const INST_CLASS: u64 = 8;
pub const INST_MAP: u64 = 16;
pub const INST_SLOTS: u64 = 24;
/// INST_MAP of an instance whose attributes live in a dict (INST_SLOTS is then that DICT): its
/// `__dict__` was asked for or assigned.
pub const DICT_MODE: i64 = -1;
/// For instances of subclasses of built-in types (list, dict, str, int ...): the built-in value
/// that holds their data; NULL otherwise.
pub const INST_NATIVE: u64 = 32;
// Frame.
pub const F_BACK: u64 = 8;
pub const F_FUNC: u64 = 16;
pub const F_CODE: u64 = 24;
pub const F_GLOBALS: u64 = 32;
pub const F_LOCALS: u64 = 40;
pub const F_PC: u64 = 48;
/// Tagged index of the first free stack slot (locals, cells and free variables come first).
pub const F_SP: u64 = 56;
pub const F_GEN: u64 = 64;
/// The exception being handled in this frame (for a bare `raise` and for `__context__`).
pub const F_EXC: u64 = 72;
/// Tagged: 1 when a nested dispatch loop returns to Rust when this frame returns.
pub const F_ENTRY: u64 = 80;
/// Tagged number of slots.
pub const F_NSLOTS: u64 = 88;
/// Tagged `code::addr_word` of the frame's code (F_CODE's, found in one load).
pub const F_CODEPTR: u64 = 96;
pub const F_SLOTS: u64 = 104;
// Bound method.
pub const METH_SELF: u64 = 8;
pub const METH_FUNC: u64 = 16;
// Built-in function: tagged index into the builtin table, bound receiver (or NULL).
pub const BI_ID: u64 = 8;
pub const BI_SELF: u64 = 16;
// Range and slice.
pub const R_START: u64 = 8;
pub const R_STOP: u64 = 16;
pub const R_STEP: u64 = 24;
// Iterator: tagged kind, then four value fields.
pub const IT_KIND: u64 = 8;
pub const IT_A: u64 = 16;
pub const IT_B: u64 = 24;
pub const IT_C: u64 = 32;
pub const IT_D: u64 = 40;
// Generator: frame (NULL once finished), tagged state, name, qualname.
pub const GEN_FRAME: u64 = 8;
pub const GEN_STATE: u64 = 16;
pub const GEN_NAME: u64 = 24;
pub const GEN_QUALNAME: u64 = 32;
/// Async generators: tagged 1 while an `asend`/`athrow` awaitable is driving it.
pub const AG_RUNNING: u64 = 40;
// Awaitables of coroutines and async generators: the coroutine or generator, the value to send
// first (asend) or the exception to throw (athrow; NULL for aclose), tagged state (AW_INIT...).
pub const AW_TARGET: u64 = 8;
pub const AW_ARG: u64 = 16;
pub const AW_STATE: u64 = 24;
pub const AW_INIT: i64 = 0;
pub const AW_ITER: i64 = 1;
pub const AW_CLOSED: i64 = 2;
pub const WRAPPED_VALUE: u64 = 8;
// Module.
pub const MOD_NAME: u64 = 8;
pub const MOD_DICT: u64 = 16;
// Property: fget, fset, fdel, doc. Staticmethod and classmethod: the function at 8.
pub const PROP_GET: u64 = 8;
pub const PROP_SET: u64 = 16;
pub const PROP_DEL: u64 = 24;
pub const PROP_DOC: u64 = 32;
pub const WRAP_FUNC: u64 = 8;
// Super: the class to start after, the object.
pub const SUPER_TYPE: u64 = 8;
pub const SUPER_OBJ: u64 = 16;
// Traceback entry: next (inner) entry (mutable: `tb_next` is writable), code object, tagged line.
pub const TB_NEXT: u64 = 8;
pub const TB_CODE: u64 = 16;
pub const TB_LINE: u64 = 24;
/// Tagged instruction index (for the column markers).
pub const TB_PC: u64 = 32;
/// The frame the entry is for (`tb_frame`; kept alive by the traceback, as in CPython).
pub const TB_FRAME: u64 = 40;

/// The size in bytes (header included, rounded up to 16) of a variable-sized object.
pub fn str_size(blen: usize) -> usize {
    (STR_DATA as usize + blen).next_multiple_of(16)
}
pub fn bytes_size(len: usize) -> usize {
    (BYTES_DATA as usize + len).next_multiple_of(16)
}
pub fn tuple_size(n: usize) -> usize {
    (TUPLE_ITEMS as usize + 8 * n).next_multiple_of(16)
}
pub fn array_size(cap: usize) -> usize {
    (ARRAY_ITEMS as usize + 8 * cap).next_multiple_of(16)
}
pub fn raw_size(nbytes: usize) -> usize {
    (ARRAY_ITEMS as usize + nbytes).next_multiple_of(16)
}
pub fn big_size(ndigits: usize) -> usize {
    (BIG_DIGITS as usize + 8 * ndigits).next_multiple_of(16)
}
pub fn frame_size(nslots: usize) -> usize {
    (F_SLOTS as usize + 8 * nslots).next_multiple_of(16)
}

fn untag(w: u64) -> usize {
    ((w as i64) >> 1) as usize
}

/// The VM's object model, handed to the GC and the STM.
pub struct Model;

impl GcModel for Model {
    fn object_size(&self, o: ObjView<'_>) -> usize {
        let t = o.typeid() as usize;
        if t < tid::COUNT && FIXED_SIZE[t] != 0 {
            return FIXED_SIZE[t];
        }
        match o.typeid() {
            tid::BIGINT => big_size((o.read_u64(BIG_LEN) as i64).unsigned_abs() as usize),
            tid::STR => str_size(o.read_u64(STR_BLEN) as usize),
            tid::BYTES => bytes_size(o.read_u64(BYTES_LEN) as usize),
            tid::TUPLE => tuple_size(o.read_u64(TUPLE_LEN) as usize),
            tid::ARRAY => array_size(o.read_u64(ARRAY_CAP) as usize),
            tid::RAW => raw_size(o.read_u64(ARRAY_CAP) as usize),
            tid::FRAME => frame_size(untag(o.read_u64(F_NSLOTS))),
            t => panic!("object with unknown type id {t}"),
        }
    }

    fn trace(&self, o: ObjView<'_>, field: &mut dyn FnMut(u64)) {
        let (from, to) = self.field_range(o).expect("every object's fields are one range");
        let mut off = from;
        while off < to {
            field(off);
            off += 8;
        }
    }

    /// Every object's reference fields are one range of words.
    fn field_range(&self, o: ObjView<'_>) -> Option<(u64, u64)> {
        Some(match o.typeid() {
            tid::DUMMY | tid::FLOAT | tid::BIGINT | tid::STR | tid::BYTES | tid::RAW => (8, 8),
            tid::TUPLE => (TUPLE_ITEMS, TUPLE_ITEMS + 8 * o.read_u64(TUPLE_LEN)),
            tid::ARRAY => (ARRAY_ITEMS, ARRAY_ITEMS + 8 * o.read_u64(ARRAY_CAP)),
            // Only the live part of a frame: the stack above `sp` holds stale words.
            tid::FRAME => (8, F_SLOTS + 8 * untag(o.read_u64(F_SP)) as u64),
            t => (8, FIXED_SIZE[t as usize] as u64),
        })
    }
}
