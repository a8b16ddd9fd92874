import math
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from mtqa.article import positions_of
from mtqa.lexicon import zipf
from mtqa.registry import Rule, register
from mtqa.rules._langid import detect, language_name
from mtqa.rules._scripts import is_non_latin_letter

MIN_WORDS = 4            # lower-case Latin words a sentence needs before it is judged
UNKNOWN_SHARE = 0.5      # share of them rarer than ZIPF_KNOWN in English that opens the gate
ZIPF_KNOWN = 3.0
MIN_PROBABILITY = 0.95   # langdetect's confidence needed to flag


def gate(words):
    """Cheap test before langdetect: enough lower-case words, and most of them rare or unknown
    in English. Names are capitalised and so never count either way."""
    lower = [w for w in words if w[0].islower() and len(w) > 1]
    if len(lower) < MIN_WORDS:
        return False
    unknown = sum(1 for w in lower if zipf(w) < ZIPF_KNOWN)
    return unknown / len(lower) >= UNKNOWN_SHARE


_KNOWN, _UNKNOWN = 1, 2
_UNKNOWN_CLASS = frozenset({_UNKNOWN})
_MIN_UNKNOWN = math.ceil(MIN_WORDS * UNKNOWN_SHARE)


@lru_cache(maxsize=1 << 16)
def _word_class(word: str) -> int:
    """0 when gate() does not count the word (not a lower-case Latin-script word of two or
    more letters), else _KNOWN or _UNKNOWN in English."""
    if not (len(word) > 1 and word[0].islower() and word.isalpha()) \
            or any(map(is_non_latin_letter, word)):
        return 0
    return _UNKNOWN if zipf(word) < ZIPF_KNOWN else _KNOWN


@register
class UntranslatedSentence(Rule):
    """A sentence in Latin script that is not English: an Indonesian, Polish or Czech sentence
    the MT system passed through, or a source quote left as it was ("Kami tidak akan mundur
    dari perjuangan ini").

    Language identification (langdetect, seeded so results never vary) costs about 4 ms a
    sentence and calls 1-5 % of English MT sentences foreign, so it runs only behind a cheap
    gate: at least 4 lower-case words, of which at least half are rare or unknown in English
    (Zipf frequency < 3 in mtqa.lexicon). Names are capitalised and never count, so a sentence
    full of Ukrainian place names does not reach langdetect. A sentence passing the gate is
    flagged when langdetect gives a language other than English with probability >= 0.95.

    Quotations are judged like any other text: an untranslated source quote is exactly what
    this rule is for. A short foreign phrase (a motto, "Slava Ukraini") has too few words to
    reach the gate; leftover single words are `untranslated-function-word`'s business.
    No suggestion: the sentence needs translating by a person.
    """

    id = "untranslated-sentence"
    summary = "Latin-script sentence in a language other than English"
    category = "accuracy/untranslated"
    severity = "major"
    examples = {
        "flag": [
            "The talks ended on Thursday. Pemerintah akan membangun jalan baru di Jakarta untuk masyarakat yang tinggal di sana.",
        ],
        "leave": [
            "Okhtyrka, Chernihiv, Mykolaiv and Zaporizhzhia were shelled.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        # gate() per sentence, from per-word classes computed once per distinct word; tokens
        # come in sentence order, so a sentence's words are one slice
        kinds = list(map(_word_class, article.token_texts))
        # a sentence that passes the gate has at least MIN_WORDS * UNKNOWN_SHARE unknown
        # words: only sentences holding two or more are looked at (most articles: none)
        unknown = positions_of(kinds, _UNKNOWN_CLASS)
        if len(unknown) < _MIN_UNKNOWN:
            return
        sentence_of = list(map(itemgetter(3), article.tokens))
        per_sentence = Counter(map(sentence_of.__getitem__, unknown))
        for index in sorted(i for i, n in per_sentence.items() if n >= _MIN_UNKNOWN):
            a = bisect_left(sentence_of, index)
            b = bisect_left(sentence_of, index + 1, a)
            if b - a < MIN_WORDS:
                continue
            words = kinds[a:b]
            lower = b - a - words.count(0)
            if lower < MIN_WORDS or words.count(_UNKNOWN) / lower < UNKNOWN_SHARE:
                continue
            start, end = article.sentences[index]
            result = detect(text[start:end])
            if result is None:
                continue
            lang, prob = result
            if lang == "en" or prob < MIN_PROBABILITY:
                continue
            yield self.finding(
                start, end,
                f"sentence reads as {language_name(lang)} (langdetect {prob:.0%}), "
                f"not English: untranslated?")
