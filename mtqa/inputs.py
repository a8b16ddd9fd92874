"""Finding and reading article files. Bad input never stops a batch: each problem becomes an
`InputError` naming the file, and the rest goes on."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from mtqa.article import Article

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 10 * 1024 * 1024  # an article larger than this is not an article


@dataclass
class InputError:
    path: str
    message: str


# suffix -> function(original text) -> prose view of the same length (markup blanked out).
# Input formats register here; plain text needs none.
PROSE_VIEWS: Dict[str, Callable[[str], str]] = {}


def collect(paths: Iterable[str], suffixes=ARTICLE_SUFFIXES) -> Tuple[List[str], List[InputError]]:
    """Expand files and folders (recursively, sorted) into article paths; '-' is stdin."""
    files: List[str] = []
    errors: List[InputError] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(_walk(str(p), suffixes))
            if not found:
                errors.append(InputError(raw, f"folder has no article files ({', '.join(suffixes)})"))
            files.extend(found)
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


def read_article(path: str, source_lang: Optional[str] = None) -> Article:
    """Read one article; raise ValueError with a clear message if it cannot be audited."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        try:
            if os.path.getsize(path) > MAX_BYTES:
                raise ValueError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
            with open(path, "rb") as fh:
                data = fh.read()
        except PermissionError:
            raise ValueError("permission denied") from None
        except IsADirectoryError:
            raise ValueError("is a folder") from None
        except OSError as exc:
            raise ValueError(exc.strerror or str(exc)) from None
        name = path
    text = decode(data, name)
    view = PROSE_VIEWS.get(Path(name).suffix.lower())
    return Article(text, path=name, source_lang=source_lang, text=view(text) if view else None)


def read_all(paths: Iterable[str], source_lang: Optional[str] = None
             ) -> Tuple[List[Article], List[InputError]]:
    files, errors = collect(paths)
    articles = []
    for f in files:
        try:
            articles.append(read_article(f, source_lang))
        except ValueError as exc:
            errors.append(InputError("<stdin>" if f == "-" else f, str(exc)))
    return articles, errors
