"""The expected English form of a name found in a source text, and comparison of name forms.

Expected form, in order:
1. the house form of a known entity: mtqa/data/source-names.tsv (Cyrillic words of
   SpellingUkraine's people, places and companies, Ukrainian and Russian spellings, built by
   scripts/build_source_names.py), so a Ukrainian person or place in a Russian source still
   gets the Ukrainian form (Киев -> Kyiv, Зеленского -> Zelenskyy). Given names alone are
   used for Ukrainian sources only (a Russian "Ольга" may well be a Russian Olga);
2. the glossary canonical when a romanised (or, for Latin-script sources, copied) form is one
   of a glossary entry's forms (Харькове -> Kharkov -> glossary Kharkiv);
3. otherwise the romanisation: Ukrainian National 2010 for Ukrainian, BGN/PCGN for Russian,
   with case endings handled (Гостомелі -> Hostomel); Latin-script sources are copied through.

Comparison: a romanised form is "present" when a target word has the same *loose key* (case,
diacritics, apostrophes and the i/y/j, x/ks, doubled-letter spellings folded: Zelenskyy,
Zelenskyi, Zelensky; Mariya, Maria), because English news writes those freely; a house form
(1, 2) must be there exactly. Diacritics: a Latin-script source's "Luboš" is matched by
"Lubos" (folded), and "Lubos" is never suggested over "Luboš" or the reverse.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, NamedTuple, Optional, Tuple

from mtqa.source.romanize import _ENDINGS, _NOMINATIVE, STRESS_MARK, lemma_forms

_DATA = Path(__file__).resolve().parent.parent / "data" / "source-names.tsv"


@lru_cache(maxsize=1)
def lexicon() -> Dict[str, Tuple[str, str]]:
    out: Dict[str, Tuple[str, str]] = {}
    with open(_DATA, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cyrillic, english, kind = line.rstrip("\n").split("\t")
            out[cyrillic] = (english, kind)
    return out


class Expected(NamedTuple):
    forms: Tuple[str, ...]   # candidate English forms, the likeliest first
    exact: bool              # a house form (lexicon, glossary): must appear as written
    origin: str              # "SpellingUkraine", "glossary", "KMU 2010", "BGN/PCGN", "source"


def _lexicon_hit(word: str, lang: str) -> Optional[str]:
    table = lexicon()
    low = word.lower().replace(STRESS_MARK, "")
    candidates = [low]
    for ending in _ENDINGS.get(lang, ()):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[:len(low) - len(ending)]
            candidates.extend(stem + n for n in _NOMINATIVE[lang])
    for c in candidates:
        hit = table.get(c)
        if hit and (hit[1] == "entity" or lang == "uk"):
            return hit[0]
    return None


def glossary_words(glossary, entities_only: bool = False) -> Dict[str, str]:
    """Word of any glossary form -> the corresponding word of the canonical name, for forms
    with as many words as the canonical (word by word), when unambiguous. `entities_only`
    leaves out given names (given-name entries, a person's words before the surname): for
    Russian sources, where a given name alone says nothing about the person."""
    cache = glossary.__dict__.setdefault("_source_words", {})
    if entities_only in cache:
        return cache[entities_only]
    mapping: Dict[str, str] = {}
    clashes = set()
    for form, (kind, entry, fix) in glossary.forms.items():
        if entities_only and entry.type == "given-name":
            continue
        canonical = (fix or entry.name).split()
        words = form.split()
        if len(words) != len(canonical):
            continue
        for k, (w, c) in enumerate(zip(words, canonical)):
            if len(w) < 3 or not w[:1].isupper():
                continue
            if entities_only and entry.type == "person" and k < len(words) - 1:
                continue
            if mapping.get(w, c) != c:
                clashes.add(w)
            mapping[w] = c
    for w in clashes:
        mapping.pop(w, None)
    cache[entities_only] = mapping
    return mapping


def expected_forms(word: str, lang: Optional[str], glossary=None) -> Optional[Expected]:
    if lang in ("uk", "ru") and re.search(r"[\u0400-\u04ff]", word):
        hit = _lexicon_hit(word, lang)
        if hit:
            return Expected((hit,), True, "SpellingUkraine")
        forms = lemma_forms(word, lang)
        if glossary is not None:
            words = glossary_words(glossary, entities_only=lang == "ru")
            for f in forms:
                if f in words:
                    return Expected((words[f],), True, "glossary")
        return Expected(forms, False, "KMU 2010" if lang == "uk" else "BGN/PCGN")
    if re.fullmatch(r"[^\W\d_]+(?:['’][^\W\d_]+)?", word) and word.isascii() or \
            all(unicodedata.category(ch).startswith("L") and ord(ch) < 0x250 for ch in word):
        if glossary is not None:
            words = glossary_words(glossary)
            if word in words:
                return Expected((words[word],), True, "glossary")
        return Expected((word,), False, "source")
    return None  # other scripts (Chinese): no romanisation here


def fold(text: str) -> str:
    """Lower case without diacritics."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def loose_key(word: str) -> str:
    """A key equal for spellings English news uses interchangeably for one romanised name."""
    k = re.sub(r"[^a-z]", "", fold(word))
    k = k.replace("x", "ks").replace("j", "y").replace("i", "y").replace("w", "v")
    return re.sub(r"(.)\1+", r"\1", k)


def distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


def near(target_word: str, expected: str) -> bool:
    """Is the target word a near form (a misspelling or other romanisation) of the expected
    one? Edit distance on loose keys: 1 up to 6 letters, 2 up to 10, 3 beyond."""
    a, b = loose_key(target_word), loose_key(expected)
    if a == b or min(len(a), len(b)) < 4:
        return False
    limit = 1 if len(b) <= 6 else 2 if len(b) <= 10 else 3
    return distance(a, b) <= limit
