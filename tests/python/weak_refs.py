"""weakref's API over pystm's _weakref (whose references are strong for now: nothing here waits for a
referent to die): ref, WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod, proxy,
finalize (run at exit)."""
import weakref, sys
class A:
    def m(self): return "m"
a = A()
r = weakref.ref(a)
print(r() is a, r == weakref.ref(a), hash(r) == hash(a), isinstance(r, weakref.ref), weakref.getweakrefcount(a) >= 1)
d = weakref.WeakValueDictionary()
d["k"] = a
print(d["k"] is a, "k" in d, len(d), list(d.keys()))
k = weakref.WeakKeyDictionary()
k[a] = 1
print(k[a], len(k))
s = weakref.WeakSet([a])
print(a in s, len(s))
wm = weakref.WeakMethod(a.m)
print(wm()())
p = weakref.proxy(a)
print(p.m())
f = weakref.finalize(a, print, "finalized")
print(f.alive)
