"""Real-name knowledge shipped as data (mtqa/data/README.md): given names by country and
Ukrainian places with their Russian-derived English forms. Loaded on first use.

The name rules ask it whether a word is a real name ("Elisabeth" is a given name, so not a
mangled "Elizabeth"; "Wenchuan" is a county, so not a mangled "Wenchang").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Tuple

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
    # ~120 ms (a one-file check asks about a handful of words)
    return "\n" + (_DATA / "given-names.tsv").read_text(encoding="utf-8")


_GIVEN: Dict[str, bool] = {}
# After this many distinct words the names go into a set: a substring search costs ~0.7 ms,
# the set ~60 ms once, so a one-file check keeps the cheap start and a batch (thousands of
# distinct words) stops paying a search per word.
_SEARCHES_BEFORE_SET = 100
_NAME_SET: List[FrozenSet[str]] = []


def _name_set() -> FrozenSet[str]:
    # every line's text before its first tab: exactly what the substring search finds
    if not _NAME_SET:
        _NAME_SET.append(frozenset(re.findall(r"\n([^\t\n]+)\t", _given_names_text())))
    return _NAME_SET[0]


def is_given_name(word: str) -> bool:
    """Is `word` a given name somewhere (a substring search once per distinct word, a set
    look-up once many words were asked about)?"""
    known = _GIVEN.get(word)
    if known is None:
        if "\t" in word or "\n" in word or not word:
            known = False
        elif _NAME_SET or len(_GIVEN) >= _SEARCHES_BEFORE_SET:
            known = word in _name_set()
        else:
            known = f"\n{word}\t" in _given_names_text()
        _GIVEN[word] = known
    return known


@lru_cache(maxsize=None)
def ua_russian_forms() -> Dict[str, Tuple[Tuple[Tuple[str, ...], str, str], ...]]:
    """first word -> ((words of a Russian-derived form, the form, house form), ...), longest first:
    places in Ukraine (GeoNames) written the Russian way (Vinogradar for Vynohradar)."""
    table: Dict[str, list] = {}
    with open(_DATA / "ua-russian-forms.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            form, house, _ = line.rstrip("\n").split("\t")
            words = tuple(form.replace("-", " ").split())
            table.setdefault(words[0], []).append((words, form, house))
    return {k: tuple(sorted(v, key=lambda c: -len(c[0]))) for k, v in table.items()}
