"""The English dictionary of `spell-unknown-word`: is a lower-case word English, and which
dictionary words is it probably a misspelling of?

The word list (mtqa/data/english-spelling.txt.gz, built by scripts/build_spelling_dictionary.py)
holds about 290,000 lower-case words with every Hunspell inflection spelled out, British and
American spellings both. It is read on first use (~0.1 s), never at start-up.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List

from mtqa.lexicon import zipf
from mtqa.sortedtext import SwitchingLookup, from_utf8, has_line, line_at_or_after, utf8

_DATA = Path(__file__).resolve().parent / "data" / "english-spelling.txt.gz"
_NEWS_WORDS = Path(__file__).resolve().parent / "data" / "spelling-news-words.txt"


_SEARCHES_BEFORE_SET = 3_000  # distinct words searched before the list becomes a set


class SortedBlob:
    """A sorted word list kept as one string and searched by bisection, with answers
    remembered (mtqa.sortedtext): decompressing it costs ~15 ms where building a 290,000-word
    set costs ~70 ms, which a one-file run (cold start ~0.18 s) would feel; a batch asks about
    each distinct word once, and after a few thousand distinct words (a bisection costs ~30 µs
    in Python, the list as a set ~100 ms once) asks the list as a set."""

    def __init__(self, blob, extra=()):
        # kept as UTF-8 bytes (str is encoded): the cache gives it back without decoding
        # 3 MB, ~3 M instructions of every start-up; UTF-8 sorts as the code points do, so
        # the bisection finds what it found in the text
        self._blob = utf8(blob)
        self._extra = frozenset(extra)
        self._lookup = SwitchingLookup(self._search, self._as_set, _SEARCHES_BEFORE_SET)

    def _search(self, word: str) -> bool:
        if word in self._extra:
            return True
        if not word or "\n" in word:
            return False
        return has_line(self._blob, utf8(word))

    def _as_set(self):
        return ((frozenset(from_utf8(self._blob).split("\n")) | self._extra)
                - {""}).__contains__

    def __contains__(self, word) -> bool:
        return self._lookup(word)

    def words(self, first: str = "") -> List[str]:
        """All words, or those beginning with `first` (one slice of the sorted string)."""
        if not first:
            return [w for w in from_utf8(self._blob).split("\n") if w] + sorted(self._extra)
        blob = self._blob
        start = line_at_or_after(blob, utf8(first))
        end = line_at_or_after(blob, utf8(first[:-1] + chr(ord(first[-1]) + 1)))
        return ([w for w in from_utf8(blob[start:end]).split("\n") if w]
                + sorted(w for w in self._extra if w.startswith(first)))

    def __getstate__(self):
        # (mtqa.cache) the sorted string and the extra words; answers are not kept
        return {"blob": self._blob, "extra": sorted(self._extra)}

    def __setstate__(self, state):
        self.__init__(state["blob"], state["extra"])


def _read_dictionary() -> SortedBlob:
    import gzip  # only when the cache misses

    with gzip.open(_DATA, "rt", encoding="utf-8") as fh:
        blob = fh.read()
    if blob.startswith("#"):
        blob = blob[blob.index("\n") + 1:]
    with open(_NEWS_WORDS, encoding="utf-8") as fh:
        extra = {line.split("#")[0].strip().lower() for line in fh} - {""}
    return SortedBlob(blob.rstrip("\n"), extra)


@lru_cache(maxsize=None)
def dictionary() -> SortedBlob:
    """The dictionary, from the on-disk cache (mtqa.cache) when the files are unchanged:
    decompressing the word list cost every one-file check ~15 ms; reading the cached string
    back costs about a millisecond."""
    from mtqa import cache

    return cache.cached_for_files("english-spelling", [_DATA, _NEWS_WORDS, Path(__file__)],
                                  _read_dictionary, SortedBlob)


@lru_cache(maxsize=64)
def _buckets(first: str) -> Dict[int, List[str]]:
    """length -> dictionary words beginning with `first`: suggestions score only these, and
    only the letters asked for are ever split out of the list."""
    out: Dict[int, List[str]] = {}
    for w in dictionary().words(first):
        out.setdefault(len(w), []).append(w)
    return out


_SIBILANT = ("s", "x", "z", "ch", "sh")


def _irregular_plural(stem: str) -> set:
    """The plurals English forms without -s that a noun may have (wife -> wives, child ->
    children, woman -> women, foot -> feet, mouse -> mice, person -> people)."""
    out = {stem + "ren"}
    if stem.endswith("fe"):
        out.add(stem[:-2] + "ves")
    if stem.endswith("f"):
        out.add(stem[:-1] + "ves")
    if stem.endswith("man"):
        out.add(stem[:-3] + "men")
    if "oo" in stem[-4:]:
        out.add(stem[::-1].replace("oo", "ee", 1)[::-1])
    if stem.endswith("ouse"):
        out.add(stem[:-4] + "ice")
    if stem.endswith("person"):
        out.add(stem[:-6] + "people")
    return out


def _regular_inflection(word: str, known) -> bool:
    """Is the word a regular plural, third person, past or -ing form of a known word whose
    inflection the dictionary does not spell out? Not when the dictionary has an irregular form
    instead: "wifes" is no plural of wife, because "wives" is."""
    if word.endswith("ies") and word[:-3] + "y" in known:
        return True
    if word.endswith("es") and word[:-2] in known and word[:-2].endswith(_SIBILANT):
        return True
    if word.endswith("s") and not word.endswith("ss"):
        stem = word[:-1]
        if stem in known and not stem.endswith(_SIBILANT):
            if any(p in known for p in _irregular_plural(stem)):
                return False
            if len(stem) > 2 and stem[-1] == "y" and stem[-2] not in "aeiou":
                return False  # city -> cities
            return True
    for ending in ("ed", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if stem in known or stem + "e" in known:
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in known:
                return True  # doubled consonant: shipped, planning
    return False


# Prefixes English writes closed up with any word ("defund", "counterprotesters",
# "postbacklash"); Hunspell lists only the established ones.
PREFIXES = ("anti", "counter", "post", "pre", "non", "over", "under", "super", "mega", "multi",
            "inter", "cyber", "semi", "mid", "sub", "ultra", "micro", "pro", "de", "re", "un",
            "co", "mis", "hyper", "neo", "pseudo", "quasi", "self", "trans", "out", "geo", "bio",
            "eco", "socio", "euro", "narco", "mini", "tele", "auto")
# Parts of a closed compound of two words ("rightwing", "arthouse") must be at least this long
# and this frequent (Zipf), so that a misspelling rarely splits into two words by chance.
_COMPOUND_PART = 3
_COMPOUND_ZIPF = 3.5
# A word seen this often in wordfreq's corpora (once in 100 million words) is English unless a
# word one edit away is this much more frequent: frequent misspellings ("wifes" 2.5 next to
# "wife" 5.2, "recieve" 2.8 next to "receive" 4.8) sit far below their word; rare real words
# (festivus, shawarma, faience) have no such neighbour.
_ATTESTED_ZIPF = 2.0
_MISSPELLING_GAP = 1.5


_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
# A coinage one edit from a word this common is more likely its misspelling ("untill").
VERY_COMMON_ZIPF = 5.0


def one_edit(word: str):
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b:
            yield a + b[1:]
            for c in _LETTERS:
                yield a + c + b[1:]
        if len(b) > 1:
            yield a + b[1] + b[0] + b[2:]
        for c in _LETTERS:
            yield a + c + b


def near_very_common(word: str) -> bool:
    return any(e != word and zipf(e) >= VERY_COMMON_ZIPF for e in one_edit(word))


# Neoclassical endings: a word built on one is a learned coinage (somnologist, matronym,
# rotoscopic), which dictionaries list only in part and MT does not misspell into.
LEARNED_ENDINGS = ("ologist", "ologists", "ology", "ologies", "onym", "onyms", "scopic",
                   "graphy", "metry", "philia", "phobia", "phobic", "cracy", "itis")
# Derivational endings on a known word (rotoscope -> rotoscopic, color -> colorism).
_DERIVED = ("ic", "ical", "ist", "ists", "ism", "isms", "ly", "ness", "less", "like", "ish")
_ELONGATION = re.compile(r"(.)\1\1")


def _known_simple(w: str, known) -> bool:
    return w in known or _regular_inflection(w, known)


def is_known(word: str, extra: FrozenSet[str] = frozenset()) -> bool:
    """A lower-case word (letters, inner apostrophes) that English spells this way: a dictionary
    word or one of `extra` (house words, glossary names), a regular inflection of one, a prefix
    before one, or two frequent words closed up."""
    w = word.replace("’", "'")
    return w in extra or _is_known(w)


@lru_cache(maxsize=1 << 17)
def _is_known(w: str) -> bool:
    known = dictionary()
    if _known_simple(w, known):
        return True
    z = zipf(w)
    if z >= _ATTESTED_ZIPF and not any(e != w and zipf(e) >= z + _MISSPELLING_GAP
                                      for e in one_edit(w)):
        return True  # attested in wordfreq, and not as the misspelling of a common word
    if _ELONGATION.search(w):
        return True  # expressive spelling of chat ("lolll", "sooo"), not a slip
    if near_very_common(w):
        return False
    for ending in LEARNED_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return True
    for ending in _DERIVED:
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            stem = w[: -len(ending)]
            if stem in known or stem + "e" in known:
                return True
    for prefix in PREFIXES:
        if w.startswith(prefix) and len(w) - len(prefix) >= 3 and _known_simple(
                w[len(prefix):], known):
            return True
    for i in range(_COMPOUND_PART, len(w) - _COMPOUND_PART + 1):
        head, tail = w[:i], w[i:]
        if (head in known and zipf(head) >= _COMPOUND_ZIPF and _known_simple(tail, known)
                and zipf(tail.rstrip("s")) >= _COMPOUND_ZIPF):
            return True
    return False


def suggestions(word: str, limit: int = 5) -> List[str]:
    """Dictionary words near a misspelling, best first (see _suggestions)."""
    return list(_suggestions(word, limit))


@lru_cache(maxsize=4096)
def _suggestions(word: str, limit: int) -> tuple:
    """Dictionary words within two edits (one for words under five letters) that begin with the
    word's first letter, nearest first, then the more frequent. The first letter of a
    misspelling is right in over nine cases in ten (Pollock and Zamora, 1984, "Automatic
    spelling correction in scientific and scholarly text", CACM 27(4)); keeping it also keeps
    "vtable" from becoming "table"."""
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

    most = 1 if len(word) < 5 else 2
    found = []
    buckets = _buckets(word[0])
    for n in range(len(word) - most, len(word) + most + 1):
        bucket = buckets.get(n)
        if not bucket:
            continue
        # Levenshtein (bit-parallel, ~3x faster here) first: a transposition costs it two
        # edits, so every word within `most` Damerau-Levenshtein edits is within 2 * most
        # Levenshtein edits, and only those few are scored exactly
        near = [c for c, _, _ in process.extract(word, bucket, scorer=Levenshtein.distance,
                                                 score_cutoff=2 * most, limit=None)]
        for cand, dist, _ in process.extract(word, near, scorer=DamerauLevenshtein.distance,
                                             score_cutoff=most, limit=None):
            # same last letter first: "wifes" -> "wives" before "wife"
            found.append((dist, cand[-1] != word[-1], -zipf(cand), cand))
    found.sort()
    return tuple(cand for *_, cand in found[:limit])
