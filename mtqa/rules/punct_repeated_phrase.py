import re

from mtqa.article import lowered_token_texts
from mtqa.registry import Rule, register

# A run of 3-8 words said twice in a row, the second time after a comma or a space: "if the
# universe were empty, if the universe were empty", "they have excavators and tractors, they
# have excavators and tractors". Words inside the run are separated by single spaces, so the
# run never spans a clause boundary of its own. The backreference is tried only where a word
# starts (the lookbehind), and only a few lengths each time.
_REPEAT = re.compile(
    r"(?<![\w'’-])((?:[^\W\d_][\w'’-]* ){2,7}[^\W\d_][\w'’-]*)(, | )(\1)(?![\w'’-])",
    re.IGNORECASE)
# Runs made only of these are chants, sounds or counting, not a decoder loop ("la la la",
# "no no no", "go go go", "again and again and again").
_FILLER = frozenset("""
    la na da ha ho oh ah no yes go come on and again very so more bye hey run yeah
    one two three now here there we in
""".split())


# A run of k tokens said twice in a row is k equal tokens followed by the same k (a word is
# one token, or a few when hyphenated; punctuation is no token). Each distinct lower-case
# token becomes one character, and a back-reference search over that short string (in C)
# says whether any such run exists; the regex over the text, whose back-reference is tried
# at every word start, then runs only in the few articles where one does. More than
# _MAX_TOKENS tokens would need 8-word runs of words hyphenated into four or more parts.
_MAX_TOKENS = 25
_TOKEN_RUN_TWICE = re.compile(r"(.{3,%d})\1" % _MAX_TOKENS, re.DOTALL)


def _may_repeat(lowered) -> bool:
    if len(lowered) > 1_000_000:  # more distinct tokens than characters could code
        return True
    # each distinct word coded by the order of its first occurrence; the text coded in C
    # (a Python step per token was a tenth of 1 MB of names' time; hardening5, issue 13)
    codes = {w: chr(i) for i, w in enumerate(dict.fromkeys(lowered))}
    coded = "".join(map(codes.__getitem__, lowered))
    return _TOKEN_RUN_TWICE.search(coded) is not None


@register
class RepeatedPhrase(Rule):
    """The same phrase of three or more words twice in a row ("if the universe were empty, if
    the universe were empty, it would look like this", "the production department of the
    production department"). Neural MT decoders fall into such loops — the repetition /
    hallucination failure described by Holtzman et al., "The Curious Case of Neural Text
    Degeneration" (ICLR 2020) and Raunak et al., "The Curious Case of Hallucinations in Neural
    Machine Translation" (NAACL 2021) — and MQM raters mark them as Accuracy/Addition
    (bench/mqm_recall.py). Single doubled words are punct-repeated-word's; whole doubled
    sentences punct-repeated-sentence's.

    Not flagged: runs with a figure in them ("minus 120 degrees, minus 120 degrees" in a
    list of values), runs made only of chant and filler words ("la la la la", "we go in, we
    go in"), runs that differ in more than letter case, and repeats across a sentence end.
    The fix deletes the second copy; unsafe (a speaker may repeat a phrase on purpose).
    """

    id = "punct-repeated-phrase"
    summary = "Phrase of three or more words repeated (if the universe were empty, if the " \
              "universe were empty)"
    category = "accuracy/mistranslation"  # an addition; the MQM category list has no own one here
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Einstein realized that if the universe were empty, if the universe were "
                     "empty, it would look like this.",
             "fixed": "Einstein realized that if the universe were empty, it would look like "
                      "this."},
            {"text": "She worked as a dispatcher of the production department of the "
                     "production department.",
             "fixed": "She worked as a dispatcher of the production department."},
            "We appeal to farmers, they have excavators and tractors, they have excavators "
            "and tractors.",
        ],
        "leave": [
            "The values were minus 120 degrees, minus 120 degrees and 0 degrees.",
            "The crowd chanted: la la la la la la.",
            "He said it again and again and again.",
            "We go in, we go in, we go in.",
            "Education was the priority. Education was the priority, he repeated later.",
            "They have excavators and tractors; farmers have excavators and trucks.",
        ],
    }

    def check(self, article, ctx):
        if not _may_repeat(lowered_token_texts(article)):
            return []
        text = article.text
        findings = []
        pos = 0
        while True:
            m = _REPEAT.search(text, pos)
            if not m:
                break
            pos = m.start(3)
            words = m.group(1).lower().split()
            if not set(words) <= _FILLER:
                start = m.start(2)   # the separator and the second copy go
                findings.append(self.finding(
                    start, m.end(3), f"phrase repeated: “{m.group(1)}”", [""]))
                pos = m.end(3)
        return findings
