"""Near-miss candidates for a word: which glossary name words is it a probable misspelling of?

Exact lookups happen before this (a word in the glossary is never a near miss). The index
groups name words by (sound class of the first letter, length), so a query compares against a
few dozen words instead of the whole glossary, then scores them with rapidfuzz.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Dict, List, Tuple

from rapidfuzz import fuzz, process

from mtqa.article import TOKEN_RE

# Initial letters that romanisations of one sound differ in (Г -> H/G, Х -> Kh/H, Є -> Ye/E,
# Й -> Y/J/I, vowels heard differently: Aislin/Eislin), so "Gostomel" still meets "Hostomel".
_FIRST_CLASS = {"g": "h", "e": "a", "i": "a", "o": "a", "u": "a", "y": "a", "j": "a",
                "c": "k", "q": "k", "w": "v"}
MIN_LENGTH = 4
MAX_LENGTH_GAP = 2


def first_class(word: str) -> str:
    c = word[:1].lower()
    return _FIRST_CLASS.get(c, c)


class NameIndex:
    def __init__(self, words: Dict[str, object]):
        # word -> payload (the glossary entry it belongs to)
        self.words = words
        self._buckets: Dict[Tuple[str, int], List[str]] = defaultdict(list)
        for w in words:
            if len(w) >= MIN_LENGTH:
                self._buckets[(first_class(w), len(w))].append(w)

    @classmethod
    def from_glossary(cls, glossary) -> "NameIndex":
        from mtqa.glossary import ACCEPT, CANONICAL, VARIANT

        # Single-word names and the surnames of people. Parts of longer names are left out:
        # "Nueva" of Villa Nueva is not a name a word could be a misspelling of.
        words: Dict[str, object] = {}
        for form, (kind, entry, _) in glossary.forms.items():
            if kind not in (CANONICAL, VARIANT, ACCEPT):
                continue
            toks = TOKEN_RE.findall(form)
            if entry.type == "person" and len(toks) > 1:
                toks = toks[-1:]
            if len(toks) == 1 and toks[0][:1].isupper() and not toks[0].isupper():
                words.setdefault(toks[0], entry)
        return cls(words)

    def candidates(self, word: str, cutoff: float = 80.0, limit: int = 5
                   ) -> List[Tuple[str, float, object]]:
        """(name word, similarity 0-100, entry), best first."""
        pool: List[str] = []
        cls = first_class(word)
        for n in range(len(word) - MAX_LENGTH_GAP, len(word) + MAX_LENGTH_GAP + 1):
            pool.extend(self._buckets.get((cls, n), ()))
        if not pool:
            return []
        hits = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(w, score, self.words[w]) for w, score, _ in hits]
