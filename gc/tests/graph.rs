//! Random object graphs built and changed by 1, 2 and 4 threads inside transactions, checked
//! against a plain-Rust model after thousands of minor and tens of major collections, with
//! explicit aborts mixed in (what an aborted transaction created disappears; what it changed
//! comes back), and identities that must not change when objects move.

mod common;
use common::*;
use gc::{Gc, GcConfig, GcError, Mutator};
use std::collections::HashMap;
use std::sync::Arc;
use stm::ObjRef;
use stm::workload::Rng;

#[derive(Clone, Debug)]
struct Node {
    value: u64,
    refs: Vec<Option<u64>>, // model ids
}

#[derive(Clone, Default)]
struct Model {
    nodes: HashMap<u64, Node>,
    roots: Vec<Option<u64>>,
    ids: HashMap<u64, u64>, // model id -> identity
}

const ROOTS: usize = 16;

fn config(segments: usize, stress: bool) -> GcConfig {
    GcConfig {
        stm: stm::Config { heap_limit: 1 << 30, ..stm::Config::with_segments(segments) },
        nursery_size: 64 << 10,
        major_min: 2 << 20,
        major_factor: 1.5,
        stress,
        ..GcConfig::default()
    }
}

/// The heap object a root slot refers to, with the model's view of it.
fn check_reachable(m: &mut Mutator<Nodes>, model: &Model) {
    let words = m.roots().words.clone();
    let mut seen: HashMap<u64, u64> = HashMap::new(); // model id -> address
    let mut todo: Vec<(u64, u64)> = Vec::new();
    for (i, r) in model.roots.iter().enumerate() {
        match r {
            None => assert_eq!(words[i], 0, "root {i} should be empty"),
            Some(id) => todo.push((*id, words[i])),
        }
    }
    while let Some((id, addr)) = todo.pop() {
        if let Some(&a) = seen.get(&id) {
            assert_eq!(a, addr, "node {id} reached at two addresses");
            continue;
        }
        seen.insert(id, addr);
        let o = ObjRef(addr);
        let th = m.thread();
        th.read(o);
        assert_eq!(th.load_u64(o, ID), id, "model id at {addr:#x}");
        let n = &model.nodes[&id];
        assert_eq!(th.load_u64(o, VALUE), n.value, "value of node {id}");
        assert_eq!(refs_of(th.typeid(o) as usize), n.refs.len(), "shape of node {id}");
        for (k, r) in n.refs.iter().enumerate() {
            let w = th.load_u64(o, FIRST_REF + 8 * k as u64);
            match r {
                None => assert_eq!(w, 0, "field {k} of node {id}"),
                Some(t) => todo.push((*t, w)),
            }
        }
        if let Some(&ident) = model.ids.get(&id) {
            assert_eq!(m.id(o).unwrap(), ident, "identity of node {id} changed");
        }
    }
}

/// Follows root `r` in the heap to its node (model id known from the model).
fn root_obj(m: &Mutator<Nodes>, r: usize) -> ObjRef {
    ObjRef(m.roots().words[r])
}

fn step(m: &mut Mutator<Nodes>, model: &mut Model, rng: &mut Rng, next_id: &mut u64) -> Result<(), GcError> {
    m.safe_point()?;
    if rng.range(0, 150) == 0 {
        // Inside the transaction: the others are stopped wherever they are.
        m.major_collect()?;
    }
    let r = rng.range(0, ROOTS as u64 - 1) as usize;
    match rng.range(0, 9) {
        0..=3 => {
            // A new node in a root slot; sometimes large (allocated in old space directly).
            let nrefs = if rng.range(0, 200) == 0 { 8200 } else { rng.range(0, 4) as usize };
            let size = node_size(nrefs);
            let nrefs = refs_of(size);
            let o = m.alloc(size as u32, size)?;
            let id = *next_id;
            *next_id += 1;
            let v = rng.next_u64() >> 8;
            let th = m.thread();
            th.write(o).map_err(GcError::Aborted)?;
            th.store_u64(o, ID, id);
            th.store_u64(o, VALUE, v);
            m.roots().words[r] = o.0;
            model.nodes.insert(id, Node { value: v, refs: vec![None; nrefs] });
            model.roots[r] = Some(id);
        }
        4..=6 => {
            // Link: a field of root r's node points at root t's node (or nothing).
            let t = rng.range(0, ROOTS as u64 - 1) as usize;
            let Some(src) = model.roots[r] else { return Ok(()) };
            let nrefs = model.nodes[&src].refs.len();
            if nrefs == 0 {
                return Ok(());
            }
            let k = rng.range(0, nrefs as u64 - 1) as usize;
            let (o, target) = (root_obj(m, r), m.roots().words[t]);
            let th = m.thread();
            th.write(o).map_err(GcError::Aborted)?;
            th.store_u64(o, FIRST_REF + 8 * k as u64, target);
            model.nodes.get_mut(&src).unwrap().refs[k] = model.roots[t];
        }
        7 => {
            // Move along an edge: root r takes the node its node's field points at.
            let Some(src) = model.roots[r] else { return Ok(()) };
            let refs = &model.nodes[&src].refs;
            if refs.is_empty() {
                return Ok(());
            }
            let k = rng.range(0, refs.len() as u64 - 1) as usize;
            let dst = refs[k];
            let o = root_obj(m, r);
            let th = m.thread();
            th.read(o);
            let w = th.load_u64(o, FIRST_REF + 8 * k as u64);
            m.roots().words[r] = w;
            model.roots[r] = dst;
        }
        8 => {
            // Change a value.
            let Some(id) = model.roots[r] else { return Ok(()) };
            let v = rng.next_u64() >> 8;
            let o = root_obj(m, r);
            let th = m.thread();
            th.write(o).map_err(GcError::Aborted)?;
            th.store_u64(o, VALUE, v);
            model.nodes.get_mut(&id).unwrap().value = v;
        }
        _ => {
            // Take an identity (young or old), to be checked from now on.
            let Some(id) = model.roots[r] else { return Ok(()) };
            let o = root_obj(m, r);
            let ident = m.id(o)?;
            if let Some(&old) = model.ids.get(&id) {
                assert_eq!(old, ident, "identity of node {id} changed");
            }
            model.ids.insert(id, ident);
        }
    }
    Ok(())
}

fn worker(gc: Arc<Gc<Nodes>>, seed: u64, transactions: usize) {
    let mut m = gc.mutator();
    // Root words: the current roots, then the roots as they were when the transaction started
    // (what an abort goes back to must stay alive, as a VM's committed frames do).
    m.roots().words = vec![0; 2 * ROOTS];
    let mut model = Model { roots: vec![None; ROOTS], ..Model::default() };
    let mut rng = Rng::new(seed);
    let mut next_id = seed << 40;
    for t in 0..transactions {
        let saved = (model.clone(), m.roots().words[..ROOTS].to_vec());
        {
            let mut roots = m.roots();
            let cur = roots.words[..ROOTS].to_vec();
            roots.words[ROOTS..].copy_from_slice(&cur);
        }
        loop {
            m.start();
            let n = rng.range(1, 40);
            let mut res = Ok(());
            for _ in 0..n {
                res = step(&mut m, &mut model, &mut rng, &mut next_id);
                if res.is_err() {
                    break;
                }
            }
            if res.is_ok() && t % 7 == 3 {
                check_reachable(&mut m, &model); // young objects included
                m.abort();
                res = Err(GcError::Aborted(stm::Abort { reason: stm::AbortReason::Explicit }));
            }
            if res.is_ok() {
                res = m.commit().map(|_| ());
            }
            match res {
                Ok(()) => break,
                Err(GcError::Aborted(_)) => {
                    // Rolled back: so are the model and the roots.
                    model = saved.0.clone();
                    m.roots().words[..ROOTS].copy_from_slice(&saved.1);
                    if t % 7 == 3 {
                        break; // the explicit abort stands
                    }
                }
                Err(e) => panic!("{e}"),
            }
        }
        if t % 5 == 0 {
            m.start();
            check_reachable(&mut m, &model);
            m.commit().unwrap();
        }
    }
    m.start();
    check_reachable(&mut m, &model);
    m.commit().unwrap();
}

fn run(threads: usize, transactions: usize) {
    run_with(threads, transactions, false);
}

fn run_with(threads: usize, transactions: usize, stress: bool) {
    let gc = Gc::new(config(threads, stress), Nodes).unwrap();
    let hs: Vec<_> = (0..threads)
        .map(|t| {
            let gc = gc.clone();
            std::thread::spawn(move || worker(gc, t as u64 + 1, transactions))
        })
        .collect();
    hs.into_iter().for_each(|h| h.join().unwrap());
    eprintln!(
        "{threads} threads: {} minor and {} major collections, {} KiB live",
        gc.minor_collections(),
        gc.major_collections(),
        gc.live_bytes() >> 10
    );
    assert!(gc.minor_collections() >= 1000, "only {} minor collections", gc.minor_collections());
    assert!(gc.major_collections() >= 10, "only {} major collections", gc.major_collections());
}

#[test]
fn graph_one_thread() {
    run(1, 2000);
}

#[test]
fn graph_two_threads() {
    run(2, 1500);
}

#[test]
fn graph_four_threads() {
    run(4, 800);
}

#[test]
fn graph_gc_stress_two_threads() {
    // A minor collection at every safe point and a major one every 16th.
    run_with(2, 600, true);
}
