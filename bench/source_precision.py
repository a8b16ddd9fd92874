"""Precision of source-number and source-omission on a read sample of MT findings (WMT23).

    python bench/source_precision.py --show      # print the sample to read (50 per rule)
    python bench/source_precision.py             # precision from the recorded judgements

The sample is drawn with a fixed seed from every finding the two rules make on every MT
system's output of every uk-en and ru-en document (sources included). Each was read beside
its source and reference segment; the verdict (1: a real difference an editor would fix,
0: a false alarm) is kept in bench/data/source_precision.tsv by key (document, system,
segment, rule, flagged text).
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _reads import read_precision, read_verdicts  # noqa: E402
from _source_dev import documents, pair  # noqa: E402

JUDGEMENTS = Path(__file__).resolve().parent / "data" / "source_precision.tsv"
RULES = ("source-number", "source-omission")
SAMPLE = 50


def collect():
    from mtqa.engine import AuditContext, AuditOptions, audit_article

    ctx = AuditContext(AuditOptions(select=list(RULES)))
    found = {r: [] for r in RULES}
    for lang, doc in documents():
        for system in sorted(doc["hyps"]):
            p = pair(lang, doc, "hyp", system)
            if p is None:
                continue
            article, source, mt, src = p
            ref = [" ".join(s.split()) for s in doc["ref"]]
            for f in audit_article(article, ctx):
                line = article.text.count("\n", 0, f.start)
                key = "\t".join((f"{lang}-{doc['doc']}", system, str(line), f.rule,
                                 article.text[f.start:f.end][:60].replace("\t", " ")))
                found[f.rule].append((key, f.message, src[line], mt[line], ref[line]))
    return found


def sample(found):
    out = {}
    for rule, items in found.items():
        rng = random.Random(8)
        out[rule] = rng.sample(items, min(SAMPLE, len(items)))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    found = collect()
    chosen = sample(found)
    judged = read_verdicts(JUDGEMENTS, key=slice(None, -1), verdict=-1, header=False)
    for rule, items in chosen.items():
        print(f"{rule}: {len(found[rule])} findings on MT; sample {len(items)}")
        if args.show:
            for i, (key, message, src, mt, ref) in enumerate(items):
                print(f"--- {i} {key}\n  MSG {message}\n  SRC {src}\n  MT  {mt}\n  REF {ref}")
            continue
        precision = read_precision(judged.get(key) for key, *_ in items)
        if precision.read:
            print(f"  {precision}")
        if precision.read < len(items):
            print(f"  {len(items) - precision.read} not yet judged (run with --show)")


if __name__ == "__main__":
    main()
