//! Frames, tracebacks and code objects as Python sees them: the read-only attributes CPython
//! gives them (`f_code`, `f_lineno`, `f_locals`, `f_back`, `tb_frame`, `tb_lasti`,
//! `co_firstlineno`...), their reprs, and `sys._getframe`. The interpreter owns frames (their
//! layout is in `layout.rs`, their running state in `interp/eval.rs`); this file only reads them
//! and must never write a frame.
//!
//! Instruction offsets: pystm's pc counts instructions; `f_lasti`/`tb_lasti` are twice the pc, as
//! CPython's byte offsets of two-byte code units (what `code.co_positions()` and the `traceback`
//! module expect).

use crate::compile::code;
use crate::interp::{R, Vm};
use crate::layout::*;
use crate::value::Value;
use stm::ObjRef;

impl Vm {
    /// The instruction a frame is at: for the running frame, the call or operation it is doing
    /// (the thread's location marker names it when the marker is for this frame's code); for a
    /// frame that called out, the call.
    fn frame_pc(&mut self, f: ObjRef) -> usize {
        let c = self.frame_code(f);
        if f == self.frame {
            let m = self.m.th().marker();
            if m >> 32 == c.id as u64 + 1 {
                return (m & 0xffff_ffff) as usize;
            }
        }
        let pc = self.rd(f, F_PC).as_int() as usize;
        // A frame that called out has its pc on the call; one that finished or suspended is past
        // its last instruction.
        pc.min(c.ops.len().saturating_sub(1))
    }

    fn frame_line(&mut self, f: ObjRef) -> u32 {
        let pc = self.frame_pc(f);
        let c = self.frame_code(f);
        c.lines.get(pc).copied().unwrap_or(c.firstlineno)
    }

    /// A frame's locals as a dict: its namespace for module and class bodies, a snapshot of its
    /// variables (cells read through) for function frames.
    pub fn frame_locals(&mut self, f: ObjRef) -> R<Value> {
        let l = self.rd(f, F_LOCALS);
        if !l.is_null() {
            return Ok(l);
        }
        let c = self.frame_code(f);
        let d = self.new_dict();
        for (i, n) in c.varnames.iter().enumerate() {
            let v = self.slot(f, i);
            if !v.is_null() {
                let k = self.new_str(n);
                self.dict_set(d, k, v)?;
            }
        }
        let nl = c.varnames.len();
        for (i, n) in c.cellvars.iter().chain(c.freevars.iter()).enumerate() {
            let cell = self.slot(f, nl + i);
            if cell.is_ref() {
                let v = self.rd(cell.as_obj(), CELL_VAL);
                if !v.is_null() {
                    let k = self.new_str(n);
                    self.dict_set(d, k, v)?;
                }
            }
        }
        Ok(d)
    }

    /// `f_back`: the calling frame, or None.
    fn frame_back(&self, f: ObjRef) -> Value {
        let b = self.rd(f, F_BACK);
        if b.is_ref() && self.tid_of(b) == tid::FRAME { b } else { Value::NONE }
    }

    /// `frame.<name>`, or None when a frame has no such attribute.
    pub fn frame_attr(&mut self, f: ObjRef, name: &str) -> R<Option<Value>> {
        Ok(Some(match name {
            "f_code" => self.ld(f, F_CODE),
            "f_globals" => self.rd(f, F_GLOBALS),
            "f_builtins" => Value::obj(self.rt.globals().builtins),
            "f_locals" => self.frame_locals(f)?,
            "f_back" => self.frame_back(f),
            "f_lineno" => Value::int(self.frame_line(f) as i64),
            "f_lasti" => Value::int(2 * self.frame_pc(f) as i64),
            "f_trace" => Value::NONE,
            "f_trace_lines" => Value::TRUE,
            "f_trace_opcodes" => Value::FALSE,
            _ => return Ok(None),
        }))
    }

    /// `traceback.<name>`, or None.
    pub fn traceback_attr(&mut self, tb: ObjRef, name: &str) -> Option<Value> {
        Some(match name {
            "tb_next" => {
                let n = self.rd(tb, TB_NEXT);
                if n.is_null() { Value::NONE } else { n }
            }
            "tb_lineno" => self.ld(tb, TB_LINE),
            "tb_lasti" => Value::int(2 * self.ld(tb, TB_PC).as_int()),
            "tb_frame" => self.ld(tb, TB_FRAME),
            _ => return None,
        })
    }

    /// `code.<name>` for the attributes not kept in the code object's fields, or None.
    pub fn code_attr(&mut self, co: ObjRef, name: &str) -> Option<Value> {
        let c = code::get(self.ld(co, CODE_ID).as_int() as u32);
        let strs = |vm: &mut Vm, names: &[String]| {
            let items: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
            vm.new_tuple(&items)
        };
        Some(match name {
            "co_filename" => self.new_str(c.filename()),
            "co_firstlineno" => Value::int(c.firstlineno as i64),
            "co_argcount" => Value::int(c.argcount as i64),
            "co_posonlyargcount" => Value::int(c.posonlyargcount as i64),
            "co_kwonlyargcount" => Value::int(c.kwonlyargcount as i64),
            "co_nlocals" => Value::int(c.nlocals() as i64),
            "co_stacksize" => Value::int(c.stacksize as i64),
            "co_varnames" => strs(self, &c.varnames),
            "co_cellvars" => strs(self, &c.cellvars),
            "co_freevars" => strs(self, &c.freevars),
            "co_names" => strs(self, &c.names),
            _ => return None,
        })
    }

    /// `code.co_positions()`'s items: (line, end line, column, end column) of each instruction,
    /// columns in UTF-8 bytes as CPython's (None where unknown).
    pub fn code_positions(&mut self, co: ObjRef) -> Vec<Value> {
        let n = code::get(self.ld(co, CODE_ID).as_int() as u32).ops.len();
        (0..n).map(|pc| self.code_position(co, pc)).collect()
    }

    /// The `co_positions()` item of instruction `pc`.
    pub fn code_position(&mut self, co: ObjRef, pc: usize) -> Value {
        let c = code::get(self.ld(co, CODE_ID).as_int() as u32);
        match c.positions.get(pc) {
            Some(p) if p.line != 0 => {
                let f = [p.line as i64, p.end_line as i64, p.col as i64, p.end_col as i64].map(Value::int);
                self.new_tuple(&f)
            }
            _ => {
                let l = c.lines.get(pc).map(|&l| Value::int(l as i64)).unwrap_or(Value::NONE);
                self.new_tuple(&[l, l, Value::NONE, Value::NONE])
            }
        }
    }

    /// `repr(frame)`, as CPython's.
    pub fn frame_repr(&mut self, f: ObjRef) -> R<String> {
        let c = self.frame_code(f);
        let id = self.id_of(Value::obj(f))?;
        let line = self.frame_line(f);
        Ok(format!("<frame at {id:#x}, file '{}', line {line}, code {}>", c.filename(), c.name))
    }

    /// `sys._getframe(depth)`: the frame `depth` calls up from the caller's.
    pub fn getframe(&mut self, depth: i64) -> R<Value> {
        let mut f = Value::obj(self.frame);
        for _ in 0..depth.max(0) {
            f = self.frame_back(f.as_obj());
            if f == Value::NONE {
                break;
            }
        }
        if f == Value::NONE || self.frame.is_null() {
            return Err(self.new_error("ValueError", "call stack is not deep enough"));
        }
        Ok(f)
    }
}

/// The caret line under a traceback entry's source line (`    ~~~^^^` with the indentation of
/// the printed line), or "" when CPython prints none: `traceback` formats with it so that its
/// output matches the interpreter's own.
pub fn caret_line(vm: &mut Vm, co: ObjRef, lasti: i64) -> String {
    let c = code::get(vm.ld(co, CODE_ID).as_int() as u32);
    let pc = (lasti.max(0) / 2) as usize;
    let (Some(p), Some(&line)) = (c.positions.get(pc), c.lines.get(pc)) else { return String::new() };
    match c.source.line(line) {
        Some(src) if !c.filename().starts_with('<') => crate::interp::traceback::markers(src, p),
        _ => String::new(),
    }
}
