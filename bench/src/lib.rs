//! The benchmark harness of pystm (issue: "The benchmark harness").
//!
//! It will own `pystm-bench`: Python benchmark programs under `bench/programs/` run under several
//! configurations (STM at T threads, the `--gil` baseline, CPython, PyPy) with warm-ups, medians,
//! checksums, JSON results and plots. Nothing is implemented yet; the STM core's own
//! micro-benchmarks live in `stm/benches/`.
