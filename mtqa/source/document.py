"""SourceDoc: the source article of a target, as text with paragraphs and sentences as offsets.

A source is attached to the target Article as `article.source` (the one hook the rules use,
through `source_of(article)`); a target whose source is missing or unusable carries a
`SourceUnavailable` there instead, so its outcome can say why it was audited without one.
"""
from __future__ import annotations

import bisect
import re
from itertools import filterfalse
from dataclasses import dataclass, field
from functools import cached_property
from typing import Dict, List, Optional, Sequence, Tuple

_PARAGRAPH_RE = re.compile(r"\S(?:[^\n]*\S)?")
# Sentence ends in the source: . ! ? … (and the CJK 。！？), optional closing quotes, then
# space and a sentence start; CJK ends need no space. Led by one class of every end mark
# (then each branch re-checks which kind it was): an alternation of two repeats gives the
# regex engine no first character to search for, so it was tried at every character (3x
# the time); the matches are the same as those of
# (?:[.!?…]+["'”’»)\]]*(?=\s+["'“‘«„(\[—–-]?\s?[\w])|[。！？]+[”’」』)]*).
_SENTENCE_END_RE = re.compile(r"[.!?…。！？](?:(?<=[.!?…])[.!?…]*[\"'”’»)\]]*"
                              r"(?=\s+[\"'“‘«„(\[—–-]?\s?[\w])"
                              r"|(?<=[。！？])[。！？]*[”’」』)]*)")
_WORD_BEFORE_DOT_RE = re.compile(r"([\w.-]+)$")
# Abbreviations after which a dot does not end a sentence (Ukrainian, Russian, Indonesian).
_ABBREVIATIONS = frozenset(
    "г гг р рр ст вул ул пл просп буд д м с смт обл р-н див т тис тыс млн млрд грн руб коп "
    "ок кв км кг см мм ч мин чел "
    "проф акад им ім напр св тел см мін хв сек ін пр др т.е т.д т.п т.ч і.т.д "
    "dr drs ir h hj jl no tel prof st bpk sdr kec kab"
    .split())


@dataclass
class Location:
    """Where a piece of source text is, for output: path and 1-based line/column."""
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def as_dict(self) -> Dict[str, object]:
        return {"path": self.path, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column, "text": self.text}


@dataclass
class SourceUnavailable:
    """Why a target was audited without its source ("source not available", ...)."""
    reason: str
    path: Optional[str] = None


@dataclass
class SourceDoc:
    """The source article: its text (as read), language and how that was decided, and, for
    positions, a function from an offset in `text` to (line, column) in the source file."""
    path: str
    text: str
    lang: Optional[str]
    lang_reason: str
    # offset in text -> (line, column); None: lines of `text` itself
    raw_positions: Optional[Sequence[Tuple[int, int]]] = None
    # bilingual files: the target span of each source paragraph (XLIFF units)
    unit_targets: Optional[Sequence[Tuple[int, int]]] = None
    compared: Optional[float] = None  # share of source sentences aligned (set by the audit)
    notes: List[str] = field(default_factory=list)

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items()
                if k not in ("paragraphs", "sentences", "_line_starts")}

    @cached_property
    def paragraphs(self) -> List[Tuple[int, int]]:
        return [m.span() for m in _PARAGRAPH_RE.finditer(self.text)]

    @cached_property
    def sentences(self) -> List[List[Tuple[int, int]]]:
        """Sentence spans per paragraph."""
        return [split_sentences(self.text, s, e) for s, e in self.paragraphs]

    @cached_property
    def _line_starts(self) -> List[int]:
        return [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def position(self, offset: int) -> Tuple[int, int]:
        if self.raw_positions is not None:
            return self.raw_positions[min(offset, len(self.raw_positions) - 1)]
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def location(self, start: int, end: int) -> Location:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Location(self.path, line, column, end_line, end_column, self.text[start:end])


def split_sentences(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    spans = []
    begin = start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_DOT_RE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower()
    if word.isdigit() and len(word) <= 2:
        return True  # a numbered list item ("1. Проверка"), not a sentence end
    # single initials ("В. Зеленський") and listed abbreviations do not end sentences
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def lower_words(text: str, word_re) -> set:
    """{word.lower() for word in word_re.findall(text)}, for a pattern of letters and
    apostrophes between letters (name_differences._WORD_RE), made with fewer regex steps:
    a whitespace-separated token of letters only is one such word as it stands; the pattern
    is run only over the other tokens. The text is lowered once where lowering maps each
    character to one character of the same kind (letter, apostrophe, other) and no context
    changes it (Greek capital sigma, the one context-dependent letter of str.lower(), and
    lowerings that change the length take the plain way). Checked for every code point and
    against the plain form: tests/source/test_lower_words.py."""
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return {w.lower() for w in word_re.findall(text)}
    tokens = low.split()
    words = set(filter(str.isalpha, tokens))
    words.update(word_re.findall(" ".join(filterfalse(str.isalpha, tokens))))
    return words


def source_of(article) -> Optional[SourceDoc]:
    """The article's source, if one is attached and usable: the hook every source rule uses.
    Bilingual files (XLIFF) carry their own: built from their segments on first use."""
    found = article.source
    if isinstance(found, SourceDoc):
        return found
    if found is None and article.segments:
        from mtqa.source.pairing import from_segments

        doc = from_segments(article)
        article.source = doc
        return doc
    return None


def source_status(article) -> Optional[str]:
    """What the output says about the source of an article: None when no source was asked for
    and the file carries none; else e.g. "uk (script: ...); 93% of source sentences compared"
    or "source not available"."""
    found = article.source
    if isinstance(found, SourceUnavailable):
        return found.reason
    if isinstance(found, SourceDoc):
        lang = found.lang or "language not known"
        share = "" if found.compared is None else \
            f"; {round(100 * found.compared)}% of source sentences compared"
        return f"{found.path}: {lang} ({found.lang_reason}){share}"
    return None
