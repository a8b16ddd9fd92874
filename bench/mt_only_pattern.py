#!/usr/bin/env python3
"""Is a candidate pattern an MT artefact or ordinary (translated) English? Counts a regular
expression on the three corpora of bench/en_false_alarms.py before any rule is written:

- MT: matches, documents, systems (issue 9's keep bar for a pattern without a citation: seen in
  >= 5 documents from >= 3 different MT systems);
- references (ru-en/34, whose "reference" is the Russian source, left out) and English
  originals: matches, with context;
- the MT/reference ratio per 1,000 words (the keep bar of a new rule is >= 5, with no
  English-original match).

    python bench/mt_only_pattern.py '(?i)\\bso-called ["“]'
    python bench/mt_only_pattern.py --show 10 '\\b(?:January|May) \\d{1,2}th\\b'

It reads the texts directly (no rule runs), so a candidate is judged in seconds; a rule built
from a candidate that passes is then measured with bench/en_false_alarms.py --per-rule.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import DEV, MQM_REFS, all_wmt_docs, mqm_documents  # noqa: E402

NOT_ENGLISH = {("ru-en", "34")}  # the corrupt reference (see bench/en_false_alarms.py)
_WORD = re.compile(r"\w+")


def texts():
    """(corpus, document, system, text) for every MT output, reference and original."""
    for d in all_wmt_docs():
        if (d.pair, d.doc) not in NOT_ENGLISH:
            yield "ref", f"{d.pair}/{d.doc}", "ref", "\n".join(d.ref)
        for system, hyp in sorted(d.hyps.items()):
            yield "mt", f"{d.pair}/{d.doc}", system, "\n".join(hyp)
    for (system, doc), text in sorted(mqm_documents().items()):
        yield ("ref" if system in MQM_REFS else "mt"), f"zh-en/{doc}", system, text
    with open(DEV / "en-orig" / "wmt23-en-news.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            yield "en-orig", f"en-orig/{d['doc']}", "orig", "\n".join(d["lines"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pattern", help="a Python regular expression")
    ap.add_argument("--show", type=int, default=5, help="MT matches to print (default 5)")
    args = ap.parse_args(argv)
    pattern = re.compile(args.pattern)
    words = {"mt": 0, "ref": 0, "en-orig": 0}
    hits = {"mt": 0, "ref": 0, "en-orig": 0}
    documents, systems, shown = set(), set(), 0
    for corpus, doc, system, text in texts():
        words[corpus] += len(_WORD.findall(text))
        for m in pattern.finditer(text):
            hits[corpus] += 1
            where = repr(text[max(0, m.start() - 60):m.end() + 40])
            if corpus == "mt":
                documents.add(doc)
                systems.add(system)
                if shown < args.show:
                    shown += 1
                    print(f"mt\t{doc}\t{system}\t{where}")
            else:
                print(f"{corpus}\t{doc}\t{where}")
    rate = {k: 1000.0 * hits[k] / max(words[k], 1) for k in hits}
    ratio = rate["mt"] / rate["ref"] if hits["ref"] else float("inf")
    print(f"MT {hits['mt']} ({rate['mt']:.3f}/1k) in {len(documents)} documents from "
          f"{len(systems)} systems; references {hits['ref']} ({rate['ref']:.3f}/1k); "
          f"en-orig {hits['en-orig']}; MT/ref {ratio:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
