"""Markdown (.md, .markdown): the prose view keeps what a reader of the rendered page reads.

Block structure comes from markdown-it-py (CommonMark, plus tables), which knows lists, block
quotes, lazy continuation lines, fenced and indented code, HTML blocks and link reference
definitions exactly; its token line maps say where each paragraph, heading and table cell is.
Inline markup is blanked by a small scanner here (markdown-it's inline tokens carry no
positions): code spans, HTML tags and comments, autolinks and bare URLs, link targets and
reference labels, images (alt text included), footnote markers, emphasis markers and backslash
escapes. Link text is kept. Character references (&amp;) show their character at the first
position. Front matter (YAML `---` or TOML `+++`) is blanked.

The lines of one paragraph are joined with spaces in the view, so a sentence wrapped over two
lines is one sentence; positions still count lines of the file (Article.line_starts).
"""
from __future__ import annotations

import bisect
import heapq
import html
import re
from functools import cached_property
from itertools import accumulate
from typing import Dict, List, Optional, Tuple

from mtqa.formats import PROSE_VIEWS, ProseView
from mtqa.readers._view import _ENTITY_RE, ViewBuilder

_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_HTML_RE = re.compile(
    r"<!--.*?-->"                                         # comment
    r"|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>"    # processing instruction, declaration
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>"                       # closing tag
    r"|<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*"    # opening tag with attributes
    r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"           # autolink
    r"|<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?>",  # email autolink
    re.S)
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,:;!?\"')\]*_~]")
_EMAIL_RE = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# where inline markup may start; everything between two matches is plain prose
# what _bracket_pairs stops at: escapes, code-span backticks, brackets
_BRACKET_SCAN_RE = re.compile(r"[\\`\[\]]")
_SPECIAL_RE = re.compile(r"[\\`<!*_~&@]|(?<![^\W_])(?:https?://|ftp://|www\.)")
# Brackets are not in _SPECIAL_RE: most "[" of a block are literal text (1 MB of "x[ " or
# "[a](" has 350,000), so _Inline.run visits only the few that can open something
# (_Inline._bracket_events) and the "]" of the links it found; the rest is skipped in C
# (hardening3, issue 13).
_OPENER_RE = re.compile(r"\[")
_FOOTNOTE_OPENER_RE = re.compile(r"\[\^")
_BRACKET_RE = re.compile(r"\\[\s\S]?|[\[\]]")  # an escape (skipped whole) or a bracket
_BRACKET_SPLIT_RE = re.compile(r"([\[\]])")
_PAREN_SPLIT_RE = re.compile(r"([()])")
_NEWLINE_RE = re.compile(r"\n")
# characters that make a link destination's scan differ from plain parenthesis pairing
_DESTINATION_HAZARD_RE = re.compile(r"[\\\"']")
# Brackets of a link text, and parentheses of a link destination, nested deeper than this
# are literal text (cmark limits destinations to 32 levels too). Without a limit, every "["
# of a paragraph full of unclosed "x[ " scanned to the paragraph's end: quadratic time
# (60 KB took 78 s); with it each scan stops after MAX_NESTING more openers.
MAX_NESTING = 32
# Block quotes and lists deeper than this are not read (markdown-it's own default, 20, dropped
# a block quote 20 deep without a word); deeper input is refused with a message.
MAX_BLOCK_NESTING = 100
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]+\](?::)?")


def _front_matter_end(lines: List[str]) -> int:
    """Number of lines of front matter at the top (0 if none)."""
    if not lines or lines[0].rstrip() not in _FRONT_MATTER:
        return 0
    closers = _FRONT_MATTER[lines[0].rstrip()]
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers:
            return i + 1
    return 0


def _normalise_label(label: str) -> str:
    return " ".join(label.split()).casefold().upper()


class _Inline:
    """Blanks inline markup in one block's text. `block` is the block's content as it stands in
    the file (lines joined with \\n); `where[i]` is the file offset of block[i]."""

    def __init__(self, view: ViewBuilder, block: str, where: List[int], refs: Dict):
        self.view, self.s, self.where, self.refs = view, block, where, refs
        # everything is prose until markup is found; written to the view in one go by flush()
        self.out = list(block)
        self.verbatim = [True] * len(block)
        newlines = [m.start() for m in _NEWLINE_RE.finditer(block)] if "\n" in block else ()
        for i in newlines:
            self.verbatim[i] = False
        self.newlines = newlines

    def blank(self, a: int, b: int) -> None:
        for i in range(a, b):
            if self.s[i] != "\n":
                self.out[i] = " "
                self.verbatim[i] = False

    def keep(self, i: int) -> None:
        pass  # prose already

    def put(self, i: int, ch: str) -> None:
        self.out[i] = ch
        self.verbatim[i] = False

    def flush(self) -> None:
        chars, verbatim, where = self.view.chars, self.view.verbatim, self.where
        out, verb, s = self.out, self.verbatim, self.s
        # line by line: a line of the block is one run of the file, written as one slice (a
        # character loop took seconds on a 1 MB paragraph; hardening, issue 13)
        i, n = 0, len(out)
        while i < n:
            j = s.find("\n", i)
            if j < 0:
                j = n
            if j > i:
                w = where[i]
                if where[j - 1] - w == j - 1 - i:
                    chars[w:w + j - i] = out[i:j]
                    verbatim[w:w + j - i] = bytes(verb[i:j])
                else:  # (not one run: character by character)
                    for k in range(i, j):
                        chars[where[k]] = out[k]
                        verbatim[where[k]] = verb[k]
            i = j + 1

    def run(self) -> None:
        s, n = self.s, len(self.s)
        jumps: Dict[int, int] = {}  # closing bracket of a kept link text -> end of its target
        pending: List[int] = []  # the same closing brackets, as a heap (the next one first)
        brackets = self._bracket_events() if "[" in s else []
        k, nb = 0, len(brackets)
        search = _SPECIAL_RE.search
        special = -1  # the next match of _SPECIAL_RE at or after i (n: none)
        i = 0
        while i < n:
            # the next place where something may start: a special character, a "[" that may
            # open a link or footnote, or the "]" of a link found (ordinary characters in
            # between stay prose)
            if special < i:
                m = search(s, i)
                special = m.start() if m else n
            while k < nb and brackets[k] < i:
                k += 1
            while pending and pending[0] < i:
                heapq.heappop(pending)  # passed over (inside markup blanked whole)
            i = min(special, brackets[k] if k < nb else n, pending[0] if pending else n)
            if i >= n:
                break
            if i in jumps:
                end = jumps.pop(i)
                heapq.heappop(pending)
                self.blank(i, end)
                i = end
                continue
            if pending and pending[0] == i:
                heapq.heappop(pending)  # (a duplicate: its link was taken already)
                continue
            c = s[i]
            if c == "[" and not s.startswith("^", i + 1):  # (the commonest: tested first)
                end = self._link_end(i)
                if end:
                    close, stop = end
                    self.blank(i, i + 1)
                    jumps[close] = stop
                    heapq.heappush(pending, close)
                i += 1
                continue
            if c == "\\" and i + 1 < n and (s[i + 1] in _ASCII_PUNCT or s[i + 1] == "\n"):
                self.blank(i, i + 1)
                if s[i + 1] != "\n":
                    self.put(i + 1, s[i + 1])
                i += 2
            elif c == "`":
                i = self._code_span(i)
            elif c == "<" and (m := _HTML_RE.match(s, i)):
                self.blank(i, m.end())
                i = m.end()
            elif c == "!" and s.startswith("[", i + 1) and (end := self._link_end(i + 1)):
                self.blank(i, end[1])  # images are not read: alt text and target both go
                i = end[1]
            elif c == "[" and s.startswith("^", i + 1) and (m := _FOOTNOTE_RE.match(s, i)):
                self.blank(i, m.end())
                i = m.end()
            elif c == "[" and (end := self._link_end(i)):
                close, stop = end
                self.blank(i, i + 1)
                jumps[close] = stop
                heapq.heappush(pending, close)
                i += 1
            elif c == "[":
                i += 1
            elif c in "*_~":
                i = self._delimiters(i)
            elif c == "&" and (m := _ENTITY_RE.match(s, i)) and self._contiguous(i, m.end()):
                decoded = html.unescape(m.group()).replace("\xa0", " ")
                self.blank(i, m.end())
                if len(decoded) == 1 and decoded.isprintable():
                    self.put(i, decoded)
                i = m.end()
            elif c in "hfw" and (m := _URL_RE.match(s, i)):
                self.blank(i, m.end())
                i = m.end()
            elif c == "@" and (m := self._email_at(i)):
                self.blank(*m)
                i = m[1]
            else:
                self.keep(i)
                i += 1

    def _contiguous(self, a: int, b: int) -> bool:
        return self.where[b - 1] - self.where[a] == b - 1 - a

    def _email_at(self, at: int) -> Optional[Tuple[int, int]]:
        start = at
        while start > 0 and (self.s[start - 1].isalnum() or self.s[start - 1] in "._+-"):
            start -= 1
        m = _EMAIL_RE.match(self.s, start)
        if m and start < at < m.end():
            # the local part was revealed already; take it back
            return start, m.end()
        return None

    def _code_span(self, i: int) -> int:
        s = self.s
        j = i
        while j < len(s) and s[j] == "`":
            j += 1
        ticks = s[i:j]
        k = j
        while True:
            k = s.find(ticks, k)
            if k < 0:  # no closing run: the backticks are literal
                for x in range(i, j):
                    self.keep(x)
                return j
            if (k + len(ticks) < len(s) and s[k + len(ticks)] == "`") or s[k - 1] == "`":
                k += len(ticks)
                while k < len(s) and s[k] == "`":
                    k += 1
                continue
            self.blank(i, k + len(ticks))
            return k + len(ticks)

    def _bracket_close(self, i: int) -> Optional[int]:
        """The ']' closing the '[' at i (None: literal). Answered from one pass over the
        block (`_bracket_pairs`), which scans from every '[' the same way `_scan_brackets`
        would; a '[' that pass skipped (inside what it took for a code span) is scanned on
        its own, at most MAX_NESTING openers deep."""
        pairs = self._pairs
        if i in pairs:
            return pairs[i]
        return self._scan_brackets(i)

    # What the scans of one block share, computed on first use: the bracket pairs, the
    # parenthesis table (_paren_table) and the last ")".
    @cached_property
    def _pairs(self) -> Dict[int, Optional[int]]:
        return self._bracket_pairs()

    @cached_property
    def _parens(self) -> Tuple[Dict[int, Optional[int]], set, List[int]]:
        return _paren_table(self.s)

    @cached_property
    def _last_close(self) -> int:
        return self.s.rfind(")")

    def _bracket_events(self) -> List[int]:
        """The '[' of the block that `run` must look at, in order: every one that may open a
        link (paired, with '(' right after its ']' and a ')' somewhere after that, or any
        paired one when the document has reference definitions), every one the pairing pass
        did not see (inside what it took for a code span), and footnote markers '[^'. For
        every other '[', `_link_end` is None: it is literal text and stays prose."""
        s = self.s
        pairs = self._pairs
        if self.refs:
            events = [i for i, close in pairs.items() if close is not None]
        else:
            last = s.rfind(")")
            events = [i for i, close in pairs.items()
                      if close is not None and close < last and s[close + 1] == "("]
            if events:
                # ... and whose "(" may end a destination: closed by the plain pairing, or
                # where the character scan decides (escapes or quotes after it, "<url>")
                closes, _, hazards = self._parens
                after = hazards[-1] if hazards else -1
                url = "(<" in s
                events = [i for i, close in zip(events, map(pairs.__getitem__, events))
                          if closes.get(close + 1) is not None or after > close + 1
                          or (url and s.startswith("<", close + 2))]
        if "`" in s:
            events.extend(i for i in map(_match_start, _OPENER_RE.finditer(s))
                          if i not in pairs)
        if "[^" in s:
            events.extend(map(_match_start, _FOOTNOTE_OPENER_RE.finditer(s)))
        return sorted(set(events))

    def _bracket_pairs(self) -> Dict[int, Optional[int]]:
        if "`" not in self.s:
            return _plain_bracket_pairs(self.s)
        s = self.s
        n = len(s)
        pairs: Dict[int, Optional[int]] = {}
        stack: List[int] = []
        j = 0
        search = _BRACKET_SCAN_RE.search
        while j < n:
            m = search(s, j)  # ordinary characters skipped in C (hardening2, issue 13)
            if m is None:
                break
            j = m.start()
            c = s[j]
            if c == "\\":
                j += 2
                continue
            if c == "`":
                run = j
                while run < n and s[run] == "`":
                    run += 1
                run -= j
                close = s.find("`" * run, j + run)
                j = (close + run) if close >= 0 else j + run
                continue
            if c == "[":
                pairs[j] = None
                stack.append(j)
            elif c == "]" and stack:
                pairs[stack.pop()] = j
            j += 1
        return pairs

    def _scan_brackets(self, i: int) -> Optional[int]:
        depth, j, s = 0, i, self.s
        n = len(s)
        while j < n:
            if s[j] == "\\":
                j += 2
                continue
            if s[j] == "`":  # brackets inside code spans do not count
                run = j
                while run < n and s[run] == "`":
                    run += 1
                run -= j  # (counted in place: slicing the rest would copy the block)
                close = s.find("`" * run, j + run)
                j = (close + run) if close >= 0 else j + run
                continue
            if s[j] == "[":
                depth += 1
                if depth > MAX_NESTING:
                    return None  # as CommonMark implementations do; keeps the scan linear
            elif s[j] == "]":
                depth -= 1
                if depth == 0:
                    return j
            j += 1
        return None

    def _link_end(self, i: int) -> Optional[Tuple[int, int]]:
        """For a link or image starting with '[' at i: (index of its closing ']', end of the
        whole construct), or None when the brackets are literal text."""
        close = self._bracket_close(i)
        if close is None:
            return None
        s = self.s
        nxt = close + 1
        if nxt < len(s) and s[nxt] == "(":
            end = self._paren_end(nxt)
            if end:
                return close, end
        if not self.refs:
            return None  # no reference definitions: no reference link (nothing to normalise)
        if nxt < len(s) and s[nxt] == "[":
            ref_close = s.find("]", nxt)
            if ref_close > 0:
                label = s[nxt + 1:ref_close] or s[i + 1:close]
                if _normalise_label(label) in self.refs:
                    return close, ref_close + 1
        if _normalise_label(s[i + 1:close]) in self.refs:
            return close, close + 1  # shortcut reference link [Kyiv]
        return None

    def _paren_end(self, i: int) -> Optional[int]:
        """The end of the link destination whose '(' is at i (None: not a destination)."""
        s = self.s
        if self._last_close < i:
            return None  # no ")" left: no scan (keeps "[a](" repeated linear)
        # Where nothing but parentheses matters (no escape, quote or "<url>"), the scan below
        # is plain pairing, done once for the block: 1 MB of "[a](" and one ")" scanned 130
        # characters per "[" for 14 s (hardening3, issue 13).
        closes, too_deep, hazards = self._parens
        close = closes.get(i)
        end = len(s) if close is None else close
        h = bisect.bisect_left(hazards, i)
        if not s.startswith("<", i + 1) and (h == len(hazards) or hazards[h] > end):
            return None if close is None or i in too_deep else close + 1
        return self._scan_destination(i)

    def _scan_destination(self, i: int) -> Optional[int]:
        s, depth, j = self.s, 0, i
        quote = None
        while j < len(s):
            ch = s[j]
            if ch == "\\":
                j += 2
                continue
            if quote:
                if ch == quote:
                    quote = None
            elif ch in "\"'" and s[j - 1].isspace():
                quote = ch
            elif ch == "<" and j == i + 1:
                close = s.find(">", j)
                if close < 0:
                    return None
                j = close
            elif ch == "(":
                depth += 1
                if depth > MAX_NESTING:
                    return None
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return None

    def _delimiters(self, i: int) -> int:
        s = self.s
        c = s[i]
        j = i
        while j < len(s) and s[j] == c:
            j += 1
        if c == "~" and j - i != 2:
            for x in range(i, j):
                self.keep(x)
            return j
        before = s[i - 1] if i > 0 else " "
        after = s[j] if j < len(s) else " "
        left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
        right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
        if c == "_":
            markup = (left and (not right or _is_punct(before))) or \
                     (right and (not left or _is_punct(after)))
        else:
            markup = left or right
        if markup:
            self.blank(i, j)
        else:
            for x in range(i, j):
                self.keep(x)
        return j


_match_start = re.Match.start


def _paren_table(s: str) -> Tuple[Dict[int, Optional[int]], set, List[int]]:
    """For `_Inline._paren_end`: each "(" and the ")" closing it (None: none), the "(" whose
    scan would meet more than MAX_NESTING openers before closing, and where the escapes and
    quotes are (around them the scan is done character by character)."""
    too_deep: set = set()
    closes = _stack_pairs(s, _split_offsets(_PAREN_SPLIT_RE, s), "(", too_deep)
    hazards = list(map(_match_start, _DESTINATION_HAZARD_RE.finditer(s)))
    return closes, too_deep, hazards


def _plain_bracket_pairs(s: str) -> Dict[int, Optional[int]]:
    """`_bracket_pairs` of a block without backticks: the same pairs, with the brackets
    found in C and only the stack in Python, several times faster on text full of
    brackets (hardening3, issue 13)."""
    if "\\" in s:  # an escape is matched whole: the character after it is skipped
        found = [m for m in _BRACKET_RE.finditer(s) if m.group() in "[]"]
        positions = list(map(_match_start, found))
    else:
        positions = _split_offsets(_BRACKET_SPLIT_RE, s)
    if "]" not in s:
        return dict.fromkeys(positions)  # nothing closes: every "[" is literal
    return _stack_pairs(s, positions, "[")


def _split_offsets(split_re: re.Pattern, s: str) -> List[int]:
    """Where the matches of `split_re` (one capturing group around one character) start in
    s, from one split and summed lengths: no match object per character."""
    parts = split_re.split(s)
    return list(accumulate(map(len, parts)))[0::2][:len(parts) // 2]


def _stack_pairs(s: str, positions: List[int], opener: str,
                 too_deep: Optional[set] = None) -> Dict[int, Optional[int]]:
    """Each `opener` at `positions` (the offsets of a block's openers and closers of one
    kind, in order) -> the offset of the closer that closes it, or None. With `too_deep`,
    also adds to it each opener that has more than MAX_NESTING openers open inside it at
    once (its scan would give up before closing)."""
    pairs: Dict[int, Optional[int]] = {}
    stack: List[int] = []
    push, pop = stack.append, stack.pop
    for j, c in zip(positions, map(s.__getitem__, positions)):
        if c == opener:
            pairs[j] = None
            push(j)
            if too_deep is not None and len(stack) > MAX_NESTING:
                too_deep.add(stack[-MAX_NESTING - 1])  # this opener is 33 inside that one
        elif stack:
            pairs[pop()] = j
    return pairs


def _is_punct(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _locate(raw_line: str, content: str) -> Optional[int]:
    """Where a block's content line starts in the file's line (after list markers, quote
    markers, heading marks and indentation)."""
    content = content.strip()
    if not content:
        return None
    pos = raw_line.rfind(content)
    return pos if pos >= 0 else None


def prose_view(original: str) -> ProseView:
    from markdown_it import MarkdownIt

    view = ViewBuilder(original)
    lines = original.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    skip = _front_matter_end(lines)
    source = "\n" * skip + "\n".join(lines[skip:])  # keeps line numbers for the token maps
    env: Dict = {}
    # Only block tokens (their type, map and raw content) are read: inline parsing is done
    # here by _Inline. markdown-it's own inline pass is switched off: besides being wasted
    # work, its link-label search is quadratic on text like "x[ x[ x[ ..." (issue 13).
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_BLOCK_NESTING}
                    ).enable("table").disable("inline")
    tokens = md.parse(source, env)
    if any(tok.level >= MAX_BLOCK_NESTING - 1 for tok in tokens):
        # markdown-it silently drops what lies deeper: say so rather than audit part of it
        raise ValueError(f"Markdown nested more than {MAX_BLOCK_NESTING - 2} levels deep "
                         f"(block quotes or lists); not audited")
    refs = env.get("references", {})
    in_heading = False
    in_cell = False
    row_pointer: Dict[int, int] = {}
    for tok in tokens:
        if tok.type == "heading_open":
            in_heading = True
        elif tok.type == "heading_close":
            in_heading = False
        elif tok.type in ("th_open", "td_open"):
            in_cell = True
        elif tok.type in ("th_close", "td_close"):
            in_cell = False
        elif tok.type == "html_block" and tok.map:
            _html_block(view, original, starts, lines, tok.map)
        elif tok.type == "inline" and tok.map:
            if in_cell:
                _cell(view, tok, lines, starts, refs, row_pointer)
            else:
                _block(view, tok, lines, starts, refs, in_heading)
    return view.build()


def _block(view, tok, lines, starts, refs, heading: bool) -> None:
    first, last = tok.map
    content_lines = tok.content.split("\n")
    if len(content_lines) != last - first:
        return  # cannot align this block with the file: leave it out rather than guess
    block: List[str] = []
    where: List[int] = []
    for k, content in enumerate(content_lines):
        line_no = first + k
        col = _locate(lines[line_no], content)
        if col is None:
            continue
        seg = content.strip()
        if block:
            block.append("\n")
            where.append(starts[line_no] - 1)  # the newline ending the previous file line
        block.append(seg)
        where.extend(range(starts[line_no] + col, starts[line_no] + col + len(seg)))
    text = "".join(block)
    if not text:
        return
    inline = _Inline(view, text, where, refs)
    inline.run()
    inline.flush()
    # a paragraph wrapped over lines is one paragraph: join its lines with spaces
    for i in inline.newlines:
        view.put(where[i], " ")
    if heading:
        view.headings.append((where[0], where[-1] + 1))


def _cell(view, tok, lines, starts, refs, row_pointer) -> None:
    line_no = tok.map[0]
    content = tok.content.strip()
    if not content:
        return
    raw = lines[line_no]
    col = raw.find(content, row_pointer.get(line_no, 0))
    if col < 0:
        return
    row_pointer[line_no] = col + len(content)
    base = starts[line_no] + col
    inline = _Inline(view, content, list(range(base, base + len(content))), refs)
    inline.run()
    inline.flush()


def _html_block(view, original, starts, lines, line_map) -> None:
    from mtqa.readers.html import html_view

    first, last = line_map
    start = starts[first]
    end = starts[last - 1] + len(lines[last - 1])
    sub = html_view(original[start:end])
    for i, ch in enumerate(sub.text):
        if ch != " " and ch != original[start + i]:
            view.put(start + i, ch)
    for s, e in sub.prose_runs:
        view.reveal(start + s, start + e)
    view.headings.extend((start + s, start + e) for s, e in sub.headings)


for _suffix in (".md", ".markdown"):
    PROSE_VIEWS[_suffix] = prose_view
