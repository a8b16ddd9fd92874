"""The name ledger: every person, place and organisation named in an article, for fact-checking.

Editors check names first. The ledger groups every name the article uses by entity and lists
each spelling with its count, its status and the first line it appears on:

- house form  the glossary's canonical name;
- variant     a spelling the glossary accepts (or lists as wrong only in a context that does
              not apply here: a Russian form of a name borne by a Russian);
- flagged     a spelling a name rule reported (its fix is given);
- unknown     a name-like run of capitalised words the glossary does not know: the editor
              checks it by hand.

Sources: glossary matches (Glossary.find), the findings of the name rules (grouped under the
entity their fix names), capitalised runs with at least one uncommon word, and - hook for the
source pairing - names read from the source text (`source_names`).
"""
from __future__ import annotations

import bisect
import weakref
from functools import lru_cache
from itertools import compress, count, repeat
from operator import and_, attrgetter, eq, gt, itemgetter, le, lt, sub
from typing import Dict, List, Optional, Sequence, Tuple

from mtqa.finding import Finding
from mtqa.plain import Plain

_FIRST = itemgetter(slice(0, 1))  # a word's first character ("" for "")
_START_OF, _END_OF = attrgetter("start"), attrgetter("end")  # of a token
_SENTENCE_OF, _INITIAL_OF = attrgetter("sentence"), attrgetter("sentence_initial")
STATUSES = ("house form", "variant", "flagged", "unknown")
ENTITY_TYPES = ("person", "surname", "place", "organisation")
# The audit context of each article, remembered by the finish step so the report can read the
# glossary of the run (no reference kept once the article is gone).
_CONTEXTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def remember_context(article, ctx) -> None:
    try:
        _CONTEXTS[article] = ctx
    except TypeError:  # not weak-referenceable: the report falls back to the bundled glossary
        pass


def _glossary_for(article):
    ctx = _CONTEXTS.get(article)
    if ctx is not None:
        return ctx.glossary
    from mtqa.glossary import load_glossary

    return load_glossary()


class Spelling(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    text: str
    status: str
    count: int = 0
    first_line: int = 0
    fix: Optional[str] = None

    def __init__(self, text: str, status: str, count: int = 0, first_line: int = 0,
                     fix: Optional[str] = None):
        self.text = text
        self.status = status
        self.count = count
        self.first_line = first_line
        self.fix = fix


class Entity(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    name: str            # the house form, or the longest spelling of an unknown name
    type: str            # person / place / organisation / unknown
    spellings: List[Spelling]

    def __init__(self, name: str, type: str, spellings: Optional[List[Spelling]] = None):
        self.name = name
        self.type = type
        self.spellings = [] if spellings is None else spellings

    @property
    def status(self) -> str:
        """The entity's worst status: flagged > unknown > variant > house form."""
        order = ("flagged", "unknown", "variant", "house form")
        return min((s.status for s in self.spellings), key=order.index)

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "status": self.status,
                "spellings": [{"text": s.text, "status": s.status, "count": s.count,
                               "first_line": s.first_line,
                               **({"fix": s.fix} if s.fix else {})} for s in self.spellings]}


def source_names(article) -> List[Tuple[str, str]]:
    """(name in the source, its expected English form) for an article whose source is known
    (mtqa.source, issue 8): the names of the source with a house form (SpellingUkraine, the
    glossary), once each. Romanised guesses are left out: the ledger lists names, not guesses."""
    from mtqa.source.document import source_of

    doc = source_of(article)
    if doc is None:
        return []
    from mtqa.source.name_differences import source_names as capitalised_words
    from mtqa.source.names import expected_forms

    glossary = _glossary_for(article)
    out: Dict[str, Tuple[str, str]] = {}
    for start, end in doc.paragraphs:
        for _, _, word, _ in capitalised_words(doc.text, start, end, ()):
            expected = expected_forms(word, doc.lang, glossary)
            if expected is not None and expected.exact:
                out.setdefault(expected.forms[0], (word, expected.forms[0]))
    return list(out.values())


def _name_findings(findings: Sequence[Finding]) -> List[Finding]:
    """Findings of the name rules, leads and supporting ones (phrase entries filed under
    terminology are not names)."""
    out = []
    for f in findings:
        for g in [f] + list(f.related):
            if g.rule.startswith("name-") or (g.category == "terminology/name"
                                              and not g.rule.startswith("phrase-")):
                out.append(g)
    return out


# Adjectives of nationality (Belarusian, Congolese) are not names to fact-check.
_DEMONYM_ENDINGS = ("ian", "ians", "ean", "eans", "ese")


def _latin(word: str) -> bool:
    return all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in word)


_RUNS_MEMO = ("ledger-runs",)  # kept by Article.release (mtqa/article.py)


def remember_runs(article) -> None:
    """Find the article's candidate name runs now, while the audit's tokens are alive: the
    report's ledger reads them after `Article.release` instead of tokenising the article again
    (a second sentence and token pass was ~1 s of `report` on 1 MB of names; hardening4,
    issue 13). They do not depend on the findings, so the ledger is the same."""
    article.memo(_RUNS_MEMO, lambda: _run_candidates(article))


def _capitalised_runs(article, taken: "_Spans") -> List[Tuple[int, int, str]]:
    """Runs of capitalised words (one space apart, one sentence) with at least one word that
    is not ordinary English, outside the spans already accounted for."""
    spans = article.memo(_RUNS_MEMO, lambda: _run_candidates(article))
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    text = article.text
    return [(s, e, text[s:e]) for (s, e), maybe in zip(spans, taken.may_overlap(starts, ends))
            if not (maybe and taken.overlapping(s, e))]


def _run_candidates(article) -> List[Tuple[int, int]]:
    """The spans of `_capitalised_runs` before the spans taken by glossary names and name
    findings are left out (outside headlines)."""
    from mtqa.lexicon import zipf

    text, toks, texts = article.text, article.tokens, article.token_texts
    zipf = lru_cache(maxsize=None)(zipf)  # a name repeated 1,000s of times is looked up once
    # capitalised words, told in C; only they are visited (hardening3, issue 13)
    capital = list(map(and_, map(str.isalpha, texts), map(str.isupper, map(_FIRST, texts))))
    runs_on = _runs_on(text, toks, capital)
    if not any(runs_on):  # every run is one word: judged in bulk
        return _one_word_runs(article, toks, texts, capital, zipf)
    runs = []
    one_word = {}  # (word, sentence-initial) -> is a one-word run a candidate? (memo, #13)
    # a run starts at a capitalised word the one before does not run on into, and ends at
    # the first word that does not run on (both found in C)
    for i in compress(count(), map(gt, capital, [False, *runs_on])):
        try:
            j = runs_on.index(False, i)
        except ValueError:
            j = len(toks) - 1
        t = toks[i]
        if i == j:  # (most runs: the answer depends on the word and where it stands only)
            key = (texts[i], t.sentence_initial)
            found = one_word.get(key)
            if found is None:
                found = one_word[key] = _run_words(texts, toks, i, i, zipf) is not None
            if found and not article.in_headline(t.start):
                runs.append((t.start, t.end))
            continue
        words = _run_words(texts, toks, i, j, zipf)
        if words is not None and not article.in_headline(toks[words[0]].start):
            runs.append((toks[words[0]].start, toks[words[1]].end))
    return runs


def _runs_on(text: str, toks, capital: List[bool]) -> List[bool]:
    """Per token but the last, told in C: does a run of capitalised words go on from it to
    the next token (both capitalised, one sentence, one space between)?"""
    starts, ends = list(map(_START_OF, toks)), list(map(_END_OF, toks))
    sentences = list(map(_SENTENCE_OF, toks))
    spaced = map(and_, map(eq, map(sub, starts[1:], ends), repeat(1)),
                 map(eq, map(text.__getitem__, ends[:-1]), repeat(" ")))
    return list(map(and_, map(and_, capital, capital[1:]),
                    map(and_, map(eq, sentences, sentences[1:]), spaced)))


def _one_word_runs(article, toks, texts, capital: List[bool], zipf) -> List[Tuple[int, int]]:
    """_run_candidates when no run is longer than a word (1 MB of "Kiev,Kiev." made 190,000
    such runs; hardening5, issue 13): each (word, sentence-initial) is judged once."""
    positions = list(compress(count(), capital))
    at = list(map(toks.__getitem__, positions))
    keys = list(zip(map(texts.__getitem__, positions), map(_INITIAL_OF, at)))
    verdict = {key: _run_words(texts, toks, i, i, zipf) is not None
               for key, i in dict(zip(keys, positions)).items()}
    found = list(compress(at, map(verdict.__getitem__, keys)))
    return [(t.start, t.end) for t in found if not article.in_headline(t.start)]


def _run_words(texts, toks, lo: int, hi: int, zipf) -> Optional[Tuple[int, int]]:
    """The first and last token of the name in the run of capitalised tokens lo..hi, or None
    when it holds none. Ends are moved by index: a run of 100,000 capitalised ordinary words
    ("The The ...") was trimmed one slice copy at a time, quadratic (hardening5, issue 13)."""
    # sentence-initial ordinary words ("The", "Ukrainian") are not part of the name
    while lo <= hi and zipf(texts[lo]) >= 3.0 and (toks[lo].sentence_initial or hi > lo):
        lo += 1
    while lo <= hi and zipf(texts[hi]) >= 3.5:
        hi -= 1
    if lo > hi or (lo == hi and texts[lo].endswith(_DEMONYM_ENDINGS)):
        return None
    words = texts[lo:hi + 1]
    if all(map(_latin, words)) and any(
            len(w) >= 3 and not w.isupper() and zipf(w) < 3.0 for w in words):
        return lo, hi
    return None


class _Spans:
    """Spans kept sorted by start, answering "which overlap (start, end)?" by bisection (a scan
    of every span per name was quadratic: 1 MB of "Kiev,Kiev." took minutes in `report`;
    hardening, issue 13). Overlap as everywhere here: a < end and start < b."""

    def __init__(self):
        self.items: List[Tuple[int, int, int]] = []  # (start, end, key)
        self.longest = 0

    def add(self, start: int, end: int, key: int = 0) -> None:
        item = (start, end, key)
        items = self.items
        if not items or items[-1] <= item:
            items.append(item)  # spans mostly come in text order: no search, no shift
        else:
            bisect.insort(items, item)
        if end - start > self.longest:
            self.longest = end - start

    def add_sorted(self, starts: List[int], ends: List[int]) -> None:
        """`add` of many spans (key 0) at once; in one step when they come sorted after the
        spans already here (glossary matches do)."""
        new = list(zip(starts, ends, repeat(0)))
        if new and (not self.items or self.items[-1] <= new[0]) and all(map(le, new, new[1:])):
            self.items.extend(new)
            self.longest = max(self.longest, max(map(sub, ends, starts)))
            return
        for start, end in zip(starts, ends):
            self.add(start, end)

    def may_overlap(self, starts: List[int], ends: List[int]) -> List[bool]:
        """For many spans at once, in C: False where `overlapping` is surely empty (no span
        here starts in reach of it), True where it has to be asked."""
        if not self.items:
            return [False] * len(starts)
        item_starts = [item[0] for item in self.items]
        longest = self.longest
        # the same bounds as `overlapping`: lo..hi are the spans starting in reach
        los = map(bisect.bisect_right, repeat(item_starts), [s - longest for s in starts])
        his = map(bisect.bisect_left, repeat(item_starts), ends)
        return list(map(lt, los, his))

    def overlapping(self, start: int, end: int) -> List[int]:
        """The keys of the spans overlapping (start, end), in the order they were added."""
        items = self.items
        # a span overlapping it starts before `end` and after start - longest
        lo = bisect.bisect_right(items, (start - self.longest, float("inf")))
        hi = bisect.bisect_left(items, (end, -1))
        if lo >= hi:
            return []
        return sorted(k for a, b, k in items[lo:hi] if a < end and start < b)


def build_ledger(article, findings: Sequence[Finding], glossary=None) -> List[Entity]:
    glossary = glossary if glossary is not None else _glossary_for(article)
    entities: Dict[str, Entity] = {}
    original = article.original

    def add(key: str, name: str, etype: str, text: str, status: str, start: int,
            fix: Optional[str] = None) -> "Spelling":
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(name, etype)
        for sp in ent.spellings:
            if sp.text == text:
                sp.count += 1
                if status == "flagged":
                    sp.status, sp.fix = "flagged", sp.fix or fix
                return sp
        sp = Spelling(text, status, 1, article.position(start)[0], fix)
        ent.spellings.append(sp)
        return sp

    named = _name_findings(findings)
    named_spans = _Spans()
    for i, f in enumerate(named):
        named_spans.add(f.start, f.end, i)
    taken = _Spans()
    # (1 MB of one name is 200,000 matches: the overlap test is asked in bulk, and a match
    # like the one before it only counts; hardening3, issue 13)
    matches = [m for m in glossary.find(article) if m.entry.type in ENTITY_TYPES]
    starts, ends = [m.start for m in matches], [m.end for m in matches]
    last_args, last_spelling = None, None
    for m, maybe in zip(matches, named_spans.may_overlap(starts, ends)):
        entry = m.entry
        flagged = [named[i] for i in named_spans.overlapping(m.start, m.end)] if maybe else ()
        if flagged:
            status, fix = "flagged", (flagged[0].suggestions or [None])[0]
        elif m.kind == "canonical":
            status, fix = "house form", None
        else:
            status, fix = "variant", None
        etype = "person" if entry.type == "surname" else entry.type
        args = (entry.name, etype, original[m.start:m.end], status, fix)
        if args == last_args:  # the same call again would only count it
            last_spelling.count += 1
            continue
        last_args = args
        last_spelling = add(entry.name, entry.name, etype, args[2], status, m.start, fix)
    taken.add_sorted(starts, ends)
    for f in named:
        if taken.overlapping(f.start, f.end):
            continue
        fix = f.suggestions[0] if f.suggestions else None
        hit = glossary.lookup(fix) if fix else None
        entry = hit[1] if hit else None
        if entry is None and fix:
            people = glossary.people_by_surname.get(fix.split()[-1], [])
            entry = people[0] if len(people) == 1 else None
        key = entry.name if entry else (fix or original[f.start:f.end])
        etype = (("person" if entry.type == "surname" else entry.type) if entry else "unknown")
        add(key, key, etype, original[f.start:f.end], "flagged", f.start, fix)
        taken.add(f.start, f.end)
    # a surname alone ("Lavrov") belongs to the person named in full elsewhere in the article
    by_surname = {ent.name.split()[-1]: key for key, ent in entities.items()
                  if ent.type == "person" and " " in ent.name}
    # unknown names: grouped by their last word, so "Andriy Kostin" and "Kostin" are one
    for s, e, run in _capitalised_runs(article, taken):
        last = run.split()[-1]
        if " " not in run and last in by_surname:
            ent = entities[by_surname[last]]
            add(by_surname[last], ent.name, ent.type, original[s:e], "variant", s)
            continue
        key = f"?{last}"
        ent = entities.get(key)
        if ent is None or len(run) > len(ent.name):
            ent = entities.setdefault(key, Entity(run, "unknown"))
            ent.name = run if len(run) > len(ent.name) else ent.name
        add(key, ent.name, "unknown", original[s:e], "unknown", s)
    for source_form, english in source_names(article):
        key = english
        ent = entities.setdefault(key, Entity(english, "unknown"))
        if not ent.spellings:
            ent.spellings.append(Spelling(english, "unknown", 0, 0, None))
    order = {"flagged": 0, "unknown": 1, "variant": 2, "house form": 3}
    out = list(entities.values())
    for ent in out:
        ent.spellings.sort(key=lambda sp: (sp.first_line, sp.text))
    out.sort(key=lambda ent: (order[ent.status], min(sp.first_line for sp in ent.spellings),
                              ent.name))
    return out
