//! The native `posix` module: the operating-system calls the shipped pure-Python `os` and
//! `os.path` (`vm/lib/os.py`, `vm/lib/posixpath.py`) are built on, with CPython's exception
//! classes and messages (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`).
//! Every call that touches the file system or the process makes the transaction inevitable
//! first (it cannot be undone). This file owns system calls only; the Python-level API is in
//! os.py.

use crate::interp::{R, Unwind, Vm};
use crate::layout::*;
use crate::value::Value;
use std::os::unix::fs::MetadataExt;

type A<'a> = &'a [Value];
type K<'a> = &'a [(Value, Value)];

pub fn install(vm: &mut Vm, modules: Value) {
    let d = vm.native_module(modules, "posix");
    let fns: &[(&'static str, crate::runtime::BuiltinFn)] = &[
        ("posix.getcwd", getcwd),
        ("posix.chdir", chdir),
        ("posix.getpid", getpid),
        ("posix.getppid", getppid),
        ("posix.getuid", getuid),
        ("posix.cpu_count", cpu_count),
        ("posix.listdir", listdir),
        ("posix.stat", stat),
        ("posix.lstat", lstat),
        ("posix.mkdir", mkdir),
        ("posix.rmdir", rmdir),
        ("posix.unlink", unlink),
        ("posix.rename", rename),
        ("posix.urandom", urandom),
        ("posix.strerror", strerror),
        ("posix.isatty", isatty),
        ("posix.access", access),
        ("posix.putenv", putenv),
        ("posix.unsetenv", unsetenv),
        ("posix.readlink", readlink),
        ("posix.open", fd_open),
        ("posix.close", fd_close),
        ("posix.read", fd_read),
        ("posix.write", fd_write),
        ("posix.lseek", fd_lseek),
        ("posix.uname", uname),
    ];
    vm.def_builtins(d, fns);
    let env = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let (Some(k), Some(v)) = (k.to_str(), v.to_str()) else { continue };
        let (k, v) = (vm.new_str(k), vm.new_str(v));
        vm.dict_set(env, k, v).expect("start-up dict");
    }
    vm.def_value(d, "environ", env);
}

/// The OSError subclass CPython picks for an errno.
pub fn oserror_subclass(no: i32) -> Option<&'static str> {
    Some(match no {
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::EEXIST => "FileExistsError",
        libc::EINTR => "InterruptedError",
        libc::ECHILD => "ChildProcessError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        _ => return None,
    })
}

/// The OSError subclass and message for an I/O error, with `filename` set (CPython's
/// `[Errno N] message: 'filename'`).
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> Unwind {
    let no = e.raw_os_error().unwrap_or(0);
    let kind = oserror_subclass(no).unwrap_or("OSError");
    let msg = e.to_string();
    let msg = match msg.rfind(" (os error") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    let cls = vm.exc_type(kind);
    let m = vm.new_str(&msg);
    let args = vm.new_tuple(&[Value::int(no as i64), m]);
    let ex = match vm.new_exception(cls, args) {
        Ok(x) => x,
        Err(u) => return u,
    };
    for (name, v) in [("errno", Value::int(no as i64)), ("strerror", m), ("filename", filename.unwrap_or(Value::NONE))]
    {
        if let Err(u) = vm.set_attr_str(ex, name, v) {
            return u;
        }
    }
    Unwind::Exc(ex)
}

/// A path: str (or bytes, decoded as UTF-8), or an object with `__fspath__` giving one; None
/// for anything else.
pub fn fspath(vm: &mut Vm, v: Value) -> R<Option<String>> {
    if vm.is_str(v) {
        return Ok(Some(vm.str_of(v)));
    }
    if vm.tid_of(v) == tid::BYTES {
        return Ok(Some(String::from_utf8_lossy(&vm.bytes_of(v.as_obj())).into_owned()));
    }
    if let Some(f) = vm.lookup_type_attr(v, "__fspath__")? {
        let r = vm.call_value(f, &[v], &[])?;
        if vm.is_str(r) || vm.tid_of(r) == tid::BYTES {
            return fspath(vm, r);
        }
        let (tn, rn) = (vm.type_name(v), vm.type_name(r));
        return Err(vm.new_error("TypeError", &format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")));
    }
    Ok(None)
}

/// A path argument of `fname` (see `fspath`).
fn path_arg(vm: &mut Vm, v: Value, fname: &str) -> R<String> {
    match fspath(vm, v)? {
        Some(p) => Ok(p),
        None => {
            let tn = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("{fname}: path should be string, bytes or os.PathLike, not {tn}")))
        }
    }
}

fn getcwd(vm: &mut Vm, _: A, _: K) -> R<Value> {
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_str(&p.to_string_lossy())),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}
fn chdir(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("chdir", a, 1, 1)?;
    let p = path_arg(vm, a[0], "chdir")?;
    vm.become_inevitable()?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(Value::NONE)
}
fn getpid(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(Value::int(std::process::id() as i64))
}
fn getppid(_: &mut Vm, _: A, _: K) -> R<Value> {
    // SAFETY: getppid has no preconditions and cannot fail.
    Ok(Value::int(unsafe { libc::getppid() } as i64))
}
fn getuid(_: &mut Vm, _: A, _: K) -> R<Value> {
    // SAFETY: getuid has no preconditions and cannot fail.
    Ok(Value::int(unsafe { libc::getuid() } as i64))
}
fn cpu_count(_: &mut Vm, _: A, _: K) -> R<Value> {
    Ok(std::thread::available_parallelism().map_or(Value::NONE, |n| Value::int(n.get() as i64)))
}
fn listdir(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("listdir", a, 0, 1)?;
    let arg = a.first().copied().filter(|v| *v != Value::NONE);
    let p = match arg {
        Some(v) => path_arg(vm, v, "listdir")?,
        None => ".".into(),
    };
    let rd = match std::fs::read_dir(&p) {
        Ok(rd) => rd,
        Err(e) => {
            let f = match arg {
                Some(v) => v,
                None => vm.new_str("."),
            };
            return Err(os_error(vm, &e, Some(f)));
        }
    };
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| os_error(vm, &e, None))?;
        names.push(vm.new_str(&entry.file_name().to_string_lossy()));
    }
    Ok(vm.new_list(&names))
}
/// `(st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime, st_mtime,
/// st_ctime)`; os.py makes the `stat_result`.
fn stat_tuple(vm: &mut Vm, m: &std::fs::Metadata) -> Value {
    let t = |s: i64, ns: i64| s as f64 + ns as f64 * 1e-9;
    let items = [
        Value::int(m.mode() as i64),
        vm.new_int(m.ino() as i64),
        vm.new_int(m.dev() as i64),
        Value::int(m.nlink() as i64),
        Value::int(m.uid() as i64),
        Value::int(m.gid() as i64),
        vm.new_int(m.size() as i64),
        vm.new_float(t(m.atime(), m.atime_nsec())),
        vm.new_float(t(m.mtime(), m.mtime_nsec())),
        vm.new_float(t(m.ctime(), m.ctime_nsec())),
    ];
    vm.new_tuple(&items)
}
fn stat(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("stat", a, 1, 1)?;
    let p = path_arg(vm, a[0], "stat")?;
    let m = std::fs::metadata(&p).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(stat_tuple(vm, &m))
}
fn lstat(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("lstat", a, 1, 1)?;
    let p = path_arg(vm, a[0], "lstat")?;
    let m = std::fs::symlink_metadata(&p).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(stat_tuple(vm, &m))
}
fn mkdir(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("mkdir", a, 1, 2)?;
    let p = path_arg(vm, a[0], "mkdir")?;
    vm.become_inevitable()?;
    let mode = match a.get(1) {
        Some(m) => vm.index_value(*m, "mode must be an integer")? as u32,
        None => 0o777,
    };
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(&p).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(Value::NONE)
}
fn rmdir(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("rmdir", a, 1, 1)?;
    let p = path_arg(vm, a[0], "rmdir")?;
    vm.become_inevitable()?;
    std::fs::remove_dir(&p).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(Value::NONE)
}
fn unlink(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("unlink", a, 1, 1)?;
    let p = path_arg(vm, a[0], "unlink")?;
    vm.become_inevitable()?;
    std::fs::remove_file(&p).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(Value::NONE)
}
fn rename(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("rename", a, 2, 2)?;
    let from = path_arg(vm, a[0], "rename")?;
    let to = path_arg(vm, a[1], "rename")?;
    vm.become_inevitable()?;
    std::fs::rename(&from, &to).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(Value::NONE)
}
fn urandom(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("urandom", a, 1, 1)?;
    let n = vm.index_value(a[0], "an integer is required")?;
    if n < 0 {
        return Err(vm.new_error("ValueError", "negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.new_bytes(&buf))
}
fn strerror(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("strerror", a, 1, 1)?;
    let n = vm.index_value(a[0], "an integer is required")?;
    let s = std::io::Error::from_raw_os_error(n as i32).to_string();
    let s = match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    Ok(vm.new_str(&s))
}
/// `os.open(path, flags, mode)`: a file descriptor.
fn fd_open(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("open", a, 2, 3)?;
    let p = path_arg(vm, a[0], "open")?;
    let flags = vm.index_value(a[1], "an integer is required")? as i32;
    let mode = match a.get(2) {
        Some(&m) => vm.index_value(m, "an integer is required")? as libc::c_uint,
        None => 0o777,
    };
    let Ok(c) = std::ffi::CString::new(p) else {
        return Err(vm.new_error("ValueError", "embedded null byte"));
    };
    vm.become_inevitable()?;
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call; the descriptor
    // returned belongs to the Python program (closed by os.close).
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
    if fd < 0 {
        return Err(os_error(vm, &std::io::Error::last_os_error(), Some(a[0])));
    }
    Ok(Value::int(fd as i64))
}
fn fd_arg(vm: &mut Vm, v: Value) -> R<i32> {
    let fd = vm.index_value(v, "an integer is required")?;
    i32::try_from(fd).map_err(|_| vm.new_error("OverflowError", "fd is greater than maximum"))
}
fn fd_close(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("close", a, 1, 1)?;
    let fd = fd_arg(vm, a[0])?;
    vm.become_inevitable()?;
    // SAFETY: closing a descriptor number has no memory effects; a wrong one fails with EBADF.
    if unsafe { libc::close(fd) } < 0 {
        return Err(os_error(vm, &std::io::Error::last_os_error(), None));
    }
    Ok(Value::NONE)
}
fn fd_read(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("read", a, 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let n = vm.index_value(a[1], "an integer is required")?;
    if n < 0 {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(libc::EINVAL), None));
    }
    vm.become_inevitable()?;
    let mut buf = vec![0u8; n as usize];
    // SAFETY: `buf` is a writable buffer of `n` bytes for the duration of the call.
    let got = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    if got < 0 {
        return Err(os_error(vm, &std::io::Error::last_os_error(), None));
    }
    buf.truncate(got as usize);
    Ok(vm.new_bytes(&buf))
}
fn fd_write(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("write", a, 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let Some(data) = crate::builtins::bytes::buffer_bytes(vm, a[1])? else {
        let tn = vm.type_name(a[1]);
        return Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{tn}'")));
    };
    vm.become_inevitable()?;
    crate::builtins::modules::flush_all();
    // SAFETY: `data` is a readable buffer of its length for the duration of the call.
    let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
    if n < 0 {
        return Err(os_error(vm, &std::io::Error::last_os_error(), None));
    }
    Ok(Value::int(n as i64))
}
fn fd_lseek(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("lseek", a, 3, 3)?;
    let fd = fd_arg(vm, a[0])?;
    let pos = vm.index_value(a[1], "an integer is required")?;
    let how = vm.index_value(a[2], "an integer is required")? as i32;
    vm.become_inevitable()?;
    // SAFETY: lseek only moves the descriptor's offset.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        return Err(os_error(vm, &std::io::Error::last_os_error(), None));
    }
    Ok(Value::int(r as i64))
}
/// `uname()`: (sysname, nodename, release, version, machine).
fn uname(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("uname", a, 0, 0)?;
    // SAFETY: `utsname` is plain old data; uname fills it with NUL-terminated strings.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(os_error(vm, &std::io::Error::last_os_error(), None));
    }
    let fields = [&u.sysname[..], &u.nodename[..], &u.release[..], &u.version[..], &u.machine[..]];
    let mut out = Vec::with_capacity(5);
    for f in fields {
        let bytes: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
        out.push(vm.new_str(&String::from_utf8_lossy(&bytes)));
    }
    Ok(vm.new_tuple(&out))
}
fn isatty(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("isatty", a, 1, 1)?;
    let fd = vm.index_value(a[0], "an integer is required")?;
    // SAFETY: isatty only inspects the descriptor number.
    Ok(Value::bool(unsafe { libc::isatty(fd as i32) } == 1))
}
fn access(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("access", a, 2, 2)?;
    let p = path_arg(vm, a[0], "access")?;
    let mode = vm.index_value(a[1], "mode must be an integer")? as i32;
    let Ok(c) = std::ffi::CString::new(p) else { return Ok(Value::FALSE) };
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    Ok(Value::bool(unsafe { libc::access(c.as_ptr(), mode) } == 0))
}
fn putenv(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("putenv", a, 2, 2)?;
    let k = path_arg(vm, a[0], "putenv")?;
    let v = path_arg(vm, a[1], "putenv")?;
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(vm.new_error("ValueError", "illegal environment variable name"));
    }
    vm.become_inevitable()?;
    // SAFETY: the environment is changed while this thread is inevitable; other pystm threads
    // read it only through os.environ's dict (set_var's data-race caveat concerns concurrent
    // libc getenv calls, which the runtime does not make after start-up).
    unsafe { std::env::set_var(&k, &v) };
    Ok(Value::NONE)
}
fn unsetenv(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("unsetenv", a, 1, 1)?;
    let k = path_arg(vm, a[0], "unsetenv")?;
    vm.become_inevitable()?;
    // SAFETY: as for putenv.
    unsafe { std::env::remove_var(&k) };
    Ok(Value::NONE)
}
fn readlink(vm: &mut Vm, a: A, _: K) -> R<Value> {
    vm.nargs("readlink", a, 1, 1)?;
    let p = path_arg(vm, a[0], "readlink")?;
    let t = std::fs::read_link(&p).map_err(|e| os_error(vm, &e, Some(a[0])))?;
    Ok(vm.new_str(&t.to_string_lossy()))
}
