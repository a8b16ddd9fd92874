from mtqa.glossary import match_case
from mtqa.registry import Rule, register
from mtqa.rules._names import is_derivation, name_tokens

SIMILARITY = 85.0


@register
class NearMissName(Rule):
    """A capitalised word that is not in the glossary but is a near miss of a glossary name:
    "Zelskyy" for Zelenskyy, "Oktyrka" for Okhtyrka.

    Only words that look like names are considered: capitalised, at least four letters, not in
    capitals (acronyms), and not ordinary English words or common first names (English word
    frequency, so "Maria" or "Sergey" are never taken for misspellings of other names). A word
    that the glossary knows, in any form, is never a near miss: Austria and Australia are both
    there, so neither is confused with the other. Candidates are compared by edit similarity
    (rapidfuzz ratio >= 85) within words of a similar length and first sound; suggestions are
    ranked by similarity. Derived forms (Kyivan, Ukrainians) are not misspellings.
    The fix needs a human: a near miss may be a different, real name that the glossary lacks.
    """

    id = "name-near-miss"
    summary = "Probable mangled name: a near miss of a glossary name"
    category = "terminology/name"
    severity = "major"

    def check(self, article, ctx):
        glossary = ctx.glossary
        # words inside a glossary match (any kind) are another rule's business
        covered = {m.start for m in glossary.find(article)}
        known = glossary.known_words
        for tok in name_tokens(article):
            if tok.text in known or glossary.lookup(tok.text):
                continue
            if tok.start in covered:
                continue
            cands = [(w, score, entry) for w, score, entry in glossary.index.candidates(
                tok.text, cutoff=SIMILARITY) if not is_derivation(w, tok.text)]
            if not cands:
                continue
            suggestions = [match_case(w, tok.text) for w, _, _ in cands]
            best, score, entry = cands[0]
            yield self.finding(
                tok.start, tok.end,
                f"“{tok.text}” is not in the glossary and looks like a misspelling of “{best}” "
                f"({entry.name}, {entry.type}; similarity {score:.0f}%)",
                suggestions)
