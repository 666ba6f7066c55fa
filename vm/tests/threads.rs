//! pystm's own thread features, which CPython has no expected output for: the `pystm` module
//! (atomic blocks, statistics, the segment limit), the `transaction` module, `-X stm_threads`,
//! `-X gil`, lock operations outside the outermost loop (properties, atomic blocks), and the
//! clear error where a wait could never end. Each program prints what it checks; the test
//! compares that output (and the exit status) and fails on any crash.

use std::process::Command;

fn pystm(args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pystm"));
    c.args(args).env_remove("PYSTM_THREADS");
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().expect("run pystm");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

/// Runs `src` with `args` in every mode and checks it prints `want`.
fn check(src: &str, want: &str) {
    for mode in [&[][..], &["-X", "gil"], &["-X", "stm_threads=1"], &["-X", "stm_threads=4"], &["-X", "gc_stress"]] {
        let mut args: Vec<&str> = mode.to_vec();
        args.extend(["-c", src]);
        let (out, err, code) = pystm(&args, &[]);
        assert_eq!((out.as_str(), code), (want, 0), "mode {mode:?}; stderr:\n{err}");
    }
}

#[test]
fn segment_limit_and_modes() {
    let src = "import pystm, sys; print(pystm.getsegmentlimit(), sys._is_gil_enabled())";
    assert_eq!(pystm(&["-X", "stm_threads=3", "-c", src], &[]).0, "3 False\n");
    assert_eq!(pystm(&["-c", src], &[("PYSTM_THREADS", "5")]).0, "5 False\n");
    assert_eq!(pystm(&["-X", "gil", "-c", src], &[]).0, "1 True\n");
    assert_eq!(pystm(&["--gil", "-c", src], &[]).0, "1 True\n");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get()).min(64);
    assert_eq!(pystm(&["-c", src], &[]).0, format!("{cpus} False\n"));
    for bad in ["stm_threads=0", "stm_threads=65", "stm_threads=x", "stm_threads"] {
        let (out, err, code) = pystm(&["-X", bad, "-c", src], &[]);
        assert_eq!((out.as_str(), code), ("", 2), "-X {bad}");
        assert!(err.contains("-X stm_threads expects a number of threads from 1 to 64"), "{err}");
    }
    let (_, err, code) = pystm(&["-c", src], &[("PYSTM_THREADS", "many")]);
    assert_eq!(code, 2);
    assert!(err.contains("PYSTM_THREADS expects"), "{err}");
}

#[test]
fn atomic_blocks() {
    let src = r#"
import pystm, threading
print(pystm.is_atomic())
with pystm.atomic:
    print(pystm.is_atomic())
    with pystm.atomic:
        print(pystm.is_atomic())
    print(pystm.is_atomic())
print(pystm.is_atomic())
try:
    pystm.atomic.__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError:", e)
# Bank transfers in atomic blocks: the auditor sees the same total in every block.
accounts = [100] * 10
seen = set()
def transfer(k):
    for i in range(3000):
        a, b = (i * 7 + k) % 10, (i * 3 + k * 5) % 10
        with pystm.atomic:
            accounts[a] -= 1
            accounts[b] += 1
def audit():
    for i in range(300):
        with pystm.atomic:
            seen.add(sum(accounts))
ts = [threading.Thread(target=transfer, args=(k,)) for k in range(3)] + [threading.Thread(target=audit)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(accounts), seen)
pystm.hint_commit_soon()
s = pystm.stats()
print(sorted(s), s["all"]["commits"] >= s["thread"]["commits"] > 0, "aborts_write_write" in s["all"])
"#;
    check(
        src,
        "False\nTrue\nTrue\nTrue\nFalse\nRuntimeError: pystm.atomic: exit without a matching enter\n1000 {1000}\n['all', 'thread'] True True\n",
    );
}

#[test]
fn transaction_queue() {
    let src = r#"
import transaction
results = []
def work(i):
    results.append(i * i)
    if i < 10:
        tq.add(work, i + 100)
tq = transaction.TransactionQueue()
for i in range(50):
    tq.add(work, i)
tq.run()
print(len(results), sum(results))
def bad():
    raise ValueError("in a call")
tq.add(bad)
try:
    tq.run(nb_segments=2)
except ValueError as e:
    print("ValueError:", e)
"#;
    let want = 50 * 0 + (0..50).map(|i| i * i).sum::<i64>() + (100..110).map(|i| i * i).sum::<i64>();
    check(src, &format!("60 {want}\nValueError: in a call\n"));
}

#[test]
fn locks_outside_the_outermost_loop() {
    // A property getter and setter take a lock: they run as callbacks of the attribute lookup
    // (nested loops), where lock operations are logged and undone on abort.
    let src = r#"
import threading
class Box:
    def __init__(self):
        self._lock = threading.Lock()
        self._v = 0
    @property
    def v(self):
        with self._lock:
            return self._v
    def add(self, n):
        with self._lock:
            self._v += n
    def __eq__(self, other):
        with self._lock:
            return self._v == other
b = Box()
def work():
    for i in range(2000):
        b.add(1)
        _ = b.v
        _ = (b == -1)
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(b.v, b == 8000)
# Inside an atomic block, a lock another thread holds makes the block wait and start again.
import pystm, time
lock = threading.Lock()
hold = threading.Event()
def holder():
    with lock:
        hold.set()
        time.sleep(0.05)
t = threading.Thread(target=holder)
t.start()
hold.wait()
n = 0
with pystm.atomic:
    with lock:
        n += 1
t.join()
print(n, lock.locked())
"#;
    check(src, "8000 True\n1 False\n");
}

#[test]
fn waiting_for_a_thread_that_cannot_start_is_an_error() {
    let src = r#"
src = '''
import threading
t = threading.Thread(target=print, args=("in thread",))
t.start()
'''
try:
    exec(src)
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
"#;
    check(src, "RuntimeError: pystm cannot wait here for a thread started since the last c\nin thread\n");
}

#[test]
fn exceptions_in_raw_threads_are_reported() {
    let src = r#"
import _thread, time
done = _thread.allocate_lock()
done.acquire()
def f():
    try:
        1 / 0
    finally:
        done.release()
_thread.start_new_thread(f, ())
done.acquire()
time.sleep(0.05)
print("main done")
"#;
    let (out, err, code) = pystm(&["-c", src], &[]);
    assert_eq!((out.as_str(), code), ("main done\n", 0), "{err}");
    assert!(err.starts_with("Exception ignored in thread started by: <function f at 0x"), "{err}");
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
}

#[test]
fn stmlog_names_the_conflicting_lines() {
    let dir = std::env::temp_dir().join(format!("pystm-stmlog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prog = dir.join("conflict.py");
    let log = dir.join("log.txt");
    // Two threads increment one attribute (line 10) until one of them has had three conflicts
    // (or 5 s); both keep going until then, so a conflict with the main thread's `start()`
    // cannot end the run before the two loops have met.
    std::fs::write(
        &prog,
        "import threading, time, pystm\n\
         class C:\n    n = 0\n\
         shared = C()\n\
         start = threading.Barrier(2); stop = []\n\
         def work():\n\
         \x20   c0 = start.wait() * 0 + pystm.stats()['thread']['conflicts']\n\
         \x20   end = time.monotonic() + 5\n\
         \x20   while not stop:\n\
         \x20       shared.n += 1\n\
         \x20       if pystm.stats()['thread']['conflicts'] > c0 + 2 or time.monotonic() > end:\n\
         \x20           stop.append(1)\n\
         ts = [threading.Thread(target=work) for _ in range(2)]\n\
         for t in ts: t.start()\n\
         for t in ts: t.join()\n\
         print('done')\n",
    )
    .unwrap();
    let (out, err, code) =
        pystm(&["-X", "stm_threads=2", "-X", &format!("stmlog={}", log.display()), prog.to_str().unwrap()], &[]);
    assert_eq!((out.as_str(), code), ("done\n", 0), "{err}");
    let (report, err, code) = pystm(&["stmlog", log.to_str().unwrap()], &[]);
    assert_eq!(code, 0, "{err}");
    let line = format!("{}:10", prog.display());
    assert!(report.contains("Conflict sites, by time lost:"), "{report}");
    assert!(report.contains(&format!("winner {line}\n        shared.n += 1")), "{report}");
    assert!(report.contains("MainThread"), "{report}");
    let (json, _, code) = pystm(&["stmlog", log.to_str().unwrap(), "--json"], &[]);
    assert_eq!(code, 0);
    assert!(json.contains(&format!("\"winner\": \"{line}\", \"winner_source\": \"shared.n += 1\"")), "{json}");
    let _ = std::fs::remove_dir_all(&dir);
}
