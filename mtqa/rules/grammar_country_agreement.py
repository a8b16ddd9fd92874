"""A country whose name looks plural takes a singular verb: “the United States is”, “the USA
prohibits”, “the Netherlands has”. MT from Russian and Ukrainian, where “США” is plural, writes
“the USA prohibit”, “the United States are”.

Lexical pattern: a country name with a plural-looking form, directly followed by a plural verb
form (are/were/have/do, or a bare verb of a short list of reporting and policy verbs). Not when
the name is the object of a preposition or part of a compound subject (“citizens of the United
States have”, “Canada and the US are”), nor after an apostrophe or in a question (“Do the US
…”). Measured on ../shared/dev (bench/en_false_alarms.py): see docs/rules.md.
"""
from __future__ import annotations

from mtqa.article import lowered_token_texts, positions_of
from mtqa.registry import Rule, register

# lower-cased token sequences of the names (case checked separately: "US" is not "us")
_NAMES = {
    ("the", "united", "states"): "the United States",
    ("the", "usa"): "the USA",
    ("the", "us"): "the US",
    ("the", "u.s."): "the U.S.",
    ("the", "netherlands"): "the Netherlands",
    ("the", "philippines"): "the Philippines",
    ("the", "uae"): "the UAE",
    ("the", "united", "arab", "emirates"): "the United Arab Emirates",
}
_SECOND_WORDS = frozenset(w[1] for w in _NAMES)
_PLURAL_TO_SINGULAR = {
    "are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't",
    "haven't": "hasn't", "aren't": "isn't", "weren't": "wasn't",
}
_BARE_VERBS = set("""prohibit want say plan intend continue believe insist refuse demand remain
consider seek support oppose claim need provide send supply impose threaten accuse warn call
urge deny reject hope expect try agree allow ban intend approve announce possess own spend
remain become insist lead rank""".split())
_BLOCKING_BEFORE = {"of", "in", "to", "from", "with", "for", "by", "on", "at", "against",
                    "and", "or", "between", "than", "do", "did", "does", "like", "as", "nor",
                    "both", "including", "about", "into", "over", "via", "across", "towards"}


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


@register
class CountryAgreement(Rule):
    __doc__ = __doc__
    id = "grammar-country-agreement"
    summary = "Plural verb after a country name that takes the singular (“the USA prohibit”)"
    category = "fluency/grammar"
    severity = "minor"
    needs_words = _SECOND_WORDS  # every finding follows one (speed: the engine's gate)
    examples = {
        "flag": [
            {"text": "The USA prohibit the export of chips to China.",
             "fixed": "The USA prohibits the export of chips to China."},
            {"text": "Analysts say the United States are ready to send more tanks.",
             "fixed": "Analysts say the United States is ready to send more tanks.",
             "source_lang": "ru"},
            "Since then the Netherlands have supplied two batteries.",
        ],
        "leave": [
            "The United States is ready to send more tanks.",
            "Citizens of the United States have to apply for a visa.",
            "Canada and the US are close allies.",
            "Let us are going.",
            "Do the US and Europe agree on this?",
        ],
    }

    def check(self, article, ctx):
        if "the" not in article.lowered_set:
            return
        lowered = lowered_token_texts(article)
        toks = article.tokens
        n = len(toks)
        # "the" before one of the names' second words: found from those words' tokens (in C)
        # instead of visiting every token in Python (speed, issue 11)
        for j in positions_of(lowered, _SECOND_WORDS):
            i = j - 1
            if i < 0 or lowered[i] != "the":
                continue
            for words, name in _NAMES.items():
                k = len(words)
                if i + k >= n or tuple(lowered[i:i + k]) != words:
                    continue
                name_toks = toks[i:i + k]
                if any(t.sentence != toks[i].sentence for t in toks[i:i + k + 1]):
                    continue
                # "US" must be written in capitals; the others need their capital letter
                if not all(t.text[:1].isupper() for t in name_toks[1:]) or \
                        (words[1] == "us" and name_toks[1].text != "US"):
                    continue
                if i > 0 and toks[i - 1].sentence == toks[i].sentence and \
                        lowered[i - 1] in _BLOCKING_BEFORE:
                    continue
                verb = toks[i + k]
                gap = article.text[name_toks[-1].end:verb.start]
                if gap != " ":
                    continue
                v = lowered[i + k]
                fix = _PLURAL_TO_SINGULAR.get(v)
                if fix is None and v in _BARE_VERBS:
                    fix = _third_person(v)
                if fix is None:
                    continue
                if verb.text[:1].isupper():
                    fix = fix[:1].upper() + fix[1:]
                yield self.finding(
                    verb.start, verb.end,
                    f"“{article.text[name_toks[0].start:name_toks[-1].end]}” takes a singular "
                    f"verb: “{fix}”", [fix])
