//! Creates the built-in classes (object, type, int, str, the iterator types, the exception
//! hierarchy ...) at start-up, inside the start-up transaction. This file only builds class
//! objects; their methods are installed by the other files of `builtins/`.

use crate::interp::Vm;
use crate::layout::*;
use crate::objects::exceptions::HIERARCHY;
use crate::objects::iter::{KIND_COUNT, KIND_NAMES};
use crate::runtime::Types;
use crate::value::Value;
use stm::ObjRef;

fn class(vm: &mut Vm, name: &str, bases: &[ObjRef], kind: u32, flags: i64) -> ObjRef {
    let d = vm.new_dict();
    let m = vm.new_str("builtins");
    vm.new_class(name, bases, d, kind, CLSF_BUILTIN | flags, m).expect("built-in class")
}

pub fn create(vm: &mut Vm) -> Types {
    let object = class(vm, "object", &[], tid::INSTANCE, CLSF_NO_DICT);
    let mut t = Types { object, ..Default::default() };
    let o = [object];
    t.type_ = class(vm, "type", &o, tid::CLASS, 0);
    t.int = class(vm, "int", &o, tid::BIGINT, 0);
    t.bool_ = class(vm, "bool", &[t.int], tid::BIGINT, 0);
    t.float = class(vm, "float", &o, tid::FLOAT, 0);
    t.str_ = class(vm, "str", &o, tid::STR, 0);
    t.bytes = class(vm, "bytes", &o, tid::BYTES, 0);
    t.tuple = class(vm, "tuple", &o, tid::TUPLE, 0);
    t.list = class(vm, "list", &o, tid::LIST, 0);
    t.dict = class(vm, "dict", &o, tid::DICT, 0);
    t.set = class(vm, "set", &o, tid::SET, 0);
    t.frozenset = class(vm, "frozenset", &o, tid::FROZENSET, 0);
    t.none = class(vm, "NoneType", &o, tid::INSTANCE, 0);
    t.notimpl = class(vm, "NotImplementedType", &o, tid::INSTANCE, 0);
    t.ellipsis = class(vm, "ellipsis", &o, tid::INSTANCE, 0);
    t.function = class(vm, "function", &o, tid::FUNCTION, 0);
    t.builtin = class(vm, "builtin_function_or_method", &o, tid::BUILTIN, 0);
    t.range = class(vm, "range", &o, tid::RANGE, 0);
    t.generator = class(vm, "generator", &o, tid::GENERATOR, 0);
    t.module = class(vm, "module", &o, tid::MODULE, 0);
    t.property = class(vm, "property", &o, tid::PROPERTY, 0);
    t.staticmethod = class(vm, "staticmethod", &o, tid::STATICMETHOD, 0);
    t.classmethod = class(vm, "classmethod", &o, tid::CLASSMETHOD, 0);
    t.super_ = class(vm, "super", &o, tid::SUPER, 0);
    t.slice = class(vm, "slice", &o, tid::SLICE, 0);
    let method = class(vm, "method", &o, tid::METHOD, 0);
    let cell = class(vm, "cell", &o, tid::CELL, 0);
    let code = class(vm, "code", &o, tid::CODE, 0);
    let tb = class(vm, "traceback", &o, tid::TRACEBACK, 0);
    let frame = class(vm, "frame", &o, tid::FRAME, 0);
    let coroutine = class(vm, "coroutine", &o, tid::COROUTINE, 0);
    let async_generator = class(vm, "async_generator", &o, tid::ASYNC_GENERATOR, 0);
    let coro_wrapper = class(vm, "coroutine_wrapper", &o, tid::CORO_WRAPPER, 0);
    let asend = class(vm, "async_generator_asend", &o, tid::AG_ASEND, 0);
    let athrow = class(vm, "async_generator_athrow", &o, tid::AG_ATHROW, 0);
    let wrapped = class(vm, "async_generator_wrapped_value", &o, tid::AG_WRAPPED, 0);
    let mut by_tid = vec![object; tid::COUNT];
    by_tid[tid::FLOAT as usize] = t.float;
    by_tid[tid::BIGINT as usize] = t.int;
    by_tid[tid::STR as usize] = t.str_;
    by_tid[tid::BYTES as usize] = t.bytes;
    by_tid[tid::TUPLE as usize] = t.tuple;
    by_tid[tid::LIST as usize] = t.list;
    by_tid[tid::DICT as usize] = t.dict;
    by_tid[tid::SET as usize] = t.set;
    by_tid[tid::FROZENSET as usize] = t.frozenset;
    by_tid[tid::FUNCTION as usize] = t.function;
    by_tid[tid::CODE as usize] = code;
    by_tid[tid::CELL as usize] = cell;
    by_tid[tid::CLASS as usize] = t.type_;
    by_tid[tid::FRAME as usize] = frame;
    by_tid[tid::METHOD as usize] = method;
    by_tid[tid::BUILTIN as usize] = t.builtin;
    by_tid[tid::RANGE as usize] = t.range;
    by_tid[tid::GENERATOR as usize] = t.generator;
    by_tid[tid::SLICE as usize] = t.slice;
    by_tid[tid::MODULE as usize] = t.module;
    by_tid[tid::PROPERTY as usize] = t.property;
    by_tid[tid::STATICMETHOD as usize] = t.staticmethod;
    by_tid[tid::CLASSMETHOD as usize] = t.classmethod;
    by_tid[tid::SUPER as usize] = t.super_;
    by_tid[tid::TRACEBACK as usize] = tb;
    by_tid[tid::COROUTINE as usize] = coroutine;
    by_tid[tid::ASYNC_GENERATOR as usize] = async_generator;
    by_tid[tid::CORO_WRAPPER as usize] = coro_wrapper;
    by_tid[tid::AG_ASEND as usize] = asend;
    by_tid[tid::AG_ATHROW as usize] = athrow;
    by_tid[tid::AG_WRAPPED as usize] = wrapped;
    t.by_tid = by_tid;
    t.iters = (0..KIND_COUNT).map(|k| class(vm, KIND_NAMES[k], &o, tid::ITER, 0)).collect();
    let mut exc: crate::runtime::FxMap<&'static str, ObjRef> = Default::default();
    for (name, base) in HIERARCHY {
        let bases = if base.is_empty() { vec![object] } else { base.split(' ').map(|b| exc[b]).collect() };
        let c = class(vm, name, &bases, tid::INSTANCE, CLSF_EXCEPTION);
        // Exceptions are Python-level classes: subclassable, attributes on instances.
        let f = vm.rd(c, CLS_FLAGS).as_int() & !CLSF_BUILTIN;
        vm.init(c, CLS_FLAGS, Value::int(f));
        exc.insert(name, c);
    }
    t.exc = exc;
    t
}

impl Types {
    /// Every class object (for rooting and remapping after the start-up commit).
    pub fn all(&self) -> Vec<ObjRef> {
        let mut v = vec![
            self.object,
            self.type_,
            self.int,
            self.bool_,
            self.float,
            self.str_,
            self.bytes,
            self.tuple,
            self.list,
            self.dict,
            self.set,
            self.frozenset,
            self.none,
            self.notimpl,
            self.ellipsis,
            self.function,
            self.builtin,
            self.range,
            self.generator,
            self.module,
            self.property,
            self.staticmethod,
            self.classmethod,
            self.super_,
            self.slice,
            self.io,
            self.lock,
            self.object_new,
            self.object_init,
            self.object_hash,
        ];
        v.extend(self.by_tid.iter().copied());
        v.extend(self.iters.iter().copied());
        let mut names: Vec<&&str> = self.exc.keys().collect();
        names.sort();
        v.extend(names.into_iter().map(|n| self.exc[*n]));
        v
    }

    pub fn remap(&mut self, f: &dyn Fn(ObjRef) -> ObjRef) {
        for r in [
            &mut self.object,
            &mut self.type_,
            &mut self.int,
            &mut self.bool_,
            &mut self.float,
            &mut self.str_,
            &mut self.bytes,
            &mut self.tuple,
            &mut self.list,
            &mut self.dict,
            &mut self.set,
            &mut self.frozenset,
            &mut self.none,
            &mut self.notimpl,
            &mut self.ellipsis,
            &mut self.function,
            &mut self.builtin,
            &mut self.range,
            &mut self.generator,
            &mut self.module,
            &mut self.property,
            &mut self.staticmethod,
            &mut self.classmethod,
            &mut self.super_,
            &mut self.slice,
            &mut self.io,
            &mut self.lock,
            &mut self.object_new,
            &mut self.object_init,
            &mut self.object_hash,
        ] {
            *r = f(*r);
        }
        for r in self.by_tid.iter_mut().chain(self.iters.iter_mut()) {
            *r = f(*r);
        }
        for r in self.exc.values_mut() {
            *r = f(*r);
        }
    }
}
