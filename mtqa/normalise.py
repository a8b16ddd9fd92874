"""The article's words as a reader sees them: format characters removed, letters composed (NFC),
with a map back to the characters of the article (issue 13).

A zero-width space, a soft hyphen, a direction mark (Unicode format characters, category Cf)
or a letter written as base + combining accent does not show in print, but it splits a word for
every search: "Ki\u200bev" or "Gavrilit\u0326a" evaded the glossary. Name matching therefore
runs on this view (mtqa.glossary.Glossary.find), and every span found there is mapped back to
the original characters, so a finding covers "Ki\u200bev" whole and its fix replaces all of it.
The characters themselves are flagged by `text-invisible-char`.

An article without such characters (almost all) gets the identity view: no copy, no map.
Building the view is linear in the text (one regex pass over the special characters).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from itertools import accumulate, chain, compress, count, repeat
from operator import add, eq, lt, ne, sub
from typing import List, Tuple

# Format characters: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
# space/non-joiner/joiner, direction marks and embeddings, word joiner and invisible operators,
# isolates, byte-order mark / zero-width no-break space.
FORMAT_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Combining marks of Latin, Greek and Cyrillic text (diacritics, their extensions, symbols'
# marks, half marks). Marks of other scripts are normalised word by word (below).
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
FORMAT_RE = re.compile(f"[{FORMAT_CHARS}]")
# An optional base character and the format characters and combining marks after it: the only
# places where the view differs from the text, apart from rare non-NFC letters elsewhere.
_SPECIAL_RE = re.compile(f"[^{FORMAT_CHARS}{COMBINING_MARKS}]?[{FORMAT_CHARS}{COMBINING_MARKS}]+")
_SPECIAL_SPLIT_RE = re.compile(f"({_SPECIAL_RE.pattern})")
_MARKS_RE = re.compile(f"[{COMBINING_MARKS}]")


def needs_view(text: str) -> bool:
    """Does the text hold a format character or a letter not in NFC?"""
    return FORMAT_RE.search(text) is not None or not unicodedata.is_normalized("NFC", text)


def visible(word: str) -> str:
    """A word without format characters, its letters composed (NFC)."""
    return unicodedata.normalize("NFC", FORMAT_RE.sub("", word))


def unmarked(word: str) -> str:
    """A word without format characters and without the combining marks written as separate
    characters ("Kie\u0301v" -> "Kiev"); letters written precomposed keep their accents."""
    return unicodedata.normalize("NFC", _MARKS_RE.sub("", FORMAT_RE.sub("", word)))


def has_marks(text: str) -> bool:
    return _MARKS_RE.search(text) is not None


def _clean_all(clean, clusters: List[str]) -> List[str]:
    """`clean` of every cluster, in one call when it can be: NFC and the removal of format
    characters and marks never reach across a NUL (a starter that composes with nothing), so
    the clusters joined by NULs clean as they would one by one (hardening2: the view of 1 MB of
    names was built one Python call per cluster)."""
    joined = "\0".join(clusters)
    if clean in (visible, unmarked) and joined.count("\0") == len(clusters) - 1:  # no NUL in one
        out = clean(joined).split("\0")
        if len(out) == len(clusters):
            return out
    return list(map(clean, clusters))


class NormalisedView:
    """`text`: the article's prose view without format characters and in NFC. `span(start,
    end)` maps a span of `text` to the span of the article's characters it came from.

    The map lists the clusters the view changed ("i\u200b" -> "i", "e\u0301" -> "é"), sorted,
    as four columns: article start and end, view start and end. A view character inside such
    a cluster maps to the cluster's ends; everything between clusters is copied as is, one to
    one. The columns are built with list operations in C and read by bisection."""

    __slots__ = ("text", "identity", "article", "_starts", "_ends", "_view_starts",
                 "_view_ends", "_token_columns")

    def __init__(self, text: str, clean=visible):
        self.identity = not needs_view(text)
        self.article = None  # the view as an Article (tokens, sentences), set by Article
        self._token_columns = None
        self._starts: List[int] = []
        self._ends: List[int] = []
        self._view_starts: List[int] = []
        self._view_ends: List[int] = []
        if self.identity:
            self.text = text
            return
        parts = _SPECIAL_SPLIT_RE.split(text)  # gap, cluster, gap, ..., cluster, gap
        gaps, clusters = parts[0::2], parts[1::2]
        if not unicodedata.is_normalized("NFC", "\0".join(gaps)):
            self._build_slowly(text, clean)  # rare: letters not in NFC outside the clusters
            return
        norms = _clean_all(clean, clusters)
        self.text = "".join(chain.from_iterable(zip(gaps, norms))) + gaps[-1]
        changed = list(map(ne, norms, clusters))
        offsets = list(accumulate(map(len, parts), initial=0))  # part i starts at offsets[i]
        # (columns selected in C: 1 MB of names behind zero-width characters changes
        # ~250,000 clusters per view, issue 13)
        self._columns(list(compress(offsets[1::2], changed)),
                      list(compress(map(len, clusters), changed)),
                      list(compress(map(len, norms), changed)))

    def _columns(self, starts: List[int], lengths: List[int], view_lengths: List[int]) -> None:
        # a cluster's view start: its article start less what the clusters before it lost
        lost = list(accumulate(map(sub, lengths, view_lengths), initial=0))
        self._starts = starts
        self._ends = list(map(add, starts, lengths))
        self._view_starts = list(map(sub, starts, lost))
        self._view_ends = list(map(add, self._view_starts, view_lengths))

    def _build_slowly(self, text: str, clean) -> None:
        """The view and its clusters when letters outside the clusters are not in NFC (marks
        of other scripts, singletons such as U+212B): a character and the combining
        characters after it at a time."""
        out: List[str] = []
        starts: List[int] = []
        lengths: List[int] = []
        view_lengths: List[int] = []

        def add_piece(orig_start: int, orig_end: int, piece: str, norm: str) -> None:
            out.append(norm)
            if norm != piece:
                starts.append(orig_start)
                lengths.append(orig_end - orig_start)
                view_lengths.append(len(norm))

        def plain(start: int, end: int) -> None:
            gap = text[start:end]
            if unicodedata.is_normalized("NFC", gap):
                out.append(gap)
                return
            i, n = 0, len(gap)
            while i < n:
                j = i + 1
                while j < n and unicodedata.combining(gap[j]):
                    j += 1
                piece = gap[i:j]
                add_piece(start + i, start + j, piece, unicodedata.normalize("NFC", piece))
                i = j

        pos = 0
        for m in _SPECIAL_RE.finditer(text):
            plain(pos, m.start())
            add_piece(m.start(), m.end(), m.group(), clean(m.group()))
            pos = m.end()
        plain(pos, len(text))
        self.text = "".join(out)
        self._columns(starts, lengths, view_lengths)

    def token_columns(self) -> Tuple[List[str], List[int], List[int]]:
        """The texts, starts and ends of the view's tokens: those of `self.article.tokens`,
        found as Article.tokens finds them (one split; offsets from cumulative lengths) but
        without Token objects or sentences, which name matching does not need (issue 13).
        (Article.tokens falls back to a scan per sentence only when a token would cross a
        sentence, which cannot happen: a sentence ends before white space.)"""
        if self._token_columns is None:
            from mtqa.article import _TOKEN_SPLIT_RE

            parts = _TOKEN_SPLIT_RE.split(self.text)
            texts = parts[1::2]
            offsets = list(accumulate(map(len, parts)))
            self._token_columns = (texts, offsets[0::2][:len(texts)], offsets[1::2])
        return self._token_columns

    def start(self, offset: int) -> int:
        """The article offset of the view character at `offset` (its cluster's start)."""
        if self.identity:
            return offset
        offset = min(offset, len(self.text))  # past the end: the article's end
        k = bisect.bisect_right(self._view_starts, offset) - 1
        if k < 0:
            return offset
        if offset < self._view_ends[k]:
            return self._starts[k]
        return self._ends[k] + (offset - self._view_ends[k])

    def end(self, offset: int) -> int:
        """The article offset just after the view character before `offset` (its cluster's
        end)."""
        if self.identity:
            return offset
        if offset <= 0:
            return 0
        v = offset - 1
        k = bisect.bisect_right(self._view_starts, v) - 1
        if k < 0:
            return offset
        if v < self._view_ends[k]:
            return self._ends[k]
        return self._ends[k] + (offset - self._view_ends[k])

    def view_offset(self, offset: int, side: str = "start") -> int:
        """The view offset of article offset `offset` (inside a cluster: its start, or its end
        for side="end")."""
        if self.identity:
            return offset
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return offset
        if offset < self._ends[k]:
            return self._view_starts[k] if side == "start" or offset == self._starts[k] \
                else self._view_ends[k]
        return self._view_ends[k] + (offset - self._ends[k])

    def view_span(self, start: int, end: int) -> Tuple[int, int]:
        return self.view_offset(start, "start"), self.view_offset(end, "end")

    def spans(self, starts: List[int], ends: List[int]) -> Tuple[List[int], List[int]]:
        """span() of many spans at once (the same answers; bisection in C, issue 13: a view of
        1 MB of names maps ~200,000 glossary matches)."""
        if self.identity:
            return list(starts), list(ends)
        out_starts = list(map(self.start, starts)) if len(starts) < 64 else \
            self._starts_of(starts)
        out_ends = self._ends_of(ends)
        for i in compress(count(), map(eq, starts, ends)):  # an empty span stays empty
            out_ends[i] = out_starts[i]
        return out_starts, out_ends

    # _starts_of and _ends_of are start() and end() of many offsets, computed column by column
    # in C (hardening5, issue 13: the Python loop per match was a tenth of the time of 1 MB of
    # names behind zero-width characters). With k = the number of changed clusters starting
    # at or before a view character, the character maps to its offset plus what clusters 1..k
    # lost (shifts[k]), unless it lies inside cluster k: then to that cluster's start (or end).

    def _shifts(self) -> Tuple[List[int], List[int]]:
        """Per k (clusters before, 0..): the article offset minus the view offset after
        cluster k, and the view end of cluster k (-1 for k = 0: no cluster)."""
        return [0, *map(sub, self._ends, self._view_ends)], [-1, *self._view_ends]

    def _starts_of(self, offsets: List[int]) -> List[int]:
        offsets = list(map(min, offsets, repeat(len(self.text))))
        ks = list(map(bisect.bisect_right, repeat(self._view_starts), offsets))
        shifts, view_ends = self._shifts()
        out = list(map(add, offsets, map(shifts.__getitem__, ks)))
        for i in compress(count(), map(lt, offsets, map(view_ends.__getitem__, ks))):
            out[i] = self._starts[ks[i] - 1]  # inside a cluster: its start
        return out

    def _ends_of(self, offsets: List[int]) -> List[int]:
        offsets = list(map(max, offsets, repeat(0)))
        before = list(map(sub, offsets, repeat(1)))  # the view character before each offset
        ks = list(map(bisect.bisect_right, repeat(self._view_starts), before))
        shifts, view_ends = self._shifts()
        out = list(map(add, offsets, map(shifts.__getitem__, ks)))
        for i in compress(count(), map(lt, before, map(view_ends.__getitem__, ks))):
            out[i] = self._ends[ks[i] - 1]  # after a character inside a cluster: its end
        return out

    def span(self, start: int, end: int) -> Tuple[int, int]:
        """The article characters a view span stands for: from the first visible character
        to the last one, with the format characters and marks inside it and right after its
        last letter ("Kiev\u200b")."""
        if self.identity:
            return start, end
        if start == end:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)
