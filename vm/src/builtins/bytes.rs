//! Methods of bytes (searching, splitting, stripping, case, padding, predicates, `fromhex`,
//! `translate`, `%` formatting) and the codecs shared by `bytes.decode`, `str.encode` and
//! `bytes(str, encoding)`: utf-8, ascii, latin-1, utf-16 and utf-32 (with and without byte
//! order), with the error handlers strict, ignore, replace, backslashreplace and (encoding)
//! xmlcharrefreplace. Messages are CPython's. This file never keeps a reference into the heap
//! across a call.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::runtime::Types;
use crate::value::Value;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

pub fn install(vm: &mut Vm, t: &Types) {
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("bytes.decode", decode),
        ("bytes.find", find),
        ("bytes.rfind", rfind),
        ("bytes.index", index),
        ("bytes.rindex", rindex),
        ("bytes.count", count),
        ("bytes.startswith", startswith),
        ("bytes.endswith", endswith),
        ("bytes.split", split),
        ("bytes.rsplit", rsplit),
        ("bytes.splitlines", splitlines),
        ("bytes.strip", strip),
        ("bytes.lstrip", lstrip),
        ("bytes.rstrip", rstrip),
        ("bytes.replace", replace),
        ("bytes.partition", partition),
        ("bytes.rpartition", rpartition),
        ("bytes.upper", upper),
        ("bytes.lower", lower),
        ("bytes.swapcase", swapcase),
        ("bytes.capitalize", capitalize),
        ("bytes.title", title),
        ("bytes.isdigit", isdigit),
        ("bytes.isalpha", isalpha),
        ("bytes.isalnum", isalnum),
        ("bytes.isspace", isspace),
        ("bytes.isupper", isupper),
        ("bytes.islower", islower),
        ("bytes.isascii", isascii),
        ("bytes.istitle", istitle),
        ("bytes.ljust", ljust),
        ("bytes.rjust", rjust),
        ("bytes.center", center),
        ("bytes.zfill", zfill),
        ("bytes.expandtabs", expandtabs),
        ("bytes.removeprefix", removeprefix),
        ("bytes.removesuffix", removesuffix),
        ("bytes.translate", translate),
        ("bytes.__mod__", bytes_mod),
    ];
    vm.def_builtins(vm.ld(t.bytes, CLS_DICT), fns);
    let d = vm.ld(t.bytes, CLS_DICT);
    let fh = vm.new_builtin("bytes.fromhex", fromhex);
    let fh = vm.new_fixed(tid::CLASSMETHOD, 16, &[fh]);
    vm.def_value(d, "fromhex", fh);
    let mt = vm.new_builtin("static:bytes.maketrans", maketrans);
    let mt = vm.new_fixed(tid::STATICMETHOD, 16, &[mt]);
    vm.def_value(d, "maketrans", mt);
}

// ---- codecs ----------------------------------------------------------------------------

/// A codec this runtime knows.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16; `None`: with a byte-order mark (native little endian when encoding).
    Utf16(Option<bool>),
    /// UTF-32; `None`: with a byte-order mark.
    Utf32(Option<bool>),
}

impl Codec {
    /// The codec named `name` (CPython's normalization: case, `-`/`_`/spaces, aliases).
    pub fn lookup(name: &str) -> Option<Codec> {
        let n: String =
            name.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
        Some(match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us-ascii" | "646" => Codec::Ascii,
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
                Codec::Latin1
            }
            "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
            "utf-16-le" | "utf-16le" => Codec::Utf16(Some(false)),
            "utf-16-be" | "utf-16be" => Codec::Utf16(Some(true)),
            "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
            "utf-32-le" | "utf-32le" => Codec::Utf32(Some(false)),
            "utf-32-be" | "utf-32be" => Codec::Utf32(Some(true)),
            _ => return None,
        })
    }
    /// CPython's name of the codec in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

/// An error handler.
#[derive(Clone, Copy, PartialEq)]
enum Errors {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

fn errors_of(vm: &mut Vm, v: Option<Value>) -> R<Errors> {
    let Some(v) = v else { return Ok(Errors::Strict) };
    let name = crate::builtins::strings::must_str(vm, v, "decode() argument 'errors' must be str")?;
    Ok(match name.as_str() {
        // Strings here hold no lone surrogates, so these two act as strict: valid data decodes
        // and encodes the same; what they would turn into a surrogate is an error instead.
        "strict" | "surrogatepass" | "surrogateescape" => Errors::Strict,
        "ignore" => Errors::Ignore,
        "replace" => Errors::Replace,
        "backslashreplace" => Errors::BackslashReplace,
        "xmlcharrefreplace" => Errors::XmlCharRefReplace,
        _ => return Err(vm.new_error("LookupError", &format!("unknown error handler name '{name}'"))),
    })
}

fn codec_of(vm: &mut Vm, v: Option<Value>, what: &str) -> R<Codec> {
    let Some(v) = v else { return Ok(Codec::Utf8) };
    let name = crate::builtins::strings::must_str(vm, v, &format!("{what}() argument 'encoding' must be str"))?;
    Codec::lookup(&name).ok_or_else(|| vm.new_error("LookupError", &format!("unknown encoding: {name}")))
}

/// A decoding failure: (start, end, reason).
type DecodeErr = (usize, usize, &'static str);

/// Decodes the next character of `b` at `i` with `codec`: (char, bytes used).
fn decode_one(codec: Codec, b: &[u8], i: usize, big: bool) -> Result<(char, usize), DecodeErr> {
    match codec {
        Codec::Ascii => {
            if b[i] < 128 {
                Ok((b[i] as char, 1))
            } else {
                Err((i, i + 1, "ordinal not in range(128)"))
            }
        }
        Codec::Latin1 => Ok((b[i] as char, 1)),
        Codec::Utf8 => {
            let c = b[i];
            let len = match c {
                0x00..=0x7f => return Ok((c as char, 1)),
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return Err((i, i + 1, "invalid start byte")),
            };
            let mut cp = (c as u32) & (0x7f >> len);
            for k in 1..len {
                let Some(&x) = b.get(i + k) else { return Err((i, b.len(), "unexpected end of data")) };
                // CPython rejects overlong and surrogate forms at the second byte.
                let ok = x & 0xc0 == 0x80
                    && !(k == 1
                        && ((c == 0xe0 && x < 0xa0)
                            || (c == 0xed && x > 0x9f)
                            || (c == 0xf0 && x < 0x90)
                            || (c == 0xf4 && x > 0x8f)));
                if !ok {
                    return Err((i, i + k, "invalid continuation byte"));
                }
                cp = cp << 6 | (x & 0x3f) as u32;
            }
            Ok((char::from_u32(cp).expect("checked"), len))
        }
        Codec::Utf16(_) => {
            if i + 2 > b.len() {
                return Err((i, b.len(), "truncated data"));
            }
            let unit = |j: usize| {
                if big { u16::from_be_bytes([b[j], b[j + 1]]) } else { u16::from_le_bytes([b[j], b[j + 1]]) }
            };
            let u = unit(i);
            match u {
                0xd800..=0xdbff => {
                    if i + 4 > b.len() {
                        return Err((i, b.len(), "unexpected end of data"));
                    }
                    let lo = unit(i + 2);
                    if !(0xdc00..=0xdfff).contains(&lo) {
                        return Err((i, i + 2, "illegal UTF-16 surrogate"));
                    }
                    let cp = 0x10000 + (((u as u32) - 0xd800) << 10) + (lo as u32 - 0xdc00);
                    Ok((char::from_u32(cp).expect("valid"), 4))
                }
                0xdc00..=0xdfff => Err((i, i + 2, "illegal encoding")),
                _ => Ok((char::from_u32(u as u32).expect("valid"), 2)),
            }
        }
        Codec::Utf32(_) => {
            if i + 4 > b.len() {
                return Err((i, b.len(), "truncated data"));
            }
            let w = [b[i], b[i + 1], b[i + 2], b[i + 3]];
            let cp = if big { u32::from_be_bytes(w) } else { u32::from_le_bytes(w) };
            match char::from_u32(cp) {
                Some(c) => Ok((c, 4)),
                None if cp > 0x10ffff => Err((i, i + 4, "code point not in range(0x110000)")),
                None => Err((i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)")),
            }
        }
    }
}

/// Decodes `b`; errors are CPython's UnicodeDecodeError messages.
pub fn decode_bytes(vm: &mut Vm, b: &[u8], codec: Codec, errors_v: Option<Value>) -> R<String> {
    let errors = errors_of(vm, errors_v)?;
    let mut i = 0;
    // Byte order for UTF-16/32: from the mark when there is one (it is dropped).
    let mut big = matches!(codec, Codec::Utf16(Some(true)) | Codec::Utf32(Some(true)));
    match codec {
        Codec::Utf16(None) if b.len() >= 2 => {
            if b[..2] == [0xff, 0xfe] {
                i = 2;
            } else if b[..2] == [0xfe, 0xff] {
                (i, big) = (2, true);
            }
        }
        Codec::Utf32(None) if b.len() >= 4 => {
            if b[..4] == [0xff, 0xfe, 0, 0] {
                i = 4;
            } else if b[..4] == [0, 0, 0xfe, 0xff] {
                (i, big) = (4, true);
            }
        }
        _ => {}
    }
    if codec == Codec::Utf8
        && let Ok(s) = std::str::from_utf8(b)
    {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(b.len());
    while i < b.len() {
        match decode_one(codec, b, i, big) {
            Ok((c, n)) => {
                out.push(c);
                i += n;
            }
            Err((st, en, reason)) => match errors {
                Errors::Strict | Errors::XmlCharRefReplace => {
                    let object = vm.new_bytes(b);
                    return Err(vm.unicode_error("UnicodeDecodeError", codec.name(), object, st, en, reason));
                }
                Errors::Ignore => i = en,
                Errors::Replace => {
                    out.push('\u{fffd}');
                    i = en;
                }
                Errors::BackslashReplace => {
                    for x in &b[st..en] {
                        out.push_str(&format!("\\x{x:02x}"));
                    }
                    i = en;
                }
            },
        }
    }
    Ok(out)
}

/// Encodes `s`; errors are CPython's UnicodeEncodeError messages.
pub fn encode_str(vm: &mut Vm, s: &str, codec: Codec, errors_v: Option<Value>) -> R<Vec<u8>> {
    let errors = errors_of(vm, errors_v)?;
    let limit = match codec {
        Codec::Ascii => 128,
        Codec::Latin1 => 256,
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf16(o) => {
            let big = o == Some(true);
            let mut out = Vec::with_capacity(2 * s.len() + 2);
            if o.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(o) => {
            let big = o == Some(true);
            let mut out = Vec::with_capacity(4 * s.len() + 4);
            if o.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in s.chars() {
                out.extend_from_slice(&if big { (c as u32).to_be_bytes() } else { (c as u32).to_le_bytes() });
            }
            return Ok(out);
        }
    };
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // A run of unencodable characters, reported as one (as CPython does).
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            Errors::Strict => {
                let object = vm.new_str(&chars.iter().collect::<String>());
                let reason = format!("ordinal not in range({limit})");
                return Err(vm.unicode_error("UnicodeEncodeError", codec.name(), object, i, j, &reason));
            }
            Errors::Ignore => {}
            Errors::Replace => out.extend(std::iter::repeat_n(b'?', j - i)),
            Errors::BackslashReplace => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            Errors::XmlCharRefReplace => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = j;
    }
    Ok(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, as CPython's messages and backslashreplace write it.
fn escape_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

fn decode(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("decode", &a[1..], 0, 2)?;
    let b = this(vm, a[0]);
    let codec = codec_of(vm, a.get(1).copied().or_else(|| vm.kwarg(kw, "encoding")), "decode")?;
    let errors = a.get(2).copied().or_else(|| vm.kwarg(kw, "errors"));
    let s = decode_bytes(vm, &b, codec, errors)?;
    Ok(vm.new_str(&s))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("encode", &a[1..], 0, 2)?;
    let s = vm.str_of(a[0]);
    let codec = codec_of(vm, a.get(1).copied().or_else(|| vm.kwarg(kw, "encoding")), "encode")?;
    let errors = a.get(2).copied().or_else(|| vm.kwarg(kw, "errors"));
    let b = encode_str(vm, &s, codec, errors)?;
    Ok(vm.new_bytes(&b))
}

/// `str(b, encoding, errors)` (either may be absent, not both): `b.decode(...)`.
pub fn str_from_bytes(vm: &mut Vm, b: Value, enc: Option<Value>, errors: Option<Value>) -> R<Value> {
    let codec = codec_of(vm, enc, "decode")?;
    let bytes = this(vm, b);
    let s = decode_bytes(vm, &bytes, codec, errors)?;
    Ok(vm.new_str(&s))
}

/// `bytes(s, encoding[, errors])`.
pub fn bytes_from_str(vm: &mut Vm, s: Value, enc: Value, errors: Option<Value>) -> R<Value> {
    let text = vm.str_of(s);
    let codec = codec_of(vm, Some(enc), "bytes")?;
    let b = encode_str(vm, &text, codec, errors)?;
    Ok(vm.new_bytes(&b))
}

// ---- helpers ---------------------------------------------------------------------------

/// The bytes of `v` (a bytes object or an instance of a bytes subclass).
fn this(vm: &Vm, v: Value) -> Vec<u8> {
    let v = vm.native_of(v).unwrap_or(v);
    vm.bytes_of(v.as_obj())
}

/// The contents of a bytes-like object: bytes (or a subclass), or an instance of a class
/// written in Python that exports them as bytes through `__pystm_buffer__()` (bytearray,
/// array.array): pystm's buffer protocol. None for anything else.
pub fn buffer_bytes(vm: &mut Vm, v: Value) -> R<Option<Vec<u8>>> {
    let n = vm.native_of(v).unwrap_or(v);
    if vm.tid_of(n) == tid::BYTES {
        return Ok(Some(vm.bytes_of(n.as_obj())));
    }
    if vm.tid_of(v) == tid::INSTANCE
        && let Some(f) = vm.lookup_type_attr(v, "__pystm_buffer__")?
    {
        let r = vm.call_value(f, &[v], &[])?;
        let r = vm.native_of(r).unwrap_or(r);
        if vm.tid_of(r) == tid::BYTES {
            return Ok(Some(vm.bytes_of(r.as_obj())));
        }
    }
    Ok(None)
}

/// A bytes-like argument.
fn bytes_arg(vm: &mut Vm, v: Value) -> R<Vec<u8>> {
    if let Some(b) = buffer_bytes(vm, v)? {
        return Ok(b);
    }
    let tn = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{tn}'")))
}

/// A sub-sequence argument: bytes, or an int in range(256).
fn sub_arg(vm: &mut Vm, v: Value) -> R<Vec<u8>> {
    if let Some(i) = vm.small_int(v) {
        return if (0..256).contains(&i) {
            Ok(vec![i as u8])
        } else {
            Err(vm.new_error("ValueError", "byte must be in range(0, 256)"))
        };
    }
    if let Some(b) = buffer_bytes(vm, v)? {
        return Ok(b);
    }
    let tn = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("argument should be integer or bytes-like object, not '{tn}'")))
}

fn new(vm: &mut Vm, b: &[u8]) -> R<Value> {
    Ok(vm.new_bytes(b))
}

fn find_in(hay: &[u8], sub: &[u8], st: usize, en: usize, rev: bool) -> Option<usize> {
    if st > en || st > hay.len() {
        return None;
    }
    let h = &hay[st..en];
    if sub.is_empty() {
        return Some(if rev { en } else { st });
    }
    if sub.len() > h.len() {
        return None;
    }
    let mut at = (0..=h.len() - sub.len()).filter(|&i| h[i..i + sub.len()] == *sub);
    if rev { at.next_back() } else { at.next() }.map(|i| i + st)
}

fn find_impl(vm: &mut Vm, a: A, rev: bool, name: &str) -> R<Option<usize>> {
    vm.nargs(name, &a[1..], 1, 3)?;
    let b = this(vm, a[0]);
    let sub = sub_arg(vm, a[1])?;
    let (st, en) = crate::builtins::strings::range_args(vm, a, 2, b.len())?;
    Ok(find_in(&b, &sub, st, en, rev))
}

fn find(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::int(find_impl(vm, a, false, "find")?.map_or(-1, |x| x as i64)))
}
fn rfind(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::int(find_impl(vm, a, true, "rfind")?.map_or(-1, |x| x as i64)))
}
fn index(vm: &mut Vm, a: A, _: K) -> R<Value> {
    match find_impl(vm, a, false, "index")? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.new_error("ValueError", "subsection not found")),
    }
}
fn rindex(vm: &mut Vm, a: A, _: K) -> R<Value> {
    match find_impl(vm, a, true, "rindex")? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.new_error("ValueError", "subsection not found")),
    }
}
fn count(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("count", &a[1..], 1, 3)?;
    let b = this(vm, a[0]);
    let sub = sub_arg(vm, a[1])?;
    let (st, en) = crate::builtins::strings::range_args(vm, a, 2, b.len())?;
    if st > en {
        return Ok(Value::int(0));
    }
    let h = &b[st..en];
    let n = if sub.is_empty() {
        h.len() + 1
    } else {
        let (mut n, mut i) = (0, 0);
        while i + sub.len() <= h.len() {
            if h[i..i + sub.len()] == *sub {
                n += 1;
                i += sub.len();
            } else {
                i += 1;
            }
        }
        n
    };
    Ok(Value::int(n as i64))
}

fn starts_ends(vm: &mut Vm, a: A, end: bool) -> R<Value> {
    let name = if end { "endswith" } else { "startswith" };
    vm.nargs(name, &a[1..], 1, 3)?;
    let b = this(vm, a[0]);
    let (st, en) = crate::builtins::strings::range_args(vm, a, 2, b.len())?;
    let cands = if vm.tid_of(a[1]) == tid::TUPLE { vm.iter_collect(a[1])? } else { vec![a[1]] };
    for c in cands {
        let Some(p) = buffer_bytes(vm, c)? else {
            let tn = vm.type_name(c);
            return Err(
                vm.new_error("TypeError", &format!("{name} first arg must be bytes or a tuple of bytes, not {tn}"))
            );
        };
        if st > en || st > b.len() {
            continue;
        }
        let h = &b[st..en];
        if (end && h.ends_with(&p)) || (!end && h.starts_with(&p)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
fn startswith(vm: &mut Vm, a: A, _: K) -> R<Value> {
    starts_ends(vm, a, false)
}
fn endswith(vm: &mut Vm, a: A, _: K) -> R<Value> {
    starts_ends(vm, a, true)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `(sep, maxsplit)` of split/rsplit, positional or keyword.
fn split_args(vm: &mut Vm, a: A, kw: K, name: &str) -> R<(Option<Vec<u8>>, i64)> {
    vm.nargs(name, &a[1..], 0, 2)?;
    let sep = match a.get(1).copied().or_else(|| vm.kwarg(kw, "sep")) {
        None => None,
        Some(v) if v == Value::NONE => None,
        Some(v) => {
            let s = bytes_arg(vm, v)?;
            if s.is_empty() {
                return Err(vm.new_error("ValueError", "empty separator"));
            }
            Some(s)
        }
    };
    let max = match a.get(2).copied().or_else(|| vm.kwarg(kw, "maxsplit")) {
        None => -1,
        Some(v) => vm.index_value(v, "'maxsplit' must be an integer")?,
    };
    Ok((sep, max))
}

fn split_parts(b: &[u8], sep: Option<&[u8]>, max: i64, rev: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let limit = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            if rev {
                let mut end = b.len();
                while out.len() < limit {
                    match find_in(b, sep, 0, end, true) {
                        Some(i) => {
                            out.push(b[i + sep.len()..end].to_vec());
                            end = i;
                        }
                        None => break,
                    }
                }
                out.push(b[..end].to_vec());
                out.reverse();
            } else {
                let mut st = 0;
                while out.len() < limit {
                    match find_in(b, sep, st, b.len(), false) {
                        Some(i) => {
                            out.push(b[st..i].to_vec());
                            st = i + sep.len();
                        }
                        None => break,
                    }
                }
                out.push(b[st..].to_vec());
            }
        }
        None => {
            // Runs of whitespace; no empty strings at the ends.
            let words: Vec<(usize, usize)> = {
                let mut v = Vec::new();
                let mut i = 0;
                while i < b.len() {
                    while i < b.len() && is_space(b[i]) {
                        i += 1;
                    }
                    let s = i;
                    while i < b.len() && !is_space(b[i]) {
                        i += 1;
                    }
                    if s < i {
                        v.push((s, i));
                    }
                }
                v
            };
            if words.len() <= limit {
                return words.iter().map(|(s, e)| b[*s..*e].to_vec()).collect();
            }
            if rev {
                // The unsplit head keeps its leading whitespace (as CPython's does).
                let cut = words.len() - limit;
                out.push(b[..words[cut - 1].1].to_vec());
                out.extend(words[cut..].iter().map(|(s, e)| b[*s..*e].to_vec()));
            } else {
                // The unsplit rest keeps its trailing whitespace (as CPython's does).
                out.extend(words[..limit].iter().map(|(s, e)| b[*s..*e].to_vec()));
                out.push(b[words[limit].0..].to_vec());
            }
        }
    }
    out
}

fn list_of(vm: &mut Vm, parts: Vec<Vec<u8>>) -> R<Value> {
    let vals: Vec<Value> = parts.iter().map(|p| vm.new_bytes(p)).collect();
    Ok(vm.new_list(&vals))
}

fn split(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let (sep, max) = split_args(vm, a, kw, "split")?;
    let b = this(vm, a[0]);
    let parts = split_parts(&b, sep.as_deref(), max, false);
    list_of(vm, parts)
}
fn rsplit(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let (sep, max) = split_args(vm, a, kw, "rsplit")?;
    let b = this(vm, a[0]);
    let parts = split_parts(&b, sep.as_deref(), max, true);
    list_of(vm, parts)
}
fn splitlines(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("splitlines", &a[1..], 0, 1)?;
    let keep = match a.get(1).copied().or_else(|| vm.kwarg(kw, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let b = this(vm, a[0]);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let s = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut e = i;
        if i < b.len() {
            i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            if keep {
                e = i;
            }
        }
        out.push(b[s..e].to_vec());
    }
    list_of(vm, out)
}

fn strip_impl(vm: &mut Vm, a: A, left: bool, right: bool, name: &str) -> R<Value> {
    vm.nargs(name, &a[1..], 0, 1)?;
    let b = this(vm, a[0]);
    let chars = match a.get(1) {
        Some(v) if *v != Value::NONE => Some(bytes_arg(vm, *v)?),
        _ => None,
    };
    let strip = |c: &u8| match &chars {
        Some(cs) => cs.contains(c),
        None => is_space(*c),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(&b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(&b[e - 1]) {
            e -= 1;
        }
    }
    new(vm, &b[s..e])
}
fn strip(vm: &mut Vm, a: A, _: K) -> R<Value> {
    strip_impl(vm, a, true, true, "strip")
}
fn lstrip(vm: &mut Vm, a: A, _: K) -> R<Value> {
    strip_impl(vm, a, true, false, "lstrip")
}
fn rstrip(vm: &mut Vm, a: A, _: K) -> R<Value> {
    strip_impl(vm, a, false, true, "rstrip")
}

fn replace(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("replace", &a[1..], 2, 3)?;
    let b = this(vm, a[0]);
    let old = bytes_arg(vm, a[1])?;
    let newb = bytes_arg(vm, a[2])?;
    let max = match a.get(3) {
        Some(v) => vm.index_value(*v, "'count' must be an integer")?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut n = 0i64;
    let mut i = 0;
    if old.is_empty() {
        for (k, c) in b.iter().enumerate() {
            if max < 0 || (k as i64) < max {
                out.extend_from_slice(&newb);
                n += 1;
            }
            out.push(*c);
        }
        if max < 0 || n < max {
            out.extend_from_slice(&newb);
        }
        return new(vm, &out);
    }
    while i < b.len() {
        if (max < 0 || n < max) && b[i..].starts_with(&old) {
            out.extend_from_slice(&newb);
            i += old.len();
            n += 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    new(vm, &out)
}

fn partition_impl(vm: &mut Vm, a: A, rev: bool) -> R<Value> {
    let b = this(vm, a[0]);
    let sep = bytes_arg(vm, a[1])?;
    if sep.is_empty() {
        return Err(vm.new_error("ValueError", "empty separator"));
    }
    let parts: [Vec<u8>; 3] = match find_in(&b, &sep, 0, b.len(), rev) {
        Some(i) => [b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()],
        None if rev => [vec![], vec![], b.clone()],
        None => [b.clone(), vec![], vec![]],
    };
    let vals: Vec<Value> = parts.iter().map(|p| vm.new_bytes(p)).collect();
    Ok(vm.new_tuple(&vals))
}
fn partition(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("partition", &a[1..], 1, 1)?;
    partition_impl(vm, a, false)
}
fn rpartition(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("rpartition", &a[1..], 1, 1)?;
    partition_impl(vm, a, true)
}

fn map_bytes(vm: &mut Vm, a: A, f: impl Fn(&[u8]) -> Vec<u8>) -> R<Value> {
    let b = this(vm, a[0]);
    new(vm, &f(&b))
}
fn upper(vm: &mut Vm, a: A, _: K) -> R<Value> {
    map_bytes(vm, a, |b| b.to_ascii_uppercase())
}
fn lower(vm: &mut Vm, a: A, _: K) -> R<Value> {
    map_bytes(vm, a, |b| b.to_ascii_lowercase())
}
fn swapcase(vm: &mut Vm, a: A, _: K) -> R<Value> {
    map_bytes(vm, a, |b| {
        b.iter().map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
    })
}
fn capitalize(vm: &mut Vm, a: A, _: K) -> R<Value> {
    map_bytes(vm, a, |b| {
        b.iter()
            .enumerate()
            .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}
fn title(vm: &mut Vm, a: A, _: K) -> R<Value> {
    map_bytes(vm, a, |b| {
        let mut prev = false;
        b.iter()
            .map(|c| {
                let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, a: A, f: impl Fn(&[u8]) -> bool) -> R<Value> {
    let b = this(vm, a[0]);
    Ok(Value::bool(f(&b)))
}
fn isdigit(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| !b.is_empty() && b.iter().all(u8::is_ascii_digit))
}
fn isalpha(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic))
}
fn isalnum(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric))
}
fn isspace(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| !b.is_empty() && b.iter().all(|c| is_space(*c)))
}
fn isupper(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase))
}
fn islower(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase))
}
fn isascii(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| b.is_ascii())
}
fn istitle(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |b| {
        let (mut prev, mut any) = (false, false);
        for c in b {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                (prev, any) = (true, true);
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                any = true;
            } else {
                prev = false;
            }
        }
        any
    })
}

fn pad(vm: &mut Vm, a: A, name: &str, how: u8) -> R<Value> {
    vm.nargs(name, &a[1..], 1, 2)?;
    let b = this(vm, a[0]);
    let w = vm.index_value(a[1], "an integer is required")?.max(0) as usize;
    let fill = match a.get(2) {
        Some(v) => {
            let f = bytes_arg(vm, *v)?;
            if f.len() != 1 {
                let tn = vm.type_name(*v);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("{name}() argument 2 must be a byte string of length 1, not {tn}"),
                ));
            }
            f[0]
        }
        None => b' ',
    };
    if w <= b.len() {
        return new(vm, &b);
    }
    let total = w - b.len();
    let left = match how {
        b'l' => 0,
        b'r' => total,
        // CPython's center puts the extra byte on the left when the width is odd.
        _ => total / 2 + (total & w & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(w, fill);
    new(vm, &out)
}
fn ljust(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pad(vm, a, "ljust", b'l')
}
fn rjust(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pad(vm, a, "rjust", b'r')
}
fn center(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pad(vm, a, "center", b'c')
}
fn zfill(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("zfill", &a[1..], 1, 1)?;
    let b = this(vm, a[0]);
    let w = vm.index_value(a[1], "an integer is required")?.max(0) as usize;
    if w <= b.len() {
        return new(vm, &b);
    }
    let sign = matches!(b.first(), Some(b'+') | Some(b'-'));
    let mut out = Vec::with_capacity(w);
    if sign {
        out.push(b[0]);
    }
    out.extend(std::iter::repeat_n(b'0', w - b.len()));
    out.extend_from_slice(&b[sign as usize..]);
    new(vm, &out)
}
fn expandtabs(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let b = this(vm, a[0]);
    let ts = match a.get(1).copied().or_else(|| vm.kwarg(kw, "tabsize")) {
        Some(v) => vm.index_value(v, "an integer is required")?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in &b {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    new(vm, &out)
}
fn removeprefix(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("removeprefix", &a[1..], 1, 1)?;
    let b = this(vm, a[0]);
    let p = bytes_arg(vm, a[1])?;
    new(vm, b.strip_prefix(p.as_slice()).unwrap_or(&b))
}
fn removesuffix(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("removesuffix", &a[1..], 1, 1)?;
    let b = this(vm, a[0]);
    let p = bytes_arg(vm, a[1])?;
    new(vm, b.strip_suffix(p.as_slice()).unwrap_or(&b))
}

fn fromhex(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("fromhex", &a[1..], 1, 1)?;
    let s = crate::builtins::strings::must_str(vm, a[1], "fromhex() argument must be str")?;
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) if i + 1 >= cs.len() || !cs[i + 1].is_ascii_hexdigit() => {
                let at = if i + 1 >= cs.len() { i + 1 } else { i + 1 };
                return Err(vm.new_error(
                    "ValueError",
                    &format!("non-hexadecimal number found in fromhex() arg at position {at}"),
                ));
            }
            _ => {
                return Err(vm.new_error(
                    "ValueError",
                    &format!("non-hexadecimal number found in fromhex() arg at position {i}"),
                ));
            }
        }
        i += 2;
    }
    let v = vm.new_bytes(&out);
    // A subclass's fromhex returns an instance of the subclass.
    let bytes_t = vm.types().bytes;
    if a[0].is_ref() && a[0].as_obj() != bytes_t {
        return vm.call_value(a[0], &[v], &[]);
    }
    Ok(v)
}

fn translate(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("translate", &a[1..], 1, 2)?;
    let b = this(vm, a[0]);
    let table = if a[1] == Value::NONE {
        None
    } else {
        let t = bytes_arg(vm, a[1])?;
        if t.len() != 256 {
            return Err(vm.new_error("ValueError", "translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match a.get(2).copied().or_else(|| vm.kwarg(kw, "delete")) {
        Some(v) => bytes_arg(vm, v)?,
        None => Vec::new(),
    };
    let out: Vec<u8> =
        b.iter().filter(|c| !delete.contains(c)).map(|c| table.as_ref().map_or(*c, |t| t[*c as usize])).collect();
    new(vm, &out)
}

fn maketrans(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("maketrans", a, 2, 2)?;
    let from = bytes_arg(vm, a[0])?;
    let to = bytes_arg(vm, a[1])?;
    if from.len() != to.len() {
        return Err(vm.new_error("ValueError", "maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, x) in from.iter().zip(&to) {
        t[*f as usize] = *x;
    }
    new(vm, &t)
}

/// The conversions of a %-format in order: `(mapping key, conversion)`; a `*` width or
/// precision takes an argument of its own (conversion `*`).
fn conversions(f: &[u8]) -> Vec<(Option<Vec<u8>>, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if f.get(i) == Some(&b'(') {
            let mut depth = 1;
            let st = i + 1;
            i += 1;
            while i < f.len() && depth > 0 {
                match f[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            key = Some(f[st..i.saturating_sub(1)].to_vec());
        }
        while i < f.len() && (b"#0- +*.".contains(&f[i]) || f[i].is_ascii_digit() || b"hlL".contains(&f[i])) {
            if f[i] == b'*' {
                out.push((None, b'*'));
            }
            i += 1;
        }
        if let Some(&c) = f.get(i) {
            if c != b'%' {
                out.push((key, c));
            }
            i += 1;
        }
    }
    out
}

/// `bytes % args`: formatted as text over latin-1 (each byte one character), with bytes
/// arguments for `%s`/`%b` and their repr's for `%r`/`%a`; the result is encoded back.
fn bytes_mod(vm: &mut Vm, a: A, _: K) -> R<Value> {
    bytes_percent(vm, a[0], a[1])
}

/// `fmt % args` for a bytes `fmt` (see `bytes_mod`).
pub fn bytes_percent(vm: &mut Vm, fmt: Value, args: Value) -> R<Value> {
    let a = [fmt, args];
    let fmt = this(vm, a[0]);
    let text: String = fmt.iter().map(|c| *c as char).collect();
    let fmt_s = vm.new_str(&text);
    let specs = conversions(&fmt);
    // Arguments for %s/%b become their bytes as latin-1 text; %r/%a and numbers stay as they are.
    let conv = |vm: &mut Vm, v: Value, c: u8| -> R<Value> {
        if !matches!(c, b's' | b'b') {
            return Ok(v);
        }
        let n = vm.native_of(v).unwrap_or(v);
        if vm.tid_of(n) == tid::BYTES {
            let b = vm.bytes_of(n.as_obj());
            let s: String = b.iter().map(|c| *c as char).collect();
            return Ok(vm.new_str(&s));
        }
        let tn = vm.type_name(v);
        Err(vm.new_error(
            "TypeError",
            &format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"),
        ))
    };
    let latin1 = |vm: &mut Vm, b: &[u8]| {
        let s: String = b.iter().map(|c| *c as char).collect();
        vm.new_str(&s)
    };
    let args = if vm.tid_of(a[1]) == tid::DICT {
        // `%(name)s` looks the name up as bytes: key the mapping by the same text.
        let d = vm.new_dict();
        for (key, c) in specs.iter().filter_map(|(k, c)| k.as_ref().map(|k| (k, *c))) {
            let kb = vm.new_bytes(key);
            let Some(v) = vm.dict_get(a[1], kb)? else { continue };
            let v = conv(vm, v, c)?;
            let ks = latin1(vm, key);
            vm.dict_set(d, ks, v)?;
        }
        d
    } else {
        let items = if vm.tid_of(a[1]) == tid::TUPLE { vm.iter_collect(a[1])? } else { vec![a[1]] };
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            let c = specs.get(i).map_or(b'r', |s| s.1);
            out.push(conv(vm, *x, c)?);
        }
        if vm.tid_of(a[1]) == tid::TUPLE { vm.new_tuple(&out) } else { out[0] }
    };
    let r = vm.percent_format(fmt_s, args)?;
    let s = vm.str_of(r);
    let out: Vec<u8> = s.chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }).collect();
    new(vm, &out)
}
