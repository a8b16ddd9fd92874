"""The library entry points: audit paths or a string, get results that formatters render."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_batch
from mtqa.finding import Finding, severity_rank
from mtqa.inputs import InputError, RecordOptions, collect
from mtqa.score import Thresholds, score, verdict


@dataclass
class FileResult:
    article: Article
    findings: List[Finding]
    thresholds: Thresholds = Thresholds()

    @property
    def path(self) -> str:
        return self.article.path

    @property
    def words(self) -> int:
        return self.article.words

    @property
    def score(self) -> float:
        return score(self.findings, self.words)

    @property
    def verdict(self) -> str:
        return verdict(self.findings, self.words, self.thresholds)


@dataclass
class BatchResult:
    files: List[FileResult] = field(default_factory=list)
    errors: List[InputError] = field(default_factory=list)
    warnings: list = field(default_factory=list)  # mtqa.suppress.Notice (bad suppressions)

    def worst_severity(self) -> Optional[str]:
        ranks = [severity_rank(f.severity) for r in self.files for f in r.findings]
        from mtqa.finding import SEVERITIES

        return SEVERITIES[max(ranks)] if ranks else None

    def fails(self, fail_on: str) -> bool:
        """Does any finding reach the --fail-on severity ("never" never fails)?"""
        if fail_on == "never":
            return False
        worst = self.worst_severity()
        return worst is not None and severity_rank(worst) >= severity_rank(fail_on)


def audit_articles(articles: Sequence[Article], options: Optional[AuditOptions] = None,
                   ctx: Optional[AuditContext] = None,
                   thresholds: Thresholds = Thresholds(), progress=None) -> List[FileResult]:
    ctx = ctx or AuditContext(options)
    found = audit_batch(articles, ctx, progress)
    return [FileResult(a, f, thresholds) for a, f in zip(articles, found)]


def check_paths(paths: Sequence[str], options: Optional[AuditOptions] = None,
                thresholds: Thresholds = Thresholds(), progress=None,
                jobs: Optional[int] = 1) -> BatchResult:
    """Audit files and folders. `jobs`: worker processes (None or 0: all cores); the result is
    the same for any number of jobs, in input order. `progress`, if given, is told the number
    of files (`start(total)`), each file done (`advance(path)`) and the end (`finish()`);
    mtqa.progress draws it."""
    from mtqa.parallel import audit_items, effective_jobs

    options = options or AuditOptions()
    files, errors = collect(paths, exclude=options.exclude, root=options.root)
    source_notes = []
    if options.source or options.source_field:  # pair targets with sources (mtqa.source)
        from mtqa.source.pairing import plan_run

        files, options, source_notes = plan_run(paths, files, options)
    ctx = AuditContext(options)
    records = RecordOptions(options.record_field, options.record_id_field)
    if progress is not None:
        progress.start(len(files))
    try:
        articles, findings, read_errors = audit_items(
            files, ctx, effective_jobs(jobs, len(files)), options.source_lang, records,
            progress=progress.advance if progress is not None else None)
    finally:
        if progress is not None:
            progress.finish()
    notices = list(ctx.notices)
    if options.source_plan is not None:
        from mtqa.source.pairing import source_warnings
        from mtqa.suppress import Notice

        notices += [Notice(p, None, m) for p, m in source_notes + source_warnings(articles)]
    return BatchResult([FileResult(a, f, thresholds) for a, f in zip(articles, findings)],
                       errors + read_errors, notices)


def check_text(text: str, options: Optional[AuditOptions] = None, path: str = "<text>"
               ) -> List[Finding]:
    options = options or AuditOptions()
    article = Article(text, path=path, source_lang=options.source_lang)
    return audit_articles([article], options)[0].findings
