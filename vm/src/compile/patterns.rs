//! The `match` statement: compiles each `case` pattern to stack code over a copy of the subject
//! (with the `Match*` ops of `code.rs` for the tests a pattern needs), checks the patterns'
//! compile-time rules (unreachable cases, names bound twice or differently by alternatives),
//! and binds captured names as the match goes. It never evaluates anything: runtime semantics
//! (`__match_args__`, mapping lookups) are the interpreter's (`interp/matching.rs`).
//!
//! A child module of `codegen`, sharing the compiler's private emitters.

use super::super::code::{Const, Op, cmpop};
use super::{Compiler, R, err};
use rustpython_parser::ast::{self, Pattern, Ranged};

/// Jumps taken when a pattern fails, each with the number of values above the case's base on
/// the stack at that point (popped on the way to the next case or alternative).
type Fails = Vec<(usize, i32)>;

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R<()> {
        self.expr(&m.subject)?;
        // (The subject stays on the stack through the cases; each case matches a copy.)
        let base = self.unit().depth;
        let mut ends = vec![];
        for (i, c) in m.cases.iter().enumerate() {
            if i + 1 < m.cases.len() && c.guard.is_none() {
                check_reachable(&c.pattern)?;
            }
            check_names(&c.pattern)?;
            self.set_line(c.pattern.range().start());
            let p = self.pos_of(c.pattern.range());
            self.unit().pos = p;
            self.emit(Op::Dup);
            let mut fails = vec![];
            self.pattern(&c.pattern, base, &mut fails)?;
            if let Some(g) = &c.guard {
                self.expr(g)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                fails.push((j, 0));
            }
            self.emit(Op::Pop);
            self.body(&c.body)?;
            ends.push(self.emit(Op::Jump(0)));
            self.fail_pads(fails, base);
        }
        self.emit(Op::Pop);
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    /// Where failures land: pops what each left above `base`, then falls through (to the
    /// next case or alternative), at depth `base`.
    fn fail_pads(&mut self, fails: Fails, base: i32) {
        let most = fails.iter().map(|f| f.1).max().unwrap_or(0);
        for k in (0..=most).rev() {
            for &(j, _) in fails.iter().filter(|f| f.1 == k) {
                self.patch(j);
            }
            self.unit().depth = base + k;
            if k > 0 {
                self.emit(Op::Pop);
            }
        }
        self.unit().depth = base;
    }

    /// Records a failure jump (just emitted) with the values it leaves above `base`.
    fn fail_jump(&mut self, op: Op, base: i32, fails: &mut Fails) {
        let j = self.emit(op);
        fails.push((j, self.unit().depth - base));
    }

    /// Pushes None, then jumps to the failures when the value below it is None (TOS stays).
    fn fail_if_none(&mut self, base: i32, fails: &mut Fails) {
        self.emit(Op::Dup);
        let none = self.konst(Const::None);
        self.emit(Op::LoadConst(none));
        self.emit(Op::Is(false));
        self.fail_jump(Op::PopJumpIfTrue(0), base, fails);
    }

    /// Matches the value on TOS against `p`: on success the value is gone and `p`'s names are
    /// bound; on failure a jump in `fails` is taken.
    fn pattern(&mut self, p: &'a Pattern, base: i32, fails: &mut Fails) -> R<()> {
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Op::Compare(cmpop::EQ));
                self.fail_jump(Op::PopJumpIfFalse(0), base, fails);
            }
            Pattern::MatchSingleton(s) => {
                let k = self.constant(&s.value);
                let k = self.konst(k);
                self.emit(Op::LoadConst(k));
                self.emit(Op::Is(false));
                self.fail_jump(Op::PopJumpIfFalse(0), base, fails);
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => {
                    self.emit(Op::Pop);
                }
                (None, Some(n)) => self.store_name(n),
                (Some(inner), name) => {
                    if name.is_some() {
                        self.emit(Op::Dup);
                    }
                    self.pattern(inner, base, fails)?;
                    if let Some(n) = name {
                        self.store_name(n);
                    }
                }
            },
            Pattern::MatchOr(o) => {
                let ends = self.alternatives(&o.patterns, base, fails)?;
                for e in ends {
                    self.patch(e);
                }
            }
            Pattern::MatchSequence(s) => {
                self.emit(Op::MatchSequence);
                self.fail_jump(Op::PopJumpIfFalse(0), base, fails);
                let n = s.patterns.len();
                let star = s.patterns.iter().position(|x| matches!(x, Pattern::MatchStar(_)));
                self.emit(Op::GetLen);
                let want = self.konst(Const::Int((n - star.is_some() as usize) as i64));
                self.emit(Op::LoadConst(want));
                self.emit(Op::Compare(if star.is_some() { cmpop::GE } else { cmpop::EQ }));
                self.fail_jump(Op::PopJumpIfFalse(0), base, fails);
                match star {
                    None => self.emit(Op::UnpackSequence(n as u32)),
                    Some(i) => self.emit(Op::UnpackEx(((i as u32) << 8) | (n - i - 1) as u32)),
                };
                for x in &s.patterns {
                    match x {
                        Pattern::MatchStar(st) => match &st.name {
                            Some(n) => self.store_name(n),
                            None => {
                                self.emit(Op::Pop);
                            }
                        },
                        _ => self.pattern(x, base, fails)?,
                    }
                }
            }
            Pattern::MatchMapping(m) => {
                self.emit(Op::MatchMapping);
                self.fail_jump(Op::PopJumpIfFalse(0), base, fails);
                if m.keys.is_empty() && m.rest.is_none() {
                    self.emit(Op::Pop);
                    return Ok(());
                }
                if !m.keys.is_empty() {
                    self.emit(Op::GetLen);
                    let want = self.konst(Const::Int(m.keys.len() as i64));
                    self.emit(Op::LoadConst(want));
                    self.emit(Op::Compare(cmpop::GE));
                    self.fail_jump(Op::PopJumpIfFalse(0), base, fails);
                }
                let mut literals = vec![];
                for k in &m.keys {
                    if let ast::Expr::Constant(c) = k {
                        let v = self.constant(&c.value);
                        if literals.contains(&v) {
                            let r = match &v {
                                Const::Str(s) if !s.contains(['\'', '\\']) => format!("'{s}'"),
                                Const::Int(i) => i.to_string(),
                                other => format!("{other:?}"),
                            };
                            return err(format!("mapping pattern checks duplicate key ({r})"), k.range().start());
                        }
                        literals.push(v);
                    }
                    self.expr(k)?;
                }
                self.emit(Op::BuildTuple(m.keys.len() as u32));
                self.emit(Op::MatchKeys);
                self.fail_if_none(base, fails);
                self.emit(Op::UnpackSequence(m.keys.len() as u32));
                for x in &m.patterns {
                    self.pattern(x, base, fails)?;
                }
                match &m.rest {
                    Some(r) => {
                        self.emit(Op::CopyDictWithoutKeys);
                        self.store_name(r);
                    }
                    None => {
                        self.emit(Op::Pop);
                    }
                }
                self.emit(Op::Pop);
            }
            Pattern::MatchClass(c) => {
                for (i, a) in c.kwd_attrs.iter().enumerate() {
                    if c.kwd_attrs[..i].contains(a) {
                        return err(
                            format!("attribute name repeated in class pattern: {a}"),
                            c.kwd_patterns[i].range().start(),
                        );
                    }
                }
                self.expr(&c.cls)?;
                let names = Const::Tuple(c.kwd_attrs.iter().map(|a| Const::Str(a.to_string())).collect());
                let names = self.konst(names);
                self.emit(Op::LoadConst(names));
                self.emit(Op::MatchClass(c.patterns.len() as u32));
                self.fail_if_none(base, fails);
                self.emit(Op::UnpackSequence((c.patterns.len() + c.kwd_patterns.len()) as u32));
                for x in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(x, base, fails)?;
                }
            }
            Pattern::MatchStar(s) => return err("invalid syntax", s.range.start()),
        }
        Ok(())
    }

    /// `p1 | p2 | …` over TOS: each alternative but the last tries a copy; returns the jumps
    /// its successes take past the others (to patch after the last).
    fn alternatives(&mut self, alts: &'a [Pattern], base: i32, fails: &mut Fails) -> R<Vec<usize>> {
        let at = self.unit().depth;
        let mut ends = vec![];
        for (i, alt) in alts.iter().enumerate() {
            if i + 1 == alts.len() {
                self.pattern(alt, base, fails)?;
                break;
            }
            self.emit(Op::Dup);
            let mut local = vec![];
            self.pattern(alt, at, &mut local)?;
            self.emit(Op::Pop);
            ends.push(self.emit(Op::Jump(0)));
            self.fail_pads(local, at);
        }
        Ok(ends)
    }
}

/// A pattern that always succeeds (a capture, `_`, or an alternative of those).
fn irrefutable(p: &Pattern) -> bool {
    match p {
        Pattern::MatchAs(a) => a.pattern.as_deref().is_none_or(irrefutable),
        Pattern::MatchOr(o) => o.patterns.iter().any(irrefutable),
        _ => false,
    }
}

/// CPython's "makes remaining patterns unreachable" error, for a pattern before others.
fn check_reachable(p: &Pattern) -> R<()> {
    if !irrefutable(p) {
        return Ok(());
    }
    let mut p = p;
    // (The error names the irrefutable alternative itself.)
    if let Pattern::MatchOr(o) = p {
        p = o.patterns.iter().find(|x| irrefutable(x)).unwrap_or(p);
    }
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => match &a.name {
            Some(n) => err(format!("name capture '{n}' makes remaining patterns unreachable"), a.range.start()),
            None => err("wildcard makes remaining patterns unreachable", a.range.start()),
        },
        Pattern::MatchAs(a) => check_reachable(a.pattern.as_deref().unwrap_or(p)),
        _ => Ok(()),
    }
}

/// A name bound twice in one pattern, alternatives binding different names, or an irrefutable
/// alternative before others: CPython's compile-time errors.
fn check_names(p: &Pattern) -> R<()> {
    let mut names = vec![];
    bound_names(p, &mut names)
}

fn bind_once(n: &ast::Identifier, at: ast::TextSize, names: &mut Vec<String>) -> R<()> {
    if names.iter().any(|x| x == n.as_str()) {
        return err(format!("multiple assignments to name '{n}' in pattern"), at);
    }
    names.push(n.to_string());
    Ok(())
}

fn bound_names(p: &Pattern, names: &mut Vec<String>) -> R<()> {
    match p {
        Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => Ok(()),
        Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|x| bound_names(x, names)),
        Pattern::MatchMapping(m) => {
            m.patterns.iter().try_for_each(|x| bound_names(x, names))?;
            match &m.rest {
                Some(r) => bind_once(r, m.range.start(), names),
                None => Ok(()),
            }
        }
        Pattern::MatchClass(c) => c.patterns.iter().chain(&c.kwd_patterns).try_for_each(|x| bound_names(x, names)),
        Pattern::MatchStar(s) => match &s.name {
            Some(n) => bind_once(n, s.range.start(), names),
            None => Ok(()),
        },
        Pattern::MatchAs(a) => {
            if let Some(x) = &a.pattern {
                bound_names(x, names)?;
            }
            match &a.name {
                Some(n) => bind_once(n, a.range.start(), names),
                None => Ok(()),
            }
        }
        Pattern::MatchOr(o) => {
            let mut first: Option<Vec<String>> = None;
            for (i, alt) in o.patterns.iter().enumerate() {
                if i + 1 < o.patterns.len() {
                    check_reachable(alt)?;
                }
                let mut mine = vec![];
                bound_names(alt, &mut mine)?;
                mine.sort();
                match &first {
                    None => first = Some(mine),
                    Some(f) if *f != mine => {
                        return err("alternative patterns bind different names", alt.range().start());
                    }
                    Some(_) => {}
                }
            }
            for n in first.unwrap_or_default() {
                if names.contains(&n) {
                    return err(format!("multiple assignments to name '{n}' in pattern"), o.range.start());
                }
                names.push(n);
            }
            Ok(())
        }
    }
}
