//! Methods of the built-in classes other than str: object, type, int, float, bool, tuple,
//! list, dict, set/frozenset, range, slice, property, staticmethod, classmethod, super, the
//! iterators and dict views, generators, and BaseException. Constructors are `__new__`
//! built-ins. CPython's names, defaults and error messages.

use crate::interp::call::GenResult;
use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::objects::int::big_to_value;
use crate::objects::iter::*;
use crate::runtime::Types;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

pub fn install(vm: &mut Vm, t: &Types) {
    let o = t.object;
    vm.def_method(o, "object.__new__", object_new);
    vm.def_method(o, "object.__init__", object_init);
    vm.def_method(o, "object.__repr__", object_repr);
    vm.def_method(o, "object.__str__", object_str);
    vm.def_method(o, "object.__eq__", object_eq);
    vm.def_method(o, "object.__ne__", object_ne);
    vm.def_method(o, "object.__hash__", object_hash);
    vm.def_method(o, "object.__setattr__", object_setattr);
    vm.def_method(o, "object.__getattribute__", object_getattribute);
    vm.def_method(o, "object.__delattr__", object_delattr);
    vm.def_method(t.function, "function.__get__", function_get);
    vm.def_method(o, "object.__format__", object_format);
    vm.def_method(o, "object.__dir__", object_dir);
    let isc = vm.new_builtin("object.__init_subclass__", object_init_subclass);
    let isc = vm.new_fixed(tid::CLASSMETHOD, 16, &[isc]);
    let d = vm.ld(o, CLS_DICT);
    vm.def_value(d, "__init_subclass__", isc);

    vm.def_method(t.type_, "type.__new__", type_new);
    vm.def_method(t.type_, "type.__call__", type_call);
    vm.def_method(t.type_, "type.__setattr__", type_setattr);
    vm.def_method(t.type_, "type.__delattr__", type_delattr);
    vm.def_method(t.type_, "type.mro", type_mro);
    vm.def_method(t.type_, "type.__subclasscheck__", type_subclasscheck);
    vm.def_method(t.type_, "type.__instancecheck__", type_instancecheck);
    vm.def_method(t.type_, "type.__or__", type_or);
    vm.def_method(t.type_, "type.__ror__", type_ror);

    vm.def_method(t.int, "int.__new__", int_new);
    vm.def_method(t.int, "int.bit_length", int_bit_length);
    vm.def_method(t.int, "int.bit_count", int_bit_count);
    vm.def_method(t.int, "int.to_bytes", int_to_bytes);
    vm.def_method(t.int, "int.conjugate", int_conjugate);
    vm.def_method(t.int, "int.__index__", int_conjugate);
    vm.def_method(t.int, "int.__int__", int_conjugate);
    vm.def_method(t.int, "int.as_integer_ratio", int_as_integer_ratio);
    vm.def_method(t.int, "int.is_integer", int_is_integer);
    let fb = vm.new_builtin("int.from_bytes", int_from_bytes);
    let fb = vm.new_fixed(tid::CLASSMETHOD, 16, &[fb]);
    let d = vm.ld(t.int, CLS_DICT);
    vm.def_value(d, "from_bytes", fb);
    vm.def_method(t.bool_, "bool.__new__", bool_new);
    vm.def_method(t.float, "float.__new__", float_new);
    vm.def_method(t.float, "float.is_integer", float_is_integer);
    vm.def_method(t.float, "float.as_integer_ratio", float_as_integer_ratio);
    vm.def_method(t.float, "float.hex", float_hex);
    vm.def_method(t.float, "float.conjugate", float_conjugate);
    vm.def_method(t.float, "float.__int__", float_int);
    vm.def_method(t.float, "float.__float__", float_conjugate);
    let fh = vm.new_builtin("float.fromhex", float_fromhex);
    let fh = vm.new_fixed(tid::CLASSMETHOD, 16, &[fh]);
    let d = vm.ld(t.float, CLS_DICT);
    vm.def_value(d, "fromhex", fh);

    vm.def_method(t.tuple, "tuple.__new__", tuple_new);
    vm.def_method(t.tuple, "tuple.index", seq_index);
    vm.def_method(t.tuple, "tuple.count", seq_count);

    let l = t.list;
    vm.def_method(l, "list.__new__", list_new);
    vm.def_method(l, "list.__init__", list_init);
    vm.def_method(l, "list.append", list_append);
    vm.def_method(l, "list.extend", list_extend);
    vm.def_method(l, "list.insert", list_insert);
    vm.def_method(l, "list.pop", list_pop);
    vm.def_method(l, "list.remove", list_remove);
    vm.def_method(l, "list.index", seq_index);
    vm.def_method(l, "list.count", seq_count);
    vm.def_method(l, "list.sort", list_sort);
    vm.def_method(l, "list.reverse", list_reverse);
    vm.def_method(l, "list.copy", list_copy);
    vm.def_method(l, "list.clear", list_clear);
    vm.def_method(l, "list.__len__", any_len);
    vm.def_method(l, "list.__getitem__", any_getitem);
    vm.def_method(l, "list.__contains__", any_contains);
    vm.def_method(l, "list.__iter__", any_iter);

    let d = t.dict;
    vm.def_method(d, "dict.__new__", dict_new);
    vm.def_method(d, "dict.__init__", dict_init);
    vm.def_method(d, "dict.get", dict_get);
    vm.def_method(d, "dict.keys", dict_keys);
    vm.def_method(d, "dict.values", dict_values);
    vm.def_method(d, "dict.items", dict_items);
    vm.def_method(d, "dict.pop", dict_pop);
    vm.def_method(d, "dict.popitem", dict_popitem);
    vm.def_method(d, "dict.setdefault", dict_setdefault);
    vm.def_method(d, "dict.update", dict_update);
    vm.def_method(d, "dict.clear", dict_clear);
    vm.def_method(d, "dict.copy", dict_copy);
    vm.def_method(d, "dict.__len__", any_len);
    vm.def_method(d, "dict.__getitem__", d_getitem);
    vm.def_method(d, "dict.__setitem__", any_setitem);
    vm.def_method(d, "dict.__contains__", any_contains);
    vm.def_method(d, "dict.__iter__", any_iter);
    let fk = vm.new_builtin("dict.fromkeys", dict_fromkeys);
    let fk = vm.new_fixed(tid::CLASSMETHOD, 16, &[fk]);
    let dd = vm.ld(d, CLS_DICT);
    vm.def_value(dd, "fromkeys", fk);

    for (s, frozen) in [(t.set, false), (t.frozenset, true)] {
        if frozen {
            vm.def_method(s, "frozenset.__new__", frozenset_new);
        } else {
            vm.def_method(s, "set.__new__", set_new);
            vm.def_method(s, "set.__init__", set_init);
            vm.def_method(s, "set.add", set_add);
            vm.def_method(s, "set.discard", set_discard);
            vm.def_method(s, "set.remove", set_remove);
            vm.def_method(s, "set.pop", set_pop);
            vm.def_method(s, "set.clear", set_clear);
            vm.def_method(s, "set.update", set_update);
            vm.def_method(s, "set.intersection_update", set_intersection_update);
            vm.def_method(s, "set.difference_update", set_difference_update);
            vm.def_method(s, "set.symmetric_difference_update", set_symmetric_difference_update);
        }
        vm.def_method(s, "set.union", set_union);
        vm.def_method(s, "set.intersection", set_intersection);
        vm.def_method(s, "set.difference", set_difference);
        vm.def_method(s, "set.symmetric_difference", set_symmetric_difference);
        vm.def_method(s, "set.issubset", set_issubset);
        vm.def_method(s, "set.issuperset", set_issuperset);
        vm.def_method(s, "set.isdisjoint", set_isdisjoint);
        vm.def_method(s, "set.copy", set_copy);
        vm.def_method(s, "set.__len__", any_len);
        vm.def_method(s, "set.__contains__", any_contains);
        vm.def_method(s, "set.__iter__", any_iter);
    }

    vm.def_method(t.range, "range.__new__", range_new);
    vm.def_method(t.range, "range.index", seq_index);
    vm.def_method(t.range, "range.count", seq_count);
    vm.def_method(t.slice, "slice.__new__", slice_new);
    vm.def_method(t.slice, "slice.indices", slice_indices);
    vm.def_method(t.property, "property.__new__", property_new);
    vm.def_method(t.property, "property.getter", property_getter);
    vm.def_method(t.property, "property.setter", property_setter);
    vm.def_method(t.property, "property.deleter", property_deleter);
    vm.def_method(t.property, "property.__get__", property_get);
    vm.def_method(t.staticmethod, "staticmethod.__new__", staticmethod_new);
    vm.def_method(t.classmethod, "classmethod.__new__", classmethod_new);
    vm.def_method(t.super_, "super.__new__", super_new);
    vm.def_method(t.module, "module.__new__", module_new);
    vm.def_method(t.by_tid[tid::METHOD as usize], "method.__new__", method_new);

    let g = t.generator;
    vm.def_method(g, "generator.send", gen_send);
    vm.def_method(g, "generator.throw", gen_throw);
    vm.def_method(g, "generator.close", gen_close);
    vm.def_method(g, "generator.__next__", iter_next_m);
    vm.def_method(g, "generator.__iter__", iter_self);

    for k in 0..KIND_COUNT {
        let c = t.iters[k];
        if (k as i64) < VIEW_KEYS {
            vm.def_method(c, "iterator.__next__", iter_next_m);
            vm.def_method(c, "iterator.__iter__", iter_self);
        } else {
            vm.def_method(c, "dict_view.__iter__", any_iter);
            vm.def_method(c, "dict_view.__len__", any_len);
            vm.def_method(c, "dict_view.__contains__", any_contains);
        }
    }
    vm.def_method(t.iters[ENUMERATE as usize], "enumerate.__new__", enumerate_new);
    vm.def_method(t.iters[ZIP as usize], "zip.__new__", zip_new);
    vm.def_method(t.iters[MAP as usize], "map.__new__", map_new);
    vm.def_method(t.iters[FILTER as usize], "filter.__new__", filter_new);
    vm.def_method(t.iters[LIST_REV_ITER as usize], "reversed.__new__", reversed_new);

    let be = t.exc["BaseException"];
    vm.def_method(be, "BaseException.__new__", exc_new);
    vm.def_method(be, "BaseException.__init__", exc_init);
    vm.def_method(be, "BaseException.__str__", exc_str);
    vm.def_method(be, "BaseException.__repr__", exc_repr);
    vm.def_method(be, "BaseException.with_traceback", exc_with_traceback);
    vm.def_method(be, "BaseException.add_note", exc_add_note);
    let d = vm.ld(be, CLS_DICT);
    for n in ["__traceback__", "__cause__", "__context__"] {
        vm.def_value(d, n, Value::NONE);
    }
    vm.def_value(d, "__suppress_context__", Value::FALSE);
    vm.def_method(t.exc["StopIteration"], "StopIteration.__init__", stopiteration_init);
    vm.def_method(t.exc["SystemExit"], "SystemExit.__init__", systemexit_init);
    vm.def_method(t.exc["KeyError"], "KeyError.__str__", exc_str);
    for (cls, attrs) in [("AttributeError", &["name", "obj"][..]), ("NameError", &["name"][..])] {
        let d = vm.ld(t.exc[cls], CLS_DICT);
        for a in attrs {
            vm.def_value(d, a, Value::NONE);
        }
    }
    for n in ["ImportError", "ModuleNotFoundError"] {
        let d = vm.ld(t.exc[n], CLS_DICT);
        vm.def_value(d, "name", Value::NONE);
        vm.def_value(d, "path", Value::NONE);
    }
    let d = vm.ld(t.exc["NameError"], CLS_DICT);
    vm.def_value(d, "name", Value::NONE);
}

/// Installs the special methods of the built-in types that subclasses inherit (their receiver
/// is the wrapped built-in value; see `Runtime::builtin_def`).
pub fn install_native_dunders(vm: &mut Vm, t: &Types) {
    let common: &[(&str, crate::runtime::BuiltinFn)] = &[
        ("__repr__", d_repr),
        ("__str__", d_str),
        ("__hash__", d_hash),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__lt__", d_lt),
        ("__le__", d_le),
        ("__gt__", d_gt),
        ("__ge__", d_ge),
        ("__bool__", d_bool),
        ("__format__", d_format),
    ];
    let container: &[(&str, crate::runtime::BuiltinFn)] = &[
        ("__len__", any_len),
        ("__iter__", any_iter),
        ("__contains__", any_contains),
        ("__getitem__", d_getitem),
        ("__add__", d_add),
        ("__mul__", d_mul),
        ("__rmul__", d_mul),
    ];
    let mutable: &[(&str, crate::runtime::BuiltinFn)] =
        &[("__setitem__", any_setitem), ("__delitem__", d_delitem), ("__iadd__", d_iadd)];
    let sets: &[(&str, crate::runtime::BuiltinFn)] =
        &[("__or__", d_or), ("__and__", d_and), ("__sub__", d_sub), ("__xor__", d_xor)];
    let numbers: &[(&str, crate::runtime::BuiltinFn)] = &[
        ("__add__", d_add),
        ("__radd__", d_radd),
        ("__sub__", d_sub),
        ("__rsub__", d_rsub),
        ("__mul__", d_mul),
        ("__rmul__", d_rmul),
        ("__truediv__", d_truediv),
        ("__rtruediv__", d_rtruediv),
        ("__floordiv__", d_floordiv),
        ("__rfloordiv__", d_rfloordiv),
        ("__mod__", d_mod),
        ("__rmod__", d_rmod),
        ("__pow__", d_pow),
        ("__rpow__", d_rpow),
        ("__neg__", d_neg),
        ("__pos__", d_pos),
        ("__abs__", d_abs),
        ("__float__", d_float),
        ("__int__", d_int),
    ];
    let ints: &[(&str, crate::runtime::BuiltinFn)] = &[
        ("__and__", d_and),
        ("__or__", d_or),
        ("__xor__", d_xor),
        ("__lshift__", d_lshift),
        ("__rshift__", d_rshift),
        ("__invert__", d_invert),
        ("__index__", d_int),
    ];
    for (ty, cls) in [
        ("list", t.list),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("tuple", t.tuple),
        ("str", t.str_),
        ("int", t.int),
        ("float", t.float),
        ("bytes", t.bytes),
    ] {
        let mut all: Vec<(&str, crate::runtime::BuiltinFn)> = common.to_vec();
        // As in CPython, only str and bytes have a `__str__` of their own: the others inherit
        // object's, which calls `repr` (so a subclass's `__repr__` shows in `str()` too).
        if !matches!(ty, "str" | "bytes") {
            all.retain(|(n, _)| *n != "__str__");
        }
        match ty {
            "int" => {
                all.extend_from_slice(numbers);
                all.extend_from_slice(ints);
            }
            "float" => all.extend_from_slice(numbers),
            "set" | "frozenset" => {
                all.extend_from_slice(&container[..3]);
                all.extend_from_slice(sets);
            }
            "dict" => {
                all.extend_from_slice(&container[..4]);
                all.extend_from_slice(&mutable[..2]);
                all.push(("__or__", d_or));
            }
            "list" => {
                all.extend_from_slice(container);
                all.extend_from_slice(mutable);
            }
            _ => {
                all.extend_from_slice(container);
                if ty == "str" {
                    all.push(("__mod__", d_mod));
                }
            }
        }
        let d = vm.ld(cls, CLS_DICT);
        for (n, f) in all {
            let k = vm.new_name_str(n);
            if vm.dict_contains(d, k).expect("start-up dict") {
                continue;
            }
            let full: &'static str = Box::leak(format!("{ty}.{n}").into_boxed_str());
            vm.def_method(cls, full, f);
        }
    }
}

fn d_repr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.repr_value(a[0])
}
fn d_str(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.str_value(a[0])
}
fn d_hash(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let h = vm.hash(a[0])?;
    Ok(vm.new_int(h))
}
fn d_cmp(vm: &mut Vm, a: A, k: u8) -> R<Value> {
    vm.nargs("comparison", &a[1..], 1, 1)?;
    let b = vm.native_of(a[1]).unwrap_or(a[1]);
    match vm.compare(a[0], b, k) {
        Err(Unwind::Exc(e)) if vm.isinstance_name(e, "TypeError") => Ok(Value::NOT_IMPLEMENTED),
        r => r,
    }
}
fn d_eq(vm: &mut Vm, a: A, _: K) -> R<Value> {
    d_cmp(vm, a, crate::compile::code::cmpop::EQ)
}
fn d_ne(vm: &mut Vm, a: A, _: K) -> R<Value> {
    d_cmp(vm, a, crate::compile::code::cmpop::NE)
}
fn d_lt(vm: &mut Vm, a: A, _: K) -> R<Value> {
    d_cmp(vm, a, crate::compile::code::cmpop::LT)
}
fn d_le(vm: &mut Vm, a: A, _: K) -> R<Value> {
    d_cmp(vm, a, crate::compile::code::cmpop::LE)
}
fn d_gt(vm: &mut Vm, a: A, _: K) -> R<Value> {
    d_cmp(vm, a, crate::compile::code::cmpop::GT)
}
fn d_ge(vm: &mut Vm, a: A, _: K) -> R<Value> {
    d_cmp(vm, a, crate::compile::code::cmpop::GE)
}
fn d_bool(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::bool(vm.truthy(a[0])?))
}
fn d_format(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let spec = a.get(1).copied().unwrap_or(Value::NULL);
    vm.format_value(a[0], spec)
}
fn d_getitem(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__getitem__", &a[1..], 1, 1)?;
    if vm.tid_of(a[0]) == tid::DICT {
        if let Some(v) = vm.dict_get(a[0], a[1])? {
            return Ok(v);
        }
        // A dict subclass's __missing__.
        let recv = vm.native_receiver;
        if !recv.is_null()
            && let Some(m) = vm.lookup_type_attr(recv, "__missing__")?
        {
            return vm.call_value(m, &[recv, a[1]], &[]);
        }
        return Err(vm.key_error(a[1]));
    }
    vm.getitem(a[0], a[1])
}
fn d_delitem(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__delitem__", &a[1..], 1, 1)?;
    vm.delitem(a[0], a[1])?;
    Ok(Value::NONE)
}
fn d_iadd(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.binary_op(a[0], a[1], crate::compile::code::binop::ADD, true)?;
    Ok(if vm.native_receiver.is_null() { a[0] } else { vm.native_receiver })
}
fn d_bin(vm: &mut Vm, a: A, k: u8, reflected: bool) -> R<Value> {
    vm.nargs("operator", &a[1..], 1, 1)?;
    let b = vm.native_of(a[1]).unwrap_or(a[1]);
    let r = if reflected { vm.binary_op(b, a[0], k, false) } else { vm.binary_op(a[0], b, k, false) };
    match r {
        Err(Unwind::Exc(e)) if vm.isinstance_name(e, "TypeError") => Ok(Value::NOT_IMPLEMENTED),
        r => r,
    }
}
macro_rules! dunder_bin {
    ($name:ident, $rname:ident, $k:ident) => {
        fn $name(vm: &mut Vm, a: A, _: K) -> R<Value> {
            d_bin(vm, a, crate::compile::code::binop::$k, false)
        }
        #[allow(dead_code)]
        fn $rname(vm: &mut Vm, a: A, _: K) -> R<Value> {
            d_bin(vm, a, crate::compile::code::binop::$k, true)
        }
    };
}
dunder_bin!(d_add, d_radd, ADD);
dunder_bin!(d_sub, d_rsub, SUB);
dunder_bin!(d_mul, d_rmul, MUL);
dunder_bin!(d_truediv, d_rtruediv, TRUEDIV);
dunder_bin!(d_floordiv, d_rfloordiv, FLOORDIV);
dunder_bin!(d_mod, d_rmod, MOD);
dunder_bin!(d_pow, d_rpow, POW);
dunder_bin!(d_and, d_rand, AND);
dunder_bin!(d_or, d_ror, OR);
dunder_bin!(d_xor, d_rxor, XOR);
dunder_bin!(d_lshift, d_rlshift, LSHIFT);
dunder_bin!(d_rshift, d_rrshift, RSHIFT);
fn d_neg(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.unary_op(a[0], crate::compile::code::unop::NEG)
}
fn d_pos(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.unary_op(a[0], crate::compile::code::unop::POS)
}
fn d_invert(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.unary_op(a[0], crate::compile::code::unop::INVERT)
}
fn d_abs(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let f = vm.builtin_value("abs")?;
    vm.call_value(f, &a[..1], &[])
}
fn d_float(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let f = vm.to_f64(a[0])?.unwrap_or(0.0);
    Ok(vm.new_float(f))
}
fn d_int(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if let Some(b) = vm.to_big(a[0]) {
        return Ok(big_to_value(vm, &b));
    }
    let f = vm.to_f64(a[0])?.unwrap_or(0.0);
    vm.float_to_int(f)
}

// ---- object and type ----------------------------------------------------------------

fn object_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if a.is_empty() || vm.tid_of(a[0]) != tid::CLASS {
        return Err(vm.new_error("TypeError", "object.__new__(X): X is not a type object"));
    }
    // A class built on another built-in type (int, dict, an exception, type) must be made by
    // that type's __new__.
    let cls = a[0].as_obj();
    let object = vm.types().object;
    let mro = vm.rd(cls, CLS_MRO).as_obj();
    for i in 0..vm.tuple_len(mro) {
        let c = vm.tuple_get(mro, i).as_obj();
        if c != object && vm.rd(c, CLS_FLAGS).as_int() & (CLSF_BUILTIN | CLSF_EXCEPTION) != 0 {
            let n = vm.class_name(cls);
            return Err(vm.new_error("TypeError", &format!("object.__new__({n}) is not safe, use {n}.__new__()")));
        }
    }
    Ok(vm.new_instance(cls))
}
fn object_init(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::NONE)
}
fn object_init_subclass(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::NONE)
}
fn object_repr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let s = vm.default_repr(a[0])?;
    Ok(vm.new_str(&s))
}
/// `f.__get__(obj, type=None)`: the function bound to `obj` (itself when `obj` is None).
fn function_get(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__get__", &a[1..], 1, 2)?;
    if a[1] == Value::NONE {
        if a.len() < 3 || a[2] == Value::NONE {
            return Err(vm.new_error("TypeError", "__get__(None, None) is invalid"));
        }
        return Ok(a[0]);
    }
    Ok(vm.new_fixed(tid::METHOD, 32, &[a[1], a[0]]))
}
fn object_str(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.repr_value(a[0])
}
fn object_eq(_: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(if a[0] == a[1] { Value::TRUE } else { Value::NOT_IMPLEMENTED })
}
fn object_ne(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let r = vm.compare(a[0], a[1], crate::compile::code::cmpop::EQ)?;
    let t = vm.truthy(r)?;
    Ok(Value::bool(!t))
}
fn object_hash(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let h = vm.id_of(a[0])? >> 4;
    Ok(vm.new_int(h))
}
fn object_setattr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__setattr__", a, 3, 3)?;
    vm.generic_setattr(a[0], a[1], a[2])?;
    Ok(Value::NONE)
}
fn object_getattribute(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__getattribute__", a, 2, 2)?;
    vm.generic_getattr(a[0], a[1])
}
fn object_delattr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__delattr__", a, 2, 2)?;
    if vm.tid_of(a[0]) == tid::INSTANCE && vm.instance_del(a[0].as_obj(), a[1])? {
        return Ok(Value::NONE);
    }
    let n = vm.str_of(a[1]);
    let tn = vm.type_name(a[0]);
    Err(vm.new_error("AttributeError", &format!("'{tn}' object has no attribute '{n}'")))
}
fn object_format(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__format__", a, 2, 2)?;
    if vm.len(a[1])? > 0 {
        let tn = vm.type_name(a[0]);
        return Err(vm.new_error("TypeError", &format!("unsupported format string passed to {tn}.__format__")));
    }
    vm.str_value(a[0])
}
fn object_dir(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let d = vm.builtin_value("dir")?;
    vm.call_value(d, &a[..1], &[])
}

fn type_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    // type(x) is handled by the call path; here type(name, bases, dict).
    if a.len() == 2 {
        return Ok(Value::obj(vm.type_of(a[1])));
    }
    if a.len() != 4 {
        return Err(vm.new_error("TypeError", "type() takes 1 or 3 arguments"));
    }
    let name = vm.arg_str(a[1], "type.__new__() argument 1")?;
    let mut bases: Vec<stm::ObjRef> = Vec::new();
    for b in vm.iter_collect(a[2])? {
        if vm.tid_of(b) != tid::CLASS {
            return Err(vm.new_error("TypeError", "bases must be types"));
        }
        bases.push(b.as_obj());
    }
    if bases.is_empty() {
        bases.push(vm.types().object);
    }
    if vm.tid_of(a[3]) != tid::DICT {
        return Err(vm.new_error("TypeError", "type.__new__() argument 3 must be dict"));
    }
    let ns = vm.new_dict();
    vm.dict_update_from(ns, a[3], false)?;
    let mk = vm.s("__module__");
    if !vm.dict_contains(ns, mk)? {
        let g = vm.rd(vm.frame, F_GLOBALS);
        let nk = vm.s("__name__");
        let m = vm.dict_get(g, nk)?.unwrap_or(Value::NONE);
        vm.dict_set(ns, mk, m)?;
    }
    let type_ = vm.types().type_;
    let requested = match a[0] {
        m if m.is_ref() && vm.tid_of(m) == tid::CLASS => {
            if !vm.is_subclass(m.as_obj(), type_) {
                let n = vm.class_name(m.as_obj());
                return Err(vm.new_error("TypeError", &format!("type.__new__({n}): {n} is not a subtype of type")));
            }
            m.as_obj()
        }
        _ => type_,
    };
    // The bases' metaclass wins over a less derived one; `type(name, bases, ns)` with bases
    // of another metaclass is that metaclass's call.
    let winner = vm.most_derived_meta(requested, &bases)?;
    if winner != requested && requested == type_ {
        return vm.call_value(Value::obj(winner), &a[1..], kw);
    }
    vm.create_class(&name, &bases, ns, kw, (winner != type_).then_some(winner))
}
fn type_call(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    if a.is_empty() || vm.tid_of(a[0]) != tid::CLASS {
        return Err(vm.new_error("TypeError", "descriptor '__call__' requires a 'type' object"));
    }
    vm.type_call(a[0].as_obj(), &a[1..], kw)
}
fn type_setattr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__setattr__", a, 3, 3)?;
    if vm.tid_of(a[0]) != tid::CLASS || !vm.is_str(a[1]) {
        return Err(vm.new_error("TypeError", "descriptor '__setattr__' requires a 'type' object and a str name"));
    }
    vm.class_setattr(a[0].as_obj(), a[1], a[2])?;
    Ok(Value::NONE)
}
fn type_delattr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__delattr__", a, 2, 2)?;
    if vm.tid_of(a[0]) != tid::CLASS || !vm.is_str(a[1]) {
        return Err(vm.new_error("TypeError", "descriptor '__delattr__' requires a 'type' object and a str name"));
    }
    vm.class_delattr(a[0].as_obj(), a[1])?;
    Ok(Value::NONE)
}
fn type_mro(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let m = vm.rd(a[0].as_obj(), CLS_MRO);
    let items = vm.tuple_items(m.as_obj());
    Ok(vm.new_list(&items))
}
fn type_subclasscheck(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::bool(vm.tid_of(a[1]) == tid::CLASS && vm.is_subclass(a[1].as_obj(), a[0].as_obj())))
}
fn type_instancecheck(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::bool(vm.isinstance(a[1], a[0].as_obj())))
}

/// `int | str`: a `types.UnionType`, made by the `types` module (imported on first use).
fn type_or(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__or__", &a[1..], 1, 1)?;
    union_of(vm, a[0], a[1])
}
fn type_ror(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__ror__", &a[1..], 1, 1)?;
    union_of(vm, a[1], a[0])
}
fn union_of(vm: &mut Vm, x: Value, y: Value) -> R<Value> {
    let f = vm.module_attr("types", "_union_or")?;
    vm.call_value(f, &[x, y], &[])
}

// ---- numbers --------------------------------------------------------------------------

fn int_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let v = int_new_value(vm, a, kw)?;
    let t = vm.types().int;
    Ok(vm.wrap_native(a[0], t, v))
}

fn int_new_value(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let base = if a.len() > 2 { Some(a[2]) } else { vm.kwarg(kw, "base") };
    if a.len() > 3 {
        return Err(vm.new_error("TypeError", &format!("int() takes at most 2 arguments ({} given)", a.len() - 1)));
    }
    if a.len() < 2 {
        if base.is_some() {
            return Err(vm.new_error("TypeError", "int() missing string argument"));
        }
        return Ok(Value::int(0));
    }
    // A str subclass without __int__/__index__ converts as its text.
    let v = match crate::builtins::strings::str_like(vm, a[1]) {
        Some(s)
            if vm.lookup_type_attr(a[1], "__int__")?.is_none() && vm.lookup_type_attr(a[1], "__index__")?.is_none() =>
        {
            s
        }
        _ => a[1],
    };
    if let Some(b) = base {
        let b = vm.index_value(b, "'{}' object cannot be interpreted as an integer")?;
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(vm.new_error("ValueError", "int() base must be >= 2 and <= 36, or 0"));
        }
        if !vm.is_str(v) && vm.tid_of(v) != tid::BYTES {
            return Err(vm.new_error("TypeError", "int() can't convert non-string with explicit base"));
        }
        let s =
            if vm.is_str(v) { vm.str_of(v) } else { String::from_utf8_lossy(&vm.bytes_of(v.as_obj())).into_owned() };
        return vm.parse_int(&s, b as u32);
    }
    if v.is_bool() {
        return Ok(Value::int((v == Value::TRUE) as i64));
    }
    if vm.is_int_like(v) {
        return Ok(v);
    }
    match vm.tid_of(v) {
        tid::FLOAT => {
            let f = vm.float_of(v.as_obj());
            return vm.float_to_int(f);
        }
        tid::STR => {
            let s = vm.str_of(v);
            return vm.parse_int(&s, 10);
        }
        tid::BYTES => {
            let s = String::from_utf8_lossy(&vm.bytes_of(v.as_obj())).into_owned();
            return vm.parse_int(&s, 10);
        }
        _ => {}
    }
    for m in ["__int__", "__index__", "__trunc__"] {
        if let Some(f) = vm.lookup_type_attr(v, m)? {
            let r = vm.call_value(f, &[v], &[])?;
            if !vm.is_int_like(r) {
                let tn = vm.type_name(r);
                return Err(vm.new_error("TypeError", &format!("{m} returned non-int (type {tn})")));
            }
            return Ok(r);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.new_error(
        "TypeError",
        &format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'"),
    ))
}
fn int_bit_length(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let b = vm.to_big(a[0]).unwrap();
    Ok(Value::int(b.bits() as i64))
}
fn int_bit_count(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let b = vm.to_big(a[0]).unwrap().abs();
    let n: u64 = b.to_u64_digits().1.iter().map(|d| d.count_ones() as u64).sum();
    Ok(Value::int(n as i64))
}
fn int_conjugate(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let b = vm.to_big(a[0]).unwrap();
    Ok(big_to_value(vm, &b))
}
fn int_is_integer(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::TRUE)
}
fn int_as_integer_ratio(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let b = vm.to_big(a[0]).unwrap();
    let v = big_to_value(vm, &b);
    Ok(vm.new_tuple(&[v, Value::int(1)]))
}
fn int_to_bytes(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let b = vm.to_big(a[0]).unwrap();
    let len = match a.get(1).copied().or_else(|| vm.kwarg(kw, "length")) {
        Some(l) => vm.index_value(l, "length must be int")? as usize,
        None => 1,
    };
    let order = match a.get(2).copied().or_else(|| vm.kwarg(kw, "byteorder")) {
        Some(o) => vm.str_of(o),
        None => "big".into(),
    };
    let signed = match vm.kwarg(kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if b.is_negative() && !signed {
        return Err(vm.new_error("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = b.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && *bytes.last().unwrap() == 0 {
        bytes.pop();
    }
    if bytes.len() > len && !(b.is_zero() && len == 0) {
        return Err(vm.new_error("OverflowError", "int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(vm.new_bytes(&bytes))
}
fn int_from_bytes(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let data = vm.iter_collect(a[1])?;
    let mut bytes: Vec<u8> = data.iter().map(|v| v.as_int() as u8).collect();
    let order = match a.get(2).copied().or_else(|| vm.kwarg(kw, "byteorder")) {
        Some(o) => vm.str_of(o),
        None => "big".into(),
    };
    let signed = match vm.kwarg(kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if order == "big" {
        bytes.reverse();
    }
    let b = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(big_to_value(vm, &b))
}
fn bool_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("bool", &a[1..], 0, 1)?;
    if a.len() < 2 {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(vm.truthy(a[1])?))
}

/// float(str) with Python's accepted spellings.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let l = t.to_ascii_lowercase();
    let body = l.trim_start_matches(['+', '-']);
    let neg = l.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(f) = special {
        return Some(if neg { -f } else { f });
    }
    if t.is_empty()
        || t.contains("__")
        || t.starts_with('_')
        || t.ends_with('_')
        || l.contains("inf")
        || l.contains("nan")
    {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    if clean.contains(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))) {
        return None;
    }
    clean.parse().ok()
}

fn float_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let v = float_new_value(vm, a, kw)?;
    let t = vm.types().float;
    Ok(vm.wrap_native(a[0], t, v))
}

fn float_new_value(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("float", &a[1..], 0, 1)?;
    if a.len() < 2 {
        return Ok(vm.new_float(0.0));
    }
    let v = a[1];
    if let Some(f) = vm.to_f64(v)? {
        return Ok(vm.new_float(f));
    }
    if vm.is_str(v) {
        let s = vm.str_of(v);
        return match parse_float(&s) {
            Some(f) => Ok(vm.new_float(f)),
            None => {
                let r = crate::objects::str::repr_str(&s);
                Err(vm.new_error("ValueError", &format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(f) = vm.lookup_type_attr(v, "__float__")? {
        return vm.call_value(f, &[v], &[]);
    }
    if let Some(f) = vm.lookup_type_attr(v, "__index__")? {
        let i = vm.call_value(f, &[v], &[])?;
        let x = vm.to_f64(i)?.unwrap_or(0.0);
        return Ok(vm.new_float(x));
    }
    let tn = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("float() argument must be a string or a real number, not '{tn}'")))
}
fn float_is_integer(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let f = vm.float_of(a[0].as_obj());
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}
fn float_conjugate(_: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(a[0])
}
fn float_int(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let f = vm.float_of(a[0].as_obj());
    vm.float_to_int(f)
}
fn float_as_integer_ratio(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let f = vm.float_of(a[0].as_obj());
    if !f.is_finite() {
        return Err(vm.new_error(
            if f.is_nan() { "ValueError" } else { "OverflowError" },
            if f.is_nan() { "cannot convert NaN to integer ratio" } else { "cannot convert Infinity to integer ratio" },
        ));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 { (bits & ((1 << 52) - 1)) << 1 } else { (bits & ((1 << 52) - 1)) | (1 << 52) };
    let mut n = BigInt::from(mant);
    let mut e = exp - 1075;
    if f < 0.0 {
        n = -n;
    }
    let mut d = BigInt::from(1);
    if mant == 0 {
        return Ok(vm.new_tuple(&[Value::int(0), Value::int(1)]));
    }
    while e < 0 && (&n % 2u32).is_zero() {
        n /= 2;
        e += 1;
    }
    if e >= 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    let n = big_to_value(vm, &n);
    let d = big_to_value(vm, &d);
    Ok(vm.new_tuple(&[n, d]))
}
fn float_fromhex(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("fromhex", &a[1..], 1, 1)?;
    let s = vm.arg_str(a[1], "fromhex() argument")?;
    let t = s.trim().to_ascii_lowercase();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, t.trim_start_matches('+').to_string()),
    };
    let bad = || "invalid hexadecimal floating-point string";
    let parse = || -> Option<f64> {
        match t.as_str() {
            "inf" | "infinity" => return Some(f64::INFINITY),
            "nan" => return Some(f64::NAN),
            _ => {}
        }
        let t = t.strip_prefix("0x").unwrap_or(&t);
        let (mant, exp) = match t.split_once('p') {
            Some((m, e)) => (m, e.parse::<i32>().ok()?),
            None => (t, 0),
        };
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        if ip.is_empty() && fp.is_empty() {
            return None;
        }
        // The significand's first 60 bits exactly, then a sticky bit for the rest.
        let (mut m, mut e, mut sticky) = (0u64, exp as i64, false);
        for (c, frac) in ip.chars().map(|c| (c, false)).chain(fp.chars().map(|c| (c, true))) {
            let d = c.to_digit(16)? as u64;
            if m >> 56 == 0 {
                m = m * 16 + d;
                if frac {
                    e -= 4;
                }
            } else {
                sticky |= d != 0;
                if !frac {
                    e += 4;
                }
            }
        }
        if sticky {
            m |= 1;
        }
        Some(crate::objects::float::from_parts(m, e))
    };
    match parse() {
        Some(f) if f.is_infinite() && !t.contains("inf") => {
            Err(vm.new_error("OverflowError", "hexadecimal value too large to represent as a float"))
        }
        Some(f) => Ok(vm.new_float(if neg { -f } else { f })),
        None => Err(vm.new_error("ValueError", bad())),
    }
}

fn float_hex(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let f = vm.float_of(a[0].as_obj());
    let s = if f == 0.0 {
        if f.is_sign_negative() { "-0x0.0p+0".to_string() } else { "0x0.0p+0".to_string() }
    } else if !f.is_finite() {
        crate::objects::float::float_repr(f)
    } else {
        let bits = f.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
        let m = format!("{mant:013x}");
        format!("{}0x{lead}.{m}p{}{e}", if f < 0.0 { "-" } else { "" }, if e >= 0 { "+" } else { "" })
    };
    Ok(vm.new_str(&s))
}

// ---- sequences ------------------------------------------------------------------------

fn tuple_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("tuple", &a[1..], 0, 1)?;
    let it = a.get(1).copied().or_else(|| vm.kwarg(kw, "iterable"));
    let v = match it {
        None => vm.new_tuple(&[]),
        Some(x) if vm.tid_of(x) == tid::TUPLE => x,
        Some(x) => {
            let items = vm.iter_collect(x)?;
            vm.new_tuple(&items)
        }
    };
    let t = vm.types().tuple;
    Ok(vm.wrap_native(a[0], t, v))
}

fn seq_items(vm: &mut Vm, s: Value) -> R<Vec<Value>> {
    match vm.tid_of(s) {
        tid::LIST => Ok(vm.list_items(s)),
        tid::TUPLE => Ok(vm.tuple_items(s.as_obj())),
        _ => vm.iter_collect(s),
    }
}

fn seq_index(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("index", &a[1..], 1, 3)?;
    let items = seq_items(vm, a[0])?;
    let n = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = if a.len() > 2 { norm(vm.index_value(a[2], "slice indices must be integers")?) } else { 0 };
    let stop = if a.len() > 3 { norm(vm.index_value(a[3], "slice indices must be integers")?) } else { n };
    for i in start..stop {
        if vm.eq(items[i as usize], a[1])? {
            return Ok(Value::int(i));
        }
    }
    let what = match vm.tid_of(a[0]) {
        tid::LIST => {
            let r = vm.repr_string(a[1])?;
            format!("{r} is not in list")
        }
        tid::RANGE => {
            let r = vm.repr_string(a[1])?;
            format!("{r} is not in range")
        }
        _ => "tuple.index(x): x not in tuple".into(),
    };
    Err(vm.new_error("ValueError", &what))
}
fn seq_count(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("count", &a[1..], 1, 1)?;
    let items = seq_items(vm, a[0])?;
    let mut n = 0;
    for x in items {
        if vm.eq(x, a[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn list_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let v = vm.new_list(&[]);
    let t = vm.types().list;
    Ok(vm.wrap_native(a[0], t, v))
}
fn list_init(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("list", &a[1..], 0, 1)?;
    if a.len() > 1 {
        let items = vm.iter_collect(a[1])?;
        vm.list_replace(a[0], &items)?;
    }
    Ok(Value::NONE)
}
fn list_append(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("list.append", &a[1..], 1, 1)?;
    vm.list_append(a[0], a[1])?;
    Ok(Value::NONE)
}
fn list_extend(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("list.extend", &a[1..], 1, 1)?;
    let items = vm.iter_collect(a[1])?;
    for x in items {
        vm.list_append(a[0], x)?;
    }
    Ok(Value::NONE)
}
fn list_insert(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("insert", &a[1..], 2, 2)?;
    let n = vm.list_len(a[0]) as i64;
    let i = vm.index_value(a[1], "'{}' object cannot be interpreted as an integer")?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    vm.list_insert(a[0], i as usize, a[2])?;
    Ok(Value::NONE)
}
fn list_pop(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("pop", &a[1..], 0, 1)?;
    let n = vm.list_len(a[0]);
    if n == 0 {
        return Err(vm.new_error("IndexError", "pop from empty list"));
    }
    let i = if a.len() > 1 { vm.seq_index(a[1], n, "pop")? } else { n - 1 };
    vm.list_remove_at(a[0], i)
}
fn list_remove(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("list.remove", &a[1..], 1, 1)?;
    let items = vm.list_items(a[0]);
    for (i, x) in items.iter().enumerate() {
        if vm.eq(*x, a[1])? {
            vm.list_remove_at(a[0], i)?;
            return Ok(Value::NONE);
        }
    }
    Err(vm.new_error("ValueError", "list.remove(x): x not in list"))
}
pub fn list_sort(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    if a.len() > 1 {
        return Err(vm.new_error("TypeError", "sort() takes no positional arguments"));
    }
    let mut key = Value::NONE;
    let mut reverse = false;
    for (k, v) in kw {
        let k = vm.str_of(*k);
        match k.as_str() {
            "key" => key = *v,
            "reverse" => reverse = vm.truthy(*v)?,
            _ => return Err(vm.new_error("TypeError", &format!("'{k}' is an invalid keyword argument for sort()"))),
        }
    }
    let mut items = vm.list_items(a[0]);
    let keys = if key == Value::NONE {
        None
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for x in &items {
            ks.push(vm.call_value(key, &[*x], &[])?);
        }
        Some(ks)
    };
    vm.sort_values(&mut items, keys, reverse)?;
    vm.list_replace(a[0], &items)?;
    Ok(Value::NONE)
}
fn list_reverse(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let mut items = vm.list_items(a[0]);
    items.reverse();
    vm.list_replace(a[0], &items)?;
    Ok(Value::NONE)
}
fn list_copy(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let items = vm.list_items(a[0]);
    Ok(vm.new_list(&items))
}
fn list_clear(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.list_replace(a[0], &[])?;
    Ok(Value::NONE)
}

fn any_len(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let n = vm.len(a[0])?;
    Ok(Value::int(n as i64))
}
fn any_getitem(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__getitem__", &a[1..], 1, 1)?;
    vm.getitem(a[0], a[1])
}
fn any_setitem(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__setitem__", &a[1..], 2, 2)?;
    vm.setitem(a[0], a[1], a[2])?;
    Ok(Value::NONE)
}
fn any_contains(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("__contains__", &a[1..], 1, 1)?;
    Ok(Value::bool(vm.contains(a[0], a[1])?))
}
fn any_iter(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.get_iter(a[0])
}

// ---- dict -----------------------------------------------------------------------------

fn dict_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let v = vm.new_dict();
    let t = vm.types().dict;
    Ok(vm.wrap_native(a[0], t, v))
}
fn dict_init(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("dict", &a[1..], 0, 1)?;
    if a.len() > 1 {
        vm.dict_update_from(a[0], a[1], false)?;
    }
    for (k, v) in kw {
        vm.dict_set(a[0], *k, *v)?;
    }
    Ok(Value::NONE)
}
fn dict_get(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("get", &a[1..], 1, 2)?;
    Ok(vm.dict_get(a[0], a[1])?.unwrap_or(if a.len() > 2 { a[2] } else { Value::NONE }))
}
fn dict_keys(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(vm.new_iter(VIEW_KEYS, a[0], Value::NULL, Value::NULL, Value::NULL))
}
fn dict_values(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(vm.new_iter(VIEW_VALUES, a[0], Value::NULL, Value::NULL, Value::NULL))
}
fn dict_items(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(vm.new_iter(VIEW_ITEMS, a[0], Value::NULL, Value::NULL, Value::NULL))
}
fn dict_pop(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("pop", &a[1..], 1, 2)?;
    match vm.dict_pop(a[0], a[1])? {
        Some(v) => Ok(v),
        None if a.len() > 2 => Ok(a[2]),
        None => Err(vm.key_error(a[1])),
    }
}
fn dict_popitem(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let items = vm.dict_items(a[0]);
    match items.last() {
        Some((k, v)) => {
            vm.dict_pop(a[0], *k)?;
            Ok(vm.new_tuple(&[*k, *v]))
        }
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty")),
    }
}
fn dict_setdefault(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("setdefault", &a[1..], 1, 2)?;
    if let Some(v) = vm.dict_get(a[0], a[1])? {
        return Ok(v);
    }
    let d = if a.len() > 2 { a[2] } else { Value::NONE };
    vm.dict_set(a[0], a[1], d)?;
    Ok(d)
}
fn dict_update(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("update", &a[1..], 0, 1)?;
    if a.len() > 1 {
        vm.dict_update_from(a[0], a[1], false)?;
    }
    for (k, v) in kw {
        vm.dict_set(a[0], *k, *v)?;
    }
    Ok(Value::NONE)
}
fn dict_clear(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.dict_clear(a[0])?;
    Ok(Value::NONE)
}
fn dict_copy(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let d = vm.new_dict();
    vm.dict_update_from(d, a[0], false)?;
    Ok(d)
}
fn dict_fromkeys(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let d = vm.new_dict();
    let v = if a.len() > 2 { a[2] } else { Value::NONE };
    for k in vm.iter_collect(a[1])? {
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

impl Vm {
    pub fn dict_eq(&mut self, a: Value, b: Value) -> R<bool> {
        if self.table_len(a) != self.table_len(b) {
            return Ok(false);
        }
        for (k, v) in self.dict_items(a) {
            match self.dict_get(b, k)? {
                Some(w) => {
                    if !self.eq(v, w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Set algebra; the result has the left operand's type.
    pub fn set_binop(&mut self, a: Value, b: Value, k: u8) -> R<Value> {
        use crate::compile::code::binop::*;
        let frozen = self.tid_of(a) == tid::FROZENSET;
        let out = self.new_set(frozen);
        let xa = self.set_items(a);
        match k {
            OR => {
                for x in xa {
                    self.set_add(out, x)?;
                }
                for x in self.set_items(b) {
                    self.set_add(out, x)?;
                }
            }
            AND => {
                for x in xa {
                    if self.dict_contains(b, x)? {
                        self.set_add(out, x)?;
                    }
                }
            }
            SUB => {
                for x in xa {
                    if !self.dict_contains(b, x)? {
                        self.set_add(out, x)?;
                    }
                }
            }
            _ => {
                for x in xa {
                    if !self.dict_contains(b, x)? {
                        self.set_add(out, x)?;
                    }
                }
                for x in self.set_items(b) {
                    if !self.dict_contains(a, x)? {
                        self.set_add(out, x)?;
                    }
                }
            }
        }
        Ok(out)
    }

    /// Replaces a set's contents with another's.
    pub fn set_assign(&mut self, s: Value, from: Value) -> R<()> {
        let items = self.set_items(from);
        self.dict_clear(s)?;
        for x in items {
            self.set_add(s, x)?;
        }
        Ok(())
    }

    pub fn set_compare(&mut self, a: Value, b: Value, k: u8) -> R<bool> {
        use crate::compile::code::cmpop::*;
        let sub = |vm: &mut Vm, x: Value, y: Value| -> R<bool> {
            for i in vm.set_items(x) {
                if !vm.dict_contains(y, i)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (la, lb) = (self.table_len(a), self.table_len(b));
        Ok(match k {
            EQ => la == lb && sub(self, a, b)?,
            NE => !(la == lb && sub(self, a, b)?),
            LE => sub(self, a, b)?,
            LT => la < lb && sub(self, a, b)?,
            GE => sub(self, b, a)?,
            _ => la > lb && sub(self, b, a)?,
        })
    }

    pub fn to_set(&mut self, v: Value) -> R<Value> {
        if matches!(self.tid_of(v), tid::SET | tid::FROZENSET) {
            return Ok(v);
        }
        let s = self.new_set(false);
        for x in self.iter_collect(v)? {
            self.set_add(s, x)?;
        }
        Ok(s)
    }
}

fn set_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let v = vm.new_set(false);
    let t = vm.types().set;
    Ok(vm.wrap_native(a[0], t, v))
}
fn set_init(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("set", &a[1..], 0, 1)?;
    if a.len() > 1 {
        for x in vm.iter_collect(a[1])? {
            vm.set_add(a[0], x)?;
        }
    }
    Ok(Value::NONE)
}
fn frozenset_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("frozenset", &a[1..], 0, 1)?;
    let s = vm.new_set(true);
    if a.len() > 1 {
        for x in vm.iter_collect(a[1])? {
            vm.set_add(s, x)?;
        }
    }
    let t = vm.types().frozenset;
    Ok(vm.wrap_native(a[0], t, s))
}
fn set_add(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("set.add", &a[1..], 1, 1)?;
    vm.set_add(a[0], a[1])?;
    Ok(Value::NONE)
}
fn set_discard(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("set.discard", &a[1..], 1, 1)?;
    vm.dict_pop(a[0], a[1])?;
    Ok(Value::NONE)
}
fn set_remove(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("set.remove", &a[1..], 1, 1)?;
    if vm.dict_pop(a[0], a[1])?.is_none() {
        return Err(vm.key_error(a[1]));
    }
    Ok(Value::NONE)
}
fn set_pop(vm: &mut Vm, a: A, _: K) -> R<Value> {
    match vm.set_items(a[0]).first() {
        Some(x) => {
            vm.dict_pop(a[0], *x)?;
            Ok(*x)
        }
        None => Err(vm.new_error("KeyError", "pop from an empty set")),
    }
}
fn set_clear(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.dict_clear(a[0])?;
    Ok(Value::NONE)
}
fn set_update(vm: &mut Vm, a: A, _: K) -> R<Value> {
    for o in &a[1..] {
        for x in vm.iter_collect(*o)? {
            vm.set_add(a[0], x)?;
        }
    }
    Ok(Value::NONE)
}
fn set_multi(vm: &mut Vm, a: A, k: u8) -> R<Value> {
    let mut acc = a[0];
    let frozen = vm.tid_of(a[0]) == tid::FROZENSET;
    if a.len() == 1 {
        let s = vm.new_set(frozen);
        for x in vm.set_items(acc) {
            vm.set_add(s, x)?;
        }
        return Ok(s);
    }
    for o in &a[1..] {
        let s = vm.to_set(*o)?;
        acc = vm.set_binop(acc, s, k)?;
    }
    Ok(acc)
}
fn set_union(vm: &mut Vm, a: A, _: K) -> R<Value> {
    set_multi(vm, a, crate::compile::code::binop::OR)
}
fn set_intersection(vm: &mut Vm, a: A, _: K) -> R<Value> {
    set_multi(vm, a, crate::compile::code::binop::AND)
}
fn set_difference(vm: &mut Vm, a: A, _: K) -> R<Value> {
    set_multi(vm, a, crate::compile::code::binop::SUB)
}
fn set_symmetric_difference(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("symmetric_difference", &a[1..], 1, 1)?;
    set_multi(vm, a, crate::compile::code::binop::XOR)
}
fn set_inplace(vm: &mut Vm, a: A, k: u8) -> R<Value> {
    let r = set_multi(vm, a, k)?;
    vm.set_assign(a[0], r)?;
    Ok(Value::NONE)
}
fn set_intersection_update(vm: &mut Vm, a: A, _: K) -> R<Value> {
    set_inplace(vm, a, crate::compile::code::binop::AND)
}
fn set_difference_update(vm: &mut Vm, a: A, _: K) -> R<Value> {
    set_inplace(vm, a, crate::compile::code::binop::SUB)
}
fn set_symmetric_difference_update(vm: &mut Vm, a: A, _: K) -> R<Value> {
    set_inplace(vm, a, crate::compile::code::binop::XOR)
}
fn set_issubset(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let s = vm.to_set(a[1])?;
    Ok(Value::bool(vm.set_compare(a[0], s, crate::compile::code::cmpop::LE)?))
}
fn set_issuperset(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let s = vm.to_set(a[1])?;
    Ok(Value::bool(vm.set_compare(a[0], s, crate::compile::code::cmpop::GE)?))
}
fn set_isdisjoint(vm: &mut Vm, a: A, _: K) -> R<Value> {
    for x in vm.iter_collect(a[1])? {
        if vm.dict_contains(a[0], x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
fn set_copy(vm: &mut Vm, a: A, _: K) -> R<Value> {
    set_multi(vm, &a[..1], crate::compile::code::binop::OR)
}

// ---- range, slice, descriptors ----------------------------------------------------------

fn range_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let a = &a[1..];
    if a.is_empty() {
        return Err(vm.new_error("TypeError", "range expected at least 1 argument, got 0"));
    }
    if a.len() > 3 {
        return Err(vm.new_error("TypeError", &format!("range expected at most 3 arguments, got {}", a.len())));
    }
    let mut n = [0i64; 3];
    for (i, v) in a.iter().enumerate() {
        n[i] = vm.index_value(*v, "'{}' object cannot be interpreted as an integer")?;
        if !Value::fits(n[i]) {
            return Err(vm.new_error("OverflowError", "pystm ranges are limited to 62-bit integers"));
        }
    }
    let (start, stop, step) = match a.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(vm.new_error("ValueError", "range() arg 3 must not be zero"));
    }
    Ok(vm.new_fixed(tid::RANGE, 32, &[Value::int(start), Value::int(stop), Value::int(step)]))
}
fn slice_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let a = &a[1..];
    vm.nargs("slice", a, 1, 3)?;
    let (s, e, st) = match a.len() {
        1 => (Value::NONE, a[0], Value::NONE),
        2 => (a[0], a[1], Value::NONE),
        _ => (a[0], a[1], a[2]),
    };
    Ok(vm.new_fixed(tid::SLICE, 32, &[s, e, st]))
}
fn slice_indices(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let n = vm.index_value(a[1], "'{}' object cannot be interpreted as an integer")?;
    let (s, e, st, _) = vm.slice_indices(a[0], n.max(0) as usize)?;
    Ok(vm.new_tuple(&[Value::int(s), Value::int(e), Value::int(st)]))
}
fn property_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let mut f = [Value::NONE; 4];
    for (i, v) in a[1..].iter().enumerate().take(4) {
        f[i] = *v;
    }
    for (k, v) in kw {
        let k = vm.str_of(*k);
        let i = match k.as_str() {
            "fget" => 0,
            "fset" => 1,
            "fdel" => 2,
            "doc" => 3,
            _ => return Err(vm.new_error("TypeError", &format!("'{k}' is an invalid keyword argument for property()"))),
        };
        f[i] = *v;
    }
    if f[3] == Value::NONE && f[0] != Value::NONE && vm.tid_of(f[0]) == tid::FUNCTION {
        f[3] = vm.rd(f[0].as_obj(), FN_DOC);
    }
    Ok(vm.new_fixed(tid::PROPERTY, 48, &f))
}
fn property_copy(vm: &mut Vm, p: Value, i: usize, f: Value) -> R<Value> {
    let o = p.as_obj();
    let mut fs = [vm.ld(o, PROP_GET), vm.ld(o, PROP_SET), vm.ld(o, PROP_DEL), vm.ld(o, PROP_DOC)];
    fs[i] = f;
    Ok(vm.new_fixed(tid::PROPERTY, 48, &fs))
}
fn property_getter(vm: &mut Vm, a: A, _: K) -> R<Value> {
    property_copy(vm, a[0], 0, a[1])
}
fn property_setter(vm: &mut Vm, a: A, _: K) -> R<Value> {
    property_copy(vm, a[0], 1, a[1])
}
fn property_deleter(vm: &mut Vm, a: A, _: K) -> R<Value> {
    property_copy(vm, a[0], 2, a[1])
}
fn property_get(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if a.len() < 2 || a[1] == Value::NONE {
        return Ok(a[0]);
    }
    let t = vm.type_of(a[1]);
    vm.bind(a[0], a[1], t)
}
fn staticmethod_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("staticmethod", &a[1..], 1, 1)?;
    Ok(vm.new_fixed(tid::STATICMETHOD, 16, &[a[1]]))
}
fn classmethod_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("classmethod", &a[1..], 1, 1)?;
    Ok(vm.new_fixed(tid::CLASSMETHOD, 16, &[a[1]]))
}
/// `module(name, doc=None)` (`types.ModuleType`).
fn module_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let name = a.get(1).copied().or_else(|| vm.kwarg(kw, "name"));
    let doc = a.get(2).copied().or_else(|| vm.kwarg(kw, "doc")).unwrap_or(Value::NONE);
    let Some(name) = name.filter(|_| a.len() <= 3) else {
        return Err(vm.new_error("TypeError", "module.__init__() takes at least 1 argument (0 given)"));
    };
    if !vm.is_str(name) {
        let tn = vm.type_name(name);
        return Err(vm.new_error("TypeError", &format!("module.__init__() argument 'name' must be str, not {tn}")));
    }
    let n = vm.str_of(name);
    let m = vm.module_object(&n);
    let d = vm.ld(m.as_obj(), MOD_DICT);
    vm.def_value(d, "__doc__", doc);
    vm.def_value(d, "__loader__", Value::NONE);
    vm.def_value(d, "__spec__", Value::NONE);
    Ok(m)
}
/// `method(function, instance)` (`types.MethodType`).
fn method_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("method", &a[1..], 2, 2)?;
    if !vm.is_callable(a[1])? {
        return Err(vm.new_error("TypeError", "first argument must be callable"));
    }
    if a[2] == Value::NONE {
        return Err(vm.new_error("TypeError", "instance must not be None"));
    }
    Ok(vm.new_fixed(tid::METHOD, 32, &[a[2], a[1]]))
}
fn super_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let a = &a[1..];
    let (cls, obj) = match a.len() {
        2 => (a[0], a[1]),
        0 => {
            // Zero-argument form: the __class__ cell and the first argument of the caller.
            let f = vm.frame;
            let c = vm.frame_code(f);
            let Some(ci) = c.freevars.iter().position(|n| n == "__class__") else {
                return Err(vm.new_error("RuntimeError", "super(): __class__ cell not found"));
            };
            if c.argcount == 0 && c.flags & crate::compile::code::CO_VARARGS == 0 {
                return Err(vm.new_error("RuntimeError", "super(): no arguments"));
            }
            let cell = vm.slot(f, c.varnames.len() + c.cellvars.len() + ci);
            let cls = vm.rd(cell.as_obj(), CELL_VAL);
            let mut obj = vm.slot(f, 0);
            if let Some(j) = c.cell2arg.iter().position(|x| *x == Some(0)) {
                let cell = vm.slot(f, c.varnames.len() + j);
                obj = vm.rd(cell.as_obj(), CELL_VAL);
            }
            if cls.is_null() {
                return Err(vm.new_error("RuntimeError", "super(): empty __class__ cell"));
            }
            (cls, obj)
        }
        _ => return Err(vm.new_error("TypeError", "super() takes 0 or 2 arguments in pystm")),
    };
    if vm.tid_of(cls) != tid::CLASS {
        return Err(vm.new_error("TypeError", "super() argument 1 must be a type"));
    }
    let ok = vm.isinstance(obj, cls.as_obj())
        || (vm.tid_of(obj) == tid::CLASS && vm.is_subclass(obj.as_obj(), cls.as_obj()));
    if !ok {
        return Err(vm.new_error("TypeError", "super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(vm.new_fixed(tid::SUPER, 32, &[cls, obj]))
}

// ---- iterators and generators ---------------------------------------------------------

fn iter_self(_: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(a[0])
}
fn iter_next_m(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if vm.tid_of(a[0]) == tid::GENERATOR {
        return match vm.gen_resume(a[0], Value::NONE, None)? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(v) => Err(vm.stop_iteration(v)),
        };
    }
    match vm.iter_next(a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}
fn gen_send(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("send", &a[1..], 1, 1)?;
    match vm.gen_resume(a[0], a[1], None)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}
fn gen_throw(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let e = crate::builtins::coroutines::thrown(vm, &a[1..])?;
    match vm.gen_resume(a[0], Value::NONE, Some(e))? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}
fn gen_close(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.gen_close(a[0])?;
    Ok(Value::NONE)
}

fn enumerate_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("enumerate", &a[1..], 1, 2)?;
    let start = if a.len() > 2 { a[2] } else { vm.kwarg(kw, "start").unwrap_or(Value::int(0)) };
    if !vm.is_int_like(start) {
        let tn = vm.type_name(start);
        return Err(vm.new_error("TypeError", &format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let it = vm.get_iter(a[1])?;
    Ok(vm.new_iter(ENUMERATE, it, start, Value::NULL, Value::NULL))
}
fn zip_new(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let mut its = Vec::new();
    for x in &a[1..] {
        its.push(vm.get_iter(*x)?);
    }
    let strict = match vm.kwarg(kw, "strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let t = vm.new_tuple(&its);
    Ok(vm.new_iter(ZIP, t, Value::bool(strict), Value::NULL, Value::NULL))
}
fn map_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if a.len() < 3 {
        return Err(vm.new_error("TypeError", "map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for x in &a[2..] {
        its.push(vm.get_iter(*x)?);
    }
    let t = vm.new_tuple(&its);
    Ok(vm.new_iter(MAP, a[1], t, Value::NULL, Value::NULL))
}
fn filter_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("filter", &a[1..], 2, 2)?;
    let it = vm.get_iter(a[2])?;
    Ok(vm.new_iter(FILTER, a[1], it, Value::NULL, Value::NULL))
}
fn reversed_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("reversed", &a[1..], 1, 1)?;
    let v = a[1];
    if let Some(m) = vm.lookup_type_attr(v, "__reversed__")?
        && vm.tid_of(v) == tid::INSTANCE
    {
        return vm.call_value(m, &[v], &[]);
    }
    match vm.tid_of(v) {
        tid::LIST | tid::TUPLE | tid::STR | tid::RANGE | tid::BYTES => {}
        tid::DICT => {
            let mut keys = vm.dict_keys(v);
            keys.reverse();
            let l = vm.new_list(&keys);
            return vm.get_iter(l);
        }
        tid::ITER if vm.ld(v.as_obj(), IT_KIND).as_int() >= VIEW_KEYS => {
            let mut items = vm.iter_collect(v)?;
            items.reverse();
            let l = vm.new_list(&items);
            return vm.get_iter(l);
        }
        _ => {
            if vm.lookup_type_attr(v, "__getitem__")?.is_none() || vm.lookup_type_attr(v, "__len__")?.is_none() {
                let tn = vm.type_name(v);
                return Err(vm.new_error("TypeError", &format!("'{tn}' object is not reversible")));
            }
        }
    }
    let n = vm.len(v)? as i64;
    Ok(vm.new_iter(LIST_REV_ITER, v, Value::int(n - 1), Value::NULL, Value::NULL))
}

// ---- exceptions ---------------------------------------------------------------------

fn exc_new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let mut cls = a[0].as_obj();
    // OSError(errno, strerror, ...) makes the subclass for that errno, as CPython does.
    if cls == vm.exc_type("OSError")
        && a.len() >= 3
        && let Some(no) = vm.small_int(a[1])
        && let Some(sub) = super::posix::oserror_subclass(no as i32)
    {
        cls = vm.exc_type(sub);
    }
    let e = vm.new_instance(cls);
    set_exc_args(vm, e, &a[1..])?;
    Ok(e)
}
/// Sets `args`, and for an OSError (2 to 5 arguments) `errno`, `strerror`, `filename`,
/// `filename2`, keeping `args` to `(errno, strerror)` when a filename is given, as CPython does.
fn set_exc_args(vm: &mut Vm, e: Value, a: &[Value]) -> R<()> {
    if vm.isinstance_name(e, "OSError") {
        let n = a.len();
        let get = |i: usize| if (2..=5).contains(&n) { a.get(i).copied().unwrap_or(Value::NONE) } else { Value::NONE };
        vm.set_attr_str(e, "errno", get(0))?;
        vm.set_attr_str(e, "strerror", get(1))?;
        vm.set_attr_str(e, "filename", get(2))?;
        vm.set_attr_str(e, "filename2", if n == 5 { a[4] } else { Value::NONE })?;
        if (3..=5).contains(&n) {
            let args = vm.new_tuple(&a[..2]);
            return vm.set_attr_str(e, "args", args);
        }
    }
    let args = vm.new_tuple(a);
    vm.set_attr_str(e, "args", args)
}
fn exc_init(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    if !kw.is_empty() {
        let tn = vm.type_name(a[0]);
        return Err(vm.new_error("TypeError", &format!("{tn}() takes no keyword arguments")));
    }
    set_exc_args(vm, a[0], &a[1..])?;
    Ok(Value::NONE)
}
fn exc_str(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let s = vm.exception_str(a[0])?;
    Ok(vm.new_str(&s))
}
fn exc_repr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let tn = vm.type_name(a[0]);
    let args = vm.getattr_str(a[0], "args")?;
    let s = if vm.tid_of(args) == tid::TUPLE && vm.tuple_len(args.as_obj()) == 1 {
        let x = vm.tuple_get(args.as_obj(), 0);
        format!("{tn}({})", vm.repr_string(x)?)
    } else if vm.tid_of(args) == tid::TUPLE {
        let r = vm.repr_string(args)?;
        if vm.tuple_len(args.as_obj()) == 0 { format!("{tn}()") } else { format!("{tn}{r}") }
    } else {
        format!("{tn}()")
    };
    Ok(vm.new_str(&s))
}
fn exc_with_traceback(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.set_attr_str(a[0], "__traceback__", a[1])?;
    Ok(a[0])
}
fn exc_add_note(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("add_note", &a[1..], 1, 1)?;
    if !vm.is_str(a[1]) {
        let tn = vm.type_name(a[1]);
        return Err(vm.new_error("TypeError", &format!("note must be a str, not '{tn}'")));
    }
    let k = vm.s("__notes__");
    let notes = match vm.getattr_opt(a[0], k)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(&[]);
            vm.setattr(a[0], k, l)?;
            l
        }
    };
    vm.list_append(notes, a[1])?;
    Ok(Value::NONE)
}
fn stopiteration_init(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    exc_init(vm, a, kw)?;
    let v = a.get(1).copied().unwrap_or(Value::NONE);
    vm.set_attr_str(a[0], "value", v)?;
    Ok(Value::NONE)
}
fn systemexit_init(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    exc_init(vm, a, kw)?;
    let v = match a.len() {
        1 => Value::NONE,
        2 => a[1],
        _ => vm.new_tuple(&a[1..]),
    };
    vm.set_attr_str(a[0], "code", v)?;
    Ok(Value::NONE)
}
