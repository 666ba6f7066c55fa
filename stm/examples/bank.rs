//! The STM stress demo: threads move money between accounts that live in STM segments, then the
//! invariants are checked (the total never changes; every committed transfer is counted once).
//!
//! cargo run --release -p stm --example bank -- [--threads N] [--segments N] [--accounts N]
//!     [--transfers MIN-MAX] [--seconds S] [--seed N]

use std::process::ExitCode;
use std::time::Duration;
use stm::workload::bank::{BankConfig, run};

const USAGE: &str =
    "usage: bank [--threads N] [--segments N] [--accounts N] [--transfers MIN-MAX] [--seconds S] [--seed N]";

fn parse(args: &[String]) -> Result<BankConfig, String> {
    let mut cfg = BankConfig { accounts: 10_000, duration: Some(Duration::from_secs(2)), ..BankConfig::default() };
    let mut segments = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Err(String::new());
        }
        let val = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let num = |v: &str| v.parse::<u64>().map_err(|_| format!("{flag}: not a number: {v}"));
        match flag.as_str() {
            "--threads" => cfg.threads = num(val)? as usize,
            "--segments" => segments = Some(num(val)? as usize),
            "--accounts" => cfg.accounts = num(val)? as usize,
            "--seed" => cfg.seed = num(val)?,
            "--seconds" => {
                let s: f64 = val.parse().map_err(|_| format!("--seconds: not a number: {val}"))?;
                if !(s > 0.0 && s < 1e6) {
                    return Err(format!("--seconds: out of range: {val}"));
                }
                cfg.duration = Some(Duration::from_secs_f64(s));
            }
            "--transfers" => {
                let (lo, hi) = val.split_once('-').unwrap_or((val, val));
                cfg.min_transfers = num(lo)? as usize;
                cfg.max_transfers = num(hi)? as usize;
            }
            _ => return Err(format!("unknown option: {flag}")),
        }
    }
    cfg.segments = segments.unwrap_or(cfg.threads);
    if cfg.threads == 0 || cfg.accounts < 2 || cfg.min_transfers == 0 || cfg.min_transfers > cfg.max_transfers {
        return Err("need --threads >= 1, --accounts >= 2 and 1 <= MIN <= MAX transfers".into());
    }
    Ok(cfg)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cfg = match parse(&args) {
        Ok(c) => c,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("bank: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    println!(
        "pystm STM bank demo: {} threads on {} segments, {} accounts, {}-{} transfers per transaction, {:.1}s",
        cfg.threads,
        cfg.segments,
        cfg.accounts,
        cfg.min_transfers,
        cfg.max_transfers,
        cfg.duration.unwrap_or_default().as_secs_f64()
    );
    let report = match run(&cfg) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bank: {e}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{} transfers in {} transactions, {:.0} transfers/s, {:.3} aborts per commit",
        report.transfers,
        report.transactions,
        report.transfers_per_sec(),
        report.abort_rate()
    );
    println!("stats: {}", report.stats);
    match report.check() {
        Ok(()) => {
            println!(
                "invariants hold: total balance {} before and after; {} transfers counted in the heap",
                report.total_after, report.transfers_in_heap
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("INVARIANT BROKEN: {e}");
            ExitCode::FAILURE
        }
    }
}
