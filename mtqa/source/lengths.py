"""Length judgements of aligned paragraphs, shared by source-omission (too short) and
source-addition (too long): calibrated on professional references (bench/source_calibration.py)."""
from __future__ import annotations

import re


# Beyond the calibrated z range, the share of the expected length must also be extreme: a
# concise but complete translation of a wordy source reaches 55-70% (read sample,
# docs/source.md), a dropped clause less.
# Characters alone mislead on short segments (Ukrainian words are long: "Я познайомилася з
# однією дівчинкою, яка добре говорить чеською мовою." is 44% as long in a complete
# translation), so the share of the expected word count must be extreme too.
MAX_SHARE_SHORT = 0.55
MAX_WORD_SHARE_SHORT = 0.6
MIN_SHARE_LONG = 1.8
MIN_WORD_SHARE_LONG = 1.8
# A paragraph with fewer sentences than its source (sentences of three words or more) is
# judged short at a milder share: a dropped sentence, not a concise rendering of one (read on
# WMT23 MT: 8 of the 9 such paragraphs had lost a source sentence; docs/source.md).
MAX_SHARE_FEWER_SENTENCES = 0.8
MAX_WORD_SHARE_FEWER_SENTENCES = 0.85
_SENTENCE_END = re.compile(r"[.!?…]+[»\"”)]*\s*(?=[«\"“(]?[A-ZА-ЯІЇЄҐ])|[。！？]+[”’」』)]*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Chinese writes no spaces between words; a word of modern Chinese text is about two
# characters long on average (Lancaster Corpus of Mandarin Chinese: 1.6-2 characters), so two
# Han characters count as one word; the calibrated words ratio absorbs the exact figure
HAN_PER_WORD = 2


def word_count(text: str) -> float:
    """Words of a text in any script: space-separated words, Han characters in pairs."""
    if _HAN.search(text) is None:
        return len(text.split())
    han = len(_HAN.findall(text))
    return han / HAN_PER_WORD + len(_HAN.sub(" ", text).split())


def sentence_count(text: str) -> int:
    """Sentences of three words or more (a heading fragment or "Yes." does not count)."""
    return sum(word_count(part) >= 3 for part in _SENTENCE_END.split(text))


def length_rules(article, which):
    """The aligned paragraph pairs judged `which` ("short" or "long"), computed once per
    article for source-omission and source-addition."""
    return [x for x in article.memo("source-length-rules", lambda: list(_length_judgements(
        article))) if x[0] == which]


def _length_judgements(article):
    """Shared by both rules: aligned paragraph pairs (each translated as a whole: what the
    calibration measured) whose length z-score is outside the range calibrated for the
    language pair and whose length share is extreme (which: "short" or "long"). Yields
    (doc, source span, target span, share)."""
    from mtqa.source.compare import comparison

    found = comparison(article)
    if found is None:
        return
    from mtqa.source.align import calibration, model_for, z_score

    doc, alignment = found
    figures = calibration().get(doc.lang or "")
    if not figures or "z_low" not in figures:
        return  # no calibration for this language pair: no length judgement
    model = model_for(doc.lang)
    for (ss, se), (ts, te) in alignment.paragraphs:
        # each side split once, for its length (align.length: characters outside spaces)
        # and its word count (word_count, the same split when there are no Han characters)
        source = doc.text[ss:se]
        source_words = source.split()
        src_len = len("".join(source_words))
        if src_len < figures["min_chars"]:
            continue
        target_words = article.text[ts:te].split()
        tgt_len = len("".join(target_words))
        z = z_score(src_len, tgt_len, model)
        share = tgt_len / (src_len * model["c"])
        source_count = len(source_words) if _HAN.search(source) is None else word_count(source)
        words = len(target_words) / (source_count * figures.get("words", 1.0))
        if z < figures["z_low"] and share <= MAX_SHARE_SHORT and words <= MAX_WORD_SHARE_SHORT:
            yield "short", doc, (ss, se), (ts, te), share
        elif share <= MAX_SHARE_FEWER_SENTENCES and words <= MAX_WORD_SHARE_FEWER_SENTENCES \
                and 2 <= sentence_count(doc.text[ss:se]) > sentence_count(article.text[ts:te]):
            yield "short", doc, (ss, se), (ts, te), share
        elif z > figures["z_high"] and share >= MIN_SHARE_LONG and words >= MIN_WORD_SHARE_LONG:
            yield "long", doc, (ss, se), (ts, te), share
