"""An XLIFF target that is its source copied unchanged."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register

_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_URL_RE = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+\.\S+")


def _collapse(text: str) -> str:
    return " ".join(text.split())


@register
class XliffUntranslated(Rule):
    """A translated segment identical to its source: the unit was never translated (the
    translation tool copied the source), e.g. "Pemerintah akan mengumumkan hasilnya besok."
    as its own target. XLIFF files only.

    Not flagged: segments without two words of letters (numbers, codes, "OK"), segments whose
    words are all capitalised (names, titles, brands such as "Volodymyr Zelenskyy" or
    "Bank Indonesia"), and URLs or e-mail addresses, which stay the same in any language.
    """

    id = "xliff-untranslated"
    summary = "A translated segment identical to its source"
    category = "accuracy/untranslated"
    severity = "major"
    examples = {
        "flag": [
            {"text": "<xliff version=\"1.2\"><file source-language=\"id\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Pemerintah akan mengumumkan hasilnya besok.</source><target>Pemerintah akan mengumumkan hasilnya besok.</target></trans-unit>\n</body></file></xliff>\n", "path": "job.xlf"},
        ],
        "leave": [
            {"text": "<xliff version=\"1.2\"><file source-language=\"id\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Bank Indonesia</source><target>Bank Indonesia</target></trans-unit>\n</body></file></xliff>\n", "path": "job.xlf"},
            {"text": "<xliff version=\"1.2\"><file source-language=\"id\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Pemerintah mengumumkan</source><target>The government announced</target></trans-unit>\n</body></file></xliff>\n", "path": "job.xlf"},
        ],
    }

    def check(self, article, ctx):
        for seg in article.segments:
            target = _collapse(article.text[seg.start:seg.end])
            if not target or target != _collapse(seg.source):
                continue
            words = _WORD_RE.findall(_URL_RE.sub(" ", target))
            if len(words) < 2 or all(w[0].isupper() for w in words):
                continue
            yield self.finding(seg.start, seg.end,
                               "the translation is identical to the source: untranslated?")
