"""The library entry points (docs/api.md): audit files, folders or a string, or fix a string,
with the same pipeline (mtqa.pipeline) the commands run.

    >>> from mtqa.api import check_text
    >>> [f.rule for f in check_text("Shelling hit Kiev overnight.", path="a.md")]
    ['name-incorrect']
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from mtqa import pipeline
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.finding import Finding
from mtqa.formats import InputError
from mtqa.pipeline import BatchResult, FileResult
from mtqa.score import Thresholds

__all__ = ["AuditOptions", "BatchResult", "FileResult", "InputError", "audit_articles",
           "check_paths", "check_text", "fix_text"]


def check_paths(paths: Sequence[str], options: Optional[AuditOptions] = None,
                thresholds: Thresholds = Thresholds(), progress=None,
                jobs: Optional[int] = 1) -> BatchResult:
    """Audit files and folders. `jobs`: worker processes (None or 0: all cores); the result is
    the same for any number of jobs, in input order. `progress`, if given, is told the number
    of files (`start(total)`), each file done (`advance(path)`) and the end (`finish()`);
    mtqa.progress draws it."""
    from mtqa.parallel import pool

    return pipeline.run(paths, options, thresholds, pool(jobs), progress)


def check_text(text: str, options: Optional[AuditOptions] = None, path: str = "<text>"
               ) -> List[Finding]:
    """The findings of one article given as a string, read as a file named `path` would be
    (its suffix picks the format: "a.md" is Markdown, "a.html" HTML, no suffix plain text).
    Raises ValueError when the text cannot be read in that format."""
    options = options or AuditOptions()
    articles, errors = pipeline.read_text(text, path, options)
    if errors:
        raise ValueError("; ".join(f"{e.path}: {e.message}" for e in errors))
    ctx = AuditContext(options)
    found = pipeline.audit_articles(articles, ctx)
    return [f for findings in found for f in findings]


def fix_text(text: str, path: str = "<text>", options: Optional[AuditOptions] = None,
             unsafe: bool = False):
    """Fix one file's text given as a string (format by `path`'s suffix, as in check_text):
    a mtqa.fix.FixResult (`before`, `after`, `applied`, `remaining`, `converged`, ...); nothing
    is written. Raises ValueError when the text cannot be read in that format."""
    from mtqa.fix import fix_text as fix

    result = fix(text, path, AuditContext(options or AuditOptions()), unsafe)
    if result.errors and not result.applied and result.before == result.after \
            and not result.articles:
        raise ValueError("; ".join(f"{e.path}: {e.message}" for e in result.errors))
    return result


def audit_articles(articles: Sequence[Article], options: Optional[AuditOptions] = None,
                   ctx: Optional[AuditContext] = None,
                   thresholds: Thresholds = Thresholds(), progress=None) -> List[FileResult]:
    """Audit articles already built (mtqa.article.Article): one FileResult each, in order."""
    ctx = ctx or AuditContext(options)
    from mtqa.coverage import article_coverage

    found = pipeline.audit_articles(articles, ctx, progress)
    return [FileResult(a, f, thresholds, article_coverage(a, ctx))
            for a, f in zip(articles, found)]
