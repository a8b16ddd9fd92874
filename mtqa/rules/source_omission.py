"""Source text the translation dropped, and translation text with no source behind it."""
from __future__ import annotations

from mtqa.registry import Rule, register

MIN_OMITTED_WORDS = 5  # a dropped source sentence shorter than this is rarely content


def _length_rules(article, which):
    """Shared by both rules: confident beads whose length z-score is outside the range
    calibrated for the language pair (which: "short" or "long")."""
    from mtqa.source.align import calibration, length
    from mtqa.source.compare import comparison

    found = comparison(article)
    if found is None:
        return
    doc, alignment = found
    figures = calibration().get(doc.lang or "")
    if not figures or "z_low" not in figures:
        return  # no calibration for this language pair: no length judgement
    for bead in alignment.beads:
        if not (bead.confident and bead.n_source and bead.n_target):
            continue
        src_len = length(doc.text[bead.source[0]:bead.source[1]])
        if src_len < figures["min_chars"]:
            continue
        if which == "short" and bead.z < figures["z_low"]:
            yield doc, bead, src_len
        elif which == "long" and bead.z > figures["z_high"]:
            yield doc, bead, src_len


def _expected_share(article, doc, bead, src_len) -> int:
    from mtqa.source.align import length, model_for

    tgt_len = length(article.text[bead.target[0]:bead.target[1]])
    return round(100 * tgt_len / max(1.0, src_len * model_for(doc.lang)["c"]))


@register
class SourceOmission(Rule):
    """Source content missing from the translation: a source sentence with no counterpart
    (the aligner, with confidence, pairs it with nothing), or an aligned segment much shorter
    than its source — shorter than any but the most extreme 0.2% of professional reference
    translations of that language pair (z-score range calibrated on WMT23 references by
    bench/source_calibration.py, kept in mtqa/data/source-calibration.json). Needs the source.

    Not flagged: dropped source sentences under five words, segments under 30 source
    characters, beads the aligner is not confident about (under 0.7 posterior probability),
    and languages without a calibration (only the length judgement; dropped sentences still
    count). Measured precision on a read sample: docs/source.md.
    """

    id = "source-omission"
    summary = "Source content missing from the translation"
    category = "accuracy/mistranslation"
    severity = "major"
    examples = {
        "flag": [
            {"text": "The city was shelled on Monday.\n",
             "source": "Місто обстріляли в понеділок. Загинули щонайменше троє мирних "
                       "жителів, ще дев'ятеро отримали поранення, повідомила поліція "
                       "області в своєму телеграм-каналі.\n", "source_lang": "uk"},
        ],
        "leave": [
            {"text": "The city was shelled on Monday. At least three civilians were killed "
                     "and nine others were wounded, the regional police said on Telegram.\n",
             "source": "Місто обстріляли в понеділок. Загинули щонайменше троє мирних "
                       "жителів, ще дев'ятеро отримали поранення, повідомила поліція "
                       "області в своєму телеграм-каналі.\n", "source_lang": "uk"},
        ],
    }

    def check(self, article, ctx):
        from mtqa.source.compare import comparison, located

        found = comparison(article)
        if found is None:
            return
        doc, alignment = found
        beads = alignment.beads
        for k, bead in enumerate(beads):
            if bead.n_target or not bead.confident:
                continue
            s0, s1 = bead.source
            if len(doc.text[s0:s1].split()) < MIN_OMITTED_WORDS:
                continue
            # the finding sits on the neighbouring target sentence of the same paragraph
            near = [b for b in beads[k - 1:k] + beads[k + 1:k + 2]
                    if b.paragraph == bead.paragraph and b.n_target]
            if not near:
                continue
            t0, t1 = near[0].target
            f = self.finding(t0, t1, "a source sentence has no counterpart in the translation: "
                                     f"“{_clip(doc.text[s0:s1])}”")
            yield located(f, doc, s0, s1)
        for doc, bead, src_len in _length_rules(article, "short"):
            share = _expected_share(article, doc, bead, src_len)
            f = self.finding(bead.target[0], bead.target[1],
                             f"much shorter than its source ({share}% of the expected length): "
                             f"part of the source may be missing")
            yield located(f, doc, *bead.source)


@register
class SourceAddition(Rule):
    """A translated segment much longer than its source — longer than any but the most
    extreme 0.2% of professional reference translations of the language pair (calibrated as
    for source-omission): MT that repeats itself, hallucinates or appends text. Needs the
    source; silent for language pairs without a calibration.
    """

    id = "source-addition"
    summary = "Translation text with no counterpart in the source"
    category = "accuracy/mistranslation"
    severity = "major"
    examples = {
        "flag": [
            {"text": "The talks ended. The talks ended without agreement, and the delegations "
                     "left the city late on Friday evening after several hours of talks that "
                     "ended without any agreement at all between the two sides.\n",
             "source": "Переговори завершилися без згоди.\n", "source_lang": "uk"},
        ],
        "leave": [
            {"text": "The talks ended without agreement.\n",
             "source": "Переговори завершилися без згоди.\n", "source_lang": "uk"},
        ],
    }

    def check(self, article, ctx):
        from mtqa.source.compare import located

        for doc, bead, src_len in _length_rules(article, "long"):
            share = _expected_share(article, doc, bead, src_len)
            f = self.finding(bead.target[0], bead.target[1],
                             f"much longer than its source ({share}% of the expected length): "
                             f"the translation may add text")
            yield located(f, doc, *bead.source)


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
