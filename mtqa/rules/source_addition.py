"""Translation text with no source behind it (the twin of source-omission)."""
from __future__ import annotations

from mtqa.registry import Rule, register
from mtqa.source.lengths import length_rules


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

        for _, doc, source, target, share in length_rules(article, "long"):
            f = self.finding(target[0], target[1],
                             f"much longer than its source ({round(100 * share)}% of the "
                             f"expected length): the translation may add text")
            yield located(f, doc, *source)
