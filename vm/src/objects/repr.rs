//! `repr()`, `str()` and `ascii()` of every value: native forms for the built-in types (with
//! CPython's recursion markers `[...]` and `{...}`), `__repr__`/`__str__` for everything else.
//! This file owns the textual forms; formatting with specs is `format.rs`.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::objects::float::float_repr;
use crate::objects::str::{repr_bytes, repr_str};
use crate::value::Value;

impl Vm {
    pub fn repr_value(&mut self, v: Value) -> R<Value> {
        if self.tid_of(v) == tid::INSTANCE {
            return self.call_special_str(v, "__repr__");
        }
        let s = self.repr_string(v)?;
        Ok(self.new_str(&s))
    }

    pub fn str_value(&mut self, v: Value) -> R<Value> {
        if self.tid_of(v) == tid::STR {
            return Ok(v);
        }
        if self.tid_of(v) == tid::INSTANCE {
            return self.call_special_str(v, "__str__");
        }
        if v.is_int() {
            return Ok(self.small_int_str(v.as_int()));
        }
        let s = self.str_string(v)?;
        Ok(self.new_str(&s))
    }

    /// `str(i)` of a small int, formatted on the stack (no Rust `String`).
    pub fn small_int_str(&mut self, i: i64) -> Value {
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut u = i.unsigned_abs();
        loop {
            at -= 1;
            buf[at] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                break;
            }
        }
        if i < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        // The bytes are ASCII digits and a sign.
        let s = std::str::from_utf8(&buf[at..]).expect("ASCII digits");
        self.new_str_n(s, s.len())
    }

    pub fn ascii_value(&mut self, v: Value) -> R<Value> {
        let r = self.repr_value(v)?;
        let s = crate::objects::str::ascii_escape(&self.str_of(r));
        Ok(self.new_str(&s))
    }

    fn call_special_str(&mut self, v: Value, name: &'static str) -> R<Value> {
        let m = self.lookup_type_attr(v, name)?.unwrap_or(Value::NULL);
        let r = self.call_value(m, &[v], &[])?;
        if self.tid_of(r) != tid::STR {
            let tn = self.type_name(r);
            return Err(self.new_error("TypeError", &format!("{name} returned non-string (type {tn})")));
        }
        Ok(r)
    }

    pub fn str_string(&mut self, v: Value) -> R<String> {
        match self.tid_of(v) {
            tid::STR => Ok(self.str_of(v)),
            tid::INSTANCE => {
                let r = self.call_special_str(v, "__str__")?;
                Ok(self.str_of(r))
            }
            _ => self.repr_string(v),
        }
    }

    pub fn repr_string(&mut self, v: Value) -> R<String> {
        if v.is_int() {
            return Ok(v.as_int().to_string());
        }
        match v {
            Value::NONE => return Ok("None".into()),
            Value::TRUE => return Ok("True".into()),
            Value::FALSE => return Ok("False".into()),
            Value::NOT_IMPLEMENTED => return Ok("NotImplemented".into()),
            Value::ELLIPSIS => return Ok("Ellipsis".into()),
            _ => {}
        }
        let o = v.as_obj();
        let k = self.tid(o);
        Ok(match k {
            tid::FLOAT => float_repr(self.float_of(o)),
            tid::BIGINT => {
                let b = self.to_big(v).unwrap();
                crate::objects::int::big_to_decimal(&b).map_err(|e| self.new_error("ValueError", &e))?
            }
            tid::STR => self.with_str(o, repr_str),
            tid::BYTES => repr_bytes(&self.bytes_of(o)),
            tid::TUPLE | tid::LIST | tid::DICT | tid::SET | tid::FROZENSET => {
                if self.repr_stack.contains(&v) {
                    return Ok(match k {
                        tid::LIST => "[...]",
                        tid::DICT => "{...}",
                        tid::TUPLE => "(...)",
                        _ => "{...}",
                    }
                    .into());
                }
                self.enter_recursion(" while getting the repr of an object")?;
                self.repr_stack.push(v);
                let r = self.repr_container(v, k);
                self.repr_stack.pop();
                self.call_depth -= 1;
                r?
            }
            tid::RANGE => {
                let (a, b, s) = self.range_parts(v);
                if s == 1 { format!("range({a}, {b})") } else { format!("range({a}, {b}, {s})") }
            }
            tid::SLICE => {
                let (a, b, c) = (self.ld(o, R_START), self.ld(o, R_STOP), self.ld(o, R_STEP));
                format!("slice({}, {}, {})", self.repr_string(a)?, self.repr_string(b)?, self.repr_string(c)?)
            }
            tid::FUNCTION => {
                let q = self.str_of(self.rd(o, FN_QUALNAME));
                let id = self.id_of(v)?;
                format!("<function {q} at {id:#x}>")
            }
            tid::BUILTIN => {
                let (n, _) = self.rt.builtin(self.ld(o, BI_ID).as_int() as u32);
                let s = self.ld(o, BI_SELF);
                let short = n.rsplit('.').next().unwrap_or(n);
                if s.is_null() || self.tid_of(s) == tid::MODULE {
                    format!("<built-in function {short}>")
                } else {
                    let tn = self.type_name(s);
                    let id = self.id_of(s)?;
                    format!("<built-in method {short} of {tn} object at {id:#x}>")
                }
            }
            tid::METHOD => {
                let f = self.ld(o, METH_FUNC);
                let s = self.ld(o, METH_SELF);
                let q = match self.tid_of(f) {
                    tid::FUNCTION => self.str_of(self.rd(f.as_obj(), FN_QUALNAME)),
                    _ => "?".into(),
                };
                let sr = self.repr_string(s)?;
                format!("<bound method {q} of {sr}>")
            }
            tid::CLASS if !self.ld(o, CLS_META).is_null() && self.meta_method(o, "__repr__")?.is_some() => {
                let r = self.call_special_str(v, "__repr__")?;
                self.str_of(r)
            }
            tid::CLASS => {
                let n = self.str_of(self.rd(o, CLS_QUALNAME));
                let m = self.rd(o, CLS_MODULE);
                if self.rd(o, CLS_FLAGS).as_int() & CLSF_BUILTIN != 0 || m.is_null() || !self.is_str(m) {
                    format!("<class '{n}'>")
                } else {
                    let m = self.str_of(m);
                    if m == "builtins" { format!("<class '{n}'>") } else { format!("<class '{m}.{n}'>") }
                }
            }
            tid::MODULE => {
                let n = self.str_of(self.ld(o, MOD_NAME));
                format!("<module '{n}'>")
            }
            tid::GENERATOR | tid::COROUTINE | tid::ASYNC_GENERATOR => {
                let q = self.str_of(self.rd(o, GEN_QUALNAME));
                let id = self.id_of(v)?;
                let kind = self.type_name(v);
                format!("<{kind} object {q} at {id:#x}>")
            }
            tid::FRAME => self.frame_repr(o)?,
            tid::CODE => {
                let c = crate::compile::code::get(self.ld(o, CODE_ID).as_int() as u32);
                let id = self.id_of(v)?;
                format!("<code object {} at {id:#x}, file \"{}\", line {}>", c.name, c.filename(), c.firstlineno)
            }
            tid::TRACEBACK => {
                let id = self.id_of(v)?;
                format!("<traceback object at {id:#x}>")
            }
            tid::CELL => {
                let id = self.id_of(v)?;
                format!("<cell at {id:#x}>")
            }
            tid::ITER => {
                let kind = self.ld(o, IT_KIND).as_int();
                if kind >= crate::objects::iter::VIEW_KEYS {
                    let d = self.ld(o, IT_A);
                    let items: Vec<Value> = match kind {
                        crate::objects::iter::VIEW_KEYS => self.dict_keys(d),
                        crate::objects::iter::VIEW_VALUES => self.dict_items(d).into_iter().map(|x| x.1).collect(),
                        _ => {
                            let it = self.dict_items(d);
                            it.into_iter().map(|(a, b)| self.new_tuple(&[a, b])).collect()
                        }
                    };
                    let l = self.new_list(&items);
                    let inner = self.repr_string(l)?;
                    format!("{}({inner})", crate::objects::iter::KIND_NAMES[kind as usize])
                } else {
                    let tn = self.type_name(v);
                    let id = self.id_of(v)?;
                    format!("<{tn} object at {id:#x}>")
                }
            }
            tid::INSTANCE => {
                let r = self.call_special_str(v, "__repr__")?;
                self.str_of(r)
            }
            _ => {
                let tn = self.type_name(v);
                let id = self.id_of(v)?;
                format!("<{tn} object at {id:#x}>")
            }
        })
    }

    fn repr_container(&mut self, v: Value, k: u32) -> R<String> {
        let mut out = String::new();
        match k {
            tid::TUPLE => {
                let items = self.tuple_items(v.as_obj());
                out.push('(');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_string(*x)?);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            tid::LIST => {
                out.push('[');
                let n = self.list_len(v);
                let mut i = 0;
                while i < self.list_len(v).min(n.max(self.list_len(v))) {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let x = self.list_get(v, i);
                    out.push_str(&self.repr_string(x)?);
                    i += 1;
                }
                out.push(']');
            }
            tid::DICT => {
                out.push('{');
                for (i, (a, b)) in self.dict_items(v).into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_string(a)?);
                    out.push_str(": ");
                    out.push_str(&self.repr_string(b)?);
                }
                out.push('}');
            }
            _ => {
                let items = self.set_items(v);
                let frozen = k == tid::FROZENSET;
                if items.is_empty() {
                    return Ok(if frozen { "frozenset()".into() } else { "set()".into() });
                }
                if frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_string(*x)?);
                }
                out.push('}');
                if frozen {
                    out.push(')');
                }
            }
        }
        Ok(out)
    }

    /// The default `object.__repr__`.
    pub fn default_repr(&mut self, v: Value) -> R<String> {
        let t = self.type_of(v);
        let q = self.str_of(self.rd(t, CLS_QUALNAME));
        let m = self.rd(t, CLS_MODULE);
        let id = self.id_of(v)?;
        if self.is_str(m) {
            let m = self.str_of(m);
            if m != "builtins" {
                return Ok(format!("<{m}.{q} object at {id:#x}>"));
            }
        }
        Ok(format!("<{q} object at {id:#x}>"))
    }
}
