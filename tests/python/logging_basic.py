"""logging (CPython's module, shipped): basicConfig with a format naming function and line, levels,
child loggers, exception(), handlers with their own formatters, propagation, disable()."""
import logging, sys, io
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(funcName)s:%(lineno)d:%(message)s", stream=sys.stdout)
log = logging.getLogger("app")
def work(x):
    log.debug("working on %s", x)
    log.info("value=%d", x * 2)
    if x > 1:
        log.warning("big %r", x)
for i in range(3):
    work(i)
child = logging.getLogger("app.child")
child.error("child error")
exc_buf = io.StringIO()
exc_handler = logging.StreamHandler(exc_buf)
exc_logger = logging.getLogger("exc")
exc_logger.addHandler(exc_handler)
exc_logger.propagate = False
try:
    1 / 0
except ZeroDivisionError:
    exc_logger.exception("failed")
print(exc_buf.getvalue().replace(__file__, "logging_basic.py"), end="")
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
other = logging.getLogger("other")
other.addHandler(h)
other.propagate = False
other.setLevel(logging.WARNING)
other.info("hidden")
other.warning("shown %s", "here")
print(repr(buf.getvalue()), logging.getLevelName(30), log.isEnabledFor(logging.DEBUG), logging.root.level)
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
logging.warning("root warn")
