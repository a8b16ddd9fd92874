"""How fast the input readers are, and whether wrapping an article in markup changes what is
found. Prints figures; asserts nothing.

    python bench/inputs_speed.py [--copies 40]

Wraps the seed articles (../shared/seeds/*.txt) as Markdown, HTML, XLIFF 2.0 and JSON Lines,
`copies` times over, and reports reading time (prose view) and audit time per format, plus the
findings per format compared with plain text.
"""
from __future__ import annotations

import argparse
import html
import json
import time
from collections import Counter
import sys
from pathlib import Path
from xml.sax.saxutils import escape


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed mtqa

from mtqa.engine import AuditContext, AuditOptions
from mtqa.pipeline import audit_articles
from mtqa.formats import RecordOptions
from mtqa.pipeline import make_article
from mtqa.readers.jsonl import read_records

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def wrap(paragraphs, fmt):
    if fmt == "txt":
        return "\n\n".join(paragraphs) + "\n"
    if fmt == "md":
        return "---\ntitle: x\n---\n" + "\n\n".join(
            f"{p[:40]}*{p[40:60]}*{p[60:]} [link](https://example.com/{i})"
            for i, p in enumerate(paragraphs)) + "\n"
    if fmt == "html":
        return "<html><body>\n" + "\n".join(f"<p class=\"c\">{html.escape(p)}</p>"
                                             for p in paragraphs) + "\n</body></html>\n"
    if fmt == "xliff":
        units = "\n".join(f'<unit id="u{i}"><segment><source>(id) {escape(p)}</source>'
                          f'<target>{escape(p)}</target></segment></unit>'
                          for i, p in enumerate(paragraphs))
        return (f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
                f'srcLang="id" trgLang="en"><file id="f">\n{units}\n</file></xliff>\n')
    if fmt == "jsonl":
        return "\n".join(json.dumps({"id": i, "body": p}) for i, p in enumerate(paragraphs)) + "\n"
    raise ValueError(fmt)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=40)
    args = ap.parse_args()
    paragraphs = []
    for f in sorted(SEEDS.glob("*.txt")):
        paragraphs += [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    paragraphs *= args.copies
    glossary = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "glossary.yaml"
    ctx = AuditContext(AuditOptions(glossaries=[str(glossary)]))
    for fmt in ("md", "html", "xliff"):  # warm up: imports and caches are not reading time
        make_article(wrap(paragraphs[:3], fmt), f"warm.{fmt}")
    baseline = None
    print(f"{len(paragraphs)} paragraphs per format")
    print(f"{'format':7} {'size':>8} {'read s':>8} {'MB/s':>7} {'audit s':>8}  findings")
    for fmt in ("txt", "md", "html", "xliff", "jsonl"):
        text = wrap(paragraphs, fmt)
        t0 = time.perf_counter()
        if fmt == "jsonl":
            articles, _ = read_records(text, "feed.jsonl", RecordOptions(), None)
        else:
            articles = [make_article(text, f"bench.{fmt}")]
        t1 = time.perf_counter()
        findings = audit_articles(articles, ctx)
        t2 = time.perf_counter()
        found = Counter(a.original[f.start:f.end] for a, fs in zip(articles, findings) for f in fs)
        baseline = baseline or found
        same = "same as txt" if found == baseline else f"differs from txt: {found - baseline} / {baseline - found}"
        mb = len(text.encode()) / 1e6
        print(f"{fmt:7} {mb:7.2f}M {t1 - t0:8.3f} {mb / (t1 - t0):7.2f} {t2 - t1:8.3f}  "
              f"{sum(found.values())} ({same})")


if __name__ == "__main__":
    main()
