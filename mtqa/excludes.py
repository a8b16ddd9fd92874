"""Which named inputs are left out, beyond the `exclude` globs applied when folders are
expanded (mtqa.inputs.collect):

- mtqa's own output: a folder holding an `index.html` that `mtqa report` wrote (its
  `<meta name="generator" content="mtqa …">` is the marker) is never audited when a parent
  folder is expanded; otherwise `mtqa check .` after `mtqa report .` would audit its own
  reports (27 findings became 162).
- `--force-exclude` (as in ruff): `exclude` applies to files named on the command line too.
  pre-commit always names files, so its hook passes `--force-exclude` to honour `exclude`.
- Empty inputs (an empty file, a folder with no articles) are errors by default, but
  `--fail-on never` promises a green step: there they are warnings.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

GENERATOR_MARK = b'<meta name="generator" content="mtqa'
# the messages of mtqa.inputs for inputs with nothing to audit (checked by tests/test_ci.py)
EMPTY_INPUT_MESSAGES = ("file is empty", "folder has no article files")


@lru_cache(maxsize=1024)
def is_output_folder(folder: str) -> bool:
    """Does `folder` hold a report index written by `mtqa report`?"""
    try:
        with open(os.path.join(folder, "index.html"), "rb") as fh:
            return GENERATOR_MARK in fh.read(2048)
    except OSError:
        return False


def outside_output_folders(found: Sequence[str], stop: str) -> List[str]:
    """The files of `found` (expanded from the folder `stop`) that are not inside an mtqa
    output folder below `stop`. (A report folder named on the command line itself is audited:
    that was asked.) An output folder holds its index.html, itself a file `found` lists, so
    only the folders of those are looked at: a batch of thousands of files costs one string
    test per file."""
    stop_abs = os.path.abspath(stop)
    outputs = []
    for path in found:
        if path.endswith("index.html") and os.path.basename(path) == "index.html":
            folder = os.path.dirname(os.path.abspath(path))
            if folder != stop_abs and is_output_folder(folder):
                outputs.append(os.path.dirname(path) + os.sep)
    if not outputs:
        return list(found)
    prefixes = tuple(outputs)
    return [p for p in found if not p.startswith(prefixes)]


def inside_output_folder(path: str, stop: str) -> bool:
    """Is `path` inside an mtqa output folder below the folder `stop`?"""
    stop = os.path.abspath(stop)
    folder = os.path.dirname(os.path.abspath(path))
    while len(folder) > len(stop) and folder != stop:
        if is_output_folder(folder):
            return True
        folder = os.path.dirname(folder)
    return False


def force_excluded(paths: Sequence[str], exclude: Sequence[str], root: Optional[str]
                   ) -> Tuple[List[str], List[str]]:
    """(kept, dropped): named files (not folders, not '-') matching an `exclude` glob, or
    inside an mtqa output folder under `root`, are dropped."""
    from mtqa.globs import match_any

    base = root or os.getcwd()
    kept, dropped = [], []
    for p in paths:
        if p != "-" and not os.path.isdir(p) and (
                (exclude and match_any(p, exclude, root)) or inside_output_folder(p, base)):
            dropped.append(p)
        else:
            kept.append(p)
    return kept, dropped


def is_empty_input(error) -> bool:
    return any(error.message.startswith(m) for m in EMPTY_INPUT_MESSAGES)
