//! Benchmarks of the GC (not tests): allocation throughput, minor collection cost per MiB
//! survived, major collection time per MiB live, allocation at 1 and 2 threads.
//!
//! cargo bench -p gc [-- [--threads 1,2,4] SECTION...]   (sections: alloc, minor, major, threads)

use gc::{Gc, GcConfig, GcModel, Mutator};
use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::time::Instant;
use stm::{ObjRef, ObjView};

/// Type id = size; every word after the header is a reference field.
struct Model;
impl GcModel for Model {
    fn object_size(&self, obj: ObjView<'_>) -> usize {
        (obj.typeid() as usize).max(16)
    }
    fn trace(&self, obj: ObjView<'_>, field: &mut dyn FnMut(u64)) {
        let mut off = 8;
        while off < obj.typeid() as u64 {
            field(off);
            off += 8;
        }
    }
}

fn heap(segments: usize) -> Arc<Gc<Model>> {
    let config = GcConfig {
        stm: stm::Config { heap_limit: 8 << 30, ..stm::Config::with_segments(segments) },
        stress: false,
        ..GcConfig::default()
    };
    Gc::new(config, Model).unwrap()
}

/// Allocates `n` objects of `size` bytes that die at once; safe point every 4096.
fn churn(m: &mut Mutator<Model>, n: u64, size: usize) {
    m.start();
    for i in 0..n {
        black_box(m.alloc(size as u32, size).unwrap());
        if i % 4096 == 4095 {
            m.safe_point().unwrap();
        }
    }
    m.commit().unwrap();
}

fn alloc() {
    println!("\n### Allocation throughput, one thread (objects die young; minor collections included)\n");
    println!("| object size | M objects/s | MiB/s |");
    println!("|---|---|---|");
    for size in [16usize, 32, 64] {
        let gc = heap(1);
        let mut m = gc.mutator();
        let n = 200_000_000u64;
        churn(&mut m, n / 10, size); // warm-up
        let t = Instant::now();
        churn(&mut m, n, size);
        let s = t.elapsed().as_secs_f64();
        println!("| {size} B | {:.0} | {:.0} |", n as f64 / s / 1e6, (n * size as u64) as f64 / s / (1 << 20) as f64);
    }
}

/// Builds a linked list of `bytes` worth of 32-byte objects reachable from root 0.
fn build_list(m: &mut Mutator<Model>, bytes: u64) {
    let n = bytes / 32;
    for _ in 0..n {
        let o = m.alloc(32, 32).unwrap();
        let head = m.roots().words[0];
        m.thread().store_u64(o, 8, head);
        m.roots().words[0] = o.0;
    }
}

fn minor() {
    println!("\n### Minor collection: cost per MiB survived (32-byte objects in a linked list)\n");
    println!("| survived | ms | ms per MiB |");
    println!("|---|---|---|");
    for mib in [1u64, 4, 16] {
        let gc = Gc::new(
            GcConfig {
                stm: stm::Config { heap_limit: 8 << 30, ..stm::Config::with_segments(1) },
                nursery_size: 64 << 20,
                ..GcConfig::default()
            },
            Model,
        )
        .unwrap();
        let mut m = gc.mutator();
        m.roots().words = vec![0];
        m.start();
        build_list(&mut m, mib << 20);
        let t = Instant::now();
        m.minor_collect().unwrap();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        m.commit().unwrap();
        println!("| {mib} MiB | {ms:.2} | {:.2} |", ms / mib as f64);
    }
}

fn major() {
    println!("\n### Major collection: time per MiB live (32-byte objects in linked lists, one thread)\n");
    println!("| live | ms | ms per MiB |");
    println!("|---|---|---|");
    for mib in [16u64, 64, 256] {
        let gc = heap(1);
        let mut m = gc.mutator();
        m.roots().words = vec![0];
        let chunk = 4u64 << 20;
        for _ in 0..mib * (1 << 20) / chunk {
            m.start();
            build_list(&mut m, chunk);
            m.commit().unwrap();
        }
        m.start();
        let t = Instant::now();
        m.major_collect().unwrap();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        m.commit().unwrap();
        println!("| {mib} MiB | {ms:.1} | {:.2} |", ms / mib as f64);
    }
}

fn threads(counts: &[usize]) {
    println!("\n### Allocation at several threads (32-byte objects that die young, 100 M per thread)\n");
    println!("| threads | M objects/s (all threads) | speed-up |");
    println!("|---|---|---|");
    let mut base = 0.0;
    for &t in counts {
        let gc = heap(t);
        let go = Arc::new(Barrier::new(t + 1));
        let n = 100_000_000u64;
        let hs: Vec<_> = (0..t)
            .map(|_| {
                let (gc, go) = (gc.clone(), go.clone());
                std::thread::spawn(move || {
                    let mut m = gc.mutator();
                    churn(&mut m, n / 10, 32);
                    go.wait();
                    churn(&mut m, n, 32);
                })
            })
            .collect();
        go.wait();
        let start = Instant::now();
        hs.into_iter().for_each(|h| h.join().unwrap());
        let rate = (n * t as u64) as f64 / start.elapsed().as_secs_f64() / 1e6;
        if t == counts[0] {
            base = rate;
        }
        println!("| {t} | {rate:.0} | {:.2}× |", rate / base);
    }
}

fn main() {
    let mut filters: Vec<String> = Vec::new();
    let mut counts = vec![1usize, 2];
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => {}
            "--threads" => {
                counts = args.next().expect("--threads N,N").split(',').map(|t| t.parse().expect("a number")).collect()
            }
            _ => filters.push(a),
        }
    }
    let want = |s: &str| filters.is_empty() || filters.iter().any(|f| s.contains(f.as_str()));
    let _ = ObjRef::NULL;
    if want("alloc") {
        alloc();
    }
    if want("minor") {
        minor();
    }
    if want("major") {
        major();
    }
    if want("threads") {
        threads(&counts);
    }
}
