"""Calibrate the sentence-length model of mtqa.source.align per source language, on the
professional references of ../shared/dev/wmt23 (source and reference segment by segment).

    python bench/source_calibration.py            # prints the figures, writes the data file

For each language: c (target characters per source character, ratio of totals), words
(target words per source word, likewise), s2 (the
Gale-Church variance per source character), and the range of z-scores of normal reference
segments (the 0.2nd and 99.8th percentiles of segments with at least MIN_CHARS characters on
the source side). A translated segment outside that range is what source-omission /
source-addition report. Output: mtqa/data/source-calibration.json. Chinese is calibrated on
the two human translations (ref, refB) of the MQM-labelled TED talks in
../shared/dev/mqm/mqm_ted_zhen.tsv (bench/_mqm_dev.py; the MT of those talks is what
bench/source_mqm_omission.py measures); Chinese words are counted as Han characters in pairs
(mtqa.source.lengths.word_count). Indonesian has no dev data and is not calibrated: the length
rules stay silent for it.
"""
from __future__ import annotations

import json
import math
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from devdata import wmt_docs  # noqa: E402
OUT = REPO / "mtqa" / "data" / "source-calibration.json"
MIN_CHARS = 30
QUANTILES = (0.002, 0.998)


def segments(lang: str):
    if lang == "zh":
        from _mqm_dev import REFERENCES, segments as mqm_segments

        for (system, _talk), segs in sorted(mqm_segments().items()):
            if system in REFERENCES:
                for src, ref, _labels in segs.values():
                    if src and ref:
                        yield src, ref
        return
    for doc in wmt_docs(f"{lang}-en"):
        for src, ref in zip(doc.src, doc.ref):
            if src.strip() and ref.strip():
                yield src, ref


def calibrate(lang: str):
    from mtqa.source.align import length, z_score

    texts = list(segments(lang))  # read once: the length and the word figures both use it
    pairs = [(length(s), length(r)) for s, r in texts]
    c = sum(r for _, r in pairs) / sum(s for s, _ in pairs)
    resid = [(r - c * s) / math.sqrt(s) for s, r in pairs if s]
    s2 = statistics.pvariance(resid)
    model = {"c": c, "s2": s2}
    zs = sorted(z_score(s, r, model) for s, r in pairs if s >= MIN_CHARS)
    lo = zs[int(QUANTILES[0] * len(zs))]
    hi = zs[min(len(zs) - 1, int(QUANTILES[1] * len(zs)))]
    from mtqa.source.lengths import word_count

    words = [(word_count(s), len(r.split())) for s, r in texts]
    cw = sum(r for _, r in words) / sum(s for s, _ in words)
    return {"c": round(c, 4), "s2": round(s2, 3), "words": round(cw, 4), "z_low": round(lo, 2), "z_high": round(hi, 2),
            "min_chars": MIN_CHARS, "segments": len(zs)}


def main():
    languages = {lang: calibrate(lang) for lang in ("uk", "ru", "zh")}
    languages["default"] = {"c": 1.0, "s2": 6.8}  # Gale & Church's published values
    doc = {"about": "bench/source_calibration.py on WMT23 uk-en, ru-en references, "
                    "MQM TED zh-en references "
                    f"(quantiles {QUANTILES})", "languages": languages}
    OUT.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    for lang, figures in languages.items():
        print(lang, figures)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
