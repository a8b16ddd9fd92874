"""`mtqa check --format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. `tool.driver.rules` describes every registered rule (id, summary, full docs, default
level); each finding is a result with its region (1-based lines and columns; columns count
Unicode code points, declared with `columnKind`), the flagged text as snippet, a stable
partial fingerprint, and one fix per suggestion. Files that could not be read are error
notifications of the invocation, bad suppression comments warning notifications.
Reference: docs/output-formats.md.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional
from urllib.parse import quote

from mtqa import __version__
from mtqa.api import BatchResult, FileResult
from mtqa.finding import Finding

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
# critical and major findings fail `mtqa check` by default: errors; minor ones are warnings.
LEVELS = {"critical": "error", "major": "error", "minor": "warning"}


def artifact_location(path: str) -> Dict[str, Any]:
    """Relative paths stay relative to %SRCROOT% (the working folder); absolute paths become
    file: URIs."""
    if path.startswith("<"):  # <stdin>, <text>
        return {"uri": quote(path.strip("<>"))}
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


def fingerprint(result: FileResult, f: Finding, occurrence: int) -> str:
    """Stable while lines move: rule, file, flagged text and which occurrence of it."""
    text = result.article.original[f.start:f.end]
    key = "\x1f".join((f.rule, result.path, text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def result_objects(result: FileResult, rule_index: Dict[str, int]) -> List[Dict[str, Any]]:
    out = []
    seen: Counter = Counter()
    for f in result.findings:
        text = result.article.original[f.start:f.end]
        seen[(f.rule, text)] += 1
        obj: Dict[str, Any] = {
            "ruleId": f.rule,
            "level": LEVELS[f.severity],
            "message": {"text": f.message + (f" (suggestion: {f.suggestions[0]})"
                                             if f.suggestions else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(result.path),
                "region": _region(result, f.start, f.end)}}],
            "partialFingerprints": {"mtqaFinding/v1": fingerprint(result, f,
                                                                   seen[(f.rule, text)])},
            "properties": {"severity": f.severity, "category": f.category, "safe": f.safe},
        }
        if f.source:  # source-* rules: the compared source text (docs/source.md)
            obj["relatedLocations"] = [_source_location(f.source)]
        if f.rule in rule_index:
            obj["ruleIndex"] = rule_index[f.rule]
        if f.suggestions:
            obj["fixes"] = _fixes(result, f)
        out.append(obj)
    return out


def _source_location(source: Dict[str, Any]) -> Dict[str, Any]:
    return {"id": 1, "message": {"text": "source: " + str(source["text"])},
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
        "results": [obj for r in batch.files for obj in result_objects(r, rule_index)],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(batch: BatchResult) -> str:
    return json.dumps(document(batch), ensure_ascii=False, indent=2)
