"""A paragraph that starts in lower case right after a paragraph that ended a sentence."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import ABBREVIATIONS

# This paragraph opens with an all-lower-case word ("weapons (including knives)...", "of
# course if...") -- not "iPhone", "eBay", "e.g." or "www.site.com" -- and itself ends a
# sentence, so it is running prose and not a list item, caption or heading.
_LOWER_OPENING = re.compile(r"[a-z]{2,}(?=[ ,;])")
_ENDS = re.compile(r"[.!?][\"”’»)\]]*\s*\Z")
# The previous paragraph ended a sentence: the same, but not an ellipsis (which may trail on
# into the next line).
_ENDS_SENTENCE = re.compile(r"(?<![.…])" + _ENDS.pattern)
_MIN_WORDS = 4
# Inside a paragraph: a lower-case word of three letters or more, a full stop, a space and a
# lower-case word: "run all over the house. and he is used to", "in the XVIII century. all
# had surnames". Only after a full stop ("what? what about" is informal English) and only
# after an all-lower-case word that is not an abbreviation (Corp., Jan., p.m., etc., approx.).
_MID_PARAGRAPH = re.compile(r"(?<![A-Za-z.'’-])([a-z]{3,})\. ([a-z]{2,})(?=[ ,;])")
_WORD_END = re.compile(r"[a-z]+\Z")
# The dictionary holds abbreviations such as "ng" and "ll": a two-letter opening counts as a
# word only if it is one of English's two-letter words.
_TWO_LETTER_WORDS = frozenset(
    "am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we".split())


@register
class LowercaseParagraphStart(Rule):
    """A paragraph whose first word is in lower case although the paragraph before it ended a
    sentence: “… cigarettes are banned. ¶ weapons (including knives), drugs and alcohol are
    too.” English begins every sentence with a capital (New Hart's Rules, 2nd ed., 4.1.1;
    Chicago Manual of Style, 17th ed., 6.1 and 8.1).

    MT produces it in two ways: a system translating segment by segment loses the capital of
    a segment, or the source splits one sentence over two segments and the system closes the
    first half with a full stop (“can be simply. ¶ convert it into an exploitation film”).
    Either way the editor changes something: the capital, or the stray full stop. The
    fix capitalises the word (unsafe: joining the two lines may be the better repair).

    Inside a paragraph the same: “run all over the house. and he is used to the peace”, “at
    the beginning of the XVIII century. all had surnames” — after a full stop that follows an
    all-lower-case word of three letters or more that is not an abbreviation (etc., approx.,
    incl.; “Corp.”, “Jan.” and “p.m.” never match), never after “?” or “!”.

    At a paragraph start, flagged only when the previous paragraph ends with “.”, “?” or “!” (not “...”, which may
    trail on), this paragraph opens with a word of two or more lower-case letters followed by
    a space or punctuation (so “iPhone”, “eBay”, “e.g.” and web addresses are left), has four
    words or more and itself ends a sentence (list items, captions and headings do not).
    Measured (bench/en_false_alarms.py --per-rule, session 4): 0 in English originals, 1 in
    the references (a Ukrainian reference's deliberate “russian federation”, itself an error
    in English), 363 in MT of 120 different source documents (WMT23 uk-en, ru-en and zh-en
    TED): 317 at a paragraph start, 46 inside one. Read: a random 50 of the paragraph starts,
    all real, and all 46 inside paragraphs, 45 real (“iz website. lolll -” is chat slang)
    (bench/reads/case-lowercase-start.tsv). A word that is not English (“nson fans”,
    “rlier,”: MT cut its first letters) gets no fix, only the message.
    """

    id = "case-lowercase-start"
    summary = "Paragraph starting in lower case after a finished sentence"
    category = "fluency/spelling"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Cigarettes are banned on board.\nweapons (including knives), drugs and "
                     "alcohol are banned too.\n",
             "fixed": "Cigarettes are banned on board.\nWeapons (including knives), drugs and "
                      "alcohol are banned too.\n"},
            "The film can be simply.\nconvert it into an exploitation film of the 1970s.\n",
            {"text": "They scream and run all over the house. and he is used to the peace.",
             "fixed": "They scream and run all over the house. And he is used to the peace."},
            {"text": "The fire lord started a war.\nnson fans held their breath for a year.\n",
             "fixed": "The fire lord started a war.\nnson fans held their breath for a year.\n"},
        ],
        "leave": [
            "Cigarettes are banned on board.\nWeapons and alcohol are banned too.\n",
            "The film can be simply\nconverted into an exploitation film of the 1970s.\n",
            "We waited...\nand then the sirens started again at night.\n",
            "Apple reported its results.\niPhone sales rose by five percent this year.\n",
            "Ingredients:\nflour, sugar and two eggs.\n",
            "The list is short.\nbread and milk\n",
            "They sell pens, paper, etc. and the shop opens at nine.",
            "Shares of Acme Corp. rose after the report at 9 a.m. on Monday.",
            "What? what about the others, she asked.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        findings = []
        previous = ""
        pos = 0
        for line in text.split("\n"):
            start, pos = pos, pos + len(line) + 1
            stripped = line.strip()
            if not stripped:
                continue
            lead = start + len(line) - len(line.lstrip())
            m = _LOWER_OPENING.match(stripped)
            if (m and _ENDS_SENTENCE.search(previous) and _ENDS.search(stripped)
                    and len(stripped.split()) >= _MIN_WORDS
                    and not article.in_headline(lead)):
                word = m.group(0)
                findings.append(self._finding(lead, word))
            previous = stripped
        for m in _mid_paragraph(text):
            if m.group(1) not in ABBREVIATIONS and not article.in_headline(m.start(2)):
                findings.append(self._finding(m.start(2), m.group(2)))
        findings.sort(key=lambda f: f.start)
        return findings

    def _finding(self, start, word):
        from mtqa.spelling import is_known  # the dictionary loads only when a line is found

        if not (word in _TWO_LETTER_WORDS if len(word) == 2 else is_known(word)):
            # "nson fans held their breath", "rlier, the authorities": MT dropped the first
            # letters of the word; a capital would not mend it
            return self.finding(
                start, start + len(word),
                f"“{word}” starts a sentence in lower case and is not an English word: its start "
                "looks cut off, or the full stop before it does not end a sentence (compare the "
                "source)")
        return self.finding(
            start, start + len(word),
            f"“{word}” starts a sentence in lower case after a full stop: capitalise it, or "
            "join the line to the previous one if one sentence was split in two",
            [word[0].upper() + word[1:]])


def _mid_paragraph(text):
    """_MID_PARAGRAPH's matches, tried only at the ". " that have a lower-case letter on both
    sides (str.find is far cheaper than the pattern's scan of every position)."""
    i = text.find(". ")
    while i >= 0:
        if "a" <= text[i + 2:i + 3] <= "z" and "a" <= text[i - 1:i] <= "z":
            word = _WORD_END.search(text, max(0, i - 40), i)
            m = _MID_PARAGRAPH.match(text, word.start()) if word else None
            if m:
                yield m
        i = text.find(". ", i + 2)

