"""Every rule's declared triggers (Rule.needs_any, needs_tokens, needs_words; the engine's
trigger_gate, issue 11) are conditions every finding of the rule needs: wherever the gate says
"cannot fire", the rule run without the gate finds nothing. Checked on every rule example of
every rule, on a sample of the WMT23 dev MT documents (when ../shared is beside the checkout),
and on generated text built from the triggers themselves, their case variants, near misses
and the rules' own example sentences (hypothesis)."""
import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, trigger_gate
from mtqa.examples import cases

REPO = Path(__file__).resolve().parent.parent
LANGS = (None, "uk", "ru", "id", "zh")


@lru_cache(maxsize=None)
def _contexts():
    return {lang: AuditContext(AuditOptions(select=["ALL"], source_lang=lang)) for lang in LANGS}


def _gated():
    ctx = _contexts()[None]
    return [(r, trigger_gate(r)) for r in ctx.rules
            if not r.batch and r.group is None and trigger_gate(r) is not None]


@lru_cache(maxsize=None)
def _example_texts():
    ctx = _contexts()[None]
    texts = []
    for rule in ctx.rules:
        for case in cases(rule):
            texts.extend(case.texts)
    return sorted(set(texts))


@lru_cache(maxsize=None)
def _dev_texts():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from _corpus import WMT23, mt_documents
    except ImportError:  # pragma: no cover
        return []
    if not WMT23.exists():  # pragma: no cover - the dev data sits beside the checkout
        return []
    return [text for i, (_s, _d, _y, text) in enumerate(mt_documents(WMT23)) if i % 17 == 0]


@lru_cache(maxsize=20_000)
def _article(text, lang=None):
    """One Article per (text, language), shared by every rule's check as the engine shares
    one per audited article: tokenising each text again for each rule and language was most
    of this file's time. (The gate reads only the text and token sets, the same in every
    language.)"""
    return Article(text, source_lang=lang)


@pytest.fixture(scope="module", autouse=True)
def _drop_shared_articles():
    yield
    _article.cache_clear()  # (the dev sample's articles: not kept for the rest of the suite)


def _found(rule, text, lang):
    article = _article(text, lang)
    ctx = _contexts()[lang]
    return list(rule.check(article, ctx.for_article(article)))


def _assert_gate_holds(rule, gate, text, langs=LANGS):
    if gate(_article(text)):
        return False
    for lang in langs:
        assert _found(rule, text, lang) == [], (rule.id, lang, text[:200])
    return True


def test_some_rules_declare_triggers():
    assert len(_gated()) >= 5


@pytest.mark.parametrize("rule, gate", _gated(), ids=lambda x: getattr(x, "id", ""))
def test_gate_says_no_only_where_the_rule_finds_nothing(rule, gate):
    skipped = sum(_assert_gate_holds(rule, gate, text) for text in _example_texts())
    # the rule's own "flag" examples all pass its gate (else the gate hides real findings)
    for case in cases(rule):
        if case.kind == "flag":
            assert all(gate(_article(t)) for t in case.texts), (rule.id, case.texts)
    assert skipped > 0  # the gate does skip something, or it is useless


@pytest.mark.parametrize("rule, gate", _gated(), ids=lambda x: getattr(x, "id", ""))
def test_gate_holds_on_dev_documents(rule, gate):
    texts = _dev_texts()
    if not texts:  # pragma: no cover
        pytest.skip("../shared/dev/wmt23 is not here")
    for text in texts:  # (the languages whose packs or rules differ most)
        _assert_gate_holds(rule, gate, text, (None, "id", "ru"))


def _pieces(rule):
    words = set(rule.needs_tokens) | set(rule.needs_words) | set(rule.needs_any)
    variants = set()
    for w in words:
        variants |= {w, w.lower(), w.upper(), w.title(), w + "s", w[:-1], "x" + w, w + "'s"}
    for case in cases(rule):
        for t in case.texts:
            variants |= set(re.findall(r"\w+|[^\w\s]", t)[:40])
    return sorted(v for v in variants if v) + [" ", " ", ". ", ", ", "\n"]


@pytest.mark.parametrize("rule, gate", _gated(), ids=lambda x: getattr(x, "id", ""))
def test_gate_holds_on_generated_text(rule, gate):
    pieces = _pieces(rule)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=40).map(" ".join))
    def holds(text):
        _assert_gate_holds(rule, gate, text)

    holds()
