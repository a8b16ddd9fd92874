import re

from mtqa.registry import Rule, register

MIN_WORDS = 6
_NORMALISE = re.compile(r"[\W_]+")


@register
class RepeatedSentence(Rule):
    """The same sentence twice in one article: MT systems duplicate a sentence when a
    segment is sent twice or when a long segment is split and both halves come back whole.

    Sentences of at least 6 words are compared after lower-casing and ignoring punctuation;
    the later copy is flagged, with the line of the first in the message. Headlines are
    ignored (an article's title often comes back as its first sentence), and so are short
    stock lines ("Thank you very much."), which repeat legitimately.
    No fix: which copy to keep, or whether one is a garbled version of another sentence, is a
    person's call.

    Off by default: on the WMT23 dev sets the repeats mirror the source's own (a headline
    repeated as the lead, a plea repeated in a letter): 0.02 per 1,000 words on references
    and 0.02 on MT output (ratio 1.4). Select it (`--select punct-repeated-sentence`) for MT
    engines known to duplicate segments.
    """

    id = "punct-repeated-sentence"
    summary = "Sentence repeated within the article"
    category = "accuracy/mistranslation"
    severity = "minor"
    default_enabled = False
    examples = {
        "flag": [
            "Overnight, 19 drunk drivers were detained on the roads.\nPolice said the checks would go on.\nOvernight, 19 drunk drivers were detained on the roads!",
        ],
        "leave": [
            "Drunk drivers detained on Tyumen roads overnight\nDrunk drivers detained on Tyumen roads overnight.\nThank you very much. Thank you very much.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        seen = {}
        keys = {}  # sentence -> its key, "" when too short: once per distinct sentence (#13)
        for start, end in article.sentences:
            sentence = text[start:end]
            key = keys.get(sentence)
            if key is None:
                key = _NORMALISE.sub(" ", sentence.lower()).strip()
                key = keys[sentence] = key if key.count(" ") + 1 >= MIN_WORDS else ""
            if not key or article.in_headline(start):
                continue
            if key in seen:
                line = article.position(seen[key])[0]
                yield self.finding(start, end, f"this sentence already appears on line {line}")
            else:
                seen[key] = start
