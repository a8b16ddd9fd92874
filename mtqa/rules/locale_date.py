import re

from mtqa.registry import Rule, register

_SLASH_DATE = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\w/])")
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
# Languages that write the day first (nearly all but US English)
_DAY_FIRST_SOURCES = {"id", "ms", "uk", "ru", "pl", "cs", "de", "fr", "es", "it", "pt", "nl",
                      "tr", "vi", "be", "kk", "ro", "bg", "sr", "hr"}


@register
class AmbiguousDate(Rule):
    """A numeric date whose day and month can be swapped: "03/04/2022" is 3 April in the source
    (Indonesian, Ukrainian, Russian write the day first) and 4 March to an American reader.
    English news spells the month out.

    Only dates where both numbers are 12 or less and differ are flagged: "24/02/2022" and
    "12/21/2017" cannot be misread. When the source language is known and writes the day
    first, the first suggestion is that reading ("3 April 2022"), then the other; an editor
    confirms. Not flagged: dotted dates ("08.02.2023"): the WMT23 uk-en references keep
    them as often as the MT output does (18 vs 171 over 11 systems), so they are no sign of
    MT damage; times ("20.40"); fractions without a year ("3/4").
    """

    id = "locale-date"
    needs_any = ("/",)  # every date it flags is written with slashes
    summary = "Ambiguous numeric date (03/04/2022: 3 April or March 4?)"
    category = "locale/number-format"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "The auction begins on 05/07/2022 at 9 p.m.", "source_lang": "uk", "fixed": "The auction begins on 5 July 2022 at 9 p.m."},
            "The auction begins on 05/07/2022 at 9 p.m.",
        ],
        "leave": [
            "It began on 24/02/2022; three quarters is 3/4.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        source = ctx.source_lang or ""
        for m in _SLASH_DATE.finditer(text):
            a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if not (1 <= a <= 12 and 1 <= b <= 12) or a == b:
                continue
            if len(year) == 2:
                year = ("20" if int(year) < 50 else "19") + year
            day_first = f"{a} {_MONTHS[b - 1]} {year}"
            month_first = f"{_MONTHS[a - 1]} {b}, {year}"
            suggestions = [day_first, month_first] if source in _DAY_FIRST_SOURCES \
                else [month_first, day_first]
            yield self.finding(
                m.start(), m.end(),
                f"“{m.group()}” is ambiguous: {day_first} or {month_first}? Spell the month "
                f"out", suggestions)
