"""Auditing beyond one machine: the same audit on a Dask distributed cluster.

    mtqa check --engine dask --scheduler tcp://scheduler:8786 --format json articles/ > out.json
    mtqa check --engine dask archive.jsonl            # no --scheduler: a local cluster

or from Python: `mtqa.dask.check_paths_dask(paths, options, scheduler="tcp://...")`.

The client (where mtqa runs) reads the inputs, article files or JSON Lines archives (one
`{"path": ..., "text": ...}` object per line), loads the glossary once, and sends both to the
workers, so workers need mtqa installed (same version) but no access to the client's files.
Workers run the per-article rules and the per-article part of the batch rules
(`Rule.collect`) on chunks of articles; the client keeps input order and runs the batch rules
over the whole batch, so the result, and `--format json`, are exactly those of a local run.
Needs the optional extra: `pip install "mtqa[dask]"`.
"""
from __future__ import annotations

import json
from typing import Dict, List, Optional, Sequence, Tuple

from mtqa.api import BatchResult, FileResult
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_one, finish_batch
from mtqa.inputs import InputError, collect, read_article
from mtqa.score import Thresholds

ARCHIVE_SUFFIXES = (".jsonl",)
CHUNK = 200  # articles per task: big enough to amortise scheduling, small enough to balance

# worker-side contexts, one per (options, glossary) seen by this worker process
_contexts: Dict[Tuple[str, int], AuditContext] = {}


def read_archive(path: str, source_lang: Optional[str] = None
                 ) -> Tuple[List[Article], List[InputError]]:
    """Articles of a JSON Lines archive; a bad line is an error naming file and line."""
    articles: List[Article] = []
    errors: List[InputError] = []
    try:
        fh = open(path, encoding="utf-8-sig")
    except OSError as exc:
        return [], [InputError(path, exc.strerror or str(exc))]
    with fh:
        try:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(InputError(where, f"not valid JSON ({exc.msg})"))
                    continue
                if (not isinstance(doc, dict) or not isinstance(doc.get("path"), str)
                        or not isinstance(doc.get("text"), str)):
                    errors.append(InputError(where, 'each line needs "path" and "text" strings'))
                    continue
                if not doc["text"].strip():
                    errors.append(InputError(doc["path"], "file is empty"))
                    continue
                text = doc["text"].replace("\r\n", "\n").replace("\r", "\n")
                articles.append(Article(text, path=doc["path"],
                                        source_lang=doc.get("source_lang") or source_lang))
        except UnicodeDecodeError as exc:
            errors.append(InputError(path, f"not valid UTF-8 ({exc.reason})"))
    return articles, errors


def read_inputs(paths: Sequence[str], source_lang: Optional[str] = None
                ) -> Tuple[List[Article], List[InputError]]:
    """Article files (folders expanded as for a local run) and JSON Lines archives, in order."""
    # errors in the order of a local run: unreadable paths first, then files in order
    errors: List[InputError] = []
    items: List[Tuple[bool, str]] = []  # (is archive, path)
    for raw in paths:
        if raw.lower().endswith(ARCHIVE_SUFFIXES):
            items.append((True, raw))
            continue
        files, bad = collect([raw])
        errors += bad
        items += [(False, f) for f in files]
    articles: List[Article] = []
    for is_archive, path in items:
        if is_archive:
            found, bad = read_archive(path, source_lang)
            articles += found
            errors += bad
            continue
        try:
            articles.append(read_article(path, source_lang))
        except ValueError as exc:
            errors.append(InputError("<stdin>" if path == "-" else path, str(exc)))
    return articles, errors


def _audit_chunk(articles: List[Article], options: AuditOptions, glossary) -> list:
    """Runs on a worker: per-article rules and collection, nothing sent back but results."""
    key = (repr(options), id(glossary))
    ctx = _contexts.get(key)
    if ctx is None:
        _contexts.clear()  # one batch at a time per worker: do not keep old glossaries
        ctx = _contexts[key] = AuditContext(options, glossary=glossary)
    out = []
    for article in articles:
        findings, collected = audit_one(article, ctx, release=True)
        out.append((findings, collected, article.words))
    return out


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


def check_paths_dask(paths: Sequence[str], options: Optional[AuditOptions] = None,
                     scheduler: Optional[str] = None, thresholds: Thresholds = Thresholds(),
                     client=None, workers: Optional[int] = None, chunk: int = CHUNK
                     ) -> BatchResult:
    """Audit paths and archives on a Dask cluster: `scheduler` is its address
    (tcp://host:8786), or None for a local cluster of `workers` processes; or pass a
    distributed `client`. Same result as mtqa.api.check_paths."""
    options = options or AuditOptions()
    articles, errors = read_inputs(paths, options.source_lang)
    ctx = AuditContext(options)
    glossary = ctx.glossary  # loaded (and validated) once, here; workers get this object
    created = cluster = None
    if client is None:
        client, cluster = _client(scheduler, workers)
        created = client
    try:
        # hash=False: a fresh key per run, so a previous run releasing its copy cannot take
        # this one away (a content-hashed key would be shared between runs)
        remote_glossary = client.scatter(glossary, broadcast=True, hash=False)
        chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
        futures = client.map(_audit_chunk, chunks, options=options, glossary=remote_glossary,
                             pure=False)
        results, collected = [], []
        for chunk_articles, outcome in zip(chunks, client.gather(futures)):
            for article, (findings, summary, words) in zip(chunk_articles, outcome):
                article.__dict__["words"] = words  # counted by the worker
                results.append(findings)
                collected.append(summary)
    finally:
        if created is not None:  # a client (and local cluster) made here is closed here
            created.close()
        if cluster is not None:
            cluster.close()
    findings = finish_batch(articles, results, collected, ctx)
    return BatchResult([FileResult(a, f, thresholds) for a, f in zip(articles, findings)],
                       errors)
