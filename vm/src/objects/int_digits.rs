//! Linear-time int arithmetic on the heap's own digits: `+` and `-`, `*`, `//` and `%` by a
//! one-word int, and comparisons, computed straight from big ints' sign and 64-bit magnitude
//! words. Converting to num-bigint and back costs as much as such an operation itself (it
//! made pidigits 3.5x slower than CPython), so these never convert; everything else (products
//! of two big ints, division by a big int, shifts, powers, bit operations) goes through
//! num-bigint in `int.rs`. This file never runs Python code and allocates only the result.

use crate::compile::code::binop;
use crate::interp::Vm;
use crate::layout::*;
use crate::value::Value;
use std::cmp::Ordering;

/// A result: negative?, magnitude words (least significant first, maybe with high zeros).
type Signed = (bool, Vec<u64>);

impl Vm {
    /// Lends `v`'s sign and magnitude words to `f` (zero has no words); None when `v` is not
    /// an int or bool.
    fn with_int_words<R>(&self, v: Value, f: impl FnOnce(bool, &[u64]) -> R) -> Option<R> {
        if let Some(i) = self.small_int(v) {
            let w = [i.unsigned_abs()];
            return Some(f(i < 0, if i == 0 { &[] } else { &w }));
        }
        if self.tid_of(v) != tid::BIGINT {
            return None;
        }
        let o = v.as_obj();
        let n = self.raw(o, BIG_LEN) as i64;
        // A big int never changes after it is made, so its words can be lent.
        Some(self.m.th().with_words(o.0 + BIG_DIGITS, n.unsigned_abs(), |w| f(n < 0, w)))
    }

    /// `a k b` for two ints when a linear path applies (see the file's doc); None sends the
    /// caller to num-bigint (which also raises ZeroDivisionError).
    pub fn int_linear(&mut self, a: Value, b: Value, k: u8) -> Option<Value> {
        let (neg, words) =
            self.with_int_words(a, |an, aw| self.with_int_words(b, |bn, bw| linear(an, aw, bn, bw, k)))???;
        Some(self.int_from_words(neg, &words))
    }

    /// The order of two ints (None when either is not an int).
    pub fn int_cmp(&self, a: Value, b: Value) -> Option<Ordering> {
        self.with_int_words(a, |an, aw| self.with_int_words(b, |bn, bw| signed_cmp(an, aw, bn, bw)))?
    }

    /// An int from sign and magnitude: small when it fits, else a new heap big int.
    pub fn int_from_words(&mut self, neg: bool, words: &[u64]) -> Value {
        let n = words.iter().rposition(|&w| w != 0).map_or(0, |i| i + 1);
        let words = &words[..n];
        match words {
            [] => return Value::int(0),
            [w] if *w <= i64::MAX as u64 => {
                let i = if neg { -(*w as i64) } else { *w as i64 };
                if Value::fits(i) {
                    return Value::int(i);
                }
            }
            _ => {}
        }
        self.new_big(neg, words.iter().copied())
    }
}

/// The linear operations on sign and magnitude (None: not one of them).
fn linear(an: bool, aw: &[u64], bn: bool, bw: &[u64], k: u8) -> Option<Signed> {
    Some(match k {
        binop::ADD => signed_add(an, aw, bn, bw),
        binop::SUB => signed_add(an, aw, !bn, bw),
        binop::MUL if bw.len() <= 1 => (an != bn, mul_word(aw, bw.first().copied().unwrap_or(0))),
        binop::MUL if aw.len() <= 1 => (an != bn, mul_word(bw, aw.first().copied().unwrap_or(0))),
        binop::FLOORDIV | binop::MOD => {
            let (mut q, mut r) = divrem(aw, bw)?;
            // Floor division: when the signs differ and the division is inexact, the quotient's
            // magnitude grows by one and the remainder becomes |b| - r, with the divisor's sign.
            if an != bn && !r.is_empty() {
                q = add_mag(&q, &[1]);
                r = sub_mag(bw, &r);
            }
            if k == binop::FLOORDIV { (an != bn, q) } else { (bn, r) }
        }
        _ => return None,
    })
}

fn signed_add(an: bool, aw: &[u64], bn: bool, bw: &[u64]) -> Signed {
    if an == bn {
        return (an, add_mag(aw, bw));
    }
    match cmp_mag(aw, bw) {
        Ordering::Greater => (an, sub_mag(aw, bw)),
        Ordering::Less => (bn, sub_mag(bw, aw)),
        Ordering::Equal => (false, Vec::new()),
    }
}

/// Compares signed ints given as sign and normalized magnitude.
fn signed_cmp(an: bool, aw: &[u64], bn: bool, bw: &[u64]) -> Ordering {
    match (an, bn) {
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => cmp_mag(aw, bw),
        (true, true) => cmp_mag(bw, aw),
    }
}

/// Compares normalized magnitudes (no high zero words).
fn cmp_mag(a: &[u64], b: &[u64]) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

fn add_mag(a: &[u64], b: &[u64]) -> Vec<u64> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut r = Vec::with_capacity(a.len() + 1);
    let mut carry = false;
    for (&x, &y) in a.iter().zip(b) {
        let (s, c1) = x.overflowing_add(y);
        let (s, c2) = s.overflowing_add(carry as u64);
        r.push(s);
        carry = c1 || c2;
    }
    for &x in &a[b.len()..] {
        let (s, c) = x.overflowing_add(carry as u64);
        r.push(s);
        carry = c;
    }
    if carry {
        r.push(1);
    }
    r
}

/// `a - b` for magnitudes with a >= b.
fn sub_mag(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut r = Vec::with_capacity(a.len());
    let mut borrow = false;
    for (&x, &y) in a.iter().zip(b) {
        let (d, b1) = x.overflowing_sub(y);
        let (d, b2) = d.overflowing_sub(borrow as u64);
        r.push(d);
        borrow = b1 || b2;
    }
    for &x in &a[b.len()..] {
        let (d, b1) = x.overflowing_sub(borrow as u64);
        r.push(d);
        borrow = b1;
    }
    debug_assert!(!borrow, "sub_mag needs a >= b");
    r
}

fn mul_word(a: &[u64], m: u64) -> Vec<u64> {
    if m == 0 {
        return Vec::new();
    }
    let mut r = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for &x in a {
        let p = x as u128 * m as u128 + carry as u128;
        r.push(p as u64);
        carry = (p >> 64) as u64;
    }
    r.push(carry);
    r
}

/// Quotient and remainder of magnitudes (the remainder normalized), when the divisor is one
/// word or the quotient fits in one: the divisions of spigot and continued-fraction code.
fn divrem(a: &[u64], b: &[u64]) -> Option<(Vec<u64>, Vec<u64>)> {
    match b {
        [] => None, // ZeroDivisionError, raised by the caller's general path
        [d] => {
            let (q, r) = divrem_word(a, *d);
            Some((q, if r == 0 { Vec::new() } else { vec![r] }))
        }
        _ if bit_len(a) <= bit_len(b) + 62 => {
            let (q, r) = divrem_one_word_quotient(a, b);
            Some((vec![q], r))
        }
        _ => None,
    }
}

/// Quotient and remainder of a magnitude by a nonzero word.
fn divrem_word(a: &[u64], d: u64) -> (Vec<u64>, u64) {
    let mut q = vec![0u64; a.len()];
    let mut rem = 0u64;
    for (qi, &x) in q.iter_mut().zip(a).rev() {
        let cur = ((rem as u128) << 64) | x as u128;
        *qi = (cur / d as u128) as u64;
        rem = (cur % d as u128) as u64;
    }
    (q, rem)
}

/// `a divmod b` for a normalized `b` of two or more words and `a < b * 2**62`: the quotient
/// is estimated from the top 64 bits of `b` and the matching bits of `a`, then corrected with
/// one product and a few subtractions. The estimate is never low: with `a = at·2^lo + …` and
/// `b = bt·2^lo + …`, `Q·bt·2^lo <= Q·b <= a < (at + 1)·2^lo` gives `Q <= at / bt`; it is at
/// most about two high, as `bt >= 2^63`.
fn divrem_one_word_quotient(a: &[u64], b: &[u64]) -> (u64, Vec<u64>) {
    let lo = bit_len(b) - 64;
    let top_b = bits_from(b, lo) as u64;
    let mut q = (bits_from(a, lo) / top_b as u128) as u64;
    let mut prod = mul_word(b, q);
    trim(&mut prod);
    while cmp_mag(&prod, a) == Ordering::Greater {
        q -= 1;
        prod = sub_mag(&prod, b);
        trim(&mut prod);
    }
    let mut r = sub_mag(a, &prod);
    trim(&mut r);
    debug_assert!(cmp_mag(&r, b) == Ordering::Less, "the estimate is never low");
    (q, r)
}

/// The bit length of a normalized magnitude.
fn bit_len(x: &[u64]) -> usize {
    x.last().map_or(0, |top| 64 * x.len() - top.leading_zeros() as usize)
}

/// `x >> lo`, truncated to 128 bits.
fn bits_from(x: &[u64], lo: usize) -> u128 {
    let (i, sh) = (lo / 64, lo % 64);
    let w = |j: usize| x.get(j).copied().unwrap_or(0) as u128;
    let v = w(i) | (w(i + 1) << 64);
    if sh == 0 { v } else { (v >> sh) | (w(i + 2) << (128 - sh)) }
}

/// Drops high zero words.
fn trim(x: &mut Vec<u64>) {
    while x.last() == Some(&0) {
        x.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::{BigInt, Sign};
    use num_integer::Integer;

    fn big(neg: bool, w: &[u64]) -> BigInt {
        let bytes: Vec<u8> = w.iter().flat_map(|x| x.to_le_bytes()).collect();
        let m = BigInt::from_bytes_le(Sign::Plus, &bytes);
        if neg { -m } else { m }
    }

    /// Every linear operation agrees with num-bigint on operands around word boundaries.
    #[test]
    fn linear_ops_agree_with_num_bigint() {
        let mags: Vec<Vec<u64>> = vec![
            vec![],
            vec![1],
            vec![7],
            vec![u64::MAX],
            vec![0, 1],
            vec![u64::MAX, u64::MAX],
            vec![3, 0, 5],
            vec![u64::MAX, 0, u64::MAX, 12345],
            vec![5, 0, 0, 1 << 63],
            vec![u64::MAX, u64::MAX, u64::MAX, 1 << 40],
            vec![1, 2, 3, 4, 5],
        ];
        let ops = [binop::ADD, binop::SUB, binop::MUL, binop::FLOORDIV, binop::MOD];
        let mut checked = 0;
        for aw in &mags {
            for bw in &mags {
                for an in [false, true] {
                    for bn in [false, true] {
                        if (an && aw.is_empty()) || (bn && bw.is_empty()) {
                            continue;
                        }
                        let (x, y) = (big(an, aw), big(bn, bw));
                        for k in ops {
                            let Some((neg, w)) = linear(an, aw, bn, bw, k) else { continue };
                            let want = match k {
                                binop::ADD => &x + &y,
                                binop::SUB => &x - &y,
                                binop::MUL => &x * &y,
                                binop::FLOORDIV => x.div_floor(&y),
                                _ => x.mod_floor(&y),
                            };
                            assert_eq!(big(neg, &w), want, "{x} op{k} {y}");
                            checked += 1;
                        }
                        assert_eq!(signed_cmp(an, aw, bn, bw), x.cmp(&y), "{x} cmp {y}");
                    }
                }
            }
        }
        assert!(checked > 500, "only {checked} cases ran");
    }

    /// Random operands (words biased to 0 and all-ones, where carries and estimates go wrong)
    /// against num-bigint; quotients near the one-word limit included.
    #[test]
    fn random_operands_agree_with_num_bigint() {
        let mut seed = 0x9e3779b97f4a7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let word = |r: u64| match r % 4 {
            0 => 0,
            1 => u64::MAX,
            _ => r.rotate_left(17) ^ r,
        };
        let mut divisions = 0;
        for _ in 0..20000 {
            let r = next();
            let mut aw: Vec<u64> = (0..1 + r % 6).map(|_| word(next())).collect();
            let mut bw: Vec<u64> = (0..1 + (r >> 8) % 6).map(|_| word(next())).collect();
            trim(&mut aw);
            trim(&mut bw);
            let (an, bn) = (r & (1 << 20) != 0 && !aw.is_empty(), r & (1 << 21) != 0 && !bw.is_empty());
            let (x, y) = (big(an, &aw), big(bn, &bw));
            for k in [binop::ADD, binop::SUB, binop::MUL, binop::FLOORDIV, binop::MOD] {
                let Some((neg, w)) = linear(an, &aw, bn, &bw, k) else { continue };
                let want = match k {
                    binop::ADD => &x + &y,
                    binop::SUB => &x - &y,
                    binop::MUL => &x * &y,
                    binop::FLOORDIV => x.div_floor(&y),
                    _ => x.mod_floor(&y),
                };
                divisions += (k == binop::FLOORDIV && bw.len() > 1) as u32;
                assert_eq!(big(neg, &w), want, "{x} op{k} {y}");
            }
        }
        assert!(divisions > 1000, "only {divisions} big divisions ran");
    }
}
