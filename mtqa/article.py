"""The document model: an article's text, kept unchanged, with its structure as character offsets.

Every rule works on an `Article`. Nothing here changes the text: paragraphs, sentences, tokens,
headlines and quotations are all (start, end) offsets into `Article.text`, so a finding's span
always points at the characters the editor sees, and line/column are derived from offsets.
Structure is computed lazily and cached: a rule that never asks for quotations never pays for them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import List, Optional, Sequence, Tuple

# A word: letters/digits, joined across inner apostrophes (O'Brien, don't) but not across a
# possessive 's (Kiev's -> Kiev + 's), and not across hyphens (Russia-Ukraine -> Russia, Ukraine).
TOKEN_RE = re.compile(r"[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*")

# Sentence ends: terminal punctuation (optionally closing quotes/brackets), then space, then
# something that can start a sentence.
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[^\s\w]*[\w])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt maj cmdr adm gov sen rep jr sr inc ltd co corp "
    "no vs etc e.g i.e approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n a.m p.m".split()
)
_HEADLINE_END = ".!?…:;,\"”’»)"
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    sentence: int          # index into Article.sentences
    sentence_initial: bool  # first word of its sentence

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


class Article:
    """One article: `text` exactly as read, plus lazily computed structure."""

    def __init__(self, original: str, path: str = "<text>", source_lang: Optional[str] = None,
                 text: Optional[str] = None):
        if text is not None and len(text) != len(original):
            raise ValueError("the prose view must have the same length as the original")
        # `original` is the file's content, never changed. `text` is what rules read: the same
        # characters with markup (front matter, code, tags, link targets) blanked to spaces by the
        # input reader, so every offset means the same in both.
        self.original = original
        self.text = original if text is None else text
        self.path = path
        self.source_lang = source_lang

    # Set by input readers (mtqa.inputs) for markup and bilingual formats; plain text has none.
    # Spans of headings known from the markup (Markdown `#`, HTML <h1>): always headlines.
    headings: Sequence[Tuple[int, int]] = ()
    # Spans of the original that the prose view shows verbatim; None means all of it.
    prose_runs: Optional[Sequence[Tuple[int, int]]] = None
    # Bilingual files (XLIFF): one Segment per translation unit, target span + source text.
    segments: Sequence["Segment"] = ()

    # ---- positions -------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> List[int]:
        # Lines of the original file: a prose view may join a wrapped paragraph's lines or end
        # a paragraph at an HTML block tag, but positions always point into the file as it is.
        return [0] + [m.end() for m in re.finditer(r"\n", self.original)]

    def position(self, offset: int) -> Tuple[int, int]:
        """1-based (line, column) of a character offset; columns count code points."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The prose view of the original file's line `line` (1-based)."""
        start = self.line_starts[line - 1]
        end = self.original.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def is_prose(self, start: int, end: int) -> bool:
        """Is the span article text shown verbatim (not markup, not a decoded entity)? A
        zero-width span is prose when it touches a verbatim run. `mtqa fix` edits only prose."""
        if self.prose_runs is None:
            return 0 <= start <= end <= len(self.original)
        i = bisect.bisect_right(self.prose_runs, (start, float("inf"))) - 1
        if i < 0:
            return False
        s, e = self.prose_runs[i]
        return s <= start and end <= e

    # ---- structure -------------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> List[Tuple[int, int]]:
        """Non-empty lines are paragraphs: MT news arrives one paragraph per line, and a
        Markdown paragraph wrapped over lines still splits into sentences correctly."""
        spans = []
        for m in re.finditer(r"[^\n]+", self.text):
            s, e = m.span()
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and self.text[e - 1].isspace():
                e -= 1
            if s < e:
                spans.append((s, e))
        return spans

    @cached_property
    def headlines(self) -> List[Tuple[int, int]]:
        """Paragraphs that read as headlines or subheadings: Markdown headings, or short lines
        that do not end like a sentence. Title case is normal there."""
        out = []
        for s, e in self.paragraphs:
            para = self.text[s:e]
            if any(hs < e and s < he for hs, he in self.headings):
                out.append((s, e))
            elif para.startswith("#"):
                out.append((s, e))
            elif len(para.split()) <= 20 and para[-1] not in _HEADLINE_END:
                out.append((s, e))
        return out

    def in_headline(self, offset: int) -> bool:
        return _in_spans(self.headlines, offset)

    @cached_property
    def sentences(self) -> List[Tuple[int, int]]:
        spans = []
        for ps, pe in self.paragraphs:
            start = ps
            for m in _SENTENCE_END_RE.finditer(self.text, ps, pe):
                if self._is_abbreviation(m.start()):
                    continue
                spans.append((start, m.end()))
                start = m.end()
                while start < pe and self.text[start].isspace():
                    start += 1
            if start < pe:
                spans.append((start, pe))
        return spans

    def _is_abbreviation(self, dot: int) -> bool:
        if self.text[dot] != ".":
            return False
        m = re.search(r"([\w.]+)$", self.text[max(0, dot - 12):dot])
        if not m:
            return False
        word = m.group(1).lower()
        # single capital initials ("J. Smith") and listed abbreviations do not end sentences
        return word in _ABBREVIATIONS or (len(word) == 1 and self.text[dot - 1].isupper())

    @cached_property
    def tokens(self) -> List[Token]:
        out: List[Token] = []
        for i, (s, e) in enumerate(self.sentences):
            first = True
            for m in TOKEN_RE.finditer(self.text, s, e):
                out.append(Token(m.group(), m.start(), m.end(), i, first))
                first = False
        return out

    @cached_property
    def words(self) -> int:
        return sum(1 for t in self.tokens if not t.text.isdigit()) or len(self.tokens)

    @cached_property
    def quotations(self) -> List[Tuple[int, int]]:
        """Spans of direct speech, quote marks included, paired within a paragraph."""
        spans = []
        for ps, pe in self.paragraphs:
            i = ps
            while i < pe:
                ch = self.text[i]
                close = _QUOTE_PAIRS.get(ch)
                if close:
                    j = self.text.find(close, i + 1, pe)
                    if j > 0:
                        spans.append((i, j + 1))
                        i = j + 1
                        continue
                i += 1
        return spans

    def in_quotation(self, offset: int) -> bool:
        return _in_spans(self.quotations, offset)

    def sentence_text(self, index: int) -> str:
        s, e = self.sentences[index]
        return self.text[s:e]


@dataclass(frozen=True)
class Segment:
    """One translation unit of a bilingual file: the target's span in the article and the
    source text it translates (decoded, inline codes dropped)."""
    id: str
    source: str
    start: int
    end: int


def _in_spans(spans: List[Tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
