"""`mtqa check --format gitlab`: a GitLab Code Quality report (the Code Climate subset GitLab
reads from `artifacts:reports:codequality`), shown in the merge request widget and diff.

A JSON array of issues: description, check_name (the rule id), fingerprint (unique per
finding, also across the records of a JSON Lines feed, and stable while lines move; see
mtqa.formatters.common), severity (mtqa's
minor/major/critical are GitLab's own names) and location (relative path, begin/end line).
Unreadable files are not issues of the articles; they are reported on stderr and by the exit
status. Reference: docs/output-formats.md.
"""
from __future__ import annotations

from typing import Any, Dict, List

from mtqa.api import BatchResult
from mtqa.formatters import suggestion_hint
from mtqa.formatters.common import fingerprints, record_id, shown_path
from mtqa.formatters.indented_json import dumps


def issues(batch: BatchResult) -> List[Dict[str, Any]]:
    out = []
    for r, prints in zip(batch.files, fingerprints(batch)):
        path = shown_path(r.path)
        for f, print_ in zip(r.findings, prints):
            line = r.article.position(f.start)[0]
            end_line = r.article.position(f.end)[0]
            hint = suggestion_hint(f)
            record = record_id(r.article)  # which record of a JSON Lines feed
            out.append({
                "type": "issue",
                "description": f"{f.rule}{f' [{record}]' if record else ''}: {f.message}{hint}",
                "check_name": f.rule,
                "categories": ["Style"],
                "fingerprint": print_,
                "severity": f.severity,
                "location": {"path": path, "lines": {"begin": line, "end": end_line}},
            })
    return out


def render(batch: BatchResult) -> str:
    return dumps(issues(batch))  # = json.dumps(..., ensure_ascii=False, indent=2), faster
