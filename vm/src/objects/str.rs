//! Strings: hashing, CPython's repr quoting, character indexing and the text helpers the
//! methods in `builtins/str_methods.rs` share. This file never runs Python code.

use crate::interp::Vm;
use crate::layout::*;

/// The hash of a str's (or bytes') contents: 8 bytes per step, then mixed; never 0 (0 marks
/// a str whose hash is not computed yet).
pub fn hash_bytes(b: &[u8]) -> u64 {
    // Python-level hashes are this >> 3: the empty str and bytes hash to 0, as in CPython (the
    // word itself is never 0, which marks a hash not computed yet).
    if b.is_empty() {
        return 1;
    }
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0x243F_6A88_85A3_08D3 ^ (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap());
        h = (h ^ w).wrapping_mul(K);
        h ^= h >> 31;
    }
    let rem = chunks.remainder();
    if !rem.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rem.len()].copy_from_slice(rem);
        h = (h ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 32;
    if h == 0 { 1 } else { h }
}

/// `repr(s)` for a str, with CPython's choice of quotes and escapes.
pub fn repr_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if !is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// `ascii(s)`: like repr, with every non-ASCII character escaped.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// An approximation of Python's `str.isprintable` per character.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || (0x7f..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    if c.is_whitespace() && c != ' ' {
        return false;
    }
    !matches!(n, 0x2028 | 0x2029 | 0xfeff | 0xd800..=0xdfff | 0xe000..=0xf8ff | 0xfff9..=0xfffb)
        && !(0x200b..=0x200f).contains(&n)
        && !(0x2060..=0x206f).contains(&n)
}

/// `repr(bytes)`.
pub fn repr_bytes(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(q);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            x if x as char == q => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(x as char),
            x => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(q);
    out
}

impl Vm {
    /// The character at index `i` (in characters).
    pub fn str_char_at(&self, o: stm::ObjRef, i: usize) -> char {
        let ascii = self.str_len_chars(o) == self.raw(o, STR_BLEN) as usize;
        self.with_str(o, |s| if ascii { s.as_bytes()[i] as char } else { s.chars().nth(i).unwrap() })
    }
}
