"""English word frequencies and real-world place-name words, loaded on first use
(see mtqa/data/README.md).

Parsing the 93,000-line frequency table takes ~70 ms, a third of a one-file run's budget; the
parsed table is cached on disk (mtqa.cache) and loads from there in a fraction of that.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict

_DATA = Path(__file__).resolve().parent / "data" / "english-zipf.txt"
_WORLD_NAMES = Path(__file__).resolve().parent / "data" / "world-names.txt"


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
def _table() -> Dict[str, int]:
    from mtqa import cache

    try:
        key = cache.file_key([_DATA])
    except OSError:
        key = None
    table = cache.cached("english-zipf", key, _parse)
    return table if isinstance(table, dict) else _parse()


def zipf(word: str) -> float:
    """Zipf frequency of a word in English (0 for words rarer than 1 in 100 million)."""
    return _table().get(word.lower().replace("’", "'"), 0) / 10


def is_common_word(word: str, threshold: float = 3.0) -> bool:
    return zipf(word) >= threshold


@lru_cache(maxsize=None)
def world_names() -> frozenset:
    """Words of real place names worldwide (mtqa/data/world-names.txt)."""
    with open(_WORLD_NAMES, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if not line.startswith("#"))
