"""The `mtqa` command. Thin: parses options, calls mtqa.api, hands results to a formatter.

Exit status: 0 no finding reaches --fail-on; 1 one does; 2 usage error or unreadable input.
"""
from __future__ import annotations

import sys
from typing import Sequence

import click

from mtqa import __version__
from mtqa.engine import AuditOptions
from mtqa.finding import SEVERITIES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _audit_options(func):
    """Options shared by every command that audits articles."""
    options = [
        click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra glossary file (YAML or TSV), on top of the bundled packs. "
                          "Repeatable."),
        click.option("--no-pack", "disabled_packs", multiple=True, metavar="PACK",
                     help="Switch a bundled glossary pack off (see `mtqa glossary packs`); "
                          "'all' switches every bundled pack off. Repeatable."),
        click.option("--source-lang", metavar="LANG",
                     help="Language the article was translated from (id, uk, ru, zh, ...)."),
        click.option("--select", multiple=True, metavar="RULE",
                     help="Run only these rules (id or prefix, e.g. 'name'). Repeatable."),
        click.option("--ignore", multiple=True, metavar="RULE",
                     help="Skip these rules (id or prefix). Repeatable."),
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
              record_id_field=None, source=None, source_field=None):
    """Defaults < configuration file < command line (mtqa.config); exit 2 on a bad file."""
    from mtqa.config import ConfigError, load_settings
    from mtqa.registry import all_rules, matches

    ids = [r.id for r in all_rules()]
    for selector in list(select) + list(ignore):
        if selector != "all" and not any(matches(i, [selector]) for i in ids):
            raise click.BadParameter(f"no rule matches {selector!r} (see `mtqa rules`)")
    if config_file and no_config:
        raise click.UsageError("--config and --no-config exclude each other")
    cli = {"glossaries": glossaries, "disabled-packs": disabled_packs, "select": select,
           "ignore": ignore, "source-lang": source_lang, "fail-on": fail_on, "source": source}
    try:
        settings = load_settings(cli, config_file, use_config=not no_config)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(f"mtqa: configuration error: {problem}", err=True)
        sys.exit(EXIT_ERROR)
    # JSON Lines field names are per run, not configuration
    settings.record_fields = (record_field, record_id_field)
    settings.source_field = source_field
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
                return check_paths_dask(paths, options, scheduler=scheduler)
            except (RuntimeError, OSError) as exc:
                click.echo(f"mtqa: dask engine: {exc}", err=True)
                sys.exit(EXIT_ERROR)
        return check_paths(paths, options, thresholds or Thresholds(), progress=Progress(),
                           jobs=jobs)
    except GlossaryError as exc:
        for problem in exc.problems:
            click.echo(f"mtqa: glossary error: {problem}", err=True)
        sys.exit(EXIT_ERROR)


def _report_errors(batch) -> None:
    for e in batch.errors:
        click.echo(f"{e.path}: error: {e.message}", err=True)
    for w in batch.warnings:
        where = f"{w.path}:{w.line}" if w.line else w.path  # source warnings name no line
        click.echo(f"{where}: warning: {w.message}", err=True)


FORMATS = ("text", "json", "sarif", "github", "gitlab")


def _render(fmt: str, batch, quiet: bool = False) -> str:
    import importlib

    if fmt == "text":
        from mtqa.formatters import text

        return text.render(batch, quiet=quiet)
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


@click.group(cls=_MainGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtqa")
def main():
    """Audit machine-translated news articles for translation artefacts."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format (docs/output-formats.md).")
@click.option("--fail-on", type=click.Choice(list(SEVERITIES) + ["never"]), default=None,
              help="Exit 1 when a finding of this severity or worse is found "
                   "[default: major, or the configuration's fail-on].")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary (text format).")
@_audit_options
@_jobs_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where to audit: here, or on a Dask cluster (needs "
                                      "mtqa[dask]; also reads .jsonl archives of "
                                      '{"path": ..., "text": ...} lines).')
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
def check(paths, fmt, fail_on, quiet, jobs, engine, scheduler, **kw):
    """Audit article files (.txt, .md, .html, .xlf, .jsonl, ...; folders recursively; '-' for
    stdin). See docs/inputs.md."""
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    settings = _settings(fail_on=fail_on, **kw)
    batch = _run(paths, settings.audit_options(), settings.thresholds(), jobs, engine,
                 scheduler)
    click.echo(_render(fmt, batch, quiet))
    _report_errors(batch)
    if batch.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if batch.fails(settings["fail-on"]) else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", default="reports", show_default=True,
              type=click.Path(file_okay=False), help="Folder to write the reports to.")
@_audit_options
@_jobs_option
def report(paths, out_dir, jobs, **kw):
    """Write a quality report per article (Markdown, JSON, HTML) and an index page."""
    from mtqa.formatters import report as report_writer

    settings = _settings(**kw)
    batch = _run(paths, settings.audit_options(), settings.thresholds(), jobs)
    written = report_writer.write_reports(batch, out_dir)
    for path in written:
        click.echo(f"wrote {path}")
    from mtqa.formatters import text

    click.echo(text.summary(batch))
    _report_errors(batch)
    sys.exit(EXIT_ERROR if batch.errors else EXIT_OK)


@main.command("rules")
def list_rules():
    """List every rule: id, default severity, category, summary."""
    from mtqa.registry import all_rules

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
