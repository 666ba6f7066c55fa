//! Reports on a read trace log (`pystm jitlog FILE summary|show ID`): what was compiled, where,
//! how often it ran and left, and which recordings were given up and why. Text for people,
//! JSON for tools. This file only formats what [`reader`](super::reader) parsed; it must never
//! read the file itself nor know about Python beyond the location text the VM logged.

use super::reader::{Exit, Insn, Log, Trace};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Ops of a textual trace, merge points left out.
fn ops(lines: &[String]) -> impl Iterator<Item = &String> {
    lines.iter().skip(1).filter(|l| !l.starts_with("debug_merge_point("))
}

fn is_guard(line: &str) -> bool {
    let op = line.split(" = ").last().unwrap_or(line);
    op.starts_with("guard_")
}

/// Where a trace starts: its first merge point's location.
pub(super) fn location(t: &Trace) -> &str {
    t.locations.first().map(|l| l.location.as_str()).unwrap_or("?")
}

pub(super) struct Row<'a> {
    pub t: &'a Trace,
    pub recorded: usize,
    pub optimized: usize,
    /// Guards before and after optimization.
    pub guards_recorded: usize,
    pub guards: usize,
    pub failures: u64,
}

/// The traces, most entered first, with their op and guard counts.
pub(super) fn rows(log: &Log) -> Vec<Row<'_>> {
    let mut rows: Vec<Row<'_>> = log
        .traces
        .iter()
        .map(|t| {
            let opt = if t.optimized.is_empty() { &t.recorded } else { &t.optimized };
            Row {
                t,
                recorded: ops(&t.recorded).count(),
                optimized: ops(opt).count(),
                guards_recorded: ops(&t.recorded).filter(|l| is_guard(l)).count(),
                guards: ops(opt).filter(|l| is_guard(l)).count(),
                failures: t.exits.iter().map(|e| e.failures).sum(),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.t.entries.cmp(&a.t.entries).then(a.t.id.cmp(&b.t.id)));
    rows
}

/// Aborts grouped by (location, reason): count, sorted by count.
pub(super) fn aborts(log: &Log) -> Vec<(&str, &str, usize)> {
    let mut m: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for a in &log.aborts {
        *m.entry((a.location.as_str(), a.reason.as_str())).or_insert(0) += 1;
    }
    let mut v: Vec<(&str, &str, usize)> = m.into_iter().map(|((l, r), n)| (l, r, n)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    v
}

pub(super) fn kind(t: &Trace) -> String {
    match t.parent {
        Some((p, e)) => format!("{} of {p} exit {e}", t.kind),
        None => t.kind.clone(),
    }
}

/// The summary as text.
pub fn summary(log: &Log) -> String {
    let mut s = String::new();
    let rows = rows(log);
    let _ = writeln!(s, "{}\n", totals(log));
    if !rows.is_empty() {
        let _ = writeln!(s, "Traces, by entries:");
        let _ = writeln!(
            s,
            "{:>5}  {:<22} {:>9} {:>9} {:>9} {:>8} {:>9} {:>10} {:>10}  location",
            "id", "kind", "recorded", "optimized", "guards", "code B", "compile", "entries", "exits"
        );
        for r in &rows {
            let _ = writeln!(
                s,
                "{:>5}  {:<22} {:>9} {:>9} {:>9} {:>8} {:>7}us {:>10} {:>10}  {}",
                r.t.id,
                kind(r.t),
                r.recorded,
                r.optimized,
                format!("{}->{}", r.guards_recorded, r.guards),
                r.t.code_size,
                r.t.compile_us,
                r.t.entries,
                r.failures,
                location(r.t)
            );
        }
    }
    let ab = aborts(log);
    if !ab.is_empty() {
        let _ = writeln!(s, "\nAborted recordings, by count:");
        for (l, r, n) in ab {
            let _ = writeln!(s, "{n:>6} x  {}: {r}", if l.is_empty() { "?" } else { l });
        }
    }
    if !log.blacklisted.is_empty() {
        let _ = writeln!(s, "\nBlacklisted loops (never traced again):");
        for b in &log.blacklisted {
            let _ = writeln!(s, "  {}: {}", b.location, b.reason);
        }
    }
    s
}

/// One line of totals: traces, aborts, blacklisted loops, time tracing, optimizing, compiling.
pub(super) fn totals(log: &Log) -> String {
    let ms = |f: fn(&Trace) -> u64| log.traces.iter().map(f).sum::<u64>() as f64 / 1000.0;
    format!(
        "{} traces ({} loops, {} bridges), {} recordings aborted, {} loops blacklisted; \
         {:.1} ms tracing, {:.1} ms optimizing, {:.1} ms compiling",
        log.traces.len(),
        log.traces.iter().filter(|t| t.kind == "loop").count(),
        log.traces.iter().filter(|t| t.kind == "bridge").count(),
        log.aborts.len(),
        log.blacklisted.len(),
        ms(|t| t.trace_us),
        ms(|t| t.optimize_us),
        ms(|t| t.compile_us),
    )
}

pub(super) fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The summary as JSON.
pub fn summary_json(log: &Log) -> String {
    let traces: Vec<String> = rows(log)
        .iter()
        .map(|r| {
            format!(
                "{{\"id\": {}, \"kind\": {}, \"parent\": {}, \"location\": {}, \"recorded_ops\": {}, \"optimized_ops\": {}, \"recorded_guards\": {}, \"guards\": {}, \"code_size\": {}, \"trace_us\": {}, \"optimize_us\": {}, \"compile_us\": {}, \"entries\": {}, \"exits\": {}}}",
                r.t.id,
                json_str(&r.t.kind),
                r.t.parent.map_or("null".to_string(), |(p, e)| format!("[{p}, {e}]")),
                json_str(location(r.t)),
                r.recorded,
                r.optimized,
                r.guards_recorded,
                r.guards,
                r.t.code_size,
                r.t.trace_us,
                r.t.optimize_us,
                r.t.compile_us,
                r.t.entries,
                r.failures
            )
        })
        .collect();
    let ab: Vec<String> = aborts(log)
        .iter()
        .map(|(l, r, n)| format!("{{\"location\": {}, \"reason\": {}, \"count\": {n}}}", json_str(l), json_str(r)))
        .collect();
    let bl: Vec<String> = log
        .blacklisted
        .iter()
        .map(|b| format!("{{\"location\": {}, \"reason\": {}}}", json_str(&b.location), json_str(&b.reason)))
        .collect();
    format!(
        "{{\"traces\": [{}], \"aborts\": [{}], \"blacklisted\": [{}], \"totals\": {}}}\n",
        traces.join(", "),
        ab.join(", "),
        bl.join(", "),
        json_str(&totals(log))
    )
}

/// Which part of a trace an op is in: a peeled loop runs its preamble once, then its body.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Part {
    Preamble,
    Body,
    /// A trace without a loop of its own (a bridge).
    Straight,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Preamble => "preamble",
            Part::Body => "loop body",
            Part::Straight => "straight",
        }
    }
}

/// One op of a trace, with the exit it may take and the machine code it became.
pub struct OpView<'a> {
    pub index: u32,
    pub text: &'a str,
    pub exit: Option<&'a Exit>,
    /// Bridges attached to that exit.
    pub bridges: Vec<u32>,
    pub asm: Vec<&'a Insn>,
}

/// One bytecode of a trace and the ops it became.
pub struct Step<'a> {
    pub code: u64,
    pub pc: u32,
    /// `file.py:12 in f`, empty for the ops before the first merge point.
    pub location: &'a str,
    pub line: Option<u32>,
    pub bytecode: &'a str,
    pub part: Part,
    pub ops: Vec<OpView<'a>>,
}

/// The ops of `lines` (a textual trace of `t`: its inputs line, then its ops), grouped by the
/// bytecode each came from (its merge point). With `compiled` (`lines` is `t.rewritten`), ops
/// carry their exits, attached bridges and instructions.
pub fn steps<'a>(log: &'a Log, t: &'a Trace, lines: &'a [String], compiled: bool) -> Vec<Step<'a>> {
    let ops = lines.get(1..).unwrap_or(&[]);
    // A label after the first op ends a peeled loop's preamble.
    let peeled = ops.iter().skip(1).any(|l| l.starts_with("label("));
    let mut part = if peeled { Part::Preamble } else { Part::Straight };
    let mut steps: Vec<Step<'a>> = Vec::new();
    for (i, text) in ops.iter().enumerate() {
        if let Some(args) = text.strip_prefix("debug_merge_point(").and_then(|a| a.strip_suffix(')')) {
            let (code, pc) = args.split_once(", ").unwrap_or((args, ""));
            let (code, pc) = (code.parse().unwrap_or(0), pc.parse().unwrap_or(0));
            let at = t.locations.iter().find(|l| l.code == code && l.pc == pc);
            steps.push(Step {
                code,
                pc,
                location: at.map_or("", |l| l.location.as_str()),
                line: at.and_then(|l| l.line()),
                bytecode: at.map_or("", |l| l.bytecode.as_str()),
                part,
                ops: Vec::new(),
            });
            continue;
        }
        if steps.is_empty() {
            let entry = Step { code: 0, pc: 0, location: "", line: None, bytecode: "(trace entry)", part, ops: vec![] };
            steps.push(entry);
        }
        let index = i as u32;
        let exit = if compiled { t.exits.iter().find(|e| e.op == index) } else { None };
        let bridges = exit.map(|e| log.bridges(t.id, e.index).map(|b| b.id).collect()).unwrap_or_default();
        let asm = if compiled { t.asm.iter().filter(|a| a.op == Some(index)).collect() } else { Vec::new() };
        steps.last_mut().expect("a step").ops.push(OpView { index, text, exit, bridges, asm });
        if text.starts_with("label(") && i > 0 {
            part = Part::Body;
        }
    }
    steps
}

/// What an exit has seen, for the end of its guard's line: `exit 3: 12 failures, bridge 5`.
pub fn exit_note(op: &OpView<'_>) -> Option<String> {
    let e = op.exit?;
    let mut s = format!("exit {}: {} failures", e.index, e.failures);
    for b in &op.bridges {
        let _ = write!(s, ", bridge {b}");
    }
    Some(s)
}

fn show_steps(s: &mut String, log: &Log, steps: &[Step<'_>], asm: bool) {
    let mut last: Option<(&str, Part)> = None;
    for st in steps {
        if last.map(|l| l.1) != Some(st.part) && st.part != Part::Straight {
            let _ = writeln!(s, "  -- {} --", st.part.name());
        }
        if last != Some((st.location, st.part)) {
            let src = st.line.and_then(|n| log.source_line(st.code, n)).unwrap_or("").trim();
            let _ = writeln!(s, "  {:<32} {src}", if st.location.is_empty() { "?" } else { st.location });
        }
        last = Some((st.location, st.part));
        let _ = writeln!(s, "    {:>5} {}", st.pc, st.bytecode);
        for op in &st.ops {
            match exit_note(op) {
                Some(n) => {
                    let _ = writeln!(s, "            {:<56}  <- {n}", op.text);
                }
                None => {
                    let _ = writeln!(s, "            {}", op.text);
                }
            }
            if asm {
                for i in &op.asm {
                    let _ = writeln!(s, "                +{:#06x}  {}", i.offset, i.text);
                }
            }
        }
    }
}

/// One trace: each source line it ran followed by its bytecodes and the ops they became in the
/// compiled trace (guards with their exits' failures and bridges; with `asm`, each op's machine
/// code), then its exits, then the trace as recorded, before optimization.
pub fn show(log: &Log, id: u32, asm: bool) -> Option<String> {
    let t = log.traces.iter().find(|t| t.id == id)?;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "trace {} ({}), {} B of code at {:#x}; recorded in {} us, optimized in {} us, compiled in {} us; \
         entered {} times\n",
        t.id,
        kind(t),
        t.code_size,
        t.code_addr,
        t.trace_us,
        t.optimize_us,
        t.compile_us,
        t.entries
    );
    let _ = writeln!(s, "Compiled, by source line (bytecode pc and name, then its ops):");
    show_steps(&mut s, log, &steps(log, t, &t.rewritten, true), asm);
    if asm {
        let cold: Vec<&Insn> = t.asm.iter().filter(|i| i.op.is_none()).collect();
        let _ = writeln!(s, "  -- prologue, epilogue and cold paths --");
        for i in cold {
            let _ = writeln!(s, "                +{:#06x}  {}", i.offset, i.text);
        }
    }
    let _ = writeln!(s, "\nExits (failures):");
    for e in &t.exits {
        let b: Vec<String> = log.bridges(t.id, e.index).map(|b| format!(" -> bridge {}", b.id)).collect();
        let _ = writeln!(s, "  {:>3} {:>10}  {} [{}]{}", e.index, e.failures, e.opcode, e.resume, b.concat());
    }
    let _ = writeln!(s, "\nRecorded (before optimization), by source line:");
    show_steps(&mut s, log, &steps(log, t, &t.recorded, false), false);
    Some(s)
}

/// `show` as JSON: the trace's counts, its compiled steps (each with its ops, their exits,
/// bridges and instructions) and its recorded steps.
pub fn show_json(log: &Log, id: u32) -> Option<String> {
    let t = log.traces.iter().find(|t| t.id == id)?;
    let steps_json = |steps: Vec<Step<'_>>| -> String {
        let v: Vec<String> = steps
            .iter()
            .map(|st| {
                let ops: Vec<String> = st
                    .ops
                    .iter()
                    .map(|op| {
                        let exit = op.exit.map_or("null".to_string(), |e| {
                            format!("{{\"index\": {}, \"failures\": {}}}", e.index, e.failures)
                        });
                        let asm: Vec<String> =
                            op.asm.iter().map(|i| format!("[{}, {}]", i.offset, json_str(&i.text))).collect();
                        format!(
                            "{{\"index\": {}, \"op\": {}, \"exit\": {exit}, \"bridges\": {:?}, \"asm\": [{}]}}",
                            op.index,
                            json_str(op.text),
                            op.bridges,
                            asm.join(", ")
                        )
                    })
                    .collect();
                format!(
                    "{{\"location\": {}, \"line\": {}, \"source\": {}, \"pc\": {}, \"bytecode\": {}, \"part\": {}, \"ops\": [{}]}}",
                    json_str(st.location),
                    st.line.map_or("null".to_string(), |l| l.to_string()),
                    st.line.and_then(|n| log.source_line(st.code, n)).map_or("null".to_string(), json_str),
                    st.pc,
                    json_str(st.bytecode),
                    json_str(st.part.name()),
                    ops.join(", ")
                )
            })
            .collect();
        format!("[{}]", v.join(", "))
    };
    let exits: Vec<String> = t
        .exits
        .iter()
        .map(|e| {
            let b: Vec<u32> = log.bridges(t.id, e.index).map(|b| b.id).collect();
            format!(
                "{{\"index\": {}, \"op\": {}, \"opcode\": {}, \"failures\": {}, \"resume\": {}, \"bridges\": {b:?}}}",
                e.index,
                e.op,
                json_str(&e.opcode),
                e.failures,
                json_str(&e.resume)
            )
        })
        .collect();
    Some(format!(
        "{{\"id\": {}, \"kind\": {}, \"parent\": {}, \"code_addr\": {}, \"code_size\": {}, \"trace_us\": {}, \"optimize_us\": {}, \"compile_us\": {}, \"entries\": {}, \"compiled\": {}, \"exits\": [{}], \"recorded\": {}}}\n",
        t.id,
        json_str(&t.kind),
        t.parent.map_or("null".to_string(), |(p, e)| format!("[{p}, {e}]")),
        t.code_addr,
        t.code_size,
        t.trace_us,
        t.optimize_us,
        t.compile_us,
        t.entries,
        steps_json(steps(log, t, &t.rewritten, true)),
        exits.join(", "),
        steps_json(steps(log, t, &t.recorded, false)),
    ))
}
