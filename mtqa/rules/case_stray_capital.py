"""Stray capitals mid-sentence: common words capitalised as if they were part of a name."""
from __future__ import annotations

import re
from typing import List

from mtqa.article import Article, Token, positions_of
from mtqa.lexicon import zipf
from mtqa.registry import Rule, register
from mtqa.rules._gates import occurs_near

# Generic place words that English writes in lower case before "of <Name>" ("the port city of
# Kherson"), unless they are part of an established name (see _FIXED_NAMES).
_GENERIC_PLACE = frozenset(
    "city town village port capital region province district area settlement center centre "
    "territory coast suburb suburbs outskirts county municipality community oblast peninsula "
    "island islands harbour harbor".split())
# Words that describe a place in front of a generic place word ("the strategic port city of").
# Only runs made of these are flagged: "Salt Lake City" or "Atlantic City" are names.
_DESCRIPTORS = frozenset(
    "port capital main regional border coastal industrial strategic historic historical key big "
    "small large major southern northern eastern western central frontline front-line seaside "
    "resort mining river administrative ancient occupied liberated besieged embattled "
    "neighbouring neighboring nearby native home second third largest biggest important "
    "provincial district county satellite garrison harbour harbor".split())
# Capitalised "X City of Y" that really are names.
_FIXED_NAMES = frozenset({("old", "city"), ("holy", "city"), ("forbidden", "city"),
                          ("eternal", "city"), ("imperial", "city"), ("free", "city"),
                          ("capital", "region"), ("inner", "city"), ("walled", "city"),
                          ("great", "lakes"), ("twin", "cities")})
# Words conventionally capitalised in running text: calendar, titles and institutions (house
# styles capitalise "the President", "the Government"), compass points in names, celestial
# bodies. Not flagged by case-stray-capital-word.
_CONVENTIONAL = frozenset("""
i god internet web january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan
president government minister ministry parliament cabinet army navy police church state
constitution court council assembly senate congress duke king queen prince princess pope
chancellor premier governor mayor general colonel captain sergeant lieutenant major commander
chief secretary ambassador embassy consul director professor doctor sir lord lady saint
kremlin union republic federation kingdom empire commission committee office department agency
bureau service forces force guard guards north south east west northern southern eastern western
central earth sun moon universe bible koran quran mass
""".split())
# Cheap test for the only shape the rule can flag: "<Capitalised generic word> of <Capital>".
_PREFILTER = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in sorted(_GENERIC_PLACE))
                        + r") of [A-Z]")
# Every _PREFILTER match ends in " of " and a capital, after a place word (mtqa.rules._gates).
_PREFILTER_REACH = max(map(len, _GENERIC_PLACE))


def _may_have_run(text: str) -> bool:
    return occurs_near(_PREFILTER, text, (" of ",), _PREFILTER_REACH, 5)


_NAME_JOINERS = frozenset({"of", "and", "the", "for", "de", "du", "la", "von", "van", "in", "on", "&"})
_OPENERS = "“\"«(['‘:—–-•*"


def _title_word(tok: Token) -> bool:
    return _title_text(tok.text)


def _title_text(t: str) -> bool:
    return len(t) > 1 and t[:1].isupper() and t[1:].islower() and t.isalpha()


def _same_sentence_space(article: Article, a: Token, b: Token) -> bool:
    return a.sentence == b.sentence and article.text[a.end:b.start] == " "


def _lower_run(words: List[str], keep_first: bool) -> List[str]:
    return [w if (i == 0 and keep_first) else w.lower() for i, w in enumerate(words)]


@register
class StrayCapitalPlaceRun(Rule):
    """Generic place words capitalised before “of <Name>”: “controlling Port City of Kherson”
    → “the port city of Kherson”, “Capital City of Kyiv” → “capital city of Kyiv”.

    Source languages without capitals rules for descriptors (Indonesian “Kota Pelabuhan
    Kherson”) or MT copying a headline's title case give runs of capitalised common words
    that read as an invented proper name. The rule fires only on a run of two or more
    capitalised everyday words (Zipf ≥ 3) that ends in a generic place word (city, town, port,
    region, district, province, capital...), whose other words describe a place (port,
    capital, main, regional, strategic, southern...), followed by “of” and a capitalised name.

    Not flagged: headlines; established names (“Old City of Jerusalem”, “Holy City”, “Capital
    Region of Denmark”); runs continuing a longer name (“Salt Lake City of …”); single words
    (“City of London”, “Port of Rotterdam” are names); runs inside a glossary name. The fix lowers
    the run's case (a sentence-initial first word keeps its capital). Inside direct quotations
    the rule still runs: the quotation was machine translated with the rest.

    Measured (bench/precision.py on ../shared/dev): 0 findings on the references (58,911
    words uk-en/ru-en, 17,690 zh-en), 1 on the MT output (668,432 words: “at the Central
    District of Russia”); it exists for the seed error (“controlling Port City of Kherson”).
    Isolated capitalised words are the job of `case-stray-capital-word`, off by default.
    """

    id = "case-stray-capital"
    summary = "Generic words capitalised as a name before “of <Name>” (“Port City of Kherson”)"
    category = "fluency/spelling"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Russian troops said they were now controlling Port City of Kherson.", "fixed": "Russian troops said they were now controlling port city of Kherson."},
        ],
        "leave": [
            "The City of London and the Port of Rotterdam.",
        ],
    }

    def check(self, article, ctx):
        if not _may_have_run(article.text):
            return
        toks = article.tokens
        known = None
        i = 0
        while i < len(toks):
            if not _title_word(toks[i]) or article.in_headline(toks[i].start):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and _title_word(toks[j + 1]) \
                    and _same_sentence_space(article, toks[j], toks[j + 1]):
                j += 1
            run = toks[i:j + 1]
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            after = toks[j + 2] if j + 2 < len(toks) else None
            i = j + 1
            if len(run) < 2 or nxt is None or after is None or nxt.text != "of" \
                    or not _same_sentence_space(article, run[-1], nxt) \
                    or not _same_sentence_space(article, nxt, after) \
                    or not after.text[:1].isupper():
                continue
            words = [t.text.lower() for t in run]
            if words[-1] not in _GENERIC_PLACE or (words[-2], words[-1]) in _FIXED_NAMES \
                    or any(w not in _DESCRIPTORS and w not in _GENERIC_PLACE for w in words[:-1]):
                continue
            k = j - len(run)  # the token before the run
            if k >= 0 and toks[k].text[:1].isupper() \
                    and _same_sentence_space(article, toks[k], run[0]):
                continue
            if any(zipf(w) < 3.0 for w in words):
                continue
            if known is None:
                # spans of glossary names (correct forms): a run inside one is a real name
                known = [(m.start, m.end) for m in ctx.glossary.find(article)
                         if m.kind in ("canonical", "variant", "accept")]
            if any(s < run[-1].end and run[0].start < e for s, e in known):
                continue
            keep_first = run[0].sentence_initial
            lowered = _lower_run([t.text for t in run], keep_first)
            if lowered == [t.text for t in run]:
                continue
            fixed = " ".join(lowered) + " of " + after.text
            surface = article.text[run[0].start:after.end]
            yield self.finding(run[0].start, after.end,
                               f"“{surface}” is a description, not a name; write "
                               f"“{fixed}”", [fixed])


@register
class StrayCapitalWord(Rule):
    """A single everyday word capitalised mid-sentence although the same article uses it in
    lower case elsewhere: “the Siren takes you by surprise”, “an excellent Quality”.

    Off by default: on the shared dev data it fires about as often on professional
    references as on MT output (film and book titles, programme names and defined terms such
    as “the Regulations” are capitalised on purpose), so its precision does not justify a
    place in a CI lint. Measured (bench/precision.py): 0.14 findings per 1,000 words on uk-en
    references, 0.07 on ru-en references, 0.19 on MT output (MT/reference 1.8); on the zh-en
    MQM MT output 11 of 13 findings fall inside a rater's error span. Select it explicitly
    (`--select case-stray-capital-word`) to review an article by hand.

    Not flagged: sentence starts, headlines, words after an opening quote, bracket, colon or
    dash (so the first word of a quotation), words with a capitalised neighbour or joined to one
    by of/and/the/for (“Academy of Sciences”), words before a number (“Article 5”),
    conventionally capitalised words (months, days, titles, institutions), glossary names, and
    words never seen in lower case in the article (names and nationalities).
    """

    id = "case-stray-capital-word"
    summary = "Everyday word capitalised mid-sentence (low precision; for review by hand)"
    category = "fluency/spelling"
    severity = "minor"
    default_enabled = False
    examples = {
        "flag": [
            {"text": "When a Siren takes you by surprise, the siren howls.", "fixed": "When a siren takes you by surprise, the siren howls."},
        ],
        "leave": [
            "The siren howls at night.",
        ],
    }

    def check(self, article, ctx):
        toks = article.tokens
        text = article.text
        texts = article.token_texts
        lower_forms = set(filter(str.islower, texts))
        known = ctx.glossary.known_words
        # The tests on the word alone, once per distinct word; then only its tokens are
        # visited (1 MB of capitalised names visited 250,000 tokens in Python; issue 13).
        words = {w for w in set(texts) if len(w) >= 3 and _title_text(w)
                 and (lw := w.lower()) in lower_forms and lw not in _CONVENTIONAL
                 and zipf(lw) >= 3.5 and w not in known}
        for i in positions_of(texts, words):
            t = toks[i]
            if t.sentence_initial:
                continue
            lw = t.text.lower()
            if article.in_headline(t.start):
                continue
            prev = toks[i - 1] if i > 0 and toks[i - 1].sentence == t.sentence else None
            nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].sentence == t.sentence else None
            if prev is not None and (prev.text[:1].isupper() or prev.text.isdigit()) \
                    and text[prev.end:t.start] in (" ", "-", " & "):
                continue
            if nxt is not None and nxt.text[:1].isupper() and text[t.end:nxt.start] in (" ", "-"):
                continue
            if prev is not None and prev.text.lower() in _NAME_JOINERS and i >= 2 \
                    and toks[i - 2].text[:1].isupper() and toks[i - 2].sentence == t.sentence:
                continue
            if nxt is not None and nxt.text.lower() in _NAME_JOINERS and i + 2 < len(toks) \
                    and toks[i + 2].text[:1].isupper() and toks[i + 2].sentence == t.sentence:
                continue
            before = text[max(0, t.start - 3):t.start].rstrip()
            if not before or before[-1] in _OPENERS or before[-1] in ".!?)":
                continue
            if text[t.end:t.end + 2].strip()[:1].isdigit():
                continue
            yield self.finding(t.start, t.end,
                               f"“{t.text}” is capitalised mid-sentence but is an ordinary "
                               f"word here (the article writes “{lw}” elsewhere)", [lw])
