//! Scope analysis: which names of each function, class, lambda and comprehension are fast
//! locals, cells, free variables, globals or dictionary names, following CPython's rules
//! (`global`, `nonlocal`, class scopes invisible to nested functions, the implicit `__class__`
//! cell for zero-argument `super()`). Scopes are keyed by the address of their AST node. This
//! file owns the analysis only; it never emits code.

use rustpython_parser::ast::{self, Expr, Stmt};
use std::collections::{HashMap, HashSet};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    Module,
    Class,
    Function,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Resolved {
    /// A fast local of a function.
    Local,
    /// A local of a function that nested functions also see (kept in a cell).
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`, or never bound in any enclosing function.
    Global,
    /// Module and class scopes: looked up in the locals dict (then globals, builtins).
    Name,
    /// In a class body: a free variable of an enclosing function read through the dict first.
    ClassDeref,
}

#[derive(Default, Debug)]
pub struct Scope {
    pub kind: Option<Kind>,
    pub bound: HashSet<String>,
    pub used: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    /// `async def`, or a comprehension that awaits or uses `async for` (a coroutine; an async
    /// generator when it is also a generator).
    pub is_async: bool,
    pub is_comprehension: bool,
    pub resolved: HashMap<String, Resolved>,
    /// Free variables in a stable order, and cells.
    pub frees: Vec<String>,
    pub cells: Vec<String>,
    pub error: Option<(String, ast::TextSize)>,
}

pub struct SymTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
}

pub fn key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    cur: usize,
}

impl SymTable {
    pub fn build(body: &[Stmt]) -> Result<SymTable, (String, ast::TextSize)> {
        let mut b = Builder {
            scopes: vec![Scope { kind: Some(Kind::Module), ..Default::default() }],
            by_node: HashMap::new(),
            cur: 0,
        };
        for s in body {
            b.stmt(s);
        }
        let mut t = SymTable { scopes: b.scopes, by_node: b.by_node };
        for s in &t.scopes {
            if let Some(e) = &s.error {
                return Err(e.clone());
            }
        }
        t.analyze(0, &HashSet::new())?;
        Ok(t)
    }

    pub fn scope_of<T>(&self, node: &T) -> usize {
        self.by_node[&key(node)]
    }

    /// Resolves the names of scope `id`; returns the names it needs from enclosing functions.
    fn analyze(&mut self, id: usize, enclosing: &HashSet<String>) -> Result<Vec<String>, (String, ast::TextSize)> {
        let kind = self.scopes[id].kind.unwrap();
        let names: Vec<String> = {
            let s = &self.scopes[id];
            let mut v: Vec<String> = s.bound.iter().chain(s.used.iter()).chain(s.nonlocals.iter()).cloned().collect();
            v.sort();
            v.dedup();
            v
        };
        let mut resolved = HashMap::new();
        let mut frees: Vec<String> = Vec::new();
        for n in &names {
            let s = &self.scopes[id];
            let r = match kind {
                Kind::Module => {
                    if s.globals.contains(n) {
                        Resolved::Global
                    } else {
                        Resolved::Name
                    }
                }
                Kind::Class => {
                    if s.globals.contains(n) {
                        Resolved::Global
                    } else if s.nonlocals.contains(n) {
                        frees.push(n.clone());
                        Resolved::Free
                    } else if !s.bound.contains(n) && enclosing.contains(n) {
                        frees.push(n.clone());
                        Resolved::ClassDeref
                    } else {
                        Resolved::Name
                    }
                }
                Kind::Function => {
                    if s.globals.contains(n) {
                        Resolved::Global
                    } else if s.nonlocals.contains(n) {
                        if !enclosing.contains(n) {
                            return Err((format!("no binding for nonlocal '{n}' found"), 0.into()));
                        }
                        frees.push(n.clone());
                        Resolved::Free
                    } else if s.bound.contains(n) {
                        Resolved::Local
                    } else if enclosing.contains(n) {
                        frees.push(n.clone());
                        Resolved::Free
                    } else {
                        Resolved::Global
                    }
                }
            };
            resolved.insert(n.clone(), r);
        }
        let child_enclosing: HashSet<String> = match kind {
            Kind::Module => HashSet::new(),
            Kind::Class => {
                let mut e = enclosing.clone();
                e.insert("__class__".into());
                e
            }
            Kind::Function => {
                let mut e = enclosing.clone();
                for (n, r) in &resolved {
                    if *r == Resolved::Local {
                        e.insert(n.clone());
                    }
                }
                for n in &self.scopes[id].globals {
                    e.remove(n);
                }
                e
            }
        };
        let mut cells: Vec<String> = Vec::new();
        let children = self.scopes[id].children.clone();
        for c in children {
            for n in self.analyze(c, &child_enclosing)? {
                match resolved.get(&n).copied() {
                    Some(Resolved::Local) | Some(Resolved::Cell) if kind == Kind::Function => {
                        resolved.insert(n.clone(), Resolved::Cell);
                        if !cells.contains(&n) {
                            cells.push(n);
                        }
                    }
                    _ if kind == Kind::Class && n == "__class__" => {
                        if !cells.contains(&n) {
                            cells.push(n);
                        }
                    }
                    Some(Resolved::Free) | Some(Resolved::ClassDeref) => {}
                    _ => {
                        // Passes through this scope.
                        if !frees.contains(&n) {
                            frees.push(n.clone());
                        }
                        if kind == Kind::Function || !resolved.contains_key(&n) {
                            resolved.entry(n).or_insert(Resolved::Free);
                        }
                    }
                }
            }
        }
        frees.sort();
        frees.dedup();
        let s = &mut self.scopes[id];
        s.resolved = resolved;
        s.frees = frees.clone();
        s.cells = cells;
        Ok(frees)
    }
}

impl Builder {
    fn new_scope<T>(&mut self, node: &T, kind: Kind) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope { kind: Some(kind), ..Default::default() });
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(key(node), id);
        id
    }
    fn bind(&mut self, n: &str) {
        self.scopes[self.cur].bound.insert(n.to_string());
    }
    fn use_(&mut self, n: &str) {
        self.scopes[self.cur].used.insert(n.to_string());
    }
    fn err(&mut self, msg: String, at: ast::TextSize) {
        if self.scopes[self.cur].error.is_none() {
            self.scopes[self.cur].error = Some((msg, at));
        }
    }

    fn args(&mut self, a: &ast::Arguments) {
        // Defaults and annotations are evaluated in the enclosing scope (done by the caller).
        let s = &mut self.scopes[self.cur];
        for p in a.posonlyargs.iter().chain(a.args.iter()) {
            s.params.push(p.def.arg.to_string());
        }
        for p in &a.kwonlyargs {
            s.params.push(p.def.arg.to_string());
        }
        if let Some(v) = &a.vararg {
            s.params.push(v.arg.to_string());
        }
        if let Some(v) = &a.kwarg {
            s.params.push(v.arg.to_string());
        }
        let ps = s.params.clone();
        for p in ps {
            self.bind(&p);
        }
    }

    fn arg_defaults(&mut self, a: &ast::Arguments) {
        for p in a.posonlyargs.iter().chain(a.args.iter()).chain(a.kwonlyargs.iter()) {
            if let Some(d) = &p.default {
                self.expr(d);
            }
            if let Some(an) = &p.def.annotation {
                self.expr(an);
            }
        }
        for v in [&a.vararg, &a.kwarg].into_iter().flatten() {
            if let Some(an) = &v.annotation {
                self.expr(an);
            }
        }
    }

    fn body(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        use ast::Ranged;
        match s {
            Stmt::FunctionDef(f) => {
                self.def_head(&f.decorator_list, &f.args, f.returns.as_deref(), &f.name);
                self.function(f, &f.args, &f.body, false)
            }
            Stmt::AsyncFunctionDef(f) => {
                self.def_head(&f.decorator_list, &f.args, f.returns.as_deref(), &f.name);
                self.function(f, &f.args, &f.body, true)
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.bind(&c.name);
                let saved = self.cur;
                self.cur = self.new_scope(c, Kind::Class);
                self.body(&c.body);
                self.cur = saved;
            }
            Stmt::Return(r) => {
                if self.scopes[self.cur].kind != Some(Kind::Function) {
                    self.err("'return' outside function".into(), r.range.start());
                }
                if let Some(v) = &r.value {
                    self.expr(v)
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.target(t)
                }
                self.expr(&a.value);
            }
            Stmt::AugAssign(a) => {
                self.target(&a.target);
                if let Expr::Name(n) = &*a.target {
                    self.use_(&n.id);
                }
                self.expr(&a.value);
            }
            Stmt::AnnAssign(a) => {
                self.target(&a.target);
                if let Some(v) = &a.value {
                    self.expr(v);
                }
                if self.scopes[self.cur].kind != Some(Kind::Function) {
                    self.expr(&a.annotation);
                }
            }
            Stmt::For(f) => {
                self.target(&f.target);
                self.expr(&f.iter);
                self.body(&f.body);
                self.body(&f.orelse);
            }
            Stmt::AsyncFor(f) => {
                self.require_async("'async for' outside async function", f.range.start());
                self.target(&f.target);
                self.expr(&f.iter);
                self.body(&f.body);
                self.body(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.body(&w.body);
                self.body(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.body(&i.body);
                self.body(&i.orelse);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::With(ast::StmtWith { items, body, .. }) | Stmt::AsyncWith(ast::StmtAsyncWith { items, body, .. }) => {
                if let Stmt::AsyncWith(w) = s {
                    self.require_async("'async with' outside async function", w.range.start());
                }
                for it in items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(v);
                    }
                }
                self.body(body);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)
                }
                if let Some(e) = &r.cause {
                    self.expr(e)
                }
            }
            Stmt::Try(ast::StmtTry { body, handlers, orelse, finalbody, .. })
            | Stmt::TryStar(ast::StmtTryStar { body, handlers, orelse, finalbody, .. }) => {
                self.body(body);
                for h in handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.body(&h.body);
                }
                self.body(orelse);
                self.body(finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m)
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = a.asname.as_ref().map(|x| x.as_str()).unwrap_or_else(|| a.name.split('.').next().unwrap());
                    self.bind(n);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.scopes[self.cur].kind != Some(Kind::Module) {
                            self.err("import * only allowed at module level".into(), i.range.start());
                        }
                        continue;
                    }
                    let n = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(n);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let s = &self.scopes[self.cur];
                    if s.bound.contains(n.as_str()) || s.used.contains(n.as_str()) {
                        let msg = format!("name '{n}' is used prior to global declaration");
                        self.err(msg, g.range.start());
                    }
                    self.scopes[self.cur].globals.insert(n.to_string());
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scopes[self.cur].kind == Some(Kind::Module) {
                    self.err("nonlocal declaration not allowed at module level".into(), g.range.start());
                }
                for n in &g.names {
                    self.scopes[self.cur].nonlocals.insert(n.to_string());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            other => self.err("this statement is not supported yet".into(), other.range().start()),
        }
    }

    /// The names a `case` pattern captures, and the expressions in it (values, classes, keys).
    fn pattern(&mut self, p: &ast::Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => s.patterns.iter().for_each(|x| self.pattern(x)),
            P::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(k));
                m.patterns.iter().for_each(|x| self.pattern(x));
                if let Some(r) = &m.rest {
                    self.bind(r);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls);
                c.patterns.iter().chain(&c.kwd_patterns).for_each(|x| self.pattern(x));
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n);
                }
            }
            P::MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern(x);
                }
                if let Some(n) = &a.name {
                    self.bind(n);
                }
            }
            P::MatchOr(o) => o.patterns.iter().for_each(|x| self.pattern(x)),
        }
    }

    fn target(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => self.bind(&n.id),
            Expr::Tuple(t) => t.elts.iter().for_each(|x| self.target(x)),
            Expr::List(t) => t.elts.iter().for_each(|x| self.target(x)),
            Expr::Starred(s) => self.target(&s.value),
            other => self.expr(other),
        }
    }

    fn comprehension<T>(&mut self, node: &T, gens: &[ast::Comprehension], elts: &[&Expr], is_gen: bool) {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter);
        let saved = self.cur;
        self.cur = self.new_scope(node, Kind::Function);
        self.scopes[self.cur].params.push(".0".into());
        self.bind(".0");
        self.scopes[self.cur].is_generator = is_gen;
        self.scopes[self.cur].is_comprehension = true;
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.scopes[self.cur].is_async = true;
            }
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        // An asynchronous comprehension runs as a coroutine (an async generator for a generator
        // expression) and, but for a generator expression, is awaited where it stands.
        let comp = self.cur;
        self.cur = saved;
        if self.scopes[comp].is_async && !is_gen {
            let outer = &mut self.scopes[saved];
            if outer.is_comprehension {
                outer.is_async = true;
            } else if !outer.is_async || outer.kind != Some(Kind::Function) {
                self.err(
                    "asynchronous comprehension outside of an asynchronous function".into(),
                    ast::Ranged::range(&gens[0].iter).start(),
                );
            }
        }
    }

    /// What a `def` evaluates and binds in the enclosing scope.
    fn def_head(&mut self, decorators: &[Expr], args: &ast::Arguments, returns: Option<&Expr>, name: &str) {
        for d in decorators {
            self.expr(d);
        }
        self.arg_defaults(args);
        if let Some(r) = returns {
            self.expr(r);
        }
        self.bind(name);
    }

    fn function<T>(&mut self, node: &T, args: &ast::Arguments, body: &[Stmt], is_async: bool) {
        let saved = self.cur;
        self.cur = self.new_scope(node, Kind::Function);
        self.scopes[self.cur].is_async = is_async;
        self.args(args);
        self.body(body);
        self.cur = saved;
    }

    /// `await`, `async for` and `async with` belong in an `async def` (or in a comprehension,
    /// which becomes asynchronous).
    fn require_async(&mut self, msg: &str, at: ast::TextSize) {
        let s = &mut self.scopes[self.cur];
        if s.is_comprehension {
            s.is_async = true;
        } else if !s.is_async || s.kind != Some(Kind::Function) {
            self.err(msg.into(), at);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => b.values.iter().for_each(|x| self.expr(x)),
            Expr::NamedExpr(n) => {
                self.expr(&n.value);
                // The target binds in the nearest enclosing non-comprehension scope (CPython
                // binds it there; here comprehension scopes bind it locally: a known gap).
                self.target(&n.target);
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                self.arg_defaults(&l.args);
                let saved = self.cur;
                self.cur = self.new_scope(l, Kind::Function);
                self.args(&l.args);
                self.expr(&l.body);
                self.cur = saved;
            }
            Expr::IfExp(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k);
                }
                d.values.iter().for_each(|x| self.expr(x));
            }
            Expr::Set(s) => s.elts.iter().for_each(|x| self.expr(x)),
            Expr::ListComp(c) => self.comprehension(c, &c.generators, &[&c.elt], false),
            Expr::SetComp(c) => self.comprehension(c, &c.generators, &[&c.elt], false),
            Expr::DictComp(c) => self.comprehension(c, &c.generators, &[&c.key, &c.value], false),
            Expr::GeneratorExp(c) => self.comprehension(c, &c.generators, &[&c.elt], true),
            Expr::Await(a) => {
                if self.scopes[self.cur].kind == Some(Kind::Function) {
                    self.require_async("'await' outside async function", a.range.start());
                } else {
                    self.err("'await' outside function".into(), a.range.start());
                }
                self.expr(&a.value)
            }
            Expr::Yield(y) => {
                self.mark_generator(y.range.start());
                if let Some(v) = &y.value {
                    self.expr(v)
                }
            }
            Expr::YieldFrom(y) => {
                if self.scopes[self.cur].is_async {
                    self.err("'yield from' inside async function".into(), y.range.start());
                }
                self.mark_generator(y.range.start());
                self.expr(&y.value)
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                c.comparators.iter().for_each(|x| self.expr(x));
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                if let Expr::Name(n) = &*c.func
                    && n.id.as_str() == "super"
                {
                    self.use_("__class__");
                }
                c.args.iter().for_each(|x| self.expr(x));
                c.keywords.iter().for_each(|k| self.expr(&k.value));
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value);
                if let Some(s) = &f.format_spec {
                    self.expr(s)
                }
            }
            Expr::JoinedStr(j) => j.values.iter().for_each(|x| self.expr(x)),
            Expr::Constant(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => {
                if matches!(n.ctx, ast::ExprContext::Load) {
                    self.use_(&n.id);
                    if n.id.as_str() == "__class__" {
                        self.use_("__class__");
                    }
                } else {
                    self.bind(&n.id);
                }
            }
            Expr::List(l) => l.elts.iter().for_each(|x| self.expr(x)),
            Expr::Tuple(l) => l.elts.iter().for_each(|x| self.expr(x)),
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x);
                }
            }
        }
    }

    fn mark_generator(&mut self, at: ast::TextSize) {
        match self.scopes[self.cur].kind {
            Some(Kind::Function) => self.scopes[self.cur].is_generator = true,
            _ => self.err("'yield' outside function".into(), at),
        }
    }
}
