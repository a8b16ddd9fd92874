"""A space inside a contraction or possessive: "it’ s", "we’ re", "the channel 's"."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_or_markup

# A letter, then the apostrophe and the ending of a contraction or possessive with a space on
# one side: "it’ s", "we’ re", "don’ t" (space after) or "channel 's" (space before). The
# ending must end the word ("’ said" is a closing quote before a word), and a space-before
# form must not be a quoted letter ("the 'd' key").
_SPLIT = re.compile(
    r"(?<=[A-Za-z])(['’])( )(?:s|re|ve|ll|d|m|t)\b"
    r"|(?<=[A-Za-z])( )(['’])(?:s|re|ve|ll|d|m|t)\b(?!['’])")
# Every match has an apostrophe next to a space; substring tests run in C, far cheaper than
# the pattern's scan, and most articles have none of them.
_HINTS = ("' ", "’ ", " '", " ’")


@register
class SplitContraction(Rule):
    """A space inside a contraction or a possessive: “it’ s a no brainer”, “we’ re not”,
    “Let’ s go”, “the channel 's live broadcast”. MT systems that tokenise the apostrophe off
    the word and join the tokens back with spaces leave them (detokenisation errors); in
    English the apostrophe joins the two parts with no space (Chicago Manual of Style, 17th
    ed., 7.17 and 7.30; New Hart's Rules 4.2). The fix removes the space and is safe.

    Not flagged: a closing quotation mark before a word (“‘Yes,’ said”), a quoted letter
    (“the 'd' key”), code and markup. Measured (bench/en_false_alarms.py --per-rule,
    session 4): 0 in English originals, 0 in the references, 40 in MT of 24 different source
    documents, all read and real (bench/reads/punct-split-contraction.tsv); 31 of the 40 come
    from one system (ZengHuiMT).
    """

    id = "punct-split-contraction"
    summary = "Space inside a contraction or possessive (it’ s, we’ re, the channel 's)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "It’ s a no brainer that the plan will work.",
             "fixed": "It’s a no brainer that the plan will work."},
            {"text": "Also, the channel 's live broadcast is blocked.",
             "fixed": "Also, the channel's live broadcast is blocked."},
        ],
        "leave": [
            "It’s a no brainer, and we’re ready.",
            "‘Yes,’ said the guard, ‘it is.’",
            "Press the 'd' key and then the 's' key.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not any(hint in text for hint in _HINTS):
            return
        for m in _SPLIT.finditer(text):
            if m.group(1) is not None:
                start, end, kept = m.start(1), m.end(2), m.group(1)
            else:
                start, end, kept = m.start(3), m.end(4), m.group(4)
            if in_code_or_markup(article, start, end):
                continue
            yield self.finding(start, end, "space inside a contraction or possessive",
                               [kept], safe=True)
