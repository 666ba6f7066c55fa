//! Serializability: threads run random transactions that read and write random objects and
//! record what they read and wrote. Replaying the committed transactions one by one in commit
//! order must reproduce every value each of them read, and end in the state the heap holds.

use std::collections::HashMap;
use std::sync::Arc;
use stm::workload::{Rng, SizeInTypeid, new_objects};
use stm::*;

#[derive(Clone, Copy, Debug)]
enum Op {
    Read(usize, u64),
    Write(usize, u64),
}

struct Committed {
    seq: u64,
    read_only: bool,
    ops: Vec<Op>,
}

const OBJ_SIZE: usize = 48; // three per 144 bytes: objects straddle page boundaries

fn run_tx(th: &mut Thread, objs: &[ObjRef], rng: &mut Rng, uid: u64) -> Result<Vec<Op>, Abort> {
    let n = rng.range(1, 16);
    let mut ops = Vec::new();
    for i in 0..n {
        th.safe_point()?;
        let k = rng.range(0, objs.len() as u64 - 1) as usize;
        let o = objs[k];
        if rng.range(0, 2) == 0 {
            let v = uid * 100 + i;
            th.write(o)?;
            th.store_u64(o, 8, v);
            th.store_u64(o, 40, !v); // the last word, to check whole objects move together
            ops.push(Op::Write(k, v));
        } else {
            th.read(o);
            let v = th.load_u64(o, 8);
            assert_eq!(th.load_u64(o, 40), !v, "torn object {k}");
            ops.push(Op::Read(k, v));
        }
        if rng.range(0, 8) == 0 {
            std::thread::yield_now();
        }
    }
    Ok(ops)
}

fn serializable(threads: usize, segments: usize, objects: usize, per_thread: u64, seed: u64) {
    let stm = Stm::new(Config { heap_limit: 256 << 20, ..Config::with_segments(segments) }, SizeInTypeid).unwrap();
    let objs = {
        let mut th = stm.thread();
        th.start();
        let objs = new_objects(&stm, &mut th, objects, OBJ_SIZE).unwrap();
        for &o in &objs {
            th.store_u64(o, 40, !0);
        }
        th.commit().unwrap();
        objs
    };
    let objs = Arc::new(objs);
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let (stm, objs) = (stm.clone(), objs.clone());
            std::thread::spawn(move || {
                let mut th = stm.thread();
                let mut done = Vec::new();
                for i in 0..per_thread {
                    let uid = ((t as u64 + 1) << 32) | i;
                    let mut rng = Rng::new(seed ^ uid);
                    loop {
                        th.start();
                        let mut attempt = rng.clone();
                        if let Ok(ops) = run_tx(&mut th, &objs, &mut attempt, uid)
                            && let Ok(info) = th.commit()
                        {
                            done.push(Committed { seq: info.seq, read_only: info.read_only, ops });
                            break;
                        }
                    }
                    rng.next_u64();
                }
                (done, th.stats())
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut stats = Stats::default();
    for w in workers {
        let (done, st) = w.join().unwrap();
        all.extend(done);
        stats.add(&st);
    }
    assert_eq!(all.len() as u64, threads as u64 * per_thread);
    // Writers have distinct sequence numbers; a read-only transaction serializes right after the
    // writer whose number it got.
    let mut seqs: Vec<u64> = all.iter().filter(|c| !c.read_only).map(|c| c.seq).collect();
    seqs.sort();
    seqs.dedup();
    assert_eq!(seqs.len(), all.iter().filter(|c| !c.read_only).count(), "duplicate commit numbers");
    all.sort_by_key(|c| (c.seq, c.read_only));
    let mut model: HashMap<usize, u64> = HashMap::new();
    for (n, c) in all.iter().enumerate() {
        let mut local = model.clone();
        for op in &c.ops {
            match *op {
                Op::Read(k, v) => assert_eq!(
                    v,
                    local.get(&k).copied().unwrap_or(0),
                    "transaction #{n} (seq {}, read-only {}) read a value the serial order does not give",
                    c.seq,
                    c.read_only
                ),
                Op::Write(k, v) => {
                    local.insert(k, v);
                }
            }
        }
        assert!(!c.read_only || local == model);
        model = local;
    }
    let mut th = stm.thread();
    th.start();
    for (k, &o) in objs.iter().enumerate() {
        th.read(o);
        assert_eq!(th.load_u64(o, 8), model.get(&k).copied().unwrap_or(0), "final value of object {k}");
    }
    th.commit().unwrap();
    eprintln!("{threads} threads: {stats}");
    assert!(stats.commits == threads as u64 * per_thread);
}

#[test]
fn serializable_two_threads_few_objects() {
    serializable(2, 2, 30, 1500, 11);
}

#[test]
fn serializable_four_threads() {
    serializable(4, 4, 200, 800, 12);
}

#[test]
fn serializable_eight_threads_on_four_segments() {
    serializable(8, 4, 100, 300, 13);
}
