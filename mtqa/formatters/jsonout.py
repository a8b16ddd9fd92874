"""The JSON contract of `mtqa check --format json` (kept stable: tools parse it)."""
from __future__ import annotations

import json
from typing import Any, Dict

from mtqa import __version__
from mtqa.api import BatchResult, FileResult
from mtqa.finding import Finding


def finding_dict(result: FileResult, f: Finding) -> Dict[str, Any]:
    line, col = result.article.position(f.start)
    end_line, end_col = result.article.position(f.end)
    return {
        "rule": f.rule, "category": f.category, "severity": f.severity,
        "line": line, "column": col, "end_line": end_line, "end_column": end_col,
        "message": f.message, "suggestions": list(f.suggestions), "safe": f.safe,
    } | ({"source": f.source} if f.source else {})  # source-* rules: where in the source


def file_dict(result: FileResult) -> Dict[str, Any]:
    out = {
        "path": result.path, "words": result.words, "score": result.score,
        "verdict": result.verdict,
        "findings": [finding_dict(result, f) for f in result.findings],
    }
    from mtqa.source.document import source_status

    status = source_status(result.article)
    if status is not None:  # compared with a source (docs/source.md), or why not
        out["source"] = status
    if hasattr(result.article, "record_line"):  # one record of a JSON Lines feed
        out["record"] = {"line": result.article.record_line, "id": result.article.record_id}
    return out


def render(batch: BatchResult) -> str:
    doc = {
        "version": __version__,
        "files": [file_dict(r) for r in batch.files],
        "errors": [{"path": e.path, "message": e.message} for e in batch.errors],
        "warnings": [{"path": w.path, "line": w.line, "message": w.message}
                     for w in batch.warnings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)
