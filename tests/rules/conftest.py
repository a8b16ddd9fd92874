from pathlib import Path

import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.glossary import load_glossary

FIXTURE_GLOSSARY = Path(__file__).resolve().parent.parent / "fixtures" / "glossary.yaml"


@pytest.fixture(scope="session")
def glossary():
    # the small test glossary only: tests must not depend on the bundled packs' content
    return load_glossary([FIXTURE_GLOSSARY], bundled=False)


@pytest.fixture
def run(glossary):
    """run(text, select=[...], source_lang=None) -> findings of the selected rules."""

    def _run(text, select=(), source_lang=None, ignore=()):
        ctx = AuditContext(AuditOptions(select=list(select), ignore=list(ignore),
                                        source_lang=source_lang), glossary=glossary)
        return audit_article(Article(text, source_lang=source_lang), ctx)

    return _run


@pytest.fixture
def flagged(run):
    """flagged(text, select) -> [(rule, flagged text, first suggestion)]."""

    def _flagged(text, select=(), source_lang=None):
        return [(f.rule, text[f.start:f.end], f.suggestions[0] if f.suggestions else None)
                for f in run(text, select, source_lang)]

    return _flagged
