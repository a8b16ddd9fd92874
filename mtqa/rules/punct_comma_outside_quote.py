"""A comma left outside the closing quotation mark of a quoted utterance before its
attribution: “"We will never allow this", the president said.”"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Dict

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_chunk, touches_markup

# Verbs of saying that follow (or precede) the speaker in an attribution.
_SAYING = (r"(?:said|says|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
           r"explained|explains|told|tells|wrote|writes|stated|states|continued|continues|"
           r"concluded|concludes|asked|asks|replied|replies|answered|answers|admitted|admits|"
           r"recalled|recalls|commented|comments|remarked|remarks|insisted|insists|warned|"
           r"warns|shared|shares|complained|complains|declared|declares|announced|announces|"
           r"assured|assures|clarified|clarifies|pointed out|points out|specified|specifies|"
           r"shouted|whispered|exclaimed|joked|jokes|summed up|sums up|quipped|confessed|"
           r"confesses|argued|argues|acknowledged|acknowledges|confirmed|confirms|promised|"
           r"promises)")
# The speaker: a pronoun, one to five capitalised words (“Zelensky”, “Comrade Orlov”, “the
# Ministry of Defence” is the next branch), or "the" and up to three lower-case words (“the
# president”, “the hockey player”, “the official synopsis”).
_SPEAKER = (r"(?:he|she|they|we|I|it|you|[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|of|the|de|"
            r"von|van)){0,4}|the[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2})")
# A closing mark (after a letter, a digit, ! ? . … or a bracket), a comma, then the
# attribution: speaker + verb (“", she said”) or verb + speaker (“", said the athlete”).
_COMMA_OUTSIDE = re.compile(
    r"(?<=[\w!?.…)])([\"”]),[ \t]+(?:" + _SPEAKER + r"[ \t]+(?:also[ \t]+|then[ \t]+)?"
    + _SAYING + r"\b|" + _SAYING + r"[ \t]+(?:the[ \t]+)?[\w\"“])")
_NEWLINE = re.compile(r"\n")
_OPENER = re.compile(r"[\"“]")


class _Utterances:
    """Does the quotation that a closing mark ends open its paragraph, a sentence or follow
    a colon or a dash? Then it is a quoted utterance, and English (American and British
    alike) puts the comma before its attribution inside the marks. A quoted fragment inside
    a sentence (“he called it "a disaster", adding …”) is left: British logical punctuation
    keeps that comma outside. A quotation opened in an earlier paragraph is running speech.

    The line breaks and opening marks are listed once per article and found by bisection,
    and the answer is kept per opening mark: searching back (and slicing back to the
    paragraph's start) from every closing mark was quadratic on a long paragraph full of
    them."""

    def __init__(self, text: str):
        self.text = text
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.openers = [m.start() for m in _OPENER.finditer(text)]
        self.by_opener: Dict[int, bool] = {}

    def opens_clause(self, close: int) -> bool:
        i = bisect_left(self.newlines, close) - 1
        para_start = self.newlines[i] + 1 if i >= 0 else 0
        j = bisect_left(self.openers, close) - 1
        if j < 0 or self.openers[j] < para_start:
            return True
        opener = self.openers[j]
        known = self.by_opener.get(opener)
        if known is None:
            # what stands before the opening mark, past spaces (each opening mark's own run
            # of spaces: walked once)
            text, k = self.text, opener
            while k > para_start and text[k - 1].isspace():
                k -= 1
            known = self.by_opener[opener] = k == para_start or text[k - 1] in ".:!?…-–—"
        return known


@register
class CommaOutsideQuote(Rule):
    """A comma outside the closing quotation mark of a quoted utterance that its attribution
    follows: “"We will never allow them to be without shelter", the president said.”, “"Jack
    is tempting fate", says the official synopsis.” Russian and Ukrainian close the quotation
    first and put the comma after it (Rosenthal, Справочник по правописанию, punctuation in
    direct speech: «…», — сказал он); MT keeps that order. English puts the comma inside
    the marks in this position, in American and British usage alike: AP Stylebook
    “quotation marks” (“the period and the comma always go within the quotation marks”),
    Chicago Manual of Style 6.9 and 13.14, New Hart's Rules 9.3.2 (a quoted sentence
    followed by its attribution ends in a comma inside the quotation marks). After “?”,
    “!” the comma is dropped (Chicago 6.119: “"Are you done?" she asked”).

    Only a quotation that opens its paragraph or a sentence (or follows a colon or a dash),
    closed after a letter, figure or stop, and followed by a speaker and a verb of saying
    (“", she said”, “", Zelensky said”, “", said the athlete”): a quoted fragment inside a
    sentence (“called it "a disaster", adding …”) keeps its comma outside in British
    logical punctuation and is left. The Russian dialogue dash after the comma (“", - said
    the head”) is `punct-dialogue-dash`'s finding and is left to it.
    Seen in WMT23 MT of 37 documents from 6 systems (129 findings), in two references (real
    slips of the reference translators, read in bench/reads/false-alarm-corpora.tsv) and in no
    English original (session 6).

    The fix moves the comma inside the marks, or drops it after “?” or “!” (safe).
    """

    id = "punct-comma-outside-quote"
    summary = "Comma outside the closing quote before the attribution (\"Yes\", he said)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": '"We will never allow them to be without shelter", the president said.',
             "fixed": '"We will never allow them to be without shelter," the president said.'},
            {"text": "“A rarity”, said Comrade Orlov, with a gentleness.",
             "fixed": "“A rarity,” said Comrade Orlov, with a gentleness."},
            {"text": "He was asked about it.\n“Together!”, noted Ghebreyesus on Twitter.",
             "fixed": "He was asked about it.\n“Together!” noted Ghebreyesus on Twitter."},
            {"text": 'Officials met. "It works", she explained, "but slowly".',
             "fixed": 'Officials met. "It works," she explained, "but slowly".',
             "source_lang": "uk"},
        ],
        "leave": [
            '"We will never allow this," the president said.',
            'He called the plan "a disaster", adding that it would fail.',
            'The missiles read "For children", the reporter said.',
            '"Are you done?" she asked.',
            '"Kalush", "Azovstal", the names went on.',
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if '",' not in text and "”," not in text:
            return
        utterances = None
        for m in _COMMA_OUTSIDE.finditer(text):
            close = m.start(1)
            utterances = utterances or _Utterances(text)
            if not utterances.opens_clause(close):
                continue
            if in_code_chunk(text, close) or touches_markup(article, close, close + 2):
                continue
            mark = m.group(1)
            dropped = text[close - 1] in "?!"
            yield self.finding(
                close, close + 2,
                "the comma before the attribution goes inside the closing quotation mark"
                + (" (after “?” or “!” it is dropped)" if dropped else "")
                + ": Russian and Ukrainian put it after the mark",
                [mark if dropped else "," + mark], safe=True)
