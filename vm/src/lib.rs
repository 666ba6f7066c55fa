//! The Python virtual machine of pystm (issue: "Python core").
//!
//! It will own: parsing (behind one module, so the parser can be swapped), the bytecode compiler,
//! the interpreter with heap-allocated frames, the object model and builtins on the `gc`/`stm`
//! heap, threads, the trace recorder feeding `jit`, and the `pystm` binary.
//! Nothing is implemented yet: there is no `pystm` binary until the interpreter exists.
