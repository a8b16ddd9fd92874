from pathlib import Path

import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.glossary import load_glossary

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def test_glossary():
    return load_glossary([FIXTURES / "glossary.yaml"], bundled=False)


@pytest.fixture
def audit(test_glossary):
    """audit(text, rule_prefix, **options) -> findings of the selected rules, using the small
    test glossary only (so tests do not depend on the bundled packs' content)."""

    def run(text, select=(), source_lang=None, path="article.txt"):
        from mtqa.engine import audit_article

        if isinstance(select, str):
            select = (select,)
        ctx = AuditContext(AuditOptions(select=select, source_lang=source_lang),
                           glossary=test_glossary)
        return audit_article(Article(text, path=path, source_lang=source_lang), ctx)

    return run


def flagged(findings, text):
    """The flagged substrings, for readable assertions."""
    return [text[f.start:f.end] for f in findings]
