//! The modules built into the binary: `sys`, `math`, `time`, and the text/binary stream
//! objects behind `sys.stdout`, `sys.stderr`, `sys.stdin` and `open()` (a Rust-side file table;
//! Python objects hold an index). Every write or read makes the running transaction
//! inevitable first, so that I/O never happens twice.

use crate::builtins::bytes::Codec;
use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::runtime::Types;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::io::{BufRead, Read, Write};
use std::sync::Mutex;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

enum Stream {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    Stderr,
    Stdin(std::io::BufReader<std::io::Stdin>),
    Reader(std::io::BufReader<std::fs::File>),
    Writer(std::io::BufWriter<std::fs::File>),
    /// A file opened for reading and writing ("+" modes): reads are buffered, a write first
    /// drops what was read ahead (so it lands at the position the program sees), then goes
    /// straight to the file.
    Both(std::io::BufReader<std::fs::File>),
}

/// Writes `data` to a "+" file at the position its reader has reached.
fn write_both(r: &mut std::io::BufReader<std::fs::File>, data: &[u8]) -> std::io::Result<()> {
    use std::io::Seek;
    let pos = r.stream_position()?;
    r.seek(std::io::SeekFrom::Start(pos))?;
    r.get_mut().write_all(data)
}

struct FileSlot {
    stream: Option<Stream>,
    binary: bool,
    /// A text file's encoding (`open(encoding=)`: UTF-8, ASCII or Latin-1) and error handler.
    text: TextCodec,
}

/// How a text file's characters are stored: `open()`'s `encoding` and `errors`.
#[derive(Clone, Default)]
struct TextCodec {
    /// UTF-8 when None.
    codec: Option<Codec>,
    errors: Option<String>,
    /// `utf-8-sig` before the first read or write: a byte-order mark to skip or to write.
    bom_pending: bool,
}

static FILES: Mutex<Vec<FileSlot>> = Mutex::new(Vec::new());
static UNBUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Flushes stdout (at exit, before reading input).
pub fn flush_all() {
    let mut f = FILES.lock().unwrap();
    for s in f.iter_mut() {
        match &mut s.stream {
            Some(Stream::Stdout(w)) => {
                let _ = w.flush();
            }
            Some(Stream::Writer(w)) => {
                let _ = w.flush();
            }
            _ => {}
        }
    }
}

pub fn install(vm: &mut Vm, t: &mut Types, builtins: Value, modules: Value) -> Value {
    UNBUFFERED.store(vm.rt.options.unbuffered, std::sync::atomic::Ordering::Relaxed);
    {
        let mut f = FILES.lock().unwrap();
        f.clear();
        f.push(FileSlot {
            stream: Some(Stream::Stdin(std::io::BufReader::new(std::io::stdin()))),
            binary: false,
            text: TextCodec::default(),
        });
        f.push(FileSlot {
            stream: Some(Stream::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()))),
            binary: false,
            text: TextCodec::default(),
        });
        f.push(FileSlot { stream: Some(Stream::Stderr), binary: false, text: TextCodec::default() });
    }
    // The stream class.
    let d = vm.new_dict();
    let m = vm.new_str("_io");
    let io = vm.new_class("TextIOWrapper", &[t.object], d, tid::INSTANCE, CLSF_BUILTIN, m).expect("class");
    for (n, f) in [
        ("TextIOWrapper.write", file_write as crate::runtime::BuiltinFn),
        ("TextIOWrapper.writelines", file_writelines),
        ("TextIOWrapper.read", file_read),
        ("TextIOWrapper.readline", file_readline),
        ("TextIOWrapper.readlines", file_readlines),
        ("TextIOWrapper.flush", file_flush),
        ("TextIOWrapper.seek", file_seek),
        ("TextIOWrapper.tell", file_tell),
        ("TextIOWrapper.seekable", file_seekable),
        ("TextIOWrapper.readable", file_readable),
        ("TextIOWrapper.writable", file_writable),
        ("TextIOWrapper.close", file_close),
        ("TextIOWrapper.fileno", file_fileno),
        ("TextIOWrapper.isatty", file_isatty),
        ("TextIOWrapper.__enter__", file_enter),
        ("TextIOWrapper.__exit__", file_exit),
        ("TextIOWrapper.__iter__", file_enter),
        ("TextIOWrapper.__next__", file_next),
    ] {
        vm.def_method(io, n, f);
    }
    t.io = io;

    let sys = vm.new_module("sys");
    let sd = vm.ld(sys.as_obj(), MOD_DICT);
    let opts = vm.rt.options.clone();
    let argv: Vec<Value> = opts.argv.iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(&argv);
    vm.def_value(sd, "argv", argv);
    let mut path = vec![opts.path0.clone()];
    if let Ok(p) = std::env::var("PYTHONPATH") {
        path.extend(p.split(':').filter(|s| !s.is_empty()).map(String::from));
    }
    let path: Vec<Value> = path.iter().map(|p| vm.new_str(p)).collect();
    let path = vm.new_list(&path);
    vm.def_value(sd, "path", path);
    vm.def_value(sd, "modules", modules);
    for (name, fid, mode) in [("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")] {
        let f = new_file_obj(vm, io, fid, &format!("<{name}>"), mode);
        vm.def_value(sd, name, f);
        vm.def_value(sd, &format!("__{name}__"), f);
    }
    let vi: Vec<Value> = vec![Value::int(3), Value::int(11), Value::int(7), vm.new_str("final"), Value::int(0)];
    let vi = vm.new_tuple(&vi);
    let vd = vm.new_dict();
    for (n, f) in [
        ("version_info.major", vi_major as crate::runtime::BuiltinFn),
        ("version_info.minor", vi_minor),
        ("version_info.micro", vi_micro),
        ("version_info.releaselevel", vi_releaselevel),
        ("version_info.serial", vi_serial),
    ] {
        let g = vm.new_builtin(n, f);
        let p = vm.new_fixed(tid::PROPERTY, 48, &[g, Value::NONE, Value::NONE, Value::NONE]);
        vm.def_value(vd, n.rsplit('.').next().unwrap(), p);
    }
    vm.def_builtin(vd, "version_info.__repr__", vi_repr);
    let sm = vm.new_str("sys");
    let vic = vm.new_class("version_info", &[t.tuple], vd, tid::INSTANCE, 0, sm).expect("class");
    let vio = vm.new_instance(vic);
    vm.init(vio.as_obj(), INST_NATIVE, vi);
    let vi = vio;
    vm.def_value(sd, "version_info", vi);
    let ver = vm.new_str(&format!("3.11.7 (pystm {}) [Rust]", env!("CARGO_PKG_VERSION")));
    vm.def_value(sd, "version", ver);
    vm.def_value(sd, "hexversion", Value::int(0x030b07f0));
    let big = crate::objects::int::big_to_value(vm, &BigInt::from(i64::MAX));
    vm.def_value(sd, "maxsize", big);
    vm.def_value(sd, "maxunicode", Value::int(0x10ffff));
    let s = vm.new_str("linux");
    vm.def_value(sd, "platform", s);
    let s = vm.new_str("little");
    vm.def_value(sd, "byteorder", s);
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    let s = vm.new_str(&exe);
    vm.def_value(sd, "executable", s);
    let imp = vm.new_module("implementation");
    let idict = vm.ld(imp.as_obj(), MOD_DICT);
    let n = vm.new_str("pystm");
    vm.def_value(idict, "name", n);
    let cache = vm.new_str("pystm-311");
    vm.def_value(idict, "cache_tag", cache);
    vm.def_value(idict, "version", vi);
    vm.def_value(sd, "implementation", imp);
    let xo = vm.new_dict();
    for (k, v) in &opts.xoptions {
        let k = vm.new_str(k);
        let v = match v {
            Some(v) => vm.new_str(v),
            None => Value::TRUE,
        };
        vm.dict_set(xo, k, v).expect("dict");
    }
    vm.def_value(sd, "_xoptions", xo);
    let fi = vm.new_module("float_info");
    let fd = vm.ld(fi.as_obj(), MOD_DICT);
    for (n, v) in [("max", f64::MAX), ("min", f64::MIN_POSITIVE), ("epsilon", f64::EPSILON)] {
        let f = vm.new_float(v);
        vm.def_value(fd, n, f);
    }
    for (n, v) in [
        ("dig", 15),
        ("mant_dig", 53),
        ("max_exp", 1024),
        ("min_exp", -1021),
        ("max_10_exp", 308),
        ("min_10_exp", -307),
        ("radix", 2),
        ("rounds", 1),
    ] {
        vm.def_value(fd, n, Value::int(v));
    }
    vm.def_value(sd, "float_info", fi);
    // The numeric hash's parameters (pystm hashes numbers as CPython does, modulo 2**61 - 1).
    let hi = vm.new_module("hash_info");
    let hd = vm.ld(hi.as_obj(), MOD_DICT);
    for (n, v) in [
        ("width", 64),
        ("modulus", (1i64 << 61) - 1),
        ("inf", 314159),
        ("nan", 0),
        ("imag", 1000003),
        ("hash_bits", 64),
        ("seed_bits", 128),
        ("cutoff", 0),
    ] {
        vm.def_value(hd, n, Value::int(v));
    }
    let alg = vm.new_str("siphash13");
    vm.def_value(hd, "algorithm", alg);
    vm.def_value(sd, "hash_info", hi);
    for (n, f) in [
        ("sys.exit", sys_exit as crate::runtime::BuiltinFn),
        ("sys.getrecursionlimit", sys_getrecursionlimit),
        ("sys.setrecursionlimit", sys_setrecursionlimit),
        ("sys.exc_info", sys_exc_info),
        ("sys.exception", sys_exception),
        ("sys.intern", sys_intern),
        ("sys.getsizeof", sys_getsizeof),
        ("sys._is_gil_enabled", sys_is_gil_enabled),
        ("sys.excepthook", sys_excepthook),
        ("sys.__excepthook__", sys_excepthook),
        ("sys.getdefaultencoding", sys_getdefaultencoding),
        ("sys.set_int_max_str_digits", sys_set_int_max_str_digits),
        ("sys.get_int_max_str_digits", sys_get_int_max_str_digits),
        ("sys.audit", sys_audit),
        ("sys.addaudithook", sys_addaudithook),
    ] {
        vm.def_builtin(sd, n, f);
    }
    let hooks = vm.new_list(&[]);
    vm.def_value(sd, "_pystm_audit_hooks", hooks);
    // (pystm takes no -W options.)
    let warnoptions = vm.new_list(&[]);
    vm.def_value(sd, "warnoptions", warnoptions);
    // sys._jit, as in CPython 3.13: is_available(), is_enabled(), is_active().
    let sys_jit = vm.new_module("sys._jit");
    let jd = vm.ld(sys_jit.as_obj(), MOD_DICT);
    for (n, f) in [
        ("sys._jit.is_available", jit_is_available as crate::runtime::BuiltinFn),
        ("sys._jit.is_enabled", jit_is_enabled),
        ("sys._jit.is_active", jit_is_active),
    ] {
        vm.def_builtin(jd, n, f);
    }
    vm.def_value(sd, "_jit", sys_jit);
    let bk = vm.new_str("builtins");
    let bmod = vm.new_fixed(tid::MODULE, 32, &[bk, builtins]);
    vm.dict_set(modules, bk, bmod).expect("dict");
    let sk = vm.new_str("sys");
    vm.dict_set(modules, sk, sys).expect("dict");

    // math
    let math = vm.new_module("math");
    let md = vm.ld(math.as_obj(), MOD_DICT);
    for (n, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.new_float(v);
        vm.def_value(md, n, f);
    }
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("math.sqrt", m_sqrt),
        ("math.sin", m_sin),
        ("math.cos", m_cos),
        ("math.tan", m_tan),
        ("math.asin", m_asin),
        ("math.acos", m_acos),
        ("math.atan", m_atan),
        ("math.sinh", m_sinh),
        ("math.cosh", m_cosh),
        ("math.tanh", m_tanh),
        ("math.asinh", m_asinh),
        ("math.acosh", m_acosh),
        ("math.atanh", m_atanh),
        ("math.exp", m_exp),
        ("math.expm1", m_expm1),
        ("math.log1p", m_log1p),
        ("math.log2", m_log2),
        ("math.log10", m_log10),
        ("math.fabs", m_fabs),
        ("math.degrees", m_degrees),
        ("math.radians", m_radians),
        ("math.erf", m_erf),
        ("math.erfc", m_erfc),
        ("math.gamma", m_gamma),
        ("math.lgamma", m_lgamma),
        ("math.log", m_log),
        ("math.atan2", m_atan2),
        ("math.pow", m_pow),
        ("math.fmod", m_fmod),
        ("math.copysign", m_copysign),
        ("math.hypot", m_hypot),
        ("math.floor", m_floor),
        ("math.ceil", m_ceil),
        ("math.trunc", m_trunc),
        ("math.isnan", m_isnan),
        ("math.isinf", m_isinf),
        ("math.isfinite", m_isfinite),
        ("math.isclose", m_isclose),
        ("math.gcd", m_gcd),
        ("math.lcm", m_lcm),
        ("math.factorial", m_factorial),
        ("math.comb", m_comb),
        ("math.perm", m_perm),
        ("math.isqrt", m_isqrt),
        ("math.fsum", m_fsum),
        ("math.prod", m_prod),
        ("math.modf", m_modf),
        ("math.frexp", m_frexp),
        ("math.ldexp", m_ldexp),
        ("math.dist", m_dist),
        ("math.remainder", m_remainder),
        ("math.nextafter", m_nextafter),
        ("math.ulp", m_ulp),
        ("math.cbrt", m_cbrt),
        ("math.exp2", m_exp2),
    ];
    vm.def_builtins(md, fns);
    let mk = vm.new_str("math");
    vm.dict_set(modules, mk, math).expect("dict");

    // time
    let time = vm.new_module("time");
    let td = vm.ld(time.as_obj(), MOD_DICT);
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("time.time", t_time),
        ("time.time_ns", t_time_ns),
        ("time.perf_counter", t_perf_counter),
        ("time.perf_counter_ns", t_perf_counter_ns),
        ("time.monotonic", t_perf_counter),
        ("time.monotonic_ns", t_perf_counter_ns),
        ("time.process_time", t_process_time),
        ("time.sleep", super::concurrency::sleep),
        ("time._tm", t_tm),
        ("time._mktime", t_mktime),
        ("time._strftime", t_strftime),
    ];
    vm.def_builtins(td, fns);
    // The zone of local time (`struct_time`, `gmtime`, `localtime`, `strftime` and the rest are
    // Python, in the prelude, on `_tm`, `_mktime` and `_strftime`).
    let (tz, alt, daylight, names) = local_zone();
    vm.def_value(td, "timezone", Value::int(tz));
    vm.def_value(td, "altzone", Value::int(alt));
    vm.def_value(td, "daylight", Value::int(daylight));
    let names = [vm.new_str(&names.0), vm.new_str(&names.1)];
    let names = vm.new_tuple(&names);
    vm.def_value(td, "tzname", names);
    let tk = vm.new_str("time");
    vm.dict_set(modules, tk, time).expect("dict");
    sys
}

fn new_file_obj(vm: &mut Vm, cls: stm::ObjRef, fid: usize, name: &str, mode: &str) -> Value {
    let o = vm.new_instance(cls);
    let n = vm.new_str(name);
    let m = vm.new_str(mode);
    let _ = vm.set_attr_str_init(o, "_fid", Value::int(fid as i64));
    let _ = vm.set_attr_str_init(o, "name", n);
    let _ = vm.set_attr_str_init(o, "mode", m);
    let _ = vm.set_attr_str_init(o, "closed", Value::FALSE);
    o
}

impl Vm {
    /// Sets an attribute by name without going through `Vm::s` (usable during start-up).
    pub fn set_attr_str_init(&mut self, o: Value, name: &str, v: Value) -> R<()> {
        let k = self.new_name_str(name);
        self.instance_set(o.as_obj(), k, v)
    }

    pub fn sys_attr(&mut self, name: &str) -> R<Value> {
        let sys = Value::obj(self.rt.globals().sys);
        match self.getattr_str(sys, name) {
            Ok(v) => Ok(v),
            Err(Unwind::Exc(_)) => Err(self.new_error("RuntimeError", &format!("lost sys.{name}"))),
            Err(e) => Err(e),
        }
    }

    /// Makes the running transaction inevitable (it will never abort), writing the console
    /// output it kept so far.
    pub fn become_inevitable(&mut self) -> R<()> {
        if self.m.thread().in_transaction() && !self.m.th().is_inevitable() {
            self.m.thread().become_inevitable().map_err(|_| Unwind::Abort)?;
            self.undo.clear();
            self.write_output();
        }
        Ok(())
    }

    /// Writes to a native stream: console output of a transaction that may still abort is
    /// kept for its commit (unless the console is a terminal or unbuffered: then the
    /// transaction becomes inevitable and writes at once, as does any file write).
    fn write_native(&mut self, fid: usize, data: &[u8]) -> R<()> {
        let console = fid == 1 || fid == 2;
        if console
            && self.m.th().in_transaction()
            && !self.m.th().is_inevitable()
            && !UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed)
            && !console_is_tty()
            && self.out_pending.iter().map(|(_, b)| b.len()).sum::<usize>() < OUTPUT_KEPT_MAX
            && FILES.lock().unwrap().get(fid).is_some_and(|f| f.stream.is_some())
        {
            self.buffer_output(fid, data);
            return Ok(());
        }
        self.become_inevitable()?;
        write_fid(self, fid, data)
    }

    fn file_id(&mut self, f: Value) -> R<Option<usize>> {
        if self.tid_of(f) != tid::INSTANCE || self.type_of(f) != self.types().io {
            return Ok(None);
        }
        let k = self.s("_fid");
        Ok(self.instance_get(f.as_obj(), k)?.map(|v| v.as_int() as usize))
    }

    /// Writes text to a file object (the native streams directly, anything else by `write`).
    pub fn write_to(&mut self, file: Value, s: &str) -> R<()> {
        match self.file_id(file)? {
            Some(fid) => self.write_native(fid, s.as_bytes()),
            None => {
                let w = self.getattr_str(file, "write")?;
                let sv = self.new_str(s);
                self.call_value(w, &[sv], &[])?;
                Ok(())
            }
        }
    }
}

fn closed_error(vm: &mut Vm) -> Unwind {
    vm.new_error("ValueError", "I/O operation on closed file.")
}

fn write_fid(vm: &mut Vm, fid: usize, data: &[u8]) -> R<()> {
    let unbuffered = UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed);
    let r = {
        let mut files = FILES.lock().unwrap();
        match files.get_mut(fid).and_then(|f| f.stream.as_mut()) {
            Some(Stream::Stdout(w)) => {
                let r = w.write_all(data);
                if unbuffered || data.contains(&b'\n') && stdout_is_tty() { w.flush().and(r) } else { r }
            }
            Some(Stream::Stderr) => {
                if let Some(Stream::Stdout(w)) = files.get_mut(1).and_then(|f| f.stream.as_mut()) {
                    let _ = w.flush();
                }
                std::io::stderr().write_all(data)
            }
            Some(Stream::Writer(w)) => w.write_all(data),
            Some(Stream::Both(r)) => write_both(r, data),
            Some(_) => return Err(vm.new_error("OSError", "not writable")),
            None => return Err(closed_error(vm)),
        }
    };
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Err(vm.new_error("BrokenPipeError", "[Errno 32] Broken pipe"))
        }
        Err(e) => Err(vm.new_error("OSError", &e.to_string())),
    }
}

/// Console output one transaction keeps at most; past it, the transaction becomes inevitable.
const OUTPUT_KEPT_MAX: usize = 1 << 20;

/// Writes output kept by a committed transaction (errors are ignored, as for a flush at exit).
pub fn write_raw(fid: usize, data: &[u8]) {
    let unbuffered = UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed);
    let mut files = FILES.lock().unwrap();
    match files.get_mut(fid).and_then(|f| f.stream.as_mut()) {
        Some(Stream::Stdout(w)) => {
            let _ = w.write_all(data);
            if unbuffered {
                let _ = w.flush();
            }
        }
        Some(Stream::Stderr) => {
            if let Some(Stream::Stdout(w)) = files.get_mut(1).and_then(|f| f.stream.as_mut()) {
                let _ = w.flush();
            }
            let _ = std::io::stderr().write_all(data);
        }
        Some(Stream::Writer(w)) => {
            let _ = w.write_all(data);
        }
        _ => {}
    }
}

/// Whether stdout or stderr is a terminal (checked once).
fn console_is_tty() -> bool {
    static TTY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    // SAFETY: isatty only inspects the descriptor.
    *TTY.get_or_init(|| unsafe { libc_isatty(1) || libc_isatty(2) })
}

fn stdout_is_tty() -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc_isatty(1) }
}

unsafe fn libc_isatty(fd: i32) -> bool {
    unsafe extern "C" {
        fn isatty(fd: i32) -> i32;
    }
    // SAFETY: plain libc call on a descriptor number.
    unsafe { isatty(fd) == 1 }
}

pub fn flush_stdout(vm: &mut Vm) -> R<()> {
    let _ = vm;
    flush_all();
    Ok(())
}

/// One line from stdin (None at EOF).
pub fn read_stdin_line(vm: &mut Vm) -> R<Option<String>> {
    vm.become_inevitable()?;
    let mut files = FILES.lock().unwrap();
    let Some(Some(Stream::Stdin(r))) = files.get_mut(0).map(|f| f.stream.as_mut()) else {
        return Ok(None);
    };
    let mut line = String::new();
    match r.read_line(&mut line) {
        Ok(0) => Ok(None),
        Ok(_) => Ok(Some(line)),
        Err(_) => Ok(None),
    }
}

pub fn open(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let file = a.first().copied().or_else(|| vm.kwarg(kw, "file")).unwrap_or(Value::NULL);
    let mode = a.get(1).copied().or_else(|| vm.kwarg(kw, "mode"));
    if file.is_null() {
        return Err(vm.new_error("TypeError", "open() missing required argument 'file' (pos 1)"));
    }
    let mode = match mode {
        Some(m) => vm.arg_str(m, "open() argument 'mode'")?,
        None => "r".into(),
    };
    let binary = mode.contains('b');
    let valid =
        mode.chars().all(|c| "rwaxbt+".contains(c)) && mode.chars().filter(|c| "rwax".contains(*c)).count() == 1;
    if !valid {
        return Err(vm.new_error("ValueError", &format!("invalid mode: '{mode}'")));
    }
    let text = text_codec(vm, a, kw, binary)?;
    // A file descriptor (closed with the file unless closefd=False), or a path, opened by
    // `opener(path, flags)` when one is given.
    let closefd = match vm.kwarg(kw, "closefd") {
        Some(c) => vm.truthy(c)?,
        None => true,
    };
    let opener = vm.kwarg(kw, "opener").filter(|o| *o != Value::NONE);
    let (path, fd) = match vm.small_int(file) {
        Some(fd) => (fd.to_string(), Some(fd)),
        _ => {
            let Some(path) = crate::builtins::posix::fspath(vm, file)? else {
                let tn = vm.type_name(file);
                return Err(vm.new_error("TypeError", &format!("expected str, bytes or os.PathLike object, not {tn}")));
            };
            if !closefd {
                return Err(vm.new_error("ValueError", "Cannot use closefd=False with file name"));
            }
            let fd = match opener {
                Some(op) => {
                    let flags = open_flags(&mode);
                    let r = vm.call_value(op, &[file, Value::int(flags as i64)], &[])?;
                    match vm.small_int(r) {
                        Some(fd) if fd >= 0 => Some(fd),
                        _ => {
                            let r = vm.repr_string(r)?;
                            return Err(vm.new_error("ValueError", &format!("opener returned {r}")));
                        }
                    }
                }
                None => None,
            };
            (path, fd)
        }
    };
    vm.become_inevitable()?;
    let res = match fd {
        Some(fd) => file_of_fd(fd, closefd),
        None => open_path(&path, &mode),
    };
    let res = res.map(|f| {
        if mode.contains('+') {
            Stream::Both(std::io::BufReader::new(f))
        } else if mode.contains('r') {
            Stream::Reader(std::io::BufReader::new(f))
        } else {
            Stream::Writer(std::io::BufWriter::new(f))
        }
    });
    let stream = match res {
        Ok(s) => s,
        Err(e) => return Err(super::posix::os_error(vm, &e, Some(file))),
    };
    let fid = {
        let mut files = FILES.lock().unwrap();
        files.push(FileSlot { stream: Some(stream), binary, text });
        files.len() - 1
    };
    let io = vm.types().io;
    Ok(new_file_obj(vm, io, fid, &path, &mode))
}

/// `open()`'s `encoding` and `errors` (arguments 4 and 5): None is UTF-8. Encodings whose
/// characters are not whole bytes in a line-oriented way (UTF-16, UTF-32) are refused rather
/// than misread.
fn text_codec(vm: &mut Vm, a: A, kw: K, binary: bool) -> R<TextCodec> {
    let arg =
        |vm: &Vm, i: usize, name: &str| a.get(i).copied().or_else(|| vm.kwarg(kw, name)).filter(|v| *v != Value::NONE);
    let (encoding, errors) = (arg(vm, 3, "encoding"), arg(vm, 4, "errors"));
    if binary {
        for (v, what) in [(encoding, "encoding"), (errors, "errors")] {
            if v.is_some() {
                return Err(vm.new_error("ValueError", &format!("binary mode doesn't take an {what} argument")));
            }
        }
        return Ok(TextCodec::default());
    }
    let errors = match errors {
        Some(e) => Some(vm.arg_str(e, "open() argument 'errors'")?),
        None => None,
    };
    let Some(encoding) = encoding else { return Ok(TextCodec { errors, ..Default::default() }) };
    let name = vm.arg_str(encoding, "open() argument 'encoding'")?;
    let norm = name.to_ascii_lowercase().replace('_', "-");
    if norm == "locale" {
        // (pystm's locale is C with UTF-8, as `locale.getpreferredencoding()` says.)
        return Ok(TextCodec { errors, ..Default::default() });
    }
    if norm == "utf-8-sig" || norm == "utf8-sig" {
        return Ok(TextCodec { errors, bom_pending: true, ..Default::default() });
    }
    let codec = match Codec::lookup(&name) {
        Some(Codec::Utf8) => None,
        Some(c @ (Codec::Ascii | Codec::Latin1)) => Some(c),
        Some(c) => {
            let n = c.name();
            return Err(vm.new_error("ValueError", &format!("pystm cannot open text files in '{n}' yet")));
        }
        None => return Err(vm.new_error("LookupError", &format!("unknown encoding: {name}"))),
    };
    Ok(TextCodec { codec, errors, bom_pending: false })
}

/// What a read or write of text file `fid` needs: its encoding and error handler, and whether a
/// `utf-8-sig` mark is still due (due no more after this call); None for a binary file.
fn text_step(fid: usize) -> Option<TextCodec> {
    let mut files = FILES.lock().unwrap();
    let f = files.get_mut(fid).filter(|f| !f.binary)?;
    let t = f.text.clone();
    f.text.bom_pending = false;
    Some(t)
}

/// `errors` as the codecs take it.
fn errors_value(vm: &mut Vm, t: &TextCodec) -> Option<Value> {
    t.errors.as_deref().map(|e| vm.new_str(e))
}

/// Opens `path` as `open()`'s `mode` says.
fn open_path(path: &str, mode: &str) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    let plus = mode.contains('+');
    o.read(plus || mode.contains('r'));
    if mode.contains('w') {
        o.write(true).create(true).truncate(true);
    } else if mode.contains('a') {
        o.append(true).create(true);
    } else if mode.contains('x') {
        o.write(true).create_new(true);
    } else if plus {
        o.write(true);
    }
    let f = o.open(path)?;
    // Opening a directory for reading succeeds on Linux; CPython reports it at open().
    if f.metadata()?.is_dir() {
        return Err(std::io::Error::from_raw_os_error(libc::EISDIR));
    }
    Ok(f)
}

/// The `os.open` flags of an `open()` mode.
fn open_flags(mode: &str) -> i32 {
    let access = if mode.contains('+') {
        libc::O_RDWR
    } else if mode.contains('r') {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    let create = if mode.contains('w') {
        libc::O_CREAT | libc::O_TRUNC
    } else if mode.contains('a') {
        libc::O_CREAT | libc::O_APPEND
    } else if mode.contains('x') {
        libc::O_CREAT | libc::O_EXCL
    } else {
        0
    };
    access | create | libc::O_CLOEXEC
}

/// A `File` for descriptor `fd`: the descriptor itself (the file will close it), or with
/// `closefd` false a duplicate (the caller's stays open).
fn file_of_fd(fd: i64, closefd: bool) -> std::io::Result<std::fs::File> {
    use std::os::fd::FromRawFd;
    let Ok(fd) = i32::try_from(fd) else { return Err(std::io::Error::from_raw_os_error(libc::EBADF)) };
    // SAFETY: fcntl and dup only inspect or duplicate the descriptor number.
    let owned = unsafe {
        if libc::fcntl(fd, libc::F_GETFD) < 0 {
            return Err(std::io::Error::last_os_error());
        }
        if closefd { fd } else { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) }
    };
    if owned < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `owned` is an open descriptor that nothing else in pystm owns: the program gave
    // it to open() to be closed with the file (as CPython's closefd=True), or it is our dup.
    Ok(unsafe { std::fs::File::from_raw_fd(owned) })
}

fn fid_of(vm: &mut Vm, f: Value) -> R<usize> {
    match vm.file_id(f)? {
        Some(i) => Ok(i),
        None => Err(vm.new_error("TypeError", "not a file object")),
    }
}

fn is_binary(fid: usize) -> bool {
    FILES.lock().unwrap().get(fid).map(|f| f.binary).unwrap_or(false)
}

fn file_write(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("write", &a[1..], 1, 1)?;
    let fid = fid_of(vm, a[0])?;
    let text = text_step(fid);
    let data = match &text {
        None => {
            let Some(b) = crate::builtins::bytes::buffer_bytes(vm, a[1])? else {
                let tn = vm.type_name(a[1]);
                return Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{tn}'")));
            };
            b
        }
        Some(t) => {
            if !vm.is_str(a[1]) {
                let tn = vm.type_name(a[1]);
                return Err(vm.new_error("TypeError", &format!("write() argument must be str, not {tn}")));
            }
            let (s, errors) = (vm.str_of(a[1]), errors_value(vm, t));
            let mut b = crate::builtins::bytes::encode_str(vm, &s, t.codec.unwrap_or(Codec::Utf8), errors)?;
            if t.bom_pending {
                b.splice(0..0, *b"\xef\xbb\xbf");
            }
            b
        }
    };
    vm.write_native(fid, &data)?;
    let n = if text.is_none() { data.len() } else { vm.str_len_chars(a[1].as_obj()) };
    Ok(Value::int(n as i64))
}
fn file_writelines(vm: &mut Vm, a: A, _: K) -> R<Value> {
    for x in vm.iter_collect(a[1])? {
        file_write(vm, &[a[0], x], &[])?;
    }
    Ok(Value::NONE)
}

/// How much a read takes from the stream.
#[derive(Clone, Copy)]
enum ReadAmount {
    /// Everything up to the end.
    All,
    /// Up to and including the next newline.
    Line,
    /// Up to this many bytes (binary files) or characters (text files, UTF-8).
    Count(usize),
}

/// Reads from file `fid`; what is not returned stays in the stream for the next read.
fn read_from(vm: &mut Vm, fid: usize, amount: ReadAmount) -> R<Vec<u8>> {
    vm.become_inevitable()?;
    let mut files = FILES.lock().unwrap();
    // (Binary files and single-byte encodings count bytes, not UTF-8 characters.)
    let bytewise = files.get(fid).is_some_and(|f| f.binary || f.text.codec.is_some());
    let r: &mut dyn BufRead = match files.get_mut(fid).and_then(|f| f.stream.as_mut()) {
        Some(Stream::Reader(r)) => r,
        Some(Stream::Both(r)) => r,
        Some(Stream::Stdin(r)) => r,
        Some(_) => {
            drop(files);
            return Err(vm.new_error("OSError", "not readable"));
        }
        None => {
            drop(files);
            return Err(closed_error(vm));
        }
    };
    let mut out = Vec::new();
    let res = match amount {
        ReadAmount::All => r.read_to_end(&mut out).map(|_| ()),
        ReadAmount::Line => r.read_until(b'\n', &mut out).map(|_| ()),
        ReadAmount::Count(n) if bytewise => r.take(n as u64).read_to_end(&mut out).map(|_| ()),
        ReadAmount::Count(n) => read_chars(r, n, &mut out),
    };
    drop(files);
    res.map_err(|e| super::posix::os_error(vm, &e, None))?;
    Ok(out)
}

/// Reads up to `n` UTF-8 characters (a malformed sequence counts its bytes one by one; the
/// decoder reports it).
fn read_chars(r: &mut dyn BufRead, n: usize, out: &mut Vec<u8>) -> std::io::Result<()> {
    for _ in 0..n {
        let mut b = [0u8; 1];
        if r.read(&mut b)? == 0 {
            break;
        }
        out.push(b[0]);
        let more = match b[0] {
            0xc0..=0xdf => 1,
            0xe0..=0xef => 2,
            0xf0..=0xf7 => 3,
            _ => 0,
        };
        for _ in 0..more {
            let buf = r.fill_buf()?;
            match buf.first() {
                Some(&c) if c & 0xc0 == 0x80 => {
                    out.push(c);
                    r.consume(1);
                }
                _ => break,
            }
        }
    }
    Ok(())
}

fn read_line(vm: &mut Vm, fid: usize) -> R<Vec<u8>> {
    read_from(vm, fid, ReadAmount::Line)
}

fn to_text(vm: &mut Vm, fid: usize, b: Vec<u8>) -> R<Value> {
    let Some(t) = text_step(fid) else { return Ok(vm.new_bytes(&b)) };
    let b = if t.bom_pending { b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&b) } else { &b };
    let errors = errors_value(vm, &t);
    let s = crate::builtins::bytes::decode_bytes(vm, b, t.codec.unwrap_or(Codec::Utf8), errors)?;
    Ok(vm.new_str(&s))
}

fn file_read(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    let amount = match a.get(1).copied() {
        None => ReadAmount::All,
        Some(v) if v == Value::NONE => ReadAmount::All,
        Some(v) => match vm.small_int(v) {
            Some(n) if n >= 0 => ReadAmount::Count(n as usize),
            Some(_) => ReadAmount::All,
            None => {
                let t = vm.type_name(v);
                return Err(vm.new_error("TypeError", &format!("argument should be integer or None, not '{t}'")));
            }
        },
    };
    let b = read_from(vm, fid, amount)?;
    to_text(vm, fid, b)
}
fn file_readline(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    let b = read_line(vm, fid)?;
    to_text(vm, fid, b)
}
fn file_readlines(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    let mut out = Vec::new();
    loop {
        let b = read_line(vm, fid)?;
        if b.is_empty() {
            break;
        }
        out.push(to_text(vm, fid, b)?);
    }
    Ok(vm.new_list(&out))
}
fn file_next(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    let b = read_line(vm, fid)?;
    if b.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    to_text(vm, fid, b)
}
fn file_flush(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    if vm.out_pending.iter().any(|(f, _)| *f == fid) {
        // An explicit flush wants the output out now: the transaction becomes inevitable.
        vm.become_inevitable()?;
    }
    let mut files = FILES.lock().unwrap();
    match files.get_mut(fid).and_then(|f| f.stream.as_mut()) {
        Some(Stream::Stdout(w)) => {
            let _ = w.flush();
        }
        Some(Stream::Writer(w)) => {
            let _ = w.flush();
        }
        _ => {}
    }
    Ok(Value::NONE)
}
/// `f.seek(offset, whence=0)`: the new position (text files: only from the start, or a zero
/// move from the current position or the end, as CPython allows).
fn file_seek(vm: &mut Vm, a: A, _: K) -> R<Value> {
    use std::io::SeekFrom;
    vm.nargs("seek", &a[1..], 1, 2)?;
    let fid = fid_of(vm, a[0])?;
    let off = vm.index_value(a[1], "an integer is required")?;
    let whence = match a.get(2) {
        Some(&w) => vm.index_value(w, "an integer is required")?,
        None => 0,
    };
    if !is_binary(fid) && whence != 0 && off != 0 {
        let what = if whence == 1 { "cur" } else { "end" };
        let msg = vm.new_str(&format!("can't do nonzero {what}-relative seeks"));
        let cls = vm.module_attr("io", "UnsupportedOperation")?;
        let e = vm.call_value(cls, &[msg], &[])?;
        return Err(Unwind::Exc(e));
    }
    let to = match whence {
        0 if off < 0 => return Err(vm.new_error("ValueError", &format!("negative seek position {off}"))),
        0 => SeekFrom::Start(off as u64),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => {
            return Err(vm.new_error("ValueError", &format!("invalid whence ({whence}, should be 0, 1 or 2)")));
        }
    };
    on_seekable(vm, fid, |s| s.seek(to))
}
fn file_tell(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    on_seekable(vm, fid, |s| s.stream_position())
}
/// Runs `f` (a seek, or telling the position) on file `fid`'s stream; returns the position.
fn on_seekable(vm: &mut Vm, fid: usize, f: impl FnOnce(&mut dyn std::io::Seek) -> std::io::Result<u64>) -> R<Value> {
    vm.become_inevitable()?;
    let r = {
        let mut files = FILES.lock().unwrap();
        match files.get_mut(fid).and_then(|f| f.stream.as_mut()) {
            Some(Stream::Reader(r)) | Some(Stream::Both(r)) => f(r),
            Some(Stream::Writer(w)) => f(w),
            Some(_) => Err(std::io::Error::from_raw_os_error(libc::ESPIPE)),
            None => {
                drop(files);
                return Err(closed_error(vm));
            }
        }
    };
    let pos = r.map_err(|e| super::posix::os_error(vm, &e, None))?;
    Ok(Value::int(pos as i64))
}
/// Which of read/write/seek file `fid` supports (ValueError once closed).
fn file_caps(vm: &mut Vm, f: Value) -> R<(bool, bool, bool)> {
    let fid = fid_of(vm, f)?;
    let files = FILES.lock().unwrap();
    let caps = match files.get(fid).and_then(|f| f.stream.as_ref()) {
        Some(Stream::Reader(_)) => (true, false, true),
        Some(Stream::Writer(_)) => (false, true, true),
        Some(Stream::Both(_)) => (true, true, true),
        Some(Stream::Stdin(_)) => (true, false, false),
        Some(Stream::Stdout(_) | Stream::Stderr) => (false, true, false),
        None => {
            drop(files);
            return Err(closed_error(vm));
        }
    };
    Ok(caps)
}
fn file_readable(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::bool(file_caps(vm, a[0])?.0))
}
fn file_writable(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::bool(file_caps(vm, a[0])?.1))
}
fn file_seekable(vm: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(Value::bool(file_caps(vm, a[0])?.2))
}
fn file_close(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    vm.become_inevitable()?;
    if fid > 2 {
        let mut files = FILES.lock().unwrap();
        if let Some(slot) = files.get_mut(fid)
            && let Some(stream) = slot.stream.take()
            && let Stream::Writer(mut w) = stream
        {
            let _ = w.flush();
        }
    }
    vm.set_attr_str(a[0], "closed", Value::TRUE)?;
    Ok(Value::NONE)
}
fn file_fileno(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    Ok(Value::int(fid as i64))
}
fn file_isatty(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let fid = fid_of(vm, a[0])?;
    // SAFETY: see libc_isatty.
    Ok(Value::bool(fid <= 2 && unsafe { libc_isatty(fid as i32) }))
}
fn file_enter(_: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(a[0])
}
fn file_exit(vm: &mut Vm, a: A, _: K) -> R<Value> {
    file_close(vm, &a[..1], &[])?;
    Ok(Value::NONE)
}

// ---- sys ---------------------------------------------------------------------------------

fn vi_field(vm: &mut Vm, a: A, i: usize) -> R<Value> {
    let t = vm.native_of(a[0]).unwrap_or(a[0]);
    Ok(vm.tuple_get(t.as_obj(), i))
}
fn vi_major(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vi_field(vm, a, 0)
}
fn vi_minor(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vi_field(vm, a, 1)
}
fn vi_micro(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vi_field(vm, a, 2)
}
fn vi_releaselevel(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vi_field(vm, a, 3)
}
fn vi_serial(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vi_field(vm, a, 4)
}
fn vi_repr(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let t = vm.native_of(a[0]).unwrap_or(a[0]);
    let vals: Vec<Value> = (0..5).map(|i| vm.tuple_get(t.as_obj(), i)).collect();
    let mut f = Vec::new();
    for v in vals {
        f.push(vm.repr_string(v)?);
    }
    let s = format!(
        "sys.version_info(major={}, minor={}, micro={}, releaselevel={}, serial={})",
        f[0], f[1], f[2], f[3], f[4]
    );
    Ok(vm.new_str(&s))
}

fn sys_exit(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("exit", a, 0, 1)?;
    let cls = vm.exc_type("SystemExit");
    let args = if a.first() == Some(&Value::NONE) { vm.new_tuple(&[]) } else { vm.new_tuple(a) };
    let e = vm.new_exception(cls, args)?;
    vm.set_attr_str(e, "code", a.first().copied().unwrap_or(Value::NONE))?;
    Err(Unwind::Exc(e))
}
fn sys_getrecursionlimit(vm: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::int(vm.recursion_limit as i64))
}
fn sys_setrecursionlimit(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("setrecursionlimit", a, 1, 1)?;
    let n = vm.index_value(a[0], "'{}' object cannot be interpreted as an integer")?;
    if n < 1 {
        return Err(vm.new_error("ValueError", "recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n.min(1_000_000) as u32;
    Ok(Value::NONE)
}
fn sys_exc_info(vm: &mut Vm, _: A, _: K) -> R<Value> {
    match vm.handled_exception() {
        Some(e) => {
            let t = Value::obj(vm.type_of(e));
            let tb = vm.getattr_str(e, "__traceback__")?;
            Ok(vm.new_tuple(&[t, e, tb]))
        }
        None => Ok(vm.new_tuple(&[Value::NONE, Value::NONE, Value::NONE])),
    }
}
fn sys_exception(vm: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(vm.handled_exception().unwrap_or(Value::NONE))
}
/// `sys.audit(event, *args)`: calls the hooks `sys.addaudithook` installed. (pystm raises no
/// events of its own; the library's Python code, such as pathlib's, does.)
fn sys_audit(vm: &mut Vm, a: A, _: K) -> R<Value> {
    if a.is_empty() {
        return Err(vm.new_error("TypeError", "audit() missing 1 required positional argument: 'event'"));
    }
    if !vm.is_str(a[0]) {
        let tn = vm.type_name(a[0]);
        return Err(vm.new_error("TypeError", &format!("expected str for argument 'event', not {tn}")));
    }
    let hooks = vm.sys_attr("_pystm_audit_hooks")?;
    let hooks = vm.iter_collect(hooks)?;
    if !hooks.is_empty() {
        let args = vm.new_tuple(&a[1..]);
        for h in hooks {
            vm.call_value(h, &[a[0], args], &[])?;
        }
    }
    Ok(Value::NONE)
}
fn sys_addaudithook(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("addaudithook", a, 1, 1)?;
    let hooks = vm.sys_attr("_pystm_audit_hooks")?;
    vm.list_append(hooks, a[0])?;
    Ok(Value::NONE)
}
fn sys_intern(_: &mut Vm, a: A, _: K) -> R<Value> {
    Ok(a[0])
}
fn sys_getsizeof(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let v = a[0];
    let n = if v.is_ref() {
        use gc::GcModel;
        crate::layout::Model.object_size(vm.m.th().view(v.as_obj())) as i64
    } else {
        28
    };
    Ok(Value::int(n))
}
fn sys_set_int_max_str_digits(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    let v = a.first().copied().or_else(|| vm.kwarg(kw, "maxdigits")).unwrap_or(Value::NULL);
    if v.is_null() {
        return Err(vm.new_error("TypeError", "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
    }
    let n = vm.index_value(v, "'{}' object cannot be interpreted as an integer")?;
    if n != 0 && n < 640 {
        return Err(vm.new_error("ValueError", "maxdigits must be 0 or larger than 640"));
    }
    crate::objects::int::MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::NONE)
}
fn sys_get_int_max_str_digits(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::int(crate::objects::int::MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed) as i64))
}
/// `sys.excepthook(type, value, traceback)`: prints the exception as an uncaught one.
fn sys_excepthook(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("excepthook", a, 3, 3)?;
    // Printing is I/O: the output kept so far goes first.
    vm.become_inevitable()?;
    flush_all();
    vm.print_exception(a[1]);
    Ok(Value::NONE)
}
/// `sys._jit.is_available()`: whether this build has a JIT (it always does).
fn jit_is_available(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("is_available", a, 0, 0)?;
    Ok(Value::TRUE)
}

/// `sys._jit.is_enabled()`: whether the JIT is on (`--jit`, `-X jit`, `PYTHON_JIT`).
fn jit_is_enabled(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("is_enabled", a, 0, 0)?;
    Ok(Value::bool(vm.rt.jit.is_some()))
}

/// `sys._jit.is_active()`: whether the calling frame runs compiled code. Compiled loops never
/// call back into Python (a call ends the recording), so a caller is always interpreted.
fn jit_is_active(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("is_active", a, 0, 0)?;
    Ok(Value::FALSE)
}

fn sys_is_gil_enabled(vm: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::bool(vm.rt.options.gil))
}
fn sys_getdefaultencoding(vm: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(vm.new_str("utf-8"))
}

// ---- math --------------------------------------------------------------------------------

fn farg(vm: &mut Vm, a: A, i: usize, name: &str) -> R<f64> {
    let Some(v) = a.get(i).copied() else {
        return Err(vm.new_error("TypeError", &format!("{name}() takes exactly one argument ({} given)", a.len())));
    };
    if let Some(f) = vm.to_f64(v)? {
        return Ok(f);
    }
    if let Some(m) = vm.lookup_type_attr(v, "__float__")? {
        let r = vm.call_value(m, &[v], &[])?;
        if let Some(f) = vm.to_f64(r)? {
            return Ok(f);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("must be real number, not {tn}")))
}

fn math1(vm: &mut Vm, a: A, name: &str, f: fn(f64) -> f64, domain: fn(f64) -> bool) -> R<Value> {
    vm.nargs(name, a, 1, 1)?;
    let x = farg(vm, a, 0, name)?;
    if !domain(x) {
        return Err(vm.new_error("ValueError", "math domain error"));
    }
    let r = f(x);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_error("OverflowError", "math range error"));
    }
    Ok(vm.new_float(r))
}
macro_rules! m1 {
    ($name:ident, $py:expr, $f:expr, $dom:expr) => {
        fn $name(vm: &mut Vm, a: A, _: K) -> R<Value> {
            math1(vm, a, $py, $f, $dom)
        }
    };
}
fn any_x(_: f64) -> bool {
    true
}
fn not_inf(x: f64) -> bool {
    !x.is_infinite()
}
m1!(m_sqrt, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan());
m1!(m_sin, "sin", f64::sin, not_inf);
m1!(m_cos, "cos", f64::cos, not_inf);
m1!(m_tan, "tan", f64::tan, not_inf);
m1!(m_asin, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
m1!(m_acos, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
m1!(m_atan, "atan", f64::atan, any_x);
m1!(m_sinh, "sinh", f64::sinh, any_x);
m1!(m_cosh, "cosh", f64::cosh, any_x);
m1!(m_tanh, "tanh", f64::tanh, any_x);
m1!(m_asinh, "asinh", f64::asinh, any_x);
m1!(m_acosh, "acosh", f64::acosh, |x| x >= 1.0 || x.is_nan());
m1!(m_atanh, "atanh", f64::atanh, |x| (x > -1.0 && x < 1.0) || x.is_nan());
m1!(m_exp, "exp", f64::exp, any_x);
m1!(m_expm1, "expm1", f64::exp_m1, any_x);
m1!(m_log1p, "log1p", f64::ln_1p, |x| x > -1.0 || x.is_nan());
m1!(m_fabs, "fabs", f64::abs, any_x);
m1!(m_degrees, "degrees", f64::to_degrees, any_x);
m1!(m_radians, "radians", f64::to_radians, any_x);
m1!(m_erf, "erf", erf, any_x);
m1!(m_erfc, "erfc", |x| 1.0 - erf(x), any_x);
m1!(m_gamma, "gamma", gamma, |x| !(x <= 0.0 && x.fract() == 0.0) && x != f64::NEG_INFINITY);
m1!(m_lgamma, "lgamma", |x| gamma(x).abs().ln(), |x| !(x <= 0.0 && x.fract() == 0.0));

fn erf(x: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 refined by a series for small x.
    if x.abs() < 2.0 {
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        let mut n = 0.0;
        while term.abs() > 1e-17 * sum.abs() {
            n += 1.0;
            term *= -x2 / n;
            sum += term / (2.0 * n + 1.0);
        }
        return sum * 2.0 / std::f64::consts::PI.sqrt();
    }
    // Continued fraction for erfc.
    let ax = x.abs();
    let mut f = 0.0;
    for k in (1..60).rev() {
        f = (k as f64 / 2.0) / (ax + f);
    }
    let erfc = (-ax * ax).exp() / std::f64::consts::PI.sqrt() / (ax + f);
    if x > 0.0 { 1.0 - erfc } else { erfc - 1.0 }
}

fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma(1.0 - x));
    }
    if x.fract() == 0.0 && x < 171.0 {
        return (1..x as u64).map(|i| i as f64).product();
    }
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.5203681218851,
        -1259.1392167224028,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507343278686905,
        -0.13857109526572012,
        9.984_369_578_019_572e-6,
        1.5056327351493116e-7,
    ];
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

/// log of an int too large for a float, as CPython computes it: x = m * 2**e, f(m) + f(2) * e.
fn big_log_with(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> R<Option<f64>> {
    if let Some(b) = vm.to_big(v) {
        if !b.is_positive() {
            return Err(vm.new_error("ValueError", "math domain error"));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(Some(f(x)));
        }
        let bits = b.bits();
        let m = (&b >> (bits - 64)).to_f64().unwrap() / 2f64.powi(64);
        return Ok(Some(f(m) + f(2.0) * bits as f64));
    }
    Ok(None)
}

fn big_log(vm: &mut Vm, v: Value) -> R<Option<f64>> {
    if let Some(b) = vm.to_big(v) {
        if !b.is_positive() {
            return Err(vm.new_error("ValueError", "math domain error"));
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(Some(f.ln()));
        }
        // x = m * 2**e with m in [0.5, 1), as CPython's frexp of a long.
        let bits = b.bits();
        let shift = bits - 64;
        let top = (&b >> shift).to_f64().unwrap() / 2f64.powi(64);
        return Ok(Some(top.ln() + bits as f64 * std::f64::consts::LN_2));
    }
    Ok(None)
}

fn m_log(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("log", a, 1, 2)?;
    let ln = |vm: &mut Vm, v: Value| -> R<f64> {
        if let Some(l) = big_log(vm, v)? {
            return Ok(l);
        }
        let x = farg(vm, &[v], 0, "log")?;
        if x <= 0.0 {
            return Err(vm.new_error("ValueError", "math domain error"));
        }
        Ok(x.ln())
    };
    let num = ln(vm, a[0])?;
    if a.len() == 2 {
        let den = ln(vm, a[1])?;
        if den == 0.0 {
            return Err(vm.new_error("ZeroDivisionError", "float division by zero"));
        }
        return Ok(vm.new_float(num / den));
    }
    Ok(vm.new_float(num))
}
fn m_log2(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("log2", a, 1, 1)?;
    if let Some(b) = vm.to_big(a[0]) {
        if !b.is_positive() {
            return Err(vm.new_error("ValueError", "math domain error"));
        }
        let _ = b;
        let l = big_log_with(vm, a[0], f64::log2)?.unwrap();
        return Ok(vm.new_float(l));
    }
    math1(vm, a, "log2", f64::log2, |x| x > 0.0 || x.is_nan())
}
fn m_log10(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("log10", a, 1, 1)?;
    if let Some(b) = vm.to_big(a[0]) {
        if !b.is_positive() {
            return Err(vm.new_error("ValueError", "math domain error"));
        }
        let _ = b;
        let l = big_log_with(vm, a[0], f64::log10)?.unwrap();
        return Ok(vm.new_float(l));
    }
    math1(vm, a, "log10", f64::log10, |x| x > 0.0 || x.is_nan())
}
fn m_atan2(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("atan2", a, 2, 2)?;
    let (y, x) = (farg(vm, a, 0, "atan2")?, farg(vm, a, 1, "atan2")?);
    Ok(vm.new_float(y.atan2(x)))
}
fn m_pow(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("pow", a, 2, 2)?;
    let (x, y) = (farg(vm, a, 0, "pow")?, farg(vm, a, 1, "pow")?);
    if x == 0.0 && y < 0.0 || (x < 0.0 && y.fract() != 0.0 && y.is_finite()) {
        return Err(vm.new_error("ValueError", "math domain error"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_error("OverflowError", "math range error"));
    }
    Ok(vm.new_float(r))
}
fn m_fmod(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("fmod", a, 2, 2)?;
    let (x, y) = (farg(vm, a, 0, "fmod")?, farg(vm, a, 1, "fmod")?);
    if y == 0.0 || x.is_infinite() {
        return Err(vm.new_error("ValueError", "math domain error"));
    }
    Ok(vm.new_float(x % y))
}
fn m_copysign(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("copysign", a, 2, 2)?;
    let (x, y) = (farg(vm, a, 0, "copysign")?, farg(vm, a, 1, "copysign")?);
    Ok(vm.new_float(x.copysign(y)))
}
fn m_hypot(vm: &mut Vm, a: A, _: K) -> R<Value> {
    let mut xs = Vec::new();
    for i in 0..a.len() {
        xs.push(farg(vm, a, i, "hypot")?);
    }
    if xs.iter().any(|x| x.is_infinite()) {
        return Ok(vm.new_float(f64::INFINITY));
    }
    let m = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if m == 0.0 || m.is_nan() {
        return Ok(vm.new_float(m));
    }
    let s: f64 = xs.iter().map(|x| (x / m) * (x / m)).sum();
    Ok(vm.new_float(m * s.sqrt()))
}
fn round_to_int(vm: &mut Vm, a: A, name: &str, f: fn(f64) -> f64, dunder: &'static str) -> R<Value> {
    vm.nargs(name, a, 1, 1)?;
    if vm.is_int_like(a[0]) {
        let b = vm.to_big(a[0]).unwrap();
        return Ok(crate::objects::int::big_to_value(vm, &b));
    }
    if vm.tid_of(a[0]) == tid::INSTANCE
        && let Some(m) = vm.lookup_type_attr(a[0], dunder)?
    {
        return vm.call_value(m, &[a[0]], &[]);
    }
    let x = farg(vm, a, 0, name)?;
    vm.float_to_int(f(x))
}
fn m_floor(vm: &mut Vm, a: A, _: K) -> R<Value> {
    round_to_int(vm, a, "floor", f64::floor, "__floor__")
}
fn m_ceil(vm: &mut Vm, a: A, _: K) -> R<Value> {
    round_to_int(vm, a, "ceil", f64::ceil, "__ceil__")
}
fn m_trunc(vm: &mut Vm, a: A, _: K) -> R<Value> {
    round_to_int(vm, a, "trunc", f64::trunc, "__trunc__")
}
fn m_isnan(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("isnan", a, 1, 1)?;
    let x = farg(vm, a, 0, "isnan")?;
    Ok(Value::bool(x.is_nan()))
}
fn m_isinf(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("isinf", a, 1, 1)?;
    let x = farg(vm, a, 0, "isinf")?;
    Ok(Value::bool(x.is_infinite()))
}
fn m_isfinite(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("isfinite", a, 1, 1)?;
    let x = farg(vm, a, 0, "isfinite")?;
    Ok(Value::bool(x.is_finite()))
}
fn m_isclose(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("isclose", a, 2, 2)?;
    let (x, y) = (farg(vm, a, 0, "isclose")?, farg(vm, a, 1, "isclose")?);
    let rel = match vm.kwarg(kw, "rel_tol") {
        Some(v) => farg(vm, &[v], 0, "isclose")?,
        None => 1e-9,
    };
    let abs = match vm.kwarg(kw, "abs_tol") {
        Some(v) => farg(vm, &[v], 0, "isclose")?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_error("ValueError", "tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let d = (x - y).abs();
    Ok(Value::bool(d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs))
}
fn int_args(vm: &mut Vm, a: A) -> R<Vec<BigInt>> {
    let mut out = Vec::new();
    for v in a {
        match vm.to_big(*v) {
            Some(b) => out.push(b),
            None => {
                let tn = vm.type_name(*v);
                return Err(vm.new_error("TypeError", &format!("'{tn}' object cannot be interpreted as an integer")));
            }
        }
    }
    Ok(out)
}
fn m_gcd(vm: &mut Vm, a: A, _: K) -> R<Value> {
    use num_integer::Integer;
    let xs = int_args(vm, a)?;
    let g = xs.iter().fold(BigInt::zero(), |g, x| g.gcd(x));
    Ok(crate::objects::int::big_to_value(vm, &g))
}
fn m_lcm(vm: &mut Vm, a: A, _: K) -> R<Value> {
    use num_integer::Integer;
    let xs = int_args(vm, a)?;
    let l = xs.iter().fold(BigInt::from(1), |l, x| if x.is_zero() || l.is_zero() { BigInt::zero() } else { l.lcm(x) });
    Ok(crate::objects::int::big_to_value(vm, &l))
}
fn m_factorial(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("factorial", a, 1, 1)?;
    if vm.tid_of(a[0]) == tid::FLOAT {
        return Err(vm.new_error("TypeError", "'float' object cannot be interpreted as an integer"));
    }
    let n = int_args(vm, a)?[0].clone();
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    let mut r = BigInt::from(1);
    for i in 2..=n {
        r *= i;
    }
    Ok(crate::objects::int::big_to_value(vm, &r))
}
fn m_comb(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("comb", a, 2, 2)?;
    let v = int_args(vm, a)?;
    let (n, k) = (v[0].clone(), v[1].clone());
    if n.is_negative() || k.is_negative() {
        return Err(vm.new_error(
            "ValueError",
            if n.is_negative() { "n must be a non-negative integer" } else { "k must be a non-negative integer" },
        ));
    }
    if k > n {
        return Ok(Value::int(0));
    }
    let k = k.clone().min(&n - &k).to_u64().unwrap();
    let mut r = BigInt::from(1);
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(crate::objects::int::big_to_value(vm, &r))
}
fn m_perm(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("perm", a, 1, 2)?;
    let v = int_args(vm, &a[..1])?;
    let n = v[0].clone();
    let k = if a.len() > 1 && a[1] != Value::NONE { int_args(vm, &a[1..])?[0].clone() } else { n.clone() };
    if n.is_negative() || k.is_negative() {
        return Err(vm.new_error(
            "ValueError",
            if n.is_negative() { "n must be a non-negative integer" } else { "k must be a non-negative integer" },
        ));
    }
    if k > n {
        return Ok(Value::int(0));
    }
    let mut r = BigInt::from(1);
    let k = k.to_u64().unwrap();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(crate::objects::int::big_to_value(vm, &r))
}
fn m_isqrt(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("isqrt", a, 1, 1)?;
    let n = int_args(vm, a)?[0].clone();
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "isqrt() argument must be nonnegative"));
    }
    Ok(crate::objects::int::big_to_value(vm, &n.sqrt()))
}
fn m_fsum(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("fsum", a, 1, 1)?;
    let items = vm.iter_collect(a[0])?;
    // Shewchuk's exact summation (as CPython).
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0;
    for v in items {
        let mut x = farg(vm, &[v], 0, "fsum")?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        return Ok(vm.new_float(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.new_float(hi))
}
fn m_prod(vm: &mut Vm, a: A, kw: K) -> R<Value> {
    vm.nargs("prod", a, 1, 1)?;
    let mut acc = vm.kwarg(kw, "start").unwrap_or(Value::int(1));
    for x in vm.iter_collect(a[0])? {
        acc = vm.binary_op(acc, x, crate::compile::code::binop::MUL, false)?;
    }
    Ok(acc)
}
fn m_modf(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("modf", a, 1, 1)?;
    let x = farg(vm, a, 0, "modf")?;
    let (f, i) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
    let f = vm.new_float(f);
    let i = vm.new_float(i);
    Ok(vm.new_tuple(&[f, i]))
}
fn m_frexp(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("frexp", a, 1, 1)?;
    let x = farg(vm, a, 0, "frexp")?;
    let (m, e) = if x.is_finite() { crate::objects::float::frexp(x) } else { (x, 0) };
    let m = vm.new_float(m);
    Ok(vm.new_tuple(&[m, Value::int(e as i64)]))
}
fn m_ldexp(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("ldexp", a, 2, 2)?;
    let x = farg(vm, a, 0, "ldexp")?;
    let e = vm.index_value(a[1], "Expected an int as second argument to ldexp.")?;
    let r = crate::objects::float::ldexp(x, e.clamp(-1 << 40, 1 << 40));
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_error("OverflowError", "math range error"));
    }
    Ok(vm.new_float(r))
}
fn m_dist(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("dist", a, 2, 2)?;
    let p = vm.iter_collect(a[0])?;
    let q = vm.iter_collect(a[1])?;
    if p.len() != q.len() {
        return Err(vm.new_error("ValueError", "both points must have the same number of dimensions"));
    }
    let mut d = Vec::new();
    for (x, y) in p.iter().zip(q.iter()) {
        let x = farg(vm, &[*x], 0, "dist")?;
        let y = farg(vm, &[*y], 0, "dist")?;
        d.push(vm.new_float(x - y));
    }
    m_hypot(vm, &d, &[])
}

fn m_remainder(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("remainder", a, 2, 2)?;
    let (x, y) = (farg(vm, a, 0, "remainder")?, farg(vm, a, 1, "remainder")?);
    if y == 0.0 || x.is_infinite() {
        return Err(vm.new_error("ValueError", "math domain error"));
    }
    let n = (x / y).round_ties_even();
    let r = x - n * y;
    Ok(vm.new_float(if r == 0.0 { 0.0f64.copysign(x) } else { r }))
}
fn m_nextafter(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("nextafter", a, 2, 2)?;
    let (x, y) = (farg(vm, a, 0, "nextafter")?, farg(vm, a, 1, "nextafter")?);
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if x == 0.0 {
        f64::from_bits(1).copysign(y)
    } else {
        let b = x.to_bits();
        let up = (y > x) == (x > 0.0);
        f64::from_bits(if up { b + 1 } else { b - 1 })
    };
    Ok(vm.new_float(r))
}
fn m_ulp(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("ulp", a, 1, 1)?;
    let x = farg(vm, a, 0, "ulp")?.abs();
    let r = if x.is_nan() || x.is_infinite() {
        x
    } else if x == f64::MAX {
        x - f64::from_bits(x.to_bits() - 1)
    } else {
        f64::from_bits(x.to_bits() + 1) - x
    };
    Ok(vm.new_float(r))
}
m1!(m_cbrt, "cbrt", f64::cbrt, any_x);
m1!(m_exp2, "exp2", f64::exp2, any_x);

// ---- time --------------------------------------------------------------------------------

fn since_epoch() -> std::time::Duration {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default()
}
/// C's `struct tm` for `secs` since the epoch, in UTC or local time.
fn c_tm(secs: i64, local: bool) -> Option<libc::tm> {
    let t: libc::time_t = secs;
    // SAFETY: `tm` is plain data that gmtime_r/localtime_r fill; both are thread-safe and take
    // pointers valid for the call.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        let r = if local { libc::localtime_r(&t, &mut tm) } else { libc::gmtime_r(&t, &mut tm) };
        if r.is_null() { None } else { Some(tm) }
    }
}

/// (timezone, altzone, daylight, (std name, dst name)) of local time, as CPython's `time`
/// computes them at import (from January and July of this year).
fn local_zone() -> (i64, i64, i64, (String, String)) {
    let now = since_epoch().as_secs() as i64;
    let year_start = now - now % (365 * 86400);
    let zone = |secs: i64| -> (i64, String) {
        match c_tm(secs, true) {
            Some(tm) => {
                // SAFETY: tm_zone points to a static zone name (or is null).
                let name = if tm.tm_zone.is_null() {
                    String::new()
                } else {
                    unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
                };
                (tm.tm_gmtoff, name)
            }
            None => (0, "UTC".into()),
        }
    };
    let (jan, jan_name) = zone(year_start + 15 * 86400);
    let (jul, jul_name) = zone(year_start + 196 * 86400);
    if jan == jul {
        return (-jan, -jan, 0, (jan_name.clone(), jan_name));
    }
    // The larger offset is daylight saving time (northern or southern hemisphere).
    if jan < jul { (-jan, -jul, 1, (jan_name, jul_name)) } else { (-jul, -jan, 1, (jul_name, jan_name)) }
}

/// `time._tm(secs, local)`: (year, month, mday, hour, minute, second, weekday (Monday 0),
/// yearday (from 1), isdst, zone name, UTC offset) — `struct_time`'s fields.
fn t_tm(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("_tm", a, 2, 2)?;
    let secs = match vm.to_f64(a[0])? {
        Some(f) if f.is_finite() => f.floor(),
        _ => return Err(vm.new_error("OverflowError", "timestamp out of range for platform time_t")),
    };
    let local = vm.truthy(a[1])?;
    if secs.abs() > 1e17 {
        return Err(vm.new_error("OverflowError", "timestamp out of range for platform time_t"));
    }
    let Some(tm) = c_tm(secs as i64, local) else {
        return Err(vm.new_error("OverflowError", "timestamp out of range for platform time_t"));
    };
    let zone = if tm.tm_zone.is_null() {
        String::from("UTC")
    } else {
        // SAFETY: tm_zone points to a static zone name.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
    };
    let z = vm.new_str(&zone);
    let f = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    let mut items: Vec<Value> = f.iter().map(|&x| Value::int(x)).collect();
    items.push(z);
    items.push(Value::int(tm.tm_gmtoff));
    Ok(vm.new_tuple(&items))
}

/// A `struct tm` from the first nine items of a time tuple (Python's conventions).
fn tm_from(vm: &mut Vm, t: Value) -> R<libc::tm> {
    let items = vm.iter_collect(t)?;
    if items.len() < 9 {
        return Err(vm.new_error("TypeError", "time tuple must have at least 9 items"));
    }
    let mut f = [0i64; 9];
    for (i, x) in items.iter().take(9).enumerate() {
        f[i] = vm.index_value(*x, "an integer is required (got type {})")?;
    }
    // SAFETY: plain data, zeroed then filled.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    Ok(tm)
}

/// `time._mktime(t)`: local time tuple to seconds since the epoch.
fn t_mktime(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("_mktime", a, 1, 1)?;
    let mut tm = tm_from(vm, a[0])?;
    tm.tm_wday = -1;
    // SAFETY: mktime reads and normalizes the struct we own.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.new_error("OverflowError", "mktime argument out of range"));
    }
    Ok(vm.new_float(t as f64))
}

/// `time._strftime(format, t)`: C's strftime on a time tuple.
fn t_strftime(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("_strftime", a, 2, 2)?;
    let fmt = vm.arg_str(a[0], "strftime() argument 1")?;
    let tm = tm_from(vm, a[1])?;
    if fmt.is_empty() {
        return Ok(vm.new_str(""));
    }
    let Ok(cfmt) = std::ffi::CString::new(fmt.clone()) else {
        return Err(vm.new_error("ValueError", "embedded null character"));
    };
    let mut size = 256.max(fmt.len() * 8);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` bytes; strftime writes at most that many and returns the count
        // (0 when it did not fit).
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), &tm) };
        if n > 0 || size > 1 << 20 {
            buf.truncate(n);
            return Ok(vm.new_str(&String::from_utf8_lossy(&buf)));
        }
        size *= 4;
    }
}

fn t_time(vm: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(vm.new_float(since_epoch().as_secs_f64()))
}
fn t_time_ns(vm: &mut Vm, _: A, _: K) -> R<Value> {
    let n = since_epoch().as_nanos() as i64;
    Ok(vm.new_int(n))
}
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
fn mono() -> std::time::Duration {
    START.get_or_init(std::time::Instant::now).elapsed()
}
fn t_perf_counter(vm: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(vm.new_float(mono().as_secs_f64()))
}
fn t_perf_counter_ns(vm: &mut Vm, _: A, _: K) -> R<Value> {
    let n = mono().as_nanos() as i64;
    Ok(vm.new_int(n))
}
fn t_process_time(vm: &mut Vm, _: A, _: K) -> R<Value> {
    let mut ts = [0i64; 2];
    unsafe extern "C" {
        fn clock_gettime(clk: i32, tp: *mut i64) -> i32;
    }
    // SAFETY: CLOCK_PROCESS_CPUTIME_ID (2) writes a timespec (two i64 on x86-64) into `ts`.
    unsafe { clock_gettime(2, ts.as_mut_ptr()) };
    Ok(vm.new_float(ts[0] as f64 + ts[1] as f64 * 1e-9))
}
