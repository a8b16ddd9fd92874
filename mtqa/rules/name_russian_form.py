import re

from mtqa.article import positions_of
from mtqa.glossary import CANONICAL, RUSSIAN, VARIANT, match_case
from mtqa.registry import Rule, register

# Words in the few tokens before a name that say whose name it is.
_UKRAINIAN_CUE = re.compile(r"^(Ukrainian|Ukrainians|Ukraine|Kyiv|Ukraine's|Ukraine’s)$")
_RUSSIAN_CUE = re.compile(r"^(Russian|Russians|Russia|Kremlin|Moscow|Belarusian|Belarus|Soviet)$")
_CUE_WINDOW = 6
_UKRAINE_WORDS = frozenset({"Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev", "UKRAINE"})


def _about_ukraine(token_texts, source_lang) -> bool:
    """Context for places the glossary does not list: translated from Ukrainian, or the article
    names Ukraine, Ukrainians or Kyiv."""
    return source_lang == "uk" or not _UKRAINE_WORDS.isdisjoint(token_texts)


def _demonym_of(word: str, glossary):
    """The non-Ukrainian country a regular English demonym names (Moldovan → Moldova, Georgian
    → Georgia, Belarusian → Belarus), from the glossary's countries; else None."""
    if not word[:1].isupper() or not word.endswith("n"):
        return None
    for stem in (word[:-1], word[:-3] if word.endswith("ian") else None,
                 word[:-2] + "a" if word.endswith("an") else None):
        entry = glossary.by_name.get(stem) if stem else None
        if (entry is not None and entry.type == "place" and entry.country
                and entry.country != "UA" and "country" in entry.note):
            return entry.name
    return None


# what may stand between a cue and the name it qualifies: words and spaces ("Moldova's prime
# minister Natalia"), not a clause break ("… to the Czech Republic," Marina added)
_ATTACHED_GAP = re.compile(r"[\w\s'’.-]*")


def _attached_foreign_cue(article, cue, name, foreign, glossary):
    """The other country a cue token ties the person named at `name` to, or None: a place of
    another country in the possessive ("Moldova's prime minister") or a demonym ("Georgian
    MP"), with only words between it and the name. Where someone lives or speaks ("refugees
    in the Czech Republic, Marina said") is no evidence of nationality."""
    gap = article.text[cue.end:name.start]
    if not _ATTACHED_GAP.fullmatch(gap):
        return None
    place = foreign.get(cue.start)
    if place and gap[:2] in ("'s", "’s"):
        return place
    return _demonym_of(cue.text, glossary)


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
    - with `--source-lang uk`, a Russian-form given name followed by a surname, unless the
      glossary or the words just before it make the person non-Ukrainian (not safe): a
      Russian cue, or a place of another country or its demonym ("Moldova's prime minister
      Natalia Gavrilița", "Georgian MP Nino ...");
    - other mentions of the same given name in an article where one mention was shown to be
      Ukrainian ("Ukrainian refugee Marina ... Marina said") (not safe).
    A given name followed by the surname of a non-Ukrainian glossary person is never flagged.

    Places the glossary does not list come from GeoNames (mtqa/data/ua-russian-forms.tsv,
    scripts/build_ua_places.py): 3,000 Russian-derived spellings of Ukrainian towns, villages
    and city districts with their KMU 2010 romanisation ("Vinogradar" -> Vynohradar,
    "Poznyaki" -> Pozniaky). Only forms that name no place outside Ukraine and are no English
    word or given name are listed, and they are flagged only in an article about Ukraine
    (translated from Ukrainian, or naming Ukraine, Ukrainians or Kyiv); not safe, since a
    namesake may exist.
    """

    id = "name-russian-form"
    summary = "Russian-form spelling of a Ukrainian name or place"
    category = "terminology/name"
    severity = "major"
    examples = {
        "flag": [
            {'text': 'Ukrainian adviser Mikhail Podolyak spoke in Kyiv.', 'fixed': 'Ukrainian adviser Mykhailo Podolyak spoke in Kyiv.'},
            {'text': 'Shops in the Vinogradar district of Kyiv burned.', 'fixed': 'Shops in the Vynohradar district of Kyiv burned.'},
            {'text': 'Adviser Mikhail Podolyak tweeted.', 'fixed': 'Adviser Mykhailo Podolyak tweeted.'},
            {'text': 'Troops left Gostomel.', 'fixed': 'Troops left Hostomel.'},
            {'text': 'Mayor Natalia Kovalenko spoke on Monday.', 'source_lang': 'uk', 'fixed': 'Mayor Nataliia Kovalenko spoke on Monday.'},
        ],
        "leave": [
            'Russian Foreign Minister Sergey Lavrov met Maria in Moscow.',
            'Shops in Vinogradar burned.',
            {'text': 'Dmitry Peskov spoke in Moscow.', 'source_lang': 'ru'},
            'Russian envoy Mikhail Ulyanov spoke.',
            'Maria stayed in Kharkiv.',
            {'text': "Moldova's prime minister Natalia Gavrilița spoke in Kyiv.", 'source_lang': 'uk'},
            {'text': 'The Georgian MP Natalia Kovalenko spoke on Monday.', 'source_lang': 'uk'},
            {'text': 'Russian Foreign Minister Sergey Lavrov spoke.', 'source_lang': 'uk'},
        ],
    }

    def check(self, article, ctx):
        glossary = ctx.glossary
        tokens = article.tokens
        index_of = None
        undecided = []  # lone given-name mentions without evidence of their own
        decided = {}    # form -> reason, from a mention shown to be Ukrainian
        contested = set()  # forms of which some mention was shown not to be Ukrainian
        found = glossary.find(article)
        # where the text names a place of another country ("Moldova's prime minister"): a
        # cue that the person after it is not Ukrainian (issue 12)
        foreign = {m.start: m.entry.name for m in found
                   if m.kind in (CANONICAL, VARIANT) and m.entry.type == "place"
                   and m.entry.country and m.entry.country != "UA"}
        for m in found:
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
            verdict, reason = self._is_ukrainian(article, tokens, i, glossary,
                                                 ctx.source_lang, foreign)
            if verdict:
                decided.setdefault(m.form, reason)
                yield self._given_name_finding(m, reason)
            elif verdict is False:
                contested.add(m.form)
            elif not self._has_surname(article, tokens, i):
                undecided.append(m)
        yield from self._gazetteer_forms(article, ctx)
        # A lone given name elsewhere in the article is, most often, the same person, unless
        # the article also has a non-Ukrainian of that name.
        for m in undecided:
            if m.form in decided and m.form not in contested:
                yield self._given_name_finding(
                    m, f"the article calls {m.form} Ukrainian elsewhere ({decided[m.form]})",
                    safe=False)

    def _gazetteer_forms(self, article, ctx):
        tokens = article.tokens
        texts = article.token_texts
        if not _about_ukraine(texts, ctx.source_lang or article.source_lang):
            return
        from mtqa.realnames import ua_russian_forms

        table = ua_russian_forms()
        glossary = ctx.glossary
        text = article.text
        covered = None
        next_free = 0  # a match's words are not the start of another
        for i in positions_of(texts, table.first_words()):  # words that start a listed form
            if i < next_free:
                continue
            for words, form, house in table.get(texts[i], ()):
                j = i + len(words)
                if tuple(texts[i:j]) != words:
                    continue
                start, end = tokens[i].start, tokens[j - 1].end
                if text[start:end] != form or glossary.lookup(form):
                    continue
                if covered is None:
                    covered = [(m.start, m.end) for m in glossary.find(article)]
                if any(s < end and start < e for s, e in covered):
                    continue
                yield self.finding(
                    start, end,
                    f"“{form}” is the Russian-derived spelling of {house}, a place in Ukraine "
                    f"(GeoNames); Ukrainian places are romanised from Ukrainian (KMU 2010)",
                    [house])
                next_free = j
                break

    def _given_name_finding(self, m, reason, safe=None):
        fix = match_case(m.entry.name, m.form)
        return self.finding(
            m.start, m.end,
            f"“{m.form}” is the Russian form of the Ukrainian name {m.entry.name} ({reason})",
            [fix], safe=reason.startswith("glossary") if safe is None else safe)

    @staticmethod
    def _has_surname(article, tokens, i) -> bool:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return bool(nxt and nxt.sentence == tokens[i].sentence and nxt.text[:1].isupper()
                    and article.text[tokens[i].end:nxt.start] == " ")

    @classmethod
    def _is_ukrainian(cls, article, tokens, i, glossary, source_lang, foreign=None):
        """(True, reason) Ukrainian; (False, reason) not; (None, "") no evidence either way.
        Evidence of another nationality (the glossary's country, a Russian cue, a place of
        another country or its demonym just before the name: "Moldova's prime minister",
        "Georgian MP") always wins over --source-lang uk: a Ukrainian source writes about
        foreigners too."""
        foreign = foreign or {}
        has_surname = cls._has_surname(article, tokens, i)
        if has_surname:
            for entry in glossary.people_by_surname.get(tokens[i + 1].text, ()):
                if entry.country == "UA":
                    return True, f"glossary: {entry.name} is Ukrainian"
                return False, f"glossary: {entry.name} is not Ukrainian"
        sentence = tokens[i].sentence
        for j in range(i - 1, max(-1, i - 1 - _CUE_WINDOW), -1):
            t = tokens[j]
            if t.sentence != sentence:
                break
            if _RUSSIAN_CUE.match(t.text):
                return False, f"the text calls the person {t.text}"
            place = _attached_foreign_cue(article, t, tokens[i], foreign, glossary)
            if place:
                return False, f"the text ties the person to {place}"
            if _UKRAINIAN_CUE.match(t.text):
                return True, f"the text calls the person {t.text}"
        if source_lang == "uk" and has_surname:
            return True, "the article was translated from Ukrainian"
        return None, ""
