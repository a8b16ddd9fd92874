import bisect
import re
from itertools import compress

from mtqa.article import tokens_of
from mtqa.registry import Rule, register
from mtqa.rules._punct import _run_start
from mtqa.spelling import is_known, suggestions  # no data is read until a word is looked up

# Characters that glue a word into a URL, an e-mail address, a handle, a hashtag or a file name.
_TECHNICAL = re.compile(r"[/@#_\\=&%~*]|\.[a-z]{2,}|\w[\"“”]\w")
_LOWER_WORD = re.compile(r"^[a-z]+(?:['’][a-z]+)*$")
_VOWEL = re.compile("[aeiouy]")
# A quotation this short is a cited term (“bezviz”, “sobornost”), not a translated sentence.
_CITED_TERM_WORDS = 4


# word -> is it a lower-case word the dictionary does not know (before house words)?
_SUSPECT: dict = {}
_SUSPECT_MAX = 500_000


def _suspect(word: str) -> bool:
    found = _SUSPECT.get(word)
    return (_candidate(word) and not is_known(word)) if found is None else found


def _candidate(word: str) -> bool:
    """Lower-case words of four letters or more with a vowel: shorter ones and vowel-less
    abbreviations ("mln", "km") are left to other rules."""
    return (len(word) >= 4 and word.islower() and _LOWER_WORD.match(word) is not None
            and _VOWEL.search(word) is not None)


# Species names (binomial nomenclature: ICN for plants, ICZN for animals) write the genus and
# a Latin epithet: "arum maculatum", "Calliphora vicina", "philodendron selloum". An unknown
# word with a Latin epithet ending right after another word is read as such an epithet; a word
# doubled in place ("ylang ylang") is a reduplicated name, not a misspelling.
_EPITHET = re.compile(r"(?:um|us|ii|ae|ensis|oides|ina|ata|ica|is)$")
_PREVIOUS = re.compile(r"([^\W\d_]{3,})[ \t]+$")


def _species_or_doubled(text: str, start: int, end: int, word: str) -> bool:
    prev = _PREVIOUS.search(text, max(0, start - 40), start)
    if prev and prev.group(1).lower() == word.lower():
        return True
    after = text[end:end + len(word) + 1]
    if after[:1] in (" ", "\t") and after[1:].lower() == word.lower():
        return True
    return bool(prev and _EPITHET.search(word.lower()) and prev.group(1).lower() not in _FUNCTION)


_FUNCTION = frozenset("the and but for with from that this these those into onto over under "
                      "about after before their there they them were was are has have had "
                      "will would could should not you your our its his her who which what "
                      "when where than then".split())


# A letter with a diacritic English spelling does not use: "éminence grise", "pièce de
# résistance", "Søndre". A lower-case word next to such a word is part of a foreign phrase
# cited in the English text (Chicago Manual of Style 7.53: foreign words and phrases are kept
# in their own spelling), not an English misspelling.
_FOREIGN_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_NEIGHBOUR_BEFORE = re.compile(r"(\S+)[ \t]+$")
_NEIGHBOUR_AFTER = re.compile(r"[ \t]+(\S+)")


def _in_foreign_phrase(text: str, start: int, end: int) -> bool:
    # The word before ends in blanks right before the token (or before a line end there):
    # without one there is none, and the search is skipped; it tries every start in its
    # 40-character window, 40 x 40 steps per token on text without spaces (hardening2,
    # issue 13: most of `check` on 1 MB of "<!--mtqa-").
    before = (_NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
              if start > 0 and text[start - 1] in " \t\n" else None)
    after = _NEIGHBOUR_AFTER.match(text, end, end + 40)
    return any(m and _FOREIGN_LETTER.search(m.group(1)) for m in (before, after))


def _technical_words(text: str, runs) -> frozenset:
    """Lower-case words the article also writes inside a URL, domain, handle or hashtag
    ("goatse.cx", "vinkod.shop", "@kyivindependent"): there they are the name of a site or an
    account, so elsewhere in the same article they are that name, not a misspelling. `runs`:
    _technical_runs(text), those whitespace-delimited chunks."""
    words = set()
    for start, end in zip(*runs):
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{4,}", text[start:end]))
    return frozenset(words)


# Source code quoted in the article: a C++ scope or member access ("IDirect3D::
# CreateViewport", "ptr->vtbl") or a call with empty brackets ("Release()"). Such an article
# is a developer's text, and its unknown lower-case words are the trade's jargon ("vtable",
# "mutex", "refcount"), which no general dictionary holds (session 4: the one English-original
# false alarm left, "a function off the end of a vtable", in a developer's blog post).
_QUOTES_CODE = re.compile(r"\b[A-Za-z_]\w*(?:::|->)[A-Za-z_]\w*|\b[A-Za-z_]\w*\(\)")


# How far around a token _compound looks: a compound is shorter; without a bound, every word
# of a long hyphenated run scanned the whole run (quadratic; hardening, issue 13).
_REACH = 256
_BLANK = re.compile(r"\s")


def _technical_runs(text: str):
    """(starts, ends) of the whitespace-delimited stretches that look like a URL, an e-mail
    address, a handle or a file name, found in one pass (a scan around each word was
    quadratic on long runs without spaces: 30 KB of "<!--mtqa-" took minutes; issue 13)."""
    # A match of _TECHNICAL never holds a blank, so the stretches asked for are those holding
    # a match in the whole text: searched in C from match to match, each stretch walked
    # once, instead of testing every stretch in a Python loop (~0.3 ms an article; issue 11).
    starts, ends = [], []
    search, blank = _TECHNICAL.search, _BLANK.search
    m = search(text)
    while m:
        start = _run_start(text, m.start())
        after = blank(text, m.end())
        end = after.start() if after else len(text)
        starts.append(start)
        ends.append(end)
        m = search(text, end)
    return starts, ends


def _compound(text: str, start: int, end: int):
    """The hyphenated compound a token is part of ("well-known", "anti-tank"), or None
    (looking at most _REACH characters each side)."""
    s, e = start, end
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    while s > lo + 1 and text[s - 1] in "-‑" and text[s - 2].isalpha():
        s -= 2
        while s > lo and text[s - 1].isalpha():
            s -= 1
    while e < hi - 1 and text[e] in "-‑" and text[e + 1].isalpha():
        e += 2
        while e < hi and text[e].isalpha():
            e += 1
    return text[s:e] if (s, e) != (start, end) else None


@register
class UnknownWord(Rule):
    """A lower-case word that no English dictionary spells this way: “wifes”, “goverment”,
    “recieve”. MT systems misspell words they assemble from sub-word pieces (plurals of
    irregular nouns, rare words, transliterations they did not recognise).

    The dictionary (mtqa.spelling) is the British English Hunspell dictionary with every
    inflection spelled out, the American word list of pyspellchecker and the frequent words of
    wordfreq: British and American spellings are both right. Regular inflections of a known
    word (plurals, -ed, -ing) are accepted unless the dictionary has an irregular form instead
    (“wives”, so not “wifes”). A hyphenated compound is right when it is in the dictionary
    written with or without its hyphen, or when every part is.

    Never flagged: capitalised words (names, sentence starts, headlines in title case: names are
    the name rules' business), acronyms, words with digits, anything in a URL, e-mail address,
    handle, hashtag or file name, and short quotations (up to four words), which cite a term in
    another language (“the so-called “bezviz””). Nor a word next to a word with a non-English
    diacritic (a cited foreign phrase: “éminence grise”), nor a word the same article writes
    as a domain or handle (“goatse.cx” ... “goatse”: the site's name). The glossary's names and `accept` forms and
    the configuration's `spelling-words` (a house word list) extend the dictionary.
    Suggestions: dictionary words within two edits (one for short words), nearest first, then
    the most frequent; never a safe fix, since an unknown word may be a term the dictionary
    lacks. Words with no dictionary word within reach that shares their first letter are not
    reported (a term the dictionary lacks is likelier than a slip).

    Measured (bench/en_false_alarms.py, session 3): 0.15 per 1,000 words on English originals
    (2 findings: the original's typo “govemor” and “vtable”, a programming term), 0.22 on the
    references (17: 12 real slips of the references such as “definitley”, “threshhold”,
    “zlotych”; 5 rare or coined words the dictionary lacks: axunge, digenetic, probosced,
    insidium, alco-), 0.14 on MT (113); 44 of 50 read MT findings right (0.88). Session 4:
    lower-case words of an article that quotes source code (“Foo::Bar”, “ptr->x”, “f()”)
    are left as the trade's jargon, which removed “vtable” (English originals 2 -> 1, the
    typo “govemor”; references and MT unchanged).
    """

    id = "spell-unknown-word"
    summary = "Word not in the English dictionary (probable misspelling)"
    category = "fluency/spelling"
    severity = "minor"
    examples = {
        "flag": ["The soldiers' wifes waited outside the base for news.",
                 "The goverment said on Monday that talks would continue."],
        "leave": ["The soldiers' wives waited outside the base for news.",
                  "The organisation's colour and the organization's color were both chosen.",
                  "A well-known anti-tank weapon was mentioned at https://example.com/wifes.",
                  "He called it “bezviz” in an interview.",
                  "Here's arum, arum maculatum, and the fly Calliphora vicina.",
                  "Here we see ylang ylang, the component of many perfumes.",
                  # a cited foreign phrase keeps its own spelling
                  "The producer is the éminence grise of American animation.",
                  # a site's name, written as its domain elsewhere in the article
                  "Goatse.cx is gone; it is a close race between goatse and the rest.",
                  # a developer's text quoting code: its lower-case jargon is not misspelt
                  "It crashed calling a function off the end of a vtable. Calling "
                  "IDirect3D::CreateViewport() fixed it."],
    }

    def check(self, article, ctx):
        extra = self._extra_words(ctx)
        # each distinct word is judged once per process (words repeat across articles, Zipf);
        # the set and filter operations run in C, so a typical article costs a few lookups
        words = article.token_set  # (the article's shared set: built once, hashes kept)
        new = words.difference(_SUSPECT)
        if new:
            if len(_SUSPECT) + len(new) > _SUSPECT_MAX:
                _SUSPECT.clear()
                new = words
            for w in new:
                _SUSPECT[w] = _candidate(w) and not is_known(w)
        # the verdicts read in C; a word missing (another thread cleared the table) is judged
        # by _suspect as before
        words = list(words)
        verdicts = list(map(_SUSPECT.get, words))
        if None in verdicts:
            unknown = set(filter(_suspect, words)).difference(extra)
        else:
            unknown = set(compress(words, verdicts)).difference(extra)
        if not unknown:
            return
        text = article.text
        quotations = runs = site_words = code = None
        for tok in tokens_of(article, unknown):
            word = tok.text
            if runs is None:
                runs = _technical_runs(text)
            run = bisect.bisect_right(runs[0], tok.start) - 1
            if run >= 0 and tok.start < runs[1][run]:
                continue  # part of a URL, address, handle or file name
            if _species_or_doubled(text, tok.start, tok.end, word):
                continue
            if _in_foreign_phrase(text, tok.start, tok.end):
                continue
            if site_words is None:
                site_words = _technical_words(text, runs)
            if word in site_words:
                continue
            if code is None:
                code = _QUOTES_CODE.search(text) is not None
            if code and word.islower():
                continue  # a developer's text: jargon, not a misspelling
            compound = _compound(text, tok.start, tok.end)
            if compound is not None:
                lowered = compound.lower()
                if lowered in extra or is_known(lowered, extra) or is_known(
                        re.sub("[-‑]", "", lowered), extra):
                    continue
            if quotations is None:
                quotations = article.quotations
            # the quotation holding the token, by bisection (quotations do not overlap); a scan
            # of all of them per word was quadratic on quote-heavy input (hardening, #13)
            q = bisect.bisect_right(quotations, (tok.start, float("inf"))) - 1
            if q >= 0 and tok.start < quotations[q][1] and \
                    len(text[quotations[q][0]:quotations[q][1]].split()) <= _CITED_TERM_WORDS:
                continue
            fixes = suggestions(word.replace("’", "'"))
            if not fixes:
                continue  # far from every English word: a term the dictionary lacks, or a name
            yield self.finding(
                tok.start, tok.end,
                f"“{word}” is not in the English dictionary; did you mean “{fixes[0]}”?", fixes)

    @staticmethod
    def _extra_words(ctx):
        """Glossary forms (names, accept) and the house word list, lower-cased."""
        key = "spell-unknown-word:extra-words"
        cached = ctx.memo.get(key)
        if cached is None:
            # the glossary's words come with it from the cache (computing them cost a
            # one-file check ~10 ms of start-up)
            words = ctx.glossary.lowered_words()
            if ctx.options.spelling_words:
                words = words | {w.lower() for w in ctx.options.spelling_words}
            cached = frozenset(words)
            ctx.memo[key] = cached
        return cached
