"""Source text the translation dropped (its twin, source-addition, is in source_addition.py)."""
from __future__ import annotations

from mtqa.registry import Rule, register
from mtqa.source.lengths import length_rules

MIN_OMITTED_WORDS = 5  # a dropped source sentence shorter than this is rarely content


@register
class SourceOmission(Rule):
    """Source content missing from the translation: a source sentence with no counterpart
    (the aligner, with confidence, pairs it with nothing), or an aligned paragraph much
    shorter than its source — shorter than any but the most extreme 0.2% of professional
    reference translations of that language pair (z-score range calibrated on WMT23
    references by bench/source_calibration.py, kept in mtqa/data/source-calibration.json) and
    at most 55% of the expected length, or a paragraph with fewer sentences than its source
    and at most 80% of the expected length (a dropped sentence). Needs the source.

    Not flagged: dropped source sentences under five words, paragraphs under 30 source
    characters, sentences the aligner is not confident about (under 0.7 posterior
    probability), and languages without a calibration (only the length judgement; dropped
    sentences still count). Chinese words are counted as Han characters in pairs. Measured
    (docs/source.md): on WMT23 uk/ru with sources, 21 findings on 668,000 MT words, 17 of them
    real omissions (all read, bench/reads/source-omission.tsv); on 13 MT systems of the
    MQM-labelled TED talks, Chinese→English, 5 findings on 112,000 words, all real
    (bench/source_mqm_omission.py); none on the professional references of either.
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
            # a paragraph with fewer sentences than its source and short of its length
            {"text": "Then alternate the active step with the resting step three more times.\n",
             "source": "Повторить эту последовательность нужно пять раз. Затем Енг предлагает "
                       "чередовать активный шаг и спокойный еще три раза.\n",
             "source_lang": "ru"},
        ],
        "leave": [
            {"text": "The city was shelled on Monday. At least three civilians were killed "
                     "and nine others were wounded, the regional police said on Telegram.\n",
             "source": "Місто обстріляли в понеділок. Загинули щонайменше троє мирних "
                       "жителів, ще дев'ятеро отримали поранення, повідомила поліція "
                       "області в своєму телеграм-каналі.\n", "source_lang": "uk"},
            # two sentences merged into one, nothing lost
            {"text": "Repeat this sequence five times, then Ang suggests alternating the "
                     "active step and the resting one three more times.\n",
             "source": "Повторить эту последовательность нужно пять раз. Затем Енг предлагает "
                       "чередовать активный шаг и спокойный еще три раза.\n",
             "source_lang": "ru"},
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
        for _, doc, source, target, share in length_rules(article, "short"):
            f = self.finding(target[0], target[1],
                             f"much shorter than its source ({round(100 * share)}% of the "
                             f"expected length): part of the source may be missing")
            yield located(f, doc, *source)


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
