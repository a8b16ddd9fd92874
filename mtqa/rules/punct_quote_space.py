import bisect
import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_chunk, touches_markup

# Curly quotation marks say which way they face, so a space on their inner side is certain.
# A single quote on the inner side is a nested quotation ("… 'in Glasgow,' ” he said), where
# a space between the marks is good typography.
# (The patterns start with the quotation mark or the space, not with a lookbehind, so the
# regex engine skips ahead to candidates; what comes before is checked in Python.)
_CURLY_OPEN_SPACE = re.compile(r"“([ \t]+)(?=[^\s“”\"'‘’])")
_BEFORE_CURLY_OPEN = frozenset(" \t\n\r([—–-")
_CURLY_CLOSE_SPACE = re.compile(r"([ \t]+)”(?=[\s.,;:!?)\]—–-]|$)")
# A straight mark glued to a capitalised word that is not followed by a verb of saying opens a
# quotation (timidly. "You should…"), whatever the pairing says ("formula', "Zelensky said"
# is a closing mark).
_OPENING_SHAPE = re.compile(
    r"[A-Z][\w'’-]*(?![\w'’-])(?!(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:said|says|told|added|noted|"
    r"stressed|explained|asked|wrote|writes|stated|emphasi[sz]ed)\b)")
# Whatever the pairing (a quotation may run over several lines), a straight mark between the
# quotation's punctuation and an attribution is a closing one: lives, " he said.
_CLOSING_BEFORE_ATTRIBUTION = re.compile(
    r"[,.!?…]([ \t]+)\"(?=[ \t]*(?:(?:he|she|they|we|I|it|the\s+[\w-]+(?:\s+[\w-]+){0,3}?|"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+)?(?:said|says|told|added|adds|noted|notes|"
    r"stressed|explained|explains|asked|wrote|writes|stated|states|emphasi[sz]ed|reported|"
    r"recalled|continued|concluded)\b)")
_AFTER_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|noted|stressed|explained|asked|wrote|writes|stated|states|"
    r"emphasi[sz]ed|reported|briefing|Twitter)[,.]$")
# Substring tests are far cheaper than a regex scan, and most articles have none of these.
_HINTS = ('" ', ' "', "“ ", " ”", '"\t', '\t"', "“\t", "\t”")


def _straight_pairs(text: str, marks):
    """The straight double quotes of a paragraph (positions), paired in order, when the
    paragraph has an even number of them (otherwise the pairing is a guess: None)."""
    marks = [i for i in marks if not _is_inch(text, i)]
    if len(marks) % 2:
        return None
    return list(zip(marks[0::2], marks[1::2]))


def _by_paragraph(article, positions):
    """{paragraph span: positions inside it}, for positions in ascending order."""
    groups = {}
    paragraphs = article.paragraphs
    starts = [s for s, _ in paragraphs]
    for pos in positions:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < paragraphs[i][1]:
            groups.setdefault(paragraphs[i], []).append(pos)
    return groups


def _is_inch(text: str, i: int) -> bool:
    """5'10", a 12" pipe: a straight quote right after a digit with no opening quote before
    it on the same line is an inch mark, not a quotation mark."""
    return i > 0 and text[i - 1].isdigit() and text.rfind('"', text.rfind("\n", 0, i) + 1, i) < 0


@register
class QuoteSpace(Rule):
    """A space on the inner side of a quotation mark: after the opening mark (“ The pandemic
    will end”, " We are ready") or before the closing one ("They saved many lives, " the
    president said). Tokenised MT output leaves them, and so does French typography (« Oui »,
    with a space inside guillemets); English sets quotation marks tight against the quoted
    words (AP Stylebook and Chicago Manual of Style 17th ed., 6.9: no space between a
    quotation mark and the words it encloses).

    Curly quotes say which way they face, so “ + space and space + ” are flagged wherever
    they stand. Straight quotes are paired in order within a paragraph; when a paragraph
    has an odd number of them the pairing is a guess, and only an opening quote at the start
    of the paragraph (" We…) and a closing quote before an attribution (…lives, " he said:
    a quotation that ran over several lines) are flagged. Not flagged: guillemets (the
    `punct-quote-style` rule rewrites «…» into English quotes), inch marks (5'10", 12"
    pipe), a quotation mark standing alone ("…" “ … ”: no words inside), URLs and code, and
    spaces that come from markup. A space before a comma or full stop after a closing quote ("…” .) is
    `punct-space-before`'s. The fix deletes the space: safe for curly quotes and for a
    paragraph-initial opening quote, a suggestion for a straight pair (the pairing might be
    thrown off by an unclosed quotation earlier in the paragraph).

    Measured (bench/locale_recall_rules.py): 0 per 1,000 words in English originals, 0.02 in
    the references (one real slip), 0.44 in MT (292 findings, two in three from one
    tokenising system) and 27 on zh-en MT; 50 of 50 read MT findings and 27 of 27 zh-en right.
    """

    id = "punct-quote-space"
    summary = "Space inside quotation marks (“ The pandemic”, “lives, ” he said)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "“ The pandemic will end,” he said.",
             "fixed": "“The pandemic will end,” he said."},
            {"text": "“They saved many lives, ” the president said.",
             "fixed": "“They saved many lives,” the president said."},
            {"text": "\"They saved many lives, \" the president said.",
             "fixed": "\"They saved many lives,\" the president said."},
            {"text": "\" On the cargo ship the pressure fell.",
             "fixed": "\"On the cargo ship the pressure fell."},
            {"text": "He said: \" We are ready, \" and left.",
             "fixed": "He said: \"We are ready,\" and left."},
        ],
        "leave": [
            "“The pandemic will end,” he said, “and soon.”",
            "\"We are ready,\" he said. \"Very ready.\"",
            "He is 5'10\" tall and uses a 12\" pipe.",
            "The so-called \"Steinmeier formula\" was discussed.",
            "Une « citation » en français et « une autre ».",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not any(hint in text for hint in _HINTS):
            return []
        spans = []  # (start, end, message, safe)
        if "“" in text:
            for m in _CURLY_OPEN_SPACE.finditer(text):
                if m.start() == 0 or text[m.start() - 1] in _BEFORE_CURLY_OPEN:
                    spans.append((m.start(1), m.end(1), "space after an opening quotation mark",
                                  True))
        if "”" in text:
            for m in _CURLY_CLOSE_SPACE.finditer(text):
                if m.start() > 0 and (text[m.start() - 1].isalnum() or
                                      text[m.start() - 1] in ".,!?…_"):
                    spans.append((m.start(1), m.end(1), "space before a closing quotation mark",
                                  True))
        if '"' in text:
            for m in _CLOSING_BEFORE_ATTRIBUTION.finditer(text):
                if not (m.start() > 0 and (text[m.start() - 1].isalnum() or
                                           text[m.start() - 1] in "_'’)")):
                    continue  # after a word, a nested quotation or a bracket
                if _AFTER_ATTRIBUTION.search(text, max(0, m.start(1) - 40), m.start(1)):
                    continue  # ", " Krikalev said, "Krikalev said": a garbled repeat
                spans.append((m.start(1), m.end(1), "space before a closing quotation mark",
                              False))
            marks = [m.start() for m in re.finditer('"', text)]
            for (ps, pe), in_paragraph in _by_paragraph(article, marks).items():
                pairs = _straight_pairs(text, in_paragraph)
                if pairs is None:
                    m = re.match(r'"([ \t]+)(?=\w)', text[ps:pe])
                    if m:
                        spans.append((ps + 1, ps + m.end(1),
                                      "space after an opening quotation mark", True))
                    continue
                for open_, close in pairs:
                    inner = text[open_ + 1:close]
                    if not inner.strip():
                        continue
                    lead = len(inner) - len(inner.lstrip(" \t"))
                    trail = len(inner) - len(inner.rstrip(" \t"))
                    # A pairing can be thrown off by a quotation nested in straight quotes
                    # ("… the "putin kaputt" closer"), so a straight mark needs the shape of
                    # the artefact too: a capital after an opening space (" We…), the
                    # quotation's own punctuation before a closing one (lives, " he said).
                    first = inner.lstrip(" \t")[:1]
                    if lead and (open_ == ps or first.isupper() or first.isdigit()) and (
                            text[open_ - 1] not in ".!?…,"):  # that!" The: a closing mark
                        spans.append((open_ + 1, open_ + 1 + lead,
                                      "space after an opening quotation mark", open_ == ps))
                    if trail and inner.rstrip(" \t")[-1:] in ",.!?…;:" and (
                            not _OPENING_SHAPE.match(text, close + 1)) and (
                            not _AFTER_ATTRIBUTION.search(text, max(0, close - trail - 40),
                                                          close - trail)):
                        spans.append((close - trail, close,
                                      "space before a closing quotation mark", False))
        findings, seen = [], set()
        for start, end, message, safe in sorted(set(spans), key=lambda s: (s[0], not s[3])):
            if (start, end) in seen:
                continue  # found by the pairing and by the attribution shape
            seen.add((start, end))
            if in_code_chunk(text, max(start - 1, 0)) or touches_markup(article, start, end):
                continue
            findings.append(self.finding(start, end, message, [""], safe=safe))
        return findings
