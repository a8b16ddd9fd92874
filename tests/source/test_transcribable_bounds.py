"""transcribable's pre-check (names._may_transcribe: the length and first and last letters a
form's transcription pattern allows) rejects only words the pattern does not match: the
answer is the pattern's own, with fewer patterns compiled."""
from __future__ import annotations

import re
from itertools import islice

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.source import names as N
from mtqa.source.romanize import lemma_forms

from _wmt23 import WMT23, documents

WORD = re.compile(r"[^\W\d_]+")


def plain(target, forms):
    """transcribable without the pre-check."""
    low = target.lower()
    spellings = {low, re.sub(r"(.)\1+", r"\1", low)}
    return any(N._transcription_pattern(f).fullmatch(w) for f in forms for w in spellings)


def test_bounds_read_the_table():
    shortest, longest, firsts, lasts = N._transcription_bounds("Kokorin")
    assert (shortest, longest) == (7, 17)
    assert firsts == {"k", "c", "q"} and {"n", "e", "h"} <= lasts
    assert N._may_transcribe("cocorin", "Kokorin") and not N._may_transcribe("pocorin", "Kokorin")


LETTERS = "abcdefghijklmnopqrstuvwxyzéèëäöüšžčćñłíóôúûâàáç'"
FORMS = ["Shakhnazarov", "Kokorin", "Potekhin", "Trochek", "Nakhida", "Volkanovski", "Yelena",
         "Dzhennifer", "Shchedrin", "Iy", "Ye", "Fyodor", "Ksenia", "Tsoy", "Zhukov", "Ilya"]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=LETTERS, min_size=1, max_size=16), st.sampled_from(FORMS))
def test_same_answer_as_the_pattern_on_generated_words(word, form):
    assert N.transcribable(word, (form,)) == plain(word, (form,))


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(FORMS), st.integers(0, 3), st.sampled_from(list(LETTERS)))
def test_same_answer_near_real_spellings(form, k, letter):
    """Spellings one letter away from the form itself: the words the pattern is about."""
    word = form.lower()
    k = min(k, len(word) - 1)
    for candidate in (word, word[:k] + letter + word[k + 1:], word + letter, letter + word,
                      word[:k] + word[k + 1:]):
        assert N.transcribable(candidate, (form,)) == plain(candidate, (form,))


def test_same_answer_on_wmt23_names():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    pairs = 0
    for doc in islice(documents("ru"), 60):
        sources = {w for s in doc["src"] for w in WORD.findall(s) if w[:1].isupper()}
        targets = {w for h in doc["hyps"].values() for s in h for w in WORD.findall(s)
                   if w[:1].isupper()}
        for source in sorted(sources)[:25]:
            forms = lemma_forms(source, "ru")
            for target in sorted(targets):
                assert N.transcribable(target, forms) == plain(target, forms), \
                    (target, forms)
                pairs += 1
    assert pairs > 10000
