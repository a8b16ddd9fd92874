import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_chunk, touches_markup

# "$ 10": a currency sign set apart from its figure.
# (Patterns start with a character to look for rather than a lookbehind, so the regex engine
# skips ahead; what comes before is checked in Python.)
_CURRENCY = re.compile(r"([$€£¥₴₽])([ \t]+)(?=\d)")
_NOT_BEFORE_CURRENCY = re.compile(r"[\w$€£¥₴₽]")
# "90, 000", "5, 000 CZK": a thousands group split off by a space. Only ", 000", or any group
# after a word that only comes before a quantity ("more than 2, 500 kg"): a space before other
# groups ("On February 7, 757 people") is an ordinary comma between a date and a figure.
# (the first digit before the "no word character, dot or comma before it" test: the same
# matches as a leading lookbehind, but the engine jumps from digit to digit; issue 11)
_SPLIT_GROUP = re.compile(r"(\d(?<![\w.,]\d)\d{0,2}),([ \t]+)(\d{3})(?![\d,.]\d|\d)")
_QUANTIFIER_BEFORE = re.compile(
    r"\b(?:than|about|over|nearly|almost|around|approximately|roughly|some|total of) $",
    re.IGNORECASE)
_SPLIT_HINT = re.compile(r",[ \t]+\d{3}")
# "so - called", "self - defence", "non - governmental": a hyphen inside a compound whose first
# part never stands alone, spaced as if it were a dash (tokenised MT output, "@-@" undone).
# Found from the hyphen (few per article) rather than from every word; the prefix before it
# is checked afterwards.
_SPACED_HYPHEN = re.compile(r"-[ \t]*(?=[a-z])")
_PREFIX_BEFORE = re.compile(r"(?<![\w-])(so|self|non|anti|semi|multi)$", re.IGNORECASE)


@register
class NumberSpace(Rule):
    """A space where English sets figures and compounds tight: after a currency sign ("$ 10
    billion", "€ 5"), inside a thousands figure split at its comma ("90, 000", "5, 000 CZK"),
    and around the hyphen of a compound whose first part never stands alone ("so - called",
    "self - defence", "non - governmental", "anti - aircraft"). Tokenised MT output and source
    typography leave them (Russian and Ukrainian set a space between a figure and its
    currency; tokenisers split "so-called" into "so @-@ called").

    English writes $10 billion and €5 (AP Stylebook, "dollars": "$4", no space; Chicago
    Manual of Style 17th ed., 9.22), 90,000 (AP "numerals"; Chicago 9.55: a comma between
    groups of three digits, no space), and so-called, self-defence (a hyphenated compound
    never has spaces around its hyphen: Chicago 6.75, 7.85).

    Not flagged: a date and a figure ("On February 7, 757 people": only a split ", 000",
    or a split group after a quantifier such as "more than 2, 500 kg", is certain), a
    currency sign after a word ("US$ 10" stays to house style), a dash between words ("it
    was so - for the first time"), code and URLs. The fix deletes the space; safe.

    Measured (bench/locale_recall_rules.py): 0 per 1,000 words in English originals and in
    the references, 0.07 in MT (46 findings, all right) and 17 on zh-en MT (all right).
    """

    id = "punct-number-space"
    summary = ("Space after a currency sign or inside a figure or compound "
               "($ 10, 90, 000, so - called)")
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Poland will buy equipment for $ 10 billion.",
             "fixed": "Poland will buy equipment for $10 billion."},
            {"text": "More than 49, 000 people were injured.",
             "fixed": "More than 49,000 people were injured."},
            {"text": "The ship delivered more than 2, 500 kg of cargo.",
             "fixed": "The ship delivered more than 2,500 kg of cargo."},
            {"text": "It was the so - called Steinmeier formula.",
             "fixed": "It was the so-called Steinmeier formula."},
            {"text": "They need self - defence and anti - aircraft guns.",
             "fixed": "They need self-defence and anti-aircraft guns."},
        ],
        "leave": [
            "Poland will buy equipment for $10 billion, or €9.2 billion.",
            "On February 7, 757 people marched, and 1, 2 and 3 were counted.",
            "It was so - for the first time - hard.",
            "A so-called self-defence unit of non-governmental volunteers.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not (" " in text or "\t" in text):
            return []
        spans = []
        if any(c in text for c in "$€£¥₴₽"):
            spans += [(m.start(2), m.end(2), "", f"space after the currency sign “{m.group(1)}”")
                      for m in _CURRENCY.finditer(text)
                      if not (m.start() and _NOT_BEFORE_CURRENCY.match(text, m.start() - 1))]
        if _SPLIT_HINT.search(text):
            for m in _SPLIT_GROUP.finditer(text):
                if m.group(3) == "000" or _QUANTIFIER_BEFORE.search(
                        text, max(0, m.start() - 20), m.start()):
                    spans.append((m.start(2), m.end(2), "",
                                  "space inside a figure after its thousands comma"))
        if " -" in text or "- " in text:
            for m in _SPACED_HYPHEN.finditer(text):
                start = m.start()
                while start > 0 and text[start - 1] in " \t":
                    start -= 1
                if start == m.start() and m.end() == m.start() + 1:
                    continue  # "so-called": no space at all
                prefix = _PREFIX_BEFORE.search(text, max(0, start - 8), start)
                if not prefix:
                    continue
                if prefix.group(1).lower() == "so" and not text.startswith("called", m.end()):
                    continue  # "it was so - for the first time": a dash
                spans.append((start, m.end(), "-", "spaces around the hyphen of a "
                              f"compound (“{prefix.group(1).lower()}-”)"))
        findings = []
        for start, end, fix, message in sorted(set(spans)):
            if in_code_chunk(text, max(start - 1, 0)) or touches_markup(article, start, end):
                continue
            findings.append(self.finding(start, end, message, [fix], safe=True))
        return findings
