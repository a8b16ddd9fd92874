"""name_differences.source_names visits only capitalised words (a search led by upper-case
letters); it yields what the loop over every word of _WORD_RE yielded."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.source.name_differences import _WORD_RE, source_names

from _wmt23 import WMT23, documents


def plain(text, start, end, sentence_starts):
    out = []
    for m in _WORD_RE.finditer(text, start, end):
        word = m.group()
        if not word[0].isupper() or len(word) < 3 or word.isupper():
            continue
        out.append((m.start(), m.end(), word, m.start() in sentence_starts))
    return out


PIECES = ["Київ", "київ", "Зеленський", "ЗСУ", "Ан", "д'Артаньян", "О’Коннор", "Dʼ", "'", "’",
          "ʼ", " ", ".", "—", "«", "»", "1", "_", "Ǆ", "ǅ", "Ω", "ω", "Ա", "ש", "Ⓐ", "中", "ß",
          "İstanbul", "A", "b", "Xy", "ΣΟΦ", "\n", "-", "Ⅻ", "Ꙁ", "𝐀bc", "Ֆ"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.integers(0, 4), st.integers(0, 4))
def test_same_names_as_the_plain_loop(parts, cut_start, cut_end):
    text = "".join(parts)
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    starts = {0, 3, 5}
    assert list(source_names(text, start, end, starts)) == plain(text, start, end, starts)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30))
def test_same_names_on_any_text(text):
    assert list(source_names(text, 0, len(text), ())) == plain(text, 0, len(text), ())


def test_same_names_on_wmt23_sources():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    n = 0
    for lang in ("uk", "ru"):
        for doc in documents(lang):
            for seg in doc["src"]:
                got = list(source_names(seg, 0, len(seg), {0}))
                assert got == plain(seg, 0, len(seg), {0})
                n += len(got)
    assert n > 1000
