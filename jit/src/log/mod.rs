//! The trace log: a text format for people and for [`reader`], written by [`TraceLog`].
//!
//! ```text
//! pystm-jitlog 1
//! [trace 3 loop]                      kind: loop | bridge | straight
//! parent: 1 4                         bridges only: parent trace id and exit index
//! code: 0x7f0012340000 312            address and size in bytes
//! compile-us: 412                     time to compile (rewrite + Cranelift + copy)
//! trace-us: 950                       time recording it (the interpreter ran meanwhile)
//! optimize-us: 120                    time in the optimizer
//! locations:                          one line per debug_merge_point of the recorded trace:
//!   5 0x10@4 file.py:12 in f | LoadFast(1) (i)
//!                                     op index, code id@pc, the location the VM gave
//!                                     (`FILE:LINE in NAME`), ` | `, the bytecode
//! recorded:                           the trace as recorded, before optimization (textual IR)
//!   [i0, i1]
//!   …
//! optimized:                          after the optimizer (when there was one): what the
//!   …                                 backend was given
//! rewritten:                          after the late STM/GC rewrite: what was lowered
//!   …
//! exits:                              exit index, op index in `rewritten`, opcode, fail arguments
//!   0 op 4 guard_true fail: i0 i1 [resume: 0x10@2 s0=i0 s1=i1]
//! asm:                                each op that produced code, then its instructions
//!   op 4 guard_true(i3) [resume: …]
//!     +0x0012  0f8c10000000  jl 0x7f0012340028
//! [end trace 3]
//! [abort] 0x10@4 file.py:12 in f: LoadAttr(3) is not traced yet
//!                                     a recording given up (`TraceLog::abort`): where, why
//! [blacklist] 0x10@4 file.py:12 in f: after 3 aborted recordings
//!                                     a loop that will never be traced again
//! [source 0x10 10 f]                  the source of a code object some trace ran
//! file: file.py                       (`TraceLog::source`): code id, first line, name;
//!   def f(n):                         then its lines, each indented by two spaces (blank
//!       …                             lines too)
//! [end source]
//! [counts]                            written at exit (`TraceLog::counts`)
//! trace 3 entries 1200
//! exit 3 0 failures 5
//! [end counts]
//! ```
//!
//! Lines of sections are indented by two spaces (instructions by four). A reader must ignore
//! unknown `key: value` lines inside a trace, so the format can grow. This module owns the
//! format; it must never change what it logs.

pub mod disasm;
pub mod html;
pub mod reader;
pub mod report;

use crate::ir::{Descrs, Opcode, Trace, text};
use crate::lower::{CompiledTrace, TraceKind};
use std::fmt::Write as _;
use std::io::Write;
use std::sync::Mutex;

/// The first line of every log.
pub const MAGIC: &str = "pystm-jitlog 1";

/// What the VM says about one bytecode: where it is (`file.py:12 in f`) and what it is.
pub struct Place {
    pub location: String,
    pub bytecode: String,
}

/// Where the VM's places come from: `(code id, pc) -> Place`.
pub type Locate<'a> = &'a dyn Fn(u64, u32) -> Place;

/// Time spent on a trace before the backend got it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Times {
    /// From the start of the recording to its end (the interpreter ran meanwhile).
    pub tracing: std::time::Duration,
    pub optimizing: std::time::Duration,
}

/// Formats one compiled trace's section: `recorded` is the trace before optimization,
/// `optimized` (if any) what the backend was given.
pub fn trace_section(
    ct: &CompiledTrace,
    recorded: &Trace,
    optimized: Option<&Trace>,
    times: Times,
    d: &Descrs,
    locate: Locate<'_>,
) -> String {
    let mut s = String::new();
    let kind = match ct.kind {
        TraceKind::Loop => "loop",
        TraceKind::Bridge { .. } => "bridge",
        TraceKind::Straight => "straight",
    };
    let _ = writeln!(s, "[trace {} {kind}]", ct.id);
    if let TraceKind::Bridge { parent, exit } = ct.kind {
        let _ = writeln!(s, "parent: {parent} {exit}");
    }
    let _ = writeln!(s, "code: {:#x} {}", ct.code_addr(), ct.code().len());
    let _ = writeln!(s, "compile-us: {}", ct.compile_time.as_micros());
    let _ = writeln!(s, "trace-us: {}", times.tracing.as_micros());
    let _ = writeln!(s, "optimize-us: {}", times.optimizing.as_micros());
    s.push_str("locations:\n");
    for (i, op) in recorded.ops.iter().enumerate() {
        if op.opcode == Opcode::DebugMergePoint {
            let code = op.args[0].const_bits().unwrap_or(0);
            let pc = op.args[1].const_bits().unwrap_or(0) as u32;
            let p = locate(code, pc);
            let _ = writeln!(s, "  {i} {code:#x}@{pc} {} | {}", p.location, p.bytecode);
        }
    }
    s.push_str("recorded:\n");
    for line in text::print(recorded, d).lines() {
        let _ = writeln!(s, "  {line}");
    }
    if let Some(o) = optimized {
        s.push_str("optimized:\n");
        for line in text::print(o, d).lines() {
            let _ = writeln!(s, "  {line}");
        }
    }
    s.push_str("rewritten:\n");
    for line in text::print(&ct.trace, d).lines() {
        let _ = writeln!(s, "  {line}");
    }
    s.push_str("exits:\n");
    for (k, e) in ct.exits.iter().enumerate() {
        let fail: Vec<String> =
            ct.resume.exits[k].fail_args.iter().map(|v| text::arg_text(&ct.trace, (*v).into())).collect();
        let op = &ct.trace.ops[e.op];
        let snap =
            op.snapshot.map(|i| text::snapshot_text(&ct.trace, d, &ct.trace.snapshots[i as usize])).unwrap_or_default();
        let _ = writeln!(s, "  {k} op {} {} fail: {} [{snap}]", e.op, e.opcode.name(), fail.join(" "));
    }
    s.push_str("asm:\n");
    let mut current: Option<u32> = None;
    for l in disasm::listing(ct.code(), ct.code_addr(), &ct.op_ranges) {
        if let Some(i) = l.op
            && l.op != current
        {
            current = l.op;
            let _ = writeln!(s, "  op {i} {}", text::op_text(&ct.trace, d, &ct.trace.ops[i as usize]));
        } else if l.op.is_none() && current.is_some() {
            current = None;
            s.push_str("  op - (prologue, epilogue, cold paths)\n");
        }
        let hex: String = l.bytes.iter().map(|b| format!("{b:02x}")).collect();
        let _ = writeln!(s, "    +{:#06x}  {hex:<20}  {}", l.offset, l.text);
    }
    let _ = writeln!(s, "[end trace {}]", ct.id);
    s
}

/// Formats the counts section.
pub fn counts_section(traces: &[&CompiledTrace]) -> String {
    let mut s = String::from("[counts]\n");
    for t in traces {
        let _ = writeln!(s, "trace {} entries {}", t.id, t.entries());
        for k in 0..t.exits.len() {
            let _ = writeln!(s, "exit {} {k} failures {}", t.id, t.failures(k));
        }
    }
    s.push_str("[end counts]\n");
    s
}

/// A log being written (to a file, usually): sections are written whole, under a lock, so
/// threads compiling at once do not interleave.
pub struct TraceLog {
    out: Mutex<Box<dyn Write + Send>>,
}

impl TraceLog {
    /// Starts a log on `out` (writes the first line).
    pub fn new(mut out: Box<dyn Write + Send>) -> std::io::Result<TraceLog> {
        writeln!(out, "{MAGIC}")?;
        Ok(TraceLog { out: Mutex::new(out) })
    }

    /// Logs a compiled trace, the trace it was recorded as and (if it was optimized) the
    /// optimized trace.
    pub fn trace(
        &self,
        ct: &CompiledTrace,
        recorded: &Trace,
        optimized: Option<&Trace>,
        times: Times,
        d: &Descrs,
        locate: Locate<'_>,
    ) -> std::io::Result<()> {
        self.write(&trace_section(ct, recorded, optimized, times, d, locate))
    }

    /// Logs a recording given up at `code@pc` (`location`: what the VM calls that place).
    pub fn abort(&self, code: u64, pc: u32, location: &str, reason: &str) -> std::io::Result<()> {
        self.write(&format!("[abort] {code:#x}@{pc} {location}: {}\n", reason.replace('\n', " ")))
    }

    /// Logs a loop header that will never be traced again, after `aborts` aborted recordings.
    pub fn blacklist(&self, code: u64, pc: u32, location: &str, aborts: u32) -> std::io::Result<()> {
        self.write(&format!("[blacklist] {code:#x}@{pc} {location}: after {aborts} aborted recordings\n"))
    }

    /// Logs the source of code object `code` (`name`, in `file`, from line `first`): the VM
    /// logs each code object a trace ran once, so that reports can show its lines.
    pub fn source(&self, code: u64, name: &str, file: &str, first: u32, lines: &[&str]) -> std::io::Result<()> {
        let mut s = format!("[source {code:#x} {first} {}]\nfile: {file}\n", name.replace(' ', "_"));
        for l in lines {
            let _ = writeln!(s, "  {}", l.trim_end_matches(['\r', '\n']));
        }
        s.push_str("[end source]\n");
        self.write(&s)
    }

    /// Logs every trace's entry count and every exit's failure count (at exit).
    pub fn counts(&self, traces: &[&CompiledTrace]) -> std::io::Result<()> {
        self.write(&counts_section(traces))
    }

    /// Writes one whole section.
    fn write(&self, s: &str) -> std::io::Result<()> {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        out.write_all(s.as_bytes())?;
        out.flush()
    }
}
