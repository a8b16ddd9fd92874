"""A bracketed gloss that repeats the words before it: "Olaf Scholz (Olaf Scholz)",
"residence permit (residence permit)", "drugs (drugs)"."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_or_markup

# One to four words, then the same words (any case) in round brackets. The last words of the
# phrase before the bracket are enough ("the residence permit (permit)": the gloss repeats
# the head noun).
_REPEAT = re.compile(r"(?i)\b(\w[\w'’-]*(?: \w[\w'’-]*){0,3}) \((\1)\)")


def repeated_glosses(text: str):
    """The matches of `_REPEAT.finditer(text)`, tried only where one can start. The bracket's
    words are the words before it (case aside, so as long), and neither holds a bracket; so
    for a " (" whose ")" is n characters on, the one place a match can start is n - 2
    characters before it (and never inside the previous match, which ends at a ")").
    finditer tries the back-referencing pattern at every word, most of this rule's cost
    (~0.2 ms an article)."""
    at = text.find(" (")
    while at != -1:
        close = text.find(")", at + 2)
        if close == -1:
            return
        m = _REPEAT.match(text, at - (close - at - 2))
        if m and m.start(2) == at + 2:
            yield m
        at = text.find(" (", at + 1)


@register
class RepeatedGloss(Rule):
    """A bracketed gloss that only repeats the words before it: “German Chancellor Olaf
    Scholz (Olaf Scholz)”, “the residence permit (residence permit) of Russians”, “weapons,
    drugs (drugs), cigarettes”. Russian and Ukrainian news give a foreign name's own
    spelling in brackets after its Cyrillic form (“Олаф Шольц (Olaf Scholz)”) and spell out
    an abbreviation or a slang word in brackets (“ВНЖ (вид на жительство)”, “наркотики
    (дурь)”); translated, both sides come out as the same English words. A parenthesis that
    repeats what it follows says nothing (Chicago Manual of Style 6.95–6.96: parentheses
    carry a gloss, translation or abbreviation that adds to the text; New Hart's Rules 4.8.1).
    Seen in WMT23 MT of 6 documents from 8 systems and never in the references or the English
    originals (bench/mt_only_pattern.py, session 5).

    The fix deletes the bracket (safe: the words stand right before it). Not flagged: a
    bracket with more or other words (“Kyiv (Kiev)”, “NATO (North Atlantic Treaty
    Organization)”), code and markup.
    """

    id = "punct-repeated-gloss"
    summary = "Bracketed gloss repeating the words before it (Olaf Scholz (Olaf Scholz))"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "This was stated by German Chancellor Olaf Scholz (Olaf Scholz) on "
                     "Wednesday.",
             "fixed": "This was stated by German Chancellor Olaf Scholz on Wednesday.",
             "source_lang": "uk"},
            {"text": "It began to cancel the residence permit (residence permit) of Russians.",
             "fixed": "It began to cancel the residence permit of Russians.",
             "source_lang": "ru"},
            {"text": "Banned: weapons (including knives), drugs (drugs), cigarettes.",
             "fixed": "Banned: weapons (including knives), drugs, cigarettes."},
        ],
        "leave": [
            "The capital, Kyiv (Kiev), was shelled.",
            "NATO (North Atlantic Treaty Organization) met on Monday.",
            "He met Olaf Scholz (the chancellor) on Wednesday.",
            "Call f(x) (x) twice.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if " (" not in text:
            return
        for m in repeated_glosses(text):
            start, end = m.start(2) - 2, m.end()
            if in_code_or_markup(article, start, end):
                continue
            yield self.finding(
                start, end,
                f"the bracket “({m.group(2)})” repeats the words before it: the source's gloss "
                f"(an original spelling or a spelled-out term) translated into the same English",
                [""], safe=True)
