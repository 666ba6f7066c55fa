//! Integer bounds: for every int value a range `[lo, hi]` and known bits, from constants,
//! narrow loads, the ops that compute it, and the guards that test it. With them, `_ovf` ops
//! that cannot overflow become plain ops (and their `guard_no_overflow` goes), comparisons that
//! are decided become constants (and the guards on them go), and a value pinned to one number
//! becomes that constant. This file must never reorder or drop ops other than by those rules.

use super::{Emitter, OptError};
use crate::ir::*;
use std::collections::HashMap;

/// What is known of an int: `lo <= x <= hi`, the bits in `zeros` are 0 and those in `ones` 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    pub lo: i64,
    pub hi: i64,
    pub zeros: u64,
    pub ones: u64,
}

const SIGN: u64 = 1 << 63;

impl Bound {
    pub const FULL: Bound = Bound { lo: i64::MIN, hi: i64::MAX, zeros: 0, ones: 0 };

    pub fn konst(c: i64) -> Bound {
        Bound { lo: c, hi: c, zeros: !(c as u64), ones: c as u64 }
    }
    pub fn range(lo: i64, hi: i64) -> Bound {
        Bound { lo, hi, zeros: 0, ones: 0 }.tighten()
    }
    fn range128(lo: i128, hi: i128) -> Bound {
        if lo < i64::MIN as i128 || hi > i64::MAX as i128 { Bound::FULL } else { Bound::range(lo as i64, hi as i64) }
    }
    fn bits(zeros: u64, ones: u64) -> Bound {
        Bound { lo: i64::MIN, hi: i64::MAX, zeros, ones }.tighten()
    }
    pub fn constant(&self) -> Option<i64> {
        (self.lo == self.hi).then_some(self.lo)
    }
    pub fn is_empty(&self) -> bool {
        self.lo > self.hi || self.zeros & self.ones != 0
    }

    /// Makes the range and the bits agree with each other.
    fn tighten(mut self) -> Bound {
        for _ in 0..2 {
            // Range from bits: unknown bits 0 give the least value, 1 the greatest (the sign
            // bit counts negatively).
            let unknown = !(self.zeros | self.ones);
            let min = (self.ones | (unknown & SIGN)) as i64;
            let max = (self.ones | (unknown & !SIGN)) as i64;
            self.lo = self.lo.max(min);
            self.hi = self.hi.min(max);
            if self.lo > self.hi {
                return self;
            }
            // Bits from range: the leading bits `lo` and `hi` share are shared by every value
            // between them (a range across zero shares none: the sign bits differ).
            let diff = (self.lo ^ self.hi) as u64;
            let common = if diff == 0 { u64::MAX } else { !(u64::MAX >> diff.leading_zeros()) };
            self.ones |= self.lo as u64 & common;
            self.zeros |= !(self.lo as u64) & common;
        }
        self
    }

    /// The intersection.
    pub fn meet(self, o: Bound) -> Bound {
        Bound { lo: self.lo.max(o.lo), hi: self.hi.min(o.hi), zeros: self.zeros | o.zeros, ones: self.ones | o.ones }
            .tighten()
    }

    fn nonneg(&self) -> bool {
        self.lo >= 0
    }
}

/// What `x < y` etc. (signed) tells; `None` when undecided.
fn decide(op: Opcode, x: Bound, y: Bound) -> Option<bool> {
    use Opcode::*;
    let lt = if x.hi < y.lo {
        Some(true)
    } else if x.lo >= y.hi {
        Some(false)
    } else {
        None
    };
    let le = if x.hi <= y.lo {
        Some(true)
    } else if x.lo > y.hi {
        Some(false)
    } else {
        None
    };
    let disjoint = x.hi < y.lo || y.hi < x.lo || (x.zeros & y.ones) | (x.ones & y.zeros) != 0;
    let eq = match (x.constant(), y.constant()) {
        (Some(a), Some(b)) => Some(a == b),
        _ if disjoint => Some(false),
        _ => None,
    };
    match op {
        IntLt => lt,
        IntLe => le,
        IntGt => decide(IntLt, y, x),
        IntGe => decide(IntLe, y, x),
        IntEq => eq,
        IntNe => eq.map(|e| !e),
        UintLt if x.nonneg() && y.nonneg() => lt,
        UintGe if x.nonneg() && y.nonneg() => lt.map(|l| !l),
        _ => None,
    }
}

/// The bound of `op(x, y)`, and for `_ovf` ops whether it certainly does not overflow.
fn transfer(op: Opcode, x: Bound, y: Bound) -> (Bound, bool) {
    use Opcode::*;
    let (xl, xh, yl, yh) = (x.lo as i128, x.hi as i128, y.lo as i128, y.hi as i128);
    let fits = |lo: i128, hi: i128| lo >= i64::MIN as i128 && hi <= i64::MAX as i128;
    match op {
        IntAdd | IntAddOvf => (Bound::range128(xl + yl, xh + yh), fits(xl + yl, xh + yh)),
        IntSub | IntSubOvf => (Bound::range128(xl - yh, xh - yl), fits(xl - yh, xh - yl)),
        IntMul | IntMulOvf => {
            let p = [xl * yl, xl * yh, xh * yl, xh * yh];
            let (lo, hi) = (*p.iter().min().expect("four"), *p.iter().max().expect("four"));
            (Bound::range128(lo, hi), fits(lo, hi))
        }
        IntMod => match y.constant() {
            // Python's modulo takes the divisor's sign: 0 <= r < c for c > 0.
            Some(c) if c > 0 => (Bound::range(0, c - 1), true),
            Some(c) if c < 0 && c > i64::MIN => (Bound::range(c + 1, 0), true),
            _ => (Bound::FULL, true),
        },
        IntFloorDiv => match y.constant() {
            Some(c) if c > 0 => (Bound::range(x.lo.div_euclid(c), x.hi.div_euclid(c)), true),
            _ => (Bound::FULL, true),
        },
        IntAnd => {
            let mut b = Bound::bits(x.zeros | y.zeros, x.ones & y.ones);
            if x.nonneg() {
                b = b.meet(Bound::range(0, x.hi));
            }
            if y.nonneg() {
                b = b.meet(Bound::range(0, y.hi));
            }
            (b, true)
        }
        IntOr => (Bound::bits(x.zeros & y.zeros, x.ones | y.ones), true),
        IntXor => {
            let known = (x.zeros | x.ones) & (y.zeros | y.ones);
            let v = x.ones ^ y.ones;
            (Bound::bits(!v & known, v & known), true)
        }
        IntLshift | IntRshift | UintRshift => {
            let Some(c) = y.constant().filter(|c| (0..64).contains(c)) else { return (Bound::FULL, true) };
            let b = match op {
                IntLshift => {
                    let bits = Bound::bits(x.zeros << c | ((1u64 << c) - 1), x.ones << c);
                    if fits(xl << c, xh << c) {
                        bits.meet(Bound::range((xl << c) as i64, (xh << c) as i64))
                    } else {
                        bits
                    }
                }
                IntRshift => Bound::range(x.lo >> c, x.hi >> c)
                    .meet(Bound::bits(((x.zeros as i64) >> c) as u64, ((x.ones as i64) >> c) as u64)),
                _ => {
                    let high = if c == 0 { 0 } else { !(u64::MAX >> c) };
                    let b = Bound::bits(x.zeros >> c | high, x.ones >> c);
                    if x.nonneg() { b.meet(Bound::range(x.lo >> c, x.hi >> c)) } else { b }
                }
            };
            (b, true)
        }
        _ => (Bound::FULL, true),
    }
}

/// The pass.
pub fn run(t: &Trace, d: &Descrs, fold: bool) -> Result<Trace, OptError> {
    let mut p = Pass { em: Emitter::new(t, d, fold), bounds: HashMap::new(), cmps: HashMap::new() };
    for op in &t.ops {
        p.op(op, t)?;
    }
    Ok(p.em.finish())
}

struct Pass<'d> {
    em: Emitter<'d>,
    /// Bounds of output values (absent: nothing known).
    bounds: HashMap<Value, Bound>,
    /// Output values defined by a comparison: `(opcode, x, y)`.
    cmps: HashMap<Value, (Opcode, Arg, Arg)>,
}

impl Pass<'_> {
    fn bound(&self, a: Arg) -> Bound {
        match a {
            Arg::Int(c) => Bound::konst(c),
            Arg::Val(v) => self.bounds.get(&v).copied().unwrap_or(Bound::FULL),
            _ => Bound::FULL,
        }
    }

    /// Records that output value `v` lies in `b`; a value pinned to one number becomes it.
    fn learn(&mut self, a: Arg, b: Bound) -> Result<(), OptError> {
        let Arg::Val(v) = a else {
            return if let Arg::Int(c) = a
                && b.lo <= c
                && c <= b.hi
            {
                Ok(())
            } else if matches!(a, Arg::Int(_)) {
                Err(OptError::Contradiction(format!("the constant {a:?} is outside {b:?}")))
            } else {
                Ok(())
            };
        };
        let nb = self.bound(a).meet(b);
        if nb.is_empty() {
            return Err(OptError::Contradiction(format!("no int satisfies the guards on value {}", v.0)));
        }
        self.bounds.insert(v, nb);
        if let Some(c) = nb.constant() {
            self.em.replace(v, Arg::Int(c));
        }
        Ok(())
    }

    /// What a guard on comparison `c` being `truth` says about its operands.
    fn refine(&mut self, c: Value, truth: bool) -> Result<(), OptError> {
        use Opcode::*;
        let Some(&(op, x, y)) = self.cmps.get(&c) else {
            // guard_true(x) on a plain int: x != 0; guard_false(x): x == 0.
            if !truth {
                self.learn(Arg::Val(c), Bound::konst(0))?;
            }
            return Ok(());
        };
        let (bx, by) = (self.bound(x), self.bound(y));
        // Normalize to a true relation.
        let op = if truth {
            op
        } else {
            match op {
                IntLt => IntGe,
                IntLe => IntGt,
                IntGt => IntLe,
                IntGe => IntLt,
                IntEq => IntNe,
                IntNe => IntEq,
                UintLt => UintGe,
                UintGe => UintLt,
                IntIsTrue => IntIsZero,
                IntIsZero => IntIsTrue,
                _ => return Ok(()),
            }
        };
        let below = |b: Bound, d: i64| Bound::range(i64::MIN, b.hi.saturating_sub(d));
        let above = |b: Bound, d: i64| Bound::range(b.lo.saturating_add(d), i64::MAX);
        match op {
            IntLt => {
                self.learn(x, below(by, 1))?;
                self.learn(y, above(bx, 1))
            }
            IntLe => {
                self.learn(x, below(by, 0))?;
                self.learn(y, above(bx, 0))
            }
            IntGt => {
                self.learn(x, above(by, 1))?;
                self.learn(y, below(bx, 1))
            }
            IntGe => {
                self.learn(x, above(by, 0))?;
                self.learn(y, below(bx, 0))
            }
            IntEq => {
                self.learn(x, by)?;
                self.learn(y, bx)
            }
            IntNe => {
                for (a, b) in [(x, by), (y, bx)] {
                    if let Some(c) = b.constant() {
                        let ba = self.bound(a);
                        if ba.lo == c {
                            self.learn(a, Bound::range(c.saturating_add(1), i64::MAX))?;
                        } else if ba.hi == c {
                            self.learn(a, Bound::range(i64::MIN, c.saturating_sub(1)))?;
                        }
                    }
                }
                Ok(())
            }
            // Unsigned x < y with y >= 0: 0 <= x < y.
            UintLt if by.nonneg() => self.learn(x, Bound::range(0, by.hi.saturating_sub(1))),
            IntIsZero => self.learn(x, Bound::konst(0)),
            _ => Ok(()),
        }
    }

    fn op(&mut self, op: &Op, t: &Trace) -> Result<(), OptError> {
        use Opcode::*;
        let args: Vec<Arg> = op.args.iter().map(|a| self.em.arg(*a)).collect();
        let oc = op.opcode;
        let b = |k: usize| self.bound(args[k]);
        let mut result_bound = None;
        let mut opcode = oc;
        match oc {
            IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | UintGe => {
                if let Some(r) = decide(oc, b(0), b(1)) {
                    self.em.set(op.result.expect("a result"), Arg::Int(r as i64));
                    return Ok(());
                }
                result_bound = Some(Bound::range(0, 1));
            }
            IntIsTrue | IntIsZero => {
                let x = b(0);
                let nonzero = !(x.lo <= 0 && 0 <= x.hi) || x.ones != 0;
                if nonzero || x.constant() == Some(0) {
                    self.em.set(op.result.expect("a result"), Arg::Int((nonzero == (oc == IntIsTrue)) as i64));
                    return Ok(());
                }
                result_bound = Some(Bound::range(0, 1));
            }
            IntAddOvf | IntSubOvf | IntMulOvf => {
                let (r, safe) = transfer(oc, b(0), b(1));
                if safe {
                    opcode = match oc {
                        IntAddOvf => IntAdd,
                        IntSubOvf => IntSub,
                        _ => IntMul,
                    };
                }
                result_bound = Some(r);
            }
            IntAdd | IntSub | IntMul | IntFloorDiv | IntMod | IntAnd | IntOr | IntXor | IntLshift | IntRshift
            | UintRshift => {
                result_bound = Some(transfer(oc, b(0), b(1)).0);
            }
            IntNeg if b(0).lo > i64::MIN => result_bound = Some(Bound::range(-b(0).hi, -b(0).lo)),
            IntInvert => result_bound = Some(Bound::range(!b(0).hi, !b(0).lo)),
            GetfieldI | GetarrayitemI => {
                let (size, signed) = match self.em.d.get(op.descr.expect("verified")) {
                    Descr::Field(f) => (f.size, f.signed),
                    Descr::Array(a) => (a.item_size, a.signed),
                    _ => (8, true),
                };
                if size < 8 {
                    let bits = 8 * size as u32;
                    result_bound = Some(if signed {
                        Bound::range(-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1)
                    } else {
                        Bound::range(0, (1i64 << bits) - 1)
                    });
                }
            }
            Arraylen => result_bound = Some(Bound::range(0, i64::MAX)),
            GuardTrue | GuardFalse => {
                let r = self.em.copy(op, t)?;
                debug_assert!(r.is_none());
                if let Arg::Val(c) = args[0] {
                    self.refine(c, oc == GuardTrue)?;
                }
                return Ok(());
            }
            GuardValue if self.em.type_of(args[0]) == Type::Int => {
                self.em.copy(op, t)?;
                if let Arg::Int(c) = args[1] {
                    self.learn(args[0], Bound::konst(c))?;
                }
                return Ok(());
            }
            _ => {}
        }
        let snapshot = op.snapshot.map(|s| self.em.snapshot(&t.snapshots[s as usize]));
        if opcode != oc {
            // Proven not to overflow: the plain op, and the guard that follows goes.
            let r = self.em.emit(opcode, args.clone(), op.descr, op.result, snapshot)?;
            self.em.no_overflow();
            self.map_result(op, r);
        } else {
            let r = self.em.emit(oc, args.clone(), op.descr, op.result, snapshot)?;
            self.map_result(op, r);
        }
        if let (Some(rb), Some(v)) = (result_bound, op.result) {
            let out = self.em.arg(Arg::Val(v));
            if matches!(oc, IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | UintGe | IntIsTrue | IntIsZero)
                && let Arg::Val(o) = out
            {
                let (x, y) = (args[0], args.get(1).copied().unwrap_or(Arg::Int(0)));
                self.cmps.entry(o).or_insert((oc, x, y));
            }
            self.learn(out, rb)?;
        }
        Ok(())
    }

    fn map_result(&mut self, op: &Op, r: Option<Arg>) {
        if let (Some(v), Some(a)) = (op.result, r)
            && a != Arg::Val(v)
        {
            self.em.set(v, a);
        }
    }
}
