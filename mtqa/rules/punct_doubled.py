import re

from mtqa.registry import Rule, register
from mtqa.rules._gates import finditer_at
from mtqa.rules._punct import in_code_chunk, is_abbreviation, touches_markup, word_before

# (pattern, message, suggestions function, safe)
_PATTERNS = re.compile(
    r"(?P<dotq>[ \t]*\.\.(?P<q1>[?!]))(?![.?!])"       # "..?" (the seed's "bombardment ..?")
    r"|(?P<qdots>(?P<q2>[?!])\.\.)(?![.?!])"            # "?.." Russian-style
    r"|(?<![.?!])(?P<two>\.\.)(?![.?!,])"               # two dots, not an ellipsis
    r"|(?P<commas>,,+)"
    r"|(?<!\.)(?P<dotcomma>\.,)"                     # not "...," (an ellipsis, then a comma)
    r"|(?P<commadot>,\.)(?!\.)"
    r"|(?P<qdot>[?!]\.)(?![.?!])"
    r"|(?P<semis>;;+|(?<!:)::(?!:))")

# Every alternative above holds two adjacent marks; most articles have none, and this scan is
# far cheaper than the lookbehinds tried at every position.
_TWO_MARKS = re.compile(r"[.,;:?!][.,;:?!]")


def _matches(text: str):
    """The matches of _PATTERNS.finditer(text), tried only at pairs of adjacent marks (issue
    11): finditer tried the lookbehinds at every character (~0.4 ms in an article with
    several pairs). A match starts with its first pair of marks, or with the blanks just
    before it ("word ..?")."""
    return finditer_at(_PATTERNS, text, _TWO_MARKS)


@register
class DoubledPunctuation(Rule):
    """Doubled or stacked punctuation that MT leaves when it joins or splits segments: "..?"
    (fix "?"), ",," (fix ","), "names.." (two dots: a period or an ellipsis?), "Kyiv.,"
    (period and comma), "?." and "!." (a question or exclamation needs no period), the
    Russian-style "?.." and "!..", ";;" and "::".

    Not flagged: ellipses ("...", "…", "....", "...,"), "?!" and "!!" (emphasis is style, not damage),
    an abbreviation's dot before a comma ("etc.,", "U.S.,", "a.m.,", "E.Yu.,"), and anything
    inside URLs, e-mail addresses, paths and code ("../", "a::b").
    Safe fixes: "..?" -> "?" (with the stray space before it), ",," -> ",". The others need a
    person: "names.." may have meant an ellipsis.
    """

    id = "punct-doubled"
    summary = "Doubled or stacked punctuation (..?  ,,  ..  .,  ?.)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Rhodes,, Samos and Kos.", "fixed": "Rhodes, Samos and Kos."},
        ],
        "leave": [
            "Wait... and then…, well. It opens at 9 a.m., in the U.S., etc.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        for m in _matches(text):
            kind = next(k for k in ("dotq", "qdots", "two", "commas", "dotcomma", "commadot",
                                    "qdot", "semis") if m.group(k) is not None)
            start, end = m.span(kind)
            if in_code_chunk(text, start):
                continue
            if touches_markup(article, m.start(), m.end()):
                continue
            found = m.group(kind)
            if kind == "dotq":
                mark = m.group("q1")
                yield self.finding(start, end, f"“{found.strip()}”: a stray double dot "
                                   f"before “{mark}”", [mark], safe=True)
            elif kind == "qdots":
                mark = m.group("q2")
                yield self.finding(start, end, f"“{found}” is Russian-style punctuation; "
                                   f"English writes “{mark}” or “{mark}…”", [mark, mark + "…"])
            elif kind == "two":
                if is_abbreviation(word_before(text, start)):
                    continue  # "Inc.." is rare; an abbreviation ending a sentence is not
                yield self.finding(start, end, "two dots: a period or an ellipsis?",
                                   [".", "…"])
            elif kind == "commas":
                yield self.finding(start, end, "doubled comma", [","], safe=True)
            elif kind == "dotcomma":
                if is_abbreviation(word_before(text, start)):
                    continue
                yield self.finding(start, end, "period and comma together", [",", "."])
            elif kind == "commadot":
                yield self.finding(start, end, "comma and period together", [".", ","])
            elif kind == "qdot":
                if is_abbreviation(word_before(text, start)):
                    continue
                mark = found[0]
                yield self.finding(start, end, f"a period after “{mark}”", [mark])
            else:
                yield self.finding(start, end, f"doubled “{found[0]}”", [found[0]])
