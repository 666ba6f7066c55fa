//! The IR's textual form, the late rewrite's placement rules, and the resume encoding.

mod common;
use common::*;
use jit::ir::*;
use jit::resume::{RVal, encode};
use jit::rewrite::rewrite;

const ALL_KINDS: &str = "[i0, r1, f2]
label(i0, r1, f2) [resume: 0x10@0 s0=i0 s1=r1 s2=f2]
debug_merge_point(16, 0)
i3 = int_add_ovf(i0, -1)
guard_no_overflow() [resume: 0x10@2 s0=i3 s1=r1 s2=f2 | 0x20@7 s0=v0 s1=ref(0x200000000); v0=<node>(<value>=i3, <fval>=-0.0, <next>=v0)]
i4 = getfield_i(r1, descr=<value>)
f5 = float_add(f2, 1.5)
f6 = float_mul(f5, inf)
i7 = float_lt(f6, nan)
guard_false(i7) [resume: 0x10@3 s0=i3 s1=r1 s2=f6]
setfield(r1, i4, descr=<value>)
r8 = new(descr=<node>)
r9 = getfield_r(r8, descr=<next>)
i10 = ptr_eq(r9, ref(0x0))
guard_true(i10) [resume: 0x10@4 s0=i3]
jump(i3, r1, f6)
";

#[test]
fn the_text_form_prints_and_parses_back() {
    let d = descrs();
    let t = parse(ALL_KINDS, &d);
    assert_eq!(text::print(&t, &d), ALL_KINDS);
    let again = parse(&text::print(&t, &d), &d);
    assert_eq!(again, t);
    // The rewritten trace round-trips too (late ops, new values).
    let r = rewrite(&t, &d).unwrap();
    let printed = text::print(&r, &d);
    assert_eq!(text::print(&parse(&printed, &d), &d), printed);
}

#[test]
fn parse_errors_name_the_line() {
    let d = descrs();
    for (src, line, want) in [
        ("[i0]\ni1 = int_frob(i0)\n", 2, "unknown op"),
        ("[i0]\ni1 = getfield_i(i0, descr=<nope>)\n", 2, "unknown descriptor"),
        ("[i0]\ni0 = int_add(i0, 1)\n", 2, "defined twice"),
        ("[i0]\nint_add(i0, 1)\n", 2, "has a result"),
        ("[i0]\nguard_true(i0) [resume 0x1@0]\n", 2, "resume:"),
        ("[i0]\nf1 = int_add(i0, 1)\n", 2, "names a Float"),
    ] {
        let e = text::parse(src, &d).unwrap_err();
        assert_eq!(e.line, line, "{src:?}: {e}");
        assert!(e.msg.contains(want), "{src:?}: {e}");
    }
}

#[test]
fn every_opcode_has_a_unique_name_and_consistent_flags() {
    let mut names = std::collections::HashSet::new();
    for op in Opcode::ALL {
        assert!(names.insert(op.name()), "duplicate {}", op.name());
        assert_eq!(Opcode::from_name(op.name()), Some(*op));
        if op.has(flag::PURE) {
            assert!(!op.has(flag::EFFECT) && !op.is_guard() && op.result() != Type::Void, "{}", op.name());
        }
        if op.is_guard() {
            assert_eq!(op.result(), Type::Void, "{}", op.name());
        }
    }
}

fn ops_of(t: &Trace, d: &Descrs) -> Vec<String> {
    t.ops.iter().map(|o| text::op_text(t, d, o)).collect()
}

#[test]
fn barriers_are_placed_once_per_object_between_calls_and_labels() {
    let mut d = descrs();
    d.add(
        "h",
        Descr::Call(CallDescr {
            addr: 1,
            args: vec![],
            result: Type::Void,
            effect: Effect::default(),
            with_ctx: false,
        }),
    );
    let src = "[r0, r1]
i2 = getfield_i(r0, descr=<value>)
i3 = getfield_i(r0, descr=<value>)
setfield(r0, i3, descr=<value>)
i4 = getfield_i(r0, descr=<value>)
setfield(r1, i2, descr=<value>)
i5 = getfield_i(r1, descr=<value>)
call_n(descr=<h>)
i6 = getfield_i(r0, descr=<value>)
i7 = getfield_i(ref(0x200000010), descr=<value>)
i8 = getfield_i(ref(0x200000010), descr=<const>)
setfield(r0, i7, descr=<value>)
exit() [resume: 0x1@0]
";
    let r = rewrite(&parse(src, &d), &d).unwrap();
    let ops = ops_of(&r, &d);
    let expect = [
        "stm_read(r0)",
        "i2 = getfield_i(r0, descr=<value>)",
        "i3 = getfield_i(r0, descr=<value>)",
        "stm_write(r0)",
        "setfield(r0, i3, descr=<value>)",
        "i4 = getfield_i(r0, descr=<value>)",
        "stm_write(r1)",
        "setfield(r1, i2, descr=<value>)",
        "i5 = getfield_i(r1, descr=<value>)",
        "call_n(descr=<h>)",
        // r0 was written: still barriered after the call (calls cannot commit or collect)
        "i6 = getfield_i(r0, descr=<value>)",
        "stm_read(ref(0x200000010))",
        "i7 = getfield_i(ref(0x200000010), descr=<value>)",
        "i8 = getfield_i(ref(0x200000010), descr=<const>)",
        "setfield(r0, i7, descr=<value>)",
        "exit() [resume: 0x1@0]",
    ];
    assert_eq!(ops, expect);
}

#[test]
fn reads_are_barriered_again_after_a_call_and_in_each_iteration() {
    let mut d = descrs();
    d.add(
        "h",
        Descr::Call(CallDescr {
            addr: 1,
            args: vec![],
            result: Type::Void,
            effect: Effect::default(),
            with_ctx: false,
        }),
    );
    let src = "[r0]
i1 = getfield_i(r0, descr=<value>)
call_n(descr=<h>)
i2 = getfield_i(r0, descr=<value>)
label(r0) [resume: 0x1@0 s0=r0]
i3 = getfield_i(r0, descr=<value>)
r4 = new(descr=<node>)
setfield(r4, i3, descr=<value>)
jump(r0)
";
    let r = rewrite(&parse(src, &d), &d).unwrap();
    let reads = r.ops.iter().filter(|o| o.opcode == Opcode::StmRead).count();
    assert_eq!(reads, 3, "{:#?}", ops_of(&r, &d));
    assert!(!r.ops.iter().any(|o| o.opcode == Opcode::StmWrite), "fresh objects need no write barrier");
    assert!(!r.ops.iter().any(|o| o.descr == Some(DUMMY)), "the loop allocates: no dummy allocation");
    let last: Vec<String> = ops_of(&r, &d).into_iter().rev().take(2).collect();
    assert_eq!(last, vec!["jump(r0)".to_string(), "break_check() [resume: 0x1@0 s0=r0]".to_string()]);
}

#[test]
fn large_and_variable_size_allocations_are_not_fresh() {
    let mut d = descrs();
    d.size("big", 40, 100_000);
    let src = "[i0]
r1 = new(descr=<big>)
setfield(r1, 1, descr=<value>)
r2 = new_array(i0, descr=<items>)
setarrayitem(r2, 0, 1, descr=<items>)
r3 = new_array(4, descr=<items>)
setarrayitem(r3, 0, 1, descr=<items>)
exit() [resume: 0x1@0]
";
    let r = rewrite(&parse(src, &d), &d).unwrap();
    let writes: Vec<String> = ops_of(&r, &d).into_iter().filter(|o| o.starts_with("stm_write")).collect();
    assert_eq!(writes, vec!["stm_write(r1)", "stm_write(r2)"]);
}

#[test]
fn neighbouring_guards_share_resume_records() {
    let d = descrs();
    // 40 guards over the same 20 slots (a function's locals); each changes one slot and the pc.
    let inputs: Vec<String> = (0..20).map(|i| format!("i{i}")).collect();
    let mut src = format!("[{}]\n", inputs.join(", "));
    let mut cur: Vec<u32> = (0..20).collect();
    let mut next = 20;
    for g in 0..40 {
        let slot = (g * 7) % 20;
        src.push_str(&format!("i{next} = int_add(i{}, 1)\n", cur[slot]));
        cur[slot] = next;
        next += 1;
        let slots: Vec<String> = cur.iter().enumerate().map(|(k, v)| format!("s{k}=i{v}")).collect();
        src.push_str(&format!(
            "i{next} = int_lt(i{}, 100)\nguard_true(i{next}) [resume: 0x1@{g} {}]\n",
            cur[slot],
            slots.join(" ")
        ));
        next += 1;
    }
    src.push_str("exit() [resume: 0x1@99]\n");
    let t = parse(&src, &d);
    let exits: Vec<u32> = t.ops.iter().filter_map(|o| o.snapshot).collect();
    let code = encode(&t, &exits);
    // Every exit decodes to its own snapshot.
    for (k, &s) in exits.iter().enumerate() {
        let rec = code.record(k);
        let snap = &t.snapshots[s as usize];
        assert_eq!(rec.frames[0].pc, snap.frames[0].pc);
        let fail = &code.exits[k].fail_args;
        for (slot, v) in &snap.frames[0].slots {
            let got = rec.frames[0].slots.iter().find(|(k2, _)| k2 == slot).expect("slot").1;
            match (got, v) {
                (RVal::FailArg(i), Slot::Arg(Arg::Val(want))) => assert_eq!(fail[i as usize], *want),
                other => panic!("{other:?}"),
            }
        }
    }
    // Against a full record per exit (each snapshot encoded alone):
    let full_size: usize = exits.iter().map(|s| encode(&t, &[*s]).bytes.len()).sum();
    assert!(code.bytes.len() * 3 < full_size, "{} bytes shared, {full_size} bytes as full records", code.bytes.len());
    // And no exit stores more than twice the values its snapshot needs.
    for (k, &s) in exits.iter().enumerate() {
        assert!(code.exits[k].fail_args.len() <= 2 * t.snapshots[s as usize].live_values().len().max(4));
    }
}
