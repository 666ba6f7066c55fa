//! Threads share objects: they push nodes onto 64 shared chains (conflicting when they pick the
//! same chain) while minor and major collections run. Every committed push must be on its chain
//! exactly once, in order; aborted pushes (conflicts) must leave no trace.

mod common;
use common::*;
use gc::{Gc, GcConfig, GcError};
use std::sync::Arc;
use stm::ObjRef;
use stm::workload::Rng;

const CHAINS: usize = 64;

fn push(m: &mut gc::Mutator<Nodes>, holders: &[u64], c: usize, tag: u64) -> Result<(), GcError> {
    m.safe_point()?;
    let holder = ObjRef(holders[c]);
    let node = m.alloc(node_size(1) as u32, node_size(1))?;
    let th = m.thread();
    th.write(holder).map_err(GcError::Aborted)?;
    let prev = th.load_u64(holder, FIRST_REF);
    let count = if prev == 0 { 0 } else { th.load_u64(ObjRef(prev), ID) };
    th.store_u64(node, ID, count + 1);
    th.store_u64(node, VALUE, tag);
    th.store_u64(node, FIRST_REF, prev);
    th.store_u64(holder, FIRST_REF, node.0);
    Ok(())
}

fn run(threads: usize, per_thread: u64) {
    let config = GcConfig {
        stm: stm::Config { heap_limit: 1 << 30, ..stm::Config::with_segments(threads) },
        nursery_size: 64 << 10,
        major_min: 1 << 20,
        major_factor: 1.2,
        stress: false,
        ..GcConfig::default()
    };
    let gc = Gc::new(config, Nodes).unwrap();
    let holders: Vec<u64> = {
        let mut m = gc.mutator();
        m.start();
        let table = m.alloc(node_size(CHAINS) as u32, node_size(CHAINS)).unwrap();
        m.roots().words = vec![table.0];
        for c in 0..CHAINS {
            let h = m.alloc(node_size(1) as u32, node_size(1)).unwrap();
            let table = ObjRef(m.roots().words[0]);
            m.thread().store_u64(table, FIRST_REF + 8 * c as u64, h.0);
        }
        m.commit().unwrap();
        let table = ObjRef(m.roots().words[0]);
        gc.add_global_root(table);
        m.start();
        let th = m.thread();
        let hs = (0..CHAINS).map(|c| th.load_u64(table, FIRST_REF + 8 * c as u64)).collect();
        m.commit().unwrap();
        hs
    };
    let holders = Arc::new(holders);
    let hs: Vec<_> = (0..threads)
        .map(|t| {
            let (gc, holders) = (gc.clone(), holders.clone());
            std::thread::spawn(move || {
                let mut m = gc.mutator();
                let mut rng = Rng::new(t as u64 + 99);
                let mut pushed = vec![0u64; CHAINS];
                let mut conflicts = 0;
                for i in 0..per_thread {
                    let plan: Vec<usize> =
                        (0..rng.range(1, 4)).map(|_| rng.range(0, CHAINS as u64 - 1) as usize).collect();
                    loop {
                        m.start();
                        let tag = ((t as u64) << 32) | i;
                        let r = plan.iter().try_for_each(|&c| push(&mut m, &holders, c, tag));
                        let r = r.and_then(|()| m.commit().map(|_| ()));
                        match r {
                            Ok(()) => break,
                            Err(GcError::Aborted(_)) => conflicts += 1,
                            Err(e) => panic!("{e}"),
                        }
                    }
                    for &c in &plan {
                        pushed[c] += 1;
                    }
                    if i % 50 == 0 {
                        m.start();
                        m.major_collect().unwrap();
                        m.commit().unwrap();
                    }
                }
                (pushed, conflicts)
            })
        })
        .collect();
    let mut pushed = vec![0u64; CHAINS];
    let mut conflicts = 0;
    for h in hs {
        let (p, c) = h.join().unwrap();
        pushed.iter_mut().zip(p).for_each(|(a, b)| *a += b);
        conflicts += c;
    }
    let mut m = gc.mutator();
    m.start();
    m.major_collect().unwrap();
    let th = m.thread();
    for c in 0..CHAINS {
        let mut n = th.load_u64(ObjRef(holders[c]), FIRST_REF);
        let mut expect = pushed[c];
        while n != 0 {
            let o = ObjRef(n);
            assert_eq!(th.load_u64(o, ID), expect, "chain {c}: a push is lost or duplicated");
            expect -= 1;
            n = th.load_u64(o, FIRST_REF);
        }
        assert_eq!(expect, 0, "chain {c} is {} pushes short", expect);
    }
    m.commit().unwrap();
    eprintln!(
        "{threads} threads: {} pushes, {conflicts} aborted attempts, {} minor and {} major collections",
        pushed.iter().sum::<u64>(),
        gc.minor_collections(),
        gc.major_collections()
    );
}

#[test]
fn shared_chains_two_threads() {
    run(2, 1500);
}

#[test]
fn shared_chains_four_threads() {
    run(4, 800);
}
