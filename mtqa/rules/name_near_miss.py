from mtqa.glossary import match_case
from mtqa.lexicon import world_names, zipf
from mtqa.registry import Rule, register
from mtqa.rules._names import PATRONYMIC_ENDINGS, derived_by_ending, is_derivation, name_tokens

SIMILARITY = 85.0
# Short words sit among many real names (Zoia/Zoria, Itay/Italy): too close to call.
MIN_LENGTH = 5


def _only_insertions(word: str, name: str) -> bool:
    """The word is the name with letters added (Essien/Essen, Darynka/Daryna): usually another
    real name or a diminutive. MT mangling drops or swaps letters (Zelskyy, Oktyrka)."""
    it = iter(word)
    return len(word) > len(name) and all(c in it for c in name)


_ADJECTIVE_ENDINGS = {  # ending after -sk- -> grammatical form; spelling variants share a form
    "y": "masculine", "yi": "masculine", "yy": "masculine", "iy": "masculine", "ii": "masculine",
    "i": "masculine", "yj": "masculine", "ij": "masculine",
    "a": "feminine", "aya": "feminine", "aia": "feminine", "aja": "feminine",
    "e": "neuter", "oe": "neuter", "oye": "neuter", "oie": "neuter",
    "": "place",
}


def _adjective_form(word: str):
    i = word.rfind("sk")
    if i <= 0:
        return None
    return _ADJECTIVE_ENDINGS.get(word[i + 2:])


def _other_adjective_ending(word: str, name: str) -> bool:
    """Slavic adjectival names in another grammatical form are other words: Cherkassky (a
    surname) and Cherkasy, Kotsiubynsky the writer and Kotsiubynske the town. Spelling
    variants of one ending (Zelenskyi/Zelenskyy) are not."""
    a, b = _adjective_form(word), _adjective_form(name)
    return a is not None and b is not None and a != b


# Case endings of Ukrainian/Russian nouns that MT sometimes leaves on a name it did not
# recognise: "in Buchi" (Bucha), "near Irpenya" (Irpin).
_CASE_ENDINGS = ("i", "y", "u", "e", "oyu", "oy", "om", "ya", "yu", "ia")
_NOMINATIVE_ENDINGS = ("a", "o", "")


def declension_candidates(word: str, glossary):
    """Glossary places whose inflected form the word is: Buchi -> Bucha. Not English demonyms
    and adjectives (Azerbaijani, Pakistani, Israeli: -i after a consonant-final name), nor
    words English writes (the spelling dictionary knows "Azerbaijani")."""
    seen = []
    if _english_word(word):
        return
    for ending in _CASE_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)]
        for nominative in _NOMINATIVE_ENDINGS:
            if ending == "i" and nominative == "":
                continue  # the English demonym pattern: Azerbaijan -> Azerbaijani
            name = stem + nominative
            hit = glossary.lookup(name)
            if name != word and hit and hit[0] == "canonical" and hit[1].type == "place" \
                    and name not in seen:
                seen.append(name)
                yield name, hit[1]


def given_name_forms(entry, glossary):
    """The spellings of a person's given name: canonical, variants, Russian forms."""
    forms = set()
    for full in [entry.name] + entry.variants + entry.russian_forms:
        parts = full.split()
        if len(parts) > 1:
            forms.add(parts[0])
    for given in list(forms):
        hit = glossary.lookup(given)
        if hit and hit[1].type == "given-name":
            g = hit[1]
            forms.update([g.name] + g.variants + g.russian_forms)
    return forms


def _person_in_article(entry, article_words, glossary) -> bool:
    """A surname near miss needs the person's given name somewhere in the article: new people
    are in the news every day, and "Petro Kotin" is not a mangled "Andriy Kostin"."""
    return bool(given_name_forms(entry, glossary) & article_words)


def _english_word(word: str) -> bool:
    from mtqa.spelling import dictionary

    return word.lower() in dictionary()


# A capitalised word attested this often in English text (wordfreq Zipf) is a real name unless
# its supposed right form is this much more frequent: Zhejiang (2.8) is no mangled Zhenjiang,
# Tennent's (2.0) no mangled Tencent (2.8), while MT manglings (Zelskyy) are unattested.
ATTESTED_ZIPF = 2.0
MANGLING_GAP = 1.5


def _attested_other_name(word: str, name: str) -> bool:
    if word.lower() == name.lower():
        return False  # the same word in other capitals (Desantis for DeSantis): a slip
    z = zipf(word)
    return z >= ATTESTED_ZIPF and z + MANGLING_GAP > zipf(name)


def _real_name_plus_s(word: str) -> bool:
    """A real given or place name with a plural or apostrophe-less possessive s: "Yaroslavs
    stood up for him" is Yaroslav's, no mangled Yaroslavl."""
    from mtqa.realnames import is_given_name

    return word.endswith("s") and (is_given_name(word[:-1]) or word[:-1] in world_names())


def _ua_russian_form(word: str) -> bool:
    """A Russian-derived spelling of a Ukrainian place (Vugledar): name-russian-form reports
    it, with the context check; one finding per word."""
    from mtqa.realnames import ua_russian_forms

    return any(len(words) == 1 for words, _, _ in ua_russian_forms().get(word, ()))


def _is_given_name(word: str) -> bool:
    from mtqa.realnames import is_given_name

    return is_given_name(word)


def _after_given_name(article, tok) -> bool:
    from mtqa.realnames import is_given_name

    text = article.text
    i = tok.start - 1
    if i <= 0 or text[i] != " ":
        return False
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    prev = text[j:i]
    return len(prev) >= 2 and prev[:1].isupper() and is_given_name(prev)


def _plausible(word: str, name: str, score: float, entry) -> bool:
    if is_derivation(name, word) or _only_insertions(word, name):
        return False
    # derived from another form of the same entry: Transnistrian (Transnistria), when the
    # nearest form was the variant Transdniestria
    if any(derived_by_ending(form, word) for form in [entry.name] + entry.variants
           if " " not in form):
        return False
    if _attested_other_name(word, name):
        return False
    if _other_adjective_ending(word, name):
        return False
    # Given names come in many legitimate spellings and diminutives (Anatoly, Darynka): a word
    # close to one is not evidence of a mangled name.
    return entry.type != "given-name"


@register
class NearMissName(Rule):
    """A capitalised word that is not in the glossary but is a near miss of a glossary name:
    "Zelskyy" for Zelenskyy, "Oktyrka" for Okhtyrka.

    Only words that look like names are considered: capitalised, at least five letters, not in
    capitals (acronyms), and not ordinary English words or common first names (English word
    frequency, so "Maria" or "Sergey" are never taken for misspellings of other names), and not
    real place names (GeoNames cities of 15,000+, so "Antakya" is not a mangled "Antalya"). A
    word that the glossary knows, in any form, is never a near miss: Austria and Australia are both
    there, so neither is confused with the other. Candidates are compared by edit similarity
    (rapidfuzz ratio >= 85) within words of a similar length and first sound; suggestions are
    ranked by similarity. Given names are never targets (Anatoly, Darynka are real spellings of
    real names). Derived forms (Kyivan, Ukrainians), patronymics (Ivanivna), names with
    letters added (Darynka/Daryna, Essien/Essen) and other adjectival endings (Cherkassky/
    Cherkasy) are not misspellings. A glossary place with a Slavic case ending left on it
    ("in Buchi" for Bucha) is reported with the nominative as the fix. A near miss of a
    person's surname counts only when the person's given name (in any spelling) is in the
    article: "Volodymyr Zelskyy" is Zelenskyy, "Petro Kotin" is not Andriy Kostin.
    The fix needs a human: a near miss may be a different, real name that the glossary lacks.

    Real names that resemble a glossary name are not near misses: words of GeoNames populated
    places and ISO 3166-2 subdivisions (mtqa/data/world-names.txt: Zhejiang is no mangled
    Zhenjiang), words English text uses nearly as often as the glossary name (wordfreq Zipf
    >= 2 and within 1.5 of it: Tennent's is no mangled Tencent), derived forms of any spelling
    of the entry (Transnistrian, from the variant Transnistria), and English demonyms are not
    case endings (Azerbaijani is no "Azerbaijan" left in a Slavic case). A real given or
    place name with an s added (Yaroslavs) is not a near miss, and a surname after a real
    given name (“Florin Serban”) is compared with people only, never with companies or places
    (Sberbank).
    """

    id = "name-near-miss"
    summary = "Probable mangled name: a near miss of a glossary name"
    category = "terminology/name"
    severity = "major"
    examples = {
        "flag": [
            'President Volodymyr Zelskyy visited Okhtyrka on Monday.',
            'Bodies lay in the streets of Buchi after the retreat.',
            {'text': 'President Volodymyr Zelskyy visited Oktyrka on Monday.', 'fixed': 'President Volodymyr Zelenskyy visited Okhtyrka on Monday.'},
        ],
        "leave": [
            'Factories in Zhejiang province and Changi airport reopened.',
            'The Azerbaijani and Transnistrian delegations met in Kyiv.',
            "He drank Tennent's lager while Valérie Pécresse spoke.",
            'Rescuers worked in Antakya and Essien scored.',
        ],
    }

    def check(self, article, ctx):
        glossary = ctx.glossary
        # words inside a glossary match (any kind) are another rule's business
        covered = {m.start for m in glossary.find(article)}
        known = glossary.known_words
        article_words = None
        for tok in name_tokens(article):
            if tok.text in known or glossary.lookup(tok.text) or tok.text in world_names():
                continue
            if tok.start in covered:
                continue
            if len(tok.text) < MIN_LENGTH or tok.text.endswith(PATRONYMIC_ENDINGS):
                continue
            declined = list(declension_candidates(tok.text, glossary))
            if declined:
                best, entry = declined[0]
                yield self.finding(
                    tok.start, tok.end,
                    f"“{tok.text}” looks like {best} ({entry.type}) with a Ukrainian/Russian case "
                    f"ending left by the translation",
                    [w for w, _ in declined])
                continue
            if _real_name_plus_s(tok.text) or _ua_russian_form(tok.text):
                continue
            cands = [(w, score, entry) for w, score, entry in glossary.index.candidates(
                tok.text, cutoff=SIMILARITY) if _plausible(tok.text, w, score, entry)]
            if cands and _is_given_name(tok.text):
                # a real given name (Mariska) is no mangled place or company (Marinka)
                cands = [c for c in cands if c[2].type == "person"]
            if cands and _after_given_name(article, tok):
                # "Florin Serban": a surname after a real given name is a person's, never a
                # mangled company or place (Sberbank)
                cands = [c for c in cands if c[2].type == "person"]
            if any(entry.type == "person" for _, _, entry in cands):
                if article_words is None:
                    article_words = {t.text for t in article.tokens}
                cands = [c for c in cands if c[2].type != "person"
                         or _person_in_article(c[2], article_words, glossary)]
            if not cands:
                continue
            suggestions = [match_case(w, tok.text) for w, _, _ in cands]
            best, score, entry = cands[0]
            yield self.finding(
                tok.start, tok.end,
                f"“{tok.text}” is not in the glossary and looks like a misspelling of “{best}” "
                f"({entry.name}, {entry.type}; similarity {score:.0f}%)",
                suggestions)
