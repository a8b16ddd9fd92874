"""MQM-labelled TED talks, Chinese -> English (../shared/dev/mqm/mqm_ted_zhen.tsv, read by
devdata.mqm_rows), as
(Article, SourceDoc) pairs for the source benches: each system's output of a talk is one
article, each segment one paragraph (the source likewise), so the paragraph alignment pairs
segment i with segment i.

The file has one row per (system, talk, segment, rater, error): the MQM error span is marked
<v>...</v> on the target (or, for omissions, on the source). The marks are stripped; the
labels of a segment are the union of its rows' categories over its raters.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from _source_dev import with_source  # noqa: E402
from devdata import MQM_REFS as REFERENCES, mqm_rows  # noqa: E402  (human translations, not MT)

_MARK = re.compile(r"</?v>")


def _clean(text: str) -> str:
    return " ".join(_MARK.sub("", text).split())


def segments():
    """{(system, talk): {seg_id: [source, target, set of categories]}} (rows read by
    devdata.mqm_rows; the marks of the source side are stripped here, whitespace folded)."""
    out = defaultdict(dict)
    for row in mqm_rows():
        seg = out[(row.system, row.doc)].setdefault(
            row.seg, [_clean(row.source), _clean(row.target), set()])
        seg[2].add(row.category)
    return out


def documents(references: bool = False):
    """(system, talk, seg_ids, sources, targets, labels) per system output of a talk: MT
    systems, or with `references` the human translations."""
    for (system, talk), segs in sorted(segments().items()):
        if (system in REFERENCES) != references:
            continue
        ids = [i for i in sorted(segs) if segs[i][0] and segs[i][1]]
        yield (system, talk, ids, [segs[i][0] for i in ids], [segs[i][1] for i in ids],
               [segs[i][2] for i in ids])


def pair(system, talk, sources, targets):
    """(article, source doc) with source language zh."""
    article = with_source(targets, sources, "zh", f"mqm-zh-en/{talk}/{system}",
                          f"mqm-zh-en/{talk}/src")
    return article, article.source
