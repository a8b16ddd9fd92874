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

    def run(text, select=(), source_lang=None, path="article.txt", ignore=()):
        from mtqa.engine import run_rules

        if isinstance(select, str):
            select = (select,)
        ctx = AuditContext(AuditOptions(select=list(select), ignore=list(ignore),
                                        source_lang=source_lang), glossary=test_glossary)
        return run_rules(Article(text, path=path, source_lang=ctx.options.source_lang), ctx)

    return run


@pytest.fixture
def flag_fixes(audit):
    """flag_fixes(text, select, source_lang=None) -> [(rule, flagged text, first suggestion)]."""

    def run(text, select=(), source_lang=None):
        return [(f.rule, text[f.start:f.end], f.suggestions[0] if f.suggestions else None)
                for f in audit(text, select, source_lang)]

    return run


def flagged(findings, text):
    """The flagged substrings, for readable assertions (the one helper of its kind; for
    positions as reported in a file see tests/inputs/helpers.text_at)."""
    return [text[f.start:f.end] for f in findings]


@pytest.fixture(autouse=True)
def _no_house_packs_left_behind():
    """House phrase packs register rules in the process (as the CLI does once per run): a test
    that loads a configuration with `phrase-packs` must not change what the next test sees."""
    yield
    from mtqa.rules.phrase import unregister_house_packs

    unregister_house_packs()
