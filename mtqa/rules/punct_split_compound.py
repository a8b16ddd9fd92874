import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_chunk, touches_markup

# "long - term", "hard - haired", "large - scale": a spaced hyphen whose right-hand part is a
# compound head that never opens a clause after a dash. Found from " - " (few per article);
# the words either side are checked afterwards.
# " - " first, its letter-before test after it: the same matches as a leading (?<=[a-z]),
# but the regex engine jumps between literal " - " (issue 11).
_SPACED_HYPHEN = re.compile(r" - (?<=[a-z] - )(?=[a-z])")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]+$")
_WORD_AFTER = re.compile(r"[a-z]+(?![\w'’-])")
# Second parts of adjective compounds (Chicago Manual of Style 17th ed., 7.89 hyphenation
# table: "long-term", "high-level", "hard-haired", "average-sized", "large-scale"). Not
# nouns that may open a clause ("level", "speed", "quality"), nor "like", "up", "in", "out",
# "known", "time" or -ing forms: each also opens an aside after a
# dash ("the United Nations - like the World Bank - says", "a break - in the evening").
_COMPOUND_HEADS = frozenset("""
    term based haired headed eyed legged related wide scale range sized dimensional
    owned oriented shaped minded sided bodied coloured colored powered fuelled fueled
""".split())
# First parts punct-number-space already handles ("so - called", "self - defence").
_HANDLED_ELSEWHERE = frozenset("so self non anti semi multi".split())
# Prefixes that never stand alone before a dash ("pre - tax", "ex - president",
# "co - founder", "vice - president"): any second part makes them a split compound.
_PREFIXES = frozenset("pre post ex co mid vice pseudo quasi ultra mega mini micro".split())
# "44 ° C": the degree sign split from its scale letter (°C and °F are one unit symbol).
_SPLIT_DEGREE = re.compile(r"°[ \t]+(?=[CF]\b)")


@register
class SplitCompound(Rule):
    """A compound or a unit symbol split by spaces: "long - term stress", "hard - haired
    flies", "large - scale robots", "long - range systems", "44 ° C". Tokenised MT output
    (a tokeniser's "@-@" undone with spaces) and source typography leave them.

    English closes up a hyphenated compound (Chicago Manual of Style 17th ed., 6.76 and the
    hyphenation table 7.89: "long-term", "high-level", "large-scale") and writes the degree
    sign against its scale letter, °C and °F being one unit symbol (SI Brochure, 9th ed.,
    2019, 2.3.1 and 5.4.3; AP Stylebook, "Fahrenheit", "Celsius"). The zh-en MQM raters mark
    both as Fluency/Spelling or Punctuation errors (bench/mqm_recall.py).

    Flagged when the part before the spaced hyphen is a prefix that never stands alone
    ("pre - tax", "co - founder", "ex - president"), or when the part after it is a compound
    head that never opens an aside after a dash ("term", "scale", "haired", "sized", "range",
    "dimensional", …) and the part before it is a word (capitalised only as a sentence's first): "the United Nations - like the World Bank" and "- in the
    evening" are dashes. "so - called", "self - defence" are punct-number-space's. The fix
    closes the spaces; safe.
    """

    id = "punct-split-compound"
    summary = "Compound or unit symbol split by spaces (long - term, pre - tax, 44 ° C)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Long - term stress harms health.",
             "fixed": "Long-term stress harms health."},
            {"text": "The green - headed fly and the hard - haired flies.",
             "fixed": "The green-headed fly and the hard-haired flies."},
            {"text": "They asked for long - range systems and large - scale aid.",
             "fixed": "They asked for long-range systems and large-scale aid."},
            {"text": "Pre - tax income of the co - founder in three - dimensional space.",
             "fixed": "Pre-tax income of the co-founder in three-dimensional space."},
            {"text": "It warms up to 155 ° F, 43 or 44 ° C.",
             "fixed": "It warms up to 155 °F, 43 or 44 °C."},
        ],
        "leave": [
            "My data comes from the United Nations - like that of the World Bank - and more.",
            "This is another small flower - in different frequency bands.",
            "It was the so - called formula.",
            "Long-term stress harms health; it is 44 °C.",
            "The rate rose - speed was the problem, and quality - level ground.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        spans = []
        if " - " in text:
            for m in _SPACED_HYPHEN.finditer(text):
                after = _WORD_AFTER.match(text, m.end())
                before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                if not (after and before):
                    continue
                first = before.group()
                if first.lower() in _PREFIXES:
                    pass  # "pre - tax", "co - founder"
                elif (after.group() not in _COMPOUND_HEADS or first in _HANDLED_ELSEWHERE
                      or len(first) < 3):
                    continue
                # a sentence-initial compound is capitalised ("Long - term stress")
                spans.append((m.start(), m.end(), "-",
                              f"spaces around the hyphen of “{first}-{after.group()}”"))
        if "°" in text:
            spans += [(m.start(), m.end(), "°", "degree sign split from its scale letter")
                      for m in _SPLIT_DEGREE.finditer(text)]
        findings = []
        for start, end, fix, message in spans:
            if in_code_chunk(text, max(start - 1, 0)) or touches_markup(article, start, end):
                continue
            findings.append(self.finding(start, end, message, [fix], safe=True))
        return findings
