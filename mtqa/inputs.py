"""Finding article files and reading their bytes. Bad input never stops a batch: each problem
becomes an `InputError` naming the file, and the rest goes on. Making articles of the text is
the pipeline's `read` (mtqa.pipeline), through the format readers (mtqa.readers)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from mtqa.formats import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xlf", ".xliff", ".jsonl")
MAX_BYTES = 10 * 1024 * 1024  # an article larger than this is not an article
MAX_RECORD_FILE_BYTES = 512 * 1024 * 1024  # a JSON Lines feed holds many articles


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
