"""The language of a source text: declared (--source-lang, XLIFF srcLang), else from its script.

Cyrillic text is told apart by letters only one of the two languages has: і ї є ґ are
Ukrainian, ы э ъ ё are Russian (both alphabets' published letter inventories). Han characters
are Chinese; Latin text is not guessed further here (langdetect is gated elsewhere), so an
Indonesian source without --source-lang is "Latin script, language not known".
"""
from __future__ import annotations

from typing import Optional, Tuple

UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")


def _script_counts(text: str, limit: int = 20000):
    cyrillic = han = latin = 0
    for ch in text[:limit]:
        o = ord(ch)
        if 0x400 <= o <= 0x4FF:
            cyrillic += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            han += 1
        elif ch.isalpha() and o < 0x250:
            latin += 1
    return cyrillic, han, latin


def detect(text: str, declared: Optional[str] = None, declared_by: str = "--source-lang"
           ) -> Tuple[Optional[str], str]:
    """(language, how it was decided), e.g. ("uk", "script: Cyrillic with і ї є ґ (12)")."""
    if declared:
        return declared, declared_by
    cyrillic, han, latin = _script_counts(text)
    if cyrillic and cyrillic >= max(han, latin):
        uk = sum(ch in UKRAINIAN_ONLY for ch in text)
        ru = sum(ch in RUSSIAN_ONLY for ch in text)
        if uk > ru:
            return "uk", f"script: Cyrillic with Ukrainian letters і ї є ґ ({uk} vs {ru})"
        if ru > uk:
            return "ru", f"script: Cyrillic with Russian letters ы э ъ ё ({ru} vs {uk})"
        return None, "script: Cyrillic, Ukrainian or Russian not decidable"
    if han and han >= latin:
        return "zh", "script: Han characters"
    if latin:
        return None, "script: Latin, language not known (give --source-lang)"
    return None, "no letters"
