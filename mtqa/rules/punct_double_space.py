"""Two spaces between two words of a sentence, where MT dropped a dash or colon."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register

# Two spaces (exactly: longer runs, alignment or tables, fail the lookarounds) after a word, comma,
# bracket or quote and before a word. Not after a full stop, "?", "!", ":" or ";": two spaces
# after a sentence are a typing habit, not a lost mark.
_DOUBLE_SPACE = re.compile(r"(?<=[\w,)\"”’])  (?=\w)")


@register
class DoubleSpace(Rule):
    """Two spaces between two words: “the best grade of coal  anthracite”, “two children  a
    son and a daughter”, “Social assistance  is three hundred zlotys”. The source had a dash
    or colon there (“вугілля — антрацит”, the Russian/Ukrainian dash standing for “is”) and
    the MT system dropped the mark but kept both spaces around it. Edited English has one
    space between words (Chicago Manual of Style, 17th ed., 6.7 and 2.9), so the editor mends
    it either way: restore the mark (a dash, a colon, “is”) or close the gap.

    Only in plain text (and feed fields read as plain text), where every space is printed as
    typed: HTML and Markdown collapse runs of spaces, so there two spaces are invisible and
    not an error. Runs of three or more spaces (columns, alignment) and two spaces after a
    sentence are left. The suggestions are shown, never applied: which mark was lost needs
    the source. Measured (bench/en_false_alarms.py --per-rule, session 4): 0 in English
    originals, 2 in the references (“having  noted”, “subtitles,  it's”: typing slips of
    the references), 130 in MT of 32 different source documents; a read sample of 50 is all
    real (bench/reads/punct-double-space.tsv: 46 a lost mark, 4 a stray space).
    """

    id = "punct-double-space"
    summary = "Two spaces between words (a dash or colon of the source lost)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            "Ukraine has deposits of the best grade of coal  anthracite, the carbon content of "
            "which is high.",
            "She met her husband and gave birth to two children  a son and a daughter.",
        ],
        "leave": [
            "Ukraine has deposits of the best grade of coal — anthracite.",
            "The war is over.  A new era begins.",
            "Name      Age\nOlena     34\n",
            # two spaces that markup makes meaningless: a Markdown hard line break (two spaces
            # at a line's end), a run of spaces between words that Markdown and HTML collapse,
            # the indentation of HTML source
            {"text": "Kyiv, 1 December  \nThe best grade of coal  anthracite is mined here.\n",
             "path": "story.md"},
            {"text": "<article>\n  <p>The best grade of coal  anthracite is mined here.</p>\n"
                     "  <p>Two children  a son and a daughter.</p>\n</article>\n",
             "path": "story.html"},
            "Kyiv, 1 December  \nThe mines reopened.\n",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if "  " not in text or article.prose_runs is not None:
            return []  # no double space, or markup whose renderer collapses spaces
        findings = []
        for m in _DOUBLE_SPACE.finditer(text):
            findings.append(self.finding(
                m.start(), m.end(),
                "two spaces between words: the source probably had a dash or colon here that "
                "MT dropped; restore it (or “is”), or close the gap",
                [" — ", ": ", " "], display_only=True))
        return findings
