//! The `run` command's measuring loop: for each program, warm-up runs of every cell
//! (configuration × thread count), then the measured runs in alternation between cells (the
//! order reversed every other round, so drift on the machine spreads evenly), checksums compared
//! across every run of every cell, failures and time-outs recorded per cell, and a progress bar
//! with what is running and the time left.
//!
//! It produces `ProgramResult`s; printing tables, JSON and plots is the caller's business.

use crate::configs::Config;
use crate::measure::{self, Ended, Measurement};
use crate::programs::{Program, Scaling};
use crate::results::{Cell, ProgramResult, Run, Status};
use crate::stats::Summary;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::time::Duration;

pub struct Plan<'a> {
    pub programs: &'a [(Program, u64)],
    pub configs: &'a [Config],
    pub threads: &'a [usize],
    pub runs: usize,
    pub warmups: usize,
    pub timeout: Duration,
    pub progress: bool,
}

/// The longest output taken as a checksum.
pub const MAX_CHECKSUM: usize = 4096;

/// A cell being measured.
struct Live {
    config: usize,
    threads: usize,
    runs: Vec<Run>,
    /// Checksum → how many runs printed it.
    checksums: BTreeMap<String, usize>,
    failure: Option<(Status, String)>,
}

/// Runs the plan; `done` is called with each program's result as soon as it is complete (the
/// progress bar is suspended meanwhile, so the callback may print).
pub fn run(plan: &Plan, mut done: impl FnMut(&ProgramResult)) -> Vec<ProgramResult> {
    let cells_per_program = plan.configs.len() * plan.threads.len();
    let total = (plan.programs.len() * cells_per_program * (plan.warmups + plan.runs)) as u64;
    let bar = if plan.progress {
        ProgressBar::new(total)
    } else {
        ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden())
    };
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} runs, {eta} left: {msg}")
            .expect("progress template")
            .progress_chars("=> "),
    );
    if plan.progress {
        bar.enable_steady_tick(Duration::from_millis(250));
    }
    let mut results = Vec::new();
    for (program, size) in plan.programs {
        let mut live: Vec<Live> = (0..plan.configs.len())
            .flat_map(|config| {
                plan.threads.iter().map(move |&threads| Live {
                    config,
                    threads,
                    runs: Vec::new(),
                    checksums: BTreeMap::new(),
                    failure: None,
                })
            })
            .collect();
        let rounds = plan.warmups + plan.runs;
        for round in 0..rounds {
            let warm = round < plan.warmups;
            let order: Vec<usize> =
                if round % 2 == 0 { (0..live.len()).collect() } else { (0..live.len()).rev().collect() };
            for i in order {
                let cell = &mut live[i];
                if cell.failure.is_some() {
                    bar.inc(1);
                    continue;
                }
                let config = &plan.configs[cell.config];
                bar.set_message(format!(
                    "{} · {} · T={} · {}",
                    program.name,
                    config.label,
                    cell.threads,
                    if warm {
                        format!("warm-up {}/{}", round + 1, plan.warmups)
                    } else {
                        format!("run {}/{}", round - plan.warmups + 1, plan.runs)
                    }
                ));
                let mut argv = config.command.clone();
                argv.extend([program.path.to_string_lossy().into_owned(), cell.threads.to_string(), size.to_string()]);
                match measure::measure(&argv, plan.timeout, &[]) {
                    Err(e) => cell.failure = Some((Status::Failed, format!("could not start `{}`: {e}", argv[0]))),
                    Ok(m) => record(cell, m, warm, plan.timeout),
                }
                bar.inc(1);
            }
        }
        let result = summarize(program, *size, plan, live);
        bar.suspend(|| done(&result));
        results.push(result);
    }
    bar.finish_and_clear();
    results
}

fn record(cell: &mut Live, m: Measurement, warm: bool, timeout: Duration) {
    let failure = match m.ended {
        Ended::Exit(0) if m.stdout.trim().is_empty() => Some((Status::Failed, "printed no checksum".to_string())),
        Ended::Exit(0) if m.stdout.trim().chars().count() > MAX_CHECKSUM => Some((
            Status::Failed,
            format!("printed {} bytes, not a checksum (at most {MAX_CHECKSUM} characters)", m.stdout.len()),
        )),
        Ended::Exit(0) => None,
        Ended::Exit(code) => Some((Status::Failed, format!("exited with status {code}{}", tail(&m.stderr)))),
        Ended::Signal(sig) => Some((Status::Failed, format!("killed by signal {sig}{}", tail(&m.stderr)))),
        Ended::TimedOut => Some((Status::TimedOut, format!("timed out after {} s", timeout.as_secs_f64()))),
    };
    if failure.is_some() {
        cell.failure = failure;
        return;
    }
    *cell.checksums.entry(m.stdout.trim().to_string()).or_default() += 1;
    if !warm {
        cell.runs.push(Run { wall: m.wall, user_sys: m.user_sys, max_rss_kib: m.max_rss_kib });
    }
}

/// The last lines of a failed run's standard error, for the error message.
fn tail(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.trim_end().lines().collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(": {}", lines[lines.len().saturating_sub(3)..].join(" ↵ "))
}

/// Checks the checksums: every run of every cell must print the same one, except that a
/// weak-scaling program's work (so its checksum) may depend on the thread count, so there they
/// are compared among the cells of each thread count.
fn summarize(program: &Program, size: u64, plan: &Plan, live: Vec<Live>) -> ProgramResult {
    // Per group (one group, or one per thread count): every checksum, with the cells that printed it.
    let mut groups: BTreeMap<usize, BTreeMap<&str, Vec<String>>> = BTreeMap::new();
    for cell in &live {
        let group = match program.scaling {
            Scaling::Strong => 0,
            Scaling::Weak => cell.threads,
        };
        for sum in cell.checksums.keys() {
            groups
                .entry(group)
                .or_default()
                .entry(sum)
                .or_default()
                .push(format!("{} T={}", plan.configs[cell.config].label, cell.threads));
        }
    }
    let mut problems = Vec::new();
    for printed in groups.values().filter(|p| p.len() > 1) {
        problems.extend(printed.iter().map(|(sum, who)| format!("{} printed {sum:?}", who.join(", "))));
    }
    let mismatch = (!problems.is_empty()).then(|| format!("checksums differ: {}", problems.join("; ")));
    let all: std::collections::BTreeSet<&str> = groups.values().flat_map(|p| p.keys().copied()).collect();
    let checksum = (all.len() == 1).then(|| all.iter().next().unwrap().to_string());
    let cells = live
        .into_iter()
        .map(|cell| {
            let walls: Vec<f64> = cell.runs.iter().map(|r| r.wall).collect();
            let cpu: Vec<f64> = cell.runs.iter().map(|r| r.user_sys).collect();
            let (status, error) = match cell.failure {
                Some((status, error)) => (status, Some(error)),
                None => (Status::Ok, None),
            };
            Cell {
                checksum: (cell.checksums.len() == 1).then(|| cell.checksums.keys().next().unwrap().clone()),
                config: plan.configs[cell.config].id.clone(),
                threads: cell.threads,
                status,
                error,
                wall: Summary::of(&walls),
                user_sys: Summary::of(&cpu),
                peak_rss_kib: cell.runs.iter().map(|r| r.max_rss_kib).max(),
                runs: cell.runs,
            }
        })
        .collect();
    ProgramResult { name: program.name.clone(), scaling: program.scaling, size, checksum, mismatch, cells }
}
