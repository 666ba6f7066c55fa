//! Reads the trace log (format: `log/mod.rs`) back into structures, for `pystm jitlog` and
//! tests. Unknown `key: value` lines are skipped; anything else malformed is an error with its
//! line number. This file owns parsing only.

use super::MAGIC;
use std::collections::BTreeMap;

/// One exit of a logged trace.
#[derive(Clone, Debug, PartialEq)]
pub struct Exit {
    pub index: u32,
    pub op: u32,
    pub opcode: String,
    pub fail: Vec<String>,
    pub resume: String,
    pub failures: u64,
}

/// One instruction of a logged trace, with the op it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Insn {
    pub op: Option<u32>,
    pub offset: u32,
    pub bytes: String,
    pub text: String,
}

/// A debug merge point of a recorded trace: the bytecode the ops after it come from.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Location {
    /// Index of the merge point in the recorded trace.
    pub op: u32,
    pub code: u64,
    pub pc: u32,
    /// What the VM calls the place: `file.py:12 in f`.
    pub location: String,
    /// The bytecode, as the VM prints it (empty in logs that predate it).
    pub bytecode: String,
}

impl Location {
    /// The source line, read off `FILE:LINE in NAME`.
    pub fn line(&self) -> Option<u32> {
        let place = self.location.rsplit_once(" in ").map_or(self.location.as_str(), |(p, _)| p);
        place.rsplit_once(':')?.1.parse().ok()
    }
}

/// The logged source of one code object.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Source {
    pub code: u64,
    pub name: String,
    pub file: String,
    pub first: u32,
    pub lines: Vec<String>,
}

/// One logged trace.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Trace {
    pub id: u32,
    pub kind: String,
    pub parent: Option<(u32, u32)>,
    pub code_addr: u64,
    pub code_size: u64,
    pub compile_us: u64,
    pub trace_us: u64,
    pub optimize_us: u64,
    pub locations: Vec<Location>,
    pub recorded: Vec<String>,
    /// Empty when the trace was not optimized.
    pub optimized: Vec<String>,
    pub rewritten: Vec<String>,
    pub exits: Vec<Exit>,
    /// `op index -> the op's text`, for ops that produced code.
    pub asm_ops: BTreeMap<u32, String>,
    pub asm: Vec<Insn>,
    pub entries: u64,
}

/// A whole log.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Log {
    pub traces: Vec<Trace>,
    pub aborts: Vec<Abort>,
    /// Loop headers never to be traced again (`reason`: after how many aborts).
    pub blacklisted: Vec<Abort>,
    pub sources: Vec<Source>,
}

impl Log {
    /// Line `line` of code object `code`'s logged source.
    pub fn source_line(&self, code: u64, line: u32) -> Option<&str> {
        let s = self.sources.iter().find(|s| s.code == code)?;
        s.lines.get(line.checked_sub(s.first)? as usize).map(String::as_str)
    }

    /// The bridges attached to exit `exit` of trace `id`.
    pub fn bridges(&self, id: u32, exit: u32) -> impl Iterator<Item = &Trace> {
        self.traces.iter().filter(move |t| t.parent == Some((id, exit)))
    }
}

/// A recording that was given up: where (the loop header, or the exit a bridge started from)
/// and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Abort {
    pub code: u64,
    pub pc: u32,
    pub location: String,
    pub reason: String,
}

/// A malformed log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub line: usize,
    pub msg: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}
impl std::error::Error for ReadError {}

#[derive(PartialEq)]
enum Section {
    None,
    Locations,
    Recorded,
    Optimized,
    Rewritten,
    Exits,
    Asm,
}

fn num<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("expected a number, got {s:?}"))
}

fn hex(s: &str) -> Result<u64, String> {
    u64::from_str_radix(s.trim_start_matches("0x"), 16).map_err(|_| format!("expected a hex number, got {s:?}"))
}

/// Parses a log.
pub fn read(text: &str) -> Result<Log, ReadError> {
    let mut log = Log::default();
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, l)) if l.trim() == MAGIC => {}
        _ => {
            return Err(ReadError {
                line: 1,
                msg: format!("not a pystm trace log (the first line must be {MAGIC:?})"),
            });
        }
    }
    let mut cur: Option<Trace> = None;
    let mut section = Section::None;
    let mut in_counts = false;
    let mut source: Option<Source> = None;
    let mut current_op: Option<u32> = None;
    for (i, line) in lines {
        let err = |msg: String| ReadError { line: i + 1, msg };
        if let Some(src) = source.as_mut() {
            if line == "[end source]" {
                log.sources.push(source.take().expect("in a source"));
            } else if let Some(text) = line.strip_prefix("  ") {
                src.lines.push(text.to_string());
            } else if let Some(file) = line.strip_prefix("file: ") {
                src.file = file.to_string();
            } else if !line.trim().is_empty() {
                return Err(err(format!("bad source line {line:?}")));
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if in_counts {
            let w: Vec<&str> = line.split_whitespace().collect();
            match w.as_slice() {
                ["[end", "counts]"] => in_counts = false,
                ["trace", id, "entries", n] => {
                    let id: u32 = num(id).map_err(err)?;
                    let n = num(n).map_err(err)?;
                    if let Some(t) = log.traces.iter_mut().find(|t| t.id == id) {
                        t.entries = n;
                    }
                }
                ["exit", id, k, "failures", n] => {
                    let (id, k): (u32, u32) = (num(id).map_err(err)?, num(k).map_err(err)?);
                    let n = num(n).map_err(err)?;
                    if let Some(e) = log
                        .traces
                        .iter_mut()
                        .find(|t| t.id == id)
                        .and_then(|t| t.exits.iter_mut().find(|e| e.index == k))
                    {
                        e.failures = n;
                    }
                }
                _ => return Err(err(format!("bad counts line {line:?}"))),
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("[trace ") {
            let w: Vec<&str> = rest.trim_end_matches(']').split_whitespace().collect();
            let [id, kind] = w.as_slice() else { return Err(err(format!("bad trace header {line:?}"))) };
            cur = Some(Trace { id: num(id).map_err(err)?, kind: kind.to_string(), ..Trace::default() });
            section = Section::None;
            current_op = None;
            continue;
        }
        if line == "[counts]" {
            in_counts = true;
            continue;
        }
        let abort = line.strip_prefix("[abort] ").map(|r| (r, false));
        if let Some((rest, blacklist)) = abort.or(line.strip_prefix("[blacklist] ").map(|r| (r, true))) {
            // `[abort] CODE@PC LOCATION: REASON` (LOCATION may be empty).
            let (at, rest) = rest.split_once(' ').unwrap_or((rest, ""));
            let (code, pc) = at.split_once('@').ok_or_else(|| err(format!("bad abort line {line:?}")))?;
            let (location, reason) = rest.split_once(": ").unwrap_or(("", rest));
            let a = Abort {
                code: hex(code).map_err(err)?,
                pc: num(pc).map_err(err)?,
                location: location.to_string(),
                reason: reason.to_string(),
            };
            if blacklist {
                log.blacklisted.push(a)
            } else {
                log.aborts.push(a)
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("[source ") {
            let w: Vec<&str> = rest.trim_end_matches(']').split_whitespace().collect();
            let [code, first, name] = w.as_slice() else { return Err(err(format!("bad source header {line:?}"))) };
            source = Some(Source {
                code: hex(code).map_err(err)?,
                first: num(first).map_err(err)?,
                name: name.to_string(),
                ..Source::default()
            });
            continue;
        }
        let Some(t) = cur.as_mut() else { return Err(err(format!("outside a trace: {line:?}"))) };
        if let Some(rest) = line.strip_prefix("[end trace ") {
            if num::<u32>(rest.trim_end_matches(']')).map_err(err)? != t.id {
                return Err(err("the end line names another trace".into()));
            }
            log.traces.push(cur.take().expect("in a trace"));
            continue;
        }
        if let Some(body) = line.strip_prefix("  ") {
            match section {
                Section::Locations => {
                    let mut w = body.splitn(3, ' ');
                    let op = num(w.next().unwrap_or("")).map_err(err)?;
                    let at = w.next().unwrap_or("");
                    let (code, pc) = at.split_once('@').ok_or_else(|| err(format!("bad location {at:?}")))?;
                    let rest = w.next().unwrap_or("");
                    let (location, bytecode) = rest.split_once(" | ").unwrap_or((rest, ""));
                    t.locations.push(Location {
                        op,
                        code: hex(code).map_err(err)?,
                        pc: num(pc).map_err(err)?,
                        location: location.to_string(),
                        bytecode: bytecode.to_string(),
                    });
                }
                Section::Recorded => t.recorded.push(body.to_string()),
                Section::Optimized => t.optimized.push(body.to_string()),
                Section::Rewritten => t.rewritten.push(body.to_string()),
                Section::Exits => {
                    let (head, resume) = body.split_once(" [").ok_or_else(|| err(format!("bad exit {body:?}")))?;
                    let (head, fail) = head.split_once(" fail:").ok_or_else(|| err(format!("bad exit {body:?}")))?;
                    let w: Vec<&str> = head.split_whitespace().collect();
                    let [k, "op", op, opcode] = w.as_slice() else { return Err(err(format!("bad exit {body:?}"))) };
                    t.exits.push(Exit {
                        index: num(k).map_err(err)?,
                        op: num(op).map_err(err)?,
                        opcode: opcode.to_string(),
                        fail: fail.split_whitespace().map(str::to_string).collect(),
                        resume: resume.trim_end_matches(']').to_string(),
                        failures: 0,
                    });
                }
                Section::Asm => {
                    if let Some(insn) = body.strip_prefix("  ") {
                        let insn = insn.trim_start();
                        let (off, rest) =
                            insn.split_once(' ').ok_or_else(|| err(format!("bad instruction {insn:?}")))?;
                        let rest = rest.trim_start();
                        let (bytes, text) = rest.split_once(' ').unwrap_or((rest, ""));
                        t.asm.push(Insn {
                            op: current_op,
                            offset: hex(off.trim_start_matches('+')).map_err(err)? as u32,
                            bytes: bytes.to_string(),
                            text: text.trim().to_string(),
                        });
                    } else if let Some(op) = body.strip_prefix("op ") {
                        let (i, text) = op.split_once(' ').unwrap_or((op, ""));
                        current_op = if i == "-" { None } else { Some(num(i).map_err(err)?) };
                        if let Some(k) = current_op {
                            t.asm_ops.insert(k, text.to_string());
                        }
                    } else {
                        return Err(err(format!("bad asm line {body:?}")));
                    }
                }
                Section::None => return Err(err(format!("indented line outside a section: {line:?}"))),
            }
            continue;
        }
        let (key, value) = line.split_once(':').ok_or_else(|| err(format!("expected KEY: VALUE, got {line:?}")))?;
        let value = value.trim();
        section = Section::None;
        match key {
            "parent" => {
                let (p, e) = value.split_once(' ').ok_or_else(|| err(format!("bad parent {value:?}")))?;
                t.parent = Some((num(p).map_err(err)?, num(e).map_err(err)?));
            }
            "code" => {
                let (a, n) = value.split_once(' ').ok_or_else(|| err(format!("bad code line {value:?}")))?;
                t.code_addr = hex(a).map_err(err)?;
                t.code_size = num(n).map_err(err)?;
            }
            "compile-us" => t.compile_us = num(value).map_err(err)?,
            "trace-us" => t.trace_us = num(value).map_err(err)?,
            "optimize-us" => t.optimize_us = num(value).map_err(err)?,
            "locations" => section = Section::Locations,
            "recorded" => section = Section::Recorded,
            "optimized" => section = Section::Optimized,
            "rewritten" => section = Section::Rewritten,
            "exits" => section = Section::Exits,
            "asm" => section = Section::Asm,
            _ => {} // unknown keys: a newer writer
        }
    }
    if cur.is_some() || source.is_some() {
        let what = if cur.is_some() { "a trace" } else { "a source" };
        return Err(ReadError { line: text.lines().count(), msg: format!("the log ends inside {what}") });
    }
    Ok(log)
}
