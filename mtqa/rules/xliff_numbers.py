"""Numbers in an XLIFF target that do not match its source, read in each side's locale."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Set, Tuple

from mtqa.registry import Rule, register

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

_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f\u2009 ]\d+)*(?![\d])")
_TIME_RE = re.compile(r"(?<![\w.,:])([01]?\d|2[0-3])[.:]([0-5]\d)(?=\s*(?:[ap]\.?m\b|WIB|WITA|WIT"
                      r"|GMT|UTC|h\b|hrs\b|uhr\b|год|час)|$|[^\d.,])", re.I)
_DATE_RE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_PM_RE = re.compile(r"\s*p\.?m\b", re.I)
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b")


class Number(NamedTuple):
    start: int
    end: int
    text: str
    values: FrozenSet[Decimal]      # readings in the side's own locale, with and without scale
    foreign: FrozenSet[Decimal]     # readings in the other locale (target only)
    quiet: bool = False             # part of a date: counts for matching, never reported


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


def numbers(text: str, lang: Optional[str], target: bool = False) -> Tuple[List[Number], Set]:
    """Numbers in a segment (times and dates aside) and its clock times as (hour % 12, min)."""
    comma_decimal = (lang or "en") in COMMA_DECIMAL
    scales = SCALES.get(lang or "en", {})
    times = set()
    skip = set()
    for m in _TIME_RE.finditer(text):
        hour = int(m.group(1)) % 12
        times.add((hour, int(m.group(2))))
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
            after = re.match(r"\s?([千万萬亿億]|[^\W\d_]+)", text[end:end + 16])
            if after and after.group(1).lower().rstrip(".") in scales:
                values.add(own * scales[after.group(1).lower().rstrip(".")])
            foreign = {other} if other is not None else set()
            out.append(Number(start, end, token, frozenset(values), frozenset(foreign)))
    return out, times


def _english(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}".rstrip("0")


@register
class XliffNumberMismatch(Rule):
    """A number in a translated segment that is not in its source, or a number of the source
    that the translation lost. XLIFF files only (the source must be at hand).

    Each side is read in its own locale: in an Indonesian, Ukrainian or Russian source 1.000
    is a thousand and 2,5 is two and a half, so "1.000 orang" → "1,000 people" matches.
    A target number that matches only when read the source's way ("1.000 people") is reported
    as a number left in the source format, with the English form as the suggestion. Scale
    words count on both sides (2,5 juta = 2.5 million = 2,500,000; 3万 = 30,000), clock times
    compare on a 12-hour clock (14.30 WIB = 2:30 p.m.), numbers spelled out in the target
    (five) count, and dates written with slashes or dots are left alone.

    Deliberately not flagged: source numbers below 13 that the target lacks (day and month
    numbers of dates, counts spelled as words in the source), ordinals (1st), numbers glued
    to letters (G7, F16).
    """

    id = "xliff-number-mismatch"
    summary = "A number in the translation differs from the source"
    category = "accuracy/mistranslation"
    severity = "major"
    examples = {
        "flag": [
            {"text": "<xliff version=\"1.2\"><file source-language=\"id\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Harga naik 2,5 persen</source><target>Prices rose 25 percent</target></trans-unit>\n</body></file></xliff>\n", "path": "job.xlf"},
            {"text": "<xliff version=\"1.2\"><file source-language=\"id\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Sebanyak 1.500 warga</source><target>As many as 1.500 residents</target></trans-unit>\n</body></file></xliff>\n", "path": "job.xlf", "fixed": "<xliff version=\"1.2\"><file source-language=\"id\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Sebanyak 1.500 warga</source><target>As many as 1,500 residents</target></trans-unit>\n</body></file></xliff>\n"},
        ],
        "leave": [
            {"text": "<xliff version=\"1.2\"><file source-language=\"id\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Harga naik 2,5 persen</source><target>Prices rose 2.5 percent</target></trans-unit>\n</body></file></xliff>\n", "path": "job.xlf"},
        ],
    }

    def check(self, article, ctx):
        lang = ctx.source_lang
        for seg in article.segments:
            target = article.text[seg.start:seg.end]
            src, src_times = numbers(seg.source, lang)
            tgt, tgt_times = numbers(target, "en", target=True)
            src_values = set().union(*(n.values for n in src)) if src else set()
            tgt_values = set().union(*(n.values for n in tgt)) if tgt else set()
            unmatched = 0
            for n in tgt:
                if n.quiet or n.values & src_values:
                    continue
                start, end = seg.start + n.start, seg.start + n.end
                local = _read(n.text, lang in COMMA_DECIMAL)
                if lang in COMMA_DECIMAL and local is not None and local in src_values:
                    tgt_values.add(local)
                    yield self.finding(
                        start, end,
                        f"“{n.text}” is written the source's way: it is {_english(local)} in "
                        f"the source; English writes {_english(local)}",
                        [_english(local)], category="locale/number-format")
                    continue
                unmatched += 1
                yield self.finding(start, end,
                                   f"{n.text} is not in the source ({_listing(src)})")
            for hour_min in tgt_times - src_times:
                if src_times:
                    yield self.finding(seg.start, seg.end,
                                       f"the time {hour_min[0]}:{hour_min[1]:02d} (12-hour "
                                       f"clock) is not the source's")
            if unmatched:
                continue  # the target's odd number already tells of the difference
            lowered = target.lower()
            for n in src:
                if n.quiet or n.values & tgt_values:
                    continue
                value = min(n.values)
                if value < 13 and value == value.to_integral_value():
                    continue
                if int(value) == value and _SPELLED.get(int(value), "\0") in lowered:
                    continue
                yield self.finding(seg.start, seg.end,
                                   f"the source's {n.text} is not in the translation")


def _listing(nums: List[Number]) -> str:
    if not nums:
        return "the source has no numbers"
    return "source numbers: " + ", ".join(n.text for n in nums[:6])
