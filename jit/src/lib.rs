//! The tracing JIT backend of pystm (issue "The JIT backend"): the trace IR and its textual
//! form (`ir/`), the trace optimizer (`opt/`), the late rewrite that inserts STM barriers, nursery allocation, the dummy
//! allocation and break checks (`rewrite.rs`), resume data (`resume.rs`), lowering to x86-64
//! through Cranelift with the segment base in the pinned register r15 (`lower/`), and the trace
//! log with its reader and disassembly (`log/`).
//!
//! It must never know about Python: the VM hands it descriptors (field offsets, type ids, helper
//! addresses) and resumes its own frames through `resume::ResumeTarget`.

pub mod ir;
pub mod log;
pub mod lower;
pub mod opt;
pub mod resume;
pub mod rewrite;

pub use lower::runtime::{EXIT_ABORTED, EXIT_OUT_OF_MEMORY, JitCtx};
pub use lower::{Backend, BaseMode, CompiledTrace, JitError, MAX_EXIT_VALUES, Options, TraceKind, split_exit_code};
