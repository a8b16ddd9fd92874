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


class NormalisedView:
    """`text`: the article's prose view without format characters and in NFC. `span(start,
    end)` maps a span of `text` to the span of the article's characters it came from.

    The map is a list of pieces (view start, article start, view length, article length,
    same): a piece is either copied as is (`same`, offsets map one to one) or the normal
    form of a cluster ("i\u200b" -> "i", "e\u0301" -> "é"), whose inside maps to its ends."""

    __slots__ = ("text", "identity", "article", "_view_starts", "_pieces")

    def __init__(self, text: str, clean=visible):
        self.identity = not needs_view(text)
        self.article = None  # the view as an Article (tokens, sentences), set by Article
        self._pieces: List[Tuple[int, int, int, int, bool]] = []
        self._view_starts: List[int] = []
        if self.identity:
            self.text = text
            return
        out: List[str] = []
        view_pos = 0

        def add(orig_start: int, orig_end: int, piece: str, same: bool) -> None:
            nonlocal view_pos
            if not piece and orig_end == orig_start:
                return
            if same and self._pieces and self._pieces[-1][4] and \
                    self._pieces[-1][1] + self._pieces[-1][3] == orig_start:
                vs, os_, vl, ol, _ = self._pieces[-1]  # extend the copied piece
                self._pieces[-1] = (vs, os_, vl + len(piece), ol + len(piece), True)
            else:
                self._pieces.append((view_pos, orig_start, len(piece), orig_end - orig_start,
                                     same))
            out.append(piece)
            view_pos += len(piece)

        def plain(start: int, end: int) -> None:
            gap = text[start:end]
            if unicodedata.is_normalized("NFC", gap):
                add(start, end, gap, True)
                return
            # rare (marks of other scripts, singletons such as U+212B): a character and the
            # combining characters after it at a time
            i, n = 0, len(gap)
            while i < n:
                j = i + 1
                while j < n and unicodedata.combining(gap[j]):
                    j += 1
                piece = gap[i:j]
                norm = unicodedata.normalize("NFC", piece)
                add(start + i, start + j, norm, norm == piece)
                i = j

        pos = 0
        for m in _SPECIAL_RE.finditer(text):
            plain(pos, m.start())
            cluster = m.group()
            norm = clean(cluster)
            add(m.start(), m.end(), norm, norm == cluster)
            pos = m.end()
        plain(pos, len(text))
        self.text = "".join(out)
        self._view_starts = [p[0] for p in self._pieces]

    def _piece(self, offset: int) -> Tuple[int, int, int, int, bool]:
        """The piece holding view character `offset` (offset < len(text)), skipping pieces
        that became empty (removed format characters)."""
        i = bisect.bisect_right(self._view_starts, offset) - 1
        while self._pieces[i][2] == 0 or offset >= self._pieces[i][0] + self._pieces[i][2]:
            i += 1
        return self._pieces[i]

    def start(self, offset: int) -> int:
        """The article offset of the view character at `offset` (its cluster's start)."""
        if self.identity:
            return offset
        if offset >= len(self.text):
            return self._pieces[-1][1] + self._pieces[-1][3] if self._pieces else 0
        vs, os_, _, _, same = self._piece(offset)
        return os_ + (offset - vs) if same else os_

    def end(self, offset: int) -> int:
        """The article offset just after the view character before `offset` (its cluster's
        end)."""
        if self.identity:
            return offset
        if offset <= 0:
            return self._pieces[0][1] if self._pieces else 0
        vs, os_, vl, ol, same = self._piece(offset - 1)
        return os_ + (offset - vs) if same else os_ + ol

    def view_offset(self, offset: int, side: str = "start") -> int:
        """The view offset of article offset `offset` (inside a cluster: its start, or its end
        for side="end")."""
        if self.identity:
            return offset
        i = bisect.bisect_right(self._pieces, (offset, float("inf")),
                                key=lambda p: (p[1], 0)) - 1
        if i < 0:
            return 0
        vs, os_, vl, ol, same = self._pieces[i]
        if offset >= os_ + ol:
            return vs + vl
        if same:
            return vs + (offset - os_)
        return vs if side == "start" or offset == os_ else vs + vl

    def view_span(self, start: int, end: int) -> Tuple[int, int]:
        return self.view_offset(start, "start"), self.view_offset(end, "end")

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
