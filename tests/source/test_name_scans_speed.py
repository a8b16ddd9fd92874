"""The name classes' scans of the source led by the capital letter (name_case, name_person)
find what the lookbehind-led forms found: generated text and every WMT23 source."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.source import name_case, name_person

from _wmt23 import WMT23, documents

PAIRS = [
    (re.compile(r"(?<![^\W\d_])([А-ЯЁ][а-яё]{3,}(?:ой|ую))(?![^\W\d_])"),
     name_case._STREET_ADJECTIVE_RE),
    (re.compile(r"(?<![^\W\d_])[А-ЯЁІЇЄҐ][^\W\d_]{3,}"), name_case._CAPITALISED_RE),
    (re.compile(r"(?<![^\W\d_])[А-ЯЁІЇЄҐ][^\W\d_]+(?:['’ʼ-][^\W\d_]+)*"
                r"(?:[ \u00a0][А-ЯЁІЇЄҐ][^\W\d_]+(?:['’ʼ-][^\W\d_]+)*)*"), name_person._RUN_RE),
]


def same(text: str) -> None:
    for old, new in PAIRS:
        assert [m.span(0) for m in new.finditer(text)] == [m.span(0) for m in old.finditer(text)]
        assert [m.groups() for m in new.finditer(text)] == [m.groups() for m in old.finditer(text)]


PIECES = ["Линейной", "линейной", "Ленинскую", "Шора", "Ілана", "Київ", "aЛ", "1Л", "_Л", " ",
          "\u00a0", "-", "'", "’", "ʼ", ",", "Л", "ой", "ую", "ЁЖИК", "Ґанок", "д'Ар", "\n", "x"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_same_matches_on_generated_text(parts):
    same("".join(parts))


def test_same_matches_on_wmt23_sources():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    for lang in ("uk", "ru"):
        for doc in documents(lang):
            same("\n".join(doc["src"]))
