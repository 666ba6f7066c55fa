"""Text wrapping and filling (pystm).

Written for pystm from the documented behaviour of CPython 3.11's
``textwrap``.  pystm has no regular-expression engine, so the word
splitting rules (whitespace runs, hyphenated words, em-dashes) are
implemented by a hand-written scanner that follows the same rules.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only these ASCII characters count as whitespace for wrapping purposes
# (unicode spaces such as U+00A0 are deliberately excluded).
_whitespace = '\t\n\x0b\x0c\r '
_WS = frozenset(_whitespace)
_WORD_PUNCT_EXTRA = frozenset('!"\'&.,?')
_SENTENCE_PUNCT = frozenset('.!?')
_QUOTES = frozenset('"\'')
_LOWER = frozenset('abcdefghijklmnopqrstuvwxyz')


def _is_word(ch):
    # the \w class of a str regex: alphanumerics and underscore
    return ch == '_' or ch.isalnum()


def _is_letter(ch):
    # a word character that is not a decimal digit
    return _is_word(ch) and not ch.isdecimal()


def _is_word_punct(ch):
    return ch in _WORD_PUNCT_EXTRA or _is_word(ch)


class _Scanner:
    """Split text into chunks the way TextWrapper.wordsep_re does."""

    def __init__(self, text):
        self.text = text
        self.n = len(text)

    def at(self, i):
        if 0 <= i < self.n:
            return self.text[i]
        return ''

    def letter(self, i):
        ch = self.at(i)
        return ch != '' and _is_letter(ch)

    def dash_run(self, i):
        """Number of consecutive '-' characters starting at i."""
        j = i
        while j < self.n and self.text[j] == '-':
            j += 1
        return j - i

    def em_dash_at(self, i):
        """Length of an em-dash ('--' or longer, then a word char) at i."""
        run = self.dash_run(i)
        if run >= 2:
            nxt = self.at(i + run)
            if nxt != '' and _is_word(nxt):
                return run
        return 0

    def hyphen_break(self, e):
        """Can a word end just after a hyphen at e?"""
        if self.at(e) != '-':
            return False
        # the hyphen must follow two letters, or letter-hyphen-letter
        if not ((self.letter(e - 2) and self.letter(e - 1)) or
                (self.letter(e - 3) and self.at(e - 2) == '-'
                 and self.letter(e - 1))):
            return False
        # and be followed by letter, optional hyphen, letter
        if not self.letter(e + 1):
            return False
        if self.letter(e + 2):
            return True
        return self.at(e + 2) == '-' and self.letter(e + 3)

    def word_end(self, p):
        """End of the shortest word chunk starting at p (p is not ws)."""
        text = self.text
        n = self.n
        e = p + 1
        while True:
            if self.hyphen_break(e):
                return e + 1
            if e >= n or text[e] in _WS:
                return e
            prev = text[e - 1]
            if _is_word_punct(prev) and self.em_dash_at(e):
                return e
            e += 1

    def chunks(self):
        text = self.text
        n = self.n
        out = []
        p = 0
        while p < n:
            ch = text[p]
            if ch in _WS:
                e = p + 1
                while e < n and text[e] in _WS:
                    e += 1
            else:
                e = 0
                if ch == '-' and p > 0 and _is_word_punct(text[p - 1]):
                    run = self.em_dash_at(p)
                    if run:
                        e = p + run
                if not e:
                    e = self.word_end(p)
            out.append(text[p:e])
            p = e
        return out


def _simple_chunks(text):
    """Split text into alternating whitespace / non-whitespace runs."""
    out = []
    n = len(text)
    p = 0
    while p < n:
        is_ws = text[p] in _WS
        e = p + 1
        while e < n and (text[e] in _WS) == is_ws:
            e += 1
        out.append(text[p:e])
        p = e
    return out


def _ends_sentence(chunk):
    # [a-z][.!?]["']? at the end of the chunk
    if chunk and chunk[-1] in _QUOTES:
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in _SENTENCE_PUNCT
            and chunk[-2] in _LOWER)


class TextWrapper:
    """Object for wrapping/filling text.

    The public attributes (width, initial_indent, subsequent_indent,
    expand_tabs, replace_whitespace, fix_sentence_endings,
    break_long_words, drop_whitespace, break_on_hyphens, tabsize,
    max_lines, placeholder) control the wrapping; see the CPython
    documentation of textwrap.TextWrapper.
    """

    unicode_whitespace_trans = dict.fromkeys([ord(c) for c in _whitespace],
                                             ord(' '))
    uspace = ord(' ')

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- private methods -------------------------------------------------

    def _munge_whitespace(self, text):
        """Expand tabs and turn every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split text into indivisible chunks (words and whitespace)."""
        if self.break_on_hyphens is True:
            chunks = _Scanner(text).chunks()
        else:
            chunks = _simple_chunks(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        """Use two spaces after sentence-ending punctuation."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Deal with a chunk that cannot fit on any line."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len

        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # prefer breaking after the last hyphen that fits, unless
                # everything before it is hyphens
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0:
                    for c in chunk[:hyphen]:
                        if c != '-':
                            end = hyphen + 1
                            break
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            # put the whole word on a line of its own
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Assemble chunks into lines no longer than self.width."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # work from the end of the list so that pop() takes the next chunk
        chunks.reverse()

        while chunks:
            cur_line = []
            cur_len = 0

            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)

            # no leading whitespace on continuation lines
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = 0
                for piece in cur_line:
                    cur_len += len(piece)

            # no trailing whitespace
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if not cur_line:
                continue

            fits = (self.max_lines is None
                    or len(lines) + 1 < self.max_lines
                    or ((not chunks
                         or (self.drop_whitespace and len(chunks) == 1
                             and not chunks[0].strip()))
                        and cur_len <= width))
            if fits:
                lines.append(indent + ''.join(cur_line))
                continue

            # the line limit is reached: end with the placeholder
            while cur_line:
                if (cur_line[-1].strip()
                        and cur_len + len(self.placeholder) <= width):
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break

        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    # -- public interface ------------------------------------------------

    def wrap(self, text):
        """Wrap text into a list of lines of at most self.width columns."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap text and return it as a single newline-joined string."""
        return "\n".join(self.wrap(text))


# -- convenience interface ------------------------------------------------

def wrap(text, width=70, **kwargs):
    """Wrap a paragraph of text into a list of lines."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a paragraph of text into a single string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace and truncate text to fit in width columns."""
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(' '.join(text.strip().split()))


# -- loosely related functionality -----------------------------------------

def _leading_blanks(line):
    i = 0
    n = len(line)
    while i < n and (line[i] == ' ' or line[i] == '\t'):
        i += 1
    return line[:i]


def dedent(text):
    """Remove any common leading whitespace from every line in text.

    Only spaces and tabs count, and they must match exactly ("  " and
    "\\t" have no common prefix).  Lines consisting solely of spaces and
    tabs are normalised to empty lines and are ignored when computing
    the margin.
    """
    lines = text.split('\n')
    for i in range(len(lines)):
        line = lines[i]
        if line and not line.strip(' \t'):
            lines[i] = ''

    margin = None
    for line in lines:
        lead = _leading_blanks(line)
        if len(lead) == len(line):
            # empty line (or only blanks): does not count
            continue
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            common = 0
            for a, b in zip(margin, lead):
                if a != b:
                    break
                common += 1
            margin = margin[:common]

    if margin:
        size = len(margin)
        for i in range(len(lines)):
            if lines[i].startswith(margin):
                lines[i] = lines[i][size:]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the beginning of selected lines in text.

    By default prefix goes on every line that is not entirely whitespace;
    predicate(line) can be given to choose the lines instead.
    """
    out = []
    for line in text.splitlines(True):
        if predicate is None:
            selected = line.strip()
        else:
            selected = predicate(line)
        if selected:
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
