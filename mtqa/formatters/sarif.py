"""`mtqa check --format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. `tool.driver.rules` describes every registered rule (id, summary, full docs, default
level); each finding is a result with its region (1-based lines and columns; columns count
Unicode code points, declared with `columnKind`), the flagged text as snippet, a stable
partial fingerprint (mtqa.formatters.common), and one fix per suggestion. Files that could not be read are error
notifications of the invocation, bad suppression comments warning notifications.
Reference: docs/output-formats.md.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Optional
from urllib.parse import quote

from mtqa import __version__
from mtqa.api import BatchResult, FileResult
from mtqa.finding import Finding
from mtqa.formatters import suggestion_hint
from mtqa.formatters.common import FINGERPRINT_VERSION, fingerprints, shown_path
from mtqa.formatters.indented_json import dumps

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
# critical and major findings fail `mtqa check` by default: errors; minor ones are warnings.
LEVELS = {"critical": "error", "major": "error", "minor": "warning"}


def artifact_location(path: str) -> Dict[str, Any]:
    """Paths inside the working folder are relative to %SRCROOT% (the working folder); others
    become file: URIs."""
    if path.startswith("<"):  # <stdin>, <text>
        return {"uri": quote(path.strip("<>"))}
    path = shown_path(path)
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": SRCROOT}


def _region(result: FileResult, start: int, end: int, snippet: bool = True) -> Dict[str, Any]:
    line, col = result.article.position(start)
    end_line, end_col = result.article.position(end)
    region: Dict[str, Any] = {"startLine": line, "startColumn": col,
                              "endLine": end_line, "endColumn": end_col}
    if snippet:
        region["snippet"] = {"text": result.article.original[start:end]}
    return region


def rule_descriptor(rule) -> Dict[str, Any]:
    docs = rule.docs
    return {
        "id": rule.id,
        "name": type(rule).__name__,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs},
        "help": {"text": f"{docs}\n\nMore: `mtqa explain {rule.id}`",
                 "markdown": f"{docs}\n\nMore: `mtqa explain {rule.id}`"},
        "defaultConfiguration": {"level": LEVELS[rule.severity],
                                 "enabled": bool(rule.default_enabled)},
        "properties": {"category": rule.category, "severity": rule.severity,
                       "tags": ["translation-quality", rule.category]},
    }


def _fixes(result: FileResult, f: Finding) -> List[Dict[str, Any]]:
    location = artifact_location(result.path)
    region = _region(result, f.start, f.end, snippet=False)
    return [{
        "description": {"text": f"Replace “{result.article.original[f.start:f.end]}” with "
                                f"“{s}”{' (safe)' if f.safe and i == 0 else ''}"},
        "artifactChanges": [{
            "artifactLocation": location,
            "replacements": [{"deletedRegion": region, "insertedContent": {"text": s}}],
        }],
    } for i, s in enumerate(f.suggestions)]


def result_objects(result: FileResult, rule_index: Dict[str, int],
                   prints: List[str]) -> List[Dict[str, Any]]:
    out = []
    for f, print_ in zip(result.findings, prints):
        obj: Dict[str, Any] = {
            "ruleId": f.rule,
            "level": LEVELS[f.severity],
            "message": {"text": f.message + suggestion_hint(f)},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(result.path),
                "region": _region(result, f.start, f.end)}}],
            "partialFingerprints": {FINGERPRINT_VERSION: print_},
            "properties": {"severity": f.severity, "category": f.category, "safe": f.safe},
        }
        if f.related:  # same problem flagged by other rules too (mtqa.merge): evidence
            obj["relatedLocations"] = [{
                "id": n, "message": {"text": f"also flagged by {r.rule}: {r.message}"},
                "physicalLocation": {"artifactLocation": artifact_location(result.path),
                                     "region": _region(result, r.start, r.end)}}
                for n, r in enumerate(f.related, 1)]
            obj["properties"]["supporting"] = [
                {"rule": r.rule, "severity": r.severity, "category": r.category,
                 "suggestions": list(r.suggestions)} for r in f.related]
        if f.source:  # source-* rules: the compared source text (docs/source.md)
            related = obj.setdefault("relatedLocations", [])
            related.append(_source_location(f.source, len(related) + 1))
        if f.rule in rule_index:
            obj["ruleIndex"] = rule_index[f.rule]
        # (pipeline, issue 11) a display-only fix (a gloss) is no SARIF fix: tools apply those
        if f.suggestions and f.fix is not None and f.fix.applicability != "display-only":
            obj["fixes"] = _fixes(result, f)
        out.append(obj)
    return out


def _source_location(source: Dict[str, Any], id_: int) -> Dict[str, Any]:
    return {"id": id_, "message": {"text": "source: " + str(source["text"])},
            "physicalLocation": {
                "artifactLocation": artifact_location(str(source["path"])),
                "region": {"startLine": source["line"], "startColumn": source["column"],
                           "endLine": source["end_line"], "endColumn": source["end_column"]}}}


def _notification(level: str, message: str, path: Optional[str], line: Optional[int] = None):
    note: Dict[str, Any] = {"level": level, "message": {"text": message}}
    if path:
        physical: Dict[str, Any] = {"artifactLocation": artifact_location(path)}
        if line:
            physical["region"] = {"startLine": line}
        note["locations"] = [{"physicalLocation": physical}]
    return note


def document(batch: BatchResult, cwd: Optional[str] = None) -> Dict[str, Any]:
    from mtqa.registry import all_rules

    rules = all_rules()
    rule_index = {r.id: i for i, r in enumerate(rules)}
    notifications = ([_notification("error", e.message, e.path) for e in batch.errors]
                     + [_notification("warning", w.message, w.path, w.line)
                        for w in batch.warnings])
    invocation: Dict[str, Any] = {"executionSuccessful": not batch.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    root = Path(os.path.abspath(cwd or os.getcwd())).as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": {
            "name": "mtqa",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [rule_descriptor(r) for r in rules],
        }},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "results": [obj for r, prints in zip(batch.files, fingerprints(batch))
                    for obj in result_objects(r, rule_index, prints)],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(batch: BatchResult) -> str:
    return dumps(document(batch))  # = json.dumps(..., ensure_ascii=False, indent=2), faster
