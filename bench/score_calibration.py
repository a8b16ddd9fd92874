#!/usr/bin/env python3
"""Score calibration: does mtqa's penalty rank translations as human MQM raters do, and does
the score spread? Prints figures for the former formula and the current one.

Data (../shared/dev):
- zh-en MQM (TED talks): every rated segment of every system (`<v>` marks stripped), audited
  alone with --source-lang zh. Human penalty per segment: the MQM weights of the rater's errors
  (Major 5, Minor 1, Minor Fluency/Punctuation 0.1, as in Freitag et al. 2021; No-error and
  Source error 0).
- WMT23 uk-en / ru-en: every system's output of every document, and the professional
  references, audited as articles (source language set).

Figures:
- segment Kendall tau-b between mtqa's penalty and the human penalty (all rated segments of
  the MT systems; the human references ref/refB shown apart);
- system level: pairwise accuracy of the ranking of the MT systems by mean article score
  (article = one system's talk) against the ranking by mean human segment penalty (ties in
  mtqa count as wrong);
- share of WMT23 MT articles (and references) at the floor (score 0.0) and the ceiling (100);
- verdict shares for MT and references.

"old" = the linear score `max(0, 100 - 10 * per_100)`, the rules' own severities, every
finding counted; "new" = mtqa.score with severity capped by confidence and one finding per
problem (mtqa.merge.one_finding_per_problem). Batch rules (name-inconsistent-batch) are left out: they
compare articles of one batch, and each segment is its own text here.

usage: python bench/score_calibration.py [--grid]   (--grid: print the K / MIN_WORDS search)
"""
from __future__ import annotations

import argparse
import copy
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import devdata  # noqa: E402
from devdata import WMT_PAIRS, wmt_articles  # noqa: E402
from mtqa import score as new_score  # noqa: E402
from mtqa.article import Article  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions, audit_article  # noqa: E402
from mtqa.finding import SEVERITY_WEIGHT  # noqa: E402
from mtqa.merge import one_finding_per_problem as finish_findings  # noqa: E402

HUMAN_WEIGHT = {"Major": 5.0, "Minor": 1.0}
PAIR_LANG = {"uk-en": "uk", "ru-en": "ru"}


def old_score(penalty: float, words: int) -> float:
    return round(max(0.0, 100.0 - penalty * 100.0 / max(words, 1) * 10.0), 1)


def old_verdict(findings, penalty: float, words: int) -> str:
    s = old_score(penalty, words)
    if any(f.severity == "critical" for f in findings) or s < 60:
        return "hold"
    return "review" if s < 90 else "publish"


def kendall_tau_b(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Kendall tau-b, counting over distinct (x, y) pairs (penalties take few values)."""
    pairs = Counter(zip(xs, ys))
    items = list(pairs.items())
    concordant = discordant = 0
    for i, ((x1, y1), n1) in enumerate(items):
        for (x2, y2), n2 in items[i + 1:]:
            s = (x1 - x2) * (y1 - y2)
            if s > 0:
                concordant += n1 * n2
            elif s < 0:
                discordant += n1 * n2
    n = len(xs)
    n0 = n * (n - 1) / 2
    tx = sum(c * (c - 1) / 2 for c in Counter(xs).values())
    ty = sum(c * (c - 1) / 2 for c in Counter(ys).values())
    denom = math.sqrt((n0 - tx) * (n0 - ty))
    return (concordant - discordant) / denom if denom else 0.0


def pairwise_accuracy(metric: Dict[str, float], human: Dict[str, float]) -> Tuple[float, int]:
    """Share of system pairs ordered as humans order them (both: higher = worse). Pairs
    humans tie are skipped; pairs the metric ties count as wrong."""
    systems = sorted(human)
    right = total = 0
    for i, a in enumerate(systems):
        for b in systems[i + 1:]:
            h = human[a] - human[b]
            if h == 0:
                continue
            total += 1
            right += (metric[a] - metric[b]) * h > 0
    return right / max(total, 1), total


class Audited:
    """One text's raw findings (rules only) and its 'old' and 'new' findings."""

    def __init__(self, article: Article, ctx: AuditContext):
        raw = audit_article(article, ctx)
        self.words = article.words
        self.old = raw
        self.old_penalty = sum(SEVERITY_WEIGHT[f.severity] for f in raw)
        self.new = finish_findings(article, copy.deepcopy(raw), ctx)
        self.new_penalty = new_score.penalty(self.new)


def mqm_segments():
    """(system, doc, seg) -> (text, human penalty)."""
    texts: Dict[tuple, str] = {}
    human: Dict[tuple, float] = defaultdict(float)
    for row in devdata.mqm_rows():
        key = (row.system, row.doc, row.seg)
        texts.setdefault(key, row.target)
        weight = HUMAN_WEIGHT.get(row.severity, 0.0)
        if row.category in ("No-error", "Source error"):
            weight = 0.0
        elif row.severity == "Minor" and row.category == "Fluency/Punctuation":
            weight = 0.1
        human[key] += weight
    return {k: (t, human[k]) for k, t in texts.items()}


def audit_mqm(ctx):
    out = {}
    for key, (text, human) in mqm_segments().items():
        system, doc, seg = key
        art = Article(text, path=f"mqm/{system}/{doc}/{seg}", source_lang="zh")
        out[key] = (Audited(art, ctx), human)
    return out


def audit_wmt(ctxs):
    out = defaultdict(list)  # "mt" / "ref" -> [Audited]
    for pair in WMT_PAIRS:
        ctx = ctxs[pair]
        for side in ("mt", "ref"):
            for art in wmt_articles(pair, side):
                art.source_lang = PAIR_LANG[pair]
                out[side].append(Audited(art, ctx))
    return out


def segment_figures(mqm, which: str):
    mt = [(a, h) for (system, _, _), (a, h) in mqm.items() if system not in devdata.MQM_REFS]
    refs = [(a, h) for (system, _, _), (a, h) in mqm.items() if system in devdata.MQM_REFS]

    def pen(a):
        return a.old_penalty if which == "old" else a.new_penalty
    tau_mt = kendall_tau_b([pen(a) for a, _ in mt], [h for _, h in mt])
    tau_all = kendall_tau_b([pen(a) for a, _ in mt + refs], [h for _, h in mt + refs])
    flagged = sum(pen(a) > 0 for a, _ in mt)
    return tau_mt, tau_all, flagged, len(mt)


def system_figures(mqm, which: str, k: float = None, min_words: int = None):
    """Mean article score per MT system (article = one talk) vs mean human segment penalty."""
    by_doc = defaultdict(lambda: [0.0, 0])
    human = defaultdict(list)
    for (system, doc, _), (a, h) in mqm.items():
        if system in devdata.MQM_REFS:
            continue
        acc = by_doc[(system, doc)]
        acc[0] += a.old_penalty if which == "old" else a.new_penalty
        acc[1] += a.words
        human[system].append(h)
    scores = defaultdict(list)
    for (system, _), (p, w) in by_doc.items():
        scores[system].append(score_with(which, p, w, k, min_words))
    # higher = worse on both sides: the metric is 100 - mean score
    metric = {s: 100.0 - sum(v) / len(v) for s, v in scores.items()}
    mean_human = {s: sum(v) / len(v) for s, v in human.items()}
    return pairwise_accuracy(metric, mean_human)


def score_with(which, penalty, words, k=None, min_words=None):
    if which == "old":
        return old_score(penalty, words)
    k = new_score.K if k is None else k
    min_words = new_score.MIN_WORDS if min_words is None else min_words
    return round(100.0 * math.exp(-k * penalty * 100.0 / max(words, min_words)), 1)


def spread(wmt, which: str, side: str, k=None, min_words=None):
    arts = wmt[side]
    scores = [score_with(which, a.old_penalty if which == "old" else a.new_penalty, a.words,
                         k, min_words) for a in arts]
    n = len(scores)
    floor = sum(s == 0.0 for s in scores) / n
    low = sum(s < 5.0 for s in scores) / n
    ceiling = sum(s == 100.0 for s in scores) / n
    distinct = len(set(s for s in scores if s < 100.0))
    return floor, low, ceiling, distinct, n, scores


def verdict_shares(wmt, which: str, side: str) -> Counter:
    out = Counter()
    for a in wmt[side]:
        if which == "old":
            out[old_verdict(a.old, a.old_penalty, a.words)] += 1
        else:
            out[new_score.verdict(a.new, a.words)] += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="store_true", help="print the K / MIN_WORDS search")
    args = parser.parse_args()
    t0 = time.perf_counter()
    ignore = ["name-inconsistent-batch"]
    mqm = audit_mqm(AuditContext(AuditOptions(source_lang="zh", ignore=ignore)))
    wmt = audit_wmt({p: AuditContext(AuditOptions(source_lang=PAIR_LANG[p], ignore=ignore))
                     for p in WMT_PAIRS})
    elapsed = time.perf_counter() - t0

    print("| figure | goal | old | new |")
    print("|---|---|---|---|")
    seg = {w: segment_figures(mqm, w) for w in ("old", "new")}
    print(f"| segment Kendall τ-b, MT systems ({seg['new'][3]:,} segments) | ≥ 0.15 | "
          f"{seg['old'][0]:.3f} | {seg['new'][0]:.3f} |")
    print(f"| segment Kendall τ-b, MT + human references | — | {seg['old'][1]:.3f} | "
          f"{seg['new'][1]:.3f} |")
    print(f"| MT segments with any finding | — | {seg['old'][2]:,} | {seg['new'][2]:,} |")
    sysacc = {w: system_figures(mqm, w) for w in ("old", "new")}
    print(f"| system pairwise accuracy ({sysacc['new'][1]} pairs of MT systems) | ≥ 0.7 | "
          f"{sysacc['old'][0]:.3f} | {sysacc['new'][0]:.3f} |")
    for side in ("mt", "ref"):
        o = spread(wmt, "old", side)
        n = spread(wmt, "new", side)
        label = "MT articles" if side == "mt" else "reference articles"
        goal = "< 5 %" if side == "mt" else "—"
        print(f"| WMT23 {label} at the floor (score 0) ({n[4]:,}) | {goal} | {100 * o[0]:.1f} % | "
              f"{100 * n[0]:.1f} % |")
        print(f"| WMT23 {label} under 5 | — | {100 * o[1]:.1f} % | {100 * n[1]:.1f} % |")
        print(f"| WMT23 {label} at the ceiling (100) | — | {100 * o[2]:.1f} % | "
              f"{100 * n[2]:.1f} % |")
        print(f"| WMT23 {label}: distinct scores below 100 | — | {o[3]} | {n[3]} |")
    for side in ("mt", "ref"):
        for which in ("old", "new"):
            shares = verdict_shares(wmt, which, side)
            total = sum(shares.values())
            text = ", ".join(f"{v} {100 * c / total:.1f} %" for v, c in shares.most_common())
            print(f"verdicts {which} on WMT23 {side}: {text}")
    mt_words = sum(a.words for a in wmt["mt"])
    ref_words = sum(a.words for a in wmt["ref"])
    for which in ("old", "new"):
        pen_mt = sum(a.old_penalty if which == "old" else a.new_penalty for a in wmt["mt"])
        pen_ref = sum(a.old_penalty if which == "old" else a.new_penalty for a in wmt["ref"])
        print(f"penalty per 100 words {which}: MT {100 * pen_mt / mt_words:.3f}, "
              f"references {100 * pen_ref / ref_words:.3f}")
    merged = sum(len(a.old) - len(a.new) for a in wmt["mt"])
    print(f"findings folded into another by one-finding-per-problem on WMT23 MT: {merged} of "
          f"{sum(len(a.old) for a in wmt['mt'])}")
    capped = sum(f.severity == "major" for a in wmt["mt"] for f in a.old) - \
        sum(f.severity == "major" for a in wmt["mt"] for f in a.new + [r for f in a.new
                                                                     for r in f.related])
    print(f"major findings lowered to minor by confidence on WMT23 MT: {capped}")
    print(f"K = {new_score.K}, MIN_WORDS = {new_score.MIN_WORDS}; audited in {elapsed:.1f} s "
          f"(MQM segments {len(mqm):,}, WMT23 articles {len(wmt['mt']) + len(wmt['ref']):,})")

    if args.grid:
        print("\nK / MIN_WORDS search: MT floor (<5) share, median MT score of flagged "
              "articles, system accuracy")
        for min_words in (1, 25, 50, 100):
            for k in (0.02, 0.04, 0.06, 0.08, 0.1, 0.15):
                fl = spread(wmt, "new", "mt", k, min_words)
                flagged = sorted(s for s in fl[5] if s < 100.0)
                median = flagged[len(flagged) // 2] if flagged else 100.0
                acc = system_figures(mqm, "new", k, min_words)[0]
                print(f"  min_words {min_words:4} k {k:5}: floor {100 * fl[0]:5.1f} %  under 5 "
                      f"{100 * fl[1]:5.1f} %  median flagged {median:5.1f}  system acc "
                      f"{acc:.3f}")
        print("\nHold threshold (review-below) search: share of articles held, MT vs references "
              "(critical findings hold regardless)")
        for below in (40, 50, 60, 70, 80):
            shares = []
            for side in ("mt", "ref"):
                arts = wmt[side]
                held = sum(new_score.verdict(a.new, a.words, new_score.Thresholds(
                    publish_at=max(below, 90), review_below=below)) == "hold" for a in arts)
                shares.append(100.0 * held / len(arts))
            ratio = shares[0] / shares[1] if shares[1] else float("inf")
            print(f"  review-below {below}: MT held {shares[0]:4.1f} %, references held "
                  f"{shares[1]:4.1f} %, ratio {ratio:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
