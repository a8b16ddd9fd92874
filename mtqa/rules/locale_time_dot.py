"""A 24-hour clock time written with a full stop, the Russian/Ukrainian way: "at 22.00 Moscow
time", "from 10.00 to 21.00"."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register
from mtqa.rules._gates import finditer_at
from mtqa.rules._punct import in_code_or_markup

# What may follow a time: the end of the line or clause, a time zone, "hours", or the other
# end of a range. Anything else (a unit, a currency, a word) makes the figure a decimal:
# "19.50 euros", "15.30 points", "version 13.04 of".
_AFTER_TIME = (r"(?=\s*(?:$|[,;)!?⏰]|\.(?!\d)|(?:Moscow|Kyiv|Kiev|local|GMT|UTC|CET|EET|MSK|"
               r"Astana|Beijing)\b|h\b|hrs?\b|hours?\b|o'clock\b|"
               r"(?:and|to|until|till|-|–|—)\s+\d))")
_NOT_BEFORE = r"(?<![\w.,:/$€£¥₴₽-])"
# Hours 13-23 or a leading zero (00-09): a 24-hour time. "3.45" and "10.30" stay, the
# British 12-hour style ("3.45pm", Guardian style guide "times").
_TIME_24 = _NOT_BEFORE + r"(?:1[3-9]|2[0-3]|0\d)\.[0-5]\d(?![\d.,]\d)" + _AFTER_TIME
# The start of a range whose end is a 24-hour time: "from 10.00 to 21.00".
_RANGE_START = (_NOT_BEFORE + r"(?:1[0-2]|\d)\.[0-5]\d(?=\s*(?:to|until|till|-|–|—)\s*"
                r"(?:1[3-9]|2[0-3])\.[0-5]\d(?![\d.,]\d))")
# Either, in one pass. Their hours differ (13-23 or 0d; 10-12 or one digit), so at most one
# matches at a place, and neither can start inside the other's figure (_NOT_BEFORE): the
# matches are those of the two patterns.
_DOTTED_24 = re.compile(f"{_TIME_24}|{_RANGE_START}", re.MULTILINE)
# Where a dotted time can start: both patterns open with one or two digits, a full stop and
# the minutes' first digit; they begin with a lookbehind, which finditer would try at every
# character (rules/_gates.finditer_at).
_DOTTED_TIME = re.compile(r"\d\d?\.[0-5]")


@register
class TimeWithDot(Rule):
    """A 24-hour time written with a full stop: “The game will start at 22.00 Moscow time”,
    “Work schedule: from 10.00 to 21.00”, “the auction ends at 21.30 hours”. Russian and
    Ukrainian write hours and minutes apart with a full stop (в 22.00, о 21.30; Rosenthal,
    Справочник по правописанию, the full stop between hours and minutes); MT copies it. English
    news writes a 24-hour time with a colon, or the 12-hour clock: AP Stylebook “times”
    (“10:30 a.m.”, a colon between hours and minutes), Chicago Manual of Style 9.39 (“14:00”),
    ISO 8601 (hh:mm). The British full stop belongs to the 12-hour clock only (Guardian
    style guide, “times”: 6.30pm), so a dotted time is flagged only when its hour is 13–23 or
    written with a leading zero, or when it opens a range ending in such a time.

    Not flagged: decimals (“at 19.50 euros”, “15.30 points”: a word other than a time zone,
    “hours” or a range follows), dates (“21.05.2022”), British 12-hour times (“at 3.45 GMT”),
    code and markup. The suggestion writes the colon and is unsafe (an editor may prefer
    “10 p.m.”).
    Seen in WMT23 MT of 5 documents from 11 systems (67 matches), in no reference or English
    original (bench/mt_only_pattern.py, session 5): the reference translators write “22:00”.
    """

    id = "locale-time-dot"
    summary = "24-hour time with a full stop (at 22.00 Moscow time)"
    category = "locale/number-format"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "The game will start at 22.00 Moscow time.",
             "fixed": "The game will start at 22:00 Moscow time.", "source_lang": "ru"},
            {"text": "Work schedule: from 10.00 to 21.00, without days off.",
             "fixed": "Work schedule: from 10:00 to 21:00, without days off."},
            {"text": "The auction starts on 07.05.2022 at 21.00 hours.",
             "fixed": "The auction starts on 07.05.2022 at 21:00 hours.", "source_lang": "uk"},
        ],
        "leave": [
            "The game will start at 22:00 Moscow time.",
            "Tickets cost 19.50 euros and the match starts at 3.45pm.",
            "He scored 15.30 points on 21.05.2022 in version 13.04 of the test.",
            "Prices rose 14.25% in a year.",
            # 12-hour times in British style, a range included (the hour is what tells)
            "The talks ran from 10.30 to 11.45 Kyiv time.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if "." not in text:
            return
        for m in finditer_at(_DOTTED_24, text, _DOTTED_TIME, blanks=""):
            start, end = m.start(), m.end()
            if in_code_or_markup(article, start, end):
                continue
            time = m.group()
            yield self.finding(
                start, end,
                f"“{time}” writes hours and minutes apart with a full stop, the "
                f"Russian/Ukrainian way; English writes a 24-hour time with a colon",
                [time.replace(".", ":")])
