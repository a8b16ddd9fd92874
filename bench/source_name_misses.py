"""A read sample of the Russian name cases source-name misses (bench/source_names.py (a)):
how many are MT spellings an editor would change?

    python bench/source_name_misses.py            # the shares from the recorded reads
    python bench/source_name_misses.py --show     # print 45 unread misses (fixed seed) to read

Each missed case (MT word M where the reference has R, an expected form of a source name) was
read beside the source, the reference and the MT segment. Verdicts, in
bench/reads/source-name-ru-misses.tsv by key (document, system, segment, M, R):
W - the MT spelling is wrong, an editor would change it (a real miss);
A - the MT spelling is acceptable or right (the person's own or the English original's
    spelling: Trouba, Erica Albright, Pushkin Square; or the reference is wrong: Golovnaya
    for Головня);
X - not a spelling case (the count paired M with another name of the segment).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _reads import read_verdicts  # noqa: E402
from _source_dev import documents, pair  # noqa: E402
from source_names import miss_reason, segment_cases  # noqa: E402

READS = Path(__file__).resolve().parent / "reads" / "source-name-ru-misses.tsv"
SAMPLE = 45


def misses(lang="ru"):
    from mtqa.engine import AuditContext, AuditOptions, audit_article

    ctx = AuditContext(AuditOptions(select=["source"]))
    out = []
    for _, doc in documents([lang]):
        ref = pair(lang, doc, "ref")
        if ref is None:
            continue
        _, _, ref_segs, src_segs = ref
        for system in sorted(doc["hyps"]):
            found = pair(lang, doc, "hyp", system)
            if found is None:
                continue
            article, _, mt_segs, _ = found
            for case in segment_cases(lang, article, audit_article(article, ctx), mt_segs,
                                      ref_segs, src_segs, ctx.glossary):
                if case.accepted or case.flagged:
                    continue
                out.append((f"{doc['doc']}\t{system}\t{case.segment}\t{case.m}\t{case.r}",
                            miss_reason(lang, case, ctx.glossary),
                            case.src, case.ref, case.mt))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    found = misses()
    # columns: document, system, segment, M, R (the key), verdict, reason
    judged = read_verdicts(READS, key=slice(None, -2), verdict=-2, header=True)
    print(f"ru-en: {len(found)} missed cases; {len(judged)} read")
    if args.show:  # unread misses to read next, in a fixed order (seeded shuffle)
        random.Random(4).shuffle(found)
        for key, why, src, ref, mt in [x for x in found if x[0] not in judged][:SAMPLE]:
            print(f"--- {key}  [{why}]\n  SRC {src}\n  REF {ref}\n  MT  {mt}")
        return
    # the recorded reads that are still misses (a case flagged since no longer counts)
    missed = {key for key, *_ in found}
    verdicts = Counter(v for key, v in judged.items() if key in missed)
    read = sum(verdicts.values())
    print(f"  {len(judged) - read} of the read cases are flagged now")
    for verdict, label in (("W", "MT wrong (real misses)"), ("A", "MT acceptable or right"),
                           ("X", "not a spelling case")):
        print(f"  {label}: {verdicts[verdict]} of {read} ({verdicts[verdict] / max(1, read):.2f})")


if __name__ == "__main__":
    main()
