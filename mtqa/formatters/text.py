"""One line per finding, `path:line:col: severity rule message (suggestion)`, then a summary."""
from __future__ import annotations

from collections import Counter
from typing import List

from mtqa.api import BatchResult
from mtqa.finding import SEVERITIES


def finding_lines(batch: BatchResult) -> List[str]:
    lines = []
    for r in batch.files:
        for f in r.findings:
            line, col = r.article.position(f.start)
            hint = f" (suggestion: {f.suggestions[0]})" if f.suggestions else ""
            # a record of a JSON Lines feed is named after its id: feed.jsonl:12:40: ... [id]
            record = getattr(r.article, "record_id", None)
            label = f" [{record}]" if record is not None else ""
            lines.append(f"{r.path}:{line}:{col}: {f.severity} {f.rule}{label} {f.message}{hint}")
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


def source_lines(batch: BatchResult) -> List[str]:
    """Per article compared with a source (or not): which source, its language and how that
    was decided, how much was compared; "source not available" otherwise."""
    from mtqa.source.document import source_status

    out = []
    for r in batch.files:
        status = source_status(r.article)
        if status is not None:
            out.append(f"{r.path}: source: {status}")
    return out


def render(batch: BatchResult, quiet: bool = False) -> str:
    lines = [] if quiet else finding_lines(batch) + source_lines(batch)
    return "\n".join(lines + [summary(batch)])
