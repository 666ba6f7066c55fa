//! Methods of str and bytes: construction, searching, splitting, joining, case, padding,
//! predicates, `format`, `encode`/`decode`. Character positions are in code points, as in
//! CPython. This file never keeps a reference into the heap across a call.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::runtime::Types;
use crate::value::Value;
use std::fmt::Write as _;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

pub fn install(vm: &mut Vm, t: &Types) {
    let s = t.str_;
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("str.__new__", str_new),
        ("str.join", join),
        ("str.split", split),
        ("str.rsplit", rsplit),
        ("str.splitlines", splitlines),
        ("str.strip", strip),
        ("str.lstrip", lstrip),
        ("str.rstrip", rstrip),
        ("str.replace", replace),
        ("str.find", find),
        ("str.rfind", rfind),
        ("str.index", index),
        ("str.rindex", rindex),
        ("str.count", count),
        ("str.startswith", startswith),
        ("str.endswith", endswith),
        ("str.upper", upper),
        ("str.lower", lower),
        ("str.casefold", lower),
        ("str.title", title),
        ("str.capitalize", capitalize),
        ("str.swapcase", swapcase),
        ("str.isdigit", isdigit),
        ("str.isdecimal", isdecimal),
        ("str.isnumeric", isnumeric),
        ("str.isalpha", isalpha),
        ("str.isalnum", isalnum),
        ("str.isspace", isspace),
        ("str.isupper", isupper),
        ("str.islower", islower),
        ("str.istitle", istitle),
        ("str.isidentifier", isidentifier),
        ("str.isascii", isascii),
        ("str.isprintable", isprintable),
        ("str.zfill", zfill),
        ("str.center", center),
        ("str.ljust", ljust),
        ("str.rjust", rjust),
        ("str.partition", partition),
        ("str.rpartition", rpartition),
        ("str.format", format),
        ("str.format_map", format_map),
        ("str.encode", crate::builtins::bytes::str_encode),
        ("str.expandtabs", expandtabs),
        ("str.removeprefix", removeprefix),
        ("str.removesuffix", removesuffix),
        ("str.__len__", len),
        ("str.__contains__", contains),
        ("str.__getitem__", getitem),
        ("str.__iter__", iter),
        ("str.__format__", dunder_format),
        ("str.__str__", str_str),
        ("str.__repr__", str_repr),
        ("str.__hash__", str_hash),
        ("str.__eq__", str_eq),
        ("str.__lt__", str_lt),
        ("str.__add__", str_add),
        ("str.__mod__", str_mod),
        ("str.__mul__", str_mul),
    ];
    vm.def_builtins(vm.ld(s, CLS_DICT), fns);
    let mt = vm.new_builtin("static:str.maketrans", maketrans);
    let mt = vm.new_fixed(tid::STATICMETHOD, 16, &[mt]);
    let d = vm.ld(s, CLS_DICT);
    vm.def_value(d, "maketrans", mt);
    vm.def_method(s, "str.translate", translate);
    let b = t.bytes;
    vm.def_method(b, "bytes.__new__", bytes_new);
    vm.def_method(b, "bytes.hex", bytes_hex);
    vm.def_method(b, "bytes.join", bytes_join);
}

fn this(vm: &Vm, v: Value) -> String {
    vm.str_of(v)
}

/// The str inside `v`: `v` itself, or the value of an instance of a str subclass.
pub(crate) fn str_like(vm: &Vm, v: Value) -> Option<Value> {
    if vm.is_str(v) {
        return Some(v);
    }
    vm.native_of(v).filter(|n| vm.is_str(*n))
}

fn arg(vm: &mut Vm, a: A, i: usize, name: &str) -> R<String> {
    let v = a[i];
    if let Some(v) = str_like(vm, v) {
        Ok(vm.str_of(v))
    } else {
        let tn = vm.type_name(v);
        Err(vm.new_error(
            "TypeError",
            &format!("{name} arg must be None or str, not {tn}")
                .replace(" arg must be None or str", "() argument must be str"),
        ))
    }
}

pub(crate) fn must_str(vm: &mut Vm, v: Value, what: &str) -> R<String> {
    if let Some(v) = str_like(vm, v) {
        Ok(vm.str_of(v))
    } else {
        let tn = vm.type_name(v);
        Err(vm.new_error("TypeError", &format!("{what}, not {tn}")))
    }
}

fn s(vm: &mut Vm, x: &str) -> R<Value> {
    Ok(vm.new_str(x))
}

fn str_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let v = str_new_value(vm, a, kw)?;
    let t = vm.types().str_;
    Ok(vm.wrap_native(a[0], t, v))
}

fn str_new_value(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let a = &a[1..];
    if a.is_empty() && kw.is_empty() {
        return s(vm, "");
    }
    let obj = a.first().copied().or_else(|| vm.kwarg(kw, "object")).unwrap_or(Value::NULL);
    let enc = a.get(1).copied().or_else(|| vm.kwarg(kw, "encoding"));
    let errors = a.get(2).copied().or_else(|| vm.kwarg(kw, "errors"));
    if enc.is_some() || errors.is_some() {
        if vm.is_str(obj) {
            return Err(vm.new_error("TypeError", "decoding str is not supported"));
        }
        let obj = if vm.tid_of(obj) == tid::BYTES {
            obj
        } else {
            let Some(b) = crate::builtins::bytes::buffer_bytes(vm, obj)? else {
                let tn = vm.type_name(obj);
                return Err(
                    vm.new_error("TypeError", &format!("decoding to str: need a bytes-like object, {tn} found"))
                );
            };
            vm.new_bytes(&b)
        };
        return crate::builtins::bytes::str_from_bytes(vm, obj, enc, errors);
    }
    if obj.is_null() {
        return s(vm, "");
    }
    vm.str_value(obj)
}

fn join(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("join", &a[1..], 1, 1)?;
    let sep = this(vm, a[0]);
    let items = vm.iter_collect(a[1])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        let Some(x) = str_like(vm, *x) else {
            let tn = vm.type_name(*x);
            return Err(vm.new_error("TypeError", &format!("sequence item {i}: expected str instance, {tn} found")));
        };
        if i > 0 {
            out.push_str(&sep);
        }
        vm.with_str(x.as_obj(), |t| out.push_str(t));
    }
    s(vm, &out)
}

fn sep_max(vm: &mut Vm, a: A, kw: K) -> R<(Option<String>, i64)> {
    let sepv = a.get(1).copied().or_else(|| vm.kwarg(kw, "sep")).unwrap_or(Value::NONE);
    let maxv = a.get(2).copied().or_else(|| vm.kwarg(kw, "maxsplit")).unwrap_or(Value::int(-1));
    let sep = if sepv == Value::NONE { None } else { Some(must_str(vm, sepv, "must be str or None")?) };
    if let Some(x) = &sep
        && x.is_empty()
    {
        return Err(vm.new_error("ValueError", "empty separator"));
    }
    let m = vm.index_value(maxv, "'{}' object cannot be interpreted as an integer")?;
    Ok((sep, m))
}

fn list_of(vm: &mut Vm, parts: Vec<String>) -> R<Value> {
    let items: Vec<Value> = parts.iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(&items))
}

fn split(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let (sep, max) = sep_max(vm, a, kw)?;
    let o = a[0].as_obj();
    let ascii = vm.raw(o, crate::layout::STR_BLEN) as usize == vm.str_len_chars(o);
    // The parts as (first byte, bytes, characters) of the receiver, copied heap to heap below.
    let parts: Vec<(u64, u64, usize)> = vm.with_str(o, |t| {
        let part = |p: &str| {
            let chars = if ascii { p.len() } else { p.chars().count() };
            ((p.as_ptr() as usize - t.as_ptr() as usize) as u64, p.len() as u64, chars)
        };
        match &sep {
            Some(sep) if max < 0 => t.split(sep.as_str()).map(part).collect(),
            Some(sep) => t.splitn(max as usize + 1, sep.as_str()).map(part).collect(),
            None => {
                let mut out = Vec::new();
                let mut rest = t.trim_start();
                while !rest.is_empty() {
                    if max >= 0 && out.len() as i64 == max {
                        out.push(part(rest));
                        break;
                    }
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(part(&rest[..end]));
                    rest = rest[end..].trim_start();
                }
                out
            }
        }
    });
    let items: Vec<Value> =
        parts.into_iter().map(|(from, len, chars)| vm.str_from_parts(&[(o, from, len)], chars)).collect();
    Ok(vm.new_list(&items))
}

fn rsplit(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let t = this(vm, a[0]);
    let (sep, max) = sep_max(vm, a, kw)?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                t.rsplit(sep.as_str()).map(String::from).collect()
            } else {
                t.rsplitn(max as usize + 1, sep.as_str()).map(String::from).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_end();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let st = rest
                    .rfind(char::is_whitespace)
                    .map(|i| i + rest[i..].chars().next().unwrap().len_utf8())
                    .unwrap_or(0);
                out.push(rest[st..].to_string());
                rest = rest[..st].trim_end();
            }
            out
        }
    };
    parts.reverse();
    list_of(vm, parts)
}

fn splitlines(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let t = this(vm, a[0]);
    let keep = match a.get(1).copied().or_else(|| vm.kwarg(kw, "keepends")) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let cs: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            let mut end = c.to_string();
            if c == '\r' && i + 1 < cs.len() && cs[i + 1] == '\n' {
                end.push('\n');
                i += 1;
            }
            if keep {
                cur.push_str(&end);
            }
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
        i += 1;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    list_of(vm, out)
}

fn strip_chars(vm: &mut Vm, a: A) -> R<Option<Vec<char>>> {
    match a.get(1).copied() {
        None | Some(Value::NONE) => Ok(None),
        Some(v) => Ok(Some(must_str(vm, v, "strip arg must be None or str")?.chars().collect())),
    }
}
fn strip(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let r = match strip_chars(vm, a)? {
        None => t.trim().to_string(),
        Some(cs) => t.trim_matches(|c| cs.contains(&c)).to_string(),
    };
    s(vm, &r)
}
fn lstrip(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let r = match strip_chars(vm, a)? {
        None => t.trim_start().to_string(),
        Some(cs) => t.trim_start_matches(|c| cs.contains(&c)).to_string(),
    };
    s(vm, &r)
}
fn rstrip(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let r = match strip_chars(vm, a)? {
        None => t.trim_end().to_string(),
        Some(cs) => t.trim_end_matches(|c| cs.contains(&c)).to_string(),
    };
    s(vm, &r)
}

fn replace(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("replace", &a[1..], 2, 3)?;
    let t = this(vm, a[0]);
    let old = arg(vm, a, 1, "replace")?;
    let new = arg(vm, a, 2, "replace")?;
    let n = if a.len() > 3 { vm.index_value(a[3], "'{}' object cannot be interpreted as an integer")? } else { -1 };
    let r = if n < 0 {
        t.replace(&old, &new)
    } else if old.is_empty() {
        let mut out = String::new();
        let mut k = 0;
        for c in t.chars() {
            if k < n {
                out.push_str(&new);
                k += 1;
            }
            out.push(c);
        }
        if k < n {
            out.push_str(&new);
        }
        out
    } else {
        t.replacen(&old, &new, n as usize)
    };
    s(vm, &r)
}

/// (start, end) in characters, clamped like slice indices.
pub(crate) fn range_args(vm: &mut Vm, a: A, from: usize, n: usize) -> R<(usize, usize)> {
    let n = n as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let st = match a.get(from) {
        Some(v) if *v != Value::NONE => {
            norm(vm.index_value(*v, "slice indices must be integers or None or have an __index__ method")?)
        }
        _ => 0,
    };
    let en = match a.get(from + 1) {
        Some(v) if *v != Value::NONE => {
            norm(vm.index_value(*v, "slice indices must be integers or None or have an __index__ method")?)
        }
        _ => n,
    };
    Ok((st as usize, en as usize))
}

/// Finds `sub` in chars[start..end]; returns a char index.
fn find_in(t: &str, sub: &str, st: usize, en: usize, rev: bool) -> Option<usize> {
    let cs: Vec<char> = t.chars().collect();
    let subc: Vec<char> = sub.chars().collect();
    if st > en || en - st < subc.len() {
        return if subc.is_empty() && st <= en && st <= cs.len() { Some(if rev { en } else { st }) } else { None };
    }
    let hay = &cs[st..en];
    let m = subc.len();
    if rev {
        (0..=hay.len() - m).rev().find(|&i| hay[i..i + m] == subc[..]).map(|i| i + st)
    } else {
        (0..=hay.len() - m).find(|&i| hay[i..i + m] == subc[..]).map(|i| i + st)
    }
}

fn find_impl(vm: &mut Vm, a: A, rev: bool, name: &str) -> R<Option<usize>> {
    vm.nargs(name, &a[1..], 1, 3)?;
    let t = this(vm, a[0]);
    let sub = must_str(vm, a[1], "must be str")?;
    let (st, en) = range_args(vm, a, 2, t.chars().count())?;
    Ok(find_in(&t, &sub, st, en, rev))
}
fn find(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::int(find_impl(vm, a, false, "find")?.map(|x| x as i64).unwrap_or(-1)))
}
fn rfind(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::int(find_impl(vm, a, true, "rfind")?.map(|x| x as i64).unwrap_or(-1)))
}
fn index(vm: &mut Vm, a: A, _: K) -> R<Value> {
    match find_impl(vm, a, false, "index")? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.new_error("ValueError", "substring not found")),
    }
}
fn rindex(vm: &mut Vm, a: A, _: K) -> R<Value> {
    match find_impl(vm, a, true, "rindex")? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.new_error("ValueError", "substring not found")),
    }
}
fn count(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("count", &a[1..], 1, 3)?;
    let t = this(vm, a[0]);
    let sub = must_str(vm, a[1], "must be str")?;
    let n = t.chars().count();
    let (st, en) = range_args(vm, a, 2, n)?;
    if st > en {
        return Ok(Value::int(0));
    }
    let part: String = t.chars().skip(st).take(en - st).collect();
    let c = if sub.is_empty() { part.chars().count() + 1 } else { part.matches(sub.as_str()).count() };
    Ok(Value::int(c as i64))
}

fn affix(vm: &mut Vm, a: A, end: bool) -> R<Value> {
    let name = if end { "endswith" } else { "startswith" };
    vm.nargs(name, &a[1..], 1, 3)?;
    let t = this(vm, a[0]);
    let n = t.chars().count();
    let (st, en) = range_args(vm, a, 2, n)?;
    let part: String = if st <= en { t.chars().skip(st).take(en - st).collect() } else { String::new() };
    let cands = if vm.tid_of(a[1]) == tid::TUPLE { vm.tuple_items(a[1].as_obj()) } else { vec![a[1]] };
    for c in cands {
        let Some(c) = str_like(vm, c) else {
            let tn = vm.type_name(c);
            return Err(vm.new_error("TypeError", &format!("{name} first arg must be str or a tuple of str, not {tn}")));
        };
        let x = vm.str_of(c);
        if st > n || st > en {
            continue;
        }
        if if end { part.ends_with(&x) } else { part.starts_with(&x) } {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
fn startswith(vm: &mut Vm, a: A, _: K) -> R<Value> {
    affix(vm, a, false)
}
fn endswith(vm: &mut Vm, a: A, _: K) -> R<Value> {
    affix(vm, a, true)
}

fn upper(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]).to_uppercase();
    s(vm, &t)
}
fn lower(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]).to_lowercase();
    s(vm, &t)
}
fn title(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let mut out = String::new();
    let mut prev_cased = false;
    for c in t.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    s(vm, &out)
}
fn capitalize(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let mut cs = t.chars();
    let r = match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    };
    s(vm, &r)
}
fn swapcase(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let r: String = t
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
        .collect();
    s(vm, &r)
}

fn pred(vm: &mut Vm, a: A, f: impl Fn(&str) -> bool) -> R<Value> {
    let t = this(vm, a[0]);
    Ok(Value::bool(f(&t)))
}
/// The zeros of Unicode's runs of decimal digits (Nd): each run is zero..zero+9.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
    0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11C50, 0x11D50, 0x16A60, 0x16B50, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E950, 0x1FBF0,
];

pub fn is_decimal(c: char) -> bool {
    let n = c as u32;
    DECIMAL_ZEROS.iter().any(|&z| (z..z + 10).contains(&n))
}

fn isdigit(vm: &mut Vm, a: A, _: K) -> R<Value> {
    // Digits: decimals plus the superscripts, subscripts and circled digits.
    pred(vm, a, |t| {
        !t.is_empty()
            && t.chars().all(|c| {
                is_decimal(c)
                    || matches!(c, '²' | '³' | '¹' | '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2460}'..='\u{2468}' | '\u{24EA}' | '\u{2776}'..='\u{277E}')
            })
    })
}
fn isdecimal(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| !t.is_empty() && t.chars().all(is_decimal))
}
fn isnumeric(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| !t.is_empty() && t.chars().all(|c| c.is_numeric()))
}
fn isalpha(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| !t.is_empty() && t.chars().all(|c| c.is_alphabetic()))
}
fn isalnum(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric()))
}
fn isspace(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| !t.is_empty() && t.chars().all(|c| c.is_whitespace() || matches!(c, '\x1c'..='\x1f')))
}
fn isupper(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| t.chars().any(|c| c.is_uppercase()) && !t.chars().any(|c| c.is_lowercase()))
}
fn islower(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| t.chars().any(|c| c.is_lowercase()) && !t.chars().any(|c| c.is_uppercase()))
}
fn istitle(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| {
        let mut prev_cased = false;
        let mut any = false;
        for c in t.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}
fn isidentifier(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| {
        let mut cs = t.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}
fn isascii(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| t.is_ascii())
}
fn isprintable(vm: &mut Vm, a: A, _: K) -> R<Value> {
    pred(vm, a, |t| t.chars().all(crate::objects::str::is_printable))
}

fn width_fill(vm: &mut Vm, a: A, name: &str) -> R<(usize, char)> {
    vm.nargs(name, &a[1..], 1, 2)?;
    let w = vm.index_value(a[1], "'{}' object cannot be interpreted as an integer")?.max(0) as usize;
    let fill = if a.len() > 2 {
        let f = must_str(vm, a[2], "The fill character must be a unicode character")?;
        if f.chars().count() != 1 {
            return Err(vm.new_error("TypeError", "The fill character must be exactly one character long"));
        }
        f.chars().next().unwrap()
    } else {
        ' '
    };
    Ok((w, fill))
}
fn zfill(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("zfill", &a[1..], 1, 1)?;
    let t = this(vm, a[0]);
    let w = vm.index_value(a[1], "'{}' object cannot be interpreted as an integer")?.max(0) as usize;
    let n = t.chars().count();
    if n >= w {
        return s(vm, &t);
    }
    let (sign, body) = if t.starts_with(['+', '-']) { t.split_at(1) } else { ("", t.as_str()) };
    let r = format!("{sign}{}{body}", "0".repeat(w - n));
    s(vm, &r)
}
fn center(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let (w, f) = width_fill(vm, a, "center")?;
    let t = this(vm, a[0]);
    let n = t.chars().count();
    if n >= w {
        return s(vm, &t);
    }
    let total = w - n;
    // CPython puts the extra character on the left when the margin is odd and width odd.
    let left = total / 2 + (total & w & 1);
    let r = format!("{}{t}{}", f.to_string().repeat(left), f.to_string().repeat(total - left));
    s(vm, &r)
}
fn ljust(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let (w, f) = width_fill(vm, a, "ljust")?;
    let t = this(vm, a[0]);
    let n = t.chars().count();
    let r = if n >= w { t } else { format!("{t}{}", f.to_string().repeat(w - n)) };
    s(vm, &r)
}
fn rjust(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let (w, f) = width_fill(vm, a, "rjust")?;
    let t = this(vm, a[0]);
    let n = t.chars().count();
    let r = if n >= w { t } else { format!("{}{t}", f.to_string().repeat(w - n)) };
    s(vm, &r)
}
fn partition_impl(vm: &mut Vm, a: A, rev: bool) -> R<Value> {
    vm.nargs("partition", &a[1..], 1, 1)?;
    let t = this(vm, a[0]);
    let sep = must_str(vm, a[1], "must be str")?;
    if sep.is_empty() {
        return Err(vm.new_error("ValueError", "empty separator"));
    }
    let pos = if rev { t.rfind(&sep) } else { t.find(&sep) };
    let parts = match pos {
        Some(p) => [t[..p].to_string(), sep.clone(), t[p + sep.len()..].to_string()],
        None if rev => [String::new(), String::new(), t.clone()],
        None => [t.clone(), String::new(), String::new()],
    };
    let items: Vec<Value> = parts.iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_tuple(&items))
}
fn partition(vm: &mut Vm, a: A, _: K) -> R<Value> {
    partition_impl(vm, a, false)
}
fn rpartition(vm: &mut Vm, a: A, _: K) -> R<Value> {
    partition_impl(vm, a, true)
}
fn format(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let t = this(vm, a[0]);
    let r = vm.str_format(&t, &a[1..], kw)?;
    s(vm, &r)
}
fn format_map(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let items = vm.dict_items(a[1]);
    let r = vm.str_format(&t, &[], &items)?;
    s(vm, &r)
}
fn expandtabs(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let ts = if a.len() > 1 { vm.index_value(a[1], "tabsize")? } else { 8 };
    let mut out = String::new();
    let mut col = 0i64;
    for c in t.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(vm, &out)
}
fn removeprefix(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let p = must_str(vm, a[1], "removeprefix() argument must be str")?;
    let r = t.strip_prefix(&p).unwrap_or(&t).to_string();
    s(vm, &r)
}
fn removesuffix(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let p = must_str(vm, a[1], "removesuffix() argument must be str")?;
    let r = t.strip_suffix(&p).unwrap_or(&t).to_string();
    s(vm, &r)
}
fn len(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::int(vm.str_len_chars(a[0].as_obj()) as i64))
}
fn contains(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::bool(vm.contains(a[0], a[1])?))
}
fn getitem(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.getitem(a[0], a[1])
}
fn iter(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.get_iter(a[0])
}
fn dunder_format(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.format_value(a[0], a[1])
}
fn str_str(_: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(a[0])
}
fn str_repr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.repr_value(a[0])
}
fn str_hash(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let h = vm.hash(a[0])?;
    Ok(vm.new_int(h))
}
fn str_eq(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if !vm.is_str(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(vm.eq(a[0], a[1])?))
}
fn str_lt(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if !vm.is_str(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.compare(a[0], a[1], crate::compile::code::cmpop::LT)
}
fn str_add(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.binary_op(a[0], a[1], crate::compile::code::binop::ADD, false)
}
fn str_mod(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.percent_format(a[0], a[1])
}
fn str_mul(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.binary_op(a[0], a[1], crate::compile::code::binop::MUL, false)
}
fn maketrans(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let d = vm.new_dict();
    if a.len() == 1 {
        for (k, v) in vm.dict_items(a[0]) {
            let k = if vm.is_str(k) { Value::int(vm.str_of(k).chars().next().unwrap_or('\0') as i64) } else { k };
            vm.dict_set(d, k, v)?;
        }
        return Ok(d);
    }
    let x: Vec<char> = vm.str_of(a[0]).chars().collect();
    let y: Vec<char> = vm.str_of(a[1]).chars().collect();
    if x.len() != y.len() {
        return Err(vm.new_error("ValueError", "the first two maketrans arguments must have equal length"));
    }
    for (p, q) in x.iter().zip(y.iter()) {
        vm.dict_set(d, Value::int(*p as i64), Value::int(*q as i64))?;
    }
    if a.len() > 2 {
        for c in vm.str_of(a[2]).chars() {
            vm.dict_set(d, Value::int(c as i64), Value::NONE)?;
        }
    }
    Ok(d)
}
fn translate(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = this(vm, a[0]);
    let mut out = String::new();
    for c in t.chars() {
        match vm.dict_get(a[1], Value::int(c as i64))? {
            None => out.push(c),
            Some(Value::NONE) => {}
            Some(v) if v.is_int() => out.push(char::from_u32(v.as_int() as u32).unwrap_or(c)),
            Some(v) => out.push_str(&vm.str_of(v)),
        }
    }
    s(vm, &out)
}

fn bytes_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let v = bytes_new_value(vm, a, kw)?;
    let t = vm.types().bytes;
    Ok(vm.wrap_native(a[0], t, v))
}

fn bytes_new_value(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let a = &a[1..];
    let Some(v) = a.first().copied().or_else(|| vm.kwarg(kw, "source")) else {
        return Ok(vm.new_bytes(&[]));
    };
    let enc = a.get(1).copied().or_else(|| vm.kwarg(kw, "encoding"));
    let errors = a.get(2).copied().or_else(|| vm.kwarg(kw, "errors"));
    if vm.is_str(v) {
        let Some(enc) = enc else {
            return Err(vm.new_error("TypeError", "string argument without an encoding"));
        };
        return crate::builtins::bytes::bytes_from_str(vm, v, enc, errors);
    }
    if enc.is_some() {
        return Err(vm.new_error("TypeError", "encoding without a string argument"));
    }
    // `__bytes__` first, as CPython (before the integer and iterable forms).
    if v.is_ref()
        && vm.tid_of(v) != tid::BYTES
        && let Some(f) = vm.lookup_type_attr(v, "__bytes__")?
    {
        let r = vm.call_value(f, &[v], &[])?;
        if vm.tid_of(vm.native_of(r).unwrap_or(r)) != tid::BYTES {
            let tn = vm.type_name(r);
            return Err(vm.new_error("TypeError", &format!("__bytes__ returned non-bytes (type {tn})")));
        }
        return Ok(r);
    }
    if let Some(n) = vm.small_int(v) {
        if n < 0 {
            return Err(vm.new_error("ValueError", "negative count"));
        }
        return Ok(vm.new_bytes(&vec![0u8; n as usize]));
    }
    if vm.tid_of(v) == tid::BYTES {
        return Ok(v);
    }
    if vm.tid_of(v) == tid::INSTANCE
        && let Some(b) = crate::builtins::bytes::buffer_bytes(vm, v)?
    {
        return Ok(vm.new_bytes(&b));
    }
    let items = vm.iter_collect(v)?;
    let mut out = Vec::new();
    for x in items {
        match vm.small_int(x) {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            Some(_) => return Err(vm.new_error("ValueError", "bytes must be in range(0, 256)")),
            None => {
                let tn = vm.type_name(x);
                return Err(vm.new_error("TypeError", &format!("'{tn}' object cannot be interpreted as an integer")));
            }
        }
    }
    Ok(vm.new_bytes(&out))
}
/// `bytes.hex([sep[, bytes_per_sep]])`: a separator every `bytes_per_sep` bytes, counted from
/// the right (from the left when negative).
fn bytes_hex(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let b = vm.bytes_of(a[0].as_obj());
    let sep = a.get(1).copied().or_else(|| vm.kwarg(kw, "sep"));
    let per = a.get(2).copied().or_else(|| vm.kwarg(kw, "bytes_per_sep"));
    let sep = match sep {
        None => None,
        Some(v) => {
            let text = if vm.is_str(v) {
                let s = vm.str_of(v);
                if !s.is_ascii() {
                    return Err(vm.new_error("ValueError", "sep must be ASCII."));
                }
                s.into_bytes()
            } else if let Some(bs) = crate::builtins::bytes::buffer_bytes(vm, v)? {
                bs
            } else {
                let tn = vm.type_name(v);
                return Err(vm.new_error("TypeError", &format!("object of type '{tn}' has no len()")));
            };
            if text.len() != 1 {
                return Err(vm.new_error("ValueError", "sep must be length 1."));
            }
            Some(text[0] as char)
        }
    };
    let per = match per {
        None => 1,
        Some(v) => vm.index_value(v, "bytes_per_sep")?,
    };
    let mut h = String::with_capacity(b.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, x) in b.iter().enumerate() {
        if let Some(c) = sep
            && i > 0
            && group > 0
        {
            // (Counted from the right for a positive bytes_per_sep: the first group is short.)
            let k = if per > 0 { b.len() - i } else { i };
            if k % group == 0 {
                h.push(c);
            }
        }
        let _ = write!(h, "{x:02x}");
    }
    s(vm, &h)
}
fn bytes_join(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let sep = vm.bytes_of(a[0].as_obj());
    let items = vm.iter_collect(a[1])?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match crate::builtins::bytes::buffer_bytes(vm, *x)? {
            Some(b) => out.extend(b),
            None => {
                let tn = vm.type_name(*x);
                let msg = format!("sequence item {i}: expected a bytes-like object, {tn} found");
                return Err(vm.new_error("TypeError", &msg));
            }
        }
    }
    Ok(vm.new_bytes(&out))
}
