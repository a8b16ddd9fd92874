"""Which source belongs to which target, and reading it.

Rule (docs/source.md):
- `--source FILE` pairs with the one target file named (it is an error with several).
- `--source DIR` pairs each target with a file of DIR at the same path relative to the target
  folder given on the command line, with the same stem and any article suffix, optionally
  with a language tag: `desk/a.txt` <-> `DIR/desk/a.txt`, `DIR/desk/a.uk.txt`,
  `DIR/desk/a.md`; a target named `a.en.txt` has the stem `a`. A target file given by name
  (not inside a folder) is looked up at DIR's top level. Several candidates: none is used and
  the output says which ones clashed. Files of DIR that pair with no target are listed as
  warnings. Files inside DIR are never audited as targets.
- JSON Lines: `--source-field NAME` names the field of each record holding its source text.
- XLIFF carries its own source (each unit's <source>).
Nothing is ever written next to a source.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from mtqa.source.document import SourceDoc, SourceUnavailable
from mtqa.source.language import detect

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_LANG_TAG_RE = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")


@dataclass
class SourcePlan:
    """The pairing of a run, computed once in the parent and shipped to workers."""
    pairs: Dict[str, str] = field(default_factory=dict)        # target path -> source path
    problems: Dict[str, str] = field(default_factory=dict)     # target path -> why none
    warnings: List[Tuple[str, str]] = field(default_factory=list)  # (path, message)
    # sources given as text, not files (rule examples, the library): target path -> text
    # (declared before `field`, which shadows dataclasses.field in this class body)
    texts: Dict[str, str] = field(default_factory=dict)
    field: Optional[str] = None                                # JSON Lines source field
    lang: Optional[str] = None                                 # --source-lang


def _stem(name: str) -> Tuple[str, Optional[str]]:
    base = os.path.splitext(name)[0]
    m = _LANG_TAG_RE.match(base)
    if m:
        return m.group("stem"), m.group("lang").lower()
    return base, None


def _walk_sources(root: str) -> List[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if not f.startswith(".") and os.path.splitext(f)[1].lower() in SOURCE_SUFFIXES:
                out.append(os.path.join(dirpath, f))
    return out


def _target_roots(given: Sequence[str]) -> List[str]:
    return [g for g in given if g != "-" and os.path.isdir(g)]


def plan(given: Sequence[str], targets: Sequence[str], source: Optional[str],
         source_field: Optional[str] = None, lang: Optional[str] = None
         ) -> Tuple[List[str], SourcePlan]:
    """Pair the collected target files with sources. Returns the targets to audit (files
    inside the source folder dropped) and the plan."""
    result = SourcePlan(field=source_field, lang=lang)
    if not source:
        return list(targets), result
    if not os.path.exists(source):
        result.warnings.append((source, "source: no such file or folder; targets audited "
                                        "without it"))
        for t in targets:
            result.problems[t] = "source not available (the --source path does not exist)"
        return list(targets), result
    if not os.path.isdir(source):
        singles = [t for t in targets if not t.endswith(".jsonl")]
        if len(singles) == 1:
            result.pairs[singles[0]] = source
        else:
            result.warnings.append((source, f"source: a single source file pairs with one "
                                            f"target, not {len(singles)}; give a folder"))
            for t in singles:
                result.problems[t] = "source not available (one source file, several targets)"
        return list(targets), result
    src_root = os.path.abspath(source)
    kept = [t for t in targets
            if t == "-" or not os.path.abspath(t).startswith(src_root + os.sep)]
    index: Dict[Tuple[str, str], List[str]] = {}
    all_sources = _walk_sources(source)
    for path in all_sources:
        rel = os.path.relpath(path, source)
        folder, name = os.path.split(rel)
        stem, _ = _stem(name)
        index.setdefault((folder, stem), []).append(path)
    roots = [os.path.abspath(r) for r in _target_roots(given)]
    used = set()
    for t in kept:
        if t == "-" or t.endswith((".jsonl", ".xlf", ".xliff")):
            continue
        absolute = os.path.abspath(t)
        folder = ""
        for r in roots:
            if absolute.startswith(r + os.sep):
                folder = os.path.dirname(os.path.relpath(absolute, r))
                break
        stem, _ = _stem(os.path.basename(t))
        found = index.get((folder, stem), [])
        if len(found) == 1:
            result.pairs[t] = found[0]
            used.add(found[0])
        elif found:
            result.problems[t] = ("source not available (several sources match: "
                                  + ", ".join(found) + ")")
            used.update(found)
        else:
            result.problems[t] = "source not available"
    for path in all_sources:
        if path not in used:
            result.warnings.append((path, "source pairs with no target file"))
    return kept, result


# ---- reading ------------------------------------------------------------------------------

class SourceReadError(Exception):
    """A source file could not be read (the run exits 2; the target is still audited)."""


def read_source(path: str, target_path: str, lang: Optional[str]) -> SourceDoc:
    from mtqa.inputs import decode, max_bytes, read_bytes
    from mtqa.pipeline import make_article

    try:
        text = decode(read_bytes(path, max_bytes()), path)
    except ValueError as exc:
        message = str(exc)
        if message == "file is empty":
            raise ValueError(f"source {path} of {target_path} is empty") from None
        raise SourceReadError(f"source {path} of {target_path}: {message}") from None
    suffix = os.path.splitext(path)[1].lower()
    if suffix != ".txt":  # markup sources: compare their prose view, positions unchanged
        text = make_article(text, path).text
    language, reason = detect(text, lang)
    return SourceDoc(path, text, language, reason)


def from_text(text: str, lang: Optional[str], name: str = "<source>") -> SourceDoc:
    """A source given as a string (a rule example's "source", a library caller's text)."""
    language, reason = detect(text, lang)
    return SourceDoc(name, text, language, reason)


def text_plan(target: str, source_text: str, lang: Optional[str] = None) -> SourcePlan:
    """The pairing of one target (named `target`) with a source given as text: put it in
    AuditOptions.source_plan and the pipeline's read step attaches it like a paired file."""
    return SourcePlan(lang=lang, texts={target: source_text})


def from_segments(article) -> SourceDoc:
    """An XLIFF article's own source: one paragraph per translation unit with a source."""
    parts, units, positions = [], [], []
    original = article.original
    for seg in article.segments:
        text = " ".join(seg.source.split())
        if not text:
            continue
        parts.append(text)
        units.append((seg.start, seg.end))
        # the unit's <source> element, for output positions: the last one before its target
        tag = original.rfind("<source", 0, seg.start)
        opened = original.find(">", tag) + 1 if tag >= 0 else seg.start
        line, col = article.position(opened)
        positions.extend((line, col + k) for k in range(len(text)))
        positions.append((line, col + len(text)))  # the "\n" after the paragraph
    text = "\n".join(parts)
    declared = article.source_lang
    language, reason = detect(text, declared, "XLIFF declaration / --source-lang")
    return SourceDoc(article.path, text, language, reason, raw_positions=positions,
                     unit_targets=units)


_RECORD_CACHE: Dict[str, List[str]] = {}


def _record_source(article, field_name: str, lang: Optional[str]) -> SourceDoc:
    """The source of a JSON Lines record: another field of the same record."""
    from mtqa.readers.jsonl import _lookup, decode_literal, value_span

    lines = _RECORD_CACHE.get(article.path)
    if lines is None:
        from mtqa.inputs import MAX_RECORD_FILE_BYTES, decode, read_bytes

        lines = decode(read_bytes(article.path, MAX_RECORD_FILE_BYTES), article.path).split("\n")
        _RECORD_CACHE.clear()  # one feed at a time
        _RECORD_CACHE[article.path] = lines
    line = lines[article.record.line - 1]
    keys = field_name.split(".")
    value = _lookup(json.loads(line), keys)
    where = f"{article.path}:{article.record.line}"
    if value is None:
        raise ValueError(f"{where}: record has no source field {field_name!r}")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "\n".join(" ".join(v.split()) for v in value)  # segmented documents
        positions = None
    elif isinstance(value, str):
        start, end = value_span(line, keys)
        text, raw, _, _ = decode_literal(line, start, end)
        positions = [(article.record.line, c + 1) for c in raw]
    else:
        raise ValueError(f"{where}: source field {field_name!r} is not text")
    if not text.strip():
        raise ValueError(f"{where}: source field {field_name!r} is empty")
    language, reason = detect(text, lang)
    doc = SourceDoc(article.path, text, language, reason, raw_positions=positions)
    if positions is None:
        doc.raw_positions = [(article.record.line, 1)] * (len(text) + 1)
    return doc


def attach(article, plan: Optional[SourcePlan]) -> Optional[str]:
    """Attach the source (or why there is none) to the article as `article.source`. Returns an
    error message naming both files when the source could not be read (exit 2)."""
    if plan is None:
        return None
    if article.path in plan.texts:
        article.source = from_text(plan.texts[article.path], plan.lang or article.source_lang)
        _adopt_language(article)
        return None
    if plan.field and article.record is not None:
        try:
            article.source = _record_source(article, plan.field, plan.lang or article.source_lang)
        except ValueError as exc:
            article.source = SourceUnavailable(f"source not available ({exc})")
        _adopt_language(article)
        return None
    if article.segments:
        return None  # XLIFF: its own source, built on first use
    path = plan.pairs.get(article.path)
    if path is None:
        if plan.pairs or plan.problems:
            article.source = SourceUnavailable(plan.problems.get(article.path,
                                                                 "source not available"))
        return None
    try:
        article.source = read_source(path, article.path, plan.lang)
    except SourceReadError as exc:
        article.source = SourceUnavailable(f"source not available ({exc})", path)
        return str(exc)
    except ValueError as exc:
        article.source = SourceUnavailable(f"source not available ({exc})", path)
        return None
    _adopt_language(article)
    return None


def _adopt_language(article) -> None:
    """A source language found from the source's script serves the target's other rules
    too, unless one was given."""
    doc = article.source
    if isinstance(doc, SourceDoc) and doc.lang and not article.source_lang:
        article.source_lang = doc.lang


def plan_run(given, files, options):
    """Pair this run's target files with sources (check_paths, mtqa fix): (files to audit,
    options carrying the plan, warnings as (path, message))."""
    if not (options.source or options.source_field):
        return files, options, []
    kept, source_plan = plan(given, files, options.source, options.source_field,
                             options.source_lang)
    return kept, options.replaced(source_plan=source_plan), source_plan.warnings


def source_warnings(articles):
    """(path, message) for targets whose paired source could not be used (empty, paragraph
    counts differ): both files named."""
    out = []
    for a in articles:
        found = a.source
        if isinstance(found, SourceUnavailable) and found.path:
            out.append((a.path, found.reason))
    return out
