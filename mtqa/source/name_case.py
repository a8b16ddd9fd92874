"""A name's oblique case copied into English, and declined adjectival place and street names:
the Russian and Ukrainian case grammar the source-name rule reads (loaded only with a source;
hooked into mtqa/source/name_differences.py `_grammar`).

MT that does not know a name romanises the form the sentence inflected (в Новоденте ->
"Novodente", на Поліссі -> "Polissy", главврачу Мевше -> "Mevshe") or guesses a nominative
the ending excludes (у Мікулові -> "Mikulovo"). The source's grammar shows that a word is in
an oblique case when

- a preposition governs a case whose ending no nominative has: Russian в, на, о, при + -е
  after a hard consonant (the prepositional of a masculine, feminine or neuter noun:
  Новоденте is Новодент or Новодента; Иерусалиме, Иерусалим); Ukrainian у, в, на, по, при
  + -ові/-еві/-єві (the locative -і of a stem in -ов/-ев: Мікулов, Молдова, a neuter in -о;
  or the masculine -ові: Харкові) or + a doubled consonant and -і (the locative of a neuter
  noun in -я with its lengthened consonant: Поліссі, Поділлі, Закарпатті are Полісся,
  Поділля, Закарпаття). Which nominative: the one whose gender another form of the stem in
  the article shows (-ом masculine; -ы, -ой feminine; the bare stem), else the one the
  gazetteer knows alone (Mikulov, the Czech town: Mikulovo is then flagged too), else both
  the masculine and the feminine are named and no fix is given;
- a name agrees with a neighbour whose case its ending shows: a surname after a given name
  that can only be a masculine genitive (Ілана Шора: Шора is the genitive of Шор or of a
  Шоро, never a nominative: a man's surname in -а has the genitive -и); a woman's surname in
  -е beside her given name or patronymic in the dative (главврачу Мевше Ольге Владимировне:
  Мевша); a name in -и after a feminine noun of kinship or occupation in the genitive (моєї
  бабки Рутмери: Рутмера, the first declension; дочери Насти: Настя, a given name in -я);
- a noun governs it: a player's, coach's or owner's noun before a quoted club or firm puts it
  in the genitive (форвард «Ак Барса»: Ак Барс; a generic noun would keep it nominative:
  клуб «Ак Барс»), and the genitive -а of a known place (музее Стерлитамака: Sterlitamak,
  a place English text knows, where Sterlitamaka is none; not after a given name or an
  initial, nor a noun naming a place by apposition, село Маргара; and not a word in -ова/-ина,
  which may be a woman's surname: Глава Серпухова is left to surname_gender).

Grammar: Rosenthal, "Справочник по правописанию и стилистике" (declension of surnames, of
names in quotation marks); Zaliznyak, "Грамматический словарь русского языка"; Ukrainian: the
locative endings of the second declension (Пономарів, "Сучасна українська мова"). A copy a
known place or English word spells (Kobe for в Кобе, Sartre for о Сартре) is the name itself.

Adjectival toponyms: a street, school or hospital named by an adjective (на Линейной, 39;
Уриковской школы; Томаровскую больницу) is romanised in its feminine nominative (Lineynaya,
Urikovskaya, Tomarovskaya: BGN/PCGN romanises the name, and addresses are romanised, not
translated: Universal Postal Union addressing, Russian Post's Latin address format). Flagged:
the oblique form copied (Lineynoy), the other gender's nominative (Tomarovsky for the
feminine), the adjective's stem cut off as if it were the place (Urikov, Tomarov) when the
place the adjective is formed from is another known place (Урик + -овск-: Urik; Томаровка,
whose -ка drops before -ск-: Tomarovka), and, for a street, the English adjective translating
it (Linear for Линейная: no English usage names that street). An established English name
built on the base noun stays (Pushkin Square for Пушкинская площадь: Pushkin is the name the
adjective is formed from), and so does an oblast's or district's (Rostov Oblast): those nouns
are not read here.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Tuple

from mtqa.lexicon import world_names, zipf
from mtqa.source.names import (WORD_AFTER, WORD_BEFORE, accepted_key, distance,
                               given_name_romanised, masculine_oblique, near,
                               only_masculine_oblique, russian_given_name, skeleton)
from mtqa.source.romanize import romanize

_INITIAL_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]\.\s?$")

# prepositions that govern the prepositional (locative) case among others
_LOCATIVE_PREPOSITIONS = {
    "ru": frozenset("в во на о об обо при".split()),
    "uk": frozenset("у в на по при".split()),
}
_RU_PREPOSITIONAL = re.compile(r"[бвгдзкмнпстфх]е$")
_UK_MASCULINE_LOCATIVE = re.compile(r"(?:ові|еві|єві)$")
_UK_LENGTHENED_LOCATIVE = re.compile(r"([бвгджзклмнпрстфхцчш])\1і$")

# Feminine nouns of kinship and occupation in the genitive: a name after one is a genitive
# too (моєї бабки Рутмери), so its -и/-ы is no plural and no foreign -i: the name is in -а.
_FEMININE_GENITIVE_NOUNS = frozenset(
    # Ukrainian
    "бабки бабусі мами матері дружини сестри доньки дочки онуки тітки подруги нареченої "
    "вдови співачки акторки актриси письменниці журналістки депутатки ведучої героїні "
    "вчительки лікарки директорки "
    # Russian
    "бабушки мамы жены сестры дочери внучки тети тёти невесты певицы писательницы "
    "журналистки учительницы".split())

# nouns of a club's, firm's or party's people and parts: a quoted name after one is its
# genitive (форвард «Ак Барса»); generic nouns (клуб, команда, газета) are not among them
_POSSESSOR_NOUN = re.compile(
    r"(?:форвард|нападающ|защитник|полузащитник|вратар|голкипер|игрок|тренер|наставник|"
    r"капитан|президент|гендиректор|директор|руководител|владел|основател|сотрудник|"
    r"представител|болельщик|фанат|воспитанник|легионер|совладел|акционер|пресс-служб|"
    r"лидер|акци|офис)[а-яё]*$")

# nouns naming a place by apposition (село Маргара, мост Маргара, улица Кирова): a name after
# one may be a nominative or a street's genitive, and is not read as a place's genitive
_APPOSITION_NOUNS = re.compile(
    r"(?:сел|деревн|посел|город|мост|улиц|проспект|переул|площад|бульвар|станци|рек|озер|"
    r"район|област|пункт|аэропорт|вокзал|порт|мыс|остров|гор[аеуы])[а-яё]*|г|гор|пос|ул|пр")

class Oblique(NamedTuple):
    """A source word the grammar shows to be in an oblique case: its nominative(s), as the
    source would spell them (two: the grammar leaves the gender or stem open, no fix), and
    readings the grammar excludes that MT writes (Мікулово for Мікулові)."""
    nominatives: Tuple[str, ...]
    wrong: Tuple[str, ...] = ()


def _before(text: str, start: int, window: int = 24):
    return WORD_BEFORE.search(text, max(0, start - window), start)


def _known(romanised: str) -> bool:
    """Does English text or the gazetteer know the word (a place, a name, a word)?"""
    return romanised in world_names() or zipf(romanised) > 0


# forms of a stem that only a masculine, feminine or neuter noun has (the -а form is a
# masculine genitive or a feminine nominative: no help): its nominative, -ом; -ы/-и, -ой, -ою
_GENDER_FORMS = {
    "ru": {"m": ("", "ом"), "f": ("ы", "ой", "ою"), "n": ("о",)},
    "uk": {"m": ("", "ом"), "f": ("и", "ою"), "n": ("о",)},
}


def _settle(candidates, lang: str, document_words, known=None):
    """(the candidates, readings the grammar allows, settled, the other readings): one
    candidate when the article writes a form of its stem only its gender has, or the
    gazetteer (or `known`, a test of the romanised form) knows it alone; else all of them
    and no other readings."""
    def attested(c):
        low = c.lower()
        if low[-1:] in "аяо":
            stem, gender = low[:-1], "n" if low[-1] == "о" else "f"
        else:
            stem, gender = low, "m"
        return any(stem + e in document_words for e in _GENDER_FORMS[lang][gender])

    for pick in (attested, lambda c: (known or world_names().__contains__)(romanize(c, lang))):
        found = [c for c in candidates if pick(c)]
        if len(found) == 1:
            return (found[0],), tuple(c for c in candidates if c != found[0])
    return tuple(candidates), ()


def oblique(text: str, start: int, end: int, lang: Optional[str], document_words=frozenset(),
            quote: Optional[int] = None) -> Optional[Oblique]:
    """The oblique reading of the capitalised source word text[start:end] when its context
    shows its case (see the module's docstring), else None. `quote`: where a quotation
    holding the word opens."""
    if lang not in ("ru", "uk"):
        return None
    word = text[start:end]
    low = word.lower()
    if len(low) < 4 or not low.isalpha():
        return None
    found = _reading(text, start, end, word, lang, document_words, quote)
    if found is not None and _known(romanize(word, lang)):
        return None  # a copy English text knows is the name (Kobe for в Кобе)
    return found


def _reading(text: str, start: int, end: int, word: str, lang: str, document_words,
             quote: Optional[int]) -> Optional[Oblique]:
    if quote is not None:
        return _quoted_possessor(text, start, end, word, lang, quote, document_words)
    before = _before(text, start)
    prev = before.group(1).lower() if before else ""
    if prev in _LOCATIVE_PREPOSITIONS[lang]:
        found = _locative(word, lang, document_words)
        if found:
            return found
    found = _agreement(text, start, end, word, lang, before, document_words)
    if found:
        return found
    if _INITIAL_BEFORE.search(text, max(0, start - 4), start):
        return None  # А. Пушкина: a person's name
    return _place_genitive(word, lang, before)


def _locative(word: str, lang: str, document_words) -> Optional[Oblique]:
    low = word.lower()
    if lang == "ru":
        if not _RU_PREPOSITIONAL.search(low) or len(low) < 5 or given_name_romanised(word, lang):
            return None
        # the prepositional of a masculine (Новодент), feminine (Новодента) or neuter noun
        # (Иваново: в Иванове): the neuter only where something settles it
        stem = word[:-1]
        candidates = (stem, stem + "а", stem + "о")
        if _FLEETING_K.search(stem.lower()):  # Перекрестке: Перекресток (or Йорке: Йорк)
            candidates += (stem[:-1] + "о" + stem[-1],)
        nominatives, others = _settle(candidates, lang, document_words)
        if len(nominatives) > 1:  # open: the masculine and the feminine reading
            fleeting = _FLEETING_LIKELY.search(stem.lower())
            nominatives = (candidates[3] if fleeting else stem, stem + "а")
        return Oblique(nominatives, others)
    if _UK_MASCULINE_LOCATIVE.search(low) and len(low) >= 6:
        # the locative -і of a stem in -ов/-ев (Мікулов, Молдова, Женева, a neuter in -о) or
        # the masculine -ові (Харків: Харкові, with the і/о alternation)
        stem = word[:-1]
        nominatives, others = _settle((stem, stem + "а", stem + "о", word[:-3] + "ів"), lang,
                                      document_words)
        return Oblique(nominatives, others) if len(nominatives) == 1 else None
    if _UK_LENGTHENED_LOCATIVE.search(low):
        return Oblique((word[:-1] + "я",))
    return None


# a fleeting vowel before a final к (беглый гласный: Перекрёсток, Перекрёстке)
_FLEETING_K = re.compile(r"[бвгджзлмнпрстфхцчшщ]к$")
# ... likely where no -ск, -цк, -нк, -рк stem (Минск, Сбербанк, Йорк) is: -ток, -док, -мок
_FLEETING_LIKELY = re.compile(r"[бвгджзлмптчшщ]к$")


_FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына)$")  # (surname_gender reads these)
_PATRONYMIC_GENITIVE = re.compile(r"(?:ович|евич|ич)а$")  # a patronymic has its own check


def _agreement(text: str, start: int, end: int, word: str, lang: str,
               before, document_words=frozenset()) -> Optional[Oblique]:
    low = word.lower()
    prev_word = before.group(1) if before else ""
    # a surname after a given name that is a masculine genitive (Ілана Шора)
    if low[-1] == "а" and prev_word[:1].isupper() and not _FEMININE_SURNAME.search(low) and \
            not _PATRONYMIC_GENITIVE.search(low) and \
            not russian_given_name(romanize(word, lang)):  # (Бойка: a Boika elsewhere)
        ps, pe = before.start(1), before.end(1)
        if masculine_oblique(text, ps, pe, lang) or only_masculine_oblique(prev_word, lang):
            stem = word[:-1]
            if lang == "ru":  # a Russian surname in -о does not decline (Шевченко)
                return Oblique((stem,))
            if low.endswith("енка"):  # Ukrainian -енко, -енка: no consonant-final -енк
                return Oblique((stem + "о",))
            # Шор or Шоро (Франко, Франка): the one the article writes, or the one English
            # text knows when it knows only one (Shor, not Shoro; Frank and Franko: open)
            return Oblique(_settle((stem, stem + "о"), lang, document_words, _known)[0])
    # a woman's surname in -е beside her given name or patronymic in the dative
    if lang == "ru" and re.search(r"[бвгджзклмнпрстфхцчшщ]е$", low) and \
            not given_name_romanised(word, lang):
        after = WORD_AFTER.match(text, end)
        neighbours = [w for w in (prev_word, after.group(1) if after else "") if w[:1].isupper()]
        if any(_feminine_dative(w) for w in neighbours):
            return Oblique((word[:-1] + "а",), (word[:-1],))
    # a name in -и/-ы after a feminine noun in the genitive (бабки Рутмери)
    if low[-1] in "иы" and prev_word.lower() in _FEMININE_GENITIVE_NOUNS and \
            not given_name_romanised(word, lang) and low[-2] not in "аеиоуыэюяіїє":
        # the first declension: -а, or -я after a soft consonant (Насти: Настя), which a
        # given name in -я shows
        soft = low[-1] == "и" and given_name_romanised(word[:-1] + "я", lang)
        return Oblique((word[:-1] + ("я" if soft else "а"),), (word[:-1],))
    return None


def _feminine_dative(word: str) -> bool:
    """Is a capitalised Russian word a feminine given name or patronymic in the dative or
    prepositional (Ольге, Марине; Владимировне)?"""
    low = word.lower()
    if not low.endswith("е") or len(low) < 4:
        return False
    if re.search(r"(?:овн|евн|ичн)е$", low):
        return True
    return russian_given_name(romanize(word[:-1] + "а", "ru"))


def _quoted_possessor(text: str, start: int, end: int, word: str, lang: str,
                      quote: int, document_words) -> Optional[Oblique]:
    """A quoted Russian name in -а after a noun of its people (форвард «Ак Барса»): the
    genitive of a masculine name, the last word of the quotation."""
    if lang != "ru" or not word.lower().endswith("а") or end >= len(text) or \
            text[end] not in "»\"”“":
        return None
    before = _before(text, quote)
    if not before or not _POSSESSOR_NOUN.search(before.group(1).lower()):
        return None
    # a masculine name (Ак Барс, Спартак, Газпром: the common gender of clubs' and firms'
    # names) unless the article writes the neuter's nominative (лидер «Яблока» beside
    # «Яблоко»)
    stem = word[:-1]
    nominatives, _ = _settle((stem, stem + "о"), lang, document_words)
    return Oblique(nominatives[:1], ())


def _place_genitive(word: str, lang: str, before) -> Optional[Oblique]:
    """The genitive -а of a place the gazetteer knows (музее Стерлитамака: Sterlitamak), not
    after a given name (Анна Пушкина is a woman) nor a noun that names a place by apposition
    (село Маргара, улица Кирова), and not a word in -ова/-ина (Глава Серпухова may be Ms
    Serpukhova)."""
    if not word.lower().endswith("а") or len(word) < 6 or given_name_romanised(word, lang) \
            or _FEMININE_SURNAME.search(word.lower()):
        return None  # (Петрова may be a woman: surname_gender reads those)
    prev = before.group(1) if before else ""
    if prev[:1].isupper() and given_name_romanised(prev, lang):
        return None  # Анна Пушкина: a woman's surname
    if prev and _APPOSITION_NOUNS.fullmatch(prev.lower()):
        return None
    stem = word[:-1]
    if romanize(stem, lang) not in world_names():
        return None
    return Oblique((stem,))


# ---- declined adjectival toponyms ------------------------------------------------------------
# feminine nouns a place-naming adjective agrees with (any case form), and the street nouns
_FEMININE_PLACE_NOUN = re.compile(
    r"(?:улиц|площад|школ|больниц|гимнази|библиотек|поликлиник|амбулатори|набережн|станци|"
    r"церкв|трасс|рощ)[а-яё]*$")
_STREET_NOUN = re.compile(r"(?:улиц|ул|площад)[а-яё]*$")
_RU_FEMININE_ADJECTIVE = re.compile(r"(.{3,}?)(ой|ую)$")
_HOUSE_NUMBER_AFTER = re.compile(r",?\s*(?:д\.\s*|дом\s+)?\d")


class Toponym(NamedTuple):
    nominative: str         # the feminine nominative, romanised (Lineynaya)
    wrong: Tuple[str, ...]  # romanised readings MT writes that the grammar excludes
    truncated: Tuple[str, ...]  # the stem cut off as a place, when another place is the base
    street: bool            # a street: an English adjective translating it is flagged
    accepted: Tuple[str, ...] = ()  # romanised forms not flagged (the masculine nominative)


def adjectival_toponym(text: str, start: int, end: int, lang: Optional[str],
                       streets=frozenset(), document_words=frozenset()) -> Optional[Toponym]:
    """A Russian adjectival place or street name in a feminine oblique case (на Линейной, 39;
    Уриковской школы; Томаровскую больницу) with the forms MT writes for it that are wrong
    (see the module's docstring). `streets`: the source's words (lower case) it writes as a
    street's name somewhere (street_adjectives)."""
    if lang != "ru":
        return None
    word = text[start:end]
    found = _RU_FEMININE_ADJECTIVE.fullmatch(word.lower())
    if not found or not re.search(r"(?:ск|цк|н|в)$", found.group(1)):
        return None
    after = WORD_AFTER.match(text, end)
    before = _before(text, start)
    noun_after = bool(after) and after.start(1) - end <= 2 and bool(
        _FEMININE_PLACE_NOUN.match(after.group(1).lower()))
    street = word.lower() in streets or (bool(before) and bool(
        _STREET_NOUN.fullmatch(before.group(1).lower())))
    if not noun_after and not street:
        return None
    stem = word[:len(found.group(1))]
    nominative = romanize(stem + "ая", lang)
    # the masculine nominative is the adjective's dictionary form, which English also writes
    # (the reference's Granovsky school): accepted, not flagged
    accepted = tuple(romanize(stem + e, lang) for e in ("ий", "ый", "ой"))
    wrong = (romanize(word, lang),)
    truncated = ()
    if stem.lower().endswith(("ск", "цк")):
        base = stem[:-2]
        # the place the adjective is formed from: the stem itself (Пушкин), or with -ка
        # (Томаровка: -ка drops before -ск-), or without the -ов-/-ев- link (Урик + -овск-)
        others = [base + "ка", base + "а", base + "о"]
        if base.lower().endswith(("ов", "ев")):
            others.append(base[:-2])
        if romanize(base, lang) not in world_names() and zipf(romanize(base, lang)) == 0 and \
                any(romanize(o, lang) in world_names() for o in others):
            # (a base the gazetteer or the article knows is the place: Khomutovo)
            truncated = tuple(romanize(base + e, lang) for e in ("", "а", "о")
                              if romanize(base + e, lang) not in world_names() and
                              (base + e).lower() not in document_words)
    return Toponym(nominative, wrong, truncated, street, accepted)


# Capitalised words not inside a word, led by their capital and the character before tested
# after it (a pattern led by the lookbehind (?<![^\W\d_]) is tried at every character of the
# source: 3x the time; same matches, tests/source/test_name_scans_speed.py)
_STREET_ADJECTIVE_RE = re.compile(r"([А-ЯЁ](?<![^\W\d_].)[а-яё]{3,}(?:ой|ую))(?![^\W\d_])")
_CAPITALISED_RE = re.compile(r"[А-ЯЁІЇЄҐ](?<![^\W\d_].)[^\W\d_]{3,}")


def street_adjectives(text: str, lang: Optional[str]) -> frozenset:
    """The capitalised feminine adjectives (lower case) a Russian source writes as a street's
    name: followed by a house number (на Линейной, 39) or after a street noun."""
    if lang != "ru":
        return frozenset()
    out = set()
    for m in _STREET_ADJECTIVE_RE.finditer(text):
        before = _before(text, m.start())
        if _HOUSE_NUMBER_AFTER.match(text, m.end()) and before and \
                before.group(1).lower() in ("на", "по", "с", "со", "до", "у") or \
                before and _STREET_NOUN.fullmatch(before.group(1).lower()):
            out.add(m.group(1).lower())
    return frozenset(out)


def translated_adjective(target: str, stem_romanised: str) -> bool:
    """Is the target an English word that translates the adjective (Linear for Линейная: a
    common word near its stem)?"""
    if zipf(target.lower()) < 3.0:
        return False
    a, b = skeleton(target, "ru"), skeleton(stem_romanised, "ru")
    return distance(a, b) <= 2


def toponym_targets(toponym: Toponym, comparable, lang: str, stem_romanised: str):
    """The indices of the comparable target words that render the toponym wrongly."""
    right = {accepted_key(w, lang) for w in (toponym.nominative,) + toponym.accepted}
    bad = {accepted_key(w, lang) for w in toponym.wrong + toponym.truncated}
    for i, t, _ in comparable:
        text = t.text
        key = accepted_key(text, lang)
        if key in right or re.search(r"[iy]$", text) and \
                near(text, toponym.accepted[0], lang, False) is not None:
            continue  # (Tomarovsky: a near form of the masculine)
        if key in bad or near(text, toponym.nominative, lang, False) is not None and \
                not _known(text):
            yield i
        elif toponym.street and translated_adjective(text, stem_romanised):
            yield i


# ---- recording what the grammar shows ------------------------------------------------------
def check(paragraph, s0: int, s1: int, word: str):
    """Record the target words of a paragraph pair (name_differences._Paragraph) that copy
    the source word's oblique case or write a reading its grammar excludes, and those that
    render a declined adjectival toponym wrongly; return the nominative(s) the grammar
    settles for the word's suggestion (name_differences._suggestion), or None."""
    # what the source shows of the word is read once per document (name_differences shares
    # one document among the translations of a source)
    document = paragraph.document
    readings = document.case_readings
    try:
        found, toponym = readings[(s0, s1)]
    except KeyError:
        found, toponym = readings[(s0, s1)] = _source_reading(paragraph, s0, s1, word)
    if found is not None:
        return _record_oblique(paragraph, found, word, (s0, s1))
    if toponym is not None:
        _record_toponym(paragraph, toponym, word, (s0, s1))
    return None


def _source_reading(paragraph, s0: int, s1: int, word: str
                    ) -> Tuple[Optional[Oblique], Optional[Toponym]]:
    """(the oblique reading the source shows for the word, else its reading as a declined
    adjectival toponym): neither for a house form or a Ukrainian source's quoted name."""
    document, lang = paragraph.document, paragraph.lang
    text = document.text
    as_written = document.expected(word)
    if as_written is None or as_written.exact:
        return None, None  # a house form is compared as usual
    if lang == "uk" and word.lower() in document.quoted_words:
        return None, None  # a Ukrainian source's quoted name: its owner's spelling
    found = oblique(text, s0, s1, lang, document.words, paragraph.quote_start(s0))
    if found is None:
        found = _proven(document, word)
    if found is not None:
        return found, None
    streets = document.street_adjectives
    if streets is None:
        streets = document.street_adjectives = street_adjectives(text, lang)
    return None, adjectival_toponym(text, s0, s1, lang, streets, document.words)


def nominative_present(paragraph, expected) -> bool:
    """Is the expected form of a settled nominative in the target paragraph: the nominative
    itself as written (a house form exactly), not one of its candidate forms, which strip its
    own ending (Polissyi for Полісся shares the copy Polissy's key)?"""
    form = expected.forms[0]
    if expected.exact:
        return form in paragraph.exact_present
    return paragraph.holds_key(form)


def _record_oblique(paragraph, found: Oblique, word: str, span):
    lang, document = paragraph.lang, paragraph.document
    expected = [e for e in map(document.expected, found.nominatives) if e is not None]
    if not expected:
        return None
    # the nominatives as written (their other candidate forms strip their own endings)
    rights = tuple(e.forms[0] for e in expected)
    settled = rights[0] if len(rights) == 1 else rights
    settled_source = found.nominatives[0] if len(found.nominatives) == 1 else found.nominatives
    if any(nominative_present(paragraph, e) for e in expected):
        return settled_source
    bad = {accepted_key(romanize(w, lang), lang) for w in (word,) + found.wrong}
    bad -= {accepted_key(f, lang) for f in rights}
    for i, t, _ in paragraph.comparable:
        if accepted_key(t.text, lang) in bad:
            paragraph.best[i] = ((-1, 0), settled, span, expected[0], word)
    return settled_source


def _proven(document, word: str) -> Optional[Oblique]:
    """The oblique reading some context of the document shows for the source word (a
    surname, a place: no given name): the same form elsewhere in the article is that case too
    (партією Шора beside Ілана Шора). The first occurrence whose context shows it decides;
    read once per document and word, and only for the words asked about."""
    proven = document.case_proven
    if proven is None:
        proven = document.case_proven = {}
        starts = document.case_starts = {}  # word -> where the document writes it
        for m in _CAPITALISED_RE.finditer(document.text):
            starts.setdefault(m.group(), []).append(m.start())
    try:
        return proven[word]
    except KeyError:
        pass
    text, lang = document.text, document.lang
    found = None
    if word in document.case_starts and not given_name_romanised(word, lang):
        for start in document.case_starts[word]:
            before = _before(text, start)
            if before and before.group(1)[:1].isupper():  # agreement needs a name before
                found = _agreement(text, start, start + len(word), word, lang, before,
                                   document.words)
                if found:
                    break
    proven[word] = found
    return found


def _record_toponym(paragraph, toponym: Toponym, word: str, span):
    lang = paragraph.lang
    if paragraph.holds_key(toponym.nominative):
        return
    expected = paragraph.document.expected(word)
    stem = romanize(word[:-2], lang)
    for i in toponym_targets(toponym, paragraph.comparable, lang, stem):
        # a target spelling another name of the paragraph is that name (Granovščina: the
        # village Грановщина the school is in)
        if not paragraph.spells_other_name(paragraph.targets[i].text, word):
            paragraph.best[i] = ((-1, 0), toponym.nominative, span, expected, word)
