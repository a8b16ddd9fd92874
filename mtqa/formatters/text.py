"""One line per finding, `path:line:col: severity rule message (suggestion)`, then a summary."""
from __future__ import annotations

from collections import Counter
from typing import List

from mtqa.api import BatchResult
from mtqa.finding import SEVERITIES
from mtqa.formatters.common import shown_path


def finding_lines(batch: BatchResult) -> List[str]:
    lines = []
    for r in batch.files:
        for f in r.findings:
            line, col = r.article.position(f.start)
            hint = f" (suggestion: {f.suggestions[0]})" if f.suggestions else ""
            # a record of a JSON Lines feed is named after its id: feed.jsonl:12:40: ... [id]
            record = getattr(r.article, "record_id", None)
            label = f" [{record}]" if record is not None else ""
            lines.append(f"{shown_path(r.path)}:{line}:{col}: {f.severity} {f.rule}{label} {f.message}{hint}")
    return lines


def summary(batch: BatchResult) -> str:
    counts = Counter(f.severity for r in batch.files for f in r.findings)
    total = sum(counts.values())
    parts = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES) if counts[s])
    text = (f"{total} finding{'s' if total != 1 else ''}"
            f"{f' ({parts})' if parts else ''} in {len(batch.files)} "
            f"article{'s' if len(batch.files) != 1 else ''}")
    if batch.errors:
        text += f"; {len(batch.errors)} file{'s' if len(batch.errors) != 1 else ''} not audited"
    return text


def render(batch: BatchResult, quiet: bool = False) -> str:
    lines = [] if quiet else finding_lines(batch)
    return "\n".join(lines + [summary(batch)])
