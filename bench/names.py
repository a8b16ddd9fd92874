#!/usr/bin/env python3
"""How well the name rules catch MT name artefacts on WMT23 uk-en and ru-en.

A *name difference* is a capitalised word of an MT segment that is absent from the aligned
reference segment while the reference has a similar capitalised word (rapidfuzz ratio >= 70)
that the MT segment lacks: "Kharkov" where the reference has "Kharkiv", "Zelenskiy" for
"Zelenskyi". Pairs of two ordinary English words (Ukraine/Ukrainian), derived forms and
diacritic-only differences are not counted. Such differences are often real MT name artefacts,
and sometimes acceptable variants (Sergey/Sergei for a Russian), so recall here is a lower
bound of what an editor would want.

Each pair is audited with its source language (--source-lang uk / ru), as a newsroom would.

Prints per language pair and per system:
- recall: share of name differences covered by a finding of a name rule;
- fix rate: share where the reference spelling is among that finding's suggestions;
- the same for the differences whose reference spelling is in the glossary (house style knows
  the right form), where the rules can be expected to act;
- false alarms: name-rule findings per 1,000 words on the reference translations.

usage: python bench/names.py [--glossary FILE] [--misses N]
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz  # noqa: E402

from devdata import WMT_PAIRS, segments_article, wmt_docs  # noqa: E402
from mtqa.api import audit_articles  # noqa: E402
from mtqa.article import TOKEN_RE  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions  # noqa: E402
from mtqa.lexicon import zipf  # noqa: E402
from mtqa.rules._names import is_derivation  # noqa: E402

NAME_RULES = ("name", "title-without-of")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def counts_as_difference(word: str, counterpart: str) -> bool:
    """Not a name artefact: two ordinary English words (Ukraine/Ukrainian, Centre/Center),
    derived forms, or spellings that differ only in diacritics (Adele/Adèle: house styles
    differ on diacritics, and mtqa does not judge them)."""
    if zipf(word) >= 3.0 and zipf(counterpart) >= 3.0:
        return False
    return not is_derivation(word, counterpart) and _fold(word) != _fold(counterpart)


def name_differences(hyp_seg: str, ref_seg: str):
    """(word, offset in segment, reference counterpart) for each name difference."""
    ref_words = set(TOKEN_RE.findall(ref_seg))
    hyp_words = set(TOKEN_RE.findall(hyp_seg))
    ref_caps = [w for w in ref_words if w[:1].isupper() and w not in hyp_words and len(w) >= 3]
    out = []
    for m in TOKEN_RE.finditer(hyp_seg):
        w = m.group()
        if not w[:1].isupper() or w.isupper() or len(w) < 3 or w in ref_words or not w.isalpha():
            continue
        best = max(ref_caps, key=lambda r: fuzz.ratio(w, r), default=None)
        if best and fuzz.ratio(w, best) >= 70 and counts_as_difference(w, best):
            out.append((w, m.start(), best))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--glossary", action="append", default=[])
    ap.add_argument("--misses", type=int, default=0, help="print N missed differences")
    a = ap.parse_args()
    stats = defaultdict(Counter)
    misses, catches = [], []
    ref_findings = ref_words = 0
    for pair in WMT_PAIRS:
        ctx = AuditContext(AuditOptions(select=NAME_RULES, glossaries=a.glossary,
                                        source_lang=pair.split("-")[0]))
        docs = list(wmt_docs(pair))
        refs = [segments_article(d.ref, f"{pair}/{i}/ref")[0] for i, d in enumerate(docs)]
        for res in audit_articles(refs, ctx=ctx):
            ref_findings += len(res.findings)
            ref_words += res.words
        systems = sorted({s for d in docs for s in d.hyps})
        for system in systems:
            arts, meta = [], []
            for i, d in enumerate(docs):
                hyp = d.hyps.get(system)
                if not hyp or len(hyp) != len(d.ref):
                    continue
                art, spans = segments_article(hyp, f"{pair}/{i}/{system}")
                arts.append(art)
                meta.append((d, spans))
            for res, (d, spans) in zip(audit_articles(arts, ctx=ctx), meta):
                for (base, _), hyp_seg, ref_seg in zip(spans, [res.article.text[a:b] for a, b in spans],
                                                      d.ref):
                    for word, off, counterpart in name_differences(hyp_seg, ref_seg):
                        start, end = base + off, base + off + len(word)
                        hits = [f for f in res.findings if f.start < end and start < f.end]
                        fixed = any(counterpart in s for f in hits for s in f.suggestions)
                        known = ctx.glossary.lookup(counterpart)
                        keys = [pair, f"{pair} {system}"]
                        if known and known[0] in ("canonical", "variant"):
                            keys.append(f"{pair} (reference form in glossary)")
                        for key in keys:
                            stats[key]["diffs"] += 1
                            stats[key]["found"] += bool(hits)
                            stats[key]["fixed"] += fixed
                        (catches if hits else misses).append(
                            (pair + (" (in glossary)" if len(keys) > 2 else ""), system, word,
                             counterpart))
    print("| set | name differences | recall | fix rate |")
    print("|---|---|---|---|")
    total = Counter()
    for key in sorted(stats, key=lambda k: (k.count(" ") > 0 and "glossary" not in k, k)):
        s = stats[key]
        if " " not in key:
            total.update(s)
        print(f"| {key} | {s['diffs']} | {s['found'] / max(s['diffs'], 1):.2f} | "
              f"{s['fixed'] / max(s['diffs'], 1):.2f} |")
    print(f"| **all** | {total['diffs']} | {total['found'] / max(total['diffs'], 1):.2f} | "
          f"{total['fixed'] / max(total['diffs'], 1):.2f} |")
    print(f"\nfalse alarms: {ref_findings} name findings on {ref_words:,} reference words = "
          f"{1000 * ref_findings / max(ref_words, 1):.2f} per 1,000 words")
    if a.misses:
        by_word = Counter((pair, word, counterpart) for pair, _, word, counterpart in misses)
        for (pair, word, counterpart), n in by_word.most_common(a.misses):
            print(f"  missed {n}x {pair}: {word} (ref: {counterpart})")


if __name__ == "__main__":
    main()
