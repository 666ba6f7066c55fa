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
    let work = match p.scaling {
        Scaling::Strong => 1.0,
        Scaling::Weak => threads as f64,
    };
    (t > 0.0).then(|| work * t_ref / t)
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
        (_, Some(m)) => format!("**CHECKSUM MISMATCH**: {m}"),
        (Some(sum), None) => format!("checksum `{sum}`"),
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
            Status::Failed => Some(format!("failed: {}", cell.error.as_deref().unwrap_or("?"))),
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
    let _ = writeln!(s, "\nWall time range (min–max) and peak RSS:\n");
    header(&mut s);
    rows(&mut s, &|c, t| {
        let cell = p.cell(c, t)?;
        let w = cell.wall?;
        Some(format!("{:.3}–{:.3} s, {:.1} MiB", w.min, w.max, cell.peak_rss_kib? as f64 / 1024.0))
    });
    s
}
