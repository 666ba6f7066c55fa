//! The trace log as one self-contained HTML page (`pystm jitlog FILE html OUT.html`), in the
//! manner of PyPy's jitviewer: a summary table, then the source of every function a trace ran
//! with per-line markers (the traces that run the line, failing guards); a click on a line
//! unfolds its bytecodes, the ops each became in every trace and, per op, its machine code.
//! The page needs no network: its style and its few lines of script are inline. This file only
//! renders what [`reader`](super::reader) parsed and [`report`](super::report) grouped; it must
//! never read files nor compute what the reports compute.

use super::reader::{Log, Source, Trace};
use super::report::{self, Part, Step};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const STYLE: &str = "
body { font-family: sans-serif; margin: 1.5em; color: #222; }
code, pre, td.text, .ops, .bc { font-family: monospace; }
table { border-collapse: collapse; }
table.summary td, table.summary th { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
table.summary td.left, table.summary th.left { text-align: left; }
table.src { width: 100%; }
table.src td { padding: 0 6px; vertical-align: top; white-space: pre; }
td.no { color: #999; text-align: right; width: 3em; }
td.mark { width: 14em; }
tr.line.has-ops { cursor: pointer; background: #eef6ee; }
tr.line.has-ops:hover { background: #d8ecd8; }
tr.line.open { background: #cfe3cf; }
tr.line.hot-guard { background: #fbe3c8; }
tr.line.hot-guard:hover, tr.line.hot-guard.open { background: #f6cf9f; }
tr.detail > td { background: #fafafa; border-left: 3px solid #7a7; padding: 4px 12px; white-space: normal; }
span.badge { display: inline-block; font-size: 80%; padding: 0 4px; margin-right: 3px; border-radius: 3px;
  background: #7a7; color: white; }
span.badge.bridge { background: #77a; }
span.badge.fail { background: #d70; }
div.part { margin: 4px 0 8px 0; }
div.part h4 { margin: 2px 0; font-size: 90%; }
div.bc { color: #555; margin-top: 2px; }
ul.ops { list-style: none; margin: 0 0 0 2em; padding: 0; }
li.op.guard { color: #036; }
li.op.failing { color: #b40; font-weight: bold; }
li.op details summary { cursor: pointer; }
li.op pre { margin: 0 0 0 2em; color: #444; font-weight: normal; }
span.exit { color: #b40; margin-left: 1em; }
section.func { margin-top: 1.5em; }
";

const SCRIPT: &str = "
function setOpen(tr, open) {
  const d = document.getElementById(tr.dataset.detail);
  d.hidden = !open;
  tr.classList.toggle('open', open);
}
for (const tr of document.querySelectorAll('tr.line.has-ops')) {
  tr.addEventListener('click', () => setOpen(tr, document.getElementById(tr.dataset.detail).hidden));
}
function openTarget() {
  const tr = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (tr && tr.classList.contains('has-ops')) setOpen(tr, true);
}
window.addEventListener('hashchange', openTarget);
openTarget();
for (const b of document.querySelectorAll('button[data-all]')) {
  b.addEventListener('click', () => {
    for (const tr of document.querySelectorAll('tr.line.has-ops')) setOpen(tr, b.dataset.all === 'open');
  });
}
";

/// The element id of line `line` of code `code`.
fn line_id(code: u64, line: u32) -> String {
    format!("L-{code:x}-{line}")
}

/// What ran one source line: per trace and part, its steps.
type LineOps<'a> = Vec<(&'a Trace, Part, Vec<&'a Step<'a>>)>;

/// The whole page.
pub fn page(log: &Log) -> String {
    let rows = report::rows(log);
    // Every compiled trace's steps, by (code, line).
    let steps: Vec<(&Trace, Vec<Step<'_>>)> =
        log.traces.iter().map(|t| (t, report::steps(log, t, &t.rewritten, true))).collect();
    let mut by_line: BTreeMap<(u64, u32), LineOps<'_>> = BTreeMap::new();
    for (t, sts) in &steps {
        for st in sts {
            let Some(line) = st.line else { continue };
            let entry = by_line.entry((st.code, line)).or_default();
            match entry.last_mut() {
                Some((lt, part, v)) if lt.id == t.id && *part == st.part => v.push(st),
                _ => entry.push((t, st.part, vec![st])),
            }
        }
    }

    let mut s = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    let _ = writeln!(s, "<title>pystm JIT log</title><style>{STYLE}</style></head><body>");
    let _ = writeln!(s, "<h1>pystm JIT log</h1>\n<p class=\"totals\">{}</p>", esc(&report::totals(log)));

    // Summary table.
    let _ = writeln!(
        s,
        "<h2>Traces, by entries</h2>\n<table class=\"summary\"><tr><th>id</th><th class=\"left\">kind</th><th class=\"left\">location</th><th>ops recorded</th><th>ops optimized</th><th>guards recorded</th><th>guards optimized</th><th>code bytes</th><th>trace&nbsp;µs</th><th>optimize&nbsp;µs</th><th>compile&nbsp;µs</th><th>entries</th><th>exits taken</th></tr>"
    );
    for r in &rows {
        let t = r.t;
        let first = t.locations.first();
        let link = match first.and_then(|l| Some((l.code, l.line()?))) {
            Some((c, n)) => format!("<a href=\"#{}\">{}</a>", line_id(c, n), esc(report::location(t))),
            None => esc(report::location(t)),
        };
        let _ = writeln!(
            s,
            "<tr id=\"trace-{id}\"><td>{id}</td><td class=\"left\">{}</td><td class=\"left\">{link}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&report::kind(t)),
            r.recorded,
            r.optimized,
            r.guards_recorded,
            r.guards,
            t.code_size,
            t.trace_us,
            t.optimize_us,
            t.compile_us,
            t.entries,
            r.failures,
            id = t.id
        );
    }
    s.push_str("</table>\n");
    let ab = report::aborts(log);
    if !ab.is_empty() {
        s.push_str("<h2>Aborted recordings</h2>\n<table class=\"summary\"><tr><th>count</th><th class=\"left\">location</th><th class=\"left\">reason</th></tr>\n");
        for (l, r, n) in ab {
            let _ = writeln!(
                s,
                "<tr><td>{n}</td><td class=\"left\">{}</td><td class=\"left\">{}</td></tr>",
                esc(l),
                esc(r)
            );
        }
        s.push_str("</table>\n");
    }
    if !log.blacklisted.is_empty() {
        s.push_str("<h2>Blacklisted loops</h2>\n<table class=\"summary\"><tr><th class=\"left\">location</th><th class=\"left\">why</th></tr>\n");
        for b in &log.blacklisted {
            let _ = writeln!(
                s,
                "<tr><td class=\"left\">{}</td><td class=\"left\">{}</td></tr>",
                esc(&b.location),
                esc(&b.reason)
            );
        }
        s.push_str("</table>\n");
    }

    // Sources.
    s.push_str("<h2>Source</h2>\n<p>Lines on a green ground ran in compiled code, orange ones hold a guard that failed to the interpreter: click a line to unfold its bytecodes, the ops they became and (click an op) its machine code. <button data-all=\"open\">unfold all</button> <button data-all=\"close\">fold all</button></p>\n");
    for src in &log.sources {
        source_section(&mut s, src, &by_line);
    }
    let _ = write!(s, "<script>{SCRIPT}</script>\n</body></html>\n");
    s
}

fn source_section(s: &mut String, src: &Source, by_line: &BTreeMap<(u64, u32), LineOps<'_>>) {
    let _ = writeln!(
        s,
        "<section class=\"func\" id=\"code-{:x}\"><h3>{} <small>{}:{}</small></h3>\n<table class=\"src\">",
        src.code,
        esc(&src.name),
        esc(&src.file),
        src.first
    );
    for (k, text) in src.lines.iter().enumerate() {
        let n = src.first + k as u32;
        let id = line_id(src.code, n);
        let Some(runs) = by_line.get(&(src.code, n)) else {
            let _ = writeln!(
                s,
                "<tr class=\"line\" id=\"{id}\"><td class=\"no\">{n}</td><td class=\"mark\"></td><td class=\"text\">{}</td></tr>",
                esc(text)
            );
            continue;
        };
        // Exits taken to the interpreter (an exit with a bridge runs compiled code instead).
        let failures: u64 = runs
            .iter()
            .flat_map(|(_, _, sts)| sts.iter().flat_map(|st| st.ops.iter()))
            .filter(|op| op.bridges.is_empty())
            .filter_map(|op| op.exit.map(|e| e.failures))
            .sum();
        let mut marks = String::new();
        let mut seen = Vec::new();
        for (t, _, _) in runs {
            if !seen.contains(&t.id) {
                seen.push(t.id);
                let class = if t.parent.is_some() { "badge bridge" } else { "badge" };
                let _ = write!(
                    marks,
                    "<span class=\"{class}\" title=\"{}\">{}{}</span>",
                    esc(&report::kind(t)),
                    if t.parent.is_some() { "bridge " } else { "trace " },
                    t.id
                );
            }
        }
        if failures > 0 {
            let _ = write!(
                marks,
                "<span class=\"badge fail\" title=\"guard failures on this line that left compiled code\">{failures} exits</span>"
            );
        }
        let hot = if failures > 0 { " hot-guard" } else { "" };
        let _ = writeln!(
            s,
            "<tr class=\"line has-ops{hot}\" id=\"{id}\" data-detail=\"D-{id}\"><td class=\"no\">{n}</td><td class=\"mark\">{marks}</td><td class=\"text\">{}</td></tr>",
            esc(text)
        );
        let _ = write!(s, "<tr class=\"detail\" id=\"D-{id}\" hidden><td colspan=\"3\">");
        for (t, part, sts) in runs {
            let what = match part {
                Part::Straight => String::new(),
                p => format!(", {}", p.name()),
            };
            let _ = write!(
                s,
                "<div class=\"part\"><h4><a href=\"#trace-{}\">{} {}</a> ({}{what}, entered {} times)</h4>",
                t.id,
                if t.parent.is_some() { "bridge" } else { "trace" },
                t.id,
                esc(&report::kind(t)),
                t.entries
            );
            for st in sts {
                let _ = write!(s, "<div class=\"bc\">{:>5} {}</div><ul class=\"ops\">", st.pc, esc(st.bytecode));
                for op in &st.ops {
                    let guard = op.text.split(" = ").last().unwrap_or(op.text).starts_with("guard_");
                    let failing = op.bridges.is_empty() && op.exit.is_some_and(|e| e.failures > 0);
                    let class = match (guard || op.exit.is_some(), failing) {
                        (_, true) => "op guard failing",
                        (true, false) => "op guard",
                        _ => "op",
                    };
                    let note = match report::exit_note(op) {
                        Some(n) => format!("<span class=\"exit\">{}</span>", esc(&n)),
                        None => String::new(),
                    };
                    if op.asm.is_empty() {
                        let _ = write!(s, "<li class=\"{class}\">{}{note}</li>", esc(op.text));
                    } else {
                        let _ =
                            write!(s, "<li class=\"{class}\"><details><summary>{}{note}</summary><pre>", esc(op.text));
                        for i in &op.asm {
                            let _ = writeln!(s, "+{:#06x}  {}", i.offset, esc(&i.text));
                        }
                        s.push_str("</pre></details></li>");
                    }
                }
                s.push_str("</ul>");
            }
            s.push_str("</div>");
        }
        s.push_str("</td></tr>\n");
    }
    s.push_str("</table></section>\n");
}
