"""Runs the selected rules over articles and collects their findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

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


def audit_batch(articles: Sequence[Article], ctx: AuditContext,
                progress: Optional[Callable[[str], None]] = None) -> List[List[Finding]]:
    """Findings per article, in input order; batch rules see every article at once.
    Suppressions (comments, per-file ignores, glossary accept lists) are applied last, here
    and nowhere else. `progress(path)` is called after each article."""
    from mtqa import suppress

    results = []
    for a in articles:
        results.append(audit_article(a, ctx))
        if progress:
            progress(a.path)
    batch_findings: List[List[Finding]] = [[] for _ in articles]
    for rule in ctx.rules:
        if rule.batch:
            for index, finding in rule.check_batch(articles, ctx):
                batch_findings[index].append(finding)
    for i, extra in enumerate(batch_findings):
        if extra:
            _apply_severity(extra, ctx.options.severity)
            results[i] = _dedupe(results[i] + extra)
    return [suppress.apply(a, found, ctx) for a, found in zip(articles, results)]
