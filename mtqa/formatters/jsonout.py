"""The JSON contract of `mtqa check --format json` (kept stable: tools parse it)."""
from __future__ import annotations

from typing import Any, Dict

from mtqa import __version__
from mtqa.api import BatchResult, FileResult
from mtqa.finding import Finding
from mtqa.formatters.common import shown_path
from mtqa.formatters.indented_json import dumps


def finding_dict(result: FileResult, f: Finding) -> Dict[str, Any]:
    line, col = result.article.position(f.start)
    end_line, end_col = result.article.position(f.end)
    out = {
        "rule": f.rule, "category": f.category, "severity": f.severity,
        "line": line, "column": col, "end_line": end_line, "end_column": end_col,
        "message": f.message, "suggestions": list(f.suggestions), "safe": f.safe,
        "fix": f.applicability,  # "safe", "unsafe", "display-only", or null (no fix)
    }
    if f.source:  # source-* rules: where in the source
        out["source"] = f.source
    if f.related:
        # other rules that flagged the same problem (mtqa.merge): evidence, not extra findings
        out["related"] = [finding_dict(result, r) for r in f.related]
    return out


def file_dict(result: FileResult) -> Dict[str, Any]:
    out = {
        "path": shown_path(result.path), "words": result.words, "score": result.score,
        "verdict": result.verdict,
        "findings": [finding_dict(result, f) for f in result.findings],
    }
    from mtqa.source.document import source_status

    status = source_status(result.article)
    if status is not None:  # compared with a source (docs/source.md), or why not
        out["source"] = status
    record = result.article.record
    if record is not None:  # one record of a JSON Lines feed
        out["record"] = {"line": record.line, "id": record.id}
    return out


def render(batch: BatchResult) -> str:
    doc = {
        "version": __version__,
        "files": [file_dict(r) for r in batch.files],
        "errors": [{"path": shown_path(e.path), "message": e.message, "audited": e.audited}
                   for e in batch.errors],
        "warnings": [{"path": shown_path(w.path), "line": w.line, "message": w.message}
                     for w in batch.warnings],
    }
    return dumps(doc)  # = json.dumps(doc, ensure_ascii=False, indent=2), faster (#13)
