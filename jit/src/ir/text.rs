//! The textual form of a trace, printed and parsed back (tests build traces with it, the trace
//! log prints it). One op per line:
//!
//! ```text
//! [i0, r1, f2]                                   the inputs
//! label(i0, r1, f2)
//! debug_merge_point(4096, 12)                    code id, bytecode offset
//! i3 = int_add_ovf(i0, 1)
//! guard_no_overflow() [resume: 0x1000@12 s0=i3 s1=r1 | 0x2000@4 s2=v0; v0=<point>(<x>=i3, <y>=2.5)]
//! i4 = getfield_i(r1, descr=<count>)
//! jump(i3, r1, f2)
//! ```
//!
//! Values are named by type (`i` int, `f` float, `r` ref) and number; the number is kept when
//! parsing. Constants: integers, floats (`1.5`, `-0.0`, `inf`, `nan`), references `ref(0x…)`.
//! Descriptors appear by name, resolved against a [`Descrs`] table. A snapshot lists its frames
//! outermost first (`code@pc` then the known slots), then its virtual objects. `#` starts a
//! comment. This file owns the syntax only.

use super::*;
use std::collections::HashMap;
use std::fmt::Write;

fn value_name(t: &Trace, v: Value) -> String {
    format!("{}{}", t.types[v.0 as usize].prefix(), v.0)
}

/// Formats one argument.
pub fn arg_text(t: &Trace, a: Arg) -> String {
    match a {
        Arg::Val(v) => value_name(t, v),
        Arg::Int(i) => i.to_string(),
        Arg::Float(f) => float_text(f),
        Arg::Ref(r) => format!("ref({r:#x})"),
    }
}

fn float_text(f: f64) -> String {
    if f.is_nan() { "nan".into() } else { format!("{f:?}") }
}

fn slot_text(t: &Trace, s: Slot) -> String {
    match s {
        Slot::Arg(a) => arg_text(t, a),
        Slot::Virtual(k) => format!("v{k}"),
    }
}

/// Formats a snapshot (without the brackets).
pub fn snapshot_text(t: &Trace, d: &Descrs, s: &Snapshot) -> String {
    let mut out = String::from("resume:");
    for (i, f) in s.frames.iter().enumerate() {
        if i > 0 {
            out.push_str(" |");
        }
        let _ = write!(out, " {:#x}@{}", f.code, f.pc);
        for (slot, v) in &f.slots {
            let _ = write!(out, " s{slot}={}", slot_text(t, *v));
        }
    }
    for (k, v) in s.virtuals.iter().enumerate() {
        let fields: Vec<String> =
            v.fields.iter().map(|(fd, s)| format!("<{}>={}", d.name(*fd), slot_text(t, *s))).collect();
        let _ = write!(out, "; v{k}=<{}>({})", d.name(v.size), fields.join(", "));
    }
    out
}

/// Formats one op.
pub fn op_text(t: &Trace, d: &Descrs, op: &Op) -> String {
    let mut out = String::new();
    if let Some(r) = op.result {
        let _ = write!(out, "{} = ", value_name(t, r));
    }
    let mut args: Vec<String> = op.args.iter().map(|a| arg_text(t, *a)).collect();
    if let Some(id) = op.descr {
        args.push(format!("descr=<{}>", d.name(id)));
    }
    let _ = write!(out, "{}({})", op.opcode.name(), args.join(", "));
    if let Some(s) = op.snapshot {
        let _ = write!(out, " [{}]", snapshot_text(t, d, &t.snapshots[s as usize]));
    }
    out
}

/// Prints a whole trace.
pub fn print(t: &Trace, d: &Descrs) -> String {
    let inputs: Vec<String> = t.inputs.iter().map(|v| value_name(t, *v)).collect();
    let mut out = format!("[{}]\n", inputs.join(", "));
    for op in &t.ops {
        out.push_str(&op_text(t, d, op));
        out.push('\n');
    }
    out
}

/// A parse error with its line (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub msg: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}
impl std::error::Error for ParseError {}

struct Parser<'a> {
    d: &'a Descrs,
    t: Trace,
    names: HashMap<String, Value>,
}

/// Splits `s` at top-level occurrences of `sep` (not inside parentheses).
fn split_top(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            c if c == sep && depth == 0 => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect()
}

fn parse_value_name(s: &str) -> Option<(Type, u32)> {
    let mut cs = s.chars();
    let t = match cs.next()? {
        'i' => Type::Int,
        'f' => Type::Float,
        'r' => Type::Ref,
        _ => return None,
    };
    let n: u32 = cs.as_str().parse().ok()?;
    Some((t, n))
}

fn parse_descr_name(s: &str) -> Option<&str> {
    s.strip_prefix('<')?.strip_suffix('>')
}

impl Parser<'_> {
    fn define(&mut self, name: &str) -> Result<Value, String> {
        let (ty, n) = parse_value_name(name).ok_or_else(|| format!("bad value name {name:?}"))?;
        if self.names.contains_key(name) || (n as usize) < self.t.types.len() && self.t.types[n as usize] != Type::Void
        {
            return Err(format!("{name} is defined twice"));
        }
        if self.t.types.len() <= n as usize {
            self.t.types.resize(n as usize + 1, Type::Void);
        }
        self.t.types[n as usize] = ty;
        self.names.insert(name.to_string(), Value(n));
        Ok(Value(n))
    }

    fn arg(&self, s: &str) -> Result<Arg, String> {
        if let Some(v) = self.names.get(s) {
            return Ok(Arg::Val(*v));
        }
        if parse_value_name(s).is_some() {
            return Err(format!("{s} is not defined"));
        }
        if let Some(hex) = s.strip_prefix("ref(").and_then(|r| r.strip_suffix(')')) {
            let h = hex.trim().trim_start_matches("0x");
            return u64::from_str_radix(h, 16).map(Arg::Ref).map_err(|_| format!("bad reference {s:?}"));
        }
        if let Ok(i) = s.parse::<i64>() {
            return Ok(Arg::Int(i));
        }
        match s {
            "nan" | "NaN" => return Ok(Arg::Float(f64::NAN)),
            "inf" => return Ok(Arg::Float(f64::INFINITY)),
            "-inf" => return Ok(Arg::Float(f64::NEG_INFINITY)),
            _ => {}
        }
        if (s.contains('.') || s.contains('e'))
            && let Ok(f) = s.parse::<f64>()
        {
            return Ok(Arg::Float(f));
        }
        Err(format!("bad argument {s:?}"))
    }

    fn descr(&self, s: &str) -> Result<DescrId, String> {
        let name = parse_descr_name(s).ok_or_else(|| format!("bad descriptor {s:?}"))?;
        self.d.lookup(name).ok_or_else(|| format!("unknown descriptor <{name}>"))
    }

    fn slot(&self, s: &str) -> Result<Slot, String> {
        if let Some(k) = s.strip_prefix('v').and_then(|k| k.parse::<u32>().ok()) {
            return Ok(Slot::Virtual(k));
        }
        self.arg(s).map(Slot::Arg)
    }

    fn snapshot(&self, s: &str) -> Result<Snapshot, String> {
        let body = s.strip_prefix("resume:").ok_or("a snapshot starts with 'resume:'")?;
        let mut parts = split_top(body, ';').into_iter();
        let mut snap = Snapshot::default();
        for frame in split_top(parts.next().unwrap_or(""), '|') {
            let mut words = frame.split_whitespace();
            let head = words.next().ok_or("empty frame")?;
            let (code, pc) = head.split_once('@').ok_or_else(|| format!("bad frame {head:?}"))?;
            let code =
                u64::from_str_radix(code.trim_start_matches("0x"), 16).map_err(|_| format!("bad code {code:?}"))?;
            let pc = pc.parse().map_err(|_| format!("bad pc {pc:?}"))?;
            let mut slots = Vec::new();
            for w in words {
                let (k, v) = w.split_once('=').ok_or_else(|| format!("bad slot {w:?}"))?;
                let k = k.strip_prefix('s').and_then(|k| k.parse().ok()).ok_or_else(|| format!("bad slot {w:?}"))?;
                slots.push((k, self.slot(v)?));
            }
            snap.frames.push(FrameSnap { code, pc, slots });
        }
        for (k, v) in parts.enumerate() {
            let (name, rest) = v.split_once('=').ok_or_else(|| format!("bad virtual {v:?}"))?;
            if name.trim() != format!("v{k}") {
                return Err(format!("virtuals must be numbered in order: expected v{k}"));
            }
            let open = rest.find('(').ok_or("virtual without fields")?;
            let size = self.descr(rest[..open].trim())?;
            let inner = rest[open + 1..].strip_suffix(')').ok_or("unclosed virtual")?;
            let mut fields = Vec::new();
            for f in split_top(inner, ',') {
                let (fd, fv) = f.split_once('=').ok_or_else(|| format!("bad field {f:?}"))?;
                fields.push((self.descr(fd.trim())?, self.slot(fv.trim())?));
            }
            snap.virtuals.push(VirtualSnap { size, fields });
        }
        Ok(snap)
    }

    fn line(&mut self, line: &str) -> Result<(), String> {
        if let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !self.t.ops.is_empty() || !self.t.inputs.is_empty() {
                return Err("the input list must come first, once".into());
            }
            for name in split_top(inner, ',') {
                let v = self.define(name)?;
                self.t.inputs.push(v);
            }
            return Ok(());
        }
        let (result, rest) = match line.split_once(" = ") {
            Some((r, rest)) => (Some(r.trim()), rest.trim()),
            None => (None, line),
        };
        let open = rest.find('(').ok_or("expected NAME(ARGS)")?;
        let name = &rest[..open];
        let opcode = Opcode::from_name(name).ok_or_else(|| format!("unknown op {name:?}"))?;
        let close = open + 1 + matching_paren(&rest[open + 1..]).ok_or("unclosed argument list")?;
        let mut args = Vec::new();
        let mut descr = None;
        for a in split_top(&rest[open + 1..close], ',') {
            match a.strip_prefix("descr=") {
                Some(d) => descr = Some(self.descr(d)?),
                None => args.push(self.arg(a)?),
            }
        }
        let tail = rest[close + 1..].trim();
        let snapshot = if tail.is_empty() {
            None
        } else {
            let s =
                tail.strip_prefix('[').and_then(|s| s.strip_suffix(']')).ok_or("expected [resume: …] after the op")?;
            Some(self.snapshot(s.trim())?)
        };
        let res = match (result, opcode.result()) {
            (Some(r), Type::Void) => return Err(format!("{name} has no result, but {r} is assigned")),
            (None, t) if t != Type::Void => return Err(format!("{name} has a result: write X = {name}(…)")),
            (Some(r), t) => {
                let v = self.define(r)?;
                if self.t.types[v.0 as usize] != t {
                    return Err(format!("{r} names a {:?}, but {name} gives a {t:?}", self.t.types[v.0 as usize]));
                }
                Some(v)
            }
            (None, _) => None,
        };
        let snap = snapshot.map(|s| {
            self.t.snapshots.push(s);
            self.t.snapshots.len() as u32 - 1
        });
        self.t.ops.push(Op { opcode, args, result: res, descr, snapshot: snap });
        Ok(())
    }
}

fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Parses a trace (see the module doc); the result is verified.
pub fn parse(text: &str, d: &Descrs) -> Result<Trace, ParseError> {
    let mut p = Parser { d, t: Trace::new(), names: HashMap::new() };
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        p.line(line).map_err(|msg| ParseError { line: i + 1, msg })?;
    }
    p.t.verify(d).map_err(|e| ParseError { line: 0, msg: e.0 })?;
    Ok(p.t)
}
