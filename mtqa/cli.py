"""The `mtqa` command. Thin: parses options, calls mtqa.api, hands results to a formatter.

Exit status: 0 no finding reaches --fail-on; 1 one does; 2 usage error or unreadable input.
"""
from __future__ import annotations

import gc
import sys
from typing import Sequence

# Start-up (docs/scale.md, "Cold start"): no cyclic collection while click and the engine
# load; their modules, classes and functions live as long as the process, so they are then
# frozen (as mtqa.rules does after the rule modules), and later collections skip them.
_gc_was_on = gc.isenabled()
gc.disable()
try:
    import click

    from mtqa import __version__
    from mtqa.engine import AuditOptions
    from mtqa.finding import SEVERITIES
finally:
    gc.freeze()
    if _gc_was_on:
        gc.enable()

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _audit_options(func):
    """Options shared by every command that audits articles."""
    options = [
        click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra glossary file (YAML, TSV, CSV or TBX), on top of the bundled "
                          "packs; an entry for a name already known merges with it. "
                          "Repeatable."),
        click.option("--no-pack", "disabled_packs", multiple=True, metavar="PACK",
                     help="Switch a bundled glossary pack off (see `mtqa glossary packs`); "
                          "'all' switches every bundled pack off. Repeatable."),
        click.option("--source-lang", metavar="LANG",
                     help="Language the article was translated from (id, uk, ru, zh, ...)."),
        click.option("--select", multiple=True, metavar="RULE",
                     help="Run only these rules: an id, a prefix ('name': the name rules "
                          "that are on by default) or ALL (every rule, off-by-default ones "
                          "too). Repeatable."),
        click.option("--extend-select", multiple=True, metavar="RULE",
                     help="Run these rules too, on top of --select or the defaults (an "
                          "off-by-default rule by its exact id). Repeatable."),
        click.option("--ignore", multiple=True, metavar="RULE",
                     help="Skip these rules (id or prefix). Repeatable."),
        click.option("--extend-ignore", multiple=True, metavar="RULE",
                     help="Skip these rules too, on top of --ignore and the configuration's "
                          "ignore. Repeatable."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False),
                     help="Configuration file (mtqa.toml, or pyproject.toml with [tool.mtqa]) "
                          "instead of the one found from the working folder up."),
        click.option("--no-config", is_flag=True,
                     help="Ignore configuration files; defaults and options only."),
        click.option("--field", "record_field", metavar="NAME",
                     help="JSON Lines input: the field holding the article text (default: "
                          "body, else text; dotted paths reach nested objects)."),
        click.option("--id-field", "record_id_field", metavar="NAME",
                     help="JSON Lines input: the field naming each record (default: id)."),
        # source comparison (mtqa.source, docs/source.md)
        click.option("--source", "source", metavar="PATH",
                     help="The source article(s) the targets were translated from: a file "
                          "(one target) or a folder paired by relative path and stem "
                          "(docs/source.md). Enables the source-* rules."),
        click.option("--source-field", metavar="NAME",
                     help="JSON Lines input: the field holding each record's source text."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _settings(glossaries=(), disabled_packs=(), source_lang=None, select=(), ignore=(),
              config_file=None, no_config=False, fail_on=None, record_field=None,
              record_id_field=None, extend_select=(), extend_ignore=(), source=None,
              source_field=None):
    """Defaults < configuration file < command line (mtqa.config); exit 2 on a bad file."""
    from mtqa.config import ConfigError, load_settings
    from mtqa.registry import all_rules, known_selector

    if config_file and no_config:
        raise click.UsageError("--config and --no-config exclude each other")
    cli = {"glossaries": glossaries, "disabled-packs": disabled_packs, "select": select,
           "ignore": ignore, "extend-select": extend_select, "extend-ignore": extend_ignore,
           "source-lang": source_lang, "fail-on": fail_on, "source": source}
    try:
        settings = load_settings(cli, config_file, use_config=not no_config)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(f"mtqa: configuration error: {problem}", err=True)
        sys.exit(EXIT_ERROR)
    # checked after the configuration is read: its house phrase packs add rules
    ids = [r.id for r in all_rules()]
    for selector in list(select) + list(ignore) + list(extend_select) + list(extend_ignore):
        if not known_selector(selector, ids):
            raise click.BadParameter(f"no rule matches {selector!r} (see `mtqa rules`)")
    # JSON Lines field names are per run, not configuration
    settings.record_fields = (record_field, record_id_field)
    settings.source_field = source_field
    from mtqa.lang import LanguageError, normalise_language

    try:  # the flag's value, normalised once (id_ID -> id); AuditOptions keeps it
        settings.values["source-lang"] = normalise_language(settings["source-lang"], None)
    except LanguageError as exc:
        raise click.BadParameter(str(exc), param_hint="--source-lang") from None
    return settings


def _options(**kw) -> AuditOptions:
    return _settings(**kw).audit_options()


def _jobs_option(func):
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=0), default=0, metavar="N",
        help="Worker processes (default 0: one per core; 1: none). Output is the same for "
             "any value; small batches run in one process.")(func)


def _run(paths: Sequence[str], options: AuditOptions, thresholds=None, jobs: int = 1,
         engine: str = "local", scheduler=None):
    from mtqa.api import check_paths
    from mtqa.glossary import GlossaryError
    from mtqa.progress import Progress
    from mtqa.score import Thresholds

    try:
        if engine == "dask":
            from mtqa.dask import check_paths_dask

            try:
                return check_paths_dask(paths, options, scheduler=scheduler,
                                        thresholds=thresholds or Thresholds())
            except (RuntimeError, OSError) as exc:
                click.echo(f"mtqa: dask engine: {exc}", err=True)
                sys.exit(EXIT_ERROR)
        return check_paths(paths, options, thresholds or Thresholds(), progress=Progress(),
                           jobs=jobs)
    except GlossaryError as exc:
        for problem in exc.problems:
            click.echo(f"mtqa: glossary error: {problem}", err=True)
        sys.exit(EXIT_ERROR)


def _report_errors(batch, empty_inputs=()) -> None:
    from mtqa.formatters.common import shown_path

    for e in batch.errors:
        click.echo(f"{shown_path(e.path)}: error: {e.message}", err=True)
    for e in empty_inputs:
        click.echo(f"{shown_path(e.path)}: warning: {e.message}", err=True)
    for w in batch.warnings:
        # source warnings (mtqa.source) name a file but no line
        where = f"{shown_path(w.path)}:{w.line}" if w.line else shown_path(w.path)
        click.echo(f"{where}: warning: {w.message}", err=True)


def _force_exclude_option(func):
    return click.option(
        "--force-exclude", is_flag=True,
        help="Apply the configuration's exclude to files named on the command line too "
             "(pre-commit names every file; its hook uses this).")(func)


def _named_inputs(paths, settings, force_exclude: bool):
    """The command-line paths, less those `exclude` covers when --force-exclude is given."""
    if not force_exclude:
        return list(paths)
    from mtqa.excludes import force_excluded

    kept, _ = force_excluded(paths, settings["exclude"], settings.root)
    return kept


FORMATS = ("text", "json", "sarif", "github", "gitlab")


def _use_color(choice: str) -> bool:
    """--color always|never decide; auto: only on a terminal, and never with NO_COLOR set
    (https://no-color.org)."""
    import os

    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _render(fmt: str, batch, quiet: bool = False, **text_options) -> str:
    import importlib

    if fmt == "text":
        from mtqa.formatters import text

        return text.render(batch, quiet=quiet, **text_options)
    module = {"json": "jsonout"}.get(fmt, fmt)
    return importlib.import_module(f"mtqa.formatters.{module}").render(batch)


class _MainGroup(click.Group):
    """The command modules (mtqa/commands/) are imported only when one of their commands may
    be asked for: a plain command defined here (check, report, ...) runs without them, which
    saves a one-file check their import time. Listing (--help) and groups load them all."""

    def get_command(self, ctx, cmd_name):
        found = self.commands.get(cmd_name)
        if found is None or isinstance(found, click.Group):
            _load_command_modules()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx):
        _load_command_modules()
        return super().list_commands(ctx)

    def __call__(self, *args, **kwargs):
        # `mtqa ...` (the console script and `python -m mtqa` call main() without arguments):
        # once the command is done, the process ends without Python's tear-down (a full
        # garbage collection and freeing every object one by one: ~40 M instructions, 6% of
        # a one-file check). Called with arguments (tests, programs embedding the CLI), main
        # raises SystemExit as click commands do.
        try:
            return super().__call__(*args, **kwargs)
        except SystemExit as exc:
            if not args and not kwargs:
                _exit_now(exc.code)
            raise


def _exit_now(code) -> None:
    """os._exit(code) after flushing the standard streams, when nothing else is left to do at
    exit: no atexit handler (multiprocessing, logging, weakref.finalize and tempfile register
    one) and no other thread. Otherwise, or when a stream cannot be flushed (a closed pipe),
    it returns and the usual exit follows, with its usual messages."""
    import atexit
    import os

    if code is None:
        code = 0
    if type(code) is not int or atexit._ncallbacks():
        return
    threading = sys.modules.get("threading")
    if threading is not None and (threading.active_count() > 1
                                  or getattr(threading, "_threading_atexits", None)):
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001 - the usual exit reports it
        return
    os._exit(code)


@click.group(cls=_MainGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtqa")
def main():
    """Audit machine-translated news articles for translation artefacts."""
    # A lone surrogate (a feed's "\\ud800") cannot be printed as UTF-8: escaped, not a crash
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format (docs/output-formats.md).")
@click.option("--fail-on", type=click.Choice(list(SEVERITIES) + ["never"]), default=None,
              help="Exit 1 when a finding of this severity or worse is found "
                   "[default: major, or the configuration's fail-on]. 'never' exits 0 "
                   "whatever is found (and for empty inputs); unreadable files still exit 2.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary (text format).")
@click.option("--statistics", is_flag=True,
              help="Print the number of findings per rule instead of the findings (text).")
@click.option("--show-source", is_flag=True,
              help="Show the flagged line under each finding, with carets under the span "
                   "(text).")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True,
              help="Colour the text output: auto = only on a terminal and without NO_COLOR.")
@click.option("--stdin-filename", metavar="NAME",
              help="Name of the text read from standard input ('-', or no paths): its suffix "
                   "picks the reader (.md, .html, .jsonl, ...) and it is the path in the "
                   "output, per-file-ignores and --force-exclude.")
@_force_exclude_option
@_audit_options
@_jobs_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where to audit: here, or on a Dask cluster (needs "
                                      "mtqa[dask]; also reads .jsonl archives of "
                                      '{"path": ..., "text": ...} lines).')
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
def check(paths, fmt, fail_on, quiet, statistics, show_source, color, stdin_filename,
          force_exclude, jobs, engine, scheduler, **kw):
    """Audit article files (.txt, .md, .html, .xlf, .jsonl, ...; folders recursively; '-' for
    stdin). See docs/inputs.md."""
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if not paths and not stdin_filename:
        raise click.UsageError("name files or folders to audit ('-' for standard input)")
    settings = _settings(fail_on=fail_on, **kw)
    paths = list(paths) or ["-"]
    named = _named_inputs(paths, settings, force_exclude)
    stdin_errors = []
    if stdin_filename and "-" in named:
        named, stdin_errors = _read_named_stdin(named, stdin_filename, settings, force_exclude)
    batch = _run(named, settings.audit_options(), settings.thresholds(), jobs, engine,
                 scheduler)
    batch.errors[:0] = stdin_errors
    empty = []
    if settings["fail-on"] == "never":
        # `never` promises a green step: nothing to audit is not a failure there
        from mtqa.excludes import is_empty_input

        empty = [e for e in batch.errors if is_empty_input(e)]
        batch.errors = [e for e in batch.errors if not is_empty_input(e)]
    colored = _use_color(color)
    # click strips ANSI codes when stdout is no terminal unless told otherwise (--color always)
    click.echo(_render(fmt, batch, quiet, show_source=show_source, statistics=statistics,
                       color=colored), color=colored or None)
    _report_errors(batch, empty)
    if batch.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if batch.fails(settings["fail-on"]) else EXIT_OK)


def _read_named_stdin(paths, name, settings, force_exclude):
    """Standard input read as the file `name` (--stdin-filename): the reader its suffix
    registers (mtqa.pipeline.read), and `name` in the output. With --force-exclude, an excluded
    name is not audited (as in ruff)."""
    from mtqa import pipeline

    if force_exclude:
        from mtqa.excludes import force_excluded

        if force_excluded([name], settings["exclude"], settings.root)[1]:
            return [p for p in paths if p != "-"], []
    # read here (only this process can read stdin); the pipeline audits it like any item
    stdin = pipeline.Preread(pipeline.STDIN, settings.audit_options(), stdin_name=name)
    return [stdin if p == pipeline.STDIN else p for p in paths], []


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", default="reports", show_default=True,
              type=click.Path(file_okay=False), help="Folder to write the reports to.")
@_force_exclude_option
@_audit_options
@_jobs_option
def report(paths, out_dir, force_exclude, jobs, **kw):
    """Write a quality report per article (Markdown, JSON, HTML) and an index page."""
    from mtqa.formatters import report as report_writer
    from mtqa.outdir import OutputError, check_folder

    settings = _settings(**kw)
    try:
        check_folder(out_dir, paths)  # before auditing: a refused folder fails fast
    except OutputError as exc:
        click.echo(f"mtqa: report folder: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    options = settings.audit_options()
    options.name_ledger = True  # the audit step keeps what the name ledger needs (pipeline.audit)
    batch = _run(_named_inputs(paths, settings, force_exclude), options,
                 settings.thresholds(), jobs)
    try:
        written = report_writer.write_reports(batch, out_dir)
    except OutputError as exc:
        click.echo(f"mtqa: report folder: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    for path in written:
        click.echo(f"wrote {path}")
    from mtqa.formatters import text

    click.echo(text.summary(batch))
    _report_errors(batch)
    sys.exit(EXIT_ERROR if batch.errors else EXIT_OK)


@main.command("rules")
def list_rules():
    """List every rule: id, default severity, category, summary (with the house phrase
    packs of the configuration)."""
    from mtqa.registry import all_rules

    _settings()  # registers the configuration's house phrase packs

    rules = all_rules()
    width = max(len(r.id) for r in rules)  # phrase-pack entry ids run long
    for r in rules:
        off = "" if r.default_enabled else "  (off by default)"
        click.echo(f"{r.id:{width}} {r.severity:8} {r.category:24} {r.summary}{off}")


@main.command()
@click.argument("rule_id")
def explain(rule_id):
    """Print a rule's documentation."""
    from mtqa.registry import get_rule

    _settings()  # registers the configuration's house phrase packs

    try:
        rule = get_rule(rule_id)
    except KeyError as exc:
        raise click.BadParameter(str(exc.args[0]), param_hint="RULE_ID") from None
    click.echo(f"{rule.id}: {rule.summary}\n"
               f"category: {rule.category}   default severity: {rule.severity}"
               f"{'   (off by default)' if not rule.default_enabled else ''}\n")
    click.echo(rule.docs)


@main.group()
def glossary():
    """Validate and inspect glossaries."""


@glossary.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def glossary_check(files):
    """Validate glossary files; print each problem with file and line."""
    from mtqa.glossary import GlossaryError, load_file

    bad = False
    for f in files:
        try:
            pack, entries = load_file(f)
        except GlossaryError as exc:
            bad = True
            for p in exc.problems:
                click.echo(p, err=True)
            continue
        click.echo(f"{f}: ok: pack {pack!r}, {len(entries)} entries")
    sys.exit(EXIT_ERROR if bad else EXIT_OK)


@glossary.command("packs")
def glossary_packs():
    """List the bundled glossary packs."""
    from mtqa.glossary import bundled_pack_paths, load_file

    for name, path in bundled_pack_paths().items():
        _, entries = load_file(path)
        click.echo(f"{name:20} {len(entries):6} entries  {path}")


def _load_command_modules() -> None:
    """Commands in modules of their own register themselves on `main` (mtqa/commands/)."""
    from mtqa.commands import load_all

    load_all()

if __name__ == "__main__":  # pragma: no cover
    main()
