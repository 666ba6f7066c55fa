//! The `pystm-bench` command line: `run`, `compare` and `report` (see `lib.rs` for the parts).
//! Exit status: 0 when everything ran and agreed; 1 when a run failed, timed out or printed a
//! different checksum (the results are still written), or a file could not be read or written;
//! 2 for a usage error (bad option, unknown program or configuration, pystm not built).

use bench::configs::{self, Interpreters};
use bench::results::{Machine, Options, Results, SCHEMA, Status};
use bench::runner::{self, Plan};
use bench::{compare, programs, report, table};
use clap::{Args, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "pystm-bench",
    version,
    about = "Runs Python benchmark programs under pystm's STM mode at several thread counts, the -X gil \
             single-threaded baseline, and other Python interpreters, and reports speedups.",
    after_help = "Each program is run as `INTERPRETER PROGRAM.py THREADS SIZE` and must print a checksum; \
                  a program's header line `# pystm-bench: scaling=strong|weak size=N [quick=N]` gives its \
                  scaling mode and default size."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run benchmark programs and print a table per program; write JSON results and SVG plots.
    Run(Box<RunArgs>),
    /// Compare two results files: per benchmark ratio and the geometric mean (like pyperf compare_to).
    Compare {
        /// The reference results (A).
        a: PathBuf,
        /// The results compared against A (B).
        b: PathBuf,
    },
    /// Regenerate the results section of a Markdown file (and the plots) from results files.
    Report {
        /// Results files written by `run`.
        #[arg(required = true)]
        results: Vec<PathBuf>,
        /// The Markdown file whose generated section is replaced.
        #[arg(long, default_value = "docs/benchmarks.md")]
        doc: PathBuf,
    },
}

#[derive(Args)]
struct RunArgs {
    /// Programs to run: names in the program directory or paths (default: all of them).
    programs: Vec<String>,
    /// Directory holding the benchmark programs.
    #[arg(long, default_value_os_t = default_programs_dir())]
    programs_dir: PathBuf,
    /// Configurations, comma-separated, from: stm, gil, cpython, pypy, ft (free-threaded CPython).
    /// Missing optional interpreters are skipped with a note.
    #[arg(long, value_delimiter = ',', default_value = "stm,gil,cpython,pypy,ft")]
    configs: Vec<String>,
    /// Thread counts, comma-separated (default: 1, 2, 4 … up to --max-threads). T=1 is always
    /// measured: speedups are against it.
    #[arg(long, value_delimiter = ',')]
    threads: Option<Vec<usize>>,
    /// The largest thread count of the default sweep (default: the number of CPUs).
    #[arg(long)]
    max_threads: Option<usize>,
    /// Program size: N for every program, or NAME=N for one (repeatable; NAME=N wins over N).
    /// Default: each program's own size.
    #[arg(long)]
    size: Vec<String>,
    /// Use each program's small `quick` size (a smoke test, not a measurement).
    #[arg(long)]
    quick: bool,
    /// Measured runs per cell.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    runs: u64,
    /// Warm-up runs per cell, not measured.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(0..=10_000))]
    warmups: u64,
    /// Seconds after which a run is killed and reported as timed out.
    #[arg(long, default_value_t = 300.0)]
    timeout: f64,
    /// Results file (JSON); the plots are written beside it as NAME-PROGRAM.svg.
    #[arg(long, short, default_value = "bench/results/latest.json")]
    out: PathBuf,
    /// The pystm binary (default: the one next to pystm-bench).
    #[arg(long)]
    pystm: Option<PathBuf>,
    /// CPython interpreter (default: python3 on PATH).
    #[arg(long)]
    cpython: Option<String>,
    /// PyPy interpreter (default: pypy3 on PATH).
    #[arg(long)]
    pypy: Option<String>,
    /// Free-threaded CPython (default: python3.14t or python3.13t on PATH).
    #[arg(long)]
    ft: Option<String>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

fn default_programs_dir() -> PathBuf {
    let here = PathBuf::from("bench/programs");
    if here.is_dir() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("programs") }
}

/// An error and the exit status it deserves.
struct Fail(u8, String);

fn main() -> ExitCode {
    bench::measure::install_signal_handlers();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Run(args) => run(*args),
        Command::Compare { a, b } => (|| {
            let (ra, rb) = (Results::read(&a).map_err(|e| Fail(1, e))?, Results::read(&b).map_err(|e| Fail(1, e))?);
            let c = compare::compare(&ra, &rb);
            print!("{}", compare::render(&c, &a.display().to_string(), &b.display().to_string()));
            Ok(0)
        })(),
        Command::Report { results, doc } => (|| {
            let runs = results
                .into_iter()
                .map(|p| Results::read(&p).map(|r| (p, r)))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| Fail(1, e))?;
            report::update_doc(&doc, &runs).map_err(|e| Fail(1, e))?;
            println!("updated {}", doc.display());
            Ok(0)
        })(),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, msg)) => {
            eprintln!("pystm-bench: error: {msg}");
            ExitCode::from(code)
        }
    }
}

fn thread_sweep(max: usize) -> Vec<usize> {
    let mut v: Vec<usize> =
        std::iter::successors(Some(1usize), |t| t.checked_mul(2)).take_while(|&t| t <= max).collect();
    if v.last() != Some(&max) {
        v.push(max);
    }
    v
}

fn run(args: RunArgs) -> Result<u8, Fail> {
    let usage = |e: String| Fail(2, e);
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let threads = match &args.threads {
        Some(t) if t.is_empty() || t.contains(&0) => return Err(usage("--threads needs positive counts".into())),
        Some(t) => {
            let mut t = t.clone();
            if !t.contains(&1) {
                eprintln!("note: adding T=1 to --threads: speedups and efficiencies are measured against it");
                t.push(1);
            }
            t.sort_unstable();
            t.dedup();
            t
        }
        None => thread_sweep(args.max_threads.unwrap_or(cpus).max(1)),
    };
    let timeout = Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| usage(format!("--timeout {}: not a usable number of seconds", args.timeout)))?;
    let selected = programs::select(&args.programs_dir, &args.programs).map_err(usage)?;
    // --size: N for all, NAME=N for one program (which wins over N, whatever the order).
    let (mut all_size, mut named) = (None, Vec::new());
    for s in &args.size {
        let num =
            |n: &str| n.replace('_', "").parse::<u64>().map_err(|_| usage(format!("bad --size `{s}` (N or NAME=N)")));
        match s.split_once('=') {
            Some((name, n)) => {
                if !selected.iter().any(|p| p.name == name) {
                    return Err(usage(format!("--size `{s}`: no selected program is named `{name}`")));
                }
                named.push((name.to_string(), num(n)?));
            }
            None => all_size = Some(num(s)?),
        }
    }
    let sizes: Vec<_> = selected
        .into_iter()
        .map(|p| {
            let own = if args.quick { p.quick_size.unwrap_or(p.size) } else { p.size };
            let size = named.iter().rev().find(|(n, _)| *n == p.name).map(|(_, s)| *s).or(all_size).unwrap_or(own);
            (p, size)
        })
        .collect();
    let interps = Interpreters {
        pystm: args.pystm.clone(),
        cpython: args.cpython.clone(),
        pypy: args.pypy.clone(),
        ft: args.ft.clone(),
    };
    let mut notes = Vec::new();
    let configs = configs::resolve(&args.configs, &interps, &mut notes).map_err(usage)?;
    for n in &notes {
        eprintln!("{n}");
    }
    // The commit recorded is that of the checkout the measured pystm was built in (its binary
    // lives in that checkout's target/), else this harness's own.
    let repo = configs
        .iter()
        .find(|c| c.id == "stm" || c.id == "gil")
        .and_then(|c| Path::new(&c.command[0]).parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let machine = Machine::this(&repo);
    let mut results = Results {
        schema: SCHEMA,
        machine,
        options: Options {
            command_line: std::iter::once("pystm-bench".to_string()).chain(std::env::args().skip(1)).collect(),
            threads: threads.clone(),
            runs: args.runs as usize,
            warmups: args.warmups as usize,
            timeout_s: args.timeout,
            quick: args.quick,
        },
        configs: configs.clone(),
        notes,
        programs: Vec::new(),
    };
    println!("# pystm-bench: {}\n", results.machine.summary());
    let plan = Plan {
        programs: &sizes,
        configs: &configs,
        threads: &threads,
        runs: args.runs as usize,
        warmups: args.warmups as usize,
        timeout,
        progress: !args.quiet && std::io::stderr().is_terminal(),
    };
    let shown = results.clone();
    results.programs = runner::run(&plan, |p| {
        println!("{}", table::program_markdown(&shown, p, "##"));
        if let Some(m) = &p.mismatch {
            eprintln!("pystm-bench: CHECKSUM MISMATCH in {}: {m}", p.name);
        }
    });
    results.write(&args.out).map_err(|e| Fail(1, e))?;
    let plots = report::write_plots(&results, &args.out).map_err(|e| Fail(1, e))?;
    println!(
        "Results: {} (plots: {})",
        args.out.display(),
        plots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    let mut bad = Vec::new();
    for p in &results.programs {
        if p.mismatch.is_some() {
            bad.push(format!("{}: checksum mismatch", p.name));
        }
        for c in p.cells.iter().filter(|c| c.status != Status::Ok) {
            bad.push(format!("{} {} T={}: {}", p.name, c.config, c.threads, c.error.as_deref().unwrap_or("failed")));
        }
    }
    if bad.is_empty() {
        Ok(0)
    } else {
        eprintln!("pystm-bench: {} problem(s):", bad.len());
        for b in &bad {
            eprintln!("  {b}");
        }
        Ok(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweeps_double_and_end_at_the_maximum() {
        assert_eq!(thread_sweep(1), [1]);
        assert_eq!(thread_sweep(2), [1, 2]);
        assert_eq!(thread_sweep(16), [1, 2, 4, 8, 16]);
        assert_eq!(thread_sweep(6), [1, 2, 4, 6]);
    }
}
