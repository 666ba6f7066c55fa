//! Runs one command and measures it: wall time, user+sys CPU time and peak RSS of the process
//! (from `wait4`'s resource usage), its standard output and error (each capped), and how it
//! ended (exit code, signal, or killed at the time limit).
//!
//! Owns the child process from spawn to reap. The child runs in its own process group, which is
//! killed whole at the time limit, once the child has exited (stragglers), and when pystm-bench
//! itself is interrupted (SIGINT, SIGTERM, SIGHUP: see [`install_signal_handlers`]). One thread
//! polls the child's pidfd and both pipes, so exit is seen at once and a pipe held open by a
//! process that left the group delays the result by at most [`DRAIN_GRACE`]. It never interprets
//! the output: checksums and statistics belong to `runner.rs` and `stats.rs`.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// How a measured process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    Exit(i32),
    Signal(i32),
    TimedOut,
}

/// One measured run.
#[derive(Clone, Debug)]
pub struct Measurement {
    /// Wall-clock seconds from spawn to exit.
    pub wall: f64,
    /// User plus system CPU seconds of the process and the descendants it waited for.
    pub user_sys: f64,
    /// Peak resident set size in KiB (`ru_maxrss`).
    pub max_rss_kib: u64,
    /// Standard output: its first [`OUTPUT_CAP`] bytes.
    pub stdout: String,
    /// Standard error: its last [`OUTPUT_CAP`] bytes.
    pub stderr: String,
    pub ended: Ended,
}

/// The most bytes kept of each output stream (the rest is read and dropped).
pub const OUTPUT_CAP: usize = 64 * 1024;
/// How long output is still collected after the child exited, if something else holds a pipe.
pub const DRAIN_GRACE: Duration = Duration::from_millis(500);

/// The process group being measured (0: none), for the signal handler.
static CURRENT_GROUP: AtomicI32 = AtomicI32::new(0);

extern "C" fn on_signal(sig: libc::c_int) {
    let group = CURRENT_GROUP.load(Ordering::SeqCst);
    // SAFETY: kill, signal and raise are async-signal-safe; the group, if set, is a child's that
    // has not been reaped yet (it is cleared before reaping).
    unsafe {
        if group > 0 {
            libc::kill(-group, libc::SIGKILL);
        }
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

/// Makes an interrupted pystm-bench take its running benchmark down with it (the benchmark is
/// in a process group of its own, out of the terminal's reach), and resets SIGCHLD to its
/// default so that an inherited "ignore" cannot make the kernel reap children behind our back.
pub fn install_signal_handlers() {
    // SAFETY: installing handlers is sound at any time; `on_signal` only calls
    // async-signal-safe functions.
    unsafe {
        libc::signal(libc::SIGCHLD, libc::SIG_DFL);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::signal(sig, on_signal as *const () as libc::sighandler_t);
        }
    }
}

/// Keeps the first (`keep_tail` false) or last `OUTPUT_CAP` bytes of a stream.
struct Capture {
    bytes: Vec<u8>,
    keep_tail: bool,
}

impl Capture {
    fn push(&mut self, chunk: &[u8]) {
        if self.keep_tail {
            self.bytes.extend_from_slice(chunk);
            if self.bytes.len() > 2 * OUTPUT_CAP {
                self.bytes.drain(..self.bytes.len() - OUTPUT_CAP);
            }
        } else {
            let room = OUTPUT_CAP.saturating_sub(self.bytes.len());
            self.bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
    }
    fn text(mut self) -> String {
        if self.keep_tail && self.bytes.len() > OUTPUT_CAP {
            self.bytes.drain(..self.bytes.len() - OUTPUT_CAP);
        }
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// Runs `argv` (program and arguments) with standard input closed, killing it after `limit`.
/// An `Err` means the program could not be started at all (not found, not executable), or the
/// system refused a call the measurement needs.
pub fn measure(argv: &[String], limit: Duration, env: &[(String, String)]) -> io::Result<Measurement> {
    let (program, args) = argv.split_first().ok_or_else(|| io::Error::other("empty command"))?;
    let mut command = Command::new(program);
    command
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = command.spawn()?;
    let pid = child.id() as libc::pid_t;
    CURRENT_GROUP.store(pid, Ordering::SeqCst);
    let pipes: Vec<OwnedFd> = [child.stdout.take().map(OwnedFd::from), child.stderr.take().map(OwnedFd::from)]
        .into_iter()
        .flatten()
        .collect();
    let outcome = watch(pid, start, limit, &pipes);
    // Whatever happened, the child is not reaped yet, so its group id is still its own: end it
    // and any straggler, then reap.
    kill_group(pid);
    CURRENT_GROUP.store(0, Ordering::SeqCst);
    let (status, usage) = reap(pid)?;
    let (wall, killed, captures) = outcome?;
    let [stdout, stderr] = captures;
    let ended = if killed {
        Ended::TimedOut
    } else if libc::WIFEXITED(status) {
        Ended::Exit(libc::WEXITSTATUS(status))
    } else {
        Ended::Signal(libc::WTERMSIG(status))
    };
    let secs = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6;
    Ok(Measurement {
        wall,
        user_sys: secs(usage.ru_utime) + secs(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss.max(0) as u64,
        stdout: stdout.text(),
        stderr: stderr.text(),
        ended,
    })
}

/// Waits for `pid` to exit (without reaping it), reading both pipes meanwhile and killing the
/// group at the time limit. Returns the wall time, whether it was killed, and the captures.
fn watch(
    pid: libc::pid_t,
    start: Instant,
    limit: Duration,
    pipes: &[OwnedFd],
) -> io::Result<(f64, bool, [Capture; 2])> {
    let pidfd = pidfd_open(pid)?;
    let mut captures =
        [Capture { bytes: Vec::new(), keep_tail: false }, Capture { bytes: Vec::new(), keep_tail: true }];
    let mut open = [pipes.first().map(|p| p.as_raw_fd()), pipes.get(1).map(|p| p.as_raw_fd())];
    for fd in open.iter().flatten() {
        set_nonblocking(*fd)?;
    }
    let deadline = start + limit;
    let mut wall = None;
    let mut killed = false;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let now = Instant::now();
        let until = match wall {
            None if !killed => deadline,
            None => now + Duration::from_millis(100),
            Some((_, drain_until)) => drain_until,
        };
        let mut fds: Vec<libc::pollfd> = Vec::with_capacity(3);
        if wall.is_none() {
            fds.push(libc::pollfd { fd: pidfd.as_raw_fd(), events: libc::POLLIN, revents: 0 });
        }
        for fd in open.iter().flatten() {
            fds.push(libc::pollfd { fd: *fd, events: libc::POLLIN, revents: 0 });
        }
        if wall.is_some() && fds.is_empty() {
            break;
        }
        let ms = until.saturating_duration_since(now).as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: `fds` is a live array of `fds.len()` pollfd structs.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        for (i, slot) in open.iter_mut().enumerate() {
            if let Some(fd) = *slot
                && drain(fd, &mut buf, &mut captures[i])?
            {
                *slot = None;
            }
        }
        if wall.is_none() && exited(pid)? {
            let w = start.elapsed().as_secs_f64();
            // The group's stragglers go now, so that their pipe ends close.
            kill_group(pid);
            wall = Some((w, Instant::now() + DRAIN_GRACE));
            continue;
        }
        let now = Instant::now();
        match wall {
            None if !killed && now >= deadline => {
                kill_group(pid);
                killed = true;
            }
            Some((_, drain_until)) if now >= drain_until => break,
            _ => {}
        }
    }
    let wall = wall.map(|w| w.0).unwrap_or_else(|| start.elapsed().as_secs_f64());
    Ok((wall, killed, captures))
}

/// Reads what `fd` has now; true at end of file.
fn drain(fd: RawFd, buf: &mut [u8], capture: &mut Capture) -> io::Result<bool> {
    loop {
        // SAFETY: `buf` is a live, writable buffer of `buf.len()` bytes.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n > 0 {
            capture.push(&buf[..n as usize]);
        } else if n == 0 {
            return Ok(true);
        } else {
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted => continue,
                io::ErrorKind::WouldBlock => return Ok(false),
                _ => return Err(e),
            }
        }
    }
}

fn set_nonblocking(fd: RawFd) -> io::Result<()> {
    // SAFETY: fcntl on a file descriptor this function's caller owns.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // SAFETY: as above.
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// A file descriptor that polls readable when `pid` exits (Linux 5.3 and later).
fn pidfd_open(pid: libc::pid_t) -> io::Result<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the kernel just returned this descriptor to us, and nothing else owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

fn kill_group(pid: libc::pid_t) {
    // SAFETY: kill(2) takes plain integers; a negative pid names the child's own process group,
    // which exists until the child is reaped (the callers guarantee it is not reaped yet).
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
}

/// Whether `pid` has exited, without reaping it (`WNOWAIT`).
fn exited(pid: libc::pid_t) -> io::Result<bool> {
    loop {
        // SAFETY: `info` is a plain C struct that waitid fills in; zeroed is a valid value.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: waitid writes only into `info`, which lives across the call.
        let r = unsafe {
            libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT | libc::WNOHANG)
        };
        if r == 0 {
            // SAFETY: waitid filled `info`; si_pid is 0 when the child has not exited.
            return Ok(unsafe { info.si_pid() } != 0);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Reaps `pid` and returns its wait status and resource usage.
fn reap(pid: libc::pid_t) -> io::Result<(libc::c_int, libc::rusage)> {
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: rusage is a plain C struct; zeroed is a valid value.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: wait4 writes only into `status` and `usage`, which live across the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_keep_the_head_of_stdout_and_the_tail_of_stderr() {
        let mut head = Capture { bytes: Vec::new(), keep_tail: false };
        let mut tail = Capture { bytes: Vec::new(), keep_tail: true };
        for i in 0..3 * OUTPUT_CAP / 1000 {
            let chunk = format!("{:0999}\n", i);
            head.push(chunk.as_bytes());
            tail.push(chunk.as_bytes());
        }
        let (h, t) = (head.text(), tail.text());
        assert_eq!(h.len(), OUTPUT_CAP);
        assert!(h.starts_with(&format!("{:0999}\n", 0)));
        assert_eq!(t.len(), OUTPUT_CAP);
        assert!(t.ends_with(&format!("{:0999}\n", 3 * OUTPUT_CAP / 1000 - 1)));
    }
}
