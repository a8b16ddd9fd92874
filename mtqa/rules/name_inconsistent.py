from collections import Counter
from typing import Dict, List

from mtqa.glossary import CANONICAL, VARIANT
from mtqa.lexicon import world_names
from mtqa.nameindex import first_class
from mtqa.registry import Rule, register
from mtqa.rules._names import name_tokens, preferred, same_name


def _distinct_entries(a: str, b: str, glossary) -> bool:
    """Both words are correct glossary forms of different entries (Austria, Australia), or
    both are real place names."""
    if a in world_names() and b in world_names():
        return True
    ha, hb = glossary.lookup(a), glossary.lookup(b)
    return bool(ha and hb and ha[0] in (CANONICAL, VARIANT) and hb[0] in (CANONICAL, VARIANT)
                and ha[1] is not hb[1])


def spelling_clusters(words: List[str], glossary) -> List[List[str]]:
    """Group words that are probably one name spelled differently."""
    parent = {w: w for w in words}

    def root(w):
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    # same_name needs the same first sound, so only words within one class are compared
    by_class: Dict[str, List[str]] = {}
    for w in words:
        by_class.setdefault(first_class(w), []).append(w)
    for group in by_class.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if same_name(a, b) and not _distinct_entries(a, b, glossary):
                    parent[root(a)] = root(b)
    groups: Dict[str, List[str]] = {}
    for w in words:
        groups.setdefault(root(w), []).append(w)
    return [g for g in groups.values() if len(g) > 1]


@register
class InconsistentName(Rule):
    """The same name spelled two ways in one article: "Bucha"/"Buchi", "Aislin"/"Eislin",
    "Hostomel"/"Gostomel" (all from real MT output).

    Name-like words (capitalised, not ordinary English words) are grouped when their spellings
    are close (rapidfuzz ratio >= 80, same first sound, lengths within two letters) and neither
    is a derived form of the other (Kyiv/Kyivan). Two correct glossary names of different
    entries, or two real place names (GeoNames), are never grouped. The minority spellings are reported, with the glossary form as
    the fix when one of the spellings is in the glossary, otherwise the majority spelling.
    """

    id = "name-inconsistent"
    summary = "One name spelled two ways in the same article"
    category = "fluency/inconsistency"
    severity = "major"

    def check(self, article, ctx):
        glossary = ctx.glossary
        occurrences: Dict[str, list] = {}
        for tok in name_tokens(article):
            occurrences.setdefault(tok.text, []).append(tok)
        if len(occurrences) < 2:
            return
        counts = Counter({w: len(v) for w, v in occurrences.items()})
        for group in spelling_clusters(list(occurrences), glossary):
            best = preferred(group, counts, glossary)
            for form in group:
                if form == best:
                    continue
                for tok in occurrences[form]:
                    yield self.finding(
                        tok.start, tok.end,
                        f"“{form}” is spelled “{best}” elsewhere in this article "
                        f"({counts[best]}×{', the glossary form' if glossary.lookup(best) else ''})",
                        [best])
