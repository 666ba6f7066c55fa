//! Benchmark programs: finding them and reading the line that describes them.
//!
//! A program is a Python file run as `INTERPRETER FILE THREADS SIZE` that prints a checksum. It
//! carries one header comment, `# pystm-bench: scaling=strong size=320 quick=40`: whether it
//! splits a fixed amount of work among its threads (`strong`) or gives each thread the same work
//! (`weak`), its default size, and an optional small size for quick runs. Files in the program
//! directory whose names start with `_` are helpers, not programs. This file never runs anything.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

const HEADER: &str = "# pystm-bench:";

/// Strong scaling keeps the total work fixed; weak scaling keeps the work per thread fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scaling {
    Strong,
    Weak,
}

impl fmt::Display for Scaling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Scaling::Strong => "strong scaling",
            Scaling::Weak => "weak scaling",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub name: String,
    pub path: PathBuf,
    pub scaling: Scaling,
    pub size: u64,
    pub quick_size: Option<u64>,
}

/// Reads a program's header line.
pub fn load(path: &Path) -> Result<Program, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let line = text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix(HEADER))
        .ok_or_else(|| format!("{} has no `{HEADER} scaling=strong|weak size=N` line", path.display()))?;
    let (mut scaling, mut size, mut quick_size) = (None, None, None);
    for word in line.split_whitespace() {
        let bad = || format!("{}: bad `{word}` in its `{HEADER}` line", path.display());
        let (key, value) = word.split_once('=').ok_or_else(bad)?;
        match key {
            "scaling" => {
                scaling = Some(match value {
                    "strong" => Scaling::Strong,
                    "weak" => Scaling::Weak,
                    _ => return Err(bad()),
                })
            }
            "size" => size = Some(value.replace('_', "").parse().map_err(|_| bad())?),
            "quick" => quick_size = Some(value.replace('_', "").parse().map_err(|_| bad())?),
            _ => return Err(bad()),
        }
    }
    let missing = |what: &str| format!("{}: its `{HEADER}` line lacks {what}=", path.display());
    Ok(Program {
        name,
        path: path.to_path_buf(),
        scaling: scaling.ok_or_else(|| missing("scaling"))?,
        size: size.ok_or_else(|| missing("size"))?,
        quick_size,
    })
}

/// Every program in `dir` (`*.py` not starting with `_`), sorted by name.
pub fn discover(dir: &Path) -> Result<Vec<Program>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "py")
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('_'))
        })
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("no benchmark programs (*.py) in {}", dir.display()));
    }
    paths.iter().map(|p| load(p)).collect()
}

/// Resolves the programs named on the command line: a name of a program in `dir`, or a path.
pub fn select(dir: &Path, names: &[String]) -> Result<Vec<Program>, String> {
    if names.is_empty() {
        return discover(dir);
    }
    names
        .iter()
        .map(|n| {
            let as_path = Path::new(n);
            if as_path.is_file() {
                load(as_path)
            } else {
                let in_dir = dir.join(format!("{n}.py"));
                if in_dir.is_file() {
                    load(&in_dir)
                } else {
                    Err(format!("no benchmark program `{n}` (neither a file nor {})", in_dir.display()))
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("pystm-bench-programs-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn header_is_parsed() {
        let d = temp_dir("parse");
        let p = write(&d, "a.py", "\"\"\"doc\"\"\"\n# pystm-bench: scaling=weak size=4_000 quick=10\nprint(1)\n");
        let prog = load(&p).unwrap();
        assert_eq!(prog.name, "a");
        assert_eq!((prog.scaling, prog.size, prog.quick_size), (Scaling::Weak, 4000, Some(10)));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn bad_headers_are_named() {
        let d = temp_dir("bad");
        let none = write(&d, "none.py", "print(1)\n");
        assert!(load(&none).unwrap_err().contains("has no `# pystm-bench:"));
        let nosize = write(&d, "nosize.py", "# pystm-bench: scaling=strong\n");
        assert!(load(&nosize).unwrap_err().contains("lacks size="));
        let badkey = write(&d, "badkey.py", "# pystm-bench: scaling=strong size=1 colour=red\n");
        assert!(load(&badkey).unwrap_err().contains("bad `colour=red`"));
        let badscale = write(&d, "badscale.py", "# pystm-bench: scaling=medium size=1\n");
        assert!(load(&badscale).unwrap_err().contains("bad `scaling=medium`"));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn discovery_skips_helpers_and_sorts() {
        let d = temp_dir("discover");
        write(&d, "b.py", "# pystm-bench: scaling=strong size=2\n");
        write(&d, "a.py", "# pystm-bench: scaling=strong size=1\n");
        write(&d, "_helper.py", "x = 1\n");
        write(&d, "notes.txt", "");
        let names: Vec<String> = discover(&d).unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["a", "b"]);
        let picked = select(&d, &["b".to_string()]).unwrap();
        assert_eq!(picked[0].size, 2);
        assert!(select(&d, &["zzz".to_string()]).unwrap_err().contains("no benchmark program `zzz`"));
        std::fs::remove_dir_all(&d).unwrap();
    }
}
