//! Feeds the compiler random, truncated and mutated source (seeded from the test programs) and
//! checks that it never panics: every input either compiles or gives a SyntaxError.

use std::path::Path;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "=",
    "==",
    "*",
    "**",
    "lambda",
    "yield",
    "return",
    "def",
    "class",
    "if",
    "else",
    "for",
    "in",
    "while",
    "try",
    "except",
    "finally",
    "with",
    "as",
    "import",
    "from",
    "global",
    "nonlocal",
    "del",
    "pass",
    "break",
    "continue",
    "raise",
    "\n",
    "    ",
    "\t",
    "'",
    "\"",
    "f'{",
    "}'",
    "x",
    "1",
    "1.5",
    "@",
    "async",
    "await",
    "not",
    "and",
    "or",
    ".",
    "...",
    ";",
    "\\",
    "#",
    "super()",
    "__class__",
];

#[test]
fn the_compiler_never_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/python");
    let mut seeds: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".py"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty());
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut inputs = 0;
    for round in 0..6000 {
        let base = &seeds[rng.below(seeds.len())];
        let mut s: Vec<char> = base.chars().collect();
        match round % 4 {
            // Truncation.
            0 => s.truncate(rng.below(s.len() + 1)),
            // Random token insertions.
            1 => {
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(s.len() + 1);
                    let t: Vec<char> = TOKENS[rng.below(TOKENS.len())].chars().collect();
                    s.splice(at..at, t);
                }
            }
            // Deletions of a range.
            2 => {
                let a = rng.below(s.len() + 1);
                let b = (a + rng.below(40)).min(s.len());
                s.drain(a..b);
            }
            // Pure token soup.
            _ => {
                s.clear();
                for _ in 0..rng.below(60) {
                    s.extend(TOKENS[rng.below(TOKENS.len())].chars());
                    s.push(' ');
                }
            }
        }
        let text: String = s.into_iter().collect();
        let r = std::panic::catch_unwind(|| vm::compile::compile(&text, "<fuzz>", round % 7 == 0));
        assert!(r.is_ok(), "the compiler panicked on input {round}:\n{text}");
        inputs += 1;
    }
    assert_eq!(inputs, 6000);
}
