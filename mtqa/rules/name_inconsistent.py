from collections import Counter
from functools import lru_cache
from itertools import compress
from typing import Dict, List

from mtqa.glossary import CANONICAL, VARIANT
from mtqa.lexicon import world_names
from mtqa.nameindex import first_class
from mtqa.registry import Rule, register
from mtqa.rules._names import name_tokens, preferred, same_name, translit_key


def _distinct_entries(a: str, b: str, glossary) -> bool:
    """Both words are correct glossary forms of different entries (Austria, Australia), or
    both are real place names."""
    if a in world_names() and b in world_names():
        return True
    ha, hb = glossary.lookup(a), glossary.lookup(b)
    return bool(ha and hb and ha[0] in (CANONICAL, VARIANT) and hb[0] in (CANONICAL, VARIANT)
                and ha[1] is not hb[1])


def _capitalised_words(article):
    """Capitalised words that are not name-like by frequency (Natalia, Sergei): they join a
    group only through an exact romanisation match, never through fuzzy similarity."""
    return compress(article.tokens, map(_is_capitalised, article.token_texts))


@lru_cache(maxsize=1 << 16)
def _is_capitalised(t: str) -> bool:
    return len(t) >= 4 and t[:1].isupper() and not t.isupper() and t.isalpha()


def _correct_form(word: str, glossary) -> bool:
    hit = glossary.lookup(word)
    return bool(hit) and hit[0] in (CANONICAL, VARIANT)


def spelling_clusters(words: List[str], glossary, common=()) -> List[List[str]]:
    """Group words that are probably one name spelled differently. `common` words (frequent
    in English: Natalia, Sergei) join a group only when they romanise one Cyrillic spelling
    like another word does (translit_key)."""
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
    by_key: Dict[str, List[str]] = {}
    for w in list(words) + [c for c in common if c not in parent]:
        parent.setdefault(w, w)
        by_key.setdefault(translit_key(w), []).append(w)
    for same in by_key.values():
        for a, b in zip(same, same[1:]):
            if not _distinct_entries(a, b, glossary):
                parent[root(a)] = root(b)
    groups: Dict[str, List[str]] = {}
    for w in parent:
        groups.setdefault(root(w), []).append(w)
    return [g for g in groups.values() if len(g) > 1]


@register
class InconsistentName(Rule):
    """The same name spelled two ways in one article: "Bucha"/"Buchi", "Aislin"/"Eislin",
    "Hostomel"/"Gostomel" (all from real MT output).

    Name-like words (capitalised, not ordinary English words) are grouped when their spellings
    are close (rapidfuzz ratio >= 80, same first sound, lengths within two letters) and neither
    is a derived form of the other (Kyiv/Kyivan). Common first names (Natalia, Sergei) are
    grouped only when they are two romanisations of one Cyrillic spelling (Natalia/Natalya,
    Sergei/Sergey, Alexei/Aleksei): an article that switches between them has one person
    spelled two ways. Two correct glossary names of different entries, or two real place names
    (GeoNames), are never grouped. The minority spellings are reported, with the glossary form
    as the fix when one of the spellings is in the glossary, otherwise the majority spelling.
    """

    id = "name-inconsistent"
    summary = "One name spelled two ways in the same article"
    category = "fluency/inconsistency"
    severity = "major"
    examples = {
        "flag": [
            {"text": "Bodies were found in Buchi. Buchi was occupied. Bucha is near Kyiv.", "fixed": "Bodies were found in Bucha. Bucha was occupied. Bucha is near Kyiv."},
        ],
        "leave": [
            "Austria and Australia signed. Ukraine and Ukrainians. Kyiv and Kyivans.",
        ],
    }

    def check(self, article, ctx):
        glossary = ctx.glossary
        occurrences: Dict[str, list] = {}
        for tok in name_tokens(article):
            occurrences.setdefault(tok.text, []).append(tok)
        names = list(occurrences)
        name_set = set(names)
        for tok in _capitalised_words(article):
            if tok.text not in name_set:
                occurrences.setdefault(tok.text, []).append(tok)
        if len(occurrences) < 2:
            return
        common = [w for w in occurrences if w not in names]
        counts = Counter({w: len(v) for w, v in occurrences.items()})
        for group in spelling_clusters(names, glossary, common):
            best = preferred(group, counts, glossary)
            for form in group:
                if form == best:
                    continue
                # (pipeline, issue 11) Only the glossary's form may be written by `mtqa fix`
                # (unsafe), and not over a correct glossary form: a majority is no authority,
                # and two people may share a surname (Zelenskyy, Zelenska).
                house = _correct_form(best, glossary) and not _correct_form(form, glossary)
                for tok in occurrences[form]:
                    yield self.finding(
                        tok.start, tok.end,
                        f"“{form}” is spelled “{best}” elsewhere in this article "
                        f"({counts[best]}×{', the glossary form' if glossary.lookup(best) else ''})",
                        [best], display_only=not house)
