#!/usr/bin/env python3
"""Count glossary forms in professional references vs machine translations (stdlib + PyYAML).

usage: python scripts/scan_glossary_hits.py [--data DIR] [--top N] [--context]

For every `incorrect` and `russian_forms` form of glossaries/*.yaml, counts whole-word,
case-sensitive occurrences in the WMT23 uk-en and ru-en reference sentences (`ref`) and in
all systems' outputs (`hyps`) of DIR (default ../shared/dev/wmt23), leaving out occurrences
inside one of the entry's `exceptions`. An `incorrect` form found in a reference needs a look:
a professional translator used it, so it may be right in English after all. --context prints
those reference sentences.
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / ".." / "shared" / "dev" / "wmt23"


def load_sentences(data_dir):
    refs, hyps = [], []
    for pair in ("uk-en", "ru-en"):
        path = Path(data_dir) / f"{pair}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            refs.extend((pair, doc["doc"], s) for s in doc["ref"])
            for system_output in doc["hyps"].values():
                hyps.extend((pair, doc["doc"], s) for s in system_output)
    return refs, hyps


WORD = re.compile(r"\w+")


def word_index(sentences):
    """word -> indexes of the sentences containing it, so each form scans only candidates."""
    index = {}
    for i, (_, _, text) in enumerate(sentences):
        for word in set(WORD.findall(text)):
            index.setdefault(word, []).append(i)
    return index


def glossary_forms():
    """(kind, form, pack, entry name, exceptions) for incorrect and russian_forms forms."""
    for path in sorted((ROOT / "glossaries").glob("*.yaml")):
        pack = yaml.safe_load(path.read_text(encoding="utf-8"))
        for e in pack["entries"]:
            exceptions = e.get("exceptions") or []
            for item in e.get("incorrect") or []:
                form = item["form"] if isinstance(item, dict) else item
                yield "incorrect", form, pack["pack"], e["name"], exceptions
            for form in e.get("russian_forms") or []:
                yield "russian_forms", form, pack["pack"], e["name"], exceptions


def count(pattern, exceptions, sentences, keep=None):
    """Occurrences of pattern not inside an exception phrase; optionally collect sentences."""
    total = 0
    for item in sentences:
        text = item[2]
        if not pattern.search(text):
            continue
        covered = [m.span() for x in exceptions for m in re.finditer(re.escape(x), text)]
        n = sum(1 for m in pattern.finditer(text)
                if not any(a <= m.start() and m.end() <= b for a, b in covered))
        total += n
        if n and keep is not None:
            keep.append(item)
    return total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--context", action="store_true", help="print reference sentences hit")
    args = ap.parse_args(argv)
    refs, hyps = load_sentences(args.data)
    ref_index, hyp_index = word_index(refs), word_index(hyps)
    rows, totals = [], Counter()
    for kind, form, pack, name, exceptions in glossary_forms():
        pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
        first = WORD.search(form).group()
        ref_candidates = [refs[i] for i in ref_index.get(first, ())]
        hyp_candidates = [hyps[i] for i in hyp_index.get(first, ())]
        if not (ref_candidates or hyp_candidates):
            continue
        hit_refs = []
        r = count(pattern, exceptions, ref_candidates, hit_refs)
        h = count(pattern, exceptions, hyp_candidates)
        if not (r or h):
            continue
        totals[kind, "ref"] += r
        totals[kind, "hyp"] += h
        rows.append((kind, r, h, form, pack, name, hit_refs))
    print(f"{len(refs)} reference sentences, {len(hyps)} MT sentences "
          f"(WMT23 uk-en + ru-en)\n")
    for kind in ("incorrect", "russian_forms"):
        mine = sorted((row for row in rows if row[0] == kind), key=lambda r: (-r[1], -r[2], r[3]))
        print(f"== {kind}: {totals[kind, 'ref']} hits in references, "
              f"{totals[kind, 'hyp']} in MT output, {len(mine)} forms seen")
        print(f"{'refs':>5} {'MT':>6}  form -> entry (pack)")
        for _, r, h, form, pack, name, hit_refs in mine[:args.top]:
            print(f"{r:>5} {h:>6}  {form} -> {name} ({pack})")
            if args.context and kind == "incorrect":
                for pair, doc, sentence in hit_refs:
                    print(f"{'':>14}{pair} {doc}: {sentence[:160]}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
