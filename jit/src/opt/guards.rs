//! Guard strengthening and removal. Per value, what earlier guards established (its class,
//! non-null, null, its constant, a truth value) and which guard established it:
//!
//! - a guard that an earlier one implies is dropped (`guard_nonnull` after `guard_class`, a
//!   repeated `guard_true`, a second `guard_no_exception` with no call between, ...);
//! - `guard_class(x, C)` after `guard_nonnull(x)` turns the earlier guard into
//!   `guard_nonnull_class(x, C)`; `guard_value(x, K)` after `guard_class(x, C)` replaces the
//!   earlier guard. Failing earlier is sound: the earlier guard resumes the interpreter at an
//!   earlier point, which then takes the path the later guard would have left by;
//! - after `guard_value(x, K)` and `guard_isnull(x)`, later uses of `x` see the constant;
//! - guards that contradict each other make the trace impossible ([`OptError::Contradiction`]).
//!
//! This file must never move a guard later or remove one nothing implies.

use super::{Emitter, OptError};
use crate::ir::*;
use std::collections::HashMap;

#[derive(Default)]
struct Facts {
    /// Known class and the index of the (output) guard that established it.
    class: HashMap<Value, (u64, usize)>,
    /// Known non-null, and the index of the `guard_nonnull` that established it (if one did).
    nonnull: HashMap<Value, Option<usize>>,
    /// Known truth of int values.
    truth: HashMap<Value, bool>,
    /// Known constants (int or ref) of values guarded by `guard_value`.
    value: HashMap<Value, Arg>,
}

/// The pass.
pub fn run(t: &Trace, d: &Descrs, fold: bool) -> Result<Trace, OptError> {
    let mut em = Emitter::new(t, d, fold);
    let mut f = Facts::default();
    // Whether a `guard_no_exception` / `guard_not_invalidated` is in force (no call since).
    let mut no_exception = false;
    let mut not_invalidated = false;
    let contradiction = |m: String| Err(OptError::Contradiction(m));
    for op in &t.ops {
        use Opcode::*;
        let oc = op.opcode;
        let args: Vec<Arg> = op.args.iter().map(|a| em.arg(*a)).collect();
        let x = args.first().and_then(|a| a.value());
        match oc {
            GuardTrue | GuardFalse => {
                let want = oc == GuardTrue;
                if let Some(x) = x {
                    match f.truth.get(&x) {
                        Some(&k) if k == want => continue,
                        Some(_) => return contradiction(format!("guard_true and guard_false on value {}", x.0)),
                        None => {
                            f.truth.insert(x, want);
                        }
                    }
                }
            }
            GuardNonnull => {
                if let Some(x) = x {
                    if f.nonnull.contains_key(&x) {
                        continue;
                    }
                    if f.value.get(&x) == Some(&Arg::Ref(0)) {
                        return contradiction(format!("guard_nonnull on value {}, known to be null", x.0));
                    }
                    f.nonnull.insert(x, Some(em.out.ops.len()));
                }
            }
            GuardIsnull => {
                if let Some(x) = x {
                    if f.nonnull.contains_key(&x) {
                        return contradiction(format!("guard_isnull on value {}, known to be non-null", x.0));
                    }
                    em.copy(op, t)?;
                    em.replace(x, Arg::Ref(0));
                    f.value.insert(x, Arg::Ref(0));
                    continue;
                }
            }
            GuardClass | GuardNonnullClass => {
                if let Some(x) = x {
                    let c = args[1].const_bits().expect("verified: a constant");
                    match f.class.get(&x) {
                        Some(&(k, _)) if k == c => continue,
                        Some(&(k, _)) => {
                            return contradiction(format!("value {} guarded to be of classes {k} and {c}", x.0));
                        }
                        None => {}
                    }
                    if let Some(Some(i)) = f.nonnull.get(&x).copied()
                        && em.out.ops[i].opcode == GuardNonnull
                        && em.out.ops[i].args[0] == Arg::Val(x)
                    {
                        // Strengthen the earlier guard_nonnull.
                        let g = &mut em.out.ops[i];
                        g.opcode = GuardNonnullClass;
                        g.args.push(args[1]);
                        f.class.insert(x, (c, i));
                        continue;
                    }
                    f.class.insert(x, (c, em.out.ops.len()));
                    f.nonnull.entry(x).or_insert(None);
                }
            }
            GuardValue => {
                if let Some(x) = x {
                    match f.value.get(&x) {
                        Some(k) if *k == args[1] => continue,
                        Some(k) => {
                            return contradiction(format!("value {} guarded to be {k:?} and {:?}", x.0, args[1]));
                        }
                        None => {}
                    }
                    if args[1] == Arg::Ref(0) && (f.nonnull.contains_key(&x) || f.class.contains_key(&x)) {
                        return contradiction(format!("value {} guarded to be null and not null", x.0));
                    }
                    f.value.insert(x, args[1]);
                    if let Some(&(_, i)) = f.class.get(&x) {
                        // A value implies the class: the earlier class guard checks the value.
                        let g = &mut em.out.ops[i];
                        if matches!(g.opcode, GuardNonnullClass | GuardClass) && g.args[0] == Arg::Val(x) {
                            g.opcode = GuardValue;
                            g.args = vec![Arg::Val(x), args[1]];
                            em.replace(x, args[1]);
                            continue;
                        }
                    }
                    em.copy(op, t)?;
                    em.replace(x, args[1]);
                    continue;
                }
            }
            GuardNoException => {
                if no_exception {
                    continue;
                }
                no_exception = true;
            }
            GuardNotInvalidated => {
                if not_invalidated {
                    continue;
                }
                not_invalidated = true;
            }
            Label => {
                not_invalidated = false;
            }
            _ if oc.has(flag::CALL) => {
                let c = d.as_call(op.descr.expect("verified")).expect("verified");
                // A call that cannot raise leaves the exception word as it was.
                no_exception = no_exception && !c.effect.may_raise;
                if !c.effect.pure {
                    not_invalidated = false;
                }
            }
            _ => {}
        }
        em.copy(op, t)?;
    }
    Ok(em.finish())
}
