"""East Slavic persons of a source article: whose names get the official romanisation even
where the translation spells them with letters no romanisation writes.

name_differences excuses a target spelling with letters the national system and BGN/PCGN
never write (c, h for х, j, w, ph, ae: names.foreign_spelling), a Ukrainian source's mixed
spelling (Gavrylita) and a given name's English equivalent (Victor, Valerie), because in news
many names of a Russian or Ukrainian source are foreign people transcribed into Cyrillic
(Винсент Трочек is Vincent Trocheck, Каррен Аттіа Karen Attiah, Натали Портман Natalie
Portman): their Latin spelling is their own. A Russian, Ukrainian or Belarusian person has
no such spelling to keep: English news writes the name by a romanisation (BGN/PCGN or a
documented variant for Russians, the national system KMU 2010 for Ukrainians), and gives a
given name no English equivalent (The Economist style guide, "Russian words and names", (vi):
"Prefer Aleksandr, Viktor, Eduard to Alexander, Victor, Edward, unless the person involved
has clearly chosen an anglicised version"; the house glossary accepts Alexander, as the WMT23
references write it 11 times to Aleksandr's 6). So Germanica for Германика, Potehín for
Потехин, Heifetz for Хейфец, Victor for Виктор, Valerie for Валерия are errors there.

Context tells the two apart (`People`): a run of capitalised source words naming a person
whose given name is East Slavic, or beside a patronymic (-ович, -овна, -івна) or a Russian or
Ukrainian-formed surname (-ов, -ин, -енко, -юк, -ець ...). The same person named later by
one word of the name (Котін, Германика, Валерии) keeps it within the article.

Not lifted: a source about Moldova (its people with East Slavic given names may be Moldovans,
whose own spelling is Romanian: Plahotniuc for Плахотнюк), and a target word that is itself
a real given name standing for a surname (Evgeny Friedhelm for Евгений Фридгельм: a Russian
of German descent keeps the German spelling).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Set

from mtqa.realnames import given_name_countries, is_given_name
from mtqa.source.names import _UKRAINIAN_AS_RUSSIAN, variant_key
from mtqa.source.romanize import lemma_forms, romanize

# Countries whose given names are those of Russians, Ukrainians, Belarusians
_EAST_SLAVIC = frozenset(("RU", "UA", "BY"))
# ... and the stock of given names shared across the former Soviet Union (given-names.tsv
# lists Valeriya, Lyubov, Yevgeniy for these only): a given name used nowhere else names an
# East Slavic person whatever the surname (Валерия Гай Германика). A name also used in
# Western or Central Europe (Viktor, Roman, Anna) says nothing alone (Виктор Гюго).
_FORMER_USSR = _EAST_SLAVIC | frozenset(("central-asia", "AM", "AZ", "GE", "MD", "LT", "LV",
                                         "EE", "IL", "BG"))
# a run of capitalised words separated by a space (a name: Валерия Гай Германика)
_RUN_RE = re.compile(r"[А-ЯЁІЇЄҐ](?<![^\W\d_].)[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*"  # (capital first)
                     r"(?:[ \u00a0][А-ЯЁІЇЄҐ][^\W\d_]+(?:['’ʼ-][^\W\d_]+)*)*")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
# a patronymic, in any case (Иванович, Ивановна, Іванівна, Сергіївни): masculine -ович/-евич
# only before a surname (alone it is as often a Serbian or Croatian surname: Джокович)
_FEMININE_PATRONYMIC = re.compile(r"(?:ов|ев|ів|їв)н(?:а|ы|и|е|у|ой|ою|і)$")
_MASCULINE_PATRONYMIC = re.compile(r"(?:ович|евич|йович|ьович)(?:|а|у|ем|ом|і|еві|ові)$")
# Russian and Ukrainian surname suffixes in any case (Unbegaun, "Russian Surnames", Oxford
# 1972; Redko, "Довідник українських прізвищ", Kyiv 1969): -ов/-ев/-ин (Потехин, Крикалев), -енко,
# -ук/-юк/-чук (Скибюк), -ець/-ец (Гришковец). -ский/-цкий and -ич are left out: Polish
# (Lewandowski) and Serbian or Croatian (Milinković) surnames end so too.
_FORMED_SURNAME = re.compile(
    r"(?:[^аеиоуыэюяіїє](?:ов|ев|ёв|ин|ын|ін)(?:|а|у|ым|ом|е|ой|ою|ых|ы|і|им|ій|ої)"
    r"|енк[оаиуі]|енком"
    r"|[^аеиоуыэюяіїє]у[кч]к?(?:|а|у|ом|ем|ові|еві|і|е)|юк(?:|а|у|ом|ові|і|е)"
    r"|[^аеиоуыэюяіїє](?:ець|ец|е?ц(?:я|ю|ем|еві|ом|у|а|ы|і|е)))$")
# ... of which -енко, -ук/-юк/-чук, -ець are Ukrainian (and Belarusian) only: Bulgarian
# surnames share -ов/-ев (Брэндон Танев, the Canadian Brandon Tanev), these they do not
_UKRAINIAN_SURNAME = re.compile(
    r"(?:енк[оаиуі]|енком|[^аеиоуыэюяіїє]у[кч]к?(?:|а|у|ом|ем|ові|еві|і|е)|юк(?:|а|у|ом|ові|і|е)"
    r"|[^аеиоуыэюяіїє](?:ець|ця|цю|цем|цеві))$")


class People:
    """The East Slavic persons' name words of one source document: where the foreign-letter
    and equivalent-name excuses do not hold."""

    def __init__(self, text: str, lang: Optional[str]):
        self.lang = lang
        self._roles: Dict[int, Optional[str]] = {}  # word start -> "given", "surname", None
        self._given: Set[str] = set()     # the persons' given names (variant keys)
        self._surnames: Set[str] = set()  # nominative candidates of their other name words
        if lang not in ("ru", "uk") or _MOLDOVA_RE.search(text):
            return
        for run in _RUN_RE.finditer(text):
            words = [(m.start(), m.group()) for m in _WORD_RE.finditer(run.group())]
            if len(words) < 2:
                continue
            for (offset, word), role in zip(words, _person_roles([w for _, w in words], lang)):
                if role == "":
                    continue  # no name word (a sentence's first word): looked up alone
                self._roles[run.start() + offset] = role or None
                if role == "given":
                    self._given.update(_given_keys(word, lang))
                elif role:
                    self._surnames.update(lemma_forms(word, lang))

    def role(self, start: int, word: str) -> Optional[str]:
        """"given" or "surname" when the source word at `start` names an East Slavic person,
        as part of a full name or alone (the same name written in full elsewhere: Котін,
        Валерии), else None. A word of a full name that is no East Slavic person's (Виктор
        Гюго) is None, even if another person of the article shares it."""
        if start in self._roles:
            return self._roles[start]
        if not (self._given or self._surnames):
            return None
        if not self._surnames.isdisjoint(lemma_forms(word, self.lang)):
            return "surname"
        if not self._given.isdisjoint(_given_keys(word, self.lang)):
            return "given"
        return None

    @staticmethod
    def lifts(role: Optional[str], target: str) -> bool:
        """Does the person's name lose the excuses of a foreign spelling for this target
        word? Not where the target is a real given name standing for a surname (Friedhelm
        for Фридгельм: the German original of a Russian German's surname)."""
        return role == "given" or role == "surname" and not is_given_name(target)


def people(text: str, lang: Optional[str]) -> People:
    """The People of a source document (made once per source by name_differences'
    _Document.people, shared by the translations of the source a batch checks)."""
    return People(text, lang)


def _person_roles(words, lang):
    """The role of each word of a run of capitalised words: "given" and "surname" (the
    other name words) when it names an East Slavic person, None for the words of a full
    name that is no East Slavic person's (Виктор Гюго), "" for words outside a full name (no
    given name in the run, or the words before it: Президент Петро Котін)."""
    roles = [""] * len(words)
    # the given name: an East Slavic one first (Аргентине Георгия Полина: Георгия)
    given = next((k for k, w in enumerate(words[:3])
                  if not _EAST_SLAVIC.isdisjoint(_given_countries(w, lang))), None)
    if given is None:
        given = next((k for k, w in enumerate(words[:3]) if _given_countries(w, lang)), None)
    if given is None:
        return roles
    east_slavic_given = not _EAST_SLAVIC.isdisjoint(_given_countries(words[given], lang))
    # the name: the given name and up to three words after it, or a formed surname and an
    # East Slavic given name after it (Кузнецовой Натальи; not Джина Дэвис, Gina Davis)
    after = list(range(given + 1, min(len(words), given + 4)))
    if not after and given > 0 and east_slavic_given and \
            _FORMED_SURNAME.search(words[given - 1].lower()):
        after = [given - 1]
    if not after:
        return roles  # a given name alone: looked up alone
    others = [words[k].lower() for k in after]
    # (a foreign given name beside a formed surname is as often a Bulgarian's: Брэндон
    # Танев, Brandon Tanev)
    # East Slavic: a given name used only in the former Soviet Union; an East Slavic given
    # name beside a formed surname; any given name beside a patronymic (Вікторії Микитівни)
    # or a Ukrainian-only surname suffix (Серафима Скибюк)
    patronymic = any(_FEMININE_PATRONYMIC.search(w) for w in others) or (
        len(others) >= 2 and bool(_MASCULINE_PATRONYMIC.search(others[0])))
    east_slavic = _given_name(words[given], lang)[2] or patronymic or (
        east_slavic_given and any(_FORMED_SURNAME.search(w) for w in others)) or any(
        _UKRAINIAN_SURNAME.search(w) for w in others)
    for k in [given] + after:
        roles[k] = ("given" if k == given else "surname") if east_slavic else None
    return roles


# A given name's case endings and the nominatives they come from (Russian and Ukrainian
# declension of first names: Валерии, Натальи, Виктора, Андреем, Ольги, Олені, Марії):
# ending -> nominative endings. Two-letter endings no nominative has decide alone; a word
# whose other readings (as written, one-letter endings, -ем, -ия) give different given names
# is left undecided: Натали is the given name Natali (Natalie Portman) or a case of Наталя,
# Карена a case of Карен or the name Karena, Артем a nominative or a case of Арть.
_DECISIVE_CASES = (
    ("ии", ("ия", "ий")), ("ию", ("ия",)), ("ией", ("ия",)),
    ("ьи", ("ья",)), ("ье", ("ья",)), ("ью", ("ья",)), ("ьей", ("ья",)),
    ("ії", ("ія",)), ("ію", ("ія",)), ("ією", ("ія",)), ("ого", ("ий",)),
    ("ой", ("а",)), ("ою", ("а",)), ("ею", ("я",)), ("єю", ("я",)),
    ("ові", ("",)), ("еві", ("ь", "й")), ("єві", ("й",)),
)
_OTHER_CASES = (
    ("ом", ("",)), ("ем", ("ь", "й")), ("ия", ("ий",)), ("ія", ("ій",)),
    ("ы", ("а",)), ("и", ("а", "я")), ("і", ("а", "я", "")), ("е", ("а", "я", "", "ь", "й")),
    ("у", ("а", "")), ("ю", ("я", "ь", "й")), ("а", ("",)), ("я", ("ь", "й")),
)


def _title(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _readings(word: str, cases):
    low = word.lower()
    return [word[:len(word) - len(ending)] + n for ending, nominatives in cases
            if low.endswith(ending) and len(low) - len(ending) >= 2 for n in nominatives]


def _named(candidates, lang):
    """(romanised form, countries) of the candidates that are given names."""
    out = []
    for candidate in candidates:
        form = _title(romanize(candidate, lang))
        countries = frozenset(given_name_countries(form).split())
        if not countries and lang == "uk":
            # the list spells most names one way (Viktoriya): a Ukrainian name's KMU form
            # (Viktoriia) is looked up by its Russian-style spelling too
            countries = frozenset(given_name_countries(_title(romanize(
                candidate.translate(_UKRAINIAN_AS_RUSSIAN), "ru"))).split())
        if countries:
            out.append((form, countries))
    return out


@lru_cache(maxsize=65536)
def _given_name(word: str, lang: str):
    """(romanised nominative, countries, whether East Slavic only) of the given name `word`
    inflects (given-names.tsv): a decisive ending's reading, preferring an East Slavic name;
    else the one name all other readings give (spellings one variant_key apart count as one:
    Valeria, Valeriya). When they give several, the nominative is "" (undecided), the
    countries those of all, and East Slavic only if every reading is (Валерия: Valeriya or
    the masculine genitive of Valeriy). ("", empty, False) when no reading is a given name."""
    named = _named(_readings(word, _DECISIVE_CASES), lang)
    if named:
        named = [next((n for n in named if not _EAST_SLAVIC.isdisjoint(n[1])), named[0])]
    else:
        named = _named([word] + _readings(word, _OTHER_CASES), lang)
    if not named:
        return "", frozenset(), False
    only = all(not _EAST_SLAVIC.isdisjoint(c) and c <= _FORMER_USSR for _, c in named)
    if len({variant_key(form) for form, _ in named}) > 1:
        return "", frozenset().union(*(c for _, c in named)), only
    return named[0][0], named[0][1], only


def east_slavic_given_name(name: str) -> bool:
    """Is the (romanised) name given in Russia, Belarus or Ukraine (given-names.tsv)?"""
    return not _EAST_SLAVIC.isdisjoint(given_name_countries(name).split())


@lru_cache(maxsize=65536)
def _given_keys(word: str, lang: str) -> FrozenSet[str]:
    """The variant_keys of every given name a reading of `word` gives (Валерия: Valeriya,
    Valeriy): a name written in full once is the same person's when it recurs alone in
    another case (Валерии)."""
    candidates = [word] + _readings(word, _DECISIVE_CASES) + _readings(word, _OTHER_CASES)
    return frozenset(variant_key(form) for form, _ in _named(candidates, lang))


def _given_countries(word: str, lang: str) -> FrozenSet[str]:
    return _given_name(word, lang)[1]


def given_forms(expected, word: str, lang: Optional[str]):
    """An East Slavic person's given name's expected form: the given name's nominative alone
    (Valeriya for Валерии, Natalya for Наталье), not every candidate nominative of its
    ending (Valerio, Natalye: a target like Valerie, Natalie would pass as their accepted
    spellings); with the nominative undecided, the candidates that are given names
    (Serafima, Serafim for Серафима, not Serafimya); unchanged when none is."""
    nominative = given_nominative(word, lang)
    if nominative:  # with the candidates that are its accepted spellings (Klavdia)
        key = variant_key(nominative)
        return expected._replace(forms=(nominative,) + tuple(
            f for f in expected.forms if f != nominative and variant_key(f) == key),
            accepted=())
    forms = tuple(f for f in expected.forms if is_given_name(f))
    if not forms:
        return expected
    return expected._replace(forms=forms,
                             accepted=tuple(f for f in expected.accepted if is_given_name(f)))


# Russian and Ukrainian given names that are common nouns, and the English nouns MT
# translates them into (Любовь Митина -> Love Mitina): the name is romanised, never
# translated (The Economist, above: no English equivalent for a given name)
_NOUN_GIVEN_NAMES = {"Lyubov": "Love", "Liubov": "Love", "Vera": "Faith", "Nadezhda": "Hope",
                     "Nadiia": "Hope"}


def record_translated_given(paragraph, span, word: str, expected):
    """Record a target word that translates an East Slavic person's given name as the
    common noun it also is (Love for Любовь), when the name itself is not in the target."""
    nominative = given_nominative(word, paragraph.lang)
    noun = _NOUN_GIVEN_NAMES.get(nominative)
    if noun:
        for i, t, _ in paragraph.comparable:
            if t.text == noun:
                paragraph.record(i, (0, 0), nominative, span, expected, word)


def given_nominative(word: str, lang: Optional[str]) -> str:
    """The romanised nominative of the given name `word` inflects (Валерии -> Valeriya), or
    ""."""
    return _given_name(word, lang)[0] if lang in ("ru", "uk") else ""


# a source about Moldova: its people with East Slavic given names are as often Moldovans
# (Наталія Гавриліца, Володимир Плахотнюк), whose own Latin spelling is Romanian (Natalia
# Gavrilița, Vladimir Plahotniuc: Moldovan identity documents write names in the Romanian
# alphabet, and Reuters and the BBC use those spellings); the text does not tell them apart
# from Ukrainians or Russians, so no person there loses the foreign-spelling excuse
_MOLDOVA_RE = re.compile(r"[Мм]олдов|[Мм]олдав|Кишин[еёі]в")
