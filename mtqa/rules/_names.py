"""Shared helpers of the name rules: which words look like names, and when two spellings are
probably the same name."""
from __future__ import annotations

from functools import lru_cache
from itertools import compress, count, repeat
from operator import and_
from typing import Dict, Iterator, List, Optional

from mtqa.article import Article, Token, tokens_of
from mtqa.lexicon import zipf
from mtqa.nameindex import first_class
from mtqa.plain import FrozenPlain

# Words at least this frequent in English are ordinary words or common names (Maria, Sergey),
# never taken for a misspelling of another name.
COMMON_ZIPF = 3.0
# Endings that derive a word from a name (Ukrainian, Kyivans, Argentinean); such pairs are
# one name, not two spellings.
_DERIVATIONS = ("s", "es", "n", "an", "ean", "ian", "ians", "ans", "eans", "ese", "ite",
                "ites", "ic", "ish", "ers", "er")
# Patronymics (Ivanivna, Petrovych) and diminutives are forms of names, not misspellings.
PATRONYMIC_ENDINGS = ("ivna", "ovna", "evna", "yivna", "ovych", "ovich", "evych", "evich",
                      "ich", "ych")


def _name_like(t: str) -> bool:
    return (len(t) >= 4 and t[:1].isupper() and not t.isupper() and t.isalpha()
            and zipf(t) < COMMON_ZIPF)


# word -> flag caches: words repeat across articles (Zipf), so each distinct word is judged
# once per process; bounded so a huge batch cannot grow them without limit.
_CACHE_MAX = 500_000
_NAME_LIKE: Dict[str, bool] = {}


def flagged_words(words: frozenset, cache: Dict[str, bool], predicate) -> frozenset:
    """The `words` (an article's distinct words, e.g. its shared Article.capitalised_set) for
    which `predicate` holds, each word judged once per process (`cache`)."""
    unseen = words.difference(cache)
    if unseen:
        if len(cache) + len(unseen) > _CACHE_MAX:
            cache.clear()
            unseen = words
        for word in unseen:
            cache[word] = predicate(word)
    try:
        return frozenset(compress(words, map(cache.__getitem__, words)))
    except KeyError:  # another thread (a multi-threaded Dask worker) cleared the cache
        return frozenset(filter(predicate, words))


def _name_tokens(article: Article) -> List[Token]:
    # every name-like word is capitalised: only the article's capitalised words are judged
    # (speed, issue 11: the shared index, not a flag per token)
    return tokens_of(article, flagged_words(article.capitalised_set, _NAME_LIKE, _name_like))


def name_tokens(article: Article) -> Iterator[Token]:
    # shared by several name rules, so computed once per article
    return iter(article.memo("name-tokens", lambda: _name_tokens(article)))


def is_derivation(a: str, b: str) -> bool:
    """One word is the other plus a derivational ending, or a prefix of it."""
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short):
        return True
    return derived_by_ending(a, b)


def derived_by_ending(a: str, b: str) -> bool:
    """One word is the other plus a derivational ending (Transnistria -> Transnistrian,
    Emirate -> Emirati); a bare extension (Zelensky -> Zelenskyi) is not one."""
    short, long_ = sorted((a, b), key=len)
    # a final vowel gives way to the ending: Argentina -> Argentinean, Ukraine -> Ukrainian
    stems = (short, short[:-1]) if short[-1:] in "aeiouy" else (short,)
    # a plural people's name and its adjective share the singular stem: Picts -> Pictish,
    # Scots -> Scottish is out of reach, Slavs -> Slavic
    if short.endswith("s") and len(short) >= 5:
        stems += (short[:-1],)
    if any(long_ == stem + e for stem in stems for e in _DERIVATIONS):
        return True
    # the demonym -i after a final -e (Emirate -> Emirati); after -a it is a Slavic case
    # ending (Bucha -> Buchi), which is a misspelling
    return any(x.endswith("e") and y == x[:-1] + "i" for x, y in ((a, b), (b, a)))


# Masculine and feminine forms of one Slavic family name belong to two people (Volodymyr
# Zelenskyy, Olena Zelenska; Sergei Lavrov, Maria Lavrova), never to one spelled two ways.
_GENDERED_SURNAME_ENDINGS = (("skyy", "ska"), ("skyi", "ska"), ("sky", "ska"), ("skiy", "skaya"),
                             ("sky", "skaya"), ("ski", "ska"), ("skyi", "skaya"), ("ov", "ova"),
                             ("ev", "eva"), ("in", "ina"), ("yn", "yna"), ("iy", "aya"),
                             ("yy", "a"), ("yi", "a"))


def gendered_pair(a: str, b: str) -> bool:
    for masc, fem in _GENDERED_SURNAME_ENDINGS:
        for x, y in ((a, b), (b, a)):
            if x.endswith(masc) and y.endswith(fem) and x[: -len(masc)] == y[: -len(fem)]:
                return True
    return False


_TRANSLIT_STEPS = (("kh", "h"), ("x", "ks"), ("yo", "e"), ("y", "i"), ("j", "i"), ("w", "v"),
                   ("ph", "f"), ("aie", "ae"), ("oie", "oe"), ("eie", "ee"))


@lru_cache(maxsize=1 << 16)
def translit_key(word: str) -> str:
    """One key for the romanisations of one Cyrillic name: Natalia/Natalya, Sergei/Sergey,
    Aleksei/Alexei, Fedorov/Fyodorov, Alekseeva/Alexeyeva, Yevgeny/Evgeny."""
    w = word.lower()
    if w.startswith("ye"):
        w = w[1:]
    for old, new in _TRANSLIT_STEPS:
        w = w.replace(old, new)
    out = []
    for c in w:  # doubled letters: Valeriia/Valeria
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's fuzz.ratio, imported on the first call, which rebinds this name to it:
    `import rapidfuzz` costs about 40 M instructions of start-up and many articles never
    compare two names (docs/scale.md, "Cold start")."""
    global _ratio
    from rapidfuzz.fuzz import ratio
    _ratio = ratio
    return ratio(a, b)


def same_name(a: str, b: str, cutoff: float = 80.0) -> bool:
    """Are two different spellings probably the same name (Hostomel/Gostomel, Bucha/Buchi)?"""
    # cheapest tests first (name-inconsistent compares every pair of an article's name-like
    # words of one first sound): the result is the conjunction of them all either way
    if a == b or abs(len(a) - len(b)) > 2 or first_class(a) != first_class(b):
        return False
    return _ratio(a, b) >= cutoff and not is_derivation(a, b)


class FullName(FrozenPlain):  # not @dataclass (start-up: mtqa/plain.py)
    given: Token
    surname: Token

    def __init__(self, given: Token, surname: Token):
        object.__setattr__(self, "given", given)
        object.__setattr__(self, "surname", surname)

    @property
    def start(self) -> int:
        return self.given.start

    @property
    def end(self) -> int:
        return self.surname.end

    @property
    def text(self) -> str:
        return f"{self.given.text} {self.surname.text}"


def full_names(article: Article) -> List[FullName]:
    """Two adjacent capitalised words separated by one space inside a sentence, the second one
    not an ordinary English word: "Mikhail Podolyak", "Joe Biden"."""
    out = []
    toks = article.tokens
    text = article.text
    # only pairs of capitalised alphabetic words can qualify: find them with C-level maps
    texts = article.token_texts
    capitalised = list(map(article.capitalised_set.__contains__, texts))
    # the second word's own test (three letters or more, not an ordinary English word) once
    # per distinct word, and only pairs that pass it are visited: 1 MB of "The " in one
    # sentence visited 260,000 pairs in Python (hardening5, issue 13)
    rare = {w: len(w) >= 3 and zipf(w) < 4.0 for w in article.capitalised_set}
    second = map(and_, capitalised[1:], map(rare.get, texts[1:], repeat(False)))
    for i in compress(count(), map(and_, capitalised, second)):
        a, b = toks[i], toks[i + 1]
        if (a.sentence == b.sentence and b.start == a.end + 1 and text[a.end] == " "
                and a.text[:1].isupper() and b.text[:1].isupper()
                and not a.text.isupper() and not b.text.isupper()
                and a.text.isalpha() and b.text.isalpha() and len(b.text) >= 3
                and zipf(b.text) < 4.0):
            out.append(FullName(a, b))
    return out


def given_name_variants(a: str, b: str, glossary) -> bool:
    """Are two given names romanisations of one name (Mikhail/Mykhailo, Igor/Ihor)?"""
    if a == b:
        return False
    for x, y in ((a, b), (b, a)):
        found = glossary.lookup(x)
        if found and found[1].type == "given-name" and (found[1].name == y or y in found[1].russian_forms
                                                         or y in found[1].variants):
            return True
    return first_class(a) == first_class(b) and _ratio(a, b) >= 75 and not is_derivation(a, b)


def preferred(forms: List[str], counts: dict, glossary, first_full=None,
              first_seen=None) -> Optional[str]:
    """The spelling to suggest: the house form (glossary canonical or variant, or the surname of
    a glossary person as the house writes it: Zaluzhnyi), else the form of
    the first full mention (a given name before it: "Hans Modrow"), else the first one written.
    Never the majority: MT repeats its own misspelling ("Modero" three times after one
    "Hans Modrow"). The canonical form and the house surname come before an accepted
    variant: an article that writes Zelenskyy and Zelensky is told to write Zelenskyy."""
    hits = [(f, glossary.lookup(f)) for f in forms]
    for f, hit in hits:
        if hit and hit[0] == "canonical":
            return f
    house_words = glossary.name_words()  # a glossary person's surname as the house writes it
    house = [f for f in forms if f in house_words]
    # the surname of the canonical name (Zelenskyy) before the surname of a variant (Zelensky)
    canonical = [f for f in house if house_words[f].name.split()[-1:] == [f]]
    if canonical or house:
        return (canonical or house)[0]
    for f, hit in hits:
        if hit and hit[0] == "variant":
            return f
    if first_full is not None:
        full = [f for f in forms if f in first_full]
        if full:
            return min(full, key=lambda f: first_full[f])
    if first_seen is not None:
        return min(forms, key=lambda f: first_seen.get(f, 1 << 60))
    return max(forms, key=lambda f: (counts[f], -forms.index(f)))
