"""source-omission on more real MT with sources: the MQM-labelled TED talks, Chinese -> English
(../shared/dev/mqm/mqm_ted_zhen.tsv; 13 MT systems, two human translations).

    python bench/source_mqm_omission.py           # findings, read precision, label agreement
    python bench/source_mqm_omission.py --show    # print every finding to read

Each system's output of a talk is an article, each segment a paragraph (bench/_mqm_dev.py).
Every source-omission finding on MT was read beside its source; the verdicts (1: source content
is missing from the paragraph, an editor would fix it; 0: a false alarm), with the flagged span
and a reason, are kept in bench/reads/source-omission-mqm.tsv by key (system, talk, segment).
Also printed: agreement with the human MQM labels (share of flagged segments that some rater
labelled Accuracy/Omission; share of labelled segments flagged: most labelled omissions are a
word or two, out of reach of a length test) and findings on the human translations (false
alarms). Chinese length figures: mtqa/data/source-calibration.json, calibrated on the human
translations of these talks (bench/source_calibration.py).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _mqm_dev import documents, pair  # noqa: E402
from _reads import read_precision, read_verdicts  # noqa: E402

READS = Path(__file__).resolve().parent / "reads" / "source-omission-mqm.tsv"
OMISSION = "Accuracy/Omission"


def findings(references: bool = False):
    """(key, finding text, source segment, target segment, labels) per source-omission
    finding, and the number of segments and words audited."""
    from mtqa.engine import AuditContext, AuditOptions, audit_article

    ctx = AuditContext(AuditOptions(select=["source-omission"]))
    out, segments, words, labelled = [], 0, 0, 0
    for system, talk, ids, sources, targets, labels in documents(references):
        article, _ = pair(system, talk, sources, targets)
        segments += len(ids)
        words += article.words
        labelled += sum(OMISSION in lab for lab in labels)
        for f in audit_article(article, ctx):
            line = article.text.count("\n", 0, f.start)
            key = f"{system}\t{talk}\t{ids[line]}"
            out.append((key, article.text[f.start:f.end], f.message, sources[line],
                        targets[line], labels[line]))
    return out, segments, words, labelled


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    found, segments, words, labelled = findings()
    print(f"MT: {len(found)} source-omission findings on {segments} segments, {words} words "
          f"({1000 * len(found) / max(1, words):.2f} per 1,000 words)")
    if args.show:
        for key, span, message, src, tgt, labels in found:
            print(f"--- {key}\n  MSG {message}\n  SRC {src}\n  MT  {tgt}\n  MQM {sorted(labels)}")
    # columns: system, talk, segment (the key), span, verdict, reason
    judged = read_verdicts(READS, key=slice(0, 3), verdict=4, header=True)
    precision = read_precision(judged.get(key) for key, *_ in found)
    if precision.read:
        print(f"  read {precision}")
    if precision.read < len(found):
        print(f"  {len(found) - precision.read} not yet read (--show; {READS.name})")
    agree = sum(OMISSION in labels for *_, labels in found)
    print(f"  MQM labels: {agree} of {len(found)} flagged segments carry {OMISSION}; "
          f"{agree} of {labelled} labelled segments flagged")
    ref_found, ref_segments, ref_words, _ = findings(references=True)
    print(f"human translations: {len(ref_found)} findings on {ref_segments} segments, "
          f"{ref_words} words ({1000 * len(ref_found) / max(1, ref_words):.2f} per 1,000 words)")
    for key, span, message, src, tgt, labels in ref_found:
        print(f"  {key.replace(chr(9), ' ')}: {message}\n    SRC {src}\n    REF {tgt}")


if __name__ == "__main__":
    main()
