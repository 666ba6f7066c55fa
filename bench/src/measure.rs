//! Runs one command and measures it: wall time, user+sys CPU time and peak RSS of the process
//! (from `wait4`'s resource usage), its standard output and error, and how it ended (exit code,
//! signal, or killed at the time limit).
//!
//! Owns the child process from spawn to reap. The child runs in its own process group, which is
//! killed whole at the time limit and once the child has exited (so a stray grandchild can never
//! keep a pipe open or outlive the measurement). It never interprets the output: checksums and
//! statistics belong to `runner.rs` and `stats.rs`.

use std::io::{self, Read};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
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
    pub stdout: String,
    pub stderr: String,
    pub ended: Ended,
}

/// Runs `argv` (program and arguments) with standard input closed, killing it after `limit`.
/// An `Err` means the program could not be started at all (not found, not executable).
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
    let out = read_all(child.stdout.take());
    let err = read_all(child.stderr.take());

    // The watchdog kills the group at the time limit unless the child has exited by then. The
    // child is not reaped until `exited` is set under the lock, so its pid (and group id) cannot
    // have been reused when the watchdog kills.
    let state = Arc::new((Mutex::new((false, false)), Condvar::new())); // (exited, killed)
    let watchdog = {
        let state = Arc::clone(&state);
        thread::spawn(move || {
            let (lock, cv) = &*state;
            let guard = lock.lock().unwrap();
            let (mut guard, _) = cv.wait_timeout_while(guard, limit, |s| !s.0).unwrap();
            if !guard.0 {
                kill_group(pid);
                guard.1 = true;
            }
        })
    };
    wait_exited(pid)?;
    let wall = start.elapsed().as_secs_f64();
    let killed = {
        let (lock, cv) = &*state;
        let mut guard = lock.lock().unwrap();
        guard.0 = true;
        cv.notify_all();
        guard.1
    };
    watchdog.join().expect("watchdog thread panicked");
    // The child is a zombie now (not reaped), so its group id is still its own: end stragglers.
    kill_group(pid);
    let (status, usage) = reap(pid)?;
    let stdout = out.join().expect("reader thread panicked");
    let stderr = err.join().expect("reader thread panicked");
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
        stdout,
        stderr,
        ended,
    })
}

fn read_all<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn kill_group(pid: libc::pid_t) {
    // SAFETY: kill(2) takes plain integers; a negative pid names the child's own process group,
    // which exists until the child is reaped (the callers guarantee it is not reaped yet).
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
}

/// Blocks until `pid` has exited, without reaping it (`WNOWAIT`).
fn wait_exited(pid: libc::pid_t) -> io::Result<()> {
    loop {
        // SAFETY: `info` is a plain C struct that waitid fills in; zeroed is a valid value.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: waitid writes only into `info`, which lives across the call.
        let r = unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if r == 0 {
            return Ok(());
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
