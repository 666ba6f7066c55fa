//! Dead-code elimination: ops without effects (pure ops, loads, copies, pure calls) whose
//! results nothing uses — no op, no snapshot — are dropped, walking backwards so chains of
//! dead ops go at once. This file must never drop an op with an effect, a guard or an `_ovf`
//! op (its guard reads the overflow flag it sets).

use crate::ir::*;

/// The pass.
pub fn run(t: &Trace, d: &Descrs) -> Trace {
    let mut used = vec![false; t.types.len()];
    let mut keep = vec![true; t.ops.len()];
    for (i, op) in t.ops.iter().enumerate().rev() {
        let oc = op.opcode;
        let removable = oc.has(flag::PURE)
            || (oc.has(flag::LOAD) && !oc.is_guard())
            || matches!(oc, Opcode::SameAsI | Opcode::SameAsR | Opcode::SameAsF)
            || (oc.has(flag::CALL)
                && op.descr.and_then(|x| d.as_call(x)).is_some_and(|c| c.effect.pure && !c.effect.may_raise));
        if removable && op.result.is_some_and(|r| !used[r.0 as usize]) {
            keep[i] = false;
            continue;
        }
        for a in &op.args {
            if let Arg::Val(v) = a {
                used[v.0 as usize] = true;
            }
        }
        if let Some(s) = op.snapshot {
            for v in t.snapshots[s as usize].live_values() {
                used[v.0 as usize] = true;
            }
        }
    }
    let mut out = t.clone();
    let mut k = 0;
    out.ops.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    out
}
