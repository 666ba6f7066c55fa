//! pystm's Python virtual machine: parsing and compiling (`compile/`), the object model on the
//! STM heap (`layout.rs`, `objects/`), the interpreter (`interp/`), the built-ins
//! (`builtins/`), and the process-level runner used by the `pystm` command (`run.rs`).

pub mod builtins;
pub mod compile;
pub mod interp;
pub mod jit;
pub mod layout;
pub mod objects;
pub mod run;
pub mod runtime;
pub mod stmlog;
pub mod threads;
pub mod value;

/// Rust stack size of every interpreter thread: nested dispatch loops (built-ins calling back
/// into Python) recurse on it.
pub const THREAD_STACK: usize = 256 << 20;
