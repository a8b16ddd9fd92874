"""`mtqa phrases`: list and validate phrase packs (docs/phrase-packs.md)."""
from __future__ import annotations

import sys

import click

from mtqa.cli import EXIT_ERROR, EXIT_OK, main


@main.group()
def phrases():
    """List and validate the phrase packs (calques and odd phrases as data)."""


@phrases.command("list")
@click.option("--pack", "pack_names", multiple=True, metavar="PACK",
              help="Only this pack (common, id, uk, ru, zh). Repeatable.")
def phrases_list(pack_names):
    """List pack entries: rule id, phrase → fix, and whether it is on by default."""
    from mtqa.rules.phrase import packs

    for pack in packs():
        if pack_names and pack.name not in pack_names:
            continue
        lang = "any language" if pack.language == "any" else f"--source-lang {pack.language}"
        default = "runs by default" if pack.default or pack.language == "any" else \
            "runs only for its --source-lang"
        click.echo(f"# {pack.name}: {len(pack.entries)} entries ({lang}; {default})")
        for e in pack.entries:
            off = "" if e.enabled else "  (off by default)"
            click.echo(f"{e.rule_id:48} “{e.phrases[0]}” → “{e.fixes[0]}”{off}")


@phrases.command("check")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="Glossary for entries that need a name after the phrase. Repeatable.")
def phrases_check(files, glossaries):
    """Validate pack files (the bundled packs if none are given): the format, and that every
    entry fires on its own example. Prints each problem with file and line; exit 2 if any."""
    from mtqa.engine import AuditContext, AuditOptions
    from mtqa.glossary import GlossaryError, load_glossary
    from mtqa.phrases import PhrasePackError, bundled_pack_paths, load_pack
    from mtqa.rules.phrase import entry_fires

    try:
        glossary = load_glossary(glossaries)
    except GlossaryError as exc:
        for problem in exc.problems:
            click.echo(f"mtqa: glossary error: {problem}", err=True)
        sys.exit(EXIT_ERROR)
    ctx = AuditContext(AuditOptions(), glossary=glossary)
    bad = False
    for path in files or [str(p) for p in bundled_pack_paths()]:
        try:
            pack = load_pack(path)
        except PhrasePackError as exc:
            bad = True
            for problem in exc.problems:
                click.echo(problem, err=True)
            continue
        if files:  # a house pack: its regexes must not backtrack catastrophically
            from mtqa.phrases import backtracking_risk

            risky = [(e, key, rx) for e in pack.entries for key, rx in e.when.source.items()
                     if key != "followed_by_entity" and backtracking_risk(rx)]
            for e, key, rx in risky:
                bad = True
                click.echo(f"{e.origin}: {e.id}: '{key}' {rx!r}: {backtracking_risk(rx)}",
                           err=True)
            if risky:
                continue
        silent = [e for e in pack.entries if not entry_fires(e, e.example, ctx)]
        for e in silent:
            bad = True
            click.echo(f"{e.origin}: {e.id}: does not fire on its own example", err=True)
        if not silent:
            click.echo(f"{path}: ok: pack {pack.name!r}, {len(pack.entries)} entries")
    sys.exit(EXIT_ERROR if bad else EXIT_OK)
