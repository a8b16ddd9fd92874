"""English word frequencies and real-world place-name words, loaded on first use
(see mtqa/data/README.md).

Parsing the 93,000-line frequency table takes ~70 ms, a third of a one-file run's budget, and
even unpickling it as a dict takes ~25 ms (the dict is rebuilt entry by entry). The table is
therefore cached on disk (mtqa.cache) as a `SortedWords`: the words in one sorted string and
two flat arrays, which load in about a millisecond; look-ups search it and remember answers.
"""
from __future__ import annotations

from array import array
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional

from mtqa.sortedtext import SwitchingLookup, from_utf8, utf8

_DATA = Path(__file__).resolve().parent / "data" / "english-zipf.txt"
_WORLD_NAMES = Path(__file__).resolve().parent / "data" / "world-names.txt"


_SEARCHES_BEFORE_DICT = 2_000  # distinct words searched before the table becomes a dict


class SortedWords:
    """A read-only word -> small int table (0..255) stored as one sorted string; `get` is a
    binary search, remembered per word (mtqa.sortedtext), so a large batch searches once per
    distinct word, and after a few thousand distinct words (a search costs ~15 µs in Python,
    the whole table as a dict ~40 ms once) asks the table as a dict."""

    def __init__(self, table: Dict[str, int]):
        # the words as UTF-8 bytes, offsets in bytes: the cache gives the blob back without
        # decoding it (~1 M instructions of every start-up per MB); UTF-8 sorts as the code
        # points do, so the bisection is that of the sorted words
        words = sorted(table)
        encoded = [utf8(w) for w in words]
        starts = array("I")
        pos = 0
        for w in encoded:
            starts.append(pos)
            pos += len(w) + 1
        starts.append(pos)
        self.__setstate__((b"\n".join(encoded) + b"\n", starts,
                           bytes(table[w] for w in words)))

    def __len__(self) -> int:
        return len(self._values)

    def _word(self, i: int) -> bytes:
        return self._blob[self._starts[i]:self._starts[i + 1] - 1]

    def _search(self, word: str) -> Optional[int]:
        """The word's value, or None."""
        blob, starts, key = self._blob, self._starts, utf8(word)
        lo, hi = 0, len(self._values)
        while lo < hi:  # bisect by hand: bisect's key= needs Python 3.10
            mid = (lo + hi) // 2
            if blob[starts[mid]:starts[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        return self._values[lo] if lo < len(self._values) and self._word(lo) == key else None

    def _as_dict(self):
        words = from_utf8(self._blob[:-1]).split("\n")
        return dict(zip(words, self._values)).get

    def get(self, word: str, default: int = 0) -> int:
        found = self._lookup(word)
        return default if found is None else found

    def __contains__(self, word) -> bool:
        return self._lookup(word) is not None

    def __getstate__(self):
        return (self._blob, self._starts, self._values)

    def __setstate__(self, state):
        self._blob, self._starts, self._values = state
        self._lookup = SwitchingLookup(self._search, self._as_dict, _SEARCHES_BEFORE_DICT)


def _parse() -> Dict[str, int]:
    table = {}
    with open(_DATA, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, z = line.rstrip("\n").split("\t")
            table[word] = int(z)
    return table


@lru_cache(maxsize=None)
def _table() -> SortedWords:
    from mtqa import cache

    return cache.cached_for_files("english-zipf", [_DATA, Path(__file__)],
                                  lambda: SortedWords(_parse()), SortedWords)


def zipf(word: str) -> float:
    """Zipf frequency of a word in English (0 for words rarer than 1 in 100 million)."""
    return _table().get(word.lower().replace("’", "'"), 0) / 10


def _parse_world_names() -> frozenset:
    with open(_WORLD_NAMES, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if not line.startswith("#"))


def _world_names_table() -> SortedWords:
    return SortedWords(dict.fromkeys(_parse_world_names(), 0))


@lru_cache(maxsize=None)
def world_names() -> SortedWords:
    """Words of real place names worldwide (mtqa/data/world-names.txt), for `word in
    world_names()`. Cached on disk as a SortedWords (one sorted string and two arrays): a
    frozenset of 140,000 words took ~15 ms to decode at every start-up, the table takes
    well under a millisecond."""
    from mtqa import cache

    return cache.cached_for_files("world-names", [_WORLD_NAMES, Path(__file__)],
                                  _world_names_table, SortedWords)
