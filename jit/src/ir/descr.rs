//! Descriptors: what the user of the crate (the VM) tells the JIT about memory layout and
//! helpers: field and array layouts, object sizes and type ids, call targets with their effects,
//! and jump targets. They are registered by name in a [`Descrs`] table, and ops refer to them by
//! [`DescrId`] (and by name in the textual form). This file owns the descriptor types only; it
//! must never know about Python.

use super::Type;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

/// Index of a descriptor in a [`Descrs`] table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DescrId(pub u32);

/// A field at a fixed offset of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDescr {
    /// Byte offset from the object's start (the header is at 0).
    pub offset: i32,
    /// 1, 2, 4 or 8 bytes (floats: 8).
    pub size: u8,
    /// Sign-extend narrow integer loads.
    pub signed: bool,
    pub kind: Type,
    /// Never written after the object is initialized: loads need no read barrier.
    pub immutable: bool,
}

/// Array items: `length` at `len_offset`, item `i` at `base + i * item_size`.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayDescr {
    pub base: i32,
    pub item_size: u8,
    pub signed: bool,
    pub kind: Type,
    /// Offset of the 64-bit length word.
    pub len_offset: i32,
    /// Items never written after initialization.
    pub immutable: bool,
    /// Type id given to arrays allocated with `new_array`.
    pub typeid: u32,
}

/// A fixed-size object: its type id and size (header included).
#[derive(Clone, Debug, PartialEq)]
pub struct SizeDescr {
    pub typeid: u32,
    pub size: u32,
}

/// What a helper call may do.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Effect {
    /// May set the pending-exception word (`guard_no_exception` follows the call).
    pub may_raise: bool,
    /// Fields and arrays it may write; `None`: anything.
    pub writes: Option<Vec<DescrId>>,
    /// Result depends only on the arguments, no side effects (may be folded or CSE'd).
    pub pure: bool,
}

/// A runtime helper: a `extern "C"` (System V) function. It must never collect, commit or
/// abort: compiled code holds object references in registers across the call.
#[derive(Clone, Debug, PartialEq)]
pub struct CallDescr {
    /// The function's address.
    pub addr: u64,
    /// Argument types (after the context pointer, when `with_ctx`).
    pub args: Vec<Type>,
    pub result: Type,
    pub effect: Effect,
    /// Pass the thread's `JitCtx` pointer as the first argument.
    pub with_ctx: bool,
}

/// Where a `jump` to another trace goes: a slot holding the target's code address (0 until the
/// target is compiled), and the types of the values it takes. A clone shares the slot.
#[derive(Debug, Clone)]
pub struct TargetDescr {
    pub args: Vec<Type>,
    pub code: Arc<AtomicU64>,
}

impl PartialEq for TargetDescr {
    fn eq(&self, o: &Self) -> bool {
        self.args == o.args && Arc::ptr_eq(&self.code, &o.code)
    }
}

/// One descriptor.
#[derive(Debug, PartialEq, Clone)]
pub enum Descr {
    Field(FieldDescr),
    Array(ArrayDescr),
    Size(SizeDescr),
    Call(CallDescr),
    Target(TargetDescr),
}

/// The descriptor table: descriptors by id and by name. Id 0 is always [`DUMMY`], the GC's
/// 16-byte dummy object (type id 0) that the late rewrite allocates in allocation-free loops.
#[derive(Debug, Clone)]
pub struct Descrs {
    list: Vec<(String, Descr)>,
    by_name: HashMap<String, DescrId>,
}

/// The size descriptor of the GC's dummy object, registered as `gc_dummy` in every table.
pub const DUMMY: DescrId = DescrId(0);

impl Default for Descrs {
    fn default() -> Descrs {
        let mut d = Descrs { list: Vec::new(), by_name: HashMap::new() };
        d.size("gc_dummy", 0, 16);
        d
    }
}

impl Descrs {
    pub fn new() -> Descrs {
        Descrs::default()
    }

    /// Registers `d` as `name` (a name registered again gets the new descriptor).
    pub fn add(&mut self, name: &str, d: Descr) -> DescrId {
        let id = DescrId(self.list.len() as u32);
        self.list.push((name.to_string(), d));
        self.by_name.insert(name.to_string(), id);
        id
    }
    pub fn field(&mut self, name: &str, offset: i32, kind: Type) -> DescrId {
        self.add(name, Descr::Field(FieldDescr { offset, size: 8, signed: true, kind, immutable: false }))
    }
    pub fn size(&mut self, name: &str, typeid: u32, size: u32) -> DescrId {
        self.add(name, Descr::Size(SizeDescr { typeid, size }))
    }
    pub fn get(&self, id: DescrId) -> &Descr {
        &self.list[id.0 as usize].1
    }
    pub fn name(&self, id: DescrId) -> &str {
        &self.list[id.0 as usize].0
    }
    pub fn lookup(&self, name: &str) -> Option<DescrId> {
        self.by_name.get(name).copied()
    }
    pub fn len(&self) -> usize {
        self.list.len()
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
    /// Whether two descriptors may reach the same memory: the same one, fields whose bytes
    /// overlap, or arrays with the same layout (a VM reads one word as an int to test a tag
    /// and as a reference, through two descriptors). Passes that remember or delay what a
    /// descriptor holds must treat a write through one as a write through the other.
    pub fn same_memory(&self, a: DescrId, b: DescrId) -> bool {
        a == b
            || match (self.get(a), self.get(b)) {
                (Descr::Field(x), Descr::Field(y)) => {
                    x.offset < y.offset + y.size as i32 && y.offset < x.offset + x.size as i32
                }
                (Descr::Array(x), Descr::Array(y)) => x.base == y.base && x.item_size == y.item_size,
                _ => false,
            }
    }

    pub fn as_field(&self, id: DescrId) -> Option<&FieldDescr> {
        match self.get(id) {
            Descr::Field(f) => Some(f),
            _ => None,
        }
    }
    pub fn as_array(&self, id: DescrId) -> Option<&ArrayDescr> {
        match self.get(id) {
            Descr::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_size(&self, id: DescrId) -> Option<&SizeDescr> {
        match self.get(id) {
            Descr::Size(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_call(&self, id: DescrId) -> Option<&CallDescr> {
        match self.get(id) {
            Descr::Call(c) => Some(c),
            _ => None,
        }
    }
    pub fn as_target(&self, id: DescrId) -> Option<&TargetDescr> {
        match self.get(id) {
            Descr::Target(t) => Some(t),
            _ => None,
        }
    }
}
