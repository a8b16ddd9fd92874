"""Path patterns of the configuration (`exclude`, `per-file-ignores`), matched the same way
everywhere.

- A pattern without "/" matches any single part of the path: `drafts` matches every folder
  or file named drafts, `*.draft.md` every such file, wherever it is.
- A pattern with "/" is anchored at the root (the folder of the configuration file):
  `archive/2019/*`, `desk/**/wire-*.md`. `*` and `?` never cross a "/", `**` matches any
  number of folders. A pattern that matches a folder matches everything inside it.

Paths are compared relative to the root when they lie under it, always with "/" separators.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Iterable, Optional, Union


@lru_cache(maxsize=256)
def _compile(pattern: str) -> "re.Pattern[str]":
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append(r"(?:[^/]*/)*")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(r".*")
            i += 2
            continue
        if c == "*":
            out.append(r"[^/]*")
        elif c == "?":
            out.append(r"[^/]")
        elif c == "[":
            j = pattern.find("]", i + 2)
            if j < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j + 1
                continue
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z")


def relative_posix(path: Union[str, Path], root: Optional[Union[str, Path]] = None) -> str:
    """The path as the patterns see it: relative to `root` when inside it, "/"-separated."""
    p = Path(path)
    if root is not None:
        try:
            p = Path(os.path.abspath(p)).relative_to(os.path.abspath(root))
        except ValueError:
            pass
    return PurePosixPath(p.as_posix()).as_posix()


def match(path: Union[str, Path], pattern: str, root: Optional[Union[str, Path]] = None) -> bool:
    rel = relative_posix(path, root)
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    pattern = pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/") if anchored else pattern.rstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    regex = _compile(pattern)
    if not anchored:
        return any(regex.match(part) for part in parts)
    return any(regex.match("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def match_any(path: Union[str, Path], patterns: Iterable[str],
              root: Optional[Union[str, Path]] = None) -> bool:
    return any(match(path, p, root) for p in patterns)
