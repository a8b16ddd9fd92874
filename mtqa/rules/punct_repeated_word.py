import re
from functools import lru_cache
from itertools import compress, count
from operator import and_, eq, not_, or_

from mtqa.registry import Rule, register

_REPEAT = re.compile(r"(?<![\w'’-])([^\W\d_]+)([ \t]+)(\1)(?![\w'’-])", re.IGNORECASE)
# Doubled words that are grammatical ("what he had had", "that that", "what it is is") or
# emphatic/onomatopoeic ("very very", "no no", "la la"): not translation damage.
LEGITIMATE = frozenset(
    "had that is was do does did in on upon there out it this who what where when why how "
    "be very really so no yes bye ha haha la oh ah well now go far many much more knock tut "
    "boo chop ding dum night tick tock hip pom bla blah yeah wow hey run cha tsk hush".split())
# Duplicates of these are always a slip and always safe to delete.
SAFE = frozenset("the a an of to and or at for with by from".split())
# Place and band names that double a word.
NAMES = frozenset("baden bora pago walla sing duran mahi bulla wagga ylang".split())


# Prepositions that end a prepositional verb ("looked at", "dealt with", "voted for") and can
# then start the next phrase: "the issue was looked at at the meeting".
_VERB_PARTICLES = frozenset("at with for to on in about of from by".split())
_OPENING_QUOTES = frozenset('"“‘\'«')
_CLOSING_QUOTES = frozenset('"”’\'»')
# English irregular past participles not ending in -ed/-en
_IRREGULAR_PARTICIPLES = frozenset(
    "dealt built sent spent meant felt kept left lent bent taught thought brought sought caught "
    "bought fought got put set cut shot held told sold found made paid laid said heard stood "
    "understood run won struck hung".split())
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\s+$")


def _reduplicated_name(text: str, start: int, first: str, second: str) -> bool:
    """Capitalised doubles inside a name: reduplicated given names (Fang Fang, Lang Lang) and a
    double after another name word (Chow Sang Sang). A capitalised place or country doubled
    ("Moscow Moscow") is still a slip: its word is long or an English word."""
    if not (first[:1].isupper() and second[:1].isupper()) or first.isupper():
        return False
    # the answer depends on the 40 characters before the double only: asked once per such
    # context (1 MB of "The " asked it 130,000 times; hardening5, issue 13)
    return _reduplicated_after(text[max(0, start - 40):start], first)


@lru_cache(maxsize=4096)
def _reduplicated_after(before: str, first: str) -> bool:
    start = len(before)
    prev = _PREVIOUS_WORD.search(before, 0, start)
    after_name = bool(prev and prev.group(1)[:1].isupper() and before[prev.end(1):start] == " ")
    if after_name:
        return True
    from mtqa.lexicon import world_names
    from mtqa.realnames import is_given_name

    return len(first) <= 5 and (first not in world_names() or is_given_name(first))


def _particle_then_preposition(text: str, start: int, word: str) -> bool:
    """"looked at at the meeting": the first preposition closes a past participle's verb."""
    if word not in _VERB_PARTICLES:
        return False
    prev = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if not prev:
        return False
    verb = prev.group(1).lower()
    return verb in _IRREGULAR_PARTICIPLES or verb.endswith(("ed", "en")) and len(verb) > 3


def _repeats(text, tokens, texts, folded):
    """_REPEAT.finditer(text), tried only where a match can start (speed, issue 11): its two
    words are two adjacent tokens (letters after no word character, apostrophe or hyphen,
    then blanks, then letters before none), equal letter by letter in lower case; so the
    same when folded if both are ASCII. Pairs with a non-ASCII word are tried too: `re`'s
    case-insensitive comparison is not str.casefold's (İ and i)."""
    same = map(eq, folded, folded[1:])
    if not text.isascii():
        ascii_ = list(map(str.isascii, texts))
        same = map(or_, same, map(not_, map(and_, ascii_, ascii_[1:])))
    end = 0
    for i in compress(count(), same):
        start = tokens[i].start
        if start >= end:  # finditer's matches never overlap
            m = _REPEAT.match(text, start)
            if m:
                yield m
                end = m.end()


@register
class RepeatedWord(Rule):
    """The same word twice in a row: "the the", "of of", "the organization organization",
    "Moscow Moscow". MT systems stutter this way when they merge two hypotheses.

    Not flagged: grammatical doublings ("what he had had", "that that", "what it is is",
    "decided upon upon"), emphasis and sounds ("very very", "no no", "la la la"), names that
    double a word (Baden Baden, Bora Bora, Walla Walla, ylang ylang), reduplicated given names
    and doubles inside a longer name (Fang Fang, Lang Lang, Chow Sang Sang), a preposition
    that ends a prepositional verb before a phrase with the same one ("was looked at at the
    meeting", "dealt with with care"), a word after a hyphen ("2-room room"), and words split
    by a comma or a line break. The fix deletes the second word; it
    is safe for articles, prepositions and conjunctions ("the the" -> "the").

    Measured: 0.03 per 1,000 words on WMT23 references (both findings real slips of the
    references: "by the the National Academy", "The number of of recipients"), 0.04 on MT;
    on the MQM zh-en data 7 of 8 findings (0.88) overlap a rater's error span (chance 0.11).
    """

    id = "punct-repeated-word"
    summary = "Word repeated (“the the”)"
    category = "fluency/grammar"
    severity = "minor"
    examples = {
        "flag": [
            {'text': 'He went to the the market.', 'fixed': 'He went to the market.'},
            'Troops entered Moscow Moscow on Friday.',
            {'text': 'It was done by the the Academy.', 'fixed': 'It was done by the Academy.'},
        ],
        "leave": [
            'The writer Fang Fang kept a diary.',
            'Chow Sang Sang opened a store.',
            'The issue was looked at at the meeting.',
            'What he had had was gone.',
            'He was the "zoom zoom" kid.',
            'He said that that plan had failed.',
        ],
    }

    def check(self, article, ctx):
        text = article.text
        # Both words of a match are whole tokens, next to each other and equal ignoring case
        # (so equal case-folded): articles without such a pair (nearly all) skip the regex,
        # whose back-reference makes it one of the costlier scans.
        texts = article.token_texts
        folded = list(map(str.casefold, texts))
        if not any(map(eq, folded, folded[1:])):
            return
        for m in _repeats(text, article.tokens, texts, folded):
            first, second = m.group(1), m.group(3)
            word = first.lower()
            if word in LEGITIMATE or word in NAMES:
                continue
            if len(word) == 1 and word not in ("a",):
                continue  # initials and list letters: "J J Abrams", "x x"
            if article.original[m.end(1):m.start(3)].strip():
                continue  # markup between them (blank in the prose view): "Kyiv `code` Kyiv"
            if _reduplicated_name(text, m.start(), first, second):
                continue
            if _particle_then_preposition(text, m.start(), word):
                continue
            if text[m.start() - 1:m.start()] in _OPENING_QUOTES and \
                    text[m.end():m.end() + 1] in _CLOSING_QUOTES:
                continue  # the whole quotation is the double: a sound or slogan, "zoom zoom"
            yield self.finding(
                m.start(), m.end(), f"“{first}” twice in a row", [first],
                safe=word in SAFE and first == second or (
                    word in SAFE and first[0].isupper() and second.islower()))
