//! Page privatization, re-sharing and the kernel-mapping budget.

use stm::layout::{OBJ_START, PAGE_SIZE, PRIVATIZE_PAGES};
use stm::workload::SizeInTypeid;
use stm::*;

/// The tests here count the process's kernel mappings, so they must not run side by side.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Kernel mappings of STM heaps (object areas) in this process; other threads' stacks and
/// allocator arenas come and go meanwhile, so the whole-process count is not used.
fn heap_maps() -> usize {
    std::fs::read_to_string("/proc/self/maps").unwrap().lines().filter(|l| l.contains("memfd:pystm-heap")).count()
}

fn page_index(o: ObjRef) -> usize {
    ((o.0 - OBJ_START) / PAGE_SIZE as u64) as usize
}

/// One 16-byte object at the start of each of `n` fresh pages, committed.
fn one_per_page(stm: &std::sync::Arc<Stm>, n: usize) -> Vec<ObjRef> {
    stm::workload::committed_one_per_page(stm, n, 1).unwrap()
}

#[test]
fn scattered_privatization_stays_within_the_run_budget() {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let budget = 8;
    let stm = Stm::new(
        Config { heap_limit: 256 << 20, max_private_runs: Some(budget), ..Config::with_segments(2) },
        SizeInTypeid,
    )
    .unwrap();
    let objs = one_per_page(&stm, 400);
    let maps_before = heap_maps();
    let mut th = stm.thread();
    th.start();
    // Every other group of pages: without the budget, 50 separate runs (about 100 more
    // mappings).
    let stride = 2 * PRIVATIZE_PAGES;
    for (i, &o) in objs.iter().enumerate().step_by(stride) {
        th.write(o).unwrap();
        th.store_u64(o, 8, i as u64);
    }
    th.commit().unwrap();
    assert!(stm.private_runs() <= budget, "{} runs", stm.private_runs());
    assert!(stm.reshare_wanted());
    let grown = heap_maps().saturating_sub(maps_before);
    assert!(grown <= 2 * budget + 4, "kernel mappings grew by {grown}");
    // Gap-filled pages hold the committed data too.
    let mut other = stm.thread();
    other.start();
    for (i, &o) in objs.iter().enumerate() {
        other.read(o);
        assert_eq!(other.load_u64(o, 8), if i % stride == 0 { i as u64 } else { 0 });
    }
    other.commit().unwrap();
}

#[test]
fn default_budget_comes_from_max_map_count() {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let stm = Stm::new(Config { heap_limit: 64 << 20, ..Config::with_segments(1) }, SizeInTypeid).unwrap();
    let m = stm.max_private_runs();
    assert!(m >= 64 && m <= max_map_count() / 4, "budget {m} of max_map_count {}", max_map_count());
}

#[test]
fn neighbouring_pages_merge_into_one_run() {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let stm = Stm::new(Config { heap_limit: 64 << 20, ..Config::with_segments(1) }, SizeInTypeid).unwrap();
    let objs = one_per_page(&stm, 50);
    let mut th = stm.thread();
    th.start();
    for &o in objs.iter().rev() {
        th.write(o).unwrap();
    }
    th.commit().unwrap();
    assert_eq!(stm.private_runs(), 1);
    let n = stm.pages_privatized() as usize;
    assert!((50..50 + 2 * PRIVATIZE_PAGES).contains(&n), "{n} pages privatized in whole groups");
    assert_eq!(n % PRIVATIZE_PAGES, 0);
}

#[test]
fn resharing_frees_private_pages_but_keeps_written_ones() {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let stm = Stm::new(Config { heap_limit: 64 << 20, ..Config::with_segments(2) }, SizeInTypeid).unwrap();
    // Not at the very start of the object area, so that every private run splits a mapping in
    // three (and re-sharing merges them back).
    stm.reserve_pages(PRIVATIZE_PAGES).unwrap();
    let objs = one_per_page(&stm, 64);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start();
    for (i, &o) in objs.iter().enumerate().step_by(2) {
        a.write(o).unwrap();
        a.store_u64(o, 8, 1000 + i as u64);
    }
    a.commit().unwrap();
    let sa = a.segment().unwrap();
    assert!(stm.is_page_private(sa, page_index(objs[0])));
    // b is in a transaction that wrote objs[1]: that page must stay private for b.
    b.start();
    b.write(objs[1]).unwrap();
    b.store_u64(objs[1], 8, 77);
    b.enter_safe_zone();
    let maps_private = heap_maps();
    let by_a = a.stats().pages_privatized as usize;
    let by_b = b.stats().pages_privatized as usize;
    assert!(by_a >= 64 && by_b >= 1);
    let shared = a.with_world_stopped(|w| w.reshare_pages().unwrap()).unwrap();
    assert_eq!(shared, by_a + by_b - 1, "every private page but the one b wrote is re-shared");
    for &o in &objs {
        assert!(!stm.is_page_private(sa, page_index(o)));
    }
    let sb = b.segment().unwrap();
    assert!(stm.is_page_private(sb, page_index(objs[1])), "b's written page is kept");
    let maps_after = heap_maps();
    assert!(maps_after < maps_private, "re-sharing merged kernel mappings back: {maps_private} -> {maps_after}");
    b.leave_safe_zone().unwrap();
    assert_eq!(b.load_u64(objs[1], 8), 77, "b's uncommitted write survived");
    b.commit().unwrap();
    a.start();
    for (i, &o) in objs.iter().enumerate() {
        a.read(o);
        let want = if i == 1 {
            77
        } else if i % 2 == 0 {
            1000 + i as u64
        } else {
            0
        };
        assert_eq!(a.load_u64(o, 8), want, "object {i} after re-sharing");
    }
    a.commit().unwrap();
}
