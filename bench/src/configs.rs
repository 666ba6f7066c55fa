//! Configurations: the interpreters and modes a program is run under, each a command line to
//! which `FILE THREADS SIZE` is appended. pystm in STM mode (`stm`), pystm `-X gil`, the
//! single-threaded baseline (`gil`), and when found on `PATH` (or given) CPython (`cpython`),
//! PyPy (`pypy`) and a free-threaded CPython (`ft`). A missing optional interpreter is skipped
//! with a note; a missing pystm, or an interpreter named explicitly but absent, is an error.
//! This file only finds and describes commands; `runner.rs` runs them.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The configuration every speedup "against the single-threaded baseline" divides by.
pub const BASELINE: &str = "gil";

/// Every configuration name `--configs` accepts, in table order.
pub const KNOWN: [&str; 5] = ["stm", "gil", "cpython", "pypy", "ft"];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Short name (`stm`, `gil`, `cpython`, …), used on the command line and in JSON keys.
    pub id: String,
    /// Column heading in tables and plots.
    pub label: String,
    /// Program and leading arguments.
    pub command: Vec<String>,
    /// First line of `COMMAND --version`.
    pub version: String,
}

/// Where to find the interpreters; `None` means the default (next to this binary for pystm,
/// `PATH` for the others).
#[derive(Clone, Debug, Default)]
pub struct Interpreters {
    pub pystm: Option<PathBuf>,
    pub cpython: Option<String>,
    pub pypy: Option<String>,
    pub ft: Option<String>,
}

/// Builds the selected configurations (`selected` holds names from [`KNOWN`]), in [`KNOWN`]'s
/// order. Skipped optional interpreters are described in `notes`.
pub fn resolve(selected: &[String], interps: &Interpreters, notes: &mut Vec<String>) -> Result<Vec<Config>, String> {
    for s in selected {
        if !KNOWN.contains(&s.as_str()) {
            return Err(format!("unknown configuration `{s}` (known: {})", KNOWN.join(", ")));
        }
    }
    let mut out = Vec::new();
    let mut pystm_cache: Option<PathBuf> = None;
    let mut pystm = || -> Result<PathBuf, String> {
        if let Some(p) = &pystm_cache {
            return Ok(p.clone());
        }
        let p = match &interps.pystm {
            Some(p) => find_program(&p.to_string_lossy())
                .ok_or_else(|| format!("pystm not found at {} (--pystm)", p.display()))?,
            None => {
                let exe = std::env::current_exe().map_err(|e| format!("cannot locate pystm-bench itself: {e}"))?;
                let p = exe.with_file_name("pystm");
                if !is_executable(&p) {
                    return Err(format!(
                        "pystm not found at {} (build it with `cargo build --release --bin pystm`, or pass --pystm PATH)",
                        p.display()
                    ));
                }
                p
            }
        };
        pystm_cache = Some(p.clone());
        Ok(p)
    };
    for id in KNOWN {
        if !selected.iter().any(|s| s == id) {
            continue;
        }
        let found = match id {
            "stm" => Some(("pystm STM", vec![pystm()?.to_string_lossy().into_owned()])),
            "gil" => Some(("pystm -X gil", vec![pystm()?.to_string_lossy().into_owned(), "-X".into(), "gil".into()])),
            _ => {
                let (label, given, defaults): (&str, &Option<String>, &[&str]) = match id {
                    "cpython" => ("CPython", &interps.cpython, &["python3"]),
                    "pypy" => ("PyPy", &interps.pypy, &["pypy3"]),
                    _ => ("CPython free-threaded", &interps.ft, &["python3.14t", "python3.13t"]),
                };
                match given {
                    Some(name) => {
                        let p = find_program(name).ok_or_else(|| format!("{label} not found: {name}"))?;
                        Some((label, vec![p.to_string_lossy().into_owned()]))
                    }
                    None => match defaults.iter().find_map(|n| find_program(n)) {
                        Some(p) => Some((label, vec![p.to_string_lossy().into_owned()])),
                        None => {
                            notes.push(format!(
                                "note: skipping configuration `{id}`: {} not found on PATH",
                                defaults.join(" or ")
                            ));
                            None
                        }
                    },
                }
            }
        };
        if let Some((label, command)) = found {
            let version = version_of(&command[0]);
            out.push(Config { id: id.to_string(), label: label.to_string(), command, version });
        }
    }
    if out.is_empty() {
        return Err("no configuration left to run".to_string());
    }
    Ok(out)
}

/// A program name is looked up on `PATH`; anything with a `/` is taken as a path.
pub fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return is_executable(&p).then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The first non-empty line `PROGRAM --version` prints (on either stream), or `unknown`.
fn version_of(program: &str) -> String {
    match crate::measure::measure(&[program.to_string(), "--version".to_string()], Duration::from_secs(20), &[]) {
        Ok(m) => m
            .stdout
            .lines()
            .chain(m.stderr.lines())
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("unknown")
            .to_string(),
        Err(_) => "unknown".to_string(),
    }
}
