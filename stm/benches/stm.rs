//! Micro-benchmarks of the STM core (not tests): barrier fast paths, privatization, commit cost,
//! bank-transfer throughput. Prints markdown tables for docs/benchmarks.md.
//!
//! cargo bench -p stm                 # everything
//! cargo bench -p stm -- bank         # only sections whose name contains "bank"
//! cargo bench -p stm -- --threads 1,2,4,8,16 --seconds 2 --reps 3 bank   # bank options

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};
use stm::workload::bank::{BankConfig, run};
use stm::workload::{SizeInTypeid, new_objects};
use stm::*;

fn heap(segments: usize) -> Arc<Stm> {
    Stm::new(Config { heap_limit: 4 << 30, ..Config::with_segments(segments) }, SizeInTypeid).unwrap()
}

fn committed(stm: &Arc<Stm>, n: usize, size: usize) -> Vec<ObjRef> {
    let mut th = stm.thread();
    th.start();
    let objs = new_objects(stm, &mut th, n, size).unwrap();
    th.commit().unwrap();
    objs
}

fn best_of<F: FnMut() -> f64>(runs: usize, mut f: F) -> f64 {
    (0..runs).map(|_| f()).fold(f64::INFINITY, f64::min)
}

fn barriers() {
    println!("\n### Barrier fast paths\n");
    let stm = heap(1);
    let objs = committed(&stm, 1024, 16);
    let mut th = stm.thread();
    th.start();
    for &o in &objs {
        th.write(o).unwrap(); // the write barrier's fast path from now on
    }
    let iters = 200_000_000usize;
    let mask = objs.len() - 1;
    let base = best_of(3, || {
        let t = Instant::now();
        let mut acc = 0u64;
        for i in 0..iters {
            acc = acc.wrapping_add(black_box(objs[i & mask]).0);
        }
        black_box(acc);
        t.elapsed().as_secs_f64() * 1e9 / iters as f64
    });
    let read = best_of(3, || {
        let t = Instant::now();
        for i in 0..iters {
            th.read(black_box(objs[i & mask]));
        }
        t.elapsed().as_secs_f64() * 1e9 / iters as f64
    });
    let write = best_of(3, || {
        let t = Instant::now();
        for i in 0..iters {
            th.write(black_box(objs[i & mask])).unwrap();
        }
        t.elapsed().as_secs_f64() * 1e9 / iters as f64
    });
    th.commit().unwrap();
    println!("| loop over 1024 objects, {iters} iterations | ns per iteration |");
    println!("|---|---|");
    println!("| empty loop (load the reference) | {base:.3} |");
    println!("| read barrier | {read:.3} |");
    println!("| write barrier, flag already clear | {write:.3} |");
}

fn privatization() {
    println!("\n### Privatization (first write to an old object: lock, log, map the page, copy it)\n");
    println!("| pages | layout | µs per page | runs after |");
    println!("|---|---|---|---|");
    for (n, stride) in [(10_000usize, 1usize), (10_000, 2)] {
        let stm = heap(1);
        let objs = stm::workload::committed_one_per_page(&stm, n, stride).unwrap();
        let mut th = stm.thread();
        th.start();
        let t = Instant::now();
        for &o in &objs {
            th.write(o).unwrap();
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        th.commit().unwrap();
        let what = if stride == 1 { "contiguous" } else { "every other page" };
        println!("| {n} | {what} | {us:.2} | {} |", stm.private_runs());
    }
}

/// Runs a second thread that keeps running transactions that read one object and reach safe
/// points, so that commits must pause it.
fn with_busy_neighbour<R>(stm: &Arc<Stm>, f: impl FnOnce() -> R) -> R {
    let stop = Arc::new(AtomicBool::new(false));
    let other = committed(stm, 1, 16)[0];
    let ready = Arc::new(Barrier::new(2));
    let h = {
        let (stm, stop, ready) = (stm.clone(), stop.clone(), ready.clone());
        std::thread::spawn(move || {
            let mut th = stm.thread();
            ready.wait();
            while !stop.load(Ordering::Relaxed) {
                th.start();
                let mut ok = true;
                for _ in 0..1000 {
                    th.read(other);
                    black_box(th.load_u64(other, 8));
                    if th.safe_point().is_err() {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    let _ = th.commit();
                }
            }
        })
    };
    ready.wait();
    let r = f();
    stop.store(true, Ordering::Relaxed);
    h.join().unwrap();
    r
}

fn commit_cost() {
    println!("\n### Commit cost against the number of modified objects (16-byte objects, pages already private)\n");
    println!("| modified objects | 1 thread: µs per commit | 2 threads (other running): µs per commit |");
    println!("|---|---|---|");
    for k in [1usize, 10, 100, 1000, 10_000] {
        let measure = |stm: &Arc<Stm>, objs: &[ObjRef]| {
            let mut th = stm.thread();
            let reps = (20_000 / k).clamp(20, 2000);
            let mut total = Duration::ZERO;
            for r in 0..reps {
                th.start();
                for &o in objs {
                    th.write(o).unwrap();
                    th.store_u64(o, 8, r as u64);
                }
                let t = Instant::now();
                th.commit().unwrap();
                total += t.elapsed();
            }
            total.as_secs_f64() * 1e6 / reps as f64
        };
        let stm1 = heap(1);
        let objs1 = committed(&stm1, k, 16);
        let one = measure(&stm1, &objs1);
        let stm2 = heap(2);
        let objs2 = committed(&stm2, k, 16);
        let two = with_busy_neighbour(&stm2, || measure(&stm2, &objs2));
        println!("| {k} | {one:.2} | {two:.2} |");
    }
}

fn bank(threads: &[usize], seconds: f64, reps: usize) {
    println!(
        "\n### Bank transfers (random accounts, fixed transfers per transaction; median of {reps} runs of {seconds} s, thread counts alternating)\n"
    );
    println!(
        "| accounts | transfers/tx | threads | transfers/s | speed-up vs 1 thread | aborts per commit | paused | waiting |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (accounts, transfers) in [(10_000usize, 100usize), (10_000, 10), (1_000_000, 100)] {
        let mut runs: Vec<Vec<stm::workload::bank::BankReport>> = vec![Vec::new(); threads.len()];
        for _ in 0..reps {
            for (i, &t) in threads.iter().enumerate() {
                let cfg = BankConfig {
                    accounts,
                    threads: t,
                    segments: t,
                    min_transfers: transfers,
                    max_transfers: transfers,
                    duration: Some(Duration::from_secs_f64(seconds)),
                    transactions_per_thread: 0,
                    seed: 42,
                };
                let r = run(&cfg).unwrap();
                r.check().unwrap();
                runs[i].push(r);
            }
        }
        let mut base = 0.0;
        for (i, &t) in threads.iter().enumerate() {
            let rs = &mut runs[i];
            rs.sort_by(|a, b| a.transfers_per_sec().total_cmp(&b.transfers_per_sec()));
            let r = &rs[rs.len() / 2];
            let tps = r.transfers_per_sec();
            if i == 0 {
                base = tps;
            }
            let secs = r.elapsed.as_secs_f64() * t as f64;
            println!(
                "| {accounts} | {transfers} | {t} | {tps:.0} | {:.2}× | {:.3} | {:.0}% | {:.0}% |",
                tps / base,
                r.abort_rate(),
                100.0 * r.stats.time_paused.as_secs_f64() / secs,
                100.0 * r.stats.time_waiting.as_secs_f64() / secs
            );
        }
    }
}

fn main() {
    let mut filters = Vec::new();
    let mut threads = vec![1usize, 2, 4];
    let (mut seconds, mut reps) = (2.0f64, 3usize);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => {}
            "--seconds" => seconds = args.next().and_then(|v| v.parse().ok()).expect("--seconds: a number"),
            "--reps" => reps = args.next().and_then(|v| v.parse().ok()).expect("--reps: a number"),
            "--threads" => {
                threads = args
                    .next()
                    .expect("--threads needs a list")
                    .split(',')
                    .map(|t| t.parse().expect("--threads: numbers"))
                    .collect()
            }
            _ => filters.push(a),
        }
    }
    let want = |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    println!("machine: {} CPUs; {}", std::thread::available_parallelism().map_or(1, |n| n.get()), cpu_model());
    if want("barriers") {
        barriers();
    }
    if want("privatization") {
        privatization();
    }
    if want("commit") {
        commit_cost();
    }
    if want("bank") {
        bank(&threads, seconds, reps);
    }
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default()
}
