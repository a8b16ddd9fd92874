"""The one pipeline every command and the library run: read -> audit -> finish.

    read(item, options)  -> articles, errors   a path (or '-') to complete Articles
    audit(article, ctx)  -> Outcome            per-article rules + the per-article part of
                                               batch rules (Rule.collect)
    finish(outcomes, errors, ctx, thresholds) -> BatchResult
                                               batch rules over the whole batch, then
                                               suppressions, then scores

`check`, `report`, `fix` and mtqa.api all use these three functions. Where the work runs is an
executor's business only: `serial` here, a process pool in mtqa.parallel (`--jobs`), a Dask
cluster in mtqa.dask (`--engine dask`). An executor takes the items and yields, in input
order, each item's read errors and outcomes; it never reads, audits or finishes differently, so
every executor gives the same result, byte for byte in `--format json`.
"""
from __future__ import annotations

import os
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from mtqa.article import Article, FileOrigin
from mtqa.engine import AuditContext, AuditOptions, collect_summaries, run_batch_rules, run_rules
from mtqa.finding import SEVERITIES, Finding, severity_rank
from mtqa.formats import (PLAIN_TEXT_SUFFIXES, PROSE_VIEWS, RECORD_READERS, InputError,
                          ProseView, RecordOptions)
from mtqa.inputs import (MAX_RECORD_FILE_BYTES, collect, decode, max_bytes,
                         read_bytes, too_large)
from mtqa.lang import LanguageError, normalise_language
from mtqa.score import Thresholds, score, verdict
from mtqa.plain import Plain

STDIN = "-"


# ---- results --------------------------------------------------------------------------------

class Outcome(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """One article audited: its per-article findings and what the batch rules collected from
    it (Rule.collect), before the batch rules and suppressions of `finish`."""
    article: Article
    findings: List[Finding]
    collected: Dict[str, object]

    def __init__(self, article: Article, findings: List[Finding],
                     collected: Optional[Dict[str, object]] = None):
        self.article = article
        self.findings = findings
        self.collected = {} if collected is None else collected


class FileResult(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """One article's final findings, with its score and verdict."""
    article: Article
    findings: List[Finding]
    thresholds: Thresholds = Thresholds()
    # What the checks that ran could see (mtqa.coverage), for the honest verdict; computed in
    # the finish step, None for results built by hand.
    coverage: Optional["Coverage"] = None

    def __init__(self, article: Article, findings: List[Finding],
                     thresholds: Thresholds = Thresholds(), coverage: Optional["Coverage"] = None):
        self.article = article
        self.findings = findings
        self.thresholds = thresholds
        self.coverage = coverage

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


class BatchResult(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """A run's result: one FileResult per article in input order, the inputs that could not
    be read, and warnings that did not stop the run (mtqa.suppress.Notice)."""
    files: List[FileResult]
    errors: List[InputError]
    warnings: list

    def __init__(self, files: Optional[List[FileResult]] = None,
                     errors: Optional[List[InputError]] = None, warnings: Optional[list] = None):
        self.files = [] if files is None else files
        self.errors = [] if errors is None else errors
        self.warnings = [] if warnings is None else warnings

    def worst_severity(self) -> Optional[str]:
        ranks = [severity_rank(f.severity) for r in self.files for f in r.findings]
        return SEVERITIES[max(ranks)] if ranks else None

    def fails(self, fail_on: str) -> bool:
        """Does any finding reach the --fail-on severity ("never" never fails)?"""
        if fail_on == "never":
            return False
        worst = self.worst_severity()
        return worst is not None and severity_rank(worst) >= severity_rank(fail_on)


# ---- read -----------------------------------------------------------------------------------

def load_readers(suffix: Optional[str] = None) -> None:
    """Register the format readers (mtqa/readers/), unless `suffix` is plain text, which needs
    none."""
    if suffix in PLAIN_TEXT_SUFFIXES:
        return
    import mtqa.readers  # noqa: F401  (registers the format readers)


def suffix_of(name: str) -> str:
    # os.path, not pathlib: this runs several times per file of a large batch
    return os.path.splitext(name)[1].lower()


def record_options(options: AuditOptions) -> RecordOptions:
    return RecordOptions(options.record_field, options.record_id_field)


def items(paths: Sequence[str], options: AuditOptions) -> Tuple[List[str], List[InputError]]:
    """The files a run reads, in order (folders expanded, `exclude` applied), and the paths
    that are not there."""
    return collect(paths, exclude=options.exclude, root=options.root)


def make_article(text: str, name: str, source_lang: Optional[str] = None) -> Article:
    """A single-article file's Article, complete: decoded `text` through the prose view its
    suffix registers, and its source language (`source_lang`, normalised, wins over the one a
    bilingual file declares, which is normalised here, once). ValueError when the file cannot
    be read (an unknown declared language included)."""
    suffix = suffix_of(name)
    load_readers(suffix)
    reader = PROSE_VIEWS.get(suffix)
    if reader is None:
        return Article(text, source_lang=source_lang, origin=FileOrigin(name))
    view = reader(text)
    if isinstance(view, str):
        view = ProseView(view)
    if source_lang is None and view.source_lang is not None:
        source_lang = normalise_language(view.source_lang, "declared source language")
    return Article(text, text=view.text, source_lang=source_lang, headings=view.headings,
                   prose_runs=view.prose_runs, segments=view.segments,
                   origin=FileOrigin(name))


def read_text(text: str, name: str, options: AuditOptions
              ) -> Tuple[List[Article], List[InputError]]:
    """Every article of a file's decoded text: one for most formats, one per record for a
    JSON Lines feed (a `{path, text}` archive is a feed read with --field text --id-field path).
    Problems are InputErrors naming the file (or `file:line` of a record); the rest goes on."""
    suffix = suffix_of(name)
    load_readers(suffix)
    record_reader = RECORD_READERS.get(suffix)
    try:
        if record_reader is None:
            articles, errors = [make_article(text, name, options.source_lang)], []
        else:
            articles, errors = _records_within_limit(
                *record_reader(text, name, record_options(options), options.source_lang), name)
    except LanguageError as exc:
        return [], [InputError(name, str(exc))]
    except ValueError as exc:
        return [], [InputError(name, str(exc))]
    return articles, errors + attach_sources(articles, options)


def attach_sources(articles: Sequence[Article], options: AuditOptions) -> List[InputError]:
    """The read step's one call into mtqa.source (issue 8): each article gets its paired
    source (or why there is none) as `article.source`, from the run's pairing
    (`options.source_plan`, made once by `pair_sources`). It is attached right after the
    article is built, not passed to its constructor, because a feed record's source is another
    field of the same record (and a source found by script also gives the article its
    `source_lang`). Returns the sources that could not be read, naming both files (exit 2; the
    target is still audited)."""
    if options.source_plan is None:
        return []
    from mtqa.source.pairing import attach

    problems = []
    for article in articles:
        problem = attach(article, options.source_plan)
        if problem:
            problems.append(InputError(article.path, problem, audited=True))
    return problems


def pair_sources(given: Sequence[str], files: List[str], options: AuditOptions
                 ) -> Tuple[List[str], AuditOptions, List[Tuple[str, str]]]:
    """Pair the run's target files with sources when --source/--source-field is given
    (mtqa.source.pairing): the files to audit (files inside the source folder dropped), the
    options carrying the pairing, and warnings as (path, message)."""
    if not (options.source or options.source_field):
        return files, options, []
    from mtqa.source.pairing import plan_run

    return plan_run(given, files, options)


def _records_within_limit(articles: List[Article], errors: List[InputError], name: str
                          ) -> Tuple[List[Article], List[InputError]]:
    """One record is one article: the same size limit as a file or stdin (security)."""
    limit = max_bytes()
    big = [a for a in articles if len(a.original) > limit
           and len(a.original.encode("utf-8", "surrogatepass")) > limit]
    if not big:
        return articles, errors
    ids = {id(a) for a in big}
    return ([a for a in articles if id(a) not in ids],
            list(errors) + [InputError(f"{name}:{a.record.line if a.record else '?'}",
                                       str(too_large(limit))) for a in big])


def read(item: str, options: AuditOptions, stdin_name: str = "<stdin>"
         ) -> Tuple[List[Article], List[InputError]]:
    """Read one input: a file path, or '-' for standard input (named `stdin_name`, whose
    suffix picks the format)."""
    name = stdin_name if item == STDIN else item
    suffix = suffix_of(name)
    load_readers(suffix)
    limit = MAX_RECORD_FILE_BYTES if suffix in RECORD_READERS else max_bytes()
    try:
        text = decode(read_bytes(item, limit), name)
    except ValueError as exc:
        return [], [InputError(name, str(exc))]
    return read_text(text, name, options)


def reread(article: Article, text: str) -> Article:
    """The article of a changed text, read as the original was (mtqa fix): the same format
    and language; a feed record's positions are then those of its body."""
    record = article.record
    # the same source every pass (mtqa.source): it does not change when the target is fixed
    if record is None:
        changed = make_article(text, article.path, article.source_lang)
    else:
        changed = Article(text, source_lang=article.source_lang,
                          origin=record.replaced(raw_columns=None))
    if not changed.segments:  # a bilingual file's source is rebuilt from its own segments
        changed.source = article.source
    return changed


# ---- audit ----------------------------------------------------------------------------------

def audit(article: Article, ctx: AuditContext, release: bool = True) -> Outcome:
    """Per-article rules and the per-article part of the batch rules. With `release`, the
    article's computed structure is dropped afterwards (memory stays proportional to the text
    of a large batch); anything asked for later is recomputed."""
    from mtqa.gcpause import collector_paused

    with collector_paused():  # (many long-lived small objects, almost no cycles: gcpause.py)
        outcome = Outcome(article, run_rules(article, ctx), collect_summaries(article, ctx))
        if release and ctx.options.name_ledger:
            from mtqa.ledger import remember_runs

            remember_runs(article)  # before the tokens go (the report's ledger reads them)
    if release:
        article.release()
    return outcome


def releases(ctx: AuditContext) -> bool:
    """May articles drop their structure once audited? Not when a batch rule needs whole
    articles (Rule.check_batch)."""
    return not any(r.batch and not r.collects for r in ctx.rules)


# ---- finish ---------------------------------------------------------------------------------

def finish_findings(outcomes: Sequence[Outcome], ctx: AuditContext) -> List[List[Finding]]:
    """Batch rules over the whole batch, merged into each article's findings (input order),
    then suppressions (comments, per-file ignores, glossary accept lists): here and nowhere
    else."""
    from mtqa import suppress

    articles = [o.article for o in outcomes]
    from mtqa.merge import one_finding_per_problem

    merged = run_batch_rules(articles, [o.findings for o in outcomes],
                             [o.collected for o in outcomes], ctx)
    return [one_finding_per_problem(a, suppress.apply(a, found, ctx), ctx)
            for a, found in zip(articles, merged)]


def finish(outcomes: Sequence[Outcome], errors: Sequence[InputError], ctx: AuditContext,
           thresholds: Thresholds = Thresholds()) -> BatchResult:
    from mtqa.coverage import article_coverage

    findings = finish_findings(outcomes, ctx)
    return BatchResult([FileResult(o.article, f, thresholds, article_coverage(o.article, ctx))
                        for o, f in zip(outcomes, findings)],
                       list(errors), list(ctx.notices))


# ---- executors ------------------------------------------------------------------------------

# What an executor yields per item: the item, then its read errors and outcomes.
Done = Tuple[str, List[Union[InputError, Outcome]]]
Executor = Callable[[Sequence[str], AuditContext], Iterable[Done]]


class Preread:
    """An item read before scheduling (standard input, which only this process can read)."""

    def __init__(self, item: str, options: AuditOptions, stdin_name: str = "<stdin>"):
        self.name = stdin_name if item == STDIN else item
        self.articles, self.errors = read(item, options, stdin_name)

    def __str__(self) -> str:
        return self.name


def process(item: Union[str, Preread], ctx: AuditContext, release: bool = True
            ) -> List[Union[InputError, Outcome]]:
    """Read one item and audit its articles: what every executor runs per item."""
    # An unexpected error in one file is that file's error (exit 2), never a crash of the
    # batch: the rest is still audited and printed (issue 13). A broken glossary is the
    # batch's problem, reported once by the caller.
    from mtqa.glossary import GlossaryError

    try:
        if isinstance(item, Preread):
            articles, errors = item.articles, item.errors
        else:
            articles, errors = read(item, ctx.options)
    except GlossaryError:
        raise
    except Exception as exc:  # noqa: BLE001
        return [_unexpected(str(item), exc)]
    done: List[Union[InputError, Outcome]] = list(errors)
    for article in articles:
        try:
            done.append(audit(article, ctx, release))
        except GlossaryError:
            raise
        except Exception as exc:  # noqa: BLE001
            done.append(_unexpected(article.path, exc))
    return done


def _unexpected(path: str, exc: BaseException) -> InputError:
    what = "nested too deeply" if isinstance(exc, RecursionError) else \
        f"{type(exc).__name__}: {exc}"
    return InputError(path, f"not audited: unexpected error ({what})")


def serial(paths: Sequence[str], ctx: AuditContext) -> Iterator[Done]:
    release = releases(ctx)
    for item in paths:
        yield str(item), process(item, ctx, release)


def run(paths: Sequence[str], options: Optional[AuditOptions] = None,
        thresholds: Thresholds = Thresholds(), executor: Executor = serial,
        progress=None, ctx: Optional[AuditContext] = None) -> BatchResult:
    """The whole pipeline over files and folders. `progress`, if given, is told the number of
    files (`start(total)`), each file done (`advance(path)`) and the end (`finish()`)."""
    options = options or (ctx.options if ctx is not None else AuditOptions())
    files, errors = items(paths, options)
    files, options, source_notes = pair_sources(paths, files, options)
    if ctx is None:
        ctx = AuditContext(options)
    else:
        ctx.options = options
    outcomes: List[Outcome] = []
    if progress is not None:
        progress.start(len(files))
    try:
        for item, done in executor(files, ctx):
            for o in done:
                (outcomes if isinstance(o, Outcome) else errors).append(o)
            if progress is not None:
                progress.advance(item)
    finally:
        if progress is not None:
            progress.finish()
    if options.source_plan is not None:  # sources paired with nothing, or unusable
        from mtqa.source.pairing import source_warnings
        from mtqa.suppress import Notice

        ctx.notices += [Notice(p, None, m) for p, m in
                        source_notes + source_warnings([o.article for o in outcomes])]
    return finish(outcomes, errors, ctx, thresholds)


def audit_articles(articles: Sequence[Article], ctx: AuditContext,
                   progress: Optional[Callable[[str], None]] = None) -> List[List[Finding]]:
    """Audit and finish articles already read (the library, tests, `mtqa fix`): final
    findings per article, in input order."""
    release = releases(ctx)
    outcomes = []
    for article in articles:
        outcomes.append(audit(article, ctx, release))
        if progress:
            progress(article.path)
    return finish_findings(outcomes, ctx)

