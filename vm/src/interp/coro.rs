//! Coroutines and async generators, on the generator machinery of `call.rs`: what `await`,
//! `async for` and `async with` do (the dispatch loop's `GetAwaitable`, `GetAIter`, `GetANext`),
//! and the awaitables that drive them: `coroutine.__await__()`'s wrapper, an async generator's
//! `asend()`/`__anext__()` and `athrow()`/`aclose()`.
//!
//! A coroutine is a generator frame whose `await` is a `yield from` over its awaitable's
//! iterator: what reaches the event loop is whatever the innermost iterator yields (a Future).
//! An async generator's own `yield`s are wrapped (`AsyncGenWrap`), so that its asend awaitable
//! tells them (the item: it finishes the await) from values passed up by its `await`s (they go
//! on to the event loop). This file never runs an event loop (that is `lib/asyncio`), and it
//! holds no heap reference across a resumption: everything is read again from the objects.

use super::call::{GEN_DONE, GenResult};
use super::{R, Unwind, Vm};
use crate::compile::code::awaited;
use crate::layout::*;
use crate::value::Value;

impl Vm {
    /// `await v`: the iterator that `YieldFrom` drives (`what`: `awaited::*`, for messages).
    pub fn get_awaitable(&mut self, v: Value, what: u32) -> R<Value> {
        if self.tid_of(v) == tid::COROUTINE {
            if self.awaiting(v).is_some() {
                return Err(self.new_error("RuntimeError", "coroutine is being awaited already"));
            }
            return Ok(v);
        }
        let Some(m) = self.lookup_type_attr(v, "__await__")? else {
            let tn = self.type_name(v);
            let msg = match what {
                awaited::AENTER => {
                    format!("'async with' received an object from __aenter__ that does not implement __await__: {tn}")
                }
                awaited::AEXIT => {
                    format!("'async with' received an object from __aexit__ that does not implement __await__: {tn}")
                }
                _ => format!("object {tn} can't be used in 'await' expression"),
            };
            return Err(self.new_error("TypeError", &msg));
        };
        let it = self.call_value(m, &[v], &[])?;
        match self.tid_of(it) {
            tid::COROUTINE => Err(self.new_error("TypeError", "__await__() returned a coroutine")),
            tid::ITER | tid::GENERATOR | tid::CORO_WRAPPER | tid::AG_ASEND | tid::AG_ATHROW => Ok(it),
            _ if self.lookup_type_attr(it, "__next__")?.is_some() => Ok(it),
            _ => {
                let tn = self.type_name(it);
                Err(self.new_error("TypeError", &format!("__await__() returned non-iterator of type '{tn}'")))
            }
        }
    }

    /// `async for`'s `aiter(v)`.
    pub fn get_aiter(&mut self, v: Value) -> R<Value> {
        if self.tid_of(v) == tid::ASYNC_GENERATOR {
            return Ok(v);
        }
        let Some(m) = self.lookup_type_attr(v, "__aiter__")? else {
            let tn = self.type_name(v);
            return Err(
                self.new_error("TypeError", &format!("'async for' requires an object with __aiter__ method, got {tn}"))
            );
        };
        let it = self.call_value(m, &[v], &[])?;
        if self.tid_of(it) != tid::ASYNC_GENERATOR && self.lookup_type_attr(it, "__anext__")?.is_none() {
            let tn = self.type_name(it);
            return Err(self.new_error(
                "TypeError",
                &format!("'async for' received an object from __aiter__ that does not implement __anext__: {tn}"),
            ));
        }
        Ok(it)
    }

    /// `async for`'s next step: the iterator of the awaitable `it.__anext__()`.
    pub fn get_anext(&mut self, it: Value) -> R<Value> {
        if self.tid_of(it) == tid::ASYNC_GENERATOR {
            return Ok(self.new_awaitable(tid::AG_ASEND, it, Value::NONE));
        }
        let Some(m) = self.lookup_type_attr(it, "__anext__")? else {
            let tn = self.type_name(it);
            return Err(self
                .new_error("TypeError", &format!("'async for' requires an iterator with __anext__ method, got {tn}")));
        };
        let aw = self.call_value(m, &[it], &[])?;
        match self.get_awaitable(aw, awaited::AWAIT) {
            Err(Unwind::Exc(e)) if self.isinstance_name(e, "TypeError") && self.tid_of(aw) != tid::COROUTINE => {
                let tn = self.type_name(aw);
                Err(self
                    .new_error("TypeError", &format!("'async for' received an invalid object from __anext__: {tn}")))
            }
            r => r,
        }
    }

    /// A coroutine wrapper, asend or athrow awaitable over `target` (`arg`: the first value to
    /// send, the exception to throw, or NULL for aclose).
    pub fn new_awaitable(&mut self, kind: u32, target: Value, arg: Value) -> Value {
        self.new_fixed(kind, 48, &[target, arg, Value::int(AW_INIT)])
    }

    /// One step of an awaitable: `send(v)`, or `throw(e)` with `throw`.
    pub fn awaitable_send(&mut self, aw: Value, v: Value, throw: Option<Value>) -> R<GenResult> {
        let o = aw.as_obj();
        let target = self.rd(o, AW_TARGET);
        let kind = self.tid_of(aw);
        if kind == tid::CORO_WRAPPER {
            return self.gen_resume(target, v, throw);
        }
        let state = self.rd(o, AW_STATE).as_int();
        let arg = self.rd(o, AW_ARG);
        let closing = kind == tid::AG_ATHROW && arg.is_null();
        if state == AW_CLOSED {
            let what = if kind == tid::AG_ASEND { "__anext__()/asend()" } else { "aclose()/athrow()" };
            return Err(self.new_error("RuntimeError", &format!("cannot reuse already awaited {what}")));
        }
        let g = target.as_obj();
        if kind == tid::AG_ATHROW && self.rd(g, GEN_STATE).as_int() == GEN_DONE {
            self.st(o, AW_STATE, Value::int(AW_CLOSED))?;
            return Ok(GenResult::Returned(Value::NONE));
        }
        let (mut v, mut throw) = (v, throw);
        if state == AW_INIT {
            if self.rd(g, AG_RUNNING).as_int() != 0 {
                self.st(o, AW_STATE, Value::int(AW_CLOSED))?;
                let what = if kind == tid::AG_ASEND {
                    "anext()"
                } else if closing {
                    "aclose()"
                } else {
                    "athrow()"
                };
                return Err(
                    self.new_error("RuntimeError", &format!("{what}: asynchronous generator is already running"))
                );
            }
            if kind == tid::AG_ASEND {
                if throw.is_none() && v == Value::NONE {
                    v = arg;
                }
            } else {
                if throw.is_none() && v != Value::NONE {
                    return Err(self.new_error("RuntimeError", "can't send non-None value to a just-started coroutine"));
                }
                throw = Some(if closing {
                    let ge = self.exc_type("GeneratorExit");
                    self.call_value(Value::obj(ge), &[], &[])?
                } else {
                    arg
                });
            }
            self.st(o, AW_STATE, Value::int(AW_ITER))?;
            self.st(g, AG_RUNNING, Value::int(1))?;
        }
        let r = self.gen_resume(target, v, throw);
        // What the generator did: a wrapped value is the awaited item (or, while closing, a
        // `yield` that ignored GeneratorExit); anything else it yielded goes on to the event
        // loop; its end ends the await.
        let done = match r {
            Ok(GenResult::Yielded(w)) if self.tid_of(w) != tid::AG_WRAPPED => return Ok(GenResult::Yielded(w)),
            Err(Unwind::Abort) => return Err(Unwind::Abort),
            Ok(GenResult::Yielded(_)) if closing => {
                Err(self.new_error("RuntimeError", "async generator ignored GeneratorExit"))
            }
            Ok(GenResult::Yielded(w)) => Ok(GenResult::Returned(self.rd(w.as_obj(), WRAPPED_VALUE))),
            Ok(GenResult::Returned(_)) if closing => Ok(GenResult::Returned(Value::NONE)),
            Ok(GenResult::Returned(_)) => Err(self.new_empty_error("StopAsyncIteration")),
            Err(Unwind::Exc(e))
                if closing
                    && (self.isinstance_name(e, "StopAsyncIteration") || self.isinstance_name(e, "GeneratorExit")) =>
            {
                Ok(GenResult::Returned(Value::NONE))
            }
            Err(e) => Err(e),
        };
        if let Err(Unwind::Abort) = done {
            return done;
        }
        self.st(g, AG_RUNNING, Value::int(0))?;
        self.st(o, AW_STATE, Value::int(AW_CLOSED))?;
        done
    }

    /// `close()` of an awaitable (a coroutine wrapper closes its coroutine).
    pub fn awaitable_close(&mut self, aw: Value) -> R<()> {
        let o = aw.as_obj();
        if self.tid_of(aw) == tid::CORO_WRAPPER {
            let c = self.rd(o, AW_TARGET);
            return self.gen_close(c);
        }
        self.st(o, AW_STATE, Value::int(AW_CLOSED))
    }

    /// An exception of built-in class `kind` with no arguments (`raise StopAsyncIteration`).
    pub fn new_empty_error(&mut self, kind: &str) -> Unwind {
        let cls = self.exc_type(kind);
        let args = self.new_tuple(&[]);
        match self.new_exception(cls, args) {
            Ok(e) => Unwind::Exc(e),
            Err(e) => e,
        }
    }
}
