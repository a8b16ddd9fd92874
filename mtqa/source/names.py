"""The expected English form of a name found in a source text, and comparison of name forms.

Expected form, in order:
1. the house form of a known entity: mtqa/data/source-names.tsv (Cyrillic words of
   SpellingUkraine's people, places and companies, Ukrainian and Russian spellings, built by
   scripts/build_source_names.py), so a Ukrainian person or place in a Russian source still
   gets the Ukrainian form (Киев -> Kyiv, Зеленского -> Zelenskyy). Given names alone are
   used for Ukrainian sources only (a Russian "Ольга" may well be a Russian Olga);
2. the glossary canonical when a romanised (or, for Latin-script sources, copied) form is one
   of a glossary entry's forms (Харькове -> Kharkov -> glossary Kharkiv);
3. otherwise the romanisation: Ukrainian National 2010 for Ukrainian, BGN/PCGN for Russian,
   with case endings handled (Гостомелі -> Hostomel); Latin-script sources are copied through.

Comparison: a romanised form is "present" when a target word has the same *loose key* (case,
diacritics, apostrophes and the i/y/j, x/ks, doubled-letter spellings folded: Zelenskyy,
Zelenskyi, Zelensky; Mariya, Maria), because English news writes those freely; a house form
(1, 2) must be there exactly. Diacritics: a Latin-script source's "Luboš" is matched by
"Lubos" (folded), and "Lubos" is never suggested over "Luboš" or the reverse.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, NamedTuple, Optional, Tuple

from rapidfuzz.distance import Levenshtein  # (mtqa.source.names loads only with a source)

from mtqa.realnames import given_name_countries, is_given_name
from mtqa.source.romanize import (_ENDINGS, _NOMINATIVE, STRESS_MARK, endings_of, lemma_forms,
                                  romanize)

RUSSIAN_AS_WRITTEN = False  # measured: True flags 14 per 1,000 reference words (docs/source.md)
_DATA = Path(__file__).resolve().parent.parent / "data" / "source-names.tsv"


@lru_cache(maxsize=1)
def lexicon() -> Dict[str, Tuple[str, str]]:
    out: Dict[str, Tuple[str, str]] = {}
    with open(_DATA, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cyrillic, english, kind = line.rstrip("\n").split("\t")
            out[cyrillic] = (english, kind)
    return out


class Expected(NamedTuple):
    forms: Tuple[str, ...]   # candidate English forms, the likeliest first
    exact: bool              # a house form (lexicon, glossary): must appear as written
    origin: str              # "SpellingUkraine", "glossary", "KMU 2010", "BGN/PCGN", "source"
    # Ukrainian plain romanisations only: the word's Russian-style renderings (its letters
    # read as the Russian spelling, romanised by BGN/PCGN): the only near forms compared
    russian_style: Tuple[str, ...] = ()
    # Russian plain romanisations only: spellings accepted besides the forms, never suggested:
    # the Ukrainian national romanisation of the same letters (a Ukrainian named in a Russian
    # source: Kurylenko for Куриленко; the y of Lithuanian Arvydas for Арвидас)
    accepted: Tuple[str, ...] = ()


# The Russian spelling of a Ukrainian word letter by letter, as Russian-language text spells
# Ukrainian names (Гаврилюк, Киев for Київ, Марьинка for Мар'їнка): і ї -> и, є -> е, ґ -> г,
# the apostrophe -> ь.
_UKRAINIAN_AS_RUSSIAN = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "І": "И",
                                       "Ї": "И", "Є": "Е", "Ґ": "Г", "'": "ь", "’": "ь",
                                       "ʼ": "ь"})


# A Ukrainian patronymic: the feminine -івна/-ївна (Іванівна, Сергіївна), whose Russian
# counterpart is -овна/-евна (Ивановна, Сергеевна: Ukrainian і in a closed syllable stands
# for an etymological о, е), and the masculine -ович/-евич, spelled alike in both (its
# romanisations differ: Ivanovych, Ivanovich); in any case ending.
_UKRAINIAN_PATRONYMIC = re.compile(r"(?:[іїо]вн|[оеє]вич)(?:а|и|і|у|ою|ем|еві|ові|у)?$")
_FEMININE_PATRONYMIC = re.compile(r"(ії|ї|і)(вн(?:а|и|і|у|ою)?)$")
_RUSSIAN_PATRONYMIC_VOWELS = {"ії": "ее", "ї": "е", "і": "о"}  # Сергіївна: Сергеевна


def ukrainian_patronymic(word: str) -> bool:
    """Is a Ukrainian source word a patronymic (Іванівна, Сергіївни, Петрович)?"""
    return len(word) > 6 and bool(_UKRAINIAN_PATRONYMIC.search(word.lower()))


def _russian_style_forms(word: str) -> Tuple[str, ...]:
    """The Russian-style renderings of a Ukrainian name (Гаврилюк -> Gavrilyuk): its letters
    read as Russian ones, and for a feminine patronymic the Russian suffix too (Іванівна ->
    Ivanovna, Сергіївна -> Sergeevna)."""
    forms = lemma_forms(word.translate(_UKRAINIAN_AS_RUSSIAN), "ru")
    patronymic = _FEMININE_PATRONYMIC.search(word.lower())
    if patronymic:
        russian = word[:patronymic.start()] + \
            _RUSSIAN_PATRONYMIC_VOWELS[patronymic.group(1)] + word[patronymic.start(2):]
        forms += tuple(f for f in lemma_forms(russian.translate(_UKRAINIAN_AS_RUSSIAN), "ru")
                       if f not in forms)
    return forms


def _lexicon_hit(word: str, lang: str) -> Optional[str]:
    low = word.lower().replace(STRESS_MARK, "")
    # a Russian adjective in its own nominative (Малая, Белая, Новое) is a word of a multi-word
    # name (Мала Виска, Біла Церква) only beside the rest of that name: alone it is an adjective
    if lang == "ru" and low.endswith(_RUSSIAN_ADJECTIVE_NOMINATIVE):
        return None
    table = lexicon()
    candidates = [low]
    for ending in endings_of(low, lang):
        # genitive plurals (-ов, -ів) are surname endings too: Озеров is no case of Озеро
        if ending in ("ов", "ев", "ів", "їв"):
            continue
        if len(low) - len(ending) >= 4:
            stem = low[:len(low) - len(ending)]
            candidates.extend(stem + n for n in _NOMINATIVE[lang])
    for c in candidates:
        hit = table.get(c)
        if hit and (hit[1] == "entity" or lang == "uk"):
            return hit[0]
    return None


_RUSSIAN_ADJECTIVE_NOMINATIVE = ("ая", "яя", "ое", "ее", "ый", "ые", "ие")


def glossary_words(glossary, entities_only: bool = False) -> Dict[str, str]:
    """Word of any glossary form -> the corresponding word of the canonical name, for forms
    with as many words as the canonical (word by word), when unambiguous. `entities_only`
    leaves out given names (given-name entries, a person's words before the surname): for
    Russian sources, where a given name alone says nothing about the person."""
    cache = glossary.__dict__.setdefault("_source_words", {})
    if entities_only in cache:
        return cache[entities_only]
    mapping: Dict[str, str] = {}
    clashes = set()
    for form, (kind, entry, fix) in glossary.forms.items():
        if entities_only and entry.type in ("given-name", "person", "surname"):
            continue
        canonical = (fix or entry.name).split()
        words = form.split()
        if len(words) != len(canonical):
            continue
        for k, (w, c) in enumerate(zip(words, canonical)):
            if len(w) < 3 or not w[:1].isupper():
                continue
            if mapping.get(w, c) != c:
                clashes.add(w)
            mapping[w] = c
    for w in clashes:
        mapping.pop(w, None)
    cache[entities_only] = mapping
    return mapping


def expected_forms(word: str, lang: Optional[str], glossary=None) -> Optional[Expected]:
    """The expected English form(s) of a source word; cached per glossary (a batch asks for
    the same names again and again)."""
    cache = glossary.__dict__.setdefault("_source_expected", {}) if glossary is not None \
        else _EXPECTED_CACHE
    key = (word, lang)
    try:
        return cache[key]
    except KeyError:
        if len(cache) > 200_000:
            cache.clear()
        found = cache[key] = _expected_forms(word, lang, glossary)
        return found


_RUSSIAN_ONLY = re.compile("[ыэъёЫЭЪЁ]")  # letters Ukrainian does not have: no Ukrainian reading
_EXPECTED_CACHE: Dict[Tuple[str, Optional[str]], Optional[Expected]] = {}


# Letter sequences Russian and Ukrainian spelling never write: a vowel before the adjectival
# ending -ий/-ій (the ending follows a consonant; after a vowel the letter is й alone: -ой,
# -ей, -ай). A source word with one is a typo (Добровинскоий), whose romanisation is no name.
_IMPOSSIBLE = re.compile(r"[аеёиоуыэюяіїє][иі]й$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTERS_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _expected_forms(word: str, lang: Optional[str], glossary=None) -> Optional[Expected]:
    if lang in ("uk", "ru") and _CYRILLIC.search(word):
        if _IMPOSSIBLE.search(word.lower()):
            return None  # a source typo: the translation's spelling is not checkable
        hit = _lexicon_hit(word, lang)
        if hit:
            return Expected((hit,), True, "SpellingUkraine")
        forms = lemma_forms(word, lang)
        if lang == "ru" and "э" in word.lower():
            # э mostly transcribes an English a (Сэндлер Sandler, Лэмпард Lampard)
            forms += tuple(f for f in lemma_forms(word.replace("э", "а").replace("Э", "А"),
                                                  lang) if f not in forms)
        adjective = lang == "ru" and word.lower().endswith(_RUSSIAN_ADJECTIVE_NOMINATIVE)
        if glossary is not None and not adjective:  # (Малая: see _lexicon_hit)
            # a glossary person's surname is not trusted in a Russian source (a Russian
            # Федоров is not the Ukrainian minister Fedorov): SpellingUkraine lists the
            # Russian spellings of the Ukrainians it knows
            words = glossary_words(glossary, entities_only=lang == "ru")
            for f in forms[:1] if lang == "ru" else forms:
                if f in words:
                    return Expected((words[f],), True, "glossary")
        if lang == "uk":
            return Expected(forms, False, "KMU 2010", _russian_style_forms(word))
        # Russian: BGN/PCGN is the expected form as written (Mamayev, not Mamaev) - trial
        return Expected(forms, RUSSIAN_AS_WRITTEN, "BGN/PCGN",
                        accepted=lemma_forms(word, "uk") if _RUSSIAN_ONLY.search(word) is None
                        else ())
    if _LETTERS_WORD.fullmatch(word) and word.isascii() or \
            all(unicodedata.category(ch).startswith("L") and ord(ch) < 0x250 for ch in word):
        if glossary is not None:
            words = glossary_words(glossary)
            if word in words:
                return Expected((words[word],), True, "glossary")
        return Expected((word,), False, "source")
    return None  # other scripts (Chinese): no romanisation here


def fold(text: str) -> str:
    """Lower case without diacritics."""
    if text.isascii():
        return text.lower()  # (NFD leaves ASCII as it is and it has no combining marks)
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# English spellings of one sound, folded before names are compared (a name transcribed into
# Cyrillic and romanised back - Челси -> Chelsi, Гарвард -> Garvard - is its English original)
# German/Italian tz and English tch are ц and ч too (Metzola for Мецола, Metsola; Butch
# for Буча): folded with ts, ch before those become one letter
_SOUND_GROUPS = (("tch", "ch"), ("tz", "ts"))
_ENGLISH_FOLDS = (("ph", "f"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("th", "t"),
                  ("ee", "i"), ("ea", "i"), ("ie", "i"), ("ou", "u"), ("oo", "u"))
# Russian names have no one English spelling: Sergey/Sergei, Yelena/Elena, Khilyal/Hilal,
# Garvard/Harvard. Ukrainian ones have the national system, whose y/i and h/g distinctions are
# exactly what an editor corrects (Maryna, not Marina; Hostomel, not Gostomel): kept.
_RUSSIAN_FOLDS = (("kh", "h"), ("g", "h"), ("j", "y"), ("i", "y"), ("ye", "e"), ("yo", "e"),
                  ("ya", "a"), ("yu", "u"), ("ey", "e"), ("ay", "a"))


# the key functions' patterns, compiled once: a module-level re.sub(pattern string, ...) goes
# through re's pattern cache on every call (128,000 calls on 292 WMT23 articles)
_NOT_A_TO_Z = re.compile(r"[^a-z]")
_ADJECTIVAL_FINAL = re.compile(r"(?:yi|iy|yy|ii|y|i)$")
_DOUBLED = re.compile(r"(.)\1+")


def _letters_a_to_z(folded: str) -> str:
    """The letters a-z of a folded word (most are nothing else: no pattern run for those)."""
    plain = folded.isascii() and folded.isalpha() and folded.islower()
    return folded if plain else _NOT_A_TO_Z.sub("", folded)


@lru_cache(maxsize=65536)
def skeleton(word: str, lang: Optional[str] = None) -> str:
    """A key equal for spellings of one name that English text uses interchangeably for the
    language's romanisations; stricter for Ukrainian (national system) than for Russian."""
    k = _letters_a_to_z(fold(word))
    for a, b in _SOUND_GROUPS:
        k = k.replace(a, b)
    k = k.replace("ch", "\x01").replace("sh", "\x02").replace("zh", "\x03").replace("ts", "\x04")
    for a, b in _ENGLISH_FOLDS:
        k = k.replace(a, b)
    k = k.replace("c", "k")
    if lang != "uk":
        for a, b in _RUSSIAN_FOLDS:
            k = k.replace(a, b)
    # word-final -yi/-iy/-yy/-ii/-y/-i of adjectival surnames (Zelenskyi, Zelenskyy, Zelensky)
    if k.endswith(("i", "y")):
        k = _ADJECTIVAL_FINAL.sub("y", k)
    if len(k) > 4 and k.endswith("e"):
        k = k[:-1]
    return _DOUBLED.sub(r"\1", k)


@lru_cache(maxsize=65536)  # (asked 72,000 times on 292 WMT23 articles, mostly of known words)
def accepted_key(word: str, lang: Optional[str]) -> str:
    """The key two spellings of a romanised name share when both are accepted: for Russian
    the documented systems (variant_key), otherwise the skeleton (Ukrainian: the national
    system's y/i and h/g kept apart)."""
    return variant_key(word) if lang == "ru" else skeleton(word, lang)


@lru_cache(maxsize=65536)
def original_key(word: str) -> str:
    """variant_key with the Latin spellings that Russian practical transcription of foreign
    names maps onto one Cyrillic letter folded together (French ch -> ш: Chabrol, Шаброль;
    Italian/German z, tz -> ц: Frazetta, Фрацетта; French/Dutch eu -> ю: Reuten, Рютен): a
    target equal to a Russian romanisation on this key is the name's original spelling."""
    k = variant_key(word).replace("eu", "ю").replace("ch", "sh").replace("tz", "ts")
    return k.replace("ts", "z")


# ---- accepted spellings of a Russian name ------------------------------------------------
# A Russian name has no single English spelling: several documented systems are in use and an
# editor accepts any of them (the house form, when there is one, is expected as written). The
# accepted set is every spelling these systems give for the name's letters; `variant_key`
# folds exactly their differences, so two spellings have one key when some combination of the
# systems writes them both:
# - BGN/PCGN 1947: е ye (initial, after vowels, ъ ь), й y, ы y, я ya, ю yu, ий/ый iy/yy
#   (Mamayev, Zaytsev, Nadya, Valeriya, Prokopyev, Dmitriy);
# - ICAO Doc 9303 (7th ed.), Russian passports since 2013: е/ё e, й i, я ia, ю iu, ъ ie,
#   ий ii (Mamaev, Zaitsev, Nadia, Valeriia, Dmitrii);
# - The Economist style guide, "Russian words and names": no y before e after consonants,
#   ye at the start and after vowels, ё yo (Fyodor, Pyotr), -y after consonants and -i after
#   vowels (Yury, Sergei), dzh -> j (Jokhar), Alexander where a person chose it (кс x);
# - the endings English news accepts (ия ia: Maria, Valeria; ь before a vowel as i:
#   Prokofiev, Grigoriev) and щ as sch (Yandex Maps' transcription rules: Tischenko).
# g/h and kh/h are not folded: every system writes г g and х kh (a target with h alone is a
# foreign spelling and is not compared with a romanisation, see foreign_spelling).
_RU_ENDING = re.compile(r"(?:iy|yy|ii|yi|y|i)$")       # ий/ый/-й: -iy -yy -ii -y -i
_RU_IOTATED = tuple((re.compile(r"[iy]{1,2}" + latin), cyrillic, latin)  # ya/ia/iya, yu/iu...
                    for latin, cyrillic in (("a", "я"), ("u", "ю")))
_RU_E = re.compile(r"[iy]{0,2}[e]|[iy]{1,2}o")
_RU_PALATAL_A = re.compile(r"(ch|zh|sh|щ)я")
_RU_PALATAL_U = re.compile(r"(ch|zh|sh|щ)ю")
_RU_Y_BY_VOWEL = re.compile(r"y(?=[aeiouяюы])|(?<=[aeiouяюы])y")


@lru_cache(maxsize=65536)
def variant_key(word: str) -> str:
    """A key shared by the spellings of one Russian name that the documented systems above
    give (Mamaev/Mamayev, Zaitsev/Zaytsev, Nadia/Nadya, Valeria/Valeriya/Valeriia,
    Prokopiev/Prokopyev, Alexandra/Aleksandra, Alijan/Alidzhan, Yegor/Egor); other
    differences (Gorbchenko for Gorobchenko, Zaytsov for Zaytsev) keep their keys apart."""
    k = _letters_a_to_z(fold(word))
    k = k.replace("x", "ks").replace("dzh", "j").replace("shch", "щ").replace("sch", "щ")
    k = _RU_ENDING.sub("ы", k) if len(k) > 3 and k.endswith(("i", "y")) else k
    for iotated, cyrillic, latin in _RU_IOTATED:
        if latin in k:
            k = iotated.sub(cyrillic, k)
    if "e" in k or "o" in k:
        k = _RU_E.sub("e", k)      # e/ye/ie/iye, ё as yo/io/e
    # Russian spelling writes а, у after ж ч ш щ, never я, ю (the ча-ща, чу-щу rule), so a
    # name whose original has a palatal vowel there is spelled with а, у in Russian
    # (Мкртчан, Мкртчян, for the Armenian Mkrtchyan): ya, yu there are the original's
    # (я, ю come only from the iotated folds above; a key without y has no й to fold)
    if "я" in k:
        k = _RU_PALATAL_A.sub(r"\1a", k)
    if "ю" in k:
        k = _RU_PALATAL_U.sub(r"\1u", k)
    # й as y or i (next to a vowel); ы is y in every system, so y between consonants stays
    return _RU_Y_BY_VOWEL.sub("i", k) if "y" in k else k


def russian_style(target_word: str, expected: str) -> bool:
    """Is the target word the Russian-style spelling of a Ukrainian name: the same but for
    i/y, e/ye, doubled letters (Marina for Maryna, Odessa for Odesa)? g/h and kh/h are not
    counted here: foreign names differ from their Ukrainian transcription exactly there
    (Telegram, Телеграм, Telehram; Hopkins, Хопкінс, Khopkins)."""
    def key(word):
        k = _letters_a_to_z(fold(word))
        for a, b in (("j", "y"), ("i", "y"), ("ye", "e"), ("yo", "e"), ("ya", "a"), ("yu", "u")):
            k = k.replace(a, b)
        return _DOUBLED.sub(r"\1", k)

    return key(target_word) == key(expected)


def distance(a: str, b: str) -> int:
    return Levenshtein.distance(a, b)


def near(target_word: str, expected: str, lang: Optional[str], exact: bool) -> Optional[int]:
    """The distance of a target word from an expected form when the target word is a near
    form of it (a misspelling or another romanisation), else None.

    Distance on loose keys (Russian-style folding: g/h, i/y, ...): at most 1 up to 6
    letters, 2 up to 10, 3 beyond, so the Russian-style rendering of a Ukrainian name
    (Grigorenko for Hryhorenko, Marina for Maryna) is near. A house form (exact) must appear
    as written, so an equal key (Zelenskiy for Zelenskyy) is near at distance 0; a romanised
    form is matched by any spelling with its skeleton (strict for Ukrainian: y/i and h/g
    count there)."""
    if target_word == expected or min(len(target_word), len(expected)) < 4:
        return None
    if not exact and accepted_key(target_word, lang) == accepted_key(expected, lang):
        return None  # an accepted spelling of the romanised name
    a, b = skeleton(target_word, "ru"), skeleton(expected, "ru")
    limit = near_limit(len(b), lang, exact)
    d = distance(a, b)
    return d if d <= limit else None


def near_limit(size: int, lang: Optional[str], exact: bool) -> int:
    """The largest skeleton distance `near` accepts from an expected form whose skeleton has
    `size` letters (also the bound of name_differences' near_candidates)."""
    if lang == "uk" and not exact and UKRAINIAN_RUSSIAN_STYLE_ONLY:
        return 0  # only differences the Russian-style folds explain (measured: docs/source.md)
    return 1 if size <= 6 else 2 if size <= 10 else 3


# A plain KMU romanisation (no house form) is compared only with target spellings the
# Russian-style folds explain (Grigorenko, Marina): other near forms were mostly foreign names
# transcribed into Ukrainian (Gavrilita, Гаврилиця). Measured on WMT23 uk-en: reference false
# alarms 1.14 -> 0.79 per 1,000 words, recall 0.77 -> 0.75.
UKRAINIAN_RUSSIAN_STYLE_ONLY = True


# Letter groups the national system and BGN/PCGN never write: a target word with one is the
# original spelling of a foreign name (Jennifer, Willis, Matrix, Mathieu), not a romanisation
# of its Cyrillic transcription, and is not compared with one.
_NEVER_ROMANISED = re.compile(r"c(?!h)|q|w|x|j|ph|th|ee|oo|ou|ea|ae|oe|ck|[^a-z]")
# BGN/PCGN also never writes h alone (only kh, sh, ch, zh, shch), nor ie/ia/iu/io/ei/ai.
_NEVER_BGN = re.compile(r"(?<![kszc])h|i[eauo]|[ea]i")


# Russian surname and patronymic endings (Makhachev, Shakhnazarov, Ivanovna): a name with one
# is Russian (or russified), so an h alone in its English spelling is a misspelling of kh
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ev|ova|eva|ovich|evich|ovna|evna|skiy|skaya|enko"
                              # -in/-yn (Potekhin, Kokorin) only with a consonant before
                              r"|[bdfghklmnprstvz]in|[bdfghklmnprstvz]ina)$")


# Ukrainian surname suffixes, in the national romanisation (Hryhorenko, Kovalchuk, Havryliuk,
# Kotsiubynskyi, Petrovych, Mykhailyshyn): a name with one is Ukrainian, so a near spelling
# that is neither the national form nor its Russian-style rendering is a misspelling or
# another Ukrainian system's form (BGN/PCGN 1965 Kotsyubynskyi, the mixed Grygorenko), not a
# foreign original transcribed into Ukrainian (Gavrylita for Гаврилиця)
_UKRAINIAN_SURNAME = re.compile(r"(?:enko|chuk|iuk|skyi|tskyi|ovych|evych|yshyn)$")


@lru_cache(maxsize=65536)
def ukrainian_formed(forms: Tuple[str, ...]) -> bool:
    """Is one of a Ukrainian name's national forms Ukrainian-formed (-enko, -chuk, -skyi...)?"""
    return any(_UKRAINIAN_SURNAME.search(f.lower()) for f in forms)


@lru_cache(maxsize=65536)
def russian_formed(forms: Tuple[str, ...]) -> str:
    """The first of a name's candidate forms with a Russian surname or patronymic ending
    (the nominative of an oblique Шахназарову is Shakhnazarov), or ""."""
    return next((f for f in forms if _RUSSIAN_SURNAME.search(f.lower())), "")


def foreign_spelling(word: str, lang: Optional[str], expected: str = "") -> bool:
    """Is the target word spelled with letters the romanisation never writes, so that it is a
    foreign name's own spelling? For Russian, x (кс) is a documented spelling (variant_key;
    j is not counted: it spells й, ю and ж in foreign originals - Jovovich, Jurgis, Zibanejad),
    and h alone is foreign only when the expected name is not Russian-formed."""
    low = word.lower()
    if lang == "ru":
        low = low.replace("x", "ks")
        if _RUSSIAN_SURNAME.search(expected.lower()) and _RUSSIAN_SURNAME.search(low):
            # a Russian-formed name spelled with a Russian ending is no foreign original: c
            # for к is a misspelling (Cocorin); a foreign ending is the original's (the
            # Serbian Milinković, Милинкович, is Milinkovic)
            low = re.sub(r"c(?!h)", "k", low)
    if _NEVER_ROMANISED.search(low):
        return True
    if lang != "ru" or not _NEVER_BGN.search(low):
        return False
    return not (_RUSSIAN_SURNAME.search(expected.lower())
                and not re.search(r"i[eauo]|[ea]i", low))


# ---- spellings a foreign original or another scheme can give a Russian name ----------------
# A target spelled with letters BGN/PCGN never writes (foreign_spelling) is usually a foreign
# name's own spelling, which Russian practical transcription maps onto the source's letters
# (Jennifer for Дженнифер, Trocheck for Трочек, Volkanowski for Волкановски). Each BGN/PCGN
# letter group of the expected form is given the Latin spellings that practical transcription
# of English, German, French, Italian, Polish and Czech names renders by that Russian letter
# (Ermolovich, "Имена собственные: теория и практика межъязыковой передачи", 2005; Gilyarevsky
# & Starostin, "Иностранные имена и названия в русском тексте", 1985), plus the documented
# romanisations (ICAO, The Economist, ISO 9 and the scholarly system: c, č, š, šč, ŝ, û, â). A target none of those spellings gives (Trocek: c is
# ч only before e, i (Italian) and at the end (Serbian -ić written -ic); Pothekin: k is no х; Cinotaur: u is no в) is not an original but a
# misspelling, and is compared with the name like any other spelling.
_TRANSCRIBED_AS = {
    "shch": "shch|sch|sc|szcz|stch|sh|ch|šč|ŝ", "dzh": "dzh|dj|dg|dž|j|g|gi|gg",
    "kh": "kh|h|ch|x|j", "ts": "ts|tz|tc|cz|z|c", "ks": "ks|x|cks|cs|kс|xs",
    "ch": "ch|tch|tsch|cz|cs|tj|č|ć|c(?=[eiy]|$)", "sh": "sh|sch|ch|sz|s|sc(?=[eiy])|š",
    "zh": "zh|j|ž|z|s|ge|g(?=[eiy])", "yu": "yu|ju|iu|you|ieu|eu|ew|ue|u|ü|û",
    "ya": "ya|ja|ia|ie|a|â", "ye": "ye|je|ie|e|ai|ei|a", "a": "a|u|ah|ai|ay|à|á",
    "b": "b", "v": "v|w|wh", "g": "g|gh|gu|h", "d": "d|dh", "e": "e|é|è|ë|ä|ö|a|ae|ai|ay|ei|ey|ea|ie|i|eu|io|yo|jo|o",
    "z": "z|s|ž", "i": "i|í|y|j|ee|ea|ie|e|ey|yi|ei|ui", "y": "y|i|j|ie|e|ey|ee|ui|í|",
    "k": "k|c|ck|q|qu|ch|kh|cc", "l": "l|lh|ł", "m": "m", "n": "n|gn|ñ", "o": "o|ó|ô|oh|au|aw|ou|oa|a|eau|oo|ow",
    "p": "p", "r": "r|rh|wr", "s": "s|c(?=[eiy])|sc|z|ç|ś", "t": "t|th|dt", "u": "u|ú|oo|ou|w|ew|ue|eu|ü",
    "f": "f|ph|v|gh", "'": "",
}
_BGN_GROUP = re.compile(r"shch|dzh|kh|ts|ks|ch|sh|zh|yu|ya|ye|.")


@lru_cache(maxsize=65536)
def _transcription_pattern(form: str):
    """The Latin spellings a foreign original or a documented scheme may give the Russian
    name whose BGN/PCGN form is `form` (doubled letters written once), as one pattern."""
    groups = _BGN_GROUP.findall(_DOUBLED.sub(r"\1", form.lower()))
    body = "".join(f"(?:{_TRANSCRIBED_AS.get(g, re.escape(g))})" for g in groups)
    # a silent final e or h of the original (Larne for Ларн, Susannah for Сусанна)
    return re.compile(body + "[eh]?")


@lru_cache(maxsize=None)  # (one per entry of _TRANSCRIBED_AS)
def _alternatives(spellings: str) -> Optional[Tuple[str, ...]]:
    """The literal spellings of a _TRANSCRIBED_AS entry, lookaheads dropped (a|b(?=x|$)|c ->
    a, b, c), or None when an alternative is more than a literal."""
    out, depth, start = [], 0, 0
    for k, ch in enumerate(spellings + "|"):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            literal = re.sub(r"\(\?=[^()]*\)", "", spellings[start:k])
            if re.search(r"[\\.^$*+?{}\[\]()|]", literal):
                return None
            out.append(literal)
            start = k + 1
    return tuple(out)


@lru_cache(maxsize=65536)
def _transcription_bounds(form: str):
    """(shortest, longest, first letters, last letters) of the words _transcription_pattern(
    form) matches (a letter set None: any): a word outside them is no spelling of the form,
    found without compiling its pattern (a compilation costs 0.3 ms, and most forms asked
    about are never matched; measured on WMT23: 794 patterns compiled, 346 needed)."""
    groups = []
    for g in _BGN_GROUP.findall(_DOUBLED.sub(r"\1", form.lower())):
        alternatives = _alternatives(_TRANSCRIBED_AS[g]) if g in _TRANSCRIBED_AS else (g,)
        if alternatives is None:
            return 0, 10**9, None, None
        groups.append(alternatives)

    def ends(ordered, pick):
        letters = set()
        for alternatives in ordered:
            letters.update(pick(a) for a in alternatives if a)
            if "" not in alternatives:
                return letters
        return None  # every group may be empty

    shortest = sum(min(map(len, a)) for a in groups)
    longest = sum(max(map(len, a)) for a in groups) + 1  # + the silent final e or h
    lasts = ends(reversed(groups), lambda a: a[-1])
    return shortest, longest, ends(groups, lambda a: a[0]), \
        None if lasts is None else lasts | {"e", "h"}


def _may_transcribe(word: str, form: str) -> bool:
    shortest, longest, firsts, lasts = _transcription_bounds(form)
    return shortest <= len(word) <= longest and (not word or (
        (firsts is None or word[0] in firsts) and (lasts is None or word[-1] in lasts)))


# ---- the same match without compiling a pattern ------------------------------------------
# Compiling a form's pattern costs ~0.35 ms and most forms are matched once or twice (292
# WMT23 articles: 142 patterns, 0.17 ms an article): the few words within a form's bounds are
# matched by a search over its letter groups' alternatives instead, which accepts exactly the
# words the pattern's fullmatch accepts (it tries every alternative of every group, as the
# pattern's backtracking does; tests/source/test_romanize_oracle.py compares the two).
_LOOKAHEAD = re.compile(r"\(\?=((?:\[[a-z]+\]|\$)(?:\|(?:\[[a-z]+\]|\$))*)\)$")


@lru_cache(maxsize=None)  # (one per entry of _TRANSCRIBED_AS)
def _alternatives_with_context(spellings: str):
    """A _TRANSCRIBED_AS entry as (literal, letters that must follow or None, end allowed)
    triples, or None when an alternative is more than a literal with such a lookahead."""
    out = []
    for alternative in re.split(r"\|(?![^()]*\))", spellings):
        found = _LOOKAHEAD.search(alternative)
        literal = alternative[:found.start()] if found else alternative
        if re.search(r"[\\.^$*+?{}\[\]()|]", literal):
            return None
        if not found:
            out.append((literal, None, True))
            continue
        items = found.group(1).split("|")
        letters = "".join(i[1:-1] for i in items if i != "$")
        out.append((literal, letters, "$" in items))
    return tuple(out)


@lru_cache(maxsize=65536)
def _transcription_groups(form: str):
    """The alternatives of each letter group of `form` (as _transcription_pattern builds
    them), or None when one is more than _alternatives_with_context reads."""
    groups = []
    for g in _BGN_GROUP.findall(_DOUBLED.sub(r"\1", form.lower())):
        alternatives = _alternatives_with_context(_TRANSCRIBED_AS[g]) \
            if g in _TRANSCRIBED_AS else ((g, None, True),)
        if alternatives is None:
            return None
        groups.append(alternatives)
    return tuple(groups)


def _transcribes(word: str, groups) -> bool:
    """Does _transcription_pattern's fullmatch accept `word` (groups: _transcription_groups)?"""
    n, last, failed = len(word), len(groups), set()

    def rest(i: int, at: int) -> bool:
        if i == last:  # the optional silent final e or h, then the end
            return at == n or at == n - 1 and word[at] in "eh"
        if (i, at) in failed:
            return False
        for literal, letters, at_end in groups[i]:
            if not word.startswith(literal, at):
                continue
            after = at + len(literal)
            if letters is not None and not (
                    after < n and word[after] in letters or at_end and after == n):
                continue
            if rest(i + 1, after):
                return True
        failed.add((i, at))
        return False

    return rest(0, 0)


def transcribable(target: str, forms: Tuple[str, ...]) -> bool:
    """Can a foreign original's spelling or a documented scheme give the target word for one
    of a Russian name's BGN/PCGN forms (Trocheck, Volkanowski, Nahida: yes; Trocek, Pothekin:
    no)?"""
    low = target.lower()
    spellings = {low, _DOUBLED.sub(r"\1", low)}  # an original's doubled letters too
    return any(_may_transcribe(w, f) and _fullmatches(w, f) for f in forms for w in spellings)


def _fullmatches(word: str, form: str) -> bool:
    """_transcription_pattern(form).fullmatch(word), without compiling the pattern when the
    form's groups are all literals (with lookaheads)."""
    groups = None if "\n" in word or "\n" in form else _transcription_groups(form)
    if groups is None:
        return bool(_transcription_pattern(form).fullmatch(word))
    return _transcribes(word, groups)


_DERIVATION_SUFFIXES = ("n", "an", "ian", "ians", "ans", "ns", "s", "ese", "i", "ic", "ish")


def derivation(a: str, b: str) -> bool:
    """Is one word the other with an English derivational ending (Armenia, Armenian)?"""
    a, b = a.lower(), b.lower()
    if len(a) < len(b):
        a, b = b, a
    return a.startswith(b) and a[len(b):] in _DERIVATION_SUFFIXES


# ---- a masculine given name in an oblique case read as a feminine one -----------------------
# Russian and Ukrainian masculine given names ending in a consonant take -а in the genitive
# and accusative (Александр -> Александра, Олександр -> Олександра), -я after й or ь (Евгений
# -> Евгения): the very spelling of a feminine given name. The source word's context settles
# which: after a preposition a feminine name has -ы/-и/-у/-ю (у Александры, за Александру),
# so -а there is masculine; a masculine patronymic in the same case (-овича, -евича, -ича)
# or a masculine adjectival surname (-ского, -ого, -его) beside it is masculine too.
_PREPOSITIONS = {
    "ru": frozenset("у от для без до из с со около возле против ради кроме после вместо среди "
                    "на в во за про через под над о об при к ко по".split()),
    "uk": frozenset("у в від для без до з із зі біля проти після замість серед на за про "
                    "через під над при к по".split()),
}
_MASCULINE_OBLIQUE_NEXT = re.compile(r"(?:ович|евич|йович|ьович|ич)(?:а|у)$|(?:ого|его|ього)$")
# the word right before / after a position (name_case reads them too)
WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def masculine_oblique(text: str, start: int, end: int, lang: Optional[str],
                      document_words=frozenset()) -> Optional[str]:
    """The nominative of the masculine given name that text[start:end] inflects, when the
    word is a genitive/accusative in -а/-я spelled like a feminine given name (Александра)
    and its context shows it is masculine; else None. `document_words` (the source's words,
    lower case) lets a surname settle it: one in -а whose bare stem the article writes as a
    word (Речана beside Речан) is a man's, since a woman's consonant-final surname does not
    decline (Rosenthal, § on surnames: Доріна Речана is Дорін Речан, a woman would be Доріна
    Речан)."""
    if lang not in _PREPOSITIONS or end - start < 5 or text[end - 1] not in "ая":
        return None
    masculine = _masculine_reading(text[start:end], lang)
    if not masculine:
        return None
    before = WORD_BEFORE.search(text, max(0, start - 12), start)
    after = WORD_AFTER.match(text, end)
    if before and before.group(1).lower() in _PREPOSITIONS[lang] or \
            after and _MASCULINE_OBLIQUE_NEXT.search(after.group(1).lower()):
        return masculine
    if after and after.group(1)[:1].isupper() and after.group(1).lower().endswith("а") and \
            after.group(1).lower()[:-1] in document_words:
        return masculine
    # coordinated names share their case (Ілана Шора та Володимира Плахотнюка): a conjunct
    # whose given name can only be a masculine genitive (Володимира) makes this one such too
    coordinated = _COORDINATED_AFTER.match(text, end)
    if coordinated and only_masculine_oblique(coordinated.group(1), lang):
        return masculine
    return None


# the next conjunct of a list of names: (the surname,) a conjunction, its given name
_COORDINATED_AFTER = re.compile(r"(?:\s+[^\W\d_]+)?\s+(?:та|і|й|и|а також)\s+([^\W\d_]+)")


def only_masculine_oblique(word: str, lang: str) -> bool:
    """Is `word` a masculine given name's genitive/accusative that no feminine given name
    is spelled like (Володимира, Ивана; not Олександра)?"""
    if not word[:1].isupper() or word[-1:] not in "ая" or len(word) < 4:
        return False
    return not given_name_romanised(word, lang) and any(
        given_name_romanised(n, lang) for n in _masculine_nominatives(word))


@lru_cache(maxsize=65536)
def _masculine_reading(word: str, lang: str) -> Optional[str]:
    """The masculine given name whose genitive/accusative is spelled like the feminine given
    name `word` (Александра -> Александр, Евгения -> Евгений), or None: both readings must be
    given names (given-names.tsv: Aleksandr and Aleksandra, Yevgeniy and Yevgeniya)."""
    if not given_name_romanised(word, lang):
        return None
    return next((n for n in _masculine_nominatives(word) if given_name_romanised(n, lang)),
                None)


def _masculine_nominatives(word: str) -> Tuple[str, ...]:
    """The nominatives a masculine given name whose genitive/accusative is `word` may have:
    Александра -> Александр; Евгения, Игоря -> the stem with -й or -ь."""
    stem = word[:-1]
    return (stem,) if word[-1] == "а" else (stem + "й", stem + "ь")


def _title(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def given_name_romanised(word: str, lang: str) -> bool:
    """Is the source word, romanised, a given name somewhere (given-names.tsv)?"""
    return is_given_name(_title(romanize(word, lang)))


# ---- an oblique case copied as the name ------------------------------------------------------
# MT that does not know a name copies the form the sentence inflected (У «Амура» -> "Amura",
# «Ак Барса» -> "Ak Barsa", в «Ленте.ру» -> "Lente"). When the source article itself also
# writes the name in its nominative (Амур, Ак Барс), the copied form is the mistake. Left out:
# feminine surname forms (Иванова beside Иванов is the wife, not a case) and given names
# (Александра beside Александр is another person).
# nouns only: an adjective's stem is no word of its own (Другого is no case of Друг)
_ADJECTIVE_ENDINGS = frozenset("ого его ому ему ым им ых их ыми ими ую юю ое ее ые ие ая яя "
                               "ій ої ою".split())
_NOUN_NOMINATIVES = ("", "а", "о", "ь", "я")
_FEMININE_FORM = re.compile(r"(?:ова|ева|ёва|ина|ына|ая|яя|ская|цкая)$")


_VOWEL_Y_FINAL = re.compile(r"[аиуыюяії]й$")


def attested_nominative(word: str, lang: Optional[str], document_words) -> Optional[str]:
    """The nominative of a source word in an oblique case, when the source document writes
    it (`document_words`: the document's words, lower case), as spelled there; else None."""
    low = word.lower()
    if _VOWEL_Y_FINAL.search(low):
        return None  # -й after a vowel other than о, е is a nominative (Минай beside Миная)
    for candidate in _nominative_candidates(word, lang):
        if candidate in document_words:
            # a given name's oblique form spelled like another given name (Александра beside
            # Александр) is another person; but -е is no nominative of a Russian given name
            # (Сабине is the dative of Сабина: Sabine copies the case)
            if given_name_romanised(word, lang) and not (
                    low.endswith("е") and candidate.endswith("а")):
                return None
            return word[:1] + candidate[1:]
    return None


@lru_cache(maxsize=65536)
def _nominative_candidates(word: str, lang: Optional[str]) -> Tuple[str, ...]:
    """The nominatives a noun in an oblique case may have (lower case), once per word."""
    if lang not in _ENDINGS or len(word) < 4:
        return ()
    low = word.lower()
    if _FEMININE_FORM.search(low):
        return ()
    out = []
    for ending in endings_of(low, lang):
        if ending in _ADJECTIVE_ENDINGS or len(low) - len(ending) < 3:
            continue
        stem = low[:len(low) - len(ending)]
        out.extend(c for c in (stem + n for n in _NOUN_NOMINATIVES) if c != low)
    return tuple(out)


# ---- the gender a Russian surname's case ending shows --------------------------------------
# A Russian surname in -ов/-ев/-ёв/-ин/-ын declines by gender: the masculine Петров has the
# instrumental Петровым and the prepositional Петрове (-ине is no help: the dative of Марина
# is Марине), the feminine Петрова has Петровой in
# every oblique case (Зализняк, "Грамматический словарь русского языка"; Rosenthal's
# handbook, §"Склонение фамилий"). So -ым, -е are masculine and -ой feminine whatever the
# context; -а is the feminine nominative or the masculine genitive/accusative, which the given
# name before it settles (Анна Кикина: feminine; Юрия Быкова, Ивана Петрова: masculine; the
# ambiguous Александра settles nothing). MT that writes the other gender's nominative (Anna
# Kikin, Pavel Bardina) names another person.
_SURNAME_CASE = re.compile(r"(.{2,}(?:ов|ев|ёв|ин|ын))(а|ой|ым|е)?")


def surname_gender(text: str, start: int, end: int, lang: Optional[str]
                   ) -> Optional[Tuple[str, str]]:
    """For a Russian-formed surname text[start:end] whose ending (or given name) shows its
    gender: (its nominative in that gender, the other gender's nominative), else None."""
    if lang != "ru":
        return None
    word = text[start:end]
    found = _SURNAME_CASE.fullmatch(word.lower())
    if not found or found.group(2) is None:
        return None
    stem = word[:len(found.group(1))]
    masculine, feminine = stem, stem + "а"
    ending = found.group(2)
    if ending == "ым" or ending == "е" and found.group(1)[-2:] in ("ов", "ев", "ёв"):
        # (-ине is also the dative of a feminine noun: Марине, Украине)
        return masculine, feminine
    if ending == "ой":
        return feminine, masculine
    before = WORD_BEFORE.search(text, max(0, start - 20), start)
    if before and _genitive_context(text, before):
        # -а right after a genitive context is a genitive, of a man's surname (a woman's is
        # -ой there): по словам Полина, у Петрова
        return masculine, feminine
    gender = _given_name_gender(before.group(1)) if before else None
    if gender == "f":
        return feminine, masculine
    if gender == "m":
        return masculine, feminine
    return None


# Prepositions that take only the genitive (Rosenthal; Zaliznyak), and the nouns of the
# news phrases по словам / по мнению / по данным ... whose complement is a genitive
_GENITIVE_PREPOSITIONS = frozenset("у от для без до из около возле после кроме вместо среди "
                                   "против ради мимо вокруг напротив".split())
_GENITIVE_AFTER_PO = frozenset("словам мнению данным информации оценке оценкам подсчетам "
                               "подсчётам заявлению версии".split())


def _genitive_context(text: str, before) -> bool:
    """Is the word matched by `before` (the WORD_BEFORE match right before a word) a
    context that puts the next word in the genitive?"""
    word = before.group(1).lower()
    if word in _GENITIVE_PREPOSITIONS:
        return True
    if word not in _GENITIVE_AFTER_PO:
        return False
    po = WORD_BEFORE.search(text, max(0, before.start() - 6), before.start())
    return bool(po) and po.group(1).lower() == "по"


@lru_cache(maxsize=65536)
def _given_name_gender(word: str) -> Optional[str]:
    """"f" for a feminine given name in the nominative (Анна, Лёля), "m" for a masculine one
    in the genitive/accusative (Ивана, Дмитрия, Игоря), None otherwise or when both readings
    are names (Александра, Евгения). Only names given in Russia, Belarus, Ukraine or Central
    Asia count (given-names.tsv): Ann and Ivana are no readings of Анна, Ивана there."""
    if not word[:1].isupper() or word[-1:] not in "ая" or len(word) < 3:
        return None
    as_feminine = russian_given_name(romanize(word, "ru"))
    as_masculine = any(russian_given_name(romanize(n, "ru"))
                       for n in _masculine_nominatives(word))
    if as_feminine == as_masculine:
        return None
    return "f" if as_feminine else "m"


_RUSSIAN_NAME_REGIONS = frozenset(("RU", "BY", "UA", "central-asia"))


def russian_given_name(name: str) -> bool:
    """Is the (romanised) name given in Russia, Belarus, Ukraine or Central Asia
    (given-names.tsv)?"""
    return not _RUSSIAN_NAME_REGIONS.isdisjoint(given_name_countries(_title(name)).split())


# ---- a Russian person's given name ----------------------------------------------------------
# A given name followed by a Russian surname or patronymic (Виктора Катанаева, Юлия
# Лемешевская, Константин Зайцев) names a Russian person, whose name English news romanises
# (BGN/PCGN, The Economist, Reuters: Viktor, Yulia, Konstantin) rather than replacing it with
# the English equivalent (Victor, Julia, Constantine) that a foreigner's name would keep.
_RUSSIAN_SURNAME_CYRILLIC = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ск|цк|енко|ович|евич|овн|евн|ичн)"
    r"(?:|а|у|ым|ой|ом|е|ого|ому|ий|ый|ая|ую|им|ич|ича|ичу|ичем|а|ы)$")


def russian_person_given_name(text: str, start: int, end: int, lang: Optional[str]) -> bool:
    """Is text[start:end] a Russian given name followed by a Russian-formed surname or
    patronymic (Виктора Катанаева)?"""
    if lang != "ru":
        return False
    after = WORD_AFTER.match(text, end)
    if not after or not after.group(1)[:1].isupper() or \
            not _RUSSIAN_SURNAME_CYRILLIC.search(after.group(1).lower()):
        return False
    return any(russian_given_name(f) for f in lemma_forms(text[start:end], lang))


# ---- a quoted name declined in the source ----------------------------------------------------
# A quoted name without a generic noun before it is declined in Russian (в «Ленте.ру», «Заботы»,
# на «Кинотавре»; Rosenthal, "Справочник по правописанию и стилистике", § on names in
# quotation marks), so its oblique form is no spelling of the name: a target copying it
# (Lente, Zaboty, Kinotavre) is wrong even when the article never writes the nominative.
# Only endings no noun has in the nominative singular: -ом/-ем (instrumental), -ы (genitive
# of a name in -а), -е after a hard consonant other than л, ц (prepositional or dative:
# «Поле», «Солнце» are nominatives).
_DECLINED_QUOTED = re.compile(r"(?<=[бвгдзкмнпрстфхчшщ])(?:ом|е)$|(?<=[бвдзлмнпрстф])ы$")
# -е is the prepositional of a masculine (на «Кинотавре») or of a feminine noun in -а (в
# «Газете»), but the dative of the feminine only (the masculine dative is -у: «Кинотавру»). The
# prepositional follows one of these prepositions; any other word before the quoted name
# (рассказал «Ленте.ру», в комментарии «Ленте.ру») makes -е a dative: the nominative is -а.
_PREPOSITIONAL_CASE_PREPOSITIONS = frozenset("в во на о об обо при".split())
# other case forms of the same stem that only one gender has: the feminine -ы, -ой, -ою; the
# masculine -ом and the bare stem (its nominative)
_FEMININE_CASES = ("ы", "ой", "ою")
_MASCULINE_CASES = ("ом", "")


def declined_quoted_nominatives(word: str, lang: Optional[str], before: Optional[str] = None,
                                document_words=frozenset()) -> Tuple[str, ...]:
    """The nominatives (as the source would spell them) a quoted Russian name in an oblique
    case may have: one when the grammar settles it (-ы, -ом; -е as a dative, after `before`,
    the word before the opening quotation mark, lower case, that is no preposition of the
    prepositional case; -е where `document_words`, the source's words in lower case, hold a
    form of the stem only one gender has), else the masculine and the feminine reading (also
    when `before` is None: the context unknown); () when the word's ending may be a
    nominative."""
    if lang != "ru" or len(word) < 5 or not word.isalpha():
        return ()  # (an apostrophe or hyphen: no Russian word, a garbled or foreign one)
    found = _DECLINED_QUOTED.search(word.lower())
    if not found:
        return ()
    stem = word[:found.start()]
    masculine, feminine = stem, stem + "а"
    if found.group() == "ы":
        return (feminine,)
    if found.group() == "ом":
        return (masculine,)
    if before is not None and before not in _PREPOSITIONAL_CASE_PREPOSITIONS:
        return (feminine,)  # -е as a dative
    low = stem.lower()
    is_feminine = any(low + e in document_words for e in _FEMININE_CASES)
    is_masculine = any(low + e in document_words for e in _MASCULINE_CASES)
    if is_feminine != is_masculine:
        return (feminine,) if is_feminine else (masculine,)
    return (masculine, feminine)  # a prepositional: either gender
