import re

from mtqa.registry import Rule, register

# A figure (digits, optionally a dot decimal), optionally a range ("10-15", "5 to 7"), then
# "thousand(s)". A figure with a comma that is not a thousands group ("20,6") is a decimal
# comma: locale-decimal-comma flags it first, and this rule sees "20.6 thousand" after that fix
# (two findings on one figure would double its weight).
_FIGURE = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_THOUSAND = re.compile(
    rf"(?<![\w.,])(?:({_FIGURE})(\s*[-–]\s*|\s+(?:to|and|or)\s+))?({_FIGURE})(\s+)thousands?\b"
    r"(?![-‑]?(?:th|fold)\b)",
    re.IGNORECASE)
# "1 million 200 thousand": the thousands belong to a larger figure; the finding covers both.
_MILLION_BEFORE = re.compile(r"(?<![\w.,])(\d+)\s+(million|billion)\s+$", re.IGNORECASE)
_SCALE = {"million": 10 ** 6, "billion": 10 ** 9}


def _value(figure: str):
    """The figure's value in thousandths of a unit as an int, or None when the dot could be
    a thousands separator ("1.500 thousand")."""
    whole, _, decimals = figure.replace(",", "").partition(".")
    if len(decimals) == 3 and "," not in figure:
        return None  # 1.500: a thousands dot or three decimals? locale-thousands-dot's call
    return int(whole) * 1000 + (int(decimals.ljust(3, "0")[:3]) if decimals else 0), \
        len(decimals) <= 3


_WORD = re.compile(r"thousands?\b", re.IGNORECASE)


def _matches(text: str):
    """_THOUSAND's matches, found from the word "thousand" backwards (few per article) rather
    than by trying the figure pattern at every character of the text."""
    for word in _WORD.finditer(text):
        found = None
        for m in _THOUSAND.finditer(text, max(0, word.start() - 40), word.end() + 12):
            if m.end() == word.end():
                found = m
        if found:
            yield found


def _numeral(n: int) -> str:
    return f"{n:,}"


@register
class ThousandWord(Rule):
    """A figure followed by the word "thousand": "23 thousand people", "20.6 thousand",
    "3.3 thousand victims", "10-15 thousand". It is the Russian and Ukrainian тыс./тис.
    (тысяч/тисяч) carried over word for word; English news writes the numeral: 23,000
    people, 20,600, 3,300, 10,000-15,000.

    Why it is an artefact: the AP Stylebook writes figures for 10 and above ("numerals") and
    keeps the mixed form of a numeral and a word only for "millions, billions, trillions"
    (23 million, 1.5 billion); The Chicago Manual of Style (17th ed., 9.8, "Large numbers")
    likewise mixes numerals and words only from million up. "23 thousand" is neither style.
    Measured (bench/locale_recall_rules.py): 0 per 1,000 words in English originals, 0.12 in
    the WMT23 uk/ru references (which keep the calque), 0.47 in MT (316 findings); 50 of 50
    read MT findings right.

    Not flagged: "thousands of", "a thousand", "tens of thousands", "one thousand" (words, not
    a figure), "23 million"/"1.5 billion" (English), "thousandth", "a thousandfold", and a
    figure with a decimal comma ("20,6 thousand": locale-decimal-comma's, after whose fix
    this rule sees "20.6 thousand"), or with a dot and exactly three digits ("1.500
    thousand"), which could be a thousands separator. "1 million 200 thousand" is flagged as
    one figure (1,200,000).

    The fix writes the numeral ("23 thousand" → "23,000", "1.5 thousand" → "1,500"). It is
    safe for one figure; a range ("5 to 7 thousand" → "5,000 to 7,000") reads the first
    figure as thousands too, so an editor confirms it.
    """

    id = "locale-thousand-word"
    summary = "Figure with the word “thousand” (23 thousand for 23,000), a тыс./тис. calque"
    category = "locale/number-format"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "The death toll exceeded 23 thousand people.",
             "fixed": "The death toll exceeded 23,000 people."},
            {"text": "More than 3.3 thousand buildings were destroyed.",
             "fixed": "More than 3,300 buildings were destroyed."},
            {"text": "Each family will receive 10 thousand Turkish lira.",
             "fixed": "Each family will receive 10,000 Turkish lira."},
            {"text": "Between 5 and 7 thousand troops were trained.",
             "fixed": "Between 5,000 and 7,000 troops were trained."},
            {"text": "The city had 1 million 200 thousand residents.",
             "fixed": "The city had 1,200,000 residents."},
        ],
        "leave": [
            "Thousands of people fled, and tens of thousands more stayed.",
            "A thousand soldiers and one thousand volunteers arrived.",
            "The budget is 23 million dollars and 1.5 billion euros.",
            "It was the 10 thousandth visitor of the year.",
            "About 20,000 people marched; a thousandfold increase.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if "thousand" not in text.lower():
            return
        for m in _matches(text):
            first, joiner, figure = m.group(1), m.group(2), m.group(3)
            parsed = _value(figure)
            if parsed is None or not parsed[1]:
                continue
            value = parsed[0]
            start = m.start()
            english = _numeral(value)
            safe = True
            before = _MILLION_BEFORE.search(text, max(0, start - 30), start)
            if before and not first:
                big = int(before.group(1)) * _SCALE[before.group(2).lower()]
                english = _numeral(big + value)
                start = before.start()
            elif first:
                low = _value(first)
                if low is None or not low[1]:
                    continue
                if low[0] <= value:
                    english = f"{_numeral(low[0])}{_range_joiner(joiner)}{_numeral(value)}"
                    safe = False
                else:
                    start = m.start(3)  # "500 to 7 thousand": only the second is in thousands
            word = text[start:m.end()]
            yield self.finding(
                start, m.end(),
                f"“{word}”: English writes the figure as a numeral ({english}); "
                f"“thousand” after a figure is a тыс./тис. calque", [english], safe=safe)


def _range_joiner(joiner: str) -> str:
    stripped = joiner.strip()
    return "-" if stripped in ("-", "–") else f" {stripped} "
