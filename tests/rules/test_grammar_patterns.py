"""The grammar and wording pattern rules of issue 9: every example of each rule, run as an
article — `flag` texts must be flagged (and, given `fixed`, the first suggestion of each
finding applied must give that text), `leave` texts must not be."""
import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.registry import get_rule

RULES = ["grammar-country-agreement", "grammar-comparative", "grammar-uncountable-plural",
         "wording-redundancy", "untranslated-abbreviation"]
CASES = [(rid, kind, ex) for rid in RULES for kind in ("flag", "leave")
         for ex in get_rule(rid).examples[kind]]


def _findings(rule_id, text, source_lang=None):
    ctx = AuditContext(AuditOptions(source_lang=source_lang))
    return list(get_rule(rule_id).check(Article(text), ctx))


@pytest.mark.parametrize("rule_id,kind,example", CASES,
                         ids=[f"{r}-{k}-{i}" for i, (r, k, _) in enumerate(CASES)])
def test_rule_example(rule_id, kind, example):
    ex = example if isinstance(example, dict) else {"text": example}
    found = _findings(rule_id, ex["text"], ex.get("source_lang"))
    if kind == "leave":
        assert not found, [f.message for f in found]
        return
    assert found, ex["text"]
    if "fixed" in ex:
        text = ex["text"]
        for f in sorted(found, key=lambda f: -f.start):
            text = text[:f.start] + f.suggestions[0] + text[f.end:]
        assert text == ex["fixed"]
        assert not _findings(rule_id, text, ex.get("source_lang"))   # the fix removes it


def test_country_agreement_keeps_the_capital_of_a_sentence_initial_verb():
    found = _findings("grammar-country-agreement", "The USA Have No Plan for Ukraine")
    assert [f.suggestions for f in found] == [["Has"]]
