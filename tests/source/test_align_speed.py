"""The alignment's speed-ups give the alignment the plain forms gave (mtqa/source/align.py,
document.py): target sentences of a paragraph found by bisection, as by a scan; the source
sentence-end pattern led by one class of end marks, as the alternation it replaced."""
from __future__ import annotations

import re
from itertools import islice

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.article import Article
from mtqa.source.align import _align, align_sentences, model_for
from mtqa.source.document import SourceDoc, _SENTENCE_END_RE
from mtqa.source.language import detect

from _wmt23 import WMT23, as_text, documents

OLD_SENTENCE_END_RE = re.compile(r"(?:[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[—–-]?\s?[\w])"
                                 r"|[。！？]+[”’」』)]*)")


def spans(pattern, text, start=0, end=None):
    return [m.span() for m in pattern.finditer(text, start, len(text) if end is None else end)]


PIECES = [".", "...", "!", "?", "…", "。", "！", "？", "»", "”", ")", "]", "\"", "'", " ", "  ",
          "\n", "«", "„", "(", "—", "-", "А", "b", "1", "г", "中", "’", "“"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16), st.integers(0, 3))
def test_sentence_ends_as_the_alternation(parts, start):
    text = "".join(parts)
    assert spans(_SENTENCE_END_RE, text) == spans(OLD_SENTENCE_END_RE, text)
    start = min(start, len(text))
    assert spans(_SENTENCE_END_RE, text, start) == spans(OLD_SENTENCE_END_RE, text, start)


def _pairs(limit_docs=40):
    for lang in ("uk", "ru"):
        for doc in islice(documents(lang), limit_docs):
            for hyp in list(doc["hyps"].values())[:3] + [doc["ref"]]:
                yield lang, as_text(doc["src"]), as_text(hyp)


def test_alignment_as_by_scanning_on_real_lines():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    n = 0
    for lang, src, tgt in _pairs():
        text = src
        assert spans(_SENTENCE_END_RE, text) == spans(OLD_SENTENCE_END_RE, text)
        doc = SourceDoc("<source>", src, *detect(src, lang))
        article = Article(tgt, source_lang=lang)
        got = _align(doc, article)
        if got.problem:
            continue
        expected = []
        model = model_for(doc.lang)
        for k, ((ss, se), (ts, te)) in enumerate(got.paragraphs):
            if not doc.sentences[k]:
                continue
            tgt_sents = [(s, e) for s, e in article.sentences if s >= ts and e <= te] \
                or [(ts, te)]
            expected += align_sentences(doc.sentences[k], tgt_sents, doc.text, article.text,
                                        model, k)
        assert got.beads == expected
        n += 1
    assert n > 100


def test_several_sentences_aligned_with_confidences():
    src = "Перше речення тут. Друге речення довше за перше. Третє."
    tgt = "The first sentence is here. The second sentence is longer than the first. Third."
    doc = SourceDoc("<source>", src + "\n", *detect(src, "uk"))
    beads = _align(doc, Article(tgt + "\n", source_lang="uk")).beads
    assert [(b.n_source, b.n_target) for b in beads] == [(1, 1), (1, 1), (1, 1)]
    assert all(b.confident for b in beads)
