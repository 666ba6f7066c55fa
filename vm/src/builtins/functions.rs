//! The functions of the `builtins` module (print, len, min, sorted, isinstance, getattr, ...)
//! and the names it exports (the built-in classes and exceptions). Output goes through
//! `modules.rs`'s stream objects; a write makes the transaction inevitable first.

use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::objects::iter::*;
use crate::runtime::Types;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use stm::ObjRef;

pub fn install(vm: &mut Vm, t: &Types, b: Value) {
    let n = vm.new_str("builtins");
    vm.def_value(b, "__name__", n);
    vm.def_value(b, "__doc__", Value::NONE);
    for (name, cls) in [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("str", t.str_),
        ("bytes", t.bytes),
        ("tuple", t.tuple),
        ("list", t.list),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
        ("super", t.super_),
        ("slice", t.slice),
        ("enumerate", t.iters[ENUMERATE as usize]),
        ("zip", t.iters[ZIP as usize]),
        ("map", t.iters[MAP as usize]),
        ("filter", t.iters[FILTER as usize]),
        ("reversed", t.iters[LIST_REV_ITER as usize]),
    ] {
        vm.def_value(b, name, Value::obj(cls));
    }
    for (name, cls) in t.exc.iter() {
        vm.def_value(b, name, Value::obj(*cls));
    }
    vm.def_value(b, "EnvironmentError", Value::obj(t.exc["OSError"]));
    vm.def_value(b, "IOError", Value::obj(t.exc["OSError"]));
    vm.def_value(b, "NotImplemented", Value::NOT_IMPLEMENTED);
    vm.def_value(b, "Ellipsis", Value::ELLIPSIS);
    vm.def_value(b, "__debug__", Value::TRUE);
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("iter", iter),
        ("next", next),
        ("any", any),
        ("all", all),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hash", hash),
        ("id", id),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("chr", chr),
        ("ord", ord),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("callable", callable),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("format", format),
        ("input", input),
        ("open", crate::builtins::modules::open),
        ("__build_class__", build_class),
        ("__import__", import),
        ("exit", exit),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("quit", exit),
    ];
    for (name, f) in fns {
        vm.def_builtin(b, name, *f);
    }
}

fn print(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::NONE;
    let mut flush = false;
    for (k, v) in kw {
        let k = vm.str_of(*k);
        match k.as_str() {
            "sep" if *v != Value::NONE => sep = vm.arg_str(*v, "sep")?,
            "end" if *v != Value::NONE => end = vm.arg_str(*v, "end")?,
            "file" => file = *v,
            "flush" => flush = vm.truthy(*v)?,
            "sep" | "end" => {}
            _ => return Err(vm.new_error("TypeError", &format!("'{k}' is an invalid keyword argument for print()"))),
        }
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_string(*a)?);
    }
    out.push_str(&end);
    if file == Value::NONE {
        file = vm.sys_attr("stdout")?;
    }
    vm.write_to(file, &out)?;
    if flush {
        let f = vm.getattr_str(file, "flush")?;
        vm.call_value(f, &[], &[])?;
    }
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("len", args, 1, 1)?;
    let n = vm.len(args[0])?;
    Ok(Value::int(n as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("repr", args, 1, 1)?;
    vm.repr_value(args[0])
}

fn ascii(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("ascii", args, 1, 1)?;
    vm.ascii_value(args[0])
}

fn abs(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("abs", args, 1, 1)?;
    let v = args[0];
    if let Some(i) = vm.small_int(v) {
        return Ok(vm.new_int(i.abs()));
    }
    if let Some(b) = vm.to_big(v) {
        return Ok(crate::objects::int::big_to_value(vm, &b.abs()));
    }
    if vm.tid_of(v) == tid::FLOAT {
        let f = vm.float_of(v.as_obj());
        return Ok(vm.new_float(f.abs()));
    }
    if let Some(m) = vm.lookup_type_attr(v, "__abs__")? {
        return vm.call_value(m, &[v], &[]);
    }
    let tn = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("bad operand type for abs(): '{tn}'")))
}

fn min_max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], name: &str, want: u8) -> R<Value> {
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    for (k, v) in kw {
        let k = vm.str_of(*k);
        match k.as_str() {
            "key" => key = *v,
            "default" => default = *v,
            _ => return Err(vm.new_error("TypeError", &format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    if args.is_empty() {
        return Err(vm.new_error("TypeError", &format!("{name} expected at least 1 argument, got 0")));
    }
    let items = if args.len() == 1 {
        vm.iter_collect(args[0])?
    } else {
        if !default.is_null() {
            return Err(vm.new_error(
                "TypeError",
                &format!("Cannot specify a default for {name}() with multiple positional arguments"),
            ));
        }
        args.to_vec()
    };
    if items.is_empty() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(vm.new_error("ValueError", &format!("{name}() arg is an empty sequence")));
    }
    let mut best = items[0];
    let mut best_k = if key == Value::NONE { best } else { vm.call_value(key, &[best], &[])? };
    for &x in &items[1..] {
        let k = if key == Value::NONE { x } else { vm.call_value(key, &[x], &[])? };
        let r = vm.compare(k, best_k, want)?;
        if vm.truthy(r)? {
            best = x;
            best_k = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    min_max(vm, args, kw, "min", crate::compile::code::cmpop::LT)
}
fn max(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    min_max(vm, args, kw, "max", crate::compile::code::cmpop::GT)
}

fn sum(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    vm.nargs("sum", args, 1, 2)?;
    let mut acc = if args.len() > 1 { args[1] } else { vm.kwarg(kw, "start").unwrap_or(Value::int(0)) };
    if vm.is_str(acc) {
        return Err(vm.new_error("TypeError", "sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.get_iter(args[0])?;
    // Float sums accumulate in a float, as CPython does.
    while let Some(x) = vm.iter_next(it)? {
        acc = if acc.is_int() && x.is_int() {
            vm.new_int(acc.as_int() + x.as_int())
        } else {
            vm.binary_op(acc, x, crate::compile::code::binop::ADD, false)?
        };
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    vm.nargs("sorted", args, 1, 1)?;
    let items = vm.iter_collect(args[0])?;
    let l = vm.new_list(&items);
    crate::builtins::methods::list_sort(vm, &[l], kw)?;
    Ok(l)
}

fn iter(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(vm.new_iter(CALLABLE_ITER, args[0], args[1], Value::NULL, Value::NULL));
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("next", args, 1, 2)?;
    let it = args[0];
    if !matches!(vm.tid_of(it), tid::ITER | tid::GENERATOR) && vm.lookup_type_attr(it, "__next__")?.is_none() {
        let tn = vm.type_name(it);
        return Err(vm.new_error("TypeError", &format!("'{tn}' object is not an iterator")));
    }
    // A generator's return value travels in StopIteration.
    if vm.tid_of(it) == tid::GENERATOR {
        return match vm.gen_resume(it, Value::NONE, None)? {
            crate::interp::call::GenResult::Yielded(v) => Ok(v),
            crate::interp::call::GenResult::Returned(v) => {
                if args.len() == 2 {
                    return Ok(args[1]);
                }
                Err(vm.stop_iteration(v))
            }
        };
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None if args.len() == 2 => Ok(args[1]),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

impl Vm {
    pub fn stop_iteration(&mut self, v: Value) -> Unwind {
        let cls = self.exc_type("StopIteration");
        let args = if v == Value::NONE { self.new_tuple(&[]) } else { self.new_tuple(&[v]) };
        match self.new_exception(cls, args) {
            Ok(e) => {
                if let Err(x) = self.set_attr_str(e, "value", v) {
                    return x;
                }
                Unwind::Exc(e)
            }
            Err(e) => e,
        }
    }
}

fn any(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("any", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    while let Some(x) = vm.iter_next(it)? {
        if vm.truthy(x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("all", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    while let Some(x) = vm.iter_next(it)? {
        if !vm.truthy(x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn round(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    let nd = if args.len() > 1 { Some(args[1]) } else { vm.kwarg(kw, "ndigits") };
    vm.nargs("round", args, 1, 2)?;
    let v = args[0];
    let nd = match nd {
        None | Some(Value::NONE) => None,
        Some(n) => Some(vm.index_value(n, "'{}' object cannot be interpreted as an integer")?),
    };
    if let Some(b) = vm.to_big(v) {
        let b = if v.is_bool() { BigInt::from((v == Value::TRUE) as i64) } else { b };
        return Ok(match nd {
            Some(n) if n < 0 => crate::objects::int::big_to_value(vm, &crate::objects::float::round_int(&b, n)),
            _ => crate::objects::int::big_to_value(vm, &b),
        });
    }
    if vm.tid_of(v) == tid::FLOAT {
        let f = vm.float_of(v.as_obj());
        return match nd {
            None => {
                let r = f.round_ties_even();
                vm.float_to_int(r)
            }
            Some(n) => Ok(vm.new_float(crate::objects::float::round_float(f, n))),
        };
    }
    if let Some(m) = vm.lookup_type_attr(v, "__round__")? {
        let mut a = vec![v];
        if let Some(n) = nd {
            a.push(Value::int(n));
        }
        return vm.call_value(m, &a, &[]);
    }
    let tn = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("type {tn} doesn't define __round__ method")))
}

fn divmod(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if vm.is_int_like(a) && vm.is_int_like(b) {
        let (x, y) = (vm.to_big(a).unwrap(), vm.to_big(b).unwrap());
        if y.is_zero() {
            return Err(vm.new_error("ZeroDivisionError", "integer division or modulo by zero"));
        }
        use num_integer::Integer;
        let (q, r) = x.div_mod_floor(&y);
        let q = crate::objects::int::big_to_value(vm, &q);
        let r = crate::objects::int::big_to_value(vm, &r);
        return Ok(vm.new_tuple(&[q, r]));
    }
    if let (Some(x), Some(y)) = (vm.to_f64(a)?, vm.to_f64(b)?) {
        if y == 0.0 {
            return Err(vm.new_error("ZeroDivisionError", "float divmod()"));
        }
        let (q, r) = crate::objects::float::float_divmod(x, y);
        let q = vm.new_float(q);
        let r = vm.new_float(r);
        return Ok(vm.new_tuple(&[q, r]));
    }
    let q = vm.binary_op(a, b, crate::compile::code::binop::FLOORDIV, false)?;
    let r = vm.binary_op(a, b, crate::compile::code::binop::MOD, false)?;
    Ok(vm.new_tuple(&[q, r]))
}

fn pow(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("pow", args, 2, 3)?;
    if args.len() == 3 && args[2] != Value::NONE {
        let (Some(b), Some(e), Some(m)) = (vm.to_big(args[0]), vm.to_big(args[1]), vm.to_big(args[2])) else {
            return Err(vm.new_error("TypeError", "pow() 3rd argument not allowed unless all arguments are integers"));
        };
        if m.is_zero() {
            return Err(vm.new_error("ValueError", "pow() 3rd argument cannot be 0"));
        }
        use num_integer::Integer;
        let r = if e.is_negative() {
            // Modular inverse.
            let g = b.extended_gcd(&m);
            if !g.gcd.abs().to_i64().map(|x| x == 1).unwrap_or(false) {
                return Err(vm.new_error("ValueError", "base is not invertible for the given modulus"));
            }
            let inv = g.x.mod_floor(&m);
            inv.modpow(&(-e), &m.abs())
        } else {
            b.modpow(&e, &m.abs())
        };
        let r = if m.is_negative() && !r.is_zero() { r + &m } else { r };
        return Ok(crate::objects::int::big_to_value(vm, &r));
    }
    vm.binary_op(args[0], args[1], crate::compile::code::binop::POW, false)
}

fn hash(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("hash", args, 1, 1)?;
    let h = vm.hash(args[0])?;
    Ok(vm.new_int(h))
}

fn id(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("id", args, 1, 1)?;
    let i = vm.id_of(args[0])?;
    Ok(vm.new_int(i))
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, r: u32, prefix: &str) -> R<Value> {
    vm.nargs(name, args, 1, 1)?;
    let b = match vm.to_big(args[0]) {
        Some(b) => b,
        None => {
            let i = vm.index_value(args[0], "'{}' object cannot be interpreted as an integer")?;
            BigInt::from(i)
        }
    };
    let s = format!("{}{prefix}{}", if b.is_negative() { "-" } else { "" }, b.abs().to_str_radix(r));
    Ok(vm.new_str(&s))
}
fn hex(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    radix(vm, args, "hex", 16, "0x")
}
fn oct(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    radix(vm, args, "oct", 8, "0o")
}
fn bin(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    radix(vm, args, "bin", 2, "0b")
}

fn chr(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("chr", args, 1, 1)?;
    let i = vm.index_value(args[0], "'{}' object cannot be interpreted as an integer")?;
    match u32::try_from(i).ok().filter(|&x| x < 0x110000) {
        Some(c) => {
            let c = char::from_u32(c).unwrap_or('\u{fffd}');
            Ok(vm.new_str(c.encode_utf8(&mut [0; 4])))
        }
        None => Err(vm.new_error("ValueError", "chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("ord", args, 1, 1)?;
    let v = args[0];
    if vm.tid_of(v) == tid::BYTES {
        let b = vm.bytes_of(v.as_obj());
        if b.len() == 1 {
            return Ok(Value::int(b[0] as i64));
        }
        return Err(
            vm.new_error("TypeError", &format!("ord() expected a character, but string of length {} found", b.len()))
        );
    }
    if !vm.is_str(v) {
        let tn = vm.type_name(v);
        return Err(vm.new_error("TypeError", &format!("ord() expected string of length 1, but {tn} found")));
    }
    let n = vm.str_len_chars(v.as_obj());
    if n != 1 {
        return Err(vm.new_error("TypeError", &format!("ord() expected a character, but string of length {n} found")));
    }
    Ok(Value::int(vm.with_str(v.as_obj(), |s| s.chars().next().map_or(0, |c| c as i64))))
}

fn class_arg(vm: &mut Vm, v: Value, fname: &str) -> R<Vec<stm::ObjRef>> {
    if vm.tid_of(v) == tid::CLASS {
        return Ok(vec![v.as_obj()]);
    }
    if vm.tid_of(v) == tid::TUPLE {
        let mut out = Vec::new();
        for x in vm.tuple_items(v.as_obj()) {
            out.extend(class_arg(vm, x, fname)?);
        }
        return Ok(out);
    }
    // A `types.UnionType` (`int | str`) stands for its members.
    if vm.tid_of(v) == tid::INSTANCE && vm.lookup_type_attr(v, "__pystm_union__")?.is_some() {
        let args = vm.getattr_str(v, "__args__")?;
        let mut out = Vec::new();
        for x in vm.iter_collect(args)? {
            if vm.tid_of(x) != tid::CLASS {
                return Err(
                    vm.new_error("TypeError", &format!("{fname}() argument 2 cannot be a parameterized generic"))
                );
            }
            out.push(x.as_obj());
        }
        return Ok(out);
    }
    let msg = if fname == "isinstance" {
        "isinstance() arg 2 must be a type, a tuple of types, or a union"
    } else {
        "issubclass() arg 2 must be a class, a tuple of classes, or a union"
    };
    Err(vm.new_error("TypeError", msg))
}

fn isinstance(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("isinstance", args, 2, 2)?;
    if vm.tid_of(args[1]) == tid::CLASS {
        // (One class, the common case: no list to build.)
        return Ok(Value::bool(vm.instance_check(args[0], args[1].as_obj())?));
    }
    let cs = class_arg(vm, args[1], "isinstance")?;
    for c in cs {
        if vm.instance_check(args[0], c)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn issubclass(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("issubclass", args, 2, 2)?;
    if vm.tid_of(args[0]) != tid::CLASS {
        return Err(vm.new_error("TypeError", "issubclass() arg 1 must be a class"));
    }
    let cs = class_arg(vm, args[1], "issubclass")?;
    for c in cs {
        let hit = match vm.meta_method(c, "__subclasscheck__")? {
            Some(m) => {
                let r = vm.call_value(m, &[args[0]], &[])?;
                vm.truthy(r)?
            }
            None => vm.is_subclass(args[0].as_obj(), c),
        };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn attr_name(vm: &mut Vm, v: Value) -> R<Value> {
    if let Some(s) = crate::builtins::strings::str_like(vm, v) {
        Ok(s)
    } else {
        let tn = vm.type_name(v);
        Err(vm.new_error("TypeError", &format!("attribute name must be string, not '{tn}'")))
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("hasattr", args, 2, 2)?;
    let k = attr_name(vm, args[1])?;
    Ok(Value::bool(vm.getattr_opt(args[0], k)?.is_some()))
}

fn getattr(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("getattr", args, 2, 3)?;
    let k = attr_name(vm, args[1])?;
    if args.len() == 3 {
        return Ok(vm.getattr_opt(args[0], k)?.unwrap_or(args[2]));
    }
    vm.getattr(args[0], k)
}

fn setattr(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("setattr", args, 3, 3)?;
    let k = attr_name(vm, args[1])?;
    vm.setattr(args[0], k, args[2])?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("delattr", args, 2, 2)?;
    let k = attr_name(vm, args[1])?;
    vm.delattr(args[0], k)?;
    Ok(Value::NONE)
}

fn callable(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("callable", args, 1, 1)?;
    Ok(Value::bool(vm.is_callable(args[0])?))
}

impl Vm {
    /// `isinstance(v, c)` for one class: with the metaclass's `__instancecheck__`, if any.
    pub fn instance_check(&mut self, v: Value, c: ObjRef) -> R<bool> {
        // The exact type needs no hook (CPython's fast path).
        if self.type_of(v) == c {
            return Ok(true);
        }
        match self.meta_method(c, "__instancecheck__")? {
            Some(m) => {
                let r = self.call_value(m, &[v], &[])?;
                self.truthy(r)
            }
            None => {
                if self.isinstance(v, c) {
                    return Ok(true);
                }
                // Then `v.__class__`, when it can differ from the type (a class overriding
                // `__class__`, as mocks and proxies do, or `__getattribute__`).
                let t = self.type_of(v);
                if self.tid_of(v) != tid::INSTANCE
                    || (self.rd(t, CLS_FLAGS).as_int() & CLSF_HAS_GETATTRIBUTE == 0
                        && self.class_lookup(t, "__class__")?.is_none())
                {
                    return Ok(false);
                }
                let key = self.s("__class__");
                Ok(match self.getattr_opt(v, key)? {
                    Some(ic) if self.tid_of(ic) == tid::CLASS && ic.as_obj() != t => self.is_subclass(ic.as_obj(), c),
                    _ => false,
                })
            }
        }
    }

    /// `callable(v)`.
    pub fn is_callable(&mut self, v: Value) -> R<bool> {
        Ok(matches!(self.tid_of(v), tid::FUNCTION | tid::METHOD | tid::BUILTIN | tid::CLASS)
            || self.lookup_type_attr(v, "__call__")?.is_some())
    }
}

fn globals(vm: &mut Vm, _: &[Value], _: &[(Value, Value)]) -> R<Value> {
    Ok(vm.rd(vm.frame, F_GLOBALS))
}

/// The calling frame's locals as a dict (a snapshot for function frames).
pub fn frame_locals(vm: &mut Vm) -> R<Value> {
    let f = vm.frame;
    vm.frame_locals(f)
}

fn locals(vm: &mut Vm, _: &[Value], _: &[(Value, Value)]) -> R<Value> {
    frame_locals(vm)
}

fn vars(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("vars", args, 0, 1)?;
    if args.is_empty() {
        return frame_locals(vm);
    }
    match vm.getattr_str(args[0], "__dict__") {
        Ok(d) => Ok(d),
        Err(Unwind::Exc(e)) if vm.isinstance_name(e, "AttributeError") => {
            Err(vm.new_error("TypeError", "vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn dir(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("dir", args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    if args.is_empty() {
        let d = frame_locals(vm)?;
        for k in vm.dict_keys(d) {
            names.push(vm.str_of(k));
        }
    } else {
        let v = args[0];
        match vm.tid_of(v) {
            tid::MODULE => {
                let d = vm.ld(v.as_obj(), MOD_DICT);
                for k in vm.dict_keys(d) {
                    names.push(vm.str_of(k));
                }
            }
            _ => {
                if vm.tid_of(v) == tid::INSTANCE {
                    for (k, _) in vm.instance_items(v.as_obj()) {
                        // Its __dict__ may hold any key; str subclasses count as their text.
                        let k = vm.native_of(k).unwrap_or(k);
                        if vm.is_str(k) {
                            names.push(vm.str_of(k));
                        } else {
                            let tn = vm.type_name(k);
                            return Err(vm.new_error(
                                "TypeError",
                                &format!("'<' not supported between instances of 'str' and '{tn}'"),
                            ));
                        }
                    }
                }
                let cls = if vm.tid_of(v) == tid::CLASS { v.as_obj() } else { vm.type_of(v) };
                let mro = vm.rd(cls, CLS_MRO).as_obj();
                for i in 0..vm.tuple_len(mro) {
                    let c = vm.tuple_get(mro, i).as_obj();
                    let d = vm.rd(c, CLS_DICT);
                    for k in vm.dict_keys(d) {
                        names.push(vm.str_of(k));
                    }
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let items: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(&items))
}

fn format(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("format", args, 1, 2)?;
    let spec = if args.len() > 1 { args[1] } else { Value::NULL };
    if !spec.is_null() && !vm.is_str(spec) {
        let tn = vm.type_name(spec);
        return Err(vm.new_error("TypeError", &format!("format() argument 2 must be str, not {tn}")));
    }
    vm.format_value(args[0], spec)
}

fn input(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    vm.nargs("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str_string(*p)?;
        let out = vm.sys_attr("stdout")?;
        vm.write_to(out, &s)?;
    }
    crate::builtins::modules::flush_stdout(vm)?;
    match crate::builtins::modules::read_stdin_line(vm)? {
        Some(mut line) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(vm.new_str(&line))
        }
        None => Err(vm.new_error("EOFError", "EOF when reading a line")),
    }
}

fn build_class(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    vm.build_class(args, kw)
}

fn import(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    vm.nargs("__import__", args, 1, 5)?;
    let name = args[0];
    let fromlist = args.get(3).copied().or_else(|| vm.kwarg(kw, "fromlist")).unwrap_or(Value::NONE);
    let level = args.get(4).copied().or_else(|| vm.kwarg(kw, "level")).unwrap_or(Value::int(0));
    let globals = args.get(1).copied().filter(|g| *g != Value::NONE).unwrap_or_else(|| vm.rd(vm.frame, F_GLOBALS));
    let level = vm.index_value(level, "level must be an int")? as u32;
    vm.import_name(name, fromlist, level, globals)
}

fn exit(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> R<Value> {
    let cls = vm.exc_type("SystemExit");
    let a = vm.new_tuple(args);
    let e = vm.new_exception(cls, a)?;
    let code = args.first().copied().unwrap_or(Value::NONE);
    vm.set_attr_str(e, "code", code)?;
    Err(Unwind::Exc(e))
}

/// The globals and locals dicts for exec/eval (the caller's by default).
fn exec_namespaces(vm: &mut Vm, a: &[Value], kw: &[(Value, Value)]) -> R<(Value, Value)> {
    let g = a.get(1).copied().or_else(|| vm.kwarg(kw, "globals")).filter(|v| *v != Value::NONE);
    let l = a.get(2).copied().or_else(|| vm.kwarg(kw, "locals")).filter(|v| *v != Value::NONE);
    let globals = match g {
        Some(g) if vm.tid_of(g) == tid::DICT => g,
        Some(g) => {
            let tn = vm.type_name(g);
            return Err(vm.new_error("TypeError", &format!("globals must be a dict, not {tn}")));
        }
        None => vm.rd(vm.frame, F_GLOBALS),
    };
    let locals = match l {
        Some(l) => l,
        None if g.is_some() => globals,
        None => frame_locals(vm)?,
    };
    let bk = vm.s("__builtins__");
    if !vm.dict_contains(globals, bk)? {
        let mods = Value::obj(vm.rt.globals().modules);
        let k = vm.new_str("builtins");
        if let Some(b) = vm.dict_get(mods, k)? {
            vm.dict_set(globals, bk, b)?;
        }
    }
    Ok((globals, locals))
}

fn source_arg(vm: &mut Vm, v: Value, what: &str) -> R<String> {
    match vm.tid_of(v) {
        tid::STR => Ok(vm.str_of(v)),
        tid::BYTES => Ok(String::from_utf8_lossy(&vm.bytes_of(v.as_obj())).into_owned()),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("{what}() arg 1 must be a string, bytes or code object, not {tn}")))
        }
    }
}

pub fn exec(vm: &mut Vm, a: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    vm.nargs("exec", a, 1, 3)?;
    let (globals, locals) = exec_namespaces(vm, a, kw)?;
    if vm.tid_of(a[0]) == tid::CODE {
        let id = vm.ld(a[0].as_obj(), CODE_ID).as_int() as u32;
        vm.exec_code(id, globals, locals)?;
        return Ok(Value::NONE);
    }
    let src = source_arg(vm, a[0], "exec")?;
    let id = crate::compile::compile(&src, "<string>", false).map_err(|se| vm.syntax_error(&se))?;
    vm.exec_code(id, globals, locals)?;
    Ok(Value::NONE)
}

pub fn eval(vm: &mut Vm, a: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    vm.nargs("eval", a, 1, 3)?;
    let (globals, locals) = exec_namespaces(vm, a, kw)?;
    if vm.tid_of(a[0]) == tid::CODE {
        let id = vm.ld(a[0].as_obj(), CODE_ID).as_int() as u32;
        return vm.exec_code(id, globals, locals);
    }
    let src = source_arg(vm, a[0], "eval")?;
    let id = crate::compile::compile_eval(&src, "<string>").map_err(|se| vm.syntax_error(&se))?;
    vm.exec_code(id, globals, locals)
}

pub fn compile(vm: &mut Vm, a: &[Value], kw: &[(Value, Value)]) -> R<Value> {
    vm.nargs("compile", a, 3, 6)?;
    let src = source_arg(vm, a[0], "compile")?;
    let filename = vm.str_string(a[1])?;
    let mode = vm.arg_str(a[2], "compile() mode")?;
    let _ = kw;
    let r = match mode.as_str() {
        "exec" => crate::compile::compile(&src, &filename, false),
        "single" => crate::compile::compile(&src, &filename, true),
        "eval" => crate::compile::compile_eval(&src, &filename),
        _ => return Err(vm.new_error("ValueError", "compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let id = r.map_err(|se| vm.syntax_error(&se))?;
    Ok(vm.materialize_code(id))
}
