//! `_pystm_hash`: the message digests under `hashlib` (MD5, SHA-1, SHA-2), from the RustCrypto
//! crates. One-shot digests of a whole message, and incremental states kept in a table here,
//! named by an integer handle, for messages fed in many pieces (`hashlib` uses them once a
//! message outgrows its buffer, so that most hash objects never take a table slot). This file
//! never touches the heap but through the `Vm`'s accessors.

use crate::interp::{R, Vm};
use crate::value::Value;
use sha2::Digest;
use std::sync::Mutex;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

/// One digest's running state.
#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

macro_rules! each {
    ($s:expr, $h:ident => $e:expr) => {
        match $s {
            State::Md5($h) => $e,
            State::Sha1($h) => $e,
            State::Sha224($h) => $e,
            State::Sha256($h) => $e,
            State::Sha384($h) => $e,
            State::Sha512($h) => $e,
        }
    };
}

impl State {
    fn update(&mut self, data: &[u8]) {
        each!(self, h => Digest::update(h, data))
    }
    /// The digest so far (the state goes on).
    fn finish(&self) -> Vec<u8> {
        each!(self, h => h.clone().finalize().to_vec())
    }
}

/// Incremental states by handle (a slot is never reused: a handle stays valid for the run).
static STATES: Mutex<Vec<State>> = Mutex::new(Vec::new());

pub fn install(vm: &mut Vm, modules: Value) {
    let d = vm.native_module(modules, "_pystm_hash");
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("_pystm_hash.digest", digest),
        ("_pystm_hash.new", new),
        ("_pystm_hash.update", update),
        ("_pystm_hash.finish", finish),
        ("_pystm_hash.copy", copy),
    ];
    vm.def_builtins(d, fns);
}

fn hasher(name: &str) -> Option<State> {
    Some(match name {
        "md5" => State::Md5(Default::default()),
        "sha1" => State::Sha1(Default::default()),
        "sha224" => State::Sha224(Default::default()),
        "sha256" => State::Sha256(Default::default()),
        "sha384" => State::Sha384(Default::default()),
        "sha512" => State::Sha512(Default::default()),
        _ => return None,
    })
}

fn hasher_arg(vm: &mut Vm, v: Value) -> R<State> {
    let name = vm.arg_str(v, "name")?;
    match hasher(&name) {
        Some(h) => Ok(h),
        None => Err(vm.new_error("ValueError", &format!("unsupported hash type {name}"))),
    }
}

fn data_arg(vm: &mut Vm, v: Value) -> R<Vec<u8>> {
    match crate::builtins::bytes::buffer_bytes(vm, v)? {
        Some(b) => Ok(b),
        None if vm.is_str(v) => Err(vm.new_error("TypeError", "Strings must be encoded before hashing")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("object supporting the buffer API required, not '{tn}'")))
        }
    }
}

fn handle_arg(vm: &mut Vm, v: Value) -> R<usize> {
    let h = vm.index_value(v, "a hash handle")?;
    if h < 0 || h as usize >= STATES.lock().unwrap().len() {
        return Err(vm.new_error("ValueError", "unknown hash handle"));
    }
    Ok(h as usize)
}

/// `digest(name, data)`: the digest of one whole message.
fn digest(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("digest", a, 2, 2)?;
    let mut h = hasher_arg(vm, a[0])?;
    let data = data_arg(vm, a[1])?;
    h.update(&data);
    Ok(vm.new_bytes(&h.finish()))
}

/// `new(name)`: a handle on a fresh incremental state.
fn new(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("new", a, 1, 1)?;
    let h = hasher_arg(vm, a[0])?;
    let mut states = STATES.lock().unwrap();
    states.push(h);
    Ok(Value::int(states.len() as i64 - 1))
}

fn update(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("update", a, 2, 2)?;
    let h = handle_arg(vm, a[0])?;
    let data = data_arg(vm, a[1])?;
    STATES.lock().unwrap()[h].update(&data);
    Ok(Value::NONE)
}

/// `finish(handle)`: the digest of what the state has seen (the state goes on).
fn finish(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("finish", a, 1, 1)?;
    let h = handle_arg(vm, a[0])?;
    let d = STATES.lock().unwrap()[h].finish();
    Ok(vm.new_bytes(&d))
}

/// `copy(handle)`: a new handle on a copy of the state.
fn copy(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("copy", a, 1, 1)?;
    let h = handle_arg(vm, a[0])?;
    let mut states = STATES.lock().unwrap();
    let c = states[h].clone();
    states.push(c);
    Ok(Value::int(states.len() as i64 - 1))
}
