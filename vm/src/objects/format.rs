//! Formatting: the format-spec mini-language for int, float and str (`format()`, f-strings,
//! `str.format`), printf-style `%` formatting, and string concatenation for f-strings. Errors
//! and output follow CPython. This file calls back into Python only for `__format__`,
//! `__str__` and `__repr__`.

use crate::interp::{R, Vm};
use crate::layout::*;
use crate::objects::float::float_repr;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

#[derive(Default, Debug)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(s: &str) -> Result<Spec, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    if cs.len() >= 2 && matches!(cs[1], '<' | '>' | '=' | '^') {
        sp.fill = Some(cs[0]);
        sp.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && matches!(cs[0], '<' | '>' | '=' | '^') {
        sp.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        sp.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let st = i;
    while i < cs.len() && cs[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        sp.width =
            Some(cs[st..i].iter().collect::<String>().parse().map_err(|_| "Too many decimal digits in format string")?);
    }
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        sp.grouping = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let st = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err("Format specifier missing precision".into());
        }
        sp.precision =
            Some(cs[st..i].iter().collect::<String>().parse().map_err(|_| "Too many decimal digits in format string")?);
    }
    if i < cs.len() {
        sp.ty = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(sp)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Pads `body` (with `sign` prefix) to the spec's width.
fn pad(sp: &Spec, sign: &str, body: &str, numeric: bool) -> String {
    let width = sp.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{sign}{body}");
    }
    let fill_n = width - len;
    let (fill, align) = if sp.zero && sp.align.is_none() && numeric {
        ('0', '=')
    } else {
        (sp.fill.unwrap_or(' '), sp.align.unwrap_or(if numeric { '>' } else { '<' }))
    };
    let f = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{sign}{body}{}", f(fill_n)),
        '^' => format!("{}{sign}{body}{}", f(fill_n / 2), f(fill_n - fill_n / 2)),
        '=' => format!("{sign}{}{body}", f(fill_n)),
        _ => format!("{}{sign}{body}", f(fill_n)),
    }
}

fn sign_str(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_int(b: &BigInt, sp: &Spec) -> Result<String, String> {
    let ty = sp.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(b.to_f64().unwrap_or(f64::INFINITY), sp);
    }
    if sp.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    let mag = b.abs();
    let (digits, prefix) = match ty {
        'd' | 'n' => (crate::objects::int::big_to_decimal(&mag)?, ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            let c = b.to_u32().and_then(char::from_u32).ok_or("%c arg not in range(0x110000)")?;
            return Ok(pad(sp, "", &c.to_string(), false));
        }
        t => return Err(format!("Unknown format code '{t}' for object of type 'int'")),
    };
    let digits = match sp.grouping {
        Some(g) => group(&digits, g, if matches!(ty, 'd' | 'n') { 3 } else { 4 }),
        None => digits,
    };
    let sign = format!("{}{}", sign_str(b.is_negative(), sp), if sp.alt { prefix } else { "" });
    if sp.zero && sp.align.is_none() && sp.grouping.is_some() {
        // Zero padding keeps the grouping.
        let width = sp.width.unwrap_or(0).saturating_sub(sign.len());
        let mut raw: String = digits.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        let g = sp.grouping.unwrap();
        let every = if matches!(ty, 'd' | 'n') { 3 } else { 4 };
        let mut out = group(&raw, g, every);
        while out.len() < width {
            raw.insert(0, '0');
            out = group(&raw, g, every);
        }
        return Ok(format!("{sign}{out}"));
    }
    Ok(pad(sp, &sign, &digits, true))
}

fn exp_form(f: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, f);
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper { r.to_uppercase() } else { r }
}

/// %g: precision significant digits, trailing zeros removed unless `alt`.
fn general(f: f64, prec: usize, upper: bool, alt: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if f == 0.0 {
        let z = if alt { format!("{:.*}", p - 1, 0.0) } else { "0".into() };
        return if f.is_sign_negative() { format!("-{z}") } else { z };
    }
    let exp = {
        let s = format!("{:.*e}", p - 1, f);
        s.split_once('e').unwrap().1.parse::<i32>().unwrap()
    };
    let mut s = if exp < -4 || exp >= p as i32 {
        exp_form(f, p - 1, upper)
    } else {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, f)
    };
    if !alt {
        if let Some(epos) = s.find(['e', 'E']) {
            let (m, e) = s.split_at(epos);
            let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            s = format!("{m}{e}");
        } else if s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
    }
    s
}

pub fn format_float(f: f64, sp: &Spec) -> Result<String, String> {
    let ty = sp.ty;
    let neg = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        if upper { s.to_uppercase() } else { s.to_string() }
    } else {
        match ty {
            Some('f' | 'F') => format!("{:.*}", sp.precision.unwrap_or(6), a),
            Some('e' | 'E') => exp_form(a, sp.precision.unwrap_or(6), upper),
            Some('g' | 'G') => general(a, sp.precision.unwrap_or(6), upper, sp.alt),
            Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
            Some('n') => general(a, sp.precision.unwrap_or(6), false, sp.alt),
            None => match sp.precision {
                Some(p) => {
                    let g = general(a, p, false, sp.alt);
                    if g.contains(['.', 'e']) || g.contains("inf") || g.contains("nan") { g } else { format!("{g}.0") }
                }
                None => float_repr(a),
            },
            Some(t) => return Err(format!("Unknown format code '{t}' for object of type 'float'")),
        }
    };
    if let Some(g) = sp.grouping
        && a.is_finite()
    {
        let (int, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(p) => body.split_at(p),
            None => (body.as_str(), ""),
        };
        body = format!("{}{}", group(int, g, 3), rest);
    }
    Ok(pad(sp, sign_str(neg, sp), &body, true))
}

pub fn format_str(s: &str, sp: &Spec) -> Result<String, String> {
    if let Some(t) = sp.ty
        && t != 's'
    {
        return Err(format!("Unknown format code '{t}' for object of type 'str'"));
    }
    if sp.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(sp, "", &body, false))
}

impl Vm {
    /// `format(v, spec)` (spec: a str value, or NULL for "").
    pub fn format_value(&mut self, v: Value, spec: Value) -> R<Value> {
        if spec.is_null() && v.is_int() {
            return Ok(self.small_int_str(v.as_int()));
        }
        let spec_s = if spec.is_null() { String::new() } else { self.str_of(spec) };
        if spec_s.is_empty() && self.tid_of(v) == tid::STR {
            return Ok(v);
        }
        if self.tid_of(v) == tid::INSTANCE {
            if let Some(f) = self.lookup_type_attr(v, "__format__")?
                && self.tid_of(f) == tid::FUNCTION
            {
                let sv = self.new_str(&spec_s);
                let r = self.call_value(f, &[v, sv], &[])?;
                if self.tid_of(r) != tid::STR {
                    let tn = self.type_name(r);
                    return Err(self.new_error("TypeError", &format!("__format__ must return a str, not {tn}")));
                }
                return Ok(r);
            }
            // An empty spec is `str(v)` (object.__format__, and every built-in type's with ''),
            // whatever the subclass overrides.
            if spec_s.is_empty() {
                return self.str_value(v);
            }
            if let Some(n) = self.native_of(v) {
                return self.format_value(n, spec);
            }
            let tn = self.type_name(v);
            return Err(self.new_error("TypeError", &format!("unsupported format string passed to {tn}.__format__")));
        }
        let s = self.format_native(v, &spec_s)?;
        Ok(self.new_str(&s))
    }

    pub fn format_native(&mut self, v: Value, spec: &str) -> R<String> {
        if spec.is_empty() {
            return self.str_string(v);
        }
        let sp = parse_spec(spec).map_err(|e| self.new_error("ValueError", &e))?;
        let r = if let Some(b) = self.to_big(v) {
            format_int(&b, &sp)
        } else if self.tid_of(v) == tid::FLOAT {
            format_float(self.float_of(v.as_obj()), &sp)
        } else if self.tid_of(v) == tid::STR {
            let s = self.str_of(v);
            format_str(&s, &sp)
        } else {
            let tn = self.type_name(v);
            return Err(self.new_error("TypeError", &format!("unsupported format string passed to {tn}.__format__")));
        };
        r.map_err(|e| self.new_error("ValueError", &e))
    }

    pub fn concat_strs(&mut self, items: &[Value]) -> R<Value> {
        if items.iter().all(|v| self.tid_of(*v) == tid::STR) {
            let mut chars = 0;
            let parts: Vec<(stm::ObjRef, u64, u64)> = items
                .iter()
                .map(|v| {
                    chars += self.str_len_chars(v.as_obj());
                    (v.as_obj(), 0, self.raw(v.as_obj(), crate::layout::STR_BLEN))
                })
                .collect();
            return Ok(self.str_from_parts(&parts, chars));
        }
        let mut s = String::new();
        for v in items {
            s.push_str(&self.str_string(*v)?);
        }
        Ok(self.new_str(&s))
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: Value, args: Value) -> R<Value> {
        let f: Vec<char> = self.str_of(fmt).chars().collect();
        let (items, mapping) = match self.tid_of(args) {
            tid::TUPLE => (self.tuple_items(args.as_obj()), None),
            tid::DICT => (vec![args], Some(args)),
            _ => (vec![args], None),
        };
        let mut ai = 0;
        let mut out = String::new();
        let mut i = 0;
        while i < f.len() {
            if f[i] != '%' {
                out.push(f[i]);
                i += 1;
                continue;
            }
            i += 1;
            if i >= f.len() {
                return Err(self.new_error("ValueError", "incomplete format"));
            }
            let mut key_val = None;
            if f[i] == '(' {
                let st = i + 1;
                while i < f.len() && f[i] != ')' {
                    i += 1;
                }
                let key: String = f[st..i].iter().collect();
                i += 1;
                let Some(m) = mapping else {
                    return Err(self.new_error("TypeError", "format requires a mapping"));
                };
                let k = self.new_str(&key);
                key_val = Some(self.getitem(m, k)?);
            }
            let mut sp = Spec::default();
            while i < f.len() && matches!(f[i], '-' | '+' | ' ' | '#' | '0') {
                match f[i] {
                    '-' => sp.align = Some('<'),
                    '+' => sp.sign = Some('+'),
                    ' ' => sp.sign = sp.sign.or(Some(' ')),
                    '#' => sp.alt = true,
                    _ => sp.zero = true,
                }
                i += 1;
            }
            let mut next_arg = |vm: &mut Vm| -> R<Value> {
                if let Some(v) = key_val.take() {
                    return Ok(v);
                }
                if ai >= items.len() {
                    return Err(vm.new_error("TypeError", "not enough arguments for format string"));
                }
                ai += 1;
                Ok(items[ai - 1])
            };
            if i < f.len() && f[i] == '*' {
                let w = next_arg(self)?;
                sp.width = Some(self.index_value(w, "* wants int")?.max(0) as usize);
                i += 1;
            } else {
                let st = i;
                while i < f.len() && f[i].is_ascii_digit() {
                    i += 1;
                }
                if i > st {
                    sp.width = Some(f[st..i].iter().collect::<String>().parse().unwrap());
                }
            }
            if i + 1 < f.len() && f[i] == '.' && f[i + 1] == '*' {
                let p = next_arg(self)?;
                sp.precision = Some(self.index_value(p, "* wants int")?.max(0) as usize);
                i += 2;
            } else if i < f.len() && f[i] == '.' {
                i += 1;
                let st = i;
                while i < f.len() && f[i].is_ascii_digit() {
                    i += 1;
                }
                sp.precision = Some(f[st..i].iter().collect::<String>().parse().unwrap_or(0));
            }
            if i >= f.len() {
                return Err(self.new_error("ValueError", "incomplete format"));
            }
            let c = f[i];
            i += 1;
            if sp.align == Some('<') {
                sp.zero = false;
            }
            let piece = match c {
                '%' => "%".to_string(),
                's' | 'r' | 'a' => {
                    let v = next_arg(self)?;
                    let s = match c {
                        's' => self.str_string(v)?,
                        'r' => self.repr_string(v)?,
                        _ => {
                            let r = self.ascii_value(v)?;
                            self.str_of(r)
                        }
                    };
                    sp.zero = false;
                    // printf-style fields are right-aligned unless '-' is given.
                    sp.align.get_or_insert('>');
                    format_str(&s, &sp).map_err(|e| self.new_error("ValueError", &e))?
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'c' => {
                    let v = next_arg(self)?;
                    // Instances of int/float/str subclasses format as their built-in values.
                    let v = self.native_of(v).unwrap_or(v);
                    if c == 'c' && self.is_str(v) {
                        let s = self.str_of(v);
                        if s.chars().count() != 1 {
                            return Err(self.new_error("TypeError", "%c requires int or char"));
                        }
                        sp.align.get_or_insert('>');
                        out.push_str(&format_str(&s, &sp).map_err(|e| self.new_error("ValueError", &e))?);
                        continue;
                    }
                    let b = match self.to_big(v) {
                        Some(b) => b,
                        None => match self.to_f64(v)? {
                            Some(fl) if c != 'c' && !matches!(c, 'x' | 'X' | 'o') => {
                                let iv = self.float_to_int(fl)?;
                                self.to_big(iv).unwrap()
                            }
                            _ => {
                                let tn = self.type_name(v);
                                let msg = if matches!(c, 'x' | 'X' | 'o') {
                                    format!("%{c} format: an integer is required, not {tn}")
                                } else if c == 'c' {
                                    "%c requires int or char".to_string()
                                } else {
                                    format!("%{c} format: a real number is required, not {tn}")
                                };
                                return Err(self.new_error("TypeError", &msg));
                            }
                        },
                    };
                    sp.ty = Some(match c {
                        'i' | 'u' => 'd',
                        c => c,
                    });
                    let prec = sp.precision.take();
                    let mut s = format_int(&b, &Spec { width: None, ..sp_clone(&sp) })
                        .map_err(|e| self.new_error("ValueError", &e))?;
                    if let Some(p) = prec {
                        let neg = s.starts_with('-');
                        let digits = s.trim_start_matches('-');
                        if digits.len() < p {
                            s = format!("{}{}{}", if neg { "-" } else { "" }, "0".repeat(p - digits.len()), digits);
                        }
                    }
                    let (sign, body) = if s.starts_with(['-', '+', ' ']) { s.split_at(1) } else { ("", s.as_str()) };
                    pad(&sp, sign, body, true)
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let v = next_arg(self)?;
                    let v = self.native_of(v).unwrap_or(v);
                    let Some(fl) = self.to_f64(v)? else {
                        let tn = self.type_name(v);
                        return Err(self.new_error("TypeError", &format!("must be real number, not {tn}")));
                    };
                    sp.ty = Some(c);
                    if sp.precision.is_none() {
                        sp.precision = Some(6);
                    }
                    format_float(fl, &sp).map_err(|e| self.new_error("ValueError", &e))?
                }
                c => {
                    return Err(self.new_error(
                        "ValueError",
                        &format!("unsupported format character '{c}' (0x{:x}) at index {}", c as u32, i - 1),
                    ));
                }
            };
            out.push_str(&piece);
        }
        if ai < items.len() && mapping.is_none() {
            return Err(self.new_error("TypeError", "not all arguments converted during string formatting"));
        }
        Ok(self.new_str(&out))
    }

    /// `str.format(*args, **kwargs)`.
    pub fn str_format(&mut self, fmt: &str, args: &[Value], kw: &[(Value, Value)]) -> R<String> {
        let cs: Vec<char> = fmt.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut auto = 0usize;
        let mut manual = false;
        while i < cs.len() {
            let c = cs[i];
            if c == '}' {
                if i + 1 < cs.len() && cs[i + 1] == '}' {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(self.new_error("ValueError", "Single '}' encountered in format string"));
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            if i + 1 < cs.len() && cs[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Parse the field up to the matching '}' (nested braces in the spec allowed).
            let mut depth = 1;
            let st = i + 1;
            i += 1;
            while i < cs.len() && depth > 0 {
                match cs[i] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(self.new_error("ValueError", "expected '}' before end of string"));
            }
            let field: String = cs[st..i - 1].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], &field[p + 1..]),
                None => (field.as_str(), ""),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (&head[..p], Some(&head[p + 1..])),
                None => (head, None),
            };
            // First part: index or keyword, then .attr / [key] parts.
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            if first.is_empty() && manual || (!first.is_empty() && first.parse::<usize>().is_ok() && auto > 0) {
                let msg = if manual {
                    "cannot switch from manual field specification to automatic field numbering"
                } else {
                    "cannot switch from automatic field numbering to manual field specification"
                };
                return Err(self.new_error("ValueError", msg));
            }
            if first.parse::<usize>().is_ok() {
                manual = true;
            }
            let mut v = if first.is_empty() {
                let v = *args.get(auto).ok_or_else(|| {
                    self.new_error(
                        "IndexError",
                        &format!("Replacement index {auto} out of range for positional args tuple"),
                    )
                })?;
                auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                *args.get(n).ok_or_else(|| {
                    self.new_error(
                        "IndexError",
                        &format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                match self.kwarg(kw, first) {
                    Some(v) => v,
                    None => {
                        let k = self.new_str(first);
                        return Err(self.key_error(k));
                    }
                }
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let e = r.find(['.', '[']).unwrap_or(r.len());
                    v = self.getattr_str(v, &r[..e])?;
                    rest = &r[e..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let e = r.find(']').unwrap_or(r.len());
                    let key = &r[..e];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::int(n),
                        Err(_) => self.new_str(key),
                    };
                    v = self.getitem(v, k)?;
                    rest = &r[(e + 1).min(r.len())..];
                } else {
                    break;
                }
            }
            v = match conv {
                Some("r") => self.repr_value(v)?,
                Some("s") => self.str_value(v)?,
                Some("a") => self.ascii_value(v)?,
                Some(c) => {
                    return Err(self.new_error("ValueError", &format!("Unknown conversion specifier {c}")));
                }
                None => v,
            };
            let spec = if spec.contains('{') { self.str_format(spec, args, kw)? } else { spec.to_string() };
            let sv = self.new_str(&spec);
            let r = self.format_value(v, sv)?;
            out.push_str(&self.str_of(r));
        }
        Ok(out)
    }
}

fn sp_clone(s: &Spec) -> Spec {
    Spec {
        fill: s.fill,
        align: s.align,
        sign: s.sign,
        alt: s.alt,
        zero: s.zero,
        width: s.width,
        grouping: s.grouping,
        precision: s.precision,
        ty: s.ty,
    }
}
