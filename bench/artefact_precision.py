#!/usr/bin/env python3
"""Precision of the translation-artefact rules (phrase packs, stray capitals, number
agreement) on the shared development data.

usage: python bench/artefact_precision.py [--select PREFIX ...] [--show-ref N] [--write-figures]
                                          [--glossary FILE ...] [--by-pack]

Runs the selected rules (default: phrase, case, grammar-number) over
  - the professional references of ../shared/dev/wmt23/{uk-en,ru-en}.jsonl and the human
    references (ref, refB) of the zh-en MQM file: every finding there is a false alarm;
  - the MT output of every system in the same files: findings there are candidates.
Every selected rule runs on every data set, whatever its pack's language, so a pack's
cross-language precision shows (--by-pack splits the figures by data set).

Prints per rule: findings on references (and per 1,000 words), findings on MT output (and per
1,000 words), the ratio of the two rates, and for the zh-en MQM MT output how many findings
overlap a span the raters marked as an error. --write-figures writes the per-entry figures of
the phrase packs to mtqa/data/phrases/measured.tsv (shown by `mtqa explain`).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import devdata  # noqa: E402
from mtqa.article import Article  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions, audit_article  # noqa: E402
from mtqa.glossary import load_glossary  # noqa: E402

DEFAULT_SELECT = ("phrase", "case", "grammar-number")


def corpora():
    """Yield (dataset, kind, label, text, segment_spans) where kind is 'ref' or 'mt'."""
    for d in devdata.all_wmt_docs():
        yield d.pair, "ref", f"{d.pair}/{d.doc}/ref", "\n".join(d.ref), None
        for system, hyps in d.hyps.items():
            yield d.pair, "mt", f"{d.pair}/{d.doc}/{system}", "\n".join(hyps), None
    # MQM: one article per system and talk; rater spans kept per segment line
    spans = defaultdict(list)
    for row in devdata.mqm_rows():
        if row.span and row.category not in ("No-error", "Source error"):
            spans[(row.system, row.doc, row.seg)].append(row.span)
    docs = defaultdict(dict)
    for (doc, seg), by_sys in devdata.mqm_segments().items():
        for system, text in by_sys.items():
            docs[(system, doc)][seg] = text
    for (system, doc), segs in sorted(docs.items()):
        order = sorted(segs)
        kind = "ref" if system in devdata.MQM_REFS else "mt"
        seg_spans = [spans.get((system, doc, s), []) for s in order]
        yield "zh-en", kind, f"zh-en/{doc}/{system}", "\n".join(segs[s] for s in order), seg_spans


def overlaps_rater_span(article, finding, seg_spans) -> bool:
    line, col = article.position(finding.start)
    start = col - 1
    end = start + (finding.end - finding.start)
    return any(s < end and start < e for s, e in seg_spans[line - 1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--select", action="append", help="rule id or prefix (repeatable)")
    ap.add_argument("--glossary", action="append", default=[],
                    help="glossary file for entity conditions (default: the test fixture)")
    ap.add_argument("--show-ref", type=int, default=0, metavar="N",
                    help="print up to N findings on references per rule")
    ap.add_argument("--show-mt", type=int, default=0, metavar="N",
                    help="print up to N findings on MT output per rule")
    ap.add_argument("--by-pack", action="store_true", help="split figures by data set")
    ap.add_argument("--write-figures", action="store_true",
                    help="write mtqa/data/phrases/measured.tsv")
    a = ap.parse_args()
    select = a.select or list(DEFAULT_SELECT)
    glossaries = a.glossary or [str(ROOT / "tests" / "fixtures" / "glossary.yaml")]
    glossary = load_glossary(glossaries, bundled=True)
    # name every pack so that language packs run on every data set
    from mtqa.registry import select_rules

    rules = select_rules(select)
    named = sorted({r.id for r in rules})
    ctx = AuditContext(AuditOptions(select=named), glossary=glossary)

    words = defaultdict(int)                 # (dataset, kind) -> words
    hits = defaultdict(lambda: defaultdict(int))   # rule -> (dataset, kind) -> findings
    mt_segments = defaultdict(set)
    overlap = defaultdict(int)
    examples = defaultdict(list)
    t0 = time.perf_counter()
    n_articles = 0
    for dataset, kind, label, text, seg_spans in corpora():
        article = Article(text, path=label)
        words[(dataset, kind)] += article.words
        n_articles += 1
        for f in audit_article(article, ctx):
            hits[f.rule][(dataset, kind)] += 1
            line = article.position(f.start)[0]
            if kind == "mt":
                mt_segments[f.rule].add((label.rsplit("/", 1)[0], line))
                if seg_spans is not None and overlaps_rater_span(article, f, seg_spans):
                    overlap[f.rule] += 1
            shown = examples[(f.rule, kind)]
            if len(shown) < max(a.show_ref if kind == "ref" else a.show_mt, 0):
                ctx_start = max(0, f.start - 60)
                shown.append(f"{label}:{line}: …{text[ctx_start:f.end + 40]}…  ->  "
                             f"{f.suggestions[:1]}".replace("\n", " / "))
    elapsed = time.perf_counter() - t0

    datasets = sorted({d for d, _ in words})
    ref_words = sum(words[(d, "ref")] for d in datasets)
    mt_words = sum(words[(d, "mt")] for d in datasets)
    zh_mt = ("zh-en", "mt")

    def rate(n, w):
        return 1000.0 * n / w if w else 0.0

    print(f"{n_articles} articles, {ref_words} reference words, {mt_words} MT words, "
          f"{elapsed:.1f} s")
    header = f"{'rule':48} {'ref':>4} {'/1k':>6} {'mt':>5} {'/1k':>6} {'ratio':>6} {'zh-mt':>5} {'mqm%':>5}"
    print(header)
    tot_ref = tot_mt = 0
    for rule in sorted(set(hits) | set(named)):
        h = hits.get(rule, {})
        r = sum(h.get((d, "ref"), 0) for d in datasets)
        m = sum(h.get((d, "mt"), 0) for d in datasets)
        tot_ref += r
        tot_mt += m
        if not r and not m:
            continue
        ratio = rate(m, mt_words) / rate(r, ref_words) if r else float("inf")
        zh = h.get(zh_mt, 0)
        ov = f"{100 * overlap[rule] / zh:.0f}" if zh else "-"
        print(f"{rule:48} {r:4} {rate(r, ref_words):6.3f} {m:5} {rate(m, mt_words):6.3f} "
              f"{ratio:6.1f} {zh:5} {ov:>5}")
        if a.by_pack:
            for d in datasets:
                print(f"    {d:10} ref {h.get((d, 'ref'), 0):3} / {words[(d, 'ref')]:6}w   "
                      f"mt {h.get((d, 'mt'), 0):4} / {words[(d, 'mt')]:7}w")
        for kind in ("ref", "mt"):
            for ex in examples.get((rule, kind), []):
                print(f"      {kind}: {ex}")
    silent = [r for r in named if not any(hits.get(r, {}).values())]
    ratio = rate(tot_mt, mt_words) / rate(tot_ref, ref_words) if tot_ref else float("inf")
    print(f"{'TOTAL':48} {tot_ref:4} {rate(tot_ref, ref_words):6.3f} {tot_mt:5} "
          f"{rate(tot_mt, mt_words):6.3f} {ratio:6.1f}")
    print(f"{len(named)} rules selected, {len(silent)} silent on all data")

    if a.write_figures:
        out = ROOT / "mtqa" / "data" / "phrases" / "measured.tsv"
        with open(out, "w", encoding="utf-8") as fh:
            fh.write("# generated by bench/artefact_precision.py --write-figures; do not edit\n")
            fh.write("rule\tref_hits\tref_words\tmt_hits\tmt_words\tmt_segments\n")
            for rule in named:
                if not rule.startswith("phrase-"):
                    continue
                h = hits.get(rule, {})
                r = sum(h.get((d, "ref"), 0) for d in datasets)
                m = sum(h.get((d, "mt"), 0) for d in datasets)
                fh.write(f"{rule}\t{r}\t{ref_words}\t{m}\t{mt_words}\t{len(mt_segments[rule])}\n")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
