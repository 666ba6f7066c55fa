//! Standard modules written in Python and shipped inside the `pystm` binary (`vm/lib/`). The
//! importer looks here before `sys.path`, as CPython looks at its frozen modules first. This
//! file must never hold anything but the table.

/// (module name, source, whether it is a package).
const SHIPPED: &[(&str, &str, bool)] = &[
    ("threading", include_str!("../../lib/threading.py"), false),
    ("queue", include_str!("../../lib/queue.py"), false),
    ("transaction", include_str!("../../lib/transaction.py"), false),
    ("concurrent", "", true),
    ("concurrent.futures", include_str!("../../lib/concurrent_futures.py"), false),
    ("itertools", include_str!("../../lib/itertools.py"), false),
    ("functools", include_str!("../../lib/functools.py"), false),
    ("operator", include_str!("../../lib/operator.py"), false),
    ("heapq", include_str!("../../lib/heapq.py"), false),
    ("bisect", include_str!("../../lib/bisect.py"), false),
    ("collections", include_str!("../../lib/collections/__init__.py"), true),
    ("collections.abc", include_str!("../../lib/collections/abc.py"), false),
    ("string", include_str!("../../lib/string.py"), false),
    ("copy", include_str!("../../lib/copy.py"), false),
    ("contextlib", include_str!("../../lib/contextlib.py"), false),
    ("textwrap", include_str!("../../lib/textwrap.py"), false),
    ("random", include_str!("../../lib/random.py"), false),
    ("json", include_str!("../../lib/json/__init__.py"), true),
    ("json.decoder", include_str!("../../lib/json/decoder.py"), false),
    ("json.encoder", include_str!("../../lib/json/encoder.py"), false),
    ("json.scanner", include_str!("../../lib/json/scanner.py"), false),
    ("dataclasses", include_str!("../../lib/dataclasses.py"), false),
    ("abc", include_str!("../../lib/abc.py"), false),
    ("typing", include_str!("../../lib/typing.py"), false),
    ("__future__", include_str!("../../lib/__future__.py"), false),
    ("warnings", include_str!("../../lib/warnings.py"), false),
    ("keyword", include_str!("../../lib/keyword.py"), false),
    ("io", include_str!("../../lib/io.py"), false),
    ("struct", include_str!("../../lib/struct.py"), false),
    ("array", include_str!("../../lib/array.py"), false),
    ("re", include_str!("../../lib/re.py"), false),
    ("enum", include_str!("../../lib/enum.py"), false),
    ("os", include_str!("../../lib/os.py"), false),
    ("posixpath", include_str!("../../lib/posixpath.py"), false),
    ("argparse", include_str!("../../lib/argparse.py"), false),
    ("optparse", include_str!("../../lib/optparse.py"), false),
    ("linecache", include_str!("../../lib/linecache.py"), false),
    ("stat", include_str!("../../lib/stat.py"), false),
    ("asyncio", include_str!("../../lib/asyncio/__init__.py"), true),
    ("traceback", include_str!("../../lib/traceback.py"), false),
    ("types", include_str!("../../lib/types.py"), false),
    ("atexit", include_str!("../../lib/atexit.py"), false),
    ("errno", include_str!("../../lib/errno.py"), false),
];

/// The source of shipped module `name` and whether it is a package.
pub fn source(name: &str) -> Option<(&'static str, bool)> {
    SHIPPED.iter().find(|(n, _, _)| *n == name).map(|&(_, s, p)| (s, p))
}
