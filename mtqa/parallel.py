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
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Union

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_one, finish_batch
from mtqa.finding import Finding
from mtqa.inputs import InputError, RecordOptions, read_file

# Below this many files per worker, one process is faster (start-up ~20-50 ms per worker).
MIN_FILES_PER_JOB = 32
# Files per task: large enough to amortise pickling, small enough to balance the load.
MAX_CHUNK = 64

# A task item is a path, or an article read by the parent (stdin cannot be read by a worker).
Item = Union[str, Article, "_Unreadable"]
# What a worker returns per article of an item (a JSON Lines feed holds many): an error naming
# the file (or record), or (article, findings, collected).
Outcome = Union[InputError, Tuple[Article, List[Finding], Dict[str, object]]]

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


def _read_in_parent(item: Item, source_lang: Optional[str], records: RecordOptions):
    articles, errors = read_file(item, source_lang, records)
    if errors:
        return _Unreadable(errors[0].path, errors[0].message)
    return articles[0]


def audit_item(item: Item, ctx: AuditContext, source_lang: Optional[str],
               records: Optional[RecordOptions] = None) -> List[Outcome]:
    """Read an item (one file: one article, or many for JSON Lines) and audit its articles."""
    if isinstance(item, _Unreadable):
        return [InputError(item.path, item.message)]
    if isinstance(item, Article):
        articles, errors = [item], []
    else:
        articles, errors = read_file(item, source_lang, records)
    outcomes: List[Outcome] = list(errors)
    for article in articles:
        if ctx.options.source_plan is not None:  # source comparison (mtqa.source, issue 8)
            from mtqa.source.pairing import with_source

            article, problem = with_source(article, ctx.options)
            if problem:
                outcomes.append(InputError(article.path, problem))
        findings, collected = audit_one(article, ctx, release=True)
        outcomes.append((article, findings, collected))
    return outcomes


def _audit_chunk(items: Sequence[Item], source_lang: Optional[str],
                 records: Optional[RecordOptions]) -> List[List[Outcome]]:
    assert _worker_ctx is not None
    return [audit_item(item, _worker_ctx, source_lang, records) for item in items]


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
                source_lang: Optional[str] = None, records: Optional[RecordOptions] = None,
                progress: Optional[Callable[[str], None]] = None
                ) -> Tuple[List[Article], List[List[Finding]], List[InputError]]:
    """Audit items (paths or articles) with `jobs` worker processes; results in input order.
    Read errors become InputErrors naming the file; the batch goes on. `progress(path)` is
    called after each item."""
    global _worker_ctx
    articles: List[Article] = []
    results: List[List[Finding]] = []
    collected: List[Dict[str, object]] = []
    errors: List[InputError] = []

    def take(item: Item, outcomes: List[Outcome]) -> None:
        for outcome in outcomes:
            if isinstance(outcome, InputError):
                errors.append(outcome)
                continue
            article, findings, summary = outcome
            articles.append(article)
            results.append(findings)
            collected.append(summary)
        if progress:
            progress(str(item))

    if jobs <= 1:
        for item in items:
            take(item, audit_item(item, ctx, source_lang, records))
    else:
        # Load the glossary once here: forked workers inherit it, and a glossary error is
        # reported by the parent like in a single-process run.
        ctx.glossary  # noqa: B018
        _worker_ctx = ctx
        items = [_read_in_parent(i, source_lang, records) if i == "-" else i for i in items]
        from concurrent.futures import ProcessPoolExecutor  # only when workers are used

        chunks = _chunks(items, jobs)
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(),
                                     initializer=_init_worker, initargs=(ctx.options,)) as pool:
                for chunk, outcomes in zip(chunks, pool.map(_audit_chunk, chunks,
                                                            [source_lang] * len(chunks),
                                                            [records] * len(chunks))):
                    for item, item_outcomes in zip(chunk, outcomes):
                        take(item, item_outcomes)
        finally:
            _worker_ctx = None  # the parent keeps no glossary alive after the run
    return articles, finish_batch(articles, results, collected, ctx), errors
