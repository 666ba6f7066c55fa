//! What the GC needs to know about objects, supplied by its user (the VM, or a test): sizes (for
//! the STM too) and where the reference fields are. This file owns the trait only.

use stm::{ObjView, ObjectModel};

/// The object model seen by the GC.
pub trait GcModel: Send + Sync + 'static {
    /// The object's size in bytes, header included: a multiple of 16, at least 16. Type id 0 is
    /// the GC's dummy object (`Mutator::dummy_alloc`): 16 bytes, no reference fields.
    fn object_size(&self, obj: ObjView<'_>) -> usize;
    /// Calls `field` with the byte offset of every field that may hold a reference. A field's
    /// word is a reference when [`GcModel::is_ref`] says so (tagged integers are not).
    fn trace(&self, obj: ObjView<'_>, field: &mut dyn FnMut(u64));
    /// Whether a word held in a traced field is a reference: by default non-zero and 16-aligned
    /// (the VM tags small integers in the low bit).
    fn is_ref(&self, word: u64) -> bool {
        word != 0 && word % 16 == 0
    }
    /// When the object's reference fields are exactly the 8-byte words of one byte range
    /// `[from, to)`, that range (an empty one for none); `None` to be asked through
    /// [`GcModel::trace`]. With a range the collector needs no buffer of offsets, which matters
    /// for big arrays (a buffer as large as the array, for every collection that scans it).
    fn field_range(&self, _obj: ObjView<'_>) -> Option<(u64, u64)> {
        None
    }
}

/// Where an object's reference fields are: one range, or the offsets listed in a buffer.
#[derive(Clone, Copy)]
pub(crate) enum RefFields {
    Range(u64, u64),
    Listed(usize),
}

impl RefFields {
    pub(crate) fn count(self) -> usize {
        match self {
            RefFields::Range(from, to) => (to.saturating_sub(from) / 8) as usize,
            RefFields::Listed(n) => n,
        }
    }
    /// The offset of the `i`th field (`buf` is the buffer `ref_fields` filled).
    #[inline]
    pub(crate) fn at(self, i: usize, buf: &[u64]) -> u64 {
        match self {
            RefFields::Range(from, _) => from + 8 * i as u64,
            RefFields::Listed(_) => buf[i],
        }
    }
}

/// Finds `obj`'s reference fields: a range from the model, or offsets put into `buf`.
pub(crate) fn ref_fields<M: GcModel>(model: &M, obj: ObjView<'_>, buf: &mut Vec<u64>) -> RefFields {
    if let Some((from, to)) = model.field_range(obj) {
        return RefFields::Range(from, to);
    }
    buf.clear();
    model.trace(obj, &mut |off| buf.push(off));
    RefFields::Listed(buf.len())
}

/// Hands a `GcModel` to the STM as its `ObjectModel`.
pub(crate) struct StmModel<M>(pub std::sync::Arc<M>);

impl<M: GcModel> ObjectModel for StmModel<M> {
    fn object_size(&self, obj: ObjView<'_>) -> usize {
        self.0.object_size(obj)
    }
}
