"""What the checks that ran could see, and what they could not: the honest half of a verdict.

"No findings" means no artefact was found BY THE CHECKS THAT RAN. Every report therefore lists
the families of checks that ran (computed from the selected rules and the context: the source
language, whether a source text was available) and what mtqa never checks (meaning, fluency,
omissions without a source). `article_coverage` is computed once per article in the finish step
(mtqa.pipeline.finish) and kept on the result as `FileResult.coverage`.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from mtqa.plain import Plain

# (rule ids or prefixes, what they check). Order = order shown.
FAMILIES: Tuple[Tuple[Tuple[str, ...], str], ...] = (
    (("name-incorrect", "name-near-miss", "name-russian-form"), "names against the glossary"),
    (("name-inconsistent",), "one name spelled two ways in the article"),
    (("name-inconsistent-batch",), "one name spelled two ways across the articles checked"),
    (("phrase-",), "calques and odd phrasing"),
    (("untranslated-", "xliff-untranslated"), "untranslated text"),
    (("locale-",), "source-locale number, currency and date formats"),
    (("grammar-", "title-"), "grammar patterns (number agreement, titles without “of”)"),
    (("spell",), "spelling"),
    (("case-",), "stray capitals"),
    (("punct-",), "punctuation"),
)
# Checks that need the source text: shown as not checked when the article has none.
SOURCE_FAMILIES: Tuple[Tuple[Tuple[str, ...], str], ...] = (
    (("source-number",), "numbers against the source"),
    (("source-name",), "names against the source"),
)
NEVER_CHECKED = (
    "meaning: whether the translation says what the source says (beyond the listed calques)",
    "fluency and style beyond the listed patterns",
)


class Coverage(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    checked: List[str]
    not_checked: List[str]

    def __init__(self, checked: Optional[List[str]] = None,
                     not_checked: Optional[List[str]] = None):
        self.checked = [] if checked is None else checked
        self.not_checked = [] if not_checked is None else not_checked

    def line(self) -> str:
        return (f"checked: {'; '.join(self.checked) or 'nothing'} | not checked: "
                f"{'; '.join(self.not_checked)}")


def _ran(rule_ids: Sequence[str], prefixes: Sequence[str]) -> List[str]:
    # one C-level startswith per id (an id equal to a prefix starts with it too): this runs
    # over every registered rule, ~470 with the phrase entries
    starts = tuple(prefixes)
    return [r for r in rule_ids if r.startswith(starts)]


def has_source(article) -> bool:
    """Is a source text known for this article? Bilingual files (XLIFF segments) carry one;
    a paired source document (mtqa.source) is `article.source`."""
    if article.source is None:  # no source: mtqa.source need not even be imported
        return bool(article.segments)
    from mtqa.source.document import SourceDoc

    # a SourceUnavailable (paired, but unreadable or ambiguous) is no source text
    return bool(article.segments) or isinstance(article.source, SourceDoc)


def _active_packs(ctx) -> List[str]:
    try:
        from mtqa.rules.phrase import pack_active, packs
    except ImportError:
        return []
    return [p.name for p in packs() if pack_active(p, ctx)]


def _batch_part(ctx) -> Tuple[List[Tuple[str, str]], List[str]]:
    """(label, detail) of the families that ran and labels of those that did not, for the
    whole run: computed once per context."""
    cached = ctx.memo.get("coverage")
    if cached is not None:
        return cached
    from mtqa.registry import all_rules

    ids = [r.id for r in ctx.rules]
    registered = [r.id for r in all_rules()]
    ran, skipped = [], []
    for prefixes, label in FAMILIES:
        rules = _ran(ids, prefixes)
        if not rules:
            if _ran(registered, prefixes):  # families mtqa has no rule for are not listed
                skipped.append(f"{label} (rules not selected)")
            continue
        detail = ""
        if label == "names against the glossary":
            try:
                # (entry_count: a cached glossary builds its entries only when used; start-up)
                detail = f"{ctx.glossary.entry_count():,} entries"
            except Exception:  # a broken glossary is reported elsewhere
                detail = ""
        elif label == "calques and odd phrasing":
            active = _active_packs(ctx)
            lang = ctx.source_lang
            detail = (f"packs: {', '.join(active)}" if active else "") + (
                f"; source language {lang}" if lang else "; source language not given")
        ran.append((label, detail))
    result = (ran, skipped)
    ctx.memo["coverage"] = result
    return result


def _source_families_run(ctx) -> List[str]:
    # labels of the SOURCE_FAMILIES whose rules were selected, once per run (scanning every
    # selected rule id per article cost ~1 ms an article)
    cached = ctx.memo.get("coverage-source-families")
    if cached is None:
        ids = [r.id for r in ctx.rules]
        cached = ctx.memo["coverage-source-families"] = [
            label for prefixes, label in SOURCE_FAMILIES if _ran(ids, prefixes)]
    return cached


def article_coverage(article, ctx) -> Coverage:
    ran, skipped = _batch_part(ctx)
    checked = [f"{label} ({detail})" if detail else label for label, detail in ran]
    not_checked = list(NEVER_CHECKED)
    source = has_source(article)
    for label in _source_families_run(ctx):
        if source:
            checked.append(label)
        else:
            not_checked.append(f"{label} (no source text given)")
    if source:
        not_checked.append("omissions and additions")
    else:
        not_checked.append("omissions and additions (no source text given)")
    not_checked += skipped
    return Coverage(checked, not_checked)


# Short names for the one-line CI summary.
SHORT = {
    "names against the glossary": "names vs glossary",
    "one name spelled two ways in the article": "name consistency",
    "one name spelled two ways across the articles checked": "name consistency across files",
    "calques and odd phrasing": "phrasing packs",
    "source-locale number, currency and date formats": "number/date formats",
    "grammar patterns": "grammar patterns",
    "numbers against the source": "numbers vs source",
    "names against the source": "names vs source",
    "meaning": "meaning",
    "fluency and style beyond the listed patterns": "fluency",
    "omissions and additions": "omissions",
}


def _short(label: str) -> str:
    base = label.split(" (")[0].split(":")[0]
    return SHORT.get(base, base)


def batch_line(results) -> Optional[str]:
    """One line for a CI log: what the checks covered and did not, for the whole batch (short
    labels; the reports give the details). A check that ran for some articles only (numbers
    against the source, when only some have one) says for how many."""
    covs = [r.coverage for r in results]
    covs = [c for c in covs if c is not None]
    if not covs:
        return None
    n = len(covs)
    checked: Dict[str, int] = {}
    not_checked: Dict[str, int] = {}
    off = set()
    for cov in covs:
        for c in cov.checked:
            checked[_short(c)] = checked.get(_short(c), 0) + 1
        for c in cov.not_checked:
            if "not selected" in c:
                off.add(c)
            else:
                not_checked[_short(c)] = not_checked.get(_short(c), 0) + 1
    yes = [k if v == n else f"{k} ({v} of {n} articles)" for k, v in checked.items()]
    no = [k if k not in checked else f"{k} ({v} of {n} articles, no source)"
          for k, v in not_checked.items() if not (k in checked and v == 0)]
    no = [k + (" (no source)" if k in ("numbers vs source", "names vs source")
               and k not in checked and any("no source" in c for cov in covs
                                            for c in cov.not_checked if _short(c) == k) else "")
          if "(" not in k else k for k in no]
    if off:
        no.append(f"{len(off)} rule famil{'ies' if len(off) != 1 else 'y'} not selected")
    return f"checked: {', '.join(yes) or 'nothing'}; not checked: {', '.join(no)}"
