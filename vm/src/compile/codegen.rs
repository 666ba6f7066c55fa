//! The bytecode compiler: walks the AST (after `symtable.rs` resolved every name) and emits
//! `code::Op`s with line numbers, a per-instruction exception handler table and the maximum
//! stack depth. Control flow out of `try`/`with`/`except` blocks (`break`, `continue`,
//! `return`) runs the cleanup code inline, as CPython does. This file never touches the heap.

use super::code::{self, Code, Const, Handler, Op, Pos, Source, awaited, binop, cmpop, unop};
use super::mangle_private;
use super::symtable::{Kind, Resolved, SymTable};
use num_traits::ToPrimitive;
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use rustpython_parser::source_code::LineIndex;
use std::sync::Arc;

/// A compile error: message and byte offset in the source.
pub struct CompileError {
    pub msg: String,
    pub offset: u32,
}

type R<T> = Result<T, CompileError>;

#[path = "patterns.rs"]
mod patterns;

fn err<T>(msg: impl Into<String>, at: ast::TextSize) -> R<T> {
    Err(CompileError { msg: msg.into(), offset: at.to_u32() })
}

/// A comprehension's loop: its `ForIter`, or its `async for` handler and the iterator's depth.
enum Loop {
    Sync(usize),
    Async(u32, i32),
}

/// The parts of a `try` statement, with `except` or `except*` clauses.
struct TryParts<'a> {
    body: &'a [Stmt],
    handlers: &'a [ast::ExceptHandler],
    orelse: &'a [Stmt],
    finalbody: &'a [Stmt],
}

#[derive(Clone)]
enum Block<'a> {
    Loop {
        start: u32,
        is_for: bool,
        breaks: Vec<usize>,
    },
    ExceptBody,
    /// The body of an `except*` clause: no `break`, `continue` or `return` may leave it.
    ExceptStarBody,
    Finally {
        body: &'a [Stmt],
        handlers: usize,
    },
    With {
        handlers: usize,
        is_async: bool,
    },
}

struct Unit<'a> {
    scope: usize,
    kind: Kind,
    name: String,
    qualname: String,
    firstlineno: u32,
    ops: Vec<Op>,
    lines: Vec<u32>,
    positions: Vec<Pos>,
    pos: Pos,
    handler_of: Vec<u32>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
    consts: Vec<Const>,
    names: Vec<String>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    depth: i32,
    maxdepth: i32,
    blocks: Vec<Block<'a>>,
    line: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    flags: u32,
    docstring: Option<String>,
}

pub struct Compiler<'a> {
    st: SymTable,
    source: Arc<Source>,
    index: LineIndex,
    line_starts: Vec<usize>,
    units: Vec<Unit<'a>>,
    interactive: bool,
    /// `from __future__ import annotations`: annotations are kept as their source text.
    future_annotations: bool,
}

/// Double-quoted string literals in `s` written with single quotes, as CPython's unparser
/// writes them (when the literal holds no quote or backslash).
fn single_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['"', '\'']) {
        out.push_str(&rest[..i]);
        let q = rest.as_bytes()[i] as char;
        match rest[i + 1..].find(q) {
            Some(j) => {
                let body = &rest[i + 1..i + 1 + j];
                if q == '"' && !body.contains(['\'', '\\']) {
                    out.push('\'');
                    out.push_str(body);
                    out.push('\'');
                } else {
                    out.push_str(&rest[i..i + j + 2]);
                }
                rest = &rest[i + j + 2..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether the module starts (after its docstring) with `from __future__ import annotations`.
fn has_future_annotations(body: &[Stmt]) -> bool {
    let mut stmts = body.iter().peekable();
    if let Some(Stmt::Expr(e)) = stmts.peek()
        && matches!(&*e.value, Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
    {
        stmts.next();
    }
    for s in stmts {
        match s {
            Stmt::ImportFrom(i) if i.module.as_deref() == Some("__future__") => {
                if i.names.iter().any(|a| a.name.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Compiles a module (or, when `interactive`, a REPL input whose expression statements print
/// their values). Returns the id of the module's code object.
pub fn compile_module(body: &[Stmt], source: Arc<Source>, interactive: bool) -> R<u32> {
    let st = SymTable::build(body).map_err(|(msg, at)| CompileError { msg, offset: at.to_u32() })?;
    let index = LineIndex::from_source_text(&source.text);
    let mut line_starts = vec![0];
    line_starts.extend(source.text.match_indices('\n').map(|(i, _)| i + 1));
    let future_annotations = has_future_annotations(body);
    let mut c = Compiler { st, source, index, line_starts, units: Vec::new(), interactive, future_annotations };
    c.push_unit(0, Kind::Module, "<module>".into(), "<module>".into(), 1);
    c.unit().flags |= code::CO_DICT_LOCALS;
    if has_annotations(body) {
        c.emit(Op::SetupAnnotations);
    }
    c.body(body)?;
    let none = c.konst(Const::None);
    c.emit(Op::LoadConst(none));
    c.emit(Op::Return);
    Ok(c.pop_unit())
}

/// Compiles one expression as a code object that returns its value (for `eval`).
pub fn compile_expression(e: &Expr, source: Arc<Source>) -> R<u32> {
    let body = vec![Stmt::Expr(ast::StmtExpr { range: e.range(), value: Box::new(e.clone()) })];
    let body: &'static [Stmt] = Box::leak(body.into_boxed_slice());
    let st = SymTable::build(body).map_err(|(msg, at)| CompileError { msg, offset: at.to_u32() })?;
    let index = LineIndex::from_source_text(&source.text);
    let mut line_starts = vec![0];
    line_starts.extend(source.text.match_indices('\n').map(|(i, _)| i + 1));
    let mut c =
        Compiler { st, source, index, line_starts, units: Vec::new(), interactive: false, future_annotations: false };
    c.push_unit(0, Kind::Module, "<module>".into(), "<module>".into(), 1);
    c.unit().flags |= code::CO_DICT_LOCALS;
    let Stmt::Expr(s) = &body[0] else { unreachable!() };
    c.expr(&s.value)?;
    c.emit(Op::Return);
    Ok(c.pop_unit())
}

fn stack_effect(op: Op) -> i32 {
    use Op::*;
    match op {
        Nop | Rot2 | Rot3 | Rot4 | Unary(_) | Not | LoadAttr(_) | ListToTuple | Jump(_) | JumpBack(_) | GetIter
        | Yield | GetYieldFromIter | GetAwaitable(_) | GetAIter | AsyncGenWrap | CheckExcMatch | SetClassCell(_)
        | PrepReraiseStar | SetupAnnotations | DeleteFast(_) | DeleteDeref(_) | DeleteName(_) | DeleteGlobal(_)
        | CopyDictWithoutKeys => 0,
        LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(..) | LoadName(_)
        | LoadGlobal(_) | LoadMethod(_) | Dup | PushNull | PushExcInfo | WithExceptStart | ImportFrom(_)
        | LoadBuildClass | LoadAssertionError | ForIter(_) | GetANext | CheckEgMatch | MatchSequence | MatchMapping
        | GetLen | MatchKeys => 1,
        Dup2 | BeforeWith | BeforeAsyncWith => 2,
        StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_) | Pop | Binary(_) | InplaceBinary(_)
        | Compare(_) | Is(_) | In(_) | Subscr | DeleteAttr(_) | ListAppend(_) | SetAdd(_) | ListExtend(_)
        | SetUpdate(_) | DictUpdate(_) | DictMerge(_) | MakeComplex | PopJumpIfFalse(_) | PopJumpIfTrue(_)
        | JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) | Return | YieldFrom | Reraise | PopExcept | ImportName(_)
        | ImportStar | PrintExpr => -1,
        StoreAttr(_) | DeleteSubscr | MapAdd(_) | PopExceptReraise | EndAsyncFor | MatchClass(_) => -2,
        StoreSubscr => -3,
        BuildSlice(n) | BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        FormatValue(f) => {
            if f & 4 != 0 {
                -1
            } else {
                0
            }
        }
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(n) => ((n >> 8) + (n & 0xff)) as i32,
        Call(n) => -(n as i32) - 1,
        CallKw(n) => -(n as i32) - 2,
        CallEx(f) => -2 - f as i32,
        MakeFunction(f) => -(f.count_ones() as i32),
        Raise(n) => -(n as i32),
        LoadFastLoadFast(..)
        | LoadFastLoadConst(..)
        | LoadFastLoadAttr(..)
        | StoreFastLoadFast(..)
        | StoreFastStoreFast(..)
        | LoadConstLoadFast(..)
        | LoadFastLoadMethod(..)
        | LoadFastBinary(..)
        | LoadConstBinary(..)
        | LoadAttrLoadFast(..)
        | PushNullLoadFast(_)
        | CompareJumpIfFalse(..)
        | CompareJumpIfTrue(..)
        | IsJumpIfFalse(..)
        | IsJumpIfTrue(..) => unreachable!("superinstructions are never emitted"),
    }
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn push_unit(&mut self, scope: usize, kind: Kind, name: String, qualname: String, line: u32) {
        let s = &self.st.scopes[scope];
        let mut varnames: Vec<String> = Vec::new();
        if kind == Kind::Function {
            varnames = s.params.clone();
            let mut locals: Vec<&String> = s
                .resolved
                .iter()
                .filter(|(n, r)| **r == Resolved::Local && !s.params.contains(n))
                .map(|(n, _)| n)
                .collect();
            locals.sort();
            varnames.extend(locals.into_iter().cloned());
        }
        let mut cellvars = s.cells.clone();
        // Parameters kept in cells are also ordinary parameters (they start the cell).
        for (n, r) in &s.resolved {
            if *r == Resolved::Cell && !cellvars.contains(n) {
                cellvars.push(n.clone());
            }
        }
        let mut flags = 0;
        if s.is_generator {
            flags |= code::CO_GENERATOR;
        }
        if s.is_async {
            flags |= code::CO_GENERATOR | if s.is_generator { code::CO_ASYNC_GENERATOR } else { code::CO_COROUTINE };
        }
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            firstlineno: line,
            ops: Vec::new(),
            lines: Vec::new(),
            positions: Vec::new(),
            pos: Pos { line, end_line: line, ..Default::default() },
            handler_of: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars,
            freevars: s.frees.clone(),
            depth: 0,
            maxdepth: 0,
            blocks: Vec::new(),
            line,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags,
            docstring: None,
        });
    }

    fn pop_unit(&mut self) -> u32 {
        let u = self.units.pop().unwrap();
        if std::env::var_os("PYSTM_DIS").is_some() {
            eprintln!("== {} (depth {} max {})", u.qualname, u.depth, u.maxdepth);
            for (i, op) in u.ops.iter().enumerate() {
                let h = u.handler_of[i];
                let hs = if h == u32::MAX {
                    String::new()
                } else {
                    format!(
                        "  [handler {} -> {} depth {}]",
                        h, u.handlers[h as usize].target, u.handlers[h as usize].depth
                    )
                };
                eprintln!("{:4} {:4} {:?}{}", u.lines[i], i, op, hs);
            }
        }
        let nops = u.ops.len();
        let cell2arg = u.cellvars.iter().map(|c| u.varnames.iter().position(|v| v == c).map(|p| p as u32)).collect();
        code::register(Code {
            name: u.name,
            qualname: u.qualname,
            source: self.source.clone(),
            firstlineno: u.firstlineno,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            varnames: u.varnames,
            cellvars: u.cellvars,
            cell2arg,
            freevars: u.freevars,
            names: u.names,
            consts: u.consts,
            fast: code::superinstructions(&u.ops),
            ops: u.ops,
            lines: u.lines,
            positions: u.positions,
            handler_of: u.handler_of,
            handlers: u.handlers,
            stacksize: u.maxdepth.max(0) as u32 + 2,
            docstring: u.docstring,
            icache: code::new_icache(nops),
            method_sites: Default::default(),
            load_sites: Default::default(),
            id: u32::MAX,
        })
    }

    /// An annotation's value: the expression, or under `from __future__ import annotations`
    /// its source text (CPython unparses it; the source text differs only in spacing and
    /// redundant parentheses).
    fn annotation(&mut self, e: &'a Expr) -> R<()> {
        if !self.future_annotations {
            return self.expr(e);
        }
        let r = e.range();
        let text = self.source.text.get(usize::from(r.start())..usize::from(r.end())).unwrap_or("");
        let text = single_quoted(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        let k = self.konst(Const::Str(text));
        self.emit(Op::LoadConst(k));
        Ok(())
    }

    fn line_of(&self, at: ast::TextSize) -> u32 {
        self.index.source_location(at, &self.source.text).row.get()
    }

    fn set_line(&mut self, at: ast::TextSize) {
        let l = self.line_of(at);
        self.unit().line = l;
    }

    /// (1-based line, 0-based byte column) of an offset.
    fn line_col(&self, at: ast::TextSize) -> (u32, u32) {
        let off = u32::from(at) as usize;
        let i = self.line_starts.partition_point(|&s| s <= off) - 1;
        ((i + 1) as u32, (off - self.line_starts[i]) as u32)
    }

    fn pos_of(&self, r: rustpython_parser::text_size::TextRange) -> Pos {
        let (line, col) = self.line_col(r.start());
        let (end_line, end_col) = self.line_col(r.end());
        Pos { line, col, end_line, end_col, anchor_start: 0, anchor_end: 0 }
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.ops.push(op);
        u.lines.push(u.line);
        u.positions.push(u.pos);
        u.handler_of.push(u.handler_stack.last().copied().unwrap_or(u32::MAX));
        u.depth += stack_effect(op);
        if u.depth > u.maxdepth {
            u.maxdepth = u.depth;
        }
        u.ops.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.unit().ops.len() as u32
    }

    fn patch(&mut self, at: usize) {
        let t = self.here();
        self.patch_to(at, t);
    }

    fn patch_to(&mut self, at: usize, t: u32) {
        let op = &mut self.unit().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(t),
            Op::JumpBack(_) => Op::JumpBack(t),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(t),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(t),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(t),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(t),
            Op::ForIter(_) => Op::ForIter(t),
            other => panic!("patching a non-jump {other:?}"),
        };
    }

    fn new_handler(&mut self, depth: i32) -> u32 {
        let u = self.unit();
        u.handlers.push(Handler { target: u32::MAX, depth: depth as u32 });
        (u.handlers.len() - 1) as u32
    }

    fn handler_here(&mut self, h: u32) {
        let t = self.here();
        self.unit().handlers[h as usize].target = t;
    }

    /// Leaving a `with` block normally: `exit(None, None, None)` as a plain call in this dispatch
    /// loop, awaited for `async with` (stack: [exit] -> []).
    fn with_exit_normal(&mut self, is_async: bool) {
        self.emit(Op::PushNull);
        let none = self.konst(Const::None);
        for _ in 0..3 {
            self.emit(Op::LoadConst(none));
        }
        self.emit(Op::Call(3));
        if is_async {
            self.await_(awaited::AEXIT);
        }
        self.emit(Op::Pop);
    }

    /// `await TOS`: its awaitable's iterator, driven by `YieldFrom` (TOS -> the result).
    fn await_(&mut self, what: u32) {
        self.emit(Op::GetAwaitable(what));
        let none = self.konst(Const::None);
        self.emit(Op::LoadConst(none));
        self.emit(Op::YieldFrom);
    }

    /// The head of an `async for` loop over the async iterator on TOS: the next item, awaited,
    /// under a handler that ends the loop at StopAsyncIteration. Returns the loop's start and
    /// the handler (placed by `async_for_end`).
    fn async_for_next(&mut self) -> (u32, u32) {
        let d = self.unit().depth;
        let start = self.here();
        let h = self.new_handler(d);
        self.unit().handler_stack.push(h);
        // (GetANext pushes the awaitable's iterator already.)
        self.emit(Op::GetANext);
        let none = self.konst(Const::None);
        self.emit(Op::LoadConst(none));
        self.emit(Op::YieldFrom);
        self.unit().handler_stack.pop();
        (start, h)
    }

    /// After the loop's back-edge: the handler of `async_for_next`, which pops the iterator when
    /// the loop ends (depth: the iterator's, before it).
    fn async_for_end(&mut self, h: u32, d: i32) {
        self.handler_here(h);
        self.unit().depth = d + 1;
        self.emit(Op::EndAsyncFor);
        self.unit().depth = d - 1;
    }

    fn konst(&mut self, c: Const) -> u32 {
        let u = self.unit();
        // Floats compare by bits, so that 0.0 and -0.0 stay apart.
        if let Some(i) = u.consts.iter().position(|x| match (x, &c) {
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (Const::Bool(_), Const::Int(_)) | (Const::Int(_), Const::Bool(_)) => false,
            (a, b) => a == b,
        }) {
            return i as u32;
        }
        u.consts.push(c);
        (u.consts.len() - 1) as u32
    }

    /// `n` as written inside the innermost enclosing class (its body and the functions nested
    /// in it): see [`mangle_private`].
    fn mangle(&self, n: &str) -> String {
        self.units
            .iter()
            .rev()
            .find(|u| u.kind == Kind::Class)
            .and_then(|c| mangle_private(&c.name, n))
            .unwrap_or_else(|| n.to_string())
    }

    /// The index of a name that is mangled: an attribute name, or a name looked up in a
    /// namespace dict.
    fn mangled_idx(&mut self, n: &str) -> u32 {
        let m = self.mangle(n);
        self.name_idx(&m)
    }

    fn name_idx(&mut self, n: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.names.iter().position(|x| x == n) {
            return i as u32;
        }
        u.names.push(n.to_string());
        (u.names.len() - 1) as u32
    }

    fn resolve(&self, n: &str) -> Resolved {
        let u = self.units.last().unwrap();
        let s = &self.st.scopes[u.scope];
        match s.resolved.get(n) {
            Some(r) => *r,
            None => match u.kind {
                Kind::Function => Resolved::Global,
                _ => Resolved::Name,
            },
        }
    }

    /// The slot of a cell or free variable.
    fn deref_slot(&self, n: &str) -> u32 {
        let u = self.units.last().unwrap();
        if let Some(i) = u.cellvars.iter().position(|x| x == n) {
            return (u.varnames.len() + i) as u32;
        }
        let i = u.freevars.iter().position(|x| x == n).unwrap_or_else(|| panic!("no cell for {n}"));
        (u.varnames.len() + u.cellvars.len() + i) as u32
    }

    fn load_name(&mut self, n: &str) {
        let op = match self.resolve(n) {
            Resolved::Local => Op::LoadFast(self.local(n)),
            Resolved::Cell | Resolved::Free => Op::LoadDeref(self.deref_slot(n)),
            Resolved::Global => Op::LoadGlobal(self.mangled_idx(n)),
            Resolved::Name => Op::LoadName(self.mangled_idx(n)),
            Resolved::ClassDeref => Op::LoadClassDeref(self.mangled_idx(n), self.deref_slot(n)),
        };
        self.emit(op);
    }

    fn store_name(&mut self, n: &str) {
        let op = match self.resolve(n) {
            Resolved::Local => Op::StoreFast(self.local(n)),
            Resolved::Cell | Resolved::Free => Op::StoreDeref(self.deref_slot(n)),
            Resolved::Global => Op::StoreGlobal(self.mangled_idx(n)),
            Resolved::Name | Resolved::ClassDeref => Op::StoreName(self.mangled_idx(n)),
        };
        self.emit(op);
    }

    fn delete_name(&mut self, n: &str) {
        let op = match self.resolve(n) {
            Resolved::Local => Op::DeleteFast(self.local(n)),
            Resolved::Cell | Resolved::Free => Op::DeleteDeref(self.deref_slot(n)),
            Resolved::Global => Op::DeleteGlobal(self.mangled_idx(n)),
            Resolved::Name | Resolved::ClassDeref => Op::DeleteName(self.mangled_idx(n)),
        };
        self.emit(op);
    }

    fn local(&self, n: &str) -> u32 {
        let u = self.units.last().unwrap();
        u.varnames.iter().position(|x| x == n).unwrap_or_else(|| panic!("no local {n}")) as u32
    }

    fn body(&mut self, b: &'a [Stmt]) -> R<()> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> R<()> {
        self.set_line(s.range().start());
        let p = self.pos_of(s.range());
        self.unit().pos = p;
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                if self.interactive && self.units.len() == 1 {
                    self.emit(Op::PrintExpr);
                } else {
                    self.emit(Op::Pop);
                }
            }
            Stmt::Pass(_) => {}
            Stmt::Assign(a) if self.swap_assign(a)? => {}
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                }
                if let Expr::Name(n) = &*a.target
                    && a.simple
                    && self.unit().kind != Kind::Function
                {
                    self.annotation(&a.annotation)?;
                    let an = self.name_idx("__annotations__");
                    self.emit(Op::LoadName(an));
                    let key = self.mangle(&n.id);
                    let k = self.konst(Const::Str(key));
                    self.emit(Op::LoadConst(k));
                    self.emit(Op::StoreSubscr);
                }
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.body(&i.body)?;
                if i.orelse.is_empty() {
                    self.patch(j);
                } else {
                    let end = self.emit(Op::Jump(0));
                    self.patch(j);
                    self.body(&i.orelse)?;
                    self.patch(end);
                }
            }
            Stmt::While(w) => {
                let start = self.here();
                self.expr(&w.test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.unit().blocks.push(Block::Loop { start, is_for: false, breaks: vec![] });
                self.body(&w.body)?;
                let Some(Block::Loop { breaks, .. }) = self.unit().blocks.pop() else { unreachable!() };
                self.emit(Op::JumpBack(start));
                self.patch(j);
                self.body(&w.orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.emit(Op::GetIter);
                let start = self.here();
                let fi = self.emit(Op::ForIter(0));
                self.store_target(&f.target)?;
                self.unit().blocks.push(Block::Loop { start, is_for: true, breaks: vec![] });
                self.body(&f.body)?;
                let Some(Block::Loop { breaks, .. }) = self.unit().blocks.pop() else { unreachable!() };
                self.emit(Op::JumpBack(start));
                self.patch(fi);
                // ForIter pops the iterator on exit.
                self.unit().depth -= 1;
                self.body(&f.orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            Stmt::AsyncFor(f) => {
                self.expr(&f.iter)?;
                self.emit(Op::GetAIter);
                let d = self.unit().depth;
                let (start, h) = self.async_for_next();
                self.store_target(&f.target)?;
                self.unit().blocks.push(Block::Loop { start, is_for: true, breaks: vec![] });
                self.body(&f.body)?;
                let Some(Block::Loop { breaks, .. }) = self.unit().blocks.pop() else { unreachable!() };
                self.emit(Op::JumpBack(start));
                self.async_for_end(h, d);
                self.body(&f.orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            Stmt::Break(b) => {
                let Some(li) = self.unit().blocks.iter().rposition(|b| matches!(b, Block::Loop { .. })) else {
                    return err("'break' outside loop", b.range.start());
                };
                self.leaves_except_star(li + 1, b.range.start())?;
                let depth = self.unit().depth;
                self.unwind(li + 1, false)?;
                if let Block::Loop { is_for: true, .. } = self.unit().blocks[li] {
                    self.emit(Op::Pop);
                }
                let j = self.emit(Op::Jump(0));
                if let Block::Loop { breaks, .. } = &mut self.unit().blocks[li] {
                    breaks.push(j);
                }
                self.unit().depth = depth;
            }
            Stmt::Continue(c) => {
                let Some(li) = self.unit().blocks.iter().rposition(|b| matches!(b, Block::Loop { .. })) else {
                    return err("'continue' not properly in loop", c.range.start());
                };
                self.leaves_except_star(li + 1, c.range.start())?;
                let depth = self.unit().depth;
                self.unwind(li + 1, false)?;
                let Block::Loop { start, .. } = self.unit().blocks[li] else { unreachable!() };
                self.emit(Op::JumpBack(start));
                self.unit().depth = depth;
            }
            Stmt::Return(r) => {
                self.leaves_except_star(0, r.range.start())?;
                let depth = self.unit().depth;
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let k = self.konst(Const::None);
                        self.emit(Op::LoadConst(k));
                    }
                }
                if self.unit().flags & code::CO_ASYNC_GENERATOR != 0 && r.value.is_some() {
                    return err("'return' with value in async generator", r.range.start());
                }
                self.unwind(0, true)?;
                self.emit(Op::Return);
                self.unit().depth = depth;
            }
            Stmt::FunctionDef(f) => self.decorated(&f.decorator_list, &f.name, |c| {
                c.function(f, &f.name, &f.args, FnBody::Stmts(&f.body), f.returns.as_deref(), f.range.start())
            })?,
            Stmt::AsyncFunctionDef(f) => self.decorated(&f.decorator_list, &f.name, |c| {
                c.function(f, &f.name, &f.args, FnBody::Stmts(&f.body), f.returns.as_deref(), f.range.start())
            })?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::Try(t) => {
                let parts =
                    TryParts { body: &t.body, handlers: &t.handlers, orelse: &t.orelse, finalbody: &t.finalbody };
                self.try_stmt(&parts, false)?;
            }
            Stmt::TryStar(t) => {
                let parts =
                    TryParts { body: &t.body, handlers: &t.handlers, orelse: &t.orelse, finalbody: &t.finalbody };
                self.try_stmt(&parts, true)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                let j = self.emit(Op::PopJumpIfTrue(0));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.emit(Op::PushNull);
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch(j);
            }
            Stmt::With(w) => self.with(&w.items, &w.body, false)?,
            Stmt::AsyncWith(w) => self.with(&w.items, &w.body, true)?,
            Stmt::Import(i) => {
                for a in &i.names {
                    let z = self.konst(Const::Int(0));
                    self.emit(Op::LoadConst(z));
                    let none = self.konst(Const::None);
                    self.emit(Op::LoadConst(none));
                    let ni = self.name_idx(&a.name);
                    self.emit(Op::ImportName(ni));
                    match &a.asname {
                        Some(asn) => {
                            for part in a.name.split('.').skip(1) {
                                let pi = self.name_idx(part);
                                self.emit(Op::ImportFrom(pi));
                                self.emit(Op::Rot2);
                                self.emit(Op::Pop);
                            }
                            self.store_name(asn);
                        }
                        None => self.store_name(a.name.split('.').next().unwrap()),
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let level = i.level.as_ref().map(|l| l.to_u32()).unwrap_or(0);
                let lk = self.konst(Const::Int(level as i64));
                self.emit(Op::LoadConst(lk));
                let names: Vec<Const> = i.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
                let fk = self.konst(Const::Tuple(names));
                self.emit(Op::LoadConst(fk));
                let m = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                let mi = self.name_idx(&m);
                self.emit(Op::ImportName(mi));
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Op::ImportStar);
                } else {
                    for a in &i.names {
                        let ni = self.name_idx(&a.name);
                        self.emit(Op::ImportFrom(ni));
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                    }
                    self.emit(Op::Pop);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            other => return err("this statement is not supported yet", other.range().start()),
        }
        Ok(())
    }

    /// Emits the cleanup of every block from the innermost down to index `upto` (exclusive of
    /// lower ones), for a jump out of them. With `keep_tos`, the value on top (a return value)
    /// stays on top.
    fn unwind(&mut self, upto: usize, keep_tos: bool) -> R<()> {
        let mut i = self.unit().blocks.len();
        while i > upto {
            i -= 1;
            let b = self.unit().blocks[i].clone();
            match b {
                Block::Loop { is_for, .. } => {
                    if is_for && keep_tos {
                        self.emit(Op::Rot2);
                        self.emit(Op::Pop);
                    }
                }
                Block::ExceptBody => {
                    if keep_tos {
                        self.emit(Op::Rot2);
                    }
                    self.emit(Op::PopExcept);
                }
                // (`leaves_except_star` refused the jump before.)
                Block::ExceptStarBody => {}
                Block::With { handlers, is_async } => {
                    if keep_tos {
                        self.emit(Op::Rot2);
                    }
                    let saved = std::mem::take(&mut self.unit().handler_stack);
                    self.unit().handler_stack = saved[..handlers].to_vec();
                    self.with_exit_normal(is_async);
                    self.unit().handler_stack = saved;
                }
                Block::Finally { body, handlers } => {
                    let saved_blocks = self.unit().blocks.split_off(i);
                    let saved = std::mem::take(&mut self.unit().handler_stack);
                    self.unit().handler_stack = saved[..handlers].to_vec();
                    let line = self.unit().line;
                    self.body(body)?;
                    self.unit().line = line;
                    self.unit().handler_stack = saved;
                    self.unit().blocks.extend(saved_blocks);
                }
            }
        }
        Ok(())
    }

    fn try_stmt(&mut self, t: &TryParts<'a>, star: bool) -> R<()> {
        if t.finalbody.is_empty() { self.try_except(t, star) } else { self.try_finally(t, star) }
    }

    /// A `break`, `continue` or `return` that leaves the blocks above index `upto`: refused if
    /// one of them is an `except*` clause (CPython's rule).
    fn leaves_except_star(&mut self, upto: usize, at: ast::TextSize) -> R<()> {
        if self.unit().blocks[upto..].iter().any(|b| matches!(b, Block::ExceptStarBody)) {
            return err("'break', 'continue' and 'return' cannot appear in an except* block", at);
        }
        Ok(())
    }

    fn try_except(&mut self, t: &TryParts<'a>, star: bool) -> R<()> {
        let d = self.unit().depth;
        let h = self.new_handler(d);
        self.unit().handler_stack.push(h);
        self.body(t.body)?;
        self.unit().handler_stack.pop();
        let to_else = self.emit(Op::Jump(0));
        self.handler_here(h);
        self.unit().depth = d + 1;
        self.emit(Op::PushExcInfo);
        let cleanup = self.new_handler(d + 1);
        self.unit().handler_stack.push(cleanup);
        let ends = if star { self.except_star_handlers(t.handlers, d)? } else { self.except_handlers(t.handlers, d)? };
        self.unit().handler_stack.pop();
        self.unit().depth = d + 2;
        self.emit(Op::PopExceptReraise);
        self.handler_here(cleanup);
        self.unit().depth = d + 2;
        self.emit(Op::PopExceptReraise);
        self.unit().depth = d;
        self.patch(to_else);
        self.body(t.orelse)?;
        for e in ends {
            self.patch(e);
        }
        self.unit().depth = d;
        Ok(())
    }

    /// The `except` clauses of a `try` at depth `d`, from `[prev, exc]` on the stack (the
    /// handled exception's cleanup handler in force). Leaves `[prev, exc]` when none matches;
    /// returns the jumps out of the clauses that ran.
    fn except_handlers(&mut self, handlers: &'a [ast::ExceptHandler], d: i32) -> R<Vec<usize>> {
        let mut ends = Vec::new();
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range.start());
            let mut next = None;
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Op::CheckExcMatch);
                    next = Some(self.emit(Op::PopJumpIfFalse(0)));
                }
                None => {
                    if i + 1 != handlers.len() {
                        return err("default 'except:' must be last", h.range.start());
                    }
                }
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            self.unit().blocks.push(Block::ExceptBody);
            self.body(&h.body)?;
            self.unit().blocks.pop();
            self.emit(Op::PopExcept);
            self.clear_handler_name(h.name.as_deref());
            ends.push(self.emit(Op::Jump(0)));
            if let Some(j) = next {
                self.patch(j);
            }
            self.unit().depth = d + 2;
        }
        Ok(ends)
    }

    /// The `except*` clauses of a `try` at depth `d`, from `[prev, exc]` (PEP 654): each clause
    /// takes the part of the exceptions not matched yet that its type matches (as a group) and
    /// runs; what the clauses raise is collected, and at the end `PrepReraiseStar` makes of it,
    /// with what no clause matched, the exception to re-raise. Leaves `[prev, exc]` to re-raise;
    /// returns the jump taken when nothing is left to raise.
    fn except_star_handlers(&mut self, handlers: &'a [ast::ExceptHandler], d: i32) -> R<Vec<usize>> {
        // [prev, exc] -> [prev, exc, raised list, rest]
        self.emit(Op::Dup);
        self.emit(Op::BuildList(0));
        self.emit(Op::Rot2);
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range.start());
            let Some(ty) = &h.type_ else {
                return err("expected 'except' or 'finally' block", h.range.start());
            };
            self.expr(ty)?;
            // [.., rest, type] -> [.., rest', match, matched?]
            self.emit(Op::CheckEgMatch);
            let no_match = self.emit(Op::PopJumpIfFalse(0));
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            // What the clause raises goes into the list.
            let raised = self.new_handler(d + 4);
            self.unit().handler_stack.push(raised);
            self.unit().blocks.push(Block::ExceptStarBody);
            self.body(&h.body)?;
            self.unit().blocks.pop();
            self.unit().handler_stack.pop();
            self.clear_handler_name(h.name.as_deref());
            let done = self.emit(Op::Jump(0));
            self.handler_here(raised);
            self.unit().depth = d + 5;
            self.clear_handler_name(h.name.as_deref());
            self.emit(Op::ListAppend(2));
            let done2 = self.emit(Op::Jump(0));
            self.patch(no_match);
            self.unit().depth = d + 5;
            self.emit(Op::Pop);
            self.patch(done);
            self.patch(done2);
            self.unit().depth = d + 4;
        }
        // [prev, exc, list, rest] -> [prev, exc, list] -> [prev, result, raise?]
        self.emit(Op::ListAppend(1));
        self.emit(Op::PrepReraiseStar);
        let reraise = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        let end = self.emit(Op::Jump(0));
        self.patch(reraise);
        self.unit().depth = d + 2;
        Ok(vec![end])
    }

    /// `name = None; del name` after an `except ... as name` clause.
    fn clear_handler_name(&mut self, name: Option<&str>) {
        if let Some(n) = name {
            let k = self.konst(Const::None);
            self.emit(Op::LoadConst(k));
            self.store_name(n);
            self.delete_name(n);
        }
    }

    fn try_finally(&mut self, t: &TryParts<'a>, star: bool) -> R<()> {
        let d = self.unit().depth;
        let h = self.new_handler(d);
        self.unit().handler_stack.push(h);
        let handlers = self.unit().handler_stack.len() - 1;
        self.unit().blocks.push(Block::Finally { body: t.finalbody, handlers });
        if t.handlers.is_empty() {
            self.body(t.body)?;
            self.body(t.orelse)?;
        } else {
            self.try_except(t, star)?;
        }
        self.unit().blocks.pop();
        self.unit().handler_stack.pop();
        self.body(t.finalbody)?;
        let end = self.emit(Op::Jump(0));
        self.handler_here(h);
        self.unit().depth = d + 1;
        self.emit(Op::PushExcInfo);
        let cleanup = self.new_handler(d + 1);
        self.unit().handler_stack.push(cleanup);
        self.body(t.finalbody)?;
        self.unit().handler_stack.pop();
        self.emit(Op::PopExceptReraise);
        self.handler_here(cleanup);
        self.unit().depth = d + 2;
        self.emit(Op::PopExceptReraise);
        self.unit().depth = d;
        self.patch(end);
        Ok(())
    }

    fn with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt], is_async: bool) -> R<()> {
        let Some((first, rest)) = items.split_first() else { return self.body(body) };
        let d = self.unit().depth;
        self.expr(&first.context_expr)?;
        // [cm] -> [exit, enter, self-or-NULL], then a plain call: `__enter__` runs in this
        // dispatch loop (a Python one gets a frame here; a blocking built-in can commit).
        self.emit(if is_async { Op::BeforeAsyncWith } else { Op::BeforeWith });
        self.emit(Op::Call(0));
        if is_async {
            self.await_(awaited::AENTER);
        }
        match &first.optional_vars {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        let h = self.new_handler(d + 1);
        self.unit().handler_stack.push(h);
        let handlers = self.unit().handler_stack.len() - 1;
        self.unit().blocks.push(Block::With { handlers, is_async });
        self.with(rest, body, is_async)?;
        self.unit().blocks.pop();
        self.unit().handler_stack.pop();
        self.with_exit_normal(is_async);
        let end = self.emit(Op::Jump(0));
        self.handler_here(h);
        self.unit().depth = d + 2;
        self.emit(Op::PushExcInfo);
        let cleanup = self.new_handler(d + 2);
        self.unit().handler_stack.push(cleanup);
        self.emit(Op::WithExceptStart);
        if is_async {
            self.await_(awaited::AEXIT);
        }
        let sup = self.emit(Op::PopJumpIfTrue(0));
        self.unit().handler_stack.pop();
        self.emit(Op::PopExceptReraise);
        self.patch(sup);
        self.unit().depth = d + 3;
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        let end2 = self.emit(Op::Jump(0));
        self.handler_here(cleanup);
        self.unit().depth = d + 3;
        self.emit(Op::PopExceptReraise);
        self.unit().depth = d;
        self.patch(end);
        self.patch(end2);
        Ok(())
    }

    /// A `def` statement: the decorators, the function `make` emits, the decorators' calls, and
    /// the name bound.
    fn decorated(&mut self, ds: &'a [Expr], name: &str, make: impl FnOnce(&mut Self) -> R<()>) -> R<()> {
        self.decorators(ds)?;
        make(self)?;
        for _ in ds {
            self.emit(Op::Call(1));
        }
        self.store_name(name);
        Ok(())
    }

    fn decorators(&mut self, ds: &'a [Expr]) -> R<()> {
        for d in ds {
            self.expr(d)?;
            self.emit(Op::PushNull);
        }
        Ok(())
    }

    fn qualname(&self, name: &str) -> String {
        let u = self.units.last().unwrap();
        match u.kind {
            Kind::Module => name.to_string(),
            Kind::Class => format!("{}.{}", u.qualname, name),
            Kind::Function => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Emits the closure tuple for code unit's free variables (if any); returns the flag.
    fn closure(&mut self, frees: &[String]) -> u32 {
        if frees.is_empty() {
            return 0;
        }
        for f in frees {
            let slot = self.deref_slot(f);
            self.emit(Op::LoadClosure(slot));
        }
        self.emit(Op::BuildTuple(frees.len() as u32));
        8
    }

    fn function<N>(
        &mut self,
        node: &'a N,
        name: &str,
        args: &'a ast::Arguments,
        body: FnBody<'a>,
        returns: Option<&'a Expr>,
        at: ast::TextSize,
    ) -> R<()> {
        let mut flags = 0;
        let defaults: Vec<&Expr> =
            args.posonlyargs.iter().chain(args.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<&ast::ArgWithDefault> = args.kwonlyargs.iter().filter(|a| a.default.is_some()).collect();
        if !kwd.is_empty() {
            for a in &kwd {
                let k = self.konst(Const::Str(a.def.arg.to_string()));
                self.emit(Op::LoadConst(k));
                self.expr(a.default.as_ref().unwrap())?;
            }
            self.emit(Op::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        let mut anns: Vec<(&str, &'a Expr)> = Vec::new();
        for p in args.posonlyargs.iter().chain(args.args.iter()).chain(args.kwonlyargs.iter()) {
            if let Some(an) = &p.def.annotation {
                anns.push((p.def.arg.as_str(), an));
            }
        }
        for v in [&args.vararg, &args.kwarg].into_iter().flatten() {
            if let Some(an) = &v.annotation {
                anns.push((v.arg.as_str(), an));
            }
        }
        if let Some(r) = returns {
            anns.push(("return", r));
        }
        if !anns.is_empty() {
            for (n, e) in &anns {
                let k = self.konst(Const::Str(n.to_string()));
                self.emit(Op::LoadConst(k));
                self.annotation(e)?;
            }
            self.emit(Op::BuildMap(anns.len() as u32));
            flags |= 4;
        }
        let scope = self.st.scope_of(node);
        let qual = self.qualname(name);
        let line = self.line_of(at);
        self.push_unit(scope, Kind::Function, name.to_string(), qual, line);
        {
            let u = self.unit();
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.posonly = args.posonlyargs.len() as u32;
            u.kwonly = args.kwonlyargs.len() as u32;
            if args.vararg.is_some() {
                u.flags |= code::CO_VARARGS;
            }
            if args.kwarg.is_some() {
                u.flags |= code::CO_VARKEYWORDS;
            }
        }
        match body {
            FnBody::Stmts(b) => {
                if let Some(Stmt::Expr(e)) = b.first()
                    && let Expr::Constant(c) = &*e.value
                    && let ast::Constant::Str(s) = &c.value
                {
                    self.unit().docstring = Some(s.clone());
                }
                self.body(b)?;
                let none = self.konst(Const::None);
                self.emit(Op::LoadConst(none));
                self.emit(Op::Return);
            }
            FnBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Return);
            }
        }
        let frees = self.unit().freevars.clone();
        let id = self.pop_unit();
        flags |= self.closure(&frees);
        let k = self.konst(Const::Code(id));
        self.emit(Op::LoadConst(k));
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R<()> {
        self.decorators(&c.decorator_list)?;
        self.emit(Op::LoadBuildClass);
        self.emit(Op::PushNull);
        let scope = self.st.scope_of(c);
        let qual = self.qualname(&c.name);
        let line = self.line_of(c.range.start());
        self.push_unit(scope, Kind::Class, c.name.to_string(), qual.clone(), line);
        self.unit().flags |= code::CO_DICT_LOCALS;
        let n = self.name_idx("__name__");
        self.emit(Op::LoadGlobal(n));
        let m = self.name_idx("__module__");
        self.emit(Op::StoreName(m));
        let q = self.konst(Const::Str(qual));
        self.emit(Op::LoadConst(q));
        let qn = self.name_idx("__qualname__");
        self.emit(Op::StoreName(qn));
        if let Some(Stmt::Expr(e)) = c.body.first()
            && let Expr::Constant(k) = &*e.value
            && let ast::Constant::Str(s) = &k.value
        {
            let d = self.konst(Const::Str(s.clone()));
            self.emit(Op::LoadConst(d));
            let dn = self.name_idx("__doc__");
            self.emit(Op::StoreName(dn));
        }
        if has_annotations(&c.body) {
            self.emit(Op::SetupAnnotations);
        }
        self.body(&c.body)?;
        if self.unit().cellvars.iter().any(|x| x == "__class__") {
            let slot = self.deref_slot("__class__");
            self.emit(Op::LoadClosure(slot));
            let cc = self.name_idx("__classcell__");
            self.emit(Op::StoreName(cc));
        }
        let none = self.konst(Const::None);
        self.emit(Op::LoadConst(none));
        self.emit(Op::Return);
        let frees = self.unit().freevars.clone();
        let id = self.pop_unit();
        let flags = self.closure(&frees);
        let k = self.konst(Const::Code(id));
        self.emit(Op::LoadConst(k));
        self.emit(Op::MakeFunction(flags));
        let nk = self.konst(Const::Str(c.name.to_string()));
        self.emit(Op::LoadConst(nk));
        let mut pos: Vec<&Expr> = vec![];
        for b in &c.bases {
            pos.push(b);
        }
        self.call_args(2, &pos, &c.keywords)?;
        for _ in &c.decorator_list {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R<()> {
        let op = binop_of(&a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.emit(Op::InplaceBinary(op));
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::Dup);
                let i = self.mangled_idx(&at.attr);
                self.emit(Op::LoadAttr(i));
                self.expr(&a.value)?;
                self.emit(Op::InplaceBinary(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Dup2);
                self.emit(Op::Subscr);
                self.expr(&a.value)?;
                self.emit(Op::InplaceBinary(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            other => {
                return err("'expression' is an illegal expression for augmented assignment", other.range().start());
            }
        }
        Ok(())
    }

    /// `a, b = x, y` and `a, b, c = x, y, z` (no starred item, lengths equal): the values
    /// are evaluated in order and reversed on the stack, then stored left to right, as
    /// CPython's peephole pass does; no tuple is built. Returns whether it compiled `a`.
    fn swap_assign(&mut self, a: &'a ast::StmtAssign) -> R<bool> {
        let (Expr::Tuple(ast::ExprTuple { elts: values, .. }), [target]) = (&*a.value, &a.targets[..]) else {
            return Ok(false);
        };
        let (Expr::Tuple(ast::ExprTuple { elts: targets, .. }) | Expr::List(ast::ExprList { elts: targets, .. })) =
            target
        else {
            return Ok(false);
        };
        let starred = |e: &Expr| matches!(e, Expr::Starred(_));
        if !(2..=3).contains(&values.len())
            || targets.len() != values.len()
            || values.iter().any(starred)
            || targets.iter().any(starred)
        {
            return Ok(false);
        }
        for v in values {
            self.expr(v)?;
        }
        if values.len() == 3 {
            self.emit(Op::Rot3);
        }
        self.emit(Op::Rot2);
        for t in targets {
            self.store_target(t)?;
        }
        Ok(true)
    }

    fn store_target(&mut self, t: &'a Expr) -> R<()> {
        match t {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.mangled_idx(&a.attr);
                self.emit(Op::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                match star {
                    None => {
                        self.emit(Op::UnpackSequence(elts.len() as u32));
                    }
                    Some(si) => {
                        if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
                            return err("multiple starred expressions in assignment", t.range().start());
                        }
                        let after = elts.len() - si - 1;
                        self.emit(Op::UnpackEx(((si as u32) << 8) | after as u32));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store_target(&s.value)?,
                        e => self.store_target(e)?,
                    }
                }
            }
            Expr::Starred(s) => return err("starred assignment target must be in a list or tuple", s.range.start()),
            other => return err(format!("cannot assign to {}", describe(other)), other.range().start()),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R<()> {
        match t {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.mangled_idx(&a.attr);
                self.emit(Op::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => return err(format!("cannot delete {}", describe(other)), other.range().start()),
        }
        Ok(())
    }

    /// Emits a call whose callable (and NULL/self) is on the stack with `pre` arguments already
    /// pushed after it.
    fn call_args(&mut self, pre: u32, args: &[&'a Expr], kws: &'a [ast::Keyword]) -> R<()> {
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none());
        if !starred {
            for a in args {
                self.expr(a)?;
            }
            if kws.is_empty() {
                self.emit(Op::Call(pre + args.len() as u32));
            } else {
                let mut names = Vec::new();
                for k in kws {
                    self.expr(&k.value)?;
                    names.push(Const::Str(k.arg.as_ref().unwrap().to_string()));
                }
                let nk = self.konst(Const::Tuple(names));
                self.emit(Op::LoadConst(nk));
                self.emit(Op::CallKw(pre + (args.len() + kws.len()) as u32));
            }
            return Ok(());
        }
        // General form: build a list of positional arguments, then a dict.
        self.emit(Op::BuildList(pre));
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Op::ListExtend(1));
                }
                a => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        self.emit(Op::ListToTuple);
        if kws.is_empty() {
            self.emit(Op::CallEx(0));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for k in kws {
            match &k.arg {
                Some(n) => {
                    let nk = self.konst(Const::Str(n.to_string()));
                    self.emit(Op::LoadConst(nk));
                    self.expr(&k.value)?;
                    self.emit(Op::BuildMap(1));
                    self.emit(Op::DictMerge(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge(1));
                }
            }
        }
        self.emit(Op::CallEx(1));
        Ok(())
    }

    fn comprehension<N>(
        &mut self,
        node: &'a N,
        gens: &'a [ast::Comprehension],
        kind: CompKind<'a>,
        at: ast::TextSize,
    ) -> R<()> {
        let scope = self.st.scope_of(node);
        let name = match kind {
            CompKind::List(_) => "<listcomp>",
            CompKind::Set(_) => "<setcomp>",
            CompKind::Dict(..) => "<dictcomp>",
            CompKind::Gen(_) => "<genexpr>",
        };
        let qual = self.qualname(name);
        let line = self.line_of(at);
        self.push_unit(scope, Kind::Function, name.into(), qual, line);
        self.unit().argcount = 1;
        match kind {
            CompKind::List(_) => {
                self.emit(Op::BuildList(0));
            }
            CompKind::Set(_) => {
                self.emit(Op::BuildSet(0));
            }
            CompKind::Dict(..) => {
                self.emit(Op::BuildMap(0));
            }
            CompKind::Gen(_) => {}
        }
        let mut loops = Vec::new();
        for (i, g) in gens.iter().enumerate() {
            if i == 0 {
                self.emit(Op::LoadFast(0));
            } else {
                self.expr(&g.iter)?;
                self.emit(if g.is_async { Op::GetAIter } else { Op::GetIter });
            }
            let (start, fi) = if g.is_async {
                let d = self.unit().depth;
                let (start, h) = self.async_for_next();
                (start, Loop::Async(h, d))
            } else {
                (self.here(), Loop::Sync(self.emit(Op::ForIter(0))))
            };
            self.store_target(&g.target)?;
            let mut skips = Vec::new();
            for c in &g.ifs {
                self.expr(c)?;
                skips.push(self.emit(Op::PopJumpIfFalse(0)));
            }
            loops.push((start, fi, skips));
        }
        let depth = gens.len() as u32 + 1;
        match kind {
            CompKind::List(e) => {
                self.expr(e)?;
                self.emit(Op::ListAppend(depth));
            }
            CompKind::Set(e) => {
                self.expr(e)?;
                self.emit(Op::SetAdd(depth));
            }
            CompKind::Dict(k, v) => {
                self.expr(k)?;
                self.expr(v)?;
                self.emit(Op::MapAdd(depth));
            }
            CompKind::Gen(e) => {
                self.expr(e)?;
                if self.unit().flags & code::CO_ASYNC_GENERATOR != 0 {
                    self.emit(Op::AsyncGenWrap);
                }
                self.emit(Op::Yield);
                self.emit(Op::Pop);
            }
        }
        for (start, fi, skips) in loops.into_iter().rev() {
            for s in skips {
                self.patch_to(s, start);
            }
            self.emit(Op::JumpBack(start));
            match fi {
                Loop::Sync(fi) => {
                    self.patch(fi);
                    self.unit().depth -= 1;
                }
                Loop::Async(h, d) => self.async_for_end(h, d),
            }
        }
        let unit_flags = self.unit().flags;
        if let CompKind::Gen(_) = kind {
            let none = self.konst(Const::None);
            self.emit(Op::LoadConst(none));
        }
        self.emit(Op::Return);
        let frees = self.unit().freevars.clone();
        let id = self.pop_unit();
        let flags = self.closure(&frees);
        let k = self.konst(Const::Code(id));
        self.emit(Op::LoadConst(k));
        self.emit(Op::MakeFunction(flags));
        self.emit(Op::PushNull);
        self.expr(&gens[0].iter)?;
        self.emit(if gens[0].is_async { Op::GetAIter } else { Op::GetIter });
        self.emit(Op::Call(1));
        if unit_flags & code::CO_COROUTINE != 0 {
            // An asynchronous list, set or dict comprehension is awaited where it stands.
            self.await_(awaited::AWAIT);
        }
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr) -> R<()> {
        let line = self.line_of(e.range().start());
        let outer = self.unit().line;
        let outer_pos = self.unit().pos;
        let mut p = self.pos_of(e.range());
        match e {
            Expr::BinOp(b) => {
                // The operator: from the end of the left operand (past blanks) to its last char.
                let (_, lend) = self.line_col(b.left.range().end());
                let (_, rstart) = self.line_col(b.right.range().start());
                let text = self.source.text.lines().nth(p.line as usize - 1).unwrap_or("");
                let seg = text.get(lend as usize..rstart as usize).unwrap_or("");
                let skip = (seg.len() - seg.trim_start().len()) as u32;
                let op_len = seg.trim().len().max(1) as u32;
                p.anchor_start = lend + skip;
                p.anchor_end = lend + skip + op_len;
            }
            Expr::Subscript(s) => {
                let (_, vend) = self.line_col(s.value.range().end());
                let (_, send) = self.line_col(s.slice.range().end());
                p.anchor_start = vend;
                p.anchor_end = send + 1;
            }
            _ => {}
        }
        self.unit().line = line;
        self.unit().pos = p;
        self.expr_inner(e)?;
        self.unit().line = outer;
        self.unit().pos = outer_pos;
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R<()> {
        match e {
            Expr::Constant(ast::ExprConstant { value: ast::Constant::Complex { real, imag }, .. }) => {
                for part in [*real, *imag] {
                    let k = self.konst(Const::Float(part));
                    self.emit(Op::LoadConst(k));
                }
                self.emit(Op::MakeComplex);
            }
            Expr::Constant(c) => {
                let k = self.constant(&c.value);
                let k = self.konst(k);
                self.emit(Op::LoadConst(k));
            }
            Expr::Name(n) => self.load_name(&n.id),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::Binary(binop_of(&b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                match u.op {
                    ast::UnaryOp::Not => self.emit(Op::Not),
                    ast::UnaryOp::USub => self.emit(Op::Unary(unop::NEG)),
                    ast::UnaryOp::UAdd => self.emit(Op::Unary(unop::POS)),
                    ast::UnaryOp::Invert => self.emit(Op::Unary(unop::INVERT)),
                };
            }
            Expr::BoolOp(b) => {
                let mut jumps = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        jumps.push(self.emit(match b.op {
                            ast::BoolOp::And => Op::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                let n = c.ops.len();
                if n == 1 {
                    self.expr(&c.comparators[0])?;
                    self.cmp(&c.ops[0]);
                } else {
                    let mut cleanups = Vec::new();
                    for i in 0..n {
                        self.expr(&c.comparators[i])?;
                        if i + 1 < n {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.cmp(&c.ops[i]);
                            cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                        } else {
                            self.cmp(&c.ops[i]);
                        }
                    }
                    let end = self.emit(Op::Jump(0));
                    for j in cleanups {
                        self.patch(j);
                    }
                    self.unit().depth += 1;
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.patch(end);
                }
            }
            Expr::Call(c) => {
                if let Expr::Attribute(a) = &*c.func
                    && !c.args.iter().any(|a| matches!(a, Expr::Starred(_)))
                    && !c.keywords.iter().any(|k| k.arg.is_none())
                {
                    self.expr(&a.value)?;
                    let i = self.mangled_idx(&a.attr);
                    // (The method lookup's position is the attribute's, not the call's: a
                    // traceback marks `obj.name`, as CPython's does.)
                    let call_pos = self.unit().pos;
                    let attr_pos = self.pos_of(a.range);
                    self.unit().pos = attr_pos;
                    self.emit(Op::LoadMethod(i));
                    self.unit().pos = call_pos;
                } else {
                    self.expr(&c.func)?;
                    self.emit(Op::PushNull);
                }
                let args: Vec<&'a Expr> = c.args.iter().collect();
                self.call_args(0, &args, &c.keywords)?;
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.mangled_idx(&a.attr);
                self.emit(Op::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Subscr);
            }
            Expr::Slice(s) => {
                let mut n = 2;
                for (i, x) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
                    match x {
                        Some(x) => self.expr(x)?,
                        None if i < 2 => {
                            let k = self.konst(Const::None);
                            self.emit(Op::LoadConst(k));
                        }
                        None => continue,
                    }
                    if i == 2 {
                        n = 3;
                    }
                }
                self.emit(Op::BuildSlice(n));
            }
            Expr::Tuple(t) => self.sequence(&t.elts, SeqKind::Tuple)?,
            Expr::List(t) => self.sequence(&t.elts, SeqKind::List)?,
            Expr::Set(t) => self.sequence(&t.elts, SeqKind::Set)?,
            Expr::Dict(d) => {
                let simple = d.keys.iter().all(|k| k.is_some());
                if simple && d.keys.len() < 256 {
                    for (k, v) in d.keys.iter().zip(d.values.iter()) {
                        self.expr(k.as_ref().unwrap())?;
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap(d.keys.len() as u32));
                } else {
                    self.emit(Op::BuildMap(0));
                    for (k, v) in d.keys.iter().zip(d.values.iter()) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            Expr::IfExp(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.expr(&i.body)?;
                let end = self.emit(Op::Jump(0));
                self.patch(j);
                self.unit().depth -= 1;
                self.expr(&i.orelse)?;
                self.patch(end);
            }
            Expr::Lambda(l) => self.function(l, "<lambda>", &l.args, FnBody::Expr(&l.body), None, l.range.start())?,
            Expr::ListComp(c) => self.comprehension(c, &c.generators, CompKind::List(&c.elt), c.range.start())?,
            Expr::SetComp(c) => self.comprehension(c, &c.generators, CompKind::Set(&c.elt), c.range.start())?,
            Expr::DictComp(c) => {
                self.comprehension(c, &c.generators, CompKind::Dict(&c.key, &c.value), c.range.start())?
            }
            Expr::GeneratorExp(c) => self.comprehension(c, &c.generators, CompKind::Gen(&c.elt), c.range.start())?,
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let k = self.konst(Const::None);
                        self.emit(Op::LoadConst(k));
                    }
                }
                if self.unit().flags & code::CO_ASYNC_GENERATOR != 0 {
                    self.emit(Op::AsyncGenWrap);
                }
                self.emit(Op::Yield);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter);
                let k = self.konst(Const::None);
                self.emit(Op::LoadConst(k));
                self.emit(Op::YieldFrom);
            }
            Expr::JoinedStr(j) => {
                for v in &j.values {
                    self.expr(v)?;
                }
                if j.values.len() != 1 || !matches!(j.values[0], Expr::FormattedValue(_)) {
                    self.emit(Op::BuildString(j.values.len() as u32));
                } else if j.values.is_empty() {
                    let k = self.konst(Const::Str(String::new()));
                    self.emit(Op::LoadConst(k));
                }
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value)?;
                let conv = match f.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                let mut flags = conv;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                    flags |= 4;
                }
                self.emit(Op::FormatValue(flags));
            }
            Expr::NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Dup);
                self.store_target(&n.target)?;
            }
            Expr::Starred(s) => return err("can't use starred expression here", s.range.start()),
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.await_(awaited::AWAIT);
            }
        }
        Ok(())
    }

    fn sequence(&mut self, elts: &'a [Expr], kind: SeqKind) -> R<()> {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                SeqKind::Tuple => Op::BuildTuple(n),
                SeqKind::List => Op::BuildList(n),
                SeqKind::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(match kind {
            SeqKind::Set => Op::BuildSet(0),
            _ => Op::BuildList(0),
        });
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(match kind {
                        SeqKind::Set => Op::SetUpdate(1),
                        _ => Op::ListExtend(1),
                    });
                }
                e => {
                    self.expr(e)?;
                    self.emit(match kind {
                        SeqKind::Set => Op::SetAdd(1),
                        _ => Op::ListAppend(1),
                    });
                }
            }
        }
        if let SeqKind::Tuple = kind {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn cmp(&mut self, op: &ast::CmpOp) {
        use ast::CmpOp::*;
        self.emit(match op {
            Eq => Op::Compare(cmpop::EQ),
            NotEq => Op::Compare(cmpop::NE),
            Lt => Op::Compare(cmpop::LT),
            LtE => Op::Compare(cmpop::LE),
            Gt => Op::Compare(cmpop::GT),
            GtE => Op::Compare(cmpop::GE),
            Is => Op::Is(false),
            IsNot => Op::Is(true),
            In => Op::In(false),
            NotIn => Op::In(true),
        });
    }

    fn constant(&self, c: &ast::Constant) -> Const {
        match c {
            ast::Constant::None => Const::None,
            ast::Constant::Bool(b) => Const::Bool(*b),
            ast::Constant::Str(s) => Const::Str(s.clone()),
            ast::Constant::Bytes(b) => Const::Bytes(b.clone()),
            ast::Constant::Int(i) => match i.to_i64() {
                Some(v) if crate::value::Value::fits(v) => Const::Int(v),
                _ => Const::BigInt(i.clone()),
            },
            ast::Constant::Tuple(t) => Const::Tuple(t.iter().map(|x| self.constant(x)).collect()),
            ast::Constant::Float(f) => Const::Float(*f),
            ast::Constant::Complex { .. } => Const::Str("<complex numbers are not supported>".into()),
            ast::Constant::Ellipsis => Const::Ellipsis,
        }
    }
}

enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

#[derive(Copy, Clone)]
enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

enum SeqKind {
    Tuple,
    List,
    Set,
}

/// Whether a module or class body annotates a simple name (CPython's `find_ann`).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(a) => a.simple,
        Stmt::If(i) => has_annotations(&i.body) || has_annotations(&i.orelse),
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(ast::StmtTry { body, handlers, orelse, finalbody, .. })
        | Stmt::TryStar(ast::StmtTryStar { body, handlers, orelse, finalbody, .. }) => {
            has_annotations(body)
                || has_annotations(orelse)
                || has_annotations(finalbody)
                || handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        _ => false,
    })
}

fn binop_of(op: &ast::Operator) -> u8 {
    use ast::Operator::*;
    match op {
        Add => binop::ADD,
        Sub => binop::SUB,
        Mult => binop::MUL,
        MatMult => binop::MATMUL,
        Div => binop::TRUEDIV,
        Mod => binop::MOD,
        Pow => binop::POW,
        LShift => binop::LSHIFT,
        RShift => binop::RSHIFT,
        BitOr => binop::OR,
        BitXor => binop::XOR,
        BitAnd => binop::AND,
        FloorDiv => binop::FLOORDIV,
    }
}

fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::Constant(_) => "literal",
        Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::BoolOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::IfExp(_) => "conditional expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        _ => "expression",
    }
}
