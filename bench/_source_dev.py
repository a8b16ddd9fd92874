"""WMT23 documents with their sources, as (Article, SourceDoc) pairs for the source benches.

Each dev document is a list of segments (one per line) on every side: `src`, `ref` and each
system's hypothesis in `hyps` hold the same number of segments, segment i translating source
segment i. Joined with newlines, a segment is a paragraph: exactly what mtqa's paragraph
alignment expects of MT news (one paragraph per line in, one out).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
WMT23 = REPO.parent / "shared" / "dev" / "wmt23"
LANGS = ("uk", "ru")


def documents(langs=LANGS):
    for lang in langs:
        with open(WMT23 / f"{lang}-en.jsonl", encoding="utf-8") as fh:
            for line in fh:
                yield lang, json.loads(line)


def _clean(segments):
    return [" ".join(s.split()) for s in segments]


def pair(lang, doc, side: str, system: str = ""):
    """(article, source doc, target segments, source segments) for one side of a document
    (side "ref" or "hyp"), or None when a side has empty segments (not comparable line by
    line; counted by the benches)."""
    src = _clean(doc["src"])
    tgt = _clean(doc["ref"] if side == "ref" else doc["hyps"][system])
    if not all(src) or not all(tgt) or len(src) != len(tgt):
        return None
    name = f"{lang}-en/{doc['doc']}/{side if side == 'ref' else system}"
    article = with_source(tgt, src, lang, name, f"{lang}-en/{doc['doc']}/src")
    return article, article.source, tgt, src


def with_source(targets, sources, lang, path, source_path):
    """An article of the target segments, one per line, with the source segments, one per
    line, as its SourceDoc (language by mtqa.source.language.detect, `lang` given)."""
    from mtqa.article import Article
    from mtqa.source.document import SourceDoc
    from mtqa.source.language import detect

    article = Article("\n".join(targets) + "\n", path=path, source_lang=lang)
    text = "\n".join(sources) + "\n"
    language, reason = detect(text, lang)
    article.source = SourceDoc(source_path, text, language, reason)
    return article
