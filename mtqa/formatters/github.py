"""`mtqa check --format github`: GitHub Actions workflow commands, shown as annotations on
the pull request's changed lines.

    ::error file=desk/kyiv.md,line=3,col=9,endLine=3,endColumn=16,title=name-near-miss::msg

Critical and major findings are errors, minor ones warnings; unreadable files are errors
without a line, bad suppression comments warnings. Values are escaped as the Actions toolkit
does: `%`, CR and LF everywhere, and also `:` and `,` inside properties. A summary line ends
the output. GitHub shows at most 10 annotations of each level per step (50 per job); use
SARIF upload for large batches (docs/ci.md).
"""
from __future__ import annotations

from typing import List, Optional

from mtqa.api import BatchResult
from mtqa.formatters.common import shown_path
from mtqa.formatters.text import summary
from mtqa.formatters import suggestion_hint

LEVELS = {"critical": "error", "major": "error", "minor": "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, file: Optional[str] = None, line: Optional[int] = None,
            col: Optional[int] = None, end_line: Optional[int] = None,
            end_col: Optional[int] = None, title: Optional[str] = None) -> str:
    props = [(k, v) for k, v in (("file", file), ("line", line), ("col", col),
                                  ("endLine", end_line), ("endColumn", end_col),
                                  ("title", title)) if v is not None]
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    return f"::{level}{' ' + head if head else ''}::{escape_data(message)}"


def render(batch: BatchResult) -> str:
    lines: List[str] = []
    for r in batch.files:
        for f in r.findings:
            line, col = r.article.position(f.start)
            end_line, end_col = r.article.position(f.end)
            hint = suggestion_hint(f)
            lines.append(command(LEVELS[f.severity], f"{f.message}{hint}", shown_path(r.path),
                                 line, col, end_line, end_col, title=f.rule))
    for e in batch.errors:
        what = "audited without its source" if e.audited else "not audited"
        lines.append(command("error", f"{what}: {e.message}", shown_path(e.path),
                             title="mtqa: unreadable input"))
    for w in batch.warnings:
        lines.append(command("warning", w.message, shown_path(w.path), w.line,
                             title="mtqa: suppression comment"))
    lines.append(summary(batch))
    return "\n".join(lines)
