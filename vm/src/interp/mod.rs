//! The per-thread interpreter state (`Vm`) and its heap accessors: every load and store of a
//! Python object goes through the small functions here, which apply the STM's read and write
//! barriers. Values held in Rust locals are valid only until the next safe point (the outermost
//! dispatch loop's commit points); nothing here commits or collects.

pub mod attr;
pub mod blocking;
pub mod call;
pub mod coro;
pub mod eval;
pub mod import;
pub mod inline_cache;
pub mod matching;
pub mod ops;
pub mod traceback;

use crate::layout::{self, Model, tid};
use crate::runtime::Runtime;
use crate::value::Value;
use gc::{GcError, Mutator};
use std::sync::Arc;
use stm::ObjRef;

/// Why Rust code stops early: a Python exception (the exception object), or a transaction
/// abort (everything since the last commit point is rolled back and redone).
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Unwind {
    Exc(Value),
    Abort,
}

pub type R<T> = Result<T, Unwind>;

pub struct Vm {
    pub m: Mutator<Model>,
    pub rt: Arc<Runtime>,
    /// The running frame (NULL between runs).
    pub frame: ObjRef,
    /// Nested dispatch loops (1 in the outermost one).
    pub nesting: u32,
    /// Python frames on the chain.
    pub call_depth: u32,
    /// While compiled code's helper runs: Python code must not (see `jit/helpers.rs`).
    pub in_helper: bool,
    pub recursion_limit: u32,
    /// Set by the dispatch loop: whether the frame it left yielded (else it returned).
    pub yielded: bool,
    /// Set before raising: the exception is re-raised (no new traceback entry).
    pub reraise: bool,
    /// An exception to raise at the resume point of the next frame run (generator.throw).
    pub pending_throw: Option<Value>,
    /// The call depth at the last commit (its frame is the root word `ROOT_RESTART`).
    restart_depth: u32,
    /// Containers being repr'd (for `[...]`).
    pub repr_stack: Vec<Value>,
    /// MRO lookups: (class, version, name) -> value or NULL (see `attr.rs`).
    pub mcache: Box<[attr::MCacheEntry]>,
    /// `Vm::sk`'s cache: (address, length) of a static name's text, and its shared str.
    pub scache: Box<[(usize, usize, u64)]>,
    /// `Vm::name_id`'s cache for strs not marked with their id: (address, id). Emptied with
    /// `mcache`, when objects may move or die.
    pub ncache: Box<[std::cell::Cell<(u64, u32)>]>,
    /// A reusable argument buffer for calls from the dispatch loop.
    pub argbuf: Vec<Value>,
    /// While a built-in method runs on the value inside a subclass instance: that instance.
    pub native_receiver: Value,
    /// This thread's dict-version counter; versions are `(count << 12) | vm_id`.
    dict_versions: i64,
    vm_id: i64,
    /// Commit points passed (the heap-wide checks run at every 64th).
    commit_points: u64,
    /// The built-in being called (see `call.rs::guarded`).
    pub builtin_target: (crate::runtime::BuiltinFn, &'static str),
    /// Set by the outermost loop's call instruction for the built-in it calls directly; taken
    /// by `guarded` into `deferrable` for that built-in only.
    pub direct_call: bool,
    /// Whether the running built-in may defer a blocking operation (see `blocking.rs`).
    pub deferrable: bool,
    /// A blocking operation recorded for the blocking point after the current call.
    pub pending: Option<blocking::Blocking>,
    /// The result a blocking point put into the frame after its commit (slot index, value):
    /// reapplied if the transaction restarts from that commit.
    pub resume_fix: Option<(usize, Value)>,
    /// Identities of threads started since the last commit (their payloads are the GC root
    /// words after the first).
    pub starting: Vec<u64>,
    /// This thread's identity (`_thread.get_ident()`).
    pub ident: u64,
    /// Console output of the running transaction, by file id, written at its commit.
    pub out_pending: Vec<(usize, Vec<u8>)>,
    /// Lock operations done inside the running transaction (lock, acquired?), undone by an abort.
    pub undo: Vec<(&'static crate::threads::RawLock, bool)>,
    /// The lock a transaction gave up waiting for (it aborted itself): waited for before the
    /// restart.
    pub restart_wait: Option<(&'static crate::threads::RawLock, Option<std::time::Instant>)>,
    /// A timed lock wait that ran out while waiting outside the transaction (see `blocking.rs`).
    pub expired_wait: Option<&'static crate::threads::RawLock>,
    /// A nested loop aborted to let threads waiting for a segment run (see `eval.rs`): how many
    /// times in a row, and whether the restart must hand the segment over.
    pub nested_yields: u32,
    pub nested_yield: bool,
    /// When a nested loop first saw another thread wait for a segment in this transaction.
    pub nested_clock: Option<std::time::Instant>,
    /// A sleep a nested loop gave up doing inside its transaction (done before the restart),
    /// and whether the redo skips its first sleep for that reason.
    pub restart_sleep: Option<std::time::Duration>,
    pub slept: bool,
    /// Since when this thread has run without handing its segment over (see `eval.rs`).
    pub segment_held_since: std::time::Instant,
    /// Loop counters and the recording in progress (`jit/`).
    pub jit: crate::jit::JitThread,
}

/// The thread's GC root words (`Mutator::roots`): the running frame at the last safe point,
/// the frame at the last commit (where an abort restarts; a root of its own, since the running
/// frame's chain may no longer reach it), the payload of the thread's start (function, args,
/// kwargs; 0 in the main thread), then the payloads of threads to start after the next commit.
pub const ROOT_FRAME: usize = 0;
pub const ROOT_RESTART: usize = 1;
pub const ROOT_PAYLOAD: usize = 2;
pub const ROOT_STARTING: usize = 3;

/// Out of memory or an OS failure where a commit or collection has to succeed.
pub fn fatal_gc(e: GcError) -> ! {
    eprintln!("Fatal Python error: {e}");
    std::process::exit(1)
}

/// Numbers the VMs (threads) of the process, for unique dict versions.
static NEXT_VM_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn fatal_alloc(e: GcError) -> ! {
    eprintln!("Fatal Python error: cannot allocate memory: {e}");
    std::process::exit(1)
}

impl Vm {
    pub fn new(rt: Arc<Runtime>) -> Vm {
        let m = rt.gc.mutator();
        Vm {
            m,
            rt,
            frame: ObjRef(0),
            nesting: 0,
            call_depth: 0,
            in_helper: false,
            recursion_limit: 1000,
            yielded: false,
            reraise: false,
            pending_throw: None,
            restart_depth: 0,
            repr_stack: Vec::new(),
            mcache: vec![attr::MCacheEntry::default(); attr::MCACHE_SIZE].into_boxed_slice(),
            scache: vec![(0, 0, 0); attr::SCACHE_SIZE].into_boxed_slice(),
            ncache: (0..attr::NCACHE_SIZE).map(|_| std::cell::Cell::new((0, 0))).collect(),
            argbuf: Vec::with_capacity(16),
            native_receiver: Value::NULL,
            dict_versions: 0,
            commit_points: 0,
            builtin_target: (|_, _, _| Ok(Value::NONE), ""),
            direct_call: false,
            deferrable: false,
            pending: None,
            resume_fix: None,
            starting: Vec::new(),
            ident: crate::threads::MAIN_IDENT,
            out_pending: Vec::new(),
            undo: Vec::new(),
            restart_wait: None,
            expired_wait: None,
            nested_yields: 0,
            nested_yield: false,
            nested_clock: None,
            restart_sleep: None,
            slept: false,
            segment_held_since: std::time::Instant::now(),
            jit: crate::jit::JitThread::new(),
            vm_id: (NEXT_VM_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) & 0xfff) as i64,
        }
    }

    /// Records the last commit: an abort restarts in frame `f` (NULL: before the first frame)
    /// at the current call depth.
    pub fn set_restart_point(&mut self, f: ObjRef) {
        self.m.roots().words[ROOT_RESTART] = f.0;
        self.restart_depth = self.call_depth;
    }

    /// Where an abort restarts: (frame, call depth); the frame is NULL before the first commit.
    pub fn restart_point(&self) -> (ObjRef, u32) {
        (ObjRef(self.m.roots().words[ROOT_RESTART]), self.restart_depth)
    }

    // ---- raw field access -------------------------------------------------------------

    /// Loads a field that never changes after the object was built (no read barrier).
    #[inline(always)]
    pub fn ld(&self, o: ObjRef, off: u64) -> Value {
        Value(self.m.th().load_u64(o, off))
    }
    /// Loads a mutable field (read barrier first).
    #[inline(always)]
    pub fn rd(&self, o: ObjRef, off: u64) -> Value {
        let th = self.m.th();
        th.read(o);
        Value(th.load_u64(o, off))
    }
    /// Stores into a field (write barrier first).
    #[inline(always)]
    pub fn st(&mut self, o: ObjRef, off: u64, v: Value) -> R<()> {
        let th = self.m.thread();
        th.write(o).map_err(|_| Unwind::Abort)?;
        th.store_u64(o, off, v.0);
        Ok(())
    }
    /// Stores into a field of an object allocated since the last safe point (no barrier needed:
    /// young objects never have the write-barrier flag).
    #[inline(always)]
    pub fn init(&mut self, o: ObjRef, off: u64, v: Value) {
        self.m.th().store_u64(o, off, v.0);
    }
    /// Moves `words` consecutive fields of `o` from byte offset `from` to byte offset `to` (the
    /// ranges may overlap), after `o`'s write barrier: list items shifting over.
    pub fn move_fields(&mut self, o: ObjRef, from: u64, to: u64, words: u64) -> R<()> {
        if words == 0 || from == to {
            return Ok(());
        }
        self.m.thread().write(o).map_err(|_| Unwind::Abort)?;
        let lo = from.min(to);
        let span = (from.max(to) - lo) / 8 + words;
        let p = self.m.th().fields_ptr(o, lo, span);
        let (src, dst) = (((from - lo) / 8) as usize, ((to - lo) / 8) as usize);
        let one = |i: usize| {
            // SAFETY: `fields_ptr` checked that all `span` words from `lo` lie in this segment's
            // mapped area (source and destination are inside); nothing here can move the
            // object or give the segment up.
            unsafe { std::ptr::write_volatile(p.add(dst + i), std::ptr::read_volatile(p.add(src + i))) }
        };
        if dst < src {
            (0..words as usize).for_each(one);
        } else {
            (0..words as usize).rev().for_each(one);
        }
        Ok(())
    }
    /// `init` of consecutive fields from byte offset `off`, with one range check.
    #[inline]
    pub fn init_fields(&mut self, o: ObjRef, off: u64, vals: &[Value]) {
        if vals.is_empty() {
            return;
        }
        let p = self.m.th().fields_ptr(o, off, vals.len() as u64);
        for (i, v) in vals.iter().enumerate() {
            // SAFETY: `fields_ptr` checked that all `vals.len()` words lie in this segment's
            // mapped area; nothing here can move the object or give the segment up.
            unsafe { std::ptr::write_volatile(p.add(i), v.0) }
        }
    }
    #[inline(always)]
    pub fn raw(&self, o: ObjRef, off: u64) -> u64 {
        self.m.th().load_u64(o, off)
    }
    #[inline(always)]
    pub fn tid(&self, o: ObjRef) -> u32 {
        self.m.th().typeid(o)
    }
    /// The layout kind of a value (`u32::MAX` for immediates and small ints).
    #[inline(always)]
    pub fn tid_of(&self, v: Value) -> u32 {
        if v.is_ref() { self.tid(v.as_obj()) } else { u32::MAX }
    }
    #[inline(always)]
    pub fn small(v: Value) -> usize {
        v.as_int() as usize
    }

    // ---- allocation ---------------------------------------------------------------------

    /// Allocates a zeroed object. Never collects; out of memory is fatal.
    ///
    /// Callers fill fresh objects with `init` (no barrier). That is sound for nursery objects; an
    /// object placed directly in old space (large, or when the nursery overflow failed) is
    /// passed through the write barrier here, once, so that the next minor collection scans it
    /// for the young references `init` puts in it. (It is locked by this transaction already,
    /// so the barrier cannot abort.)
    #[inline]
    pub fn alloc(&mut self, typeid: u32, size: usize) -> ObjRef {
        match self.m.alloc(typeid, size) {
            Ok(o) => {
                if o.0 >= stm::layout::OBJ_START && self.m.thread().write(o).is_err() {
                    eprintln!("Fatal Python error: a new object's write barrier aborted");
                    std::process::exit(1);
                }
                o
            }
            Err(e) => fatal_alloc(e),
        }
    }

    #[inline]
    pub fn new_float(&mut self, f: f64) -> Value {
        let o = self.alloc(tid::FLOAT, 16);
        self.m.th().store_u64(o, layout::FLOAT_VAL, f.to_bits());
        Value::obj(o)
    }
    #[inline]
    pub fn float_of(&self, o: ObjRef) -> f64 {
        f64::from_bits(self.raw(o, layout::FLOAT_VAL))
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        let n = if s.is_ascii() { s.len() } else { s.chars().count() };
        self.new_str_n(s, n)
    }

    /// A new str whose character count is known. Its hash is computed on first use.
    pub fn new_str_n(&mut self, s: &str, chars: usize) -> Value {
        let blen = s.len();
        let o = self.alloc(tid::STR, layout::str_size(blen));
        let th = self.m.thread();
        th.store_u64(o, layout::STR_BLEN, blen as u64);
        th.store_u64(o, layout::STR_CLEN, chars as u64);
        th.with_bytes_mut(o.0 + layout::STR_DATA, blen as u64, |b| b.copy_from_slice(s.as_bytes()));
        Value::obj(o)
    }

    /// A new str made of byte ranges `(str object, first byte, byte count)` of existing str
    /// objects (each range on character boundaries), copied heap to heap: concatenation and
    /// slicing without a Rust temporary. `chars` is the result's character count.
    pub fn str_from_parts(&mut self, parts: &[(ObjRef, u64, u64)], chars: usize) -> Value {
        let blen: u64 = parts.iter().map(|p| p.2).sum();
        // Allocation never collects, so the source objects stay where they are.
        let o = self.alloc(tid::STR, layout::str_size(blen as usize));
        let th = self.m.thread();
        th.store_u64(o, layout::STR_BLEN, blen);
        th.store_u64(o, layout::STR_CLEN, chars as u64);
        let mut at = o.0 + layout::STR_DATA;
        for &(src, from, len) in parts {
            th.copy_bytes(src.0 + layout::STR_DATA + from, at, len);
            at += len;
        }
        Value::obj(o)
    }

    /// The concatenation of two str objects.
    pub fn str_concat(&mut self, a: ObjRef, b: ObjRef) -> Value {
        let (la, lb) = (self.raw(a, layout::STR_BLEN), self.raw(b, layout::STR_BLEN));
        let chars = self.str_len_chars(a) + self.str_len_chars(b);
        self.str_from_parts(&[(a, 0, la), (b, 0, lb)], chars)
    }

    /// A str's hash, computed (and kept, if the str is young: private to this transaction) on
    /// first use.
    #[inline]
    pub fn str_hash(&mut self, o: ObjRef) -> u64 {
        let h = self.raw(o, layout::STR_HASH);
        if h != 0 {
            return h;
        }
        let n = self.raw(o, layout::STR_BLEN);
        let h = self.m.th().with_bytes(o.0 + layout::STR_DATA, n, crate::objects::str::hash_bytes);
        if o.0 < stm::layout::OBJ_START {
            self.m.th().store_u64(o, layout::STR_HASH, h);
        }
        h
    }

    /// Lends the UTF-8 bytes of a str object to `f`.
    #[inline]
    pub fn with_str<T>(&self, o: ObjRef, f: impl FnOnce(&str) -> T) -> T {
        // Only str objects hold UTF-8 (a caller passing anything else is a bug: stop here).
        assert_eq!(self.tid(o), tid::STR, "with_str on a non-str object");
        let n = self.raw(o, layout::STR_BLEN);
        // SAFETY of the conversion: str objects are built only from `&str` (new_str) and never
        // change afterwards.
        self.m.th().with_bytes(o.0 + layout::STR_DATA, n, |b| f(unsafe { std::str::from_utf8_unchecked(b) }))
    }
    /// A copy of a str object's text.
    pub fn str_of(&self, v: Value) -> String {
        self.with_str(v.as_obj(), |s| s.to_string())
    }
    pub fn str_len_chars(&self, o: ObjRef) -> usize {
        (self.raw(o, layout::STR_CLEN) & ((1 << attr::INTERN_SHIFT) - 1)) as usize
    }
    pub fn is_str(&self, v: Value) -> bool {
        v.is_ref() && self.tid(v.as_obj()) == tid::STR
    }

    pub fn new_bytes(&mut self, b: &[u8]) -> Value {
        let o = self.alloc(tid::BYTES, layout::bytes_size(b.len()));
        let th = self.m.thread();
        th.store_u64(o, layout::BYTES_LEN, b.len() as u64);
        th.store_u64(o, layout::BYTES_HASH, crate::objects::str::hash_bytes(b));
        th.with_bytes_mut(o.0 + layout::BYTES_DATA, b.len() as u64, |d| d.copy_from_slice(b));
        Value::obj(o)
    }
    pub fn bytes_of(&self, o: ObjRef) -> Vec<u8> {
        let n = self.raw(o, layout::BYTES_LEN);
        self.m.th().with_bytes(o.0 + layout::BYTES_DATA, n, |b| b.to_vec())
    }
    /// Bytes `[from, to)` of a bytes object (within its length; bytes are immutable, so no
    /// barrier is needed).
    pub fn bytes_range(&self, o: ObjRef, from: usize, to: usize) -> Vec<u8> {
        debug_assert!(from <= to && to as u64 <= self.raw(o, layout::BYTES_LEN));
        self.m.th().with_bytes(o.0 + layout::BYTES_DATA + from as u64, (to - from) as u64, |b| b.to_vec())
    }
    /// Byte `i` of a bytes object (`i` within its length).
    pub fn byte_at(&self, o: ObjRef, i: usize) -> u8 {
        debug_assert!((i as u64) < self.raw(o, layout::BYTES_LEN));
        self.m.th().with_bytes(o.0 + layout::BYTES_DATA + i as u64, 1, |b| b[0])
    }

    pub fn new_tuple(&mut self, items: &[Value]) -> Value {
        self.new_tuple_with(items.len(), |i| items[i])
    }
    /// A new tuple of `n` items, item `i` being `item(i)` (which must not allocate: the tuple
    /// is not yet filled). Builds no intermediate `Vec` (the interpreter's `BUILD_TUPLE`).
    #[inline]
    pub fn new_tuple_with(&mut self, n: usize, mut item: impl FnMut(usize) -> Value) -> Value {
        let o = self.alloc(tid::TUPLE, layout::tuple_size(n));
        let th = self.m.th();
        th.store_u64(o, layout::TUPLE_LEN, n as u64);
        for i in 0..n {
            th.store_u64(o, layout::TUPLE_ITEMS + 8 * i as u64, item(i).0);
        }
        Value::obj(o)
    }
    #[inline]
    pub fn tuple_len(&self, o: ObjRef) -> usize {
        self.raw(o, layout::TUPLE_LEN) as usize
    }
    #[inline]
    pub fn tuple_get(&self, o: ObjRef, i: usize) -> Value {
        self.ld(o, layout::TUPLE_ITEMS + 8 * i as u64)
    }
    pub fn tuple_items(&self, o: ObjRef) -> Vec<Value> {
        (0..self.tuple_len(o)).map(|i| self.tuple_get(o, i)).collect()
    }

    pub fn new_array(&mut self, cap: usize) -> ObjRef {
        let o = self.alloc(tid::ARRAY, layout::array_size(cap));
        self.m.th().store_u64(o, layout::ARRAY_CAP, cap as u64);
        o
    }
    pub fn new_raw(&mut self, nbytes: usize) -> ObjRef {
        let o = self.alloc(tid::RAW, layout::raw_size(nbytes));
        self.m.th().store_u64(o, layout::ARRAY_CAP, nbytes as u64);
        o
    }

    pub fn new_list(&mut self, items: &[Value]) -> Value {
        self.new_list_with(items.len(), |i| items[i])
    }
    /// A new list of `n` items given by `item(i)` (which must not allocate), as
    /// [`Vm::new_tuple_with`].
    #[inline]
    pub fn new_list_with(&mut self, n: usize, mut item: impl FnMut(usize) -> Value) -> Value {
        let arr = self.new_array(n.max(4));
        for i in 0..n {
            self.init(arr, layout::ARRAY_ITEMS + 8 * i as u64, item(i));
        }
        let o = self.alloc(tid::LIST, 32);
        self.init(o, layout::LIST_LEN, Value::int(n as i64));
        self.init(o, layout::LIST_ITEMS, Value::obj(arr));
        Value::obj(o)
    }

    pub fn new_cell(&mut self, v: Value) -> Value {
        let o = self.alloc(tid::CELL, 16);
        self.init(o, layout::CELL_VAL, v);
        Value::obj(o)
    }

    /// Allocates an object of a fixed layout with the given fields (from offset 8).
    pub fn new_fixed(&mut self, typeid: u32, size: usize, fields: &[Value]) -> Value {
        let o = self.alloc(typeid, size);
        self.init_fields(o, 8, fields);
        Value::obj(o)
    }

    pub fn new_int(&mut self, i: i64) -> Value {
        if Value::fits(i) { Value::int(i) } else { crate::objects::int::big_to_value(self, &i.into()) }
    }

    /// A new dict structure version, unique in the process (and never 0).
    pub fn next_dict_version(&mut self) -> i64 {
        self.dict_versions += 1;
        ((self.dict_versions & ((1 << 40) - 1)) << 12) | self.vm_id
    }

    // ---- small helpers ----------------------------------------------------------------

    pub fn types(&self) -> &crate::runtime::Types {
        self.rt.types()
    }

    /// Interned name id of a str value.
    pub fn intern_value(&self, v: Value) -> u32 {
        self.with_str(v.as_obj(), |s| self.rt.intern(s))
    }

    /// Keyword argument `name` from a builtin's keyword list.
    pub fn kwarg(&self, kw: &[(Value, Value)], name: &str) -> Option<Value> {
        kw.iter().find(|(k, _)| self.with_str(k.as_obj(), |s| s == name)).map(|(_, v)| *v)
    }
}
