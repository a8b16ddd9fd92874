"""Romanisation of Ukrainian and Russian names, table-driven.

Ukrainian: the National system of 2010, Resolution of the Cabinet of Ministers of Ukraine
no. 55 of 27 January 2010 ("Про впорядкування транслітерації українського алфавіту
латиницею"), table in the annex; also adopted by UNGEGN (2012). Є Ї Й Ю Я are written
Ye Yi Y Yu Ya at the start of a word and ie i i iu ia elsewhere; зг is zgh (to keep it apart
from ж = zh); ь and the apostrophe are not written.

Russian: BGN/PCGN 1947 (US Board on Geographic Names / UK Permanent Committee on Geographical
Names, "Romanization of Russian", 1947, as published by the NGA). Е is ye at the start of a
word and after a vowel, й, ъ or ь, else e; Ё likewise yë / ë; ъ and ь are written ” and ’ in
the full system and are dropped here, as English news does. Diacritics: ë is written e (the
BGN/PCGN table notes the diaeresis may be omitted), so Пётр -> Petr, Королёв -> Korolev.

Libraries: iuliia 0.13 (checked) has BGN/PCGN for Russian only, writes the ” ’ marks, and
leaves ё unchanged ("Пётр" -> "Pёtr"); it has no Ukrainian scheme. The tables are small, so
this module carries them itself; tests check every example of the KMU table and SpellingUkraine's
romanised place names.

`lemma_forms` handles Slavic case endings: a name in an oblique case (Гостомелі, Гостомеля,
Ольги) gives candidate nominative forms (Hostomel, Olha) for comparison with English text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional, Tuple

# KMU 2010 annex table: letter -> (word-initial form, elsewhere)
UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"),
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": ("yu", "iu"), "я": ("ya", "ia"), "'": "", "’": "", "ʼ": "",
}

# BGN/PCGN 1947 table for Russian. е and ё depend on what precedes (see _RUSSIAN_YE_AFTER).
RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
STRESS_MARK = "\u0301"
_RUSSIAN_VOWELS = set("аеёиоуыэюя")
_RUSSIAN_YE_AFTER = _RUSSIAN_VOWELS | set("йъь")


def _case_like(out: str, word: str) -> str:
    if len(word) > 1 and word.isupper():
        return out.upper()
    if word[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


# The per-letter tables as str.translate tables (one C-level pass per word instead of a Python
# loop over its letters; the letter-by-letter loops these replace are kept as the oracle of
# tests/source/test_romanize_oracle.py). Context goes through placeholder letters, put in
# first: a Ukrainian word-initial є ї й ю я, the г of зг, a Russian е/ё read as ye. A word that
# already holds a placeholder letter (none is a letter of either alphabet) takes the loop.
_UK_INITIAL = "\ue000"  # placed after the first letter when it is one of є ї й ю я
_UK_ZGH = "\ue001"      # stands for the г of зг
_RU_YE = "\ue002"       # stands for an е/ё written ye
_PLACEHOLDERS = frozenset(_UK_INITIAL + _UK_ZGH + _RU_YE)
_UK_ELSEWHERE = str.maketrans({ch: form[1] if isinstance(form, tuple) else form
                               for ch, form in UKRAINIAN.items()})
_UK_WORD_INITIAL = {ch: form[0] for ch, form in UKRAINIAN.items() if isinstance(form, tuple)}
_UK_ELSEWHERE[ord(_UK_ZGH)] = "gh"
_RU_TABLE = str.maketrans(RUSSIAN)
_RU_TABLE[ord(_RU_YE)] = "ye"
# е/ё at the start of a word or after a vowel, й, ъ or ь (the negated class also matches at
# the start of the word)
_RU_YE_PLACE = re.compile("(?<![^" + "".join(sorted(_RUSSIAN_YE_AFTER)) + "])[её]")


def _ukrainian_word(word: str) -> str:
    low = word.lower()
    if not _PLACEHOLDERS.isdisjoint(low):
        return _ukrainian_word_by_letter(word)
    return _case_like(_ukrainian_lower(low), word)


def _russian_word(word: str) -> str:
    low = word.lower()
    if not _PLACEHOLDERS.isdisjoint(low):
        return _russian_word_by_letter(word)
    return _case_like(_russian_lower(low), word)


def _ukrainian_lower(low: str) -> str:
    """A lower-case Ukrainian word holding no placeholder letter, romanised by the tables
    (before its case is applied)."""
    if "зг" in low:
        low = low.replace("зг", "з" + _UK_ZGH)  # зг -> zgh (KMU table, note to Г)
    initial = _UK_WORD_INITIAL.get(low[:1])
    if initial is not None:
        return initial + low[1:].translate(_UK_ELSEWHERE)
    return low.translate(_UK_ELSEWHERE)


def _russian_lower(low: str) -> str:
    """A lower-case Russian word holding no placeholder letter, romanised by the tables
    (before its case is applied)."""
    if "е" in low or "ё" in low:
        low = _RU_YE_PLACE.sub(_RU_YE, low)
    return low.translate(_RU_TABLE)


def _ukrainian_word_by_letter(word: str) -> str:
    low = word.lower()
    out = []
    for i, ch in enumerate(low):
        if ch == "г" and i > 0 and low[i - 1] == "з":
            out.append("gh")  # зг -> zgh (KMU table, note to Г)
            continue
        form = UKRAINIAN.get(ch, ch)
        if isinstance(form, tuple):
            form = form[0] if i == 0 else form[1]
        out.append(form)
    return _case_like("".join(out), word)


def _russian_word_by_letter(word: str) -> str:
    low = word.lower()
    out = []
    for i, ch in enumerate(low):
        if ch in "её" and (i == 0 or low[i - 1] in _RUSSIAN_YE_AFTER):
            out.append("ye")
        else:
            out.append(RUSSIAN.get(ch, ch))
    return _case_like("".join(out), word)


def _split_words(text: str) -> List[Tuple[bool, str]]:
    """Runs of word characters (apostrophes inside a word included) and the rest."""
    parts: List[Tuple[bool, str]] = []
    buf = ""
    in_word = False
    for i, ch in enumerate(text):
        is_word = ch.isalpha() or (ch in "'’ʼ" and in_word and i + 1 < len(text)
                                   and text[i + 1].isalpha())
        if buf and is_word != in_word:
            parts.append((in_word, buf))
            buf = ""
        buf += ch
        in_word = is_word
    if buf:
        parts.append((in_word, buf))
    return parts


# a pure function of (text, lang) that the source-name checks ask of the same names per word
# per translation (129,000 calls for 3,396 WMT23 articles): memoised, bounded
@lru_cache(maxsize=65536)
def romanize(text: str, lang: str) -> str:
    """Romanise Ukrainian ("uk") or Russian ("ru") text; other languages unchanged.
    Word-initial rules apply per word: "Юрій Їжакевич" -> "Yurii Yizhakevych"."""
    word_fn = {"uk": _ukrainian_word, "ru": _russian_word}.get(lang)
    if word_fn is None:
        return text
    text = text.replace(STRESS_MARK, "")  # stress marks in dictionaries: Чинаді́йово
    if text.isalpha():  # one word (most calls): no splitting
        return word_fn(text)
    return "".join(word_fn(part) if is_word else part for is_word, part in _split_words(text))


# ---- case endings --------------------------------------------------------------------------
# Oblique-case endings of nouns and adjectives (names of people and places), longest first.
# Stripping one and adding back a nominative ending gives the candidate lemmas; comparison with
# the English text decides which one the translation uses.
_ENDINGS = {
    "uk": ("ого", "ому", "ими", "им", "ій", "ої", "ою", "ею", "єю", "ам", "ах", "ям", "ях", "ів",
           "їв", "ом", "ем", "єм", "ові", "еві", "єві", "и", "і", "у", "ю", "а", "я", "е",
           "ї", "й", "о"),
    "ru": ("ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ая", "яя", "ую", "юю", "ое",
           "ее", "ые", "ие", "ых", "их", "ой", "ей", "ою", "ею", "ам", "ах",
           "ям", "ях", "ов", "ев", "ом", "ем", "ы", "и", "у", "ю", "а", "я", "е", "ё", "й",
           "о"),
}
_NOMINATIVE = {
    "uk": ("", "а", "о", "ь", "ий", "ій", "я"),
    "ru": ("", "а", "о", "ь", "ий", "ый", "ой", "я", "ая"),  # -ая: Линейной -> Линейная
}
# A stem ending in two consonants and к lost a fleeting vowel (беглый гласный) in its oblique
# cases: Перекрёстке -> Перекрёсток, Лужка -> Лужок.
_FLEETING_K = re.compile(r"[бвгджзклмнпрстфхцчшщ]к$")
# the nominative endings romanised as letters after the start of a word
_NOMINATIVE_RAW = {"uk": {n: n.translate(_UK_ELSEWHERE) for n in _NOMINATIVE["uk"]},
                   "ru": {n: n.translate(_RU_TABLE) for n in _NOMINATIVE["ru"]}}
assert not any(set(n) & set("геёЕЁГ") for ns in _NOMINATIVE.values() for n in ns)
_PLAIN_CYRILLIC = re.compile("[а-яёіїєґА-ЯЁІЇЄҐ]+")


def _raw_stem(stem: str, lang: str) -> Optional[str]:
    """The romanisation of a stem of plain Cyrillic letters before its case is applied
    (None for any other stem: apostrophes, hyphens, stress marks take romanize's path)."""
    if not _PLAIN_CYRILLIC.fullmatch(stem):
        return None
    low = stem.lower()
    return _ukrainian_lower(low) if lang == "uk" else _russian_lower(low)


# each language's endings -> their place in _ENDINGS (all of one to three letters)
_ENDING_ORDER = {lang: {e: i for i, e in enumerate(endings)} for lang, endings in _ENDINGS.items()}
assert all(1 <= len(e) <= 3 for endings in _ENDINGS.values() for e in endings)


def endings_of(low: str, lang: Optional[str]) -> Tuple[str, ...]:
    """The endings of _ENDINGS[lang] that the lower-case word ends with, in _ENDINGS order
    (what `[e for e in _ENDINGS[lang] if low.endswith(e)]` gives, found by looking up the
    word's last one, two and three letters instead of testing 31-40 endings)."""
    order = _ENDING_ORDER.get(lang)
    if order is None:
        return ()
    found = [low[-n:] for n in (1, 2, 3) if n <= len(low) and low[-n:] in order]
    if len(found) > 1:
        found.sort(key=order.__getitem__)
    return tuple(found)


@lru_cache(maxsize=65536)
def lemma_forms(word: str, lang: str) -> Tuple[str, ...]:
    """Candidate nominative forms of a Cyrillic name, romanised: the word itself first, then
    stems with nominative endings (Гостомелі -> Hostomeli, Hostomel, Hostomela, ...). Stems
    shorter than three letters are not tried (short names are rarely inflected away)."""
    forms = [romanize(word, lang)]
    low = word.lower()
    for ending in endings_of(low, lang):
        if len(low) - len(ending) >= 3:
            stem = word[:len(word) - len(ending)]
            # an adjective's stem (Запорізької -> Запорізьк-) is no name: only its
            # adjectival nominatives are (Zaporizkyi, Zaporizka)
            adjectival = stem.lower().endswith(("ськ", "цьк", "зьк", "ск", "цк", "зк"))
            # a stem of plain letters is romanised once, its nominatives appended (what
            # romanize(stem + nominative) gives: no nominative letter depends on the stem's,
            # and one after the stem is no word-initial letter)
            stem_raw = _raw_stem(stem, lang)
            for nominative in _NOMINATIVE[lang]:
                if adjectival and nominative in ("", "о", "ь", "я"):
                    continue
                if stem_raw is None or not nominative:
                    candidate = romanize(stem + nominative, lang)
                else:
                    candidate = stem_raw + _NOMINATIVE_RAW[lang][nominative]
                    if stem[0].isupper():
                        candidate = candidate[:1].upper() + candidate[1:]
                if candidate not in forms:
                    forms.append(candidate)
            if not adjectival and _FLEETING_K.search(stem.lower()):
                candidate = romanize(stem[:-1] + "о" + stem[-1], lang)
                if candidate not in forms:
                    forms.append(candidate)
    return tuple(forms)
