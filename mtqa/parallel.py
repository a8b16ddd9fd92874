"""Auditing a batch across worker processes (`--jobs N`), with output identical to one process.

Files are split into ordered chunks; each worker reads its files, runs the per-article rules
and the per-article part of the batch rules (`Rule.collect`), and sends back the article's text,
its findings and the collected summaries. The parent keeps input order, then runs the batch
rules over the whole batch, so cross-article rules still see every article.

Small batches run in one process: starting workers costs more than it saves.
"""
from __future__ import annotations

import os
import sys
from typing import Dict, List, Optional, Sequence, Tuple, Union

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_one, finish_batch
from mtqa.finding import Finding
from mtqa.inputs import InputError, read_article

# Below this many files per worker, one process is faster (start-up ~20-50 ms per worker).
MIN_FILES_PER_JOB = 32
# Files per task: large enough to amortise pickling, small enough to balance the load.
MAX_CHUNK = 64

# A task item is a path, or an article read by the parent (stdin cannot be read by a worker).
Item = Union[str, Article, "_Unreadable"]
# What a worker returns per item: an error message, or (article, findings, collected).
Outcome = Union[str, Tuple[Article, List[Finding], Dict[str, object]]]

_worker_ctx: Optional[AuditContext] = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover (not Linux)
        return max(1, os.cpu_count() or 1)


def effective_jobs(jobs: Optional[int], n_files: int) -> int:
    """Worker processes worth starting for n_files (0 or None: all cores)."""
    wanted = default_jobs() if not jobs or jobs < 1 else jobs
    return max(1, min(wanted, n_files // MIN_FILES_PER_JOB))


def _init_worker(options: AuditOptions) -> None:
    global _worker_ctx
    if _worker_ctx is None or _worker_ctx.options != options:
        _worker_ctx = AuditContext(options)


class _Unreadable:
    """An item the parent could not read (stdin): its error travels in the item's place."""

    def __init__(self, path: str, message: str):
        self.path, self.message = path, message

    def __str__(self) -> str:
        return self.path


def _read_in_parent(item: Item, source_lang: Optional[str]):
    try:
        return read_article(item, source_lang)
    except ValueError as exc:
        return _Unreadable("<stdin>", str(exc))


def audit_item(item: Item, ctx: AuditContext, source_lang: Optional[str]) -> Outcome:
    if isinstance(item, _Unreadable):
        return item.message
    try:
        article = item if isinstance(item, Article) else read_article(item, source_lang)
    except ValueError as exc:
        return str(exc)
    findings, collected = audit_one(article, ctx, release=True)
    return article, findings, collected


def _audit_chunk(items: Sequence[Item], source_lang: Optional[str]) -> List[Outcome]:
    assert _worker_ctx is not None
    return [audit_item(item, _worker_ctx, source_lang) for item in items]


def _chunks(items: Sequence[Item], jobs: int) -> List[Sequence[Item]]:
    size = max(1, min(MAX_CHUNK, len(items) // (jobs * 8) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _mp_context():
    import multiprocessing

    # fork shares the parent's loaded modules and glossary with the workers at no cost;
    # elsewhere (macOS, Windows) the platform default is the safe choice.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def audit_items(items: Sequence[Item], ctx: AuditContext, jobs: int,
                source_lang: Optional[str] = None
                ) -> Tuple[List[Article], List[List[Finding]], List[InputError]]:
    """Audit items (paths or articles) with `jobs` worker processes; results in input order.
    Read errors become InputErrors naming the file; the batch goes on."""
    global _worker_ctx
    articles: List[Article] = []
    results: List[List[Finding]] = []
    collected: List[Dict[str, object]] = []
    errors: List[InputError] = []

    def take(item: Item, outcome: Outcome) -> None:
        if isinstance(outcome, str):
            errors.append(InputError("<stdin>" if item == "-" else str(item), outcome))
            return
        article, findings, summary = outcome
        articles.append(article)
        results.append(findings)
        collected.append(summary)

    if jobs <= 1:
        for item in items:
            take(item, audit_item(item, ctx, source_lang))
    else:
        # Load the glossary once here: forked workers inherit it, and a glossary error is
        # reported by the parent like in a single-process run.
        ctx.glossary  # noqa: B018
        _worker_ctx = ctx
        items = [_read_in_parent(i, source_lang) if i == "-" else i for i in items]
        from concurrent.futures import ProcessPoolExecutor  # only when workers are used

        chunks = _chunks(items, jobs)
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(),
                                     initializer=_init_worker, initargs=(ctx.options,)) as pool:
                for chunk, outcomes in zip(chunks, pool.map(_audit_chunk, chunks,
                                                            [source_lang] * len(chunks))):
                    for item, outcome in zip(chunk, outcomes):
                        take(item, outcome)
        finally:
            _worker_ctx = None  # the parent keeps no glossary alive after the run
    return articles, finish_batch(articles, results, collected, ctx), errors
