"""The glossary `accept` list: a word that looks wrong but is right is never flagged, by any
name rule (applied once, in mtqa.suppress, after the rules run)."""
from pathlib import Path

import pytest

from mtqa.api import audit_articles, check_text
from mtqa.article import Article
from mtqa.engine import AuditOptions

from tests.conftest import flagged  # noqa: F401  (kept for other helpers)

FIXTURE_GLOSSARY = str(Path(__file__).parent / "fixtures" / "glossary.yaml")


@pytest.fixture(autouse=True)
def no_bundled_packs(monkeypatch):
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})


def options(tmp_path, accept=()):
    files = [FIXTURE_GLOSSARY]
    if accept:
        extra = tmp_path / "accept.yaml"
        items = ", ".join(f'"{a}"' for a in accept)
        extra.write_text(f"entries:\n  - {{name: House exceptions, type: term, "
                         f"accept: [{items}]}}\n", encoding="utf-8")
        files.append(str(extra))
    return AuditOptions(glossaries=files)


def flagged_by(rule, text, opts):
    # a rule's finding may be folded into another rule's finding on the same problem
    # (mtqa.merge): it is still there, as supporting evidence
    return [text[g.start:g.end] for f in check_text(text, opts) for g in [f, *f.related]
            if g.rule == rule]


@pytest.mark.parametrize("rule, text, word", [
    ("name-near-miss", "Volodymyr Zelenskyi spoke to reporters.", "Zelenskyi"),
    ("name-incorrect", "Officials in Kiev said so.", "Kiev"),
    ("name-russian-form", "Troops left Gostomel on Friday.", "Gostomel"),
    ("name-russian-form", "The Ukrainian deputy minister Igor Bezkaravainyi spoke.", "Igor"),
    ("name-inconsistent", "Bucha was shelled. Residents of Buchi fled. Bucha is quiet.", "Buchi"),
    ("title-without-of", "Governor Chernihiv said so.", "Governor Chernihiv"),
])
def test_accepted_word_is_not_flagged(tmp_path, rule, text, word):
    assert flagged_by(rule, text, options(tmp_path)) == [word]  # flagged without the accept list
    assert flagged_by(rule, text, options(tmp_path, [word])) == []


def test_batch_rule_honours_accept(tmp_path):
    def batch(opts):
        articles = [Article("Interior Minister Ihor Klymenko spoke.\n", path="a.txt"),
                    Article("Minister Igor Klymenko said.\n", path="b.txt")]
        return [(r.path, g.rule) for r in audit_articles(articles, opts) for f in r.findings
                for g in [f, *f.related]]

    assert ("b.txt", "name-inconsistent-batch") in batch(options(tmp_path))
    assert batch(options(tmp_path, ["Igor"])) == []


def test_accept_is_exact(tmp_path):
    # accepting one spelling does not accept its neighbours
    opts = options(tmp_path, ["Zelenskyi"])
    assert flagged_by("name-near-miss", "Volodymyr Zelenskyu spoke to reporters.", opts) == ["Zelenskyu"]
    assert flagged_by("name-incorrect", "Officials in Kiev said so.",
                      options(tmp_path, ["Kievan"])) == ["Kiev"]
