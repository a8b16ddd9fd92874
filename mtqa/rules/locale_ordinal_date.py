"""A date written with an ordinal suffix: "on February 24th", "on the 18th of May"."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_or_markup

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_DAY = r"(?:[12]?\d|3[01])"
_SUFFIX = r"(?:st|nd|rd|th)"
# "February 24th" (not "February 24th-century"), and "(the) 18th of May".
_MONTH_DAY = re.compile(r"\b(" + _MONTH + r") (" + _DAY + r")" + _SUFFIX + r"\b(?![-'’])")
_DAY_OF_MONTH = re.compile(r"\b(?:(the) )?(" + _DAY + r")" + _SUFFIX + r" of (" + _MONTH
                           + r")\b")
# Where an ordinal date can be: a figure with its suffix (most articles have none, and this
# digit-led pattern is cheaper to scan for than the month names).
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")
# Holidays named by their date keep it: "the Fourth of July", "the 4th of July parade".
_HOLIDAY = {("4", "July")}


@register
class OrdinalDate(Rule):
    """A calendar date written with an ordinal suffix: “her life changed on February 24th”,
    “protests are planned for February 16th”, “on the 18th of May”. English news writes
    the day of a date as a cardinal figure: AP Stylebook “dates” (“Always use Arabic figures,
    without st, nd, rd or th”), Chicago Manual of Style 9.32 (“cardinal numbers are used for
    dates, even though they may be pronounced as ordinals”), Guardian and Observer style
    guide “dates” (“24 February”, no “th”). MT writes the spoken form of the source's
    ordinal (24 февраля, 24-го; 24 лютого), chiefly GPT-4 and NLLB.
    Seen in WMT23 MT of 22 documents from 8 systems (50 findings), in two references (real
    slips against the style guides, read in bench/reads/false-alarm-corpora.tsv) and in no
    English original (session 6).

    Not flagged: a day without its month (“on the 24th”: the month may be far), “the
    Fourth of July” and “4th of July” (a holiday's name), centuries (“the 19th century”).
    The fix drops the suffix (safe); “the 18th of May” becomes “May 18” (unsafe: a British
    house writes “18 May”).
    """

    id = "locale-ordinal-date"
    summary = "Date with an ordinal suffix (on February 24th)"
    category = "locale/number-format"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "And everything was fine, but her life changed on February 24th.",
             "fixed": "And everything was fine, but her life changed on February 24."},
            {"text": "The next mass protests are scheduled for February 16th.",
             "fixed": "The next mass protests are scheduled for February 16.",
             "source_lang": "ru"},
            {"text": "On Wednesday on the 18th of May, the government approved it.",
             "fixed": "On Wednesday on May 18, the government approved it.",
             "source_lang": "uk"},
        ],
        "leave": [
            "Her life changed on February 24.",
            "They met on 24 February and again on the 25th.",
            "The 4th of July parade and the 19th century were discussed.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not _ORDINAL.search(text):
            return
        for m in _MONTH_DAY.finditer(text):
            start, end = m.start(), m.end()
            if in_code_or_markup(article, start, end):
                continue
            plain = f"{m.group(1)} {m.group(2)}"
            yield self.finding(
                start, end,
                f"a date is written with a cardinal day: “{plain}” (AP, Chicago 9.32)",
                [plain], safe=True)
        for m in _DAY_OF_MONTH.finditer(text):
            if (m.group(2), m.group(3)) in _HOLIDAY:
                continue
            start, end = m.start(), m.end()
            if in_code_or_markup(article, start, end):
                continue
            plain = f"{m.group(3)} {m.group(2)}"
            yield self.finding(
                start, end,
                f"a date is written with a cardinal day: “{plain}” (AP, Chicago 9.32; "
                f"“{m.group(2)} {m.group(3)}” in British house style)",
                [plain, f"{m.group(2)} {m.group(3)}"], safe=False)
