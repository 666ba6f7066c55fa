//! The compiled-code cache (pystm's `__pycache__`): the code objects compiled from a module's
//! source are written (in the binary format of `wire.rs`) to a file named by a hash of the
//! source and its file name, and read back instead of compiling when the source, the file name
//! and the `pystm` executable all match the file's. Imports and the prelude
//! use it; `exec`, `eval` and the main script are compiled every time, as in CPython.
//!
//! The cache lives in `$PYSTM_CACHE_DIR`, else `$XDG_CACHE_HOME/pystm`, else
//! `~/.cache/pystm`; `PYSTM_CACHE_DIR=` (empty) turns it off, and `PYTHONDONTWRITEBYTECODE`
//! stops writes for modules read from files (pystm's shipped modules and prelude, which stand
//! for CPython's frozen modules, are cached still). A file is trusted only if it parses completely and repeats the source's hash,
//! length and file name and the executable's identity (any rebuild of `pystm` changes it); a
//! file that fails any check is ignored and the source compiled. Writes go through a temporary
//! file renamed into place, so concurrent runs never see half a file. Failing to read or write
//! the cache is never an error. This file never touches the heap.

use super::code::{self, Code, Const, Handler, Op, Pos, Source};
use std::hash::Hasher;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

const MAGIC: &str = "pystm-code-1";

/// `BigInt` constants as decimal text.
pub mod bigint_text {
    use num_bigint::BigInt;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &BigInt, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BigInt, D::Error> {
        let t = String::deserialize(d)?;
        t.parse().map_err(serde::de::Error::custom)
    }
}

/// Float constants by their bits (NaN payloads and -0.0 survive any format).
pub mod f64_bits {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(v.to_bits())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(f64::from_bits(u64::deserialize(d)?))
    }
}

/// One code object as stored: a `Const::Code(i)` names the `i`-th code of the file (children
/// come before their parents).
#[derive(serde::Serialize, serde::Deserialize)]
struct CodeImage {
    name: String,
    qualname: String,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    cell2arg: Vec<Option<u32>>,
    freevars: Vec<String>,
    names: Vec<String>,
    consts: Vec<Const>,
    ops: Vec<Op>,
    lines: Vec<u32>,
    positions: Vec<Pos>,
    handler_of: Vec<u32>,
    handlers: Vec<Handler>,
    stacksize: u32,
    docstring: Option<String>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Image {
    magic: String,
    exe: (u64, u64),
    source_hash: u64,
    source_len: usize,
    filename: String,
    codes: Vec<CodeImage>,
}

/// The code compiled from `text` before, if the cache has it.
pub fn load(text: &str, filename: &str) -> Option<u32> {
    let path = file_for(text, filename)?;
    let bytes = std::fs::read(path).ok()?;
    let img: Image = super::wire::from_slice(&bytes).ok()?;
    if img.magic != MAGIC
        || img.exe != exe_identity()?
        || img.source_hash != source_hash(text)
        || img.source_len != text.len()
        || img.filename != filename
        || img.codes.is_empty()
    {
        return None;
    }
    check(&img.codes)?;
    let source = Arc::new(Source { filename: filename.to_string(), text: text.to_string() });
    let mut ids: Vec<u32> = Vec::with_capacity(img.codes.len());
    for c in img.codes {
        let consts = c
            .consts
            .into_iter()
            .map(|k| match k {
                Const::Code(i) => Const::Code(ids[i as usize]),
                other => other,
            })
            .collect();
        let nops = c.ops.len();
        ids.push(code::register(Code {
            name: c.name,
            qualname: c.qualname,
            source: source.clone(),
            firstlineno: c.firstlineno,
            argcount: c.argcount,
            posonlyargcount: c.posonlyargcount,
            kwonlyargcount: c.kwonlyargcount,
            flags: c.flags,
            varnames: c.varnames,
            cellvars: c.cellvars,
            cell2arg: c.cell2arg,
            freevars: c.freevars,
            names: c.names,
            consts,
            fast: code::superinstructions(&c.ops),
            ops: c.ops,
            lines: c.lines,
            positions: c.positions,
            handler_of: c.handler_of,
            handlers: c.handlers,
            stacksize: c.stacksize,
            docstring: c.docstring,
            icache: code::new_icache(nops),
            method_sites: Default::default(),
            load_sites: Default::default(),
            id: u32::MAX,
        }));
    }
    ids.last().copied()
}

/// What `load` relies on beyond parsing: per-instruction tables as long as the code, nested
/// codes named before their parents, handlers and jumps inside the code.
fn check(codes: &[CodeImage]) -> Option<()> {
    for (i, c) in codes.iter().enumerate() {
        let n = c.ops.len();
        if c.lines.len() != n || c.positions.len() != n || c.handler_of.len() != n || n == 0 {
            return None;
        }
        if c.handler_of.iter().any(|&h| h != u32::MAX && h as usize >= c.handlers.len())
            || c.handlers.iter().any(|h| h.target as usize >= n)
        {
            return None;
        }
        if c.consts.iter().any(|k| matches!(k, Const::Code(j) if *j as usize >= i)) {
            return None;
        }
        if c.cell2arg.len() != c.cellvars.len() {
            return None;
        }
    }
    Some(())
}

/// Writes the code `root` (compiled from `text`) to the cache, if there is one.
pub fn store(root: u32, text: &str, filename: &str) {
    // (pystm's own modules, "<frozen …>" and the prelude, stand for CPython's frozen modules,
    // whose bytecode is never a file the user asked not to have.)
    if !filename.starts_with('<') && std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty()) {
        return;
    }
    let (Some(path), Some(exe)) = (file_for(text, filename), exe_identity()) else { return };
    let mut codes = Vec::new();
    image_of(root, &mut codes);
    let img = Image {
        magic: MAGIC.to_string(),
        exe,
        source_hash: source_hash(text),
        source_len: text.len(),
        filename: filename.to_string(),
        codes,
    };
    let Ok(bytes) = super::wire::to_vec(&img) else { return };
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Appends code `id` to `out` after the codes it contains; returns its index there.
fn image_of(id: u32, out: &mut Vec<CodeImage>) -> u32 {
    let c = code::get(id);
    let consts = c
        .consts
        .iter()
        .map(|k| match k {
            Const::Code(inner) => Const::Code(image_of(*inner, out)),
            other => other.clone(),
        })
        .collect();
    out.push(CodeImage {
        name: c.name.clone(),
        qualname: c.qualname.clone(),
        firstlineno: c.firstlineno,
        argcount: c.argcount,
        posonlyargcount: c.posonlyargcount,
        kwonlyargcount: c.kwonlyargcount,
        flags: c.flags,
        varnames: c.varnames.clone(),
        cellvars: c.cellvars.clone(),
        cell2arg: c.cell2arg.clone(),
        freevars: c.freevars.clone(),
        names: c.names.clone(),
        consts,
        ops: c.ops.clone(),
        lines: c.lines.clone(),
        positions: c.positions.clone(),
        handler_of: c.handler_of.clone(),
        handlers: c.handlers.clone(),
        stacksize: c.stacksize,
        docstring: c.docstring.clone(),
    });
    (out.len() - 1) as u32
}

fn source_hash(text: &str) -> u64 {
    let mut h = stm::fxhash::FxHasher::default();
    h.write(text.as_bytes());
    h.write_usize(text.len());
    h.finish()
}

/// The running executable's size and modification time (nanoseconds): a rebuilt `pystm` has
/// other ones, so its caches are not read.
fn exe_identity() -> Option<(u64, u64)> {
    static ID: OnceLock<Option<(u64, u64)>> = OnceLock::new();
    *ID.get_or_init(|| {
        let m = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
        let t = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some((m.len(), t.as_nanos() as u64))
    })
}

fn cache_dir() -> Option<PathBuf> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        if let Some(d) = std::env::var_os("PYSTM_CACHE_DIR") {
            return (!d.is_empty()).then(|| PathBuf::from(d));
        }
        if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(d).join("pystm"));
        }
        let home = std::env::var_os("HOME").filter(|d| !d.is_empty())?;
        Some(PathBuf::from(home).join(".cache").join("pystm"))
    })
    .clone()
}

/// The cache file for this source, named by a hash of the file name and source (not of the
/// executable: a rebuilt `pystm` overwrites its predecessor's file instead of adding one).
fn file_for(text: &str, filename: &str) -> Option<PathBuf> {
    let dir = cache_dir()?;
    let mut h = stm::fxhash::FxHasher::default();
    h.write(filename.as_bytes());
    h.write_u64(source_hash(text));
    Some(dir.join(format!("{:016x}.code", h.finish())))
}
