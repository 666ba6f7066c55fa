//! Printing uncaught exceptions the way CPython 3.11 does: chained tracebacks ("direct cause"
//! and "during handling"), source lines with `^`/`~` markers under the failing expression, and
//! the final `Type: message` line; plus SyntaxError's file/line/caret form.

use super::{R, Unwind, Vm};
use crate::compile::code;
use crate::layout::*;
use crate::value::Value;

fn char_col(line: &str, byte: u32) -> usize {
    line.get(..(byte as usize).min(line.len())).map(|s| s.chars().count()).unwrap_or(0)
}

impl Vm {
    /// The full text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, e: Value) -> R<String> {
        if self.chain_has_group(e)? {
            return self.format_with_traceback_module(e);
        }
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(e, &mut out, &mut seen)?;
        Ok(out)
    }

    /// Whether an exception group is in the chain of causes and contexts of `e`.
    fn chain_has_group(&mut self, e: Value) -> R<bool> {
        let group = self.exc_type("BaseExceptionGroup");
        let mut seen = Vec::new();
        let mut todo = vec![e];
        while let Some(x) = todo.pop() {
            if x == Value::NONE || seen.contains(&x) {
                continue;
            }
            if self.isinstance(x, group) {
                return Ok(true);
            }
            seen.push(x);
            todo.push(self.getattr_str(x, "__cause__")?);
            todo.push(self.getattr_str(x, "__context__")?);
        }
        Ok(false)
    }

    /// The report of the shipped `traceback` module (`format_exception`), which draws the
    /// boxes of exception groups.
    fn format_with_traceback_module(&mut self, e: Value) -> R<String> {
        let f = self.module_attr("traceback", "format_exception")?;
        let lines = self.call_value(f, &[e], &[])?;
        let mut out = String::new();
        for l in self.list_items(lines) {
            out.push_str(&self.str_of(l));
        }
        Ok(out)
    }

    fn format_chain(&mut self, e: Value, out: &mut String, seen: &mut Vec<Value>) -> R<()> {
        seen.push(e);
        let cause = self.getattr_str(e, "__cause__")?;
        let context = self.getattr_str(e, "__context__")?;
        let suppress = self.getattr_str(e, "__suppress_context__")?;
        if cause != Value::NONE && !seen.contains(&cause) {
            self.format_chain(cause, out, seen)?;
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if context != Value::NONE && suppress != Value::TRUE && !seen.contains(&context) {
            self.format_chain(context, out, seen)?;
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        self.format_one(e, out)
    }

    fn format_one(&mut self, e: Value, out: &mut String) -> R<()> {
        let tb = self.getattr_str(e, "__traceback__")?;
        if tb != Value::NONE {
            out.push_str("Traceback (most recent call last):\n");
            let mut t = tb;
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0;
            while t.is_ref() && self.tid_of(t) == tid::TRACEBACK {
                let o = t.as_obj();
                let co = self.ld(o, TB_CODE).as_obj();
                let c = code::get(self.ld(co, CODE_ID).as_int() as u32);
                let line = self.ld(o, TB_LINE).as_int() as u32;
                let pc = self.ld(o, TB_PC).as_int() as usize;
                if written_in_python(c.filename()) {
                    // Built-ins written in Python do not show, as C functions do not in CPython.
                    t = self.rd(o, TB_NEXT);
                    continue;
                }
                let key = (c.filename().to_string(), line, c.name.clone());
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                } else {
                    if repeat > 3 {
                        out.push_str(&format!(
                            "  [Previous line repeated {} more time{}]\n",
                            repeat - 3,
                            if repeat - 3 == 1 { "" } else { "s" }
                        ));
                    }
                    repeat = 1;
                    last = Some(key);
                }
                if repeat <= 3 {
                    out.push_str(&format!("  File \"{}\", line {}, in {}\n", c.filename(), line, c.name));
                    // Like CPython, no source lines for "<string>", "<stdin>" and other
                    // pseudo-files.
                    if let Some(src) = c.source.line(line).filter(|_| !c.filename().starts_with('<')) {
                        let stripped = src.trim_start();
                        if !stripped.is_empty() {
                            out.push_str(&format!("    {}\n", stripped.trim_end()));
                            if let Some(p) = c.positions.get(pc) {
                                out.push_str(&markers(src, p));
                            }
                        }
                    }
                }
                t = self.rd(o, TB_NEXT);
            }
            if repeat > 3 {
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    repeat - 3,
                    if repeat - 3 == 1 { "" } else { "s" }
                ));
            }
        }
        let cls = self.type_of(e);
        let mut name = self.str_of(self.rd(cls, CLS_QUALNAME));
        let m = self.rd(cls, CLS_MODULE);
        if self.is_str(m) {
            let m = self.str_of(m);
            if m != "builtins" && m != "__main__" {
                name = format!("{m}.{name}");
            }
        }
        if self.isinstance_name(e, "SyntaxError") {
            self.format_syntax_error_value(e, out)?;
        }
        let mut msg = match self.str_value(e) {
            Ok(s) => self.str_of(s),
            Err(Unwind::Abort) => return Err(Unwind::Abort),
            Err(Unwind::Exc(_)) => "<exception str() failed>".into(),
        };
        if let Some(s) = self.suggestion(e, tb)? {
            msg.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if msg.is_empty() {
            out.push_str(&format!("{name}\n"));
        } else {
            out.push_str(&format!("{name}: {msg}\n"));
        }
        let nk = self.s_const("__notes__");
        if let Some(notes) = self.getattr_opt(e, nk)?
            && self.tid_of(notes) == tid::LIST
        {
            for n in self.list_items(notes) {
                let s = self.str_string(n)?;
                out.push_str(&format!("{s}\n"));
            }
        }
        Ok(())
    }

    /// CPython 3.11's "Did you mean" for a NameError (the names of the frame that raised it,
    /// then its globals, then the builtins) or an AttributeError with `name` and `obj` (`dir` of
    /// the object): the closest name by CPython's edit distance, if close enough.
    fn suggestion(&mut self, e: Value, tb: Value) -> R<Option<String>> {
        let is_name = self.isinstance_name(e, "NameError");
        if !is_name && !self.isinstance_name(e, "AttributeError") {
            return Ok(None);
        }
        let k = self.s_const("name");
        let Some(name) = self.getattr_opt(e, k)?.filter(|n| self.is_str(*n)) else { return Ok(None) };
        let name = self.str_of(name);
        let mut pools = Vec::new();
        if is_name {
            // (The innermost frame: where the name was looked up.)
            let mut t = tb;
            let mut frame = None;
            while t.is_ref() && self.tid_of(t) == tid::TRACEBACK {
                frame = Some(self.ld(t.as_obj(), TB_FRAME));
                t = self.rd(t.as_obj(), TB_NEXT);
            }
            let Some(f) = frame.filter(|f| f.is_ref() && self.tid_of(*f) == tid::FRAME) else { return Ok(None) };
            let f = f.as_obj();
            pools.push(self.frame_locals(f)?);
            pools.push(self.rd(f, F_GLOBALS));
            pools.push(Value::obj(self.rt.globals().builtins));
        } else {
            let k = self.s_const("obj");
            let Some(obj) = self.getattr_opt(e, k)? else { return Ok(None) };
            let dir = self.builtin_value("dir")?;
            pools.push(self.call_value(dir, &[obj], &[])?);
        }
        for pool in pools {
            let names: Vec<String> = if self.tid_of(pool) == tid::DICT {
                self.dict_keys(pool).into_iter().filter(|k| self.is_str(*k)).map(|k| self.str_of(k)).collect()
            } else {
                self.iter_collect(pool)?.into_iter().filter(|k| self.is_str(*k)).map(|k| self.str_of(k)).collect()
            };
            if let Some(s) = closest_name(&name, &names) {
                return Ok(Some(s));
            }
        }
        Ok(None)
    }

    fn s_const(&mut self, n: &str) -> Value {
        self.s(n)
    }

    /// The location block of a SyntaxError raised at run time (compile of an imported module).
    fn format_syntax_error_value(&mut self, e: Value, out: &mut String) -> R<()> {
        let k = self.s_const("filename");
        let f = self.getattr_opt(e, k)?;
        let k = self.s_const("lineno");
        let l = self.getattr_opt(e, k)?;
        let k = self.s_const("text");
        let t = self.getattr_opt(e, k)?;
        let k = self.s_const("offset");
        let o = self.getattr_opt(e, k)?;
        if let (Some(f), Some(l)) = (f, l)
            && self.is_str(f)
        {
            out.push_str(&format!("  File \"{}\", line {}\n", self.str_of(f), self.repr_string(l)?));
            if let Some(t) = t
                && self.is_str(t)
            {
                let text = self.str_of(t);
                let stripped = text.trim_start();
                let lead = text.chars().count() - stripped.chars().count();
                out.push_str(&format!("    {}\n", stripped.trim_end()));
                if let Some(o) = o.and_then(|o| self.small_int(o)) {
                    let col = (o as usize).saturating_sub(1).saturating_sub(lead);
                    out.push_str(&format!("    {}^\n", " ".repeat(col)));
                }
            }
        }
        Ok(())
    }

    /// Prints an uncaught exception to stderr (flushing stdout first).
    pub fn print_exception(&mut self, e: Value) {
        crate::builtins::modules::flush_all();
        match self.format_exception(e) {
            Ok(s) => eprint!("{s}"),
            Err(_) => eprintln!("(pystm could not format the exception)"),
        }
    }
}

/// The `^^^`/`~~^^` line under a source line for an instruction position, or "" when the
/// position covers the whole line (CPython 3.11's rule).
pub fn markers(src: &str, p: &code::Pos) -> String {
    if p.line == 0 || p.end_line < p.line {
        return String::new();
    }
    let stripped = src.trim_start();
    let lead = src.chars().count() - stripped.chars().count();
    let start = char_col(src, p.col);
    let end = if p.end_line == p.line { char_col(src, p.end_col) } else { src.trim_end().chars().count() };
    if end <= start {
        return String::new();
    }
    let len_stripped = stripped.trim_end().chars().count();
    let anchored = p.end_line == p.line && p.anchor_end > p.anchor_start;
    if end - start >= len_stripped && !anchored {
        return String::new();
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(start.saturating_sub(lead)));
    if anchored {
        let a0 = char_col(src, p.anchor_start).clamp(start, end);
        let a1 = char_col(src, p.anchor_end).clamp(a0, end);
        s.push_str(&"~".repeat(a0 - start));
        s.push_str(&"^".repeat(a1 - a0));
        s.push_str(&"~".repeat(end - a1));
    } else {
        s.push_str(&"^".repeat(end - start));
    }
    s.push('\n');
    s
}

/// Whether code of `filename` implements built-ins in Python: the prelude, and the shipped
/// modules of the lazily installed built-ins (`bytearray`, `complex`, `memoryview`).
fn written_in_python(filename: &str) -> bool {
    filename == crate::builtins::prelude::FILENAME
        || filename
            .strip_prefix("<frozen ")
            .and_then(|m| m.strip_suffix('>'))
            .is_some_and(|m| super::eval::LAZY_BUILTINS.iter().any(|(_, module)| *module == m))
}

/// The cost of inserting, deleting or changing a character in CPython's edit distance.
const MOVE_COST: usize = 2;

/// CPython's `calculate_suggestions` (Python/suggestions.c): the candidate at the smallest edit
/// distance within `(len(name) + len(candidate) + 3) * 2 / 6`, the first one on ties; none when
/// there are 750 candidates or more.
fn closest_name(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= 750 {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = edit_distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.clone())
}

/// CPython's `levenshtein_distance`: moves cost 2, a change of case 1; past `max` it stops
/// early and returns `max + 1`.
fn edit_distance(a: &[u8], b: &[u8], max: usize) -> usize {
    const CASE_COST: usize = 1;
    const MAX_STRING_SIZE: usize = 40;
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first())
        && x == y
    {
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last())
        && x == y
    {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    let cost = |x: u8, y: u8| {
        if x & 31 != y & 31 {
            MOVE_COST
        } else if x == y {
            0
        } else if x.eq_ignore_ascii_case(&y) {
            CASE_COST
        } else {
            MOVE_COST
        }
    };
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}
