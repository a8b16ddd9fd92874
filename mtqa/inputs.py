"""Finding article files and reading their bytes. Bad input never stops a batch: each problem
becomes an `InputError` naming the file, and the rest goes on. Making articles of the text is
the pipeline's `read` (mtqa.pipeline), through the format readers (mtqa.readers)."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from mtqa.formats import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xlf", ".xliff", ".jsonl")
# An article larger than this is not an article. The longest news features are about 10,000
# words (~70 KB); 1 MB is ~170,000 words, 15 times that. Time is linear in the size (~3-5 s of
# CPU per MB), and above 1 MB the promise "no input takes over 5 s" (docs/security.md) would not
# hold; MTQA_MAX_INPUT_MB raises the limit for users who accept slower runs.
MAX_BYTES = 1 * 1024 * 1024
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
            problems: List[InputError] = []
            found = sorted(_walk(str(p), suffixes, problems))
            errors.extend(sorted(problems, key=lambda e: e.path))
            if not found and not problems:
                errors.append(InputError(raw, f"folder has no article files ({', '.join(suffixes)})"))
            # a folder left empty by `exclude` is what the user asked for, not an error
            found = outside_output_folders(found, raw)  # never mtqa's own reports (issue 12)
            files.extend(f for f in found if not (exclude and match_any(f, exclude, root)))
        elif p.exists():
            files.append(raw)
        else:
            errors.append(InputError(raw, "no such file or folder"))
    return files, errors


def _walk(root: str, suffixes, problems: Optional[List[InputError]] = None) -> Iterator[str]:
    """Article files under root, skipping hidden files and folders (os.scandir: tens of
    thousands of files in a fraction of a second). Symlinks are followed only to files inside
    the root; symlinked folders, report folders mtqa wrote (mtqa.outdir.MARKER) and special
    files are not entered or read. Problems (an unreadable folder, a symlink leading outside,
    a FIFO or device with an article's name) go to `problems`."""
    from mtqa.outdir import MARKER

    def problem(path: str, message: str) -> None:
        if problems is not None:
            problems.append(InputError(path, message))

    real_root = os.path.realpath(root)
    prefix = "" if root == "." else root if root.endswith(os.sep) else root + os.sep
    stack = [""]
    while stack:
        rel = stack.pop()
        folder = prefix + rel if rel else root
        try:
            entries = list(os.scandir(folder))
        except PermissionError:
            problem(folder, "folder cannot be read (permission denied); its articles were "
                            "not audited")
            continue
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            problem(folder, f"folder cannot be read ({exc.strerror or exc})")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = rel + entry.name
            is_article = os.path.splitext(entry.name)[1].lower() in suffixes
            try:
                if entry.is_symlink():
                    if not is_article:
                        continue  # symlinked folders are not entered
                    target = os.path.realpath(entry.path)
                    if not os.path.exists(target):
                        continue  # a broken link
                    if os.path.commonpath([real_root, target]) != real_root:
                        problem(prefix + path, "symlink to a file outside "
                                               f"{root}; not read")
                    elif os.path.isfile(target):
                        yield prefix + path
                    elif not os.path.isdir(target):
                        problem(prefix + path, "not a regular file (a FIFO, device or "
                                               "socket); not read")
                elif entry.is_dir(follow_symlinks=False):
                    if not os.path.lexists(os.path.join(entry.path, MARKER)):
                        stack.append(path + os.sep)
                elif is_article:
                    if entry.is_file(follow_symlinks=False):
                        yield prefix + path
                    else:
                        problem(prefix + path, "not a regular file (a FIFO, device or "
                                               "socket); not read")
            except (OSError, ValueError):
                continue


# Byte-order marks of the wide Unicode encodings (UTF-32 first: its LE mark starts with
# UTF-16's). Such files are decoded, not called binary.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
         (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"))


def bom_encoding(data: bytes) -> Optional[Tuple[bytes, str, str]]:
    """(byte-order mark, codec, name) of a UTF-16/32 file with a BOM, else None."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return bom, codec, name
    return None


def _mostly_latin(text: str) -> bool:
    sample = [c for c in text[:4096] if not c.isspace()]
    return bool(sample) and sum(ord(c) < 0x250 for c in sample) >= 0.6 * len(sample)


def decode(data: bytes, path: str) -> str:
    """Bytes to text, or ValueError with a message an editor can act on."""
    wide = bom_encoding(data)
    if wide is not None:
        bom, codec, name = wide
        try:
            text = data[len(bom):].decode(codec)
        except UnicodeDecodeError:
            text = None
        # Bytes FF FE may also just be bad bytes: an English article decodes to mostly
        # Latin letters. Anything else is judged as UTF-8 below (and refused as such).
        if text is not None and _mostly_latin(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    if not data.strip():
        raise ValueError("file is empty")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text (UTF-16 or UTF-32 files need a byte-order "
                         "mark)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ValueError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
                         f"save the file as UTF-8") from None
    # Windows line ends would shift columns; a lone \r is treated as a line end too
    return text.replace("\r\n", "\n").replace("\r", "\n")


def max_bytes() -> int:
    """The size limit of one article: a file, stdin, or one record of a feed (MAX_BYTES, or
    MTQA_MAX_INPUT_MB)."""
    raw = os.environ.get("MTQA_MAX_INPUT_MB", "").strip()
    try:
        return max(1, int(float(raw) * 1024 * 1024)) if raw else MAX_BYTES
    except ValueError:
        return MAX_BYTES


def too_large(limit: int) -> ValueError:
    return ValueError(f"larger than {limit / (1024 * 1024):g} MB, the size limit of an "
                      f"article (MTQA_MAX_INPUT_MB); not read")


def read_bytes(path: str, limit: Optional[int] = None) -> bytes:
    """A file's bytes ('-' is stdin), or ValueError naming the problem. Reads are bounded
    (never more than limit + 1 bytes, whatever the file claims), and only regular files are
    read: a FIFO would block the run, a device (/dev/zero) would never end."""
    limit = max_bytes() if limit is None else limit
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise ValueError("stdin is closed")
        try:
            data = stream.read(limit + 1)
        except (OSError, ValueError) as exc:
            raise ValueError(f"stdin cannot be read ({exc})") from None
        if len(data) > limit:
            raise too_large(limit)
        return data
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise ValueError("permission denied") from None
    except IsADirectoryError:
        raise ValueError("is a folder") from None
    except OSError as exc:
        raise ValueError(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as fh:
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise ValueError("is a folder")
            if not stat.S_ISREG(st.st_mode):
                raise ValueError("not a regular file (a FIFO, device or socket); not read")
            if st.st_size > limit:
                raise too_large(limit)
            data = fh.read(limit + 1)
        except OSError as exc:
            raise ValueError(exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise too_large(limit)
    return data
