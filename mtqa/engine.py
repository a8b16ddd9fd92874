"""What a run is configured with (`AuditOptions`), what rules may consult (`AuditContext`, and
per article `RuleContext`), and running the rules: per article (`run_rules`) and over a whole
batch (`run_batch_rules`). The order of a run (read -> audit -> finish) is mtqa.pipeline's."""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence

from mtqa.article import Article
from mtqa.finding import Finding
from mtqa.plain import Plain
from mtqa.registry import Rule, matches, select_rules


class AuditOptions(Plain):  # a Plain record, not @dataclass (start-up); copy with .replaced()
    select: Sequence[str]
    ignore: Sequence[str]
    severity: Dict[str, str]  # rule id or prefix -> severity
    source_lang: Optional[str]
    glossaries: Sequence[str]
    disabled_packs: Sequence[str]
    exclude: Sequence[str]  # globs skipped when expanding folders (mtqa.globs)
    per_file_ignores: Dict[str, Sequence[str]]  # glob -> rules
    root: Optional[str]  # folder the globs are relative to (the config file's)
    # JSON Lines input: the field holding the article text and the one naming the record
    record_field: Optional[str]
    record_id_field: Optional[str]
    # Source articles (mtqa.source, docs/source.md): --source PATH, --source-field NAME, and the
    # pairing of this run's targets with sources (mtqa.source.pairing.SourcePlan), set by
    # check_paths; readers attach each target's source as `article.source`.
    source: Optional[str]
    source_field: Optional[str]
    source_plan: Optional[object]
    # words spell-unknown-word accepts besides its dictionary (config `spelling-words`)
    spelling_words: Sequence[str]
    # the run writes reports: the audit step also finds the name ledger's candidate runs while
    # the article's tokens are alive (mtqa.ledger.remember_runs; hardening4, issue 13)
    name_ledger: bool

    def __init__(self, select: Sequence[str] = (), ignore: Sequence[str] = (),
                 severity: Optional[Dict[str, str]] = None, source_lang: Optional[str] = None,
                 glossaries: Sequence[str] = (), disabled_packs: Sequence[str] = (),
                 exclude: Sequence[str] = (),
                 per_file_ignores: Optional[Dict[str, Sequence[str]]] = None,
                 root: Optional[str] = None, record_field: Optional[str] = None,
                 record_id_field: Optional[str] = None, source: Optional[str] = None,
                 source_field: Optional[str] = None, source_plan: Optional[object] = None,
                 spelling_words: Sequence[str] = (), name_ledger: bool = False):
        # the one place a --source-lang (flag, configuration or library) is normalised
        from mtqa.lang import normalise_language

        self.select, self.ignore = select, ignore
        self.severity = {} if severity is None else severity
        self.source_lang = normalise_language(source_lang, "--source-lang")
        self.glossaries, self.disabled_packs, self.exclude = glossaries, disabled_packs, exclude
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.root, self.record_field, self.record_id_field = root, record_field, record_id_field
        self.source, self.source_field, self.source_plan = source, source_field, source_plan
        self.spelling_words, self.name_ledger = spelling_words, name_ledger


class AuditContext:
    """What rules may consult besides the article: the glossary (loaded on first use) and the
    options of this run."""

    def __init__(self, options: Optional[AuditOptions] = None, glossary=None):
        self.options = options or AuditOptions()
        self._glossary = glossary
        self.rules = select_rules(self.options.select, self.options.ignore)
        self.notices: list = []  # mtqa.suppress.Notice: warnings that do not stop the run
        self._accepted = None
        # data a rule or the finish step derives once per run (a rule's word set built from the
        # glossary and options), by a key naming its owner
        self.memo: Dict[str, object] = {}

    @property
    def rules(self) -> List[Rule]:
        """The selected rules."""
        return self._rules

    @rules.setter
    def rules(self, rules: Sequence[Rule]) -> None:
        self._rules = list(rules)
        # what run_rules calls per article, as (trigger gate, check, one rule's check?): each
        # single rule's check, and one check_group per rule group (Rule.group)
        self.plan = _plan(self._rules)
        # batch rules with a per-article part (asked for once per article)
        self.collectors = [r for r in self._rules if r.batch and r.collects]

    @property
    def glossary(self):
        if self._glossary is None:
            from mtqa.glossary import load_glossary

            self._glossary = load_glossary(self.options.glossaries, self.options.disabled_packs)
        return self._glossary

    @property
    def source_lang(self) -> Optional[str]:
        """The run's --source-lang; a rule checking an article gets a RuleContext, whose
        source_lang is that article's."""
        return self.options.source_lang

    def for_article(self, article: Article) -> "RuleContext":
        return RuleContext(self, article)

    @property
    def accepted_forms(self) -> frozenset:
        """Every glossary `accept` form: never flagged, by any rule (mtqa.suppress)."""
        if self._accepted is None:
            self._accepted = self.glossary.accepted_forms()  # (kept in its cache: start-up)
        return self._accepted


class RuleContext:
    """What a rule sees while it checks one article: the run's context, and the language this
    article was translated from (decided and normalised once, by its reader; for an article
    built by hand without one, the run's --source-lang). Rules read the language only here."""

    __slots__ = ("run", "source_lang")

    def __init__(self, run: AuditContext, article: Article):
        self.run = run
        self.source_lang: Optional[str] = (article.source_lang if article.source_lang
                                           is not None else run.options.source_lang)

    @property
    def options(self) -> AuditOptions:
        return self.run.options

    @property
    def glossary(self):
        return self.run.glossary

    @property
    def rules(self) -> List[Rule]:
        return self.run.rules

    @property
    def notices(self) -> list:
        return self.run.notices

    @property
    def memo(self) -> Dict[str, object]:
        return self.run.memo

    @property
    def accepted_forms(self) -> frozenset:
        return self.run.accepted_forms

    def for_article(self, article: Article) -> "RuleContext":
        return RuleContext(self.run, article)


def _apply_severity(findings: List[Finding], overrides: Dict[str, str]) -> None:
    if not overrides:
        return
    # the most specific selector wins: an exact id over a prefix
    ordered = sorted(overrides.items(), key=lambda kv: len(kv[0]))
    for f in findings:
        for selector, severity in ordered:
            if matches(f.rule, [selector]):
                f.severity = severity


def _dedupe(findings: List[Finding]) -> List[Finding]:
    seen = set()
    out = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        key = (f.rule, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def trigger_gate(rule: Rule) -> Optional[Callable[[Article], bool]]:
    """The pre-check of a rule's declared triggers (Rule.needs_any, needs_tokens, needs_words),
    or None when it declares none: may the rule fire in this article at all? Each declared
    kind is a condition every finding needs, so all must hold. Text triggers are C-level
    substring searches; word triggers are set intersections with the article's token sets,
    built once per article and shared by every rule (docs/scale.md, "shared pass")."""
    any_of, tokens, words = rule.needs_any, rule.needs_tokens, rule.needs_words
    if not (any_of or tokens or words):
        return None

    def gate(article: Article) -> bool:
        return ((not tokens or not tokens.isdisjoint(article.token_set))
                and (not words or not words.isdisjoint(article.lowered_set))
                and (not any_of or any(map(article.text.__contains__, any_of))))
    return gate


def _plan(rules: Sequence[Rule]) -> list:
    plan: list = []
    groups: Dict[tuple, Dict[str, Rule]] = {}
    for rule in rules:
        if rule.batch:
            continue
        if rule.group is None:
            # the last item: the check is one rule's (past the finding limit it may stop)
            check = rule.check
            plan.append((trigger_gate(rule), check,
                         isinstance(getattr(check, "__self__", None), Rule)))
            continue
        # keyed by the function, not the bound classmethod: each phrase entry is its own
        # subclass, and bound methods of different classes never compare equal (one group
        # per entry would cost ~300 calls an article instead of one)
        check_group = type(rule).check_group
        key = (getattr(check_group, "__func__", check_group), rule.group)
        if key not in groups:
            groups[key] = {}
            members = groups[key]
            plan.append((None, lambda article, ctx, _c=check_group, _m=members:
                         _c(_m, article, ctx), False))
        groups[key][rule.id] = rule
    return plan


# The findings one rule may report in one article (hardening, issue 13). No article an editor
# reads comes near it; a damaged or hostile input can make a finding every few characters (1 MB
# of "(“[« " made 800,000), and listing them all took minutes and hundreds of megabytes of
# output. Past the limit the rule stops and one critical finding says so (docs/security.md).
MAX_FINDINGS_PER_RULE = 1000


class FindingLimit(Finding):
    """The finding that stands for a rule's findings past MAX_FINDINGS_PER_RULE in one article
    (no fix; `mtqa fix` knows that the findings after it were hidden, not absent)."""


def _too_many(f: Finding) -> Finding:
    return FindingLimit(f.rule, f.category, "critical", f.start, f.end,
                   f"more than {MAX_FINDINGS_PER_RULE:,} findings of {f.rule} in this article: "
                   f"the rest are not listed (is it damaged, or not prose?)", [], None)


def run_rules(article: Article, ctx: AuditContext) -> List[Finding]:
    """The findings of the per-article rules (at most MAX_FINDINGS_PER_RULE per rule, then
    one finding saying so), severities overridden, one per (rule, span)."""
    rule_ctx = ctx.for_article(article)
    findings: List[Finding] = []
    counts: Dict[str, int] = {}
    for gate, check, one_rule in ctx.plan:
        # a rule with triggers (trigger_gate) runs only where they occur
        if gate is not None and not gate(article):
            continue
        for f in check(article, rule_ctx):
            n = counts[f.rule] = counts.get(f.rule, 0) + 1
            if n <= MAX_FINDINGS_PER_RULE:
                findings.append(f)
            elif n == MAX_FINDINGS_PER_RULE + 1:
                findings.append(_too_many(f))
                if one_rule:
                    break  # stop the rule's work too
    _apply_severity(findings, ctx.options.severity)
    return _dedupe(findings)


def collectors(ctx: AuditContext) -> List[Rule]:
    """Batch rules that summarise each article as it is audited (Rule.collects)."""
    return ctx.collectors


def collect_summaries(article: Article, ctx: AuditContext) -> Dict[str, object]:
    """The per-article part of the batch rules (Rule.collect), by rule id."""
    rule_ctx = ctx.for_article(article)
    return {r.id: r.collect(article, rule_ctx) for r in collectors(ctx)}


def run_batch_rules(articles: Sequence[Article], results: List[List[Finding]],
                    collected: Sequence[Dict[str, object]], ctx: AuditContext
                    ) -> List[List[Finding]]:
    """Run the batch rules over the whole batch and merge their findings into the per-article
    results (a new list; input order kept)."""
    batch_findings: List[List[Finding]] = [[] for _ in articles]
    for rule in ctx.rules:
        if not rule.batch:
            continue
        if rule.collects:
            pairs = rule.check_collected([c[rule.id] for c in collected], articles, ctx)
        else:
            pairs = rule.check_batch(articles, ctx)
        for index, finding in pairs:
            batch_findings[index].append(finding)
    merged = list(results)
    for i, extra in enumerate(batch_findings):
        if extra:
            _apply_severity(extra, ctx.options.severity)
            merged[i] = _dedupe(results[i] + extra)
    return merged


# Kept for callers of earlier versions: the per-article rules only (no batch rules, no
# suppressions); mtqa.pipeline.audit_articles runs audit and finish on articles already read.
audit_article = run_rules
