"""The article score: an MQM-style penalty per 100 words mapped to 0-100, and a verdict.

penalty   = sum of severity weights of the findings (minor 1, major 5, critical 25); each
            problem counts once (mtqa.merge folds findings on one problem into one)
per_100   = penalty * 100 / max(words, MIN_WORDS)
score     = 100 * exp(-K * per_100)

Why this shape (bench/score_calibration.py prints the figures): the former linear score,
`100 - 10 * per_100` floored at 0, put every article with two major findings per 100 words at
0, so the worst articles could not be told apart, and it ranked nothing below the floor. An
exponential keeps every difference in penalty visible (it never reaches the floor), keeps the
order of penalties (so rank correlations are those of the penalty itself), and K is chosen so
that one major finding per 100 words costs about a quarter of the score. MIN_WORDS keeps a
two-line headline with one finding from scoring like a page of errors.

verdict   "hold"    any critical finding, or score < review_below
          "review"  any major finding, or score < publish_at
          "minor"   only minor findings, score >= publish_at
          "clear"   no findings: no artefacts found BY THE CHECKS THAT RAN. mtqa does not judge
                    meaning, fluency or omissions; see mtqa.coverage for what was checked.
"""
from __future__ import annotations

import math
from typing import Sequence

from mtqa.finding import SEVERITY_WEIGHT, Finding
from mtqa.plain import FrozenPlain

K = 0.06          # one major per 100 words (per_100 = 5): 100 * exp(-0.3) = 74
MIN_WORDS = 50    # shorter texts are scored as if they had 50 words
SHAPE = (f"100 × exp(−{K:g} × MQM penalty per 100 words), penalty minor 1, major 5, "
         f"critical 25, each problem counted once; texts under {MIN_WORDS} words count as "
         f"{MIN_WORDS}")

VERDICTS = ("hold", "review", "minor", "clear")
VERDICT_LABELS = {
    "hold": "Hold: probable MT artefacts to fix before publishing",
    "review": "Review the findings",
    "minor": "Minor findings only; no major artefacts found by the checks run",
    "clear": "No artefacts found by the checks run",
}
VERDICT_SHORT = {"hold": "Hold", "review": "Review", "minor": "Minor findings only",
                 "clear": "No artefacts found"}


class Thresholds(FrozenPlain):  # not @dataclass (start-up: mtqa/plain.py)
    publish_at: float = 90.0   # score >= this with only minor findings: "minor"
    review_below: float = 80.0  # score < this: hold (bench/score_calibration.py --grid)

    def __init__(self, publish_at: float = 90.0, review_below: float = 80.0):
        object.__setattr__(self, "publish_at", publish_at)
        object.__setattr__(self, "review_below", review_below)


def penalty(findings: Sequence[Finding]) -> int:
    return sum(SEVERITY_WEIGHT[f.severity] for f in findings)


def per_100_words(findings: Sequence[Finding], words: int) -> float:
    return penalty(findings) * 100.0 / max(words, MIN_WORDS)


def score_of_penalty(per_100: float) -> float:
    return round(100.0 * math.exp(-K * per_100), 1)


def score(findings: Sequence[Finding], words: int) -> float:
    return score_of_penalty(per_100_words(findings, words))


def verdict(findings: Sequence[Finding], words: int, thresholds: Thresholds = Thresholds()) -> str:
    if not findings:
        return "clear"
    s = score(findings, words)
    if any(f.severity == "critical" for f in findings) or s < thresholds.review_below:
        return "hold"
    if any(f.severity == "major" for f in findings) or s < thresholds.publish_at:
        return "review"
    return "minor"
