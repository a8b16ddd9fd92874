"""Building a prose view: start from a fully blanked copy of the original (every character a
space, newlines kept), then reveal the article text that the markup shows a reader."""
from __future__ import annotations

import html
import re
from typing import List, Tuple

from mtqa.formats import ProseView

_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class ViewBuilder:
    def __init__(self, original: str):
        self.original = original
        self.chars = [c if c == "\n" else " " for c in original]
        self.verbatim = bytearray(len(original))
        self.headings: List[Tuple[int, int]] = []

    def reveal(self, start: int, end: int) -> None:
        """Show original[start:end] as it is."""
        self.chars[start:end] = self.original[start:end]
        self.verbatim[start:end] = b"\x01" * (end - start)

    def put(self, pos: int, ch: str) -> None:
        """Show `ch` at `pos` though the original has something else there (a decoded entity,
        a space joining a wrapped line, a newline ending a block)."""
        self.chars[pos] = ch
        self.verbatim[pos] = 0

    def blank(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.chars[i] = "\n" if self.original[i] == "\n" else " "
            self.verbatim[i] = 0

    def entity(self, start: int, end: int) -> None:
        """A character reference (&amp; &#8217;): its character at the first position, the
        rest blank, so offsets stay those of the original."""
        decoded = html.unescape(self.original[start:end])
        self.blank(start, end)
        if decoded == "\xa0":
            decoded = " "
        if len(decoded) == 1 and decoded.isprintable():
            self.put(start, decoded)

    def runs(self) -> List[Tuple[int, int]]:
        return [m.span() for m in re.finditer(rb"\x01+", bytes(self.verbatim))]

    def build(self, **extra) -> ProseView:
        text = "".join(self.chars)
        trimmed = []
        for s, e in self.headings:  # headings without the blanks around their text
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                trimmed.append((s, e))
        self.headings = trimmed
        assert len(text) == len(self.original)
        return ProseView(text, headings=self.headings, prose_runs=self.runs(), **extra)
