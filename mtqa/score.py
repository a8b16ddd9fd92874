"""The article score: an MQM-style penalty per 100 words mapped to 0-100, and a verdict.

penalty   = sum of severity weights (minor 1, major 5, critical 25)
per_100   = penalty * 100 / words
score     = max(0, 100 - per_100 * SCALE)       SCALE = 10: one major finding per 100 words
                                                 costs 50 points
verdict   = "hold" if any critical finding or score < review_below,
            "review" if score < publish_at, else "publish"
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from mtqa.finding import SEVERITY_WEIGHT, Finding

SCALE = 10.0


@dataclass(frozen=True)
class Thresholds:
    publish_at: float = 90.0   # score >= this: publish
    review_below: float = 60.0  # score < this: hold


def penalty(findings: Sequence[Finding]) -> int:
    return sum(SEVERITY_WEIGHT[f.severity] for f in findings)


def score(findings: Sequence[Finding], words: int) -> float:
    per_100 = penalty(findings) * 100.0 / max(words, 1)
    return round(max(0.0, 100.0 - per_100 * SCALE), 1)


def verdict(findings: Sequence[Finding], words: int, thresholds: Thresholds = Thresholds()) -> str:
    s = score(findings, words)
    if any(f.severity == "critical" for f in findings) or s < thresholds.review_below:
        return "hold"
    return "review" if s < thresholds.publish_at else "publish"
