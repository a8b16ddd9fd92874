"""Severity follows confidence (mtqa.confidence): a rule whose measured precision is low does
not report major, unless the user sets its severity."""
from mtqa.api import check_text
from mtqa.confidence import capped_rules, estimated_precision
from mtqa.engine import AuditOptions

# a phrase entry measured on the WMT23 data with one reference hit for 16 MT hits (precision
# estimate 0.36): its pack says major, the report says minor
TEXT = ("At the same time, Roscosmos reported a depressurization of the Progress MS-21, prepared "
        "for undocking from the ISS and subsequent flooding on February 18.\n")
RULE = "phrase-ru-spacecraft-flooding"


def test_estimated_precision():
    assert estimated_precision(0, 1000, 5, 1000) == 1.0
    assert estimated_precision(1, 1000, 0, 1000) == 0.0
    assert round(estimated_precision(1, 1000, 10, 1000), 2) == 0.9


def test_low_precision_entry_is_capped_at_minor():
    assert RULE in capped_rules()
    [f] = [f for f in check_text(TEXT, AuditOptions(source_lang="ru")) if f.rule == RULE]
    assert f.severity == "minor"


def test_user_severity_wins_over_the_cap():
    options = AuditOptions(source_lang="ru", severity={RULE: "major"})
    [f] = [f for f in check_text(TEXT, options) if f.rule == RULE]
    assert f.severity == "major"


def test_well_measured_rules_keep_major():
    assert not any(r.startswith("name-") for r in capped_rules())
