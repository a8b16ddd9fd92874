"""Finding and reading article files. Bad input never stops a batch: each problem becomes an
`InputError` naming the file, and the rest goes on.

Formats (docs/inputs.md): plain text; markup files (Markdown, HTML, XLIFF), read through a
*prose view* registered in `PROSE_VIEWS`; and record files (JSON Lines), which hold many
articles and are read by a function registered in `RECORD_READERS`.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from mtqa.article import Article, Segment

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xlf", ".xliff", ".jsonl")
MAX_BYTES = 10 * 1024 * 1024  # an article larger than this is not an article
MAX_RECORD_FILE_BYTES = 512 * 1024 * 1024  # a JSON Lines feed holds many articles


@dataclass
class InputError:
    path: str
    message: str


@dataclass
class ProseView:
    """What a markup reader makes of a file: `text` is the original with markup blanked to
    spaces (same length, so every offset means the same in both), plus what the markup tells
    about structure."""
    text: str
    headings: Sequence[Tuple[int, int]] = ()
    prose_runs: Optional[Sequence[Tuple[int, int]]] = None
    segments: Sequence[Segment] = ()
    source_lang: Optional[str] = None


@dataclass
class RecordOptions:
    """How to read record files (JSON Lines): which field holds the article text (None: "body"
    or "text") and which one identifies the record."""
    field: Optional[str] = None
    id_field: Optional[str] = None


# suffix -> function(original text) -> prose view (a str of the same length, or a ProseView).
# Input formats register here (mtqa/readers/); plain text needs none. A reader raises ValueError
# with a message for the editor when the file cannot be read.
PROSE_VIEWS: Dict[str, Callable[[str], Union[str, ProseView]]] = {}
# suffix -> function(text, path, RecordOptions, source_lang) -> (articles, errors)
RECORD_READERS: Dict[str, Callable] = {}


def collect(paths: Iterable[str], suffixes=ARTICLE_SUFFIXES, exclude: Sequence[str] = (),
            root: Optional[str] = None) -> Tuple[List[str], List[InputError]]:
    """Expand files and folders (recursively, sorted) into article paths; '-' is stdin.
    Files found in folders are skipped when they match an `exclude` glob (mtqa.globs, relative
    to `root`); files named explicitly are always read."""
    from mtqa.excludes import outside_output_folders
    from mtqa.globs import match_any

    files: List[str] = []
    errors: List[InputError] = []
    for raw in paths:
        if raw == "-" or not isinstance(raw, (str, os.PathLike)):
            # stdin, or an article already read (stdin under --stdin-filename, mtqa.cli)
            files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(_walk(str(p), suffixes))
            if not found:
                errors.append(InputError(raw, f"folder has no article files ({', '.join(suffixes)})"))
            # a folder left empty by `exclude` is what the user asked for, not an error
            found = outside_output_folders(found, raw)  # never mtqa's own reports (issue 12)
            files.extend(f for f in found if not (exclude and match_any(f, exclude, root)))
        elif p.exists():
            files.append(raw)
        else:
            errors.append(InputError(raw, "no such file or folder"))
    return files, errors


def _walk(root: str, suffixes) -> Iterator[str]:
    """Article files under root, skipping hidden files and folders and not following folder
    symlinks (os.scandir: tens of thousands of files in a fraction of a second)."""
    prefix = "" if root == "." else root if root.endswith(os.sep) else root + os.sep
    stack = [""]
    while stack:
        rel = stack.pop()
        try:
            entries = list(os.scandir(prefix + rel if rel else root))
        except (PermissionError, FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = rel + entry.name
            try:
                if entry.is_dir():
                    if not entry.is_symlink():
                        stack.append(path + os.sep)
                elif (entry.is_file()
                      and os.path.splitext(entry.name)[1].lower() in suffixes):
                    yield prefix + path
            except OSError:
                continue


def decode(data: bytes, path: str) -> str:
    """Bytes to text, or ValueError with a message an editor can act on."""
    if not data.strip():
        raise ValueError("file is empty")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ValueError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
                         f"save the file as UTF-8") from None
    # Windows line ends would shift columns; a lone \r is treated as a line end too
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes ('-' is stdin), or ValueError naming the problem."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        if os.path.getsize(path) > limit:
            raise ValueError(f"file is larger than {limit // (1024 * 1024)} MB")
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise ValueError("permission denied") from None
    except IsADirectoryError:
        raise ValueError("is a folder") from None
    except OSError as exc:
        raise ValueError(exc.strerror or str(exc)) from None


def suffix_of(name: str) -> str:
    return Path(name).suffix.lower()


def make_article(text: str, name: str, source_lang: Optional[str] = None) -> Article:
    """An Article of decoded file text, through the prose view its suffix registers."""
    load_readers(suffix_of(name))
    reader = PROSE_VIEWS.get(suffix_of(name))
    if reader is None:
        return Article(text, path=name, source_lang=source_lang)
    view = reader(text)
    if isinstance(view, str):
        view = ProseView(view)
    # an explicit --source-lang wins over the language a bilingual file declares
    article = Article(text, path=name, source_lang=source_lang or view.source_lang, text=view.text)
    article.headings = list(view.headings)
    article.prose_runs = None if view.prose_runs is None else list(view.prose_runs)
    article.segments = list(view.segments)
    return article


def read_article(path: str, source_lang: Optional[str] = None,
                 name: Optional[str] = None) -> Article:
    """Read one single-article file; raise ValueError with a clear message if it cannot be
    audited. `name` names stdin (`--stdin-filename`; its suffix picks the reader)."""
    name = name or ("<stdin>" if path == "-" else path)
    return make_article(decode(read_bytes(path), name), name, source_lang)


def read_file(path: str, source_lang: Optional[str] = None,
              records: Optional[RecordOptions] = None, name: Optional[str] = None
              ) -> Tuple[List[Article], List[InputError]]:
    """Every article of one file: one for most formats, one per record for JSON Lines.
    `name` names stdin (`--stdin-filename`)."""
    name = name or ("<stdin>" if path == "-" else path)
    load_readers(suffix_of(name))
    record_reader = RECORD_READERS.get(suffix_of(name))
    try:
        if record_reader is None:
            return [read_article(path, source_lang, name)], []
        text = decode(read_bytes(path, MAX_RECORD_FILE_BYTES), name)
        return record_reader(text, name, records or RecordOptions(), source_lang)
    except ValueError as exc:
        return [], [InputError(name, str(exc))]


def read_all(paths: Iterable[str], source_lang: Optional[str] = None,
             records: Optional[RecordOptions] = None, exclude: Sequence[str] = (),
             root: Optional[str] = None) -> Tuple[List[Article], List[InputError]]:
    files, errors = collect(paths, exclude=exclude, root=root)
    articles = []
    for f in files:
        found, problems = read_file(f, source_lang, records)
        articles.extend(found)
        errors.extend(problems)
    return articles, errors


# Plain text has no reader; importing the readers (html.parser, ElementTree, ...) for it would
# cost a one-file check ~15 ms of start-up. No reader may register these suffixes.
PLAIN_TEXT_SUFFIXES = frozenset({".txt"})


def load_readers(suffix: Optional[str] = None) -> None:
    """Register the format readers, unless `suffix` is plain text, which needs none."""
    if suffix in PLAIN_TEXT_SUFFIXES:
        return
    import mtqa.readers  # noqa: F401  (registers the format readers)


_load_readers = load_readers
