#!/usr/bin/env python3
"""Recall against human MQM error spans: zh-en TED talks (../shared/dev/mqm/mqm_ted_zhen.tsv).

Each row of the MQM file is one rater's error in one system's translation of one segment, its
span marked <v>…</v> in the target, with a category and a severity. This script audits every
system's output of every talk as one article (segments one per line, as bench/devdata.py
builds them; `--source-lang zh` unless --no-lang) and prints:

- span recall: the share of MQM error spans that at least one mtqa finding overlaps, overall,
  per severity and per category × severity (`Source error` and `No-error` rows carry no
  translation error and are left out);
- findings per segment and the share of segments with any finding, for the MT systems and for
  the two human references (`ref`, `refB`) — on the references every finding is either a slip
  of the translator or a false alarm, so MT/ref findings per segment is the zh-en counterpart
  of bench/en_false_alarms.py's MT/reference ratio;
- per rule: findings on MT, on the references, and how many of its MT findings overlap an
  error span (a finding on no span is not necessarily wrong: the raters mark one error per
  row and skip what they think minor).

    python bench/mqm_recall.py                 # the tables
    python bench/mqm_recall.py --missed Major  # Major spans no finding overlaps, by category
    python bench/mqm_recall.py --show RULE     # one rule's findings in context (MT)

Every figure is an exact count; the run takes a minute or two on a loaded machine.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from devdata import MQM_REFS, mqm_rows, segments_article  # noqa: E402
from mtqa.api import audit_articles  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions  # noqa: E402

NOT_ERRORS = ("No-error", "Source error")


def build():
    """[(system, doc, article, segment spans, [(start, end, category, severity, seg)])]."""
    segs = defaultdict(dict)   # (system, doc) -> seg -> {"text", "errors"}
    for row in mqm_rows():
        seg = segs[(row.system, row.doc)].setdefault(row.seg, {"text": row.target, "errors": []})
        if row.span and row.span[1] > row.span[0] and row.category not in NOT_ERRORS:
            seg["errors"].append((row.span[0], row.span[1], row.category, row.severity))
    out = []
    for (system, doc), by_id in sorted(segs.items()):
        ids = sorted(by_id)
        article, spans = segments_article([by_id[k]["text"] for k in ids],
                                          f"mqm/{system}/{doc}")
        errors = [(base + a, base + b, cat, sev, k)
                  for k, (base, _) in zip(ids, spans) for a, b, cat, sev in by_id[k]["errors"]]
        out.append((system, doc, article, spans, errors))
    return out


def audit(docs, source_lang, select=()):
    ctx = AuditContext(AuditOptions(source_lang=source_lang, select=list(select)))
    articles = [d[2] for d in docs]
    return [res.findings for res in audit_articles(articles, ctx=ctx)]


def overlaps(f, a, b):
    return f.start < b and a < f.end


def pct(n, d):
    return f"{100.0 * n / d:.1f}%" if d else "–"


def context(text, start, end, width=60):
    return (text[max(0, start - width):start] + "[[" + text[start:end] + "]]"
            + text[end:end + width]).replace("\n", " ¶ ")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-lang", action="store_true", help="audit without --source-lang zh")
    ap.add_argument("--select", action="append", default=[], help="rule id or prefix")
    ap.add_argument("--missed", metavar="SEVERITY", help="list spans of this severity "
                    "(Major/Minor) that no finding overlaps")
    ap.add_argument("--n", type=int, default=400, help="with --missed: at most this many")
    ap.add_argument("--show", metavar="RULE", help="print this rule's MT findings in context")
    a = ap.parse_args(argv)

    docs = build()
    findings = audit(docs, None if a.no_lang else "zh", a.select)

    spans_total, spans_hit = Counter(), Counter()
    seg_total, seg_with, find_total = Counter(), Counter(), Counter()
    rule_mt, rule_ref, rule_on_span = Counter(), Counter(), Counter()
    missed = []
    for (system, doc, article, seg_spans, errors), found in zip(docs, findings):
        side = "ref" if system in MQM_REFS else "mt"
        seg_total[side] += len(seg_spans)
        find_total[side] += len(found)
        hit_segs = {i for f in found for i, (s, e) in enumerate(seg_spans)
                    if f.start < e + 1 and s <= f.start}
        seg_with[side] += len(hit_segs)
        for f in found:
            (rule_ref if side == "ref" else rule_mt)[f.rule] += 1
            if side == "mt" and any(overlaps(f, s, e) for s, e, *_ in errors):
                rule_on_span[f.rule] += 1
        if side != "mt":
            continue
        for s, e, cat, sev, seg in errors:
            hit = any(overlaps(f, s, e) for f in found)
            for key in ("ALL", sev, f"{cat} | {sev}"):
                spans_total[key] += 1
                spans_hit[key] += hit
            if not hit:
                missed.append((cat, sev, system, doc, seg, context(article.text, s, e)))

    print(f"zh-en MQM: {len(docs)} articles (system × talk), "
          f"source-lang {'none' if a.no_lang else 'zh'}\n")
    print("## error spans an mtqa finding overlaps (MT systems)\n")
    print("| spans | n | flagged | recall |")
    print("|---|---|---|---|")
    keys = ["ALL", "Major", "Minor"] + sorted(
        (k for k in spans_total if "|" in k), key=lambda k: -spans_total[k])
    for k in keys:
        print(f"| {k} | {spans_total[k]} | {spans_hit[k]} | {pct(spans_hit[k], spans_total[k])} |")

    print("\n## findings per segment\n")
    print("| side | segments | with a finding | findings | per segment |")
    print("|---|---|---|---|---|")
    per = {}
    for side in ("mt", "ref"):
        per[side] = find_total[side] / max(seg_total[side], 1)
        print(f"| {side} | {seg_total[side]} | {seg_with[side]} "
              f"({pct(seg_with[side], seg_total[side])}) | {find_total[side]} | "
              f"{per[side]:.4f} |")
    ratio = per["mt"] / per["ref"] if per["ref"] else float("inf")
    print(f"\nMT/ref findings per segment: {'∞' if ratio == float('inf') else f'{ratio:.1f}'}")

    print("\n## per rule\n")
    print("| rule | MT n | ref n | MT per seg / ref per seg | MT findings on an error span |")
    print("|---|---|---|---|---|")
    for rule in sorted(set(rule_mt) | set(rule_ref), key=lambda r: -rule_mt[r]):
        mt_rate = rule_mt[rule] / max(seg_total["mt"], 1)
        ref_rate = rule_ref[rule] / max(seg_total["ref"], 1)
        r = f"{mt_rate / ref_rate:.1f}" if ref_rate else "∞"
        print(f"| `{rule}` | {rule_mt[rule]} | {rule_ref[rule]} | {r} | "
              f"{rule_on_span[rule]} ({pct(rule_on_span[rule], rule_mt[rule])}) |")

    if a.missed:
        pool = [m for m in missed if m[1] == a.missed]
        random.Random(9).shuffle(pool)
        print(f"\n## {len(pool)} missed {a.missed} spans (showing {min(a.n, len(pool))})\n")
        for cat, sev, system, doc, seg, ctx_text in sorted(pool[:a.n]):
            print(f"{cat}\t{system}/{doc}/{seg}\t{ctx_text}")
    if a.show:
        print(f"\n## {a.show} on MT\n")
        for (system, doc, article, _, _), found in zip(docs, findings):
            if system in MQM_REFS:
                continue
            for f in found:
                if f.rule == a.show:
                    print(f"{system}/{doc}\t{context(article.text, f.start, f.end)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
