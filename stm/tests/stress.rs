//! Mixed stress: transfers between random objects with inevitable transactions, safe zones,
//! explicit aborts, world stops that re-share pages (from workers and from a separate thread),
//! segments released and taken over, and tiny mapping budgets. Checks conservation and that no
//! object is ever seen torn. (Written by a review of the STM core.)

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use stm::workload::{Rng, SizeInTypeid, new_objects};
use stm::*;

const SZ: usize = 48;

fn body(th: &mut Thread, objs: &[ObjRef], rng: &mut Rng) -> Result<(), Abort> {
    let n = rng.range(1, 12);
    for _ in 0..n {
        th.safe_point()?;
        let a = objs[rng.range(0, objs.len() as u64 - 1) as usize];
        let b = objs[rng.range(0, objs.len() as u64 - 1) as usize];
        if a == b {
            continue;
        }
        th.read(a);
        let va = th.load_u64(a, 8);
        assert_eq!(th.load_u64(a, 40), !va, "torn");
        th.write(a)?;
        th.write(b)?;
        let vb = th.load_u64(b, 8);
        assert_eq!(th.load_u64(b, 40), !vb, "torn b");
        th.store_u64(a, 8, va - 1);
        th.store_u64(a, 40, !(va - 1));
        th.store_u64(b, 8, vb + 1);
        th.store_u64(b, 40, !(vb + 1));
        match rng.range(0, 40) {
            0 => {
                th.become_inevitable()?;
            }
            1 => {
                th.enter_safe_zone();
                std::thread::yield_now();
                th.leave_safe_zone()?;
            }
            2 if !th.is_inevitable() => {
                return Err(th.abort());
            }
            3 => {
                th.with_world_stopped(|w| {
                    w.reshare_pages().unwrap();
                })?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn run(threads: usize, segs: usize, nobj: usize, iters: u64, budget: Option<usize>) {
    let stm = Stm::new(
        Config { heap_limit: 256 << 20, max_private_runs: budget, ..Config::with_segments(segs) },
        SizeInTypeid,
    )
    .unwrap();
    let objs = {
        let mut th = stm.thread();
        th.start();
        let o = new_objects(&stm, &mut th, nobj, SZ).unwrap();
        for &x in &o {
            th.store_u64(x, 8, 1000);
            th.store_u64(x, 40, !1000);
        }
        th.commit().unwrap();
        o
    };
    let objs = Arc::new(objs);
    let stop = Arc::new(AtomicBool::new(false));
    let gc = {
        let (stm, stop) = (stm.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut th = stm.thread();
            while !stop.load(Ordering::Relaxed) {
                th.with_world_stopped(|w| {
                    w.reshare_pages().unwrap();
                })
                .unwrap();
                th.release_segment();
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
        })
    };
    let ws: Vec<_> = (0..threads)
        .map(|t| {
            let (stm, objs) = (stm.clone(), objs.clone());
            std::thread::spawn(move || {
                let mut th = stm.thread();
                let mut rng = Rng::new(t as u64 + 7);
                for i in 0..iters {
                    loop {
                        th.start();
                        if body(&mut th, &objs, &mut rng).is_ok() && th.commit().is_ok() {
                            break;
                        }
                    }
                    if i % 5 == 0 {
                        th.release_segment();
                    }
                }
                th.stats()
            })
        })
        .collect();
    let mut st = Stats::default();
    for w in ws {
        st.add(&w.join().unwrap());
    }
    stop.store(true, Ordering::Relaxed);
    gc.join().unwrap();
    let mut th = stm.thread();
    th.start();
    let mut total = 0u64;
    for &o in objs.iter() {
        th.read(o);
        let v = th.load_u64(o, 8);
        assert_eq!(th.load_u64(o, 40), !v);
        total += v;
    }
    th.commit().unwrap();
    assert_eq!(total, 1000 * nobj as u64);
    eprintln!("{st}");
}

#[test]
fn stress_six_threads_two_segments() {
    run(6, 2, 300, 3000, None);
}
#[test]
fn stress_four_threads_budget_of_four_runs() {
    run(4, 4, 50, 3000, Some(4));
}
#[test]
fn stress_eight_threads_three_segments_budget_of_two_runs() {
    run(8, 3, 1000, 2000, Some(2));
}
