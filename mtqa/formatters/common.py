"""What several output formats share: the path shown for a file, and finding fingerprints.

Paths: every format shows a file under the working folder relative to it (`desk/a.md`, not
`/home/ci/build/desk/a.md` or `./desk/a.md`), so CI annotations and code-scanning alerts land
on the checked-out file whatever the runner's folder; a file outside the working folder keeps
the path it was given. `<stdin>` and `<text>` stay as they are.

Fingerprints (SARIF `partialFingerprints`, GitLab `fingerprint`) must be unique per finding,
or code scanning merges real findings, and stable when lines move, or every edit above a
finding reopens it. A finding's fingerprint hashes its rule, the shown path, the record id of
a JSON Lines record (feeds hold many articles in one file), the flagged text and which
occurrence of that (rule, text) it is within the same file and record. No line or column goes
in, so inserting lines keeps every fingerprint. Records without an id share one counter per
file, so their fingerprints stay distinct too.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import PurePath
from typing import List

FINGERPRINT_VERSION = "mtqaFinding/v2"


def shown_path(path: str, cwd: str = None) -> str:
    """`path` relative to the working folder when it lies inside it, else as given; always
    with forward slashes (the form SARIF, GitLab and GitHub expect)."""
    if not path or path.startswith("<"):
        return path
    base = os.path.abspath(cwd or os.getcwd())
    full = os.path.abspath(path)
    try:
        inside = os.path.commonpath([base, full]) == base
    except ValueError:  # another drive (Windows)
        inside = False
    shown = os.path.relpath(full, base) if inside else path
    return PurePath(shown).as_posix()


def record_id(article) -> str:
    """The id of a JSON Lines record ('' for other articles and records without one)."""
    record = article.record
    return "" if record is None or record.id is None else str(record.id)


def fingerprints(batch) -> List[List[str]]:
    """One fingerprint per finding, aligned with `batch.files[i].findings`."""
    import hashlib  # here, not at the top: loading OpenSSL costs the text report's start-up

    seen: Counter = Counter()
    out = []
    for r in batch.files:
        path = shown_path(r.path)
        record = record_id(r.article)
        prints = []
        for f in r.findings:
            text = r.article.original[f.start:f.end]
            key = (f.rule, path, record, text)
            seen[key] += 1
            raw = "\x1f".join(key + (str(seen[key]),))
            prints.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32])
        out.append(prints)
    return out
