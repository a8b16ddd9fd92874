from pathlib import Path

import pytest

from mtqa.engine import AuditContext, AuditOptions

GLOSSARY = str(Path(__file__).resolve().parents[1] / "fixtures" / "glossary.yaml")


@pytest.fixture(scope="session")
def options():
    return AuditOptions(glossaries=[GLOSSARY], disabled_packs=())


@pytest.fixture(scope="session")
def ctx(options, test_glossary):
    return AuditContext(options, glossary=test_glossary)
