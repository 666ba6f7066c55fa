//! The native `_json` module: what CPython's C `_json` accelerates, for the shipped `json`
//! package (`vm/lib/json/`). `encode` writes a whole document (the one-shot `JSONEncoder.encode`
//! path, with or without indent) and `scan_once` parses one value; both produce exactly what the
//! pure-Python code produces. `scan_once` returns None where the document is not plain (any
//! syntax error, a lone surrogate escape, nesting past the recursion limit): the Python scanner
//! then redoes it and raises CPython's exact error. Python code runs only through the hooks
//! (`default`, `object_hook`, `parse_*`), in nested loops, where nothing is collected: the
//! values held here stay put.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::value::Value;
use num_bigint::BigInt;
use std::fmt::Write;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

pub fn install(vm: &mut Vm, modules: Value) {
    let d = vm.native_module(modules, "_json");
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("_json.encode_basestring_ascii", encode_basestring_ascii),
        ("_json.encode_basestring", encode_basestring),
        ("_json.encode", encode),
        ("_json.scan_once", scan_once),
    ];
    vm.def_builtins(d, fns);
}

fn push_hex4(out: &mut String, n: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((n >> shift) & 0xf) as usize] as char);
    }
}

/// Appends the JSON string literal of `s` (quotes included), escaping as CPython's encoders.
fn push_quoted(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let plain = if ascii { (' '..='~').contains(&c) } else { c >= ' ' } && c != '"' && c != '\\';
        if plain {
            continue;
        }
        out.push_str(&s[start..i]);
        start = i + c.len_utf8();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x10000 => push_hex4(out, c as u32),
            c => {
                let n = c as u32 - 0x10000;
                push_hex4(out, 0xd800 | (n >> 10));
                push_hex4(out, 0xdc00 | (n & 0x3ff));
            }
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn str_arg(vm: &mut Vm, v: Value) -> R<Value> {
    let v = vm.native_of(v).unwrap_or(v);
    if !vm.is_str(v) {
        let tn = vm.type_name(v);
        return Err(vm.new_error("TypeError", &format!("first argument must be a string, not {tn}")));
    }
    Ok(v)
}

fn encode_basestring_ascii(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("encode_basestring_ascii", a, 1, 1)?;
    let s = str_arg(vm, a[0])?;
    let mut out = String::new();
    vm.with_str(s.as_obj(), |s| push_quoted(&mut out, s, true));
    Ok(vm.new_str(&out))
}

fn encode_basestring(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("encode_basestring", a, 1, 1)?;
    let s = str_arg(vm, a[0])?;
    let mut out = String::new();
    vm.with_str(s.as_obj(), |s| push_quoted(&mut out, s, false));
    Ok(vm.new_str(&out))
}

struct Encoder {
    default: Value,
    ascii: bool,
    circular: bool,
    allow_nan: bool,
    sort_keys: bool,
    skipkeys: bool,
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    short_nan: bool,
    /// Containers being written (and objects handed to `default`), for "Circular reference".
    markers: Vec<Value>,
    out: String,
}

/// `_json.encode(obj, default, ensure_ascii, check_circular, allow_nan, sort_keys, skipkeys,
/// indent, key_separator, item_separator, short_nan_message)`: the whole document.
fn encode(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("encode", a, 11, 11)?;
    let text = |vm: &mut Vm, v: Value| -> R<String> {
        let s = str_arg(vm, v)?;
        Ok(vm.str_of(s))
    };
    let indent = if a[7] == Value::NONE { None } else { Some(text(vm, a[7])?) };
    let key_sep = text(vm, a[8])?;
    let item_sep = text(vm, a[9])?;
    let truth = |vm: &mut Vm, v: Value| vm.truthy(v);
    let mut e = Encoder {
        default: a[1],
        ascii: truth(vm, a[2])?,
        circular: truth(vm, a[3])?,
        allow_nan: truth(vm, a[4])?,
        sort_keys: truth(vm, a[5])?,
        skipkeys: truth(vm, a[6])?,
        indent,
        key_sep,
        item_sep,
        short_nan: truth(vm, a[10])?,
        markers: Vec::new(),
        out: String::new(),
    };
    e.value(vm, a[0], 0)?;
    Ok(vm.new_str(&e.out))
}

impl Encoder {
    fn enter(&mut self, vm: &mut Vm, o: Value) -> R<()> {
        if self.markers.len() >= vm.recursion_limit as usize {
            return Err(vm.new_error("RecursionError", "maximum recursion depth exceeded while encoding a JSON object"));
        }
        if self.circular && self.markers.contains(&o) {
            return Err(vm.new_error("ValueError", "Circular reference detected"));
        }
        self.markers.push(o);
        Ok(())
    }

    fn float(&mut self, vm: &mut Vm, f: f64) -> R<()> {
        let text = if f.is_nan() {
            "NaN"
        } else if f == f64::INFINITY {
            "Infinity"
        } else if f == f64::NEG_INFINITY {
            "-Infinity"
        } else {
            self.out.push_str(&crate::objects::float::float_repr(f));
            return Ok(());
        };
        if !self.allow_nan {
            let mut msg = String::from("Out of range float values are not JSON compliant");
            if !self.short_nan {
                msg.push_str(": ");
                msg.push_str(&crate::objects::float::float_repr(f));
            }
            return Err(vm.new_error("ValueError", &msg));
        }
        self.out.push_str(text);
        Ok(())
    }

    /// The text of a scalar (str, None, bool, int, float, or a subclass of str/int/float),
    /// appended; false if `v` is not one.
    fn scalar(&mut self, vm: &mut Vm, v: Value) -> R<bool> {
        if v == Value::NONE {
            self.out.push_str("null");
        } else if v == Value::TRUE {
            self.out.push_str("true");
        } else if v == Value::FALSE {
            self.out.push_str("false");
        } else if v.is_int() {
            let _ = write!(self.out, "{}", v.as_int());
        } else {
            let n = vm.native_of(v).unwrap_or(v);
            match vm.tid_of(n) {
                tid::STR => {
                    let ascii = self.ascii;
                    vm.with_str(n.as_obj(), |s| push_quoted(&mut self.out, s, ascii));
                }
                tid::FLOAT => {
                    let f = vm.float_of(n.as_obj());
                    self.float(vm, f)?;
                }
                tid::BIGINT => {
                    let b = vm.to_big(n).expect("an int");
                    self.out.push_str(&b.to_string());
                }
                _ if n.is_int() => {
                    let _ = write!(self.out, "{}", n.as_int());
                }
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn value(&mut self, vm: &mut Vm, v: Value, level: usize) -> R<()> {
        if self.scalar(vm, v)? {
            return Ok(());
        }
        let n = vm.native_of(v).unwrap_or(v);
        match vm.tid_of(n) {
            tid::LIST | tid::TUPLE => {
                let items = if vm.tid_of(n) == tid::LIST { vm.list_items(n) } else { vm.tuple_items(n.as_obj()) };
                if items.is_empty() {
                    self.out.push_str("[]");
                    return Ok(());
                }
                self.enter(vm, v)?;
                self.out.push('[');
                self.newline(level + 1);
                for (i, x) in items.into_iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(&self.item_sep);
                        self.newline(level + 1);
                    }
                    self.value(vm, x, level + 1)?;
                }
                self.newline(level);
                self.out.push(']');
                self.markers.pop();
            }
            tid::DICT => {
                let mut items = vm.dict_items(n);
                if items.is_empty() {
                    self.out.push_str("{}");
                    return Ok(());
                }
                self.enter(vm, v)?;
                if self.sort_keys {
                    let pairs: Vec<Value> = items.iter().map(|&(k, x)| vm.new_tuple(&[k, x])).collect();
                    let l = vm.new_list(&pairs);
                    let b = Value::obj(vm.rt.globals().builtins);
                    let k = vm.new_str("sorted");
                    let sorted = vm.dict_get(b, k)?.expect("the sorted built-in");
                    let l = vm.call_value(sorted, &[l], &[])?;
                    items = vm
                        .list_items(l)
                        .into_iter()
                        .map(|t| (vm.tuple_get(t.as_obj(), 0), vm.tuple_get(t.as_obj(), 1)))
                        .collect();
                }
                self.out.push('{');
                let mut first = true;
                for (k, x) in items {
                    let mark = self.out.len();
                    if !first {
                        self.out.push_str(&self.item_sep);
                    }
                    self.newline(level + 1);
                    if !self.key(vm, k)? {
                        self.out.truncate(mark);
                        continue;
                    }
                    first = false;
                    self.out.push_str(&self.key_sep);
                    self.value(vm, x, level + 1)?;
                }
                if first {
                    // Every key was skipped (skipkeys): CPython writes the braces around nothing.
                    self.newline(level + 1);
                }
                self.newline(level);
                self.out.push('}');
                self.markers.pop();
            }
            _ => {
                self.enter(vm, v)?;
                let r = vm.call_value(self.default, &[v], &[])?;
                self.value(vm, r, level)?;
                self.markers.pop();
            }
        }
        Ok(())
    }

    /// A dict key as JSON text; false if it is skipped (`skipkeys`).
    fn key(&mut self, vm: &mut Vm, k: Value) -> R<bool> {
        let n = vm.native_of(k).unwrap_or(k);
        if vm.tid_of(n) == tid::STR {
            let ascii = self.ascii;
            vm.with_str(n.as_obj(), |s| push_quoted(&mut self.out, s, ascii));
            return Ok(true);
        }
        let is_scalar = k == Value::NONE || k.is_bool() || vm.is_int_like(n) || vm.tid_of(n) == tid::FLOAT;
        if !is_scalar {
            if self.skipkeys {
                return Ok(false);
            }
            let tn = vm.type_name(k);
            return Err(vm.new_error("TypeError", &format!("keys must be str, int, float, bool or None, not {tn}")));
        }
        let mark = self.out.len();
        self.scalar(vm, k)?;
        let text = self.out.split_off(mark);
        push_quoted(&mut self.out, &text, false);
        Ok(true)
    }
}

/// The parse of one value. `Bail` means "leave it to the Python scanner" (which raises the
/// precise error, or handles what this one does not).
enum Scan {
    Bail,
    Err(crate::interp::Unwind),
}

impl From<crate::interp::Unwind> for Scan {
    fn from(u: crate::interp::Unwind) -> Scan {
        Scan::Err(u)
    }
}

struct Scanner<'s> {
    s: &'s [u8],
    strict: bool,
    object_hook: Value,
    pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    depth: usize,
}

type S<T> = Result<T, Scan>;

impl Scanner<'_> {
    fn ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && matches!(self.s[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    fn value(&mut self, vm: &mut Vm, i: usize) -> S<(Value, usize)> {
        let Some(&c) = self.s.get(i) else { return Err(Scan::Bail) };
        match c {
            b'"' => {
                let (text, end) = self.string(i + 1)?;
                Ok((vm.new_str(&text), end))
            }
            b'{' => self.object(vm, i + 1),
            b'[' => self.array(vm, i + 1),
            b'n' if self.s[i..].starts_with(b"null") => Ok((Value::NONE, i + 4)),
            b't' if self.s[i..].starts_with(b"true") => Ok((Value::TRUE, i + 4)),
            b'f' if self.s[i..].starts_with(b"false") => Ok((Value::FALSE, i + 5)),
            b'N' if self.s[i..].starts_with(b"NaN") => self.constant(vm, "NaN", i + 3),
            b'I' if self.s[i..].starts_with(b"Infinity") => self.constant(vm, "Infinity", i + 8),
            b'-' if self.s[i..].starts_with(b"-Infinity") => self.constant(vm, "-Infinity", i + 9),
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(Scan::Bail),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, end: usize) -> S<(Value, usize)> {
        let n = vm.new_str(name);
        Ok((vm.call_value(self.parse_constant, &[n], &[])?, end))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> S<(Value, usize)> {
        let s = self.s;
        let digits = |mut i: usize| {
            while i < s.len() && s[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = start;
        if s[i] == b'-' {
            i += 1;
        }
        // CPython's pattern: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
        match s.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Err(Scan::Bail),
        }
        let mut is_float = false;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i = digits(i + 1);
            is_float = true;
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if s.get(j).is_some_and(|c| c.is_ascii_digit()) {
                i = digits(j);
                is_float = true;
            }
        }
        let text = std::str::from_utf8(&s[start..i]).expect("ASCII digits");
        let float_type = Value::obj(vm.types().float);
        let int_type = Value::obj(vm.types().int);
        let v = if is_float {
            if self.parse_float == float_type {
                vm.new_float(text.parse::<f64>().map_err(|_| Scan::Bail)?)
            } else {
                let t = vm.new_str(text);
                vm.call_value(self.parse_float, &[t], &[])?
            }
        } else if self.parse_int == int_type {
            match text.parse::<i64>() {
                Ok(n) => vm.new_int(n),
                Err(_) => {
                    let limit = crate::objects::int::MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed);
                    if limit != 0 && text.len() > limit {
                        return Err(Scan::Bail);
                    }
                    let b: BigInt = text.parse().map_err(|_| Scan::Bail)?;
                    crate::objects::int::big_to_value(vm, &b)
                }
            }
        } else {
            let t = vm.new_str(text);
            vm.call_value(self.parse_int, &[t], &[])?
        };
        Ok((v, i))
    }

    /// A string's contents from just after its opening quote: (text, index after the closing
    /// quote).
    fn string(&self, mut i: usize) -> S<(String, usize)> {
        let s = self.s;
        let mut out = String::new();
        let mut start = i;
        loop {
            let Some(&c) = s.get(i) else { return Err(Scan::Bail) };
            match c {
                b'"' => {
                    out.push_str(std::str::from_utf8(&s[start..i]).map_err(|_| Scan::Bail)?);
                    return Ok((out, i + 1));
                }
                b'\\' => {
                    out.push_str(std::str::from_utf8(&s[start..i]).map_err(|_| Scan::Bail)?);
                    let Some(&e) = s.get(i + 1) else { return Err(Scan::Bail) };
                    i += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = hex4(s, i)?;
                            i += 4;
                            let cp = if (0xd800..0xdc00).contains(&hi)
                                && s.get(i) == Some(&b'\\')
                                && s.get(i + 1) == Some(&b'u')
                            {
                                let lo = hex4(s, i + 2)?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return Err(Scan::Bail);
                                }
                                i += 6;
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            // A lone surrogate: pystm's str cannot hold it; the Python scanner
                            // decides.
                            out.push(char::from_u32(cp).ok_or(Scan::Bail)?);
                        }
                        _ => return Err(Scan::Bail),
                    }
                    start = i;
                }
                c if c < 0x20 && self.strict => return Err(Scan::Bail),
                _ => i += 1,
            }
        }
    }

    fn deeper(&mut self, vm: &Vm) -> S<()> {
        self.depth += 1;
        if self.depth > vm.recursion_limit as usize {
            return Err(Scan::Bail);
        }
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, i: usize) -> S<(Value, usize)> {
        self.deeper(vm)?;
        let mut items = Vec::new();
        let mut i = self.ws(i);
        if self.s.get(i) == Some(&b']') {
            self.depth -= 1;
            return Ok((vm.new_list(&[]), i + 1));
        }
        loop {
            let (v, j) = self.value(vm, i)?;
            items.push(v);
            i = self.ws(j);
            match self.s.get(i) {
                Some(b',') => i = self.ws(i + 1),
                Some(b']') => break,
                _ => return Err(Scan::Bail),
            }
        }
        self.depth -= 1;
        Ok((vm.new_list(&items), i + 1))
    }

    fn object(&mut self, vm: &mut Vm, i: usize) -> S<(Value, usize)> {
        self.deeper(vm)?;
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.ws(i);
        if self.s.get(i) != Some(&b'}') {
            loop {
                if self.s.get(i) != Some(&b'"') {
                    return Err(Scan::Bail);
                }
                let (k, j) = self.string(i + 1)?;
                let k = vm.new_str(&k);
                i = self.ws(j);
                if self.s.get(i) != Some(&b':') {
                    return Err(Scan::Bail);
                }
                let (v, j) = self.value(vm, self.ws(i + 1))?;
                pairs.push((k, v));
                i = self.ws(j);
                match self.s.get(i) {
                    Some(b',') => i = self.ws(i + 1),
                    Some(b'}') => break,
                    _ => return Err(Scan::Bail),
                }
            }
        }
        self.depth -= 1;
        let v = if self.pairs_hook != Value::NONE {
            let ts: Vec<Value> = pairs.iter().map(|&(k, v)| vm.new_tuple(&[k, v])).collect();
            let l = vm.new_list(&ts);
            vm.call_value(self.pairs_hook, &[l], &[])?
        } else {
            let d = vm.new_dict();
            for (k, v) in pairs {
                vm.dict_set(d, k, v)?;
            }
            if self.object_hook != Value::NONE { vm.call_value(self.object_hook, &[d], &[])? } else { d }
        };
        Ok((v, i + 1))
    }
}

fn hex4(s: &[u8], i: usize) -> S<u32> {
    let h = s.get(i..i + 4).ok_or(Scan::Bail)?;
    let t = std::str::from_utf8(h).map_err(|_| Scan::Bail)?;
    if !t.bytes().all(|c| c.is_ascii_hexdigit()) {
        return Err(Scan::Bail);
    }
    u32::from_str_radix(t, 16).map_err(|_| Scan::Bail)
}

/// `_json.scan_once(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant)`: (value, end index) of the value at character index `idx`, or None to leave
/// it to the Python scanner.
fn scan_once(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("scan_once", a, 8, 8)?;
    let s = str_arg(vm, a[0])?;
    let Some(idx) = vm.small_int(a[1]).filter(|&i| i >= 0) else { return Ok(Value::NONE) };
    let strict = vm.truthy(a[2])?;
    let text = vm.str_of(s);
    let ascii = text.is_ascii();
    let start = if ascii { idx as usize } else { text.char_indices().nth(idx as usize).map_or(text.len(), |(b, _)| b) };
    if start >= text.len() {
        return Ok(Value::NONE);
    }
    let mut sc = Scanner {
        s: text.as_bytes(),
        strict,
        object_hook: a[3],
        pairs_hook: a[4],
        parse_float: a[5],
        parse_int: a[6],
        parse_constant: a[7],
        depth: 0,
    };
    match sc.value(vm, start) {
        Ok((v, end)) => {
            let end = if ascii { end } else { idx as usize + text[start..end].chars().count() };
            Ok(vm.new_tuple(&[v, Value::int(end as i64)]))
        }
        Err(Scan::Bail) => Ok(Value::NONE),
        Err(Scan::Err(u)) => Err(u),
    }
}
