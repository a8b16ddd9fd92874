"""The language of a source text: declared (--source-lang, XLIFF srcLang), else from its script.

Cyrillic text is told apart by letters only one of the two languages has: і ї є ґ are
Ukrainian, ы э ъ ё are Russian (both alphabets' published letter inventories). Han characters
are Chinese; Latin text is not guessed further here (langdetect is gated elsewhere), so an
Indonesian source without --source-lang is "Latin script, language not known".
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")

# The three scripts counted in C (a per-character Python loop cost 0.06 ms an article and the
# letter sums below 0.11 ms: as much as the whole alignment): Cyrillic U+0400-04FF by its
# UTF-8 lead bytes (_cyrillic_letters), Han (CJK Unified Ideographs and Extension A) and
# Latin (every letter, str.isalpha, below U+0250, enumerated so the class is exactly that)
# as runs.
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")
_LATIN_RUN = re.compile("[" + "".join(re.escape(chr(o)) for o in range(0x250)
                                      if chr(o).isalpha()) + "]+")


def _letters(pattern, text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def _cyrillic_letters(text: str) -> int:
    """Characters U+0400-04FF: in UTF-8 exactly the sequences led by the bytes D0-D3 (no
    other character's encoding holds those bytes), counted at memchr speed."""
    data = text.encode("utf-8", "surrogatepass")
    return data.count(b"\xd0") + data.count(b"\xd1") + data.count(b"\xd2") + data.count(b"\xd3")


def detect(text: str, declared: Optional[str] = None, declared_by: str = "--source-lang"
           ) -> Tuple[Optional[str], str]:
    """(language, how it was decided), e.g. ("uk", "script: Cyrillic with і ї є ґ (12)")."""
    if declared:
        return declared, declared_by
    head = text[:20000]
    cyrillic = _cyrillic_letters(head)
    if 2 * cyrillic >= len(head):  # (Cyrillic text) the other scripts cannot outnumber it
        han = latin = 0
    else:
        han, latin = _letters(_HAN_RUN, head), _letters(_LATIN_RUN, head)
    if cyrillic and cyrillic >= max(han, latin):
        uk = sum(map(text.count, UKRAINIAN_ONLY))
        ru = sum(map(text.count, RUSSIAN_ONLY))
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
