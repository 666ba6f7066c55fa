//! The `pystm` command: CPython's command-line conventions (`script`, `-c`, `-m`, `-`, the
//! REPL, `-u`, `-V`, `-h`, `-X key[=value]`), usage errors with exit status 2, and the program
//! run on a thread with a large stack.

use std::io::{IsTerminal, Read};
use vm::run::{self, Settings};
use vm::runtime::Options;

const USAGE: &str = "usage: pystm [option] ... [-c cmd | -m mod | file | -] [arg] ...";

fn help() -> String {
    format!(
        "{USAGE}
Options (CPython's conventions):
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (terminates option list)
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option (kept in sys._xoptions)
-B, -E, -I, -O, -q, -s, -S : accepted for compatibility; no effect
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

pystm's -X options:
-X gc_stress : collect the nursery at every safe point and the whole heap often
               (slow; for testing the garbage collector)
-X stm_threads=N : run at most N threads in parallel (STM segments, 1..64;
               default: the number of CPUs; also PYSTM_THREADS=N)
-X stmlog=FILE : log the STM's commits, aborts and conflicts to FILE (also
               PYSTMLOG=FILE); `pystm stmlog FILE [--json]` prints the conflict sites
               sorted by time lost and a per-thread summary
-X gil, --gil : the single-threaded baseline: one thread runs at a time, handing
               over at commit points (sys._is_gil_enabled() is then True)
-X jit=0|1, --jit off|on : the tracing JIT (on by default; also PYTHON_JIT=0|1);
               --jit threshold=N,trace_limit=N tunes it, --jit help lists the settings
-X perf : write /tmp/perf-PID.map naming compiled traces for `perf report` (also
               PYTHONPERFSUPPORT=1)
-X jitlog=FILE : write the JIT's trace log (compiled traces with their IR and machine
               code, aborted recordings, counts at exit) to FILE (also PYSTMLOG=jit:FILE);
               `pystm jitlog FILE [summary | show ID [--asm] | html OUT.html] [--json]`
               reports it

Environment variables:
PYTHONPATH   : ':'-separated list of directories prefixed to the module search path
PYTHONUNBUFFERED : same as -u
PYSTM_THREADS : same as -X stm_threads=N
"
    )
}

/// `pystm stmlog FILE [--json]`: the conflict report on a log written with `-X stmlog=FILE`.
fn stmlog_command(args: &[String]) -> ! {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let [file] = files.as_slice() else {
        usage_error("usage: pystm stmlog FILE [--json] (FILE written by pystm -X stmlog=FILE)");
    };
    match vm::stmlog::report(file, json) {
        Ok(r) => {
            print!("{r}");
            std::process::exit(0)
        }
        Err(e) => {
            eprintln!("pystm stmlog: {e}");
            std::process::exit(1)
        }
    }
}

/// `pystm jitlog FILE [summary | show ID [--asm] | html OUT.html] [--json]`: reports on a trace log written with
/// `-X jitlog=FILE`.
fn jitlog_command(args: &[String]) -> ! {
    const USE: &str = "usage: pystm jitlog FILE [summary | show ID [--asm] | html OUT.html] [--json] (FILE written by pystm -X jitlog=FILE)";
    let json = args.iter().any(|a| a == "--json");
    let asm = args.iter().any(|a| a == "--asm");
    let words: Vec<&str> = args.iter().map(String::as_str).filter(|a| !a.starts_with("--")).collect();
    let Some((file, cmd)) = words.split_first() else { usage_error(USE) };
    let text = match std::fs::read(file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("pystm jitlog: cannot read {file}: {e}");
            std::process::exit(1)
        }
    };
    if !text.starts_with(jit::log::MAGIC) {
        eprintln!("pystm jitlog: {file} is not a pystm JIT log (written by pystm -X jitlog=FILE)");
        std::process::exit(1)
    }
    let log = match jit::log::reader::read(&text) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("pystm jitlog: {file}: {e}");
            std::process::exit(1)
        }
    };
    use jit::log::report;
    let out = match cmd {
        [] | ["summary"] if json => report::summary_json(&log),
        [] | ["summary"] => report::summary(&log),
        ["show", id] => {
            let Ok(id) = id.parse::<u32>() else { usage_error(USE) };
            let shown = if json { report::show_json(&log, id) } else { report::show(&log, id, asm) };
            match shown {
                Some(s) => s,
                None => {
                    eprintln!("pystm jitlog: no trace {id} in {file}");
                    std::process::exit(1)
                }
            }
        }
        ["html", out] if !json => {
            if let Err(e) = std::fs::write(out, jit::log::html::page(&log)) {
                eprintln!("pystm jitlog: cannot write {out}: {e}");
                std::process::exit(1)
            }
            std::process::exit(0)
        }
        _ => usage_error(USE),
    };
    print!("{out}");
    std::process::exit(0)
}

/// A segment count for `-X stm_threads` or `PYSTM_THREADS` (a usage error otherwise).
fn parse_segments(what: &str, v: Option<&str>) -> usize {
    match v.and_then(|v| v.trim().parse::<usize>().ok()) {
        Some(n) if (1..=64).contains(&n) => n,
        _ => usage_error(&format!("{what} expects a number of threads from 1 to 64, got {:?}", v.unwrap_or(""))),
    }
}

fn usage_error(msg: &str) -> ! {
    eprintln!("{msg}\n{USAGE}\nTry `pystm -h' for more information.");
    std::process::exit(2);
}

enum Mode {
    Script(String),
    Command(String),
    Module(String),
    Stdin,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut opts = Options {
        unbuffered: std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()),
        stmlog: std::env::var("PYSTMLOG").ok().filter(|v| !v.is_empty() && !v.starts_with("jit:")),
        segments: std::env::var("PYSTM_THREADS")
            .ok()
            .filter(|v| !v.is_empty())
            .map(|v| parse_segments("PYSTM_THREADS", Some(&v))),
        ..Default::default()
    };
    if let Some(f) = std::env::var("PYSTMLOG").ok().and_then(|v| v.strip_prefix("jit:").map(str::to_string)) {
        opts.jit.log = Some(f).filter(|f| !f.is_empty());
    }
    if std::env::var("PYTHONPERFSUPPORT").is_ok_and(|v| !v.is_empty() && v != "0") {
        opts.jit.perf = true;
    }
    if let Some(v) = std::env::var("PYTHON_JIT").ok().filter(|v| !v.is_empty()) {
        opts.jit.enabled = v != "0";
    }
    if args.get(1).map(String::as_str) == Some("stmlog") {
        stmlog_command(&args[2..]);
    }
    if args.get(1).map(String::as_str) == Some("jitlog") {
        jitlog_command(&args[2..]);
    }
    let mut gc_stress = false;
    let mut i = 1;
    let mut mode = None;
    while i < args.len() {
        let a = &args[i];
        if a == "--help" {
            print!("{}", help());
            return;
        }
        if a == "--version" {
            println!("Python 3.11.7 (pystm {})", env!("CARGO_PKG_VERSION"));
            return;
        }
        if a == "-" {
            mode = Some(Mode::Stdin);
            i += 1;
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            mode = Some(Mode::Script(a.clone()));
            i += 1;
            break;
        }
        if a == "--gil" {
            opts.gil = true;
            i += 1;
            continue;
        }
        if a == "--jit" || a.starts_with("--jit=") {
            let spec = match a.strip_prefix("--jit=") {
                Some(v) => v.to_string(),
                None => {
                    i += 1;
                    match args.get(i) {
                        Some(v) => v.clone(),
                        None => usage_error("Argument expected for the --jit option (see --jit help)"),
                    }
                }
            };
            if spec == "help" {
                print!("{}", vm::jit::HELP);
                return;
            }
            if let Err(e) = opts.jit.apply(&spec) {
                usage_error(&e);
            }
            i += 1;
            continue;
        }
        if a.starts_with("--") {
            usage_error(&format!("unknown option {a}"));
        }
        // A cluster of one-letter options; -c, -m, -X, -W take an argument.
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut done = false;
        while j < chars.len() {
            let c = chars[j];
            match c {
                'c' | 'm' | 'X' | 'W' => {
                    let rest: String = chars[j + 1..].iter().collect();
                    let val = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => usage_error(&format!("Argument expected for the -{c} option")),
                        }
                    };
                    match c {
                        'c' => {
                            mode = Some(Mode::Command(val));
                            done = true;
                        }
                        'm' => {
                            mode = Some(Mode::Module(val));
                            done = true;
                        }
                        'X' => {
                            let (k, v) = match val.split_once('=') {
                                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                                None => (val.clone(), None),
                            };
                            match k.as_str() {
                                "gc_stress" => gc_stress = !matches!(v.as_deref(), Some("0")),
                                "gil" => opts.gil = !matches!(v.as_deref(), Some("0")),
                                "jit" => opts.jit.enabled = !matches!(v.as_deref(), Some("0")),
                                "perf" => opts.jit.perf = !matches!(v.as_deref(), Some("0")),
                                "jitlog" => match v.as_deref() {
                                    Some(f) if !f.is_empty() => opts.jit.log = Some(f.to_string()),
                                    _ => usage_error("-X jitlog expects a file name: -X jitlog=FILE"),
                                },
                                "stm_threads" => opts.segments = Some(parse_segments("-X stm_threads", v.as_deref())),
                                "stmlog" => match v.as_deref() {
                                    Some(f) if !f.is_empty() => opts.stmlog = Some(f.to_string()),
                                    _ => usage_error("-X stmlog expects a file name: -X stmlog=FILE"),
                                },
                                _ => {}
                            }
                            opts.xoptions.push((k, v));
                        }
                        _ => {}
                    }
                    j = chars.len();
                }
                'u' => opts.unbuffered = true,
                'h' | '?' => {
                    print!("{}", help());
                    return;
                }
                'V' => {
                    println!("Python 3.11.7 (pystm {})", env!("CARGO_PKG_VERSION"));
                    return;
                }
                'B' | 'E' | 'I' | 'O' | 'q' | 's' | 'S' | 'd' | 'v' => {}
                'i' => opts.interactive = true,
                c => usage_error(&format!("Unknown option: -{c}")),
            }
            j += 1;
        }
        i += 1;
        if done {
            break;
        }
    }
    let rest: Vec<String> = args[i.min(args.len())..].to_vec();
    let cwd = std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default();
    let mode = mode.unwrap_or(Mode::Stdin);
    // What to run, and sys.argv / sys.path[0].
    let (text, filename) = match &mode {
        Mode::Script(path) => {
            let abs = std::path::Path::new(path);
            let abs = if abs.is_absolute() { abs.to_path_buf() } else { std::path::Path::new(&cwd).join(abs) };
            let mut p = abs.clone();
            if p.is_dir() {
                p = p.join("__main__.py");
                if !p.is_file() {
                    eprintln!("{}: can't find '__main__' module in '{}'", args[0], abs.display());
                    std::process::exit(1);
                }
            }
            match std::fs::read(&p) {
                Ok(b) => match String::from_utf8(b) {
                    Ok(t) => {
                        opts.argv = std::iter::once(path.clone()).chain(rest.iter().cloned()).collect();
                        let dir = abs.parent().map(|d| d.display().to_string()).unwrap_or_default();
                        opts.path0 = if abs.is_dir() { abs.display().to_string() } else { dir };
                        let shown = std::fs::canonicalize(&p).map(|x| x.display().to_string()).unwrap_or(path.clone());
                        (Some(t), shown)
                    }
                    Err(_) => {
                        eprintln!("SyntaxError: Non-UTF-8 code in file '{path}'");
                        std::process::exit(1);
                    }
                },
                Err(e) => {
                    let why = match e.kind() {
                        std::io::ErrorKind::NotFound => "[Errno 2] No such file or directory".to_string(),
                        std::io::ErrorKind::PermissionDenied => "[Errno 13] Permission denied".to_string(),
                        _ => e.to_string(),
                    };
                    eprintln!("{}: can't open file '{}': {why}", args[0], abs.display());
                    std::process::exit(2);
                }
            }
        }
        Mode::Command(c) => {
            opts.argv = std::iter::once("-c".to_string()).chain(rest.iter().cloned()).collect();
            opts.path0 = String::new();
            (Some(c.clone()), "<string>".to_string())
        }
        Mode::Module(m) => {
            opts.path0 = cwd.clone();
            let mut found = None;
            let mut dirs = vec![cwd.clone()];
            if let Ok(p) = std::env::var("PYTHONPATH") {
                dirs.extend(p.split(':').filter(|s| !s.is_empty()).map(String::from));
            }
            let rel = m.replace('.', "/");
            for d in dirs {
                for cand in [format!("{d}/{rel}.py"), format!("{d}/{rel}/__main__.py")] {
                    if found.is_none() && std::path::Path::new(&cand).is_file() {
                        found = Some(cand);
                    }
                }
            }
            match found {
                Some(f) => {
                    let f = std::fs::canonicalize(&f).map(|x| x.display().to_string()).unwrap_or(f);
                    opts.argv = std::iter::once(f.clone()).chain(rest.iter().cloned()).collect();
                    match std::fs::read_to_string(&f) {
                        Ok(t) => (Some(t), f),
                        Err(e) => {
                            eprintln!("{}: {e}", args[0]);
                            std::process::exit(1);
                        }
                    }
                }
                None => {
                    eprintln!("{}: No module named {m}", args[0]);
                    std::process::exit(1);
                }
            }
        }
        Mode::Stdin => {
            opts.path0 = String::new();
            opts.argv = std::iter::once(if rest.is_empty() && matches!(mode, Mode::Stdin) {
                String::new()
            } else {
                "-".into()
            })
            .chain(rest.iter().cloned())
            .collect();
            if std::io::stdin().is_terminal() {
                (None, "<stdin>".to_string())
            } else {
                let mut t = String::new();
                if std::io::stdin().read_to_string(&mut t).is_err() {
                    eprintln!("pystm: cannot read the program from stdin (not UTF-8?)");
                    std::process::exit(1);
                }
                if args.iter().any(|a| a == "-") {
                    opts.argv[0] = "-".into();
                }
                (Some(t), "<stdin>".to_string())
            }
        }
    };
    let settings = Settings { options: opts, gc_stress };
    run::install_panic_hook();
    // The interpreter recurses on the Rust stack only for nested dispatch loops; give it room.
    let h = std::thread::Builder::new().name("main".into()).stack_size(512 << 20).spawn(move || {
        let mut vm = match run::new_vm(&settings) {
            Ok(vm) => vm,
            Err(e) => {
                eprintln!("Fatal Python error: {e}");
                return 1;
            }
        };
        match text {
            Some(t) => {
                let s = run::run_source(&mut vm, &t, &filename);
                if settings.options.interactive && std::io::stdin().is_terminal() { run::repl(&mut vm) } else { s }
            }
            None => run::repl(&mut vm),
        }
    });
    let status = match h {
        Ok(h) => h.join().unwrap_or_else(|p| {
            vm::builtins::modules::flush_all();
            eprintln!("Fatal Python error: pystm internal error: {}", run::panic_message(&p));
            70
        }),
        Err(e) => {
            eprintln!("Fatal Python error: cannot start the interpreter thread: {e}");
            1
        }
    };
    std::process::exit(status);
}
