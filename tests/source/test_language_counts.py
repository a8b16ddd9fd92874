"""The source language found by script counts made in C is the one the per-character
definition finds (mtqa.source.language.detect, moved into C for speed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.source.language import RUSSIAN_ONLY, UKRAINIAN_ONLY, detect

WMT23 = Path(__file__).resolve().parents[3] / "shared" / "dev" / "wmt23"


def _reference_detect(text: str):
    """detect as it was written before, one character at a time."""
    cyrillic = han = latin = 0
    for ch in text[:20000]:
        o = ord(ch)
        if 0x400 <= o <= 0x4FF:
            cyrillic += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            han += 1
        elif ch.isalpha() and o < 0x250:
            latin += 1
    if cyrillic and cyrillic >= max(han, latin):
        uk = sum(ch in UKRAINIAN_ONLY for ch in text)
        ru = sum(ch in RUSSIAN_ONLY for ch in text)
        if uk > ru:
            return "uk", f"script: Cyrillic with Ukrainian letters і ї є ґ ({uk} vs {ru})"
        if ru > uk:
            return "ru", f"script: Cyrillic with Russian letters ы э ъ ё ({ru} vs {uk})"
        return None, "script: Cyrillic, Ukrainian or Russian not decidable"
    if han and han >= latin:
        return "zh", "script: Han characters"
    if latin:
        return None, "script: Latin, language not known (give --source-lang)"
    return None, "no letters"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xA000), max_size=60))
def test_same_language_as_the_definition_on_generated_text(text):
    assert detect(text) == _reference_detect(text)  # (lone surrogates included)


def test_cyrillic_counted_by_lead_bytes_for_every_code_point():
    from mtqa.source.language import _cyrillic_letters

    for code in range(0x110000):
        assert _cyrillic_letters(chr(code)) == (0x400 <= code <= 0x4FF), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Київ ", "ї", "ы", "Ёж ", "中文", "Luboš ", "² ½ ª", "ǅ", " ",
                                 ".", "µ", "ı", "一", "", "Ґ", "Э"]), max_size=30))
def test_same_language_on_mixed_scripts(parts):
    text = "".join(parts)
    assert detect(text) == _reference_detect(text)
    assert detect(text * 800) == _reference_detect(text * 800)  # past the 20,000 limit


def test_same_language_on_real_sources():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    texts = []
    for lang in ("uk", "ru"):
        with open(WMT23 / f"{lang}-en.jsonl", encoding="utf-8") as fh:
            texts += ["\n".join(json.loads(line)["src"]) for line in fh]
    assert len(texts) > 100
    for text in texts:
        assert detect(text) == _reference_detect(text)
