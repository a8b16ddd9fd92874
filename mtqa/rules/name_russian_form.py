import re

from mtqa.glossary import RUSSIAN, match_case
from mtqa.registry import Rule, register

# Words in the few tokens before a name that say whose name it is.
_UKRAINIAN_CUE = re.compile(r"^(Ukrainian|Ukrainians|Ukraine|Kyiv|Ukraine's|Ukraine’s)$")
_RUSSIAN_CUE = re.compile(r"^(Russian|Russians|Russia|Kremlin|Moscow|Belarusian|Belarus|Soviet)$")
_CUE_WINDOW = 6


@register
class RussianFormName(Rule):
    """A Russian-form spelling of a Ukrainian person's or place's name: "Mikhail Podolyak" for
    Mykhailo Podolyak, "Igor" for Ihor when the person is Ukrainian.

    Context decides, never a fixed list: "Sergey Lavrov" and "Dmitry Peskov" are right, and so
    is every Maria. The rule flags
    - full names and places the glossary lists with their Russian forms (certain: safe fix);
    - a Russian-form given name (Mikhail, Igor, Aleksandr) only when the surname after it
      belongs to a Ukrainian in the glossary, or when the words just before the name call the
      person Ukrainian ("Ukrainian Deputy Minister ...") and none call them Russian (not safe:
      an editor confirms).
    A given name followed by the surname of a non-Ukrainian glossary person is never flagged.
    """

    id = "name-russian-form"
    summary = "Russian-form spelling of a Ukrainian name or place"
    category = "terminology/name"
    severity = "major"

    def check(self, article, ctx):
        glossary = ctx.glossary
        tokens = article.tokens
        index_of = None
        for m in glossary.find(article):
            if m.kind != RUSSIAN or glossary.in_exception(article, m.start, m.end, m.entry):
                continue
            entry = m.entry
            if entry.type != "given-name":
                fix = match_case(m.fix or entry.name, m.form)
                yield self.finding(
                    m.start, m.end,
                    f"“{m.form}” is the Russian-form spelling of {entry.name}; Ukrainian names "
                    f"are romanised from Ukrainian",
                    [fix], safe=True)
                continue
            if index_of is None:
                index_of = {t.start: i for i, t in enumerate(tokens)}
            i = index_of[m.start]
            verdict, reason = self._is_ukrainian(article, tokens, i, glossary)
            if verdict:
                fix = match_case(entry.name, m.form)
                yield self.finding(
                    m.start, m.end,
                    f"“{m.form}” is the Russian form of the Ukrainian name {entry.name} ({reason})",
                    [fix], safe=reason.startswith("glossary"))

    @staticmethod
    def _is_ukrainian(article, tokens, i, glossary):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt and nxt.sentence == tokens[i].sentence and nxt.text[:1].isupper():
            for entry in glossary.people_by_surname.get(nxt.text, ()):
                if entry.country == "UA":
                    return True, f"glossary: {entry.name} is Ukrainian"
                return False, ""
        sentence = tokens[i].sentence
        for j in range(i - 1, max(-1, i - 1 - _CUE_WINDOW), -1):
            t = tokens[j]
            if t.sentence != sentence:
                break
            if _RUSSIAN_CUE.match(t.text):
                return False, ""
            if _UKRAINIAN_CUE.match(t.text):
                return True, f"the text calls the person {t.text}"
        return False, ""
