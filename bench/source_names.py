"""Source comparison on WMT23 uk-en and ru-en (sources included): names, false alarms, speed.

    python bench/source_names.py [--langs uk,ru]

(a) Name differences traceable to the source. In every MT segment, a capitalised MT word M
    that is absent from the reference while the reference has a word R that is, as written,
    an expected English form of a name in the source segment (mtqa.source.names: house form,
    or the official romanisation of one of the name's candidate nominatives), R is absent from
    the MT segment, and M resembles R (rapidfuzz ratio >= 60, same first letter or an h/g,
    k/c, i/y, e/y pair, not a derivation such as Ukrainian/Ukraine): an editor would change
    M to R. Share of those the
    source-name rule flags (a finding on M), and share where its suggestion is R.
    Two readings are printed: the raw count (every such pair), and the count without the
    pairing artefacts — cases whose M is an accepted spelling of ANOTHER expected form the
    reference has (the MT's Alexandra is the woman Александра, reference Aleksandra, paired by
    the count with an Aleksandr of the same segment): those are no spelling difference.
(b) False alarms: the references audited against the same sources with every source rule;
    findings per 1,000 reference words, per rule.
Also: MT findings per 1,000 words per source rule, and the share of source sentences compared.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _source_dev import documents, pair  # noqa: E402

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CYR_WORD = re.compile(r"[\u0400-\u04ff]+(?:['’ʼ][\u0400-\u04ff]+)*")
SIMILAR_FIRST = {("h", "g"), ("g", "h"), ("k", "c"), ("c", "k"), ("j", "y"), ("y", "j"),
                 ("i", "y"), ("y", "i"), ("e", "y"), ("y", "e")}


def audit(article, ctx):
    from mtqa.engine import audit_article

    return audit_article(article, ctx)


def name_cases(lang, src_seg, ref_seg, mt_seg, glossary):
    """(M, R) pairs of segment: MT word M where the reference has the source name's form R."""
    from rapidfuzz import fuzz

    from mtqa.article import TOKEN_RE
    from mtqa.source.names import accepted_key, derivation, expected_forms

    ref_words = set(TOKEN_RE.findall(ref_seg))
    mt_words = [w for w in TOKEN_RE.findall(mt_seg) if w[:1].isupper()]
    mt_set = set(TOKEN_RE.findall(mt_seg))
    cases = []
    for word in _CYR_WORD.findall(src_seg):
        if not word[:1].isupper() or word.isupper() or len(word) < 3:
            continue
        expected = expected_forms(word, lang, glossary)
        if expected is None:
            continue
        # the reference spelling IS an expected form (as written)
        refs = [r for r in ref_words if r in expected.forms]
        for r in refs:
            if r in mt_set:
                continue
            for m in mt_words:
                if m in ref_words or m == r or derivation(m, r):
                    continue
                if m in glossary.known_words:  # a form the house style accepts (Zelensky)
                    continue
                a, b = m[0].lower(), r[0].lower()
                if (a == b or (a, b) in SIMILAR_FIRST) and fuzz.ratio(m.lower(), r.lower()) >= 60:
                    # M is itself an accepted spelling of the name (Russian: another documented
                    # system, Mamaev for the reference's BGN Mamayev): no error, counted apart
                    cases.append((m, r, lang == "ru" and accepted_key(m, lang) == accepted_key(r, lang)))
    return cases


def flagged_as(names, article, start, end, word):
    """The findings of `names` on `word` within article.text[start:end] (a segment)."""
    return [f for f in names if start <= f.start < end and article.text[f.start:f.end] == word]


def pairing_artefact(lang, m, r, src_seg, ref_seg, glossary) -> bool:
    """Is M an accepted spelling of ANOTHER expected form of a segment name that the reference
    has (MT Alexandra, reference Aleksandra, paired here with the form Aleksandr that the
    reference also has for another Александр of the segment)? Then (M, R) is an artefact of
    the count, not a spelling difference."""
    from mtqa.article import TOKEN_RE
    from mtqa.source.names import accepted_key, expected_forms

    ref_words = set(TOKEN_RE.findall(ref_seg))
    for word in _CYR_WORD.findall(src_seg):
        expected = expected_forms(word, lang, glossary) if word[:1].isupper() else None
        if expected is not None and any(
                f != r and f in ref_words and accepted_key(f, lang) == accepted_key(m, lang)
                for f in expected.forms):
            return True
    return False


class SegmentCase(NamedTuple):
    """A name case (M, R) of one MT segment, with its segments and source-name's findings on M."""
    segment: int
    src: str
    ref: str
    mt: str
    m: str
    r: str
    accepted: bool     # M is another accepted spelling of the name (not counted as a case)
    flagged: list      # the source-name findings on M in this segment
    pairing: bool      # M spells another name of the segment (pairing_artefact)


def segment_cases(lang, article, findings, mt_segs, ref_segs, src_segs, glossary):
    """The name cases of an MT article whose lines are the segments `mt_segs` (the loop of
    (a), shared with bench/source_name_misses.py)."""
    names = [f for f in findings if f.rule == "source-name"]
    offset = 0
    for i, (mt_seg, ref_seg, src_seg) in enumerate(zip(mt_segs, ref_segs, src_segs)):
        seg_start, seg_end = offset, offset + len(mt_seg)
        offset = seg_end + 1
        for m, r, accepted in name_cases(lang, src_seg, ref_seg, mt_seg, glossary):
            yield SegmentCase(i, src_seg, ref_seg, mt_seg, m, r, accepted,
                              flagged_as(names, article, seg_start, seg_end, m),
                              not accepted and pairing_artefact(lang, m, r, src_seg, ref_seg,
                                                                glossary))


def miss_reason(lang, case: SegmentCase, glossary):
    """Why source-name did not flag the case's M (for the breakdown of misses)."""
    from mtqa.lexicon import world_names, zipf
    from mtqa.source.names import accepted_key, expected_forms, foreign_spelling, near

    m, r, src_seg = case.m, case.r, case.src
    if case.pairing:  # (found once, by segment_cases)
        return "M is an accepted spelling of another name of the segment (pairing)"
    if zipf(m) > 0 or m in world_names():
        return "M is an English word or a known name (Tractor for Трактор, Erica)"
    if foreign_spelling(m, lang):
        return "M has letters no romanisation writes (Mahachev, Nahida, Germanica)"
    for word in _CYR_WORD.findall(src_seg):
        expected = expected_forms(word, lang, glossary) if word[:1].isupper() else None
        if expected is None or r not in expected.forms:
            continue
        if any(accepted_key(f, lang) == accepted_key(m, lang)
               for f in expected.forms + expected.accepted):
            return "M is another case or gender form of the name (Suzdalev for Suzdaleva)"
        if near(m, r, lang, expected.exact) is None:
            return "M is not near R"
    return "other"


def _dump_row(doc, side, article, f):
    """(document, side, segment, word, suggestion, message) of a finding, for --dump."""
    segment = article.text.count("\n", 0, f.start)
    return (doc["doc"], side, str(segment), article.text[f.start:f.end],
            f.suggestions[0] if f.suggestions else "", f.message.replace("\t", " "))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="uk,ru")
    parser.add_argument("--dump", help="write every source-name finding (MT and references) "
                        "to this TSV, to diff the findings a change adds or removes")
    args = parser.parse_args()
    dumped = []
    from mtqa.engine import AuditContext, AuditOptions

    ctx = AuditContext(AuditOptions(select=["source"]))
    glossary = ctx.glossary
    stats = Counter()
    by_rule_ref, by_rule_mt = Counter(), Counter()
    ref_words = mt_words = 0
    compared_src = total_src = 0
    examples_missed, examples_wrong = [], []
    seconds = 0.0
    for lang, doc in documents(args.langs.split(",")):
        ref = pair(lang, doc, "ref")
        if ref is None:
            stats["ref documents not comparable"] += 1
            continue
        article, source, ref_segs, src_segs = ref
        for f in audit(article, ctx):
            by_rule_ref[(lang, f.rule)] += 1
            dumped.append(_dump_row(doc, "ref", article, f))
        ref_words += article.words
        stats[f"ref words {lang}"] += article.words
        for system in sorted(doc["hyps"]):
            found = pair(lang, doc, "hyp", system)
            if found is None:
                stats["MT documents not comparable"] += 1
                continue
            article, source, mt_segs, _ = found
            start = time.perf_counter()
            findings = audit(article, ctx)
            seconds += time.perf_counter() - start
            mt_words += article.words
            stats[f"MT words {lang}"] += article.words
            from mtqa.source.align import align

            alignment = align(source, article)
            compared_src += round(alignment.compared * alignment.source_sentences)
            total_src += alignment.source_sentences
            for f in findings:
                by_rule_mt[(lang, f.rule)] += 1
                if f.rule == "source-name":
                    dumped.append(_dump_row(doc, system, article, f))
            for case in segment_cases(lang, article, findings, mt_segs, ref_segs, src_segs,
                                      glossary):
                m, r, hits = case.m, case.r, case.flagged
                if case.accepted:
                    stats[f"accepted variants {lang}"] += 1
                    stats[f"accepted variants flagged {lang}"] += bool(hits)
                    continue
                stats[f"cases {lang}"] += 1
                fixed = bool(hits) and bool(hits[0].suggestions) and hits[0].suggestions[0] == r
                if not case.pairing:  # the reading without the pairing artefacts
                    stats[f"paired cases {lang}"] += 1
                    stats[f"paired flagged {lang}"] += bool(hits)
                    stats[f"paired fixed {lang}"] += fixed
                if hits:
                    stats[f"flagged {lang}"] += 1
                    if fixed:
                        stats[f"fixed {lang}"] += 1
                    else:
                        examples_wrong.append((m, r, hits[0].suggestions))
                else:
                    examples_missed.append((lang, m, r))
                    stats[(lang, miss_reason(lang, case, glossary))] += 1
    print("(a) name differences traceable to the source")
    langs = args.langs.split(",")
    for reading, prefix in (("raw (every pair counted, as in session 5)", ""),
                            ("without the pairing artefacts (M spells another name of the "
                             "segment)", "paired ")):
        print(f"  {reading}:")
        for lang in langs + ["all"]:
            group = langs if lang == "all" else [lang]
            n = sum(stats[f"{prefix}cases {x}"] for x in group)
            if n:
                flagged = sum(stats[f"{prefix}flagged {x}"] for x in group)
                fixed = sum(stats[f"{prefix}fixed {x}"] for x in group)
                print(f"    {lang}{'-en' if lang != 'all' else ''}: {n} cases; flagged "
                      f"{flagged / n:.2f} ({flagged}); fixed (reference spelling suggested) "
                      f"{fixed / n:.2f} ({fixed})")
    for lang in args.langs.split(","):
        v = stats[f"accepted variants {lang}"]
        if v:
            print(f"  {lang}-en: {v} more MT words are another accepted spelling of the reference's "
                  f"name (Mamaev/Mamayev; not counted as cases); flagged "
                  f"{stats[f'accepted variants flagged {lang}']}")
    for lang in args.langs.split(","):
        reasons = sorted(((k[1], v) for k, v in stats.items()
                          if isinstance(k, tuple) and k[0] == lang), key=lambda kv: -kv[1])
        if reasons:
            print(f"  {lang}-en misses by reason: " + "; ".join(f"{k}: {v}" for k, v in reasons))
    print("  missed (sample):", Counter((m, r) for _, m, r in examples_missed).most_common(25))
    for lang in args.langs.split(","):
        print(f"  {lang}-en missed:", Counter((m, r) for l, m, r in examples_missed if l == lang).most_common(120))
    print("  wrong suggestion (sample; M, R, suggested):",
          Counter((m, r, s[0] if s else None) for m, r, s in examples_wrong).most_common(12))
    if args.dump:
        Path(args.dump).write_text("".join("\t".join(row) + "\n" for row in dumped),
                                   encoding="utf-8")
    print("(b) references audited against their sources (false alarms)")
    total = sum(by_rule_ref.values())
    print(f"  {total} findings in {ref_words} reference words: "
          f"{1000 * total / max(1, ref_words):.2f} per 1,000 words")
    for (lang, rule), k in sorted(by_rule_ref.items()):
        print(f"    {lang} {rule}: {k} ({1000 * k / max(1, stats[f'ref words {lang}']):.2f}/1k)")
    print("MT audited against the sources")
    total = sum(by_rule_mt.values())
    print(f"  {total} findings in {mt_words} MT words: {1000 * total / max(1, mt_words):.2f} "
          f"per 1,000 words; {compared_src / max(1, total_src):.3f} of source sentences compared")
    for (lang, rule), k in sorted(by_rule_mt.items()):
        print(f"    {lang} {rule}: {k} ({1000 * k / max(1, stats[f'MT words {lang}']):.2f}/1k)")
    print(f"  source rules' time: {seconds:.1f} s for {mt_words} words "
          f"({mt_words / max(seconds, 1e-9):,.0f} words/s, in-process, one core)")
    print("  not comparable:", {k: v for k, v in stats.items() if "not comparable" in k})


if __name__ == "__main__":
    main()
