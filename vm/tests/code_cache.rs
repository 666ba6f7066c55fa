//! The compiled-code cache: imports fill it, a second run reads it and prints the same, an
//! edited module is compiled again (its source no longer matches), corrupted or truncated cache
//! files are ignored, `PYSTM_CACHE_DIR=` turns the cache off, and `PYTHONDONTWRITEBYTECODE`
//! stops writes for modules read from files (but not for pystm's own).

use std::path::{Path, PathBuf};
use std::process::Command;

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pystm-code-cache-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs `main.py` of `dir` with the cache in `cache` (None: `PYSTM_CACHE_DIR=`); returns stdout.
fn run(dir: &Path, cache: Option<&Path>, no_write: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pystm"));
    cmd.arg(dir.join("main.py")).current_dir(dir);
    cmd.env("PYSTM_CACHE_DIR", cache.map(|c| c.as_os_str().to_owned()).unwrap_or_default());
    if no_write {
        cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    } else {
        cmd.env_remove("PYTHONDONTWRITEBYTECODE");
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "pystm failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn cache_files(cache: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(cache) {
        Ok(rd) => rd.map(|e| e.unwrap().path()).collect(),
        Err(_) => vec![],
    }
}

const MAIN: &str = "import helper, json, textwrap\nprint(helper.f(3), json.dumps({'a': [1, 2.5, None]}), textwrap.shorten('a b c d e f', 7))\n";

#[test]
fn imports_are_cached_reread_invalidated_and_never_trusted_blindly() {
    let dir = tmpdir("main");
    let cache = dir.join("cache");
    std::fs::write(dir.join("main.py"), MAIN).unwrap();
    std::fs::write(dir.join("helper.py"), "def f(x):\n    return [x * i for i in range(3)], -0.0, 10**30, 1e999\n")
        .unwrap();
    let expected = "([0, 3, 6], -0.0, 1000000000000000000000000000000, inf) {\"a\": [1, 2.5, null]} a [...]\n";

    let first = run(&dir, Some(&cache), false);
    assert_eq!(first, expected);
    let files = cache_files(&cache);
    // The prelude, helper, json (a package of several modules) and textwrap at least.
    assert!(files.len() >= 5, "cache files: {files:?}");
    assert_eq!(run(&dir, Some(&cache), false), expected, "read back from the cache");

    // An edited module is compiled again, whatever the cache holds.
    std::fs::write(dir.join("helper.py"), "def f(x):\n    return 'edited', x\n").unwrap();
    assert!(run(&dir, Some(&cache), false).starts_with("('edited', 3)"));

    // Corrupted files (garbage, truncated, emptied) are ignored.
    for (i, f) in cache_files(&cache).iter().enumerate() {
        let bytes = std::fs::read(f).unwrap();
        let bad = match i % 3 {
            0 => bytes[..bytes.len() / 2].to_vec(),
            1 => bytes.iter().map(|b| b ^ 0x5a).collect(),
            _ => vec![],
        };
        std::fs::write(f, bad).unwrap();
    }
    assert!(run(&dir, Some(&cache), false).starts_with("('edited', 3)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_cache_can_be_turned_off_and_writes_follow_pythondontwritebytecode() {
    let dir = tmpdir("off");
    std::fs::write(dir.join("main.py"), MAIN).unwrap();
    std::fs::write(dir.join("helper.py"), "def f(x):\n    return x\n").unwrap();

    // PYSTM_CACHE_DIR= : nothing is written anywhere under the directory.
    assert!(run(&dir, None, false).starts_with("3 "));
    assert!(cache_files(&dir).iter().all(|p| p.extension().is_some_and(|e| e == "py")));

    // PYTHONDONTWRITEBYTECODE: the helper (a file) is not cached; pystm's own modules are.
    let cache = dir.join("cache");
    assert!(run(&dir, Some(&cache), true).starts_with("3 "));
    let n_no_write = cache_files(&cache).len();
    assert!(n_no_write >= 4);
    assert!(run(&dir, Some(&cache), false).starts_with("3 "));
    assert_eq!(cache_files(&cache).len(), n_no_write + 1, "the helper's file appears once writes are allowed");
    let _ = std::fs::remove_dir_all(&dir);
}
