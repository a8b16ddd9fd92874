#!/usr/bin/env python3
"""Per-rule precision figures on the shared dev sets.

For every registered rule (or those selected with --select), prints:
- findings per 1,000 words on the professional WMT23 reference translations (false alarms),
  per language pair, and on the MT output of all submitted systems;
- the MT/reference rate ratio;
- on the zh-en MQM TED data: the share of findings that overlap a rater's error span, and the
  chance level (share of characters inside error spans).

usage: python bench/precision.py [--select PREFIX ...] [--glossary FILE] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import WMT_PAIRS, mqm_articles, wmt_articles  # noqa: E402
from mtqa.api import audit_articles  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions  # noqa: E402


def rate(count: int, words: int) -> float:
    return 1000.0 * count / max(words, 1)


def run(select, glossaries, source_lang=None):
    ctx = AuditContext(AuditOptions(select=select, glossaries=glossaries,
                                    source_lang=source_lang))
    rules = [r.id for r in ctx.rules]
    counts = defaultdict(Counter)   # corpus -> rule -> findings
    words = Counter()
    examples = defaultdict(list)    # (corpus, rule) -> sample texts
    for pair in WMT_PAIRS:
        for side in ("ref", "mt"):
            corpus = f"{pair}:{side}"
            # one batch per system, as a newsroom would check one source's articles together
            batches = defaultdict(list)
            for art in wmt_articles(pair, side):
                batches[art.path.rsplit("/", 1)[-1]].append(art)
            results = [r for batch in batches.values() for r in audit_articles(batch, ctx=ctx)]
            for res in results:
                words[corpus] += res.words
                for f in res.findings:
                    counts[corpus][f.rule] += 1
                    if len(examples[(corpus, f.rule)]) < 8:
                        examples[(corpus, f.rule)].append(
                            res.article.text[max(0, f.start - 30):f.end + 30].replace("\n", " "))
    mqm = mqm_articles()
    overlap, total_mqm = Counter(), Counter()
    inside_chars = sum(b - a for m in mqm for a, b in _merge(m.error_spans))
    all_chars = sum(len(m.article.text) for m in mqm)
    for m, res in zip(mqm, audit_articles([m.article for m in mqm], ctx=ctx)):
        words["mqm"] += res.words
        for f in res.findings:
            total_mqm[f.rule] += 1
            if any(a < max(f.end, f.start + 1) and f.start < b for a, b in m.error_spans):
                overlap[f.rule] += 1
    return rules, counts, words, overlap, total_mqm, inside_chars / max(all_chars, 1), examples


def pack_of(rule_id: str) -> str:
    """phrase-ru-hot-power-plants -> phrase-ru-*: the packs are reported as one row each."""
    parts = rule_id.split("-")
    return "-".join(parts[:2]) + "-*" if parts[0] == "phrase" and len(parts) > 2 else rule_id


def collapse_phrase_entries(rules, counts, overlap, total_mqm):
    def fold(counter):
        out = Counter()
        for rule, n in counter.items():
            out[pack_of(rule)] += n
        return out

    return (sorted({pack_of(r) for r in rules}), {k: fold(v) for k, v in counts.items()},
            fold(overlap), fold(total_mqm))


def _merge(spans):
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--select", action="append", default=[], help="rule id or prefix")
    ap.add_argument("--glossary", action="append", default=[])
    ap.add_argument("--source-lang")
    ap.add_argument("--examples", metavar="RULE", help="print sample reference findings of a rule")
    ap.add_argument("--per-entry", action="store_true",
                    help="one row per phrase-pack entry (default: one row per pack)")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    a = ap.parse_args()
    t0 = time.perf_counter()
    rules, counts, words, overlap, total_mqm, chance, examples = run(
        a.select, a.glossary, a.source_lang)
    if not a.per_entry:
        rules, counts, overlap, total_mqm = collapse_phrase_entries(rules, counts, overlap,
                                                                    total_mqm)
    ref = sum(sum(counts[f"{p}:ref"].values()) for p in WMT_PAIRS)
    head = ("| rule | uk-en ref /1k | ru-en ref /1k | MT /1k | MT/ref | MQM findings | "
            "MQM in span |")
    print(head)
    print("|" + "---|" * 7)
    table = {}
    ref_words = sum(words[f"{p}:ref"] for p in WMT_PAIRS)
    mt_words = sum(words[f"{p}:mt"] for p in WMT_PAIRS)
    for rule in rules + ["ALL"]:
        def c(corpus):
            return sum(counts[corpus].values()) if rule == "ALL" else counts[corpus][rule]
        uk = rate(c("uk-en:ref"), words["uk-en:ref"])
        ru = rate(c("ru-en:ref"), words["ru-en:ref"])
        ref_rate = rate(c("uk-en:ref") + c("ru-en:ref"), ref_words)
        mt = rate(c("uk-en:mt") + c("ru-en:mt"), mt_words)
        ratio = mt / ref_rate if ref_rate else float("inf")
        n_mqm = sum(total_mqm.values()) if rule == "ALL" else total_mqm[rule]
        hit = sum(overlap.values()) if rule == "ALL" else overlap[rule]
        share = hit / n_mqm if n_mqm else float("nan")
        table[rule] = {"ref_uk_per_1k": uk, "ref_ru_per_1k": ru, "ref_per_1k": ref_rate,
                       "mt_per_1k": mt, "mt_ref_ratio": ratio, "mqm_findings": n_mqm,
                       "mqm_in_span": share}
        print(f"| {'**all rules**' if rule == 'ALL' else '`' + rule + '`'} | {uk:.2f} | {ru:.2f} "
              f"| {mt:.2f} | {'∞' if ratio == float('inf') else f'{ratio:.1f}'} | {n_mqm} | "
              f"{'—' if n_mqm == 0 else f'{share:.2f}'} |")
    print(f"\nreference words {ref_words:,}; MT words {mt_words:,}; MQM words {words['mqm']:,}; "
          f"MQM chance level (share of characters in error spans) {chance:.2f}; "
          f"reference findings {ref}; {time.perf_counter() - t0:.1f} s")
    if a.examples:
        for pair in WMT_PAIRS:
            for ex in examples[(f"{pair}:ref", a.examples)]:
                print(f"  ref {pair}: …{ex}…")
    if a.json:
        Path(a.json).write_text(json.dumps({"rules": table, "chance": chance,
                                            "words": dict(words)}, indent=2))


if __name__ == "__main__":
    main()
