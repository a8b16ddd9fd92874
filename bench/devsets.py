"""Loaders for the shared dev sets (../shared/dev), as mtqa Articles. Used by the bench scripts."""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

from mtqa.article import Article

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
WMT_PAIRS = ("uk-en", "ru-en")


def wmt_docs(pair: str, shared: Path = SHARED) -> List[dict]:
    with open(shared / "dev" / "wmt23" / f"{pair}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def segments_article(segments: List[str], path: str) -> Tuple[Article, List[Tuple[int, int]]]:
    """One article from a document's segments, one per line; returns the segment spans too."""
    spans, pos = [], 0
    for s in segments:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return Article("\n".join(segments), path=path), spans


def wmt_articles(pair: str, side: str, shared: Path = SHARED) -> Iterator[Article]:
    """side = "ref" or "mt" (every system's output of every document)."""
    for i, doc in enumerate(wmt_docs(pair, shared)):
        if side == "ref":
            yield segments_article(doc["ref"], f"{pair}/{i}/ref")[0]
        else:
            for system, hyp in sorted(doc["hyps"].items()):
                yield segments_article(hyp, f"{pair}/{i}/{system}")[0]


@dataclass
class MqmArticle:
    article: Article
    error_spans: List[Tuple[int, int]] = field(default_factory=list)


_V = re.compile(r"<v>(.*?)</v>", re.S)


def mqm_articles(shared: Path = SHARED) -> List[MqmArticle]:
    """zh-en MQM: one article per (system, doc), segments in order, with the raters' error
    spans as offsets into the article."""
    segs: Dict[Tuple[str, str], Dict[int, dict]] = defaultdict(dict)
    path = shared / "dev" / "mqm" / "mqm_ted_zhen.tsv"
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            target = row["target"]
            plain = _V.sub(r"\1", target)
            seg = segs[(row["system"], row["doc"])].setdefault(
                int(row["seg_id"]), {"text": plain, "spans": []})
            m = _V.search(target)
            if m and row["category"] not in ("No-error", "Source error"):
                start = m.start()
                seg["spans"].append((start, start + len(m.group(1))))
    out = []
    for (system, doc), by_id in sorted(segs.items()):
        ordered = [by_id[k] for k in sorted(by_id)]
        article, spans = segments_article([s["text"] for s in ordered], f"mqm/{system}/{doc}")
        errors = [(base + a, base + b) for (base, _), s in zip(spans, ordered)
                  for a, b in s["spans"] if b > a]
        out.append(MqmArticle(article, errors))
    return out
