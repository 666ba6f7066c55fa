//! The results file: what a `run` measured, with the machine and options it ran under, as JSON
//! (schema 1). `compare` and `report` read it back; nothing else is needed to redraw the tables
//! and plots. This file defines the data and collects machine metadata; it never measures.

use crate::configs::Config;
use crate::programs::Scaling;
use crate::stats::Summary;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const SCHEMA: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub schema: u32,
    pub machine: Machine,
    pub options: Options,
    pub configs: Vec<Config>,
    /// Notes printed during the run (skipped interpreters and the like).
    pub notes: Vec<String>,
    pub programs: Vec<ProgramResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    /// Logical CPUs the harness may use.
    pub cpus: usize,
    /// Physical cores, where /proc/cpuinfo tells them apart.
    pub physical_cores: Option<usize>,
    pub cpu_model: String,
    pub kernel: String,
    pub hostname: String,
    /// UTC time the run started, `YYYY-MM-DDTHH:MM:SSZ`.
    pub date: String,
    pub git_commit: Option<String>,
    /// Whether the working tree had uncommitted changes.
    pub git_dirty: bool,
    pub harness_version: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// The command line that produced the file.
    pub command_line: Vec<String>,
    pub threads: Vec<usize>,
    pub runs: usize,
    pub warmups: usize,
    pub timeout_s: f64,
    pub quick: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramResult {
    pub name: String,
    pub scaling: Scaling,
    pub size: u64,
    /// The checksum every successful run printed, when they all agreed (a weak-scaling program's
    /// may differ between thread counts: see each cell's).
    pub checksum: Option<String>,
    /// Set when runs printed different checksums: which cells printed what.
    pub mismatch: Option<String>,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    /// Exited with a non-zero status, was killed by a signal, printed no checksum or could not start.
    Failed,
    TimedOut,
}

/// One configuration at one thread count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub config: String,
    pub threads: usize,
    pub status: Status,
    pub error: Option<String>,
    /// What every successful run of this cell printed, when they agreed.
    #[serde(default)]
    pub checksum: Option<String>,
    /// Measured runs (warm-ups excluded).
    pub runs: Vec<Run>,
    pub wall: Option<Summary>,
    pub user_sys: Option<Summary>,
    pub peak_rss_kib: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub wall: f64,
    pub user_sys: f64,
    pub max_rss_kib: u64,
}

impl Results {
    pub fn config(&self, id: &str) -> Option<&Config> {
        self.configs.iter().find(|c| c.id == id)
    }

    pub fn read(path: &Path) -> Result<Results, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let r: Results = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a pystm-bench results file: {e}", path.display()))?;
        if r.schema != SCHEMA {
            return Err(format!("{}: results schema {} (this harness reads {SCHEMA})", path.display(), r.schema));
        }
        Ok(r)
    }

    pub fn write(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let text = serde_json::to_string_pretty(self).expect("results serialize");
        std::fs::write(path, text + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

impl ProgramResult {
    pub fn cell(&self, config: &str, threads: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.config == config && c.threads == threads)
    }

    /// Median wall time of a successful cell.
    pub fn median(&self, config: &str, threads: usize) -> Option<f64> {
        self.cell(config, threads).filter(|c| c.status == Status::Ok).and_then(|c| c.wall).map(|s| s.median)
    }
}

impl Machine {
    /// Describes this machine; `repo` is any directory inside the git checkout being measured.
    pub fn this(repo: &Path) -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let field = |line: &str| line.split_once(':').map(|(_, v)| v.trim().to_string());
        let cpu_model = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(field)
            .unwrap_or_else(|| "unknown".to_string());
        let mut cores = std::collections::BTreeSet::new();
        let mut physical = None;
        for line in cpuinfo.lines() {
            if line.starts_with("physical id") {
                physical = field(line);
            } else if line.starts_with("core id") {
                cores.insert((physical.clone(), field(line)));
            }
        }
        let git = |args: &[&str]| {
            std::process::Command::new("git")
                .arg("-C")
                .arg(repo)
                .args(args)
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        };
        let read = |p: &str| std::fs::read_to_string(p).map(|s| s.trim().to_string()).unwrap_or_default();
        Machine {
            cpus: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            physical_cores: (!cores.is_empty()).then_some(cores.len()),
            cpu_model,
            kernel: format!("{} {}", read("/proc/sys/kernel/ostype"), read("/proc/sys/kernel/osrelease")),
            hostname: read("/proc/sys/kernel/hostname"),
            date: utc_now(),
            git_commit: git(&["rev-parse", "HEAD"]),
            git_dirty: git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty()),
            harness_version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    /// One line: "2 CPUs (AMD EPYC …), Linux 6.18, 2026-11-27, commit 1234567".
    pub fn summary(&self) -> String {
        let cores = match self.physical_cores {
            Some(p) if p != self.cpus => format!("{} CPUs on {p} cores", self.cpus),
            _ => format!("{} CPUs", self.cpus),
        };
        let commit = match &self.git_commit {
            Some(c) => {
                format!(
                    ", commit {}{}",
                    c.chars().take(7).collect::<String>(),
                    if self.git_dirty { " (modified)" } else { "" }
                )
            }
            None => String::new(),
        };
        let day: String = self.date.chars().take(10).collect();
        format!("{cores} ({}), {}, {day}{commit}", self.cpu_model, self.kernel)
    }
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    format_utc(secs)
}

/// Formats seconds since the Unix epoch (proleptic Gregorian calendar, days-from-civil inverse).
pub fn format_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem / 60 % 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_formatting() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_795_750_303), "2026-11-27T03:31:43Z");
    }
}
