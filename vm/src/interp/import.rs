//! `import`: finding `.py` modules and packages on `sys.path` (and a package's `__path__`),
//! creating module objects, running their code once, relative imports, `from … import`, and
//! `import *`, with CPython's errors. Built-in modules are already in `sys.modules`.

use super::{R, Unwind, Vm};
use crate::layout::*;
use crate::value::Value;
use std::path::{Path, PathBuf};

impl Vm {
    fn modules_dict(&self) -> Value {
        Value::obj(self.rt.globals().modules)
    }

    fn module_dict(&self, m: Value) -> Value {
        self.ld(m.as_obj(), MOD_DICT)
    }

    /// Resolves a relative import's package name.
    fn resolve_name(&mut self, name: &str, level: u32, globals: Value) -> R<String> {
        if level == 0 {
            return Ok(name.to_string());
        }
        let pk = self.s("__package__");
        let mut package = match self.dict_get(globals, pk)? {
            Some(p) if self.is_str(p) => self.str_of(p),
            _ => String::new(),
        };
        if package.is_empty() {
            let nk = self.s("__name__");
            let pathk = self.s("__path__");
            let n = match self.dict_get(globals, nk)? {
                Some(n) if self.is_str(n) => self.str_of(n),
                _ => String::new(),
            };
            package = if self.dict_contains(globals, pathk)? {
                n
            } else {
                n.rsplit_once('.').map(|x| x.0.to_string()).unwrap_or_default()
            };
        }
        if package.is_empty() {
            return Err(self.new_error("ImportError", "attempted relative import with no known parent package"));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if (level as usize) > parts.len() {
            return Err(self.new_error("ImportError", "attempted relative import beyond top-level package"));
        }
        let base = parts[..parts.len() + 1 - level as usize].join(".");
        Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
    }

    /// Attribute `attr` of module `module`, imported if need be (the interpreter's own use of
    /// modules written in Python: `types.GenericAlias`, `io.UnsupportedOperation`, ...).
    pub fn module_attr(&mut self, module: &str, attr: &str) -> R<Value> {
        let name = self.new_str(module);
        let m = self.import_name(name, Value::NONE, 0, Value::NONE)?;
        self.getattr_str(m, attr)
    }

    pub fn import_name(&mut self, name: Value, fromlist: Value, level: u32, globals: Value) -> R<Value> {
        let name_s = self.str_of(name);
        let full = self.resolve_name(&name_s, level, globals)?;
        if full.is_empty() {
            return Err(self.new_error("ValueError", "Empty module name"));
        }
        let mut module = Value::NONE;
        let mut top = Value::NONE;
        let mut prefix = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            let parent = module;
            module = self.import_one(&prefix, parent)?;
            if i == 0 {
                top = module;
            }
        }
        let has_from = fromlist != Value::NONE && !fromlist.is_null() && self.truthy(fromlist)?;
        if has_from {
            // `from pkg import sub` imports submodules named in the fromlist.
            let pathk = self.s("__path__");
            let md = self.module_dict(module);
            if self.dict_contains(md, pathk)? {
                for item in self.iter_collect(fromlist)? {
                    let it = self.str_of(item);
                    if it == "*" {
                        continue;
                    }
                    if self.dict_get(md, item)?.is_none() {
                        let sub = format!("{full}.{it}");
                        match self.import_one(&sub, module) {
                            Ok(_) => {}
                            // Only the submodule itself missing: `import_from` then says the
                            // name cannot be imported (a module it imports that is missing
                            // is the error to report).
                            Err(Unwind::Exc(e))
                                if self.isinstance_name(e, "ModuleNotFoundError") && {
                                    let n = self.getattr_str(e, "name")?;
                                    self.is_str(n) && self.str_of(n) == sub
                                } => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            return Ok(module);
        }
        if level > 0 && name_s.is_empty() {
            return Ok(module);
        }
        if level > 0 {
            // `import .a.b` is not valid syntax; relative imports always have a fromlist.
            return Ok(module);
        }
        Ok(top)
    }

    /// Imports the module `full` (its parent, if any, is already imported).
    fn import_one(&mut self, full: &str, parent: Value) -> R<Value> {
        let key = self.new_str(full);
        let mods = self.modules_dict();
        if let Some(m) = self.dict_get(mods, key)? {
            if m == Value::NONE {
                return Err(self.module_not_found(full));
            }
            return Ok(m);
        }
        let short = full.rsplit('.').next().unwrap();
        // Modules shipped inside the runtime come first, like CPython's frozen modules.
        if let Some((text, is_pkg)) = crate::builtins::shipped::source(full) {
            return self.exec_module(full, short, parent, text, &format!("<frozen {full}>"), is_pkg, None);
        }
        let dirs: Vec<String> = if parent == Value::NONE {
            let p = self.sys_attr("path")?;
            let mut v = Vec::new();
            for d in self.iter_collect(p)? {
                if self.is_str(d) {
                    v.push(self.str_of(d));
                }
            }
            v
        } else {
            let pathk = self.s("__path__");
            let pd = self.module_dict(parent);
            match self.dict_get(pd, pathk)? {
                Some(p) => {
                    let mut v = Vec::new();
                    for d in self.iter_collect(p)? {
                        v.push(self.str_of(d));
                    }
                    v
                }
                None => {
                    let pn = full.rsplit_once('.').unwrap().0;
                    let e = self.new_error(
                        "ModuleNotFoundError",
                        &format!("No module named '{full}'; '{pn}' is not a package"),
                    );
                    return Err(e);
                }
            }
        };
        let mut found: Option<(PathBuf, bool)> = None;
        for d in &dirs {
            let base = if d.is_empty() { Path::new(".").to_path_buf() } else { PathBuf::from(d) };
            let pkg = base.join(short).join("__init__.py");
            if pkg.is_file() {
                found = Some((pkg, true));
                break;
            }
            let file = base.join(format!("{short}.py"));
            if file.is_file() {
                found = Some((file, false));
                break;
            }
        }
        let Some((path, is_pkg)) = found else {
            return Err(self.module_not_found(full));
        };
        self.become_inevitable()?;
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => return Err(self.new_error("ImportError", &format!("cannot read {}: {e}", path.display()))),
        };
        let path_s = std::fs::canonicalize(&path).unwrap_or(path.clone()).display().to_string();
        let dir = if is_pkg {
            let dir = path.parent().unwrap();
            Some(std::fs::canonicalize(dir).unwrap_or(dir.to_path_buf()).display().to_string())
        } else {
            None
        };
        self.exec_module(full, short, parent, &text, &path_s, is_pkg, dir)
    }

    /// Creates module `full` with source `text`, registers it in `sys.modules` and runs it
    /// (unregistering it if that fails); binds it in its parent package.
    #[allow(clippy::too_many_arguments)]
    fn exec_module(
        &mut self,
        full: &str,
        short: &str,
        parent: Value,
        text: &str,
        path_s: &str,
        is_pkg: bool,
        dir: Option<String>,
    ) -> R<Value> {
        let key = self.new_str(full);
        let mods = self.modules_dict();
        let m = self.new_module(full);
        let md = self.module_dict(m);
        let fv = self.new_str(path_s);
        self.def_value(md, "__file__", fv);
        let b = Value::obj(self.rt.globals().builtins);
        let bmod = {
            let bk = self.new_str("builtins");
            self.dict_get(mods, bk)?.unwrap_or(b)
        };
        self.def_value(md, "__builtins__", bmod);
        let package =
            if is_pkg { full.to_string() } else { full.rsplit_once('.').map(|x| x.0.to_string()).unwrap_or_default() };
        let pv = self.new_str(&package);
        self.def_value(md, "__package__", pv);
        if is_pkg {
            let l = match dir {
                Some(dir) => {
                    let dv = self.new_str(&dir);
                    self.new_list(&[dv])
                }
                None => self.new_list(&[]),
            };
            self.def_value(md, "__path__", l);
        }
        self.dict_set(mods, key, m)?;
        let id = match crate::compile::compile_cached(text, path_s) {
            Ok(id) => id,
            Err(se) => {
                self.dict_del(mods, key)?;
                return Err(self.syntax_error(&se));
            }
        };
        match self.exec_code(id, md, md) {
            Ok(_) => {}
            // A rolled-back transaction is gone: nothing to undo, and no heap to touch.
            Err(Unwind::Abort) => return Err(Unwind::Abort),
            Err(e) => {
                self.dict_del(mods, key)?;
                return Err(e);
            }
        }
        // The module may have replaced itself in sys.modules.
        let m = self.dict_get(mods, key)?.unwrap_or(m);
        if parent != Value::NONE {
            let sk = self.new_str(short);
            let pd = self.module_dict(parent);
            self.dict_set(pd, sk, m)?;
        }
        Ok(m)
    }

    fn module_not_found(&mut self, name: &str) -> Unwind {
        let e = self.new_error("ModuleNotFoundError", &format!("No module named '{name}'"));
        if let Unwind::Exc(x) = e {
            let n = self.new_str(name);
            if let Err(a) = self.set_attr_str(x, "name", n) {
                return a;
            }
        }
        e
    }

    /// A SyntaxError exception from a compile error.
    pub fn syntax_error(&mut self, se: &crate::compile::SyntaxErr) -> Unwind {
        let cls = self.exc_type(se.kind);
        let msg = self.new_str(&se.msg);
        let file = self.new_str(&se.filename);
        let text = self.new_str(&se.text);
        let detail = self.new_tuple(&[file, Value::int(se.line as i64), Value::int(se.col as i64), text]);
        let args = self.new_tuple(&[msg, detail]);
        let e = match self.new_exception(cls, args) {
            Ok(e) => e,
            Err(x) => return x,
        };
        for (k, v) in [
            ("msg", msg),
            ("filename", file),
            ("lineno", Value::int(se.line as i64)),
            ("offset", Value::int(se.col as i64)),
            ("text", text),
        ] {
            if let Err(x) = self.set_attr_str(e, k, v) {
                return x;
            }
        }
        Unwind::Exc(e)
    }

    pub fn import_from(&mut self, m: Value, name: Value) -> R<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let n = self.str_of(name);
        let mn = if self.tid_of(m) == tid::MODULE { self.str_of(self.ld(m.as_obj(), MOD_NAME)) } else { "?".into() };
        let sub = self.new_str(&format!("{mn}.{n}"));
        let mods = self.modules_dict();
        if let Some(v) = self.dict_get(mods, sub)? {
            return Ok(v);
        }
        let file = if self.tid_of(m) == tid::MODULE {
            let fk = self.s("__file__");
            let md = self.module_dict(m);
            match self.dict_get(md, fk)? {
                Some(f) if self.is_str(f) => format!(" ({})", self.str_of(f)),
                _ => " (unknown location)".into(),
            }
        } else {
            String::new()
        };
        let e = self.new_error("ImportError", &format!("cannot import name '{n}' from '{mn}'{file}"));
        if let Unwind::Exc(x) = e {
            let mv = self.new_str(&mn);
            self.set_attr_str(x, "name", mv)?;
        }
        Err(e)
    }

    pub fn import_star(&mut self, m: Value, locals: Value) -> R<()> {
        let md = self.module_dict(m);
        let ak = self.s("__all__");
        let names = match self.dict_get(md, ak)? {
            Some(all) => self.iter_collect(all)?,
            None => {
                self.dict_keys(md).into_iter().filter(|k| !self.with_str(k.as_obj(), |s| s.starts_with('_'))).collect()
            }
        };
        for n in names {
            let v = self.getattr(m, n)?;
            self.dict_set(locals, n, v)?;
        }
        Ok(())
    }

    /// REPL: print a value's repr unless None, and keep it as `builtins._`.
    pub fn display_hook(&mut self, v: Value) -> R<()> {
        if v == Value::NONE {
            return Ok(());
        }
        let s = self.repr_string(v)?;
        let out = self.sys_attr("stdout")?;
        self.write_to(out, &format!("{s}\n"))?;
        let b = Value::obj(self.rt.globals().builtins);
        let k = self.new_str("_");
        self.dict_set(b, k, v)
    }
}
