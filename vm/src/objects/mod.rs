//! The semantics of the built-in object kinds, one file per kind (their layouts are in
//! `layout.rs`; the methods Python code calls are in `builtins/`).

pub mod class;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod frame;
pub mod int;
pub mod int_digits;
pub mod iter;
pub mod list;
pub mod repr;
pub mod str;
