"""Every source rule's examples, run with their source text: flag / leave / fixed."""
import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.registry import all_rules
from mtqa.source.document import SourceDoc
from mtqa.source.language import detect

SOURCE_RULES = [r for r in all_rules() if r.id.startswith("source-")]


def _article(example):
    article = Article(example["text"], source_lang=example.get("source_lang"))
    lang, why = detect(example["source"], example.get("source_lang"))
    article.source = SourceDoc("<source>", example["source"], lang, why)
    return article


def _findings(rule, example):
    ctx = AuditContext(AuditOptions(select=[rule.id]))
    return list(rule.check(_article(example), ctx))


def _fixed(rule, example):
    text = example["text"]
    for _ in range(5):
        findings = [f for f in _findings(rule, dict(example, text=text)) if f.suggestions]
        if not findings:
            return text
        for f in sorted(findings, key=lambda f: -f.start):
            text = text[:f.start] + f.suggestions[0] + text[f.end:]
    return text


def _cases(kind):
    return [pytest.param(rule, ex, id=f"{rule.id}-{i}")
            for rule in SOURCE_RULES for i, ex in enumerate(rule.examples[kind])]


def test_every_source_rule_has_examples():
    assert {r.id for r in SOURCE_RULES} >= {"source-name", "source-number", "source-omission",
                                           "source-addition", "source-untranslated"}
    for rule in SOURCE_RULES:
        assert rule.examples["flag"] and rule.examples["leave"], rule.id


@pytest.mark.parametrize("rule,example", _cases("flag"))
def test_flags(rule, example):
    found = _findings(rule, example)
    assert found, f"{rule.id} did not flag {example['text']!r}"
    for f in found:  # every finding from a comparison says where in the source
        assert f.source and f.source["text"].strip()
    if "fixed" in example:
        assert _fixed(rule, example) == example["fixed"]


@pytest.mark.parametrize("rule,example", _cases("leave"))
def test_leaves(rule, example):
    assert _findings(rule, example) == []


def test_without_a_source_the_rules_are_silent():
    ctx = AuditContext(AuditOptions(select=["source"]))
    article = Article("Russian troops left Gostomel; 54 people were killed.\n")
    for rule in SOURCE_RULES:
        assert list(rule.check(article, ctx)) == []
