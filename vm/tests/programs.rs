//! Runs every Python program under `tests/python/` with the `pystm` binary, in every execution
//! mode pystm has (the STM interpreter, GC stress mode, and the single-threaded `-X gil`
//! baseline; programs that use threads also with 1 and 4 STM segments; the JIT at its default
//! threshold everywhere and with `--jit threshold=1`, which compiles every loop it can the first
//! time round, in STM, `-X gil` and 4-segment modes), and compares stdout,
//! stderr and the exit status with the files CPython 3.11 produced (`tests/python/regen.sh`).
//! Programs listed in `tests/python/known_failures.txt` must still fail (so that the list stays
//! honest).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const MODES: &[(&str, &[&str])] = &[
    ("interp", &[]),
    ("gc_stress", &["-X", "gc_stress"]),
    ("gil", &["-X", "gil"]),
    ("jit1", &["--jit", "threshold=1"]),
    ("jit1_gil", &["--jit", "threshold=1", "-X", "gil"]),
];
/// More modes for programs that start threads.
const THREAD_MODES: &[(&str, &[&str])] = &[
    ("stm1", &["-X", "stm_threads=1"]),
    ("stm4", &["-X", "stm_threads=4"]),
    ("jit1_stm4", &["--jit", "threshold=1", "-X", "stm_threads=4"]),
];
const TIMEOUT: Duration = Duration::from_secs(120);

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/python").canonicalize().unwrap()
}

struct Outcome {
    stdout: String,
    stderr: String,
    status: String,
}

fn run(prog: &str, args: &[&str]) -> Outcome {
    let d = dir();
    let stdin = d.join(format!("{prog}.stdin"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pystm"));
    cmd.args(args).arg(format!("{prog}.py")).current_dir(&d).env_remove("PYTHONPATH");
    cmd.stdin(if stdin.exists() { Stdio::from(std::fs::File::open(&stdin).unwrap()) } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn pystm");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code().map(|c| c.to_string()).unwrap_or_else(|| "signal".into());
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break "timeout".into();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).into_owned();
    // CPython prints absolute paths in tracebacks; regen.sh strips this directory.
    let prefix = format!("{}/", d.display());
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).replace(&prefix, "");
    Outcome { stdout, stderr, status }
}

fn first_difference(what: &str, got: &str, want: &str) -> Option<String> {
    if got == want {
        return None;
    }
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let i = g.iter().zip(w.iter()).position(|(a, b)| a != b).unwrap_or(g.len().min(w.len()));
    Some(format!(
        "{what} differs at line {}:\n    got:  {:?}\n    want: {:?}",
        i + 1,
        g.get(i).copied().unwrap_or("<end>"),
        w.get(i).copied().unwrap_or("<end>")
    ))
}

fn check(prog: &str, args: &[&str]) -> Result<(), String> {
    let d = dir();
    let read = |ext: &str| std::fs::read_to_string(d.join(format!("{prog}.{ext}"))).unwrap_or_default();
    let o = run(prog, args);
    let mut problems = Vec::new();
    problems.extend(first_difference("stdout", &o.stdout, &read("stdout")));
    problems.extend(first_difference("stderr", &o.stderr, &read("stderr")));
    let want_status = read("exit").trim().to_string();
    if o.status != want_status {
        problems.push(format!("exit status {} (want {want_status})", o.status));
    }
    if o.stderr.contains("panicked") || o.status == "signal" || o.status == "101" {
        problems.push("pystm crashed".into());
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n  ")) }
}

fn known_failures() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir().join("known_failures.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (n, why) = l.split_once(':').unwrap_or((l, ""));
            (n.trim().to_string(), why.trim().to_string())
        })
        .collect()
}

#[test]
fn python_programs_match_cpython() {
    let mut progs: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py") && !n.starts_with('_'))
        .map(|n| n.trim_end_matches(".py").to_string())
        .collect();
    progs.sort();
    assert!(progs.len() >= 20, "expected the test programs under tests/python");
    let known = known_failures();
    for k in known.keys() {
        assert!(progs.contains(k), "known_failures.txt names {k}, which does not exist");
    }
    // A program can opt out of GC stress mode (it collects the whole heap every 16 safe points,
    // which is too slow for programs with large heaps) with a comment line.
    let source = |p: &str| std::fs::read_to_string(dir().join(format!("{p}.py"))).unwrap_or_default();
    let no_stress = |p: &str| source(p).contains("pystm-test: no-gc-stress");
    let threaded = |p: &str| source(p).contains("import threading") || source(p).contains("import _thread");
    let jobs: Vec<(String, &str, &[&str])> = progs
        .iter()
        .flat_map(|p| {
            let extra: &[(&str, &[&str])] = if threaded(p) { THREAD_MODES } else { &[] };
            MODES.iter().chain(extra).map(move |(m, a)| (p.clone(), *m, *a))
        })
        .filter(|(p, m, _)| *m != "gc_stress" || !no_stress(p))
        .collect();
    let jobs = Mutex::new(jobs.into_iter());
    let results = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).min(8);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some((p, m, a)) = jobs.lock().unwrap().next() else { break };
                    let r = check(&p, a);
                    results.lock().unwrap().push((p, m, r));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut errors = Vec::new();
    let mut passed = 0;
    for (p, m, r) in &results {
        match (r, known.contains_key(p)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) if *m == "interp" => {
                errors.push(format!("{p} [{m}]: passes now; remove it from known_failures.txt"))
            }
            (Ok(()), true) => {}
            (Err(e), false) => errors.push(format!("{p} [{m}]:\n  {e}")),
            (Err(_), true) => {}
        }
    }
    eprintln!(
        "{passed} program runs passed; {} programs are known failures: {}",
        known.len(),
        known.keys().cloned().collect::<Vec<_>>().join(", ")
    );
    assert!(errors.is_empty(), "{} problem(s):\n{}", errors.len(), errors.join("\n"));
}
