"""The one number reader of mtqa: numbers in a source and in its English translation, each read
in its own locale, and their comparison (used by source-number, for XLIFF units and for
paired source articles alike).

Each side is read in its own locale: in an Indonesian, Ukrainian or Russian source 1.000 is a
thousand and 2,5 is two and a half. Scale words count on both sides (2,5 juta = 2.5 million =
2,500,000; 3万 = 30,000; 5 тыс. = 5,000), clock times compare on a 12-hour clock (14.30 WIB =
2:30 p.m.), numbers spelled as words count (English "two" = 2; дві, два, dua, 两), and dates
written with slashes or dots are read as their parts."""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Set, Tuple


# Languages that write 1.000,5 (or 1 000,5): grouping dot or space, decimal comma.
COMMA_DECIMAL = frozenset("id ms uk ru be bg cs da de el es et fi fr hr hu it lt lv nl no pl pt "
                          "ro sk sl sr sv tr vi kk uz az".split())
# Words after a number that multiply it, per source language; English for the target.
SCALES: Dict[str, Dict[str, int]] = {
    "en": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "mln": 10**6, "bn": 10**9, "m": 10**6, "k": 10**3},
    "id": {"ribu": 10**3, "rb": 10**3, "juta": 10**6, "jt": 10**6, "miliar": 10**9,
           "milyar": 10**9, "triliun": 10**12},
    "uk": {"тис": 10**3, "тисяч": 10**3, "тисячі": 10**3, "млн": 10**6, "мільйон": 10**6,
           "мільйона": 10**6, "мільйонів": 10**6, "млрд": 10**9, "мільярд": 10**9,
           "мільярда": 10**9, "мільярдів": 10**9, "трлн": 10**12},
    "ru": {"тыс": 10**3, "тысяч": 10**3, "тысячи": 10**3, "млн": 10**6, "миллион": 10**6,
           "миллиона": 10**6, "миллионов": 10**6, "млрд": 10**9, "миллиард": 10**9,
           "миллиарда": 10**9, "миллиардов": 10**9, "трлн": 10**12},
    "zh": {"千": 10**3, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8},
}
_SPELLED = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
            8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 20: "twenty",
            30: "thirty", 40: "forty", 50: "fifty", 100: "hundred", 1000: "thousand"}

# Not after a letter, digit or mark: "G7" is no number. Han and kana are word characters to
# `\w` but Chinese writes digits right after them ("几乎200英尺"): they may precede a number
# (score2, issue 10: without this no Chinese source number was ever read).
# Led by the digit, the character before it tested after (`\d(?<!x\d)` is `(?<!x)\d`): a
# pattern led by a lookbehind is tried at every character, one led by \d only at digits.
_NUMBER_RE = re.compile(r"\d(?<![.,]\d)(?<![^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]\d)"
                        r"\d*(?:[.,\u00a0\u202f\u2009 ]\d+)*(?![\d])")
# Clock times: h:mm anywhere; h.mm only with a time word after it (14.30 WIB, 9.30 a.m.,
# 21.00 год) or a source time preposition before it (о 21.00, pukul 14.30) - else 7.50 is
# a decimal (7.50%).
_TIME_MARK = r"(?=\s*(?:[ap]\.?m\b|WIB|WITA|WIT\b|GMT|UTC|h\b|hrs\b|uhr\b|год|час))"
_TIME_RE = re.compile(
    r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])"
    r"|(?<![\w.,:])([01]?\d|2[0-3])\.([0-5]\d)" + _TIME_MARK +
    r"|\b(?:о|об|в|во|з|до|с|pukul|jam)\s([01]?\d|2[0-3])\.([0-5]\d)"
    r"(?![\d.,]\d|\s*%)",
    re.I)
# Every clock time holds a digit, ":" or ".", and two minute digits: a text without this has
# none, found by a search led by \d (_TIME_RE, led by lookbehinds and words, is tried at
# every character: as much time as the rest of the number reading)
_TIME_HINT_RE = re.compile(r"\d[:.][0-5]\d")


def _times(text: str):
    """The clock times of a text (matches of _TIME_RE)."""
    return list(_TIME_RE.finditer(text)) if _TIME_HINT_RE.search(text) else []


def _time_groups(m):
    groups = [g for g in m.groups() if g is not None]
    return int(groups[0]), int(groups[1])


_DATE_RE = re.compile(r"\d(?<!\w\d)\d?[./-]\d{1,2}[./-]\d{2,4}\b")  # \b\d{1,2}, digit first
_PM_RE = re.compile(r"\s*p\.?m\b", re.I)
_AFTER_NUMBER_RE = re.compile(r"\s?([千万萬亿億]|[^\W\d_]+)")  # a scale word after a number
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b")


class Number(NamedTuple):
    start: int
    end: int
    text: str
    values: FrozenSet[Decimal]      # readings in the side's own locale, with and without scale
    foreign: FrozenSet[Decimal]     # readings in the other locale (target only)
    quiet: bool = False             # part of a date: counts for matching, never reported


@lru_cache(maxsize=65536)  # (Decimals are immutable: a reading is shared safely)
def _read(token: str, comma_decimal: bool) -> Optional[Decimal]:
    """A number written with grouping and decimal marks, read in one locale, or None when the
    marks do not fit that locale (1.5 in a comma-decimal language, 1,5 in English)."""
    group, decimal = (".", ",") if comma_decimal else (",", ".")
    parts = re.split(r"([.,\u00a0\u202f\u2009 ])", token)
    digits, seps = parts[0::2], parts[1::2]
    seps = [group if s in "\u00a0\u202f\u2009 " else s for s in seps]
    frac = ""
    if seps and seps[-1] == decimal:
        frac = digits[-1]
        digits, seps = digits[:-1], seps[:-1]
    if any(s != group for s in seps):
        return None
    if seps and (len(digits[0]) > 3 or any(len(d) != 3 for d in digits[1:])):
        return None
    try:
        return Decimal("".join(digits) + ("." + frac if frac else ""))
    except InvalidOperation:
        return None


def _readings(token: str, comma_decimal: bool) -> Tuple[Optional[Decimal], Optional[Decimal]]:
    own = _read(token, comma_decimal)
    other = _read(token, not comma_decimal)
    if own is None and other is not None:  # a source that writes English-style numbers
        own, other = other, None
    return own, other


def _split_spaces(text: str, start: int, token: str) -> List[Tuple[int, str]]:
    """'2023 10' is two numbers; '1 000' is one only where spaces group thousands."""
    if " " not in token and "\u00a0" not in token and "\u202f" not in token \
            and "\u2009" not in token:
        return [(start, token)]  # (most numbers: nothing to split)
    out: List[Tuple[int, str]] = []
    pieces = re.split(r"([\u00a0\u202f\u2009 ])", token)
    pos = start
    current, current_start = pieces[0], start
    pos += len(pieces[0])
    for sep, piece in zip(pieces[1::2], pieces[2::2]):
        if len(piece) == 3 and re.fullmatch(r"\d{3}", piece) and re.fullmatch(r"\d{1,3}",
                                                                              current[-3:]):
            current += sep + piece
        else:
            out.append((current_start, current))
            current, current_start = piece, pos + len(sep)
        pos += len(sep) + len(piece)
    out.append((current_start, current))
    return out


_PREFIXES: Dict[int, frozenset] = {}


def _scale_prefixes(key: int, scales: Dict[str, int]) -> frozenset:
    found = _PREFIXES.get(key)
    if found is None:
        found = _PREFIXES[key] = frozenset(w[:3] for w in scales)
    return found


def _scale(word: str, scales: Dict[str, int]) -> Optional[int]:
    """The multiplier of a scale word, inflected forms included (тисячами, миллионов)."""
    word = word.lower().rstrip(".")
    if word in scales:
        return scales[word]
    if word.isascii() or word[:3] not in _scale_prefixes(id(scales), scales):
        return None  # the common case, decided by one set look-up
    for n in range(len(word) - 1, 2, -1):
        if word[:n] in scales and len(word) - n <= 4 and not word.isascii():
            return scales[word[:n]]
    return None


def numbers(text: str, lang: Optional[str], target: bool = False) -> Tuple[List[Number], Set]:
    """Numbers in a segment (times and dates aside) and its clock times as (hour % 12, min)."""
    comma_decimal = (lang or "en") in COMMA_DECIMAL
    scales = SCALES.get(lang or "en", {})
    times = set()
    skip = set()
    for m in _times(text):
        hour, minute = _time_groups(m)
        times.add((hour % 12, minute))
        skip.update(range(m.start(), m.end()))
    out: List[Number] = []
    for m in _DATE_RE.finditer(text):
        skip.update(range(m.start(), m.end()))
        for part in re.finditer(r"\d+", m.group()):
            value = frozenset({Decimal(part.group())})
            out.append(Number(m.start() + part.start(), m.start() + part.end(), part.group(),
                              value, frozenset(), quiet=True))
    for m in _NUMBER_RE.finditer(text):
        for start, token in _split_spaces(text, m.start(), m.group()):
            end = start + len(token)
            if start in skip or _ORDINAL_RE.match(text, end):
                continue
            if not (comma_decimal or lang in (None, "en")) and re.search(r"[ \u00a0]", token):
                continue
            own, other = _readings(token, comma_decimal)
            if own is None:
                continue
            values = {own}
            if not target and comma_decimal and other is not None and \
                    re.fullmatch(r"\d{1,3},\d{3}", token):
                values.add(other)  # "280,000" in such a source may be English-style grouping
            after = _AFTER_NUMBER_RE.match(text[end:end + 16])
            scale = _scale(after.group(1), scales) if after else None
            if scale:
                values.add(own * scale)
            foreign = {other} if other is not None else set()
            out.append(Number(start, end, token, frozenset(values), frozenset(foreign)))
    return out, times


def _english(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}".rstrip("0")




# Small numbers written as words, per language (the forms news uses; Slavic case forms
# included). Only for matching: a word number is never reported itself.
WORD_NUMBERS: Dict[str, Dict[str, int]] = {
    "en": {w: v for v, w in _SPELLED.items() if v < 100} | {
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "dozen": 12, "once": 1, "twice": 2, "single": 1, "both": 2, "first": 1, "second": 2,
        "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "hundreds": 100, "thousands": 1000, "half": 0.5,
        # "на 100%" is idiomatically "entirely", "fully", "completely"
        "entirely": 100, "fully": 100, "completely": 100, "totally": 100, "wholly": 100},
    "uk": {"один": 1, "одна": 1, "одне": 1, "одного": 1, "одній": 1, "два": 2, "дві": 2,
           "двох": 2, "двома": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4,
           "п'ять": 5, "п’ять": 5, "п'яти": 5, "шість": 6, "шести": 6, "сім": 7, "семи": 7,
           "вісім": 8, "восьми": 8, "дев'ять": 9, "дев’ять": 9, "десять": 10, "десяти": 10,
           "сто": 100, "тисяча": 1000, "тисячі": 1000, "півтора": 1.5, "пів": 0.5,
           "доба": 24, "добу": 24, "доби": 24, "добі": 24, "цілодобово": 24},
    "ru": {"один": 1, "одна": 1, "одно": 1, "одного": 1, "два": 2, "две": 2, "двух": 2,
           "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5,
           "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
           "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "сто": 100, "тысяча": 1000,
           "тысячи": 1000, "полтора": 1.5, "пол": 0.5, "сутки": 24, "суток": 24,
           "сутками": 24, "круглосуточно": 24},
    "id": {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
           "delapan": 8, "sembilan": 9, "sepuluh": 10, "seratus": 100, "seribu": 1000,
           "setengah": 0.5},
    "zh": {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10, "百": 100, "千": 1000, "半": 0.5},
}
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Stems of inflected number words (cardinals 11-500 and ordinals 1-10) in Ukrainian and
# Russian: a source "тридцяти" or "двадцатого" accounts for a target 30 or 20.
WORD_STEMS: Dict[str, Dict[str, int]] = {
    "uk": {"одинадцят": 11, "дванадцят": 12, "тринадцят": 13, "чотирнадцят": 14,
           "п'ятнадцят": 15, "шістнадцят": 16, "сімнадцят": 17, "вісімнадцят": 18,
           "дев'ятнадцят": 19, "двадцят": 20, "тридцят": 30, "сорок": 40, "п'ятдесят": 50,
           "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яност": 90, "двіст": 200,
           "трист": 300, "чотириста": 400, "п'ятсот": 500, "перш": 1, "друг": 2, "трет": 3,
           "четверт": 4, "п'ят": 5, "шост": 6, "сьом": 7, "восьм": 8, "дев'ят": 9,
           "десят": 10, "пар": 2,
           # hundreds in oblique cases (двохсот, чотирьохсот) and city-of-a-million nouns
           "двохсот": 200, "трьохсот": 300, "чотирьохсот": 400, "п'ятисот": 500,
           "шістсот": 600, "шестисот": 600, "сімсот": 700, "семисот": 700, "вісімсот": 800,
           "восьмисот": 800, "дев'ятсот": 900, "дев'ятисот": 900, "мільйонник": 1000000},
    "ru": {"одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
           "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18,
           "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сорок": 40, "пятьдесят": 50,
           "пятидесят": 50, "шестьдесят": 60, "шестидесят": 60, "семьдесят": 70,
           "семидесят": 70, "восемьдесят": 80, "восьмидесят": 80, "девяност": 90,
           "двест": 200, "трист": 300, "четырест": 400, "пятьсот": 500, "перв": 1, "втор": 2,
           "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
           "десят": 10, "пар": 2,
           # hundreds in oblique cases (четырехсот) and city-of-a-million nouns (миллионник)
           "двухсот": 200, "трехсот": 300, "трёхсот": 300, "четырехсот": 400,
           "четырёхсот": 400, "пятисот": 500, "шестьсот": 600, "шестисот": 600,
           "семьсот": 700, "семисот": 700, "восемьсот": 800, "восьмисот": 800,
           "девятьсот": 900, "девятисот": 900, "миллионник": 1000000},
}
# Genitive numerals that begin compound adjectives (двухместный "two-seat", трёхэтажный,
# двомісний): the numeral counts for the target's digit.
COMPOUND_PREFIXES: Dict[str, Dict[str, int]] = {
    "uk": {"двох": 2, "дво": 2, "трьох": 3, "чотирьох": 4},
    "ru": {"двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4},
}
# Digit groups a source separates by spaces or hyphens (phone numbers: 229 62 01) may be
# written joined in the translation (229-6201)
_DIGIT_GROUPS_RE = re.compile(r"\d+(?:[ -]\d+)+")


def word_values(text: str, lang: Optional[str]) -> Set[Decimal]:
    """Values of numbers written as words in a text (Chinese: per character)."""
    table = WORD_NUMBERS.get(lang or "en", {})
    if not table:
        return set()
    if lang == "zh":
        out = {Decimal(str(table[ch])) for ch in text if ch in table}
        return out | {Decimal(v) for v in map(_zh_numeral, _ZH_NUMERAL_RE.findall(text)) if v}
    raw_words = _WORD_RE.findall(text)
    scales = SCALES.get(lang or "en", {})
    known = _WORD_VALUES.setdefault(lang or "", {})
    if len(known) > 100_000:
        known.clear()
    out = set()
    previous = None
    words = []
    for raw in raw_words:  # (keyed by the word as written: lowered once per distinct word)
        found = known.get(raw)
        if found is None:
            w = raw.lower().replace("’", "'")
            found = known[raw] = (w, *_word_value(w, lang, table))
        w, value, prefix_value = found
        words.append(w)
        if prefix_value is not None:
            out.add(Decimal(prefix_value))
        if previous is not None:  # "трьох тисяч" = 3,000
            scale = _scale(w, scales)
            if scale:
                out.add(Decimal(str(previous)) * scale)
        if value is not None:
            out.add(Decimal(str(value)))
        previous = value
    if lang in (None, "en") and ("half" in words or "quarter" in words):
        out |= _english_fractions(words)  # (every reading it makes needs one of the two)
    return out


# Per language, what a word is worth as a number (value, compound prefix's value): the same
# few thousand words come back in every article, each judged once (a loop over the stems and
# prefixes for every word of every paragraph with digits cost 0.03 ms an article)
_WORD_VALUES: Dict[str, Dict[str, Tuple[str, Optional[float], Optional[int]]]] = {}


def _word_value(w: str, lang: Optional[str], table) -> Tuple[Optional[float], Optional[int]]:
    """A word's value as a number word or a number-word stem (тридцяти: 30), else the value of
    the numeral prefix of a compound adjective (двомісний: 2), else (None, None)."""
    value = table.get(w)
    if value is None:
        for stem, stem_value in _stem_index(lang or "").get(w[:3], ()):  # longest first
            if w.startswith(stem) and len(w) - len(stem) <= 4:
                return stem_value, None
        for prefix, prefix_value in COMPOUND_PREFIXES.get(lang or "", {}).items():
            if w.startswith(prefix) and len(w) - len(prefix) >= 4:
                return None, prefix_value
    return value, None


_FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}


def _english_fractions(words: List[str]) -> Set[Decimal]:
    """"half a million" = 500,000, "a quarter of a million" = 250,000, "three and a half" =
    3.5: English spells these where the source writes 50万, 25万 or 3.5 (score2, issue 10:
    read on the zh-en MQM references)."""
    out: Set[Decimal] = set()
    table, scales = WORD_NUMBERS["en"], SCALES["en"]
    for i, w in enumerate(words):
        if w in _FRACTIONS:
            for nxt in words[i + 1:i + 4]:
                if nxt in ("a", "an", "of"):
                    continue
                if nxt in scales:
                    out.add(_FRACTIONS[w] * scales[nxt])
                break
        elif w == "and" and i and words[i + 1:i + 3] == ["a", "half"] and \
                words[i - 1] in table:
            out.add(Decimal(str(table[words[i - 1]])) + Decimal("0.5"))
    return out


# Chinese numerals as a whole (score2, issue 10): 两万 = 20,000, 三十亿 = 3,000,000,000,
# 一百万 = 1,000,000 — units 十 百 千 inside a 万 (10^4) / 亿 (10^8) group, the standard reading.
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMERAL_RE = re.compile("[零〇一二两三四五六七八九十百千万亿]{2,}")


def _zh_numeral(run: str) -> int:
    total = group = section = number = 0  # above 亿, the 万 group, below 万, the last digit
    for ch in run:
        if ch in _ZH_DIGITS:
            number = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (number or 1) * _ZH_UNITS[ch]
            number = 0
        elif ch == "万":
            group = (section + number or 1) * 10**4
            section = number = 0
        else:  # 亿
            total = (total + group + section + number or 1) * 10**8
            group = section = number = 0
    return total + group + section + number


@lru_cache(maxsize=None)
def _stem_index(lang: str) -> Dict[str, List[Tuple[str, int]]]:
    """Number-word stems by their first three letters, longest first (one dict look-up per
    word instead of a prefix loop)."""
    index: Dict[str, List[Tuple[str, int]]] = {}
    for stem, value in sorted(WORD_STEMS.get(lang, {}).items(), key=lambda kv: -len(kv[0])):
        index.setdefault(stem[:3], []).append((stem, value))
    return index


_ANY_DIGITS_RE = re.compile(r"\d+")
_DIGIT_RE = re.compile(r"\d")
# "9 p.m.", "9pm", "8 o'clock": an hour without minutes
_HOUR_RE = re.compile(r"(?<![\d.,:])(?<!: )(1[0-2]|0?[1-9])\s*(?:[ap]\.?\s?m\b\.?|o['’]clock)",
                      re.I)
_DOT_TIME_RE = re.compile(r"^(\d{1,2})\.(\d{2})$")
# (a thousands group never follows a leading 0: "0, 120" is a list; score2, issue 10)
_SPLIT_NUMBER_RE = re.compile(r"(?<![\d.,])([1-9]\d{0,2}), (\d{3})(?![\d])")
# What every match of _HOUR_RE and of _SPLIT_NUMBER_RE holds, searched first (led by \d):
# both patterns are led by lookbehinds, tried at every character
_HOUR_HINT_RE = re.compile(r"\d\s*[apo]", re.I)
_SPLIT_HINT_RE = re.compile(r"\d, \d")


@lru_cache(maxsize=65536)
def _decimal(digits: str) -> Decimal:
    return Decimal(digits)


def _loose_target_values(target: str, times) -> Set[Decimal]:
    """Every digit run of the target (ordinals 44th, No.8058, glued G7) and p.m. hours on a
    24-hour clock: they account for source numbers, though never reported themselves."""
    out = {_decimal(m.group()) for m in _ANY_DIGITS_RE.finditer(target)}
    for m in _times(target):
        hour, _ = _time_groups(m)
        out.add(Decimal(hour))
        if _PM_RE.match(target, m.end()) and hour < 12:
            out.add(Decimal(hour + 12))
    return out


def _century_readings(values: Set[Decimal]) -> Set[Decimal]:
    """A two-digit year or decade in the source (70-х, '86) may be 1970 or 2086 in English."""
    return {Decimal(1900) + v for v in values if 0 <= v < 100 and v == int(v)} | \
        {Decimal(2000) + v for v in values if 0 <= v < 100 and v == int(v)}


class Difference(NamedTuple):
    """A number difference between a source and its translation. `start`/`end` are offsets
    in the target text (the target number, or the whole target when a source number is
    missing); `source_start`/`source_end` in the source text."""
    start: int
    end: int
    message: str
    suggestions: Tuple[str, ...]
    category: Optional[str]
    source_start: Optional[int]
    source_end: Optional[int]


def compare(source: str, target: str, lang: Optional[str]) -> List[Difference]:
    """Numbers of the target not in the source, target numbers left in the source's format,
    clock times that differ, and source numbers the target lost."""
    if not (_DIGIT_RE.search(source) or _DIGIT_RE.search(target)):
        return []  # every difference involves a number written in digits on one side
    src, src_times = numbers(source, lang)
    tgt, tgt_times = numbers(target, "en", target=True)
    src_values = set().union(*(n.values for n in src)) if src else set()
    src_values |= word_values(source, lang)
    joined_groups = []  # (source offsets of two adjacent digit groups, their joined value)
    for m in _DIGIT_GROUPS_RE.finditer(source):
        groups = list(_ANY_DIGITS_RE.finditer(source, m.start(), m.end()))
        for a, b in zip(groups, groups[1:]):
            joined_groups.append(((a.start(), b.start()), Decimal(a.group() + b.group())))
    src_values.update(value for _, value in joined_groups)
    tgt_values = set().union(*(n.values for n in tgt)) if tgt else set()
    tgt_words = word_values(target, "en")
    tgt_values |= tgt_words | _loose_target_values(target, tgt_times)
    src_values |= _century_readings(src_values)
    # hours of the source's clock times, on both clocks, account for target hours
    src_values |= {Decimal(h) for h, _ in src_times} | {Decimal(h + 12) for h, _ in src_times}
    hour_matches = list(_HOUR_RE.finditer(target)) if _HOUR_HINT_RE.search(target) else []
    hours = {m.start(1) for m in hour_matches}
    for m in hour_matches:
        tgt_times.add((int(m.group(1)) % 12, 0))
        tgt_values.update({Decimal(int(m.group(1))), Decimal(int(m.group(1)) % 12 + 12)})
    source_has_digits = bool(src) or bool(src_times)
    out: List[Difference] = []
    # MT that splits a number with a space ("50, 000", "2, 662"): one finding, joined fix
    split_parts = set()
    for m in (_SPLIT_NUMBER_RE.finditer(target) if _SPLIT_HINT_RE.search(target) else ()):
        joined = m.group(1) + "," + m.group(2)
        if Decimal(m.group(1) + m.group(2)) in src_values:
            out.append(Difference(m.start(), m.end(), f"“{m.group()}” is one number split by a "
                                                      f"space: {joined}", (joined,),
                                  "locale/number-format", None, None))
            split_parts.update((m.start(1), m.start(2)))
            tgt_values.add(Decimal(m.group(1) + m.group(2)))
    unmatched = 0
    for n in tgt:
        if n.quiet or n.values & src_values or n.start in split_parts or n.start in hours:
            continue
        dot_time = _DOT_TIME_RE.match(n.text)
        if dot_time and (int(dot_time.group(1)) % 12, int(dot_time.group(2))) in src_times:
            continue  # the source's clock time kept in its own 24-hour form (21.00)
        value = min(n.values)
        if not source_has_digits and value < 13 and value == value.to_integral_value():
            continue  # a small count the source wrote as a word we do not read
        local = _read(n.text, lang in COMMA_DECIMAL)
        # "written the source's way" only where English cannot read it so: 1.000, 2,5
        source_way = "." in n.text or not re.fullmatch(r"\d{1,3}(?:,\d{3})+", n.text)
        if lang in COMMA_DECIMAL and local is not None and local in src_values and source_way:
            tgt_values.add(local)
            out.append(Difference(
                n.start, n.end,
                f"“{n.text}” is written the source's way: it is {_english(local)} in the "
                f"source; English writes {_english(local)}",
                (_english(local),), "locale/number-format", None, None))
            continue
        unmatched += 1
        out.append(Difference(n.start, n.end, f"{n.text} is not in the source ({_listing(src)})",
                              (), None, None, None))
    if src_times:
        for hour, minute in sorted(tgt_times - src_times):
            out.append(Difference(0, len(target), f"the time {hour}:{minute:02d} (12-hour "
                                                  f"clock) is not the source's", (), None,
                                  None, None))
    if unmatched:
        return out  # the target's odd number already tells of the difference
    joined_in_target = {start for starts, value in joined_groups if value in tgt_values
                        for start in starts}
    for n in src:
        if n.quiet or n.values & tgt_values or _century_readings(set(n.values)) & tgt_values:
            continue
        if n.start in joined_in_target:
            continue  # "62 01" written 6201
        value = min(n.values)
        if value < 13 and value == value.to_integral_value():
            continue  # day and month numbers, counts the translation may spell out
        out.append(Difference(0, len(target), f"the source's {n.text} is not in the "
                                              f"translation", (), None, n.start, n.end))
    return out


def _listing(nums: List[Number]) -> str:
    if not nums:
        return "the source has no numbers"
    return "source numbers: " + ", ".join(n.text for n in nums[:6])
