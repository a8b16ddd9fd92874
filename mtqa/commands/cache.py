"""`mtqa cache info|clear`: where the on-disk cache is, what it holds, and emptying it
(mtqa.cache; docs/security.md)."""
from __future__ import annotations

import click

from mtqa.cli import main


@main.group("cache")
def cache_group():
    """Inspect or empty mtqa's on-disk cache (parsed glossaries, phrase packs, word tables)."""


@cache_group.command("info")
def cache_info():
    """Print the cache folder, whether it is used, and its entries."""
    from mtqa import cache

    folder = cache.cache_dir()
    if folder is None:
        click.echo("cache: off (MTQA_CACHE_DIR is empty)")
        return
    problem = cache.folder_problem(folder)
    if problem == "does not exist":
        state = "not created yet"
    elif problem:
        state = f"NOT USED: the folder {problem}"
    else:
        state = "in use"
    found = cache.entries(folder)
    size = sum(st.st_size for _, st in found)
    click.echo(f"cache: {folder} ({state})")
    click.echo(f"entries: {len(found)}, {size / 1048576:.1f} MB "
               f"(limit {cache.max_bytes() / 1048576:.0f} MB, {cache.KEEP_PER_KIND} per kind)")
    for path, st in found:
        click.echo(f"  {path.name}  {st.st_size / 1024:.0f} KB")


@cache_group.command("clear")
def cache_clear():
    """Delete every entry mtqa wrote in the cache folder (other files are left alone)."""
    from mtqa import cache

    folder = cache.cache_dir()
    if folder is None:
        click.echo("cache: off (MTQA_CACHE_DIR is empty); nothing to clear")
        return
    files, size = cache.clear()
    click.echo(f"cache: deleted {files} entr{'y' if files == 1 else 'ies'} "
               f"({size / 1048576:.1f} MB) from {folder}")
