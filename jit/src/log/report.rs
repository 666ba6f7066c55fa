//! Reports on a read trace log (`pystm jitlog FILE summary|show ID`): what was compiled, where,
//! how often it ran and left, and which recordings were given up and why. Text for people,
//! JSON for tools. This file only formats what [`reader`](super::reader) parsed; it must never
//! read the file itself nor know about Python beyond the location text the VM logged.

use super::reader::{Log, Trace};
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
fn location(t: &Trace) -> &str {
    t.locations.first().map(|l| l.3.as_str()).unwrap_or("?")
}

struct Row<'a> {
    t: &'a Trace,
    recorded: usize,
    optimized: usize,
    guards: usize,
    failures: u64,
}

fn rows(log: &Log) -> Vec<Row<'_>> {
    let mut rows: Vec<Row<'_>> = log
        .traces
        .iter()
        .map(|t| {
            let opt = if t.optimized.is_empty() { &t.recorded } else { &t.optimized };
            Row {
                t,
                recorded: ops(&t.recorded).count(),
                optimized: ops(opt).count(),
                guards: ops(opt).filter(|l| is_guard(l)).count(),
                failures: t.exits.iter().map(|e| e.failures).sum(),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.t.entries.cmp(&a.t.entries).then(a.t.id.cmp(&b.t.id)));
    rows
}

/// Aborts grouped by (location, reason): count, sorted by count.
fn aborts(log: &Log) -> Vec<(&str, &str, usize)> {
    let mut m: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for a in &log.aborts {
        *m.entry((a.location.as_str(), a.reason.as_str())).or_insert(0) += 1;
    }
    let mut v: Vec<(&str, &str, usize)> = m.into_iter().map(|((l, r), n)| (l, r, n)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    v
}

fn kind(t: &Trace) -> String {
    match t.parent {
        Some((p, e)) => format!("{} of {p} exit {e}", t.kind),
        None => t.kind.clone(),
    }
}

/// The summary as text.
pub fn summary(log: &Log) -> String {
    let mut s = String::new();
    let rows = rows(log);
    let compile_us: u64 = log.traces.iter().map(|t| t.compile_us).sum();
    let _ = writeln!(
        s,
        "{} traces ({} loops, {} bridges), {} recordings aborted, {:.1} ms compiling\n",
        rows.len(),
        log.traces.iter().filter(|t| t.kind == "loop").count(),
        log.traces.iter().filter(|t| t.kind == "bridge").count(),
        log.aborts.len(),
        compile_us as f64 / 1000.0
    );
    if !rows.is_empty() {
        let _ = writeln!(s, "Traces, by entries:");
        let _ = writeln!(
            s,
            "{:>5}  {:<22} {:>9} {:>9} {:>7} {:>8} {:>9} {:>10} {:>10}  location",
            "id", "kind", "recorded", "optimized", "guards", "code B", "compile", "entries", "exits"
        );
        for r in &rows {
            let _ = writeln!(
                s,
                "{:>5}  {:<22} {:>9} {:>9} {:>7} {:>8} {:>7}us {:>10} {:>10}  {}",
                r.t.id,
                kind(r.t),
                r.recorded,
                r.optimized,
                r.guards,
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
    s
}

fn json_str(s: &str) -> String {
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
                "{{\"id\": {}, \"kind\": {}, \"parent\": {}, \"location\": {}, \"recorded_ops\": {}, \"optimized_ops\": {}, \"guards\": {}, \"code_size\": {}, \"compile_us\": {}, \"entries\": {}, \"exits\": {}}}",
                r.t.id,
                json_str(&r.t.kind),
                r.t.parent.map_or("null".to_string(), |(p, e)| format!("[{p}, {e}]")),
                json_str(location(r.t)),
                r.recorded,
                r.optimized,
                r.guards,
                r.t.code_size,
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
    format!("{{\"traces\": [{}], \"aborts\": [{}]}}\n", traces.join(", "), ab.join(", "))
}

/// One trace: its source locations, each followed by the ops recorded for it, then the
/// optimized trace, its exits with their failure counts, and (`asm`) its machine code.
pub fn show(log: &Log, id: u32, asm: bool) -> Option<String> {
    let t = log.traces.iter().find(|t| t.id == id)?;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "trace {} ({}), {} B of code at {:#x}, compiled in {} us, entered {} times\n",
        t.id,
        kind(t),
        t.code_size,
        t.code_addr,
        t.compile_us,
        t.entries
    );
    let _ = writeln!(s, "Recorded, by source line:");
    // The recorded trace's lines after its inputs line are its ops, in op-index order.
    let body: Vec<&String> = t.recorded.iter().skip(1).collect();
    let mut last = String::new();
    for (i, line) in body.iter().enumerate() {
        if let Some(l) = t.locations.iter().find(|l| l.0 as usize == i) {
            if l.3 != last {
                let _ = writeln!(s, "  {}", l.3);
                last = l.3.clone();
            }
            continue;
        }
        let _ = writeln!(s, "      {line}");
    }
    if !t.optimized.is_empty() {
        let _ = writeln!(s, "\nOptimized:");
        for l in &t.optimized {
            let _ = writeln!(s, "  {l}");
        }
    }
    let _ = writeln!(s, "\nExits (failures):");
    for e in &t.exits {
        let _ = writeln!(s, "  {:>3} {:>10}  {} {}", e.index, e.failures, e.opcode, e.resume);
    }
    if asm {
        let _ = writeln!(s, "\nMachine code:");
        let mut cur = None;
        for i in &t.asm {
            if i.op != cur {
                cur = i.op;
                if let Some(op) = i.op.and_then(|o| t.asm_ops.get(&o)) {
                    let _ = writeln!(s, "  {op}");
                }
            }
            let _ = writeln!(s, "    +{:#06x}  {}", i.offset, i.text);
        }
    }
    Some(s)
}
