import re

from mtqa.registry import Rule, register

_DECIMAL = re.compile(r"(?<![\w.,])(\d{1,3}),(\d+)(?!\d|[.,]\d)")
_LIST_CONTEXT = re.compile(
    r"\b(?:articles?|paragraphs?|chapters?|pages?|pp|verses?|items?|clauses?|points?|"
    r"sections?|parts?|nos?|numbers?|rooms?|seats?|rows?|lines?)\.?\s*$", re.IGNORECASE)
# What every _DECIMAL match holds; _DECIMAL's lookbehind is tried at every position, this
# literal-led search is ~15x cheaper, and most articles have none.
_COMMA_DIGIT = re.compile(r",\d")


@register
class DecimalComma(Rule):
    """A comma used as the decimal mark, as Indonesian, Ukrainian, Russian and most of Europe
    write it: "1,5 million" for 1.5 million, "31,8%", "3-3,5 months". An English reader sees
    a list or a misprint, or (with three decimals) a figure a thousand times too large.

    Flagged when the digits after the comma cannot be an English thousands group: not exactly
    three of them ("1,5", "44,6", "0,12345"), or the figure starts "0," ("0,125"). Not
    flagged: "280,000" and other three-digit groups (English thousands), lists of figures
    ("1,2,3"; "articles 3,4"), pairs in brackets ("[1,1]", "(0,1)"), and a comma between a year and a number ("in 2019,20 people"
    is a missing space). The suggestion writes the figure with a dot; an editor confirms.
    """

    id = "locale-decimal-comma"
    summary = "Comma as decimal mark (1,5 million for 1.5 million)"
    category = "locale/number-format"
    severity = "major"
    examples = {
        "flag": [
            {"text": "Growth was 31,8% this year.", "fixed": "Growth was 31.8% this year."},
        ],
        "leave": [
            "Kherson had 280,000 residents.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        first = _COMMA_DIGIT.search(text)
        if not first:
            return
        # a match starts at most three digits before its first group
        for m in _DECIMAL.finditer(text, max(0, first.start() - 3)):
            whole, frac = m.group(1), m.group(2)
            if len(frac) == 3 and whole != "0":
                continue  # 280,000: an English thousands group
            if m.start() > 0 and text[m.start() - 1] in "[(" and text[m.end():m.end() + 1] in (
                    "]", ")"):
                continue  # a pair or vector: [1,1], (0,1)
            if _LIST_CONTEXT.search(text[max(0, m.start() - 20):m.start()]):
                continue
            english = f"{whole}.{frac}"
            yield self.finding(
                m.start(), m.end(),
                f"“{m.group()}” uses a comma as the decimal mark; in English write {english}",
                [english])
