//! Constant folding and algebraic simplification of single ops, and the static outcome of
//! guards on constants. Pure functions of an opcode and its (already substituted) arguments:
//! the [`Emitter`](super::emitter::Emitter) applies them to every op a pass or the recorder
//! emits. This file must never look at other ops or keep state.

use crate::ir::{Arg, Opcode};

/// The outcome of folding an op with a result.
#[derive(Debug, PartialEq)]
pub enum Fold {
    /// The op is not simplified.
    Keep,
    /// The op's result is this argument (a constant or one of its inputs).
    To(Arg),
    /// An `_ovf` op whose result is known and does not overflow: the result, and the following
    /// `guard_no_overflow` always passes.
    NoOverflow(Arg),
    /// An `_ovf` op that always overflows: the following `guard_no_overflow` always fails.
    Overflows,
}

/// The static outcome of a guard.
#[derive(Debug, PartialEq)]
pub enum GuardFold {
    Keep,
    /// Always passes: drop it.
    Passes,
    /// Always fails: the trace cannot run past it.
    Fails,
}

fn int(a: Arg) -> Option<i64> {
    if let Arg::Int(i) = a { Some(i) } else { None }
}
fn float(a: Arg) -> Option<f64> {
    if let Arg::Float(f) = a { Some(f) } else { None }
}
fn b(x: bool) -> Fold {
    Fold::To(Arg::Int(x as i64))
}

/// Whether the op's two arguments may be swapped (used to canonicalize CSE keys).
pub fn commutative(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        IntAdd
            | IntMul
            | IntAnd
            | IntOr
            | IntXor
            | IntEq
            | IntNe
            | IntAddOvf
            | IntMulOvf
            | FloatAdd
            | FloatMul
            | FloatEq
            | FloatNe
            | PtrEq
            | PtrNe
    )
}

/// Whether `op` produces only 0 or 1.
pub fn is_bool(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        IntLt
            | IntLe
            | IntEq
            | IntNe
            | IntGt
            | IntGe
            | UintLt
            | UintGe
            | IntIsTrue
            | IntIsZero
            | FloatLt
            | FloatLe
            | FloatEq
            | FloatNe
            | FloatGt
            | FloatGe
            | PtrEq
            | PtrNe
    )
}

/// Folds a pure or `_ovf` op. `bool_arg(a)`: whether `a` is known to be 0 or 1 (the result of a
/// comparison), which lets `int_is_true(c)` become `c`.
pub fn fold(op: Opcode, args: &[Arg], bool_arg: impl Fn(Arg) -> bool) -> Fold {
    use Opcode::*;
    let (x, y) = (args.first().copied(), args.get(1).copied());
    let (ix, iy) = (x.and_then(int), y.and_then(int));
    // Constant folding.
    if let (Some(a), Some(c)) = (ix, iy) {
        let r = match op {
            IntAdd => Some(a.wrapping_add(c)),
            IntSub => Some(a.wrapping_sub(c)),
            IntMul => Some(a.wrapping_mul(c)),
            // Python's rounding; a zero divisor is left to the guard before the op.
            IntFloorDiv if c != 0 => Some(if c == -1 {
                a.wrapping_neg()
            } else {
                a.div_euclid(c) - ((a.rem_euclid(c) != 0 && c < 0) as i64)
            }),
            IntMod if c != 0 => Some(if c == -1 {
                0
            } else {
                let r = a.wrapping_rem(c);
                if r != 0 && ((r < 0) != (c < 0)) { r + c } else { r }
            }),
            IntAnd => Some(a & c),
            IntOr => Some(a | c),
            IntXor => Some(a ^ c),
            // Shift counts are taken modulo 64, as the machine does.
            IntLshift => Some(a.wrapping_shl(c as u32 & 63)),
            IntRshift => Some(a.wrapping_shr(c as u32 & 63)),
            UintRshift => Some(((a as u64) >> (c as u32 & 63)) as i64),
            IntLt => Some((a < c) as i64),
            IntLe => Some((a <= c) as i64),
            IntEq => Some((a == c) as i64),
            IntNe => Some((a != c) as i64),
            IntGt => Some((a > c) as i64),
            IntGe => Some((a >= c) as i64),
            UintLt => Some(((a as u64) < (c as u64)) as i64),
            UintGe => Some(((a as u64) >= (c as u64)) as i64),
            IntAddOvf | IntSubOvf | IntMulOvf => {
                let r = match op {
                    IntAddOvf => a.checked_add(c),
                    IntSubOvf => a.checked_sub(c),
                    _ => a.checked_mul(c),
                };
                return match r {
                    Some(r) => Fold::NoOverflow(Arg::Int(r)),
                    None => Fold::Overflows,
                };
            }
            _ => None,
        };
        if let Some(r) = r {
            return Fold::To(Arg::Int(r));
        }
    }
    if args.len() == 1
        && let Some(a) = ix
    {
        match op {
            IntNeg => return Fold::To(Arg::Int(a.wrapping_neg())),
            IntInvert => return Fold::To(Arg::Int(!a)),
            IntIsTrue => return b(a != 0),
            IntIsZero => return b(a == 0),
            CastIntToFloat => return Fold::To(Arg::Float(a as f64)),
            _ => {}
        }
    }
    match (op, x) {
        (CastPtrToInt, Some(Arg::Ref(r))) => return Fold::To(Arg::Int(r as i64)),
        (CastIntToPtr, Some(Arg::Int(i))) => return Fold::To(Arg::Ref(i as u64)),
        _ => {}
    }
    if let Some(f) = x.and_then(float) {
        if args.len() == 1 {
            match op {
                FloatNeg => return Fold::To(Arg::Float(-f)),
                FloatAbs => return Fold::To(Arg::Float(f.abs())),
                // Saturating, NaN to 0: Cranelift's fcvt_to_sint_sat, which the backend emits.
                CastFloatToInt => return Fold::To(Arg::Int(f as i64)),
                _ => {}
            }
        } else if let Some(g) = y.and_then(float) {
            let r = match op {
                FloatAdd => Some(Arg::Float(f + g)),
                FloatSub => Some(Arg::Float(f - g)),
                FloatMul => Some(Arg::Float(f * g)),
                FloatTrueDiv => Some(Arg::Float(f / g)),
                FloatLt => Some(Arg::Int((f < g) as i64)),
                FloatLe => Some(Arg::Int((f <= g) as i64)),
                FloatEq => Some(Arg::Int((f == g) as i64)),
                FloatNe => Some(Arg::Int((f != g) as i64)),
                FloatGt => Some(Arg::Int((f > g) as i64)),
                FloatGe => Some(Arg::Int((f >= g) as i64)),
                _ => None,
            };
            if let Some(r) = r {
                return Fold::To(r);
            }
        }
    }
    if let (Some(Arg::Ref(p)), Some(Arg::Ref(q))) = (x, y) {
        match op {
            PtrEq => return b(p == q),
            PtrNe => return b(p != q),
            _ => {}
        }
    }
    // Algebraic identities (the constant, if any, on the right; commutative ops are tried both
    // ways round).
    let (Some(x), y) = (x, y) else { return Fold::Keep };
    if let Some(y) = y {
        let same = x == y && x.value().is_some();
        let r = identity(op, x, y, same);
        if r != Fold::Keep {
            return r;
        }
        if commutative(op) {
            return identity(op, y, x, same);
        }
        return Fold::Keep;
    }
    match op {
        IntIsTrue if bool_arg(x) => Fold::To(x),
        _ => Fold::Keep,
    }
}

fn identity(op: Opcode, x: Arg, y: Arg, same: bool) -> Fold {
    use Opcode::*;
    let c = int(y);
    match op {
        IntAdd | IntSub | IntOr | IntXor | IntLshift | IntRshift | UintRshift if c == Some(0) => Fold::To(x),
        IntAddOvf | IntSubOvf if c == Some(0) => Fold::NoOverflow(x),
        IntMul | IntFloorDiv if c == Some(1) => Fold::To(x),
        IntMod if c == Some(1) => Fold::To(Arg::Int(0)),
        IntMulOvf if c == Some(1) => Fold::NoOverflow(x),
        IntMul | IntAnd if c == Some(0) => Fold::To(Arg::Int(0)),
        IntMulOvf if c == Some(0) => Fold::NoOverflow(Arg::Int(0)),
        IntAnd if c == Some(-1) => Fold::To(x),
        IntOr if c == Some(-1) => Fold::To(Arg::Int(-1)),
        IntSub | IntXor if same => Fold::To(Arg::Int(0)),
        IntSubOvf if same => Fold::NoOverflow(Arg::Int(0)),
        IntAnd | IntOr if same => Fold::To(x),
        IntEq | IntLe | IntGe | UintGe | PtrEq if same => b(true),
        IntNe | IntLt | IntGt | UintLt | PtrNe if same => b(false),
        // x * 1.0 and x - 0.0 are exact for every x (NaN and -0.0 included); x + 0.0 is not.
        FloatMul if float(y) == Some(1.0) => Fold::To(x),
        FloatSub if float(y).is_some_and(|f| f == 0.0 && f.is_sign_positive()) => Fold::To(x),
        FloatTrueDiv if float(y) == Some(1.0) => Fold::To(x),
        _ => Fold::Keep,
    }
}

/// The static outcome of a guard whose arguments are constants.
pub fn fold_guard(op: Opcode, args: &[Arg]) -> GuardFold {
    use Opcode::*;
    let pass = |c: bool| if c { GuardFold::Passes } else { GuardFold::Fails };
    match (op, args.first().copied()) {
        (GuardTrue, Some(Arg::Int(i))) => pass(i != 0),
        (GuardFalse, Some(Arg::Int(i))) => pass(i == 0),
        (GuardNonnull, Some(Arg::Ref(r))) => pass(r != 0),
        (GuardIsnull, Some(Arg::Ref(r))) => pass(r == 0),
        (GuardNonnullClass, Some(Arg::Ref(0))) => GuardFold::Fails,
        (GuardValue, Some(a)) if a.value().is_none() => pass(a == args[1]),
        _ => GuardFold::Keep,
    }
}
