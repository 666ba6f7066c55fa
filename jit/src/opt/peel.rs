//! Loop peeling and the shape of the loop every later pass relies on.
//!
//! `[inputs] P; label(L); B; jump(J)` becomes, with peeling,
//! `[inputs] P; B'; s = same_as(J'); label(s); B''; jump(J'')`: the body `B'` copied once as a
//! preamble (its values keep their numbers), then the loop, whose body `B''` has fresh values.
//! Without peeling the preamble is left out (`s = same_as(L)`). Either way:
//!
//! - a label slot whose jump argument is its own label value is loop-invariant: it leaves the
//!   label and the jump, and the body uses the value from before the label;
//! - every other label argument is a fresh `same_as` value that nothing before the label uses,
//!   so a fact about any value defined before the label holds in the body too.
//!
//! This file only copies and renames ops; it must never simplify them.

use crate::ir::*;

/// Peels `t` (which must verify), or only renames its label arguments when `peel` is false.
/// Traces without a loop come back unchanged.
pub fn run(t: &Trace, peel: bool) -> Trace {
    let (Some(li), Some(jump)) = (t.label_index(), t.ops.last()) else { return t.clone() };
    // A trace that leaves its label by `exit` or a jump to another trace is not a loop of its
    // own: its label arguments are renamed (the rule above holds for it too), nothing peeled.
    let closes = jump.opcode == Opcode::Jump && jump.descr.is_none();
    let peel = peel && closes;
    let label = &t.ops[li];
    let params: Vec<Value> = label.args.iter().map(|a| a.value().expect("verified")).collect();
    let invariant: Vec<bool> = params.iter().enumerate().map(|(k, p)| closes && jump.args[k] == Arg::Val(*p)).collect();
    let body = &t.ops[li + 1..if closes { t.ops.len() - 1 } else { t.ops.len() }];
    let mut out = Trace {
        inputs: t.inputs.clone(),
        ops: t.ops[..li].to_vec(),
        types: t.types.clone(),
        snapshots: t.snapshots.clone(),
    };
    // Where each slot's value comes from when the loop is entered.
    let entry: Vec<Arg> = if peel {
        out.ops.extend(body.iter().cloned());
        jump.args.clone()
    } else {
        params.iter().map(|p| Arg::Val(*p)).collect()
    };
    let mut map: Vec<Option<Arg>> = vec![None; t.types.len()];
    let mut label_args = Vec::new();
    for (k, p) in params.iter().enumerate() {
        if invariant[k] {
            continue;
        }
        let s = out.val(Opcode::same_as(out.type_of(entry[k])), &[entry[k]], None);
        map[p.0 as usize] = Some(Arg::Val(s));
        label_args.push(Arg::Val(s));
    }
    let mapped = |map: &[Option<Arg>], a: Arg| match a {
        Arg::Val(v) => map[v.0 as usize].unwrap_or(a),
        a => a,
    };
    let snap = |out: &mut Trace, map: &[Option<Arg>], s: Option<u32>| {
        s.map(|s| {
            let mut snap = t.snapshots[s as usize].clone();
            snap.map_values(|v| mapped(map, Arg::Val(v)));
            out.snapshots.push(snap);
            out.snapshots.len() as u32 - 1
        })
    };
    let s = snap(&mut out, &map, label.snapshot);
    out.ops.push(Op { opcode: Opcode::Label, args: label_args, result: None, descr: None, snapshot: s });
    for op in body {
        let args = op.args.iter().map(|a| mapped(&map, *a)).collect();
        let snapshot = snap(&mut out, &map, op.snapshot);
        let result = op.result.map(|r| {
            if !peel {
                return r;
            }
            let fresh = out.new_value(t.types[r.0 as usize]);
            map[r.0 as usize] = Some(Arg::Val(fresh));
            fresh
        });
        out.ops.push(Op { opcode: op.opcode, args, result, descr: op.descr, snapshot });
    }
    if closes {
        let args = jump.args.iter().zip(&invariant).filter(|(_, inv)| !**inv).map(|(a, _)| mapped(&map, *a)).collect();
        out.ops.push(Op { opcode: Opcode::Jump, args, result: None, descr: None, snapshot: None });
    }
    out
}
