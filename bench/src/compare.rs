//! `compare A.json B.json`: for every (program, configuration, thread count) measured in both
//! files, the median wall times and the ratio, in the manner of `pyperf compare_to`
//! ("1.23 s -> 1.10 s: 1.12x faster"), then the geometric mean of the ratios. Cells measured at
//! different sizes, failed in either file, or present in only one are listed as skipped, never
//! compared. Pure: reads two results, returns the report text.

use crate::results::Results;
use crate::stats::geometric_mean;
use std::fmt::Write;

/// One compared cell: how much faster B is than A (A's time over B's).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub a: f64,
    pub b: f64,
    pub speedup: f64,
    /// The [min, max] ranges of the two cells overlap: the difference may be noise.
    pub overlap: bool,
}

pub struct Comparison {
    pub rows: Vec<Row>,
    pub skipped: Vec<String>,
    pub geometric_mean: Option<f64>,
}

pub fn compare(a: &Results, b: &Results) -> Comparison {
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for pa in &a.programs {
        let Some(pb) = b.programs.iter().find(|p| p.name == pa.name) else {
            skipped.push(format!("{}: only in A", pa.name));
            continue;
        };
        if pa.size != pb.size {
            skipped.push(format!("{}: sizes differ ({} in A, {} in B)", pa.name, pa.size, pb.size));
            continue;
        }
        if let (Some(x), Some(y)) = (&pa.checksum, &pb.checksum)
            && x != y
        {
            skipped.push(format!("{}: checksums differ ({x:?} in A, {y:?} in B)", pa.name));
            continue;
        }
        for ca in &pa.cells {
            let label = a.config(&ca.config).map(|c| c.label.as_str()).unwrap_or(&ca.config);
            let name = format!("{}, {label}, T={}", pa.name, ca.threads);
            let Some(cb) = pb.cell(&ca.config, ca.threads) else {
                skipped.push(format!("{name}: only in A"));
                continue;
            };
            match (pa.median(&ca.config, ca.threads), pb.median(&cb.config, cb.threads), ca.wall, cb.wall) {
                (Some(ta), Some(tb), Some(wa), Some(wb)) if tb > 0.0 => rows.push(Row {
                    name,
                    a: ta,
                    b: tb,
                    speedup: ta / tb,
                    overlap: wa.min <= wb.max && wb.min <= wa.max,
                }),
                _ => skipped.push(format!("{name}: failed in A or B")),
            }
        }
        for cb in &pb.cells {
            if pa.cell(&cb.config, cb.threads).is_none() {
                skipped.push(format!("{}, {}, T={}: only in B", pb.name, cb.config, cb.threads));
            }
        }
    }
    for pb in &b.programs {
        if !a.programs.iter().any(|p| p.name == pb.name) {
            skipped.push(format!("{}: only in B", pb.name));
        }
    }
    let geometric_mean = geometric_mean(&rows.iter().map(|r| r.speedup).collect::<Vec<_>>());
    Comparison { rows, skipped, geometric_mean }
}

fn verdict(speedup: f64) -> String {
    if speedup >= 1.0 { format!("{speedup:.2}x faster") } else { format!("{:.2}x slower", 1.0 / speedup) }
}

/// The report `compare` prints.
pub fn render(c: &Comparison, a_name: &str, b_name: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "A = {a_name}\nB = {b_name}\n");
    for r in &c.rows {
        let _ = writeln!(
            s,
            "{}: {:.3} s -> {:.3} s: {}{}",
            r.name,
            r.a,
            r.b,
            verdict(r.speedup),
            if r.overlap { " (not significant: the run ranges overlap)" } else { "" }
        );
    }
    if !c.skipped.is_empty() {
        let _ = writeln!(s, "\nSkipped:");
        for k in &c.skipped {
            let _ = writeln!(s, "  {k}");
        }
    }
    match c.geometric_mean {
        Some(g) => {
            let _ = writeln!(s, "\nGeometric mean of {} comparisons: {}", c.rows.len(), verdict(g));
        }
        None => {
            let _ = writeln!(s, "\nNothing to compare.");
        }
    }
    s
}
