"""Cheap pre-checks for rules whose regex starts with a lookbehind, an anchor or a word
boundary: the regex engine then tries the whole pattern at every character (≈ 30-60 ns each,
≈ 50 µs an article), while a search for a literal runs at memchr speed. Every match of such a
rule holds a literal (" of " after a place word, ".ddd" in a European thousands figure), so
the pattern is tried only in a small window around each place the literal occurs; lookbehinds,
anchors and word boundaries still see the text before the window (re's `pos`), so the answer
is exactly the answer of a search over the whole text."""
from __future__ import annotations

import re
from itertools import repeat
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


def finditer_at(pattern: re.Pattern, text: str, places: re.Pattern, blanks: str = " \t"):
    """The matches of `pattern.finditer(text)`, given that every match starts where `places`
    matches (its search from the match's start finds it there), or in a run of `blanks`
    characters just before such a place. The pattern is tried only there: finditer tries it at
    every character, which costs ~30-60 ns a character when it begins with a lookbehind or a
    character class, while `places` is a cheap literal-led search. Leftmost first, as
    finditer: from `pos`, the first place found is where a match can start soonest (a match
    starting later has its place later), so if none starts there the next place is tried.
    The pattern must not match the empty string."""
    pos = 0
    match = pattern.match
    place = places.search(text)
    while place:
        at = start = place.start()
        while start > pos and text[start - 1] in blanks:
            start -= 1
        m = next(filter(None, map(match, repeat(text), range(start, at + 1))), None)
        if m:
            yield m
            pos = m.end()
        else:
            pos = at + 1
        place = places.search(text, pos)
