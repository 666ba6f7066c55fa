//! Tables of one program's results, in Markdown (readable as plain text too): wall and CPU
//! time per thread count and configuration, speedup and efficiency against each configuration's
//! own T=1 and against the single-threaded baseline, the spread of the runs and peak memory.
//! Also the speedup arithmetic the plots share. Pure formatting: reads results, writes strings.

use crate::configs::BASELINE;
use crate::programs::Scaling;
use crate::results::{ProgramResult, Results, Status};
use std::fmt::Write;

/// Speedup of `config` at `threads` against `reference` at T=1. Strong scaling: t_ref / t_T;
/// weak scaling (each thread does the T=1 work): T · t_ref / t_T.
pub fn speedup(p: &ProgramResult, config: &str, threads: usize, reference: &str) -> Option<f64> {
    let t_ref = p.median(reference, 1)?;
    let t = p.median(config, threads)?;
    if threads == 0 {
        return None;
    }
    let work = match p.scaling {
        Scaling::Strong => 1.0,
        Scaling::Weak => threads as f64,
    };
    let s = work * t_ref / t;
    (t > 0.0 && s.is_finite()).then_some(s)
}

/// The thread counts and configurations that appear in a program's cells, in run order.
pub fn axes(p: &ProgramResult) -> (Vec<usize>, Vec<String>) {
    let mut threads: Vec<usize> = Vec::new();
    let mut configs: Vec<String> = Vec::new();
    for c in &p.cells {
        if !threads.contains(&c.threads) {
            threads.push(c.threads);
        }
        if !configs.contains(&c.config) {
            configs.push(c.config.clone());
        }
    }
    threads.sort_unstable();
    (threads, configs)
}

/// The tables of one program under a heading of `level` (`###`).
pub fn program_markdown(r: &Results, p: &ProgramResult, level: &str) -> String {
    let (threads, configs) = axes(p);
    let label = |id: &str| r.config(id).map(|c| c.label.clone()).unwrap_or_else(|| id.to_string());
    let mut s = String::new();
    let outcome = match (&p.checksum, &p.mismatch) {
        (_, Some(m)) => format!("**CHECKSUM MISMATCH**: {}", m.replace('|', "\\|")),
        (Some(sum), None) => format!("checksum `{sum}`"),
        (None, None) if p.cells.iter().any(|c| c.checksum.is_some()) => {
            "checksums agree at each thread count".to_string()
        }
        (None, None) => "no run succeeded".to_string(),
    };
    let _ = writeln!(s, "{level} {} ({}, size {}): {outcome}\n", p.name, p.scaling, p.size);
    let header = |s: &mut String| {
        let _ = writeln!(s, "| threads | {} |", configs.iter().map(|c| label(c)).collect::<Vec<_>>().join(" | "));
        let _ = writeln!(s, "|---:|{}", "---|".repeat(configs.len()));
    };
    let failure = |config: &str, t: usize| -> Option<String> {
        let cell = p.cell(config, t)?;
        match cell.status {
            Status::Ok => None,
            Status::TimedOut => Some("timed out".to_string()),
            Status::Failed => Some(format!("failed: {}", cell.error.as_deref().unwrap_or("?").replace('|', "\\|"))),
        }
    };
    let rows = |s: &mut String, f: &dyn Fn(&str, usize) -> Option<String>| {
        for &t in &threads {
            let cells: Vec<String> =
                configs.iter().map(|c| failure(c, t).or_else(|| f(c, t)).unwrap_or_else(|| "–".to_string())).collect();
            let _ = writeln!(s, "| {t} | {} |", cells.join(" | "));
        }
    };

    let runs = p.cells.iter().map(|c| c.runs.len()).max().unwrap_or(0);
    let _ = writeln!(s, "Median of {runs} run{}:\n", if runs == 1 { "" } else { "s" });
    header(&mut s);
    rows(&mut s, &|c, t| {
        let cell = p.cell(c, t)?;
        Some(format!("real {:.3} s / user+sys {:.3} s", cell.wall?.median, cell.user_sys?.median))
    });

    let formula = match p.scaling {
        Scaling::Strong => "S = t₁ / t_T",
        Scaling::Weak => "S = T · t₁ / t_T, each thread doing the T=1 work",
    };
    let pct = |c: &str, t: usize, reference: &str| {
        speedup(p, c, t, reference).map(|x| format!("{x:.2}× ({:.0} %)", 100.0 * x / t as f64))
    };
    let _ = writeln!(s, "\nSpeedup S and efficiency S/T against the configuration's own T=1 ({formula}):\n");
    header(&mut s);
    rows(&mut s, &|c, t| pct(c, t, c));
    if configs.iter().any(|c| c == BASELINE) && p.median(BASELINE, 1).is_some() {
        let _ = writeln!(
            s,
            "\nSpeedup S and efficiency S/T against the single-threaded baseline ({} at T=1):\n",
            label(BASELINE)
        );
        header(&mut s);
        rows(&mut s, &|c, t| pct(c, t, BASELINE));
    }
    let _ = writeln!(s, "\nRanges (min–max) of wall and user+sys time, and peak RSS:\n");
    header(&mut s);
    rows(&mut s, &|c, t| {
        let cell = p.cell(c, t)?;
        let (w, u) = (cell.wall?, cell.user_sys?);
        let rss = cell.peak_rss_kib? as f64 / 1024.0;
        Some(format!("real {:.3}–{:.3} s / user+sys {:.3}–{:.3} s, {rss:.1} MiB", w.min, w.max, u.min, u.max))
    });
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::Cell;
    use crate::stats::Summary;

    fn program(scaling: Scaling, cells: &[(&str, usize, f64)]) -> ProgramResult {
        ProgramResult {
            name: "p".into(),
            scaling,
            size: 1,
            checksum: None,
            mismatch: None,
            cells: cells
                .iter()
                .map(|&(config, threads, t)| Cell {
                    config: config.into(),
                    threads,
                    status: Status::Ok,
                    error: None,
                    checksum: None,
                    runs: vec![],
                    wall: Summary::of(&[t]),
                    user_sys: Summary::of(&[t]),
                    peak_rss_kib: None,
                })
                .collect(),
        }
    }

    #[test]
    fn strong_and_weak_speedups() {
        let cells = [("gil", 1, 4.0), ("stm", 1, 4.0), ("stm", 2, 2.0), ("stm", 4, 4.0)];
        let strong = program(Scaling::Strong, &cells);
        assert_eq!(speedup(&strong, "stm", 2, "stm"), Some(2.0));
        assert_eq!(speedup(&strong, "stm", 4, "stm"), Some(1.0));
        // Weak: each thread does the T=1 work, so T=4 in the T=1 time is a speedup of 4.
        let weak = program(Scaling::Weak, &cells);
        assert_eq!(speedup(&weak, "stm", 2, "stm"), Some(4.0));
        assert_eq!(speedup(&weak, "stm", 4, "gil"), Some(4.0));
        assert_eq!(speedup(&weak, "gil", 2, "gil"), None);
        let zero = program(Scaling::Strong, &[("stm", 1, 1.0), ("stm", 0, 1.0), ("stm", 2, 0.0)]);
        assert_eq!(speedup(&zero, "stm", 0, "stm"), None);
        assert_eq!(speedup(&zero, "stm", 2, "stm"), None);
    }

    #[test]
    fn failures_do_not_break_the_table() {
        let mut p = program(Scaling::Strong, &[("stm", 1, 1.0), ("stm", 2, 1.0)]);
        p.cells[1].status = Status::Failed;
        p.cells[1].error = Some("exited with status 1: a | b".into());
        let r = crate::results::Results {
            schema: 1,
            machine: crate::results::Machine::this(std::path::Path::new(".")),
            options: crate::results::Options {
                command_line: vec![],
                threads: vec![1, 2],
                runs: 1,
                warmups: 0,
                timeout_s: 1.0,
                quick: false,
            },
            configs: vec![],
            notes: vec![],
            programs: vec![],
        };
        let md = program_markdown(&r, &p, "##");
        assert!(md.contains("| 2 | failed: exited with status 1: a \\| b |"), "{md}");
        for line in md.lines().filter(|l| l.starts_with('|')) {
            assert_eq!(line.replace("\\|", "").matches('|').count(), 3, "{line}");
        }
    }
}
