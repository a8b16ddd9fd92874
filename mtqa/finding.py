"""Findings: what a rule reports, with a span, a message, suggestions for the editor and an
optional fix (edits plus applicability)."""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from mtqa.plain import FrozenPlain, Plain

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


# How a fix may be applied (ruff's model): `safe` fixes are certain and `mtqa fix` applies them;
# `unsafe` ones need a human and are applied only with --unsafe; `display-only` ones (a gloss,
# an explanation) are shown to the editor and never written into copy.
SAFE, UNSAFE, DISPLAY_ONLY = "safe", "unsafe", "display-only"
APPLICABILITIES = (SAFE, UNSAFE, DISPLAY_ONLY)


class Edit(FrozenPlain):
    """Replace the characters start..end (end exclusive) with `content`; start == end inserts."""
    start: int
    end: int
    content: str

    def __init__(self, start: int, end: int, content: str):
        _set = object.__setattr__  # (a plain class, not @dataclass: mtqa/plain.py)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "content", content)


class Fix(FrozenPlain):
    """The edits that repair one finding, applied together or not at all, and how certain
    they are."""
    edits: Tuple[Edit, ...]
    applicability: str = UNSAFE

    def __init__(self, edits: Tuple[Edit, ...], applicability: str = UNSAFE):
        object.__setattr__(self, "edits", edits)
        object.__setattr__(self, "applicability", applicability)
        if self.applicability not in APPLICABILITIES:
            raise ValueError(f"unknown fix applicability {self.applicability!r}")
        if not self.edits:
            raise ValueError("a fix needs at least one edit")

    @classmethod
    def replace(cls, start: int, end: int, content: str, applicability: str = UNSAFE) -> "Fix":
        return cls((Edit(start, end, content),), applicability)


class Finding(Plain):
    """One probable artefact. `start`/`end` are character offsets into the article (end
    exclusive). `suggestions` are what the editor is shown, best first (replacements, or a
    gloss); `fix`, when there is one, is what `mtqa fix` may write, with its applicability.
    Built by `Rule.finding`, which derives the fix from the first suggestion for rules that
    pass `safe=`."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    suggestions: List[str]
    fix: Optional[Fix] = None
    # Other findings on the same problem (same span and fix, or the same name), folded into
    # this one by mtqa.merge: shown as supporting evidence, never counted in the score (nor
    # compared by ==, nor shown by repr).
    related: List["Finding"]
    # Findings from a comparison with the source article (source-* rules): where in the source,
    # {path, line, column, end_line, end_column, text} (mtqa.source.document.Location)
    source: Optional[Dict[str, object]] = None
    _not_compared = frozenset({"related"})

    def __init__(self, rule: str, category: str, severity: str, start: int, end: int,
                 message: str, suggestions: Optional[List[str]] = None, fix: Optional[Fix] = None,
                 related: Optional[List["Finding"]] = None,
                 source: Optional[Dict[str, object]] = None):
        self.rule = rule
        self.category = category
        self.severity = severity
        self.start = start
        self.end = end
        self.message = message
        self.suggestions = [] if suggestions is None else suggestions
        self.fix = fix
        self.related = [] if related is None else related
        self.source = source
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @property
    def safe(self) -> bool:
        """Does the finding carry a fix `mtqa fix` applies without --unsafe?"""
        return self.fix is not None and self.fix.applicability == SAFE

    @property
    def applicability(self) -> Optional[str]:
        return self.fix.applicability if self.fix is not None else None

    @property
    def sort_key(self):
        return (self.start, self.end, self.rule)
