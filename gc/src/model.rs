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
}

/// Puts the offsets of `obj`'s reference fields into `out` (cleared first).
pub(crate) fn ref_fields<M: GcModel>(model: &M, obj: ObjView<'_>, out: &mut Vec<u64>) {
    out.clear();
    model.trace(obj, &mut |off| out.push(off));
}

/// Hands a `GcModel` to the STM as its `ObjectModel`.
pub(crate) struct StmModel<M>(pub std::sync::Arc<M>);

impl<M: GcModel> ObjectModel for StmModel<M> {
    fn object_size(&self, obj: ObjView<'_>) -> usize {
        self.0.object_size(obj)
    }
}
