import re

from mtqa.registry import Rule, register

_DASH = "-–—"
_SAYING = (r"(?:said|says|say|told|tells|added|adds|noted|notes|wrote|writes|stated|states|"
           r"asked|asks|explained|explains|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
           r"recalled|recalls|continued|continues|concluded|concludes|admitted|admits|"
           r"exclaimed|exclaims|complained|complains|replied|replies|answered|answers|"
           r"shared|shares|pointed\s+out|points\s+out|remarked|remarks|declared|declares|"
           r"assured|assures|insisted|insists|announced|announces|reported|reports|"
           r"commented|comments|believes|believed|thinks|thought|"
           r"is\s+quoted|was\s+quoted|is\s+said|was\s+said)")
# A dash closing a quotation before its attribution (Russian «…», – сказал он): after the
# quotation's last punctuation (a comma, !, ?, … or a full stop, optionally a closing quote),
# then, within a few words, a verb of saying: ", - said the minister", "?" - asked Ivanov",
# ", - Konstantin Zaitsev stressed".
# (Patterns start with the dash, not with the punctuation before it or a lookbehind, so the
# regex engine skips ahead to the few dashes; what comes before is checked in Python.)
_ATTRIBUTION = re.compile(
    rf"[{_DASH}][ \t]*"
    rf"(?=(?:(?:the|a|an|his|her|their|its|our)[ \t]+(?:[\w'’.-]+[ \t]+){{0,3}}?"
    rf"|(?:[A-Z][\w'’.-]*[ \t]+){{1,3}}|(?:he|she|they|we|I|it|you)[ \t]+)?"
    rf"(?:also[ \t]+|then[ \t]+)?{_SAYING}\b)")
_QUOTATION_END = ',!?…."”»'
# A line opening with a dash and a sentence: the Russian dialogue line (— Очень часто…).
_LINE_DASH = re.compile(rf"^([{_DASH}][ \t]*)(?=[\"“«]?[A-Z])", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*$")
# After a sentence of attribution, a dash reopening the same quotation in mid-line:
# ', - says the playwright. - Therefore, ...'
_REOPEN = re.compile(rf"[{_DASH}][ \t]+(?=[\"“«]?[A-Z])")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:Ed|ed|Red|approx|Mr|Mrs|Dr|St|No|vs|etc))\.$")


def _spaces_before(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


_SPEECH_IN_LINE = re.compile(
    rf"^[{_DASH}][ \t]*[\"“«]|[,!?…][ \t]*[{_DASH}][ \t]|\b{_SAYING}\b")


@register
class DialogueDash(Rule):
    """Russian and Ukrainian dialogue dashes carried into English: a line of direct speech
    opened with a dash ("- Very often the issue is raised…") and a dash between a quotation
    and its attribution ("…this issue, - Konstantin Zaitsev stressed"; "Together!" - noted
    Gebreyesus), or reopening the quotation after it ("- says the playwright. - Therefore…").
    Russian and Ukrainian typography marks direct speech with a dash (— Очень часто…, —
    подчеркнул он); English marks it with quotation marks and joins the attribution with a
    comma: "Very often the issue is raised," Zaitsev stressed (AP Stylebook, "quotation
    marks"; Chicago Manual of Style 17th ed., 13.11 and 6.85: the dash for dialogue is a
    convention of other languages, English uses quotation marks).

    Flagged: a dash right after a quotation's last punctuation and followed within four words
    by a verb of saying (said, noted, stressed, asked, added…); a dash opening a line whose
    text is a sentence (ends with . ! ? …) and starts with a capital letter or a quotation
    mark; a dash after a full stop reopening a quotation in mid-line. Not flagged: list items
    ("- 18 HIMARS launchers;", lines not ending as sentences), dashes inside a sentence ("the
    cost - more than"), a dash after an abbreviation ("- Ed."), datelines and headlines
    ("victims - DW - 08.02.2023").

    Only the attribution dash carries a suggestion (delete it: "…," said X), and never a safe
    one; a dash opening or reopening direct speech has none, because the fix is a rewrite
    with opening and closing quotation marks that an editor makes (display only, in ruff's
    terms).

    Measured (bench/locale_recall_rules.py): 0 per 1,000 words in English originals, 0.34 in
    the references (six uk-en references keep the dashes: real slips, not false alarms), 0.31
    in MT (207 findings); 50 of 50 read MT findings right.
    """

    id = "punct-dialogue-dash"
    summary = "Russian/Ukrainian dialogue dash (“- Very often…”, “…, - said the minister”)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "\"We will win,\" - said the minister.",
             "fixed": "\"We will win,\" said the minister."},
            {"text": "We paid special attention to this issue, - Konstantin Zaitsev stressed.",
             "fixed": "We paid special attention to this issue, Konstantin Zaitsev stressed."},
            "He opened the door and said:\n- Well, here we are!\nCome in.",
            "It is hard, – says the playwright. – Therefore, the play is short.",
        ],
        "leave": [
            "Poland asked for:\n- 18 M142 HIMARS launchers;\n- 468 loader modules",
            "The cost of all works - more than 2 million roubles - was paid.",
            "More than 11 thousand victims - DW - 08.02.2023",
            "\"We will win,\" said the minister - and left.",
            "The fee (about 500 dollars - Ed.) was paid.",
            "Cows are sacred - known as gau mata, or \"mother cow\" - and most states ban it.",
            "The answer - as the minister said later - was no.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not any(d in text for d in _DASH):
            return []
        findings = []
        for m in _ATTRIBUTION.finditer(text):
            start = _spaces_before(text, m.start())
            if start == 0 or text[start - 1] not in _QUOTATION_END:
                continue
            if article.in_headline(m.start()):
                continue
            findings.append(self.finding(
                start, m.end(),
                "dash before the attribution of a quotation (Russian/Ukrainian dialogue "
                "convention); English writes “…,” said X", [" "]))
        # A dash line is dialogue, not a list item, when the article quotes this way
        # elsewhere (an attribution dash), or the line carries speech itself (a quotation
        # mark right after the dash, a verb of saying, an attribution dash), or the line
        # before introduces it ("he says:").
        dialogue_article = bool(findings)
        for m in _LINE_DASH.finditer(text):
            pe = text.find("\n", m.start())
            pe = len(text) if pe < 0 else pe
            line = text[m.start():pe]
            if not _SENTENCE_END.search(line):
                continue  # a list item ("- 18 HIMARS launchers;") or a heading
            previous = text[max(0, m.start() - 200):max(0, m.start() - 1)].rstrip(" \t")
            if not (dialogue_article or previous.endswith(":") or _SPEECH_IN_LINE.search(line)):
                continue
            findings.append(self.finding(
                m.start(1), m.end(1),
                "line of direct speech opened with a dash (Russian/Ukrainian dialogue "
                "convention); English opens it with a quotation mark and closes it where the "
                "speech ends"))
        for m in _REOPEN.finditer(text):
            start = _spaces_before(text, m.start())
            if start == m.start() or start == 0 or text[start - 1] not in ".!?…":
                continue  # a reopening dash stands between spaces after a full stop
            if _ABBREVIATION_END.search(text[max(0, start - 8):start]):
                continue
            if article.in_headline(m.start()):
                continue
            findings.append(self.finding(
                start, m.end(),
                "dash reopening a quotation after its attribution (Russian/Ukrainian dialogue "
                "convention); English closes the attribution and reopens with a quotation "
                "mark"))
        seen, out = set(), []
        for f in sorted(findings, key=lambda f: (f.start, f.end)):
            if any(s < f.end and f.start < e for s, e in seen):
                continue
            seen.add((f.start, f.end))
            out.append(f)
        return out
