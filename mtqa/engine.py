"""Runs the selected rules over articles and collects their findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from mtqa.article import Article
from mtqa.finding import Finding
from mtqa.registry import Rule, matches, select_rules


@dataclass
class AuditOptions:
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severity: Dict[str, str] = field(default_factory=dict)  # rule id or prefix -> severity
    source_lang: Optional[str] = None
    glossaries: Sequence[str] = ()
    disabled_packs: Sequence[str] = ()
    exclude: Sequence[str] = ()  # globs skipped when expanding folders (mtqa.globs)
    per_file_ignores: Dict[str, Sequence[str]] = field(default_factory=dict)  # glob -> rules
    root: Optional[str] = None  # folder the globs are relative to (the config file's)
    # JSON Lines input: the field holding the article text and the one naming the record
    record_field: Optional[str] = None
    record_id_field: Optional[str] = None
    # Source articles (mtqa.source, docs/source.md): --source PATH, --source-field NAME, and the
    # pairing of this run's targets with sources (mtqa.source.pairing.SourcePlan), set by
    # check_paths; readers attach each target's source as `article.source`.
    source: Optional[str] = None
    source_field: Optional[str] = None
    source_plan: Optional[object] = None


class AuditContext:
    """What rules may consult besides the article: the glossary (loaded on first use) and the
    options of this run."""

    def __init__(self, options: Optional[AuditOptions] = None, glossary=None):
        self.options = options or AuditOptions()
        self._glossary = glossary
        self.rules: List[Rule] = select_rules(self.options.select, self.options.ignore)
        self.notices: list = []  # mtqa.suppress.Notice: warnings that do not stop the run
        self._accepted = None

    @property
    def glossary(self):
        if self._glossary is None:
            from mtqa.glossary import load_glossary

            self._glossary = load_glossary(self.options.glossaries, self.options.disabled_packs)
        return self._glossary

    @property
    def source_lang(self) -> Optional[str]:
        return self.options.source_lang

    @property
    def accepted_forms(self) -> frozenset:
        """Every glossary `accept` form: never flagged, by any rule (mtqa.suppress)."""
        if self._accepted is None:
            self._accepted = frozenset(a for e in self.glossary.entries for a in e.accept)
        return self._accepted


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


def audit_article(article: Article, ctx: AuditContext) -> List[Finding]:
    findings: List[Finding] = []
    for rule in ctx.rules:
        if not rule.batch:
            findings.extend(rule.check(article, ctx))
    _apply_severity(findings, ctx.options.severity)
    return _dedupe(findings)


def collectors(ctx: AuditContext) -> List[Rule]:
    """Batch rules that summarise each article as it is audited (Rule.collects)."""
    return [r for r in ctx.rules if r.batch and r.collects]


def audit_one(article: Article, ctx: AuditContext, release: bool = False
              ) -> Tuple[List[Finding], Dict[str, object]]:
    """Per-article rules and the per-article part of batch rules: the unit of work that worker
    processes run. With `release`, the article's structure is dropped afterwards."""
    findings = audit_article(article, ctx)
    collected = {r.id: r.collect(article, ctx) for r in collectors(ctx)}
    if release:
        article.release()
    return findings, collected


def finish_batch(articles: Sequence[Article], results: List[List[Finding]],
                 collected: Sequence[Dict[str, object]], ctx: AuditContext
                 ) -> List[List[Finding]]:
    """Run the batch rules over the whole batch (in the parent process), merge their findings
    into the per-article results, in input order, and apply suppressions (comments, per-file
    ignores, glossary accept lists): here and nowhere else."""
    from mtqa import suppress

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
    for i, extra in enumerate(batch_findings):
        if extra:
            _apply_severity(extra, ctx.options.severity)
            results[i] = _dedupe(results[i] + extra)
    return [suppress.apply(a, found, ctx) for a, found in zip(articles, results)]


def audit_batch(articles: Sequence[Article], ctx: AuditContext,
                progress: Optional[Callable[[str], None]] = None) -> List[List[Finding]]:
    """Findings per article, in input order; batch rules see every article at once.
    `progress(path)` is called after each article."""
    # Structure is released after each article unless a batch rule needs whole articles:
    # memory then stays proportional to the text, not to the tokens, of a large batch.
    release = not any(r.batch and not r.collects for r in ctx.rules)
    results: List[List[Finding]] = []
    collected: List[Dict[str, object]] = []
    for article in articles:
        findings, summary = audit_one(article, ctx, release)
        results.append(findings)
        collected.append(summary)
        if progress:
            progress(article.path)
    return finish_batch(articles, results, collected, ctx)
