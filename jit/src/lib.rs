//! The tracing JIT of pystm (issues: "The JIT backend", "The JIT optimizer").
//!
//! It will own: the SSA trace IR and its textual form, the optimizer passes, the late rewrite that
//! inserts STM barriers and nursery allocation, lowering to x86-64 through Cranelift with the
//! segment base in the pinned register (r15), guard exits with resume data, and the trace log.
//!
//! It must never know about Python: the VM hands it descriptors (field offsets, type ids, helper
//! addresses). Nothing is implemented yet.
