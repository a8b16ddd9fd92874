#!/usr/bin/env python3
"""Mine candidate calques and odd phrases from real MT output, for the phrase packs
(mtqa/data/phrases/*.yaml). Prints candidates; a person curates them into the packs.

usage: python scripts/mine_phrases.py [--source wmt|mqm] [--pair uk-en] [--min-segs 2] [--top 300]
       python scripts/mine_phrases.py --attest [--fill] [--only RULE-PREFIX]

wmt: for every segment and system, the MT hypothesis is aligned with the professional
     reference (difflib over lower-cased words); each replaced stretch (hyp words -> ref words,
     with one word of context either side when the stretch is a single word) is a candidate
     "MT phrase -> reference phrase" pair. A candidate survives when the MT phrase never occurs
     in any reference of the dev data (so an entry made of it cannot fire on professional
     text), and it was produced in at least --min-segs different segments.
mqm: spans the zh-en raters marked Style/Awkward, Terminology or Accuracy/Mistranslation,
     grouped by lower-cased text; the human references (`ref`, `refB`) of the same segment give
     the likely fix, and spans that occur in the references anywhere are dropped.

Each candidate line: count of segments, of systems, the MT phrase, its most frequent
reference replacements, and one attested example (pair/doc/segment/system: sentence).

--attest runs every phrase-pack entry (the real rules, conditions included) over every MT
output and every reference of the dev data, one document at a time, and prints per entry:
findings on MT output, findings on references, and the first MT segment it fires on as a
candidate example. With --fill, entries whose `example:` and `source:` are still `TODO` get that
segment and its source written into the pack file (nothing else in the file changes).
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import devdata  # noqa: E402

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
STOP = set("the a an of to in on and or for with by at from is are was were be been it this that "
           "as its his her their our we you they he she i".split())


def words(text):
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def ngram_counts(texts, nmax=5):
    counts = Counter()
    for t in texts:
        ws = words(t)
        for n in range(1, nmax + 1):
            for i in range(len(ws) - n + 1):
                counts[" ".join(ws[i:i + n])] += 1
    return counts


def all_reference_texts():
    for d in devdata.all_wmt_docs():
        yield from d.ref
    for (doc, seg), by_sys in devdata.mqm_segments().items():
        for r in devdata.MQM_REFS:
            yield by_sys[r]


def replaced_pairs(hyp_words, ref_words):
    sm = difflib.SequenceMatcher(a=hyp_words, b=ref_words, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag not in ("replace", "delete") or i2 - i1 > 4:
            continue
        # a lone word is ambiguous; give it a word of context on each side
        if i2 - i1 == 1 and i1 > 0 and i2 < len(hyp_words):
            i1 -= 1
            i2 += 1
            j1 = max(0, j1 - 1)
            j2 = min(len(ref_words), j2 + 1)
        hyp = hyp_words[i1:i2]
        if all(w in STOP for w in hyp):
            continue
        yield " ".join(hyp), " ".join(ref_words[j1:j2])


def mine_wmt(pairs, min_segs, top, ref_ngrams):
    segs = defaultdict(set)
    systems = defaultdict(set)
    fixes = defaultdict(Counter)
    example = {}
    for pair in pairs:
        for d in devdata.wmt_docs(pair):
            for i, ref in enumerate(d.ref):
                rw = words(ref)
                for system, hyps in d.hyps.items():
                    hyp = hyps[i]
                    for phrase, fix in replaced_pairs(words(hyp), rw):
                        if ref_ngrams.get(phrase):
                            continue
                        segs[phrase].add((pair, d.doc, i))
                        systems[phrase].add(system)
                        fixes[phrase][fix] += 1
                        example.setdefault(phrase, f"{pair}/{d.doc}/{i}/{system}: {hyp}")
    rows = [(len(s), len(systems[p]), p) for p, s in segs.items() if len(s) >= min_segs]
    rows.sort(reverse=True)
    for n_segs, n_sys, phrase in rows[:top]:
        alts = "; ".join(f"{f!r}×{c}" for f, c in fixes[phrase].most_common(3))
        print(f"{n_segs:3} {n_sys:2}  {phrase!r} -> {alts}\n        e.g. {example[phrase]}")


MQM_CATS = ("Style/Awkward", "Terminology", "Accuracy/Mistranslation")


def mine_mqm(min_segs, top, ref_ngrams):
    segments = devdata.mqm_segments()
    segs = defaultdict(set)
    systems = defaultdict(set)
    cats = defaultdict(Counter)
    fixes = defaultdict(Counter)
    example = {}
    for row in devdata.mqm_rows():
        if row.span is None or row.system in devdata.MQM_REFS:
            continue
        if not row.category.startswith(MQM_CATS):
            continue
        span_words = words(row.target[row.span[0]:row.span[1]])
        if not span_words or len(span_words) > 5 or all(w in STOP for w in span_words):
            continue
        phrase = " ".join(span_words)
        if ref_ngrams.get(phrase):
            continue
        segs[phrase].add((row.doc, row.seg))
        systems[phrase].add(row.system)
        cats[phrase][row.category] += 1
        refs = segments[(row.doc, row.seg)]
        for r in devdata.MQM_REFS:
            for p, fix in replaced_pairs(words(row.target), words(refs[r])):
                if phrase in p or p in phrase:
                    fixes[phrase][fix] += 1
        example.setdefault(phrase, f"mqm/{row.doc}/{row.seg}/{row.system}: {row.target}")
    rows = [(len(s), len(systems[p]), p) for p, s in segs.items() if len(s) >= min_segs]
    rows.sort(reverse=True)
    for n_segs, n_sys, phrase in rows[:top]:
        alts = "; ".join(f"{f!r}×{c}" for f, c in fixes[phrase].most_common(3))
        cat = cats[phrase].most_common(1)[0][0]
        print(f"{n_segs:3} {n_sys:2}  {phrase!r} [{cat}] -> {alts}\n        e.g. {example[phrase]}")


def documents():
    """(kind, source label, segments) for every MT output and reference of every document."""
    for d in devdata.all_wmt_docs():
        yield "ref", f"wmt23 {d.pair} doc {d.doc} seg {{seg}} reference", d.ref
        for system, hyps in d.hyps.items():
            yield "mt", f"wmt23 {d.pair} doc {d.doc} seg {{seg}} {system}", hyps
    talks = defaultdict(lambda: defaultdict(dict))
    for (doc, seg), by_sys in devdata.mqm_segments().items():
        for system, text in by_sys.items():
            talks[doc][system][seg] = text
    for doc, by_sys in sorted(talks.items()):
        for system, segs in by_sys.items():
            order = sorted(segs)
            kind = "ref" if system in devdata.MQM_REFS else "mt"
            yield kind, f"mqm zh-en {doc} seg {{seg}} {system}", [segs[i] for i in order], order


def attest(only, fill):
    """Articles are whole documents (one segment per line), as in real use, so conditions on
    the article (article_has) see the whole text; each finding is reported with its segment."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from mtqa.article import Article
    from mtqa.engine import AuditContext, AuditOptions, audit_article
    from mtqa.glossary import load_glossary
    from mtqa.registry import select_rules

    rules = [r for r in select_rules([only or "phrase"]) if r.id.startswith("phrase-")]
    ctx = AuditContext(AuditOptions(select=[r.id for r in rules]),
                       glossary=load_glossary([root / "tests" / "fixtures" / "glossary.yaml"]))
    mt, ref, first = Counter(), Counter(), {}
    for item in documents():
        kind, label, segs = item[:3]
        seg_ids = item[3] if len(item) > 3 else list(range(len(segs)))
        article = Article("\n".join(segs), path=label)
        for f in audit_article(article, ctx):
            (mt if kind == "mt" else ref)[f.rule] += 1
            if kind == "mt" and f.rule not in first:
                line = article.position(f.start)[0]
                first[f.rule] = (label.format(seg=seg_ids[line - 1]), segs[line - 1])
    for r in rules:
        label, text = first.get(r.id, ("-", ""))
        print(f"{mt[r.id]:4} mt {ref[r.id]:3} ref  {r.id}\n        {label}: {text[:160]}")
    if fill:
        _fill_examples(rules, first)


def _fill_examples(rules, first):
    import json

    by_file = defaultdict(dict)
    for r in rules:
        if r.entry.example == "TODO" and r.id in first:
            by_file[r.pack.path][r.entry.id] = first[r.id]
    for path, todo in by_file.items():
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        current = None
        for i, line in enumerate(lines):
            m = re.match(r"\s*- id: (\S+)", line)
            if m:
                current = m.group(1)
            if current in todo:
                label, text = todo[current]
                indent = line[:len(line) - len(line.lstrip())]
                if line.strip() == "example: TODO":
                    lines[i] = f"{indent}example: {json.dumps(text, ensure_ascii=False)}"
                elif line.strip() == "source: TODO":
                    lines[i] = f"{indent}source: {label}"
        Path(path).write_text("\n".join(lines), encoding="utf-8")
        print(f"filled {len(todo)} example(s) in {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", choices=["wmt", "mqm"], default="wmt")
    ap.add_argument("--pair", action="append", choices=devdata.WMT_PAIRS)
    ap.add_argument("--min-segs", type=int, default=2)
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--attest", action="store_true", help="measure the phrase-pack entries")
    ap.add_argument("--only", help="with --attest: rule id prefix (e.g. phrase-uk)")
    ap.add_argument("--fill", action="store_true", help="with --attest: fill TODO examples")
    a = ap.parse_args()
    if a.attest:
        attest(a.only, a.fill)
        return
    ref_ngrams = ngram_counts(all_reference_texts())
    if a.source == "wmt":
        mine_wmt(a.pair or devdata.WMT_PAIRS, a.min_segs, a.top, ref_ngrams)
    else:
        mine_mqm(a.min_segs, a.top, ref_ngrams)


if __name__ == "__main__":
    main()
