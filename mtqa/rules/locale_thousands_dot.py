import re

from mtqa.registry import Rule, register

_NUMBER = re.compile(r"(?<![\d.,])([1-9]\d{0,2})((?:\.\d{3})+)(,\d+)?(?!\d|[.,]\d)")
# Nouns that are counted in whole units: "1.500 people" cannot be one and a half people.
_COUNTED = re.compile(
    r"\s(?:people|persons|residents|inhabitants|citizens|civilians|refugees|migrants|"
    r"soldiers|troops|servicemen|fighters|troopers|officers|police|policemen|workers|"
    r"employees|staff|students|pupils|children|adults|men|women|families|households|"
    r"victims|casualties|deaths|dead|wounded|patients|cases|infections|voters|votes|"
    r"visitors|tourists|participants|members|volunteers|houses|homes|buildings|flats|"
    r"apartments|schools|vehicles|cars|tanks|drones|missiles|shells|rockets|units|jobs|"
    r"signatures|applications|copies|tickets|animals|head)\b")
_SCALE_AFTER = re.compile(r"\s?(?:million|billion|trillion|thousand|mln|bln|bn|mn|m|k)\b",
                          re.IGNORECASE)
_NOT_A_QUANTITY = re.compile(
    r"\b(?:version|v|ver|release|build|firmware|iOS|Android|Windows|macOS|Python|score|"
    r"scored|scores|points|average|rating|odds|ratio|index|IP|address|rate)"
    r"(?:\s+(?:of|is|was|at|to))?\W{0,3}$",
    re.IGNORECASE)
_RUPIAH = re.compile(r"(?:Rp|IDR)\s?$")
# What every _NUMBER match holds; _NUMBER's lookbehind is tried at every position, this
# literal-led search is ~20x cheaper, and most articles have no such group.
_DOT_GROUP = re.compile(r"\.\d{3}")


@register
class ThousandsDot(Rule):
    """A dot used as the thousands separator, as Indonesian, Ukrainian, Russian (in print),
    German and most of Europe write it: "280.000 residents" for 280,000, "1.500.000" for
    1,500,000, "Rp 10.000". An English reader takes "280.000" for two hundred and eighty.

    Flagged when the reading is certain: two or more dot groups (1.500.000), or one group when
    it is .000, when a counted noun follows ("1.500 people": there are no half people), when
    the figure is in rupiah (which has no decimals), or in the full European form 1.234,56.
    Not flagged: a decimal with a scale word ("2.626 billion" is English), version numbers,
    IP addresses (four groups starting at 100 or more), scores, odds, indices and rates
    ("a batting average of 1.000", a gymnastics score of 14.000), times ("20.40"), dates.
    The suggestion writes the figure with commas; an editor confirms.
    """

    id = "locale-thousands-dot"
    summary = "Dot as thousands separator (280.000 for 280,000)"
    category = "locale/number-format"
    severity = "major"
    examples = {
        "flag": [
            {"text": "Kherson had 280.000 residents.", "fixed": "Kherson had 280,000 residents."},
        ],
        "leave": [
            "Fuel costs $3.499 a litre.",
            "Kherson had 280,000 residents.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        first = _DOT_GROUP.search(text)
        if not first:
            return
        # a match starts at most three digits before its first group
        for m in _NUMBER.finditer(text, max(0, first.start() - 3)):
            head, groups, decimals = m.group(1), m.group(2), m.group(3)
            parts = groups.count(".")
            before = text[max(0, m.start() - 24):m.start()]
            after = text[m.end():m.end() + 24]
            if m.start() > 0 and text[m.start() - 1].isalpha() and not _RUPIAH.search(before):
                continue  # v2.100, ISO9.001
            if _NOT_A_QUANTITY.search(before):
                continue
            if parts == 3 and int(head) >= 100:
                continue  # an IP address, not a hundred billion
            if parts == 1 and not decimals:
                if _SCALE_AFTER.match(after):
                    continue  # 2.626 billion: an English decimal
                if not (groups == ".000" or _COUNTED.match(after) or _RUPIAH.search(before)):
                    continue
            english = head + groups.replace(".", ",") + (decimals or "").replace(",", ".")
            yield self.finding(
                m.start(), m.end(),
                f"“{m.group()}” uses a dot as the thousands separator; in English "
                f"write {english}", [english])
