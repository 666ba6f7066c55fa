//! Deterministic multi-segment tests: several `Thread`s driven from one OS thread, switching
//! with safe zones (as stmgc's tests switch segments), plus a few two-thread handshakes where a
//! wait must block.

use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};
use stm::layout::{OBJ_START, PAGE_SIZE};
use stm::workload::{SizeInTypeid, new_objects};
use stm::*;

fn small(segments: usize) -> Config {
    Config { heap_limit: 256 << 20, ..Config::with_segments(segments) }
}

fn heap(segments: usize) -> Arc<Stm> {
    Stm::new(small(segments), SizeInTypeid).unwrap()
}

/// Creates and commits `n` objects of `size` bytes whose first word is `init + i`.
fn committed(stm: &Arc<Stm>, n: usize, size: usize, init: u64) -> Vec<ObjRef> {
    let mut th = stm.thread();
    th.start();
    let objs = new_objects(stm, &mut th, n, size).unwrap();
    for (i, &o) in objs.iter().enumerate() {
        th.store_u64(o, 8, init + i as u64);
    }
    th.commit().unwrap();
    objs
}

fn get(th: &Thread, o: ObjRef) -> u64 {
    th.read(o);
    th.load_u64(o, 8)
}

fn set(th: &mut Thread, o: ObjRef, v: u64) {
    th.write(o).unwrap();
    th.store_u64(o, 8, v);
}

#[test]
fn write_is_invisible_until_commit_then_visible() {
    let stm = heap(2);
    let x = committed(&stm, 4, 16, 1);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start();
    set(&mut a, x[0], 42);
    a.enter_safe_zone();
    b.start();
    assert_eq!(get(&b, x[1]), 2, "unrelated object");
    b.enter_safe_zone();
    // b has not read x[0]: a's commit does not abort it.
    a.leave_safe_zone().unwrap();
    assert_eq!(a.commit().unwrap().modified, 1);
    b.leave_safe_zone().unwrap();
    assert_eq!(get(&b, x[0]), 42, "committed write visible to a running transaction");
    b.commit().unwrap();
}

#[test]
fn uncommitted_write_is_invisible_to_reader_and_reader_loses() {
    let stm = heap(2);
    let x = committed(&stm, 1, 16, 7);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start(); // older
    set(&mut a, x[0], 99);
    a.enter_safe_zone();
    b.start();
    assert_eq!(get(&b, x[0]), 7, "b sees the committed value, not a's private write");
    b.enter_safe_zone();
    a.leave_safe_zone().unwrap();
    a.commit().unwrap();
    let err = b.leave_safe_zone().unwrap_err();
    assert_eq!(err.reason, AbortReason::WriteRead);
    assert!(!b.in_transaction());
    b.start();
    assert_eq!(get(&b, x[0]), 99);
    b.commit().unwrap();
}

#[test]
fn committer_wins_against_a_reader() {
    // Write-read conflicts at commit: the committer wins, even against an older reader (a
    // reader that cannot commit for a while must not block writers forever).
    let stm = heap(2);
    let x = committed(&stm, 1, 16, 5);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start(); // older reader
    assert_eq!(get(&a, x[0]), 5);
    a.enter_safe_zone();
    b.start();
    set(&mut b, x[0], 6);
    b.commit().unwrap();
    assert_eq!(a.leave_safe_zone().unwrap_err().reason, AbortReason::WriteRead);
    a.start();
    assert_eq!(get(&a, x[0]), 6, "the restarted reader sees the committed write");
    a.commit().unwrap();
    assert_eq!(b.stats().total_aborts(), 0);
}

#[test]
fn inevitable_reader_wins_against_a_committer() {
    let stm = heap(2);
    let x = committed(&stm, 1, 16, 5);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start();
    a.become_inevitable().unwrap();
    assert_eq!(get(&a, x[0]), 5);
    a.enter_safe_zone();
    b.start();
    set(&mut b, x[0], 6);
    assert_eq!(b.commit().unwrap_err().reason, AbortReason::CommitConflict);
    a.leave_safe_zone().unwrap();
    assert_eq!(get(&a, x[0]), 5, "the inevitable reader kept a consistent view");
    a.commit().unwrap();
    b.start();
    assert_eq!(get(&b, x[0]), 5, "the aborted write is gone");
    b.commit().unwrap();
}

#[test]
fn abort_restores_exactly() {
    let stm = heap(2);
    let objs = committed(&stm, 3, 48, 10);
    let big = committed(&stm, 1, 3 * PAGE_SIZE, 0)[0];
    let mut a = stm.thread();
    a.start();
    for &o in &objs {
        a.write(o).unwrap();
        for w in 1..6 {
            a.store_u64(o, w * 8, 0xdead_0000 + w);
        }
    }
    a.write(big).unwrap();
    for w in 1..(3 * PAGE_SIZE as u64 / 8) {
        a.store_u64(big, w * 8, w ^ 0x5555);
    }
    let ab = a.abort();
    assert_eq!(ab.reason, AbortReason::Explicit);
    a.start();
    for (i, &o) in objs.iter().enumerate() {
        assert_eq!(get(&a, o), 10 + i as u64);
        for w in 2..6 {
            assert_eq!(a.load_u64(o, w * 8), 0);
        }
        assert_eq!(a.flags(o) & FLAG_WRITE_BARRIER, FLAG_WRITE_BARRIER, "flag restored");
    }
    for w in 1..(3 * PAGE_SIZE as u64 / 8) {
        assert_eq!(a.load_u64(big, w * 8), 0, "word {w} of the big object");
    }
    a.commit().unwrap();
    assert_eq!(a.stats().aborts_of(AbortReason::Explicit), 1);
}

#[test]
fn object_spanning_pages_commits_into_private_copies() {
    let stm = heap(3);
    // One page of small objects, then an object spanning three pages starting 16 bytes before a
    // page boundary, placed by hand.
    let first = stm.reserve_pages(4).unwrap();
    let size = 2 * PAGE_SIZE + 32;
    let big = ObjRef(first.0 + PAGE_SIZE as u64 - 16);
    let small_obj = ObjRef(first.0 + 2 * PAGE_SIZE as u64 + 64 + 16); // inside big's 3rd page? no: after it
    let mut a = stm.thread();
    a.start();
    let neighbour = ObjRef(first.0); // on the first page, before big
    for (o, sz) in [(neighbour, 16usize), (big, size), (small_obj, 16)] {
        a.init_header(o, sz as u32);
        a.register_new_object(o);
    }
    a.commit().unwrap();
    assert!(big.0 + size as u64 > small_obj.0 || small_obj.0 >= big.0 + size as u64);
    let (mut b, mut c) = (stm.thread(), stm.thread());
    // c privatizes big's middle pages by writing a neighbour on the first page and another
    // object on the last page.
    c.start();
    set(&mut c, neighbour, 1);
    set(&mut c, small_obj, 2);
    c.commit().unwrap();
    let seg_c = c.segment().unwrap();
    let p0 = ((big.0 - OBJ_START) / PAGE_SIZE as u64) as usize;
    assert!(stm.is_page_private(seg_c, p0));
    c.start();
    c.enter_safe_zone();
    b.start();
    b.write(big).unwrap();
    let words = size as u64 / 8;
    for w in 1..words {
        b.store_u64(big, w * 8, 1000 + w);
    }
    for p in p0..p0 + 3 {
        assert!(stm.is_page_private(b.segment().unwrap(), p), "page {p} privatized by the write");
    }
    b.commit().unwrap();
    c.leave_safe_zone().unwrap();
    for w in 1..words {
        c.read(big);
        assert_eq!(c.load_u64(big, w * 8), 1000 + w, "word {w} in a segment with a private first page");
    }
    c.commit().unwrap();
    let mut d = stm.thread();
    d.start();
    for w in 1..words {
        assert_eq!(d.load_u64(big, w * 8), 1000 + w);
    }
    d.commit().unwrap();
}

#[test]
fn new_object_on_a_page_private_elsewhere_is_pushed_at_commit() {
    let stm = heap(2);
    let page = stm.reserve_pages(1).unwrap();
    let old = page;
    let newer = ObjRef(page.0 + 256);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start();
    a.init_header(old, 16);
    a.register_new_object(old);
    a.commit().unwrap();
    b.start();
    set(&mut b, old, 5); // b privatizes the page
    b.enter_safe_zone();
    a.start();
    a.init_header(newer, 32);
    a.store_u64(newer, 8, 77);
    a.store_u64(newer, 16, 78);
    a.register_new_object(newer);
    a.commit().unwrap();
    b.leave_safe_zone().unwrap();
    assert_eq!(b.typeid(newer), 32);
    assert_eq!(b.flags(newer) & FLAG_WRITE_BARRIER, FLAG_WRITE_BARRIER);
    assert_eq!(get(&b, newer), 77);
    assert_eq!(b.load_u64(newer, 16), 78);
    b.commit().unwrap();
}

#[test]
fn read_version_wraps_and_old_markers_are_forgotten() {
    let stm = heap(2);
    let x = committed(&stm, 1, 16, 3);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    b.start();
    let v0 = b.read_version();
    assert_eq!(get(&b, x[0]), 3);
    b.commit().unwrap();
    let mut wrapped = false;
    let mut n = 0;
    loop {
        b.start();
        n += 1;
        wrapped |= b.read_version() < v0;
        if b.read_version() == v0 {
            break;
        }
        b.commit().unwrap();
    }
    assert!(wrapped && n == 255, "the read version wrapped around after 255 transactions ({n})");
    b.enter_safe_zone();
    a.start();
    set(&mut a, x[0], 4);
    a.commit().unwrap();
    b.leave_safe_zone().expect("a stale marker from before the wrap-around must not count as a read");
    b.commit().unwrap();
    assert_eq!(b.stats().total_aborts(), 0);
}

#[test]
fn inevitable_reader_wins_against_older_committer() {
    let stm = heap(2);
    let x = committed(&stm, 1, 16, 1);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start(); // older
    set(&mut a, x[0], 2);
    a.enter_safe_zone();
    b.start();
    b.become_inevitable().unwrap();
    assert!(b.is_inevitable());
    assert_eq!(get(&b, x[0]), 1);
    b.enter_safe_zone();
    a.leave_safe_zone().unwrap();
    assert_eq!(a.commit().unwrap_err().reason, AbortReason::CommitConflict);
    b.leave_safe_zone().unwrap();
    b.commit().unwrap();
    assert_eq!(b.stats().total_aborts(), 0);
}

#[test]
fn inevitable_writer_is_never_aborted_and_older_holder_is() {
    let stm = heap(2);
    let x = committed(&stm, 1, 16, 1)[0];
    let (tx, rx) = mpsc::channel();
    let stm2 = stm.clone();
    let older = std::thread::spawn(move || {
        let mut a = stm2.thread();
        a.start();
        set(&mut a, x, 100);
        tx.send(()).unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Err(e) = a.safe_point() {
                return Some(e.reason);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::yield_now();
        }
    });
    rx.recv().unwrap();
    let mut b = stm.thread();
    b.start(); // younger, but inevitable
    b.become_inevitable().unwrap();
    set(&mut b, x, 200); // waits until the older holder aborts
    b.commit().unwrap();
    assert_eq!(older.join().unwrap(), Some(AbortReason::WriteWrite));
    assert_eq!(b.stats().total_aborts(), 0);
    b.start();
    assert_eq!(get(&b, x), 200);
    b.commit().unwrap();
}

#[test]
fn only_one_inevitable_transaction_at_a_time() {
    let stm = heap(2);
    let (tx, rx) = mpsc::channel();
    let stm2 = stm.clone();
    let first = std::thread::spawn(move || {
        let mut a = stm2.thread();
        a.start();
        a.become_inevitable().unwrap();
        tx.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        a.commit().unwrap();
        Instant::now()
    });
    rx.recv().unwrap();
    let mut b = stm.thread();
    b.start();
    b.become_inevitable().unwrap();
    let got = Instant::now();
    b.commit().unwrap();
    let released = first.join().unwrap();
    assert!(got >= released, "the second became inevitable only after the first committed");
}

#[test]
fn atomic_section_is_never_broken() {
    let stm = heap(2);
    let x = committed(&stm, 2, 16, 0);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start();
    a.atomic_begin();
    set(&mut a, x[0], 1);
    a.hint_commit_soon();
    assert!(!a.should_break(), "no break inside an atomic section");
    a.atomic_begin();
    set(&mut a, x[1], 1);
    a.atomic_end();
    assert!(a.is_atomic() && !a.should_break(), "still inside the outer section");
    a.enter_safe_zone();
    b.start();
    assert_eq!(get(&b, x[0]), 0);
    assert_eq!(b.commit().unwrap().read_only, true);
    a.leave_safe_zone().unwrap();
    a.atomic_end();
    assert!(a.should_break(), "the pending commit-soon request applies after the section");
    a.commit().unwrap();
    b.start();
    assert_eq!((get(&b, x[0]), get(&b, x[1])), (1, 1));
    b.commit().unwrap();
}

#[test]
#[should_panic(expected = "commit inside an atomic section")]
fn committing_inside_an_atomic_section_is_refused() {
    let stm = heap(1);
    let mut a = stm.thread();
    a.start();
    a.atomic_begin();
    let _ = a.commit();
}

#[test]
fn conflicts_are_reported_with_both_markers() {
    let sink = Arc::new(MemorySink::default());
    let stm = Stm::new(Config { event_sink: Some(sink.clone()), ..small(2) }, SizeInTypeid).unwrap();
    let x = committed(&stm, 1, 16, 0);
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start();
    a.set_marker(111);
    set(&mut a, x[0], 1);
    a.enter_safe_zone();
    b.start();
    b.set_marker(222);
    get(&b, x[0]);
    b.enter_safe_zone();
    a.leave_safe_zone().unwrap();
    a.commit().unwrap();
    assert!(b.leave_safe_zone().is_err());
    let conflicts: Vec<Conflict> = sink
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Conflict(c) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let c = conflicts[0];
    assert_eq!((c.kind, c.obj, c.winner_marker, c.loser_marker), (ConflictKind::WriteRead, x[0], 111, 222));
    assert_eq!(c.winner_segment, a.segment().unwrap());
    assert!(sink.events().iter().any(|e| matches!(e.kind, EventKind::Abort { reason: AbortReason::WriteRead, .. })));
}

#[test]
fn threads_beyond_segments_wait_for_one() {
    let stm = heap(1);
    let x = committed(&stm, 1, 16, 0)[0];
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let stm = stm.clone();
            std::thread::spawn(move || {
                let mut th = stm.thread();
                for _ in 0..200 {
                    loop {
                        th.start();
                        let v = get(&th, x);
                        if th.write(x).is_ok() {
                            th.store_u64(x, 8, v + 1);
                            if th.commit().is_ok() {
                                break;
                            }
                        }
                    }
                    th.release_segment();
                }
            })
        })
        .collect();
    workers.into_iter().for_each(|w| w.join().unwrap());
    let mut th = stm.thread();
    th.start();
    assert_eq!(get(&th, x), 800);
    th.commit().unwrap();
}

#[test]
fn heap_full_is_an_error() {
    let stm = heap(1);
    let pages = (stm.heap_limit() as usize) / PAGE_SIZE;
    stm.reserve_pages(pages - 1).unwrap();
    let e = stm.reserve_pages(2).unwrap_err();
    assert!(matches!(e, StmError::HeapFull { .. }));
    assert!(e.to_string().contains("out of memory"), "{e}");
    stm.reserve_pages(1).unwrap();
}

#[test]
fn loser_waits_for_the_attempt_it_lost_to_not_the_next_one() {
    let stm = heap(2);
    let x = committed(&stm, 1, 16, 0)[0];
    let (mut a, mut b) = (stm.thread(), stm.thread());
    a.start(); // older: wins
    set(&mut a, x, 1);
    a.enter_safe_zone();
    b.start();
    get(&b, x);
    b.enter_safe_zone();
    a.leave_safe_zone().unwrap();
    a.commit().unwrap(); // tells b to abort
    a.start(); // the winner's next, unrelated transaction
    a.enter_safe_zone();
    assert!(b.leave_safe_zone().is_err());
    let (tx, rx) = mpsc::channel();
    let h = std::thread::spawn(move || {
        b.start(); // must not wait for a's new transaction
        tx.send(()).unwrap();
        b.commit().unwrap();
    });
    let started = rx.recv_timeout(Duration::from_secs(10));
    a.leave_safe_zone().unwrap();
    a.commit().unwrap();
    h.join().unwrap();
    assert!(started.is_ok(), "the loser waited for the winner's next transaction");
}
