"""The Dask executor: the pipeline's audit on a Dask distributed cluster.

    mtqa check --engine dask --scheduler tcp://scheduler:8786 --format json articles/ > out.json
    mtqa check --engine dask --field text --id-field path archive.jsonl   # a local cluster

or from Python: `mtqa.dask.check_paths_dask(paths, options, scheduler="tcp://...")`.

The client (where mtqa runs) collects and reads the inputs with the pipeline's own `read` (so
`exclude`, every format and JSON Lines feeds mean what they mean locally; a `{path, text}`
archive is a feed read with `--field text --id-field path`), loads the glossary once, and
sends articles and glossary to the workers, so workers need mtqa installed (same version) but
no access to the client's files. Workers run the pipeline's `audit` on chunks of articles; the
client keeps input order and runs `finish` (batch rules, suppressions and their warnings,
scores with the configured thresholds), so the result, and `--format json`, are exactly those
of a local run. Needs the optional extra: `pip install "mtqa[dask]"`.
"""
from __future__ import annotations

from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from mtqa import pipeline
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.pipeline import BatchResult, Done, Executor, Outcome
from mtqa.score import Thresholds

CHUNK = 200  # articles per task: big enough to amortise scheduling, small enough to balance

# worker-side contexts, one per (options, glossary) seen by this worker process
_contexts: Dict[Tuple[str, int], AuditContext] = {}


def _audit_chunk(articles: List[Article], options: AuditOptions, glossary, release: bool
                 ) -> List[Outcome]:
    """Runs on a worker: the pipeline's audit of each article."""
    key = (repr(options), id(glossary))
    ctx = _contexts.get(key)
    if ctx is None:
        _contexts.clear()  # one batch at a time per worker: do not keep old glossaries
        ctx = _contexts[key] = AuditContext(options, glossary=glossary)
    return [pipeline.audit(article, ctx, release) for article in articles]


def _client(scheduler: Optional[str], workers: Optional[int] = None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise RuntimeError('the dask engine needs Dask: pip install "mtqa[dask]"') from None
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def cluster(scheduler: Optional[str] = None, client=None, workers: Optional[int] = None,
            chunk: int = CHUNK) -> Executor:
    """An executor on a Dask cluster: `scheduler` is its address (tcp://host:8786), or None
    for a local cluster of `workers` processes; or pass a distributed `client`."""

    def execute(paths: Sequence[str], ctx: AuditContext) -> Iterator[Done]:
        # read here, in input order; workers get articles, not paths
        read = [(path, *pipeline.read(path, ctx.options)) for path in paths]
        glossary = ctx.glossary  # loaded (and validated) once, here; workers get this object
        own_client, own_cluster = client, None
        if own_client is None:
            own_client, own_cluster = _client(scheduler, workers)
        try:
            # hash=False: a fresh key per run, so a previous run releasing its copy cannot take
            # this one away (a content-hashed key would be shared between runs)
            remote_glossary = own_client.scatter(glossary, broadcast=True, hash=False)
            articles = [a for _, found, _ in read for a in found]
            chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
            futures = own_client.map(_audit_chunk, chunks, options=ctx.options,
                                     glossary=remote_glossary,
                                     release=pipeline.releases(ctx), pure=False)
            audited = iter([o for done in own_client.gather(futures) for o in done])
        finally:
            if client is None:  # a client (and local cluster) made here is closed here
                own_client.close()
                if own_cluster is not None:
                    own_cluster.close()
        for path, found, errors in read:
            yield path, list(errors) + [next(audited) for _ in found]

    return execute


def check_paths_dask(paths: Sequence[str], options: Optional[AuditOptions] = None,
                     scheduler: Optional[str] = None, thresholds: Thresholds = Thresholds(),
                     client=None, workers: Optional[int] = None, chunk: int = CHUNK
                     ) -> BatchResult:
    """Audit files and folders on a Dask cluster; the same result as mtqa.api.check_paths."""
    return pipeline.run(paths, options, thresholds,
                        cluster(scheduler, client, workers, chunk))
