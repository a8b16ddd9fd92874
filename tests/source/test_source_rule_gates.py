"""The source rules' cheap tests skip only what the full test would reject (issue 8, item 7):
source-untranslated compares collapsed paragraphs only when their first words agree, and the
length judgements split each side once; both checked against the plain forms on real lines."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.article import Article
from mtqa.rules.source_untranslated import _collapse
from mtqa.source import lengths
from mtqa.source.align import calibration, length, model_for, z_score
from mtqa.source.compare import comparison
from mtqa.source.document import SourceDoc
from mtqa.source.language import detect

from _wmt23 import WMT23, as_text, documents



def first_words_agree(a: str, b: str) -> bool:
    return a.split(None, 1)[:1] == b.split(None, 1)[:1]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "  ", "\t", "\n", "\xa0", "\u2009", "Київ"]),
                max_size=10),
       st.lists(st.sampled_from(["a", "b", " ", "  ", "\t", "\xa0", "\u3000", "Київ"]),
                max_size=10))
def test_untranslated_gate_never_hides_an_identical_paragraph(a, b):
    a, b = "".join(a), "".join(b)
    if _collapse(a) == _collapse(b):
        assert first_words_agree(a, b)


def old_length_judgements(article):
    """lengths._length_judgements as it was before each side was split once."""
    found = comparison(article)
    if found is None:
        return
    doc, alignment = found
    figures = calibration().get(doc.lang or "")
    if not figures or "z_low" not in figures:
        return
    model = model_for(doc.lang)
    for (ss, se), (ts, te) in alignment.paragraphs:
        src_len = length(doc.text[ss:se])
        tgt_len = length(article.text[ts:te])
        if src_len < figures["min_chars"]:
            continue
        z = z_score(src_len, tgt_len, model)
        share = tgt_len / (src_len * model["c"])
        words = len(article.text[ts:te].split()) / (
            lengths.word_count(doc.text[ss:se]) * figures.get("words", 1.0))
        if z < figures["z_low"] and share <= lengths.MAX_SHARE_SHORT and \
                words <= lengths.MAX_WORD_SHARE_SHORT:
            yield "short", doc, (ss, se), (ts, te), share
        elif share <= lengths.MAX_SHARE_FEWER_SENTENCES and \
                words <= lengths.MAX_WORD_SHARE_FEWER_SENTENCES and \
                2 <= lengths.sentence_count(doc.text[ss:se]) > \
                lengths.sentence_count(article.text[ts:te]):
            yield "short", doc, (ss, se), (ts, te), share
        elif z > figures["z_high"] and share >= lengths.MIN_SHARE_LONG and \
                words >= lengths.MIN_WORD_SHARE_LONG:
            yield "long", doc, (ss, se), (ts, te), share


def test_length_judgements_and_untranslated_gate_on_real_lines():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    judged = 0
    for lang in ("uk", "ru"):
        for doc in documents(lang):
            src = as_text(doc["src"])
            for hyp in list(doc["hyps"].values())[:4] + [doc["ref"], doc["src"]]:
                for a, b in zip(doc["src"], hyp):
                    if _collapse(a) == _collapse(b):
                        assert first_words_agree(a, b)
                article = Article(as_text(hyp), source_lang=lang)
                article.source = SourceDoc("<source>", src, *detect(src, lang))
                new = list(lengths._length_judgements(article))
                assert new == list(old_length_judgements(article))
                judged += len(new)
    assert judged > 10  # some paragraphs judged short or long
