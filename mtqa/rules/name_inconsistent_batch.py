from collections import defaultdict
from pathlib import Path

from mtqa.registry import Rule, register
from mtqa.rules._names import full_names, given_name_variants


@register
class InconsistentNameAcrossArticles(Rule):
    """The same person spelled two ways across the articles checked together: "Mikhail
    Podolyak" in one file, "Mykhailo Podolyak" in another.

    Full names (two adjacent capitalised words) that share a surname and whose given names are
    romanisations of one name (glossary given-name forms, or close spellings) are compared
    across the batch. The spelling that the glossary gives, or else the one used in more
    articles, wins; every mention of the other is reported, naming a file that has the winner.
    Runs only when two or more articles are checked together.
    """

    id = "name-inconsistent-batch"
    summary = "One person spelled two ways across the articles of a batch"
    category = "fluency/inconsistency"
    severity = "major"
    batch = True
    collects = True
    examples = {
        "flag": [
            {"articles": ["Mykhailo Podolyak spoke in Kyiv on Monday.", "Mikhail Podolyak spoke again on Tuesday."]},
        ],
        "leave": [
            {"articles": ["Mykhailo Podolyak spoke in Kyiv on Monday.", "Mykhailo Podolyak spoke again on Tuesday."]},
        ],
    }

    def collect(self, article, ctx):
        # per article, in the process that audits it: the full names, as plain tuples
        return [(n.given.text, n.surname.text, n.start, n.end) for n in full_names(article)]

    def check_collected(self, collected, articles, ctx):
        if len(articles) < 2:
            return
        glossary = ctx.glossary
        # surname -> given name -> [(article index, start, end)]
        by_surname = defaultdict(lambda: defaultdict(list))
        for i, names in enumerate(collected):
            for given, surname, start, end in names:
                by_surname[surname][given].append((i, start, end))
        for surname, givens in by_surname.items():
            if len(givens) < 2:
                continue
            forms = list(givens)
            for a in forms:
                rivals = [b for b in forms if b != a and given_name_variants(a, b, glossary)]
                if not rivals:
                    continue
                best = max([a] + rivals, key=lambda g: self._support(g, surname, givens, glossary))
                if best == a:
                    continue
                files_a = {i for i, _, _ in givens[a]}
                others = [i for i, _, _ in givens[best] if i not in files_a]
                if not others:
                    continue  # both spellings in the same article: name-inconsistent's job
                other = Path(articles[others[0]].path).name
                for i, start, end in givens[a]:
                    yield i, self.finding(
                        start, end,
                        f"“{a} {surname}” is spelled “{best} {surname}” in {other}",
                        [f"{best} {surname}"])

    @staticmethod
    def _support(given, surname, givens, glossary):
        full = glossary.lookup(f"{given} {surname}")
        in_glossary = bool(full and full[0] in ("canonical", "variant"))
        return (in_glossary, len({i for i, _, _ in givens[given]}), len(givens[given]))
