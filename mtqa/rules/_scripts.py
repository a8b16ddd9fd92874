"""Helpers shared by the untranslated-* and locale-* rules: writing systems of letters, runs of
non-Latin text, homoglyphs, and source-language number abbreviations."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, Tuple

# A letter of a script other than Latin. Latin covers ASCII, Latin-1 and the Latin Extended
# blocks (Polish, Czech, Turkish, Vietnamese diacritics), IPA and spacing modifier letters
# (the ʼ of romanised Ukrainian), and fullwidth Latin. The micro sign µ counts as Latin: it is
# a unit prefix in English text.
NON_LATIN_LETTER = re.compile(
    r"[^\W\d_a-zA-Z\u00aa\u00b5\u00ba\u00c0-\u02ff\u1d00-\u1dbf\u1e00-\u1eff"
    r"\u2c60-\u2c7f\ua720-\ua7ff\uff21-\uff3a\uff41-\uff5a]")
LATIN_LETTER = re.compile(
    r"[a-zA-Z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u1e00-\u1eff]")

# Script names as Unicode spells the first word of a character's name, for messages.
_SCRIPT_NAMES = {
    "CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic", "HEBREW": "Hebrew",
    "THAI": "Thai", "DEVANAGARI": "Devanagari", "CJK": "Chinese", "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese", "HANGUL": "Korean", "GEORGIAN": "Georgian", "ARMENIAN": "Armenian",
    "BENGALI": "Bengali", "TAMIL": "Tamil", "ETHIOPIC": "Ethiopic", "KHMER": "Khmer",
    "LAO": "Lao", "MYANMAR": "Burmese", "SINHALA": "Sinhala", "TIBETAN": "Tibetan",
}


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0] if name else "UNKNOWN"
    return _SCRIPT_NAMES.get(first, first.title())


def describe_script(text: str) -> str:
    """"Ukrainian", "Russian", "Cyrillic", "Chinese", ...: the likeliest language or script of a
    run of non-Latin text, for messages."""
    scripts = [script_of(ch) for ch in text if NON_LATIN_LETTER.match(ch) and ch.isalpha()]
    if not scripts:
        return "non-Latin"
    main = max(set(scripts), key=scripts.count)
    if main == "Cyrillic":
        low = text.lower()
        if any(ch in low for ch in "іїєґ"):
            return "Ukrainian"
        if any(ch in low for ch in "ыэъё"):
            return "Russian"
    return main


def is_non_latin_letter(ch: str) -> bool:
    return bool(NON_LATIN_LETTER.match(ch)) and ch.isalpha()


def has_non_latin_letter(article) -> bool:
    """Does the article hold a NON_LATIN_LETTER? Asked by several rules, answered once per
    article from its shared token set (speed, issue 11): such a letter is a word character
    other than "_" and a decimal digit, so it lies inside a token, and the distinct tokens
    are about a quarter of the text."""
    return article.memo("has-non-latin-letter", lambda: NON_LATIN_LETTER.search(
        " ".join(article.token_set)) is not None)


# Line ends and quotation marks end a run: separately quoted items are separate findings.
_RUN_BREAK = re.compile("[\n\"“”«»„]")


def non_latin_runs(text: str, start: int = 0, end: int = -1) -> Iterator[Tuple[int, int]]:
    """Maximal spans of non-Latin text within one line: they start and end with a non-Latin
    letter and contain no Latin letter, line break or double quotation mark ("Міністерство ав аїни",
    "Лента.ру", "习近平"). Letters of mixed-script words belong to runs too; callers decide."""
    end = len(text) if end < 0 else end
    run_start = run_end = -1
    for m in NON_LATIN_LETTER.finditer(text, start, end):
        if not m.group().isalpha():
            continue
        s = m.start()
        if run_start >= 0:
            gap = text[run_end:s]
            if not _RUN_BREAK.search(gap) and not LATIN_LETTER.search(gap):
                run_end = s + 1
                continue
            yield run_start, run_end
        run_start, run_end = s, s + 1
    if run_start >= 0:
        yield run_start, run_end


# Non-Latin letters that look exactly like Latin ones: a word mixing them with Latin letters
# is a Latin word with a slip of the keyboard or of the MT system ("Servicе" with Cyrillic е).
HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ι": "i", "κ": "k", "ν": "v",
}


def latin_lookalike(word: str):
    """The word with every non-Latin letter replaced by its Latin twin, or None when some
    non-Latin letter has none."""
    out = []
    for ch in word:
        if is_non_latin_letter(ch):
            twin = HOMOGLYPHS.get(ch)
            if twin is None:
                return None
            out.append(twin)
        else:
            out.append(ch)
    return "".join(out)


# Source-language abbreviations and words for large numbers after a figure, with their English
# words. Indonesian/Malay, Russian, Ukrainian, Polish. (The Latin "mln"/"bln" family is a
# separate, off-by-default rule: professional translators use it too.)
SCALE_WORDS = {
    "juta": "million", "jt": "million", "miliar": "billion", "milyar": "billion",
    "triliun": "trillion", "ribu": "thousand", "rb": "thousand",
    "млн": "million", "млрд": "billion", "трлн": "trillion", "тыс": "thousand",
    "тис": "thousand", "грн": "hryvnias", "руб": "roubles", "коп": "kopecks",
    "tys": "thousand", "mld": "billion",
}
LATIN_SCALE_ABBREVIATIONS = {"mln": "million", "bln": "billion", "mlrd": "billion",
                             "trln": "trillion"}

NUMBER = r"\d+(?:[.,]\d+)*"
# NUMBER, with the figure's first digit first in the pattern and the "no word character, dot or
# comma before it" test right after it: the same matches as a leading (?<![\w.,]), but the
# regex engine then jumps from digit to digit instead of trying the lookbehind at every
# character (about twice as fast on an article).
SCALE_WORD_RE = re.compile(
    r"(\d(?<![\w.,]\d)\d*(?:[.,]\d+)*)(\s?)(" + "|".join(
        sorted(map(re.escape, SCALE_WORDS), key=len, reverse=True)) + r")(\.?)(?!\w)",
    re.IGNORECASE)
