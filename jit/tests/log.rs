//! The trace log: written for compiled traces, read back, and the disassembly shows the
//! barriers.

mod common;
use common::*;
use jit::ir::*;
use jit::log::{Place, Times, TraceLog, reader};
use jit::{Options, TraceKind};
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);
impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const LOOP: &str = "[r0, i1, i2]
label(r0, i1, i2) [resume: 0x10@0 s0=r0 s1=i1 s2=i2]
debug_merge_point(16, 0)
i3 = int_lt(i1, i2)
guard_true(i3) [resume: 0x10@2 s0=r0 s1=i1 s2=i2]
debug_merge_point(16, 4)
i4 = getfield_i(r0, descr=<value>)
i5 = int_add(i4, i1)
setfield(r0, i5, descr=<value>)
i6 = int_add(i1, 1)
jump(r0, i6, i2)
";

#[test]
fn the_log_is_written_read_back_and_lists_the_barrier_instructions() {
    let d = descrs();
    let gc = heap(1);
    let b = backend(Options { count_entries: true, ..Options::default() });
    let recorded = parse(LOOP, &d);
    let t = b.compile(&recorded, &d, TraceKind::Loop).unwrap();
    let sink = Shared::default();
    let log = TraceLog::new(Box::new(sink.clone())).unwrap();
    // (No optimizer yet: the "optimized" trace here is the recorded one without its merge points.)
    let mut optimized = recorded.clone();
    optimized.ops.retain(|o| o.opcode != Opcode::DebugMergePoint);
    let times =
        Times { tracing: std::time::Duration::from_micros(950), optimizing: std::time::Duration::from_micros(12) };
    let locate = |code: u64, pc: u32| Place {
        location: format!("prog.py:{} in f{code:x}", pc + 1),
        bytecode: format!("Op{pc} (x | y)"),
    };
    log.trace(&t, &recorded, Some(&optimized), times, &d, &locate).unwrap();
    log.source(0x10, "f10", "dir with space/prog.py", 1, &["def f10(a):", "", "    return a | 1  "]).unwrap();
    let mut m = gc.mutator();
    m.start();
    let o = old_nodes(&mut m, 1)[0];
    let (code, _) = run(&b, &t, &mut m, &[o.0, 0, 10]);
    assert_eq!(code, t.exit_code(0));
    log.abort(0x10, 4, "prog.py:5 in f", "LoadAttr(3) is not traced yet").unwrap();
    log.abort(0x20, 0, "", "a reason: with a colon\nand a line break").unwrap();
    log.blacklist(0x10, 4, "prog.py:5 in f", 3).unwrap();
    log.counts(&[&t]).unwrap();
    m.commit().unwrap();

    let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
    let parsed = reader::read(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(parsed.traces.len(), 1);
    let aborts: Vec<(u64, u32, &str, &str)> =
        parsed.aborts.iter().map(|a| (a.code, a.pc, a.location.as_str(), a.reason.as_str())).collect();
    assert_eq!(
        aborts,
        vec![
            (0x10, 4, "prog.py:5 in f", "LoadAttr(3) is not traced yet"),
            (0x20, 0, "", "a reason: with a colon and a line break")
        ]
    );
    let lt = &parsed.traces[0];
    assert_eq!((lt.id, lt.kind.as_str()), (t.id, "loop"));
    assert_eq!((lt.code_addr, lt.code_size), (t.code_addr(), t.code().len() as u64));
    let locations: Vec<(u32, u64, u32, &str, &str, Option<u32>)> =
        lt.locations.iter().map(|l| (l.op, l.code, l.pc, l.location.as_str(), l.bytecode.as_str(), l.line())).collect();
    assert_eq!(
        locations,
        vec![
            (1, 16, 0, "prog.py:1 in f10", "Op0 (x | y)", Some(1)),
            (4, 16, 4, "prog.py:5 in f10", "Op4 (x | y)", Some(5))
        ]
    );
    assert_eq!((lt.trace_us, lt.optimize_us), (950, 12));
    let b: Vec<(u64, u32, &str, &str)> =
        parsed.blacklisted.iter().map(|a| (a.code, a.pc, a.location.as_str(), a.reason.as_str())).collect();
    assert_eq!(b, vec![(0x10, 4, "prog.py:5 in f", "after 3 aborted recordings")]);
    let src = &parsed.sources[0];
    assert_eq!((src.code, src.name.as_str(), src.file.as_str(), src.first), (0x10, "f10", "dir with space/prog.py", 1));
    assert_eq!(src.lines, vec!["def f10(a):", "", "    return a | 1  "]);
    assert_eq!(parsed.source_line(0x10, 3), Some("    return a | 1  "));
    assert_eq!(parsed.source_line(0x10, 4), None);
    assert_eq!(lt.recorded.join("\n") + "\n", LOOP);
    assert_eq!(lt.optimized.join("\n") + "\n", text::print(&optimized, &d));
    assert!(lt.rewritten.iter().any(|l| l == "stm_read(r0)"));
    assert!(lt.rewritten.iter().any(|l| l == "stm_write(r0)"));
    assert!(lt.rewritten.iter().any(|l| l.starts_with("break_check()")));
    assert_eq!(lt.entries, 1);
    let exit_names: Vec<&str> = lt.exits.iter().map(|e| e.opcode.as_str()).collect();
    assert_eq!(exit_names, vec!["guard_true", "break_check"]);
    assert_eq!(lt.exits[0].failures, 1);
    assert_eq!(lt.exits[0].fail, vec!["r0", "i1", "i2"]);
    // Every instruction of the code is listed, and the barrier ops have their instructions.
    let listed: usize = lt.asm.iter().map(|i| i.bytes.len() / 2).sum();
    assert_eq!(listed as u64, lt.code_size);
    let op_index = |prefix: &str| {
        t.trace.ops.iter().position(|o| text::op_text(&t.trace, &d, o).starts_with(prefix)).unwrap() as u32
    };
    let insns = |op: u32| lt.asm.iter().filter(|i| i.op == Some(op)).map(|i| i.text.clone()).collect::<Vec<_>>();
    // Read barrier: the segment base comes from r15, the read version is the byte at
    // base + 0x1000, and one byte is stored at base + (obj >> 4).
    let rb = insns(op_index("stm_read"));
    assert!(rb.iter().any(|i| i.contains("r15")), "{rb:?}");
    assert!(rb.iter().any(|i| i.starts_with("movzx") && i.contains("byte ptr [") && i.ends_with("+0x1000]")), "{rb:?}");
    assert!(rb.iter().any(|i| i.starts_with("shr") && i.ends_with(",4")), "{rb:?}");
    assert!(rb.iter().any(|i| i.starts_with("mov ") && i[3..].trim_start().starts_with('[')), "{rb:?}");
    assert!(!rb.iter().any(|i| i.starts_with('j') || i.starts_with("call")), "the read barrier has no branch: {rb:?}");
    // Write barrier: a test of the header flag and a branch to the cold path.
    let wb = insns(op_index("stm_write"));
    assert!(wb.iter().any(|i| i.starts_with("test") && i.ends_with(",1")), "{wb:?}");
    assert!(wb.iter().any(|i| i.starts_with("j")), "{wb:?}");
    // The cold path calls the adapter.
    assert!(lt.asm.iter().any(|i| i.text.starts_with("call")), "no call in the listing");
}

#[test]
fn bad_logs_are_refused_with_a_line_number() {
    assert_eq!(reader::read("hello\n").unwrap_err().line, 1);
    let e = reader::read("pystm-jitlog 1\n[trace 1 loop]\ncode: 0xzz 3\n").unwrap_err();
    assert_eq!(e.line, 3);
    let e = reader::read("pystm-jitlog 1\n[trace 1 loop]\ncode: 0x10 3\n").unwrap_err();
    assert!(e.msg.contains("ends inside"), "{e}");
    // Unknown keys are skipped.
    let e = reader::read("pystm-jitlog 1\n[source 0x10 1 f]\n  x = 1\n").unwrap_err();
    assert!(e.msg.contains("ends inside a source"), "{e}");
    let e = reader::read("pystm-jitlog 1\n[source 0x10 f]\n").unwrap_err();
    assert_eq!(e.line, 2);
    let ok = reader::read("pystm-jitlog 1\n[trace 1 loop]\nfuture-key: 7\n[end trace 1]\n").unwrap();
    assert_eq!(ok.traces[0].id, 1);
}
