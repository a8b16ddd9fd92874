import re

from mtqa.registry import Rule, register

# Chinese (and Japanese) punctuation and its English counterpart. Full-width forms
# (U+FF01–FF5E) are the ASCII marks set on a CJK character cell; the CJK Symbols and
# Punctuation block (U+3000–303F) adds the enumeration comma, the full stop, corner and title
# brackets and the ideographic space.
_ENGLISH = {
    "，": ",", "、": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?",
    "（": "(", "）": ")", "【": "[", "】": "]", "〔": "[", "〕": "]",
    "《": "“", "》": "”", "〈": "‘", "〉": "’", "「": "“", "」": "”", "『": "‘", "』": "’",
    "％": "%", "＄": "$", "＆": "&", "＃": "#", "＂": "\"", "＇": "'", "／": "/",
    "　": " ",
}
# Marks after which English sets a space before the next word; opening marks take a space
# before them instead.
_SPACE_AFTER = frozenset(",.:;!?)]”’")
_SPACE_BEFORE = frozenset("([“‘")
_FULLWIDTH = re.compile("[" + "".join(sorted(_ENGLISH)) + "]")
_LATIN = re.compile(r"[A-Za-z0-9À-ɏ]")


def _is_cjk(ch: str) -> bool:
    return ("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u4dbf" or
            "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or
            "\uf900" <= ch <= "\ufaff")


def _neighbour(text: str, pos: int, step: int) -> str:
    """The nearest character that is not a space or another full-width mark."""
    pos += step
    while 0 <= pos < len(text) and (text[pos] in " \t" or text[pos] in _ENGLISH):
        pos += step
    return text[pos] if 0 <= pos < len(text) else ""


@register
class FullWidthPunctuation(Rule):
    """Chinese full-width punctuation left in English text: “The minister said，the talks
    will go on。”, “（Reuters）”, “5％”, 《title》. Chinese typography sets punctuation on a
    full character cell (W3C, Requirements for Chinese Text Layout, §3.1 “Punctuation marks”;
    Unicode blocks Halfwidth and Fullwidth Forms U+FF00–FFEF and CJK Symbols and Punctuation
    U+3000–303F); MT from Chinese and pasted source fragments carry the marks into English,
    where they show as odd wide gaps and break search and spell checking. English uses the
    ASCII marks (and the Chicago Manual of Style 17th ed., 6.7: one space after a mark).

    Flagged: a full-width mark with a Latin letter or figure as its nearest neighbour on
    either side. Not flagged: marks inside Chinese or Japanese text (a quoted source phrase:
    `untranslated-script` reports that text), ASCII punctuation. The fix writes the English
    mark, with a space after a closing mark or before an opening one when a word follows or
    precedes it directly, and is safe (《》 and 「」 become curly double quotes).

    Measured on the dev sets: no finding on English originals, references or the uk/ru MT
    (these systems never emit the marks) nor on the zh-en MQM TED output (7,935 segments, none
    with a full-width mark), so its precision is by construction, not from a read sample.
    """

    id = "punct-fullwidth"
    summary = "Chinese full-width punctuation in English text (said，the talks。)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "The minister said，the talks will go on。",
             "fixed": "The minister said, the talks will go on."},
            {"text": "He added：“We are ready！” （Reuters）",
             "fixed": "He added: “We are ready!” (Reuters)"},
            {"text": "Prices rose 5％ in Beijing、Shanghai and Shenzhen.",
             "fixed": "Prices rose 5% in Beijing, Shanghai and Shenzhen."},
            {"text": "The film《Wandering Earth》opened.",
             "fixed": "The film “Wandering Earth” opened."},
        ],
        "leave": [
            "The minister said, the talks will go on.",
            "The slogan “为人民服务，” means serve the people.",
            "He wrote 你好。 in the guest book.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if text.isascii():
            return
        for m in _FULLWIDTH.finditer(text):
            pos, mark = m.start(), m.group()
            before, after = _neighbour(text, pos, -1), _neighbour(text, pos, 1)
            if _is_cjk(before) or _is_cjk(after):
                continue  # Chinese text: untranslated-script's
            if not (_LATIN.match(before or " ") or _LATIN.match(after or " ")):
                continue
            english = _ENGLISH[mark]
            # the neighbours as they read once fixed (two full-width marks side by side)
            nxt = _ENGLISH.get(text[pos + 1:pos + 2], text[pos + 1:pos + 2])
            prev = _ENGLISH.get(text[pos - 1:pos], text[pos - 1:pos]) if pos else ""
            if english in _SPACE_AFTER and nxt and (nxt.isalnum() or nxt in _SPACE_BEFORE):
                english += " "
            if english in _SPACE_BEFORE and prev and (prev.isalnum() or prev in _SPACE_AFTER
                                                      or prev == "%"):
                english = " " + english
            shown = english.strip() or " "
            yield self.finding(pos, pos + 1,
                               f"full-width “{mark}” in English text: write “{shown}”",
                               [english], safe=True)
