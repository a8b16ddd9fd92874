"""The rule registry: every check is a `Rule` subclass registered under a stable id.

A rule module defines a class with an `id`, a one-line `summary`, a `category`, a default
`severity`, and docs (the class docstring, shown by `mtqa explain`), and implements `check`.
Rules that need every article of a batch at once (cross-article consistency) implement
`check_batch` instead and set `batch = True`.
"""
from __future__ import annotations

import inspect
from typing import Dict, Iterable, List, Optional, Sequence

from mtqa.finding import CATEGORIES, DISPLAY_ONLY, SAFE, SEVERITIES, UNSAFE, Finding, Fix
from mtqa.article import Article

# `ctx` below is a mtqa.engine.RuleContext (per article: glossary, options, source_lang) or,
# for batch rules, the run's AuditContext; not imported, so the registry stays below the engine.


class Rule:
    id: str = ""
    summary: str = ""
    category: str = ""
    severity: str = "minor"
    batch: bool = False
    # Off-by-default rules run only when selected explicitly (by id or prefix).
    default_enabled: bool = True
    # Text the rule must flag (with its fixed text where it has a fix) and text it must leave
    # alone, run by tests/test_rule_examples.py; the format is in mtqa/examples.py.
    examples: Dict[str, list] = {}

    @property
    def docs(self) -> str:
        return inspect.cleandoc(self.__doc__ or self.summary)

    def check(self, article: Article, ctx) -> Iterable[Finding]:
        return ()

    # Rules of one `group` (all phrase-pack entries) are checked together: the engine calls
    # the class's check_group once per article with the group's selected rules by id, instead
    # of each rule's check; the default just runs them all. 152 entry rules that mostly find
    # nothing then cost one dictionary lookup per article, not 152 calls.
    group: Optional[str] = None

    @classmethod
    def check_group(cls, rules: Dict[str, "Rule"], article: Article, ctx
                    ) -> Iterable[Finding]:
        for rule in rules.values():
            yield from rule.check(article, ctx)

    def check_batch(self, articles: Sequence[Article], ctx
                    ) -> Iterable[tuple]:
        """Yield (article_index, Finding) pairs."""
        if self.collects:
            return self.check_collected([self.collect(a, ctx) for a in articles], articles, ctx)
        return ()

    # A batch rule scales to large batches (and to worker processes) when it splits its work:
    # `collect` runs on each article as it is audited, where its structure is at hand, and
    # returns a small picklable summary; `check_collected` then sees every summary in input
    # order (and the articles, text only) and yields (article_index, Finding) pairs. Set
    # `collects = True` to use it; a batch rule with only `check_batch` gets whole articles.
    collects: bool = False

    def collect(self, article: Article, ctx):
        return None

    def check_collected(self, collected: Sequence, articles: Sequence[Article],
                        ctx) -> Iterable[tuple]:
        return ()

    def finding(self, start: int, end: int, message: str, suggestions: Sequence[str] = (),
                safe: bool = False, severity: Optional[str] = None,
                category: Optional[str] = None, fix: Optional[Fix] = None,
                display_only: bool = False) -> Finding:
        """A finding of this rule. Its fix: `fix` when given; otherwise the first suggestion
        replacing the span, safe when `safe`, else unsafe; or, with `display_only` (a gloss,
        an explanation), shown to the editor and never written."""
        suggestions = list(suggestions)
        if fix is None and suggestions:
            applicability = DISPLAY_ONLY if display_only else SAFE if safe else UNSAFE
            fix = Fix.replace(start, end, suggestions[0], applicability)
        return Finding(self.id, category or self.category, severity or self.severity, start, end,
                       message, suggestions, fix)


_REGISTRY: Dict[str, Rule] = {}


def register(cls):
    """Class decorator: instantiate and register a rule."""
    rule = cls()
    if not rule.id or not rule.summary:
        raise ValueError(f"{cls.__name__} needs an id and a summary")
    if rule.category not in CATEGORIES:
        raise ValueError(f"{rule.id}: unknown category {rule.category!r}")
    if rule.severity not in SEVERITIES:
        raise ValueError(f"{rule.id}: unknown severity {rule.severity!r}")
    if rule.id in _REGISTRY:
        raise ValueError(f"duplicate rule id {rule.id}")
    _REGISTRY[rule.id] = rule
    return cls


def all_rules() -> List[Rule]:
    import mtqa.rules  # noqa: F401  (registers the rule modules)

    return sorted(_REGISTRY.values(), key=lambda r: r.id)


def get_rule(rule_id: str) -> Rule:
    all_rules()
    try:
        return _REGISTRY[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}") from None


def matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """A selector matches a rule id exactly or as a dash-separated prefix ("name" matches
    "name-near-miss"), or everything with "all"."""
    for p in patterns:
        if p == "all" or rule_id == p or rule_id.startswith(p.rstrip("-") + "-"):
            return True
    return False


def _selected(rule: Rule, select: Sequence[str]) -> bool:
    if not select:
        return rule.default_enabled
    # "all" means every rule that is on by default; an off-by-default rule must be named.
    if matches(rule.id, [p for p in select if p != "all"]):
        return True
    return "all" in select and rule.default_enabled


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> List[Rule]:
    return [r for r in all_rules() if _selected(r, select) and not matches(r.id, ignore)]
