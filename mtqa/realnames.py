"""Real-name knowledge shipped as data (mtqa/data/README.md): given names by country and
Ukrainian places with their Russian-derived English forms. Loaded on first use.

The name rules ask it whether a word is a real name ("Elisabeth" is a given name, so not a
mangled "Elizabeth"; "Wenchuan" is a county, so not a mangled "Wenchang").
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

from mtqa.sortedtext import SwitchingLookup, line_at_or_after

_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def given_names() -> Dict[str, str]:
    """given name -> space-separated country codes where it is used."""
    out = {}
    with open(_DATA / "given-names.tsv", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                name, _, countries = line.rstrip("\n").partition("\t")
                out[name] = countries
    return out


@lru_cache(maxsize=None)
def _given_names_text() -> str:
    # the file as one string: reading it costs ~1 ms, parsing 53,000 lines into a dict
    # ~120 ms (a one-file check asks about a handful of words). Its UTF-8 bytes are read as
    # Latin-1, one character per byte (a copy), instead of decoded: decoding 700 KB of
    # non-ASCII UTF-8 cost ~15 M instructions of every start-up (coldstart5). Byte order
    # is code point order, so the sorted file stays sorted; words are looked up in the same
    # form (_as_stored).
    return "\n" + (_DATA / "given-names.tsv").read_bytes().decode("latin-1")


def _as_stored(word: str) -> str:
    """A word as _given_names_text holds it: its UTF-8 bytes, one character per byte."""
    return word.encode("utf-8", "surrogatepass").decode("latin-1")


def _search_given_name_line(word: str) -> Optional[str]:
    """The rest of the sorted given-names file's line for `word` (after its tab, still in
    the file's one-byte-per-character form), or None when no line begins with `word` and a
    tab. A binary search over the lines (the build script writes the file sorted;
    tests/test_coldstart.py checks it): searching the whole 700 KB string for each word cost
    ~0.1 ms a word, most of the name rules' time in a one-file check."""
    if not word or "\t" in word or "\n" in word:
        return None
    text, stored = _given_names_text(), _as_stored(word)
    at = line_at_or_after(text, stored, "\t")
    if not text.startswith(stored + "\t", at):
        return None
    end = text.find("\n", at)
    return text[at + len(stored) + 1:end if end >= 0 else len(text)]


def _given_name_index():
    """_search_given_name_line answered from the file's lines and their keys in two lists
    (bisected in C, ~1 µs, where the search over the text costs ~11 µs; built in ~15 ms,
    so only after many distinct words: a batch). The same answers: the first line whose key
    is not below the word, which must be the word's. A file out of order keeps the search."""
    lines = _given_names_text().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # (after the final newline: the search never reads it either)
    keys = [line.partition("\t")[0] for line in lines]
    if any(a > b for a, b in zip(keys, keys[1:])):
        return _search_given_name_line

    def answer(word: str) -> Optional[str]:
        if not word or "\t" in word or "\n" in word:
            return None
        stored = _as_stored(word)
        i = bisect_left(keys, stored)
        if i < len(keys) and keys[i] == stored:
            key, tab, rest = lines[i].partition("\t")
            return rest if tab else None
        return None
    return answer


# one search per distinct word for both questions asked of it (is_given_name and
# given_name_countries: 6,100 searches for 5,000 words on 292 WMT23 articles), remembered
# (bounded: mtqa.sortedtext.MEMO_LIMIT); after 1,000 distinct words the lines are indexed
_INDEX_AFTER = 1_000
_given_name_line = SwitchingLookup(_search_given_name_line, _given_name_index, _INDEX_AFTER)


def is_given_name(word: str) -> bool:
    """Is `word` a given name somewhere (its file line looked up once per distinct word)?"""
    return _given_name_line(word) is not None


@lru_cache(maxsize=65536)
def given_name_countries(word: str) -> str:
    """The space-separated country codes where `word` is a given name ("" if it is none), as
    given_names() holds them, found by the same bisection as is_given_name (no parse)."""
    line = _given_name_line(word)
    return "" if line is None else line.encode("latin-1").decode("utf-8")


def _parse_ua_forms(lines) -> Dict[str, Tuple[Tuple[Tuple[str, ...], str, str], ...]]:
    table: Dict[str, list] = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        form, house, _ = line.split("\t")
        words = tuple(form.replace("-", " ").split())
        table.setdefault(words[0], []).append((words, form, house))
    return {k: tuple(sorted(v, key=lambda c: -len(c[0]))) for k, v in table.items()}


class _FormsByFirstWord:
    """first word -> its forms, read from the file's text on demand: a one-file check asks
    about a few dozen words, for which searching the text is cheaper than parsing all 3,000
    lines (~5 ms of start-up); after many distinct words (a batch) the whole table is
    parsed once (mtqa.sortedtext)."""

    _PARSE_ALL_AFTER = 500

    def __init__(self, text: str):
        self._text = "\n" + text
        self._table: Dict[str, tuple] = {}
        self._lookup = SwitchingLookup(self._search, self._parse_all, self._PARSE_ALL_AFTER)

    def _parse_all(self):
        self._table = _parse_ua_forms(self._text.split("\n"))
        return self._table.get

    def get(self, word: str, default=None):
        found = self._lookup(word)
        return found if found else default

    def __contains__(self, word: str) -> bool:
        return bool(self._lookup(word))

    def first_words(self):
        """What article.positions_of should test tokens against: the parsed table once there
        is one (a C-level dict look-up per token instead of a Python call), else this."""
        return self._table if self._lookup.switched else self

    def _search(self, word: str) -> tuple:
        text, lines = self._text, []
        if not word or "\n" in word or "\t" in word:
            return ()
        # the lines are sorted by their first field, so those beginning with the word follow
        # one another from the first one not below it (a bisection: searching the whole text
        # for each of an article's words cost a one-file check ~5 M instructions)
        at = line_at_or_after(text, word, "\t") - 1
        while text.startswith(word, at + 1):
            end = text.find("\n", at + 1)
            line = text[at + 1:end if end >= 0 else len(text)]
            if line[len(word):len(word) + 1] in (" ", "-", "\t"):
                lines.append(line)
            at = end if end >= 0 else len(text)
        return _parse_ua_forms(lines).get(word, ())

    def values(self):
        self._lookup.switch()
        return self._table.values()


@lru_cache(maxsize=None)
def ua_russian_forms() -> _FormsByFirstWord:
    """first word -> ((words of a Russian-derived form, the form, house form), ...), longest first:
    places in Ukraine (GeoNames) written the Russian way (Vinogradar for Vynohradar). Ask it
    with `.get(word)`."""
    return _FormsByFirstWord((_DATA / "ua-russian-forms.tsv").read_text(encoding="utf-8"))
