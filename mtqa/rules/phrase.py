"""Rules from data: every entry of every phrase pack (mtqa/data/phrases/*.yaml) is a rule.

Rule ids are `phrase-<pack>-<entry>`, so `--select phrase` runs every pack, `--ignore phrase-ru`
switches the Russian pack off and `--ignore phrase-common-within-the-framework` one entry;
`mtqa explain <id>` shows an entry's message, fix, conditions, attested example and measured
figures. The pack format and how packs are chosen by --source-lang: docs/phrase-packs.md.

All entries share one `PhraseIndex`; the first entry rule that looks at an article finds the
phrases of every entry in one pass over its tokens, and the others read that result.
"""
from __future__ import annotations

import bisect
import weakref
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

from mtqa.article import Article
from mtqa.lexicon import zipf
from mtqa.phrases import (Pack, PhraseBundle, PhraseEntry, PhraseIndex, PhraseMatch,
                          bundled_pack_paths, fix_case, load_packs, pattern_fix)
from mtqa.registry import Rule, add_rule

_MEASURED = Path(__file__).resolve().parent.parent / "data" / "phrases" / "measured.tsv"
# Words that make a capitalised pair an organisation or a place, not a person's name.
_NOT_PERSON_WORDS = frozenset(
    "group bank company corp corporation holding holdings inc ltd llc plc fund foundation "
    "university institute ministry council committee agency service party union river sea "
    "oblast region city district county province street square airport station plant "
    "factory airlines energy oil gas steel metals motors media news times post".split())



def _load_bundled() -> Tuple[List[Pack], PhraseIndex]:
    """The bundled packs and their index, from the on-disk cache when the pack files (and the
    code that parses and indexes them) are unchanged: parsing the YAML at every start-up cost
    a third of a one-file check. Context regexes compile on first use either way; tests and
    `mtqa phrases check` compile them all."""
    def build():
        packs_ = load_packs(strict=False)
        return PhraseBundle(packs_, PhraseIndex([e for p in packs_ for e in p.entries]))

    from mtqa import cache, phrases as phrases_module
    import mtqa.article as article_module

    try:
        key = cache.file_key(bundled_pack_paths() + [Path(phrases_module.__file__),
                                                     Path(article_module.__file__)])
    except OSError:
        key = None
    value = cache.cached("phrase-packs", key, build)
    if not (isinstance(value, PhraseBundle) and isinstance(value.index, PhraseIndex)):
        value = build()
    return value.packs, value.index


_PACKS, _INDEX = _load_bundled()
_PACK_BY_NAME: Dict[str, Pack] = {p.name: p for p in _PACKS}
# article -> {rule id: [PhraseMatch]}; weak keys, so a finished article takes its entry along
_MATCHES: "weakref.WeakKeyDictionary[Article, Dict[str, List[PhraseMatch]]]" = \
    weakref.WeakKeyDictionary()
_GLOSSARY_STARTS: "weakref.WeakKeyDictionary[Article, tuple]" = weakref.WeakKeyDictionary()


def packs() -> List[Pack]:
    return list(_PACKS)


# (weak reference to the article, its matches): the 152 entry rules ask one after another about
# the same article, and an identity test is cheaper than a weak-dictionary lookup
_LAST: tuple = (lambda: None, {})


def _matches_for(article: Article) -> Dict[str, List[PhraseMatch]]:
    global _LAST
    last = _LAST  # one read: another thread may replace it
    if last[0]() is article:
        return last[1]
    found = _MATCHES.get(article)
    if found is None:
        found = {}
        for m in _INDEX.find(article):  # word phrases and `pattern:` entries, one matcher
            found.setdefault(m.entry.rule_id, []).append(m)
        _MATCHES[article] = found
    _LAST = (weakref.ref(article), found)
    return found


def _longest(ms: List[PhraseMatch]) -> List[PhraseMatch]:
    """One entry's matches without those inside a longer one ("in the current year" wins over
    "the current year")."""
    kept: List[PhraseMatch] = []
    for m in sorted(ms, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def pack_active(pack: Pack, ctx) -> bool:
    """The common pack always runs; a language pack runs for its --source-lang, or without
    --source-lang when it is a default pack, or whenever a --select names it."""
    if pack.language == "any":
        return True
    lang = ctx.source_lang  # normalised once, by the article's reader (mtqa.lang)
    if lang in pack.languages or (lang is None and pack.default):
        return True
    named = [s for s in ctx.options.select if s != "all"]
    # ALL (every rule) runs every pack (mtqa.registry, issue 12)
    return bool(named) and any(s == "ALL" or s.startswith(f"phrase-{pack.name}")
                               for s in named)


# ---- context conditions ---------------------------------------------------------------------

def _glossary_starts(article: Article, glossary) -> tuple:
    cached = _GLOSSARY_STARTS.get(article)
    if cached is None or cached[0] is not glossary:
        cached = (glossary, {m.start: m for m in glossary.find(article)})
        _GLOSSARY_STARTS[article] = cached
    return cached[1]


def _looks_like_person(article: Article, i: int) -> bool:
    """Two or three capitalised words shaped like a full name (Alisher Usmanov, Emmanuel
    Macron): the last one not an everyday English word, none an organisation/place word."""
    toks, text = article.tokens, article.text
    words = [toks[i]]
    for k in (i + 1, i + 2):
        if k < len(toks) and toks[k].sentence == toks[i].sentence \
                and text[words[-1].end:toks[k].start] == " " and toks[k].text[:1].isupper():
            words.append(toks[k])
        else:
            break
    if len(words) < 2:
        return False
    for w in words:
        t = w.text
        if not (t.isalpha() and t[:1].isupper() and not t.isupper()) \
                or t.lower() in _NOT_PERSON_WORDS:
            return False
    return zipf(words[0].text) < 5.0 and zipf(words[-1].text) < 4.0


def _entity_follows(article: Article, ctx, end: int, kind: str) -> bool:
    toks = article.tokens
    i = _token_after(article, end)
    if i >= len(toks):
        return False
    gap = article.text[end:toks[i].start]
    if gap.strip(" “”\"«»'‘’"):
        return False
    hit = _glossary_starts(article, ctx.glossary).get(toks[i].start)
    if hit is not None:
        etype = hit.entry.type
        group = {"person": "person", "given-name": "person", "surname": "person",
                 "place": "place", "organisation": "organisation"}.get(etype)
        return kind == "name" or group == kind
    if kind == "person":
        return _looks_like_person(article, i)
    if kind == "name":
        t = toks[i].text
        return t[:1].isupper() and t.isalpha() and zipf(t) < 4.0
    return False


_TOKEN_STARTS: "weakref.WeakKeyDictionary[Article, List[int]]" = weakref.WeakKeyDictionary()


def _token_after(article: Article, offset: int) -> int:
    starts = _TOKEN_STARTS.get(article)
    if starts is None:
        starts = _TOKEN_STARTS[article] = [t.start for t in article.tokens]
    return bisect.bisect_left(starts, offset)


def conditions_hold(entry: PhraseEntry, article: Article, m: PhraseMatch, ctx) -> bool:
    w = entry.when
    if w.empty:
        return True
    text = article.text
    s_start, s_end = article.sentences[article.tokens[m.first_token].sentence]
    before = text[s_start:m.start]
    after = text[m.end:s_end]
    if w.preceded_by and not w.preceded_by.search(before):
        return False
    if w.not_preceded_by and w.not_preceded_by.search(before):
        return False
    if w.followed_by and not w.followed_by.search(after):
        return False
    if w.not_followed_by and w.not_followed_by.search(after):
        return False
    sentence = text[s_start:s_end]
    if w.sentence_has and not w.sentence_has.search(sentence):
        return False
    if w.sentence_lacks and w.sentence_lacks.search(sentence):
        return False
    if w.article_has and not w.article_has.search(text):
        return False
    if w.source_langs is not None and ctx.source_lang not in w.source_langs:
        return False
    if w.followed_by_entity and not _entity_follows(article, ctx, m.end, w.followed_by_entity):
        return False
    return True


# ---- the rules ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def measured_figures() -> Dict[str, str]:
    """rule id -> one line of measured figures (bench/phrase_figures.py writes the file)."""
    out: Dict[str, str] = {}
    if not _MEASURED.exists():
        return out
    with open(_MEASURED, encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            out[row["rule"]] = (f"references {row['ref_hits']} hit(s) in {row['ref_words']} words; "
                                f"MT output {row['mt_hits']} hit(s) in {row['mt_words']} words "
                                f"({row['mt_segments']} segments)")
    return out


class PhraseRule(Rule):
    """A rule made from one phrase-pack entry."""

    entry: PhraseEntry
    pack: Pack
    group = "phrase"

    @classmethod
    def check_group(cls, rules, article, ctx):
        """Only the selected entries that matched in this article are checked."""
        # the article's matched entries are few, the selected ones ~300: look up the few
        for rule_id in _matches_for(article):
            rule = rules.get(rule_id)
            if rule is not None:
                yield from rule.check(article, ctx)

    @property
    def docs(self) -> str:
        e, p = self.entry, self.pack
        pairs = "\n".join(f"  “{ph}” → “{fx}”" for ph, fx in zip(e.phrases, e.fixes))
        lines = [e.message, "", "Phrase → fix:", pairs]
        if not e.when.empty:
            lines += ["", "Only when:"] + [f"  {k}: {v}" for k, v in e.when.source.items()]
        if not e.quotations:
            lines += ["", "Not flagged inside direct quotations."]
        if e.note:
            lines += ["", e.note]
        if e.cites:
            lines += ["", "Rests on:"] + [f"  {c}" for c in e.cites]
        if e.source:
            lines += ["", f"Attested: “{e.example}”", f"  ({e.source})"]
        flag = [x for x in e.examples if not (e.source and x == e.example)]
        if flag:
            lines += ["", "Flags, e.g.:"] + [f"  “{x}”" for x in flag]
        if e.leave:
            lines += ["", "Leaves alone, e.g.:"] + [f"  “{x}”" for x in e.leave]
        lang = ("language-neutral, always runs" if p.language == "any" else
                f"for --source-lang {' or '.join(p.languages)}" + (", and runs when no --source-lang is "
                                                      "given" if p.default else ""))
        origin = e.origin.replace(str(Path(__file__).resolve().parent.parent.parent) + "/", "")
        lines += ["", f"Pack: {p.name} ({lang}); entry {origin}"]
        if p.measured:
            lines += [f"Pack measured: {p.measured}"]
        figures = measured_figures().get(self.id)
        if figures:
            lines += [f"This entry, measured on ../shared/dev (bench/artefact_precision.py): "
                      f"{figures}"]
        if not e.enabled:
            lines += ["Off by default: select it by id to run it."]
        return "\n".join(lines)

    @property
    def examples(self) -> dict:
        """The entry's examples in the shape of a Python rule's (mtqa.examples): `examples`
        (the attested `example` first) must be flagged, `leave` must not; each with the
        --source-lang it is written for."""
        e = self.entry
        # as `mtqa phrases check` runs them: no --source-lang unless the example names one
        # (or its pack runs only for its languages)
        lang = None if self.pack.language == "any" or self.pack.default else \
            self.pack.languages[0]

        def case(text):
            return {"text": text, "source_lang": e.example_langs.get(text, lang)}

        return {"flag": [case(t) for t in (e.examples or [e.example]) if t],
                "leave": [case(t) for t in e.leave]}

    def check(self, article, ctx):
        # Most of the ~300 entries find nothing in an article: a plain function that returns
        # () then costs less than starting a generator for each of them.
        matches = _matches_for(article).get(self.id)
        if not matches or not pack_active(self.pack, ctx):
            return ()
        return list(self._findings(article, ctx, matches))

    def _findings(self, article, ctx, matches):
        e = self.entry
        # conditions first, then the longest of overlapping matches: a longer form whose
        # context rules it out must not hide a shorter one that holds ("are the same like")
        held = [m for m in matches
                if (e.quotations or not article.in_quotation(m.start))
                and conditions_hold(e, article, m, ctx)]
        for m in _longest(held) if len(held) > 1 else held:
            surface = article.text[m.start:m.end]
            tok = article.tokens[m.first_token]
            capital_expected = tok.sentence_initial or article.in_headline(m.start)
            fix = pattern_fix(e, m.index, article, m.start) if e.pattern else e.fixes[m.index]
            fix = fix_case(fix, surface, capital_expected, "" if e.pattern else e.phrases[m.index])
            yield self.finding(m.start, m.end, f"“{surface}”: {e.message}", [fix], safe=e.safe)


def entry_fires(entry: PhraseEntry, text: str, ctx) -> bool:
    """Does the entry flag something in `text`? (Used to check that an entry fires on its own
    examples; works for entries of packs that are not bundled, too.) An example written with a
    `source_lang` is checked with that --source-lang."""
    lang = entry.example_langs.get(text.strip())
    if lang and ctx.source_lang != lang:
        from mtqa.engine import AuditContext, AuditOptions

        ctx = AuditContext(AuditOptions(source_lang=lang), glossary=ctx.glossary)
    article = Article(text)
    found = PhraseIndex([entry]).find(article)
    for m in found:
        if not entry.quotations and article.in_quotation(m.start):
            continue
        if conditions_hold(entry, article, m, ctx):
            return True
    return False


def _register_entries(packs_: List[Pack]) -> None:
    # One PhraseRule instance per entry, its fields set on the instance: creating a class per
    # entry (~300) cost a one-file check several milliseconds of start-up.
    for pack in packs_:
        for entry in pack.entries:
            rule = PhraseRule()
            rule.id = entry.rule_id
            # (brief: not the phrases themselves, which a cached entry reads only when used)
            phrase, fix, forms = entry.brief
            rule.summary = (f"“{phrase}” → “{fix}”"
                            + (f" (+{forms - 1} forms)" if forms > 1 else ""))
            rule.category, rule.severity = entry.category, entry.severity
            rule.default_enabled = entry.enabled
            rule.entry, rule.pack = entry, pack
            add_rule(rule)


_register_entries(_PACKS)

# house packs registered in this process: path -> modification time when loaded
_HOUSE: Dict[str, float] = {}


def register_house_packs(paths) -> None:
    """Register a newsroom's own packs (`phrase-packs` in the configuration; issue 12) as
    rules `phrase-<pack>-<entry>`, matched by the same index as the bundled ones. Called by
    mtqa.config before rules are selected; registering the same file again is a no-op.
    Raises mtqa.phrases.PhrasePackError (file:line problems)."""
    global _INDEX, _LAST
    import os

    from mtqa.phrases import load_house_packs

    new = [str(p) for p in paths if str(p) not in _HOUSE]
    if not new:
        return
    loaded = load_house_packs(new)
    taken = {p.name for p in _PACKS}
    clash = [p for p in loaded if p.name in taken]
    if clash:
        from mtqa.phrases import PhrasePackError

        raise PhrasePackError([f"{p.path}:1: a pack named {p.name!r} is already loaded"
                               for p in clash])
    _register_entries(loaded)
    _PACKS.extend(loaded)
    _PACK_BY_NAME.update({p.name: p for p in loaded})
    _INDEX = PhraseIndex([e for p in _PACKS for e in p.entries])
    _MATCHES.clear()
    _LAST = (lambda: None, {})
    for path in new:
        _HOUSE[path] = os.path.getmtime(path)



def unregister_house_packs() -> None:
    """Forget every house pack registered in this process (library callers and tests that
    audit with different configurations in one process)."""
    global _INDEX, _LAST
    from mtqa.registry import _REGISTRY

    if not _HOUSE:
        return
    house = [p for p in _PACKS if p.path is not None and str(p.path) in _HOUSE]
    for pack in house:
        for entry in pack.entries:
            _REGISTRY.pop(entry.rule_id, None)
        _PACK_BY_NAME.pop(pack.name, None)
    _PACKS[:] = [p for p in _PACKS if p not in house]
    _HOUSE.clear()
    _INDEX = PhraseIndex([e for p in _PACKS for e in p.entries])
    _MATCHES.clear()
    _LAST = (lambda: None, {})