"""Findings: what a rule reports, with a span, a message and suggested replacements."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

SEVERITIES = ("minor", "major", "critical")
# MQM-style penalty weights: used for the score and for --fail-on comparisons.
SEVERITY_WEIGHT: Dict[str, int] = {"minor": 1, "major": 5, "critical": 25}

CATEGORIES = (
    "terminology/name",
    "fluency/spelling",
    "fluency/grammar",
    "fluency/punctuation",
    "fluency/inconsistency",
    "accuracy/untranslated",
    "accuracy/mistranslation",
    "style/awkward",
    "locale/number-format",
)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass
class Finding:
    """One probable artefact. `start`/`end` are character offsets into the article (end
    exclusive); `suggestions` are replacement texts for that span, best first; `safe` says the
    first suggestion may be applied without a human looking at it."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    suggestions: List[str] = field(default_factory=list)
    safe: bool = False
    # Findings from a comparison with the source article (source-* rules): where in the source,
    # {path, line, column, end_line, end_column, text} (mtqa.source.document.Location)
    source: Optional[Dict[str, object]] = None

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @property
    def sort_key(self):
        return (self.start, self.end, self.rule)
