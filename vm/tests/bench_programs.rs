//! Runs every benchmark program of `bench/programs/` at its quick size (the `quick=` of its
//! `# pystm-bench:` line) under pystm in every execution mode, with 1 and 2 threads (GC stress
//! mode with 2 only), and
//! compares its output with what CPython 3.11 printed (`bench/programs/regen.sh` writes
//! `expected/NAME.stdout`; every program's output is independent of the thread count).

use std::path::{Path, PathBuf};
use std::process::Command;

const MODES: &[(&str, &[&str])] = &[
    ("interp", &[]),
    ("gc_stress", &["-X", "gc_stress"]),
    ("gil", &["-X", "gil"]),
    ("stm1", &["-X", "stm_threads=1"]),
    ("jit1", &["--jit", "threshold=1"]),
    ("jit1_gc_stress", &["--jit", "threshold=1", "-X", "gc_stress"]),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/programs").canonicalize().unwrap()
}

fn quick_size(src: &str) -> Option<String> {
    let line = src.lines().find(|l| l.starts_with("# pystm-bench:"))?;
    let word = line.split_whitespace().find_map(|w| w.strip_prefix("quick="))?;
    Some(word.replace('_', ""))
}

#[test]
fn benchmark_programs_print_what_cpython_prints_in_every_mode() {
    let d = dir();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    programs.sort();
    assert!(programs.len() >= 5, "benchmark programs not found in {}", d.display());
    let mut failures = Vec::new();
    for path in &programs {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(path).unwrap();
        let size = quick_size(&src).unwrap_or_else(|| panic!("{name}: no quick= size in its header"));
        let expected = std::fs::read_to_string(d.join("expected").join(format!("{name}.stdout")))
            .unwrap_or_else(|_| panic!("{name}: no expected output (run bench/programs/regen.sh)"));
        for (mode, flags) in MODES {
            // GC stress mode is slow: once, with threads.
            let counts: &[&str] = if *mode == "gc_stress" { &["2"] } else { &["1", "2"] };
            for &threads in counts {
                let out = Command::new(env!("CARGO_BIN_EXE_pystm"))
                    .args(*flags)
                    .arg(path)
                    .args([threads, &size])
                    .env_remove("PYTHONPATH")
                    .output()
                    .unwrap();
                let stdout = String::from_utf8_lossy(&out.stdout);
                if !out.status.success() || stdout != expected {
                    failures.push(format!(
                        "{name} [{mode}, T={threads}]: status {:?}, stdout {:?} (want {:?}), stderr {:?}",
                        out.status.code(),
                        stdout,
                        expected,
                        String::from_utf8_lossy(&out.stderr)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
