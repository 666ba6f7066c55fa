"""Python part of the warnings subsystem (pystm implementation).

pystm note: the runtime offers no frame introspection (no sys._getframe),
so warn() cannot see its caller.  Unless sys._getframe exists, warnings are
attributed the way CPython attributes a stacklevel that is beyond the
stack: filename 'sys', line 1, module 'sys', registry sys.__dict__.  For
exact locations use warn_explicit().  The "default" action therefore shows
a given (message, category) once per process rather than once per source
line.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings",
           "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


# ----------------------------------------------------------------------
# Regular expressions: use re when the runtime has it, otherwise a small
# backtracking matcher (literals, ., [...] classes, *, +, ?, escapes, ^, $
# and \Z), which covers the patterns normally given to filterwarnings().

class _MiniPattern:
    def __init__(self, pattern, ignorecase=False):
        self.pattern = pattern
        self.ignorecase = ignorecase
        self._items = self._parse(pattern)

    def _parse(self, p):
        items = []  # each: (kind, data, quant)
        i = 0
        n = len(p)
        while i < n:
            c = p[i]
            if c == "\\" and i + 1 < n:
                e = p[i + 1]
                i += 2
                if e == "Z":
                    items.append(("end", None, ""))
                    continue
                if e == "d":
                    atom = ("class", (False, [("0", "9")]))
                elif e == "w":
                    atom = ("class", (False, [("a", "z"), ("A", "Z"),
                                              ("0", "9"), ("_", "_")]))
                elif e == "s":
                    atom = ("class", (False, [(" ", " "), ("\t", "\t"),
                                              ("\n", "\n"), ("\r", "\r")]))
                else:
                    atom = ("lit", e)
            elif c == ".":
                atom = ("any", None)
                i += 1
            elif c == "^" and i == 0:
                i += 1
                continue
            elif c == "$" and i == n - 1:
                items.append(("dollar", None, ""))
                i += 1
                continue
            elif c == "[":
                j = i + 1
                neg = False
                if j < n and p[j] == "^":
                    neg = True
                    j += 1
                ranges = []
                first = True
                while j < n and (p[j] != "]" or first):
                    first = False
                    a = p[j]
                    if a == "\\" and j + 1 < n:
                        j += 1
                        a = p[j]
                    if j + 2 < n and p[j + 1] == "-" and p[j + 2] != "]":
                        ranges.append((a, p[j + 2]))
                        j += 3
                    else:
                        ranges.append((a, a))
                        j += 1
                i = j + 1
                atom = ("class", (neg, ranges))
            else:
                atom = ("lit", c)
                i += 1
            quant = ""
            if i < n and p[i] in "*+?":
                quant = p[i]
                i += 1
                if i < n and p[i] == "?":
                    i += 1  # lazy quantifier: same result for match()
            items.append((atom[0], atom[1], quant))
        return items

    def _atom_ok(self, kind, data, ch):
        if kind == "any":
            return ch != "\n"
        if self.ignorecase:
            ch_l = ch.lower()
        else:
            ch_l = ch
        if kind == "lit":
            if self.ignorecase:
                return data.lower() == ch_l
            return data == ch
        if kind == "class":
            neg, ranges = data
            hit = False
            for lo, hi in ranges:
                if lo <= ch <= hi or (self.ignorecase and
                                      (lo.lower() <= ch_l <= hi.lower() or
                                       lo.upper() <= ch.upper() <= hi.upper())):
                    hit = True
                    break
            return hit != neg
        return False

    def _m(self, k, s, pos):
        items = self._items
        if k == len(items):
            return True
        kind, data, quant = items[k]
        if kind == "end":
            return pos == len(s) and self._m(k + 1, s, pos)
        if kind == "dollar":
            return (pos == len(s) or (pos == len(s) - 1 and s[pos] == "\n")) \
                and self._m(k + 1, s, pos)
        if quant == "":
            return pos < len(s) and self._atom_ok(kind, data, s[pos]) and \
                self._m(k + 1, s, pos + 1)
        if quant == "?":
            if pos < len(s) and self._atom_ok(kind, data, s[pos]) and \
                    self._m(k + 1, s, pos + 1):
                return True
            return self._m(k + 1, s, pos)
        # * or +
        end = pos
        while end < len(s) and self._atom_ok(kind, data, s[end]):
            end += 1
        low = pos + (1 if quant == "+" else 0)
        while end >= low:
            if self._m(k + 1, s, end):
                return True
            end -= 1
        return False

    def match(self, s):
        return self._m(0, s, 0)

    def __eq__(self, other):
        return (isinstance(other, _MiniPattern) and
                other.pattern == self.pattern and
                other.ignorecase == self.ignorecase)

    def __hash__(self):
        return hash((self.pattern, self.ignorecase))

    def __repr__(self):
        if self.ignorecase:
            return "re.compile(%r, re.IGNORECASE)" % (self.pattern,)
        return "re.compile(%r)" % (self.pattern,)


def _compile(pattern, ignorecase=False):
    try:
        import re
    except ImportError:
        return _MiniPattern(pattern, ignorecase)
    return re.compile(pattern, re.I if ignorecase else 0)


# ----------------------------------------------------------------------
# Source lines (no linecache in pystm)

_source_cache = {}


def _getline(filename, lineno):
    lines = _source_cache.get(filename)
    if lines is None:
        try:
            with open(filename) as fh:
                lines = fh.read().splitlines()
        except Exception:
            lines = []
        _source_cache[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1] + "\n"
    return ""


# ----------------------------------------------------------------------
# Formatting and showing

def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, category, msg.message)
    if msg.line is None:
        line = _getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line
    return s


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    """Hook to write a warning to a file; replace if you like."""
    sw = globals()["showwarning"]
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno,
           msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    """Function to format a warning the standard way."""
    fw = globals()["formatwarning"]
    if fw is not _formatwarning_orig:
        return fw(msg.message, msg.category, msg.filename, msg.lineno,
                  msg.line)
    return _formatwarnmsg_impl(msg)


# ----------------------------------------------------------------------
# Filters

filters = []
defaultaction = "default"
onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def filterwarnings(action, message="", category=Warning, module="",
                   lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    message = _compile(message, True) if message else None
    module = _compile(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """Exception used by option processing helpers."""


# ----------------------------------------------------------------------
# warn / warn_explicit

def _caller_info(stacklevel):
    """(filename, lineno, module, globals) of the frame stacklevel up."""
    getframe = getattr(sys, "_getframe", None)
    if getframe is not None:
        try:
            frame = getframe(stacklevel + 1)
        except ValueError:
            frame = None
        if frame is not None:
            g = frame.f_globals
            return (frame.f_code.co_filename, frame.f_lineno,
                    g.get("__name__", "<string>"), g)
    return "sys", 1, "sys", sys.__dict__ if hasattr(sys, "__dict__") \
        else _sys_globals


_sys_globals = {"__name__": "sys"}


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % (type(category).__name__,))
    filename, lineno, module, globals_ = _caller_info(stacklevel)
    registry = globals_.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry,
                  globals_, source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and
                issubclass(category, cat) and
                _matches(mod, module) and
                (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n"
                           " %s" % (action, item))
    msg = WarningMessage(message, category, filename, lineno, source=source)
    _showwarnmsg(msg)


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


class WarningMessage(object):
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings(object):
    """Context manager saving and restoring the warnings filters and
    showwarning(); with record=True, warnings are collected in a list of
    WarningMessage objects returned by __enter__."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        mod = self._module
        self._filters = mod.filters
        mod.filters = self._filters[:]
        mod._filters_mutated()
        self._showwarning = mod.showwarning
        self._showwarnmsg_impl = mod._showwarnmsg_impl
        if self._filter is not None:
            mod.simplefilter(*self._filter)
        if self._record:
            log = []
            mod._showwarnmsg_impl = log.append
            # Reset showwarning() to the default implementation to make sure
            # that _showwarnmsg() calls _showwarnmsg_impl()
            mod.showwarning = mod._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        mod = self._module
        mod.filters = self._filters
        mod._filters_mutated()
        mod.showwarning = self._showwarning
        mod._showwarnmsg_impl = self._showwarnmsg_impl


# Default filters, as in a non-debug CPython build.
filters.append(("default", None, DeprecationWarning, "__main__", 0))
simplefilter("ignore", category=DeprecationWarning, append=True)
simplefilter("ignore", category=PendingDeprecationWarning, append=True)
simplefilter("ignore", category=ImportWarning, append=True)
simplefilter("ignore", category=ResourceWarning, append=True)
_filters_mutated()
