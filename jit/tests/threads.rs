//! Compiled code on several threads at once, on the STM: increments of one shared counter
//! (write-write conflicts, aborts inside compiled code's write barrier, aborts at commit) and of
//! per-thread counters, checked against the serial result: nothing lost, nothing counted twice.

mod common;
use common::*;
use gc::GcError;
use jit::ir::Opcode;
use jit::{EXIT_ABORTED, Options, TraceKind, split_exit_code};
use stm::ObjRef;

// Adds 1 to the `value` of r0 and of r1, i2 times from i1.
const INCREMENT: &str = "[r0, r1, i2, i3]
label(r0, r1, i2, i3) [resume: 0x1@0 s0=r0 s1=r1 s2=i2 s3=i3]
i4 = int_lt(i2, i3)
guard_true(i4) [resume: 0x1@1 s0=r0 s1=r1 s2=i2 s3=i3]
i5 = getfield_i(r0, descr=<value>)
i6 = int_add(i5, 1)
setfield(r0, i6, descr=<value>)
i7 = getfield_i(r1, descr=<value>)
i8 = int_add(i7, 1)
setfield(r1, i8, descr=<value>)
i9 = int_add(i2, 1)
jump(r0, r1, i9, i3)
";

#[test]
fn shared_and_private_counters_lose_nothing() {
    const THREADS: usize = 4;
    const PER_THREAD: u64 = 30000;
    const CHUNK: u64 = 50; // increments per transaction
    let d = descrs();
    let gc = heap(2);
    let b = backend(Options::default());
    let t = b.compile(&parse(INCREMENT, &d), &d, TraceKind::Loop).unwrap();
    let mut m = gc.mutator();
    m.start();
    let objs = old_nodes(&mut m, THREADS + 1);
    for o in &objs {
        m.thread().write(*o).unwrap();
        m.th().store_u64(*o, 8, 0);
    }
    m.commit().unwrap();
    drop(m);
    let shared = objs[0];
    let aborts: u64 = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|k| {
                let (gc, b, t) = (gc.clone(), &b, &t);
                let mine = objs[k + 1];
                s.spawn(move || {
                    let mut m = gc.mutator();
                    let mut done = 0u64;
                    let mut aborts = 0u64;
                    while done < PER_THREAD {
                        m.start();
                        let end = (done + CHUNK).min(PER_THREAD);
                        let mut inputs = vec![shared.0, mine.0, done, end];
                        let ok = loop {
                            let (code, buf) = run(b, t, &mut m, &inputs);
                            if code == EXIT_ABORTED {
                                break false;
                            }
                            let k = split_exit_code(code).1;
                            if t.exits[k].opcode == Opcode::GuardTrue {
                                break true;
                            }
                            // A break check (nursery mark or a signal): carry on in this
                            // transaction, as the interpreter would at a safe point.
                            if m.safe_point().is_err() {
                                break false;
                            }
                            inputs = buf[..4].to_vec();
                        };
                        match (ok, if ok { m.commit() } else { Err(GcError::OutOfMemory { requested: 0 }) }) {
                            (true, Ok(_)) => done = end,
                            (true, Err(GcError::Aborted(_))) | (false, _) => aborts += 1,
                            (true, Err(e)) => panic!("{e}"),
                        }
                    }
                    aborts
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    eprintln!("{aborts} aborts");
    let mut m = gc.mutator();
    m.start();
    assert_eq!(m.th().load_u64(shared, 8), THREADS as u64 * PER_THREAD, "shared counter ({aborts} aborts)");
    for o in &objs[1..] {
        assert_eq!(m.th().load_u64(ObjRef(o.0), 8), PER_THREAD);
    }
    m.commit().unwrap();
}
