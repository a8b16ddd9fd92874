from collections import Counter
from functools import lru_cache
from itertools import count
from operator import itemgetter
from typing import Dict, List

from mtqa.article import tokens_of
from mtqa.glossary import CANONICAL, VARIANT
from mtqa.lexicon import world_names, zipf
from mtqa.nameindex import first_class
from mtqa.registry import Rule, register
from mtqa.rules._names import (gendered_pair, given_name_variants, name_tokens, preferred,
                               same_name, translit_key)
from mtqa.rules._scripts import NON_LATIN_LETTER

# Lower-case words that join a surname into a name: "de Klerk", "van Gogh", "bin Salman".
_PARTICLES = frozenset("de da di del della der den van von le la al el bin ibn ben ter du dos "
                       "das".split())


def _distinct_entries(a: str, b: str, glossary) -> bool:
    """Both words are correct glossary forms of different entries (Austria, Australia), or
    both are real place names."""
    if a in world_names() and b in world_names():
        return True
    ha, hb = glossary.lookup(a), glossary.lookup(b)
    return bool(ha and hb and ha[0] in (CANONICAL, VARIANT) and hb[0] in (CANONICAL, VARIANT)
                and ha[1] is not hb[1])


def _capitalised_words(article):
    """The tokens of capitalised words of four letters or more (_is_capitalised), in text
    order. check() adds those that are not name-like by frequency (Natalia, Sergei): they
    join a group only through an exact romanisation match, never through fuzzy similarity."""
    # judged once per distinct capitalised word of the article (its shared index; a Python
    # call per token cost ~0.05 ms an article; issue 11), their tokens found in C
    return tokens_of(article, frozenset(filter(_is_capitalised, article.capitalised_set)))


class _LazyMap(dict):
    """word -> value computed on first access (`get`, `in`, `[]`)."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, key):
        value = self[key] = self._compute(key)
        return value

    def get(self, key, default=None):
        return self[key]

    def __contains__(self, key):
        return self[key] is not None


@lru_cache(maxsize=1 << 16)
def _english_word(word: str) -> bool:
    """A frequent English word that is no given name: "Jury" (but not Natalia, Sergei)."""
    from mtqa.realnames import is_given_name
    from mtqa.spelling import dictionary

    return word.lower() in dictionary() and zipf(word) >= 3.0 and not is_given_name(word)


@lru_cache(maxsize=1 << 16)
def _is_capitalised(t: str) -> bool:
    return len(t) >= 4 and t[:1].isupper() and not t.isupper() and t.isalpha()


def _correct_form(word: str, glossary) -> bool:
    hit = glossary.lookup(word)
    return bool(hit) and hit[0] in (CANONICAL, VARIANT) or word in glossary.name_words()


def _different_people(a: str, b: str, companions, glossary, followers=None) -> bool:
    """Two words always written with different name words before them name different people or
    things: Olena Zelenska and Volodymyr Zelenskyy, Groote Kerk and de Klerk. Gendered forms
    of one family name are two people too. So are two given names always written before
    different surnames (a staff list's "Andrei Zuev" and "Andrey Charyshkin", "Evgeniya
    Goryacheva" and "Evgeny Friedhelm"): each person's own spelling is no inconsistency."""
    if gendered_pair(a, b):
        return True
    if followers is not None and _before_different_surnames(a, b, followers):
        return True
    ca, cb = companions.get(a), companions.get(b)
    if not ca or not cb or None in ca or None in cb or ca & cb:
        return False
    return not any(given_name_variants(x, y, glossary) for x in ca for y in cb)


def _before_different_surnames(a: str, b: str, followers) -> bool:
    from mtqa.realnames import is_given_name

    if not (is_given_name(a) and is_given_name(b)):
        return False
    fa, fb = followers.get(a), followers.get(b)
    if not fa or not fb or None in fa or None in fb:
        return False
    # the same surname, or one surname spelled two ways, is one person
    return not any(x == y or same_name(x, y) for x in fa for y in fb)


@lru_cache(maxsize=1 << 16)
def _non_latin(word: str) -> bool:
    """Cyrillic or CJK words are the untranslated-* rules' business; their case endings
    (Черкасова/Черкасовой) are grammar, not two spellings."""
    return bool(NON_LATIN_LETTER.search(word))


def spelling_clusters(words: List[str], glossary, common=(), companions=None,
                      followers=None) -> List[List[str]]:
    """Group words that are probably one name spelled differently. `common` words (frequent
    in English: Natalia, Sergei) join a group only when they romanise one Cyrillic spelling
    like another word does (translit_key). `companions`: word -> the set of name words written
    just before it (None for a mention without one); `followers` likewise the name word just
    after it."""
    if companions is None:
        companions = {}
    parent = {w: w for w in words}

    def root(w):
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    # same_name needs the same first sound, so only words within one class are compared
    by_class: Dict[str, List[str]] = {}
    for w in words:
        by_class.setdefault(first_class(w), []).append(w)
    for group in by_class.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if same_name(a, b) and not _distinct_entries(a, b, glossary) \
                        and not _different_people(a, b, companions, glossary, followers):
                    parent[root(a)] = root(b)
    by_key: Dict[str, List[str]] = {}
    for w in list(words) + [c for c in common if c not in parent]:
        parent.setdefault(w, w)
        by_key.setdefault(translit_key(w), []).append(w)
    for same in by_key.values():
        for a, b in zip(same, same[1:]):
            if not _distinct_entries(a, b, glossary) and \
                    not _different_people(a, b, companions, glossary, followers):
                parent[root(a)] = root(b)
    groups: Dict[str, List[str]] = {}
    for w in parent:
        groups.setdefault(root(w), []).append(w)
    return [g for g in groups.values() if len(g) > 1]


@register
class InconsistentName(Rule):
    """The same name spelled two ways in one article: "Bucha"/"Buchi", "Aislin"/"Eislin",
    "Hostomel"/"Gostomel" (all from real MT output).

    Name-like words (capitalised, not ordinary English words) are grouped when their spellings
    are close (rapidfuzz ratio >= 80, same first sound, lengths within two letters) and neither
    is a derived form of the other (Kyiv/Kyivan). Common first names (Natalia, Sergei) are
    grouped only when they are two romanisations of one Cyrillic spelling (Natalia/Natalya,
    Sergei/Sergey, Alexei/Aleksei): an article that switches between them has one person
    spelled two ways. Two correct glossary names of different entries, or two real place names
    (GeoNames), are never grouped; nor are different people: gendered surnames (Zelenska,
    Zelenskyy), words always written after different name words (Groote Kerk, de Klerk), and
    given names always written before different surnames (Andrei Zuev, Andrey Charyshkin: each
    person's own spelling). Words in another script are left to the untranslated rules (their
    case endings are no second spelling). The other spellings are reported against the
    glossary's canonical form or the house surname (Zelenskyy, not the accepted Zelensky), else
    the first full mention, else the first written — never the majority.

    Measured (bench/en_false_alarms.py, session 3): 2 findings on English originals, both real
    slips of the originals (Denma for Demna, Norstrand for Nordstrand); 3 on the references,
    all real; read precision on MT 45/50 (bench/reads/name-inconsistent-mt.tsv).
    """

    id = "name-inconsistent"
    summary = "One name spelled two ways in the same article"
    category = "fluency/inconsistency"
    severity = "major"
    examples = {
        "flag": [
            {'text': 'Troops left Hostomel. Later Gostomel was shelled again.', 'fixed': 'Troops left Hostomel. Later Hostomel was shelled again.'},
            # a glossary person's surname as the house writes it wins over the majority
            'Zaluzhny said so. Zaluzhny added more. Zaluzhnyi left. Zaluzhny won.',
            # the first full mention, not the majority, is the form shown (a display-only fix:
            # only a glossary form is written by `mtqa fix`)
            'Hans Modrow led the party. Modero said it. Modero added more.',
            # the house surname is the form shown, not an accepted variant (Zelensky, AP)
            'Volodymyr Zelenskyy spoke. Later Zelensky said more. Zelensky left.',
            'President Zelenskyi spoke. Later Zelenskyy said more. Zelenskyi left.',
            # one person (same surname after both given names) spelled two ways
            'Natalia Petrova arrived. Later Natalya Petrova spoke.',
            {'text': 'Bodies were found in Buchi. Buchi was occupied. Bucha is near Kyiv.', 'fixed': 'Bodies were found in Bucha. Bucha was occupied. Bucha is near Kyiv.'},
        ],
        "leave": [
            'Olena Zelenska met Volodymyr Zelenskyy. Zelenska said Zelenskyy was tired.',
            'They visited the Groote Kerk and met F. W. de Klerk.',
            'Yury Gagarin flew. The President of the Jury spoke.',
            'The United Arab Emirates and Emirati officials met the Emirate leaders.',
            'Austria and Australia signed. Ukraine and Ukrainians. Kyiv and Kyivans.',
            'The Picts held the north; the Pictish stones still stand. Pictish art survives.',
            # different people, each spelled their own way (a masthead staff list)
            'Technical director Andrei Zuev. Director of production Andrey Charyshkin.',
            'Sales director Evgeniya Goryacheva met Evgeny Friedhelm.',
            # case endings of an untranslated Russian passage are the untranslated rules' findings
            'По мнению Черкасовой, это так. Черкасова добавила.',
        ],
    }

    @staticmethod
    def _companions(article, occurrences):
        """Lazily, per word asked for: the name words (capitalised, or particles) just before
        each mention (None for a mention without one), the offset of its first mention
        after a capitalised name word, and the capitalised name words just after each mention
        (None for a mention without one). Most words are never asked for."""
        text = article.text
        tokens = article.tokens
        index = {}  # token start -> token index, filled on the first word asked for

        def position(tok):
            if not index:
                index.update(zip(map(itemgetter(1), tokens), count()))
            return index[tok.start]

        def compute(word):
            seen, first_full = set(), None
            for tok in occurrences[word]:
                i = position(tok)
                prev = tokens[i - 1] if i else None
                if (prev and prev.sentence == tok.sentence and text[prev.end:tok.start] == " "
                        and (prev.text[:1].isupper() and prev.text.isalpha()
                             and not prev.text.isupper() or prev.text in _PARTICLES)
                        and not (prev.sentence_initial and prev.text in ("The", "A", "An"))):
                    seen.add(prev.text)
                    if prev.text[:1].isupper() and first_full is None:
                        first_full = tok.start
                else:
                    seen.add(None)
            return seen, first_full

        def compute_after(word):
            after = set()
            for tok in occurrences[word]:
                i = position(tok) + 1
                nxt = tokens[i] if i < len(tokens) else None
                after.add(nxt.text if nxt and nxt.sentence == tok.sentence
                          and text[tok.end:nxt.start] == " " and _is_capitalised(nxt.text)
                          else None)
            return after

        results = _LazyMap(compute)
        return (_LazyMap(lambda w: results[w][0]), _LazyMap(lambda w: results[w][1]),
                _LazyMap(compute_after))

    def check(self, article, ctx):
        glossary = ctx.glossary
        occurrences: Dict[str, list] = {}
        for tok in name_tokens(article):
            if not _non_latin(tok.text):
                occurrences.setdefault(tok.text, []).append(tok)
        names = list(occurrences)
        name_set = set(names)
        for tok in _capitalised_words(article):
            if tok.text not in name_set and not _non_latin(tok.text):
                occurrences.setdefault(tok.text, []).append(tok)
        if len(occurrences) < 2:
            return
        # capitalised ordinary English words ("the Jury", "Alpha") are not names here
        common = [w for w in occurrences if w not in name_set and not _english_word(w)]
        companions, first_full, followers = self._companions(article, occurrences)
        groups = spelling_clusters(names, glossary, common, companions, followers)
        if not groups:  # most articles spell every name one way
            return
        counts = Counter({w: len(v) for w, v in occurrences.items()})
        first_seen = {w: toks[0].start for w, toks in occurrences.items()}
        for group in groups:
            best = preferred(group, counts, glossary, first_full, first_seen)
            house_form = bool(glossary.lookup(best)) or best in glossary.name_words()
            for form in group:
                if form == best:
                    continue
                # (pipeline, issue 11) Only the glossary's form may be written by `mtqa fix`
                # (unsafe), and not over a correct glossary form: a majority is no authority,
                # and two people may share a surname (Zelenskyy, Zelenska).
                house = _correct_form(best, glossary) and not _correct_form(form, glossary)
                for tok in occurrences[form]:
                    yield self.finding(
                        tok.start, tok.end,
                        f"“{form}” is spelled “{best}” elsewhere in this article "
                        f"({counts[best]}×{', the glossary form' if house_form else ''})",
                        [best], display_only=not house)
