import re

from mtqa.registry import Rule, register
from mtqa.rules._scripts import (LATIN_LETTER, describe_script, has_non_latin_letter,
                                 is_non_latin_letter, latin_lookalike)

_WORD = re.compile(r"[^\W_]+")


@register
class UntranslatedMixedScript(Rule):
    """A word that mixes Latin letters with letters of another script: "Servicе" with a
    Cyrillic е, "РIGURES" with a Cyrillic Р, "Циbulko" half transliterated, "ФC77-35597".
    Such words look right on screen but break search, spell checking and hyphenation, and a
    half-transliterated name is an untranslated fragment.

    When every foreign letter has an identical-looking Latin twin (Cyrillic а е о р с у х і,
    Greek Α Β Ε Κ Μ Ο Ρ Τ …), the fix is that word in Latin letters and is safe: it changes
    nothing a reader sees. Otherwise (Циbulko) the word needs a person. Brand names built on
    purpose from two scripts (ProUkraїnu) are flagged too; they are rare.
    """

    id = "untranslated-mixed-script"
    summary = "Word mixing Latin and non-Latin letters (homoglyphs, half-transliterated names)"
    category = "fluency/spelling"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "The State Enforcement Servicе in Rakhiv.", "fixed": "The State Enforcement Service in Rakhiv."},
        ],
        "leave": [
            "Service in Zürich, naïve café.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        # a finding needs a non-Latin letter, and most articles have none
        if not has_non_latin_letter(article):
            return
        for m in _WORD.finditer(text):
            word = m.group()
            if word.isascii() or not LATIN_LETTER.search(word):
                continue
            foreign = [ch for ch in word if is_non_latin_letter(ch)]
            if not foreign:
                continue
            twin = latin_lookalike(word)
            if twin is not None:
                yield self.finding(
                    m.start(), m.end(),
                    f"“{word}” mixes Latin letters with look-alike {describe_script(word)} "
                    f"letters ({', '.join(sorted(set(foreign)))}); search and spell checks "
                    f"will miss it", [twin], safe=True)
            else:
                yield self.finding(
                    m.start(), m.end(),
                    f"“{word}” mixes Latin and {describe_script(word)} letters: a partly "
                    f"untranslated word", severity="major", category="accuracy/untranslated")
