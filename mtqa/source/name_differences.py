"""The names of a source paragraph whose expected English form its translation lacks: the
comparison behind the source-name rule (mtqa/rules/source_name.py), one function per class of
error.

For each aligned paragraph pair (`_Paragraph`) every capitalised source word is checked
(`_check_word`) in this order:

1. its grammar (`_grammar`): a masculine genitive read as a feminine name (Alexandra for
   после Александра Петрова), a surname read in the other gender (Anna Kikin for Анна
   Кикина), an oblique case copied where the article writes the nominative (Amura for
   «Амура» beside «Амур»), or where the word's context shows its case, and a declined
   adjectival toponym (name_case: Novodente for в Новоденте, Urikov for Уриковской школы);
2. whether it is compared at all (`is_compared`): a known house form, or a romanised name that
   is no adjective and no Ukrainian quoted name (the owner's own spelling);
3. a quoted Russian name's declension (`_quoted_case`): Lente for «Ленте.ру»;
4. the nominative to suggest (`_suggestion`): the one the source settles, not the nearest;
5. the target words near the expected form (`_compare_spellings`), less those spelled by
   another system (`_spelled_otherwise`: a foreign original, a national form keeping g, a
   foreign name's own spelling) and those English text knows (`_english_word`), except a
   translated quoted name (Tractor for «Трактор»), a Russian person's given name replaced by
   its English equivalent (Victor Katanaev) and a Ukrainian patronymic in its Russian form;
   an East Slavic person's name keeps no foreign spelling (name_person: Germanica).

The best candidate per target word is kept (`_Paragraph.record`); `differences` yields them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from typing import Dict, Iterator, NamedTuple, Optional, Tuple, Union

from rapidfuzz.distance import Levenshtein

from mtqa.lexicon import world_names, zipf
from mtqa.realnames import is_given_name
from mtqa.source.names import (Expected, accepted_key, attested_nominative,
                               declined_quoted_nominatives, derivation, distance,
                               expected_forms, foreign_spelling, masculine_oblique, near,
                               near_limit, original_key, russian_formed, russian_person_given_name,
                               skeleton, surname_gender, transcribable, ukrainian_formed,
                               ukrainian_patronymic)
from mtqa.source import name_case
from mtqa.source.document import lower_words
from mtqa.source.name_consistency import Consistency
from mtqa.source.name_person import People, given_forms, people, record_translated_given
from mtqa.source.romanize import lemma_forms, romanize

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# place and surname adjectives in oblique cases (Запорізької, Лиманському, Ленинградский)
_ADJECTIVE_RE = re.compile(r"(?:ськ|цьк|зьк|ск|цк|зк)(?:ого|ому|ій|ої|ою|их|ими|им|ім|ая|ой|ую|ом|ий|ый)$"
                           # relational adjectives in -альн-, -ичн-, -енн- (Континентальной:
                           # English names the noun, Kontinental Hockey League)
                           r"|(?:альн|ельн|ичн|енн|онн)(?:ого|ому|ой|ую|ая|ое|ый|ий|ым|ых|ыми|ій|ої|ою|их|ими)$")
# A name in quotation marks in a Ukrainian source is an organisation's, brand's, club's or
# work's name: its English form is the one the owner chose (Naftogaz, Energoatom, Ukrenergo for
# Нафтогаз, Енергоатом, Укренерго; the Russian club «Шинник» is Shinnik), not predictable by the
# national system, so only a house form is expected there
_QUOTED_RE = re.compile(r"«[^«»\n]{1,100}»|“[^“”\n]{1,100}”|„[^„“”\n]{1,100}[“”]|\"[^\"\n]{1,100}\"")
# Translated names: a Russian source's quoted name (a club, firm, brand: «Трактор»,
# «Локомотив», «Контур») rendered by a common English word (Tractor, Locomotive, Contour) was
# translated, not romanised. Without a gate (session 4) it raised ru (a) 0.13 -> 0.19 but
# reference findings 29 -> 42: in film and culture news a quoted name is as often a foreign
# work whose English original is the common word («Матрица», «Титаник», «Турист», «Хоббит»).
# So it applies only in a source document that names no works (no film, series, book, song,
# album, play, actor: _WORKS_RE) and only to a common English word (lower case at least
# TRANSLATED_WORD_ZIPF: Tractor, not the Egyptian club's own Ahly).
TRANSLATED_WORD_ZIPF = 3.0
_WORKS_RE = re.compile(r"[Фф]ильм|кино|картин[аеуы]\b|сериал|мультфильм|режисс[её]р|песн[яиюе]"
                       r"|альбом|спектакл|пьес[аеуы]\b|экраниз|сиквел|франшиз|трейлер|прокат"
                       r"|акт[её]р|актрис|в ролях|книг[аеиу]\b|роман[аеуы]?\b|повест[ьи]")
# target words at least this frequent in English are words, not names (zipf scale); a
# Latin-script source's words are compared with a stricter bar, since they are not romanised
COMMON_AFTER_ROMANISATION = 4.5
COMMON_AFTER_COPY = 3.0
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\W*$")  # the word before a quoted name
_ADJECTIVAL_NOMINATIVES = ("ская", "цкая", "ский", "цкий", "ська", "цька", "ський", "цький")


def source_names(text: str, start: int, end: int, sentence_starts):
    """Capitalised words of a source paragraph: (start, end, word, sentence_initial).
    Words in capitals (acronyms, headlines set in capitals) are left out."""
    if _LETTER_PAST_U0600_RE.search(text, start, end) is None:
        # (speed: only the capitalised words are visited, see _CAPITALISED_WORD_RE)
        for m in _CAPITALISED_WORD_RE.finditer(text[start:end]):
            word = m.group()
            if len(word) < 3 or word.isupper():
                continue
            s0 = start + m.start()
            yield s0, s0 + len(word), word, s0 in sentence_starts
        return
    for m in _WORD_RE.finditer(text, start, end):
        word = m.group()
        if not word[0].isupper() or len(word) < 3 or (word.isupper()):
            continue
        yield m.start(), m.end(), word, m.start() in sentence_starts


# The words of _WORD_RE that begin with an upper-case letter below U+0600 (Latin, Greek,
# Cyrillic, Armenian), found by a search led by those letters: the character before is no
# letter, nor an apostrophe after a letter (else _WORD_RE's word began earlier). Texts with a
# letter from U+0600 on take the plain loop over every word. Checked against it:
# tests/source/test_source_names_scan.py.
_UPPER_BELOW_U0600 = "".join(re.escape(chr(o)) for o in range(0x600)
                             if chr(o).isupper() and re.fullmatch(r"[^\W\d_]", chr(o)))
_CAPITALISED_WORD_RE = re.compile(f"[{_UPPER_BELOW_U0600}]"
                                  r"(?<![^\W\d_].)(?<![^\W\d_]['’ʼ].)"
                                  r"[^\W\d_]*(?:['’ʼ][^\W\d_]+)*")
_LETTER_PAST_U0600_RE = re.compile(r"[\u0600-\U0010ffff](?<=[^\W\d_])")


# the suggestion: one form, or the nominatives the grammar leaves open (no fix)
Suggestion = Union[str, Tuple[str, ...]]


class Difference(NamedTuple):
    """A target word (token) that should read `form`: the expected form of the source word
    `word` at `source_span`."""
    token: object
    form: Suggestion
    source_span: Tuple[int, int]
    expected: Expected
    word: str


class _Document:
    """What the checks read of the whole source document, each found once: for all the
    translations of one source (`_document`), as none of it depends on the translation."""

    def __init__(self, doc, glossary):
        self.text, self.lang, self.glossary = doc.text, doc.lang, glossary
        self._expected = {}  # word -> expected_forms (its own cache is a dict per glossary)
        self._words = None
        self._quoted_words = None
        self._people = None
        # source paragraph (index, span) -> its capitalised words (source_names), quotations
        self._names = {}
        self._quoted = {}
        # (source paragraph, its translation's capitalised words) -> (the comparable ones'
        # indices and foreign-spelling flags, the differences found): what the comparison
        # finds depends on the target words' texts alone, and translations of one source often
        # share a paragraph's names (71 % of WMT23's paragraphs repeat one read before)
        self._pairs = {}
        # name_consistency's readings of this source: {source offset: (compared, settled
        # nominative); the offsets of a lemma's occurrences: whether they name several people}
        self.readings = {}
        # name_case's readings of this source, made on first use: a source word's oblique
        # reading and adjectival toponym by its span; the street adjectives; per word, the
        # oblique case some context proves, and where the document writes each capitalised word
        self.case_readings = {}
        self.street_adjectives = None
        self.case_proven = None
        self.case_starts = None

    @cached_property
    def about_works(self) -> bool:
        """Whether the source is about films, books, music (_WORKS_RE), read once: its quoted
        names may be translated titles (see TRANSLATED_WORD_ZIPF)."""
        return bool(_WORKS_RE.search(self.text))

    def names(self, k: int, ss: int, se: int, doc):
        """The capitalised words (source_names) of source paragraph k at ss:se, found once."""
        key = (k, ss, se)
        found = self._names.get(key)
        if found is None:
            sentence_starts = {s for s, _ in doc.sentences[k]}
            found = self._names[key] = list(source_names(self.text, ss, se, sentence_starts))
        return found

    def quoted_spans(self, ss: int, se: int):
        """The quotations of the source paragraph at ss:se (Russian and Ukrainian)."""
        found = self._quoted.get((ss, se))
        if found is None:
            found = self._quoted[(ss, se)] = [
                m.span() for m in _QUOTED_RE.finditer(self.text, ss, se)] \
                if self.lang in ("uk", "ru") else []
        return found

    def earlier_pair(self, key):
        """What the comparison found for the paragraph pair `key` before, or None."""
        return self._pairs.get(key)

    def remember_pair(self, key, comparable, best):
        """Keep what the comparison found for the paragraph pair `key` (its comparable words'
        indices and foreign-spelling flags, the differences found) for `earlier_pair`."""
        if len(self._pairs) >= PARAGRAPHS_KEPT:  # (one source, very many translations)
            self._pairs.clear()
        self._pairs[key] = (tuple((i, foreign) for i, _, foreign in comparable), dict(best))

    @property
    def people(self) -> People:
        """The East Slavic persons the source names (name_person), found once."""
        if self._people is None:
            self._people = people(self.text, self.lang)
        return self._people

    @property
    def quoted_words(self):
        """The words the source writes inside quotation marks somewhere, lower case: a name
        quoted once is the owner's name wherever the document writes it (a straight quote
        after a long quoted speech pairs with the wrong mark: гендиректор "Шинника")."""
        if self._quoted_words is None:
            self._quoted_words = {w.lower() for m in _QUOTED_RE.finditer(self.text)
                                  for w in _WORD_RE.findall(m.group())}
        return self._quoted_words

    @property
    def words(self):
        """The source's words, lower case (Russian and Ukrainian sources; read once)."""
        if self._words is None:
            self._words = lower_words(self.text, _WORD_RE) \
                if self.lang in ("ru", "uk") else frozenset()
        return self._words

    def expected(self, word: str) -> Optional[Expected]:
        try:
            return self._expected[word]
        except KeyError:
            found = self._expected[word] = expected_forms(word, self.lang, self.glossary)
            return found


# The source documents read last: a source is audited with several translations (the 12
# systems of a WMT23 document, a re-check after a fix), and what the checks read of it (its
# words, people, the cases its grammar shows) is the same for each. A few are kept, the oldest
# dropped first: mtqa audits thousands of articles in one process.
_DOCUMENTS: Dict[Tuple[Optional[str], str, int], _Document] = {}
DOCUMENTS_KEPT = 16
PARAGRAPHS_KEPT = 4096  # compared paragraph pairs kept per source document


def _document(doc, glossary) -> _Document:
    """The source document's _Document, shared by its translations (with the same glossary)."""
    key = (doc.lang, doc.text, id(glossary))
    found = _DOCUMENTS.get(key)
    if found is None or found.glossary is not glossary:  # (an id reused by a new glossary)
        while len(_DOCUMENTS) >= DOCUMENTS_KEPT:
            del _DOCUMENTS[next(iter(_DOCUMENTS))]
        found = _DOCUMENTS[key] = _Document(doc, glossary)
    return found


class _Paragraph:
    """One aligned paragraph pair: the target words worth comparing, what the target holds,
    and the best difference so far per target word (index into `targets` -> (rank, form,
    source span, expected, source word))."""

    def __init__(self, document: _Document, source_span, targets, comparable):
        self.document, self.lang = document, document.lang
        self.source_span = source_span
        self.targets = targets
        self.comparable = comparable
        self.quoted = document.quoted_spans(*source_span)
        self.best = {}
        self._romanised = None  # spells_other_name: the paragraph's names romanised, and
        self._spelled = {}      # target word -> the names it spells
        # near_candidates: the comparable words by the length of their Russian skeleton,
        # (position, length, skeleton), made for the word lengths asked so far
        self._by_skeleton, self._lengths_ready = {}, set()
        self._candidates = {}  # (forms, exact, patronymic) -> near_candidates, per paragraph

    # what the target holds, as written and by accepted_key: read only where a paragraph is
    # compared (not one whose differences were found before: _Document.earlier_pair)
    @cached_property
    def exact_present(self):
        return {t.text for t in self.targets}

    @cached_property
    def loose_present(self):
        return {accepted_key(t.text, self.lang) for t in self.targets}

    @cached_property
    def by_length(self):
        """The comparable target words by length: length -> [position in comparable]."""
        index = {}
        for p, (_, t, _) in enumerate(self.comparable):
            index.setdefault(len(t.text), []).append(p)
        return index

    def near_candidates(self, forms, exact: bool, patronymic: bool):
        """The comparable target words that may be near one of `forms` (_near_forms), in
        their order: a source name of a credits paragraph looks at the few target words
        within the distance `near` allows, not at every one. Exact (tests/source/
        test_name_candidates.py): _near_forms takes a length within 4, `near` a distance of
        the Russian skeletons within its limit, the patronymic test within 2. A skeleton is
        made only for a word and form of comparable lengths (the first skeleton of a word is
        what costs)."""
        key = (forms, exact, patronymic)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = self._near_candidates(forms, exact, patronymic)
        return found

    def _near_candidates(self, forms, exact: bool, patronymic: bool):
        by_length, by_skeleton, ready = self.by_length, self._by_skeleton, self._lengths_ready
        comparable = self.comparable
        found = set()
        for form in forms:
            size = len(form)
            lengths = [n for n in range(size - 4, size + 5) if n in by_length]
            if not lengths:
                continue
            for n in lengths:  # the skeletons of the words of these lengths, made once
                if n not in ready:
                    ready.add(n)
                    for p in by_length[n]:
                        k = skeleton(comparable[p][1].text, "ru")
                        by_skeleton.setdefault(len(k), []).append((p, n, k))
            b = skeleton(form, "ru")
            n = len(b)
            bound = near_limit(n, self.lang, exact)
            if patronymic:
                bound = max(bound, 2)
            for length in range(n - bound, n + bound + 1):
                for p, raw, k in by_skeleton.get(length, ()):
                    if p not in found and abs(size - raw) <= 4 and \
                            Levenshtein.distance(k, b, score_cutoff=bound) <= bound:
                        found.add(p)
        return [comparable[p] for p in sorted(found)]

    def record(self, i: int, rank, form: Suggestion, span, expected: Expected, word: str):
        """Keep the candidate for target word i unless a closer one is kept."""
        if i not in self.best or rank < self.best[i][0]:
            self.best[i] = (rank, form, span, expected, word)

    def present(self, expected: Expected) -> bool:
        """Is a form of the expected name in the target paragraph: a house form as written, a
        plain romanisation (or an accepted spelling of it) by accepted_key?"""
        if expected.exact:
            return any(f in self.exact_present for f in expected.forms)
        # a form written as is holds its key (and needs no key of every target word made);
        # else the forms' keys one by one, the likeliest first: a name the target holds is
        # found before the keys of its other spellings are made
        if self.written(expected):
            return True
        loose, lang = self.loose_present, self.lang
        return any(accepted_key(f, lang) in loose for f in expected.forms + expected.accepted)

    def written(self, expected: Expected) -> bool:
        """Is a form or accepted spelling of the name in the target as written?"""
        exact_present = self.exact_present
        return any(f in exact_present for f in expected.forms + expected.accepted)

    def holds_key(self, form: str) -> bool:
        """Does a target word share the form's accepted_key (the form as written does)?"""
        return form in self.exact_present or accepted_key(form, self.lang) in self.loose_present

    def quote_start(self, s0: int) -> Optional[int]:
        """Where the quotation holding the source word at s0 opens, or None."""
        return next((q0 for q0, q1 in self.quoted if q0 <= s0 < q1), None)

    def spells_other_name(self, target: str, word: str) -> bool:
        """Does the target word spell another name of the paragraph as written, in any scheme
        or as an original (Alexandra for Александра Суздалева beside an Александр; Ollie for
        Олли beside an Ольга)?"""
        if self._romanised is None:  # the paragraph's names as written, romanised
            ss, se = self.source_span
            self._romanised = {w: romanize(w, self.lang) for _, _, w, _ in
                               source_names(self.document.text, ss, se, ())}
        # the names the target spells, found once per target word: a paragraph of many names
        # (a film's credits) asks this for every pair of a target word and a name
        spelled = self._spelled.get(target)
        if spelled is None:
            spelled = self._spelled[target] = frozenset(
                w for w, f in self._romanised.items() if transcribable(target, (f,)))
        return bool(spelled) and any(w != word for w in spelled)

    def record_case_copy(self, nominatives: Tuple[str, ...], word: str, span):
        """Record a target word that copies the source word's oblique case (Amura for У
        «Амура») when the source article writes the name's nominative (Амур: names.
        attested_nominative) or the grammar of a quoted name gives it (names.
        declined_quoted_nominatives), and no form of it is in the target paragraph. With two
        candidate nominatives (на «Кинотавре»: Кинотавр or Кинотавра) the difference names
        both and suggests no fix: a guess would be wrong half the time (Lent for
        «Ленте.ру»)."""
        lang = self.lang
        as_written = self.document.expected(word)  # cached; forms[0] is the word romanised
        if as_written is None or as_written.exact:
            return  # a house form is compared as usual
        copy = accepted_key(as_written.forms[0], lang)
        copies = [i for i, t, _ in self.comparable if accepted_key(t.text, lang) == copy]
        if not copies:  # most oblique names are not copied: the cheap test first
            return
        expected = [e for e in map(self.document.expected, nominatives) if e is not None]
        if not expected or any(copy in {accepted_key(f, lang) for f in e.forms}
                               for e in expected):
            return
        if any(self.present(e) for e in expected):
            return
        form = expected[0].forms[0] if len(expected) == 1 else tuple(e.forms[0] for e in expected)
        for i in copies:
            self.best[i] = ((-1, 0), form, span, expected[0], word)

    def record_gender(self, right: str, wrong: str, word: str, span):
        """Record a target word that reads the source word `word` as the name `wrong` when
        the source's grammar makes it the name `right` and no form of `right` is in the
        target paragraph: the feminine Alexandra for a masculine genitive Александра (names.
        masculine_oblique), the masculine Kikin for the woman Анна Кикина (surname_gender)."""
        lang = self.lang
        expected = self.document.expected(right)
        if expected is None:
            return
        # the right name as written (its other candidate forms are the misreading: Kikin is a
        # candidate nominative of Кикина)
        if expected.exact and expected.forms[0] in self.exact_present or \
                self.holds_key(expected.forms[0]):
            return
        misread = accepted_key(romanize(wrong, lang), lang)
        for i, t, _ in self.comparable:
            if accepted_key(t.text, lang) == misread:
                self.best[i] = ((-1, 0), expected.forms[0], span, expected, word)


def differences(article, doc, alignment, glossary) -> Iterator[Difference]:
    """The target words of `article` that should read the expected form of a name of its
    source `doc` (aligned by `alignment`), in text order per paragraph, then the spellings
    of one source name that differ across the article (name_consistency)."""
    document = _document(doc, glossary)
    # one source name spelled two ways in the article (mtqa/source/name_consistency.py)
    consistency = Consistency(document)
    known = glossary.known_words
    tokens = article.tokens
    starts = [t.start for t in tokens]
    for k, ((ss, se), (ts, te)) in enumerate(alignment.paragraphs):
        # the paragraph's tokens by bisection (a scan per paragraph was quadratic)
        first, last = bisect_left(starts, ts), bisect_left(starts, te)
        targets = [t for t in tokens[first:last] if t.end <= te and t.text[:1].isupper()]
        if not targets:
            continue
        # a paragraph pair whose target words were compared before with this source paragraph
        # (another translation of it): the same comparable words, the same differences
        key = (k, ss, se, tuple(t.text for t in targets))
        seen = document.earlier_pair(key)
        if seen is not None:
            comparable = [(i, targets[i], foreign) for i, foreign in seen[0]]
        else:
            # target words worth comparing, with their foreign-spelling flag
            comparable = [(i, t, foreign_spelling(t.text, doc.lang))
                          for i, t in enumerate(targets)
                          if len(t.text) >= 4 and t.text not in known and not t.text.isupper()]
        if not comparable:
            continue
        paragraph = _Paragraph(document, (ss, se), targets, comparable)
        names = document.names(k, ss, se, doc)
        if seen is not None:
            paragraph.best = dict(seen[1])
        else:
            for s0, s1, word, initial in names:
                _check_word(paragraph, s0, s1, word, initial)
            document.remember_pair(key, comparable, paragraph.best)
        consistency.add(paragraph, names)
        for i, (_, form, span, expected, word) in sorted(paragraph.best.items()):
            yield Difference(targets[i], form, span, expected, word)
    yield from consistency.differences()


def _check_word(paragraph: _Paragraph, s0: int, s1: int, word: str, initial: bool):
    """Compare one capitalised source word with the paragraph's target words."""
    stop, settled = _grammar(paragraph, s0, s1, word, initial)
    if stop:
        return
    document = paragraph.document
    expected = document.expected(word)
    quote = paragraph.quote_start(s0)
    if not is_compared(paragraph, s0, word, expected, initial, quote is not None):
        return
    settled = _quoted_case(paragraph, s0, s1, word, quote, settled)
    # an East Slavic person's name: no foreign spelling or equivalent of it to keep; a given
    # name is compared with its given-name forms only (name_person)
    person = None if expected.exact else document.people.role(s0, word)
    if person == "given":
        expected = given_forms(expected, word, paragraph.lang)
    elif not expected.exact and (paragraph.written(expected) or not paragraph.near_candidates(
            *_near_query(word, expected))):
        return  # present as written; or no target word near, so nothing to record below
    if paragraph.present(expected):
        return
    if person == "given":  # Love for Любовь Митина (name_person)
        record_translated_given(paragraph, (s0, s1), word, expected)
    suggested = _suggestion(document, settled, expected)
    translatable = quote is not None and paragraph.lang == "ru" and not document.about_works
    # a Russian person's given name: its English equivalent (Victor for Виктор Катанаев) is
    # no romanisation (names.russian_person_given_name)
    russian_given = not expected.exact and russian_person_given_name(
        document.text, s0, s1, paragraph.lang)
    russian_given = russian_given or person == "given" and paragraph.lang == "ru"
    _compare_spellings(paragraph, (s0, s1), word, expected, suggested, translatable,
                       russian_given, person)


def _grammar(paragraph: _Paragraph, s0: int, s1: int, word: str, initial: bool
             ) -> Tuple[bool, Optional[str]]:
    """Differences the source's grammar settles: (whether the word is done with, the
    nominative an oblique word has when the article writes it)."""
    document, lang = paragraph.document, paragraph.lang
    masculine = masculine_oblique(document.text, s0, s1, lang, document.words)
    if masculine:
        # Alexandra for a masculine genitive Александра: the oblique form read as the
        # feminine name; English text knowing Alexandra does not excuse it
        paragraph.record_gender(masculine, word, word, (s0, s1))
        return True, None
    gendered = surname_gender(document.text, s0, s1, lang)
    if gendered:
        # Anna Kikin for Анна Кикина: the other gender's nominative is another person;
        # English text knowing the word does not excuse it
        paragraph.record_gender(*gendered, word, (s0, s1))
    if lang not in ("ru", "uk") or initial:
        return False, None
    nominative = attested_nominative(word, lang, document.words)
    if nominative:
        paragraph.record_case_copy((nominative,), word, (s0, s1))
    # the case its context shows, a declined adjectival toponym (name_case)
    shown = name_case.check(paragraph, s0, s1, word)
    return False, nominative or shown


def is_compared(paragraph: _Paragraph, s0: int, word: str, expected: Optional[Expected],
              initial: bool, in_quotes: bool) -> bool:
    """Is the source word's expected form compared with the target at all?"""
    if expected is None or (initial and not expected.exact):
        return False  # no expected form; a sentence-initial word not known as a name
    if expected.exact:
        return True
    if _ADJECTIVE_RE.search(word.lower()) and not _after_initial_or_given_name(
            paragraph.document.text, s0, paragraph.lang):
        return False  # Кіровоградській: an adjective, its noun's form is unknown
    # a quoted name in a Ukrainian source: the owner's own Latin spelling, also where the
    # document writes it without quotation marks after quoting it
    return not (paragraph.lang == "uk" and (
        in_quotes or word.lower() in paragraph.document.quoted_words))


# what precedes a surname: an initial (М.Коцюбинський, С. Цвейґа) or a capitalised word
_INITIAL_BEFORE_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]\.\s?$")
_CAPITALISED_BEFORE_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]{3,})\s$")


def _after_initial_or_given_name(text: str, s0: int, lang: str) -> bool:
    """Does an initial or a given name come right before the word at s0, making an
    adjective-like -ський word a surname (М.Коцюбинський, Михайла Коцюбинського)?"""
    window = text[max(0, s0 - 20):s0]
    if _INITIAL_BEFORE_RE.search(window) and window.rstrip()[-2:-1].isupper():
        return True
    before = _CAPITALISED_BEFORE_RE.search(window)
    return bool(before) and before.group(1)[:1].isupper() and any(
        is_given_name(f) for f in lemma_forms(before.group(1), lang))


def _quoted_case(paragraph: _Paragraph, s0: int, s1: int, word: str, quote: Optional[int],
                 settled):
    """A quoted Russian name's oblique case copied (Lente for в комментарии «Ленте.ру»):
    recorded, and the nominative(s) its declension gives returned as settled, unless an
    attested nominative settled it first."""
    if quote is None or paragraph.lang != "ru":
        return settled
    document = paragraph.document
    before = _WORD_BEFORE_RE.search(document.text, max(0, quote - 12), quote)
    nominatives = declined_quoted_nominatives(
        word, paragraph.lang, before.group(1).lower() if before else "", document.words)
    if not nominatives or settled:
        return settled
    paragraph.record_case_copy(nominatives, word, (s0, s1))
    return nominatives[0] if len(nominatives) == 1 else nominatives


def _suggestion(document: _Document, settled, expected: Expected) -> Optional[Suggestion]:
    """The nominative the source settles (Gazeta for «Газеты», Kinotavr where the article
    writes «Кинотавр»), not the candidate nearest the target, which repeats its error (Gazet
    for Gazette); two open: a tuple (no fix); None: the nearest form."""
    if not settled or expected.exact:
        return None
    suggested = tuple(e.forms[0] for e in map(
        document.expected, (settled,) if isinstance(settled, str) else settled)
        if e is not None)
    return suggested[0] if len(suggested) == 1 else suggested or None


def _h_as_g(word: str) -> str:
    """A romanised word with every h that spells г (not of kh, zh, ch, sh) read as g."""
    return re.sub(r"(?<![kzcs])h", "g", word.lower())


def _compare_spellings(paragraph: _Paragraph, span, word: str, expected: Expected,
                       suggested: Optional[Suggestion], translatable: bool, russian_given: bool,
                       person: Optional[str]):
    """Record the target words near an expected form that no other spelling system explains
    and English text does not know as words."""
    lang = paragraph.lang
    forms, exact, patronymic = _near_query(word, expected)
    # only the target words that may be near a form: the others are skipped below anyway
    # (no near form), and the checks before that are pure
    candidates = paragraph.near_candidates(forms, exact, patronymic)
    if not candidates:
        return
    # a plain Ukrainian romanisation is compared only with the word's Russian-style
    # renderings (Grigorenko, Marina, Darusya)
    russian_style = {accepted_key(f, "ru") for f in expected.russian_style}
    formed = russian_formed(expected.forms) if lang == "ru" else ""
    # a Ukrainian-formed name's other near spellings are compared too (see ukrainian_formed)
    if russian_style and ukrainian_formed(expected.forms):
        russian_style = None
    originals = None  # the forms' original_key, once per source word, only when needed
    cyrillic = bool(_CYRILLIC_RE.search(word))
    bar = COMMON_AFTER_ROMANISATION if cyrillic else COMMON_AFTER_COPY
    for i, t, foreign in candidates:
        text = t.text
        # a quoted name translated as a common word (Tractor for «Трактор»)
        translated = translatable and zipf(text.lower()) >= TRANSLATED_WORD_ZIPF
        # the English equivalent of a Russian person's given name (Victor for Виктор
        # Катанаев), unless it spells another name of the paragraph
        equivalent = russian_given and is_given_name(text) and \
            not paragraph.spells_other_name(text, word)
        translated = translated or equivalent
        # an East Slavic person's name spelled with foreign letters (Germanica, Potehín) is
        # compared, unless the target spells another name of the paragraph (Zaira Ozova)
        lifted = People.lifts(person, text) and not paragraph.spells_other_name(text, word)
        if _spelled_otherwise(text, foreign and not lifted, expected, lang, formed, translated,
                              None if lifted else russian_style):
            continue
        if lang == "ru" and not expected.exact:
            if originals is None:
                originals = {original_key(f) for f in expected.forms}
            if original_key(text) in originals:
                continue  # a foreign name's own spelling (Chabrol for Шаброль)
        found = _near_forms(text, forms, lang, expected.exact, patronymic)
        first = next(found, None)
        if first is None or _english_word(text, expected, bar, equivalent, patronymic,
                                          translated, cyrillic):
            continue
        for d, form in (first, *found):
            rank = (d, abs(len(form) - len(text)))  # Darusia, not Darusa
            paragraph.record(i, rank, suggested or form, span, expected, word)


def _near_query(word: str, expected: Expected):
    """(the forms compared, exact, patronymic): what _near_forms is asked with."""
    # an adjectival surname in its nominative (Рождественская, Коцюбинський) is its own
    # form: its other candidates are truncations (Rozhdestvenska), never the suggestion
    forms = expected.forms[:1] if word.lower().endswith(_ADJECTIVAL_NOMINATIVES) \
        else expected.forms
    return forms, expected.exact, bool(expected.russian_style) and ukrainian_patronymic(word)


def _spelled_otherwise(text: str, foreign: bool, expected: Expected, lang: str, formed: str,
                       translated: bool, russian_style) -> bool:
    """Is the target word another system's spelling of the name, not a misspelling of its
    romanisation?"""
    # a Russian transcription of a foreign name romanised back (Garfild) is not the name: a
    # target with letters no romanisation writes is the original, unless it is a Russian-formed
    # name's spelling no original gives (a misspelling: Pothekin)
    if foreign and not expected.exact and not translated and foreign_spelling(
            text, lang, formed or expected.forms[0]) and (
            lang != "ru" or not formed or transcribable(text, expected.forms)):
        return True
    if russian_style and accepted_key(text, "ru") not in russian_style:
        return True  # a mixed form (Gavrylita) is a foreign name's original spelling
    # the national form with g for its h and nothing else changed (Kiunsberg for Кюнсберг, KMU
    # Kiunsberh): the national spelling of a foreign name keeping the original's g, which
    # Ukrainian writes г - a foreign original, like the mixed Gavrylita (a Russian-style
    # rendering changes more: и, е)
    return bool(russian_style) and "g" in text.lower() and _h_as_g(text) in {
        _h_as_g(f) for f in expected.forms}


def _near_forms(text: str, forms, lang: str, exact: bool, patronymic: bool):
    """(distance, form) for each expected form the target word is a near form of."""
    for form in forms:
        if abs(len(form) - len(text)) > 4:
            continue
        d = near(text, form, lang, exact)
        if d is None and patronymic:
            # a Russian patronymic suffix (Ivanovna for Іванівна: -ov- for -iv-, -ev- for
            # -iiv-) is a Russian-style rendering the letter folds do not explain
            d = distance(skeleton(text, "ru"), skeleton(form, "ru"))
            d = d if 0 < d <= 2 else None
        if d is not None and not derivation(text, form):
            yield d, form


def _english_word(text: str, expected: Expected, bar: float, equivalent: bool,
                  patronymic: bool, translated: bool, cyrillic: bool) -> bool:
    """Is the target word one English text knows, and so the name itself rather than a wrong
    romanisation?"""
    # a word English text knows (Telegram, Hopkins, Antakya for Телеграм, Хопкінса, Антак'я)
    # is the name itself (house forms - Odesa for Odessa - are still expected) ... except a
    # Russian source's quoted name rendered by a near English word (Tractor: translated),
    # a Russian person's given name's English equivalent, and a Ukrainian patronymic's
    # Russian form (Ivanovna for Іванівна: the source spells it the Ukrainian way)
    known_word = not expected.exact and (zipf(text) > 0 or text in world_names())
    if known_word and not equivalent and not patronymic and not (
            translated and text not in world_names()):
        return True
    # a common word is not excused near a known entity's house form romanised from Cyrillic
    # (Butch, Dude for Буча, Дуда: the word stands for the town, the president)
    if expected.exact and cyrillic:
        return False
    return zipf(text.lower()) >= bar and not equivalent
