import re

from mtqa.lexicon import zipf
from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_chunk, touches_markup

# word.Word / word?Word / word!Word, and word,word
_GLUED = re.compile(r"(?<![\w.])([A-Za-z][a-z]+)([.?!])([A-Z][a-z]+)\b(?![.@/]\w)"
                    r"|(?<![\w.])([a-z]{2,}),([a-z]{2,})\b(?![.@/]\w)")
# What every _GLUED match contains; most articles have none, and this scan is far cheaper than
# _GLUED's lookbehinds tried at every position.
# (The mark first and the letters as lookarounds: a pattern led by a class of rare
# characters is searched by re's fast scan for them; led by [a-z], it stopped at nearly every
# character. Same answer, about half the cost; tests/test_speed_gates.py.)
_GLUE_HINT = re.compile(r"[.?!,](?:(?<=[a-z][.?!])(?=[A-Z])|(?<=[a-z],)(?=[a-z]))")
_TLDS = frozenset("com net org gov edu info biz io ru ua uk us eu de fr pl cz id by kz co "
                  "me tv fm am ly app dev online news today media".split())
COMMON = 3.0  # Zipf frequency of an ordinary English word
COMMON_CAPITALISED = 4.0  # a capitalised word before the dot must be a very common one


@register
class MissingSpace(Rule):
    """No space after the end of a sentence or after a comma: "Thursday.Second round",
    "the hospital today.Therefore", "so,that I know,what room". MT systems glue segments
    together this way.

    Flagged only when both sides are ordinary English words (Zipf frequency >= 3; a
    capitalised word before the dot must be a very common one, >= 4, like "Thursday"),
    which keeps out brand and site names written with a dot (Diia.Business, Gazeta.Ru,
    Neva.Today, Kontur.Fokus: the word before is a rare word or a name), initials ("E.Yu."), abbreviations ("U.S.", "e.g.Some" has a one-letter word
    before), domains and files (the word after is a top-level domain or is followed by another
    dot), decimals, and anything in URLs, e-mail addresses and code. The fix inserts the
    space and is safe.
    """

    id = "punct-missing-space"
    summary = "Missing space after a sentence end or comma (“Thursday.Second”)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "They met on Thursday.Second round talks began.", "fixed": "They met on Thursday. Second round talks began."},
        ],
        "leave": [
            "The Diia.Business centre and Gazeta.Ru reported it; see example.com.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not _GLUE_HINT.search(text):
            return
        for m in _GLUED.finditer(text):
            if m.group(1) is not None:
                left, mark, right, pos = m.group(1), m.group(2), m.group(3), m.start(2)
            else:
                left, mark, right, pos = m.group(4), ",", m.group(5), m.start(0) + len(
                    m.group(4))
            need = COMMON_CAPITALISED if left[0].isupper() else COMMON
            if right.lower() in _TLDS or zipf(left) < need or zipf(right) < COMMON:
                continue
            if in_code_chunk(text, pos):
                continue
            if touches_markup(article, m.start(), m.end()):
                continue
            yield self.finding(pos, pos + 1, f"no space after “{mark}” in “{left}{mark}{right}”",
                               [mark + " "], safe=True)
