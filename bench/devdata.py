"""The one reader of the shared development data (../shared/dev), used by the measuring and
mining scripts in bench/ and scripts/ (and bench/_corpus.py). Nothing here is used at run
time.

- WMT23 uk-en / ru-en: one JSON document per line with `src`, `ref` (professional reference
  segments) and `hyps` ({system: segments}), aligned by index.
- MQM zh-en (TED talks): one row per rater error; the error span is marked <v>...</v> in
  `target`; systems `ref` and `refB` are human references.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():  # running from a checkout that is not beside ../shared
    SHARED = Path("/work/shared")
DEV = SHARED / "dev"
WMT_PAIRS = ("uk-en", "ru-en")
MQM_TSV = DEV / "mqm" / "mqm_ted_zhen.tsv"
MQM_REFS = ("ref", "refB")


@dataclass
class WmtDoc:
    pair: str
    doc: str
    domain: str
    src: List[str]
    ref: List[str]
    hyps: Dict[str, List[str]]


def wmt_docs(pair: str) -> Iterator[WmtDoc]:
    with open(DEV / "wmt23" / f"{pair}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            yield WmtDoc(pair, str(d["doc"]), d.get("domain", ""), d["src"], d["ref"], d["hyps"])


def all_wmt_docs() -> Iterator[WmtDoc]:
    for pair in WMT_PAIRS:
        yield from wmt_docs(pair)


@dataclass
class MqmRow:
    system: str
    doc: str
    seg: int
    rater: str
    source: str
    target: str         # with the <v>...</v> marks removed
    span: tuple         # (start, end) of the marked span in `target`, or None
    category: str
    severity: str


_MARK = re.compile(r"<v>(.*?)</v>", re.S)


def mqm_rows() -> Iterator[MqmRow]:
    with open(MQM_TSV, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            target = r["target"] or ""
            m = _MARK.search(target)
            span = None
            if m:
                span = (m.start(), m.start() + len(m.group(1)))
                target = target[:m.start()] + m.group(1) + target[m.end():]
            target = target.replace("<v>", "").replace("</v>", "")
            yield MqmRow(r["system"], r["doc"], int(r["seg_id"]), r["rater"], r["source"],
                         target, span, r["category"], r["severity"])


def mqm_segments() -> Dict[tuple, Dict[str, str]]:
    """(doc, seg) -> {system: target text} (one text per system and segment)."""
    out: Dict[tuple, Dict[str, str]] = {}
    for row in mqm_rows():
        out.setdefault((row.doc, row.seg), {}).setdefault(row.system, row.target)
    return out


def mqm_documents() -> Dict[tuple, str]:
    """(system, doc) -> the system's segments of that talk joined one per line, in order."""
    segs: Dict[tuple, Dict[int, str]] = {}
    for (doc, seg), by_sys in mqm_segments().items():
        for system, text in by_sys.items():
            segs.setdefault((system, doc), {})[seg] = text
    return {k: "\n".join(v[s] for s in sorted(v)) for k, v in segs.items()}


# ---- as mtqa Articles ------------------------------------------------------------------------

def segments_article(segments: List[str], path: str):
    """One article from a document's segments, one per line (as MT news arrives); returns the
    Article and each segment's (start, end) in it."""
    from mtqa.article import Article

    spans, pos = [], 0
    for s in segments:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return Article("\n".join(segments), path=path), spans


def en_orig_articles() -> Iterator:
    """The English originals (../shared/dev/en-orig): news written in English, one article a
    document, one line a segment."""
    with open(DEV / "en-orig" / "wmt23-en-news.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            yield segments_article(doc["lines"], f"en-orig/{doc['doc']}")[0]


def wmt_articles(pair: str, side: str) -> Iterator:
    """side = "ref" (the references) or "mt" (every system's output of every document)."""
    for i, doc in enumerate(wmt_docs(pair)):
        if side == "ref":
            yield segments_article(doc.ref, f"{pair}/{i}/ref")[0]
        else:
            for system, hyp in sorted(doc.hyps.items()):
                yield segments_article(hyp, f"{pair}/{i}/{system}")[0]


@dataclass
class MqmArticle:
    article: object
    error_spans: List[Tuple[int, int]] = field(default_factory=list)


def mqm_articles() -> List[MqmArticle]:
    """zh-en MQM: one article per (system, doc), segments in order, with the raters' error
    spans (not "No-error" or "Source error") as offsets into the article."""
    segs: Dict[Tuple[str, str], Dict[int, dict]] = {}
    for row in mqm_rows():
        seg = segs.setdefault((row.system, row.doc), {}).setdefault(
            row.seg, {"text": row.target, "spans": []})
        if row.span and row.category not in ("No-error", "Source error"):
            seg["spans"].append(row.span)
    out = []
    for (system, doc), by_id in sorted(segs.items()):
        ordered = [by_id[k] for k in sorted(by_id)]
        article, spans = segments_article([s["text"] for s in ordered], f"mqm/{system}/{doc}")
        errors = [(base + a, base + b) for (base, _), s in zip(spans, ordered)
                  for a, b in s["spans"] if b > a]
        out.append(MqmArticle(article, errors))
    return out
