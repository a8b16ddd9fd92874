"""Broken comparatives: a double comparative (“more bigger”, “most biggest”) or a plain
adjective before “than” (“close than ever” for “closer than ever”).

Lexical patterns over a closed list of short adjectives that form their comparative with -er:
“more/most/less” directly before one of their -er/-est forms, and one of the plain forms
directly before “than”, unless “more/less/as/so/too/rather/other” stands just before the
adjective (“more close than”, “other than”). Measured: docs/rules.md.
"""
from __future__ import annotations

from mtqa.article import lowered_token_texts, positions_of
from mtqa.registry import Rule, register

_COMPARATIVE = {
    "big": "bigger", "close": "closer", "strong": "stronger", "high": "higher", "low": "lower",
    "near": "nearer", "large": "larger", "small": "smaller", "great": "greater",
    "hard": "harder", "easy": "easier", "cheap": "cheaper", "fast": "faster", "long": "longer",
    "old": "older", "young": "younger", "rich": "richer", "poor": "poorer", "safe": "safer",
    "wide": "wider", "deep": "deeper", "heavy": "heavier", "good": "better", "bad": "worse",
    "hot": "hotter", "cold": "colder", "warm": "warmer", "late": "later", "early": "earlier",
    "weak": "weaker", "tough": "tougher", "short": "shorter", "quick": "quicker",
    "slow": "slower", "busy": "busier", "happy": "happier", "likely": "likelier",
}
_DOUBLE = {v: k for k, v in _COMPARATIVE.items()}
_SUPERLATIVE = {"biggest", "largest", "smallest", "highest", "lowest", "strongest", "greatest",
                "best", "worst", "closest", "easiest", "cheapest", "fastest", "oldest",
                "youngest", "richest", "poorest", "safest", "longest", "deepest", "heaviest"}
_DEGREE = frozenset(("more", "most", "less"))
_NOT_BEFORE_PLAIN = {"more", "less", "as", "so", "too", "rather", "other", "no", "much",
                     "far", "any", "sooner", "how", "that", "this", "and", "or"}


_THAN = frozenset({"than"})


@register
class BrokenComparative(Rule):
    __doc__ = __doc__
    id = "grammar-comparative"
    summary = "Double comparative or plain adjective before “than” (“more bigger”, “close than”)"
    category = "fluency/grammar"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Relations are close than ever.", "fixed": "Relations are closer than ever."},
            {"text": "The risk is more bigger now.", "fixed": "The risk is bigger now."},
            "It is the most biggest attack this year.",
        ],
        "leave": [
            "Relations are closer than ever.",
            "He is more close to the president than anyone else.",
            "Nothing other than a ceasefire will do.",
            "He would rather stay home than go.",
            "More big companies left Russia.",
            "The union is more organic and strong than ever.",
        ],
    }

    def check(self, article, ctx):
        # most articles hold neither pattern: the article's shared word set decides, and a
        # pattern is looked for only when both of its words occur (speed, issue 11)
        present = article.lowered_set
        has_than = "than" in present and not present.isdisjoint(_COMPARATIVE)
        has_degree = not present.isdisjoint(_DEGREE) and not (present.isdisjoint(_DOUBLE)
                                                              and present.isdisjoint(_SUPERLATIVE))
        if not (has_than or has_degree):
            return
        lowered = lowered_token_texts(article)
        starts = []
        if has_than:
            starts += [i - 1 for i in positions_of(lowered, _THAN) if i]
        if has_degree:
            starts += positions_of(lowered, _DEGREE)
        if not starts:
            return
        toks = article.tokens
        text = article.text
        for i in sorted(set(starts)):
            if i + 1 >= len(toks):
                continue
            la, lb = lowered[i], lowered[i + 1]
            if not ((la in _DEGREE and (lb in _DOUBLE or lb in _SUPERLATIVE))
                    or (lb == "than" and la in _COMPARATIVE)):
                continue
            a, b = toks[i], toks[i + 1]
            if a.sentence != b.sentence or text[a.end:b.start] != " ":
                continue
            if la in _DEGREE and (lb in _DOUBLE or lb in _SUPERLATIVE) \
                    and not (la == "less" and lb in _SUPERLATIVE):
                yield self.finding(a.start, b.end,
                                   f"“{la}” with “{b.text}” is a double comparative; "
                                   f"“{b.text}” alone", [b.text])
            elif lb == "than" and la in _COMPARATIVE:
                prev = toks[i - 1].text.lower() if i and toks[i - 1].sentence == a.sentence \
                    else ""
                if prev in _NOT_BEFORE_PLAIN:
                    continue
                fix = _COMPARATIVE[la]
                if a.text[:1].isupper():
                    fix = fix.capitalize()
                yield self.finding(a.start, a.end,
                                   f"“{a.text} than” needs the comparative: “{fix} than”", [fix])
