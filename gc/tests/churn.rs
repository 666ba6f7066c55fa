//! Churn: allocate more than 10 GiB in total while keeping at most ~50 MiB live; the peak
//! resident set must stay under 400 MiB (memory stays bounded: collections free what died,
//! old space is reused, private pages are re-shared).

mod common;
use common::*;
use gc::{Gc, GcConfig, GcError};
use stm::ObjRef;

const BUCKET_REFS: usize = 30; // 24 + 240 -> 272-byte buckets
const BUCKETS: usize = 28 * 1024; // 860,160 ring slots: about 40 MiB of objects and 7 MiB of buckets
const OBJ: usize = 48; // one reference field: 48-byte objects

fn peak_rss_kib() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)).unwrap().parse().unwrap()
}

#[test]
fn ten_gib_of_churn_in_bounded_memory() {
    let config = GcConfig {
        stm: stm::Config { heap_limit: 4 << 30, ..stm::Config::with_segments(1) },
        stress: false,
        ..GcConfig::default()
    };
    let gc = Gc::new(config, Nodes).unwrap();
    let mut m = gc.mutator();
    // The live set: BUCKETS buckets, each holding BUCKET_REFS objects of OBJ bytes; a spine of
    // large objects holds the buckets.
    let spine_refs = 7168;
    let spines = BUCKETS / spine_refs;
    m.roots().words = vec![0; spines];
    m.start();
    for s in 0..spines {
        let spine = m.alloc(node_size(spine_refs) as u32, node_size(spine_refs)).unwrap();
        m.roots().words[s] = spine.0;
        for k in 0..spine_refs {
            let b = m.alloc(node_size(BUCKET_REFS) as u32, node_size(BUCKET_REFS)).unwrap();
            let spine = ObjRef(m.roots().words[s]);
            let th = m.thread();
            th.write(spine).unwrap();
            th.store_u64(spine, FIRST_REF + 8 * k as u64, b.0);
        }
        m.commit().unwrap();
        m.start();
    }
    let live_slots = BUCKETS * BUCKET_REFS;
    let target: u64 = std::env::var("CHURN_GIB").ok().and_then(|v| v.parse().ok()).unwrap_or(10) << 30;
    let mut allocated: u64 = 0;
    let mut i: u64 = 0;
    let mut counter = 0u64;
    while allocated < target {
        let o = m.alloc(OBJ as u32, OBJ).unwrap();
        allocated += OBJ as u64;
        i += 1;
        // One object in eight replaces an old one in the live set; the rest die young.
        if i % 8 == 0 {
            let slot = (counter as usize * 7919) % live_slots;
            counter += 1;
            let (b, k) = (slot / BUCKET_REFS, slot % BUCKET_REFS);
            let spine = ObjRef(m.roots().words[b / spine_refs]);
            let th = m.thread();
            th.read(spine);
            let bucket = ObjRef(th.load_u64(spine, FIRST_REF + 8 * (b % spine_refs) as u64));
            th.write(o).unwrap();
            th.store_u64(o, VALUE, counter);
            th.write(bucket).unwrap();
            th.store_u64(bucket, FIRST_REF + 8 * k as u64, o.0);
        }
        if i % 65536 == 0 {
            match m.safe_point() {
                Ok(()) => {}
                Err(e) => panic!("{e}"),
            }
            if i % (1 << 20) == 0 {
                m.commit().unwrap();
                m.start();
            }
        }
    }
    m.commit().unwrap();
    let rss = peak_rss_kib();
    eprintln!(
        "allocated {} GiB; {} minor and {} major collections; live after the last major {} MiB; peak RSS {} MiB",
        allocated >> 30,
        gc.minor_collections(),
        gc.major_collections(),
        gc.live_bytes() >> 20,
        rss >> 10
    );
    assert!(gc.major_collections() >= 5);
    assert!(gc.live_bytes() <= 80 << 20, "live {} MiB", gc.live_bytes() >> 20);
    assert!(rss < 400 << 10, "peak RSS {} MiB", rss >> 10);
    // The live set is intact: every slot holds an object or nothing, and values are in range.
    m.start();
    let mut seen = 0u64;
    for b in 0..BUCKETS {
        let spine = ObjRef(m.roots().words[b / spine_refs]);
        let th = m.thread();
        let bucket = ObjRef(th.load_u64(spine, FIRST_REF + 8 * (b % spine_refs) as u64));
        assert_eq!(th.typeid(bucket) as usize, node_size(BUCKET_REFS));
        for k in 0..BUCKET_REFS {
            let w = th.load_u64(bucket, FIRST_REF + 8 * k as u64);
            if w != 0 {
                let o = ObjRef(w);
                assert_eq!(th.typeid(o) as usize, OBJ);
                let v = th.load_u64(o, VALUE);
                assert!(v >= 1 && v <= counter);
                seen += 1;
            }
        }
    }
    m.commit().unwrap();
    assert_eq!(seen, counter.min(live_slots as u64));
    let _ = GcError::OutOfMemory { requested: 0 };
}
