"""A news attribution in source word order: "…, reports Anadolu.", "…, writes "Interfax-Ukraine"."."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_or_markup

# After a comma (or a closing quotation mark and a comma) ending the reported clause: the
# present-tense reporting verb, then the outlet - one to four capitalised words (hyphens and
# full stops inside allowed: "Interfax-Ukraine", "Ukrainska Pravda", "the BBC", "RIA
# Novosti") or a quoted name - ending the paragraph (the lead's closing attribution; a full
# stop inside the paragraph may be an abbreviation: "reports the St. Petersburg publication")
# or followed by "citing …" / "with reference to …". "said" and the
# past tense are left: "…, said Smith, the spokesman" is an English inversion before a long
# identifier; "reports/writes X" is not.
_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"     # "Interfax-Ukraine", "Neva.Today"; no final full stop
_NAME = r"(?:[\"“«] ?[^\"”»\n]{1,60}[\"”»]|" + _WORD + r"(?: " + _WORD + r"){0,3})"
_INVERTED = re.compile(
    r",[\"”»]? (reports|writes|informs) ((?:the )?" + _NAME + r")"
    r"(?=\s*[.!?]?[\"”»]?\s*(?:\n|\Z)|,? (?:citing|with reference to|referring to)\b)")
_HINTS = (" reports ", " writes ", " informs ")
# "…, reports Monday" is a date, not an outlet.
_NOT_OUTLETS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                         "February March April May June July August September October "
                         "November December Today Tomorrow Yesterday".split())


@register
class InvertedAttribution(Rule):
    """A news attribution in the source language's word order: “…, reports Anadolu.”,
    “…, writes "Interfax-Ukraine".”, “…, informs TASS.” Russian and Ukrainian news close a
    report with verb + outlet (“…, сообщает ТАСС”, “…, пише «Інтерфакс-Україна»”), and MT
    keeps the order. English news puts the subject first, “…, Anadolu reported.” (AP
    Stylebook, “said”: subject before verb, “Smith said”; the inversion is for “said” before
    a long identifier only; Reuters Handbook of Journalism, attribution in the past tense).
    The fix swaps the two words into “…, Anadolu reports.” and is unsafe (the editor may
    prefer the past tense).

    Not flagged: “said Smith” and other past-tense inversions, an outlet followed by more than
    “citing …” (“writes Podolyak on Twitter”), code and markup. Measured with
    bench/en_false_alarms.py --per-rule (session 4): 0 in English originals, 0 in the
    references, 44 in MT of 10 documents from 10 systems, all read and real
    (bench/reads/attribution-calques.tsv).
    """

    id = "wording-inverted-attribution"
    summary = "Attribution in source word order (“…, reports Anadolu.”)"
    category = "style/awkward"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "In Syria, 1,200 people died, reports Anadolu.",
             "fixed": "In Syria, 1,200 people died, Anadolu reports."},
            {"text": "The minister said on the air of the telethon, writes \"Interfax-Ukraine\".",
             "fixed": "The minister said on the air of the telethon, \"Interfax-Ukraine\" writes."},
            {"text": "Prices rose by 5%, informs the State Statistics Service, citing its data.",
             "fixed": "Prices rose by 5%, the State Statistics Service informs, citing its data.",
             "source_lang": "uk"},
        ],
        "leave": [
            "In Syria, 1,200 people died, Anadolu reported.",
            "\"We will win,\" said Smith, the spokesman.",
            "The war must end, wrote Podolyak on Twitter.",
            "The company, which reports Monday, writes software for banks.",
            "Profit fell, reports Monday.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not any(hint in text for hint in _HINTS):
            return
        for m in _INVERTED.finditer(text):
            start, end = m.start(1), m.end(2)
            if in_code_or_markup(article, start, end):
                continue
            verb, outlet = m.group(1), m.group(2)
            if outlet in _NOT_OUTLETS:
                continue
            yield self.finding(
                start, end,
                f"“{verb} {outlet}” keeps the source's verb-first attribution "
                f"(сообщает / повідомляє X); English news writes “{outlet} {verb}” or "
                f"“{outlet} reported”",
                [f"{outlet} {verb}"])
