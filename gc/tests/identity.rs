//! Identity and hashes across minor and major collections, large objects, objects spanning
//! pages, and running out of memory.

mod common;
use common::*;
use gc::{Gc, GcConfig, GcError, LARGE_OBJECT};
use stm::ObjRef;
use stm::layout::{NURSERY_START, OBJ_START, PAGE_SIZE};

fn gc(heap: u64) -> std::sync::Arc<Gc<Nodes>> {
    let config = GcConfig {
        stm: stm::Config { heap_limit: heap, ..stm::Config::with_segments(2) },
        nursery_size: 256 << 10,
        stress: false,
        ..GcConfig::default()
    };
    Gc::new(config, Nodes).unwrap()
}

#[test]
fn id_and_hash_survive_minor_and_major_collections() {
    let gc = gc(256 << 20);
    let mut m = gc.mutator();
    m.roots().words = vec![0; 2];
    m.start();
    let young = m.alloc(node_size(1) as u32, node_size(1)).unwrap();
    assert!(young.0 >= NURSERY_START && young.0 < OBJ_START, "small objects start in the nursery");
    m.thread().store_u64(young, VALUE, 42);
    let id = m.id(young).unwrap();
    let hash = m.identity_hash(young).unwrap();
    assert_eq!(m.id(young).unwrap(), id, "asking twice gives the same id");
    m.roots().words[0] = young.0;
    m.minor_collect().unwrap();
    let moved = ObjRef(m.roots().words[0]);
    assert_ne!(moved, young, "moved out of the nursery");
    assert_eq!(moved.0, id, "it moved to the slot its id named");
    assert_eq!(m.id(moved).unwrap(), id);
    assert_eq!(m.identity_hash(moved).unwrap(), hash);
    assert_eq!(m.thread().load_u64(moved, VALUE), 42);
    m.commit().unwrap();
    m.start();
    m.major_collect().unwrap();
    let still = ObjRef(m.roots().words[0]);
    assert_eq!((still, m.id(still).unwrap()), (moved, id), "old objects never move");
    m.commit().unwrap();
}

#[test]
fn ids_of_distinct_live_objects_differ() {
    let gc = gc(256 << 20);
    let mut m = gc.mutator();
    m.start();
    let mut ids = std::collections::HashSet::new();
    let mut objs = Vec::new();
    for _ in 0..1000 {
        let o = m.alloc(32, 32).unwrap();
        assert!(ids.insert(m.id(o).unwrap()));
        objs.push(o.0);
    }
    m.roots().words = objs;
    m.commit().unwrap();
    m.start();
    let words = m.roots().words.clone();
    let after: std::collections::HashSet<u64> = words.iter().map(|&w| m.id(ObjRef(w)).unwrap()).collect();
    assert_eq!(after, ids);
    m.commit().unwrap();
}

#[test]
fn large_and_page_spanning_objects_survive() {
    let gc = gc(256 << 20);
    let mut m = gc.mutator();
    m.roots().words = vec![0; 3];
    m.start();
    // Large: allocated in old space directly, never moved.
    let big = m.alloc(node_size(LARGE_OBJECT / 8) as u32, node_size(LARGE_OBJECT / 8)).unwrap();
    assert!(big.0 >= OBJ_START, "large objects go outside the nursery");
    // Spanning pages: a nursery object bigger than a page, moved to pages of its own.
    let span = m.alloc(node_size(600) as u32, node_size(600)).unwrap();
    assert!(node_size(600) > PAGE_SIZE);
    let small = m.alloc(node_size(0) as u32, node_size(0)).unwrap();
    m.thread().store_u64(small, VALUE, 7);
    for (o, n) in [(big, LARGE_OBJECT / 8), (span, 600)] {
        let th = m.thread();
        th.write(o).unwrap();
        for k in 0..n as u64 {
            th.store_u64(o, FIRST_REF + 8 * k, if k % 2 == 0 { small.0 } else { 0 });
        }
        th.store_u64(o, VALUE, n as u64);
    }
    m.roots().words = vec![big.0, span.0, 0];
    m.commit().unwrap();
    m.start();
    m.major_collect().unwrap();
    m.commit().unwrap();
    // Churn a little so that freed slots would be reused if anything were wrongly freed.
    for _ in 0..20 {
        m.start();
        for _ in 0..2000 {
            let g = m.alloc(node_size(2) as u32, node_size(2)).unwrap();
            m.thread().store_u64(g, VALUE, 0xdead);
        }
        m.commit().unwrap();
    }
    m.start();
    m.major_collect().unwrap();
    let words = m.roots().words.clone();
    let (big2, span2) = (ObjRef(words[0]), ObjRef(words[1]));
    assert_eq!(big2, big);
    let th = m.thread();
    let small2 = ObjRef(th.load_u64(span2, FIRST_REF));
    assert_eq!(th.load_u64(small2, VALUE), 7);
    for (o, n) in [(big2, LARGE_OBJECT / 8), (span2, 600)] {
        assert_eq!(th.load_u64(o, VALUE), n as u64);
        for k in 0..n as u64 {
            assert_eq!(th.load_u64(o, FIRST_REF + 8 * k), if k % 2 == 0 { small2.0 } else { 0 }, "field {k}");
        }
    }
    m.commit().unwrap();
}

#[test]
fn out_of_memory_is_an_error_not_a_crash() {
    let gc = gc(16 << 20);
    let mut m = gc.mutator();
    m.roots().words = Vec::new();
    m.start();
    let mut err = None;
    for _ in 0..10_000 {
        match m.alloc(node_size(8192) as u32, node_size(8192)) {
            Ok(o) => m.roots().words.push(o.0),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    let e = err.expect("a 16 MiB heap fills up");
    assert!(matches!(e, GcError::OutOfMemory { .. }), "{e}");
    assert!(e.to_string().contains("out of memory"));
    // Still usable: drop everything, collect, allocate again.
    m.roots().words.clear();
    m.abort();
    m.start();
    m.major_collect().unwrap();
    assert!(m.alloc(node_size(8192) as u32, node_size(8192)).is_ok());
    m.commit().unwrap();
}
