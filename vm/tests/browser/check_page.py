"""Loads a page written by `pystm jitlog FILE html OUT.html` in headless Chromium, driven
through the DevTools protocol over a pipe (no network, no packages beyond the standard
library): the page must load without a script error or console error; a real mouse click on
the first line that ran in compiled code must unfold its bytecodes and ops; a click on an op
must unfold its machine code.

usage: python3 check_page.py PAGE.html [CHROMIUM]   (exit 0: passed, 1: failed, 2: no browser)
"""
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, exe):
        self.dir = tempfile.mkdtemp(prefix="pystm-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            # Chromium reads commands on fd 3 and writes replies on fd 4 (copied out of the way
            # first: either pipe end may be fd 3 or 4 already).
            r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", f"--user-data-dir={self.dir}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _read(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, timeout=20, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=20):
        deadline = time.time() + timeout
        for m in self.events:
            if m.get("method") == method:
                return m
        while True:
            m = self._read(deadline)
            self.events.append(m)
            if m.get("method") == method:
                return m

    def eval(self, expr):
        r = self.send("Runtime.evaluate", expression=expr, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, selector):
        """A real mouse click (pressed and released) at the middle of the element."""
        rect = self.eval(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView(); "
            "const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=rect[0], y=rect[1], button="left", clickCount=1)


def errors(events):
    out = []
    for m in events:
        p = m.get("params", {})
        if m.get("method") == "Runtime.exceptionThrown":
            out.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:500])
        elif m.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append("console: " + json.dumps(p.get("args", []))[:500])
        elif m.get("method") == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            out.append("log: " + p["entry"].get("text", ""))
    return out


def main():
    page = os.path.abspath(sys.argv[1])
    exe = sys.argv[2] if len(sys.argv) > 2 else (shutil.which("chromium") or shutil.which("chromium-browser"))
    if not exe:
        print("no chromium on PATH (Debian: apt-get install chromium)")
        return 2
    b = Browser(exe)
    try:
        target = b.send("Target.createTarget", url="about:blank")["targetId"]
        b.session = b.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            b.send(f"{domain}.enable")
        b.send("Page.navigate", url="file://" + page)
        b.wait_event("Page.loadEventFired")
        checks = {}
        checks["title"] = b.eval("document.title")
        checks["lines that ran"] = b.eval("document.querySelectorAll('tr.line.has-ops').length")
        first = "tr.line.has-ops"
        detail = b.eval(f"document.querySelector('{first}').dataset.detail")
        checks["folded before the click"] = b.eval(f"document.getElementById('{detail}').hidden")
        b.click(first)
        checks["unfolded by the click"] = b.eval(
            f"!document.getElementById('{detail}').hidden && "
            f"document.getElementById('{detail}').getBoundingClientRect().height > 0")
        text = b.eval(f"document.getElementById('{detail}').innerText")
        checks["bytecodes and ops shown"] = ("trace" in text and "(" in text and "=" in text)
        op = f"#{detail} li.op details > summary"
        has_asm = b.eval(f"document.querySelector('{op}') !== null")
        if has_asm:
            b.click(op)
            checks["machine code unfolded"] = b.eval(
                f"(() => {{ const d = document.querySelector('{op}').parentElement; "
                "return d.open && d.querySelector('pre').getBoundingClientRect().height > 0 "
                "&& d.querySelector('pre').innerText.includes('+0x'); })()")
        else:
            checks["machine code unfolded"] = False
        b.click(first)
        checks["folded by a second click"] = b.eval(f"document.getElementById('{detail}').hidden")
        time.sleep(0.2)
        b.send("Runtime.evaluate", expression="1")  # collects events sent meanwhile
        errs = errors(b.events)
    finally:
        b.close()
    print(json.dumps({"checks": checks, "errors": errs}, indent=1))
    ok = (checks["title"] == "pystm JIT log" and checks["lines that ran"] > 0
          and checks["folded before the click"] and checks["unfolded by the click"]
          and checks["bytecodes and ops shown"] and checks["machine code unfolded"]
          and checks["folded by a second click"] and not errs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
