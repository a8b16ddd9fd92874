#!/usr/bin/env python3
"""False alarms and findings of the spelling and name rules (issue 9, part 1).

For each selected rule prints findings per 1,000 words on
- ../shared/dev/en-orig (English written in English: every finding is a false alarm unless
  the original is wrong),
- the WMT23 uk-en and ru-en professional references,
- the MT output of every submitted system (one batch per system),
and the MT/reference ratio. --sample N --seed S writes N random MT findings per rule (with
context) to a TSV for reading by hand (bench/spell_names_sample.tsv holds the judged one);
--show RULE prints every en-orig and reference finding of that rule.

usage: python bench/spell_names.py [--select PREFIX ...] [--sample 50] [--out FILE] [--show RULE]
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import WMT_PAIRS, en_orig_articles, wmt_articles  # noqa: E402
from mtqa.api import audit_articles  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions  # noqa: E402

DEFAULT_SELECT = ("spell", "name", "grammar-number-agreement", "title", "punct-repeated-word",
                  "punct-stray-bracket")


def corpora():
    yield "en-orig", [list(en_orig_articles())]
    for pair in WMT_PAIRS:
        yield f"{pair}:ref", [list(wmt_articles(pair, "ref"))]
        batches = defaultdict(list)
        for art in wmt_articles(pair, "mt"):
            batches[art.path.rsplit("/", 1)[-1]].append(art)
        yield f"{pair}:mt", list(batches.values())


def audited(ctx):
    """(kind, result) for every article of corpora(), kind "en-orig", "ref" or "mt"."""
    for corpus, batches in corpora():
        kind = corpus.split(":")[-1]
        for batch in batches:
            for res in audit_articles(batch, ctx=ctx):
                yield kind, res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", action="append")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--out", default="bench/spell_names_sample.new.tsv")
    ap.add_argument("--show", action="append", default=[])
    args = ap.parse_args()
    ctx = AuditContext(AuditOptions(select=args.select or list(DEFAULT_SELECT)))
    counts = defaultdict(Counter)
    words = Counter()
    found = defaultdict(list)  # (corpus kind, rule) -> [(path, context, suggestion)]
    for kind, res in audited(ctx):
        words[kind] += res.words
        text = res.article.text
        for f in res.findings:
            counts[kind][f.rule] += 1
            ctx_text = (text[max(0, f.start - 50):f.start] + "[[" + text[f.start:f.end]
                        + "]]" + text[f.end:f.end + 50]).replace("\n", " ")
            found[(kind, f.rule)].append(
                (res.article.path, ctx_text, f.suggestions[0] if f.suggestions else ""))
    rules = sorted({r for c in counts.values() for r in c})

    def per_k(kind, rule):
        return 1000.0 * counts[kind][rule] / max(words[kind], 1)

    print(f"words: en-orig {words['en-orig']}, references {words['ref']}, MT {words['mt']}")
    print(f"{'rule':34} {'en-orig/1k':>10} {'ref/1k':>8} {'MT/1k':>8} {'MT/ref':>7} {'MT n':>6}")
    for rule in rules + ["(all selected)"]:
        if rule == "(all selected)":
            e, r, m = (sum(counts[k].values()) for k in ("en-orig", "ref", "mt"))
            e, r, m = (1000.0 * n / max(words[k], 1) for n, k in zip(
                (e, r, m), ("en-orig", "ref", "mt")))
            n = sum(counts["mt"].values())
        else:
            e, r, m, n = per_k("en-orig", rule), per_k("ref", rule), per_k("mt", rule), \
                counts["mt"][rule]
        ratio = f"{m / r:.1f}" if r else ("inf" if m else "-")
        print(f"{rule:34} {e:10.2f} {r:8.2f} {m:8.2f} {ratio:>7} {n:6d}")
    for rule in args.show:
        for kind in ("en-orig", "ref"):
            for path, text, sug in found[(kind, rule)]:
                print(f"{kind}\t{rule}\t{path}\t{text}\t{sug}")
    if args.sample:
        rnd = random.Random(args.seed)
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write("rule\tpath\tcontext\tsuggestion\tjudgement\n")
            for rule in rules:
                pool = found[("mt", rule)]
                for path, text, sug in rnd.sample(pool, min(args.sample, len(pool))):
                    fh.write(f"{rule}\t{path}\t{text}\t{sug}\t\n")
        print(f"wrote samples to {args.out}")


if __name__ == "__main__":
    main()
