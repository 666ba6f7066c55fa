//! Floats: CPython's repr (shortest round-trip digits, exponent form below 1e-4 and from 1e16),
//! arithmetic with CPython's error messages, mixed int/float comparison that is exact, and
//! CPython's float hash. This file never runs Python code.

use crate::interp::{R, Vm};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, ToPrimitive, Zero};

/// `repr(float)` as CPython prints it.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Shortest round-trip digits from Rust's LowerExp: "d.ddde-x". Where two strings of that
    // length round-trip, Rust may take either; CPython takes the one nearest the exact value
    // (ties to even), which is the correctly rounded one at that length, when it round-trips.
    let mut e = format!("{:e}", f);
    let n = e.split_once('e').map_or(0, |(m, _)| m.chars().filter(|c| c.is_ascii_digit()).count());
    let nearest = format!("{:.*e}", n.saturating_sub(1), f);
    if nearest != e && nearest.parse::<f64>() == Ok(f) {
        e = nearest;
    }
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        return format!("{sign}{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    let point = exp + 1; // digits before the decimal point
    let s = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if point as usize >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
    } else {
        format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
    };
    format!("{sign}{s}")
}

/// CPython's hash of a float.
pub fn float_hash(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return Vm::small_hash(f as i64);
    }
    const BITS: u32 = 61;
    let m: u64 = (1 << BITS) - 1;
    let (mut mant, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while mant != 0.0 {
        x = ((x << 28) & m) | (x >> (BITS - 28));
        mant *= 268435456.0;
        e -= 28;
        let y = mant as u64;
        mant -= y as f64;
        x += y;
        if x >= m {
            x -= m;
        }
    }
    let e = if e >= 0 { e % BITS as i32 } else { BITS as i32 - 1 - ((-1 - e) % BITS as i32) };
    x = ((x << e) & m) | (x >> (BITS as i32 - e));
    let mut h = x as i64;
    if f < 0.0 {
        h = -h;
    }
    if h == -1 { -2 } else { h }
}

/// `f = m × 2^e` with `0.5 <= |m| < 1` (exact; subnormals included); `(f, 0)` for 0.
pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `x × 2^e`, correctly rounded (ties to even) when the result is subnormal; ±inf past the
/// largest float (the caller decides whether that is an error).
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, e0) = frexp(x);
    let e = (e0 as i64).saturating_add(e);
    if e > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if e >= -1021 {
        // A normal result: put the exponent into m's bits (m's exponent field is 1022).
        return f64::from_bits((m.to_bits() & !(0x7ff << 52)) | (((e + 1022) as u64) << 52));
    }
    // Subnormal: round the 53-bit significand to the bits that are left.
    let mant = (m.abs().to_bits() & ((1 << 52) - 1)) | (1 << 52);
    let shift = (-1021 - e) as u64;
    let q = if shift > 54 {
        0
    } else {
        let (q, rem, half) = (mant >> shift, mant & ((1 << shift) - 1), 1u64 << (shift - 1));
        if rem > half || (rem == half && q & 1 == 1) { q + 1 } else { q }
    };
    f64::from_bits(q).copysign(x)
}

/// The float nearest to `m × 2^e` (ties to even). `m`'s lowest bit may stand for any non-zero
/// bits below it (a sticky bit) when `m` has at least 60 significant bits.
pub fn from_parts(m: u64, e: i64) -> f64 {
    if m == 0 {
        return 0.0;
    }
    // Round m to 53 bits first when it has more (exact for the result unless it is subnormal,
    // where `ldexp` rounds once more: avoided by rounding to the subnormal's precision here).
    let bits = 64 - m.leading_zeros() as i64;
    let top = e + bits; // the value is in [2^(top-1), 2^top)
    let keep = if top - 1 >= -1022 { 53 } else { 53 - (-1022 - (top - 1)) };
    if keep >= bits {
        return ldexp(m as f64, e);
    }
    if keep <= -1 {
        return 0.0;
    }
    let shift = (bits - keep) as u32;
    let (mut q, rem, half) = (m >> shift, m & ((1u64 << shift) - 1), 1u64 << (shift - 1));
    if rem > half || (rem == half && q & 1 == 1) {
        q += 1;
    }
    ldexp(q as f64, e + shift as i64)
}

impl Vm {
    /// A float, or a small int that converts exactly (|i| < 2**53), as f64: the operand fast
    /// path. None for anything else.
    #[inline(always)]
    pub fn float_or_small(&self, v: Value) -> Option<f64> {
        if v.is_int() {
            let i = v.as_int();
            return if i.unsigned_abs() < (1 << 53) { Some(i as f64) } else { None };
        }
        if v.is_ref() && self.tid(v.as_obj()) == crate::layout::tid::FLOAT {
            return Some(self.float_of(v.as_obj()));
        }
        None
    }

    /// Float arithmetic with at least one float operand and no error possible: + - * and /
    /// by a non-zero.
    #[inline(always)]
    pub fn float_fast(&mut self, k: u8, a: Value, b: Value) -> Option<Value> {
        use crate::compile::code::binop::*;
        if a.is_int() && b.is_int() {
            return None;
        }
        let x = self.float_or_small(a)?;
        let y = self.float_or_small(b)?;
        let r = match k {
            ADD => x + y,
            SUB => x - y,
            MUL => x * y,
            TRUEDIV if y != 0.0 => x / y,
            _ => return None,
        };
        Some(self.new_float(r))
    }

    /// A float view of an int/bool/float value (None for other types; OverflowError for ints
    /// too large).
    pub fn to_f64(&mut self, v: Value) -> R<Option<f64>> {
        if let Some(i) = self.small_int(v) {
            return Ok(Some(i as f64));
        }
        if self.tid_of(v) == crate::layout::tid::FLOAT {
            return Ok(Some(self.float_of(v.as_obj())));
        }
        if let Some(b) = self.to_big(v) {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                return Err(self.new_error("OverflowError", "int too large to convert to float"));
            }
            return Ok(Some(f));
        }
        Ok(None)
    }

    pub fn float_binop(&mut self, a: f64, b: f64, k: u8) -> R<Value> {
        use crate::compile::code::binop::*;
        let r = match k {
            ADD => a + b,
            SUB => a - b,
            MUL => a * b,
            TRUEDIV => {
                if b == 0.0 {
                    return Err(self.new_error("ZeroDivisionError", "float division by zero"));
                }
                a / b
            }
            FLOORDIV => {
                if b == 0.0 {
                    return Err(self.new_error("ZeroDivisionError", "float floor division by zero"));
                }
                float_divmod(a, b).0
            }
            MOD => {
                if b == 0.0 {
                    return Err(self.new_error("ZeroDivisionError", "float modulo"));
                }
                float_divmod(a, b).1
            }
            POW => {
                if a == 0.0 && b < 0.0 {
                    return Err(self.new_error("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                }
                if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                    // CPython hands this to complex: (-1) ** 0.5 is (6.123233995736766e-17+1j).
                    let c = self.lazy_builtin("complex")?;
                    let (fa, fb) = (self.new_float(a), self.new_float(b));
                    let z = self.call_value(c, &[fa], &[])?;
                    let pow = self.getattr_str(z, "__pow__")?;
                    return self.call_value(pow, &[fb], &[]);
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.new_error("OverflowError", "(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => return Ok(Value::NOT_IMPLEMENTED),
        };
        Ok(self.new_float(r))
    }

    /// Compares an int with a float exactly (as CPython does).
    pub fn cmp_int_float(&self, i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
        }
        let fl = f.floor();
        let fb = BigInt::from_f64(fl).unwrap_or_else(BigInt::zero);
        match i.cmp(&fb) {
            std::cmp::Ordering::Equal => {
                if f > fl {
                    Some(std::cmp::Ordering::Less)
                } else {
                    Some(std::cmp::Ordering::Equal)
                }
            }
            o => Some(o),
        }
    }
}

/// Python's divmod for floats.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// round(x, n) for floats with CPython's correctly rounded result (via decimal strings).
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if n > 300 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        // Rust's formatting rounds half to even on the exact binary value, as CPython does.
        s.parse().unwrap()
    } else {
        let p = 10f64.powi((-n) as i32);
        let y = x / p;
        let r = y.round();
        let r = if (y - y.trunc()).abs() == 0.5 { 2.0 * (y / 2.0).round() } else { r };
        r * p
    }
}

/// round(int) to `n` digits (n < 0) with ties to even.
pub fn round_int(b: &BigInt, n: i64) -> BigInt {
    if n >= 0 {
        return b.clone();
    }
    let p = num_traits::pow(BigInt::from(10), (-n) as usize);
    let (q, r) = b.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => {
            if q.is_odd() {
                q + 1
            } else {
                q
            }
        }
        std::cmp::Ordering::Less => q,
    };
    q * p
}
