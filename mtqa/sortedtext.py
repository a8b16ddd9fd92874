"""Word tables kept as sorted text, and the one mechanism that answers questions about them.

mtqa ships several large word tables (the spelling dictionary, word frequencies, place-name
words, given names, Russian forms of Ukrainian places). Parsing one into a set or dict costs
15-120 ms, which a one-file check (cold start ~0.2 s) would feel, while it asks about a few
dozen words. So a table stays compact text (or a sorted string with offsets) and each question
is answered by a search, remembered per key; a batch, which asks about tens of thousands of
distinct words, switches once to the whole table as a set or dict, built on its
`switch_after`-th distinct question. Used by spelling.SortedBlob, lexicon.SortedWords,
realnames.is_given_name and realnames._FormsByFirstWord.
"""
from __future__ import annotations

from typing import Callable, Dict, Generic, Optional, TypeVar

Answer = TypeVar("Answer")

# answers remembered before the memo starts again: a stream of unseen tokens must not grow it
MEMO_LIMIT = 200_000


class SwitchingLookup(Generic[Answer]):
    """`lookup(key)`: the answer of `search(key)` (slow, nothing to build), remembered per key;
    once `switch_after` distinct keys were searched, `build()` makes the whole table once and
    returns the function that answers from it (e.g. a frozenset's `__contains__`), which
    answers every later question. Both must give the same answer for every key."""

    __slots__ = ("_search", "_build", "_switch_after", "_memo_limit", "_memo", "_fast")

    def __init__(self, search: Callable[[str], Answer],
                 build: Optional[Callable[[], Callable[[str], Answer]]] = None,
                 switch_after: int = 0, memo_limit: int = MEMO_LIMIT):
        self._search = search
        self._build = build  # None: never switch (the table is too costly to build whole)
        self._switch_after = switch_after
        self._memo_limit = memo_limit
        self._memo: Dict[str, Answer] = {}
        self._fast: Optional[Callable[[str], Answer]] = None

    def __call__(self, key: str) -> Answer:
        fast = self._fast
        if fast is not None:
            return fast(key)
        memo = self._memo
        try:
            return memo[key]
        except KeyError:
            pass
        if self._build is not None and len(memo) >= self._switch_after:
            return self.switch()(key)
        found = self._search(key)
        if len(memo) >= self._memo_limit:
            memo.clear()
        memo[key] = found
        return found

    def switch(self) -> Callable[[str], Answer]:
        """The whole table's answering function (built now if not yet)."""
        if self._fast is None:
            self._fast = self._build()
            self._memo = {}
        return self._fast

    @property
    def switched(self) -> bool:
        return self._fast is not None


def utf8(text) -> bytes:
    """A table or key as the UTF-8 bytes a table is kept in (bytes pass through): the cache
    gives bytes back without decoding them, and UTF-8 sorts as the code points do."""
    return text if type(text) is bytes else text.encode("utf-8", "surrogatepass")


def from_utf8(blob: bytes) -> str:
    return blob.decode("utf-8", "surrogatepass")


def line_at_or_after(text, key, field_end: str = "\n") -> int:
    """Offset of the first line of `text` whose key is not below `key` (len(text) if none).
    The lines are sorted by their keys; a line's key is the line up to its first `field_end`
    (a tab for a table of fields) or its end. A binary search over the lines: searching the
    whole text for each word cost ~0.1 ms a word. `text` and `key` may be UTF-8 bytes (a
    table kept undecoded: UTF-8 sorts as the code points do)."""
    newline = "\n"
    if type(text) is not str:
        newline, field_end = b"\n", field_end.encode()
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind(newline, 0, mid) + 1
        line_end = text.find(newline, start)
        if line_end < 0:
            line_end = len(text)
        end = line_end if field_end == newline else text.find(field_end, start, line_end)
        if end < 0:
            end = line_end  # a line without the field separator (a header comment)
        if text[start:end] < key:
            lo = line_end + 1
        else:
            hi = start
    return min(lo, len(text))


def has_line(text, key) -> bool:
    """Is `key` a whole line of `text` (lines sorted; str, or UTF-8 bytes with a bytes key)?"""
    start = line_at_or_after(text, key)
    end = text.find("\n" if type(text) is str else b"\n", start)
    return text[start:end if end >= 0 else len(text)] == key
