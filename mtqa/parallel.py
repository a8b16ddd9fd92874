"""The process-pool executor (`--jobs N`): the pipeline's read and audit in worker processes.

Files are split into ordered chunks; each worker runs `pipeline.process` (read, then audit) on
its files and sends back the outcomes (the article's text, its findings and what batch rules
collected). The parent yields them in input order; `pipeline.finish` then runs the batch rules
over the whole batch, so the result is exactly that of one process.

Small batches run in one process: starting workers costs more than it saves.
"""
from __future__ import annotations

import os
import sys
from typing import Iterator, List, Optional, Sequence, Union

from mtqa import pipeline
from mtqa.engine import AuditContext, AuditOptions
from mtqa.pipeline import Done, Executor, Preread

# Below this many files per worker, one process is faster (start-up ~20-50 ms per worker).
MIN_FILES_PER_JOB = 32
# Files per task: large enough to amortise pickling, small enough to balance the load.
MAX_CHUNK = 64

Item = Union[str, Preread]

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


def _process_chunk(chunk: Sequence[Item], release: bool) -> list:
    assert _worker_ctx is not None
    return [pipeline.process(item, _worker_ctx, release) for item in chunk]


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


def pool(jobs: Optional[int]) -> Executor:
    """An executor running up to `jobs` worker processes (None or 0: one per core), as many
    as the batch is worth (effective_jobs): one process for small batches."""

    def execute(paths: Sequence[str], ctx: AuditContext) -> Iterator[Done]:
        global _worker_ctx
        workers = effective_jobs(jobs, len(paths))
        if workers <= 1:
            yield from pipeline.serial(paths, ctx)
            return
        # Load the glossary once here: forked workers inherit it, and a glossary error is
        # reported by the parent like in a single-process run.
        ctx.glossary  # noqa: B018
        _worker_ctx = ctx
        # standard input can be read only here
        items: List[Item] = [Preread(p, ctx.options) if p == pipeline.STDIN else p
                             for p in paths]
        from concurrent.futures import ProcessPoolExecutor  # only when workers are used

        from concurrent.futures.process import BrokenProcessPool

        chunks = _chunks(items, workers)
        release = pipeline.releases(ctx)
        received = 0
        try:
            try:
                with ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(),
                                         initializer=_init_worker,
                                         initargs=(ctx.options,)) as ex:
                    for chunk, done in zip(chunks, ex.map(_process_chunk, chunks,
                                                          [release] * len(chunks))):
                        for item, outcomes in zip(chunk, done):
                            yield str(item), outcomes
                        received += 1
            except BrokenProcessPool:
                # a worker was lost (killed, out of memory): the chunks not yet received are
                # audited once more, here (issue 13)
                for chunk in chunks[received:]:
                    for item in chunk:
                        yield str(item), pipeline.process(item, ctx, release)
        finally:
            _worker_ctx = None  # the parent keeps no glossary alive after the run

    return execute
