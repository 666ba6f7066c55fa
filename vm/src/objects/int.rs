//! Integers: small ints are tagged words; anything wider is a heap big int (sign and u64
//! digits) handled through `num_bigint`. Arithmetic follows CPython (floor division and modulo
//! take the divisor's sign, true division gives a float, negative powers give floats), as does
//! hashing (modulo 2**61 - 1). This file owns int semantics; it never runs Python code.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `sys.set_int_max_str_digits` (CPython 3.11's limit on decimal conversions; 0 = none).
pub static MAX_STR_DIGITS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(4300);

/// The decimal text of a big int, within the digit limit.
pub fn big_to_decimal(b: &BigInt) -> Result<String, String> {
    let limit = MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed);
    // A cheap lower bound first: bits * log10(2) digits.
    if limit > 0 && (b.bits() as f64 * std::f64::consts::LOG10_2) as usize > limit + 1 {
        return Err(digits_error(limit));
    }
    let s = b.to_string();
    let digits = s.trim_start_matches('-').len();
    if limit > 0 && digits > limit {
        return Err(digits_error(limit));
    }
    Ok(s)
}

fn digits_error(limit: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// A big int as a value (small when it fits).
pub fn big_to_value(vm: &mut Vm, b: &BigInt) -> Value {
    if let Some(i) = b.to_i64()
        && Value::fits(i)
    {
        return Value::int(i);
    }
    vm.new_big(b.sign() == Sign::Minus, b.magnitude().iter_u64_digits())
}

impl Vm {
    /// A new heap big int of sign `neg` and magnitude `words` (least significant first, the
    /// top one non-zero; the caller made sure it is not a small int), written in one pass.
    pub fn new_big(&mut self, neg: bool, words: impl ExactSizeIterator<Item = u64>) -> Value {
        let n = words.len();
        let o = self.alloc(tid::BIGINT, big_size(n));
        self.m.th().store_u64(o, BIG_LEN, (if neg { -(n as i64) } else { n as i64 }) as u64);
        self.m.thread().with_bytes_mut(o.0 + BIG_DIGITS, 8 * n as u64, |bytes| {
            for (dst, w) in bytes.chunks_exact_mut(8).zip(words) {
                dst.copy_from_slice(&w.to_le_bytes());
            }
        });
        Value::obj(o)
    }

    pub fn is_int_like(&self, v: Value) -> bool {
        v.is_int() || v.is_bool() || self.tid_of(v) == tid::BIGINT
    }

    /// The integer value of an int or bool (None for anything else).
    pub fn to_big(&self, v: Value) -> Option<BigInt> {
        if v.is_int() {
            return Some(BigInt::from(v.as_int()));
        }
        if v.is_bool() {
            return Some(BigInt::from((v == Value::TRUE) as i64));
        }
        if self.tid_of(v) == tid::BIGINT {
            let o = v.as_obj();
            let n = self.raw(o, BIG_LEN) as i64;
            // The digits are little-endian 64-bit words, which is num-bigint's byte order; a big
            // int never changes, so its bytes can be lent.
            let mag = self.m.th().with_bytes(o.0 + BIG_DIGITS, 8 * n.unsigned_abs(), |bytes| {
                // (`from_bytes_le` goes byte by byte; 32-bit halves copy at memory speed.)
                let halves = bytes.chunks_exact(4).map(|h| u32::from_le_bytes([h[0], h[1], h[2], h[3]]));
                num_bigint::BigUint::new(halves.collect())
            });
            let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
            return Some(BigInt::from_biguint(sign, mag));
        }
        None
    }

    /// A small int (or bool) as i64; None for big ints and non-ints.
    #[inline]
    pub fn small_int(&self, v: Value) -> Option<i64> {
        if v.is_int() {
            Some(v.as_int())
        } else if v.is_bool() {
            Some((v == Value::TRUE) as i64)
        } else {
            None
        }
    }

    /// An index-like integer as i64 (OverflowError when too big, TypeError when not an int).
    pub fn index_value(&mut self, v: Value, what: &str) -> R<i64> {
        if let Some(i) = self.small_int(v) {
            return Ok(i);
        }
        if let Some(b) = self.to_big(v) {
            return b
                .to_i64()
                .ok_or_else(|| self.new_error("OverflowError", "Python int too large to convert to C ssize_t"));
        }
        if let Some(ix) = self.lookup_type_attr(v, "__index__")? {
            let r = self.call_value(ix, &[v], &[])?;
            return self.index_value(r, what);
        }
        let tn = self.type_name(v);
        Err(self.new_error("TypeError", &what.replace("{}", &tn)))
    }

    /// The fast path for two small ints: None when the result needs the slow path.
    #[inline(always)]
    pub fn int_fast(&self, k: u8, a: i64, b: i64) -> Option<Value> {
        use crate::compile::code::binop::*;
        let r = match k {
            ADD => a + b,
            SUB => a - b,
            MUL => a.checked_mul(b)?,
            FLOORDIV if b != 0 => Integer::div_floor(&a, &b),
            MOD if b != 0 => Integer::mod_floor(&a, &b),
            AND => a & b,
            OR => a | b,
            XOR => a ^ b,
            LSHIFT if (0..62).contains(&b) => {
                let r = a.checked_shl(b as u32)?;
                if r >> b != a {
                    return None;
                }
                r
            }
            RSHIFT if b >= 0 => a >> b.min(63),
            _ => return None,
        };
        if Value::fits(r) { Some(Value::int(r)) } else { None }
    }

    /// Integer arithmetic on arbitrary ints.
    pub fn int_binop(&mut self, a: BigInt, b: BigInt, k: u8) -> R<Value> {
        use crate::compile::code::binop::*;
        let r = match k {
            ADD => a + b,
            SUB => a - b,
            MUL => a * b,
            TRUEDIV => {
                if b.is_zero() {
                    return Err(self.new_error("ZeroDivisionError", "division by zero"));
                }
                return self.int_truediv(&a, &b);
            }
            FLOORDIV => {
                if b.is_zero() {
                    return Err(self.new_error("ZeroDivisionError", "integer division or modulo by zero"));
                }
                a.div_floor(&b)
            }
            MOD => {
                if b.is_zero() {
                    return Err(self.new_error("ZeroDivisionError", "integer modulo by zero"));
                }
                a.mod_floor(&b)
            }
            POW => {
                if b.is_negative() {
                    if a.is_zero() {
                        return Err(self.new_error("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                    }
                    let fa = a.to_f64().unwrap_or(f64::INFINITY);
                    let fb = b.to_f64().unwrap_or(f64::NEG_INFINITY);
                    return Ok(self.new_float(fa.powf(fb)));
                }
                let Some(e) = b.to_u32() else {
                    if a.is_one() || a.is_zero() {
                        return Ok(big_to_value(self, &a));
                    }
                    if a == BigInt::from(-1) {
                        return Ok(Value::int(if b.is_even() { 1 } else { -1 }));
                    }
                    return Err(self.new_error("MemoryError", ""));
                };
                num_traits::pow(a, e as usize)
            }
            LSHIFT => {
                if b.is_negative() {
                    return Err(self.new_error("ValueError", "negative shift count"));
                }
                let Some(s) = b.to_usize() else {
                    return Err(self.new_error("OverflowError", "too many digits in integer"));
                };
                a << s
            }
            RSHIFT => {
                if b.is_negative() {
                    return Err(self.new_error("ValueError", "negative shift count"));
                }
                let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 40);
                // Arithmetic shift: floor division by 2**s.
                if a.is_negative() { -((-a - BigInt::one()) >> s) - BigInt::one() } else { a >> s }
            }
            AND => a & b,
            OR => a | b,
            XOR => a ^ b,
            _ => return Ok(Value::NOT_IMPLEMENTED),
        };
        Ok(big_to_value(self, &r))
    }

    /// int / int, correctly rounded like CPython for the common range.
    fn int_truediv(&mut self, a: &BigInt, b: &BigInt) -> R<Value> {
        if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64())
            && x.unsigned_abs() < (1 << 53)
            && y.unsigned_abs() < (1 << 53)
        {
            return Ok(self.new_float(x as f64 / y as f64));
        }
        // Scale so that the quotient has about 64 significant bits, divide exactly, then scale
        // back: huge operands with a modest quotient (10**400 / 10**399) stay finite.
        let (na, nb) = (a.abs(), b.abs());
        let shift = na.bits() as i64 - nb.bits() as i64 - 64;
        let q = if shift >= 0 { &na / (&nb << (shift as usize)) } else { (&na << ((-shift) as usize)) / &nb };
        let mut f = q.to_f64().unwrap_or(f64::INFINITY);
        let mut s = shift;
        while s > 0 && f.is_finite() {
            let step = s.min(1000);
            f *= 2f64.powi(step as i32);
            s -= step;
        }
        while s < 0 && f != 0.0 {
            let step = (-s).min(1000);
            f /= 2f64.powi(step as i32);
            s += step;
        }
        if f.is_infinite() {
            return Err(self.new_error("OverflowError", "integer division result too large for a float"));
        }
        if a.is_negative() != b.is_negative() {
            f = -f;
        }
        Ok(self.new_float(f))
    }

    pub fn int_hash(b: &BigInt) -> i64 {
        let m = BigInt::from(HASH_MODULUS);
        let r = (b.abs() % &m).to_i64().unwrap();
        let r = if b.is_negative() { -r } else { r };
        if r == -1 { -2 } else { r }
    }

    pub fn small_hash(i: i64) -> i64 {
        let m = HASH_MODULUS as i64;
        let r = if i >= 0 { i % m } else { -((-i) % m) };
        if r == -1 { -2 } else { r }
    }

    /// int(x) of a str in `base` (0: by prefix), with CPython's rules for '_' and whitespace.
    pub fn parse_int(&mut self, s: &str, base: u32) -> R<Value> {
        let orig = s;
        let t = s.trim();
        let (neg, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let lower = body.to_ascii_lowercase();
        let (mut base, mut digits) = (base, lower.as_str());
        let prefixed = |p: &str| digits.len() > 2 && digits.starts_with(p);
        if (base == 16 || base == 0) && prefixed("0x") {
            base = 16;
            digits = &digits[2..];
        } else if (base == 8 || base == 0) && prefixed("0o") {
            base = 8;
            digits = &digits[2..];
        } else if (base == 2 || base == 0) && prefixed("0b") {
            base = 2;
            digits = &digits[2..];
        } else if base == 0 {
            base = 10;
            if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0' && c != '_') {
                digits = "!";
            }
        }
        let digits = digits.strip_prefix('_').filter(|_| base != 10).unwrap_or(digits);
        let ok = !digits.is_empty()
            && !digits.starts_with('_')
            && !digits.ends_with('_')
            && !digits.contains("__")
            && digits.chars().all(|c| c == '_' || c.is_digit(base));
        if !ok {
            let r = crate::objects::str::repr_str(orig);
            let shown = if base == 0 { 10 } else { base };
            return Err(self.new_error("ValueError", &format!("invalid literal for int() with base {shown}: {r}")));
        }
        let clean: String = digits.chars().filter(|&c| c != '_').collect();
        let limit = MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed);
        if limit > 0 && !base.is_power_of_two() && clean.len() > limit {
            return Err(self.new_error(
                "ValueError",
                &format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                    clean.len()
                ),
            ));
        }
        let mut v = BigInt::parse_bytes(clean.as_bytes(), base).unwrap();
        if neg {
            v = -v;
        }
        Ok(big_to_value(self, &v))
    }
}
