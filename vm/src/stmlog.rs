//! The STM event log (`-X stmlog=FILE`, `PYSTMLOG=FILE`) and its report (`pystm stmlog FILE`).
//!
//! While a program runs, the STM's events (commits, aborts, conflicts, pauses, becoming
//! inevitable) are written to the file, one tab-separated line each; conflict locations are
//! resolved from the markers the dispatch loop sets (code id and bytecode offset) to file and
//! line at once. Each thread adds a summary line of its counters when it ends. The report groups
//! conflicts by kind and both locations, sorted by time lost, and sums the threads' time.
//! This file must never touch the heap.

use crate::compile::code;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;
use stm::{ConflictKind, Event, EventKind, EventSink};

/// The marker for bytecode offset `pc` of code `id` (0 means unknown).
#[inline(always)]
pub fn marker(id: u32, pc: usize) -> u64 {
    ((id as u64 + 1) << 32) | (pc as u64 & 0xffff_ffff)
}

/// (file, line) of a marker.
fn location(m: u64) -> (String, u32) {
    if m == 0 {
        return ("?".into(), 0);
    }
    match code::try_get(((m >> 32) - 1) as u32) {
        Some(c) => {
            let pc = (m & 0xffff_ffff) as usize;
            (c.filename().to_string(), c.lines.get(pc).copied().unwrap_or(c.firstlineno))
        }
        None => ("?".into(), 0),
    }
}

/// Tabs and newlines would break the line format.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n'], " ")
}

/// The event sink writing the log file.
pub struct StmLog {
    out: Mutex<std::io::BufWriter<std::fs::File>>,
}

impl StmLog {
    pub fn create(path: &str) -> Result<StmLog, String> {
        let f = std::fs::File::create(path).map_err(|e| format!("cannot create the stmlog file {path}: {e}"))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
        let _ = writeln!(w, "pystm-stmlog\t1");
        Ok(StmLog { out: Mutex::new(w) })
    }

    fn line(&self, s: &str) {
        let _ = self.out.lock().unwrap().write_all(s.as_bytes());
    }

    /// A thread's summary, when it ends: its name and STM counters.
    pub fn thread_summary(&self, thread: u32, name: &str, s: &stm::Stats) {
        self.line(&format!(
            "thread\t{thread}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            clean(name),
            s.commits,
            s.total_aborts(),
            s.time_committed.as_nanos(),
            s.time_aborted.as_nanos(),
            s.time_paused.as_nanos(),
            s.time_waiting.as_nanos(),
            s.time_gc.as_nanos()
        ));
    }

    pub fn flush(&self) {
        let _ = self.out.lock().unwrap().flush();
    }
}

impl EventSink for StmLog {
    fn event(&self, e: &Event) {
        let at = e.at.as_nanos();
        let t = e.thread;
        let s = match e.kind {
            EventKind::Start => return,
            EventKind::Commit { .. } => format!("commit\t{at}\t{t}\n"),
            EventKind::Abort { reason, lost } => format!("abort\t{at}\t{t}\t{}\t{}\n", reason.name(), lost.as_nanos()),
            EventKind::BecomeInevitable => format!("inevitable\t{at}\t{t}\n"),
            EventKind::Paused { time } => format!("pause\t{at}\t{t}\t{}\n", time.as_nanos()),
            EventKind::Conflict(c) => {
                let kind = match c.kind {
                    ConflictKind::WriteWriteWait => "write-write wait",
                    ConflictKind::WriteWriteAbort => "write-write abort",
                    ConflictKind::WriteRead => "write-read abort",
                };
                let (wf, wl) = location(c.winner_marker);
                let (lf, ll) = location(c.loser_marker);
                format!(
                    "conflict\t{at}\t{t}\t{kind}\t{}\t{}\t{wl}\t{}\t{ll}\n",
                    c.lost.as_nanos(),
                    clean(&wf),
                    clean(&lf)
                )
            }
        };
        self.line(&s);
    }
}

/// One conflict site of the report.
#[derive(Default)]
struct Site {
    count: u64,
    lost: Duration,
}

struct ThreadSum {
    name: String,
    commits: u64,
    aborts: u64,
    times: [Duration; 5],
}

/// The report on a log file: text, or JSON with `json`.
pub fn report(path: &str, json: bool) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut lines = text.lines();
    if lines.next().is_none_or(|h| !h.starts_with("pystm-stmlog\t")) {
        return Err(format!("{path} is not a pystm stmlog file"));
    }
    let ns = |s: &str| Duration::from_nanos(s.parse().unwrap_or(0));
    let mut sites: HashMap<(String, String, u32, String, u32), Site> = HashMap::new();
    let mut threads: Vec<(u32, ThreadSum)> = Vec::new();
    let (mut commits, mut aborts, mut pauses, mut paused) = (0u64, 0u64, 0u64, Duration::ZERO);
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        match f.as_slice() {
            ["commit", ..] => commits += 1,
            ["abort", ..] => aborts += 1,
            ["pause", _, _, t] => {
                pauses += 1;
                paused += ns(t);
            }
            ["conflict", _, _, kind, lost, wf, wl, lf, ll] => {
                let s = sites
                    .entry((
                        kind.to_string(),
                        wf.to_string(),
                        wl.parse().unwrap_or(0),
                        lf.to_string(),
                        ll.parse().unwrap_or(0),
                    ))
                    .or_default();
                s.count += 1;
                s.lost += ns(lost);
            }
            ["thread", id, name, c, a, t0, t1, t2, t3, t4] => threads.push((
                id.parse().unwrap_or(0),
                ThreadSum {
                    name: name.to_string(),
                    commits: c.parse().unwrap_or(0),
                    aborts: a.parse().unwrap_or(0),
                    times: [ns(t0), ns(t1), ns(t2), ns(t3), ns(t4)],
                },
            )),
            _ => {}
        }
    }
    let mut sites: Vec<_> = sites.into_iter().collect();
    sites.sort_by(|a, b| b.1.lost.cmp(&a.1.lost).then(b.1.count.cmp(&a.1.count)));
    threads.sort_by_key(|t| t.0);
    let src = |file: &str, line: u32| -> String {
        std::fs::read_to_string(file)
            .ok()
            .and_then(|t| t.lines().nth(line.saturating_sub(1) as usize).map(|s| s.trim().to_string()))
            .unwrap_or_default()
    };
    let loc = |f: &str, l: u32| if l == 0 { "?".to_string() } else { format!("{f}:{l}") };
    let mut out = String::new();
    if json {
        let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        out.push_str("{\n  \"sites\": [");
        for (i, ((kind, wf, wl, lf, ll), s)) in sites.iter().enumerate() {
            let _ = write!(
                out,
                "{}\n    {{\"kind\": {}, \"count\": {}, \"lost_s\": {:.6}, \"winner\": {}, \"winner_source\": {}, \"loser\": {}, \"loser_source\": {}}}",
                if i > 0 { "," } else { "" },
                q(kind),
                s.count,
                s.lost.as_secs_f64(),
                q(&loc(wf, *wl)),
                q(&src(wf, *wl)),
                q(&loc(lf, *ll)),
                q(&src(lf, *ll))
            );
        }
        let _ = write!(
            out,
            "\n  ],\n  \"commits\": {commits},\n  \"aborts\": {aborts},\n  \"pauses\": {pauses},\n  \"paused_s\": {:.6},\n  \"threads\": [",
            paused.as_secs_f64()
        );
        for (i, (id, t)) in threads.iter().enumerate() {
            let [c, a, p, w, g] = t.times.map(|d| d.as_secs_f64());
            let _ = write!(
                out,
                "{}\n    {{\"thread\": {id}, \"name\": {}, \"commits\": {}, \"aborts\": {}, \"committed_s\": {c:.6}, \"aborted_s\": {a:.6}, \"paused_s\": {p:.6}, \"waiting_s\": {w:.6}, \"gc_s\": {g:.6}}}",
                if i > 0 { "," } else { "" },
                q(&t.name),
                t.commits,
                t.aborts
            );
        }
        out.push_str("\n  ]\n}\n");
        return Ok(out);
    }
    let _ = writeln!(
        out,
        "STM log {path}: {commits} commits, {aborts} aborts, {pauses} pauses ({:.3} s paused)",
        paused.as_secs_f64()
    );
    if sites.is_empty() {
        out.push_str("\nNo conflicts.\n");
    } else {
        out.push_str("\nConflict sites, by time lost:\n");
        for ((kind, wf, wl, lf, ll), s) in &sites {
            let _ = writeln!(out, "\n{:>9.6} s lost  {:>6} x  {kind}", s.lost.as_secs_f64(), s.count);
            let _ = writeln!(out, "    winner {}", loc(wf, *wl));
            let ws = src(wf, *wl);
            if !ws.is_empty() {
                let _ = writeln!(out, "        {ws}");
            }
            let _ = writeln!(out, "    loser  {}", loc(lf, *ll));
            let ls = src(lf, *ll);
            if !ls.is_empty() {
                let _ = writeln!(out, "        {ls}");
            }
        }
    }
    out.push_str("\nThreads (seconds):\n");
    let _ = writeln!(
        out,
        "{:<24} {:>8} {:>7} {:>10} {:>9} {:>8} {:>8} {:>7}",
        "thread", "commits", "aborts", "committed", "aborted", "paused", "waiting", "gc"
    );
    for (_, t) in &threads {
        let [c, a, p, w, g] = t.times.map(|d| d.as_secs_f64());
        let _ = writeln!(
            out,
            "{:<24} {:>8} {:>7} {c:>10.3} {a:>9.3} {p:>8.3} {w:>8.3} {g:>7.3}",
            t.name, t.commits, t.aborts
        );
    }
    Ok(out)
}
