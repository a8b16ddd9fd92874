"""Severity follows confidence (mtqa.confidence): a rule whose measured precision is low does
not report major, unless the user sets its severity."""
from mtqa.confidence import cap_severity, capped_rules, estimated_precision
from mtqa.finding import Finding

# Every entry whose measured precision is low (capped_rules) is capped; the bundled packs now
# give those entries minor themselves, so the cap is shown on a major finding of one of them.
CAPPED = sorted(capped_rules())
RULE = CAPPED[0] if CAPPED else None


def _major(rule):
    return Finding(rule, "fluency/grammar", "major", 0, 4, "m", ["x"])


def test_estimated_precision():
    assert estimated_precision(0, 1000, 5, 1000) == 1.0
    assert estimated_precision(1, 1000, 0, 1000) == 0.0
    assert round(estimated_precision(1, 1000, 10, 1000), 2) == 0.9


def test_low_precision_entry_is_capped_at_minor():
    assert RULE is not None  # the measured figures (measured.tsv) name some weak entries
    finding = _major(RULE)
    cap_severity([finding], {})
    assert finding.severity == "minor"
    kept = _major("name-incorrect")
    cap_severity([kept], {})
    assert kept.severity == "major"


def test_user_severity_wins_over_the_cap():
    finding = _major(RULE)
    cap_severity([finding], {RULE: "major"})
    assert finding.severity == "major"


def test_well_measured_rules_keep_major():
    assert not any(r.startswith("name-") for r in capped_rules())
