"""Source content words whose dictionary translations are all absent from the translation."""
from __future__ import annotations

from mtqa.registry import Rule, register

# jieba part-of-speech tags of content words: nouns, verbs, verbal nouns, adjectives, adjectival
# nouns. Left out: names (nr, ns, nt: name rules' business), numerals and measure words (m, q:
# source-number's), pronouns, adverbs, prepositions, conjunctions, particles, idioms.
CONTENT_POS = frozenset({"n", "v", "vn", "a", "an"})
# Words more frequent than this (jieba counts; 是, 有, 说, 要, 人 …) are rendered in too many
# ways, or by function words, for their absence to mean anything.
MAX_FREQUENCY = 10_000
# A sentence is reported when at least MIN_UNMATCHED of its source content words, and at least
# MIN_SHARE of them, have no dictionary translation in the target. Chosen on the calibration
# half (talks 2, 5, 7) of the zh-en MQM data as the highest segment τ-b with at most 2 % of
# the error-free MT segments flagged (bench/score_calibration.py --coverage-grid); the report
# half was not looked at for the choice.
MIN_UNMATCHED = 4
MIN_SHARE = 0.2
LISTED = 6


def _by_characters(word, keys, lex) -> bool:
    """A compound counts as translated when a sense of one of its characters is in the target:
    the paraphrases a word-level dictionary misses (疾病 disease → "illness" through 病;
    富裕 prosperous → "rich" through 富). Measured on the read sample of the word-level rule:
    it kept 7 of its 11 right findings and 7 of its 39 false ones
    (bench/reads/source-coverage-word-senses.tsv)."""
    for ch in word:
        entry = lex.get(ch)
        if entry is not None and any(keys.has(k) for k in entry.keys):
            return True
    return False


def uncovered(source: str, target: str, lexicon=None, by_characters: bool = True):
    """(content words of `source` with a dictionary entry, the ones with no translation in
    `target`) as lists of (word, start, end, entry); source offsets relative to `source`.
    `by_characters`: a compound also counts as translated through one of its characters."""
    from mtqa.source.lexicon_zh import TargetKeys, lexicon as load

    lex = lexicon or load()
    keys = TargetKeys(target, lex.irregular)
    content, missing = [], []
    seen = set()
    for word, start, end in lex.segment(source):
        entry = lex.get(word)
        if entry is None or not entry.keys or entry.pos not in CONTENT_POS \
                or entry.freq > MAX_FREQUENCY or word in seen:
            continue
        seen.add(word)  # a word repeated is one thing to translate
        content.append((word, start, end, entry))
        if not any(keys.has(k) for k in entry.keys) and not (
                by_characters and len(word) > 1 and _by_characters(word, keys, lex)):
            missing.append((word, start, end, entry))
    return content, missing


@register
class SourceCoverage(Rule):
    """A Chinese source sentence many of whose content words (nouns, verbs, adjectives) have
    no dictionary translation in the aligned English sentence: at least four distinct such
    words and at least a fifth of the sentence's content words. Each word is looked up in
    CC-CEDICT (every sense; mtqa/data/zh-en-lexicon.tsv.gz, scripts/build_zh_lexicon.py) and
    counts as translated when any English word of any sense of the word, or of one of its
    characters, appears in the target, compared by a crude stem ("bacterium"/"bacteria",
    "equal"/"inequality", "go"/"went"). The message names the words, each with its first
    dictionary sense, for the editor to check against the source: part of the sentence may
    be mistranslated or missing, or the target may belong to another sentence. Needs the
    source; Chinese sources only (no Russian, Ukrainian or Indonesian lexicon is shipped).

    Not flagged: names, numbers, pronouns, adverbs, function words, the ~800 most frequent
    words (是, 有, 说 …), sentences the aligner is not confident about.

    A weak signal, off by default and minor: a dictionary does not know paraphrase. Measured
    on the zh-en MQM TED data (bench/score_calibration.py; docs/report.md): it flags 0.5 % of
    the MT segments raters found error-free and 2.5 % of the human reference segments; 0.74
    of the MT segments it flags hold a human-marked error (0.45 of all MT segments do); 20 of
    50 findings read name a word really missing or mistranslated
    (bench/reads/source-coverage.tsv).
    """

    id = "source-coverage"
    summary = "Source words with no counterpart in the translation"
    category = "accuracy/mistranslation"
    severity = "minor"
    # Off by default: 20 of 50 findings read were right (bench/reads/source-coverage.tsv); a
    # dictionary does not know paraphrase. `--extend-select source-coverage` turns it on.
    default_enabled = False
    examples = {
        "flag": [
            {"text": "The researchers said the weather in the region was unusually cold this "
                     "year.\n",
             "source": "科学家在南极冰层下发现了古老的细菌和病毒，这些微生物可能威胁人类健康。\n",
             "source_lang": "zh"},
        ],
        "leave": [
            {"text": "Scientists have found ancient bacteria and viruses under the Antarctic "
                     "ice; these microbes may threaten human health.\n",
             "source": "科学家在南极冰层下发现了古老的细菌和病毒，这些微生物可能威胁人类健康。\n",
             "source_lang": "zh"},
            # the same mistranslation from a Russian source: no lexicon, not compared
            {"text": "The researchers said the weather in the region was unusually cold this "
                     "year.\n",
             "source": "Учёные обнаружили под антарктическим льдом древние бактерии и вирусы, "
                       "которые могут угрожать здоровью людей.\n", "source_lang": "ru"},
        ],
    }

    def check(self, article, ctx):
        from mtqa.source.compare import comparison, located

        found = comparison(article)
        if found is None:
            return
        doc, alignment = found
        if doc.lang != "zh":
            return
        for (s0, s1), (t0, t1) in _units(alignment):
            content, missing = uncovered(doc.text[s0:s1], article.text[t0:t1])
            if len(missing) < MIN_UNMATCHED or len(missing) < MIN_SHARE * len(content):
                continue
            named = ", ".join(f"{w} ({e.gloss})" if e.gloss else w
                              for w, _, _, e in missing[:LISTED])
            more = f" and {len(missing) - LISTED} more" if len(missing) > LISTED else ""
            f = self.finding(t0, t1, f"{len(missing)} of {len(content)} source content words "
                                     f"have no counterpart in the translation: {named}{more}; "
                                     f"part of the sentence may be mistranslated or missing")
            yield located(f, doc, s0, s1)


def _units(alignment):
    """(source span, target span) pairs to compare: each confident sentence bead; but a
    paragraph in which the aligner left a sentence of either side unpaired is compared as a
    whole (one long Chinese sentence translated as three English ones is aligned 1-2 plus
    0-1, and the sentence set apart would make its words look missing)."""
    by_paragraph = {}
    for bead in alignment.beads:
        by_paragraph.setdefault(bead.paragraph, []).append(bead)
    for k, beads in sorted(by_paragraph.items()):
        if any(not (b.n_source and b.n_target) for b in beads):
            yield alignment.paragraphs[k]
            continue
        for bead in beads:
            if bead.confident:
                yield bead.source, bead.target
