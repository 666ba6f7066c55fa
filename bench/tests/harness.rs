//! End-to-end tests of `pystm-bench` on tiny programs run by a fake interpreter
//! (`tests/fake/fakepy`, a shell script that follows `# fake:` lines in the program), plus one
//! real threaded program under CPython and pystm. No test asserts anything about speed.

use bench::compare;
use bench::programs::Scaling;
use bench::report;
use bench::results::{Cell, Machine, Options, ProgramResult, Results, Run, SCHEMA, Status};
use bench::stats::Summary;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pystm-bench");

fn fake_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fake")
}

fn fakepy() -> String {
    fake_dir().join("fakepy").to_string_lossy().into_owned()
}

fn temp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pystm-bench-test-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs `pystm-bench run` over the fake programs with the fake interpreter as every
/// configuration: as `fake-pystm` (STM and `-X gil`) and `fake-cpython`, symbolic links made in
/// the output's directory, so that its log tells the configurations apart.
fn run_fake(out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = out.parent().unwrap();
    for name in ["fake-pystm", "fake-cpython"] {
        let _ = std::os::unix::fs::symlink(fakepy(), dir.join(name));
    }
    let mut cmd = Command::new(BIN);
    cmd.arg("run")
        .arg("--programs-dir")
        .arg(fake_dir().join("programs"))
        .arg("--pystm")
        .arg(dir.join("fake-pystm"))
        .arg("--cpython")
        .arg(dir.join("fake-cpython"))
        .args(["--configs", "stm,gil,cpython", "--quiet", "--out"])
        .arg(out)
        .args(extra);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_good_run_writes_tables_json_and_plots() {
    let d = temp("good");
    let out = d.join("r.json");
    let log = d.join("log");
    let o = run_fake(
        &out,
        &["ok", "weak", "--threads", "1,2", "--runs", "3", "--warmups", "1"],
        &[("FAKE_LOG", log.to_str().unwrap())],
    );
    let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(0), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains("## ok (strong scaling, size 100): checksum `checksum 100`"), "{stdout}");
    // A weak-scaling program's checksum may change with T (its work does), never within a T.
    assert!(stdout.contains("## weak (weak scaling, size 7): checksums agree at each thread count"), "{stdout}");
    assert!(stdout.contains("| threads | pystm STM | pystm -X gil | CPython |"), "{stdout}");
    assert!(stdout.contains("against the single-threaded baseline (pystm -X gil at T=1)"), "{stdout}");

    let r = Results::read(&out).unwrap();
    assert_eq!(r.schema, SCHEMA);
    assert_eq!(r.options.threads, [1, 2]);
    assert_eq!(r.configs.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["stm", "gil", "cpython"]);
    assert_eq!(r.configs[0].version, "fakepy 1.0");
    assert_eq!(r.configs[1].command.last().unwrap(), "gil");
    assert!(r.machine.cpus >= 1 && !r.machine.date.is_empty());
    for p in &r.programs {
        assert_eq!(p.cells.len(), 6);
        assert!(p.mismatch.is_none());
        for c in &p.cells {
            assert_eq!(c.status, Status::Ok);
            assert_eq!(c.runs.len(), 3);
            let w = c.wall.unwrap();
            assert!(w.min <= w.median && w.median <= w.max);
            assert!(c.peak_rss_kib.unwrap() > 0);
        }
    }
    // The busy loop shows up as CPU time; the sleep as wall time.
    let ok = &r.programs.iter().find(|p| p.name == "ok").unwrap();
    assert!(ok.cells.iter().all(|c| c.user_sys.unwrap().min > 0.0));
    let weak = &r.programs.iter().find(|p| p.name == "weak").unwrap();
    assert!(weak.cells.iter().all(|c| c.wall.unwrap().min >= 0.05));

    // Every cell ran 1 warm-up + 3 runs; rounds alternate direction.
    let lines: Vec<String> = std::fs::read_to_string(&log).unwrap().lines().map(String::from).collect();
    assert_eq!(lines.len(), 2 * 6 * 4);
    let first_program: Vec<String> = lines.iter().filter(|l| l.contains("ok.py")).cloned().collect();
    assert_eq!(first_program.len(), 24);
    let expected_round: Vec<String> = [
        "fake-pystm gil=0 ok.py 1 100",
        "fake-pystm gil=0 ok.py 2 100",
        "fake-pystm gil=1 ok.py 1 100",
        "fake-pystm gil=1 ok.py 2 100",
        "fake-cpython gil=0 ok.py 1 100",
        "fake-cpython gil=0 ok.py 2 100",
    ]
    .map(String::from)
    .to_vec();
    let reversed: Vec<String> = expected_round.iter().rev().cloned().collect();
    // Warm-up round, then measured rounds in alternating directions.
    assert_eq!(&first_program[0..6], &expected_round[..]);
    assert_eq!(&first_program[6..12], &reversed[..]);
    assert_eq!(&first_program[12..18], &expected_round[..]);
    assert_eq!(&first_program[18..24], &reversed[..]);
    let weak_cells = &r.programs.iter().find(|p| p.name == "weak").unwrap().cells;
    assert!(weak_cells.iter().all(|c| c.checksum == Some(format!("checksum {}", 7 * c.threads))));

    for name in ["ok", "weak"] {
        let svg = std::fs::read_to_string(report::plot_path(&out, name)).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<polyline") && svg.contains("ideal (S = T)"));
    }
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_checksum_mismatch_fails_loudly_and_names_the_cells() {
    let d = temp("mismatch");
    let out = d.join("r.json");
    let o = run_fake(&out, &["mismatch", "--threads", "1", "--runs", "1", "--warmups", "0"], &[]);
    let stderr = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("CHECKSUM MISMATCH in mismatch"), "{stderr}");
    assert!(stderr.contains("pystm -X gil T=1 printed \"checksum 6\""), "{stderr}");
    assert!(stderr.contains("pystm STM T=1, CPython T=1 printed \"checksum 5\""), "{stderr}");
    assert!(text(&o.stdout).contains("**CHECKSUM MISMATCH**"));
    let r = Results::read(&out).unwrap();
    assert!(r.programs[0].mismatch.is_some() && r.programs[0].checksum.is_none());
    // One thread count: a single point is no plot.
    assert!(!report::plot_path(&out, "mismatch").exists());

    // One configuration printing a different checksum from run to run is a mismatch too.
    let o = run_fake(&out, &["unstable", "--configs", "stm", "--threads", "1", "--runs", "2", "--warmups", "0"], &[]);
    let stderr = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("CHECKSUM MISMATCH in unstable"), "{stderr}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn crashes_silence_and_timeouts_are_reported_as_such() {
    let d = temp("fail");
    let out = d.join("r.json");
    let o = run_fake(
        &out,
        &["crash", "slow", "silent", "--configs", "stm,gil", "--threads", "1", "--runs", "2", "--timeout", "1"],
        &[],
    );
    let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("failed: exited with status 3: ZeroDivisionError: boom"), "{stdout}");
    assert!(stdout.contains("timed out"), "{stdout}");
    assert!(stdout.contains("failed: printed no checksum"), "{stdout}");
    assert!(stderr.contains("slow stm T=1: timed out after 1 s"), "{stderr}");
    let r = Results::read(&out).unwrap();
    let status = |name: &str| r.programs.iter().find(|p| p.name == name).unwrap().cells[0].status;
    assert_eq!(status("crash"), Status::Failed);
    assert_eq!(status("slow"), Status::TimedOut);
    assert_eq!(status("silent"), Status::Failed);
    // The timed-out program's whole process group was killed: no stray `sleep` is left.
    assert!(!running("sleep 31.4159"));

    // An interpreter that cannot be executed (a script whose interpreter does not exist).
    let broken = d.join("broken");
    std::fs::write(&broken, "#!/no/such/interpreter\n").unwrap();
    std::fs::set_permissions(&broken, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let o = Command::new(BIN)
        .args(["run", "ok", "--quiet", "--configs", "stm", "--threads", "1", "--runs", "1"])
        .arg("--programs-dir")
        .arg(fake_dir().join("programs"))
        .arg("--pystm")
        .arg(&broken)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("failed: could not start"), "{}", text(&o.stdout));
    std::fs::remove_dir_all(&d).unwrap();
}

fn running(cmdline: &str) -> bool {
    let ps = Command::new("ps").args(["-eo", "args"]).output().unwrap();
    text(&ps.stdout).lines().any(|l| l.trim() == cmdline)
}

#[test]
fn a_process_that_leaves_the_group_holding_the_pipes_does_not_hang_the_harness() {
    let d = temp("escape");
    let out = d.join("r.json");
    let o = run_fake(&out, &["escape", "--configs", "stm", "--threads", "1", "--runs", "1", "--warmups", "0"], &[]);
    // The harness returned while the escaped `sleep` (in a session of its own, holding the
    // output pipes) still runs: it did not wait for the pipes to close.
    let still_running = running("sleep 9.8765");
    let _ = Command::new("pkill").args(["-f", "^sleep 9.8765$"]).status();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(still_running, "the harness waited for a process outside the measured group");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn an_interrupted_harness_kills_the_running_benchmark() {
    let d = temp("interrupt");
    std::fs::write(d.join("nap.py"), "# pystm-bench: scaling=strong size=1\n# fake: sleep=27.1828\n").unwrap();
    let mut child = Command::new(BIN)
        .args(["run", "nap", "--quiet", "--configs", "stm", "--threads", "1", "--runs", "1", "--warmups", "0"])
        .arg("--programs-dir")
        .arg(&d)
        .args(["--pystm", &fakepy(), "--out"])
        .arg(d.join("r.json"))
        .spawn()
        .unwrap();
    let t0 = std::time::Instant::now();
    while !running("sleep 27.1828") {
        assert!(t0.elapsed().as_secs() < 20, "the benchmark never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc_kill(child.id() as i32, 2) };
    let status = child.wait().unwrap();
    assert!(!status.success());
    let t1 = std::time::Instant::now();
    while running("sleep 27.1828") {
        assert!(t1.elapsed().as_secs() < 5, "the benchmark outlived the interrupted harness");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::fs::remove_dir_all(&d).unwrap();
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn missing_interpreters_are_skipped_with_a_note_unless_named() {
    let d = temp("missing");
    // PATH holds only python3 (the fake) and the tools the fake needs, so no real pypy3 or
    // free-threaded CPython installed on this machine can be found.
    let bin = d.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(fakepy(), bin.join("python3")).unwrap();
    for tool in ["sed", "head", "basename", "sleep", "setsid"] {
        let path = bench::configs::find_program(tool).unwrap_or_else(|| panic!("{tool} not on PATH"));
        std::os::unix::fs::symlink(path, bin.join(tool)).unwrap();
    }
    let out = d.join("r.json");
    let mut cmd = Command::new(BIN);
    cmd.args(["run", "ok", "--quiet", "--threads", "1", "--runs", "1", "--configs", "stm,cpython,pypy,ft"])
        .arg("--programs-dir")
        .arg(fake_dir().join("programs"))
        .args(["--pystm", &fakepy(), "--out"])
        .arg(&out)
        .env("PATH", &bin);
    let o = cmd.output().unwrap();
    let stderr = text(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("note: skipping configuration `pypy`: pypy3 not found on PATH"), "{stderr}");
    assert!(
        stderr.contains("note: skipping configuration `ft`: python3.14t or python3.13t not found on PATH"),
        "{stderr}"
    );
    let r = Results::read(&out).unwrap();
    assert_eq!(r.configs.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["stm", "cpython"]);
    assert_eq!(r.notes.len(), 2);

    let o = Command::new(BIN)
        .args(["run", "ok", "--pypy", "/no/such/pypy3", "--pystm", &fakepy()])
        .arg("--programs-dir")
        .arg(fake_dir().join("programs"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("PyPy not found: /no/such/pypy3"), "{}", text(&o.stderr));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    let dir = fake_dir().join("programs");
    for args in [
        vec!["run", "no_such_program"],
        vec!["run", "ok", "--configs", "stm,jython"],
        vec!["run", "ok", "--threads", "0"],
        vec!["run", "ok", "--size", "ok=many"],
        vec!["run", "ok", "--runs", "0"],
        vec!["run", "ok", "--runs", "18446744073709551615"],
        vec!["run", "ok", "--timeout", "1e300"],
        vec!["run", "ok", "--timeout", "0"],
        vec!["run", "ok", "--size", "okk=5"],
        vec!["frobnicate"],
    ] {
        let o = Command::new(BIN)
            .args(&args)
            .arg("--programs-dir")
            .arg(&dir)
            .args(["--pystm", &fakepy()])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        assert!(!text(&o.stderr).contains("panicked"), "{args:?}");
    }
}

fn cell(config: &str, threads: usize, walls: &[f64]) -> Cell {
    Cell {
        config: config.into(),
        threads,
        status: Status::Ok,
        error: None,
        checksum: Some("c".into()),
        runs: walls.iter().map(|&w| Run { wall: w, user_sys: w, max_rss_kib: 1000 }).collect(),
        wall: Summary::of(walls),
        user_sys: Summary::of(walls),
        peak_rss_kib: Some(1000),
    }
}

fn results(programs: Vec<ProgramResult>) -> Results {
    Results {
        schema: SCHEMA,
        machine: Machine::this(Path::new(env!("CARGO_MANIFEST_DIR"))),
        options: Options {
            command_line: vec!["pystm-bench".into(), "run".into()],
            threads: vec![1, 2],
            runs: 3,
            warmups: 1,
            timeout_s: 300.0,
            quick: false,
        },
        configs: vec![],
        notes: vec!["note: something".into()],
        programs,
    }
}

fn program(name: &str, size: u64, cells: Vec<Cell>) -> ProgramResult {
    ProgramResult {
        name: name.into(),
        scaling: Scaling::Strong,
        size,
        checksum: Some("c".into()),
        mismatch: None,
        cells,
    }
}

#[test]
fn results_survive_a_json_round_trip() {
    let d = temp("json");
    let mut r = results(vec![program("p", 10, vec![cell("stm", 1, &[1.0, 1.5, 1.25]), cell("stm", 2, &[0.5])])]);
    r.configs.push(bench::configs::Config {
        id: "stm".into(),
        label: "pystm STM".into(),
        command: vec!["/x/pystm".into()],
        version: "Python 3.11.7 (pystm 0.1.0)".into(),
    });
    r.programs[0].cells[1].status = Status::TimedOut;
    r.programs[0].cells[1].error = Some("timed out after 1 s".into());
    let path = d.join("sub/r.json");
    r.write(&path).unwrap();
    assert_eq!(Results::read(&path).unwrap(), r);
    std::fs::write(&path, "{\"schema\": 1}").unwrap();
    assert!(Results::read(&path).unwrap_err().contains("is not a pystm-bench results file"));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn compare_gives_ratios_and_their_geometric_mean() {
    let a = results(vec![
        program("p", 10, vec![cell("stm", 1, &[2.0, 2.1, 1.9]), cell("stm", 2, &[1.0, 1.1, 0.9])]),
        program("q", 10, vec![cell("stm", 1, &[1.0])]),
        program("sized", 10, vec![cell("stm", 1, &[1.0])]),
        program("summed", 10, vec![cell("stm", 1, &[1.0])]),
    ]);
    let mut b = results(vec![
        program("p", 10, vec![cell("stm", 1, &[1.0, 1.05, 0.95]), cell("stm", 2, &[2.0, 2.2, 1.8])]),
        program("q", 10, vec![cell("stm", 1, &[1.0]), cell("gil", 1, &[1.0])]),
        program("sized", 20, vec![cell("stm", 1, &[1.0])]),
        program("summed", 10, vec![cell("stm", 1, &[1.0])]),
    ]);
    b.programs[3].checksum = Some("other".into());
    b.programs[0].cells[1].status = Status::Failed;
    let c = compare::compare(&a, &b);
    let speedups: Vec<f64> = c.rows.iter().map(|r| r.speedup).collect();
    assert_eq!(speedups, [2.0, 1.0]);
    assert!((c.geometric_mean.unwrap() - 2f64.sqrt()).abs() < 1e-12);
    assert!(c.skipped.iter().any(|s| s == "p, stm, T=2: failed in A or B"), "{:?}", c.skipped);
    assert!(c.skipped.iter().any(|s| s.contains("summed: checksums differ")), "{:?}", c.skipped);
    assert!(c.skipped.iter().any(|s| s.contains("sized: sizes differ (10 in A, 20 in B)")));
    assert!(c.skipped.iter().any(|s| s.contains("q, gil, T=1: only in B")));
    let text = compare::render(&c, "a.json", "b.json");
    assert!(text.contains("p, stm, T=1: 2.000 s -> 1.000 s: 2.00x faster"), "{text}");
    assert!(text.contains("q, stm, T=1: 1.000 s -> 1.000 s: 1.00x faster (not significant"), "{text}");
    assert!(text.contains("Geometric mean of 2 comparisons: 1.41x faster"), "{text}");
    b.programs[0].cells[1].status = Status::Ok;
    let slower = compare::render(&compare::compare(&a, &b), "a", "b");
    assert!(slower.contains("p, stm, T=2: 1.000 s -> 2.000 s: 2.00x slower"), "{slower}");

    // The same through the command line.
    let d = temp("compare");
    a.write(&d.join("a.json")).unwrap();
    b.write(&d.join("b.json")).unwrap();
    let o = Command::new(BIN).arg("compare").arg(d.join("a.json")).arg(d.join("b.json")).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Geometric mean of 3 comparisons"));
    let o = Command::new(BIN).arg("compare").arg(d.join("a.json")).arg(d.join("missing.json")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn report_replaces_only_its_own_section() {
    let d = temp("report");
    let results_dir = d.join("bench/results");
    let docs = d.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let json = results_dir.join("vm.json");
    results(vec![program("p", 10, vec![cell("gil", 1, &[2.0]), cell("stm", 1, &[2.0]), cell("stm", 2, &[1.0])])])
        .write(&json)
        .unwrap();
    let doc = docs.join("benchmarks.md");
    std::fs::write(&doc, "# Benchmarks\n\nHand-written text.\n").unwrap();
    for _ in 0..2 {
        let o = Command::new(BIN).arg("report").arg(&json).arg("--doc").arg(&doc).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    }
    let md = std::fs::read_to_string(&doc).unwrap();
    assert!(md.starts_with("# Benchmarks\n\nHand-written text.\n"));
    assert_eq!(md.matches(report::BEGIN).count(), 1, "{md}");
    assert_eq!(md.matches(report::END).count(), 1);
    assert!(md.contains("#### p (strong scaling, size 10): checksum `c`"), "{md}");
    assert!(md.contains("| 2 | – | 2.00× (100 %) |"), "{md}");
    assert!(md.contains("![p: speedup against threads](../bench/results/vm-p.svg)"), "{md}");
    assert!(results_dir.join("vm-p.svg").exists());
    // Text after the section survives a regeneration too.
    std::fs::write(&doc, md.clone() + "\nAfterword.\n").unwrap();
    let o = Command::new(BIN).arg("report").arg(&json).arg("--doc").arg(&doc).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), md + "\nAfterword.\n");
    std::fs::remove_dir_all(&d).unwrap();
}

/// A real threaded Python program: CPython and, when it has been built beside this harness,
/// pystm in both modes must agree on its checksum.
#[test]
fn a_real_program_under_real_interpreters() {
    let d = temp("real");
    let out = d.join("r.json");
    let pystm = Path::new(BIN).with_file_name("pystm");
    let mut args: Vec<String> =
        vec!["run".into(), "tiny_threads".into(), "--quiet".into(), "--threads".into(), "1,3".into()];
    args.extend(["--runs", "1", "--warmups", "0", "--programs-dir"].map(String::from));
    args.push(fake_dir().join("programs").to_string_lossy().into_owned());
    let have_python = bench::configs::find_program("python3").is_some();
    let configs = match (pystm.exists(), have_python) {
        (true, true) => "stm,gil,cpython",
        (true, false) => "stm,gil",
        (false, true) => "cpython",
        (false, false) => {
            eprintln!("skipped: neither pystm nor python3 is available");
            return;
        }
    };
    args.extend(["--configs".into(), configs.into(), "--out".into(), out.to_string_lossy().into_owned()]);
    args.extend(["--pystm".into(), pystm.to_string_lossy().into_owned()]);
    let o = Command::new(BIN).args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}\n{}", text(&o.stdout), text(&o.stderr));
    let r = Results::read(&out).unwrap();
    let expected: u64 = (0..20000).sum();
    assert_eq!(r.programs[0].checksum.as_deref(), Some(format!("checksum {expected}").as_str()));
    assert_eq!(r.programs[0].cells.len(), configs.split(',').count() * 2);
    std::fs::remove_dir_all(&d).unwrap();
}
