import re

from mtqa.registry import Rule, register

# A score written with a colon in a sports context: "with a score of 6:3", "won 4:3",
# "a 2:1 victory". Times ("at 4:30") and ratios ("a 16:9 screen") have no such context.
_SCORE = r"(\d{1,3}):(\d{1,3})(?![\d:])"
_SCORE_RE = re.compile(_SCORE)
_BEFORE = re.compile(
    r"(?:\b(?:score|scoreline|result)(?:\s+(?:of|was|is|stood\s+at|at))?"
    r"|\b(?:won|win|wins|beat|beats|defeated|defeats|lost|lose|loses|drew|draw|draws|"
    r"leads?|led|trail(?:s|ed)?|ended|finished)(?:\s+\w+){0,2}?(?:\s+(?:by|with|at))?"
    r"|\bwith\s+a\s+(?:score\s+of\s+)?)\s+$", re.IGNORECASE)
_AFTER = re.compile(r"^\s+(?:win|victory|defeat|loss|draw|home\s+win|away\s+win|lead)\b",
                    re.IGNORECASE)


def _scores(text):
    """Matches of _SCORE, found from the colons (a few per article): scanning the whole text
    for a digit pattern costs more than every other step of this rule."""
    pos = text.find(":")
    while pos >= 0:
        start = pos
        while start > 0 and pos - start < 3 and text[start - 1].isdigit():
            start -= 1
        if start < pos:
            m = _SCORE_RE.match(text, start)
            if m:
                yield m
        pos = text.find(":", pos + 1)


@register
class ScoreColon(Rule):
    """A sports score written with a colon: "the match ended with a score of 6:3", "won
    4:3", "a 2:1 victory". Russian and Ukrainian (and German) write scores with a colon
    (со счётом 4:3); English news writes them with a hyphen or an en dash: "won 4-3", "a 2-1
    victory" (AP Stylebook, "scores": "use figures exclusively, placing a hyphen between the
    totals of the winning and losing teams").

    Flagged only in a score context: after "score (of)", "result", a verb of winning or
    losing (won, beat, defeated, lost, drew, led, ended, finished…, up to two words between)
    or before "win", "victory", "defeat", "draw", "lead". Not flagged: times ("at 4:30"),
    ratios ("a 16:9 screen", "mixed 1:1"), Bible verses and timestamps, which have no such
    context. The fix writes a hyphen; an editor confirms (a dash may be house style).

    Measured (bench/locale_recall_rules.py): 0 per 1,000 words in English originals, 0.05 in
    the references (three ru-en sports references keep “a score of 4:3”), 0.04 in MT (28
    findings, 28 of 28 right).
    """

    id = "locale-score-colon"
    summary = "Sports score with a colon (won 4:3 for 4-3)"
    category = "locale/number-format"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "The match ended with a score of 6:3 in favour of the hosts.",
             "fixed": "The match ended with a score of 6-3 in favour of the hosts."},
            {"text": "Severstal beat Amur 4:3 on Sunday.",
             "fixed": "Severstal beat Amur 4-3 on Sunday."},
            {"text": "It was a 2:1 victory for Real.",
             "fixed": "It was a 2-1 victory for Real."},
        ],
        "leave": [
            "The match started at 4:30 and ended at 6:45 p.m.",
            "The film was shot in 16:9 and mixed 1:1.",
            "Severstal beat Amur 4-3 on Sunday.",
            "He won at 10:15 in the morning session.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if ":" not in text:
            return
        for m in _scores(text):
            if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".:"):
                continue
            before = text[max(0, m.start() - 40):m.start()]
            after = text[m.end():m.end() + 20]
            if not (_BEFORE.search(before) or _AFTER.match(after)):
                continue
            if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hours?\b|GMT|UTC)", after,
                        re.IGNORECASE):
                continue
            if re.search(r"\b(?:at|until|till|from|since|before|after|around|about)\s+$",
                         before, re.IGNORECASE):
                continue  # "won at 10:15": a time
            english = f"{m.group(1)}-{m.group(2)}"
            yield self.finding(m.start(), m.end(),
                               f"“{m.group()}”: English writes a score with a hyphen ({english})",
                               [english])
