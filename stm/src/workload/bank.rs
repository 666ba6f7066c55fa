//! The bank-transfer stress workload: accounts are heap objects, threads move money between
//! random accounts in transactions of several transfers, and each thread counts its transfers in
//! a heap counter inside the same transactions. Invariants: the total balance never changes, and
//! the transfers counted in the heap equal the transfers of the transactions that committed —
//! nothing lost, nothing applied twice.

use super::{Rng, SizeInTypeid, new_objects};
use crate::{Abort, Config, ObjRef, Stats, Stm, StmError, Thread};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const BALANCE: u64 = 8;

/// How to run the workload.
#[derive(Clone, Debug)]
pub struct BankConfig {
    pub accounts: usize,
    pub threads: usize,
    /// STM segments (`N`); fewer than `threads` makes threads wait for segments.
    pub segments: usize,
    /// Transfers per transaction, drawn uniformly from `min_transfers..=max_transfers`.
    pub min_transfers: usize,
    pub max_transfers: usize,
    /// Stop after this long (if set) ...
    pub duration: Option<Duration>,
    /// ... or after this many committed transactions per thread.
    pub transactions_per_thread: u64,
    pub seed: u64,
}

impl Default for BankConfig {
    fn default() -> Self {
        BankConfig {
            accounts: 1000,
            threads: 2,
            segments: 2,
            min_transfers: 1,
            max_transfers: 100,
            duration: None,
            transactions_per_thread: 1000,
            seed: 1,
        }
    }
}

/// What a run did.
#[derive(Clone, Debug)]
pub struct BankReport {
    /// Transfers in committed transactions, as counted by the threads.
    pub transfers: u64,
    /// Committed transactions (excluding set-up and check).
    pub transactions: u64,
    /// Transfers as counted in the heap counters.
    pub transfers_in_heap: u64,
    pub total_before: u64,
    pub total_after: u64,
    pub elapsed: Duration,
    /// Sum of the worker threads' statistics.
    pub stats: Stats,
}

impl BankReport {
    /// Checks the invariants; the error says which one broke.
    pub fn check(&self) -> Result<(), String> {
        if self.total_before != self.total_after {
            return Err(format!("money changed: {} before, {} after", self.total_before, self.total_after));
        }
        if self.transfers != self.transfers_in_heap {
            return Err(format!(
                "{} transfers committed but {} counted in the heap",
                self.transfers, self.transfers_in_heap
            ));
        }
        Ok(())
    }
    /// Committed transfers per second.
    pub fn transfers_per_sec(&self) -> f64 {
        self.transfers as f64 / self.elapsed.as_secs_f64()
    }
    /// Aborts per committed transaction.
    pub fn abort_rate(&self) -> f64 {
        self.stats.total_aborts() as f64 / self.transactions.max(1) as f64
    }
}

/// Runs the workload on a new STM.
pub fn run(cfg: &BankConfig) -> Result<BankReport, StmError> {
    let stm = Stm::new(Config::with_segments(cfg.segments), SizeInTypeid)?;
    run_on(&stm, cfg)
}

/// Runs the workload on `stm` (which must use [`SizeInTypeid`]).
pub fn run_on(stm: &Arc<Stm>, cfg: &BankConfig) -> Result<BankReport, StmError> {
    assert!(cfg.accounts >= 2 && cfg.min_transfers >= 1 && cfg.min_transfers <= cfg.max_transfers);
    let (accounts, counters) = {
        let mut th = stm.thread();
        th.start();
        let accounts = new_objects(stm, &mut th, cfg.accounts, 16)?;
        let counters = new_objects(stm, &mut th, cfg.threads, 16)?;
        for (i, &a) in accounts.iter().enumerate() {
            th.store_u64(a, BALANCE, 1000 + i as u64);
        }
        th.commit().expect("set-up transaction cannot conflict");
        (accounts, counters)
    };
    let total_before = (0..cfg.accounts as u64).map(|i| 1000 + i).sum();
    let stop = AtomicBool::new(false);
    let go = Barrier::new(cfg.threads + 1);
    let mut t0 = Instant::now();
    let results: Vec<(u64, u64, Stats)> = std::thread::scope(|sc| {
        let workers: Vec<_> = (0..cfg.threads)
            .map(|t| {
                let (accounts, counter, stop, go) = (&accounts, counters[t], &stop, &go);
                let mut rng = Rng::new(cfg.seed.wrapping_mul(1000).wrapping_add(t as u64));
                sc.spawn(move || {
                    go.wait();
                    worker(stm, cfg, accounts, counter, stop, &mut rng)
                })
            })
            .collect();
        go.wait();
        t0 = Instant::now();
        if let Some(d) = cfg.duration {
            std::thread::sleep(d);
            stop.store(true, Ordering::Relaxed);
        }
        workers.into_iter().map(|w| w.join().expect("worker thread panicked")).collect()
    });
    let elapsed = t0.elapsed();
    let mut th = stm.thread();
    th.start();
    let mut total_after = 0u64;
    for &a in &accounts {
        th.read(a);
        total_after = total_after.wrapping_add(th.load_u64(a, BALANCE));
    }
    let mut transfers_in_heap = 0;
    for &c in &counters {
        th.read(c);
        transfers_in_heap += th.load_u64(c, BALANCE);
    }
    th.commit().expect("read-only check cannot conflict");
    let mut stats = Stats::default();
    let (mut transfers, mut transactions) = (0, 0);
    for (tr, tx, st) in &results {
        transfers += tr;
        transactions += tx;
        stats.add(st);
    }
    Ok(BankReport { transfers, transactions, transfers_in_heap, total_before, total_after, elapsed, stats })
}

fn worker(
    stm: &Arc<Stm>,
    cfg: &BankConfig,
    accounts: &[ObjRef],
    counter: ObjRef,
    stop: &AtomicBool,
    rng: &mut Rng,
) -> (u64, u64, Stats) {
    let mut th = stm.thread();
    let (mut transfers, mut transactions) = (0u64, 0u64);
    let n = accounts.len() as u64;
    let mut plan = Vec::new();
    loop {
        if cfg.duration.is_some() {
            if stop.load(Ordering::Relaxed) {
                break;
            }
        } else if transactions >= cfg.transactions_per_thread {
            break;
        }
        let k = rng.range(cfg.min_transfers as u64, cfg.max_transfers as u64);
        plan.clear();
        for _ in 0..k {
            let a = rng.range(0, n - 1);
            let b = (a + rng.range(1, n - 1)) % n;
            plan.push((accounts[a as usize], accounts[b as usize], rng.range(1, 100)));
        }
        loop {
            th.start();
            if transfer_all(&mut th, &plan, counter).is_ok() && th.commit().is_ok() {
                break;
            }
        }
        transfers += k;
        transactions += 1;
    }
    let stats = th.stats();
    (transfers, transactions, stats)
}

fn transfer_all(th: &mut Thread, plan: &[(ObjRef, ObjRef, u64)], counter: ObjRef) -> Result<(), Abort> {
    for &(a, b, amount) in plan {
        th.safe_point()?;
        th.write(a)?;
        th.write(b)?;
        th.write(counter)?;
        th.store_u64(a, BALANCE, th.load_u64(a, BALANCE).wrapping_sub(amount));
        th.store_u64(b, BALANCE, th.load_u64(b, BALANCE).wrapping_add(amount));
        th.store_u64(counter, BALANCE, th.load_u64(counter, BALANCE) + 1);
    }
    Ok(())
}
