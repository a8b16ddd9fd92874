"""Behaviour of the attribution calques added for issue 9 recall in session 4 (recall4):
wording-inverted-attribution and the slavic entry this-is-reported-by, on real WMT23 MT lines
(their `examples` run in tests/test_rule_examples.py)."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.fix import fix_text

INVERTED = "wording-inverted-attribution"
PRESENT = "phrase-slavic-this-is-reported-by"

# Real WMT23 MT output (uk-en, ru-en), with lines that must be left: a past-tense inversion
# before a long identifier, an outlet followed by more than "citing", an abbreviation's stop.
MT_TEXT = """In Syria, according to the agency, 3,162 people died, writes Anadolu.
The minister said on the air of the national telethon, writes "Interfax-Ukraine".
Rent has become 25% more expensive, reports Patrol Petersburg with reference to RBC.
The flood could have been the 32nd in a row, reports the St. Petersburg publication Neva.Today.
The war must end, wrote Podolyak on Twitter.
"We will win," said Smith, the spokesman of the ministry.
This is reported by TASS with reference to the TV channel Todo Noticias.
This was reported by the traffic police of the Tyumen region.
"""


def findings(text, rule):
    ctx = AuditContext(AuditOptions(select=[rule]))
    return [f for f in audit_article(Article(text), ctx) if f.rule == rule]


def test_verb_first_attribution_is_flagged_only_where_it_closes_the_report():
    found = findings(MT_TEXT, INVERTED)
    assert [MT_TEXT[f.start:f.end] for f in found] == [
        "writes Anadolu", 'writes "Interfax-Ukraine"', "reports Patrol Petersburg"]
    assert [f.suggestions[0] for f in found] == [
        "Anadolu writes", '"Interfax-Ukraine" writes', "Patrol Petersburg reports"]
    assert all(f.fix.applicability == "unsafe" for f in found)


def test_present_passive_formula_is_flagged_and_the_past_is_left():
    found = findings(MT_TEXT, PRESENT)
    assert [MT_TEXT[f.start:f.end] for f in found] == ["This is reported by"]


def test_fix_loop_removes_both_findings():
    for rule in (INVERTED, PRESENT):
        ctx = AuditContext(AuditOptions(select=[rule]))
        result = fix_text(MT_TEXT, "mt.txt", ctx, unsafe=True)
        assert result.converged and not result.withdrawn
        assert findings(result.after, rule) == []
    assert "3,162 people died, Anadolu writes." in fix_text(
        MT_TEXT, "mt.txt", AuditContext(AuditOptions(select=[INVERTED])), unsafe=True).after
