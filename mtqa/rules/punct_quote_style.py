import re

from mtqa.registry import Rule, register

# The mark first, the test of the character before it after it: the same matches as a
# leading lookbehind, but the regex engine jumps from mark to mark (issue 11).
_SINGLE_OPEN = re.compile(r"['‘](?<![\w'’]['‘])(?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"['’](?<=[\w.,!?]['’])(?![\w'’])")
_DOUBLE_STYLES = {'"': ('"', '"'), "“": ("“", "”")}


def single_quotations(article):
    """Spans of quotations in single marks ('…' or ‘…’) outside double quotations and
    headlines: an opening mark before a letter at a word start, the next closing mark after
    a word, in the same paragraph, enclosing at least three characters (so "rock 'n' roll"
    and "'em" are not quotations, and apostrophes never are)."""
    text = article.text
    spans = []
    for ps, pe in article.paragraphs:
        if article.in_headline(ps):
            continue
        pos = ps
        while True:
            m = _SINGLE_OPEN.search(text, pos, pe)
            if not m:
                break
            close = _SINGLE_CLOSE.search(text, m.end(), pe)
            if not close:
                break
            if close.start() - m.end() >= 3 and not article.in_quotation(m.start()) \
                    and not _inside_running_quotation(text, ps, m.start(), close.end(), pe):
                spans.append((m.start(), close.end()))
                pos = close.end()
            else:
                pos = m.end()
    return spans


def _inside_running_quotation(text, para_start, start, end, para_end):
    """A quotation carried over from an earlier paragraph (English opens each paragraph of a
    long quotation but closes only the last: Chicago 13.30), closed by a ” after `end` with no
    “ before `start` in this paragraph: single quotes there are nested, hence correct."""
    before, after = text[para_start:start], text[end:para_end]
    return "“" not in before and "”" in after and after.find("”") < (
        after.find("“") if "“" in after else len(after))


@register
class MixedQuoteStyle(Rule):
    """Quotation marks of different styles in one article: single quotes used as quotation
    marks in an article that quotes with double ones ("Russia said 'substantial progress' had
    been made" next to "Sanctions have had a profound impact," said Biden), straight and
    curly double quotes mixed, or «guillemets» carried over from the source. Articles put
    together from MT segments mix styles; a house style never does.

    The article's style is the double-quote style it uses most (curly when tied). Flagged:
    single-quoted quotations when the article has double-quoted ones (single quotes nested
    inside a double quotation are correct and never flagged; neither are headlines, where
    British style puts single quotes), the minority double style, and every guillemet pair.
    An article quoting only with single quotes (British style) is consistent and not flagged.
    Apostrophes (Kyiv's, students', '90s, rock 'n' roll) are not quotation marks.
    The suggestion rewrites the quotation in the article's style; an editor confirms.
    """

    id = "punct-quote-style"
    summary = "Quotation-mark style mixed within the article (single vs double, straight vs curly, «»)"
    category = "fluency/inconsistency"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "After talks, Russia said 'substantial progress' had been made.\n\"Sanctions have had a profound impact,\" said Biden.", "fixed": "After talks, Russia said \"substantial progress\" had been made.\n\"Sanctions have had a profound impact,\" said Biden."},
        ],
        "leave": [
            "The minister said 'we will stay' and called it 'a red line'.",
            # nested in a quotation that runs on from the previous paragraph
            "“There was a fight on their floor.\nThe Russians are also ‘abandoning’ their "
            "own,” the statement said. “We left,” he said.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        doubles = {'"': [], "“": [], "«": [], "„": []}
        for s, e in article.quotations:
            if not article.in_headline(s) and text[s] in doubles:
                doubles[text[s]].append((s, e))
        straight, curly = len(doubles['"']), len(doubles["“"]) + len(doubles["„"])
        if not (straight or curly or doubles["«"]):
            return []
        style = '"' if straight > curly else "“"
        opener, closer = _DOUBLE_STYLES[style]
        style_name = "straight double" if style == '"' else "curly double"
        findings = []
        for s, e in single_quotations(article):
            if not (straight or curly):
                break
            inner = text[s + 1:e - 1]
            findings.append(self.finding(
                s, e, f"single quotation marks in an article that quotes with {style_name} "
                      f"marks", [f"{opener}{inner}{closer}"] + (
                    [f"“{inner}”"] if style == '"' else [])))
        minority = []
        if straight and curly:
            minority = doubles['"'] if style == "“" else doubles["“"] + doubles["„"]
        for s, e in minority + doubles["«"]:
            inner = text[s + 1:e - 1]
            kind = "guillemets" if text[s] == "«" else (
                "straight" if text[s] == '"' else "curly") + " double quotes"
            findings.append(self.finding(
                s, e, f"{kind} in an article that quotes with {style_name} marks",
                [f"{opener}{inner}{closer}"]))
        return sorted(findings, key=lambda f: f.start)
