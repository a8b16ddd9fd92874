"""One source name rendered two ways in one translated article: the article's own expected
spelling is the evidence against the other (Mahachev beside Makhachev, both for Махачев).

The per-paragraph comparison (mtqa/source/name_differences.py) leaves a near spelling alone
when, on its own, it may be right: letters no romanisation writes (a foreign original:
Mahachev, Germanica, Cotin), a word English text knows (Nasty, Throne), another case form
(Zaboty). With the source at hand the article is one unit: when the translation renders one
source name (the same source lemma) by its expected form in one paragraph and by such a near
spelling in another paragraph, the near spelling is no original and no English word — the
translation itself spells the name otherwise — and it is flagged with the expected spelling the
article already uses as the fix ("Makhachev, as this article writes it for Махачев elsewhere").

The source lemma: the source word as written, or the nominative the source's grammar settles
for it (names.masculine_oblique, surname_gender, attested_nominative: the same readings the
per-paragraph check uses), so Насти and Настя are one name and the woman Иванова is not
Иванов's. A lemma read two ways in one document (a man's Иванова here, a woman's there) is two
people and is left alone, as are words of several people that share a surname (different given
names before them), and a target word that spells another name of the source (Olga for Оля
where the article also names an Ольга: a hypocoristic is another source word).

Only expected forms count as the evidence (a house form as written, a romanisation by its
accepted spellings): the house form wins, never a majority. A paragraph whose target has the
expected form is not flagged again, and a word the per-paragraph comparison already flags keeps
its one finding.
"""
from __future__ import annotations

import re
from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple

from mtqa.lexicon import world_names, zipf
from mtqa.realnames import is_given_name
from mtqa.source.names import (Expected, accepted_key, attested_nominative, derivation,
                               distance, masculine_oblique, near, near_limit, russian_formed,
                               skeleton, surname_gender, transcribable)
from mtqa.source.name_person import east_slavic_given_name
from mtqa.source.romanize import lemma_forms

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# a given name (capitalised) right before a surname, to tell people sharing a surname apart
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]{2,})\s+$")


class _Occurrence(NamedTuple):
    paragraph: object     # name_differences._Paragraph
    s0: int
    s1: int
    word: str
    initial: bool


class Consistency:
    """The source names of an article's paragraphs (collected while the per-paragraph
    comparison runs) and, once all are in, the targets that render one name two ways."""

    def __init__(self, document):
        self.document = document
        self.occurrences: List[_Occurrence] = []
        self.by_paragraph: Dict[int, List[_Occurrence]] = {}

    def add(self, paragraph, names):
        """The source names (name_differences.source_names) of one compared paragraph."""
        if self.document.lang in ("ru", "uk"):
            found = [_Occurrence(paragraph, s0, s1, w, i) for s0, s1, w, i in names
                     if _CYRILLIC_RE.search(w)]
            self.occurrences.extend(found)
            self.by_paragraph[id(paragraph)] = found

    def differences(self) -> Iterator:
        """Differences (name_differences.Difference) for the near spellings of a name whose
        expected form the article writes in another paragraph."""
        if len(self.occurrences) < 2:
            return
        # the lemmas and the source's spellings depend on the source words of the compared
        # paragraphs alone: read once per source and set of compared words (a batch audits
        # every system's translation of one source), kept as indices into the occurrences
        key = ("lemmas",) + tuple(o.s0 for o in self.occurrences)
        memo = self._memo()
        if key not in memo:
            if len(memo) >= 65536:  # (one source, very many translations): start again
                memo.clear()
            memo[key] = self._source_lemmas()
        found, spelled = memo[key]
        if not found:
            return
        lemmas = {lemma: (expected, [self.occurrences[k] for k in indices], confirmed)
                  for lemma, (expected, indices, confirmed) in found.items()}
        flagged: set = set()  # target tokens flagged here (one finding per word)
        for lemma, (expected, occurrences, confirmed) in lemmas.items():
            yield from self._group(lemma, expected, occurrences, confirmed, spelled, flagged)

    def _source_lemmas(self):
        """(lemma -> (expected forms, indices of its occurrences, confirmed): `_lemmas`;
        every name the source writes, read as written and as settled, by accepted key)."""
        lemmas = self._lemmas()
        if not lemmas:
            return {}, {}
        # every name the source writes, read as written (and as settled): a target spelling one
        # of them is that name, not a variant of another (Olga: Ольга, not Оля)
        lang = self.document.lang
        spelled: Dict[str, set] = {}
        for word in {o.word for o in self.occurrences}:
            e = self.document.expected(word)
            if e is not None:
                spelled.setdefault(accepted_key(e.forms[0], lang), set()).add(word.lower())
        for lemma, (expected, occurrences, _) in lemmas.items():
            spelled.setdefault(accepted_key(expected.forms[0], lang), set()).add(lemma)
        index = {id(o): k for k, o in enumerate(self.occurrences)}
        return {lemma: (expected, tuple(index[id(o)] for o in occurrences), confirmed)
                for lemma, (expected, occurrences, confirmed) in lemmas.items()}, spelled

    def _lemmas(self) -> Dict[str, Tuple[Expected, List[_Occurrence], bool]]:
        """lemma (lower case) -> (its expected forms, its occurrences, whether the grammar
        gave it to some occurrence: a nominative), for lemmas written in two paragraphs or
        more."""
        document, lang = self.document, self.document.lang
        by_word: Dict[str, List[_Occurrence]] = {}
        # a lemma's forms share their first letters (Шор, Шора; Настя, Насти): a word whose
        # first three letters no other paragraph writes forms no group (most words; cheap)
        paragraphs_of: Dict[str, set] = {}
        for o in self.occurrences:
            paragraphs_of.setdefault(o.word[:3].lower(), set()).add(id(o.paragraph))
        for o in self.occurrences:
            if len(paragraphs_of[o.word[:3].lower()]) > 1:
                by_word.setdefault(o.word, []).append(o)
        groups: Dict[str, List[_Occurrence]] = {}
        confirmed = set()  # lemmas the grammar gave some occurrence: nominatives
        initial_only = []
        for word, occurrences in by_word.items():
            expected = document.expected(word)
            # compared at all (no adjective, no Ukrainian owner's name, ...); a sentence-initial
            # word counts when the document also writes it inside a sentence (a name)
            if expected is None or not any(self._reading(o, expected)[0] for o in occurrences):
                continue
            if not expected.exact and all(o.initial for o in occurrences):
                initial_only.append((word, occurrences))
                continue
            settled = [None if expected.exact else self._reading(o, expected)[1]
                       for o in occurrences]
            readings = {s for s in settled if s}
            if len(readings) > 1:
                continue  # read two ways: two people (a man's Иванова, a woman's)
            if readings and not _possibly_feminine(word, lang):
                # one word, one name: its other occurrences have the nominative the grammar
                # gave one of them (партією Шора beside Ілана Шора), unless the word may be
                # a woman's name too (Петрова, Александра)
                settled = [next(iter(readings))] * len(settled)
            for o, s in zip(occurrences, settled):
                groups.setdefault((s or word).lower(), []).append(o)
                if s:
                    confirmed.add(s.lower())
        # a word written only at the start of sentences is a name when the grammar gives it
        # to another word (Настя, the nominative of the article's Насти)
        for word, occurrences in initial_only:
            if word.lower() in confirmed:
                groups[word.lower()].extend(occurrences)
        out = {}
        for lemma, occurrences in groups.items():
            if len({id(o.paragraph) for o in occurrences}) < 2 or self._several_people(
                    occurrences):
                continue
            expected = document.expected(lemma[:1].upper() + lemma[1:])
            if expected is not None:
                out[lemma] = (expected, occurrences, lemma in confirmed)
        return out

    def _paragraph_names(self, paragraph, names) -> set:
        """The keys of every candidate form of the paragraph's other source names."""
        out = set()
        for o in self.by_paragraph[id(paragraph)]:
            if o.word.lower() not in names:
                e = self.document.expected(o.word)
                if e is not None:
                    out |= _keys(e.forms + e.accepted, self.document.lang)
        return out

    def _memo(self) -> dict:
        """What is read of this source once, whichever translation of it is audited: kept on
        the source's _Document (name_differences._document), shared by its translations."""
        return self.document.readings

    def _several_people(self, occurrences: List[_Occurrence]) -> bool:
        memo = self._memo()
        key = tuple(o.s0 for o in occurrences)
        if key not in memo:
            memo[key] = _several_people(self.document.text, occurrences)
        return memo[key]

    def _reading(self, o: _Occurrence, expected: Expected) -> Tuple[bool, Optional[str]]:
        """(whether the occurrence is compared at all, the nominative its grammar settles)."""
        # (not at the top: name_differences imports this module)
        from mtqa.source.name_differences import is_compared

        readings = self._memo()
        try:
            return readings[o.s0]
        except KeyError:
            compared = is_compared(o.paragraph, o.s0, o.word, expected, False,
                                   o.paragraph.quote_start(o.s0) is not None)
            found = readings[o.s0] = (compared, None if expected.exact else self._settled(o))
            return found

    def _settled(self, o: _Occurrence) -> Optional[str]:
        """The nominative the source's grammar gives the occurrence (a man's Полина: Полин;
        Насти beside the article's Настя), or None: the word as written."""
        document, lang = self.document, self.document.lang
        masculine = masculine_oblique(document.text, o.s0, o.s1, lang, document.words)
        if masculine:
            return masculine
        gendered = surname_gender(document.text, o.s0, o.s1, lang)
        if gendered:
            return gendered[0]
        if _nominative_in_compound(document.text, o.s0, o.s1):
            return o.word
        before = _WORD_BEFORE_RE.search(document.text, max(0, o.s0 - 20), o.s0)
        if before and o.word[-1:] == "а" and _CONSONANT_END.search(o.word[:-1]) and \
                masculine_oblique(document.text, before.start(1), before.end(1), lang,
                                  document.words):
            # a surname after a man's given name in the genitive or accusative shares its
            # case (Ілана Шора: Shor's genitive)
            return o.word[:-1]
        if o.initial:
            return None
        # (a woman's given name first: the bare stem of Нади is also the preposition над)
        return _feminine_given_name_oblique(o.word, lang, document.words) or \
            attested_nominative(o.word, lang, document.words)

    def _group(self, lemma: str, expected: Expected, occurrences: List[_Occurrence],
               confirmed: bool, spelled, flagged: set):
        """The differences of one source lemma."""
        # (not at the top: name_differences imports this module)
        from mtqa.source.name_differences import Difference

        lang = self.document.lang
        # the evidence: the name's form as written (the nominative the grammar settled, or
        # the word itself), in an accepted spelling; a paragraph with any candidate form of an
        # unsettled word (Navalny for Навального) is no inconsistency either
        evidence = _keys(expected.forms[:1] + expected.accepted[:1], lang)
        accepted = evidence if confirmed else _keys(expected.forms + expected.accepted, lang)
        written: List[str] = []
        rest: List[_Occurrence] = []
        for o in occurrences:
            texts = [t.text for t in o.paragraph.targets]
            if any(_is_good(t, expected, accepted, lang) for t in texts):
                written.extend(t for t in texts if _is_good(t, expected, evidence, lang)
                               and t not in written)
            else:
                rest.append(o)
        if not written or not rest:
            return
        # the expected form itself before another accepted spelling (Krikalev, Krykalev)
        first = accepted_key(expected.forms[0], lang)
        written.sort(key=lambda t: accepted_key(t, lang) != first)
        origin = f"as this article writes it elsewhere for {occurrences[0].word}; {expected.origin}"
        names = {lemma} | {o.word.lower() for o in occurrences}
        # a foreign name's own spelling may be the right one where the article also writes
        # the romanisation (Jovovich, Corbijn, Adèle beside Yovovich, Korbain, Adel; the
        # Serbian Йовович ends as Russian names do)
        formed = lang == "ru" and not expected.exact and russian_formed(expected.forms)
        works = self.document.about_works  # a source about films, books, music
        # a given name of Russia, Belarus or Ukraine, which the article romanises elsewhere
        slavic = east_slavic_given_name(expected.forms[0])
        for o in rest:
            paragraph = o.paragraph
            own = set()
            word_expected = self.document.expected(o.word)
            if confirmed and word_expected is not None and not word_expected.exact:
                # the occurrence's other candidate nominatives: a copied case (Zaboty)
                own = _keys(word_expected.forms, lang) - accepted
            # the paragraph's other names, in any candidate form (Susanna is Сусанны's)
            others = self._paragraph_names(paragraph, names)
            for i, t, foreign in paragraph.comparable:
                if i in paragraph.best or id(t) in flagged:
                    continue  # flagged by the per-paragraph comparison: one finding
                text = t.text
                key = accepted_key(text, lang)
                if not spelled.get(key, set()) <= names or key in others:
                    continue  # another name of the source
                if any(_derived(text, f) for f in written):
                    continue  # Armenian, Argentinean beside Armenia, Argentina
                if key not in own and not _near(text, expected, lang):
                    continue
                # (a Russian-formed name's spelling no practical transcription gives is no
                # original even there: names.transcribable)
                original_possible = works and not (formed and not transcribable(
                    text, expected.forms))
                # (a copy of the source word's own case form is no original: Nadi for Нади,
                # though a town in Fiji is called so)
                if key not in own and _original(text, foreign, original_possible,
                                                slavic and not works):
                    continue
                form = _nearest(text, written, lang)
                if form is None:
                    continue
                flagged.add(id(t))
                yield Difference(t, form, (o.s0, o.s1), expected._replace(origin=origin),
                                 o.word)


def _nearest(text: str, written: List[str], lang: str) -> Optional[str]:
    """The first of the article's spellings of the name that the target word is near."""
    for form in written:
        # the bound of names.near, by the length of the form as written
        limit = near_limit(len(form), "ru", True)
        if distance(skeleton(text, "ru"), skeleton(form, "ru")) <= limit:
            return form  # (the expected form itself first)
    return None


def _original(text: str, foreign: bool, works: bool, slavic: bool = False) -> bool:
    """May the target word be a foreign name's own spelling, right where the article writes
    the romanisation: a name English text knows (Adele, Blanc, Loznica), or, in a source about
    films, books or music, a spelling with letters no romanisation writes (Corbijn, Jovovich)?
    An English dictionary word is no original but a translation (Throne for «Трон», Nasty for
    Насти); so is another country's equivalent of a Slavic given name the article romanises
    elsewhere (`slavic`: Natalie for Наталье beside Natalia), unless it is a given name of
    Russia, Belarus or Ukraine itself (Olga for Оля: the full name, Alena: another name)."""
    if is_given_name(text) and slavic and not east_slavic_given_name(text):
        return False
    if is_given_name(text) or text in world_names():
        return True
    return foreign and works and not _dictionary_word(text)


# the oblique endings of a feminine given name in -я/-а (Нади, Наталье, Валерии, Алесю)
_FEMININE_OBLIQUE = re.compile(r"(?<=[^\W\d_]{2})[иеюы]$")


def _feminine_given_name_oblique(word: str, lang: str, document_words) -> Optional[str]:
    """The feminine given name whose oblique form `word` is (Нади: Надя; Натальи, Наталье:
    Наталья): a woman's name in both readings, so one person (attested_nominative leaves
    given names alone: Александра beside Александр is another)."""
    from mtqa.source.romanize import romanize

    if not _FEMININE_OBLIQUE.search(word):
        return None
    # unwritten, the nominative still counts when the word itself is no given name (Натальи,
    # Наталье: only Наталья's; but Мари may be a Мария's or the French Marie)
    as_written = is_given_name(romanize(word, lang).capitalize())
    for ending in ("я", "а"):
        candidate = word[:-1] + ending
        name = romanize(candidate, lang).capitalize()
        if candidate.lower() in document_words and is_given_name(name) or \
                not as_written and east_slavic_given_name(name):
            return candidate
    return None


def _dictionary_word(text: str) -> bool:
    from mtqa.spelling import dictionary

    return text.lower() in dictionary() and zipf(text.lower()) >= 3.0


def _keys(forms, lang: str) -> set:
    return {accepted_key(f, lang) for f in forms}


def _is_good(text: str, expected: Expected, good: set, lang: str) -> bool:
    """Is the target word an expected form of the name (a house form as written; a
    romanisation in an accepted spelling)?"""
    if expected.exact:
        return text in expected.forms
    return text[:1].isupper() and accepted_key(text, lang) in good


def _near(text: str, expected: Expected, lang: str) -> bool:
    return any(near(text, f, lang, expected.exact) is not None and not derivation(text, f)
               for f in expected.forms if abs(len(f) - len(text)) <= 4)


# The second part of a hyphenated name, ending in a consonant: a nominative (or an inanimate
# accusative). Both parts of a hyphenated compound name agree in case (Петропавловск-Камчатский,
# Петропавловска-Камчатского; Rosenthal, § on compound place names), so a first part in -а/-я
# before it is a nominative as written (Маргара-Алиджан: Margara, no genitive of a Маргар,
# which would need Алиджана). The second part only: a fixed first part does not decline
# (Санкт-Петербурга, Усть-Каменогорска).
_COMPOUND_PARTNER_RE = re.compile(r"-([А-ЯЁІЇЄҐ][^\W\d_]{2,})(?![-\w])")
_CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def _nominative_in_compound(text: str, s0: int, s1: int) -> bool:
    """Is the word at s0:s1, ending in -а/-я, the first part of a hyphenated name whose
    second part ends in a consonant?"""
    if text[s1 - 1:s1] not in ("а", "я") or text[s0 - 1:s0] == "-":
        return False
    partner = _COMPOUND_PARTNER_RE.match(text, s1)
    return bool(partner) and bool(_CONSONANT_END.search(partner.group(1)))


# feminine surname forms (the wife's Петрова, Иванова) and adjectival names
_FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ая|яя|ська|цька)$")


def _possibly_feminine(word: str, lang: str) -> bool:
    """May the word be a woman's name as written (a feminine surname form, a given name)?"""
    from mtqa.source.romanize import romanize

    return bool(_FEMININE_SURNAME.search(word.lower())) or is_given_name(
        romanize(word, lang).capitalize())


# English adjectives and demonyms of a name (Armenian, Argentinean, Argentinian, Iranian): the
# name's stem, less a final vowel, with a derivational ending
_DERIVED_ENDINGS = ("n", "an", "ian", "ean", "ese", "ish", "ic", "i", "s", "ns", "ans", "ians",
                    "eans", "e", "es")


def _derived(text: str, name: str) -> bool:
    if derivation(text, name):
        return True
    low, stem = text.lower(), name.lower().rstrip("aeiouy")
    return len(low) > len(name) and low.startswith(stem) and low[len(stem):] in _DERIVED_ENDINGS


def _several_people(text: str, occurrences: List[_Occurrence]) -> bool:
    """Are the occurrences preceded by two different given names (Виталий Кличко and
    Владимир Кличко): people sharing a surname, each with a spelling of their own?"""
    given = []  # the given-name readings of the word before each occurrence
    for o in occurrences:
        before = _WORD_BEFORE_RE.search(text, max(0, o.s0 - 20), o.s0)
        if not before or not before.group(1)[:1].isupper():
            continue
        readings = {f for f in lemma_forms(before.group(1), o.paragraph.lang) if is_given_name(f)}
        if readings:
            given.append(readings)
    # two given names no case form of one another (Виталия, Виталий are one)
    return any(a.isdisjoint(b) for i, a in enumerate(given) for b in given[i + 1:])
