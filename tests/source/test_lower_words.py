"""document.lower_words equals the words of name_differences._WORD_RE lowered one by one (the
way a source's words were read before): for every code point, generated and real text."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.source.document import lower_words
from mtqa.source.name_differences import _WORD_RE

from _wmt23 import WMT23, documents

LETTER = re.compile(r"[^\W\d_]")


def plain(text):
    return {w.lower() for w in _WORD_RE.findall(text)}


def kind(ch: str) -> str:
    if LETTER.fullmatch(ch):
        return "letter"
    return "apostrophe" if ch in "'’ʼ" else "other"


def test_lowering_keeps_every_characters_kind_and_letters_are_word_characters():
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        low = ch.lower()
        if len(low) == 1:
            assert kind(low) == kind(ch), hex(code)
        if ch.isalpha():  # a token of letters only is one word of the pattern
            assert LETTER.fullmatch(ch), hex(code)
        if ch.isspace():
            assert kind(ch) == "other", hex(code)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Київ", "ЗЕЛЕНСЬКИЙ", "д'Артаньян", "О’Коннор", "ʼ", "'", " ",
                                 "İstanbul", "ΟΔΟΣ", "Σ", "ⓐ", "1", "_", "ǅ", "ß", "-", "Ⅻ",
                                 "²", "«", "»", ",", "\n", "\xa0", "\u2009", "a'", "'b", "é"]),
                max_size=14))
def test_same_words_as_lowering_each(parts):
    text = "".join(parts)
    assert lower_words(text, _WORD_RE) == plain(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_same_words_on_any_text(text):
    assert lower_words(text, _WORD_RE) == plain(text)


def test_same_words_on_wmt23_sources():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    for lang in ("uk", "ru"):
        for doc in documents(lang):
            text = "\n".join(doc["src"])
            assert lower_words(text, _WORD_RE) == plain(text)
