import re

from mtqa.registry import Rule, register
from mtqa.rules._gates import finditer_at
from mtqa.rules._punct import in_code_chunk, touches_markup

_SPACE_BEFORE = re.compile(
    r"(?<=[\w\"”’»)\]])([ \t]+)([,;:!?]+|\.(?![.\w]))(?=\s|$|[\"”’»])"
    r"|(\()([ \t]+)(?=\w)"
    r"|(?<=[\w.!?\"”])([ \t]+)(\))")

# What every _SPACE_BEFORE match contains (a tab, or one of these pairs); most articles have
# none, and these literal searches (memchr speed) are far cheaper than _SPACE_BEFORE's
# lookbehinds tried at every position, or a character-class scan.
_SPACE_HINTS = ("\t", " ,", " ;", " :", " !", " ?", " .", " )", "( ")
# Where a match starts: the blanks before a mark or ")" (the match starts at the first of
# them), or "(" before a blank; _SPACE_BEFORE is tried only there (mtqa.rules._gates).
_SPACE_PLACES = re.compile(r"[ \t][,;:!?.)]|\([ \t]")


@register
class SpaceBeforePunctuation(Rule):
    """A space before a comma, period, colon, semicolon, question or exclamation mark, or
    inside brackets: "Kyiv , Ukraine", "for me .", "professional !!", "( Jeep Wrangler)".
    Tokenised MT output and French-style typography (a space before ? ! : ;) leave them.

    Not flagged: emoticons (":)" needs no space rule), ellipses (" ..." and " …" are a
    style), decimals and file extensions (" .5", " .com"), and anything in URLs and code.
    The fix deletes the space and is safe.
    """

    id = "punct-space-before"
    summary = "Space before punctuation or inside brackets (“Kyiv , Ukraine”)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Kyiv , Ukraine.", "fixed": "Kyiv, Ukraine."},
        ],
        "leave": [
            "Great place :) and so on ... or … at .5 per cent.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not any(map(text.__contains__, _SPACE_HINTS)):
            return
        for m in finditer_at(_SPACE_BEFORE, text, _SPACE_PLACES):
            if m.group(2) is not None:
                start, end, mark = m.start(1), m.end(2), m.group(2)
                message = f"space before “{mark}”"
            elif m.group(3) is not None:
                start, end, mark = m.start(3), m.end(4), "("
                message = "space after an opening bracket"
            else:
                start, end, mark = m.start(5), m.end(6), ")"
                message = "space before a closing bracket"
            if in_code_chunk(text, end - 1):
                continue
            if touches_markup(article, start, end):
                continue
            yield self.finding(start, end, message, [mark], safe=True)
