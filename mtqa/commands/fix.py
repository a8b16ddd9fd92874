"""`mtqa fix`: apply safe fixes to article files (docs/fix.md).

Exit status: 0 done (with --diff: nothing would change); 1 with --diff: some file would
change, or a file's fixes did not settle (it is not written; the rules are named); 2 a file
could not be read or written (the others are still fixed) or bad usage.
"""
from __future__ import annotations

import sys

import click

from mtqa.cli import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, _audit_options, _force_exclude_option,
                      _named_inputs, _settings, main)


@main.command("fix")
@click.argument("paths", nargs=-1, required=True)
@click.option("--unsafe", is_flag=True,
              help="Also apply the first suggestion of findings that are not marked safe "
                   "(review the result).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of the fixes and change nothing; exit 1 if any file "
                   "would change.")
@click.option("--stdin-filename", metavar="NAME",
              help="File name for text read from '-' (its suffix picks the format).")
@_force_exclude_option
@_audit_options
def fix(paths, unsafe, show_diff, stdin_filename, force_exclude, **kw):
    """Fix article files in place: glossary-certain spellings and certain punctuation.

    Only fixes marked safe are applied unless --unsafe is given. Text in markup (code, link
    targets, tags) is never touched. With '-' the fixed text is written to standard output.
    """
    from mtqa.engine import AuditContext
    from mtqa.fix import fix_file, summarise, unified_diff
    from mtqa.glossary import GlossaryError
    from mtqa import pipeline

    settings = _settings(**kw)
    options = settings.audit_options()
    ctx = AuditContext(options)
    try:
        ctx.glossary  # load now: a broken glossary is one error, not one per file
    except GlossaryError as exc:
        for problem in exc.problems:
            click.echo(f"mtqa: glossary error: {problem}", err=True)
        sys.exit(EXIT_ERROR)
    records = pipeline.record_options(options)
    given = _named_inputs(paths, settings, force_exclude)
    files, errors = pipeline.items(given, options)
    # pair targets with sources (mtqa.source): the same source on every fix pass
    files, ctx.options, notes = pipeline.pair_sources(given, files, options)
    for path, message in notes:
        click.echo(f"{path}: warning: {message}", err=True)
    # the report goes to stderr whenever stdout carries text (a diff, or fixed stdin)
    to_stderr = show_diff or "-" in files
    changed_files = total_fixes = left = 0
    unsettled = []
    for path in files:
        name = (stdin_filename or "<stdin>") if path == "-" else path
        result, problems, data = fix_file(path, ctx, unsafe, write=not show_diff,
                                          records=records, name=name)
        errors.extend(problems)
        if result is None:
            continue
        if path == "-" and not show_diff:
            sys.stdout.buffer.write(data)  # unchanged when the fixes did not settle
            sys.stdout.flush()
        if show_diff and result.changed:
            click.echo(unified_diff(result), nl=False)
        verb = "would fix" if show_diff else "fixed"
        for a in result.applied:
            rec = f" [{a.record}]" if a.record is not None else ""
            click.echo(f"{result.path}:{a.line}:{a.column}: {verb} {a.rule}{rec}: "
                       f"“{a.old}” → “{a.new}”{'' if a.safe else ' (unsafe)'}", err=to_stderr)
        for a in result.withdrawn:
            rec = f" [{a.record}]" if a.record is not None else ""
            click.echo(f"{result.path}:{a.line}:{a.column}: withdrew {a.rule}{rec}: "
                       f"“{a.old}” → “{a.new}” (its finding came back, or it made one appear: left for an editor)", err=True)
        if not result.converged:
            unsettled.append(result.path)
            click.echo(f"{result.path}: error: the fixes of {', '.join(result.unsettled)} did "
                       f"not settle after several passes; file not "
                       f"{'changed' if path != '-' else 'fixed'}", err=True)
            continue
        if result.changed:
            changed_files += 1
            total_fixes += len(result.applied)
            click.echo(f"{result.path}: {verb} {len(result.applied)} "
                       f"({summarise(result.counts())})", err=to_stderr)
        left += result.remaining
    verb = "Would fix" if show_diff else "Fixed"
    summary = (f"{verb} {total_fixes} problem{'s' if total_fixes != 1 else ''} in "
               f"{changed_files} of {len(files)} file{'s' if len(files) != 1 else ''}")
    if left:
        summary += f"; {left} finding{'s' if left != 1 else ''} left for an editor (mtqa check)"
    click.echo(summary, err=to_stderr)
    for e in errors:
        click.echo(f"{e.path}: error: {e.message}", err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if unsettled or (show_diff and changed_files) else EXIT_OK)
