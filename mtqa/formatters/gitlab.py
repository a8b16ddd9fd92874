"""`mtqa check --format gitlab`: a GitLab Code Quality report (the Code Climate subset GitLab
reads from `artifacts:reports:codequality`), shown in the merge request widget and diff.

A JSON array of issues: description, check_name (the rule id), fingerprint (unique per
finding, stable while lines move: rule, file, flagged text and occurrence), severity (mtqa's
minor/major/critical are GitLab's own names) and location (relative path, begin/end line).
Unreadable files are not issues of the articles; they are reported on stderr and by the exit
status. Reference: docs/output-formats.md.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List

from mtqa.api import BatchResult
from mtqa.formatters.sarif import fingerprint
from mtqa.formatters import suggestion_hint


def issues(batch: BatchResult) -> List[Dict[str, Any]]:
    out = []
    for r in batch.files:
        seen: Counter = Counter()
        path = Path(r.path).as_posix()
        path = path[2:] if path.startswith("./") else path
        for f in r.findings:
            text = r.article.original[f.start:f.end]
            seen[(f.rule, text)] += 1
            line = r.article.position(f.start)[0]
            end_line = r.article.position(f.end)[0]
            hint = suggestion_hint(f)
            out.append({
                "type": "issue",
                "description": f"{f.rule}: {f.message}{hint}",
                "check_name": f.rule,
                "categories": ["Style"],
                "fingerprint": fingerprint(r, f, seen[(f.rule, text)]),
                "severity": f.severity,
                "location": {"path": path, "lines": {"begin": line, "end": end_line}},
            })
    return out


def render(batch: BatchResult) -> str:
    return json.dumps(issues(batch), ensure_ascii=False, indent=2)
