"""Cheap pre-checks for rules whose regex starts with a lookbehind, an anchor or a word
boundary: the regex engine then tries the whole pattern at every character (≈ 30-60 ns each,
≈ 50 µs an article), while a search for a literal runs at memchr speed. Every match of such a
rule holds a literal (" of " after a place word, ".ddd" in a European thousands figure), so
the pattern is tried only in a small window around each place the literal occurs; lookbehinds,
anchors and word boundaries still see the text before the window (re's `pos`), so the answer
is exactly the answer of a search over the whole text."""
from __future__ import annotations

import re
from typing import Iterable


def occurs_near(pattern: re.Pattern, text: str, literals: Iterable[str], before: int,
                after: int) -> bool:
    """Does `pattern` match somewhere in `text`, given that each of its matches starts at most
    `before` characters before, and ends at most `after` characters after the start of, an
    occurrence of one of `literals`? The pattern must not look past the end of its match (no
    lookahead, `$` or `\b` at its end): the window's end is the end of the text for it."""
    search, find = pattern.search, text.find
    for literal in literals:
        at = find(literal)
        while at >= 0:
            if search(text, max(0, at - before), at + after):
                return True
            at = find(literal, at + 1)
    return False
