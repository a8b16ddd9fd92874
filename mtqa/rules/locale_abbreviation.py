import re

from mtqa.registry import Rule, register
from mtqa.rules._scripts import LATIN_SCALE_ABBREVIATIONS, SCALE_WORD_RE, SCALE_WORDS


def _end_with_dot(text, m):
    """Take the abbreviation's dot into the span unless it also ends the sentence."""
    if not m.group(4):
        return m.end(3)
    rest = text[m.end(4):m.end(4) + 3].lstrip(" ")
    return m.end(3) if not rest or rest[0].isupper() or rest[0] == "\n" else m.end(4)


def _abbreviations(rule, text, pattern, english_words, message):
    """A finding for each abbreviation `pattern` finds after a figure (group 3, its dot group
    4), suggesting its English word; `message` is formatted with `written` and `english`."""
    for m in pattern.finditer(text):
        english = english_words[m.group(3).lower()]
        end = _end_with_dot(text, m)
        yield rule.finding(m.start(3), end,
                           message.format(written=text[m.start(3):end], english=english),
                           [english])


@register
class SourceAbbreviation(Rule):
    """A source-language word or abbreviation for a large number or a currency after a
    figure: Indonesian "5 juta" (million), "2 miliar" (billion), "10 ribu" (thousand), "jt",
    "rb"; Russian and Ukrainian "5 млн", "2 млрд", "10 тыс.", "тис.", "грн", "руб.";
    Polish "10 tys.", "5 mld". The suggestion is the English word.

    Only after a figure: "juta" or "ribu" elsewhere is a name or untranslated text. "Rp" for
    rupiah is English usage (the Jakarta Post writes Rp 10 billion) and is not flagged; a
    rupiah figure with dots is `locale-thousands-dot`'s. The Latin abbreviations "mln",
    "bln" and "mlrd" are the off-by-default `locale-mln-abbreviation`: professional
    translators write them too. These words are never flagged twice: `untranslated-script`
    leaves a Cyrillic scale word after a figure to this rule.
    """

    id = "locale-abbreviation"
    summary = "Source-language number or currency abbreviation (5 juta, 10 тыс., 2 млрд)"
    category = "locale/number-format"
    severity = "major"
    examples = {
        "flag": [
            {"text": "Losses reached 5 juta rupiah.", "fixed": "Losses reached 5 million rupiah."},
        ],
        "leave": [
            "Juta is a name, the ribu market opened.",
        ],
    }

    def check(self, article, ctx):
        return _abbreviations(self, article.text, SCALE_WORD_RE, SCALE_WORDS,
                              "“{written}” is a source-language abbreviation: write “{english}”")


_LATIN_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)(\s?)(" + "|".join(
        sorted(map(re.escape, LATIN_SCALE_ABBREVIATIONS), key=len, reverse=True)
    ) + r")(\.?)(?!\w)", re.IGNORECASE)


@register
class LatinScaleAbbreviation(Rule):
    """"mln", "bln", "mlrd" after a figure ("95.2 mln people", "38.8 bln rubles"): calques of
    Russian, Ukrainian and Polish млн/млрд/mln. English news writes "million" and "billion"
    (or "m"/"bn" in headlines).

    Off by default: measured on the WMT23 ru-en references, professional translators wrote
    "mln"/"bln" 23 times (0.39 per 1,000 words, mostly one economics article) and the MT
    systems never did (0.00), so as a translation-artefact signal it is worthless there. Turn
    it on (`--select locale-mln-abbreviation`) where house style forbids the abbreviations.
    """

    id = "locale-mln-abbreviation"
    summary = "“mln”/“bln” abbreviations after a figure (house style: million, billion)"
    category = "locale/number-format"
    severity = "minor"
    default_enabled = False
    examples = {
        "flag": [
            {"text": "Traffic was 95.2 mln people.", "fixed": "Traffic was 95.2 million people."},
        ],
        "leave": [
            "The budget was 95 million.",
        ],
    }

    def check(self, article, ctx):
        return _abbreviations(self, article.text, _LATIN_RE, LATIN_SCALE_ABBREVIATIONS,
                              "“{written}”: write “{english}”")
