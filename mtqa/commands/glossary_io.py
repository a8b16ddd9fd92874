"""`mtqa glossary import` and `mtqa glossary export`: TBX and CSV interchange
(docs/glossary-interchange.md)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from mtqa.cli import EXIT_ERROR, EXIT_OK, glossary

# the glossary's entry types (mtqa.glossary.ENTRY_TYPES; not imported here to keep start-up fast)
_TYPES = ("person", "given-name", "surname", "place", "organisation", "term")


def _write(text: str, output) -> None:
    if output in (None, "-"):
        click.echo(text, nl=False)
        return
    from mtqa.fix import write_atomic

    path = Path(output)
    if path.exists():
        write_atomic(str(path), text.encode("utf-8"))
    else:
        path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {path}", err=True)


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", metavar="OUT.yaml", help="Write here (default: standard output).")
@click.option("--lang", default="en", show_default=True,
              help="TBX: the language whose terms become the glossary's forms.")
@click.option("--type", "default_type", type=click.Choice(_TYPES), default="term",
              show_default=True, help="Entry type where the file names none.")
@click.option("--pack", metavar="NAME", help="Pack id of the new glossary (default: file stem).")
def glossary_import(file, output, lang, default_type, pack):
    """Convert a TBX termbase (.tbx) or a spreadsheet (.csv) into a glossary (YAML)."""
    from mtqa.interchange import InterchangeError, dump_yaml, entry_to_dict, read_csv, \
        read_tbx, validate

    path = Path(file)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        click.echo(f"{file}: error: no such file", err=True)
        sys.exit(EXIT_ERROR)
    except UnicodeDecodeError as exc:
        click.echo(f"{file}: error: not UTF-8 (byte {exc.start}); in a spreadsheet program "
                   f"save as 'CSV UTF-8'", err=True)
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        click.echo(f"{file}: error: {exc.strerror}", err=True)
        sys.exit(EXIT_ERROR)
    try:
        if path.suffix.lower() in (".tbx", ".xml"):
            entries, warnings = read_tbx(text, file, lang.lower(), default_type)
        elif path.suffix.lower() in (".csv", ".txt"):
            entries, warnings = read_csv(text, file, default_type)
        else:
            raise InterchangeError([f"{file}: unknown format (use .tbx or .csv)"])
        checked = validate(entries, file)
    except InterchangeError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(EXIT_ERROR)
    for w in warnings:
        click.echo(f"warning: {w}", err=True)
    _write(dump_yaml([entry_to_dict(e) for e in checked], pack or path.stem,
                     f"Imported from {path.name}"), output)
    click.echo(f"{file}: imported {len(checked)} entries", err=True)
    sys.exit(EXIT_OK)


@glossary.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", metavar="OUT.tbx", help="Write here (default: standard output).")
@click.option("--tbx-version", type=click.Choice(["2", "3"]), default="2", show_default=True,
              help="2: TBX-Basic 2008 (martif), read by most CAT tools; 3: TBX 2019 (tbx).")
def glossary_export(file, output, tbx_version):
    """Convert a glossary (YAML or TSV) into a TBX-Basic termbase."""
    from mtqa.glossary import GlossaryError, load_file
    from mtqa.interchange import write_tbx

    try:
        _, entries = load_file(file)
    except GlossaryError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(EXIT_ERROR)
    _write(write_tbx(entries, int(tbx_version), Path(file).name), output)
    click.echo(f"{file}: exported {len(entries)} entries", err=True)
