"""Translation text copied unchanged from a non-English source."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_URL_RE = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+\.\S+")
NON_LATIN_SOURCES = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk", "zh", "ja", "ko", "ar",
                               "fa", "he", "el", "th", "hi"})
MIN_RUN_WORDS = 4
MIN_RUN_CHARS = 20


def _english(run) -> bool:
    """A run of English words (sources quote English: "work from home") is not a copy."""
    from mtqa.lexicon import zipf

    return sum(zipf(w.lower()) >= 3.5 for w, _, _ in run) >= 0.75 * len(run)


def _collapse(text: str) -> str:
    return " ".join(text.split())


@register
class SourceUntranslated(Rule):
    """A target paragraph identical to its source paragraph, or a run of at least four words
    (20 letters) copied in order from the aligned source paragraph, for sources in another
    language written in Latin script (Indonesian): "Pemerintah akan mengumumkan hasilnya
    besok" left in an English article. Needs the source. Text in another script (Cyrillic,
    Chinese) is untranslated-script's; XLIFF units equal to their source are
    xliff-untranslated's.

    Not flagged: runs whose words are all capitalised (names, titles, organisations such as
    "Bank Rakyat Indonesia"), URLs and e-mail addresses, and English sources.
    """

    id = "source-untranslated"
    summary = "Text copied unchanged from the source"
    category = "accuracy/untranslated"
    severity = "major"
    examples = {
        "flag": [
            {"text": "The minister said pemerintah akan mengumumkan hasilnya besok.\n",
             "source": "Menteri mengatakan pemerintah akan mengumumkan hasilnya besok.\n",
             "source_lang": "id"},
        ],
        "leave": [
            {"text": "The minister said the government would announce the results tomorrow.\n",
             "source": "Menteri mengatakan pemerintah akan mengumumkan hasilnya besok.\n",
             "source_lang": "id"},
            {"text": "Shares of Bank Rakyat Indonesia rose.\n",
             "source": "Saham Bank Rakyat Indonesia naik.\n", "source_lang": "id"},
        ],
    }

    def check(self, article, ctx):
        from mtqa.source.compare import comparison, located

        found = comparison(article)
        if found is None:
            return
        doc, alignment = found
        if doc.lang == "en":
            return
        xliff = bool(article.segments)
        for (ss, se), (ts, te) in alignment.paragraphs:
            source, target = doc.text[ss:se], article.text[ts:te]
            # (equal collapsed texts start with the same word: the cheap test first)
            if not xliff and source.split(None, 1)[:1] == target.split(None, 1)[:1] \
                    and _collapse(source) == _collapse(target):
                words = _WORD_RE.findall(_URL_RE.sub(" ", target))
                if len(words) >= 2 and not all(w[0].isupper() for w in words) \
                        and not any(ord(ch) > 0x24F for w in words for ch in w):
                    f = self.finding(ts, te, "identical to its source: untranslated?")
                    yield located(f, doc, ss, se)
                continue
            if doc.lang not in NON_LATIN_SOURCES:  # their copies are untranslated-script's
                yield from self._runs(article, doc, ss, se, ts, te)

    def _runs(self, article, doc, ss, se, ts, te):
        from mtqa.source.compare import located

        src_words = [(m.group().lower(), m.start(), m.end())
                     for m in _WORD_RE.finditer(doc.text, ss, se)
                     if m.group().isascii()]
        if len(src_words) < MIN_RUN_WORDS:
            return
        index = {}
        for i in range(len(src_words) - MIN_RUN_WORDS + 1):
            key = tuple(w for w, _, _ in src_words[i:i + MIN_RUN_WORDS])
            index.setdefault(key, i)
        tgt = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(article.text, ts, te)]
        i = 0
        while i <= len(tgt) - MIN_RUN_WORDS:
            key = tuple(w.lower() for w, _, _ in tgt[i:i + MIN_RUN_WORDS])
            j = index.get(key)
            if j is None:
                i += 1
                continue
            n = MIN_RUN_WORDS  # extend the run as far as both sides agree
            while (i + n < len(tgt) and j + n < len(src_words)
                   and tgt[i + n][0].lower() == src_words[j + n][0]):
                n += 1
            run = tgt[i:i + n]
            start, end = run[0][1], run[-1][2]
            letters = sum(len(w) for w, _, _ in run)
            if letters >= MIN_RUN_CHARS and not all(w[0].isupper() for w, _, _ in run) \
                    and not _URL_RE.search(article.text[start:end]) and not _english(run):
                f = self.finding(start, end, "copied unchanged from the source: untranslated?")
                yield located(f, doc, src_words[j][1], src_words[j + n - 1][2])
            i += n
