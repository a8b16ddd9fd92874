"""A paragraph that opens with a comma, semicolon or colon: the words before it were lost."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register

# A comma, semicolon or colon, then a space and the rest of the line: ", it is noted that",
# ": Michael Fassbender, Olga Kurylenko". Not ":)" or ";-)" (a smiley: no space follows) and
# not an ellipsis.
_OPENS_WITH_MARK = re.compile(r"^[ \t]*([,;:]) +(?=[\w\"“'‘(+])", re.MULTILINE)


@register
class ParagraphStartsWithMark(Rule):
    """A paragraph (line) that opens with a comma, semicolon or colon: “¶ , it is noted that
    the earthquake is the strongest since 1939”, “¶ , he assures that …”, “¶ : Michael
    Fassbender, Olga Kurylenko, Dominic West” (the label “Starring:” lost), “¶ : +7 (495)
    229 6200” (“Phone:” lost). No English sentence or line starts with these marks (New
    Hart's Rules, 2nd ed., ch. 4: a comma, semicolon or colon follows the words it
    punctuates); MT leaves them when it drops the words before the mark, most often a
    line-initial adverbial (“In addition,”, “However,”) or a label.

    Nothing is suggested: the lost words are in the source. A smiley (“:)”, “;-)”) and an
    ellipsis are left. In Markdown and HTML a colon-initial line may be markup (definition
    lists), so there only commas and semicolons are flagged. Measured
    (bench/en_false_alarms.py --per-rule, session 4): 0 in English originals, 1 in the
    references (a uk-en reference's job list broken over lines, “¶ , MECHANIC IN THE
    PRODUCTION”, itself an error), 47 in MT of 25 different source documents, all read and
    real (bench/reads/punct-paragraph-start.tsv). 43 of the 47 come from one system
    (Lan-BridgeMT, which drops line-initial words), so the MT/reference ratio, 4.6, rests
    mostly on one system's habit.
    """

    id = "punct-paragraph-start"
    summary = "Paragraph opening with a comma, semicolon or colon (words before it lost)"
    category = "accuracy/mistranslation"  # words lost; mtqa has no "omission" category
    severity = "minor"
    examples = {
        "flag": [
            "The number of wounded exceeds 80 thousand.\n, it is noted that the earthquake is "
            "the strongest since 1939.\n",
            "A drama by Steve McQueen.\n: Michael Fassbender, Olga Kurylenko, Dominic West.\n",
            # the mark after an indent: a tab, or spaces at the very start of the text
            "The number of wounded exceeds 80 thousand.\n\t, it is noted that the earthquake "
            "is the strongest since 1939.\n",
            "  , it is noted that the earthquake is the strongest since 1939.\n",
        ],
        "leave": [
            "The number of wounded exceeds 80 thousand.\nIt is the strongest since 1939.\n",
            "Thanks for the help!\n:) See you tomorrow at the station.\n",
            "We waited for hours.\n..., and then the sirens started again.\n",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        # a cheap pre-check: a line that opens with a mark or with an indent (spaces or a tab,
        # which the pattern looks past), or a text that opens with one of them
        if not any(start in text for start in ("\n,", "\n;", "\n:", "\n ", "\n\t")) \
                and text.lstrip(" \t")[:1] not in ",;:":
            return []
        findings = []
        for m in _OPENS_WITH_MARK.finditer(text):
            mark = m.group(1)
            if mark == ":" and article.prose_runs is not None:
                continue  # a Markdown definition list, not a lost label
            findings.append(self.finding(
                m.start(1), m.end(1),
                f"the paragraph opens with “{mark}”: the words before it (an opening phrase "
                "such as “In addition”, or a label such as “Starring” or “Phone”) were lost; "
                "compare the source"))
        return findings
