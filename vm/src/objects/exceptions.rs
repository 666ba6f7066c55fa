//! Exceptions: creating them from Rust (`new_error`), `raise` semantics (classes are
//! instantiated, `from` sets the cause), matching in `except`, the implicit `__context__`, and
//! traceback entries added as an exception passes through frames. Exception objects are
//! ordinary instances whose `args`, `__traceback__`, `__cause__`, `__context__` and
//! `__suppress_context__` are attributes. This file never commits.

use crate::compile::code::Code;
use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

/// The built-in exception classes and their bases (space-separated), in creation order.
pub const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

impl Vm {
    pub fn exc_type(&self, name: &str) -> ObjRef {
        *self.types().exc.get(name).unwrap_or_else(|| panic!("no exception class {name}"))
    }

    /// A new exception instance of class `cls` with `args` (a tuple), without running Python.
    pub fn new_exception(&mut self, cls: ObjRef, args: Value) -> R<Value> {
        let e = self.new_instance(cls);
        self.set_attr_str(e, "args", args)?;
        Ok(e)
    }

    /// A new exception of built-in class `kind` with one message argument, ready to raise.
    pub fn new_error(&mut self, kind: &str, msg: &str) -> Unwind {
        let cls = self.exc_type(kind);
        let m = self.new_str(msg);
        let args = if msg.is_empty() && kind == "MemoryError" { self.new_tuple(&[]) } else { self.new_tuple(&[m]) };
        match self.new_exception(cls, args) {
            Ok(e) => Unwind::Exc(e),
            Err(e) => e,
        }
    }

    /// A `UnicodeEncodeError` or `UnicodeDecodeError` (`kind`) with its fields, made by calling
    /// the class as Python code would (its `__init__` and `__str__` are the prelude's).
    pub fn unicode_error(
        &mut self,
        kind: &str,
        encoding: &str,
        object: Value,
        start: usize,
        end: usize,
        reason: &str,
    ) -> Unwind {
        let cls = Value::obj(self.exc_type(kind));
        let (enc, why) = (self.new_str(encoding), self.new_str(reason));
        let args = [enc, object, Value::int(start as i64), Value::int(end as i64), why];
        match self.call_value(cls, &args, &[]) {
            Ok(e) => Unwind::Exc(e),
            Err(e) => e,
        }
    }

    /// Turns the operand of `raise` into an exception instance (classes are instantiated).
    pub fn make_raisable(&mut self, e: Value, cause: Option<Value>) -> R<Value> {
        let base = self.exc_type("BaseException");
        let e = if self.tid_of(e) == tid::CLASS && self.is_subclass(e.as_obj(), base) {
            self.call_value(e, &[], &[])?
        } else {
            e
        };
        if !self.isinstance(e, base) {
            return Err(self.new_error("TypeError", "exceptions must derive from BaseException"));
        }
        if let Some(c) = cause {
            let c = if self.tid_of(c) == tid::CLASS && self.is_subclass(c.as_obj(), base) {
                self.call_value(c, &[], &[])?
            } else {
                c
            };
            if c != Value::NONE && !self.isinstance(c, base) {
                return Err(self.new_error("TypeError", "exception causes must derive from BaseException"));
            }
            self.set_attr_str(e, "__cause__", c)?;
            self.set_attr_str(e, "__suppress_context__", Value::TRUE)?;
        }
        Ok(e)
    }

    /// `except ty:` matching.
    pub fn exception_matches(&mut self, e: Value, ty: Value) -> R<bool> {
        let base = self.exc_type("BaseException");
        let check = |vm: &mut Vm, t: Value| -> R<bool> {
            if vm.tid_of(t) != tid::CLASS || !vm.is_subclass(t.as_obj(), base) {
                return Err(
                    vm.new_error("TypeError", "catching classes that do not inherit from BaseException is not allowed")
                );
            }
            Ok(vm.isinstance(e, t.as_obj()))
        };
        if self.tid_of(ty) == tid::TUPLE {
            let mut any = false;
            for t in self.tuple_items(ty.as_obj()) {
                if check(self, t)? {
                    any = true;
                }
            }
            return Ok(any);
        }
        check(self, ty)
    }

    /// A freshly raised exception: its `__context__` becomes the exception being handled, and
    /// the raising frame gets a traceback entry.
    pub fn note_raise(&mut self, e: Value, frame: ObjRef, code: &Code, pc: usize) -> R<()> {
        if let Some(h) = self.handled_exception()
            && h != e
        {
            let ck = self.s("__context__");
            if self.getattr(e, ck)? == Value::NONE {
                // Break cycles in the context chain (CPython does the same).
                let mut c = h;
                let mut n = 0;
                while c != Value::NONE && n < 1000 {
                    let next = self.getattr(c, ck)?;
                    if next == e {
                        self.setattr(c, ck, Value::NONE)?;
                        break;
                    }
                    c = next;
                    n += 1;
                }
                self.setattr(e, ck, h)?;
            }
        }
        self.add_traceback(e, frame, code, pc)
    }

    pub fn add_traceback(&mut self, e: Value, frame: ObjRef, code: &Code, pc: usize) -> R<()> {
        let k = self.s("__traceback__");
        let old = self.getattr(e, k)?;
        let next = if old == Value::NONE { Value::NULL } else { old };
        let line = code.lines.get(pc).copied().unwrap_or(code.firstlineno);
        let co = self.ld(frame, F_CODE);
        let tb = self.new_fixed(
            tid::TRACEBACK,
            48,
            &[next, co, Value::int(line as i64), Value::int(pc as i64), Value::obj(frame)],
        );
        self.setattr(e, k, tb)
    }

    /// `with` statement entry: (bound `__exit__`, `__enter__`, self or NULL) for the call that
    /// follows.
    pub fn enter_context(&mut self, cm: Value, is_async: bool) -> R<(Value, Value, Value)> {
        let t = self.type_of(cm);
        let (enter_name, exit_name) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
        let enter = self.class_lookup(t, enter_name)?;
        let exit = self.class_lookup(t, exit_name)?;
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let tn = self.class_name(t);
            let missing = if enter.is_none() { String::new() } else { format!(" (missed {exit_name} method)") };
            let protocol = if is_async { "asynchronous context manager" } else { "context manager" };
            return Err(self
                .new_error("TypeError", &format!("'{tn}' object does not support the {protocol} protocol{missing}")));
        };
        let exit = self.bind(exit, cm, t)?;
        if matches!(self.tid_of(enter), tid::FUNCTION | tid::BUILTIN) {
            return Ok((exit, enter, cm));
        }
        let enter = self.bind(enter, cm, t)?;
        Ok((exit, enter, Value::NULL))
    }

    /// `str(exc)` for BaseException.
    pub fn exception_str(&mut self, e: Value) -> R<String> {
        if self.isinstance_name(e, "OSError") {
            let get = |vm: &mut Vm, n: &str| -> R<Value> {
                let k = vm.s(n);
                Ok(vm.getattr_opt(e, k)?.unwrap_or(Value::NONE))
            };
            let (errno, strerror) = (get(self, "errno")?, get(self, "strerror")?);
            if errno != Value::NONE && strerror != Value::NONE {
                let mut s = format!("[Errno {}] {}", self.str_string(errno)?, self.str_string(strerror)?);
                let (f1, f2) = (get(self, "filename")?, get(self, "filename2")?);
                if f1 != Value::NONE {
                    s += &format!(": {}", self.repr_string(f1)?);
                    if f2 != Value::NONE {
                        s += &format!(" -> {}", self.repr_string(f2)?);
                    }
                }
                return Ok(s);
            }
        }
        let args = self.getattr_str(e, "args")?;
        if self.tid_of(args) != tid::TUPLE {
            return self.str_string(args);
        }
        let items = self.tuple_items(args.as_obj());
        match items.len() {
            0 => Ok(String::new()),
            1 => {
                if self.isinstance_name(e, "KeyError") {
                    self.repr_string(items[0])
                } else {
                    self.str_string(items[0])
                }
            }
            _ => self.repr_string(args),
        }
    }
}
