"""The rule registry: every check is a `Rule` subclass registered under a stable id.

A rule module defines a class with an `id`, a one-line `summary`, a `category`, a default
`severity`, and docs (the class docstring, shown by `mtqa explain`), and implements `check`.
Rules that need every article of a batch at once (cross-article consistency) implement
`check_batch` instead and set `batch = True`.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Sequence, Tuple

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
    # Off-by-default rules run only when selected by their exact id or by ALL (is_selected).
    default_enabled: bool = True
    # Trigger text: when set, the engine runs `check` only on articles whose text contains
    # one of these strings (a C-level substring test), so a rule that can fire only on, say,
    # a slash date costs nothing on the articles without "/". Only for strings every finding
    # of the rule needs; a rule with several triggers lists them all.
    needs_any: Tuple[str, ...] = ()
    # Trigger words (speed7, issue 11), checked against the article's token sets, built once
    # per article and shared by all rules (Article.token_set, Article.lowered_set): the rule
    # runs only when a token's text is one of `needs_tokens` (as written), or its lower-case
    # form one of `needs_words`. Only for words every finding of the rule needs (derive them
    # from the rule's own tables). All declared kinds must hold (mtqa.engine.trigger_gate);
    # tests/test_trigger_gates.py checks each declaration against the rule run ungated.
    needs_tokens: frozenset = frozenset()
    needs_words: frozenset = frozenset()
    # Text the rule must flag (with its fixed text where it has a fix) and text it must leave
    # alone, run by tests/test_rule_examples.py; the format is in mtqa/examples.py.
    examples: Dict[str, list] = {}

    @property
    def docs(self) -> str:
        import inspect  # not at start-up: inspect imports ast, dis, ... (~5 ms)

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
    add_rule(cls())
    return cls


def add_rule(rule: Rule) -> Rule:
    """Register a rule instance (the phrase-pack entries: one PhraseRule per entry)."""
    if not rule.id or not rule.summary:
        raise ValueError(f"{type(rule).__name__} needs an id and a summary")
    if rule.category not in CATEGORIES:
        raise ValueError(f"{rule.id}: unknown category {rule.category!r}")
    if rule.severity not in SEVERITIES:
        raise ValueError(f"{rule.id}: unknown severity {rule.severity!r}")
    if rule.id in _REGISTRY:
        raise ValueError(f"duplicate rule id {rule.id}")
    _REGISTRY[rule.id] = rule
    return rule


def all_rules() -> List[Rule]:
    import mtqa.rules  # noqa: F401  (registers the rule modules)

    return sorted(_REGISTRY.values(), key=lambda r: r.id)


def get_rule(rule_id: str) -> Rule:
    all_rules()
    try:
        return _REGISTRY[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}") from None


ALL = "ALL"  # every rule, off-by-default ones included (as in ruff)
DEFAULTS = "all"  # every rule that is on by default (`mtqa rules` lists the others as off)


def matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """A selector matches a rule id exactly or as a dash-separated prefix ("name" matches
    "name-near-miss"), or everything with "ALL" or "all". For ignoring, per-file ignores and
    severities; which rules *run* is `select_rules`'s business."""
    for p in patterns:
        if p in (ALL, DEFAULTS) or rule_id == p or rule_id.startswith(p.rstrip("-") + "-"):
            return True
    return False


def known_selector(selector: str, ids: Iterable[str]) -> bool:
    return selector in (ALL, DEFAULTS) or any(matches(i, [selector]) for i in ids)


def _specificity(rule: Rule, selector: str, selecting: bool) -> Optional[int]:
    """How specifically `selector` names `rule` (None: not at all). An exact id beats any
    prefix, a longer prefix a shorter one, and ALL/all come last. When selecting, a prefix or
    "all" reaches only the rules that are on by default; an off-by-default rule is selected
    by its exact id or by ALL. When ignoring, every matching rule is reached."""
    if selector == ALL:
        return 0
    if selector == DEFAULTS:
        return 0 if (rule.default_enabled or not selecting) else None
    if rule.id == selector:
        return len(selector) + 1
    if rule.id.startswith(selector.rstrip("-") + "-"):
        return len(selector) if (rule.default_enabled or not selecting) else None
    return None


def is_selected(rule: Rule, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> bool:
    """Ruff's semantics: no `select` means the rules on by default; the most specific selector
    that names the rule decides, and on a tie `ignore` wins (`--select name --ignore name`
    runs nothing, `--ignore name --select name-incorrect` runs name-incorrect)."""
    if select:
        chosen = [s for s in (_specificity(rule, p, True) for p in select) if s is not None]
        if not chosen:
            return False
        selected_by = max(chosen)
    elif rule.default_enabled:
        selected_by = -1
    else:
        return False
    ignored = [s for s in (_specificity(rule, p, False) for p in ignore) if s is not None]
    return not ignored or selected_by > max(ignored)


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> List[Rule]:
    return [r for r in all_rules() if is_selected(r, select, ignore)]


def effective_selection(select: Sequence[str] = (), ignore: Sequence[str] = (),
                        extend_select: Sequence[str] = (), extend_ignore: Sequence[str] = ()
                        ) -> tuple:
    """(select, ignore) with ruff's `extend-select`/`extend-ignore` folded in: extend-select
    adds to `select` (to the default rules when `select` is not given), extend-ignore to
    `ignore`."""
    if extend_select:
        select = tuple(select or (DEFAULTS,)) + tuple(extend_select)
    return tuple(select), tuple(ignore) + tuple(extend_ignore)
