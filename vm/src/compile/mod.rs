//! The compiler front: the only module that touches the parser (`rustpython-parser`, kept
//! behind this file so that it can be swapped), turning source text into a code object or a
//! `SyntaxError` description in CPython's wording.

pub mod cache;
pub mod code;
pub mod codegen;
pub mod symtable;
mod wire;

use code::Source;
use rustpython_parser::ast;
use rustpython_parser::{Parse, ParseErrorType};
use std::sync::Arc;

/// A syntax error, located.
#[derive(Debug, Clone)]
pub struct SyntaxErr {
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    /// 1-based column (in characters) of the caret.
    pub col: u32,
    pub text: String,
}

fn locate(text: &str, offset: usize) -> (u32, u32, String) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let start = before.rfind('\n').map(|p| p + 1).unwrap_or(0);
    let col = text[start..offset].chars().count() as u32 + 1;
    let line_text = text[start..].lines().next().unwrap_or("").to_string();
    (line, col, line_text)
}

/// The first bracket never closed (byte offset, character), skipping strings and comments.
fn unclosed_bracket(text: &str) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        match c {
            '#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            '\'' | '"' => {
                let triple = i + 2 < b.len() && b[i + 1] == b[i] && b[i + 2] == b[i];
                let q = b[i];
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == q && (!triple || (i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q)) {
                        i += if triple { 2 } else { 0 };
                        break;
                    }
                    if b[i] == b'\n' && !triple {
                        break;
                    }
                    i += 1;
                }
            }
            '(' | '[' | '{' => stack.push((i, c)),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.first().copied()
}

/// Compiles an expression for `eval()`: a code object returning its value.
/// CPython's private name mangling: inside class `class_name`, `__x` (not ending in `__`, no
/// dot) stands for `_Class__x`, the class name stripped of its leading underscores (no mangling
/// when nothing is left of it). `None` when `name` is not mangled.
pub fn mangle_private(class_name: &str, name: &str) -> Option<String> {
    let class = class_name.trim_start_matches('_');
    (name.starts_with("__") && !name.ends_with("__") && !name.contains('.') && !class.is_empty())
        .then(|| format!("_{class}{name}"))
}

pub fn compile_eval(text: &str, filename: &str) -> Result<u32, SyntaxErr> {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let expr = match ast::Expr::parse(trimmed, filename) {
        Ok(e) => e,
        Err(e) => {
            let (line, col, t) = locate(trimmed, u32::from(e.offset) as usize);
            return Err(SyntaxErr {
                kind: "SyntaxError",
                msg: "invalid syntax".into(),
                filename: filename.into(),
                line,
                col,
                text: t,
            });
        }
    };
    let source = Arc::new(Source { filename: filename.to_string(), text: trimmed.to_string() });
    codegen::compile_expression(&expr, source).map_err(|e| {
        let (line, col, t) = locate(trimmed, e.offset as usize);
        SyntaxErr { kind: "SyntaxError", msg: e.msg, filename: filename.to_string(), line, col, text: t }
    })
}

/// Compiles a module's source. `interactive`: expression statements print their value.
/// [`compile`] through the compiled-code cache (`cache.rs`): for modules and the prelude.
pub fn compile_cached(text: &str, filename: &str) -> Result<u32, SyntaxErr> {
    if let Some(id) = cache::load(text, filename) {
        return Ok(id);
    }
    let id = compile(text, filename, false)?;
    cache::store(id, text, filename);
    Ok(id)
}

pub fn compile(text: &str, filename: &str, interactive: bool) -> Result<u32, SyntaxErr> {
    let suite = match ast::Suite::parse(text, filename) {
        Ok(s) => s,
        Err(e) => {
            // An error at the end of the source with a bracket still open: CPython names it.
            if text[u32::from(e.offset) as usize..].trim().is_empty()
                && let Some((off, ch)) = unclosed_bracket(text)
            {
                let (line, col, t) = locate(text, off);
                let msg = format!("'{ch}' was never closed");
                return Err(SyntaxErr { kind: "SyntaxError", msg, filename: filename.to_string(), line, col, text: t });
            }
            let (kind, msg) = match &e.error {
                err if err.is_tab_error() => {
                    ("TabError", "inconsistent use of tabs and spaces in indentation".to_string())
                }
                err if err.is_indentation_error() => {
                    let m = err.to_string();
                    let m = if m.contains("expected an indented block") {
                        "expected an indented block".to_string()
                    } else if m.contains("unexpected indent") {
                        "unexpected indent".to_string()
                    } else {
                        "unindent does not match any outer indentation level".to_string()
                    };
                    ("IndentationError", m)
                }
                ParseErrorType::Eof => {
                    if let Some((off, ch)) = unclosed_bracket(text) {
                        let (line, col, t) = locate(text, off);
                        return Err(SyntaxErr {
                            kind: "SyntaxError",
                            msg: format!("'{ch}' was never closed"),
                            filename: filename.to_string(),
                            line,
                            col,
                            text: t,
                        });
                    }
                    ("SyntaxError", "unexpected EOF while parsing".to_string())
                }
                ParseErrorType::Lexical(l) => {
                    let m = l.to_string();
                    let m = if m.contains("unterminated") || m.contains("EOL") || m.contains("StringError") {
                        "unterminated string literal".to_string()
                    } else if m.contains("nesting") || m.contains("Nesting") {
                        "unmatched bracket".to_string()
                    } else {
                        m
                    };
                    ("SyntaxError", m)
                }
                _ => ("SyntaxError", "invalid syntax".to_string()),
            };
            let (line, col, t) = locate(text, u32::from(e.offset) as usize);
            return Err(SyntaxErr { kind, msg, filename: filename.to_string(), line, col, text: t });
        }
    };
    let source = Arc::new(Source { filename: filename.to_string(), text: text.to_string() });
    codegen::compile_module(&suite, source, interactive).map_err(|e| {
        let (line, col, t) = locate(text, e.offset as usize);
        SyntaxErr { kind: "SyntaxError", msg: e.msg, filename: filename.to_string(), line, col, text: t }
    })
}
