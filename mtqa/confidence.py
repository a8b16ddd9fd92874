"""Severity follows confidence: a rule whose measured precision is low does not report "major".

A major finding costs five times a minor one in the score and fails `mtqa check` by default,
so it must rest on a rule that is usually right. Precision is estimated from the measured
figures shipped with mtqa: a rule that fires on professional reference translations (where
nearly every finding is a false alarm) at a rate close to its rate on MT output cannot be
trusted to mark an artefact. Estimated precision = 1 - (rate on references / rate on MT); a
rule below MIN_PRECISION with at least one reference finding, or one that fires on references
only, is capped at minor.

Sources:
- phrase-pack entries: mtqa/data/phrases/measured.tsv (bench/artefact_precision.py: hits on
  the WMT23 uk-en/ru-en references and on every system's MT output);
- Python rules: LOW_PRECISION_RULES below, each with its figures (bench/precision.py, README
  "Measured precision"). At the time of writing no Python rule with default severity major is
  below the bar once its reference findings are read: the reference findings of
  name-russian-form, name-incorrect and untranslated-script are real errors in the references
  (Russian place forms such as "Kirovograd", one reference left partly in Russian), so they do
  not lower those rules' precision.

A severity set by the user (`--severity`, `[severity]` in the configuration) always wins.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, Mapping, Sequence

from mtqa.finding import Finding

MIN_PRECISION = 0.7
_MEASURED = Path(__file__).resolve().parent / "data" / "phrases" / "measured.tsv"

# rule id -> why (figures). Capped at minor whatever their default severity.
LOW_PRECISION_RULES: Dict[str, str] = {}


def estimated_precision(ref_hits: int, ref_words: int, mt_hits: int, mt_words: int) -> float:
    if ref_hits == 0:
        return 1.0
    if mt_hits == 0:
        return 0.0
    ratio = (ref_hits / max(ref_words, 1)) / (mt_hits / max(mt_words, 1))
    return max(0.0, 1.0 - ratio)


@lru_cache(maxsize=1)
def capped_rules() -> Dict[str, str]:
    """rule id -> the measured reason it may not report major."""
    out = dict(LOW_PRECISION_RULES)
    try:
        with open(_MEASURED, encoding="utf-8") as fh:
            lines = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    except OSError:
        return out
    # a plain tab-separated table (bench/artefact_precision.py writes it), so split, not csv:
    # this runs in every check with a major finding, and csv.DictReader cost ~10 ms of start-up
    header = {name: i for i, name in enumerate(lines[0])} if lines else {}
    try:
        columns = [header[k] for k in ("rule", "ref_hits", "ref_words", "mt_hits", "mt_words")]
    except KeyError:
        return out
    for fields in lines[1:]:
        try:
            rule = fields[columns[0]]
            figures = [int(fields[i]) for i in columns[1:]]
        except (IndexError, ValueError):
            continue
        p = estimated_precision(*figures)
        if figures[0] > 0 and p < MIN_PRECISION:
            out[rule] = (f"{figures[0]} hits on {figures[1]:,} reference words vs "
                         f"{figures[2]} on {figures[3]:,} MT words: estimated "
                         f"precision {p:.2f} < {MIN_PRECISION}")
    return out


def cap_severity(findings: Sequence[Finding], user_severity: Mapping[str, str]) -> None:
    """Lower major findings of low-precision rules to minor, in place (critical stays: it is
    set only by the user or by rules that are certain)."""
    capped = capped_rules()
    if not capped:
        return
    from mtqa.registry import matches

    for f in findings:
        if f.severity == "major" and f.rule in capped and not (
                user_severity and matches(f.rule, list(user_severity))):
            f.severity = "minor"
