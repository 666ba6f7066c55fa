//! pystm's benchmark harness, behind the `pystm-bench` binary (`src/main.rs`): Python benchmark
//! programs (`bench/programs/`) run under several configurations — pystm in STM mode at
//! T = 1, 2, 4 … threads, the `-X gil` single-threaded baseline, CPython, PyPy and a
//! free-threaded CPython when found — with warm-ups, runs in alternation, medians, checksums
//! that must agree, JSON results, Markdown tables, SVG plots, `compare` and `report`.
//!
//! One file per concern: `programs` (finding programs and their header), `configs` (the
//! commands), `measure` (one run: time, CPU, peak RSS, exit), `runner` (the measuring loop),
//! `stats`, `results` (the JSON file and machine metadata), `table`, `plot`, `compare`, `report`.
//! The STM core's own micro-benchmarks live in `stm/benches/`.

pub mod compare;
pub mod configs;
pub mod measure;
pub mod plot;
pub mod programs;
pub mod report;
pub mod results;
pub mod runner;
pub mod stats;
pub mod table;
