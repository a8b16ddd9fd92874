"""One line per finding, `path:line:col: severity rule message (suggestion)`, then a summary.

Options, as in ruff: `show_source` prints the flagged line under each finding with carets
under the span; `statistics` prints one line per rule with its count instead of the
findings; `color` adds ANSI colours (the CLI turns it on only for a terminal, and honours
NO_COLOR and --color)."""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import List

from mtqa.api import BatchResult, FileResult
from mtqa.finding import SEVERITIES, Finding
from mtqa.formatters import suggestion_hint
from mtqa.formatters.common import shown_path

_RESET = "\033[0m"
STYLES = {"path": "\033[1m", "rule": "\033[36m", "gutter": "\033[34m", "caret": "\033[31;1m",
          "critical": "\033[31;1m", "major": "\033[31m", "minor": "\033[33m"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{STYLES[style]}{text}{_RESET}" if color and text else text


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two, combining marks
    none."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def source_lines(result: FileResult, f: Finding, color: bool = False) -> List[str]:
    """The flagged line of the article with carets under the span (its first line when the
    span runs over several), ruff-style:
          |
        3 | Officials met in Kiev on Monday.
          |                  ^^^^
    """
    text = result.article.original
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].replace("\t", " ")
    number = str(result.article.position(f.start)[0])
    pad = " " * len(number)
    before = _width(line[:f.start - line_start])
    span = max(1, _width(line[f.start - line_start:min(f.end, line_end) - line_start]))
    bar = _paint("|", "gutter", color)
    return [f"{pad} {bar}",
            f"{_paint(number, 'gutter', color)} {bar} {line}",
            f"{pad} {bar} {' ' * before}{_paint('^' * span, 'caret', color)}"]


def finding_lines(batch: BatchResult, show_source: bool = False, color: bool = False
                  ) -> List[str]:
    lines = []
    for r in batch.files:
        path = _paint(shown_path(r.path), "path", color)
        for f in r.findings:
            line, col = r.article.position(f.start)
            hint = suggestion_hint(f)
            # a record of a JSON Lines feed is named after its id: feed.jsonl:12:40: ... [id]
            record = r.article.record
            label = f" [{record.id}]" if record is not None and record.id is not None else ""
            lines.append(f"{path}:{line}:{col}: {_paint(f.severity, f.severity, color)} "
                         f"{_paint(f.rule, 'rule', color)}{label} {f.message}{hint}")
            if show_source:
                lines += source_lines(r, f, color) + [""]
    return lines


def statistics_lines(batch: BatchResult, color: bool = False) -> List[str]:
    """One line per rule that found something: count, rule, severity, summary; most first."""
    from mtqa.registry import all_rules

    summaries = {r.id: r.summary for r in all_rules()}
    counts = Counter(f.rule for r in batch.files for f in r.findings)
    severities = {f.rule: f.severity for r in batch.files for f in r.findings}
    if not counts:
        return []
    width = len(str(max(counts.values())))
    rule_width = max(len(rule) for rule in counts)
    return [f"{n:>{width}}  {_paint(f'{rule:{rule_width}}', 'rule', color)}  "
            f"{_paint(f'{severities[rule]:8}', severities[rule], color)} "
            f"{summaries.get(rule, '')}".rstrip()
            for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def summary(batch: BatchResult) -> str:
    counts = Counter(f.severity for r in batch.files for f in r.findings)
    total = sum(counts.values())
    parts = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES) if counts[s])
    text = (f"{total} finding{'s' if total != 1 else ''}"
            f"{f' ({parts})' if parts else ''} in {len(batch.files)} "
            f"article{'s' if len(batch.files) != 1 else ''}")
    unread = sum(1 for e in batch.errors if not e.audited)
    sources = len(batch.errors) - unread  # articles audited, their source unreadable
    if unread:
        text += f"; {unread} file{'s' if unread != 1 else ''} not audited"
    if sources:
        text += f"; {sources} source{'s' if sources != 1 else ''} not read"
    # the verdict claims only what was checked (mtqa.coverage; report, issue 10)
    from mtqa.coverage import batch_line

    covered = batch_line(batch.files)
    if covered:
        if not total and batch.files:
            text += " — no artefacts found by the checks run"
        text += f" [{covered}]"
    return text


def source_status_lines(batch: BatchResult) -> List[str]:
    """Per article compared with a source (or not): which source, its language and how that
    was decided, how much was compared; "source not available" otherwise."""
    if all(r.article.source is None for r in batch.files):
        return []  # (start-up) no source anywhere: mtqa.source is not even imported
    from mtqa.source.document import source_status

    out = []
    for r in batch.files:
        status = source_status(r.article)
        if status is not None:
            out.append(f"{shown_path(r.path)}: source: {status}")
    return out


def render(batch: BatchResult, quiet: bool = False, show_source: bool = False,
           statistics: bool = False, color: bool = False) -> str:
    if quiet:
        lines: List[str] = []
    elif statistics:
        lines = statistics_lines(batch, color)
    else:
        lines = finding_lines(batch, show_source, color) + source_status_lines(batch)
    return "\n".join(lines + [summary(batch)])
